package extract

import (
	"strings"

	"newsgraph/schema"
)

// Roles: the offices an article gives a person, read from the title
// before a name ("Iran's foreign ministry spokesman, Bahram Ghassemi",
// "US President Donald Trump", "French foreign minister Jean-Yves Le
// Drian") or in an apposition after it ("Jane Doe, Britain's foreign
// secretary,"). The organization or country is the mention right before
// the title (or after "of"/"for" in an apposition); a ministry brings its
// country. Portfolio offices ("foreign minister") name no organization.

// titleForms spell out abbreviated titles.
var titleForms = map[string]string{
	"sen.": "senator", "gov.": "governor", "rep.": "representative", "sen": "senator", "sens.": "senator", "senators": "senator",
	"rep": "representative", "reps.": "representative", "congressmen": "congressman",
	"vice-chairman": "vice chairman", "vice-premier": "vice premier", "vice-premiers": "vice premier", "vice premiers": "vice premier",
	"gen.": "general",
	"col.": "colonel", "lt. gen.": "lieutenant general", "maj. gen.": "major general",
	"brig. gen.": "brigadier general", "lt. col.": "lieutenant colonel", "maj.": "major",
	"capt.": "captain", "sgt.": "sergeant", "adm.": "admiral", "cmdr.": "commander",
	"rev.": "reverend", "prof.": "professor", "secretary general": "secretary-general",
	"director general": "director-general", "vice-president": "vice president",
}

func normTitle(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if f, ok := titleForms[s]; ok {
		return f
	}
	return s
}

// findRoles fills d.Roles from the person mentions.
func findRoles(dt *data, d *Doc) {
	d.indexMentions()
	toks := d.Tokens
	seen := map[RoleFact]bool{}
	add := func(rf RoleFact) {
		key := rf
		key.Tok = 0
		if !seen[key] {
			seen[key] = true
			d.Roles = append(d.Roles, rf)
		}
	}
	for mi := range d.Mentions {
		m := &d.Mentions[mi]
		if m.Entity < 0 || d.Entities[m.Entity].Type != schema.TypePerson {
			continue
		}
		// Title before the name.
		k := m.Start
		if k > 0 && toks[k-1].Text == "," {
			if reportingTail(dt, d, m.Start, m.End) {
				// "... his second term as US President, Tony Blair has
				// said.": the comma closes the claim; the title is not the
				// speaker's.
				continue
			}
			k--
		}
		if k > 0 && honorificWords[toks[k-1].Lower] {
			k-- // "Shadow Europe minister Mr Brady"
		}
		if ts, ti := dt.titleEndingAt(toks, k); ts >= k && k > 0 && toks[k].Text == "," {
			// "European Union ambassador to the WTO, Carlo Trojan": the
			// title before a complement.
			if ts2, ti2, ok := titleBeforeComplement(dt, d, k); ok {
				te := titleEnd(dt, toks, ts2)
				rf := RoleFact{Person: m.Entity, Title: normTitle(d.Span(ts2, te)), Org: -1, Country: -1, Tok: ts2}
				if ts2 > 0 && d.MentionOf[ts2-1] >= 0 {
					affiliate(d, &rf, int(d.MentionOf[ts2-1]), ti2.port != "")
				} else if ts2 > 1 && toks[ts2-1].Kind == Possessive && d.MentionOf[ts2-2] >= 0 {
					affiliate(d, &rf, int(d.MentionOf[ts2-2]), ti2.port != "")
				} else if te < k && toks[te].Lower != "to" {
					// "a spokeswoman for the South Korean foreign
					// ministry": the body of the complement.
					for i := k - 1; i > te; i-- {
						if om := d.MentionOf[i]; om >= 0 {
							if e := d.Entities[d.Mentions[om].Entity]; e.Type == schema.TypeOrganization || rf.Country < 0 {
								affiliate(d, &rf, int(om), ti2.port != "")
							}
							i = d.Mentions[om].Start
						}
					}
				}
				add(rf)
				continue
			}
			_ = ti
		}
		if ts, ti := dt.titleEndingAt(toks, k); ts < k && ti.class == "office" {
			if rankTitles[toks[ts].Lower] && ts > 1 && toks[ts-1].Text == "," {
				// "Mali's government spokesman, Colonel Abdoulaye
				// Traore": the office before the rank.
				if ts2, ti2 := dt.titleEndingAt(toks, ts-1); ts2 < ts-1 && ti2.class == "office" {
					k, ts, ti = ts-1, ts2, ti2
				}
			}
			// "Greek government spokesman", "opposition party leader":
			// common nouns of the body before the title belong to it.
			for ts > 0 && toks[ts-1].Kind == Word && roleBodies[toks[ts-1].Lower] && d.MentionOf[ts-1] < 0 {
				ts--
			}
			// "Sudan's irrigation minister", "Russian Deputy Ambassador":
			// a word of the office before the title, after the body.
			ts = titleModifiers(dt, d, ts)
			if ts > 0 && toks[ts-1].Lower == "shadow" && d.MentionOf[ts-1] < 0 {
				ts-- // "his shadow Chancellor X": an opposition office
			}
			rf := RoleFact{Person: m.Entity, Title: normTitle(d.Span(ts, k)), Org: -1, Country: -1, Tok: ts}
			if ts > 0 {
				if om := d.MentionOf[ts-1]; om >= 0 {
					affiliate(d, &rf, int(om), ti.port != "")
				} else if ts > 1 && toks[ts-1].Kind == Possessive {
					if om := d.MentionOf[ts-2]; om >= 0 {
						affiliate(d, &rf, int(om), ti.port != "")
					}
				}
			}
			add(rf)
			continue
		}
		// Apposition after the name.
		if rf, ok := apposition(dt, d, m); ok {
			add(rf)
		}
	}
	impliedCountries(dt, d)
	impliedCompany(d)
	dropBareTitles(d)
}

// companyOffices are the officers of a company, offices that without an
// organization belong to the one company an article names.
var companyOffices = wordSet(`chairman chairwoman president ceo cfo treasurer`)

var companyOfficePhrases = map[string]bool{"vice president": true, "executive vice president": true,
	"senior vice president": true, "chief executive": true, "chief executive officer": true,
	"chief financial officer": true, "chief operating officer": true, "managing director": true}

// impliedCompany gives a company officer who has no organization ("President
// X told Reuters") the one company the article names (or its short form and
// full name: "Harlow Mining", "Harlow Mining Corp"), named once with its
// legal form, when it names no other organization but the media; never to a person the gazetteer places in a country, with an
// office of a country, nor a president when the article names a country.
func impliedCompany(d *Doc) {
	company := -1
	for ei, e := range d.Entities {
		if e.Type != schema.TypeOrganization || e.Kind == orgMedia {
			continue // "told Reuters": the medium is no employer
		}
		switch {
		case company < 0:
			company = ei
		case sameCompany(d.Entities[company].Name, e.Name):
			if len(e.Name) > len(d.Entities[company].Name) {
				company = ei
			}
		default:
			return // two organizations: "Chairman X" may be either's, or a committee's
		}
	}
	if company < 0 || d.Entities[company].Kind != orgCompany || !legalFormEnd(d.Entities[company].Name) {
		return // a company named with its legal form only ("Harlow Mining Corp")
	}
	countries := false
	for _, m := range d.Mentions {
		if m.Entity >= 0 && d.Entities[m.Entity].Type == schema.TypeCountry {
			countries = true // "President X" may be a country's
			break
		}
	}
	for _, r := range d.Roles {
		if r.Org >= 0 && sameCompany(d.Entities[company].Name, d.Entities[r.Org].Name) {
			company = r.Org // the form the article's roles use
		}
	}
	for k := range d.Roles {
		r := &d.Roles[k]
		if r.Org >= 0 || r.Country >= 0 || r.CountryName != "" || !companyOffices[r.Title] && !companyOfficePhrases[r.Title] {
			continue
		}
		if d.Entities[r.Person].Country != "" || countryOffice(d.Roles, r.Person) || countries && nationalOffices[r.Title] {
			continue
		}
		r.Org = company
	}
}

// legalFormEnd tells whether a name ends with a company's legal form.
func legalFormEnd(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	return len(f) > 1 && legalForms[f[len(f)-1]]
}

// sameCompany tells whether one name is the other's words before a legal
// form or more ("Harlow Mining", "Harlow Mining Corp").
func sameCompany(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasPrefix(b, a+" ")
}

// countryOffice tells whether the person holds an office of a country in
// the article.
func countryOffice(roles []RoleFact, person int) bool {
	for _, r := range roles {
		if r.Person == person && (r.Country >= 0 || r.CountryName != "") {
			return true
		}
	}
	return false
}

// dropBareTitles removes a role whose title is a word-suffix of another
// title of the same person with the same, or no, organization and country:
// "Treasury Secretary X ... Secretary X said" is one role, the treasury
// secretary.
func dropBareTitles(d *Doc) {
	keep := d.Roles[:0]
	for i, r := range d.Roles {
		if !coveredRole(d.Roles, i) {
			keep = append(keep, r)
		}
	}
	d.Roles = keep
}

// coveredRole tells whether roles[i] is a shorter form of another role of
// its person.
func coveredRole(roles []RoleFact, i int) bool {
	r := roles[i]
	for j, o := range roles {
		if j < i && o.Person == r.Person && o.Title == r.Title && o.Org == r.Org && o.Country == r.Country && o.CountryName == r.CountryName {
			return true // the same role twice once a company was implied
		}
		if j == i || o.Person != r.Person || len(o.Title) <= len(r.Title) || !strings.HasSuffix(o.Title, " "+r.Title) {
			continue
		}
		if (r.Org < 0 || r.Org == o.Org) && (r.Country < 0 || r.Country == o.Country) && (r.CountryName == "" || r.CountryName == o.CountryName) {
			return true
		}
	}
	return false
}

// reportingTail tells whether the name [s, e) after a comma is the
// subject of a reporting clause that ends its sentence ("..., X has
// said.", "..., X told the paper."), after a title that ends the claim
// rather than opens the sentence: "... as US President, X said." but not
// "The US President, X said.".
func reportingTail(dt *data, d *Doc, s, e int) bool {
	toks := d.Tokens
	k := e
	for k < len(toks) && auxiliaries[toks[k].Lower] {
		k++
	}
	if k >= len(toks) || !entSpeechVerbs[toks[k].Lower] {
		return false
	}
	sent := toks[s].Sent
	for n := k + 1; ; n++ {
		if n >= len(toks) || toks[n].Sent != sent {
			break
		}
		if n > k+8 || toks[n].Lower == "that" || toks[n].Text == ":" || toks[n].Text == "," || toks[n].Kind >= QuoteOpen && toks[n].Kind <= QuoteAmbig {
			return false
		}
	}
	ts, _ := dt.titleEndingAt(toks, s-1)
	if ts >= s-1 {
		return false
	}
	// What stands before the title phrase: the claim's words, not the
	// sentence start, a determiner or the body the title belongs to.
	for p := ts - 1; p >= 0 && toks[p].Sent == sent; p-- {
		t := &toks[p]
		if t.Kind == Possessive || t.Cap || d.MentionOf[p] >= 0 || determiners[t.Lower] {
			continue
		}
		return t.Kind == Word
	}
	return false
}

// nationalOffices are offices of a national government that belong to
// a country even when the text does not say which.
var nationalOffices = map[string]bool{"president": true, "prime minister": true, "premier": true,
	"chancellor": true, "king": true, "queen": true, "emperor": true, "secretary of state": true,
	"vice president": true, "deputy prime minister": true, "chancellor of the exchequer": true}

// impliedCountries gives a country to the offices of a national
// government that name none ("Chancellor Gordon Brown", "Foreign Minister
// X"): the country of another of the person's roles, else the article's
// country (see articleCountry) when the office is one that country has
// (officeFits) and stands alone, not before a complement ("president of a
// co-op").
func impliedCountries(dt *data, d *Doc) {
	only := -1
	for _, m := range d.Mentions {
		if m.Entity < 0 || d.Entities[m.Entity].Type != schema.TypeCountry || m.Kind == MentionDemonym {
			continue // "a French economist" names no country
		}
		if only >= 0 && only != m.Entity {
			only = -2
			break
		}
		only = m.Entity
	}
	for _, r := range d.Roles {
		if only < 0 {
			break
		}
		c := ""
		if r.Country >= 0 {
			c = d.Entities[r.Country].Name
		} else if r.Org >= 0 {
			c = d.Entities[r.Org].Country
		}
		if c != "" && c != d.Entities[only].Name {
			// "Labour MP X" in an article that names only Iraq: the
			// article is about a second country, the one its people
			// belong to, so the one it names says nothing.
			only = -2
			break
		}
	}
	dominant := only >= 0 && articleCountry(dt, d, only)
	for k := range d.Roles {
		r := &d.Roles[k]
		if r.Country >= 0 || r.Org >= 0 || r.CountryName != "" {
			continue
		}
		_, ti := dt.matchTitle(d.Tokens, r.Tok)
		ws := strings.Fields(r.Title)
		last := ws[len(ws)-1]
		if ti.port == "" && !nationalOffices[r.Title] && !(len(ws) >= 2 && (last == "secretary" || last == "minister") && !roleBodies[ws[0]]) {
			continue // "home secretary", "energy minister"; not "party secretary"
		}
		for _, o := range d.Roles {
			if o.Person == r.Person && o.Country >= 0 {
				r.Country = o.Country
				break
			}
		}
		if r.Country >= 0 || only < 0 || !officeFits(r.Title, d.Entities[only].Name) || titleComplemented(dt, d.Tokens, r.Tok) {
			continue
		}
		if dominant || namedInSentence(d, only, d.Tokens[r.Tok].Sent) {
			r.Country = only
		}
	}
}

// articleCountry tells whether the one country c an article names is
// the article's country: named (or its people, its capital, or a party,
// body or place of it: Labour, Congress, England) at least twice and
// more often than any other country is named, a name in the headline
// counting twice. A country named once in passing ("trained in
// Switzerland") is not.
func articleCountry(dt *data, d *Doc, c int) bool {
	counts := map[string]int{}
	name := d.Entities[c].Name
	for _, m := range d.Mentions {
		if m.Entity < 0 {
			continue
		}
		if e := d.Entities[m.Entity]; e.Type == schema.TypeCountry {
			counts[e.Name]++
		} else if e.Country == name {
			// Only for c: a party the gazetteer gives another country
			// may be a namesake (Labour).
			counts[name]++
		}
	}
	if d.Title != "" {
		toks := tokenize(d.Title)
		for i := 0; i < len(toks); i++ {
			k, e := dt.gaz.match(toks, i)
			if k < 0 {
				continue
			}
			kn := &dt.known[dt.gaz.phrases[k].known]
			if kn.typ != schema.TypeCountry && kn.country >= 0 {
				kn = &dt.known[kn.country] // "U.S. TREASURY"
			}
			if kn.typ == schema.TypeCountry {
				counts[kn.name] += 2 // "Act on detention ruling, UK urged"
			}
			i = e - 1
		}
	}
	n := counts[name]
	if n < 2 {
		return false
	}
	for o, k := range counts {
		if o != name && k >= n {
			return false // "Japanese" more often than the one "U.S."
		}
	}
	return true
}

// namedInSentence tells whether country c is named in sentence s.
func namedInSentence(d *Doc, c, s int) bool {
	for _, m := range d.Mentions {
		if m.Entity == c && d.Tokens[m.Start].Sent == s {
			return true
		}
	}
	return false
}

// titleComplemented tells whether the title starting at (or up to three
// words before) token ts is followed by a complement that says whose
// office it is ("president of a Chicago co-op", "vice president for grain
// marketing"): the office is not a national one.
func titleComplemented(dt *data, toks []Token, ts int) bool {
	for j := ts; j < ts+4 && j < len(toks); j++ {
		if e, _ := dt.matchTitle(toks, j); e > j {
			return e < len(toks) && (toks[e].Lower == "of" || toks[e].Lower == "for" || toks[e].Lower == "at")
		}
	}
	return false
}

// Offices only some countries have: world knowledge for officeFits.
var (
	// monarchies have a king, queen or emperor and no president.
	monarchies = countrySet(`Andorra;Antigua and Barbuda;Australia;Bahamas;Bahrain;Belgium;Belize;Bhutan;Brunei;
Cambodia;Canada;Denmark;Eswatini;Grenada;Jamaica;Japan;Jordan;Kuwait;Lesotho;Liechtenstein;Luxembourg;Malaysia;
Monaco;Morocco;Nepal;Netherlands;New Zealand;Norway;Oman;Papua New Guinea;Qatar;Saint Kitts and Nevis;
Saint Lucia;Saint Vincent and the Grenadines;Saudi Arabia;Solomon Islands;Spain;Sweden;Thailand;Tonga;Tuvalu;
United Arab Emirates;United Kingdom`)
	// presidentialStates have a president who heads the government and no
	// prime minister.
	presidentialStates = countrySet(`United States;Mexico;Brazil;Argentina;Chile;Colombia;Venezuela;Ecuador;Bolivia;
Paraguay;Uruguay;Costa Rica;Panama;Guatemala;Honduras;El Salvador;Nicaragua;Dominican Republic;Indonesia;
Philippines;Nigeria;Ghana;Zambia;Malawi;Afghanistan;Cyprus;Switzerland`)
	// chancellorStates have a chancellor in government.
	chancellorStates = countrySet(`Germany;West Germany;Austria;United Kingdom`)
	// secretaryStates call cabinet members secretaries ("energy
	// secretary", "secretary of state").
	secretaryStates = countrySet(`United States;United Kingdom;Philippines;Mexico;Argentina;Canada;Vatican City;
Dominican Republic`)
	// westminsterStates have shadow offices and a home and a foreign
	// secretary.
	westminsterStates = countrySet(`United Kingdom;Australia;New Zealand;Canada`)
)

func countrySet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Split(s, ";") {
		m[strings.TrimSpace(f)] = true
	}
	return m
}

// officeFits tells whether a country has the office: no king of France,
// president of Japan, prime minister of the United States, chancellor of
// Italy or home secretary of the United States.
func officeFits(title, country string) bool {
	ws := strings.Fields(title)
	last := ws[len(ws)-1]
	switch {
	case ws[0] == "shadow" || title == "home secretary" || title == "foreign secretary" || title == "chancellor of the exchequer":
		return westminsterStates[country] && (title != "chancellor of the exchequer" || country == "United Kingdom")
	case last == "king" || last == "queen" || last == "emperor":
		return monarchies[country]
	case last == "president":
		return !monarchies[country] || country == "United Arab Emirates"
	case last == "premier" || strings.HasSuffix(title, "prime minister"):
		return !presidentialStates[country]
	case last == "chancellor":
		return chancellorStates[country]
	case last == "secretary" || title == "secretary of state":
		return secretaryStates[country]
	}
	return true
}

// titleBeforeComplement finds "TITLE to|at|for|of [the] NAME" ending at
// token k (a comma): the title's start and info.
func titleBeforeComplement(dt *data, d *Doc, k int) (int, titleInfo, bool) {
	toks := d.Tokens
	om := d.MentionOf[k-1]
	if om < 0 {
		return 0, titleInfo{}, false
	}
	// Back over the complement's names: "the South Korean foreign
	// ministry", "Iran's foreign ministry".
	p := d.Mentions[om].Start - 1
	for p > 0 {
		if m := d.MentionOf[p]; m >= 0 {
			p = d.Mentions[m].Start - 1
			continue
		}
		if toks[p].Lower == "the" || toks[p].Kind == Possessive {
			p--
			continue
		}
		break
	}
	if p < 1 {
		return 0, titleInfo{}, false
	}
	switch toks[p].Lower {
	case "to", "at", "for", "of":
	default:
		return 0, titleInfo{}, false
	}
	ts, ti := dt.titleEndingAt(toks, p)
	if ts >= p || ti.class != "office" {
		return 0, titleInfo{}, false
	}
	return ts, ti, true
}

// titleEnd returns the end of the title starting at ts.
func titleEnd(dt *data, toks []Token, ts int) int {
	e, _ := dt.matchTitle(toks, ts)
	return e
}

// rankTitles are military ranks that may stand between an office and a
// name ("spokesman, Colonel X").
var rankTitles = words(`colonel col. general gen. major maj. captain capt. lieutenant lt. sergeant
sgt. admiral adm. brigadier commander cmdr.`)

// titleModifiers extends a title starting at ts leftwards over up to two
// words of the office ("irrigation" in "Sudan's irrigation minister",
// "Deputy" in "Russian Deputy Ambassador"): common words written like the
// title (both capitalised or both not), no verb forms, after the body
// that holds the office (a name, a possessive, a determiner, a comma or
// the sentence start).
func titleModifiers(dt *data, d *Doc, ts int) int {
	toks := d.Tokens
	k := ts
	for n := 0; n < 2 && k > 0; n++ {
		t := &toks[k-1]
		if t.Kind != Word || d.MentionOf[k-1] >= 0 || t.Cap != toks[ts].Cap || !dt.lexicon[t.Lower] && !titleWordish(dt, toks, k-1) {
			break
		}
		if determiners[t.Lower] || prepositions[t.Lower] || clauseWords[t.Lower] || auxiliaries[t.Lower] || negations[t.Lower] ||
			entSpeechVerbs[t.Lower] || isVerbish(t) || t.Lower == "former" || t.Lower == "new" {
			break
		}
		k--
	}
	if k == ts {
		return ts
	}
	// The extension must start after the body or a boundary.
	if k == 0 || d.MentionOf[k-1] >= 0 || toks[k-1].Kind == Possessive || toks[k-1].Text == "," ||
		determiners[toks[k-1].Lower] || k == d.Sentences[toks[k].Sent].Start {
		return k
	}
	return ts
}

// titleWordish tells whether token i is a title word ("Deputy").
func titleWordish(dt *data, toks []Token, i int) bool {
	e, _ := dt.matchTitle(toks, i)
	return e > i
}

// roleBodies are common nouns of a body that stand before a title and
// belong to it ("government spokesman", "party leader").
var roleBodies = words(`government party opposition state cabinet presidential military army police
company union campaign embassy`)

// affiliate sets a role's organization or country from the mention om.
func affiliate(d *Doc, rf *RoleFact, om int, portfolioOffice bool) {
	e := d.Entities[d.Mentions[om].Entity]
	switch e.Type {
	case schema.TypeCountry:
		rf.Country = d.Mentions[om].Entity
	case schema.TypeOrganization:
		if !portfolioOffice {
			rf.Org = d.Mentions[om].Entity
		}
		if e.Country != "" {
			rf.Country = entityNamed(d, e.Country, schema.TypeCountry)
			if rf.Country < 0 {
				rf.CountryName = e.Country // a party's country the article does not name
			}
		}
	}
}

// entityNamed returns the entity of a type with a canonical name, -1.
func entityNamed(d *Doc, name, typ string) int {
	for ei, e := range d.Entities {
		if e.Type == typ && e.Name == name {
			return ei
		}
	}
	return -1
}

// apposition reads ", [the|a|Country's] [ORG|COUNTRY] TITLE [of|for ORG|COUNTRY]," after a
// person mention.
func apposition(dt *data, d *Doc, m *Mention) (RoleFact, bool) {
	toks := d.Tokens
	i := m.End
	if i >= len(toks) || toks[i].Text != "," {
		return RoleFact{}, false
	}
	i++
	rf := RoleFact{Person: m.Entity, Org: -1, Country: -1}
	if i < len(toks) {
		switch toks[i].Lower {
		case "the", "a", "an", "his", "her", "its", "their":
			i++
		}
	}
	// Affiliation before the title.
	for n := 0; n < 3 && i < len(toks); n++ {
		om := d.MentionOf[i]
		if om < 0 {
			break
		}
		e := d.Entities[d.Mentions[om].Entity]
		if e.Type != schema.TypeCountry && e.Type != schema.TypeOrganization {
			break
		}
		affiliate(d, &rf, int(om), false)
		i = d.Mentions[om].End
		if i < len(toks) && toks[i].Kind == Possessive {
			i++
		}
	}
	end, ti := dt.matchTitle(toks, i)
	ts := i
	for n := 0; end == i && n < 2 && i+n+1 < len(toks); n++ {
		// "a trade lawyer", "a senior foreign policy adviser": words of
		// the office before the title.
		t := &toks[i+n]
		if t.Kind != Word || t.Cap || !dt.lexicon[t.Lower] || determiners[t.Lower] || prepositions[t.Lower] || clauseWords[t.Lower] || isVerbish(t) {
			break
		}
		if e2, ti2 := dt.matchTitle(toks, i+n+1); e2 > i+n+1 {
			end, ti = e2, ti2
		}
	}
	if end == ts || ti.class != "office" {
		return RoleFact{}, false
	}
	rf.Title = normTitle(d.Span(i, end))
	rf.Tok = i
	if ti.port != "" {
		rf.Org = -1
	}
	j := end
	if j+1 < len(toks) && (toks[j].Lower == "of" || toks[j].Lower == "for" || toks[j].Lower == "at") {
		k := j + 1
		if toks[k].Lower == "the" && k+1 < len(toks) {
			k++
		}
		// "at the Brussels-based firm X": over the words that describe it.
		for n := 0; n < 3 && k+1 < len(toks) && d.MentionOf[k] < 0 && toks[k].Kind == Word && (!toks[k].Cap || compoundAdjective(dt, &toks[k])); n++ {
			k++
		}
		if om := d.MentionOf[k]; om >= 0 {
			// "for Iran's foreign ministry": the ministry, not the country.
			if e := d.Mentions[om].End; e < len(toks) && toks[e].Kind == Possessive {
				if om2 := d.MentionOf[e+1]; e+1 < len(toks) && om2 >= 0 {
					om = om2
				}
			}
			affiliate(d, &rf, int(om), ti.port != "")
			if listGoesOn(d, d.Mentions[om].End) {
				// "dignitaries including X, the King of Belgium as well
				// as Y": items of a list, not a name and its title.
				return RoleFact{}, false
			}
		}
	}
	return rf, true
}

// listGoesOn tells whether a list of names goes on at token i: "as well
// as", or "and"/"or" before a person's name.
func listGoesOn(d *Doc, i int) bool {
	toks := d.Tokens
	if i+2 < len(toks) && toks[i].Lower == "as" && toks[i+1].Lower == "well" && toks[i+2].Lower == "as" {
		return true
	}
	if i+1 < len(toks) && (toks[i].Lower == "and" || toks[i].Lower == "or") {
		if om := d.MentionOf[i+1]; om >= 0 && d.Mentions[om].Entity >= 0 {
			return d.Entities[d.Mentions[om].Entity].Type == schema.TypePerson
		}
	}
	return false
}
