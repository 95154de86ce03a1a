package extract

import (
	"strings"
	"testing"

	"newsgraph/loaders"
)

// statementsOf runs the whole pipeline over a text and lists its
// statements as "speaker | kind | text".
func statementsOf(t *testing.T, x *Extractor, a *loaders.Article) []string {
	t.Helper()
	d := x.Analyze(a)
	var out []string
	for _, s := range d.Statements {
		sp := s.SpeakerText
		if s.Speaker >= 0 {
			sp = d.Entities[s.Speaker].Name
		}
		out = append(out, sp+" | "+s.Kind+" | "+s.Claim(d.Text))
	}
	return out
}

type statementCase struct {
	name, in string
	want     []string
}

func runStatementCases(t *testing.T, cases []statementCase) {
	t.Helper()
	x := New()
	for _, c := range cases {
		got := statementsOf(t, x, &loaders.Article{Text: c.in})
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: %q\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

// TestCuePatterns covers where the claim stands around its cue.
func TestCuePatterns(t *testing.T) {
	const ap = "Ana Petrova"
	runStatementCases(t, []statementCase{
		{"said that", "Foreign Minister Ana Petrova said on Monday that the border would stay open.",
			[]string{ap + " | indirect | the border would stay open."}},
		{"bare clause", "Foreign Minister Ana Petrova said the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"told reporters", "Foreign Minister Ana Petrova told reporters in Sofia that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"quote then speaker", `"The talks failed," Foreign Minister Ana Petrova said.`,
			[]string{ap + " | direct | The talks failed,"}},
		{"quote then said X", `"The talks failed," said Foreign Minister Ana Petrova.`,
			[]string{ap + " | direct | The talks failed,"}},
		{"colon quote", `Foreign Minister Ana Petrova said: "The talks failed. We go home."`,
			[]string{ap + " | direct | The talks failed. We go home."}},
		{"attribution in the middle", `"The talks failed," Foreign Minister Ana Petrova said, "and nobody is surprised."`,
			[]string{ap + " | direct | The talks failed, and nobody is surprised."}},
		{"claim then speaker", "The talks failed, Foreign Minister Ana Petrova said.",
			[]string{ap + " | indirect | The talks failed"}},
		{"claim after a dateline", "SOFIA, March 3 (BTA) - The talks failed, Foreign Minister Ana Petrova said.",
			[]string{ap + " | indirect | The talks failed"}},
		{"claim after a dateline with no date", "SOFIA (Reuters) -- The talks failed, Foreign Minister Ana Petrova said.",
			[]string{ap + " | indirect | The talks failed"}},
		{"unquoted middle", "The talks, Foreign Minister Ana Petrova said, had failed badly.",
			[]string{ap + " | indirect | The talks had failed badly."}},
		{"according to before", "According to Foreign Minister Ana Petrova, the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"according to after", "The talks had failed, according to Foreign Minister Ana Petrova.",
			[]string{ap + " | indirect | The talks had failed"}},
		{"ruled out", "Foreign Minister Ana Petrova has ruled out new talks with the rebels.",
			[]string{ap + " | indirect | ruled out new talks with the rebels."}},
		{"participle", "Foreign Minister Ana Petrova rejected the proposal, saying it ignored the farmers.",
			[]string{ap + " | indirect | rejected the proposal", ap + " | indirect | it ignored the farmers."}},
		{"went on to say", `Foreign Minister Ana Petrova went on to say: "Nobody wants war."`,
			[]string{ap + " | direct | Nobody wants war."}},
		{"mixed", `Foreign Minister Ana Petrova said Bulgaria "will not yield" to pressure.`,
			[]string{ap + " | mixed | Bulgaria \"will not yield\" to pressure."}},
		{"two claims", "Foreign Minister Ana Petrova said the border was open, adding that trucks could pass.",
			[]string{ap + " | indirect | the border was open", ap + " | indirect | trucks could pass."}},
		{"quotation continued", `"The talks failed," Foreign Minister Ana Petrova said. "We will try again in May."`,
			[]string{ap + " | direct | The talks failed,", ap + " | direct | We will try again in May."}},
		{"apposition", "Ana Petrova, the foreign minister, said the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"relative clause", "Ana Petrova, who led the delegation, said the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"shared subject", "Foreign Minister Ana Petrova left the room and said the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"dashes", "Foreign Minister Ana Petrova — who led the delegation — said the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"parenthesis before that", "Foreign Minister Ana Petrova argued — and her deputy agreed — that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"as X said", "As Foreign Minister Ana Petrova said on Monday, the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"claim then as X said", "The talks had failed, as Foreign Minister Ana Petrova said.",
			[]string{ap + " | indirect | The talks had failed"}},
		{"question then asked", `"Who failed?" Foreign Minister Ana Petrova asked reporters. "Not us."`,
			nil},
	})
}

// TestNotStatements covers cue words that attribute nothing.
func TestNotStatements(t *testing.T) {
	runStatementCases(t, []statementCase{
		{"negated", "Foreign Minister Ana Petrova did not say whether the talks would resume.", nil},
		{"declined", "Foreign Minister Ana Petrova declined to say whether the talks would resume.", nil},
		{"passive", "The talks were said to be close to collapse.", nil},
		{"noun", "Her statement was brief and the reports of a deal were premature.", nil},
		{"noun after possessive", "Petrova's claims about the talks were widely shared.", nil},
		{"capitalised", "The United States and the Federated States of Micronesia signed the pact.", nil},
		{"scare quotes", `The so-called "peace dividend" never came.`, nil},
		{"writer", "I said the talks had failed, and we left.", nil},
	})
}

// TestClaimBoundaries covers where a claim ends.
func TestClaimBoundaries(t *testing.T) {
	const ap = "Ana Petrova"
	runStatementCases(t, []statementCase{
		{"whole clause to the end", "Foreign Minister Ana Petrova said that the border would stay open, and that trade would resume.",
			[]string{ap + " | indirect | the border would stay open, and that trade would resume."}},
		{"before according to", "Foreign Minister Ana Petrova said the border was open, according to state radio.",
			[]string{ap + " | indirect | the border was open"}},
		{"before a new named clause", "Foreign Minister Ana Petrova urged both sides to show restraint, and President Ivan Dimov called the rebels on Monday.",
			[]string{ap + " | indirect | both sides to show restraint"}},
		{"nested cue stays inside", "Foreign Minister Ana Petrova said the rebels claimed the town had fallen.",
			[]string{ap + " | indirect | the rebels claimed the town had fallen."}},
		{"quote spans sentences", `Foreign Minister Ana Petrova said: "One. Two. Three."`,
			[]string{ap + " | direct | One. Two. Three."}},
		{"a restrictor before that", "Foreign Minister Ana Petrova would say only that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"a content noun before that", "Foreign Minister Ana Petrova denied media reports that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"a report that", "Foreign Minister Ana Petrova confirmed a report that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"a news agency spoken to", "Foreign Minister Ana Petrova told Kestrel news agency that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"a numbered station spoken to", `Foreign Minister Ana Petrova told Kestrel Radio 4's Morning programme: "The talks failed."`,
			[]string{ap + " | direct | The talks failed."}},
		{"a bare clause after an addressee", "Foreign Minister Ana Petrova told Congress news was bad.",
			[]string{ap + " | indirect | news was bad."}},
		{"in particular that", "Foreign Minister Ana Petrova said in particular that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"a time word owning the claim's subject", "Foreign Minister Ana Petrova said today's rally was due to new export rules.",
			[]string{ap + " | indirect | today's rally was due to new export rules."}},
		{"a scare quote in an apposition", `The KBA, a group of "monetarist" private economists, said that growth would slow.`,
			[]string{"KBA | indirect | growth would slow."}},
		{"a scare quote in a company's description", `Vantrex Corp, a "boutique" chip maker, said that growth would slow.`,
			[]string{"Vantrex Corp | indirect | growth would slow."}},
		{"a dated possessive after the cue", "Foreign Minister Ana Petrova said last week's data showed a slowdown.",
			[]string{ap + " | indirect | last week's data showed a slowdown."}},
		{"no that, the object stays", "Foreign Minister Ana Petrova rejected the claims of the rebels.",
			[]string{ap + " | indirect | rejected the claims of the rebels."}},
	})
}

// TestMoreCues covers cues and attributions added for wire and BBC copy.
func TestMoreCues(t *testing.T) {
	const ap = "Ana Petrova"
	runStatementCases(t, []statementCase{
		{"called with a quotation", `Foreign Minister Ana Petrova called the rebate "unjustified".`,
			[]string{ap + ` | mixed | called the rebate "unjustified".`}},
		{"called without a quotation", "Foreign Minister Ana Petrova called for talks.", nil},
		{"rejected a filing", "The Transport Ministry has rejected Nordair's application to fly the route.", nil},
		{"denied a request for", "The court denied a request for more time on Monday.", nil},
		{"confirmed a bid", "Kestrel Holdings confirmed the takeover bid.", nil},
		{"rejected a filing as", `The Transport Ministry rejected the plan as "reckless".`,
			[]string{`Transport Ministry | mixed | rejected the plan as "reckless".`}},
		{"denied claims", "Foreign Minister Ana Petrova denied the claims.",
			[]string{ap + " | indirect | denied the claims."}},
		{"welcomed a noun", "Foreign Minister Ana Petrova welcomed the announcement.", nil},
		{"dismissed as", `Foreign Minister Ana Petrova dismissed the plan as "desperate".`,
			[]string{ap + ` | mixed | dismissed the plan as "desperate".`}},
		{"said reports that", "Foreign Minister Ana Petrova said reports that troops had crossed were baseless.",
			[]string{ap + " | indirect | reports that troops had crossed were baseless."}},
		{"a phrase after the auxiliary", "Foreign Minister Ana Petrova has in the past said the border must stay open.",
			[]string{ap + " | indirect | the border must stay open."}},
		{"said but did not elaborate", "The talks had stalled, Foreign Minister Ana Petrova said but did not elaborate.",
			[]string{ap + " | indirect | The talks had stalled"}},
		{"said after meeting", "The border will reopen, Foreign Minister Ana Petrova said after meeting her counterpart.",
			[]string{ap + " | indirect | The border will reopen"}},
		{"made it clear", "Foreign Minister Ana Petrova made it clear that action was necessary.",
			[]string{ap + " | indirect | action was necessary."}},
		{"voiced concern", "Foreign Minister Ana Petrova voiced concern that the truce was failing.",
			[]string{ap + " | indirect | the truce was failing."}},
		{"confirmed a bare clause", "Foreign Minister Ana Petrova confirmed the border was closed.",
			[]string{ap + " | indirect | the border was closed."}},
		{"nested attribution", "The council has noted the uneven way the rules are applied, Foreign Minister Ana Petrova said.",
			[]string{ap + " | indirect | The council has noted the uneven way the rules are applied"}},
		{"credit keeps the inner speaker", "Foreign Minister Ana Petrova said the border was closed, the Balkan Wire agency reported.",
			[]string{ap + " | indirect | the border was closed"}},
		{"an apposition after and", `Several states criticised the plan, and the EU envoy to the WTO, Carla Rinaldi, said the bid "must be treated on its merits".`,
			[]string{`Carla Rinaldi | mixed | the bid "must be treated on its merits".`}},
		{"a firm whose name ends in 's, after the claim", "Brandle Rating Agency Inc cut the debt of Oxbow Power. The ruling may help the unit, Brandle's added.",
			[]string{"Brandle Rating Agency Inc | indirect | The ruling may help the unit"}},
		{"a firm whose name ends in 's, before the claim", "Brandle Rating Agency Inc cut the debt of Oxbow Power. But Brandle's said it will watch the case.",
			[]string{"Brandle Rating Agency Inc | indirect | it will watch the case."}},
		{"a participle after a possessive", "The firm's stated aim is growth. Its reported profit rose in May.", nil},
		{"it's said", "It's said that the plant will close.", nil},
		{"a medium and a time before a bare clause", "The Transport Ministry said in a statement today three airlines had agreed to the new rules.",
			[]string{"Transport Ministry | indirect | three airlines had agreed to the new rules."}},
		{"a medium with a participle after it", "The Transport Ministry said in a statement issued by its press office that the airlines had agreed.",
			[]string{"Transport Ministry | indirect | the airlines had agreed."}},
		{"two unnamed groups after the claim", "The new tariff will hurt small growers most, economists and farmers said.",
			[]string{"economists and farmers | indirect | The new tariff will hurt small growers most"}},
		{"two unnamed groups before the claim", "Brokers and dealers said the bond market would stay quiet until May.",
			[]string{"Brokers and dealers | indirect | the bond market would stay quiet until May."}},
		{"an addressee with a complement after a quotation", `"The harbour is too small," Ana Petrova told the yearly meeting of the Varna Pilots Guild in Sofia.`,
			[]string{"Ana Petrova | direct | The harbour is too small,"}},
		{"an addressee with a complement before that", "Ana Petrova told the chairman of the Varna Pilots Guild that the harbour was too small.",
			[]string{"Ana Petrova | indirect | the harbour was too small."}},
		{"an addressee with a complement before a bare clause", "Ana Petrova told a session of the Varna council it would be wrong to close the harbour.",
			[]string{"Ana Petrova | indirect | it would be wrong to close the harbour."}},
		{"a story told is no addressee", "The novel tells the story of a pilot who loses her ship.", nil},
		{"a floating quantifier after a coordination", "Kestrel Holdings and Nordair both said the merger was off.",
			[]string{"Kestrel Holdings | indirect | the merger was off."}},
		{"a floating quantifier after an auxiliary", "Nordair cut 200 jobs. They have all denied any wrongdoing.",
			[]string{"They | indirect | denied any wrongdoing."}},
		{"a floating quantifier in a relative clause", "Police questioned three pilots, who have all denied any wrongdoing.", nil},
	})
}

// TestLocativeCircumstances covers "here", "there" and times between a
// cue and its claim: where and when it was said, not what.
func TestLocativeCircumstances(t *testing.T) {
	const ap = "Ana Petrova"
	runStatementCases(t, []statementCase{
		{"told reporters here that", "Trade Minister Ana Petrova told reporters here that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"said here, bare clause", "Trade Minister Ana Petrova said here the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"there and a time before that", "Trade Minister Ana Petrova told reporters there on Monday that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
		{"there starting the claim", "Trade Minister Ana Petrova said there was no deal.",
			[]string{ap + " | indirect | there was no deal."}},
		{"said here after the claim", "The talks had failed, trade sources said here.",
			[]string{"trade sources | indirect | The talks had failed"}},
		{"here and a time only", "Trade Minister Ana Petrova told reporters here on Wednesday.", nil},
		{"a season", "Trade Minister Ana Petrova said last summer that the talks had failed.",
			[]string{ap + " | indirect | the talks had failed."}},
	})
}

// TestTwoWordClaims: a claim of two words is a statement when it is a
// clause (a subject and a finite verb), whatever the subject's phrase.
func TestTwoWordClaims(t *testing.T) {
	runStatementCases(t, []statementCase{
		{"org title name", "Kestrel Widget Corp President Dan Oates said sales rose.",
			[]string{"Dan Oates | indirect | sales rose."}},
		{"org chairman name", "Acme Chairman Tom Rudd said costs fell.",
			[]string{"Tom Rudd | indirect | costs fell."}},
		{"regular past", "Ana Petrova said talks collapsed.",
			[]string{"Ana Petrova | indirect | talks collapsed."}},
		{"no verb", "Ana Petrova said so too.", nil},
		{"time", "Ana Petrova said last week.", nil},
	})
}
