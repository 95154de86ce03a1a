package eval

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"newsgraph/schema"
)

// Categories, in report order.
const (
	CatEntities   = "entities"
	CatStatements = "statements"
	CatRoles      = "roles"
	CatRelations  = "relations"
)

// Miss kinds.
const (
	FalsePositive = "false_positive"
	FalseNegative = "false_negative"
)

// Score is the tally and precision, recall and F1 of one category, or of
// one entity type within the entities category.
type Score struct {
	Category  string  `json:"category"`  // entities, statements, roles, relations
	Type      string  `json:"type"`      // entity type of a per-type row, "" for a category total
	Gold      int     `json:"gold"`      // scored gold items (optional ones are not)
	Predicted int     `json:"predicted"` // scored predictions: tp + fp
	TP        int     `json:"tp"`        // predictions that match a gold item
	FP        int     `json:"fp"`        // predictions that match none (duplicates included)
	Found     int     `json:"found"`     // gold items matched by at least one prediction
	FN        int     `json:"fn"`        // gold items no prediction matches
	Ignored   int     `json:"ignored"`   // predictions that match only optional gold items
	Precision float64 `json:"precision"` // tp / (tp + fp)
	Recall    float64 `json:"recall"`    // found / gold
	F1        float64 `json:"f1"`
	Scored    bool    `json:"scored"` // false when there is neither gold nor prediction
}

func (s *Score) finish() {
	s.Predicted = s.TP + s.FP
	s.Scored = s.Gold > 0 || s.Predicted > 0
	s.Precision, s.Recall, s.F1 = 0, 0, 0
	if s.Predicted > 0 {
		s.Precision = float64(s.TP) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Found) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Accuracy is attribution accuracy: of the predicted statements whose text
// matches a gold statement, the share whose speaker is right.
type Accuracy struct {
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"`
	Scored   bool    `json:"scored"` // false when no predicted text matched
}

func (a *Accuracy) finish() {
	a.Scored = a.Total > 0
	a.Accuracy = 0
	if a.Total > 0 {
		a.Accuracy = float64(a.Correct) / float64(a.Total)
	}
}

// Miss is one false positive or false negative.
type Miss struct {
	File     string `json:"file"`
	Category string `json:"category"`
	Kind     string `json:"kind"` // false_positive or false_negative
	Item     string `json:"item"`
	Reason   string `json:"reason"`
}

// SameEntity is the outcome of one graph.same_entity pair: the entity
// nodes each name resolves to after every predicted article is ingested
// into one graph. It passes when both names find exactly the same one node.
type SameEntity struct {
	A      string   `json:"a"`
	B      string   `json:"b"`
	NodesA []string `json:"nodes_a"`
	NodesB []string `json:"nodes_b"`
	Pass   bool     `json:"pass"`
}

// CheckSameEntity decides a same_entity pair from the nodes each name finds.
func CheckSameEntity(a, b string, nodesA, nodesB []string) SameEntity {
	r := SameEntity{A: a, B: b, NodesA: nonNil(nodesA), NodesB: nonNil(nodesB)}
	r.Pass = len(nodesA) == 1 && len(nodesB) == 1 && nodesA[0] == nodesB[0]
	return r
}

// Report is the outcome of one evaluation.
type Report struct {
	Mode        string        `json:"mode"`     // "gold" or "polnear"
	Gold        string        `json:"gold"`     // the gold file or corpus directory
	Articles    int           `json:"articles"` // gold articles scored
	Unpaired    []string      `json:"unpaired"` // predicted files with no gold article
	Scores      []Score       `json:"scores"`
	Attribution Accuracy      `json:"attribution"`
	Graph       []SameEntity  `json:"graph"`
	PolNeAR     *PolNeARStats `json:"polnear,omitempty"`
	Misses      []Miss        `json:"misses"`
}

// Score returns the row of a category total (typ "") or entity type.
func (r *Report) Score(category, typ string) *Score {
	for i := range r.Scores {
		if r.Scores[i].Category == category && r.Scores[i].Type == typ {
			return &r.Scores[i]
		}
	}
	return nil
}

// BelowF1 returns the category totals that are scored and whose F1 is
// below min, for --min-f1 gating.
func (r *Report) BelowF1(min float64) []Score {
	var out []Score
	for _, s := range r.Scores {
		if s.Type == "" && s.Scored && s.F1 < min {
			out = append(out, s)
		}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// normalizeLists makes every list of the report non-nil for JSON.
func (r *Report) normalizeLists() {
	r.Unpaired = nonNil(r.Unpaired)
	r.Scores = nonNil(r.Scores)
	r.Graph = nonNil(r.Graph)
	r.Misses = nonNil(r.Misses)
	for i := range r.Graph {
		r.Graph[i].NodesA = nonNil(r.Graph[i].NodesA)
		r.Graph[i].NodesB = nonNil(r.Graph[i].NodesB)
	}
}

// tally accumulates the scores of every category over the articles.
type tally struct {
	rows   map[[2]string]*Score
	attr   Accuracy
	misses []Miss
}

func newTally() *tally { return &tally{rows: make(map[[2]string]*Score)} }

func (t *tally) row(cat, typ string) *Score {
	k := [2]string{cat, typ}
	s := t.rows[k]
	if s == nil {
		s = &Score{Category: cat, Type: typ}
		t.rows[k] = s
	}
	return s
}

// add counts into the category total and, for entities of a scored type,
// the type's row.
func (t *tally) add(cat, typ string, f func(*Score)) {
	f(t.row(cat, ""))
	if cat == CatEntities && slices.Contains(schema.ScoredTypes, typ) {
		f(t.row(cat, typ))
	}
}

func (t *tally) miss(file, cat, kind, item, reason string) {
	t.misses = append(t.misses, Miss{File: file, Category: cat, Kind: kind, Item: item, Reason: reason})
}

func (t *tally) scores() []Score {
	var out []Score
	order := [][2]string{{CatEntities, ""}}
	for _, ty := range schema.ScoredTypes {
		order = append(order, [2]string{CatEntities, ty})
	}
	order = append(order, [2]string{CatStatements, ""}, [2]string{CatRoles, ""}, [2]string{CatRelations, ""})
	for _, k := range order {
		s := t.row(k[0], k[1])
		s.finish()
		out = append(out, *s)
	}
	return out
}

// Evaluate scores predicted extraction records against a gold document.
// The Graph results are left empty: they need a store (see SameEntity).
func Evaluate(gold *schema.Document, preds []schema.Extraction) *Report {
	r := &Report{Mode: "gold"}
	byFile := make(map[string]*schema.Extraction, len(preds))
	goldFiles := make(map[string]bool, len(gold.Articles))
	for i := range gold.Articles {
		goldFiles[filepath.Base(gold.Articles[i].File)] = true
	}
	for i := range preds {
		f := filepath.Base(preds[i].File)
		if _, dup := byFile[f]; dup || !goldFiles[f] {
			r.Unpaired = append(r.Unpaired, preds[i].File)
			continue
		}
		byFile[f] = &preds[i]
	}
	t := newTally()
	for i := range gold.Articles {
		g := &gold.Articles[i]
		p := byFile[filepath.Base(g.File)]
		if p == nil {
			p = &schema.Extraction{File: g.File}
		}
		scoreArticle(t, g, p)
		r.Articles++
	}
	r.Scores = t.scores()
	t.attr.finish()
	r.Attribution = t.attr
	r.Misses = t.misses
	r.normalizeLists()
	return r
}

// article is a gold article prepared for matching.
type article struct {
	g      *schema.Extraction
	names  []map[string]bool // normalized {name} ∪ aliases of each gold entity
	byName map[string][]int  // normalized name -> gold entities that carry it
}

func newArticle(g *schema.Extraction) *article {
	a := &article{g: g, byName: make(map[string][]int)}
	for i, e := range g.Entities {
		set := nameSet(e)
		a.names = append(a.names, set)
		for n := range set {
			a.byName[n] = append(a.byName[n], i)
		}
	}
	return a
}

// nameSet returns the normalized {name} ∪ aliases of an entity.
func nameSet(e schema.Entity) map[string]bool {
	set := make(map[string]bool, 1+len(e.Aliases))
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if k := schema.Normalize(n); k != "" {
			set[k] = true
		}
	}
	return set
}

// resolves reports whether predicted name x denotes gold name y in this
// article: the same after normalization, or both names of one gold entity.
func (a *article) resolves(x, y string) bool {
	nx, ny := schema.Normalize(x), schema.Normalize(y)
	if nx == "" || ny == "" {
		return false
	}
	if nx == ny {
		return true
	}
	for _, i := range a.byName[ny] {
		if a.names[i][nx] {
			return true
		}
	}
	return false
}

func scoreArticle(t *tally, g, p *schema.Extraction) {
	a := newArticle(g)
	file := filepath.Base(g.File)
	scoreEntities(t, a, file, p.Entities)
	scoreStatements(t, a, file, p.Statements)
	scoreRoles(t, a, file, p.Roles)
	scoreRelations(t, a, file, p.Relations)
}

func scored(typ string) bool { return slices.Contains(schema.ScoredTypes, typ) }

func entityItem(e schema.Entity) string {
	typ := e.Type
	if typ == "" {
		typ = "(untyped)"
	}
	return typ + " " + e.Name
}

func scoreEntities(t *tally, a *article, file string, preds []schema.Entity) {
	gold := a.g.Entities
	not := make(map[string]bool, len(a.g.NotEntities))
	for _, n := range a.g.NotEntities {
		if k := schema.Normalize(n); k != "" {
			not[k] = true
		}
	}
	// Candidates: predictions that are neither in not_entities nor of an
	// unscored type.
	var cand []int
	for i, e := range preds {
		if not[schema.Normalize(e.Name)] {
			t.add(CatEntities, e.Type, func(s *Score) { s.FP++ })
			t.miss(file, CatEntities, FalsePositive, entityItem(e), "in not_entities")
			continue
		}
		if scored(e.Type) {
			cand = append(cand, i)
		}
	}
	predNames := make([]map[string]bool, len(preds))
	for _, i := range cand {
		predNames[i] = nameSet(preds[i])
	}
	meets := func(pi, gi int) bool {
		if preds[pi].Type != gold[gi].Type {
			return false
		}
		for n := range predNames[pi] {
			if a.names[gi][n] {
				return true
			}
		}
		return false
	}
	var required []int
	for gi, e := range gold {
		if !e.Optional && scored(e.Type) {
			required = append(required, gi)
		}
	}
	m := maxMatch(len(cand), len(required), func(c, r int) bool { return meets(cand[c], required[r]) })
	for c, r := range m.predTo {
		e := preds[cand[c]]
		if r >= 0 {
			t.add(CatEntities, e.Type, func(s *Score) { s.TP++ })
			continue
		}
		dup := -1
		for _, gi := range required {
			if meets(cand[c], gi) {
				dup = gi
				break
			}
		}
		if dup >= 0 {
			t.add(CatEntities, e.Type, func(s *Score) { s.FP++ })
			t.miss(file, CatEntities, FalsePositive, entityItem(e), "duplicate of "+gold[dup].Name)
			continue
		}
		optional := false
		for gi, ge := range gold {
			if ge.Optional && meets(cand[c], gi) {
				optional = true
				break
			}
		}
		if optional {
			t.add(CatEntities, e.Type, func(s *Score) { s.Ignored++ })
			continue
		}
		t.add(CatEntities, e.Type, func(s *Score) { s.FP++ })
		t.miss(file, CatEntities, FalsePositive, entityItem(e), "no gold "+e.Type+" has any of its names")
	}
	for r, c := range m.goldTo {
		e := gold[required[r]]
		t.add(CatEntities, e.Type, func(s *Score) { s.Gold++ })
		if c >= 0 {
			t.add(CatEntities, e.Type, func(s *Score) { s.Found++ })
			continue
		}
		t.add(CatEntities, e.Type, func(s *Score) { s.FN++ })
		t.miss(file, CatEntities, FalseNegative, entityItem(e), "not found")
	}
}

func statementItem(s schema.Statement) string {
	sp := s.Speaker
	if sp == "" {
		sp = "(no speaker)"
	}
	return fmt.Sprintf("%s: %q", sp, s.Text)
}

func (a *article) speakerRight(speaker string, g *schema.Statement) bool {
	if a.resolves(speaker, g.Speaker) {
		return true
	}
	for _, s := range g.SpeakerAny {
		if a.resolves(speaker, s) {
			return true
		}
	}
	return false
}

func scoreStatements(t *tally, a *article, file string, preds []schema.Statement) {
	gold := a.g.Statements
	gbags := make([]bag, len(gold))
	for i := range gold {
		gbags[i] = newBag(gold[i].Text)
	}
	found := make([]bool, len(gold))
	wrongSpeaker := make([]string, len(gold)) // a predicted speaker whose text matched
	for _, p := range preds {
		pb := newBag(p.Text)
		var textMatch []int
		for gi := range gold {
			if ok, _ := overlaps(pb, gbags[gi]); ok {
				textMatch = append(textMatch, gi)
			}
		}
		right, rightRequired := false, false
		for _, gi := range textMatch {
			if a.speakerRight(p.Speaker, &gold[gi]) {
				right = true
				if !gold[gi].Optional {
					rightRequired = true
					found[gi] = true
				}
			} else if wrongSpeaker[gi] == "" {
				wrongSpeaker[gi] = p.Speaker
			}
		}
		if len(textMatch) > 0 {
			t.attr.Total++
			if right {
				t.attr.Correct++
			}
		}
		switch {
		case rightRequired:
			t.add(CatStatements, "", func(s *Score) { s.TP++ })
		case right:
			t.add(CatStatements, "", func(s *Score) { s.Ignored++ })
		default:
			t.add(CatStatements, "", func(s *Score) { s.FP++ })
			reason := "no gold statement's text overlaps"
			if len(textMatch) > 0 {
				reason = fmt.Sprintf("text matches a statement of %s, but the speaker does not resolve to it", gold[textMatch[0]].Speaker)
			}
			t.miss(file, CatStatements, FalsePositive, statementItem(p), reason)
		}
	}
	for gi, g := range gold {
		if g.Optional {
			continue
		}
		t.add(CatStatements, "", func(s *Score) { s.Gold++ })
		if found[gi] {
			t.add(CatStatements, "", func(s *Score) { s.Found++ })
			continue
		}
		t.add(CatStatements, "", func(s *Score) { s.FN++ })
		reason := "not found"
		if wrongSpeaker[gi] != "" {
			reason = fmt.Sprintf("text found, attributed to %q", wrongSpeaker[gi])
		}
		t.miss(file, CatStatements, FalseNegative, statementItem(g), reason)
	}
}

func roleItem(r schema.Role) string {
	var at []string
	if r.Org != "" {
		at = append(at, r.Org)
	}
	if r.Country != "" {
		at = append(at, r.Country)
	}
	s := r.Person + ": " + r.Title
	if len(at) > 0 {
		s += " (" + strings.Join(at, ", ") + ")"
	}
	return s
}

func (a *article) roleMatches(p, g *schema.Role) bool {
	if !a.resolves(p.Person, g.Person) {
		return false
	}
	have := make(map[string]bool)
	for _, w := range Tokens(p.Title) {
		have[w] = true
	}
	for _, w := range Tokens(g.Title) {
		if !have[w] {
			return false
		}
	}
	if p.Org != "" && g.Org != "" && !a.resolves(p.Org, g.Org) {
		return false
	}
	if p.Country != "" && g.Country != "" && !a.resolves(p.Country, g.Country) {
		return false
	}
	return true
}

func scoreRoles(t *tally, a *article, file string, preds []schema.Role) {
	gold := a.g.Roles
	scoreOneToOne(t, CatRoles, file, len(preds), len(gold),
		func(gi int) bool { return gold[gi].Optional },
		func(pi, gi int) bool { return a.roleMatches(&preds[pi], &gold[gi]) },
		func(pi int) string { return roleItem(preds[pi]) },
		func(gi int) string { return roleItem(gold[gi]) })
}

func relationItem(r schema.Relation) string {
	return r.Subject + " -" + r.Predicate + "-> " + r.Object
}

func (a *article) relationMatches(p, g *schema.Relation) bool {
	if !strings.EqualFold(strings.TrimSpace(p.Predicate), strings.TrimSpace(g.Predicate)) {
		return false
	}
	if !a.resolves(p.Subject, g.Subject) {
		return false
	}
	po, gobj := strings.TrimSpace(p.Object), strings.TrimSpace(g.Object)
	return (po != "" && po == gobj) || a.resolves(po, gobj)
}

func scoreRelations(t *tally, a *article, file string, preds []schema.Relation) {
	gold := a.g.Relations
	scoreOneToOne(t, CatRelations, file, len(preds), len(gold),
		func(gi int) bool { return gold[gi].Optional },
		func(pi, gi int) bool { return a.relationMatches(&preds[pi], &gold[gi]) },
		func(pi int) string { return relationItem(preds[pi]) },
		func(gi int) string { return relationItem(gold[gi]) })
}

// scoreOneToOne scores a category whose gold items are matched at most once
// (roles, relations) with a maximum matching over non-optional gold items.
func scoreOneToOne(t *tally, cat, file string, np, ng int, optional func(int) bool,
	match func(p, g int) bool, predItem, goldItem func(int) string) {
	var required []int
	for gi := 0; gi < ng; gi++ {
		if !optional(gi) {
			required = append(required, gi)
		}
	}
	m := maxMatch(np, len(required), func(p, r int) bool { return match(p, required[r]) })
	for p, r := range m.predTo {
		if r >= 0 {
			t.add(cat, "", func(s *Score) { s.TP++ })
			continue
		}
		dup := -1
		for _, gi := range required {
			if match(p, gi) {
				dup = gi
				break
			}
		}
		if dup >= 0 {
			t.add(cat, "", func(s *Score) { s.FP++ })
			t.miss(file, cat, FalsePositive, predItem(p), "duplicate of "+goldItem(dup))
			continue
		}
		opt := false
		for gi := 0; gi < ng; gi++ {
			if optional(gi) && match(p, gi) {
				opt = true
				break
			}
		}
		if opt {
			t.add(cat, "", func(s *Score) { s.Ignored++ })
			continue
		}
		t.add(cat, "", func(s *Score) { s.FP++ })
		t.miss(file, cat, FalsePositive, predItem(p), "matches no gold item")
	}
	for r, p := range m.goldTo {
		t.add(cat, "", func(s *Score) { s.Gold++ })
		if p >= 0 {
			t.add(cat, "", func(s *Score) { s.Found++ })
			continue
		}
		t.add(cat, "", func(s *Score) { s.FN++ })
		t.miss(file, cat, FalseNegative, goldItem(required[r]), "not found")
	}
}

// matching is a one-to-one pairing of predictions and gold items; -1 marks
// an unpaired one.
type matching struct {
	predTo []int
	goldTo []int
}

// maxMatch finds a maximum bipartite matching (Kuhn's augmenting paths;
// predictions tried in order, so the result is deterministic).
func maxMatch(np, ng int, edge func(p, g int) bool) matching {
	adj := make([][]int, np)
	for p := 0; p < np; p++ {
		for g := 0; g < ng; g++ {
			if edge(p, g) {
				adj[p] = append(adj[p], g)
			}
		}
	}
	m := matching{predTo: make([]int, np), goldTo: make([]int, ng)}
	for i := range m.predTo {
		m.predTo[i] = -1
	}
	for i := range m.goldTo {
		m.goldTo[i] = -1
	}
	var seen []bool
	var try func(p int) bool
	try = func(p int) bool {
		for _, g := range adj[p] {
			if seen[g] {
				continue
			}
			seen[g] = true
			if m.goldTo[g] < 0 || try(m.goldTo[g]) {
				m.goldTo[g] = p
				m.predTo[p] = g
				return true
			}
		}
		return false
	}
	for p := 0; p < np; p++ {
		if len(adj[p]) == 0 {
			continue
		}
		seen = make([]bool, ng)
		try(p)
	}
	return m
}
