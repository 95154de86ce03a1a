package schema

import (
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
)

// Namespaces. Nodes and vocabulary are stored as full IRIs.
const (
	// Base is the namespace of node IRIs: Base + "person/bahram-ghassemi".
	Base = "https://newsgraph.dev/"
	// NS is the project vocabulary, for terms schema.org does not have.
	NS = "https://newsgraph.dev/ns/"
	// SchemaNS is schema.org.
	SchemaNS = "http://schema.org/"
	// RDFNS is the RDF vocabulary (for rdf:type).
	RDFNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

func init() {
	voc.RegisterPrefix("ng:", NS)
	voc.RegisterPrefix("ngid:", Base)
}

// Term is one documented vocabulary entry.
type Term struct {
	IRI  quad.IRI
	Kind string // "type" or "predicate"
	Doc  string
}

// Types.
var (
	NewsArticle  = quad.IRI(SchemaNS + "NewsArticle")
	Person       = quad.IRI(SchemaNS + "Person")
	Country      = quad.IRI(SchemaNS + "Country")
	Organization = quad.IRI(SchemaNS + "Organization")
	Place        = quad.IRI(SchemaNS + "Place")
	Event        = quad.IRI(SchemaNS + "Event")
	RoleType     = quad.IRI(SchemaNS + "Role")
	Agreement    = quad.IRI(NS + "Agreement")
	StatementT   = quad.IRI(NS + "Statement")
	// UnnamedSource is a speaker the article does not name ("officials").
	UnnamedSource = quad.IRI(NS + "UnnamedSource")
	EntityOther   = quad.IRI(SchemaNS + "Thing")
)

// Predicates.
var (
	Type          = quad.IRI(RDFNS + "type")
	Name          = quad.IRI(SchemaNS + "name")
	AlternateName = quad.IRI(SchemaNS + "alternateName")
	Headline      = quad.IRI(SchemaNS + "headline")
	DatePublished = quad.IRI(SchemaNS + "datePublished")
	Publisher     = quad.IRI(SchemaNS + "publisher")
	URL           = quad.IRI(SchemaNS + "url")
	Identifier    = quad.IRI(SchemaNS + "identifier")
	Mentions      = quad.IRI(SchemaNS + "mentions")
	IsPartOf      = quad.IRI(SchemaNS + "isPartOf")
	JobTitle      = quad.IRI(SchemaNS + "jobTitle")
	Affiliation   = quad.IRI(SchemaNS + "affiliation")
	RoleName      = quad.IRI(SchemaNS + "roleName")
	WordCount     = quad.IRI(SchemaNS + "wordCount")

	File        = quad.IRI(NS + "file")
	ContentHash = quad.IRI(NS + "contentHash")
	Speaker     = quad.IRI(NS + "speaker")
	Text        = quad.IRI(NS + "text")
	Kind        = quad.IRI(NS + "kind")
	Cue         = quad.IRI(NS + "cue")
	Act         = quad.IRI(NS + "act")
	Date        = quad.IRI(NS + "date")
	HasRole     = quad.IRI(NS + "role")
	RoleOrg     = quad.IRI(NS + "roleOrganization")
	RoleCountry = quad.IRI(NS + "roleCountry")
	Party       = quad.IRI(NS + "party")
	Signed      = quad.IRI(NS + "signed")
)

// Vocabulary documents every type and predicate the graph uses, one line
// each. README.md's vocabulary table is generated from it (see
// TestVocabularyDocumented).
var Vocabulary = []Term{
	{NewsArticle, "type", "a news article; its IRI labels every quad that came from it"},
	{Person, "type", "a person named in an article"},
	{Country, "type", "a country (or its government, when named by its capital)"},
	{Organization, "type", "an organization: international body, ministry, agency, party, company, publisher"},
	{Agreement, "type", "a treaty, accord, deal, convention or UN resolution"},
	{StatementT, "type", "a claim an article attributes to a speaker (direct quote, reported or mixed speech)"},
	{RoleType, "type", "an office a person holds: title, organization, country"},
	{UnnamedSource, "type", "a speaker the article does not name (\"officials\", an unresolved \"he\"); one per article, never merged, not an entity"},
	{Place, "type", "a location that is not a country (not scored)"},
	{Event, "type", "a named event (not scored)"},
	{Type, "predicate", "the node's type (the classes above)"},
	{Name, "predicate", "the name an article gives the entity (its fullest form there); where articles differ, the fullest is shown"},
	{AlternateName, "predicate", "every other name the entity goes by (alias, acronym, transliteration)"},
	{Headline, "predicate", "article -> its title"},
	{DatePublished, "predicate", "article -> publication date (YYYY-MM-DD)"},
	{Publisher, "predicate", "article -> the organization that published it"},
	{URL, "predicate", "article -> its URL when known"},
	{Identifier, "predicate", "article -> its stable id (given id, URL, file name or content hash)"},
	{WordCount, "predicate", "article -> number of words in its body"},
	{File, "predicate", "article -> base name of the file it was read from"},
	{ContentHash, "predicate", "article -> hash of its title and body; unchanged articles are not rewritten"},
	{Mentions, "predicate", "article or statement -> an entity it names"},
	{IsPartOf, "predicate", "statement or unnamed source -> the article it appears in"},
	{Speaker, "predicate", "statement -> the entity that made it (person, organization or country)"},
	{Text, "predicate", "statement -> its words, without the attribution"},
	{Kind, "predicate", "statement -> direct, indirect or mixed"},
	{Cue, "predicate", "statement -> the attribution verb (said, warned, according to)"},
	{Act, "predicate", "statement -> its speech act (assert, deny, threaten, warn, demand, ...)"},
	{Date, "predicate", "statement -> the date it was made, when the article says (YYYY-MM-DD)"},
	{JobTitle, "predicate", "person -> a title the person holds (spokesman, foreign minister)"},
	{Affiliation, "predicate", "person -> organization or country of an office the person holds"},
	{HasRole, "predicate", "person -> a role node"},
	{RoleName, "predicate", "role -> its title"},
	{RoleOrg, "predicate", "role -> the organization of the office"},
	{RoleCountry, "predicate", "role -> the country of the office"},
	{Party, "predicate", "agreement -> a party to it"},
	{Signed, "predicate", "agreement -> the date it was signed (YYYY-MM-DD)"},
}

// TypeIRI maps an entity type name (Person, Country, ...) to its class IRI.
func TypeIRI(t string) quad.IRI {
	switch t {
	case TypePerson:
		return Person
	case TypeCountry:
		return Country
	case TypeOrganization:
		return Organization
	case TypeAgreement:
		return Agreement
	case TypeLocation:
		return Place
	case TypeEvent:
		return Event
	}
	return EntityOther
}

// TypeName maps a class IRI back to the entity type name; "" for classes
// that are not entity types (articles, statements, roles).
func TypeName(iri quad.IRI) string {
	switch iri {
	case Person:
		return TypePerson
	case Country:
		return TypeCountry
	case Organization:
		return TypeOrganization
	case Agreement:
		return TypeAgreement
	case Place:
		return TypeLocation
	case Event:
		return TypeEvent
	case EntityOther:
		return "Thing"
	case UnnamedSource:
		return "UnnamedSource"
	}
	return ""
}

// EntityTypes lists the class IRIs of entity nodes.
var EntityTypes = []quad.IRI{Person, Country, Organization, Agreement, Place, Event, EntityOther}
