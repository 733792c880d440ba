package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/elecsec/elecsec/config"
)

// identityTimeout bounds the auth.test call made at startup.
const identityTimeout = 10 * time.Second

// runServer runs socket mode or HTTP mode, with the health endpoints, until ctx ends or a
// fatal error.
func runServer(ctx context.Context, cfg config.Config, h Handler, opts Options) error {
	log := opts.Logger.With("mode", string(cfg.Mode()))
	sl := opts.Slack
	if sl == nil {
		sl = NewSlack(cfg, log, opts.Observer)
	}
	self, err := identify(ctx, sl, log)
	if err != nil {
		return err
	}
	d := &dispatcher{
		h:     h,
		slack: sl,
		log:   log,
		obs:   opts.Observer,
		seen:  newEventDedupe(eventTTL, opts.Now),
		taken: opts.Events,
		self:  self,
		work:  newWorkGroup(ctx),
	}
	if cfg.RateLimit > 0 {
		d.limit = newUserLimiter(cfg.RateLimit, opts.Now)
	}

	var connected atomic.Bool // socket mode: whether the connection to Slack is up
	ready := func(ctx context.Context) error {
		if cfg.Mode() == config.Socket && !connected.Load() {
			return errors.New("not connected to Slack")
		}
		if opts.Ready != nil {
			return opts.Ready(ctx)
		}
		return nil
	}
	var verifier *requestVerifier
	if cfg.Mode() == config.HTTP {
		verifier = &requestVerifier{secret: cfg.SigningSecret, log: log}
	}
	srv := &http.Server{
		Handler:           routes(d, verifier, ready, opts.Routes),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       90 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln := opts.Listener
	if ln == nil {
		if ln, err = net.Listen("tcp", cfg.Addr); err != nil {
			return fmt.Errorf("listen on ELECSEC_ADDR %s: %w", cfg.Addr, err)
		}
	}
	log.Info("serving", "addr", ln.Addr().String(), "config", cfg)
	if opts.OnListen != nil {
		opts.OnListen(ln.Addr())
	}

	fatal := make(chan error, 2)
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fatal <- fmt.Errorf("http server: %w", err)
		}
	}()
	socketCtx, stopSocket := context.WithCancel(ctx)
	socketDone := make(chan struct{})
	if cfg.Mode() == config.Socket {
		go func() {
			defer close(socketDone)
			if err := runSocket(socketCtx, sl, d, &connected); err != nil {
				fatal <- err
			}
		}()
	} else {
		close(socketDone)
	}

	var runErr error
	select {
	case <-ctx.Done():
		log.Info("shutting down: finishing answers in flight")
	case runErr = <-fatal:
	}

	// Stop taking work, then finish what was taken.
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drainTimeout)
	defer cancel()
	stopSocket()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Warn("http server did not shut down cleanly", "err", err)
	}
	<-socketDone
	if !d.work.drain(time.Until(deadlineOf(shutdownCtx))) {
		log.Warn("shutdown: gave up on answers still in flight")
	}
	return runErr
}

func deadlineOf(ctx context.Context) time.Time {
	d, _ := ctx.Deadline()
	return d
}

// identify asks Slack who the bot is, so its own messages and mentions can be told apart.
// A refused token is fatal; Slack being unreachable is not (the bot then recognises its
// own messages by bot_id alone).
func identify(ctx context.Context, sl *Slack, log *slog.Logger) (Identity, error) {
	ctx, cancel := context.WithTimeout(ctx, identityTimeout)
	defer cancel()
	self, err := sl.Identity(ctx)
	switch {
	case IsAuthError(err):
		return Identity{}, fmt.Errorf("slack refused SLACK_BOT_TOKEN (%w); copy the Bot User OAuth Token again from the app's OAuth & Permissions page", err)
	case err != nil:
		log.Warn("cannot reach Slack to learn the bot's identity; continuing", "err", err)
	}
	return self, nil
}

// routes is elecsec's whole HTTP surface. The Slack endpoints exist in HTTP mode only,
// behind signature verification; the health endpoints in every server mode.
func routes(d *dispatcher, v *requestVerifier, ready func(context.Context) error, extra map[string]http.Handler) http.Handler {
	mux := http.NewServeMux()
	if v != nil {
		mux.Handle("POST /slack/commands", v.verify(handleCommand(d)))
		mux.Handle("POST /slack/events", v.verify(handleEvent(d)))
		mux.Handle("POST /slack/interactions", v.verify(handleInteraction(d)))
	}
	mux.Handle("GET /healthz", handleHealthz())
	mux.Handle("GET /readyz", handleReadyz(ready))
	for pattern, h := range extra {
		mux.Handle(pattern, h)
	}
	return mux
}

// handleHealthz answers while the process is alive.
func handleHealthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
}

// handleReadyz answers 200 when elecsec can answer questions, else 503 with the reason.
func handleReadyz(ready func(context.Context) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := ready(ctx); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "not ready:", err)
			return
		}
		fmt.Fprintln(w, "ready")
	})
}
