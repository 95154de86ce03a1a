package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/loaders/eval"
	"newsgraph/schema"
)

const seedsGoldPath = "../../seeds/gold.json"

func decodeReport(t *testing.T, out string) *eval.Report {
	t.Helper()
	var r eval.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("eval output is not a JSON report: %v\n%s", err, out)
	}
	return &r
}

func TestEvalUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"eval"}, "give --gold FILE or --polnear DIR"},
		{[]string{"eval", "--gold", "g.json", "--polnear", "d"}, "not both"},
		{[]string{"eval", "--polnear", "d", "--texts", "t"}, "--texts goes with --gold"},
		{[]string{"eval", "--gold", "g.json", "--format", "xml"}, `unknown format "xml"`},
		{[]string{"eval", "--gold", "g.json", "--min-f1", "1.5"}, "not between 0 and 1"},
		{[]string{"eval", "--gold", "g.json", "extra"}, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		r := cli(t, "", tt.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: code %d stderr %q, want usage error with %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
}

func TestEvalHelpTeaches(t *testing.T) {
	r := cli(t, "", "eval", "--help")
	for _, want := range []string{"--gold", "--texts", "--polnear", "--misses", "--min-f1", "--predicted", "Examples:", "newsgraph eval --gold ../shared/eval/gold/seeds.json --texts seeds"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval --help lacks %q", want)
		}
	}
}

func TestEvalMissingTextNamesIt(t *testing.T) {
	dir := t.TempDir()
	gold, err := os.ReadFile(seedsGoldPath)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "gold.json"), gold)
	r := cli(t, "", "eval", "--gold", filepath.Join(dir, "gold.json"))
	if r.code != exitError || !strings.Contains(r.stderr, "000_d83d5ca6cd029b45.txt") || !strings.Contains(r.stderr, "--texts") {
		t.Errorf("code %d stderr %q", r.code, r.stderr)
	}
}

// The gold itself as prediction: 1.0 everywhere, every same_entity pair one
// node, stable JSON with [] lists.
func TestEvalGoldAgainstItself(t *testing.T) {
	r := cli(t, "", "eval", "--gold", seedsGoldPath, "--predicted", seedsGoldPath, "--format", "json", "--min-f1", "1")
	if r.code != exitOK {
		t.Fatalf("code %d stderr %q", r.code, r.stderr)
	}
	rep := decodeReport(t, r.stdout)
	if rep.Articles != 2 || len(rep.Scores) != 8 {
		t.Errorf("articles %d, %d score rows", rep.Articles, len(rep.Scores))
	}
	for _, s := range rep.Scores {
		if s.F1 != 1 {
			t.Errorf("%s %s F1 = %v", s.Category, s.Type, s.F1)
		}
	}
	if rep.Attribution.Accuracy != 1 {
		t.Errorf("attribution %+v", rep.Attribution)
	}
	if len(rep.Graph) != 3 {
		t.Errorf("%d same_entity checks, want 3", len(rep.Graph))
	}
	for _, g := range rep.Graph {
		if !g.Pass || len(g.NodesA) != 1 {
			t.Errorf("same_entity %+v", g)
		}
	}
	for _, field := range []string{`"misses": []`, `"unpaired": []`} {
		if !strings.Contains(r.stdout, field) {
			t.Errorf("JSON lacks %s", field)
		}
	}
}

// Predictions without statements and with two names of a resolution as two
// entities: low scores still exit 0, --min-f1 exits 1, --misses lists
// them, and the same_entity check fails for the unmerged resolution.
func TestEvalPerturbedPrediction(t *testing.T) {
	f, err := os.Open(seedsGoldPath)
	if err != nil {
		t.Fatal(err)
	}
	d, err := schema.ReadDocument(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	for i := range d.Articles {
		a := &d.Articles[i]
		a.Statements = nil
		a.NotEntities = nil
		for j := range a.Entities {
			if a.Entities[j].Name == "UN Security Council Resolution 2231" {
				a.Entities[j].Aliases = nil
			}
		}
		a.Entities = append(a.Entities, schema.Entity{Name: "UNSC Resolution 2231", Type: schema.TypeAgreement})
	}
	var buf bytes.Buffer
	if err := schema.WriteDocument(&buf, d); err != nil {
		t.Fatal(err)
	}
	pred := filepath.Join(t.TempDir(), "pred.json")
	writeFile(t, pred, buf.Bytes())

	r := cli(t, "", "eval", "--gold", seedsGoldPath, "--predicted", pred, "--format", "json", "--misses")
	if r.code != exitOK {
		t.Fatalf("low scores must exit 0: code %d stderr %q", r.code, r.stderr)
	}
	rep := decodeReport(t, r.stdout)
	if s := rep.Score(eval.CatStatements, ""); s.F1 != 0 || s.FN != 18 {
		t.Errorf("statements %+v", s)
	}
	// Each article: the second name is a duplicate of the gold resolution.
	if s := rep.Score(eval.CatEntities, schema.TypeAgreement); s.TP != 4 || s.FP != 2 || s.FN != 0 {
		t.Errorf("agreements %+v", s)
	}
	fn := 0
	for _, m := range rep.Misses {
		if m.Category == eval.CatStatements && m.Kind == eval.FalseNegative {
			fn++
		}
	}
	if fn != 18 {
		t.Errorf("%d statement misses listed, want 18", fn)
	}
	if g := rep.Graph[0]; !g.Pass {
		t.Errorf("same_entity %+v, want a pass", g)
	}
	if g := rep.Graph[2]; g.A != "UN Security Council Resolution 2231" || g.Pass || len(g.NodesA) != 1 || len(g.NodesB) != 1 {
		t.Errorf("same_entity %+v, want a failure with one node each", g)
	}

	r = cli(t, "", "eval", "--gold", seedsGoldPath, "--predicted", pred, "--format", "table", "--min-f1", "0.5")
	if r.code != exitError || !strings.Contains(r.stderr, "statements F1 0.000 below --min-f1 0.5") {
		t.Errorf("--min-f1: code %d stderr %q", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "attribution accuracy: 0/0") || !strings.Contains(r.stdout, "FAIL  UN Security Council Resolution 2231 = UNSC Resolution 2231") {
		t.Errorf("table output:\n%s", r.stdout)
	}
}

// The real extractor over the seeds: whatever it scores, eval runs and
// reports every category.
func TestEvalSeedsWithExtractor(t *testing.T) {
	r := cli(t, "", "eval", "--gold", seedsGoldPath, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("code %d stderr %q", r.code, r.stderr)
	}
	rep := decodeReport(t, r.stdout)
	if rep.Articles != 2 || rep.Score(eval.CatStatements, "").Gold != 18 || len(rep.Unpaired) != 0 {
		t.Errorf("report %+v", rep)
	}
}

func TestEvalPolNeARFixture(t *testing.T) {
	r := cli(t, "", "eval", "--polnear", "../../loaders/eval/testdata/polnear", "--format", "json")
	if r.code != exitOK {
		t.Fatalf("code %d stderr %q", r.code, r.stderr)
	}
	rep := decodeReport(t, r.stdout)
	if rep.Mode != "polnear" || rep.PolNeAR == nil || rep.PolNeAR.Articles != 2 || rep.PolNeAR.GoldStatements != 6 {
		t.Errorf("report %+v, polnear %+v", rep, rep.PolNeAR)
	}
	r = cli(t, "", "eval", "--polnear", t.TempDir())
	if r.code != exitError || !strings.Contains(r.stderr, "not a PolNeAR split") {
		t.Errorf("empty dir: code %d stderr %q", r.code, r.stderr)
	}
}
