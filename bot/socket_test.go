package bot

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/handlers"
)

// fakeSocket adds Slack's socket mode to a fakeSlack: apps.connections.open hands out
// ws://…/ws, and each connection made there is greeted with hello and passed to the test.
type fakeSocket struct {
	conns chan *websocket.Conn
}

func newFakeSocket(tb testing.TB, f *fakeSlack) *fakeSocket {
	tb.Helper()
	s := &fakeSocket{conns: make(chan *websocket.Conn, 4)}
	f.handle("apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Authorization"); got != "Bearer "+testAppToken {
			io.WriteString(w, `{"ok":false,"error":"not_allowed_token_type"}`)
			return
		}
		io.WriteString(w, `{"ok":true,"url":"ws`+strings.TrimPrefix(f.URL, "http")+`/ws"}`)
	})
	upgrader := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }} // slack-go sends Origin: https://api.slack.com
	f.handle("ws", func(w http.ResponseWriter, r *http.Request) {
		c, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		c.WriteJSON(map[string]any{"type": "hello", "num_connections": 1, "connection_info": map[string]any{"app_id": "A1"}})
		s.conns <- c
	})
	return s
}

func (s *fakeSocket) next(tb testing.TB) *websocket.Conn {
	tb.Helper()
	select {
	case c := <-s.conns:
		tb.Cleanup(func() { c.Close() })
		return c
	case <-time.After(5 * time.Second):
		tb.Fatal("no socket-mode connection within 5s")
		return nil
	}
}

// send writes a socket-mode envelope and returns the envelope id the bot acks with.
func send(tb testing.TB, c *websocket.Conn, id, typ string, payload any) {
	tb.Helper()
	if err := c.WriteJSON(map[string]any{"envelope_id": id, "type": typ, "payload": payload, "accepts_response_payload": typ != "events_api"}); err != nil {
		tb.Fatal(err)
	}
}

func readAck(tb testing.TB, c *websocket.Conn) string {
	tb.Helper()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	var ack struct {
		EnvelopeID string `json:"envelope_id"`
	}
	if err := c.ReadJSON(&ack); err != nil {
		tb.Fatalf("reading ack: %v", err)
	}
	return ack.EnvelopeID
}

func socketConfig(f *fakeSlack) config.Config {
	cfg := httpConfig(f)
	cfg.SigningSecret = ""
	cfg.AppToken = testAppToken
	return cfg
}

func waitReady(tb testing.TB, base string, want int) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == want {
				return
			}
		}
		if time.Now().After(deadline) {
			tb.Fatalf("/readyz did not answer %d within 5s", want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSocketModeAcksThenAnswers(t *testing.T) {
	f := newFakeSlack(t)
	sock := newFakeSocket(t, f)
	h := &recordingHandler{gate: make(chan struct{})}
	srv := startServer(t, socketConfig(f), h, Options{})
	conn := sock.next(t)
	waitReady(t, srv.base, http.StatusOK)

	// A slash command: the ack comes while the handler is still blocked.
	send(t, conn, "env-slash", "slash_commands", map[string]any{
		"command": "/elecsec", "text": "who urged sanctions", "user_id": "U1", "user_name": "ada",
		"channel_id": "C1", "team_id": "T1", "response_url": f.responseURL(),
	})
	if id := readAck(t, conn); id != "env-slash" {
		t.Errorf("acked %q; want env-slash", id)
	}
	close(h.gate)
	got := f.waitFor(t, "respond", 1)
	if !strings.Contains(string(got[0].Body), `"response_type":"ephemeral"`) {
		t.Errorf("response_url got %s; want an ephemeral reply", got[0].Body)
	}

	// A mention delivered twice (Slack's retry carries the same event_id): one reply.
	var event map[string]any
	json.Unmarshal([]byte(mentionEvent("EvSock", "<@UBOT> quotes from sessions", "1700000010.000100", "1700000000.000001")), &event)
	send(t, conn, "env-ev-1", "events_api", event)
	send(t, conn, "env-ev-2", "events_api", event)
	for _, want := range []string{"env-ev-1", "env-ev-2"} {
		if id := readAck(t, conn); id != want {
			t.Errorf("acked %q; want %s", id, want)
		}
	}

	// A button press.
	send(t, conn, "env-button", "interactive", map[string]any{
		"type": "block_actions", "user": map[string]any{"id": "U1", "name": "ada"}, "team": map[string]any{"id": "T1"},
		"channel": map[string]any{"id": "C1"}, "response_url": f.responseURL(),
		"actions": []map[string]any{{"action_id": "more", "block_id": "b1", "value": "page-2", "type": "button"}},
	})
	if id := readAck(t, conn); id != "env-button" {
		t.Errorf("acked %q; want env-button", id)
	}

	if err := srv.stop(t); err != nil {
		t.Fatalf("Run = %v; want nil", err)
	}
	posts := f.callsTo("chat.postMessage")
	if len(posts) != 1 || posts[0].Form.Get("thread_ts") != "1700000000.000001" {
		t.Errorf("chat.postMessage calls %+v; want one in thread 1700000000.000001", posts)
	}
	var surfaces []handlers.Surface
	for _, r := range h.requests() {
		surfaces = append(surfaces, r.Surface)
	}
	if len(surfaces) != 3 {
		t.Errorf("handler saw %v; want slash, mention and interaction once each", surfaces)
	}
}

func TestSocketModeReconnects(t *testing.T) {
	f := newFakeSlack(t)
	sock := newFakeSocket(t, f)
	srv := startServer(t, socketConfig(f), &recordingHandler{}, Options{})
	conn := sock.next(t)
	waitReady(t, srv.base, http.StatusOK)

	// Slack asks for a reconnect; then the new connection drops without a word.
	conn.WriteJSON(map[string]any{"type": "disconnect", "reason": "refresh_requested"})
	conn = sock.next(t)
	conn.Close()
	conn = sock.next(t)
	waitReady(t, srv.base, http.StatusOK)

	send(t, conn, "env-after", "slash_commands", map[string]any{
		"command": "/elecsec", "text": "actors", "user_id": "U1", "channel_id": "C1", "response_url": f.responseURL(),
	})
	if id := readAck(t, conn); id != "env-after" {
		t.Errorf("acked %q after reconnecting; want env-after", id)
	}
	f.waitFor(t, "respond", 1)
}

func TestSocketModeRefusedAppTokenIsFatal(t *testing.T) {
	f := newFakeSlack(t)
	f.handle("apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
	})
	done := make(chan error, 1)
	go func() {
		done <- Run(t.Context(), socketConfig(f), &recordingHandler{}, Options{Listener: listenLoopback(t)})
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "SLACK_APP_TOKEN") || !strings.Contains(err.Error(), "invalid_auth") {
			t.Errorf("Run = %v; want an error naming SLACK_APP_TOKEN and invalid_auth", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run kept going with a refused app token")
	}
}
