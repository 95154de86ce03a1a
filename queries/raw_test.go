package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestScripts runs every shipped Gizmo script against the seeds graph and
// checks its answer.
func TestScripts(t *testing.T) {
	g := seedsGraph(t)
	ctx := context.Background()
	want := map[string][]string{
		"speakers-of-country": {
			"speaker=Bahram Ghassemi statements=9",
			"speaker=Hassan Rouhani statements=4",
		},
		"statements-about-agreement": {
			"speaker=Bahram Ghassemi text=Iran “has repeatedly in diplomatic meetings with foreign officials” emphasized that its “defensive missile program is not negotiable” and that Tehran “does not regard it as inconsistent with [UN Security Council] Resolution 2231.”",
			"speaker=Iran text=there is no military aspect to its satellite activity and that its missile tests are not banned under the Joint Comprehensive Plan of Action (JCPOA) or UNSC Resolution 2231, because the missiles are not designed to deliver nuclear warheads.",
			"speaker=Ministry for Europe and Foreign Affairs of France text=Iran's missile program is not consistent with United Nations Security Council Resolution 2231.",
		},
		"parties-of-agreement": {"id=China", "id=France", "id=Germany", "id=Iran", "id=Russia", "id=United Kingdom", "id=United States"},
		"office-holders":       {"person=Bahram Ghassemi title=spokesman"},
	}
	scripts := Scripts()
	if len(scripts) < 4 {
		t.Fatalf("%d scripts, want at least 4", len(scripts))
	}
	for _, s := range scripts {
		t.Run(s.Name, func(t *testing.T) {
			if s.Description == "" {
				t.Error("script has no leading comment")
			}
			w, ok := want[s.Name]
			if !ok {
				t.Fatalf("no expected answer for script %s", s.Name)
			}
			res, err := RunRaw(ctx, g.qs, "gizmo", s.Source, RawOptions{Timeout: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			got := flatten(res, "statement")
			if strings.Join(got, "\n") != strings.Join(w, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
			}
		})
	}
}

// flatten renders results as sorted "key=value ..." lines, leaving out
// the keys given (node IRIs that would only repeat the golden files).
func flatten(res []any, skip ...string) []string {
	var out []string
	for _, r := range res {
		m, ok := r.(map[string]any)
		if !ok {
			out = append(out, fmt.Sprint(r))
			continue
		}
		var keys []string
		for k := range m {
			if k == "id" && len(m) > 1 {
				continue
			}
			skipped := false
			for _, s := range skip {
				skipped = skipped || k == s
			}
			if !skipped {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s=%v", k, m[k]))
		}
		out = append(out, strings.Join(parts, " "))
	}
	sort.Strings(out)
	return out
}

func TestRawLanguages(t *testing.T) {
	g := seedsGraph(t)
	ctx := context.Background()
	for _, c := range []struct {
		lang, query string
		want        []string
	}{
		{"gizmo", `g.V("Le Drian").In("<http://schema.org/alternateName>").Out("<http://schema.org/name>").All()`, []string{"id=Jean-Yves Le Drian"}},
		{"graphql", `{ person(http://schema.org/name: "Hassan Rouhani") { id, title: http://schema.org/jobTitle } }`, []string{"person=map[id:<https://newsgraph.dev/person/hassan-rouhani> title:president]"}},
		{"mql", `[{"id": null, "<http://schema.org/name>": "Hassan Rouhani"}]`, []string{"<http://schema.org/name>=Hassan Rouhani"}},
	} {
		res, err := RunRaw(ctx, g.qs, c.lang, c.query, RawOptions{Limit: 10, Timeout: 10 * time.Second})
		if err != nil {
			t.Errorf("%s: %v", c.lang, err)
			continue
		}
		got := flatten(res)
		t.Logf("%s: %v", c.lang, got)
		if c.want != nil && strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: got %q, want %q", c.lang, got, c.want)
		}
	}

	// Limit, a syntax error, an unknown language and a timeout.
	res, err := RunRaw(ctx, g.qs, "gizmo", `g.V().All()`, RawOptions{Limit: 3})
	if err != nil || len(res) != 3 {
		t.Errorf("limit 3: %d results, %v", len(res), err)
	}
	if _, err := RunRaw(ctx, g.qs, "gizmo", `g.V(.All()`, RawOptions{}); err == nil {
		t.Error("syntax error: no error")
	}
	if _, err := RunRaw(ctx, g.qs, "sparql", `SELECT`, RawOptions{}); err == nil || !strings.Contains(err.Error(), "unknown query language") {
		t.Errorf("unknown language: %v", err)
	}
	_, err = RunRaw(ctx, g.qs, "gizmo", `while (true) {}`, RawOptions{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("endless loop: %v, want a timeout", err)
	}
}
