// Package exporttest builds the graphs the export tests read: a bolt store
// ingested from extraction records, by default the hand-made gold
// annotation of the seed articles. It is for tests only; nothing in the
// product imports it.
package exporttest

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"newsgraph/graph"
	"newsgraph/schema"
	"newsgraph/seeds"
)

// SeedExtractions returns the gold annotation of the seed articles as
// extraction records, each article's id its file name without ".txt".
func SeedExtractions() ([]schema.Extraction, error) {
	doc, err := schema.ReadDocument(bytes.NewReader(seeds.Gold))
	if err != nil {
		return nil, fmt.Errorf("read seed gold: %w", err)
	}
	for i := range doc.Articles {
		x := &doc.Articles[i]
		x.ID = strings.TrimSuffix(x.File, ".txt")
	}
	return doc.Articles, nil
}

// BuildStore ingests xs into a new bolt store at dir and closes it.
func BuildStore(ctx context.Context, dir string, xs []schema.Extraction) error {
	st, err := graph.Open(dir, graph.Options{BulkLoad: true})
	if err != nil {
		return err
	}
	if err := Ingest(ctx, st, xs); err != nil {
		st.Close()
		return err
	}
	return st.Close()
}

// Ingest writes xs into an open store, as `newsgraph ingest` does.
func Ingest(ctx context.Context, st *graph.Store, xs []schema.Extraction) error {
	ing, err := graph.NewIngester(ctx, st, 0)
	if err != nil {
		return err
	}
	for i := range xs {
		if _, err := ing.Add(ctx, &xs[i]); err != nil {
			return fmt.Errorf("ingest %s: %w", xs[i].ID, err)
		}
	}
	return ing.Flush(ctx)
}

// SeedStore builds the seed gold graph at dir.
func SeedStore(ctx context.Context, dir string) error {
	xs, err := SeedExtractions()
	if err != nil {
		return err
	}
	return BuildStore(ctx, dir, xs)
}
