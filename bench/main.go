// Command bench measures elecsec's corpus loading, indexing and search side by side with
// bleve (scorch in memory, BM25) and with the obvious implementation, sahilm/fuzzy run
// over every quotation, on one synthetic corpus from package synth.
//
// It is a module of its own so that the engines it compares against stay out of
// elecsec's dependencies. Run it from this directory:
//
//	go run . -docs 100000
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"sort"
	"sync"
	"testing/fstest"
	"time"

	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/corpus/synth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "bench:", err)
		}
		os.Exit(1)
	}
}

// options are the command-line flags.
type options struct {
	docs, queries int
	seed          int64
	budget        time.Duration
	timeout       time.Duration
	batch         int
	skipBleve     bool
	skipFuzzy     bool
	cpuProfile    string
	memProfile    string
	slow          int
}

func parse(args []string, stderr io.Writer) (options, error) {
	var o options
	fl := flag.NewFlagSet("bench", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.IntVar(&o.docs, "docs", 10000, "articles in the synthetic corpus")
	fl.IntVar(&o.queries, "queries", 1000, "queries in the latency mix")
	fl.Int64Var(&o.seed, "seed", 1, "seed of the synthetic corpus and queries")
	fl.DurationVar(&o.budget, "budget", 60*time.Second, "longest time to spend on one engine's queries; a slow engine answers fewer of them (whole rounds of the mix)")
	fl.DurationVar(&o.timeout, "timeout", 30*time.Second, "longest time one query may take; a query that takes longer ends that engine's measurement")
	fl.IntVar(&o.batch, "bleve-batch", 10000, "bleve documents per batch; each batch becomes an in-memory segment")
	fl.BoolVar(&o.skipBleve, "no-bleve", false, "skip bleve")
	fl.BoolVar(&o.skipFuzzy, "no-fuzzy", false, "skip the sahilm/fuzzy scan")
	fl.StringVar(&o.cpuProfile, "cpuprofile", "", "write CPU profiles of elecsec to this file (load), and to it with .index and .query appended")
	fl.StringVar(&o.memProfile, "memprofile", "", "write a heap profile to this file once elecsec has loaded and indexed")
	fl.IntVar(&o.slow, "slow", 8, "list elecsec's slowest queries, this many")
	if err := fl.Parse(args); err != nil {
		return o, err
	}
	if fl.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fl.Arg(0))
	}
	if o.docs < 1 || o.queries < 1 || o.slow < 0 || o.batch < 1 || o.timeout <= 0 {
		return o, errors.New("-docs, -queries, -timeout and -bleve-batch must be positive, -slow not negative")
	}
	return o, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parse(args, stderr)
	if err != nil {
		return err
	}
	progress := func(format string, a ...any) { fmt.Fprintf(stderr, format+"\n", a...) }
	queries := synth.Queries(o.seed, o.queries, o.docs)
	progress("generating %d articles", o.docs)
	fsys := generate(o.seed, o.docs)

	var rows []row

	progress("elecsec: loading and indexing %d articles", o.docs)
	base := heapInUse()
	stopProfile, err := startProfile(o.cpuProfile, "")
	if err != nil {
		return err
	}
	start := time.Now()
	c, err := corpus.Load(fsys)
	if err != nil {
		return err
	}
	loaded := time.Since(start)
	stopProfile() // the heap is measured outside the profile
	corpusHeap := heapInUse() - base
	if stopProfile, err = startProfile(o.cpuProfile, ".index"); err != nil {
		return err
	}
	indexStart := time.Now()
	idx := corpus.NewIndex(c)
	built := loaded + time.Since(indexStart)
	stopProfile()
	ec := row{name: "elecsec", build: built, heap: heapInUse() - base}
	if err := writeHeapProfile(o.memProfile); err != nil {
		return err
	}
	runtime.KeepAlive(fsys) // else the articles count as freed by Load
	corpusBytes := 0
	for _, d := range c.Documents {
		corpusBytes += d.Size
	}
	progress("elecsec: load %v (heap %s), load+index %v (heap %s); %d documents, %d actors, %d quotes",
		loaded.Round(time.Millisecond), mb(corpusHeap), built.Round(time.Millisecond), mb(ec.heap),
		len(c.Documents), len(c.Actors), len(c.Quotes))
	lim := limits{budget: o.budget, timeout: o.timeout, now: time.Now}

	// elecsec answers last: a query that times out keeps running, and would slow the
	// engines measured after it.
	units, quotes := textOf(c)
	if !o.skipBleve {
		progress("bleve: indexing %d paragraphs and quotations", len(units))
		base := heapInUse()
		start := time.Now()
		be, err := newBleve(units, o.batch)
		if err != nil {
			return err
		}
		br := row{name: "bleve (scorch, BM25)", build: time.Since(start), heap: heapInUse() - base}
		runtime.KeepAlive(units) // else the text bleve was given counts as freed by it
		if err := ctx.Err(); err != nil {
			return err
		}
		br.lat, err = measure(ctx, be, queries, lim)
		if err != nil {
			return err
		}
		rows = append(rows, br)
		if err := be.close(); err != nil {
			return err
		}
	}
	if !o.skipFuzzy {
		progress("fuzzy: scanning %d quotations per query", len(quotes))
		fr := row{name: "sahilm/fuzzy scan", build: 0, heap: 0}
		fr.lat, err = measure(ctx, &fuzzyEngine{quotes: quotes}, queries, lim)
		if err != nil {
			return err
		}
		rows = append(rows, fr)
	}
	progress("elecsec: answering %d queries", len(queries))
	if stopProfile, err = startProfile(o.cpuProfile, ".query"); err != nil {
		return err
	}
	ec.lat, err = measure(ctx, elecsecEngine{idx}, queries, lim)
	stopProfile()
	if err != nil {
		return err
	}
	for _, k := range slowest(ec.lat.all, o.slow) {
		progress("elecsec: slow query %v %s %q", ec.lat.all[k].Round(time.Microsecond), queries[k].Kind, queries[k].Text)
	}
	rows = append([]row{ec}, rows...)
	runtime.KeepAlive(c)

	report(stdout, summary{
		docs: o.docs, bytes: corpusBytes, seed: o.seed, units: len(units), quotes: len(quotes),
		queries: queries, procs: runtime.GOMAXPROCS(0), timeout: o.timeout,
	}, rows)
	return nil
}

// slowest returns the positions of the n longest latencies, longest first.
func slowest(ds []time.Duration, n int) []int {
	idx := make([]int, len(ds))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ds[idx[a]] > ds[idx[b]] })
	return idx[:min(n, len(idx))]
}

// startProfile starts a CPU profile written to base with suffix appended, and returns
// what stops it; with no base it does nothing.
func startProfile(base, suffix string) (stop func(), err error) {
	if base == "" {
		return func() {}, nil
	}
	f, err := os.Create(base + suffix)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeapProfile writes a profile of the live heap to the named file, if one is named.
func writeHeapProfile(name string) error {
	if name == "" {
		return nil
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// generate returns the corpus in memory, so that elecsec's load time is not generation
// time. Articles are generated on every processor.
func generate(seed int64, n int) fstest.MapFS {
	files := make([]*fstest.MapFile, n)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				files[i] = &fstest.MapFile{Data: synth.Article(seed, i), Mode: 0o444}
			}
		})
	}
	wg.Wait()
	fsys := make(fstest.MapFS, n)
	for i, f := range files {
		fsys[synth.FileName(i)] = f
	}
	return fsys
}

// textOf returns what the comparison engines index, taken from elecsec's extraction so
// that every engine searches the same text: each paragraph of each document, and each
// quotation with its speakers' names in front ("Name, Name: text"); and the quotations
// alone, in that form, for the linear scan.
func textOf(c *corpus.Corpus) (units []unit, quotes []string) {
	for _, d := range c.Documents {
		for n, p := range d.Paragraphs() {
			units = append(units, unit{id: unitID(d.ID, n+1), text: p})
		}
	}
	for _, q := range c.Quotes {
		t := q.Text()
		if len(q.Speakers) > 0 {
			names := ""
			for k, id := range q.Speakers {
				if k > 0 {
					names += ", "
				}
				if a := c.Actor(id); a != nil {
					names += a.Name
				} else {
					names += id
				}
			}
			t = names + ": " + t
		}
		units = append(units, unit{id: q.ID(), text: t})
		quotes = append(quotes, t)
	}
	return units, quotes
}

// elecsecEngine is elecsec's own index.
type elecsecEngine struct{ idx *corpus.Index }

func (e elecsecEngine) search(q string) (int, error) {
	return min(len(e.idx.Search(q).Results), topK), nil
}
