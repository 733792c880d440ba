package bot_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/elecsec/elecsec/bot"
	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
	"github.com/elecsec/elecsec/seeds"
	"github.com/elecsec/elecsec/store"
	"github.com/elecsec/elecsec/store/storetest"
)

// The done-when tests of the daily digest run against every store: SQLite always, Postgres
// when ELECSEC_TEST_POSTGRES_URL is set.
func eachBackend(t *testing.T, test func(t *testing.T, open storetest.Opener)) {
	for _, b := range storetest.Backends {
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			test(t, b.NewDB(t))
		})
	}
}

// fakePoster stands in for Slack: it records posts and fails the calls fail says to.
type fakePoster struct {
	clock *storetest.Clock
	fail  func(call int) error // nil: every call succeeds

	mu    sync.Mutex
	calls int
	posts []posted
}

type posted struct {
	channel string
	at      time.Time
	msg     handlers.Message
}

func (p *fakePoster) PostMessage(_ context.Context, channel, threadTS string, m handlers.Message) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	if p.fail != nil {
		if err := p.fail(p.calls); err != nil {
			return "", err
		}
	}
	if threadTS != "" {
		return "", errors.New("a digest is never posted in a thread")
	}
	p.posts = append(p.posts, posted{channel, p.clock.Now(), m})
	return fmt.Sprintf("1700000000.%06d", len(p.posts)), nil
}

func (p *fakePoster) Posts() []posted {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]posted(nil), p.posts...)
}

// swappable is a corpus that a refresh can replace, as the server's is.
type swappable struct{ p atomic.Pointer[corpus.Corpus] }

func (s *swappable) Corpus() *corpus.Corpus { return s.p.Load() }

// syncBuffer collects log output from concurrent sweepers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// testCorpus is a small corpus literal: two documents, each with a quote.
func testCorpus() *corpus.Corpus {
	return &corpus.Corpus{
		Documents: []*corpus.Document{
			{ID: "d1", Title: "States ask for election security money", Date: "2019-06-18", Publisher: "The Ledger", URL: "https://example.com/d1"},
			{ID: "d2", Title: "Senate & the <voting> machines", Date: "2019-07-01", Publisher: "Gazette", URL: "https://example.com/d2"},
		},
		Actors: []*corpus.Actor{
			{ID: "ellison", Name: "Keith Ellison", Kind: corpus.Person, Roles: []string{"attorney general"}},
			{ID: "schumer", Name: "Charles E. Schumer", Kind: corpus.Person, Roles: []string{"Senate Minority Leader"}},
		},
		Quotes: []*corpus.Quote{
			corpus.QuoteOf(corpus.Quote{DocID: "d1", Paragraph: 1, Speakers: []string{"ellison"}, Cue: "said"}, 1, "Our election officials are on the front lines, but they lack the resources to defend them."),
			corpus.QuoteOf(corpus.Quote{DocID: "d2", Paragraph: 1, Speakers: []string{"schumer"}, Cue: "said"}, 1, "We cannot let a foreign adversary <decide> our elections & our future, not again."),
		},
	}
}

// rig is one sweeper and everything around it.
type rig struct {
	clock   *storetest.Clock
	store   store.Store
	corpus  *swappable
	poster  *fakePoster
	logs    *syncBuffer
	sweeper *bot.Sweeper
}

func newRig(t *testing.T, open storetest.Opener, start time.Time, c *corpus.Corpus) *rig {
	t.Helper()
	r := &rig{clock: storetest.NewClock(start), corpus: &swappable{}, logs: &syncBuffer{}}
	r.corpus.p.Store(c)
	r.poster = &fakePoster{clock: r.clock}
	r.store = open(t, r.clock.Now)
	r.sweeper = r.newSweeper(t, r.store)
	return r
}

// newSweeper is another sweeper on st, as another replica would run, posting to the same Slack.
func (r *rig) newSweeper(t *testing.T, st store.Store) *bot.Sweeper {
	t.Helper()
	log := slog.New(slog.NewTextHandler(r.logs, nil))
	return bot.NewSweeper(st, handlers.NewDigester(st, r.corpus, r.clock.Now, log), r.poster, log, r.clock.Now)
}

func (r *rig) subscribe(t *testing.T, sub store.Subscription) {
	t.Helper()
	if sub.CreatedAt.IsZero() {
		sub.CreatedAt = r.clock.Now()
	}
	if err := r.store.PutSubscription(context.Background(), sub); err != nil {
		t.Fatal(err)
	}
}

func (r *rig) sweep(t *testing.T) bot.SweepSummary {
	t.Helper()
	sum, err := r.sweeper.Sweep(context.Background(), r.clock.Now())
	if err != nil {
		t.Fatalf("Sweep(%v) = %v", r.clock.Now(), err)
	}
	return sum
}

func (r *rig) digest(t *testing.T, channel, date string) store.Digest {
	t.Helper()
	d, err := r.store.Digest(context.Background(), store.DigestKey{ChannelID: channel, Date: date})
	if err != nil {
		t.Fatalf("Digest(%s, %s) = %v", channel, date, err)
	}
	return d
}

// checkPosts checks every post fits Block Kit and that the log holds no message text.
func (r *rig) checkPosts(t *testing.T) {
	t.Helper()
	logs := r.logs.String()
	for _, p := range r.poster.Posts() {
		if err := handlers.CheckLimits(p.msg); err != nil {
			t.Errorf("digest posted to %s breaks Block Kit limits: %v", p.channel, err)
		}
		if !p.msg.InChannel {
			t.Errorf("digest posted to %s is not for the channel", p.channel)
		}
	}
	for _, q := range r.corpus.Corpus().Quotes {
		if words := strings.Fields(q.Text()); len(words) >= 4 && strings.Contains(logs, strings.Join(words[:4], " ")) {
			t.Errorf("the log holds message text %q:\n%s", q.Text(), logs)
		}
	}
	for _, d := range r.corpus.Corpus().Documents {
		if d.Title != "" && strings.Contains(logs, d.Title) {
			t.Errorf("the log holds message text %q:\n%s", d.Title, logs)
		}
	}
}

// TestSweepDST: in America/New_York a subscription gets exactly one digest per local date
// across spring-forward (02:30 does not exist that day) and fall-back (01:30 happens twice).
func TestSweepDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, at  string
		start     time.Time
		day       string
		wantFirst time.Time // when the digest of day goes out
	}{
		{"spring forward", "02:30", time.Date(2026, 3, 7, 0, 0, 0, 0, ny), "2026-03-08", time.Date(2026, 3, 8, 3, 30, 0, 0, ny)},
		{"fall back", "01:30", time.Date(2026, 10, 31, 0, 0, 0, 0, ny), "2026-11-01", time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			eachBackend(t, func(t *testing.T, open storetest.Opener) {
				r := newRig(t, open, tt.start, testCorpus())
				r.subscribe(t, store.Subscription{ChannelID: "C1", At: tt.at, Zone: "America/New_York", CreatedBy: "U1",
					CreatedAt: tt.start.Add(-48 * time.Hour)})
				end := tt.start.AddDate(0, 0, 3)
				for r.clock.Now().Before(end) {
					r.sweep(t)
					r.clock.Advance(10 * time.Minute)
				}
				perDay := map[string][]time.Time{}
				for _, p := range r.poster.Posts() {
					day := p.at.In(ny).Format(time.DateOnly)
					perDay[day] = append(perDay[day], p.at)
				}
				if len(perDay) != 3 {
					t.Errorf("posts on %d local dates %v; want 3", len(perDay), perDay)
				}
				for day, ats := range perDay {
					if len(ats) != 1 {
						t.Errorf("%d posts on %s: %v; want 1", len(ats), day, ats)
					}
				}
				if got := perDay[tt.day]; len(got) != 1 || !got[0].Equal(tt.wantFirst) {
					t.Errorf("post on %s at %v; want one at %v", tt.day, got, tt.wantFirst.In(ny))
				}
				r.checkPosts(t)
			})
		})
	}
}

// TestSweepAfterDowntime: a sweeper down for days posts one digest, for today.
func TestSweepAfterDowntime(t *testing.T) {
	eachBackend(t, func(t *testing.T, open storetest.Opener) {
		start := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // 11:00 in Berlin
		r := newRig(t, open, start, testCorpus())
		r.subscribe(t, store.Subscription{ChannelID: "C1", At: "09:00", Zone: "Europe/Berlin", CreatedBy: "U1",
			CreatedAt: start.Add(-24 * time.Hour)})
		if sum := r.sweep(t); sum.Posted != 1 {
			t.Fatalf("first sweep = %+v; want 1 posted", sum)
		}
		r.clock.Advance(5*24*time.Hour + 3*time.Hour) // down until Saturday 14:00 Berlin time
		if sum := r.sweep(t); sum.Posted != 1 {
			t.Fatalf("sweep after downtime = %+v; want 1 posted", sum)
		}
		for range 3 {
			r.clock.Advance(time.Minute)
			if sum := r.sweep(t); sum.Posted != 0 {
				t.Fatalf("later sweep = %+v; want nothing posted", sum)
			}
		}
		if n := len(r.poster.Posts()); n != 2 {
			t.Fatalf("%d posts; want 2: one before and one after the downtime", n)
		}
		r.digest(t, "C1", "2026-03-07")
		for _, missed := range []string{"2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"} {
			if _, err := r.store.Digest(context.Background(), store.DigestKey{ChannelID: "C1", Date: missed}); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("Digest(C1, %s) = %v; want ErrNotFound: missed days are not caught up", missed, err)
			}
		}
		r.checkPosts(t)
	})
}

// TestSweepRacing: sweepers on separate handles to one database, as replicas, sweep at the
// same moment, again and again: each channel gets exactly one post for the day.
func TestSweepRacing(t *testing.T) {
	eachBackend(t, func(t *testing.T, open storetest.Opener) {
		start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		r := newRig(t, open, start, testCorpus())
		const channels, replicas, rounds = 12, 3, 4
		for i := range channels {
			r.subscribe(t, store.Subscription{ChannelID: fmt.Sprintf("C%02d", i), At: "09:00", Zone: "UTC", CreatedBy: "U1",
				CreatedAt: start.Add(-time.Hour)})
		}
		sweepers := []*bot.Sweeper{r.sweeper}
		for len(sweepers) < replicas {
			sweepers = append(sweepers, r.newSweeper(t, open(t, r.clock.Now)))
		}
		var wg sync.WaitGroup
		errs := make(chan error, replicas*rounds)
		startLine := make(chan struct{})
		for _, s := range sweepers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-startLine
				for range rounds {
					if _, err := s.Sweep(context.Background(), r.clock.Now()); err != nil {
						errs <- err
					}
				}
			}()
		}
		close(startLine)
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		perChannel := map[string]int{}
		for _, p := range r.poster.Posts() {
			perChannel[p.channel]++
		}
		if len(perChannel) != channels {
			t.Errorf("posts in %d channels; want %d", len(perChannel), channels)
		}
		for ch, n := range perChannel {
			if n != 1 {
				t.Errorf("%d posts in %s; want exactly 1", n, ch)
			}
		}
	})
}

// TestSweepSlackFailureThenSuccess: a failed post is retried at a later sweep under the
// same claim, and posted once.
func TestSweepSlackFailureThenSuccess(t *testing.T) {
	eachBackend(t, func(t *testing.T, open storetest.Opener) {
		start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		r := newRig(t, open, start, testCorpus())
		r.poster.fail = func(call int) error {
			if call == 1 {
				return errors.New("chat.postMessage: ratelimited")
			}
			return nil
		}
		r.subscribe(t, store.Subscription{ChannelID: "C1", At: "09:00", Zone: "UTC", CreatedBy: "U1", CreatedAt: start.Add(-time.Hour)})

		if sum := r.sweep(t); sum.Retrying != 1 || sum.Posted != 0 {
			t.Fatalf("sweep with Slack failing = %+v; want 1 retrying", sum)
		}
		if d := r.digest(t, "C1", "2026-03-02"); d.State != store.StateClaimed || d.Attempts != 1 || !strings.Contains(d.LastError, "ratelimited") {
			t.Fatalf("digest after a failure = %+v", d)
		}
		r.clock.Advance(30 * time.Second) // before the retry delay: nothing happens
		if sum := r.sweep(t); sum.Posted+sum.Retrying != 0 {
			t.Fatalf("sweep before the retry delay = %+v; want nothing tried", sum)
		}
		r.clock.Advance(30 * time.Second)
		if sum := r.sweep(t); sum.Posted != 1 {
			t.Fatalf("sweep after the retry delay = %+v; want 1 posted", sum)
		}
		r.clock.Advance(time.Hour)
		r.sweep(t)
		if n := len(r.poster.Posts()); n != 1 {
			t.Fatalf("%d posts; want 1", n)
		}
		if d := r.digest(t, "C1", "2026-03-02"); d.State != store.StatePosted || d.Attempts != 2 || d.MessageTS != "1700000000.000001" {
			t.Fatalf("digest = %+v; want posted on attempt 2", d)
		}
		if !strings.Contains(r.logs.String(), "will retry") {
			t.Errorf("the failure was not logged:\n%s", r.logs)
		}
		r.checkPosts(t)
	})
}

// TestSweepGivesUp: a post that keeps failing is tried MaxAttempts times, with growing
// delays, then marked failed and logged, and never tried again.
func TestSweepGivesUp(t *testing.T) {
	eachBackend(t, func(t *testing.T, open storetest.Opener) {
		start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		r := newRig(t, open, start, testCorpus())
		r.poster.fail = func(int) error { return errors.New("chat.postMessage: internal_error") }
		r.subscribe(t, store.Subscription{ChannelID: "C1", At: "09:00", Zone: "UTC", CreatedBy: "U1", CreatedAt: start.Add(-time.Hour)})
		for r.clock.Now().Before(start.Add(2 * time.Hour)) {
			r.sweep(t)
			r.clock.Advance(5 * time.Minute)
		}
		if r.poster.calls != bot.DefaultMaxAttempts {
			t.Errorf("%d post attempts; want %d", r.poster.calls, bot.DefaultMaxAttempts)
		}
		if d := r.digest(t, "C1", "2026-03-02"); d.State != store.StateFailed || d.Attempts != bot.DefaultMaxAttempts {
			t.Errorf("digest = %+v; want failed after %d attempts", d, bot.DefaultMaxAttempts)
		}
		if logs := r.logs.String(); strings.Count(logs, "giving up") != 1 || !strings.Contains(logs, "internal_error") {
			t.Errorf("want one log line giving up, with the reason:\n%s", logs)
		}
		// The next day is tried afresh.
		r.clock.Set(start.Add(24 * time.Hour))
		r.sweep(t)
		if d := r.digest(t, "C1", "2026-03-03"); d.Attempts != 1 || r.poster.calls != bot.DefaultMaxAttempts+1 {
			t.Errorf("next day's digest = %+v after %d calls; want its first attempt", d, r.poster.calls)
		}
	})
}

// TestSweepRefusalEndsAtOnce: when Slack refuses a digest in a way another attempt would
// only repeat (the channel is gone, the bot was removed), the digest is failed at once,
// not retried; the next day is tried afresh.
func TestSweepRefusalEndsAtOnce(t *testing.T) {
	eachBackend(t, func(t *testing.T, open storetest.Opener) {
		start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		r := newRig(t, open, start, testCorpus())
		r.poster.fail = func(int) error {
			return fmt.Errorf("chat.postMessage: %w", slack.SlackErrorResponse{Err: "not_in_channel"})
		}
		r.subscribe(t, store.Subscription{ChannelID: "C1", At: "09:00", Zone: "UTC", CreatedBy: "U1", CreatedAt: start.Add(-time.Hour)})
		for r.clock.Now().Before(start.Add(2 * time.Hour)) {
			r.sweep(t)
			r.clock.Advance(5 * time.Minute)
		}
		if r.poster.calls != 1 {
			t.Errorf("%d post attempts; want 1", r.poster.calls)
		}
		if d := r.digest(t, "C1", "2026-03-02"); d.State != store.StateFailed || d.Attempts != 1 || !strings.Contains(d.LastError, "not_in_channel") {
			t.Errorf("digest = %+v; want failed after 1 attempt", d)
		}
		if logs := r.logs.String(); strings.Count(logs, "giving up") != 1 || strings.Contains(logs, "will retry") {
			t.Errorf("want one log line giving up and none retrying:\n%s", logs)
		}
		r.clock.Set(start.Add(24 * time.Hour))
		r.sweep(t)
		if r.poster.calls != 2 {
			t.Errorf("%d post attempts after the next day's sweep; want 2", r.poster.calls)
		}
	})
}

func TestIsRefusal(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("chat.postMessage: %w", slack.SlackErrorResponse{Err: "channel_not_found"}), true},
		{fmt.Errorf("chat.postMessage: %w", slack.SlackErrorResponse{Err: "token_revoked"}), true},
		{fmt.Errorf("chat.postMessage: %w", slack.SlackErrorResponse{Err: "internal_error"}), false},
		{fmt.Errorf("chat.postMessage: %w", &slack.RateLimitedError{RetryAfter: time.Second}), false},
		{errors.New("chat.postMessage: channel_not_found"), false}, // not Slack's answer: a guess from text is not made
		{context.DeadlineExceeded, false},
		{nil, false},
	} {
		if got := bot.IsRefusal(tc.err); got != tc.want {
			t.Errorf("IsRefusal(%v) = %v; want %v", tc.err, got, tc.want)
		}
	}
}

// TestSweepCrashBetweenClaimAndPost: a sweeper that claimed and died holds the digest
// until its lease expires; then another posts it, once.
func TestSweepCrashBetweenClaimAndPost(t *testing.T) {
	eachBackend(t, func(t *testing.T, open storetest.Opener) {
		start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		r := newRig(t, open, start, testCorpus())
		r.subscribe(t, store.Subscription{ChannelID: "C1", At: "09:00", Zone: "UTC", CreatedBy: "U1", CreatedAt: start.Add(-time.Hour)})
		crashed := open(t, r.clock.Now) // the replica that dies
		key := store.DigestKey{ChannelID: "C1", Date: "2026-03-02"}
		if _, err := crashed.Claim(context.Background(), key, store.ClaimPolicy{Lease: bot.DefaultLease, MaxAttempts: bot.DefaultMaxAttempts}); err != nil {
			t.Fatal(err)
		}
		crashed.Close()

		for r.clock.Now().Before(start.Add(bot.DefaultLease)) {
			if sum := r.sweep(t); sum.Posted != 0 {
				t.Fatalf("sweep at %v under the dead sweeper's lease = %+v; want nothing posted", r.clock.Now(), sum)
			}
			r.clock.Advance(time.Minute)
		}
		if sum := r.sweep(t); sum.Posted != 1 {
			t.Fatalf("sweep once the lease expired = %+v; want 1 posted", sum)
		}
		r.clock.Advance(time.Minute)
		r.sweep(t)
		if n := len(r.poster.Posts()); n != 1 {
			t.Fatalf("%d posts; want 1", n)
		}
		if d := r.digest(t, "C1", "2026-03-02"); d.State != store.StatePosted || d.Attempts != 2 {
			t.Fatalf("digest = %+v; want posted on attempt 2", d)
		}
	})
}

const newArticle = `---
title: "Counties test paper backups before the primaries"
date: "2019-07-09"
publisher: "The Example Ledger"
author: ""
url: "https://example.com/news/paper-backups"
---
Election officials in three counties said Monday they would test paper backups for every voting machine before the primaries.

“Every county needs a paper trail that voters can trust, and we intend to have one long before the first ballot is cast,” said Jane Whitfield, the state elections director.
`

// TestDigestNewDocument: a file added to the corpus directory appears in the next digest;
// on a day with nothing new the digest is a quote from the archive, a different one each day.
func TestDigestNewDocument(t *testing.T) {
	eachBackend(t, func(t *testing.T, open storetest.Opener) {
		dir := t.TempDir()
		if err := os.CopyFS(dir, seeds.FS); err != nil {
			t.Fatal(err)
		}
		load := func() *corpus.Corpus {
			t.Helper()
			c, err := corpus.Load(os.DirFS(dir))
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		start := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		r := newRig(t, open, start, load())
		// Subscribing the way a user does marks what the corpus holds as already seen.
		d := handlers.NewDigester(r.store, r.corpus, r.clock.Now, nil)
		d.DigestCommand(context.Background(), handlers.Request{ChannelID: "C1", UserID: "U1", UserTZ: "UTC"}, "on 09:00")

		r.clock.Set(start.Add(time.Hour))
		r.sweep(t)
		day1 := r.digest(t, "C1", "2026-03-02")
		if day1.State != store.StatePosted || len(day1.DocIDs) != 0 || len(day1.QuoteIDs) != 1 {
			t.Fatalf("first digest = %+v; want a quote from the archive and no documents", day1)
		}

		if err := os.WriteFile(filepath.Join(dir, "005_paper_backups.txt"), []byte(newArticle), 0o644); err != nil {
			t.Fatal(err)
		}
		r.clock.Advance(6 * time.Hour)
		r.corpus.p.Store(load()) // the refresh
		r.clock.Advance(18 * time.Hour)
		r.sweep(t)
		day2 := r.digest(t, "C1", "2026-03-03")
		if len(day2.DocIDs) != 1 || day2.DocIDs[0] != "005_paper_backups" {
			t.Fatalf("second digest featured documents %q; want the new file's", day2.DocIDs)
		}
		posts := r.poster.Posts()
		text := handlers.MessagePlainText(posts[len(posts)-1].msg)
		for _, want := range []string{"Counties test paper backups before the primaries", "The Example Ledger", "paper trail"} {
			if !strings.Contains(text, want) {
				t.Errorf("second digest lacks %q:\n%s", want, text)
			}
		}

		r.clock.Advance(24 * time.Hour)
		r.sweep(t)
		day3 := r.digest(t, "C1", "2026-03-04")
		if len(day3.DocIDs) != 0 || len(day3.QuoteIDs) != 1 || day3.QuoteIDs[0] == day1.QuoteIDs[0] {
			t.Fatalf("third digest = %+v; want an archive quote other than day one's %s", day3, day1.QuoteIDs)
		}
		r.checkPosts(t)
	})
}

var _ fs.FS = seeds.FS
