package schema

import "testing"

func TestBetterName(t *testing.T) {
	cases := []struct {
		name, cur string
		want      bool
	}{
		{"Bahram Ghassemi", "", true},
		{"Bahram Ghassemi", "Ghassemi", true},          // more words
		{"Ghassemi", "Bahram Ghassemi", false},         // fewer words
		{"Bahram Ghassemi", "Bahram Qassemi", true},    // lexical order
		{"Bahram Qassemi", "Bahram Ghassemi", false},   //
		{"Trade Commission", "Trade COmmission", true}, // a word typed with the shift key held
		{"Trade COmmission", "Trade Commission", false},
		{"Federal Trade COmmission", "Trade Commission", false}, // well typed beats more words
		{"MHz Radio Group", "Radio Group", true},                // not miscased: one lower-case letter
		{"PCs Direct", "PCS Direct", false},                     // lexical: 'C' < 'c'
		{"IBMers Club", "IBMers Club Ltd", false},
	}
	for _, c := range cases {
		if got := BetterName(c.name, c.cur); got != c.want {
			t.Errorf("BetterName(%q, %q) = %v, want %v", c.name, c.cur, got, c.want)
		}
	}
}
