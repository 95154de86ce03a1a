package loaders

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

var (
	htmlStart = regexp.MustCompile(`(?is)^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h1|h2|section|header)[\s>/]`)
	// htmlMarkup is evidence of HTML in a string: a closing tag, a line
	// break, or a tag with attributes. An opening tag alone is not: wire
	// copy writes ticker symbols as "<I>" or "<P>".
	htmlMarkup = regexp.MustCompile(`(?i)</(?:p|div|span|a|em|strong|b|i|u|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|tr|td|section|article|font)>|<br\s*/?>|<(?:p|div|span|a|img|font|section)\s+[a-z-]+=`)
)

// sniffHTML recognises an HTML document (or an HTML fragment that starts
// with a block element).
func sniffHTML(head []byte) bool { return htmlStart.Match(head) }

// looksLikeHTML reports a string that holds HTML markup rather than text.
func looksLikeHTML(s string) bool {
	return strings.IndexByte(s, '<') >= 0 && htmlMarkup.MatchString(s)
}

// HTMLText turns an HTML fragment (a feed item's content, a JSON body
// written in HTML) into plain text: scripts, styles and markup dropped,
// entities decoded, block elements separated by blank lines.
func HTMLText(fragment string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return fragment
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return blockText(root)
}

// blockText renders a node as text, with every line break between blocks
// made a paragraph break (a blank line), which is what the extractor
// reads as one.
func blockText(n *html.Node) string {
	text := render.InnerText(n)
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n\n")
}

// readHTML reads an HTML page: its main text found by readability (not
// menus, scripts, comments), its title, publication date
// (article:published_time, JSON-LD datePublished, other date meta tags,
// a <time> element), publisher (og:site_name, JSON-LD publisher) and
// canonical URL (link rel=canonical, og:url), which is also its id. A page
// without a canonical URL is identified by its file name.
func readHTML(path string, data []byte) ([]*Article, error) {
	doc, err := html.Parse(strings.NewReader(decodeHTML(data)))
	if err != nil {
		return nil, inputErr(path, "html: cannot parse: %v", err)
	}
	meta := scanHTMLMeta(doc)
	a := &Article{Path: path, URL: meta.canonical, Published: meta.published, Source: meta.site, Author: meta.author, Title: meta.title}
	if path != "-" {
		a.File = filepath.Base(path)
	}
	var base *url.URL
	if u, err := url.Parse(meta.canonical); err == nil && u.IsAbs() {
		base = u
	}
	// scanHTMLMeta has read what it needs: the page's chrome can go, and
	// readability may change doc.
	pruneChrome(doc)
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, base)
	if err == nil {
		if a.Title == "" {
			a.Title = art.Title()
		}
		if a.Source == "" {
			a.Source = art.SiteName()
		}
		if a.Author == "" {
			a.Author = art.Byline()
		}
		if a.Published == "" {
			if t, err := art.PublishedTime(); err == nil {
				a.Published = saneDate(t)
			}
		}
		if art.Node != nil {
			a.Text = blockText(art.Node)
		}
	}
	if strings.TrimSpace(a.Text) == "" {
		// Too little text for readability to call it an article (a short
		// page): take the visible text of the body.
		doc, err = html.Parse(strings.NewReader(decodeHTML(data)))
		if err == nil {
			a.Text = blockText(pruneChrome(doc))
		}
	}
	a.Text = dropRepeatedTitle(a.Text, a.Title)
	liftMeta(a)
	switch {
	case a.URL != "":
		a.ID = a.URL
	case a.File != "":
		a.ID = FileID(path)
	}
	if err := FinishArticle(a); err != nil {
		return nil, err
	}
	return []*Article{a}, nil
}

// decodeHTML returns a page as UTF-8: valid UTF-8 as it is (even when the
// page declares another charset, a common mislabelling), else the charset
// the page declares, else Windows-1252.
func decodeHTML(data []byte) string {
	if utf8.Valid(data) {
		return string(skipBOM(data))
	}
	if enc, name, certain := charset.DetermineEncoding(data, ""); certain && name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return string(out)
		}
	}
	return DecodeText(data)
}

// dropRepeatedTitle removes the title from the start of the body, where
// pages often repeat it as a heading.
func dropRepeatedTitle(text, title string) string {
	text = strings.TrimLeft(text, "\n ")
	if title == "" {
		return text
	}
	first, rest, _ := strings.Cut(text, "\n")
	if strings.EqualFold(strings.Join(strings.Fields(first), " "), strings.Join(strings.Fields(title), " ")) {
		return rest
	}
	return text
}

// pruneChrome removes what is never article text (scripts, styles,
// navigation, headers and footers, forms, asides) and returns the body.
func pruneChrome(doc *html.Node) *html.Node {
	var body *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				switch c.DataAtom {
				case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Template, atom.Iframe, atom.Svg, atom.Button, atom.Select:
					n.RemoveChild(c)
					c = next
					continue
				case atom.Body:
					body = c
				}
			}
			walk(c)
			c = next
		}
	}
	walk(doc)
	if body == nil {
		return doc
	}
	return body
}

// htmlMeta is what a page's head says about its article.
type htmlMeta struct {
	title, canonical, site, published, author string
}

// publishedMeta are the meta tags (property or name, lower case) that give
// a publication date, best first.
var publishedMeta = []string{
	"article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate",
	"publish-date", "publication_date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created",
	"sailthru.date", "parsely-pub-date", "article.published", "published_time", "cxenseparse:recs:publishtime",
}

// scanHTMLMeta reads a page's metadata: meta tags, link rel=canonical,
// JSON-LD and <time> elements.
func scanHTMLMeta(doc *html.Node) htmlMeta {
	metas := map[string]string{}
	var canonical, itempropDate, timeDate, pubdateTime string
	var ld []map[string]any
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := attr(n, "content")
				for _, k := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop")} {
					k = strings.ToLower(strings.TrimSpace(k))
					if k != "" && content != "" {
						if _, seen := metas[k]; !seen {
							metas[k] = strings.TrimSpace(content)
						}
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					ld = append(ld, jsonLDObjects(n.FirstChild.Data)...)
				}
			case atom.Time:
				dt := attr(n, "datetime")
				if dt == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					dt = n.FirstChild.Data
				}
				if d := ParseDate(dt); d != "" {
					switch {
					case strings.EqualFold(attr(n, "itemprop"), "datePublished"):
						if itempropDate == "" {
							itempropDate = d
						}
					case hasAttr(n, "pubdate"):
						if pubdateTime == "" {
							pubdateTime = d
						}
					case timeDate == "":
						timeDate = d
					}
				}
			}
			if d := attr(n, "datetime"); d != "" && n.DataAtom != atom.Time && strings.EqualFold(attr(n, "itemprop"), "datePublished") && itempropDate == "" {
				itempropDate = ParseDate(d)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	var m htmlMeta
	article := pickJSONLDArticle(ld)
	m.canonical = first(canonical, metas["og:url"], ldString(article, "url"))
	if u, err := url.Parse(m.canonical); err != nil || !u.IsAbs() {
		m.canonical = "" // a relative canonical link identifies nothing
	}
	m.title = first(ldString(article, "headline"), metas["og:title"], metas["twitter:title"])
	m.site = first(metas["og:site_name"], ldName(article, "publisher"), metas["application-name"])
	m.author = first(ldName(article, "author"), metas["author"], metas["article:author"])
	if strings.Contains(m.author, "://") {
		m.author = ""
	}
	var dates []string
	dates = append(dates, metas["article:published_time"], ldString(article, "datePublished"))
	for _, k := range publishedMeta[1:] {
		dates = append(dates, metas[k])
	}
	dates = append(dates, itempropDate, pubdateTime, ldString(article, "dateCreated"), timeDate, metas["article:modified_time"], ldString(article, "dateModified"))
	for _, d := range dates {
		if p := ParseDate(d); p != "" {
			m.published = p
			break
		}
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func first(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return html.UnescapeString(v)
		}
	}
	return ""
}

// jsonLDObjects returns the objects of one JSON-LD script, flattening
// arrays and @graph lists.
func jsonLDObjects(src string) []map[string]any {
	var v any
	if json.Unmarshal(bytes.TrimSpace([]byte(src)), &v) != nil {
		return nil
	}
	var out []map[string]any
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			out = append(out, x)
			if g, ok := x["@graph"]; ok {
				walk(g)
			}
		}
	}
	walk(v)
	return out
}

// articleTypes are the schema.org types of a news article in JSON-LD.
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "blogposting": true, "backgroundnewsarticle": true, "reviewnewsarticle": true,
	"liveblogposting": true, "scholarlyarticle": true, "report": true,
}

// pickJSONLDArticle returns the first JSON-LD object typed as an article,
// else the first with a datePublished.
func pickJSONLDArticle(objs []map[string]any) map[string]any {
	for _, o := range objs {
		var types []any
		switch t := o["@type"].(type) {
		case string:
			types = []any{t}
		case []any:
			types = t
		}
		for _, t := range types {
			if s, ok := t.(string); ok && articleTypes[strings.ToLower(s)] {
				return o
			}
		}
	}
	for _, o := range objs {
		if _, ok := o["datePublished"]; ok {
			return o
		}
	}
	return nil
}

func ldString(o map[string]any, key string) string {
	switch v := o[key].(type) {
	case string:
		return v
	case []any:
		if len(v) > 0 {
			if s, ok := v[0].(string); ok {
				return s
			}
		}
	case map[string]any:
		if s, ok := v["@id"].(string); ok {
			return s
		}
	}
	return ""
}

// ldName reads a JSON-LD value that names something: a string, an object
// with "name", or a list of those (joined by ", ").
func ldName(o map[string]any, key string) string {
	var name func(v any) string
	name = func(v any) string {
		switch x := v.(type) {
		case string:
			return x
		case map[string]any:
			s, _ := x["name"].(string)
			return s
		case []any:
			var names []string
			for _, e := range x {
				if s := name(e); s != "" {
					names = append(names, s)
				}
			}
			return strings.Join(names, ", ")
		}
		return ""
	}
	return name(o[key])
}
