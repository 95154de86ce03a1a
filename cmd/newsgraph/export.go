package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"newsgraph/graph"
	"newsgraph/graph/export"
	"newsgraph/queries"
)

func init() { extraCommands = append(extraCommands, newExportCmd) }

type exportFlags struct {
	format string
	output string
	view   string
	types  []string
	around string
	depth  int
	since  string
	until  string
}

func newExportCmd(e *env) *cobra.Command {
	var f exportFlags
	var formats strings.Builder
	for _, x := range export.Formats {
		ext := x.Ext
		if ext == "" {
			ext = "DIR/"
		}
		fmt.Fprintf(&formats, "  %-10s %-9s %s\n", x.Name, ext, x.Doc)
	}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the graph for Gephi, Cytoscape, Graphviz, yEd, Neo4j or a browser",
		Long: `Export writes the graph in a format that visualization and graph tools open
as they are. The format is --format, else the extension of -o; the output is
standard output unless -o names a file.

Formats:
` + formats.String() + `
Graph formats write a view of the graph:
  --view entities  (default) people, countries, organizations, agreements and
                   other entities; edges: speaks_about (speaker -> entity its
                   statements mention, weight = statements), role (person ->
                   organization or country of an office, weight = articles),
                   party (agreement -> party, weight = articles)
  --view full      articles and statements are nodes too; edges: speaker,
                   mentions, part_of, publisher, role, party
Nodes carry id (IRI), label, type, aliases, statements, mentioned, articles
and first/last dates; edges carry relation, label, weight, first/last dates
and the IRIs of the articles behind them.

csv writes nodes.csv and edges.csv (Neo4j admin-import headers) into the
directory -o names, created when missing; it cannot go to standard output.
nquads and jsonld write the raw quads, each labelled with its article's IRI;
only --since and --until apply to them (they keep the articles published in
the window).

--since and --until keep facts dated in the window: statements by their
date, everything else by its article's publication date; undated facts are
left out when either is given. --around keeps the nodes within --depth hops
(either direction) of the nodes with that name, alias or IRI, which are kept
whatever --type says.`,
		Example: `  newsgraph export -o graph.gexf                  # open in Gephi; the timeline works
  newsgraph export --format dot | dot -Tsvg > graph.svg
  newsgraph export -o graph.html --around "Bahram Ghassemi" --depth 2
  newsgraph export --format csv -o neo4j/ --view full
  newsgraph export --format nquads --since 2017-01-01 > 2017.nq`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd, e, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "", "output format: "+strings.Join(export.FormatNames(), ", ")+" (default: by the extension of -o)")
	fl.StringVarP(&f.output, "output", "o", "", "output file (a directory for csv); default standard output")
	fl.StringVar(&f.view, "view", "", "graph view: entities or full (default entities)")
	fl.StringSliceVar(&f.types, "type", nil, "keep only nodes of these types (Person, Country, Organization, Agreement, Location, Event, Thing, Article, Statement)")
	fl.StringVar(&f.around, "around", "", "keep only nodes within --depth hops of the node with this name, alias or IRI")
	fl.IntVar(&f.depth, "depth", 1, "hops for --around")
	fl.StringVar(&f.since, "since", "", "keep facts dated on or after this day (YYYY-MM-DD)")
	fl.StringVar(&f.until, "until", "", "keep facts dated on or before this day (YYYY-MM-DD)")
	return cmd
}

func runExport(cmd *cobra.Command, e *env, f exportFlags) error {
	toStdout := f.output == "" || f.output == "-"
	var format *export.Format
	switch {
	case f.format != "":
		if format = export.FormatByName(f.format); format == nil {
			return usageErrorf(cmd, "unknown format %q (want %s)", f.format, strings.Join(export.FormatNames(), ", "))
		}
	case !toStdout:
		if format = export.FormatForPath(f.output); format == nil {
			return usageErrorf(cmd, "cannot tell the format from %q: give --format (%s)", f.output, strings.Join(export.FormatNames(), ", "))
		}
	default:
		return usageErrorf(cmd, "no format: give --format (%s) or -o with one of their extensions", strings.Join(export.FormatNames(), ", "))
	}
	if len(format.Parts) > 0 {
		if toStdout {
			return usageErrorf(cmd, "%s writes %s: give -o DIRECTORY", format.Name, strings.Join(format.Parts, " and "))
		}
		if strings.EqualFold(filepath.Ext(f.output), ".csv") {
			return usageErrorf(cmd, "%s writes %s into a directory: give -o DIRECTORY, not %s", format.Name, strings.Join(format.Parts, " and "), f.output)
		}
		if st, err := os.Stat(f.output); err == nil && !st.IsDir() {
			return usageErrorf(cmd, "%s writes %s into a directory, and %s is a file", format.Name, strings.Join(format.Parts, " and "), f.output)
		}
	}

	opt := export.Options{View: f.view, Types: f.types, Around: f.around, Depth: f.depth}
	if err := checkView(cmd, f.view); err != nil {
		return err
	}
	if err := export.CheckTypes(f.types); err != nil {
		return usageErrorf(cmd, "--type: %v", err)
	}
	if cmd.Flags().Changed("depth") {
		if f.around == "" {
			return usageErrorf(cmd, "--depth needs --around")
		}
		if f.depth < 1 {
			return usageErrorf(cmd, "--depth must be at least 1, not %d", f.depth)
		}
	}
	var err error
	if f.since != "" {
		if opt.Since, err = export.ParseDay(f.since); err != nil {
			return usageErrorf(cmd, "--since: %v", err)
		}
	}
	if f.until != "" {
		if opt.Until, err = export.ParseDay(f.until); err != nil {
			return usageErrorf(cmd, "--until: %v", err)
		}
	}
	if opt.Since != 0 && opt.Until != 0 && opt.Until < opt.Since {
		return usageErrorf(cmd, "--until %s is before --since %s", f.until, f.since)
	}
	if err := format.Check(opt); err != nil {
		return usageErrorf(cmd, "%v", err)
	}

	store, err := openStore(cmd, e, graph.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := cmd.Context()

	var g *export.Graph
	var where string
	switch {
	case len(format.Parts) > 0:
		dir := &export.Dir{Path: f.output}
		if g, err = export.Export(ctx, store.QS, format, opt, dir); err != nil {
			dir.Abort()
			return fmt.Errorf("export %s from %s: %w", format.Name, store.Location, err)
		}
		if err := dir.Commit(); err != nil {
			return err
		}
		where = strings.Join(dir.Files(), " and ")
	case toStdout:
		if g, err = export.Export(ctx, store.QS, format, opt, export.Stream{W: e.stdout}); err != nil {
			return fmt.Errorf("export %s from %s: %w", format.Name, store.Location, err)
		}
	default:
		err := writeFileAtomic(f.output, func(w io.Writer) error {
			g, err = export.Export(ctx, store.QS, format, opt, export.Stream{W: w})
			return err
		})
		if err != nil {
			return fmt.Errorf("export %s from %s: %w", format.Name, store.Location, err)
		}
		where = f.output
	}
	if format.Name == "html" && len(g.Nodes) > htmlComfortNodes {
		fmt.Fprintf(e.stderr, "note: the page holds %d nodes; browsers take long to draw that many: narrow it with --around, --type or --since\n", len(g.Nodes))
	}
	if where != "" {
		if format.Quads {
			fmt.Fprintf(e.stderr, "exported %d quads to %s\n", g.Quads(), where)
		} else {
			fmt.Fprintf(e.stderr, "exported the %s view, %d nodes and %d edges, to %s\n", g.View, len(g.Nodes), len(g.Edges), where)
		}
	}
	return nil
}

// htmlComfortNodes is about as many nodes as a browser draws in a few
// seconds.
const htmlComfortNodes = 20000

// checkView rejects an unknown --view with a usage error.
func checkView(cmd *cobra.Command, view string) error {
	if view != "" && view != export.ViewEntities && view != export.ViewFull {
		return usageErrorf(cmd, "unknown view %q (want %s)", view, strings.Join(export.Views, " or "))
	}
	return nil
}

// writeViewStats prints the node and edge counts of an export view (what
// networkx, Gephi or Cytoscape count in the export), for stats --view.
func writeViewStats(cmd *cobra.Command, e *env, store *graph.Store, view, format string) error {
	c, err := export.Count(cmd.Context(), store.QS, export.Options{View: view})
	if err != nil {
		return fmt.Errorf("count the %s view of %s: %w", view, store.Location, err)
	}
	if format == queries.FormatJSON {
		return queries.WriteJSON(e.stdout, c)
	}
	return queries.WriteTable(e.stdout, queries.Table{
		Header: []string{"view", "nodes", "edges"},
		Rows:   [][]string{{c.View, strconv.Itoa(c.Nodes), strconv.Itoa(c.Edges)}},
	})
}

// writeFileAtomic writes path through a temporary file in the same
// directory, renamed into place only when write succeeds.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
