package loaders

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// DecodeText turns raw bytes into a UTF-8 string. UTF-8 (with or without a
// byte-order mark) stays as it is; UTF-16 with a byte-order mark is
// decoded; a byte that is not part of valid UTF-8 is read as Windows-1252,
// the encoding of most legacy English news files (0xA3 is "£", 0x92 is
// "’"), so a file with one stray legacy byte keeps its UTF-8 text intact.
// CRLF and CR line ends become LF.
func DecodeText(data []byte) string {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		s = decodeMixed(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			s = decodeMixed(data)
		} else {
			s = string(out)
		}
	default:
		s = decodeMixed(data)
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// decodeMixed keeps valid UTF-8 sequences and decodes every other byte as
// Windows-1252.
func decodeMixed(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data) + 16)
	dec := charmap.Windows1252
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(dec.DecodeByte(data[0]))
			data = data[1:]
			continue
		}
		b.Write(data[:size])
		data = data[size:]
	}
	return b.String()
}

// isBinary reports content that is not text: NUL bytes or mostly control
// characters in its first kilobytes. UTF-16 text (which has NULs) is
// recognised by its byte-order mark and is not binary.
func isBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// cleanText normalises a body: control and zero-width characters removed,
// no-break spaces made plain, trailing spaces cut, a line indented after
// an unindented line starting a new paragraph (the convention of
// hard-wrapped wire copy), and runs of blank lines made one.
func cleanText(s string) string {
	if s == "" {
		return s
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t', r == '\u00A0', r == '\u2007', r == '\u202F', r == '\f', r == '\v':
			return ' '
		case r == '\r':
			return '\n'
		case r < 0x20, r == 0x7F, r >= 0x80 && r < 0xA0:
			return -1
		case r == '\u200B', r == '\u200C', r == '\u200D', r == '\u2060', r == '\uFEFF', r == '\u00AD':
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := true     // the previous line was blank (or there was none)
	indented := false // the previous line was indented
	for _, line := range lines {
		line = strings.TrimRight(line, " ")
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		ind := len(line)-len(trimmed) >= 2
		if !blank && ind && !indented {
			out = append(out, "")
		}
		out = append(out, trimmed)
		blank, indented = false, ind
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// cutSignOff removes a wire service's sign-off ("Reuter") from the end
// of a body, on a line of its own or after the last sentence, however
// often it is repeated, reporting whether there was one.
func cutSignOff(s string) (string, bool) {
	found := false
	for {
		t := strings.TrimRight(s, " \t\n")
		var word string
		for _, w := range []string{"Reuters", "Reuter", "REUTERS", "REUTER"} {
			if strings.HasSuffix(t, w) {
				word = w
				break
			}
		}
		if word == "" {
			return s, found
		}
		before := strings.TrimRight(t[:len(t)-len(word)], " \t")
		if before != "" && !strings.HasSuffix(before, "\n") {
			r, _ := utf8.DecodeLastRuneInString(before)
			if len(before) == len(t)-len(word) || !strings.ContainsRune(".!?\"”’')]", r) {
				return s, found // "... spoke to Reuters": part of the sentence
			}
		}
		s, found = strings.TrimRight(before, " \t\n"), true
	}
}

// readText reads a plain-text article: metadata lines at the top are parsed
// and removed, a headline-like first line followed by a blank line is the
// title, the rest is the body. The id is the file's name (see FileID), so
// an edited file replaces its earlier version; text from standard input
// is identified by a hash of its content.
func readText(path string, data []byte) ([]*Article, error) {
	a := ParseText(DecodeText(data))
	a.Path = path
	if path != "-" {
		a.File = filepath.Base(path)
		a.ID = FileID(path)
	}
	if err := FinishArticle(a); err != nil {
		return nil, err
	}
	return []*Article{a}, nil
}

var (
	// metaLine is a "Key: value" metadata line.
	metaLine = regexp.MustCompile(`(?i)^\s*(date|dated|published|published on|publication date|pubdate|posted|posted on|updated|last updated|source|publisher|url|link|title|headline|author|authors|by|byline|written by)\s*:\s*(.*?)\s*$`)
	// byLine is a byline: "By" and a name, optionally followed by a short
	// affiliation ("By Jane Doe, Reuters", "By JANE DOE | Staff Writer").
	byLine = regexp.MustCompile(`^\s*(?i:by)\s+((?:\p{Lu}[\p{L}.'’\-]*)(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|and|de|da|del|van|von|der|den|la|le|al|el|bin|ibn|&))*)\s*(?:(?:,|\||/|-|–|—|\sfor\s|\sin\s)\s*(.*))?$`)
	// inlineMeta matches the "date 2017-06-10 Alwaght-" header some
	// aggregators put in front of the body, optionally after a title.
	inlineMeta = regexp.MustCompile(`^\s*(?:(.*?)\s+)?date\s+(\d{4}-\d{2}-\d{2})\s+([\p{Lu}\p{N}][\p{L}\p{N} .&'’]{0,60}?)\s*[-–—:]\s+`)
)

// ParseText splits a plain-text article into metadata, title and body.
//
// Metadata lines come first: "Date:", "Published:", "Source:", "URL:",
// "Title:", "Author:" and the like, bylines ("By Jane Doe, Reuters") and a
// line that is only a date. Then a title: a first line (or a headline
// ending in ";" and its deck on the next line) followed by a blank line,
// when it reads like a headline rather than a lead sentence. Metadata may
// follow the title too. An aggregator's inline header
// ("date 2017-06-10 Alwaght- ") at the start of the body gives the date
// and source.
func ParseText(s string) *Article {
	a := &Article{}
	lines := strings.Split(s, "\n")
	i := skipBlank(lines, 0)
	i = parseHeader(a, lines, i)

	// Title block: the lines up to the next blank line.
	if a.Title == "" {
		end := i
		for end < len(lines) && strings.TrimSpace(lines[end]) != "" {
			end++
		}
		if next := skipBlank(lines, end); end > i && next < len(lines) && next > end {
			if title, n := titleOf(lines[i:end]); title != "" {
				// The rest of the block must be metadata.
				rest := lines[i+n : end]
				if allMeta(rest) {
					a.Title = title
					parseHeader(a, rest, 0)
					i = parseHeader(a, lines, next)
				}
			}
		}
	}

	body := strings.Join(lines[i:], "\n")
	if m := inlineMeta.FindStringSubmatchIndex(body); m != nil {
		title := ""
		if m[2] >= 0 {
			title = strings.TrimSpace(body[m[2]:m[3]])
		}
		if d := ParseDate(body[m[4]:m[5]]); d != "" && (title == "" || len(strings.Fields(title)) >= 2 && looksLikeHeadline(title)) {
			if a.Title == "" {
				a.Title = title
			}
			if a.Published == "" {
				a.Published = d
			}
			if a.Source == "" {
				a.Source = strings.TrimSpace(body[m[6]:m[7]])
			}
			body = body[m[1]:]
		}
	}
	a.Text = body
	return a
}

// liftMeta moves the metadata lines at the top of a body taken from HTML,
// JSON or a feed (a byline, a line that is only a date, "Source:" lines)
// into the article's fields that are still empty.
func liftMeta(a *Article) {
	lines := strings.Split(strings.TrimSpace(a.Text), "\n")
	var m Article
	i := parseHeader(&m, lines, 0)
	if i == 0 || i >= len(lines) {
		return
	}
	a.Text = strings.Join(lines[i:], "\n")
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&a.Published, m.Published)
	fill(&a.Source, m.Source)
	fill(&a.Author, m.Author)
	fill(&a.URL, m.URL)
	fill(&a.Title, m.Title)
}

func skipBlank(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// parseHeader applies the metadata lines from lines[i] on, blank lines
// between them allowed, and returns the index of the first line that is
// not metadata (blank lines before it skipped).
func parseHeader(a *Article, lines []string, i int) int {
	for i < len(lines) {
		j := skipBlank(lines, i)
		if j == len(lines) || !applyMetaLine(a, lines[j]) {
			return j
		}
		i = j + 1
	}
	return i
}

// allMeta reports whether every line is a metadata line.
func allMeta(lines []string) bool {
	for _, l := range lines {
		if !applyMetaLine(&Article{}, l) {
			return false
		}
	}
	return true
}

// applyMetaLine applies one metadata line to a and reports whether the
// line was metadata.
func applyMetaLine(a *Article, line string) bool {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" {
		return false
	}
	// Cheap tests first: this runs on the first line of every article.
	if colon := strings.IndexByte(trimmed, ':'); colon > 0 && colon <= 20 {
		if m := metaLine.FindStringSubmatch(trimmed); m != nil {
			return applyMetaMatch(a, m)
		}
	}
	if len(trimmed) > 3 && (trimmed[0] == 'B' || trimmed[0] == 'b') && (trimmed[1] == 'y' || trimmed[1] == 'Y') && trimmed[2] == ' ' {
		if author, ok := parseByline(trimmed); ok {
			if a.Author == "" {
				a.Author = author
			}
			return true
		}
	}
	if d := strictDate(trimmed); d != "" {
		if a.Published == "" {
			a.Published = d
		}
		return true
	}
	return false
}

// applyMetaMatch applies a metaLine match and reports whether it was
// metadata.
func applyMetaMatch(a *Article, m []string) bool {
	key := strings.ToLower(m[1])
	if (key == "title" || key == "headline") && a.Title != "" {
		return false // a second title is text
	}
	applyMeta(a, key, m[2])
	return true
}

// parseByline reads "By Jane Doe" (with an optional short affiliation
// after a comma, bar, slash or dash) and returns the names.
func parseByline(line string) (string, bool) {
	line = strings.TrimSpace(line)
	if len(line) > 120 {
		return "", false
	}
	m := byLine.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	names := strings.Fields(m[1])
	if len(names) > 8 {
		return "", false
	}
	// An affiliation is short, capitalised and not a sentence: this keeps
	// "By Christmas, sales had doubled." in the body.
	if tail := strings.TrimSpace(m[2]); tail != "" {
		words := strings.Fields(tail)
		if len(words) > 6 || strings.HasSuffix(tail, ".") && !isAbbrevEnd(tail) {
			return "", false
		}
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(r) && !minorWords[strings.ToLower(w)] {
				return "", false
			}
		}
	}
	return strings.Join(names, " "), true
}

// isAbbrevEnd reports a final period that belongs to an abbreviation
// ("Inc.", "U.S.").
func isAbbrevEnd(s string) bool {
	f := strings.Fields(s)
	last := f[len(f)-1]
	return strings.Count(last, ".") > 1 || len(last) <= 4 && unicode.IsUpper([]rune(last)[0])
}

func applyMeta(a *Article, key, val string) {
	val = strings.TrimSpace(val)
	switch key {
	case "date", "dated", "published", "published on", "publication date", "pubdate", "posted", "posted on":
		if d := ParseDate(val); d != "" {
			a.Published = d
		}
	case "updated", "last updated":
		if d := ParseDate(val); d != "" && a.Published == "" {
			a.Published = d
		}
	case "source", "publisher":
		a.Source = val
	case "url", "link":
		a.URL = val
	case "title", "headline":
		a.Title = val
	case "author", "authors", "by", "byline", "written by":
		a.Author = strings.TrimPrefix(strings.TrimPrefix(val, "By "), "by ")
	}
}

// titleOf returns the title a first block of lines starts with and how
// many lines it takes: a headline-like first line, or a headline ending in
// ";" and its deck on the next line (joined as "Headline; deck"). It
// returns "" when the block starts with body text.
func titleOf(block []string) (string, int) {
	first := strings.TrimSpace(block[0])
	if strings.HasSuffix(first, ";") && len(block) >= 2 {
		// A short line ending in ";" over a short line is a headline and
		// its deck; a lead paragraph does not break its lines that way.
		head := strings.TrimSpace(strings.TrimSuffix(first, ";"))
		deck := strings.TrimSpace(block[1])
		if nh, nd := len(strings.Fields(head)), len(strings.Fields(deck)); nh > 0 && nh <= 20 && nd <= 30 && !startsLower(head) {
			return tidyTitle(head + "; " + deck), 2
		}
	}
	if looksLikeHeadline(first) {
		return tidyTitle(first), 1
	}
	return "", 0
}

// tidyTitle drops the full stop some sources put after a headline.
func tidyTitle(t string) string {
	if !strings.HasSuffix(t, ".") || strings.HasSuffix(t, "..") {
		return t
	}
	r, _ := utf8.DecodeLastRuneInString(t[:len(t)-1])
	if unicode.IsLower(r) || unicode.IsDigit(r) || r == ')' {
		return t[:len(t)-1]
	}
	return t
}

// minorWords stay lower case in a title-case headline.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true, "for": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "by": true, "with": true, "from": true,
	"as": true, "vs": true, "vs.": true, "v": true, "into": true, "over": true, "via": true, "per": true,
	"up": true, "off": true, "out": true, "is": true, "its": true, "it's": true, "than": true,
}

// leadWords are the articles and auxiliaries a lead sentence is made of
// and a headline leaves out.
var leadWords = map[string]bool{
	"the": true, "a": true, "an": true, "has": true, "have": true, "had": true, "was": true, "were": true,
	"been": true, "is": true, "are": true, "will": true, "would": true, "be": true, "being": true,
	"its": true, "their": true, "this": true, "that": true, "which": true, "who": true, "said": true,
}

// sentenceEnd finds a possible sentence boundary inside a line: a full
// stop, question or exclamation mark after a word, then a capital.
var sentenceEnd = regexp.MustCompile(`(\S+)[.!?]["”’']?\s+["“‘']?\p{Lu}`)

// multiSentence reports a line holding more than one sentence; the full
// stop of an abbreviation ("Dr.", "U.S.", "vs.") ends none.
func multiSentence(line string) bool {
	for _, m := range sentenceEnd.FindAllStringSubmatch(line, -1) {
		w := m[1]
		if strings.ContainsRune(w, '.') || abbreviations[strings.ToLower(strings.TrimLeft(w, "\"“‘'("))] {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(w); unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("\"”’')", r) {
			if len(w) == 1 && unicode.IsUpper(r) {
				continue // an initial: "George W. Bush"
			}
			return true
		}
	}
	return false
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "jr": true, "sr": true,
	"vs": true, "v": true, "mt": true, "ft": true, "no": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"calif": true, "ga": true, "mich": true, "fla": true, "pa": true, "mass": true, "ore": true,
	"wash": true, "rev": true, "pres": true, "gop": false,
}

// startsLower reports text whose first word is lower case ("and then"),
// not a brand written with a small first letter ("iTunes", "eBay").
func startsLower(s string) bool {
	w := strings.TrimLeft(s, "\"“‘'([*#")
	if i := strings.IndexAny(w, " \t"); i >= 0 {
		w = w[:i]
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	for _, c := range w {
		if unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

// looksLikeHeadline tells a title from a lead paragraph. A headline is
// short and either has no closing punctuation, is written in title case,
// or is a short question; a line ending in a full stop is a headline only
// when it is very short and telegraphic (at most one article or auxiliary
// verb, at most one comma), since a lead sentence ("X has ruled out Y,
// saying Z.") is full prose.
func looksLikeHeadline(line string) bool {
	line = strings.TrimSpace(line)
	words := strings.Fields(line)
	n := len(words)
	if n == 0 || n > 30 {
		return false
	}
	if startsLower(line) {
		return false // a continuation, not a headline
	}
	lead := 0
	for _, w := range words {
		if leadWords[strings.ToLower(strings.Trim(w, `"“”‘’',.;:()`))] {
			lead++
		}
	}
	commas := strings.Count(line, ",")
	end := lastSignificantRune(line)
	switch {
	case end == ',' || end == '-' || end == '–' || end == '—' || end == '(':
		return false // a wrapped line
	case end == ':' || end == ';':
		return false // a lead-in
	case end != '.' && end != '!' && end != '?' && end != '…':
		// No closing punctuation: a headline unless it is long prose (a
		// lead paragraph that lost its full stop).
		return n <= 10 || n <= 25 && lead <= 2 && commas <= 1
	}
	if titleCase(words) {
		return n <= 25 // even "Two Sentences. In Title Case?"
	}
	if multiSentence(line) {
		return false
	}
	if end == '?' || end == '!' {
		return n <= 20 && commas <= 1
	}
	return n <= 12 && lead <= 1 && commas <= 1
}

// lastSignificantRune is the last rune of s before closing quotes and
// brackets.
func lastSignificantRune(s string) rune {
	s = strings.TrimRight(s, " \"”’')]*")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// titleCase reports a headline in title case: at least two capitalised
// words and no lower-case word other than articles, conjunctions and
// short prepositions (one slip allowed in a longer headline).
func titleCase(words []string) bool {
	caps, lower := 0, 0
	for _, w := range words {
		w = strings.TrimLeft(w, "\"“‘'([")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsLower(r):
			if !minorWords[strings.ToLower(strings.TrimRight(w, `"”’',.;:?!)`))] {
				lower++
			}
		}
	}
	return caps >= 2 && (lower == 0 || lower == 1 && caps >= 5)
}
