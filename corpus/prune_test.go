package corpus

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/elecsec/elecsec/corpus/synth"
)

// rankEveryPosting is rank without pruning: it reads every posting of every term and
// sums each unit's score in the same order rank does.
func (ix *Index) rankEveryPosting(ts []weightedTerm, mask kindMask, lim limits) []scored {
	need := ix.need(ts)
	type sum struct{ score, cover float32 }
	sums := map[int32]*sum{}
	for k := range unitKind(numUnitKinds) {
		ix.sumEveryPosting(ix.cursors(ix.selective(ts), k), func(u int32, score, cover float32) {
			s := sums[u]
			if s == nil {
				s = &sum{}
				sums[u] = s
			}
			s.score += score
			s.cover += cover
		})
	}
	in := map[int32]bool{}
	for _, u := range lim.units {
		in[u] = true
	}
	holds := map[int32]int{} // unit → how many of the terms it must hold it holds
	for _, t := range lim.holding {
		for k := range unitKind(numUnitKinds) {
			if id, ok := ix.dict[t.term]; ok {
				for _, p := range decodeAll(ix.post.list(id, k)) {
					holds[int32(p>>tfBits)]++
				}
			}
		}
	}
	var out []scored
	for u, s := range sums {
		if s.cover >= need && mask&(1<<ix.unit(u).kind) != 0 && (lim.units == nil || in[u]) && holds[u] == len(lim.holding) {
			out = append(out, scored{u, float64(s.score)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].better(out[j]) })
	return out[:min(len(out), rankBest)]
}

// sumEveryPosting calls add with each posting's score, from the last cursor to the first.
func (ix *Index) sumEveryPosting(cs []cursor, add func(u int32, score, cover float32)) {
	const base = float32(bm25K1 * (1 - bm25B))
	for i := len(cs) - 1; i >= 0; i-- {
		for _, p := range decodeAll(cs[i].postingList) {
			u := int32(p >> tfBits)
			kind := ix.unit(u).kind
			norm := base + float32(bm25K1*bm25B)/max(ix.avgLen[kind], 1)*float32(ix.lengths[u])
			f := float32(p & tfMax)
			add(u, cs[i].w*f/(f+norm), cs[i].cover)
		}
	}
}

// TestPruningKeepsRanking checks that rank's pruned reading of the posting lists finds the
// very units, scores and order that reading every posting finds.
func TestPruningKeepsRanking(t *testing.T) {
	const docs = 1500
	fsys := fstest.MapFS{}
	for i := range docs {
		fsys[synth.FileName(i)] = &fstest.MapFile{Data: synth.Article(3, i)}
	}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(c)
	queries := synth.Queries(3, 300, docs)
	for _, q := range []string{"who urged regulations", "election security funding", "the of voting", "said"} {
		queries = append(queries, synth.Query{Text: q})
	}
	var odd []int32
	for u := int32(1); u < int32(len(ix.lengths)); u += 2 {
		odd = append(odd, u)
	}
	checked := 0
	for _, q := range queries {
		ts := topicTerms(ix.parseQuery(q.Text).tokens)
		for _, mask := range []kindMask{kinds(quoteUnit, attrUnit), kinds(quoteUnit, passageUnit), kinds(passageUnit)} {
			lims := []limits{{}, {units: odd}}
			if len(ts) > 1 {
				lims = append(lims, limits{holding: ts[:1]}, limits{units: odd, holding: ts[1:]})
			}
			for _, lim := range lims {
				got, want := ix.rank(ts, mask, lim), ix.rankEveryPosting(ts, mask, lim)
				if len(got) == 0 && len(want) == 0 {
					continue
				}
				checked++
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%q (kinds %b, limits %v): pruned ranking\n%v\nevery posting\n%v", q.Text, mask, lim, got, want)
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d rankings compared", checked)
	}
}

// decodeAll decodes a whole posting list, without its skip entries.
func decodeAll(l postingList) []uint32 {
	var out []uint32
	var c postingCursor
	for c.open(l); c.cur != ended; c.next() {
		out = append(out, uint32(c.cur)<<tfBits|c.tf)
	}
	return out
}

// TestPostingsRoundTrip checks that compressed lists decode to what was given, that
// seeking lands on the first posting at or after any unit, and that the cursor knows the
// block it is in: its highest impact and its last unit.
func TestPostingsRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var lists [][]uint32
	for _, n := range []int{0, 1, 2, blockSize - 1, blockSize, blockSize + 1, 5*blockSize + 7, 3000} {
		for _, gap := range []int{1, 3, 200, 40000} {
			var list []uint32
			u := rng.IntN(5)
			for range n {
				list = append(list, uint32(u)<<tfBits|uint32(1+rng.IntN(tfMax)))
				u += 1 + rng.IntN(gap)
			}
			lists = append(lists, list)
		}
	}
	for len(lists)%int(numUnitKinds) != 0 {
		lists = append(lists, nil)
	}
	impact := func(_ unitKind, p uint32) float32 { return float32(p & tfMax) }
	ps := compressPostings(func(i int) []uint32 { return lists[i] }, len(lists)/int(numUnitKinds), impact)
	for i, want := range lists {
		l := ps.list(int32(i/int(numUnitKinds)), unitKind(i%int(numUnitKinds)))
		if got := decodeAll(l); !slices.Equal(got, want) {
			t.Fatalf("list %d (%d postings) decodes to %d postings, differently", i, len(want), len(got))
		}
		if len(want) == 0 {
			continue
		}
		last := int32(want[len(want)-1] >> tfBits)
		for range 50 {
			u := int32(rng.IntN(int(last) + 2))
			var c postingCursor
			c.open(l)
			if rng.IntN(2) == 0 { // from somewhere along the list, not only its start
				c.seek(u / 2)
			}
			c.seek(u)
			k := sort.Search(len(want), func(k int) bool { return int32(want[k]>>tfBits) >= u })
			wantUnit := int32(ended)
			if k < len(want) {
				wantUnit = int32(want[k] >> tfBits)
			}
			if c.cur != wantUnit {
				t.Fatalf("list %d: seek(%d) = %d, want %d", i, u, c.cur, wantUnit)
			}
			if k == len(want) {
				continue
			}
			// The block under the cursor: its highest frequency (the impact here) and its last unit.
			from, to := 0, len(want)
			if len(want) > blockSize {
				from, to = k/blockSize*blockSize, min(len(want), (k/blockSize+1)*blockSize)
			}
			wantImpact, wantLast := float32(0), int32(ended-1)
			for _, p := range want[from:to] {
				wantImpact = max(wantImpact, float32(p&tfMax))
			}
			if to < len(want) {
				wantLast = int32(want[to-1] >> tfBits)
			}
			if impact, last := c.block(); impact != wantImpact || last != wantLast {
				t.Fatalf("list %d at posting %d: block impact %v, last unit %d; want %v, %d", i, k, impact, last, wantImpact, wantLast)
			}
		}
	}
}

// TestUnitNumbers checks that a unit's number tells what it is: every quotation, then
// every reported speech, then every paragraph, each kind in document order.
func TestUnitNumbers(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 40 {
		fsys[synth.FileName(i)] = &fstest.MapFile{Data: synth.Article(9, i)}
	}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(c)
	doc := map[string]int32{}
	for d, x := range c.Documents {
		doc[x.ID] = int32(d)
	}
	var want []unit
	for i, q := range c.Quotes {
		want = append(want, unit{quoteUnit, doc[q.DocID], int32(q.Paragraph - 1), int32(i)})
	}
	for i, a := range c.Attributions {
		want = append(want, unit{attrUnit, doc[a.DocID], int32(a.Paragraph - 1), int32(i)})
	}
	for d, x := range c.Documents {
		for p := range x.ParagraphCount() {
			want = append(want, unit{passageUnit, int32(d), int32(p), -1})
		}
	}
	if len(want) != len(ix.lengths) || len(c.Quotes) == 0 || len(c.Attributions) == 0 {
		t.Fatalf("%d units, want %d (%d quotations, %d reported speech)", len(ix.lengths), len(want), len(c.Quotes), len(c.Attributions))
	}
	for id, w := range want {
		if got := ix.unit(int32(id)); got != w {
			t.Fatalf("unit %d is %+v, want %+v", id, got, w)
		}
		if w.kind == passageUnit && ix.passageUnitOf(w) != int32(id) {
			t.Fatalf("passage %+v is unit %d, want %d", w, ix.passageUnitOf(w), id)
		}
	}
}
