package extract

import "strings"

// Speech acts. Each statement gets one act from a small taxonomy inspired
// by CAMEO (the Conflict and Mediation Event Observations codebook), coarse
// enough to be decided from the cue verb and the claim's wording:
//
//	act        CAMEO       cue verbs (examples)                    claim wording (for neutral cues)
//	---------  ----------  --------------------------------------  -----------------------------------------------
//	assert     01 public   say, add, state, tell, note, claim,     (default)
//	           statement   stress, reiterate, write, according to
//	deny       013 deny    deny, refute, dispute                   "not true", "baseless", "there is no"
//	reject     12 reject   reject, dismiss, rule out               "not negotiable", "will not accept", "rule out"
//	threaten   13 threaten threaten                                "ready to impose", "will retaliate", "consequences"
//	warn       (01) warn   warn, caution                           "warn", "danger", "could lead to"
//	demand     10 demand   demand                                  "must", "demand"
//	appeal     02 appeal   urge, appeal, advise                    "call on", "call for", "urge"
//	accuse     112 accuse  accuse, allege, charge                  "accuse", "blame", "responsible for"
//	criticize  11 disapprove criticize, condemn, denounce,         "against the spirit", "harmful", "unacceptable",
//	                       complain, lament                        "violation", "goes against"
//	promise    03 intent   promise, pledge, vow, assure            "we will", "will continue", "pledge"
//	support    05 support  praise, welcome, hail, agree            "support", "welcome", "praise"
//	admit      01 concede  admit, acknowledge, concede             —
//	predict    01 forecast predict, forecast                       —
//
// A cue verb that carries an act decides it ("warned that ..." is warn).
// A neutral cue (assert) takes the act of the first group of the claim's
// wording that matches, in the order of the table (reject before threaten,
// threaten before criticize ...); a trigger right after a negation ("does
// not support") does not count. Statements found without a cue verb
// (quotations continuing an attributed one) are judged by their wording.
const (
	ActAssert    = "assert"
	ActDeny      = "deny"
	ActReject    = "reject"
	ActThreaten  = "threaten"
	ActWarn      = "warn"
	ActDemand    = "demand"
	ActAppeal    = "appeal"
	ActAccuse    = "accuse"
	ActCriticize = "criticize"
	ActPromise   = "promise"
	ActSupport   = "support"
	ActAdmit     = "admit"
	ActPredict   = "predict"
)

// Acts lists the taxonomy in the order of the table above.
var Acts = []string{ActAssert, ActDeny, ActReject, ActThreaten, ActWarn, ActDemand, ActAppeal,
	ActAccuse, ActCriticize, ActPromise, ActSupport, ActAdmit, ActPredict}

// actTriggers are the claim wordings of the table, by act, in priority
// order. A phrase is lower-case words; a final * matches any ending.
var actTriggers = []struct {
	act     string
	phrases string // phrases separated by "|"
}{
	{ActReject, "not negotiable|cannot be negotiated|can not be negotiated|will not negotiate|won't negotiate|no negotiations|not open to any negotiations|not open to negotiations|rule out|rules out|ruled out|reject*|will not accept|won't accept|will never accept|refuse*|not acceptable to us"},
	{ActDeny, "not true|untrue|baseless|groundless|unfounded|no truth|no basis|fabricated|deny|denies|denied|there is no|there was no|there are no|never happened"},
	{ActThreaten, "ready to impose|prepared to impose|will impose|would impose|will retaliate|would retaliate|retaliat*|will pay a|will pay the|consequences|will respond|will be punished|crushing response|all options"},
	{ActAccuse, "accus*|blame*|responsible for|is to blame|lied|guilty of"},
	{ActCriticize, "against the spirit|goes against|go against|is against|harmful|unacceptable|violation*|violates|violated|condemn*|irresponsible|illegal|destabiliz*|destabilis*|disgrace*|outrageous|shameful|wrong|mistake|criticiz*|criticis*"},
	{ActDemand, "must|demand that|demands that|demanded that|we demand|i demand|have to stop|has to stop"},
	{ActWarn, "warn*|danger*|will lead to|could lead to|would lead to|risk of"},
	{ActAppeal, "call on|calls on|called on|call for|calls for|called for|urge*|appeal to|appeals to|appealed to|we appeal|i appeal|we ask|please"},
	{ActPromise, "we will|i will|we shall|will continue|will definitely|promise*|pledge*|vow*|committed to|determined to"},
	{ActSupport, "we support|i support|supports|supported|fully support|we welcome|i welcome|welcomes|welcomed|praise*|endorse*|in favor of|in favour of|applaud*"},
}

type actPhrase struct {
	act    string
	words  []string
	prefix bool // the last word matches any ending
	rank   int
}

// actIndex maps a phrase's first word (without a final *) to its phrases.
var actIndex, actPrefixes = buildActIndex()

func buildActIndex() (map[string][]actPhrase, map[string][]actPhrase) {
	idx := map[string][]actPhrase{}
	prefixes := map[string][]actPhrase{} // by the first three letters
	for rank, g := range actTriggers {
		for _, p := range strings.Split(g.phrases, "|") {
			words := strings.Fields(p)
			ap := actPhrase{act: g.act, words: words, rank: rank}
			if last := words[len(words)-1]; strings.HasSuffix(last, "*") {
				ap.prefix = true
				words[len(words)-1] = strings.TrimSuffix(last, "*")
			}
			if ap.prefix && len(words) == 1 {
				if len(words[0]) < 3 {
					panic("extract: act prefix too short: " + p)
				}
				k := words[0][:3]
				prefixes[k] = append(prefixes[k], ap)
				continue
			}
			idx[words[0]] = append(idx[words[0]], ap)
		}
	}
	return idx, prefixes
}

// actOf decides the act of a statement: the cue verb's own act, or, for a
// neutral cue, the claim's wording over tokens [s, e) minus [cutS, cutE).
func (d *Doc) actOf(cv *cueVerb, s, e, cutS, cutE int) string {
	if cv != nil && cv.Act != ActAssert && cv.Act != "" {
		return cv.Act
	}
	best, bestRank := ActAssert, len(actTriggers)
	for i := s; i < e; i++ {
		if i >= cutS && i < cutE {
			continue
		}
		t := &d.Tokens[i]
		if t.Kind != Word {
			continue
		}
		if negatedAt(d, i, s) {
			continue
		}
		for _, ap := range actIndex[t.Lower] {
			if ap.rank < bestRank && d.matchPhrase(i, e, ap) {
				best, bestRank = ap.act, ap.rank
			}
		}
		if len(t.Lower) >= 3 {
			for _, ap := range actPrefixes[t.Lower[:3]] {
				if ap.rank < bestRank && strings.HasPrefix(t.Lower, ap.words[0]) {
					best, bestRank = ap.act, ap.rank
				}
			}
		}
	}
	return best
}

// matchPhrase tells whether the phrase's words follow at token i.
func (d *Doc) matchPhrase(i, e int, ap actPhrase) bool {
	for k, w := range ap.words {
		if i+k >= e {
			return false
		}
		t := d.Tokens[i+k].Lower
		if k == len(ap.words)-1 && ap.prefix {
			if !strings.HasPrefix(t, w) {
				return false
			}
		} else if t != w {
			return false
		}
	}
	return true
}

// negatedAt tells whether a negation stands within the two words before
// token i (not before s).
func negatedAt(d *Doc, i, s int) bool {
	for k := i - 1; k >= s && k >= i-2; k-- {
		switch d.Tokens[k].Lower {
		case "not", "never", "n't", "no", "don't", "doesn't", "didn't", "won't", "cannot":
			return true
		}
	}
	return false
}
