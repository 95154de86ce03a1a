package loaders

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readFile reads one input from disk as ingest does.
func readFile(t *testing.T, path string) ([]*Article, error) {
	t.Helper()
	return ReadInput(Input{Path: path, Open: func() (io.ReadCloser, error) { return os.Open(path) }})
}

// want is the part of an article a test checks; "" fields must be empty.
type want struct {
	id, title, published, source, author, url string
	textStart, textEnd                        string // the body starts and ends with these
}

func checkArticle(t *testing.T, a *Article, w want) {
	t.Helper()
	check := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %s = %q, want %q", a.Path, field, got, want)
		}
	}
	if w.id != "" {
		check("id", a.ID, w.id)
	}
	check("title", a.Title, w.title)
	check("published", a.Published, w.published)
	check("source", a.Source, w.source)
	check("author", a.Author, w.author)
	check("url", a.URL, w.url)
	if !strings.HasPrefix(a.Text, w.textStart) {
		t.Errorf("%s: text starts %q, want %q", a.Path, clip(a.Text, 80), w.textStart)
	}
	if !strings.HasSuffix(a.Text, w.textEnd) {
		t.Errorf("%s: text ends %q, want …%q", a.Path, a.Text[max(0, len(a.Text)-80):], w.textEnd)
	}
}

func TestTextFixtures(t *testing.T) {
	cases := []struct {
		file string
		want want
	}{
		// BBC shape: headline, blank line, body.
		{"headline.txt", want{id: "headline", title: "Council backs river clean-up plan",
			textStart: "The city council has approved", textEnd: "chairs the environment committee."}},
		// The first paragraph is a lead sentence, not a title.
		{"lead.txt", want{id: "lead", textStart: "The regional health minister, Clara Voss, has ruled out", textEnd: "paid for."}},
		// The aggregator's inline header gives date and source.
		{"inline-date.txt", want{id: "inline-date", published: "2019-04-02", source: "Fjordpost",
			textStart: "The harbour authority has confirmed", textEnd: "up to a week."}},
		// A metadata block: title, date, source, byline, URL.
		{"metadata.txt", want{id: "metadata", title: "Wind farm gets go-ahead", published: "2020-03-05",
			source: "Energy Weekly", author: "Tom Reyes and Ana Lima", url: "https://energy.example/2020/03/wind-farm",
			textStart: "The offshore wind farm", textEnd: "start next year."}},
		// Metadata under the title.
		{"title-then-meta.txt", want{id: "title-then-meta", title: "Wind farm gets go-ahead", published: "2020-03-05",
			author: "TOM REYES", textStart: "The offshore wind farm", textEnd: "on Thursday."}},
		// Headline ending in ";" and its deck on the next line.
		{"deck.txt", want{id: "deck", title: "Mayor seeks second term; Rival says the city budget is out of control",
			textStart: "Mayor Ilse Brandt announced", textEnd: "spoke for itself."}},
		// Windows-1252 bytes and CRLF line ends.
		{"cp1252.txt", want{id: "cp1252", title: "Price of bread rises",
			textStart: "The price of a loaf rose to £1.40 after the baker’s costs went up – the third", textEnd: "this year."}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			arts, err := readFile(t, filepath.Join("testdata", "text", c.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 {
				t.Fatalf("got %d articles, want 1", len(arts))
			}
			checkArticle(t, arts[0], c.want)
			if got := arts[0].File; got != c.file {
				t.Errorf("file = %q, want %q", got, c.file)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	cases := []struct {
		name, in string
		want     want
	}{
		{"headline and body", "Flood defences to be raised\n\nThe river authority will raise the flood walls.",
			want{title: "Flood defences to be raised", textStart: "The river authority"}},
		{"headline with a full stop kept short", "Federal court rules against city's parking plan.\n\nA federal judge ruled on Monday that the plan was unlawful.",
			want{title: "Federal court rules against city's parking plan", textStart: "A federal judge"}},
		{"title case headline ending in a quote", "Minister Says Talks Are 'Not Over'\n\nThe minister said on Friday that talks would go on.",
			want{title: "Minister Says Talks Are 'Not Over'", textStart: "The minister said"}},
		{"question headline", "Will the budget win back voters?\n\nThe chancellor presents the budget on Wednesday.",
			want{title: "Will the budget win back voters?", textStart: "The chancellor"}},
		{"lead sentence with commas is body", "The mayor, Ana Ruiz, has rejected the plan, saying it would cost too much.\n\nShe spoke on Monday.",
			want{textStart: "The mayor, Ana Ruiz, has rejected the plan"}},
		{"short lead sentence with auxiliaries is body", "The council has approved the new budget for the year.\n\nIt passed by nine votes.",
			want{textStart: "The council has approved"}},
		{"two sentences are body", "Prices rose again. Shoppers are angry.\n\nThe index rose by two points.",
			want{textStart: "Prices rose again."}},
		{"hard-wrapped first paragraph is body", "Showers continued throughout the week in\nthe valley, easing the drought.\n\nFarmers were relieved.",
			want{textStart: "Showers continued throughout the week in\nthe valley"}},
		{"single paragraph is body", "Just one line of text without more.",
			want{textStart: "Just one line of text without more."}},
		{"lower-case start is body", "and then the rain came\n\nIt rained for days.",
			want{textStart: "and then the rain came"}},
		{"brand with small first letter is a headline", "iPhone sales slow in Europe\n\nSales of the phone fell in the quarter.",
			want{title: "iPhone sales slow in Europe", textStart: "Sales of the phone"}},
		{"date line ISO", "Date: 2017-06-10\n\nBody text here.", want{published: "2017-06-10", textStart: "Body text here."}},
		{"date line long form", "Date: Saturday, June 10, 2017\n\nBody text here.", want{published: "2017-06-10", textStart: "Body text here."}},
		{"published line with time and zone", "Published: 10 Jun 2017 09:12 BST\nBody text here.", want{published: "2017-06-10", textStart: "Body text here."}},
		{"published line RFC 1123", "Published: Sat, 10 Jun 2017 09:12:00 GMT\n\nBody text here.", want{published: "2017-06-10", textStart: "Body text here."}},
		{"updated does not override published", "Published: 2017-06-10\nUpdated: 2017-06-12\n\nBody text here.",
			want{published: "2017-06-10", textStart: "Body text here."}},
		{"updated alone is the date", "Updated: 2017-06-12\n\nBody text here.", want{published: "2017-06-12", textStart: "Body text here."}},
		{"date-only line", "Ferry service resumes\n12 March 2019\n\nThe ferry sailed again on Tuesday.",
			want{title: "Ferry service resumes", published: "2019-03-12", textStart: "The ferry sailed"}},
		{"source and URL lines", "Source: Valley Times\nURL: https://valley.example/a\n\nBody text here.",
			want{source: "Valley Times", url: "https://valley.example/a", textStart: "Body text here."}},
		{"byline plain", "By Jane Doe\n\nBody text here.", want{author: "Jane Doe", textStart: "Body text here."}},
		{"byline with affiliation", "By Jane Doe, Reuters\n\nBody text here.", want{author: "Jane Doe", textStart: "Body text here."}},
		{"byline capitals and bar", "By JANE DOE | Staff Writer\n\nBody text here.", want{author: "JANE DOE", textStart: "Body text here."}},
		{"byline two names", "By Jane Doe and Omar Fen\n\nBody text here.", want{author: "Jane Doe and Omar Fen", textStart: "Body text here."}},
		{"author line", "Author: Jane Doe\n\nBody text here.", want{author: "Jane Doe", textStart: "Body text here."}},
		{"sentence starting with By is body", "By Christmas, sales had doubled, the shop said.\n\nShops were pleased.",
			want{textStart: "By Christmas, sales had doubled"}},
		{"sentence starting with By the is body", "By the end of the year the plant will close.\n\nWorkers were told on Monday.",
			want{textStart: "By the end of the year"}},
		{"inline date header", " date 2017-06-10 Examplepress- The ministry said on Friday that it would act.",
			want{published: "2017-06-10", source: "Examplepress", textStart: "The ministry said on Friday"}},
		{"inline date header after a title", "Talks resume date 2017-06-10 Daily Post - The talks resumed on Friday.",
			want{title: "Talks resume", published: "2017-06-10", source: "Daily Post", textStart: "The talks resumed"}},
		{"the word date in a sentence is body", "The date 2017-06-10 was chosen - by lot, officials said.",
			want{textStart: "The date 2017-06-10 was chosen"}},
		{"title line wins over headline detection", "Title: Official title\n\nSome Headline Like Line\n\nBody text here.",
			want{title: "Official title", textStart: "Some Headline Like Line"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := ParseText(c.in)
			a.Path = c.name
			if err := FinishArticle(a); err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a, c.want)
		})
	}
}

func TestLooksLikeHeadline(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"Ad sales boost Time Warner profit", true},
		{"Apple laptop is 'greatest gadget'", true},
		{"Bill Clinton calls Obamacare ‘crazy system’ during campaign stop.", true},
		{"Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’", true},
		{"Dr. Ben Carson: Hillary Clinton ‘Not Fit To Serve As President Of The United States.’", true},
		{"Ready for Trump vs. Clinton?", true},
		{"Could Yukos be a blessing in disguise?", true},
		{"Republicans Finally Confirmed A Judge. Is This Obama’s Last One?", true},
		{"The foreign ministry spokesman, a career diplomat, has ruled out any talks on the missile programme, saying it guarantees security.", false},
		{"Microsoft has unveiled the finished version of its home-grown search engine.", false},
		{"Sony's PlayStation Portable (PSP) will go on sale in Japan on 12 December.", false},
		{"So who, if anyone, is playing politics with the security of the nation?", false},
		{"Playing colours:", false},
		{"the lower-case start of a wrapped line", false},
		{"A line that ends with a comma,", false},
		{"Virginian could make history. Again.", false},
		{"", false},
	}
	for _, c := range cases {
		if got := looksLikeHeadline(c.line); got != c.want {
			t.Errorf("looksLikeHeadline(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

func TestDecodeText(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8 as is", []byte("caf\xc3\xa9 \xe2\x80\x99"), "café ’"},
		{"utf-8 byte-order mark dropped", []byte("\xef\xbb\xbfhello"), "hello"},
		{"windows-1252 pound sign", []byte("a \xa315.8m signing"), "a £15.8m signing"},
		{"windows-1252 quotes and dash", []byte("\x93quoted\x94 \x96 it\x92s"), "“quoted” – it’s"},
		{"stray legacy byte keeps utf-8 intact", []byte("caf\xc3\xa9 costs \xa33"), "café costs £3"},
		{"crlf and cr", []byte("a\r\nb\rc"), "a\nb\nc"},
		{"utf-16 little endian", []byte("\xff\xfeh\x00i\x00\x19\x20"), "hi’"},
		{"utf-16 big endian", []byte("\xfe\xff\x00h\x00i"), "hi"},
	}
	for _, c := range cases {
		if got := DecodeText(c.in); got != c.want {
			t.Errorf("%s: DecodeText = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"trims and collapses blank lines", "\n\n  a  \n\n\n\nb\n\n", "a\n\nb"},
		{"indented line after unindented starts a paragraph", "one line\nwrapped\n    Next para\nwrapped", "one line\nwrapped\n\nNext para\nwrapped"},
		{"uniform indentation is not a paragraph", "  a\n  b", "a\nb"},
		{"control and zero-width characters dropped", "a\x03b\u200bc\x7f", "abc"},
		{"no-break space and tab become spaces", "a\u00a0b\tc", "a b c"},
	}
	for _, c := range cases {
		if got := cleanText(c.in); got != c.want {
			t.Errorf("%s: cleanText(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestWireSignOff(t *testing.T) {
	a := &Article{Path: "x", Text: "Shares rose.\n Reuter\n\x03"}
	if err := FinishArticle(a); err != nil {
		t.Fatal(err)
	}
	if a.Text != "Shares rose." || a.Source != "Reuters" {
		t.Errorf("text %q source %q, want sign-off removed and source Reuters", a.Text, a.Source)
	}
	a = &Article{Path: "x", Text: "Shares rose.\nReuters", Source: "Wire"}
	if err := FinishArticle(a); err != nil {
		t.Fatal(err)
	}
	if a.Text != "Shares rose." || a.Source != "Wire" {
		t.Errorf("text %q source %q, want sign-off removed and the given source kept", a.Text, a.Source)
	}
}

func TestCutSignOff(t *testing.T) {
	cases := []struct {
		in, want string
		cut      bool
	}{
		{"Shares rose.\n Reuter", "Shares rose.", true},
		{"Shares rose.\nREUTERS", "Shares rose.", true},
		{"Shares rose. Reuter\n Reuter", "Shares rose.", true},
		{"He told Reuters", "He told Reuters", false},
		{"He spoke to Reuters.", "He spoke to Reuters.", false},
		{"Reuter", "", true},
		{"No sign-off.", "No sign-off.", false},
	}
	for _, c := range cases {
		if got, cut := cutSignOff(c.in); got != c.want || cut != c.cut {
			t.Errorf("cutSignOff(%q) = %q, %v, want %q, %v", c.in, got, cut, c.want, c.cut)
		}
	}
}

func TestTextIDs(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "ferry-report.txt")
	write(t, p, "Old headline\n\nOld body text.")
	a1, err := readFile(t, p)
	if err != nil {
		t.Fatal(err)
	}
	write(t, p, "New headline\n\nEdited body text.")
	a2, err := readFile(t, p)
	if err != nil {
		t.Fatal(err)
	}
	if a1[0].ID != "ferry-report" || a2[0].ID != a1[0].ID {
		t.Errorf("ids %q and %q, want both ferry-report: an edited file keeps its id", a1[0].ID, a2[0].ID)
	}
	// Standard input has no name: the id is a content hash.
	s1, _ := ReadData("-", []byte("Body one."))
	s2, _ := ReadData("-", []byte("Body two."))
	if s1[0].ID == "" || s1[0].ID == s2[0].ID || s1[0].File != "" {
		t.Errorf("stdin ids %q and %q (file %q), want distinct content hashes and no file", s1[0].ID, s2[0].ID, s1[0].File)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
