package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// Entity identifies a person, country, organization, agreement or other
// named thing in results.
type Entity struct {
	ID   string `json:"id"`   // node IRI
	Name string `json:"name"` // canonical name
	Type string `json:"type"` // Person, Country, Organization, Agreement, Location, Event or Thing
}

func (e Entity) String() string {
	if e.Type == "" {
		return e.Name
	}
	return e.Name + " (" + e.Type + ")"
}

// entity returns the name and type of a node, from the cache when it was
// looked up before. Where articles disagree on the canonical name the
// fullest wins, as in graph.NodeName.
func (g *Graph) entity(ctx context.Context, iri quad.IRI) (Entity, error) {
	if e, ok := g.nodes[iri]; ok {
		return *e, nil
	}
	if g.r != nil {
		typ, name, ok, err := g.r.EntityName(iri)
		if err != nil {
			return Entity{}, err
		}
		if ok {
			e := Entity{ID: string(iri), Name: name, Type: typ}
			g.nodes[iri] = &e
			return e, nil
		}
	}
	if g.cat != nil {
		if i, ok := g.cat.byID[string(iri)]; ok {
			e := g.cat.Entities[i].Entity
			g.nodes[iri] = &e
			return e, nil
		}
	}
	// The type from the IRI layout schema.EntityIRI gives; the names from
	// the subject and predicate index prefix, one quad per article.
	e := Entity{ID: string(iri), Type: typeFromIRI(iri)}
	names, err := g.outStrings(ctx, iri, schema.Name)
	if err != nil {
		return e, err
	}
	for _, n := range names {
		if betterName(n, e.Name) {
			e.Name = n
		}
	}
	if e.Type == "" && !isStatement(iri) && !isArticle(iri) && !isRole(iri) {
		err := g.eachQuad(ctx, quad.Subject, iri, func(_ quad.IRI, v quad.Value) error {
			if t, ok := v.(quad.IRI); ok {
				if tn := schema.TypeName(t); tn != "" {
					e.Type = tn
				}
			}
			return nil
		}, schema.Type)
		if err != nil {
			return e, err
		}
	}
	if e.Name == "" {
		e.Name = fallbackName(iri)
	}
	g.nodes[iri] = &e
	return e, nil
}

// entities names several nodes.
func (g *Graph) entities(ctx context.Context, iris []quad.IRI) ([]Entity, error) {
	out := make([]Entity, 0, len(iris))
	for _, iri := range iris {
		e, err := g.entity(ctx, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func recordEntity(r *index.EntityRecord) Entity {
	return Entity{ID: string(r.IRI), Name: r.Name, Type: r.Type}
}

func fallbackName(iri quad.IRI) string { return index.FallbackName(iri) }

// betterName tells whether name should replace cur as canonical name: the
// fuller name, then the first in lexical order (graph's rule).
func betterName(name, cur string) bool { return index.BetterName(name, cur) }

// AmbiguousError says that a name fits several entities.
type AmbiguousError struct {
	Name       string
	Candidates []Entity
}

func (e *AmbiguousError) Error() string {
	names := entityStrings(e.Candidates)
	hint := "use a fuller name"
	if len(e.Candidates) > 0 {
		c := e.Candidates[0]
		if names[0] == c.String() {
			hint = fmt.Sprintf("use a fuller name, the name with its type (%q) or the id (%s)", c.String(), c.ID)
		} else {
			hint = fmt.Sprintf("use a fuller name or the id (%s)", c.ID)
		}
	}
	return fmt.Sprintf("%q is ambiguous: it may be %s; %s", e.Name, strings.Join(names, ", "), hint)
}

// NotFoundError says that no entity goes by a name; Suggestions are the
// closest names the graph has.
type NotFoundError struct {
	Name        string
	Suggestions []string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no entity named %q", e.Name)
	if len(e.Suggestions) > 0 {
		msg += "; did you mean " + strings.Join(quoteAll(e.Suggestions), ", ") + "?"
	}
	return msg
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// ErrNoName is returned for an empty entity name.
var ErrNoName = errors.New("empty entity name")

// Lookup finds the one entity that goes by name: its canonical name or
// any alternate name, compared case-insensitively (schema.Normalize, then
// without diacritics), else up to transliteration (each word a
// schema.SameNameVariant, found through schema.PhoneticKey: "qassemi"
// finds Bahram Ghassemi, "rohani" Hassan Rouhani).
// Canonical names win over alternate names, whole names over single
// words. A name that fits several entities is an *AmbiguousError listing
// them; one that fits none is a *NotFoundError with the closest names.
// Two ways single one out: the type after the name, as errors print
// candidates ("Tony Blair (Person)"), or the entity's id (its IRI).
//
// With the read index, names are looked up in it. Without, names written
// the way the graph stores them (in any of a few common casings) are found
// through the value index without reading every name; other spellings
// read the catalog (see Catalog).
func (g *Graph) Lookup(ctx context.Context, name string) (Entity, error) {
	var e Entity
	err := g.view(func() error {
		var err error
		e, err = g.lookup(ctx, name)
		return err
	})
	return e, err
}

func (g *Graph) lookup(ctx context.Context, name string) (Entity, error) {
	name = strings.TrimSpace(name)
	if normKey(name) == "" {
		return Entity{}, ErrNoName
	}
	if strings.Contains(name, "://") {
		return g.lookupIRI(ctx, name)
	}
	bare, typ := splitTypeQualifier(name)
	e, err := g.lookupName(ctx, bare)
	if typ == "" {
		return e, err
	}
	// Keep the candidates of the type asked for.
	var amb *AmbiguousError
	switch {
	case err == nil && e.Type == typ:
		return e, nil
	case err == nil:
		return Entity{}, &NotFoundError{Name: name, Suggestions: []string{e.String()}}
	case errors.As(err, &amb):
		var keep []Entity
		for _, c := range amb.Candidates {
			if c.Type == typ {
				keep = append(keep, c)
			}
		}
		if len(keep) == 0 {
			return Entity{}, &NotFoundError{Name: name, Suggestions: entityStrings(amb.Candidates)}
		}
		return pickEntity(name, keep)
	}
	return e, err
}

func (g *Graph) lookupName(ctx context.Context, name string) (Entity, error) {
	if normKey(name) == "" {
		return Entity{}, ErrNoName
	}
	if g.r != nil {
		return lookupIn(indexNames{g.r}, name)
	}
	if e, ok, err := g.lookupExact(ctx, name); err != nil || ok {
		return e, err
	}
	cat, err := g.Catalog(ctx)
	if err != nil {
		return Entity{}, err
	}
	return lookupIn(cat, name)
}

// lookupIRI finds the entity whose id is iri (with or without the angle
// brackets of N-Quads).
func (g *Graph) lookupIRI(ctx context.Context, iri string) (Entity, error) {
	iri = strings.TrimSuffix(strings.TrimPrefix(iri, "<"), ">")
	e, err := g.entity(ctx, quad.IRI(iri))
	if err != nil {
		return Entity{}, err
	}
	if e.Type == "" || e.Type == "UnnamedSource" || isStatement(quad.IRI(iri)) || isArticle(quad.IRI(iri)) {
		return Entity{}, &NotFoundError{Name: iri}
	}
	// A node the graph does not hold has no name of its own.
	if e.Name == fallbackName(quad.IRI(iri)) {
		names, err := g.outStrings(ctx, quad.IRI(iri), schema.Name)
		if err != nil {
			return Entity{}, err
		}
		if len(names) == 0 {
			return Entity{}, &NotFoundError{Name: iri}
		}
	}
	return e, nil
}

// splitTypeQualifier splits "Name (Type)" into the name and the entity
// type; names without a known type in brackets come back whole.
func splitTypeQualifier(name string) (string, string) {
	open := strings.LastIndex(name, "(")
	if open <= 0 || !strings.HasSuffix(name, ")") {
		return name, ""
	}
	q := strings.TrimSpace(name[open+1 : len(name)-1])
	for _, t := range entityTypeNames {
		if strings.EqualFold(q, t) {
			return strings.TrimSpace(name[:open]), t
		}
	}
	return name, ""
}

var entityTypeNames = []string{schema.TypePerson, schema.TypeCountry, schema.TypeOrganization,
	schema.TypeAgreement, schema.TypeLocation, schema.TypeEvent, "Thing"}

// entityStrings lists entities as Name (Type), or by id those that share
// their name and type (nothing else tells them apart); each string looks
// up its entity.
func entityStrings(es []Entity) []string {
	n := map[string]int{}
	for _, e := range es {
		n[e.String()]++
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.String()
		if n[out[i]] > 1 {
			out[i] = e.ID
		}
	}
	return out
}

// nameIndex finds entities by name: the catalog, or the read index.
type nameIndex interface {
	// named returns the entities one of whose names has normKey key,
	// and whether it is their canonical name.
	named(key string) ([]Entity, []bool, error)
	// phonetic returns the entities with a name whose phonetic keys are
	// want (whole), else those with a name in which want's keys are
	// consecutive words (part).
	// Only names whose words are transliterations of words (variantOf)
	// count.
	phonetic(want string, words []string) (whole, part []Entity, err error)
	// suggest returns up to n canonical names closest to key.
	suggest(key string, n int) ([]string, error)
}

// lookupIn finds the one entity that goes by name (see Graph.Lookup).
func lookupIn(ni nameIndex, name string) (Entity, error) {
	key := normKey(name)
	// Tier 1 and 2: the name itself, canonical names first.
	es, canonical, err := ni.named(key)
	if err != nil {
		return Entity{}, err
	}
	if len(es) > 0 {
		var canon []Entity
		for i, e := range es {
			if canonical[i] {
				canon = append(canon, e)
			}
		}
		if len(canon) == 0 {
			canon = es
		}
		return pickEntity(name, canon)
	}
	// Tier 3 and 4: up to transliteration, whole names, then names of
	// which the given words are a part ("qassemi", "le drian").
	if want := strings.Join(phoneticKeys(name), " "); want != "" {
		whole, part, err := ni.phonetic(want, nameWords(name))
		if err != nil {
			return Entity{}, err
		}
		if len(whole) > 0 {
			return pickEntity(name, whole)
		}
		if len(part) > 0 {
			return pickEntity(name, part)
		}
	}
	sugg, err := ni.suggest(key, 3)
	if err != nil {
		return Entity{}, err
	}
	return Entity{}, &NotFoundError{Name: name, Suggestions: sugg}
}

// pickEntity returns the one entity of es (distinct by ID), or the
// ambiguity.
func pickEntity(name string, es []Entity) (Entity, error) {
	seen := map[string]bool{}
	var cands []Entity
	for _, e := range es {
		if !seen[e.ID] {
			seen[e.ID] = true
			cands = append(cands, e)
		}
	}
	if len(cands) == 1 {
		return cands[0], nil
	}
	sortEntities(cands)
	return Entity{}, &AmbiguousError{Name: name, Candidates: cands}
}

// indexNames looks names up in the read index.
type indexNames struct{ r *index.Reader }

func (x indexNames) named(key string) ([]Entity, []bool, error) {
	ms, err := x.r.Named(key)
	es := make([]Entity, len(ms))
	canonical := make([]bool, len(ms))
	for i, m := range ms {
		es[i], canonical[i] = recordEntity(m.Entity), m.Canonical
	}
	return es, canonical, err
}

func (x indexNames) phonetic(want string, words []string) (whole, part []Entity, err error) {
	recs, err := x.r.PhoneticNamed(want)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range recs {
		for _, n := range recordNames(r) {
			if w, _ := variantOf(n, words); w {
				whole = append(whole, recordEntity(r))
				break
			}
		}
	}
	if len(whole) > 0 {
		return whole, nil, nil
	}
	// Candidates have a name with want's first word; keep those with a
	// name that has all of want's words in a row.
	first, _, _ := strings.Cut(want, " ")
	recs, err = x.r.PhoneticWord(first)
	for _, r := range recs {
		for _, n := range recordNames(r) {
			if !containsWordsSeq(strings.Join(phoneticKeys(n), " "), want) {
				continue
			}
			if _, p := variantOf(n, words); p {
				part = append(part, recordEntity(r))
				break
			}
		}
	}
	return nil, part, err
}

func recordNames(r *index.EntityRecord) []string {
	return append(append([]string{r.Name}, r.Aliases...), r.OtherNames...)
}

func (x indexNames) suggest(key string, n int) ([]string, error) {
	var cs []suggestion
	err := x.r.NameKeys(func(k string, entity func() (*index.EntityRecord, error)) error {
		d, ok := nameDistance(key, k)
		if !ok {
			return nil
		}
		e, err := entity()
		if err != nil || e == nil {
			return err
		}
		cs = append(cs, suggestion{e.Name, d, e.Articles})
		return nil
	})
	return closest(cs, n), err
}

// lookupExact finds entities whose name literal is name as written, or
// in a common casing, through the value index. ok is false when it finds
// none, or when the matches are ambiguous only because alternate names
// are shared (the catalog then decides with all names at hand).
func (g *Graph) lookupExact(ctx context.Context, name string) (Entity, bool, error) {
	var canonical, alias []quad.IRI
	seen := map[quad.IRI]bool{}
	for _, v := range casings(name) {
		ref, err := g.qs.ValueOf(quad.String(v))
		if err != nil {
			return Entity{}, false, err
		}
		if ref == nil {
			continue
		}
		for _, pred := range []quad.IRI{schema.Name, schema.AlternateName} {
			iris, err := g.inIRIs(ctx, quad.String(v), pred)
			if err != nil {
				return Entity{}, false, err
			}
			for _, iri := range iris {
				if seen[iri] {
					continue
				}
				e, err := g.entity(ctx, iri)
				if err != nil {
					return Entity{}, false, err
				}
				if e.Type == "" {
					continue // not an entity node
				}
				seen[iri] = true
				if normKey(e.Name) == normKey(name) {
					canonical = append(canonical, iri)
				} else {
					alias = append(alias, iri)
				}
			}
		}
	}
	var pick []quad.IRI
	switch {
	case len(canonical) == 1:
		pick = canonical
	case len(canonical) == 0 && len(alias) == 1:
		pick = alias
	default:
		return Entity{}, false, nil
	}
	e, err := g.entity(ctx, pick[0])
	return e, err == nil, err
}

// casings returns name as written and in the casings names are usually
// stored in: Title Case, UPPER (acronyms), lower.
func casings(name string) []string {
	name = strings.Join(strings.Fields(name), " ")
	out := []string{name}
	add := func(s string) {
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	words := strings.Fields(name)
	for i, w := range words {
		r := []rune(strings.ToLower(w))
		// Leave short function words lower case inside a name.
		if i > 0 && (string(r) == "of" || string(r) == "and" || string(r) == "for" || string(r) == "the" || string(r) == "de" || string(r) == "al") {
			words[i] = string(r)
			continue
		}
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	add(strings.Join(words, " "))
	add(strings.ToUpper(name))
	add(strings.ToLower(name))
	return out
}

// normKey folds a name for case-insensitive comparison.
func normKey(s string) string { return index.NameKey(s) }

// phoneticKeys returns the phonetic key of each word of a name.
func phoneticKeys(s string) []string { return index.PhoneticKeys(s) }

func sortEntities(es []Entity) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].Name != es[j].Name {
			return es[i].Name < es[j].Name
		}
		return es[i].ID < es[j].ID
	})
}

// typeFromIRI reads an entity's type off its IRI (schema.EntityIRI puts
// it in the path); "" when the IRI does not have that layout.
func typeFromIRI(iri quad.IRI) string { return index.TypeFromIRI(iri) }
