package corpus

// Posting lists are stored compressed: each posting is the gap from the unit before it, as
// a varint of (gap << 1 | 1 if the term's frequency in the unit is not 1), and then, if it
// is not, the frequency in a byte: most often one or two bytes where a plain list spends
// four. A list longer than one block of blockSize postings has a skip entry for each of
// its blocks, recording where the block starts and the most any of its postings can
// score, so that a cursor can leap over a long list's blocks, and a ranking over those
// that could not change it.
//
// A list of a term holds the units of one kind (see unitKind); a term has one list of each
// kind. Units are counted from 1 in the encoding, so that the first gap is never 0.
const blockSize = 128

// skipEntry marks the start of a block: its offset in the list's bytes, the unit (from 1)
// of the posting before it, from which the block's gaps count, and the block's impact: the
// highest of its postings' (see impactFunc).
type skipEntry struct {
	base, off uint32
	impact    float32
}

// impactFunc gives what a posting of a list of units of the given kind scores, all but
// the term's weight: a number that grows with its frequency and falls with its unit's
// length. The store keeps the highest of each block and of each list.
type impactFunc func(kind unitKind, p uint32) float32

// postingStore holds every term's lists.
type postingStore struct {
	data    []byte
	skips   []skipEntry
	dataAt  []uint32  // by list (term × numUnitKinds + kind), and one more: where its bytes start
	skipsAt []uint32  // likewise: where its skip entries start
	impact  []float32 // by list: the highest impact of its postings
	df      []uint32  // by term: units that hold it, of every kind
}

// postingList is one list, as a cursor reads it.
type postingList struct {
	data   []byte
	skips  []skipEntry
	impact float32 // the highest of its postings
}

// list returns a term's list of units of one kind.
func (ps *postingStore) list(id int32, k unitKind) postingList {
	i := int(id)*int(numUnitKinds) + int(k)
	return postingList{ps.data[ps.dataAt[i]:ps.dataAt[i+1]], ps.skips[ps.skipsAt[i]:ps.skipsAt[i+1]], ps.impact[i]}
}

// uvarintLen is the length of v as a varint.
func uvarintLen(v uint32) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

// compressPostings encodes lists given plainly: lists[i] for list i (term × numUnitKinds +
// kind), each in unit order, as (unit << tfBits | tf). It encodes on every core.
func compressPostings(lists func(i int) []uint32, terms int, impact impactFunc) postingStore {
	n := terms * int(numUnitKinds)
	ps := postingStore{dataAt: make([]uint32, n+1), skipsAt: make([]uint32, n+1), impact: make([]float32, n), df: make([]uint32, terms)}
	// First the size of every list, to place each in one array.
	size := make([]uint32, n)
	skipN := make([]uint32, n)
	weight := func(i int) int { return 1 + len(lists(i)) } // the work of a list
	spreadEven(n, weight, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			list := lists(i)
			prev := uint32(0)
			for _, p := range list {
				x := p>>tfBits + 1
				size[i] += uint32(uvarintLen((x - prev) << 1))
				if p&tfMax != 1 {
					size[i]++
				}
				prev = x
			}
			if len(list) > blockSize {
				skipN[i] = uint32((len(list) + blockSize - 1) / blockSize)
			}
		}
	})
	for i := range n {
		ps.dataAt[i+1] = ps.dataAt[i] + size[i]
		ps.skipsAt[i+1] = ps.skipsAt[i] + skipN[i]
		ps.df[i/int(numUnitKinds)] += uint32(len(lists(i)))
	}
	ps.data = make([]byte, ps.dataAt[n])
	ps.skips = make([]skipEntry, ps.skipsAt[n])
	spreadEven(n, weight, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			data := ps.data[ps.dataAt[i]:ps.dataAt[i+1]]
			skips := ps.skips[ps.skipsAt[i]:ps.skipsAt[i+1]]
			kind := unitKind(i % int(numUnitKinds))
			prev, off := uint32(0), 0
			for k, p := range lists(i) {
				if k%blockSize == 0 && len(skips) > 0 {
					skips[k/blockSize] = skipEntry{base: prev, off: uint32(off)}
				}
				m := impact(kind, p)
				if len(skips) > 0 {
					b := &skips[k/blockSize]
					b.impact = max(b.impact, m)
				}
				ps.impact[i] = max(ps.impact[i], m)
				x := p>>tfBits + 1
				v := (x - prev) << 1
				if p&tfMax != 1 {
					v |= 1
				}
				for v >= 0x80 {
					data[off] = byte(v) | 0x80
					v >>= 7
					off++
				}
				data[off] = byte(v)
				off++
				if p&tfMax != 1 {
					data[off] = byte(p & tfMax)
					off++
				}
				prev = x
			}
		}
	})
	return ps
}

// postingCursor reads a list in unit order.
type postingCursor struct {
	postingList
	pos  int    // where the next posting's bytes start
	read int    // postings read: the one under the cursor is read-1
	prev uint32 // the unit (from 1) of the posting under the cursor
	cur  int32  // the unit of the posting under the cursor; ended past the end
	tf   uint32 // the term's frequency in it
}

// ended is a cursor's unit once it is past its list's end: after every unit.
const ended = 1<<31 - 1

// open puts the cursor on the list's first posting.
func (c *postingCursor) open(l postingList) {
	*c = postingCursor{postingList: l}
	c.next()
}

// next moves the cursor to the next posting.
func (c *postingCursor) next() {
	if c.pos >= len(c.data) {
		c.cur = ended
		return
	}
	v, shift := uint32(0), uint(0)
	for {
		b := c.data[c.pos]
		c.pos++
		v |= uint32(b&0x7f) << shift
		if b < 0x80 {
			break
		}
		shift += 7
	}
	c.read++
	c.prev += v >> 1
	c.cur = int32(c.prev - 1)
	c.tf = 1
	if v&1 != 0 {
		c.tf = uint32(c.data[c.pos])
		c.pos++
	}
}

// seek moves the cursor to the first posting of unit u or a later one, leaping over
// whole blocks where it can.
func (c *postingCursor) seek(u int32) {
	if c.cur >= u {
		return
	}
	if len(c.skips) > 0 {
		// The last block that starts before unit u (its base is below u + 1), searched
		// for from the block after the cursor's: seeks are most often near.
		x := uint32(u) + 1
		lo, hi := (c.read-1)/blockSize+1, len(c.skips)
		if lo < hi && c.skips[lo].base >= x {
			hi = lo // the block at hand holds u, if the list does
		}
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if c.skips[mid].base < x {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if s := c.skips[lo-1]; int(s.off) > c.pos {
			c.pos, c.prev, c.read = int(s.off), s.base, (lo-1)*blockSize
		}
	}
	for c.next(); c.cur < u; c.next() {
	}
}

// block returns the highest impact of the postings in the block under the cursor, and
// the last unit that block may hold: for a list of one block, the list's impact and the
// last unit there is.
func (c *postingCursor) block() (impact float32, last int32) {
	if len(c.skips) == 0 {
		return c.impact, ended - 1
	}
	b := (c.read - 1) / blockSize
	if b+1 < len(c.skips) {
		return c.skips[b].impact, int32(c.skips[b+1].base) - 1
	}
	return c.skips[b].impact, ended - 1
}
