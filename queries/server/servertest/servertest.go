// Package servertest builds stores for the tests of package server and of
// `newsgraph serve`: a real bolt store made from extraction records. It is
// for tests only.
package servertest

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"newsgraph/graph"
	"newsgraph/schema"
	"newsgraph/seeds"
)

// Spokesman is the most frequent speaker of the seed articles.
const Spokesman = "Bahram Ghassemi"

// SpokesmanIRI is his node.
const SpokesmanIRI = schema.Base + "person/bahram-ghassemi"

// SeedExtractions returns the hand-made gold annotation of the seed
// articles as extraction records, each with its file name (without .txt)
// as article id. Tests build their graph from these until the extractor
// is good enough to stand in for them.
func SeedExtractions() ([]schema.Extraction, error) {
	doc, err := schema.ReadDocument(bytes.NewReader(seeds.Gold))
	if err != nil {
		return nil, fmt.Errorf("read seed gold: %w", err)
	}
	xs := doc.Articles
	for i := range xs {
		xs[i].ID = strings.TrimSuffix(xs[i].File, ".txt")
	}
	return xs, nil
}

// BuildStore ingests the records into a new bolt store in dir and closes
// it.
func BuildStore(ctx context.Context, dir string, xs []schema.Extraction) error {
	st, err := graph.Open(dir, graph.Options{})
	if err != nil {
		return err
	}
	ing, err := graph.NewIngester(ctx, st, 0)
	if err != nil {
		st.Close()
		return err
	}
	for i := range xs {
		if _, err := ing.Add(ctx, &xs[i]); err != nil {
			st.Close()
			return fmt.Errorf("ingest %s: %w", xs[i].ID, err)
		}
	}
	if err := ing.Flush(ctx); err != nil {
		st.Close()
		return err
	}
	return st.Close()
}

// StatementsBy returns the texts of the statements the records attribute
// to speaker, leaving out the optional ones (which are not stored).
func StatementsBy(xs []schema.Extraction, speaker string) []string {
	var out []string
	for _, x := range xs {
		for _, s := range x.Statements {
			if s.Speaker == speaker && !s.Optional {
				out = append(out, s.Text)
			}
		}
	}
	return out
}
