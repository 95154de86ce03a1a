package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update", false, "rewrite the demo output in ../../README.md")

// TestReadmeQuickStart keeps README.md's two commands true: the first
// builds and runs the demo, the second is the test command .ci/run runs,
// and the demo output shown is what the demo prints.
func TestReadmeQuickStart(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	blocks := regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(readme, 2)
	if len(blocks) < 2 {
		t.Fatal("README.md lacks its two commands")
	}
	if got := strings.TrimSpace(blocks[0][1]); got != "go build -o newsgraph ./cmd/newsgraph && ./newsgraph demo" {
		t.Errorf("first command = %q", got)
	}
	testCmd := strings.TrimSpace(blocks[1][1])
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ci), "\n"+testCmd+"\n") {
		t.Errorf(".ci/run does not run the README's test command %q", testCmd)
	}

	// The demo output, from a fresh store named as the default one.
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	if code := execute(context.Background(), e, []string{"demo"}); code != exitOK {
		t.Fatalf("demo: %d %s", code, errb.String())
	}
	timing := regexp.MustCompile(`\(\d+\.\ds\)`)
	shown := "```\n$ ./newsgraph demo\n" + timing.ReplaceAllString(errb.String(), "(0.0s)") + out.String() + "```\n"
	const begin, end = "<!-- demo:begin -->\n", "<!-- demo:end -->"
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatal("README.md has no demo block")
	}
	if readme[i+len(begin):j] == shown {
		return
	}
	if *updateReadme {
		if err := os.WriteFile(wd+"/../../README.md", []byte(readme[:i+len(begin)]+shown+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's demo output is stale; run go test ./cmd/newsgraph -run Readme -update")
}
