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
