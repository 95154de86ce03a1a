package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsgraph/schema"
)

// ensureEntity returns the entity that tokens [start, end) name, creating
// it when the article has none yet. It is for later stages that find a
// name the entity stage missed (a speaker before "said"):
//
//   - a mention already covering the span gives its entity;
//   - else an entity of the type (any type when typ is "") whose name or
//     alias equals the span, or a person whose surname it is ("Ghassemi"
//     for "Bahram Ghassemi"), gets a new alias mention;
//   - else a new entity of type typ (Person when "") with one name mention.
//
// Mentions stay sorted by position and MentionOf stays in step. It returns
// -1 for an empty or noise span, and for a new person whose span does not
// look like a name (a common word, "MPs").
func (x *Extractor) ensureEntity(d *Doc, start, end int, typ string) int {
	if start < 0 || end > len(d.Tokens) || start >= end {
		return -1
	}
	if len(d.MentionOf) != len(d.Tokens) {
		d.indexMentions()
	}
	if m := d.MentionOf[start]; m >= 0 {
		mm := &d.Mentions[m]
		if mm.Start <= start && end <= mm.End && mm.Entity >= 0 {
			return mm.Entity
		}
	}
	for i := start; i < end; i++ {
		if len(d.Noise) == len(d.Tokens) && d.Noise[i] {
			return -1
		}
	}
	surface := d.Span(start, end)
	key := nameKey(surface)
	if key == "" {
		return -1
	}
	d.indexNames()
	for _, ei := range d.names.byKey[key] {
		if e := d.Entities[ei]; typ == "" || e.Type == typ {
			d.addMention(Mention{Start: start, End: end, Entity: ei, Kind: MentionAlias})
			return ei
		}
	}
	if typ == "" || typ == schema.TypePerson {
		if ei := d.personBySurname(key); ei >= 0 {
			d.addMention(Mention{Start: start, End: end, Entity: ei, Kind: MentionAlias})
			addAlias(d.Entities[ei], surface)
			d.names.put(key, ei)
			return ei
		}
	}
	if typ == "" {
		typ = schema.TypePerson
	}
	if typ == schema.TypePerson && !looksLikeName(d, start, end) {
		return -1
	}
	ei := len(d.Entities)
	e := &Entity{Type: typ, Name: surface}
	if typ == schema.TypeOrganization {
		e.Kind = orgKindOf(surface)
	}
	d.Entities = append(d.Entities, e)
	d.addMention(Mention{Start: start, End: end, Entity: ei, Kind: MentionName})
	d.indexNames()
	return ei
}

// looksLikeName tells whether tokens [start, end) may be a person's name:
// capitalised words, and not one common word ("Officials", "Ministers",
// "Budget"), function word or plural acronym ("MPs").
func looksLikeName(d *Doc, start, end int) bool {
	dt := loadData()
	for i := start; i < end; i++ {
		t := &d.Tokens[i]
		if t.Kind != Word || !t.Cap && !nameParticles[t.Lower] {
			return false
		}
	}
	if end-start == 1 {
		t := &d.Tokens[start]
		if isNonName(t) || adjectiveNonNames[t.Lower] || dt.lexicon[t.Lower] || anyHead(t.Lower) {
			return false
		}
		if n := len(t.Text); n > 2 && t.Text[n-1] == 's' && isAllUpper(t.Text[:n-1]) {
			return false
		}
		if !t.Upper && !dt.givenNames[t.Lower] {
			// "Bookmakers predict ..." after "UK bookmakers": a common
			// noun the article writes in lower case elsewhere.
			for k := range d.Tokens {
				if o := &d.Tokens[k]; o.Kind == Word && !o.Cap && o.Lower == t.Lower {
					return false
				}
			}
		}
	}
	return true
}

// entityHasName tells whether the entity's name or an alias has the key.
func entityHasName(e *Entity, key string) bool {
	if nameKey(e.Name) == key {
		return true
	}
	for _, a := range e.Aliases {
		if nameKey(a) == key {
			return true
		}
	}
	return false
}

// personBySurname returns the one person whose name ends with the words
// of key ("le drian" for "Jean-Yves Le Drian"), -1 when none or several.
func (d *Doc) personBySurname(key string) int {
	d.indexNames()
	found := -1
	for _, ei := range d.names.bySuffix[key] {
		if found >= 0 && found != ei {
			return -1
		}
		found = ei
	}
	return found
}

// nameIndex finds entities by the nameKey of their name and aliases, and
// persons by the word suffixes of their name ("le drian"), for the
// statement stage's look-ups (ensureEntity). It covers the first n
// entities; indexNames brings it up to date with entities added since.
type nameIndex struct {
	n        int
	byKey    map[string][]int
	bySuffix map[string][]int
}

func (ix *nameIndex) put(key string, ei int) {
	for _, o := range ix.byKey[key] {
		if o == ei {
			return
		}
	}
	ix.byKey[key] = append(ix.byKey[key], ei)
}

// indexNames indexes the entities added since the last call.
func (d *Doc) indexNames() {
	if d.names.byKey == nil {
		d.names = nameIndex{byKey: map[string][]int{}, bySuffix: map[string][]int{}}
	}
	for ; d.names.n < len(d.Entities); d.names.n++ {
		ei := d.names.n
		e := d.Entities[ei]
		n := nameKey(e.Name)
		d.names.put(n, ei)
		for _, a := range e.Aliases {
			d.names.put(nameKey(a), ei)
		}
		if e.Type == schema.TypePerson {
			for i := 0; i < len(n); i++ {
				if n[i] == ' ' {
					d.names.bySuffix[n[i+1:]] = append(d.names.bySuffix[n[i+1:]], ei)
				}
			}
		}
	}
}

// nameKey folds a name for comparison: lower case, curly apostrophes
// straight, a leading "the" and a trailing "'s" dropped, punctuation runs
// (other than inner hyphens, apostrophes and periods) folded to one space.
func nameKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '’' || r == '‘':
			r = '\''
		case r == '-' || r == '\'' || r == '.' || r == '+' || r == '&':
		case r >= utf8.RuneSelf && (isLetter(r) || isDigit(r)):
			r = foldAccent(unicode.ToLower(r))
		default:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	k := b.String()
	k = strings.TrimPrefix(k, "the ")
	k = strings.TrimSuffix(k, "'s")
	return k
}

// addAlias adds a surface form to an entity's aliases unless it is its
// name or already there, up to case.
func addAlias(e *Entity, s string) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, e.Name) {
		return
	}
	for _, a := range e.Aliases {
		if strings.EqualFold(a, s) {
			return
		}
	}
	e.Aliases = append(e.Aliases, s)
}

// addMention inserts a mention in position order and keeps entity mention
// lists and MentionOf in step.
func (d *Doc) addMention(m Mention) int {
	pos := sort.Search(len(d.Mentions), func(k int) bool { return d.Mentions[k].Start >= m.Start })
	d.Mentions = append(d.Mentions, Mention{})
	copy(d.Mentions[pos+1:], d.Mentions[pos:])
	d.Mentions[pos] = m
	for _, e := range d.Entities {
		for k, mi := range e.Mentions {
			if mi >= pos {
				e.Mentions[k] = mi + 1
			}
		}
	}
	if m.Entity >= 0 && m.Entity < len(d.Entities) {
		e := d.Entities[m.Entity]
		k := sort.SearchInts(e.Mentions, pos)
		e.Mentions = append(e.Mentions, 0)
		copy(e.Mentions[k+1:], e.Mentions[k:])
		e.Mentions[k] = pos
	}
	if len(d.MentionOf) != len(d.Tokens) {
		d.indexMentions()
		return pos
	}
	// MentionOf in step: the mentions after pos moved up by one.
	for k := pos; k < len(d.Mentions); k++ {
		mm := &d.Mentions[k]
		for i := mm.Start; i < mm.End && i < len(d.MentionOf); i++ {
			d.MentionOf[i] = int32(k)
		}
	}
	return pos
}

// indexMentions fills MentionOf from Mentions.
func (d *Doc) indexMentions() {
	if cap(d.MentionOf) >= len(d.Tokens) {
		d.MentionOf = d.MentionOf[:len(d.Tokens)]
	} else {
		d.MentionOf = make([]int32, len(d.Tokens))
	}
	for i := range d.MentionOf {
		d.MentionOf[i] = -1
	}
	for k := range d.Mentions {
		m := &d.Mentions[k]
		for i := m.Start; i < m.End && i < len(d.MentionOf); i++ {
			d.MentionOf[i] = int32(k)
		}
	}
}

// accentFolds maps accented Latin letters to their base letter, so that
// "Ouedraogo" and "Ouédraogo" are one name.
var accentFolds = func() map[rune]rune {
	m := map[rune]rune{}
	for base, list := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě", 'g': "ĝğġģ",
		'i': "ìíîïĩīĭįı", 'l': "ĺļľł", 'n': "ñńņň", 'o': "òóôõöøōŏő", 'r': "ŕŗř",
		's': "śŝşš", 't': "ţť", 'u': "ùúûüũūŭůűų", 'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

func foldAccent(r rune) rune {
	if b, ok := accentFolds[r]; ok {
		return b
	}
	return r
}
