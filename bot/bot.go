// Package bot owns every way elecsec meets its users and the Slack client they share:
// socket mode, HTTP mode (slash commands, events and interactions posted by Slack) and the
// local shell. Whatever the transport, a request becomes a handlers.Request, a Handler
// answers it with a handlers.Reply, and the transport delivers the reply: through
// response_url for slash commands and buttons, as a threaded chat.postMessage for mentions,
// as plain text in the shell.
//
// Transports acknowledge first and work after, so Slack always gets its ack within its
// three seconds. Events API retries are dropped by event_id, bot messages are ignored, and
// every outbound call is timed out, retried only when Slack did not accept it, and paced
// to one post a second per channel.
package bot

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/handlers"
)

// Handler answers one request. It is pure: it does no I/O, and the transport delivers
// what it returns. *handlers.Handler implements it.
type Handler interface {
	Handle(ctx context.Context, req handlers.Request) handlers.Reply
}

var (
	_ Handler = (*handlers.Handler)(nil)
	_ Handler = HandlerFunc(nil)
)

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, req handlers.Request) handlers.Reply

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, req handlers.Request) handlers.Reply {
	return f(ctx, req)
}

// Observer is told what the transports do, for metrics. Implementations must be safe for
// concurrent use and quick; a nil Observer is allowed wherever one is taken.
type Observer interface {
	// Request is called once per request, after its reply was delivered or not, with its
	// surface, its outcome ("ok"; "limited" past the per-user rate limit; "failed" when the
	// handler panicked; "undelivered" when Slack did not take the reply) and the time the
	// handler took.
	Request(surface handlers.Surface, outcome string, latency time.Duration)
	// APICall is called once per HTTP attempt to Slack, with the Web API method (or
	// "response_url") and the HTTP status, or "error" when there was no response.
	APICall(method, status string)
}

// Options are what Run needs besides the configuration and the handler. Every field is
// optional.
type Options struct {
	Stdin  io.Reader // the shell's input; empty when nil
	Stdout io.Writer // the shell's output; discarded when nil
	Logger *slog.Logger
	// Ready reports why the program cannot answer yet (corpus not loaded, store
	// unreachable), or nil when it can. /readyz calls it; nil means always ready.
	Ready func(ctx context.Context) error
	// Routes are extra endpoints on the server's mux, such as "GET /metrics", keyed by
	// http.ServeMux pattern.
	Routes map[string]http.Handler
	// Listener, when set, is served instead of listening on cfg.Addr (tests pass one on
	// 127.0.0.1:0).
	Listener net.Listener
	// Slack is the Web API client to use; when nil Run makes one from cfg. Pass the one the
	// digest scheduler uses so both share one pacer.
	Slack    *Slack
	Observer Observer
	// Now is the clock for event dedupe and rate limits; time.Now when nil.
	Now func() time.Time
	// OnListen, when set, is called with the server's address once it accepts connections.
	OnListen func(addr net.Addr)
	// Events, when set, is where replicas sharing a database record the events they take,
	// so that Slack's retry of an event reaching another replica is not answered twice.
	// Each replica also remembers the events it took, which settles most retries alone.
	Events EventLedger
}

// EventLedger records the Slack events taken by every replica; store.Store is one.
type EventLedger interface {
	// TakeEvent reports whether the event is taken for the first time within ttl.
	TakeEvent(ctx context.Context, id string, ttl time.Duration) (first bool, err error)
}

// drainTimeout is how long shutdown waits for in-flight answers to be delivered.
const drainTimeout = 10 * time.Second

// Run runs the transport cfg.Mode() asks for until ctx ends or a fatal error: the shell
// reading opts.Stdin, or a server on cfg.Addr with /healthz and /readyz plus socket mode
// or Slack's HTTP endpoints. On ctx's end a server stops taking work and delivers the
// answers in flight, for up to 10 seconds, before Run returns nil.
func Run(ctx context.Context, cfg config.Config, h Handler, opts Options) error {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	switch cfg.Mode() {
	case config.Shell:
		return RunShell(ctx, h, opts.Stdin, opts.Stdout)
	default:
		return runServer(ctx, cfg, h, opts)
	}
}
