package schema

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// FormatID is the value of the "format" field of every extraction or gold
// document (see ../shared/eval/FORMAT.md).
const FormatID = "kg-gold/1"

// Entity kinds scored by evaluation. Other kinds (Location, Event, ...) may
// appear in records and are carried through, but are not scored.
const (
	TypePerson       = "Person"
	TypeCountry      = "Country"
	TypeOrganization = "Organization"
	TypeAgreement    = "Agreement"
	TypeLocation     = "Location"
	TypeEvent        = "Event"
)

// ScoredTypes lists the entity types evaluation scores, in report order.
var ScoredTypes = []string{TypePerson, TypeCountry, TypeOrganization, TypeAgreement}

// Statement kinds.
const (
	KindDirect   = "direct"
	KindIndirect = "indirect"
	KindMixed    = "mixed"
)

// Relation predicates (v1).
const (
	RelParty  = "party"
	RelSigned = "signed"
)

// Document is a kg-gold/1 file: the extraction records (or gold annotations)
// of a set of articles and facts about the graph they make together.
type Document struct {
	Format   string       `json:"format"`
	Note     string       `json:"note,omitempty"`
	Articles []Extraction `json:"articles"`
	Graph    *GraphFacts  `json:"graph,omitempty"`
}

// GraphFacts holds facts about the graph built from all articles of a
// document; same_entity pairs must resolve to one node.
type GraphFacts struct {
	Note       string      `json:"note,omitempty"`
	SameEntity [][2]string `json:"same_entity"`
}

// Extraction is what the extractor found in one article, or what a person
// annotated by hand as the truth for it. The JSON shape is kg-gold/1; the
// fields after NotEntities are extensions that gold files leave out.
type Extraction struct {
	File        string      `json:"file"`
	Source      string      `json:"source"`    // publisher; "" is written as null
	Published   string      `json:"published"` // YYYY-MM-DD; "" is written as null
	Entities    []Entity    `json:"entities"`
	Statements  []Statement `json:"statements"`
	Roles       []Role      `json:"roles"`
	Relations   []Relation  `json:"relations"`
	NotEntities []string    `json:"not_entities,omitempty"`

	// Extensions, not part of the gold format.
	ID    string `json:"id,omitempty"`    // stable article id
	Title string `json:"title,omitempty"` // headline
	URL   string `json:"url,omitempty"`   // canonical URL when known
	Hash  string `json:"hash,omitempty"`  // content hash of title and body
	Words int    `json:"words,omitempty"` // body length in words
}

// Entity is a Person, Country, Organization or Agreement named in an article.
type Entity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Optional bool     `json:"optional,omitempty"`
	// Mentions are the spans of the text that name the entity, in Unicode
	// code points of the article body.
	Mentions []Span `json:"mentions,omitempty"`
}

// Span is a half-open range [Start, End) of Unicode code points.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Statement is a claim an article attributes to a speaker.
type Statement struct {
	Speaker    string   `json:"speaker"`
	SpeakerAny []string `json:"speaker_any,omitempty"`
	Kind       string   `json:"kind"`
	Text       string   `json:"text"`
	Mentions   []string `json:"mentions"`
	Optional   bool     `json:"optional,omitempty"`

	// Extensions.
	Cue      string `json:"cue,omitempty"`      // the attribution verb or phrase ("said", "according to")
	Act      string `json:"act,omitempty"`      // speech act, see Acts
	Date     string `json:"date,omitempty"`     // YYYY-MM-DD when the text dates it
	Span     *Span  `json:"span,omitempty"`     // the claim's text in the body
	Sentence int    `json:"sentence,omitempty"` // index of the first sentence (0-based)
	Rule     string `json:"rule,omitempty"`     // id of the rule that found it
}

// Role is an office or function an article gives a person.
type Role struct {
	Person   string `json:"person"`
	Title    string `json:"title"`
	Org      string `json:"org"`     // "" is written as null
	Country  string `json:"country"` // "" is written as null
	Optional bool   `json:"optional,omitempty"`
}

// Relation is a typed link between two entities, or an entity and a date.
type Relation struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Optional  bool   `json:"optional,omitempty"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func fromNullable(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// MarshalJSON writes empty source and published as null and empty lists as [].
func (e Extraction) MarshalJSON() ([]byte, error) {
	type plain Extraction
	p := plain(e)
	if p.Entities == nil {
		p.Entities = []Entity{}
	}
	if p.Statements == nil {
		p.Statements = []Statement{}
	}
	if p.Roles == nil {
		p.Roles = []Role{}
	}
	if p.Relations == nil {
		p.Relations = []Relation{}
	}
	return json.Marshal(struct {
		plain
		Source    *string `json:"source"`
		Published *string `json:"published"`
	}{p, nullable(e.Source), nullable(e.Published)})
}

// UnmarshalJSON accepts null source and published.
func (e *Extraction) UnmarshalJSON(b []byte) error {
	type plain Extraction
	var v struct {
		plain
		Source    *string `json:"source"`
		Published *string `json:"published"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*e = Extraction(v.plain)
	e.Source = fromNullable(v.Source)
	e.Published = fromNullable(v.Published)
	return nil
}

// MarshalJSON writes empty aliases as [].
func (e Entity) MarshalJSON() ([]byte, error) {
	type plain Entity
	p := plain(e)
	if p.Aliases == nil {
		p.Aliases = []string{}
	}
	return json.Marshal(p)
}

// MarshalJSON writes empty mentions as [].
func (s Statement) MarshalJSON() ([]byte, error) {
	type plain Statement
	p := plain(s)
	if p.Mentions == nil {
		p.Mentions = []string{}
	}
	return json.Marshal(p)
}

// MarshalJSON writes empty org and country as null.
func (r Role) MarshalJSON() ([]byte, error) {
	type plain Role
	return json.Marshal(struct {
		plain
		Org     *string `json:"org"`
		Country *string `json:"country"`
	}{plain(r), nullable(r.Org), nullable(r.Country)})
}

// UnmarshalJSON accepts null org and country.
func (r *Role) UnmarshalJSON(b []byte) error {
	type plain Role
	var v struct {
		plain
		Org     *string `json:"org"`
		Country *string `json:"country"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = Role(v.plain)
	r.Org = fromNullable(v.Org)
	r.Country = fromNullable(v.Country)
	return nil
}

// ReadDocument decodes a kg-gold/1 document and checks its format tag.
func ReadDocument(r io.Reader) (*Document, error) {
	var d Document
	dec := json.NewDecoder(r)
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("decode %s document: %w", FormatID, err)
	}
	if d.Format != FormatID {
		return nil, fmt.Errorf("format is %q, want %q", d.Format, FormatID)
	}
	return &d, nil
}

// ReadDocumentFile reads a kg-gold/1 document from a file.
func ReadDocumentFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := ReadDocument(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// WriteDocument encodes a document as indented JSON.
func WriteDocument(w io.Writer, d *Document) error {
	if d.Format == "" {
		d.Format = FormatID
	}
	if d.Articles == nil {
		d.Articles = []Extraction{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}
