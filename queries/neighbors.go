package queries

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"newsgraph/schema"
)

// Neighbor is an entity linked to the one asked about.
type Neighbor struct {
	Entity
	Depth     int      `json:"depth"`     // entity hops away: 1 for direct neighbours
	Relations []string `json:"relations"` // how it is linked to via, sorted (see Neighbors)
	Count     int      `json:"count"`     // statements, articles and facts linking it to via
	Via       Entity   `json:"via"`       // the entity it was reached from (the one asked about at depth 1)
}

// maxNeighborExpansions bounds the entities of one depth whose own
// neighbours are looked up for the next depth: the most strongly linked.
const maxNeighborExpansions = 100

// Neighbors returns the entities within depth entity hops (1 when <= 0) of
// the entity that goes by name. Two entities are neighbours when one
// "said about" the other (a statement by one mentions the other; the
// other way round it is "spoken about by"), when a statement or an
// article mentions both ("co-mentioned"), when a person is "affiliated
// with" an organization or country (the other way "has affiliated"), or
// when a country is a "party" to an agreement ("has party"). Results are
// ordered by depth, then by count; at most n (0: all).
func (g *Graph) Neighbors(ctx context.Context, name string, depth, n int) ([]Neighbor, error) {
	if depth <= 0 {
		depth = 1
	}
	e, err := g.Lookup(ctx, name)
	if err != nil {
		return nil, err
	}
	start := quad.IRI(e.ID)
	seen := map[quad.IRI]bool{start: true}
	var out []Neighbor
	front := []quad.IRI{start}
	for d := 1; d <= depth && len(front) > 0; d++ {
		var level []Neighbor
		for _, u := range front {
			via, err := g.entity(ctx, u)
			if err != nil {
				return nil, err
			}
			rels, err := g.entityLinks(ctx, u)
			if err != nil {
				return nil, err
			}
			for iri, r := range rels {
				if seen[iri] {
					continue
				}
				ent, err := g.entity(ctx, iri)
				if err != nil {
					return nil, err
				}
				if ent.Type == "" {
					continue
				}
				level = append(level, Neighbor{Entity: ent, Depth: d, Relations: r.names(), Count: r.count, Via: via})
			}
		}
		sortNeighbors(level)
		// An entity reached from several of this depth's parents keeps
		// the strongest link.
		var next []quad.IRI
		for _, nb := range level {
			iri := quad.IRI(nb.ID)
			if seen[iri] {
				continue
			}
			seen[iri] = true
			out = append(out, nb)
			if len(next) < maxNeighborExpansions {
				next = append(next, iri)
			}
		}
		front = next
	}
	sortNeighbors(out)
	if out == nil {
		out = []Neighbor{}
	}
	return limit(out, n), nil
}

func sortNeighbors(ns []Neighbor) {
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i], ns[j]
		if a.Depth != b.Depth {
			return a.Depth < b.Depth
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Via.Name < b.Via.Name
	})
}

type relations struct {
	kinds map[string]bool
	count int
}

func (r *relations) names() []string {
	out := make([]string, 0, len(r.kinds))
	for k := range r.kinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// entityLinks returns the entities linked to e and how. It reads e's
// statements and the statements about it; articles that mention e are
// read one by one when there are few, else their co-mentions come from
// the catalog's pair counts.
func (g *Graph) entityLinks(ctx context.Context, e quad.IRI) (map[quad.IRI]*relations, error) {
	out := map[quad.IRI]*relations{}
	add := func(iri quad.IRI, kind string, n int) {
		if iri == e || iri == "" {
			return
		}
		r := out[iri]
		if r == nil {
			r = &relations{kinds: map[string]bool{}}
			out[iri] = r
		}
		r.kinds[kind] = true
		r.count += n
	}
	var by, about, arts []quad.IRI
	err := g.eachQuad(ctx, quad.Object, e, func(pred quad.IRI, o quad.Value) error {
		s, _ := o.(quad.IRI)
		switch pred {
		case schema.Speaker:
			by = append(by, s)
		case schema.Mentions:
			if isStatement(s) {
				about = append(about, s)
			} else if isArticle(s) {
				arts = append(arts, s)
			}
		case schema.Affiliation:
			add(s, "has affiliated", 1)
		case schema.Party:
			add(s, "party", 1)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = g.eachQuad(ctx, quad.Subject, e, func(pred quad.IRI, o quad.Value) error {
		iri, _ := o.(quad.IRI)
		switch pred {
		case schema.Affiliation:
			add(iri, "affiliated with", 1)
		case schema.Party:
			add(iri, "has party", 1)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, r := range out {
		r.count = 1 // facts repeat once per article that states them
	}
	for _, st := range uniqueIRIs(by) {
		ms, err := g.outIRIs(ctx, st, schema.Mentions)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			add(m, "said about", 1)
		}
	}
	for _, st := range uniqueIRIs(about) {
		err := g.eachQuad(ctx, quad.Subject, st, func(pred quad.IRI, o quad.Value) error {
			iri, _ := o.(quad.IRI)
			switch pred {
			case schema.Speaker:
				add(iri, "spoken about by", 1)
			case schema.Mentions:
				add(iri, "co-mentioned", 1)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	co, err := g.coMentioned(ctx, e, uniqueIRIs(arts), 0)
	if err != nil {
		return nil, err
	}
	for _, c := range co {
		add(quad.IRI(c.ID), "co-mentioned", c.Articles)
	}
	return out, nil
}

// NeighborsTable renders neighbours as rows: depth, entity, type, relations, count, via.
func NeighborsTable(ns []Neighbor) Table {
	t := Table{Header: []string{"depth", "entity", "type", "relations", "count", "via"}}
	for _, nb := range ns {
		t.Rows = append(t.Rows, []string{itoa(nb.Depth), nb.Name, nb.Type, strings.Join(nb.Relations, ", "), itoa(nb.Count), nb.Via.Name})
	}
	return t
}
