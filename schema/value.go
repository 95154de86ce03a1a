package schema

import (
	"strings"
	"unicode"

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
// name when articles name it differently: a name without a mistyped word
// (see miscased), then the one with more words, then the first in lexical
// order, so that the choice does not depend on the order the articles
// come in. Everything that names nodes (the resolver, the read index,
// queries, exports) uses this one rule.
func BetterName(name, cur string) bool {
	if cur == "" {
		return true
	}
	if ma, mb := miscased(name), miscased(cur); ma != mb {
		return mb
	}
	a, b := len(strings.Fields(name)), len(strings.Fields(cur))
	if a != b {
		return a > b
	}
	return name < cur
}

// miscased reports whether a word of the name starts with two capitals and
// goes on in lower case ("COmmission", "AGriculture"): a shift key held
// too long, not a real spelling (acronym plurals such as "PCs" and "MHz"
// have one lower-case letter after the capitals).
func miscased(name string) bool {
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if len(r) >= 4 && unicode.IsUpper(r[0]) && unicode.IsUpper(r[1]) && unicode.IsLower(r[2]) && unicode.IsLower(r[3]) {
			return true
		}
	}
	return false
}
