package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"

	"github.com/elecsec/elecsec/bot"
	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
	"github.com/elecsec/elecsec/seeds"
)

// serve runs elecsec where cfg says: the local shell on stdin and stdout when there is no
// Slack token, else socket mode or HTTP mode with /healthz and /readyz on cfg.Addr. It
// loads the corpus first, so a server is ready once it listens. Logs go to stderr: JSON
// from servers, text from the shell, unless ELECSEC_LOG_FORMAT says otherwise.
func serve(ctx context.Context, cfg config.Config, stdin io.Reader, stdout, stderr io.Writer) error {
	log := serveLogger(cfg, stderr)
	ix, err := serveIndex(cfg, log)
	if err != nil {
		return err
	}
	h := handlers.New(log, ix, nil)
	return bot.Run(ctx, cfg, h, bot.Options{
		Stdin:  stdin,
		Stdout: stdout,
		Logger: log,
	})
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

// serveIndex loads the corpus from ELECSEC_CORPUS_DIR, or the embedded seeds, and indexes it.
func serveIndex(cfg config.Config, log *slog.Logger) (*corpus.Index, error) {
	var fsys fs.FS = seeds.FS
	source := "embedded seeds"
	if cfg.CorpusDir != "" {
		if st, err := os.Stat(cfg.CorpusDir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("ELECSEC_CORPUS_DIR %s is not a directory", cfg.CorpusDir)
		}
		fsys, source = os.DirFS(cfg.CorpusDir), cfg.CorpusDir
	}
	c, err := corpus.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("loading the corpus from %s: %w", source, err)
	}
	for _, w := range c.Warnings {
		log.Warn("skipped an article", "file", w.File, "reason", w.Reason)
	}
	log.Info("corpus loaded", "source", source, "documents", len(c.Documents), "actors", len(c.Actors), "quotes", len(c.Quotes))
	return corpus.NewIndex(c), nil
}
