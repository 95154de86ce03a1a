//go:build ignore

// genlexicon writes lexicon.txt, the common English words the extractor
// uses to tell a capitalised sentence start ("Speaking", "Officials") from
// a name. It reads SCOWL's word list as Debian ships it (package
// wamerican-small: apt-get install wamerican-small) and keeps the entries
// written in lower case, which are not proper names.
//
//	go generate ./loaders/extract/
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func main() {
	src := "/usr/share/dict/american-english-small"
	if len(os.Args) > 1 {
		src = os.Args[1]
	}
	f, err := os.Open(src)
	if err != nil {
		fmt.Fprintf(os.Stderr, "genlexicon: %v (apt-get install wamerican-small)\n", err)
		os.Exit(1)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := sc.Text()
		ok := len(w) > 0
		for i := 0; i < len(w); i++ {
			if w[i] < 'a' || w[i] > 'z' {
				ok = false
				break
			}
		}
		if ok {
			seen[w] = true
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	out, err := os.Create("data/lexicon.txt")
	if err != nil {
		fmt.Fprintln(os.Stderr, "genlexicon:", err)
		os.Exit(1)
	}
	bw := bufio.NewWriter(out)
	for _, w := range words {
		bw.WriteString(w)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "genlexicon:", err)
		os.Exit(1)
	}
	out.Close()
}
