package extract

import (
	"sort"
	"strings"

	"newsgraph/schema"
)

// Agreements: numbered UN resolutions (this file), named treaties, accords
// and deals (by their head noun, see chunk), acronyms defined in the text
// (acronymAfter), and references ("the deal", "the nuclear agreement")
// that join the one agreement the article names.

// resolutionBodies are the UN organs whose resolutions are numbered.
var resolutionBodies = map[string]string{
	"United Nations Security Council":     "Security Council",
	"United Nations General Assembly":     "General Assembly",
	"United Nations Human Rights Council": "Human Rights Council",
	"United Nations":                      "",
}

// resolutionAt recognises "Resolution 2231", "UN Security Council
// Resolution 2231", "[UN Security Council] Resolution 2231", "UNSCR 2231".
// The body named before it is folded into the agreement's mention.
func resolutionAt(d *Doc, i int, cs *[]candidate) int {
	toks := d.Tokens
	t := &toks[i]
	j := i + 1
	switch {
	case t.Lower == "resolution" || t.Lower == "resolutions":
	case t.Text == "UNSCR":
	default:
		return i
	}
	if j < len(toks) && (toks[j].Lower == "no." || toks[j].Lower == "number") {
		j++
	}
	if j >= len(toks) || toks[j].Kind != Number || strings.ContainsAny(toks[j].Text, ",.") || toks[j].ParaBefore {
		return i
	}
	num := toks[j].Text
	start := i
	implied := -1
	body := "Security Council"
	if t.Text == "UNSCR" {
		body = "Security Council"
	} else if n := len(*cs); n > 0 {
		// The body before it: "UN Security Council Resolution", with or
		// without brackets.
		prev := &(*cs)[n-1]
		k := i
		bracket := k > 0 && toks[k-1].Text == "]"
		if bracket {
			k--
		}
		if prev.end == k && prev.known >= 0 {
			dt := loadData()
			name := dt.known[prev.known].name
			if b, ok := resolutionBodies[name]; ok {
				if b != "" {
					body = b
				}
				start = prev.start
				implied = prev.known
				if bracket && start > 0 && toks[start-1].Text == "[" {
					start--
				}
				*cs = (*cs)[:n-1]
			}
		}
	}
	c := newCand(start, j+1, schema.TypeAgreement, MentionName)
	short := "UN " + body + " Resolution " + num
	c.name = short
	c.key = "a:" + nameKey(short)
	c.implied = implied
	c.aliases = []string{"United Nations " + body + " Resolution " + num, "Resolution " + num}
	if body == "Security Council" {
		c.aliases = append(c.aliases, "UNSC Resolution "+num, "UNSCR "+num, "Security Council Resolution "+num)
	}
	*cs = append(*cs, c)
	return j + 1
}

// refAt recognises a reference to an agreement ending at the noun at i:
// "the nuclear agreement", "the historic nuclear deal", "the Iran nuclear
// deal", "the resolution". Words between the determiner and the noun are
// lower-case modifiers or a country.
func refAt(d *Doc, i int, cs *[]candidate) {
	toks := d.Tokens
	if i+1 < len(toks) && toks[i+1].Kind == Word && !toks[i+1].Cap && (referenceNouns[toks[i+1].Lower] || toks[i+1].Lower == "resolution") {
		return // "deal breaker"
	}
	lastEnd := -1
	if n := len(*cs); n > 0 {
		lastEnd = (*cs)[n-1].end
	}
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		t := &toks[k]
		switch {
		case t.Lower == "the" || t.Lower == "this" || t.Lower == "that":
			start := k + 1
			if lastEnd > start {
				start = lastEnd
			}
			c := newCand(start, i+1, schema.TypeAgreement, MentionReference)
			c.ref = "agreement"
			if toks[i].Lower == "resolution" {
				c.ref = "resolution"
			}
			c.surface = d.Span(k+1, i+1)
			*cs = append(*cs, c)
			return
		case k < lastEnd:
			continue // a country: "the Iran nuclear deal"
		case t.Kind == Word && !t.Cap && !nonNames[t.Lower] && !d.Noise[k]:
			continue
		case t.Kind == Number && len(t.Text) == 4:
			continue // "the 2015 agreement"
		}
		return
	}
}

// references joins references to the entity they denote: an agreement
// when the article names exactly one of that kind; a ministry without a
// country to the nearest ministry of the portfolio before it (or the one
// after it).
func (r *resolver) references() {
	d := r.d
	var agreements, resolutions []int
	for ei, e := range d.Entities {
		if e.Type != schema.TypeAgreement {
			continue
		}
		if strings.Contains(e.Name, "Resolution") {
			resolutions = append(resolutions, ei)
		} else {
			agreements = append(agreements, ei)
		}
	}
	var named map[string][][2]int
	for ci := range r.cs {
		c := &r.cs[ci]
		switch c.ref {
		case "agreement":
			if len(agreements) == 1 {
				c.entity = agreements[0]
			}
		case "resolution":
			if len(resolutions) == 1 {
				c.entity = resolutions[0]
			}
		case "ministry":
			if named == nil {
				named = r.namedMinistries()
			}
			// The latest ministry of that portfolio named before, else
			// the first named after.
			best := -1
			list := named[c.port]
			k := sort.Search(len(list), func(k int) bool { return list[k][0] >= c.start })
			if k > 0 {
				best = list[k-1][1]
			} else if k < len(list) {
				best = list[k][1]
			}
			if best < 0 {
				// None named: the ministry of the country the article is
				// about ("Tehran radio quoted a Foreign Ministry
				// spokesman").
				if mc := r.mainCountryKnown(); mc >= 0 {
					best = r.ministry(mc, c.port)
				}
			}
			c.entity = best
			if best < 0 && d.Tokens[c.start].Cap {
				// "the Ministry of Defence" with no country in sight: a
				// ministry by its own name.
				name := d.Span(c.start, c.end)
				c.kind = MentionName
				c.entity = r.entity("o:"+nameKey(name), func() *Entity {
					return &Entity{Type: schema.TypeOrganization, Name: name, Kind: orgGov}
				})
			}
		}
	}
}

// namedMinistries lists, per portfolio, the ministries the article names
// (not references) as [start token, entity], in text order.
func (r *resolver) namedMinistries() map[string][][2]int {
	m := map[string][][2]int{}
	for cj := range r.cs {
		o := &r.cs[cj]
		if o.port == "" || o.ref != "" || o.entity < 0 {
			continue
		}
		m[o.port] = append(m[o.port], [2]int{o.start, o.entity})
	}
	for _, l := range m {
		sort.Slice(l, func(a, b int) bool { return l[a][0] < l[b][0] })
	}
	return m
}

// mainCountryKnown returns the gazetteer entry of the country the article
// names most (by name, capital or adjective), at least twice and more
// often than any other; -1 when there is none.
func (r *resolver) mainCountryKnown() int {
	count := map[int]int{}
	for ci := range r.cs {
		c := &r.cs[ci]
		if c.known >= 0 && r.dt.known[c.known].typ == schema.TypeCountry && c.port == "" {
			count[c.known]++
		}
	}
	best, second := -1, 0
	for k, n := range count {
		switch {
		case best < 0 || n > count[best] || n == count[best] && k < best:
			if best >= 0 {
				second = max(second, count[best])
			}
			best = k
		default:
			second = max(second, n)
		}
	}
	if best < 0 || count[best] < 2 || count[best] == second {
		return -1
	}
	return best
}
