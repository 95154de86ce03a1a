package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"newsgraph/loaders"
	"newsgraph/schema"
)

// Attribution is one PolNeAR attribution relation: who (source) said (cue)
// what (content). Spans are in Unicode code points of the article's text
// file; a role may have several discontinuous spans, whose texts are joined
// with a space.
type Attribution struct {
	ID       string // the brat event id, E1 ...
	NoSource bool   // annotated as Attribution-no-source
	Source   []schema.Span
	Cue      []schema.Span
	Content  []schema.Span

	SourceText, CueText, ContentText string
}

// IsStatement reports whether the attribution is a gold statement: its cue
// is a verb of saying (IsSpeechCue) and its content has at least three word
// tokens, the fewest FORMAT.md's overlap rule can ever match ("said so",
// "told him that").
func (a *Attribution) IsStatement() bool {
	return IsSpeechCue(a.CueText) && !a.tooShort()
}

func (a *Attribution) tooShort() bool { return len(Tokens(a.ContentText)) < overlapFloor }

// ParseAnn reads the attributions of a brat standoff file (PolNeAR's
// attributions/*.ann) and fills their texts from the article text. Text
// lines "T1<TAB>Label START END[;START END...]<TAB>text" define spans;
// event lines "E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1" tie them
// (roles may carry a number: Content2). Lines of other kinds (#, A, R) and
// continuation lines of span texts that hold a line break are skipped.
// Events with no content are dropped.
func ParseAnn(data string, text []rune) ([]Attribution, error) {
	type span struct {
		label string
		spans []schema.Span
	}
	spans := make(map[string]span)
	var events [][]string
	var eventLines []int
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || len(id) < 2 {
			continue
		}
		if _, err := strconv.Atoi(id[1:]); err != nil {
			continue // a continuation line of a span text
		}
		switch id[0] {
		case 'T':
			def, _, _ := strings.Cut(rest, "\t")
			label, offs, ok := strings.Cut(def, " ")
			if !ok {
				return nil, fmt.Errorf("line %d: span %s has no offsets", n+1, id)
			}
			var ss []schema.Span
			for _, part := range strings.Split(offs, ";") {
				f := strings.Fields(part)
				if len(f) != 2 {
					return nil, fmt.Errorf("line %d: bad offsets %q of %s", n+1, offs, id)
				}
				s, err1 := strconv.Atoi(f[0])
				e, err2 := strconv.Atoi(f[1])
				if err1 != nil || err2 != nil || s < 0 || e < s {
					return nil, fmt.Errorf("line %d: bad offsets %q of %s", n+1, offs, id)
				}
				if e > len(text) {
					return nil, fmt.Errorf("line %d: span %s ends at %d, beyond the text's %d characters", n+1, id, e, len(text))
				}
				ss = append(ss, schema.Span{Start: s, End: e})
			}
			spans[id] = span{label: label, spans: ss}
		case 'E':
			events = append(events, append([]string{id}, strings.Fields(rest)...))
			eventLines = append(eventLines, n+1)
		}
	}
	var out []Attribution
	for k, ev := range events {
		a := Attribution{ID: ev[0]}
		for j, arg := range ev[1:] {
			role, ref, ok := strings.Cut(arg, ":")
			if !ok {
				return nil, fmt.Errorf("line %d: bad event argument %q", eventLines[k], arg)
			}
			sp, ok := spans[ref]
			if !ok {
				return nil, fmt.Errorf("line %d: event %s refers to unknown span %s", eventLines[k], ev[0], ref)
			}
			if j == 0 {
				// The trigger: Attribution or Attribution-no-source.
				a.NoSource = role == "Attribution-no-source"
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				a.Source = append(a.Source, sp.spans...)
			case "Cue":
				a.Cue = append(a.Cue, sp.spans...)
			case "Content":
				a.Content = append(a.Content, sp.spans...)
			}
		}
		if len(a.Content) == 0 {
			continue
		}
		a.SourceText = spanText(text, a.Source)
		a.CueText = spanText(text, a.Cue)
		a.ContentText = spanText(text, a.Content)
		out = append(out, a)
	}
	return out, nil
}

// spanText joins the texts of spans, in text order, with a space.
func spanText(text []rune, spans []schema.Span) string {
	ss := append([]schema.Span(nil), spans...)
	sort.Slice(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
	parts := make([]string, 0, len(ss))
	for _, s := range ss {
		parts = append(parts, strings.TrimSpace(string(text[s.Start:s.End])))
	}
	return strings.Join(parts, " ")
}

// PolNeARArticle is one article of a PolNeAR split with the attributions of
// the annotator used.
type PolNeARArticle struct {
	File         string // text file base name, NAME.txt
	TextPath     string
	AnnPath      string // the annotation used: the lexically first NAME_ANNOTATOR.ann
	Annotators   int    // how many annotation files the article has
	Attributions []Attribution
	lower        map[string]bool
}

// Statements returns the attributions that are gold statements.
func (a *PolNeARArticle) Statements() []Attribution {
	var out []Attribution
	for _, at := range a.Attributions {
		if at.IsStatement() {
			out = append(out, at)
		}
	}
	return out
}

// LoadPolNeAR reads a PolNeAR split directory (DIR/text/NAME.txt and
// DIR/attributions/NAME_ANNOTATOR.ann). An article annotated by several
// annotators uses the lexically first .ann file. Articles without any
// annotation file are left out and counted in unannotated. Articles come in
// file-name order.
func LoadPolNeAR(dir string) (arts []*PolNeARArticle, unannotated int, err error) {
	textDir := filepath.Join(dir, "text")
	annDir := filepath.Join(dir, "attributions")
	texts, err := filepath.Glob(filepath.Join(textDir, "*.txt"))
	if err != nil {
		return nil, 0, err
	}
	if len(texts) == 0 {
		if _, serr := os.Stat(textDir); errors.Is(serr, fs.ErrNotExist) {
			return nil, 0, fmt.Errorf("%s: not a PolNeAR split: no text/ directory", dir)
		}
		return nil, 0, fmt.Errorf("%s: no .txt files", textDir)
	}
	anns, err := filepath.Glob(filepath.Join(annDir, "*.ann"))
	if err != nil {
		return nil, 0, err
	}
	if len(anns) == 0 {
		return nil, 0, fmt.Errorf("%s: not a PolNeAR split: no attributions/*.ann files", dir)
	}
	sort.Strings(texts)
	sort.Strings(anns)
	byName := make(map[string][]string)
	for _, p := range anns {
		base := strings.TrimSuffix(filepath.Base(p), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i <= 0 {
			continue
		}
		byName[base[:i]] = append(byName[base[:i]], p)
	}
	for _, p := range texts {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		if len(byName[name]) == 0 {
			unannotated++
			continue
		}
		arts = append(arts, &PolNeARArticle{File: filepath.Base(p), TextPath: p, AnnPath: byName[name][0], Annotators: len(byName[name])})
	}
	// Parse on all cores: reading ~1000 small files is I/O and allocation.
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i, a := range arts {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = a.load()
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, 0, err
	}
	return arts, unannotated, nil
}

func (a *PolNeARArticle) load() error {
	tb, err := os.ReadFile(a.TextPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", a.TextPath, err)
	}
	ab, err := os.ReadFile(a.AnnPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", a.AnnPath, err)
	}
	text := string(tb)
	at, err := ParseAnn(string(ab), []rune(text))
	if err != nil {
		return fmt.Errorf("%s: %w", a.AnnPath, err)
	}
	a.Attributions = at
	a.lower = LowerWords(text)
	return nil
}

// PolNeARStats are the counts of a PolNeAR evaluation.
type PolNeARStats struct {
	Articles       int `json:"articles"`                // articles scored
	Unannotated    int `json:"unannotated"`             // text files without annotations (not scored)
	MultiAnnotated int `json:"multi_annotated"`         // articles with several annotators (first file used)
	Attributions   int `json:"attributions"`            // attributions with content
	GoldStatements int `json:"gold_statements"`         // of which the cue is a verb of saying
	TooShort       int `json:"too_short"`               // speech-verb attributions left out: content under 3 words
	NamedSource    int `json:"named_source_statements"` // of which the source is a name
	Predicted      int `json:"predicted_statements"`    // statements the extractor found
}

// EvaluatePolNeAR scores predicted statements against PolNeAR articles:
// statement detection (text overlap as FORMAT.md, speaker not required)
// and attribution accuracy on gold statements whose source is a name.
//
// A prediction whose text overlaps a gold statement is a true positive;
// one that overlaps only an attribution whose cue is not a verb of saying
// (believe, want, show ...) is ignored, being neither wrong nor what is
// measured; any other is a false positive. Speech-verb attributions whose
// content is under three words can match nothing and are left out (counted
// in TooShort). Attribution: a prediction is
// judged against the gold statement its text overlaps best (ties: the
// first); when that statement's source is a name (SourceHead), the
// prediction counts, and it is right when SpeakerMatchesSource.
func EvaluatePolNeAR(arts []*PolNeARArticle, preds []schema.Extraction) *Report {
	r := &Report{Mode: "polnear", PolNeAR: &PolNeARStats{}}
	st := r.PolNeAR
	byFile := make(map[string]*schema.Extraction, len(preds))
	known := make(map[string]bool, len(arts))
	for _, a := range arts {
		known[a.File] = true
	}
	for i := range preds {
		f := filepath.Base(preds[i].File)
		if _, dup := byFile[f]; dup || !known[f] {
			r.Unpaired = append(r.Unpaired, preds[i].File)
			continue
		}
		byFile[f] = &preds[i]
	}
	t := newTally()
	det := t.row(CatStatements, "")
	for _, a := range arts {
		st.Articles++
		if a.Annotators > 1 {
			st.MultiAnnotated++
		}
		st.Attributions += len(a.Attributions)
		var gold, other []Attribution
		for _, at := range a.Attributions {
			switch {
			case at.IsStatement():
				gold = append(gold, at)
			case IsSpeechCue(at.CueText):
				st.TooShort++
			default:
				other = append(other, at)
			}
		}
		gbags := make([]bag, len(gold))
		named := make([]bool, len(gold))
		for i := range gold {
			gbags[i] = newBag(gold[i].ContentText)
			_, named[i] = SourceHead(gold[i].SourceText, a.lower)
			if gold[i].NoSource {
				named[i] = false
			}
			if named[i] {
				st.NamedSource++
			}
		}
		obags := make([]bag, len(other))
		for i := range other {
			obags[i] = newBag(other[i].ContentText)
		}
		st.GoldStatements += len(gold)
		det.Gold += len(gold)
		found := make([]bool, len(gold))
		var ps []schema.Statement
		// A speaker is known by every name its entity has in the
		// prediction ("Federal Bureau of Investigation" is also "FBI").
		names := map[string][]string{}
		if p := byFile[a.File]; p != nil {
			ps = p.Statements
			for _, e := range p.Entities {
				names[e.Name] = append([]string{e.Name}, e.Aliases...)
			}
		}
		st.Predicted += len(ps)
		for _, p := range ps {
			pb := newBag(p.Text)
			best, bestRatio := -1, -1.0
			for gi := range gold {
				if ok, ratio := overlaps(pb, gbags[gi]); ok {
					found[gi] = true
					if ratio > bestRatio {
						best, bestRatio = gi, ratio
					}
				}
			}
			if best < 0 {
				ignored := false
				for oi := range other {
					if ok, _ := overlaps(pb, obags[oi]); ok {
						ignored = true
						break
					}
				}
				if ignored {
					det.Ignored++
				} else {
					det.FP++
					t.miss(a.File, CatStatements, FalsePositive, statementItem(p), "no attribution's content overlaps")
				}
				continue
			}
			det.TP++
			if named[best] {
				t.attr.Total++
				if speakerMatches(p.Speaker, names[p.Speaker], gold[best].SourceText, a.lower) {
					t.attr.Correct++
				} else {
					t.miss(a.File, "attribution", FalsePositive, statementItem(p),
						fmt.Sprintf("speaker does not match the source %q", gold[best].SourceText))
				}
			}
		}
		for gi, g := range gold {
			if found[gi] {
				det.Found++
				continue
			}
			det.FN++
			src := g.SourceText
			if src == "" {
				src = "(no source)"
			}
			t.miss(a.File, CatStatements, FalseNegative, fmt.Sprintf("%s [%s]: %q", src, g.CueText, g.ContentText), "not found")
		}
	}
	det.finish()
	r.Scores = []Score{*det}
	r.Articles = st.Articles
	t.attr.finish()
	r.Attribution = t.attr
	r.Misses = t.misses
	r.normalizeLists()
	return r
}

// RunPolNeAR loads a PolNeAR split, reads every article through the
// loaders (as an ingest would), runs the extractor on all cores and scores
// the result.
func RunPolNeAR(ctx context.Context, dir string, ex loaders.Extractor, workers int) (*Report, error) {
	arts, unannotated, err := LoadPolNeAR(dir)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(arts))
	for i, a := range arts {
		paths[i] = a.TextPath
	}
	preds, err := extractFiles(ctx, paths, ex, workers)
	if err != nil {
		return nil, err
	}
	r := EvaluatePolNeAR(arts, preds)
	r.Gold = dir
	r.PolNeAR.Unannotated = unannotated
	return r, nil
}

// extractFiles reads and extracts the given files in order; any file that
// cannot be read is an error.
func extractFiles(ctx context.Context, paths []string, ex loaders.Extractor, workers int) ([]schema.Extraction, error) {
	inputs := make([]loaders.Input, len(paths))
	for i, p := range paths {
		inputs[i] = loaders.Input{Path: p, Open: func() (io.ReadCloser, error) { return os.Open(p) }}
	}
	var out []schema.Extraction
	var errs []error
	err := loaders.Run(ctx, inputs, ex, loaders.Options{Workers: workers}, func(r loaders.Result) error {
		if r.Err != nil {
			errs = append(errs, r.Err)
			return nil
		}
		out = append(out, r.Extraction)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// speakerMatches applies SpeakerMatchesSource to the speaker's name and
// each of its entity's other names.
func speakerMatches(speaker string, names []string, source string, lower map[string]bool) bool {
	if SpeakerMatchesSource(speaker, source, lower) {
		return true
	}
	for _, n := range names {
		if n != speaker && SpeakerMatchesSource(n, source, lower) {
			return true
		}
	}
	return false
}
