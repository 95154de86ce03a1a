package main

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"newsgraph/graph"
	"newsgraph/queries"
)

func newStatsCmd(e *env) *cobra.Command {
	var format string
	var top int
	var view string
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count articles, entities by type, statements and quads, and rank speakers",
		Example: `  newsgraph stats
  newsgraph stats --format json --top 20
  newsgraph stats --view entities      # the node and edge counts of 'export --view entities'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := queries.ResolveFormat(format, e.stdoutTerminal, queries.FormatTable, queries.FormatJSON)
			if err != nil {
				return usageErrorf(cmd, "%v", err)
			}
			if err := checkView(cmd, view); err != nil {
				return err
			}
			store, err := openStore(cmd, e, graph.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer store.Close()
			if view != "" {
				return writeViewStats(cmd, e, store, view, f)
			}
			st, err := store.Stats(cmd.Context(), top)
			if err != nil {
				return fmt.Errorf("count %s: %w", store.Location, err)
			}
			if f == queries.FormatJSON {
				return queries.WriteJSON(e.stdout, st)
			}
			return writeStatsTable(e, st)
		},
	}
	cmd.Flags().StringVar(&format, "format", queries.FormatAuto, "output format: table or json (default: table on a terminal, json otherwise)")
	cmd.Flags().IntVar(&top, "top", 10, "number of top speakers to list")
	cmd.Flags().StringVar(&view, "view", "", "print only the node and edge counts of an export view: entities or full")
	return cmd
}

func writeStatsTable(e *env, st *graph.Stats) error {
	t := queries.Table{Header: []string{"what", "count"}}
	add := func(what string, n int64) { t.Rows = append(t.Rows, []string{what, strconv.FormatInt(n, 10)}) }
	add("articles", st.Articles)
	add("entities", st.Entities)
	types := make([]string, 0, len(st.ByType))
	for k := range st.ByType {
		types = append(types, k)
	}
	sort.Strings(types)
	for _, k := range types {
		add("  "+k, st.ByType[k])
	}
	add("statements", st.Statements)
	add("roles", st.Roles)
	add("quads", st.Quads)
	if err := queries.WriteTable(e.stdout, t); err != nil {
		return err
	}
	if len(st.TopSpeakers) == 0 {
		return nil
	}
	fmt.Fprintln(e.stdout)
	sp := queries.Table{Header: []string{"top speaker", "type", "statements"}}
	for _, s := range st.TopSpeakers {
		sp.Rows = append(sp.Rows, []string{s.Name, s.Type, strconv.FormatInt(s.Statements, 10)})
	}
	return queries.WriteTable(e.stdout, sp)
}
