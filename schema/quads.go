package schema

import (
	"github.com/cayleygraph/quad"
)

// Resolver maps an entity of one article to its graph node.
type Resolver func(e *Entity) quad.IRI

// LocalResolver gives every entity the node its own type and name make; it
// is what a graph without cross-article resolution would do.
func LocalResolver(e *Entity) quad.IRI {
	return EntityIRI(e.Type, e.Name)
}

// ArticleQuads turns one article's extraction into quads, every one labelled
// with the article's IRI. resolve decides which node each entity is.
func ArticleQuads(x *Extraction, resolve Resolver) []quad.Quad {
	art := ArticleIRI(x.ID)
	b := quadBuilder{label: art}

	b.add(art, Type, NewsArticle)
	b.add(art, Identifier, quad.String(x.ID))
	if x.File != "" {
		b.add(art, File, quad.String(x.File))
	}
	if x.Title != "" {
		b.add(art, Headline, quad.String(x.Title))
	}
	if x.Published != "" {
		b.add(art, DatePublished, quad.String(x.Published))
	}
	if x.URL != "" {
		b.add(art, URL, quad.String(x.URL))
	}
	if x.Hash != "" {
		b.add(art, ContentHash, quad.String(x.Hash))
	}
	if x.Words > 0 {
		b.add(art, WordCount, quad.Int(x.Words))
	}

	// Entities: one node each. The article states the names it uses: its
	// canonical name for the entity as schema:name, the other forms as
	// alternate names. A node named differently by several articles has
	// several; readers show the fullest (graph.NodeName). Writing only
	// what the article says keeps each quad's provenance true and makes an
	// article's quads independent of what other articles said.
	nodes := make(map[string]quad.IRI) // normalized name or alias -> node
	entityNode := func(e *Entity) quad.IRI {
		n := resolve(e)
		b.add(n, Type, TypeIRI(e.Type))
		b.add(n, Name, quad.String(e.Name))
		seen := map[string]bool{Normalize(e.Name): true}
		for _, alt := range e.Aliases {
			k := Normalize(alt)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			b.add(n, AlternateName, quad.String(alt))
		}
		for _, alt := range append([]string{e.Name}, e.Aliases...) {
			if k := Normalize(alt); k != "" {
				if _, ok := nodes[k]; !ok {
					nodes[k] = n
				}
			}
		}
		return n
	}
	for i := range x.Entities {
		e := &x.Entities[i]
		if e.Optional {
			continue
		}
		iri := entityNode(e)
		b.add(art, Mentions, iri)
	}
	// find returns the node an entity name refers to, making an entity of
	// type t for names the article does not list.
	find := func(name, t string) quad.IRI {
		if iri, ok := nodes[Normalize(name)]; ok {
			return iri
		}
		return entityNode(&Entity{Name: name, Type: t})
	}

	if x.Source != "" {
		b.add(art, Publisher, find(x.Source, TypeOrganization))
	}
	// speaker returns the node of a statement's speaker: the entity it
	// names, else an unnamed source of this article ("officials", "a
	// senior diplomat", an unresolved "he"), which never joins anything
	// outside the article and is no entity.
	speaker := func(name string) quad.IRI {
		if iri, ok := nodes[Normalize(name)]; ok {
			return iri
		}
		iri := UnnamedSourceIRI(art, name)
		b.add(iri, Type, UnnamedSource)
		b.add(iri, Name, quad.String(name))
		b.add(iri, IsPartOf, art)
		return iri
	}

	for i, s := range x.Statements {
		if s.Optional {
			continue
		}
		st := StatementIRI(art, i+1)
		b.add(st, Type, StatementT)
		b.add(st, IsPartOf, art)
		b.add(st, Speaker, speaker(s.Speaker))
		b.add(st, Text, quad.String(s.Text))
		if s.Kind != "" {
			b.add(st, Kind, quad.String(s.Kind))
		}
		if s.Cue != "" {
			b.add(st, Cue, quad.String(s.Cue))
		}
		if s.Act != "" {
			b.add(st, Act, quad.String(s.Act))
		}
		date := s.Date
		if date == "" {
			date = x.Published
		}
		if date != "" {
			b.add(st, Date, quad.String(date))
		}
		for _, m := range s.Mentions {
			if iri, ok := nodes[Normalize(m)]; ok {
				b.add(st, Mentions, iri)
			}
		}
	}

	for _, r := range x.Roles {
		if r.Optional || r.Person == "" || r.Title == "" {
			continue
		}
		person := find(r.Person, TypePerson)
		var org, country quad.IRI
		if r.Org != "" {
			org = find(r.Org, TypeOrganization)
		}
		if r.Country != "" {
			country = find(r.Country, TypeCountry)
		}
		at := org
		if at == "" {
			at = country
		}
		role := RoleIRI(person, r.Title, at)
		b.add(person, HasRole, role)
		b.add(person, JobTitle, quad.String(r.Title))
		b.add(role, Type, RoleType)
		b.add(role, RoleName, quad.String(r.Title))
		if org != "" {
			b.add(role, RoleOrg, org)
			b.add(person, Affiliation, org)
		}
		if country != "" {
			b.add(role, RoleCountry, country)
			b.add(person, Affiliation, country)
		}
	}

	for _, r := range x.Relations {
		if r.Optional {
			continue
		}
		switch r.Predicate {
		case RelParty:
			b.add(find(r.Subject, TypeAgreement), Party, find(r.Object, TypeCountry))
		case RelSigned:
			b.add(find(r.Subject, TypeAgreement), Signed, quad.String(r.Object))
		}
	}
	return b.quads
}

type quadBuilder struct {
	label quad.IRI
	quads []quad.Quad
	seen  map[[3]string]bool
}

func (b *quadBuilder) add(s quad.IRI, p quad.IRI, o quad.Value) {
	if b.seen == nil {
		b.seen = make(map[[3]string]bool)
	}
	k := [3]string{string(s), string(p), o.String()}
	if b.seen[k] {
		return
	}
	b.seen[k] = true
	b.quads = append(b.quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label})
}
