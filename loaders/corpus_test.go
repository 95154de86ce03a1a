package loaders

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"newsgraph/schema"
)

// corpus returns the directory of a corpus under ../shared/corpora (next
// to the repository), skipping the test when it is absent.
func corpus(tb testing.TB, name string) string {
	tb.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the test directory")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "corpora", name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("corpus %s not found at %s: skipping (it lives in ../shared/corpora, outside the repository)", name, p)
	}
	return p
}

func readAll(tb testing.TB, args ...string) ([]*Article, []error) {
	tb.Helper()
	var arts []*Article
	var errs []error
	for _, in := range ExpandPaths(args, nil, func(err error) { errs = append(errs, err) }) {
		a, err := ReadInput(in)
		arts = append(arts, a...)
		errs = append(errs, SplitErrors(err)...)
	}
	return arts, errs
}

// TestCorpusBBC reads all 2,225 BBC News files: each has the first line
// of its file as title and a body; the Windows-1252 byte of sport/199.txt
// is decoded.
func TestCorpusBBC(t *testing.T) {
	root := corpus(t, "bbc-news")
	arts, errs := readAll(t, root)
	for _, err := range errs {
		t.Error(err)
	}
	if len(arts) != 2225 {
		t.Errorf("got %d articles, want 2225 (README.TXT and .DS_Store skipped)", len(arts))
	}
	ids := map[string]bool{}
	for _, a := range arts {
		raw, err := os.ReadFile(a.Path)
		if err != nil {
			t.Fatal(err)
		}
		firstLine, _, _ := strings.Cut(DecodeText(raw), "\n")
		firstLine = strings.Join(strings.Fields(firstLine), " ")
		if a.Title == "" || a.Title != firstLine {
			t.Errorf("%s: title %q, want the first line %q", a.Path, a.Title, firstLine)
		}
		if a.Words() < 20 || strings.HasPrefix(a.Text, a.Title) {
			t.Errorf("%s: body of %d words starting %q", a.Path, a.Words(), clip(a.Text, 40))
		}
		if strings.ContainsRune(a.Text, utf8.RuneError) || !utf8.ValidString(a.Text) {
			t.Errorf("%s: body holds invalid text", a.Path)
		}
		// Numbered files: the category tells business/001 from sport/001.
		want := filepath.Base(filepath.Dir(a.Path)) + "/" + strings.TrimSuffix(filepath.Base(a.Path), ".txt")
		if a.ID != want {
			t.Errorf("%s: id %q, want %q", a.Path, a.ID, want)
		}
		ids[a.ID] = true
	}
	if len(ids) != len(arts) {
		t.Errorf("%d distinct ids for %d articles", len(ids), len(arts))
	}

	p := filepath.Join(root, "bbc", "sport", "199.txt")
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(raw) {
		t.Fatalf("%s is valid UTF-8: the test needs its Windows-1252 byte", p)
	}
	got, err := readFile(t, p)
	if err != nil {
		t.Fatal(err)
	}
	// Every 0xA3 byte (not part of UTF-8) is a pound sign.
	if want := bytes.Count(raw, []byte{0xA3}); want == 0 || strings.Count(got[0].Text, "£") != want {
		t.Errorf("%s: %d pound signs in the body, want %d", p, strings.Count(got[0].Text, "£"), want)
	}
}

// TestCorpusPolNeAR checks the titles of the PolNeAR text files (title
// line, body) against the corpus metadata.
func TestCorpusPolNeAR(t *testing.T) {
	root := corpus(t, "polnear")
	titles := map[string]string{}
	f, err := os.Open(filepath.Join(root, "data", "metadata.tsv"))
	if err != nil {
		t.Skipf("polnear metadata: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var cols []string
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if cols == nil {
			cols = fields
			continue
		}
		rec := map[string]string{}
		for i, c := range cols {
			if i < len(fields) {
				rec[c] = fields[i]
			}
		}
		titles[rec["filename"]] = rec["title"]
	}
	norm := func(s string) string {
		s = strings.TrimRight(strings.Join(strings.Fields(s), " "), ".’'\" ")
		return strings.NewReplacer(".’", "’", ".'", "'").Replace(s)
	}
	arts, errs := readAll(t, filepath.Join(root, "data"))
	for _, err := range errs {
		t.Error(err)
	}
	match, compared := 0, 0
	for _, a := range arts {
		if a.Words() < 10 {
			t.Errorf("%s: body of %d words", a.Path, a.Words())
		}
		want, ok := titles[a.ID]
		if !ok {
			continue
		}
		compared++
		if norm(a.Title) == norm(want) {
			match++
		}
	}
	if compared < 900 {
		t.Fatalf("compared %d titles, want the ~924 text files", compared)
	}
	// Headlines ending in a full stop are told from lead sentences by
	// rule, not by knowing the corpus: most, not all, come out right.
	if rate := float64(match) / float64(compared); rate < 0.9 {
		t.Errorf("%d of %d titles match the metadata (%.1f%%), want at least 90%%", match, compared, 100*rate)
	}
	t.Logf("%d of %d PolNeAR titles match the metadata", match, compared)
}

// TestCorpusReuters reads Reuters-21578 as JSON: bodies, titles, ids
// from attrs.newid, 1987 dates; stories without a body are reported.
func TestCorpusReuters(t *testing.T) {
	root := corpus(t, "reuters21578")
	files, _ := filepath.Glob(filepath.Join(root, "json-data", "*.json"))
	if len(files) == 0 {
		t.Skip("no reuters21578/json-data/*.json")
	}
	if testing.Short() || raceDetector {
		files = files[:min(2, len(files))] // all 22 take seconds under -race
	}
	bodyless := regexp.MustCompile(`^reut2-\d+\.json:\d+: (no body text, only a title \(id \d+, ".+"\)|no article text \(id \d+\))$`)
	numeric := regexp.MustCompile(`^\d+$`)
	type fileResult struct {
		stories int
		arts    []*Article
		err     error
	}
	results := make([]fileResult, len(files))
	var wg sync.WaitGroup
	for i, file := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			raw, err := os.ReadFile(file)
			if err != nil {
				results[i].err = err
				return
			}
			var objs []json.RawMessage
			if err := json.Unmarshal(raw, &objs); err != nil {
				results[i].err = err
				return
			}
			results[i].stories = len(objs)
			results[i].arts, results[i].err = ReadData(filepath.Base(file), raw)
		}()
	}
	wg.Wait()
	total, read, rejected := 0, 0, 0
	ids := map[string]bool{}
	for _, r := range results {
		total += r.stories
		read += len(r.arts)
		for _, e := range SplitErrors(r.err) {
			rejected++
			if !bodyless.MatchString(e.Error()) {
				t.Errorf("unexpected problem: %v", e)
			}
		}
		for _, a := range r.arts {
			if ids[a.ID] || !numeric.MatchString(a.ID) {
				t.Errorf("%s: id %q is not a new numeric id", a.Path, a.ID)
			}
			ids[a.ID] = true
			if !strings.HasPrefix(a.Published, "1987-") {
				t.Errorf("%s: published %q, want a 1987 date", a.Path, a.Published)
			}
			if a.Title == "" || a.Text == "" {
				t.Errorf("%s: title %q, body of %d bytes", a.Path, a.Title, len(a.Text))
			}
			if strings.Contains(a.Text, "&lt;") || strings.Contains(a.Text, "&#") || strings.HasSuffix(a.Text, "Reuter") ||
				strings.ContainsAny(a.Text, "\x03\x05\x7f") || strings.Contains(a.Title, "&lt;") {
				t.Errorf("%s: SGML residue in %q", a.Path, clip(a.Text, 60))
			}
		}
	}
	if read+rejected != total || read == 0 {
		t.Errorf("%d read + %d rejected, want %d stories in all", read, rejected, total)
	}
	t.Logf("%d files: %d stories read, %d without a body rejected", len(files), read, rejected)
}

// TestSeeds reads the seed articles of the repository (seeds/): one opens
// with a lead sentence (no title), the other with an aggregator's inline
// date and source.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if len(files) != 2 {
		t.Fatalf("found %d seed articles, want 2", len(files))
	}
	arts, errs := readAll(t, files...)
	for _, err := range errs {
		t.Fatal(err)
	}
	lead, inline := arts[0], arts[1]
	raw, _ := os.ReadFile(files[0])
	firstPara, _, _ := strings.Cut(string(raw), "\n")
	if lead.Title != "" || !strings.HasPrefix(lead.Text, strings.TrimSpace(firstPara)) || lead.Published != "" {
		t.Errorf("%s: title %q, published %q, body %q: want the lead sentence in the body", lead.Path, lead.Title, lead.Published, clip(lead.Text, 60))
	}
	if inline.Published != "2017-06-10" || inline.Source != "Alwaght" || inline.Title != "" || strings.Contains(inline.Text[:40], "date") {
		t.Errorf("%s: published %q source %q title %q body %q", inline.Path, inline.Published, inline.Source, inline.Title, clip(inline.Text, 60))
	}
	for _, a := range arts {
		if want := strings.TrimSuffix(filepath.Base(a.Path), ".txt"); a.ID != want {
			t.Errorf("%s: id %q, want %q", a.Path, a.ID, want)
		}
	}
}

// nopExtractor does no extraction, so that benchmarks of Run measure
// reading.
type nopExtractor struct{}

func (nopExtractor) Extract(*Article) (x schema.Extraction) { return x }

func benchmarkRun(b *testing.B, args ...string) {
	inputs := ExpandPaths(args, nil, func(err error) { b.Fatal(err) })
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		n = 0
		err := Run(context.Background(), inputs, nopExtractor{}, Options{}, func(r Result) error {
			if r.Err == nil {
				n++
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkRunBBC reads all BBC files through Run (all cores, no
// extraction).
func BenchmarkRunBBC(b *testing.B) { benchmarkRun(b, corpus(b, "bbc-news")) }

// BenchmarkRunReuters reads all Reuters JSON files through Run.
func BenchmarkRunReuters(b *testing.B) {
	benchmarkRun(b, filepath.Join(corpus(b, "reuters21578"), "json-data"))
}

// BenchmarkReadHTML reads one HTML page (readability included).
func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/html/article.html")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := ReadData("article.html", data); err != nil {
			b.Fatal(err)
		}
	}
}
