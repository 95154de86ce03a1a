package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"
)

// Normalize folds a name for comparison as FORMAT.md specifies: Unicode
// NFKC, lower case, curly quotes and apostrophes made straight, a leading
// "the" and a trailing "'s" dropped, runs of space and punctuation (other
// than inner hyphens and apostrophes) folded to one space.
func Normalize(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = straightQuotes.Replace(s)
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for i, r := range rs {
		keep := unicode.IsLetter(r) || unicode.IsDigit(r)
		if (r == '-' || r == '\'') && i > 0 && i < len(rs)-1 &&
			isWordRune(rs[i-1]) && isWordRune(rs[i+1]) {
			keep = true
		}
		if !keep {
			pendingSpace = true
			continue
		}
		if pendingSpace && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pendingSpace = false
		b.WriteRune(r)
	}
	out := b.String()
	out = strings.TrimPrefix(out, "the ")
	out = strings.TrimSuffix(out, "'s")
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

var straightQuotes = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'", "`", "'",
	"\u201c", "\"", "\u201d", "\"", "\u201e", "\"", "\u201f", "\"", "\u2033", "\"",
)

// Fold strips diacritics and lower-cases: "Rohaní" -> "rohani".
func Fold(s string) string {
	d := norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Slug makes the readable, deterministic last segment of a node IRI:
// "Bahram Ghassemi" -> "bahram-ghassemi", "Iran's foreign ministry" ->
// "irans-foreign-ministry", "P5+1" -> "p5-1".
func Slug(s string) string {
	s = Fold(straightQuotes.Replace(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r == '\'':
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// Non-Latin scripts are kept as they are; IRIs allow them.
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], "-")
		// Keep long slugs unique by their full text.
		out += "-" + ShortHash(s)[:8]
	}
	return out
}

// ShortHash is the first 16 hex digits of the SHA-256 of s.
func ShortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:8])
}

// typeSegment is the path segment of node IRIs of each entity type.
func typeSegment(t string) string {
	switch t {
	case TypePerson:
		return "person"
	case TypeCountry:
		return "country"
	case TypeOrganization:
		return "organization"
	case TypeAgreement:
		return "agreement"
	case TypeLocation:
		return "place"
	case TypeEvent:
		return "event"
	}
	return "thing"
}

// EntityIRI is the node IRI of an entity of type t with canonical name name.
func EntityIRI(t, name string) quad.IRI {
	slug := Slug(name)
	if slug == "" {
		slug = ShortHash(name)
	}
	return quad.IRI(Base + typeSegment(t) + "/" + slug)
}

// ArticleIRI is the node IRI of the article with the given stable id. Ids
// that make a short readable slug keep it; URLs and long ids are hashed.
func ArticleIRI(id string) quad.IRI {
	slug := Slug(id)
	if slug == "" || len(slug) > 64 || strings.Contains(id, "://") {
		slug = ShortHash(id)
	}
	return quad.IRI(Base + "article/" + slug)
}

// StatementIRI is the node IRI of the n-th statement (from 1) of an article.
func StatementIRI(article quad.IRI, n int) quad.IRI {
	return quad.IRI(Base + "statement/" + strings.TrimPrefix(string(article), Base+"article/") + "/" + strconv.Itoa(n))
}

// UnnamedSourceIRI is the node IRI of a speaker an article does not name
// ("officials"): scoped to the article, so that two articles' officials
// stay two nodes.
func UnnamedSourceIRI(article quad.IRI, words string) quad.IRI {
	slug := Slug(words)
	if slug == "" {
		slug = ShortHash(words)
	}
	return quad.IRI(Base + "source/" + strings.TrimPrefix(string(article), Base+"article/") + "/" + slug)
}

// IsUnnamedSource tells whether iri is the node of an unnamed source (see
// UnnamedSourceIRI).
func IsUnnamedSource(iri quad.IRI) bool { return strings.HasPrefix(string(iri), Base+"source/") }

// RoleIRI is the node IRI of the role a person holds: title at an
// organization or country (either may be empty).
func RoleIRI(person quad.IRI, title string, at quad.IRI) quad.IRI {
	p := string(person)
	p = p[strings.LastIndexByte(p, '/')+1:]
	s := Base + "role/" + p + "/" + Slug(title)
	if at != "" {
		a := string(at)
		s += "/" + a[strings.LastIndexByte(a, '/')+1:]
	}
	return quad.IRI(s)
}

// ArticleHash identifies an article's content: title and body.
func ArticleHash(title, body string) string {
	return ShortHash(title + "\x00" + body)
}

// PhoneticKey reduces one name word to a transliteration-tolerant key, so
// that spellings of one name in Latin script meet: Ghassemi, Qassemi and
// Ghasemi; Rouhani, Rohani and Rowhani; Gaddafi, Qaddafi and Kadhafi;
// Mohammed, Muhammad and Mohamed. The key keeps the first sound and the
// consonant skeleton; vowels (and w, y) are dropped and doubled consonants
// collapse.
func PhoneticKey(word string) string {
	w := Fold(word)
	var letters []rune
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			letters = append(letters, r)
		}
	}
	if len(letters) == 0 {
		return ""
	}
	s := string(letters)
	s = phoneticDigraphs.Replace(s)
	var b strings.Builder
	var last byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 'g', 'q', 'c':
			c = 'k'
		case 'z':
			c = 's'
		case 'v':
			c = 'f'
		}
		vowel := strings.IndexByte("aeiouwy", c) >= 0
		if i == 0 {
			if vowel {
				c = 'a'
			}
			b.WriteByte(c)
			last = c
			continue
		}
		if vowel || c == last {
			if vowel {
				last = 0
			}
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}

var phoneticDigraphs = strings.NewReplacer(
	"tch", "x", "sch", "x", "sh", "x", "ch", "x", "zh", "j", "dj", "j",
	"kh", "k", "gh", "g", "dh", "d", "th", "t", "ph", "f", "ck", "k",
	"ou", "u", "oo", "u", "ee", "i",
)

// TranslitForm spells one name word in a canonical Latin transliteration:
// folded to lower case without diacritics, the digraphs and letters that
// transliterations of one sound use in turn made one (gh/g/q/k/c -> k,
// kh -> k, dh -> d, th -> t, ph/v -> f, z -> s, sh/ch/tch/sch -> x), vowels
// reduced to three classes (a; e, i, y -> i; o, u, ou, ow, oo -> u) and
// doubled letters collapsed. Ghassemi, Qassemi and Ghasemi all become
// "kasimi"; Rouhani, Rohani and Rowhani "ruhani".
func TranslitForm(word string) string {
	w := Fold(word)
	var letters []byte
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			letters = append(letters, c)
		}
	}
	s := phoneticDigraphs.Replace(string(letters))
	s = strings.NewReplacer("ow", "u", "aw", "a", "ew", "u", "ai", "i", "ei", "i", "ay", "i", "ey", "i").Replace(s)
	var b strings.Builder
	var last byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 'g', 'q', 'c':
			c = 'k'
		case 'z':
			c = 's'
		case 'v':
			c = 'f'
		case 'e', 'y':
			c = 'i'
		case 'o':
			c = 'u'
		case 'w':
			if i > 0 {
				continue
			}
		}
		if c == last {
			continue
		}
		if c == 'h' && i > 0 && strings.IndexByte("aiu", last) >= 0 && i+1 < len(s) && strings.IndexByte("aeiouy", s[i+1]) < 0 {
			// A silent h between a vowel and a consonant (Mohd, Shahram).
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}

// SameNameVariant reports whether two name words are spellings of one name
// across transliterations: their TranslitForms are equal, or, for forms of
// six letters or more, one vowel apart (Mohamed and Muhammad). Story and
// Straw, or Clinton and Clayton, are not.
func SameNameVariant(a, b string) bool {
	fa, fb := TranslitForm(a), TranslitForm(b)
	if fa == "" || fb == "" {
		return false
	}
	if fa == fb {
		return true
	}
	if min(len(fa), len(fb)) < 6 {
		return false
	}
	return oneVowelApart(fa, fb)
}

// oneVowelApart reports whether a and b differ by exactly one vowel (or h):
// one replaced by another, or one inserted. Consonants must agree, so
// Clinton and Clayton stay apart.
func oneVowelApart(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	soft := func(c byte) bool { return strings.IndexByte("aiuh", c) >= 0 }
	if len(a) == len(b) {
		return i < len(a) && soft(a[i]) && soft(b[i]) && a[i+1:] == b[i+1:]
	}
	return soft(b[i]) && a[i:] == b[i+1:]
}
