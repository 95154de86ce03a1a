package graph

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"newsgraph/schema"
	"newsgraph/seeds"
)

// ingestDoc loads every article of a kg-gold/1 document into a fresh
// memory store, each under its file name without extension.
func ingestDoc(t *testing.T, d *schema.Document) *Store {
	t.Helper()
	ctx := context.Background()
	st, err := Open(Memory, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ing, err := NewIngester(ctx, st, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range d.Articles {
		x := d.Articles[i]
		x.ID = strings.TrimSuffix(x.File, filepath.Ext(x.File))
		if _, err := ing.Add(ctx, &x); err != nil {
			t.Fatal(err)
		}
	}
	if err := ing.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestFindNodesSeedsGold(t *testing.T) {
	d, err := schema.ReadDocument(bytes.NewReader(seeds.Gold))
	if err != nil {
		t.Fatal(err)
	}
	st := ingestDoc(t, d)
	ctx := context.Background()
	for _, pair := range d.Graph.SameEntity {
		a, err := FindNodes(ctx, st.QS, pair[0])
		if err != nil {
			t.Fatal(err)
		}
		b, err := FindNodes(ctx, st.QS, pair[1])
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != 1 || len(b) != 1 || a[0] != b[0] {
			t.Errorf("same_entity %q = %q: nodes %v and %v, want one shared node", pair[0], pair[1], a, b)
		}
	}
}

func TestFindNodes(t *testing.T) {
	d := &schema.Document{Format: schema.FormatID, Articles: []schema.Extraction{
		{File: "a.txt", Entities: []schema.Entity{
			{Name: "Iran's foreign ministry", Type: schema.TypeOrganization, Aliases: []string{"Iranian Foreign Ministry"}},
			{Name: "Iran", Type: schema.TypeCountry},
		}, Statements: []schema.Statement{{Speaker: "Iran", Kind: schema.KindIndirect, Text: "its missile program is defensive"}}},
		{File: "b.txt", Entities: []schema.Entity{
			// Two persons that share a surname and nothing else: two nodes.
			{Name: "John Smith", Type: schema.TypePerson},
			{Name: "Mary Smith", Type: schema.TypePerson},
		}},
	}}
	st := ingestDoc(t, d)
	ctx := context.Background()
	iri := func(s string) quad.IRI { return quad.IRI(schema.Base + s) }
	tests := []struct {
		name string
		want []quad.IRI
	}{
		{"Iran's foreign ministry", []quad.IRI{iri("organization/irans-foreign-ministry")}},
		{"IRAN’S FOREIGN MINISTRY", []quad.IRI{iri("organization/irans-foreign-ministry")}}, // case and curly apostrophe
		{"the Iranian Foreign Ministry", []quad.IRI{iri("organization/irans-foreign-ministry")}},
		{"Iran", []quad.IRI{iri("country/iran")}},
		{"John Smith", []quad.IRI{iri("person/john-smith")}},
		{"Smith", nil}, // no node carries the bare surname
		{"its missile program is defensive", nil}, // statement text is not a name
		{"a", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got, err := FindNodes(ctx, st.QS, tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(tt.want) {
			t.Errorf("FindNodes(%q) = %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("FindNodes(%q) = %v, want %v", tt.name, got, tt.want)
			}
		}
	}
}
