// Package extract finds the entities, attributed statements, roles and
// relations of one English news article and returns them as a kg-gold/1
// extraction record. It is rule-based, uses only data embedded in the
// binary, and never touches the network or a store.
//
// The work is a pipeline of stages over a Doc (see doc.go): tokenize,
// split sentences, find entities (gazetteers, name shapes, agreements,
// roles, relations, publisher), find statements (quotes, attribution cues,
// speakers, coreference, acts, dates), and build the record.
package extract

import (
	"time"

	"newsgraph/loaders"
	"newsgraph/schema"
)

// Extractor is the extraction engine. Its data (gazetteers, patterns) is
// built once by New and read-only afterwards: it is safe for concurrent use.
type Extractor struct{}

// New returns an extractor with its embedded data loaded.
func New() *Extractor { return &Extractor{} }

// Extract returns the extraction record of one article.
func (x *Extractor) Extract(a *loaders.Article) schema.Extraction {
	return x.Analyze(a).Record()
}

// Analyze runs every stage over an article and returns the document with
// everything found in it (for record building, debugging and tests).
func (x *Extractor) Analyze(a *loaders.Article) *Doc {
	d := &Doc{Text: a.Text, Title: a.Title, Source: a.Source}
	if a.Published != "" {
		if t, err := time.Parse("2006-01-02", a.Published); err == nil {
			d.Published = t
		}
	}
	d.Tokens = tokenize(d.Text)
	unwrapLines(d)
	splitSentences(d)
	x.findEntities(d)
	x.findStatements(d)
	return d
}
