package bot

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

func TestIncomingText(t *testing.T) {
	tests := []struct {
		raw, bot, want string
	}{
		{"<@UBOT> who urged sanctions", "UBOT", "who urged sanctions"},
		{"<@UBOT|elecsec> quotes from sessions", "UBOT", "quotes from sessions"},
		{"<@UBOT>", "UBOT", ""},
		{"<@UBOT>   ", "UBOT", ""},
		{"<@UOTHER> <@UBOT> what did <@U2|sam> say", "UBOT", "@UOTHER what did @sam say"},
		{"<@UANY> actors", "", "actors"}, // bot id unknown: the opening mention is the bot's
		{"actors <@UANY>", "", "actors @UANY"},
		{"AT&amp;T &lt;b&gt; &amp;amp;", "UBOT", "AT&T <b> &amp;"},
		{"who said &lt;!channel&gt;", "UBOT", "who said <!channel>"},
		{"ping <!here> and <!subteam^S1|@security>", "UBOT", "ping @here and @security"},
		{"see <https://example.com/a?b=1&amp;c=2|the story> and <https://x.org>", "UBOT", "see the story and https://x.org"},
		{"in <#C123|election-security> or <#C9>", "UBOT", "in #election-security or #C9"},
		{"mail <mailto:a@b.org|a@b.org>", "UBOT", "mail a@b.org"},
		{"line\none\ttab\x00nul\u200bzw", "UBOT", "line one tabnulzw"},
		{"unclosed < bracket &gt;", "UBOT", "unclosed < bracket >"},
	}
	for _, tt := range tests {
		if got := incomingText(tt.raw, tt.bot); got != tt.want {
			t.Errorf("incomingText(%q, %q) = %q; want %q", tt.raw, tt.bot, got, tt.want)
		}
	}
}

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestEventDedupe(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1700000000, 0)}
	d := newEventDedupe(eventTTL, clock.now)
	steps := []struct {
		advance time.Duration
		id      string
		want    bool
	}{
		{0, "Ev1", true},
		{time.Second, "Ev1", false},
		{0, "Ev2", true},
		{5 * time.Minute, "Ev1", false}, // Slack's last retry comes about 5 minutes in
		{0, "", true},
		{0, "", true},
		{5*time.Minute + time.Second, "Ev1", true}, // forgotten after the TTL
	}
	for i, s := range steps {
		clock.advance(s.advance)
		if got := d.first(s.id); got != s.want {
			t.Errorf("step %d: first(%q) = %v; want %v", i, s.id, got, s.want)
		}
	}
	if _, ok := d.seen["Ev2"]; ok {
		t.Errorf("Ev2 still remembered after its TTL; the sweep should have dropped it")
	}
}

func TestPacer(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1700000000, 0)}
	p := newPacer(time.Second, clock.now)
	steps := []struct {
		advance time.Duration
		channel string
		want    time.Duration
	}{
		{0, "C1", 0},
		{0, "C1", time.Second},
		{0, "C1", 2 * time.Second},
		{0, "C2", 0},
		{300 * time.Millisecond, "C1", 2700 * time.Millisecond},
		{10 * time.Second, "C1", 0},
	}
	for i, s := range steps {
		clock.advance(s.advance)
		if got := p.reserve(s.channel); got != s.want {
			t.Errorf("step %d: reserve(%s) = %v; want %v", i, s.channel, got, s.want)
		}
	}
}

func TestUserLimiter(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1700000000, 0)}
	l := newUserLimiter(3, clock.now)
	var got []bool
	for range 4 {
		got = append(got, l.allow("U1"))
	}
	got = append(got, l.allow("U2"))
	clock.advance(20 * time.Second) // one request's worth
	got = append(got, l.allow("U1"), l.allow("U1"))
	want := []bool{true, true, true, false, true, true, false}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("allow sequence = %v; want %v", got, want)
		}
	}
}

func TestRetryClient(t *testing.T) {
	type answer struct {
		status     int
		retryAfter string
	}
	tests := []struct {
		name       string
		path       string // "/api/users.info" is a read; anything else a post
		answers    []answer
		wantTries  int
		wantStatus int
		wantWaits  []time.Duration
	}{
		{"ok", "/api/chat.postMessage", []answer{{200, ""}}, 1, 200, nil},
		{"429 honours Retry-After", "/api/chat.postMessage", []answer{{429, "7"}, {200, ""}}, 2, 200, []time.Duration{7 * time.Second}},
		{"429 without header backs off", "/api/chat.postMessage", []answer{{429, ""}, {429, ""}, {200, ""}}, 3, 200, []time.Duration{100 * time.Millisecond, 200 * time.Millisecond}},
		{"429 beyond the longest wait", "/api/chat.postMessage", []answer{{429, "3600"}}, 1, 429, nil},
		{"503 post retried", "/respond/1", []answer{{503, ""}, {200, ""}}, 2, 200, []time.Duration{100 * time.Millisecond}},
		{"500 post not retried", "/api/chat.postMessage", []answer{{500, ""}}, 1, 500, nil},
		{"502 post not retried", "/respond/1", []answer{{502, ""}}, 1, 502, nil},
		{"500 read retried", "/api/users.info", []answer{{500, ""}, {502, ""}, {200, ""}}, 3, 200, []time.Duration{100 * time.Millisecond, 200 * time.Millisecond}},
		{"gives up after 4 tries", "/api/users.info", []answer{{500, ""}, {500, ""}, {500, ""}, {500, ""}, {200, ""}}, 4, 500, []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond}},
		{"4xx not retried", "/api/users.info", []answer{{404, ""}}, 1, 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tries atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				if string(body) != "text=hi" {
					t.Errorf("attempt %d got body %q; want the same body every time", tries.Load()+1, body)
				}
				a := tt.answers[min(int(tries.Add(1))-1, len(tt.answers)-1)]
				if a.retryAfter != "" {
					w.Header().Set("Retry-After", a.retryAfter)
				}
				w.WriteHeader(a.status)
			}))
			defer srv.Close()
			var waits []time.Duration
			c := newRetryClient(func(r *http.Request) bool { return strings.HasSuffix(r.URL.Path, "users.info") }, nil)
			c.base = 100 * time.Millisecond
			c.jitter = func(d time.Duration) time.Duration { return d }
			c.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
			req, _ := http.NewRequest(http.MethodPost, srv.URL+tt.path, strings.NewReader("text=hi"))
			resp, err := c.Do(req)
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			resp.Body.Close()
			if int(tries.Load()) != tt.wantTries || resp.StatusCode != tt.wantStatus {
				t.Errorf("%d tries ending %d; want %d ending %d", tries.Load(), resp.StatusCode, tt.wantTries, tt.wantStatus)
			}
			if len(waits) != len(tt.wantWaits) {
				t.Fatalf("waits %v; want %v", waits, tt.wantWaits)
			}
			for i := range waits {
				if waits[i] != tt.wantWaits[i] {
					t.Errorf("waits %v; want %v", waits, tt.wantWaits)
				}
			}
		})
	}
}

func TestRetryClientConnectionErrors(t *testing.T) {
	// A port nothing listens on: the connection is refused, so nothing was sent and even a
	// post may be retried.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	c := newRetryClient(nil, nil)
	var waits int
	c.sleep = func(context.Context, time.Duration) error { waits++; return nil }
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/api/chat.postMessage", strings.NewReader("x"))
	if _, err := c.Do(req); err == nil {
		t.Fatal("Do to a closed port succeeded")
	}
	if waits != c.attempts-1 {
		t.Errorf("%d retries of a refused connection; want %d", waits, c.attempts-1)
	}
}

func TestRetryClientStopsAtDeadline(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := newRetryClient(nil, nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL, strings.NewReader("x"))
	start := time.Now()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 429 || time.Since(start) > 500*time.Millisecond {
		t.Errorf("Do = %d after %v; want the 429 at once, since a 30s wait outlasts the deadline", resp.StatusCode, time.Since(start))
	}
}

func TestIsAuthError(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{slack.SlackErrorResponse{Err: "invalid_auth"}, true},
		{slack.SlackErrorResponse{Err: "token_revoked"}, true},
		{slack.SlackErrorResponse{Err: "channel_not_found"}, false},
		{errors.Join(errors.New("auth.test"), slack.SlackErrorResponse{Err: "not_authed"}), true},
		{slack.StatusCodeError{Code: 401}, true},
		{slack.StatusCodeError{Code: 500}, false},
		{errors.New("dial tcp: connection refused"), false},
	}
	for _, tt := range tests {
		if got := IsAuthError(tt.err); got != tt.want {
			t.Errorf("IsAuthError(%v) = %v; want %v", tt.err, got, tt.want)
		}
	}
}
