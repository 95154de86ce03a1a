package queries

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// goldenCase is one query on the seeds graph: its answer as a value (for
// JSON) and a table.
type goldenCase struct {
	name string
	run  func(ctx context.Context, g *Graph) (any, Table, error)
}

var goldenCases = []goldenCase{
	{"entities", func(ctx context.Context, g *Graph) (any, Table, error) {
		es, err := g.Entities(ctx, EntityFilter{})
		return es, EntitiesTable(es), err
	}},
	{"entities-type-country", func(ctx context.Context, g *Graph) (any, Table, error) {
		es, err := g.Entities(ctx, EntityFilter{Type: "country"})
		return es, EntitiesTable(es), err
	}},
	{"entities-name-ministry", func(ctx context.Context, g *Graph) (any, Table, error) {
		es, err := g.Entities(ctx, EntityFilter{Name: "foreign ministry"})
		return es, EntitiesTable(es), err
	}},
	{"entities-name-glob", func(ctx context.Context, g *Graph) (any, Table, error) {
		es, err := g.Entities(ctx, EntityFilter{Name: "*resolution*"})
		return es, EntitiesTable(es), err
	}},
	{"entity-ghassemi", func(ctx context.Context, g *Graph) (any, Table, error) {
		p, err := g.Profile(ctx, "Bahram Ghassemi", 0)
		if err != nil {
			return nil, Table{}, err
		}
		return p, ProfileTable(p), err
	}},
	{"entity-jcpoa", func(ctx context.Context, g *Graph) (any, Table, error) {
		p, err := g.Profile(ctx, "jcpoa", 0)
		if err != nil {
			return nil, Table{}, err
		}
		return p, ProfileTable(p), err
	}},
	{"entity-foreign-ministry", func(ctx context.Context, g *Graph) (any, Table, error) {
		p, err := g.Profile(ctx, "Iranian Foreign Ministry", 3)
		if err != nil {
			return nil, Table{}, err
		}
		return p, ProfileTable(p), err
	}},
	{"statements", func(ctx context.Context, g *Graph) (any, Table, error) {
		ss, err := g.Statements(ctx, StatementFilter{})
		return ss, StatementsTable(ss), err
	}},
	{"statements-by-le-drian", func(ctx context.Context, g *Graph) (any, Table, error) {
		ss, err := g.Statements(ctx, StatementFilter{By: "le drian"})
		return ss, StatementsTable(ss), err
	}},
	{"statements-about-resolution", func(ctx context.Context, g *Graph) (any, Table, error) {
		ss, err := g.Statements(ctx, StatementFilter{About: "Resolution 2231"})
		return ss, StatementsTable(ss), err
	}},
	{"statements-by-about", func(ctx context.Context, g *Graph) (any, Table, error) {
		ss, err := g.Statements(ctx, StatementFilter{By: "Ghassemi", About: "France"})
		return ss, StatementsTable(ss), err
	}},
	{"statements-dates", func(ctx context.Context, g *Graph) (any, Table, error) {
		ss, err := g.Statements(ctx, StatementFilter{Since: "2017-06-01", Until: "2017-06-30", Limit: 3})
		return ss, StatementsTable(ss), err
	}},
	{"statements-text", func(ctx context.Context, g *Graph) (any, Table, error) {
		ss, err := g.Statements(ctx, StatementFilter{Text: "Missile PROGRAM"})
		return ss, StatementsTable(ss), err
	}},
	{"statements-act-none", func(ctx context.Context, g *Graph) (any, Table, error) {
		ss, err := g.Statements(ctx, StatementFilter{Act: "threaten"})
		return ss, StatementsTable(ss), err
	}},
	{"speakers", func(ctx context.Context, g *Graph) (any, Table, error) {
		ss, err := g.Speakers(ctx, "", 0)
		return ss, SpeakersTable(ss), err
	}},
	{"speakers-about-iran", func(ctx context.Context, g *Graph) (any, Table, error) {
		ss, err := g.Speakers(ctx, "iran", 0)
		return ss, SpeakersTable(ss), err
	}},
	{"path-le-drian-iran", func(ctx context.Context, g *Graph) (any, Table, error) {
		ps, err := g.Paths(ctx, "Jean-Yves Le Drian", "Iran", 0, 0)
		return ps, PathsTable(ps), err
	}},
	{"path-trump-le-drian", func(ctx context.Context, g *Graph) (any, Table, error) {
		ps, err := g.Paths(ctx, "Trump", "Le Drian", 6, 5)
		return ps, PathsTable(ps), err
	}},
	{"neighbors-rouhani", func(ctx context.Context, g *Graph) (any, Table, error) {
		ns, err := g.Neighbors(ctx, "Rohani", 1, 0)
		return ns, NeighborsTable(ns), err
	}},
	{"neighbors-le-drian-depth2", func(ctx context.Context, g *Graph) (any, Table, error) {
		ns, err := g.Neighbors(ctx, "Le Drian", 2, 0)
		return ns, NeighborsTable(ns), err
	}},
	{"timeline-rouhani", func(ctx context.Context, g *Graph) (any, Table, error) {
		es, err := g.Timeline(ctx, "Hassan Rouhani", 0)
		return es, TimelineTable(es), err
	}},
	{"timeline-france", func(ctx context.Context, g *Graph) (any, Table, error) {
		es, err := g.Timeline(ctx, "France", 0)
		return es, TimelineTable(es), err
	}},
	{"cooccur", func(ctx context.Context, g *Graph) (any, Table, error) {
		cs, err := g.Cooccur(ctx, "", 15)
		return cs, CooccurTable(cs), err
	}},
	{"cooccur-type-person", func(ctx context.Context, g *Graph) (any, Table, error) {
		cs, err := g.Cooccur(ctx, "Person", 0)
		return cs, CooccurTable(cs), err
	}},
	{"articles", func(ctx context.Context, g *Graph) (any, Table, error) {
		as, err := g.Articles(ctx, "", 0)
		return as, ArticlesTable(as), err
	}},
	{"articles-mentions-obama", func(ctx context.Context, g *Graph) (any, Table, error) {
		as, err := g.Articles(ctx, "obama", 0)
		return as, ArticlesTable(as), err
	}},
}

// TestGolden runs every canned query on the seeds graph and compares its
// table and JSON output with testdata/NAME.{table,json}.golden.
func TestGolden(t *testing.T) {
	runGolden(t, seedsGraph(t))
}

// TestGoldenWithoutIndex runs the same queries on the same store through
// its quads only (as on memory and PostgreSQL stores): the answers are
// the same, byte for byte.
func TestGoldenWithoutIndex(t *testing.T) {
	if *update {
		t.Skip("-update writes the golden files from the index")
	}
	dir := filepath.Join(t.TempDir(), "seeds.db")
	ingestStore(t, dir, seedExtractions(t))
	runGolden(t, openQuadGraph(t, dir))
}

func runGolden(t *testing.T, g *Graph) {
	ctx := context.Background()
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			v, tab, err := c.run(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			for _, format := range []string{FormatTable, FormatJSON} {
				var buf bytes.Buffer
				if err := Write(&buf, format, v, tab); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, c.name+"."+format, buf.Bytes())
			}
		})
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestLookup checks name lookup: aliases, case, transliteration,
// ambiguity and suggestions, with the index and without.
func TestLookup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "seeds.db")
	ingestStore(t, dir, seedExtractions(t))
	t.Run("index", func(t *testing.T) { testLookup(t, openGraph(t, dir)) })
	t.Run("quads", func(t *testing.T) { testLookup(t, openQuadGraph(t, dir)) })
}

func testLookup(t *testing.T, g *Graph) {
	ctx := context.Background()
	for _, c := range []struct{ name, want string }{
		{"Bahram Ghassemi", "Bahram Ghassemi"},
		{"bahram qassemi", "Bahram Ghassemi"},
		{"qassemi", "Bahram Ghassemi"},
		{"Ghasemi", "Bahram Ghassemi"},
		{"Bahram Ghasemi", "Bahram Ghassemi"},
		{"rohani", "Hassan Rouhani"},
		{"Rowhani", "Hassan Rouhani"},
		{"U.S.", "United States"},
		{"usa", "United States"},
		{"jcpoa", "Joint Comprehensive Plan of Action"},
		{"the Iran nuclear deal", "Joint Comprehensive Plan of Action"},
		{"IRANIAN FOREIGN MINISTRY", "Ministry of Foreign Affairs of Iran"},
		{"tehran", "Iran"},
		{"  Le   Drian ", "Jean-Yves Le Drian"},
	} {
		e, err := g.Lookup(ctx, c.name)
		if err != nil {
			t.Errorf("Lookup(%q): %v", c.name, err)
			continue
		}
		if e.Name != c.want {
			t.Errorf("Lookup(%q) = %s, want %s", c.name, e.Name, c.want)
		}
	}

	_, err := g.Lookup(ctx, "United")
	var amb *AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("Lookup(United) = %v, want an ambiguous-name error", err)
	}
	var names []string
	for _, c := range amb.Candidates {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, "|"); got != "UN Security Council Resolution 2231|United Kingdom|United Nations Security Council|United States" {
		t.Errorf("candidates of United = %s", got)
	}

	if !strings.Contains(err.Error(), `"UN Security Council Resolution 2231 (Agreement)"`) {
		t.Errorf("the ambiguity error does not say how to single one out: %v", err)
	}
	// A type after the name, or the id, singles one out.
	for _, c := range []struct{ name, want string }{
		{"Iran (Country)", "Iran"},
		{"iran (country)", "Iran"},
		{"Le Drian (Person)", "Jean-Yves Le Drian"},
		{amb.Candidates[1].ID, "United Kingdom"},
		{"<" + amb.Candidates[1].ID + ">", "United Kingdom"},
	} {
		e, err := g.Lookup(ctx, c.name)
		if err != nil || e.Name != c.want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", c.name, e, err, c.want)
		}
	}
	for _, name := range []string{"Iran (Person)", "https://newsgraph.dev/person/nobody-at-all", amb.Candidates[0].ID + "x"} {
		if _, err := g.Lookup(ctx, name); !errors.As(err, new(*NotFoundError)) {
			t.Errorf("Lookup(%q) = %v, want not found", name, err)
		}
	}

	_, err = g.Lookup(ctx, "Rouhanni Hasan")
	var nf *NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("Lookup(Rouhanni Hasan) = %v, want not found", err)
	}
	_, err = g.Lookup(ctx, "Obana")
	if !errors.As(err, &nf) || len(nf.Suggestions) == 0 || nf.Suggestions[0] != "Barack Obama" {
		t.Errorf("Lookup(Obana) = %v, want not found suggesting Barack Obama", err)
	}
	if !strings.HasPrefix(err.Error(), `no entity named "Obana"`) {
		t.Errorf("error = %q", err)
	}
	// Phonetic keys drop vowels and doubled letters: names that only share
	// them are not transliterations of each other.
	for _, name := range []string{"zzzz", "shine"} {
		if e, err := g.Lookup(ctx, name); !errors.As(err, new(*NotFoundError)) {
			t.Errorf("Lookup(%q) = %v, %v; want not found", name, e, err)
		}
	}
	if _, err := g.Lookup(ctx, " "); !errors.Is(err, ErrNoName) {
		t.Errorf("Lookup(blank) = %v", err)
	}
}

// TestExampleQuery checks the demo's example: the most frequent speaker's
// statements, as `newsgraph query statements --by` lists them.
func TestExampleQuery(t *testing.T) {
	g := seedsGraph(t)
	ex, err := ExampleQuery(context.Background(), g.qs)
	if err != nil {
		t.Fatal(err)
	}
	if ex == nil || ex.Command != `newsgraph query statements --by "Bahram Ghassemi"` || len(ex.Answer.Rows) != 9 {
		t.Fatalf("example = %+v", ex)
	}
	ss, err := g.Statements(context.Background(), StatementFilter{By: "Bahram Ghassemi"})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range ss {
		if ex.Answer.Rows[i][3] != s.Text {
			t.Errorf("row %d = %q, statements --by gives %q", i, ex.Answer.Rows[i][3], s.Text)
		}
	}
}
