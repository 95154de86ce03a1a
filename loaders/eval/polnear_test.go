package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsgraph/loaders"
	"newsgraph/schema"
)

func TestInflect(t *testing.T) {
	tests := map[string][]string{
		"say":     {"say", "says", "said", "saying"},
		"tell":    {"tell", "tells", "told", "telling"},
		"write":   {"write", "writes", "wrote", "written", "writing"},
		"add":     {"add", "adds", "added", "adding"},
		"argue":   {"argue", "argues", "argued", "arguing"},
		"deny":    {"deny", "denies", "denied", "denying"},
		"reply":   {"reply", "replies", "replied", "replying"},
		"stress":  {"stress", "stresses", "stressed", "stressing"},
		"admit":   {"admit", "admits", "admitted", "admitting"},
		"testify": {"testify", "testifies", "testified", "testifying"},
		"vow":     {"vow", "vows", "vowed", "vowing"},
		"note":    {"note", "notes", "noted", "noting"},
	}
	for l, want := range tests {
		if got := Inflect(l); !reflect.DeepEqual(got, want) {
			t.Errorf("Inflect(%q) = %q, want %q", l, got, want)
		}
	}
}

func TestIsSpeechCue(t *testing.T) {
	tests := []struct {
		cue  string
		want bool
	}{
		{"said", true}, {"says", true}, {"saying", true}, {"Said:", true},
		{"told", true}, {"added", true}, {"has said", true}, {"said in a statement", true},
		{"told reporters", true}, {"according to", true}, {"According to", true},
		{"claimed", true}, {"warned", true}, {"accused", true}, {"stated", true},
		{"announced", true}, {"argued", true}, {"insisted", true}, {"denied", true},
		{"wrote", true}, {"tweeted", true}, {"pointed out", true}, {"points out", true},
		{"was quoted as saying", true}, {"vowed", true},
		// Not verbs of saying.
		{"believe", false}, {"thinks", false}, {"wants", false}, {"showed", false},
		{"asked", false}, {"called", false}, {"suggested", false}, {"found", false},
		{":", false}, {"in", false}, {"pointed to", false}, {"according", false},
		{"", false}, {"sayings", false},
		// Negated or refused.
		{"declined to comment", false}, {"did not say", false}, {"didn't say", false},
		{"refused to confirm", false}, {"never said", false},
	}
	for _, tt := range tests {
		if got := IsSpeechCue(tt.cue); got != tt.want {
			t.Errorf("IsSpeechCue(%q) = %v, want %v", tt.cue, got, tt.want)
		}
	}
	if n := len(speechVerbForms()); n < 4*len(SpeechLemmas) {
		t.Errorf("%d speech forms for %d lemmas", n, len(SpeechLemmas))
	}
}

func TestSourceHead(t *testing.T) {
	lower := LowerWords("the officials said; critics and military voters agreed")
	tests := []struct {
		src   string
		head  string
		named bool
	}{
		{"Donald Trump", "trump", true},
		{"Trump", "trump", true},
		{"Mr. Trump", "trump", true},
		{"Sen. Ted Cruz (R-Texas)", "cruz", true},
		{"Clinton spokesman Brian Fallon", "fallon", true},
		{"Brian Fallon, a spokesman for Clinton", "fallon", true},
		{"Trump campaign manager Kellyanne Conway", "conway", true},
		{"Hillary Clinton's campaign", "", false},
		{"A Clinton campaign official", "", false},
		{"Trump fans", "", false},
		{"Trump’s Virginia state director, Mike Rubino,", "rubino", true},
		{"FBI and Justice Department", "department", true},
		{"Carson, Fiorina and Huckabee", "carson", true},
		{"Hillary Clinton’s campaign chairman John Podesta", "podesta", true},
		{"The New York Times", "times", true},
		{"Secretary of State John Kerry", "kerry", true},
		{"the FBI", "fbi", true},
		{"Donald Trump Jr.", "jr", true},
		{"the Republican National Committee", "committee", true},
		{"the head of the Republican National Committee", "committee", true},
		{"his wife, Gabriela Violeta Lazar", "lazar", true},
		{"the assailant, John McGraw", "mcgraw", true},
		{"Darran Whiting of Liberty Baptist Church in Marion", "whiting", true},
		{"Speaker of the House Paul Ryan", "ryan", true},
		{"CNN and The New York Times", "times", true},
		{"Podliska’s", "podliska", true},
		{"Sanders'", "sanders", true},
		// Not names.
		{"he", "", false}, {"He", "", false}, {"They", "", false},
		{"a source", "", false}, {"sources", "", false}, {"Sources", "", false},
		{"another source familiar with the matter", "", false},
		{"Officials", "", false}, {"officials", "", false},
		{"the President", "", false}, {"The spokesman", "", false},
		{"Critics", "", false}, // generic, and lower case elsewhere
		{"Republicans", "", false},
		{"Republican lawmakers, who are close to the industries", "", false},
		{"Nine in 10 Democratic registered voters", "", false},
		{"Military analysts", "", false}, // "military" is written in lower case in the article
		{"", "", false},
	}
	for _, tt := range tests {
		head, named := SourceHead(tt.src, lower)
		if head != tt.head || named != tt.named {
			t.Errorf("SourceHead(%q) = %q, %v; want %q, %v", tt.src, head, named, tt.head, tt.named)
		}
	}
	// A sentence-opening word the article also writes in lower case is not
	// a name; without that evidence it is.
	if _, named := SourceHead("Investigators", LowerWords("two investigators saw it")); named {
		t.Error(`"Investigators" is a name although the article writes "investigators"`)
	}
	if _, named := SourceHead("Investigators", nil); !named {
		t.Error(`"Investigators" without lower-case evidence should count as a name`)
	}
}

func TestSpeakerMatchesSource(t *testing.T) {
	tests := []struct {
		speaker, src string
		want         bool
	}{
		{"Donald Trump", "Trump", true},
		{"Donald Trump", "Mr. Trump", true},
		{"Trump", "Donald Trump", true},
		{"Donald J. Trump", "Trump's", true},
		{"Hillary Clinton", "Hillary Clinton's", true},
		{"Hillary Clinton", "Hillary Clinton's campaign", false},
		{"Brian Fallon", "Clinton spokesman Brian Fallon", true},
		{"Hillary Clinton", "Clinton spokesman Brian Fallon", false},
		{"Donald Trump", "Trump campaign manager Kellyanne Conway", false},
		{"Brian Fallon", "Brian Fallon, a spokesman for Clinton", true},
		{"Hillary Clinton", "Brian Fallon, a spokesman for Clinton", false},
		{"New York Times", "The New York Times", true},
		{"The Times", "The New York Times", true},
		{"Ted Cruz", "Sen. Ted Cruz (R-Texas)", true},
		{"Texas", "Sen. Ted Cruz (R-Texas)", false},
		{"Donald Trump", "Donald Trump Jr.", false},
		{"Donald Trump", "he", false},
		{"", "Donald Trump", false},
		{"FBI", "the FBI", true},
		{"Fox News", "Fox News host Sean Hannity", false},
		{"Breitbart", "Breitbart News", true},
		{"Bill Clinton", "Hillary Clinton", false},
		{"Hillary Rodham Clinton", "Hillary Clinton", true},
		{"Jeb Bush", "George W. Bush", false},
		{"Ted Cruz", "Texas Sen. Ted Cruz", true},
		{"Mike Pence", "Indiana Gov. Mike Pence", true},
		{"Senator", "Sen. Ted Cruz", false},
		{"Clinton", "Bill Clinton", true},
		{"Donald Trump Jr.", "Donald Trump Jr.", true},
	}
	for _, tt := range tests {
		if got := SpeakerMatchesSource(tt.speaker, tt.src, nil); got != tt.want {
			t.Errorf("SpeakerMatchesSource(%q, %q) = %v, want %v", tt.speaker, tt.src, got, tt.want)
		}
	}
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "polnear", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseAnn(t *testing.T) {
	text := readFixture(t, "text/art3.txt")
	ats, err := ParseAnn(readFixture(t, "attributions/art3_cccc.ann"), []rune(text))
	if err != nil {
		t.Fatal(err)
	}
	// E3 has no content and is dropped; E4's content is too short to be a
	// statement.
	if len(ats) != 3 {
		t.Fatalf("%d attributions, want 3: %+v", len(ats), ats)
	}
	a, b := ats[0], ats[1]
	if c := ats[2]; c.ContentText != "in June" || c.IsStatement() || !IsSpeechCue(c.CueText) {
		t.Errorf("E4 (2-word content) = %+v, IsStatement %v", c, c.IsStatement())
	}
	// Offsets are code points: the text opens with a 3-byte curly quote.
	if a.ContentText != "The economy is strong, and jobs are growing fast." {
		t.Errorf("content joined from Content and Content2 = %q", a.ContentText)
	}
	if a.SourceText != "the minister" || a.CueText != "said" || a.NoSource || !a.IsStatement() {
		t.Errorf("E1 = %+v", a)
	}
	if len(a.Content) != 2 || a.Content[0] != (schema.Span{Start: 1, End: 23}) {
		t.Errorf("E1 content spans = %v", a.Content)
	}
	if b.ContentText != "the bridge will close in June." || !b.NoSource || b.SourceText != "" || b.CueText != "reported" {
		t.Errorf("E2 (discontinuous span, line break in text, no source) = %+v", b)
	}

	text1 := readFixture(t, "text/art1.txt")
	ats, err = ParseAnn(readFixture(t, "attributions/art1_aaaa.ann"), []rune(text1))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range ats {
		got = append(got, a.SourceText+"|"+a.CueText+"|"+a.ContentText)
	}
	want := []string{
		"Senator Jane Roe|said|the café talks had “completely stalled” over the budget",
		"she|added|We will not sign this agreement,",
		"Officials|said|the deal was dead",
		"the Daily Planet|According to|negotiators are expected to meet again next week",
		"Critics|believe|the plan will fail badly in the end",
		"He|declined to comment|on the matter of the budget talks",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("art1 attributions:\n got %q\nwant %q", got, want)
	}
}

func TestParseAnnErrors(t *testing.T) {
	text := []rune("Iñaki said “yes” to it.")
	tests := []struct {
		ann, want string
	}{
		{"T1\tSource 0 99\tx\n", "beyond the text's 23 characters"},
		{"T1\tSource 5 2\tx\n", "bad offsets"},
		{"T1\tSource five 9\tx\n", "bad offsets"},
		{"T1\tSource\tx\n", "has no offsets"},
		{"T1\tContent 0 5\tIñaki\nE1\tAttribution:T9 Content:T1\n", "unknown span T9"},
		{"E1\tAttribution\n", "bad event argument"},
	}
	for _, tt := range tests {
		_, err := ParseAnn(tt.ann, text)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseAnn(%q) error = %v, want it to mention %q", tt.ann, err, tt.want)
		}
	}
	// 23 code points, 27 bytes: an offset at the end in code points is fine.
	if _, err := ParseAnn("T1\tContent 0 23\tx\n", text); err != nil {
		t.Errorf("span to the last code point: %v", err)
	}
}

func TestLoadPolNeAR(t *testing.T) {
	arts, unannotated, err := LoadPolNeAR(filepath.Join("testdata", "polnear"))
	if err != nil {
		t.Fatal(err)
	}
	if unannotated != 1 || len(arts) != 2 {
		t.Fatalf("%d articles, %d unannotated; want 2, 1", len(arts), unannotated)
	}
	if arts[0].File != "art1.txt" || filepath.Base(arts[0].AnnPath) != "art1_aaaa.ann" || arts[0].Annotators != 2 {
		t.Errorf("art1: %+v (want the lexically first of 2 annotation files)", arts[0])
	}
	if len(arts[0].Statements()) != 4 || len(arts[1].Statements()) != 2 {
		t.Errorf("statements: %d and %d, want 4 and 2", len(arts[0].Statements()), len(arts[1].Statements()))
	}
	if _, _, err := LoadPolNeAR("testdata"); err == nil || !strings.Contains(err.Error(), "not a PolNeAR split") {
		t.Errorf("LoadPolNeAR(testdata) error = %v", err)
	}
}

// fixtureExtractor answers with canned statements per file, read through
// the real loaders.
type fixtureExtractor map[string][]schema.Statement

func (f fixtureExtractor) Extract(a *loaders.Article) schema.Extraction {
	return schema.Extraction{File: a.File, Statements: f[a.File]}
}

func TestRunPolNeAR(t *testing.T) {
	ex := fixtureExtractor{
		"art1.txt": {
			st("Jane Roe", "the café talks had completely stalled over the budget"), // TP, named, right
			st("Daily Planet", "negotiators are expected to meet again next week"),  // TP, named, right
			st("Critics", "the plan will fail badly"),                               // non-speech attribution: ignored
			st("Jane Roe", "something entirely unrelated to anything written here"), // FP
			st("Officials", "the deal was dead"),                                    // TP, source not a name
			st("John Doe", "We will not sign this agreement"),                       // TP, source "she"
			st("Donald Trump", "the café talks had completely stalled"),             // TP, named, wrong
			st("", "on the matter of the budget talks"),                             // negated cue: ignored
		},
		"art3.txt": {
			st("the minister", "The economy is strong and jobs are growing fast"), // TP
		},
	}
	r, err := RunPolNeAR(context.Background(), filepath.Join("testdata", "polnear"), ex, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := PolNeARStats{Articles: 2, Unannotated: 1, MultiAnnotated: 1, Attributions: 9, GoldStatements: 6, TooShort: 1, NamedSource: 2, Predicted: 9}
	if *r.PolNeAR != want {
		t.Errorf("stats = %+v, want %+v", *r.PolNeAR, want)
	}
	counts{6, 6, 1, 5, 1, 2}.check(t, "detection", r.Score(CatStatements, ""))
	if a := r.Attribution; a.Correct != 2 || a.Total != 3 {
		t.Errorf("attribution %d/%d, want 2/3", a.Correct, a.Total)
	}
	var fn []string
	for _, m := range r.Misses {
		if m.Kind == FalseNegative {
			fn = append(fn, m.Item)
		}
	}
	if len(fn) != 1 || !strings.Contains(fn[0], "the bridge will close in June.") {
		t.Errorf("false negatives = %q, want the bridge statement", fn)
	}
}

// The real corpus: counts are sane, the .ann texts agree with our code-point
// slicing, gold-as-prediction scores 1.0, and a split loads in well under a
// second.
func TestPolNeARCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpora", "polnear", "data")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("PolNeAR corpus not found at %s (../shared/corpora/polnear): %v", root, err)
	}
	for _, split := range []struct {
		name             string
		articles, minAnn int
	}{{"train", 840, 15000}, {"dev", 84, 1000}} {
		dir := filepath.Join(root, split.name)
		start := time.Now()
		arts, unannotated, err := LoadPolNeAR(dir)
		if err != nil {
			t.Fatal(err)
		}
		loadTime := time.Since(start)
		if len(arts) != split.articles || unannotated != 0 {
			t.Errorf("%s: %d articles (%d unannotated), want %d", split.name, len(arts), unannotated, split.articles)
		}
		var preds []schema.Extraction
		total, mismatched := 0, 0
		for _, a := range arts {
			x := schema.Extraction{File: a.File}
			for _, g := range a.Statements() {
				x.Statements = append(x.Statements, st(g.SourceText, g.ContentText))
			}
			preds = append(preds, x)
			tn, mm := checkAnnTexts(t, a)
			total += tn
			mismatched += mm
		}
		// Span texts in the .ann files must be what our code-point slicing
		// yields (spans holding line breaks are stored differently).
		if mismatched*100 > total {
			t.Errorf("%s: %d of %d span texts differ from the text slice", split.name, mismatched, total)
		}
		r := EvaluatePolNeAR(arts, preds)
		s := r.PolNeAR
		t.Logf("%s: %d articles (%d multi-annotated), %d attributions, %d gold statements, %d named-source; loaded in %v",
			split.name, s.Articles, s.MultiAnnotated, s.Attributions, s.GoldStatements, s.NamedSource, loadTime)
		if s.Attributions < split.minAnn || s.GoldStatements < s.Attributions/3 || s.GoldStatements > s.Attributions*9/10 {
			t.Errorf("%s: %d gold statements of %d attributions is not sane", split.name, s.GoldStatements, s.Attributions)
		}
		if s.NamedSource < s.GoldStatements/4 || s.NamedSource > s.GoldStatements*9/10 {
			t.Errorf("%s: %d named-source statements of %d is not sane", split.name, s.NamedSource, s.GoldStatements)
		}
		// Gold as prediction: every statement found; the speaker (the
		// source text itself) is judged against the best-overlapping gold
		// statement, which for a few repeated or nested contents is
		// another one.
		det := r.Score(CatStatements, "")
		if det.F1 != 1 || r.Attribution.Accuracy < 0.99 || r.Attribution.Total < s.NamedSource*99/100 {
			t.Errorf("%s: gold as prediction: detection %+v, attribution %+v", split.name, det, r.Attribution)
		}
	}
}

// checkAnnTexts compares the text field of every single-span T line of the
// article's .ann file with the code-point slice of the text.
func checkAnnTexts(t *testing.T, a *PolNeARArticle) (total, mismatched int) {
	t.Helper()
	tb, err := os.ReadFile(a.TextPath)
	if err != nil {
		t.Fatal(err)
	}
	ab, err := os.ReadFile(a.AnnPath)
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(string(tb))
	for _, line := range strings.Split(string(ab), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || !strings.HasPrefix(f[0], "T") || strings.Contains(f[1], ";") {
			continue
		}
		var label string
		var s, e int
		if _, err := fmt.Sscan(f[1], &label, &s, &e); err != nil || e > len(text) {
			continue
		}
		total++
		if string(text[s:e]) != f[2] {
			mismatched++
		}
	}
	return total, mismatched
}

// BenchmarkEvaluatePolNeARTrain loads PolNeAR train and scores its gold
// statements as predictions: the cost of eval --polnear without the
// extractor.
func BenchmarkEvaluatePolNeARTrain(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "polnear", "data", "train")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("PolNeAR corpus not found at %s: %v", dir, err)
	}
	for i := 0; i < b.N; i++ {
		arts, _, err := LoadPolNeAR(dir)
		if err != nil {
			b.Fatal(err)
		}
		var preds []schema.Extraction
		for _, a := range arts {
			x := schema.Extraction{File: a.File}
			for _, g := range a.Statements() {
				x.Statements = append(x.Statements, st(g.SourceText, g.ContentText))
			}
			preds = append(preds, x)
		}
		EvaluatePolNeAR(arts, preds)
	}
}

func TestSpeakerMatchesByAlias(t *testing.T) {
	names := []string{"Federal Bureau of Investigation", "FBI"}
	if !speakerMatches("Federal Bureau of Investigation", names, "the FBI", nil) {
		t.Errorf("the entity's alias FBI should match the source \"the FBI\"")
	}
	if speakerMatches("Federal Bureau of Investigation", nil, "the FBI", nil) {
		t.Errorf("without the alias the canonical name alone should not match \"the FBI\"")
	}
}
