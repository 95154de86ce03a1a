package loaders

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFormatFor(t *testing.T) {
	cases := []struct {
		path, head, want string
	}{
		{"a.txt", `{"looks": "like json"}`, "text"}, // the extension wins
		{"a.TXT", "x", "text"},
		{"a.md", "x", "text"},
		{"a.json", "x", "json"},
		{"a.jsonl", "x", "jsonl"},
		{"a.ndjson", "x", "jsonl"},
		{"a.html", "x", "html"},
		{"a.htm", "x", "html"},
		{"a.xml", "x", "feed"},
		{"a.rss", "x", "feed"},
		{"a.atom", "x", "feed"},
		// Sniffed: no extension, an unknown one, or standard input.
		{"-", `  {"text": "x"}`, "json"},
		{"-", "[\n  {\"text\": \"x\"}]", "json"},
		{"-", "[]", "json"},
		{"data", "\xef\xbb\xbf{\"id\": 1}", "json"},
		{"-", "[UPDATE] Talks resume\n\nBody.", "text"},
		{"-", "{curly} text", "text"},
		{"page", "<!DOCTYPE html><html>", "html"},
		{"page.php", "<html lang=en><head>", "html"},
		{"-", "<!-- saved page -->\n<html>", "html"},
		{"-", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\">\n<html>", "html"},
		{"-", "<p>A fragment.</p>", "html"},
		{"-", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">", "feed"},
		{"-", "<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", "feed"},
		{"-", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", "feed"},
		{"-", "Plain text article.", "text"},
		{"notes", "<b>bold</b> start of text", "text"},
	}
	for _, c := range cases {
		if got := FormatFor(c.path, []byte(c.head)).Name; got != c.want {
			t.Errorf("FormatFor(%q, %q) = %s, want %s", c.path, c.head, got, c.want)
		}
	}
}

// TestBadInput checks each kind of unusable input gives one "FILE:
// reason" line, lower case, without Go internals.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty.txt", nil, "empty.txt: empty file"},
		{"blank.txt", []byte(" \n\t\r\n  "), "blank.txt: empty file"},
		{"bom.txt", []byte("\xef\xbb\xbf\n"), "bom.txt: empty file"},
		{"photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "photo.txt: binary file, not text"},
		{"archive", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), "archive: binary file, not text"},
		{"controls.txt", []byte("\x01\x02\x03\x04\x05\x06\x07\x08 ab"), "controls.txt: binary file, not text"},
		{"empty.json", []byte("[]"), "empty.json: no articles in json input"},
		{"bad.json", []byte(`{"text": }`), "bad.json: invalid JSON: invalid character '}' looking for beginning of value (column 10)"},
		{"scalar.json", []byte(`"just a string"`), "scalar.json: not a JSON object or array of objects"},
		{"title-only.txt", []byte("Title: Only a title\n"), "title-only.txt: no body text, only a title"},
		{"only-meta.txt", []byte("Date: 2020-01-01\nSource: Wire\n"), "only-meta.txt: no article text"},
	}
	for _, c := range cases {
		arts, err := ReadData(c.name, c.data)
		if len(arts) != 0 {
			t.Errorf("%s: got %d articles, want none", c.name, len(arts))
		}
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: error %v (%T), want an *InputError", c.name, err, err)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%s: error %q, want %q", c.name, err, c.want)
		}
	}
}

func TestReadInputOpenErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		in   Input
		want string
	}{
		{Input{Path: "locked.txt", Open: func() (io.ReadCloser, error) {
			return nil, &fs.PathError{Op: "open", Path: "locked.txt", Err: fs.ErrPermission}
		}}, "locked.txt: permission denied"},
		{Input{Path: "gone.txt", Open: func() (io.ReadCloser, error) { return os.Open(filepath.Join(dir, "gone.txt")) }},
			"gone.txt: no such file or directory"},
		{Input{Path: dir, Open: func() (io.ReadCloser, error) { return os.Open(dir) }}, dir + ": is a directory"},
		{Input{Path: "-", Open: func() (io.ReadCloser, error) { return io.NopCloser(failingReader{}), nil }},
			"-: cannot read: input/output error"},
	}
	for _, c := range cases {
		_, err := ReadInput(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v, want %q", c.in.Path, err, c.want)
		}
	}
	// A real file without read permission (root reads anything).
	if os.Geteuid() != 0 {
		p := filepath.Join(dir, "secret.txt")
		write(t, p, "Text.")
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		in := ExpandPaths([]string{p}, nil, func(err error) { t.Error(err) })
		if _, err := ReadInput(in[0]); err == nil || err.Error() != p+": permission denied" {
			t.Errorf("unreadable file: error %v", err)
		}
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("input/output error") }

// tree builds a directory of articles and non-articles and returns its
// root.
func tree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range map[string]string{
		"b.txt":                "Second\n\nBody b.",
		"a.txt":                "First\n\nBody a.",
		"sub/c.json":           `{"id": "c", "text": "Body c."}`,
		"sub/deeper/d.html":    "<html><body><p>Body d.</p></body></html>",
		"sub/deeper/e":         "Body e, no extension.",
		".hidden.txt":          "Hidden file.",
		".git/config.txt":      "Hidden directory.",
		"sub/.cache/f.txt":     "Hidden directory below.",
		"README.md":            "About this folder.",
		"sub/annotations.ann":  "T1\tPerson 0 4\tJane",
		"sub/metadata.tsv":     "a\tb",
		"sub/deeper/photo.jpg": "\xff\xd8\xff",
	} {
		write(t, filepath.Join(root, name), content)
	}
	if err := os.MkdirAll(filepath.Join(root, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	return root
}

func inputPaths(root string, ins []Input) []string {
	var out []string
	for _, in := range ins {
		rel, err := filepath.Rel(root, in.Path)
		if err != nil {
			rel = in.Path
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out
}

func TestExpandPaths(t *testing.T) {
	root := tree(t)
	cases := []struct {
		name string
		args []string
		want []string // inputs, relative to root
		bad  []string // reported problems, with root written as ROOT
	}{
		{"directory recursively, hidden and non-article files skipped", []string{root},
			[]string{"a.txt", "b.txt", "sub/c.json", "sub/deeper/d.html", "sub/deeper/e"}, nil},
		{"glob, hidden matches skipped", []string{filepath.Join(root, "*.txt")},
			[]string{"a.txt", "b.txt"}, nil},
		{"glob asking for hidden files", []string{filepath.Join(root, ".*.txt")},
			[]string{".hidden.txt"}, nil},
		{"glob matching directories", []string{filepath.Join(root, "s*")},
			[]string{"sub/c.json", "sub/deeper/d.html", "sub/deeper/e"}, nil},
		{"explicit files are read whatever they are", []string{filepath.Join(root, "README.md"), filepath.Join(root, ".hidden.txt")},
			[]string{"README.md", ".hidden.txt"}, nil},
		{"stdin", []string{"-"}, []string{"-"}, nil},
		{"missing file, unmatched glob, empty directory", []string{filepath.Join(root, "nope.txt"), filepath.Join(root, "*.xml"), filepath.Join(root, "empty"), filepath.Join(root, "a.txt")},
			[]string{"a.txt"},
			[]string{"ROOT/nope.txt: no such file or directory", "ROOT/*.xml: no files match", "ROOT/empty: no article files in directory"}},
		{"bad pattern", []string{"[z-a"}, nil, []string{"[z-a: bad pattern: syntax error in pattern"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var bad []string
			ins := ExpandPaths(c.args, strings.NewReader(""), func(err error) {
				bad = append(bad, strings.ReplaceAll(err.Error(), root, "ROOT"))
			})
			if got := inputPaths(root, ins); strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("inputs %q, want %q", got, c.want)
			}
			if strings.Join(bad, "\n") != strings.Join(c.bad, "\n") {
				t.Errorf("problems %q, want %q", bad, c.bad)
			}
		})
	}
}

// TestReadTree reads a whole directory: every format, in order.
func TestReadTree(t *testing.T) {
	root := tree(t)
	var got []string
	for _, in := range ExpandPaths([]string{root}, nil, func(err error) { t.Error(err) }) {
		arts, err := ReadInput(in)
		if err != nil {
			t.Error(err)
		}
		for _, a := range arts {
			got = append(got, a.ID+"="+a.Text)
		}
	}
	want := "a=Body a. b=Body b. c=Body c. d=Body d. e=Body e, no extension."
	if strings.Join(got, " ") != want {
		t.Errorf("articles %q, want %q", got, want)
	}
}

func TestStdin(t *testing.T) {
	in := ExpandPaths([]string{"-"}, strings.NewReader("Storm hits coast\n\nThe storm hit the coast on Monday."), func(err error) { t.Error(err) })
	arts, err := ReadInput(in[0])
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Path != "-" || a.File != "" || a.Title != "Storm hits coast" || a.Text != "The storm hit the coast on Monday." || len(a.ID) != 16 {
		t.Errorf("stdin article %+v", *a)
	}
	in = ExpandPaths([]string{"-"}, strings.NewReader(""), func(err error) { t.Error(err) })
	if _, err := ReadInput(in[0]); err == nil || err.Error() != "-: empty file" {
		t.Errorf("empty stdin: error %v, want \"-: empty file\"", err)
	}
}

func TestFileID(t *testing.T) {
	cases := []struct{ path, want string }{
		{"news/000_d83d5ca6cd029b45.txt", "000_d83d5ca6cd029b45"},
		{"/data/polnear/breitbart_2016-03-11_activists.txt", "breitbart_2016-03-11_activists"},
		{"/data/bbc/sport/001.txt", "sport/001"},
		{"/data/bbc/business/001.txt", "business/001"},
		{"/site/2021/ferry-link/index.html", "ferry-link/index"},
		{"/site/a/article-2.json", "a/article-2"},
		{"ferry-report.txt", "ferry-report"},
		{"story-7.txt", "loaders/story-7"}, // run from loaders/
	}
	for _, c := range cases {
		if got := FileID(c.path); got != c.want {
			t.Errorf("FileID(%q) = %q, want %q", c.path, got, c.want)
		}
	}
	// A relative path names the same file as its absolute form.
	dir := t.TempDir()
	write(t, filepath.Join(dir, "sport", "001.txt"), "x")
	t.Chdir(filepath.Join(dir, "sport"))
	if got := FileID("001.txt"); got != "sport/001" {
		t.Errorf("FileID(001.txt) in sport/ = %q, want sport/001", got)
	}
}

func TestInputErrors(t *testing.T) {
	errs := InputErrors{inputErr("a.jsonl:2", "invalid JSON"), inputErr("a.jsonl:5", "not a JSON object")}
	if got := errs.Error(); got != "a.jsonl:2: invalid JSON\na.jsonl:5: not a JSON object" {
		t.Errorf("Error() = %q", got)
	}
	if split := SplitErrors(errs); len(split) != 2 || split[1].Error() != "a.jsonl:5: not a JSON object" {
		t.Errorf("SplitErrors = %v", split)
	}
	var ie *InputError
	if !errors.As(errs.join(), &ie) || ie.Path != "a.jsonl:2" {
		t.Errorf("errors.As finds %v, want the first problem", ie)
	}
	if SplitErrors(nil) != nil || InputErrors(nil).join() != nil {
		t.Error("no problems must give no error")
	}
	if one := (InputErrors{inputErr("x", "y")}).join(); one.Error() != "x: y" {
		t.Errorf("one problem joins to %v", one)
	}
}
