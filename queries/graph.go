package queries

import (
	"context"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// Graph answers the canned queries against one quad store. With the
// read index of a bolt store (Options.Index, see graph/index) it reads
// the index whenever the index is fresh; otherwise (memory and PostgreSQL
// stores, a bolt store written by an older build or changed behind the
// index's back) it reads through Cayley's indexes (subject and predicate,
// or object and predicate, prefixes) and, for queries over the whole
// graph, a catalog it builds in memory. Both ways give the same answers.
// It caches what it learns about nodes and is not safe for concurrent
// use.
type Graph struct {
	qs       cgraph.QuadStore
	opt      Options
	nodes    map[quad.IRI]*Entity  // name and type of nodes looked up so far
	articles map[quad.IRI]*Article // articles looked up so far
	refs     map[quad.IRI]*ArticleRef
	cat      *Catalog           // built on first need (without the index)
	predKeys map[any]quad.IRI   // vocabulary predicates by value reference key
	values   map[any]quad.Value // values read so far, by reference key

	// r reads the index during a call, when it is fresh; viewing is set
	// during a call, whether or not the index is used.
	r       *index.Reader
	viewing bool
}

// Options tunes a Graph.
type Options struct {
	// Index is the read index of the store (graph.Store.Index); nil reads
	// the quads only.
	Index *index.Index
}

// New returns a Graph reading qs.
func New(qs cgraph.QuadStore, opt Options) *Graph {
	return &Graph{qs: qs, opt: opt, nodes: make(map[quad.IRI]*Entity), articles: make(map[quad.IRI]*Article),
		refs:   make(map[quad.IRI]*ArticleRef),
		values: make(map[any]quad.Value)}
}

// view runs one query: inside a read transaction of the index when the
// Graph has one (with g.r set while the index is fresh). Nested calls
// share the outer one's.
func (g *Graph) view(fn func() error) error {
	if g.opt.Index == nil || g.viewing {
		return fn()
	}
	return g.opt.Index.View(func(r *index.Reader) error {
		g.r, g.viewing = r, true
		defer func() { g.r, g.viewing = nil, false }()
		return fn()
	})
}

// Indexed reports whether the Graph answers from a fresh read index.
func (g *Graph) Indexed() bool {
	ok := false
	g.view(func() error {
		ok = g.r != nil
		return nil
	})
	return ok
}

// out returns the distinct objects of the quads with subject s and
// predicate p (an index prefix scan).
func (g *Graph) out(ctx context.Context, s quad.Value, p quad.IRI) ([]quad.Value, error) {
	if g.r != nil {
		return g.collect(quad.Subject, s, p)
	}
	return path.StartPath(g.qs, s).Out(p).Unique().Iterate(ctx).AllValues(g.qs)
}

// in returns the distinct subjects of the quads with object o and
// predicate p (an index prefix scan).
func (g *Graph) in(ctx context.Context, o quad.Value, p quad.IRI) ([]quad.Value, error) {
	if g.r != nil {
		return g.collect(quad.Object, o, p)
	}
	return path.StartPath(g.qs, o).In(p).Unique().Iterate(ctx).AllValues(g.qs)
}

// collect reads the values at the other end of node's facts by p from
// the read index, which holds each fact once.
func (g *Graph) collect(dir quad.Direction, node quad.Value, p quad.IRI) ([]quad.Value, error) {
	var out []quad.Value
	err := g.r.Each(dir, node, []quad.IRI{p}, func(_ quad.IRI, v quad.Value) error {
		out = append(out, v)
		return nil
	})
	return out, err
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

func valueString(v quad.Value) string { return schema.ValueText(v) }

// Node kinds, told apart by the IRI layout schema gives them, so that a
// neighbour's kind costs no lookup.
func isStatement(iri quad.IRI) bool { return index.IsStatement(iri) }
func isArticle(iri quad.IRI) bool   { return index.IsArticle(iri) }
func isRole(iri quad.IRI) bool      { return index.IsRole(iri) }
