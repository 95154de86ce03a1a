package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"newsgraph/schema"
)

// corpus returns the directory of a corpus under ../shared/corpora (next
// to the repository), skipping the test when it is absent.
func corpus(tb testing.TB, name string) string {
	tb.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the test directory")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "corpora", name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("corpus %s not found at %s: skipping (it lives in ../shared/corpora, outside the repository)", name, p)
	}
	return p
}

// gazetteerType returns the type of the known entity the whole of name
// spells, "" when none.
func gazetteerType(dt *data, name string) (string, string) {
	toks := tokenize(name)
	if len(toks) == 0 {
		return "", ""
	}
	pi, end := dt.gaz.match(toks, 0)
	if pi < 0 || end != len(toks) {
		return "", ""
	}
	k := &dt.known[dt.gaz.phrases[pi].known]
	return k.typ, k.name
}

// TestCountriesCoverage checks the country gazetteer against the
// countries data set of ../shared/corpora (read here, never embedded):
// every UN member and independent state by its common name, and most
// official names, demonyms and capitals.
func TestCountriesCoverage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(corpus(t, "countries"), "countries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		Independent bool     `json:"independent"`
		UNMember    bool     `json:"unMember"`
		Capital     []string `json:"capital"`
		Demonyms    map[string]struct {
			M string `json:"m"`
		} `json:"demonyms"`
	}
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatal(err)
	}
	dt := loadData()
	var all, official, demonym, capital, states, statesOK, allOK, officialOK, demonymOK, capitalOK int
	for _, c := range cs {
		typ, _ := gazetteerType(dt, c.Name.Common)
		all++
		if typ == schema.TypeCountry || typ == schema.TypeLocation {
			allOK++
		}
		if !c.UNMember && !c.Independent {
			continue
		}
		states++
		if typ == schema.TypeCountry {
			statesOK++
		} else {
			t.Errorf("state %q is not a country in the gazetteer", c.Name.Common)
		}
		official++
		if typ, _ := gazetteerType(dt, c.Name.Official); typ == schema.TypeCountry {
			officialOK++
		} else {
			t.Logf("official name %q not found", c.Name.Official)
		}
		if dm := c.Demonyms["eng"].M; dm != "" {
			demonym++
			if typ, _ := gazetteerType(dt, dm); typ == schema.TypeCountry {
				demonymOK++
			} else {
				t.Logf("demonym %q (%s) not found", dm, c.Name.Common)
			}
		}
		if len(c.Capital) > 0 && c.UNMember {
			capital++
			if typ, _ := gazetteerType(dt, c.Capital[0]); typ == schema.TypeCountry {
				capitalOK++
			} else {
				t.Logf("capital %q (%s) not found", c.Capital[0], c.Name.Common)
			}
		}
	}
	t.Logf("states %d/%d, all entries %d/%d, official names %d/%d, demonyms %d/%d, capitals %d/%d",
		statesOK, states, allOK, all, officialOK, official, demonymOK, demonym, capitalOK, capital)
	if states < 190 {
		t.Fatalf("only %d states in the data set: wrong file?", states)
	}
	check := func(what string, ok, n int, min float64) {
		if float64(ok) < min*float64(n) {
			t.Errorf("%s: %d/%d covered, want at least %.0f%%", what, ok, n, min*100)
		}
	}
	check("all entries", allOK, all, 0.97)
	check("official names", officialOK, official, 0.90)
	check("demonyms", demonymOK, demonym, 0.85)
	check("capitals", capitalOK, capital, 0.90)
}

// TestGazetteerCase checks that acronyms match only as written and names
// only capitalised.
func TestGazetteerCase(t *testing.T) {
	dt := loadData()
	cases := []struct {
		text string
		want string
	}{
		{"US", "United States"}, {"us", ""}, {"U.S.", "United States"}, {"WHO", "World Health Organization"},
		{"who", ""}, {"Who", ""}, {"iran", ""}, {"Iran", "Iran"}, {"Iranian", "Iran"}, {"People’s Republic of China", "China"},
		{"Nato", "North Atlantic Treaty Organization"}, {"Tehran", "Iran"},
	}
	for _, c := range cases {
		_, got := gazetteerType(dt, c.text)
		if got != c.want {
			t.Errorf("gazetteer(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
