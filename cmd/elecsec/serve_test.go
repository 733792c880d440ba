package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/elecsec/elecsec/bot"
	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/store"
)

func TestShellOpensNoStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "elecsec.db")
	var out, errOut bytes.Buffer
	cfg := config.Config{DatabaseURL: "sqlite:" + db, APIURL: "https://slack.com/api/", LogLevel: "info"}
	err := runWith(t.Context(), cfg, nil, strings.NewReader("/elecsec who urged sanctions\n"), &out, &errOut)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Schumer") {
		t.Errorf("shell answered\n%s\nwant the senators who urged sanctions", &out)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("the shell created %s (stat: %v); it needs no store", db, err)
	}
	if !strings.Contains(errOut.String(), `level=INFO msg="corpus loaded"`) {
		t.Errorf("shell logs = %q; want text logs", &errOut)
	}
}

// server is serveSlack running in this process on a loopback port.
type server struct {
	base string
	done chan error
	stop context.CancelFunc
	logs *syncBuffer
}

// startServe runs serveSlack in HTTP mode against f until the test ends.
func startServe(t *testing.T, f *fakeSlack, cfg config.Config) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg.BotToken, cfg.SigningSecret, cfg.APIURL = testBotToken, testSecret, f.apiURL()
	cfg.Addr = ln.Addr().String()
	if cfg.DatabaseURL == "" {
		cfg.DatabaseURL = "sqlite:" + filepath.Join(t.TempDir(), "elecsec.db")
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{base: "http://" + cfg.Addr, done: make(chan error, 1), stop: cancel, logs: &syncBuffer{}}
	log := slog.New(slog.NewJSONHandler(s.logs, nil))
	go func() { s.done <- serveSlack(ctx, cfg, log, &bot.Options{Listener: ln}) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(15 * time.Second):
			t.Error("serveSlack did not return within 15s of cancel")
		}
	})
	waitHTTP(t, s.base+"/healthz", http.StatusOK)
	return s
}

// syncBuffer is a buffer the server writes and the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// metricValue returns the value of the sample named by series (name{labels} as the text
// format writes it), or -1 when there is none.
func metricValue(metrics, series string) float64 {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(series) + ` (\S+)$`)
	m := re.FindStringSubmatch(metrics)
	if m == nil {
		return -1
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

func TestServeMetricsAndReadiness(t *testing.T) {
	f := newFakeSlack(t)
	db := filepath.Join(t.TempDir(), "elecsec.db")
	// A channel, subscribed days ago, whose digest is due now: the first sweep posts it.
	st, err := store.Open(t.Context(), "sqlite:"+db, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.PutSubscription(t.Context(), store.Subscription{ChannelID: "CDIGEST", TeamID: "T1", At: "00:00", Zone: "UTC", CreatedAt: time.Now().Add(-72 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	s := startServe(t, f, config.Config{DatabaseURL: "sqlite:" + db, RateLimit: 20})
	if code, body := get(t, s.base+"/readyz"); code != http.StatusOK {
		t.Fatalf("/readyz = %d %q; want 200", code, body)
	}
	for _, q := range []string{"who urged sanctions", "zyzzyva quokka"} {
		resp, err := http.DefaultClient.Do(slashCommand(t, s.base, q, f.responseURL()))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	f.waitFor(t, "respond", 2)
	f.waitFor(t, "chat.postMessage", 1)

	want := map[string]float64{
		`elecsec_requests_total{outcome="ok",surface="slash"}`:                  2,
		`elecsec_answer_duration_seconds_count{surface="slash"}`:                2,
		`elecsec_empty_answers_total{surface="slash"}`:                          1,
		`elecsec_slack_api_calls_total{method="response_url",status="200"}`:     2,
		`elecsec_slack_api_calls_total{method="auth.test",status="200"}`:        1,
		`elecsec_slack_api_calls_total{method="chat.postMessage",status="200"}`: 1,
		`elecsec_digest_posts_total{outcome="posted"}`:                          1,
		`elecsec_digest_posts_total{outcome="failed"}`:                          0,
		`elecsec_digest_sweeps_total{result="ok"}`:                              1,
		`elecsec_corpus_size{kind="documents"}`:                                 5,
	}
	// A request is counted once its delivery returns, just after the fake has seen it, and the
	// sweep once it has recorded its post: poll briefly until every series has caught up.
	var metrics string
	deadline := time.Now().Add(5 * time.Second)
	for {
		var code int
		code, metrics = get(t, s.base+"/metrics")
		if code != http.StatusOK {
			t.Fatalf("/metrics = %d", code)
		}
		settled := true
		for series, v := range want {
			settled = settled && metricValue(metrics, series) == v
		}
		if settled || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	for series, v := range want {
		if got := metricValue(metrics, series); got != v {
			t.Errorf("%s = %v; want %v", series, got, v)
		}
	}
	if got := metricValue(metrics, "elecsec_corpus_last_reload_timestamp_seconds"); got < float64(time.Now().Add(-time.Hour).Unix()) {
		t.Errorf("elecsec_corpus_last_reload_timestamp_seconds = %v; want about now", got)
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes"} {
		if !strings.Contains(metrics, "\n"+name+" ") {
			t.Errorf("/metrics lacks %s", name)
		}
	}

	if logs := s.logs.String(); strings.Contains(logs, "urged sanctions") || strings.Contains(logs, "zyzzyva") || strings.Contains(logs, testBotToken) {
		t.Errorf("logs contain a query or the token:\n%s", logs)
	}

	// The healthcheck subcommand probes the same server.
	var out bytes.Buffer
	for _, args := range [][]string{{"healthcheck"}, {"healthcheck", "--ready"}} {
		if err := runWith(t.Context(), config.Config{Addr: strings.TrimPrefix(s.base, "http://")}, args, nil, &out, io.Discard); err != nil {
			t.Errorf("elecsec %s = %v; want nil", strings.Join(args, " "), err)
		}
	}
}

func TestServeNotReadyWithoutDocuments(t *testing.T) {
	f := newFakeSlack(t)
	s := startServe(t, f, config.Config{CorpusDir: t.TempDir()})
	code, body := get(t, s.base+"/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "no documents") {
		t.Errorf("/readyz with an empty corpus directory = %d %q; want 503 naming the corpus", code, body)
	}
	addr := strings.TrimPrefix(s.base, "http://")
	if err := runWith(t.Context(), config.Config{Addr: addr}, []string{"healthcheck", "--ready"}, nil, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("healthcheck --ready = %v; want an error naming 503", err)
	}
	if err := runWith(t.Context(), config.Config{Addr: addr}, []string{"healthcheck"}, nil, io.Discard, io.Discard); err != nil {
		t.Errorf("healthcheck = %v; want nil: the process is alive", err)
	}
}

func TestProbeURL(t *testing.T) {
	tests := []struct{ addr, want string }{
		{":3000", "http://127.0.0.1:3000/healthz"},
		{"0.0.0.0:8080", "http://127.0.0.1:8080/healthz"},
		{"[::]:3000", "http://127.0.0.1:3000/healthz"},
		{"10.1.2.3:3000", "http://10.1.2.3:3000/healthz"},
		{"[::1]:3000", "http://[::1]:3000/healthz"},
	}
	for _, tt := range tests {
		got, err := probeURL(tt.addr, "/healthz")
		if err != nil || got != tt.want {
			t.Errorf("probeURL(%q) = %q, %v; want %q", tt.addr, got, err, tt.want)
		}
	}
	if _, err := probeURL("3000", "/healthz"); err == nil {
		t.Error(`probeURL("3000") = nil error; want one: no host:port`)
	}
}

func TestDrainingStoreRefusesClaimsAtShutdown(t *testing.T) {
	st, err := store.Open(t.Context(), "sqlite:"+filepath.Join(t.TempDir(), "elecsec.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stopping, stop := context.WithCancel(t.Context())
	ds := drainingStore{st, stopping}
	policy := store.ClaimPolicy{Lease: time.Minute, MaxAttempts: 3}
	if _, err := ds.Claim(t.Context(), store.DigestKey{ChannelID: "C1", Date: "2026-03-02"}, policy); err != nil {
		t.Fatalf("Claim before shutdown = %v; want nil", err)
	}
	stop()
	if _, err := ds.Claim(t.Context(), store.DigestKey{ChannelID: "C2", Date: "2026-03-02"}, policy); !errors.Is(err, errStopping) {
		t.Errorf("Claim after shutdown began = %v; want errStopping", err)
	}
	if _, err := st.Digest(t.Context(), store.DigestKey{ChannelID: "C2", Date: "2026-03-02"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a refused claim left a ledger row (Digest = %v)", err)
	}
}

func TestAfterGrace(t *testing.T) {
	parent, cancelParent := context.WithCancel(t.Context())
	ctx, cancel := afterGrace(parent, 50*time.Millisecond)
	defer cancel()
	cancelParent()
	if ctx.Err() != nil {
		t.Fatal("ended with its parent; want it to last the grace period")
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("did not end within 5s of its parent's end plus 50ms grace")
	}
}
