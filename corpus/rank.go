package corpus

import (
	"container/heap"
	"slices"
	"sort"
)

// cursor walks one query term's posting list.
type cursor struct {
	postingCursor
	w     float32 // weight × IDF × (k1 + 1): the BM25 numerator's factor
	cover float32 // weight × IDF: the share of the query a unit holding the term covers
	bound float32 // the most the term can add to a unit's score
}

// rankBest is how many units rank returns at most.
const rankBest = 2 * MaxResults

// rank scores units of the accepted kinds for the given terms with BM25, and returns the
// rankBest best of those that cover a fair share of the query, best first, among the units
// the limits allow.
//
// It reads the posting lists side by side, unit by unit (document at a time), one kind of
// unit after another, with exact prunings in the manner of MaxScore. The terms are ordered
// by how much they can add; the longest lists at the end of that order are only searched,
// for the units the others hold, while a unit they alone hold could neither cover its
// share of the query nor beat the worst of the best units found so far. And the lists read
// through are read a window at a time, the window ending where the first of their current
// blocks ends: a window whose blocks' impacts could not beat the worst kept is leapt over.
func (ix *Index) rank(ts []weightedTerm, mask kindMask, lim limits) []scored {
	need := ix.need(ts)
	if lim.lenient {
		need *= lenientShare
	}
	terms := ix.selective(ts)
	top := make(scoredHeap, 0, rankBest)
	for k := range unitKind(numUnitKinds) {
		if mask&(1<<k) == 0 {
			continue
		}
		var held []postingCursor // one for each term a unit must hold
		for _, t := range lim.holding {
			id, ok := ix.dict[t.term]
			if !ok {
				return nil // no unit holds it
			}
			var c postingCursor
			c.open(ix.post.list(id, k))
			held = append(held, c)
		}
		ix.rankKind(ix.cursors(terms, k), k, need, lim.units, held, &top)
	}
	return top.sorted()
}

// limits narrow a ranking to some units: when given, the units listed (in unit order),
// and the units that hold every one of the terms.
type limits struct {
	units   []int32
	holding []weightedTerm
	lenient bool // a unit need hold only a part of its fair share of the query
}

// lenientShare is the part of its fair share a unit must hold in a lenient ranking.
const lenientShare = 0.5

// need is the cover a unit must reach to be ranked for the terms: a fair share of what the
// query asks for, not one common word of it.
func (ix *Index) need(ts []weightedTerm) float32 {
	var want float64
	for _, t := range ts {
		if id, ok := ix.dict[t.term]; ok && t.asks() {
			want += ix.idf(int(ix.post.df[id]))
		}
	}
	return float32(want * minUnitCoverage)
}

// rankKind ranks the units of one kind, keeping the best in top.
func (ix *Index) rankKind(cs []cursor, kind unitKind, need float32, among []int32, held []postingCursor, top *scoredHeap) {
	const base = float32(bm25K1 * (1 - bm25B))
	lenNorm := float32(bm25K1*bm25B) / max(ix.avgLen[kind], 1)

	// below[i] is what cursors 0..i-1 can give together: their bounds and their cover.
	boundBelow := make([]float32, len(cs)+1)
	coverBelow := make([]float32, len(cs)+1)
	for i, c := range cs {
		boundBelow[i+1] = boundBelow[i] + c.bound
		coverBelow[i+1] = coverBelow[i] + c.cover
	}
	const slack = 1 + 1e-4   // float32 sums in another order may differ in the last bits
	threshold := float32(-1) // the worst score kept once top is full
	// searched is how many cursors, from the start, are only searched.
	searched := 0
	settle := func() {
		if len(*top) == rankBest {
			threshold = float32((*top)[0].score)
		}
		for searched < len(cs) && (boundBelow[searched+1]*slack < threshold || coverBelow[searched+1]*slack < need) {
			searched++
		}
	}
	settle()
	tf := make([]float32, len(cs)) // the frequencies of the unit at hand, by cursor
	window := int32(-1)            // the last unit of the window at hand
	for {
		// The next unit any read-through list holds.
		u := int32(ended)
		for i := searched; i < len(cs); i++ {
			u = min(u, cs[i].cur)
		}
		if u == ended {
			break
		}
		if next := allowed(u, among, held); next != u {
			if next == ended {
				break
			}
			for i := searched; i < len(cs); i++ { // the lists read through leap to it
				cs[i].seek(next)
			}
			continue
		}
		if u > window {
			var most float32
			window, most = blocks(cs[searched:])
			if (most+boundBelow[searched])*slack < threshold {
				for i := searched; i < len(cs); i++ {
					cs[i].seek(window + 1)
				}
				continue
			}
		}
		// Read the unit's frequencies, and what they would score in the shortest unit: most
		// units can be passed over without reading their length.
		var most, cover float32
		for i := len(cs) - 1; i >= searched; i-- {
			c := &cs[i]
			tf[i] = 0
			if c.cur == u {
				f := float32(c.tf)
				tf[i] = f
				most += c.w * f / (f + base)
				cover += c.cover
				c.next()
			}
		}
		if (most+boundBelow[searched])*slack < threshold || (cover+coverBelow[searched])*slack < need {
			continue
		}
		norm := base + lenNorm*float32(ix.lengths[u])
		var score float32
		for i := len(cs) - 1; i >= searched; i-- {
			if f := tf[i]; f > 0 {
				score += cs[i].w * f / (f + norm)
			}
		}
		for i := searched - 1; i >= 0; i-- {
			if (score+boundBelow[i+1])*slack < threshold || (cover+coverBelow[i+1])*slack < need {
				break // the rest cannot make it a result
			}
			c := &cs[i]
			c.seek(u)
			if c.cur == u {
				f := float32(c.tf)
				score += c.w * f / (f + norm)
				cover += c.cover
			}
		}
		if cover >= need && top.keep(scored{u, float64(score)}, rankBest) {
			settle()
		}
	}
}

// cursors opens the posting lists of the query's terms in units of one kind, ordered by
// how much each term can add to a unit's score, least first.
func (ix *Index) cursors(ts []weightedTerm, kind unitKind) []cursor {
	var cs []cursor
	for _, t := range ts {
		id, ok := ix.dict[t.term]
		if !ok {
			continue
		}
		idf := ix.idf(int(ix.post.df[id]))
		c := cursor{w: float32(t.weight * idf * (bm25K1 + 1)), cover: float32(t.weight * idf)}
		if t.how {
			c.cover = 0
		}
		l := ix.post.list(id, kind)
		if len(l.data) == 0 {
			continue // it can neither score nor cover a share of the query
		}
		c.open(l)
		c.bound = c.w * c.impact
		cs = append(cs, c)
	}
	// Lists that cover nothing of the query (its verb, in a who-query) come first: a unit
	// that holds only their terms cannot be a result, so they are only ever searched, and
	// the lists of the words the query is about say which units to score. The rest come
	// by bound, so that those which cannot lift a unit over the threshold are searched too.
	slices.SortStableFunc(cs, func(a, b cursor) int {
		switch {
		case (a.cover == 0) != (b.cover == 0):
			if a.cover == 0 {
				return -1
			}
			return 1
		case a.bound < b.bound:
			return -1
		case a.bound > b.bound:
			return 1
		}
		return 0
	})
	return cs
}

// allowed returns the first unit from u on that the limits allow: one listed in among
// (unless among is nil), and held by every list of held, whose cursors it moves there.
func allowed(u int32, among []int32, held []postingCursor) int32 {
	for {
		v := u
		if among != nil {
			k, _ := slices.BinarySearch(among, u)
			if k == len(among) {
				return ended
			}
			v = among[k]
		}
		for i := range held {
			held[i].seek(v)
			v = max(v, held[i].cur)
		}
		if v == u || v == ended {
			return v
		}
		u = v
	}
}

// blocks returns the window the cursors' current blocks make, from the first unit they are
// on to the first end of a block among them, and the most the cursors can add to a unit in
// it.
func blocks(cs []cursor) (last int32, most float32) {
	last = ended - 1
	for i := range cs {
		if cs[i].cur != ended {
			_, end := cs[i].block()
			last = min(last, end)
		}
	}
	for i := range cs {
		if cs[i].cur <= last {
			impact, _ := cs[i].block()
			most += cs[i].w * impact
		}
	}
	return last, most
}

// better orders scored units: the higher score first, then the earlier unit.
func (s scored) better(o scored) bool {
	if s.score != o.score {
		return s.score > o.score
	}
	return s.unit < o.unit
}

// scoredHeap is a min-heap of scored units: the worst kept is at the top.
type scoredHeap []scored

func (h scoredHeap) Len() int           { return len(h) }
func (h scoredHeap) Less(i, j int) bool { return h[j].better(h[i]) }
func (h scoredHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *scoredHeap) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *scoredHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// keep adds s to the n best kept so far if it is among them, and reports whether it was.
func (h *scoredHeap) keep(s scored, n int) bool {
	switch {
	case len(*h) < n:
		heap.Push(h, s)
	case s.better((*h)[0]):
		(*h)[0] = s
		heap.Fix(h, 0)
	default:
		return false
	}
	return true
}

// sorted returns the units kept, best first.
func (h scoredHeap) sorted() []scored {
	out := []scored(h)
	sort.Slice(out, func(i, j int) bool { return out[i].better(out[j]) })
	return out
}
