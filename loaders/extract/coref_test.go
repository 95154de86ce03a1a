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
		{"an unnamed member speaks for the country", `"The border is open," said a Bulgarian official.`,
			[]string{"Bulgaria"}},
		{"several members are not the country", `"The border is open," said several Bulgarian officials.`,
			[]string{"several Bulgarian officials"}},
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
		// A place is no speaker where a company named after it speaks.
		{"place as a company's short name", "Phoenix Tubing Corp said sales rose by ten pct. Phoenix said it would hire more staff in Phoenix.",
			[]string{"Phoenix Tubing Corp", "Phoenix Tubing Corp"}},
		{"the company of that name and a legal form", "Kestrel Pacific Ltd said profits rose by ten pct. Kestrel Pacific Airways Ltd grew too. Kestrel Pacific said costs fell by five pct.",
			[]string{"Kestrel Pacific Ltd", "Kestrel Pacific Ltd"}},
		{"a company of a place", "Kestrel Holding BV of Rotterdam said it has licensed its patents to a rival.",
			[]string{"Kestrel Holding BV"}},
		{"a group of a city and its state", "An investor group based in Fort Worth, Texas, said it lowered its stake in the company.",
			[]string{"investor group"}},
		{"a place made a modifier names nothing", "The New York-based bank said it would cut rates by half a point.",
			[]string{"New York-based bank"}},
		{"a company after a place made a modifier", "North Carolina-based Kestrel Inc said it would hire more workers.",
			[]string{"Kestrel Inc"}},
		{"a medium a place qualifies", "Storms in the south killed two people and damaged crops, a Hong Kong newspaper reported.",
			[]string{"Hong Kong newspaper"}},
		{"places joined under one preposition", "Newspapers in Manila and Hong Kong reported that an offer had been made for the firm.",
			[]string{"Newspapers in Manila and Hong Kong"}},
		{"a place's own government", "The City of Boston said it would raise fares next year.",
			[]string{"City of Boston"}},
		{"a place qualifying the body a spokesman speaks for", "Rates fell to five pct, a spokesman for the New York Fed said.",
			[]string{"Federal Reserve"}},
		// A description by age, rank or sport is the person in focus.
		{"a sports description", "Marta Kolbe reached the final in Oslo. The two-time champion said she felt strong.",
			[]string{"Marta Kolbe"}},
		{"an age and a rank", `Marta Kolbe beat Ilse Brandt in two sets. "I am ready," said the 27-year-old world number one.`,
			[]string{"Marta Kolbe"}},
		{"an age alone", "Marta Kolbe won in Oslo. The 27-year-old added that her knee had healed.",
			[]string{"Marta Kolbe"}},
		// A fronted circumstance is no part of the speaker.
		{"a place after a fronted participle", "Only last year she ruled it out, but speaking in Madrid Ilse Vandermeer admitted she was tired.",
			[]string{"Ilse Vandermeer"}},
		{"a place after a sentence-initial preposition", "In Madrid Ilse Vandermeer said she was tired.",
			[]string{"Ilse Vandermeer"}},
		{"a quantifier after a fronted place", "In France and Italy many of those interviewed said they would vote for the plan.",
			[]string{"many of those interviewed"}},
		{"an age and a nationality is no country", `Anna Lindqvist won the slalom. "It was hard," the 24-year-old Swiss added.`,
			[]string{"Anna Lindqvist"}},
		// A name qualifying a person noun: the person in focus, not the
		// place, the team or the country.
		{"a constituency before MP", `Maria Lopez, who sits for Leeds, spoke at the hearing. "Crime is falling," the Leeds MP told the committee.`,
			[]string{"Maria Lopez"}},
		{"a club before its player", "Tomas Berg scored twice on Sunday. The Rovers wing insisted the goal was fair.",
			[]string{"Tomas Berg"}},
		{"a nationality and a field before expert", "Rival tests were run by Tomas Berg in Ohio. The Canadian forensics expert said the samples had been mixed up.",
			[]string{"Tomas Berg"}},
		{"a nationality before expert with no one in focus", "The Canadian forensics expert said the samples had been mixed up.",
			[]string{"Canadian forensics expert"}},
		{"a newspaper's name is no description", "Tomas Berg filed the bill on Monday, according to the Ohio Star.",
			[]string{"Ohio Star"}},
		// A country qualifying a noun is an adjective, no referent of "it".
		{"a country before a person's title", "The Danish investor Lars Holm bought the Tarvik Group in May. It said profits would double.",
			[]string{"Tarvik Group"}},
		{"a country before a firm's trade", "A Danish copper firm, Orvel Mining, cut jobs on Monday. It said output would double.",
			[]string{"Orvel Mining"}},
		{"a team's title stays a role", "Tomas Berg scored twice for Denmark. Coach Lars Holm watched from the stand. The Denmark coach said the team was tired.",
			[]string{"Lars Holm"}},
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

// TestGenericSpeakers covers generic references to organizations and
// countries as speakers, spokespeople speaking for their body, documents
// speaking for their author, and pronouns that continue an unnamed source.
func TestGenericSpeakers(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"the company", "Quorvex Systems Inc said it sold 200,000 shares to Halden Corp. The company said the sale closed on Friday.",
			[]string{"Quorvex Systems Inc", "Quorvex Systems Inc"}},
		{"the firm after a descriptor", "Dutch chip maker Velstra has reported its best quarter. The firm said demand for memory chips grew.",
			[]string{"Velstra", "Velstra"}},
		{"a country's company", "Quorvex Systems Inc said it would buy Halden Corp. The US company said the deal would close in May.",
			[]string{"Quorvex Systems Inc", "Quorvex Systems Inc"}},
		{"the bank", "Brightwater Savings Bank said profits rose sharply. The bank said loan losses fell.",
			[]string{"Brightwater Savings Bank", "Brightwater Savings Bank"}},
		{"the government", "Bulgaria raised fuel taxes on Monday. The government said the money would pay for roads.",
			[]string{"Bulgaria"}},
		{"the country's government", "Greece and Bulgaria met in Sofia. The Greek government said the talks went well.",
			[]string{"Greece"}},
		{"a company spokesman", "Velstra Corp cut 300 jobs. A company spokesman said more cuts were not planned.",
			[]string{"Velstra Corp"}},
		{"an organization's spokesman", "An EU spokesman in Washington dismissed the complaint as weak.",
			[]string{"European Union"}},
		{"a spokesman for a person", "Prime Minister Dana Whitfield met the envoy. A spokesman for Ms Whitfield said the talks were useful.",
			[]string{"Dana Whitfield"}},
		{"the spokesman, no spokesperson named", "The Danube Shipping Union called a strike on Monday. The spokesman said talks had failed.",
			[]string{"Danube Shipping Union"}},
		{"the report's author", "The Kestrel Institute published a report on Monday. The report said growth would slow.",
			[]string{"Kestrel Institute"}},
		{"he after an unnamed source", `"Rates will fall," one dealer said. "Then they will rise again," he added.`,
			[]string{"one dealer", "one dealer"}},
		{"he after a country's spokesman", "The Bulgarian spokesman said the border was open. He said trucks could pass.",
			[]string{"Bulgaria", "Bulgaria"}},
		{"she after a spokeswoman of a body whose name holds a connector", `The college hired Mark Dole as chief executive. A Department for Transport spokeswoman said the venture had been bold. She added: "We learnt a lot."`,
			[]string{"Department for Transport", "Department for Transport"}},
		{"they after a group", "European leaders have blamed the US for the rise of the euro. US officials were talking up the dollar, they said.",
			[]string{"European leaders"}},
		{"they after a group, a sentence between", "Some dealers said the rally was due to Chile's new export rules. This had been expected by the market. However, the trend remains down, they said.",
			[]string{"dealers", "dealers"}},
		{"the companies", "Skyvance and Halden Systems, the two aerospace firms, welcomed the plan. The companies said in a statement that talks were better than lawsuits.",
			[]string{"Skyvance"}},
		{"a role named ahead of the name", "Kuwait's oil minister said there were no plans for a meeting. Sheikh Omar al-Harbi was quoted by the daily al-Watani as saying no member had asked for one.",
			[]string{"Omar al-Harbi", "Omar al-Harbi"}},
		{"a body of an organization", "A World Trade Organization dispute panel ruled on Wednesday that the ban breaks trade rules. The panel said the ban could not be justified.",
			[]string{"World Trade Organization", "World Trade Organization"}},
		{"officials in a capital", "Bulgaria will appeal. Officials in Sofia said the ruling was unfair.",
			[]string{"Bulgaria"}},
		{"a news agency", "According to Japan's Kyodo news agency, the ministers agreed to share radar data.",
			[]string{"Kyodo"}},
		{"a person's spokesman", "Prime Minister Dana Whitfield's official spokesman said the talks would go on.",
			[]string{"Dana Whitfield"}},
		{"a member of a named body", "One economist at the Kestrel Banking Association said rates would rise.",
			[]string{"Kestrel Banking Association"}},
		{"a qualified unnamed member", `"The border is open," said a senior ECOWAS official.`,
			[]string{"Economic Community of West African States"}},
		{"a document's author", "A survey conducted by the Kestrel Institute said most voters backed the plan.",
			[]string{"Kestrel Institute"}},
		{"the name before an apposition in dashes", "John Marek, the chief executive of Ora Vision -- the company that makes the show -- told reporters that sales were up.",
			[]string{"John Marek"}},
		{"the paper", "The London-based daily Al-Wasat al-Jadid said the talks had failed. The paper said the deal was signed in Khartoum.",
			[]string{"Al-Wasat al-Jadid", "Al-Wasat al-Jadid"}},
		{"it in a relative clause", "The US has asked the WTO to investigate Bulgarian tariffs, which it says are unfair and hamper trade.",
			[]string{"United States"}},
	}
	x := New()
	for _, c := range cases {
		got := speakersOf(t, x, &loaders.Article{Text: c.in})
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

// TestCataphoricRole checks that a role noun whose holder is named right
// after gives that person the role.
func TestCataphoricRole(t *testing.T) {
	d := analyze(t, "Bulgaria's energy minister said prices would rise. Ivan Petrov told reporters that gas was short.")
	New().findStatements(d)
	got := strings.Join(roleList(d), ";")
	if got != "Ivan Petrov|energy minister||Bulgaria" {
		t.Errorf("roles %q", got)
	}
}

// TestRoleInFocus: a role phrase that denotes a person is the one in focus
// for a pronoun after it, not a person named further back.
func TestRoleInFocus(t *testing.T) {
	const body = "Mark Dalby, the opposition leader, attacked the plan on Monday. The vote prompted the prime minister to say the budget was fair. He told MPs the deficit would fall."
	cases := []struct {
		name, in string
		want     []string
	}{
		{"unnamed holder", body, []string{"prime minister"}},
		{"the holder named before", "Budget row\n\nPrime Minister Peter Novak arrived in Oslo on Sunday.\n\n" + body, []string{"Peter Novak"}},
		{"the chief executive", "Bulgarian President Ivan Dimov arrived in Sofia on Monday. Analysts asked the chief executive about the deal. He said sales would rise.", []string{"chief executive"}},
		{"a person named before the role", "Peter Novak arrived on Monday. Bulgarian President Ivan Dimov met the prime minister in Sofia. He said the talks had failed.", []string{"Ivan Dimov"}},
		{"no office", "Bulgarian President Ivan Dimov arrived in Sofia on Monday. He was asked to back the Republican nominee. He said the talks had failed.", []string{"Ivan Dimov"}},
	}
	x := New()
	for _, c := range cases {
		got := speakersOf(t, x, &loaders.Article{Text: c.in})
		if strings.Join(got, ";") != strings.Join(c.want, ";") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
