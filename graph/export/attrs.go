package export

import (
	"strconv"
	"strings"
)

// attr is one declared node or edge attribute of the graph formats.
type attr struct {
	Name string
	Type string // "string" or "int"
	Doc  string
	node func(n *Node) string
	edge func(e *Edge) string
}

// listSep joins list values (aliases, article IRIs) in single-valued
// attributes; CSV uses Neo4j's array delimiter instead.
const listSep = "|"

func itoa(n int) string { return strconv.Itoa(n) }

// nodeAttrs are the node attributes of a view, besides the node's id.
func nodeAttrs(view string) []attr {
	as := []attr{
		{Name: "label", Type: "string", Doc: "canonical name", node: func(n *Node) string { return n.Label }},
		{Name: "type", Type: "string", Doc: "node type", node: func(n *Node) string { return n.Type }},
		{Name: "aliases", Type: "string", Doc: "other names, |-separated", node: func(n *Node) string { return strings.Join(n.Aliases, listSep) }},
		{Name: "statements", Type: "int", Doc: "statements an entity made or an article holds", node: func(n *Node) string { return itoa(n.Statements) }},
		{Name: "mentioned", Type: "int", Doc: "statements that mention the entity", node: func(n *Node) string { return itoa(n.Mentioned) }},
		{Name: "articles", Type: "int", Doc: "articles that mention the entity", node: func(n *Node) string { return itoa(n.Articles) }},
		{Name: "first", Type: "string", Doc: "first date (YYYY-MM-DD)", node: func(n *Node) string { return n.First.String() }},
		{Name: "last", Type: "string", Doc: "last date (YYYY-MM-DD)", node: func(n *Node) string { return n.Last.String() }},
	}
	if view == ViewFull {
		as = append(as,
			attr{Name: "text", Type: "string", Doc: "a statement's words or an article's headline", node: func(n *Node) string { return n.Text }},
			attr{Name: "kind", Type: "string", Doc: "a statement's kind", node: func(n *Node) string { return n.Kind }},
		)
	}
	return as
}

// edgeAttrs are the edge attributes, besides source and target.
var edgeAttrs = []attr{
	{Name: "relation", Type: "string", Doc: "speaks_about, role, party, speaker, mentions, part_of, publisher", edge: func(e *Edge) string { return e.Relation }},
	{Name: "label", Type: "string", Doc: "role titles, else the relation in words", edge: func(e *Edge) string { return e.Label }},
	{Name: "weight", Type: "int", Doc: "statements (speaks_about) or articles (role, party) behind the edge", edge: func(e *Edge) string { return itoa(e.Weight) }},
	{Name: "first", Type: "string", Doc: "first date (YYYY-MM-DD)", edge: func(e *Edge) string { return e.First.String() }},
	{Name: "last", Type: "string", Doc: "last date (YYYY-MM-DD)", edge: func(e *Edge) string { return e.Last.String() }},
	{Name: "articles", Type: "string", Doc: "IRIs of the articles behind the edge, |-separated", edge: func(e *Edge) string { return strings.Join(e.Articles, listSep) }},
}

// typeColors colour nodes by type in DOT and HTML.
var typeColors = map[string]string{
	"Person":       "#4e79a7",
	"Country":      "#59a14f",
	"Organization": "#f28e2b",
	"Agreement":    "#e15759",
	"Location":     "#76b7b2",
	"Event":        "#edc948",
	"Thing":        "#bab0ac",
	TypeArticle:    "#9c755f",
	TypeStatement:  "#b07aa1",
}

func colorOf(t string) string {
	if c, ok := typeColors[t]; ok {
		return c
	}
	return "#bab0ac"
}
