package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Iran's missile program", []string{"iran's", "missile", "program"}},
		{"We seek no one’s permission", []string{"we", "seek", "no", "one's", "permission"}},
		{"don't DON’T", []string{"don't", "don't"}},
		{"long-range missiles", []string{"long", "range", "missiles"}},
		{"'quoted' “words”", []string{"quoted", "words"}},
		{"the U.S. and 2,231", []string{"the", "u", "s", "and", "2", "231"}},
		{"Rohaní’s", []string{"rohaní's"}},
		{"rock 'n' roll", []string{"rock", "n", "roll"}},
		{"powers' talks", []string{"powers", "talks"}},
		{"  ...  ", nil},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// words makes a text of n distinct tokens with a prefix: words("a", 3) is
// "a0 a1 a2".
func words(prefix string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(prefix)
		b.WriteByte(byte('a' + i/26))
		b.WriteByte(byte('a' + i%26))
	}
	return b.String()
}

func TestTextOverlapsThreshold(t *testing.T) {
	// shared(k) tokens in common, then distinct fillers on each side.
	text := func(shared, own int, side string) string {
		return strings.TrimSpace(words("s", shared) + " " + words(side, own))
	}
	tests := []struct {
		name               string
		shared, pOwn, gOwn int
		want               bool
	}{
		{"3 of 5 is exactly 0.6", 3, 2, 2, true},
		{"2 of 3 is above 0.6 but under 3 shared", 2, 1, 1, false},
		{"3 of 3", 3, 0, 0, true},
		{"3 of 6 is 0.5", 3, 3, 3, false},
		{"6 of 10 is exactly 0.6", 6, 4, 4, true},
		{"5 of 10 is 0.5", 5, 5, 5, false},
		{"4 of 7 is 0.571", 4, 3, 3, false},
		{"5 of 8 is 0.625", 5, 3, 3, true},
		{"59 of 99 is under 0.6", 59, 40, 40, false},
		{"60 of 100 is exactly 0.6", 60, 40, 40, true},
		{"min counts: 3 of a 5-token prediction in a 50-token gold", 3, 2, 47, true},
		{"min counts: 3 of a 5-token gold in a 50-token prediction", 3, 47, 2, true},
		{"3 of 6 against a long gold", 3, 3, 47, false},
	}
	for _, tt := range tests {
		p := text(tt.shared, tt.pOwn, "p")
		g := text(tt.shared, tt.gOwn, "g")
		if got := TextOverlaps(p, g); got != tt.want {
			t.Errorf("%s: TextOverlaps = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTextOverlapsMultiset(t *testing.T) {
	tests := []struct {
		p, g string
		want bool
	}{
		// "the" thrice in P but once in G counts once.
		{"the the the cat", "the cat sat on a mat", false},
		{"the the cat", "the the cat sat", true},
		{"Iran's missile power", "iran’s MISSILE power!", true},
		{"Iran missile power", "Iran's missile power", false}, // iran != iran's: 2 shared
		{"", "a b c", false},
	}
	for _, tt := range tests {
		if got := TextOverlaps(tt.p, tt.g); got != tt.want {
			t.Errorf("TextOverlaps(%q, %q) = %v, want %v", tt.p, tt.g, got, tt.want)
		}
	}
}
