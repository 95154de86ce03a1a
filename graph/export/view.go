// Package export writes a newsgraph store in the formats that graph and
// visualization tools open as they are: GraphML (yEd, Cytoscape, networkx),
// dynamic GEXF (Gephi, with a timeline), DOT (Graphviz), Cytoscape.js JSON
// (Cytoscape.js and Cytoscape desktop), a Neo4j admin-import CSV pair, one
// self-contained interactive HTML page, and the raw quads with their
// article labels as N-Quads or JSON-LD.
//
// Graph formats write a view of the store (see Build): the entities view,
// where nodes are people, countries, organizations, agreements and other
// entities and edges say who spoke about whom, who holds a role at which
// organization or country, and which countries are party to an agreement;
// or the full view, where articles and statements are nodes too. Views are
// built from predicate-indexed iteration over the store, never by loading
// every quad, and writers stream their output.
//
// The package reads the store only; it does not write to it, and it does
// not answer questions about the graph (that is the queries package).
package export

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"newsgraph/graph"
	"newsgraph/schema"
)

// Views.
const (
	// ViewEntities has entity nodes only; edges are speaks_about (speaker
	// -> mentioned entity, weighted by statements), role (person ->
	// organization or country) and party (agreement -> country).
	ViewEntities = "entities"
	// ViewFull adds articles and statements as nodes, linked to entities
	// by speaker, mentions, part_of and publisher edges.
	ViewFull = "full"
)

// Views lists the view names.
var Views = []string{ViewEntities, ViewFull}

// Relations, the values of an edge's relation attribute.
const (
	RelSpeaksAbout = "speaks_about" // entities view: speaker -> entity its statements mention; weight = statements
	RelRole        = "role"         // person -> organization or country of an office; weight = articles
	RelParty       = "party"        // agreement -> a party to it; weight = articles
	RelSpeaker     = "speaker"      // full view: statement -> who made it
	RelMentions    = "mentions"     // full view: statement or article -> entity it names
	RelPartOf      = "part_of"      // full view: statement -> its article
	RelPublisher   = "publisher"    // full view: article -> publishing organization
)

// Node types besides the entity types of schema.TypeName.
const (
	TypeArticle   = "Article"
	TypeStatement = "Statement"
)

// Day is a calendar date written as the number yyyymmdd; 0 is unknown.
type Day int32

// ParseDay reads a YYYY-MM-DD date.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return Day(t.Year()*10000 + int(t.Month())*100 + t.Day()), nil
}

func dayOf(v quad.Value) Day {
	d, err := ParseDay(valueString(v))
	if err != nil {
		return 0
	}
	return d
}

// String writes the day as YYYY-MM-DD, "" when unknown.
func (d Day) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// span widens [first, last] to include d.
func span(first, last *Day, d Day) {
	if d == 0 {
		return
	}
	if *first == 0 || d < *first {
		*first = d
	}
	if *last == 0 || d > *last {
		*last = d
	}
}

// Options selects the view and the part of the graph to export.
type Options struct {
	View   string   // ViewEntities (default) or ViewFull
	Types  []string // keep only nodes of these types (Person, Country, ..., Article, Statement)
	Around string   // keep only nodes within Depth hops of the nodes with this name, alias or IRI
	Depth  int      // hops for Around; 0 means 1
	// Since and Until keep facts dated in [Since, Until]: statements by
	// their date, everything else an article says by its publication date.
	// Undated facts are left out when either is set.
	Since, Until Day
	// Statements keeps the statements (text, speaker, mentions) of the
	// view's nodes in Graph.Statements, for writers that show them.
	Statements bool
}

func (o Options) dated() bool { return o.Since != 0 || o.Until != 0 }

func (o Options) inWindow(d Day) bool {
	if !o.dated() {
		return true
	}
	return d != 0 && (o.Since == 0 || d >= o.Since) && (o.Until == 0 || d <= o.Until)
}

// Node is one node of a view.
type Node struct {
	ID      string   // IRI
	Label   string   // canonical name; a statement's first words; an article's headline
	Type    string   // Person, Country, Organization, Agreement, Location, Event, Thing, Article, Statement
	Aliases []string // other names, sorted
	// Statements counts the statements an entity made, or an article holds.
	Statements int
	// Mentioned counts the statements that mention an entity.
	Mentioned int
	// Articles counts the articles that mention an entity.
	Articles    int
	First, Last Day    // dates of the facts the node takes part in
	Text        string // full view: a statement's words, an article's headline
	Kind        string // full view: a statement's kind (direct, indirect, mixed)
}

// Edge is one directed edge of a view; edges with the same ends and
// relation are one edge with a weight.
type Edge struct {
	Source, Target int // indexes into Graph.Nodes
	Relation       string
	Label          string // role titles for role edges, else the relation in words
	Weight         int
	First, Last    Day
	Articles       []string // IRIs of the articles that state it, sorted
}

// Statement is one statement of the view, for writers that show texts.
type Statement struct {
	ID       string
	Text     string
	Kind     string
	Date     Day
	Speaker  int   // node index, -1 when the speaker is not in the view
	Mentions []int // node indexes of the mentioned entities in the view
	Article  string
	Title    string // the article's headline or id
}

// Graph is a view of a store, ready to write. Nodes are sorted by ID and
// edges by source, target and relation, so output is deterministic.
type Graph struct {
	View       string
	Nodes      []Node
	Edges      []Edge
	Statements []Statement

	raw *quadSource // set for raw quad formats instead of nodes and edges
}

// Counts are the sizes of a view.
type Counts struct {
	View  string `json:"view"`
	Nodes int    `json:"nodes"`
	Edges int    `json:"edges"`
}

// Count builds the view opt selects and returns its node and edge counts:
// what a tool that reads a graph export of the same view counts.
func Count(ctx context.Context, qs cgraph.QuadStore, opt Options) (Counts, error) {
	opt.Statements = false
	g, err := Build(ctx, qs, opt)
	if err != nil {
		return Counts{}, err
	}
	return Counts{View: g.View, Nodes: len(g.Nodes), Edges: len(g.Edges)}, nil
}

// Build reads the view opt selects from a store. It iterates the store by
// predicate and keeps compact records of entities, articles and
// statements, never every quad.
func Build(ctx context.Context, qs cgraph.QuadStore, opt Options) (*Graph, error) {
	if opt.View == "" {
		opt.View = ViewEntities
	}
	if opt.View != ViewEntities && opt.View != ViewFull {
		return nil, fmt.Errorf("unknown view %q (want %s)", opt.View, strings.Join(Views, " or "))
	}
	types, err := typeSet(opt.Types)
	if err != nil {
		return nil, err
	}
	b := &builder{
		qs:      qs,
		opt:     opt,
		full:    opt.View == ViewFull,
		texts:   opt.View == ViewFull || opt.Statements,
		entIdx:  map[quad.IRI]int32{},
		artIdx:  map[quad.IRI]int32{},
		stmtIdx: map[quad.IRI]int32{},
		roles:   map[quad.IRI]*roleRec{},
		edgeIdx: map[edgeKey]int32{},
	}
	if err := b.read(ctx); err != nil {
		return nil, err
	}
	g := b.assemble()
	if err := g.filter(opt, types); err != nil {
		return nil, err
	}
	return g, nil
}

type entityRec struct {
	iri     string
	typ     int // index into schema.EntityTypes
	name    string
	aliases []string
	active  bool // takes part in a fact of the time window
	stmts   int
	ment    int
	arts    int
	first   Day
	last    Day
}

type articleRec struct {
	iri       string
	id        string
	title     string
	date      Day
	publisher int32 // entity, -1 when none
	stmts     int
}

type stmtRec struct {
	article  int32 // -1 when unknown
	speaker  int32 // entity, -1 when unknown
	date     Day
	mentions []int32 // entities
	text     string
	kind     string
}

type roleRec struct {
	title string
	at    []int32 // entities: organization and country of the office
}

type edgeKey struct {
	src, dst int32 // node keys: entities, then articles, then statements
	rel      uint8
}

type edgeRec struct {
	key    edgeKey
	weight int
	first  Day
	last   Day
	arts   []int32
	titles []string
}

var relNames = []string{RelSpeaksAbout, RelRole, RelParty, RelSpeaker, RelMentions, RelPartOf, RelPublisher}

const (
	relSpeaksAbout uint8 = iota
	relRole
	relParty
	relSpeaker
	relMentions
	relPartOf
	relPublisher
)

type builder struct {
	qs    cgraph.QuadStore
	opt   Options
	full  bool // articles and statements are nodes
	texts bool // keep statement texts and headlines

	ents    []entityRec
	entIdx  map[quad.IRI]int32
	arts    []articleRec
	artIdx  map[quad.IRI]int32
	stmts   []stmtRec
	stmtIdx map[quad.IRI]int32
	roles   map[quad.IRI]*roleRec
	artMent [][2]int32 // article, entity: full view article -> entity edges

	stmtIRIs []string // by statement index, made on first use

	edges   []edgeRec
	edgeIdx map[edgeKey]int32
}

func (b *builder) each(ctx context.Context, pred quad.IRI, fn func(q quad.Quad)) error {
	err := graph.EachQuad(ctx, b.qs, quad.Predicate, pred, func(q quad.Quad) error {
		fn(q)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s quads: %w", pred.Short(), err)
	}
	return nil
}

func (b *builder) entity(v quad.Value) int32 {
	if iri, ok := v.(quad.IRI); ok {
		if i, ok := b.entIdx[iri]; ok {
			return i
		}
	}
	return -1
}

func (b *builder) article(v quad.Value) int32 {
	if iri, ok := v.(quad.IRI); ok {
		if i, ok := b.artIdx[iri]; ok {
			return i
		}
	}
	return -1
}

func (b *builder) statement(v quad.Value) int32 {
	if iri, ok := v.(quad.IRI); ok {
		if i, ok := b.stmtIdx[iri]; ok {
			return i
		}
	}
	return -1
}

// labelDay is the publication date of the article that labels q.
func (b *builder) labelDay(q quad.Quad) (int32, Day) {
	a := b.article(q.Label)
	if a < 0 {
		return -1, 0
	}
	return a, b.arts[a].date
}

// read fills the builder's tables, one predicate at a time.
func (b *builder) read(ctx context.Context) error {
	entityType := map[quad.IRI]int{}
	for i, t := range schema.EntityTypes {
		entityType[t] = i
	}
	err := b.each(ctx, schema.Type, func(q quad.Quad) {
		s, ok1 := q.Subject.(quad.IRI)
		class, ok2 := q.Object.(quad.IRI)
		if !ok1 || !ok2 {
			return
		}
		if t, ok := entityType[class]; ok {
			if i, seen := b.entIdx[s]; seen {
				if t < b.ents[i].typ {
					b.ents[i].typ = t
				}
				return
			}
			b.entIdx[s] = int32(len(b.ents))
			b.ents = append(b.ents, entityRec{iri: string(s), typ: t})
			return
		}
		switch class {
		case schema.NewsArticle:
			if _, seen := b.artIdx[s]; !seen {
				b.artIdx[s] = int32(len(b.arts))
				b.arts = append(b.arts, articleRec{iri: string(s), publisher: -1})
			}
		case schema.StatementT:
			if _, seen := b.stmtIdx[s]; !seen {
				b.stmtIdx[s] = int32(len(b.stmts))
				b.stmts = append(b.stmts, stmtRec{article: -1, speaker: -1})
			}
		case schema.RoleType:
			if b.roles[s] == nil {
				b.roles[s] = &roleRec{}
			}
		}
	})
	if err != nil {
		return err
	}

	// Names.
	if err := b.each(ctx, schema.Name, func(q quad.Quad) {
		if i := b.entity(q.Subject); i >= 0 {
			if s := valueString(q.Object); betterName(s, b.ents[i].name) {
				b.ents[i].name = s
			}
		}
	}); err != nil {
		return err
	}
	if err := b.each(ctx, schema.AlternateName, func(q quad.Quad) {
		if i := b.entity(q.Subject); i >= 0 {
			b.ents[i].aliases = append(b.ents[i].aliases, valueString(q.Object))
		}
	}); err != nil {
		return err
	}

	// Articles.
	if err := b.each(ctx, schema.DatePublished, func(q quad.Quad) {
		if i := b.article(q.Subject); i >= 0 {
			b.arts[i].date = dayOf(q.Object)
		}
	}); err != nil {
		return err
	}
	if err := b.each(ctx, schema.Identifier, func(q quad.Quad) {
		if i := b.article(q.Subject); i >= 0 {
			b.arts[i].id = valueString(q.Object)
		}
	}); err != nil {
		return err
	}
	if b.texts {
		if err := b.each(ctx, schema.Headline, func(q quad.Quad) {
			if i := b.article(q.Subject); i >= 0 {
				b.arts[i].title = valueString(q.Object)
			}
		}); err != nil {
			return err
		}
	}

	// Statements.
	if err := b.each(ctx, schema.IsPartOf, func(q quad.Quad) {
		if i := b.statement(q.Subject); i >= 0 {
			b.stmts[i].article = b.article(q.Object)
		}
	}); err != nil {
		return err
	}
	if err := b.each(ctx, schema.Date, func(q quad.Quad) {
		if i := b.statement(q.Subject); i >= 0 {
			b.stmts[i].date = dayOf(q.Object)
		}
	}); err != nil {
		return err
	}
	if err := b.each(ctx, schema.Speaker, func(q quad.Quad) {
		if i := b.statement(q.Subject); i >= 0 {
			b.stmts[i].speaker = b.entity(q.Object)
		}
	}); err != nil {
		return err
	}
	if b.texts {
		if err := b.each(ctx, schema.Text, func(q quad.Quad) {
			if i := b.statement(q.Subject); i >= 0 {
				b.stmts[i].text = valueString(q.Object)
			}
		}); err != nil {
			return err
		}
		if err := b.each(ctx, schema.Kind, func(q quad.Quad) {
			if i := b.statement(q.Subject); i >= 0 {
				b.stmts[i].kind = valueString(q.Object)
			}
		}); err != nil {
			return err
		}
	}
	if err := b.each(ctx, schema.Mentions, func(q quad.Quad) {
		e := b.entity(q.Object)
		if e < 0 {
			return
		}
		if i := b.statement(q.Subject); i >= 0 {
			b.stmts[i].mentions = append(b.stmts[i].mentions, e)
			return
		}
		a := b.article(q.Subject)
		if a < 0 || !b.opt.inWindow(b.arts[a].date) {
			return
		}
		ent := &b.ents[e]
		ent.arts++
		ent.active = true
		span(&ent.first, &ent.last, b.arts[a].date)
		if b.full {
			b.artMent = append(b.artMent, [2]int32{a, e})
		}
	}); err != nil {
		return err
	}

	// Roles: title and the organization and country of each office, then
	// the people who hold them, by article.
	if err := b.each(ctx, schema.RoleName, func(q quad.Quad) {
		if r := b.roles[iriOf(q.Subject)]; r != nil {
			r.title = valueString(q.Object)
		}
	}); err != nil {
		return err
	}
	for _, p := range []quad.IRI{schema.RoleOrg, schema.RoleCountry} {
		if err := b.each(ctx, p, func(q quad.Quad) {
			r := b.roles[iriOf(q.Subject)]
			e := b.entity(q.Object)
			if r == nil || e < 0 {
				return
			}
			for _, x := range r.at {
				if x == e {
					return
				}
			}
			r.at = append(r.at, e)
		}); err != nil {
			return err
		}
	}
	if err := b.each(ctx, schema.HasRole, func(q quad.Quad) {
		person := b.entity(q.Subject)
		r := b.roles[iriOf(q.Object)]
		a, day := b.labelDay(q)
		if person < 0 || r == nil || !b.opt.inWindow(day) {
			return
		}
		for _, at := range r.at {
			if at != person {
				b.articleEdge(person, at, relRole, a, day, r.title)
			}
		}
	}); err != nil {
		return err
	}
	if err := b.each(ctx, schema.Party, func(q quad.Quad) {
		ag, party := b.entity(q.Subject), b.entity(q.Object)
		a, day := b.labelDay(q)
		if ag < 0 || party < 0 || ag == party || !b.opt.inWindow(day) {
			return
		}
		b.articleEdge(ag, party, relParty, a, day, "")
	}); err != nil {
		return err
	}
	if b.full {
		if err := b.each(ctx, schema.Publisher, func(q quad.Quad) {
			if a := b.article(q.Subject); a >= 0 {
				b.arts[a].publisher = b.entity(q.Object)
			}
		}); err != nil {
			return err
		}
	}
	return nil
}

// articleEdge records that article a (dated day) states an edge between
// two entities; the weight counts distinct articles.
func (b *builder) articleEdge(src, dst int32, rel uint8, a int32, day Day, title string) {
	e := b.edge(src, dst, rel)
	if a >= 0 {
		e.arts = append(e.arts, a)
	} else {
		e.weight++ // a fact no known article states still counts once
	}
	span(&e.first, &e.last, day)
	if title != "" {
		e.titles = append(e.titles, title)
	}
	for _, n := range []int32{src, dst} {
		if int(n) < len(b.ents) {
			b.ents[n].active = true
			span(&b.ents[n].first, &b.ents[n].last, day)
		}
	}
}

func (b *builder) edge(src, dst int32, rel uint8) *edgeRec {
	k := edgeKey{src, dst, rel}
	i, ok := b.edgeIdx[k]
	if !ok {
		i = int32(len(b.edges))
		b.edgeIdx[k] = i
		b.edges = append(b.edges, edgeRec{key: k})
	}
	return &b.edges[i]
}

// assemble turns the tables into nodes and edges: statement edges are
// derived here, article edges were recorded while reading.
func (b *builder) assemble() *Graph {
	nEnt, nArt := int32(len(b.ents)), int32(len(b.arts))
	artKey := func(a int32) int32 { return nEnt + a }
	stmtKey := func(s int32) int32 { return nEnt + nArt + s }

	for si := range b.stmts {
		s := &b.stmts[si]
		if !b.opt.inWindow(s.date) {
			continue
		}
		if s.article >= 0 {
			b.arts[s.article].stmts++
		}
		if s.speaker >= 0 {
			sp := &b.ents[s.speaker]
			sp.stmts++
			sp.active = true
			span(&sp.first, &sp.last, s.date)
		}
		for _, m := range s.mentions {
			me := &b.ents[m]
			me.ment++
			me.active = true
			span(&me.first, &me.last, s.date)
			if !b.full && s.speaker >= 0 && m != s.speaker {
				e := b.edge(s.speaker, m, relSpeaksAbout)
				e.weight++
				span(&e.first, &e.last, s.date)
				if s.article >= 0 {
					e.arts = append(e.arts, s.article)
				}
			}
		}
		if b.full {
			k := stmtKey(int32(si))
			stmtEdge := func(dst int32, rel uint8) {
				e := b.edge(k, dst, rel)
				e.weight = 1
				e.first, e.last = s.date, s.date
				if s.article >= 0 {
					e.arts = []int32{s.article}
				}
			}
			if s.speaker >= 0 {
				stmtEdge(s.speaker, relSpeaker)
			}
			for _, m := range s.mentions {
				stmtEdge(m, relMentions)
			}
			if s.article >= 0 {
				stmtEdge(artKey(s.article), relPartOf)
			}
		}
	}
	if b.full {
		for _, am := range b.artMent {
			art := &b.arts[am[0]]
			e := b.edge(artKey(am[0]), am[1], relMentions)
			e.weight = 1
			e.first, e.last = art.date, art.date
			e.arts = []int32{am[0]}
		}
		for ai := range b.arts {
			art := &b.arts[ai]
			if art.publisher >= 0 && b.opt.inWindow(art.date) {
				e := b.edge(artKey(int32(ai)), art.publisher, relPublisher)
				e.weight = 1
				e.first, e.last = art.date, art.date
				e.arts = []int32{int32(ai)}
				pub := &b.ents[art.publisher]
				pub.active = true
				span(&pub.first, &pub.last, art.date)
			}
		}
	}

	// Nodes, keyed as the edges are; -1 for nodes outside the view.
	total := int(nEnt + nArt + int32(len(b.stmts)))
	g := &Graph{View: b.opt.View}
	if !b.full {
		total = int(nEnt)
	}
	index := make([]int32, total)
	for i := range index {
		index[i] = -1
	}
	dated := b.opt.dated()
	for i := range b.ents {
		e := &b.ents[i]
		if dated && !e.active {
			continue
		}
		index[i] = int32(len(g.Nodes))
		g.Nodes = append(g.Nodes, Node{
			ID: e.iri, Label: e.label(), Type: schema.TypeName(schema.EntityTypes[e.typ]),
			Aliases: e.otherNames(), Statements: e.stmts, Mentioned: e.ment, Articles: e.arts,
			First: e.first, Last: e.last,
		})
	}
	if b.full {
		for i := range b.arts {
			a := &b.arts[i]
			if !b.opt.inWindow(a.date) {
				continue
			}
			index[artKey(int32(i))] = int32(len(g.Nodes))
			g.Nodes = append(g.Nodes, Node{
				ID: a.iri, Label: a.label(), Type: TypeArticle, Statements: a.stmts,
				First: a.date, Last: a.date, Text: a.title,
			})
		}
		for i := range b.stmts {
			s := &b.stmts[i]
			if !b.opt.inWindow(s.date) {
				continue
			}
			index[stmtKey(int32(i))] = int32(len(g.Nodes))
			g.Nodes = append(g.Nodes, Node{
				ID: b.stmtIRI(int32(i)), Label: shorten(s.text, 60), Type: TypeStatement,
				First: s.date, Last: s.date, Text: s.text, Kind: s.kind,
			})
		}
	}
	for i := range b.edges {
		er := &b.edges[i]
		src, dst := index[er.key.src], index[er.key.dst]
		if src < 0 || dst < 0 {
			continue
		}
		arts := uniqueArticles(er.arts)
		e := Edge{
			Source: int(src), Target: int(dst), Relation: relNames[er.key.rel],
			Weight: er.weight, First: er.first, Last: er.last,
		}
		if er.key.rel == relRole || er.key.rel == relParty {
			e.Weight += len(arts)
		}
		for _, a := range arts {
			e.Articles = append(e.Articles, b.arts[a].iri)
		}
		e.Label = strings.ReplaceAll(e.Relation, "_", " ")
		if len(er.titles) > 0 {
			e.Label = strings.Join(uniqueStrings(er.titles), ", ")
		}
		g.Edges = append(g.Edges, e)
	}
	b.edges, b.edgeIdx = nil, nil

	if b.opt.Statements {
		for i := range b.stmts {
			s := &b.stmts[i]
			if !b.opt.inWindow(s.date) {
				continue
			}
			st := Statement{ID: b.stmtIRI(int32(i)), Text: s.text, Kind: s.kind, Date: s.date, Speaker: -1}
			if s.speaker >= 0 {
				st.Speaker = int(index[s.speaker])
			}
			for _, m := range s.mentions {
				if n := index[m]; n >= 0 {
					st.Mentions = append(st.Mentions, int(n))
				}
			}
			if s.article >= 0 {
				st.Article = b.arts[s.article].iri
				st.Title = b.arts[s.article].label()
			}
			g.Statements = append(g.Statements, st)
		}
	}
	g.sort()
	return g
}

// stmtIRI finds a statement's IRI; statements are kept by index only.
func (b *builder) stmtIRI(i int32) string {
	if b.stmtIRIs == nil {
		b.stmtIRIs = make([]string, len(b.stmts))
		for iri, j := range b.stmtIdx {
			b.stmtIRIs[j] = string(iri)
		}
	}
	return b.stmtIRIs[i]
}

func (e *entityRec) label() string {
	if e.name != "" {
		return e.name
	}
	return e.iri[strings.LastIndexByte(e.iri, '/')+1:]
}

// otherNames returns the entity's alternate names without its label,
// sorted and without repeats.
func (e *entityRec) otherNames() []string {
	if len(e.aliases) == 0 {
		return nil
	}
	label := e.label()
	var out []string
	for _, a := range uniqueStrings(e.aliases) {
		if a != label && a != "" {
			out = append(out, a)
		}
	}
	return out
}

func (a *articleRec) label() string {
	switch {
	case a.title != "":
		return a.title
	case a.id != "":
		return a.id
	}
	return a.iri[strings.LastIndexByte(a.iri, '/')+1:]
}

// sort orders nodes by ID and edges by source, target and relation,
// renumbering the node indexes edges and statements hold.
func (g *Graph) sort() {
	order := make([]int, len(g.Nodes))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return g.Nodes[order[i]].ID < g.Nodes[order[j]].ID })
	renum := make([]int, len(g.Nodes))
	nodes := make([]Node, len(g.Nodes))
	for to, from := range order {
		renum[from] = to
		nodes[to] = g.Nodes[from]
	}
	g.Nodes = nodes
	for i := range g.Edges {
		g.Edges[i].Source = renum[g.Edges[i].Source]
		g.Edges[i].Target = renum[g.Edges[i].Target]
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := &g.Edges[i], &g.Edges[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.Relation < b.Relation
	})
	for i := range g.Statements {
		s := &g.Statements[i]
		if s.Speaker >= 0 {
			s.Speaker = renum[s.Speaker]
		}
		for j, m := range s.Mentions {
			s.Mentions[j] = renum[m]
		}
	}
	sort.Slice(g.Statements, func(i, j int) bool { return g.Statements[i].ID < g.Statements[j].ID })
}

func uniqueArticles(a []int32) []int32 {
	if len(a) < 2 {
		return a
	}
	sort.Slice(a, func(i, j int) bool { return a[i] < a[j] })
	out := a[:1]
	for _, x := range a[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

func uniqueStrings(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// shorten cuts s to at most n runes, with an ellipsis when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func iriOf(v quad.Value) quad.IRI {
	iri, _ := v.(quad.IRI)
	return iri
}

// valueString is the text of a literal (or the string form of anything
// else).
func valueString(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	}
	return v.String()
}

// betterName is the rule graph.NodeName uses when articles disagree on a
// node's canonical name: the fuller name, then the first in lexical order.
func betterName(name, cur string) bool {
	if cur == "" {
		return true
	}
	a, b := len(strings.Fields(name)), len(strings.Fields(cur))
	if a != b {
		return a > b
	}
	return name < cur
}
