package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"newsgraph/graph"
	"newsgraph/queries/server/servertest"
	"newsgraph/schema"
)

// seedStore builds the seeds' graph in a bolt store in a temp dir.
func seedStore(t *testing.T) (string, []schema.Extraction) {
	t.Helper()
	xs, err := servertest.SeedExtractions()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := servertest.BuildStore(context.Background(), dir, xs); err != nil {
		t.Fatal(err)
	}
	return dir, xs
}

// newHandler serves the store in dir, opened read-only unless
// cfg.Writable, with the sample query of its graph.
func newHandler(t *testing.T, dir string, cfg Config) (*Server, *graph.Store) {
	t.Helper()
	st, err := graph.Open(dir, graph.Options{ReadOnly: !cfg.Writable})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg.LoopbackOnly = true
	if cfg.Sample == "" {
		s, err := SampleQuery(context.Background(), st.QS)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Sample = s.Query
	}
	h, err := New(st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return h, st
}

// startServer serves the store in dir on a random loopback port.
func startServer(t *testing.T, dir string, cfg Config) (*httptest.Server, *graph.Store) {
	t.Helper()
	h, st := newHandler(t, dir, cfg)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts, st
}

type response struct {
	code int
	body []byte
	hdr  http.Header
}

func do(t *testing.T, method, u, contentType string, body io.Reader) response {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, u, err)
	}
	return response{res.StatusCode, b, res.Header}
}

// gizmo posts a Gizmo query and decodes the result list.
func gizmo(t *testing.T, base, q string) (int, []map[string]any, string) {
	t.Helper()
	r := do(t, "POST", base+"/api/v2/query?lang=gizmo", "", strings.NewReader(q))
	var out struct {
		Result []map[string]any `json:"result"`
		Error  string           `json:"error"`
	}
	if err := json.Unmarshal(r.body, &out); err != nil {
		t.Fatalf("query %q: %d %s: %v", q, r.code, r.body, err)
	}
	return r.code, out.Result, out.Error
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

func TestQueryGizmoStatementsOfTheSpokesman(t *testing.T) {
	dir, xs := seedStore(t)
	ts, _ := startServer(t, dir, Config{})
	want := servertest.StatementsBy(xs, servertest.Spokesman)
	if len(want) < 2 {
		t.Fatalf("the seeds give %s %d statements; the test needs several", servertest.Spokesman, len(want))
	}
	q := fmt.Sprintf(`g.V("<%s>").in("%s").out("%s").all()`, servertest.SpokesmanIRI, schema.Speaker, schema.Text)
	code, res, errMsg := gizmo(t, ts.URL, q)
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, errMsg)
	}
	var got []string
	for _, r := range res {
		got = append(got, fmt.Sprint(r["id"]))
	}
	if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
		t.Errorf("statements of %s:\n got %q\nwant %q", servertest.Spokesman, sorted(got), sorted(want))
	}

	// The same query as a GET, as `curl .../api/v2/query?lang=gizmo&qu=...` sends it.
	r := do(t, "GET", ts.URL+"/api/v2/query?"+url.Values{"lang": {"gizmo"}, "qu": {q}}.Encode(), "", nil)
	if r.code != http.StatusOK || !strings.Contains(string(r.body), want[0]) {
		t.Errorf("GET query: %d %.300s", r.code, r.body)
	}
}

func TestSampleQueryAsksForTheTopSpeaker(t *testing.T) {
	dir, xs := seedStore(t)
	ts, st := startServer(t, dir, Config{})
	s, err := SampleQuery(context.Background(), st.QS)
	if err != nil {
		t.Fatal(err)
	}
	want := servertest.StatementsBy(xs, servertest.Spokesman)
	if s.Speaker != servertest.Spokesman || s.SpeakerIRI != servertest.SpokesmanIRI || s.Statements != int64(len(want)) {
		t.Errorf("sample is about %q <%s> with %d statements, want %q <%s> with %d",
			s.Speaker, s.SpeakerIRI, s.Statements, servertest.Spokesman, servertest.SpokesmanIRI, len(want))
	}
	code, res, errMsg := gizmo(t, ts.URL, s.Query)
	if code != http.StatusOK {
		t.Fatalf("sample query: status %d: %s\n%s", code, errMsg, s.Query)
	}
	var got []string
	for _, r := range res {
		got = append(got, fmt.Sprint(r["id"]))
		if r["statement"] == nil || r["kind"] == nil {
			t.Errorf("sample result %v lacks statement or kind", r)
		}
	}
	if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
		t.Errorf("sample query answers\n %q\nwant %q", sorted(got), sorted(want))
	}
}

func TestSampleQueryOfAnEmptyGraphRuns(t *testing.T) {
	dir := t.TempDir()
	if err := servertest.BuildStore(context.Background(), dir, nil); err != nil {
		t.Fatal(err)
	}
	ts, st := startServer(t, dir, Config{})
	s, err := SampleQuery(context.Background(), st.QS)
	if err != nil {
		t.Fatal(err)
	}
	if s.Speaker != "" {
		t.Errorf("empty graph: sample about %q", s.Speaker)
	}
	if code, _, msg := gizmo(t, ts.URL, s.Query); code != http.StatusOK {
		t.Errorf("empty graph's sample query: %d %s", code, msg)
	}
}

func TestQueryResultLimit(t *testing.T) {
	dir, _ := seedStore(t)
	ts, _ := startServer(t, dir, Config{Limit: 3})
	code, res, msg := gizmo(t, ts.URL, `g.V().all()`)
	if code != http.StatusOK || len(res) != 3 {
		t.Errorf("g.V().all() with limit 3: status %d, %d results (%s)", code, len(res), msg)
	}
}

func TestQueryOtherLanguages(t *testing.T) {
	dir, _ := seedStore(t)
	ts, _ := startServer(t, dir, Config{})
	iri := "<" + servertest.SpokesmanIRI + ">"
	for _, tc := range []struct{ lang, query, accept string }{
		{"graphql", fmt.Sprintf(`{ nodes(id: %q) { <http://schema.org/name> } }`, iri), ""},
		{"mql", fmt.Sprintf(`[{"id": %q, "<http://schema.org/name>": []}]`, iri), ""},
		// The UI asks every language for JSON-LD; MQL gets JSON instead of an error.
		{"mql", fmt.Sprintf(`[{"id": %q, "<http://schema.org/name>": []}]`, iri), "application/ld+json"},
	} {
		req, _ := http.NewRequest("POST", ts.URL+"/api/v2/query?lang="+tc.lang, strings.NewReader(tc.query))
		if tc.accept != "" {
			req.Header.Set("Accept", tc.accept)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(b), servertest.Spokesman) {
			t.Errorf("%s (Accept %q): %d %s", tc.lang, tc.accept, res.StatusCode, b)
		}
	}
}

func TestRead(t *testing.T) {
	dir, _ := seedStore(t)
	ts, _ := startServer(t, dir, Config{})
	q := url.Values{"sub": {"<" + servertest.SpokesmanIRI + ">"}, "pred": {schema.Name.String()}, "format": {"nquads"}}
	r := do(t, "GET", ts.URL+"/api/v2/read?"+q.Encode(), "", nil)
	if r.code != http.StatusOK {
		t.Fatalf("read: %d %s", r.code, r.body)
	}
	want := fmt.Sprintf("<%s> %s %q", servertest.SpokesmanIRI, schema.Name, servertest.Spokesman)
	if !strings.Contains(string(r.body), want) {
		t.Errorf("read of the spokesman's name:\n%s\nwant a line with %s", r.body, want)
	}
	// Every quad of the graph, as JSON.
	all := do(t, "GET", ts.URL+"/api/v2/read?format=json", "", nil)
	var quads []map[string]any
	if err := json.Unmarshal(all.body, &quads); err != nil || all.code != http.StatusOK {
		t.Fatalf("read all as json: %d %v %.200s", all.code, err, all.body)
	}
	health := do(t, "GET", ts.URL+"/health", "", nil)
	var h struct{ Quads int }
	json.Unmarshal(health.body, &h)
	if len(quads) != h.Quads || h.Quads == 0 {
		t.Errorf("read returned %d quads, /health says the store has %d", len(quads), h.Quads)
	}

	f := do(t, "GET", ts.URL+"/api/v2/formats", "", nil)
	if f.code != http.StatusOK || !strings.Contains(string(f.body), `"nquads"`) {
		t.Errorf("formats: %d %.200s", f.code, f.body)
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	dir, _ := seedStore(t)
	ts, st := startServer(t, dir, Config{})
	before, _ := st.Size(context.Background())
	nq := "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"
	for _, p := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
		r := do(t, "POST", ts.URL+p, "application/n-quads", strings.NewReader(nq))
		if r.code != http.StatusForbidden || !strings.Contains(string(r.body), "--writable") {
			t.Errorf("POST %s on a read-only server: %d %s", p, r.code, r.body)
		}
	}
	if after, _ := st.Size(context.Background()); after != before {
		t.Errorf("store went from %d to %d quads", before, after)
	}
	if _, err := New(st, Config{Writable: true}); err == nil {
		t.Error("New(writable) on a read-only store: no error")
	}
}

func TestWritableAcceptsWrites(t *testing.T) {
	dir, _ := seedStore(t)
	ts, _ := startServer(t, dir, Config{Writable: true})
	nq := "<http://example.org/a> <http://example.org/b> \"written\" .\n"
	r := do(t, "POST", ts.URL+"/api/v2/write", "application/n-quads", strings.NewReader(nq))
	if r.code != http.StatusOK {
		t.Fatalf("write: %d %s", r.code, r.body)
	}
	code, res, msg := gizmo(t, ts.URL, `g.V("<http://example.org/a>").out("<http://example.org/b>").all()`)
	if code != http.StatusOK || len(res) != 1 || res[0]["id"] != "written" {
		t.Errorf("written quad not found: %d %v %s", code, res, msg)
	}
}

// gizmoRunning reports whether a goroutine is still running a Gizmo program.
func gizmoRunning() bool {
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	return bytes.Contains(buf[:n], []byte("gizmo.(*Session).run"))
}

func TestRunawayGizmoIsStoppedByTheTimeout(t *testing.T) {
	dir, xs := seedStore(t)
	const timeout = time.Second
	ts, _ := startServer(t, dir, Config{Timeout: timeout})

	type result struct {
		code    int
		msg     string
		elapsed time.Duration
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		r, err := http.Post(ts.URL+"/api/v2/query?lang=gizmo", "text/plain", strings.NewReader(`while (true) {}`))
		if err != nil {
			done <- result{msg: err.Error()}
			return
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		done <- result{r.StatusCode, string(b), time.Since(start)}
	}()

	// While the loop spins, the server answers other requests.
	for !gizmoRunning() {
		if time.Since(start) > timeout/2 {
			t.Fatal("the runaway query is not running")
		}
		time.Sleep(5 * time.Millisecond)
	}
	t0 := time.Now()
	if r := do(t, "GET", ts.URL+"/health", "", nil); r.code != http.StatusOK {
		t.Errorf("health during a runaway query: %d %s", r.code, r.body)
	}
	want := servertest.StatementsBy(xs, servertest.Spokesman)
	q := fmt.Sprintf(`g.V("<%s>").in("%s").all()`, servertest.SpokesmanIRI, schema.Speaker)
	if code, res, msg := gizmo(t, ts.URL, q); code != http.StatusOK || len(res) != len(want) {
		t.Errorf("query during a runaway query: %d, %d results, %s", code, len(res), msg)
	}
	if d := time.Since(t0); d > timeout {
		t.Errorf("requests during a runaway query took %v", d)
	}

	var r result
	select {
	case r = <-done:
	case <-time.After(10 * timeout):
		t.Fatalf("runaway query still unanswered after %v", 10*timeout)
	}
	t.Logf("runaway query answered after %v: %d %s", r.elapsed, r.code, r.msg)
	if r.code != http.StatusBadRequest || !strings.Contains(r.msg, "query stopped after 1s") {
		t.Errorf("runaway query: %d %s, want 400 query stopped after 1s", r.code, r.msg)
	}
	if r.elapsed < timeout || r.elapsed > 4*timeout {
		t.Errorf("runaway query answered after %v, timeout is %v", r.elapsed, timeout)
	}
	// The JavaScript VM was interrupted, not left spinning.
	deadline := time.Now().Add(2 * time.Second)
	for gizmoRunning() {
		if time.Now().After(deadline) {
			t.Fatal("the runaway Gizmo program still runs after the timeout")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestBodyLimit(t *testing.T) {
	dir, _ := seedStore(t)
	const max = 1024
	ts, _ := startServer(t, dir, Config{MaxBody: max})
	pad := func(n int) string { return "g.V().getLimit(1) //" + strings.Repeat("x", n-20) }

	if code, _, msg := gizmo(t, ts.URL, pad(max)); code != http.StatusOK {
		t.Errorf("query of exactly %d bytes: %d %s", max, code, msg)
	}
	r := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", "", strings.NewReader(pad(max+1)))
	if r.code != http.StatusRequestEntityTooLarge {
		t.Errorf("query of %d bytes: %d %s, want 413", max+1, r.code, r.body)
	}
	// Without a Content-Length (chunked), the limit holds all the same.
	chunked := io.MultiReader(strings.NewReader(pad(max)), strings.NewReader("more"))
	r = do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", "", io.NopCloser(chunked))
	if r.code != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked query of %d bytes: %d %s, want 413", max+4, r.code, r.body)
	}
}

func TestStaticFilesStayInside(t *testing.T) {
	dir, _ := seedStore(t)
	ts, _ := startServer(t, dir, Config{})
	for _, p := range []string{
		"/../../../../etc/passwd",
		"/static/../../../../etc/passwd",
		"/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"/static/js/..%2f..%2f..%2f..%2fgo.mod",
		"/..%5c..%5cgo.mod",
		"/web/index.html",
		"/assets/monaco-editor/LICENSE",
		"/vendor/monaco-editor@0.18.1/vs/../../../server.go",
		"/ui.go",
	} {
		// Build the request by hand so the client does not clean the path.
		req, err := http.NewRequest("GET", ts.URL, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = p
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound || bytes.Contains(b, []byte("root:")) || bytes.Contains(b, []byte("package server")) {
			t.Errorf("GET %s: %d %.80q, want 404", p, res.StatusCode, b)
		}
	}
}

func TestHealth(t *testing.T) {
	dir, _ := seedStore(t)
	ts, st := startServer(t, dir, Config{})
	r := do(t, "GET", ts.URL+"/health", "", nil)
	var h struct {
		Status   string
		Store    string
		ReadOnly bool `json:"read_only"`
		Quads    int64
	}
	if err := json.Unmarshal(r.body, &h); err != nil || r.code != http.StatusOK {
		t.Fatalf("health: %d %s %v", r.code, r.body, err)
	}
	n, _ := st.Size(context.Background())
	if h.Status != "ok" || h.Store != "bolt" || !h.ReadOnly || h.Quads != n {
		t.Errorf("health = %+v, want ok, bolt, read-only, %d quads", h, n)
	}
}

func TestUIIsServedRewritten(t *testing.T) {
	dir, _ := seedStore(t)
	ts, st := startServer(t, dir, Config{})
	sample, _ := SampleQuery(context.Background(), st.QS)

	index := do(t, "GET", ts.URL+"/", "", nil)
	if index.code != http.StatusOK || !strings.HasPrefix(index.hdr.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", index.code, index.hdr.Get("Content-Type"))
	}
	// Every script and stylesheet the page loads, and what they load.
	var bundle []byte
	for _, ref := range findRefs(string(index.body)) {
		r := do(t, "GET", ts.URL+ref, "", nil)
		if r.code != http.StatusOK {
			t.Errorf("GET %s: %d", ref, r.code)
		}
		bundle = append(bundle, r.body...)
	}
	for _, bad := range []string{"localhost:64210", "cdn.jsdelivr.net", "fonts.googleapis.com"} {
		if bytes.Contains(bundle, []byte(bad)) {
			t.Errorf("the served bundle still refers to %s", bad)
		}
	}
	for _, ref := range []string{monacoPath + "/loader.js", monacoPath + "\"", iconsPath + "/material-icons.css"} {
		if !bytes.Contains(bundle, []byte(ref)) {
			t.Errorf("the bundle does not refer to %s", ref)
		}
	}
	for _, ref := range []string{
		monacoPath + "/loader.js",
		monacoPath + "/editor/editor.main.js",
		monacoPath + "/editor/editor.main.css",
		monacoPath + "/editor/editor.main.nls.js",
		monacoPath + "/base/worker/workerMain.js",
		monacoPath + "/language/typescript/tsMode.js",
		monacoPath + "/language/typescript/tsWorker.js",
		monacoPath + "/basic-languages/javascript/javascript.js",
		iconsPath + "/material-icons.css",
		iconsPath + "/MaterialIcons-Regular.woff2",
		"/gizmo.d.ts",
	} {
		r := do(t, "GET", ts.URL+ref, "", nil)
		if r.code != http.StatusOK || len(r.body) == 0 {
			t.Errorf("GET %s: %d", ref, r.code)
		}
	}
	// The editor starts with the sample query.
	js, _ := json.Marshal(sample.Query)
	if !bytes.Contains(bundle, js) {
		t.Errorf("the bundle does not carry the sample query %s", js)
	}
	// Revalidation: the bundle changes with the graph, so it is not cached blindly.
	main := findRefs(string(index.body))
	req, _ := http.NewRequest("GET", ts.URL+main[len(main)-1], nil)
	first := do(t, "GET", ts.URL+main[len(main)-1], "", nil)
	req.Header.Set("If-None-Match", first.hdr.Get("ETag"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if first.hdr.Get("Cache-Control") != "no-cache" || res.StatusCode != http.StatusNotModified {
		t.Errorf("bundle: Cache-Control %q, revalidation %d", first.hdr.Get("Cache-Control"), res.StatusCode)
	}
}

// findRefs returns the local scripts and stylesheets an HTML page loads.
func findRefs(html string) []string {
	var refs []string
	for _, attr := range []string{`src="`, `href="`} {
		rest := html
		for {
			i := strings.Index(rest, attr)
			if i < 0 {
				break
			}
			rest = rest[i+len(attr):]
			ref := rest[:strings.IndexByte(rest, '"')]
			if strings.HasPrefix(ref, "/static/") {
				refs = append(refs, ref)
			}
		}
	}
	sort.Slice(refs, func(i, j int) bool { return strings.HasSuffix(refs[j], ".js") && !strings.HasSuffix(refs[i], ".js") })
	return refs
}

func TestRewriteOfAChangedBundleFails(t *testing.T) {
	files := map[string][]byte{"static/js/main.js": []byte(`fetch("http://localhost:64210/api")`)}
	err := applyRewrites(files, uiRewrites("g.V()"))
	if err == nil || !strings.Contains(err.Error(), "not found in the bundle") {
		t.Errorf("rewrite of a bundle without the editor loader: err = %v", err)
	}
}

func TestLoopbackOnly(t *testing.T) {
	dir, _ := seedStore(t)
	ts, _ := startServer(t, dir, Config{})
	for _, tc := range []struct {
		name   string
		method string
		host   string
		origin string
		want   int
	}{
		{"DNS rebinding", "GET", "evil.example:80", "", http.StatusMisdirectedRequest},
		{"LAN name", "GET", "192.168.1.10", "", http.StatusMisdirectedRequest},
		{"localhost", "GET", "localhost", "", http.StatusOK},
		{"IPv6 loopback", "GET", "[::1]:64210", "", http.StatusOK},
		{"cross-site POST", "POST", "", "http://evil.example", http.StatusForbidden},
		{"same-origin POST", "POST", "", "SELF", http.StatusOK},
		{"POST without Origin (curl)", "POST", "", "", http.StatusOK},
	} {
		req, _ := http.NewRequest(tc.method, ts.URL+"/api/v2/query?lang=gizmo&qu=g.V().getLimit(1)", strings.NewReader("g.V().getLimit(1)"))
		if tc.host != "" {
			req.Host = tc.host
		}
		switch tc.origin {
		case "":
		case "SELF":
			req.Header.Set("Origin", ts.URL)
		default:
			req.Header.Set("Origin", tc.origin)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, res.StatusCode, b, tc.want)
		}
	}
}

func TestCrossSitePostRefusedOffLoopbackToo(t *testing.T) {
	dir, _ := seedStore(t)
	st, err := graph.Open(dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h, err := New(st, Config{Writable: true}) // as on 0.0.0.0
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	nq := "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"
	req, _ := http.NewRequest("POST", ts.URL+"/api/v2/write", strings.NewReader(nq))
	req.Header.Set("Content-Type", "text/plain") // a form on another site can send this
	req.Header.Set("Origin", "http://evil.example")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site write: %d, want 403", res.StatusCode)
	}
	req, _ = http.NewRequest("GET", ts.URL+"/health", nil)
	req.Host = "my-laptop.lan:64210"
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("off loopback, a request for another host name: %d, want 200", res.StatusCode)
	}
}

func TestServeShutsDownCleanly(t *testing.T) {
	dir, _ := seedStore(t)
	h, _ := newHandler(t, dir, Config{Timeout: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l2, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, l2, h) }()
	base := "http://" + l2.Addr().String()

	// A runaway query is in flight when the server is asked to stop.
	queryDone := make(chan int, 1)
	go func() {
		r, err := http.Post(base+"/api/v2/query?lang=gizmo", "text/plain", strings.NewReader(`while (true) {}`))
		if err != nil {
			queryDone <- 0
			return
		}
		r.Body.Close()
		queryDone <- r.StatusCode
	}()
	for i := 0; !gizmoRunning(); i++ {
		if i > 200 {
			t.Fatal("the runaway query did not start")
		}
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Now()
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(ShutdownGrace + 2*time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("shutdown took %v with a query in flight", d)
	}
	<-queryDone
	if _, err := http.Get(base + "/health"); err == nil {
		t.Error("server still answers after shutdown")
	}
}
