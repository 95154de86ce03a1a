package extract

import (
	"strings"
	"testing"

	"newsgraph/loaders"
)

// speakersOf lists the speakers of a text's statements.
func speakersOf(t *testing.T, x *Extractor, a *loaders.Article) []string {
	t.Helper()
	var out []string
	for _, s := range statementsOf(t, x, a) {
		out = append(out, strings.SplitN(s, " | ", 2)[0])
	}
	return out
}

// TestSpeakerResolution covers pronouns, role nouns, organizations and
// countries as speakers, and unnamed sources.
func TestSpeakerResolution(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"he after a name", "Bulgarian President Ivan Dimov arrived in Sofia on Monday. He said the talks had failed.",
			[]string{"Ivan Dimov"}},
		{"she after a statement", `"We are ready," Foreign Minister Ana Petrova said. She added that the border was open.`,
			[]string{"Ana Petrova", "Ana Petrova"}},
		{"he after another speaker", "Foreign Minister Ana Petrova said the border was open. President Ivan Dimov said trucks could pass. He added that the queue was short.",
			[]string{"Ana Petrova", "Ivan Dimov", "Ivan Dimov"}},
		{"pronoun ignores people quoted", `Ivan Dimov said: "Ana Petrova is wrong." He added that the talks would go on.`,
			[]string{"Ivan Dimov", "Ivan Dimov"}},
		{"role noun", "Bulgarian Foreign Ministry spokesman Georgi Marinov spoke in Sofia. The spokesman said the border was open.",
			[]string{"Georgi Marinov"}},
		{"role noun with a country", "Greek government spokesman Nikos Alexiou met Bulgarian government spokesman Georgi Marinov. The Greek spokesman said the talks went well.",
			[]string{"Nikos Alexiou"}},
		{"country", "Bulgaria has also stressed that the border is open.",
			[]string{"Bulgaria"}},
		{"capital for its government", "Sofia said the border was open.",
			[]string{"Bulgaria"}},
		{"unnamed", "Officials said the border was open.",
			[]string{"Officials"}},
		{"unnamed group of a country", "Bulgarian officials said the border was open.",
			[]string{"Bulgaria"}},
		{"one member is not the group", `"The border is open," said a Bulgarian official.`,
			[]string{"Bulgarian official"}},
		{"according to a report", "According to a Danube Press Agency report, diplomats said that the border was open.",
			[]string{"Danube Press Agency"}},
		{"quoting as saying", "A Danube Press Agency report quoted anonymous diplomats as saying that the border was open.",
			[]string{"Danube Press Agency"}},
		{"name missed by the entity stage", "Zephyrine Okonkwo-Larsen, a local activist, said the border was open.",
			[]string{"Zephyrine Okonkwo-Larsen"}},
		{"names that look like adverbs", "Columnist Marta Kelly wrote that the border was open. Columnist Tomas Daly wrote that it was closed.",
			[]string{"Marta Kelly", "Tomas Daly"}},
		{"name inside dashes", "A former minister -- Ivan Dimov, who left office in May -- said the border was open.",
			[]string{"Ivan Dimov"}},
	}
	x := New()
	for _, c := range cases {
		got := speakersOf(t, x, &loaders.Article{Text: c.in})
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

// TestPublisherCredit checks that "..., <publisher> reported" never takes
// the speaker's place, and that the publisher speaks when no one else does.
func TestPublisherCredit(t *testing.T) {
	x := New()
	a := &loaders.Article{Source: "Balkan Wire", Text: "Bulgarian Foreign Ministry spokesman Georgi Marinov spoke in Sofia.\n\n" +
		`The spokesman went on to say: "Nobody wants a war," Balkan Wire reported.` + "\n\n" +
		`"Three trucks crossed the border," Balkan Wire reported.` + "\n\n" +
		"The spokesman said the border would stay open, Balkan Wire reported."}
	got := statementsOf(t, x, a)
	want := []string{
		"Georgi Marinov | direct | Nobody wants a war,",
		"Balkan Wire | direct | Three trucks crossed the border,",
		"Georgi Marinov | indirect | the border would stay open",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
