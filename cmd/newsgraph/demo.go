package main

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"newsgraph/graph"
	"newsgraph/loaders"
	"newsgraph/queries"
	"newsgraph/seeds"
)

// demoReport is what demo prints with --format json.
type demoReport struct {
	Store   string       `json:"store"`
	Graph   *graph.Stats `json:"graph"`
	Example *demoExample `json:"example"`
}

type demoExample struct {
	Question string              `json:"question"`
	Command  string              `json:"command"`
	Answer   []map[string]string `json:"answer"`
}

func newDemoCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the embedded seed articles and show what the graph holds",
		Long: `Demo ingests the two seed articles built into the binary into the store
(newsgraph.db unless --db says otherwise), prints what the graph holds, and
answers one example question. Running it again changes nothing.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := queries.ResolveFormat(format, true, queries.FormatTable, queries.FormatJSON)
			if err != nil {
				return usageErrorf(cmd, "%v", err)
			}
			var inputs []loaders.Input
			for _, a := range seeds.Articles() {
				data := a.Data
				inputs = append(inputs, loaders.Input{
					Path: "seeds/" + a.Name,
					Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil },
				})
			}
			store, err := openStore(cmd, e, graph.Options{BulkLoad: true})
			if err != nil {
				return err
			}
			defer store.Close()
			rep := &ingestReport{}
			reject := func(err error) { rep.Rejected++; fmt.Fprintln(e.stderr, err) }
			if err := ingestInto(cmd.Context(), e, store, inputs, ingestOptions{}, rep, reject, time.Now()); err != nil {
				return err
			}
			ex, err := queries.ExampleQuery(cmd.Context(), store.QS)
			if err != nil {
				return err
			}
			if f == queries.FormatJSON {
				out := demoReport{Store: store.Location, Graph: rep.Graph}
				if ex != nil {
					out.Example = &demoExample{Question: ex.Question, Command: ex.Command, Answer: []map[string]string{}}
					for _, row := range ex.Answer.Rows {
						m := map[string]string{}
						for i, h := range ex.Answer.Header {
							m[h] = row[i]
						}
						out.Example.Answer = append(out.Example.Answer, m)
					}
				}
				if err := queries.WriteJSON(e.stdout, out); err != nil {
					return err
				}
			} else {
				if err := writeDemoText(e, store.Location, rep.Graph, ex); err != nil {
					return err
				}
			}
			if rep.Rejected > 0 {
				return &partialError{rejected: rep.Rejected}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", queries.FormatTable, "output format: table or json")
	return cmd
}

func writeDemoText(e *env, location string, st *graph.Stats, ex *queries.Example) error {
	fmt.Fprintf(e.stdout, "Graph in %s\n\n", location)
	if err := writeStatsTable(e, st); err != nil {
		return err
	}
	if ex != nil {
		fmt.Fprintf(e.stdout, "\n%s\n$ %s\n", ex.Question, ex.Command)
		return queries.WriteTable(e.stdout, ex.Answer)
	}
	return nil
}
