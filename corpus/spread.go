package corpus

import (
	"runtime"
	"sync"
)

// spreadParts is how many ranges spread cuts n items into: one for each core, each of at
// least grain items, and always one.
func spreadParts(n, grain int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/grain))
}

// spread cuts [0, n) into spreadParts(n, grain) consecutive ranges and calls f on each at
// once, with the range's number; it returns when every call has.
func spread(n, grain int, f func(part, lo, hi int)) {
	parts := spreadParts(n, grain)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { f(p, n*p/parts, n*(p+1)/parts) })
	}
	wg.Wait()
}

// spreadEven is spread for items of uneven weight: it cuts [0, n) into ranges of about the
// same total weight, one for each core.
func spreadEven(n int, weight func(i int) int, f func(part, lo, hi int)) {
	parts := spreadParts(n, 1)
	total := 0
	for i := range n {
		total += weight(i)
	}
	cuts := make([]int, 0, parts+1)
	cuts = append(cuts, 0)
	sum := 0
	for i := range n {
		if sum >= total*len(cuts)/parts && len(cuts) < parts {
			cuts = append(cuts, i)
		}
		sum += weight(i)
	}
	for len(cuts) <= parts {
		cuts = append(cuts, n)
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { f(p, cuts[p], cuts[p+1]) })
	}
	wg.Wait()
}
