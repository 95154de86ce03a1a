package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"newsgraph/graph"
	"newsgraph/loaders/extract"
	"newsgraph/queries"
)

func init() { extraCommands = append(extraCommands, newQueryCmd) }

// queryRun answers one query on an open graph: the value printed as JSON
// and the table printed as a table or CSV.
type queryRun func(cmd *cobra.Command, g *queries.Graph, st *graph.Store) (any, queries.Table, error)

func newQueryCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "query",
		Short: "Ask the graph who said what about whom, or run raw Gizmo, GraphQL and MQL",
		Long: `Query answers the questions analysts ask of the graph without writing a
graph query, and runs raw Cayley queries for the rest.

Entities are named by any of their names, in any case, and spellings that
differ by transliteration meet ("qassemi" finds Bahram Ghassemi). A name
that fits several entities lists them: add the type in brackets, as they
are listed ("Tony Blair (Person)"), or give the entity's id (its IRI) to
pick one. An unknown name suggests the closest.

Output is a table on a terminal and JSON otherwise (--format table, json or
csv); JSON field names are documented in queries/README.md, and an empty
answer is [] in JSON. The store is opened read-only. On a bolt store the
queries read the index that ingest keeps beside the quads; a store written
by an older build (or changed by 'newsgraph serve --writable') is read
through its quads, more slowly, until the next ingest brings the index up
to date.`,
		Example: `  newsgraph query entities --type Person
  newsgraph query entity qassemi
  newsgraph query statements --by Ghassemi --since 2017-06-01
  newsgraph query path "Jean-Yves Le Drian" Iran
  newsgraph query gizmo 'g.V("Iran").In("<http://schema.org/name>").Unique().All()'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.PersistentFlags().StringVar(&format, "format", queries.FormatAuto, "output format: table, json or csv (default: table on a terminal, json otherwise)")

	// run wraps a query: check the format, open the store read-only, answer,
	// print; a result of exactly limit rows gets a note on stderr.
	run := func(limit *int, q queryRun) func(*cobra.Command, []string) error {
		return func(c *cobra.Command, args []string) error {
			f, err := queries.ResolveFormat(format, e.stdoutTerminal)
			if err != nil {
				return usageErrorf(c, "%v", err)
			}
			if limit != nil && *limit < 0 {
				return usageErrorf(c, "--limit must be 0 (all) or more, not %d", *limit)
			}
			st, err := openStore(c, e, graph.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer st.Close()
			g := queries.New(st.QS, queries.Options{Index: st.Index()})
			v, t, err := q(c, g, st)
			if err != nil {
				return err
			}
			if err := queries.Write(e.stdout, f, v, t); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			if limit != nil && *limit > 0 && len(t.Rows) == *limit {
				fmt.Fprintf(e.stderr, "(the first %d; --limit 0 shows all)\n", *limit)
			}
			return nil
		}
	}

	cmd.AddCommand(
		newQueryEntitiesCmd(run),
		newQueryEntityCmd(run),
		newQueryStatementsCmd(run),
		newQuerySpeakersCmd(run),
		newQueryPathCmd(run),
		newQueryNeighborsCmd(run),
		newQueryTimelineCmd(run),
		newQueryCooccurCmd(run),
		newQueryArticlesCmd(run),
		newQueryScriptsCmd(e, &format),
	)
	for _, lang := range queries.RawLanguages {
		cmd.AddCommand(newQueryRawCmd(e, lang, run))
	}
	return cmd
}

type runner func(limit *int, q queryRun) func(*cobra.Command, []string) error

const defaultLimit = 100

func limitFlag(c *cobra.Command, p *int, def int, what string) {
	c.Flags().IntVar(p, "limit", def, "show at most this many "+what+" (0: all)")
}

func checkType(c *cobra.Command, t string) error {
	if t == "" {
		return nil
	}
	if _, err := queries.CanonicalType(t); err != nil {
		return usageErrorf(c, "--type: %v", err)
	}
	return nil
}

func checkDate(c *cobra.Command, flag, v string) error {
	if v == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return usageErrorf(c, "--%s %q is not a date (want YYYY-MM-DD)", flag, v)
	}
	return nil
}

// checkAct rejects a --act that is not one of the speech acts.
func checkAct(c *cobra.Command, act string) error {
	if act == "" {
		return nil
	}
	for _, a := range extract.Acts {
		if strings.EqualFold(strings.TrimSpace(act), a) {
			return nil
		}
	}
	return usageErrorf(c, "--act %q is not a speech act (want one of %s)", act, strings.Join(extract.Acts, ", "))
}

// needName requires an entity name, in one or more words.
func needName(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return usageErrorf(cmd, "no entity name given")
	}
	return nil
}

// nameArg joins the words of a name given without quotes.
func nameArg(args []string) string { return strings.Join(args, " ") }

func newQueryEntitiesCmd(run runner) *cobra.Command {
	var f queries.EntityFilter
	c := &cobra.Command{
		Use:   "entities [--type T] [--name PATTERN]",
		Short: "List entities with their type, names and counts, most mentioned first",
		Long: `Entities lists the people, countries, organizations and agreements of the
graph, most mentioned first, with how many articles mention each and how many
statements each made and is mentioned in. --name keeps the entities one of
whose names contains the words given, or matches a glob (* and ?).`,
		Example: `  newsgraph query entities --type Agreement
  newsgraph query entities --name ministry
  newsgraph query entities --name 'resolution*' --format csv`,
		Args: noArgs,
	}
	c.Flags().StringVar(&f.Type, "type", "", "only entities of this type: "+strings.Join(queries.EntityTypeNames, ", "))
	c.Flags().StringVar(&f.Name, "name", "", "only entities with a name containing these words, or matching this glob")
	limitFlag(c, &f.Limit, defaultLimit, "entities")
	c.RunE = run(&f.Limit, func(cmd *cobra.Command, g *queries.Graph, _ *graph.Store) (any, queries.Table, error) {
		if err := checkType(cmd, f.Type); err != nil {
			return nil, queries.Table{}, err
		}
		es, err := g.Entities(cmd.Context(), f)
		return es, queries.EntitiesTable(es), err
	})
	return c
}

func newQueryEntityCmd(run runner) *cobra.Command {
	var n int
	c := &cobra.Command{
		Use:   "entity NAME",
		Short: "Profile one entity: names, roles, statements by and about it, co-mentions, articles",
		Long: `Entity prints everything the graph says about one entity: its type and all
its names, the offices it holds, the statements it made and those that
mention it (newest first), the entities most often mentioned in the same
articles, and the articles that mention it. The name may be any of its
names, in any case or transliteration, with or without quotes.`,
		Example: `  newsgraph query entity Bahram Ghassemi
  newsgraph query entity qassemi --limit 3
  newsgraph query entity JCPOA --format json`,
		Args: needName,
	}
	limitFlag(c, &n, 10, "statements, co-mentioned entities and articles in each section")
	c.RunE = run(nil, func(cmd *cobra.Command, g *queries.Graph, _ *graph.Store) (any, queries.Table, error) {
		if n < 0 {
			return nil, queries.Table{}, usageErrorf(cmd, "--limit must be 0 (all) or more")
		}
		p, err := g.Profile(cmd.Context(), nameArg(cmd.Flags().Args()), n)
		if err != nil {
			return nil, queries.Table{}, err
		}
		return p, queries.ProfileTable(p), nil
	})
	return c
}

func newQueryStatementsCmd(run runner) *cobra.Command {
	var f queries.StatementFilter
	c := &cobra.Command{
		Use:   "statements [--by NAME] [--about NAME] [--act ACT] [--since DATE] [--until DATE] [--text WORDS]",
		Short: "List statements: speaker, date, act, text and source article, newest first",
		Long: `Statements lists the claims the articles attribute to speakers, newest first
(undated ones last), with the speaker, the date, the speech act, the text
and the article that reports it. Every condition given must hold.`,
		Example: `  newsgraph query statements --by "Bahram Ghassemi"
  newsgraph query statements --about JCPOA --since 2017-01-01 --until 2017-12-31
  newsgraph query statements --by rouhani --text missile
  newsgraph query statements --act deny --format csv --limit 0`,
		Args: noArgs,
	}
	c.Flags().StringVar(&f.By, "by", "", "only statements this entity made")
	c.Flags().StringVar(&f.About, "about", "", "only statements that mention this entity")
	c.Flags().StringVar(&f.Act, "act", "", "only statements of this speech act: "+strings.Join(extract.Acts, ", "))
	c.Flags().StringVar(&f.Since, "since", "", "only statements made on or after this date (YYYY-MM-DD)")
	c.Flags().StringVar(&f.Until, "until", "", "only statements made on or before this date (YYYY-MM-DD)")
	c.Flags().StringVar(&f.Text, "text", "", "only statements whose text contains all these words (any case)")
	limitFlag(c, &f.Limit, defaultLimit, "statements")
	c.RunE = run(&f.Limit, func(cmd *cobra.Command, g *queries.Graph, _ *graph.Store) (any, queries.Table, error) {
		if err := checkDate(cmd, "since", f.Since); err != nil {
			return nil, queries.Table{}, err
		}
		if err := checkDate(cmd, "until", f.Until); err != nil {
			return nil, queries.Table{}, err
		}
		if f.Since != "" && f.Until != "" && f.Until < f.Since {
			return nil, queries.Table{}, usageErrorf(cmd, "--until %s is before --since %s", f.Until, f.Since)
		}
		if err := checkAct(cmd, f.Act); err != nil {
			return nil, queries.Table{}, err
		}
		ss, err := g.Statements(cmd.Context(), f)
		return ss, queries.StatementsTable(ss), err
	})
	return c
}

func newQuerySpeakersCmd(run runner) *cobra.Command {
	var about string
	var n int
	c := &cobra.Command{
		Use:   "speakers [--about NAME]",
		Short: "Rank speakers by their statements (about one entity, when given)",
		Example: `  newsgraph query speakers
  newsgraph query speakers --about Iran --limit 10`,
		Args: noArgs,
	}
	c.Flags().StringVar(&about, "about", "", "count only statements that mention this entity")
	limitFlag(c, &n, defaultLimit, "speakers")
	c.RunE = run(&n, func(cmd *cobra.Command, g *queries.Graph, _ *graph.Store) (any, queries.Table, error) {
		ss, err := g.Speakers(cmd.Context(), about, n)
		return ss, queries.SpeakersTable(ss), err
	})
	return c
}

func newQueryPathCmd(run runner) *cobra.Command {
	var depth, n int
	c := &cobra.Command{
		Use:   "path A B",
		Short: "Show the shortest connections between two entities, hop by hop",
		Long: `Path finds the shortest chains of statements, articles, roles and agreement
facts that link two entities, and prints each hop readably:

  Jean-Yves Le Drian -said-> statement -mentions-> Iran

Quote names of more than one word.`,
		Example: `  newsgraph query path "Jean-Yves Le Drian" Iran
  newsgraph query path Trump "Le Drian" --max-depth 6
  newsgraph query path Rouhani JCPOA --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageErrorf(cmd, "path takes two entity names, got %d arguments (quote names of more than one word)", len(args))
			}
			return nil
		},
	}
	c.Flags().IntVar(&depth, "max-depth", 4, "longest path to look for, in hops")
	limitFlag(c, &n, 10, "paths")
	c.RunE = run(&n, func(cmd *cobra.Command, g *queries.Graph, _ *graph.Store) (any, queries.Table, error) {
		if depth < 1 {
			return nil, queries.Table{}, usageErrorf(cmd, "--max-depth must be at least 1")
		}
		args := cmd.Flags().Args()
		ps, err := g.Paths(cmd.Context(), args[0], args[1], depth, n)
		return ps, queries.PathsTable(ps), err
	})
	return c
}

func newQueryNeighborsCmd(run runner) *cobra.Command {
	var depth, n int
	c := &cobra.Command{
		Use:   "neighbors NAME",
		Short: "List the entities linked to one entity, and how",
		Long: `Neighbors lists the entities linked to one entity: those it said something
about, those who spoke about it, those mentioned with it in statements and
articles, its affiliations and agreement parties, nearest and most strongly
linked first. --depth 2 and more go on from the 20 most strongly linked
entities of each depth (see queries/README.md).`,
		Example: `  newsgraph query neighbors Rouhani
  newsgraph query neighbors "Le Drian" --depth 2`,
		Args: needName,
	}
	c.Flags().IntVar(&depth, "depth", 1, "how many entity hops to go")
	limitFlag(c, &n, defaultLimit, "neighbours")
	c.RunE = run(&n, func(cmd *cobra.Command, g *queries.Graph, _ *graph.Store) (any, queries.Table, error) {
		if depth < 1 {
			return nil, queries.Table{}, usageErrorf(cmd, "--depth must be at least 1")
		}
		ns, err := g.Neighbors(cmd.Context(), nameArg(cmd.Flags().Args()), depth, n)
		return ns, queries.NeighborsTable(ns), err
	})
	return c
}

func newQueryTimelineCmd(run runner) *cobra.Command {
	var n int
	c := &cobra.Command{
		Use:   "timeline NAME",
		Short: "List the statements by or about one entity in date order",
		Example: `  newsgraph query timeline Hassan Rouhani
  newsgraph query timeline France --format csv`,
		Args: needName,
	}
	limitFlag(c, &n, defaultLimit, "statements")
	c.RunE = run(&n, func(cmd *cobra.Command, g *queries.Graph, _ *graph.Store) (any, queries.Table, error) {
		es, err := g.Timeline(cmd.Context(), nameArg(cmd.Flags().Args()), n)
		return es, queries.TimelineTable(es), err
	})
	return c
}

func newQueryCooccurCmd(run runner) *cobra.Command {
	var typ string
	var n int
	c := &cobra.Command{
		Use:   "cooccur [--type T]",
		Short: "List pairs of entities mentioned in the same articles, most frequent first",
		Example: `  newsgraph query cooccur
  newsgraph query cooccur --type Country --limit 20`,
		Args: noArgs,
	}
	c.Flags().StringVar(&typ, "type", "", "only pairs of entities both of this type")
	limitFlag(c, &n, defaultLimit, "pairs")
	c.RunE = run(&n, func(cmd *cobra.Command, g *queries.Graph, _ *graph.Store) (any, queries.Table, error) {
		if err := checkType(cmd, typ); err != nil {
			return nil, queries.Table{}, err
		}
		cs, err := g.Cooccur(cmd.Context(), typ, n)
		return cs, queries.CooccurTable(cs), err
	})
	return c
}

func newQueryArticlesCmd(run runner) *cobra.Command {
	var mentions string
	var n int
	c := &cobra.Command{
		Use:   "articles [--mentions NAME]",
		Short: "List articles, newest first (those that mention an entity, when given)",
		Example: `  newsgraph query articles
  newsgraph query articles --mentions "Barack Obama"`,
		Args: noArgs,
	}
	c.Flags().StringVar(&mentions, "mentions", "", "only articles that mention this entity")
	limitFlag(c, &n, defaultLimit, "articles")
	c.RunE = run(&n, func(cmd *cobra.Command, g *queries.Graph, _ *graph.Store) (any, queries.Table, error) {
		as, err := g.Articles(cmd.Context(), mentions, n)
		return as, queries.ArticlesTable(as), err
	})
	return c
}

func newQueryRawCmd(e *env, lang string, run runner) *cobra.Command {
	var file string
	var opt queries.RawOptions
	examples := map[string]string{
		"gizmo": `  newsgraph query gizmo 'g.V("Rouhani").In("<http://schema.org/alternateName>").Unique().All()'
  newsgraph query gizmo -f my-query.js --limit 20
  newsgraph query scripts speakers-of-country > q.js && newsgraph query gizmo -f q.js`,
		"graphql": `  newsgraph query graphql '{ person(http://schema.org/name: "Hassan Rouhani") { id, title: http://schema.org/jobTitle } }'`,
		"mql":     `  newsgraph query mql '[{"id": null, "<http://schema.org/name>": "Hassan Rouhani"}]'`,
	}
	c := &cobra.Command{
		Use:   lang + " [QUERY]",
		Short: "Run a raw " + rawName(lang) + " query through Cayley's query engine",
		Long: `Runs a ` + rawName(lang) + ` query, given as the argument or read from a file with
-f ("-" for standard input), against the store through Cayley's query
engine, and prints each result. Node and predicate IRIs are written in full
(<http://schema.org/name>); the vocabulary is in the README.`,
		Example: examples[lang],
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) > 1:
				return usageErrorf(cmd, "give the query as one (quoted) argument")
			case len(args) == 1 && file != "":
				return usageErrorf(cmd, "give the query as an argument or with -f, not both")
			case len(args) == 0 && file == "":
				return usageErrorf(cmd, "no query: give it as an argument or with -f FILE")
			}
			return nil
		},
	}
	c.Flags().StringVarP(&file, "file", "f", "", `read the query from this file ("-": standard input)`)
	c.Flags().IntVar(&opt.Limit, "limit", 0, "stop after this many results (0: all)")
	c.Flags().DurationVar(&opt.Timeout, "timeout", 30*time.Second, "give up after this long (0: never)")
	c.RunE = run(&opt.Limit, func(cmd *cobra.Command, g *queries.Graph, st *graph.Store) (any, queries.Table, error) {
		q, err := readQuery(e, cmd.Flags().Args(), file)
		if err != nil {
			return nil, queries.Table{}, err
		}
		res, err := queries.RunRaw(cmd.Context(), st.QS, lang, q, opt)
		return res, queries.RawTable(res), err
	})
	return c
}

func rawName(lang string) string {
	switch lang {
	case "gizmo":
		return "Gizmo (JavaScript)"
	case "graphql":
		return "GraphQL"
	}
	return strings.ToUpper(lang)
}

func readQuery(e *env, args []string, file string) (string, error) {
	if len(args) == 1 {
		return args[0], nil
	}
	var b []byte
	var err error
	if file == "-" {
		b, err = io.ReadAll(e.stdin)
	} else {
		b, err = os.ReadFile(file)
	}
	if err != nil {
		return "", fmt.Errorf("read query %s: %w", file, err)
	}
	return string(b), nil
}

func newQueryScriptsCmd(e *env, format *string) *cobra.Command {
	return &cobra.Command{
		Use:   "scripts [NAME]",
		Short: "List the shipped Gizmo scripts, or print one to run or paste into the Cayley web UI",
		Long: `Scripts lists the documented Gizmo queries that ship with newsgraph. With a
name it prints that script: run it with 'newsgraph query gizmo -f', or paste
it into the query editor of the Cayley web UI ('newsgraph serve'). Each
script starts with a variable to set (a country, an agreement, ...).`,
		Example: `  newsgraph query scripts
  newsgraph query scripts statements-about-agreement
  newsgraph query scripts parties-of-agreement | newsgraph query gizmo -f -`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := queries.ResolveFormat(*format, e.stdoutTerminal)
			if err != nil {
				return usageErrorf(cmd, "%v", err)
			}
			if len(args) == 1 {
				s, err := queries.ScriptNamed(args[0])
				if err != nil {
					return usageErrorf(cmd, "%v", err)
				}
				if *format == queries.FormatJSON {
					return queries.WriteJSON(e.stdout, s)
				}
				// The script itself, to pipe or paste, unless JSON is asked for.
				_, err = fmt.Fprint(e.stdout, s.Source)
				return err
			}
			ss := queries.Scripts()
			return queries.Write(e.stdout, f, ss, queries.ScriptsTable(ss))
		},
	}
}
