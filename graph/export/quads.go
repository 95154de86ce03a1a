package export

import (
	"context"
	"encoding/json"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"newsgraph/schema"
)

// quadSource streams the raw quads a quad format writes: every quad of the
// store, or, with a time window, the quads labelled with the articles
// published in it. Quads come in store order, decoded in batches.
type quadSource struct {
	qs      cgraph.QuadStore
	opt     Options
	written int64
}

// labels returns the keys of the articles in the time window; nil when
// there is no window (every quad is selected).
func (src *quadSource) labels(ctx context.Context) (map[any]bool, error) {
	if !src.opt.dated() {
		return nil, nil
	}
	s := newScanner(src.qs)
	date, err := s.ref(schema.DatePublished)
	if err != nil {
		return nil, err
	}
	var arts []cgraph.Ref
	err = s.eachWith(ctx, quad.Object, schema.NewsArticle, func(sub, _, _ cgraph.Ref) {
		arts = append(arts, sub)
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	// An article's date is among its own few quads: read them through the
	// subject index.
	keep := map[any]bool{}
	dec := newDecoder(s)
	apply := func(p pending, v quad.Value) {
		if src.opt.inWindow(dayOf(v)) {
			keep[key(arts[p.idx])] = true
		}
	}
	for i, a := range arts {
		err := s.run(ctx, src.qs.QuadIterator(quad.Subject, a).Iterate(), func(q cgraph.Ref) error {
			p, err := src.qs.QuadDirection(q, quad.Predicate)
			if err != nil || key(p) != key(date) {
				return err
			}
			o, err := src.qs.QuadDirection(q, quad.Object)
			if err != nil {
				return err
			}
			return dec.add(ctx, pending{code: pDatePublished, idx: int32(i), ref: o}, apply)
		})
		if err != nil {
			return nil, fmt.Errorf("read article dates: %w", err)
		}
	}
	if err := dec.flush(ctx, apply); err != nil {
		return nil, err
	}
	return keep, nil
}

// maxValueCache bounds the values kept between batches. IRIs and short
// literals (predicates, labels, entities, names, dates) repeat; long
// literals (statement texts) do not and are not kept.
const (
	maxValueCache = 1 << 18
	maxCachedLen  = 64
)

func cacheable(v quad.Value) bool {
	switch v := v.(type) {
	case quad.IRI:
		return true
	case quad.String:
		return len(v) <= maxCachedLen
	}
	return false
}

// each calls fn for every selected quad, in store order.
func (src *quadSource) each(ctx context.Context, fn func(quad.Quad) error) error {
	keep, err := src.labels(ctx)
	if err != nil {
		return err
	}
	s := newScanner(src.qs)
	cache := map[any]quad.Value{}
	fresh := map[any]quad.Value{}
	var batch []cgraph.Ref // 4 references a quad: subject, predicate, object, label
	var need []cgraph.Ref
	flush := func() error {
		need = need[:0]
		clear(fresh)
		for _, r := range batch {
			if r == nil {
				continue
			}
			k := key(r)
			if _, ok := cache[k]; ok {
				continue
			}
			if _, ok := fresh[k]; !ok {
				fresh[k] = nil
				need = append(need, r)
			}
		}
		vals, err := s.values(ctx, need)
		if err != nil {
			return err
		}
		for i, r := range need {
			fresh[key(r)] = vals[i]
		}
		value := func(r cgraph.Ref) quad.Value {
			if r == nil {
				return nil
			}
			if v, ok := cache[key(r)]; ok {
				return v
			}
			return fresh[key(r)]
		}
		for i := 0; i < len(batch); i += 4 {
			q := quad.Quad{Subject: value(batch[i]), Predicate: value(batch[i+1]), Object: value(batch[i+2]), Label: value(batch[i+3])}
			if err := fn(q); err != nil {
				return err
			}
		}
		if len(cache) > maxValueCache {
			clear(cache)
		}
		for k, v := range fresh {
			if cacheable(v) {
				cache[k] = v
			}
		}
		batch = batch[:0]
		return nil
	}
	err = s.all(ctx, func(q cgraph.Ref) error {
		var rs [4]cgraph.Ref
		for i, d := range []quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label} {
			var err error
			if rs[i], err = src.qs.QuadDirection(q, d); err != nil {
				return err
			}
		}
		if keep != nil && (rs[3] == nil || !keep[key(rs[3])]) {
			return nil
		}
		batch = append(batch, rs[:]...)
		if len(batch) >= 4*decodeBatch/2 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
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

// writeJSONLD streams the quads as expanded JSON-LD (no context, every IRI
// in full). Runs of quads with the same label become one named graph
// object, and runs with the same subject within it one node object; the
// store keeps an article's quads together, so an article is one named
// graph or a few (JSON-LD merges objects with the same @id).
func writeJSONLD(ctx context.Context, dst Destination, g *Graph) error {
	w, err := create(dst, "")
	if err != nil {
		return err
	}
	var (
		run       []quad.Quad // quads of the current subject
		label     quad.Value  // of the open named graph; nil for the default graph
		open      bool        // a named graph is open
		first     = true      // no top-level object written yet
		firstNode bool        // no node written in the open named graph yet
	)
	writeRun := func() {
		if len(run) == 0 {
			return
		}
		if open {
			if !firstNode {
				w.WriteString(",")
			}
			firstNode = false
			w.WriteString("\n ")
		} else {
			if !first {
				w.WriteString(",")
			}
			first = false
			w.WriteString("\n")
		}
		w.Write(groupBySubject(run)[0].json())
		run = run[:0]
	}
	closeGraph := func() {
		writeRun()
		if open {
			w.WriteString("\n]}")
			open = false
		}
	}
	w.WriteString("[")
	err = g.raw.each(ctx, func(q quad.Quad) error {
		g.raw.written++
		if len(run) > 0 && (q.Label != label || q.Subject != run[0].Subject) {
			if q.Label != label {
				closeGraph()
			} else {
				writeRun()
			}
		}
		if q.Label != nil && !open {
			if !first {
				w.WriteString(",")
			}
			first = false
			id, _ := json.Marshal(ldID(q.Label))
			fmt.Fprintf(w, "\n{\"@id\":%s,\"@graph\":[", id)
			open, firstNode = true, true
		}
		label = q.Label
		run = append(run, q)
		return nil
	})
	if err != nil {
		return err
	}
	closeGraph()
	w.WriteString("\n]\n")
	return w.Flush()
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
	var b []byte
	b = append(b, `{"@id":`...)
	b = appendJSON(b, ldID(n.id))
	if len(n.types) > 0 {
		b = append(b, `,"@type":[`...)
		for i, t := range n.types {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, string(t))
		}
		b = append(b, ']')
	}
	for _, p := range n.preds {
		b = append(b, ',')
		b = appendJSON(b, string(p))
		b = append(b, ":["...)
		for i, v := range n.vals[p] {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendLDValue(b, v)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendJSON appends s as a JSON string.
func appendJSON(b []byte, s string) []byte {
	j, _ := json.Marshal(s)
	return append(b, j...)
}

// appendLDValue appends the expanded JSON-LD object of a quad value, keys
// in lexical order.
func appendLDValue(b []byte, v quad.Value) []byte {
	pair := func(k1, v1, k2, v2 string) []byte {
		b = append(b, '{')
		b = appendJSON(b, k1)
		b = append(b, ':')
		b = appendJSON(b, v1)
		if k2 != "" {
			b = append(b, ',')
			b = appendJSON(b, k2)
			b = append(b, ':')
			b = appendJSON(b, v2)
		}
		return append(b, '}')
	}
	switch v := v.(type) {
	case quad.IRI, quad.BNode:
		return pair("@id", ldID(v), "", "")
	case quad.String:
		return pair("@value", string(v), "", "")
	case quad.LangString:
		return pair("@language", v.Lang, "@value", string(v.Value))
	case quad.TypedString:
		return pair("@type", string(v.Type), "@value", string(v.Value))
	case quad.TypedStringer:
		ts := v.TypedString()
		return pair("@type", string(ts.Type), "@value", string(ts.Value))
	}
	return pair("@value", valueString(v), "", "")
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
