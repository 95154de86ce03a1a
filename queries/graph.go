package queries

import (
	"context"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"newsgraph/schema"
)

// Graph answers the canned queries against one quad store. It reads
// through Cayley's indexes only (subject and predicate, or object and
// predicate, prefixes), so that the work of a query grows with the part of
// the graph it touches, not with the store. It caches what it learns about
// nodes and is not safe for concurrent use.
type Graph struct {
	qs        cgraph.QuadStore
	opt       Options
	nodes     map[quad.IRI]*Entity  // name and type of nodes looked up so far
	articles  map[quad.IRI]*Article // articles looked up so far
	refs      map[quad.IRI]*ArticleRef
	cat       *Catalog // built or loaded on first need
	catCached bool
	predKeys  map[any]quad.IRI   // vocabulary predicates by value reference key
	values    map[any]quad.Value // values read so far, by reference key
}

// New returns a Graph reading qs.
func New(qs cgraph.QuadStore, opt Options) *Graph {
	return &Graph{qs: qs, opt: opt, nodes: make(map[quad.IRI]*Entity), articles: make(map[quad.IRI]*Article),
		refs:   make(map[quad.IRI]*ArticleRef),
		values: make(map[any]quad.Value)}
}

// out returns the distinct objects of the quads with subject s and
// predicate p (an index prefix scan).
func (g *Graph) out(ctx context.Context, s quad.Value, p quad.IRI) ([]quad.Value, error) {
	return path.StartPath(g.qs, s).Out(p).Unique().Iterate(ctx).AllValues(g.qs)
}

// in returns the distinct subjects of the quads with object o and
// predicate p (an index prefix scan).
func (g *Graph) in(ctx context.Context, o quad.Value, p quad.IRI) ([]quad.Value, error) {
	return path.StartPath(g.qs, o).In(p).Unique().Iterate(ctx).AllValues(g.qs)
}

// inIRIs is in for subjects that are nodes, sorted.
func (g *Graph) inIRIs(ctx context.Context, o quad.Value, p quad.IRI) ([]quad.IRI, error) {
	vs, err := g.in(ctx, o, p)
	return sortedIRIs(vs), err
}

// outIRIs is out for objects that are nodes, sorted.
func (g *Graph) outIRIs(ctx context.Context, s quad.Value, p quad.IRI) ([]quad.IRI, error) {
	vs, err := g.out(ctx, s, p)
	return sortedIRIs(vs), err
}

// outStrings is out for literal objects, sorted.
func (g *Graph) outStrings(ctx context.Context, s quad.Value, p quad.IRI) ([]string, error) {
	vs, err := g.out(ctx, s, p)
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if str := valueString(v); str != "" {
			out = append(out, str)
		}
	}
	sort.Strings(out)
	return out, err
}

func sortedIRIs(vs []quad.Value) []quad.IRI {
	out := make([]quad.IRI, 0, len(vs))
	for _, v := range vs {
		if iri, ok := v.(quad.IRI); ok {
			out = append(out, iri)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// valueString is the text of a literal (or an IRI's full form).
func valueString(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	}
	return quad.StringOf(v)
}

// Node kinds, told apart by the IRI layout schema gives them, so that a
// neighbour's kind costs no lookup.
func isStatement(iri quad.IRI) bool { return strings.HasPrefix(string(iri), schema.Base+"statement/") }
func isArticle(iri quad.IRI) bool   { return strings.HasPrefix(string(iri), schema.Base+"article/") }
func isRole(iri quad.IRI) bool      { return strings.HasPrefix(string(iri), schema.Base+"role/") }
