package main

import (
	"bytes"
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

// TestEvalDevFloors holds the answers over the development set (articles written for
// elecsec's tests, in ../../corpus/testdata/dev) to floors a little under what they reach.
func TestEvalDevFloors(t *testing.T) {
	const dir = "../../corpus/testdata/dev"
	ix, err := loadIndex(dir, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		gold      string
		mrr, hit1 float64
	}{{"dev-ab", 0.88, 0.85}, {"dev-c", 0.85, 0.82}, {"dev-d", 0.78, 0.74}} {
		t.Run(set.gold, func(t *testing.T) {
			gold, err := readGold(dir + "/" + set.gold + ".queries.gold.json")
			if err != nil {
				t.Fatal(err)
			}
			m := scoreQueries(gold, func(q string) answerJSON { return encodeAnswer(ix.Corpus(), ix.Search(q), 10) })
			t.Log("\n" + m.report)
			if m.mrr < set.mrr || m.hit1 < set.hit1 || m.forbidden > 2 || m.noneWrong != 0 {
				t.Errorf("mrr@10 %.3f (floor %.2f), hit@1 %.3f (floor %.2f), forbidden %d (at most 2), unanswerable answered %d; want all within the floors",
					m.mrr, set.mrr, m.hit1, set.hit1, m.forbidden, m.noneWrong)
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
