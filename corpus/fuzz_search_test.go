package corpus_test

import (
	"math"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/seeds"
)

// FuzzSearch feeds arbitrary queries to the query parser and search over the seed corpus:
// Search must never panic, must answer the same query the same way twice, and every result
// must point at something the corpus holds. Seeds are in testdata/fuzz/FuzzSearch.
func FuzzSearch(f *testing.F) {
	c, err := corpus.Load(seeds.FS)
	if err != nil {
		f.Fatal(err)
	}
	ix := corpus.NewIndex(c)
	for _, q := range []string{
		"who urged sanctions",
		"quotes from sessions about russia",
		"what did balderas say about funding",
		"Schumer",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		ans := ix.Search(q)
		checkAnswer(t, c, q, ans)
		if again := ix.Search(q); !sameResults(ans.Results, again.Results) {
			t.Errorf("Search(%q) twice gave different results:\n%+v\n%+v", q, ans.Results, again.Results)
		}
	})
}

// checkAnswer fails unless ans, the answer to q, holds together over c.
func checkAnswer(t *testing.T, c *corpus.Corpus, q string, ans corpus.Answer) {
	t.Helper()
	if ans.Query != q {
		t.Errorf("Search(%q).Query = %q; want the query itself", q, ans.Query)
	}
	if len(ans.Results) > corpus.MaxResults {
		t.Errorf("Search(%q) gave %d results; want at most %d", q, len(ans.Results), corpus.MaxResults)
	}
	if ans.Intent == corpus.ActorIntent && ans.Actor == nil {
		t.Errorf("Search(%q) has actor intent and no actor", q)
	}
	for i, r := range ans.Results {
		switch r.Kind {
		case corpus.QuoteResult, corpus.PassageResult:
			if r.Text == "" {
				t.Errorf("Search(%q).Results[%d] is a %s with no text", q, i, r.Kind)
			}
		case corpus.ActorResult:
			if r.Actor == nil {
				t.Errorf("Search(%q).Results[%d] is an actor result with no actor", q, i)
			}
		default:
			t.Errorf("Search(%q).Results[%d].Kind = %q", q, i, r.Kind)
		}
		if !utf8.ValidString(r.Text) {
			t.Errorf("Search(%q).Results[%d].Text is not UTF-8: %q", q, i, r.Text)
		}
		for _, id := range append([]string{r.DocID}, r.DocIDs...) {
			if id != "" && c.Document(id) == nil {
				t.Errorf("Search(%q).Results[%d] names document %q, which the corpus lacks", q, i, id)
			}
		}
		if math.IsNaN(r.Score) || math.IsInf(r.Score, 0) {
			t.Errorf("Search(%q).Results[%d].Score = %v", q, i, r.Score)
		}
	}
}

// sameResults reports whether two answers rank the same results with the same scores.
func sameResults(a, b []corpus.Result) bool {
	return slices.EqualFunc(a, b, func(x, y corpus.Result) bool {
		return x.Kind == y.Kind && x.DocID == y.DocID && x.Paragraph == y.Paragraph &&
			x.Text == y.Text && x.Score == y.Score && x.Actor == y.Actor &&
			slices.Equal(x.DocIDs, y.DocIDs) && slices.Equal(x.Terms, y.Terms)
	})
}
