package extract

import (
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"
	"time"

	"newsgraph/loaders"
)

// benchArticles reads real news from ../shared/corpora (BBC politics and
// business, PolNeAR train), skipping the benchmark when it is absent.
func benchArticles(b *testing.B) ([]*loaders.Article, int) {
	b.Helper()
	var paths []string
	for _, dir := range []string{
		filepath.Join(corpus(b, "bbc-news"), "bbc", "politics"),
		filepath.Join(corpus(b, "bbc-news"), "bbc", "business"),
		filepath.Join(corpus(b, "polnear"), "data", "train", "text"),
	} {
		m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		sort.Strings(m)
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		b.Skip("no corpus texts")
	}
	var arts []*loaders.Article
	words := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		a := loaders.ParseText(loaders.DecodeText(data))
		arts = append(arts, a)
		words += a.Words()
	}
	return arts, words
}

// BenchmarkExtract runs the whole pipeline (tokens, sentences, entities,
// statements, record) over real news on one goroutine and reports words
// per second.
func BenchmarkExtract(b *testing.B) {
	arts, words := benchArticles(b)
	x := New()
	x.Extract(arts[0]) // load the embedded data outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	reportSpeed(b, words, cpu)
	b.ReportMetric(float64(len(arts)), "articles/op")
}

// BenchmarkEntities runs the stages up to and including the entity stage.
func BenchmarkEntities(b *testing.B) {
	arts, words := benchArticles(b)
	x := New()
	x.Extract(arts[0])
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, a := range arts {
			d := &Doc{Text: a.Text, Source: a.Source}
			d.Tokens = tokenize(d.Text)
			splitSentences(d)
			x.findEntities(d)
		}
	}
	reportSpeed(b, words, cpu)
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportSpeed reports words per second of wall time and of CPU time (the
// process's, garbage collection included): on a busy machine the second
// is the one that tells the extractor's speed.
func reportSpeed(b *testing.B, words int, cpu0 time.Duration) {
	total := float64(words) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "words/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(total/cpu.Seconds(), "words/cpu-s")
	}
}
