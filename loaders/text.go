package loaders

import (
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// DecodeText turns raw bytes into a UTF-8 string: UTF-8 (with or without a
// byte-order mark) as it is, anything else decoded as Windows-1252, the
// encoding of most legacy English news files. CRLF line ends become LF.
func DecodeText(data []byte) string {
	data = trimBOM(data)
	var s string
	if utf8.Valid(data) {
		s = string(data)
	} else {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			s = strings.ToValidUTF8(string(data), "\uFFFD")
		} else {
			s = string(out)
		}
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// readText reads a plain-text article: metadata lines at the top are parsed
// and removed, a headline-like first line followed by a blank line is the
// title, the rest is the body. The id is the file's base name without
// extension, so an edited file replaces its earlier version.
func readText(path string, data []byte) ([]*Article, error) {
	a := ParseText(DecodeText(data))
	a.Path = path
	if path != "-" {
		a.File = filepath.Base(path)
		a.ID = strings.TrimSuffix(a.File, filepath.Ext(a.File))
	}
	if err := FinishArticle(a); err != nil {
		return nil, err
	}
	return []*Article{a}, nil
}

var (
	metaLine = regexp.MustCompile(`(?i)^\s*(date|dated|published|publication date|updated|source|publisher|url|link|title|headline|author|by|byline)\s*:\s*(.*?)\s*$`)
	byLine   = regexp.MustCompile(`^\s*By\s+(\p{Lu}[\p{L}.'\-]*(?:\s+(?:\p{Lu}[\p{L}.'\-]*|and|de|van|von|der|la|le|al|bin))*)\s*(?:[,|/-].*)?$`)
	// inlineMeta matches the "date 2017-06-10 Alwaght-" header some
	// aggregators put in front of the body.
	inlineMeta = regexp.MustCompile(`^\s*(?:(.*?)\s+)?date\s+(\d{4}-\d{2}-\d{2})\s+([\p{L}\p{N}][\p{L}\p{N} .&'’]{0,60}?)\s*[-–—:]\s+`)
)

// ParseText splits a plain-text article into metadata, title and body.
func ParseText(s string) *Article {
	a := &Article{}
	lines := strings.Split(s, "\n")
	i := 0
	// Skip leading blank lines.
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	// Header block: "Key: value" lines and bylines.
	for ; i < len(lines); i++ {
		line := lines[i]
		if strings.TrimSpace(line) == "" {
			// A blank line inside the header is allowed only if more
			// metadata follows.
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
				j++
			}
			if j < len(lines) && (metaLine.MatchString(lines[j]) || byLine.MatchString(lines[j])) {
				i = j - 1
				continue
			}
			break
		}
		if m := metaLine.FindStringSubmatch(line); m != nil {
			applyMeta(a, strings.ToLower(m[1]), m[2])
			continue
		}
		if m := byLine.FindStringSubmatch(line); m != nil && len(strings.Fields(line)) <= 8 {
			continue // byline: author names are not articles' text
		}
		break
	}
	rest := lines[i:]
	// Title: a headline-like first line followed by a blank line.
	for len(rest) > 0 && strings.TrimSpace(rest[0]) == "" {
		rest = rest[1:]
	}
	if a.Title == "" && len(rest) >= 2 && strings.TrimSpace(rest[1]) == "" && looksLikeHeadline(rest[0]) {
		a.Title = strings.TrimSpace(rest[0])
		rest = rest[2:]
		// Metadata may also follow the title.
		for len(rest) > 0 {
			line := rest[0]
			if strings.TrimSpace(line) == "" {
				rest = rest[1:]
				continue
			}
			if m := metaLine.FindStringSubmatch(line); m != nil && strings.ToLower(m[1]) != "title" {
				applyMeta(a, strings.ToLower(m[1]), m[2])
				rest = rest[1:]
				continue
			}
			if byLine.MatchString(line) && len(strings.Fields(line)) <= 8 {
				rest = rest[1:]
				continue
			}
			break
		}
	}
	body := strings.Join(rest, "\n")
	if m := inlineMeta.FindStringSubmatchIndex(body); m != nil {
		title := ""
		if m[2] >= 0 {
			title = strings.TrimSpace(body[m[2]:m[3]])
		}
		if title == "" || looksLikeHeadline(title) {
			if a.Title == "" {
				a.Title = title
			}
			if a.Published == "" {
				a.Published = body[m[4]:m[5]]
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

func applyMeta(a *Article, key, val string) {
	val = strings.TrimSpace(val)
	switch key {
	case "date", "dated", "published", "publication date", "updated":
		if d := ParseDate(val); d != "" && (a.Published == "" || key != "updated") {
			a.Published = d
		}
	case "source", "publisher":
		a.Source = val
	case "url", "link":
		a.URL = val
	case "title", "headline":
		a.Title = val
	}
}

// looksLikeHeadline tells a title from a first paragraph: short, and either
// without sentence-final punctuation or written in title case.
func looksLikeHeadline(line string) bool {
	line = strings.TrimSpace(line)
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if !strings.ContainsRune(".!?:;\"”'’", last) {
		return true
	}
	capitalised, lower := 0, 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsUpper(r) {
			capitalised++
		} else if len(w) > 3 {
			lower++
		}
	}
	return capitalised >= 2 && capitalised > 2*lower
}

var dateLayouts = []string{
	"2006-01-02", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006/01/02",
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006",
	"January 2, 2006", "Jan 2, 2006", "January 2 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "Monday 2 January 2006", "02/01/2006", "01/02/2006", "2-Jan-2006",
}

// ParseDate reads a date in any common layout and returns it as
// YYYY-MM-DD, or "" when it is not a date.
func ParseDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	// A date at the start of a longer value: "2017-06-10 09:00 GMT".
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}
