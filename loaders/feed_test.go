package loaders

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRSS(t *testing.T) {
	arts, err := readFile(t, "testdata/feed/news.rss")
	// The item without text is reported by its number; the others are read.
	checkErrors(t, err, []string{`testdata/feed/news.rss#3: no body text, only a title (id https://ledger.example/2022/01/empty, "Empty item")`})
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	// guid as id, HTML description as text, feed title as source.
	checkArticle(t, arts[0], want{id: "ledger-2022-0117", title: "Ice closes mountain pass", published: "2022-01-17",
		source: "Northern Ledger", url: "https://ledger.example/2022/01/ice-pass",
		textStart: "The Kestrel pass was closed on Monday after black ice caused three crashes.\n\n\"Stay at home",
		textEnd:   "police said."})
	// No guid: the link is the id; content:encoded wins over the
	// description; the item's own <source> wins over the feed title.
	checkArticle(t, arts[1], want{id: "https://ledger.example/2022/01/ferry-fares", title: "Ferry fares to rise", published: "2022-01-18",
		source: "Harbour Wire", url: "https://ledger.example/2022/01/ferry-fares",
		textStart: "Ferry fares will rise by six per cent", textEnd: "The company blamed fuel costs."})
	if strings.Contains(arts[1].Text, "alert") || strings.Contains(arts[1].Text, "Short summary") {
		t.Errorf("text %q holds a script or the description", arts[1].Text)
	}
	for i, a := range arts {
		if want := "testdata/feed/news.rss#" + string(rune('1'+i)); a.Path != want || a.File != "" {
			t.Errorf("item path %q file %q, want %q and no file", a.Path, a.File, want)
		}
	}
}

func TestAtom(t *testing.T) {
	arts, err := readFile(t, "testdata/feed/updates.atom")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	checkArticle(t, arts[0], want{id: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", title: "Park renamed after teacher",
		published: "2023-05-01", source: "Civic Bulletin", author: "Lea Morrow", url: "https://civic.example/park-renamed",
		textStart: "The council renamed Elm Park"})
	// No published date: the updated date; summary as text.
	checkArticle(t, arts[1], want{id: "https://civic.example/bus-9", title: "Bus route 9 returns", published: "2023-04-28",
		source: "Civic Bulletin", url: "https://civic.example/bus-9", textStart: "Route 9 will run again from June"})
}

func TestFeedSniffedAndBad(t *testing.T) {
	dir := t.TempDir()
	rss, err := os.ReadFile("testdata/feed/news.rss")
	if err != nil {
		t.Fatal(err)
	}
	// No extension, and a misleading one: sniffed by the root element.
	for _, name := range []string{"feed", "feed.dat"} {
		p := filepath.Join(dir, name)
		write(t, p, string(rss))
		arts, _ := readFile(t, p)
		if len(arts) != 2 {
			t.Errorf("%s: got %d articles, want 2", name, len(arts))
		}
	}
	arts, _ := ReadInput(ExpandPaths([]string{"-"}, strings.NewReader(string(rss)), func(err error) { t.Error(err) })[0])
	if len(arts) != 2 || arts[0].Path != "-#1" {
		t.Errorf("feed on stdin: %d articles, first path %q", len(arts), arts[0].Path)
	}

	cases := []struct{ name, data, err string }{
		{"sitemap.xml", `<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>`, "sitemap.xml: not an RSS or Atom feed"},
		{"empty.rss", `<rss version="2.0"><channel><title>Nothing</title></channel></rss>`, "empty.rss: feed has no items"},
		{"broken.xml", `<rss version="2.0"><channel><item><title>A</title>`, "broken.xml: invalid feed: XML syntax error on line 1: unexpected EOF"},
	}
	for _, c := range cases {
		_, err := ReadData(c.name, []byte(c.data))
		if err == nil || err.Error() != c.err {
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
		}
	}
}
