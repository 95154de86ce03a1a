package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"newsgraph/schema"
)

// Path is one shortest connection between two entities.
type Path struct {
	Length int        `json:"length"` // number of hops
	Text   string     `json:"text"`   // readable: "Jean-Yves Le Drian -said-> statement -mentions-> Iran"
	Nodes  []PathNode `json:"nodes"`  // Length+1 nodes, from the first entity to the second
	Hops   []Hop      `json:"hops"`   // hops[i] links nodes[i] and nodes[i+1]
}

// PathNode is a node on a path.
type PathNode struct {
	ID   string `json:"id"`   // node IRI
	Kind string `json:"kind"` // entity, statement, article or role
	Name string `json:"name"` // entity name, statement text, article title or role title
	Type string `json:"type"` // entity type; "" for other kinds
}

// Hop is one edge of a path.
type Hop struct {
	Label     string `json:"label"`     // readable predicate: said, mentions, part of, published by, holds, at, in, affiliated with, party
	Predicate string `json:"predicate"` // predicate IRI of the quad
	Reverse   bool   `json:"reverse"`   // the quad points from nodes[i+1] to nodes[i]
}

// linkPredicates are the predicates paths and neighbourhoods follow, with
// their readable labels; rdf:type and literal values are not followed.
var linkPredicates = map[quad.IRI]string{
	schema.Speaker:     "said",
	schema.Mentions:    "mentions",
	schema.IsPartOf:    "part of",
	schema.Publisher:   "published by",
	schema.HasRole:     "holds",
	schema.RoleOrg:     "at",
	schema.RoleCountry: "in",
	schema.Affiliation: "affiliated with",
	schema.Party:       "party",
}

var linkPredicateList = func() []quad.IRI {
	var out []quad.IRI
	for p := range linkPredicates {
		out = append(out, p)
	}
	return out
}()

// link is an edge from a node: to the node at the other end, by the quad's
// predicate; forward when the node is the quad's subject.
type link struct {
	to      quad.IRI
	pred    quad.IRI
	forward bool
}

// maxPathVisits bounds the nodes a path search visits before it gives up.
const maxPathVisits = 200000

// ErrNoPath says that no path within the depth asked for exists.
var ErrNoPath = errors.New("no path")

// Paths returns the shortest paths (at most n; 0: 10) of at most maxDepth
// hops between the entities named a and b. It searches from both ends at
// once, always widening the smaller frontier, so that it reads the
// neighbourhoods of the two entities rather than the graph.
func (g *Graph) Paths(ctx context.Context, a, b string, maxDepth, n int) ([]Path, error) {
	var out []Path
	err := g.view(func() error {
		var err error
		out, err = g.paths(ctx, a, b, maxDepth, n)
		return err
	})
	return out, err
}

func (g *Graph) paths(ctx context.Context, a, b string, maxDepth, n int) ([]Path, error) {
	if maxDepth <= 0 {
		maxDepth = 4
	}
	if n <= 0 {
		n = 10
	}
	ea, err := g.Lookup(ctx, a)
	if err != nil {
		return nil, err
	}
	eb, err := g.Lookup(ctx, b)
	if err != nil {
		return nil, err
	}
	from, to := quad.IRI(ea.ID), quad.IRI(eb.ID)
	if from == to {
		node, err := g.pathNode(ctx, from)
		if err != nil {
			return nil, err
		}
		return []Path{{Length: 0, Text: node.Name, Nodes: []PathNode{node}, Hops: []Hop{}}}, nil
	}
	type step struct {
		prev quad.IRI
		l    link // from prev to this node
	}
	type side struct {
		dist  map[quad.IRI]int
		par   map[quad.IRI][]step
		front []quad.IRI
		depth int
	}
	newSide := func(start quad.IRI) *side {
		return &side{dist: map[quad.IRI]int{start: 0}, par: map[quad.IRI][]step{}, front: []quad.IRI{start}}
	}
	sa, sb := newSide(from), newSide(to)
	visits := 0
	var meet []quad.IRI
	for sa.depth+sb.depth < maxDepth && len(meet) == 0 {
		x, other := sa, sb
		if len(sb.front) < len(sa.front) {
			x, other = sb, sa
		}
		var next []quad.IRI
		for _, u := range x.front {
			ls, err := g.links(ctx, u)
			if err != nil {
				return nil, err
			}
			visits += len(ls)
			for _, l := range ls {
				d, seen := x.dist[l.to]
				switch {
				case !seen:
					x.dist[l.to] = x.depth + 1
					next = append(next, l.to)
				case d != x.depth+1:
					continue
				}
				x.par[l.to] = append(x.par[l.to], step{u, l})
			}
			if visits > maxPathVisits {
				return nil, fmt.Errorf("%w between %s and %s: the search stopped after %d links, at %d hops", ErrNoPath, ea.Name, eb.Name, visits, sa.depth+sb.depth)
			}
		}
		x.depth++
		x.front = next
		best := -1
		for _, v := range next {
			if d, ok := other.dist[v]; ok {
				total := x.dist[v] + d
				switch {
				case best < 0 || total < best:
					best, meet = total, []quad.IRI{v}
				case total == best:
					meet = append(meet, v)
				}
			}
		}
		if len(next) == 0 {
			break
		}
	}
	if len(meet) == 0 {
		return nil, fmt.Errorf("%w between %s and %s within %d hops", ErrNoPath, ea.Name, eb.Name, maxDepth)
	}
	sort.Slice(meet, func(i, j int) bool { return meet[i] < meet[j] })

	// Enumerate the paths through each meeting node: chains back to a
	// from sa's parents, forward to b from sb's.
	type chain struct {
		nodes []quad.IRI
		links []link // links[i] goes from nodes[i] to nodes[i+1]
	}
	var back func(s *side, v quad.IRI, budget int) []chain
	back = func(s *side, v quad.IRI, budget int) []chain {
		if len(s.par[v]) == 0 {
			return []chain{{nodes: []quad.IRI{v}}}
		}
		var out []chain
		for _, p := range s.par[v] {
			for _, c := range back(s, p.prev, budget-len(out)) {
				out = append(out, chain{
					nodes: append(append([]quad.IRI{}, c.nodes...), v),
					links: append(append([]link{}, c.links...), p.l),
				})
				if len(out) >= budget {
					return out
				}
			}
		}
		return out
	}
	var chains []chain
	for _, m := range meet {
		left := back(sa, m, n)
		right := back(sb, m, n) // from b to m
		for _, l := range left {
			for _, r := range right {
				c := chain{nodes: append([]quad.IRI{}, l.nodes...), links: append([]link{}, l.links...)}
				for i := len(r.nodes) - 2; i >= 0; i-- {
					rl := r.links[i]
					c.nodes = append(c.nodes, r.nodes[i])
					// r.links[i] goes from r.nodes[i] to r.nodes[i+1]; walk it backwards.
					c.links = append(c.links, link{to: r.nodes[i], pred: rl.pred, forward: !rl.forward})
				}
				chains = append(chains, c)
			}
		}
	}
	var out []Path
	for _, c := range chains {
		p := Path{Length: len(c.links), Hops: []Hop{}}
		var text strings.Builder
		for i, iri := range c.nodes {
			node, err := g.pathNode(ctx, iri)
			if err != nil {
				return nil, err
			}
			p.Nodes = append(p.Nodes, node)
			if i > 0 {
				l := c.links[i-1]
				h := Hop{Label: linkPredicates[l.pred], Predicate: string(l.pred), Reverse: !l.forward}
				p.Hops = append(p.Hops, h)
				// The speaker quad points from statement to speaker; it
				// reads the other way round: speaker -said-> statement.
				arrowForward := l.forward
				if l.pred == schema.Speaker {
					arrowForward = !arrowForward
				}
				if arrowForward {
					fmt.Fprintf(&text, " -%s-> ", h.Label)
				} else {
					fmt.Fprintf(&text, " <-%s- ", h.Label)
				}
			}
			text.WriteString(node.label())
		}
		p.Text = text.String()
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return limit(out, n), nil
}

func (n PathNode) label() string {
	if n.Kind == "entity" {
		return n.Name
	}
	return n.Kind
}

// links returns the edges of a node through the link predicates, both
// ways, sorted so that searches are deterministic.
func (g *Graph) links(ctx context.Context, n quad.IRI) ([]link, error) {
	seen := map[link]bool{}
	var out []link
	add := func(l link) {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		err := g.eachQuad(ctx, dir, n, func(pred quad.IRI, v quad.Value) error {
			if to, ok := v.(quad.IRI); ok {
				add(link{to: to, pred: pred, forward: dir == quad.Subject})
			}
			return nil
		}, linkPredicateList...)
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.to != b.to {
			return a.to < b.to
		}
		if a.pred != b.pred {
			return a.pred < b.pred
		}
		return a.forward && !b.forward
	})
	return out, nil
}

// pathNode describes a node on a path.
func (g *Graph) pathNode(ctx context.Context, iri quad.IRI) (PathNode, error) {
	switch {
	case isStatement(iri):
		text, err := g.firstString(ctx, iri, schema.Text)
		return PathNode{ID: string(iri), Kind: "statement", Name: text}, err
	case isArticle(iri):
		a, err := g.article(ctx, iri)
		name := a.Title
		if name == "" {
			name = a.Label()
		}
		return PathNode{ID: string(iri), Kind: "article", Name: name}, err
	case isRole(iri):
		title, err := g.firstString(ctx, iri, schema.RoleName)
		return PathNode{ID: string(iri), Kind: "role", Name: title}, err
	}
	e, err := g.entity(ctx, iri)
	return PathNode{ID: string(iri), Kind: "entity", Name: e.Name, Type: e.Type}, err
}

// PathsTable renders paths as rows: hops and the readable path.
func PathsTable(ps []Path) Table {
	t := Table{Header: []string{"hops", "path"}}
	for _, p := range ps {
		t.Rows = append(t.Rows, []string{itoa(p.Length), p.Text})
	}
	return t
}
