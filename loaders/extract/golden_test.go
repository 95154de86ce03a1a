package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/loaders"
)

var update = flag.Bool("update", false, "rewrite the golden extraction records of testdata/articles")

// TestGolden extracts every testdata/articles/*.txt (read as a plain-text
// article, metadata lines and all) and compares the indented JSON record
// with the .golden file beside it. Run with -update to rewrite them after
// reviewing the difference.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no articles in testdata/articles")
	}
	x := New()
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a := loaders.ParseText(loaders.DecodeText(data))
			rec := x.Extract(a)
			rec.File = filepath.Base(p)
			got, err := json.MarshalIndent(rec, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(p, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (review, then go test -run TestGolden -update):\n%s", p, golden, lineDiff(string(want), string(got)))
			}
		})
	}
}

// lineDiff lists the lines that differ between two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := max(len(w), len(g))
	shown := 0
	for i := 0; i < n && shown < 40; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
			shown++
		}
	}
	return b.String()
}
