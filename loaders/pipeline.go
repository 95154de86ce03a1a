package loaders

import (
	"context"
	"runtime"
	"sync"

	"newsgraph/schema"
)

// Result is one article and its extraction, or one input that failed.
type Result struct {
	Article    *Article
	Extraction schema.Extraction
	Err        error // an *InputError when the input could not be used
}

// Options tunes Run.
type Options struct {
	Workers int // extraction goroutines; 0 means one per CPU
}

// Run reads every input, extracts every article on all cores and calls fn
// with the results in input order (articles of one file in file order). It
// stops early when fn returns an error or ctx is done, and returns that
// error. Bad inputs are passed to fn as results with Err set; they do not
// stop the run.
func Run(ctx context.Context, inputs []Input, ex Extractor, opt Options, fn func(Result) error) error {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		art *Article
		err error
		out chan Result
	}
	// Jobs flow to the workers and, in the same order, to the collector,
	// which waits on each job's own channel: results come out in order
	// while extraction runs in parallel.
	jobs := make(chan *job, workers*4)
	ordered := make(chan *job, workers*16)

	go func() {
		defer close(jobs)
		defer close(ordered)
		seq := 0
		send := func(j *job) bool {
			select {
			case ordered <- j:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for _, in := range inputs {
			arts, err := ReadInput(in)
			for _, a := range arts {
				seq++
				if !send(&job{seq: seq, art: a, out: make(chan Result, 1)}) {
					return
				}
			}
			if err != nil {
				seq++
				if !send(&job{seq: seq, err: err, out: make(chan Result, 1)}) {
					return
				}
			}
		}
	}()

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.err != nil {
					j.out <- Result{Err: j.err}
					continue
				}
				x := ex.Extract(j.art)
				StampArticle(&x, j.art)
				j.out <- Result{Article: j.art, Extraction: x}
			}
		}()
	}
	defer wg.Wait()

	for j := range ordered {
		var r Result
		select {
		case r = <-j.out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := fn(r); err != nil {
			cancel()
			// Drain so the producer and workers exit.
			go func() {
				for range ordered {
				}
			}()
			return err
		}
	}
	return ctx.Err()
}

// StampArticle copies an article's identity and metadata into its
// extraction record; metadata from the source wins over what the
// extractor read in the text only when the extractor found none.
func StampArticle(x *schema.Extraction, a *Article) {
	x.ID = a.ID
	x.File = a.File
	if x.File == "" {
		x.File = a.ID
	}
	x.Title = a.Title
	x.URL = a.URL
	x.Hash = schema.ArticleHash(a.Title, a.Text)
	x.Words = a.Words()
	if a.Source != "" {
		x.Source = a.Source
	}
	if a.Published != "" {
		x.Published = a.Published
	}
}
