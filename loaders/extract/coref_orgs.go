package extract

import (
	"strings"

	"newsgraph/schema"
)

// Coreference of generic references to organizations and countries as
// speakers, and of pronouns that continue an unnamed speaker:
//
//   - "the company", "the firm", "the US company", "the group": the most
//     salient company of the article (the latest company speaking, else
//     the first company it names, else the latest named);
//   - "the bank", "the union", "the exchange", "the party": the same among
//     banks, unions, exchanges, parties;
//   - "the government", "the French government", "the administration":
//     the country (a country speaking, as "Tehran said" is Iran): the one
//     the phrase names, else the article's main country;
//   - "a company spokesman", "an EU spokesman", "the spokesman" with no
//     spokesperson named: the organization speaks;
//   - "the report", "the statement": its author, when the article says
//     whose it is ("a report by X", "X's statement", "X issued a
//     statement", "In a statement, X said");
//   - "he", "she" after an unnamed person ("one dealer said ... he added"),
//     "they" after an unnamed group: the same source.

// businessNouns are nouns for a company ("the company said").
var businessNouns = wordSet(`company firm concern corporation group maker manufacturer producer
	retailer carrier airline operator giant conglomerate chain brewer miner refiner insurer lender
	partnership utility subsidiary unit supplier distributor developer business multinational
	carmaker automaker chipmaker drugmaker steelmaker shipbuilder broker brokerage bank`)

// govNouns point to a country's government ("the government said").
var govNouns = wordSet(`government administration regime`)

// spokesNouns are the heads of "a company spokesman".
var spokesNouns = wordSet(`spokesman spokeswoman spokesperson spokespeople spokesmen`)

// kindsFor returns the organization kinds a generic head noun may point
// to, most likely first; nil for nouns that are not generic references
// to organizations.
func kindsFor(head string) [][]string {
	switch head {
	case "bank", "lender":
		return [][]string{{orgBank}, {orgCompany, ""}}
	case "union":
		return [][]string{{orgUnion}}
	case "exchange":
		return [][]string{{orgExchange}}
	case "party":
		return [][]string{{orgParty}}
	case "agency":
		return [][]string{{orgGov, orgMedia}, {orgCompany}} // news and rating agencies too
	case "paper", "newspaper", "daily", "weekly", "magazine", "broadcaster", "station", "network":
		return [][]string{{orgMedia}}
	}
	if businessNouns[head] {
		return [][]string{{orgCompany, ""}, {orgBank}}
	}
	return nil
}

// kindIn tells whether an organization's kind is one of kinds.
func kindIn(e *Entity, kinds []string) bool {
	if e.Type != schema.TypeOrganization {
		return false
	}
	for _, k := range kinds {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// salientOrg returns the organization of one of the kinds a generic
// reference at token at most likely means: the latest one speaking in the
// last few sentences, else the first one the article named (its
// subject), else the latest one named; with country set, only those of
// that country. -1 when the article names none.
func (f *finder) salientOrg(at, si int, kinds []string, country string) int {
	d := f.d
	ok := func(ei int) bool {
		if ei < 0 || ei >= len(d.Entities) {
			return false
		}
		e := d.Entities[ei]
		if !kindIn(e, kinds) || e.Name == d.Source && e.Kind == orgMedia {
			return false
		}
		return country == "" || e.Country == country || e.Country == ""
	}
	for s := si; s >= 0 && s >= si-5; s-- {
		list := f.bySent[s]
		for k := len(list) - 1; k >= 0; k-- {
			if st := list[k]; (s < si || st.cueS < at) && ok(st.spk.entity) {
				return st.spk.entity
			}
		}
	}
	// The article's subject: the first one named in its first sentences.
	for m := 0; m < len(d.Mentions) && d.Mentions[m].Start < at; m++ {
		mm := &d.Mentions[m]
		if d.Tokens[mm.Start].Sent > 2 {
			break
		}
		if !f.inQuote(mm.Start) && !f.noise(mm.Start) && ok(mm.Entity) {
			return mm.Entity
		}
	}
	// Else the latest one named.
	for m := f.mentionBefore(at); m >= 0; m-- {
		mm := &d.Mentions[m]
		if d.Tokens[mm.Start].Sent < si-40 {
			break
		}
		if !f.inQuote(mm.Start) && !f.noise(mm.Start) && ok(mm.Entity) {
			return mm.Entity
		}
	}
	return -1
}

// firstMentionOf returns the index of an entity's first mention.
func (f *finder) firstMentionOf(ei int) int {
	best := -1
	for _, mi := range f.d.Entities[ei].Mentions {
		if best < 0 || f.d.Mentions[mi].Start < f.d.Mentions[best].Start {
			best = mi
		}
	}
	return best
}

// mainCountry returns the country the article is most about up to token
// at: the most mentioned (a government body counting for its country),
// the first named on a tie; -1 when it names none.
func (f *finder) mainCountry(at int) int {
	d := f.d
	count := map[int]int{}
	first := map[int]int{}
	note := func(ei, pos int) {
		count[ei]++
		if _, ok := first[ei]; !ok {
			first[ei] = pos
		}
	}
	for m := 0; m < len(d.Mentions); m++ {
		mm := &d.Mentions[m]
		if mm.Entity < 0 || f.noise(mm.Start) {
			continue
		}
		e := d.Entities[mm.Entity]
		switch {
		case e.Type == schema.TypeCountry:
			note(mm.Entity, mm.Start)
		case e.Type == schema.TypeOrganization && e.Kind == orgGov && e.Country != "":
			if ci := entityNamed(d, e.Country, schema.TypeCountry); ci >= 0 {
				note(ci, mm.Start)
			}
		}
	}
	best := -1
	for ei, n := range count {
		if best < 0 || n > count[best] || n == count[best] && first[ei] < first[best] {
			best = ei
		}
	}
	return best
}

// qualifierCountry returns the country named inside [s, e) before its
// head ("the French government", "the US company"), or nil.
func (f *finder) qualifierCountry(s, e int) *Entity {
	for i := s; i < e; i++ {
		if ent, _, me := f.mentionEntity(i); ent >= 0 {
			if f.entityType(ent) == schema.TypeCountry {
				return f.d.Entities[ent]
			}
			i = me - 1
		}
	}
	return nil
}

// genericOrg resolves "the company", "the US company", "the bank", "the
// government": head is the phrase's head noun at hk. It returns -1 when
// the head is no generic reference or the article names nothing it fits.
func (f *finder) genericOrg(s, e, hk, si int, head string) int {
	d := f.d
	qual := f.qualifierCountry(s, hk)
	if govNouns[head] {
		if qual != nil {
			return entityNamed(d, qual.Name, schema.TypeCountry)
		}
		for i := s; i < hk; i++ {
			if ent, _, _ := f.mentionEntity(i); ent >= 0 {
				return -1 // "the Bush administration": not a country's
			}
		}
		return f.mainCountry(s)
	}
	if plural := pluralBusiness(head); plural != "" {
		// "the companies said": the first of the organizations the
		// article last named together ("X and Y").
		return f.coordinatedOrgs(s, si)
	}
	kinds := kindsFor(head)
	if kinds == nil {
		return -1
	}
	country := ""
	if qual != nil {
		country = qual.Name
	}
	for _, ks := range kinds {
		if ei := f.salientOrg(s, si, ks, country); ei >= 0 {
			return ei
		}
	}
	return -1
}

// spokesOrg resolves "a company spokesman", "an EU spokesman", "a
// Foreign Ministry spokeswoman", "the spokesman" when no spokesperson is
// named: the organization (or country) the spokesperson speaks for.
func (f *finder) spokesOrg(s, e, hk, si int) int {
	d := f.d
	// A named organization or country before the head; a person whose
	// spokesman it is ("Prime Minister Tony Blair's official spokesman").
	for i := hk - 1; i >= s; i-- {
		if ent, ms, me := f.mentionEntity(i); ent >= 0 {
			if t := f.entityType(ent); t == schema.TypeOrganization || t == schema.TypeCountry {
				return ent
			} else if t == schema.TypePerson && me < len(d.Tokens) && f.tok(me).Kind == Possessive {
				return ent
			}
			i = ms
		}
	}
	// A generic one: "a company spokesman", "the bank's spokeswoman".
	for i := hk - 1; i >= s; i-- {
		w := f.tok(i).Lower
		if f.tok(i).Kind == Possessive || determiners[w] {
			continue
		}
		if kindsFor(w) != nil || govNouns[w] {
			return f.genericOrg(s, i+1, i, si, w)
		}
		break
	}
	// "a spokesman for the campaign", "a spokesman for Mr Blair": whom
	// the spokesperson speaks for.
	if hk+1 < e && npConnectors[f.tok(hk+1).Lower] {
		for i := hk + 2; i < e; i++ {
			if ent, _, _ := f.mentionEntity(i); ent >= 0 {
				return ent
			}
			if t := f.tok(i); t.Kind == Word && t.Cap {
				// "a spokeswoman for YouTube": a name the entity stage
				// missed.
				k := i
				for k < e && f.tok(k).Kind == Word && f.tok(k).Cap {
					k++
				}
				return f.x.ensureEntity(d, i, k, schema.TypeOrganization)
			}
		}
	}
	// "The spokesman said" after "a spokesman for X said": the same one.
	for sn := si; sn >= 0 && sn >= si-3; sn-- {
		list := f.bySent[sn]
		for k := len(list) - 1; k >= 0; k-- {
			st := list[k]
			if st.spk.entity < 0 || st.spk.s < 0 || st.spk.e <= st.spk.s || sn == si && st.cueS >= s {
				continue
			}
			if h, _ := f.headWord(st.spk.s, st.spk.e); spokesNouns[h] {
				return st.spk.entity
			}
		}
	}
	// None named: the latest organization speaking or named in the last
	// few sentences.
	for sn := si; sn >= 0 && sn >= si-3; sn-- {
		list := f.bySent[sn]
		for k := len(list) - 1; k >= 0; k-- {
			if ent := list[k].spk.entity; ent >= 0 && f.entityType(ent) == schema.TypeOrganization && d.Entities[ent].Kind != orgMedia {
				return ent
			}
		}
	}
	for m := f.mentionBefore(s); m >= 0; m-- {
		mm := &d.Mentions[m]
		if d.Tokens[mm.Start].Sent < si-3 {
			break
		}
		if mm.Entity < 0 || f.inQuote(mm.Start) || f.noise(mm.Start) {
			continue
		}
		if e := d.Entities[mm.Entity]; e.Type == schema.TypeOrganization && e.Kind != orgMedia {
			return mm.Entity
		}
	}
	return -1
}

// documentAuthor resolves "the report", "the statement" with no author
// in the phrase: the author of the latest document of that noun the
// article attributes ("a report by X", "X's report", "the X report", "X
// issued a statement", "In a statement, X said"), or -1.
func (f *finder) documentAuthor(s, si int, head string) int {
	d := f.d
	stem := strings.TrimSuffix(head, "s")
	for i := s - 1; i >= 0 && d.Tokens[i].Sent >= si-8; i-- {
		t := f.tok(i)
		if t.Kind != Word || strings.TrimSuffix(t.Lower, "s") != stem || f.inQuote(i) {
			continue
		}
		// "X's report", "the Reuters report", "an OECD report"
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			u := f.tok(k)
			if ent, _, _ := f.mentionEntity(k); ent >= 0 && f.entityType(ent) != "" {
				return ent
			}
			if u.Kind == Word && (determiners[u.Lower] || prepositions[u.Lower] || clauseWords[u.Lower] || isPastCue(u.Lower)) || isSep(u) || isEnd(u) {
				break
			}
		}
		// "a report by X", "a statement from the ministry"
		if i+2 < len(d.Tokens) {
			if w := f.tok(i + 1).Lower; w == "by" || w == "from" || w == "of" {
				for k := i + 2; k < len(d.Tokens) && k < i+7; k++ {
					if ent, _, _ := f.mentionEntity(k); ent >= 0 {
						return ent
					}
					if isSep(f.tok(k)) || isEnd(f.tok(k)) {
						break
					}
				}
			}
		}
		// "In a statement, X said": the statement found there.
		for _, st := range f.bySent[d.Tokens[i].Sent] {
			if st.spk.entity >= 0 && (i < st.s || i >= st.e) {
				return st.spk.entity
			}
		}
		// "X issued a statement": the sentence's first named subject.
		sent := d.Sentences[d.Tokens[i].Sent]
		for k := sent.Start; k < i; k++ {
			if ent, _, me := f.mentionEntity(k); ent >= 0 {
				if t := f.entityType(ent); t == schema.TypeOrganization || t == schema.TypeCountry || t == schema.TypePerson {
					if k == sent.Start || !prepositions[f.tok(k-1).Lower] && !npConnectors[f.tok(k-1).Lower] {
						return ent
					}
				}
				k = me - 1
			}
		}
		return -1
	}
	return -1
}

// humanHeads are the heads of unnamed speakers who are one person ("one
// dealer", "a senior official"), for "he" and "she".
var humanHeads = wordSet(`official diplomat aide adviser advisor analyst economist dealer trader
	banker broker source spokesman spokeswoman spokesperson executive director minister expert
	strategist lawyer negotiator delegate manager chairman president observer insider`)

// groupHeads are the heads of unnamed speakers who are a group
// ("analysts", "traders"), for "they".
var groupHeads = wordSet(`officials diplomats aides advisers advisors analysts economists dealers
	traders bankers brokers sources experts observers insiders executives delegates residents
	witnesses critics lawmakers leaders authorities investigators police`)

// unnamedBefore returns the unnamed speaker of the latest statement in
// the sentence si (before token at) or the one before it when the
// pronoun w continues it: "he"/"she" after one person ("one dealer said
// ... he added"), "they" after a group ("traders said ... they added").
//
// "they" looks two sentences further back, over sentences with no
// statement ("traders said ... This was expected. ..., they said"): a
// group goes on speaking longer than one person is in focus.
func (f *finder) unnamedBefore(at, si int, w string) (speaker, bool) {
	back := 1
	if w == "they" {
		back = 3
	}
	for s := si; s >= 0 && s >= si-back; s-- {
		list := f.bySent[s]
		for k := len(list) - 1; k >= 0; k-- {
			st := list[k]
			if s == si && st.cueS >= at {
				continue
			}
			if st.spk.s < 0 || st.spk.e <= st.spk.s {
				return speaker{}, false
			}
			head, _ := f.headWord(st.spk.s, st.spk.e)
			if st.spk.entity >= 0 {
				// "The Iranian spokesman said ... He said": the one who
				// spoke for the country or organization.
				if (w == "he" || w == "she") && humanHeads[head] && f.entityType(st.spk.entity) != schema.TypePerson {
					return speaker{s: st.spk.s, e: st.spk.e, entity: st.spk.entity}, true
				}
				return speaker{}, false // the latest speaker is named
			}
			switch w {
			case "he", "she":
				if humanHeads[head] {
					return st.spk, true
				}
			case "they":
				if groupHeads[head] {
					return st.spk, true
				}
			}
			return speaker{}, false
		}
		if s == si-1 && w == "they" {
			// "European leaders have blamed ... They said": the group
			// that is the subject of the sentence before.
			sent := f.d.Sentences[s]
			if ns, ne := f.leadingNP(sent.Start, sent.End); ns >= 0 {
				if head, _ := f.headWord(ns, ne); groupHeads[head] {
					// "Iranian officials" speak for Iran; "European
					// leaders" stay a group.
					sp := speaker{s: ns, e: ne, entity: f.resolve(ns, ne, s)}
					return sp, true
				}
			}
		}
	}
	return speaker{}, false
}

// leadingNP returns the noun phrase opening a sentence [s, end): up to
// the first auxiliary, verb-like word, comma or clause word.
func (f *finder) leadingNP(s, end int) (int, int) {
	e := s
	for e < end && e < s+8 {
		t := f.tok(e)
		if t.Kind != Word || clauseWords[t.Lower] || prepositions[t.Lower] || !t.Cap && (auxiliaries[t.Lower] || isVerbLike(t.Lower) || cueLexicon[t.Lower] != nil) {
			break
		}
		e++
	}
	if e == s {
		return -1, -1
	}
	return s, e
}

// pluralBusiness returns the singular of a plural business noun
// ("companies" -> "company"), "" for other words.
func pluralBusiness(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && businessNouns[w[:len(w)-3]+"y"]:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && businessNouns[w[:len(w)-1]]:
		return w[:len(w)-1]
	}
	return ""
}

// coordinatedOrgs returns the first organization of the latest "X and Y"
// of organizations before token at, in the last few sentences, or -1.
func (f *finder) coordinatedOrgs(at, si int) int {
	d := f.d
	for m := f.mentionBefore(at); m > 0; m-- {
		mm := &d.Mentions[m]
		if d.Tokens[mm.Start].Sent < si-3 {
			break
		}
		if mm.Entity < 0 || f.entityType(mm.Entity) != schema.TypeOrganization || mm.Start < 2 {
			continue
		}
		if w := f.tok(mm.Start - 1).Lower; w == "and" || w == "&" {
			if ent, _, _ := f.mentionEntity(mm.Start - 2); ent >= 0 && ent != mm.Entity && f.entityType(ent) == schema.TypeOrganization {
				return ent
			}
		}
	}
	return -1
}
