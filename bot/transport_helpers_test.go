package bot

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/handlers"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

const (
	testBotToken = "xoxb-test-bot-token"
	testAppToken = "xapp-test-app-token"
	testSecret   = "8f742231b10e8888abcd99yyyzzz85a5"
)

// apiCall is one request the fake Slack received.
type apiCall struct {
	Method string     // Web API method, or "respond" for a response_url post
	Form   url.Values // form fields of a Web API call
	Body   []byte     // raw body
}

// fakeSlack is an httptest fake of the Slack Web API and of response_url. Answers can be
// overridden per method with on.
type fakeSlack struct {
	*httptest.Server
	mu    sync.Mutex
	calls []apiCall
	on    map[string]http.HandlerFunc
	// notify receives every call's method as it arrives.
	notify chan string
}

func newFakeSlack(tb testing.TB) *fakeSlack {
	tb.Helper()
	f := &fakeSlack{on: make(map[string]http.HandlerFunc), notify: make(chan string, 100)}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	tb.Cleanup(f.Close)
	return f
}

func (f *fakeSlack) apiURL() string      { return f.URL + "/api/" }
func (f *fakeSlack) responseURL() string { return f.URL + "/respond/T1/123/abc" }

func (f *fakeSlack) handle(method string, h http.HandlerFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.on[method] = h
}

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	method := "respond"
	if m, ok := strings.CutPrefix(r.URL.Path, "/api/"); ok {
		method = m
	} else if !strings.HasPrefix(r.URL.Path, "/respond/") {
		method = strings.TrimPrefix(r.URL.Path, "/")
	}
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	form, _ := url.ParseQuery(string(body))
	f.mu.Lock()
	h := f.on[method]
	f.mu.Unlock()
	if h != nil {
		h(w, r)
		// A handler decides whether its call counts: it records via f.record.
	} else {
		f.record(apiCall{Method: method, Form: form, Body: body})
		f.defaultAnswer(w, method, form)
	}
}

func (f *fakeSlack) record(c apiCall) {
	f.mu.Lock()
	f.calls = append(f.calls, c)
	f.mu.Unlock()
	select {
	case f.notify <- c.Method:
	default:
	}
}

func (f *fakeSlack) defaultAnswer(w http.ResponseWriter, method string, form url.Values) {
	w.Header().Set("Content-Type", "application/json")
	switch method {
	case "respond":
		io.WriteString(w, "ok")
	case "auth.test":
		io.WriteString(w, `{"ok":true,"user_id":"UBOT","bot_id":"BBOT","team_id":"T1","user":"elecsec"}`)
	case "chat.postMessage":
		json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": form.Get("channel"), "ts": "1700000099.000100"})
	case "chat.postEphemeral":
		io.WriteString(w, `{"ok":true,"message_ts":"1700000099.000200"}`)
	case "users.info":
		io.WriteString(w, `{"ok":true,"user":{"id":"`+form.Get("user")+`","tz":"America/Denver"}}`)
	case "conversations.replies":
		ts := form.Get("ts")
		io.WriteString(w, `{"ok":true,"has_more":false,"messages":[{"type":"message","user":"U2","ts":"`+ts+
			`","text":"Schumer urged sanctions &amp; more &lt;tough&gt; ones"}]}`)
	default:
		io.WriteString(w, `{"ok":false,"error":"unknown_method"}`)
	}
}

// callsTo returns the recorded calls of one method.
func (f *fakeSlack) callsTo(method string) []apiCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []apiCall
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// waitFor waits until n calls of method have arrived.
func (f *fakeSlack) waitFor(tb testing.TB, method string, n int) []apiCall {
	tb.Helper()
	deadline := time.After(5 * time.Second)
	for {
		if calls := f.callsTo(method); len(calls) >= n {
			return calls
		}
		select {
		case <-f.notify:
		case <-time.After(10 * time.Millisecond):
		case <-deadline:
			tb.Fatalf("waited 5s for %d %s call(s); got %d", n, method, len(f.callsTo(method)))
		}
	}
}

// recordingHandler is a fake Handler that records its requests and answers with reply.
type recordingHandler struct {
	mu    sync.Mutex
	reqs  []handlers.Request
	reply func(handlers.Request) handlers.Reply
	gate  chan struct{} // when set, Handle waits for it to close
}

func (h *recordingHandler) Handle(ctx context.Context, req handlers.Request) handlers.Reply {
	if h.gate != nil {
		<-h.gate
	}
	h.mu.Lock()
	h.reqs = append(h.reqs, req)
	h.mu.Unlock()
	if h.reply != nil {
		return h.reply(req)
	}
	return answerFor(req)
}

func (h *recordingHandler) requests() []handlers.Request {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]handlers.Request(nil), h.reqs...)
}

// answerFor is the fake handlers' reply: a section restating the request, in channel for
// mentions, as real handlers answer.
func answerFor(req handlers.Request) handlers.Reply {
	text := "You asked: " + mrkdwnEscape(req.Text)
	return handlers.Reply{Messages: []handlers.Message{{
		Text:      text,
		InChannel: req.Surface == handlers.Mention,
		Blocks: []slack.Block{
			slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, false), nil, nil),
			slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, "Sen. Chuck Schumer · <https://example.com/a|Example News, 2018-07-16>", false, false)),
		},
	}}}
}

// running is a bot server started by startServer.
type running struct {
	base   string // http://127.0.0.1:port
	cancel context.CancelFunc
	done   chan struct{} // closed when Run has returned err
	err    error
	logs   *syncBuffer
}

// stop shuts the server down, which waits for answers in flight, and returns Run's error.
func (r *running) stop(tb testing.TB) error {
	tb.Helper()
	r.cancel()
	select {
	case <-r.done:
		return r.err
	case <-time.After(15 * time.Second):
		tb.Fatal("Run did not return within 15s of cancel")
		return nil
	}
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServer runs Run with cfg on a loopback port and waits until /healthz answers.
func startServer(tb testing.TB, cfg config.Config, h Handler, opts Options) *running {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	logs := &syncBuffer{}
	opts.Listener = ln
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{base: "http://" + ln.Addr().String(), cancel: cancel, done: make(chan struct{}), logs: logs}
	go func() { r.err = Run(ctx, cfg, h, opts); close(r.done) }()
	tb.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(15 * time.Second):
		}
	})
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get(r.base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return r
			}
		}
		select {
		case <-r.done:
			tb.Fatalf("Run returned before serving: %v", r.err)
		default:
		}
		if time.Now().After(deadline) {
			tb.Fatalf("server not healthy after 5s: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// httpConfig is an HTTP-mode configuration pointing at the fake Slack.
func httpConfig(f *fakeSlack) config.Config {
	return config.Config{
		BotToken:      testBotToken,
		SigningSecret: testSecret,
		APIURL:        f.apiURL(),
		Addr:          "127.0.0.1:0",
		DatabaseURL:   "sqlite:unused.db",
		RateLimit:     20,
	}
}

// sign sets Slack's v0 signature headers on req for body, made at ts with secret.
func sign(req *http.Request, secret, body string, ts time.Time) {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	io.WriteString(mac, "v0:"+stamp+":"+body)
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
}

// post sends body to path, signed now with the test secret unless sign is false.
func post(tb testing.TB, base, path, contentType, body string, header http.Header) *http.Response {
	tb.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	sign(req, testSecret, body, time.Now())
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	return resp
}

const formType = "application/x-www-form-urlencoded"

func slashForm(text, responseURL string) string {
	return url.Values{
		"token":        {"legacy-verification-token"},
		"team_id":      {"T1"},
		"channel_id":   {"C1"},
		"channel_name": {"election-security"},
		"user_id":      {"U1"},
		"user_name":    {"ada"},
		"command":      {"/elecsec"},
		"text":         {text},
		"response_url": {responseURL},
		"trigger_id":   {"13345224609.738474920.8088930838d88f008e0"},
	}.Encode()
}

// mentionEvent is an Events API callback for an app_mention.
func mentionEvent(eventID, text, ts, threadTS string) string {
	ev := map[string]any{"type": "app_mention", "user": "U1", "text": text, "ts": ts, "channel": "C1", "event_ts": ts}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	b, _ := json.Marshal(map[string]any{
		"type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": eventID,
		"event_time": 1700000000, "event": ev,
	})
	return string(b)
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs; run go test -update and review the diff\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

var mrkdwnEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace

func listenLoopback(tb testing.TB) net.Listener {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	return ln
}
