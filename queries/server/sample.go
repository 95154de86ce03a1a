package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"newsgraph/graph"
	"newsgraph/schema"
)

// Sample is the Gizmo query the UI's editor starts with.
type Sample struct {
	Query string
	// Speaker is the name of the most frequent speaker the query asks
	// about, and Statements how many statements the graph gives it; ""
	// and 0 when the graph has no statements.
	Speaker    string
	SpeakerIRI string
	Statements int64
}

// Describe says in a few words what the sample query asks.
func (s Sample) Describe() string {
	if s.Speaker == "" {
		return "a look at the first nodes (the graph has no statements yet)"
	}
	return fmt.Sprintf("the statements of %s, the most frequent speaker (%d)", s.Speaker, s.Statements)
}

// SampleQuery builds a Gizmo query for this graph: the statements of its
// most frequent speaker, with their kind and text. A graph without
// statements gets a query that lists some nodes.
func SampleQuery(ctx context.Context, qs cgraph.QuadStore) (Sample, error) {
	counts := map[quad.IRI]int64{}
	err := graph.EachQuad(ctx, qs, quad.Predicate, schema.Speaker, func(q quad.Quad) error {
		if iri, ok := q.Object.(quad.IRI); ok {
			counts[iri]++
		}
		return nil
	})
	if err != nil {
		return Sample{}, fmt.Errorf("count statements by speaker: %w", err)
	}
	var top quad.IRI
	for iri, n := range counts {
		if n > counts[top] || (n == counts[top] && iri < top) {
			top = iri
		}
	}
	if top == "" {
		return Sample{Query: "// This graph has no statements yet; `newsgraph ingest` adds articles.\n" +
			"// Run the query with the Run button or Ctrl+Enter.\n" +
			"g.V().getLimit(20)\n"}, nil
	}
	name, _, err := graph.NodeName(ctx, qs, top)
	if err != nil {
		return Sample{}, fmt.Errorf("name of %s: %w", top, err)
	}
	if name == "" {
		name = string(top)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "// What did %s, the most frequent speaker in this graph, say?\n", oneLine(name))
	b.WriteString("// Run the query with the Run button or Ctrl+Enter; open /?sample to get it back.\n")
	fmt.Fprintf(&b, "g.V(%s)\n", jsString(top.String()))
	fmt.Fprintf(&b, "  .in(%s).tag(\"statement\")\n", jsString(schema.Speaker.String()))
	fmt.Fprintf(&b, "  .saveOpt(%s, \"kind\")\n", jsString(schema.Kind.String()))
	fmt.Fprintf(&b, "  .out(%s)\n", jsString(schema.Text.String()))
	b.WriteString("  .all()\n")
	return Sample{Query: b.String(), Speaker: name, SpeakerIRI: string(top), Statements: counts[top]}, nil
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// oneLine keeps a name from ending the comment line it is printed in.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
