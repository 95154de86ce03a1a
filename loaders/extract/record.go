package extract

import (
	"strings"

	"newsgraph/schema"
)

// Record builds the kg-gold/1 extraction record of an analysed document.
func (d *Doc) Record() schema.Extraction {
	x := schema.Extraction{Source: d.Source}
	if !d.Published.IsZero() {
		x.Published = d.Published.Format("2006-01-02")
	}
	for _, e := range d.Entities {
		se := schema.Entity{Name: e.Name, Type: e.Type, Aliases: e.Aliases}
		for _, mi := range e.Mentions {
			m := &d.Mentions[mi]
			se.Mentions = append(se.Mentions, schema.Span{Start: d.Tokens[m.Start].RStart, End: d.Tokens[m.End-1].REnd})
		}
		x.Entities = append(x.Entities, se)
	}
	for _, s := range d.Statements {
		if s.Speaker < 0 || s.Speaker >= len(d.Entities) || s.Start >= s.End {
			continue
		}
		st := schema.Statement{
			Speaker:  d.Entities[s.Speaker].Name,
			Kind:     s.Kind,
			Text:     strings.TrimSpace(d.Text[s.Start:s.End]),
			Mentions: d.mentionsIn(s.Start, s.End),
			Cue:      s.Cue,
			Act:      s.Act,
			Date:     s.Date,
			Span:     &schema.Span{Start: d.RuneOffset(s.Start), End: d.RuneOffset(s.End)},
			Sentence: s.Sent,
			Rule:     s.Rule,
		}
		x.Statements = append(x.Statements, st)
	}
	seenRole := map[schema.Role]bool{}
	for _, r := range d.Roles {
		ro := schema.Role{Person: d.Entities[r.Person].Name, Title: r.Title}
		if r.Org >= 0 {
			ro.Org = d.Entities[r.Org].Name
		}
		if r.Country >= 0 {
			ro.Country = d.Entities[r.Country].Name
		}
		if !seenRole[ro] {
			seenRole[ro] = true
			x.Roles = append(x.Roles, ro)
		}
	}
	for _, r := range d.Relations {
		rel := schema.Relation{Subject: d.Entities[r.Subject].Name, Predicate: r.Predicate, Object: r.Date}
		if r.Object >= 0 {
			rel.Object = d.Entities[r.Object].Name
		}
		x.Relations = append(x.Relations, rel)
	}
	return x
}

// mentionsIn returns the canonical names of the scored entities mentioned
// inside the byte range [start, end), in order of first mention.
func (d *Doc) mentionsIn(start, end int) []string {
	var out []string
	seen := map[int]bool{}
	for _, m := range d.Mentions {
		if m.Entity < 0 || seen[m.Entity] {
			continue
		}
		if d.Tokens[m.Start].Start >= start && d.Tokens[m.End-1].End <= end {
			e := d.Entities[m.Entity]
			switch e.Type {
			case schema.TypePerson, schema.TypeCountry, schema.TypeOrganization, schema.TypeAgreement:
				seen[m.Entity] = true
				out = append(out, e.Name)
			}
		}
	}
	return out
}
