package extract

import (
	"strings"
	"testing"

	"newsgraph/loaders"
)

func TestCueLexicon(t *testing.T) {
	cases := []struct {
		form, lemma string
		class       cueClass
	}{
		{"said", "say", cueSay},
		{"says", "say", cueSay},
		{"told", "tell", cueTell},
		{"reiterated", "reiterate", cueSay},
		{"emphasised", "emphasize", cueSay},
		{"denied", "deny", cueObject},
		{"ruled", "rule", cueObject},
		{"warned", "warn", cueTell},
	}
	for _, c := range cases {
		cv := cueLexicon[c.form]
		if cv == nil {
			t.Errorf("%q is not a cue", c.form)
			continue
		}
		if cv.Lemma != c.lemma || cv.Class != c.class {
			t.Errorf("%q: lemma %q class %d, want %q %d", c.form, cv.Lemma, cv.Class, c.lemma, c.class)
		}
	}
	for _, w := range []string{"believe", "think", "show", "want", "speaking"} {
		if cueLexicon[w] != nil {
			t.Errorf("%q should not be a speech cue", w)
		}
	}
	if cv := cueLexicon["ruled"]; cv.Particle != "out" {
		t.Errorf("rule needs the particle out, has %q", cv.Particle)
	}
	if !isPastCue("said") || isPastCue("says") || isPastCue("report") || !isPastCue("reported") || isPastCue("saying") {
		t.Error("isPastCue misclassifies")
	}
}

func TestBuildCueLexiconRejectsBadLines(t *testing.T) {
	for _, bad := range []string{"say said | say | assert", "say | speak | assert |", "say | say | assert | loud"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("buildCueLexicon(%q) did not panic", bad)
				}
			}()
			buildCueLexicon(bad)
		}()
	}
}

// TestNounFormsNeedThat checks that verb forms which are also nouns are
// cues only before "that", a colon or a quotation.
func TestNounFormsNeedThat(t *testing.T) {
	x := New()
	for in, n := range map[string]int{
		"The committee states the rules every year.":         0,
		"The committee states that the rules are clear.":     1,
		"The ministry report said the talks had failed.":     1,
		"Officials in several states said the law was void.": 1,
	} {
		d := x.Analyze(&loaders.Article{Text: in})
		if len(d.Statements) != n {
			t.Errorf("%q: %d statements, want %d", in, len(d.Statements), n)
		}
	}
}

// TestRecordStatements checks the record: a claim with an attribution in
// its middle leaves it out of the text and of the mentions.
func TestRecordStatements(t *testing.T) {
	x := New()
	a := &loaders.Article{Text: `"Greece knows the rules," Foreign Minister Ana Petrova said on Monday, "and Bulgaria will apply them."`}
	rec := x.Extract(a)
	if len(rec.Statements) != 1 {
		t.Fatalf("%d statements, want 1: %+v", len(rec.Statements), rec.Statements)
	}
	s := rec.Statements[0]
	if s.Text != "Greece knows the rules, and Bulgaria will apply them." {
		t.Errorf("text %q", s.Text)
	}
	if s.Speaker != "Ana Petrova" || s.Kind != "direct" || s.Cue != "said" || s.Rule != "middle-quote" {
		t.Errorf("statement %+v", s)
	}
	if strings.Join(s.Mentions, ",") != "Greece,Bulgaria" {
		t.Errorf("mentions %q, want Greece and Bulgaria only", s.Mentions)
	}
	if s.Span == nil || []rune(a.Text)[s.Span.Start] != 'G' {
		t.Errorf("span %+v does not start at the claim", s.Span)
	}
}
