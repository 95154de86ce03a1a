package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"newsgraph/schema"
	"newsgraph/seeds"
)

// seedGold returns the hand-made gold records of the seed articles with
// ids set the way the text loader sets them.
func seedGold(t testing.TB) []schema.Extraction {
	t.Helper()
	d, err := schema.ReadDocument(bytes.NewReader(seeds.Gold))
	if err != nil {
		t.Fatal(err)
	}
	for i := range d.Articles {
		d.Articles[i].ID = strings.TrimSuffix(d.Articles[i].File, ".txt")
	}
	return d.Articles
}

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "g.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func ingestAll(t testing.TB, s *Store, xs ...schema.Extraction) []Outcome {
	t.Helper()
	ctx := context.Background()
	ing, err := NewIngester(ctx, s, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []Outcome
	for i := range xs {
		o, err := ing.Add(ctx, &xs[i])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, o)
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return out
}

func allQuads(t testing.TB, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	it := s.QS.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.QS.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.String())
	}
	sort.Strings(out)
	return out
}

func stats(t testing.TB, s *Store) *Stats {
	t.Helper()
	st, err := ComputeStats(context.Background(), s.QS, 5)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestIngestTwiceLeavesCountsUnchanged(t *testing.T) {
	s := openTemp(t)
	gold := seedGold(t)
	if got := ingestAll(t, s, gold...); got[0] != Added || got[1] != Added {
		t.Fatalf("first ingest outcomes %v, want added", got)
	}
	before, quadsBefore := stats(t, s), allQuads(t, s)
	if before.Articles != 2 || before.Statements == 0 || before.ByType[schema.TypePerson] == 0 {
		t.Fatalf("unexpected stats after first ingest: %+v", before)
	}
	if got := ingestAll(t, s, seedGold(t)...); got[0] != Unchanged || got[1] != Unchanged {
		t.Fatalf("second ingest outcomes %v, want unchanged", got)
	}
	after, quadsAfter := stats(t, s), allQuads(t, s)
	if before.Quads != after.Quads || before.Entities != after.Entities || before.Statements != after.Statements || before.Articles != after.Articles {
		t.Errorf("counts changed on re-ingest: before %+v after %+v", before, after)
	}
	if strings.Join(quadsBefore, "\n") != strings.Join(quadsAfter, "\n") {
		t.Errorf("quads changed on re-ingest")
	}
}

func TestEveryQuadLabelledWithItsArticle(t *testing.T) {
	s := openTemp(t)
	ingestAll(t, s, seedGold(t)...)
	ctx := context.Background()
	it := s.QS.QuadsAllIterator().Iterate()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		q, _ := s.QS.Quad(it.Result())
		l, ok := q.Label.(quad.IRI)
		if !ok || !strings.HasPrefix(string(l), schema.Base+"article/") {
			t.Fatalf("quad %v is not labelled with an article IRI", q)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no quads")
	}
}

func article(id string, entities []schema.Entity, stmts ...schema.Statement) schema.Extraction {
	return schema.Extraction{ID: id, File: id + ".txt", Entities: entities, Statements: stmts}
}

func TestReingestEditedArticleReplacesItsFacts(t *testing.T) {
	s := openTemp(t)
	iran := schema.Entity{Name: "Iran", Type: schema.TypeCountry, Aliases: []string{"Tehran"}}
	france := schema.Entity{Name: "France", Type: schema.TypeCountry}
	chad := schema.Entity{Name: "Chad", Type: schema.TypeCountry}
	a1 := article("a", []schema.Entity{iran, france}, schema.Statement{Speaker: "Iran", Kind: "indirect", Text: "talks with France will go on"})
	b := article("b", []schema.Entity{iran})
	ingestAll(t, s, a1, b)

	a2 := article("a", []schema.Entity{chad}, schema.Statement{Speaker: "Chad", Kind: "indirect", Text: "new text"})
	if got := ingestAll(t, s, a2); got[0] != Replaced {
		t.Fatalf("outcome %v, want replaced", got[0])
	}
	ctx := context.Background()
	names := func(iri quad.IRI) string { n, _, _ := NodeName(ctx, s.QS, iri); return n }
	if names(schema.EntityIRI(schema.TypeCountry, "France")) != "" {
		t.Errorf("France, named only by the old version of a, survived its replacement")
	}
	if names(schema.EntityIRI(schema.TypeCountry, "Iran")) != "Iran" {
		t.Errorf("Iran, named also by b, was lost when a was replaced")
	}
	if names(schema.EntityIRI(schema.TypeCountry, "Chad")) != "Chad" {
		t.Errorf("Chad, named by the new version of a, is missing")
	}
	for _, q := range allQuads(t, s) {
		if strings.Contains(q, "<nil>") {
			t.Errorf("broken quad after replacement: %s", q)
		}
	}
	st := stats(t, s)
	if st.Articles != 2 || st.Statements != 1 {
		t.Errorf("stats after replacement: %+v", st)
	}
	qa, _ := QuadsOf(ctx, s.QS, schema.ArticleIRI("a"))
	for _, q := range qa {
		if strings.Contains(q.String(), "talks with France") {
			t.Errorf("old statement text survived: %v", q)
		}
	}
}

func TestTransliteratedSpeakerIsOneNode(t *testing.T) {
	s := openTemp(t)
	ministry := schema.Entity{Name: "Ministry of Foreign Affairs of Iran", Type: schema.TypeOrganization, Aliases: []string{"Iranian Foreign Ministry"}}
	a := schema.Extraction{ID: "a", Entities: []schema.Entity{{Name: "Bahram Ghassemi", Type: schema.TypePerson, Aliases: []string{"Ghassemi"}}, ministry}}
	b := schema.Extraction{ID: "b", Entities: []schema.Entity{{Name: "Bahram Qassemi", Type: schema.TypePerson, Aliases: []string{"Qassemi"}}, ministry}}
	ingestAll(t, s, a, b)
	st := stats(t, s)
	if st.ByType[schema.TypePerson] != 1 {
		t.Fatalf("persons = %d, want 1 (Ghassemi and Qassemi are one person)", st.ByType[schema.TypePerson])
	}
	ctx := context.Background()
	var names []string
	iri := schema.EntityIRI(schema.TypePerson, "Bahram Ghassemi")
	EachQuad(ctx, s.QS, quad.Subject, iri, func(q quad.Quad) error {
		if q.Predicate == schema.AlternateName || q.Predicate == schema.Name {
			names = append(names, quadString(q.Object))
		}
		return nil
	})
	sort.Strings(names)
	if strings.Join(names, ",") != "Bahram Ghassemi,Bahram Qassemi,Ghassemi,Qassemi" {
		t.Errorf("names = %v, want every name of both articles", names)
	}
	if name, _, _ := NodeName(ctx, s.QS, iri); name != "Bahram Ghassemi" {
		t.Errorf("display name = %q", name)
	}
}

func TestResolverPersonRules(t *testing.T) {
	person := func(name string, aliases ...string) schema.Entity {
		return schema.Entity{Name: name, Type: schema.TypePerson, Aliases: aliases}
	}
	cases := []struct {
		name    string
		first   []schema.Extraction
		then    schema.Entity
		roles   []schema.Role
		extra   []schema.Entity
		sameAs  string // canonical name of the node it must join; "" = a new node
		persons int
	}{
		{name: "same full name", first: []schema.Extraction{{Entities: []schema.Entity{person("Donald Trump")}}}, then: person("Donald Trump"), sameAs: "Donald Trump", persons: 1},
		{name: "transliterated first and last", first: []schema.Extraction{{Entities: []schema.Entity{person("Muammar Gaddafi")}}}, then: person("Moammar Kadhafi"), sameAs: "Muammar Gaddafi", persons: 1},
		{name: "first names differ", first: []schema.Extraction{{Entities: []schema.Entity{person("Hillary Clinton")}}}, then: person("Bill Clinton"), persons: 2},
		{name: "initial agrees", first: []schema.Extraction{{Entities: []schema.Entity{person("George Bush")}}}, then: person("G. Bush"), sameAs: "George Bush", persons: 1},
		{name: "bare surname, one candidate", first: []schema.Extraction{{Entities: []schema.Entity{person("Hassan Rouhani")}}}, then: person("Rohani"), sameAs: "Hassan Rouhani", persons: 1},
		{name: "bare surname, two candidates", first: []schema.Extraction{{Entities: []schema.Entity{person("Hillary Clinton"), person("Bill Clinton")}}}, then: person("Clinton"), persons: 3},
		{
			name:  "bare surname, affiliation decides",
			first: []schema.Extraction{{Entities: []schema.Entity{person("Ann Lee"), person("Bo Lee"), {Name: "Acme Corp", Type: schema.TypeOrganization}}, Roles: []schema.Role{{Person: "Bo Lee", Title: "chief", Org: "Acme Corp"}}}},
			then:  person("Lee"), roles: []schema.Role{{Person: "Lee", Title: "chief", Org: "Acme Corp"}}, extra: []schema.Entity{{Name: "Acme Corp", Type: schema.TypeOrganization}},
			sameAs: "Bo Lee", persons: 2,
		},
		{
			name: "bare surname, one of several far more often named",
			first: []schema.Extraction{
				{Entities: []schema.Entity{person("Walter Pemberton")}}, {Entities: []schema.Entity{person("Walter Pemberton")}},
				{Entities: []schema.Entity{person("Walter Pemberton")}}, {Entities: []schema.Entity{person("Grace Pemberton"), person("Walter Pemberton")}},
			},
			then: person("Pemberton"), sameAs: "Walter Pemberton", persons: 2,
		},
		{
			name: "bare surname, several named about as often",
			first: []schema.Extraction{
				{Entities: []schema.Entity{person("Walter Pemberton")}}, {Entities: []schema.Entity{person("Walter Pemberton")}},
				{Entities: []schema.Entity{person("Grace Pemberton")}},
			},
			then: person("Pemberton"), persons: 3,
		},
		{name: "hyphenated first name", first: []schema.Extraction{{Entities: []schema.Entity{person("Mohammad Javad Zarif")}}}, then: person("Mohammad-Javad Zarif"), sameAs: "Mohammad Javad Zarif", persons: 1},
		{name: "alike but different surnames", first: []schema.Extraction{{Entities: []schema.Entity{person("Joe Louis Story")}}}, then: person("Jack Straw"), persons: 2},
		{name: "bare alike surname", first: []schema.Extraction{{Entities: []schema.Entity{person("Joe Story")}}}, then: person("Straw"), persons: 2},
		{name: "different surnames", first: []schema.Extraction{{Entities: []schema.Entity{person("Barack Obama")}}}, then: person("Barack Osama"), persons: 2},
	}
	// Both stores: bolt counts an entity's articles from its read index,
	// memory from the quads.
	for _, c := range cases {
		for _, kind := range []string{"bolt", "memory"} {
			t.Run(c.name+"/"+kind, func(t *testing.T) {
				s := openTemp(t)
				if kind == "memory" {
					var err error
					if s, err = Open(Memory, Options{}); err != nil {
						t.Fatal(err)
					}
				}
				for i := range c.first {
					c.first[i].ID = "first" + string(rune('a'+i))
				}
				ingestAll(t, s, c.first...)
				x := schema.Extraction{ID: "then", Entities: append([]schema.Entity{c.then}, c.extra...), Roles: c.roles}
				ingestAll(t, s, x)
				st := stats(t, s)
				if st.ByType[schema.TypePerson] != int64(c.persons) {
					t.Errorf("persons = %d, want %d", st.ByType[schema.TypePerson], c.persons)
				}
				ctx := context.Background()
				r, err := LoadResolver(ctx, s.QS)
				if err != nil {
					t.Fatal(err)
				}
				n := r.find(&c.then, nil)
				if c.sameAs != "" {
					want := schema.EntityIRI(schema.TypePerson, c.sameAs)
					var got quad.IRI
					EachQuad(ctx, s.QS, quad.Label, schema.ArticleIRI("then"), func(q quad.Quad) error {
						if q.Predicate == schema.Type && q.Object == schema.Person {
							got = q.Subject.(quad.IRI)
						}
						return nil
					})
					if got != want {
						t.Errorf("%q resolved to %v, want %v", c.then.Name, got, want)
					}
				}
				_ = n
			})
		}
	}
}

// TestOrganizationsMeetWithoutLegalForms checks that a company named with
// and without its legal form is one node, and that distinct companies that
// share words are not.
func TestOrganizationsMeetWithoutLegalForms(t *testing.T) {
	org := func(name string) schema.Entity { return schema.Entity{Name: name, Type: schema.TypeOrganization} }
	for _, c := range []struct {
		names []string
		want  int64
	}{
		{[]string{"Salomon Brothers Inc", "Salomon Brothers"}, 1},
		{[]string{"Salomon Brothers", "Salomon Brothers Inc."}, 1},
		{[]string{"Texaco Canada Ltd", "Texaco Canada Inc"}, 1},
		{[]string{"Smith Barney, Harris Upham and Co", "Smith Barney, Harris Upham"}, 1},
		{[]string{"Ford Motor Co", "Ford Motor Credit Co"}, 2},
		{[]string{"Salomon Inc", "Salomon Brothers Inc"}, 2},
		{[]string{"Salomon SA", "Salomon Inc"}, 2},
		{[]string{"Texaco Inc", "Texaco Canada Inc"}, 2},
		{[]string{"Co", "Inc"}, 2},
	} {
		s := openTemp(t)
		var xs []schema.Extraction
		for i, n := range c.names {
			xs = append(xs, schema.Extraction{ID: fmt.Sprintf("a%d", i), Entities: []schema.Entity{org(n)}})
		}
		ingestAll(t, s, xs...)
		if got := stats(t, s).ByType[schema.TypeOrganization]; got != c.want {
			t.Errorf("%q: %d organizations, want %d", c.names, got, c.want)
		}
	}
	// A company's short name in one article ("Salomon") joins it with no
	// other company of that first word; an acronym still joins.
	s := openTemp(t)
	ingestAll(t, s,
		schema.Extraction{ID: "a", Entities: []schema.Entity{{Name: "Salomon Brothers Inc", Type: schema.TypeOrganization, Aliases: []string{"Salomon", "SBI"}}}},
		schema.Extraction{ID: "b", Entities: []schema.Entity{{Name: "Salomon SA", Type: schema.TypeOrganization, Aliases: []string{"Salomon"}}}},
		schema.Extraction{ID: "c", Entities: []schema.Entity{{Name: "Salomon", Type: schema.TypeOrganization}}},
		schema.Extraction{ID: "d", Entities: []schema.Entity{{Name: "SBI", Type: schema.TypeOrganization}}},
	)
	if got := stats(t, s).ByType[schema.TypeOrganization]; got != 3 {
		t.Errorf("%d organizations, want 3 (Salomon Brothers Inc with SBI, Salomon SA, Salomon)", got)
	}
	if got := withoutLegalForm("bank of america corp"); got != "bank of america" {
		t.Errorf("withoutLegalForm = %q", got)
	}
}

func TestGenericAliasesDoNotMerge(t *testing.T) {
	s := openTemp(t)
	a := schema.Extraction{ID: "a", Entities: []schema.Entity{{Name: "Joint Comprehensive Plan of Action", Type: schema.TypeAgreement, Aliases: []string{"JCPOA", "nuclear agreement"}}}}
	b := schema.Extraction{ID: "b", Entities: []schema.Entity{{Name: "Agreed Framework", Type: schema.TypeAgreement, Aliases: []string{"nuclear agreement"}}}}
	c := schema.Extraction{ID: "c", Entities: []schema.Entity{{Name: "Iran nuclear deal", Type: schema.TypeAgreement, Aliases: []string{"JCPOA"}}}}
	ingestAll(t, s, a, b, c)
	if n := stats(t, s).ByType[schema.TypeAgreement]; n != 2 {
		t.Errorf("agreements = %d, want 2 (JCPOA joins by acronym; a shared generic alias does not merge)", n)
	}
}

func TestResolverSurvivesReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g.db")
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ingestAll(t, s, schema.Extraction{ID: "a", Entities: []schema.Entity{{Name: "Bahram Ghassemi", Type: schema.TypePerson}}})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ingestAll(t, s, schema.Extraction{ID: "b", Entities: []schema.Entity{{Name: "Bahram Ghasemi", Type: schema.TypePerson}}})
	if n := stats(t, s).ByType[schema.TypePerson]; n != 1 {
		t.Errorf("persons = %d after reopening, want 1", n)
	}
}

func TestLockedStoreFailsFast(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g.db")
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = Open(dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("locked open took %v, want under 2s", d)
	}
	if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), dir) {
		t.Errorf("error %q should be one line naming the store", err)
	}
}

func TestUnusableStorePaths(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "plain")
	os.WriteFile(file, []byte("x"), 0o644)
	cases := []struct {
		path string
		opt  Options
		want string
	}{
		{file, Options{}, "is a file, not a store directory"},
		{filepath.Join(file, "sub.db"), Options{}, "not a directory"},
		{filepath.Join(tmp, "missing.db"), Options{ReadOnly: true}, "no store here"},
	}
	for _, c := range cases {
		start := time.Now()
		_, err := Open(c.path, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Open(%s) = %v, want error containing %q", c.path, err, c.want)
		}
		if time.Since(start) > 2*time.Second {
			t.Errorf("Open(%s) took too long", c.path)
		}
	}
	if _, err := os.Stat(filepath.Join(tmp, "missing.db")); err == nil {
		t.Errorf("a read-only open created the store")
	}
}

func TestReadOnlyStoresShare(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "g.db")
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ingestAll(t, s, seedGold(t)...)
	s.Close()
	r1, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a second reader could not open the store: %v", err)
	}
	defer r2.Close()
	if stats(t, r2).Articles != 2 {
		t.Errorf("reader sees wrong data")
	}
	if _, err := NewIngester(context.Background(), r1, 0); err == nil {
		t.Errorf("an ingester accepted a read-only store")
	}
}

func TestMemoryStore(t *testing.T) {
	s, err := Open(Memory, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ingestAll(t, s, seedGold(t)...)
	if st := stats(t, s); st.Articles != 2 || s.Persistent() {
		t.Errorf("memory store: %+v persistent=%v", st, s.Persistent())
	}
}

func TestBatchesSmallerThanAnArticle(t *testing.T) {
	// A tiny batch size forces many transactions and a flush between two
	// versions of one article in the same run.
	s := openTemp(t)
	ctx := context.Background()
	ing, err := NewIngester(ctx, s, 3)
	if err != nil {
		t.Fatal(err)
	}
	gold := seedGold(t)
	for i := range gold {
		if _, err := ing.Add(ctx, &gold[i]); err != nil {
			t.Fatal(err)
		}
	}
	again := seedGold(t)
	if o, err := ing.Add(ctx, &again[0]); err != nil || o != Unchanged {
		t.Fatalf("re-add in the same run: %v %v", o, err)
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	ref := openTemp(t)
	ingestAll(t, ref, seedGold(t)...)
	if a, b := strings.Join(allQuads(t, s), "\n"), strings.Join(allQuads(t, ref), "\n"); a != b {
		t.Errorf("small batches produced a different graph")
	}
}

func TestNewStoresIndexLabelsAndPredicates(t *testing.T) {
	s := openTemp(t)
	var meta []byte
	err := s.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("meta"))
		if b == nil {
			return errors.New("no meta bucket")
		}
		meta = append(meta, b.Get([]byte("indexes"))...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var layout []struct{ Dirs []byte }
	if err := json.Unmarshal(meta, &layout); err != nil {
		t.Fatalf("index layout %s: %v", meta, err)
	}
	var got []string
	for _, ind := range layout {
		got = append(got, fmt.Sprint(ind.Dirs))
	}
	// Directions: 1 subject, 2 predicate, 3 object, 4 label.
	if strings.Join(got, " ") != "[1 2] [3 2 1] [2 3] [4]" {
		t.Errorf("index layout = %v, want subject-predicate, object-predicate-subject, predicate-object, label", got)
	}
}

// TestReingestKeepsNodesAfterTheGraphGrew: an article that resolved a bare
// surname to the only person of that name must resolve it the same way
// when ingested again after a second person with that surname arrived.
func TestReingestKeepsNodesAfterTheGraphGrew(t *testing.T) {
	s := openTemp(t)
	person := func(name string, aliases ...string) schema.Entity {
		return schema.Entity{Name: name, Type: schema.TypePerson, Aliases: aliases}
	}
	a := schema.Extraction{ID: "a", Entities: []schema.Entity{person("Hillary Clinton", "Clinton")}}
	b := schema.Extraction{ID: "b", Entities: []schema.Entity{person("Clinton")}}
	c := schema.Extraction{ID: "c", Entities: []schema.Entity{person("Bill Clinton")}}
	ingestAll(t, s, a, b, c)
	before, quads := stats(t, s), allQuads(t, s)
	again := []schema.Extraction{
		{ID: "a", Entities: []schema.Entity{person("Hillary Clinton", "Clinton")}},
		{ID: "b", Entities: []schema.Entity{person("Clinton")}},
		{ID: "c", Entities: []schema.Entity{person("Bill Clinton")}},
	}
	if got := ingestAll(t, s, again...); got[0] != Unchanged || got[1] != Unchanged || got[2] != Unchanged {
		t.Errorf("re-ingest outcomes %v, want all unchanged", got)
	}
	if after := stats(t, s); after.Entities != before.Entities || after.Quads != before.Quads {
		t.Errorf("counts changed: %+v -> %+v", before, after)
	}
	if strings.Join(allQuads(t, s), "\n") != strings.Join(quads, "\n") {
		t.Errorf("quads changed on re-ingest")
	}
}
