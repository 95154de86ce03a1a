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
// Each graph is built once per test binary run, through the Ingester (so
// with its read index), in a temporary directory removed at exit. Every
// sub-benchmark answers its query on a fresh Graph (as one CLI run does)
// and reports the median time per query as ms/median, and the number of
// results. Cases that must find something fail when they find nothing.
//
//	go test ./queries -run '^$' -bench Queries -benchtime 20x
//
// Set NEWSGRAPH_BENCH_NOINDEX=1 to time the same queries without the
// index (the quad path of memory and PostgreSQL stores, and of bolt
// stores of older builds), and NEWSGRAPH_BENCH_DB=DIR to query a store
// built before instead of building one (both benchmarks then use it).

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
	size     int64 // bytes of the bolt file
	build    time.Duration
	err      error
	skip     string
}

func (s *benchStore) get(b *testing.B, build func(dir string) (int, error)) *benchStore {
	s.once.Do(func() {
		if db := os.Getenv("NEWSGRAPH_BENCH_DB"); db != "" {
			// A store built before (profiling): opened as it is.
			s.store, s.err = graph.Open(db, graph.Options{ReadOnly: true})
			if s.err == nil {
				s.quads, s.err = s.store.Size(context.Background())
			}
			if fi, err := os.Stat(filepath.Join(db, "indexes.bolt")); err == nil {
				s.size = fi.Size()
			}
			return
		}
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
		if fi, err := os.Stat(filepath.Join(dir, "graph.db", "indexes.bolt")); err == nil {
			s.size = fi.Size()
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
	name     string
	nonEmpty bool // it must find something
	run      func(ctx context.Context, g *Graph) (int, error)
}

func benchQueries(b *testing.B, s *benchStore) {
	ctx := context.Background()
	opt := Options{Index: s.store.Index()}
	if os.Getenv("NEWSGRAPH_BENCH_NOINDEX") != "" {
		opt = Options{}
	}
	g := New(s.store.QS, opt)
	state := "none"
	if ix := s.store.Index(); ix != nil {
		st, err := ix.State()
		if err != nil {
			b.Fatal(err)
		}
		state = st.String()
	}
	b.Logf("graph: %d articles, %d quads, built (ingested) in %v; store %.0f MB; index %s, used: %v",
		s.articles, s.quads, s.build.Round(100*time.Millisecond), float64(s.size)/1e6, state, g.Indexed())
	start := time.Now()
	cases := chooseCases(b, g)
	b.Logf("cases chosen in %v", time.Since(start).Round(time.Millisecond))
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			measure(b, c.nonEmpty, func() (int, error) { return c.run(ctx, New(s.store.QS, opt)) })
		})
	}
}

// measure runs fn b.N times and reports its median time; it fails when
// nonEmpty and fn found nothing.
func measure(b *testing.B, nonEmpty bool, fn func() (int, error)) {
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
	if nonEmpty && n == 0 {
		b.Errorf("no results: the case exercises nothing")
	}
}

// chooseCases picks query arguments from the graph: its most mentioned
// entity (a hub), its most frequent speaker, a speaker with few
// statements, and a month with statements.
func chooseCases(b *testing.B, g *Graph) []benchCase {
	ctx := context.Background()
	all, err := g.Entities(ctx, EntityFilter{})
	if err != nil {
		b.Fatal(err)
	}
	if len(all) == 0 {
		b.Skip("the graph has no entities (is the extractor still a stub?)")
	}
	hub := all[0] // most mentioned first
	var speakers []EntitySummary
	statements := 0
	for _, e := range all {
		statements += e.StatementsBy
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
	if as, err := g.Articles(ctx, "", 1); err != nil {
		b.Fatal(err)
	} else if len(as) > 0 {
		month = as[0].Published
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
	b.Logf("%d entities, %d statements by entities; hub %q (%d articles), top speaker %q (%d statements), minor speaker %q, month %s..%s",
		len(all), statements, hub.Name, hub.Articles, top.Name, top.StatementsBy, minor.Name, since, until)
	n := func(v int, err error) (int, error) { return v, err }
	return []benchCase{
		{"lookup-exact", true, func(ctx context.Context, g *Graph) (int, error) { _, err := g.Lookup(ctx, top.Name); return 1, err }},
		{"lookup-typo", false, func(ctx context.Context, g *Graph) (int, error) {
			_, err := g.Lookup(ctx, typo)
			return 0, ignoreNameErrors(err)
		}},
		{"lookup-unknown", false, func(ctx context.Context, g *Graph) (int, error) {
			_, err := g.Lookup(ctx, "Xqzwv Jrrrrk")
			return 0, ignoreNameErrors(err)
		}},
		{"entities", true, func(ctx context.Context, g *Graph) (int, error) {
			es, err := g.Entities(ctx, EntityFilter{Limit: 100})
			return n(len(es), err)
		}},
		{"entities-type-name", true, func(ctx context.Context, g *Graph) (int, error) {
			es, err := g.Entities(ctx, EntityFilter{Type: "Person", Name: word, Limit: 100})
			return n(len(es), err)
		}},
		{"entities-rare-name", false, func(ctx context.Context, g *Graph) (int, error) {
			es, err := g.Entities(ctx, EntityFilter{Name: "zz*", Limit: 100})
			return n(len(es), err)
		}},
		{"entity-speaker", true, func(ctx context.Context, g *Graph) (int, error) {
			p, err := g.Profile(ctx, top.Name, 10)
			return 1, errOr(p, err)
		}},
		{"entity-hub", true, func(ctx context.Context, g *Graph) (int, error) {
			p, err := g.Profile(ctx, hub.Name, 10)
			return 1, errOr(p, err)
		}},
		{"statements-all", true, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-by", true, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{By: top.Name, Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-about-hub", true, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{About: hub.Name, Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-month", true, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{Since: since, Until: until, Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-act", true, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{Act: "deny", Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-by-text", true, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{By: top.Name, Text: "the", Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-text", true, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{Text: "interest rates", Limit: 100})
			return n(len(ss), err)
		}},
		{"statements-text-rare", false, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Statements(ctx, StatementFilter{Text: "xqzwv", Limit: 100})
			return n(len(ss), err)
		}},
		{"speakers", true, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Speakers(ctx, "", 100)
			return n(len(ss), err)
		}},
		{"speakers-about-hub", true, func(ctx context.Context, g *Graph) (int, error) {
			ss, err := g.Speakers(ctx, hub.Name, 100)
			return n(len(ss), err)
		}},
		{"path-speaker-hub", true, func(ctx context.Context, g *Graph) (int, error) {
			ps, err := g.Paths(ctx, top.Name, hub.Name, 4, 10)
			return n(len(ps), ignoreNoPath(err))
		}},
		{"path-minor-speakers", true, func(ctx context.Context, g *Graph) (int, error) {
			ps, err := g.Paths(ctx, minor.Name, top.Name, 4, 10)
			return n(len(ps), ignoreNoPath(err))
		}},
		{"neighbors-speaker", true, func(ctx context.Context, g *Graph) (int, error) {
			ns, err := g.Neighbors(ctx, top.Name, 1, 100)
			return n(len(ns), err)
		}},
		{"neighbors-speaker-depth2", true, func(ctx context.Context, g *Graph) (int, error) {
			ns, err := g.Neighbors(ctx, top.Name, 2, 100)
			return n(len(ns), err)
		}},
		{"neighbors-speaker-depth2-all", true, func(ctx context.Context, g *Graph) (int, error) {
			ns, err := g.Neighbors(ctx, top.Name, 2, 0)
			return n(len(ns), err)
		}},
		{"neighbors-hub", true, func(ctx context.Context, g *Graph) (int, error) {
			ns, err := g.Neighbors(ctx, hub.Name, 1, 100)
			return n(len(ns), err)
		}},
		{"timeline-speaker", true, func(ctx context.Context, g *Graph) (int, error) {
			es, err := g.Timeline(ctx, top.Name, 100)
			return n(len(es), err)
		}},
		{"timeline-hub", true, func(ctx context.Context, g *Graph) (int, error) {
			es, err := g.Timeline(ctx, hub.Name, 100)
			return n(len(es), err)
		}},
		{"cooccur", true, func(ctx context.Context, g *Graph) (int, error) {
			cs, err := g.Cooccur(ctx, "", 100)
			return n(len(cs), err)
		}},
		{"cooccur-type", true, func(ctx context.Context, g *Graph) (int, error) {
			cs, err := g.Cooccur(ctx, "Country", 100)
			return n(len(cs), err)
		}},
		{"cooccur-type-agreement", false, func(ctx context.Context, g *Graph) (int, error) {
			cs, err := g.Cooccur(ctx, "Agreement", 100)
			return n(len(cs), err)
		}},
		{"articles", true, func(ctx context.Context, g *Graph) (int, error) {
			as, err := g.Articles(ctx, "", 100)
			return n(len(as), err)
		}},
		{"articles-mentions-speaker", true, func(ctx context.Context, g *Graph) (int, error) {
			as, err := g.Articles(ctx, top.Name, 100)
			return n(len(as), err)
		}},
		{"articles-mentions-hub", true, func(ctx context.Context, g *Graph) (int, error) {
			as, err := g.Articles(ctx, hub.Name, 100)
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
