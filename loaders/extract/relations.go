package extract

import (
	"strconv"
	"strings"

	"newsgraph/schema"
)

// Relations: the parties of an agreement and the date it was signed, from
// a sentence where countries (or organizations) sign, ratify or conclude
// an agreement the article names: "Iran and the five permanent members of
// the UN Security Council – the United States, France, Britain, Russia and
// China – plus Germany signed the nuclear agreement on July 14, 2015".

var signVerbs = words(`signed signs sign ratified ratify ratifies inked concluded sealed clinched struck`)

// subjectStops end the walk back from a signing verb to its subjects.
var subjectStops = words(`which who whom that it they he she we ; : said says told if when after before because while`)

var monthNums = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9,
	"sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
	"jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

func findRelations(d *Doc) {
	toks := d.Tokens
	type key struct {
		s, o int
		p    string
	}
	seen := map[key]bool{}
	signed := map[int]string{} // agreement -> best date
	var order []int
	for v := range toks {
		if !signVerbs[toks[v].Lower] || d.Noise[v] {
			continue
		}
		sent := d.Sentences[toks[v].Sent]
		// The agreement: a mention within a few tokens after the verb.
		ag, agEnd := -1, -1
		for k := v + 1; k < sent.End && k <= v+6; k++ {
			if mi := d.MentionOf[k]; mi >= 0 {
				m := &d.Mentions[mi]
				if d.Entities[m.Entity].Type == schema.TypeAgreement {
					ag, agEnd = m.Entity, m.End
				}
				break
			}
		}
		if ag < 0 {
			// "signed a border security agreement ... The accord, known
			// as the Accra Border Cooperation Agreement": the one
			// agreement named in the next sentences.
			ag, agEnd = laterAgreement(d, v, sent.End)
		}
		if ag < 0 || negated(toks, v, sent.Start) {
			continue
		}
		// Parties: countries and organizations before the verb.
		for k := v - 1; k >= sent.Start; k-- {
			t := &toks[k]
			if subjectStops[t.Lower] && !t.Cap || t.Lower == "which" || t.Lower == "who" {
				break
			}
			mi := d.MentionOf[k]
			if mi < 0 {
				continue
			}
			m := &d.Mentions[mi]
			k = m.Start
			e := d.Entities[m.Entity]
			if m.Kind == MentionDemonym {
				continue
			}
			if e.Type == schema.TypeOrganization && k > 0 && toks[k-1].Lower == "of" ||
				e.Type == schema.TypeOrganization && k > 1 && toks[k-1].Lower == "the" && toks[k-2].Lower == "of" {
				continue // "members of the UN Security Council"
			}
			if e.Type != schema.TypeCountry && e.Type != schema.TypeOrganization {
				continue
			}
			kk := key{ag, m.Entity, schema.RelParty}
			if !seen[kk] {
				seen[kk] = true
				d.Relations = append(d.Relations, Relation{Subject: ag, Predicate: schema.RelParty, Object: m.Entity})
			}
		}
		// The date after the agreement.
		if date := dateAfter(toks, agEnd, sent.End); date != "" {
			if old, ok := signed[ag]; !ok || len(date) > len(old) {
				if !ok {
					order = append(order, ag)
				}
				signed[ag] = date
			}
		}
	}
	for _, ag := range order {
		d.Relations = append(d.Relations, Relation{Subject: ag, Predicate: schema.RelSigned, Object: -1, Date: signed[ag]})
	}
}

// laterAgreement reads an agreement noun without a name after a signing
// verb at v ("signed a border security agreement") and returns the one
// agreement the article names first in the next two sentences, with the
// end of the noun; -1 when there is none or several.
func laterAgreement(d *Doc, v, end int) (int, int) {
	toks := d.Tokens
	noun := -1
	for k := v + 1; k < end && k <= v+6; k++ {
		t := &toks[k]
		if t.Kind != Word || d.MentionOf[k] >= 0 {
			break
		}
		if referenceNouns[t.Lower] && !t.Cap {
			noun = k
			break
		}
	}
	if noun < 0 {
		return -1, -1
	}
	found := -1
	last := toks[v].Sent + 2
	for mi := range d.Mentions {
		m := &d.Mentions[mi]
		if m.Start <= noun || m.Entity < 0 {
			continue
		}
		if toks[m.Start].Sent > last {
			break
		}
		if d.Entities[m.Entity].Type == schema.TypeAgreement {
			if found >= 0 && found != m.Entity {
				return -1, -1
			}
			found = m.Entity
		}
	}
	return found, noun + 1
}

// dateAfter reads "on July 14, 2015", "on 14 July 2015", "in July 2015"
// or "in 2015" starting within two tokens of i.
func dateAfter(toks []Token, i, end int) string {
	// Skip an acronym in parentheses: "the Treaty (ABC) on ...".
	if i+2 < end && toks[i].Text == "(" && toks[i+2].Text == ")" {
		i += 3
	}
	for k := i; k < end && k <= i+2; k++ {
		if toks[k].Lower != "on" && toks[k].Lower != "in" {
			continue
		}
		j := k + 1
		w := func(n int) *Token {
			if j+n < end {
				return &toks[j+n]
			}
			return &Token{}
		}
		num := func(t *Token) int {
			if t.Kind != Number {
				return 0
			}
			n, err := strconv.Atoi(t.Text)
			if err != nil {
				return 0
			}
			return n
		}
		year := func(t *Token) int {
			if n := num(t); n >= 1800 && n <= 2200 {
				return n
			}
			return 0
		}
		if m := monthNums[w(0).Lower]; m > 0 && w(0).Cap {
			if day := num(w(1)); day >= 1 && day <= 31 {
				n := 2
				if w(n).Text == "," {
					n++
				}
				if y := year(w(n)); y > 0 {
					return iso(y, m, day)
				}
				return ""
			}
			if y := year(w(1)); y > 0 {
				return strconv.Itoa(y) + "-" + two(m)
			}
		}
		if day := num(w(0)); day >= 1 && day <= 31 {
			if m := monthNums[w(1).Lower]; m > 0 {
				if y := year(w(2)); y > 0 {
					return iso(y, m, day)
				}
			}
		}
		if y := year(w(0)); y > 0 {
			return strconv.Itoa(y)
		}
		return ""
	}
	return ""
}

func iso(y, m, d int) string {
	return strconv.Itoa(y) + "-" + two(m) + "-" + two(d)
}

func two(n int) string {
	s := strconv.Itoa(n)
	return strings.Repeat("0", 2-len(s)) + s
}

// negated tells whether the verb at v is negated or not yet done: "has
// not ratified", "never signed", "refused to sign", "its refusal to sign",
// "has yet to sign", "will sign".
func negated(toks []Token, v, start int) bool {
	for k := v - 1; k >= start && k >= v-3; k-- {
		switch toks[k].Lower {
		case "not", "never", "n't", "refused", "refuses", "refusing", "refusal", "declined", "yet", "failed", "failure",
			"won't", "didn't", "hasn't", "haven't", "unwilling", "unwillingness", "reluctant", "reluctance",
			// Not (yet) a fact: "plans to sign", "will sign", "may ratify".
			"to", "will", "would", "could", "may", "might", "should", "must", "shall":
			return true
		}
	}
	return false
}
