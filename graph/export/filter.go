package export

import (
	"fmt"
	"strings"

	"newsgraph/schema"
)

// NodeTypes lists the node types --type accepts.
var NodeTypes = []string{
	schema.TypePerson, schema.TypeCountry, schema.TypeOrganization, schema.TypeAgreement,
	schema.TypeLocation, schema.TypeEvent, "Thing", TypeArticle, TypeStatement,
}

// CheckTypes reports the first name --type does not accept.
func CheckTypes(names []string) error {
	_, err := typeSet(names)
	return err
}

// typeSet turns type names (any case; comma-separated lists allowed;
// "Place" for Location) into the set of node types to keep; nil keeps all.
func typeSet(names []string) (map[string]bool, error) {
	var set map[string]bool
	for _, arg := range names {
		for _, n := range strings.Split(arg, ",") {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			if strings.EqualFold(n, "place") {
				n = schema.TypeLocation
			}
			found := ""
			for _, t := range NodeTypes {
				if strings.EqualFold(n, t) {
					found = t
				}
			}
			if found == "" {
				return nil, fmt.Errorf("unknown node type %q (want %s)", n, strings.Join(NodeTypes, ", "))
			}
			if set == nil {
				set = map[string]bool{}
			}
			set[found] = true
		}
	}
	return set, nil
}

// filter keeps the nodes within opt.Depth hops of the nodes opt.Around
// names (those nodes themselves whatever their type), then the nodes of
// the kept types, and the edges and statements between kept nodes.
func (g *Graph) filter(opt Options, types map[string]bool) error {
	if opt.Around == "" && types == nil {
		return nil
	}
	keep := make([]bool, len(g.Nodes))
	var seed []bool
	if opt.Around != "" {
		seeds := g.Find(opt.Around)
		if len(seeds) == 0 {
			return fmt.Errorf("no node named %q in the %s view", opt.Around, g.View)
		}
		depth := opt.Depth
		if depth <= 0 {
			depth = 1
		}
		seed = make([]bool, len(g.Nodes))
		for _, s := range seeds {
			seed[s] = true
		}
		g.reach(seeds, depth, keep)
	} else {
		for i := range keep {
			keep[i] = true
		}
	}
	if types != nil {
		for i := range keep {
			if keep[i] && !types[g.Nodes[i].Type] && (seed == nil || !seed[i]) {
				keep[i] = false
			}
		}
	}
	g.compact(keep)
	return nil
}

// Find returns the indexes of the nodes whose IRI, name or alternate name
// is name (names compared as schema.Normalize folds them).
func (g *Graph) Find(name string) []int {
	want := schema.Normalize(name)
	var out []int
	for i := range g.Nodes {
		n := &g.Nodes[i]
		match := n.ID == name || (want != "" && schema.Normalize(n.Label) == want)
		for _, a := range n.Aliases {
			if match {
				break
			}
			match = want != "" && schema.Normalize(a) == want
		}
		if match {
			out = append(out, i)
		}
	}
	return out
}

// reach marks in keep the nodes within depth hops of seeds, following
// edges either way.
func (g *Graph) reach(seeds []int, depth int, keep []bool) {
	// Adjacency in compressed rows: off[i]..off[i+1] index adj.
	off := make([]int32, len(g.Nodes)+1)
	for _, e := range g.Edges {
		off[e.Source+1]++
		off[e.Target+1]++
	}
	for i := 1; i < len(off); i++ {
		off[i] += off[i-1]
	}
	adj := make([]int32, off[len(off)-1])
	fill := append([]int32(nil), off[:len(g.Nodes)]...)
	for _, e := range g.Edges {
		adj[fill[e.Source]] = int32(e.Target)
		fill[e.Source]++
		adj[fill[e.Target]] = int32(e.Source)
		fill[e.Target]++
	}
	frontier := append([]int(nil), seeds...)
	for _, s := range seeds {
		keep[s] = true
	}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []int
		for _, n := range frontier {
			for _, m := range adj[off[n]:off[n+1]] {
				if !keep[m] {
					keep[m] = true
					next = append(next, int(m))
				}
			}
		}
		frontier = next
	}
}

// compact drops the nodes keep leaves out, the edges that touch them, and
// the statements with neither speaker nor mention left.
func (g *Graph) compact(keep []bool) {
	renum := make([]int, len(g.Nodes))
	nodes := g.Nodes[:0]
	for i := range g.Nodes {
		if !keep[i] {
			renum[i] = -1
			continue
		}
		renum[i] = len(nodes)
		nodes = append(nodes, g.Nodes[i])
	}
	g.Nodes = nodes
	edges := g.Edges[:0]
	for _, e := range g.Edges {
		if renum[e.Source] < 0 || renum[e.Target] < 0 {
			continue
		}
		e.Source, e.Target = renum[e.Source], renum[e.Target]
		edges = append(edges, e)
	}
	g.Edges = edges
	stmts := g.Statements[:0]
	for _, s := range g.Statements {
		if s.Speaker >= 0 {
			s.Speaker = renum[s.Speaker]
		}
		ms := s.Mentions[:0]
		for _, m := range s.Mentions {
			if renum[m] >= 0 {
				ms = append(ms, renum[m])
			}
		}
		s.Mentions = ms
		if s.Speaker >= 0 || len(s.Mentions) > 0 {
			stmts = append(stmts, s)
		}
	}
	g.Statements = stmts
}
