package extract

import (
	"testing"
	"time"

	"newsgraph/loaders"
)

// TestActs checks the act of statements: from the cue verb when it carries
// one, from the claim's wording when the cue is neutral.
func TestActs(t *testing.T) {
	cases := []struct{ in, want string }{
		// Cue verbs.
		{"Bulgaria denied that its troops had crossed the border.", ActDeny},
		{"Bulgaria rejected the proposal as incomplete.", ActReject},
		{"Bulgaria threatened to close the border.", ActThreaten},
		{"Bulgaria warned that the river could flood.", ActWarn},
		{"Bulgaria demanded that Greece publish the data.", ActDemand},
		{"Bulgaria urged Greece to publish the data.", ActAppeal},
		{"Bulgaria accused Greece of hiding the data.", ActAccuse},
		{"Bulgaria criticized the decision to close the port as unlawful.", ActCriticize},
		{"Bulgaria promised that the port would reopen.", ActPromise},
		{"Bulgaria welcomed the decision to reopen the port as a step towards peace.", ActSupport},
		{"Bulgaria admitted that the survey had been delayed.", ActAdmit},
		{"Bulgaria predicted that the dispute would end soon.", ActPredict},
		{"Bulgaria said the port would reopen in May.", ActAssert},
		// Neutral cues, judged by the claim.
		{"Bulgaria said its missile program is not negotiable.", ActReject},
		{"Bulgaria said the reports were baseless.", ActDeny},
		{"Bulgaria said it was ready to impose sanctions if the talks failed.", ActThreaten},
		{"Bulgaria said Greece was responsible for the flood.", ActAccuse},
		{"Bulgaria said the decision goes against the spirit of the treaty.", ActCriticize},
		{"Bulgaria said Greece must stop the dredging.", ActDemand},
		{"Bulgaria said the dredging could lead to a disaster.", ActWarn},
		{"Bulgaria said it called on all sides to show restraint.", ActAppeal},
		{"Bulgaria said: \"We will defend our border.\"", ActPromise},
		{"Bulgaria said it fully supports the plan.", ActSupport},
		{"Bulgaria said it does not support the plan.", ActAssert},
	}
	x := New()
	for _, c := range cases {
		d := x.Analyze(&loaders.Article{Text: c.in})
		if len(d.Statements) != 1 {
			t.Errorf("%q: %d statements, want 1", c.in, len(d.Statements))
			continue
		}
		if got := d.Statements[0].Act; got != c.want {
			t.Errorf("%q: act %s, want %s", c.in, got, c.want)
		}
	}
}

// TestActsDocumented checks that every act the lexicon or the wording
// table gives is in the documented taxonomy.
func TestActsDocumented(t *testing.T) {
	known := map[string]bool{}
	for _, a := range Acts {
		known[a] = true
	}
	for w, cv := range cueLexicon {
		if !known[cv.Act] {
			t.Errorf("cue %q has undocumented act %q", w, cv.Act)
		}
	}
	for _, g := range actTriggers {
		if !known[g.act] {
			t.Errorf("wording group has undocumented act %q", g.act)
		}
	}
}

// TestStatementDates checks relative dates in the attribution resolved
// against the publication date (a Friday).
func TestStatementDates(t *testing.T) {
	pub := "2023-11-17"
	cases := []struct{ in, want string }{
		{"Bulgaria said on Tuesday that the port would reopen.", "2023-11-14"},
		{"On Friday, Bulgaria said the port would reopen.", "2023-11-17"},
		{"Bulgaria said last Friday that the port would reopen.", "2023-11-10"},
		{"Bulgaria said yesterday that the port would reopen.", "2023-11-16"},
		{"Bulgaria said today that the port would reopen.", "2023-11-17"},
		{"Bulgaria said last week that the port would reopen.", "2023-11-06"},
		{"Earlier this month, Bulgaria said the port would reopen.", "2023-11-01"},
		{"Bulgaria said last month that the port would reopen.", "2023-10-01"},
		{"Bulgaria said on October 30 that the port would reopen.", "2023-10-30"},
		{"Bulgaria said on December 30 that the port would reopen.", "2022-12-30"},
		{"Bulgaria said on July 14, 2015 that the port would reopen.", "2015-07-14"},
		// Dates inside the claim are not the statement's.
		{"Bulgaria said the port would reopen on Monday.", ""},
		// A day that is part of a name.
		{"After Super Tuesday, Bulgaria said the port would reopen.", ""},
	}
	x := New()
	for _, c := range cases {
		d := x.Analyze(&loaders.Article{Text: c.in, Published: pub})
		if len(d.Statements) != 1 {
			t.Errorf("%q: %d statements, want 1", c.in, len(d.Statements))
			continue
		}
		if got := d.Statements[0].Date; got != c.want {
			t.Errorf("%q: date %q, want %q", c.in, got, c.want)
		}
	}
	// Without a publication date only dates with a year resolve.
	for in, want := range map[string]string{
		"Bulgaria said on Tuesday that the port would reopen.":            "",
		"Bulgaria said on July 14, 2015 that the port would reopen.":      "2015-07-14",
		"Bulgaria said yesterday that the port would reopen on Thursday.": "",
	} {
		d := x.Analyze(&loaders.Article{Text: in})
		if len(d.Statements) != 1 || d.Statements[0].Date != want {
			t.Errorf("no publication date: %q gives %+v, want date %q", in, d.Statements, want)
		}
	}
}

func TestResolveDay(t *testing.T) {
	pub := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		year, month, day int
		want             string
	}{
		{0, 2, 28, "2023-02-28"},
		{0, 3, 2, "2022-03-02"},
		{2020, 2, 29, "2020-02-29"},
		{2021, 2, 29, ""},
		{0, 4, 31, ""},
	} {
		got, _ := resolveDay(pub, c.year, c.month, c.day)
		if got != c.want {
			t.Errorf("resolveDay(%d, %d, %d) = %q, want %q", c.year, c.month, c.day, got, c.want)
		}
	}
}
