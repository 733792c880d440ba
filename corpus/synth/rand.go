package synth

import "math"

// rng is a splitmix64 generator. It is written out here, rather than taken from math/rand,
// so that the corpus for a seed stays byte-for-byte the same across Go releases.
type rng struct{ state uint64 }

// newRNG returns a generator for one stream of the corpus: the same (seed, stream, i)
// always yields the same numbers, and different streams do not overlap in practice.
func newRNG(seed int64, stream uint64, i int) *rng {
	r := &rng{state: uint64(seed)*0x9e3779b97f4a7c15 ^ stream*0xbf58476d1ce4e5b9 ^ uint64(i)*0x94d049bb133111eb}
	r.next()
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); n must be positive and below 2³².
func (r *rng) intn(n int) int {
	return int(((r.next() >> 32) * uint64(n)) >> 32)
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// zipf returns a rank in [0, n) drawn with probability close to proportional to
// 1/(rank+1.5): the continuous log-uniform approximation of Zipf's law with exponent 1,
// which costs one exp per draw instead of a search over a table.
func (r *rng) zipf(n int) int {
	k := int(math.Exp(r.float()*math.Log(float64(n+1)))) - 1
	if k >= n {
		k = n - 1
	}
	return k
}

// zipfTable draws ranks in [0, n) like rng.zipf, by interpolating in a table of the
// inverse distribution function instead of calling exp: the vocabulary is drawn from
// tens of millions of times per corpus.
type zipfTable [zipfSteps + 1]float64

const zipfSteps = 4096

func newZipfTable(n int) *zipfTable {
	var t zipfTable
	l := math.Log(float64(n + 1))
	for j := range t {
		t[j] = math.Exp(float64(j)/zipfSteps*l) - 1
	}
	t[zipfSteps] = float64(n) - 1e-9
	return &t
}

// draw returns a rank; the top 12 bits of a random number pick the step, the next 40
// place the rank within it.
func (t *zipfTable) draw(r *rng) int {
	x := r.next()
	j := x >> 52
	f := float64((x>>12)&(1<<40-1)) / (1 << 40)
	return int(t[j] + f*(t[j+1]-t[j]))
}

// pick returns one element of list, uniformly.
func pick[T any](r *rng, list []T) T { return list[r.intn(len(list))] }
