package graph

import (
	"context"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"newsgraph/schema"
)

// FindNodes returns the entity nodes, sorted, one of whose schema:name or
// schema:alternateName values is name up to schema.Normalize ("Iran's
// Foreign Ministry" finds the node named "Iran's foreign ministry"). It
// scans the name and alternate-name quads once, so it costs time in the
// number of names the store holds; an empty name finds nothing.
func FindNodes(ctx context.Context, qs cgraph.QuadStore, name string) ([]quad.IRI, error) {
	want := schema.Normalize(name)
	if want == "" {
		return nil, nil
	}
	found := make(map[quad.IRI]bool)
	// Many quads share one name value (one per article that uses it):
	// normalize each distinct value once.
	seen := make(map[string]bool)
	for _, pred := range []quad.IRI{schema.Name, schema.AlternateName} {
		err := EachQuad(ctx, qs, quad.Predicate, pred, func(q quad.Quad) error {
			iri, ok := q.Subject.(quad.IRI)
			if !ok || found[iri] {
				return nil
			}
			s := quadString(q.Object)
			match, ok := seen[s]
			if !ok {
				match = schema.Normalize(s) == want
				seen[s] = match
			}
			if match {
				found[iri] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var out []quad.IRI
	for iri := range found {
		ok, err := isEntityNode(ctx, qs, iri)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, iri)
		}
	}
	slices.Sort(out)
	return out, nil
}

// isEntityNode reports whether a node has an entity type (Person, Country,
// Organization, Agreement, Place, Event or Thing).
func isEntityNode(ctx context.Context, qs cgraph.QuadStore, iri quad.IRI) (bool, error) {
	entity := false
	err := EachQuad(ctx, qs, quad.Subject, iri, func(q quad.Quad) error {
		if q.Predicate != schema.Type {
			return nil
		}
		if t, ok := q.Object.(quad.IRI); ok && slices.Contains(schema.EntityTypes, t) {
			entity = true
		}
		return nil
	})
	return entity, err
}
