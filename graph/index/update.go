package index

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"newsgraph/schema"
)

// Apply updates the index with a batch of quads Cayley has just added and
// removed, in one transaction, and records the store state it now
// describes. before must have been taken (Prepare) before Cayley wrote the
// batch: an index that was not fresh then is not updated (ErrNotFresh).
// On any error the index is left as it was, stale for the new quads, and
// must be rebuilt.
func (ix *Index) Apply(before Before, adds, dels []quad.Quad) error {
	if !before.fresh {
		return ErrNotFresh
	}
	return ix.db.Update(func(tx *bolt.Tx) error {
		w, err := openWriter(tx)
		if err != nil {
			return err
		}
		if !bytes.Equal(w.meta().Get(keyStamp), before.stamp[:]) {
			return ErrNotFresh
		}
		if err := w.apply(adds, dels); err != nil {
			return err
		}
		return w.finish(true)
	})
}

// rebuildBatch is how many quads Rebuild indexes per transaction.
const rebuildBatch = 200000

// Rebuild replaces the index with one computed from every quad of the
// store, which each passes to its argument. The store must not change
// meanwhile (the caller holds the only writer).
func (ix *Index) Rebuild(each func(fn func(quad.Quad) error) error) error {
	err := ix.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(rootBucket) != nil {
			if err := tx.DeleteBucket(rootBucket); err != nil {
				return err
			}
		}
		w, err := openWriter(tx)
		if err != nil {
			return err
		}
		return w.finish(false)
	})
	if err != nil {
		return fmt.Errorf("clear index: %w", err)
	}
	var batch []quad.Quad
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := ix.db.Update(func(tx *bolt.Tx) error {
			w, err := openWriter(tx)
			if err != nil {
				return err
			}
			if err := w.apply(batch, nil); err != nil {
				return err
			}
			return w.finish(false)
		})
		batch = batch[:0]
		return err
	}
	err = each(func(q quad.Quad) error {
		batch = append(batch, q)
		if len(batch) >= rebuildBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("rebuild index: %w", err)
	}
	return ix.db.Update(func(tx *bolt.Tx) error {
		w, err := openWriter(tx)
		if err != nil {
			return err
		}
		return w.finish(true)
	})
}

// fillPercent is how full bbolt fills the pages it splits: most keys of a
// batch go after the existing ones (new nodes have new ids), so fuller
// pages than bbolt's default of one half waste less space.
const fillPercent = 0.9

// writer is one write transaction of the index.
type writer struct {
	tx    *bolt.Tx
	b     [nBuckets]*bolt.Bucket
	next  uint32
	total int64
	ids   map[string]uint32     // value key -> id
	vals  map[uint32]quad.Value // id -> value
	preds map[quad.IRI]uint32   // vocabulary predicate -> id (0: not in the index)
	fwd   map[uint32]factRec    // fact records read (and changed) so far
	rev   map[uint32]factRec    // reverse link records read (and changed) so far
	dirty map[uint32]bool       // nodes whose records changed
	names map[string]nameKeys   // NameKey and PhoneticKeys of names seen
	// pending holds writes per bucket (nil value: delete), applied in key
	// order by flushWrites: bbolt inserts into in-memory nodes that grow
	// until the commit, and random-order inserts into one make it move
	// its entries again and again.
	pending [nBuckets]map[string][]byte
}

func openWriter(tx *bolt.Tx) (*writer, error) {
	root, err := tx.CreateBucketIfNotExists(rootBucket)
	if err != nil {
		return nil, err
	}
	w := &writer{tx: tx, ids: map[string]uint32{}, vals: map[uint32]quad.Value{}, preds: map[quad.IRI]uint32{},
		fwd: map[uint32]factRec{}, rev: map[uint32]factRec{}, dirty: map[uint32]bool{}, names: map[string]nameKeys{}}
	for i, name := range bucketNames {
		if w.b[i], err = root.CreateBucketIfNotExists(name); err != nil {
			return nil, err
		}
		w.b[i].FillPercent = fillPercent
	}
	next, _ := binary.Uvarint(w.meta().Get(keyNext))
	total, _ := binary.Uvarint(w.meta().Get(keyTotal))
	w.next, w.total = uint32(next), int64(total)
	return w, nil
}

func (w *writer) meta() *bolt.Bucket { return w.b[bMeta] }

// finish writes the version, the id counter and the quad total, and, when
// stamp is set, records the store state the index describes, after
// checking that it indexes as many quads as the store holds.
func (w *writer) finish(stamp bool) error {
	m := w.meta()
	if err := m.Put(keyVersion, uvarint(Version)); err != nil {
		return err
	}
	if err := m.Put(keyNext, uvarint(uint64(w.next))); err != nil {
		return err
	}
	if err := m.Put(keyTotal, uvarint(uint64(w.total))); err != nil {
		return err
	}
	if !stamp {
		return m.Delete(keyStamp)
	}
	st, size := cayleyStamp(w.tx)
	if size != w.total {
		return fmt.Errorf("%w: it holds %d quads, the store %d", errInconsistent, w.total, size)
	}
	return m.Put(keyStamp, append([]byte(nil), st[:]...))
}

// id returns the id of a value, creating one when create is set; ok is
// false when the value has none.
func (w *writer) id(v quad.Value, create bool) (uint32, bool, error) {
	k, err := valueKey(v)
	if err != nil {
		return 0, false, err
	}
	if id, ok := w.ids[string(k)]; ok {
		return id, true, nil
	}
	if b := w.b[bNodes].Get(k); b != nil {
		id := getID(b)
		w.ids[string(k)] = id
		w.vals[id] = v
		return id, true, nil
	}
	if !create {
		return 0, false, nil
	}
	w.next++
	id := w.next
	w.put(bNodes, string(k), putID(nil, id))
	w.put(bVals, string(putID(nil, id)), k)
	w.ids[string(k)] = id
	w.vals[id] = v
	return id, true, nil
}

// put queues a write (nil v: a deletion).
func (w *writer) put(b int, k string, v []byte) {
	if w.pending[b] == nil {
		w.pending[b] = map[string][]byte{}
	}
	w.pending[b][k] = v
}

// flushWrites applies the queued writes of the buckets given, in key
// order.
func (w *writer) flushWrites(bs ...int) error {
	for _, b := range bs {
		m := w.pending[b]
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var err error
			if v := m[k]; v == nil {
				err = w.b[b].Delete([]byte(k))
			} else {
				err = w.b[b].Put([]byte(k), v)
			}
			if err != nil {
				return err
			}
		}
		w.pending[b] = nil
	}
	return nil
}

func (w *writer) value(id uint32) (quad.Value, error) {
	if v, ok := w.vals[id]; ok {
		return v, nil
	}
	k := w.b[bVals].Get(putID(nil, id))
	if k == nil {
		return nil, fmt.Errorf("%w: node %d has no value", errInconsistent, id)
	}
	v, err := decodeValue(k)
	if err != nil {
		return nil, err
	}
	w.vals[id] = v
	return v, nil
}

func (w *writer) iri(id uint32) quad.IRI {
	v, _ := w.value(id)
	iri, _ := v.(quad.IRI)
	return iri
}

// pred returns the id of a vocabulary predicate, 0 when no quad uses it.
func (w *writer) pred(p quad.IRI) uint32 {
	if id, ok := w.preds[p]; ok && id != 0 {
		return id
	}
	id, _, _ := w.id(p, false)
	w.preds[p] = id
	return id
}

// fact is one resolved quad of a batch.
type fact struct {
	s   uint32
	key factKey // predicate and object
	add bool
}

func (w *writer) resolve(q quad.Quad, add bool) (fact, bool, error) {
	f := fact{add: add}
	var ok bool
	var err error
	if f.s, ok, err = w.id(q.Subject, add); err != nil || !ok {
		return f, ok, err
	}
	if f.key.p, ok, err = w.id(q.Predicate, add); err != nil || !ok {
		return f, ok, err
	}
	if isNode(q.Object) {
		f.key.node, ok, err = w.id(q.Object, add)
		return f, ok, err
	}
	k, err := valueKey(q.Object)
	if err != nil {
		return f, false, err
	}
	f.key.lit = string(k)
	return f, true, nil
}

// record returns the fact record (or, reverse, the reverse link record)
// of a node, read once per transaction.
func (w *writer) record(id uint32, reverse bool) (factRec, error) {
	m, b := w.fwd, w.b[bF]
	if reverse {
		m, b = w.rev, w.b[bR]
	}
	if r, ok := m[id]; ok {
		return r, nil
	}
	r, err := decodeFacts(b.Get(putID(nil, id)), reverse)
	if err != nil {
		return nil, fmt.Errorf("node %d: %w", id, err)
	}
	m[id] = r
	return r, nil
}

// apply indexes a batch: the facts, then what is derived from the nodes
// the batch touched.
func (w *writer) apply(adds, dels []quad.Quad) error {
	fs := make([]fact, 0, len(adds)+len(dels))
	for _, q := range adds {
		f, _, err := w.resolve(q, true)
		if err != nil {
			return fmt.Errorf("index %v: %w", q, err)
		}
		fs = append(fs, f)
	}
	for _, q := range dels {
		f, ok, err := w.resolve(q, false)
		if err != nil {
			return fmt.Errorf("index %v: %w", q, err)
		}
		if !ok {
			return fmt.Errorf("%w: removed quad %v is not indexed", errInconsistent, q)
		}
		fs = append(fs, f)
	}
	// Nodes whose derived records may change: the subjects, and the
	// entities whose counters do; articles whose mention sets do.
	speaker, mentions := w.pred(schema.Speaker), w.pred(schema.Mentions)
	touched := map[uint32]bool{}
	arts := map[uint32]bool{}
	for _, f := range fs {
		touched[f.s] = true
		if f.key.lit == "" && (f.key.p == speaker || f.key.p == mentions) {
			touched[f.key.node] = true
			if f.key.p == mentions && IsArticle(w.iri(f.s)) {
				arts[f.s] = true
			}
		}
	}
	ids := make([]uint32, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	old := make(map[uint32]derived, len(ids))
	var err error
	for _, id := range ids {
		d, err := w.derive(id)
		if err != nil {
			return err
		}
		old[id] = d
	}
	oldMentions := make(map[uint32][]uint32, len(arts))
	for a := range arts {
		if oldMentions[a], err = w.mentionsOf(a); err != nil {
			return err
		}
	}

	if err := w.applyFacts(fs); err != nil {
		return err
	}

	for _, id := range ids {
		d, err := w.derive(id)
		if err != nil {
			return err
		}
		w.replace(old[id], d)
	}
	if err := w.updatePairs(oldMentions); err != nil {
		return err
	}
	for id := range w.dirty {
		for _, rev := range []bool{false, true} {
			m, b := w.fwd, bF
			if rev {
				m, b = w.rev, bR
			}
			r, ok := m[id]
			switch {
			case !ok:
			case len(r) == 0:
				w.put(b, string(putID(nil, id)), nil)
			default:
				w.put(b, string(putID(nil, id)), r.encode(rev))
			}
		}
	}
	all := make([]int, nBuckets)
	for i := range all {
		all[i] = i
	}
	return w.flushWrites(all...)
}

func getCount(b *bolt.Bucket, k []byte) int64 {
	n, _ := binary.Uvarint(b.Get(k))
	return int64(n)
}

// Counter kinds.
const (
	countArticles = 'a'
	countBy       = 'b'
	countAbout    = 'm'
)

// counts adds up changes to the counters of one bucket.
type counts map[string]int64

// queue queues the new values of the counters of bucket b changed by
// delta (deleting those that reach zero) and calls changed, when not nil,
// with each counter's old and new value.
func (w *writer) queue(b int, delta counts, changed func(k string, old, n int64)) error {
	for k, d := range delta {
		if d == 0 {
			continue
		}
		old := getCount(w.b[b], []byte(k))
		n := old + d
		switch {
		case n < 0:
			return fmt.Errorf("%w: a count below zero", errInconsistent)
		case n == 0:
			w.put(b, k, nil)
		default:
			w.put(b, k, uvarint(uint64(n)))
		}
		if changed != nil {
			changed(k, old, n)
		}
	}
	return nil
}

// applyFacts changes the fact records of a batch's nodes (both ways) and
// the entity counters that change with them: a counter counts the
// distinct statements or articles linked to an entity.
func (w *writer) applyFacts(fs []fact) error {
	speaker, mentions, typ := w.pred(schema.Speaker), w.pred(schema.Mentions), w.pred(schema.Type)
	cd := counts{}
	for _, f := range fs {
		d := int64(1)
		if !f.add {
			d = -1
		}
		rec, err := w.record(f.s, false)
		if err != nil {
			return err
		}
		old := rec[f.key]
		n := old + d
		switch {
		case n < 0:
			return fmt.Errorf("%w: removed quad of node %d is not indexed", errInconsistent, f.s)
		case n == 0:
			delete(rec, f.key)
		default:
			rec[f.key] = n
		}
		w.dirty[f.s] = true
		w.total += d
		if f.key.lit != "" || f.key.p == typ {
			continue
		}
		o := f.key.node
		rev, err := w.record(o, true)
		if err != nil {
			return err
		}
		rk := factKey{p: f.key.p, node: f.s}
		if n == 0 {
			delete(rev, rk)
		} else {
			rev[rk] = n
		}
		w.dirty[o] = true
		if (old == 0) == (n == 0) {
			continue // the link existed before and after
		}
		var kind byte
		switch f.key.p {
		case speaker:
			kind = countBy
		case mentions:
			switch s := w.iri(f.s); {
			case IsStatement(s):
				kind = countAbout
			case IsArticle(s):
				kind = countArticles
			}
		}
		if kind == 0 {
			continue
		}
		if n == 0 {
			cd[string(append(putID(nil, o), kind))]--
		} else {
			cd[string(append(putID(nil, o), kind))]++
		}
	}
	if err := w.queue(bC, cd, nil); err != nil {
		return err
	}
	// Derived records read the counters.
	return w.flushWrites(bNodes, bVals, bC)
}

// nodeFact is one fact of a node, read back from the index.
type nodeFact struct {
	pred quad.IRI
	node uint32     // the object's id, or 0 for a literal
	lit  quad.Value // the literal object
}

func (w *writer) facts(id uint32) ([]nodeFact, error) {
	rec, err := w.record(id, false)
	if err != nil {
		return nil, err
	}
	out := make([]nodeFact, 0, len(rec))
	for k := range rec {
		pv, err := w.value(k.p)
		if err != nil {
			return nil, err
		}
		p, _ := pv.(quad.IRI)
		f := nodeFact{pred: p, node: k.node}
		if k.lit != "" {
			if f.lit, err = decodeValue([]byte(k.lit)); err != nil {
				return nil, err
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// mentionsOf returns the nodes an article mentions, sorted.
func (w *writer) mentionsOf(a uint32) ([]uint32, error) {
	p := w.pred(schema.Mentions)
	if p == 0 {
		return nil, nil
	}
	rec, err := w.record(a, false)
	if err != nil {
		return nil, err
	}
	var out []uint32
	for k := range rec {
		if k.p == p && k.lit == "" {
			out = append(out, k.node)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// derived is what one node contributes to the derived buckets: bucket and
// key -> value.
type derived map[dkey]string

type dkey struct {
	b int
	k string
}

func (w *writer) replace(old, cur derived) {
	for k := range old {
		if _, ok := cur[k]; !ok {
			w.put(k.b, k.k, nil)
		}
	}
	for k, v := range cur {
		if ov, ok := old[k]; ok && ov == v {
			continue
		}
		w.put(k.b, k.k, []byte(v))
	}
}

func literal(v quad.Value) string { return schema.ValueText(v) }

// minString keeps the least of the values seen (one per node in a
// well-formed graph).
func minString(cur *string, seen *bool, v string) {
	if !*seen || v < *cur {
		*cur, *seen = v, true
	}
}

// derive computes what a node contributes to the derived buckets from its
// facts (and an entity's counters).
func (w *writer) derive(id uint32) (derived, error) {
	v, err := w.value(id)
	if err != nil {
		return nil, err
	}
	iri, ok := v.(quad.IRI)
	if !ok {
		return nil, nil
	}
	fs, err := w.facts(id)
	if err != nil {
		return nil, err
	}
	d := derived{}
	switch {
	case IsStatement(iri):
		w.deriveStatement(d, id, fs)
	case IsArticle(iri):
		w.deriveArticle(d, id, fs)
	default:
		if err := w.deriveEntity(d, id, iri, fs); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (w *writer) isType(f nodeFact, t quad.IRI) bool {
	return f.pred == schema.Type && f.node != 0 && w.iri(f.node) == t
}

func (w *writer) deriveStatement(d derived, id uint32, fs []nodeFact) {
	var typed, hasDate, hasText bool
	var date, text string
	var speakers, mentions []uint32
	var acts []string
	for _, f := range fs {
		switch f.pred {
		case schema.Type:
			typed = typed || w.isType(f, schema.StatementT)
		case schema.Date:
			minString(&date, &hasDate, literal(f.lit))
		case schema.Text:
			minString(&text, &hasText, literal(f.lit))
		case schema.Speaker:
			if f.node != 0 {
				speakers = append(speakers, f.node)
			}
		case schema.Mentions:
			if f.node != 0 {
				mentions = append(mentions, f.node)
			}
		case schema.Act:
			if f.lit != nil {
				acts = append(acts, strings.ToLower(literal(f.lit)))
			}
		}
	}
	tail := string(putID(dated(nil, date), id))
	if typed {
		d[dkey{bSD, tail}] = NameKey(text)
	}
	// The lists by speaker and about an entity carry who spoke and whom
	// the statement mentions: neighbourhoods are read without reading
	// each statement.
	sort.Slice(speakers, func(i, j int) bool { return speakers[i] < speakers[j] })
	sort.Slice(mentions, func(i, j int) bool { return mentions[i] < mentions[j] })
	links := string(encodeLinks(speakers, mentions))
	for _, s := range speakers {
		d[dkey{bSB, string(putID(nil, s)) + tail}] = links
	}
	for _, m := range mentions {
		d[dkey{bSA, string(putID(nil, m)) + tail}] = links
	}
	for _, a := range acts {
		d[dkey{bSX, a + "\x00" + tail}] = ""
	}
}

func (w *writer) deriveArticle(d derived, id uint32, fs []nodeFact) {
	var typed, hasDate bool
	var published string
	var mentions []uint32
	for _, f := range fs {
		switch f.pred {
		case schema.Type:
			typed = typed || w.isType(f, schema.NewsArticle)
		case schema.DatePublished:
			minString(&published, &hasDate, literal(f.lit))
		case schema.Mentions:
			if f.node != 0 {
				mentions = append(mentions, f.node)
			}
		}
	}
	tail := string(putID(dated(nil, published), id))
	if typed {
		d[dkey{bAD, tail}] = ""
	}
	for _, m := range mentions {
		d[dkey{bAM, string(putID(nil, m)) + tail}] = ""
	}
}

// entityType is the entity type of a node's rdf:type facts, the first in
// schema.EntityTypes order; "" for nodes that are no entities.
func (w *writer) entityType(fs []nodeFact) string {
	var types []quad.IRI
	for _, f := range fs {
		if f.pred == schema.Type && f.node != 0 {
			types = append(types, w.iri(f.node))
		}
	}
	for _, t := range schema.EntityTypes {
		for _, have := range types {
			if have == t {
				return schema.TypeName(t)
			}
		}
	}
	return ""
}

// nameKeys are a name's NameKey and PhoneticKeys.
type nameKeys struct {
	key      string
	phonetic []string
}

func (w *writer) keys(n string) nameKeys {
	if k, ok := w.names[n]; ok {
		return k
	}
	k := nameKeys{NameKey(n), PhoneticKeys(n)}
	w.names[n] = k
	return k
}

func (w *writer) nameKey(n string) string    { return w.keys(n).key }
func (w *writer) phonetic(n string) []string { return w.keys(n).phonetic }

func (w *writer) deriveEntity(d derived, id uint32, iri quad.IRI, fs []nodeFact) error {
	typ := w.entityType(fs)
	if typ == "" {
		return nil
	}
	var names, alts []string
	for _, f := range fs {
		switch f.pred {
		case schema.Name:
			names = append(names, literal(f.lit))
		case schema.AlternateName:
			alts = append(alts, literal(f.lit))
		}
	}
	e := &EntityRecord{IRI: iri, Type: typ}
	for _, n := range names {
		if BetterName(n, e.Name) {
			e.Name = n
		}
	}
	if e.Name == "" {
		e.Name = FallbackName(iri)
	}
	e.Aliases = aliases(e.Name, alts, w.nameKey)
	e.Keys = []string{w.nameKey(e.Name)}
	for _, a := range e.Aliases {
		e.Keys = append(e.Keys, w.nameKey(a))
	}
	e.OtherNames = aliases(e.Name, names, w.nameKey)
	known := map[string]bool{}
	for _, k := range e.Keys {
		known[k] = true
	}
	others := e.OtherNames[:0]
	for _, n := range e.OtherNames {
		if !known[w.nameKey(n)] {
			others = append(others, n)
		}
	}
	e.OtherNames = others
	idb := string(putID(nil, id))
	e.Articles = int(getCount(w.b[bC], []byte(idb+string(rune(countArticles)))))
	e.StatementsBy = int(getCount(w.b[bC], []byte(idb+string(rune(countBy)))))
	e.StatementsAbout = int(getCount(w.b[bC], []byte(idb+string(rune(countAbout)))))

	rec := string(e.encode())
	d[dkey{bE, idb}] = rec
	rank := inverted(inverted(nil, e.Articles), e.StatementsBy+e.StatementsAbout)
	d[dkey{bER, string(rank) + e.Name + "\x00" + string(iri)}] = rec
	if e.StatementsBy > 0 {
		d[dkey{bSR, string(inverted(nil, e.StatementsBy)) + e.Name + "\x00" + string(iri)}] = idb
	}
	canonical := w.nameKey(e.Name)
	for _, group := range [][]string{{e.Name}, e.Aliases, e.OtherNames} {
		for _, n := range group {
			k := w.nameKey(n)
			if k == "" {
				continue
			}
			flag := "\x00"
			if k == canonical {
				flag = "\x01"
			}
			d[dkey{bEN, k + "\x00" + idb}] = flag
			ps := w.phonetic(n)
			if len(ps) == 0 {
				continue
			}
			d[dkey{bEP, strings.Join(ps, " ") + "\x00" + idb}] = ""
			for _, p := range ps {
				d[dkey{bEW, p + "\x00" + idb}] = ""
			}
		}
	}
	return nil
}

// updatePairs updates the co-mention counts of the articles whose
// mentions changed, from their mention sets before the batch.
func (w *writer) updatePairs(before map[uint32][]uint32) error {
	delta := map[[2]uint32]int64{}
	add := func(ms []uint32, d int64) {
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				delta[[2]uint32{ms[i], ms[j]}] += d // ms is sorted: ms[i] < ms[j]
			}
		}
	}
	for a, old := range before {
		add(old, -1)
		ms, err := w.mentionsOf(a)
		if err != nil {
			return err
		}
		add(ms, 1)
	}
	// One count per pair, kept in both orders.
	pd := counts{}
	for p, d := range delta {
		pd[string(putID(putID(nil, p[0]), p[1]))] += d
	}
	return w.queue(bP, pd, func(k string, old, n int64) {
		a, b := getID([]byte(k[:4])), getID([]byte(k[4:]))
		ba := string(putID(putID(nil, b), a))
		if n == 0 {
			w.put(bP, ba, nil)
		} else {
			w.put(bP, ba, uvarint(uint64(n)))
		}
		tc := typeCode(TypeFromIRI(w.iri(a)))
		if tc != typeCode(TypeFromIRI(w.iri(b))) {
			tc = 0
		}
		if old > 0 {
			w.put(bPR, string(inverted(nil, int(old)))+k, nil)
		}
		if n > 0 {
			w.put(bPR, string(inverted(nil, int(n)))+k, []byte{tc})
		}
	})
}
