package queries

import (
	"strings"
	"testing"
)

// TestAmbiguousSameNameAndType: candidates that share name and type are
// told apart by id, in the error and in its suggestions.
func TestAmbiguousSameNameAndType(t *testing.T) {
	a := Entity{ID: "https://newsgraph.dev/person/blair-4", Name: "Blair", Type: "Person"}
	b := Entity{ID: "https://newsgraph.dev/person/blair-5", Name: "Blair", Type: "Person"}
	c := Entity{ID: "https://newsgraph.dev/person/tony-blair", Name: "Tony Blair", Type: "Person"}
	msg := (&AmbiguousError{Name: "Blair", Candidates: []Entity{a, b, c}}).Error()
	for _, want := range []string{a.ID, b.ID, "Tony Blair (Person)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %s: %s", want, msg)
		}
	}
	if strings.Contains(msg, `"Blair (Person)"`) {
		t.Errorf("error suggests a name that is still ambiguous: %s", msg)
	}
	if got := entityStrings([]Entity{a, b, c}); strings.Join(got, "|") != a.ID+"|"+b.ID+"|Tony Blair (Person)" {
		t.Errorf("entityStrings = %q", got)
	}
}
