package queries

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"newsgraph/graph"
	"newsgraph/loaders"
	"newsgraph/loaders/extract"
	"newsgraph/schema"
)

// Benchmarks of every canned query on large bolt graphs:
//
//   - BenchmarkQueriesCorpus: BBC News and Reuters-21578 from
//     ../shared/corpora, read by loaders and extracted by extract.New();
//   - BenchmarkQueriesSynthetic: a synthetic corpus of the same number of
//     articles as a good extractor would see them (see synthConfig).
//
// Each graph is built once per test binary run in a temporary directory
// removed at exit. Every sub-benchmark answers its query on a fresh Graph
// (as one CLI run does) whose catalog comes from the cache file, as it does
// from the second query on a store; the first, which builds the catalog,
// is timed once and logged. Each reports the median time per query as
// ms/median.
//
//	go test ./queries -run '^$' -bench Queries -benchtime 20x

var benchDirs struct {
	sync.Mutex
	dirs []string
}

func TestMain(m *testing.M) {
	code := m.Run()
	benchDirs.Lock()
	for _, d := range benchDirs.dirs {
		os.RemoveAll(d)
	}
	benchDirs.Unlock()
	os.Exit(code)
}

// benchStore is a bolt graph built once per run, opened read-only.
type benchStore struct {
	once     sync.Once
	dir      string
	store    *graph.Store
	articles int
	quads    int64
	build    time.Duration
	err      error
	skip     string
}

func (s *benchStore) get(b *testing.B, build func(dir string) (int, error)) *benchStore {
	s.once.Do(func() {
		dir, err := os.MkdirTemp("", "newsgraph-bench-")
		if err != nil {
			s.err = err
			return
		}
		benchDirs.Lock()
		benchDirs.dirs = append(benchDirs.dirs, dir)
		benchDirs.Unlock()
		s.dir = dir
		start := time.Now()
		s.articles, s.err = build(filepath.Join(dir, "graph.db"))
		s.build = time.Since(start)
		if s.err != nil || s.skip != "" {
			return
		}
		s.store, s.err = graph.Open(filepath.Join(dir, "graph.db"), graph.Options{ReadOnly: true})
		if s.err == nil {
			s.quads, s.err = s.store.Size(context.Background())
		}
	})
	if s.skip != "" {
		b.Skip(s.skip)
	}
	if s.err != nil {
		b.Fatal(s.err)
	}
	return s
}

var synthStore, corpusStore benchStore

func BenchmarkQueriesSynthetic(b *testing.B) {
	s := synthStore.get(b, func(dir string) (int, error) {
		xs := synthExtractions(defaultSynth)
		i := 0
		return bulkBuild(b, dir, func() (*schema.Extraction, bool) {
			if i >= len(xs) {
				return nil, false
			}
			i++
			return &xs[i-1], true
		}), nil
	})
	benchQueries(b, s)
}

// corporaDir is ../shared/corpora seen from this package.
const corporaDir = "../../shared/corpora"

func BenchmarkQueriesCorpus(b *testing.B) {
	s := corpusStore.get(b, func(dir string) (int, error) {
		roots := []string{
			filepath.Join(corporaDir, "bbc-news", "bbc"),
			filepath.Join(corporaDir, "reuters21578", "json-data"),
		}
		for _, r := range roots {
			if _, err := os.Stat(r); err != nil {
				corpusStore.skip = fmt.Sprintf("corpus %s not found (BBC News and Reuters-21578 are read from ../shared/corpora): %v", r, err)
				return 0, nil
			}
		}
		return buildFromCorpus(b, dir, roots, extract.New())
	})
	benchQueries(b, s)
}

// buildFromCorpus reads articles with loaders, extracts them on all cores
// with ex and bulk-loads the records into a bolt store at dir.
func buildFromCorpus(b *testing.B, dir string, roots []string, ex loaders.Extractor) (int, error) {
	inputs := loaders.ExpandPaths(roots, nil, func(error) {})
	recs := make(chan *schema.Extraction, 256)
	errc := make(chan error, 1)
	go func() {
		defer close(recs)
		errc <- loaders.Run(context.Background(), inputs, ex, loaders.Options{}, func(r loaders.Result) error {
			if r.Err == nil {
				x := r.Extraction
				recs <- &x
			}
			return nil
		})
	}()
	n := bulkBuild(b, dir, func() (*schema.Extraction, bool) {
		x, ok := <-recs
		return x, ok
	})
	return n, <-errc
}

// benchCase is one canned query with arguments chosen from the graph.
type benchCase struct {
	name string
	run  func(ctx context.Context, g *Graph) (int, error)
}

func benchQueries(b *testing.B, s *benchStore) {
	ctx := context.Background()
	cache := filepath.Join(s.dir, "catalog.gob")
	opt := Options{CatalogCache: cache, Fingerprint: StoreFingerprint(ctx, s.store)}

	// The catalog is built once per store, at its first whole-graph query:
	// timed once here, not per iteration.
	start := time.Now()
	g := New(s.store.QS, opt)
	cat, err := g.Catalog(ctx) // writes the cache file
	if err != nil {
		b.Fatal(err)
	}
	catalogBuild := time.Since(start)
	cases := chooseCases(b, cat)
	b.Logf("graph: %d articles, %d quads, %d entities, %d statements, built in %v; catalog built in %v",
		s.articles, s.quads, len(cat.Entities), statementsIn(cat), s.build.Round(time.Second), catalogBuild.Round(time.Millisecond))
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			measure(b, func() (int, error) { return c.run(ctx, New(s.store.QS, opt)) })
		})
	}
}

// measure runs fn b.N times and reports its median time.
func measure(b *testing.B, fn func() (int, error)) {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		var err error
		if n, err = fn(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/median")
	b.ReportMetric(float64(n), "results")
}

func statementsIn(c *Catalog) int {
	n := 0
	for _, e := range c.Entities {
		n += e.StatementsBy
	}
	return n
}

// chooseCases picks query arguments from the graph: its most mentioned
// entity (a hub), its most frequent speaker, a speaker with few
// statements, and a month with statements.
func chooseCases(b *testing.B, c *Catalog) []benchCase {
	if len(c.Entities) == 0 {
		b.Skip("the graph has no entities (is the extractor still a stub?)")
	}
	byArticles := append([]EntitySummary{}, c.Entities...)
	sort.SliceStable(byArticles, func(i, j int) bool { return byArticles[i].Articles > byArticles[j].Articles })
	hub := byArticles[0]
	var speakers []EntitySummary
	for _, e := range c.Entities {
		if e.StatementsBy > 0 && e.Type == schema.TypePerson {
			speakers = append(speakers, e)
		}
	}
	if len(speakers) < 2 {
		b.Skip("the graph has fewer than two person speakers")
	}
	sort.SliceStable(speakers, func(i, j int) bool { return speakers[i].StatementsBy > speakers[j].StatementsBy })
	top, minor := speakers[0], speakers[len(speakers)/2]
	var month string
	for _, a := range c.Articles {
		if a.Published > month {
			month = a.Published
		}
	}
	since, until := "2000-01-01", "2000-01-31"
	if len(month) >= 7 {
		since, until = month[:7]+"-01", month[:7]+"-28"
	}
	word := strings.Fields(top.Name)[0]
	typo := strings.ToLower(top.Name)
	if r := []rune(typo); len(r) > 4 {
		typo = string(r[:len(r)-2]) + string(r[len(r)-1]) + string(r[len(r)-2]) // swap the last two letters
	}
	b.Logf("hub %q (%d articles), top speaker %q (%d statements), minor speaker %q, month %s..%s",
		hub.Name, hub.Articles, top.Name, top.StatementsBy, minor.Name, since, until)
	n := func(v int, err error) (int, error) { return v, err }
	return []benchCase{
		{"lookup-exact", func(ctx context.Context, g *Graph) (int, error) { _, err := g.Lookup(ctx, top.Name); return 1, err }},
		{"lookup-typo", func(ctx context.Context, g *Graph) (int, error) {
			_, err := g.Lookup(ctx, typo)
			return 0, ignoreNameErrors(err)
		}},
		{"entities", func(ctx context.Context, g *Graph) (int, error) {
			es, err := g.Entities(ctx, EntityFilter{Limit: 100})
			return n(len(es), err)
		}},
		{"entities-type-name", func(ctx context.Context, g *Graph) (int, error) {
			es, err := g.Entities(ctx, EntityFilter{Type: "Person", Name: word, Limit: 100})
			return n(len(es), err)
		}},
		{"entity-speaker", func(ctx context.Context, g *Graph) (int, error) {
			p, err := g.Profile(ctx, top.Name, 10)
			return 1, errOr(p, err)
		}},
		{"entity-hub", func(ctx context.Context, g *Graph) (int, error) {
			p, err := g.Profile(ctx, hub.Name, 10)
			return 1, errOr(p, err)
		}},
		{"statements-by", func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{By: top.Name, Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-about-hub", func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{About: hub.Name, Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-month", func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{Since: since, Until: until, Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-by-text", func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{By: top.Name, Text: "the", Limit: 100})
			return n(len(ss), err)
		}},
		{"speakers", func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Speakers(ctx, "", 100)
			return n(len(ss), err)
		}},
		{"speakers-about-hub", func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Speakers(ctx, hub.Name, 100)
			return n(len(ss), err)
		}},
		{"path-speaker-hub", func(ctx context.Context, g *Graph) (int, error) {
			ps, err := g.Paths(ctx, top.Name, hub.Name, 4, 10)
			return n(len(ps), ignoreNoPath(err))
		}},
		{"path-minor-speakers", func(ctx context.Context, g *Graph) (int, error) {
			ps, err := g.Paths(ctx, minor.Name, top.Name, 4, 10)
			return n(len(ps), ignoreNoPath(err))
		}},
		{"neighbors-speaker", func(ctx context.Context, g *Graph) (int, error) {
			ns, err := g.Neighbors(ctx, top.Name, 1, 100)
			return n(len(ns), err)
		}},
		{"neighbors-speaker-depth2", func(ctx context.Context, g *Graph) (int, error) {
			ns, err := g.Neighbors(ctx, top.Name, 2, 100)
			return n(len(ns), err)
		}},
		{"timeline-speaker", func(ctx context.Context, g *Graph) (int, error) {
			es, err := g.Timeline(ctx, top.Name, 100)
			return n(len(es), err)
		}},
		{"cooccur", func(ctx context.Context, g *Graph) (int, error) {
			cs, err := g.Cooccur(ctx, "", 100)
			return n(len(cs), err)
		}},
		{"cooccur-type", func(ctx context.Context, g *Graph) (int, error) {
			cs, err := g.Cooccur(ctx, "Country", 100)
			return n(len(cs), err)
		}},
		{"articles", func(ctx context.Context, g *Graph) (int, error) {
			as, err := g.Articles(ctx, "", 100)
			return n(len(as), err)
		}},
		{"articles-mentions-speaker", func(ctx context.Context, g *Graph) (int, error) {
			as, err := g.Articles(ctx, top.Name, 100)
			return n(len(as), err)
		}},
	}
}

func errOr(p *Profile, err error) error { return err }

func ignoreNoPath(err error) error {
	if err != nil && strings.HasPrefix(err.Error(), ErrNoPath.Error()) {
		return nil
	}
	return err
}

func ignoreNameErrors(err error) error {
	switch err.(type) {
	case *NotFoundError, *AmbiguousError:
		return nil
	}
	return err
}
