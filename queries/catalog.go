package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// Catalog summarises the graph for the queries that look at all of it when
// there is no read index (memory and PostgreSQL stores, bolt stores of an
// older build): every entity with its names and counts, every article,
// and the pairs of entities mentioned in the same articles. Building it
// reads every entity and article once (seconds on a graph of tens of
// thousands of articles); a Graph builds it on first need and keeps it in
// memory for its lifetime.
type Catalog struct {
	Entities []EntitySummary // sorted by ID
	Articles []Article       // sorted by ID
	Pairs    []catalogPair   // by count, most frequent first
	// Keys holds, for each entity, the normalized (normKey) form of each of
	// its names, canonical name first, then its aliases, then its other
	// schema:name values; Phonetic the phonetic keys of each name's
	// words, space-separated. Both are computed once, at build.
	Keys     [][]string
	Phonetic [][]string

	others [][]string // each entity's other schema:name values
	byID   map[string]int
	byName map[string][]int
}

// catalogPair is two entities (indexes into Entities, A < B) and the
// number of articles that mention both.
type catalogPair struct {
	A, B     int32
	Articles int32
}

// Catalog returns the graph's catalog, building it on first need.
func (g *Graph) Catalog(ctx context.Context) (*Catalog, error) {
	if g.cat != nil {
		return g.cat, nil
	}
	c, err := g.buildCatalog(ctx)
	if err != nil {
		return nil, fmt.Errorf("build catalog: %w", err)
	}
	c.index()
	g.cat = c
	return c, nil
}

// computeKeys fills Keys and Phonetic.
func (c *Catalog) computeKeys() {
	c.Keys = make([][]string, len(c.Entities))
	c.Phonetic = make([][]string, len(c.Entities))
	for i, e := range c.Entities {
		for _, n := range append(append([]string{e.Name}, e.Aliases...), c.others[i]...) {
			c.Keys[i] = append(c.Keys[i], normKey(n))
			c.Phonetic[i] = append(c.Phonetic[i], strings.Join(phoneticKeys(n), " "))
		}
	}
}

func (c *Catalog) index() {
	c.byID = make(map[string]int, len(c.Entities))
	c.byName = make(map[string][]int, len(c.Entities))
	for i, e := range c.Entities {
		c.byID[e.ID] = i
		for _, k := range c.Keys[i] {
			if l := c.byName[k]; len(l) == 0 || l[len(l)-1] != i {
				c.byName[k] = append(l, i)
			}
		}
	}
}

func (c *Catalog) entity(i int32) Entity { return c.Entities[i].Entity }

// buildCatalog reads every entity and article once, through the type index
// and one subject and one object prefix scan per node.
func (g *Graph) buildCatalog(ctx context.Context) (*Catalog, error) {
	c := &Catalog{}
	var iris []quad.IRI
	typeOf := map[quad.IRI]string{}
	for _, t := range schema.EntityTypes {
		ts, err := g.inIRIs(ctx, t, schema.Type)
		if err != nil {
			return nil, err
		}
		for _, iri := range ts {
			if _, ok := typeOf[iri]; !ok {
				typeOf[iri] = schema.TypeName(t)
				iris = append(iris, iri)
			}
		}
	}
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
	mentionedIn := make([][]quad.IRI, len(iris)) // articles mentioning each entity
	artEntities := map[quad.IRI]int{}
	for i, iri := range iris {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := EntitySummary{Entity: Entity{ID: string(iri), Type: typeOf[iri]}}
		var names, canonical []string
		err := g.eachQuad(ctx, quad.Subject, iri, func(pred quad.IRI, o quad.Value) error {
			switch pred {
			case schema.Name:
				n := valueString(o)
				canonical = append(canonical, n)
				if betterName(n, s.Name) {
					s.Name = n
				}
			case schema.AlternateName:
				names = append(names, valueString(o))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if s.Name == "" {
			s.Name = fallbackName(iri)
		}
		s.Aliases = aliases(s.Name, names)
		c.others = append(c.others, otherNames(s.Name, s.Aliases, canonical))
		seenSt, seenArt := map[quad.Value]bool{}, map[quad.Value]bool{}
		err = g.eachQuad(ctx, quad.Object, iri, func(pred quad.IRI, o quad.Value) error {
			switch pred {
			case schema.Speaker:
				if !seenSt[o] {
					seenSt[o] = true
					s.StatementsBy++
				}
			case schema.Mentions:
				sub, _ := o.(quad.IRI)
				if seenArt[sub] {
					return nil
				}
				seenArt[sub] = true
				switch {
				case isStatement(sub):
					s.StatementsAbout++
				case isArticle(sub):
					s.Articles++
					mentionedIn[i] = append(mentionedIn[i], sub)
					artEntities[sub]++
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		c.Entities = append(c.Entities, s)
		g.nodes[iri] = &Entity{ID: s.ID, Name: s.Name, Type: s.Type}
	}

	arts, err := g.inIRIs(ctx, schema.NewsArticle, schema.Type)
	if err != nil {
		return nil, err
	}
	for _, iri := range arts {
		a, err := g.article(ctx, iri)
		if err != nil {
			return nil, err
		}
		a.Entities = artEntities[iri]
		c.Articles = append(c.Articles, a)
	}
	c.Pairs = pairs(mentionedIn)
	c.computeKeys()
	return c, nil
}

// aliases returns the distinct other names of an entity, sorted.
func aliases(canonical string, names []string) []string { return index.Aliases(canonical, names) }

// otherNames returns the schema:name values of an entity that are neither
// its canonical name nor aliases, as index.EntityRecord.OtherNames.
func otherNames(canonical string, aliases, names []string) []string {
	known := map[string]bool{}
	for _, a := range aliases {
		known[normKey(a)] = true
	}
	out := []string{}
	for _, n := range index.Aliases(canonical, names) {
		if !known[normKey(n)] {
			out = append(out, n)
		}
	}
	return out
}

// pairs counts, for every two entities, the articles that mention both,
// most frequent first.
func pairs(mentionedIn [][]quad.IRI) []catalogPair {
	byArticle := map[quad.IRI][]int32{}
	for i, arts := range mentionedIn {
		for _, a := range arts {
			byArticle[a] = append(byArticle[a], int32(i))
		}
	}
	counts := map[[2]int32]int32{}
	for _, es := range byArticle {
		for x := 0; x < len(es); x++ {
			for y := x + 1; y < len(es); y++ {
				a, b := es[x], es[y]
				if a > b {
					a, b = b, a
				}
				counts[[2]int32{a, b}]++
			}
		}
	}
	out := make([]catalogPair, 0, len(counts))
	for k, n := range counts {
		out = append(out, catalogPair{A: k[0], B: k[1], Articles: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out
}

func (c *Catalog) named(key string) ([]Entity, []bool, error) {
	var es []Entity
	var canonical []bool
	for _, i := range c.byName[key] {
		es = append(es, c.Entities[i].Entity)
		canonical = append(canonical, c.Keys[i][0] == key)
	}
	return es, canonical, nil
}

func (c *Catalog) phonetic(want string, words []string) (whole, part []Entity, err error) {
	for i, keys := range c.Phonetic {
		w, p := false, false
		for j, have := range keys {
			if have != want && !containsWordsSeq(have, want) {
				continue
			}
			ww, pp := variantOf(c.nameAt(i, j), words)
			w = w || ww
			p = p || pp
		}
		if w {
			whole = append(whole, c.Entities[i].Entity)
		} else if p {
			part = append(part, c.Entities[i].Entity)
		}
	}
	return whole, part, nil
}

// nameAt is the j-th name of entity i in the order computeKeys keys them:
// the canonical name, the aliases, the other names.
func (c *Catalog) nameAt(i, j int) string {
	e := c.Entities[i]
	switch {
	case j == 0:
		return e.Name
	case j <= len(e.Aliases):
		return e.Aliases[j-1]
	}
	return c.others[i][j-1-len(e.Aliases)]
}

// nameWords returns the words of a name that have a phonetic key, folded
// (the words phoneticKeys keys).
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(normKey(s)) {
		if schema.PhoneticKey(w) != "" {
			out = append(out, w)
		}
	}
	return out
}

// variantOf reports whether name is words up to transliteration (each word
// a schema.SameNameVariant of the one given: Ghassemi for qassemi), whole,
// or has them as consecutive words, part. Phonetic keys alone are too
// loose to decide (Obamma and ABM, zzzz and U.S. share theirs).
func variantOf(name string, words []string) (whole, part bool) {
	have := nameWords(name)
	for i := 0; i+len(words) <= len(have); i++ {
		ok := true
		for j, w := range words {
			if !sameWord(have[i+j], w) {
				ok = false
				break
			}
		}
		if ok {
			if len(have) == len(words) {
				return true, false
			}
			part = true
		}
	}
	return false, part
}

// sameWord reports whether two folded name words are one name up to
// transliteration; a word of one sound (an initial, "Z.") only matches
// itself.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(schema.TranslitForm(a)) < 2 || len(schema.TranslitForm(b)) < 2 {
		return false
	}
	return schema.SameNameVariant(a, b)
}

// containsWordsSeq reports whether the space-separated words of want
// appear as consecutive words of have.
func containsWordsSeq(have, want string) bool {
	i := strings.Index(" "+have+" ", " "+want+" ")
	return i >= 0
}

func (c *Catalog) suggest(key string, n int) ([]string, error) {
	var cs []suggestion
	for i, e := range c.Entities {
		for _, k := range c.Keys[i] {
			if d, ok := nameDistance(key, k); ok {
				cs = append(cs, suggestion{e.Name, d, e.Articles})
			}
		}
	}
	return closest(cs, n), nil
}

// suggestion is a canonical name close to a name looked up.
type suggestion struct {
	name string
	dist int // edit distance of folded names (1 when one contains the other)
	arts int
}

// nameDistance is the edit distance between key and a name key k (at most
// 1 when k contains key); ok is false when it is too far for a
// suggestion.
func nameDistance(key, k string) (int, bool) {
	klen := len([]rune(key))
	limit := max(1, klen/3)
	contains := len(key) >= 3 && strings.Contains(k, key)
	if !contains && abs(len([]rune(k))-klen) > limit {
		return 0, false // too far apart in length to be within limit
	}
	d := levenshtein(key, k)
	if contains {
		d = min(d, 1)
	}
	return d, d <= limit
}

// closest returns up to n distinct names of cs: closest first, then most
// mentioned, then by name.
func closest(cs []suggestion, n int) []string {
	best := map[string]suggestion{}
	for _, c := range cs {
		if old, ok := best[c.name]; !ok || c.dist < old.dist || (c.dist == old.dist && c.arts > old.arts) {
			best[c.name] = c
		}
	}
	out := make([]suggestion, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.arts != b.arts {
			return a.arts > b.arts
		}
		return a.name < b.name
	})
	var names []string
	for i := 0; i < len(out) && i < n; i++ {
		names = append(names, out[i].name)
	}
	return names
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
