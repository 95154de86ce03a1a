package extract

import (
	"strings"

	"newsgraph/schema"
)

// finder holds the state of the statement stage over one document.
type finder struct {
	x      *Extractor
	d      *Doc
	quotes []quoteSpan
	qidx   []int32 // token -> quotation (marks included), -1 outside
	used   []bool  // tokens already part of a claim or an attribution
	claim  []bool  // tokens inside a claim found (overlapsFound)
	found  []*found
	// sorted is how many of found are known to be in text order
	// (sortFound); bySent lists the statements of each sentence in the
	// order they were found.
	sorted int
	bySent map[int][]*found
	// fallback is, per sentence, the source an "according to X" names,
	// for unnamed speakers of the same sentence ("According to X, the
	// sources said ...").
	fallback map[int]speaker
}

// found is a statement under construction.
type found struct {
	spk        speaker
	cue        *cueVerb // nil for "according to" and continuations
	cueText    string
	cueS, cueE int // tokens of the cue phrase
	s, e       int // tokens of the claim [s, e)
	cutS, cutE int // tokens [cutS, cutE) inside the claim left out of it; equal when none
	kind       string
	rule       string
	sent       int
}

// speaker is who a statement is attributed to: the words the article uses
// (tokens [s, e), empty for continuations) and the entity they denote.
type speaker struct {
	s, e   int
	entity int // -1 while unresolved
}

func newFinder(x *Extractor, d *Doc) *finder {
	if len(d.MentionOf) != len(d.Tokens) {
		d.indexMentions()
	}
	f := &finder{x: x, d: d, used: make([]bool, len(d.Tokens)), claim: make([]bool, len(d.Tokens)), bySent: map[int][]*found{}}
	f.quotes = findQuotes(d)
	f.qidx = quoteIndex(len(d.Tokens), f.quotes)
	return f
}

// tok returns token i.
func (f *finder) tok(i int) *Token { return &f.d.Tokens[i] }

// noise tells whether token i is not article prose.
func (f *finder) noise(i int) bool { return len(f.d.Noise) == len(f.d.Tokens) && f.d.Noise[i] }

// inQuote tells whether token i is a word inside a quotation (not a mark).
func (f *finder) inQuote(i int) bool {
	q := f.qidx[i]
	return q >= 0 && i != f.quotes[q].Open && i != f.quotes[q].Close
}

// quoteOpening returns the quotation whose opening mark is token i, or -1.
func (f *finder) quoteOpening(i int) int {
	if i < 0 || i >= len(f.qidx) {
		return -1
	}
	if q := f.qidx[i]; q >= 0 && f.quotes[q].Open == i {
		return int(q)
	}
	return -1
}

// quoteClosing returns the closed quotation whose closing mark is token i,
// or -1.
func (f *finder) quoteClosing(i int) int {
	if i < 0 || i >= len(f.qidx) {
		return -1
	}
	if q := f.qidx[i]; q >= 0 && f.quotes[q].Closed && f.quotes[q].Close == i {
		return int(q)
	}
	return -1
}

// sentence finds the attributions of sentence si.
func (f *finder) sentence(si int) {
	s := f.d.Sentences[si]
	for i := s.Start; i < s.End; i++ {
		if f.used[i] || f.inQuote(i) || f.noise(i) {
			continue
		}
		t := f.tok(i)
		if t.Kind != Word {
			continue
		}
		if t.Lower == "according" && i+1 < s.End && f.tok(i+1).Lower == "to" {
			f.according(si, i)
			continue
		}
		if t.Cap && i != s.Start {
			continue // "United States", "Reports Say" in a title
		}
		cv, j := cueAt(f.d, i, s.End)
		if cv == nil || !f.isVerb(i, cv) {
			continue
		}
		if isIngForm(t.Lower) {
			f.participle(si, i, j, cv)
		} else {
			f.verb(si, i, j, cv)
		}
	}
}

// isVerb tells whether the cue word at i is used as a verb: not after a
// determiner or a possessive ("the claim", "Trump's statement"), and a
// base or -s form not before "of" ("reports of").
func (f *finder) isVerb(i int, cv *cueVerb) bool {
	t := f.tok(i)
	if i > 0 {
		p := f.tok(i - 1)
		if p.Kind == Possessive && !f.possessiveNameCue(i) || (p.Kind == Word && determiners[p.Lower] && p.Lower != "that") {
			return false
		}
		// "the new report", "an angry warning"
		if i > 1 && !isPastCue(t.Lower) && !f.claimMarkerAt(i+1) && p.Kind == Word && !p.Cap && determiners[f.tok(i-2).Lower] && f.tok(i-2).Lower != "that" && !auxiliaries[p.Lower] && !isAdverb(p.Lower) {
			return false
		}
	}
	past := t.Lower != cv.Lemma && !isIngForm(t.Lower) && !(len(t.Lower) == len(cv.Lemma)+1 && t.Lower[len(t.Lower)-1] == 's') &&
		!(len(t.Lower) == len(cv.Lemma)+2 && t.Lower[len(t.Lower)-2:] == "es")
	if !past && i+1 < len(f.d.Tokens) && f.tok(i+1).Lower == "of" && cv.Lemma != "say" {
		return false
	}
	return true
}

// possessiveNameCue tells whether the past cue at i, after a possessive,
// is the verb of a name that ends in "'s" (a firm named after its founder:
// "..., Jonson's added.", "But Jonson's said it will ..."), not a
// participle before a noun ("the firm's stated aim", "its reported
// profit"): the cue ends the sentence or a clause, or a claim, a pronoun
// or a determiner follows it.
func (f *finder) possessiveNameCue(i int) bool {
	t := f.tok(i)
	if !isPastCue(t.Lower) || i < 2 {
		return false
	}
	if n := f.tok(i - 2); n.Kind != Word || !n.Cap || subjectPronouns[n.Lower] || determiners[n.Lower] {
		return false
	}
	if i+1 >= len(f.d.Tokens) {
		return true
	}
	nx := f.tok(i + 1)
	if nx.Sent != t.Sent || isEnd(nx) || isPunct(nx, ",") || f.claimMarkerAt(i+1) {
		return true
	}
	return nx.Kind == Word && !nx.Cap && (subjectPronouns[nx.Lower] || nx.Lower == "the")
}

// claimMarkerAt tells whether token i introduces a claim: "that", a colon
// or an opening quotation mark.
func (f *finder) claimMarkerAt(i int) bool {
	if i >= len(f.d.Tokens) {
		return false
	}
	t := f.tok(i)
	return t.Lower == "that" || isPunct(t, ":") || f.quoteOpening(i) >= 0
}

// add records a statement and marks its tokens used.
func (f *finder) add(st *found) {
	if st.s < st.e && f.noise(st.s) {
		// "WASHINGTON (AP) - ...": the dateline and the agency it credits
		// are no part of the claim.
		after := st.s
		for i := st.s; i < st.e && i < st.s+16; i++ {
			if f.noise(i) {
				after = i + 1
				continue
			}
			if t := f.tok(i); !(t.Kind == Word && t.Cap || t.Text == "(" || t.Text == ")" || t.Text == "/") {
				break
			}
		}
		st.s = after
	}
	if st.e <= st.s || st.spk.entity < 0 && st.spk.s >= st.spk.e {
		return
	}
	if n := f.words(st.s, st.e) - f.words(st.cutS, st.cutE); n < 2 || n < 3 && st.kind != direct && !f.twoWordClause(st.s, st.e) {
		return
	}
	f.found = append(f.found, st)
	f.bySent[st.sent] = append(f.bySent[st.sent], st)
	for i := st.s; i < st.e; i++ {
		f.used[i] = true
		f.claim[i] = true
	}
	for i := st.cueS; i < st.cueE; i++ {
		f.used[i] = true
	}
	for i := st.spk.s; i < st.spk.e; i++ {
		f.used[i] = true
	}
}

// twoWordClause tells whether a claim [s, e) of two words is a clause of
// its own, a subject and a finite verb ("sales rose", "profits fell",
// "talks collapsed"), not a fragment ("so too", "last week").
func (f *finder) twoWordClause(s, e int) bool {
	var ws []*Token
	for i := s; i < e; i++ {
		if t := f.tok(i); t.Kind == Word || t.Kind == Number {
			ws = append(ws, t)
		}
	}
	if len(ws) != 2 || ws[0].Kind != Word || ws[1].Kind != Word || ws[1].Cap {
		return false
	}
	w0, w1 := ws[0].Lower, ws[1].Lower
	if !subjectPronouns[w0] && (determiners[w0] || prepositions[w0] || clauseWords[w0] || auxiliaries[w0] || isAdverb(w0) || negations[w0] || timeWords[w0]) {
		return false
	}
	return isVerbLike(w1) || shortPast[w1]
}

// shortPast are irregular past forms that end a two-word clause.
var shortPast = wordSet(`rose fell grew sank shrank won lost went came left quit held stood slid
	began ended`)

// words counts the word and number tokens of [s, e).
func (f *finder) words(s, e int) int {
	n := 0
	for i := s; i < e; i++ {
		if k := f.tok(i).Kind; k == Word || k == Number {
			n++
		}
	}
	return n
}

// overlapsFound tells whether tokens [s, e) overlap a claim already found.
func (f *finder) overlapsFound(s, e int) bool {
	for i := max(s, 0); i < e && i < len(f.claim); i++ {
		if f.claim[i] {
			return true
		}
	}
	return false
}

// verb handles a finite speech verb at c (the cue phrase ends before j).
func (f *finder) verb(si, c, j int, cv *cueVerb) {
	d := f.d
	sent := d.Sentences[si]
	cueS := c
	// "went on to say", "goes on to add"
	if c >= 3 && f.tok(c-1).Lower == "to" {
		if f.tok(c-2).Lower == "on" && isGoForm(f.tok(c-3).Lower) {
			cueS = c - 3
		} else {
			return // "declined to say", "is expected to announce"
		}
	}
	if f.passive(cueS, sent.Start) {
		return
	}
	ns, ne, neg := f.subjectBefore(cueS, sent.Start)
	if neg {
		return
	}
	cueText := d.Span(cueS, j)
	if cv.Quote && (ns < 0 || !f.nameLike(ns, ne) || j < sent.End && particleAfterCall[f.tok(j).Lower]) {
		return // "X called Y \"...\"" only: not "the program, called EB-5,", not "called for"
	}
	if ns < 0 {
		// "X did Y and said ...": the subject of the first verb; "X,
		// who said ...": the one the relative clause is about.
		if spk, ok := f.sharedSubject(si, cueS); ok {
			cs, ce, kind, ok := f.claimAfter(cv, c, j, si)
			if ok {
				f.emit(&found{spk: spk, cue: cv, cueText: cueText, cueS: cueS, cueE: j, s: cs, e: ce, cutS: cs, cutE: cs,
					kind: kind, rule: "shared-" + ruleForm(kind), sent: si})
			}
			return
		}
	}

	// "As X reported, ..." / "..., as X said."
	if ns > sent.Start && f.tok(ns-1).Lower == "as" && f.asClause(si, ns, ne, cueS, j, cv, cueText) {
		return
	}
	// The claim before the attribution: "...," X said. / "...," said X.
	if ns >= 0 && !cv.Quote {
		if f.postposed(si, ns, ne, cueS, j, cv, cueText, false) {
			return
		}
	} else if cueS > sent.Start && isSep(f.tok(cueS-1)) && cv.Class != cueTell {
		as, ae := f.npAfter(j, sent.End)
		if as < ae && f.postposed(si, as, ae, cueS, j, cv, cueText, true) {
			return
		}
	}
	if ns < 0 {
		return
	}
	// The claim after: X said (that) ... / X said: "..."
	cs, ce, kind, ok := f.claimAfter(cv, c, j, si)
	if !ok {
		return
	}
	if cv.Quote && f.kindOf(cs, ce) == indirect {
		return // "called for talks": no quotation, no claim
	}
	spk := f.speakerOf(ns, ne, si)
	f.emit(&found{spk: spk, cue: cv, cueText: cueText, cueS: cueS, cueE: j, s: cs, e: ce, cutS: cs, cutE: cs,
		kind: kind, rule: "cue-" + ruleForm(kind), sent: si})
}

// sharedSubject finds the speaker of a verb with no subject of its own:
// after "and"/"but" it shares the subject of the clause before ("X
// expressed concern and said ..."); after "who" it is the person the
// relative clause describes ("..., Sen. X, who said ...").
func (f *finder) sharedSubject(si, c int) (speaker, bool) {
	sent := f.d.Sentences[si]
	k := c - 1
	for k > sent.Start && f.modifierAt(k) {
		k--
	}
	if k <= sent.Start {
		return speaker{}, false
	}
	switch f.tok(k).Lower {
	case "and", "but":
		// The subject of the clause "and" joins: the first pronoun or
		// person of that clause ("..., he laughed and said"), else of
		// the sentence.
		from := sent.Start
		for i := k - 1; i > sent.Start; i-- {
			if isPunct(f.tok(i), ",") && !f.inQuote(i) {
				from = i + 1
				break
			}
		}
		for _, lo := range []int{from, sent.Start} {
			if spk, ok := f.firstSubject(lo, k, si); ok {
				return spk, true
			}
		}
		spk := f.clauseSubject(si, k)
		return spk, spk.entity >= 0
	case "who":
		// The noun phrase the relative clause follows.
		w := k
		if w-1 > sent.Start && isPunct(f.tok(w-1), ",") {
			w--
		}
		if ns, ne := f.npBefore(w, sent.Start); ns >= 0 {
			spk := f.speakerOf(ns, ne, si)
			return spk, spk.entity >= 0 || f.nameLike(ns, ne)
		}
	}
	return speaker{}, false
}

// firstSubject returns the first subject pronoun or person named in
// tokens [lo, hi), outside quotations and complements.
func (f *finder) firstSubject(lo, hi, si int) (speaker, bool) {
	for i := lo; i < hi; i++ {
		if f.inQuote(i) {
			continue
		}
		t := f.tok(i)
		if t.Kind == Word && (t.Lower == "he" || t.Lower == "she") {
			spk := f.speakerOf(i, i+1, si)
			return spk, spk.entity >= 0
		}
		if ent, ms, me := f.mentionEntity(i); ent >= 0 {
			prev := ""
			if ms > lo {
				prev = f.tok(ms - 1).Lower
			}
			if f.entityType(ent) == schema.TypePerson && !prepositions[prev] && !npConnectors[prev] &&
				!(me < hi && f.tok(me).Kind == Possessive) {
				return speaker{s: ms, e: me, entity: ent}, true
			}
			i = me - 1
		}
	}
	return speaker{}, false
}

// asClause handles an attribution in an "as" clause: `As X reported,
// CLAIM.` and `CLAIM, as X said.`
func (f *finder) asClause(si, ns, ne, cueS, j int, cv *cueVerb, cueText string) bool {
	sent := f.d.Sentences[si]
	as := ns - 1
	after := f.skipCirc(j, sent.End)
	var cs, ce int
	switch {
	case as == f.clauseStart(sent.Start, as) && after < sent.End && isPunct(f.tok(after), ","):
		cs = after + 1
		ce = f.claimEnd(cs, sent.End, si)
	case as > sent.Start && isSep(f.tok(as-1)) && (after >= sent.End || isEnd(f.tok(after)) || isSep(f.tok(after))):
		cs = f.clauseStart(sent.Start, as-1)
		ce = as - 1
		if q := f.quoteClosing(ce - 1); q >= 0 && f.quotes[q].Open <= cs {
			cs, ce = f.quotes[q].Open+1, f.quotes[q].Close
		}
	default:
		return false // "... comes as X said (that) ...": an ordinary attribution
	}
	st := &found{spk: f.speakerOf(ns, ne, si), cue: cv, cueText: cueText, cueS: as, cueE: j, s: cs, e: ce, cutS: cs, cutE: cs,
		kind: indirect, rule: "as-clause", sent: si}
	f.emit(st)
	return true
}

func isGoForm(w string) bool {
	return w == "went" || w == "goes" || w == "go" || w == "going" || w == "gone"
}

func ruleForm(kind string) string {
	switch kind {
	case direct:
		return "quote"
	case mixed:
		return "mixed"
	}
	return "that"
}

// passive tells whether the verb at c is passive ("was told", "is said
// to"): a form of "be" right before it.
func (f *finder) passive(c, lo int) bool {
	for k := c - 1; k >= lo && k >= c-3; k-- {
		t := f.tok(k)
		switch t.Lower {
		case "is", "was", "are", "were", "be", "been", "being":
			return true
		case "'s":
			// "it's said", not a name ending in "'s" ("Jonson's said")
			return k != c-1 || !f.possessiveNameCue(c)
		}
		if t.Cap || !isAdverb(t.Lower) && !(auxiliaries[t.Lower] && !beOrHave[t.Lower]) {
			return false
		}
	}
	return false
}

// modifierAt tells whether token k is an auxiliary or adverb that may
// stand between a subject and its verb: lower-case ("Will" and "Daly"
// are names).
func (f *finder) modifierAt(k int) bool {
	t := f.tok(k)
	return t.Kind == Word && !t.Cap && (auxiliaries[t.Lower] || isAdverb(t.Lower))
}

// beOrHave are the auxiliaries that make tenses and voices.
var beOrHave = wordSet(`is was are were be been being has have had will would could should may might must can shall did does do`)

// emit finishes a statement: a claim that is exactly a quotation becomes
// direct and loses its marks; a claim with quotations in it is mixed.
func (f *finder) emit(st *found) {
	if st.e <= st.s || f.overlapsFound(st.s, st.e) {
		return
	}
	if st.kind != direct {
		st.kind = f.kindOf(st.s, st.e)
		if st.kind == direct {
			// The claim is one quotation: keep its inside.
			q := f.quotes[f.qidx[st.s]]
			st.s, st.e = q.Open+1, q.Close
		}
	}
	f.add(st)
	if st.kind == direct {
		f.continuedParagraphs(st)
	}
}

// kindOf classifies a claim [s, e): one quotation (with at most a final
// period after it) is direct; quotations inside are mixed; else indirect.
func (f *finder) kindOf(s, e int) string {
	e = f.trimEnd(s, e)
	if q := f.quoteOpening(s); q >= 0 {
		qs := f.quotes[q]
		if qs.Close >= e-1 {
			return direct
		}
	}
	for i := s; i < e; i++ {
		if q := f.quoteOpening(i); q >= 0 && f.words(i, f.quotes[q].Close) >= 1 {
			return mixed
		}
	}
	return indirect
}

// trimEnd drops final sentence punctuation from a claim [s, e).
func (f *finder) trimEnd(s, e int) int {
	for e > s && f.tok(e-1).Kind == Punct {
		e--
	}
	return e
}

// continuedParagraphs adds the paragraphs a direct quotation runs on into
// (each a statement of the same speaker).
func (f *finder) continuedParagraphs(st *found) {
	q := f.qidx[st.s]
	if q < 0 {
		return
	}
	for k := int(q) + 1; k < len(f.quotes) && f.quotes[k].Cont; k++ {
		qs := f.quotes[k]
		if f.overlapsFound(qs.Open+1, qs.Close) {
			break
		}
		f.add(&found{spk: speaker{s: -1, e: -1, entity: st.spk.entity}, cue: st.cue, cueText: st.cueText, cueS: -1, cueE: -1,
			s: qs.Open + 1, e: qs.Close, cutS: qs.Open + 1, cutE: qs.Open + 1, kind: direct, rule: "quote-paragraphs", sent: f.tok(qs.Open).Sent})
		if st.spk.entity < 0 {
			last := f.found[len(f.found)-1]
			last.spk = st.spk
		}
	}
}

// postposed tries the claim-before-attribution forms: `"...," X said.`,
// `"...," said X.`, `..., X said.`, and with a second part after it:
// `"...," X said, "..."`, `..., X said, ...`. The speaker's words are
// tokens [ns, ne); inverted is true when they follow the verb.
func (f *finder) postposed(si, ns, ne, cueS, j int, cv *cueVerb, cueText string, inverted bool) bool {
	d := f.d
	sent := d.Sentences[si]
	first := ns // first token of the attribution
	if inverted {
		first = cueS
	}
	if first <= sent.Start && !(first < len(d.Tokens) && !f.tok(first).LineBefore && f.quoteClosing(first-1) >= 0 && f.questionQuote(first-1)) {
		return false
	}
	if first == 0 || !isSep(f.tok(first-1)) {
		return false
	}
	// The claim before: a quotation closing right before the attribution
	// that opened at the clause's start, or the clause from its start.
	clause := f.clauseStart(sent.Start, first)
	if n := f.nestedClause(si, first); n >= 0 && n < clause && !inverted {
		// "X noted Y, Z said": the whole clause before the attribution is
		// the claim, unless Z only credits it ("..., Iran Press reported").
		if spk := f.speakerOf(ns, ne, si); !f.isCredit(spk, cv) {
			clause = n
		}
	}
	p := first - 1
	for p > sent.Start && isSep(f.tok(p)) && f.quoteClosing(p) < 0 {
		p--
	}
	var cs, ce int
	kind := indirect
	q := f.quoteClosing(p)
	if q < 0 {
		q = f.quoteClosing(first - 1)
	}
	if q >= 0 && (f.quotes[q].Open <= clause || f.words(clause, f.quotes[q].Open) == 0) {
		cs, ce, kind = f.quotes[q].Open+1, f.quotes[q].Close, direct
	} else {
		cs, ce = clause, first-1
		for ce > cs && isSep(f.tok(ce-1)) && f.quoteClosing(ce-1) < 0 {
			ce--
		}
	}
	// What follows the attribution: the end, circumstances, or a second
	// part.
	after := j
	if inverted {
		after = ne
	} else if cv.Class == cueTell {
		after = f.skipAddressee(after, sent.End)
	}
	if strictForms[f.tok(cueS).Lower] && !(after < sent.End && isEnd(f.tok(after)) || after >= sent.End) {
		return false // "charged with", "continues to lead"
	}
	if after+1 < sent.End {
		if t := f.tok(after); (t.Lower == "after" || t.Lower == "before" || t.Lower == "while" || t.Lower == "when") && isIngForm(f.tok(after+1).Lower) && !f.tok(after+1).Cap {
			after = sent.End // "..., X said after meeting his counterpart."
		}
	}
	after = f.skipCirc(after, sent.End)
	second := -1 // quotation after the attribution
	rest := -1   // unquoted second part
	if after < sent.End && !isEnd(f.tok(after)) {
		t := f.tok(after)
		switch {
		case isPunct(t, ",") || isPunct(t, ";") || isPunct(t, "—") || isPunct(t, "–"):
			n := after + 1
			if n < sent.End {
				if q := f.quoteOpening(n); q >= 0 {
					second = q
				} else if kind == indirect && !f.clauseBoundaryAt(n, sent.End) {
					rest = n
				}
			}
		case isPunct(t, ":") || t.Lower == "that":
			return false
		case kind == direct && f.circumstanceStart(after):
			// `"...," X said in an interview with Y on Friday.`
		case (t.Lower == "but" || t.Lower == "and") && after+1 < sent.End && f.verbPhraseAt(after+1):
			// "..., he said but did not elaborate."
		default:
			return false
		}
	}
	if kind == indirect && second >= 0 && f.introductory(cs) {
		// "Asked about X, she replied, '...'": the first part is not a
		// claim.
		cs = ce
	}
	if f.words(cs, ce) < 2 && !(rest >= 0 && f.words(cs, ce) >= 1) && second < 0 {
		return false
	}
	spk := f.speakerOf(ns, ne, si)
	if f.overlapsFound(cs, ce) {
		if kind == direct || f.isCredit(spk, cv) || !f.innerOnly(cs, ce, si) {
			// The claim is already attributed: this is a credit to
			// whoever reported it ("...," Iran Press reported), not a new
			// speaker.
			for i := min(cueS, ns); i < max(j, ne); i++ {
				f.used[i] = true
			}
			return true
		}
		// "X noted Y, Z said": Z says that X noted Y; the outer
		// attribution takes the whole clause.
		f.removeWithin(cs, ce, si)
	}
	rule := "post-" + ruleForm(kind)
	if inverted {
		rule = "inverted-" + ruleForm(kind)
	}
	if ce <= cs {
		qs := f.quotes[second]
		f.emit(&found{spk: spk, cue: cv, cueText: cueText, cueS: cueS, cueE: j, s: qs.Open + 1, e: qs.Close,
			cutS: qs.Open + 1, cutE: qs.Open + 1, kind: direct, rule: "post-quote", sent: si})
		return true
	}
	st := &found{spk: spk, cue: cv, cueText: cueText, cueS: cueS, cueE: j, s: cs, e: ce, cutS: cs, cutE: cs, kind: kind, rule: rule, sent: si}
	switch {
	case second >= 0 && kind == direct:
		// `"A," he said, "B."`: one claim in two parts, the attribution cut out.
		qs := f.quotes[second]
		st.cutS, st.cutE = ce, qs.Open+1
		st.e = qs.Close
		st.rule = "middle-quote"
	case rest >= 0:
		// `A, he said, B.`
		re := f.claimEnd(rest, sent.End, si)
		if f.words(rest, re) >= 1 {
			st.cutS, st.cutE = ce, rest
			st.e = re
			st.rule = "middle"
		}
	}
	if st.kind == indirect {
		st.kind = f.kindOfCut(st)
	}
	if f.words(st.s, st.e)-f.words(st.cutS, st.cutE) < 3 && st.cutE > st.cutS {
		return false
	}
	f.add(st)
	if kind == direct {
		f.continuedParagraphs(st)
	}
	if second >= 0 && st.rule != "middle-quote" {
		// `..., he said: "B."` after an unquoted claim: B is his too.
		qs := f.quotes[second]
		f.emit(&found{spk: spk, cue: cv, cueText: cueText, cueS: cueS, cueE: j, s: qs.Open + 1, e: qs.Close,
			cutS: qs.Open + 1, cutE: qs.Open + 1, kind: direct, rule: "post-quote", sent: si})
	}
	return true
}

// particleAfterCall make "call" another verb ("called for", "called on").
var particleAfterCall = wordSet(`for on upon off in up out back`)

// verbPhraseAt tells whether a verb phrase without its own subject starts
// at k ("did not elaborate", "declined to comment", "gave no details").
func (f *finder) verbPhraseAt(k int) bool {
	t := f.tok(k)
	if t.Kind != Word || t.Cap || subjectPronouns[t.Lower] || determiners[t.Lower] || prepositions[t.Lower] || clauseWords[t.Lower] {
		return false
	}
	return auxiliaries[t.Lower] && !isAdverb(t.Lower) || isVerbLike(t.Lower) || negations[t.Lower] || t.Lower == "gave" || t.Lower == "would"
}

// appositiveAttributionAt tells whether a subject with commas in it and a
// finite speech verb start at k ("European Union ambassador to the WTO,
// Carlo Trojan, said ...").
func (f *finder) appositiveAttributionAt(k, end int) bool {
	for i := k + 1; i < end && i < k+20; i++ {
		t := f.tok(i)
		if f.inQuote(i) || isEnd(t) || t.Kind == Word && clauseWords[t.Lower] {
			return false
		}
		if isFiniteCue(t) {
			if ns, _, _ := f.subjectBefore(i, k); ns == k {
				return true
			}
			return false
		}
	}
	return false
}

// nestedClause returns the start of an attribution clause that opens
// sentence si and whose claim runs to the separator before token first
// ("The EU's institutions have noted Y, | the Office said"), or -1.
func (f *finder) nestedClause(si, first int) int {
	sent := f.d.Sentences[si]
	for _, st := range f.bySent[si] {
		if st.cueS < 0 || st.e < first-2 || st.e > first || st.s < st.cueS {
			continue
		}
		start := st.cueS
		if st.spk.s >= 0 && st.spk.s < start {
			start = st.spk.s
		}
		k := sent.Start
		for k < start && (isSep(f.tok(k)) || f.tok(k).Kind == Word && clauseStarters[f.tok(k).Lower]) {
			k++
		}
		if k == start {
			return start
		}
	}
	return -1
}

// isCredit tells whether a trailing attribution credits the one who
// reported a claim rather than making one: a publisher or news medium,
// or the verb "report".
func (f *finder) isCredit(spk speaker, cv *cueVerb) bool {
	if cv != nil && cv.Lemma == "report" {
		return true
	}
	if spk.entity >= 0 {
		e := f.d.Entities[spk.entity]
		return e.Kind == orgMedia || f.d.Source != "" && entityHasName(e, nameKey(f.d.Source))
	}
	return false
}

// innerOnly tells whether the statements that overlap [cs, ce) all lie
// inside it, in sentence si.
func (f *finder) innerOnly(cs, ce, si int) bool {
	n := 0
	for _, st := range f.found {
		if st.s < ce && cs < st.e {
			if st.s < cs || st.e > ce || st.sent != si {
				return false
			}
			n++
		}
	}
	return n > 0
}

// removeWithin drops the statements inside [cs, ce) of sentence si and
// frees their claim tokens.
func (f *finder) removeWithin(cs, ce, si int) {
	keep := f.found[:0]
	for _, st := range f.found {
		if st.sent == si && st.s >= cs && st.e <= ce {
			for i := st.s; i < st.e; i++ {
				f.claim[i] = false
			}
			continue
		}
		keep = append(keep, st)
	}
	f.found = keep
	f.sorted = min(f.sorted, len(f.found))
	list := f.bySent[si][:0]
	for _, st := range f.bySent[si] {
		if !(st.s >= cs && st.e <= ce) {
			list = append(list, st)
		}
	}
	f.bySent[si] = list
}

// questionQuote tells whether the quotation closing at token c ends with
// a question or exclamation mark (“Really?” he asked), after which the
// sentence splitter starts a new sentence at the attribution.
func (f *finder) questionQuote(c int) bool {
	q := f.quoteClosing(c)
	if q < 0 || c-1 <= f.quotes[q].Open {
		return false
	}
	t := f.tok(c - 1)
	return isPunct(t, "?") || isPunct(t, "!")
}

// circumstanceStart tells whether what follows a postposed attribution at
// token k is a circumstance ("in an interview", "on Friday", "and left")
// rather than a new clause with its own subject ("he does support ...",
// "the plan would fail", "that ...").
func (f *finder) circumstanceStart(k int) bool {
	t := f.tok(k)
	if t.Kind != Word {
		return true
	}
	w := t.Lower
	return !subjectPronouns[w] && !(determiners[w] && !t.Cap) && w != "there"
}

// introductory tells whether a clause starting at cs is an introductory
// phrase rather than a claim: it opens with a participle ("Asked about
// ...", "Speaking in ...") or a preposition or subordinator ("After the
// vote, ...").
func (f *finder) introductory(cs int) bool {
	t := f.tok(cs)
	if t.Kind != Word {
		return false
	}
	w := t.Lower
	return prepositions[w] || subordinators[w] || w == "asked" || w == "pressed" ||
		len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
}

// kindOfCut classifies a claim in two parts.
func (f *finder) kindOfCut(st *found) string {
	k := f.kindOf(st.s, st.cutS)
	if st.cutE < st.e {
		k2 := f.kindOf(st.cutE, st.e)
		if k != k2 && (k != indirect || k2 != indirect) {
			return mixed
		}
	}
	if k == direct {
		return mixed // an unquoted claim whose first part is a quotation
	}
	return k
}

// clauseStart returns where the claim before an attribution starts in a
// sentence: its start, or after an earlier statement's attribution in it.
func (f *finder) clauseStart(lo, hi int) int {
	s := lo
	for _, st := range f.bySent[f.tok(lo).Sent] {
		for _, e := range []int{st.e, st.cueE, st.spk.e} {
			if e > s && e <= hi {
				s = e
			}
		}
	}
	for s < hi && (isSep(f.tok(s)) && f.quoteOpening(s) < 0) {
		s++
	}
	return s
}

// clauseBoundaryAt tells whether a new clause that is not part of a claim
// starts at token n: a relative clause about the speaker ("who ...") or a
// new attribution (a participle, "according to").
func (f *finder) clauseBoundaryAt(n, end int) bool {
	t := f.tok(n)
	switch t.Lower {
	case "who", "which", "whose", "where", "when", "and", "but", "while", "as", "before", "after", "though", "although":
		return true
	case "according":
		return true
	}
	if cv := cueLexicon[t.Lower]; cv != nil && isIngForm(t.Lower) {
		return true
	}
	if prepositions[t.Lower] || timeWords[t.Lower] {
		return true
	}
	return false
}

// claimAfter reads the claim after a cue phrase ending before j: an
// addressee for tell-verbs, circumstances ("on Friday", "in a statement"),
// then a colon, a quotation, "that", a to-infinitive, an object or a bare
// clause. It returns the claim's tokens and a provisional kind.
func (f *finder) claimAfter(cv *cueVerb, c, j, si int) (cs, ce int, kind string, ok bool) {
	sent := f.d.Sentences[si]
	end := sent.End
	k := j
	addressee := k
	if cv.Class == cueTell && k < end {
		k = f.skipAddressee(k, end)
	}
	if k < end {
		// "threatened to leave", "urged them to stay" (the addressee is
		// part of the claim), "accused X of lying"
		if t := f.tok(k); cv.To && t.Lower == "to" && k+1 < end && f.tok(k+1).Kind == Word && !f.tok(k+1).Cap && !determiners[f.tok(k+1).Lower] {
			return f.claimFrom(addressee, si)
		} else if cv.Lemma == "accuse" && t.Lower == "of" && k+1 < end {
			return f.claimFrom(k+1, si)
		}
	}
	k = f.skipCirc(k, end)
	k = f.skipContentNoun(cv, k, end)
	if k >= end {
		// "X said:" at the end of a paragraph: the quotation that opens
		// the next one.
		if k == end && end > j && isPunct(f.tok(end-1), ":") && end < len(f.d.Tokens) {
			if q := f.quoteOpening(end); q >= 0 {
				qs := f.quotes[q]
				return qs.Open + 1, qs.Close, direct, true
			}
		}
		return 0, 0, "", false
	}
	t := f.tok(k)
	switch {
	case isPunct(t, ":") || (isPunct(t, ",") && k+1 < end && f.quoteOpening(k+1) >= 0):
		if k+1 >= end {
			if isPunct(t, ":") && end < len(f.d.Tokens) {
				if q := f.quoteOpening(end); q >= 0 && f.tok(end).ParaBefore {
					qs := f.quotes[q]
					return qs.Open + 1, qs.Close, direct, true
				}
			}
			return 0, 0, "", false
		}
		return f.claimFrom(k+1, si)
	case f.quoteOpening(k) >= 0:
		return f.claimFrom(k, si)
	case t.Lower == "that" && k+1 < end:
		if strictForms[f.tok(c).Lower] && beOrHave[f.tok(k+1).Lower] {
			return 0, 0, "", false // "states that will vote": a relative clause
		}
		return f.claimFrom(k+1, si)
	case strictForms[f.tok(c).Lower]:
		return 0, 0, "", false
	case cv.To && t.Lower == "to" && k+1 < end && f.tok(k+1).Kind == Word:
		return f.claimFrom(k, si)
	case cv.Lemma == "accuse" && t.Lower == "of" && k+1 < end:
		return f.claimFrom(k+1, si)
	case cv.Class == cueObject:
		if isSep(t) || isEnd(t) {
			return 0, 0, "", false
		}
		if f.filingObject(cv, k, end) {
			return 0, 0, "", false // "rejected the company's application"
		}
		// The verb phrase is the claim: "ruled out any talks".
		cs, ce, kind, ok := f.claimFrom(c, si)
		if ok && cv.Clause && !f.asComplement(k, ce) && !f.quoteWithin(k, ce) {
			return 0, 0, "", false // "welcomed the announcement"
		}
		return cs, ce, kind, ok
	case cv.Bare && f.startsClause(k):
		if f.filingObject(cv, k, end) {
			return 0, 0, "", false // "confirmed the takeover bid"
		}
		return f.claimFrom(k, si)
	}
	return 0, 0, "", false
}

// filingNouns are documents and requests put to a body for decision: a
// verb that rejects, denies, approves or confirms one of them is a
// decision on it, not speech.
var filingNouns = wordSet(`application applications request requests bid bids offer offers
	proposal proposals petition petitions appeal appeals plan plans motion motions
	claim claims licence license permit nomination merger takeover`)

// decisionVerbs are the cues that also name an act of decision.
var decisionVerbs = wordSet(`reject deny confirm approve dismiss`)

// filingObject tells whether the object from k of a decision verb is a
// filing ("rejected TWA's application", "denied a request for ...",
// "confirmed the takeover bid"), with no "that"-clause, quotation or "as"
// complement after it, nor a participle that gives the reason
// ("rejected the proposal, saying it ..." is speech). A claim needs "for" after it ("rejected a claim
// for damages"); claims alone are what was said ("denied the claims").
func (f *finder) filingObject(cv *cueVerb, k, end int) bool {
	if !decisionVerbs[cv.Lemma] {
		return false
	}
	for i := k; i < end && i < k+7; i++ {
		t := f.tok(i)
		if t.Kind == Possessive || t.Kind == Word && (t.Cap || determiners[t.Lower] || isAdjectiveLike(t.Lower)) && !filingNouns[t.Lower] {
			continue
		}
		if t.Kind != Word || !filingNouns[t.Lower] {
			return false
		}
		if (t.Lower == "claim" || t.Lower == "claims") && (i+1 >= end || f.tok(i+1).Lower != "for") {
			return false
		}
		for j := i + 1; j < end; j++ {
			u := f.tok(j)
			if u.Lower == "that" || u.Lower == "as" || f.quoteOpening(j) >= 0 || isIngCue(u) {
				return false // a claim or its reason follows: "rejected the plan, saying ..."
			}
			if isEnd(u) {
				break
			}
		}
		return true
	}
	return false
}

// asComplement tells whether an object starting at k has an "as"
// complement that judges it ("welcomed the pause as a first step",
// "dismissed the plan as desperate"): then it is a claim.
func (f *finder) asComplement(k, end int) bool {
	for i := k; i < end && i < k+12; i++ {
		t := f.tok(i)
		if t.Lower == "as" {
			return i > k
		}
		if isSep(t) || isEnd(t) || t.Kind == Word && (clauseWords[t.Lower] && t.Lower != "as" || isFiniteCue(t)) {
			return false
		}
	}
	return false
}

// quoteWithin tells whether a quotation opens in the clause from k
// ("criticized what he called \"a campaign of lies\"").
func (f *finder) quoteWithin(k, end int) bool {
	for i := k; i < end; i++ {
		if f.quoteOpening(i) >= 0 {
			return true
		}
		if isEnd(f.tok(i)) {
			return false
		}
	}
	return false
}

// startsClause tells whether a bare claim can start at token k: a word,
// number or quotation that is not a preposition, conjunction or
// punctuation.
func (f *finder) startsClause(k int) bool {
	t := f.tok(k)
	switch t.Kind {
	case Word:
		if prepositions[t.Lower] && !subordinators[t.Lower] || clauseWords[t.Lower] && !subordinators[t.Lower] || t.Lower == "so" || t.Lower == "nothing" {
			return false
		}
		if isCueWord(t.Lower) && !t.Cap && !(strictForms[t.Lower] && !isPastCue(t.Lower)) {
			return false // not "said reports that ...": a plural noun starts a clause
		}
		return true
	case Number, QuoteOpen, QuoteAmbig:
		return true
	}
	return false
}

// subordinators can open a bare claim ("said because ...", "said if
// ...").
var subordinators = wordSet(`because if when while although though since after before unless once`)

// claimFrom returns a claim starting at token cs and running to its end
// (claimEnd); a quotation that starts there and goes on past the sentence
// is taken whole.
func (f *finder) claimFrom(cs, si int) (int, int, string, bool) {
	sent := f.d.Sentences[si]
	if q := f.quoteOpening(cs); q >= 0 {
		qs := f.quotes[q]
		// A quotation that is the whole claim.
		after := qs.Close
		if qs.Closed {
			after++
		}
		for after < len(f.d.Tokens) && after < sent.End && f.tok(after).Kind == Punct && isEnd(f.tok(after)) {
			after++
		}
		if qs.Close >= sent.End-1 || after >= sent.End {
			return qs.Open + 1, qs.Close, direct, true
		}
		// `"...," Iran Press reported.` after the quotation: a credit.
		if qs.Closed && after < sent.End && f.attributionAhead(after, sent.End) && f.endsAfterAttribution(after, sent.End) {
			return qs.Open + 1, qs.Close, direct, true
		}
		if qs.Closed && after+1 < sent.End && isSep(f.tok(after)) && f.attributionAhead(after+1, sent.End) && f.endsAfterAttribution(after+1, sent.End) {
			return qs.Open + 1, qs.Close, direct, true
		}
		// `X said: "...," according to Y.`
		if qs.Closed && after+2 < sent.End && isSep(f.tok(after)) && f.tok(after+1).Lower == "according" && f.tok(after+2).Lower == "to" {
			return qs.Open + 1, qs.Close, direct, true
		}
	}
	ce := f.claimEnd(cs, sent.End, si)
	// A quotation opened inside the claim and closed in a later sentence.
	for i := cs; i < ce; i++ {
		if q := f.quoteOpening(i); q >= 0 && f.quotes[q].Close >= ce {
			qs := f.quotes[q]
			ce = qs.Close
			if qs.Closed {
				ce++
			}
			break
		}
	}
	if ce <= cs {
		return 0, 0, "", false
	}
	return cs, ce, indirect, true
}

// claimEnd returns where a claim starting at cs ends in a sentence ending
// before end: at the sentence's end, or before a comma that starts another
// attribution (", saying ...", ", according to ...", ", but X said ...").
func (f *finder) claimEnd(cs, end, si int) int {
	// In a subordinate clause opening the sentence ("As X announced the
	// date, Y urged ..."), the claim ends with the clause.
	sent := f.d.Sentences[si]
	if st := f.tok(sent.Start); st.Kind == Word && (subordinators[st.Lower] || st.Lower == "as") && sent.Start < cs {
		first := -1
		for i := sent.Start; i < end; i++ {
			if isPunct(f.tok(i), ",") && !f.inQuote(i) {
				first = i
				break
			}
		}
		if first >= cs && f.namedOrPronounClauseAt(first+1, end) {
			end = first
		}
	}
	for i := cs; i < end; i++ {
		if f.inQuote(i) {
			continue
		}
		t := f.tok(i)
		if t.Lower == "as" && i+1 < end && isIngCue(f.tok(i+1)) {
			return i
		}
		// "welcomed the decision and said ...": a second verb of the same
		// subject starts its own claim; not "in cash and notes".
		if (t.Lower == "and" || t.Lower == "but") && i > cs && i+1 < end && isFiniteCue(f.tok(i+1)) &&
			!(strictForms[f.tok(i+1).Lower] && !f.claimMarkerAt(i+2)) {
			return i
		}
		// `he was "very comfortable," The Post reported.`
		if q := f.quoteClosing(i); q >= 0 && i > cs && isPunct(f.tok(i-1), ",") && i+1 < end &&
			f.attributionAhead(i+1, end) && f.endsAfterAttribution(i+1, end) {
			return i + 1
		}
		if !(isPunct(t, ",") || isPunct(t, ";") || isPunct(t, "—") || isPunct(t, "–")) || i+1 >= end {
			continue
		}
		n := f.tok(i + 1)
		switch {
		case isIngCue(n):
			return i
		case n.Lower == "according" && i+2 < end && f.tok(i+2).Lower == "to":
			return i
		case clauseStarters[n.Lower] || isPunct(t, ";"):
			// ", but officials said ...", ", and urged ..."
			if f.attributionAhead(i+1, end) {
				return i
			}
			if (n.Lower == "and" || n.Lower == "but") && i+2 < end {
				k := i + 2
				for k < end && f.modifierAt(k) {
					k++
				}
				if k < end && isFiniteCue(f.tok(k)) {
					return i
				}
				// ", and US Secretary of State X called ...": a new clause
				// with a named subject.
				if f.namedClauseAt(i+2, end) {
					return i
				}
				// ", and EU ambassador to the WTO, Carlo Trojan, said
				// ...": a subject with an apposition.
				if f.appositiveAttributionAt(i+2, end) {
					return i
				}
			}
		default:
			// ", X said." ending the sentence belongs to a postposed
			// attribution, not the claim.
			if f.attributionAhead(i+1, end) && f.endsAfterAttribution(i+1, end) {
				return i
			}
		}
	}
	return end
}

// isPastCue tells whether w is a past form of a speech verb ("said",
// "reported"), which cannot be a noun.
func isPastCue(w string) bool {
	cv := cueLexicon[w]
	if cv == nil || cv.Quote || w == cv.Lemma || isIngForm(w) {
		return false
	}
	return !(strings.HasSuffix(w, "s") && (w[:len(w)-1] == cv.Lemma || strings.HasSuffix(w, "es") && w[:len(w)-2] == cv.Lemma))
}

// namedClauseAt tells whether a clause with a named subject starts at k:
// a name (a mention or capitalised words, titles allowed) followed by an
// auxiliary or a past-tense verb.
func (f *finder) namedClauseAt(k, end int) bool {
	i := k
	named := false
	for i < end && i < k+10 {
		t := f.tok(i)
		if ent, _, me := f.mentionEntity(i); ent >= 0 {
			named = true
			i = me
			continue
		}
		if t.Kind == Word && (t.Cap || determiners[t.Lower] && t.Lower != "that" || npConnectors[t.Lower] && i+1 < end && f.tok(i+1).Cap) || t.Kind == Possessive {
			named = named || t.Cap && i > k
			i++
			continue
		}
		break
	}
	if !named || i >= end || i == k {
		return false
	}
	t := f.tok(i)
	return t.Kind == Word && !t.Cap && (auxiliaries[t.Lower] && !isAdverb(t.Lower) || isVerbLike(t.Lower) || isPastCue(t.Lower))
}

// namedOrPronounClauseAt tells whether a main clause starts at k: a
// pronoun subject, a named one (namedClauseAt), or a subject with a speech
// verb (attributionAhead).
func (f *finder) namedOrPronounClauseAt(k, end int) bool {
	if k >= end {
		return false
	}
	if subjectPronouns[f.tok(k).Lower] {
		return true
	}
	return f.namedClauseAt(k, end) || f.attributionAhead(k, end)
}

// isFiniteCue tells whether a token is a finite speech verb in lower
// case ("urged", "said").
func isFiniteCue(t *Token) bool {
	cv := cueLexicon[t.Lower]
	return cv != nil && !t.Cap && !isIngForm(t.Lower) && len(cv.Particles) == 0
}

// isIngCue tells whether a token is a speech participle that attaches to
// a clause ("saying", "adding").
func isIngCue(t *Token) bool {
	cv := cueLexicon[t.Lower]
	return cv != nil && cv.Participle && isIngForm(t.Lower)
}

// attributionAhead tells whether a subject and a finite speech verb start
// at token k (after a clause starter): "but officials said", "he added".
func (f *finder) attributionAhead(k, end int) bool {
	if k < end && clauseStarters[f.tok(k).Lower] {
		k++
	}
	for i := k; i < end && i < k+8; i++ {
		t := f.tok(i)
		if f.inQuote(i) || isSep(t) || isEnd(t) {
			return false
		}
		if cv, _ := cueAt(f.d, i, end); cv != nil && !t.Cap && !isIngForm(t.Lower) && i > k {
			ns, _, _ := f.subjectBefore(i, k)
			return ns == k
		}
	}
	return false
}

// endsAfterAttribution tells whether the sentence ends right after the
// attribution starting at k (only circumstances after the verb).
func (f *finder) endsAfterAttribution(k, end int) bool {
	for i := k; i < end && i < k+8; i++ {
		t := f.tok(i)
		if cv, j := cueAt(f.d, i, end); cv != nil && !t.Cap && !isIngForm(t.Lower) {
			a := f.skipCirc(j, end)
			return a >= end || isEnd(f.tok(a))
		}
	}
	return false
}

// skipAddressee skips the person spoken to after a tell-verb: a pronoun,
// "reporters", a name ("CNN", "The Washington Post") or a short noun
// phrase.
func (f *finder) skipAddressee(k, end int) int {
	t := f.tok(k)
	if t.Lower == "that" || isSep(t) || f.quoteOpening(k) >= 0 {
		return k
	}
	if objectPronouns[t.Lower] {
		return k + 1
	}
	if t.Cap || determiners[t.Lower] {
		i := k + 1
		for i < end && i < k+6 {
			n := f.tok(i)
			if n.Kind == Possessive || (n.Kind == Word && (n.Cap || (!prepositions[n.Lower] && !clauseWords[n.Lower] && !timeWords[n.Lower] && !determiners[n.Lower] && !t.Cap))) {
				i++
				continue
			}
			if t.Cap && (n.Kind == Word && addresseeMedia[n.Lower] || hasDigit(n.Text) && i+1 < end && (f.tok(i+1).Kind == Possessive || f.tok(i+1).Cap)) {
				// "told Reuters news agency", "told BBC Radio 4's Today
				// programme"; not "told Congress news was bad".
				if m := f.skipMedia(i, end); m > i {
					i = m
					continue
				}
			}
			break
		}
		// "told the annual meeting of the X Society", "told the head of
		// the bank that": the complement is the addressee's; not "told
		// the story of ...".
		if h := f.tok(i - 2).Lower; !t.Cap && i < end && i > k+2 && npConnectors[f.tok(i-1).Lower] && determiners[f.tok(i).Lower] && (addresseeHeads[h] || roleNouns[h] || genericNouns[h] || humanHeads[h] || unitNouns[h]) {
			j, name := i+1, false
			for j < end && j < i+8 {
				n := f.tok(j)
				if n.Kind == Possessive || n.Kind == Word && n.Cap {
					j, name = j+1, true
					continue
				}
				if n.Kind == Word && name && !n.Cap && (unitNouns[n.Lower] || orgHeads[n.Lower] || businessNouns[n.Lower]) {
					j++ // "the Varna council"
					continue
				}
				if n.Kind == Word && !name && !prepositions[n.Lower] && !clauseWords[n.Lower] && !timeWords[n.Lower] && !determiners[n.Lower] && !npConnectors[n.Lower] && !subjectPronouns[n.Lower] {
					j++
					continue
				}
				break
			}
			if j > i+1 && (j >= end || f.tok(j).Lower == "that" || isSep(f.tok(j)) || isEnd(f.tok(j)) || prepositions[f.tok(j).Lower] || f.quoteOpening(j) >= 0 || subjectPronouns[f.tok(j).Lower] || determiners[f.tok(j).Lower]) {
				return j
			}
		}
		return i
	}
	if t.Kind == Word && !prepositions[t.Lower] && !timeWords[t.Lower] && k+1 < end {
		n := f.tok(k + 1)
		if n.Lower == "that" || prepositions[n.Lower] || timeWords[n.Lower] || isSep(n) {
			return k + 1 // "told lawmakers that"
		}
	}
	return k
}

// addresseeHeads are gatherings spoken to ("told the annual meeting of
// X", "told a conference of Y").
var addresseeHeads = wordSet(`meeting conference congress assembly audience gathering summit
	convention session forum rally parliament`)

// addresseeMedia are nouns that end a named medium spoken to ("told X
// news agency", "told the Y programme").
var addresseeMedia = wordSet(`news agency newspaper paper programme program radio television
	website magazine channel station daily weekly`)

// skipMedia returns the end of the medium's words from i when what
// follows them can follow an addressee ("that", a colon or comma, a
// quotation, a preposition, a time, the end), or i.
func (f *finder) skipMedia(i, end int) int {
	m := i
	for m < end && m < i+6 {
		n := f.tok(m)
		if n.Kind == Possessive || n.Cap || hasDigit(n.Text) || n.Kind == Word && addresseeMedia[n.Lower] {
			m++
			continue
		}
		break
	}
	if m >= end {
		return m
	}
	n := f.tok(m)
	if n.Lower == "that" || isPunct(n, ":") || isPunct(n, ",") || f.quoteOpening(m) >= 0 || prepositions[n.Lower] || f.timeAt(m, end) > m || isEnd(n) {
		return m
	}
	return i
}

// skipCirc skips circumstances between a verb and its claim: times ("on
// Friday", "last week"), prepositional phrases ("in a statement", "to
// reporters", "at a rally in Ohio"), adverbs, and a parenthetical between
// commas before "that".
func (f *finder) skipCirc(k, end int) int {
	for k < end {
		t := f.tok(k)
		if t.Kind != Word {
			if isPunct(t, ",") || isParenDash(t) {
				// ", in a statement, that", "— and X presumably believes — that"
				limit := 10
				if isParenDash(t) {
					limit = 25
				}
				for i := k + 1; i < end && i < k+limit; i++ {
					n := f.tok(i)
					if isPunct(n, ",") && isPunct(t, ",") || isParenDash(n) && isParenDash(t) {
						if i+1 < end && f.tok(i+1).Lower == "that" {
							return i + 1
						}
						break
					}
					if isSep(n) || isEnd(n) || n.Kind == QuoteOpen {
						break
					}
				}
			}
			return k
		}
		if n := f.timeAt(k, end); n > k {
			k = n
			continue
		}
		if !t.Cap && isAdverb(t.Lower) || t.Lower == "again" || t.Lower == "also" || t.Lower == "repeatedly" || t.Lower == "publicly" || t.Lower == "privately" {
			k++
			continue
		}
		if !t.Cap && f.locativeAt(k, end) {
			k++ // "told reporters here that", "said there on Monday that"
			continue
		}
		if prepositions[t.Lower] || t.Lower == "of" || t.Lower == "after" || t.Lower == "before" {
			if n := f.ppEnd(k, end); n > k+1 {
				k = n
				continue
			}
		}
		return k
	}
	return k
}

// locativeAt tells whether "here" or "there" at k says where the cue was
// spoken, not what: "here" always ("said here the talks had failed"),
// "there" before "that", a comma, a time or the sentence end (not "said
// there was no deal").
func (f *finder) locativeAt(k, end int) bool {
	switch f.tok(k).Lower {
	case "here":
		return true
	case "there":
		if k+1 >= end {
			return true
		}
		n := f.tok(k + 1)
		return n.Lower == "that" || isPunct(n, ",") || isEnd(n) || f.timeAt(k+1, end) > k+1
	}
	return false
}

// ppEnd returns the end of a prepositional phrase starting at k: the
// preposition, an optional determiner, and up to five words; a determiner
// or a capital after lower-case words starts something else.
func (f *finder) ppEnd(k, end int) int {
	i := k + 1
	if i < end && determiners[f.tok(i).Lower] && f.tok(i).Lower != "that" {
		i++
	}
	start := i
	sawLower := false
	gerund := i < end && !f.tok(i).Cap && strings.HasSuffix(f.tok(i).Lower, "ing") // "in seeking a penalty"
	for i < end && (i < start+5 || f.tok(i).Cap && !sawLower) {
		t := f.tok(i)
		switch {
		case t.Kind == Possessive:
		case t.Kind == Number:
		case t.Kind == Word:
			if t.Lower == "that" || prepositions[t.Lower] || clauseWords[t.Lower] || (determiners[t.Lower] && i > start && !(gerund && i == start+1)) {
				return i
			}
			if isCueWord(t.Lower) && !t.Cap {
				return i
			}
			if participleHosts[t.Lower] && f.subjectAfterHost(i+1, end) {
				return i + 1 // "said in a statement (today) the firm ..."
			}
			if t.Cap && sawLower {
				return i
			}
			if !t.Cap {
				sawLower = true
			}
		case isPunct(t, "-") || isPunct(t, "&") || isPunct(t, "'"):
		default:
			return i
		}
		i++
	}
	if i == start {
		return k
	}
	return i
}

// subjectAfterHost tells whether a clause's subject starts at k, after a
// medium noun ("in a statement", "in an interview") and a time: a
// determiner, a number, a pronoun or a capitalised word, not a participle
// or a preposition that goes on with the phrase ("in a statement issued
// by ...", "in a letter to ...").
func (f *finder) subjectAfterHost(k, end int) bool {
	k = f.timeAt(k, end)
	if k >= end {
		return false
	}
	t := f.tok(k)
	switch t.Kind {
	case Number:
		return true
	case Word:
		return t.Cap && !prepositions[t.Lower] && !clauseWords[t.Lower] || subjectPronouns[t.Lower] ||
			determiners[t.Lower] && t.Lower != "that" || quantifiers[t.Lower] || numberWords[t.Lower]
	}
	return false
}

// timeAt returns the end of a time expression at k ("Friday", "on
// Friday", "last week", "earlier this month", "on June 5", "Tuesday
// night"), or k.
func (f *finder) timeAt(k, end int) int {
	i := k
	t := f.tok(i)
	if t.Lower == "on" || t.Lower == "late" || t.Lower == "early" || t.Lower == "earlier" || t.Lower == "later" {
		if i+1 < end && timeWords[f.tok(i+1).Lower] {
			i++
			t = f.tok(i)
		} else if t.Lower == "earlier" || t.Lower == "later" {
			return i + 1
		} else {
			return k
		}
	}
	switch {
	case weekdayIndex(t.Lower) >= 0, t.Lower == "today", t.Lower == "yesterday", t.Lower == "tonight", t.Lower == "overnight":
		i++
	case t.Lower == "last" || t.Lower == "this" || t.Lower == "next":
		if i+1 < end && (timeWords[f.tok(i+1).Lower] || seasons[f.tok(i+1).Lower]) && f.tok(i+1).Lower != "last" {
			i += 2
		} else {
			return k
		}
	case monthIndex(t.Lower) > 0 && t.Cap:
		i++
		if i < end && f.tok(i).Kind == Number {
			i++
			if i+1 < end && isPunct(f.tok(i), ",") && f.tok(i+1).Kind == Number {
				i += 2
			}
		}
	default:
		return k
	}
	// "Friday night", "this week's"
	for i < end {
		w := f.tok(i).Lower
		if w == "morning" || w == "afternoon" || w == "evening" || w == "night" {
			i++
			continue
		}
		break
	}
	if i < end && f.tok(i).Kind == Possessive {
		// "said today's rally was ...", "said last week's data
		// showed ...": the time word opens the claim's subject.
		return k
	}
	return i
}

// subjectBefore finds the subject of a verb at c, reading leftwards from
// it over auxiliaries and adverbs ("has also", "had previously"): a noun
// phrase, with an apposition between commas ("X, the spokesman, said").
// It returns the phrase's tokens (-1, -1 when the verb has none before
// it) and whether a negation stands before the verb.
func (f *finder) subjectBefore(c, lo int) (ns, ne int, neg bool) {
	j := c - 1
	for j >= lo {
		t := f.tok(j)
		if t.Kind == Word && negations[t.Lower] {
			neg = true
			j--
			continue
		}
		if f.modifierAt(j) {
			j--
			continue
		}
		// "they have all denied", "who have both said", "the men each
		// said": a floating quantifier after an auxiliary or a subject
		// is none.
		if t.Kind == Word && !t.Cap && (t.Lower == "all" || t.Lower == "both" || t.Lower == "each") && j-1 >= lo {
			if ent, _, me := f.mentionEntity(j - 1); ent >= 0 && me == j || f.tok(j-1).Kind == Word && (beOrHave[f.tok(j-1).Lower] || f.tok(j-1).Lower == "they" || f.tok(j-1).Lower == "who" || f.tok(j-1).Lower == "we") {
				j--
				continue
			}
		}
		// "Halverson Tools Inc <HVT> said": a stock ticker in brackets.
		if t.Text == ">" && j-2 >= lo && f.tok(j-2).Text == "<" {
			j -= 3
			continue
		}
		if t.Text == ">" && j-4 >= lo && f.tok(j-4).Text == "<" && isPunct(f.tok(j-2), ".") {
			j -= 5 // "<CSRA.S>"
			continue
		}
		// "X on Friday said", "X earlier Thursday said", "X Thursday said"
		if t.Kind == Word && weekdayIndex(t.Lower) >= 0 && j-1 >= lo {
			switch f.tok(j - 1).Lower {
			case "on", "earlier", "later", "late", "early", "last":
				j -= 2
				continue
			}
			if p := f.tok(j - 1); p.Kind == Word && p.Cap {
				j--
				continue
			}
		}
		// "China has in the past said", "X has at times said": a short
		// prepositional phrase after an auxiliary.
		if t.Kind == Word && !t.Cap && j-2 >= lo {
			if k := f.ppBackTo(j, lo); k > lo && beOrHave[f.tok(k-1).Lower] {
				j = k - 1
				continue
			}
		}
		break
	}
	if j < lo {
		return -1, -1, neg
	}
	t := f.tok(j)
	if isParenDash(t) {
		// "Joyce — who is listed as an attorney — told": the name
		// before the opening dash.
		for k := j - 1; k > lo && k >= j-40; k-- {
			u := f.tok(k)
			if f.qidx[k] >= 0 || isEnd(u) {
				break
			}
			if isParenDash(u) {
				if s1, e1 := f.npBefore(k, lo); s1 >= 0 && e1 == k && f.nameLike(s1, e1) && f.phraseStart(s1, lo) {
					// "John Dickey, the chief executive of X -- ... --
					// told": the name before the apposition.
					if s1-1 > lo && isPunct(f.tok(s1-1), ",") {
						if s0, e0 := f.npBefore(s1-1, lo); s0 >= 0 && e0 == s1-1 && f.nameLike(s0, e0) && f.phraseStart(s0, lo) {
							return s0, j, neg
						}
					}
					return s1, j, neg // the name may be inside: "A candidate -- John Doe -- said"
				}
				break
			}
		}
		return -1, -1, neg
	}
	if isPunct(t, ",") {
		// "NP, DESCRIPTION, said", "NP, however, said", "NP (R-Ky.),
		// said": the name before the first comma of the run.
		// The leftmost name of the run: "Anne Roe, assistant secretary
		// for refugees, migration and asylum, said".
		best := -1
		for k := j - 1; k >= lo && k >= j-40; k-- {
			u := f.tok(k)
			if o := f.scareQuoteBefore(k); o >= 0 {
				k = o // "X, a group of "monetarist" economists, said"
				continue
			}
			if f.qidx[k] >= 0 || isPunct(u, "?") || isPunct(u, "!") || isPunct(u, ":") || isPunct(u, ";") || isPastCue(u.Lower) && !u.Cap {
				break
			}
			if !isPunct(u, ",") {
				continue
			}
			if s1, e1 := f.npBefore(k, lo); s1 >= 0 && e1 == k && f.nameLike(s1, e1) && f.phraseStart(s1, lo) && !f.openerOnly(s1, e1) {
				best = s1
			}
		}
		if best >= 0 {
			return best, j, neg
		}
		if s1, e1 := f.npBefore(j, lo); s1 >= 0 && e1 == j && f.nameLike(s1, e1) && (s1 == lo || isSep(f.tok(s1-1)) || f.phraseStart(s1, lo) && clauseStarters[f.tok(s1-1).Lower]) {
			return s1, e1, neg // "And the commissioner, made it clear"
		}
		return -1, -1, neg
	}
	if t.Kind == Possessive && j-1 >= lo && subjectPronouns[f.tok(j-1).Lower] {
		// "He's said": the contraction of "has".
		return j - 1, j, neg
	}
	if t.Kind != Word && t.Kind != Possessive && t.Kind != Number && !isPunct(t, ")") {
		return -1, -1, neg
	}
	if t.Kind == Word && (clauseWords[t.Lower] || prepositions[t.Lower] || determiners[t.Lower] && !subjectPronouns[t.Lower]) {
		return -1, -1, neg
	}
	s, e := f.npBefore(j+1, lo)
	// "detainee A in Woodhill Prison said": the phrase before the
	// preposition heads the subject.
	for n := 0; n < 2 && s > lo+1 && prepositions[f.tok(s-1).Lower] && f.tok(s-1).Lower != "to"; n++ {
		s2, e2 := f.npBefore(s-1, lo)
		if s2 < 0 || e2 != s-1 {
			break
		}
		s = s2
	}
	if s > lo {
		// "A senior diplomat who attended the session said": the noun
		// phrase before the relative clause.
		for w := s - 1; w > lo && w >= s-10; w-- {
			u := f.tok(w)
			if u.Kind != Word || f.qidx[w] >= 0 {
				break
			}
			if u.Lower == "who" || u.Lower == "that" && w+1 < s {
				if s2, e2 := f.npBefore(w, lo); s2 >= 0 && e2 == w && f.nameLike(s2, e2) && f.phraseStart(s2, lo) {
					return s2, e2, neg
				}
				break
			}
		}
	}
	return s, e, neg
}

// scareQuoteBefore returns the opening mark of a closed quotation of one
// to three words whose closing mark is token k, or -1: a term set off in
// a description ("a "boutique" maker"), not words someone said.
func (f *finder) scareQuoteBefore(k int) int {
	q := f.quoteClosing(k)
	if q < 0 {
		return -1
	}
	o := f.quotes[q].Open
	if k-o < 2 || k-o > 4 {
		return -1
	}
	for i := o + 1; i < k; i++ {
		if f.tok(i).Kind != Word {
			return -1
		}
	}
	return o
}

// ppBackTo returns the first token of a short prepositional phrase of
// lower-case words ending at token j ("in the past", "at times"), or -1.
func (f *finder) ppBackTo(j, lo int) int {
	for k := j; k >= lo && k >= j-3; k-- {
		t := f.tok(k)
		if t.Kind != Word || t.Cap {
			return -1
		}
		if prepositions[t.Lower] && k < j {
			return k
		}
		if k < j && !determiners[t.Lower] && k != j {
			return -1
		}
	}
	return -1
}

// nameLike tells whether a phrase [s, e) can name a speaker: it has a
// mention, a capitalised word, a pronoun, or a title or group noun.
func (f *finder) nameLike(s, e int) bool {
	for i := s; i < e; i++ {
		t := f.tok(i)
		if t.Kind != Word {
			continue
		}
		if ent, _, _ := f.mentionEntity(i); ent >= 0 {
			return true
		}
		if t.Cap && !determiners[t.Lower] && !clauseWords[t.Lower] && !prepositions[t.Lower] || subjectPronouns[t.Lower] || roleNouns[t.Lower] || genericNouns[t.Lower] {
			return true
		}
	}
	return false
}

// openerOnly tells whether [s, e) is a single capitalised word opening its
// sentence that no mention covers ("Earlier", "Meanwhile"): not a name.
func (f *finder) openerOnly(s, e int) bool {
	if e-s != 1 || s != f.d.Sentences[f.tok(s).Sent].Start {
		return false
	}
	ent, _, _ := f.mentionEntity(s)
	w := f.tok(s).Lower
	return ent < 0 && !subjectPronouns[w] && !genericNouns[w] && !roleNouns[w]
}

// phraseStart tells whether a phrase can start at s: the clause's start,
// or after a separator or a conjunction.
func (f *finder) phraseStart(s, lo int) bool {
	if s <= lo {
		return true
	}
	p := f.tok(s - 1)
	if p.Kind == Word && (prepositions[p.Lower] || subordinators[p.Lower] && p.Lower != "while" && p.Lower != "although" && p.Lower != "though") {
		return false // "before the convention, predicted X"
	}
	return isSep(p) || p.Kind == Word && (clauseStarters[p.Lower] || clauseWords[p.Lower] || p.Lower == "so" || p.Lower == "then")
}

// apposLike tells whether an apposition can start at k: a determiner, a
// capital, or a title-like word.
func (f *finder) apposLike(k int) bool {
	t := f.tok(k)
	return t.Kind == Word && (t.Cap || determiners[t.Lower] || roleNouns[t.Lower] || genericNouns[t.Lower])
}

// npBefore reads a noun phrase leftwards from the token before ne, not
// before lo. It returns its tokens, or -1, -1.
func (f *finder) npBefore(ne, lo int) (int, int) {
	k := ne - 1
	s := ne
	n := 0
	for k >= lo && n < 12 {
		t := f.tok(k)
		stop := false
		switch t.Kind {
		case Word:
			w := t.Lower
			switch {
			case subjectPronouns[w] && !t.Cap && k == ne-1, subjectPronouns[w] && k == ne-1:
				return k, ne
			case w == "and" && k+1 < ne && k-1 >= lo && (f.tok(k+1).Cap || f.tok(k+1).Lower == "others") && f.tok(k-1).Cap && f.tok(k-1).Kind == Word:
				// "Edwards and others", "Trump and Clinton"
			case w == "and" && k+1 < ne && k-1 >= lo && genericNouns[f.tok(k+1).Lower] && genericNouns[f.tok(k-1).Lower] && !f.tok(k+1).Cap:
				// "bankers and brokers", "analysts and traders": two
				// groups of unnamed sources speaking together
			case clauseWords[w] || auxiliaries[w] && !t.Cap || negations[w]:
				stop = true
			case npConnectors[w] || w == "to" && k-1 >= lo && (roleNouns[f.tok(k-1).Lower] || genericNouns[f.tok(k-1).Lower]):
				if k == ne-1 || k-1 < lo {
					stop = true
				}
			case prepositions[w]:
				// "people familiar with", "an official at"
				if !(k < ne-1 && f.groupPP(k, lo)) {
					stop = true
				}
			case isPastCue(w) && !t.Cap:
				stop = true
			case quantifiers[w] && !t.Cap && k-1 >= lo && f.tok(k-1).Cap && f.tok(k-1).Kind == Word:
				// "In France and Italy many voters said": a quantifier
				// after a name opens the phrase; the name ends a fronted
				// circumstance.
				return f.trimNP(k, ne)
			case determiners[w]:
				s = k
				n++
				if k-1 >= lo && (npConnectors[f.tok(k-1).Lower] || f.groupPP(k-1, lo)) {
					k--
					continue
				}
				return f.trimNP(s, ne)
			}
		case Possessive, Number:
		case Punct:
			if t.Text == ")" {
				// "Sen. Ted Cruz (R-Texas)"
				o := k - 1
				for o >= lo && o > k-8 && !isPunct(f.tok(o), "(") {
					o--
				}
				if o >= lo && o > k-8 && o > lo {
					n += k - o
					k = o - 1
					continue
				}
				stop = true
			} else if t.Text != "&" && t.Text != "-" && t.Text != "." {
				stop = true
			}
		default:
			stop = true
		}
		if stop {
			break
		}
		s = k
		n++
		k--
	}
	return f.trimNP(s, ne)
}

// quantifiers open a phrase about part of a group ("many of those
// interviewed", "most voters").
var quantifiers = wordSet(`many most several few both all some`)

// groupPP tells whether the preposition at k joins a group or title noun
// to its complement inside a noun phrase ("people familiar with the
// talks", "an official at the ministry", "an adviser to X").
func (f *finder) groupPP(k, lo int) bool {
	if k-1 < lo {
		return false
	}
	switch f.tok(k).Lower {
	case "with", "at", "in", "from", "to", "close":
	default:
		return false
	}
	p := f.tok(k - 1).Lower
	return genericNouns[p] || roleNouns[p] || groupAdjectives[p]
}

// trimNP drops connectors at the start of a noun phrase.
func (f *finder) trimNP(s, e int) (int, int) {
	for s < e && (npConnectors[f.tok(s).Lower] || f.tok(s).Lower == "to" || f.tok(s).Kind == Punct) {
		s++
	}
	if s >= e {
		return -1, -1
	}
	return s, e
}

// npAfter reads the speaker's noun phrase after an inverted verb ("...,"
// said X): up to a comma, the end, a relative clause or circumstances.
func (f *finder) npAfter(k, end int) (int, int) {
	if k >= end {
		return k, k
	}
	if t := f.tok(k); t.Kind != Word || !(t.Cap || determiners[t.Lower] || indefinites[t.Lower] || subjectPronouns[t.Lower] || roleNouns[t.Lower] || f.capSoon(k, end)) {
		return k, k
	}
	i := k
	for i < end && i < k+10 {
		t := f.tok(i)
		if t.Kind == Word {
			w := t.Lower
			if clauseWords[w] || (prepositions[w] && !(w == "to" && i > k && (roleNouns[f.tok(i-1).Lower] || genericNouns[f.tok(i-1).Lower]))) || isCueWord(w) && !t.Cap {
				break
			}
			if i > k && !t.Cap && weekdayIndex(w) >= 0 {
				break
			}
			if t.Cap && weekdayIndex(w) >= 0 {
				break
			}
			i++
			continue
		}
		if t.Kind == Possessive || t.Kind == Number || isPunct(t, "-") || isPunct(t, "&") {
			i++
			continue
		}
		break
	}
	for i > k && npConnectors[f.tok(i-1).Lower] {
		i--
	}
	// "said the official, Javier Munoz-Ortega.": a name in apposition to
	// a title or group noun.
	if i > k && i+2 < end && isPunct(f.tok(i), ",") {
		if head, _ := f.headWord(k, i); roleNouns[head] || genericNouns[head] || humanHeads[head] {
			n := i + 1
			for n < end && f.tok(n).Kind == Word && (f.tok(n).Cap || nameParticles[f.tok(n).Lower]) {
				n++
			}
			if n > i+1 && (n >= end || isEnd(f.tok(n)) || isPunct(f.tok(n), ",")) {
				return k, n
			}
		}
	}
	return k, i
}

// capSoon tells whether a capitalised word follows within three
// lower-case words ("former Wisconsin Gov. Jim Doyle").
func (f *finder) capSoon(k, end int) bool {
	for i := k; i < end && i < k+4; i++ {
		t := f.tok(i)
		if t.Kind != Word || prepositions[t.Lower] || clauseWords[t.Lower] {
			return false
		}
		if t.Cap {
			return true
		}
	}
	return false
}

// according handles "according to X": `According to X, CLAIM.`, `CLAIM,
// according to X.` and `A, according to X, B.`
func (f *finder) according(si, i int) {
	sent := f.d.Sentences[si]
	as := i + 2
	ae := as
	for ae < sent.End && !isSep(f.tok(ae)) && !isEnd(f.tok(ae)) && f.quoteOpening(ae) < 0 && ae < as+14 {
		ae++
	}
	if ae == as {
		return
	}
	src := f.speakerOf(as, ae, si)
	cue := f.d.Span(i, i+2)
	mark := func() {
		for k := i; k < ae; k++ {
			f.used[k] = true
		}
	}
	first := i
	atStart := first == f.clauseStart(sent.Start, first) || (first > sent.Start && isPunct(f.tok(first-1), ",") && f.tok(first-1).Sent == si && first-1 == sent.Start)
	if atStart && ae < sent.End && isPunct(f.tok(ae), ",") {
		// According to X, CLAIM.
		cs := ae + 1
		if f.attributionAhead(cs, sent.End) {
			// "According to the report, officials said ...": the inner
			// attribution speaks; X stands in for unnamed speakers.
			if f.fallback == nil {
				f.fallback = map[int]speaker{}
			}
			f.fallback[si] = src
			mark()
			return
		}
		cs, ce, kind, ok := f.claimFrom(cs, si)
		if ok {
			mark()
			f.emit(&found{spk: src, cueText: cue, cueS: i, cueE: i + 2, s: cs, e: ce, cutS: cs, cutE: cs, kind: kind, rule: "according-to", sent: si})
		}
		return
	}
	if first > sent.Start && isSep(f.tok(first-1)) {
		// CLAIM, according to X.
		p := first - 1
		var cs, ce int
		if q := f.quoteClosing(p); q >= 0 {
			cs, ce = f.quotes[q].Open+1, f.quotes[q].Close
		} else if q := f.quoteClosing(p - 1); q >= 0 && isSep(f.tok(p)) {
			cs, ce = f.quotes[q].Open+1, f.quotes[q].Close
		} else {
			cs, ce = f.clauseStart(sent.Start, p), p
		}
		st := &found{spk: src, cueText: cue, cueS: i, cueE: i + 2, s: cs, e: ce, cutS: cs, cutE: cs, kind: indirect, rule: "according-to", sent: si}
		if ae < sent.End && isPunct(f.tok(ae), ",") && ae+1 < sent.End && !f.clauseBoundaryAt(ae+1, sent.End) && f.quoteClosing(p) < 0 {
			// A, according to X, B.
			re := f.claimEnd(ae+1, sent.End, si)
			st.cutS, st.cutE, st.e = ce, ae+1, re
		}
		mark()
		if st.cutS == st.cutE {
			f.emit(st)
		} else if !f.overlapsFound(st.s, st.e) {
			st.kind = f.kindOfCut(st)
			f.add(st)
		}
	}
}

// participle handles "..., saying (that) ..." and its kin: the claim is
// the subject's of the clause the participle hangs on.
func (f *finder) participle(si, i, j int, cv *cueVerb) {
	if !cv.Participle {
		return
	}
	d := f.d
	sent := d.Sentences[si]
	if i <= sent.Start {
		return
	}
	// "quoting X as saying ...", "quoted X as saying"
	if f.tok(i-1).Lower == "as" {
		f.asSaying(si, i, j, cv)
		return
	}
	// What the participle hangs on: a comma, "while"/"before"/"after", or
	// a document ("issued a statement on Friday saying").
	k := i - 1
	for k > sent.Start && f.modifierAt(k) && !beOrHave[f.tok(k).Lower] {
		k--
	}
	p := f.tok(k)
	host := isPunct(p, ",") || participleHosts[p.Lower] ||
		cv.Class != cueObject && (p.Lower == "while" || p.Lower == "before" || p.Lower == "after" || p.Lower == "by" || p.Lower == "and")
	if !host {
		// "a statement on Friday firmly rejecting"
		for m := k; m > sent.Start && m > k-4; m-- {
			if participleHosts[f.tok(m).Lower] {
				host = true
				break
			}
			if !(weekdayIndex(f.tok(m).Lower) >= 0 || f.tok(m).Lower == "on" || timeWords[f.tok(m).Lower]) {
				break
			}
		}
	}
	if !host {
		return
	}
	cs, ce, kind, ok := f.claimAfter(cv, i, j, si)
	if !ok {
		return
	}
	spk := f.clauseSubject(si, i)
	if spk.entity < 0 && spk.s >= spk.e {
		return
	}
	f.emit(&found{spk: spk, cue: cv, cueText: d.Span(i, j), cueS: i, cueE: j, s: cs, e: ce, cutS: cs, cutE: cs,
		kind: kind, rule: "participle", sent: si})
}

// asSaying handles "quoting X as saying ...": X speaks; when X is unnamed
// ("unnamed officials"), whoever quotes them does.
func (f *finder) asSaying(si, i, j int, cv *cueVerb) {
	sent := f.d.Sentences[si]
	as := i - 1
	q := -1
	for k := as - 1; k >= sent.Start && k >= as-12; k-- {
		switch f.tok(k).Lower {
		case "quoting", "quoted", "citing", "cited", "quotes", "cites":
			q = k
		}
		if q >= 0 {
			break
		}
	}
	if q < 0 {
		return
	}
	cs, ce, kind, ok := f.claimAfter(cv, i, j, si)
	if !ok {
		return
	}
	if f.tok(q).Lower == "quoted" && q > sent.Start && (auxiliaries[f.tok(q-1).Lower] && beOrHave[f.tok(q-1).Lower] || f.modifierAt(q-1)) && q+1 < as && f.tok(q+1).Lower == "by" {
		// "X was quoted by the daily Y as saying": X speaks, Y quotes.
		if spk := f.clauseSubject(si, q); spk.entity >= 0 || spk.s < spk.e {
			f.emit(&found{spk: spk, cue: cv, cueText: f.d.Span(as, j), cueS: as, cueE: j, s: cs, e: ce, cutS: cs, cutE: cs,
				kind: kind, rule: "as-saying", sent: si})
			return
		}
	}
	spk := f.speakerOf(q+1, as, si)
	if spk.entity < 0 {
		// The quoting source: "a Reuters report quoting ...".
		if ss, se := f.npBefore(q, sent.Start); ss >= 0 {
			if alt := f.speakerOf(ss, se, si); alt.entity >= 0 {
				spk = alt
			}
		}
		if spk.entity < 0 {
			if alt := f.clauseSubject(si, q); alt.entity >= 0 {
				spk = alt
			}
		}
	}
	f.emit(&found{spk: spk, cue: cv, cueText: f.d.Span(as, j), cueS: as, cueE: j, s: cs, e: ce, cutS: cs, cutE: cs,
		kind: kind, rule: "as-saying", sent: si})
}

// clauseSubject returns the subject of the clause a participle at i hangs
// on: the speaker of a statement found earlier in the sentence, or the
// sentence's first noun phrase after any introductory phrase.
func (f *finder) clauseSubject(si, i int) speaker {
	for k := len(f.found) - 1; k >= 0; k-- {
		st := f.found[k]
		if st.sent == si && st.cueS < i && st.cueS >= 0 {
			return speaker{s: -1, e: -1, entity: st.spk.entity}
		}
		if st.sent < si {
			break
		}
	}
	sent := f.d.Sentences[si]
	start := sent.Start
	// Skip an introductory phrase: "In a statement, ...", "Speaking
	// in X, ...".
	t := f.tok(start)
	if t.Kind == Word && (prepositions[t.Lower] || clauseWords[t.Lower] || isIngForm(t.Lower) || t.Lower == "on") {
		for k := start; k < i; k++ {
			if isPunct(f.tok(k), ",") {
				start = k + 1
				break
			}
		}
	}
	// The subject ends at the first auxiliary or lower-case verb-like
	// word after a noun phrase; take the noun phrase before it.
	end := start
	for end < i {
		u := f.tok(end)
		if u.Kind == Word && !u.Cap && (auxiliaries[u.Lower] || isCueWord(u.Lower)) && end > start {
			break
		}
		if u.Kind == Word && !u.Cap && isVerbLike(u.Lower) && end > start {
			break
		}
		end++
	}
	for end > start && isPunct(f.tok(end-1), ",") {
		end--
	}
	if end <= start {
		return speaker{s: -1, e: -1, entity: -1}
	}
	// Commas inside the subject are an apposition: keep the phrase.
	return f.speakerOf(start, end, si)
}

// isVerbLike tells a lower-case word that is probably a finite verb
// (past tense -ed) from noun-phrase words.
func isVerbLike(w string) bool {
	return len(w) > 4 && w[len(w)-2:] == "ed"
}

// foundBefore returns the found statements in text order.
func (f *finder) sortFound() {
	// Those found since the last call move back into place (a stable
	// insertion sort: they are few and mostly in order already).
	for i := max(f.sorted, 1); i < len(f.found); i++ {
		for k := i; k > 0 && f.found[k-1].s > f.found[k].s; k-- {
			f.found[k-1], f.found[k] = f.found[k], f.found[k-1]
		}
	}
	f.sorted = len(f.found)
}

// contentNouns name what was said: "denied reports that ...",
// "confirmed claims that ...".
var contentNouns = wordSet(`report reports claim claims allegation allegations suggestion suggestions
	rumour rumours rumor rumors speculation accusation accusations charge charges assertion assertions`)

// restrictors narrow a cue to its claim: "would say only that ...".
var restrictors = wordSet(`only merely simply just`)

// skipContentNoun returns the "that" after a cue's restrictor ("said
// only that") or, after a verb that takes an object, a noun for what was
// said ("denied reports that", "confirmed the media reports that"): the
// cue phrase takes them in, the claim is the clause after "that". After
// "say" the noun is the claim's subject ("said reports that X were
// false"). It returns k when none stands there.
func (f *finder) skipContentNoun(cv *cueVerb, k, end int) int {
	if k+1 >= end {
		return k
	}
	t := f.tok(k)
	if t.Cap || t.Kind != Word {
		return k
	}
	if restrictors[t.Lower] && f.tok(k+1).Lower == "that" {
		return k + 1
	}
	if cv.Class != cueObject && cv.Lemma != "confirm" && cv.Lemma != "acknowledge" {
		return k
	}
	i := k
	for i < end && i < k+3 && f.tok(i).Kind == Word && !f.tok(i).Cap && !contentNouns[f.tok(i).Lower] && (determiners[f.tok(i).Lower] || isAdjectiveLike(f.tok(i).Lower)) {
		i++
	}
	if i+1 < end && contentNouns[f.tok(i).Lower] && f.tok(i+1).Lower == "that" {
		return i + 1
	}
	return k
}

// isAdjectiveLike tells whether a lower-case word may qualify a content
// noun ("media reports", "earlier claims", "fresh allegations").
func isAdjectiveLike(w string) bool {
	switch w {
	case "media", "press", "newspaper", "earlier", "recent", "fresh", "new", "further", "previous", "such", "these", "those", "any", "all":
		return true
	}
	return false
}
