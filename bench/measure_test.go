package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/elecsec/elecsec/corpus/synth"
)

func TestQuantile(t *testing.T) {
	ms := func(n ...int) []time.Duration {
		var out []time.Duration
		for _, k := range n {
			out = append(out, time.Duration(k)*time.Millisecond)
		}
		return out
	}
	hundred := make([]int, 100)
	for k := range hundred {
		hundred[k] = k + 1
	}
	tests := []struct {
		sorted []time.Duration
		q      float64
		want   time.Duration
	}{
		{ms(5), 0.5, 5 * time.Millisecond},
		{ms(5), 0.99, 5 * time.Millisecond},
		{ms(1, 2, 3, 4), 0.5, 2 * time.Millisecond},
		{ms(hundred...), 0.5, 50 * time.Millisecond},
		{ms(hundred...), 0.99, 99 * time.Millisecond},
		{ms(hundred...), 1, 100 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := quantile(tt.sorted, tt.q); got != tt.want {
			t.Errorf("quantile(%d values, %v) = %v; want %v", len(tt.sorted), tt.q, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		args    string
		want    options
		wantErr bool
	}{
		{"", options{docs: 10000, queries: 1000, seed: 1, budget: time.Minute, timeout: 30 * time.Second, batch: 10000, slow: 8}, false},
		{"-docs 100000 -seed 7 -queries 50 -timeout 5s", options{docs: 100000, queries: 50, seed: 7, budget: time.Minute, timeout: 5 * time.Second, batch: 10000, slow: 8}, false},
		{"-slow 0 -memprofile heap.prof", options{docs: 10000, queries: 1000, seed: 1, budget: time.Minute, timeout: 30 * time.Second, batch: 10000, memProfile: "heap.prof"}, false},
		{"-docs 0", options{}, true},
		{"-slow -1", options{}, true},
		{"extra", options{}, true},
	}
	for _, tt := range tests {
		got, err := parse(strings.Fields(tt.args), io.Discard)
		if (err != nil) != tt.wantErr {
			t.Errorf("parse(%q) error = %v; want error %v", tt.args, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && got != tt.want {
			t.Errorf("parse(%q) = %+v; want %+v", tt.args, got, tt.want)
		}
	}
}

// fakeClock is a clock that only fakeEngine moves.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

// fakeEngine takes delay of the fake clock per query and finds one result.
type fakeEngine struct {
	clock *fakeClock
	delay time.Duration
}

func (e fakeEngine) search(string) (int, error) {
	e.clock.t = e.clock.t.Add(e.delay)
	return 1, nil
}

func TestMeasureBudget(t *testing.T) {
	queries := synth.Queries(1, 100, 10)
	tests := []struct {
		delay, budget time.Duration
		want          int
	}{
		{time.Millisecond, time.Hour, 100},                 // all
		{time.Millisecond, 30 * time.Millisecond, 40},      // to the end of the round that overspent
		{10 * time.Millisecond, 45 * time.Millisecond, 10}, // mid-round, at twice the budget
		{time.Second, 0, 1},                                // at least one
	}
	for _, tt := range tests {
		clock := &fakeClock{}
		l, err := measure(t.Context(), fakeEngine{clock, tt.delay}, queries, limits{budget: tt.budget, timeout: time.Minute, now: clock.now})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(l.all); got != tt.want {
			t.Errorf("measure(%v per query, budget %v) timed %d queries; want %d", tt.delay, tt.budget, got, tt.want)
		}
		if got := l.answered; got != tt.want {
			t.Errorf("measure(%v per query, budget %v) answered %d queries; want %d", tt.delay, tt.budget, got, tt.want)
		}
	}
}

// stuckEngine answers "stuck" never and anything else at once.
type stuckEngine struct{ release chan struct{} }

func (e stuckEngine) search(q string) (int, error) {
	if q == "stuck" {
		<-e.release
	}
	return 1, nil
}

func TestMeasureTimeout(t *testing.T) {
	e := stuckEngine{make(chan struct{})}
	defer close(e.release)
	queries := make([]synth.Query, warmup+5)
	for k := range queries {
		queries[k] = synth.Query{Text: "q", Kind: synth.ActorQuery}
	}
	queries[warmup+2] = synth.Query{Text: "stuck", Kind: synth.TypoQuery}
	l, err := measure(t.Context(), e, queries, limits{budget: time.Hour, timeout: 50 * time.Millisecond, now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(l.all), warmup+2; got != want {
		t.Errorf("queries timed before the stuck one = %d; want %d", got, want)
	}
	if got, want := l.timedOut.Text, "stuck"; got != want {
		t.Errorf("timed-out query = %q; want %q", got, want)
	}
}

func TestReport(t *testing.T) {
	queries := synth.Queries(1, 40, 10)
	lat := func(d time.Duration) latencies {
		l := latencies{byKind: map[synth.QueryKind][]time.Duration{}, answered: len(queries)}
		for _, q := range queries {
			l.all = append(l.all, d)
			l.byKind[q.Kind] = append(l.byKind[q.Kind], d)
		}
		return l
	}
	rows := []row{
		{name: "elecsec", build: time.Second, heap: 50e6, lat: lat(100 * time.Microsecond)},
		{name: "bleve (scorch, BM25)", build: 4 * time.Second, heap: 100e6, lat: lat(time.Millisecond)},
		{name: "sahilm/fuzzy scan", lat: lat(20 * time.Millisecond)},
	}
	var b bytes.Buffer
	report(&b, summary{docs: 10, bytes: 45000, seed: 1, units: 200, quotes: 60, queries: queries, procs: 2}, rows)
	for _, want := range []string{
		"corpus: 10 articles, 0.0 MB (seed 1)",
		"12 actor, 8 typo, 10 who, 10 keyword",
		"100.0µs",
		"20.00ms",
		"elecsec / bleve: index time 0.25×, heap 0.50×, p50 0.10×, p99 0.10×",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}
