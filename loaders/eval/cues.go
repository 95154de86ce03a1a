package eval

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SpeechLemmas are the verbs whose PolNeAR cues make an attribution a gold
// statement: verbs of saying, reporting and declaring, including the
// commissive and directive ones whose content is a claim about the world or
// the speaker (threaten, promise, vow, urge). Verbs of thinking, feeling,
// wanting, showing and asking (believe, hope, want, show, find, ask,
// suggest, call) are deliberately not in the list.
var SpeechLemmas = []string{
	"say", "tell", "add", "claim", "warn", "accuse", "state", "announce",
	"argue", "insist", "deny", "declare", "stress", "emphasize", "emphasise",
	"reiterate", "note", "explain", "write", "tweet", "report", "confirm",
	"acknowledge", "admit", "assert", "affirm", "allege", "contend",
	"maintain", "comment", "remark", "reply", "respond", "retort", "counter",
	"threaten", "vow", "pledge", "promise", "predict", "urge", "mention",
	"repeat", "complain", "charge", "reveal", "concede", "caution", "testify",
	"observe", "quip", "joke", "boast", "brag", "proclaim", "lament",
	"recount", "recall", "confess",
}

// SpeechPhrases are multi-word cues that qualify without a listed verb.
var SpeechPhrases = [][2]string{{"according", "to"}, {"point", "out"}}

// irregularForms are the past forms (and participles) regular rules miss.
var irregularForms = map[string][]string{
	"say":   {"said"},
	"tell":  {"told"},
	"write": {"wrote", "written"},
}

// doubling lemmas double their last consonant before -ed and -ing.
var doubling = map[string]bool{"admit": true, "quip": true, "brag": true}

// negators make a cue that contains a speech verb not a statement ("did
// not say", "declined to comment", "refused to confirm").
var negators = map[string]bool{
	"not": true, "never": true, "no": true,
	"decline": true, "declines": true, "declined": true, "declining": true,
	"refuse": true, "refuses": true, "refused": true, "refusing": true,
}

// speechForms maps every inflected form of a speech lemma to the lemma.
var speechForms = func() map[string]string {
	m := make(map[string]string)
	for _, l := range SpeechLemmas {
		for _, f := range Inflect(l) {
			m[f] = l
		}
	}
	return m
}()

func isVowelByte(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// Inflect returns the forms of an English verb: base, third person -s,
// past (and participle) and -ing, by the regular spelling rules plus the
// irregular pasts the lemma list needs.
func Inflect(l string) []string {
	n := len(l)
	forms := []string{l}
	switch {
	case n > 1 && l[n-1] == 'y' && !isVowelByte(l[n-2]):
		forms = append(forms, l[:n-1]+"ies")
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "sh"), strings.HasSuffix(l, "ch"),
		strings.HasSuffix(l, "x"), strings.HasSuffix(l, "z"), strings.HasSuffix(l, "o"):
		forms = append(forms, l+"es")
	default:
		forms = append(forms, l+"s")
	}
	stem := l
	if doubling[l] {
		stem = l + l[n-1:]
	}
	var past, ing string
	switch {
	case strings.HasSuffix(l, "ee"):
		past, ing = l+"d", l+"ing"
	case strings.HasSuffix(l, "e"):
		past, ing = l+"d", l[:n-1]+"ing"
	case n > 1 && l[n-1] == 'y' && !isVowelByte(l[n-2]):
		past, ing = l[:n-1]+"ied", l+"ing"
	default:
		past, ing = stem+"ed", stem+"ing"
	}
	if irr, ok := irregularForms[l]; ok {
		forms = append(forms, irr...)
	} else {
		forms = append(forms, past)
	}
	forms = append(forms, ing)
	return forms
}

// IsSpeechCue reports whether a PolNeAR cue is a verb of saying: one of its
// words is a form of a SpeechLemmas verb, or it contains a SpeechPhrases
// phrase ("according to", "pointed out"), and it has no negator (not,
// never, n't, declined, refused).
func IsSpeechCue(cue string) bool {
	toks := Tokens(cue)
	speech := false
	for i, t := range toks {
		if negators[t] || strings.HasSuffix(t, "n't") {
			return false
		}
		if _, ok := speechForms[t]; ok {
			speech = true
		}
		if i+1 < len(toks) {
			for _, p := range SpeechPhrases {
				if (t == p[0] || lemmaOf(t) == p[0]) && toks[i+1] == p[1] {
					speech = true
				}
			}
		}
	}
	return speech
}

// lemmaOf undoes the regular inflections of the phrase verbs ("pointed",
// "points", "pointing" -> "point").
func lemmaOf(t string) string {
	for _, suf := range []string{"ing", "ed", "s"} {
		if strings.HasSuffix(t, suf) {
			return strings.TrimSuffix(t, suf)
		}
	}
	return t
}

// functionWords never name a source, capitalised or not.
var functionWords = set(
	"the", "a", "an", "this", "that", "these", "those", "he", "she", "it",
	"they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
	"your", "him", "them", "us", "me", "some", "many", "most", "several",
	"other", "others", "another", "both", "all", "each", "every", "one",
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"few", "more", "such", "any", "no",
	"there", "here", "who", "whom", "which", "what", "and", "or", "but",
	"nor", "of", "for", "in", "on", "at", "by", "with", "from", "to", "as",
	"according", "about", "over", "among", "within", "than", "then",
	"someone", "somebody", "anyone", "everyone", "nobody", "himself",
	"herself", "themselves", "itself",
)

// titleWords are offices and honorifics: part of a name ("Sen. Ted Cruz")
// but not a name by themselves ("the President").
var titleWords = set(
	"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative",
	"gov", "governor", "president", "vice", "secretary", "minister",
	"spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
	"chair", "director", "speaker", "gen", "general", "lt", "col", "judge",
	"justice", "mayor", "attorney", "prof", "professor", "rev", "sir", "lord",
	"king", "queen", "prince", "pope", "ambassador", "candidate", "nominee",
	"chief", "leader", "former", "deputy", "assistant", "press", "manager",
	"adviser", "advisor", "aide", "official", "officials", "executive",
	"sgt", "capt", "adm", "jr", "sr", "gop",
)

// genericWords are common nouns that denote unnamed sources; capitalised at
// the start of a sentence they are still not names.
var genericWords = set(
	"source", "sources", "critics", "critic", "experts", "expert", "analysts",
	"analyst", "aides", "people", "voters", "supporters", "opponents",
	"advocates", "reporters", "insiders", "allies", "advisers", "advisors",
	"lawmakers", "observers", "witnesses", "residents", "polls", "poll",
	"report", "reports", "survey", "study", "documents", "records", "data",
	"statement", "campaign", "administration", "government", "police",
	"authorities", "officers", "staff", "staffers", "members", "leaders",
	"democrats", "republicans", "conservatives", "liberals", "progressives",
	"americans", "democrat", "republican", "democratic", "conservative",
	"liberal", "progressive",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// LowerWords returns the words that occur in text starting with a lower-case
// letter, lower-cased: a capitalised word at the start of a source that is
// also written in lower case elsewhere is a common word ("Officials said").
func LowerWords(text string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range Words(text) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}

// segmentBreaks split a source span into appositive segments: "his wife,
// Gabriela Violeta Lazar" -> "his wife" and "Gabriela Violeta Lazar".
const segmentBreaks = ",();:—–"

// pieceBreaks are the prepositions that split a segment into pieces: "Darran
// Whiting of Liberty Baptist Church in Marion" -> "Darran Whiting", "Liberty
// Baptist Church", "Marion".
var pieceBreaks = set("of", "in", "at", "from", "for", "with", "to", "on", "by", "about", "among", "including")

// stripPossessive drops a trailing 's ("Trump's" -> "Trump"; Words already
// drops a trailing bare apostrophe).
func stripPossessive(w string) string {
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S") {
		return w[:len(w)-2]
	}
	return w
}

// SourceHead returns the name a PolNeAR source span is headed by, lower
// case, and whether the span is a name at all.
//
// The span is split into segments at commas, parentheses, colons,
// semicolons and dashes, and each segment into pieces at prepositions (of,
// in, at, from, for, with, to, on, by, ...). In a piece, capitalised words
// form runs (other words break a run). A name word is a capitalised word
// of two or more letters that is not a function word (The, He, Some ...),
// not a title or honorific (Sen., President, spokesman ...), not a generic
// noun (Sources, Officials, Democrats ...) and, when it opens the span, not
// a word the article also writes in lower case (lower, from LowerWords; nil
// skips that check). A run followed by a common (lower-case, non-function)
// word in its piece is a modifier, not a name ("Clinton spokesman", "A
// Clinton campaign official", "Trump fans"). The first piece, in text
// order, that ends with a run holding a name word decides: the head is the
// last word of that run.
//
//	"Clinton spokesman Brian Fallon"              -> fallon
//	"Brian Fallon, a spokesman for Clinton"       -> fallon
//	"his wife, Gabriela Violeta Lazar"            -> lazar
//	"Secretary of State John Kerry"               -> kerry
//	"Darran Whiting of Liberty Baptist Church"    -> whiting
//	"Sen. Ted Cruz (R-Texas)"                     -> cruz
//	"Hillary Clinton's campaign chairman John Podesta" -> podesta
//	"The New York Times"                          -> times
//	"he", "a source", "officials", "the President", "Republican lawmakers",
//	"Hillary Clinton's campaign", "a Treasury spokesman" -> not a name
func SourceHead(source string, lower map[string]bool) (string, bool) {
	run := sourceRun(source, lower)
	if len(run) == 0 {
		return "", false
	}
	return run[len(run)-1], true
}

// sourceRun returns the lower-cased words of the run that names a source
// (see SourceHead), or nil when the source is not a name.
func sourceRun(source string, lower map[string]bool) []string {
	first := true
	for _, seg := range strings.FieldsFunc(source, func(r rune) bool { return strings.ContainsRune(segmentBreaks, r) }) {
		var named, run []string
		runHasName := false
		closeRun := func() {
			if runHasName {
				named = run
			}
			runHasName, run = false, nil
		}
		for _, w := range Words(seg) {
			opening := first
			first = false
			w = stripPossessive(w)
			lw := strings.ToLower(w)
			if pieceBreaks[lw] {
				closeRun()
				if named != nil {
					return named
				}
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) || functionWords[lw] {
				closeRun()
				if !functionWords[lw] {
					// A common word after a name makes the name a
					// modifier: "Clinton spokesman", "Trump fans".
					named = nil
				}
				continue
			}
			run = append(run, lw)
			switch {
			case titleWords[lw], genericWords[lw]:
			case opening && lower != nil && lower[lw]:
			case utf8.RuneCountInString(w) < 2:
			default:
				runHasName = true
			}
		}
		closeRun()
		if named != nil {
			return named
		}
	}
	return nil
}

// givenNames returns the words of a name before index i that can tell two
// bearers of one surname apart: not titles, not initials.
func givenNames(words []string, i int) map[string]bool {
	m := make(map[string]bool)
	for _, w := range words[:i] {
		if !titleWords[w] && !functionWords[w] && !genericWords[w] && utf8.RuneCountInString(w) > 1 {
			m[w] = true
		}
	}
	return m
}

// SpeakerMatchesSource reports whether a predicted speaker name denotes a
// PolNeAR source span that is a name (see SourceHead): the span's head is
// one of the speaker's words, case aside, and when both the speaker and the
// source's name give words before it (given names, not titles or
// initials), they share one; or the speaker is a single word of the
// source's name. "Donald Trump" matches "Trump", "Mr. Trump", "Trump's" and
// "Donald J. Trump"; it does not match "Trump campaign manager Kellyanne
// Conway" (head "conway"), "Donald Trump Jr." (head "jr"), and "Bill
// Clinton" does not match "Hillary Clinton". "Breitbart" matches
// "Breitbart News". lower is as for SourceHead.
func SpeakerMatchesSource(speaker, source string, lower map[string]bool) bool {
	run := sourceRun(source, lower)
	if len(run) == 0 {
		return false
	}
	head := run[len(run)-1]
	var sw []string
	for _, w := range Words(speaker) {
		sw = append(sw, strings.ToLower(stripPossessive(w)))
	}
	for i, w := range sw {
		if w != head {
			continue
		}
		gs, gr := givenNames(sw, i), givenNames(run, len(run)-1)
		if len(gs) == 0 || len(gr) == 0 {
			return true
		}
		for g := range gs {
			if gr[g] {
				return true
			}
		}
		return false
	}
	if len(sw) == 1 && !titleWords[sw[0]] && !functionWords[sw[0]] {
		for _, w := range run {
			if w == sw[0] {
				return true
			}
		}
	}
	return false
}

// speechVerbForms lists every form IsSpeechCue accepts, sorted (for docs
// and tests).
func speechVerbForms() []string {
	out := make([]string, 0, len(speechForms))
	for f := range speechForms {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
