package graph

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// dumpIndex returns the canonical dump of a store's index, after checking
// that the index is fresh.
func dumpIndex(t *testing.T, s *Store) string {
	t.Helper()
	st, err := s.Index().State()
	if err != nil {
		t.Fatal(err)
	}
	if st != index.Fresh {
		t.Fatalf("index is %v, want fresh", st)
	}
	var b bytes.Buffer
	if err := s.Index().Dump(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkRebuildSame checks that the index the Ingester kept up to date is
// the one computed afresh from the store's quads.
func checkRebuildSame(t *testing.T, s *Store, step string) {
	t.Helper()
	kept := dumpIndex(t, s)
	if err := s.RebuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	rebuilt := dumpIndex(t, s)
	if kept != rebuilt {
		t.Errorf("%s: the index kept up to date differs from the one rebuilt from the quads:\n%s", step, lineDiff(kept, rebuilt))
	}
	if !strings.Contains(kept, "meta total") {
		t.Errorf("%s: dump lacks the quad total", step)
	}
}

// lineDiff lists the lines only one of a and b has.
func lineDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	var out []string
	for l := range ina {
		if !inb[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range inb {
		if !ina[l] {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > 40 {
		out = append(out[:40], fmt.Sprintf("... %d more", len(out)-40))
	}
	return strings.Join(out, "\n")
}

// editedArticles are versions of a few articles that share entities: the
// steps of TestIndexFollowsIngest add, replace and remove them.
func editedArticles() (v1, v2 []schema.Extraction) {
	iran := schema.Entity{Name: "Iran", Type: schema.TypeCountry, Aliases: []string{"Tehran", "Islamic Republic"}}
	france := schema.Entity{Name: "France", Type: schema.TypeCountry, Aliases: []string{"Paris"}}
	us := schema.Entity{Name: "United States", Type: schema.TypeCountry, Aliases: []string{"U.S.", "Washington"}}
	rouhani := schema.Entity{Name: "Hassan Rouhani", Type: schema.TypePerson, Aliases: []string{"Rouhani"}}
	rohani := schema.Entity{Name: "Rohani", Type: schema.TypePerson}
	deal := schema.Entity{Name: "Joint Comprehensive Plan of Action", Type: schema.TypeAgreement, Aliases: []string{"JCPOA", "the nuclear deal"}}
	un := schema.Entity{Name: "United Nations", Type: schema.TypeOrganization, Aliases: []string{"UN"}}
	st := func(speaker, act, date, text string, mentions ...string) schema.Statement {
		return schema.Statement{Speaker: speaker, Kind: schema.KindIndirect, Act: act, Cue: "said", Date: date, Text: text, Mentions: mentions}
	}
	art := func(id, published string, es []schema.Entity, sts ...schema.Statement) schema.Extraction {
		x := article(id, es, sts...)
		x.Title, x.Published, x.Source = "Headline "+id, published, "Daily Wire"
		return x
	}
	v1 = []schema.Extraction{
		art("x1", "2017-06-01", []schema.Entity{iran, france, rouhani, deal},
			st("Hassan Rouhani", "warn", "", "Iran will respond to France over the JCPOA", "France", "JCPOA"),
			st("Iran", "deny", "2017-05-30", "Tehran denied the report"),
			st("officials", "assert", "", "talks go on", "Iran")),
		art("x2", "2017-06-02", []schema.Entity{iran, us, deal, un},
			st("United States", "threaten", "", "Washington may leave the nuclear deal", "JCPOA", "Iran")),
		art("x3", "", []schema.Entity{rohani, iran, us},
			st("Rohani", "Assert", "", "Missile PROGRAM is defensive", "Iran", "United States")),
		art("x4", "2016-01-16", []schema.Entity{deal, iran, us, france, un}),
	}
	v2 = []schema.Extraction{
		// x1: a statement changes act and date, one goes, France goes.
		art("x1", "2017-06-01", []schema.Entity{iran, rouhani, deal},
			st("Hassan Rouhani", "threaten", "2017-06-01", "Iran will respond over the JCPOA", "JCPOA"),
			st("officials", "assert", "", "talks go on", "Iran")),
		// x2: a new entity, more mentions.
		art("x2", "2017-06-03", []schema.Entity{iran, us, deal, un, france},
			st("United States", "threaten", "", "Washington may leave the nuclear deal", "JCPOA", "Iran", "France"),
			st("France", "demand", "", "Paris wants the deal kept", "JCPOA")),
	}
	return v1, v2
}

// TestIndexFollowsIngest adds, replaces, removes and re-adds articles,
// in batches of several sizes, and checks after each step that the index
// the Ingester kept up to date is the one rebuilt from the quads.
func TestIndexFollowsIngest(t *testing.T) {
	ctx := context.Background()
	for _, batch := range []int{0, 7} {
		t.Run(fmt.Sprintf("batch%d", batch), func(t *testing.T) {
			s := openTemp(t)
			v1, v2 := editedArticles()
			ing := func(do func(g *Ingester)) {
				t.Helper()
				g, err := NewIngester(ctx, s, batch)
				if err != nil {
					t.Fatal(err)
				}
				do(g)
				if err := g.Flush(ctx); err != nil {
					t.Fatal(err)
				}
			}
			add := func(xs ...schema.Extraction) func(*Ingester) {
				return func(g *Ingester) {
					for i := range xs {
						if _, err := g.Add(ctx, &xs[i]); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
			ing(add(append(seedGold(t), v1...)...))
			checkRebuildSame(t, s, "added")
			ing(add(v2...))
			checkRebuildSame(t, s, "replaced")
			ing(func(g *Ingester) {
				for _, id := range []string{"x4", "x2"} {
					if _, err := g.RemoveArticle(ctx, id); err != nil {
						t.Fatal(err)
					}
				}
			})
			checkRebuildSame(t, s, "removed")
			// Back to the first versions, and the same article twice
			// in one batch.
			ing(add(append(append([]schema.Extraction{}, v1...), v2[0], v1[0])...))
			checkRebuildSame(t, s, "re-added")
			ing(add(seedGold(t)...))
			if d := dumpIndex(t, s); !strings.Contains(d, `<https://newsgraph.dev/country/iran>`) {
				t.Errorf("dump does not name the nodes:\n%.500s", d)
			}
		})
	}
}

// TestIndexEmptiedStore removes every article: the index holds nothing
// but its metadata.
func TestIndexEmptiedStore(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	v1, _ := editedArticles()
	ingestAll(t, s, v1...)
	g, err := NewIngester(ctx, s, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range v1 {
		if _, err := g.RemoveArticle(ctx, x.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if d := dumpIndex(t, s); strings.TrimSpace(d) != "meta total 0\nmeta version 1" {
		t.Errorf("index of an emptied store:\n%s", d)
	}
}

// TestIndexStaleAfterOutsideWrite writes a quad past the Ingester (as
// `serve --writable` or an older build may): the index is stale until
// the next Ingester rebuilds it, and then holds the quad.
func TestIndexStaleAfterOutsideWrite(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	ingestAll(t, s, seedGold(t)...)
	q := quad.Make(schema.EntityIRI(schema.TypeCountry, "Iran"), schema.AlternateName, quad.String("Persia"), schema.ArticleIRI("outside"))
	if err := s.QS.ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Index().State(); st != index.Stale {
		t.Fatalf("after a write past the Ingester the index is %v, want stale", st)
	}
	viewed := false
	s.Index().View(func(r *index.Reader) error {
		viewed = r == nil
		return nil
	})
	if !viewed {
		t.Error("View handed out a reader of a stale index")
	}
	if _, err := NewIngester(ctx, s, 0); err != nil {
		t.Fatal(err)
	}
	if d := dumpIndex(t, s); !strings.Contains(d, `"Persia"`) {
		t.Error("the rebuilt index lacks the quad written past the Ingester")
	}
	// Deleting past the Ingester makes it stale too.
	if err := s.QS.ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Delete}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Index().State(); st != index.Stale {
		t.Fatalf("after a deletion past the Ingester the index is %v, want stale", st)
	}
}

// TestIndexOfOlderStore opens a store written without an index (by an
// older build): it has none until an Ingester indexes what it holds.
func TestIndexOfOlderStore(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ds []cgraph.Delta
	r := NewResolver()
	for _, x := range seedGold(t) {
		for _, q := range schema.ArticleQuads(&x, r.ResolveArticle(&x, nil)) {
			ds = append(ds, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
	}
	if err := s.QS.ApplyDeltas(ds, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Index().State(); st != index.Absent {
		t.Fatalf("index of a store written without one is %v, want absent", st)
	}
	s.Close()

	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.RebuildIndex(ctx); err == nil {
		t.Error("a read-only store rebuilt its index")
	}
	ro.Close()

	s, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := NewIngester(ctx, s, 0); err != nil {
		t.Fatal(err)
	}
	kept := dumpIndex(t, s)
	ingestAll(t, s, seedGold(t)...) // unchanged articles change nothing
	if d := dumpIndex(t, s); d != kept {
		t.Errorf("re-ingesting the same articles changed the index:\n%s", lineDiff(kept, d))
	}
}

func TestMemoryStoreHasNoIndex(t *testing.T) {
	s, err := Open(Memory, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Index() != nil {
		t.Error("a memory store has an index")
	}
	ingestAll(t, s, seedGold(t)...)
	if err := s.RebuildIndex(context.Background()); err != nil {
		t.Error(err)
	}
}

// TestStatsFromIndex checks that stats read from the index are those
// counted from the quads, and that the index is what answers.
func TestStatsFromIndex(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	v1, _ := editedArticles()
	ingestAll(t, s, append(seedGold(t), v1...)...)
	fromIndex, err := s.Stats(ctx, 50)
	if err != nil {
		t.Fatal(err)
	}
	fromQuads, err := ComputeStats(ctx, s.QS, 50)
	if err != nil {
		t.Fatal(err)
	}
	a, b := fmt.Sprintf("%+v", *fromIndex), fmt.Sprintf("%+v", *fromQuads)
	if a != b {
		t.Errorf("stats from the index differ from the quads':\nindex %s\nquads %s", a, b)
	}
	if fromIndex.Articles != 6 || len(fromIndex.TopSpeakers) < 5 || fromIndex.Roles == 0 {
		t.Errorf("stats = %s", a)
	}
	for _, sp := range fromIndex.TopSpeakers {
		if schema.IsUnnamedSource(quad.IRI(sp.IRI)) || sp.Name == "" {
			t.Errorf("top speaker %+v is no named entity", sp)
		}
	}
	// A write past the Ingester leaves the index stale: the counts come
	// from the quads, and count what was written.
	q := quad.Make(schema.ArticleIRI("outside"), schema.Type, schema.NewsArticle, schema.ArticleIRI("outside"))
	if err := s.QS.ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	stale, err := s.Stats(ctx, 50)
	if err != nil {
		t.Fatal(err)
	}
	if stale.Articles != fromIndex.Articles+1 {
		t.Errorf("stats of a stale index count %d articles, want %d", stale.Articles, fromIndex.Articles+1)
	}
}
