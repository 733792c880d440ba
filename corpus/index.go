package corpus

import (
	"math"
	"sort"
	"strings"
)

// unitKind is what a search unit is.
type unitKind uint8

const (
	quoteUnit   unitKind = iota // a quotation's words
	attrUnit                    // reported speech: the clause a reporting verb governs
	passageUnit                 // a paragraph's narrative, its quotations left out
	numUnitKinds
)

// unit is one searchable piece of a document. The index does not keep units: a unit's
// number tells what it is (see Index.unit).
type unit struct {
	kind unitKind
	doc  int32
	para int32 // 0-based
	ref  int32 // the quotation's or attribution's index in the corpus; -1 for a passage
}

// posting packs a unit id and the term's frequency in it (capped at 15).
const (
	tfBits = 4
	tfMax  = 1<<tfBits - 1
)

// Index is an immutable search index over a corpus: BM25 over quotations, reported speech
// and passages, and the actors' names and aliases. It is safe for concurrent use.
type Index struct {
	c       *Corpus
	lengths []uint16 // by unit: its index terms, capped
	dict    map[string]int32
	post    postingStore // by term and unit kind: the units that hold the term
	avgLen  [numUnitKinds]float32
	count   [numUnitKinds]int32

	stems  map[string]string // every word of the corpus → its term, for queries and highlights
	docIdx map[string]int32
	// The units are numbered kind by kind: every quotation (a quotation's unit is its
	// index), every reported speech, every passage, each kind in document order. By
	// document, and one more for the end:
	quoteStart  []int32 // the index of its first quotation
	attrStart   []int32 // the index of its first reported speech
	passageBase []int32 // the number of its first passage

	actorIdx    map[string]int32
	actorQuotes [][]int32 // actor index → its quotations, in corpus order
	actorAttrs  [][]int32 // actor index → its reported speech
	voices      [][]int32 // an organisation's index → the people whose posts serve it
	names       nameIndex
	titles      map[string][]int32 // a headline word's term → the documents whose headline holds it
}

// NewIndex builds the index of a corpus, spreading the work over the machine's cores.
func NewIndex(c *Corpus) *Index {
	ix := &Index{c: c, dict: map[string]int32{}, docIdx: map[string]int32{}, actorIdx: map[string]int32{}}
	nd := len(c.Documents)
	for i, d := range c.Documents {
		ix.docIdx[d.ID] = int32(i)
	}
	// Number the units: quotations, reported speech, passages.
	qStart, aStart := make([]int32, nd+1), make([]int32, nd+1)
	for _, q := range c.Quotes {
		qStart[ix.docIdx[q.DocID]+1]++
	}
	for _, a := range c.Attributions {
		aStart[ix.docIdx[a.DocID]+1]++
	}
	ix.passageBase = make([]int32, nd+1)
	ix.passageBase[0] = int32(len(c.Quotes) + len(c.Attributions))
	for d := 0; d < nd; d++ {
		qStart[d+1] += qStart[d]
		aStart[d+1] += aStart[d]
		ix.passageBase[d+1] = ix.passageBase[d] + int32(c.Documents[d].ParagraphCount())
	}
	ix.quoteStart, ix.attrStart = qStart, aStart
	ix.lengths = make([]uint16, ix.passageBase[nd])

	parts := make([]*localIndex, spreadParts(nd, 64))
	spread(nd, 64, func(p, lo, hi int) { parts[p] = ix.indexDocs(lo, hi) })
	var total [numUnitKinds]float64
	for _, part := range parts {
		for k := range total {
			total[k] += part.length[k]
		}
	}
	ix.count = [numUnitKinds]int32{int32(len(c.Quotes)), int32(len(c.Attributions)), ix.passageBase[nd] - ix.passageBase[0]}
	for k := range total {
		ix.avgLen[k] = float32(total[k] / math.Max(1, float64(ix.count[k])))
	}
	ix.mergeParts(parts)
	ix.indexTitles()
	ix.indexActors()
	return ix
}

// mergeParts lays the workers' posting lists out in one array: a term's quotations, then
// its reported speech, then its passages, each part in unit order. The parts cover
// consecutive documents, so putting their lists one after another keeps that order; each
// part copies its own lists, on its own core. The lists are then compressed.
func (ix *Index) mergeParts(parts []*localIndex) {
	ix.stems = map[string]string{}
	global := make([][]int32, len(parts)) // by part: local term → term
	for p, part := range parts {
		part.words.each(func(w string, local int32) {
			if local >= 0 {
				ix.stems[w] = part.terms[local]
			}
		})
		global[p] = make([]int32, len(part.terms))
		for local, term := range part.terms {
			id, ok := ix.dict[term]
			if !ok {
				id = int32(len(ix.dict))
				ix.dict[term] = id
			}
			global[p][local] = id
		}
	}
	// Count each term's postings of each kind, then give every part its place in them.
	sizes := make([][numUnitKinds]int, len(ix.dict))
	for p, part := range parts {
		for local, id := range global[p] {
			for k := range sizes[id] {
				sizes[id][k] += len(part.post[k][local])
			}
		}
	}
	next := make([][numUnitKinds]int, len(ix.dict)) // where the next part's postings go
	// starts holds where each list (term × numUnitKinds + kind) starts; the total last.
	starts := make([]int, int(numUnitKinds)*len(ix.dict)+1)
	for id, sz := range sizes {
		for k, n := range sz {
			i := id*int(numUnitKinds) + k
			next[id][k] = starts[i]
			starts[i+1] = starts[i] + n
		}
	}
	arena := make([]uint32, starts[len(starts)-1])
	dest := make([][]int, len(parts)) // by part: local term × kind → offset
	for p, part := range parts {
		dest[p] = make([]int, int(numUnitKinds)*len(global[p]))
		for local, id := range global[p] {
			for k := range numUnitKinds {
				dest[p][int(numUnitKinds)*local+int(k)] = next[id][k]
				next[id][k] += len(part.post[k][local])
			}
		}
	}
	spread(len(parts), 1, func(_, lo, hi int) {
		for p := lo; p < hi; p++ {
			for local := range global[p] {
				for k := range numUnitKinds {
					copy(arena[dest[p][int(numUnitKinds)*local+int(k)]:], parts[p].post[k][local])
				}
			}
		}
	})
	ix.post = compressPostings(func(i int) []uint32 { return arena[starts[i]:starts[i+1]] }, len(ix.dict), ix.impact)
}

// indexTitles notes the terms of each document's headline, which a story may not repeat
// in its paragraphs ("Fake texts …", "… slot glued shut").
func (ix *Index) indexTitles() {
	ix.titles = map[string][]int32{}
	for d, doc := range ix.c.Documents {
		words(doc.Title, func(w []byte) {
			if t := ix.stem(w); t != "" {
				if ds := ix.titles[t]; len(ds) == 0 || ds[len(ds)-1] != int32(d) {
					ix.titles[t] = append(ds, int32(d))
				}
			}
		})
	}
}

// impact is what a posting scores in BM25 for a term of weight 1 with IDF 1 over
// (k1 + 1): its share of the most a term can give, computed as rank computes a score.
func (ix *Index) impact(kind unitKind, p uint32) float32 {
	const base = float32(bm25K1 * (1 - bm25B))
	norm := base + float32(bm25K1*bm25B)/max(ix.avgLen[kind], 1)*float32(ix.lengths[p>>tfBits])
	f := float32(p & tfMax)
	return f / (f + norm)
}

// stem returns the index term of a lower-cased word, or "" for a stopword.
func (ix *Index) stem(w []byte) string {
	if t, ok := ix.stems[string(w)]; ok {
		return t
	}
	return stemWord(string(w))
}

// Corpus returns the corpus the index was built from.
func (ix *Index) Corpus() *Corpus { return ix.c }

// localIndex is one worker's share of the index: terms numbered in the order it met them.
type localIndex struct {
	words   *wordTable       // a lower-cased word → its term's local number, or -1 for a stopword
	stems   map[string]int32 // a term → its local number
	terms   []string
	post    [numUnitKinds][][]uint32 // by unit kind and local term: the postings
	tf      []uint32                 // the current unit's count of each term
	touched []int32                  // the terms the current unit holds
	length  [numUnitKinds]float64    // by unit kind: the units' lengths, summed
	buf     wordBuf                  // the word being read
}

// term returns the local number of a word's term, or -1 for a stopword.
func (l *localIndex) term(w []byte) int32 {
	if id, ok := l.words.get(w); ok {
		return id
	}
	id := l.slowTerm(string(w))
	l.words.put(w, id)
	return id
}

// slowTerm stems a word to its term's local number, adding the term if it is new.
func (l *localIndex) slowTerm(word string) int32 {
	id := int32(-1)
	if stem := stemWord(word); stem != "" {
		var ok bool
		if id, ok = l.stems[stem]; !ok {
			id = int32(len(l.terms))
			l.stems[stem] = id
			l.terms = append(l.terms, stem)
			for k := range l.post {
				l.post[k] = append(l.post[k], nil)
			}
			l.tf = append(l.tf, 0)
		}
	}
	return id
}

// indexDocs indexes documents lo..hi.
func (ix *Index) indexDocs(lo, hi int) *localIndex {
	c, qStart, aStart := ix.c, ix.quoteStart, ix.attrStart
	attrBase := int32(len(c.Quotes))
	l := &localIndex{words: newWordTable(), stems: map[string]int32{}}
	n := 0
	count := func(w []byte) {
		id := l.term(w)
		if id < 0 {
			return
		}
		if l.tf[id] == 0 {
			l.touched = append(l.touched, id)
		}
		l.tf[id]++
		n++
	}
	add := func(uid int32, kind unitKind, text string, extra string) {
		n = 0
		l.buf.words(text, count)
		if extra != "" {
			l.buf.words(extra, count)
		}
		post := &l.post[kind]
		for _, id := range l.touched {
			(*post)[id] = append((*post)[id], uint32(uid)<<tfBits|min(l.tf[id], tfMax))
			l.tf[id] = 0
		}
		l.touched = l.touched[:0]
		ix.lengths[uid] = uint16(min(n, math.MaxUint16))
		l.length[kind] += float64(ix.lengths[uid])
	}
	var narrative strings.Builder
	for d := lo; d < hi; d++ {
		doc := c.Documents[d]
		text := doc.text.decode() // each document once: not through the recent texts
		for qi := qStart[d]; qi < qStart[d+1]; qi++ {
			q := c.Quotes[qi]
			add(qi, quoteUnit, q.text.in(text), q.Cue)
		}
		for ai := aStart[d]; ai < aStart[d+1]; ai++ {
			a := c.Attributions[ai]
			add(attrBase+ai, attrUnit, a.clause.in(text), a.Verb)
		}
		uid := ix.passageBase[d]
		q := qStart[d]
		for p, para := range doc.text.paragraphs(text) {
			// The passage is the paragraph's narrative: its quotations are units of their own.
			narrative.Reset()
			from := 0
			for ; q < qStart[d+1] && c.Quotes[q].Paragraph == p+1; q++ {
				quoted := c.Quotes[q].text.in(text)
				if at := strings.Index(para[from:], quoted); at >= 0 {
					narrative.WriteString(para[from : from+at])
					narrative.WriteByte(' ')
					from += at + len(quoted)
				}
			}
			if from == 0 {
				add(uid, passageUnit, para, "")
			} else {
				narrative.WriteString(para[from:])
				add(uid, passageUnit, narrative.String(), "")
			}
			uid++
		}
	}
	return l
}

// unit returns what unit id is.
func (ix *Index) unit(id int32) unit {
	nq, na := int32(len(ix.c.Quotes)), int32(len(ix.c.Attributions))
	switch {
	case id < nq:
		return unit{kind: quoteUnit, doc: docOf(ix.quoteStart, id), para: int32(ix.c.Quotes[id].Paragraph - 1), ref: id}
	case id < nq+na:
		ref := id - nq
		return unit{kind: attrUnit, doc: docOf(ix.attrStart, ref), para: int32(ix.c.Attributions[ref].Paragraph - 1), ref: ref}
	}
	d := docOf(ix.passageBase, id)
	return unit{kind: passageUnit, doc: d, para: id - ix.passageBase[d], ref: -1}
}

// docOf returns the document whose share of a numbering holds i, given where each
// document's share starts, and where the last ends.
func docOf(starts []int32, i int32) int32 {
	return int32(sort.Search(len(starts)-1, func(d int) bool { return starts[d+1] > i }))
}

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// idf is the BM25 inverse document frequency of a term with the given postings.
func (ix *Index) idf(df int) float64 {
	n := float64(len(ix.lengths))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// kindMask is a set of unit kinds.
type kindMask uint8

// kinds is the set of the given unit kinds.
func kinds(ks ...unitKind) kindMask {
	var m kindMask
	for _, k := range ks {
		m |= 1 << k
	}
	return m
}
