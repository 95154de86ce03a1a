package export

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// scanner reads quads as store references and decodes only the values a
// view needs, in batches. Two facts of Cayley's stores shape it:
//   - QuadStore.Quad opens a transaction and decodes all four values of
//     a quad, which costs far more than reading the quad's references;
//   - the bolt store indexes quads by subject and by object, not by
//     predicate or label: a "predicate iterator" scans every quad. One scan
//     of all quads, dispatched by predicate, beats a scan per predicate.
//
// Nodes are told apart by the keys of their references, so most quads are
// handled without decoding anything.
type scanner struct {
	qs    cgraph.QuadStore
	batch refs.BatchNamer // nil when the store has no batch lookup
}

func newScanner(qs cgraph.QuadStore) *scanner {
	bn, _ := qs.(refs.BatchNamer)
	return &scanner{qs: qs, batch: bn}
}

// key is the comparable identity of a store reference; nil for nil.
func key(r cgraph.Ref) any {
	if r == nil {
		return nil
	}
	return r.Key()
}

// ref returns the store reference of v, nil when the store lacks it.
func (s *scanner) ref(v quad.Value) (cgraph.Ref, error) {
	r, err := s.qs.ValueOf(v)
	if err != nil {
		return nil, fmt.Errorf("look up %v: %w", v, err)
	}
	return r, nil
}

// dirs returns the subject, object and label references of a quad.
func (s *scanner) dirs(q cgraph.Ref) (sub, obj, label cgraph.Ref, err error) {
	if sub, err = s.qs.QuadDirection(q, quad.Subject); err != nil {
		return
	}
	if obj, err = s.qs.QuadDirection(q, quad.Object); err != nil {
		return
	}
	label, err = s.qs.QuadDirection(q, quad.Label)
	return
}

// run calls fn for every quad an iterator yields, checking ctx now and then.
func (s *scanner) run(ctx context.Context, it iterator.Scanner, fn func(q cgraph.Ref) error) error {
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		if n++; n%8192 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := fn(it.Result()); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("scan quads: %w", err)
	}
	return ctx.Err()
}

// all calls fn for every quad of the store.
func (s *scanner) all(ctx context.Context, fn func(q cgraph.Ref) error) error {
	return s.run(ctx, s.qs.QuadsAllIterator().Iterate(), fn)
}

// eachWith calls fn with the subject, predicate and label references of
// every quad whose dir is v, through the store's index for dir.
func (s *scanner) eachWith(ctx context.Context, dir quad.Direction, v quad.Value, fn func(sub, pred, label cgraph.Ref)) error {
	r, err := s.ref(v)
	if err != nil || r == nil {
		return err
	}
	return s.run(ctx, s.qs.QuadIterator(dir, r).Iterate(), func(q cgraph.Ref) error {
		sub, err := s.qs.QuadDirection(q, quad.Subject)
		if err != nil {
			return err
		}
		pred, err := s.qs.QuadDirection(q, quad.Predicate)
		if err != nil {
			return err
		}
		label, err := s.qs.QuadDirection(q, quad.Label)
		if err != nil {
			return err
		}
		fn(sub, pred, label)
		return nil
	})
}

// decodeBatch is how many values one batch lookup decodes.
const decodeBatch = 1024

// values decodes references, in batches where the store can.
func (s *scanner) values(ctx context.Context, rs []cgraph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, 0, len(rs))
	for len(rs) > 0 {
		n := min(len(rs), decodeBatch)
		if s.batch != nil {
			vs, err := s.batch.ValuesOf(ctx, rs[:n])
			if err != nil {
				return nil, fmt.Errorf("read values: %w", err)
			}
			out = append(out, vs...)
		} else {
			for _, r := range rs[:n] {
				v, err := s.qs.NameOf(r)
				if err != nil {
					return nil, fmt.Errorf("read value: %w", err)
				}
				out = append(out, v)
			}
		}
		rs = rs[n:]
	}
	return out, nil
}

// pending is a value to decode and where it goes: a predicate code and
// the index of the record it belongs to.
type pending struct {
	code uint8
	idx  int32
	ref  cgraph.Ref
}

// decoder decodes values in batches and remembers those of predicates
// whose values repeat.
type decoder struct {
	s     *scanner
	queue []pending
	seen  map[any]quad.Value
	need  []cgraph.Ref
	at    []int
}

func newDecoder(s *scanner) *decoder {
	return &decoder{s: s, seen: map[any]quad.Value{}}
}

// add queues p; apply gets every value once its batch is decoded.
func (d *decoder) add(ctx context.Context, p pending, apply func(pending, quad.Value)) error {
	if repeats(p.code) {
		if v, ok := d.seen[key(p.ref)]; ok {
			apply(p, v)
			return nil
		}
	}
	d.queue = append(d.queue, p)
	if len(d.queue) >= decodeBatch {
		return d.flush(ctx, apply)
	}
	return nil
}

// flush decodes the queued values and applies them.
func (d *decoder) flush(ctx context.Context, apply func(pending, quad.Value)) error {
	if len(d.queue) == 0 {
		return nil
	}
	d.need = d.need[:0]
	for _, p := range d.queue {
		d.need = append(d.need, p.ref)
	}
	vals, err := d.s.values(ctx, d.need)
	if err != nil {
		return err
	}
	for i, p := range d.queue {
		if repeats(p.code) {
			d.seen[key(p.ref)] = vals[i]
		}
		apply(p, vals[i])
	}
	d.queue = d.queue[:0]
	return nil
}
