package extract

import (
	"strings"
	"testing"
)

func tokenTexts(toks []Token) string {
	var parts []string
	for _, t := range toks {
		s := t.Text
		switch t.Kind {
		case QuoteOpen:
			s = "<" + s
		case QuoteClose:
			s = s + ">"
		case QuoteAmbig:
			s = "?" + s
		case Possessive:
			s = "+" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Iran's foreign ministry", "Iran +'s foreign ministry"},
		{"Iran’s missile", "Iran +’s missile"},
		{"Jean-Yves Le Drian said", "Jean-Yves Le Drian said"},
		{"the U.S. and U.N. agreed", "the U.S. and U.N. agreed"},
		{"Mr. Smith, Gen. Jones and J. Doe", "Mr. Smith , Gen. Jones and J. Doe"},
		{"Resolution 2231 of 2,231.5 votes.", "Resolution 2231 of 2,231.5 votes ."},
		{`He said: "We will win," adding`, `He said : <" We will win , "> adding`},
		{"“Iran regards,” the spokesman said", "<“ Iran regards , ”> the spokesman said"},
		{"don't and can't", "don't and can't"},
		{"101/ 211/ 213", "101 / 211 / 213"},
		{"plus Germany – signed", "plus Germany – signed"},
		{"the states' rights", "the states '> rights"},
		{"‘dimensions’ of", "<‘ dimensions ’> of"},
		{"wait... and--then", "wait ... and -- then"},
		{"P5+1 talks", "P5 + 1 talks"},
		{"''We won,'' he said.", "<'' We won , ''> he said ."},
		{"Rep. Jo Doe (D-N.Y.) said", "Rep. Jo Doe ( D-N.Y. ) said"},
		{"Sen. Jo Doe, R-S.C., said", "Sen. Jo Doe , R-S.C. , said"},
		{"``We won,'' he said.", "<`` We won , ''> he said ."},
		{"the 'wrong track.'.''", "the <' wrong track . '> . ''>"},
	}
	for _, c := range cases {
		got := tokenTexts(tokenize(c.in))
		if got != c.want {
			t.Errorf("tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	text := "Iran’s “missile” program — Résumé."
	for _, tok := range tokenize(text) {
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %q has bytes %d:%d = %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		runes := []rune(text)
		if string(runes[tok.RStart:tok.REnd]) != tok.Text {
			t.Errorf("token %q has runes %d:%d = %q", tok.Text, tok.RStart, tok.REnd, string(runes[tok.RStart:tok.REnd]))
		}
	}
}

func TestTokenFlags(t *testing.T) {
	toks := tokenize("The JCPOA deal\n\nNew paragraph\nsame paragraph")
	want := []struct {
		text             string
		cap, upper, para bool
		line             bool
	}{
		{"The", true, false, true, false},
		{"JCPOA", true, true, false, false},
		{"deal", false, false, false, false},
		{"New", true, false, true, true},
		{"paragraph", false, false, false, false},
		{"same", false, false, false, true},
		{"paragraph", false, false, false, false},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, w := range want {
		g := toks[i]
		if g.Text != w.text || g.Cap != w.cap || g.Upper != w.upper || g.ParaBefore != w.para || g.LineBefore != w.line {
			t.Errorf("token %d = %+v, want %+v", i, g, w)
		}
	}
	if toks[1].Lower != "jcpoa" {
		t.Errorf("Lower = %q", toks[1].Lower)
	}
}

func sentenceTexts(text string) []string {
	d := &Doc{Text: text, Tokens: tokenize(text)}
	splitSentences(d)
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Span(s.Start, s.End))
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"He left. She stayed.", []string{"He left.", "She stayed."}},
		{"Mr. Smith met Gen. Jones in Washington. They talked.", []string{"Mr. Smith met Gen. Jones in Washington.", "They talked."}},
		{"It was made in the U.S. The deal holds.", []string{"It was made in the U.S.", "The deal holds."}},
		{"Talks with the U.S. Treasury went on.", []string{"Talks with the U.S. Treasury went on."}},
		{`"We will win." He smiled.`, []string{`"We will win."`, "He smiled."}},
		{"“It is over,” he said. “We won.”", []string{"“It is over,” he said.", "“We won.”"}},
		{"Headline without stop\n\nBody starts here.", []string{"Headline without stop", "Body starts here."}},
		{"Growth was 3.5 percent. Then it fell.", []string{"Growth was 3.5 percent.", "Then it fell."}},
		{"J. Doe spoke (briefly.) Then left.", []string{"J. Doe spoke (briefly.)", "Then left."}},
		{"Is it? yes it is.", []string{"Is it? yes it is."}},
		{"See example.Com for more. Then go.", []string{"See example.Com for more.", "Then go."}},
		{"He said no. She left No. 10 at noon.", []string{"He said no.", "She left No. 10 at noon."}},
	}
	for _, c := range cases {
		got := sentenceTexts(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("splitSentences(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestRuneOffset(t *testing.T) {
	text := "Iran’s “missile” — ok"
	d := &Doc{Text: text, Tokens: tokenize(text)}
	for b := range text {
		if got, want := d.RuneOffset(b), len([]rune(text[:b])); got != want {
			t.Errorf("RuneOffset(%d) = %d, want %d", b, got, want)
		}
	}
}

func TestWireCopyForms(t *testing.T) {
	toks := tokenize(`Kuwait"s minister met Mohammed al-Jibouri.`)
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Text+"/"+tk.Kind.String())
	}
	want := `Kuwait/word "s/possessive minister/word met/word Mohammed/word al-Jibouri/word ./punct`
	if strings.Join(got, " ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, " "), want)
	}
	if !toks[5].Cap {
		t.Errorf("al-Jibouri should count as capitalised")
	}
}

func TestWireAbbreviations(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"Iran warned the U.S. And other countries not to interfere.", 1},
		{"U.S. Officials have said the missiles pose a threat.", 1},
		{"He lives in the U.S. The rest of his family does not.", 2},
	} {
		d := &Doc{Text: c.text}
		d.Tokens = tokenize(d.Text)
		splitSentences(d)
		if len(d.Sentences) != c.want {
			t.Errorf("%q: %d sentences, want %d", c.text, len(d.Sentences), c.want)
		}
	}
}
