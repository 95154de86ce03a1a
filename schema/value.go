package schema

import (
	"strings"

	"github.com/cayleygraph/quad"
)

// ValueText is the text of a literal (string, typed or language-tagged), the
// bare form of an IRI, and the N-Quads form of anything else; "" for nil.
func ValueText(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	}
	return v.String()
}

// BetterName tells whether name should replace cur as a node's canonical
// name when articles name it differently: the one with more words, then
// the first in lexical order, so that the choice does not depend on the
// order the articles come in. Everything that names nodes (the resolver,
// the read index, queries, exports) uses this one rule.
func BetterName(name, cur string) bool {
	if cur == "" {
		return true
	}
	a, b := len(strings.Fields(name)), len(strings.Fields(cur))
	if a != b {
		return a > b
	}
	return name < cur
}
