// Package queries answers the questions analysts ask of a newsgraph store
// (entities, statements, speakers, paths, timelines, co-occurrence), runs
// raw Gizmo, GraphQL and MQL queries through Cayley's query engine, and
// formats results as tables, JSON or CSV.
//
// It reads the graph only; writing is the graph package's job.
package queries

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"text/tabwriter"
)

// Output formats every data-printing command offers.
const (
	FormatAuto  = "auto" // table on a terminal, JSON otherwise
	FormatTable = "table"
	FormatJSON  = "json"
	FormatCSV   = "csv"
)

// Table is tabular output: a header and rows of cells.
type Table struct {
	Header []string
	Rows   [][]string
}

// ResolveFormat turns "auto" (or "") into table or JSON depending on
// whether the output is a terminal, and checks the name.
func ResolveFormat(format string, terminal bool, allowed ...string) (string, error) {
	if format == "" || format == FormatAuto {
		if terminal {
			return FormatTable, nil
		}
		return FormatJSON, nil
	}
	if len(allowed) == 0 {
		allowed = []string{FormatTable, FormatJSON, FormatCSV}
	}
	for _, a := range allowed {
		if a == format {
			return format, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want %s)", format, strings.Join(allowed, ", "))
}

// Write prints v as JSON, or t as an aligned table or CSV. Nil slices in
// v print as [] in JSON.
func Write(w io.Writer, format string, v any, t Table) error {
	switch format {
	case FormatJSON:
		return WriteJSON(w, v)
	case FormatCSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(t.Header); err != nil {
			return err
		}
		if err := cw.WriteAll(t.Rows); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	default:
		return WriteTable(w, t)
	}
}

// WriteJSON prints v as indented JSON; a nil slice prints as [].
func WriteJSON(w io.Writer, v any) error {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.IsNil() {
		v = []any{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// WriteTable prints an aligned table with an upper-case header. Long
// cells are kept whole; tables are for reading, JSON for processing.
func WriteTable(w io.Writer, t Table) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := make([]string, len(t.Header))
	for i, h := range t.Header {
		head[i] = strings.ToUpper(h)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}
