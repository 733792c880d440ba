package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/corpus"
)

// resultJSON is one result of `elecsec ask --json`.
type resultJSON struct {
	Kind      string          `json:"kind"`
	DocID     string          `json:"doc_id,omitempty"`
	Paragraph int             `json:"paragraph,omitempty"`
	Text      string          `json:"text"`
	Speakers  []*corpus.Actor `json:"speakers,omitempty"`
	Actor     *corpus.Actor   `json:"actor,omitempty"`
	DocIDs    []string        `json:"doc_ids,omitempty"`
	Title     string          `json:"title,omitempty"`
	Publisher string          `json:"publisher,omitempty"`
	URL       string          `json:"url,omitempty"`
	Date      string          `json:"date,omitempty"`
	Cue       string          `json:"cue,omitempty"`
	Score     float64         `json:"score"`
}

// answerJSON is the output of `elecsec ask --json`, as CONTRACT.md specifies.
type answerJSON struct {
	Query       string       `json:"query"`
	Intent      string       `json:"intent"`
	Results     []resultJSON `json:"results"`
	Suggestions []string     `json:"suggestions,omitempty"`
}

// encodeAnswer shapes an answer for the machine-readable face.
func encodeAnswer(c *corpus.Corpus, ans corpus.Answer, limit int) answerJSON {
	out := answerJSON{Query: ans.Query, Intent: string(ans.Intent), Results: []resultJSON{}, Suggestions: ans.Suggestions}
	for i, r := range ans.Results {
		if limit > 0 && i >= limit {
			break
		}
		rj := resultJSON{Kind: string(r.Kind), DocID: r.DocID, Paragraph: r.Paragraph, Text: r.Text, DocIDs: r.DocIDs, Cue: r.Cue, Score: r.Score}
		rj.Speakers, rj.Actor = r.Speakers, r.Actor
		if d := c.Document(r.DocID); d != nil {
			rj.Title, rj.Publisher, rj.URL, rj.Date = d.Title, d.Publisher, d.URL, d.Date
		}
		out.Results = append(out.Results, rj)
	}
	return out
}

// askCmd answers one query exactly as /elecsec would.
func askCmd(ctx context.Context, args []string, cfg config.Config, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("ask", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("corpus", cfg.CorpusDir, "directory of articles to use instead of the embedded seeds")
	asJSON := fl.Bool("json", false, "print the answer as JSON (see CONTRACT.md)")
	limit := fl.Int("limit", 10, "most results to print")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: elecsec ask [--corpus DIR] [--json] [--limit N] QUERY...")
		fl.PrintDefaults()
	}
	if err := fl.Parse(interleaved(args)); err != nil {
		return usageError{err}
	}
	query := strings.TrimSpace(strings.Join(fl.Args(), " "))
	if query == "" {
		fl.Usage()
		return usageError{fmt.Errorf("ask: no query given")}
	}
	ix, err := loadIndex(*dir, stderr)
	if err != nil {
		return err
	}
	ans := ix.Search(query)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(encodeAnswer(ix.Corpus(), ans, *limit))
	}
	return printAnswer(ctx, stdout, ix, query)
}
