package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	cgraph "github.com/cayleygraph/cayley/graph"

	"newsgraph/graph"
	"newsgraph/graph/export"
	"newsgraph/graph/export/exporttest"
	"newsgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// openStore builds a bolt store from xs in a temporary directory and opens
// it read-only, as the export command does.
func openStore(t testing.TB, xs []schema.Extraction) *graph.Store {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "graph.db")
	if err := exporttest.BuildStore(context.Background(), dir, xs); err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(dir, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func seedExtractions(t testing.TB) []schema.Extraction {
	t.Helper()
	xs, err := exporttest.SeedExtractions()
	if err != nil {
		t.Fatal(err)
	}
	return xs
}

func seedStore(t testing.TB) *graph.Store { return openStore(t, seedExtractions(t)) }

// memDir collects the parts of a multi-part export.
type memDir map[string]*bytes.Buffer

func (d memDir) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	d[name] = b
	return b, nil
}

func run(t testing.TB, st *graph.Store, format string, opt export.Options) (map[string][]byte, *export.Graph) {
	t.Helper()
	f := export.FormatByName(format)
	if f == nil {
		t.Fatalf("no format %q", format)
	}
	parts := memDir{}
	var dst export.Destination = parts
	var buf bytes.Buffer
	if len(f.Parts) == 0 {
		dst = export.Stream{W: &buf}
	}
	g, err := export.Export(context.Background(), st.QS, f, opt, dst)
	if err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	out := map[string][]byte{}
	if len(f.Parts) == 0 {
		out[""] = buf.Bytes()
	}
	for n, b := range parts {
		out[n] = b.Bytes()
	}
	return out, g
}

// embeddedLibrary is the Cytoscape.js bundle inside HTML exports, left out
// of golden files (it is the npm file as is).
var embeddedLibrary = regexp.MustCompile(`(?s)(<script>\n)/\*\*\n \* Copyright \(c\) 2016-\d+, The Cytoscape Consortium.*?(\n</script>)`)

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run go test -update after checking the change):\n%s", name, path, firstDiff(want, got))
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %.300s\ngot  %.300s", i+1, w, g)
		}
	}
	return ""
}

// TestGolden pins every format's output for the seed graph, both views.
func TestGolden(t *testing.T) {
	st := seedStore(t)
	for _, f := range export.Formats {
		views := []string{export.ViewEntities, export.ViewFull}
		if f.Quads {
			views = []string{""}
		}
		for _, v := range views {
			name := "seeds-" + f.Name
			if v != "" {
				name = "seeds-" + v + "." + f.Name
			}
			t.Run(name, func(t *testing.T) {
				out, _ := run(t, st, f.Name, export.Options{View: v})
				for part, b := range out {
					if f.Name == "html" {
						if !embeddedLibrary.Match(b) {
							t.Fatal("html export does not embed Cytoscape.js")
						}
						b = embeddedLibrary.ReplaceAll(b, []byte("${1}/* cytoscape.min.js from assets/ */${2}"))
					}
					n := name
					if part != "" {
						n = "seeds-" + v + "." + part
					}
					golden(t, n, b)
				}
			})
		}
	}
}

func nodeByLabel(t *testing.T, g *export.Graph, label string) int {
	t.Helper()
	for i, n := range g.Nodes {
		if n.Label == label {
			return i
		}
	}
	t.Fatalf("no node labelled %q", label)
	return -1
}

func edgesBetween(g *export.Graph, src, dst int) map[string]export.Edge {
	out := map[string]export.Edge{}
	for _, e := range g.Edges {
		if e.Source == src && e.Target == dst {
			out[e.Relation] = e
		}
	}
	return out
}

func TestEntitiesView(t *testing.T) {
	st := seedStore(t)
	g, err := export.Build(context.Background(), st.QS, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.View != export.ViewEntities {
		t.Errorf("default view %q", g.View)
	}
	// Every node is an entity, one per real-world thing: the seeds' 22
	// non-optional entities across two articles are 20 nodes.
	types := map[string]int{}
	for _, n := range g.Nodes {
		types[n.Type]++
	}
	want := map[string]int{"Person": 5, "Country": 7, "Organization": 6, "Agreement": 2}
	if fmt.Sprint(types) != fmt.Sprint(want) {
		t.Errorf("node types %v, want %v", types, want)
	}

	gh := nodeByLabel(t, g, "Bahram Ghassemi")
	n := g.Nodes[gh]
	if n.ID != "https://newsgraph.dev/person/bahram-ghassemi" || n.Type != "Person" {
		t.Errorf("Ghassemi node %+v", n)
	}
	if !contains(n.Aliases, "Bahram Qassemi") || contains(n.Aliases, "Bahram Ghassemi") {
		t.Errorf("Ghassemi aliases %q: want the other names, not the label", n.Aliases)
	}
	// 7 non-optional statements in the first article, 2 in the second.
	if n.Statements != 9 || n.Articles != 2 {
		t.Errorf("Ghassemi statements %d articles %d, want 9 and 2", n.Statements, n.Articles)
	}
	if n.First.String() != "2017-06-10" || n.Last.String() != "2017-06-10" {
		t.Errorf("Ghassemi dates %s..%s", n.First, n.Last)
	}

	france := nodeByLabel(t, g, "France")
	iran := nodeByLabel(t, g, "Iran")
	mfa := nodeByLabel(t, g, "Ministry of Foreign Affairs of Iran")
	// Three of Ghassemi's statements mention France, all in the undated
	// first article.
	e := edgesBetween(g, gh, france)[export.RelSpeaksAbout]
	if e.Weight != 3 || e.First != 0 || len(e.Articles) != 1 || !strings.HasSuffix(e.Articles[0], "/article/000-d83d5ca6cd029b45") {
		t.Errorf("Ghassemi -> France %+v", e)
	}
	// The spokesman role is stated by both articles.
	role := edgesBetween(g, gh, mfa)[export.RelRole]
	if role.Weight != 2 || role.Label != "spokesman" || len(role.Articles) != 2 {
		t.Errorf("Ghassemi -> ministry role %+v", role)
	}
	if edgesBetween(g, gh, iran)[export.RelRole].Label != "spokesman" {
		t.Error("no spokesman role edge from Ghassemi to Iran")
	}
	jcpoa := nodeByLabel(t, g, "Joint Comprehensive Plan of Action")
	parties := 0
	for _, e := range g.Edges {
		if e.Source == jcpoa && e.Relation == export.RelParty {
			parties++
		}
		if e.Source == e.Target {
			t.Errorf("self loop %+v", e)
		}
		if e.Weight < 1 || len(e.Articles) == 0 {
			t.Errorf("edge without weight or provenance %+v", e)
		}
	}
	if parties != 7 {
		t.Errorf("JCPOA has %d parties, want 7", parties)
	}
}

func TestFullView(t *testing.T) {
	st := seedStore(t)
	g, err := export.Build(context.Background(), st.QS, export.Options{View: export.ViewFull})
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, n := range g.Nodes {
		types[n.Type]++
	}
	if types[export.TypeArticle] != 2 || types[export.TypeStatement] != 18 || types["Person"] != 5 {
		t.Errorf("full view types %v: want 2 articles, 18 statements, 5 persons", types)
	}
	rels := map[string]int{}
	partOf := map[int]bool{}
	for _, e := range g.Edges {
		rels[e.Relation]++
		src, dst := g.Nodes[e.Source], g.Nodes[e.Target]
		switch e.Relation {
		case export.RelPartOf:
			if src.Type != export.TypeStatement || dst.Type != export.TypeArticle {
				t.Errorf("part_of from %s to %s", src.Type, dst.Type)
			}
			partOf[e.Source] = true
		case export.RelSpeaksAbout:
			t.Errorf("speaks_about edge in the full view: %+v", e)
		}
	}
	for i, n := range g.Nodes {
		if n.Type == export.TypeStatement {
			if !partOf[i] || n.Text == "" || n.Kind == "" {
				t.Errorf("statement %s: part_of %v text %q kind %q", n.ID, partOf[i], n.Text, n.Kind)
			}
		}
	}
	if rels[export.RelSpeaker] != 18 || rels[export.RelPublisher] != 2 {
		t.Errorf("relations %v: want 18 speaker and 2 publisher edges", rels)
	}
}

func TestFilters(t *testing.T) {
	st := seedStore(t)
	build := func(opt export.Options) *export.Graph {
		t.Helper()
		g, err := export.Build(context.Background(), st.QS, opt)
		if err != nil {
			t.Fatalf("%+v: %v", opt, err)
		}
		return g
	}
	labels := func(g *export.Graph) []string {
		var out []string
		for _, n := range g.Nodes {
			out = append(out, n.Label)
		}
		sort.Strings(out)
		return out
	}

	persons := build(export.Options{Types: []string{"person"}})
	if len(persons.Nodes) != 5 || len(persons.Edges) != 0 {
		t.Errorf("--type person: %v, %d edges", labels(persons), len(persons.Edges))
	}
	two := build(export.Options{Types: []string{"Person,Country"}})
	if len(two.Nodes) != 12 || len(two.Edges) == 0 {
		t.Errorf("--type Person,Country: %d nodes %d edges", len(two.Nodes), len(two.Edges))
	}

	// Le Drian by an alias: himself, France (role, speaks about) and Iran.
	around := build(export.Options{Around: "le drian"})
	if got := strings.Join(labels(around), ", "); got != "France, Iran, Jean-Yves Le Drian" {
		t.Errorf("--around 'le drian': %s", got)
	}
	wider := build(export.Options{Around: "Le Drian", Depth: 2})
	if len(wider.Nodes) <= len(around.Nodes) {
		t.Errorf("--depth 2 keeps %d nodes, --depth 1 %d", len(wider.Nodes), len(around.Nodes))
	}
	// The ego is kept whatever --type says.
	ego := build(export.Options{Around: "Jean-Yves Le Drian", Types: []string{"Country"}})
	if got := strings.Join(labels(ego), ", "); got != "France, Iran, Jean-Yves Le Drian" {
		t.Errorf("--around with --type Country: %s", got)
	}
	if _, err := export.Build(context.Background(), st.QS, export.Options{Around: "Nobody Atall"}); err == nil {
		t.Error("--around an unknown name: no error")
	}
	if _, err := export.Build(context.Background(), st.QS, export.Options{Types: []string{"Planet"}}); err == nil {
		t.Error("--type Planet: no error")
	}

	// The first article is undated: a window leaves out its facts, so Le
	// Drian and Iran Press (only there) drop out, and Ghassemi keeps only
	// his two dated statements.
	since := build(export.Options{Since: day(t, "2017-06-01")})
	for _, l := range labels(since) {
		if l == "Jean-Yves Le Drian" || l == "Iran Press" {
			t.Errorf("--since keeps %s, known only from an undated article", l)
		}
	}
	if n := since.Nodes[nodeByLabel(t, since, "Bahram Ghassemi")]; n.Statements != 2 {
		t.Errorf("--since: Ghassemi has %d statements, want 2", n.Statements)
	}
	for _, e := range since.Edges {
		if e.First < day(t, "2017-06-01") {
			t.Errorf("--since keeps edge dated %s", e.First)
		}
	}
	before := build(export.Options{Until: day(t, "2017-06-09")})
	if len(before.Nodes) != 0 || len(before.Edges) != 0 {
		t.Errorf("--until 2017-06-09: %d nodes %d edges, want none", len(before.Nodes), len(before.Edges))
	}
	fullSince := build(export.Options{View: export.ViewFull, Since: day(t, "2017-06-10"), Until: day(t, "2017-06-10")})
	arts := 0
	for _, n := range fullSince.Nodes {
		if n.Type == export.TypeArticle {
			arts++
		}
	}
	if arts != 1 {
		t.Errorf("full view on 2017-06-10 has %d articles, want 1", arts)
	}
}

func day(t testing.TB, s string) export.Day {
	d, err := export.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func allQuads(t testing.TB, qs cgraph.QuadStore) []string {
	t.Helper()
	var out []string
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	ctx := context.Background()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// TestNQuadsRoundTrip loads the N-Quads export into a fresh store: it holds
// the same quads, labels included.
func TestNQuadsRoundTrip(t *testing.T) {
	st := seedStore(t)
	out, g := run(t, st, "nquads", export.Options{})
	want := allQuads(t, st.QS)
	if g.Quads() != int64(len(want)) {
		t.Errorf("export reports %d quads, store has %d", g.Quads(), len(want))
	}
	fresh, err := graph.Open(filepath.Join(t.TempDir(), "fresh.db"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	r := nquads.NewReader(bytes.NewReader(out[""]), false)
	var deltas []cgraph.Delta
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if q.Label == nil {
			t.Errorf("quad without label: %v", q)
		}
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if err := fresh.QS.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	got := allQuads(t, fresh.QS)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("round trip: %d quads back, %d exported\n%s", len(got), len(want), firstDiff([]byte(strings.Join(want, "\n")), []byte(strings.Join(got, "\n"))))
	}
}

// TestQuadsSince keeps the quads of the articles published in the window.
func TestQuadsSince(t *testing.T) {
	st := seedStore(t)
	second := "<https://newsgraph.dev/article/003-04a70ace7ed777b1>"
	for _, f := range []string{"nquads", "jsonld"} {
		out, g := run(t, st, f, export.Options{Since: day(t, "2017-06-10")})
		quads := decodeQuads(t, f, out[""])
		if len(quads) == 0 || int64(len(quads)) != g.Quads() {
			t.Errorf("%s --since: %d quads decoded, %d reported", f, len(quads), g.Quads())
		}
		for _, q := range quads {
			if !strings.HasSuffix(q, second+" .") {
				t.Errorf("%s --since keeps %s", f, q)
				break
			}
		}
	}
	if err := export.FormatByName("nquads").Check(export.Options{Types: []string{"Person"}}); err == nil {
		t.Error("nquads accepts --type")
	}
}

func decodeQuads(t testing.TB, format string, b []byte) []string {
	t.Helper()
	var out []string
	switch format {
	case "nquads":
		r := nquads.NewReader(bytes.NewReader(b), false)
		for {
			q, err := r.ReadQuad()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, q.NQuad())
		}
	case "jsonld":
		for _, q := range readJSONLD(t, b) {
			out = append(out, q.NQuad())
		}
	}
	sort.Strings(out)
	return out
}

// readJSONLD reads the expanded JSON-LD the export writes: named graphs of
// node objects whose properties hold {"@id"} or {"@value"[, "@type"]}.
func readJSONLD(t testing.TB, b []byte) []quad.Quad {
	t.Helper()
	var doc []map[string]json.RawMessage
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("jsonld: %v", err)
	}
	var out []quad.Quad
	var node func(obj map[string]json.RawMessage, label quad.Value)
	node = func(obj map[string]json.RawMessage, label quad.Value) {
		var id string
		json.Unmarshal(obj["@id"], &id)
		subj := quad.IRI(id)
		for k, raw := range obj {
			switch k {
			case "@id", "@graph":
			case "@type":
				var ts []string
				json.Unmarshal(raw, &ts)
				for _, ty := range ts {
					out = append(out, quad.Quad{Subject: subj, Predicate: schema.Type, Object: quad.IRI(ty), Label: label})
				}
			default:
				var vs []map[string]string
				if err := json.Unmarshal(raw, &vs); err != nil {
					t.Fatalf("jsonld property %s: %v", k, err)
				}
				for _, v := range vs {
					var o quad.Value
					switch {
					case v["@id"] != "":
						o = quad.IRI(v["@id"])
					case v["@type"] != "":
						var err error
						if o, err = (quad.TypedString{Value: quad.String(v["@value"]), Type: quad.IRI(v["@type"])}).ParseValue(); err != nil {
							t.Fatalf("jsonld typed value %v: %v", v, err)
						}
					case v["@language"] != "":
						o = quad.LangString{Value: quad.String(v["@value"]), Lang: v["@language"]}
					default:
						o = quad.String(v["@value"])
					}
					out = append(out, quad.Quad{Subject: subj, Predicate: quad.IRI(k), Object: o, Label: label})
				}
			}
		}
	}
	for _, top := range doc {
		if g, ok := top["@graph"]; ok {
			var id string
			json.Unmarshal(top["@id"], &id)
			var nodes []map[string]json.RawMessage
			if err := json.Unmarshal(g, &nodes); err != nil {
				t.Fatal(err)
			}
			for _, n := range nodes {
				node(n, quad.IRI(id))
			}
			continue
		}
		node(top, nil)
	}
	return out
}

// TestJSONLDHoldsEveryQuad reads the JSON-LD export back to the store's
// quads, labels included.
func TestJSONLDHoldsEveryQuad(t *testing.T) {
	st := seedStore(t)
	out, g := run(t, st, "jsonld", export.Options{})
	got := decodeQuads(t, "jsonld", out[""])
	want := allQuads(t, st.QS)
	if strings.Join(got, "\n") != strings.Join(want, "\n") || g.Quads() != int64(len(want)) {
		t.Errorf("jsonld: %d quads back (%d reported), store has %d\n%s", len(got), g.Quads(), len(want),
			firstDiff([]byte(strings.Join(want, "\n")), []byte(strings.Join(got, "\n"))))
	}
}

// xmlCounts parses a GraphML or GEXF document and counts its nodes and
// edges; it fails on XML that is not well formed.
func xmlCounts(t testing.TB, b []byte) (nodes, edges int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "node":
				nodes++
			case "edge":
				edges++
			}
		}
	}
}

// TestCountIsWhatToolsCount: Count (behind stats --view) agrees with the
// elements of every graph format.
func TestCountIsWhatToolsCount(t *testing.T) {
	st := seedStore(t)
	for _, v := range export.Views {
		c, err := export.Count(context.Background(), st.QS, export.Options{View: v})
		if err != nil {
			t.Fatal(err)
		}
		if c.Nodes == 0 || c.Edges == 0 {
			t.Fatalf("%s view counts %+v", v, c)
		}
		for _, f := range []string{"graphml", "gexf"} {
			out, _ := run(t, st, f, export.Options{View: v})
			if n, e := xmlCounts(t, out[""]); n != c.Nodes || e != c.Edges {
				t.Errorf("%s %s: %d nodes %d edges, Count says %d and %d", v, f, n, e, c.Nodes, c.Edges)
			}
		}
		out, _ := run(t, st, "cytoscape", export.Options{View: v})
		var cy struct {
			Elements struct {
				Nodes []struct{ Data map[string]any } `json:"nodes"`
				Edges []struct{ Data map[string]any } `json:"edges"`
			} `json:"elements"`
		}
		if err := json.Unmarshal(out[""], &cy); err != nil {
			t.Fatalf("cytoscape json: %v", err)
		}
		ids := map[any]bool{}
		for _, n := range cy.Elements.Nodes {
			ids[n.Data["id"]] = true
		}
		for _, e := range cy.Elements.Edges {
			if !ids[e.Data["source"]] || !ids[e.Data["target"]] || ids[e.Data["id"]] {
				t.Errorf("cytoscape edge %v: dangling end or id shared with a node", e.Data)
			}
		}
		if len(ids) != c.Nodes || len(cy.Elements.Edges) != c.Edges {
			t.Errorf("%s cytoscape: %d nodes %d edges, Count says %+v", v, len(ids), len(cy.Elements.Edges), c)
		}
		parts, _ := run(t, st, "csv", export.Options{View: v})
		nodes := readCSV(t, parts["nodes.csv"])
		edges := readCSV(t, parts["edges.csv"])
		if len(nodes)-1 != c.Nodes || len(edges)-1 != c.Edges {
			t.Errorf("%s csv: %d nodes %d edges, Count says %+v", v, len(nodes)-1, len(edges)-1, c)
		}
	}
}

func readCSV(t testing.TB, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	return rows
}

func TestCSVNeo4jHeaders(t *testing.T) {
	st := seedStore(t)
	parts, _ := run(t, st, "csv", export.Options{})
	nodes, edges := readCSV(t, parts["nodes.csv"]), readCSV(t, parts["edges.csv"])
	if nodes[0][0] != "id:ID" || nodes[0][1] != ":LABEL" {
		t.Errorf("nodes.csv header %q", nodes[0])
	}
	if strings.Join(edges[0][:3], ",") != ":START_ID,:END_ID,:TYPE" {
		t.Errorf("edges.csv header %q", edges[0])
	}
	ids := map[string]bool{}
	for _, r := range nodes[1:] {
		ids[r[0]] = true
	}
	for _, r := range edges[1:] {
		if !ids[r[0]] || !ids[r[1]] {
			t.Errorf("edge %q ends outside nodes.csv", r)
		}
		if r[2] != strings.ToUpper(r[3]) {
			t.Errorf("edge type %q is not the relation %q", r[2], r[3])
		}
	}
	if _, err := export.Export(context.Background(), st.QS, export.FormatByName("csv"), export.Options{}, export.Stream{W: io.Discard}); !errors.Is(err, export.ErrNeedsDirectory) {
		t.Errorf("csv to one stream: %v, want ErrNeedsDirectory", err)
	}
}

func TestDirDestination(t *testing.T) {
	st := seedStore(t)
	dir := &export.Dir{Path: filepath.Join(t.TempDir(), "neo4j")}
	if _, err := export.Export(context.Background(), st.QS, export.FormatByName("csv"), export.Options{}, dir); err != nil {
		t.Fatal(err)
	}
	if err := dir.Commit(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir.Path)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "edges.csv nodes.csv" {
		t.Errorf("directory holds %q, want edges.csv and nodes.csv only", names)
	}
}

// TestAwkwardNames: quotes, markup, line breaks, backslashes, a closing
// script tag and non-Latin script survive every format.
func TestAwkwardNames(t *testing.T) {
	odd := `Ali "The Hammer" <b>O'Neil</b> & Sons\ </script><script>alert(1)</script>`
	x := schema.Extraction{
		ID: "odd", File: "odd.txt", Published: "2020-02-29", Title: "Line one\nline two", Words: 42,
		Entities: []schema.Entity{
			{Name: odd, Type: schema.TypePerson, Aliases: []string{"Алі; \"Хаммер\"", "tab\there"}},
			{Name: "Ærø Kommune", Type: schema.TypeOrganization},
		},
		Statements: []schema.Statement{
			{Speaker: odd, Kind: schema.KindDirect, Text: "We said \"no\" -- </script> & <!-- not a comment", Mentions: []string{"Ærø Kommune"}},
		},
	}
	st := openStore(t, []schema.Extraction{x})
	for _, f := range export.Formats {
		t.Run(f.Name, func(t *testing.T) {
			out, _ := run(t, st, f.Name, export.Options{})
			for part, b := range out {
				switch f.Name {
				case "graphml", "gexf":
					if n, _ := xmlCounts(t, b); n != 2 {
						t.Errorf("%d nodes", n)
					}
				case "html":
					data := regexp.MustCompile(`(?s)<script type="application/json" id="newsgraph-data">(.*?)</script>`).FindSubmatch(b)
					if data == nil {
						t.Fatal("no data block")
					}
					var v struct {
						Nodes []struct{ Label string } `json:"nodes"`
					}
					if err := json.Unmarshal(data[1], &v); err != nil {
						t.Fatalf("data block: %v", err)
					}
					if len(v.Nodes) != 2 || (v.Nodes[0].Label != odd && v.Nodes[1].Label != odd) {
						t.Errorf("data block nodes %+v", v.Nodes)
					}
				case "csv":
					if part == "nodes.csv" && !strings.Contains(string(b), `Алі, ""Хаммер""`) {
						t.Errorf("alias with the array delimiter not kept: %s", b)
					}
				case "nquads", "jsonld":
					if got, want := decodeQuads(t, f.Name, b), allQuads(t, st.QS); strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Errorf("quads back:\n%s", firstDiff([]byte(strings.Join(want, "\n")), []byte(strings.Join(got, "\n"))))
					}
				case "dot":
					if !strings.Contains(string(b), `label="Ali \"The Hammer\" <b>O'Neil</b> & Sons\\ </script><script>alert(1)</script>"`) {
						t.Errorf("dot label not escaped:\n%s", b)
					}
				}
				if part != "edges.csv" && !strings.Contains(string(b), "Ærø") {
					t.Errorf("%s lost non-ASCII names", part)
				}
			}
		})
	}
}

func TestHTMLIsSelfContained(t *testing.T) {
	st := seedStore(t)
	out, _ := run(t, st, "html", export.Options{})
	page := string(out[""])
	for _, bad := range []string{"<script src", "<link", "@import", "url(http", `src="http`, `href="http`} {
		if strings.Contains(page, bad) {
			t.Errorf("page loads something from outside: %q", bad)
		}
	}
	for _, want := range []string{`id="search"`, `id="legend"`, `id="panel"`, "cytoscape(", "Bahram Ghassemi", "missiles guarantee our national security"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestFormatChoice(t *testing.T) {
	for path, want := range map[string]string{
		"g.graphml": "graphml", "g.GEXF": "gexf", "g.gv": "dot", "g.dot": "dot", "g.cyjs": "cytoscape",
		"g.json": "cytoscape", "g.nq": "nquads", "g.jsonld": "jsonld", "g.htm": "html", "out/": "", "g.txt": "",
	} {
		f := export.FormatForPath(path)
		got := ""
		if f != nil {
			got = f.Name
		}
		if got != want {
			t.Errorf("FormatForPath(%q) = %q, want %q", path, got, want)
		}
	}
	for _, f := range export.Formats {
		if f.Name == "" || f.MIME == "" || f.Writer == nil || f.Doc == "" || (f.Ext == "") == (len(f.Parts) == 0) {
			t.Errorf("format %+v is incomplete", f)
		}
	}
}

// TestStoresAgree: the memory store gives the same exports as bolt (its
// references and iteration order differ).
func TestStoresAgree(t *testing.T) {
	bolt := seedStore(t)
	mem, err := graph.Open(graph.Memory, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if err := exporttest.Ingest(context.Background(), mem, seedExtractions(t)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"graphml", "html", "csv"} {
		for _, v := range export.Views {
			a, _ := run(t, bolt, f, export.Options{View: v})
			b, _ := run(t, mem, f, export.Options{View: v})
			for part := range a {
				if !bytes.Equal(a[part], b[part]) {
					t.Errorf("%s %s %s: memory store differs from bolt:\n%s", f, v, part, firstDiff(a[part], b[part]))
				}
			}
		}
	}
	for _, f := range []string{"nquads", "jsonld"} {
		a, _ := run(t, bolt, f, export.Options{})
		b, _ := run(t, mem, f, export.Options{})
		if x, y := decodeQuads(t, f, a[""]), decodeQuads(t, f, b[""]); strings.Join(x, "\n") != strings.Join(y, "\n") || len(x) == 0 {
			t.Errorf("%s: memory store gives %d quads, bolt %d", f, len(y), len(x))
		}
	}
}

// TestSyntheticGraph: the benchmark's synthetic graph is deterministic and
// has what a view needs (speakers, mentions, roles, parties, dates).
func TestSyntheticGraph(t *testing.T) {
	xs := exporttest.Synthetic(300, 7)
	again := exporttest.Synthetic(300, 7)
	if fmt.Sprint(xs) != fmt.Sprint(again) {
		t.Fatal("Synthetic is not deterministic")
	}
	st := openStore(t, xs)
	g, err := export.Build(context.Background(), st.QS, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rels := map[string]int{}
	for _, e := range g.Edges {
		rels[e.Relation]++
		if e.First == 0 {
			t.Fatalf("undated edge %+v", e)
		}
	}
	if len(g.Nodes) < 100 || rels[export.RelSpeaksAbout] == 0 || rels[export.RelRole] == 0 || rels[export.RelParty] == 0 {
		t.Errorf("synthetic entities view: %d nodes, relations %v", len(g.Nodes), rels)
	}
}
