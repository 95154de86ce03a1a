package exportbench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"newsgraph/graph"
	"newsgraph/graph/export"
	"newsgraph/graph/export/exporttest"
	"newsgraph/loaders"
	"newsgraph/loaders/extract"
)

// Stores are built once per run (outside the timers) and removed at the
// end, unless NEWSGRAPH_BENCH_KEEP names a directory to keep them in.
var (
	storesMu sync.Mutex
	stores   = map[string]string{}
	tmpRoot  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tmpRoot != "" {
		os.RemoveAll(tmpRoot)
	}
	os.Exit(code)
}

func store(b *testing.B, name string, build func(dir string) error) string {
	storesMu.Lock()
	defer storesMu.Unlock()
	if dir, ok := stores[name]; ok {
		return dir
	}
	root := os.Getenv("NEWSGRAPH_BENCH_KEEP")
	if root == "" {
		if tmpRoot == "" {
			var err error
			if tmpRoot, err = os.MkdirTemp("", "exportbench"); err != nil {
				b.Fatal(err)
			}
		}
		root = tmpRoot
	}
	dir := filepath.Join(root, name+".db")
	if _, err := os.Stat(filepath.Join(dir, "indexes.bolt")); err != nil {
		start := time.Now()
		if err := build(dir); err != nil {
			b.Fatalf("build %s store: %v", name, err)
		}
		b.Logf("built %s in %s", dir, time.Since(start).Round(time.Millisecond))
	}
	stores[name] = dir
	return dir
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkExportSynthetic exports a synthetic graph of wire-news size
// (NEWSGRAPH_BENCH_ARTICLES articles, default 24000: BBC plus Reuters).
func BenchmarkExportSynthetic(b *testing.B) {
	n := envInt("NEWSGRAPH_BENCH_ARTICLES", 24000)
	dir := store(b, fmt.Sprintf("synthetic-%d", n), func(dir string) error {
		return exporttest.BuildStore(context.Background(), dir, exporttest.Synthetic(n, 1))
	})
	benchExports(b, dir)
}

// BenchmarkExportCorpus exports the graph of ../shared/corpora's BBC and
// Reuters articles as the ingest command builds it.
func BenchmarkExportCorpus(b *testing.B) {
	corpora := filepath.Join("..", "..", "..", "..", "shared", "corpora")
	paths := []string{filepath.Join(corpora, "bbc-news", "bbc"), filepath.Join(corpora, "reuters21578", "json-data")}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			b.Skipf("corpus %s is absent: %v", p, err)
		}
	}
	dir := store(b, "corpus", func(dir string) error { return ingestCorpus(dir, paths) })
	benchExports(b, dir)
}

func ingestCorpus(dir string, paths []string) error {
	ctx := context.Background()
	st, err := graph.Open(dir, graph.Options{BulkLoad: true})
	if err != nil {
		return err
	}
	defer st.Close()
	ing, err := graph.NewIngester(ctx, st, 0)
	if err != nil {
		return err
	}
	inputs := loaders.ExpandPaths(paths, nil, func(error) {})
	err = loaders.Run(ctx, inputs, extract.New(), loaders.Options{}, func(r loaders.Result) error {
		if r.Err != nil {
			return nil // bad inputs are the ingest tests' business
		}
		_, err := ing.Add(ctx, &r.Extraction)
		return err
	})
	if err != nil {
		return err
	}
	return ing.Flush(ctx)
}

// countingWriter counts bytes and discards them.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

type countingDir struct{ w countingWriter }

func (d *countingDir) Create(string) (io.Writer, error) { return &d.w, nil }

// peakHeap runs fn while sampling the heap every millisecond and returns
// the highest heap (live and not yet collected objects) seen, in bytes,
// and the highest live heap the collector measured.
func peakHeap(fn func()) (peak, live uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		live = max(live, sample[1].Value.Uint64())
		return sample[0].Value.Uint64()
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if h := read(); h > peak {
				peak = h
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	if h := read(); h > peak {
		peak = h
	}
	return peak, live
}

func benchExports(b *testing.B, dir string) {
	ctx := context.Background()
	st, err := graph.Open(dir, graph.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	quads, err := st.Size(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: %d quads", dir, quads)

	report := func(b *testing.B, peak, live, base uint64) {
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(live)/(1<<20), "peak-live-MB")
		b.ReportMetric(float64(peak-min(peak, base))/(1<<20), "heap-growth-MB")
		b.ReportMetric(float64(quads), "quads")
	}
	baseHeap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}

	// Baseline: read and decode every quad once, as any export must.
	b.Run("baseline=scan-all-quads", func(b *testing.B) {
		var peak, live, base uint64
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			base = baseHeap()
			b.StartTimer()
			p, l := peakHeap(func() {
				it := st.QS.QuadsAllIterator().Iterate()
				for it.Next(ctx) {
					if _, err := st.QS.Quad(it.Result()); err != nil {
						b.Fatal(err)
					}
				}
				it.Close()
			})
			peak, live = max(peak, p), max(live, l)
		}
		report(b, peak, live, base)
	})

	cases := []struct{ format, view string }{
		{"graphml", export.ViewEntities}, {"gexf", export.ViewEntities}, {"dot", export.ViewEntities},
		{"cytoscape", export.ViewEntities}, {"csv", export.ViewEntities}, {"html", export.ViewEntities},
		{"graphml", export.ViewFull}, {"csv", export.ViewFull},
		{"nquads", ""}, {"jsonld", ""},
	}
	for _, c := range cases {
		name := "format=" + c.format
		if c.view != "" {
			name += "/view=" + c.view
		}
		b.Run(name, func(b *testing.B) {
			f := export.FormatByName(c.format)
			var peak, live, base uint64
			var out int64
			var g *export.Graph
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				base = baseHeap()
				b.StartTimer()
				var dst export.Destination
				cw := &countingWriter{}
				cd := &countingDir{}
				if len(f.Parts) > 0 {
					dst = cd
				} else {
					dst = export.Stream{W: cw}
				}
				p, l := peakHeap(func() {
					var err error
					if g, err = export.Export(ctx, st.QS, f, export.Options{View: c.view}, dst); err != nil {
						b.Fatal(err)
					}
				})
				peak, live = max(peak, p), max(live, l)
				out = cw.n + cd.w.n
			}
			report(b, peak, live, base)
			b.ReportMetric(float64(out)/(1<<20), "MB-out")
			if !f.Quads {
				b.ReportMetric(float64(len(g.Nodes)), "nodes")
				b.ReportMetric(float64(len(g.Edges)), "edges")
			}
		})
	}
}
