package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// DefaultBatchSize is how many quad changes one write transaction carries.
const DefaultBatchSize = 50000

// Outcome says what ingesting one article did to the store.
type Outcome int

const (
	Added     Outcome = iota // the article was new
	Replaced                 // an earlier version's facts were replaced
	Unchanged                // the store already held exactly these facts
)

func (o Outcome) String() string {
	return [...]string{"added", "replaced", "unchanged"}[o]
}

// Ingester writes extraction records into a store: it resolves entities
// across articles, turns each record into quads labelled with its article's
// IRI, and writes the difference from what the store holds for that article
// in large batches. It is not safe for concurrent use: one writer goroutine
// owns it.
type Ingester struct {
	store     *Store
	resolver  *Resolver
	batchSize int

	// Additions and deletions are applied in separate transactions,
	// additions first: Cayley's kv backend loses node references when one
	// transaction both adds and removes quads naming the same node, and
	// adding first means a crash in between leaves a superset, never a
	// loss.
	adds    []cgraph.Delta
	dels    []cgraph.Delta
	pending map[quad.IRI]bool // articles with changes in adds or dels
	added   int64             // quads added by applied batches
	removed int64             // quads removed by applied batches
	pendAdd int64
	pendDel int64
}

// NewIngester loads the store's entity index and returns an ingester.
// batchSize <= 0 means DefaultBatchSize.
func NewIngester(ctx context.Context, s *Store, batchSize int) (*Ingester, error) {
	if s.ReadOnly {
		return nil, fmt.Errorf("store %s is open read-only", s.Location)
	}
	r, err := LoadResolver(ctx, s.QS)
	if err != nil {
		return nil, fmt.Errorf("load entity index of %s: %w", s.Location, err)
	}
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	if ix := s.Index(); ix != nil {
		// A store written by an older build, or changed behind the
		// index's back: index what it holds first.
		state, err := ix.State()
		if err != nil {
			return nil, fmt.Errorf("read index of %s: %w", s.Location, err)
		}
		if state != index.Fresh {
			if err := s.RebuildIndex(ctx); err != nil {
				return nil, err
			}
		}
	}
	if err := r.countArticles(ctx, s); err != nil {
		return nil, fmt.Errorf("count the articles of the entities of %s: %w", s.Location, err)
	}
	return &Ingester{store: s, resolver: r, batchSize: batchSize, pending: make(map[quad.IRI]bool)}, nil
}

// Resolver returns the ingester's entity resolver.
func (g *Ingester) Resolver() *Resolver { return g.resolver }

// Add queues one article's facts, replacing what the store holds for the
// same article id. Changes reach the store when a batch fills or on Flush.
func (g *Ingester) Add(ctx context.Context, x *schema.Extraction) (Outcome, error) {
	if x.ID == "" {
		return 0, fmt.Errorf("article %q has no id", x.File)
	}
	art := schema.ArticleIRI(x.ID)
	if g.pending[art] {
		// The same article twice in one batch: the store must hold the
		// first version before the second is compared with it.
		if err := g.Flush(ctx); err != nil {
			return 0, err
		}
	}
	old, err := QuadsOf(ctx, g.store.QS, art)
	if err != nil {
		return 0, fmt.Errorf("read stored facts of %s: %w", x.ID, err)
	}
	fresh := schema.ArticleQuads(x, g.resolver.ResolveArticle(x, PreviousNodes(old)))

	oldSet := make(map[quad.Quad]bool, len(old))
	for _, q := range old {
		oldSet[q] = true
	}
	newSet := make(map[quad.Quad]bool, len(fresh))
	changed := false
	for _, q := range fresh {
		newSet[q] = true
		if !oldSet[q] {
			g.adds = append(g.adds, cgraph.Delta{Quad: q, Action: cgraph.Add})
			g.pendAdd++
			changed = true
		}
	}
	for _, q := range old {
		if !newSet[q] {
			g.dels = append(g.dels, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			g.pendDel++
			changed = true
		}
	}
	outcome := Added
	switch {
	case len(old) > 0 && !changed:
		return Unchanged, nil
	case len(old) > 0:
		outcome = Replaced
	}
	g.pending[art] = true
	if len(g.adds)+len(g.dels) >= g.batchSize {
		if err := g.Flush(ctx); err != nil {
			return 0, err
		}
	}
	return outcome, nil
}

// Flush writes the queued changes: additions in one transaction, then
// deletions in another, then the read index's update (bolt stores).
func (g *Ingester) Flush(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(g.adds) == 0 && len(g.dels) == 0 {
		clear(g.pending)
		return nil
	}
	ix := g.store.Index()
	var before index.Before
	if ix != nil {
		var err error
		if before, err = ix.Prepare(); err != nil {
			return fmt.Errorf("read index of %s: %w", g.store.Location, err)
		}
	}
	adds, dels := deltaQuads(g.adds), deltaQuads(g.dels)
	opts := cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	if len(g.adds) > 0 {
		if err := g.store.QS.ApplyDeltas(g.adds, opts); err != nil {
			return fmt.Errorf("write %d quads to %s: %w", len(g.adds), g.store.Location, err)
		}
		g.added += g.pendAdd
		g.pendAdd = 0
		g.adds = g.adds[:0]
	}
	if len(g.dels) > 0 {
		if err := g.store.QS.ApplyDeltas(g.dels, opts); err != nil {
			return fmt.Errorf("remove %d replaced quads from %s: %w", len(g.dels), g.store.Location, err)
		}
		g.removed += g.pendDel
		g.pendDel = 0
		g.dels = g.dels[:0]
	}
	clear(g.pending)
	if ix != nil {
		if err := ix.Apply(before, adds, dels); err != nil {
			// Should not happen; the index is stale now, so index
			// the store afresh rather than leave it so.
			if err := g.store.RebuildIndex(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

func deltaQuads(ds []cgraph.Delta) []quad.Quad {
	out := make([]quad.Quad, len(ds))
	for i, d := range ds {
		out[i] = d.Quad
	}
	return out
}

// Written returns the quads added and removed by the batches written so far.
func (g *Ingester) Written() (added, removed int64) { return g.added, g.removed }

// RemoveArticle queues the removal of every fact of one article.
func (g *Ingester) RemoveArticle(ctx context.Context, id string) (int, error) {
	art := schema.ArticleIRI(id)
	if g.pending[art] {
		if err := g.Flush(ctx); err != nil {
			return 0, err
		}
	}
	old, err := QuadsOf(ctx, g.store.QS, art)
	if err != nil {
		return 0, err
	}
	for _, q := range old {
		g.dels = append(g.dels, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		g.pendDel++
	}
	g.pending[art] = true
	return len(old), nil
}
