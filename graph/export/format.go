package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
)

// Writer writes one export of g to dst.
type Writer func(ctx context.Context, dst Destination, g *Graph) error

// Format is one export format.
type Format struct {
	Name    string
	Ext     string   // extension of its files, with the dot; "" for multi-part formats
	AltExts []string // other extensions that choose it
	MIME    string
	Doc     string // one line for --help
	// Parts are the file names a multi-part format writes into a
	// directory; nil for single-file formats.
	Parts []string
	// Quads says the format writes the raw quads of the store with their
	// labels, not a view.
	Quads bool
	// Statements says the writer shows statement texts (Options.Statements).
	Statements bool
	Writer     Writer
}

// Formats is the registry of export formats.
var Formats = []*Format{
	{Name: "graphml", Ext: ".graphml", MIME: "application/graphml+xml",
		Doc: "GraphML with typed keys (yEd, Cytoscape, networkx)", Writer: writeGraphML},
	{Name: "gexf", Ext: ".gexf", MIME: "application/gexf+xml",
		Doc: "dynamic GEXF 1.2 with start/end dates for Gephi's timeline", Writer: writeGEXF},
	{Name: "dot", Ext: ".dot", AltExts: []string{".gv"}, MIME: "text/vnd.graphviz",
		Doc: "Graphviz DOT, nodes coloured by type", Writer: writeDOT},
	{Name: "cytoscape", Ext: ".cyjs", AltExts: []string{".json"}, MIME: "application/json",
		Doc: "Cytoscape.js JSON (elements), also opened by Cytoscape desktop", Writer: writeCytoscape},
	{Name: "csv", Parts: []string{"nodes.csv", "edges.csv"}, MIME: "text/csv",
		Doc: "nodes.csv and edges.csv with Neo4j admin-import headers, into the directory -o names", Writer: writeCSV},
	{Name: "nquads", Ext: ".nq", AltExts: []string{".nquads"}, MIME: "application/n-quads", Quads: true,
		Doc: "the raw quads, each labelled with its article's IRI", Writer: writeNQuads},
	{Name: "jsonld", Ext: ".jsonld", MIME: "application/ld+json", Quads: true,
		Doc: "the raw quads as expanded JSON-LD, one named graph per article", Writer: writeJSONLD},
	{Name: "html", Ext: ".html", AltExts: []string{".htm"}, MIME: "text/html", Statements: true,
		Doc: "one self-contained interactive page (Cytoscape.js embedded; search, colours by type, statements on click)", Writer: writeHTML},
}

// FormatNames lists the registered format names.
func FormatNames() []string {
	out := make([]string, len(Formats))
	for i, f := range Formats {
		out[i] = f.Name
	}
	return out
}

// FormatByName returns the format with the given name, or nil.
func FormatByName(name string) *Format {
	for _, f := range Formats {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// FormatForPath returns the format a file's extension chooses, or nil.
func FormatForPath(path string) *Format {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return nil
	}
	for _, f := range Formats {
		if f.Ext == ext {
			return f
		}
		for _, a := range f.AltExts {
			if a == ext {
				return f
			}
		}
	}
	return nil
}

// Check reports options a format cannot honour: raw quad formats take
// only the time window.
func (f *Format) Check(opt Options) error {
	if f.Quads && (opt.View != "" || len(opt.Types) > 0 || opt.Around != "") {
		return fmt.Errorf("%s writes the raw quads, not a view: --view, --type and --around do not apply (--since and --until do)", f.Name)
	}
	return nil
}

// Export reads what format f writes from the store (a view, or the raw
// quads of the articles in the time window) and writes it to dst. It
// returns the graph it wrote, whose node and edge counts describe a view
// export.
func Export(ctx context.Context, qs cgraph.QuadStore, f *Format, opt Options, dst Destination) (*Graph, error) {
	if err := f.Check(opt); err != nil {
		return nil, err
	}
	var g *Graph
	if f.Quads {
		g = &Graph{raw: &quadSource{qs: qs, opt: opt}}
	} else {
		opt.Statements = f.Statements
		var err error
		if g, err = Build(ctx, qs, opt); err != nil {
			return nil, err
		}
	}
	if err := f.Writer(ctx, dst, g); err != nil {
		return nil, fmt.Errorf("write %s: %w", f.Name, err)
	}
	return g, nil
}

// Quads returns the number of quads a raw quad export wrote.
func (g *Graph) Quads() int64 {
	if g.raw == nil {
		return 0
	}
	return g.raw.written
}

// Destination is where an export goes: single-file formats create the
// part named "", multi-part formats (csv) one part per file name.
type Destination interface {
	Create(name string) (io.Writer, error)
}

// ErrNeedsDirectory is returned when a multi-part format is written to a
// single stream.
var ErrNeedsDirectory = errors.New("writes several files: give a directory")

// Stream is a destination of one stream (standard output, a file).
type Stream struct{ W io.Writer }

// Create returns the stream for the only part of a single-file format.
func (s Stream) Create(name string) (io.Writer, error) {
	if name != "" {
		return nil, fmt.Errorf("%s: %w", name, ErrNeedsDirectory)
	}
	return s.W, nil
}

// Dir is a destination directory for multi-part formats. Parts are
// written to temporary files and renamed into place by Commit, so a failed
// export leaves the previous files as they were.
type Dir struct {
	Path  string
	files []*os.File
	names []string
}

// Create opens the part named name inside the directory, creating the
// directory when needed.
func (d *Dir) Create(name string) (io.Writer, error) {
	if name == "" || strings.ContainsAny(name, `/\`) {
		return nil, fmt.Errorf("%s is a directory: this format writes one file", d.Path)
	}
	if err := os.MkdirAll(d.Path, 0o755); err != nil {
		return nil, fmt.Errorf("create directory %s: %w", d.Path, err)
	}
	f, err := os.CreateTemp(d.Path, "."+name+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", filepath.Join(d.Path, name), err)
	}
	d.files = append(d.files, f)
	d.names = append(d.names, name)
	return f, nil
}

// Files returns the paths of the parts created so far.
func (d *Dir) Files() []string {
	out := make([]string, len(d.names))
	for i, n := range d.names {
		out[i] = filepath.Join(d.Path, n)
	}
	return out
}

// Commit closes the parts and moves them into place.
func (d *Dir) Commit() error {
	var first error
	for i, f := range d.files {
		err := f.Close()
		if err == nil {
			err = os.Chmod(f.Name(), 0o644)
		}
		if err == nil {
			err = os.Rename(f.Name(), filepath.Join(d.Path, d.names[i]))
		}
		if err != nil && first == nil {
			first = fmt.Errorf("write %s: %w", filepath.Join(d.Path, d.names[i]), err)
		}
	}
	if first != nil {
		d.Abort()
	}
	d.files = nil
	return first
}

// Abort closes and removes the parts.
func (d *Dir) Abort() {
	for _, f := range d.files {
		f.Close()
		os.Remove(f.Name())
	}
	d.files = nil
}

// bufWriter wraps a part in a buffer; errors are kept and reported by
// flush, so writers can write freely.
type bufWriter struct {
	*bufio.Writer
}

func newBuf(w io.Writer) bufWriter { return bufWriter{bufio.NewWriterSize(w, 64<<10)} }

func create(dst Destination, name string) (bufWriter, error) {
	w, err := dst.Create(name)
	if err != nil {
		return bufWriter{}, err
	}
	return newBuf(w), nil
}
