package extract

import (
	"sort"
	"strings"

	"newsgraph/schema"
)

// Coreference for speakers: the words before "said" become an entity.
//
//   - A name the entity stage found gives its entity; in a phrase with
//     several, the head wins: the person a title or apposition describes
//     ("Iran's foreign ministry spokesman, Bahram Ghassemi"), not one in a
//     complement ("a spokesman for X") or a possessive ("X's aide").
//   - he/she: the speaker of the latest statement, or the first person
//     named in the latest sentences, of a compatible gender; it/they: the
//     same among organizations and countries.
//   - "the spokesman", "the Iranian spokesperson", "the minister": the
//     person the article gave that title (d.Roles), the one of the
//     country or organization the phrase names when it names one, the
//     most recently mentioned otherwise; without such a role, the latest
//     person speaking.
//   - "the ministry", "the agency": the latest organization of that kind.
//   - "the Reuters report", "a statement from the ministry": its source.
//   - "Iranian officials": the one country or organization that qualifies
//     an unnamed group.
//   - A capitalised name the entity stage missed is made an entity
//     (ensureEntity).

// speakerOf resolves the speaker's words [ns, ne) of sentence si.
func (f *finder) speakerOf(ns, ne, si int) speaker {
	sp := speaker{s: ns, e: ne, entity: -1}
	if ns < 0 || ne <= ns {
		return sp
	}
	if ne-ns == 1 {
		// "one dealer said ... he added": the same unnamed source.
		switch w := f.tok(ns).Lower; w {
		case "he", "she", "they":
			if prev, ok := f.unnamedBefore(ns, si, w); ok {
				return prev
			}
			if w != "they" {
				if sp, ok := f.roleInFocus(ns, si, w); ok {
					return sp
				}
			}
		}
	}
	sp.entity = f.resolve(ns, ne, si)
	if sp.entity >= 0 && f.entityType(sp.entity) == schema.TypeLocation {
		// "X of Fort Worth, Texas, said", "X in Boston said": the place
		// says where the speaker is; the speaker is the phrase before.
		if s2, e2 := f.beforePlace(ns, f.d.Sentences[si].Start); s2 >= 0 {
			return f.speakerOf(s2, e2, si)
		}
	}
	if sp.entity < 0 {
		if fb, ok := f.fallback[si]; ok && fb.entity >= 0 && !f.firstPerson(ns, ne) {
			sp.entity = fb.entity
		}
	}
	return sp
}

// beforePlace returns the noun phrase a place at ns qualifies: the one
// before "of", "in", "from", "at" or "near" and the place (or places
// joined by commas: "Fort Worth, Texas"); -1 when none.
func (f *finder) beforePlace(ns, lo int) (int, int) {
	k := ns
	for k-2 > lo && isPunct(f.tok(k-1), ",") {
		ent, ms, me := f.mentionEntity(k - 2)
		if ent < 0 || me != k-1 || ms <= lo {
			break
		}
		if t := f.entityType(ent); t != schema.TypeLocation && t != schema.TypeCountry {
			break
		}
		k = ms
	}
	if k-1 <= lo || f.tok(k-1).Kind != Word {
		return -1, -1
	}
	switch f.tok(k - 1).Lower {
	case "of", "in", "from", "at", "near":
		k--
		if k-1 > lo && placeParticiples[f.tok(k-1).Lower] {
			k-- // "a group based in Dallas"
		}
		if s2, e2 := f.npBefore(k, lo); s2 >= 0 && e2 == k && !(f.tok(e2-1).Cap && placeGovernments[f.tok(e2-1).Lower]) {
			return s2, e2 // not "the State of New Jersey"
		}
	}
	return -1, -1
}

// placeGovernments are the capitalised nouns of a place's own
// government ("the State of New Jersey", "the City of Boston").
var placeGovernments = wordSet(`state city commonwealth province county government port`)

// placeParticiples tie a noun phrase to a place ("based in").
var placeParticiples = wordSet(`based located headquartered`)

// firstPerson tells whether the speaker is the writer or the reader (I,
// we, you): not a source the article attributes to.
func (f *finder) firstPerson(ns, ne int) bool {
	if ne-ns != 1 {
		return false
	}
	switch f.tok(ns).Lower {
	case "i", "we", "you":
		return true
	}
	return false
}

// mentionEntity returns the entity of the mention covering token i, and
// the mention's tokens, or -1.
func (f *finder) mentionEntity(i int) (ent, ms, me int) {
	d := f.d
	if i < 0 || i >= len(d.MentionOf) {
		return -1, 0, 0
	}
	m := d.MentionOf[i]
	if m < 0 {
		return -1, 0, 0
	}
	mm := &d.Mentions[m]
	return mm.Entity, mm.Start, mm.End
}

func (f *finder) entityType(e int) string {
	if e < 0 || e >= len(f.d.Entities) {
		return ""
	}
	return f.d.Entities[e].Type
}

// resolve returns the entity the words [ns, ne) denote, or -1.
func (f *finder) resolve(ns, ne, si int) int {
	d := f.d
	if ne-ns == 1 && f.tok(ns).Kind == Word {
		switch w := f.tok(ns).Lower; w {
		case "he", "she", "it", "they":
			return f.resolvePronoun(ns, si, w)
		case "i", "we", "you":
			return -1
		}
	}
	// The phrase's parts: before an apposition comma, and after.
	parts := [][2]int{{ns, ne}}
	for i := ns; i < ne; i++ {
		if isPunct(f.tok(i), ",") || isParenDash(f.tok(i)) {
			parts = [][2]int{{ns, i}, {i + 1, ne}}
			break
		}
	}
	// "... of Fort Worth, Texas": a place after a place is where it
	// lies, no apposition.
	if len(parts) == 2 && f.placeOnly(parts[1][0], parts[1][1]) {
		if ent, _, me := f.mentionEntity(parts[0][1] - 1); ent >= 0 && me == parts[0][1] && f.entityType(ent) == schema.TypeLocation {
			parts = parts[:1]
		}
	}
	// A person at the head of a part.
	for _, p := range parts {
		if e := f.headPerson(p[0], p[1]); e >= 0 {
			return e
		}
	}
	// "The association's chairman, Per Aasen": a name the entity stage
	// missed, after a description.
	if len(parts) == 2 && f.describes(parts[0][0], parts[0][1]) {
		if ent := f.unknownName(parts[1][0], parts[1][1]); ent >= 0 {
			return ent
		}
	}
	for pi, p := range parts {
		if pi == 1 {
			// A capitalised name the entity stage did not find, before
			// the apposition describing it.
			if ent := f.unknownName(parts[0][0], parts[0][1]); ent >= 0 {
				return ent
			}
		}
		s, e := p[0], p[1]
		head, hk := f.headWord(s, e)
		// "a report published by X", "a survey conducted by X": the
		// author.
		if ent := f.documentBy(s, e); ent >= 0 {
			return ent
		}
		// "the Reuters report", "a statement from the ministry"
		if head != "" && documentNouns[head] && !f.tok(hk).Cap {
			if f.tok(s).Lower == "the" && hk == e-1 && !f.hasMention(s, e) {
				// "the report said": whose the article said it is.
				if ent := f.documentAuthor(s, si, head); ent >= 0 {
					return ent
				}
			}
			// "an analysis of FEC data by Crowdpac": the author.
			for i := hk + 1; i < e; i++ {
				if w := f.tok(i).Lower; w == "by" || w == "from" {
					// "data from the U.S. Department of Education": the
					// body at the complement's head.
					if ent := f.headOrg(i+1, e, -1); ent >= 0 {
						return ent
					}
					for k := i + 1; k < e; k++ {
						if ent, _, _ := f.mentionEntity(k); ent >= 0 {
							return ent
						}
					}
				}
			}
			for i := s; i < e; i++ {
				if ent, _, me := f.mentionEntity(i); ent >= 0 && f.entityType(ent) != schema.TypeLocation {
					return ent // not "a Hong Kong newspaper": a place writes nothing
				} else if me > i {
					i = me - 1
				}
			}
		}
		// "the two-time champion", "the 28-year-old world number one",
		// "the 25-year-old": a description of someone the article is
		// about, the person in focus; "the 24-year-old Swiss" is no
		// country.
		if focus, named := f.focusDescription(s, e); focus {
			if ent := f.recentSubject(s, si, "person", 3); ent >= 0 {
				return ent
			}
			if named {
				// "the Canadian forensics expert" with no one in focus:
				// an unnamed person, not the country.
				return -1
			}
		}
		// An organization or country at the head: "Iran", "the French
		// foreign ministry", "the State Department"; not "a Democrat",
		// "another Iranian": one member of it.
		if ent := f.headOrg(s, e, hk); ent >= 0 && !indefinites[f.tok(s).Lower] {
			return ent
		}
		// "a spokesman for the campaign": the organization speaks.
		// A place qualifying a body is not the body: "a spokesman for
		// the New York Fed".
		if strings.HasPrefix(head, "spokes") && hk >= 0 && hk+1 < e && npConnectors[f.tok(hk+1).Lower] {
			place := -1
			for i := hk + 2; i < e; i++ {
				ent, _, me := f.mentionEntity(i)
				if ent < 0 || f.entityType(ent) == schema.TypePerson {
					continue
				}
				if f.entityType(ent) != schema.TypeLocation {
					return ent
				}
				if place < 0 {
					place = ent
				}
				i = me - 1
			}
			if place >= 0 {
				return place
			}
		}
		// "an economist at the German Banking Association", "a source
		// close to the ministry": an unnamed member of a named body
		// speaks for it.
		if (genericNouns[head] || humanHeads[head]) && hk >= 0 && hk+2 < e && memberPreps[f.tok(hk+1).Lower] {
			k := hk + 2
			for k < e && (determiners[f.tok(k).Lower] || f.tok(k).Lower == "the") {
				k++
			}
			if ent, _, me := f.mentionEntity(k); ent >= 0 && f.entityType(ent) == schema.TypeOrganization && (me == e || f.tok(me).Text == "(") {
				return ent
			}
		}
		// "Iranian officials", "a senior ECOWAS official": one country or
		// organization qualifying an unnamed group or member speaks for
		// it; "officials in Jakarta": its capital.
		if genericNouns[head] && !f.hasWord(s, e, "unnamed", "anonymous", "and", "other", "some", "several") && !(indefinites[f.tok(s).Lower] && f.tok(s).Lower != "a" && f.tok(s).Lower != "an") {
			found := -1
			end := hk
			if hk+2 <= e && officialHeads[head] && (f.tok(hk+1).Lower == "in" || f.tok(hk+1).Lower == "from") {
				if ent, ms, me := f.mentionEntity(hk + 2); ent >= 0 && ms == hk+2 && me == e && f.entityType(ent) == schema.TypeCountry {
					return ent
				}
			}
			for i := s; i < end; i++ {
				if ent, _, me := f.mentionEntity(i); ent >= 0 {
					if t := f.entityType(ent); t == schema.TypeCountry || t == schema.TypeOrganization {
						if found >= 0 && found != ent {
							found = -2
							break
						}
						found = ent
					}
					i = me - 1
				}
			}
			if found >= 0 {
				return found
			}
		}
		definite := f.tok(s).Lower == "the" || f.tok(s).Kind == Word && f.tok(s).Cap && !determiners[f.tok(s).Lower] && s+1 < e
		if roleNouns[head] && (f.tok(s).Lower == "the" || definite) && !f.hasWord(s, e, "a", "an") {
			if ent := f.resolveRole(s, e, head, si); ent >= 0 {
				return ent
			}
		}
		// "a WTO dispute panel", "the panel": a body of an organization
		// speaks for it.
		if unitNouns[head] && hk >= 0 && !f.tok(hk).Cap {
			for i := hk - 1; i >= s; i-- {
				if ent, ms, _ := f.mentionEntity(i); ent >= 0 {
					if f.entityType(ent) == schema.TypeOrganization {
						return ent
					}
					i = ms
				}
			}
			if f.tok(s).Lower == "the" && hk == e-1 {
				if ent := f.documentAuthor(s, si, head); ent >= 0 && f.entityType(ent) == schema.TypeOrganization {
					return ent
				}
			}
		}
		// "a company spokesman", "an EU spokesman", "the spokesman" with
		// no spokesperson named: the organization speaks.
		if spokesNouns[head] && hk >= 0 {
			if ent := f.spokesOrg(s, e, hk, si); ent >= 0 {
				return ent
			}
		}
		// "Clinton's campaign", "the president's office": whose it is.
		if orgHeads[head] && hk == e-1 && hk > s && f.tok(hk-1).Kind == Possessive {
			if ent, _, _ := f.mentionEntity(hk - 2); ent >= 0 && f.entityType(ent) == schema.TypePerson {
				return ent
			}
		}
		if (orgHeads[head] || businessNouns[head] || govNouns[head] || pluralBusiness(head) != "") && f.tok(s).Lower == "the" && hk == e-1 {
			if ent := f.resolveOrgHead(s, e, hk, si, head); ent >= 0 {
				return ent
			}
		}
	}
	if len(parts) == 1 {
		// A capitalised name the entity stage did not find.
		if ent := f.unknownName(parts[0][0], parts[0][1]); ent >= 0 {
			return ent
		}
	}
	_ = d
	return -1
}

// describerNouns head a definite description of a sportsman or a
// performer that points back to the person the article is about ("the
// two-time champion", "the England captain", "the striker").
var describerNouns = wordSet(`champion champ titleholder title-holder captain vice-captain
	skipper striker winger forward midfielder defender keeper goalkeeper goalie fly-half
	scrum-half full-back centre-back prop hooker flanker batsman bowler all-rounder
	jockey rider driver sprinter runner hurdler swimmer boxer golfer veteran youngster
	teenager star player coach manager singer rapper actor actress comedian presenter
	musician frontman frontwoman playmaker seed`)

// describerWords may stand between "the" and a description's head
// ("the former world number one", "the reigning Olympic champion").
var describerWords = wordSet(`former reigning defending current ex world number no no.
	olympic european british english scottish welsh irish french american veteran young
	experienced top new`)

// focusHeads head a description of a person that a name qualifies ("the
// Leeds MP", "the Oscar winner", "the Wasps wing", "the American
// forensics expert"): the person the article is about.
var focusHeads = wordSet(`mp mep msp peer expert boss winner editor international wing
	favourite favorite hopeful newcomer novelist writer designer artist entrepreneur
	campaigner economist analyst scientist academic historian`)

// focusDescription tells whether [s, e) is a definite description of a
// person by age, rank or sport: "the 28-year-old", "the 24-year-old
// Swiss", "the two-time champion", "the world number one", "the
// striker". It names no one and holds no complement. named tells that a
// name qualifies the head ("the Leeds MP", "the Wasps wing", "the
// American forensics expert"): a place, a team, a prize; the head is then
// no title the article may give someone else ("the England coach" is
// whoever coaches England).
func (f *finder) focusDescription(s, e int) (focus, named bool) {
	if e-s < 2 || f.tok(s).Lower != "the" {
		return false, false
	}
	age, rank, noun, lower, adj := false, false, false, 0, false
	for i := s + 1; i < e; i++ {
		t := f.tok(i)
		w := t.Lower
		switch {
		case t.Kind != Word && t.Kind != Number:
			return false, false
		case strings.HasSuffix(w, "-year-old"):
			age = true
		case w == "number" || w == "no" || w == "no.":
			if i+1 < e && numberWords[f.tok(i+1).Lower] {
				rank = true
				i++
			}
		case describerNouns[w]:
			noun = i == e-1
		case strings.HasSuffix(w, "-time") || strings.HasSuffix(w, "-times"):
		case describerWords[w]:
			adj = adj || t.Cap && !age && !rank // "the American forensics expert"
		case age && i == e-1 && t.Cap:
			// "the 24-year-old Swiss", "the 31-year-old Scot"
			noun = true
		case t.Cap && i < e-1 && lower == 0 && !age && !rank:
			// "the Leeds MP": a name before the head, no person's.
			if ent, _, me := f.mentionEntity(i); ent >= 0 {
				if f.entityType(ent) == schema.TypePerson || me > e-1 {
					return false, false
				}
				i = me - 1
			}
			named = true
		case (named || adj) && i == e-1 && focusHeads[w]:
			noun = true
		case (named || adj) && !t.Cap && lower < 2 && !determiners[w] && !prepositions[w] && !npConnectors[w] && w != "and" && w != "or":
			// "the American forensics expert"
			lower++
		default:
			return false, false
		}
	}
	named = named || adj && (lower > 0 || focusHeads[f.tok(e-1).Lower])
	if named && (!noun || f.tok(e-1).Cap && f.tok(e-1).Text != strings.ToUpper(f.tok(e-1).Text) || roleNouns[f.tok(e-1).Lower] || age || rank) {
		return false, false
	}
	return age || rank || noun, named
}

// numberWords are the ranks of "world number one".
var numberWords = wordSet(`one two three four five six seven eight nine ten 1 2 3 4 5 6 7 8 9 10`)

// placeOnly tells whether [s, e) is one place or country mention and
// nothing else.
func (f *finder) placeOnly(s, e int) bool {
	ent, ms, me := f.mentionEntity(s)
	if ent < 0 || ms != s || me != e {
		return false
	}
	t := f.entityType(ent)
	return t == schema.TypeLocation || t == schema.TypeCountry
}

// indefinites open a phrase about one member of a group or an unnamed
// person ("a Democrat", "another official").
var indefinites = wordSet(`a an another one two three four five several some many most few`)

// describes tells whether [s, e) is a description that an apposition may
// name: a determiner or possessive phrase headed by a title or group noun.
func (f *finder) describes(s, e int) bool {
	head, _ := f.headWord(s, e)
	if !roleNouns[head] && !genericNouns[head] {
		return false
	}
	for i := s; i < e; i++ {
		if t := f.tok(i); determiners[t.Lower] || t.Kind == Possessive {
			return true
		}
	}
	return false
}

// hasWord tells whether one of the words occurs in [s, e).
func (f *finder) hasWord(s, e int, words ...string) bool {
	for i := s; i < e; i++ {
		for _, w := range words {
			if f.tok(i).Lower == w {
				return true
			}
		}
	}
	return false
}

// headWord returns the head noun of a phrase [s, e) and its token: the
// last word before a connector ("spokesman" in "a spokesman for X"), or
// the last word. A connector inside a name is part of the name ("a
// Department for Transport spokeswoman").
func (f *finder) headWord(s, e int) (string, int) {
	end := e
	for i := s + 1; i < e; i++ {
		if _, ms, me := f.mentionEntity(i); me > i && ms < i {
			i = me - 1
			continue
		}
		if w := f.tok(i).Lower; npConnectors[w] || w == "to" || prepositions[w] && f.tok(i).Kind == Word {
			end = i
			break
		}
	}
	for i := end - 1; i >= s; i-- {
		t := f.tok(i)
		if t.Kind == Word {
			return t.Lower, i
		}
	}
	return "", -1
}

// headPerson returns the person at the head of [s, e): a person mention
// not in a complement ("for X", "of X") and not a possessive ("X's"); the
// last such, since titles come first ("US President Donald Trump").
func (f *finder) headPerson(s, e int) int {
	best := -1
	for i := s; i < e; i++ {
		ent, ms, me := f.mentionEntity(i)
		if ent < 0 {
			continue
		}
		i = me - 1
		if f.entityType(ent) != schema.TypePerson {
			continue
		}
		if me < len(f.d.Tokens) && f.tok(me).Kind == Possessive && me < e {
			continue
		}
		// In a complement: a connector before it, with only determiners
		// between.
		k := ms - 1
		for k >= s && determiners[f.tok(k).Lower] {
			k--
		}
		if k >= s && (npConnectors[f.tok(k).Lower] || f.tok(k).Lower == "to") {
			// "Secretary of State John Kerry": the complement is a
			// capitalised title, the name right after it is the head.
			if !(k-1 >= s && f.tok(k-1).Cap && f.tok(ms-1).Cap) {
				continue
			}
		}
		if ms > s && !f.tok(ms-1).Cap && f.tok(ms-1).Kind == Word && genericNouns[f.tok(ms-1).Lower] && me == e {
			// "an aide Jane Doe" is fine; nothing to do.
		}
		best = ent
	}
	return best
}

// headOrg returns an organization or country mention at the head of [s,
// e): ending at the phrase's end or at its head word.
func (f *finder) headOrg(s, e, hk int) int {
	// "Halden Systems and QVX": coordinated names speak through the
	// first.
	for i := s + 1; i < e-1; i++ {
		if f.tok(i).Lower == "and" {
			a, _, _ := f.mentionEntity(i - 1)
			b, _, _ := f.mentionEntity(i + 1)
			if a >= 0 && b >= 0 && f.entityType(a) == schema.TypeOrganization && f.entityType(b) == schema.TypeOrganization {
				if _, ms, _ := f.mentionEntity(i - 1); ms >= s {
					return a
				}
			}
		}
	}
	for i := s; i < e; i++ {
		ent, ms, me := f.mentionEntity(i)
		if ent < 0 {
			continue
		}
		i = me - 1
		t := f.entityType(ent)
		if t == schema.TypePerson || t == "" {
			continue
		}
		if me < e && t == schema.TypeOrganization && f.descriptorsOnly(me, e) {
			me = e // "Japan's Kyodo news agency", "the Jakarta Post newspaper"
		}
		if me == e || (hk >= 0 && me == hk+1) {
			// Not a complement ("the leader of Iran", "a professor at
			// Georgetown University").
			k := ms - 1
			for k >= s && determiners[f.tok(k).Lower] {
				k--
			}
			for t == schema.TypeLocation && k > s && (f.tok(k).Lower == "and" || isPunct(f.tok(k), ",")) {
				// "newspapers in Manila and Hong Kong": places joined
				// to places share their preposition.
				pe, pms, _ := f.mentionEntity(k - 1)
				if pe < 0 || pms <= s {
					break
				}
				if pt := f.entityType(pe); pt != schema.TypeLocation && pt != schema.TypeCountry {
					break
				}
				k = pms - 1
			}
			if k >= s && npConnectors[f.tok(k).Lower] && !(k-1 >= s && f.tok(k-1).Cap && t != schema.TypeLocation) {
				continue // not "MerchantsBank of Boston" either
			}
			if k >= s && prepositions[f.tok(k).Lower] {
				continue
			}
			// A country adjective before a role or generic noun is not
			// the head ("the Iranian spokesperson").
			if me < e && hk >= me {
				continue
			}
			return ent
		}
	}
	return -1
}

// descriptorsOnly tells whether [s, e) holds only lower-case nouns that
// describe an organization named before them ("news agency").
func (f *finder) descriptorsOnly(s, e int) bool {
	for i := s; i < e; i++ {
		t := f.tok(i)
		if t.Kind != Word || t.Cap || !(orgDescriptors[t.Lower] || t.Lower == "news" || mediaHeads[t.Lower]) {
			return false
		}
	}
	return true
}

// mentionBefore returns the index of the last mention starting before
// token i.
func (f *finder) mentionBefore(i int) int {
	return sort.Search(len(f.d.Mentions), func(k int) bool { return f.d.Mentions[k].Start >= i }) - 1
}

// fits tells whether entity e can be the referent of a pronoun.
func (f *finder) fits(e int, w string) bool {
	if e < 0 || e >= len(f.d.Entities) {
		return false
	}
	ent := f.d.Entities[e]
	switch w {
	case "he":
		return ent.Type == schema.TypePerson && ent.Gender != Female
	case "she":
		return ent.Type == schema.TypePerson && ent.Gender != Male
	case "person":
		return ent.Type == schema.TypePerson
	case "it", "they":
		return ent.Type == schema.TypeOrganization || ent.Type == schema.TypeCountry
	}
	return false
}

// resolvePronoun finds the entity a pronoun at token at of sentence si
// refers to: a compatible speaker of a statement of this sentence or of
// the last few, or the first compatible entity named (outside quotations)
// in the last few sentences.
func (f *finder) resolvePronoun(at, si int, w string) int {
	return f.recentSubject(at, si, w, 4)
}

// recentSubject looks back from token at for an entity that fits w.
func (f *finder) recentSubject(at, si int, w string, back int) int {
	d := f.d
	for s := si; s >= 0 && s >= si-back; s-- {
		// Statements of sentence s, latest first in the current sentence.
		list := f.bySent[s]
		for k := len(list) - 1; k >= 0; k-- {
			st := list[k]
			if (s < si || st.cueS < at) && f.fits(st.spk.entity, w) {
				return st.spk.entity
			}
		}
		if s == si {
			if (w == "it" || w == "they") && at > 0 && relativeOpeners[f.tok(at-1).Lower] {
				// "The US has asked X to ..., which it says ...": the
				// clause's subject, named earlier in the sentence.
				sent := d.Sentences[s]
				for i := sent.Start; i < at; i++ {
					if f.inQuote(i) || f.noise(i) {
						continue
					}
					if ent, ms, me := f.mentionEntity(i); ent >= 0 {
						if f.fits(ent, w) && (ms == sent.Start || !prepositions[f.tok(ms-1).Lower] && !npConnectors[f.tok(ms-1).Lower]) && !(me < len(d.Tokens) && f.tok(me).Kind == Possessive) {
							return ent
						}
						i = me - 1
					}
				}
			}
			continue
		}
		sent := d.Sentences[s]
		for i := sent.Start; i < sent.End; i++ {
			if f.inQuote(i) || f.noise(i) {
				continue
			}
			if ent, _, me := f.mentionEntity(i); ent >= 0 {
				// "Libya's internationally recognised Government of
				// National Accord": the possessive qualifies the head.
				if f.fits(ent, w) && !(w != "he" && w != "she" && me < len(d.Tokens) && f.tok(me).Kind == Possessive) && !f.countryModifier(i) {
					return ent
				}
				i = me - 1
			}
		}
	}
	// The nearest compatible mention further back.
	for m := f.mentionBefore(at); m >= 0; m-- {
		mm := &d.Mentions[m]
		if d.Tokens[mm.Start].Sent < si-10 {
			break
		}
		if !f.inQuote(mm.Start) && f.fits(mm.Entity, w) && !f.countryModifier(mm.Start) {
			return mm.Entity
		}
	}
	return -1
}

// countryModifier tells whether the country mention at token i only
// qualifies the noun after it ("the US tycoon", "a French firm", "an
// American forensics expert", "UK Prime Minister X"): an adjective, no
// referent for "it" or "they".
func (f *finder) countryModifier(i int) bool {
	d := f.d
	m := d.MentionOf[i]
	if m < 0 {
		return false
	}
	mm := &d.Mentions[m]
	if f.entityType(mm.Entity) != schema.TypeCountry || mm.End >= len(d.Tokens) {
		return false
	}
	next := f.tok(mm.End)
	if next.Kind != Word {
		return false
	}
	if mm.Kind == MentionDemonym {
		return true
	}
	if ent, _, _ := f.mentionEntity(mm.End); ent >= 0 {
		return f.entityType(ent) == schema.TypePerson || f.entityType(ent) == schema.TypeOrganization
	}
	w := next.Lower
	if roleNouns[w] || genericNouns[w] || humanHeads[w] || businessNouns[w] || describerNouns[w] || focusHeads[w] {
		return true
	}
	// "a UK oil firm": one lower-case word before a business noun.
	if k := mm.End + 1; k < len(d.Tokens) && !auxWords[w] && !determiners[w] && !prepositions[w] && !npConnectors[w] && !isVerbLike(w) {
		t := f.tok(k)
		return t.Kind == Word && !t.Cap && businessNouns[t.Lower]
	}
	return false
}

// auxWords are verbs and conjunctions that may follow a subject ("the US
// has", "France will").
var auxWords = wordSet(`has have had is are was were will would could should may might must can
	did does do and or but to says said`)

// memberPreps join an unnamed member to the body it belongs to ("an
// economist at X", "a source close to X" is left out: closeness is not
// membership).
var memberPreps = wordSet(`at of with from`)

// officialHeads are unnamed speakers who speak for a government
// ("officials in Jakarta").
var officialHeads = wordSet(`official officials authorities diplomats diplomat ministers minister
	spokesman spokeswoman spokesperson government`)

// documentBy returns the author of a document phrase "[a] report
// published by X" in [s, e): the organization or person after "by", or
// -1.
func (f *finder) documentBy(s, e int) int {
	for i := s; i < e && i < s+4; i++ {
		t := f.tok(i)
		if t.Kind != Word || t.Cap || !documentNouns[t.Lower] && t.Lower != "research" && t.Lower != "round-up" {
			continue
		}
		k := i + 1
		if k < e && isVerbLike(f.tok(k).Lower) {
			k++
		}
		if k >= e || f.tok(k).Lower != "by" {
			return -1
		}
		for k++; k < e && k < i+10; k++ {
			if ent, _, _ := f.mentionEntity(k); ent >= 0 {
				if t := f.entityType(ent); t == schema.TypeOrganization || t == schema.TypePerson {
					return ent
				}
			}
		}
		return -1
	}
	return -1
}

// unitNouns are bodies inside an organization that speak for it ("a WTO
// dispute panel ruled").
var unitNouns = wordSet(`panel committee board tribunal delegation mission team unit division
	commission secretariat`)

// relativeOpeners introduce a clause whose pronoun subject is the
// sentence's subject ("..., which it says ...", "and it said").
var relativeOpeners = wordSet(`which that as and but while whereas though although`)

// roleSynonyms maps title words to the group they belong to.
var roleSynonyms = map[string]string{
	"spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes", "spokespeople": "spokes",
	"chairman": "chair", "chairwoman": "chair", "chair": "chair",
	"congressman": "congress", "congresswoman": "congress",
}

func roleKey(w string) string {
	if k, ok := roleSynonyms[w]; ok {
		return k
	}
	return w
}

// resolveRole resolves a role noun phrase [s, e) with head word head.
func (f *finder) resolveRole(s, e int, head string, si int) int {
	key := roleKey(head)
	best, quals := f.roleHolder(s, e, key)
	if best >= 0 {
		return best
	}
	if len(quals) > 0 {
		// "Kuwait's oil minister, in remarks published today, said ...
		// Sheikh Ali al-Sabah was quoted as saying": the holder named
		// right after, who takes the role.
		if p := f.cataphoricHolder(s, e, si, key); p >= 0 {
			return p
		}
	}
	if key == "spokes" {
		return -1 // no spokesperson named: the organization speaks (spokesOrg)
	}
	// No such role: the latest person speaking or named.
	return f.recentSubject(s, si, "person", 3)
}

// roleHolder returns the person the article gave the role key that the
// phrase [s, e) names (of the countries and organizations it names, the
// latest mentioned before it), or -1, and those qualifiers.
func (f *finder) roleHolder(s, e int, key string) (int, []int) {
	d := f.d
	// Countries and organizations the phrase names ("the Iranian
	// spokesperson").
	var quals []int
	for i := s; i < e; i++ {
		if ent, _, me := f.mentionEntity(i); ent >= 0 {
			// A reference ("the foreign ministry") may be any ministry
			// of that portfolio: it does not pick the role.
			if m := f.d.MentionOf[i]; f.d.Mentions[m].Kind != MentionReference {
				quals = append(quals, ent)
			}
			i = me - 1
		}
	}
	best, bestPos := -1, -1
	for _, r := range d.Roles {
		if r.Person < 0 || r.Person >= len(d.Entities) {
			continue
		}
		ok := false
		for _, w := range strings.Fields(strings.ToLower(r.Title)) {
			if roleKey(w) == key {
				ok = true
			}
		}
		if !ok {
			continue
		}
		if len(quals) > 0 && !f.roleMatches(r, quals) {
			continue
		}
		pos := f.lastMentionBefore(r.Person, s)
		if pos < 0 && r.Tok < s {
			pos = r.Tok
		}
		if pos > bestPos {
			best, bestPos = r.Person, pos
		}
	}
	return best, quals
}

// roleInFocus finds the person a pronoun he or she at token at of
// sentence si refers to when the sentences before name no one it fits
// ahead of a role phrase ("The vote prompted the prime minister to say
// ... He told MPs"): the holder of that role in the article, or else the
// role phrase as an unnamed speaker, not a person named further back.
func (f *finder) roleInFocus(at, si int, w string) (speaker, bool) {
	d := f.d
	for s := si - 1; s >= 0 && s >= si-4; s-- {
		for _, st := range f.bySent[s] {
			if st.spk.entity < 0 || f.fits(st.spk.entity, w) {
				return speaker{}, false // a speaker: recentSubject's
			}
		}
		sent := d.Sentences[s]
		for i := sent.Start; i < sent.End; i++ {
			if f.inQuote(i) || f.noise(i) {
				continue
			}
			if ent, _, me := f.mentionEntity(i); ent >= 0 {
				if f.fits(ent, w) {
					return speaker{}, false
				}
				i = me - 1
				continue
			}
			if f.tok(i).Lower != "the" {
				continue
			}
			end, ti := loadData().matchTitle(d.Tokens, i+1)
			if ti.class != "office" || end > sent.End || focusExcluded[f.tok(end-1).Lower] || ti.gender == Male && w == "she" || ti.gender == Female && w == "he" {
				continue
			}
			if end < sent.End {
				// "the prime minister, X," names the holder; "the
				// minister's office" and "the chief executive officer
				// post" are no persons in focus.
				if n := f.tok(end); n.Kind == Possessive || n.Kind == Word && (n.Cap || !n.Cap && !clauseWords[n.Lower] && !prepositions[n.Lower] && !auxiliaries[n.Lower] && !isVerbLike(n.Lower) && !isPastCue(n.Lower) && n.Lower != "to") || d.MentionOf[end] >= 0 {
					continue
				}
				if isPunct(f.tok(end), ",") && end+1 < sent.End && d.MentionOf[end+1] >= 0 {
					continue
				}
			}
			head := f.tok(end - 1).Lower
			if p, _ := f.roleHolder(i+1, end, roleKey(head)); p >= 0 {
				if !f.fits(p, w) {
					return speaker{}, false
				}
				return speaker{s: i, e: end, entity: p}, true
			}
			return speaker{s: i, e: end, entity: -1}, true
		}
	}
	return speaker{}, false
}

// focusExcluded are office heads too ambiguous to stand for a person
// ("the general election", "the head of", "the chief reason") or that
// name no office held ("the Republican nominee").
var focusExcluded = wordSet(`general chief head speaker representative exchequer leader nominee candidate`)

// cataphoricHolder returns the person a qualified role phrase [s, e)
// ("Kuwait's oil minister", "the European Union's monetary affairs
// commissioner") names ahead of the name: the first person named outside
// quotations in the next two sentences, new to the article and holding no
// other title. The role is recorded for that person.
func (f *finder) cataphoricHolder(s, e, si int, key string) int {
	d := f.d
	for sn := si + 1; sn < len(d.Sentences) && sn <= si+2; sn++ {
		sent := d.Sentences[sn]
		for i := sent.Start; i < sent.End; i++ {
			if f.inQuote(i) || f.noise(i) {
				continue
			}
			ent, ms, me := f.mentionEntity(i)
			if ent < 0 {
				continue
			}
			i = me - 1
			if f.entityType(ent) != schema.TypePerson {
				continue
			}
			if f.firstMentionOf(ent) >= 0 && d.Mentions[f.firstMentionOf(ent)].Start < s {
				return -1 // named before: not introduced by the phrase
			}
			for _, r := range d.Roles {
				if r.Person == ent {
					return -1 // holds another title
				}
			}
			f.addRoleFrom(s, e, ent)
			_ = ms
			return ent
		}
	}
	return -1
}

// addRoleFrom records the role a phrase [s, e) ("Kuwait's Oil Minister")
// gives person p: the title after the qualifying names, their
// organization or country.
func (f *finder) addRoleFrom(s, e, p int) {
	d := f.d
	ts := s
	rf := RoleFact{Person: p, Org: -1, Country: -1}
	for i := s; i < e; i++ {
		if m := d.MentionOf[i]; m >= 0 {
			affiliate(d, &rf, int(m), false)
			i = d.Mentions[m].End - 1
			ts = i + 1
			continue
		}
		if t := f.tok(i); t.Kind == Possessive || determiners[t.Lower] {
			ts = i + 1
		}
	}
	for ts < e && f.tok(ts).Kind == Possessive {
		ts++
	}
	if ts >= e {
		return
	}
	rf.Title = normTitle(d.Span(ts, e))
	rf.Tok = ts
	if _, ti := loadData().matchTitle(d.Tokens, ts); ti.port != "" {
		rf.Org = -1 // "oil minister": a portfolio, the country's
	}
	d.Roles = append(d.Roles, rf)
}

// roleMatches tells whether a role belongs to one of the qualifying
// entities (its country or organization, or the person's country).
func (f *finder) roleMatches(r RoleFact, quals []int) bool {
	d := f.d
	for _, q := range quals {
		if q == r.Country || q == r.Org {
			return true
		}
		if r.Org >= 0 && r.Org < len(d.Entities) && d.Entities[r.Org].Country != "" && d.Entities[r.Org].Country == d.Entities[q].Name {
			return true
		}
		if p := d.Entities[r.Person]; p.Country != "" && p.Country == d.Entities[q].Name {
			return true
		}
	}
	return false
}

// lastMentionBefore returns the token of entity e's last mention before
// token i, or -1.
func (f *finder) lastMentionBefore(e, i int) int {
	ent := f.d.Entities[e]
	pos := -1
	for _, mi := range ent.Mentions {
		if mi >= 0 && mi < len(f.d.Mentions) {
			if st := f.d.Mentions[mi].Start; st < i && st > pos {
				pos = st
			}
		}
	}
	return pos
}

// resolveOrgHead resolves "the ministry", "the Chilean navy": the latest
// organization whose name has that word (and that belongs to the country
// the phrase names, when it names one). An organization qualified by a
// country that the article has not named yet becomes an entity ("the
// Chilean navy").
func (f *finder) resolveOrgHead(s, e, hk, si int, head string) int {
	d := f.d
	var qual *Entity
	for i := s; i < e; i++ {
		if ent, _, me := f.mentionEntity(i); ent >= 0 {
			if f.entityType(ent) == schema.TypeCountry {
				qual = d.Entities[ent]
			}
			i = me - 1
		}
	}
	for m := f.mentionBefore(s); m >= 0; m-- {
		mm := &d.Mentions[m]
		if d.Tokens[mm.Start].Sent < f.tok(s).Sent-40 {
			break // far back: another story's
		}
		if mm.Entity < 0 || f.inQuote(mm.Start) {
			continue
		}
		ent := d.Entities[mm.Entity]
		if ent.Type != schema.TypeOrganization || !strings.Contains(strings.ToLower(ent.Name), head) {
			continue
		}
		if qual != nil && ent.Country != qual.Name && !strings.Contains(ent.Name, qual.Name) {
			continue
		}
		return mm.Entity
	}
	// "the company", "the US company", "the government": the salient
	// one of its kind.
	if ent := f.genericOrg(s, e, hk, si, head); ent >= 0 {
		return ent
	}
	if qual != nil && s+1 < e && !businessNouns[head] && !govNouns[head] {
		return f.x.ensureEntity(d, s+1, e, schema.TypeOrganization)
	}
	return -1
}

// hasMention tells whether a mention of an entity stands in [s, e).
func (f *finder) hasMention(s, e int) bool {
	for i := s; i < e; i++ {
		if ent, _, _ := f.mentionEntity(i); ent >= 0 {
			return true
		}
	}
	return false
}

// titleWords are capitalised titles that precede a name and are not part
// of it.
var titleWords = wordSet(`mr. mrs. ms. dr. prof. sen. rep. gov. gen. lt. col. capt. adm. maj.
	sgt. rev. hon. pres. mr mrs ms dr president senator governor general secretary minister
	representative judge justice chairman chairwoman ambassador mayor king queen prince
	former acting deputy vice prime foreign defense defence interior finance state`)

// unknownName makes an entity of a capitalised name in [s, e) that no
// mention covers: the last run of capitalised words, titles dropped.
func (f *finder) unknownName(s, e int) int {
	// The run of capitalised words at the end of the head part.
	end := e
	for i := s + 1; i < e; i++ {
		if npConnectors[f.tok(i).Lower] || prepositions[f.tok(i).Lower] {
			end = i
			break
		}
	}
	b := end
	for b > s {
		t := f.tok(b - 1)
		if (t.Kind == Word && t.Cap) || (isPunct(t, "-") && b-1 > s) {
			b--
			continue
		}
		break
	}
	for b < end && (titleWords[f.tok(b).Lower] || determiners[f.tok(b).Lower] || roleNouns[f.tok(b).Lower]) {
		b++
	}
	// "Senate Majority Leader Mitch McConnell": the name follows the
	// last title of the run.
	for i := end - 2; i > b; i-- {
		if w := f.tok(i).Lower; roleNouns[w] || titleWords[w] {
			b = i + 1
			break
		}
	}
	if b >= end {
		return -1
	}
	if w := f.tok(end - 1).Lower; roleNouns[w] || titleWords[w] {
		return -1 // "Kuwait's Oil Minister": a title, not a name
	}
	for i := b; i < end; i++ {
		if ent, _, _ := f.mentionEntity(i); ent >= 0 {
			return -1
		}
		if f.noise(i) {
			return -1
		}
	}
	if f.d.works != nil && f.d.works[nameKey(f.d.Span(b, end))] {
		return -1 // "the band X said": a work's or a band's title speaks for no one
	}
	t := f.tok(b)
	// A single capitalised word at the start of a sentence may be any
	// word ("Officials said").
	if end-b == 1 && (b == f.d.Sentences[f.tok(b).Sent].Start || genericNouns[t.Lower] || f.quoteClosing(b-1) >= 0 && !t.Upper) {
		if genericNouns[t.Lower] || subjectPronouns[t.Lower] || determiners[t.Lower] || clauseWords[t.Lower] {
			return -1
		}
	}
	if genericNouns[t.Lower] && end-b == 1 {
		return -1
	}
	typ := schema.TypePerson
	for i := b; i < end; i++ {
		w := f.tok(i).Lower
		if orgHeads[w] || f.tok(i).Upper || orgWords[w] {
			typ = schema.TypeOrganization
		}
	}
	if end-b > 4 {
		typ = schema.TypeOrganization
	}
	return f.x.ensureEntity(f.d, b, end, typ)
}

// orgWords are words that make a capitalised name an organization's.
var orgWords = wordSet(`inc. inc corp. corp co. ltd ltd. llc group news press times post
	journal network institute center centre foundation association party university college
	school hospital agency fund bank committee commission council club media tv radio`)
