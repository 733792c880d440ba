package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/elecsec/elecsec/bot"
	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
	"github.com/elecsec/elecsec/store"

	// The stores ELECSEC_DATABASE_URL may name.
	_ "github.com/elecsec/elecsec/store/postgres"
	_ "github.com/elecsec/elecsec/store/sqlite"
)

// digestSweep is "elecsec digest sweep [--now RFC3339]": one sweep of the daily digests
// with the configured store, corpus and Slack API, then exit. args are what follows
// "digest sweep". With --now, the sweep, the store and the digests all read that time, as
// if the clock said it; the ledger still lets no channel have two digests for one date.
func digestSweep(ctx context.Context, args []string, cfg config.Config, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("digest sweep", flag.ContinueOnError)
	fl.SetOutput(stderr)
	at := fl.String("now", "", "sweep as if the time were `RFC3339`, like 2026-03-02T09:00:00-05:00")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("digest sweep: unexpected argument %q", fl.Arg(0))
	}
	now := time.Now
	if *at != "" {
		t, err := time.Parse(time.RFC3339, *at)
		if err != nil {
			return fmt.Errorf("digest sweep: --now %q is not an RFC 3339 time, like 2026-03-02T09:00:00Z", *at)
		}
		now = func() time.Time { return t }
	}
	if cfg.BotToken == "" {
		return fmt.Errorf("digest sweep posts to Slack: set SLACK_BOT_TOKEN")
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	st, err := store.Open(ctx, cfg.DatabaseURL, now)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := loadCorpus(cfg.CorpusDir, warnTo(stderr))
	if err != nil {
		return err
	}

	digests := handlers.NewDigester(st, digestCorpus{c}, now, log)
	sweeper := bot.NewSweeper(st, digests, bot.NewSlack(cfg, log, nil), log, now)
	sum, err := sweeper.Sweep(ctx, now())
	fmt.Fprintf(stdout, "digest sweep at %s: %d subscriptions; %d posted, %d skipped, %d to retry, %d failed\n",
		now().Format(time.RFC3339), sum.Subscriptions, sum.Posted, sum.Skipped, sum.Retrying, sum.Failed)
	return err
}

// digestCorpus is a corpus that never changes, for a one-off sweep.
type digestCorpus struct{ c *corpus.Corpus }

func (d digestCorpus) Corpus() *corpus.Corpus { return d.c }
