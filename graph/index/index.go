// Package index keeps a derived read index of a newsgraph bolt store, in
// extra buckets of the store's own bolt file, so that the canned queries
// answer in milliseconds on graphs of tens of thousands of articles.
//
// Cayley's kv backend reads a quad by resolving each of its four values
// separately, and newsgraph states an entity's type and names once per
// article that names it, so reading the graph through Cayley costs
// thousands of lookups per hub entity. The index holds the same facts,
// once each and with compact numeric node ids:
//
//   - the facts themselves, de-duplicated across articles (subject ->
//     predicate -> object, with the number of quads stating each), and the
//     links between nodes the other way round (object -> predicate ->
//     subject);
//   - per-entity counters (articles, statements by, statements about);
//   - records derived from each node's facts: an entity summary (canonical
//     name, aliases, counts), name keys for lookups (normalized and
//     phonetic), rankings of entities and speakers, date-sorted posting
//     lists of statements (all, by speaker, about an entity, by speech act)
//     and of articles (all, mentioning an entity);
//   - co-mention counts: for every two entities, the articles that mention
//     both, and their ranking.
//
// Everything in it is a function of the quads (labels aside), maintained
// incrementally: the graph package's Ingester hands every batch of added
// and removed quads to Apply right after Cayley has written them; Apply
// updates the facts and re-derives the records of the nodes the batch
// touched. Rebuild computes the same index from all the quads of a store.
//
// Consistency: the index records, with every update, the Cayley state it
// describes (the store's id horizon and quad count, from Cayley's meta
// bucket) and the number of quads it has indexed. It is fresh only while
// both match the store: any write that bypasses the Ingester (an older
// build, `newsgraph serve --writable`, a crash between Cayley's commit and
// the index's) makes it stale, and readers then ignore it (View passes a
// nil Reader) and read the quads; the next Ingester rebuilds it. Apply
// refuses to update an index that was not fresh for the state before the
// batch.
//
// It does not read articles, resolve entities or format output, and it
// never changes Cayley's buckets.
package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Version is the layout version; an index of another version is stale.
const Version = 1

// rootBucket holds the index's buckets, beside Cayley's.
var rootBucket = []byte("newsgraph.index")

// Buckets under rootBucket. Node ids are 4-byte big-endian integers;
// date' is a date string, or 0xFF for none, followed by 0x00 (so that
// undated entries sort after dated ones).
const (
	bMeta  = iota // version, stamp, total, next id
	bNodes        // value key -> id
	bVals         // id -> value key
	bF            // s -> its facts and the number of quads stating each (see facts.go)
	bR            // o -> the links from other nodes to it, and their counts (see facts.go)
	bC            // e kind -> uvarint counter (kind: a articles, b statements by, m statements about)

	// Derived from one node's facts (and, for entities, counters).
	bSD // date' st -> folded text: statements of type Statement
	bSB // speaker date' st: statements by a speaker
	bSA // e date' st: statements that mention e
	bSX // act 0x00 date' st: statements by lower-cased speech act
	bAD // published' a: articles of type NewsArticle
	bAM // e published' a: articles that mention e
	bE  // e -> entity record
	bER // ^articles ^(by+about) name 0x00 iri -> entity record: entities by rank
	bSR // ^by name 0x00 iri -> e: speakers by rank
	bEN // name key 0x00 e -> 1 canonical, 0 other name
	bEP // phonetic key of a whole name 0x00 e
	bEW // phonetic key of one word of a name 0x00 e

	// Co-mentions, from the articles' mention sets.
	bP  // a b -> uvarint articles (both orders)
	bPR // ^articles a b (a < b) -> the type code of both, 0 when they differ: pairs by count

	nBuckets
)

var bucketNames = [nBuckets][]byte{
	[]byte("meta"), []byte("nodes"), []byte("vals"), []byte("f"), []byte("r"), []byte("c"),
	[]byte("sd"), []byte("sb"), []byte("sa"), []byte("sx"), []byte("ad"), []byte("am"),
	[]byte("e"), []byte("er"), []byte("sr"), []byte("en"), []byte("ep"), []byte("ew"),
	[]byte("p"), []byte("pr"),
}

// Meta keys.
var (
	keyVersion = []byte("version")
	keyStamp   = []byte("stamp")
	keyTotal   = []byte("total")
	keyNext    = []byte("next")
)

// Cayley's kv metadata: its bucket and the keys whose values change with
// every write (ids are never reused; the size is the live quad count).
var (
	cayleyMeta    = []byte("meta")
	cayleyHorizon = []byte("horizon")
	cayleySize    = []byte("size")
)

// Index is the read index of one bolt store.
type Index struct {
	db *bolt.DB
}

// New returns the index of the bolt database db (which need not hold one
// yet).
func New(db *bolt.DB) *Index { return &Index{db: db} }

// State says whether a store has an index and whether it describes the
// store's quads.
type State int

const (
	Absent State = iota // no index: a store written by an older build, or a new one
	Stale               // an index that does not describe the quads (or of another version)
	Fresh               // the index describes exactly the store's quads
)

func (s State) String() string { return [...]string{"absent", "stale", "fresh"}[s] }

// stamp is the Cayley state an index describes: its horizon and size.
type stamp [16]byte

func cayleyStamp(tx *bolt.Tx) (stamp, int64) {
	var s stamp
	m := tx.Bucket(cayleyMeta)
	if m == nil {
		return s, 0
	}
	copy(s[:8], m.Get(cayleyHorizon))
	size := m.Get(cayleySize)
	copy(s[8:], size)
	var n int64
	if len(size) == 8 {
		n = int64(binary.LittleEndian.Uint64(size))
	}
	return s, n
}

func state(tx *bolt.Tx) State {
	root := tx.Bucket(rootBucket)
	if root == nil {
		return Absent
	}
	meta := root.Bucket(bucketNames[bMeta])
	if meta == nil {
		return Stale
	}
	if v, _ := binary.Uvarint(meta.Get(keyVersion)); v != Version {
		return Stale
	}
	st, size := cayleyStamp(tx)
	if !bytes.Equal(meta.Get(keyStamp), st[:]) {
		return Stale
	}
	if total, _ := binary.Uvarint(meta.Get(keyTotal)); int64(total) != size {
		return Stale
	}
	return Fresh
}

// State reports whether the index is absent, stale or fresh.
func (ix *Index) State() (State, error) {
	var s State
	err := ix.db.View(func(tx *bolt.Tx) error {
		s = state(tx)
		return nil
	})
	return s, err
}

// View calls fn with a Reader of the index in one read transaction, which
// also sees the quads in the state the index describes; fn gets a nil
// Reader when the index is absent or stale.
func (ix *Index) View(fn func(r *Reader) error) error {
	return ix.db.View(func(tx *bolt.Tx) error {
		if state(tx) != Fresh {
			return fn(nil)
		}
		return fn(newReader(tx))
	})
}

// ErrNotFresh is returned by Apply when the index did not describe the
// store before the batch: it must be rebuilt.
var ErrNotFresh = errors.New("index is not up to date with the store")

// errInconsistent says that a batch does not fit the index (a removed
// quad it does not hold, a counter below zero).
var errInconsistent = errors.New("index is inconsistent with the store")

// Before is the store state a batch is applied to, taken by PrepareApply
// before Cayley writes the batch.
type Before struct {
	fresh bool
	stamp stamp
}

// Prepare records the state of the store before a batch is written to
// Cayley; Apply then updates the index only if it was fresh then.
func (ix *Index) Prepare() (Before, error) {
	var b Before
	err := ix.db.View(func(tx *bolt.Tx) error {
		b.fresh = state(tx) == Fresh
		b.stamp, _ = cayleyStamp(tx)
		return nil
	})
	return b, err
}

func uvarint(v uint64) []byte {
	return binary.AppendUvarint(nil, v)
}

func buckets(root *bolt.Bucket) ([nBuckets]*bolt.Bucket, error) {
	var bs [nBuckets]*bolt.Bucket
	for i, name := range bucketNames {
		bs[i] = root.Bucket(name)
		if bs[i] == nil {
			return bs, fmt.Errorf("index bucket %s missing", name)
		}
	}
	return bs, nil
}
