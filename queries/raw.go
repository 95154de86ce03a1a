package queries

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // Gizmo (JavaScript) queries
	_ "github.com/cayleygraph/cayley/query/graphql" // GraphQL queries
	_ "github.com/cayleygraph/cayley/query/mql"     // MQL queries
	"github.com/cayleygraph/quad"
)

// RawLanguages are the query languages RunRaw accepts.
var RawLanguages = []string{"gizmo", "graphql", "mql"}

// RawOptions bounds a raw query.
type RawOptions struct {
	Limit   int           // at most this many results; 0 means all
	Timeout time.Duration // 0 means none
}

// ErrTimeout says that a raw query ran out of time.
var ErrTimeout = errors.New("query timed out")

// RunRaw runs a Gizmo, GraphQL or MQL query through Cayley's query engine
// and returns its results as JSON values: for Gizmo one object per result
// (its tags, "id" for the node the path ends at) or per g.Emit call; for
// GraphQL and MQL the objects the query describes.
func RunRaw(ctx context.Context, qs cgraph.QuadStore, lang, q string, opt RawOptions) ([]any, error) {
	if query.GetLanguage(lang) == nil {
		return nil, fmt.Errorf("unknown query language %q (want %s)", lang, strings.Join(RawLanguages, ", "))
	}
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
	}
	it, err := query.Execute(ctx, qs, lang, q, query.Options{Limit: opt.Limit, Collation: query.JSON})
	if err != nil {
		return nil, fmt.Errorf("%s query: %w", lang, err)
	}
	defer it.Close()
	out := []any{}
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, plainValue(r))
		}
		if opt.Limit > 0 && len(out) >= opt.Limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%s query: %w after %v", lang, ErrTimeout, opt.Timeout)
		}
		return nil, fmt.Errorf("%s query: %w", lang, err)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("%s query: %w after %v", lang, ErrTimeout, opt.Timeout)
	}
	return out, nil
}

// plainValue turns the quad values in a result into JSON values the way
// Gizmo does: literals become their native value, IRIs "<iri>".
func plainValue(v any) any {
	switch v := v.(type) {
	case quad.Value:
		n := v.Native()
		if nv, ok := n.(quad.Value); ok && nv == v {
			return quad.StringOf(v)
		}
		return n
	case map[string]any:
		for k, x := range v {
			v[k] = plainValue(x)
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = plainValue(x)
		}
		return v
	}
	return v
}

// RawTable renders raw results as a table: one column per key of the
// result objects ("id" first, the others sorted), one row per result;
// values that are not plain are written as compact JSON.
func RawTable(results []any) Table {
	keys := map[string]bool{}
	for _, r := range results {
		if m, ok := r.(map[string]any); ok {
			for k := range m {
				keys[k] = true
			}
		}
	}
	var header []string
	for k := range keys {
		if k != "id" {
			header = append(header, k)
		}
	}
	sort.Strings(header)
	if keys["id"] {
		header = append([]string{"id"}, header...)
	}
	if len(header) == 0 {
		header = []string{"result"}
	}
	t := Table{Header: header}
	for _, r := range results {
		m, ok := r.(map[string]any)
		if !ok {
			t.Rows = append(t.Rows, []string{cell(r)})
			continue
		}
		row := make([]string, len(header))
		for i, k := range header {
			if v, ok := m[k]; ok {
				row[i] = cell(v)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case fmt.Stringer:
		return v.String()
	case float64, int, int64, bool:
		return fmt.Sprint(v)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

//go:embed gizmo/*.js
var scriptFiles embed.FS

// Script is a documented Gizmo query shipped with newsgraph, to run with
// `newsgraph query gizmo -f` or to paste into the Cayley web UI.
type Script struct {
	Name        string `json:"name"`        // file name without .js
	Description string `json:"description"` // its leading comment
	Source      string `json:"source"`      // the JavaScript
}

// Scripts returns the shipped Gizmo scripts, sorted by name.
func Scripts() []Script {
	names, _ := fs.Glob(scriptFiles, "gizmo/*.js")
	sort.Strings(names)
	var out []Script
	for _, n := range names {
		b, _ := scriptFiles.ReadFile(n)
		src := string(b)
		var desc []string
		for _, line := range strings.Split(src, "\n") {
			if !strings.HasPrefix(line, "//") {
				break
			}
			desc = append(desc, strings.TrimSpace(strings.TrimPrefix(line, "//")))
		}
		out = append(out, Script{Name: strings.TrimSuffix(path.Base(n), ".js"), Description: strings.Join(desc, " "), Source: src})
	}
	return out
}

// ScriptNamed returns the shipped script called name.
func ScriptNamed(name string) (Script, error) {
	var names []string
	for _, s := range Scripts() {
		if s.Name == strings.TrimSuffix(name, ".js") {
			return s, nil
		}
		names = append(names, s.Name)
	}
	return Script{}, fmt.Errorf("no script named %q (have %s)", name, strings.Join(names, ", "))
}

// ScriptsTable lists scripts: name and description.
func ScriptsTable(ss []Script) Table {
	t := Table{Header: []string{"script", "description"}}
	for _, s := range ss {
		t.Rows = append(t.Rows, []string{s.Name, s.Description})
	}
	return t
}
