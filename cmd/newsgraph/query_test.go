package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"newsgraph/graph"
	"newsgraph/schema"
	"newsgraph/seeds"
)

// querySeedsDB builds the seeds graph from their gold annotation in a bolt
// store and returns its path.
func querySeedsDB(t *testing.T) string {
	t.Helper()
	doc, err := schema.ReadDocument(bytes.NewReader(seeds.Gold))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "seeds.db")
	st, err := graph.Open(db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ing, err := graph.NewIngester(ctx, st, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range doc.Articles {
		x := &doc.Articles[i]
		x.ID = strings.TrimSuffix(x.File, ".txt")
		if _, err := ing.Add(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

// queryCLI runs `newsgraph query ARGS...` against db with stdout not a
// terminal and NEWSGRAPH_CACHE_DIR (which older builds cached a catalog
// in) set to cache.
func queryCLI(t *testing.T, db, cache, stdin string, args ...string) cliResult {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errb,
		getenv: func(k string) string {
			if k == "NEWSGRAPH_CACHE_DIR" {
				return cache
			}
			return ""
		},
	}
	code := execute(context.Background(), e, append(append([]string{"query"}, args...), "--db", db))
	return cliResult{out.String(), errb.String(), code}
}

func TestQueryPipedOutputIsJSON(t *testing.T) {
	db, cache := querySeedsDB(t), t.TempDir()
	r := queryCLI(t, db, cache, "", "statements", "--by", "le drian")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var sts []struct {
		Speaker struct{ Name string } `json:"speaker"`
		Text    string                `json:"text"`
		Article struct{ File string } `json:"article"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sts); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if len(sts) != 1 || sts[0].Speaker.Name != "Jean-Yves Le Drian" || !strings.HasPrefix(sts[0].Text, "Paris is ready") ||
		sts[0].Article.File != "000_d83d5ca6cd029b45.txt" {
		t.Errorf("statements by le drian = %+v", sts)
	}
	// Queries over the whole graph read the store's index: nothing is
	// cached elsewhere.
	r = queryCLI(t, db, cache, "", "entities", "--type", "agreement")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if files, _ := filepath.Glob(filepath.Join(cache, "*")); len(files) != 0 {
		t.Errorf("files written outside the store: %v", files)
	}
}

func TestQueryEmptyResultIsEmptyJSONList(t *testing.T) {
	db := querySeedsDB(t)
	r := queryCLI(t, db, "off", "", "statements", "--act", "threaten")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("exit %d, stdout %q, stderr %q; want []", r.code, r.stdout, r.stderr)
	}
}

func TestQueryFormats(t *testing.T) {
	db := querySeedsDB(t)
	r := queryCLI(t, db, "off", "", "path", "Jean-Yves Le Drian", "Iran", "--format", "table")
	if r.code != 0 || !strings.Contains(r.stdout, "Jean-Yves Le Drian -said-> statement -mentions-> Iran") {
		t.Errorf("path table: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = queryCLI(t, db, "off", "", "speakers", "--about", "France", "--format", "csv")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "speaker,type,statements\nBahram Ghassemi,Person,3\n") {
		t.Errorf("speakers csv: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = queryCLI(t, db, "off", "", "entity", "qassemi", "--format", "table")
	if r.code != 0 || !strings.Contains(r.stdout, "Bahram Ghassemi") || !strings.Contains(r.stdout, "spokesman") {
		t.Errorf("entity table: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = queryCLI(t, db, "off", "", "entities", "--limit", "2", "--format", "table")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 3 || !strings.Contains(r.stderr, "--limit 0 shows all") {
		t.Errorf("entities --limit 2: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestQueryNameErrors(t *testing.T) {
	db := querySeedsDB(t)
	r := queryCLI(t, db, "off", "", "entity", "Obana")
	if r.code != exitError || r.stderr != "newsgraph: no entity named \"Obana\"; did you mean \"Barack Obama\"?\n" {
		t.Errorf("unknown name: exit %d, stderr %q", r.code, r.stderr)
	}
	r = queryCLI(t, db, "off", "", "timeline", "United")
	if r.code != exitError || !strings.Contains(r.stderr, `"United" is ambiguous`) || !strings.Contains(r.stderr, "United Kingdom (Country)") {
		t.Errorf("ambiguous name: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestQueryUsageErrors(t *testing.T) {
	db := querySeedsDB(t)
	for _, args := range [][]string{
		{"entities", "--type", "planet"},
		{"statements", "--since", "last week"},
		{"path", "Iran"},
		{"path", "Iran", "France", "--max-depth", "0"},
		{"entity"},
		{"neighbors", "Iran", "--depth", "0"},
		{"cooccur", "--format", "xml"},
		{"gizmo"},
		{"gizmo", "g.V().All()", "-f", "x.js"},
		{"scripts", "no-such-script"},
		{"speakers", "--limit", "-1"},
		{"statements", "--act", "denial"},
		{"statements", "--since", "2017-06-10", "--until", "2017-06-01"},
	} {
		if r := queryCLI(t, db, "off", "", args...); r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, r.code, exitUsage, r.stderr)
		}
	}
}

func TestQueryMissingStore(t *testing.T) {
	r := queryCLI(t, filepath.Join(t.TempDir(), "none.db"), "off", "", "entities")
	if r.code != exitError || !strings.Contains(r.stderr, "no store here") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestQueryRaw(t *testing.T) {
	db := querySeedsDB(t)
	r := queryCLI(t, db, "off", "", "gizmo", `g.V("Rouhani").In("<http://schema.org/alternateName>").Out("<http://schema.org/name>").All()`)
	if r.code != 0 || !strings.Contains(r.stdout, `"id": "Hassan Rouhani"`) {
		t.Errorf("gizmo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	script := queryCLI(t, db, "off", "", "scripts", "parties-of-agreement")
	if script.code != 0 || !strings.HasPrefix(script.stdout, "// ") {
		t.Fatalf("scripts NAME: exit %d\n%s%s", script.code, script.stdout, script.stderr)
	}
	r = queryCLI(t, db, "off", script.stdout, "gizmo", "-f", "-", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	sort.Strings(lines[1:])
	if r.code != 0 || strings.Join(lines, ",") != "id,China,France,Germany,Iran,Russia,United Kingdom,United States" {
		t.Errorf("gizmo -f -: exit %d\n%q%s", r.code, r.stdout, r.stderr)
	}
	file := filepath.Join(t.TempDir(), "q.js")
	if err := os.WriteFile(file, []byte(`g.V().All()`), 0o644); err != nil {
		t.Fatal(err)
	}
	r = queryCLI(t, db, "off", "", "gizmo", "-f", file, "--limit", "2")
	var res []any
	if err := json.Unmarshal([]byte(r.stdout), &res); r.code != 0 || err != nil || len(res) != 2 {
		t.Errorf("gizmo -f FILE --limit 2: exit %d, %d results, %v\n%s", r.code, len(res), err, r.stderr)
	}
	r = queryCLI(t, db, "off", "", "gizmo", `while (true) {}`, "--timeout", "100ms")
	if r.code != exitError || !strings.Contains(r.stderr, "timed out") {
		t.Errorf("timeout: exit %d, stderr %q", r.code, r.stderr)
	}
	r = queryCLI(t, db, "off", "", "mql", `[{"id": null, "<http://schema.org/name>": "Hassan Rouhani"}]`)
	if r.code != 0 || !strings.Contains(r.stdout, "Hassan Rouhani") {
		t.Errorf("mql: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestQueryHelpHasExamples(t *testing.T) {
	for _, sub := range []string{"entities", "entity", "statements", "speakers", "path", "neighbors", "timeline",
		"cooccur", "articles", "gizmo", "graphql", "mql", "scripts"} {
		r := cli(t, "", "query", sub, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Examples:") || !strings.Contains(r.stdout, "newsgraph query "+sub) {
			t.Errorf("query %s --help: exit %d\n%s", sub, r.code, r.stdout)
		}
	}
}

// TestQueryExamplesAnswer runs every `newsgraph query` example of the
// query commands' help and of README.md on the graph `newsgraph demo`
// builds: each must succeed and print an answer, not [].
func TestQueryExamplesAnswer(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if r := cli(t, "", "demo", "--db", db); r.code != 0 {
		t.Fatalf("demo: exit %d: %s", r.code, r.stderr)
	}
	var lines []string
	root := newRootCmd(&env{getenv: func(string) string { return "" }})
	q, _, err := root.Find([]string{"query"})
	if err != nil {
		t.Fatal(err)
	}
	lines = append(lines, strings.Split(q.Example, "\n")...)
	for _, c := range q.Commands() {
		lines = append(lines, strings.Split(c.Example, "\n")...)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(readme), "## Query the graph\n")
	section, _, _ = strings.Cut(section, "\n## ")
	lines = append(lines, strings.Split(section, "\n")...)
	n := 0
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "newsgraph query ") || strings.Contains(line, " | ") || strings.Contains(line, " > ") || strings.Contains(line, " -f ") {
			continue
		}
		if i := strings.Index(line, "  #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		args := shellWords(t, strings.TrimPrefix(line, "newsgraph query "))
		if args[0] == "scripts" {
			continue
		}
		n++
		r := queryCLI(t, db, "off", "", append(args, "--format", "json")...)
		if r.code != 0 || strings.TrimSpace(r.stdout) == "[]" {
			t.Errorf("%s: exit %d, stdout %.80q, stderr %q", line, r.code, r.stdout, r.stderr)
		}
	}
	if n < 20 {
		t.Errorf("ran %d examples; the parsing is broken", n)
	}
}

// shellWords splits a command line as sh does, for quotes only.
func shellWords(t *testing.T, s string) []string {
	var out []string
	var w strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ':
			if in {
				out = append(out, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		t.Fatalf("unbalanced quote in %q", s)
	}
	if in {
		out = append(out, w.String())
	}
	return out
}
