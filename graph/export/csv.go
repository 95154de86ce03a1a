package export

import (
	"context"
	"encoding/csv"
	"strings"
)

// neo4jArraySep is neo4j-admin import's default array delimiter.
const neo4jArraySep = ";"

// writeCSV writes nodes.csv and edges.csv with neo4j-admin import headers:
//
//	nodes.csv  id:ID, :LABEL (the node type), name, aliases:string[], the counts as :int, first:date, last:date (full view: text, kind)
//	edges.csv  :START_ID, :END_ID, :TYPE (the relation in upper case), relation, label, weight:int, first:date, last:date, articles:string[]
//
// Arrays use Neo4j's default delimiter ";" (a ";" inside a name becomes
// ","), so `neo4j-admin database import full --nodes=nodes.csv
// --relationships=edges.csv` needs no options.
func writeCSV(ctx context.Context, dst Destination, g *Graph) error {
	nw, err := create(dst, "nodes.csv")
	if err != nil {
		return err
	}
	c := csv.NewWriter(nw)
	head := []string{"id:ID", ":LABEL", "name", "aliases:string[]", "statements:int", "mentioned:int", "articles:int", "first:date", "last:date"}
	full := g.View == ViewFull
	if full {
		head = append(head, "text", "kind")
	}
	c.Write(head)
	for i := range g.Nodes {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n := &g.Nodes[i]
		row := []string{n.ID, n.Type, n.Label, neo4jArray(n.Aliases), itoa(n.Statements), itoa(n.Mentioned), itoa(n.Articles), n.First.String(), n.Last.String()}
		if full {
			row = append(row, n.Text, n.Kind)
		}
		c.Write(row)
	}
	c.Flush()
	if err := c.Error(); err != nil {
		return err
	}
	if err := nw.Flush(); err != nil {
		return err
	}

	ew, err := create(dst, "edges.csv")
	if err != nil {
		return err
	}
	c = csv.NewWriter(ew)
	c.Write([]string{":START_ID", ":END_ID", ":TYPE", "relation", "label", "weight:int", "first:date", "last:date", "articles:string[]"})
	for i := range g.Edges {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e := &g.Edges[i]
		c.Write([]string{g.Nodes[e.Source].ID, g.Nodes[e.Target].ID, strings.ToUpper(e.Relation), e.Relation, e.Label,
			itoa(e.Weight), e.First.String(), e.Last.String(), neo4jArray(e.Articles)})
	}
	c.Flush()
	if err := c.Error(); err != nil {
		return err
	}
	return ew.Flush()
}

func neo4jArray(s []string) string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = strings.ReplaceAll(x, neo4jArraySep, ",")
	}
	return strings.Join(out, neo4jArraySep)
}
