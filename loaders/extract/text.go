package extract

import (
	"fmt"
	"io"
	"strings"

	"newsgraph/schema"
)

// WriteText prints extraction records as a readable summary.
func WriteText(w io.Writer, arts []schema.Extraction) error {
	for i, x := range arts {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "== %s", x.File)
		if x.Title != "" {
			fmt.Fprintf(w, ": %s", x.Title)
		}
		fmt.Fprintln(w)
		if x.Source != "" || x.Published != "" {
			fmt.Fprintf(w, "source: %s  published: %s\n", orDash(x.Source), orDash(x.Published))
		}
		fmt.Fprintf(w, "entities (%d):\n", len(x.Entities))
		for _, e := range x.Entities {
			fmt.Fprintf(w, "  %-12s %s", e.Type, e.Name)
			if len(e.Aliases) > 0 {
				fmt.Fprintf(w, "  (aka %s)", strings.Join(e.Aliases, "; "))
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "statements (%d):\n", len(x.Statements))
		for _, s := range x.Statements {
			fmt.Fprintf(w, "  %s [%s, %s, %s]: %s\n", s.Speaker, s.Kind, orDash(s.Cue), orDash(s.Act), s.Text)
		}
		if len(x.Roles) > 0 {
			fmt.Fprintf(w, "roles (%d):\n", len(x.Roles))
			for _, r := range x.Roles {
				fmt.Fprintf(w, "  %s: %s", r.Person, r.Title)
				if r.Org != "" {
					fmt.Fprintf(w, ", %s", r.Org)
				}
				if r.Country != "" {
					fmt.Fprintf(w, " (%s)", r.Country)
				}
				fmt.Fprintln(w)
			}
		}
		if len(x.Relations) > 0 {
			fmt.Fprintf(w, "relations (%d):\n", len(x.Relations))
			for _, r := range x.Relations {
				fmt.Fprintf(w, "  %s -%s-> %s\n", r.Subject, r.Predicate, r.Object)
			}
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
