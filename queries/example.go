package queries

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"newsgraph/schema"
)

// Example is a question asked of a graph and its answer, shown by
// `newsgraph demo` to teach what the graph can do.
type Example struct {
	Question string
	Command  string
	Answer   Table
}

// ExampleQuery asks who the most frequent speaker is and what it said: the
// answer `newsgraph query statements --by NAME` gives. It returns nil when
// the graph has no statements.
func ExampleQuery(ctx context.Context, qs cgraph.QuadStore) (*Example, error) {
	g := New(qs, Options{})
	top, err := g.Speakers(ctx, "", 1)
	if err != nil || len(top) == 0 {
		return nil, err
	}
	sp := top[0]
	// By node, not by name: two entities may share a name.
	sts, err := g.inIRIs(ctx, quad.IRI(sp.ID), schema.Speaker)
	if err != nil {
		return nil, err
	}
	ss, err := g.readStatements(ctx, sts, false, 0, nil, nil)
	if err != nil {
		return nil, err
	}
	ex := &Example{
		Question: fmt.Sprintf("What did %s, the most frequent speaker, say?", sp.Name),
		Command:  fmt.Sprintf("newsgraph query statements --by %q", sp.Name),
		Answer:   Table{Header: []string{"date", "act", "kind", "text"}},
	}
	for _, s := range ss {
		ex.Answer.Rows = append(ex.Answer.Rows, []string{s.Date, s.Act, s.Kind, s.Text})
	}
	return ex, nil
}
