package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/elecsec/elecsec/config"
)

// TestEvalFloors holds the answers over the seeds to the floors the search issue sets, on
// a copy of the shared gold file.
func TestEvalFloors(t *testing.T) {
	gold, err := readGold("testdata/seeds.queries.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := loadIndex("", &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	m := scoreQueries(gold, func(q string) answerJSON { return encodeAnswer(ix.Corpus(), ix.Search(q), 10) })
	t.Log("\n" + m.report)
	if m.mrr < 0.90 || m.hit1 < 0.85 || m.forbidden != 0 || m.noneWrong != 0 {
		t.Errorf("mrr@10 %.3f (floor 0.90), hit@1 %.3f (floor 0.85), forbidden %d, unanswerable answered %d; want all within the floors",
			m.mrr, m.hit1, m.forbidden, m.noneWrong)
	}
}

// batchOf returns the batch of the development set an article's name says it is in: the
// letters before its number ("za" for za03_….txt).
func batchOf(name string) string {
	if i := strings.IndexAny(name, "0123456789"); i > 0 {
		return name[:i]
	}
	return ""
}

// TestEvalDevFloors holds the answers over the development set (articles written for
// elecsec's tests, in ../../corpus/testdata/dev) to floors a little under what they reach.
// Each query set is asked of the batches its gold was written for.
func TestEvalDevFloors(t *testing.T) {
	const dir = "../../corpus/testdata/dev"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		gold      string
		batches   string // the batches asked, by the letters their articles' names open with before a number
		mrr, hit1 float64
		forbidden int // how many forbidden results may rank in a top three
	}{{"dev-ab", "a b", 0.90, 0.86, 2}, {"dev-c", "c", 0.86, 0.84, 2}, {"dev-d", "d", 0.84, 0.82, 2}, {"dev-e", "e", 0.86, 0.85, 2}, {"dev-f", "f", 0.80, 0.79, 2},
		{"dev-g", "g", 0.92, 0.90, 2}, {"dev-h", "h", 0.95, 0.93, 2}, {"dev-i", "i", 0.87, 0.84, 2}, {"dev-j", "j", 0.86, 0.81, 2}, {"dev-k", "k", 0.91, 0.88, 2}, {"dev-l", "l", 0.92, 0.92, 2}, {"dev-m", "m", 0.84, 0.82, 2}, {"dev-n", "n", 0.85, 0.80, 2}, {"dev-o", "o", 0.82, 0.80, 2},
		{"dev-p", "p", 0.90, 0.88, 2}, {"dev-q", "q", 0.90, 0.88, 0}, {"dev-r", "r", 0.90, 0.88, 2}, {"dev-s", "s", 0.88, 0.85, 3}, {"dev-t", "t", 0.93, 0.93, 1}, {"dev-u", "u", 0.96, 0.95, 2}, {"dev-v", "v", 0.91, 0.91, 1}, {"dev-w", "w", 0.86, 0.85, 1}, {"dev-x", "x", 0.90, 0.90, 2}, {"dev-y", "y", 0.82, 0.79, 3}, {"dev-z", "z", 0.92, 0.9, 1}, {"dev-za", "za", 0.93, 0.91, 0}, {"dev-zb", "zb", 0.95, 0.95, 1}, {"dev-zc", "zc", 0.94, 0.93, 0}, {"dev-zd", "zd", 0.94, 0.93, 0}, {"dev-ze", "ze", 0.9, 0.86, 1}, {"dev-zf", "zf", 0.9, 0.9, 0}, {"dev-zg", "zg", 0.91, 0.9, 0}, {"dev-zh", "zh", 0.9, 0.88, 0}} {
		t.Run(set.gold, func(t *testing.T) {
			corpusDir := t.TempDir()
			for _, e := range entries {
				if name := e.Name(); slices.Contains(strings.Fields(set.batches), batchOf(name)) && !strings.HasSuffix(name, ".json") {
					data, err := os.ReadFile(filepath.Join(dir, name))
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(corpusDir, name), data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			ix, err := loadIndex(corpusDir, &bytes.Buffer{})
			if err != nil {
				t.Fatal(err)
			}
			gold, err := readGold(filepath.Join(dir, set.gold+".queries.gold.json"))
			if err != nil {
				t.Fatal(err)
			}
			m := scoreQueries(gold, func(q string) answerJSON { return encodeAnswer(ix.Corpus(), ix.Search(q), 10) })
			t.Log("\n" + m.report)
			if m.mrr < set.mrr || m.hit1 < set.hit1 || m.forbidden > set.forbidden || m.noneWrong != 0 {
				t.Errorf("mrr@10 %.3f (floor %.2f), hit@1 %.3f (floor %.2f), forbidden %d (at most %d), unanswerable answered %d; want all within the floors",
					m.mrr, set.mrr, m.hit1, set.hit1, m.forbidden, set.forbidden, m.noneWrong)
			}
		})
	}
}

func TestEvalCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	err := runWith(t.Context(), config.Config{}, []string{"eval", "testdata/seeds.queries.gold.json"}, nil, &out, &errOut)
	if err != nil {
		t.Fatalf("eval: %v (%s)", err, errOut.String())
	}
	for _, line := range []string{"hit@1:", "hit@3:", "mrr@10:", "forbidden_in_top3:", "answered_unanswerable:", "score:"} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("eval output lacks %q:\n%s", line, out.String())
		}
	}
}
