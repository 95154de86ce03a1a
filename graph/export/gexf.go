package export

import (
	"context"
	"fmt"
)

// writeGEXF writes the view as dynamic GEXF 1.2: nodes and edges carry
// start and end dates (their first and last facts) so that Gephi's
// timeline filters them; weight and label are GEXF's own edge attributes,
// the rest are declared attributes.
func writeGEXF(ctx context.Context, dst Destination, g *Graph) error {
	w, err := create(dst, "")
	if err != nil {
		return err
	}
	nattrs := without(nodeAttrs(g.View), "label", "first", "last")
	eattrs := without(edgeAttrs, "label", "weight", "first", "last")
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
  <meta>
    <creator>newsgraph</creator>
`)
	fmt.Fprintf(w, "    <description>newsgraph %s view</description>\n  </meta>\n", g.View)
	w.WriteString(`  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">` + "\n")
	w.WriteString(`    <attributes class="node" mode="static">` + "\n")
	for _, a := range nattrs {
		fmt.Fprintf(w, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a.Name, a.Name, gexfType(a.Type))
	}
	w.WriteString("    </attributes>\n" + `    <attributes class="edge" mode="static">` + "\n")
	for _, a := range eattrs {
		fmt.Fprintf(w, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a.Name, a.Name, gexfType(a.Type))
	}
	w.WriteString("    </attributes>\n    <nodes>\n")
	for i := range g.Nodes {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n := &g.Nodes[i]
		fmt.Fprintf(w, "      <node id=\"%s\" label=\"%s\"%s><attvalues>", xmlText(n.ID), xmlText(n.Label), gexfSpan(n.First, n.Last))
		for _, a := range nattrs {
			if v := a.node(n); v != "" {
				fmt.Fprintf(w, "<attvalue for=\"%s\" value=\"%s\"/>", a.Name, xmlText(v))
			}
		}
		w.WriteString("</attvalues></node>\n")
	}
	w.WriteString("    </nodes>\n    <edges>\n")
	for i := range g.Edges {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e := &g.Edges[i]
		fmt.Fprintf(w, "      <edge id=\"e%d\" source=\"%s\" target=\"%s\" label=\"%s\" weight=\"%d\"%s><attvalues>",
			i, xmlText(g.Nodes[e.Source].ID), xmlText(g.Nodes[e.Target].ID), xmlText(e.Label), e.Weight, gexfSpan(e.First, e.Last))
		for _, a := range eattrs {
			if v := a.edge(e); v != "" {
				fmt.Fprintf(w, "<attvalue for=\"%s\" value=\"%s\"/>", a.Name, xmlText(v))
			}
		}
		w.WriteString("</attvalues></edge>\n")
	}
	w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return w.Flush()
}

// gexfSpan writes the start and end attributes of a dated element.
func gexfSpan(first, last Day) string {
	s := ""
	if first != 0 {
		s += fmt.Sprintf(" start=\"%s\"", first)
	}
	if last != 0 {
		s += fmt.Sprintf(" end=\"%s\"", last)
	}
	return s
}

func gexfType(t string) string {
	if t == "int" {
		return "integer"
	}
	return t
}

func without(as []attr, names ...string) []attr {
	var out []attr
next:
	for _, a := range as {
		for _, n := range names {
			if a.Name == n {
				continue next
			}
		}
		out = append(out, a)
	}
	return out
}
