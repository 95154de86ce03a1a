package extract

import "strings"

// Word classes the attribution rules use to read a clause without a
// parser. All are general English function words, titles and nouns.

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	// determiners open a noun phrase and never precede a verb.
	determiners = wordSet(`the a an this that these those his her its their our my your whose
		no any each every some another either neither such`)

	// subjectPronouns can be the subject of a speech verb.
	subjectPronouns = wordSet(`he she they it we i you`)

	// objectPronouns are addressees after "told".
	objectPronouns = wordSet(`him her them me us you it reporters journalists supporters
		viewers listeners lawmakers members voters students delegates attendees audiences
		the_crowd crowds colleagues investigators officials allies`)

	// auxiliaries and adverbs may stand between a subject and its verb
	// ("has also stressed", "had previously claimed").
	auxiliaries = wordSet(`has have had is was are were be been being will would could should
		may might must can shall did does do also later then previously earlier again
		repeatedly recently once reportedly publicly privately separately further first
		quickly immediately simply flatly firmly clearly often frequently long already still
		even just only now yet too subsequently finally initially originally similarly
		likewise openly angrily bluntly sharply strongly explicitly specifically sometimes
		always today yesterday tonight herself himself themselves itself meanwhile however
		meantime nonetheless nevertheless therefore though instead`)

	// negations before a speech verb deny that the claim was made.
	negations = wordSet(`not never n't didn't doesn't don't won't wouldn't hasn't haven't
		hadn't cannot can't couldn't refused declined`)

	// clauseWords end a noun phrase read leftwards from a verb: what
	// comes before them belongs to another clause.
	clauseWords = wordSet(`that which who whom whose and but or nor because when while as if
		after before since where although though than so whether until unless whereas yet
		what how why`)

	// prepositions end a noun phrase read leftwards, except the
	// connectors "of", "for" and "to" inside a title or role ("Secretary of
	// State X", "a spokesman for Y", "an adviser to Z").
	prepositions = wordSet(`in on at during with from to by about over under into through via
		among between against without despite amid across toward towards upon within behind
		beyond near following like unlike per off onto out up down around throughout`)

	// npConnectors are prepositions that may join parts of a speaker's
	// noun phrase.
	npConnectors = wordSet(`of for`)

	// roleNouns are titles and functions that, with "the", point back to
	// a person the article has named ("the spokesman", "the minister").
	roleNouns = wordSet(`spokesman spokeswoman spokesperson minister president senator governor
		secretary chairman chairwoman chair director ambassador envoy mayor leader
		congressman congresswoman representative speaker chief candidate nominee premier
		chancellor king queen prince princess emperor pope general commander prosecutor
		judge attorney lawyer
		businessman businesswoman billionaire mogul tycoon frontrunner front-runner
		contender challenger incumbent deputy head founder executive ceo chief-of-staff
		negotiator politician professor author manager coach captain
		sheriff commissioner administrator superintendent president-elect vice-president
		lieutenant colonel sergeant admiral marshal ayatollah cleric imam rabbi bishop
		cardinal priest monarch sultan emir sheikh crown republican democrat`)

	// genericNouns name unnamed groups or people: a speaker made of them
	// and no name is an unnamed source.
	genericNouns = wordSet(`officials official sources source people experts expert analysts
		critics observers diplomats diplomat aides aide advisers advisors supporters voters
		residents lawmakers members leaders authorities investigators witnesses protesters
		organizers organisers activists insiders spokespeople staffers staff employees
		workers scientists researchers economists doctors officers police prosecutors
		democrats republicans conservatives liberals americans others many some both
		officers commanders adviser advisor negotiator diplomat lawmaker legislator
		economist analyst researcher strategist pollster activist campaigner delegation
		delegates negotiators investors shareholders traders dealers bankers brokers farmers
		producers exporters importers consumers customers users parents teachers nurses patients
		students campaigners opponents ministers executives managers dealer trader banker broker
		investor shareholder farmer producer spokespeople mps meps unions rebels militants
		troops soldiers lawyers judges regulators planners forecasters bankers' analysts'`)

	// documentNouns are what a source writes: "the Reuters report",
	// "a statement from the ministry" are that source speaking.
	documentNouns = wordSet(`report reports statement statements study survey poll polls
		analysis memo letter release filing document documents tweet tweets post posts
		transcript article story data figures records estimates summary findings review
		website account communique communiqué announcement newspaper leaflet booklet dossier
		guidance guidelines bulletin notice brochure forecast forecasts minutes`)

	// orgHeads are nouns that, with "the", point back to an organization
	// ("the ministry said").
	orgHeads = wordSet(`ministry department agency company firm committee council campaign
		group organization organisation party government administration commission court
		union bank office bureau board corporation network newspaper paper outlet channel
		station service alliance coalition movement foundation institute university
		association federation league club team embassy consulate mission parliament
		congress senate assembly cabinet kremlin palace regime army navy military police daily
		weekly magazine broadcaster`)

	// timeWords appear in circumstantial phrases between a verb and its
	// claim ("said on Friday that").
	timeWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday today
		yesterday tonight morning afternoon evening night week weekend month year day
		earlier later last this next late early recently previously overnight
		january february march april may june july august september october november
		december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.`)

	// seasons make a time after "last", "this", "next" ("said last
	// summer that").
	seasons = wordSet(`spring summer autumn fall winter`)

	// weekdays in order from Sunday (time.Weekday).
	weekdays = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

	// clauseStarters begin a clause after a comma; a comma followed by
	// one of them and a speech verb with its subject starts a new
	// attribution ("..., but officials said ...").
	clauseStarters = wordSet(`and but while though although whereas yet as`)

	// groupAdjectives take a prepositional phrase inside a speaker's noun
	// phrase ("people familiar with the talks").
	groupAdjectives = wordSet(`familiar close closest loyal allied opposed near briefed involved`)

	// participleHosts are nouns after which a speech participle reports
	// its owner's words ("issued a statement saying ...").
	participleHosts = wordSet(`statement message letter tweet post interview report release
		remarks speech comments note email video address`)
)

// isAdverb tells a lower-case -ly adverb from the few nouns and names so
// spelled.
func isAdverb(w string) bool {
	if !strings.HasSuffix(w, "ly") || len(w) < 5 {
		return false
	}
	switch w {
	case "family", "ally", "rally", "italy", "july", "assembly", "supply", "reply", "only",
		"early", "belly", "bully", "jelly", "holly", "folly", "lily", "sally", "tally",
		"anomaly", "monopoly", "homily", "daily", "weekly", "monthly", "quarterly", "fly",
		"butterfly", "apply", "comply", "imply", "multiply", "italy's", "elderly", "friendly":
		return false
	}
	return true
}

// isParenDash tells whether a token is a dash that can set off a parenthesis.
func isParenDash(t *Token) bool {
	return t.Kind == Punct && (t.Text == "—" || t.Text == "–" || t.Text == "--")
}

// isSep tells whether token t separates a claim from its attribution: a
// comma, colon, dash or closing quotation mark.
func isSep(t *Token) bool {
	switch t.Kind {
	case QuoteClose, QuoteAmbig:
		return true
	case Punct:
		switch t.Text {
		case ",", "—", "–", "--", "-", "?", "!", ":", ";", "...", "…":
			return true
		}
	}
	return false
}

// isEnd tells whether token t ends a sentence.
func isEnd(t *Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Text {
	case ".", "!", "?", "...", "…":
		return true
	}
	return false
}

func isPunct(t *Token, s string) bool { return t.Kind == Punct && t.Text == s }

func isWord(t *Token) bool { return t.Kind == Word }
