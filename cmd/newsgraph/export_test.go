package main

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/graph/export"
	"newsgraph/graph/export/exporttest"
)

// seedDB builds the seed gold graph in a temporary bolt store.
func seedDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "seeds.db")
	if err := exporttest.SeedStore(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return db
}

func countXML(t *testing.T, path string) (nodes, edges int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	for {
		tok, err := d.Token()
		if err != nil {
			return
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

// TestExportCountsAreStatsView: the file export writes has the node and
// edge counts `stats --view` prints for the same view.
func TestExportCountsAreStatsView(t *testing.T) {
	db := seedDB(t)
	dir := t.TempDir()
	for _, view := range export.Views {
		out := filepath.Join(dir, view+".graphml") // format by extension
		r := cli(t, "", "export", "--db", db, "-o", out, "--view", view)
		if r.code != exitOK || r.stdout != "" {
			t.Fatalf("export: code %d stdout %q stderr %s", r.code, r.stdout, r.stderr)
		}
		s := cli(t, "", "stats", "--db", db, "--view", view, "--format", "json")
		var c export.Counts
		if err := json.Unmarshal([]byte(s.stdout), &c); err != nil || s.code != exitOK {
			t.Fatalf("stats --view %s: %v %s %s", view, err, s.stdout, s.stderr)
		}
		n, e := countXML(t, out)
		if c.View != view || c.Nodes != n || c.Edges != e || n == 0 {
			t.Errorf("stats --view %s says %+v, the export has %d nodes %d edges", view, c, n, e)
		}
		if !strings.Contains(r.stderr, "exported the "+view+" view") || !strings.Contains(r.stderr, out) {
			t.Errorf("export message %q", r.stderr)
		}
		table := cli(t, "", "stats", "--db", db, "--view", view, "--format", "table")
		if !strings.Contains(table.stdout, "NODES") || !strings.Contains(table.stdout, view) {
			t.Errorf("stats --view table:\n%s", table.stdout)
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "entities.graphml")); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("export file mode: %v %v", fi.Mode(), err)
	}
}

func TestExportToStdoutAndFilters(t *testing.T) {
	db := seedDB(t)
	r := cli(t, "", "export", "--db", db, "--format", "cytoscape", "--around", "Qassemi", "--type", "country")
	if r.code != exitOK {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	var cy struct {
		Elements struct {
			Nodes []struct{ Data struct{ Label, Type string } } `json:"nodes"`
		} `json:"elements"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &cy); err != nil {
		t.Fatalf("stdout is not Cytoscape JSON: %v", err)
	}
	for _, n := range cy.Elements.Nodes {
		if n.Data.Type != "Country" && n.Data.Label != "Bahram Ghassemi" {
			t.Errorf("--around Qassemi --type country keeps %+v", n.Data)
		}
	}
	if len(cy.Elements.Nodes) < 3 {
		t.Errorf("only %d nodes around Ghassemi", len(cy.Elements.Nodes))
	}
	nq := cli(t, "", "export", "--db", db, "--format", "nquads", "--since", "2017-06-10")
	if nq.code != exitOK || strings.Contains(nq.stdout, "000-d83d5ca6cd029b45") || !strings.Contains(nq.stdout, "003-04a70ace7ed777b1") {
		t.Errorf("nquads --since: code %d, stderr %s", nq.code, nq.stderr)
	}
}

func TestExportCSVDirectory(t *testing.T) {
	db := seedDB(t)
	dir := filepath.Join(t.TempDir(), "neo4j")
	r := cli(t, "", "export", "--db", db, "--format", "csv", "-o", dir, "--view", "full")
	if r.code != exitOK {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	for _, f := range []string{"nodes.csv", "edges.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	if !strings.Contains(r.stderr, "nodes.csv") || !strings.Contains(r.stderr, "edges.csv") {
		t.Errorf("message %q does not name the files", r.stderr)
	}
}

func TestExportUsageErrors(t *testing.T) {
	db := seedDB(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	writeFile(t, file, []byte("x"))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{}, "no format"},
		{[]string{"--format", "svg"}, `unknown format "svg"`},
		{[]string{"-o", filepath.Join(dir, "g.txt")}, "cannot tell the format"},
		{[]string{"--format", "csv"}, "give -o DIRECTORY"},
		{[]string{"--format", "csv", "-o", filepath.Join(dir, "g.csv")}, "not " + filepath.Join(dir, "g.csv")},
		{[]string{"--format", "csv", "-o", file}, "is a file"},
		{[]string{"--format", "dot", "--view", "sideways"}, `unknown view "sideways"`},
		{[]string{"--format", "dot", "--type", "planet"}, `unknown node type "planet"`},
		{[]string{"--format", "dot", "--depth", "2"}, "--depth needs --around"},
		{[]string{"--format", "dot", "--since", "10/06/2017"}, "not YYYY-MM-DD"},
		{[]string{"--format", "dot", "--since", "2018-01-01", "--until", "2017-01-01"}, "before --since"},
		{[]string{"--format", "nquads", "--type", "Person"}, "raw quads"},
		{[]string{"--format", "jsonld", "--view", "full"}, "raw quads"},
	} {
		r := cli(t, "", append([]string{"export", "--db", db}, c.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("export %q: code %d stderr %q, want usage error with %q", c.args, r.code, r.stderr, c.want)
		}
	}
	if r := cli(t, "", "stats", "--db", db, "--view", "sideways"); r.code != exitUsage {
		t.Errorf("stats --view sideways: code %d", r.code)
	}
	// Not usage errors: a name the graph lacks; a missing store.
	r := cli(t, "", "export", "--db", db, "--format", "dot", "--around", "Nobody Atall")
	if r.code != exitError || !strings.Contains(r.stderr, `no node named "Nobody Atall"`) {
		t.Errorf("--around unknown: code %d stderr %q", r.code, r.stderr)
	}
	r = cli(t, "", "export", "--db", filepath.Join(dir, "none.db"), "--format", "dot")
	if r.code != exitError || !strings.Contains(r.stderr, "no store") {
		t.Errorf("missing store: code %d stderr %q", r.code, r.stderr)
	}
	// A failed export leaves no file behind.
	out := filepath.Join(dir, "never.dot")
	cli(t, "", "export", "--db", db, "-o", out, "--around", "Nobody Atall")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("failed export left %s: %v", out, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".never.dot*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
