package index

import (
	"encoding/binary"
	"errors"
	"sort"
)

// A node's facts are kept in one record (bucket f, keyed by the node's
// id): one entry per distinct predicate and object, with the number of
// quads (articles) stating it. The links that point at a node from other
// nodes are kept the same way in bucket r, keyed by the object's id, with
// the subject in place of the object; rdf:type is not kept that way (a
// class would gather every node of its type).
//
// Entry layout: uvarint predicate id, then for forward entries a tag byte
// and the object (tagNode: uvarint node id; tagLit: uvarint length and
// the literal's value key), for reverse entries a uvarint subject id;
// then a uvarint count. Entries are sorted by predicate, then object.

// factKey is one entry's predicate and other end: a node id, or a
// literal's value key.
type factKey struct {
	p    uint32
	node uint32
	lit  string
}

// factRec is a record being updated: entries and their counts.
type factRec map[factKey]int64

var errFacts = errors.New("damaged fact record")

// eachFact calls fn with every entry of a record.
func eachFact(b []byte, reverse bool, fn func(p, node uint32, lit []byte, n int64) error) error {
	for len(b) > 0 {
		p, k := binary.Uvarint(b)
		if k <= 0 {
			return errFacts
		}
		b = b[k:]
		var node uint64
		var lit []byte
		if reverse {
			if node, k = binary.Uvarint(b); k <= 0 {
				return errFacts
			}
			b = b[k:]
		} else {
			if len(b) == 0 {
				return errFacts
			}
			tag := b[0]
			b = b[1:]
			v, k := binary.Uvarint(b)
			if k <= 0 {
				return errFacts
			}
			b = b[k:]
			if tag == tagNode {
				node = v
			} else {
				if uint64(len(b)) < v {
					return errFacts
				}
				lit, b = b[:v], b[v:]
			}
		}
		n, k := binary.Uvarint(b)
		if k <= 0 {
			return errFacts
		}
		b = b[k:]
		if err := fn(uint32(p), uint32(node), lit, int64(n)); err != nil {
			return err
		}
	}
	return nil
}

func decodeFacts(b []byte, reverse bool) (factRec, error) {
	r := factRec{}
	err := eachFact(b, reverse, func(p, node uint32, lit []byte, n int64) error {
		r[factKey{p, node, string(lit)}] = n
		return nil
	})
	return r, err
}

func (r factRec) encode(reverse bool) []byte {
	keys := make([]factKey, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.p != b.p {
			return a.p < b.p
		}
		if (a.lit == "") != (b.lit == "") {
			return a.lit == "" // nodes first
		}
		if a.node != b.node {
			return a.node < b.node
		}
		return a.lit < b.lit
	})
	var out []byte
	for _, k := range keys {
		out = binary.AppendUvarint(out, uint64(k.p))
		switch {
		case reverse:
			out = binary.AppendUvarint(out, uint64(k.node))
		case k.lit == "":
			out = append(out, tagNode)
			out = binary.AppendUvarint(out, uint64(k.node))
		default:
			out = append(out, tagLit)
			out = binary.AppendUvarint(out, uint64(len(k.lit)))
			out = append(out, k.lit...)
		}
		out = binary.AppendUvarint(out, uint64(r[k]))
	}
	return out
}
