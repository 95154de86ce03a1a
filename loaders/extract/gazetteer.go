package extract

//go:generate go run ./data/genlexicon.go

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"

	"newsgraph/schema"
)

// The embedded data is world knowledge written for newsgraph (countries,
// international bodies, government bodies, parties, news media, places,
// titles, portfolios, common given names) plus a list of common English words derived from
// SCOWL (data/lexicon.LICENSE). None of it names a person.
//
//go:embed data/countries.tsv data/orgs.tsv data/agreements.tsv data/locations.tsv data/titles.tsv data/portfolios.tsv data/ministries.tsv data/lexicon.txt data/givennames.txt
var dataFS embed.FS

// Kinds of gazetteer entries.
const (
	kindCountry   = "country"
	kindTerritory = "territory"
	kindLocation  = "location"
	kindMinistry  = "ministry"
	kindMedia     = "media"
	kindGov       = "gov"
	kindAgreement = "agreement"
)

// known is an entity the gazetteers know: a country, an organization, a
// place.
type known struct {
	typ      string
	kind     string
	name     string
	official string
	aliases  []string // standard other names
	country  int      // index of the country it belongs to, -1
	demonym  string   // countries: the first adjective ("Iranian")
	capitals map[string]bool
	keys     []string // nameKey of the name and every alias
}

// phrase is one name of a known entity, as tokens.
type phrase struct {
	toks  []string // lower-case token texts
	orig  []string // token texts as written in the data
	cap   uint32   // bit i: token i must be capitalised in the text
	exact uint32   // bit i: token i must be written exactly so (acronyms)
	known int32
	kind  MentionKind
}

// gazetteer finds the longest known phrase starting at a token: one map
// look-up on the token's lower-case text, then a comparison per candidate.
type gazetteer struct {
	first   map[string][]int32 // first token -> phrases, longest first
	phrases []phrase
	seen    map[string]bool
}

func (g *gazetteer) add(text string, k int, kind MentionKind) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	toks := tokenize(text)
	if len(toks) == 0 || len(toks) > 32 {
		return
	}
	p := phrase{known: int32(k), kind: kind}
	var key strings.Builder
	for i, t := range toks {
		p.toks = append(p.toks, t.Lower)
		p.orig = append(p.orig, t.Text)
		if t.Cap {
			p.cap |= 1 << i
		}
		if t.Upper || (len(toks) == 1 && t.Cap && len(t.Text) <= 3) {
			p.exact |= 1 << i
		}
		key.WriteString(t.Lower)
		if p.exact&(1<<i) != 0 {
			key.WriteString("|" + t.Text) // "NATO" and "Nato" are two phrases
		}
		key.WriteByte(' ')
	}
	if g.seen[key.String()] {
		return // the first entry to claim a phrase keeps it
	}
	g.seen[key.String()] = true
	idx := int32(len(g.phrases))
	g.phrases = append(g.phrases, p)
	list := g.first[p.toks[0]]
	// Keep longest first.
	pos := len(list)
	for j, o := range list {
		if len(g.phrases[o].toks) < len(p.toks) {
			pos = j
			break
		}
	}
	list = append(list, 0)
	copy(list[pos+1:], list[pos:])
	list[pos] = idx
	g.first[p.toks[0]] = list
}

// match returns the longest phrase starting at token i and the end of its
// span, or -1.
func (g *gazetteer) match(toks []Token, i int) (int, int) {
	list := g.first[toks[i].Lower]
	for _, pi := range list {
		p := &g.phrases[pi]
		if i+len(p.toks) > len(toks) {
			continue
		}
		ok := true
		for j, w := range p.toks {
			t := &toks[i+j]
			if t.Lower != w && !(t.Kind == Possessive && (w == "'s" || w == "’s")) {
				ok = false
				break
			}
			if p.cap&(1<<j) != 0 && !t.Cap {
				ok = false
				break
			}
			if p.exact&(1<<j) != 0 && t.Text != p.orig[j] {
				ok = false
				break
			}
			if j > 0 && t.ParaBefore {
				ok = false
				break
			}
		}
		if ok {
			return int(pi), i + len(p.toks)
		}
	}
	return -1, -1
}

// countryAt returns the country whose name, demonym or capital spells
// tokens [i, end) exactly, where it ends and how it names it; -1 when
// none does.
func (g *gazetteer) countryAt(dt *data, toks []Token, i, end int) (int, int, MentionKind) {
	for _, pi := range g.first[toks[i].Lower] {
		p := &g.phrases[pi]
		if i+len(p.toks) != end || dt.known[p.known].typ != schema.TypeCountry {
			continue
		}
		ok := true
		for j, w := range p.toks {
			t := &toks[i+j]
			if t.Lower != w || p.cap&(1<<j) != 0 && !t.Cap || p.exact&(1<<j) != 0 && t.Text != p.orig[j] {
				ok = false
				break
			}
		}
		if ok {
			return int(p.known), end, p.kind
		}
	}
	return -1, i, 0
}

// nameSet is a set of lower-case words or phrases.
type nameSet map[string]bool

// titleInfo describes a title phrase.
type titleInfo struct {
	class  string // office, honorific, relation
	gender Gender
	port   string // portfolio key for portfolio offices ("foreign minister")
}

// portfolio is a government portfolio (foreign affairs, defense, ...).
type portfolio struct {
	key   string
	forms []string
	name  string // "Foreign Affairs": Ministry of Foreign Affairs
	short string // "Foreign": Foreign Ministry
}

// data is everything the extractor reads from its embedded files.
type data struct {
	known      []known
	byName     map[string]int // canonical name -> known index
	gaz        gazetteer
	titles     map[string]titleInfo // lower-case title phrase -> info
	titleFirst map[string][]string  // first word -> title phrases, longest first
	titleMax   int
	portfolios []portfolio
	portFirst  map[string][][]string // first word -> forms as word lists, longest first
	portByKey  map[string]*portfolio
	ministries map[string]int // country|portfolio -> known index of an official ministry
	lexicon    nameSet
	givenNames nameSet // common given names, lower case
}

var (
	dataOnce sync.Once
	dataVal  *data
	dataErr  error
)

// loadData parses the embedded files once per process.
func loadData() *data {
	dataOnce.Do(func() {
		dataVal, dataErr = parseData()
	})
	if dataErr != nil {
		panic(fmt.Sprintf("extract: embedded data: %v", dataErr))
	}
	return dataVal
}

func readTSV(name string, fn func(f []string) error) error {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func field(f []string, i int) string {
	if i < len(f) {
		return strings.TrimSpace(f[i])
	}
	return ""
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseData() (*data, error) {
	d := &data{
		byName:     map[string]int{},
		gaz:        gazetteer{first: map[string][]int32{}, seen: map[string]bool{}},
		titles:     map[string]titleInfo{},
		titleFirst: map[string][]string{},
		portFirst:  map[string][][]string{},
		portByKey:  map[string]*portfolio{},
		ministries: map[string]int{},
		lexicon:    nameSet{},
		givenNames: nameSet{},
	}
	add := func(k known) int {
		k.country = -1
		d.known = append(d.known, k)
		i := len(d.known) - 1
		if _, ok := d.byName[k.name]; !ok {
			d.byName[k.name] = i
		}
		return i
	}
	type later struct {
		k     int
		names []string
		kind  MentionKind
	}
	var secondary []later // demonyms and capitals go after every name
	err := readTSV("countries.tsv", func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want 6 fields, got %d", len(f))
		}
		typ := schema.TypeCountry
		if f[0] == kindTerritory {
			typ = schema.TypeLocation
		}
		k := known{typ: typ, kind: f[0], name: field(f, 1), official: field(f, 2), capitals: map[string]bool{}}
		if k.official != "" && k.official != k.name {
			k.aliases = append(k.aliases, k.official)
		}
		for _, a := range list(field(f, 3)) {
			if a != k.name && a != k.official {
				k.aliases = append(k.aliases, a)
			}
		}
		dem := list(field(f, 4))
		if len(dem) > 0 {
			k.demonym = dem[0]
		}
		caps := list(field(f, 5))
		for _, c := range caps {
			k.capitals[c] = true
		}
		i := add(k)
		d.gaz.add(k.name, i, MentionName)
		for _, a := range k.aliases {
			d.gaz.add(a, i, MentionName)
		}
		secondary = append(secondary, later{i, dem, MentionDemonym})
		if typ == schema.TypeCountry {
			// Territories' capitals are small towns whose names are
			// often persons' (Douglas, Hamilton, Stanley).
			secondary = append(secondary, later{i, caps, MentionCapital})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("orgs.tsv", func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want 4 fields, got %d", len(f))
		}
		k := known{typ: schema.TypeOrganization, kind: field(f, 0), name: field(f, 1), aliases: list(field(f, 2))}
		i := add(k)
		if c := field(f, 3); c != "" {
			ci, ok := d.byName[c]
			if !ok {
				return fmt.Errorf("unknown country %q", c)
			}
			d.known[i].country = ci
		}
		d.gaz.add(k.name, i, MentionName)
		for _, a := range k.aliases {
			d.gaz.add(a, i, MentionName)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("agreements.tsv", func(f []string) error {
		k := known{typ: schema.TypeAgreement, kind: kindAgreement, name: field(f, 0), aliases: list(field(f, 1))}
		i := add(k)
		d.gaz.add(k.name, i, MentionName)
		for _, a := range k.aliases {
			d.gaz.add(a, i, MentionName)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, s := range secondary {
		for _, n := range s.names {
			d.gaz.add(n, s.k, s.kind)
		}
	}
	err = readTSV("locations.tsv", func(f []string) error {
		k := known{typ: schema.TypeLocation, kind: kindLocation, name: field(f, 0), aliases: list(field(f, 1))}
		i := add(k)
		d.gaz.add(k.name, i, MentionName)
		for _, a := range k.aliases {
			d.gaz.add(a, i, MentionName)
		}
		for _, a := range list(field(f, 2)) {
			d.gaz.add(a, i, MentionDemonym)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("portfolios.tsv", func(f []string) error {
		p := portfolio{key: field(f, 0), forms: list(field(f, 1)), name: field(f, 2), short: field(f, 3)}
		d.portfolios = append(d.portfolios, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range d.portfolios {
		p := &d.portfolios[i]
		d.portByKey[p.key] = p
		for _, form := range p.forms {
			ws := strings.Fields(form)
			d.portFirst[ws[0]] = insertLongest(d.portFirst[ws[0]], ws)
			for _, office := range []string{form + " minister", "minister of " + form, form + " secretary", "deputy " + form + " minister",
				"secretary of " + form, "minister for " + form, "junior " + form + " minister", "state " + form + " minister"} {
				d.addTitle(office, titleInfo{class: "office", port: p.key})
				d.addTitle("shadow "+office, titleInfo{class: "office", port: p.key})
			}
			// Offices of a portfolio in a body that is not a ministry
			// ("EU trade commissioner", "Tory foreign affairs
			// spokesman", "US trade representative"): the body stays.
			for _, office := range []string{form + " commissioner", form + " spokesman", form + " spokeswoman", form + " spokesperson",
				form + " representative", form + " envoy", form + " adviser", form + " advisor", form + " chief"} {
				d.addTitle(office, titleInfo{class: "office"})
			}
		}
	}
	err = readTSV("titles.tsv", func(f []string) error {
		ti := titleInfo{class: field(f, 1)}
		switch field(f, 2) {
		case "m":
			ti.gender = Male
		case "f":
			ti.gender = Female
		}
		d.addTitle(field(f, 0), ti)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("ministries.tsv", func(f []string) error {
		ci, ok := d.byName[field(f, 0)]
		if !ok {
			return fmt.Errorf("unknown country %q", field(f, 0))
		}
		if d.portByKey[field(f, 1)] == nil {
			return fmt.Errorf("unknown portfolio %q", field(f, 1))
		}
		name := field(f, 2)
		ki, ok := d.byName[name]
		if !ok {
			ki = add(known{typ: schema.TypeOrganization, kind: kindMinistry, name: name})
			d.known[ki].country = ci
		}
		d.known[ki].aliases = append(d.known[ki].aliases, list(field(f, 3))...)
		d.ministries[field(f, 0)+"|"+field(f, 1)] = ki
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range d.known {
		k := &d.known[i]
		k.keys = append(k.keys, nameKey(k.name))
		for _, a := range k.aliases {
			k.keys = append(k.keys, nameKey(a))
		}
	}
	b, err := dataFS.ReadFile("data/lexicon.txt")
	if err != nil {
		return nil, err
	}
	for _, w := range strings.Split(string(b), "\n") {
		if w != "" {
			d.lexicon[w] = true
		}
	}
	if b, err = dataFS.ReadFile("data/givennames.txt"); err != nil {
		return nil, err
	}
	for _, w := range strings.Split(string(b), "\n") {
		if w = strings.TrimSpace(w); w != "" && w[0] != '#' {
			d.givenNames[w] = true
		}
	}
	return d, nil
}

func (d *data) addTitle(t string, ti titleInfo) {
	t = strings.ToLower(strings.TrimSpace(t))
	if t == "" {
		return
	}
	if _, ok := d.titles[t]; ok {
		return
	}
	d.titles[t] = ti
	ws := strings.Fields(t)
	d.titleFirst[ws[0]] = insertLongestStr(d.titleFirst[ws[0]], t)
	if len(ws) > d.titleMax {
		d.titleMax = len(ws)
	}
}

func insertLongest(l [][]string, ws []string) [][]string {
	pos := len(l)
	for j, o := range l {
		if len(o) < len(ws) {
			pos = j
			break
		}
	}
	l = append(l, nil)
	copy(l[pos+1:], l[pos:])
	l[pos] = ws
	return l
}

func insertLongestStr(l []string, s string) []string {
	n := len(strings.Fields(s))
	pos := len(l)
	for j, o := range l {
		if len(strings.Fields(o)) < n {
			pos = j
			break
		}
	}
	l = append(l, "")
	copy(l[pos+1:], l[pos:])
	l[pos] = s
	return l
}

// matchWords returns the length in tokens of the longest of the word
// lists that the tokens from i spell (case-insensitively), 0 when none.
func matchWords(toks []Token, i int, lists [][]string) int {
	for _, ws := range lists {
		if i+len(ws) > len(toks) {
			continue
		}
		ok := true
		for j, w := range ws {
			if toks[i+j].Lower != w || (j > 0 && toks[i+j].ParaBefore) {
				ok = false
				break
			}
		}
		if ok {
			return len(ws)
		}
	}
	return 0
}

// matchTitle returns the end of the longest title phrase starting at
// token i and its info, or i when none.
func (d *data) matchTitle(toks []Token, i int) (int, titleInfo) {
	if i >= len(toks) || toks[i].Kind != Word {
		return i, titleInfo{}
	}
	for _, t := range d.titleFirst[toks[i].Lower] {
		end, ok := spells(toks, i, t)
		if ok {
			return end, d.titles[t]
		}
	}
	return i, titleInfo{}
}

// spells tells whether the tokens from i spell the space-separated words
// of s (lower case), and where they end.
func spells(toks []Token, i int, s string) (int, bool) {
	j := i
	for len(s) > 0 {
		w := s
		if k := strings.IndexByte(s, ' '); k >= 0 {
			w, s = s[:k], s[k+1:]
		} else {
			s = ""
		}
		if j >= len(toks) || toks[j].Lower != w || (j > i && toks[j].ParaBefore) {
			return i, false
		}
		j++
	}
	return j, true
}

// titleEndingAt returns the start of the longest title phrase that ends
// just before token end, or end when none.
func (d *data) titleEndingAt(toks []Token, end int) (int, titleInfo) {
	for n := d.titleMax; n >= 1; n-- {
		s := end - n
		if s < 0 {
			continue
		}
		if e, ti := d.matchTitle(toks, s); e == end {
			// matchTitle returns the longest match from s; accept it only
			// when it ends exactly here.
			return s, ti
		}
		// A shorter title from s may end here.
		for _, t := range d.titleFirst[toks[s].Lower] {
			if e, ok := spells(toks, s, t); ok && e == end {
				return s, d.titles[t]
			}
		}
	}
	return end, titleInfo{}
}
