package main

import (
	"bufio"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testBotToken = "xoxb-test-bot-token"
	testSecret   = "8f742231b10e8888abcd99yyyzzz85a5"
)

// fakeSlack is a loopback fake of the Slack Web API (under /api/) and of response_url
// (under /respond/). Each request's path and body are recorded; respond, when set,
// answers response_url posts instead of the default 200.
type fakeSlack struct {
	*httptest.Server
	respond func(w http.ResponseWriter, r *http.Request, body []byte)

	mu    sync.Mutex
	calls []fakeCall
	note  chan string
}

// fakeCall is one request fakeSlack received: the Web API method or "respond".
type fakeCall struct {
	Method string
	Body   []byte
}

func newFakeSlack(tb testing.TB) *fakeSlack {
	tb.Helper()
	f := &fakeSlack{note: make(chan string, 1000)}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	tb.Cleanup(f.Close)
	return f
}

func (f *fakeSlack) apiURL() string      { return f.URL + "/api/" }
func (f *fakeSlack) responseURL() string { return f.URL + "/respond/T1/1/abc" }

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	method, isAPI := strings.CutPrefix(r.URL.Path, "/api/")
	if !isAPI {
		method = "respond"
		if f.respond != nil {
			f.respond(w, r, body)
			return
		}
	}
	f.record(method, body)
	w.Header().Set("Content-Type", "application/json")
	switch method {
	case "respond":
		io.WriteString(w, "ok")
	case "auth.test":
		io.WriteString(w, `{"ok":true,"user_id":"UBOT","bot_id":"BBOT","team_id":"T1","user":"elecsec"}`)
	case "chat.postMessage":
		form, _ := url.ParseQuery(string(body))
		json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": form.Get("channel"), "ts": "1700000099.000100"})
	case "users.info":
		io.WriteString(w, `{"ok":true,"user":{"id":"U1","tz":"UTC"}}`)
	default:
		io.WriteString(w, `{"ok":false,"error":"unknown_method"}`)
	}
}

func (f *fakeSlack) record(method string, body []byte) {
	f.mu.Lock()
	f.calls = append(f.calls, fakeCall{method, body})
	f.mu.Unlock()
	select {
	case f.note <- method:
	default:
	}
}

// waitFor waits up to 10 s for n calls of method and returns them.
func (f *fakeSlack) waitFor(tb testing.TB, method string, n int) []fakeCall {
	tb.Helper()
	deadline := time.After(10 * time.Second)
	for {
		f.mu.Lock()
		var got []fakeCall
		for _, c := range f.calls {
			if c.Method == method {
				got = append(got, c)
			}
		}
		f.mu.Unlock()
		if len(got) >= n {
			return got
		}
		select {
		case <-f.note:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			tb.Fatalf("waited 10s for %d %s call(s); got %d", n, method, len(got))
		}
	}
}

// slashCommand is a signed /elecsec request for text, answered through responseURL.
func slashCommand(tb testing.TB, base, text, responseURL string) *http.Request {
	tb.Helper()
	body := url.Values{
		"team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {"U1"}, "user_name": {"ada"},
		"command": {"/elecsec"}, "text": {text}, "response_url": {responseURL},
		"trigger_id": {"1.2.3"},
	}.Encode()
	req, err := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(testSecret))
	io.WriteString(mac, "v0:"+stamp+":"+body)
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return req
}

// waitHTTP polls url until it answers want, for up to 10 s.
func waitHTTP(tb testing.TB, url string, want int) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == want {
				return
			}
		}
		if time.Now().After(deadline) {
			tb.Fatalf("GET %s: no %d within 10s (last: %v)", url, want, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// logLines collects the JSON log lines a process writes, and tells when one arrives.
type logLines struct {
	mu    sync.Mutex
	all   strings.Builder
	lines []map[string]any
	note  chan struct{}
}

func newLogLines() *logLines { return &logLines{note: make(chan struct{}, 1)} }

// read reads r to its end, line by line.
func (l *logLines) read(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var m map[string]any
		_ = json.Unmarshal(sc.Bytes(), &m)
		l.mu.Lock()
		l.all.Write(sc.Bytes())
		l.all.WriteByte('\n')
		l.lines = append(l.lines, m)
		l.mu.Unlock()
		select {
		case l.note <- struct{}{}:
		default:
		}
	}
}

func (l *logLines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.all.String()
}

// waitMsg waits up to 10 s for a log line with msg and returns it.
func (l *logLines) waitMsg(tb testing.TB, msg string) map[string]any {
	tb.Helper()
	deadline := time.After(10 * time.Second)
	for {
		l.mu.Lock()
		for _, m := range l.lines {
			if m["msg"] == msg {
				l.mu.Unlock()
				return m
			}
		}
		l.mu.Unlock()
		select {
		case <-l.note:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			tb.Fatalf("no %q log line within 10s; logs:\n%s", msg, l.String())
		}
	}
}
