// Package server serves a newsgraph store over HTTP for `newsgraph serve`:
// the Cayley web UI, Cayley's HTTP API v2 (/api/v2/query, /api/v2/read,
// /api/v2/formats, and the write endpoints when the store is writable) and
// /health.
//
// The UI is Cayley's own bundle (github.com/cayleygraph/cayley/ui),
// rewritten as it is loaded: it talks to the server it came from on any
// address and port, loads its editor and icon font from this server rather
// than from CDNs, and its editor starts with a sample query for the graph.
// The defaults are safe for a laptop: read-only, a per-query timeout that
// also stops runaway Gizmo (JavaScript) loops, a result limit, a request
// body limit, no access outside the embedded files, refusal of cross-site
// POSTs, and, on loopback addresses, of requests for other host names (DNS
// rebinding).
//
// It does not open, close or write the store (the caller owns it), and it
// prints nothing.
package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // Gizmo (JavaScript) queries
	_ "github.com/cayleygraph/cayley/query/graphql" // GraphQL queries
	_ "github.com/cayleygraph/cayley/query/mql"     // MQL queries
	cayleyhttp "github.com/cayleygraph/cayley/server/http"

	"newsgraph/graph"
)

// Defaults of Config.
const (
	DefaultTimeout = 30 * time.Second
	DefaultLimit   = 1000
	DefaultMaxBody = 1 << 20 // 1 MiB
)

// Config says how the store is served. Zero values mean the defaults.
type Config struct {
	// Writable enables the write endpoints (/api/v2/write, /api/v2/delete,
	// /api/v2/node/delete); the store must be open for writing.
	Writable bool
	// Timeout bounds each query; a query still running then is stopped.
	Timeout time.Duration
	// Limit is the most results a query returns.
	Limit int
	// MaxBody is the largest request body accepted, in bytes.
	MaxBody int64
	// LoopbackOnly refuses requests whose Host is not a loopback name or
	// address (DNS rebinding). Set it when listening on a loopback address.
	LoopbackOnly bool
	// Sample is the query the UI's editor starts with (see SampleQuery).
	Sample string
}

// Server is the HTTP handler for one store.
type Server struct {
	cfg    Config
	store  *graph.Store
	api    *cayleyhttp.APIv2
	assets uiAssets
	mux    *http.ServeMux
}

// New returns the handler serving store as cfg says.
func New(store *graph.Store, cfg Config) (*Server, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Limit <= 0 {
		cfg.Limit = DefaultLimit
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Writable && store.ReadOnly {
		return nil, fmt.Errorf("serve %s writable: the store is open read-only", store.Location)
	}
	h := &cgraph.Handle{QuadStore: store.QS}
	if cfg.Writable {
		qw, err := cgraph.NewQuadWriter("single", store.QS, cgraph.Options{
			"ignore_duplicate": true,
			"ignore_missing":   true,
		})
		if err != nil {
			return nil, fmt.Errorf("open writer on %s: %w", store.Location, err)
		}
		h.QuadWriter = qw
	}
	api := cayleyhttp.NewAPIv2(h)
	api.SetReadOnly(!cfg.Writable)
	api.SetQueryTimeout(cfg.Timeout)
	api.SetQueryLimit(cfg.Limit)
	api.SetBatchSize(10000)

	assets, err := loadUI(cfg.Sample)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, store: store, api: api, assets: assets, mux: http.NewServeMux()}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /health", s.serveHealth)
	m.HandleFunc("/api/v2/query", s.serveQuery)
	m.Handle("/api/v2/read", s.api)
	m.Handle("/api/v2/formats", s.api)
	for _, p := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
		if s.cfg.Writable {
			m.Handle(p, s.api)
		} else {
			m.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
				jsonError(w, http.StatusForbidden, "the store is served read-only; restart `newsgraph serve` with --writable to change it")
			})
		}
	}
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		jsonError(w, http.StatusNotFound, "no API endpoint %s; this server has /api/v2/query, /api/v2/read and /api/v2/formats", r.URL.Path)
	})
	m.HandleFunc("/", s.assets.serveStatic)
}

// ServeHTTP checks the request's host, origin and body size, then routes it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	if s.cfg.LoopbackOnly && !loopbackHost(r.Host) {
		jsonError(w, http.StatusMisdirectedRequest, "host %q is not served here: this server answers loopback addresses only", r.Host)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead && !sameOrigin(r) {
		jsonError(w, http.StatusForbidden, "cross-origin %s refused", r.Method)
		return
	}
	if r.Body != nil && r.Body != http.NoBody {
		if code, err := limitBody(r, s.cfg.MaxBody); err != nil {
			w.Header().Set("Connection", "close")
			jsonError(w, code, "%v", err)
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// limitBody reads the request body, up to max bytes, into memory, so that a
// body that is too large is refused before any handler sees it. On error it
// also returns the status to answer with.
func limitBody(r *http.Request, max int64) (int, error) {
	tooLarge := fmt.Errorf("request body is larger than %d bytes (newsgraph serve --max-body)", max)
	if r.ContentLength > max {
		return http.StatusRequestEntityTooLarge, tooLarge
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, max+1))
	r.Body.Close()
	if err != nil {
		return http.StatusBadRequest, fmt.Errorf("read request body: %w", err)
	}
	if int64(len(b)) > max {
		return http.StatusRequestEntityTooLarge, tooLarge
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	r.ContentLength = int64(len(b))
	return 0, nil
}

// serveQuery runs a query through Cayley's API. The timeout stops the
// query, a Gizmo program included (Cayley interrupts the JavaScript VM when
// the request's context ends), and the answer then says so in words.
func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request) {
	// The UI asks for JSON-LD, which MQL cannot produce; give it JSON.
	if r.URL.Query().Get("lang") == "mql" && strings.Contains(r.Header.Get("Accept"), "ld+json") {
		r.Header.Set("Accept", "application/json")
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	// Cayley collects the whole result before writing it, so holding the
	// response costs nothing more.
	res := &heldResponse{header: w.Header(), code: http.StatusOK}
	s.api.ServeHTTP(res, r.WithContext(ctx))
	if res.code >= 400 && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		jsonError(w, http.StatusBadRequest, "query stopped after %v, the time limit of this server (newsgraph serve --timeout)", s.cfg.Timeout)
		return
	}
	w.WriteHeader(res.code)
	_, _ = w.Write(res.body.Bytes()) // the client may be gone; nothing to do about it
}

// heldResponse keeps a response until the handler has returned.
type heldResponse struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (h *heldResponse) Header() http.Header         { return h.header }
func (h *heldResponse) WriteHeader(code int)        { h.code = code }
func (h *heldResponse) Write(p []byte) (int, error) { return h.body.Write(p) }

func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	n, err := s.store.Size(ctx)
	if err != nil {
		jsonError(w, http.StatusServiceUnavailable, "store %s: %v", s.store.Kind, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"status":    "ok",
		"store":     s.store.Kind,
		"read_only": !s.cfg.Writable,
		"quads":     n,
	})
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// sameOrigin reports whether a request comes from a page of this server,
// or from no page at all (curl and other clients send no Origin).
func sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return r.Header.Get("Sec-Fetch-Site") == "" || r.Header.Get("Sec-Fetch-Site") == "same-origin" ||
			r.Header.Get("Sec-Fetch-Site") == "none"
	}
	u, err := url.Parse(origin)
	return err == nil && strings.EqualFold(u.Host, r.Host)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client may be gone; nothing to do about it
}

func jsonError(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, map[string]string{"error": fmt.Sprintf(format, args...)})
}
