package queries

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"newsgraph/graph"
	"newsgraph/schema"
)

// catalogVersion changes whenever the catalog's layout or meaning does, so
// that a cached catalog of an older build is rebuilt.
const catalogVersion = 2

// maxPairs bounds the co-mention pairs a catalog keeps: the most frequent.
const maxPairs = 200000

// Catalog summarises the graph for the queries that look at all of it: every
// entity with its names and counts, every article, and the pairs of
// entities mentioned in the same articles. Building it reads every entity
// and article once (seconds on a graph of tens of thousands of articles);
// a Graph opened with a cache file keeps it on disk between runs and
// rebuilds it when the store changes.
type Catalog struct {
	Version     int
	Fingerprint string
	Entities    []EntitySummary // sorted by ID
	Articles    []Article       // sorted by ID
	Pairs       []catalogPair   // by count, most frequent first
	// Keys holds, for each entity, the normalized (normKey) form of each of
	// its names, canonical name first; Phonetic the phonetic keys of each
	// name's words, space-separated. Both are computed once, at build.
	Keys     [][]string
	Phonetic [][]string

	byID   map[string]int // entity ID -> index in Entities
	byName map[string][]int
}

// catalogPair is two entities (indexes into Entities, A < B) and the
// number of articles that mention both.
type catalogPair struct {
	A, B     int32
	Articles int32
}

// Options tunes a Graph.
type Options struct {
	// CatalogCache is a file to keep the catalog in between runs; "" keeps
	// it in memory for the Graph's lifetime only.
	CatalogCache string
	// Fingerprint identifies the store's content (see StoreFingerprint); a
	// cached catalog with another fingerprint is rebuilt.
	Fingerprint string
}

// Catalog returns the graph's catalog, loading it from the cache file when
// that holds one for this store's content, else building (and caching) it.
func (g *Graph) Catalog(ctx context.Context) (*Catalog, error) {
	if g.cat != nil {
		return g.cat, nil
	}
	if c := g.loadCatalog(); c != nil {
		g.cat = c
		return c, nil
	}
	c, err := g.buildCatalog(ctx)
	if err != nil {
		return nil, fmt.Errorf("build catalog: %w", err)
	}
	c.Fingerprint = g.opt.Fingerprint
	c.index()
	g.cat = c
	g.saveCatalog(c)
	return c, nil
}

// CatalogCached reports whether the catalog came from the cache file.
func (g *Graph) CatalogCached() bool { return g.catCached }

func (g *Graph) loadCatalog() *Catalog {
	if g.opt.CatalogCache == "" || g.opt.Fingerprint == "" {
		return nil
	}
	data, err := os.ReadFile(g.opt.CatalogCache)
	if err != nil {
		return nil
	}
	var c Catalog
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&c); err != nil {
		return nil // a damaged or foreign cache is rebuilt
	}
	if c.Version != catalogVersion || c.Fingerprint != g.opt.Fingerprint {
		return nil
	}
	c.index()
	g.catCached = true
	return &c
}

// saveCatalog writes the cache file; a cache that cannot be written only
// costs the next run the time to rebuild it, so errors are dropped.
func (g *Graph) saveCatalog(c *Catalog) {
	if g.opt.CatalogCache == "" || g.opt.Fingerprint == "" {
		return
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(c); err != nil {
		return
	}
	dir := filepath.Dir(g.opt.CatalogCache)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".catalog-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), g.opt.CatalogCache); err != nil {
		os.Remove(tmp.Name())
	}
}

// StoreFingerprint identifies the content of a bolt store by the size and
// modification time of its file and its quad count; "" for other stores,
// whose catalogs are not cached.
func StoreFingerprint(ctx context.Context, st *graph.Store) string {
	if st.Kind != "bolt" {
		return ""
	}
	fi, err := os.Stat(filepath.Join(st.Location, "indexes.bolt"))
	if err != nil {
		return ""
	}
	n, err := st.Size(ctx)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d/%d/%d", fi.Size(), fi.ModTime().UnixNano(), n)
}

// CatalogCacheFile is where the catalog of a bolt store is cached: in
// dir (the user's cache directory when ""), named after the store's
// absolute path.
func CatalogCacheFile(dir string, st *graph.Store) string {
	if st.Kind != "bolt" {
		return ""
	}
	if dir == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(d, "newsgraph")
	}
	abs, err := filepath.Abs(st.Location)
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "catalog-"+schema.ShortHash(abs)+".gob")
}

// computeKeys fills Keys and Phonetic.
func (c *Catalog) computeKeys() {
	c.Keys = make([][]string, len(c.Entities))
	c.Phonetic = make([][]string, len(c.Entities))
	for i, e := range c.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
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
	c := &Catalog{Version: catalogVersion}
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
		var names []string
		err := g.eachQuad(ctx, quad.Subject, iri, func(pred quad.IRI, o quad.Value) error {
			switch pred {
			case schema.Name:
				if n := valueString(o); betterName(n, s.Name) {
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
func aliases(canonical string, names []string) []string {
	seen := map[string]bool{normKey(canonical): true}
	out := []string{}
	sort.Strings(names)
	for _, n := range names {
		k := normKey(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// pairs counts, for every two entities, the articles that mention both,
// and keeps the maxPairs most frequent.
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
	if len(out) > maxPairs {
		out = out[:maxPairs]
	}
	return out
}

// lookup finds an entity by name in the catalog (see Graph.Lookup).
func (c *Catalog) lookup(name string) (Entity, error) {
	key := normKey(name)
	// Tier 1 and 2: the name itself, canonical names first.
	if idx := c.byName[key]; len(idx) > 0 {
		var canon []int
		for _, i := range idx {
			if normKey(c.Entities[i].Name) == key {
				canon = append(canon, i)
			}
		}
		if len(canon) == 0 {
			canon = idx
		}
		return c.pick(name, canon)
	}
	// Tier 3 and 4: up to transliteration, whole names, then names of
	// which the given words are a part ("qassemi", "le drian").
	want := strings.Join(phoneticKeys(name), " ")
	if want != "" {
		var whole, part []int
		for i, keys := range c.Phonetic {
			w, p := false, false
			for _, have := range keys {
				switch {
				case have == want:
					w = true
				case containsWordsSeq(have, want):
					p = true
				}
			}
			if w {
				whole = append(whole, i)
			} else if p {
				part = append(part, i)
			}
		}
		if len(whole) > 0 {
			return c.pick(name, whole)
		}
		if len(part) > 0 {
			return c.pick(name, part)
		}
	}
	return Entity{}, &NotFoundError{Name: name, Suggestions: c.suggest(name, 3)}
}

func (c *Catalog) pick(name string, idx []int) (Entity, error) {
	if len(idx) == 1 {
		return c.Entities[idx[0]].Entity, nil
	}
	cands := make([]Entity, len(idx))
	for i, x := range idx {
		cands[i] = c.Entities[x].Entity
	}
	sortEntities(cands)
	return Entity{}, &AmbiguousError{Name: name, Candidates: cands}
}

// containsWordsSeq reports whether the space-separated words of want
// appear as consecutive words of have.
func containsWordsSeq(have, want string) bool {
	i := strings.Index(" "+have+" ", " "+want+" ")
	return i >= 0
}

// suggest returns up to n canonical names closest to name by edit
// distance (of folded names; a name containing the query counts as close),
// most-mentioned first among equals.
func (c *Catalog) suggest(name string, n int) []string {
	key := normKey(name)
	type cand struct {
		name string
		dist int
		arts int
	}
	best := map[string]cand{}
	limit := max(1, len([]rune(key))/3)
	klen := len([]rune(key))
	for i, e := range c.Entities {
		d := -1
		for _, k := range c.Keys[i] {
			contains := len(key) >= 3 && strings.Contains(k, key)
			if !contains && abs(len([]rune(k))-klen) > limit {
				continue // too far apart in length to be within limit
			}
			dd := levenshtein(key, k)
			if contains {
				dd = min(dd, 1)
			}
			if d < 0 || dd < d {
				d = dd
			}
		}
		if d < 0 || d > limit {
			continue
		}
		if old, ok := best[e.Name]; !ok || d < old.dist || (d == old.dist && e.Articles > old.arts) {
			best[e.Name] = cand{e.Name, d, e.Articles}
		}
	}
	cands := make([]cand, 0, len(best))
	for _, c := range best {
		cands = append(cands, c)
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.arts != b.arts {
			return a.arts > b.arts
		}
		return a.name < b.name
	})
	var out []string
	for i := 0; i < len(cands) && i < n; i++ {
		out = append(out, cands[i].name)
	}
	return out
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
