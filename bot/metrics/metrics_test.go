package metrics_test

import (
	"context"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/elecsec/elecsec/bot"
	"github.com/elecsec/elecsec/bot/metrics"
	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
)

// scrape returns what m serves on /metrics.
func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("/metrics = %d", rec.Code)
	}
	body, _ := io.ReadAll(rec.Body)
	return string(body)
}

func TestMetrics(t *testing.T) {
	m := metrics.New()
	m.Request(handlers.SlashCommand, "ok", 3*time.Millisecond)
	m.Request(handlers.SlashCommand, "ok", 30*time.Millisecond)
	m.Request(handlers.Mention, "limited", 0)
	m.APICall("chat.postMessage", "200")
	m.APICall("chat.postMessage", "429")
	m.APICall("response_url", "error")
	m.Sweep(bot.SweepSummary{Subscriptions: 4, Posted: 2, Skipped: 1, Retrying: 1}, nil)
	m.Sweep(bot.SweepSummary{Failed: 1}, errors.New("store down"))
	m.CorpusLoaded(&corpus.Corpus{Documents: make([]*corpus.Document, 7), Quotes: make([]*corpus.Quote, 3)}, time.Unix(1700000000, 500_000_000))

	h := m.Handler(bot.HandlerFunc(func(_ context.Context, req handlers.Request) handlers.Reply {
		return handlers.Reply{NoResults: req.Text == "nothing"}
	}))
	h.Handle(t.Context(), handlers.Request{Surface: handlers.Mention, Text: "nothing"})
	h.Handle(t.Context(), handlers.Request{Surface: handlers.Mention, Text: "who urged sanctions"})

	got := scrape(t, m)
	for _, want := range []string{
		`elecsec_requests_total{outcome="ok",surface="slash"} 2`,
		`elecsec_requests_total{outcome="limited",surface="mention"} 1`,
		`elecsec_answer_duration_seconds_count{surface="slash"} 2`,
		`elecsec_answer_duration_seconds_bucket{surface="slash",le="0.005"} 1`,
		`elecsec_empty_answers_total{surface="mention"} 1`,
		`elecsec_empty_answers_total{surface="slash"} 0`,
		`elecsec_slack_api_calls_total{method="chat.postMessage",status="429"} 1`,
		`elecsec_slack_api_calls_total{method="response_url",status="error"} 1`,
		`elecsec_digest_posts_total{outcome="posted"} 2`,
		`elecsec_digest_posts_total{outcome="skipped"} 1`,
		`elecsec_digest_posts_total{outcome="retrying"} 1`,
		`elecsec_digest_posts_total{outcome="failed"} 1`,
		`elecsec_digest_sweeps_total{result="ok"} 1`,
		`elecsec_digest_sweeps_total{result="error"} 1`,
		`elecsec_corpus_size{kind="documents"} 7`,
		`elecsec_corpus_size{kind="quotes"} 3`,
		`elecsec_corpus_last_reload_timestamp_seconds 1.7000000005e+09`,
		"# TYPE go_goroutines gauge",
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// Each Metrics has a registry of its own, so two never share counts.
func TestMetricsAreIndependent(t *testing.T) {
	a, b := metrics.New(), metrics.New()
	a.APICall("auth.test", "200")
	if got := scrape(t, b); strings.Contains(got, `method="auth.test"`) {
		t.Errorf("a count made on one Metrics shows on another")
	}
}
