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
// built in one pass over the store's quads as references, dispatched by
// predicate (see scanner), keeping compact records of the view's nodes and
// edges, never the quads; writers stream their output. Memory grows with
// the view, not with the store.
//
// The package reads the store only; it does not write to it, and it does
// not answer questions about the graph (that is the queries package).
package export

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

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

// Build reads the view opt selects from a store. It reads typed nodes
// through the object index, then every other quad once as references,
// and keeps compact records of entities, articles, statements and roles,
// never the quads.
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
		scan:    newScanner(qs),
		opt:     opt,
		full:    opt.View == ViewFull,
		texts:   opt.View == ViewFull || opt.Statements,
		entIdx:  map[any]int32{},
		artIdx:  map[any]int32{},
		stmtIdx: map[any]int32{},
		roleIdx: map[any]int32{},
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
	scan  *scanner
	opt   Options
	full  bool // articles and statements are nodes
	texts bool // keep statement texts and headlines

	// Nodes are told apart by the keys of their store references.
	ents     []entityRec
	entIdx   map[any]int32
	arts     []articleRec
	artIdx   map[any]int32
	stmts    []stmtRec
	stmtIdx  map[any]int32
	stmtRefs []cgraph.Ref
	stmtIRIs []string // decoded when texts are kept
	roles    []roleRec
	roleIdx  map[any]int32
	artMent  [][2]int32 // article, entity: full view article -> entity edges

	edges   []edgeRec
	edgeIdx map[edgeKey]int32
}

func (b *builder) entity(r cgraph.Ref) int32 {
	if i, ok := b.entIdx[key(r)]; ok && r != nil {
		return i
	}
	return -1
}

func (b *builder) article(r cgraph.Ref) int32 {
	if i, ok := b.artIdx[key(r)]; ok && r != nil {
		return i
	}
	return -1
}

func (b *builder) statement(r cgraph.Ref) int32 {
	if i, ok := b.stmtIdx[key(r)]; ok && r != nil {
		return i
	}
	return -1
}

func (b *builder) role(r cgraph.Ref) int32 {
	if i, ok := b.roleIdx[key(r)]; ok && r != nil {
		return i
	}
	return -1
}

// iris decodes the IRIs of node references.
func (b *builder) iris(ctx context.Context, rs []cgraph.Ref) ([]string, error) {
	vs, err := b.scan.values(ctx, rs)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = valueString(v)
	}
	return out, nil
}

// Predicates the full scan dispatches on.
const (
	pName uint8 = iota
	pAlternateName
	pDatePublished
	pIdentifier
	pHeadline
	pIsPartOf
	pDate
	pSpeaker
	pText
	pKind
	pMentions
	pRoleName
	pRoleOrg
	pRoleCountry
	pHasRole
	pParty
	pPublisher
)

// read fills the builder's tables: typed nodes from the object index
// (one short scan per class), then everything else in one scan of all
// quads, dispatched by predicate; values are decoded in batches, only for
// the nodes the view has.
func (b *builder) read(ctx context.Context) error {
	s := b.scan
	typeRef, err := s.ref(schema.Type)
	if err != nil || typeRef == nil {
		return err
	}
	typeKey := key(typeRef)
	var entRefs, artRefs []cgraph.Ref
	classes := append([]quad.IRI{schema.NewsArticle, schema.StatementT, schema.RoleType}, schema.EntityTypes...)
	for _, class := range classes {
		ent := -1
		for i, t := range schema.EntityTypes {
			if t == class {
				ent = i
			}
		}
		err := s.eachWith(ctx, quad.Object, class, func(sub, pred, _ cgraph.Ref) {
			if sub == nil || key(pred) != typeKey {
				return
			}
			k := key(sub)
			switch {
			case ent >= 0:
				if i, seen := b.entIdx[k]; seen {
					b.ents[i].typ = min(b.ents[i].typ, ent)
					return
				}
				b.entIdx[k] = int32(len(b.ents))
				b.ents = append(b.ents, entityRec{typ: ent})
				entRefs = append(entRefs, sub)
			case class == schema.NewsArticle:
				if _, seen := b.artIdx[k]; !seen {
					b.artIdx[k] = int32(len(b.arts))
					b.arts = append(b.arts, articleRec{publisher: -1})
					artRefs = append(artRefs, sub)
				}
			case class == schema.StatementT:
				if _, seen := b.stmtIdx[k]; !seen {
					b.stmtIdx[k] = int32(len(b.stmts))
					b.stmts = append(b.stmts, stmtRec{article: -1, speaker: -1})
					b.stmtRefs = append(b.stmtRefs, sub)
				}
			case class == schema.RoleType:
				if _, seen := b.roleIdx[k]; !seen {
					b.roleIdx[k] = int32(len(b.roles))
					b.roles = append(b.roles, roleRec{})
				}
			}
		})
		if err != nil {
			return err
		}
	}
	iris, err := b.iris(ctx, entRefs)
	if err != nil {
		return err
	}
	for i := range b.ents {
		b.ents[i].iri = iris[i]
	}
	if iris, err = b.iris(ctx, artRefs); err != nil {
		return err
	}
	for i := range b.arts {
		b.arts[i].iri = iris[i]
	}
	if b.texts {
		if b.stmtIRIs, err = b.iris(ctx, b.stmtRefs); err != nil {
			return err
		}
	}
	b.stmtRefs = nil

	preds := map[any]uint8{}
	for p, code := range map[quad.IRI]uint8{
		schema.Name: pName, schema.AlternateName: pAlternateName, schema.DatePublished: pDatePublished,
		schema.Identifier: pIdentifier, schema.Headline: pHeadline, schema.IsPartOf: pIsPartOf,
		schema.Date: pDate, schema.Speaker: pSpeaker, schema.Text: pText, schema.Kind: pKind,
		schema.Mentions: pMentions, schema.RoleName: pRoleName, schema.RoleOrg: pRoleOrg,
		schema.RoleCountry: pRoleCountry, schema.HasRole: pHasRole, schema.Party: pParty, schema.Publisher: pPublisher,
	} {
		if !b.texts && (code == pHeadline || code == pText || code == pKind) {
			continue
		}
		r, err := s.ref(p)
		if err != nil {
			return err
		}
		if r != nil {
			preds[key(r)] = code
		}
	}

	dec := newDecoder(s)
	var hasRole, parties [][3]int32 // person, role, article; agreement, party, article
	var derr error
	decode := func(code uint8, idx int32, r cgraph.Ref) {
		if derr == nil && r != nil {
			derr = dec.add(ctx, pending{code: code, idx: idx, ref: r}, b.apply)
		}
	}
	err = s.all(ctx, func(q cgraph.Ref) error {
		pr, err := s.qs.QuadDirection(q, quad.Predicate)
		if err != nil {
			return err
		}
		code, ok := preds[key(pr)]
		if !ok {
			return nil
		}
		sub, obj, label, err := s.dirs(q)
		if err != nil {
			return err
		}
		switch code {
		case pName, pAlternateName:
			if e := b.entity(sub); e >= 0 {
				decode(code, e, obj)
			}
		case pDatePublished, pIdentifier, pHeadline:
			if a := b.article(sub); a >= 0 {
				decode(code, a, obj)
			}
		case pDate, pText, pKind:
			if st := b.statement(sub); st >= 0 {
				decode(code, st, obj)
			}
		case pRoleName:
			if r := b.role(sub); r >= 0 {
				decode(code, r, obj)
			}
		case pIsPartOf:
			if st := b.statement(sub); st >= 0 {
				b.stmts[st].article = b.article(obj)
			}
		case pSpeaker:
			if st := b.statement(sub); st >= 0 {
				b.stmts[st].speaker = b.entity(obj)
			}
		case pMentions:
			e := b.entity(obj)
			if e < 0 {
				break
			}
			if st := b.statement(sub); st >= 0 {
				b.stmts[st].mentions = append(b.stmts[st].mentions, e)
			} else if a := b.article(sub); a >= 0 {
				b.artMent = append(b.artMent, [2]int32{a, e})
			}
		case pRoleOrg, pRoleCountry:
			r, e := b.role(sub), b.entity(obj)
			if r >= 0 && e >= 0 && !slices.Contains(b.roles[r].at, e) {
				b.roles[r].at = append(b.roles[r].at, e)
			}
		case pHasRole:
			if p, r := b.entity(sub), b.role(obj); p >= 0 && r >= 0 {
				hasRole = append(hasRole, [3]int32{p, r, b.article(label)})
			}
		case pParty:
			if ag, party := b.entity(sub), b.entity(obj); ag >= 0 && party >= 0 && ag != party {
				parties = append(parties, [3]int32{ag, party, b.article(label)})
			}
		case pPublisher:
			if a := b.article(sub); a >= 0 {
				b.arts[a].publisher = b.entity(obj)
			}
		}
		return derr
	})
	if err != nil {
		return err
	}
	if err := dec.flush(ctx, b.apply); err != nil {
		return err
	}

	// Facts an article states count in the window of its date.
	day := func(a int32) Day {
		if a < 0 {
			return 0
		}
		return b.arts[a].date
	}
	for _, am := range b.artMent {
		d := day(am[0])
		if !b.opt.inWindow(d) {
			continue
		}
		ent := &b.ents[am[1]]
		ent.arts++
		ent.active = true
		span(&ent.first, &ent.last, d)
	}
	for _, hr := range hasRole {
		if d := day(hr[2]); b.opt.inWindow(d) {
			r := &b.roles[hr[1]]
			for _, at := range r.at {
				if at != hr[0] {
					b.articleEdge(hr[0], at, relRole, hr[2], d, r.title)
				}
			}
		}
	}
	for _, pa := range parties {
		if d := day(pa[2]); b.opt.inWindow(d) {
			b.articleEdge(pa[0], pa[1], relParty, pa[2], d, "")
		}
	}
	return nil
}

// apply stores one decoded value.
func (b *builder) apply(p pending, v quad.Value) {
	switch p.code {
	case pName:
		e := &b.ents[p.idx]
		if n := valueString(v); betterName(n, e.name) {
			e.name = n
		}
	case pAlternateName:
		b.ents[p.idx].aliases = append(b.ents[p.idx].aliases, valueString(v))
	case pDatePublished:
		b.arts[p.idx].date = dayOf(v)
	case pIdentifier:
		b.arts[p.idx].id = valueString(v)
	case pHeadline:
		b.arts[p.idx].title = valueString(v)
	case pDate:
		b.stmts[p.idx].date = dayOf(v)
	case pText:
		b.stmts[p.idx].text = valueString(v)
	case pKind:
		b.stmts[p.idx].kind = valueString(v)
	case pRoleName:
		b.roles[p.idx].title = valueString(v)
	}
}

// repeats says whether a predicate's values repeat across quads (names,
// dates, kinds), so that decoding them once pays.
func repeats(code uint8) bool {
	switch code {
	case pIdentifier, pHeadline, pText:
		return false
	}
	return true
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
		sort.Strings(e.Articles)
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

// stmtIRI is a statement's IRI (decoded when texts are kept).
func (b *builder) stmtIRI(i int32) string { return b.stmtIRIs[i] }

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

func valueString(v quad.Value) string { return schema.ValueText(v) }

func betterName(name, cur string) bool { return schema.BetterName(name, cur) }
