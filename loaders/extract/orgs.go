package extract

import (
	"strings"

	"newsgraph/schema"
)

// Ministries are organizations tied to a country. They are written in many
// ways, which all become one entity per country and portfolio:
//
//	Iran's foreign ministry       the French foreign ministry
//	Iranian Foreign Ministry      Iran Foreign Ministry
//	Foreign Ministry of Iran      Ministry of Foreign Affairs of Iran
//	Iranian Ministry of Foreign Affairs
//
// The country keeps its own mention ("Iran", "Iranian"); the ministry's
// mention is the rest, and the whole phrase becomes an alias. A ministry
// without a country ("the foreign ministry") is a reference to the
// nearest ministry of that portfolio the article names.

// ministryWords are the nouns of a ministry.
var ministryWords = words(`ministry department`)

// portfolioAt returns the portfolio whose form the tokens from i spell
// and where it ends.
func portfolioAt(dt *data, toks []Token, i int) (*portfolio, int) {
	if i >= len(toks) || toks[i].Kind != Word {
		return nil, i
	}
	n := matchWords(toks, i, dt.portFirst[toks[i].Lower])
	if n == 0 {
		return nil, i
	}
	form := make([]string, n)
	for k := 0; k < n; k++ {
		form[k] = toks[i+k].Lower
	}
	f := strings.Join(form, " ")
	for pi := range dt.portfolios {
		for _, pf := range dt.portfolios[pi].forms {
			if pf == f {
				return &dt.portfolios[pi], i + n
			}
		}
	}
	return nil, i
}

// countryRefAt returns the country a gazetteer phrase at i names (by
// name, demonym or capital) and where the phrase ends.
func countryRefAt(dt *data, toks []Token, i int) (int, int, MentionKind) {
	pi, end := dt.gaz.match(toks, i)
	if pi < 0 {
		return -1, i, 0
	}
	p := &dt.gaz.phrases[pi]
	if dt.known[p.known].typ != schema.TypeCountry {
		return -1, i, 0
	}
	return int(p.known), end, p.kind
}

// ministryAt recognises a ministry at token i and adds its candidates; it
// returns the token after it, or i.
func ministryAt(dt *data, d *Doc, i, gpi, gend int, cs *[]candidate) int {
	toks := d.Tokens
	t := &toks[i]
	// Country first: "Iran's foreign ministry", "Iranian Ministry of ...".
	if gpi >= 0 && dt.known[dt.gaz.phrases[gpi].known].typ == schema.TypeCountry {
		ci, cend, ckind := int(dt.gaz.phrases[gpi].known), gend, dt.gaz.phrases[gpi].kind
		j := cend
		if j < len(toks) && toks[j].Kind == Possessive {
			j++
		}
		if p, pend, ok := ministryBody(dt, toks, j); ok {
			cc := newCand(i, cend, schema.TypeCountry, ckind)
			cc.known = ci
			*cs = append(*cs, cc)
			m := newCand(j, pend, schema.TypeOrganization, MentionName)
			m.country, m.port = ci, p.key
			m.surface = d.Span(i, pend)
			*cs = append(*cs, m)
			return pend
		}
		return i
	}
	if t.Kind != Word || dt.portFirst[t.Lower] == nil && !ministryWords[t.Lower] {
		return i
	}
	p, pend, ok := ministryBody(dt, toks, i)
	if !ok {
		return i
	}
	if gpi >= 0 && gend >= pend {
		return i // a known body: "Ministry of Defence" (UK), "State Department"
	}
	// "... of Iran" after the ministry.
	if pend+1 < len(toks) && toks[pend].Lower == "of" {
		if ci, cend, ckind := countryRefAt(dt, toks, pend+1); ci >= 0 && ckind == MentionName {
			m := newCand(i, pend, schema.TypeOrganization, MentionName)
			m.country, m.port = ci, p.key
			m.surface = d.Span(i, cend)
			*cs = append(*cs, m)
			cc := newCand(pend+1, cend, schema.TypeCountry, ckind)
			cc.known = ci
			*cs = append(*cs, cc)
			return cend
		}
	}
	// No country: a reference to a ministry of the article.
	m := newCand(i, pend, schema.TypeOrganization, MentionReference)
	m.port = p.key
	m.ref = "ministry"
	*cs = append(*cs, m)
	return pend
}

// ministryBody reads "foreign ministry", "Foreign Affairs Ministry" or
// "Ministry of Foreign Affairs" at i.
func ministryBody(dt *data, toks []Token, i int) (*portfolio, int, bool) {
	if i >= len(toks) {
		return nil, i, false
	}
	if p, pend := portfolioAt(dt, toks, i); p != nil && pend < len(toks) && ministryWords[toks[pend].Lower] &&
		(toks[pend].Cap == toks[i].Cap || !toks[i].Cap) {
		return p, pend + 1, true
	}
	if ministryWords[toks[i].Lower] && toks[i].Cap && i+1 < len(toks) && toks[i+1].Lower == "of" {
		if p, pend := portfolioAt(dt, toks, i+2); p != nil && toks[i+2].Cap {
			return p, pend, true
		}
	}
	return nil, i, false
}

// ministry returns the entity of a country's ministry, creating it with
// its standard names.
func (r *resolver) ministry(ci int, port string) int {
	dt := r.dt
	k := &dt.known[ci]
	if ki, ok := dt.ministries[k.name+"|"+port]; ok {
		ei := r.knownEntity(ki)
		e := r.d.Entities[ei]
		e.Country = k.name
		return ei
	}
	return r.entity("m:"+itoa(ci)+"|"+port, func() *Entity {
		p := dt.portByKey[port]
		country := withArticle(k.name)
		e := &Entity{Type: schema.TypeOrganization, Country: k.name, Kind: orgGov,
			Name: "Ministry of " + p.name + " of " + country}
		if k.demonym != "" {
			e.Aliases = append(e.Aliases, k.demonym+" "+p.short+" Ministry")
		}
		e.Aliases = append(e.Aliases, k.name+" "+p.short+" Ministry", p.short+" Ministry of "+country)
		if k.demonym != "" {
			e.Aliases = append(e.Aliases, k.demonym+" Ministry of "+p.name)
		}
		return e
	})
}

// withArticle puts "the" before country names that take it.
func withArticle(name string) string {
	ws := strings.Fields(name)
	last := ws[len(ws)-1]
	switch {
	case len(ws) > 1 && (last == "States" || last == "Kingdom" || last == "Republic" || last == "Islands" || last == "Emirates"),
		name == "Netherlands", name == "Philippines", name == "Bahamas", name == "Gambia", name == "Maldives",
		name == "Comoros", name == "Seychelles":
		return "the " + name
	}
	return name
}
