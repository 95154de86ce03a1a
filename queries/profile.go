package queries

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// Profile is everything the graph says about one entity.
type Profile struct {
	Entity
	Names                []string     `json:"names"`                  // canonical name first, then every other name
	Roles                []Role       `json:"roles"`                  // offices it holds (persons)
	Affiliated           []Entity     `json:"affiliated"`             // persons holding an office at it (organizations, countries)
	Parties              []Entity     `json:"parties"`                // parties to it (agreements)
	PartyTo              []Entity     `json:"party_to"`               // agreements it is a party to
	Signed               string       `json:"signed"`                 // date it was signed (agreements); "" unknown
	StatementsByTotal    int          `json:"statements_by_total"`    // statements it made
	StatementsAboutTotal int          `json:"statements_about_total"` // statements that mention it
	ArticlesTotal        int          `json:"articles_total"`         // articles that mention it
	StatementsBy         []Statement  `json:"statements_by"`          // the newest statements it made
	StatementsAbout      []Statement  `json:"statements_about"`       // the newest statements that mention it
	CoMentioned          []CoMention  `json:"co_mentioned"`           // entities most often mentioned in the same articles
	Articles             []ArticleRef `json:"articles"`               // the newest articles that mention it
}

// Role is an office a person holds.
type Role struct {
	Title        string `json:"title"`        // e.g. spokesman, foreign minister
	Organization string `json:"organization"` // "" when the article does not say
	Country      string `json:"country"`      // "" when the article does not say
}

// CoMention is an entity and the number of articles that mention it
// together with the profile's entity.
type CoMention struct {
	Entity
	Articles int `json:"articles"`
}

// liveCoMentionArticles bounds the articles whose mentions a profile reads
// to rank co-mentioned entities; for entities in more articles the
// catalog's pair counts are used.
const liveCoMentionArticles = 300

// Profile returns the profile of the entity that goes by name; each list
// of statements, co-mentioned entities and articles holds at most n
// entries (0: all).
func (g *Graph) Profile(ctx context.Context, name string, n int) (*Profile, error) {
	var p *Profile
	err := g.view(func() error {
		var err error
		p, err = g.profile(ctx, name, n)
		return err
	})
	return p, err
}

func (g *Graph) profile(ctx context.Context, name string, n int) (*Profile, error) {
	e, err := g.Lookup(ctx, name)
	if err != nil {
		return nil, err
	}
	iri := quad.IRI(e.ID)
	p := &Profile{Entity: e, Names: []string{e.Name}, Roles: []Role{}, Affiliated: []Entity{}, Parties: []Entity{},
		PartyTo: []Entity{}, CoMentioned: []CoMention{}, Articles: []ArticleRef{}}

	// Names, roles and the agreement facts the entity is the subject of.
	var alt []string
	var roles []quad.IRI
	var parties []quad.IRI
	err = g.eachQuad(ctx, quad.Subject, iri, func(pred quad.IRI, o quad.Value) error {
		switch pred {
		case schema.Name, schema.AlternateName:
			alt = append(alt, valueString(o))
		case schema.HasRole:
			if r, ok := o.(quad.IRI); ok {
				roles = append(roles, r)
			}
		case schema.Party:
			if r, ok := o.(quad.IRI); ok {
				parties = append(parties, r)
			}
		case schema.Signed:
			p.Signed = valueString(o)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	p.Names = append(p.Names, aliases(e.Name, alt)...)
	for _, r := range uniqueIRIs(roles) {
		role, err := g.role(ctx, r)
		if err != nil {
			return nil, err
		}
		p.Roles = append(p.Roles, role)
	}
	if p.Parties, err = g.entities(ctx, uniqueIRIs(parties)); err != nil {
		return nil, err
	}
	sortEntities(p.Parties)

	if g.r != nil {
		if err := g.indexedProfile(ctx, p, n); err != nil {
			return nil, err
		}
		return p, nil
	}

	// What points at the entity: statements, articles, agreements, people.
	var by, about, arts, partyTo, affiliated []quad.IRI
	err = g.eachQuad(ctx, quad.Object, iri, func(pred quad.IRI, o quad.Value) error {
		s, _ := o.(quad.IRI)
		switch pred {
		case schema.Speaker:
			by = append(by, s)
		case schema.Mentions:
			if isStatement(s) {
				about = append(about, s)
			} else if isArticle(s) {
				arts = append(arts, s)
			}
		case schema.Party:
			partyTo = append(partyTo, s)
		case schema.Affiliation:
			affiliated = append(affiliated, s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	by, about, arts = uniqueIRIs(by), uniqueIRIs(about), uniqueIRIs(arts)
	p.StatementsByTotal, p.StatementsAboutTotal, p.ArticlesTotal = len(by), len(about), len(arts)
	if p.PartyTo, err = g.entities(ctx, uniqueIRIs(partyTo)); err != nil {
		return nil, err
	}
	sortEntities(p.PartyTo)
	if p.Affiliated, err = g.entities(ctx, uniqueIRIs(affiliated)); err != nil {
		return nil, err
	}
	sortEntities(p.Affiliated)
	if p.StatementsBy, err = g.readStatements(ctx, by, false, n, nil, nil); err != nil {
		return nil, err
	}
	if p.StatementsAbout, err = g.readStatements(ctx, about, false, n, nil, nil); err != nil {
		return nil, err
	}
	if p.CoMentioned, err = g.coMentioned(ctx, iri, arts, n); err != nil {
		return nil, err
	}
	if p.Articles, err = g.newestArticles(ctx, arts, n); err != nil {
		return nil, err
	}
	return p, nil
}

// indexedProfile fills in what points at the entity from the read index:
// counts from its record, the newest statements and articles from the
// date-sorted lists, co-mentions from the pair counts.
func (g *Graph) indexedProfile(ctx context.Context, p *Profile, n int) error {
	iri := quad.IRI(p.ID)
	rec, err := g.r.Entity(iri)
	if err != nil {
		return err
	}
	if rec != nil {
		p.StatementsByTotal, p.StatementsAboutTotal, p.ArticlesTotal = rec.StatementsBy, rec.StatementsAbout, rec.Articles
	}
	var partyTo, affiliated []quad.IRI
	err = g.eachQuad(ctx, quad.Object, iri, func(pred quad.IRI, o quad.Value) error {
		s, _ := o.(quad.IRI)
		switch pred {
		case schema.Party:
			partyTo = append(partyTo, s)
		case schema.Affiliation:
			affiliated = append(affiliated, s)
		}
		return nil
	}, schema.Party, schema.Affiliation)
	if err != nil {
		return err
	}
	if p.PartyTo, err = g.entities(ctx, uniqueIRIs(partyTo)); err != nil {
		return err
	}
	sortEntities(p.PartyTo)
	if p.Affiliated, err = g.entities(ctx, uniqueIRIs(affiliated)); err != nil {
		return err
	}
	sortEntities(p.Affiliated)
	newest := func(list index.StatementList) ([]Statement, error) {
		out := []Statement{}
		err := g.r.Statements(list, "", "", false, func(d index.Dated) (bool, error) {
			s, err := g.statement(ctx, d.IRI)
			if err != nil {
				return false, err
			}
			out = append(out, s)
			return n <= 0 || len(out) < n, nil
		})
		return out, err
	}
	if p.StatementsBy, err = newest(index.StatementList{By: iri}); err != nil {
		return err
	}
	if p.StatementsAbout, err = newest(index.StatementList{About: iri}); err != nil {
		return err
	}
	if p.CoMentioned, err = g.coMentioned(ctx, iri, nil, n); err != nil {
		return err
	}
	return g.r.Articles(iri, func(d index.Dated) (bool, error) {
		a, err := g.articleRef(ctx, d.IRI)
		if err != nil {
			return false, err
		}
		p.Articles = append(p.Articles, a)
		return n <= 0 || len(p.Articles) < n, nil
	})
}

// coMentioned ranks the entities mentioned in the same articles as e:
// from the read index's pair counts; without it, counted from the
// articles themselves when there are few, else taken from the catalog's
// pair counts.
func (g *Graph) coMentioned(ctx context.Context, e quad.IRI, arts []quad.IRI, n int) ([]CoMention, error) {
	counts, err := g.coMentionCounts(ctx, e, arts, n)
	if err != nil {
		return nil, err
	}
	out := []CoMention{}
	for iri, c := range counts {
		ent, err := g.entity(ctx, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, CoMention{Entity: ent, Articles: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return limit(out, n), nil
}

// coMentionCounts counts, for the entities mentioned in the same articles
// as e (arts, without the index), those articles: all of them, or when n
// > 0 the n most frequent and those as frequent as the n-th.
func (g *Graph) coMentionCounts(ctx context.Context, e quad.IRI, arts []quad.IRI, n int) (map[quad.IRI]int, error) {
	counts := map[quad.IRI]int{}
	switch {
	case g.r != nil:
		ps, err := g.r.CoMentions(e, n)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			counts[p.A] = p.Articles
		}
	case len(arts) <= liveCoMentionArticles:
		for _, a := range arts {
			ms, err := g.outIRIs(ctx, a, schema.Mentions)
			if err != nil {
				return nil, err
			}
			for _, m := range ms {
				if m != e {
					counts[m]++
				}
			}
		}
	default:
		cat, err := g.Catalog(ctx)
		if err != nil {
			return nil, err
		}
		if i, ok := cat.byID[string(e)]; ok {
			for _, p := range cat.Pairs {
				switch int(p.A) {
				case i:
					counts[quad.IRI(cat.Entities[p.B].ID)] = int(p.Articles)
				default:
					if int(p.B) == i {
						counts[quad.IRI(cat.Entities[p.A].ID)] = int(p.Articles)
					}
				}
			}
		}
	}
	if g.r == nil && n > 0 && len(counts) > n {
		cs := make([]int, 0, len(counts))
		for _, c := range counts {
			cs = append(cs, c)
		}
		sort.Sort(sort.Reverse(sort.IntSlice(cs)))
		for iri, c := range counts {
			if c < cs[n-1] {
				delete(counts, iri)
			}
		}
	}
	return counts, nil
}

// role reads a role node: title, organization and country.
func (g *Graph) role(ctx context.Context, iri quad.IRI) (Role, error) {
	var r Role
	var org, country quad.IRI
	err := g.eachQuad(ctx, quad.Subject, iri, func(pred quad.IRI, o quad.Value) error {
		switch pred {
		case schema.RoleName:
			r.Title = valueString(o)
		case schema.RoleOrg:
			org, _ = o.(quad.IRI)
		case schema.RoleCountry:
			country, _ = o.(quad.IRI)
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	if org != "" {
		e, err := g.entity(ctx, org)
		if err != nil {
			return r, err
		}
		r.Organization = e.Name
	}
	if country != "" {
		e, err := g.entity(ctx, country)
		if err != nil {
			return r, err
		}
		r.Country = e.Name
	}
	return r, nil
}

func uniqueIRIs(in []quad.IRI) []quad.IRI {
	seen := make(map[quad.IRI]bool, len(in))
	out := make([]quad.IRI, 0, len(in))
	for _, x := range in {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// ProfileTable flattens a profile into rows of section, item and detail.
func ProfileTable(p *Profile) Table {
	t := Table{Header: []string{"section", "item", "detail"}}
	add := func(sec, item, detail string) { t.Rows = append(t.Rows, []string{sec, item, detail}) }
	add("entity", p.Name, p.Type)
	for _, n := range p.Names[1:] {
		add("also known as", n, "")
	}
	for _, r := range p.Roles {
		add("role", r.Title, strings.Join(nonEmpty(r.Organization, r.Country), ", "))
	}
	if p.Signed != "" {
		add("signed", p.Signed, "")
	}
	for _, e := range p.Parties {
		add("party", e.Name, e.Type)
	}
	for _, e := range p.PartyTo {
		add("party to", e.Name, e.Type)
	}
	for _, e := range p.Affiliated {
		add("affiliated", e.Name, e.Type)
	}
	add("counts", "statements by", itoa(p.StatementsByTotal))
	add("counts", "statements about", itoa(p.StatementsAboutTotal))
	add("counts", "articles", itoa(p.ArticlesTotal))
	for _, s := range p.StatementsBy {
		add("said", orDash(s.Date), s.Text)
	}
	for _, s := range p.StatementsAbout {
		add("said about it", orDash(s.Date)+" "+s.Speaker.Name, s.Text)
	}
	for _, c := range p.CoMentioned {
		add("co-mentioned", c.Name, plural(c.Articles, "article"))
	}
	for _, a := range p.Articles {
		add("article", orDash(a.Published)+" "+a.Label(), a.Title)
	}
	return t
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return itoa(n) + " " + what + "s"
}
