package extract

import (
	"slices"
	"strings"
	"testing"

	"newsgraph/loaders"
	"newsgraph/schema"
)

// analyze runs the stages up to the entity stage.
func analyze(t *testing.T, text string) *Doc {
	t.Helper()
	return analyzeArticle(&loaders.Article{Text: text})
}

func analyzeArticle(a *loaders.Article) *Doc {
	d := &Doc{Text: a.Text, Title: a.Title, Source: a.Source}
	d.Tokens = tokenize(d.Text)
	unwrapLines(d)
	splitSentences(d)
	New().findEntities(d)
	return d
}

// findEntity returns the entity of a type whose name or an alias is name.
func findEntity(d *Doc, typ, name string) *Entity {
	for _, e := range d.Entities {
		if (typ == "" || e.Type == typ) && (e.Name == name || slices.Contains(e.Aliases, name)) {
			return e
		}
	}
	return nil
}

func entityList(d *Doc) string {
	var parts []string
	for _, e := range d.Entities {
		s := e.Type + ":" + e.Name
		if len(e.Aliases) > 0 {
			s += "{" + strings.Join(e.Aliases, "|") + "}"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

type want struct{ typ, name string }

func checkEntities(t *testing.T, text string, wants []want, nots []string) {
	t.Helper()
	d := analyze(t, text)
	for _, w := range wants {
		e := findEntity(d, w.typ, w.name)
		if e == nil {
			t.Errorf("%q\n  want %s %q\n  got %s", text, w.typ, w.name, entityList(d))
		}
	}
	for _, n := range nots {
		for _, e := range d.Entities {
			if e.Name == n || slices.Contains(e.Aliases, n) {
				t.Errorf("%q\n  %q must not be an entity; got %s", text, n, entityList(d))
			}
		}
	}
}

func TestCountryForms(t *testing.T) {
	cases := []struct {
		text  string
		wants []want
		nots  []string
	}{
		{"Britain and the U.S. agreed, the USA said.", []want{{schema.TypeCountry, "United Kingdom"}, {schema.TypeCountry, "United States"}}, nil},
		{"Officials met in Great Britain and the United States of America.", []want{{schema.TypeCountry, "United Kingdom"}, {schema.TypeCountry, "United States"}}, nil},
		{"Iranian officials held talks between Tehran and Paris with French diplomats.", []want{{schema.TypeCountry, "Iran"}, {schema.TypeCountry, "France"}}, nil},
		{"Moscow said on Monday it would respond.", []want{{schema.TypeCountry, "Russia"}}, nil},
		{"Tehran has signaled it is open to talks.", []want{{schema.TypeCountry, "Iran"}}, nil},
		{"The People's Republic of China and the Russian Federation voted.", []want{{schema.TypeCountry, "China"}, {schema.TypeCountry, "Russia"}}, nil},
		{"A festival opened in Vienna with dancers.", []want{{schema.TypeLocation, "Vienna"}}, []string{"Austria"}},
		{"German and Japanese carmakers gained.", []want{{schema.TypeCountry, "Germany"}, {schema.TypeCountry, "Japan"}}, nil},
		{"The Islamic Republic of Iran warned. No one can stop the Islamic Republic, he said.", []want{{schema.TypeCountry, "Iran"}}, []string{"Islamic Republic "}},
		{"N.Z. inflation fell, the U.K. said.", []want{{schema.TypeCountry, "New Zealand"}, {schema.TypeCountry, "United Kingdom"}}, nil},
		{"Tens of thousands rallied in Cote d'Ivoire and Timor-Leste.", []want{{schema.TypeCountry, "Ivory Coast"}, {schema.TypeCountry, "East Timor"}}, nil},
	}
	for _, c := range cases {
		checkEntities(t, c.text, c.wants, c.nots)
	}
	// A capital standing for a named country is its alias, not a place.
	d := analyze(t, "Iran rejected the plan. Talks between Tehran and Paris continue, France said.")
	if e := findEntity(d, schema.TypeCountry, "Iran"); e == nil || !slices.Contains(e.Aliases, "Tehran") {
		t.Errorf("Tehran should be an alias of Iran: %s", entityList(d))
	}
	if findEntity(d, schema.TypeLocation, "Tehran") != nil {
		t.Errorf("Tehran should not be a place: %s", entityList(d))
	}
}

func TestOrganizations(t *testing.T) {
	cases := []struct {
		text  string
		wants []want
		nots  []string
	}{
		{"The UN Security Council and NATO met; the IAEA and OPEC did not.", []want{
			{schema.TypeOrganization, "United Nations Security Council"}, {schema.TypeOrganization, "North Atlantic Treaty Organization"},
			{schema.TypeOrganization, "International Atomic Energy Agency"}, {schema.TypeOrganization, "Organization of the Petroleum Exporting Countries"}}, nil},
		{"Experts at the Anti-Fraud Working group and the Kestrel Steering committee met.", []want{
			{schema.TypeOrganization, "Anti-Fraud Working group"}, {schema.TypeOrganization, "Kestrel Steering committee"}}, nil},
		{"The WHO warned, while the who of it was unclear.", []want{{schema.TypeOrganization, "World Health Organization"}}, nil},
		{"The prize came from the San Diego Quilting Association and the New York Chess Society.", []want{
			{schema.TypeOrganization, "San Diego Quilting Association"}, {schema.TypeOrganization, "New York Chess Society"}}, []string{"San Diego", "New York"}},
		{"Bristol Rovers beat Oxford United at home.", []want{
			{schema.TypeOrganization, "Bristol Rovers"}, {schema.TypeOrganization, "Oxford United"}}, nil},
		{"Police in New York said the Chicago Tribune was wrong.", []want{{schema.TypeLocation, "New York"}}, nil},
		{"The Northern Farmers Association and the Kestrel Valley Party joined Brindle Corp.", []want{
			{schema.TypeOrganization, "Northern Farmers Association"}, {schema.TypeOrganization, "Kestrel Valley Party"}, {schema.TypeOrganization, "Brindle Corp."}}, nil},
		{"Staff at the University of Tarn and the Marlow Institute for Peace Studies protested.", []want{
			{schema.TypeOrganization, "University of Tarn"}, {schema.TypeOrganization, "Marlow Institute for Peace Studies"}}, nil},
		{"The Islamic Revolutionary Guard Corps (IRGC) fired. The IRGC said it was a drill.", []want{{schema.TypeOrganization, "IRGC"}}, nil},
		{"The Government said the Police would act.", nil, []string{"Government", "Police"}},
		{"The court met at the High Court on Thursday.", []want{{schema.TypeOrganization, "High Court"}}, []string{"High Court on Thursday"}},
		// Rating agencies, brokers and banks named after their founders.
		{"S and P said it cut the rating of the bonds.", []want{{schema.TypeOrganization, "Standard & Poor's"}}, []string{"P"}},
		{"Analysts at Smith Barney and Kidder Peabody said the shares were cheap.", []want{
			{schema.TypeOrganization, "Smith Barney"}, {schema.TypeOrganization, "Kidder Peabody"}}, nil},
		{"The offering is managed by Donaldson, Lufkin and Jenrette Securities Corp.", []want{
			{schema.TypeOrganization, "Donaldson Lufkin & Jenrette"}}, []string{"Securities Corp."}},
		{"New Labour was a success, he said.", []want{{schema.TypeOrganization, "Labour Party"}}, nil},
		// Common words joined by "and" before an organization's head.
		{"The company filed its plan with the Securities and Exchange Commission. The Food and Drug Administration approved the drug.", []want{
			{schema.TypeOrganization, "Securities and Exchange Commission"}, {schema.TypeOrganization, "Food and Drug Administration"}}, []string{"Exchange Commission", "Drug Administration"}},
		{"The bill went to the House Ways and Means Committee. Kestrel Savings and Loan Association said it lost money.", []want{
			{schema.TypeOrganization, "House Ways and Means Committee"}, {schema.TypeOrganization, "Kestrel Savings and Loan Association"}}, nil},
		{"The plan passed the House and Senate. Mining and Energy Minister Tomas Harrow said it would help.", []want{{schema.TypePerson, "Tomas Harrow"}}, []string{"House and Senate", "Mining and Energy Minister Tomas Harrow"}},
		// A title after an organization's name with a connector.
		{"Brokers met Securities and Exchange Commission Chairman Tomas Harrow on Monday.", []want{
			{schema.TypeOrganization, "Securities and Exchange Commission"}, {schema.TypePerson, "Tomas Harrow"}}, []string{"Exchange Commission"}},
		{"Under-Secretary Ewan Hale said no.", []want{{schema.TypePerson, "Ewan Hale"}}, []string{"Under-Secretary Ewan Hale"}},
		{"The yen rose on Monday. Bank of Tarnland Governor Satoshi Kanamori said the bank would act.", []want{
			{schema.TypeOrganization, "Bank of Tarnland"}, {schema.TypePerson, "Satoshi Kanamori"}}, []string{"Bank of Tarnland Governor Satoshi Kanamori"}},
		{"The Association of Chief Police Officers said crime fell.", []want{{schema.TypeOrganization, "Association of Chief Police Officers"}}, []string{"Police Officers"}},
		// Plural heads, events, a country before a group.
		{"The Commerce and Labor Departments said prices rose in March.", []want{{schema.TypeOrganization, "Commerce and Labor Departments"}}, nil},
		{"The Kestrel Union Grand Prix drew a big crowd on Sunday.", []want{{schema.TypeEvent, "Kestrel Union Grand Prix"}}, nil},
		{"Exports fell sharply. U.S. Officials said the talks would resume.", []want{{schema.TypeCountry, "United States"}}, []string{"U.S. Officials"}},
		// "First" opens banks' names.
		{"Analysts at First Tarnwick Corp said the bonds were cheap. An analyst at First Tarnwick said the market was firm.", []want{
			{schema.TypeOrganization, "First Tarnwick Corp"}}, []string{"Tarnwick Corp"}},
		{"Analysts at First Chicago Corp said the bonds were cheap. An analyst at First Chicago said the market was firm.", []want{
			{schema.TypeOrganization, "First Chicago Corp"}, {schema.TypeOrganization, "First Chicago"}}, nil},
		// Words of wire copy's results tables and credit ratings name nothing.
		{"Qtr Oper shr profit six cts vs loss two cts\nYear Oper shr profit 12 cts vs loss two cts\nAvg Shrs 1,200,000", nil, []string{"Year Oper", "Qtr Oper", "Avg Shrs"}},
		{"The bonds are rated Baa-1 by Moody's and BBB by Standard and Poor's.", nil, []string{"BBB"}},
	}
	for _, c := range cases {
		checkEntities(t, c.text, c.wants, c.nots)
	}
}

func TestMinistries(t *testing.T) {
	forms := []string{
		"Iran's foreign ministry said no.",
		"The Iranian Foreign Ministry said no.",
		"Iran Foreign Ministry said no.",
		"The Foreign Ministry of Iran said no.",
		"The Iranian Ministry of Foreign Affairs said no.",
	}
	for _, f := range forms {
		d := analyze(t, f)
		e := findEntity(d, schema.TypeOrganization, "Ministry of Foreign Affairs of Iran")
		if e == nil {
			t.Errorf("%q: no ministry: %s", f, entityList(d))
			continue
		}
		if e.Country != "Iran" || !slices.Contains(e.Aliases, "Iranian Foreign Ministry") {
			t.Errorf("%q: ministry %+v", f, e)
		}
		if findEntity(d, schema.TypeCountry, "Iran") == nil {
			t.Errorf("%q: the country keeps its mention: %s", f, entityList(d))
		}
	}
	checkEntities(t, "The French foreign ministry said.", []want{{schema.TypeOrganization, "Ministry for Europe and Foreign Affairs of France"}}, nil)
	checkEntities(t, "The State Department said.", []want{{schema.TypeOrganization, "Department of State"}}, nil)
	checkEntities(t, "Germany's defence ministry said.", []want{{schema.TypeOrganization, "Ministry of Defense of Germany"}}, nil)
	// A ministry without a country refers to the one named before.
	d := analyze(t, "Egypt's foreign ministry spoke. Later the foreign ministry added more.")
	n := 0
	for _, e := range d.Entities {
		if e.Type == schema.TypeOrganization {
			n++
		}
	}
	if n != 1 || len(findEntity(d, schema.TypeOrganization, "Ministry of Foreign Affairs of Egypt").Mentions) != 2 {
		t.Errorf("bare ministry should join Egypt's: %s", entityList(d))
	}
}

func TestAgreements(t *testing.T) {
	d := analyze(t, "It violates UN Security Council Resolution 1701. Resolution 1701 is clear, and UNSC Resolution 1701 and [UN Security Council] Resolution 1701 too.")
	var ags []*Entity
	for _, e := range d.Entities {
		if e.Type == schema.TypeAgreement {
			ags = append(ags, e)
		}
	}
	if len(ags) != 1 || ags[0].Name != "UN Security Council Resolution 1701" || len(ags[0].Mentions) != 4 {
		t.Errorf("resolutions: %s", entityList(d))
	}
	if findEntity(d, schema.TypeOrganization, "United Nations Security Council") == nil {
		t.Errorf("the council of the resolution: %s", entityList(d))
	}
	cases := []struct {
		text  string
		wants []want
		nots  []string
	}{
		{"The Treaty of Lisbon changed things.", []want{{schema.TypeAgreement, "Treaty of Lisbon"}}, nil},
		{"Leaders backed the Paris Agreement and the Kyoto Protocol.", []want{{schema.TypeAgreement, "Paris Agreement"}, {schema.TypeAgreement, "Kyoto Protocol"}}, nil},
		{"They signed the Treaty on the Non-Proliferation of Nuclear Weapons (NPT). The NPT holds.", []want{{schema.TypeAgreement, "NPT"}}, nil},
		{"The Tarn Valley Water Accord was signed. The accord gives water.", []want{{schema.TypeAgreement, "accord"}}, nil},
		{"The Joint Arctic Plan of Action (JAPA) passed. Critics said the deal is weak.", []want{{schema.TypeAgreement, "Joint Arctic Plan of Action"}, {schema.TypeAgreement, "JAPA"}, {schema.TypeAgreement, "deal"}}, nil},
	}
	for _, c := range cases {
		checkEntities(t, c.text, c.wants, c.nots)
	}
	// Two agreements: "the deal" is ambiguous and stays unresolved.
	d = analyze(t, "The Paris Agreement and the Minsk Accord were discussed. The deal is weak.")
	for _, m := range d.Mentions {
		if m.Kind == MentionReference {
			t.Errorf("ambiguous reference resolved: %s", d.Span(m.Start, m.End))
		}
	}
}

func TestPersons(t *testing.T) {
	cases := []struct {
		text  string
		wants []want
		nots  []string
	}{
		{"President Amara Okafor said the talks failed.", []want{{schema.TypePerson, "Amara Okafor"}}, []string{"President Amara Okafor"}},
		{"The spokeswoman, Ingrid Solberg, denied it.", []want{{schema.TypePerson, "Ingrid Solberg"}}, nil},
		{"Speaking at the summit, Tomas Lindqvist said no.", []want{{schema.TypePerson, "Tomas Lindqvist"}}, []string{"Speaking"}},
		{"Officials said the plan was dead. Critics said more.", nil, []string{"Officials", "Critics"}},
		{"Karim Haddad spoke first. Haddad said later that he agreed.", []want{{schema.TypePerson, "Karim Haddad"}}, []string{"Haddad "}},
		{"French minister Marie-Claire Le Bihan arrived. Le Bihan said no.", []want{{schema.TypePerson, "Marie-Claire Le Bihan"}}, nil},
		{"It was reached under his predecessor Oskar Brandvold.", []want{{schema.TypePerson, "Oskar Brandvold"}}, nil},
		{"Unnamed Iranian and Western officials spoke.", nil, []string{"Western"}},
		{"Responding to the claim, the minister left.", nil, []string{"Responding"}},
		{"He spoke during the annual Sacred Valor Week late September.", []want{{schema.TypeEvent, "Sacred Valor Week"}}, []string{"Sacred Valor"}},
		{"The rapper 12 Quill said he would tour. 12 Quill told fans the show was sold out.", []want{{schema.TypePerson, "12 Quill"}}, []string{"Quill "}},
		{"About 20 Marines guarded the base.", nil, []string{"20 Marines"}},
		{"Thatcherite Susan Pell voted no. Playmaker David Orme said little.", []want{{schema.TypePerson, "Susan Pell"}, {schema.TypePerson, "David Orme"}}, []string{"Thatcherite", "Playmaker"}},
		{"Officials met Angel Maria Ruiz and Tore Peter Lund.", []want{{schema.TypePerson, "Angel Maria Ruiz"}, {schema.TypePerson, "Tore Peter Lund"}}, nil},
		{"Mrs. Jane Roe and Mr. John Doe met.", []want{{schema.TypePerson, "Jane Roe"}, {schema.TypePerson, "John Doe"}}, nil},
		// Legislators' titles and a title run before the name.
		{"Sens. Ruth Ames, Lyle Dorr and Amos Pike said they would vote no.", []want{{schema.TypePerson, "Ruth Ames"}, {schema.TypePerson, "Lyle Dorr"}, {schema.TypePerson, "Amos Pike"}}, []string{"Sens. Ruth Ames"}},
		{"He met Sen Ruth Ames and Rep Lyle Dorr.", []want{{schema.TypePerson, "Ruth Ames"}, {schema.TypePerson, "Lyle Dorr"}}, []string{"Sen Ruth Ames", "Rep Lyle Dorr"}},
		{"Deputy U.S. Trade Representative Ewan Hale said no.", []want{{schema.TypePerson, "Ewan Hale"}}, []string{"U.S. Trade Representative Ewan Hale"}},
		// The last words of an office's complement are the office's.
		{"Minister of State for Finance Ewan Hale said rates would fall.", []want{{schema.TypePerson, "Ewan Hale"}}, []string{"Finance Ewan Hale"}},
		{"The cuts were wrong, said Chief Secretary to the Treasury Lyle Dorr.", []want{{schema.TypePerson, "Lyle Dorr"}}, []string{"Treasury Lyle Dorr"}},
		{"Under Secretary of State for Economic Affairs Amos Pike said no.", []want{{schema.TypePerson, "Amos Pike"}}, []string{"Affairs Amos Pike", "Economic Affairs Amos Pike"}},
		{"Director of the Office of Planning and Budget Ruth Ames said no.", []want{{schema.TypePerson, "Ruth Ames"}}, []string{"Budget Ruth Ames"}},
		// A title in lower case before its complement: a given name and a
		// surname must follow.
		{"Rates will rise, said the director of the Office of Planning and Budget Ruth Ames.", []want{{schema.TypePerson, "Ruth Ames"}}, []string{"Budget Ruth Ames"}},
		{"He met the president of the United Ironworkers on Monday.", nil, []string{"Ironworkers"}},
		// A plural office with its portfolio and a plural title before
		// names.
		{"Deputy Fishing Ministers from ten countries met.", nil, []string{"Fishing Ministers"}},
		{"He spoke with Vice-Premiers Lin Dao and Wu Tan.", []want{{schema.TypePerson, "Lin Dao"}}, []string{"Vice-Premiers Lin Dao"}},
		// An office's complement with no name after it names no one.
		{"The Secretary of State for Fishing and\nForestry said he would not refer the bid.", nil, []string{"Forestry"}},
		// A capitalised office in the plural before a list of names.
		{"Prime Ministers Lin Dao of Kestria and Amos Pike of Norway signed the deal.", []want{{schema.TypePerson, "Lin Dao"}, {schema.TypePerson, "Amos Pike"}}, []string{"Ministers Lin Dao", "Prime Ministers Lin Dao"}},
		{"The pact was signed by Foreign Ministers Lin Dao and Amos Pike.", []want{{schema.TypePerson, "Lin Dao"}}, []string{"Foreign Ministers Lin Dao"}},
		// Not a place's compass word after a title's complement.
		{"Ewan Hale, the MP for the North Wexby, said no.", nil, []string{"Wexby"}},
		// An office with its body or portfolio and no name is no person;
		// a given name before a title that is a surname is one.
		{"Ewan Hale resigned from his post as Fishing Minister on Monday.", []want{{schema.TypePerson, "Ewan Hale"}}, []string{"Fishing Minister"}},
		{"The Kestrel Wireless Chairman said sales rose.", nil, []string{"Kestrel Wireless Chairman", "Wireless Chairman"}},
		{"Rates will rise, said Lyle Dorr, Deputy Assistant\nSecretary of the Interior.", nil, []string{"Assistant Secretary", "Secretary"}},
		{"Columnist David Governor said the plan would fail.", []want{{schema.TypePerson, "David Governor"}}, nil},
		// A country's abbreviation before a common noun is no name.
		{"A U.S. Banker said the dollar would fall. Another U.S. Economist agreed.", nil, []string{"U.S. Banker", "U.S. Economist"}},
		// A title in the run after a body's words goes on: the name is
		// after the last one.
		{"Party General Council Chairman Ewan Hale will visit Paris.", []want{{schema.TypePerson, "Ewan Hale"}}, []string{"Council Chairman Ewan Hale"}},
		{"Former National\nSecurity Adviser Lyle Dorr said no.", []want{{schema.TypePerson, "Lyle Dorr"}}, []string{"Security Adviser Lyle Dorr"}},
		// Not a title word inside a name.
		{"Fishing and Steel Minister Tavo Sheriff Anwar said no.", []want{{schema.TypePerson, "Tavo Sheriff Anwar"}}, []string{"Anwar"}},
		// A title word that starts a company's name is the company's.
		{"General Larkspur Co said it bought the unit. General Larkspur said the price was fair.", []want{{schema.TypeOrganization, "General Larkspur Co"}}, []string{"Larkspur"}},
		{"King Vantage Inc posted a loss. Analysts said King Vantage would recover.", []want{{schema.TypeOrganization, "King Vantage Inc"}}, []string{"Vantage"}},
		// A common noun capitalised at a sentence's start that the
		// article writes in lower case elsewhere is no one's name; nor is
		// a plural after a country's name.
		{"Many dealers were cautious. Dealers told him the yen would rise.", nil, []string{"Dealers"}},
		{"Taxes rose. On Monday U.S. Officials told him that prices would rise.", nil, []string{"Officials", "U.S. Officials"}},
		// A name ending in the plural of a body's head is a body's, not a
		// person's; not a surname that is such a plural.
		{"Larkspur Networks said sales rose.", []want{{schema.TypeOrganization, "Larkspur Networks"}}, nil},
		{"Sprinter Dwayne Chambers said he was fit.", []want{{schema.TypePerson, "Dwayne Chambers"}}, nil},
		// An office word inside a patronymic is part of the name.
		{"Deputy Khalid bin Sultan al-Rami spoke.", []want{{schema.TypePerson, "Khalid bin Sultan al-Rami"}}, nil},
		// A surname that is also a demonym or a country.
		{"Team owner Rick Cuban said the league was wrong. Cuban added that he would appeal.",
			[]want{{schema.TypePerson, "Rick Cuban"}}, []string{"Cuba"}},
		{"Coach Derek Jordan said the team was tired. Jordan said rest would help.",
			[]want{{schema.TypePerson, "Derek Jordan"}}, []string{"Hashemite Kingdom of Jordan"}},
		// Function words and months that are names.
		{"Columnist Gene Will said the plan would fail. Will argued that taxes were too high.",
			[]want{{schema.TypePerson, "Gene Will"}}, []string{"Gene"}},
		{"Party chairman Ruth May said the party was united. Mrs May added that support was strong.",
			[]want{{schema.TypePerson, "Ruth May"}}, []string{"Ruth"}},
		{"Singer Will Harlow said he was pleased.", []want{{schema.TypePerson, "Will Harlow"}}, []string{"Harlow"}},
		{"Will Britain join the single currency? Nobody knows.", nil, []string{"Will Britain"}},
		// A common noun opening the sentence before a full name.
		{"Investor Sumner Kettleby said he would sell.", []want{{schema.TypePerson, "Sumner Kettleby"}}, []string{"Investor Sumner Kettleby"}},
		// A full name at a sentence start whose first name is a common
		// word, used as a surname later.
		{"Mark Tolliver, publisher of the index, said stocks were cheap.\n\nThe index rose, but Tolliver said it was early.",
			[]want{{schema.TypePerson, "Mark Tolliver"}}, nil},
		// A place where only a place can stand.
		{"Residents of Ashby Keynes said the new road was a mistake.", []want{{schema.TypeLocation, "Ashby Keynes"}}, nil},
		{"The rally in Castle Brommel drew a crowd.", []want{{schema.TypeLocation, "Castle Brommel"}}, nil},
		// A given name first: a person, even where a place may stand.
		{"Voters see a lack of trust in Peter Vantongeren.", []want{{schema.TypePerson, "Peter Vantongeren"}}, nil},
		{"Fans cheered when Wayne Bridge scored.", []want{{schema.TypePerson, "Wayne Bridge"}}, nil},
		{"Senator John Tower said the vote was close.", []want{{schema.TypePerson, "John Tower"}}, []string{"Senator John Tower"}},
		{"Chairman Ruth Castle said profits rose.", []want{{schema.TypePerson, "Ruth Castle"}}, nil},
		{"Former minister Tony Steelbanks met Lisa Power and David Steel.", []want{{schema.TypePerson, "Lisa Power"}, {schema.TypePerson, "David Steel"}}, nil},
		{"Shares in the Kestrel Power group rose.", []want{{schema.TypeOrganization, "Kestrel Power"}}, nil},
		// A word that opens organizations' names, foreign ones mostly.
		{"Banque Veraline de Lyon said it would raise its rates.", []want{{schema.TypeOrganization, "Banque Veraline de Lyon"}}, nil},
		{"Statistics Norland said the jobless rate fell.", []want{{schema.TypeOrganization, "Statistics Norland"}}, nil},
		{"Credit Montval said its profit rose.", []want{{schema.TypeOrganization, "Credit Montval"}}, nil},
		{"The concert in Victoria Park drew a crowd.", []want{{schema.TypeLocation, "Victoria Park"}}, nil},
		// Two persons joined by "and", a county as a surname.
		{"Emma Wiltshire and Paul Kestrel will star in the new drama.",
			[]want{{schema.TypePerson, "Emma Wiltshire"}, {schema.TypePerson, "Paul Kestrel"}}, []string{"Emma Wiltshire and Paul Kestrel"}},
		// An office the name is appointed to, where a place may stand.
		{"The chairman decided to bring in Dragan Vukelic as executive director.", []want{{schema.TypePerson, "Dragan Vukelic"}}, nil},
		// Initials alone are no name.
		{`Oil firm chairman C. J. "Pete" Harlan said the stock was cheap. Among the principal U. S. makers are two firms.`, nil, []string{"C. J.", "U. S."}},
		// A word run together with an organization's head noun.
		{"HarborBank of Boston said it received a dividend from its unit.", []want{{schema.TypeOrganization, "HarborBank"}}, nil},
		{"Coach Ray McDonald said the team was tired.", []want{{schema.TypePerson, "Ray McDonald"}}, nil},
	}
	for _, c := range cases {
		checkEntities(t, c.text, c.wants, c.nots)
	}
	d := analyze(t, "Karim Haddad spoke first. Haddad said later that he agreed.")
	n := 0
	for _, e := range d.Entities {
		if e.Type == schema.TypePerson {
			n++
			if len(e.Mentions) != 2 {
				t.Errorf("surname should join the full name: %+v", e)
			}
		}
	}
	if n != 1 {
		t.Errorf("want one person: %s", entityList(d))
	}
	d = analyze(t, "Mrs. Jane Roe and Mr. John Doe met.")
	if e := findEntity(d, schema.TypePerson, "Jane Roe"); e == nil || e.Gender != Female {
		t.Errorf("Mrs. makes a woman: %+v", e)
	}
	if e := findEntity(d, schema.TypePerson, "John Doe"); e == nil || e.Gender != Male {
		t.Errorf("Mr. makes a man: %+v", e)
	}
}

func roleList(d *Doc) []string {
	var out []string
	for _, r := range d.Roles {
		s := d.Entities[r.Person].Name + "|" + r.Title + "|"
		if r.Org >= 0 {
			s += d.Entities[r.Org].Name
		}
		s += "|"
		if r.Country >= 0 {
			s += d.Entities[r.Country].Name
		} else {
			s += r.CountryName
		}
		out = append(out, s)
	}
	return out
}

func TestRoles(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Egypt's foreign ministry spokesman, Amr Selim, said no.", "Amr Selim|spokesman|Ministry of Foreign Affairs of Egypt|Egypt"},
		{"Egyptian Foreign Ministry Spokesman Amr Selim said no.", "Amr Selim|spokesman|Ministry of Foreign Affairs of Egypt|Egypt"},
		{"The German foreign minister Petra Vogel said no.", "Petra Vogel|foreign minister||Germany"},
		{"US President Dana Whitfield said no.", "Dana Whitfield|president||United States"},
		{"Turkish President Kemal Aydin said no.", "Kemal Aydin|president||Turkey"},
		{"Sen. Ruth Ames said no.", "Ruth Ames|senator||"},
		{"Ruth Ames, Britain's foreign secretary, said no.", "Ruth Ames|foreign secretary||United Kingdom"},
		{"Lars Berg, the spokesman for Sweden's defence ministry, said no.", "Lars Berg|spokesman|Ministry of Defense of Sweden|Sweden"},
		// The portfolio or body before a title is part of it.
		{"Greek government spokesman Nikos Alexiou said no.", "Nikos Alexiou|government spokesman||Greece"},
		{"EU Trade Commissioner Pavel Novak said no.", "Pavel Novak|trade commissioner|European Union|"},
		{"US Treasury Secretary Dana Whitfield said no.", "Dana Whitfield|treasury secretary||United States"},
		{"Tory foreign affairs spokesman Ewan Hale said no.", "Ewan Hale|foreign affairs spokesman|Conservative Party|United Kingdom"},
		{"Shadow Europe minister Mr Hale said no.", "Hale|shadow europe minister||"},
		{"The Tory leader and his shadow Chancellor Tomas Harrow unveiled the plan.", "Tomas Harrow|shadow chancellor||"},
		{"Labour attacked shadow Attorney General Ewan Hale over the plan.", "Ewan Hale|shadow attorney general||"},
		// A national office takes the one country the article names,
		// when it is the article's country or named in the same sentence.
		{"Britain raised taxes. British voters were angry. Prime Minister Tomas Harrow said the rise was needed.", "Tomas Harrow|prime minister||United Kingdom"},
		{"Taxes rose. Prime Minister Tomas Harrow said Britain needed the money.", "Tomas Harrow|prime minister||United Kingdom"},
		{"Taxes rose in Britain. Labour and the Conservatives were angry. Chancellor Tomas Harrow said the rise was needed.", "Tomas Harrow|chancellor||United Kingdom"},
		{"A French economist was calm. President Arthur Kline said the race was close.", "Arthur Kline|president||"},
		// An organization's name with "and" before an office title.
		{"Securities and Exchange Commission Chairman Tomas Harrow said no.", "Tomas Harrow|chairman|Securities and Exchange Commission|"},
		{"Brokers met Kestrel Savings and Loan Association President Ewan Hale.", "Ewan Hale|president|Kestrel Savings and Loan Association|"},
		// A hyphenated title is no part of the name.
		{"Under-Secretary Ewan Hale said no.", "Ewan Hale|under-secretary||"},
		{"Treasury Under-Secretary Ewan Hale said no.", "Ewan Hale|treasury under-secretary||"},
		// A title before a complement and the name.
		{"European Union ambassador to the WTO, Carla Rinaldi, said no.", "Carla Rinaldi|ambassador|European Union|"},
		// A title in apposition before a comma and the speaker.
		{"The US President, Dana Whitfield said no.", "Dana Whitfield|president||United States"},
		// Legislators' abbreviations without a stop, and plurals before
		// a list of names.
		{"The bill, Sen Ruth Ames said, would pass.", "Ruth Ames|senator||"},
		{"Rep Ruth Ames said no.", "Ruth Ames|representative||"},
		{"Sens. Ruth Ames and Ewan Hale said no.", "Ruth Ames|senator||"},
		{"Senators Ruth Ames and Ewan Hale said no.", "Ruth Ames|senator||"},
		// A title before a title is one title: the name is after both.
		{"Deputy Assistant Trade Secretary Ewan Hale said no.", "Ewan Hale|deputy assistant trade secretary||"},
		{"The plan, Vice-Premier Lin Dao said, is sound.", "Lin Dao|vice premier||"},
		{"Vice-Chairman Ewan Hale said no.", "Ewan Hale|vice chairman||"},
		{"Kestrel Agency Administrator Ewan Hale said no.", "Ewan Hale|administrator|Kestrel Agency|"},
		{"He met Prime Minister-designate Ewan Hale on Monday.", "Ewan Hale|prime minister-designate||"},
	}
	for _, c := range cases {
		d := analyze(t, c.text)
		got := roleList(d)
		if !slices.Contains(got, c.want) {
			t.Errorf("%q\n  roles %q\n  want %q\n  entities %s", c.text, got, c.want, entityList(d))
		}
	}
	// A title binds only to the name it describes.
	nots := []struct{ text, not string }{
		// The comma closes the claim: the title is its subject's.
		{"Dana Whitfield will be more open in a second term as US President, Tomas Harrow has said.", "Tomas Harrow|president||United States"},
		// The one country an article names is not its people's when
		// another role belongs to a country of its own.
		{"Iraq held elections. Labour MP Ewan Hale backed the troops. Prime Minister Tomas Harrow said the vote was a success.", "Tomas Harrow|prime minister||Iraq"},
		// A country named once in passing is not the article's.
		{"Ewan Hale trained in Switzerland. Education Secretary Tomas Harrow said he would strengthen schools.", "Tomas Harrow|education secretary||Switzerland"},
		{"Scientists in the United States disagree. Education Secretary Tomas Harrow said the research would go on.", "Tomas Harrow|education secretary||United States"},
		// The office must be one the country has.
		{"Americans voted. The United States was calm. Prime Minister Tomas Harrow said the vote was fair.", "Tomas Harrow|prime minister||United States"},
		{"Americans voted. The United States was calm. Home Secretary Tomas Harrow said the vote was fair.", "Tomas Harrow|home secretary||United States"},
		{"France voted. French voters were calm. King Tomas Harrow said the vote was fair.", "Tomas Harrow|king||France"},
		// A title before a complement is not a national office.
		{"Americans buy less grain. The United States cut prices. Tomas Harrow, president of a grain co-op, said sales fell.", "Tomas Harrow|president||United States"},
		// A name and a title in a list of names.
		{"He wrote to leaders including Tomas Harrow, the King of Belgium as well as Ewan Hale.", "Tomas Harrow|king||Belgium"},
	}
	for _, c := range nots {
		d := analyze(t, c.text)
		if got := roleList(d); slices.Contains(got, c.not) {
			t.Errorf("%q\n  roles %q\n  must not hold %q", c.text, got, c.not)
		}
	}
	// A bare title after a fuller one for the same person is the same
	// role.
	d1 := analyze(t, "Treasury Secretary Mark Delano arrived on Monday. Secretary Delano said the talks went well.")
	if got := roleList(d1); !slices.Equal(got, []string{"Mark Delano|treasury secretary||"}) {
		t.Errorf("bare title: roles %q, want only the treasury secretary", got)
	}
	// Not when the bare title names another body.
	d1 = analyze(t, "Treasury Secretary Mark Delano arrived. Kestrel Bank Secretary Delano said no.")
	if got := roleList(d1); !slices.Contains(got, "Mark Delano|secretary|Kestrel Bank|") {
		t.Errorf("another body: roles %q", got)
	}
	// A company officer without an organization is the officer of the
	// one company the article names.
	for _, c := range []struct{ text, want string }{
		{"Harlow Mining Corp posted a loss. Harlow Mining Chairman Tom Rudd said the mine would reopen. President Ann Voss told Reuters that sales would rise.", "Ann Voss|president|Harlow Mining Corp|"},
		{"Kestrel Foods Inc cut its dividend. Chief Executive Officer Ewan Hale said costs rose.", "Ewan Hale|chief executive officer|Kestrel Foods Inc|"},
	} {
		if got := roleList(analyze(t, c.text)); !slices.Contains(got, c.want) {
			t.Errorf("%q\n  roles %q\n  want %q", c.text, got, c.want)
		}
	}
	// Not with two organizations, a company named without its legal
	// form, nor a president in an article that names a country.
	for _, c := range []struct{ text, not string }{
		{"Kestrel Foods Inc met the Senate Banking Committee. Chairman Ewan Hale said costs rose.", "Ewan Hale|chairman|Kestrel Foods Inc|"},
		{"Shares of Kestrel Foods fell. Chairman Ewan Hale said costs rose.", "Ewan Hale|chairman|Kestrel Foods|"},
		{"Kestrel Foods Inc will build a plant in Chile. President Ewan Hale said jobs would come.", "Ewan Hale|president|Kestrel Foods Inc|"},
	} {
		if got := roleList(analyze(t, c.text)); slices.Contains(got, c.not) {
			t.Errorf("%q\n  roles %q\n  must not hold %q", c.text, got, c.not)
		}
	}
	// A country in the headline counts: another one there outweighs the
	// one the text names.
	d0 := analyzeArticle(&loaders.Article{Title: "Ruling stuns Britain", Text: "Americans were surprised. The ruling was made in the United States. Finance Minister Tomas Harrow said it was wrong."})
	if got := roleList(d0); slices.Contains(got, "Tomas Harrow|finance minister||United States") {
		t.Errorf("headline country: roles %q", got)
	}
	d0 = analyzeArticle(&loaders.Article{Title: "U.S. budget passes", Text: "The budget passed. Treasury Secretary Tomas Harrow said taxes would fall. The United States will save."})
	if got := roleList(d0); !slices.Contains(got, "Tomas Harrow|treasury secretary||United States") {
		t.Errorf("headline country: roles %q", got)
	}
	// Relation nouns are evidence of a person, not an office.
	d := analyze(t, "It was reached under his predecessor Oskar Brandvold.")
	if len(d.Roles) != 0 {
		t.Errorf("predecessor is no office: %q", roleList(d))
	}
}

func TestRelations(t *testing.T) {
	d := analyze(t, "The Kestrel Treaty was drafted. Norway and the two neighbours – Sweden and Finland – plus Denmark signed the treaty on March 3, 2011 in Oslo.")
	var got []string
	for _, r := range d.Relations {
		o := r.Date
		if r.Object >= 0 {
			o = d.Entities[r.Object].Name
		}
		got = append(got, d.Entities[r.Subject].Name+" "+r.Predicate+" "+o)
	}
	for _, w := range []string{"Kestrel Treaty party Norway", "Kestrel Treaty party Sweden", "Kestrel Treaty party Finland",
		"Kestrel Treaty party Denmark", "Kestrel Treaty signed 2011-03-03"} {
		if !slices.Contains(got, w) {
			t.Errorf("relations %q lack %q", got, w)
		}
	}
	// Refusals and plans are no signings.
	for _, text := range []string{
		"The Kestrel Treaty was drafted. Norway's refusal to sign the treaty angered Sweden.",
		"The Kestrel Treaty was drafted. Norway will sign the treaty next year.",
		"The Kestrel Treaty was drafted. Norway has not ratified the treaty.",
	} {
		d = analyze(t, text)
		if len(d.Relations) != 0 {
			t.Errorf("%q: relations %+v", text, d.Relations)
		}
	}
	// A relative clause has no parties.
	d = analyze(t, "The Kestrel Treaty was drafted. Norway spoke to the powers with which it signed the treaty in 2011.")
	for _, r := range d.Relations {
		if r.Predicate == schema.RelParty {
			t.Errorf("party from a relative clause: %+v", r)
		}
	}
}

func TestNoise(t *testing.T) {
	text := "By Jane Roe\n\nLONDON (Reuters) - Britain said on Monday it would act.\n\nThe talks went on, officials said.   101/ 211/ 213\n\nRead More:\n\nA look at the Kestrel talks"
	d := analyze(t, text)
	if d.Source != "Reuters" {
		t.Errorf("source %q, want Reuters from the dateline", d.Source)
	}
	for i, tok := range d.Tokens {
		noisy := d.Noise[i]
		switch tok.Text {
		case "101", "211", "213", "Read", "More", "look", "Kestrel", "LONDON", "Jane", "Roe":
			if !noisy {
				t.Errorf("%q should be noise", tok.Text)
			}
		case "Britain", "Reuters", "talks", "officials":
			if noisy && tok.Text != "talks" {
				t.Errorf("%q should not be noise", tok.Text)
			}
		}
	}
	for _, n := range []string{"101", "Read More", "Kestrel", "Jane Roe", "LONDON"} {
		if e := findEntity(d, "", n); e != nil {
			t.Errorf("noise became an entity: %+v", e)
		}
	}
	if findEntity(d, schema.TypeOrganization, "Reuters") == nil {
		t.Errorf("the agency of a dateline is an organization: %s", entityList(d))
	}
	// A paragraph-initial credit names the publisher.
	d = analyze(t, "Kestrel Press/Oslo news: The minister spoke.\n\nThe talks went on, Kestrel Press reported.")
	if d.Source != "Kestrel Press" || findEntity(d, schema.TypeOrganization, "Kestrel Press") == nil {
		t.Errorf("credit: source %q, entities %s", d.Source, entityList(d))
	}
	if findEntity(d, "", "Kestrel Press/Oslo") != nil || findEntity(d, schema.TypeLocation, "Oslo") != nil {
		t.Errorf("the credit's desk is noise: %s", entityList(d))
	}
}

func TestMetadataSource(t *testing.T) {
	d := analyzeArticle(&loaders.Article{Text: "Britain said no.", Source: "Kestrel Daily"})
	if e := findEntity(d, schema.TypeOrganization, "Kestrel Daily"); e == nil {
		t.Errorf("the metadata publisher is an organization: %s", entityList(d))
	}
	d = analyzeArticle(&loaders.Article{Text: "Britain said no, Reuters reported.", Source: "Reuters"})
	n := 0
	for _, e := range d.Entities {
		if e.Type == schema.TypeOrganization {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the publisher named in the text is one entity: %s", entityList(d))
	}
}

func TestEnsureEntity(t *testing.T) {
	x := New()
	d := analyzeArticle(&loaders.Article{Text: "President Amara Okafor spoke. Later Okafor and Binta Sow left."})
	// "Okafor" at 5 is already a mention of Amara Okafor.
	var ok, sow int = -1, -1
	for i, tok := range d.Tokens {
		if tok.Text == "Okafor" && i > 3 {
			ok = i
		}
		if tok.Text == "Binta" {
			sow = i
		}
	}
	if ei := x.ensureEntity(d, ok, ok+1, schema.TypePerson); ei < 0 || d.Entities[ei].Name != "Amara Okafor" {
		t.Errorf("surname: got %d %s", ei, entityList(d))
	}
	n := len(d.Entities)
	ei := x.ensureEntity(d, sow, sow+2, schema.TypePerson)
	if ei < 0 || d.Entities[ei].Name != "Binta Sow" {
		t.Fatalf("new person: got %d %s", ei, entityList(d))
	}
	if ei2 := x.ensureEntity(d, sow, sow+2, ""); ei2 != ei || len(d.Entities) != max(n, ei+1) {
		t.Errorf("second call should find the same entity: %d vs %d", ei2, ei)
	}
	if d.MentionAt(sow+1) < 0 || d.Mentions[d.MentionAt(sow+1)].Entity != ei {
		t.Errorf("MentionOf not updated")
	}
	for k := 1; k < len(d.Mentions); k++ {
		if d.Mentions[k].Start < d.Mentions[k-1].Start {
			t.Errorf("mentions out of order")
		}
	}
	for ei, e := range d.Entities {
		for _, mi := range e.Mentions {
			if d.Mentions[mi].Entity != ei {
				t.Errorf("entity %d lists mention %d of entity %d", ei, mi, d.Mentions[mi].Entity)
			}
		}
	}
}

// TestEnsureEntityCommonNoun: a capitalised word the article writes in
// lower case elsewhere is a common noun, no new person.
func TestEnsureEntityCommonNoun(t *testing.T) {
	d := analyzeArticle(&loaders.Article{Text: "Several tipsters favour the film. Tipsters predict a win."})
	for i, tok := range d.Tokens {
		if tok.Text == "Tipsters" {
			if ei := New().ensureEntity(d, i, i+1, schema.TypePerson); ei >= 0 {
				t.Errorf("Tipsters became %s", entityList(d))
			}
		}
	}
}

func TestNameRuns(t *testing.T) {
	cases := []struct {
		text  string
		wants []want
		nots  []string
	}{
		{"Casino Association Chairman Penny Cobb said the rules were unfair.", []want{{schema.TypeOrganization, "Casino Association"}, {schema.TypePerson, "Penny Cobb"}}, []string{"Casino Association Chairman Penny Cobb"}},
		{"The auditors Ernst & Young said nothing.", []want{{schema.TypeOrganization, "Ernst & Young"}}, []string{"Young"}},
		{"Labour's Ruth Kelly MP said no.", []want{{schema.TypePerson, "Ruth Kelly"}}, []string{"Ruth Kelly MP"}},
		{"The Reuters Institute said trust fell.", []want{{schema.TypeOrganization, "Reuters Institute"}}, nil},
		{"Delegates gathered for the Republican National Convention.", []want{{schema.TypeEvent, "Republican National Convention"}}, []string{"National Convention"}},
		{"Chad Bown, an economist, said tariffs hurt.", []want{{schema.TypePerson, "Chad Bown"}}, []string{"Chad"}},
		{"Voters in Georgia and Ohio went to the polls.", []want{{schema.TypeLocation, "Georgia"}}, nil},
		{"Georgia and Armenia signed a deal in Tbilisi.", []want{{schema.TypeCountry, "Georgia"}}, nil},
		{"Prices rose, Nationwide said. The Treasury has announced a review.", nil, []string{"Nationwide", "Treasury"}},
		{"Taxes must fall, Dole said on Monday. Dole said he would win.", []want{{schema.TypePerson, "Dole"}}, nil},
		{"Simon Hall said he would stay. The concert was at the Albert Hall.", []want{{schema.TypePerson, "Simon Hall"}, {schema.TypeLocation, "Albert Hall"}}, nil},
		{"The Brussels-based Egmont Foundation published it.", []want{{schema.TypeOrganization, "Egmont Foundation"}}, []string{"Brussels-based Egmont Foundation"}},
		{"Senator Visits Kestrel Islands Amid Protests\n\nThe visit went ahead.", nil, []string{"Senator Visits Kestrel Islands Amid Protests", "Visits Kestrel Islands Amid Protests"}},
		{"The talks failed, Alwaght reported. Later, Kestrel Daily Monitor reported.", []want{{schema.TypeOrganization, "Alwaght"}, {schema.TypeOrganization, "Kestrel Daily Monitor"}}, nil},
		{"A Pirelli spokesman declined to comment, and Tesla shares fell.", []want{{schema.TypeOrganization, "Pirelli"}}, []string{"Tesla shares"}},
		{"Senator Jane Ames spoke. An Ames spokesman said no.", []want{{schema.TypePerson, "Jane Ames"}}, nil},
		{"Boeing said it would cut jobs.", []want{{schema.TypeOrganization, "Boeing"}}, nil},
		{"He met Obama White House aides.", []want{{schema.TypeOrganization, "White House"}}, []string{"Obama White House"}},
	}
	for _, c := range cases {
		checkEntities(t, c.text, c.wants, c.nots)
	}
	d := analyze(t, "Casino Association Chairman Penny Cobb said the rules were unfair.")
	if got := roleList(d); !slices.Contains(got, "Penny Cobb|chairman|Casino Association|") {
		t.Errorf("roles %q", got)
	}
}

// TestCompanyNames covers companies named without a head noun: short
// forms of a legal name, one word that only speaks, and the pronoun that
// tells a company from a person.
func TestCompanyNames(t *testing.T) {
	cases := []struct {
		text  string
		wants []want
		nots  []string
	}{
		{"Quorvex Terminal Systems Inc said it sold shares. Quorvex Terminal said the sale closed.",
			[]want{{schema.TypeOrganization, "Quorvex Terminal Systems Inc"}}, []string{"Quorvex Terminal "}},
		{"Brandolt Corp agreed to buy a plant. Brandolt said the price was fair.",
			[]want{{schema.TypeOrganization, "Brandolt Corp"}}, nil},
		{"Zentrix said profits rose in the quarter.", []want{{schema.TypeOrganization, "Zentrix"}}, nil},
		{"Ventaro has reported its best quarter, helped by strong demand.", []want{{schema.TypeOrganization, "Ventaro"}}, nil},
		{"Okwuosa announced small spending increases but he ordered a hold on wages.", []want{{schema.TypePerson, "Okwuosa"}}, nil},
		// Wire copy wrapped at a fixed width: names run across lines.
		{"National Larkspur Enhancement\nSystems Inc said it is offering a new health evaluation\nsystem to its line of fitness assessment programs and that\nit expects the offering to be priced at 20 dlrs per unit\nafter the registration is complete.",
			[]want{{schema.TypeOrganization, "National Larkspur Enhancement Systems Inc"}}, []string{"Systems Inc"}},
	}
	for _, c := range cases {
		checkEntities(t, c.text, c.wants, c.nots)
	}
	// The full name without its legal form is the same company, whichever
	// comes first.
	for _, text := range []string{
		"Pellor Data Systems Corp said it sold a plant. Pellor Data Systems said the sale closed.",
		"Pellor Data Systems said it sold a plant. Pellor Data Systems Corp said the sale closed.",
	} {
		d := analyze(t, text)
		if e := findEntity(d, schema.TypeOrganization, "Pellor Data Systems Corp"); e == nil || e.Name != "Pellor Data Systems Corp" || len(e.Mentions) != 2 || len(d.Entities) != 1 {
			t.Errorf("%q: one company named in full: %s", text, entityList(d))
		}
	}
	d := analyze(t, "Quorvex Terminal Systems Inc said it sold shares. Quorvex Terminal said the sale closed.")
	if e := findEntity(d, schema.TypeOrganization, "Quorvex Terminal Systems Inc"); e == nil || e.Kind != orgCompany || len(e.Mentions) != 2 {
		t.Errorf("the short name should join the company: %s", entityList(d))
	}
}

// TestOrganizationContexts covers organizations told by their context:
// a descriptor before the name, a company noun after it, "its rival", an
// undefined acronym that acts as an organization, a capital's radio.
func TestOrganizationContexts(t *testing.T) {
	cases := []struct {
		text  string
		wants []want
		nots  []string
	}{
		{"Russian gas firm Volgaprom said prices would rise.", []want{{schema.TypeOrganization, "Volgaprom"}}, nil},
		{"European aircraft maker Skyvance and its US rival Aerolux clashed.", []want{{schema.TypeOrganization, "Skyvance"}, {schema.TypeOrganization, "Aerolux"}}, nil},
		{"Sheikh Omar al-Harbi was quoted by the local daily al-Watani as saying the plan failed.",
			[]want{{schema.TypePerson, "Omar al-Harbi"}, {schema.TypeOrganization, "al-Watani"}}, nil},
		{"Tomas Ode of Brightwater Kemp bank in Tokyo said the yen was weak.", []want{{schema.TypeOrganization, "Brightwater Kemp"}}, []string{"Brightwater Kemp bank"}},
		{"QVX and Halden Systems, the two aerospace firms, welcomed the deal.", []want{{schema.TypeOrganization, "QVX"}, {schema.TypeOrganization, "Halden Systems"}}, nil},
		{"The port workers' union, KBV, said the strike would go on.", []want{{schema.TypeOrganization, "KBV"}}, nil},
		{"Tehran radio said the ship had been hit.", []want{{schema.TypeOrganization, "Tehran radio"}}, nil},
		{"The carrier ordered ten Skyvance A380 jets.", nil, []string{"Skyvance A380"}},
		{"Zorba's Inc said sales rose.", []want{{schema.TypeOrganization, "Zorba's Inc"}}, nil},
		// Companies by their full legal names, brackets and subsidiaries.
		{"Georgia Pinewood Corp said it would retire its notes.", []want{{schema.TypeOrganization, "Georgia Pinewood Corp"}}, []string{"Georgia"}},
		{"Frank B. Tollis and Co Inc said its auditors would qualify the report.", []want{{schema.TypeOrganization, "Frank B. Tollis and Co Inc"}}, nil},
		{"Harlan Tools <HRT> agreed to sell shares to <Brandolt Metal Products> for cash.", []want{{schema.TypeOrganization, "Brandolt Metal Products"}}, []string{"HRT"}},
		{"Samsung Electronics said chip sales rose.", []want{{schema.TypeOrganization, "Samsung Electronics"}}, nil},
		{"John Tollis of Harlan Corp said the deal was off.", []want{{schema.TypePerson, "John Tollis"}, {schema.TypeOrganization, "Harlan Corp"}}, nil},
		// A ministry with no country named is the main country's.
		{"Iran said the reports were baseless. Iranian radio quoted a Foreign Ministry spokesman as saying Iran wanted calm.",
			[]want{{schema.TypeOrganization, "Ministry of Foreign Affairs of Iran"}}, []string{"Foreign Ministry"}},
		// Well-known agreements by their usual names.
		{"Voters rejected the European Constitution and the Kyoto treaty.",
			[]want{{schema.TypeAgreement, "Treaty establishing a Constitution for Europe"}, {schema.TypeAgreement, "Kyoto Protocol"}}, nil},
		{"Talks under the General Agreement on Tariffs and Trade (GATT) resumed.", []want{{schema.TypeAgreement, "General Agreement on Tariffs and Trade"}}, nil},
	}
	for _, c := range cases {
		checkEntities(t, c.text, c.wants, c.nots)
	}
}

// TestDemonymOnlyCountries checks that a country only an adjective
// refers to is no entity of the record, unless it speaks.
func TestDemonymOnlyCountries(t *testing.T) {
	x := New()
	rec := x.Extract(&loaders.Article{Text: "The Palestinian delegation met the envoy in Bergen. Norwegian officials said the talks went well."})
	var names []string
	for _, e := range rec.Entities {
		names = append(names, e.Type+":"+e.Name)
	}
	got := strings.Join(names, ", ")
	if strings.Contains(got, "Country:Palestine") || !strings.Contains(got, "Country:Norway") {
		t.Errorf("want Norway (it speaks) and not Palestine: %s", got)
	}
}

func TestAcronymBinding(t *testing.T) {
	cases := []struct {
		text     string
		acronym  string
		owner    string // the entity the acronym is an alias of; "" for none
		notOwner string // an entity it must not be an alias of
	}{
		// The phrase the acronym defines is longer than the entity it
		// ends with.
		{"Analysts at Marrow Brothers First Boston (MBFB) said prices rose.", "MBFB", "", "Boston"},
		{"The Development Commission for Asia and the Pacific (DCAP) met in June.", "DCAP", "Development Commission for Asia and the Pacific", "Pacific"},
		{"Exports from African, Caribbean and Pacific (ACP) states rose.", "ACP", "", "Pacific"},
		{"Wheat was offered at 120 dlrs a tonne free on board (FOB) Gulf ports.", "FOB", "", "Persian Gulf"},
		{"The Credit Suisse First Chicago (CSFC) unit said it would grow.", "CSFC", "Credit Suisse First Chicago", "Chicago"},
		// The acronym fits the name itself, or a ticker, or a foreign
		// acronym of a translated name.
		{"The Kestrel Valley Farmers Union (KVFU) said it would strike.", "KVFU", "Kestrel Valley Farmers Union", ""},
		{"Brindlewood Corp (BRWD) said profits rose.", "BRWD", "Brindlewood Corp", ""},
		{"Marrow Brothers First Boston Ltd (MBFB) said prices rose.", "MBFB", "Marrow Brothers First Boston Ltd", "Boston Ltd"},
		{"Halden Savings and Computer Corp (HSCC) said prices rose.", "HSCC", "Halden Savings and Computer Corp", "Computer Corp"},
		// A country in brackets says where a company is.
		{"Brindle Securities (UK) Ltd said prices fell.", "UK", "United Kingdom", "Brindle Securities"},
		{"The Tarnish Steel Makers Federation (WVS) said output fell.", "WVS", "Tarnish Steel Makers Federation", ""},
	}
	for _, c := range cases {
		d := analyze(t, c.text)
		var owner string
		for _, e := range d.Entities {
			if slices.Contains(e.Aliases, c.acronym) {
				owner = e.Name
			}
		}
		if c.owner != "" && owner != c.owner || c.notOwner != "" && owner == c.notOwner {
			t.Errorf("%q: %s is an alias of %q, want %q (not %q); got %s", c.text, c.acronym, owner, c.owner, c.notOwner, entityList(d))
		}
	}
}

func TestCapitalisedNames(t *testing.T) {
	cases := []struct {
		text  string
		wants []want
		nots  []string
	}{
		// Wire copy's place names in capitals.
		{"Rice prices fell. In MANILA, traders said the crop was large.", []want{{schema.TypeLocation, "Manila"}}, []string{"MANILA"}},
		{"Coffee exports rose. In RIO DE JANEIRO, officials said stocks were low.", []want{{schema.TypeLocation, "Rio de Janeiro"}}, []string{"RIO DE JANEIRO"}},
		// A capital standing for its country gives an alias in title case.
		{"Markets fell.\n\n    - - - -\n    PARIS - The French government said it would act. France will cut taxes.", []want{{schema.TypeCountry, "Paris"}}, []string{"PARIS"}},
		{"Markets fell.\n\n    - - - -\n    ROME - The Italian government said it would act. Italy will cut taxes.", []want{{schema.TypeCountry, "Rome"}}, []string{"ROME"}},
		// Organizations: a one-word name in capitals is an acronym.
		{"BRINDLE HOLDINGS CORP said it would sell its KESTRA unit.", []want{{schema.TypeOrganization, "Brindle Holdings Corp"}}, []string{"BRINDLE HOLDINGS CORP"}},
		{"The ASEAN bloc met.", []want{{schema.TypeOrganization, "ASEAN"}}, nil},
	}
	for _, c := range cases {
		checkEntities(t, c.text, c.wants, c.nots)
	}
}

// TestSurnameOverPlace checks that a place name that is the surname of a
// person the article names is that person before a verb in the past.
func TestSurnameOverPlace(t *testing.T) {
	d := analyze(t, "Asked about the delay, marketing manager Rogelio Madrid told reporters the ship was late. Madrid declined to give details.")
	if findEntity(d, schema.TypeLocation, "Madrid") != nil || findEntity(d, schema.TypeCountry, "Spain") != nil {
		t.Errorf("Madrid is the manager: %s", entityList(d))
	}
	if e := findEntity(d, schema.TypePerson, "Rogelio Madrid"); e == nil {
		t.Errorf("want Person Rogelio Madrid: %s", entityList(d))
	}
}

// TestWorkTitles: films, records, shows and bands are no persons, and
// never speak.
func TestWorkTitles(t *testing.T) {
	cases := []struct {
		text  string
		wants []want
		nots  []string
	}{
		{"The film Vera Pike won three prizes. Vera Pike was praised by critics, said Ann Moss.", []want{{schema.TypePerson, "Ann Moss"}}, []string{"Vera Pike"}},
		{"Their new album Hollow Lanterns sold well, Tom Hale said.", []want{{schema.TypePerson, "Tom Hale"}}, []string{"Hollow Lanterns"}},
		{"The rock band Velvet Marmot won. Velvet Marmot said they were thrilled.", nil, []string{"Velvet Marmot"}},
		{"Rita Vale, who starred in Maple Lane, said it was hard.", []want{{schema.TypePerson, "Rita Vale"}}, []string{"Maple Lane"}},
		{"Viewers voted for The Dorian Kettle over Grey Harbour, said Tom Hale.", []want{{schema.TypePerson, "Tom Hale"}}, []string{"Dorian Kettle"}},
		{"She starred in Marco Belli's film last year.", []want{{schema.TypePerson, "Marco Belli"}}, nil},
		{"Polls show John Baird ahead, Mary Holt said.", []want{{schema.TypePerson, "John Baird"}}, nil},
		{"The star of Anton Pryce musical Blue Harbour said so.", []want{{schema.TypePerson, "Anton Pryce"}}, nil},
	}
	for _, c := range cases {
		checkEntities(t, c.text, c.wants, c.nots)
	}
	// The statement stage makes no speaker of a title either.
	d := New().Analyze(&loaders.Article{Text: "The band Velvet Marmot won. The band Velvet Marmot said they were thrilled."})
	if len(d.Statements) != 1 || d.Statements[0].Speaker >= 0 {
		t.Errorf("a band as a speaker: got %s", entityList(d))
	}
}

func TestSpeakingSingleNames(t *testing.T) {
	// One unfamiliar word that speaks is an organization, unless he or
	// she refers back to it from the next sentences before anyone else
	// is named.
	cases := []struct{ text, name, typ string }{
		{"Zelinko said the offer was too low. He added that the unions would strike.", "Zelinko", schema.TypePerson},
		{"Hingova admitted the plan had failed. On Tuesday she said the board would meet again.", "Hingova", schema.TypePerson},
		{"Hingova admitted the plan had failed. The board meets in May. She said it would vote then.", "Hingova", schema.TypePerson},
		{"Hingova admitted the plan had failed.\n\n\"We will try again,\" she said.", "Hingova", schema.TypePerson},
		{"Vantrex said profits would fall. Shares dropped. It added that costs had risen.", "Vantrex", schema.TypeOrganization},
		{"Vantrex said profits would fall. Chief executive Ann Moll said she was calm.", "Vantrex", schema.TypeOrganization},
		{"Vantrex has warned of losses. Analyst Ewan Hale said he expected more.", "Vantrex", schema.TypeOrganization},
		{"A spokesman for distributor Vantrex said sales rose. Stock was low. He added that prices would rise.", "Vantrex", schema.TypeOrganization},
	}
	for _, c := range cases {
		d := analyze(t, c.text)
		if e := findEntity(d, c.typ, c.name); e == nil {
			t.Errorf("%q\n  want %s %q\n  got %s", c.text, c.typ, c.name, entityList(d))
		}
	}
}
