package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"newsgraph/graph"
	"newsgraph/queries/server/servertest"
)

// lockedBuffer is an io.Writer a test may read while a command writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// seedsDB builds the seeds' graph (from their gold annotation) in a store.
func seedsDB(t *testing.T) string {
	t.Helper()
	xs, err := servertest.SeedExtractions()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "seeds.db")
	if err := servertest.BuildStore(context.Background(), db, xs); err != nil {
		t.Fatal(err)
	}
	return db
}

// serving is a `newsgraph serve` running in-process.
type serving struct {
	url    string
	stderr *lockedBuffer
	stop   context.CancelFunc
	code   chan int
}

var openURL = regexp.MustCompile(`Open (http://\S+/) in a browser`)

// startServe runs `newsgraph serve ARGS...` and waits for it to print the
// URL to open.
func startServe(t *testing.T, args ...string) *serving {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &serving{stderr: &lockedBuffer{}, stop: cancel, code: make(chan int, 1)}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: s.stderr, getenv: func(string) string { return "" }}
	go func() { s.code <- execute(ctx, e, append([]string{"serve"}, args...)) }()
	t.Cleanup(cancel)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := openURL.FindStringSubmatch(s.stderr.String()); m != nil {
			s.url = m[1]
			return s
		}
		select {
		case code := <-s.code:
			t.Fatalf("serve exited with %d before printing its URL:\n%s", code, s.stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve printed no URL in 10s:\n%s", s.stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestServeAnswersAndShutsDownCleanly(t *testing.T) {
	db := seedsDB(t)
	s := startServe(t, "--db", db, "--addr", "127.0.0.1:0")
	if strings.Contains(s.url, ":64210") || !strings.HasPrefix(s.url, "http://127.0.0.1:") {
		t.Errorf("URL %s: want 127.0.0.1 and the port actually bound", s.url)
	}
	if !strings.Contains(s.stderr.String(), "statements of "+servertest.Spokesman) {
		t.Errorf("serve does not say what the sample query asks:\n%s", s.stderr)
	}

	res, err := http.Get(s.url + "health")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("health: %v %v", res, err)
	}
	res.Body.Close()
	q := `g.V("<` + servertest.SpokesmanIRI + `>").in("<https://newsgraph.dev/ns/speaker>").out("<https://newsgraph.dev/ns/text>").all()`
	res, err = http.Post(s.url+"api/v2/query?lang=gizmo", "text/plain", strings.NewReader(q))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(b), "missiles guarantee our national security") {
		t.Errorf("query: %d %.300s", res.StatusCode, b)
	}
	// Read-only: the store is shared with other readers.
	if st, err := graph.Open(db, graph.Options{ReadOnly: true}); err != nil {
		t.Errorf("a second reader cannot open the store while serve runs: %v", err)
	} else {
		st.Close()
	}

	s.stop() // Ctrl-C
	select {
	case code := <-s.code:
		if code != exitOK {
			t.Errorf("serve exited with %d after Ctrl-C:\n%s", code, s.stderr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10s of Ctrl-C")
	}
	if !strings.Contains(s.stderr.String(), "newsgraph: stopped") {
		t.Errorf("stderr:\n%s", s.stderr)
	}
	// The store was closed: a writer can take it.
	st, err := graph.Open(db, graph.Options{})
	if err != nil {
		t.Fatalf("store not released after serve stopped: %v", err)
	}
	st.Close()
}

func TestServeWarnsOffLoopback(t *testing.T) {
	db := seedsDB(t)
	s := startServe(t, "--db", db, "--addr", "0.0.0.0:0")
	if !strings.Contains(s.stderr.String(), "is not a loopback address") {
		t.Errorf("no warning for 0.0.0.0:\n%s", s.stderr)
	}
	if !strings.HasPrefix(s.url, "http://127.0.0.1:") {
		t.Errorf("URL for the wildcard address: %s", s.url)
	}
	s.stop()
	if code := <-s.code; code != exitOK {
		t.Errorf("exit %d", code)
	}

	s = startServe(t, "--db", db, "--addr", "127.0.0.1:0")
	if strings.Contains(s.stderr.String(), "warning") {
		t.Errorf("warning on loopback:\n%s", s.stderr)
	}
}

func TestServeRefusals(t *testing.T) {
	db := seedsDB(t)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--addr", "64210"}, exitUsage, "--addr"},
		{[]string{"--timeout", "0s"}, exitUsage, "--timeout"},
		{[]string{"--limit", "-1"}, exitUsage, "--limit"},
		{[]string{"--max-body", "lots"}, exitUsage, "positive size"},
		{[]string{"extra"}, exitUsage, "unexpected argument"},
		{[]string{"--addr", busy.Addr().String()}, exitError, "listen on " + busy.Addr().String() + ": "},
	} {
		args := append([]string{"serve", "--db", db}, tc.args...)
		r := cli(t, "", args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.msg) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 1 {
			t.Errorf("%v: code %d, stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.msg)
		}
	}
	r := cli(t, "", "serve", "--db", filepath.Join(t.TempDir(), "none.db"))
	if r.code != exitError || !strings.Contains(r.stderr, "no store here") {
		t.Errorf("serve of a missing store: %d %q", r.code, r.stderr)
	}
}

func TestByteSizeFlag(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{
		{"1048576", 1 << 20}, {"1MiB", 1 << 20}, {"1mib", 1 << 20}, {"512KiB", 512 << 10},
		{"64M", 64 << 20}, {"1MB", 1000000}, {"2g", 2 << 30}, {"10b", 10}, {" 3 KiB ", 3 << 10},
	} {
		var b byteSize
		if err := b.Set(tc.in); err != nil || int64(b) != tc.want {
			t.Errorf("Set(%q) = %d, %v; want %d", tc.in, b, err, tc.want)
		}
	}
	for _, bad := range []string{"", "0", "-1", "lots", "1.5MiB", "MiB", "99999999999G"} {
		var b byteSize
		if err := b.Set(bad); err == nil {
			t.Errorf("Set(%q) = %d, want an error", bad, b)
		}
	}
	b := byteSize(1 << 20)
	if b.String() != "1MiB" {
		t.Errorf("String() = %q", b.String())
	}
}
