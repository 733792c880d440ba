package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/elecsec/elecsec/bot"
	"github.com/elecsec/elecsec/bot/metrics"
	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
	"github.com/elecsec/elecsec/store"
)

// sweepEvery is how often a server sweeps the daily digests.
const sweepEvery = time.Minute

// serve runs elecsec where cfg says: the local shell on stdin and stdout when there is no
// Slack token, else a server (socket mode or HTTP mode). Logs go to stderr: JSON from
// servers, text from the shell, unless ELECSEC_LOG_FORMAT says otherwise.
//
// The shell answers from the corpus alone: it opens no store, so it creates no database
// file. A server also opens the store, sweeps the daily digests every minute, follows
// ELECSEC_CORPUS_DIR when it is set, and serves /healthz, /readyz and /metrics on cfg.Addr.
func serve(ctx context.Context, cfg config.Config, stdin io.Reader, stdout, stderr io.Writer) error {
	log := serveLogger(cfg, stderr)
	if cfg.Mode() == config.Shell {
		ix, err := serveIndex(cfg, log)
		if err != nil {
			return err
		}
		return bot.Run(ctx, cfg, handlers.New(log, ix, nil), bot.Options{
			Stdin:  stdin,
			Stdout: stdout,
			Logger: log,
		})
	}
	return serveSlack(ctx, cfg, log, nil)
}

// serveSlack runs a server until ctx ends, then shuts down in order: the transports stop
// taking work and deliver the answers in flight (for up to 10 s), the digest sweep in
// progress finishes the post it is making and starts no other, and the store is closed
// last. opts, which tests may set, adds to the bot's options.
func serveSlack(ctx context.Context, cfg config.Config, log *slog.Logger, opts *bot.Options) (err error) {
	m := metrics.New()
	src, live, err := serveCorpus(cfg, log, m)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, nil)
	if err != nil {
		return fmt.Errorf("opening the digest store (ELECSEC_DATABASE_URL): %w", err)
	}
	defer func() {
		if cerr := st.Close(); cerr != nil {
			log.Warn("closing the digest store", "err", cerr)
		}
		log.Info("stopped")
	}()

	sl := bot.NewSlack(cfg, log, m)
	digests := handlers.NewDigester(st, src, nil, log)
	h := m.Handler(handlers.New(log, src, digests))

	// Background work stops when ctx ends; the sweep holds no claim it has not finished.
	var wg sync.WaitGroup
	bg, stopBackground := context.WithCancel(ctx)
	defer func() { stopBackground(); wg.Wait() }()
	sweeper := bot.NewSweeper(drainingStore{st, bg}, digests, sl, log, nil)
	wg.Go(func() { sweepLoop(bg, sweeper, sweepEvery, m, log) })
	if live != nil {
		wg.Go(func() { _ = live.Watch(bg, 0) })
	}

	o := bot.Options{}
	if opts != nil {
		o = *opts
	}
	o.Logger = log
	o.Slack = sl
	o.Observer = m
	o.Routes = map[string]http.Handler{"GET /metrics": m}
	o.Ready = func(ctx context.Context) error { return ready(ctx, src, st) }
	o.Events = st
	return bot.Run(ctx, cfg, h, o)
}

// ready reports why the server cannot answer yet: no corpus, or a store that does not answer.
func ready(ctx context.Context, src handlers.Searcher, st store.Store) error {
	if c := src.Corpus(); c == nil || len(c.Documents) == 0 {
		return errors.New("the corpus has no documents")
	}
	// A read of a channel that cannot exist: ErrNotFound proves the database answers.
	if _, err := st.Subscription(ctx, ""); err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("digest store: %w", err)
	}
	return nil
}

// serveCorpus returns the searcher a server answers from: a LiveIndex following
// ELECSEC_CORPUS_DIR when it is set, which the caller must Watch, else the embedded seeds.
// m is told the corpus's size now and after every reload.
func serveCorpus(cfg config.Config, log *slog.Logger, m *metrics.Metrics) (handlers.Searcher, *bot.LiveIndex, error) {
	if cfg.CorpusDir == "" {
		ix, err := serveIndex(cfg, log)
		if err != nil {
			return nil, nil, err
		}
		m.CorpusLoaded(ix.Corpus(), time.Now())
		return ix, nil, nil
	}
	live, err := bot.OpenLiveIndex(cfg.CorpusDir, bot.LiveIndexOptions{
		Logger: log,
		OnSwap: func(ix *corpus.Index, at time.Time) { m.CorpusLoaded(ix.Corpus(), at) },
	})
	if err != nil {
		return nil, nil, fmt.Errorf("ELECSEC_CORPUS_DIR: %w", err)
	}
	m.CorpusLoaded(live.Corpus(), live.LoadedAt())
	return live, live, nil
}

// sweepLoop sweeps the daily digests now and then every interval until ctx ends, counting
// what each sweep did.
func sweepLoop(ctx context.Context, s *bot.Sweeper, every time.Duration, m *metrics.Metrics, log *slog.Logger) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		// A sweep is not cancelled the moment ctx ends, so a post under way is finished
		// and recorded (drainingStore keeps it from claiming the next one); it gets the
		// same grace as the answers in flight.
		sweepCtx, cancel := afterGrace(ctx, shutdownGrace)
		sum, err := s.Sweep(sweepCtx, time.Now())
		cancel()
		if ctx.Err() != nil {
			err = nil // claims refused because of the shutdown are no failure
		}
		m.Sweep(sum, err)
		if err != nil {
			log.Error("digest sweep", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// shutdownGrace is how long work under way may go on after shutdown begins, as the
// transports give the answers in flight.
const shutdownGrace = 10 * time.Second

// afterGrace returns a context that ends grace after ctx ends, or when cancel is called.
func afterGrace(ctx context.Context, grace time.Duration) (context.Context, context.CancelFunc) {
	c, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(grace, cancel) })
	return c, func() { stop(); cancel() }
}

// drainingStore is the store as the sweeper sees it: once stopping ends, it refuses new
// claims, so a sweep under way at shutdown finishes the digest it is posting and claims
// no more. A cancelled post could not be known to have reached Slack or not, and might be
// posted twice.
type drainingStore struct {
	store.Store
	stopping context.Context
}

// errStopping is why a claim was refused at shutdown.
var errStopping = errors.New("shutting down: no new digest claims")

// Claim claims the digest unless shutdown has begun.
func (s drainingStore) Claim(ctx context.Context, key store.DigestKey, p store.ClaimPolicy) (store.Claim, error) {
	if s.stopping.Err() != nil {
		return store.Claim{}, errStopping
	}
	return s.Store.Claim(ctx, key, p)
}

// serveLogger is the program's logger: JSON in servers and text in the shell unless
// cfg.LogFormat says otherwise, at cfg.LogLevel.
func serveLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	format := cfg.LogFormat
	if format == "" {
		format = "json"
		if cfg.Mode() == config.Shell {
			format = "text"
		}
	}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// serveIndex loads the corpus from ELECSEC_CORPUS_DIR, or the embedded seeds, and indexes
// it once.
func serveIndex(cfg config.Config, log *slog.Logger) (*corpus.Index, error) {
	c, err := loadCorpus(cfg.CorpusDir, func(w corpus.Warning) {
		log.Warn(w.Summary(), "file", w.File, "reason", w.Reason)
	})
	if err != nil {
		return nil, err
	}
	source := cfg.CorpusDir
	if source == "" {
		source = "embedded seeds"
	}
	log.Info("corpus loaded", "source", source, "documents", len(c.Documents), "actors", len(c.Actors), "quotes", len(c.Quotes))
	return corpus.NewIndex(c), nil
}
