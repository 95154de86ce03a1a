package queries

import (
	"fmt"
	"math/rand"
	"strings"

	"newsgraph/schema"
)

// synthConfig sizes a synthetic news graph: a corpus of articles that
// mention entities drawn with a skewed (Zipf) popularity from fixed pools,
// as real news does (a few countries and leaders in most articles, a long
// tail of people named once).
type synthConfig struct {
	Articles      int
	Persons       int
	Countries     int
	Organizations int
	Agreements    int
	Seed          int64
}

// defaultSynth is about the size of BBC News plus Reuters-21578 (some
// 21,000 articles with a body) as a good extractor would see them.
var defaultSynth = synthConfig{Articles: 21000, Persons: 20000, Countries: 200, Organizations: 4000, Agreements: 300, Seed: 1}

var (
	synthFirst = []string{"Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ingrid", "Jamal",
		"Karim", "Lena", "Mohammed", "Nadia", "Omar", "Pierre", "Qasim", "Rosa", "Samir", "Tomas", "Ursula", "Viktor",
		"Wei", "Xavier", "Yusuf", "Zara"}
	synthSyll = []string{"ba", "ra", "mi", "ko", "lu", "sen", "dar", "vi", "qa", "gha", "tor", "el", "an", "zu",
		"ber", "sho", "ni", "ta", "kov", "ri", "mo", "hal", "de", "pe"}
	synthActs  = []string{"assert", "deny", "warn", "threaten", "demand", "promise", "criticize", "praise"}
	synthKinds = []string{schema.KindDirect, schema.KindIndirect, schema.KindMixed}
	synthWords = strings.Fields("the government said talks would continue next week despite growing pressure " +
		"over sanctions trade security nuclear program budget election reform economy border agreement " +
		"ministers officials rejected accused welcomed called for new measures against rising prices")
)

func synthName(r *rand.Rand, syll int) string {
	var b strings.Builder
	for i := 0; i < syll; i++ {
		b.WriteString(synthSyll[r.Intn(len(synthSyll))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// synthExtractions generates the extraction records of a synthetic corpus.
func synthExtractions(c synthConfig) []schema.Extraction {
	r := rand.New(rand.NewSource(c.Seed))
	uniq := func(n int, mk func(i int) string) []string {
		seen := map[string]bool{}
		out := make([]string, 0, n)
		for i := 0; len(out) < n; i++ {
			s := mk(i)
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		return out
	}
	persons := uniq(c.Persons, func(int) string {
		return synthFirst[r.Intn(len(synthFirst))] + " " + synthName(r, 2+r.Intn(2))
	})
	countries := uniq(c.Countries, func(int) string { return synthName(r, 2) + "ia" })
	orgs := uniq(c.Organizations, func(int) string {
		return synthName(r, 2+r.Intn(2)) + " " + []string{"Ministry", "Agency", "Party", "Bank", "Council"}[r.Intn(5)]
	})
	agreements := uniq(c.Agreements, func(i int) string { return fmt.Sprintf("%s Accord %d", synthName(r, 2), i) })
	zipf := func(n int) *rand.Zipf { return rand.NewZipf(r, 1.1, 4, uint64(n-1)) }
	zp, zc, zo, za := zipf(len(persons)), zipf(len(countries)), zipf(len(orgs)), zipf(len(agreements))
	publishers := []string{"Daily Planet", "Global Wire", "Evening Post", "Metro News", "World Report"}

	xs := make([]schema.Extraction, 0, c.Articles)
	for a := 0; a < c.Articles; a++ {
		x := schema.Extraction{
			ID:        fmt.Sprintf("synth-%06d", a),
			File:      fmt.Sprintf("synth-%06d.txt", a),
			Title:     "Article " + synthName(r, 3),
			Source:    publishers[r.Intn(len(publishers))],
			Published: fmt.Sprintf("%d-%02d-%02d", 2015+r.Intn(6), 1+r.Intn(12), 1+r.Intn(28)),
			Words:     200 + r.Intn(800),
		}
		seen := map[string]bool{}
		add := func(name, typ string) string {
			if !seen[name] {
				seen[name] = true
				x.Entities = append(x.Entities, schema.Entity{Name: name, Type: typ})
			}
			return name
		}
		var people, others []string
		for i := 0; i < 2+r.Intn(3); i++ {
			others = append(others, add(countries[zc.Uint64()], schema.TypeCountry))
		}
		for i := 0; i < 3+r.Intn(6); i++ {
			people = append(people, add(persons[zp.Uint64()], schema.TypePerson))
		}
		for i := 0; i < 1+r.Intn(3); i++ {
			others = append(others, add(orgs[zo.Uint64()], schema.TypeOrganization))
		}
		if r.Intn(3) == 0 {
			others = append(others, add(agreements[za.Uint64()], schema.TypeAgreement))
		}
		for i, p := range people {
			if i < 2 {
				x.Roles = append(x.Roles, schema.Role{Person: p, Title: []string{"minister", "president", "spokesman", "chief executive"}[r.Intn(4)], Country: others[0]})
			}
		}
		for i := 0; i < r.Intn(9); i++ {
			st := schema.Statement{
				Speaker: people[r.Intn(len(people))],
				Kind:    synthKinds[r.Intn(len(synthKinds))],
				Act:     synthActs[r.Intn(len(synthActs))],
				Cue:     "said",
			}
			var words []string
			for j := 0; j < 8+r.Intn(12); j++ {
				words = append(words, synthWords[r.Intn(len(synthWords))])
			}
			st.Text = strings.Join(words, " ") + "."
			all := append(append([]string{}, people...), others...)
			for j := 0; j < 1+r.Intn(3); j++ {
				if m := all[r.Intn(len(all))]; m != st.Speaker {
					st.Mentions = append(st.Mentions, m)
				}
			}
			x.Statements = append(x.Statements, st)
		}
		xs = append(xs, x)
	}
	return xs
}
