package extract

import (
	"sort"
	"strings"
	"unicode"

	"newsgraph/schema"
)

// The entity stage, in passes over the tokens:
//
//  1. noise (noise.go): editor codes, related links, bylines, datelines,
//     agency credits are marked and skipped by everything after;
//  2. scan (this file): left to right, the first rule that matches at a
//     token wins: UN resolutions (agreements.go), ministries
//     (orgs.go), the gazetteers' longest match (gazetteer.go), references
//     to agreements, and runs of capitalised words, which are classified
//     by their head noun (organization, agreement, event, law) or else
//     read as a person's name when there is evidence for it (a title, a
//     speech verb, an apposition, its shape);
//  3. resolve (this file): candidates become entities; later surnames,
//     acronyms, short forms and references join the entity they denote;
//  4. publisher (meta.go), roles (roles.go), relations (relations.go).

// candidate is a span the scan found, before entities exist.
type candidate struct {
	start, end  int
	typ         string
	kind        MentionKind
	known       int      // gazetteer entry, -1
	name        string   // canonical name for a new entity
	key         string   // grouping key for entities that are not known
	aliases     []string // standard other names
	surface     string   // alias form as written, when it differs from the span
	country     int      // known index of the country it belongs to, -1
	port        string   // ministries: portfolio key
	media       bool     // organizations: a news medium
	person      bool     // a person's name
	evidence    bool     // context says it is a person
	titled      bool     // a title or honorific stands before it ("Mr", "President")
	speechOnly  bool     // the only evidence is a speech verb next to it ("X said", "told X")
	placeCtx    bool     // it stands where places stand ("in X", "residents of X")
	shape       bool     // it looks like a person's full name
	sentInit    bool     // it starts a sentence
	gender      Gender
	pending     bool   // kept only if it names an entity found elsewhere
	orgFallback bool   // an organization when it joins no person
	implied     int    // a known entity the mention implies without naming it alone (the council of a resolution), -1
	ref         string // reference: "agreement", "resolution", "ministry"
	acronymOf   int    // the candidate an "(ACRONYM)" defines, -1
	entity      int    // resolved entity, -1
	work        bool   // the title of a film, book, record or band, no one's name
}

func newCand(start, end int, typ string, kind MentionKind) candidate {
	return candidate{start: start, end: end, typ: typ, kind: kind, known: -1, country: -1, acronymOf: -1, entity: -1, implied: -1}
}

// findEntities fills d.Mentions, d.Entities, d.Roles, d.Relations,
// d.Source, d.Noise and d.MentionOf.
func (x *Extractor) findEntities(d *Doc) {
	dt := loadData()
	credits := markNoise(d)
	cs := scan(dt, d, credits)
	r := resolver{dt: dt, d: d, cs: cs, byKey: map[string]int{}, known: map[int]int{}}
	r.resolve()
	r.publisher(credits)
	r.mentions()
	r.capsNames()
	findRoles(dt, d)
	findRelations(d)
	d.indexMentions()
}

// scan finds the candidate spans, left to right.
func scan(dt *data, d *Doc, credits []credit) []candidate {
	toks := d.Tokens
	cs := make([]candidate, 0, len(toks)/12+4)
	ci := 0
	for i := 0; i < len(toks); {
		if ci < len(credits) && credits[ci].start == i {
			c := newCand(credits[ci].start, credits[ci].end, schema.TypeOrganization, MentionName)
			if pi, end := dt.gaz.match(toks, i); pi >= 0 && end == c.end {
				c.known = int(dt.gaz.phrases[pi].known)
			} else {
				c.name = d.Span(c.start, c.end)
				c.key = "o:" + nameKey(c.name)
			}
			c.media = true
			cs = append(cs, c)
			i = credits[ci].end
			ci++
			continue
		}
		for ci < len(credits) && credits[ci].start < i {
			ci++
		}
		if d.Noise[i] {
			i++
			continue
		}
		t := &toks[i]
		if t.Text == "<" {
			if n := bracketedCompany(d, i, &cs); n > i {
				i = n // wire copy's "<Delhi Australia Fund>"
				continue
			}
		}
		if t.Kind == Number {
			if n := numberNameAt(d, i, &cs); n > i {
				i = n // "rapper 50 Cent"
				continue
			}
		}
		if t.Kind != Word && t.Kind != Number {
			i++
			continue
		}
		if n := resolutionAt(d, i, &cs); n > i {
			i = acronymAfter(d, n, &cs)
			continue
		}
		if t.Cap {
			if n := companyRunAt(d, i, &cs); n > i {
				i = acronymAfter(d, n, &cs) // "Georgia Gulf Corp", "Frank B. Hall and Co Inc"
				continue
			}
		}
		pi, end := dt.gaz.match(toks, i)
		if n := ministryAt(dt, d, i, pi, end, &cs); n > i {
			i = n
			continue
		}
		if pi >= 0 {
			if n := govTitleAt(dt, d, i, pi, end, &cs); n > i {
				i = n // "US Treasury Secretary": a country and a title
				continue
			}
			if n := broadcasterAt(dt, d, i, pi, end, &cs); n > i {
				i = n // "Tehran radio"
				continue
			}
		}
		if pi >= 0 {
			if n := subsidiaryAt(dt, d, i, pi, end, &cs); n > i {
				i = n // "Samsung Electronics", "Texaco Canada"
				continue
			}
		}
		if pi >= 0 && !deferPlace(dt, d, i, end, pi) {
			p := &dt.gaz.phrases[pi]
			k := &dt.known[p.known]
			if k.kind == "company" {
				end = legalTail(toks, end)
			}
			c := newCand(i, end, k.typ, p.kind)
			c.known = int(p.known)
			c.media = k.kind == kindMedia
			cs = append(cs, c)
			i = acronymAfter(d, end, &cs)
			continue
		}
		if t.Kind == Word && !t.Cap {
			if referenceNouns[t.Lower] || t.Lower == "resolution" {
				refAt(d, i, &cs)
			}
			i++
			continue
		}
		if t.Kind == Word && t.Cap {
			i = chunk(dt, d, i, &cs)
			continue
		}
		i++
	}
	return cs
}

// govTitleAt reads a known government body whose last word starts a
// title as a country and a title: "US Treasury Secretary John Snow" is a
// country and the treasury secretary, not the Treasury. It adds the
// country's candidate and returns where the title starts, or i.
func govTitleAt(dt *data, d *Doc, i, pi, end int, cs *[]candidate) int {
	k := &dt.known[dt.gaz.phrases[pi].known]
	if k.typ != schema.TypeOrganization || end-i < 2 || end >= len(d.Tokens) {
		return i
	}
	if te, _ := dt.matchTitle(d.Tokens, end-1); te <= end {
		return i
	}
	ci, cend, ckind := dt.gaz.countryAt(dt, d.Tokens, i, end-1)
	if ci < 0 {
		return i
	}
	c := newCand(i, cend, schema.TypeCountry, ckind)
	c.known = ci
	*cs = append(*cs, c)
	return cend
}

// broadcasters are lower-case nouns that, after a capital or a country,
// name its state broadcaster ("Tehran radio", "Iranian television").
var broadcasters = words(`radio television tv`)

// broadcasterAt reads "Tehran radio", "Baghdad radio", "Iranian
// television" as a news medium of the country. It returns the token after
// it, or i.
func broadcasterAt(dt *data, d *Doc, i, pi, end int, cs *[]candidate) int {
	toks := d.Tokens
	if end >= len(toks) || !broadcasters[toks[end].Text] || toks[end].Sent != toks[i].Sent {
		return i
	}
	p := &dt.gaz.phrases[pi]
	if dt.known[p.known].typ != schema.TypeCountry || p.kind == MentionName && end-i > 1 {
		return i
	}
	c := newCand(i, end+1, schema.TypeOrganization, MentionName)
	c.name = d.Span(i, end+1)
	c.key = "o:" + nameKey(c.name)
	c.media = true
	c.country = int(p.known)
	*cs = append(*cs, c)
	return end + 1
}

// bracketedCompany reads a company name in angle brackets at token i, as
// wire copy marks companies ("<Esso Exploration and Production Australia
// Inc>"); stock tickers ("<XON>", "<CSRA.S>") are not names. It adds the
// candidate and returns the token after ">", or i.
func bracketedCompany(d *Doc, i int, cs *[]candidate) int {
	toks := d.Tokens
	j := i + 1
	for j < len(toks) && j < i+14 && toks[j].Text != ">" && toks[j].Text != "<" && !toks[j].ParaBefore {
		j++
	}
	if j >= len(toks) || toks[j].Text != ">" || j-i < 2 {
		return i
	}
	s, e := i+1, j
	lower := false
	for k := s; k < e; k++ {
		for _, r := range toks[k].Text {
			lower = lower || unicode.IsLower(r)
		}
	}
	if !lower {
		return j + 1 // a ticker in capitals: "<CSRA.S>", "<XON>"; no name
	}
	if !toks[s].Cap {
		return i
	}
	for k := s; k < e; k++ {
		if toks[k].Kind != Word && toks[k].Kind != Number && toks[k].Text != "&" && toks[k].Text != "-" && toks[k].Text != "." && toks[k].Text != "," && toks[k].Kind != Possessive {
			return i
		}
	}
	c := newCand(s, e, schema.TypeOrganization, MentionName)
	c.name = d.Span(s, e)
	c.key = "o:" + nameKey(c.name)
	*cs = append(*cs, c)
	return j + 1
}

// gazetteerWord tells whether a known name starts at token i.
func gazetteerWord(toks []Token, i int) bool {
	pi, _ := loadData().gaz.match(toks, i)
	return pi >= 0
}

// subsidiaryAt reads a known company's one-word name followed by
// capitalised words that end in a company noun or a country as one
// company: "Samsung Electronics", "Toyota Motor Sales", "Texaco Canada".
// It adds the candidate and returns its end, or i.
func subsidiaryAt(dt *data, d *Doc, i, pi, end int, cs *[]candidate) int {
	toks := d.Tokens
	k := &dt.known[dt.gaz.phrases[pi].known]
	if k.kind != "company" || end != i+1 {
		return i
	}
	j := end
	for j < len(toks) && j < end+3 && toks[j].Kind == Word && toks[j].Cap && !toks[j].LineBefore && !isNonName(&toks[j]) {
		j++
	}
	if j == end {
		return i
	}
	last := &toks[j-1]
	country := false
	if ci, ce, ck := dt.gaz.countryAt(dt, toks, j-1, j); ci >= 0 && ce == j && ck == MentionName {
		country = true
	}
	if !companyHeads[last.Lower] && !entOrgHeads[last.Lower] && last.Lower != "markets" && !country {
		return i
	}
	c := newCand(i, j, schema.TypeOrganization, MentionName)
	c.name = d.Span(i, j)
	c.key = "o:" + nameKey(c.name)
	*cs = append(*cs, c)
	return j
}

// legalTail returns the end of the words that finish a known company's
// full name from token e: company nouns ending in a legal form ("X
// Securities Corp", "X Inc"), or e.
func legalTail(toks []Token, e int) int {
	for j := e; j < len(toks) && j < e+3 && toks[j].Kind == Word && toks[j].Cap && !toks[j].LineBefore; j++ {
		if legalForms[toks[j].Lower] {
			for j+1 < len(toks) && legalForms[toks[j+1].Lower] && toks[j+1].Cap {
				j++ // "Co Inc"
			}
			return j + 1
		}
		if !companyHeads[toks[j].Lower] && !entOrgHeads[toks[j].Lower] {
			break
		}
	}
	return e
}

// withoutLegalForm is a name key without the legal forms that end it
// ("kestrel systems corp" -> "kestrel systems"), unless nothing else is
// left.
func withoutLegalForm(key string) string {
	for {
		i := strings.LastIndexByte(key, ' ')
		if i <= 0 || !legalForms[key[i+1:]] {
			return key
		}
		key = key[:i]
	}
}

// legalForms end the names of companies.
var legalForms = words(`inc inc. corp corp. co co. cos cos. ltd ltd. plc llc lp l.p. ag a.g. sa s.a. nv
n.v. kk bv b.v. gmbh spa s.p.a. ab oy asa bhd pty srl sarl ltda corporation incorporated limited`)

// companyRunAt reads a company's full name at token i: capitalised words
// (place names and demonyms included), joined by "of", "and" or "&", that
// end in a legal form ("Georgia Gulf Corp", "British Petroleum Co Plc",
// "Bank of America Corp"). It adds the candidate and returns its end, or
// i.
func companyRunAt(d *Doc, i int, cs *[]candidate) int {
	toks := d.Tokens
	sent := toks[i].Sent
	j, last := i, -1
	for j < len(toks) && j < i+10 && toks[j].Sent == sent && !d.Noise[j] {
		t := &toks[j]
		if j > i && (t.ParaBefore || t.LineBefore) {
			break
		}
		if t.Kind == Word && (t.Cap || t.Upper) {
			if j > i && isNonName(t) && !connectors[t.Lower] {
				break
			}
			if legalForms[t.Lower] && j > i {
				last = j
			}
			if placeModifier(t.Lower) {
				return i // "North Carolina-based X Inc": the company comes later
			}
			j++
			continue
		}
		if j > i && j+1 < len(toks) && toks[j+1].Cap {
			n := toks[j+1].Lower
			switch {
			case t.Text == "&":
				j++
				continue
			case t.Lower == "and" && (legalForms[n] || n == "sons" || n == "company" || n == "partners" ||
				loadData().lexicon[n] && !toks[j+1].Upper && !gazetteerWord(toks, j+1)):
				// "Frank B. Hall and Co Inc", "Halverson Tools and
				// Machinery Inc"; not "Chrysler and American Motors Corp"
				j++
				continue
			case t.Lower == "of" || t.Lower == "de":
				if !entOrgHeads[toks[j-1].Lower] {
					return i // "John Smith of Acme Corp": the company comes later
				}
				j++ // "Bank of America Corp"
				continue
			}
		}
		break
	}
	if last < 0 || isNonName(&toks[i]) && !(toks[i].Lower == "first" && last > i+1) {
		return i // not "The X Corp"; but "First Boston Corp"
	}
	// Legal forms may repeat ("Co Plc"); the name ends with the last.
	for last+1 < j && legalForms[toks[last+1].Lower] {
		last++
	}
	end := last + 1
	c := newCand(i, end, schema.TypeOrganization, MentionName)
	c.name = d.Span(i, end)
	c.key = "o:" + nameKey(c.name)
	*cs = append(*cs, c)
	return end
}

// deferPlace tells whether a one-word place name is better read as the
// start of a longer capitalised name ("Iran Press", "Paris Agreement",
// "Jordan Peterson"): the next word is capitalised, in the sentence, and
// neither a known name, a title nor a non-name word.
func deferPlace(dt *data, d *Doc, i, end, pi int) bool {
	p := &dt.gaz.phrases[pi]
	k := &dt.known[p.known]
	if end >= len(d.Tokens) {
		return false
	}
	if end != i+1 {
		// "Los Angeles Film Critics Association", "New York Drama
		// Society": a place of several words before a body's name.
		return k.typ == schema.TypeLocation && p.kind == MentionName && orgRunAfter(dt, d, end)
	}
	n := &d.Tokens[end]
	if !nameRunStart(dt, d, end) {
		return false
	}
	// The head of the capitalised run that follows: "Iran Press",
	// "Paris Agreement", "European Convention on Human Rights".
	j := end
	head := ""
	for j < len(d.Tokens) && d.Tokens[j].Sent == n.Sent {
		t := &d.Tokens[j]
		if t.Kind == Word && t.Cap && !d.Noise[j] {
			head = t.Lower
			j++
			continue
		}
		if t.Kind == Word && connectors[t.Lower] && head != "" && !entOrgHeads[head] && !agreementHeads[head] {
			// The head is the word before the first connector.
			break
		}
		break
	}
	switch head {
	case "government", "regime", "administration", "authorities", "state":
		return false
	}
	if clubHeads[head] && j == end+1 {
		return true // "Manchester United"
	}
	if entOrgHeads[head] || eventHeads[head] || head == "convention" ||
		agreementHeads[head] && k.typ != schema.TypeOrganization && n.Lower != "resolution" {
		return true
	}
	if p.kind == MentionDemonym || k.typ == schema.TypeOrganization {
		return false
	}
	// "Speaking in Madrid Ana Ruiz said": a place after a locative
	// preposition ends a fronted circumstance; the speaker follows.
	if i > 0 && locativePreps[d.Tokens[i-1].Lower] {
		return false
	}
	// "Jordan Peterson", "Chad Smith": a country that is also a first
	// name, before a word that is no common word, place or adjective.
	if k.typ == schema.TypeCountry && p.kind == MentionName && j == end+1 && !commonWord(dt, n) && !adjectiveNonNames[n.Lower] && !anyHead(n.Lower) {
		return true
	}
	return j < len(d.Tokens) && entSpeechVerbs[d.Tokens[j].Lower]
}

// nameRunStart tells whether token j may open the capitalised run that
// follows a place: a capitalised word on the same line, not in capitals,
// no noise, no non-name word, title or gazetteer phrase.
func nameRunStart(dt *data, d *Doc, j int) bool {
	n := &d.Tokens[j]
	if n.Kind != Word || !n.Cap || n.Upper || n.LineBefore || d.Noise[j] || isNonName(n) {
		return false
	}
	if e, _ := dt.matchTitle(d.Tokens, j); e > j {
		return false
	}
	pj, _ := dt.gaz.match(d.Tokens, j)
	return pj < 0
}

// clubHeads end a sports club's name after its town ("Manchester United",
// "Bristol Rovers").
var clubHeads = wordSet(`united rovers wanderers athletic albion hotspur`)

// orgRunAfter tells whether the capitalised run from j (in its sentence,
// with no connector) ends in an organization's head noun: "Film Critics
// Association", "Drama Society".
func orgRunAfter(dt *data, d *Doc, j int) bool {
	n := &d.Tokens[j]
	if !nameRunStart(dt, d, j) {
		return false
	}
	head := ""
	for k := j; k < len(d.Tokens) && k < j+5 && d.Tokens[k].Sent == n.Sent; k++ {
		t := &d.Tokens[k]
		if t.Kind != Word || !t.Cap || d.Noise[k] {
			break
		}
		head = t.Lower
	}
	return entOrgHeads[head] && head != "government" && head != "state"
}

// locativePreps before a place say where something happens.
var locativePreps = wordSet(`in at near across throughout`)

// acronymAfter binds "(ACRONYM)" right after the last candidate to it and
// returns the token after the closing parenthesis (or i).
func acronymAfter(d *Doc, i int, cs *[]candidate) int {
	toks := d.Tokens
	if len(*cs) == 0 || i+2 >= len(toks) || toks[i].Text != "(" || toks[i+2].Text != ")" {
		return i
	}
	a := &toks[i+1]
	if a.Kind != Word || !(a.Upper || isAcronymLike(a.Text)) {
		return i
	}
	last := len(*cs) - 1
	prev := &(*cs)[last]
	if prev.end != i || prev.person {
		return i
	}
	if dt := loadData(); prev.known < 0 || dt.known[prev.known].typ == schema.TypeOrganization {
		if pi, pe := dt.gaz.match(toks, i+1); pi >= 0 && pe == i+2 {
			if t := dt.known[dt.gaz.phrases[pi].known].typ; t == schema.TypeCountry || t == schema.TypeLocation {
				return i // "Bache Securities (HK)", "Sony (U.K.)": where it is
			}
		}
	}
	if !acronymFits(d, a.Text, prev) && (prev.typ != schema.TypeOrganization || phraseGoesBack(d, prev.start)) {
		// "Credit Suisse First Boston (CSFB)", "free on board (FOB)
		// Gulf": the acronym defines a longer phrase than the name it
		// ends with; that phrase is an organization when it has the
		// shape of one, else the acronym is left alone.
		s, org := acronymPhrase(d, a.Text, prev.start, i)
		if s < 0 {
			return i
		}
		for k := last; !org && k >= 0 && (*cs)[k].end > s; k-- {
			// "Credit Suisse First Boston": a known organization's name
			// opens it.
			org = (*cs)[k].start == s && (*cs)[k].typ == schema.TypeOrganization
		}
		if !org {
			return i
		}
		for last >= 0 && (*cs)[last].end > s {
			if (*cs)[last].start < s || (*cs)[last].acronymOf >= 0 {
				return i
			}
			last--
		}
		*cs = (*cs)[:last+1]
		oc := newCand(s, i, schema.TypeOrganization, MentionName)
		oc.name = d.Span(s, i)
		oc.key = "o:" + nameKey(oc.name)
		*cs = append(*cs, oc)
		last = len(*cs) - 1
		prev = &(*cs)[last]
	}
	prev.aliases = append(prev.aliases, a.Text)
	c := newCand(i+1, i+2, prev.typ, MentionAlias)
	c.acronymOf = last
	*cs = append(*cs, c)
	return i + 3
}

// acronymFits tells whether an acronym's capitals fit the name of the
// candidate it follows: its first capital is the initial of one of the
// name's words, and at least half its capitals are initials of the
// name's words ("Atomic Energy Organization of Iran (AEOI)", "Alternative
// for Germany (AfD)"); a known entity's own alias fits too.
func acronymFits(d *Doc, acr string, c *candidate) bool {
	if c.known >= 0 {
		k := &loadData().known[c.known]
		for _, al := range k.aliases {
			if al == acr {
				return true
			}
		}
	}
	var initials []rune
	for k := c.start; k < c.end; k++ {
		initials = appendInitials(d.Tokens[k].Text, initials)
	}
	// Match the capitals to the initials in order, each initial once.
	caps, in, next := 0, 0, 0
	for _, r := range acr {
		if r < 'A' || r > 'Z' {
			continue
		}
		caps++
		for j := next; j < len(initials); j++ {
			if initials[j] == r {
				in++
				next = j + 1
				break
			}
		}
		if caps == 1 && in == 0 {
			return false
		}
	}
	if caps > 0 && 2*in >= caps {
		return true
	}
	// A ticker: its letters in order in the name, the first its initial
	// ("Gelco Corp (GEL)").
	name := strings.ToLower(d.Span(c.start, c.end))
	acr = strings.ToLower(acr)
	if acr == "" || name == "" || name[0] != acr[0] {
		return false
	}
	j := 0
	for i := 0; i < len(name) && j < len(acr); i++ {
		if name[i] == acr[j] {
			j++
		}
	}
	return j == len(acr)
}

// phraseGoesBack tells whether the capitalised phrase a name starting at
// s ends goes on before it ("Credit Suisse First Boston", "African,
// Caribbean and Pacific").
func phraseGoesBack(d *Doc, s int) bool {
	toks := d.Tokens
	k := s - 1
	for k >= 0 && (toks[k].Text == "," || toks[k].Kind == Word && !toks[k].Cap && connectors[toks[k].Lower] && toks[k].Lower != "the") {
		k--
	}
	return k >= 0 && toks[k].Kind == Word && toks[k].Cap && toks[k].Sent == toks[s].Sent && !determiners[toks[k].Lower]
}

// appendInitials appends the capital initials of a word, of each of its
// hyphen parts and its inner capitals ("Co-operation", "PetroChina").
func appendInitials(w string, out []rune) []rune {
	start := true
	for _, r := range w {
		if start || r >= 'A' && r <= 'Z' {
			if r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			out = append(out, r)
		}
		start = r == '-'
	}
	return out
}

// acronymPhrase returns the start of the capitalised phrase before end
// (through connectors and commas, starting at or before s) whose content
// words' initials spell the acronym, with or without a final legal form
// ("... First Boston Ltd (CSFB)", "... Computer Corp (ESCC)"), and whether
// the phrase has an organization's head word; -1 when none does.
func acronymPhrase(d *Doc, acr string, s, end int) (int, bool) {
	toks := d.Tokens
	var letters []rune
	for _, r := range acr {
		if r >= 'A' && r <= 'Z' {
			letters = append(letters, r)
		}
	}
	if len(letters) < 2 {
		return -1, false
	}
	k := spelledBack(d, letters, s, end)
	if k < 0 {
		e := end
		for e > s && legalForms[toks[e-1].Lower] {
			e--
		}
		if e == end {
			return -1, false
		}
		if k = spelledBack(d, letters, s, e); k < 0 {
			return -1, false
		}
	}
	for j := k; j < end; j++ {
		if entOrgHeads[toks[j].Lower] {
			return k, true
		}
	}
	return k, false
}

// spelledBack walks back from end one content word per letter, from the
// last, and returns where the words spelling all the letters start (at
// or before s), or -1.
func spelledBack(d *Doc, letters []rune, s, end int) int {
	toks := d.Tokens
	k, li := end, len(letters)-1
	for k > 0 && li >= 0 {
		t := &toks[k-1]
		if t.Kind == Word && !t.Cap && connectors[t.Lower] || t.Text == "," || t.Text == "&" {
			k--
			continue
		}
		if t.Kind != Word || !t.Cap || t.Sent != toks[end-1].Sent {
			return -1
		}
		// A hyphenated or inner-capital word may give more letters.
		init := appendInitials(t.Text, nil)
		n := len(init)
		for n > 0 && li >= 0 && init[n-1] == letters[li] {
			n--
			li--
		}
		if n == len(init) {
			if init[0] != letters[li] {
				return -1
			}
			li-- // "Co-operation" for its C
		}
		k--
	}
	if li >= 0 || k > s {
		return -1
	}
	return k
}

// isAcronymLike accepts "P5+1"-like and mixed acronyms ("AfD", "DoD").
func isAcronymLike(s string) bool {
	up := 0
	for _, part := range strings.Split(s, "-") {
		// Each part of a hyphenated word: "El-Tayeb" and "Mensah-Bonsu"
		// are names, "ExxonMobil-UK" holds capitals inside a part.
		n := 0
		for i, r := range part {
			if r >= 'A' && r <= 'Z' && (i > 0 || n > 0) {
				up++
			}
			if r >= 'A' && r <= 'Z' {
				n++
			}
		}
		if n == 1 && len(part) > 1 {
			continue
		}
		if n >= 1 {
			up++
		}
	}
	return up >= 2 && len(s) <= 8
}

// startLike tells whether token i stands where a sentence starts: the
// first of its sentence or after an opening quote, a colon, a dash or a
// noise span.
func startLike(d *Doc, i int) bool {
	if i == 0 || d.Tokens[i].ParaBefore {
		return true
	}
	t := &d.Tokens[i]
	if i == d.Sentences[t.Sent].Start {
		return true
	}
	p := &d.Tokens[i-1]
	if d.Noise[i-1] {
		return true
	}
	switch {
	case p.Kind == QuoteOpen, p.Kind == QuoteAmbig:
		return true
	case p.Text == ":" || p.Text == "(" || p.Text == "[" || p.Text == ";":
		return true
	case isDash(p) && (i < 2 || d.Tokens[i-2].ParaBefore || i-1 == d.Sentences[t.Sent].Start):
		return true
	}
	return false
}

// nameLikeNonNames are function words and months that are also first
// names or surnames ("George Will", "Theresa May", "Will Young").
var nameLikeNonNames = words(`will may june april august`)

// nameGoesOn tells whether a capitalised name-like non-name at j (inside
// a run) is part of a name: it follows a capitalised word that may be in
// a name or an honorific ("George Will", "Mr Will") and no number follows
// ("Monday May 5").
func nameGoesOn(d *Doc, j int) bool {
	toks := d.Tokens
	p := &toks[j-1]
	if p.Kind != Word || !p.Cap || isNonName(p) && !honorificWords[p.Lower] || monthIndex(p.Lower) > 0 || weekdayIndex(p.Lower) >= 0 {
		return false
	}
	return j+1 >= len(toks) || toks[j+1].Kind != Number
}

// honorificWords are honorifics that the non-name list holds.
var honorificWords = words(`mr mr. mrs mrs. ms ms. dr dr.`)

// nameLikeAt tells whether a name-like non-name at s starts or is a name
// in the run [s, j): after an honorific or title ("Mr Will"), before more
// of a name in the run ("Will Young said"; not "Will Britain join?"), or
// alone before a past-tense verb ("Will argued", "May added").
func nameLikeAt(dt *data, d *Doc, s, j int) bool {
	toks := d.Tokens
	t := &toks[s]
	if !nameLikeNonNames[t.Lower] || !t.Cap || t.Upper {
		return false
	}
	if s > 0 && honorificWords[toks[s-1].Lower] {
		return true
	}
	if s+1 < j {
		n := &toks[s+1]
		if pi, _ := dt.gaz.match(toks, s+1); pi >= 0 || isNonName(n) || !n.Cap || n.Upper {
			return false
		}
		// Not a question ("Will Britain join?"): the sentence ends in a
		// period.
		sent := d.Sentences[t.Sent]
		return s+2 < len(toks) && toks[s+2].Kind == Word && !toks[s+2].Cap && toks[sent.End-1].Text != "?" || s+2 >= j
	}
	if s+1 >= len(toks) {
		return false
	}
	n := &toks[s+1]
	if n.Lower == "also" || n.Lower == "has" || n.Lower == "had" {
		if s+2 >= len(toks) {
			return false
		}
		n = &toks[s+2]
	}
	return n.Kind == Word && !n.Cap && entSpeechVerbs[n.Lower] && isPastCue(n.Lower)
}

// chunk reads the run of capitalised words at i, classifies it and adds
// its candidates. It returns where scanning goes on.
func chunk(dt *data, d *Doc, i int, cs *[]candidate) int {
	toks := d.Tokens
	sent := toks[i].Sent
	j := i
	for j < len(toks) && !d.Noise[j] {
		t := &toks[j]
		if j > i && (t.ParaBefore || t.LineBefore || t.Sent != sent) {
			break
		}
		if t.Text == "&" && j > i && j+1 < len(toks) && toks[j+1].Kind == Word && toks[j+1].Cap && toks[j+1].Sent == sent {
			j++ // "Ernst & Young", "Procter & Gamble"
			continue
		}
		if t.Kind == Possessive && j > i && j+1 < len(toks) && companyHeads[toks[j+1].Lower] && toks[j+1].Cap && entOrgHeads[toks[j+1].Lower] {
			j++ // "Scotty's Inc", "Macy's Inc"
			continue
		}
		if t.Kind == Word && t.Cap {
			if j > i && isNonName(t) && !connectors[t.Lower] && !(nameLikeNonNames[t.Lower] && nameGoesOn(d, j)) {
				break // "CNBC Friday", "Reuters On"; not "George Will", "Theresa May"
			}
			if j > i && !entOrgHeads[toks[j-1].Lower] && connectors[toks[j-1].Lower] == false && knownOrgAt(dt, toks, j) {
				break // "Obama White House": a name, then a known body
			}
			j++
			if placeModifier(t.Lower) {
				if j-1 > i {
					// "New York-based", "North Carolina-based Kestrel
					// Inc": a place made a modifier ends the run and
					// names nothing; a name may follow.
					return j
				}
				break
			}
			continue
		}
		if j > i && t.Kind == Word && !t.Cap && (nameParticles[t.Lower] || connectors[t.Lower]) &&
			!(t.Lower == "and" && headBefore(toks, i, j) && !(j-i == 1 && (capsEndInHead(toks, j+1) || headBeforeTitle(dt, toks, j+1)))) {
			// "Bank of England", "Treaty on the Non-Proliferation of ...",
			// "Department for Education and Skills", but not "High Court
			// on Thursday" nor "X Council and Y Agency".
			n := j + 1
			if n < len(toks) && toks[n].Lower == "the" && t.Lower != "the" && t.Lower != "and" {
				n++
			}
			if t.Lower == "and" && n < len(toks) && dt.givenNames[toks[i].Lower] && dt.givenNames[toks[n].Lower] && !toks[n].Upper {
				break // "Sarah Keld and Timothy Marsh": two persons
			}
			if n < len(toks) && toks[n].Kind == Word && toks[n].Cap && !d.Noise[n] && toks[n].Sent == sent && !isNonName(&toks[n]) {
				j = n
				continue
			}
		}
		if j > i && t.Kind == Number && toks[j-1].Kind == Word && (t.Text == "7" || t.Text == "20" || t.Text == "8") && toks[j-1].Text == "G" {
			j++
			continue
		}
		break
	}
	// Connectors never end a chunk.
	for j > i+1 && !toks[j-1].Cap && toks[j-1].Kind == Word {
		j--
	}
	if j > i+1 && j < len(toks) && lowerBodyHeads[toks[j].Lower] && !toks[j].Cap && toks[j].Sent == sent && !d.Noise[j] && gerundName(&toks[j-1]) {
		j++ // "the Anti-Phishing Working group": a participle is no head
	}
	if j == i {
		return i + 1
	}
	sentInit := startLike(d, i)
	s := i
	// Function words, days, monthNums never begin a name: "The", "In",
	// "Friday".
	for s < j && isNonName(&toks[s]) && !connectors[toks[s].Lower] && !nameLikeAt(dt, d, s, j) {
		s++
	}
	for s < j && (toks[s].Lower == "the" || compoundAdjective(dt, &toks[s])) {
		s++
	}
	if s >= j {
		return j
	}
	if s > i {
		// Scan again from the first word that may start a name: it may
		// start a known name ("The Islamic Republic of Iran").
		return s
	}
	// A name ending in an agreement's head with a connector inside is an
	// agreement, even when it starts with a title word: "General
	// Security of Military Information Agreement".
	if te, _ := dt.matchTitle(toks, s); te > s && j-s >= 3 && agreementHeads[toks[j-1].Lower] && toks[j-1].Lower != "resolution" && hasConnector(toks, te, j) {
		cand := newCand(s, j, schema.TypeAgreement, MentionName)
		cand.name = d.Span(s, j)
		cand.key = "a:" + nameKey(cand.name)
		*cs = append(*cs, cand)
		return acronymAfter(d, j, cs)
	}
	// A title first ("Chief of Staff Jane Doe", "Secretary of State John
	// Doe"): the name is the capitalised words after it.
	ts := s
	for {
		end, _ := dt.matchTitle(toks, ts)
		if end <= ts || end > j {
			if end = pluralOfficeAt(dt, toks, ts, j); end > ts {
				ts = end // "Prime Ministers X and Y"
				continue
			}
			break
		}
		ts = end
	}
	if ts > s && ts < j && toks[ts].Cap {
		e := ts
		for e < j && (toks[e].Cap || nameParticles[toks[e].Lower] && e+1 < j && toks[e+1].Cap) {
			e++
		}
		if companyNamedWith(d, s, e) {
			// "General Kestrel said" after "General Kestrel Co": the
			// company's name in short, its first word no title.
			cand := newCand(s, e, schema.TypeOrganization, MentionName)
			cand.name = d.Span(s, e)
			cand.key = "o:" + nameKey(cand.name)
			*cs = append(*cs, cand)
			return e
		}
		if !anyHead(toks[e-1].Lower) || e-ts >= 2 && surnameHeads[toks[e-1].Lower] {
			// "Senator John Tower", "Chairman Jane Hall": a person's
			// surname may be a place noun. A title further in continues
			// the title ("Deputy Assistant Trade Secretary Jane Doe",
			// "Deputy U.S. Trade Representative John Doe"): the name is
			// what follows it.
			if k := laterTitle(dt, toks, ts+1, e); k >= 0 {
				personAt(dt, d, k, k, e, false, cs)
				return e
			}
			personAt(dt, d, i, s, e, sentInit, cs)
			return e
		}
	}
	// A title inside the run: "Casino Association Chairman Jane Doe",
	// "Lifelong Learning Minister John Doe", "Bank of Tarn Governor Jane
	// Doe". What comes before it is the body the person belongs to (kept
	// when it is an organization).
	if ts == s && !hasAmpersand(toks, s, j) {
		head := -1 // the head before a connector: "Bank" of "Bank of Japan Governor X"
		joined := false
		for k := s + 1; k < j-1; k++ {
			if !toks[k].Cap {
				if toks[k].Lower == "and" && toks[k-1].Cap && !dt.givenNames[toks[k-1].Lower] && toks[k+1].Cap && !toks[k+1].Upper && headBeforeTitle(dt, toks, k+1) {
					// "Securities and Exchange Commission Chairman X":
					// common words joined before the body's head.
					joined = true
					continue
				}
				if !connectors[toks[k].Lower] || toks[k].Lower == "and" {
					break
				}
				if head < 0 && entOrgHeads[toks[k-1].Lower] {
					head = k - 1
				}
				continue
			}
			end, ti := dt.matchTitle(toks, k)
			if end <= k || end >= j || ti.class == "relation" || !toks[end].Cap || nameSuffix(&toks[end]) || anyHead(toks[j-1].Lower) || !toks[k-1].Cap {
				continue // not "Association of Chief Police Officers"
			}
			if joined && !entOrgHeads[toks[k-1].Lower] {
				continue // "Mining and Energy Minister X": one portfolio
			}
			if (entOrgHeads[toks[k-1].Lower] || head >= 0) && k-s >= 2 {
				cand := newCand(s, k, schema.TypeOrganization, MentionName)
				cand.name = d.Span(s, k)
				cand.key = "o:" + nameKey(cand.name)
				*cs = append(*cs, cand)
			}
			e := end
			for e < j && (toks[e].Cap || nameParticles[toks[e].Lower] && e+1 < j && toks[e+1].Cap) {
				e++
			}
			if k2 := laterTitle(dt, toks, end+1, e); k2 >= 0 {
				k = k2 // "Party General Council Chairman Jane Doe"
			}
			personAt(dt, d, k, k, e, false, cs)
			return e
		}
	}
	// Head: the word before the first connector, else the last word. Common
	// words joined by "and" before an organization's head are no head:
	// "Food and Drug Administration", "House Ways and Means Committee";
	// but "House and Senate", "Mining and Energy Minister X".
	c := j
	for k := s + 1; k < j; k++ {
		if !toks[k].Cap && connectors[toks[k].Lower] {
			if p, n := &toks[k-1], &toks[k+1]; toks[k].Lower == "and" && commonWord(dt, p) && !dt.givenNames[p.Lower] && !entOrgHeads[p.Lower] &&
				commonWord(dt, n) && !n.Upper && !entOrgHeads[n.Lower] && (entOrgHeads[toks[j-1].Lower] || legalForms[toks[j-1].Lower]) {
				continue
			}
			c = k
			break
		}
	}
	head := &toks[c-1]
	last := &toks[j-1]
	// A sentence-initial participle or adverb is no part of a name:
	// "Speaking during ...", "Responding to ...".
	if sentInit && isVerbish(&toks[s]) && commonWord(dt, &toks[s]) {
		return s + 1
	}
	if j-s == 1 && (entOrgHeads[head.Lower] || agreementHeads[head.Lower] || eventHeads[head.Lower] || placeHeads[head.Lower] || otherHeads[head.Lower]) {
		return j // "the Government", "Police", "the Treaty": generic nouns
	}
	if j-s == 2 && (placeHeads[head.Lower] || placeFirst[toks[s].Lower]) && personContext(dt, d, s, s, j, &candidate{}) {
		// "Simon Hall said": a surname that is also a place noun.
		personAt(dt, d, i, s, j, sentInit, cs)
		return j
	}
	if c == j && j-s == 2 && surnameOrgHeads[head.Lower] && dt.givenNames[toks[s].Lower] && !toks[s].Upper && !(s > 0 && toks[s-1].Lower == "the") {
		// "Tony Banks", "Lisa Power", "David Steel": a given name, then
		// a surname that is also an organization's head noun.
		personAt(dt, d, i, s, j, sentInit, cs)
		return j
	}
	if c == j && j-s >= 2 && j-s <= 3 && (surnameHeads[head.Lower] || strings.HasSuffix(head.Lower, "shire")) && dt.givenNames[toks[s].Lower] && !toks[s].Upper &&
		!(s > 0 && toks[s-1].Lower == "the") && !placeContext(d, s, j) {
		// "Wayne Bridge said", "Sarah Lancashire": a given name, then a
		// surname that is also a place noun or a county; not "the Albert
		// Hall", "a concert at John Hall".
		personAt(dt, d, i, s, j, sentInit, cs)
		return j
	}
	switch {
	case placeHeads[head.Lower] || strings.HasSuffix(head.Lower, "shire"):
		cand := newCand(s, j, schema.TypeLocation, MentionName)
		cand.name = d.Span(s, j)
		cand.key = "l:" + nameKey(cand.name)
		*cs = append(*cs, cand)
		return j
	case otherHeads[head.Lower]:
		return j
	case entOrgHeads[head.Lower] || entOrgHeads[last.Lower] && c == j || hasAmpersand(toks, s, j) || j-s >= 2 && orgFirstWords[toks[s].Lower] || j-s == 2 && clubHeads[head.Lower] && gazetteerWord(toks, s):
		cand := newCand(s, j, schema.TypeOrganization, MentionName)
		cand.name = d.Span(s, j)
		cand.key = "o:" + nameKey(cand.name)
		cand.media = mediaHeads[head.Lower] || mediaHeads[last.Lower]
		*cs = append(*cs, cand)
		return acronymAfter(d, j, cs)
	case agreementHeads[head.Lower] || (c < j && agreementHeads[toks[s].Lower] && c == s+1):
		typ := schema.TypeAgreement
		if head.Lower == "convention" || head.Lower == "conventions" {
			for k := s; k < j; k++ {
				switch toks[k].Lower {
				case "national", "democratic", "republican", "party", "annual":
					typ = schema.TypeEvent
				}
			}
		}
		if head.Lower == "plan" && j-s < 3 {
			return j // "Marshall Plan", "Obama Plan": a policy
		}
		if head.Lower == "resolution" {
			break
		}
		cand := newCand(s, j, typ, MentionName)
		cand.name = d.Span(s, j)
		cand.key = strings.ToLower(typ[:1]) + ":" + nameKey(cand.name)
		*cs = append(*cs, cand)
		return acronymAfter(d, j, cs)
	case eventHeads[head.Lower] && j-s >= 2:
		cand := newCand(s, j, schema.TypeEvent, MentionName)
		cand.name = d.Span(s, j)
		cand.key = "e:" + nameKey(cand.name)
		*cs = append(*cs, cand)
		return j
	case lawHeads[head.Lower] && j-s >= 2:
		return j
	case placeFirst[toks[s].Lower] && c == j && j-s >= 2:
		cand := newCand(s, j, schema.TypeLocation, MentionName)
		cand.name = d.Span(s, j)
		cand.key = "l:" + nameKey(cand.name)
		*cs = append(*cs, cand)
		return j
	}
	// Not an organization: a person's name stops at its first connector
	// ("Prime Minister Theresa May of Britain").
	e := j
	for k := s + 1; k < j; k++ {
		if !toks[k].Cap && !nameParticles[toks[k].Lower] {
			e = k
			break
		}
	}
	for k := s; k < e; k++ {
		if stateWords[toks[k].Lower] {
			// "the Islamic Republic", "the Kingdom": a country's official
			// name in short, if the article names that country.
			c := newCand(s, e, schema.TypeCountry, MentionReference)
			c.pending = true
			*cs = append(*cs, c)
			return e
		}
	}
	if orgBefore(d, s, e) {
		// "a Pirelli spokesman", "Tesla shares": an organization, unless
		// the article names a person so (joined in persons()).
		c := newCand(s, e, schema.TypePerson, MentionName)
		c.person, c.pending, c.orgFallback = true, true, true
		*cs = append(*cs, c)
		return e
	}
	if e < len(toks) && (orgFollowers[toks[e].Text] || e+1 < len(toks) && toks[e].Text == "news" && (toks[e+1].Text == "agency" || toks[e+1].Text == "service")) &&
		e-s <= 3 && !titleBefore(dt, d, s) && !(e-s == 1 && (commonWord(dt, &toks[s]) || strings.Contains(toks[s].Text, "-"))) {
		// "JPMorgan Chase bank", "the Fiat group": the name of a company
		// before the common noun for it.
		cand := newCand(s, e, schema.TypeOrganization, MentionName)
		cand.name = d.Span(s, e)
		cand.key = "o:" + nameKey(cand.name)
		*cs = append(*cs, cand)
		return e
	}
	if creditAfter(d, s, e) {
		// "..., Kestrel Daily reported.": a news medium credited at the
		// end of a sentence.
		cand := newCand(s, e, schema.TypeOrganization, MentionName)
		cand.name = d.Span(s, e)
		cand.key = "o:" + nameKey(cand.name)
		cand.media = true
		*cs = append(*cs, cand)
		return e
	}
	personAt(dt, d, i, s, e, sentInit, cs)
	return e
}

// pluralOfficeAt returns the end of a capitalised office in the plural
// at token i, before j ("Prime Ministers", "Foreign Ministers",
// "Presidents"), or i.
func pluralOfficeAt(dt *data, toks []Token, i, j int) int {
	if i >= j || !toks[i].Cap {
		return i
	}
	for n := 1; n <= 3 && i+n <= j; n++ {
		last := &toks[i+n-1]
		w := strings.TrimSuffix(last.Lower, "s")
		if !last.Cap || w == last.Lower || !pluralOfficeHeads[w] {
			continue
		}
		parts := make([]string, 0, n)
		for k := i; k < i+n-1; k++ {
			if !toks[k].Cap {
				return i
			}
			parts = append(parts, toks[k].Lower)
		}
		parts = append(parts, w)
		if ti, ok := dt.titles[strings.Join(parts, " ")]; ok && ti.class == "office" {
			return i + n
		}
	}
	return i
}

// pluralOfficeHeads are the last words of offices whose plural stands
// before a list of names.
var pluralOfficeHeads = words(`minister secretary premier president senator governor ambassador`)

// companyNamedWith tells whether the article names a company with the
// words of [s, e) and a legal form after them ("General Kestrel Co").
func companyNamedWith(d *Doc, s, e int) bool {
	toks := d.Tokens
	n := e - s
	for p := 0; p+n < len(toks); p++ {
		if toks[p].Lower != toks[s].Lower || !toks[p].Cap {
			continue
		}
		k := 1
		for k < n && toks[p+k].Lower == toks[s+k].Lower {
			k++
		}
		if k == n && legalTail(toks, p+n) > p+n && legalForms[toks[legalTail(toks, p+n)-1].Lower] {
			return true
		}
	}
	return false
}

// laterTitle returns the start of an office title in [from, e-1) after a
// capitalised word, with a capitalised name after it before e, or -1: the
// title goes on there ("Deputy Assistant Trade Secretary X", "General
// Council Chairman X"), after a common word or an acronym. Not a word of
// a name ("X bin Sultan Y", "Bunu Sheriff Y").
func laterTitle(dt *data, toks []Token, from, e int) int {
	for k := from; k < e-1; k++ {
		if end, ti := dt.matchTitle(toks, k); end > k && end < e && ti.class == "office" && toks[k-1].Cap && (commonWord(dt, &toks[k-1]) || toks[k-1].Upper) &&
			!dt.givenNames[toks[k].Lower] && !nameSuffix(&toks[end]) {
			return k
		}
	}
	return -1
}

// hasConnector tells whether a lower-case connector ("of", "for") stands
// in [s, e).
func hasConnector(toks []Token, s, e int) bool {
	for k := s + 1; k < e; k++ {
		if !toks[k].Cap && connectors[toks[k].Lower] && toks[k].Lower != "and" {
			return true
		}
	}
	return false
}

// orgFollowers are lower-case nouns after a name that make it a
// company's ("JPMorgan Chase bank").
var orgFollowers = words(`bank group company corporation firm airline conglomerate`)

// titleBefore tells whether a title stands right before token s.
func titleBefore(dt *data, d *Doc, s int) bool {
	ts, _ := dt.titleEndingAt(d.Tokens, s)
	return ts < s
}

// creditAfter recognises a trailing credit: ", X reported." or ", X
// reports." closing the sentence.
func creditAfter(d *Doc, s, e int) bool {
	toks := d.Tokens
	if s == 0 || e+1 >= len(toks) || toks[s-1].Text != "," {
		return false
	}
	if v := toks[e].Lower; v != "reported" && v != "reports" {
		return false
	}
	n := &toks[e+1]
	return n.Text == "." || n.ParaBefore || toks[e].Sent != n.Sent
}

// headlineAt tells whether token i stands on a line that reads as a
// headline: no sentence end, and most of its longer words capitalised.
func headlineAt(d *Doc, i int) bool {
	toks := d.Tokens
	s := i
	for s > 0 && !toks[s].LineBefore && i-s <= 20 {
		s--
	}
	e := i + 1
	for e < len(toks) && !toks[e].LineBefore && e-s <= 21 {
		e++
	}
	if e-s > 20 || toks[i].Para > 1 {
		return false // only an unparsed title at the top reads so
	}
	caps, words := 0, 0
	for k := s; k < e; k++ {
		t := &toks[k]
		if k == e-1 && (strings.HasSuffix(t.Text, ".") || t.Text == "!" || t.Text == "?" || t.Kind == QuoteClose || t.Text == ":") {
			return false
		}
		if t.Kind == Word && len(t.Text) > 3 {
			words++
			if t.Cap {
				caps++
			}
		}
	}
	return words >= 3 && caps*4 >= words*3
}

// isVerbish tells whether a word looks like a participle or an adverb
// (Speaking, Responding, Asked, Clearly).
func isVerbish(t *Token) bool {
	w := t.Lower
	return len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed"))
}

// resolver turns candidates into entities.
type resolver struct {
	dt     *data
	d      *Doc
	cs     []candidate
	byKey  map[string]int // grouping key -> entity
	known  map[int]int    // entity -> gazetteer entry it was made from
	people []personName   // the persons with full names
	// parts indexes r.people by surname and word suffix ("s:" + key) and
	// by first name ("f:" + key) for personByPart; built on first use.
	parts map[string][]int32
	// prefixes maps the name prefixes of the article's companies ("computer
	// terminal" of "Computer Terminal Systems Inc") to their entity; built
	// on first use.
	prefixes map[string]int
	// orgStarts maps the word prefixes of organizations' names to them
	// (-1 when several), for the first orgStartsN entities.
	orgStarts  map[string]int
	orgStartsN int
	// lower holds the words the article writes in lower case; built on
	// first use.
	lower map[string]bool
}

func (r *resolver) entity(key string, mk func() *Entity) int {
	if strings.HasPrefix(key, "o:") {
		key = "o:" + withoutLegalForm(key[2:])
	}
	if ei, ok := r.byKey[key]; ok {
		return ei
	}
	e := mk()
	r.d.Entities = append(r.d.Entities, e)
	ei := len(r.d.Entities) - 1
	r.byKey[key] = ei
	return ei
}

// knownEntity returns the entity of a gazetteer entry, creating it.
func (r *resolver) knownEntity(ki int) int {
	n := len(r.d.Entities)
	ei := r.entity(knownKey(ki), func() *Entity {
		k := &r.dt.known[ki]
		e := &Entity{Type: k.typ, Name: k.name}
		e.Aliases = append(e.Aliases, k.aliases...)
		if k.typ == schema.TypeOrganization {
			e.Kind = knownOrgKind(k)
		}
		if k.country >= 0 {
			e.Country = r.dt.known[k.country].name
		}
		return e
	})
	if ei == n {
		r.known[ei] = ki
	}
	return ei
}

func knownKey(ki int) string {
	return "k" + itoa(ki)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func (r *resolver) resolve() {
	d, cs := r.d, r.cs
	r.surnamesOverPlaces()
	// Countries, organizations, agreements, events: everything with a
	// name of its own. Capitals wait until we know which countries the
	// article names.
	for ci := range cs {
		c := &cs[ci]
		switch {
		case c.person, c.pending, c.ref != "", c.acronymOf >= 0, c.kind == MentionCapital:
			continue
		case c.port != "":
			c.entity = r.ministry(c.country, c.port)
		case c.known >= 0:
			c.entity = r.knownEntity(c.known)
		case c.key != "":
			n := len(d.Entities)
			c.entity = r.entity(c.key, func() *Entity {
				e := &Entity{Type: c.typ, Name: c.name}
				e.Aliases = append(e.Aliases, c.aliases...)
				if c.typ == schema.TypeOrganization {
					e.Kind = orgKindOf(c.name)
					if c.media {
						e.Kind = orgMedia
					}
				}
				return e
			})
			if e := d.Entities[c.entity]; c.entity < n && e.Type == schema.TypeOrganization && c.typ == e.Type && c.name != e.Name {
				// "Kestrel Systems Corp" and "Kestrel Systems": one
				// company, named in full.
				if len(c.name) > len(e.Name) {
					e.Name, c.name = c.name, e.Name
				}
				addAlias(e, c.name)
			}
		}
		if c.entity >= 0 && c.known >= 0 && len(c.aliases) > 0 {
			for _, a := range c.aliases {
				addAlias(d.Entities[c.entity], a)
			}
		}
		if c.implied >= 0 {
			r.knownEntity(c.implied)
		}
		if c.entity >= 0 && c.country >= 0 && c.port == "" {
			r.knownEntity(c.country)
			if e := d.Entities[c.entity]; e.Country == "" && c.known < 0 {
				e.Country = r.dt.known[c.country].name
			}
		}
	}
	r.placesAsCompanies()
	r.capitals()
	r.usStates()
	r.persons()
	// Acronyms defined in the text.
	for ci := range cs {
		c := &cs[ci]
		if c.acronymOf >= 0 {
			c.entity = cs[c.acronymOf].entity
		}
	}
	r.pending()
	r.references()
}

// placesAsCompanies reads a place name that, with the capitalised words
// before it, starts the name of a company the article names as that
// company: "Phoenix said" after "Phoenix Steel Corp", "First Wisconsin
// said" after "First Wisconsin Corp". Not where a place stands ("in
// Phoenix", "the Gulf").
func (r *resolver) placesAsCompanies() {
	d, cs := r.d, r.cs
	toks := d.Tokens
	used := false
	for ci := range cs {
		c := &cs[ci]
		if c.known < 0 || c.entity < 0 || r.dt.known[c.known].typ != schema.TypeLocation || c.kind != MentionName && c.kind != MentionDemonym {
			continue
		}
		s := c.start
		if s > 0 && toks[s-1].Text == "First" {
			// "First Boston said" after "First Boston Corp"
			if ei := r.companyPrefix(nameKey(d.Span(s-1, c.end))); ei >= 0 {
				c.start, c.entity, c.kind, c.typ = s-1, ei, MentionAlias, schema.TypeOrganization
				used = true
				continue
			}
		}
		for s > 0 && c.start-s < 3 && toks[s-1].Kind == Word && toks[s-1].Cap && toks[s-1].Sent == toks[c.start].Sent && !isNonName(&toks[s-1]) {
			s--
		}
		if s > 0 && toks[s-1].Lower == "the" || placeContext(d, s, c.end) {
			continue
		}
		if c.end < len(toks) && toks[c.end].Kind == Word && toks[c.end].Cap {
			continue // "Phoenix Steel": the full name is a candidate of its own
		}
		used = true
		for k := s; k <= c.start; k++ {
			if ei := r.companyPrefix(nameKey(d.Span(k, c.end))); ei >= 0 {
				c.entity, c.kind, c.typ = ei, MentionAlias, schema.TypeOrganization
				break
			}
		}
	}
	if used {
		r.prefixes = nil // index again with the organizations made later
	}
}

// companyWithLegalForm returns the one company named key and a legal
// form ("Canadian Pacific Ltd" for "canadian pacific"), or -1.
func (r *resolver) companyWithLegalForm(key string) int {
	found := -1
	for ei, e := range r.d.Entities {
		if e.Type != schema.TypeOrganization || e.Kind != orgCompany && e.Kind != orgBank {
			continue
		}
		k := nameKey(e.Name)
		if len(k) > len(key)+1 && strings.HasPrefix(k, key) && k[len(key)] == ' ' && legalForms[k[len(key)+1:]] {
			if found >= 0 {
				return -1
			}
			found = ei
		}
	}
	return found
}

// surnamesOverPlaces reads a one-word place name or demonym that is the
// surname of a person the article names in full as that person: "Cuban
// added" after "Mark Cuban", "Jordan said" after "Michael Jordan". Only
// where it stands as a name (before a verb, punctuation or a possessive),
// not as an adjective ("Cuban cigars").
func (r *resolver) surnamesOverPlaces() {
	d, cs := r.d, r.cs
	var surnames map[string]bool
	for ci := range cs {
		c := &cs[ci]
		if c.person && !c.pending && c.end-c.start >= 2 && (c.evidence || c.shape) {
			if surnames == nil {
				surnames = map[string]bool{}
			}
			surnames[d.Tokens[c.end-1].Text] = true
		}
	}
	if surnames == nil {
		return
	}
	for ci := range cs {
		c := &cs[ci]
		if c.known < 0 || c.end-c.start != 1 || c.port != "" || !surnames[d.Tokens[c.start].Text] {
			continue
		}
		if k := &r.dt.known[c.known]; k.typ != schema.TypeCountry && k.typ != schema.TypeLocation {
			continue
		}
		if c.start > 0 && d.Tokens[c.start-1].Lower == "the" {
			continue
		}
		if c.end < len(d.Tokens) {
			n := &d.Tokens[c.end]
			if n.Kind == Word && !n.Cap && !entSpeechVerbs[n.Lower] && !auxiliaries[n.Lower] && !govVerbs[n.Lower] &&
				!(len(n.Lower) > 4 && strings.HasSuffix(n.Lower, "ed")) {
				continue // "Cuban cigars"; not "Madrid declined"
			}
		}
		c.known, c.typ, c.kind = -1, schema.TypePerson, MentionName
		c.person, c.pending = true, true
	}
}

// capitals: a capital stands for its country when the article names the
// country otherwise or the capital acts as a government ("Tehran said");
// else it is a place.
func (r *resolver) capitals() {
	d := r.d
	for ci := range r.cs {
		c := &r.cs[ci]
		if c.kind != MentionCapital || c.person || c.pending {
			continue
		}
		k := &r.dt.known[c.known]
		_, named := r.byKey[knownKey(c.known)]
		gov := false
		if c.end < len(d.Tokens) {
			n := &d.Tokens[c.end]
			gov = n.Kind == Possessive || govVerbs[n.Lower]
		}
		if c.start > 0 {
			switch d.Tokens[c.start-1].Lower {
			case "between", "and", "with", "against", "on", "from":
				gov = gov || r.otherCapitalNear(ci)
			}
		}
		place := false
		if !gov && c.start > 0 {
			// "Speaking in London", "visiting Beijing": the city, not
			// its government.
			switch d.Tokens[c.start-1].Lower {
			case "in", "at", "near", "outside", "to", "visiting", "visited", "visit", "via", "into", "around":
				place = true
			}
		}
		if (named || gov) && !place {
			c.entity = r.knownEntity(c.known)
			a := d.Span(c.start, c.end)
			if allCapitals(a) && len(a) >= 3 {
				a = titleCase(a, false) // "PARIS" of a dateline
			}
			addAlias(d.Entities[c.entity], a)
			continue
		}
		name := d.Span(c.start, c.end)
		c.kind = MentionName
		c.typ = schema.TypeLocation
		c.entity = r.entity("l:"+nameKey(name), func() *Entity {
			return &Entity{Type: schema.TypeLocation, Name: name, Country: k.name}
		})
	}
}

// otherCapitalNear tells whether another capital candidate stands within
// three tokens ("between Tehran and Paris").
func (r *resolver) otherCapitalNear(ci int) bool {
	c := &r.cs[ci]
	for _, o := range []int{ci - 1, ci + 1} {
		if o < 0 || o >= len(r.cs) {
			continue
		}
		oc := &r.cs[o]
		if oc.kind == MentionCapital && (oc.start-c.end <= 2 && oc.start >= c.end || c.start-oc.end <= 2 && c.start >= oc.end) {
			return true
		}
	}
	return false
}

// mentions builds d.Mentions from the resolved candidates.
func (r *resolver) mentions() {
	d := r.d
	sort.SliceStable(r.cs, func(a, b int) bool { return r.cs[a].start < r.cs[b].start })
	d.Mentions = d.Mentions[:0]
	lastEnd := -1
	for ci := range r.cs {
		c := &r.cs[ci]
		if c.entity < 0 || c.start < lastEnd {
			continue
		}
		lastEnd = c.end
		d.Mentions = append(d.Mentions, Mention{Start: c.start, End: c.end, Entity: c.entity, Kind: c.kind})
		e := d.Entities[c.entity]
		e.Mentions = append(e.Mentions, len(d.Mentions)-1)
		surface := c.surface
		if surface == "" {
			surface = d.Span(c.start, c.end)
		}
		if c.kind != MentionDemonym && c.kind != MentionPronoun && c.kind != MentionRoleNoun && c.ref != "ministry" {
			addAlias(e, cleanSurface(surface))
		}
		if c.gender != GenderUnknown && e.Gender == GenderUnknown {
			e.Gender = c.gender
		}
	}
	// Every entity keeps its canonical name out of its aliases.
	for _, e := range d.Entities {
		out := e.Aliases[:0]
		for _, a := range e.Aliases {
			if !strings.EqualFold(a, e.Name) {
				out = append(out, a)
			}
		}
		e.Aliases = out
	}
}

var bracketDropper = strings.NewReplacer("[", "", "]", "")

// cleanSurface drops brackets and a leading article from a surface form.
func cleanSurface(s string) string {
	if strings.ContainsAny(s, "[]") {
		s = bracketDropper.Replace(s)
	}
	if strings.ContainsAny(s, "\n\t") || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	for _, p := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// orgFirstWords open the names of organizations, mostly foreign ones
// whose head comes first ("Banque Nationale de Paris", "Caisse des
// Depots", "Statistics Canada", "Deutsche Bundesbank", "Norsk Hydro").
var orgFirstWords = words(`banque banca banco banka caisse compagnie cie societe société usines electricite
électricité statistics deutsche westdeutsche norddeutsche norsk svenska credit crédit kredietbank groupe grupo`)

// knownOrgAt tells whether a known organization of two words or more
// starts at token i.
func knownOrgAt(dt *data, toks []Token, i int) bool {
	pi, end := dt.gaz.match(toks, i)
	return pi >= 0 && end-i >= 2 && dt.known[dt.gaz.phrases[pi].known].typ == schema.TypeOrganization
}

// capsEndInHead tells whether the capitalised words from k end in an
// organization's head or a legal form ("Exchange Commission" in
// "Securities and Exchange Commission").
func capsEndInHead(toks []Token, k int) bool {
	e := k
	for e < len(toks) && e < k+4 && toks[e].Kind == Word && toks[e].Cap {
		e++
	}
	return e > k && (entOrgHeads[toks[e-1].Lower] || legalForms[toks[e-1].Lower])
}

// headBeforeTitle tells whether the capitalised words from k reach an
// organization's head right before an office title ("Exchange Commission
// Chairman" in "Securities and Exchange Commission Chairman X").
func headBeforeTitle(dt *data, toks []Token, k int) bool {
	for e := k; e < len(toks)-1 && e < k+4 && toks[e].Kind == Word && toks[e].Cap; e++ {
		if entOrgHeads[toks[e].Lower] && toks[e+1].Cap {
			if end, ti := dt.matchTitle(toks, e+1); end > e+1 && ti.class != "relation" {
				return true
			}
		}
	}
	return false
}

// headBefore tells whether an organization's or agreement's head noun
// stands in [i, j): "and" after it starts another name.
func headBefore(toks []Token, i, j int) bool {
	for k := i; k < j; k++ {
		if entOrgHeads[toks[k].Lower] || agreementHeads[toks[k].Lower] {
			return true
		}
	}
	return false
}

// anyHead tells whether a word heads the name of something that is not a
// person: an organization, agreement, event, place or other thing.
// placeModifierSuffixes turn a name into a modifier ("Paris-based",
// "German-born", "state-owned").
var placeModifierSuffixes = words(`based born owned listed registered made led backed bound
headquartered themed style controlled run`)

// placeModifier tells whether a word is a name made a modifier by a
// hyphen and a lower-case suffix ("york-based").
func placeModifier(w string) bool {
	k := strings.LastIndexByte(w, '-')
	return k > 0 && placeModifierSuffixes[w[k+1:]]
}

// surnameHeads are place heads that are also common surnames.
var surnameHeads = words(`hall tower castle bridge church hill`)

// surnameOrgHeads are organization heads that are also common surnames.
var surnameOrgHeads = words(`banks steel power gold press bonds bond courier post mail star sun`)

func anyHead(w string) bool {
	return entOrgHeads[w] || agreementHeads[w] || eventHeads[w] || placeHeads[w] || otherHeads[w] || lawHeads[w]
}

func hasAmpersand(toks []Token, s, e int) bool {
	for k := s; k < e; k++ {
		if toks[k].Text == "&" {
			return true
		}
	}
	return false
}

// nameSuffix tells whether a word ends a person's name: Jr., Sr., III.
func nameSuffix(t *Token) bool {
	switch t.Lower {
	case "jr.", "jr", "sr.", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// compoundAdjective tells whether a word ends in a hyphen and a common
// lower-case word: "Brussels-based", "Saudi-led", "Iranian-born".
func compoundAdjective(dt *data, t *Token) bool {
	k := strings.LastIndexByte(t.Text, '-')
	if k <= 0 || k+1 >= len(t.Text) || t.Text[k+1] < 'a' || t.Text[k+1] > 'z' {
		return false
	}
	return dt.lexicon[t.Text[k+1:]]
}

// stateNamesakes are countries that share their name with a US state.
var stateNamesakes = map[string]bool{"Georgia": true}

// usStates reads a country that shares its name with a US state as the
// state when the article names other US states or US places and nothing
// else of the country (its demonym, capital or official name).
// capsNames gives an entity named in capitals ("LONDON" of a wire
// dateline, "NEW YORK") the spelling the article uses elsewhere, else
// title case. A one-word organization in capitals ("ASEAN") is an
// acronym and keeps them; so do short names ("BP").
func (r *resolver) capsNames() {
	d := r.d
	for _, e := range d.Entities {
		if !allCapitals(e.Name) || e.Type == schema.TypeCountry {
			continue
		}
		better := ""
		for _, a := range e.Aliases {
			if strings.EqualFold(a, e.Name) && !allCapitals(a) {
				better = a
				break
			}
		}
		for k := 0; better == "" && k < len(e.Mentions); k++ {
			m := &d.Mentions[e.Mentions[k]]
			if t := d.Span(m.Start, m.End); strings.EqualFold(t, e.Name) && !allCapitals(t) {
				better = t
			}
		}
		if better == "" {
			place := e.Type == schema.TypeLocation || e.Type == schema.TypePerson
			long := false
			for _, w := range strings.Fields(e.Name) {
				long = long || len(w) >= 5 && !strings.Contains(w, ".")
			}
			if !place && (!strings.Contains(e.Name, " ") || !long) || place && len(e.Name) < 3 {
				continue // "ASEAN", "BBC AG"
			}
			better = titleCase(e.Name, !place)
		}
		e.Name = better
	}
}

// legalFormWords are short words of company names written as words.
var legalFormWords = words(`co inc ltd plc llc`)

// allCapitals tells whether a name has two letters or more, all capitals.
func allCapitals(s string) bool {
	n := 0
	for _, c := range s {
		switch {
		case unicode.IsLower(c):
			return false
		case unicode.IsUpper(c):
			n++
		}
	}
	return n >= 2
}

// titleCase writes a name in capitals as a title: "RIO DE JANEIRO" ->
// "Rio de Janeiro", "NEW YORK" -> "New York". With keepShort, words of
// three letters or fewer but legal forms stay capitals: "AEGON NV" ->
// "Aegon NV", "PEAVEY CO" -> "Peavey Co". Words with dots stay so
// ("U.S.").
func titleCase(s string, keepShort bool) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && (connectors[lw] || nameParticles[lw]) {
			ws[i] = lw
			continue
		}
		if strings.Contains(w, ".") || keepShort && len(w) <= 3 && !legalFormWords[lw] {
			continue
		}
		rs := []rune(lw)
		up := true
		for k, c := range rs {
			if up {
				rs[k] = unicode.ToUpper(c)
			}
			up = c == '-' || c == '.' || c == '\''
		}
		ws[i] = string(rs)
	}
	return strings.Join(ws, " ")
}

func (r *resolver) usStates() {
	d := r.d
	usPlaces := 0
	for _, c := range r.cs {
		if c.known >= 0 && c.typ == schema.TypeLocation {
			if k := &r.dt.known[c.known]; k.kind == kindLocation && k.country < 0 {
				usPlaces++
			}
		}
		if c.known >= 0 && r.dt.known[c.known].name == "United States" {
			usPlaces++
		}
	}
	if usPlaces == 0 {
		return
	}
	for ci := range r.cs {
		c := &r.cs[ci]
		if c.known < 0 || c.entity < 0 || !stateNamesakes[r.dt.known[c.known].name] {
			continue
		}
		if c.kind != MentionName || d.Span(c.start, c.end) != r.dt.known[c.known].name {
			return // "Georgian", "Tbilisi": the country
		}
	}
	for ci := range r.cs {
		c := &r.cs[ci]
		if c.known < 0 || c.entity < 0 || !stateNamesakes[r.dt.known[c.known].name] {
			continue
		}
		e := d.Entities[c.entity]
		e.Type, e.Aliases, e.Country = schema.TypeLocation, nil, "United States"
		c.typ = schema.TypeLocation
	}
}

// orgNouns after a name make it an organization's: its spokesman, its
// shares, its board.
var orgNouns = words(`spokesman spokeswoman spokesperson spokespeople official officials executive
executives shares stock stocks shareholders board employees workers subsidiary unit
headquarters lawyers plant plants division subsidiaries factory`)

// orgBefore recognises "a/an/the X spokesman", "X shares": a capitalised
// run after an article and before an organization noun.
func orgBefore(d *Doc, s, e int) bool {
	toks := d.Tokens
	if s == 0 || e >= len(toks) || !orgNouns[toks[e].Lower] || toks[e].Cap {
		return false
	}
	if end, _ := loadData().matchTitle(toks, s); end > s {
		return false // "the MP's staff"
	}
	if e-s == 1 && (loadData().lexicon[toks[s].Lower] || len(toks[s].Text) <= 2) {
		return false // "the PC division", "the Labour executive"
	}
	switch toks[s-1].Lower {
	case "a", "an", "the", "its", "their":
		return true // "a Pirelli spokesman", "its Kestrel Castings unit"
	}
	return false
}

// lowerBodyHeads are heads of a body's name that some writers leave in
// lower case ("the X Working group", "the Y Steering committee").
var lowerBodyHeads = wordSet(`group committee council panel forum party team body`)

// gerundName tells whether t is a capitalised participle that modifies a
// body's head and cannot be one itself ("Working", "Steering").
func gerundName(t *Token) bool {
	return t.Kind == Word && t.Cap && !t.Upper && len(t.Lower) > 5 && strings.HasSuffix(t.Lower, "ing")
}

// performerNouns describe a person known by a stage name ("rapper 50
// Cent", "singer 2 Chainz").
var performerNouns = wordSet(`rapper rappers singer singers musician musicians artist artists star
	stars performer performers dj producer`)

// numberNameAt reads a stage name that starts with a number at token i
// ("rapper 50 Cent"): one or two digits and one capitalised word, after a
// performer noun or as a name the article already gave so. It adds a
// person and returns the end, or i.
func numberNameAt(d *Doc, i int, cs *[]candidate) int {
	toks := d.Tokens
	t := &toks[i]
	if len(t.Text) > 2 || !isDigits(t.Text) || i+1 >= len(toks) {
		return i
	}
	n := &toks[i+1]
	if n.Kind != Word || !n.Cap || n.Upper || n.Sent != t.Sent || d.Noise[i+1] || isNonName(n) ||
		monthIndex(n.Lower) > 0 || strings.HasSuffix(n.Lower, "s") ||
		i+2 < len(toks) && toks[i+2].Kind == Word && toks[i+2].Cap && toks[i+2].Sent == t.Sent {
		return i
	}
	name := d.Span(i, i+2)
	ok := i > 0 && performerNouns[toks[i-1].Lower] && !toks[i-1].Cap && toks[i-1].Sent == t.Sent
	for k := range *cs {
		if c := &(*cs)[k]; !ok && c.typ == schema.TypePerson && c.end-c.start == 2 && d.Span(c.start, c.end) == name {
			ok = true
		}
	}
	if !ok {
		return i
	}
	c := newCand(i, i+2, schema.TypePerson, MentionName)
	c.person, c.name = true, name
	*cs = append(*cs, c)
	return i + 2
}

// isDigits tells whether s is made of ASCII digits only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
