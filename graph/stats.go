package graph

import (
	"context"
	"errors"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// Stats counts what a graph holds.
type Stats struct {
	Articles    int64            `json:"articles"`
	Entities    int64            `json:"entities"`
	ByType      map[string]int64 `json:"entities_by_type"`
	Statements  int64            `json:"statements"`
	Roles       int64            `json:"roles"`
	Quads       int64            `json:"quads"`
	TopSpeakers []SpeakerCount   `json:"top_speakers"`
}

// SpeakerCount is one speaker and the number of statements attributed to it.
type SpeakerCount struct {
	IRI        string `json:"id"`
	Name       string `json:"name"`
	Type       string `json:"type"`
	Statements int64  `json:"statements"`
}

// Stats counts what the store holds (see ComputeStats): from the read
// index of a bolt store while it is fresh, in milliseconds, else from the
// quads. Both ways give the same answer.
func (s *Store) Stats(ctx context.Context, top int) (*Stats, error) {
	if s.ix != nil {
		var st *Stats
		err := s.ix.View(func(r *index.Reader) error {
			if r == nil {
				return nil
			}
			var err error
			st, err = indexStats(ctx, s.QS, r, top)
			return err
		})
		if err != nil {
			return nil, err
		}
		if st != nil {
			return st, nil
		}
	}
	return ComputeStats(ctx, s.QS, top)
}

// indexStats is ComputeStats from the read index (roles and the quad
// count excepted: the index does not list roles).
func indexStats(ctx context.Context, qs cgraph.QuadStore, r *index.Reader, top int) (*Stats, error) {
	st := newStats()
	articles, statements, err := r.Totals()
	if err != nil {
		return nil, err
	}
	st.Articles, st.Statements = int64(articles), int64(statements)
	var speakers []SpeakerCount
	err = r.Entities(func(e *index.EntityRecord) (bool, error) {
		st.ByType[e.Type]++
		st.Entities++
		if e.StatementsBy > 0 {
			speakers = append(speakers, SpeakerCount{IRI: string(e.IRI), Name: e.Name, Type: e.Type, Statements: int64(e.StatementsBy)})
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	st.TopSpeakers = topSpeakers(speakers, top)
	if st.Roles, err = countOfType(ctx, qs, schema.RoleType); err != nil {
		return nil, err
	}
	if st.Quads, err = quadCount(ctx, qs); err != nil {
		return nil, err
	}
	return st, nil
}

func newStats() *Stats {
	st := &Stats{ByType: map[string]int64{}, TopSpeakers: []SpeakerCount{}}
	for _, t := range schema.ScoredTypes {
		st.ByType[t] = 0
	}
	return st
}

// topSpeakers ranks speakers by statements, then IRI, and keeps top.
func topSpeakers(sp []SpeakerCount, top int) []SpeakerCount {
	sort.Slice(sp, func(i, j int) bool {
		a, b := sp[i], sp[j]
		if a.Statements != b.Statements {
			return a.Statements > b.Statements
		}
		return a.IRI < b.IRI
	})
	if len(sp) > top {
		sp = sp[:top]
	}
	if sp == nil {
		sp = []SpeakerCount{}
	}
	return sp
}

func quadCount(ctx context.Context, qs cgraph.QuadStore) (int64, error) {
	s, err := qs.Stats(ctx, false)
	if err == nil && s.Quads.Value < 0 {
		// SQL backends estimate; count exactly.
		s, err = qs.Stats(ctx, true)
	}
	if errors.Is(err, kv.ErrNoBucket) {
		// A bolt store nothing was ever written to has no size yet.
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return s.Quads.Value, nil
}

// ComputeStats counts articles, entities by type, statements, roles and
// quads from the quads, and ranks the top speakers (at most top of them):
// entities only, not the unnamed sources ("officials") of single
// articles.
func ComputeStats(ctx context.Context, qs cgraph.QuadStore, top int) (*Stats, error) {
	st := newStats()
	var err error
	if st.Articles, err = countOfType(ctx, qs, schema.NewsArticle); err != nil {
		return nil, err
	}
	for _, t := range schema.EntityTypes {
		n, err := countOfType(ctx, qs, t)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			st.ByType[schema.TypeName(t)] = n
			st.Entities += n
		}
	}
	if st.Statements, err = countOfType(ctx, qs, schema.StatementT); err != nil {
		return nil, err
	}
	if st.Roles, err = countOfType(ctx, qs, schema.RoleType); err != nil {
		return nil, err
	}
	if st.Quads, err = quadCount(ctx, qs); err != nil {
		return nil, err
	}

	counts := map[quad.IRI]int64{}
	err = EachQuad(ctx, qs, quad.Predicate, schema.Speaker, func(q quad.Quad) error {
		if iri, ok := q.Object.(quad.IRI); ok && !schema.IsUnnamedSource(iri) {
			counts[iri]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var speakers []SpeakerCount
	for iri, n := range counts {
		speakers = append(speakers, SpeakerCount{IRI: string(iri), Statements: n})
	}
	st.TopSpeakers = topSpeakers(speakers, top)
	for i := range st.TopSpeakers {
		sp := &st.TopSpeakers[i]
		sp.Name, sp.Type, err = NodeName(ctx, qs, quad.IRI(sp.IRI))
		if err != nil {
			return nil, err
		}
	}
	return st, nil
}

// countOfType counts the distinct nodes with rdf:type t.
func countOfType(ctx context.Context, qs cgraph.QuadStore, t quad.IRI) (int64, error) {
	seen := map[quad.Value]bool{}
	err := EachQuad(ctx, qs, quad.Object, t, func(q quad.Quad) error {
		if q.Predicate == schema.Type {
			seen[q.Subject] = true
		}
		return nil
	})
	return int64(len(seen)), err
}

// NodeName returns the canonical name and entity type of a node. Where
// articles disagree on the name, the fullest wins (see betterName).
func NodeName(ctx context.Context, qs cgraph.QuadStore, iri quad.IRI) (name, typ string, err error) {
	err = EachQuad(ctx, qs, quad.Subject, iri, func(q quad.Quad) error {
		switch q.Predicate {
		case schema.Name:
			if s := quadString(q.Object); betterName(s, name) {
				name = s
			}
		case schema.Type:
			if t, ok := q.Object.(quad.IRI); ok {
				if tn := schema.TypeName(t); tn != "" {
					typ = tn
				}
			}
		}
		return nil
	})
	return name, typ, err
}
