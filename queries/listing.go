package queries

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

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

// Entities lists entities, most mentioned first, from the catalog.
func (g *Graph) Entities(ctx context.Context, f EntityFilter) ([]EntitySummary, error) {
	typ := ""
	if f.Type != "" {
		var err error
		if typ, err = CanonicalType(f.Type); err != nil {
			return nil, err
		}
	}
	match, err := namePattern(f.Name)
	if err != nil {
		return nil, err
	}
	cat, err := g.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	out := []EntitySummary{}
	for _, e := range cat.Entities {
		if typ != "" && e.Type != typ {
			continue
		}
		if match != nil && !match(e.Name) && !anyMatch(match, e.Aliases) {
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
	return limit(out, f.Limit), nil
}

// namePattern compiles an entity name pattern: a glob when it has * or ?,
// else words the name must contain.
func namePattern(p string) (func(string) bool, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return nil, nil
	}
	if strings.ContainsAny(p, "*?[") {
		pat := strings.ToLower(p)
		if _, err := filepath.Match(pat, ""); err != nil {
			return nil, fmt.Errorf("bad name pattern %q: %w", p, err)
		}
		return func(name string) bool {
			ok, _ := filepath.Match(pat, strings.ToLower(name))
			return ok
		}, nil
	}
	words := strings.Fields(normKey(p))
	return func(name string) bool { return containsWords(normKey(name), words) }, nil
}

func anyMatch(match func(string) bool, names []string) bool {
	for _, n := range names {
		if match(n) {
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

// Speakers ranks speakers by their statements: all of them (from the
// catalog), or those about one entity (from its statements).
func (g *Graph) Speakers(ctx context.Context, about string, n int) ([]Speaker, error) {
	out := []Speaker{}
	if about == "" {
		cat, err := g.Catalog(ctx)
		if err != nil {
			return nil, err
		}
		for _, e := range cat.Entities {
			if e.StatementsBy > 0 {
				out = append(out, Speaker{Entity: e.Entity, Statements: e.StatementsBy})
			}
		}
	} else {
		e, err := g.Lookup(ctx, about)
		if err != nil {
			return nil, err
		}
		sts, err := g.statementsMentioning(ctx, quad.IRI(e.ID))
		if err != nil {
			return nil, err
		}
		counts := map[quad.IRI]int{}
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
// mentioned in the same articles, most frequent first, from the catalog
// (which keeps the 200,000 most frequent pairs).
func (g *Graph) Cooccur(ctx context.Context, typ string, n int) ([]Cooccurrence, error) {
	if typ != "" {
		var err error
		if typ, err = CanonicalType(typ); err != nil {
			return nil, err
		}
	}
	cat, err := g.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	out := []Cooccurrence{}
	for _, p := range cat.Pairs {
		a, b := cat.entity(p.A), cat.entity(p.B)
		if typ != "" && (a.Type != typ || b.Type != typ) {
			continue
		}
		if b.Name < a.Name {
			a, b = b, a
		}
		out = append(out, Cooccurrence{A: a, B: b, Articles: int(p.Articles)})
		if n > 0 && len(out) >= n {
			break
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Articles != y.Articles {
			return x.Articles > y.Articles
		}
		if x.A.Name != y.A.Name {
			return x.A.Name < y.A.Name
		}
		return x.B.Name < y.B.Name
	})
	return out, nil
}

// CooccurTable renders co-mentioned pairs as rows: both entities and the article count.
func CooccurTable(cs []Cooccurrence) Table {
	t := Table{Header: []string{"entity", "type", "entity", "type", "articles"}}
	for _, c := range cs {
		t.Rows = append(t.Rows, []string{c.A.Name, c.A.Type, c.B.Name, c.B.Type, itoa(c.Articles)})
	}
	return t
}

// Articles lists articles, newest first: all of them (from the catalog)
// or those that mention an entity.
func (g *Graph) Articles(ctx context.Context, mentions string, n int) ([]Article, error) {
	out := []Article{}
	if mentions == "" {
		cat, err := g.Catalog(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, cat.Articles...)
	} else {
		e, err := g.Lookup(ctx, mentions)
		if err != nil {
			return nil, err
		}
		subs, err := g.inIRIs(ctx, quad.IRI(e.ID), schema.Mentions)
		if err != nil {
			return nil, err
		}
		var arts []quad.IRI
		for _, s := range subs {
			if isArticle(s) {
				arts = append(arts, s)
			}
		}
		// Dates first, then the full record of those shown.
		refs, err := g.newestArticles(ctx, arts, n)
		if err != nil {
			return nil, err
		}
		for _, r := range refs {
			a, err := g.article(ctx, quad.IRI(r.ID))
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
	}
	sortArticles(out)
	return limit(out, n), nil
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
	sts := map[quad.Value]bool{}
	err = g.eachQuad(ctx, quad.Object, iri, func(_ quad.IRI, s quad.Value) error {
		sts[s] = true
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
	e, err := g.Lookup(ctx, name)
	if err != nil {
		return nil, err
	}
	by, err := g.inIRIs(ctx, quad.IRI(e.ID), schema.Speaker)
	if err != nil {
		return nil, err
	}
	about, err := g.statementsMentioning(ctx, quad.IRI(e.ID))
	if err != nil {
		return nil, err
	}
	rel := map[quad.IRI]string{}
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
	sts, err := g.readStatements(ctx, all, true, n, nil, nil)
	if err != nil {
		return nil, err
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
