package index

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
)

// Reader reads a fresh index inside one read transaction (see
// Index.View). It caches node ids and values and is not safe for
// concurrent use.
type Reader struct {
	b    [nBuckets]*bolt.Bucket
	ids  map[quad.Value]uint32
	vals map[uint32]quad.Value
}

func newReader(tx *bolt.Tx) *Reader {
	r := &Reader{ids: map[quad.Value]uint32{}, vals: map[uint32]quad.Value{}}
	root := tx.Bucket(rootBucket)
	for i, name := range bucketNames {
		r.b[i] = root.Bucket(name)
	}
	return r
}

// id returns the id of a node; 0 when the index does not know it.
func (r *Reader) id(v quad.Value) uint32 {
	if id, ok := r.ids[v]; ok {
		return id
	}
	var id uint32
	if k, err := valueKey(v); err == nil {
		if b := r.b[bNodes].Get(k); b != nil {
			id = getID(b)
		}
	}
	r.ids[v] = id
	return id
}

func (r *Reader) value(id uint32) (quad.Value, error) {
	if v, ok := r.vals[id]; ok {
		return v, nil
	}
	k := r.b[bVals].Get(putID(nil, id))
	if k == nil {
		return nil, fmt.Errorf("%w: node %d has no value", errInconsistent, id)
	}
	v, err := decodeValue(k)
	if err != nil {
		return nil, err
	}
	r.vals[id] = v
	if isNode(v) {
		r.ids[v] = id
	}
	return v, nil
}

func (r *Reader) iri(id uint32) (quad.IRI, error) {
	v, err := r.value(id)
	iri, _ := v.(quad.IRI)
	return iri, err
}

// scan calls fn for the keys (and values) of bucket b with prefix.
func scan(b *bolt.Bucket, prefix []byte, fn func(k, v []byte) error) error {
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// Each calls fn once for every distinct fact whose dir (quad.Subject or
// quad.Object) is node and whose predicate is one of preds (any when
// none), with the value at the other end. Facts stated by several
// articles come once. Only nodes (IRIs, blank nodes) are indexed as
// objects, and not by rdf:type: those find nothing.
func (r *Reader) Each(dir quad.Direction, node quad.Value, preds []quad.IRI, fn func(pred quad.IRI, other quad.Value) error) error {
	if dir != quad.Subject && dir != quad.Object {
		return fmt.Errorf("index: no facts by %v", dir)
	}
	n := r.id(node)
	if n == 0 {
		return nil
	}
	reverse := dir == quad.Object
	b := r.b[bF]
	if reverse {
		b = r.b[bR]
	}
	var want map[uint32]bool
	if len(preds) > 0 {
		want = make(map[uint32]bool, len(preds))
		for _, p := range preds {
			if id := r.id(p); id != 0 {
				want[id] = true
			}
		}
		if len(want) == 0 {
			return nil
		}
	}
	return eachFact(b.Get(putID(nil, n)), reverse, func(p, node uint32, lit []byte, _ int64) error {
		if want != nil && !want[p] {
			return nil
		}
		pv, err := r.value(p)
		if err != nil {
			return err
		}
		pred, _ := pv.(quad.IRI)
		var other quad.Value
		if lit != nil {
			other, err = decodeValue(lit)
		} else {
			other, err = r.value(node)
		}
		if err != nil {
			return err
		}
		return fn(pred, other)
	})
}

// Entity returns the record of an entity node; nil when the node is no
// entity.
func (r *Reader) Entity(iri quad.IRI) (*EntityRecord, error) {
	id := r.id(iri)
	if id == 0 {
		return nil, nil
	}
	return r.entity(id)
}

func (r *Reader) entity(id uint32) (*EntityRecord, error) {
	v := r.b[bE].Get(putID(nil, id))
	if v == nil {
		return nil, nil
	}
	return decodeEntity(v)
}

// Entities calls fn with every entity, most mentioned first: by articles,
// then statements by and about it, then name and IRI. fn returns false to
// stop.
func (r *Reader) Entities(fn func(e *EntityRecord) (bool, error)) error {
	c := r.b[bER].Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		e, err := decodeEntity(v)
		if err != nil {
			return err
		}
		if more, err := fn(e); err != nil || !more {
			return err
		}
	}
	return nil
}

// Speakers calls fn with every entity that made statements, most
// statements first, then by name and IRI. fn returns false to stop.
func (r *Reader) Speakers(fn func(e *EntityRecord) (bool, error)) error {
	c := r.b[bSR].Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		e, err := r.entity(getID(v))
		if err != nil {
			return err
		}
		if e == nil {
			return fmt.Errorf("%w: speaker without record", errInconsistent)
		}
		if more, err := fn(e); err != nil || !more {
			return err
		}
	}
	return nil
}

// NameMatch is an entity that goes by a name.
type NameMatch struct {
	Entity    *EntityRecord
	Canonical bool // the name is its canonical name
}

// Named returns the entities one of whose names has NameKey key.
func (r *Reader) Named(key string) ([]NameMatch, error) {
	var out []NameMatch
	err := scan(r.b[bEN], []byte(key+"\x00"), func(k, v []byte) error {
		e, err := r.entity(getID(k[len(k)-4:]))
		if err != nil || e == nil {
			return err
		}
		out = append(out, NameMatch{Entity: e, Canonical: len(v) > 0 && v[0] == 1})
		return nil
	})
	return out, err
}

// NameKeys calls fn with every name key and the entity that has it, by
// key; entity loads the entity's record.
func (r *Reader) NameKeys(fn func(key string, entity func() (*EntityRecord, error)) error) error {
	return scan(r.b[bEN], nil, func(k, _ []byte) error {
		id := getID(k[len(k)-4:])
		return fn(string(k[:len(k)-5]), func() (*EntityRecord, error) { return r.entity(id) })
	})
}

// PhoneticNamed returns the entities with a name whose phonetic keys
// (PhoneticKeys, space-separated) are keys.
func (r *Reader) PhoneticNamed(keys string) ([]*EntityRecord, error) {
	return r.entitiesAt(r.b[bEP], keys)
}

// PhoneticWord returns the entities with a name one of whose words has
// the phonetic key key.
func (r *Reader) PhoneticWord(key string) ([]*EntityRecord, error) {
	return r.entitiesAt(r.b[bEW], key)
}

func (r *Reader) entitiesAt(b *bolt.Bucket, key string) ([]*EntityRecord, error) {
	var out []*EntityRecord
	err := scan(b, []byte(key+"\x00"), func(k, _ []byte) error {
		e, err := r.entity(getID(k[len(k)-4:]))
		if e != nil {
			out = append(out, e)
		}
		return err
	})
	return out, err
}

// StatementList names a list of statements: those a node made (By),
// those that mention a node (About), those of a speech act (Act, any
// case), or, when none is set, all statements; and of those, the ones
// with Words in their text.
type StatementList struct {
	By    quad.IRI
	About quad.IRI
	Act   string
	// Words, when set, keeps only the statements whose text, folded by
	// NameKey, contains each of them.
	Words []string
}

// Dated is a statement or article and its date ("" unknown).
type Dated struct {
	IRI  quad.IRI
	Date string
	key  []byte // the posting key
	val  []byte // its value
}

// Links returns the speakers and the mentioned nodes of a statement
// listed by speaker or about a node (nothing for other lists).
func (r *Reader) Links(d Dated) (speakers, mentions []quad.IRI, err error) {
	if len(d.val) == 0 {
		return nil, nil, nil
	}
	sp, ms, err := decodeLinks(d.val)
	if err != nil {
		return nil, nil, err
	}
	for _, id := range sp {
		iri, err := r.iri(id)
		if err != nil {
			return nil, nil, err
		}
		speakers = append(speakers, iri)
	}
	for _, id := range ms {
		iri, err := r.iri(id)
		if err != nil {
			return nil, nil, err
		}
		mentions = append(mentions, iri)
	}
	return speakers, mentions, nil
}

// EntityName returns the type and name of an entity node; ok is false
// when the node is no entity.
func (r *Reader) EntityName(iri quad.IRI) (typ, name string, ok bool, err error) {
	id := r.id(iri)
	if id == 0 {
		return "", "", false, nil
	}
	v := r.b[bE].Get(putID(nil, id))
	if v == nil {
		return "", "", false, nil
	}
	_, typ, name, err = decodeEntityHead(v)
	return typ, name, err == nil, err
}

// Statements calls fn with the statements of list in date order: newest
// first, or oldest first when chronological; statements of one date in
// StatementLess order; undated ones last. When since or until is set
// (YYYY-MM-DD, inclusive), only statements dated within are listed. fn
// returns false to stop.
func (r *Reader) Statements(list StatementList, since, until string, chronological bool, fn func(Dated) (bool, error)) error {
	var b *bolt.Bucket
	var prefix []byte
	switch {
	case list.By != "":
		b, prefix = r.b[bSB], r.nodePrefix(list.By)
	case list.About != "":
		b, prefix = r.b[bSA], r.nodePrefix(list.About)
	case list.Act != "":
		b, prefix = r.b[bSX], []byte(strings.ToLower(list.Act)+"\x00")
	default:
		b, prefix = r.b[bSD], []byte{}
	}
	if prefix == nil {
		return nil
	}
	var keep func(k, v []byte) bool
	if len(list.Words) > 0 {
		sd := b == r.b[bSD]
		keep = func(k, v []byte) bool {
			if !sd {
				date, id := splitDated(k[len(prefix):])
				v = r.b[bSD].Get(putID(dated(nil, date), id))
			}
			for _, w := range list.Words {
				if !bytes.Contains(v, []byte(w)) {
					return false
				}
			}
			return true
		}
	}
	return r.dated(b, prefix, since, until, !chronological, StatementLess, keep, fn)
}

// Articles calls fn with the articles (all, or those that mention a node
// when mentions is set) newest first; articles of one date by IRI;
// undated ones last. fn returns false to stop.
func (r *Reader) Articles(mentions quad.IRI, fn func(Dated) (bool, error)) error {
	b, prefix := r.b[bAD], []byte{}
	if mentions != "" {
		b, prefix = r.b[bAM], r.nodePrefix(mentions)
		if prefix == nil {
			return nil
		}
	}
	return r.dated(b, prefix, "", "", true, func(a, b quad.IRI) bool { return a < b }, nil, fn)
}

// nodePrefix is the posting-list prefix of a node; nil when the index
// does not know it.
func (r *Reader) nodePrefix(n quad.IRI) []byte {
	id := r.id(n)
	if id == 0 {
		return nil
	}
	return putID(nil, id)
}

// dated walks a date-sorted posting list (prefix date' 0x00 id), a date
// at a time, each date's entries in less order; only the entries keep
// (when not nil) keeps.
func (r *Reader) dated(b *bolt.Bucket, prefix []byte, since, until string, newest bool, less func(a, b quad.IRI) bool,
	keep func(k, v []byte) bool, fn func(Dated) (bool, error)) error {
	ranged := since != "" || until != ""
	c := b.Cursor()
	var group []Dated
	stop := false
	// emit sends the collected group of one date to fn, in order.
	emit := func() error {
		if len(group) == 0 || stop {
			return nil
		}
		for i := range group {
			iri, err := r.iri(getID(group[i].key[len(group[i].key)-4:]))
			if err != nil {
				return err
			}
			group[i].IRI = iri
		}
		sort.Slice(group, func(i, j int) bool { return less(group[i].IRI, group[j].IRI) })
		for _, d := range group {
			more, err := fn(d)
			if err != nil {
				return err
			}
			if !more {
				stop = true
				break
			}
		}
		group = group[:0]
		return nil
	}
	add := func(k, v []byte) (bool, error) {
		date, _ := splitDated(k[len(prefix):])
		if len(group) > 0 && group[0].Date != date {
			if err := emit(); err != nil || stop {
				return false, err
			}
		}
		group = append(group, Dated{Date: date, key: k, val: v})
		return true, nil
	}
	undated := append(append([]byte(nil), prefix...), noDate, 0)
	inPrefix := func(k []byte) bool { return k != nil && bytes.HasPrefix(k, prefix) }
	if !newest {
		start := prefix
		if since != "" {
			start = append(append([]byte(nil), prefix...), since...)
		}
		for k, v := c.Seek(start); inPrefix(k); k, v = c.Next() {
			date, _ := splitDated(k[len(prefix):])
			if ranged && (date == "" || (until != "" && date > until)) {
				break
			}
			if keep != nil && !keep(k, v) {
				continue
			}
			if more, err := add(k, v); err != nil || !more {
				return err
			}
		}
		return emit()
	}
	// Newest first: the dated entries backwards from the end (or from
	// until), then the undated ones.
	end := undated[:len(prefix)+1] // prefix 0xFF: after every date
	if until != "" {
		end = append(append(append([]byte(nil), prefix...), until...), 1)
	}
	k, v := c.Seek(end)
	if k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	for ; inPrefix(k); k, v = c.Prev() {
		// Only dated entries come before end.
		if date, _ := splitDated(k[len(prefix):]); since != "" && date < since {
			break
		}
		if keep != nil && !keep(k, v) {
			continue
		}
		if more, err := add(k, v); err != nil || !more {
			return err
		}
	}
	if err := emit(); err != nil || stop || ranged {
		return err
	}
	for k, v := c.Seek(undated); inPrefix(k); k, v = c.Next() {
		if keep != nil && !keep(k, v) {
			continue
		}
		if more, err := add(k, v); err != nil || !more {
			return err
		}
	}
	return emit()
}

// Pair is a node and a number of articles.
type Pair struct {
	A, B     quad.IRI // B is "" in CoMentions
	Articles int
}

// CoMentions returns the nodes mentioned in articles together with e and
// the number of such articles: all of them when n <= 0, else the n
// mentioned most often and every other one as often as the n-th (so that
// the caller can break ties).
func (r *Reader) CoMentions(e quad.IRI, n int) ([]Pair, error) {
	prefix := r.nodePrefix(e)
	if prefix == nil {
		return nil, nil
	}
	type cand struct {
		id uint32
		n  int
	}
	var cs []cand
	err := scan(r.b[bP], prefix, func(k, v []byte) error {
		c, _ := binary.Uvarint(v)
		cs = append(cs, cand{getID(k[4:]), int(c)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if n > 0 && len(cs) > n {
		// Keep those at least as frequent as the n-th most frequent.
		counts := make([]int, len(cs))
		for i, c := range cs {
			counts[i] = c.n
		}
		sort.Sort(sort.Reverse(sort.IntSlice(counts)))
		last := counts[n-1]
		kept := cs[:0]
		for _, c := range cs {
			if c.n >= last {
				kept = append(kept, c)
			}
		}
		cs = kept
	}
	out := make([]Pair, 0, len(cs))
	for _, c := range cs {
		iri, err := r.iri(c.id)
		if err != nil {
			return nil, err
		}
		out = append(out, Pair{A: iri, Articles: c.n})
	}
	return out, nil
}

// Pairs returns the pairs of nodes mentioned in the same articles (both
// entities of type typ by their IRI, when typ is set), most often first:
// all of them when n <= 0, else the n most frequent and every other pair
// as frequent as the n-th.
func (r *Reader) Pairs(typ string, n int) ([]Pair, error) {
	var tc byte
	if typ != "" {
		if tc = typeCode(typ); tc == 0 {
			return nil, nil
		}
	}
	var out []Pair
	last := -1
	err := scan(r.b[bPR], nil, func(k, v []byte) error {
		if tc != 0 && (len(v) == 0 || v[0] != tc) {
			return nil
		}
		c := int(^binary.BigEndian.Uint32(k[:4]))
		if n > 0 && len(out) >= n && c != last {
			return errStop
		}
		a, err := r.iri(getID(k[4:8]))
		if err != nil {
			return err
		}
		b, err := r.iri(getID(k[8:12]))
		if err != nil {
			return err
		}
		out = append(out, Pair{A: a, B: b, Articles: c})
		last = c
		return nil
	})
	if err == errStop {
		err = nil
	}
	return out, err
}

var errStop = fmt.Errorf("stop")

// Totals returns the number of articles (nodes of type NewsArticle) and
// of statements (nodes of type Statement) the index lists.
func (r *Reader) Totals() (articles, statements int, err error) {
	count := func(b *bolt.Bucket) int {
		n := 0
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			n++
		}
		return n
	}
	return count(r.b[bAD]), count(r.b[bSD]), nil
}
