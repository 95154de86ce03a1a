package queries

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/graph"
	"newsgraph/schema"
	"newsgraph/seeds"
)

// seedExtractions returns the records the seeds graph is built from: the
// hand-made gold annotation of the two seed articles, each with its file
// name (without ".txt") as article id.
//
// To build the fixture from the extractor's output instead, return
// extract.New()'s records of seeds.Articles() here; nothing else changes.
func seedExtractions(t testing.TB) []schema.Extraction {
	t.Helper()
	doc, err := schema.ReadDocument(bytes.NewReader(seeds.Gold))
	if err != nil {
		t.Fatalf("read seeds gold: %v", err)
	}
	for i := range doc.Articles {
		doc.Articles[i].ID = strings.TrimSuffix(doc.Articles[i].File, ".txt")
	}
	return doc.Articles
}

// seedsGraph builds the seeds graph in a bolt store in a temporary
// directory and returns it opened read-only, as the CLI opens it.
func seedsGraph(t testing.TB) *Graph {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "seeds.db")
	ingestStore(t, dir, seedExtractions(t))
	return openGraph(t, dir)
}

// ingestStore writes records into a bolt store at dir through the
// ingester, the way `newsgraph ingest` does.
func ingestStore(t testing.TB, dir string, xs []schema.Extraction) {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(dir, graph.Options{BulkLoad: true})
	if err != nil {
		t.Fatal(err)
	}
	ing, err := graph.NewIngester(ctx, st, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range xs {
		if _, err := ing.Add(ctx, &xs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// openGraph opens the store at dir read-only for the duration of the
// test, reading its index.
func openGraph(t testing.TB, dir string) *Graph {
	t.Helper()
	st, err := graph.Open(dir, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g := New(st.QS, Options{Index: st.Index()})
	if !g.Indexed() {
		t.Fatalf("the index of %s is not fresh", dir)
	}
	return g
}

// openQuadGraph opens the store at dir read-only for the duration of the
// test, reading its quads only (as for stores without an index).
func openQuadGraph(t testing.TB, dir string) *Graph {
	t.Helper()
	st, err := graph.Open(dir, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st.QS, Options{})
}

// bulkBuild ingests records into a fresh bolt store at dir through the
// Ingester, in bulk-load mode, as `newsgraph ingest` does.
func bulkBuild(tb testing.TB, dir string, next func() (*schema.Extraction, bool)) (articles int) {
	tb.Helper()
	ctx := context.Background()
	st, err := graph.Open(dir, graph.Options{BulkLoad: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	ing, err := graph.NewIngester(ctx, st, 0)
	if err != nil {
		tb.Fatal(err)
	}
	for {
		x, ok := next()
		if !ok {
			break
		}
		articles++
		if _, err := ing.Add(ctx, x); err != nil {
			tb.Fatal(err)
		}
	}
	if err := ing.Flush(ctx); err != nil {
		tb.Fatal(err)
	}
	return articles
}
