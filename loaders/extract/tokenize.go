package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations keep their final period ("Mr.", "Gen.", "Jan."): it is part
// of the word and ends no sentence. Lower-case, without the period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "cmdr": true, "adm": true,
	"maj": true, "sgt": true, "st": true, "rev": true, "hon": true, "pres": true, "supt": true,
	"jr": true, "sr": true, "co": true, "corp": true, "inc": true, "ltd": true, "bros": true,
	"no": true, "vs": true, "etc": true, "approx": true, "dept": true, "est": true, "fig": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mt": true, "ft": true, "ave": true, "blvd": true, "gens": true, "sens": true, "reps": true,
}

// titleAbbreviations never end a sentence: a name follows them.
var titleAbbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "cmdr": true, "adm": true,
	"maj": true, "sgt": true, "st": true, "rev": true, "hon": true, "pres": true, "supt": true,
	"no": true, "mt": true, "gens": true, "sens": true, "reps": true,
}

// tokenize splits the text into tokens. It never fails and keeps every
// non-space character in some token.
func tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5)
	i, r := 0, 0 // byte and rune positions
	space, line, para := false, false, true
	newlines := 0
	emit := func(start, end, rstart, rend int, kind TokenKind) {
		t := Token{Start: start, End: end, RStart: rstart, REnd: rend, Text: text[start:end], Kind: kind,
			SpaceBefore: space, LineBefore: line, ParaBefore: para}
		t.Lower = t.Text
		if kind == Word || kind == Possessive {
			first, _ := utf8.DecodeRuneInString(t.Text)
			t.Cap = unicode.IsUpper(first)
			if t.Cap || hasUpper(t.Text) {
				t.Lower = strings.ToLower(t.Text)
				t.Upper = isAllUpper(t.Text)
			}
			if !t.Cap && kind == Word && particleName(t.Text) {
				t.Cap = true // "al-Jibouri", "el-Baradei": a name
			}
		}
		toks = append(toks, t)
		space, line, para = false, false, false
		newlines = 0
	}
	for i < len(text) {
		c, size := rune(text[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case c == '\n':
			space, line = true, true
			newlines++
			if newlines >= 2 {
				para = true
			}
			i++
			r++
			continue
		case unicode.IsSpace(c) || c == '\u200b' || c == '\ufeff':
			space = true
			i += size
			r++
			continue
		}
		start, rstart := i, r
		switch {
		case isLetter(c) || isDigit(c):
			end, rend, kind := scanWord(text, i, r)
			// Split a possessive 's / ’s off the word.
			if kind == Word {
				if pe, ok := possessiveAt(text, start, end); ok {
					emit(start, pe, rstart, rend-2, Word)
					emit(pe, end, rend-2, rend, Possessive)
					i, r = end, rend
					continue
				}
			}
			emit(start, end, rstart, rend, kind)
			i, r = end, rend
		case c == '.' && strings.HasPrefix(text[i:], "..."):
			emit(i, i+3, r, r+3, Punct)
			i += 3
			r += 3
		case c == '…':
			emit(i, i+size, r, r+1, Punct)
			i += size
			r++
		case c == '-' && strings.HasPrefix(text[i:], "--"):
			emit(i, i+2, r, r+2, Punct)
			i += 2
			r += 2
		case (c == '\'' || c == '`') && i+1 < len(text) && text[i+1] == text[i]:
			// Two single marks ('' or ``) stand for a double quote, as
			// in typewritten and some wire copy.
			kind := quoteKind(text, i, 2, '"')
			if c == '`' {
				kind = QuoteOpen
			}
			emit(i, i+2, r, r+2, kind)
			i += 2
			r += 2
		case isQuoteRune(c):
			kind := quoteKind(text, i, size, c)
			if kind == Punct {
				// An apostrophe standing alone ('90s, states') is punctuation.
				emit(i, i+size, r, r+1, Punct)
			} else {
				emit(i, i+size, r, r+1, kind)
			}
			i += size
			r++
		case unicode.IsPunct(c):
			emit(i, i+size, r, r+1, Punct)
			i += size
			r++
		default:
			emit(i, i+size, r, r+1, Symbol)
			i += size
			r++
		}
	}
	return toks
}

func isLetter(c rune) bool {
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return unicode.IsLetter(c) || unicode.Is(unicode.Mn, c)
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

func hasUpper(s string) bool {
	for _, c := range s {
		if unicode.IsUpper(c) {
			return true
		}
	}
	return false
}

func isAllUpper(s string) bool {
	n := 0
	for _, c := range s {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsUpper(c) {
			n++
		}
	}
	return n >= 2
}

// scanWord reads a word or number starting at byte i (rune r): letters and
// digits joined by inner hyphens, apostrophes, periods (U.S., e.g.) and,
// in numbers, commas and periods between digits. A final period is kept
// for abbreviations and initials.
func scanWord(text string, i, r int) (end, rend int, kind TokenKind) {
	start := i
	kind = Number
	dotted := false // letters separated by periods: U.S., U.N.
	for i < len(text) {
		c, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isLetter(c):
			kind = Word
		case isDigit(c):
		case (c == '-' || c == '\'' || c == '’' || c == '‑') && i > start:
			// Inner hyphen or apostrophe: a letter or digit must follow.
			n, _ := utf8.DecodeRuneInString(text[i+size:])
			if !(isLetter(n) || isDigit(n)) {
				return i, r, kind
			}
			if (c == '\'' || c == '’') && isPossessiveSuffix(text[i+size:]) {
				// Leave 's for the possessive split.
				i += size
				r++
				i++
				r++
				return i, r, kind
			}
		case c == '"' && i > start && kind == Word && isPossessiveSuffix(text[i+1:]):
			// Wire copy that types the apostrophe as a double quote:
			// Kuwait"s.
			return i + 2, r + 2, kind
		case (c == ',' || c == '.') && i > start:
			n, _ := utf8.DecodeRuneInString(text[i+1:])
			p, _ := utf8.DecodeLastRuneInString(text[:i])
			if isDigit(p) && isDigit(n) {
				break // 2,231 or 3.5
			}
			if c == '.' && isLetter(p) && isLetter(n) && wordLen(text[start:i]) <= 2 {
				dotted = true // U.S
				break
			}
			if c == '.' && (dotted || keepsPeriod(text[start:i])) {
				return i + 1, r + 1, Word
			}
			return i, r, kind
		default:
			return i, r, kind
		}
		i += size
		r++
	}
	return i, r, kind
}

// wordLen counts the letters of the last part of s separated by a dot or
// a hyphen ("N" in "D-N" of the party tag "D-N.Y.").
func wordLen(s string) int {
	if k := strings.LastIndexAny(s, ".-"); k >= 0 {
		s = s[k+1:]
	}
	return utf8.RuneCountInString(s)
}

// keepsPeriod tells whether a word takes the period after it: known
// abbreviations and single capital initials.
func keepsPeriod(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		c, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(c)
	}
	return abbreviations[strings.ToLower(w)]
}

func isPossessiveSuffix(rest string) bool {
	if len(rest) == 0 || (rest[0] != 's' && rest[0] != 'S') {
		return false
	}
	n, _ := utf8.DecodeRuneInString(rest[1:])
	return len(rest) == 1 || !(isLetter(n) || isDigit(n))
}

// possessiveAt reports whether the word text[start:end] ends in 's or ’s,
// and where that suffix begins.
func possessiveAt(text string, start, end int) (int, bool) {
	w := text[start:end]
	switch {
	case len(w) > 3 && strings.HasSuffix(w, "’s"), len(w) > 3 && strings.HasSuffix(w, "’S"):
		return end - len("’s"), true
	case len(w) > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S") || strings.HasSuffix(w, "\"s")):
		return end - 2, true
	}
	return 0, false
}

func isQuoteRune(c rune) bool {
	switch c {
	case '"', '“', '”', '„', '«', '»', '‘', '’', '\'', '‚', '‹', '›', '‟':
		return true
	}
	return false
}

// quoteKind decides which side a quotation mark is on. Curly and guillemet
// marks say it themselves; straight and single marks are judged by the
// characters around them. Single marks between letters are apostrophes and
// never reach here (scanWord keeps them).
func quoteKind(text string, i, size int, c rune) TokenKind {
	switch c {
	case '“', '„', '«', '‟':
		return QuoteOpen
	case '”', '»':
		return QuoteClose
	case '‹':
		return QuoteOpen
	case '›':
		return QuoteClose
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	before := i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev) || isQuoteRune(prev)
	after := i+size >= len(text) || unicode.IsSpace(next) || (unicode.IsPunct(next) && !isQuoteRune(next) && next != '(' && next != '[') || isQuoteRune(next)
	switch c {
	case '‘', '‚':
		if before && !after {
			return QuoteOpen
		}
		return Punct
	case '’', '\'':
		switch {
		case before && !after && c == '\'':
			return QuoteOpen
		case after && !before:
			// A closing single quote, or a plural possessive (states').
			return QuoteClose
		}
		return Punct
	}
	// Straight double quote.
	switch {
	case before && !after:
		return QuoteOpen
	case after && !before:
		return QuoteClose
	}
	return QuoteAmbig
}

// particleName tells whether a lower-case word is a name particle joined
// by a hyphen to a capitalised name: "al-Jibouri", "bin-Laden".
func particleName(w string) bool {
	k := strings.IndexByte(w, '-')
	if k < 2 || k > 3 || k+1 >= len(w) {
		return false
	}
	switch w[:k] {
	case "al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "bin", "ibn", "abu", "abd", "ul", "ud", "ben", "bou":
		c, _ := utf8.DecodeRuneInString(w[k+1:])
		return unicode.IsUpper(c)
	}
	return false
}
