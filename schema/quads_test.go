package schema

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func sampleExtraction() *Extraction {
	return &Extraction{
		ID: "a1", File: "a1.txt", Title: "Talks", Published: "2017-06-10", Source: "Example News",
		Entities: []Entity{
			{Name: "Jane Roe", Type: TypePerson, Aliases: []string{"Roe"}},
			{Name: "France", Type: TypeCountry, Aliases: []string{"Paris", "French"}},
			{Name: "Ministry of Foreign Affairs of France", Type: TypeOrganization, Aliases: []string{"French foreign ministry"}},
			{Name: "Test Treaty", Type: TypeAgreement},
			{Name: "Somewhere", Type: TypeLocation, Optional: true},
		},
		Statements: []Statement{
			{Speaker: "Jane Roe", Kind: KindDirect, Text: "France will sign the Test Treaty.", Mentions: []string{"France", "Test Treaty"}, Cue: "said", Act: "promise"},
			{Speaker: "Roe", Kind: KindIndirect, Text: "talks went well", Date: "2017-06-09"},
			{Speaker: "officials", Kind: KindIndirect, Text: "the deadline holds"},
		},
		Roles:     []Role{{Person: "Jane Roe", Title: "foreign minister", Country: "France", Org: "Ministry of Foreign Affairs of France"}},
		Relations: []Relation{{Subject: "Test Treaty", Predicate: RelParty, Object: "France"}, {Subject: "Test Treaty", Predicate: RelSigned, Object: "2015-07-14"}},
	}
}

func TestArticleQuadsLabelsAndShape(t *testing.T) {
	x := sampleExtraction()
	qs := ArticleQuads(x, LocalResolver)
	art := ArticleIRI("a1")
	has := map[string]bool{}
	used := map[quad.IRI]bool{}
	for _, q := range qs {
		if q.Label != art {
			t.Fatalf("quad %v has label %v, want the article IRI %v", q, q.Label, art)
		}
		has[q.Subject.String()+" "+q.Predicate.String()+" "+q.Object.String()] = true
		used[q.Predicate.(quad.IRI)] = true
		if o, ok := q.Object.(quad.IRI); ok && q.Predicate == Type {
			used[o] = true
		}
	}
	want := []string{
		"<https://newsgraph.dev/article/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/NewsArticle>",
		`<https://newsgraph.dev/article/a1> <http://schema.org/datePublished> "2017-06-10"`,
		"<https://newsgraph.dev/article/a1> <http://schema.org/publisher> <https://newsgraph.dev/organization/example-news>",
		"<https://newsgraph.dev/article/a1> <http://schema.org/mentions> <https://newsgraph.dev/person/jane-roe>",
		`<https://newsgraph.dev/person/jane-roe> <http://schema.org/alternateName> "Roe"`,
		"<https://newsgraph.dev/statement/a1/1> <https://newsgraph.dev/ns/speaker> <https://newsgraph.dev/person/jane-roe>",
		// The second statement names its speaker by alias.
		"<https://newsgraph.dev/statement/a1/2> <https://newsgraph.dev/ns/speaker> <https://newsgraph.dev/person/jane-roe>",
		`<https://newsgraph.dev/statement/a1/2> <https://newsgraph.dev/ns/date> "2017-06-09"`,
		`<https://newsgraph.dev/statement/a1/1> <https://newsgraph.dev/ns/date> "2017-06-10"`,
		"<https://newsgraph.dev/statement/a1/1> <http://schema.org/mentions> <https://newsgraph.dev/agreement/test-treaty>",
		"<https://newsgraph.dev/statement/a1/1> <http://schema.org/isPartOf> <https://newsgraph.dev/article/a1>",
		"<https://newsgraph.dev/person/jane-roe> <http://schema.org/affiliation> <https://newsgraph.dev/country/france>",
		`<https://newsgraph.dev/person/jane-roe> <http://schema.org/jobTitle> "foreign minister"`,
		"<https://newsgraph.dev/agreement/test-treaty> <https://newsgraph.dev/ns/party> <https://newsgraph.dev/country/france>",
		// A speaker the article does not name is an unnamed source of the
		// article, not a person.
		"<https://newsgraph.dev/statement/a1/3> <https://newsgraph.dev/ns/speaker> <https://newsgraph.dev/source/a1/officials>",
		"<https://newsgraph.dev/source/a1/officials> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://newsgraph.dev/ns/UnnamedSource>",
		`<https://newsgraph.dev/agreement/test-treaty> <https://newsgraph.dev/ns/signed> "2015-07-14"`,
	}
	for _, w := range want {
		if !has[w] {
			t.Errorf("missing quad %s", w)
		}
	}
	for s := range has {
		if strings.Contains(s, "person/officials") {
			t.Errorf("an unnamed source became a person: %s", s)
		}
		if strings.Contains(s, "somewhere") {
			t.Errorf("optional entity was written: %s", s)
		}
	}
	documented := map[quad.IRI]bool{}
	for _, term := range Vocabulary {
		documented[term.IRI] = true
	}
	for iri := range used {
		if !documented[iri] {
			t.Errorf("%s is used but not documented in Vocabulary", iri)
		}
	}
}

func TestArticleQuadsDeterministic(t *testing.T) {
	a := ArticleQuads(sampleExtraction(), LocalResolver)
	b := ArticleQuads(sampleExtraction(), LocalResolver)
	if len(a) != len(b) {
		t.Fatalf("lengths differ: %d vs %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("quad %d differs: %v vs %v", i, a[i], b[i])
		}
	}
}

func TestRecordJSONNulls(t *testing.T) {
	var buf bytes.Buffer
	err := WriteDocument(&buf, &Document{Articles: []Extraction{{File: "x.txt", Roles: []Role{{Person: "A", Title: "t"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, want := range []string{`"format": "kg-gold/1"`, `"source": null`, `"published": null`, `"entities": []`, `"statements": []`, `"org": null`, `"country": null`, `"relations": []`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %s:\n%s", want, s)
		}
	}
	// And back.
	d, err := ReadDocument(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	if d.Articles[0].Source != "" || d.Articles[0].Roles[0].Org != "" {
		t.Errorf("nulls did not read back as empty: %+v", d.Articles[0])
	}
	if _, err := ReadDocument(strings.NewReader(`{"format":"other/1","articles":[]}`)); err == nil {
		t.Errorf("a document of another format was accepted")
	}
}

func TestReadSeedsGold(t *testing.T) {
	d, err := ReadDocumentFile("../seeds/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Articles) != 2 || d.Graph == nil || len(d.Graph.SameEntity) != 3 {
		t.Fatalf("unexpected gold shape: %d articles, graph %+v", len(d.Articles), d.Graph)
	}
	if d.Articles[1].Published != "2017-06-10" || d.Articles[0].Published != "" {
		t.Errorf("published = %q, %q", d.Articles[0].Published, d.Articles[1].Published)
	}
	b, _ := json.Marshal(d.Articles[0].Roles[1])
	if !strings.Contains(string(b), `"org":null`) {
		t.Errorf("role with null org marshals as %s", b)
	}
}
