package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsgraph/graph"
)

// cli runs one command line in-process and returns its output and exit code.
type cliResult struct {
	stdout, stderr string
	code           int
}

func cli(t testing.TB, stdin string, args ...string) cliResult {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errb,
		getenv: func(string) string { return "" },
	}
	code := execute(context.Background(), e, args)
	return cliResult{out.String(), errb.String(), code}
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestWithoutArgumentsIsAUsageError(t *testing.T) {
	r := cli(t, "", "ingest", "--db", filepath.Join(t.TempDir(), "g.db"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "no input") {
		t.Errorf("code %d stderr %q", r.code, r.stderr)
	}
}

func TestUnknownFlagIsAUsageError(t *testing.T) {
	r := cli(t, "", "stats", "--frobnicate")
	if r.code != exitUsage || !strings.Contains(r.stderr, "unknown flag") || !strings.Contains(r.stderr, "--help") {
		t.Errorf("code %d stderr %q", r.code, r.stderr)
	}
}

func TestDemoTwiceChangesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	first := cli(t, "", "demo", "--db", db)
	if first.code != exitOK {
		t.Fatalf("demo: code %d stderr %s", first.code, first.stderr)
	}
	for _, want := range []string{"articles", "entities", "statements", "quads"} {
		if !strings.Contains(first.stdout, want) {
			t.Errorf("demo output lacks %q:\n%s", want, first.stdout)
		}
	}
	second := cli(t, "", "demo", "--db", db)
	if second.code != exitOK {
		t.Fatalf("second demo: code %d stderr %s", second.code, second.stderr)
	}
	if !strings.Contains(second.stderr, "0 added, 0 replaced, 2 unchanged") {
		t.Errorf("second demo should change nothing: %s", second.stderr)
	}
	s1 := cli(t, "", "stats", "--db", db, "--format", "json")
	var st graph.Stats
	if err := json.Unmarshal([]byte(s1.stdout), &st); err != nil {
		t.Fatalf("stats json: %v\n%s", err, s1.stdout)
	}
	if st.Articles != 2 {
		t.Errorf("articles = %d, want 2", st.Articles)
	}
}

func TestBadInputsAreReportedAndTheRestStored(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "good.txt"), []byte("Good news\n\nThe minister said the talks went well.\n"))
	writeFile(t, filepath.Join(in, "empty.txt"), nil)
	writeFile(t, filepath.Join(in, "binary.txt"), []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3})
	writeFile(t, filepath.Join(in, "cp1252.txt"), []byte("Caf\xe9 owners\n\nThe owners said business was good.\n"))
	db := filepath.Join(dir, "g.db")
	r := cli(t, "", "ingest", "--db", db, in, filepath.Join(dir, "missing.txt"))
	if r.code != exitPartial {
		t.Errorf("exit code %d, want %d", r.code, exitPartial)
	}
	for _, want := range []string{
		filepath.Join(in, "empty.txt") + ": empty file",
		filepath.Join(in, "binary.txt") + ": binary file",
		filepath.Join(dir, "missing.txt") + ": no such file or directory",
		"stored 2 articles",
		"rejected 3",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "newsgraph: 3 inputs rejected") {
		t.Errorf("the partial failure was printed twice:\n%s", r.stderr)
	}
	st := cli(t, "", "stats", "--db", db, "--format", "json")
	if !strings.Contains(st.stdout, `"articles": 2`) {
		t.Errorf("stats after partial ingest:\n%s", st.stdout)
	}
}

func TestLockedStoreIsAOneLineErrorWithinTwoSeconds(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	s, err := graph.Open(db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	r := cli(t, "", "demo", "--db", db)
	if time.Since(start) > 2*time.Second {
		t.Errorf("locked store took %v to report", time.Since(start))
	}
	if r.code != exitError || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "locked") {
		t.Errorf("code %d stderr %q", r.code, r.stderr)
	}
}

func TestDBFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "NEWSGRAPH_DB" {
			return db
		}
		return ""
	}}
	if code := execute(context.Background(), e, []string{"demo"}); code != exitOK {
		t.Fatalf("demo: %d %s", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(db, "indexes.bolt")); err != nil {
		t.Errorf("NEWSGRAPH_DB was not used: %v", err)
	}
}

func TestStdinIngest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	r := cli(t, "Piped headline\n\nOfficials said the plan was sound.\n", "ingest", "--db", db, "-")
	if r.code != exitOK || !strings.Contains(r.stderr, "stored 1 articles") {
		t.Errorf("code %d stderr %s", r.code, r.stderr)
	}
}

func TestProgressBarOnlyOnATerminal(t *testing.T) {
	for _, terminal := range []bool{false, true} {
		db := filepath.Join(t.TempDir(), "g.db")
		in := filepath.Join(t.TempDir(), "a.txt")
		writeFile(t, in, []byte("Headline here\n\nThe minister said the plan was sound.\n"))
		var out, errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, stderrTerminal: terminal, getenv: func(string) string { return "" }}
		if code := execute(context.Background(), e, []string{"ingest", "--db", db, in}); code != exitOK {
			t.Fatalf("ingest: %d %s", code, errb.String())
		}
		drawn := strings.Contains(errb.String(), "\r") && strings.Contains(errb.String(), "1/1 files")
		if drawn != terminal {
			t.Errorf("terminal=%v: progress drawn=%v; stderr %q", terminal, drawn, errb.String())
		}
	}
}
