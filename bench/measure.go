package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/elecsec/elecsec/corpus/synth"
)

// heapInUse returns the bytes of live heap after a full collection.
func heapInUse() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// latencies are the times one engine took per query, in the order of the mix.
type latencies struct {
	all      []time.Duration
	byKind   map[synth.QueryKind][]time.Duration
	answered int         // queries with at least one result
	timedOut synth.Query // the query that ran past the timeout and ended the measurement
}

// warmup is how many queries run unmeasured before the timed ones.
const warmup = 20

// mixRound is the length of a whole round of synth.Queries' kinds; a budget cut stops on
// a round boundary so the measured mix keeps its proportions.
const mixRound = 20

// limits bound the time measure spends on one engine.
type limits struct {
	budget  time.Duration    // for all the queries; see measure
	timeout time.Duration    // for one query
	now     func() time.Time // the clock: time.Now
}

// measure runs the queries one after another and times each. It stops early, at the end
// of a round of the mix, when the budget is spent, or at once when twice the budget is.
// A query that takes longer than the timeout ends the measurement too: it is left running
// (a search cannot be cancelled), and l.timedOut names it.
func measure(ctx context.Context, e engine, queries []synth.Query, lim limits) (latencies, error) {
	l := latencies{byKind: map[synth.QueryKind][]time.Duration{}}
	for _, q := range queries[:min(warmup, len(queries))] {
		o, ok := timed(e, q.Text, lim)
		if !ok {
			l.timedOut = q
			return l, nil
		}
		if o.err != nil {
			return l, fmt.Errorf("query %q: %w", q.Text, o.err)
		}
	}
	begin := lim.now()
	for k, q := range queries {
		spent := lim.now().Sub(begin)
		if k > 0 && (spent > 2*lim.budget || k%mixRound == 0 && spent > lim.budget || ctx.Err() != nil) {
			break
		}
		o, ok := timed(e, q.Text, lim)
		if !ok {
			l.timedOut = q
			return l, nil
		}
		if o.err != nil {
			return l, fmt.Errorf("query %q: %w", q.Text, o.err)
		}
		if o.n > 0 {
			l.answered++
		}
		l.all = append(l.all, o.d)
		l.byKind[q.Kind] = append(l.byKind[q.Kind], o.d)
	}
	return l, ctx.Err()
}

// outcome is one search: its number of results, how long it took, and its error.
type outcome struct {
	n   int
	d   time.Duration
	err error
}

// timed runs one search on its own goroutine, so that it can be given up on; ok is false
// when it took longer than the timeout. The time is taken on that goroutine and leaves
// out the cost of starting it.
func timed(e engine, q string, lim limits) (o outcome, ok bool) {
	done := make(chan outcome, 1)
	go func() {
		start := lim.now()
		n, err := e.search(q)
		done <- outcome{n, lim.now().Sub(start), err}
	}()
	select {
	case o = <-done:
		return o, true
	case <-time.After(lim.timeout):
		return outcome{}, false
	}
}

// stats are the summary of a set of latencies.
type stats struct{ p50, p99, mean time.Duration }

func summarize(ds []time.Duration) stats {
	if len(ds) == 0 {
		return stats{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	return stats{p50: quantile(s, 0.50), p99: quantile(s, 0.99), mean: sum / time.Duration(len(s))}
}

// quantile returns the q-quantile of sorted by the nearest-rank method.
func quantile(sorted []time.Duration, q float64) time.Duration {
	k := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[max(0, min(k, len(sorted)-1))]
}

// row is one engine's results.
type row struct {
	name  string
	build time.Duration // load and index, or index alone
	heap  int64         // live heap the engine added
	lat   latencies
}

// summary describes the run.
type summary struct {
	docs, bytes   int
	seed          int64
	units, quotes int
	queries       []synth.Query
	procs         int
	timeout       time.Duration
}

var kinds = []synth.QueryKind{synth.ActorQuery, synth.TypoQuery, synth.WhoQuery, synth.KeywordQuery}

// report prints the tables and the ratios of elecsec to bleve.
func report(w io.Writer, s summary, rows []row) {
	count := map[synth.QueryKind]int{}
	for _, q := range s.queries {
		count[q.Kind]++
	}
	var mix []string
	for _, k := range kinds {
		mix = append(mix, fmt.Sprintf("%d %s", count[k], k))
	}
	fmt.Fprintf(w, "corpus: %d articles, %s (seed %d); bleve and fuzzy search %d paragraphs and quotations, %d quotations\n",
		s.docs, mb(int64(s.bytes)), s.seed, s.units, s.quotes)
	fmt.Fprintf(w, "queries: %d (%s), top %d results; GOMAXPROCS=%d, %s\n\n", len(s.queries), strings.Join(mix, ", "), topK, s.procs, runtime.Version())

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "engine\tindex time\theap\theap/corpus\tqueries\tanswered\tp50\tp99\tmean\t")
	for _, r := range rows {
		st := summarize(r.lat.all)
		build, heap, ratio := "-", "-", "-"
		if r.build > 0 {
			build = r.build.Round(time.Millisecond).String()
			heap = mb(r.heap)
			ratio = fmt.Sprintf("%.2f", float64(r.heap)/float64(s.bytes))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\t\n", r.name, build, heap, ratio,
			len(r.lat.all), r.lat.answered, dur(st.p50), dur(st.p99), dur(st.mean))
	}
	tw.Flush()
	for _, r := range rows {
		if q := r.lat.timedOut; q.Text != "" {
			fmt.Fprintf(w, "%s: stopped when %s query %q took longer than %s; its latencies leave that query out\n", r.name, q.Kind, q.Text, dur(s.timeout))
		}
	}

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "p50 / p99 by kind\t")
	for _, k := range kinds {
		fmt.Fprintf(tw, "%s\t", k)
	}
	fmt.Fprintln(tw)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t", r.name)
		for _, k := range kinds {
			st := summarize(r.lat.byKind[k])
			fmt.Fprintf(tw, "%s / %s\t", dur(st.p50), dur(st.p99))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()

	var ec, bl *row
	for k := range rows {
		switch {
		case strings.HasPrefix(rows[k].name, "elecsec"):
			ec = &rows[k]
		case strings.HasPrefix(rows[k].name, "bleve"):
			bl = &rows[k]
		}
	}
	if ec != nil && bl != nil {
		e, b := summarize(ec.lat.all), summarize(bl.lat.all)
		fmt.Fprintf(w, "\nelecsec / bleve: index time %s, heap %s, p50 %s, p99 %s\n",
			times(float64(ec.build), float64(bl.build)), times(float64(ec.heap), float64(bl.heap)),
			times(float64(e.p50), float64(b.p50)), times(float64(e.p99), float64(b.p99)))
		fmt.Fprintln(w, "(elecsec's index time includes reading, cleaning and extracting the articles; bleve's is indexing the extracted text alone)")
	}
}

func times(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// dur prints a latency with three significant digits.
func dur(d time.Duration) string {
	switch {
	case d == 0:
		return "-"
	case d < time.Microsecond:
		return fmt.Sprintf("%dns", d.Nanoseconds())
	case d < time.Millisecond:
		return fmt.Sprintf("%.1fµs", float64(d)/1e3)
	case d < time.Second:
		return fmt.Sprintf("%.2fms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2fs", d.Seconds())
}
