package graph

import (
	"context"
	"path/filepath"
	"testing"
)

// A bolt store is created on first use; one that no article reached yet
// (an ingest of nothing but bad input) counts as empty, and stays usable.
func TestNewStoreIsEmpty(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "new.db")
	for _, opt := range []Options{{}, {ReadOnly: true}} {
		st, err := Open(dir, opt)
		if err != nil {
			t.Fatalf("open %+v: %v", opt, err)
		}
		s, err := st.Stats(ctx, 5)
		if err != nil {
			t.Fatalf("stats of a new store (%+v): %v", opt, err)
		}
		if s.Articles != 0 || s.Entities != 0 || s.Quads != 0 {
			t.Errorf("new store (%+v): %+v", opt, s)
		}
		n, err := st.Size(ctx)
		if err != nil || n != 0 {
			t.Errorf("size of a new store (%+v) = %d, %v; want 0", opt, n, err)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
