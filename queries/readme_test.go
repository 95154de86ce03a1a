package queries

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestJSONFieldsDocumented checks that README.md documents every JSON
// field of every result type.
func TestJSONFieldsDocumented(t *testing.T) {
	doc, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{EntitySummary{}, Statement{}, Article{}, Profile{}, Role{}, CoMention{}, Speaker{},
		Path{}, PathNode{}, Hop{}, Neighbor{}, TimelineEntry{}, Cooccurrence{}, Script{}} {
		checkFields(t, string(doc), reflect.TypeOf(v))
	}
}

func checkFields(t *testing.T, doc string, typ reflect.Type) {
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if f.Anonymous {
			checkFields(t, doc, f.Type)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		if !strings.Contains(doc, "`"+name+"`") {
			t.Errorf("README.md does not document JSON field %q of %s", name, typ.Name())
		}
	}
}
