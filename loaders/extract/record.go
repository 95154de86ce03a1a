package extract

import (
	"sort"

	"newsgraph/schema"
)

// Record builds the kg-gold/1 extraction record of an analysed document.
func (d *Doc) Record() schema.Extraction {
	x := schema.Extraction{Source: d.Source}
	if !d.Published.IsZero() {
		x.Published = d.Published.Format("2006-01-02")
	}
	used := d.usedEntities()
	for ei, e := range d.Entities {
		if e.Type == schema.TypeCountry && !used[ei] && d.onlyDemonyms(e) {
			// "Palestinian leader", "the French": an adjective or a
			// demonym does not name the country.
			continue
		}
		if e.Type == schema.TypeLocation && len(e.Mentions) == 0 && !used[ei] {
			continue // a place whose every mention turned out a company's
		}
		se := schema.Entity{Name: e.Name, Type: e.Type, Aliases: e.Aliases}
		for _, mi := range e.Mentions {
			m := &d.Mentions[mi]
			se.Mentions = append(se.Mentions, schema.Span{Start: d.Tokens[m.Start].RStart, End: d.Tokens[m.End-1].REnd})
		}
		x.Entities = append(x.Entities, se)
	}
	for _, s := range d.Statements {
		if s.Start >= s.End || s.Speaker >= len(d.Entities) {
			continue
		}
		speaker := s.SpeakerText // an unnamed source, as written
		if s.Speaker >= 0 {
			speaker = d.Entities[s.Speaker].Name
		}
		if speaker == "" {
			continue
		}
		st := schema.Statement{
			Speaker:  speaker,
			Kind:     s.Kind,
			Text:     s.Claim(d.Text),
			Mentions: d.mentionsIn(s.Start, s.End, s.CutStart, s.CutEnd),
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
		} else if r.CountryName != "" {
			ro.Country = r.CountryName
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
// inside the byte range [start, end) but outside [cutStart, cutEnd), in
// order of first mention.
func (d *Doc) mentionsIn(start, end, cutStart, cutEnd int) []string {
	out := []string{}
	seen := map[int]bool{}
	// Mentions are in text order: start at the first one in the range.
	first := d.TokenAt(start)
	k0 := sort.Search(len(d.Mentions), func(k int) bool { return d.Mentions[k].Start >= first })
	for _, m := range d.Mentions[k0:] {
		if d.Tokens[m.Start].Start >= end {
			break
		}
		if m.Entity < 0 || seen[m.Entity] {
			continue
		}
		ms, me := d.Tokens[m.Start].Start, d.Tokens[m.End-1].End
		if cutEnd > cutStart && ms < cutEnd && me > cutStart {
			continue
		}
		if ms >= start && me <= end {
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

// usedEntities marks the entities that speak or take part in a relation.
func (d *Doc) usedEntities() map[int]bool {
	used := map[int]bool{}
	for _, s := range d.Statements {
		used[s.Speaker] = true
	}
	for _, r := range d.Relations {
		used[r.Subject], used[r.Object] = true, true
	}
	return used
}

// onlyDemonyms tells whether every mention of an entity is a demonym or
// adjective ("Iranian").
func (d *Doc) onlyDemonyms(e *Entity) bool {
	if len(e.Mentions) == 0 {
		return false
	}
	for _, mi := range e.Mentions {
		if d.Mentions[mi].Kind != MentionDemonym {
			return false
		}
	}
	return true
}
