package extract

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"testing"
)

// BenchmarkExtractMemory shows that the extractor's memory is flat in the
// number of articles: it extracts the benchmark corpus once as a warm-up,
// then 1, 4 and 16 more times, and reports the heap the extractor still
// holds after a collection (retained-KB, the growth over the warm-up) and
// the highest heap seen between two articles (peak-heap-MB, corpus text
// included). Both stay the same whatever the number of articles.
//
//	go test ./loaders/extract -run '^$' -bench ExtractMemory -benchtime 1x
func BenchmarkExtractMemory(b *testing.B) {
	arts, _ := benchArticles(b)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	live := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for _, passes := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("articles=%d", passes*len(arts)), func(b *testing.B) {
			for b.Loop() {
				x := New()
				for _, a := range arts {
					x.Extract(a)
				}
				before := live()
				var peak uint64
				for range passes {
					for _, a := range arts {
						x.Extract(a)
						peak = max(peak, heap())
					}
				}
				after := live()
				b.ReportMetric(float64(int64(after)-int64(before))/1024, "retained-KB")
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			}
		})
	}
}
