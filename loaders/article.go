// Package loaders reads news articles from files, directories, globs and
// standard input (plain text, JSON and JSON Lines, HTML, RSS and Atom) and
// runs an Extractor over them on all cores, yielding one extraction record
// per article in input order.
//
// It does not write anything: storing records is the graph package's job,
// and loaders never imports it. The extraction engine itself lives in
// loaders/extract.
package loaders

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"newsgraph/schema"
)

// Article is one news article as read from its source, before extraction.
type Article struct {
	ID        string // stable id: given id or URL, else file name, else content hash
	File      string // base name of the file it came from ("" for stdin)
	Path      string // where it came from, for messages ("-" for stdin, "feed.xml#3" for items)
	Title     string
	Text      string // body text, metadata lines removed
	Published string // YYYY-MM-DD, "" when unknown
	Source    string // publisher named in metadata, "" when unknown
	URL       string
}

// Words counts the whitespace-separated words of the body.
func (a *Article) Words() int { return len(strings.Fields(a.Text)) }

// Extractor turns one article into its extraction record. Implementations
// must be safe for concurrent use.
type Extractor interface {
	Extract(a *Article) schema.Extraction
}

// InputError is a problem with one input: a file that cannot be read or an
// article that cannot be used. Its message is "FILE: reason".
type InputError struct {
	Path   string
	Reason string
	Err    error
}

func (e *InputError) Error() string { return e.Path + ": " + e.Reason }
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(path, format string, args ...any) *InputError {
	return &InputError{Path: path, Reason: fmt.Sprintf(format, args...)}
}

// FinishArticle fills the derived fields of an article read from path: a
// stable id when none was given and a valid UTF-8 body. It rejects articles
// without text.
func FinishArticle(a *Article) error {
	a.Text = strings.TrimSpace(a.Text)
	a.Title = strings.TrimSpace(a.Title)
	if a.Text == "" && a.Title == "" {
		return inputErr(a.Path, "no article text")
	}
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
		return inputErr(a.Path, "text is not valid UTF-8")
	}
	if a.ID == "" {
		switch {
		case a.URL != "":
			a.ID = a.URL
		default:
			a.ID = schema.ArticleHash(a.Title, a.Text)
		}
	}
	return nil
}
