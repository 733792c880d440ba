// Package metrics is elecsec's Prometheus instrumentation: it observes the transports of
// package bot (requests, answer latency, Slack API calls), the replies of the handlers
// (answers that found nothing), the digest sweeps and the corpus in use, and serves them
// all, with Go runtime and process metrics, in the Prometheus text format on /metrics.
//
// A Metrics owns its registry, so tests and several servers in one process never share
// counters.
package metrics

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/elecsec/elecsec/bot"
	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
)

// Metrics collects elecsec's metrics. Pass it as bot.Options.Observer and to bot.NewSlack,
// wrap the handler with Handler, report sweeps with Sweep and corpus loads with
// CorpusLoaded, and serve it on "GET /metrics". It is safe for concurrent use.
type Metrics struct {
	reg     *prometheus.Registry
	handler http.Handler

	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	noResults  *prometheus.CounterVec
	apiCalls   *prometheus.CounterVec
	digests    *prometheus.CounterVec
	sweeps     *prometheus.CounterVec
	corpusSize *prometheus.GaugeVec
	reloadedAt prometheus.Gauge
}

var (
	_ bot.Observer = (*Metrics)(nil)
	_ http.Handler = (*Metrics)(nil)
)

// answerBuckets span a cheap lookup (a millisecond) to a slow one (seconds), in seconds.
var answerBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

// New returns a Metrics with every elecsec metric registered, plus the Go runtime and
// process collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "elecsec_requests_total",
			Help: "Requests answered, by surface (slash, mention, interaction) and outcome (ok, limited, failed, undelivered).",
		}, []string{"surface", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "elecsec_answer_duration_seconds",
			Help:    "Time the handlers took to answer a request, by surface; delivery to Slack not included.",
			Buckets: answerBuckets,
		}, []string{"surface"}),
		noResults: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "elecsec_empty_answers_total",
			Help: "Searches that found nothing in the corpus, by surface.",
		}, []string{"surface"}),
		apiCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "elecsec_slack_api_calls_total",
			Help: "HTTP attempts to Slack, by Web API method (or response_url) and HTTP status (or error when there was no response).",
		}, []string{"method", "status"}),
		digests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "elecsec_digest_posts_total",
			Help: "Daily digests handled by sweeps, by outcome (posted, skipped, retrying, failed).",
		}, []string{"outcome"}),
		sweeps: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "elecsec_digest_sweeps_total",
			Help: "Digest sweeps, by result (ok, or error when the store kept digests from being tried).",
		}, []string{"result"}),
		corpusSize: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "elecsec_corpus_size",
			Help: "What the corpus in use holds, by kind (documents, actors, quotes, attributions).",
		}, []string{"kind"}),
		reloadedAt: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "elecsec_corpus_last_reload_timestamp_seconds",
			Help: "Unix time at which the corpus in use was loaded.",
		}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.noResults, m.apiCalls, m.digests, m.sweeps,
		m.corpusSize, m.reloadedAt,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Outcomes that have not happened yet still show, as 0, so alerts on rate() work
	// from the first scrape.
	for _, o := range []string{"posted", "skipped", "retrying", "failed"} {
		m.digests.WithLabelValues(o)
	}
	for _, s := range []handlers.Surface{handlers.SlashCommand, handlers.Mention} {
		m.noResults.WithLabelValues(string(s))
		m.requests.WithLabelValues(string(s), "ok")
	}
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
	return m
}

// ServeHTTP serves the metrics in the Prometheus exposition format.
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) { m.handler.ServeHTTP(w, r) }

// Request counts one request by surface and outcome and observes the handler's latency.
func (m *Metrics) Request(surface handlers.Surface, outcome string, latency time.Duration) {
	m.requests.WithLabelValues(string(surface), outcome).Inc()
	m.latency.WithLabelValues(string(surface)).Observe(latency.Seconds())
}

// APICall counts one HTTP attempt to Slack.
func (m *Metrics) APICall(method, status string) {
	m.apiCalls.WithLabelValues(method, status).Inc()
}

// Sweep counts what one digest sweep did; err is the error the sweep returned.
func (m *Metrics) Sweep(sum bot.SweepSummary, err error) {
	m.digests.WithLabelValues("posted").Add(float64(sum.Posted))
	m.digests.WithLabelValues("skipped").Add(float64(sum.Skipped))
	m.digests.WithLabelValues("retrying").Add(float64(sum.Retrying))
	m.digests.WithLabelValues("failed").Add(float64(sum.Failed))
	result := "ok"
	if err != nil {
		result = "error"
	}
	m.sweeps.WithLabelValues(result).Inc()
}

// CorpusLoaded records the size of the corpus now in use and when it was loaded.
func (m *Metrics) CorpusLoaded(c *corpus.Corpus, at time.Time) {
	if c == nil {
		return
	}
	m.corpusSize.WithLabelValues("documents").Set(float64(len(c.Documents)))
	m.corpusSize.WithLabelValues("actors").Set(float64(len(c.Actors)))
	m.corpusSize.WithLabelValues("quotes").Set(float64(len(c.Quotes)))
	m.corpusSize.WithLabelValues("attributions").Set(float64(len(c.Attributions)))
	m.reloadedAt.Set(float64(at.UnixNano()) / 1e9)
}

// Handler returns h, counting the replies that found nothing (handlers.Reply.NoResults).
// The rest of what a request does is counted by the transports through the Observer.
func (m *Metrics) Handler(h bot.Handler) bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, req handlers.Request) handlers.Reply {
		reply := h.Handle(ctx, req)
		if reply.NoResults {
			m.noResults.WithLabelValues(string(req.Surface)).Inc()
		}
		return reply
	})
}
