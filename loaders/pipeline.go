package loaders

import (
	"context"
	"runtime"
	"sync"

	"newsgraph/schema"
)

// Result is one article and its extraction, or one problem with an input.
type Result struct {
	Article    *Article
	Extraction schema.Extraction
	Err        error // an *InputError when the input (or one of its articles) could not be used
	Input      int   // index of the input it came from, in the order given to Run
}

// Options tunes Run.
type Options struct {
	Workers int // reading and extraction goroutines each; 0 means one per CPU
}

// Run reads every input and extracts every article on all cores, and
// calls fn with the results in input order: an input's articles in file
// order, then its problems, one Result per "FILE: reason" (a JSON Lines
// file with three bad lines gives three). It stops early when fn returns
// an error or ctx is done, and returns that error. Bad inputs do not stop
// the run.
func Run(ctx context.Context, inputs []Input, ex Extractor, opt Options, fn func(Result) error) error {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Stage 1 reads inputs in parallel; stage 2 extracts articles in
	// parallel; the collector hands results to fn in input order. Each
	// stage passes work in order through a channel of futures (a job with
	// its own result channel), so order is kept while workers run ahead.
	type read struct {
		idx  int
		in   Input
		arts []*Article
		err  error
		done chan struct{}
	}
	type job struct {
		idx int
		art *Article
		err error
		out chan Result
	}
	reads := make(chan *read, workers*2)
	readOrder := make(chan *read, workers*4)
	jobs := make(chan *job, workers*4)
	ordered := make(chan *job, workers*16)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // hands inputs to the readers, in order
		defer wg.Done()
		defer close(reads)
		defer close(readOrder)
		for i, in := range inputs {
			r := &read{idx: i, in: in, done: make(chan struct{})}
			select {
			case readOrder <- r:
			case <-ctx.Done():
				return
			}
			select {
			case reads <- r:
			case <-ctx.Done():
				return
			}
		}
	}()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range reads {
				r.arts, r.err = ReadInput(r.in)
				close(r.done)
			}
		}()
	}
	wg.Add(1)
	go func() { // turns read inputs into jobs, in input order
		defer wg.Done()
		defer close(jobs)
		defer close(ordered)
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
		for r := range readOrder {
			select {
			case <-r.done:
			case <-ctx.Done():
				return
			}
			for _, a := range r.arts {
				if !send(&job{idx: r.idx, art: a, out: make(chan Result, 1)}) {
					return
				}
			}
			for _, err := range SplitErrors(r.err) {
				if !send(&job{idx: r.idx, err: err, out: make(chan Result, 1)}) {
					return
				}
			}
		}
	}()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.err != nil {
					j.out <- Result{Err: j.err, Input: j.idx}
					continue
				}
				x := ex.Extract(j.art)
				StampArticle(&x, j.art)
				j.out <- Result{Article: j.art, Extraction: x, Input: j.idx}
			}
		}()
	}
	defer wg.Wait()
	defer cancel() // runs before wg.Wait: stops the stages on early return

	for j := range ordered {
		var r Result
		select {
		case r = <-j.out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := fn(r); err != nil {
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
