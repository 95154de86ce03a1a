package loaders

import (
	"bytes"
	"encoding/json"
	"errors"
	"html"
	"io"
	"maps"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// sniffJSON recognises a JSON object or array of objects.
func sniffJSON(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) < 2 {
		return false
	}
	rest := bytes.TrimLeft(head[1:], " \t\r\n")
	switch head[0] {
	case '{':
		return len(rest) == 0 || rest[0] == '"' || rest[0] == '}'
	case '[':
		return len(rest) == 0 || rest[0] == '{' || rest[0] == ']'
	}
	return false
}

// readJSON reads a .json input: an array of article objects, a single
// article object, an object holding an array of articles under
// "articles", "items", "data" or the like (as news APIs return), a JSON
// Feed, or JSON Lines under a .json name.
func readJSON(path string, data []byte) ([]*Article, error) {
	data = bytes.TrimSpace(skipBOM(data))
	if len(data) > 0 && data[0] == '[' {
		return readJSONArray(path, data)
	}
	v, err := decodeJSON(data)
	if err != nil {
		// Not one value: JSON Lines when its first line is an object.
		first, _, _ := bytes.Cut(data, []byte{'\n'})
		if json.Valid(bytes.TrimSpace(first)) {
			return readJSONLines(path, data)
		}
		return nil, jsonError(path, data, err)
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, inputErr(path, "not a JSON object or array of objects")
	}
	if isJSONFeed(obj) {
		return readFeed(path, data)
	}
	if _, ok := lookup(obj, textKeys); !ok {
		for _, k := range listKeys {
			if list, ok := lookup(obj, []string{k}); ok {
				if items, ok := list.([]any); ok {
					return readJSONItems(path, items)
				}
			}
		}
	}
	// One article in a file of its own: like a text file, it is known by
	// its file name when it gives no id or URL, so an edited file replaces
	// its earlier version.
	if _, ok := lookup(obj, idKeys); !ok && path != "-" {
		if _, ok := lookup(obj, urlKeys); !ok {
			obj = maps.Clone(obj)
			obj["_id"] = FileID(path)
		}
	}
	a, ie := articleFromJSON(path, obj)
	if ie != nil {
		return nil, ie
	}
	a.File = filepath.Base(path)
	if path == "-" {
		a.File = ""
	}
	return []*Article{a}, nil
}

// listKeys name the array of articles in a wrapper object such as a news
// API's response.
var listKeys = []string{"articles", "items", "data", "results", "documents", "docs", "stories", "posts", "entries", "news"}

// decodeJSON decodes exactly one JSON value, numbers kept as written.
// Its syntax errors are json.Unmarshal's (offset just past the offending
// byte).
func decodeJSON(data []byte) (any, error) {
	if !json.Valid(data) {
		var raw json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, err
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// lookup finds the first of keys (normalised names) in obj.
func lookup(obj map[string]any, keys []string) (any, bool) {
	for k, v := range obj {
		nk := normKey(k)
		for _, want := range keys {
			if nk == want {
				return v, true
			}
		}
	}
	return nil, false
}

// readJSONArray reads an array of article objects, streaming. Each
// element that is not usable is reported as "FILE:LINE: reason" (LINE
// where the element starts) and the others are read; a syntax error ends
// the array and is reported at its own line.
func readJSONArray(path string, data []byte) ([]*Article, error) {
	// A json.Decoder's error offsets are not where the fault is; a
	// validation pass gives json.Unmarshal's, which are.
	var syntaxErr error
	if !json.Valid(data) {
		var raw json.RawMessage
		syntaxErr = json.Unmarshal(data, &raw)
	}
	lines := newLineIndex(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var arts []*Article
	var errs InputErrors
	fail := func(err error) error {
		if syntaxErr != nil {
			err = syntaxErr
		}
		errs = append(errs, jsonError(path, data, err))
		return errs.join()
	}
	if _, err := dec.Token(); err != nil { // '['
		return nil, fail(err)
	}
	for dec.More() {
		// The decoder's offset is before any separator and whitespace.
		pos := int(dec.InputOffset())
		if i := bytes.IndexAny(data[pos:], "{[\"0123456789-tfn"); i > 0 {
			pos += i
		}
		itemPath := path + ":" + strconv.Itoa(lines.line(pos))
		var v any
		if err := dec.Decode(&v); err != nil {
			return arts, fail(err)
		}
		a, ie := articleFromValue(itemPath, v)
		if ie != nil {
			errs = append(errs, ie)
			continue
		}
		arts = append(arts, a)
	}
	if _, err := dec.Token(); err != nil && !errors.Is(err, io.EOF) { // ']'
		return arts, fail(err)
	}
	if syntaxErr != nil { // trailing garbage after the array
		return arts, fail(syntaxErr)
	}
	return arts, errs.join()
}

// readJSONItems reads the decoded elements of a wrapper's array; their
// paths are "FILE#N", N counting from 1.
func readJSONItems(path string, items []any) ([]*Article, error) {
	var arts []*Article
	var errs InputErrors
	for i, v := range items {
		a, ie := articleFromValue(path+"#"+strconv.Itoa(i+1), v)
		if ie != nil {
			errs = append(errs, ie)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs.join()
}

// readJSONLines reads one article object per line. A line that is not a
// usable object is reported as "FILE:LINE: reason"; the other lines are
// still read.
func readJSONLines(path string, data []byte) ([]*Article, error) {
	data = skipBOM(data)
	var arts []*Article
	var errs InputErrors
	n := 0
	for len(data) > 0 {
		n++
		line, rest, _ := bytes.Cut(data, []byte{'\n'})
		data = rest
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		linePath := path + ":" + strconv.Itoa(n)
		v, err := decodeJSON(line)
		if err != nil {
			errs = append(errs, jsonError(linePath, line, err))
			continue
		}
		a, ie := articleFromValue(linePath, v)
		if ie != nil {
			errs = append(errs, ie)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs.join()
}

// articleFromValue makes an article from a decoded value that should be
// an article object.
func articleFromValue(path string, v any) (*Article, *InputError) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, inputErr(path, "not a JSON object")
	}
	return articleFromJSON(path, obj)
}

// The field names each article field is read from, normalised: lower
// case without "_" and "-". The first present and non-empty one wins.
var (
	textKeys    = []string{"text", "body", "content", "articlebody", "articletext", "fulltext", "bodytext", "story", "maintext"}
	titleKeys   = []string{"title", "headline", "webtitle"}
	dateKeys    = []string{"date", "published", "publishedat", "datepublished", "publicationdate", "publishdate", "pubdate", "webpublicationdate", "datetime", "createdat", "created", "time", "timestamp", "updated", "updatedat", "datemodified", "modified"}
	sourceKeys  = []string{"source", "publisher", "sitename", "site", "outlet", "publication", "newspaper", "provider"}
	urlKeys     = []string{"url", "link", "canonicalurl", "permalink", "weburl", "uri"}
	idKeys      = []string{"id", "_id", "guid", "uuid", "docid", "articleid", "storyid", "itemid", "newid"}
	authorKeys  = []string{"author", "authors", "byline", "creator", "writer"}
	nestedKeys  = []string{"attrs", "attributes", "meta", "metadata", "fields"}
	nameKeys    = []string{"name", "title", "id"}
	entityRegex = regexp.MustCompile(`&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});`)
)

// articleFromJSON makes an article from one object. Fields are looked up
// by their common names (see textKeys and the others), in the object
// itself and then in a nested "attrs", "meta", "metadata" or "fields"
// object. Strings are unescaped from HTML entities; a body written in
// HTML is turned into text.
func articleFromJSON(path string, obj map[string]any) (*Article, *InputError) {
	scopes := []map[string]any{normObject(obj)}
	for _, k := range nestedKeys {
		if sub, ok := scopes[0][k].(map[string]any); ok {
			scopes = append(scopes, normObject(sub))
		}
	}
	get := func(keys []string, read func(any) string) string {
		for _, m := range scopes {
			for _, k := range keys {
				if v, ok := m[k]; ok {
					if s := strings.TrimSpace(read(v)); s != "" {
						return s
					}
				}
			}
		}
		return ""
	}
	a := &Article{Path: path}
	a.Text = get(textKeys, jsonText)
	if looksLikeHTML(a.Text) {
		a.Text = HTMLText(a.Text)
	}
	a.Title = get(titleKeys, jsonText)
	if looksLikeHTML(a.Title) {
		a.Title = HTMLText(a.Title)
	}
	a.Published = get(dateKeys, func(v any) string { return ParseDate(jsonScalar(v)) })
	a.Source = get(sourceKeys, jsonName)
	a.URL = get(urlKeys, jsonURL)
	a.ID = get(idKeys, jsonScalar)
	a.Author = get(authorKeys, jsonName)
	liftMeta(a)
	if err := FinishArticle(a); err != nil {
		var ie *InputError
		if !errors.As(err, &ie) {
			ie = inputErr(path, "%v", err)
		}
		return nil, ie.describe(a)
	}
	return a, nil
}

// normObject returns obj with its keys normalised (see normKey).
func normObject(obj map[string]any) map[string]any {
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		nk := normKey(k)
		if _, dup := out[nk]; !dup || nk == k {
			out[nk] = v
		}
	}
	return out
}

// normKey lower-cases a field name and drops "_" and "-" (but "_id"
// stays itself).
func normKey(k string) string {
	clean := true
	for i := 0; i < len(k); i++ {
		if c := k[i]; c >= 'A' && c <= 'Z' || c == '_' || c == '-' {
			clean = false
			break
		}
	}
	if clean || k == "_id" {
		return k
	}
	b := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == '_' || c == '-':
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// jsonString reads a string value, "" for anything else.
func jsonString(v any) string {
	s, _ := v.(string)
	return unescapeEntities(s)
}

// jsonText reads a body or title: a string, an array of strings
// (paragraphs), or an object holding the string under "rendered", "text",
// "value" or "html" (as WordPress and some CMS APIs do).
func jsonText(v any) string {
	switch x := v.(type) {
	case string:
		return unescapeEntities(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				parts = append(parts, s)
			}
		}
		return unescapeEntities(strings.Join(parts, "\n\n"))
	case map[string]any:
		for _, k := range []string{"rendered", "text", "value", "html"} {
			if s := jsonString(x[k]); s != "" {
				return s
			}
		}
	}
	return ""
}

// jsonScalar reads a string or a number as a string.
func jsonScalar(v any) string {
	switch x := v.(type) {
	case json.Number:
		return x.String()
	case string:
		return unescapeEntities(x)
	}
	return ""
}

// jsonName reads a name: a string, an object with "name" (or "title"), or
// an array of those (joined by ", ").
func jsonName(v any) string {
	switch x := v.(type) {
	case string:
		return unescapeEntities(x)
	case map[string]any:
		n := normObject(x)
		for _, k := range nameKeys {
			if s := jsonScalar(n[k]); s != "" {
				return s
			}
		}
	case []any:
		var names []string
		for _, e := range x {
			if s := jsonName(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// jsonURL reads a URL: a string or an object with "href".
func jsonURL(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["href"].(string)
		return s
	}
	return ""
}

// unescapeEntities decodes HTML entities ("&lt;", "&#3;") that sources
// exported from SGML or HTML leave in their strings.
func unescapeEntities(s string) string {
	if strings.IndexByte(s, '&') < 0 || !entityRegex.MatchString(s) {
		return s
	}
	return html.UnescapeString(s)
}

// isJSONFeed recognises a JSON Feed (jsonfeed.org) document.
func isJSONFeed(obj map[string]any) bool {
	v, _ := obj["version"].(string)
	_, items := obj["items"]
	return items && strings.Contains(v, "jsonfeed.org")
}

// jsonError reports a decoding error of data, read from path, without Go
// type names. A syntax error names its line (unless data is one line, as
// in JSON Lines, whose path already has it) and column:
// "FILE:3: invalid JSON: invalid character '}' ... (column 7)".
func jsonError(path string, data []byte, err error) *InputError {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.As(err, &se) && strings.HasPrefix(se.Error(), "unexpected end of JSON input"):
		return inputErr(path, "invalid JSON: unexpected end of input")
	case se != nil:
		// json.Unmarshal's offset is just past the offending byte.
		idx := newLineIndex(data)
		line, col := idx.lineCol(max(int(se.Offset)-1, 0))
		if len(idx) > 1 {
			path += ":" + strconv.Itoa(line)
		}
		return inputErr(path, "invalid JSON: %s (column %d)", se.Error(), col)
	case errors.As(err, &te):
		return inputErr(path, "expected a JSON object, found %s", te.Value)
	}
	return inputErr(path, "invalid JSON: %v", err)
}

// lineIndex maps byte offsets to 1-based lines and columns.
type lineIndex []int // offsets of line starts

func newLineIndex(data []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range data {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (l lineIndex) line(off int) int {
	line, _ := l.lineCol(off)
	return line
}

func (l lineIndex) lineCol(off int) (int, int) {
	lo, hi := 0, len(l)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if l[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, off - l[lo] + 1
}
