//go:build e2e

package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsgraph/graph"
	"newsgraph/queries/server/servertest"
	"newsgraph/schema"
)

// uiReport is what testdata/ui_e2e.cjs saw in the browser.
type uiReport struct {
	ConsoleErrors  []string
	PageErrors     []string
	FailedRequests []string
	BadResponses   []string
	Requests       []string
	InitialQuery   *string
	SampleStatus   int
	SampleResult   *string
	TypedQuery     *string
	TypedStatus    int
	TypedResult    *string
	VisibleResult  string
	ReloadedQuery  *string
	ResetQuery     *string
	ResetLocation  string
	Screenshots    []string
	Fatal          string
}

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// TestUIInChromium opens the UI, served from the seeds' graph on a random
// port, in headless Chromium: the editor starts with the sample query,
// which runs; a query typed into the editor shows the spokesman's
// statements; nothing fails to load and nothing is logged as an error. The
// screenshots go to e2e/out/serve/, and the sample query's to
// docs/serve.png.
func TestUIInChromium(t *testing.T) {
	root := repoRoot(t)
	pw := filepath.Join(root, "e2e", "node_modules", "playwright-core")
	if _, err := os.Stat(pw); err != nil {
		t.Fatalf("playwright-core is not installed (%v): run scripts/e2e-setup.sh", err)
	}
	if _, err := os.Stat("/usr/bin/chromium"); err != nil {
		t.Fatalf("no /usr/bin/chromium (%v): run scripts/e2e-setup.sh", err)
	}
	outDir := filepath.Join(root, "e2e", "out", "serve")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}

	dir, xs := seedStore(t)
	st, err := graph.Open(dir, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sample, err := SampleQuery(context.Background(), st.QS)
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(st, Config{LoopbackOnly: true, Sample: sample.Query})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if ln.Addr().(*net.TCPAddr).Port == 64210 {
		t.Fatal("the test must not use the UI's built-in port 64210")
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()
	url := "http://" + ln.Addr().String() + "/"

	want := servertest.StatementsBy(xs, servertest.Spokesman)
	query := fmt.Sprintf(`g.V("<%s>").in("%s").out("%s").all()`, servertest.SpokesmanIRI, schema.Speaker, schema.Text)
	nctx, ncancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer ncancel()
	cmd := exec.CommandContext(nctx, "node", filepath.Join("testdata", "ui_e2e.cjs"))
	cmd.Env = append(os.Environ(),
		"PLAYWRIGHT_CORE="+pw,
		"UI_URL="+url,
		"OUT_DIR="+outDir,
		"USER_DATA_DIR="+t.TempDir(),
		"QUERY="+query,
		"EXPECT="+jsonText(want[0]),
	)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, runErr := cmd.Output()
	var r uiReport
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("browser script: %v, %v\nstdout: %s\nstderr: %s", runErr, err, out, stderr.String())
	}
	if runErr != nil || r.Fatal != "" {
		t.Fatalf("browser script failed: %v\n%s\nstderr: %s\nconsole errors: %q\nfailed requests: %q\nbad responses: %q",
			runErr, r.Fatal, stderr.String(), r.ConsoleErrors, r.FailedRequests, r.BadResponses)
	}
	t.Logf("%d requests, all to %s", len(r.Requests), url)

	// Nothing failed, nothing left this server.
	for _, list := range [][]string{r.ConsoleErrors, r.PageErrors, r.FailedRequests, r.BadResponses} {
		for _, e := range list {
			t.Errorf("in the browser: %s", e)
		}
	}
	for _, u := range r.Requests {
		if !strings.HasPrefix(u, url) && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			t.Errorf("request to another server: %s", u)
		}
	}

	// The editor opened with the sample query, and it ran.
	if r.InitialQuery == nil || *r.InitialQuery != sample.Query {
		t.Errorf("editor opened with %q, want the sample query %q", deref(r.InitialQuery), sample.Query)
	}
	if r.SampleStatus != 200 {
		t.Errorf("sample query: HTTP %d", r.SampleStatus)
	}
	for _, s := range want {
		if !strings.Contains(deref(r.SampleResult), jsonText(s)) {
			t.Errorf("the sample query's result lacks %q", s)
		}
	}

	// The typed query reached the editor as typed, and its result shows
	// every statement of the spokesman.
	if deref(r.TypedQuery) != query {
		t.Errorf("editor holds %q after typing %q", deref(r.TypedQuery), query)
	}
	if r.TypedStatus != 200 {
		t.Errorf("typed query: HTTP %d", r.TypedStatus)
	}
	for _, s := range want {
		if !strings.Contains(deref(r.TypedResult), jsonText(s)) {
			t.Errorf("the typed query's result lacks %q", s)
		}
	}
	visible := strings.ReplaceAll(r.VisibleResult, "\u00a0", " ")
	var wantJSON []string
	for _, s := range want {
		wantJSON = append(wantJSON, jsonText(s))
	}
	if !strings.Contains(visible, `"result"`) || !containsAny(visible, wantJSON) {
		t.Errorf("the result panel shows no statement of %s:\n%s", servertest.Spokesman, visible)
	}

	// The editor keeps what the user typed; /?sample brings the sample back.
	if deref(r.ReloadedQuery) != query {
		t.Errorf("after a reload the editor holds %q, want the typed query", deref(r.ReloadedQuery))
	}
	if deref(r.ResetQuery) != sample.Query || strings.Contains(r.ResetLocation, "sample") {
		t.Errorf("/?sample: editor holds %q at %s, want the sample query at %s", deref(r.ResetQuery), r.ResetLocation, url)
	}

	// The picture for the README, from a run that passed.
	if t.Failed() {
		return
	}
	if len(r.Screenshots) == 0 {
		t.Fatal("no screenshot")
	}
	png, err := os.ReadFile(r.Screenshots[0])
	if err != nil || len(png) < 1000 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot %s: %v (%d bytes)", r.Screenshots[0], err, len(png))
	}
	if err := os.MkdirAll(filepath.Join(root, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "docs", "serve.png"), png, 0o644); err != nil {
		t.Errorf("copy the screenshot to docs: %v", err)
	}
	t.Logf("screenshots: %s; copied %s to docs/serve.png", strings.Join(r.Screenshots, ", "), filepath.Base(r.Screenshots[0]))
}

// jsonText is s as it appears inside a JSON string the UI shows.
func jsonText(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // as JSON.stringify
	_ = enc.Encode(s)
	return strings.Trim(strings.TrimSpace(b.String()), `"`)
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
