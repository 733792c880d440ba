package handlers

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/seeds"
)

// seedQueries are queries a user would type over the seed corpus (from eval/seeds.queries.gold.json).
var seedQueries = []string{
	"who urged sanctions",
	"quotes from balderas",
	"what did sessions say",
	"shumer",
	"who said the intelligence could not be more clear",
	"mark warner tweet",
	"mcconnell",
	"election assistance commission funding",
	"who implored the administration",
	"halderman",
	"what did trump say",
	"sanctions on russia",
	"keith elison",
	"twiddles thumbs",
	"brad schnieder",
	"banana bread recipe",
	"zxqv",
	"actors",
	"actors senator",
	"sources",
	"quotes",
	"help",
}

var (
	seedOnce  sync.Once
	seedIndex *corpus.Index
	seedErr   error
)

func seedHandler(tb testing.TB) *Handler {
	tb.Helper()
	seedOnce.Do(func() {
		var c *corpus.Corpus
		if c, seedErr = corpus.Load(seeds.FS); seedErr == nil {
			seedIndex = corpus.NewIndex(c)
		}
	})
	if seedErr != nil {
		tb.Fatalf("loading the seeds: %v", seedErr)
	}
	return New(nil, seedIndex, nil)
}

func seedScript() []step {
	var s []step
	for _, q := range seedQueries {
		s = append(s, step{name: strings.ReplaceAll(q, " ", "_"), req: slash(q)})
	}
	return s
}

// seedBlockKit are the seed queries whose Block Kit JSON is kept as a golden file.
var seedBlockKit = map[string]bool{"who urged sanctions": true, "what did sessions say": true, "sources": true}

// TestSeedsGolden renders the seed queries through the real corpus and index. Its goldens
// change whenever extraction or ranking does: review the diff, then run -update.
func TestSeedsGolden(t *testing.T) {
	script := seedScript()
	reqs, replies := runScript(t, seedHandler(t), script)
	golden(t, "seeds/transcript.txt", []byte(transcript(reqs, replies)))
	for i, s := range script {
		for _, m := range replies[i].Messages {
			if err := CheckLimits(m); err != nil {
				t.Errorf("%s: %v", s.name, err)
			}
		}
		if seedBlockKit[s.req.Text] {
			golden(t, "seeds/"+s.name+".json", marshalGolden(t, map[string]any{
				"request":  requestView(reqs[i]),
				"messages": wire(replies[i]),
			}))
		}
	}
}

// TestSeedsPaging pages through every answer over the seeds with More results, and shares
// the last page, checking each message against the limits.
func TestSeedsPaging(t *testing.T) {
	h := seedHandler(t)
	for _, q := range seedQueries {
		r := h.Handle(context.Background(), slash(q))
		for page := 0; page < maxPage; page++ {
			for _, m := range r.Messages {
				if err := CheckLimits(m); err != nil {
					t.Errorf("%q page %d: %v", q, page+1, err)
				}
			}
			v, ok := buttonValue(r, ActionMore)
			if !ok {
				break
			}
			r = h.Handle(context.Background(), Request{Surface: Interaction, UserID: "U0PRESSER", Action: &Action{ID: ActionMore, Value: v}})
		}
		if v, ok := buttonValue(r, ActionShare); ok {
			shared := h.Handle(context.Background(), Request{Surface: Interaction, UserID: "U0PRESSER", Action: &Action{ID: ActionShare, Value: v}})
			if err := CheckLimits(shared.Messages[0]); err != nil {
				t.Errorf("%q shared: %v", q, err)
			}
		}
	}
}
