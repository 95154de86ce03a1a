//go:build e2e

package export

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"newsgraph/graph"
	"newsgraph/graph/export/exporttest"
	"newsgraph/schema"
)

// These tests hand the exports to the tools people open them with:
// Graphviz, networkx (Debian's python3), Cytoscape.js in Node and the HTML
// page in Debian's Chromium. `make e2e` installs them; outputs are kept in
// e2e/out/export/ for a look.

func e2eOut(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "e2e", "out", "export"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func nodeModules(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "e2e", "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cytoscape")); err != nil {
		t.Fatalf("e2e/node_modules lacks cytoscape (run scripts/e2e-setup.sh): %v", err)
	}
	return dir
}

func e2eStore(t *testing.T, xs []schema.Extraction) *graph.Store {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "graph.db")
	if xs == nil {
		var err error
		if xs, err = exporttest.SeedExtractions(); err != nil {
			t.Fatal(err)
		}
	}
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

// exportFile writes one export to dir/name and returns its path and the
// counts stats --view reports for the same view.
func exportFile(t *testing.T, st *graph.Store, dir, name, format string, opt Options) (string, Counts) {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := Export(context.Background(), st.QS, FormatByName(format), opt, Stream{W: f}); err != nil {
		t.Fatal(err)
	}
	c, err := Count(context.Background(), st.QS, opt)
	if err != nil {
		t.Fatal(err)
	}
	return path, c
}

func runTool(t *testing.T, env []string, name string, args ...string) (stdout, stderr []byte) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes(), errb.Bytes()
}

// awkward is a graph whose names need escaping in every format.
func awkward() []schema.Extraction {
	odd := `Ali "The Hammer" <b>O'Neil</b> & Sons\ </script>`
	return []schema.Extraction{{
		ID: "odd", File: "odd.txt", Published: "2020-02-29", Title: "Line one\nline two",
		Entities: []schema.Entity{
			{Name: odd, Type: schema.TypePerson, Aliases: []string{"Алі; \"Хаммер\"", "tab\there", `back\slash`}},
			{Name: "Ærø Kommune", Type: schema.TypeOrganization, Aliases: []string{"{braces} [and] |pipes|"}},
		},
		Statements: []schema.Statement{
			{Speaker: odd, Kind: schema.KindDirect, Text: "We said \"no\" -- </script> & <!-- {x} -->", Mentions: []string{"Ærø Kommune"}},
		},
	}}
}

func TestE2EGraphvizRendersDOT(t *testing.T) {
	out := e2eOut(t)
	cases := []struct {
		name string
		xs   []schema.Extraction
		view string
	}{
		{"seeds-entities", nil, ViewEntities},
		{"seeds-full", nil, ViewFull},
		{"awkward-full", awkward(), ViewFull},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := e2eStore(t, c.xs)
			dot, counts := exportFile(t, st, out, c.name+".dot", "dot", Options{View: c.view})
			svg := strings.TrimSuffix(dot, ".dot") + ".svg"
			_, stderr := runTool(t, nil, "dot", "-Tsvg", "-o", svg, dot)
			if len(stderr) != 0 {
				t.Errorf("dot -Tsvg warns:\n%s", stderr)
			}
			b, err := os.ReadFile(svg)
			if err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(b, []byte(`class="node"`)); n != counts.Nodes {
				t.Errorf("svg draws %d nodes, the view has %d", n, counts.Nodes)
			}
			if n := bytes.Count(b, []byte(`class="edge"`)); n != counts.Edges {
				t.Errorf("svg draws %d edges, the view has %d", n, counts.Edges)
			}
		})
	}
}

type nxReport struct {
	Class     string              `json:"class"`
	Nodes     int                 `json:"nodes"`
	Edges     int                 `json:"edges"`
	NodeAttrs map[string][]string `json:"node_attrs"`
	EdgeAttrs map[string][]string `json:"edge_attrs"`
	Probe     map[string]any      `json:"probe"`
	ProbeOut  []string            `json:"probe_out"`
}

func TestE2ENetworkxReadsGraphMLAndGEXF(t *testing.T) {
	out := e2eOut(t)
	st := e2eStore(t, nil)
	ghassemi := "https://newsgraph.dev/person/bahram-ghassemi"
	for _, view := range Views {
		t.Run(view, func(t *testing.T) {
			gml, counts := exportFile(t, st, out, "seeds-"+view+".graphml", "graphml", Options{View: view})
			gexf, _ := exportFile(t, st, out, "seeds-"+view+".gexf", "gexf", Options{View: view})
			stdout, _ := runTool(t, nil, "/usr/bin/python3", filepath.Join("testdata", "e2e", "networkx_read.py"), ghassemi, gml, gexf)
			var rep map[string]json.RawMessage
			if err := json.Unmarshal(stdout, &rep); err != nil {
				t.Fatalf("networkx report: %v\n%s", err, stdout)
			}
			t.Logf("networkx %s", rep["networkx"])
			read := func(path string) nxReport {
				var r nxReport
				if err := json.Unmarshal(rep[path], &r); err != nil {
					t.Fatal(err)
				}
				return r
			}
			for _, path := range []string{gml, gexf} {
				r := read(path)
				if r.Nodes != counts.Nodes || r.Edges != counts.Edges {
					t.Errorf("%s: networkx counts %d nodes %d edges, stats --view %s says %d and %d",
						filepath.Base(path), r.Nodes, r.Edges, view, counts.Nodes, counts.Edges)
				}
				if r.Class != "MultiDiGraph" && r.Class != "DiGraph" {
					t.Errorf("%s read as %s, want a directed graph", filepath.Base(path), r.Class)
				}
				if r.Probe == nil || r.Probe["label"] != "Bahram Ghassemi" || r.Probe["type"] != "Person" || r.Probe["statements"] != 9.0 {
					t.Errorf("%s: Ghassemi's attributes %v", filepath.Base(path), r.Probe)
				}
				if view == ViewEntities && strings.Join(r.ProbeOut, ",") != "role,role,speaks_about,speaks_about,speaks_about,speaks_about" {
					t.Errorf("%s: Ghassemi's edges %v", filepath.Base(path), r.ProbeOut)
				}
			}

			// Every declared attribute arrives, with its declared type.
			wantNode := map[string]string{}
			for _, a := range nodeAttrs(view) {
				wantNode[a.Name] = pyType(a.Type)
			}
			wantEdge := map[string]string{}
			for _, a := range edgeAttrs {
				wantEdge[a.Name] = pyType(a.Type)
			}
			checkAttrs(t, "graphml node", read(gml).NodeAttrs, wantNode)
			checkAttrs(t, "graphml edge", read(gml).EdgeAttrs, wantEdge)
			// GEXF has its own label, weight and start/end (the dynamic
			// dates); the rest are declared attributes.
			gexfNode := map[string]string{"start": "str", "end": "str"}
			for k, v := range wantNode {
				if k != "first" && k != "last" {
					gexfNode[k] = v
				}
			}
			gexfEdge := map[string]string{"start": "str", "end": "str", "id": "str", "weight": "float"}
			for k, v := range wantEdge {
				if k != "first" && k != "last" && k != "weight" {
					gexfEdge[k] = v
				}
			}
			checkAttrs(t, "gexf node", read(gexf).NodeAttrs, gexfNode)
			checkAttrs(t, "gexf edge", read(gexf).EdgeAttrs, gexfEdge)
		})
	}
}

func pyType(t string) string {
	if t == "int" {
		return "int"
	}
	return "str"
}

func checkAttrs(t *testing.T, what string, got map[string][]string, want map[string]string) {
	t.Helper()
	var names []string
	for k := range got {
		names = append(names, k)
	}
	sort.Strings(names)
	for k, ty := range want {
		if strings.Join(got[k], ",") != ty {
			t.Errorf("%s attribute %s: networkx sees types %v, want %s (has %v)", what, k, got[k], ty, names)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s attribute %s is not declared", what, k)
		}
	}
}

func TestE2ECytoscapeJSLoadsJSON(t *testing.T) {
	out := e2eOut(t)
	st := e2eStore(t, nil)
	env := []string{"NODE_PATH=" + nodeModules(t)}
	for _, view := range Views {
		t.Run(view, func(t *testing.T) {
			path, counts := exportFile(t, st, out, "seeds-"+view+".cyjs", "cytoscape", Options{View: view})
			stdout, _ := runTool(t, env, "node", filepath.Join("testdata", "e2e", "cytoscape_load.js"), path)
			var r struct {
				Version     string         `json:"version"`
				Nodes       int            `json:"nodes"`
				Edges       int            `json:"edges"`
				Types       map[string]int `json:"types"`
				Dangling    int            `json:"dangling"`
				RoundTrip   []int          `json:"roundTrip"`
				TopPageRank string         `json:"topPageRank"`
				WeightSum   int            `json:"weightSum"`
				Problems    []string       `json:"problems"`
			}
			if err := json.Unmarshal(stdout, &r); err != nil {
				t.Fatalf("cytoscape report: %v\n%s", err, stdout)
			}
			t.Logf("cytoscape.js %s: %d nodes, %d edges, top PageRank %s", r.Version, r.Nodes, r.Edges, r.TopPageRank)
			if r.Nodes != counts.Nodes || r.Edges != counts.Edges || r.Dangling != 0 {
				t.Errorf("cytoscape.js loads %d nodes %d edges (%d dangling), the view has %+v", r.Nodes, r.Edges, r.Dangling, counts)
			}
			if len(r.RoundTrip) != 2 || r.RoundTrip[0] != counts.Nodes || r.RoundTrip[1] != counts.Edges {
				t.Errorf("cy.json() round trip: %v", r.RoundTrip)
			}
			if len(r.Problems) > 0 {
				t.Errorf("cytoscape.js complains: %q", r.Problems)
			}
			if r.Types["Person"] != 5 || r.WeightSum < r.Edges {
				t.Errorf("types %v, weight sum %d", r.Types, r.WeightSum)
			}
		})
	}
}

func TestE2EHTMLOpensInChromium(t *testing.T) {
	if _, err := os.Stat("/usr/bin/chromium"); err != nil {
		t.Fatalf("no /usr/bin/chromium (run scripts/e2e-setup.sh): %v", err)
	}
	out := e2eOut(t)
	env := []string{"NODE_PATH=" + nodeModules(t)}
	cases := []struct {
		name, view, click, search, want string
		xs                              []schema.Extraction
		statements                      int
	}{
		// Ghassemi made 9 statements and is mentioned in none.
		{"seeds-entities", ViewEntities, "Bahram Ghassemi", "qassemi", "Bahram Ghassemi", nil, 9},
		{"seeds-full", ViewFull, "Iran", "islamic republic", "Iran", nil, 2 + 13},
		{"awkward-entities", ViewEntities, "Ærø Kommune", "aero", "Ærø Kommune", awkward(), 1},
		// Over a thousand nodes: the page draws big graphs another way
		// (straight edges, labels only on selected and found nodes).
		{"synthetic-entities", ViewEntities, "", "", "", exporttest.Synthetic(1500, 3), 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := e2eStore(t, c.xs)
			if c.click == "" {
				// Click the busiest speaker; expect what it said and what
				// mentions it.
				g, err := Build(context.Background(), st.QS, Options{View: c.view, Statements: true})
				if err != nil {
					t.Fatal(err)
				}
				said := map[int]int{}
				for _, s := range g.Statements {
					said[s.Speaker]++
				}
				top := 0
				for n, k := range said {
					if n >= 0 && (k > said[top] || (k == said[top] && n < top)) {
						top = n
					}
				}
				c.click, c.want = g.Nodes[top].Label, g.Nodes[top].Label
				c.search = strings.ToLower(c.want)
				for _, s := range g.Statements {
					if s.Speaker == top {
						c.statements++
					}
					for _, m := range s.Mentions {
						if m == top {
							c.statements++
						}
					}
				}
				if len(g.Nodes) <= 1000 {
					t.Fatalf("synthetic graph has %d nodes, want over 1000", len(g.Nodes))
				}
			}
			page, counts := exportFile(t, st, out, c.name+".html", "html", Options{View: c.view})
			shot := filepath.Join(out, c.name+".png")
			os.Remove(shot)
			stdout, _ := runTool(t, env, "node", filepath.Join("testdata", "e2e", "html_open.js"), page, shot, t.TempDir(), c.click, c.search)
			var r struct {
				Errors   []string `json:"errors"`
				External []string `json:"external"`
				Nodes    int      `json:"nodes"`
				Edges    int      `json:"edges"`
				Visible  int      `json:"visible"`
				Painted  int      `json:"painted"`
				Legend   []string `json:"legend"`
				Clicked  *struct {
					Title      string `json:"title"`
					Statements int    `json:"statements"`
					First      string `json:"first"`
				} `json:"clicked"`
				Search struct {
					Matches []string `json:"matches"`
					Faded   int      `json:"faded"`
					Panel   string   `json:"panel"`
				} `json:"search"`
			}
			if err := json.Unmarshal(stdout, &r); err != nil {
				t.Fatalf("browser report: %v\n%s", err, stdout)
			}
			t.Logf("chromium: %d nodes drawn, %d painted pixels, legend %v, screenshot %s", r.Visible, r.Painted, r.Legend, shot)
			if len(r.Errors) > 0 {
				t.Errorf("console errors: %q", r.Errors)
			}
			if len(r.External) > 0 {
				t.Errorf("the page fetched %q; it must be self-contained", r.External)
			}
			if r.Nodes != counts.Nodes || r.Edges != counts.Edges {
				t.Errorf("page has %d nodes %d edges, the view %+v", r.Nodes, r.Edges, counts)
			}
			if r.Visible != counts.Nodes || r.Painted < 1000 {
				t.Errorf("%d of %d nodes inside the canvas, %d painted pixels", r.Visible, counts.Nodes, r.Painted)
			}
			if r.Clicked == nil || r.Clicked.Title != c.click || r.Clicked.Statements != c.statements || r.Clicked.First == "" {
				t.Errorf("clicking %s shows %+v, want its %d statements", c.click, r.Clicked, c.statements)
			}
			if !slices.Contains(r.Search.Matches, c.want) || r.Search.Panel != r.Search.Matches[0] || (counts.Nodes > 3 && r.Search.Faded == 0) {
				t.Errorf("search %q: %+v", c.search, r.Search)
			}
			if st, err := os.Stat(shot); err != nil || st.Size() < 10000 {
				t.Errorf("screenshot %s: %v", shot, err)
			}
		})
	}
}

// TestE2EPostgresExportsMatchBolt: a PostgreSQL store (the real server
// make e2e starts, or $NEWSGRAPH_TEST_POSTGRES) exports what bolt does.
func TestE2EPostgresExportsMatchBolt(t *testing.T) {
	admin := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	db, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("newsgraph_export_%d", time.Now().UnixNano())
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database (is PostgreSQL running? make e2e starts it): %v", err)
	}
	t.Cleanup(func() { db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })
	pg, err := graph.Open(strings.Replace(admin, "/postgres?", "/"+name+"?", 1), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	xs, err := exporttest.SeedExtractions()
	if err != nil {
		t.Fatal(err)
	}
	if err := exporttest.Ingest(context.Background(), pg, xs); err != nil {
		t.Fatal(err)
	}
	bolt := e2eStore(t, nil)
	export := func(st *graph.Store, format string, opt Options) string {
		var b bytes.Buffer
		if _, err := Export(context.Background(), st.QS, FormatByName(format), opt, Stream{W: &b}); err != nil {
			t.Fatalf("%s from %s: %v", format, st.Kind, err)
		}
		return b.String()
	}
	for _, v := range Views {
		for _, f := range []string{"graphml", "gexf", "cytoscape"} {
			if a, b := export(bolt, f, Options{View: v}), export(pg, f, Options{View: v}); a != b {
				t.Errorf("%s %s view: PostgreSQL differs from bolt", f, v)
			}
		}
	}
	sorted := func(s string) string {
		lines := strings.Split(strings.TrimSpace(s), "\n")
		sort.Strings(lines)
		return strings.Join(lines, "\n")
	}
	if a, b := sorted(export(bolt, "nquads", Options{})), sorted(export(pg, "nquads", Options{})); a != b || a == "" {
		t.Errorf("nquads: PostgreSQL differs from bolt")
	}
}
