package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"newsgraph/graph"
	"newsgraph/loaders"
	"newsgraph/loaders/extract"
	"newsgraph/queries"
)

type ingestOptions struct {
	workers int
	batch   int
	format  string
}

// ingestReport is what ingest prints with --format json.
type ingestReport struct {
	Store     string       `json:"store"`
	Added     int          `json:"added"`
	Replaced  int          `json:"replaced"`
	Unchanged int          `json:"unchanged"`
	Rejected  int          `json:"rejected"`
	Errors    []string     `json:"errors"`
	Seconds   float64      `json:"seconds"`
	Graph     *graph.Stats `json:"graph"`
	Inputs    int          `json:"inputs"`
}

func newIngestCmd(e *env) *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract articles and store their facts in the graph",
		Long: `Ingest reads articles, extracts their entities, statements, roles and
relations, and stores them as quads, each labelled with its article's IRI.

PATH may be a file, a directory (read recursively), a glob, or - for
standard input. Formats are chosen by extension or by sniffing the content:
  .txt        body text; a headline-like first line followed by a blank line is
              the title; Date:, Published:, Source:, By ..., URL: lines at the top
              are metadata
  .json/.jsonl  objects with text|body|content, title|headline, date|published,
              source|publisher, url, id: a JSON array or one object per line
  .html/.htm  the article's main text
  .xml/.rss/.atom  RSS and Atom feeds: each item is an article

An article's id is its given id or URL, else its file name, else a hash of
its content. Ingesting an article again replaces its facts; entities other
articles name survive. Entities that are the same across articles (same
name, a known alias or a transliteration such as Ghassemi/Qassemi) become
one node.

Inputs that cannot be used are reported as "FILE: reason"; the others are
stored, and the exit status is 3.`,
		Example: `  newsgraph ingest articles/
  newsgraph ingest 'news/*.jsonl' --db /data/news.db
  curl -s https://example.org/feed.xml | newsgraph ingest -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf(cmd, "no input: give files, directories, globs or - for standard input (or run 'newsgraph demo' for the embedded seed articles)")
			}
			if o.format != "" && o.format != queries.FormatJSON {
				return usageErrorf(cmd, "unknown format %q (want json)", o.format)
			}
			rep, err := ingest(cmd.Context(), cmd, e, args, o)
			if err != nil {
				return err
			}
			if o.format == queries.FormatJSON {
				if err := queries.WriteJSON(e.stdout, rep); err != nil {
					return err
				}
			}
			if rep.Rejected > 0 {
				return &partialError{rejected: rep.Rejected}
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&o.workers, "workers", "j", 0, "extraction goroutines (default: one per CPU)")
	cmd.Flags().IntVar(&o.batch, "batch", graph.DefaultBatchSize, "quad changes per write transaction")
	cmd.Flags().StringVar(&o.format, "format", "", "also print a report on stdout: json")
	return cmd
}

// ingest runs the whole pipeline: read, extract on all cores, resolve and
// write in batches. Problems with single inputs are printed as they come
// and counted; only store failures end the run early.
func ingest(ctx context.Context, cmd *cobra.Command, e *env, args []string, o ingestOptions) (*ingestReport, error) {
	start := time.Now()
	rep := &ingestReport{Errors: []string{}}
	reject := func(err error) {
		rep.Rejected++
		rep.Errors = append(rep.Errors, err.Error())
		fmt.Fprintln(e.stderr, err)
	}
	inputs := loaders.ExpandPaths(args, e.stdin, reject)
	rep.Inputs = len(inputs)

	store, err := openStore(cmd, e, graph.Options{BulkLoad: true})
	if err != nil {
		return nil, err
	}
	rep.Store = store.Location
	defer store.Close()
	return rep, ingestInto(ctx, e, store, inputs, o, rep, reject, start)
}

func ingestInto(ctx context.Context, e *env, store *graph.Store, inputs []loaders.Input, o ingestOptions, rep *ingestReport, reject func(error), start time.Time) error {
	ing, err := graph.NewIngester(ctx, store, o.batch)
	if err != nil {
		return err
	}
	bar := newProgress(e, len(inputs))
	lastInput := -1
	runErr := loaders.Run(ctx, inputs, extract.New(), loaders.Options{Workers: o.workers}, func(r loaders.Result) error {
		// Results come in input order: a new input index is one more
		// file done.
		files := 0
		if r.Input != lastInput {
			files = 1
			lastInput = r.Input
		}
		if r.Err != nil {
			bar.clear()
			reject(r.Err)
			bar.step(files, 0)
			return nil
		}
		outcome, err := ing.Add(ctx, &r.Extraction)
		if err != nil {
			return err
		}
		switch outcome {
		case graph.Added:
			rep.Added++
		case graph.Replaced:
			rep.Replaced++
		case graph.Unchanged:
			rep.Unchanged++
		}
		bar.step(files, 1)
		return nil
	})
	bar.done()
	// Whatever was extracted is stored, even after an interrupt.
	if err := ing.Flush(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	if runErr != nil {
		return runErr
	}
	st, err := store.Stats(ctx, 5)
	if err != nil {
		return fmt.Errorf("count the graph: %w", err)
	}
	rep.Graph = st
	rep.Seconds = time.Since(start).Seconds()
	stored := rep.Added + rep.Replaced + rep.Unchanged
	fmt.Fprintf(e.stderr, "stored %d articles (%d added, %d replaced, %d unchanged), rejected %d; %s holds %d articles, %d entities, %d statements, %d quads (%.1fs)\n",
		stored, rep.Added, rep.Replaced, rep.Unchanged, rep.Rejected, store.Location,
		st.Articles, st.Entities, st.Statements, st.Quads, rep.Seconds)
	return nil
}
