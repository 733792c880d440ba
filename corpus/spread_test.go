package corpus

import (
	"runtime"
	"sync"
	"testing"
)

// TestSpreadEven checks that the ranges cover every item once, in order, and share the
// weight: heavy items first, as a posting store's most common terms are.
func TestSpreadEven(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, n := range []int{0, 1, 3, 4, 1000} {
		weight := func(i int) int { return 1 + 1000000/(i+1) }
		var mu sync.Mutex
		ranges := map[int][2]int{}
		spreadEven(n, weight, func(p, lo, hi int) {
			mu.Lock()
			ranges[p] = [2]int{lo, hi}
			mu.Unlock()
		})
		next, total, heaviest := 0, 0, 0
		for p := range len(ranges) {
			r := ranges[p]
			if r[0] != next || r[1] < r[0] {
				t.Fatalf("n=%d: range %d is %v after %d", n, p, r, next)
			}
			w := 0
			for i := r[0]; i < r[1]; i++ {
				w += weight(i)
			}
			total += w
			heaviest = max(heaviest, w)
			next = r[1]
		}
		if next != n {
			t.Fatalf("n=%d: the ranges end at %d", n, next)
		}
		if n == 1000 && heaviest > total/2+weight(0) {
			t.Errorf("the heaviest range holds %d of %d", heaviest, total)
		}
	}
}
