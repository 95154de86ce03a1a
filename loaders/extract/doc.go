package extract

import (
	"strings"
	"time"
)

// Doc is one article under analysis: its text, tokens and sentences, and
// what the stages find in it. Stages run in order and each fills its part:
//
//	tokenize        Tokens
//	splitSentences  Sentences, Token.Sent
//	findEntities    Mentions, Entities, Roles, Relations, Source (entities.go and friends)
//	findStatements  Statements (statements.go and friends)
//	record          the schema.Extraction (record.go)
//
// Offsets in tokens are byte offsets into Text; RStart/REnd are the same
// positions in Unicode code points, which is what records carry.
type Doc struct {
	Text      string
	Title     string
	Published time.Time // zero when unknown
	Source    string    // publisher, from metadata or found in the text

	Tokens    []Token
	Sentences []Sentence

	Mentions   []Mention  // entity mentions, in text order once findEntities is done
	Entities   []*Entity  // one per real-world thing in the article
	Roles      []RoleFact // offices the article gives persons
	Relations  []Relation // agreement parties, signing dates
	Statements []*Statement

	// MentionOf maps each token to the index of the mention covering it,
	// -1 for none; filled at the end of findEntities (see MentionAt).
	MentionOf []int32
	// Noise marks tokens that are not article prose: editor codes,
	// "Read More:" blocks and the link titles after them, bylines,
	// datelines and agency credits. Neither entities nor statements come
	// from them. Filled by findEntities.
	Noise []bool

	capCount map[string]int32 // capitalised word -> occurrences (surnameElsewhere)
	names    nameIndex        // entity names for the statement stage (link.go)
	works    map[string]bool  // name keys of works' and bands' titles (workContext)
}

// TokenKind classifies tokens.
type TokenKind uint8

const (
	Word       TokenKind = iota // letters, possibly with inner ' - . (U.S., Jean-Yves, don't)
	Number                      // digits, possibly with inner , . (2,231 3.5 2015)
	Punct                       // any other single punctuation mark, or "..." / "--"
	QuoteOpen                   // an opening quotation mark: “ « „ and " or ‘ that open
	QuoteClose                  // a closing quotation mark: ” » and " or ’ that close
	QuoteAmbig                  // a straight " whose side the context does not tell
	Possessive                  // 's or ’s split off a word (Iran's -> Iran + 's)
	Symbol                      // currency and other symbols: $ € % & + /
)

func (k TokenKind) String() string {
	return [...]string{"word", "number", "punct", "quote-open", "quote-close", "quote", "possessive", "symbol"}[k]
}

// Token is one word, number or mark of the text.
type Token struct {
	Start, End   int    // byte offsets into Doc.Text
	RStart, REnd int    // the same in code points
	Text         string // Doc.Text[Start:End]
	Lower        string // lower-cased Text (words and possessives; == Text otherwise)
	Kind         TokenKind
	Cap          bool // starts with an upper-case letter
	Upper        bool // all letters upper-case, at least two of them (UN, NATO, JCPOA)
	SpaceBefore  bool // white space precedes the token
	LineBefore   bool // a line break precedes the token
	ParaBefore   bool // a blank line (paragraph break) precedes the token, or it is the first token
	Sent         int  // index of its sentence
	Para         int  // index of its paragraph
}

// IsQuote reports whether the token is a quotation mark of any side.
func (t *Token) IsQuote() bool {
	return t.Kind == QuoteOpen || t.Kind == QuoteClose || t.Kind == QuoteAmbig
}

// Sentence is a run of tokens [Start, End).
type Sentence struct {
	Start, End int // token indices
}

// MentionKind tells how a mention names its entity.
type MentionKind uint8

const (
	MentionName      MentionKind = iota // a proper name: "Bahram Ghassemi", "Iran", "JCPOA"
	MentionAlias                        // a later short form: surname, acronym, "Le Drian"
	MentionDemonym                      // an adjective or demonym: "Iranian", "French"
	MentionCapital                      // a capital standing for its government: "Tehran"
	MentionPronoun                      // he, she, they, it
	MentionRoleNoun                     // "the spokesman", "the minister"
	MentionReference                    // "the deal", "the nuclear agreement"
)

// Mention is a span of tokens that refers to an entity.
type Mention struct {
	Start, End int // token indices [Start, End)
	Entity     int // index into Doc.Entities, -1 when unresolved
	Kind       MentionKind
}

// Gender of a person, as far as the text tells (titles, pronouns).
type Gender uint8

const (
	GenderUnknown Gender = iota
	Male
	Female
)

// Entity is one Person, Country, Organization, Agreement (or other kind)
// the article names, with every name it goes by.
type Entity struct {
	Type     string // schema.TypePerson, ...
	Name     string // canonical: the fullest form; a country's short English name
	Aliases  []string
	Mentions []int // indices into Doc.Mentions
	Gender   Gender
	Country  string // for organizations and persons: the country they belong to, when known
	// Kind is an organization's kind (orgCompany, orgGov, ...; see
	// orgkinds.go), "" when unknown.
	Kind string
}

// RoleFact is an office the article gives a person.
type RoleFact struct {
	Person  int // entity index
	Title   string
	Org     int // entity index, -1 when none
	Country int // entity index, -1 when none
	Tok     int // token where the role is stated
	// CountryName is the country when the article does not name it as an
	// entity (a party's country), "" otherwise.
	CountryName string
}

// Relation links an entity to another entity or to a date.
type Relation struct {
	Subject   int    // entity index
	Predicate string // schema.RelParty, schema.RelSigned
	Object    int    // entity index, -1 for a date
	Date      string // YYYY-MM-DD for dates
}

// Statement is a claim the article attributes to a speaker.
type Statement struct {
	Speaker    int    // entity index
	Kind       string // schema.KindDirect, KindIndirect, KindMixed
	Start, End int    // byte offsets of the claim's text in Doc.Text
	Cue        string // the attribution verb or phrase as written ("said", "according to")
	Act        string // speech act
	Date       string // YYYY-MM-DD when the text dates it
	Sent       int    // sentence of the cue
	Rule       string // id of the rule that found it

	// CutStart, CutEnd is a byte range inside [Start, End) that is not
	// part of the claim: the attribution in its middle ("A," he said, "B").
	// Equal when there is none.
	CutStart, CutEnd int
	// SpeakerText is the speaker as written when it names no entity (an
	// unnamed source: "officials", "a senior diplomat"); Speaker is -1.
	SpeakerText string
}

// Claim returns the statement's text: the claim without an attribution
// cut out of its middle.
func (s *Statement) Claim(text string) string {
	c := strings.TrimSpace(text[s.Start:s.End])
	if s.CutEnd > s.CutStart && s.CutStart >= s.Start && s.CutEnd <= s.End {
		c = strings.TrimSpace(text[s.Start:s.CutStart]) + " " + strings.TrimSpace(text[s.CutEnd:s.End])
	}
	if strings.ContainsAny(c, "\n\r\t") {
		c = strings.Join(strings.Fields(c), " ") // hard-wrapped lines
	}
	return c
}

// Span returns the text of tokens [i, j), a line break or a run of
// spaces between them written as one space (names wrapped across lines).
func (d *Doc) Span(i, j int) string {
	if i >= j || i < 0 || j > len(d.Tokens) {
		return ""
	}
	s := d.Text[d.Tokens[i].Start:d.Tokens[j-1].End]
	for k := i + 1; k < j; k++ {
		if d.Tokens[k].LineBefore || d.Tokens[k].Start-d.Tokens[k-1].End > 1 || d.Tokens[k].SpaceBefore && d.Text[d.Tokens[k].Start-1] != ' ' {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// RuneOffset converts a byte offset of Text to a code-point offset, using
// the tokens as an index.
func (d *Doc) RuneOffset(b int) int {
	// Binary search for the last token starting at or before b.
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].Start <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return runeCount(d.Text[:b])
	}
	t := &d.Tokens[lo-1]
	if b >= t.End {
		return t.REnd + runeCount(d.Text[t.End:b])
	}
	return t.RStart + runeCount(d.Text[t.Start:b])
}

// TokenAt returns the index of the token containing byte offset b, or of
// the first token after it; len(Tokens) when none.
func (d *Doc) TokenAt(b int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// MentionAt returns the index of the mention covering token i, or -1.
func (d *Doc) MentionAt(i int) int {
	if len(d.MentionOf) == len(d.Tokens) && len(d.Tokens) > 0 {
		if i < 0 || i >= len(d.MentionOf) {
			return -1
		}
		return int(d.MentionOf[i])
	}
	for k := range d.Mentions {
		m := &d.Mentions[k]
		if m.Start <= i && i < m.End {
			return k
		}
	}
	return -1
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
