package eval

import (
	"strings"
	"unicode"
)

// isWordRune tells the characters word tokens are made of.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u2018' || r == '`' }

// Words splits s into word tokens in their original case: maximal runs of
// letters, digits and combining marks, an apostrophe kept (as ') when it
// stands between two such characters. Everything else separates tokens.
func Words(s string) []string {
	rs := []rune(s)
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for i, r := range rs {
		switch {
		case isWordRune(r):
			b.WriteRune(r)
		case isApostrophe(r) && b.Len() > 0 && i+1 < len(rs) && isWordRune(rs[i+1]):
			b.WriteByte('\'')
		default:
			flush()
		}
	}
	flush()
	return out
}

// Tokens returns the lower-cased word tokens of s (see Words).
func Tokens(s string) []string {
	w := Words(s)
	for i := range w {
		w[i] = strings.ToLower(w[i])
	}
	return w
}

// bag is a multiset of tokens.
type bag struct {
	counts map[string]int
	n      int
}

func newBag(s string) bag {
	toks := Tokens(s)
	b := bag{counts: make(map[string]int, len(toks)), n: len(toks)}
	for _, t := range toks {
		b.counts[t]++
	}
	return b
}

// intersect returns |a ∩ b| for multisets.
func (a bag) intersect(b bag) int {
	if len(a.counts) > len(b.counts) {
		a, b = b, a
	}
	n := 0
	for t, c := range a.counts {
		n += min(c, b.counts[t])
	}
	return n
}

// Overlap thresholds of FORMAT.md: |P∩G| / min(|P|,|G|) ≥ 3/5 and |P∩G| ≥ 3.
const (
	overlapNum   = 3
	overlapDen   = 5
	overlapFloor = 3
)

// overlaps reports whether two token multisets overlap enough to match,
// and the overlap ratio (for picking the best of several matches).
func overlaps(p, g bag) (bool, float64) {
	inter := p.intersect(g)
	m := min(p.n, g.n)
	if m == 0 {
		return false, 0
	}
	ratio := float64(inter) / float64(m)
	return inter >= overlapFloor && inter*overlapDen >= m*overlapNum, ratio
}

// TextOverlaps reports whether a predicted and a gold statement text match
// by FORMAT.md's rule.
func TextOverlaps(pred, gold string) bool {
	ok, _ := overlaps(newBag(pred), newBag(gold))
	return ok
}
