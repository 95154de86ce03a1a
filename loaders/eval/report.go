package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteJSON writes the report as indented JSON. Field names are stable and
// lists are [] rather than null. Misses are written only when withMisses is
// set (the list is [] otherwise).
func WriteJSON(w io.Writer, r *Report, withMisses bool) error {
	out := *r
	out.normalizeLists()
	if !withMisses {
		out.Misses = []Miss{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(&out)
}

func ratio(v float64, scored bool) string {
	if !scored {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}

// WriteTable writes the report for people: a header, the score table, the
// attribution accuracy, the graph checks and, with withMisses, every miss.
func WriteTable(w io.Writer, r *Report, withMisses bool) error {
	var b strings.Builder
	switch r.Mode {
	case "polnear":
		s := r.PolNeAR
		fmt.Fprintf(&b, "PolNeAR %s: %d articles", r.Gold, s.Articles)
		if s.MultiAnnotated > 0 {
			fmt.Fprintf(&b, " (%d with several annotators: the lexically first .ann used)", s.MultiAnnotated)
		}
		if s.Unannotated > 0 {
			fmt.Fprintf(&b, ", %d without annotations skipped", s.Unannotated)
		}
		fmt.Fprintf(&b, "\n%d attributions, %d gold statements (speech-verb cue, content of 3+ words; %d shorter left out), %d with a named source; %d predicted statements\n\n",
			s.Attributions, s.GoldStatements, s.TooShort, s.NamedSource, s.Predicted)
	default:
		fmt.Fprintf(&b, "gold %s: %d articles\n\n", r.Gold, r.Articles)
	}
	io.WriteString(w, b.String())

	rows := [][]string{{"category", "type", "gold", "pred", "tp", "fp", "found", "fn", "ignored", "precision", "recall", "f1"}}
	for _, s := range r.Scores {
		cat, typ := s.Category, s.Type
		if r.Mode == "polnear" && cat == CatStatements {
			cat = "statements (detection)"
		}
		if typ == "" {
			typ = "all"
		}
		rows = append(rows, []string{cat, typ,
			strconv.Itoa(s.Gold), strconv.Itoa(s.Predicted), strconv.Itoa(s.TP), strconv.Itoa(s.FP),
			strconv.Itoa(s.Found), strconv.Itoa(s.FN), strconv.Itoa(s.Ignored),
			ratio(s.Precision, s.Scored), ratio(s.Recall, s.Scored), ratio(s.F1, s.Scored)})
	}
	if err := writeAligned(w, rows, 2); err != nil {
		return err
	}
	a := r.Attribution
	label := "attribution accuracy"
	if r.Mode == "polnear" {
		label += " (named sources)"
	}
	fmt.Fprintf(w, "\n%s: %d/%d = %s\n", label, a.Correct, a.Total, ratio(a.Accuracy, a.Scored))

	if len(r.Graph) > 0 {
		pass := 0
		for _, g := range r.Graph {
			if g.Pass {
				pass++
			}
		}
		fmt.Fprintf(w, "\ngraph same_entity: %d/%d pairs are one node\n", pass, len(r.Graph))
		for _, g := range r.Graph {
			mark := "pass"
			if !g.Pass {
				mark = "FAIL"
			}
			fmt.Fprintf(w, "  %s  %s = %s", mark, g.A, g.B)
			if !g.Pass {
				fmt.Fprintf(w, "  (%q: %s; %q: %s)", g.A, nodeList(g.NodesA), g.B, nodeList(g.NodesB))
			}
			fmt.Fprintln(w)
		}
	}
	if len(r.Unpaired) > 0 {
		fmt.Fprintf(w, "\npredicted articles without gold (not scored): %s\n", strings.Join(r.Unpaired, ", "))
	}
	if withMisses {
		fmt.Fprintf(w, "\nmisses (%d):\n", len(r.Misses))
		for _, m := range r.Misses {
			kind := "FP"
			if m.Kind == FalseNegative {
				kind = "FN"
			}
			fmt.Fprintf(w, "  %s  %s %s  %s  -- %s\n", m.File, kind, m.Category, m.Item, m.Reason)
		}
	}
	return nil
}

// writeAligned writes rows as columns: the first left columns aligned
// left, the rest (numbers) aligned right.
func writeAligned(w io.Writer, rows [][]string, left int) error {
	width := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if i < left {
				b.WriteString(c)
				if i < len(row)-1 {
					b.WriteString(pad)
				}
			} else {
				b.WriteString(pad)
				b.WriteString(c)
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func nodeList(nodes []string) string {
	if len(nodes) == 0 {
		return "no node"
	}
	return strings.Join(nodes, ", ")
}
