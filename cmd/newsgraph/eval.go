package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"newsgraph/graph"
	"newsgraph/loaders/eval"
	"newsgraph/loaders/extract"
	"newsgraph/schema"
)

func init() { extraCommands = append(extraCommands, newEvalCmd) }

func newEvalCmd(e *env) *cobra.Command {
	var (
		goldPath, textsDir, polnearDir, predicted, format string
		misses                                            bool
		minF1                                             float64
		workers                                           int
	)
	cmd := &cobra.Command{
		Use:   "eval (--gold FILE [--texts DIR] | --polnear DIR)",
		Short: "Measure extraction quality against gold annotations or the PolNeAR corpus",
		Long: `Eval runs the extractor over annotated articles and scores what it finds.

--gold FILE reads a kg-gold/1 gold file (../shared/eval/FORMAT.md), extracts
each of its articles from DIR/FILE (--texts DIR; default: the gold file's
directory) and scores them exactly as FORMAT.md says: precision, recall and
F1 per category (entities, and each entity type; statements; roles;
relations), micro-averaged over the articles, and attribution accuracy (of
the predicted statements whose text matches a gold statement, the share
whose speaker is right). When the gold file lists graph.same_entity pairs,
the predicted articles are ingested into one in-memory graph and each pair
passes when both names find the same single node.

--polnear DIR scores a PolNeAR split (DIR/text/*.txt, DIR/attributions/
*.ann; an article with several annotators uses the lexically first .ann).
Gold statements are the attributions whose cue is a verb of saying (say,
tell, add, claim, warn, according to, ...; see loaders/eval.SpeechLemmas)
and whose content has at least three words. It reports statement detection
(text overlap as FORMAT.md, speaker not required) and attribution accuracy
on the gold statements whose source is a name, with the counts.

--predicted FILE scores a saved kg-gold/1 extraction (newsgraph extract
--format json) instead of running the extractor.

Scores never make eval fail: it is a measuring tool and exits 0. --min-f1 X
makes it exit 1 when any scored category total (entities, statements,
roles, relations; statement detection for PolNeAR) has an F1 below X, for
CI gates. --misses lists every false positive and false negative with its
article and the reason (in JSON, "misses" is [] without it).`,
		Example: `  # score the extractor on the seed articles
  newsgraph eval --gold ../shared/eval/gold/seeds.json --texts seeds
  newsgraph eval --gold ../shared/eval/gold/seeds.json --texts seeds --misses

  # statement detection and attribution on PolNeAR (train to develop, dev to check)
  newsgraph eval --polnear ../shared/corpora/polnear/data/train
  newsgraph eval --polnear ../shared/corpora/polnear/data/dev --format json | jq '.scores'

  # gate CI: exit 1 when a category's F1 is under 0.9
  newsgraph eval --gold seeds/gold.json --min-f1 0.9

  # score a saved extraction
  newsgraph extract seeds/ --format json > pred.json
  newsgraph eval --gold seeds/gold.json --predicted pred.json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case goldPath == "" && polnearDir == "":
				return usageErrorf(cmd, "nothing to score: give --gold FILE or --polnear DIR")
			case goldPath != "" && polnearDir != "":
				return usageErrorf(cmd, "give either --gold or --polnear, not both")
			case textsDir != "" && goldPath == "":
				return usageErrorf(cmd, "--texts goes with --gold")
			}
			if cmd.Flags().Changed("min-f1") && (minF1 < 0 || minF1 > 1) {
				return usageErrorf(cmd, "--min-f1 %v is not between 0 and 1", minF1)
			}
			switch format {
			case "", "auto":
				format = "json"
				if e.stdoutTerminal {
					format = "table"
				}
			case "table", "json":
			default:
				return usageErrorf(cmd, "unknown format %q (want table or json)", format)
			}

			var r *eval.Report
			var err error
			if goldPath != "" {
				r, err = evalGold(cmd.Context(), goldPath, textsDir, predicted, workers)
			} else {
				r, err = evalPolNeAR(cmd.Context(), polnearDir, predicted, workers)
			}
			if err != nil {
				return err
			}
			if format == "json" {
				err = eval.WriteJSON(e.stdout, r, misses)
			} else {
				err = eval.WriteTable(e.stdout, r, misses)
			}
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("min-f1") {
				if below := r.BelowF1(minF1); len(below) > 0 {
					var parts []string
					for _, s := range below {
						parts = append(parts, fmt.Sprintf("%s F1 %.3f", s.Category, s.F1))
					}
					return fmt.Errorf("%s below --min-f1 %g", strings.Join(parts, ", "), minF1)
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&goldPath, "gold", "", "kg-gold/1 gold file to score against")
	f.StringVar(&textsDir, "texts", "", "directory of the gold articles' text files (default: the gold file's directory)")
	f.StringVar(&polnearDir, "polnear", "", "PolNeAR split directory to score against (holding text/ and attributions/)")
	f.StringVar(&predicted, "predicted", "", "score this kg-gold/1 extraction file instead of running the extractor")
	f.BoolVar(&misses, "misses", false, "list every false positive and false negative")
	f.StringVar(&format, "format", "auto", "output format: table or json (default: table on a terminal, json otherwise)")
	f.Float64Var(&minF1, "min-f1", 0, "exit 1 when a scored category's F1 is below this (0..1)")
	f.IntVarP(&workers, "workers", "j", 0, "extraction goroutines (default: one per CPU)")
	return cmd
}

// evalGold scores the extractor (or a saved extraction) against a gold file
// and checks its same_entity pairs in a graph of the predictions.
func evalGold(ctx context.Context, goldPath, textsDir, predicted string, workers int) (*eval.Report, error) {
	gold, err := schema.ReadDocumentFile(goldPath)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	var preds []schema.Extraction
	if predicted != "" {
		d, err := schema.ReadDocumentFile(predicted)
		if err != nil {
			return nil, fmt.Errorf("read predictions: %w", err)
		}
		preds = d.Articles
	} else {
		if textsDir == "" {
			textsDir = filepath.Dir(goldPath)
		}
		preds, err = eval.ExtractGold(ctx, gold, textsDir, extract.New(), workers)
		if err != nil {
			return nil, err
		}
	}
	r := eval.Evaluate(gold, preds)
	r.Gold = goldPath
	if gold.Graph != nil && len(gold.Graph.SameEntity) > 0 {
		r.Graph, err = sameEntityChecks(ctx, preds, gold.Graph.SameEntity)
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// sameEntityChecks ingests every prediction, under its file name without
// extension as id, into one in-memory graph and looks up both names of each
// pair.
func sameEntityChecks(ctx context.Context, preds []schema.Extraction, pairs [][2]string) ([]eval.SameEntity, error) {
	st, err := graph.Open(graph.Memory, graph.Options{})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	ing, err := graph.NewIngester(ctx, st, 0)
	if err != nil {
		return nil, err
	}
	for i := range preds {
		x := preds[i]
		x.ID = eval.ArticleID(x.File)
		if _, err := ing.Add(ctx, &x); err != nil {
			return nil, fmt.Errorf("same_entity check: ingest %s: %w", x.File, err)
		}
	}
	if err := ing.Flush(ctx); err != nil {
		return nil, fmt.Errorf("same_entity check: %w", err)
	}
	nodes := func(name string) ([]string, error) {
		iris, err := graph.FindNodes(ctx, st.QS, name)
		out := make([]string, len(iris))
		for i, iri := range iris {
			out[i] = string(iri)
		}
		return out, err
	}
	var out []eval.SameEntity
	for _, p := range pairs {
		a, err := nodes(p[0])
		if err != nil {
			return nil, fmt.Errorf("same_entity check: %w", err)
		}
		b, err := nodes(p[1])
		if err != nil {
			return nil, fmt.Errorf("same_entity check: %w", err)
		}
		out = append(out, eval.CheckSameEntity(p[0], p[1], a, b))
	}
	return out, nil
}

// evalPolNeAR scores the extractor (or a saved extraction) on a PolNeAR split.
func evalPolNeAR(ctx context.Context, dir, predicted string, workers int) (*eval.Report, error) {
	if predicted == "" {
		return eval.RunPolNeAR(ctx, dir, extract.New(), workers)
	}
	arts, unannotated, err := eval.LoadPolNeAR(dir)
	if err != nil {
		return nil, err
	}
	d, err := schema.ReadDocumentFile(predicted)
	if err != nil {
		return nil, fmt.Errorf("read predictions: %w", err)
	}
	r := eval.EvaluatePolNeAR(arts, d.Articles)
	r.Gold = dir
	r.PolNeAR.Unannotated = unannotated
	return r, nil
}
