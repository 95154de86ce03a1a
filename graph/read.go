package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// EachQuad calls fn for every quad whose dir is v (every quad labelled with
// an article's IRI, every quad with predicate schema:name, ...).
func EachQuad(ctx context.Context, qs cgraph.QuadStore, dir quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	ref, err := qs.ValueOf(v)
	if err != nil {
		return fmt.Errorf("look up %v: %w", v, err)
	}
	if ref == nil {
		return nil
	}
	it := qs.QuadIterator(dir, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return it.Err()
}

// QuadsOf returns every quad labelled with label.
func QuadsOf(ctx context.Context, qs cgraph.QuadStore, label quad.Value) ([]quad.Quad, error) {
	var out []quad.Quad
	err := EachQuad(ctx, qs, quad.Label, label, func(q quad.Quad) error {
		out = append(out, q)
		return nil
	})
	return out, err
}

// CountQuads counts the quads whose dir is v.
func CountQuads(ctx context.Context, qs cgraph.QuadStore, dir quad.Direction, v quad.Value) (int64, error) {
	var n int64
	err := EachQuad(ctx, qs, dir, v, func(quad.Quad) error { n++; return nil })
	return n, err
}
