package extract

import (
	"strings"
	"testing"
)

// quoteTexts lists the quotations of a text as their inside, with "+" for
// a quotation continuing across a paragraph and "…" for one left open.
func quoteTexts(text string) []string {
	d := &Doc{Text: text, Tokens: tokenize(text)}
	splitSentences(d)
	var out []string
	for _, q := range findQuotes(d) {
		s := d.Span(q.Open+1, q.Close)
		if q.Cont {
			s = "+" + s
		}
		if !q.Closed {
			s += "…"
		}
		out = append(out, s)
	}
	return out
}

func TestFindQuotes(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"straight", `He said: "We won." Then "they lost," she said.`, []string{"We won.", "they lost,"}},
		{"curly", "“It is over,” he said. “We won.”", []string{"It is over,", "We won."}},
		{"typewritten", "''We won,'' he said.", []string{"We won,"}},
		{"several sentences", `"One. Two. Three," he said.`, []string{"One. Two. Three,"}},
		{"stray close ignored", `He said the talks failed." Then "we left," she said.`, []string{"we left,"}},
		{"across paragraphs", "He said:\n\n\"First part.\n\n\"Second part.\"\n\nDone.", []string{"First part.…", "+Second part."}},
		{"open at paragraph end", "\"Never closed\n\nNext paragraph.", []string{"Never closed…"}},
		{"single quotes", "Trump: ‘I will win’ and more.", []string{"I will win"}},
		{"single inside double", `"He called it 'a farce' today," she said.`, []string{"He called it 'a farce' today,"}},
		{"apostrophes are not quotes", "The states' rights and Iran's plan.", nil},
	}
	for _, c := range cases {
		got := quoteTexts(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: findQuotes(%q)\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

func TestQuoteIndex(t *testing.T) {
	text := `a "b c" d`
	d := &Doc{Text: text, Tokens: tokenize(text)}
	idx := quoteIndex(len(d.Tokens), findQuotes(d))
	want := []int32{-1, 0, 0, 0, 0, -1}
	if len(idx) != len(want) {
		t.Fatalf("len %d, want %d", len(idx), len(want))
	}
	for i := range want {
		if idx[i] != want[i] {
			t.Errorf("token %q: %d, want %d", d.Tokens[i].Text, idx[i], want[i])
		}
	}
}
