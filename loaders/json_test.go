package loaders

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// errorLines returns the "FILE: reason" lines of a ReadInput error.
func errorLines(err error) []string {
	var out []string
	for _, e := range SplitErrors(err) {
		out = append(out, e.Error())
	}
	return out
}

func checkErrors(t *testing.T, err error, want []string) {
	t.Helper()
	got := errorLines(err)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n got %q\nwant %q", got, want)
	}
	for _, e := range SplitErrors(err) {
		var ie *InputError
		if !errors.As(e, &ie) {
			t.Errorf("%v is not an *InputError", e)
		}
	}
}

func TestJSONArray(t *testing.T) {
	arts, err := readFile(t, "testdata/json/articles.json")
	checkErrors(t, err, []string{
		`testdata/json/articles.json:22: no body text, only a title (id 42, "Headline without a story")`,
		`testdata/json/articles.json:23: not a JSON object`,
	})
	if len(arts) != 3 {
		t.Fatalf("got %d articles, want 3", len(arts))
	}
	checkArticle(t, arts[0], want{id: "wire-0001", title: "Dock strike ends after nine days", published: "2018-07-13",
		source: "Harbour Wire", author: "Nell Park, Omar Fen", url: "https://wire.example/dock-strike-ends",
		textStart: "Dock workers voted on Friday", textEnd: "by the weekend."})
	// No id: the URL is the id.
	checkArticle(t, arts[1], want{id: "https://radio.example/storm", title: "Storm warning for the coast", published: "2018-07-14",
		source: "Coast Radio", url: "https://radio.example/storm", textStart: "The weather office", textEnd: "on Saturday."})
	// No id, no URL: a content hash; HTML content becomes text; Unix time.
	checkArticle(t, arts[2], want{published: "2018-07-16", textStart: "A new cycle lane opened on Sunday.\n\nCyclists welcomed it."})
	if len(arts[2].ID) != 16 {
		t.Errorf("id %q, want a content hash", arts[2].ID)
	}
	for _, a := range arts {
		if a.File != "" {
			t.Errorf("%s: file %q, want none for an item of an array", a.Path, a.File)
		}
	}
	if arts[0].Path != "testdata/json/articles.json:2" || arts[1].Path != "testdata/json/articles.json:11" {
		t.Errorf("paths %q, %q: want FILE:LINE where each object starts", arts[0].Path, arts[1].Path)
	}
}

func TestJSONLines(t *testing.T) {
	arts, err := readFile(t, "testdata/json/lines.jsonl")
	// A malformed line, a line that is not an object and an object without
	// text are each reported with their line; the other lines are read.
	checkErrors(t, err, []string{
		`testdata/json/lines.jsonl:2: invalid JSON: unexpected end of input`,
		`testdata/json/lines.jsonl:5: not a JSON object`,
		`testdata/json/lines.jsonl:6: no body text, only a title (id a5, "Only a title")`,
	})
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID+"@"+a.Path+"@"+a.Published)
	}
	wantIDs := "a1@testdata/json/lines.jsonl:1@2022-09-05 a3@testdata/json/lines.jsonl:3@2022-09-07 a6@testdata/json/lines.jsonl:7@2022-09-09"
	if strings.Join(ids, " ") != wantIDs {
		t.Errorf("articles %v, want %s", ids, wantIDs)
	}
}

func TestJSONShapes(t *testing.T) {
	cases := []struct {
		name, path, data string
		want             []want
		errs             []string
	}{
		{"single object is known by its file name", "museum.json",
			`{"headline": "Museum opens new wing", "articleBody": "The museum opened a wing.", "datePublished": "2021-06-12", "publisher": "Culture Today"}`,
			[]want{{id: "museum", title: "Museum opens new wing", published: "2021-06-12", source: "Culture Today", textStart: "The museum opened a wing."}}, nil},
		{"numeric id", "n.json", `{"id": 1234567890123, "text": "Body."}`,
			[]want{{id: "1234567890123", textStart: "Body."}}, nil},
		{"nested id and entities (SGML export)", "w.json",
			`[{"attrs": {"newid": "7"}, "title": "OIL &lt;XYZ> UP", "body": "Oil rose.\n Reuter\n&#3;", "date": "26-FEB-1987 15:01:01.79"}]`,
			[]want{{id: "7", title: "OIL <XYZ> UP", published: "1987-02-26", source: "Reuters", textStart: "Oil rose.", textEnd: "Oil rose."}}, nil},
		{"snake and camel case keys", "c.jsonl",
			`{"Title": "A", "Body_Text": "Body one.", "published_at": "2020-01-02", "site_name": "S", "canonical_url": "https://s.example/a"}`,
			[]want{{id: "https://s.example/a", title: "A", published: "2020-01-02", source: "S", url: "https://s.example/a", textStart: "Body one."}}, nil},
		{"paragraph list and rendered title", "p.json",
			`{"id": "p", "title": {"rendered": "Fair &amp; square"}, "content": ["First para.", "Second para."]}`,
			[]want{{id: "p", title: "Fair & square", textStart: "First para.\n\nSecond para."}}, nil},
		{"byline at the top of the body", "b.json", `{"id": "b", "text": "By Jane Doe\n\nBody text."}`,
			[]want{{id: "b", author: "Jane Doe", textStart: "Body text."}}, nil},
		{"JSON Lines under .json", "l.json", "{\"id\": \"x\", \"text\": \"One.\"}\n{\"id\": \"y\", \"text\": \"Two.\"}\n",
			[]want{{id: "x", textStart: "One."}, {id: "y", textStart: "Two."}}, nil},
		{"syntax error in an array ends it", "e.json", "[\n{\"id\": \"ok\", \"text\": \"Fine.\"},\n{\"id\": \"bad\" \"text\": 1}\n]",
			[]want{{id: "ok", textStart: "Fine."}}, []string{`e.json:3: invalid JSON: invalid character '"' after object key:value pair (column 14)`}},
		{"missing comma between objects", "m.json", "[\n{\"id\": \"a\", \"text\": \"A.\"}\n{\"id\": \"b\", \"text\": \"B.\"}\n]",
			[]want{{id: "a", textStart: "A."}}, []string{`m.json:3: invalid JSON: invalid character '{' after array element (column 1)`}},
		{"garbage after the array", "g.json", "[{\"id\": \"a\", \"text\": \"A.\"}]\nxyz",
			[]want{{id: "a", textStart: "A."}}, []string{`g.json:2: invalid JSON: invalid character 'x' after top-level value (column 1)`}},
		{"empty array", "z.json", "[]", nil, []string{"z.json: no articles in json input"}},
		{"truncated object", "t.json", `{"id": "t", "text": "Bo`, nil, []string{"t.json: invalid JSON: unexpected end of input"}},
		{"scalar", "s.json", `{"id": "s"} trailing`, nil, []string{"s.json: invalid JSON: invalid character 't' after top-level value (column 13)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			arts, err := ReadData(c.path, []byte(c.data))
			checkErrors(t, err, c.errs)
			if len(arts) != len(c.want) {
				t.Fatalf("got %d articles, want %d", len(arts), len(c.want))
			}
			for i, w := range c.want {
				checkArticle(t, arts[i], w)
			}
		})
	}
}

func TestJSONWrapperAndFeed(t *testing.T) {
	arts, err := readFile(t, "testdata/json/newsapi.json")
	checkErrors(t, err, []string{`testdata/json/newsapi.json#2: no body text, only a title (https://metro.example/empty, "No content here")`})
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	checkArticle(t, arts[0], want{id: "https://metro.example/tram-airport", title: "Tram line extended to the airport",
		published: "2024-02-01", source: "Metro Daily", author: "Kai Holm", url: "https://metro.example/tram-airport",
		textStart: "The tram line now runs"})

	// A single object with neither id nor URL is known by its file name.
	arts, err = readFile(t, "testdata/json/single.json")
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, arts[0], want{id: "single", title: "Museum opens new wing", published: "2021-06-12",
		source: "Culture Today", textStart: "The city museum opened"})
	if arts[0].File != "single.json" {
		t.Errorf("file %q, want single.json", arts[0].File)
	}

	arts, err = readFile(t, "testdata/json/jsonfeed.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 {
		t.Fatalf("JSON Feed: got %d articles, want 1", len(arts))
	}
	checkArticle(t, arts[0], want{id: "tn-1", title: "Fountain restored", published: "2020-08-01", source: "Town Notes",
		url: "https://notes.example/1", textStart: "The fountain in the main square"})
}

func TestJSONWireFixture(t *testing.T) {
	arts, err := readFile(t, "testdata/json/wire.json")
	checkErrors(t, err, []string{`testdata/json/wire.json:10: no body text, only a title (id 102, "FLASH HEADLINE WITH NO STORY")`})
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	// Indented lines of wire copy start paragraphs; the sign-off goes.
	checkArticle(t, arts[0], want{id: "101", title: "GRAIN EXPORTS RISE <GRN> IN WEEK", published: "1988-03-03", source: "Reuters",
		textStart: "Grain exports rose sharply in the\nlatest week, the ministry said in\nits weekly report.\n\nIt said shipments",
		textEnd:   "mln a week earlier."})
}

// TestJSONSniffed reads JSON and JSON Lines from files without an
// extension and from standard input.
func TestJSONSniffed(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/json/articles.json")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "export")
	write(t, p, string(data))
	arts, _ := readFile(t, p)
	if len(arts) != 3 {
		t.Errorf("JSON without extension: got %d articles, want 3", len(arts))
	}
	lines, err := os.ReadFile("testdata/json/lines.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	in := ExpandPaths([]string{"-"}, strings.NewReader(string(lines)), func(err error) { t.Error(err) })
	arts, err = ReadInput(in[0])
	if len(arts) != 3 || len(SplitErrors(err)) != 3 {
		t.Errorf("JSON Lines on stdin: %d articles and %v, want 3 articles and 3 errors", len(arts), err)
	}
	if len(arts) > 0 && arts[0].Path != "-:1" {
		t.Errorf("stdin line path %q, want -:1", arts[0].Path)
	}
}
