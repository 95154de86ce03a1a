package queries

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
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
const maxNeighborExpansions = 20

// maxParentCoMentions bounds the co-mentioned entities followed from each
// of them: its most frequent ones (and those as frequent as the last).
const maxParentCoMentions = 100

// Neighbors returns the entities within depth entity hops (1 when <= 0) of
// the entity that goes by name. Two entities are neighbours when one
// "said about" the other (a statement by one mentions the other; the
// other way round it is "spoken about by"), when a statement or an
// article mentions both ("co-mentioned"), when a person is "affiliated
// with" an organization or country (the other way "has affiliated"), or
// when a country is a "party" to an agreement ("has party"). Results are
// ordered by depth, then by count; at most n (0: all).
func (g *Graph) Neighbors(ctx context.Context, name string, depth, n int) ([]Neighbor, error) {
	var out []Neighbor
	err := g.view(func() error {
		var err error
		out, err = g.neighbors(ctx, name, depth, n)
		return err
	})
	return out, err
}

func (g *Graph) neighbors(ctx context.Context, name string, depth, n int) ([]Neighbor, error) {
	if depth <= 0 {
		depth = 1
	}
	e, err := g.Lookup(ctx, name)
	if err != nil {
		return nil, err
	}
	start := quad.IRI(e.ID)
	seen := map[quad.IRI]bool{start: true}
	out := []Neighbor{}
	front := []quad.IRI{start}
	links := 0
	for d := 1; d <= depth && len(front) > 0; d++ {
		// Deeper entities sort after all of this depth's: once the limit
		// is filled, there is nothing more to show.
		if n > 0 && len(out) >= n {
			break
		}
		var cands []*neighborCand
		for _, u := range front {
			if d > 1 && links > maxNeighborLinks {
				break // the most strongly linked parents come first
			}
			via, err := g.entity(ctx, u)
			if err != nil {
				return nil, err
			}
			coLimit := 0 // all of the entity's own neighbours
			if d > 1 {
				coLimit = maxParentCoMentions
			}
			rels, read, err := g.entityLinks(ctx, u, coLimit)
			if err != nil {
				return nil, err
			}
			links += read
			for iri, r := range rels {
				if !seen[iri] {
					cands = append(cands, &neighborCand{iri: iri, via: via, r: r})
				}
			}
		}
		// The candidates this depth shows and goes on from: the limit's
		// worth (all when there is none) and the parents of the next
		// depth, most strongly linked first, with names read only for
		// those (and those as strongly linked as the last of them).
		want := 0
		if n > 0 {
			want = n - len(out)
			if d < depth {
				want = max(want, maxNeighborExpansions)
			}
		}
		level, err := g.rankNeighbors(ctx, cands, want)
		if err != nil {
			return nil, err
		}
		var next []quad.IRI
		for _, c := range level {
			if seen[c.iri] {
				continue // reached from several parents: the strongest link counts
			}
			seen[c.iri] = true
			if n <= 0 || len(out) < n {
				out = append(out, Neighbor{Entity: c.ent, Depth: d, Relations: c.r.names(), Count: c.r.count, Via: c.via})
			}
			if len(next) < maxNeighborExpansions {
				next = append(next, c.iri)
			}
		}
		front = next
	}
	return out, nil
}

// maxNeighborLinks bounds the statements and co-mentions read to go from
// one depth to the next: the parents are taken in order until what they
// link to reaches it.
const maxNeighborLinks = 20000

// neighborCand is an entity linked to a parent (via).
type neighborCand struct {
	iri quad.IRI
	ent Entity
	via Entity
	r   *relations
}

// rankNeighbors orders candidates: most strongly linked first, then by
// name, by the name of the parent, by IRIs; it leaves out nodes that are
// no entities. When want > 0 it returns at least the first want distinct
// entities (and every other candidate as strongly linked as the last),
// reading names only for those.
func (g *Graph) rankNeighbors(ctx context.Context, cands []*neighborCand, want int) ([]*neighborCand, error) {
	sort.Slice(cands, func(i, j int) bool { return cands[i].r.count > cands[j].r.count })
	var out []*neighborCand
	distinct := map[quad.IRI]bool{}
	for i, c := range cands {
		if want > 0 && len(distinct) >= want && c.r.count != cands[i-1].r.count {
			break
		}
		ent, err := g.entity(ctx, c.iri)
		if err != nil {
			return nil, err
		}
		if ent.Type == "" {
			continue
		}
		c.ent = ent
		distinct[c.iri] = true
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.r.count != b.r.count {
			return a.r.count > b.r.count
		}
		if a.ent.Name != b.ent.Name {
			return a.ent.Name < b.ent.Name
		}
		if a.via.Name != b.via.Name {
			return a.via.Name < b.via.Name
		}
		if a.ent.ID != b.ent.ID {
			return a.ent.ID < b.ent.ID
		}
		return a.via.ID < b.via.ID
	})
	return out, nil
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

// entityLinks returns the entities linked to e and how; of those only
// co-mentioned, the coLimit most frequent (and those as frequent as the
// last) when coLimit > 0. read is the number of statements and
// co-mentioned entities it read. It reads e's
// statements and the statements about it; articles that mention e are
// read one by one when there are few, else their co-mentions come from
// the catalog's pair counts.
func (g *Graph) entityLinks(ctx context.Context, e quad.IRI, coLimit int) (map[quad.IRI]*relations, int, error) {
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
	var preds []quad.IRI
	var err error
	read := 0
	if g.r != nil {
		preds = []quad.IRI{schema.Affiliation, schema.Party}
	}
	err = g.eachQuad(ctx, quad.Object, e, func(pred quad.IRI, o quad.Value) error {
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
	}, preds...)
	if err != nil {
		return nil, 0, err
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
		return nil, 0, err
	}
	for _, r := range out {
		r.count = 1 // facts repeat once per article that states them
	}
	if g.r != nil {
		// The index's lists of statements by and about e carry their
		// speakers and mentions; the articles are not needed (co-mentions
		// come from its pair counts).
		for _, list := range []index.StatementList{{By: e}, {About: e}} {
			err := g.r.Statements(list, "", "", false, func(d index.Dated) (bool, error) {
				read++
				speakers, mentions, err := g.r.Links(d)
				if list.By != "" {
					speakers = nil
				}
				for _, sp := range speakers {
					add(sp, "spoken about by", 1)
				}
				for _, m := range mentions {
					if list.By != "" {
						add(m, "said about", 1)
					} else {
						add(m, "co-mentioned", 1)
					}
				}
				return true, err
			})
			if err != nil {
				return nil, 0, err
			}
		}
	}
	for _, st := range uniqueIRIs(by) {
		ms, err := g.outIRIs(ctx, st, schema.Mentions)
		if err != nil {
			return nil, 0, err
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
			return nil, 0, err
		}
	}
	co, err := g.coMentionCounts(ctx, e, uniqueIRIs(arts), coLimit)
	if err != nil {
		return nil, 0, err
	}
	for iri, c := range co {
		add(iri, "co-mentioned", c)
	}
	return out, read + len(by) + len(about) + len(co), nil
}

// NeighborsTable renders neighbours as rows: depth, entity, type, relations, count, via.
func NeighborsTable(ns []Neighbor) Table {
	t := Table{Header: []string{"depth", "entity", "type", "relations", "count", "via"}}
	for _, nb := range ns {
		t.Rows = append(t.Rows, []string{itoa(nb.Depth), nb.Name, nb.Type, strings.Join(nb.Relations, ", "), itoa(nb.Count), nb.Via.Name})
	}
	return t
}
