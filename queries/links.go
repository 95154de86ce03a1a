package queries

import (
	"context"
	"errors"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"newsgraph/schema"
)

// eachQuad calls fn for every quad whose dir is node and whose predicate is
// one of preds (all vocabulary predicates when preds is empty), with the
// value at the other end: the object when dir is quad.Subject, else the
// subject. It reads through the index of dir like graph.EachQuad, but
// resolves only the one value it passes on, through a cache: a fact that
// every article restates (an entity's type and names) costs one index
// entry per article, not four value reads.
//
// With the read index, it reads the index instead, where each fact is
// stored once, however many articles state it.
func (g *Graph) eachQuad(ctx context.Context, dir quad.Direction, node quad.Value, fn func(pred quad.IRI, other quad.Value) error, preds ...quad.IRI) error {
	if g.r != nil {
		return g.r.Each(dir, node, preds, fn)
	}
	if err := g.loadPredicates(); err != nil {
		return err
	}
	ref, err := g.qs.ValueOf(node)
	if err != nil || ref == nil {
		return err
	}
	want := g.predKeys
	if len(preds) > 0 {
		want = make(map[any]quad.IRI, len(preds))
		for _, p := range preds {
			for k, v := range g.predKeys {
				if v == p {
					want[k] = v
				}
			}
		}
	}
	otherDir := quad.Object
	if dir != quad.Subject {
		otherDir = quad.Subject
	}
	it := g.qs.QuadIterator(dir, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q := it.Result()
		pr, err := g.qs.QuadDirection(q, quad.Predicate)
		if err != nil {
			return err
		}
		pred, ok := want[refs.ToKey(pr)]
		if !ok {
			continue
		}
		or, err := g.qs.QuadDirection(q, otherDir)
		if err != nil {
			return err
		}
		v, err := g.valueOf(or)
		if err != nil {
			return err
		}
		if err := fn(pred, v); err != nil {
			return err
		}
	}
	return it.Err()
}

// valueOf resolves a value reference, through the Graph's cache.
func (g *Graph) valueOf(r cgraph.Ref) (quad.Value, error) {
	k := refs.ToKey(r)
	if v, ok := g.values[k]; ok {
		return v, nil
	}
	v, err := g.qs.NameOf(r)
	if err != nil {
		return nil, err
	}
	if len(g.values) > maxCachedValues {
		clear(g.values)
	}
	g.values[k] = v
	return v, nil
}

const maxCachedValues = 1 << 20

// loadPredicates looks up the references of the vocabulary's predicates.
func (g *Graph) loadPredicates() error {
	if g.predKeys != nil {
		return nil
	}
	g.predKeys = make(map[any]quad.IRI)
	for _, t := range schema.Vocabulary {
		if t.Kind != "predicate" {
			continue
		}
		r, err := g.qs.ValueOf(t.IRI)
		if err != nil {
			return err
		}
		if r != nil {
			g.predKeys[refs.ToKey(r)] = t.IRI
		}
	}
	return nil
}

// errStop ends an eachQuad early.
var errStop = errors.New("stop")

// firstValue returns one value of node via pred (nil when none), reading
// the node's quads only up to the first match.
func (g *Graph) firstValue(ctx context.Context, node quad.Value, pred quad.IRI) (quad.Value, error) {
	var out quad.Value
	err := g.eachQuad(ctx, quad.Subject, node, func(_ quad.IRI, v quad.Value) error {
		out = v
		return errStop
	}, pred)
	if errors.Is(err, errStop) {
		err = nil
	}
	return out, err
}
