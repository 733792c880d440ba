package corpus

import (
	"encoding/binary"
	"math/bits"
)

// wordTable maps words to numbers, for the index builder's one lookup per word of the
// corpus. It is an open-addressing hash table whose slots hold words of up to 16 bytes
// inline, two to a cache line, so that a lookup usually reads one line of memory where a
// Go map reads its control word, a slot and the key's bytes elsewhere. Longer words go to
// a map.
type wordTable struct {
	slots []wordSlot // a power of two of them
	n     int        // slots in use
	long  map[string]int32

	// filter, when set, has a bit for each word put, by hash: a word whose bit is clear
	// is not in the table, which a small table's callers learn from one word of memory
	// that stays in the nearest cache. Most words asked of a word list are not in it.
	filter *[filterWords]uint64
}

const filterWords = 256 // 16,384 bits

// wordSlot is a word packed into two words of memory, its length and its number; a zero
// length marks an empty slot.
type wordSlot struct {
	k0, k1 uint64
	id     int32
	size   uint8
}

const inlineWord = 16 // the longest word a slot holds

func newWordTable() *wordTable { return newWordTableSize(1 << 12) }

// newWordTableSize returns a table of n slots, n a power of two.
func newWordTableSize(n int) *wordTable {
	return &wordTable{slots: make([]wordSlot, n), long: map[string]int32{}}
}

// packWord packs a word of at most 16 bytes into two integers, zero padded.
func packWord[S []byte | string](w S) (k0, k1 uint64) {
	var b [inlineWord]byte
	copy(b[:], w)
	return binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])
}

// hashWord mixes a packed word into a slot number's worth of bits.
func hashWord(k0, k1 uint64) uint64 {
	hi, lo := bits.Mul64(k0^0x9E3779B97F4A7C15, k1^0xC2B2AE3D27D4EB4F)
	return hi ^ lo
}

// get returns the number of w, if the table has it.
func (t *wordTable) get(w []byte) (int32, bool) {
	if len(w) > inlineWord || len(w) == 0 {
		id, ok := t.long[string(w)]
		return id, ok
	}
	k0, k1 := packWord(w)
	return t.find(k0, k1, len(w))
}

// getString is get for a string.
func (t *wordTable) getString(w string) (int32, bool) {
	if len(w) > inlineWord || len(w) == 0 {
		id, ok := t.long[w]
		return id, ok
	}
	k0, k1 := packWord(w)
	return t.find(k0, k1, len(w))
}

// find looks up a packed word of the given length.
func (t *wordTable) find(k0, k1 uint64, size int) (int32, bool) {
	h := hashWord(k0, k1)
	if t.filter != nil && !filterHas(t.filter, h) {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.size == 0 {
			return 0, false
		}
		if s.k0 == k0 && s.k1 == k1 && s.size == uint8(size) {
			return s.id, true
		}
	}
}

// put sets the number of w, which the table must not have yet.
func (t *wordTable) put(w []byte, id int32) {
	if len(w) > inlineWord || len(w) == 0 {
		t.long[string(w)] = id
		return
	}
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	k0, k1 := packWord(w)
	t.insert(wordSlot{k0: k0, k1: k1, id: id, size: uint8(len(w))})
}

// filterHas reports whether the filter has the bit of hash h; filterSet sets it. The bit
// comes from the hash's high bits, which the slot number does not use.
func filterHas(f *[filterWords]uint64, h uint64) bool {
	b := h >> 50 // 14 bits
	return f[b>>6]&(1<<(b&63)) != 0
}

func filterSet(f *[filterWords]uint64, h uint64) {
	b := h >> 50
	f[b>>6] |= 1 << (b & 63)
}

func (t *wordTable) insert(s wordSlot) {
	mask := uint64(len(t.slots) - 1)
	h := hashWord(s.k0, s.k1)
	if t.filter != nil {
		filterSet(t.filter, h)
	}
	i := h & mask
	for t.slots[i].size != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
	t.n++
}

func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, 2*len(old))
	t.n = 0
	for _, s := range old {
		if s.size != 0 {
			t.insert(s)
		}
	}
}

// each calls f with every word in the table and its number.
func (t *wordTable) each(f func(w string, id int32)) {
	for _, s := range t.slots {
		if s.size == 0 {
			continue
		}
		var b [inlineWord]byte
		binary.LittleEndian.PutUint64(b[:8], s.k0)
		binary.LittleEndian.PutUint64(b[8:], s.k1)
		f(string(b[:s.size]), s.id)
	}
	for w, id := range t.long {
		f(w, id)
	}
}
