// Command newsgraph builds a knowledge graph of who said what, about whom,
// from news articles, stores it in Cayley, and lets you query, export and
// explore it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"newsgraph/graph"
)

// Exit codes.
const (
	exitOK      = 0
	exitError   = 1 // the command failed
	exitUsage   = 2 // bad flags or arguments
	exitPartial = 3 // the command ran but some inputs were rejected
)

func main() { os.Exit(run()) }

// env is what commands read from and write to; tests replace it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	stdoutTerminal bool
	stderrTerminal bool
	getenv         func(string) string
}

func osEnv() *env {
	return &env{
		stdin:          os.Stdin,
		stdout:         os.Stdout,
		stderr:         os.Stderr,
		stdoutTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		stderrTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		getenv:         os.Getenv,
	}
}

func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return execute(ctx, osEnv(), os.Args[1:])
}

// execute runs one command line and maps its error to an exit code; it is
// the one place errors are printed.
func execute(ctx context.Context, e *env, args []string) int {
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var pe *partialError
	switch {
	case errors.As(err, &pe):
		// Each rejected input was already reported on its own line.
		return exitPartial
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "newsgraph: %v\n", err)
		fmt.Fprintf(e.stderr, "Run '%s --help' for usage.\n", ue.cmd)
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(e.stderr, "newsgraph: interrupted")
		return exitError
	default:
		fmt.Fprintf(e.stderr, "newsgraph: %v\n", err)
		return exitError
	}
}

// usageError is a mistake in flags or arguments.
type usageError struct {
	cmd string
	err error
}

func (u *usageError) Error() string { return u.err.Error() }
func (u *usageError) Unwrap() error { return u.err }

func usageErrorf(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{cmd: cmd.CommandPath(), err: fmt.Errorf(format, args...)}
}

// partialError says that a command finished but some inputs failed; the
// failures and a summary were printed already.
type partialError struct{ rejected int }

func (p *partialError) Error() string { return fmt.Sprintf("%d inputs rejected", p.rejected) }

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "newsgraph",
		Short: "Build a knowledge graph of who said what, about whom, from news articles",
		Long: `newsgraph reads news articles, finds the people, countries, organizations and
agreements they name and every statement they attribute to a speaker, and
stores it all as quads in a Cayley graph database that you can query from
the command line, export to Gephi, Cytoscape, Graphviz or yEd, and explore
in the Cayley web UI.

The store is a bolt directory, newsgraph.db in the current directory unless
--db or NEWSGRAPH_DB says otherwise ("memory" for an in-memory store, a
postgres:// URL for PostgreSQL).`,
		Example: `  newsgraph demo                       # ingest the embedded seed articles and show the graph
  newsgraph ingest articles/ feed.xml  # add articles to ./newsgraph.db
  newsgraph stats
  newsgraph extract article.txt --format text`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{cmd: c.CommandPath(), err: err}
	})
	root.PersistentFlags().String("db", "", `store: a bolt directory, "memory", or a postgres:// URL (default $NEWSGRAPH_DB, else newsgraph.db)`)
	root.AddCommand(
		newIngestCmd(e),
		newStatsCmd(e),
		newExtractCmd(e),
		newDemoCmd(e),
	)
	for _, c := range extraCommands {
		root.AddCommand(c(e))
	}
	return root
}

// extraCommands lets each command file register itself.
var extraCommands []func(*env) *cobra.Command

// dbSpec returns the store the command should use: --db, NEWSGRAPH_DB, or
// the default path.
func dbSpec(cmd *cobra.Command, e *env) string {
	if f := cmd.Flag("db"); f != nil && f.Changed {
		return f.Value.String()
	}
	if v := e.getenv("NEWSGRAPH_DB"); v != "" {
		return v
	}
	return graph.DefaultPath
}

// openStore opens the command's store.
func openStore(cmd *cobra.Command, e *env, opt graph.Options) (*graph.Store, error) {
	return graph.Open(dbSpec(cmd, e), opt)
}

// noArgs rejects positional arguments with a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf(cmd, "unexpected argument %q", args[0])
	}
	return nil
}
