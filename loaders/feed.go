package loaders

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"
)

var feedStart = regexp.MustCompile(`(?is)^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!doctype[^>]*>\s*)*<(?:rss|feed|rdf:rdf)[\s>]`)

// sniffFeed recognises an RSS, RDF or Atom document by its root element.
func sniffFeed(head []byte) bool { return feedStart.Match(head) }

// readFeed reads an RSS, RDF or Atom feed (or a JSON Feed): each item is
// an article whose path is "FILE#N" (N counting items from 1). Its text is
// the item's content, else its description, with HTML turned into text;
// its id is the item's guid, else its link; its source is the item's own
// source, else its Dublin Core publisher, else the feed's title. An item
// without text is reported and the others are read.
func readFeed(path string, data []byte) ([]*Article, error) {
	fp := gofeed.NewParser()
	fp.KeepOriginalFeed = true
	feed, err := fp.Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, inputErr(path, "not an RSS or Atom feed")
		}
		return nil, inputErr(path, "invalid feed: %s", lowerFirst(err.Error()))
	}
	if len(feed.Items) == 0 {
		return nil, inputErr(path, "feed has no items")
	}
	sources := itemSources(feed)
	feedTitle := plainText(feed.Title)
	var arts []*Article
	var errs InputErrors
	for i, it := range feed.Items {
		a := &Article{Path: path + "#" + strconv.Itoa(i+1)}
		a.Title = plainText(it.Title)
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		a.Text = plainText(body)
		a.URL = strings.TrimSpace(it.Link)
		a.ID = first(it.GUID, it.Link)
		a.Published = first(ParseDate(it.Published), parsedDate(it.PublishedParsed), ParseDate(it.Updated), parsedDate(it.UpdatedParsed))
		if a.Published == "" && it.DublinCoreExt != nil && len(it.DublinCoreExt.Date) > 0 {
			a.Published = ParseDate(it.DublinCoreExt.Date[0])
		}
		if i < len(sources) {
			a.Source = sources[i]
		}
		if a.Source == "" && it.DublinCoreExt != nil && len(it.DublinCoreExt.Publisher) > 0 {
			a.Source = it.DublinCoreExt.Publisher[0]
		}
		if a.Source == "" {
			a.Source = feedTitle
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			a.Author = it.Authors[0].Name
		}
		liftMeta(a)
		if err := FinishArticle(a); err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				errs = append(errs, ie.describe(a))
			}
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs.join()
}

// itemSources returns, per item, the title of the feed the item says it
// came from (RSS <source>, Atom <source><title>), "" where none.
func itemSources(feed *gofeed.Feed) []string {
	switch f := feed.OriginalFeed().(type) {
	case *rss.Feed:
		out := make([]string, len(f.Items))
		for i, it := range f.Items {
			if it.Source != nil {
				out[i] = plainText(it.Source.Title)
			}
		}
		return out
	case *atom.Feed:
		out := make([]string, len(f.Entries))
		for i, e := range f.Entries {
			if e.Source != nil {
				out[i] = plainText(e.Source.Title)
			}
		}
		return out
	}
	return nil
}

// plainText turns a feed string that may hold HTML into text.
func plainText(s string) string {
	s = strings.TrimSpace(s)
	if looksLikeHTML(s) {
		return HTMLText(s)
	}
	return unescapeEntities(s)
}

func parsedDate(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return saneDate(*t)
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "XML") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
