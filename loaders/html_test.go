package loaders

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHTMLFixtures(t *testing.T) {
	cases := []struct {
		file string
		want want
		// chrome is page text that is not the article's and must not be
		// in the body.
		chrome []string
	}{
		{"article.html", want{id: "https://courier.example/news/2021/ferry-link", title: "Harbour council approves new ferry link",
			published: "2021-03-04", source: "The Coastal Courier", author: "Marta Quill", url: "https://courier.example/news/2021/ferry-link",
			textStart: "The harbour council voted on Wednesday", textEnd: "must approve the new berths."},
			[]string{"Subscribe now", "cookies", "tracking pixel", "color: red", "Related stories", "Bridge plan shelved", "All rights reserved", "advert", "By Marta Quill"}},
		// JSON-LD (in an @graph) gives headline, date, publisher, author and URL.
		{"jsonld.htm", want{id: "https://valley.example/2019/11/20/mill-pay-deal", title: "Mill workers back pay deal",
			published: "2019-11-20", source: "Valley Times", author: "Ines Salgado", url: "https://valley.example/2019/11/20/mill-pay-deal",
			textStart: "Workers at the Alder Mill voted", textEnd: "more than nine hundred staff."},
			[]string{"Front page", "Log in", "Advertise with us"}},
		// No extension: sniffed. No canonical URL: the file name is the id.
		// The date comes from a <time> element.
		{"time-element", want{id: "time-element", title: "Library reopens after flood", published: "2020-02-14",
			textStart: "The town library reopened", textEnd: "behind the building."},
			[]string{"14 February 2020"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			arts, err := readFile(t, filepath.Join("testdata", "html", c.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 {
				t.Fatalf("got %d articles, want 1", len(arts))
			}
			checkArticle(t, arts[0], c.want)
			for _, s := range c.chrome {
				if strings.Contains(arts[0].Text, s) {
					t.Errorf("body holds page chrome %q", s)
				}
			}
			if n := strings.Count(arts[0].Text, "\n\n"); n < 2 {
				t.Errorf("body has %d paragraph breaks, want one per <p>", n)
			}
		})
	}
}

func TestHTMLShapes(t *testing.T) {
	cases := []struct {
		name, path, data string
		want             want
		err              string
	}{
		{"short page without readable article falls back to visible text", "short.html",
			`<html><head><title>Notice</title><script>var x=1;</script></head><body><nav>Menu</nav><p>The office is closed on Monday.</p><footer>Footer</footer></body></html>`,
			want{id: "short", title: "Notice", textStart: "The office is closed on Monday.", textEnd: "on Monday."}, ""},
		{"declared latin-1 charset", "latin.html",
			"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 opens</title></head><body><p>The caf\xe9 opened on the square, selling coffee at \xa32 a cup to the first visitors of the day.</p></body></html>",
			want{id: "latin", title: "Café opens", textStart: "The café opened on the square, selling coffee at £2 a cup"}, ""},
		{"og:url and meta date", "og.html",
			`<html><head><meta property="og:url" content="https://og.example/a"><meta name="date" content="2015-04-03"><meta property="og:title" content="OG title"></head><body><article><p>Body of the article that is long enough to be read as the text.</p></article></body></html>`,
			want{id: "https://og.example/a", title: "OG title", published: "2015-04-03", url: "https://og.example/a", textStart: "Body of the article"}, ""},
		{"relative canonical is ignored", "rel.html",
			`<html><head><link rel="canonical" href="/a"><title>T</title></head><body><p>Some text of the page.</p></body></html>`,
			want{id: "rel", title: "T", textStart: "Some text of the page."}, ""},
		{"page without text", "blank.html", `<html><head><title>Only a title</title></head><body><script>x()</script></body></html>`,
			want{}, "blank.html: no body text, only a title"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			arts, err := ReadData(c.path, []byte(c.data))
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("error %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, arts[0], c.want)
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"<p>Text.</p>", true},
		{"Line<br>line", true},
		{"Line<br/>line", true},
		{`<a href="x">link`, true},
		{"First Interstate Bancorp <I> takeover", false},
		{"STANDARD OIL <SRD> TO FORM <P> UNIT", false},
		{"a < b and c > d", false},
		{"plain text", false},
	}
	for _, c := range cases {
		if got := looksLikeHTML(c.in); got != c.want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<p>One <b>bold</b> word.</p><p>Two.</p>", "One bold word.\n\nTwo."},
		{"Line one<br>Line two", "Line one\n\nLine two"},
		{"<p>x &amp; y &lt; z</p><script>alert(1)</script><style>p{}</style>", "x & y < z"},
		{"<ul><li>a</li><li>b</li></ul>", "a\n\nb"},
	}
	for _, c := range cases {
		if got := HTMLText(c.in); got != c.want {
			t.Errorf("HTMLText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestHTMLStdin reads an HTML page from standard input: sniffed, and
// identified by its canonical URL.
func TestHTMLStdin(t *testing.T) {
	f, err := os.Open("testdata/html/article.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := ExpandPaths([]string{"-"}, f, func(err error) { t.Error(err) })
	arts, err := ReadInput(in[0])
	if err != nil {
		t.Fatal(err)
	}
	if a := arts[0]; a.ID != "https://courier.example/news/2021/ferry-link" || a.Path != "-" || a.File != "" {
		t.Errorf("stdin HTML: id %q path %q file %q", a.ID, a.Path, a.File)
	}
}
