package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/slack-go/slack"
)

// maxBodyBytes caps a request from Slack. Interaction payloads, the largest, carry the
// pressed message's blocks: tens of kilobytes at most.
const maxBodyBytes = 1 << 20

// requestVerifier checks Slack's v0 request signature.
type requestVerifier struct {
	secret string
	log    *slog.Logger
}

// verify lets a request through to next only when it carries a valid Slack signature made
// within the last five minutes over its raw body. The body is read (and capped) before
// anything parses it; next sees the same bytes. Anything else gets 401 and nothing happens.
func (v *requestVerifier) verify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sv, err := slack.NewSecretsVerifier(r.Header, v.secret)
		if err != nil {
			v.log.Warn("rejected a request without a valid signature", "path", r.URL.Path, "reason", err)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(io.TeeReader(http.MaxBytesReader(w, r.Body, maxBodyBytes), &sv))
		if err != nil {
			if _, tooBig := errors.AsType[*http.MaxBytesError](err); tooBig {
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read request body", http.StatusBadRequest)
			return
		}
		if err := sv.Ensure(); err != nil {
			v.log.Warn("rejected a request with a forged signature", "path", r.URL.Path)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// handleCommand acks a slash command at once with an empty 200, then answers it through
// its response_url. It also answers Slack's ssl_check.
func handleCommand(d *dispatcher) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "malformed form", http.StatusBadRequest)
			return
		}
		if r.PostForm.Get("ssl_check") == "1" {
			w.WriteHeader(http.StatusOK)
			return
		}
		cmd, err := slack.SlashCommandParse(r)
		if err != nil {
			http.Error(w, "malformed slash command", http.StatusBadRequest)
			return
		}
		if !d.work.Go(func(ctx context.Context) { d.slashCommand(ctx, cmd) }) {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// handleEvent answers url_verification, and acks an event callback before answering it in
// the background. Retries are recognised by event_id, not by X-Slack-Retry-Num.
func handleEvent(d *dispatcher) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, "cannot read request body", http.StatusBadRequest)
			return
		}
		var head struct {
			Type      string `json:"type"`
			Challenge string `json:"challenge"`
		}
		if err := json.Unmarshal(body, &head); err != nil {
			http.Error(w, "malformed event", http.StatusBadRequest)
			return
		}
		switch head.Type {
		case "url_verification":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			io.WriteString(w, head.Challenge)
		case "event_callback":
			if n := r.Header.Get("X-Slack-Retry-Num"); n != "" {
				d.log.Debug("event delivery is a retry", "retry_num", n, "reason", r.Header.Get("X-Slack-Retry-Reason"))
			}
			if err := d.acceptEvent(body); err != nil {
				http.Error(w, "malformed event", http.StatusBadRequest)
				return
			}
			w.WriteHeader(http.StatusOK)
		default:
			w.WriteHeader(http.StatusOK)
		}
	})
}

// handleInteraction acks a button press with an empty 200, then answers it through its
// response_url.
func handleInteraction(d *dispatcher) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "malformed form", http.StatusBadRequest)
			return
		}
		var cb slack.InteractionCallback
		if err := json.Unmarshal([]byte(r.PostForm.Get("payload")), &cb); err != nil {
			http.Error(w, "malformed interaction payload", http.StatusBadRequest)
			return
		}
		if !d.work.Go(func(ctx context.Context) { d.interaction(ctx, cb) }) {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
