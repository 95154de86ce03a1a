// Package seeds embeds the two seed articles (Iran's foreign ministry
// spokesman on the missile program; the JCPOA and Resolution 2231) and
// their hand-made gold annotation, so that `newsgraph demo` works with
// nothing but the binary. It holds data only.
package seeds

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed *.txt
var files embed.FS

// Gold is the kg-gold/1 annotation of the seed articles.
//
//go:embed gold.json
var Gold []byte

// Article is one embedded seed article.
type Article struct {
	Name string // file name, e.g. 000_d83d5ca6cd029b45.txt
	Data []byte
}

// Articles returns the seed articles in file-name order.
func Articles() []Article {
	names, _ := fs.Glob(files, "*.txt")
	sort.Strings(names)
	out := make([]Article, 0, len(names))
	for _, n := range names {
		b, _ := files.ReadFile(n)
		out = append(out, Article{Name: n, Data: b})
	}
	return out
}
