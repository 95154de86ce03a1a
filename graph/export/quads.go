package export

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"newsgraph/graph"
	"newsgraph/schema"
)

// quadSource streams the raw quads a quad format writes: every quad of the
// store, or, with a time window, the quads of the articles published in it.
type quadSource struct {
	qs      cgraph.QuadStore
	opt     Options
	written int64
}

// articles returns the IRIs of the articles in the time window, sorted.
func (s *quadSource) articles(ctx context.Context) ([]quad.IRI, error) {
	var arts []quad.IRI
	dates := map[quad.IRI]Day{}
	err := graph.EachQuad(ctx, s.qs, quad.Object, schema.NewsArticle, func(q quad.Quad) error {
		if iri, ok := q.Subject.(quad.IRI); ok && q.Predicate == schema.Type {
			arts = append(arts, iri)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	if s.opt.dated() {
		err = graph.EachQuad(ctx, s.qs, quad.Predicate, schema.DatePublished, func(q quad.Quad) error {
			if iri, ok := q.Subject.(quad.IRI); ok {
				dates[iri] = dayOf(q.Object)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read article dates: %w", err)
		}
		kept := arts[:0]
		for _, a := range arts {
			if s.opt.inWindow(dates[a]) {
				kept = append(kept, a)
			}
		}
		arts = kept
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i] < arts[j] })
	return uniqueIRIs(arts), nil
}

// eachAll calls fn for every quad of the store, in store order.
func (s *quadSource) eachAll(ctx context.Context, fn func(quad.Quad) error) error {
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return it.Err()
}

// each calls fn for every selected quad.
func (s *quadSource) each(ctx context.Context, fn func(quad.Quad) error) error {
	if !s.opt.dated() {
		return s.eachAll(ctx, fn)
	}
	arts, err := s.articles(ctx)
	if err != nil {
		return err
	}
	for _, a := range arts {
		if err := graph.EachQuad(ctx, s.qs, quad.Label, a, fn); err != nil {
			return err
		}
	}
	return nil
}

// writeNQuads streams the quads as N-Quads, labels kept.
func writeNQuads(ctx context.Context, dst Destination, g *Graph) error {
	w, err := create(dst, "")
	if err != nil {
		return err
	}
	nw := nquads.NewWriter(w)
	err = g.raw.each(ctx, func(q quad.Quad) error {
		g.raw.written++
		return nw.WriteQuad(q)
	})
	if err != nil {
		return err
	}
	if err := nw.Close(); err != nil { // flushes its own buffer into w
		return err
	}
	return w.Flush()
}

// writeJSONLD writes the quads as expanded JSON-LD (no context, every IRI
// in full): one named graph per article, whose nodes group the article's
// quads by subject, then any quad no article labels, one node object each.
func writeJSONLD(ctx context.Context, dst Destination, g *Graph) error {
	w, err := create(dst, "")
	if err != nil {
		return err
	}
	src := g.raw
	arts, err := src.articles(ctx)
	if err != nil {
		return err
	}
	w.WriteString("[")
	first := true
	sep := func() {
		if !first {
			w.WriteString(",")
		}
		first = false
		w.WriteString("\n")
	}
	isArticle := make(map[quad.IRI]bool, len(arts))
	for _, a := range arts {
		isArticle[a] = true
		qs, err := graph.QuadsOf(ctx, src.qs, a)
		if err != nil {
			return err
		}
		if len(qs) == 0 {
			continue
		}
		sep()
		id, _ := json.Marshal(string(a))
		fmt.Fprintf(w, "{\"@id\":%s,\"@graph\":[", id)
		for i, n := range groupBySubject(qs) {
			if i > 0 {
				w.WriteString(",")
			}
			w.WriteString("\n ")
			w.Write(n.json())
		}
		w.WriteString("\n]}")
		src.written += int64(len(qs))
	}
	if !src.opt.dated() {
		// Quads no article labels: only a full pass finds them, so make it
		// only when the store holds more quads than the articles did.
		total, err := storeSize(ctx, src.qs)
		if err != nil {
			return err
		}
		if total > src.written {
			err := src.eachAll(ctx, func(q quad.Quad) error {
				if iri, ok := q.Label.(quad.IRI); ok && isArticle[iri] {
					return nil
				}
				sep()
				n := groupBySubject([]quad.Quad{q})[0]
				if q.Label != nil {
					id, _ := json.Marshal(ldID(q.Label))
					fmt.Fprintf(w, "{\"@id\":%s,\"@graph\":[%s]}", id, n.json())
				} else {
					w.Write(n.json())
				}
				src.written++
				return nil
			})
			if err != nil {
				return err
			}
		}
	}
	w.WriteString("\n]\n")
	return w.Flush()
}

func storeSize(ctx context.Context, qs cgraph.QuadStore) (int64, error) {
	st, err := qs.Stats(ctx, false)
	if err != nil {
		return 0, fmt.Errorf("count quads: %w", err)
	}
	return st.Quads.Value, nil
}

// ldNode is one JSON-LD node object: a subject and its properties in the
// order they first appear.
type ldNode struct {
	id    quad.Value
	types []quad.IRI
	preds []quad.IRI
	vals  map[quad.IRI][]quad.Value
}

func groupBySubject(qs []quad.Quad) []*ldNode {
	var out []*ldNode
	by := map[quad.Value]*ldNode{}
	for _, q := range qs {
		n := by[q.Subject]
		if n == nil {
			n = &ldNode{id: q.Subject, vals: map[quad.IRI][]quad.Value{}}
			by[q.Subject] = n
			out = append(out, n)
		}
		p, _ := q.Predicate.(quad.IRI)
		if t, ok := q.Object.(quad.IRI); ok && p == schema.Type {
			n.types = append(n.types, t)
			continue
		}
		if _, ok := n.vals[p]; !ok {
			n.preds = append(n.preds, p)
		}
		n.vals[p] = append(n.vals[p], q.Object)
	}
	return out
}

func (n *ldNode) json() []byte {
	var b bytesBuffer
	id, _ := json.Marshal(ldID(n.id))
	b = append(b, `{"@id":`...)
	b = append(b, id...)
	if len(n.types) > 0 {
		ts := make([]string, len(n.types))
		for i, t := range n.types {
			ts[i] = string(t)
		}
		j, _ := json.Marshal(ts)
		b = append(b, `,"@type":`...)
		b = append(b, j...)
	}
	for _, p := range n.preds {
		k, _ := json.Marshal(string(p))
		vs := make([]map[string]string, len(n.vals[p]))
		for i, v := range n.vals[p] {
			vs[i] = ldValue(v)
		}
		j, _ := json.Marshal(vs)
		b = append(b, ',')
		b = append(b, k...)
		b = append(b, ':')
		b = append(b, j...)
	}
	b = append(b, '}')
	return b
}

// ldID is the @id of an IRI or blank node.
func ldID(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.BNode:
		return "_:" + string(v)
	}
	return valueString(v)
}

// ldValue is the expanded JSON-LD object of a quad value.
func ldValue(v quad.Value) map[string]string {
	switch v := v.(type) {
	case quad.IRI, quad.BNode:
		return map[string]string{"@id": ldID(v)}
	case quad.String:
		return map[string]string{"@value": string(v)}
	case quad.LangString:
		return map[string]string{"@value": string(v.Value), "@language": v.Lang}
	case quad.TypedString:
		return map[string]string{"@value": string(v.Value), "@type": string(v.Type)}
	case quad.TypedStringer:
		ts := v.TypedString()
		return map[string]string{"@value": string(ts.Value), "@type": string(ts.Type)}
	}
	return map[string]string{"@value": valueString(v)}
}

func uniqueIRIs(s []quad.IRI) []quad.IRI {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
