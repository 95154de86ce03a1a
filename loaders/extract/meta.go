package extract

import (
	"newsgraph/schema"
)

// publisher sets d.Source from a credit line when the metadata gave none,
// and makes the publisher an Organization entity of the article (joining
// the entity of its name when the text names it).
func (r *resolver) publisher(credits []credit) {
	d := r.d
	if d.Source == "" && len(credits) > 0 {
		d.Source = d.Span(credits[0].start, credits[0].end)
	}
	if d.Source == "" {
		return
	}
	key := nameKey(d.Source)
	for _, e := range d.Entities {
		if e.Type == schema.TypeOrganization && entityHasName(e, key) {
			return
		}
	}
	// A known medium ("Reuters", "AP").
	toks := tokenize(d.Source)
	if len(toks) > 0 {
		if pi, end := r.dt.gaz.match(toks, 0); pi >= 0 && end == len(toks) {
			k := r.dt.gaz.phrases[pi].known
			if r.dt.known[k].typ == schema.TypeOrganization {
				ei := r.knownEntity(int(k))
				addAlias(d.Entities[ei], d.Source)
				return
			}
		}
	}
	name := d.Source
	r.entity("o:"+key, func() *Entity {
		return &Entity{Type: schema.TypeOrganization, Name: name, Kind: orgMedia}
	})
}
