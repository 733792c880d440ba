package corpus

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/elecsec/elecsec/seeds"
)

// These tests score extraction from the seeds against copies of the shared gold files, as
// ../shared/eval/score.py does, and hold the floors the corpus issue sets.

var quoteMarks = regexp.MustCompile("[\"“”„‟«»‘’‚‛'`´\\s]+")

func foldText(s string) string { return strings.ToLower(quoteMarks.ReplaceAllString(s, "")) }

func readJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		tb.Fatal(err)
	}
}

func actorNames(a *Actor) []string {
	out := []string{strings.ToLower(a.Name)}
	for _, al := range a.Aliases {
		out = append(out, strings.ToLower(al))
	}
	return out
}

func matchesName(a *Actor, accepted []string) bool {
	for _, acc := range accepted {
		for _, n := range actorNames(a) {
			if strings.Contains(n, strings.ToLower(acc)) {
				return true
			}
		}
	}
	return false
}

func TestSeedQuotesAgainstGold(t *testing.T) {
	var gold struct {
		Quotes []struct {
			Doc      string     `json:"doc"`
			Starts   string     `json:"starts"`
			Speakers [][]string `json:"speakers"`
			AlsoOK   []string   `json:"also_ok"`
			Optional bool       `json:"optional"`
		} `json:"quotes"`
	}
	readJSON(t, "testdata/gold/seeds.quotes.gold.json", &gold)
	c, err := Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	used := map[*Quote]bool{}
	required, correct := 0, 0
	for _, g := range gold.Quotes {
		var hits []*Quote
		for _, q := range c.Quotes {
			if q.DocID == g.Doc && strings.Contains(foldText(q.Text()), foldText(g.Starts)) {
				hits = append(hits, q)
				used[q] = true
			}
		}
		if g.Optional {
			continue
		}
		required++
		if len(hits) == 0 {
			t.Errorf("missing quote %q", g.Starts)
			continue
		}
		var speakers []*Actor
		for _, id := range hits[0].Speakers {
			speakers = append(speakers, c.Actor(id))
		}
		ok := len(speakers) > 0
		for _, acc := range g.Speakers {
			found := false
			for _, s := range speakers {
				found = found || matchesName(s, acc)
			}
			ok = ok && found
		}
		for _, s := range speakers {
			allowed := matchesName(s, g.AlsoOK)
			for _, acc := range g.Speakers {
				allowed = allowed || matchesName(s, acc)
			}
			ok = ok && allowed
		}
		if ok {
			correct++
		} else {
			t.Errorf("quote %q attributed to %v", g.Starts, names(speakers))
		}
	}
	falsePos := 0
	for _, q := range c.Quotes {
		if !used[q] {
			falsePos++
			t.Errorf("quote not in the gold: %q", q.Text())
		}
	}
	precision := float64(len(c.Quotes)-falsePos) / float64(len(c.Quotes))
	t.Logf("attributed correctly %d/%d, precision %.3f", correct, required, precision)
	if correct != required || precision < 0.95 {
		t.Errorf("attributed correctly %d/%d, precision %.3f; want all, ≥ 0.95", correct, required, precision)
	}
}

func TestSeedActorsAgainstGold(t *testing.T) {
	var gold struct {
		People []struct {
			Match []string `json:"match"`
			Docs  []string `json:"docs"`
		} `json:"people"`
		Optional      []string `json:"optional_people"`
		Organizations []struct {
			Match []string `json:"match"`
		} `json:"organizations"`
		NotActors []string `json:"not_actors"`
	}
	readJSON(t, "testdata/gold/seeds.actors.gold.json", &gold)
	c, err := Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	matchAll := func(a *Actor, ms []string) bool {
		for _, m := range ms {
			if !matchesName(a, []string{m}) {
				return false
			}
		}
		return true
	}
	var people []*Actor
	for _, a := range c.Actors {
		if a.Kind == Person {
			people = append(people, a)
		}
	}
	for _, g := range gold.People {
		var hits []*Actor
		for _, a := range people {
			if matchAll(a, g.Match) {
				hits = append(hits, a)
			}
		}
		switch {
		case len(hits) == 0:
			t.Errorf("person %v not found", g.Match)
		case len(hits) > 1:
			t.Errorf("person %v split across %v", g.Match, names(hits))
		default:
			for _, d := range g.Docs {
				if !contains(hits[0].DocIDs, d) {
					t.Errorf("person %v lacks document %s (has %v)", g.Match, d, hits[0].DocIDs)
				}
			}
		}
	}
	for _, a := range people {
		known := matchesName(a, gold.Optional)
		for _, g := range gold.People {
			known = known || matchAll(a, g.Match)
		}
		if !known {
			t.Errorf("person %q is not in the gold", a.Name)
		}
	}
	for _, g := range gold.Organizations {
		found := false
		for _, a := range c.Actors {
			found = found || a.Kind != Person && matchAll(a, g.Match)
		}
		if !found {
			t.Errorf("organization %v not found", g.Match)
		}
	}
	for _, a := range c.Actors {
		for _, bad := range gold.NotActors {
			if strings.Contains(strings.ToLower(a.Name), strings.ToLower(bad)) {
				t.Errorf("junk actor %q", a.Name)
			}
		}
	}
}
