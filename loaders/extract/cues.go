package extract

import "strings"

// cueClass tells what follows a cue verb.
type cueClass uint8

const (
	// cueSay verbs take the claim directly: a that-clause, a bare clause
	// or a quotation ("said (that) ...", "added: \"...\"").
	cueSay cueClass = iota
	// cueTell verbs take an addressee first ("told reporters (that) ...",
	// "assured them that ...").
	cueTell
	// cueObject verbs carry the claim in their own meaning and take it as
	// an object or a that-clause ("denied the report", "ruled out talks",
	// "rejected claims that ..."): without a that-clause, the statement is
	// the verb phrase itself.
	cueObject
)

// cueVerb is one speech verb of the lexicon.
type cueVerb struct {
	Lemma    string
	Class    cueClass
	Act      string // the act the verb itself carries (acts.go)
	Particle string // a particle that must follow ("out" in "rule out"); "" for none
	// Particles are the word sequences one of which must follow, when
	// there are several or longer ones ("made it clear", "voiced
	// concern"); Particle is the first of them.
	Particles [][]string
	// Participle is true when the -ing form attached to a clause
	// ("..., saying ...") reports speech of the clause's subject.
	Participle bool
	// Bare is true when the verb takes a bare clause without "that"
	// ("said the talks failed"); other verbs need "that", a colon or a
	// quotation before the claim, or stand after it ("..., he noted.").
	Bare bool
	// To is true when the verb takes the claim as a to-infinitive
	// ("promised to resign", "urged them to leave").
	To bool
	// Quote is true when the verb is a cue only with a quotation in its
	// claim ("called the rebate \"unjustified\"").
	Quote bool
	// Clause is true when an object verb needs a that-clause or a
	// quotation: its noun object alone is no claim ("welcomed the
	// announcement").
	Clause bool
}

// speechVerbs is the cue lexicon: every verb form that can introduce a
// claim attributed to a speaker. Each line is "forms | class | act |
// flags": the forms (base, 3rd person, past, participle, -ing), the class
// (say, tell, object: see cueClass), the act the verb carries (acts.go)
// and flags: "ing" when the -ing form after a comma reports speech of the
// clause's subject ("..., saying ..."), "bare" when the verb takes a claim
// without "that", "to" when it takes a to-infinitive, "+out" and the like
// for a required particle.
//
// The list is of English speech verbs in general; none is chosen for a
// particular article.
const speechVerbs = `
say says said saying | say | assert | ing bare
add adds added adding | say | assert | ing bare
state states stated stating | say | assert | ing
tell tells told telling | tell | assert | ing bare
claim claims claimed claiming | say | assert | ing bare
assert asserts asserted asserting | say | assert | ing bare
insist insists insisted insisting | say | assert | ing bare
maintain maintains maintained maintaining | say | assert |
contend contends contended contending | say | assert | ing bare
argue argues argued arguing | say | assert | ing bare
note notes noted noting | say | assert | ing bare
observe observes observed observing | say | assert |
remark remarks remarked remarking | say | assert | ing
comment comments commented commenting | say | assert |
explain explains explained explaining | say | assert | ing bare
stress stresses stressed stressing | say | assert | ing bare
emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising | say | assert | ing bare
underline underlines underlined underlining | say | assert | ing
underscore underscores underscored underscoring | say | assert | ing
reiterate reiterates reiterated reiterating | say | assert | ing bare
repeat repeats repeated repeating | say | assert | bare
declare declares declared declaring | say | assert | ing
announce announces announced announcing | say | assert | ing bare
write writes wrote written writing | say | assert | ing bare
tweet tweets tweeted tweeting | say | assert | ing bare
post posts posted | say | assert |
report reports reported reporting | say | assert | bare
reveal reveals revealed revealing | say | assert | bare
disclose discloses disclosed disclosing | say | assert |
confirm confirms confirmed confirming | say | assert | ing bare
reaffirm reaffirms reaffirmed reaffirming | say | assert | ing bare
affirm affirms affirmed affirming | say | assert | ing
indicate indicates indicated indicating | say | assert | bare
proclaim proclaims proclaimed proclaiming | say | assert | ing
confess confesses confessed confessing | say | admit | ing
make makes made making | say | assert | +it_clear/clear ing bare
voice voices voiced voicing | say | assert | +concern/concerns/fears/doubts/regret/hope/confidence/support/opposition ing
express expresses expressed expressing | say | assert | +concern/concerns/fears/doubts/regret/hope/confidence/support/opposition ing
continue continues continued | say | assert |
conclude concludes concluded concluding | say | assert | ing
recall recalls recalled recalling | say | assert | ing bare
mention mentions mentioned mentioning | say | assert | bare
respond responds responded responding | say | assert |
reply replies replied replying | say | assert |
answer answers answered | say | assert | bare
retort retorts retorted | say | assert |
counter counters countered | say | assert |
quip quips quipped | say | assert |
joke jokes joked joking | say | assert | ing
exclaim exclaims exclaimed | say | assert |
testify testifies testified testifying | say | assert | ing bare
suggest suggests suggested suggesting | say | assert | ing bare
acknowledge acknowledges acknowledged acknowledging | say | admit | ing bare
admit admits admitted admitting | say | admit | ing bare
concede concedes conceded conceding | say | admit | ing bare
predict predicts predicted predicting | say | predict | ing bare
forecast forecasts forecasted | say | predict |
warn warns warned warning | tell | warn | ing bare
caution cautions cautioned cautioning | tell | warn | ing
threaten threatens threatened | say | threaten | to
accuse accuses accused accusing | tell | accuse | ing bare
allege alleges alleged alleging | say | accuse | ing bare
charge charges charged charging | say | accuse |
complain complains complained complaining | say | criticize | ing bare
lament laments lamented lamenting | say | criticize | ing bare
criticize criticizes criticized criticizing criticise criticises criticised criticising | object | criticize | ing clause
condemn condemns condemned condemning | object | criticize | ing clause
denounce denounces denounced denouncing | object | criticize | ing clause
deny denies denied denying | object | deny | ing
reject rejects rejected rejecting | object | reject | ing
dismiss dismisses dismissed dismissing | object | reject | ing clause
refute refutes refuted refuting | object | deny | ing
dispute disputes disputed disputing | object | deny |
rule rules ruled ruling | object | reject | +out/that ing
point points pointed pointing | say | assert | +out ing bare
demand demands demanded demanding | say | demand | ing
urge urges urged urging | tell | appeal | ing to bare
appeal appeals appealed appealing | say | appeal |
promise promises promised promising | say | promise | ing to bare
pledge pledges pledged pledging | say | promise | ing to
vow vows vowed vowing | say | promise | ing to bare
assure assures assured assuring | tell | promise | ing bare
guarantee guarantees guaranteed | say | promise |
inform informs informed informing | tell | assert |
remind reminds reminded reminding | tell | assert | ing
advise advises advised advising | tell | appeal | to
boast boasts boasted boasting | say | assert | ing
brag brags bragged bragging | say | assert | ing
praise praises praised praising | object | support | ing clause
welcome welcomes welcomed welcoming | object | support | clause
hail hails hailed hailing | object | support | clause
call calls called | object | criticize | quote
brand brands branded | object | criticize | quote
label labels labelled labeled | object | criticize | quote
`

// strictForms are verb forms that are also common nouns ("the states",
// "his remarks", "a report"): they are cues only before "that", a colon or
// a quotation, or after the claim ("..., the report states.").
var strictForms = wordSet(`state states report reports comment comments post posts remarks charge
	charges note notes answer answers counter counters joke jokes continue continues claim claims
	promise promises pledge pledges vow vows warning appeal appeals demand demands guarantee
	guarantees reply replies respond responds repeat repeats dispute disputes charged mention
	mentions`)

// cueLexicon maps each lower-case verb form to its entry.
var cueLexicon = buildCueLexicon(speechVerbs)

func buildCueLexicon(src string) map[string]*cueVerb {
	lex := map[string]*cueVerb{}
	classes := map[string]cueClass{"say": cueSay, "tell": cueTell, "object": cueObject}
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 4 {
			panic("extract: bad speech verb line: " + line)
		}
		forms := strings.Fields(f[0])
		class, ok := classes[strings.TrimSpace(f[1])]
		if !ok {
			panic("extract: bad speech verb class: " + line)
		}
		cv := &cueVerb{Lemma: forms[0], Class: class, Act: strings.TrimSpace(f[2])}
		for _, flag := range strings.Fields(f[3]) {
			switch {
			case flag == "ing":
				cv.Participle = true
			case flag == "bare":
				cv.Bare = true
			case flag == "to":
				cv.To = true
			case flag == "quote":
				cv.Quote = true
			case flag == "clause":
				cv.Clause = true
			case strings.HasPrefix(flag, "+"):
				// "+out", "+it_clear/clear": alternatives separated by
				// "/", words by "_".
				for _, alt := range strings.Split(flag[1:], "/") {
					cv.Particles = append(cv.Particles, strings.Split(alt, "_"))
				}
				cv.Particle = strings.ReplaceAll(strings.Split(flag[1:], "/")[0], "_", " ")
			default:
				panic("extract: bad speech verb flag: " + line)
			}
		}
		for _, w := range forms {
			lex[w] = cv
		}
	}
	return lex
}

// isCueWord tells whether a word is a form of a speech verb that needs no
// quotation to be one ("said", not "call", which is a cue only with a
// quotation and is usually a noun or another verb).
func isCueWord(w string) bool {
	cv := cueLexicon[w]
	return cv != nil && !cv.Quote
}

// isIngForm tells whether a cue form is the -ing participle.
func isIngForm(w string) bool { return strings.HasSuffix(w, "ing") }

// cueAt returns the speech verb at token i and the index after it (after
// its particle, or after a multi-word cue such as "went on to say"), or nil.
func cueAt(d *Doc, i, end int) (*cueVerb, int) {
	t := &d.Tokens[i]
	if t.Kind != Word {
		return nil, i
	}
	cv := cueLexicon[t.Lower]
	if cv == nil {
		return nil, i
	}
	j := i + 1
	if len(cv.Particles) > 0 {
		n := 0
		for _, p := range cv.Particles {
			if len(p) == 1 && p[0] == "that" {
				// "ruled (on Wednesday) that ...": the clause itself, left
				// for the claim.
				if thatAhead(d.Tokens, j, end) {
					return cv, j
				}
				continue
			}
			if spellsWords(d.Tokens, j, end, p) {
				n = len(p)
				break
			}
		}
		if n == 0 {
			return nil, i
		}
		j += n
	}
	return cv, j
}

// thatAhead tells whether "that" follows token j after at most a short
// time or place phrase ("on Wednesday that").
func thatAhead(toks []Token, j, end int) bool {
	for k := j; k < end && k < j+5; k++ {
		t := &toks[k]
		if t.Lower == "that" {
			return true
		}
		if t.Kind != Word && t.Kind != Number || t.Cap && weekdayIndex(t.Lower) < 0 && monthIndex(t.Lower) == 0 {
			return false
		}
	}
	return false
}

// spellsWords tells whether the tokens from j (before end) are the words.
func spellsWords(toks []Token, j, end int, ws []string) bool {
	if j+len(ws) > end {
		return false
	}
	for k, w := range ws {
		if toks[j+k].Lower != w {
			return false
		}
	}
	return true
}
