package extract

import (
	"strings"
	"testing"
)

// BenchmarkBaselineFields is the yardstick BenchmarkExtract is read
// against in the same run: splitting the same articles into words and
// lower-casing each, the least any extractor must do. The ratio of the two
// words/s figures says how many times that floor the whole pipeline costs.
func BenchmarkBaselineFields(b *testing.B) {
	arts, words := benchArticles(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	n := 0
	for b.Loop() {
		for _, a := range arts {
			for _, w := range strings.Fields(a.Text) {
				n += len(strings.ToLower(w))
			}
		}
	}
	reportSpeed(b, words, cpu)
	if n == 0 {
		b.Fatal("no words")
	}
}
