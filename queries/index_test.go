package queries

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"newsgraph/graph"
	"newsgraph/schema"
)

// TestIndexAnswersAsQuads builds a store through ingests that add,
// replace and remove articles, then asks every canned query about many
// entities through the read index and through the quads: the answers are
// the same.
func TestIndexAnswersAsQuads(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "g.db")
	cfg := synthConfig{Articles: 300, Persons: 150, Countries: 15, Organizations: 40, Agreements: 8, Seed: 3}
	xs := synthExtractions(cfg)
	ingestStore(t, dir, append(seedExtractions(t), xs...))

	// Replace a third of the articles with other versions (another seed
	// draws other entities and statements), then remove some.
	cfg.Seed = 4
	ys := synthExtractions(cfg)
	var replaced []schema.Extraction
	for i := 0; i < len(ys); i += 3 {
		replaced = append(replaced, ys[i])
	}
	ingestStore(t, dir, replaced)
	st, err := graph.Open(dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ing, err := graph.NewIngester(ctx, st, 50)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(xs); i += 10 {
		if _, err := ing.RemoveArticle(ctx, xs[i].ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	ix, qg := openGraph(t, dir), openQuadGraph(t, dir)
	if qg.Indexed() {
		t.Fatal("the quad graph reads the index")
	}
	compareAnswers(t, ix, qg)
}

// compareAnswers asks both graphs the same questions.
func compareAnswers(t *testing.T, ix, qg *Graph) {
	t.Helper()
	ctx := context.Background()
	all, err := ix.Entities(ctx, EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 50 {
		t.Fatalf("only %d entities", len(all))
	}
	var names []string
	for i, e := range all {
		if i < 12 || i%17 == 0 {
			names = append(names, e.Name)
		}
	}
	type question struct {
		name string
		ask  func(g *Graph) (any, error)
	}
	qs := []question{
		{"entities", func(g *Graph) (any, error) { return g.Entities(ctx, EntityFilter{}) }},
		{"entities person", func(g *Graph) (any, error) {
			return g.Entities(ctx, EntityFilter{Type: "person", Name: "a", Limit: 30})
		}},
		{"entities glob", func(g *Graph) (any, error) { return g.Entities(ctx, EntityFilter{Name: "*ia"}) }},
		{"speakers", func(g *Graph) (any, error) { return g.Speakers(ctx, "", 0) }},
		{"cooccur", func(g *Graph) (any, error) { return g.Cooccur(ctx, "", 40) }},
		{"cooccur all", func(g *Graph) (any, error) { return g.Cooccur(ctx, "", 0) }},
		{"cooccur country", func(g *Graph) (any, error) { return g.Cooccur(ctx, "Country", 25) }},
		{"articles", func(g *Graph) (any, error) { return g.Articles(ctx, "", 0) }},
		{"statements", func(g *Graph) (any, error) { return g.Statements(ctx, StatementFilter{}) }},
		{"statements act", func(g *Graph) (any, error) { return g.Statements(ctx, StatementFilter{Act: "Deny"}) }},
		{"statements dates", func(g *Graph) (any, error) {
			return g.Statements(ctx, StatementFilter{Since: "2016-03-01", Until: "2017-02-28", Limit: 40})
		}},
		{"statements since", func(g *Graph) (any, error) { return g.Statements(ctx, StatementFilter{Since: "2019-06-01"}) }},
		{"statements text", func(g *Graph) (any, error) { return g.Statements(ctx, StatementFilter{Text: "Sanctions the"}) }},
		{"lookup typo", func(g *Graph) (any, error) { return lookupAnswer(g.Lookup(ctx, "Irann")) }},
		{"lookup unknown", func(g *Graph) (any, error) { return lookupAnswer(g.Lookup(ctx, "Zzyzx Qwrt")) }},
		{"lookup part", func(g *Graph) (any, error) { return lookupAnswer(g.Lookup(ctx, "drian")) }},
	}
	for i, n := range names {
		n := n
		qs = append(qs,
			question{"lookup " + n, func(g *Graph) (any, error) { return lookupAnswer(g.Lookup(ctx, strings.ToUpper(n))) }},
			question{"entity " + n, func(g *Graph) (any, error) { return g.Profile(ctx, n, 5) }},
			question{"entity all " + n, func(g *Graph) (any, error) { return g.Profile(ctx, n, 0) }},
			question{"statements by " + n, func(g *Graph) (any, error) { return g.Statements(ctx, StatementFilter{By: n}) }},
			question{"statements about " + n, func(g *Graph) (any, error) { return g.Statements(ctx, StatementFilter{About: n, Limit: 20}) }},
			question{"statements by about " + n, func(g *Graph) (any, error) {
				return g.Statements(ctx, StatementFilter{By: n, About: names[0], Text: "the"})
			}},
			question{"speakers about " + n, func(g *Graph) (any, error) { return g.Speakers(ctx, n, 0) }},
			question{"timeline " + n, func(g *Graph) (any, error) { return g.Timeline(ctx, n, 0) }},
			question{"articles " + n, func(g *Graph) (any, error) { return g.Articles(ctx, n, 0) }},
			question{"neighbors " + n, func(g *Graph) (any, error) { return g.Neighbors(ctx, n, 1, 0) }},
			question{"neighbors 2 " + n, func(g *Graph) (any, error) { return g.Neighbors(ctx, n, 2, 60) }},
			question{"path " + n, func(g *Graph) (any, error) {
				ps, err := g.Paths(ctx, n, names[(i+1)%len(names)], 4, 5)
				return ps, ignoreNoPath(err)
			}},
		)
	}
	for _, q := range qs {
		a, errA := q.ask(ix)
		b, errB := q.ask(qg)
		ja, jb := answerJSON(t, a, errA), answerJSON(t, b, errB)
		if ja != jb {
			t.Errorf("%s: the index answers\n%.2000s\nthe quads\n%.2000s", q.name, ja, jb)
		}
	}
}

// lookupAnswer turns a lookup into a comparable answer, errors included.
func lookupAnswer(e Entity, err error) (any, error) {
	switch err.(type) {
	case nil:
		return e, nil
	case *NotFoundError, *AmbiguousError:
		return err.Error(), nil
	}
	return nil, err
}

func answerJSON(t *testing.T, v any, err error) string {
	t.Helper()
	if err != nil {
		return "error: " + err.Error()
	}
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStaleIndexFallsBack writes past the Ingester: the Graph answers
// from the quads (the same answers) until an Ingester brings the index up
// to date.
func TestStaleIndexFallsBack(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "g.db")
	ingestStore(t, dir, seedExtractions(t))
	st, err := graph.Open(dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// An older build (or serve --writable) gives an article a title.
	x := seedExtractions(t)[0]
	x.Title = "Edited past the index"
	if err := writePastIndex(st, &x); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = graph.Open(dir, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	g := New(st.QS, Options{Index: st.Index()})
	if g.Indexed() {
		t.Fatal("a stale index is used")
	}
	as, err := g.Articles(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fmt.Sprint(as), "Edited past the index") {
		t.Errorf("articles read from a stale index: %v", as)
	}
	st.Close()
	ingestStore(t, dir, nil) // the next ingest rebuilds it
	g = openGraph(t, dir)
	if as, err = g.Articles(ctx, "", 0); err != nil || !strings.Contains(fmt.Sprint(as), "Edited past the index") {
		t.Errorf("articles from the rebuilt index: %v, %v", as, err)
	}
}

// writePastIndex gives an article a title through Cayley alone.
func writePastIndex(st *graph.Store, x *schema.Extraction) error {
	art := schema.ArticleIRI(x.ID)
	q := quad.Make(art, schema.Headline, quad.String(x.Title), art)
	return st.QS.ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{})
}
