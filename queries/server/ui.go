package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

// vendored holds the editor and icon font the Cayley UI would otherwise
// fetch from CDNs (see assets/README.md).
//
//go:embed assets/monaco-editor assets/material-icons
var vendored embed.FS

// Where the vendored assets are served, versions in the paths.
const (
	monacoVersion = "0.18.1"
	monacoPath    = "/vendor/monaco-editor@" + monacoVersion + "/vs"
	iconsPath     = "/vendor/material-icons@6.7.0"
)

// cayleyServerURL is the API address the UI bundle was built with.
const cayleyServerURL = "http://localhost:64210"

// asset is one static file, ready to serve.
type asset struct {
	data []byte
	etag string
	mime string
}

// uiAssets maps URL paths to the files of the UI: Cayley's bundle,
// rewritten, and the vendored editor and font. Only these paths are served;
// nothing is read from the file system, so no request path can reach
// outside them.
type uiAssets map[string]*asset

// rewrite replaces old with new in the UI bundle; every rewrite must apply
// at least once, so that a Cayley upgrade that changes the bundle fails
// loudly instead of serving a UI that talks to the wrong place.
type rewrite struct {
	what     string
	old, new string
}

func uiRewrites(sample string) []rewrite {
	text, _ := json.Marshal(sample) // a JSON string is a JavaScript string literal
	return []rewrite{
		{
			// Same length as the quoted URL, so source maps stay aligned.
			what: "API server address", old: `"` + cayleyServerURL + `"`,
			new: "(window.location.origin)",
		},
		{
			what: "editor loader", old: `"https://cdn.jsdelivr.net/npm/monaco-editor@` + monacoVersion + `/min/vs/loader.js"`,
			new: `"` + monacoPath + `/loader.js"`,
		},
		{
			what: "editor base", old: `"https://cdn.jsdelivr.net/npm/monaco-editor@` + monacoVersion + `/min/vs"`,
			new: `"` + monacoPath + `"`,
		},
		{
			what: "icon font", old: `@import url(https://fonts.googleapis.com/icon?family=Material+Icons);`,
			new: `@import url(` + iconsPath + `/material-icons.css);`,
		},
		{
			// The editor's text when the browser has no saved query.
			what: "default query", old: `{text:"g.V().all()",language:C}`,
			new: `{text:` + string(text) + `,language:"gizmo"}`,
		},
		{
			// /?sample puts the sample back, whatever the browser saved.
			what: "saved query", old: `function(){var e=localStorage.getItem(S);return e?JSON.parse(e):null}()`,
			new: `function(){if(/[?&]sample(=|&|$)/.test(location.search)){localStorage.removeItem(S);history.replaceState(null,"",location.pathname);return null}var e=localStorage.getItem(S);return e?JSON.parse(e):null}()`,
		},
	}
}

// loadUI builds the served files: Cayley's UI with the rewrites applied to
// its JavaScript, CSS and HTML, and the vendored assets.
func loadUI(sample string) (uiAssets, error) {
	web, err := fs.Sub(ui.FS, "web")
	if err != nil {
		return nil, fmt.Errorf("cayley ui: %w", err)
	}
	files := map[string][]byte{}
	err = fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web, p)
		files[p] = b
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read cayley ui: %w", err)
	}
	if err := applyRewrites(files, uiRewrites(sample)); err != nil {
		return nil, err
	}
	assets := uiAssets{}
	for p, b := range files {
		assets["/"+p] = newAsset(p, b)
	}
	assets["/"] = assets["/index.html"]

	for _, v := range []struct{ dir, url string }{
		{"assets/monaco-editor/vs", monacoPath},
		{"assets/material-icons", iconsPath},
	} {
		err := fs.WalkDir(vendored, v.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := vendored.ReadFile(p)
			assets[v.url+strings.TrimPrefix(p, v.dir)] = newAsset(p, b)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("read vendored %s: %w", v.dir, err)
		}
	}
	return assets, nil
}

// applyRewrites rewrites the text files of the bundle in place. Source maps
// are left alone: they describe the original sources.
func applyRewrites(files map[string][]byte, rws []rewrite) error {
	for _, rw := range rws {
		n := 0
		for p, b := range files {
			switch path.Ext(p) {
			case ".js", ".css", ".html":
			default:
				continue
			}
			if c := bytes.Count(b, []byte(rw.old)); c > 0 {
				files[p] = bytes.ReplaceAll(b, []byte(rw.old), []byte(rw.new))
				n += c
			}
		}
		if n == 0 {
			return fmt.Errorf("rewrite cayley ui: %s: %q not found in the bundle (has the cayley module changed?)", rw.what, rw.old)
		}
	}
	return nil
}

func newAsset(name string, b []byte) *asset {
	sum := sha256.Sum256(b)
	return &asset{data: b, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, mime: mimeType(name)}
}

// mimeTypes covers every extension served; the system's MIME table is not
// consulted (it maps .ts to video/mp2t on some machines).
var mimeTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json",
	".map":   "application/json",
	".ts":    "text/plain; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".ico":   "image/x-icon",
	".png":   "image/png",
	".svg":   "image/svg+xml",
	".woff2": "font/woff2",
}

func mimeType(name string) string {
	if m, ok := mimeTypes[path.Ext(name)]; ok {
		return m
	}
	return "application/octet-stream"
}

// serveStatic serves one of the UI's files, or 404.
func (a uiAssets) serveStatic(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		jsonError(w, http.StatusMethodNotAllowed, "method %s not allowed on %s", r.Method, r.URL.Path)
		return
	}
	f, ok := a[r.URL.Path]
	if !ok || strings.Contains(r.URL.Path, "..") {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.mime)
	h.Set("ETag", f.etag)
	// Revalidate every time (a 304 on loopback costs nothing): the bundle
	// carries this graph's sample query, and Chromium loses track of
	// editor workers whose script it takes from its cache unasked.
	h.Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.data))
}
