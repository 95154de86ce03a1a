package graph

import (
	"context"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

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

// ComputeStats counts articles, entities by type, statements, roles and
// quads, and ranks the top speakers (at most top of them).
func ComputeStats(ctx context.Context, qs cgraph.QuadStore, top int) (*Stats, error) {
	st := &Stats{ByType: map[string]int64{}, TopSpeakers: []SpeakerCount{}}
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
	for _, t := range schema.ScoredTypes {
		if _, ok := st.ByType[t]; !ok {
			st.ByType[t] = 0
		}
	}
	if st.Statements, err = countOfType(ctx, qs, schema.StatementT); err != nil {
		return nil, err
	}
	if st.Roles, err = countOfType(ctx, qs, schema.RoleType); err != nil {
		return nil, err
	}
	s, err := qs.Stats(ctx, false)
	if err == nil && s.Quads.Value < 0 {
		// SQL backends estimate; count exactly.
		s, err = qs.Stats(ctx, true)
	}
	if err != nil {
		return nil, err
	}
	st.Quads = s.Quads.Value

	counts := map[quad.IRI]int64{}
	err = EachQuad(ctx, qs, quad.Predicate, schema.Speaker, func(q quad.Quad) error {
		if iri, ok := q.Object.(quad.IRI); ok {
			counts[iri]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for iri, n := range counts {
		st.TopSpeakers = append(st.TopSpeakers, SpeakerCount{IRI: string(iri), Statements: n})
	}
	sort.Slice(st.TopSpeakers, func(i, j int) bool {
		a, b := st.TopSpeakers[i], st.TopSpeakers[j]
		if a.Statements != b.Statements {
			return a.Statements > b.Statements
		}
		return a.IRI < b.IRI
	})
	if len(st.TopSpeakers) > top {
		st.TopSpeakers = st.TopSpeakers[:top]
	}
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
