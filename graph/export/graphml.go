package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
)

// writeGraphML writes the view as GraphML: every attribute declared as a
// typed key, node ids are IRIs, edges carry ids e0, e1, ...
func writeGraphML(ctx context.Context, dst Destination, g *Graph) error {
	w, err := create(dst, "")
	if err != nil {
		return err
	}
	nattrs := nodeAttrs(g.View)
	w.WriteString(xml.Header)
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	fmt.Fprintf(w, "  <desc>newsgraph %s view</desc>\n", g.View)
	for _, a := range nattrs {
		fmt.Fprintf(w, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"><desc>%s</desc></key>\n", a.Name, a.Name, a.Type, xmlText(a.Doc))
	}
	for _, a := range edgeAttrs {
		fmt.Fprintf(w, "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"><desc>%s</desc></key>\n", a.Name, a.Name, a.Type, xmlText(a.Doc))
	}
	fmt.Fprintf(w, "  <graph id=\"newsgraph-%s\" edgedefault=\"directed\">\n", g.View)
	for i := range g.Nodes {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n := &g.Nodes[i]
		fmt.Fprintf(w, "    <node id=\"%s\">", xmlText(n.ID))
		for _, a := range nattrs {
			writeGraphMLData(w, "n_"+a.Name, a.node(n))
		}
		w.WriteString("</node>\n")
	}
	for i := range g.Edges {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e := &g.Edges[i]
		fmt.Fprintf(w, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">", i, xmlText(g.Nodes[e.Source].ID), xmlText(g.Nodes[e.Target].ID))
		for _, a := range edgeAttrs {
			writeGraphMLData(w, "e_"+a.Name, a.edge(e))
		}
		w.WriteString("</edge>\n")
	}
	w.WriteString("  </graph>\n</graphml>\n")
	return w.Flush()
}

func writeGraphMLData(w io.Writer, key, v string) {
	if v == "" {
		return
	}
	fmt.Fprintf(w, "<data key=\"%s\">%s</data>", key, xmlText(v))
}

// xmlText escapes s for XML text and attribute values; characters XML
// cannot hold become U+FFFD.
func xmlText(s string) string {
	var b bytesBuffer
	xml.EscapeText(&b, []byte(s))
	return string(b)
}

type bytesBuffer []byte

func (b *bytesBuffer) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}
