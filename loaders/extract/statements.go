package extract

import (
	"sort"

	"newsgraph/schema"
)

// The statement stage finds every claim an article attributes to a
// speaker. It reads the tokens sentence by sentence, without a parser:
//
//   - quotes.go pairs quotation marks into quotations, across paragraphs
//     when a quote runs on;
//   - cues.go is the lexicon of speech verbs ("said", "told", "ruled out")
//     and what each takes after it;
//   - attribution.go finds the constructions around a cue: the claim before
//     it ("...," he said), after it (X said (that) ..., X said: "..."), on
//     both sides ("...," he said, "..."), "according to X", participles
//     ("..., saying ..."), "quoting X as saying", and quotations that go on
//     after an attributed one;
//   - coref.go turns the speaker's words into an entity: names through the
//     entity stage's mentions, pronouns and role nouns ("the spokesman")
//     through the persons and roles the article has named;
//   - acts.go gives each statement a speech act, dates.go a date.
//
// It never names an article, a person or a sentence: every rule is about
// English attribution in general.

// findStatements fills d.Statements.
func (x *Extractor) findStatements(d *Doc) {
	if len(d.Tokens) == 0 {
		return
	}
	f := newFinder(x, d)
	for si := range d.Sentences {
		f.sentence(si)
	}
	f.continuations()
	f.finish()
}

// statement kinds, for brevity.
const (
	direct   = schema.KindDirect
	indirect = schema.KindIndirect
	mixed    = schema.KindMixed
)

// continuations attributes quotations no cue claimed: a quotation that
// stands as a sentence of its own ("“...,” Rouhani said. “We seek ...”")
// continues the statement just before it, in the same or the previous
// paragraph, when no other person is named in between.
func (f *finder) continuations() {
	d := f.d
	f.sortFound()
	for k, q := range f.quotes {
		if q.Cont || q.Close <= q.Open+1 {
			continue
		}
		s, e := q.Open+1, q.Close
		if f.words(s, e) < 3 || f.overlapsFound(s, e) || f.noise(q.Open) {
			continue
		}
		// A quotation standing as a sentence: first in its sentence, or
		// after a colon.
		o := q.Open
		sent := d.Sentences[f.tok(o).Sent]
		if o != sent.Start && !isPunct(f.tok(o-1), ":") {
			continue
		}
		prev := f.before(o)
		if prev == nil || prev.spk.entity < 0 && prev.spk.s >= prev.spk.e {
			continue
		}
		ps := f.tok(prev.s).Para
		if f.tok(o).Para-ps > 1 || f.tok(o).Sent-f.tok(prev.e-1).Sent > 3 {
			continue
		}
		if f.otherPersonBetween(prev.e, o, prev.spk.entity) {
			continue
		}
		st := &found{spk: speaker{s: -1, e: -1, entity: prev.spk.entity}, cueS: -1, cueE: -1, s: s, e: e, cutS: s, cutE: s,
			kind: direct, rule: "quote-continued", sent: f.tok(o).Sent}
		if prev.spk.entity < 0 {
			st.spk = prev.spk
		}
		f.add(st)
		f.continuedParagraphs(st)
		f.sortFound()
		_ = k
	}
}

// before returns the last statement whose claim ends before token o.
func (f *finder) before(o int) *found {
	// f.found is in text order and claims do not overlap: look back from
	// the last claim starting before o.
	k := sort.Search(len(f.found), func(k int) bool { return f.found[k].s > o }) - 1
	var best *found
	for ; k >= 0; k-- {
		st := f.found[k]
		if st.e <= o+1 && (best == nil || st.e > best.e) {
			best = st
		}
		if best != nil && st.e < best.s {
			break
		}
	}
	return best
}

// otherPersonBetween tells whether a person other than ent is named
// outside quotations in tokens [s, e).
func (f *finder) otherPersonBetween(s, e, ent int) bool {
	for i := s; i < e; i++ {
		if f.inQuote(i) {
			continue
		}
		if m, _, me := f.mentionEntity(i); m >= 0 {
			if m != ent && f.entityType(m) == schema.TypePerson {
				return true
			}
			i = me - 1
		}
	}
	return false
}

// finish turns the statements found into d.Statements: speakers, text
// offsets, cue, act and date.
func (f *finder) finish() {
	d := f.d
	f.sortFound()
	for _, st := range f.found {
		if st.spk.entity < 0 && (st.spk.s < 0 || st.spk.s >= st.spk.e || f.firstPerson(st.spk.s, st.spk.e) || !f.speakerWords(st.spk.s, st.spk.e)) {
			continue
		}
		s, e := st.s, st.e
		for e > s && f.tok(e-1).Kind == QuoteAmbig && f.qidx[e-1] < 0 {
			e--
		}
		out := &Statement{
			Speaker: st.spk.entity,
			Kind:    st.kind,
			Start:   d.Tokens[s].Start,
			End:     d.Tokens[e-1].End,
			Cue:     st.cueText,
			Act:     d.actOf(st.cue, s, e, st.cutS, st.cutE),
			Sent:    st.sent,
			Rule:    st.rule,
		}
		if st.cutE > st.cutS {
			out.CutStart, out.CutEnd = d.Tokens[st.cutS].Start, d.Tokens[st.cutE].Start
			if st.cutS > s {
				out.CutStart = d.Tokens[st.cutS-1].End
			}
		}
		if st.spk.entity < 0 {
			out.SpeakerText = f.speakerText(st.spk.s, st.spk.e)
		}
		out.Date = f.dateOf(st)
		d.Statements = append(d.Statements, out)
	}
}

// speakerWords tells whether an unresolved speaker [s, e) has a word
// that can name one: a noun or name, not only function words and
// adverbs ("soon after", "when").
func (f *finder) speakerWords(s, e int) bool {
	for i := s; i < e; i++ {
		t := f.tok(i)
		if t.Kind == Number {
			return true // "six in 10", "43"
		}
		if t.Kind != Word {
			continue
		}
		w := t.Lower
		if subjectPronouns[w] || indefiniteSpeakers[w] || genericNouns[w] || t.Cap && !nonNames[w] {
			return true
		}
		if determiners[w] || prepositions[w] || clauseWords[w] || auxiliaries[w] || isAdverb(w) || nonNames[w] || negations[w] {
			continue
		}
		return true
	}
	return false
}

// indefiniteSpeakers are pronouns that speak for unnamed people ("one
// said", "others said").
var indefiniteSpeakers = wordSet(`one two three four five six seven eight nine ten third half
	some many others both most few several all everyone someone somebody anyone nobody none each
	either neither those these him her them me us`)

// speakerText is the written form of an unresolved speaker, without a
// leading determiner or a description after a comma or dash.
func (f *finder) speakerText(s, e int) string {
	for s < e && determiners[f.tok(s).Lower] {
		s++
	}
	for i := s + 1; i < e; i++ {
		if isPunct(f.tok(i), ",") || isParenDash(f.tok(i)) {
			e = i
			break
		}
	}
	return f.d.Span(s, e)
}

// dateOf reads the statement's date from its sentence outside the claim.
func (f *finder) dateOf(st *found) string {
	if st.cueS < 0 {
		return ""
	}
	sent := f.d.Sentences[st.sent]
	lo, hi := sent.Start, sent.End
	return f.d.dateIn(lo, hi, st.s, st.e)
}
