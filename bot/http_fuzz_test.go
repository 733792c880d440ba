package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/handlers"
)

// The HTTP endpoints a fuzz input is sent to, chosen by its first argument.
var fuzzPaths = []struct{ path, contentType string }{
	{"/slack/commands", formType},
	{"/slack/events", "application/json"},
	{"/slack/interactions", formType},
}

// fuzzTransport answers every outbound call in-process, so fuzz inputs naming any
// response_url or event never reach a network; it counts the calls.
type fuzzTransport struct{ calls atomic.Int64 }

func (f *fuzzTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	f.calls.Add(1)
	if req.Body != nil {
		io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	body := `{"ok":true,"ts":"1700000000.000100","channel":"C1","user_id":"UBOT","bot_id":"BBOT","messages":[],"user":{"id":"U1","tz":"UTC"}}`
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(strings.NewReader(body)),
		Request:    req,
	}, nil
}

// fuzzServer is the HTTP mode's routes around a fresh dispatcher whose Slack client stays
// in-process.
type fuzzServer struct {
	mux  http.Handler
	d    *dispatcher
	h    *recordingHandler
	out  *fuzzTransport
	done func() bool // drains the answers in flight; false if they did not finish
}

func newFuzzServer() *fuzzServer {
	log := slog.New(slog.DiscardHandler)
	cfg := config.Config{BotToken: testBotToken, SigningSecret: testSecret, APIURL: "http://slack.invalid/api/"}
	sl := NewSlack(cfg, log, nil)
	out := &fuzzTransport{}
	sl.http.client.Transport = out
	h := &recordingHandler{}
	d := &dispatcher{
		h:     h,
		slack: sl,
		log:   log,
		seen:  newEventDedupe(eventTTL, time.Now),
		self:  Identity{UserID: "UBOT", BotID: "BBOT", TeamID: "T1"},
		work:  newWorkGroup(context.Background()),
		limit: newUserLimiter(20, time.Now),
	}
	v := &requestVerifier{secret: testSecret, log: log}
	ready := func(context.Context) error { return nil }
	return &fuzzServer{
		mux:  routes(d, v, ready, nil),
		d:    d,
		h:    h,
		out:  out,
		done: func() bool { return d.work.drain(5 * time.Second) },
	}
}

// send posts body to the path kind picks, signed now with the test secret when signed,
// else with the given timestamp and signature headers.
func (s *fuzzServer) send(kind uint8, body []byte, signed bool, stamp, signature string) *httptest.ResponseRecorder {
	p := fuzzPaths[int(kind)%len(fuzzPaths)]
	req := httptest.NewRequest(http.MethodPost, p.path, bytes.NewReader(body))
	req.Header.Set("Content-Type", p.contentType)
	if signed {
		sign(req, testSecret, string(body), time.Now())
	} else {
		req.Header.Set("X-Slack-Request-Timestamp", stamp)
		req.Header.Set("X-Slack-Signature", signature)
	}
	rec := httptest.NewRecorder()
	s.mux.ServeHTTP(rec, req)
	return rec
}

// FuzzSignedRequest sends arbitrary bodies, correctly signed, to the slash-command, event
// and interaction endpoints. Whatever the body, the server must not panic or hang, must
// answer 200, 400 or 413 (never 401: the signature is good), must echo a url_verification
// challenge, and must ask the handler at most once per request. Seeds are in
// testdata/fuzz/FuzzSignedRequest.
func FuzzSignedRequest(f *testing.F) {
	f.Add(uint8(0), []byte(slashForm("who urged sanctions", "https://hooks.slack.com/commands/T1/1/x")))
	f.Add(uint8(1), []byte(mentionEvent("Ev1", "<@UBOT> quotes from sessions", "1700000000.000100", "")))
	f.Add(uint8(1), []byte(`{"type":"url_verification","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}`))
	f.Add(uint8(2), []byte("payload="+`{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"more","value":"x"}],"response_url":"https://hooks.slack.com/actions/T1/1/x"}`))
	f.Fuzz(func(t *testing.T, kind uint8, body []byte) {
		s := newFuzzServer()
		rec := s.send(kind, body, true, "", "")
		if !s.done() {
			t.Fatalf("answers to %q did not finish within 5s", body)
		}
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("%s %q = %d %q; want 200, 400 or 413", fuzzPaths[int(kind)%len(fuzzPaths)].path, body, rec.Code, rec.Body)
		}
		n := len(s.h.requests())
		if n > 1 {
			t.Errorf("one request reached the handler %d times", n)
		}
		if form, err := url.ParseQuery(string(body)); int(kind)%len(fuzzPaths) == 0 && err == nil &&
			rec.Code == http.StatusOK && form.Get("ssl_check") != "1" && n != 1 {
			t.Errorf("acked slash command %q reached the handler %d times; want once", body, n)
		}
		for _, req := range s.h.requests() {
			if req.Surface == handlers.Mention && req.ThreadTS == "" && req.ChannelID != "" {
				t.Errorf("mention %q answered outside any thread", body)
			}
		}
		var verify struct {
			Type      string `json:"type"`
			Challenge string `json:"challenge"`
		}
		if int(kind)%len(fuzzPaths) == 1 && json.Unmarshal(body, &verify) == nil && verify.Type == "url_verification" {
			if rec.Code != http.StatusOK || rec.Body.String() != verify.Challenge {
				t.Errorf("url_verification %q = %d %q; want 200 with the challenge", body, rec.Code, rec.Body)
			}
		}
	})
}

// FuzzUnsignedRequest sends arbitrary bodies with arbitrary signature headers. None can
// carry a valid signature, so every one must get 401 and cause nothing: no handler call,
// no call to Slack. Seeds are in testdata/fuzz/FuzzUnsignedRequest.
func FuzzUnsignedRequest(f *testing.F) {
	fresh := strconv.FormatInt(time.Now().Unix(), 10)
	f.Add(uint8(0), []byte(slashForm("who urged sanctions", "https://hooks.slack.com/commands/T1/1/x")), fresh, "v0=deadbeef")
	f.Add(uint8(0), []byte(slashForm("who urged sanctions", "https://hooks.slack.com/commands/T1/1/x")), "1700000000", "v0=deadbeef")
	f.Add(uint8(1), []byte(mentionEvent("Ev1", "<@UBOT> hi", "1700000000.000100", "")), "", "")
	f.Add(uint8(2), []byte("payload={}"), "", "v0=")
	f.Add(uint8(0), []byte("text=x"), "9999999999", "v1=00")
	f.Fuzz(func(t *testing.T, kind uint8, body []byte, stamp, signature string) {
		s := newFuzzServer()
		rec := s.send(kind, body, false, stamp, signature)
		if !s.done() {
			t.Fatal("drain did not finish")
		}
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("unsigned %q (timestamp %q, signature %q) = %d; want 401", body, stamp, signature, rec.Code)
		}
		if n := len(s.h.requests()); n != 0 {
			t.Errorf("an unsigned request reached the handler %d times", n)
		}
		if n := s.out.calls.Load(); n != 0 {
			t.Errorf("an unsigned request made %d calls to Slack", n)
		}
	})
}
