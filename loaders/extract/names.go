package extract

import (
	"strings"

	"newsgraph/schema"
)

// Word classes the entity rules use. All lower case. They are closed
// classes of English (function words, days, monthNums), speech verbs, and
// the head nouns that tell an organization, an agreement or an event
// from a person. None names anything.

func words(list string) nameSet {
	s := nameSet{}
	for _, w := range strings.Fields(list) {
		s[w] = true
	}
	return s
}

// nonNames are capitalised words that never start or make a name:
// function words, pronouns, days, monthNums, discourse adverbs.
var nonNames = words(`the a an this that these those in on at by for from with without under over
after before during since until till as if when whenever while but and or nor so yet although
though because despite according he she it they we i you his her its their our my your him them
us me there here what which who whom whose why how where some many most all both each every
either neither no not none one two three four five six seven eight nine ten also however
meanwhile still even just only then now today tonight yesterday tomorrow last next earlier later
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
mon tue wed thu fri sat sun am pm gmt utc est edt pst et mr mrs ms dr among amid against
between into onto upon within toward towards about above below across along around behind beyond
near off out through throughout via per do does did is are was were be been being has have had
will would shall should can could may might must let let's yes no ok okay oh well please thanks
thank dear hello hi such other another same own several few more less much any anyone everyone
someone nobody something everything nothing whatever whoever whichever once twice first second
third old former latter instead thus hence therefore moreover furthermore indeed nevertheless
nonetheless otherwise besides finally eventually recently currently already again almost always
never often sometimes usually perhaps maybe probably certainly clearly obviously unfortunately
fortunately interestingly importantly notably especially particularly specifically generally
overall elsewhere nearby further i've i'm i'd i'll
we've we're we'd we'll you've you're you'd you'll they've they're they'd they'll he's she's
it's that's there's what's let's i’ve i’m i’d i’ll we’ve we’re we’d we’ll you’re they’re
he’s she’s it’s that’s there’s
oper shr shrs revs stcks qtr mths avg bbb ccc`) // wire tables' words, credit ratings

// adjectiveNonNames are capitalised adjectives and group nouns that start
// no person's name (but may start an organization's: "Northern Farmers
// Association").
var adjectiveNonNames = words(`muslim muslims christian christians jewish jew jews hindu hindus sikh
sikhs buddhist buddhists catholic catholics protestant protestants sunni sunnis shia shiite
shiites arab arabs kurd kurds western eastern northern southern central federal national
international global regional local state`)

// nameParticles may stand lower case inside a person's name.
var nameParticles = words(`de da di del della dos das du van von der den ter le la al el bin ibn bint abu ben st.`)

// connectors may join the words of an organization's or agreement's name.
var connectors = words(`of for on and the de du des la le al el`)

// entSpeechVerbs after a name are evidence that it names a speaker.
var entSpeechVerbs = words(`said says say told tells added adds stated states explained explains noted
notes argued argues wrote writes tweeted tweets claimed claims insisted insists warned warns
announced announces asked asks replied replies responded responds recalled recalls acknowledged
acknowledges admitted admits denied denies urged urges stressed stresses reiterated reiterates
emphasized emphasised emphasizes emphasises continued continues declared declares confirmed
confirms suggested suggests predicted predicts vowed vows pledged pledges promised promises
complained complains criticized criticised criticizes criticises accused accuses praised praises
described describes called calls thinks thought believes believed believe agreed agrees
disagreed disagrees conceded concedes countered counters contended contends maintained
maintains charged charges alleged alleges testified testifies revealed reveals recounted
remarked remarks observed observes cautioned cautions hinted hints signaled signalled signals
indicated indicates reported reports joked jokes shouted yelled whispered wondered questioned
blasted slammed lashed defended defends dismissed dismisses rejected rejects`)

// govVerbs after a capital city show that it stands for its government
// ("Tehran said", "Moscow has ...").
var govVerbs = words(`has had have is was will would wants want must should could can may might
insists refuses refused accused accuses rejected rejects signaled signalled signals denied denies
says said warned warns announced announces responded responds threatened threatens demanded
demands agreed agrees approved approves hopes hoped considers considered sees saw does did
continues continued claims claimed expects expected plans planned seeks sought urged urges
called calls blamed blames`)

// entOrgHeads are the head nouns of organization names.
var entOrgHeads = words(`ministry council agency party committee bank university corp corp. corporation
community
inc inc. ltd ltd. llc plc co. company companies association organization organisation institute
institution foundation commission authority department office court assembly parliament
congress senate union federation league front movement army forces force navy guard guards police
service services group society center centre board bureau fund network press news times post
journal herald tribune gazette radio tv television broadcasting daily brigade brigades
administration club church school college academy alliance coalition caucus cabinet government
secretariat tribunal mission embassy consulate exchange airlines airways motors holdings
industries systems technologies media unit corps command directorate observatory trust
partnership hospital chamber channel telegraph observer chronicle wire magazine review
globe standard mirror express examiner courier inquirer bulletin dispatch motor funds leisure
economics research consulting solutions pharmaceuticals foods brands communications telecom
airline petroleum steel mining resources investors advisors advisers management ventures
records studios pictures productions cement controls power electric
medical co gold bonds consolidated ag a.g. sa s.a. nv n.v. gmbh spa s.p.a. ab asa oy kk bhd
pty brothers bros industrie cos cos. lp l.p. bv b.v. srl sarl ltda bancorp bancshares
federation confederation syndicate cooperative organisation regime junta militia militias
commissions councils parties ministries agencies banks universities institutes departments committees
securities capital partners associates investments insurance
watch international`)

// mediaHeads are the organization heads that make a news medium.
var mediaHeads = words(`press news times post journal herald tribune gazette radio tv television
broadcasting daily media network channel telegraph observer chronicle wire magazine review globe
standard mirror express examiner courier inquirer bulletin dispatch`)

// agreementHeads are the head nouns of agreement names.
var agreementHeads = words(`agreement agreements accord accords treaty treaties convention conventions
protocol deal pact charter plan framework declaration memorandum compact understanding
arrangement resolution`)

// eventHeads are the head nouns of event names.
var eventHeads = words(`week day summit conference games olympics cup festival war revolution election
elections championship championships expo fair forum classic marathon tournament ceremony parade rally prix
uprising crisis massacre bombing bombings`)

// placeHeads are the head nouns of place names; placeFirst start them.
var placeHeads = words(`prison airport bridge river line street road square station park hall palace
tower castle island islands lake mountain mountains valley sea ocean bay coast beach avenue
county province region district city town village hills heights peninsula desert canal
stadium arena port harbour harbor inn hotel restaurant cafe pipeline`)
var placeFirst = words(`river lake mount fort port cape isle gulf bay north south east west`)

// otherHeads are the heads of names that are neither persons nor scored
// entities: programmes, policies, reports, documents, products.
var otherHeads = words(`programme program scheme initiative project strategy policy report review
inquiry expansion index award awards prize open show series film book album poll rate
rates
survey study`)

// stateWords make a name a state's, not a person's.
var stateWords = words(`republic kingdom federation emirates emirate sultanate principality
confederation commonwealth caliphate`)

// lawHeads are laws and bills: not scored types, and not persons.
var lawHeads = words(`act amendment bill law code`)

// referenceNouns are the nouns of references to an agreement the
// article names ("the deal", "the nuclear agreement").
var referenceNouns = words(`agreement deal accord pact treaty accords`)

// isNonName tells whether a capitalised token is a word that never starts
// a name.
func isNonName(t *Token) bool {
	return nonNames[t.Lower]
}

// commonWord tells whether a token is a common English word (lexicon).
func commonWord(dt *data, t *Token) bool {
	return dt.lexicon[t.Lower]
}

// personAt reads tokens [s, e) of the capitalised run that starts at i as
// a person's name, after any titles ("President", "Foreign Minister",
// "Mr."), and adds a candidate: firm when the context or the shape says
// it is a person, pending (kept only if it names someone found elsewhere)
// when not.
func personAt(dt *data, d *Doc, i, s, e int, sentInit bool, cs *[]candidate) {
	toks := d.Tokens
	c := newCand(s, e, schema.TypePerson, MentionName)
	c.person = true
	if headlineAt(d, s) {
		// A headline-like line ("Obama Visits Cuba"): capitals say nothing,
		// so a name there counts only if the article names it elsewhere.
		c.pending = true
		*cs = append(*cs, c)
		return
	}
	for k := s; k < e; k++ {
		if hasDigit(toks[k].Text) {
			return // "Airbus A380", "Boeing 747": a product
		}
	}
	desc := s - 1 // the descriptor: "firm X", "the newspaper the X"
	if desc > 0 && toks[desc].Lower == "the" && mediaDescriptors[toks[desc-1].Lower] {
		desc--
	}
	if ts, _ := dt.titleEndingAt(toks, s); ts < s && ts > 0 && companyRelations[toks[s-1].Lower] &&
		(toks[ts-1].Lower == "its" || ts > 1 && toks[ts-2].Lower == "its" && toks[ts-1].Cap) {
		desc = -1 // "its US rival Boeing": a company's rival is a company
		oc := newCand(s, e, schema.TypeOrganization, MentionName)
		oc.name = d.Span(s, e)
		oc.key = "o:" + nameKey(oc.name)
		*cs = append(*cs, oc)
		return
	}
	if e-s <= 4 && desc >= 0 && orgDescriptors[toks[desc].Lower] && !toks[desc].Cap && toks[desc].Kind == Word {
		if end, _ := dt.matchTitle(toks, s); end == s {
			// "gas firm Gazprom", "aircraft maker Airbus", "the local
			// daily al-Qabas": a noun for a company or a medium before the
			// name.
			oc := newCand(s, e, schema.TypeOrganization, MentionName)
			oc.name = d.Span(s, e)
			oc.key = "o:" + nameKey(oc.name)
			oc.media = mediaDescriptors[toks[desc].Lower]
			*cs = append(*cs, oc)
			return
		}
	}
	if e-s == 1 && camelCompany(toks[s].Text) {
		// "MerchantsBank", "InterTech Systems": a word run together with
		// an organization's head noun is a company's name.
		oc := newCand(s, e, schema.TypeOrganization, MentionName)
		oc.name = d.Span(s, e)
		oc.key = "o:" + nameKey(oc.name)
		*cs = append(*cs, oc)
		return
	}
	if workContext(d, s, e) {
		// "the film Vera Pike", "their album Hopes and Fears", "starring
		// in X", "The X" inside a sentence: a work's title, no one's name.
		c.person, c.work = false, true
		*cs = append(*cs, c)
		return
	}
	titled := false
	for s < e && adjectiveNonNames[toks[s].Lower] {
		s++
	}
	if s >= e {
		return
	}
	for s < e {
		end, ti := dt.matchTitle(toks, s)
		if end <= s {
			if pe := pluralOfficeAt(dt, toks, s, e); pe > s {
				end, ti = pe, titleInfo{class: "office"} // "Prime Ministers X and Y"
			}
		}
		if end > s && end <= e {
			if end == e {
				return // a title without a name: "the President"
			}
			titled = true
			if ti.gender != GenderUnknown {
				c.gender = ti.gender
			}
			s = end
			continue
		}
		// An affiliation or adjective before a full name: "Progressive
		// Jane Doe", "Socialist MP John Doe".
		if e-s >= 3 && commonWord(dt, &toks[s]) && adjectival(toks[s].Lower) {
			s++
			continue
		}
		// A follower's or doer's label before a given name and a
		// surname: "Blairite Jane Doe", "Matchwinner John Doe"; not a
		// word that may be a first name itself ("Tore", "Angel").
		if e-s >= 3 && !toks[s].Upper && !dt.givenNames[toks[s].Lower] && dt.givenNames[toks[s+1].Lower] && !isInitial(&toks[s+1]) && labelSuffix(toks[s].Lower) {
			s++
			continue
		}
		break
	}
	// The last words of an office's complement: "Minister of State for
	// Finance Jane Doe", "Chief Secretary to the Treasury John Doe",
	// "Director of the Office of Management and Budget Jane Doe". Common
	// words after the complement's connector are the office's, not the
	// name's.
	if ok, lower := officeComplementBefore(dt, toks, i); ok {
		k := s
		for k < e && toks[k].Cap && !toks[k].Upper && commonWord(dt, &toks[k]) && !dt.givenNames[toks[k].Lower] && !placeFirst[toks[k].Lower] && !compassWord(toks[k].Lower) {
			k++
		}
		if k == e && !lower {
			return // "The Secretary of State for Trade and Industry said": the office, no name
		}
		if k == e {
			k--
		}
		if k > s && (dt.givenNames[toks[k].Lower] || !lower && !commonWord(dt, &toks[k])) && (!lower || e-k >= 2) {
			s, titled = k, true
		}
	}
	c.start = s
	c.sentInit = sentInit && s == i
	allCaps := true
	for k := s; k < e; k++ {
		if !toks[k].Upper {
			allCaps = false
		}
	}
	if allCaps && e-s > 1 {
		// "LEAGUE STANDINGS", "JOHN DOE": capitals say nothing.
		c.pending = true
		*cs = append(*cs, c)
		return
	}
	if e-s == 1 && (toks[s].Upper || isAcronymLike(toks[s].Text)) {
		// An acronym: whatever the article defines it as.
		c.person = false
		c.typ = ""
		c.pending = true
		*cs = append(*cs, c)
		return
	}
	// A title after the name: "Jane Doe MP", "John Doe QC".
	for e-s >= 2 {
		if end, ti := dt.matchTitle(toks, e-1); end == e && toks[e-1].Cap && ti.class == "office" && toks[e-1].Upper {
			e--
			c.end = e
			continue
		}
		break
	}
	if e-s == 1 && len([]rune(toks[s].Text)) == 1 {
		return // a letter ("S and P")
	}
	if initialsOnly(toks, s, e) {
		return // "U. S.", "C. J." before a nickname in quotes: no name
	}
	if bareOffice(dt, toks, s, e) {
		return // "Planning Minister", "Kestrel Wireless Chairman": an office, no name
	}
	if s > 0 && toks[s-1].Cap && !toks[s-1].ParaBefore && strings.HasSuffix(toks[e-1].Lower, "s") && countryAndCommonWords(dt, toks, s-1, e) == s {
		return // "U.S. Officials" with the country found first: no name
	}
	if pe := countryAndCommonWords(dt, toks, s, e); pe > s {
		// "U.S. Officials": the country qualifies a group, no name.
		pi, _ := dt.gaz.match(toks, s)
		p := &dt.gaz.phrases[pi]
		cc := newCand(s, pe, schema.TypeCountry, p.kind)
		cc.known = int(p.known)
		*cs = append(*cs, cc)
		return
	}
	c.titled = titled
	c.evidence = titled || personContext(dt, d, i, s, e, &c)
	if titled {
		c.speechOnly = false
	} else if c.speechOnly && e < len(toks) && (personalPronounAfter(toks, e) || e+1 < len(toks) && auxiliaries[toks[e].Lower] && personalPronounAfter(toks, e+1)) {
		c.speechOnly = false // "Dole said he ...": a person
	} else if c.speechOnly && e-s == 1 && pronounAfterName(d, e) > 0 {
		// "Gandhi announced ... but he ordered", "Seaga said ... He
		// added": a person.
		c.speechOnly = false
	} else if c.speechOnly && e-s == 1 && !toks[s].Upper && speakingSubject(toks, s, e) && pronounLater(d, e) {
		// "X admitted ... On Tuesday she said": a person.
		c.speechOnly = false
	}
	if c.evidence && !titled && e-s == 1 && e < len(toks) && entSpeechVerbs[toks[e].Lower] && !honorificBefore(dt, d, s) && impersonalPronounAfter(toks, e) {
		// "Boeing said it would ...": an organization.
		c.person, c.pending, c.orgFallback = true, true, true
		*cs = append(*cs, c)
		return
	}
	if c.evidence && !titled && e-s == 1 && commonWord(dt, &toks[s]) && !honorificBefore(dt, d, s) && !personalPronounAfter(toks, e) {
		// "Nationwide said", "the Treasury has announced": a common word
		// that a verb follows is no evidence of a person, unless a
		// personal pronoun follows ("Dole said he ...").
		c.evidence = false
	}
	c.shape = nameShape(dt, d, s, e)
	if c.sentInit && commonWord(dt, &toks[s]) && !titled && e-s >= 3 && !isInitial(&toks[s+1]) && nameShape(dt, d, s+1, e) {
		// "Boss Henk Addink said", "Investor Jane Roe": a capitalised
		// common noun opening the sentence before a full name.
		s++
		c.start, c.sentInit = s, false
		c.shape = true
	}
	if c.sentInit && commonWord(dt, &toks[s]) && !titled && !(e-s == 1 && e < len(toks) && entSpeechVerbs[toks[e].Lower] && personalPronounAfter(toks, e)) &&
		!(e-s == 2 && c.shape && !commonWord(dt, &toks[e-1]) && (c.evidence && !c.speechOnly || surnameElsewhere(d, s, e))) {
		// "Officials said", "Trump said" at a sentence start: only a name
		// found elsewhere makes it one.
		c.evidence, c.shape = false, false
	}
	if !c.evidence && !c.shape {
		c.pending = true
	}
	if w := toks[e-1].Lower; !c.pending && !titled && e-s >= 2 && len(w) > 4 && w[len(w)-1] == 's' && entOrgHeads[w[:len(w)-1]] && !toks[e-1].Upper &&
		!surnameOrgHeads[w] && !pluralSurnames[w] && !dt.givenNames[toks[s].Lower] {
		// "Kestrel Networks said", "the Carter and Reagan
		// Administrations": a body, or bodies, named with the plural of
		// a body's head.
		oc := newCand(s, e, schema.TypeOrganization, MentionName)
		oc.name = d.Span(s, e)
		oc.key = "o:" + nameKey(oc.name)
		*cs = append(*cs, oc)
		return
	}
	*cs = append(*cs, c)
}

// orgDescriptors are common nouns that, right before a name, say it is an
// organization's ("oil firm X", "carmaker X", "the newspaper X").
var orgDescriptors = words(`firm company group maker manufacturer retailer airline giant
conglomerate chain brewer miner refiner insurer lender bank monopoly carmaker automaker chipmaker
drugmaker steelmaker shipbuilder subsidiary multinational club daily newspaper paper weekly
broadcaster network agency magazine tabloid`)

// mediaDescriptors are the orgDescriptors of news media.
var mediaDescriptors = words(`daily newspaper paper weekly broadcaster network station magazine tabloid`)

// companyRelations are relation nouns that, after "its", tie a company
// to another ("its rival X").
var companyRelations = words(`rival rivals competitor partner parent`)

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// camelCompany tells whether a word is written in CamelCase and ends in
// an organization's head noun ("MerchantsBank", "DataCorp"); not a
// surname with an inner capital ("McDonald", "DiMaggio").
func camelCompany(w string) bool {
	last := -1
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
			last = i
		}
	}
	if last < 3 || len(w)-last < 3 {
		return false
	}
	return entOrgHeads[strings.ToLower(w[last:])]
}

// countryAndCommonWords tells whether tokens [s, e) are a country's name
// followed by common nouns in the plural only ("U.S. Officials"), and
// where the country's name ends; s when not.
func countryAndCommonWords(dt *data, toks []Token, s, e int) int {
	pi, pe := dt.gaz.match(toks, s)
	if pi < 0 || pe >= e || dt.known[dt.gaz.phrases[pi].known].typ != schema.TypeCountry {
		return s
	}
	// A country's abbreviation ("U.S.", "UK") is no given name: a common
	// noun after it is a group or a thing, in the singular too ("U.S.
	// Banker"), and in a headline's capitals ("U.S. SOYBEANS").
	abbr := strings.Contains(toks[s].Text, ".") || toks[s].Upper && pe == s+1
	for k := pe; k < e; k++ {
		if !commonWord(dt, &toks[k]) || dt.givenNames[toks[k].Lower] || toks[k].Upper && !abbr {
			return s
		}
	}
	if !strings.HasSuffix(toks[e-1].Lower, "s") && !abbr {
		return s
	}
	return pe
}

// bareOfficeHeads are the last words of an office that is no one's
// surname.
var bareOfficeHeads = words(`president chairman chairwoman director minister secretary undersecretary governor adviser advisor
administrator spokesman spokeswoman spokesperson commissioner ambassador treasurer`)

// bareOffice tells whether tokens [s, e) are an office with the words of
// its body or portfolio before it and no name: "Planning Minister",
// "Opec President", "Assistant Secretary", "Kestrel Wireless Chairman",
// "Deputy Finance Ministers";
// not a name whose surname is a title ("Jane President" after a given
// name or an initial).
func bareOffice(dt *data, toks []Token, s, e int) bool {
	if w := toks[e-1].Lower; !bareOfficeHeads[w] && !bareOfficeHeads[strings.TrimSuffix(w, "s")] && !bareOfficeHeads[strings.TrimSuffix(w, "ies")+"y"] || toks[e-1].Upper {
		return false
	}
	for k := s; k < e-1; k++ {
		if dt.givenNames[toks[k].Lower] || isInitial(&toks[k]) || !toks[k].Cap {
			return false
		}
	}
	return true
}

// initialsOnly tells whether tokens [s, e) are all initials ("C. J.").
func initialsOnly(toks []Token, s, e int) bool {
	for k := s; k < e; k++ {
		if !isInitial(&toks[k]) {
			return false
		}
	}
	return e > s
}

// isInitial tells whether a token is an initial ("R.", "J").
func isInitial(t *Token) bool {
	n := len(t.Text)
	return t.Kind == Word && t.Cap && (n == 1 || n == 2 && t.Text[1] == '.')
}

// surnameElsewhere tells whether the last word of the name [s, e) stands
// without the first elsewhere in the article ("Sladkus said" after "Mark
// Sladkus, publisher of ..."): the article uses it as a surname.
func surnameElsewhere(d *Doc, s, e int) bool {
	if d.capCount == nil {
		d.capCount = map[string]int32{}
		for i := range d.Tokens {
			if t := &d.Tokens[i]; t.Kind == Word && t.Cap {
				d.capCount[t.Text]++
			}
		}
	}
	return d.capCount[d.Tokens[e-1].Text] > d.capCount[d.Tokens[s].Text]
}

// personContext looks around a name for evidence that it is a person: a
// title or relation noun before it ("spokesman, Bahram Ghassemi", "his
// predecessor Barack Obama"), a speech verb after it, "said X",
// "X, who", or an apposition with a title ("X, the foreign minister,").
func personContext(dt *data, d *Doc, i, s, e int, c *candidate) bool {
	toks := d.Tokens
	k := i
	if k > 0 && toks[k-1].Text == "," {
		k--
	}
	if ts, ti := dt.titleEndingAt(toks, k); ts < k && (toks[ts].Cap || !capOnlyTitle(toks[ts].Lower, ti)) {
		if ti.gender != GenderUnknown && c.gender == GenderUnknown {
			c.gender = ti.gender
		}
		return true
	}
	if i > 0 {
		switch toks[i-1].Lower {
		case "said", "says", "told", "asked", "added", "wrote":
			c.speechOnly = true
			return true
		}
	}
	if e < len(toks) {
		n := &toks[e]
		if entSpeechVerbs[n.Lower] && n.Kind == Word {
			c.speechOnly = true
			return true
		}
		if (n.Lower == "has" || n.Lower == "had" || n.Lower == "also") && e+1 < len(toks) && entSpeechVerbs[toks[e+1].Lower] {
			c.speechOnly = true
			return true
		}
		if n.Lower == "as" && e-s >= 2 && s > 0 && appointedBefore(toks, s) && asOffice(dt, toks, e+1) {
			return true // "brought in X Y as executive director"
		}
		if n.Text == "(" && e+2 < len(toks) && toks[e+2].Text == ")" {
			// "Jane Doe (Britain)", "John Doe (R-Texas)": a country or a
			// party tag after a name.
			if pi, end := dt.gaz.match(toks, e+1); pi >= 0 && end == e+2 && dt.known[dt.gaz.phrases[pi].known].typ == schema.TypeCountry {
				return true
			}
			if w := toks[e+1].Text; len(w) > 2 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' {
				return true
			}
		}
		if n.Text == "," && e+1 < len(toks) {
			m := &toks[e+1]
			if m.Lower == "who" {
				return true
			}
			// Apposition: ", [the|a|an|his|her|Country's] ... TITLE [of|for ...],"
			for k := e + 1; k < len(toks) && k < e+9; k++ {
				if toks[k].Text == "," || toks[k].Text == "." || toks[k].Kind == QuoteOpen || toks[k].Kind == QuoteClose {
					break
				}
				if end, ti := dt.matchTitle(toks, k); end > k && ti.class == "office" {
					if !toks[k].Cap || k > e+1 {
						return true
					}
				}
			}
		}
	}
	return false
}

// appointVerbs take a person "as" an office: "named X Y as chief
// executive", "brought in X Y as director"; not "joined X Y as", "serves
// X Y as" (the organization).
var appointVerbs = words(`named name names naming appointed appoint appoints appointing elected elect
elects hired hire hires installed install recruited recruit chose choose chosen picked pick confirmed
nominated nominate replaced replace replaces succeeded succeed succeeds re-elected reappointed`)

// appointedBefore tells whether an appointing verb stands right before
// token s ("named", "brought in").
func appointedBefore(toks []Token, s int) bool {
	if s > 1 && toks[s-1].Lower == "in" {
		switch toks[s-2].Lower {
		case "bring", "brings", "bringing", "brought", "drafted", "draft":
			return true
		}
	}
	return s > 0 && appointVerbs[toks[s-1].Lower]
}

// asOffice tells whether an office a person holds starts at k, after
// "as": "[the|a|its] [new|interim|...] executive director"; not an
// adviser's, which firms are too ("X Y as financial adviser").
func asOffice(dt *data, toks []Token, k int) bool {
	if k < len(toks) && (determiners[toks[k].Lower] || toks[k].Lower == "its" || toks[k].Lower == "their") {
		k++
	}
	for n := 0; n < 3 && k < len(toks) && toks[k].Kind == Word && !toks[k].Cap; n++ {
		if end, ti := dt.matchTitle(toks, k); end > k {
			last := toks[end-1].Lower
			return ti.class == "office" && last != "adviser" && last != "advisor"
		}
		k++
	}
	return false
}

// nameShape tells whether [s, e) looks like a person's full name: two to
// four capitalised words, not all of them common English words, none a
// function word, no acronym.
func nameShape(dt *data, d *Doc, s, e int) bool {
	n := e - s
	if n < 2 || n > 4 {
		return false
	}
	common := 0
	for k := s; k < e; k++ {
		t := &d.Tokens[k]
		if t.Kind != Word {
			return false
		}
		if !t.Cap {
			if nameParticles[t.Lower] {
				continue
			}
			return false
		}
		if len(t.Text) == 1 || strings.Count(t.Text, ".") >= 2 {
			return false // "W D L G", "N.Z. Dlrs": letters and abbreviations
		}
		if isNonName(t) || adjectiveNonNames[t.Lower] || (t.Upper && !strings.HasSuffix(t.Text, ".")) {
			return false
		}
		if commonWord(dt, t) {
			common++
		}
		if demonymCompound(dt, t.Lower) {
			return false
		}
		if k := strings.LastIndexByte(t.Lower, '-'); k > 0 && dt.lexicon[t.Lower[k+1:]] && t.Text[k+1] >= 'a' && t.Text[k+1] <= 'z' {
			return false // "I-era", "Paris-based"
		}
		if pi, pe := dt.gaz.match(d.Tokens, k); pi >= 0 && dt.known[dt.gaz.phrases[pi].known].typ != schema.TypeOrganization &&
			!(pe == e && k == e-1 && k > s && !commonWord(dt, &d.Tokens[k-1]) && !adjectival(d.Tokens[k-1].Lower)) {
			return false // "Bolshevik Russia"; not "Derek Jordan"
		}
	}
	return common < n
}

// surnameKey is the nameKey of a person's surname: the last word, with
// the particles before it ("le drian" of "Jean-Yves Le Drian").
func surnameKey(name string) string {
	_, sur := nameParts(nameKey(name))
	return sur
}

// nameParts splits a person's name key into its first word and its
// surname (with particles); the surname is "" for one-word names.
func nameParts(key string) (first, sur string) {
	ws := strings.Fields(key)
	if len(ws) < 2 {
		return key, ""
	}
	k := len(ws) - 1
	for k > 1 && nameParticles[ws[k-1]] {
		k--
	}
	return ws[0], strings.Join(ws[k:], " ")
}

// stripArticle drops an Arabic article from a surname key ("al-tayeb",
// "el-tayeb" -> "tayeb"), whose spelling varies.
func stripArticle(k string) string {
	for _, a := range []string{"al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "an-", "ash-"} {
		if strings.HasPrefix(k, a) && len(k) > len(a)+1 {
			return k[len(a):]
		}
	}
	return k
}

// personName is a person entity's name, split once.
type personName struct {
	ei              int
	key, first, sur string
}

func newPersonName(ei int, name string) personName {
	p := personName{ei: ei, key: nameKey(name)}
	p.first, p.sur = nameParts(p.key)
	p.first = strings.TrimSuffix(p.first, ".")
	return p
}

// same tells whether two full names denote the same person: same
// surname and compatible first names (equal, or an initial of the
// other), middle names free.
func (a personName) same(b personName) bool {
	if a.key == b.key {
		return true
	}
	if a.sur == "" || a.sur != b.sur {
		return false
	}
	fa, fb := a.first, b.first
	return fa == fb || (len(fa) == 1 && strings.HasPrefix(fb, fa)) || (len(fb) == 1 && strings.HasPrefix(fa, fb))
}

// sameName tells whether two full names of persons denote the same one.
func sameName(a, b string) bool {
	return newPersonName(0, a).same(newPersonName(0, b))
}

// persons turns person candidates into entities: full names first, then
// surnames and single names, which join the one person they name.
func (r *resolver) persons() {
	d := r.d
	var works map[string]bool
	for ci := range r.cs {
		if c := &r.cs[ci]; c.work {
			if works == nil {
				works = map[string]bool{}
			}
			works[nameKey(d.Span(c.start, c.end))] = true
		}
	}
	d.works = works
	for ci := range r.cs {
		// A work's title stays one wherever it stands ("Vera Pike won").
		if c := &r.cs[ci]; works != nil && c.person && works[nameKey(d.Span(c.start, c.end))] {
			c.person, c.pending, c.work = false, false, true
		}
	}
	for ci := range r.cs {
		c := &r.cs[ci]
		if !c.person || c.pending || c.end-c.start < 2 || (!c.evidence && !c.shape) || particleStart(d, c.start) {
			continue
		}
		if (!c.evidence || c.speechOnly) && placeContext(d, c.start, c.end) && !givenNameFirst(r.dt, d, c.start, c.end) {
			// "residents of Milton Keynes", "a rally in Castle Combe": a
			// place unless the article names a person so elsewhere.
			c.placeCtx, c.pending = true, true
			continue
		}
		name := d.Span(c.start, c.end)
		if !c.titled && c.speechOnly || !c.titled && !c.evidence {
			// "Computer Terminal said" after "Computer Terminal Systems
			// Inc": the company's short name.
			if ei := r.companyPrefix(nameKey(name)); ei >= 0 {
				c.entity, c.kind, c.person, c.typ = ei, MentionAlias, false, schema.TypeOrganization
				continue
			}
		}
		pn := newPersonName(-1, name)
		for k := range r.people {
			p := &r.people[k]
			if p.same(pn) {
				c.entity = p.ei
				c.kind = MentionName
				if e := d.Entities[p.ei]; len(name) > len(e.Name) {
					addAlias(e, e.Name)
					e.Name = name
					pn.ei = p.ei
					*p = pn
				}
				break
			}
		}
		if c.entity < 0 {
			c.entity = r.entity("p:"+pn.key, func() *Entity {
				return &Entity{Type: schema.TypePerson, Name: name}
			})
			pn.ei = c.entity
			r.people = append(r.people, pn)
		}
	}
	var names map[string]int
	// Names with evidence of a person first (a title, an apposition),
	// then those whose only evidence is a speech verb ("Pirelli said"),
	// then the rest, which only join.
	for pass := 0; pass < 3; pass++ {
		for ci := range r.cs {
			c := &r.cs[ci]
			if !c.person || c.entity >= 0 || pass < 2 && (c.pending || !c.evidence) || pass == 0 && c.speechOnly {
				continue
			}
			if names == nil {
				names = r.nameIndex()
			}
			r.person(ci, names)
		}
	}
	for ci := range r.cs {
		c := &r.cs[ci]
		if c.person && c.entity < 0 && c.end-c.start == 1 && !c.titled && !commonWord(r.dt, &d.Tokens[c.start]) && r.coordinatedWithOrg(ci) {
			// "Skyvance and Halden Systems": one word joined to an
			// organization is one too.
			c.orgFallback = true
		}
		if c.placeCtx && c.entity < 0 {
			name := d.Span(c.start, c.end)
			c.person, c.typ, c.kind = false, schema.TypeLocation, MentionName
			c.entity = r.entity("l:"+nameKey(name), func() *Entity {
				return &Entity{Type: schema.TypeLocation, Name: name}
			})
		}
		if c.orgFallback && c.entity < 0 {
			name := d.Span(c.start, c.end)
			c.person, c.typ, c.kind = false, schema.TypeOrganization, MentionName
			if ei := r.orgStartingWith(nameKey(name)); ei >= 0 {
				// "the Kestrel plant" after "its Kestrel Castings unit"
				c.entity, c.kind = ei, MentionAlias
				continue
			}
			c.entity = r.entity("o:"+nameKey(name), func() *Entity {
				return &Entity{Type: schema.TypeOrganization, Name: name, Kind: orgCompany}
			})
		}
	}
}

// placeNouns are nouns whose "of" phrase names a place ("residents of X").
var placeNouns = words(`residents resident people town city village county borough streets centre
center outskirts suburbs suburb area areas region district constituency seat mayor council
shores port citizens`)

// placeContext tells whether a name [s, e) stands where a place stands:
// after "in", "near", "at", "outside", "across", "around", or "of" after a
// place noun ("residents of X"), and not before a possessive ("in X's
// budget") or a noun it qualifies.
func placeContext(d *Doc, s, e int) bool {
	toks := d.Tokens
	if s == 0 {
		return false
	}
	if e < len(toks) && toks[e].Kind == Possessive {
		return false
	}
	switch p := toks[s-1].Lower; p {
	case "in", "near", "at", "outside", "across", "around":
		return true
	case "of":
		return s >= 2 && placeNouns[toks[s-2].Lower]
	}
	return false
}

// givenNameFirst tells whether the name [s, e) of two words or more
// starts with a common given name ("lack of trust in Tony Blair"): a
// person's name, wherever it stands.
func givenNameFirst(dt *data, d *Doc, s, e int) bool {
	return e-s >= 2 && d.Tokens[s].Cap && !d.Tokens[s].Upper && dt.givenNames[d.Tokens[s].Lower]
}

// orgStartingWith returns the one organization whose name starts with
// the words of key, or -1.
func (r *resolver) orgStartingWith(key string) int {
	if r.orgStarts == nil {
		r.orgStarts = map[string]int{}
	}
	// Index the organizations made since the last call by the word
	// prefixes of their names.
	for ; r.orgStartsN < len(r.d.Entities); r.orgStartsN++ {
		e := r.d.Entities[r.orgStartsN]
		if e.Type != schema.TypeOrganization {
			continue
		}
		k := nameKey(e.Name)
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				p := k[:i]
				if o, ok := r.orgStarts[p]; ok && o != r.orgStartsN {
					r.orgStarts[p] = -1
				} else if !ok {
					r.orgStarts[p] = r.orgStartsN
				}
			}
		}
	}
	if ei, ok := r.orgStarts[key]; ok {
		return ei
	}
	return -1
}

// companyPrefix returns the company whose name starts with the words of
// key, its legal form or business noun left out ("computer terminal" and
// "computer terminal systems" of "Computer Terminal Systems Inc"), or -1.
// Only companies (orgCompany, orgBank) have such short names.
func (r *resolver) companyPrefix(key string) int {
	if r.prefixes == nil {
		r.prefixes = map[string]int{}
		for ei, e := range r.d.Entities {
			if e.Type != schema.TypeOrganization || e.Kind != orgCompany && e.Kind != orgBank {
				continue
			}
			ws := strings.Fields(nameKey(e.Name))
			if len(ws) < 2 {
				continue
			}
			for n := 1; n < len(ws); n++ {
				p := strings.Join(ws[:n], " ")
				if ws[n-1] == "of" || ws[n-1] == "and" || ws[n-1] == "&" || ws[n-1] == "the" {
					continue
				}
				if o, ok := r.prefixes[p]; ok && o != ei {
					r.prefixes[p] = -1 // two companies start so
					continue
				}
				r.prefixes[p] = ei
			}
		}
	}
	if ei, ok := r.prefixes[key]; ok {
		if ei < 0 {
			// Two companies start so: the one that is only the words
			// and a legal form ("Canadian Pacific Ltd", not "Canadian
			// Pacific Airlines Ltd").
			return r.companyWithLegalForm(key)
		}
		return ei
	}
	return -1
}

// person resolves one person candidate that is not a full name with
// evidence: it joins the entity it names, or makes a new person when it
// has evidence of its own.
func (r *resolver) person(ci int, names map[string]int) {
	d := r.d
	c := &r.cs[ci]
	span := d.Span(c.start, c.end)
	key := nameKey(span)
	if ei, ok := names[key]; ok {
		c.entity = ei
		c.kind = MentionAlias
		if d.Entities[ei].Type != schema.TypePerson {
			c.kind = MentionName
		}
		return
	}
	if !c.titled {
		if ei := r.companyPrefix(key); ei >= 0 {
			c.entity, c.kind, c.person, c.typ = ei, MentionAlias, false, schema.TypeOrganization
			return
		}
	}
	if ei := r.personByPart(ci, key); ei >= 0 {
		c.entity = ei
		c.kind = MentionAlias
		return
	}
	if c.pending || c.end-c.start > 1 && particleStart(d, c.start) && !c.evidence {
		return
	}
	if c.end-c.start == 1 && !c.evidence {
		return
	}
	if c.end-c.start == 1 && !c.titled && commonWord(r.dt, &d.Tokens[c.start]) && !r.dt.givenNames[d.Tokens[c.start].Lower] && r.writtenLower(d.Tokens[c.start].Lower) {
		// "Bookmakers predict ..." in an article that writes "bookmakers"
		// elsewhere: a common noun, capitalised where a sentence starts.
		return
	}
	if c.end-c.start == 1 && c.speechOnly {
		// "Pirelli said", "Gazprom has announced": one word that names no
		// person of the article and only speaks is an organization
		// (people are introduced by their full names).
		c.person, c.typ, c.kind = false, schema.TypeOrganization, MentionName
		c.entity = r.entity("o:"+key, func() *Entity {
			return &Entity{Type: schema.TypeOrganization, Name: span, Kind: orgCompany}
		})
		names[key] = c.entity
		return
	}
	c.entity = r.entity("p:"+key, func() *Entity {
		return &Entity{Type: schema.TypePerson, Name: span}
	})
	names[key] = c.entity
}

// particleStart tells whether a name starts with a particle ("Le Drian",
// "al-Assad"): a surname, not a full name.
func particleStart(d *Doc, i int) bool {
	t := &d.Tokens[i]
	if t.Cap && firstNameParticles[t.Lower] {
		return false // "Della Bousquet", "Ben Smith": a first name
	}
	return nameParticles[t.Lower]
}

// firstNameParticles are particles that, capitalised at the start of a
// name, are first names.
var firstNameParticles = words(`della dos das ben`)

// nameIndex maps the nameKey of every entity's name and aliases to it.
func (r *resolver) nameIndex() map[string]int {
	idx := make(map[string]int, len(r.d.Entities)*4)
	put := func(k string, ei int) {
		if _, ok := idx[k]; !ok {
			idx[k] = ei
		}
	}
	for ei, e := range r.d.Entities {
		if ki, ok := r.known[ei]; ok && len(e.Aliases) == len(r.dt.known[ki].aliases) {
			// A gazetteer entity as loaded: its keys are computed once.
			for _, k := range r.dt.known[ki].keys {
				put(k, ei)
			}
			continue
		}
		put(nameKey(e.Name), ei)
		for _, a := range e.Aliases {
			put(nameKey(a), ei)
		}
	}
	return idx
}

// pending resolves the candidates that only count when they name an
// entity found elsewhere: acronyms, single capitalised words, and short
// forms of a country's official name ("the Islamic Republic").
func (r *resolver) pending() {
	d := r.d
	any := false
	for ci := range r.cs {
		if c := &r.cs[ci]; c.pending && c.entity < 0 && !c.person {
			any = true
			break
		}
	}
	if !any {
		return
	}
	names := r.nameIndex()
	for ci := range r.cs {
		c := &r.cs[ci]
		if !c.pending || c.entity >= 0 || c.person {
			continue
		}
		key := nameKey(d.Span(c.start, c.end))
		if ei, ok := names[key]; ok {
			c.entity = ei
			c.kind = MentionAlias
			continue
		}
	}
	// An acronym the article does not define that acts as an
	// organization: before a speech verb ("FNV said"), coordinated with an
	// organization ("EADS and BAE Systems"), or in apposition to one
	// ("the transport union, FNV,").
	for ci := range r.cs {
		c := &r.cs[ci]
		if !c.pending || c.entity >= 0 || c.person || c.typ != "" || c.end-c.start != 1 || !d.Tokens[c.start].Upper {
			continue
		}
		if r.acronymActsAsOrg(ci) {
			name := d.Span(c.start, c.end)
			c.typ, c.kind = schema.TypeOrganization, MentionName
			c.entity = r.entity("o:"+nameKey(name), func() *Entity {
				return &Entity{Type: schema.TypeOrganization, Name: name}
			})
			names[nameKey(name)] = c.entity
		}
	}
	// Short forms of official names: "Islamic Republic" for the Islamic
	// Republic of Iran, when one country of the article has it.
	for ci := range r.cs {
		c := &r.cs[ci]
		if !c.pending || c.entity >= 0 || c.end-c.start < 2 {
			continue
		}
		key := " " + nameKey(d.Span(c.start, c.end)) + " "
		found := -1
		for ei, e := range d.Entities {
			if e.Type != schema.TypeCountry {
				continue
			}
			for _, a := range e.Aliases {
				if strings.Contains(" "+nameKey(a)+" ", key) {
					if found >= 0 && found != ei {
						found = -2
					} else if found != -2 {
						found = ei
					}
					break
				}
			}
		}
		if found >= 0 {
			c.entity = found
			c.kind = MentionReference
			c.person = false
		}
	}
}

// coordinatedWithOrg tells whether candidate ci is joined by "and" or "or"
// to an organization's name ("Skyvance and Halden Systems").
func (r *resolver) coordinatedWithOrg(ci int) bool {
	d := r.d
	toks := d.Tokens
	c := &r.cs[ci]
	isOrg := func(k int) bool {
		for cj := max(ci-3, 0); cj < len(r.cs) && cj <= ci+3; cj++ {
			o := &r.cs[cj]
			if o.start <= k && k < o.end && o.entity >= 0 {
				return d.Entities[o.entity].Type == schema.TypeOrganization
			}
		}
		return false
	}
	if c.end+1 < len(toks) && (toks[c.end].Lower == "and" || toks[c.end].Lower == "or") && isOrg(c.end+1) {
		return true
	}
	return c.start >= 2 && (toks[c.start-1].Lower == "and" || toks[c.start-1].Lower == "or") && isOrg(c.start-2)
}

// acronymActsAsOrg tells whether the acronym candidate ci stands where an
// organization stands: subject of a speech verb, coordinated with an
// organization, or in apposition after an organization noun.
func (r *resolver) acronymActsAsOrg(ci int) bool {
	d := r.d
	toks := d.Tokens
	c := &r.cs[ci]
	if len(toks[c.start].Text) > 6 {
		return false
	}
	if c.end < len(toks) && entSpeechVerbs[toks[c.end].Lower] && c.end+1 < len(toks) && toks[c.end+1].Lower != "by" {
		return true
	}
	isOrg := func(k int) bool {
		for cj := range r.cs {
			o := &r.cs[cj]
			if o.start <= k && k < o.end && o.entity >= 0 {
				return d.Entities[o.entity].Type == schema.TypeOrganization
			}
		}
		return false
	}
	if c.end+1 < len(toks) && (toks[c.end].Lower == "and" || toks[c.end].Lower == "or") && isOrg(c.end+1) {
		return true
	}
	if c.start >= 2 && (toks[c.start-1].Lower == "and" || toks[c.start-1].Lower == "or") && isOrg(c.start-2) {
		return true
	}
	if c.start >= 2 && toks[c.start-1].Text == "," && (orgDescriptors[toks[c.start-2].Lower] || unionHeads[toks[c.start-2].Lower] || entOrgHeads[toks[c.start-2].Lower]) && !toks[c.start-2].Cap {
		return true
	}
	return false
}

// capOnlyTitle tells whether a title word counts only when capitalised:
// honorifics and words that are also common adjectives ("major", "chief").
func capOnlyTitle(w string, ti titleInfo) bool {
	if ti.class == "honorific" {
		return true
	}
	switch w {
	case "major", "general", "chief", "head", "star", "late", "former", "justice", "speaker", "leader", "friend", "deputy", "official", "captain":
		return true
	}
	return false
}

// adjectival tells whether a word has an adjective's ending
// (progressive, socialist, liberal, republican).
func adjectival(w string) bool {
	for _, suf := range []string{"ive", "ist", "al", "an", "ic", "ous", "ary"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// labelSuffix tells whether a word has the ending of a follower's or a
// doer's label (Blairite, Thatcherite, matchwinner, campaigner).
func labelSuffix(w string) bool {
	for _, suf := range []string{"ite", "ites", "er", "ist"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// demonymCompound tells whether a hyphenated word is made of demonyms
// ("Cuban-American", "Iranian-born" is not: only demonyms count).
func demonymCompound(dt *data, w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	for _, part := range strings.Split(w, "-") {
		ok := false
		for _, pi := range dt.gaz.first[part] {
			p := &dt.gaz.phrases[pi]
			if len(p.toks) == 1 && p.kind == MentionDemonym {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// personByPart returns the person a surname (or, failing that, a first
// name) at candidate ci names: the one person with it, or, when several
// share it, the one named last before ci. The people are indexed once,
// so that a long document costs a look-up per candidate.
func (r *resolver) personByPart(ci int, key string) int {
	if r.parts == nil {
		r.parts = map[string][]int32{}
		for k := range r.people {
			p := &r.people[k]
			if p.sur == "" {
				continue
			}
			seen := map[string]bool{}
			put := func(ik string) {
				if !seen[ik] {
					seen[ik] = true
					r.parts[ik] = append(r.parts[ik], int32(k))
				}
			}
			put("s:" + p.sur)
			put("s:" + stripArticle(p.sur))
			for i := 0; i < len(p.key); i++ {
				if p.key[i] == ' ' {
					put("s:" + p.key[i+1:])
				}
			}
			put("f:" + p.first)
		}
	}
	var found [8]int
	for _, prefix := range []string{"s:", "f:"} {
		n := 0
		list := r.parts[prefix+key]
		if len(list) == 0 && prefix == "s:" {
			list = r.parts[prefix+stripArticle(key)] // "El-Tayeb" for "al-Tayeb"
		}
		for _, k := range list {
			p := &r.people[k]
			if p.key == key {
				continue
			}
			dup := false
			for _, f := range found[:n] {
				dup = dup || f == p.ei
			}
			if !dup && n < len(found) {
				found[n] = p.ei
				n++
			}
		}
		switch n {
		case 0:
			continue
		case 1:
			return found[0]
		}
		// Several: the one named last before ci.
		start := r.cs[ci].start
		for cj := ci - 1; cj >= 0; cj-- {
			o := &r.cs[cj]
			if o.start >= start || o.entity < 0 {
				continue
			}
			for _, f := range found[:n] {
				if o.entity == f {
					return f
				}
			}
		}
		return found[0]
	}
	return -1
}

// honorificBefore tells whether a title or honorific stands right before
// token s ("Mr Young", "Lord Butler").
func honorificBefore(dt *data, d *Doc, s int) bool {
	ts, ti := dt.titleEndingAt(d.Tokens, s)
	return ts < s && d.Tokens[ts].Cap && ti.class != "relation"
}

// pronounAfterName tells which pronoun first refers back after a name
// ending at e: +1 for he/she/his/her/him in the rest of its sentence
// (outside quotation marks) or opening the next one, -1 for it/its, 0
// when none does.
func pronounAfterName(d *Doc, e int) int {
	toks := d.Tokens
	if e >= len(toks) {
		return 0
	}
	sent := toks[e].Sent
	quoted := false
	for k := e; k < len(toks) && k < e+60; k++ {
		t := &toks[k]
		if t.Sent != sent {
			if t.Sent == sent+1 && (t.Lower == "he" || t.Lower == "she") {
				return 1
			}
			break
		}
		if t.IsQuote() {
			quoted = !quoted
			continue
		}
		if quoted || t.Kind != Word {
			continue
		}
		switch t.Lower {
		case "he", "she", "his", "her", "him":
			return 1
		case "it", "its":
			return -1
		}
	}
	return 0
}

// pronounLater tells whether "he" or "she" refers back to a name ending
// at e from one of the three sentences after the name's, outside
// quotations, before anyone else could: it stops at "it" or "they"
// opening a sentence, a role noun ("the chief executive said he"), an
// honorific or two capitalised words in a row (another person named).
func pronounLater(d *Doc, e int) bool {
	toks := d.Tokens
	if e >= len(toks) {
		return false
	}
	sent := toks[e].Sent
	quoted := false
	for k := e; k < len(toks) && toks[k].Sent <= sent+3; k++ {
		t := &toks[k]
		if t.IsQuote() {
			quoted = !quoted
			continue
		}
		if quoted || t.Kind != Word {
			continue
		}
		first := k == d.Sentences[t.Sent].Start
		switch {
		case t.Sent == sent && (t.Lower == "he" || t.Lower == "she"):
			// its own sentence's pronouns are pronounAfterName's
		case t.Lower == "he" || t.Lower == "she":
			return true
		case first && (t.Lower == "it" || t.Lower == "its" || t.Lower == "they"):
			return false
		case roleNouns[t.Lower] || honorificWords[t.Lower]:
			return false
		case t.Cap && k+1 < len(toks) && toks[k+1].Kind == Word && toks[k+1].Cap && !(first && (prepositions[t.Lower] || determiners[t.Lower])):
			return false // not "On Tuesday she said"
		}
	}
	return false
}

// speakingSubject tells whether the name [s, e) is the subject of a
// speech verb: "X said", "X has admitted", "..., said X.", not the
// claim's subject in "Y said X would", nor a complement ("a spokesman
// for X said").
func speakingSubject(toks []Token, s, e int) bool {
	for j := s - 1; j >= 0 && j >= s-4 && toks[j].Sent == toks[s].Sent && toks[j].Kind == Word; j-- {
		if w := toks[j].Lower; prepositions[w] || w == "of" || w == "for" {
			return false // "a spokesman for distributor X said": a complement
		}
	}
	if e < len(toks) && toks[e].Kind == Word && entSpeechVerbs[toks[e].Lower] {
		return true
	}
	if e+1 < len(toks) && (toks[e].Lower == "has" || toks[e].Lower == "had" || toks[e].Lower == "also") && entSpeechVerbs[toks[e+1].Lower] {
		return true
	}
	return s > 0 && e < len(toks) && toks[e].Kind != Word && !toks[e].IsQuote() && entSpeechVerbs[toks[s-1].Lower]
}

// personalPronounAfter tells whether "he", "she", "his" or "her" comes
// within a few tokens after the verb that follows a name, in its sentence:
// "Dole said he would", "Dole told reporters his plan".
func personalPronounAfter(toks []Token, e int) bool {
	for k := e + 1; k < len(toks) && k <= e+4 && toks[k].Sent == toks[e].Sent; k++ {
		switch toks[k].Lower {
		case "he", "she", "his", "her", "him":
			return true
		case "it", "its", "they", "their":
			return false
		}
	}
	return false
}

// impersonalPronounAfter tells whether "it" or "its" comes within a few
// tokens after the verb that follows a name: "Boeing said it would".
func impersonalPronounAfter(toks []Token, e int) bool {
	for k := e + 1; k < len(toks) && k <= e+4 && toks[k].Sent == toks[e].Sent; k++ {
		switch toks[k].Lower {
		case "it", "its":
			return true
		case "he", "she", "his", "her", "they", "their":
			return false
		}
	}
	return false
}

// workNouns name a work or a band: a capitalised name right after one is
// its title ("the film X", "their new album X", "rock band X"); not a
// plural ("one of the shows X presents").
var workNouns = words(`film movie album single song track band novel book play musical drama
comedy thriller sitcom series documentary biopic opera soundtrack show programme ep`)

// workVerbNouns are work nouns that are also verbs ("polls show X
// ahead", "X will play Y"): a title only after a determiner or an
// adjective ("the show X", "hit show X", "her play X").
var workVerbNouns = words(`show play book single track`)

// workDeterminers may stand before a verb-like work noun.
var workDeterminers = words(`the a an his her their its new hit debut latest first second third last
next final stage tv radio comedy bbc`)

// workPreps are phrases that put a work's title after them ("starring in
// X", "a role in X", "the star of X").
var workPreps = map[string]string{"starring": "in", "role": "in", "roles": "in", "starred": "in", "appeared": "in", "appearing": "in", "star": "of", "stars": "in"}

// workContext tells whether the name [s, e) is the title of a work or a
// band: after a work noun, after "starring in" or "a role in", after a
// capitalised "The" inside a sentence ("for The Shawshank X"), or alone
// inside quotation marks.
func workContext(d *Doc, s, e int) bool {
	toks := d.Tokens
	if s < 1 || e < len(toks) && (toks[e].Kind == Possessive || toks[e].Text == "'" || !toks[e].Cap && workNouns[toks[e].Lower]) {
		return false // "starring in X's film", "the star of X musical Y": X made it
	}
	p := &toks[s-1]
	if p.Kind == Word && !p.Cap && workNouns[p.Lower] {
		if !workVerbNouns[p.Lower] {
			return true
		}
		if s >= 2 {
			q := &toks[s-2]
			return q.Kind == Possessive || q.Kind == Word && workDeterminers[q.Lower]
		}
		return false
	}
	if p.Kind == Word && s >= 2 {
		if prev, ok := workPreps[toks[s-2].Lower]; ok && prev == p.Lower && toks[s-2].Kind == Word && !toks[s-2].Cap {
			return true
		}
	}
	if p.Text == "The" && s >= 2 && toks[s-2].Sent == p.Sent && !toks[s-2].IsQuote() && toks[s-2].Kind == Word {
		return true
	}
	if p.IsQuote() && e < len(toks) && toks[e].IsQuote() && e-s <= 5 && (s < 2 || toks[s-2].Kind == Word) {
		return true
	}
	return false
}

// officeComplementBefore tells whether token s follows an office title and
// its complement: a title, then capitalised words and the connectors of,
// for, to, the, and, up to a connector just before s ("Minister of State
// for", "Chief Secretary to the", "Director of the Office of Management
// and"). lower tells that the title is in lower case ("the director of
// the Office of"): then only a given name may follow.
func officeComplementBefore(dt *data, toks []Token, s int) (ok, lower bool) {
	if s < 2 || toks[s-1].Cap || toks[s-1].Kind != Word {
		return false, false
	}
	switch toks[s-1].Lower {
	case "of", "for", "the", "and":
	default:
		return false, false
	}
	sent := toks[s].Sent
	for p := s - 1; p >= 0 && p >= s-10 && toks[p].Sent == sent && toks[p].Kind == Word; p-- {
		t := &toks[p]
		if !t.Cap {
			switch t.Lower {
			case "of", "for", "to", "the", "and":
				continue
			}
			// A title in lower case: "the director of the Office of
			// Management and Budget Jane Doe".
			if end, ti := dt.matchTitle(toks, p); end > p && ti.class == "office" && end < s && !toks[end].Cap {
				return true, true
			}
			return false, false
		}
		if end, ti := dt.matchTitle(toks, p); end > p && ti.class == "office" && end < s && !toks[end].Cap {
			return true, false
		}
		if p+1 < s && toks[p+1].ParaBefore {
			return false, false
		}
	}
	return false, false
}

// compassWord tells whether w is a point of the compass or an adjective
// of one ("northeastern", "south-west"): a place's word, not an office's.
func compassWord(w string) bool {
	w = strings.ReplaceAll(w, "-", "")
	for _, p := range []string{"north", "south", "east", "west", "central", "upper", "lower", "greater"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// writtenLower tells whether the article writes the word w (lower case) in
// lower case.
func (r *resolver) writtenLower(w string) bool {
	if r.lower == nil {
		r.lower = map[string]bool{}
		for k := range r.d.Tokens {
			if t := &r.d.Tokens[k]; t.Kind == Word && !t.Cap {
				r.lower[t.Lower] = true
			}
		}
	}
	return r.lower[w]
}

// pluralSurnames are plurals of an organization's head that are common
// surnames ("Chambers", "Powers").
var pluralSurnames = words(`chambers powers offices houses`)
