package export

import (
	"context"
	"encoding/json"
	"fmt"
)

// cyNode is the data of one node in Cytoscape.js JSON. name repeats the
// label because Cytoscape desktop labels nodes by name.
type cyNode struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Label      string   `json:"label"`
	Type       string   `json:"type"`
	Aliases    []string `json:"aliases"`
	Statements int      `json:"statements"`
	Mentioned  int      `json:"mentioned"`
	Articles   int      `json:"articles"`
	First      string   `json:"first,omitempty"`
	Last       string   `json:"last,omitempty"`
	Text       string   `json:"text,omitempty"`
	Kind       string   `json:"kind,omitempty"`
}

// cyEdge is the data of one edge; interaction repeats the relation because
// Cytoscape desktop calls an edge's type its interaction.
type cyEdge struct {
	ID          string   `json:"id"`
	Source      string   `json:"source"`
	Target      string   `json:"target"`
	Relation    string   `json:"relation"`
	Interaction string   `json:"interaction"`
	Label       string   `json:"label"`
	Weight      int      `json:"weight"`
	First       string   `json:"first,omitempty"`
	Last        string   `json:"last,omitempty"`
	Articles    []string `json:"articles"`
}

// writeCytoscape writes the view in the JSON that cytoscape({elements})
// and Cytoscape desktop's .cyjs import read: {data, elements: {nodes,
// edges}}, every element as {data: {...}}, one element per line.
func writeCytoscape(ctx context.Context, dst Destination, g *Graph) error {
	w, err := create(dst, "")
	if err != nil {
		return err
	}
	head, _ := json.Marshal(map[string]string{"name": "newsgraph " + g.View + " view", "view": g.View})
	fmt.Fprintf(w, "{\"format_version\":\"1.0\",\"generated_by\":\"newsgraph\",\"target_cytoscapejs_version\":\"~3\",\n\"data\":%s,\n\"elements\":{\"nodes\":[", head)
	for i := range g.Nodes {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b, err := json.Marshal(struct {
			Data cyNode `json:"data"`
		}{cyNodeOf(&g.Nodes[i])})
		if err != nil {
			return err
		}
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n")
		w.Write(b)
	}
	w.WriteString("\n],\"edges\":[")
	for i := range g.Edges {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e := &g.Edges[i]
		b, err := json.Marshal(struct {
			Data cyEdge `json:"data"`
		}{cyEdge{
			ID: fmt.Sprintf("e%d", i), Source: g.Nodes[e.Source].ID, Target: g.Nodes[e.Target].ID,
			Relation: e.Relation, Interaction: e.Relation, Label: e.Label, Weight: e.Weight,
			First: e.First.String(), Last: e.Last.String(), Articles: nonNil(e.Articles),
		}})
		if err != nil {
			return err
		}
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n")
		w.Write(b)
	}
	w.WriteString("\n]}}\n")
	return w.Flush()
}

func cyNodeOf(n *Node) cyNode {
	return cyNode{
		ID: n.ID, Name: n.Label, Label: n.Label, Type: n.Type, Aliases: nonNil(n.Aliases),
		Statements: n.Statements, Mentioned: n.Mentioned, Articles: n.Articles,
		First: n.First.String(), Last: n.Last.String(), Text: n.Text, Kind: n.Kind,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
