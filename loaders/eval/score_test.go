package eval

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"newsgraph/schema"
	"newsgraph/seeds"
)

// counts is what a test expects of one score row.
type counts struct{ gold, tp, fp, found, fn, ignored int }

func (c counts) check(t *testing.T, name string, s *Score) {
	t.Helper()
	if s == nil {
		t.Fatalf("%s: no score row", name)
	}
	got := counts{s.Gold, s.TP, s.FP, s.Found, s.FN, s.Ignored}
	if got != c {
		t.Errorf("%s: got {gold tp fp found fn ignored} = %v, want %v", name, got, c)
	}
}

func approx(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func evalOne(gold schema.Extraction, pred schema.Extraction) *Report {
	gold.File, pred.File = "a.txt", "a.txt"
	return Evaluate(&schema.Document{Format: schema.FormatID, Articles: []schema.Extraction{gold}}, []schema.Extraction{pred})
}

var (
	ghassemi = schema.Entity{Name: "Bahram Ghassemi", Type: schema.TypePerson, Aliases: []string{"Ghassemi", "Bahram Qassemi"}}
	iran     = schema.Entity{Name: "Iran", Type: schema.TypeCountry, Aliases: []string{"Islamic Republic of Iran", "Tehran"}}
	us       = schema.Entity{Name: "United States", Type: schema.TypeCountry, Aliases: []string{"US", "U.S."}}
	ministry = schema.Entity{Name: "Ministry of Foreign Affairs of Iran", Type: schema.TypeOrganization, Aliases: []string{"Iran's foreign ministry"}}
	jcpoa    = schema.Entity{Name: "Joint Comprehensive Plan of Action", Type: schema.TypeAgreement, Aliases: []string{"JCPOA"}}
	europe   = schema.Entity{Name: "Europe", Type: schema.TypeLocation, Aliases: []string{"EU"}, Optional: true}
	p5       = schema.Entity{Name: "P5+1", Type: schema.TypeOrganization, Aliases: []string{"world powers"}, Optional: true}
)

func ent(name, typ string, aliases ...string) schema.Entity {
	return schema.Entity{Name: name, Type: typ, Aliases: aliases}
}

func TestEntityRules(t *testing.T) {
	goldArticle := schema.Extraction{
		Entities:    []schema.Entity{ghassemi, iran, us, ministry, jcpoa, europe, p5},
		NotEntities: []string{"Read More", "101"},
	}
	const required = 5
	tests := []struct {
		name    string
		preds   []schema.Entity
		want    counts
		persons *counts
	}{
		{"exact names", []schema.Entity{ghassemi, iran, us, ministry, jcpoa},
			counts{required, 5, 0, 5, 0, 0}, &counts{1, 1, 0, 1, 0, 0}},
		{"surname alone matches through the gold aliases", []schema.Entity{ent("Ghassemi", schema.TypePerson)},
			counts{required, 1, 0, 1, 4, 0}, &counts{1, 1, 0, 1, 0, 0}},
		{"predicted alias meets gold name", []schema.Entity{ent("Mr Q", schema.TypePerson, "Bahram Ghassemi")},
			counts{required, 1, 0, 1, 4, 0}, nil},
		{"normalization: the, case, curly apostrophe, 's, punctuation", []schema.Entity{
			ent("the United States", schema.TypeCountry), ent("IRAN’S FOREIGN MINISTRY", schema.TypeOrganization),
			ent("Iran's", schema.TypeCountry), ent("Joint  Comprehensive Plan of Action.", schema.TypeAgreement)},
			counts{required, 4, 0, 4, 1, 0}, nil},
		{"wrong type is a miss and a false positive", []schema.Entity{ent("Iran", schema.TypeOrganization)},
			counts{required, 0, 1, 0, 5, 0}, nil},
		{"duplicate of one gold entity is a false positive", []schema.Entity{
			ent("Bahram Ghassemi", schema.TypePerson), ent("Ghassemi", schema.TypePerson)},
			counts{required, 1, 1, 1, 4, 0}, &counts{1, 1, 1, 1, 0, 0}},
		{"optional gold entity is ignored, duplicates too", []schema.Entity{
			ent("P5+1", schema.TypeOrganization), ent("world powers", schema.TypeOrganization)},
			counts{required, 0, 0, 0, 5, 2}, nil},
		{"optional gold of an unscored type: same-type rule, so an Organization is a false positive", []schema.Entity{
			ent("EU", schema.TypeOrganization)},
			counts{required, 0, 1, 0, 5, 0}, nil},
		{"unscored predicted types are ignored", []schema.Entity{ent("Europe", schema.TypeLocation), ent("Tehran", "")},
			counts{required, 0, 0, 0, 5, 0}, nil},
		{"not_entities are false positives whatever the type", []schema.Entity{
			ent("Read More", schema.TypeLocation), ent("101", schema.TypeOrganization), ent("read more", "")},
			counts{required, 0, 3, 0, 5, 0}, nil},
		{"not_entities checks the name, not aliases", []schema.Entity{ent("Iran", schema.TypeCountry, "101")},
			counts{required, 1, 0, 1, 4, 0}, nil},
		{"unrelated entity", []schema.Entity{ent("Barack Obama", schema.TypePerson)},
			counts{required, 0, 1, 0, 5, 0}, &counts{1, 0, 1, 0, 1, 0}},
	}
	for _, tt := range tests {
		r := evalOne(goldArticle, schema.Extraction{Entities: tt.preds})
		tt.want.check(t, tt.name, r.Score(CatEntities, ""))
		if tt.persons != nil {
			tt.persons.check(t, tt.name+" (Person)", r.Score(CatEntities, schema.TypePerson))
		}
	}
}

// A greedy first-come matching would pair the first prediction with gold A
// and leave the second a duplicate; the maximum matching pairs both.
func TestEntityMaximumMatching(t *testing.T) {
	gold := schema.Extraction{Entities: []schema.Entity{
		ent("Alpha Corp", schema.TypeOrganization, "AC"),
		ent("Beta Group", schema.TypeOrganization, "BG"),
	}}
	preds := []schema.Entity{
		ent("Alpha Corp", schema.TypeOrganization, "Beta Group"), // meets both
		ent("AC", schema.TypeOrganization),                       // meets Alpha only
	}
	r := evalOne(gold, schema.Extraction{Entities: preds})
	counts{2, 2, 0, 2, 0, 0}.check(t, "max matching", r.Score(CatEntities, ""))
	// The order of predictions does not change the counts.
	r = evalOne(gold, schema.Extraction{Entities: []schema.Entity{preds[1], preds[0]}})
	counts{2, 2, 0, 2, 0, 0}.check(t, "max matching, reversed", r.Score(CatEntities, ""))
}

func st(speaker, text string) schema.Statement {
	return schema.Statement{Speaker: speaker, Kind: schema.KindIndirect, Text: text}
}

func TestStatementRules(t *testing.T) {
	const (
		t1 = "missiles guarantee our national security and will not be negotiated"
		t2 = "Paris is ready to impose further sanctions on Tehran"
		t3 = "the program is for defensive purposes only"
	)
	gold := schema.Extraction{
		Entities: []schema.Entity{ghassemi, iran, ent("Reuters", schema.TypeOrganization)},
		Statements: []schema.Statement{
			st("Bahram Ghassemi", t1),
			{Speaker: "Reuters", SpeakerAny: []string{"Iran"}, Kind: schema.KindIndirect, Text: t2},
			{Speaker: "Iran", Kind: schema.KindIndirect, Text: t3, Optional: true},
		},
	}
	tests := []struct {
		name          string
		preds         []schema.Statement
		want          counts
		correct, attr int
	}{
		{"exact", []schema.Statement{st("Bahram Ghassemi", t1), st("Reuters", t2)}, counts{2, 2, 0, 2, 0, 0}, 2, 2},
		{"speaker is an alias of the gold speaker", []schema.Statement{st("Qassemi", t1)}, counts{2, 0, 1, 0, 2, 0}, 0, 1},
		{"speaker is a listed alias", []schema.Statement{st("Bahram Qassemi", t1)}, counts{2, 1, 0, 1, 1, 0}, 1, 1},
		{"speaker normalized", []schema.Statement{st("BAHRAM GHASSEMI’S", t1)}, counts{2, 1, 0, 1, 1, 0}, 1, 1},
		{"speaker_any, and its aliases", []schema.Statement{st("Iran", t2), st("Tehran", t2)}, counts{2, 2, 0, 1, 1, 0}, 2, 2},
		{"wrong speaker: false positive, miss, attribution wrong", []schema.Statement{st("Iran", t1)}, counts{2, 0, 1, 0, 2, 0}, 0, 1},
		{"no speaker", []schema.Statement{st("", t1)}, counts{2, 0, 1, 0, 2, 0}, 0, 1},
		{"fragments of one gold statement are each true positives", []schema.Statement{
			st("Ghassemi", "missiles guarantee our national security"), st("Ghassemi", "will not be negotiated")},
			counts{2, 2, 0, 1, 1, 0}, 2, 2},
		{"fragment under 3 shared tokens does not match", []schema.Statement{st("Ghassemi", "not negotiated")},
			counts{2, 0, 1, 0, 2, 0}, 0, 0},
		{"optional gold: ignored with the right speaker", []schema.Statement{st("Tehran", t3)}, counts{2, 0, 0, 0, 2, 1}, 1, 1},
		{"optional gold: wrong speaker is a false positive", []schema.Statement{st("Reuters", t3)}, counts{2, 0, 1, 0, 2, 0}, 0, 1},
		{"no text overlap", []schema.Statement{st("Ghassemi", "something else entirely was said today")}, counts{2, 0, 1, 0, 2, 0}, 0, 0},
	}
	for _, tt := range tests {
		r := evalOne(gold, schema.Extraction{Statements: tt.preds})
		tt.want.check(t, tt.name, r.Score(CatStatements, ""))
		if a := r.Attribution; a.Correct != tt.correct || a.Total != tt.attr {
			t.Errorf("%s: attribution %d/%d, want %d/%d", tt.name, a.Correct, a.Total, tt.correct, tt.attr)
		}
	}
}

// The speaker must itself be a gold form: aliases the prediction lists for
// its own entity do not make it resolve.
func TestStatementSpeakerPredictedAliasesNotUsed(t *testing.T) {
	gold := schema.Extraction{Entities: []schema.Entity{ghassemi}, Statements: []schema.Statement{st("Bahram Ghassemi", "a b c d e")}}
	pred := schema.Extraction{
		Entities:   []schema.Entity{ent("B. Gh.", schema.TypePerson, "Bahram Ghassemi")},
		Statements: []schema.Statement{st("B. Gh.", "a b c d e")},
	}
	r := evalOne(gold, pred)
	counts{1, 0, 1, 0, 1, 0}.check(t, "predicted alias", r.Score(CatStatements, ""))
}

func TestRoleRules(t *testing.T) {
	gold := schema.Extraction{
		Entities: []schema.Entity{ghassemi, iran, ministry, us, ent("Jean-Yves Le Drian", schema.TypePerson, "Le Drian"), ent("Barack Obama", schema.TypePerson)},
		Roles: []schema.Role{
			{Person: "Bahram Ghassemi", Title: "spokesman", Org: "Ministry of Foreign Affairs of Iran", Country: "Iran"},
			{Person: "Jean-Yves Le Drian", Title: "foreign minister", Country: "France"},
			{Person: "Barack Obama", Title: "president", Country: "United States", Optional: true},
		},
	}
	role := func(p, title, org, country string) schema.Role {
		return schema.Role{Person: p, Title: title, Org: org, Country: country}
	}
	tests := []struct {
		name  string
		preds []schema.Role
		want  counts
	}{
		{"exact", []schema.Role{role("Bahram Ghassemi", "spokesman", "Ministry of Foreign Affairs of Iran", "Iran")}, counts{2, 1, 0, 1, 1, 0}},
		{"title contains the gold words", []schema.Role{role("Ghassemi", "Foreign Ministry Spokesman", "", "")}, counts{2, 1, 0, 1, 1, 0}},
		{"title misses a gold word", []schema.Role{role("Le Drian", "minister", "", "France")}, counts{2, 0, 1, 0, 2, 0}},
		{"title words in another order", []schema.Role{role("Le Drian", "minister for foreign affairs", "", "")}, counts{2, 1, 0, 1, 1, 0}},
		{"org resolves through an alias", []schema.Role{role("Ghassemi", "spokesman", "Iran's Foreign Ministry", "Tehran")}, counts{2, 1, 0, 1, 1, 0}},
		{"wrong org", []schema.Role{role("Ghassemi", "spokesman", "Iran Press", "")}, counts{2, 0, 1, 0, 2, 0}},
		{"wrong country", []schema.Role{role("Ghassemi", "spokesman", "", "United States")}, counts{2, 0, 1, 0, 2, 0}},
		{"org given where the gold has none is not checked", []schema.Role{role("Le Drian", "foreign minister", "French foreign ministry", "France")}, counts{2, 1, 0, 1, 1, 0}},
		{"wrong person", []schema.Role{role("Barack Obama", "spokesman", "", "")}, counts{2, 0, 1, 0, 2, 0}},
		{"duplicate role", []schema.Role{role("Ghassemi", "spokesman", "", ""), role("Bahram Ghassemi", "spokesman", "", "Iran")}, counts{2, 1, 1, 1, 1, 0}},
		{"optional role ignored", []schema.Role{role("Obama", "US president", "", "US")}, counts{2, 0, 1, 0, 2, 0}}, // "Obama" is not a gold form
		{"optional role ignored (gold form)", []schema.Role{role("Barack Obama", "US president", "", "US")}, counts{2, 0, 0, 0, 2, 1}},
	}
	for _, tt := range tests {
		r := evalOne(gold, schema.Extraction{Roles: tt.preds})
		tt.want.check(t, tt.name, r.Score(CatRoles, ""))
	}
}

func TestRelationRules(t *testing.T) {
	gold := schema.Extraction{
		Entities: []schema.Entity{jcpoa, iran, us},
		Relations: []schema.Relation{
			{Subject: "Joint Comprehensive Plan of Action", Predicate: "party", Object: "Iran"},
			{Subject: "Joint Comprehensive Plan of Action", Predicate: "party", Object: "United States"},
			{Subject: "Joint Comprehensive Plan of Action", Predicate: "signed", Object: "2015-07-14", Optional: true},
		},
	}
	rel := func(s, p, o string) schema.Relation { return schema.Relation{Subject: s, Predicate: p, Object: o} }
	tests := []struct {
		name  string
		preds []schema.Relation
		want  counts
	}{
		{"exact", []schema.Relation{rel("Joint Comprehensive Plan of Action", "party", "Iran")}, counts{2, 1, 0, 1, 1, 0}},
		{"aliases on both ends, predicate case", []schema.Relation{rel("JCPOA", "Party", "U.S.")}, counts{2, 1, 0, 1, 1, 0}},
		{"wrong predicate", []schema.Relation{rel("JCPOA", "signed", "Iran")}, counts{2, 0, 1, 0, 2, 0}},
		{"wrong object", []schema.Relation{rel("JCPOA", "party", "France")}, counts{2, 0, 1, 0, 2, 0}},
		{"date as string: optional, ignored", []schema.Relation{rel("JCPOA", "signed", "2015-07-14")}, counts{2, 0, 0, 0, 2, 1}},
		{"date differs", []schema.Relation{rel("JCPOA", "signed", "2015-07-15")}, counts{2, 0, 1, 0, 2, 0}},
		{"duplicate", []schema.Relation{rel("JCPOA", "party", "Iran"), rel("Joint Comprehensive Plan of Action", "party", "Tehran")}, counts{2, 1, 1, 1, 1, 0}},
	}
	for _, tt := range tests {
		r := evalOne(gold, schema.Extraction{Relations: tt.preds})
		tt.want.check(t, tt.name, r.Score(CatRelations, ""))
	}
}

func TestScoreArithmetic(t *testing.T) {
	s := Score{Gold: 4, TP: 3, FP: 1, Found: 2, FN: 2}
	s.finish()
	if !approx(s.Precision, 0.75) || !approx(s.Recall, 0.5) || !approx(s.F1, 0.6) || !s.Scored || s.Predicted != 4 {
		t.Errorf("finish: %+v", s)
	}
	empty := Score{}
	empty.finish()
	if empty.Scored || empty.F1 != 0 {
		t.Errorf("empty row: %+v", empty)
	}
	onlyPred := Score{FP: 2}
	onlyPred.finish()
	if !onlyPred.Scored || onlyPred.F1 != 0 || onlyPred.Precision != 0 {
		t.Errorf("predictions without gold: %+v", onlyPred)
	}
}

func TestPairingByBaseName(t *testing.T) {
	gold := &schema.Document{Format: schema.FormatID, Articles: []schema.Extraction{
		{File: "a.txt", Entities: []schema.Entity{iran}},
		{File: "b.txt", Entities: []schema.Entity{us}},
	}}
	preds := []schema.Extraction{
		{File: "some/dir/a.txt", Entities: []schema.Entity{iran}},
		{File: "c.txt", Entities: []schema.Entity{us}},
	}
	r := Evaluate(gold, preds)
	counts{2, 1, 0, 1, 1, 0}.check(t, "pairing", r.Score(CatEntities, ""))
	if len(r.Unpaired) != 1 || r.Unpaired[0] != "c.txt" {
		t.Errorf("unpaired = %v, want [c.txt]", r.Unpaired)
	}
	if r.Articles != 2 {
		t.Errorf("articles = %d, want 2", r.Articles)
	}
}

func seedsGold(t *testing.T) *schema.Document {
	t.Helper()
	d, err := schema.ReadDocument(bytes.NewReader(seeds.Gold))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The gold itself as prediction scores 1.0 everywhere: the proof that the
// scorer and the gold agree.
func TestSeedsGoldAgainstItself(t *testing.T) {
	gold := seedsGold(t)
	r := Evaluate(gold, seedsGold(t).Articles)
	for _, s := range r.Scores {
		if !s.Scored || s.Precision != 1 || s.Recall != 1 || s.F1 != 1 || s.FP != 0 || s.FN != 0 {
			t.Errorf("%s %s: %+v, want 1.0", s.Category, s.Type, s)
		}
	}
	if a := r.Attribution; a.Accuracy != 1 || a.Total != 21 {
		t.Errorf("attribution %+v, want 21/21", a)
	}
	if len(r.Misses) != 0 {
		t.Errorf("misses: %v", r.Misses)
	}
	// The exact tallies, counted by hand from the gold file.
	counts{28, 28, 0, 28, 0, 1}.check(t, "entities", r.Score(CatEntities, ""))
	counts{6, 6, 0, 6, 0, 0}.check(t, "persons", r.Score(CatEntities, schema.TypePerson))
	counts{10, 10, 0, 10, 0, 0}.check(t, "countries", r.Score(CatEntities, schema.TypeCountry))
	counts{8, 8, 0, 8, 0, 1}.check(t, "organizations", r.Score(CatEntities, schema.TypeOrganization))
	counts{4, 4, 0, 4, 0, 0}.check(t, "agreements", r.Score(CatEntities, schema.TypeAgreement))
	counts{18, 18, 0, 18, 0, 3}.check(t, "statements", r.Score(CatStatements, ""))
	counts{5, 5, 0, 5, 0, 1}.check(t, "roles", r.Score(CatRoles, ""))
	counts{7, 7, 0, 7, 0, 1}.check(t, "relations", r.Score(CatRelations, ""))
	if below := r.BelowF1(1); len(below) != 0 {
		t.Errorf("BelowF1(1) = %v", below)
	}
}

// Perturb the gold-as-prediction and check the exact numbers.
func TestSeedsGoldPerturbed(t *testing.T) {
	gold := seedsGold(t)
	pred := seedsGold(t).Articles
	a1, a2 := &pred[0], &pred[1]
	// 1. Drop a statement: one gold statement missed.
	dropped := -1
	for i, s := range a1.Statements {
		if strings.HasPrefix(s.Text, "missiles guarantee") {
			dropped = i
		}
	}
	a1.Statements = append(a1.Statements[:dropped], a1.Statements[dropped+1:]...)
	// 2. Duplicate an entity under its surname: a false positive.
	a1.Entities = append(a1.Entities, ent("Ghassemi", schema.TypePerson))
	// 3. A wrong speaker: a false positive, a miss, an attribution error.
	for i, s := range a2.Statements {
		if strings.HasPrefix(s.Text, "We seek no one") {
			a2.Statements[i].Speaker = "Donald Trump"
		}
	}
	// 4. A role with the wrong country, and a relation dropped.
	for i, r := range a2.Roles {
		if r.Person == "Hassan Rouhani" {
			a2.Roles[i].Country = "United States"
		}
	}
	a2.Relations = a2.Relations[1:]

	r := Evaluate(gold, pred)
	counts{28, 28, 1, 28, 0, 1}.check(t, "entities", r.Score(CatEntities, ""))
	counts{6, 6, 1, 6, 0, 0}.check(t, "persons", r.Score(CatEntities, schema.TypePerson))
	counts{18, 16, 1, 16, 2, 3}.check(t, "statements", r.Score(CatStatements, ""))
	counts{5, 4, 1, 4, 1, 1}.check(t, "roles", r.Score(CatRoles, ""))
	counts{7, 6, 0, 6, 1, 1}.check(t, "relations", r.Score(CatRelations, ""))

	if s := r.Score(CatEntities, ""); !approx(s.Precision, 28.0/29) || !approx(s.Recall, 1) || !approx(s.F1, 56.0/57) {
		t.Errorf("entities P/R/F1 = %v/%v/%v, want 28/29, 1, 56/57", s.Precision, s.Recall, s.F1)
	}
	if s := r.Score(CatStatements, ""); !approx(s.Precision, 16.0/17) || !approx(s.Recall, 16.0/18) || !approx(s.F1, 2*(16.0/17)*(16.0/18)/(16.0/17+16.0/18)) {
		t.Errorf("statements P/R/F1 = %v/%v/%v", s.Precision, s.Recall, s.F1)
	}
	if a := r.Attribution; a.Correct != 19 || a.Total != 20 {
		t.Errorf("attribution %d/%d, want 19/20", a.Correct, a.Total)
	}
	kinds := map[string]int{}
	for _, m := range r.Misses {
		kinds[m.Category+" "+m.Kind]++
	}
	want := map[string]int{
		"entities false_positive":   1,
		"statements false_positive": 1,
		"statements false_negative": 2,
		"roles false_positive":      1,
		"roles false_negative":      1,
		"relations false_negative":  1,
	}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("misses %s = %d, want %d (all: %v)", k, kinds[k], n, kinds)
		}
	}
	if len(r.Misses) != 7 {
		t.Errorf("%d misses, want 7: %v", len(r.Misses), r.Misses)
	}
	// statements 0.914, roles 0.8, relations 0.923; entities 0.982 passes.
	var below []string
	for _, s := range r.BelowF1(0.95) {
		below = append(below, s.Category)
	}
	if strings.Join(below, ",") != "statements,roles,relations" {
		t.Errorf("BelowF1(0.95) = %v, want statements, roles, relations", below)
	}
}
