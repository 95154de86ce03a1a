package export

import (
	"context"
	"fmt"
	"math"
	"strings"
)

// writeDOT writes the view as a Graphviz digraph: nodes filled with the
// colour of their type and labelled by name, edges labelled by relation
// (or role titles) with their weight as Graphviz weight and pen width.
// Every attribute is written too, so `gvpr` and other tools can read them.
func writeDOT(ctx context.Context, dst Destination, g *Graph) error {
	w, err := create(dst, "")
	if err != nil {
		return err
	}
	nattrs := nodeAttrs(g.View)
	fmt.Fprintf(w, "digraph %s {\n", dotID("newsgraph "+g.View+" view"))
	w.WriteString(`  graph [charset="UTF-8", rankdir=LR, overlap=false, splines=true];
  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=10, penwidth=0.5];
  edge [fontname="DejaVu Sans", fontsize=8, color="#666666", fontcolor="#444444"];
`)
	for i := range g.Nodes {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n := &g.Nodes[i]
		fmt.Fprintf(w, "  %s [fillcolor=%s", dotID(n.ID), dotID(colorOf(n.Type)))
		for _, a := range nattrs {
			if v := a.node(n); v != "" {
				fmt.Fprintf(w, ", %s=%s", a.Name, dotID(v))
			}
		}
		w.WriteString("];\n")
	}
	for i := range g.Edges {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e := &g.Edges[i]
		pen := 1 + math.Log2(float64(max(e.Weight, 1)))
		fmt.Fprintf(w, "  %s -> %s [penwidth=%.2f", dotID(g.Nodes[e.Source].ID), dotID(g.Nodes[e.Target].ID), pen)
		for _, a := range edgeAttrs {
			if v := a.edge(e); v != "" {
				fmt.Fprintf(w, ", %s=%s", a.Name, dotID(v))
			}
		}
		w.WriteString("];\n")
	}
	w.WriteString("}\n")
	return w.Flush()
}

// dotID quotes s as a DOT string: quotes and backslashes escaped, line
// breaks as \n (which labels show as line breaks).
func dotID(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			if r < 0x20 {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
