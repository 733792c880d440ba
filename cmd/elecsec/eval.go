package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/corpus"
)

// evalCmd scores the answers to a gold file's queries and prints the figures that
// ../shared/eval/score.py prints for `score.py queries`, computed the same way.
func evalCmd(args []string, cfg config.Config, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("corpus", cfg.CorpusDir, "directory of articles to use instead of the embedded seeds")
	if err := fl.Parse(interleaved(args)); err != nil {
		return usageError{err}
	}
	if fl.NArg() != 1 {
		return usageError{errors.New("usage: elecsec eval GOLD.json [--corpus DIR]")}
	}
	gold, err := readGold(fl.Arg(0))
	if err != nil {
		return err
	}
	ix, err := loadIndex(*dir, stderr)
	if err != nil {
		return err
	}
	m := scoreQueries(gold, func(q string) answerJSON { return encodeAnswer(ix.Corpus(), ix.Search(q), 10) })
	_, err = io.WriteString(stdout, m.report)
	return err
}

// goldQueries is a gold file of queries, as in ../shared/eval/seeds.queries.gold.json.
type goldQueries struct {
	Queries []goldQuery `json:"queries"`
}

type goldQuery struct {
	Q         string           `json:"q"`
	None      bool             `json:"none"`
	Relevant  []map[string]any `json:"relevant"`
	Forbidden []map[string]any `json:"forbidden"`
}

func readGold(path string) (goldQueries, error) {
	var g goldQueries
	data, err := os.ReadFile(path)
	if err != nil {
		return g, fmt.Errorf("reading gold file: %w", unwrapPath(err))
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return g, fmt.Errorf("gold file %s: %v", path, err)
	}
	return g, nil
}

// queryMetrics are the figures of one evaluation.
type queryMetrics struct {
	hit1, hit3, mrr      float64
	forbidden, noneWrong int
	report               string
}

// scoreQueries asks every gold query and scores the answers as score.py does.
func scoreQueries(g goldQueries, ask func(string) answerJSON) queryMetrics {
	var m queryMetrics
	var b strings.Builder
	ranked, nones := 0, 0
	for _, q := range g.Queries {
		results := ask(q.Q).Results
		if q.None {
			nones++
			if len(results) > 0 {
				m.noneWrong++
				fmt.Fprintf(&b, "answered a query with no answer: %q -> %s %q\n", q.Q, results[0].Kind, prefixRunes(results[0].Text, 60))
			}
			continue
		}
		ranked++
		rank := 0
		for i, r := range results[:min(10, len(results))] {
			if matchesAny(r, q.Relevant) {
				rank = i + 1
				break
			}
		}
		if rank == 1 {
			m.hit1++
		}
		if rank >= 1 && rank <= 3 {
			m.hit3++
		}
		if rank > 0 {
			m.mrr += 1 / float64(rank)
		}
		bad := 0
		for _, r := range results[:min(3, len(results))] {
			if matchesAny(r, q.Forbidden) {
				bad++
			}
		}
		m.forbidden += bad
		if rank != 1 || bad > 0 {
			fmt.Fprintf(&b, "q=%q: rank=%d forbidden=%d\n", q.Q, rank, bad)
		}
	}
	n := float64(max(ranked, 1))
	m.hit1, m.hit3, m.mrr = m.hit1/n, m.hit3/n, m.mrr/n
	fmt.Fprintf(&b, "hit@1: %.3f\nhit@3: %.3f\nmrr@10: %.3f\nforbidden_in_top3: %d\nanswered_unanswerable: %d/%d\n",
		m.hit1, m.hit3, m.mrr, m.forbidden, m.noneWrong, nones)
	fmt.Fprintf(&b, "score: %.3f\n", max(0, m.mrr-0.05*float64(m.forbidden)-0.05*float64(m.noneWrong)))
	m.report = b.String()
	return m
}

func prefixRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

func matchesAny(r resultJSON, crits []map[string]any) bool {
	for _, c := range crits {
		if resultMatches(r, c) {
			return true
		}
	}
	return false
}

// resultMatches is score.py's result_matches: every field the criterion gives must hold.
func resultMatches(r resultJSON, crit map[string]any) bool {
	str := func(k string) (string, bool) {
		v, ok := crit[k].(string)
		return v, ok
	}
	if k, ok := str("kind"); ok && k != r.Kind {
		return false
	}
	if d, ok := str("doc"); ok && d != r.DocID && !contains(r.DocIDs, d) {
		return false
	}
	if qt, ok := str("quote"); ok && !strings.Contains(foldQuote(r.Text), foldQuote(qt)) {
		return false
	}
	if sp, ok := str("speaker"); ok {
		var people []*corpus.Actor
		switch {
		case r.Kind == string(corpus.QuoteResult):
			people = r.Speakers
		case r.Kind == string(corpus.ActorResult) && r.Actor != nil:
			people = []*corpus.Actor{r.Actor}
		}
		found := false
		for _, p := range people {
			for _, n := range append([]string{p.Name}, p.Aliases...) {
				if strings.Contains(strings.ToLower(n), strings.ToLower(sp)) {
					found = true
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// foldQuote folds case, quotation marks and white space, as score.py's norm does.
func foldQuote(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsSpace(r) || strings.ContainsRune("\"“”„‟«»‘’‚‛'`´", r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
