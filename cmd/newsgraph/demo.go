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

func newDemoCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the embedded seed articles and show what the graph holds",
		Long: `Demo ingests the two seed articles built into the binary into the store
(newsgraph.db unless --db says otherwise), prints what the graph holds, and
answers one example question. Running it again changes nothing.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
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
			fmt.Fprintf(e.stdout, "Graph in %s\n\n", store.Location)
			if err := writeStatsTable(e, rep.Graph); err != nil {
				return err
			}
			ex, err := queries.ExampleQuery(cmd.Context(), store.QS)
			if err != nil {
				return err
			}
			if ex != nil {
				fmt.Fprintf(e.stdout, "\n%s\n$ %s\n", ex.Question, ex.Command)
				if err := queries.WriteTable(e.stdout, ex.Answer); err != nil {
					return err
				}
			}
			if rep.Rejected > 0 {
				return &partialError{rejected: rep.Rejected}
			}
			return nil
		},
	}
	return cmd
}
