package main

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"newsgraph/graph"
	"newsgraph/queries/server"
)

func init() { extraCommands = append(extraCommands, newServeCmd) }

// defaultServeAddr is Cayley's own port, on loopback.
const defaultServeAddr = "127.0.0.1:64210"

func newServeCmd(e *env) *cobra.Command {
	var (
		addr     string
		writable bool
		timeout  time.Duration
		limit    int
		maxBody  = byteSize(server.DefaultMaxBody)
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Explore the graph in the Cayley web UI and query it over Cayley's HTTP API",
		Long: `serve opens the store and serves, until Ctrl-C, the Cayley web UI and Cayley's
HTTP API v2 (/api/v2/query, /api/v2/read, /api/v2/formats) plus /health.

The UI's query editor starts with a sample Gizmo query for this graph: the
statements of its most frequent speaker (open /?sample to get it back after
editing). The store is opened read-only, so other readers may share it;
--writable also enables /api/v2/write, /api/v2/delete and
/api/v2/node/delete. Every query is stopped after --timeout, a runaway
Gizmo loop included, and returns at most --limit results.

The server listens on loopback only unless --addr says otherwise; any other
address makes the graph readable (and with --writable, writable) by anyone
who can reach it, and serve warns about it.`,
		Example: `  newsgraph serve                          # then open http://127.0.0.1:64210/
  newsgraph serve --addr 127.0.0.1:8080 --db news.db
  curl -s 'http://127.0.0.1:64210/api/v2/query?lang=gizmo' \
    --data 'g.V("<https://newsgraph.dev/person/bahram-ghassemi>").in("<https://newsgraph.dev/ns/speaker>").out("<https://newsgraph.dev/ns/text>").all()'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, _, err := net.SplitHostPort(addr); err != nil {
				return usageErrorf(cmd, "--addr %q: want HOST:PORT, e.g. %s", addr, defaultServeAddr)
			}
			if timeout <= 0 {
				return usageErrorf(cmd, "--timeout must be positive, got %v", timeout)
			}
			if limit <= 0 {
				return usageErrorf(cmd, "--limit must be positive, got %d", limit)
			}
			return runServe(cmd.Context(), cmd, e, serveOptions{
				addr: addr, writable: writable,
				cfg: server.Config{Writable: writable, Timeout: timeout, Limit: limit, MaxBody: int64(maxBody)},
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", defaultServeAddr, "address to listen on, HOST:PORT (port 0 picks a free one)")
	f.BoolVar(&writable, "writable", false, "open the store for writing and enable the API's write endpoints")
	f.DurationVar(&timeout, "timeout", server.DefaultTimeout, "stop each query after this long")
	f.IntVar(&limit, "limit", server.DefaultLimit, "most results a query returns")
	f.Var(&maxBody, "max-body", "largest request body accepted (e.g. 1MiB, 64MiB)")
	return cmd
}

type serveOptions struct {
	addr     string
	writable bool
	cfg      server.Config
}

func runServe(ctx context.Context, cmd *cobra.Command, e *env, o serveOptions) error {
	store, err := openStore(cmd, e, graph.Options{ReadOnly: !o.writable})
	if err != nil {
		return err
	}
	closeStore := sync.OnceValue(store.Close)
	defer closeStore()
	if store.Kind == "memory" && !o.writable {
		fmt.Fprintln(e.stderr, "newsgraph: warning: an in-memory store starts empty; use --db with a store, or --writable to fill it through the API")
	}

	sctx, cancel := context.WithTimeout(ctx, o.cfg.Timeout)
	sample, err := server.SampleQuery(sctx, store.QS)
	cancel()
	if err != nil {
		return fmt.Errorf("sample query for %s: %w", store.Location, err)
	}
	o.cfg.Sample = sample.Query

	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.addr, unwrapOpError(err))
	}
	defer ln.Close()
	loopback := isLoopback(ln.Addr())
	o.cfg.LoopbackOnly = loopback
	h, err := server.New(store, o.cfg)
	if err != nil {
		return err
	}

	mode := "read-only"
	if o.writable {
		mode = "writable"
	}
	url := serveURL(ln.Addr(), o.addr)
	fmt.Fprintf(e.stderr, "newsgraph: serving %s (%s, %s) on %s\n", store.Location, store.Kind, mode, ln.Addr())
	if !loopback {
		what := "read"
		if o.writable {
			what = "read and change"
		}
		fmt.Fprintf(e.stderr, "newsgraph: warning: %s is not a loopback address: anyone who can reach this machine can %s the graph\n", ln.Addr(), what)
	}
	fmt.Fprintf(e.stderr, "Open %s in a browser; the query editor starts with %s.\n", url, sample.Describe())
	fmt.Fprintln(e.stderr, "Press Ctrl-C to stop.")

	if err := server.Serve(ctx, ln, h); err != nil {
		return err
	}
	if err := closeStore(); err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "newsgraph: stopped")
	return nil
}

// isLoopback reports whether a listener accepts loopback connections only.
func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// serveURL is the address to open in a browser: the host as the user gave
// it (a name such as localhost stays a name), with the port actually bound;
// loopback for the wildcard address.
func serveURL(bound net.Addr, requested string) string {
	host, _, _ := net.SplitHostPort(requested)
	port := strconv.Itoa(bound.(*net.TCPAddr).Port)
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// unwrapOpError drops the "listen tcp ADDR:" prefix the caller already says.
func unwrapOpError(err error) error {
	if oe, ok := err.(*net.OpError); ok && oe.Err != nil {
		return oe.Err
	}
	return err
}

// byteSize is a flag holding a number of bytes, written with an optional
// unit: 1048576, 1MiB, 512KiB, 1MB, 2G.
type byteSize int64

var byteUnits = []struct {
	suffix string
	n      int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1000}, {"mb", 1000 * 1000}, {"gb", 1000 * 1000 * 1000},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

func (b *byteSize) String() string {
	n := int64(*b)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.n && n%u.n == 0 {
			return strconv.FormatInt(n/u.n, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

func (b *byteSize) Set(s string) error {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range byteUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return fmt.Errorf("%q is not a positive size such as 1048576, 512KiB or 64MiB", s)
	}
	*b = byteSize(n * mult)
	return nil
}

func (b *byteSize) Type() string { return "size" }
