package queries

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"newsgraph/graph"
	"newsgraph/schema"
)

// Example is a question asked of a graph and its answer, shown by
// `newsgraph demo` to teach what the graph can do.
type Example struct {
	Question string
	Command  string
	Answer   Table
}

// ExampleQuery asks who the most frequent speaker is and what it said.
func ExampleQuery(ctx context.Context, qs cgraph.QuadStore) (*Example, error) {
	st, err := graph.ComputeStats(ctx, qs, 1)
	if err != nil {
		return nil, err
	}
	if len(st.TopSpeakers) == 0 {
		return nil, nil
	}
	top := st.TopSpeakers[0]
	ex := &Example{
		Question: fmt.Sprintf("What did %s, the most frequent speaker, say?", top.Name),
		Command:  fmt.Sprintf("newsgraph query statements --by %q", top.Name),
		Answer:   Table{Header: []string{"date", "kind", "text"}},
	}
	type row struct{ date, kind, text, iri string }
	var rows []row
	err = graph.EachQuad(ctx, qs, quad.Object, quad.IRI(top.IRI), func(q quad.Quad) error {
		if q.Predicate != schema.Speaker {
			return nil
		}
		r := row{iri: q.Subject.String()}
		err := graph.EachQuad(ctx, qs, quad.Subject, q.Subject, func(p quad.Quad) error {
			switch p.Predicate {
			case schema.Text:
				r.text = quadText(p.Object)
			case schema.Kind:
				r.kind = quadText(p.Object)
			case schema.Date:
				r.date = quadText(p.Object)
			}
			return nil
		})
		rows = append(rows, r)
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].iri < rows[j].iri })
	for _, r := range rows {
		ex.Answer.Rows = append(ex.Answer.Rows, []string{r.date, r.kind, r.text})
	}
	return ex, nil
}

func quadText(v quad.Value) string {
	if s, ok := v.(quad.String); ok {
		return string(s)
	}
	if v == nil {
		return ""
	}
	return quad.StringOf(v)
}
