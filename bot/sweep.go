package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/elecsec/elecsec/handlers"
	"github.com/elecsec/elecsec/store"
)

// Sweeper defaults.
const (
	// DefaultLease is how long a sweeper may take to compose and post one digest before
	// another may take its claim over. It is far longer than a post takes, so a live
	// sweeper is never overtaken.
	DefaultLease = 10 * time.Minute
	// DefaultMaxAttempts is how many times a digest is tried before it is marked failed.
	DefaultMaxAttempts = 5
	// DefaultRetryDelay is the wait after the first failed attempt; each later wait doubles.
	DefaultRetryDelay = time.Minute
	// recordTimeout bounds recording an outcome, which goes ahead even when the sweep's
	// context is cancelled: a post Slack accepted must be recorded if at all possible.
	recordTimeout = 30 * time.Second
)

// Poster posts a message to a channel and returns its ts. *Slack implements it.
type Poster interface {
	PostMessage(ctx context.Context, channel, threadTS string, m handlers.Message) (ts string, err error)
}

// Composer writes the digest of a subscription at a time. *handlers.Digester implements it.
type Composer interface {
	ComposeDigest(ctx context.Context, sub store.Subscription, now time.Time) (handlers.DigestPost, error)
}

var (
	_ Poster   = (*Slack)(nil)
	_ Composer = (*handlers.Digester)(nil)
)

// Sweeper posts the daily digests that are due. Any number of sweepers, in one process or
// in replicas sharing a database, may sweep at once: the store's ledger lets one post per
// channel and local date.
type Sweeper struct {
	store   store.Store
	compose Composer
	post    Poster
	log     *slog.Logger
	now     func() time.Time

	Lease       time.Duration // see DefaultLease
	MaxAttempts int           // see DefaultMaxAttempts
	RetryDelay  time.Duration // see DefaultRetryDelay
}

// NewSweeper returns a sweeper with the default lease, attempts and retry delay. now is
// the clock Loop reads; nil means time.Now. log may be nil.
func NewSweeper(st store.Store, c Composer, p Poster, log *slog.Logger, now func() time.Time) *Sweeper {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if now == nil {
		now = time.Now
	}
	return &Sweeper{store: st, compose: c, post: p, log: log, now: now,
		Lease: DefaultLease, MaxAttempts: DefaultMaxAttempts, RetryDelay: DefaultRetryDelay}
}

// SweepSummary counts what one sweep did.
type SweepSummary struct {
	Subscriptions int // subscriptions looked at
	Posted        int // digests posted
	Skipped       int // digests with nothing to post
	Retrying      int // failed attempts that will be retried
	Failed        int // digests marked failed by this sweep
}

// Loop sweeps now and then every interval until ctx is done, logging what fails. It
// returns nil when ctx is done.
func (s *Sweeper) Loop(ctx context.Context, every time.Duration) error {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if _, err := s.Sweep(ctx, s.now()); err != nil && ctx.Err() == nil {
			s.log.Error("digest sweep", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// Sweep posts every digest due at now. A channel is due when now has reached its time on
// its local date and the ledger has no finished digest for that date; only today is ever
// due, so after downtime each channel gets one digest, not one per missed day. For each
// due channel it claims the digest, composes, posts and records the outcome; a failed post
// is recorded for a later sweep to retry, until the attempts are used up.
//
// The error reports what kept digests from being tried at all (the store failing); failed
// posts are logged and counted, not returned.
func (s *Sweeper) Sweep(ctx context.Context, now time.Time) (SweepSummary, error) {
	var sum SweepSummary
	subs, err := s.store.ListSubscriptions(ctx)
	if err != nil {
		return sum, err
	}
	var errs []error
	for _, sub := range subs {
		if ctx.Err() != nil {
			errs = append(errs, ctx.Err())
			break
		}
		sum.Subscriptions++
		if err := s.sweepChannel(ctx, sub, now, &sum); err != nil {
			errs = append(errs, err)
		}
	}
	return sum, errors.Join(errs...)
}

func (s *Sweeper) sweepChannel(ctx context.Context, sub store.Subscription, now time.Time, sum *SweepSummary) error {
	date, due, err := sub.Due(now)
	if err != nil || !due {
		return err
	}
	key := store.DigestKey{ChannelID: sub.ChannelID, Date: date}
	// Most sweeps find today's digest already done: a read settles that without a write.
	if d, err := s.store.Digest(ctx, key); err == nil && d.State != store.StateClaimed {
		return nil
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	claim, err := s.store.Claim(ctx, key, store.ClaimPolicy{Lease: s.Lease, MaxAttempts: s.MaxAttempts})
	switch {
	case errors.Is(err, store.ErrTaken):
		return nil // another sweeper holds it, or finished it a moment ago
	case errors.Is(err, store.ErrGaveUp):
		sum.Failed++
		s.log.Error("digest failed: the last attempt stopped before recording a result",
			"channel", sub.ChannelID, "date", date, "attempts", s.MaxAttempts)
		return nil
	case err != nil:
		return err
	}
	log := s.log.With("channel", sub.ChannelID, "date", date, "attempt", claim.Attempt)

	// Compose and post within half the lease, so the claim cannot expire under a live post.
	work, cancel := context.WithTimeout(ctx, s.Lease/2)
	defer cancel()
	record, cancelRecord := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancelRecord()

	post, err := s.compose.ComposeDigest(work, sub, now)
	if err != nil {
		return s.failed(record, log, claim, now, "compose: "+err.Error(), false, sum)
	}
	if post.Skip {
		if err := s.store.RecordSkipped(record, claim, post.AsOf); err != nil {
			return err
		}
		sum.Skipped++
		log.Info("digest skipped: nothing new")
		return nil
	}
	ts, err := s.post.PostMessage(work, sub.ChannelID, "", post.Message)
	if err != nil {
		// A refusal (channel gone, bot removed, token revoked) ends today's digest at once:
		// another attempt would be refused again.
		return s.failed(record, log, claim, now, err.Error(), IsRefusal(err), sum)
	}
	if err := s.store.RecordPosted(record, claim, store.Post{
		MessageTS: ts, AsOf: post.AsOf, DocIDs: post.DocIDs, QuoteIDs: post.QuoteIDs,
	}); err != nil {
		// The one window where a digest can go out twice: Slack has it, the ledger does not.
		log.Error("digest posted but not recorded; it may be posted again after the lease", "ts", ts, "err", err)
		return err
	}
	sum.Posted++
	log.Info("digest posted", "ts", ts, "documents", len(post.DocIDs))
	return nil
}

// failed records a failed attempt: retried after a delay that doubles with each attempt,
// or marked failed when the attempts are used up or the failure is final.
func (s *Sweeper) failed(ctx context.Context, log *slog.Logger, claim store.Claim, now time.Time, reason string, final bool, sum *SweepSummary) error {
	delay := s.RetryDelay
	for i := 1; i < claim.Attempt && delay < s.Lease; i++ {
		delay *= 2
	}
	retryAt := now.Add(delay)
	if final {
		retryAt = time.Time{} // no retry
	}
	gaveUp, err := s.store.RecordFailure(ctx, claim, reason, retryAt)
	if err != nil {
		log.Error("digest attempt failed and could not be recorded", "reason", reason, "err", err)
		return err
	}
	if gaveUp {
		sum.Failed++
		log.Error("digest failed; giving up", "reason", reason, "attempts", claim.Attempt, "final", final)
		return nil
	}
	sum.Retrying++
	log.Warn("digest attempt failed; will retry", "reason", reason, "retry_in", delay)
	return nil
}
