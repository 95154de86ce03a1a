package schema

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Bahram Ghassemi", "bahram ghassemi"},
		{"  The  United   States ", "united states"},
		{"Iran's", "iran"},
		{"Iran’s foreign ministry", "iran's foreign ministry"},
		{"UN Security Council Resolution 2231", "un security council resolution 2231"},
		{"Jean-Yves Le Drian", "jean-yves le drian"},
		{"U.S.", "u s"},
		{"“Quoted”", "quoted"},
		{"Theodore", "theodore"},
		{"P5+1", "p5 1"},
		{"-leading and trailing-", "leading and trailing"},
		{"ﬁle", "file"}, // NFKC
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSlug(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Bahram Ghassemi", "bahram-ghassemi"},
		{"Iran's foreign ministry", "irans-foreign-ministry"},
		{"Jean-Yves Le Drian", "jean-yves-le-drian"},
		{"Hassan Rohaní", "hassan-rohani"},
		{"P5+1", "p5-1"},
		{"  ", ""},
	}
	for _, c := range cases {
		if got := Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := strings.Repeat("word ", 40)
	if s := Slug(long); len(s) > 90 || Slug(long) != s {
		t.Errorf("long slug %q is not bounded or not deterministic", s)
	}
	if Slug(long+"a") == Slug(long+"b") {
		t.Errorf("long slugs of different names collide")
	}
}

func TestPhoneticKeyTransliterations(t *testing.T) {
	same := [][]string{
		{"Ghassemi", "Qassemi", "Ghasemi"},
		{"Rouhani", "Rohani", "Rowhani"},
		{"Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi"},
		{"Mohammed", "Muhammad", "Mohamed"},
		{"Hussein", "Husain", "Hossein"},
	}
	for _, group := range same {
		k := PhoneticKey(group[0])
		for _, n := range group[1:] {
			if got := PhoneticKey(n); got != k {
				t.Errorf("PhoneticKey(%q) = %q, PhoneticKey(%q) = %q; want equal", group[0], k, n, got)
			}
		}
	}
	different := [][2]string{
		{"Trump", "Obama"},
		{"Clinton", "Clayton"},
		{"Smith", "Schmidt"},
	}
	for _, p := range different {
		if PhoneticKey(p[0]) == PhoneticKey(p[1]) {
			t.Errorf("PhoneticKey(%q) == PhoneticKey(%q) = %q; want different", p[0], p[1], PhoneticKey(p[0]))
		}
	}
}

func TestIRIs(t *testing.T) {
	if got := EntityIRI(TypePerson, "Bahram Ghassemi"); got != "https://newsgraph.dev/person/bahram-ghassemi" {
		t.Errorf("EntityIRI = %s", got)
	}
	if got := EntityIRI(TypeAgreement, "UN Security Council Resolution 2231"); got != "https://newsgraph.dev/agreement/un-security-council-resolution-2231" {
		t.Errorf("EntityIRI = %s", got)
	}
	if got := ArticleIRI("000_d83d5ca6cd029b45"); got != "https://newsgraph.dev/article/000-d83d5ca6cd029b45" {
		t.Errorf("ArticleIRI = %s", got)
	}
	u := ArticleIRI("https://example.org/news/1")
	if !strings.HasPrefix(string(u), Base+"article/") || strings.Contains(string(u)[len(Base):], ":") {
		t.Errorf("ArticleIRI of a URL = %s", u)
	}
	if ArticleIRI("https://example.org/news/1") != u {
		t.Errorf("ArticleIRI is not deterministic")
	}
	st := StatementIRI(ArticleIRI("a1"), 3)
	if st != "https://newsgraph.dev/statement/a1/3" {
		t.Errorf("StatementIRI = %s", st)
	}
}

func TestSameNameVariant(t *testing.T) {
	same := [][]string{
		{"Ghassemi", "Qassemi", "Ghasemi"},
		{"Rouhani", "Rohani", "Rowhani"},
		{"Gaddafi", "Qaddafi", "Kadhafi", "Gadhafi"},
		{"Mohammed", "Muhammad", "Mohamed", "Muhammed"},
		{"Hussein", "Husain", "Hossein"},
		{"Bahram", "Bahram"},
		{"Muammar", "Moammar"},
	}
	for _, g := range same {
		for _, n := range g[1:] {
			if !SameNameVariant(g[0], n) {
				t.Errorf("SameNameVariant(%q, %q) = false (%s vs %s)", g[0], n, TranslitForm(g[0]), TranslitForm(n))
			}
		}
	}
	different := [][2]string{
		{"Story", "Straw"}, {"Clinton", "Clayton"}, {"Joe", "Jack"}, {"Bill", "Hillary"},
		{"Brown", "Browne"[:4] + "n"}, {"Smith", "Smyth"[:0] + "Schmidt"}, {"Obama", "Osama"},
		{"Johnson", "Jonson"[:0] + "Jackson"}, {"Howard", "Harward"},
	}
	for _, p := range different {
		if p[0] == p[1] {
			continue
		}
		if SameNameVariant(p[0], p[1]) {
			t.Errorf("SameNameVariant(%q, %q) = true (%s vs %s)", p[0], p[1], TranslitForm(p[0]), TranslitForm(p[1]))
		}
	}
}
