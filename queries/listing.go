package queries

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// EntitySummary is an entity with its other names and how much the graph
// says about it.
type EntitySummary struct {
	Entity
	Aliases         []string `json:"aliases"`          // other names, sorted
	Articles        int      `json:"articles"`         // articles that mention it
	StatementsBy    int      `json:"statements_by"`    // statements it made
	StatementsAbout int      `json:"statements_about"` // statements that mention it
}

func recordSummary(e *index.EntityRecord) EntitySummary {
	s := EntitySummary{Entity: recordEntity(e), Aliases: e.Aliases, Articles: e.Articles,
		StatementsBy: e.StatementsBy, StatementsAbout: e.StatementsAbout}
	if s.Aliases == nil {
		s.Aliases = []string{}
	}
	return s
}

// Article is a news article in the graph.
type Article struct {
	ArticleRef
	URL        string `json:"url"`        // "" unknown
	Statements int    `json:"statements"` // statements reported in it
	Entities   int    `json:"entities"`   // entities it mentions
}

// EntityTypeNames are the entity types --type accepts.
var EntityTypeNames = []string{schema.TypePerson, schema.TypeCountry, schema.TypeOrganization,
	schema.TypeAgreement, schema.TypeLocation, schema.TypeEvent, "Thing"}

// CanonicalType returns the entity type name t stands for, in any case
// ("person" is Person), or an error naming the types there are.
func CanonicalType(t string) (string, error) {
	for _, n := range EntityTypeNames {
		if strings.EqualFold(n, strings.TrimSpace(t)) {
			return n, nil
		}
	}
	return "", fmt.Errorf("unknown entity type %q (want one of %s)", t, strings.Join(EntityTypeNames, ", "))
}

// EntityFilter selects entities; the zero value selects all.
type EntityFilter struct {
	Type  string // entity type, in any case
	Name  string // pattern: words a name contains, or a glob (* and ?) a whole name matches, in any case
	Limit int    // 0 means all
}

// Entities lists entities, most mentioned first (by articles, then
// statements by and about them, then name).
func (g *Graph) Entities(ctx context.Context, f EntityFilter) ([]EntitySummary, error) {
	typ := ""
	if f.Type != "" {
		var err error
		if typ, err = CanonicalType(f.Type); err != nil {
			return nil, err
		}
	}
	match, err := newNamePattern(f.Name)
	if err != nil {
		return nil, err
	}
	out := []EntitySummary{}
	err = g.view(func() error {
		if g.r != nil {
			return g.r.Entities(func(e *index.EntityRecord) (bool, error) {
				if typ != "" && e.Type != typ {
					return true, nil
				}
				if match != nil && !match.any(append([]string{e.Name}, e.Aliases...), e.Keys) {
					return true, nil
				}
				out = append(out, recordSummary(e))
				return f.Limit <= 0 || len(out) < f.Limit, nil
			})
		}
		cat, err := g.Catalog(ctx)
		if err != nil {
			return err
		}
		for _, e := range cat.Entities {
			if typ != "" && e.Type != typ {
				continue
			}
			if match != nil && !match.any(append([]string{e.Name}, e.Aliases...), nil) {
				continue
			}
			out = append(out, e)
		}
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i], out[j]
			if a.Articles != b.Articles {
				return a.Articles > b.Articles
			}
			if x, y := a.StatementsBy+a.StatementsAbout, b.StatementsBy+b.StatementsAbout; x != y {
				return x > y
			}
			return a.Name < b.Name
		})
		return nil
	})
	return limit(out, f.Limit), err
}

// namePattern is an entity name pattern: a glob when it has * or ?, else
// words a name must contain.
type namePattern struct {
	glob  string   // lower case
	words []string // normKey'd
}

// newNamePattern compiles a name pattern; nil for none.
func newNamePattern(p string) (*namePattern, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return nil, nil
	}
	if strings.ContainsAny(p, "*?[") {
		pat := strings.ToLower(p)
		if _, err := filepath.Match(pat, ""); err != nil {
			return nil, fmt.Errorf("bad name pattern %q: %w", p, err)
		}
		return &namePattern{glob: pat}, nil
	}
	return &namePattern{words: strings.Fields(normKey(p))}, nil
}

// any tells whether one of names matches; keys, when not nil, holds the
// normKey of each name.
func (m *namePattern) any(names, keys []string) bool {
	for i, n := range names {
		if m.glob != "" {
			if ok, _ := filepath.Match(m.glob, strings.ToLower(n)); ok {
				return true
			}
			continue
		}
		k := ""
		if keys != nil {
			k = keys[i]
		} else {
			k = normKey(n)
		}
		if containsWords(k, m.words) {
			return true
		}
	}
	return false
}

func limit[T any](s []T, n int) []T {
	if n > 0 && len(s) > n {
		return s[:n]
	}
	return s
}

// EntitiesTable renders entities as rows: name, type, counts, aliases.
func EntitiesTable(es []EntitySummary) Table {
	t := Table{Header: []string{"name", "type", "articles", "statements by", "statements about", "aliases"}}
	for _, e := range es {
		t.Rows = append(t.Rows, []string{e.Name, e.Type, itoa(e.Articles), itoa(e.StatementsBy), itoa(e.StatementsAbout), strings.Join(e.Aliases, "; ")})
	}
	return t
}

func itoa(n int) string { return strconv.Itoa(n) }

// Speaker is an entity and how many statements it made.
type Speaker struct {
	Entity
	Statements int `json:"statements"` // statements it made (about the entity asked about, when one was)
}

// Speakers ranks speakers by their statements: all of them, or those
// about one entity (from its statements).
func (g *Graph) Speakers(ctx context.Context, about string, n int) ([]Speaker, error) {
	out := []Speaker{}
	err := g.view(func() error {
		var err error
		out, err = g.speakers(ctx, about, n)
		return err
	})
	return out, err
}

func (g *Graph) speakers(ctx context.Context, about string, n int) ([]Speaker, error) {
	out := []Speaker{}
	switch {
	case about == "" && g.r != nil:
		err := g.r.Speakers(func(e *index.EntityRecord) (bool, error) {
			out = append(out, Speaker{Entity: recordEntity(e), Statements: e.StatementsBy})
			return n <= 0 || len(out) < n, nil
		})
		return out, err
	case about == "":
		cat, err := g.Catalog(ctx)
		if err != nil {
			return nil, err
		}
		for _, e := range cat.Entities {
			if e.StatementsBy > 0 {
				out = append(out, Speaker{Entity: e.Entity, Statements: e.StatementsBy})
			}
		}
	default:
		e, err := g.Lookup(ctx, about)
		if err != nil {
			return nil, err
		}
		counts := map[quad.IRI]int{}
		if g.r != nil {
			// The list of statements about e carries their speakers.
			err := g.r.Statements(index.StatementList{About: quad.IRI(e.ID)}, "", "", false, func(d index.Dated) (bool, error) {
				speakers, _, err := g.r.Links(d)
				for _, sp := range speakers {
					counts[sp]++
				}
				return true, err
			})
			if err != nil {
				return nil, err
			}
		}
		var sts []quad.IRI
		if g.r == nil {
			if sts, err = g.statementsMentioning(ctx, quad.IRI(e.ID)); err != nil {
				return nil, err
			}
		}
		for _, st := range sts {
			sp, err := g.firstValue(ctx, st, schema.Speaker)
			if err != nil {
				return nil, err
			}
			if iri, ok := sp.(quad.IRI); ok {
				counts[iri]++
			}
		}
		for iri, c := range counts {
			e, err := g.entity(ctx, iri)
			if err != nil {
				return nil, err
			}
			out = append(out, Speaker{Entity: e, Statements: c})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Statements != out[j].Statements {
			return out[i].Statements > out[j].Statements
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return limit(out, n), nil
}

// SpeakersTable renders speakers as rows: speaker, type, statements.
func SpeakersTable(ss []Speaker) Table {
	t := Table{Header: []string{"speaker", "type", "statements"}}
	for _, s := range ss {
		t.Rows = append(t.Rows, []string{s.Name, s.Type, itoa(s.Statements)})
	}
	return t
}

// Cooccurrence is two entities and the number of articles that mention
// both.
type Cooccurrence struct {
	A        Entity `json:"a"`
	B        Entity `json:"b"`
	Articles int    `json:"articles"`
}

// Cooccur lists the pairs of entities (both of type typ, when given)
// mentioned in the same articles, most frequent first, then by the
// names of A and B.
func (g *Graph) Cooccur(ctx context.Context, typ string, n int) ([]Cooccurrence, error) {
	if typ != "" {
		var err error
		if typ, err = CanonicalType(typ); err != nil {
			return nil, err
		}
	}
	out := []Cooccurrence{}
	keep := func(a, b Entity, c int) {
		if typ != "" && (a.Type != typ || b.Type != typ) {
			return
		}
		if b.Name < a.Name || (b.Name == a.Name && b.ID < a.ID) {
			a, b = b, a
		}
		out = append(out, Cooccurrence{A: a, B: b, Articles: c})
	}
	err := g.view(func() error {
		if g.r != nil {
			// The n most frequent pairs and all as frequent as the n-th:
			// ties are broken by name below.
			ps, err := g.r.Pairs(typ, n)
			if err != nil {
				return err
			}
			for _, p := range ps {
				a, err := g.entity(ctx, p.A)
				if err != nil {
					return err
				}
				b, err := g.entity(ctx, p.B)
				if err != nil {
					return err
				}
				keep(a, b, p.Articles)
			}
			return nil
		}
		cat, err := g.Catalog(ctx)
		if err != nil {
			return err
		}
		for _, p := range cat.Pairs {
			if n > 0 && len(out) >= n && int(p.Articles) != out[len(out)-1].Articles {
				break
			}
			keep(cat.entity(p.A), cat.entity(p.B), int(p.Articles))
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Articles != y.Articles {
			return x.Articles > y.Articles
		}
		if x.A.Name != y.A.Name {
			return x.A.Name < y.A.Name
		}
		if x.B.Name != y.B.Name {
			return x.B.Name < y.B.Name
		}
		if x.A.ID != y.A.ID {
			return x.A.ID < y.A.ID
		}
		return x.B.ID < y.B.ID
	})
	return limit(out, n), err
}

// CooccurTable renders co-mentioned pairs as rows: both entities and the article count.
func CooccurTable(cs []Cooccurrence) Table {
	t := Table{Header: []string{"entity", "type", "entity", "type", "articles"}}
	for _, c := range cs {
		t.Rows = append(t.Rows, []string{c.A.Name, c.A.Type, c.B.Name, c.B.Type, itoa(c.Articles)})
	}
	return t
}

// Articles lists articles, newest first: all of them or those that
// mention an entity.
func (g *Graph) Articles(ctx context.Context, mentions string, n int) ([]Article, error) {
	out := []Article{}
	err := g.view(func() error {
		var refs []quad.IRI
		var e quad.IRI
		if mentions != "" {
			ent, err := g.Lookup(ctx, mentions)
			if err != nil {
				return err
			}
			e = quad.IRI(ent.ID)
		}
		switch {
		case g.r != nil:
			err := g.r.Articles(e, func(d index.Dated) (bool, error) {
				refs = append(refs, d.IRI)
				return n <= 0 || len(refs) < n, nil
			})
			if err != nil {
				return err
			}
		case mentions == "":
			cat, err := g.Catalog(ctx)
			if err != nil {
				return err
			}
			out = append(out, cat.Articles...)
		default:
			subs, err := g.inIRIs(ctx, e, schema.Mentions)
			if err != nil {
				return err
			}
			var arts []quad.IRI
			for _, s := range subs {
				if isArticle(s) {
					arts = append(arts, s)
				}
			}
			// Dates first, then the full record of those shown.
			as, err := g.newestArticles(ctx, arts, n)
			if err != nil {
				return err
			}
			for _, a := range as {
				refs = append(refs, quad.IRI(a.ID))
			}
		}
		for _, r := range refs {
			a, err := g.article(ctx, r)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	sortArticles(out)
	return limit(out, n), err
}

func sortArticles(as []Article) {
	sort.Slice(as, func(i, j int) bool {
		a, b := as[i], as[j]
		if a.Published != b.Published {
			return a.Published > b.Published
		}
		return a.ID < b.ID
	})
}

// ArticlesTable renders articles as rows: published, publisher, title, file, counts.
func ArticlesTable(as []Article) Table {
	t := Table{Header: []string{"published", "publisher", "title", "file", "statements", "entities"}}
	for _, a := range as {
		t.Rows = append(t.Rows, []string{a.Published, a.Publisher, a.Title, a.File, itoa(a.Statements), itoa(a.Entities)})
	}
	return t
}

// articleRef reads one article's metadata (one subject prefix scan).
func (g *Graph) articleRef(ctx context.Context, iri quad.IRI) (ArticleRef, error) {
	if a, ok := g.refs[iri]; ok {
		return *a, nil
	}
	a := ArticleRef{ID: string(iri)}
	var publisher quad.IRI
	err := g.eachQuad(ctx, quad.Subject, iri, func(pred quad.IRI, o quad.Value) error {
		switch pred {
		case schema.Headline:
			a.Title = valueString(o)
		case schema.File:
			a.File = valueString(o)
		case schema.DatePublished:
			a.Published = valueString(o)
		case schema.Publisher:
			publisher, _ = o.(quad.IRI)
		}
		return nil
	}, schema.Headline, schema.File, schema.DatePublished, schema.Publisher)
	if err != nil {
		return a, err
	}
	if publisher != "" {
		p, err := g.entity(ctx, publisher)
		if err != nil {
			return a, err
		}
		a.Publisher = p.Name
	}
	g.refs[iri] = &a
	return a, nil
}

// article reads one article's metadata, URL and counts.
func (g *Graph) article(ctx context.Context, iri quad.IRI) (Article, error) {
	if a, ok := g.articles[iri]; ok {
		return *a, nil
	}
	ref, err := g.articleRef(ctx, iri)
	if err != nil {
		return Article{}, err
	}
	a := Article{ArticleRef: ref}
	ents := map[quad.Value]bool{}
	err = g.eachQuad(ctx, quad.Subject, iri, func(pred quad.IRI, o quad.Value) error {
		switch pred {
		case schema.URL:
			a.URL = valueString(o)
		case schema.Mentions:
			ents[o] = true
		}
		return nil
	}, schema.URL, schema.Mentions)
	if err != nil {
		return a, err
	}
	a.Entities = len(ents)
	// Statements, not the unnamed sources that are also part of it.
	sts := map[quad.Value]bool{}
	err = g.eachQuad(ctx, quad.Object, iri, func(_ quad.IRI, s quad.Value) error {
		if iri, ok := s.(quad.IRI); ok && isStatement(iri) {
			sts[s] = true
		}
		return nil
	}, schema.IsPartOf)
	if err != nil {
		return a, err
	}
	a.Statements = len(sts)
	g.articles[iri] = &a
	return a, nil
}

// newestArticles returns the refs of the n newest of arts (0: all),
// reading one date per article and the rest only for those returned.
func (g *Graph) newestArticles(ctx context.Context, arts []quad.IRI, n int) ([]ArticleRef, error) {
	type dated struct {
		iri  quad.IRI
		date string
	}
	ds := make([]dated, 0, len(arts))
	for _, a := range arts {
		d, err := g.firstString(ctx, a, schema.DatePublished)
		if err != nil {
			return nil, err
		}
		ds = append(ds, dated{a, d})
	}
	sort.Slice(ds, func(i, j int) bool {
		if ds[i].date != ds[j].date {
			return ds[i].date > ds[j].date
		}
		return ds[i].iri < ds[j].iri
	})
	out := []ArticleRef{}
	for _, d := range limit(ds, n) {
		r, err := g.articleRef(ctx, d.iri)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// TimelineEntry is a statement by or about the entity a timeline is of.
type TimelineEntry struct {
	Statement
	Relation string `json:"relation"` // "by" (the entity made it) or "about" (it mentions the entity)
}

// Timeline returns the statements an entity made or that mention it, in
// date order (undated last).
func (g *Graph) Timeline(ctx context.Context, name string, n int) ([]TimelineEntry, error) {
	var out []TimelineEntry
	err := g.view(func() error {
		var err error
		out, err = g.timeline(ctx, name, n)
		return err
	})
	return out, err
}

func (g *Graph) timeline(ctx context.Context, name string, n int) ([]TimelineEntry, error) {
	e, err := g.Lookup(ctx, name)
	if err != nil {
		return nil, err
	}
	iri := quad.IRI(e.ID)
	rel := map[quad.IRI]string{}
	var sts []Statement
	if g.r != nil {
		// Both lists, already dated, then the statements shown.
		var ds []datedStatement
		for _, list := range []index.StatementList{{About: iri}, {By: iri}} {
			relation := "about"
			if list.By != "" {
				relation = "by"
			}
			err := g.r.Statements(list, "", "", true, func(d index.Dated) (bool, error) {
				if _, ok := rel[d.IRI]; !ok {
					ds = append(ds, datedStatement{d.IRI, d.Date})
				}
				rel[d.IRI] = relation
				return true, nil
			})
			if err != nil {
				return nil, err
			}
		}
		sortDated(ds, true)
		if sts, err = g.readDated(ctx, ds, n, nil); err != nil {
			return nil, err
		}
	} else {
		by, err := g.inIRIs(ctx, iri, schema.Speaker)
		if err != nil {
			return nil, err
		}
		about, err := g.statementsMentioning(ctx, iri)
		if err != nil {
			return nil, err
		}
		for _, s := range about {
			rel[s] = "about"
		}
		for _, s := range by {
			rel[s] = "by"
		}
		all := make([]quad.IRI, 0, len(rel))
		for s := range rel {
			all = append(all, s)
		}
		if sts, err = g.readStatements(ctx, all, true, n, nil, nil); err != nil {
			return nil, err
		}
	}
	out := make([]TimelineEntry, len(sts))
	for i, s := range sts {
		out[i] = TimelineEntry{Statement: s, Relation: rel[quad.IRI(s.ID)]}
	}
	return out, nil
}

// TimelineTable renders a timeline as rows: date, relation, speaker, act, text, article.
func TimelineTable(es []TimelineEntry) Table {
	t := Table{Header: []string{"date", "relation", "speaker", "act", "text", "article"}}
	for _, e := range es {
		t.Rows = append(t.Rows, []string{e.Date, e.Relation, e.Speaker.Name, e.Act, e.Text, e.Article.Label()})
	}
	return t
}
