package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"newsgraph/graph/index"
	"newsgraph/schema"
)

// Statement is a claim an article attributes to a speaker.
type Statement struct {
	ID       string     `json:"id"`       // node IRI
	Date     string     `json:"date"`     // YYYY-MM-DD it was made (the article's date unless the text says); "" unknown
	Speaker  Entity     `json:"speaker"`  // who made it
	Kind     string     `json:"kind"`     // direct, indirect or mixed
	Act      string     `json:"act"`      // speech act (assert, deny, warn, ...); "" unknown
	Cue      string     `json:"cue"`      // attribution verb ("said", "according to"); "" unknown
	Text     string     `json:"text"`     // its words, without the attribution
	Mentions []Entity   `json:"mentions"` // entities it names, by name
	Article  ArticleRef `json:"article"`  // where it was reported
}

// ArticleRef identifies the article a result comes from.
type ArticleRef struct {
	ID        string `json:"id"`        // node IRI
	Title     string `json:"title"`     // headline; "" unknown
	File      string `json:"file"`      // file it was read from; "" unknown
	Published string `json:"published"` // YYYY-MM-DD; "" unknown
	Publisher string `json:"publisher"` // name of the publishing organization; "" unknown
}

// Label is the shortest readable name of the article: file, title or id.
func (a ArticleRef) Label() string {
	switch {
	case a.File != "":
		return a.File
	case a.Title != "":
		return a.Title
	}
	return fallbackName(quad.IRI(a.ID))
}

// StatementFilter selects statements; the zero value selects all.
type StatementFilter struct {
	By    string // speaker name (looked up as Lookup does)
	About string // name of an entity the statement mentions
	Act   string // speech act
	Since string // earliest date, YYYY-MM-DD (inclusive)
	Until string // latest date, YYYY-MM-DD (inclusive)
	Text  string // words the text must contain, in any case and order
	Limit int    // at most this many, newest first; 0 means all
}

// Statements returns the statements f selects, newest first (undated
// ones last). The speaker, the mentioned entity, the act and a bounded
// date range are looked up through the object index; only text and the
// remaining conditions are checked statement by statement.
func (g *Graph) Statements(ctx context.Context, f StatementFilter) ([]Statement, error) {
	var out []Statement
	err := g.view(func() error {
		var err error
		out, err = g.statements(ctx, f, false)
		return err
	})
	return out, err
}

func (g *Graph) statements(ctx context.Context, f StatementFilter, chronological bool) ([]Statement, error) {
	if err := checkDate("since", f.Since); err != nil {
		return nil, err
	}
	if err := checkDate("until", f.Until); err != nil {
		return nil, err
	}
	var by, about quad.IRI
	if f.By != "" {
		e, err := g.Lookup(ctx, f.By)
		if err != nil {
			return nil, err
		}
		by = quad.IRI(e.ID)
	}
	if f.About != "" {
		e, err := g.Lookup(ctx, f.About)
		if err != nil {
			return nil, err
		}
		about = quad.IRI(e.ID)
	}
	act := strings.ToLower(strings.TrimSpace(f.Act))
	if g.r != nil {
		return g.indexedStatements(ctx, f, by, about, act, chronological)
	}

	// The candidates: the smallest set an index gives.
	var cands []quad.IRI
	var err error
	checkBy, checkAbout, checkAct, checkDates := by != "", about != "", act != "", f.Since != "" || f.Until != ""
	switch {
	case by != "":
		cands, err = g.inIRIs(ctx, by, schema.Speaker)
		checkBy = false
	case about != "":
		cands, err = g.statementsMentioning(ctx, about)
		checkAbout = false
	case act != "":
		cands, err = g.inIRIs(ctx, quad.String(act), schema.Act)
		checkAct = false
	case f.Since != "" && f.Until != "" && daysBetween(f.Since, f.Until) <= maxDateDays:
		cands, err = g.statementsOnDays(ctx, f.Since, f.Until)
		checkDates = false
	default:
		cands, err = g.inIRIs(ctx, schema.StatementT, schema.Type)
	}
	if err != nil {
		return nil, err
	}
	if checkAbout {
		in, err := g.statementsMentioning(ctx, about)
		if err != nil {
			return nil, err
		}
		cands = intersect(cands, in)
		checkAbout = false
	}

	words := strings.Fields(normKey(f.Text))
	var dateOK func(string) bool
	if checkDates {
		dateOK = func(d string) bool { return inRange(d, f.Since, f.Until) }
	}
	return g.readStatements(ctx, cands, chronological, f.Limit, dateOK, func(s *Statement) bool {
		switch {
		case checkBy && s.Speaker.ID != string(by),
			checkAct && strings.ToLower(s.Act) != act,
			len(words) > 0 && !containsWords(normKey(s.Text), words):
			return false
		}
		return true
	})
}

// indexedStatements answers Statements from the read index: it walks the
// most selective of its date-sorted lists (by the speaker, about the
// entity, of the act, or all statements) within the dates asked for, and
// checks the other conditions statement by statement until it has
// f.Limit of them.
func (g *Graph) indexedStatements(ctx context.Context, f StatementFilter, by, about quad.IRI, act string, chronological bool) ([]Statement, error) {
	var list index.StatementList
	checkBy, checkAbout, checkAct := by != "", about != "", act != ""
	switch {
	case by != "":
		list.By, checkBy = by, false
	case about != "":
		list.About, checkAbout = about, false
	case act != "":
		list.Act, checkAct = act, false
	}
	// The index keeps each statement's folded text with its date: the
	// words rule statements out before they are read.
	words := strings.Fields(normKey(f.Text))
	list.Words = words
	out := []Statement{}
	err := g.r.Statements(list, f.Since, f.Until, chronological, func(d index.Dated) (bool, error) {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		s, err := g.statement(ctx, d.IRI)
		if err != nil {
			return false, err
		}
		switch {
		case checkBy && s.Speaker.ID != string(by),
			checkAbout && !mentionsEntity(s, about),
			checkAct && strings.ToLower(s.Act) != act,
			len(words) > 0 && !containsWords(normKey(s.Text), words):
			return true, nil
		}
		out = append(out, s)
		return f.Limit <= 0 || len(out) < f.Limit, nil
	})
	return out, err
}

func mentionsEntity(s Statement, e quad.IRI) bool {
	for _, m := range s.Mentions {
		if m.ID == string(e) {
			return true
		}
	}
	return false
}

// datedStatement is a statement and its date ("" unknown).
type datedStatement struct {
	iri  quad.IRI
	date string
}

// sortDated orders statements by date, newest first or oldest first when
// chronological, undated last; statements of one date by statementLess.
func sortDated(ds []datedStatement, chronological bool) {
	sort.Slice(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.date != b.date {
			switch {
			case a.date == "":
				return false
			case b.date == "":
				return true
			case chronological:
				return a.date < b.date
			default:
				return a.date > b.date
			}
		}
		return statementLess(a.iri, b.iri)
	})
}

// readStatements orders statements by date (newest first, or oldest first
// when chronological; undated last), reading one date per statement
// through the index, and then reads in full only those it returns: at
// most n (0: all) of those whose date dateOK accepts and that keep keeps
// (nil accepts all).
func (g *Graph) readStatements(ctx context.Context, cands []quad.IRI, chronological bool, n int,
	dateOK func(string) bool, keep func(*Statement) bool) ([]Statement, error) {
	ds := make([]datedStatement, 0, len(cands))
	for _, st := range cands {
		date, err := g.firstString(ctx, st, schema.Date)
		if err != nil {
			return nil, err
		}
		if dateOK != nil && !dateOK(date) {
			continue
		}
		ds = append(ds, datedStatement{st, date})
	}
	sortDated(ds, chronological)
	return g.readDated(ctx, ds, n, keep)
}

// readDated reads in full the first n (0: all) statements of ds that keep
// keeps (nil: all).
func (g *Graph) readDated(ctx context.Context, ds []datedStatement, n int, keep func(*Statement) bool) ([]Statement, error) {
	out := []Statement{}
	for _, d := range ds {
		if n > 0 && len(out) >= n {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s, err := g.statement(ctx, d.iri)
		if err != nil {
			return nil, err
		}
		if keep != nil && !keep(&s) {
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

// statementList returns the statements of a list of the read index.
func (g *Graph) statementList(list index.StatementList) ([]quad.IRI, error) {
	var out []quad.IRI
	err := g.r.Statements(list, "", "", false, func(d index.Dated) (bool, error) {
		out = append(out, d.IRI)
		return true, nil
	})
	return out, err
}

// maxDateDays bounds the date ranges looked up day by day in the index.
const maxDateDays = 3700

func (g *Graph) statementsMentioning(ctx context.Context, e quad.IRI) ([]quad.IRI, error) {
	if g.r != nil {
		return g.statementList(index.StatementList{About: e})
	}
	subs, err := g.inIRIs(ctx, e, schema.Mentions)
	out := subs[:0]
	for _, s := range subs {
		if isStatement(s) {
			out = append(out, s)
		}
	}
	return out, err
}

func (g *Graph) statementsOnDays(ctx context.Context, since, until string) ([]quad.IRI, error) {
	from, _ := time.Parse(time.DateOnly, since)
	to, _ := time.Parse(time.DateOnly, until)
	var out []quad.IRI
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		day := quad.String(d.Format(time.DateOnly))
		ref, err := g.qs.ValueOf(day)
		if err != nil {
			return nil, err
		}
		if ref == nil {
			continue
		}
		sts, err := g.inIRIs(ctx, day, schema.Date)
		if err != nil {
			return nil, err
		}
		out = append(out, sts...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

func daysBetween(since, until string) int {
	from, err1 := time.Parse(time.DateOnly, since)
	to, err2 := time.Parse(time.DateOnly, until)
	if err1 != nil || err2 != nil {
		return 1 << 30
	}
	return int(to.Sub(from).Hours() / 24)
}

func checkDate(flag, s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("%s date %q is not YYYY-MM-DD", flag, s)
	}
	return nil
}

func inRange(date, since, until string) bool {
	if date == "" {
		return since == "" && until == ""
	}
	return (since == "" || date >= since) && (until == "" || date <= until)
}

// firstString returns the first literal object of s via p, "" when none.
func (g *Graph) firstString(ctx context.Context, s quad.IRI, p quad.IRI) (string, error) {
	v, err := g.firstValue(ctx, s, p)
	return valueString(v), err
}

// statement reads one statement in full (one subject prefix scan).
func (g *Graph) statement(ctx context.Context, iri quad.IRI) (Statement, error) {
	s := Statement{ID: string(iri), Mentions: []Entity{}}
	var speaker, art quad.IRI
	var mentions []quad.IRI
	seen := map[quad.IRI]bool{}
	err := g.eachQuad(ctx, quad.Subject, iri, func(pred quad.IRI, o quad.Value) error {
		switch pred {
		case schema.Speaker:
			speaker, _ = o.(quad.IRI)
		case schema.IsPartOf:
			art, _ = o.(quad.IRI)
		case schema.Text:
			s.Text = valueString(o)
		case schema.Kind:
			s.Kind = valueString(o)
		case schema.Act:
			s.Act = valueString(o)
		case schema.Cue:
			s.Cue = valueString(o)
		case schema.Date:
			s.Date = valueString(o)
		case schema.Mentions:
			if m, ok := o.(quad.IRI); ok && !seen[m] {
				seen[m] = true
				mentions = append(mentions, m)
			}
		}
		return nil
	})
	if err != nil {
		return s, err
	}
	if speaker != "" {
		if s.Speaker, err = g.entity(ctx, speaker); err != nil {
			return s, err
		}
	}
	sort.Slice(mentions, func(i, j int) bool { return mentions[i] < mentions[j] })
	if s.Mentions, err = g.entities(ctx, mentions); err != nil {
		return s, err
	}
	sortEntities(s.Mentions)
	if art != "" {
		if s.Article, err = g.articleRef(ctx, art); err != nil {
			return s, err
		}
	}
	return s, nil
}

// statementLess orders statement IRIs by article, then by number.
func statementLess(a, b quad.IRI) bool { return index.StatementLess(a, b) }

func intersect(a, b []quad.IRI) []quad.IRI {
	in := make(map[quad.IRI]bool, len(b))
	for _, x := range b {
		in[x] = true
	}
	out := a[:0:0]
	for _, x := range a {
		if in[x] {
			out = append(out, x)
		}
	}
	return out
}

func containsWords(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// StatementsTable renders statements as rows: date, speaker, act, kind, text, article.
func StatementsTable(ss []Statement) Table {
	t := Table{Header: []string{"date", "speaker", "act", "kind", "text", "article"}}
	for _, s := range ss {
		t.Rows = append(t.Rows, []string{s.Date, s.Speaker.Name, s.Act, s.Kind, s.Text, s.Article.Label()})
	}
	return t
}
