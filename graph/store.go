// Package graph keeps the knowledge graph in a Cayley quad store (bolt on
// disk by default, memory, or PostgreSQL): it opens stores, writes
// extraction records as quads in large batches, replaces an article's facts
// when it is ingested again, resolves entities across articles to one node
// each, and counts what the graph holds. Bolt stores also keep a derived
// read index beside the quads (package index), which the Ingester keeps
// up to date and queries read.
//
// It does not read articles or extract anything (that is loaders), and it
// does not format output for people (that is queries and cmd).
package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // PostgreSQL backend
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"newsgraph/graph/index"
)

// DefaultPath is the store used when neither --db nor NEWSGRAPH_DB is set.
const DefaultPath = "newsgraph.db"

// Memory is the --db value for an in-memory store.
const Memory = "memory"

// boltFile is the bolt file inside a store directory; the same layout as
// Cayley's own bolt backend, so `cayley http --db bolt --dbpath DIR` opens
// a newsgraph store too.
const boltFile = "indexes.bolt"

// lockTimeout bounds the wait for a store another process holds.
const lockTimeout = 1500 * time.Millisecond

// ErrLocked is returned when another process holds the store.
var ErrLocked = errors.New("store is locked by another process")

// ErrNoStore is returned when a read-only open finds no store at the path.
var ErrNoStore = errors.New("no store here; run `newsgraph ingest` first")

// Store is an open quad store.
type Store struct {
	QS       cgraph.QuadStore
	Kind     string // "bolt", "memory" or "postgres"
	Location string // path, "memory" or the connection string without password
	ReadOnly bool

	bolt *bolt.DB     // set for bolt stores, for sync control
	ix   *index.Index // the read index of bolt stores
}

// Options controls how a store is opened.
type Options struct {
	// ReadOnly opens an existing store for reading; several readers may
	// share a bolt store, and a missing store is ErrNoStore.
	ReadOnly bool
	// BulkLoad skips fsync on every transaction; Close syncs once.
	BulkLoad bool
}

func init() {
	clog.SetLogger(quietLogger{})
}

// quietLogger drops Cayley's informational logging so that CLI output stays
// clean; errors reach the user through returned errors instead.
type quietLogger struct{}

func (quietLogger) Infof(string, ...interface{})    {}
func (quietLogger) Warningf(string, ...interface{}) {}
func (quietLogger) Errorf(string, ...interface{})   {}
func (quietLogger) V(int) bool                      { return false }
func (quietLogger) SetV(int)                        {}
func (quietLogger) Fatalf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "newsgraph: cayley: "+format+"\n", args...)
	os.Exit(1)
}

// Open opens (creating when needed and not read-only) the store spec names:
// "memory", a postgres:// URL, or a bolt store directory.
func Open(spec string, opt Options) (*Store, error) {
	switch {
	case spec == "":
		spec = DefaultPath
		fallthrough
	default:
		return openBolt(spec, opt)
	case spec == Memory || spec == "mem" || spec == ":memory:":
		return &Store{QS: memstore.New(), Kind: "memory", Location: Memory}, nil
	case strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://"):
		return openPostgres(spec, opt)
	}
}

func openBolt(path string, opt Options) (*Store, error) {
	st, err := os.Stat(path)
	switch {
	case err == nil && !st.IsDir():
		return nil, fmt.Errorf("open store %s: is a file, not a store directory", path)
	case errors.Is(err, os.ErrNotExist) && opt.ReadOnly:
		return nil, fmt.Errorf("open store %s: %w", path, ErrNoStore)
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(path, 0o755); err != nil {
			return nil, fmt.Errorf("create store %s: %w", path, unwrapPathError(err))
		}
	case err != nil:
		return nil, fmt.Errorf("open store %s: %w", path, unwrapPathError(err))
	}
	file := filepath.Join(path, boltFile)
	if opt.ReadOnly {
		if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open store %s: %w", path, ErrNoStore)
		}
	}
	db, err := hbolt.Open(file, &bolt.Options{Timeout: lockTimeout, ReadOnly: opt.ReadOnly})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("open store %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("open store %s: %w", path, unwrapPathError(err))
	}
	bdb := db.DB()
	bdb.NoSync = opt.BulkLoad
	bdb.NoGrowSync = opt.BulkLoad
	if !opt.ReadOnly {
		if err := initKV(db); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			db.Close()
			return nil, fmt.Errorf("initialise store %s: %w", path, err)
		}
	}
	qs, err := kv.New(db, cgraph.Options{kv.OptNoBloom: true})
	if err != nil {
		db.Close()
		if errors.Is(err, cgraph.ErrNotInitialized) {
			return nil, fmt.Errorf("open store %s: %w", path, ErrNoStore)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{QS: qs, Kind: "bolt", Location: path, ReadOnly: opt.ReadOnly, bolt: bdb, ix: index.New(bdb)}, nil
}

// storeIndexes are the quad indexes of a new bolt store: Cayley's two
// defaults (subject-predicate for forward hops; object-predicate-subject
// for reverse hops) plus predicate-object, so that every quad with one
// predicate (all names, all speakers) is a prefix scan instead of a scan
// of the store, and label, so that an article's quads (re-ingest,
// provenance) are found without one.
var storeIndexes = []kv.QuadIndex{
	{Dirs: []quad.Direction{quad.Subject, quad.Predicate}},
	{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}},
	{Dirs: []quad.Direction{quad.Predicate, quad.Object}},
	{Dirs: []quad.Direction{quad.Label}},
}

// initMu serialises store creation: Cayley takes the index layout of a new
// store from a package variable.
var initMu sync.Mutex

// initKV creates the Cayley buckets of a new store with storeIndexes; an
// existing store keeps the indexes it was created with
// (cgraph.ErrDatabaseExists). (Cayley's CAYLEY_KV_INDEXES variable cannot
// set them: it decodes into unexported fields.)
func initKV(db *hbolt.DB) error {
	initMu.Lock()
	defer initMu.Unlock()
	saved := kv.DefaultQuadIndexes
	kv.DefaultQuadIndexes = storeIndexes
	defer func() { kv.DefaultQuadIndexes = saved }()
	return kv.Init(db, nil)
}

func openPostgres(url string, opt Options) (*Store, error) {
	loc := redactURL(url)
	if !opt.ReadOnly {
		err := cgraph.InitQuadStore("postgres", url, nil)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("initialise store %s: %w", loc, firstLine(err))
		}
	}
	qs, err := cgraph.NewQuadStore("postgres", url, nil)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", loc, firstLine(err))
	}
	return &Store{QS: qs, Kind: "postgres", Location: loc, ReadOnly: opt.ReadOnly}, nil
}

// Close syncs a bulk-loaded bolt store once and closes the store.
func (s *Store) Close() error {
	var err error
	if s.bolt != nil && s.bolt.NoSync && !s.ReadOnly {
		err = s.bolt.Sync()
	}
	if cerr := s.QS.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("close store %s: %w", s.Location, err)
	}
	return nil
}

// Index returns the read index of a bolt store (see package index), nil
// for memory and PostgreSQL stores. The Ingester keeps it up to date;
// readers use it only while it is fresh (index.Index.View).
func (s *Store) Index() *index.Index { return s.ix }

// RebuildIndex computes the read index of a bolt store from all its
// quads, replacing what it held; it does nothing for other stores. The
// Ingester calls it when it finds the index absent or stale.
func (s *Store) RebuildIndex(ctx context.Context) error {
	if s.ix == nil {
		return nil
	}
	if s.ReadOnly {
		return fmt.Errorf("rebuild index of %s: the store is open read-only", s.Location)
	}
	err := s.ix.Rebuild(func(fn func(quad.Quad) error) error {
		it := s.QS.QuadsAllIterator().Iterate()
		defer it.Close()
		for it.Next(ctx) {
			q, err := s.QS.Quad(it.Result())
			if err != nil {
				return fmt.Errorf("read quad: %w", err)
			}
			if err := fn(q); err != nil {
				return err
			}
		}
		return it.Err()
	})
	if err != nil {
		return fmt.Errorf("rebuild index of %s: %w", s.Location, err)
	}
	return nil
}

// Persistent reports whether the store outlives the process.
func (s *Store) Persistent() bool { return s.Kind != "memory" }

// Size returns the number of quads in the store (0 for a store nothing
// was ever written to).
func (s *Store) Size(ctx context.Context) (int64, error) {
	return quadCount(ctx, s.QS)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func firstLine(err error) error {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return errors.New(s[:i])
	}
	return err
}

// redactURL hides the password of a connection URL.
func redactURL(u string) string {
	at := strings.LastIndexByte(u, '@')
	scheme := strings.Index(u, "://")
	if at < 0 || scheme < 0 {
		return u
	}
	cred := u[scheme+3 : at]
	if i := strings.IndexByte(cred, ':'); i >= 0 {
		return u[:scheme+3] + cred[:i] + ":***" + u[at:]
	}
	return u
}
