package graph

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"unicode"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// Resolver decides which graph node each entity of an article is, so that
// one real-world thing is one node across articles. It keeps an index of
// every entity node's names, loaded from the store and updated as articles
// are ingested.
//
// Rules, in order:
//   - same type and a shared distinctive name (canonical name or alias with
//     a capital or a digit; generic aliases like "the deal" never merge);
//   - persons: the same surname up to transliteration (Ghassemi, Qassemi)
//     and compatible first names (the same up to transliteration, an
//     initial, or no first name known on one side). Two people whose first
//     names differ are never merged. A bare surname joins the one person
//     known by it, or, when several share it, the one whose role
//     affiliation agrees, else the one the articles name far more often
//     than any other (dominantFactor times, as "Reagan" in 1987 wire news
//     is the president, not his wife or son); otherwise it stays apart.
type Resolver struct {
	byName    map[string][]*entityNode // type|normalized name
	bySurname map[string][]*entityNode // phonetic key of a person's surname
	byIRI     map[quad.IRI]*entityNode
}

type entityNode struct {
	IRI   quad.IRI
	Type  string
	Name  string
	names map[string]bool   // normalized names
	first map[string]bool   // first names of persons, as written (initials without the period)
	last  map[string]bool   // surnames of persons, as written
	affil map[quad.IRI]bool // organizations and countries of its roles
	// articles counts the articles that mention it (schema:mentions from
	// an article), as loaded and as resolved since.
	articles int
}

// dominantFactor is how many times more articles the most mentioned of
// several persons who share a surname must have than the next one for a
// bare surname to join it.
const dominantFactor = 3

// NewResolver returns an empty resolver.
func NewResolver() *Resolver {
	return &Resolver{
		byName:    make(map[string][]*entityNode),
		bySurname: make(map[string][]*entityNode),
		byIRI:     make(map[quad.IRI]*entityNode),
	}
}

// LoadResolver builds a resolver from the entity nodes already in a store.
func LoadResolver(ctx context.Context, qs cgraph.QuadStore) (*Resolver, error) {
	r := NewResolver()
	for _, t := range schema.EntityTypes {
		typ := schema.TypeName(t)
		err := EachQuad(ctx, qs, quad.Object, t, func(q quad.Quad) error {
			if q.Predicate != schema.Type {
				return nil
			}
			if iri, ok := q.Subject.(quad.IRI); ok && r.byIRI[iri] == nil {
				r.byIRI[iri] = &entityNode{IRI: iri, Type: typ, names: map[string]bool{}, first: map[string]bool{}, last: map[string]bool{}, affil: map[quad.IRI]bool{}}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	names := func(pred quad.IRI, canonical bool) error {
		return EachQuad(ctx, qs, quad.Predicate, pred, func(q quad.Quad) error {
			iri, _ := q.Subject.(quad.IRI)
			n := r.byIRI[iri]
			if n == nil {
				return nil
			}
			name := quadString(q.Object)
			if canonical && betterName(name, n.Name) {
				// Articles may disagree; the choice must not depend on
				// iteration order.
				n.Name = name
			}
			r.addName(n, name)
			return nil
		})
	}
	if err := names(schema.Name, true); err != nil {
		return nil, err
	}
	if err := names(schema.AlternateName, false); err != nil {
		return nil, err
	}
	err := EachQuad(ctx, qs, quad.Predicate, schema.Affiliation, func(q quad.Quad) error {
		iri, _ := q.Subject.(quad.IRI)
		obj, _ := q.Object.(quad.IRI)
		if n := r.byIRI[iri]; n != nil && obj != "" {
			n.affil[obj] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, n := range r.byIRI {
		if n.Name == "" {
			n.Name = strings.TrimPrefix(string(n.IRI), schema.Base)
		}
	}
	return r, nil
}

// countArticles sets how many articles mention each node: from the read
// index of a bolt store while it is fresh, else from the quads.
func (r *Resolver) countArticles(ctx context.Context, s *Store) error {
	if s.ix != nil {
		done := false
		err := s.ix.View(func(ir *index.Reader) error {
			if ir == nil {
				return nil
			}
			done = true
			return ir.Entities(func(e *index.EntityRecord) (bool, error) {
				if n := r.byIRI[e.IRI]; n != nil {
					n.articles = e.Articles
				}
				return true, nil
			})
		})
		if err != nil || done {
			return err
		}
	}
	return EachQuad(ctx, s.QS, quad.Predicate, schema.Mentions, func(q quad.Quad) error {
		if s, ok := q.Subject.(quad.IRI); !ok || !index.IsArticle(s) {
			return nil // a statement's mention
		}
		if obj, _ := q.Object.(quad.IRI); r.byIRI[obj] != nil {
			r.byIRI[obj].articles++
		}
		return nil
	})
}

func quadString(v quad.Value) string { return schema.ValueText(v) }

// Len returns the number of entity nodes the resolver knows.
func (r *Resolver) Len() int { return len(r.byIRI) }

// Previous maps the names an article's earlier version gave its entity
// nodes (type|normalized name) to those nodes; see PreviousNodes.
type Previous map[string]quad.IRI

// PreviousNodes reads, from the quads an article's earlier version wrote,
// which node each of its entity names resolved to.
func PreviousNodes(old []quad.Quad) Previous {
	types := make(map[quad.IRI]string)
	for _, q := range old {
		if q.Predicate == schema.Type {
			if t, ok := q.Object.(quad.IRI); ok {
				if tn := schema.TypeName(t); tn != "" {
					types[q.Subject.(quad.IRI)] = tn
				}
			}
		}
	}
	prev := make(Previous)
	for _, q := range old {
		if q.Predicate != schema.Name && q.Predicate != schema.AlternateName {
			continue
		}
		iri, _ := q.Subject.(quad.IRI)
		if t := types[iri]; t != "" {
			prev[t+"|"+schema.Normalize(quadString(q.Object))] = iri
		}
	}
	return prev
}

// ResolveArticle returns a resolve function for the entities of one
// article. Organizations, countries and agreements are resolved first, so
// that persons can be matched by the affiliations of their roles. prev
// (may be nil) holds the nodes the article's earlier version used: an
// entity keeps its node across re-ingests, so that ingesting the same
// article again changes nothing even when the graph has grown since.
func (r *Resolver) ResolveArticle(x *schema.Extraction, prev Previous) schema.Resolver {
	done := make(map[string]quad.IRI) // type|name -> node
	key := func(e *schema.Entity) string { return e.Type + "|" + e.Name }
	// Affiliations of each person, by the names of orgs and countries.
	affilNames := make(map[string][]string)
	for _, ro := range x.Roles {
		for _, at := range []string{ro.Org, ro.Country} {
			if at != "" {
				affilNames[schema.Normalize(ro.Person)] = append(affilNames[schema.Normalize(ro.Person)], at)
			}
		}
	}
	byName := make(map[string]*schema.Entity)
	for i := range x.Entities {
		e := &x.Entities[i]
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, ok := byName[schema.Normalize(n)]; !ok {
				byName[schema.Normalize(n)] = e
			}
		}
	}
	counted := make(map[quad.IRI]bool) // nodes this article was counted for
	var resolve schema.Resolver
	resolve = func(e *schema.Entity) quad.IRI {
		if n, ok := done[key(e)]; ok {
			return n
		}
		var affil []quad.IRI
		if e.Type == schema.TypePerson {
			for _, at := range affilNames[schema.Normalize(e.Name)] {
				if ae, ok := byName[schema.Normalize(at)]; ok && ae.Type != schema.TypePerson {
					affil = append(affil, resolve(ae))
				}
			}
		}
		n := r.previous(e, prev)
		if n == nil {
			n = r.resolve(e, affil)
			if !counted[n.IRI] && !e.Optional {
				n.articles++
			}
		} else {
			r.record(n, e, affil)
		}
		counted[n.IRI] = true
		done[key(e)] = n.IRI
		return n.IRI
	}
	// Non-persons first: their nodes feed person affiliations.
	for i := range x.Entities {
		if x.Entities[i].Type != schema.TypePerson && !x.Entities[i].Optional {
			resolve(&x.Entities[i])
		}
	}
	return resolve
}

// previous returns the node an earlier version of the article gave the
// entity (by its name or an alias), when that node still exists.
func (r *Resolver) previous(e *schema.Entity, prev Previous) *entityNode {
	for _, name := range append([]string{e.Name}, e.Aliases...) {
		if iri, ok := prev[e.Type+"|"+schema.Normalize(name)]; ok {
			if n := r.byIRI[iri]; n != nil && n.Type == e.Type {
				return n
			}
		}
	}
	return nil
}

// resolve finds or makes the node of one entity and records its names.
func (r *Resolver) resolve(e *schema.Entity, affil []quad.IRI) *entityNode {
	n := r.find(e, affil)
	if n == nil {
		iri := schema.EntityIRI(e.Type, e.Name)
		if old := r.byIRI[iri]; old != nil {
			// Same slug, but the rules said not the same thing (two
			// people who share a surname): keep them apart.
			for i := 2; r.byIRI[iri] != nil; i++ {
				iri = quad.IRI(string(schema.EntityIRI(e.Type, e.Name)) + "-" + strconv.Itoa(i))
			}
		}
		n = &entityNode{IRI: iri, Type: e.Type, Name: e.Name, names: map[string]bool{}, first: map[string]bool{}, last: map[string]bool{}, affil: map[quad.IRI]bool{}}
		r.byIRI[iri] = n
	}
	r.record(n, e, affil)
	return n
}

// record adds an entity's names and affiliations to its node.
func (r *Resolver) record(n *entityNode, e *schema.Entity, affil []quad.IRI) {
	if e.Type == schema.TypePerson && len(personTokens(e.Name)) > len(personTokens(n.Name)) {
		// A fuller name for a person known by surname only.
		n.Name = e.Name
	}
	for _, name := range append([]string{e.Name}, e.Aliases...) {
		r.addName(n, name)
	}
	for _, a := range affil {
		n.affil[a] = true
	}
}

func (r *Resolver) addName(n *entityNode, name string) {
	k := schema.Normalize(name)
	if k == "" || n.names[k] {
		return
	}
	n.names[k] = true
	if distinctive(name) && !shortForm(n.Type, name, n.Name) {
		for _, key := range nameKeys(n.Type, k) {
			if !containsNode(r.byName[key], n) {
				r.byName[key] = append(r.byName[key], n)
			}
		}
	}
	if n.Type == schema.TypePerson {
		toks := personTokens(name)
		if len(toks) == 0 {
			return
		}
		last := toks[len(toks)-1]
		sk := schema.PhoneticKey(last)
		if sk != "" && !containsNode(r.bySurname[sk], n) {
			r.bySurname[sk] = append(r.bySurname[sk], n)
		}
		n.last[last] = true
		if len(toks) > 1 {
			n.first[strings.TrimSuffix(toks[0], ".")] = true
		}
	}
}

func (r *Resolver) find(e *schema.Entity, affil []quad.IRI) *entityNode {
	names := append([]string{e.Name}, e.Aliases...)
	// Shared distinctive names. For persons only full names count: a
	// surname alias is handled by the surname rule below.
	var cands []*entityNode
	for _, name := range names {
		if !distinctive(name) || (e.Type == schema.TypePerson && len(personTokens(name)) < 2) || shortForm(e.Type, name, e.Name) {
			continue
		}
		for _, key := range nameKeys(e.Type, schema.Normalize(name)) {
			for _, n := range r.byName[key] {
				if !containsNode(cands, n) {
					cands = append(cands, n)
				}
			}
		}
	}
	if len(cands) > 0 {
		return pick(cands, affil)
	}
	if e.Type != schema.TypePerson {
		return nil
	}
	toks := personTokens(e.Name)
	if len(toks) == 0 {
		return nil
	}
	last := toks[len(toks)-1]
	var all []*entityNode
	for _, n := range r.bySurname[schema.PhoneticKey(last)] {
		// The phonetic key only buckets; the surnames must be spellings
		// of one name (Ghassemi, Qassemi), not merely alike (Story, Straw).
		for l := range n.last {
			if schema.SameNameVariant(l, last) {
				all = append(all, n)
				break
			}
		}
	}
	if len(toks) == 1 {
		// A bare surname: the one person known by it, or the one whose
		// affiliation agrees.
		if len(all) == 1 {
			return all[0]
		}
		if agreeing := withAffiliation(all, affil); len(agreeing) == 1 {
			return agreeing[0]
		}
		return dominant(all)
	}
	var compatible []*entityNode
	for _, n := range all {
		if firstNamesAgree(strings.TrimSuffix(toks[0], "."), n) {
			compatible = append(compatible, n)
		}
	}
	if len(compatible) == 0 {
		return nil
	}
	return pick(compatible, affil)
}

// pick chooses among candidates: the one whose affiliation agrees, else the
// first by IRI, so that the choice is deterministic.
func pick(cands []*entityNode, affil []quad.IRI) *entityNode {
	if len(cands) > 1 {
		if agreeing := withAffiliation(cands, affil); len(agreeing) > 0 {
			cands = agreeing
		}
		sort.Slice(cands, func(i, j int) bool { return cands[i].IRI < cands[j].IRI })
	}
	return cands[0]
}

// dominant returns the node with dominantFactor times more articles than
// any other, or nil.
func dominant(nodes []*entityNode) *entityNode {
	var best *entityNode
	second := 0
	for _, n := range nodes {
		switch {
		case best == nil || n.articles > best.articles:
			if best != nil {
				second = best.articles
			}
			best = n
		case n.articles > second:
			second = n.articles
		}
	}
	if best == nil || best.articles == 0 || best.articles < dominantFactor*second {
		return nil
	}
	return best
}

func withAffiliation(nodes []*entityNode, affil []quad.IRI) []*entityNode {
	var out []*entityNode
	for _, n := range nodes {
		for _, a := range affil {
			if n.affil[a] {
				out = append(out, n)
				break
			}
		}
	}
	return out
}

// firstNamesAgree tells whether a first name is compatible with a node's:
// the node knows none (it was named by surname only), or one of its first
// names is the same up to transliteration, or one is an initial of the
// other.
func firstNamesAgree(first string, n *entityNode) bool {
	if len(n.first) == 0 {
		return true
	}
	initial := func(s string) bool { return len([]rune(s)) == 1 }
	// A compound first name agrees with its first part: Mohammad-Javad,
	// Mohammad Javad and Mohammad are one.
	head := func(s string) string {
		if i := strings.IndexAny(s, "- "); i > 0 {
			return s[:i]
		}
		return s
	}
	for f := range n.first {
		switch {
		case schema.SameNameVariant(f, first), schema.SameNameVariant(head(f), head(first)):
			return true
		case initial(f) || initial(first):
			if strings.EqualFold(string([]rune(f)[:1]), string([]rune(first)[:1])) {
				return true
			}
		}
	}
	return false
}

// nameKeys are the keys a normalized name is found by among entities of
// type typ: the name itself, and for an organization the name without the
// legal forms that end it, in a namespace of its own, so that "Salomon
// Brothers Inc" and "Salomon Brothers" (or "Texaco Canada Ltd" and
// "Texaco Canada Inc") meet. One word left is too little to go by
// ("Salomon SA" and "Salomon Inc" are different companies, and "Salomon"
// may be a short name an article gave either).
func nameKeys(typ, key string) []string {
	keys := []string{typ + "|" + key}
	if typ == schema.TypeOrganization {
		if base := withoutLegalForm(key); strings.Count(base, " ") >= 1 {
			keys = append(keys, typ+"~|"+base)
		}
	}
	return keys
}

// shortForm tells whether name is an organization's short form of its
// full name: its first words ("Salomon" of "Salomon Brothers Inc"), not an
// acronym. An article calls a company by such a name once it has named
// it, but the short form does not tell which company another article
// means (Salomon Inc, Salomon SA), so it joins nothing across articles.
func shortForm(typ, name, full string) bool {
	if typ != schema.TypeOrganization || isAcronym(name) {
		return false
	}
	a, b := strings.Fields(schema.Normalize(name)), strings.Fields(schema.Normalize(full))
	if len(a) == 0 || len(a) >= len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isAcronym tells whether a name is written in capitals (UN, NATO, S&P).
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// legalForms are the words that end company names without telling the
// companies apart (normalized: lower case, no dots).
var legalForms = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true,
	"co": true, "cos": true, "company": true, "ltd": true, "limited": true,
	"plc": true, "llc": true, "lp": true, "llp": true, "ag": true, "sa": true,
	"nv": true, "bv": true, "gmbh": true, "spa": true, "kk": true, "pty": true,
}

// withoutLegalForm strips the legal forms (and a joining "and") that end a
// normalized organization name; a name that is nothing else keeps them.
func withoutLegalForm(key string) string {
	words := strings.Fields(key)
	n := len(words)
	for n > 1 && (legalForms[words[n-1]] || (words[n-1] == "and" && n < len(words))) {
		n--
	}
	if n == len(words) || n == 0 {
		return key
	}
	return strings.Join(words[:n], " ")
}

// distinctive reports whether a name may join entities across articles:
// it has a capital letter or a digit ("Tehran", "Resolution 2231"), unlike
// generic references ("the nuclear agreement").
func distinctive(name string) bool {
	for _, r := range name {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// personTokens splits a person's name into words, without honorifics and
// generational suffixes.
func personTokens(name string) []string {
	var out []string
	for _, t := range strings.Fields(name) {
		switch strings.ToLower(strings.TrimSuffix(t, ",")) {
		case "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.":
			continue
		}
		out = append(out, strings.Trim(t, ","))
	}
	return out
}

func containsNode(ns []*entityNode, n *entityNode) bool {
	for _, m := range ns {
		if m == n {
			return true
		}
	}
	return false
}

func betterName(name, cur string) bool { return schema.BetterName(name, cur) }
