package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"newsgraph/loaders"
	"newsgraph/loaders/extract"
	"newsgraph/schema"
)

func newExtractCmd(e *env) *cobra.Command {
	var format string
	var workers int
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Print what the extractor finds in articles, without storing anything",
		Long: `Extract reads articles (files, directories, globs or - for standard input, in
any format ingest reads) and prints what the extractor finds: entities,
statements with speaker, kind, cue and act, roles and relations.

--format json prints one kg-gold/1 document for all the articles (the
format of ../shared/eval/FORMAT.md, with extra fields: mention and statement
offsets in Unicode code points, sentence index, rule id). --format text
prints a readable summary. Nothing is written to a store.`,
		Example: `  newsgraph extract article.txt
  newsgraph extract seeds/ --format json > seeds.extracted.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf(cmd, "no input: give files, directories, globs or - for standard input")
			}
			if format == "" || format == "auto" {
				format = "text"
				if !e.stdoutTerminal {
					format = "json"
				}
			}
			if format != "json" && format != "text" {
				return usageErrorf(cmd, "unknown format %q (want json or text)", format)
			}
			rejected := 0
			reject := func(err error) {
				rejected++
				fmt.Fprintln(e.stderr, err)
			}
			inputs := loaders.ExpandPaths(args, e.stdin, reject)
			doc := &schema.Document{Format: schema.FormatID}
			err := loaders.Run(cmd.Context(), inputs, extract.New(), loaders.Options{Workers: workers}, func(r loaders.Result) error {
				if r.Err != nil {
					reject(r.Err)
					return nil
				}
				doc.Articles = append(doc.Articles, r.Extraction)
				return nil
			})
			if err != nil {
				return err
			}
			if format == "json" {
				err = schema.WriteDocument(e.stdout, doc)
			} else {
				err = extract.WriteText(e.stdout, doc.Articles)
			}
			if err != nil {
				return err
			}
			if rejected > 0 {
				fmt.Fprintf(e.stderr, "extracted %d articles, rejected %d\n", len(doc.Articles), rejected)
				return &partialError{rejected: rejected}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "auto", "output format: text or json (default: text on a terminal, json otherwise)")
	cmd.Flags().IntVarP(&workers, "workers", "j", 0, "extraction goroutines (default: one per CPU)")
	return cmd
}
