package main

import (
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/sahilm/fuzzy"
)

// engine is one implementation under test: it answers a query with the number of results
// it would show.
type engine interface {
	search(q string) (int, error)
}

// unit is a piece of text that the comparison engines search: a paragraph of a document,
// or a quotation prefixed by its speakers' names. Both come from elecsec's own extraction,
// so every engine searches the same text.
type unit struct {
	id   string
	text string
}

// topK is how many results each engine is asked for.
const topK = 10

// bleveEngine searches an in-memory scorch index with BM25 scoring.
type bleveEngine struct {
	index bleve.Index
}

// bleveDoc is what bleve indexes for a unit.
type bleveDoc struct {
	Text string `json:"text"`
}

// newBleve indexes units into an in-memory scorch index, batchSize documents per batch.
func newBleve(units []unit, batchSize int) (*bleveEngine, error) {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store = false
	text.IncludeInAll = false
	text.IncludeTermVectors = false
	text.DocValues = false
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text", text)
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultField = "text"
	m.ScoringModel = index.BM25Scoring
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false

	// An empty path makes scorch keep every segment in memory.
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("bleve: %w", err)
	}
	b := idx.NewBatch()
	for _, u := range units {
		if err := b.Index(u.id, bleveDoc{Text: u.text}); err != nil {
			return nil, fmt.Errorf("bleve: %w", err)
		}
		if b.Size() >= batchSize {
			if err := idx.Batch(b); err != nil {
				return nil, fmt.Errorf("bleve: %w", err)
			}
			b.Reset()
		}
	}
	if err := idx.Batch(b); err != nil {
		return nil, fmt.Errorf("bleve: %w", err)
	}
	return &bleveEngine{index: idx}, nil
}

// search runs what a bleve user would write for a search box that forgives typos: the
// words as typed, or failing that within an edit distance that grows with their length,
// the exact match scoring higher.
func (e *bleveEngine) search(q string) (int, error) {
	exact := bleve.NewMatchQuery(q)
	exact.SetBoost(2)
	fuzzy := bleve.NewMatchQuery(q)
	fuzzy.SetAutoFuzziness(true)
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery([]query.Query{exact, fuzzy}...), topK, 0, false)
	res, err := e.index.Search(req)
	if err != nil {
		return 0, err
	}
	return len(res.Hits), nil
}

func (e *bleveEngine) close() error { return e.index.Close() }

// fuzzyEngine is the obvious implementation: sahilm/fuzzy over every quotation, per query.
type fuzzyEngine struct {
	quotes []string
}

func (e *fuzzyEngine) search(q string) (int, error) {
	return min(len(fuzzy.Find(q, e.quotes)), topK), nil
}

// unitID returns the bleve id of paragraph n of a document.
func unitID(doc string, n int) string { return doc + "#p" + strconv.Itoa(n) }
