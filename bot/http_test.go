package bot

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/elecsec/elecsec/handlers"
	"github.com/elecsec/elecsec/store/sqlite"
)

func TestHTTPSlashCommandAcksThenAnswers(t *testing.T) {
	f := newFakeSlack(t)
	h := &recordingHandler{gate: make(chan struct{})}
	srv := startServer(t, httpConfig(f), h, Options{})

	start := time.Now()
	resp := post(t, srv.base, "/slack/commands", formType, slashForm("who urged sanctions", f.responseURL()), nil)
	ack := time.Since(start)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(body) != 0 {
		t.Fatalf("ack = %d %q; want 200 with an empty body", resp.StatusCode, body)
	}
	// The handler is still blocked on its gate: the ack did not wait for the answer.
	if ack > 100*time.Millisecond {
		t.Errorf("ack took %v; want under 100ms", ack)
	}
	close(h.gate)

	got := f.waitFor(t, "respond", 1)[0]
	var msg struct {
		Text            string          `json:"text"`
		ResponseType    string          `json:"response_type"`
		ReplaceOriginal bool            `json:"replace_original"`
		Blocks          json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(got.Body, &msg); err != nil {
		t.Fatalf("response_url body %s: %v", got.Body, err)
	}
	if msg.ResponseType != "ephemeral" || msg.ReplaceOriginal || msg.Text == "" {
		t.Errorf("response_url got type=%q replace=%v text=%q; want ephemeral, new message, fallback text", msg.ResponseType, msg.ReplaceOriginal, msg.Text)
	}
	checkBlocks(t, msg.Blocks)

	reqs := h.requests()
	want := handlers.Request{Surface: handlers.SlashCommand, Text: "who urged sanctions", UserID: "U1", UserName: "ada", ChannelID: "C1", TeamID: "T1"}
	if len(reqs) != 1 || !equalRequest(reqs[0], want) {
		t.Errorf("handler got %+v; want [%+v]", reqs, want)
	}
	if err := srv.stop(t); err != nil {
		t.Errorf("Run = %v; want nil after cancel", err)
	}
	if logs := srv.logs.String(); strings.Contains(logs, "sanctions") || strings.Contains(logs, testBotToken) || strings.Contains(logs, testSecret) {
		t.Errorf("logs contain message text or a secret:\n%s", logs)
	}
}

func equalRequest(a, b handlers.Request) bool {
	if (a.Action == nil) != (b.Action == nil) || (a.Action != nil && *a.Action != *b.Action) {
		return false
	}
	a.Action, b.Action = nil, nil
	return a == b
}

// checkBlocks fails unless raw is a Block Kit array slack-go can read, within Slack's limits.
func checkBlocks(tb testing.TB, raw json.RawMessage) {
	tb.Helper()
	var blocks slack.Blocks
	if err := json.Unmarshal(raw, &blocks); err != nil {
		tb.Fatalf("blocks %s do not parse: %v", raw, err)
	}
	if n := len(blocks.BlockSet); n == 0 || n > 50 {
		tb.Errorf("%d blocks; want 1 to 50", n)
	}
	for _, b := range blocks.BlockSet {
		if _, unknown := b.(*slack.UnknownBlock); unknown {
			tb.Errorf("unknown block type %q", b.BlockType())
		}
		if s, ok := b.(*slack.SectionBlock); ok && s.Text != nil && len(s.Text.Text) > 3000 {
			tb.Errorf("section text of %d characters; Slack allows 3000", len(s.Text.Text))
		}
	}
}

func TestHTTPRejectsBadSignatures(t *testing.T) {
	f := newFakeSlack(t)
	h := &recordingHandler{}
	srv := startServer(t, httpConfig(f), h, Options{})
	body := slashForm("who urged sanctions", f.responseURL())
	now := time.Now()
	tests := []struct {
		name string
		sign func(*http.Request)
	}{
		{"unsigned", func(*http.Request) {}},
		{"forged", func(r *http.Request) { sign(r, "not-the-secret", body, now) }},
		{"stale", func(r *http.Request) { sign(r, testSecret, body, now.Add(-6*time.Minute)) }},
		{"future", func(r *http.Request) { sign(r, testSecret, body, now.Add(6*time.Minute)) }},
		{"other body", func(r *http.Request) { sign(r, testSecret, body+"&x=1", now) }},
		{"timestamp only", func(r *http.Request) { r.Header.Set("X-Slack-Request-Timestamp", "1700000000") }},
		{"garbage signature", func(r *http.Request) {
			sign(r, testSecret, body, now)
			r.Header.Set("X-Slack-Signature", "v0=zz")
		}},
	}
	for _, path := range []string{"/slack/commands", "/slack/events", "/slack/interactions"} {
		for _, tt := range tests {
			req, _ := http.NewRequest(http.MethodPost, srv.base+path, strings.NewReader(body))
			req.Header.Set("Content-Type", formType)
			tt.sign(req)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s %s: status %d; want 401", tt.name, path, resp.StatusCode)
			}
		}
	}
	if err := srv.stop(t); err != nil { // waits for any work that was wrongly started
		t.Fatal(err)
	}
	if n := len(h.requests()); n != 0 {
		t.Errorf("handler called %d times; want 0", n)
	}
	if n := len(f.callsTo("respond")); n != 0 {
		t.Errorf("%d replies sent to response_url; want 0", n)
	}
}

func TestHTTPBodyCap(t *testing.T) {
	f := newFakeSlack(t)
	srv := startServer(t, httpConfig(f), &recordingHandler{}, Options{})
	big := "text=" + strings.Repeat("a", maxBodyBytes+1)
	resp := post(t, srv.base, "/slack/commands", formType, big, nil)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d for a body over the cap; want 413", resp.StatusCode)
	}
}

func TestHTTPURLVerificationAndSSLCheck(t *testing.T) {
	f := newFakeSlack(t)
	srv := startServer(t, httpConfig(f), &recordingHandler{}, Options{})

	resp := post(t, srv.base, "/slack/events", "application/json",
		`{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`, nil)
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if want := "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"; resp.StatusCode != 200 || string(got) != want {
		t.Errorf("url_verification = %d %q; want 200 %q", resp.StatusCode, got, want)
	}

	resp = post(t, srv.base, "/slack/commands", formType, "ssl_check=1&token=x", nil)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("ssl_check = %d; want 200", resp.StatusCode)
	}
}

func TestHTTPMentionDeliveredThreeTimes(t *testing.T) {
	tests := []struct {
		name, eventTS, threadTS, wantThread string
	}{
		{"top level", "1700000001.000100", "", "1700000001.000100"},
		{"in a thread", "1700000002.000200", "1700000000.000001", "1700000000.000001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t)
			h := &recordingHandler{}
			srv := startServer(t, httpConfig(f), h, Options{})
			body := mentionEvent("Ev0"+tt.eventTS, "<@UBOT> who urged sanctions", tt.eventTS, tt.threadTS)
			for i, retry := range []string{"", "1", "2"} {
				hdr := http.Header{}
				if retry != "" {
					hdr.Set("X-Slack-Retry-Num", retry)
					hdr.Set("X-Slack-Retry-Reason", "http_timeout")
				}
				resp := post(t, srv.base, "/slack/events", "application/json", body, hdr)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					t.Errorf("delivery %d: status %d; want 200", i+1, resp.StatusCode)
				}
			}
			if err := srv.stop(t); err != nil {
				t.Fatal(err)
			}
			posts := f.callsTo("chat.postMessage")
			if len(posts) != 1 {
				t.Fatalf("%d chat.postMessage calls; want exactly 1", len(posts))
			}
			p := posts[0].Form
			if p.Get("channel") != "C1" || p.Get("thread_ts") != tt.wantThread {
				t.Errorf("posted to channel %q thread %q; want C1 thread %q", p.Get("channel"), p.Get("thread_ts"), tt.wantThread)
			}
			if p.Get("text") == "" || p.Get("blocks") == "" {
				t.Errorf("post has text %q blocks %q; want both", p.Get("text"), p.Get("blocks"))
			}
			checkBlocks(t, json.RawMessage(p.Get("blocks")))
			reqs := h.requests()
			if len(reqs) != 1 || reqs[0].Text != "who urged sanctions" || reqs[0].ThreadTS != tt.wantThread || reqs[0].Surface != handlers.Mention {
				t.Errorf("handler got %+v; want one mention %q in thread %s", reqs, "who urged sanctions", tt.wantThread)
			}
		})
	}
}

// A first delivery may carry X-Slack-Retry-Num when the original was lost on the way: it
// must still be answered.
func TestHTTPFirstDeliveryWithRetryHeader(t *testing.T) {
	f := newFakeSlack(t)
	srv := startServer(t, httpConfig(f), &recordingHandler{}, Options{})
	hdr := http.Header{"X-Slack-Retry-Num": {"1"}, "X-Slack-Retry-Reason": {"http_error"}}
	resp := post(t, srv.base, "/slack/events", "application/json", mentionEvent("EvLost", "<@UBOT> actors", "1700000003.000300", ""), hdr)
	resp.Body.Close()
	f.waitFor(t, "chat.postMessage", 1)
}

func TestHTTPMentionIgnoresBots(t *testing.T) {
	f := newFakeSlack(t)
	h := &recordingHandler{}
	srv := startServer(t, httpConfig(f), h, Options{})
	withBotID := strings.Replace(mentionEvent("EvB1", "<@UBOT> hi", "1700000004.1", ""), `"user":"U1"`, `"user":"U9","bot_id":"B9"`, 1)
	fromSelf := strings.Replace(mentionEvent("EvB2", "<@UBOT> hi", "1700000004.2", ""), `"user":"U1"`, `"user":"UBOT"`, 1)
	botMessage := strings.Replace(mentionEvent("EvB3", "<@UBOT> hi", "1700000004.3", ""), `"user":"U1"`, `"subtype":"bot_message"`, 1)
	for _, body := range []string{withBotID, fromSelf, botMessage} {
		resp := post(t, srv.base, "/slack/events", "application/json", body, nil)
		resp.Body.Close()
	}
	if err := srv.stop(t); err != nil {
		t.Fatal(err)
	}
	if n := len(h.requests()); n != 0 {
		t.Errorf("handler called %d times for bot messages; want 0", n)
	}
	if n := len(f.callsTo("chat.postMessage")); n != 0 {
		t.Errorf("%d posts for bot messages; want 0", n)
	}
}

func TestHTTPBareMentionInThreadReadsParent(t *testing.T) {
	f := newFakeSlack(t)
	h := &recordingHandler{}
	srv := startServer(t, httpConfig(f), h, Options{})
	resp := post(t, srv.base, "/slack/events", "application/json",
		mentionEvent("EvBare", "<@UBOT>", "1700000005.000500", "1700000000.000001"), nil)
	resp.Body.Close()
	if err := srv.stop(t); err != nil {
		t.Fatal(err)
	}
	replies := f.callsTo("conversations.replies")
	if len(replies) != 1 || replies[0].Form.Get("channel") != "C1" || replies[0].Form.Get("ts") != "1700000000.000001" {
		t.Fatalf("conversations.replies calls %+v; want one for C1 1700000000.000001", replies)
	}
	reqs := h.requests()
	if want := "Schumer urged sanctions & more <tough> ones"; len(reqs) != 1 || reqs[0].Text != "" || reqs[0].ParentText != want {
		t.Fatalf("handler got %+v; want empty Text and ParentText %q", reqs, want)
	}
	if posts := f.callsTo("chat.postMessage"); len(posts) != 1 || posts[0].Form.Get("thread_ts") != "1700000000.000001" {
		t.Errorf("posts %+v; want one in thread 1700000000.000001", posts)
	}
}

func TestHTTPDigestLooksUpTimeZone(t *testing.T) {
	f := newFakeSlack(t)
	h := &recordingHandler{}
	srv := startServer(t, httpConfig(f), h, Options{})
	resp := post(t, srv.base, "/slack/commands", formType, slashForm("digest daily 08:00", f.responseURL()), nil)
	resp.Body.Close()
	f.waitFor(t, "respond", 1)
	if reqs := h.requests(); len(reqs) != 1 || reqs[0].UserTZ != "America/Denver" {
		t.Errorf("handler got %+v; want UserTZ America/Denver", reqs)
	}
	if calls := f.callsTo("users.info"); len(calls) != 1 || calls[0].Form.Get("user") != "U1" {
		t.Errorf("users.info calls %+v; want one for U1", calls)
	}
	// Other commands do not look the user up.
	resp = post(t, srv.base, "/slack/commands", formType, slashForm("actors", f.responseURL()), nil)
	resp.Body.Close()
	f.waitFor(t, "respond", 2)
	if n := len(f.callsTo("users.info")); n != 1 {
		t.Errorf("%d users.info calls after a plain query; want still 1", n)
	}
}

func TestHTTPInteraction(t *testing.T) {
	f := newFakeSlack(t)
	h := &recordingHandler{reply: func(req handlers.Request) handlers.Reply {
		return handlers.Reply{Messages: []handlers.Message{
			{Text: "Shared by @ada", InChannel: true, Blocks: answerFor(req).Messages[0].Blocks},
			{DeleteOriginal: true},
		}}
	}}
	srv := startServer(t, httpConfig(f), h, Options{})
	payload, _ := json.Marshal(map[string]any{
		"type":         "block_actions",
		"user":         map[string]any{"id": "U1", "username": "ada", "name": "ada", "team_id": "T1"},
		"team":         map[string]any{"id": "T1"},
		"channel":      map[string]any{"id": "C1", "name": "election-security"},
		"container":    map[string]any{"type": "message", "message_ts": "1700000006.1", "channel_id": "C1", "is_ephemeral": true},
		"response_url": f.responseURL(),
		"trigger_id":   "1.2.3",
		"actions":      []map[string]any{{"action_id": "share", "block_id": "b1", "type": "button", "value": `{"q":"who urged sanctions","page":0}`, "action_ts": "1700000006.2"}},
	})
	resp := post(t, srv.base, "/slack/interactions", formType, url.Values{"payload": {string(payload)}}.Encode(), nil)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d; want 200", resp.StatusCode)
	}
	got := f.waitFor(t, "respond", 2)
	want := handlers.Request{Surface: handlers.Interaction, UserID: "U1", UserName: "ada", ChannelID: "C1", TeamID: "T1",
		Action: &handlers.Action{ID: "share", Value: `{"q":"who urged sanctions","page":0}`}}
	if reqs := h.requests(); len(reqs) != 1 || !equalRequest(reqs[0], want) {
		t.Errorf("handler got %+v; want %+v", reqs, want)
	}
	var first, second map[string]any
	json.Unmarshal(got[0].Body, &first)
	json.Unmarshal(got[1].Body, &second)
	if first["response_type"] != "in_channel" || first["replace_original"] != false {
		t.Errorf("first reply %s; want in_channel, not replacing", got[0].Body)
	}
	if second["delete_original"] != true || second["text"] != nil {
		t.Errorf("second reply %s; want delete_original alone", got[1].Body)
	}
}

func TestHTTPRateLimit(t *testing.T) {
	f := newFakeSlack(t)
	h := &recordingHandler{}
	cfg := httpConfig(f)
	cfg.RateLimit = 2
	now := time.Unix(1700000000, 0)
	srv := startServer(t, cfg, h, Options{Now: func() time.Time { return now }})
	for range 3 {
		resp := post(t, srv.base, "/slack/commands", formType, slashForm("actors", f.responseURL()), nil)
		resp.Body.Close()
	}
	got := f.waitFor(t, "respond", 3)
	limited := 0
	for _, c := range got {
		if strings.Contains(string(c.Body), "the limit is 2 a minute") {
			limited++
		}
	}
	if limited != 1 || len(h.requests()) != 2 {
		t.Errorf("%d limited replies and %d handled; want 1 and 2", limited, len(h.requests()))
	}
}

func TestHTTPHandlerPanicGetsFriendlyReply(t *testing.T) {
	f := newFakeSlack(t)
	h := HandlerFunc(func(context.Context, handlers.Request) handlers.Reply { panic("boom") })
	srv := startServer(t, httpConfig(f), h, Options{})
	resp := post(t, srv.base, "/slack/commands", formType, slashForm("actors", f.responseURL()), nil)
	resp.Body.Close()
	got := f.waitFor(t, "respond", 1)
	if !strings.Contains(string(got[0].Body), "something went wrong") || strings.Contains(string(got[0].Body), "boom") {
		t.Errorf("reply %s; want the friendly line and no panic text", got[0].Body)
	}
}

func TestHTTPRetriesRateLimitedPostOnce(t *testing.T) {
	f := newFakeSlack(t)
	var attempts atomic.Int32
	f.handle("chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		if attempts.Add(1) == 1 {
			w.Header().Set("Retry-After", "3")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"ok":false,"error":"ratelimited"}`)
			return
		}
		f.record(apiCall{Method: "chat.postMessage", Form: form, Body: body})
		f.defaultAnswer(w, "chat.postMessage", form)
	})
	cfg := httpConfig(f)
	sl := NewSlack(cfg, nil, nil)
	var waited []time.Duration
	sl.http.sleep = func(ctx context.Context, d time.Duration) error { waited = append(waited, d); return nil }
	srv := startServer(t, cfg, &recordingHandler{}, Options{Slack: sl})
	resp := post(t, srv.base, "/slack/events", "application/json", mentionEvent("Ev429", "<@UBOT> actors", "1700000007.1", ""), nil)
	resp.Body.Close()
	if err := srv.stop(t); err != nil {
		t.Fatal(err)
	}
	if n := attempts.Load(); n != 2 {
		t.Errorf("%d chat.postMessage attempts; want 2 (429, then success)", n)
	}
	if n := len(f.callsTo("chat.postMessage")); n != 1 {
		t.Errorf("%d messages posted; want 1", n)
	}
	if len(waited) != 1 || waited[0] != 3*time.Second {
		t.Errorf("waited %v; want [3s] from Retry-After", waited)
	}
}

func TestHealthAndReadiness(t *testing.T) {
	f := newFakeSlack(t)
	var ready atomic.Bool
	srv := startServer(t, httpConfig(f), &recordingHandler{}, Options{
		Ready: func(context.Context) error {
			if !ready.Load() {
				return errors.New("corpus not loaded")
			}
			return nil
		},
		Routes: map[string]http.Handler{"GET /metrics": http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			io.WriteString(w, "# metrics\n")
		})},
	})
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, "corpus not loaded") {
		t.Errorf("/readyz before ready = %d %q; want 503 with the reason", code, body)
	}
	ready.Store(true)
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		if code, _ := get(path); code != 200 {
			t.Errorf("%s = %d; want 200", path, code)
		}
	}
}

func TestHTTPRefusedBotTokenIsFatal(t *testing.T) {
	f := newFakeSlack(t)
	f.handle("auth.test", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
	})
	err := Run(context.Background(), httpConfig(f), &recordingHandler{}, Options{})
	if err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") || !strings.Contains(err.Error(), "invalid_auth") {
		t.Errorf("Run = %v; want an error naming SLACK_BOT_TOKEN and invalid_auth", err)
	}
	if err != nil && strings.Contains(err.Error(), testBotToken) {
		t.Errorf("Run error %q prints the token", err)
	}
}

func TestShutdownDeliversAnswersInFlight(t *testing.T) {
	f := newFakeSlack(t)
	h := &recordingHandler{gate: make(chan struct{})}
	srv := startServer(t, httpConfig(f), h, Options{})
	resp := post(t, srv.base, "/slack/commands", formType, slashForm("who urged sanctions", f.responseURL()), nil)
	resp.Body.Close()

	stopped := make(chan error, 1)
	go func() { stopped <- srv.stop(t) }()
	// Once shutdown has begun the server takes no new work...
	deadline := time.Now().Add(5 * time.Second)
	for {
		r, err := http.Get(srv.base + "/healthz")
		if err != nil {
			break
		}
		r.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still accepting connections 5s after shutdown began")
		}
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case err := <-stopped:
		t.Fatalf("Run returned (%v) before the answer in flight was delivered", err)
	default:
	}
	// ...and still delivers the answer it took.
	close(h.gate)
	if err := <-stopped; err != nil {
		t.Fatalf("Run = %v; want nil", err)
	}
	if n := len(f.callsTo("respond")); n != 1 {
		t.Errorf("%d answers delivered; want the one in flight", n)
	}
}

type recordingObserver struct {
	mu       sync.Mutex
	requests []string
	calls    []string
}

func (o *recordingObserver) Request(s handlers.Surface, outcome string, _ time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.requests = append(o.requests, string(s)+" "+outcome)
}

func (o *recordingObserver) APICall(method, status string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.calls = append(o.calls, method+" "+status)
}

func TestObserver(t *testing.T) {
	f := newFakeSlack(t)
	f.handle("chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
	})
	obs := &recordingObserver{}
	srv := startServer(t, httpConfig(f), &recordingHandler{}, Options{Observer: obs})
	resp := post(t, srv.base, "/slack/commands", formType, slashForm("actors", f.responseURL()), nil)
	resp.Body.Close()
	resp = post(t, srv.base, "/slack/events", "application/json", mentionEvent("EvObs", "<@UBOT> actors", "1700000011.1", ""), nil)
	resp.Body.Close()
	if err := srv.stop(t); err != nil {
		t.Fatal(err)
	}
	slices.Sort(obs.requests)
	slices.Sort(obs.calls)
	if want := []string{"mention undelivered", "slash ok"}; !slices.Equal(obs.requests, want) {
		t.Errorf("observed requests %v; want %v", obs.requests, want)
	}
	if want := []string{"auth.test 200", "chat.postMessage 500", "response_url 200"}; !slices.Equal(obs.calls, want) {
		t.Errorf("observed API calls %v; want %v (a 500 on a post is not retried)", obs.calls, want)
	}
}

// TestHTTPRetryReachesAnotherReplica: two replicas share an event ledger (the digest
// store's database); Slack's retry of a mention, delivered to the other replica, is not
// answered twice.
func TestHTTPRetryReachesAnotherReplica(t *testing.T) {
	f := newFakeSlack(t)
	ledger, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "elecsec.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ledger.Close() })
	a := startServer(t, httpConfig(f), &recordingHandler{}, Options{Events: ledger})
	b := startServer(t, httpConfig(f), &recordingHandler{}, Options{Events: ledger})
	body := mentionEvent("EvR1", "<@UBOT> who urged sanctions", "1700000005.000500", "")
	resp := post(t, a.base, "/slack/events", "application/json", body, nil)
	resp.Body.Close()
	retry := http.Header{"X-Slack-Retry-Num": {"1"}, "X-Slack-Retry-Reason": {"http_timeout"}}
	resp = post(t, b.base, "/slack/events", "application/json", body, retry)
	resp.Body.Close()
	for _, r := range []*running{a, b} {
		if err := r.stop(t); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(f.callsTo("chat.postMessage")); n != 1 {
		t.Fatalf("%d chat.postMessage calls; want exactly 1", n)
	}
	if !strings.Contains(a.logs.String()+b.logs.String(), "another replica took") {
		t.Errorf("the dropped retry was not logged")
	}
}

// failingLedger is an event ledger that cannot be reached.
type failingLedger struct{}

func (failingLedger) TakeEvent(context.Context, string, time.Duration) (bool, error) {
	return false, errors.New("database is down")
}

// TestHTTPLedgerDownStillAnswers: when the shared ledger cannot be asked, a mention is
// answered all the same.
func TestHTTPLedgerDownStillAnswers(t *testing.T) {
	f := newFakeSlack(t)
	srv := startServer(t, httpConfig(f), &recordingHandler{}, Options{Events: failingLedger{}})
	resp := post(t, srv.base, "/slack/events", "application/json", mentionEvent("EvD1", "<@UBOT> actors", "1700000006.000600", ""), nil)
	resp.Body.Close()
	f.waitFor(t, "chat.postMessage", 1)
	if err := srv.stop(t); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(srv.logs.String(), "event ledger unavailable") {
		t.Errorf("the ledger's failure was not logged:\n%s", srv.logs)
	}
}
