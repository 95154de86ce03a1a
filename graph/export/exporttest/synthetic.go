package exporttest

import (
	"fmt"
	"math/rand"
	"strings"

	"newsgraph/schema"
)

// Synthetic makes n extraction records shaped like a year of wire news:
// about ten entities an article drawn with a heavy tail from a pool that
// grows with n (a few names in most articles, most names in few), four
// statements with one or two mentions each, one or two roles, now and then
// an agreement with parties, and dates over two years. Names are made of
// random syllables, so they name no one. The same n and seed give the same
// records.
func Synthetic(n int, seed int64) []schema.Extraction {
	r := rand.New(rand.NewSource(seed))
	pool := max(200, n) // distinct entities
	types := []string{schema.TypePerson, schema.TypePerson, schema.TypePerson, schema.TypeOrganization, schema.TypeOrganization, schema.TypeCountry, schema.TypeLocation}
	names := make([]string, pool)
	kinds := make([]string, pool)
	seen := map[string]bool{}
	for i := range names {
		t := types[i%len(types)]
		if i%97 == 0 {
			t = schema.TypeAgreement
		}
		var name string
		for name == "" || seen[schema.Normalize(name)] {
			switch t {
			case schema.TypePerson:
				name = word(r, 2) + " " + word(r, 3)
			case schema.TypeOrganization:
				name = word(r, 3) + " " + []string{"Ministry", "Bank", "Party", "Council", "Agency", "Group"}[r.Intn(6)]
			case schema.TypeAgreement:
				name = word(r, 2) + " " + []string{"Accord", "Treaty", "Agreement", "Protocol"}[r.Intn(4)]
			default:
				name = word(r, 3)
			}
		}
		seen[schema.Normalize(name)] = true
		names[i], kinds[i] = name, t
	}
	kindOf := make(map[string]string, pool)
	for i, name := range names {
		kindOf[name] = kinds[i]
	}
	zipf := rand.NewZipf(r, 1.2, 4, uint64(pool-1))
	verbs := []string{"said", "warned", "told reporters", "according to", "denied", "added"}
	out := make([]schema.Extraction, n)
	for a := range out {
		x := &out[a]
		x.ID = fmt.Sprintf("syn-%06d", a)
		x.File = x.ID + ".txt"
		x.Title = strings.ToUpper(word(r, 1)[:1]) + word(r, 3)[1:] + " " + word(r, 2) + " talks"
		x.Published = fmt.Sprintf("%d-%02d-%02d", 2004+r.Intn(2), 1+r.Intn(12), 1+r.Intn(28))
		x.Source = []string{"Wire Service", "Daily Herald", "Evening Post"}[r.Intn(3)]
		x.Words = 200 + r.Intn(600)
		x.Hash = fmt.Sprintf("%016x", r.Uint64())
		picked := map[int]bool{}
		var persons, others []string
		for len(picked) < 6+r.Intn(8) {
			i := int(zipf.Uint64())
			if picked[i] {
				continue
			}
			picked[i] = true
			e := schema.Entity{Name: names[i], Type: kinds[i]}
			if r.Intn(3) == 0 {
				e.Aliases = []string{strings.Fields(names[i])[len(strings.Fields(names[i]))-1]}
			}
			x.Entities = append(x.Entities, e)
			if kinds[i] == schema.TypePerson {
				persons = append(persons, names[i])
			} else {
				others = append(others, names[i])
			}
		}
		all := append(append([]string{}, persons...), others...)
		for s := 0; s < 2+r.Intn(5) && len(persons) > 0; s++ {
			st := schema.Statement{
				Speaker: persons[r.Intn(len(persons))],
				Kind:    []string{schema.KindDirect, schema.KindIndirect, schema.KindMixed}[r.Intn(3)],
				Cue:     verbs[r.Intn(len(verbs))],
			}
			for m := 0; m < 1+r.Intn(2); m++ {
				st.Mentions = append(st.Mentions, all[r.Intn(len(all))])
			}
			st.Text = fmt.Sprintf("%s %s will %s the %s %s by %s.", word(r, 2), word(r, 3), word(r, 2), word(r, 3), word(r, 2), word(r, 2))
			x.Statements = append(x.Statements, st)
		}
		for i := 0; i < len(persons) && i < 2 && len(others) > 0; i++ {
			ro := schema.Role{Person: persons[i], Title: []string{"minister", "spokesman", "chairman", "president"}[r.Intn(4)]}
			at := others[r.Intn(len(others))]
			if kindOf[at] == schema.TypeCountry {
				ro.Country = at
			} else {
				ro.Org = at
			}
			x.Roles = append(x.Roles, ro)
		}
		for _, o := range others {
			if kindOf[o] == schema.TypeAgreement {
				for _, p := range others {
					if kindOf[p] == schema.TypeCountry {
						x.Relations = append(x.Relations, schema.Relation{Subject: o, Predicate: schema.RelParty, Object: p})
					}
				}
			}
		}
	}
	return out
}

var syllables = strings.Fields("ka lo mi ran tes vu bor del fa gin hol jur kes lam nor pev qui ros sul tam ur vel wen xo yar zed an ber cor dun")

func word(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syllables[r.Intn(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}
