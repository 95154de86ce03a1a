// Package loaders reads news articles from files, directories, globs and
// standard input (plain text, JSON and JSON Lines, HTML, RSS and Atom) and
// runs an Extractor over them on all cores, yielding one extraction record
// per article in input order.
//
// Each format is an entry of the Formats registry, chosen by file
// extension or, failing that, by sniffing the content. Every input that
// cannot be used becomes an *InputError whose message is "FILE: reason"
// (or "FILE:LINE: reason" for one line of a JSON Lines file); the other
// articles are still produced.
//
// It does not write anything: storing records is the graph package's job,
// and loaders never imports it. The extraction engine itself lives in
// loaders/extract.
package loaders

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"newsgraph/schema"
)

// Article is one news article as read from its source, before extraction.
type Article struct {
	ID        string // stable id: given id or URL, else file name, else content hash
	File      string // base name of the file that holds only this article; "" for stdin and items of JSON arrays, JSON Lines and feeds
	Path      string // where it came from, for messages ("-" for stdin, "feed.xml#3", "a.jsonl:7")
	Title     string
	Text      string // body text, metadata lines removed; paragraphs separated by blank lines
	Published string // YYYY-MM-DD, "" when unknown
	Source    string // publisher named in metadata, "" when unknown
	URL       string
	Author    string // byline, "" when unknown
}

// Words counts the whitespace-separated words of the body.
func (a *Article) Words() int { return len(strings.Fields(a.Text)) }

// Extractor turns one article into its extraction record. Implementations
// must be safe for concurrent use.
type Extractor interface {
	Extract(a *Article) schema.Extraction
}

// InputError is a problem with one input: a file that cannot be read or an
// article that cannot be used. Its message is "FILE: reason"; Path may
// carry a line ("a.jsonl:7") or an item ("feed.xml#3").
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

// InputErrors is several problems with one input, in input order: the
// malformed lines of a JSON Lines file, the unusable items of a feed. Its
// message has one "FILE: reason" line per problem.
type InputErrors []*InputError

func (es InputErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives errors.Is and errors.As access to each problem.
func (es InputErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// join returns nil for no problems, the problem itself for one, and
// InputErrors for several.
func (es InputErrors) join() error {
	switch len(es) {
	case 0:
		return nil
	case 1:
		return es[0]
	}
	return es
}

// SplitErrors returns the single problems an error of ReadInput holds, one
// per "FILE: reason" line; nil gives none.
func SplitErrors(err error) []error {
	if err == nil {
		return nil
	}
	var es InputErrors
	if errors.As(err, &es) {
		return es.Unwrap()
	}
	return []error{err}
}

// FinishArticle cleans an article read from a.Path and fills its derived
// fields: title and body trimmed and free of control characters, and a
// stable id when none was given (its URL, else a hash of its content). It
// rejects articles without body text.
func FinishArticle(a *Article) error {
	a.Text = cleanText(a.Text)
	if text, ok := cutSignOff(a.Text); ok {
		a.Text = text
		if a.Source == "" {
			a.Source = "Reuters"
		}
	}
	a.Title = strings.Join(strings.Fields(cleanText(a.Title)), " ")
	a.Source = strings.Join(strings.Fields(a.Source), " ")
	a.Author = strings.Join(strings.Fields(a.Author), " ")
	a.URL = strings.TrimSpace(a.URL)
	a.ID = strings.TrimSpace(a.ID)
	if a.Text == "" {
		if a.Title != "" {
			return inputErr(a.Path, "no body text, only a title")
		}
		return inputErr(a.Path, "no article text")
	}
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
		return inputErr(a.Path, "text is not valid UTF-8")
	}
	if a.ID == "" {
		if a.URL != "" {
			a.ID = a.URL
		} else {
			a.ID = schema.ArticleHash(a.Title, a.Text)
		}
	}
	return nil
}

// describe adds what identifies an item of a file (its id, its title)
// to a problem with it.
func (e *InputError) describe(a *Article) *InputError {
	var ctx []string
	if a.ID != "" {
		ctx = append(ctx, "id "+a.ID)
	} else if a.URL != "" {
		ctx = append(ctx, a.URL)
	}
	if a.Title != "" {
		ctx = append(ctx, strconv.Quote(clip(a.Title, 50)))
	}
	if len(ctx) > 0 {
		e.Reason += " (" + strings.Join(ctx, ", ") + ")"
	}
	return e
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
