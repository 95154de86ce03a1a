package export

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
)

// The viewer embeds Cytoscape.js (MIT, assets/cytoscape.LICENSE), copied
// as built from npm's cytoscape package, so pages open without a network.
var (
	//go:embed assets/cytoscape.min.js
	cytoscapeJS string
	//go:embed assets/cytoscape.LICENSE
	cytoscapeLicense string
	//go:embed assets/viewer.js
	viewerJS string
	//go:embed assets/viewer.css
	viewerCSS string
)

type htmlNode struct {
	ID         string   `json:"id"`
	Label      string   `json:"label"`
	Type       string   `json:"type"`
	Aliases    []string `json:"aliases"`
	Statements int      `json:"statements"`
	Mentioned  int      `json:"mentioned"`
	Articles   int      `json:"articles"`
	First      string   `json:"first,omitempty"`
	Last       string   `json:"last,omitempty"`
	Text       string   `json:"text,omitempty"`
}

type htmlEdge struct {
	Source   string `json:"source"`
	Target   string `json:"target"`
	Relation string `json:"relation"`
	Label    string `json:"label"`
	Weight   int    `json:"weight"`
}

type htmlStatement struct {
	Text     string `json:"text"`
	Kind     string `json:"kind,omitempty"`
	Date     string `json:"date,omitempty"`
	Speaker  int    `json:"speaker"`
	Mentions []int  `json:"mentions"`
	Title    string `json:"title,omitempty"`
}

// writeHTML writes one self-contained page: Cytoscape.js, the view as JSON
// (escaped so that no "</script>" can end it early), and the viewer.
func writeHTML(ctx context.Context, dst Destination, g *Graph) error {
	w, err := create(dst, "")
	if err != nil {
		return err
	}
	title := html.EscapeString("newsgraph: " + g.View + " view")
	fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsgraph">
<title>%s</title>
<style>
%s</style>
</head>
<body>
<header><h1>%s</h1><input id="search" type="search" placeholder="Search names and aliases" aria-label="Search names and aliases"><span id="count"></span><div id="legend"></div></header>
<main><div id="cy"></div><aside id="panel"><p class="hint">Click a node to see its statements.</p></aside></main>
<!-- Cytoscape.js, embedded under its license:
%s-->
<script>
`, title, viewerCSS, title, html.EscapeString(cytoscapeLicense))
	w.WriteString(cytoscapeJS)
	w.WriteString("\n</script>\n<script type=\"application/json\" id=\"newsgraph-data\">\n")
	colors, _ := json.Marshal(typeColors)
	fmt.Fprintf(w, "{\"view\":%q,\"colors\":%s,\n\"nodes\":[", g.View, colors)
	write := func(i int, v any) error {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b, err := json.Marshal(v) // escapes <, > and &: safe inside <script>
		if err != nil {
			return err
		}
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteByte('\n')
		w.Write(b)
		return nil
	}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		err := write(i, htmlNode{ID: n.ID, Label: n.Label, Type: n.Type, Aliases: nonNil(n.Aliases),
			Statements: n.Statements, Mentioned: n.Mentioned, Articles: n.Articles,
			First: n.First.String(), Last: n.Last.String(), Text: n.Text})
		if err != nil {
			return err
		}
	}
	w.WriteString("],\n\"edges\":[")
	for i := range g.Edges {
		e := &g.Edges[i]
		err := write(i, htmlEdge{Source: g.Nodes[e.Source].ID, Target: g.Nodes[e.Target].ID,
			Relation: e.Relation, Label: e.Label, Weight: e.Weight})
		if err != nil {
			return err
		}
	}
	w.WriteString("],\n\"statements\":[")
	for i := range g.Statements {
		s := &g.Statements[i]
		ms := s.Mentions
		if ms == nil {
			ms = []int{}
		}
		err := write(i, htmlStatement{Text: s.Text, Kind: s.Kind, Date: s.Date.String(),
			Speaker: s.Speaker, Mentions: ms, Title: s.Title})
		if err != nil {
			return err
		}
	}
	w.WriteString("]}\n</script>\n<script>\n")
	w.WriteString(viewerJS)
	w.WriteString("</script>\n</body>\n</html>\n")
	return w.Flush()
}
