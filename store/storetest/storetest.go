package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/elecsec/elecsec/store"
)

// Epoch is where the suite's clocks start.
var Epoch = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)

// Run runs the conformance suite against the implementation newDB creates databases for.
// Each subtest gets a fresh database.
func Run(t *testing.T, newDB NewDB) {
	tests := []struct {
		name string
		f    func(*testing.T, Opener)
	}{
		{"Migrations", testMigrations},
		{"Subscriptions", testSubscriptions},
		{"ClaimOnce", testClaimOnce},
		{"RacingSweepers", testRacingSweepers},
		{"LeaseExpiry", testLeaseExpiry},
		{"FailureRetried", testFailureRetried},
		{"CrashOnLastAttempt", testCrashOnLastAttempt},
		{"Skipped", testSkipped},
		{"FeaturedQuotes", testFeaturedQuotes},
		{"Documents", testDocuments},
		{"Events", testEvents},
		{"RacingEvents", testRacingEvents},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.f(t, newDB(t))
		})
	}
}

var policy = store.ClaimPolicy{Lease: 5 * time.Minute, MaxAttempts: 3}

func mustClaim(tb testing.TB, s store.Store, key store.DigestKey) store.Claim {
	tb.Helper()
	c, err := s.Claim(context.Background(), key, policy)
	if err != nil {
		tb.Fatalf("Claim(%v) = %v; want a claim", key, err)
	}
	return c
}

func wantErr(tb testing.TB, what string, got, want error) {
	tb.Helper()
	if !errors.Is(got, want) {
		tb.Fatalf("%s = %v; want %v", what, got, want)
	}
}

func mustDigest(tb testing.TB, s store.Store, key store.DigestKey) store.Digest {
	tb.Helper()
	d, err := s.Digest(context.Background(), key)
	if err != nil {
		tb.Fatalf("Digest(%v) = %v", key, err)
	}
	return d
}

func testMigrations(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	s := open(t, clock.Now)
	sub := store.Subscription{ChannelID: "C1", At: "09:00", Zone: "UTC", CreatedBy: "U1"}
	if err := s.PutSubscription(ctx, sub); err != nil {
		t.Fatal(err)
	}
	// A second handle re-runs the migrations: nothing is applied twice, nothing is lost.
	again := open(t, clock.Now)
	if _, err := again.Subscription(ctx, "C1"); err != nil {
		t.Fatalf("after reopening, Subscription(C1) = %v", err)
	}
}

func testSubscriptions(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	s := open(t, clock.Now)

	if _, err := s.Subscription(ctx, "C1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Subscription(C1) on an empty store = %v; want ErrNotFound", err)
	}
	wantErr(t, "DeleteSubscription(C1) on an empty store", s.DeleteSubscription(ctx, "C1"), store.ErrNotFound)

	for _, bad := range []store.Subscription{
		{ChannelID: "", At: "09:00", Zone: "UTC"},
		{ChannelID: "C1", At: "9:00", Zone: "UTC"},
		{ChannelID: "C1", At: "24:00", Zone: "UTC"},
		{ChannelID: "C1", At: "09:00", Zone: "Mars/Olympus"},
		{ChannelID: "C1", At: "09:00", Zone: "Local"},
	} {
		if err := s.PutSubscription(ctx, bad); err == nil {
			t.Errorf("PutSubscription(%+v) = nil; want an error", bad)
		}
	}

	b := store.Subscription{ChannelID: "C2", TeamID: "T1", At: "07:30", Zone: "Europe/Berlin", CreatedBy: "U2",
		CreatedAt: Epoch.Add(-time.Hour).Add(123456 * time.Nanosecond)}
	a := store.Subscription{ChannelID: "C1", TeamID: "T1", At: "09:00", Zone: "America/New_York", SkipEmpty: true, CreatedBy: "U1"}
	for _, sub := range []store.Subscription{b, a} {
		if err := s.PutSubscription(ctx, sub); err != nil {
			t.Fatalf("PutSubscription(%+v) = %v", sub, err)
		}
	}
	a.CreatedAt = Epoch                                  // a zero CreatedAt means now
	b.CreatedAt = b.CreatedAt.Truncate(time.Microsecond) // the precision both databases keep
	got, err := s.ListSubscriptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []store.Subscription{a, b}; !equalSubscriptions(got, want) {
		t.Fatalf("ListSubscriptions() = %+v; want %+v", got, want)
	}

	a.At, a.Zone, a.SkipEmpty, a.CreatedBy = "18:45", "Asia/Kolkata", false, "U3"
	a.CreatedAt = Epoch.Add(time.Minute)
	if err := s.PutSubscription(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Subscription(ctx, "C1"); err != nil || !equalSubscriptions([]store.Subscription{got}, []store.Subscription{a}) {
		t.Fatalf("Subscription(C1) after replacing = %+v, %v; want %+v", got, err, a)
	}

	if err := s.DeleteSubscription(ctx, "C1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Subscription(ctx, "C1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Subscription(C1) after delete = %v; want ErrNotFound", err)
	}
	if got, _ := s.ListSubscriptions(ctx); len(got) != 1 || got[0].ChannelID != "C2" {
		t.Fatalf("ListSubscriptions() after delete = %+v; want C2 alone", got)
	}
}

func equalSubscriptions(a, b []store.Subscription) bool {
	return slices.EqualFunc(a, b, func(x, y store.Subscription) bool {
		tx, ty := x.CreatedAt, y.CreatedAt
		x.CreatedAt, y.CreatedAt = time.Time{}, time.Time{}
		return x == y && tx.Equal(ty)
	})
}

func testClaimOnce(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	s := open(t, clock.Now)
	key := store.DigestKey{ChannelID: "C1", Date: "2026-03-02"}

	if _, err := s.Digest(ctx, key); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Digest before any claim = %v; want ErrNotFound", err)
	}
	if _, err := s.LastPosted(ctx, "C1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("LastPosted before any digest = %v; want ErrNotFound", err)
	}
	c := mustClaim(t, s, key)
	if c.Attempt != 1 || c.Token == "" || !c.LeaseUntil.Equal(Epoch.Add(policy.Lease)) {
		t.Fatalf("first claim = %+v; want attempt 1, a token, lease until %v", c, Epoch.Add(policy.Lease))
	}
	_, err := s.Claim(ctx, key, policy)
	wantErr(t, "a second Claim under a live lease", err, store.ErrTaken)
	if d := mustDigest(t, s, key); d.State != store.StateClaimed || d.Attempts != 1 || d.MaxAttempts != 3 {
		t.Fatalf("claimed digest = %+v; want claimed, 1 attempt of 3", d)
	}

	clock.Advance(time.Minute)
	post := store.Post{MessageTS: "1700000000.000100", AsOf: Epoch, DocIDs: []string{"d2", "d1"}, QuoteIDs: []string{"d2#q1"}}
	if err := s.RecordPosted(ctx, c, post); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "RecordPosted twice", s.RecordPosted(ctx, c, post), store.ErrLostClaim)
	_, err = s.RecordFailure(ctx, c, "late", clock.Now())
	wantErr(t, "RecordFailure after RecordPosted", err, store.ErrLostClaim)

	clock.Advance(24 * time.Hour) // long past the lease: a posted digest stays posted
	_, err = s.Claim(ctx, key, policy)
	wantErr(t, "Claim of a posted digest", err, store.ErrTaken)

	d := mustDigest(t, s, key)
	if d.State != store.StatePosted || d.MessageTS != post.MessageTS || !d.AsOf.Equal(Epoch) ||
		!d.FinishedAt.Equal(Epoch.Add(time.Minute)) || !slices.Equal(d.DocIDs, post.DocIDs) || !slices.Equal(d.QuoteIDs, post.QuoteIDs) {
		t.Fatalf("posted digest = %+v; want %+v, finished at %v", d, post, Epoch.Add(time.Minute))
	}
	last, err := s.LastPosted(ctx, "C1")
	if err != nil || last.Date != key.Date {
		t.Fatalf("LastPosted(C1) = %+v, %v; want %s", last, err, key.Date)
	}
	if _, err := s.LastPosted(ctx, "C2"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("LastPosted(C2) = %v; want ErrNotFound", err)
	}

	// The next day is a new digest.
	next := mustClaim(t, s, store.DigestKey{ChannelID: "C1", Date: "2026-03-03"})
	if next.Attempt != 1 {
		t.Fatalf("next day's claim = %+v; want attempt 1", next)
	}
}

// testRacingSweepers has several handles, as several replicas, claim the same channel-days
// at once: exactly one claim per channel-day may win.
func testRacingSweepers(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	const replicas, goroutines, channels = 3, 4, 5
	var handles []store.Store
	for range replicas {
		handles = append(handles, open(t, clock.Now))
	}
	var (
		mu   sync.Mutex
		wins = map[store.DigestKey]int{}
		wg   sync.WaitGroup
		errs = make(chan error, replicas*goroutines*channels*2)
	)
	start := make(chan struct{})
	for _, s := range handles {
		for range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				for ch := range channels {
					for _, date := range []string{"2026-03-02", "2026-03-03"} {
						key := store.DigestKey{ChannelID: fmt.Sprintf("C%d", ch), Date: date}
						_, err := s.Claim(ctx, key, policy)
						switch {
						case err == nil:
							mu.Lock()
							wins[key]++
							mu.Unlock()
						case !errors.Is(err, store.ErrTaken):
							errs <- err
						}
					}
				}
			}()
		}
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if len(wins) != channels*2 {
		t.Errorf("%d channel-days claimed; want %d", len(wins), channels*2)
	}
	for key, n := range wins {
		if n != 1 {
			t.Errorf("%v claimed %d times; want once", key, n)
		}
	}
}

// testLeaseExpiry: a sweeper claims and crashes; once the lease expires another takes over,
// and the crashed holder can no longer record.
func testLeaseExpiry(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	a, b := open(t, clock.Now), open(t, clock.Now)
	key := store.DigestKey{ChannelID: "C1", Date: "2026-03-02"}

	crashed := mustClaim(t, a, key)
	clock.Advance(policy.Lease - time.Second)
	_, err := b.Claim(ctx, key, policy)
	wantErr(t, "Claim a second before the lease expires", err, store.ErrTaken)

	clock.Advance(time.Second)
	taken := mustClaim(t, b, key)
	if taken.Attempt != 2 || taken.Token == crashed.Token {
		t.Fatalf("claim after lease expiry = %+v; want attempt 2 with a new token", taken)
	}
	wantErr(t, "RecordPosted by the crashed holder", a.RecordPosted(ctx, crashed, store.Post{MessageTS: "1"}), store.ErrLostClaim)
	if err := b.RecordPosted(ctx, taken, store.Post{MessageTS: "2", AsOf: clock.Now()}); err != nil {
		t.Fatal(err)
	}
	if d := mustDigest(t, a, key); d.State != store.StatePosted || d.MessageTS != "2" || d.Attempts != 2 {
		t.Fatalf("digest = %+v; want posted as 2 after 2 attempts", d)
	}
}

// testFailureRetried: failed posts are retried under the same row once retryAt passes,
// until the attempts are used up.
func testFailureRetried(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	s := open(t, clock.Now)
	key := store.DigestKey{ChannelID: "C1", Date: "2026-03-02"}

	for attempt := 1; attempt <= policy.MaxAttempts; attempt++ {
		c := mustClaim(t, s, key)
		if c.Attempt != attempt {
			t.Fatalf("claim %d has Attempt %d", attempt, c.Attempt)
		}
		failed, err := s.RecordFailure(ctx, c, fmt.Sprintf("slack: ratelimited %d", attempt), clock.Now().Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if want := attempt == policy.MaxAttempts; failed != want {
			t.Fatalf("RecordFailure on attempt %d = %v; want %v", attempt, failed, want)
		}
		d := mustDigest(t, s, key)
		if d.Attempts != attempt || d.LastError != fmt.Sprintf("slack: ratelimited %d", attempt) {
			t.Fatalf("digest after failure %d = %+v", attempt, d)
		}
		if attempt < policy.MaxAttempts {
			_, err = s.Claim(ctx, key, policy)
			wantErr(t, "Claim before retryAt", err, store.ErrTaken)
			wantErr(t, "RecordPosted after releasing the claim", s.RecordPosted(ctx, c, store.Post{}), store.ErrLostClaim)
		}
		clock.Advance(time.Minute)
	}
	d := mustDigest(t, s, key)
	if d.State != store.StateFailed || d.FinishedAt.IsZero() {
		t.Fatalf("digest after %d failures = %+v; want failed", policy.MaxAttempts, d)
	}
	clock.Advance(time.Hour)
	_, err := s.Claim(ctx, key, policy)
	wantErr(t, "Claim of a failed digest", err, store.ErrTaken)

	// A failure that another attempt would only repeat ends the digest at once.
	final := store.DigestKey{ChannelID: "C3", Date: "2026-03-02"}
	c3 := mustClaim(t, s, final)
	if failed, err := s.RecordFailure(ctx, c3, "channel_not_found", time.Time{}); err != nil || !failed {
		t.Fatalf("RecordFailure with no retry = %v, %v; want failed", failed, err)
	}
	if d := mustDigest(t, s, final); d.State != store.StateFailed || d.Attempts != 1 || d.FinishedAt.IsZero() || d.LastError != "channel_not_found" {
		t.Fatalf("digest after a final failure = %+v", d)
	}
	clock.Advance(time.Hour)
	_, err = s.Claim(ctx, final, policy)
	wantErr(t, "Claim after a final failure", err, store.ErrTaken)

	// A failure then a success is one post.
	other := store.DigestKey{ChannelID: "C2", Date: "2026-03-02"}
	c := mustClaim(t, s, other)
	if _, err := s.RecordFailure(ctx, c, "timeout", clock.Now()); err != nil {
		t.Fatal(err)
	}
	c = mustClaim(t, s, other)
	if err := s.RecordPosted(ctx, c, store.Post{MessageTS: "9"}); err != nil {
		t.Fatal(err)
	}
	if d := mustDigest(t, s, other); d.State != store.StatePosted || d.Attempts != 2 || d.LastError != "timeout" {
		t.Fatalf("digest after a failure and a success = %+v", d)
	}
}

// testCrashOnLastAttempt: a holder that stops on the last allowed attempt leaves the digest
// failed, reported once as ErrGaveUp.
func testCrashOnLastAttempt(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	s := open(t, clock.Now)
	key := store.DigestKey{ChannelID: "C1", Date: "2026-03-02"}
	for range policy.MaxAttempts {
		mustClaim(t, s, key)
		clock.Advance(policy.Lease)
	}
	_, err := s.Claim(ctx, key, policy)
	wantErr(t, "Claim after the last attempt crashed", err, store.ErrGaveUp)
	_, err = s.Claim(ctx, key, policy)
	wantErr(t, "Claim once given up", err, store.ErrTaken)
	if d := mustDigest(t, s, key); d.State != store.StateFailed || d.Attempts != policy.MaxAttempts || d.LastError == "" {
		t.Fatalf("digest = %+v; want failed after %d attempts, with a reason", d, policy.MaxAttempts)
	}
}

func testSkipped(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	s := open(t, clock.Now)
	posted := store.DigestKey{ChannelID: "C1", Date: "2026-03-01"}
	if err := s.RecordPosted(ctx, mustClaim(t, s, posted), store.Post{MessageTS: "1", AsOf: Epoch}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(24 * time.Hour)
	skipped := store.DigestKey{ChannelID: "C1", Date: "2026-03-02"}
	c := mustClaim(t, s, skipped)
	if err := s.RecordSkipped(ctx, c, clock.Now()); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "RecordSkipped twice", s.RecordSkipped(ctx, c, clock.Now()), store.ErrLostClaim)
	if d := mustDigest(t, s, skipped); d.State != store.StateSkipped || !d.AsOf.Equal(clock.Now()) {
		t.Fatalf("skipped digest = %+v", d)
	}
	if last, err := s.LastPosted(ctx, "C1"); err != nil || last.Date != posted.Date {
		t.Fatalf("LastPosted(C1) = %+v, %v; want %s: a skipped day is not a post", last, err, posted.Date)
	}
	clock.Advance(time.Hour)
	_, err := s.Claim(ctx, skipped, policy)
	wantErr(t, "Claim of a skipped digest", err, store.ErrTaken)
}

func testFeaturedQuotes(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	s := open(t, clock.Now)
	post := func(channel, date string, quotes ...string) {
		t.Helper()
		c := mustClaim(t, s, store.DigestKey{ChannelID: channel, Date: date})
		if err := s.RecordPosted(ctx, c, store.Post{MessageTS: "1", AsOf: clock.Now(), QuoteIDs: quotes}); err != nil {
			t.Fatal(err)
		}
	}
	post("C1", "2026-03-02", "a#q1", "a#q2")
	clock.Advance(24 * time.Hour)
	post("C1", "2026-03-03", "b#q1")
	post("C2", "2026-03-03", "c#q1")
	// A failed digest features nothing.
	c := mustClaim(t, s, store.DigestKey{ChannelID: "C1", Date: "2026-03-04"})
	if _, err := s.RecordFailure(ctx, c, "x", clock.Now()); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		channel string
		since   time.Time
		want    []string
	}{
		{"C1", Epoch, []string{"a#q1", "a#q2", "b#q1"}},
		{"C1", Epoch.Add(time.Second), []string{"b#q1"}},
		{"C1", Epoch.Add(48 * time.Hour), nil},
		{"C2", Epoch, []string{"c#q1"}},
		{"C3", Epoch, nil},
	} {
		got, err := s.FeaturedQuotes(ctx, tt.channel, tt.since)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FeaturedQuotes(%s, %v) = %q; want %q", tt.channel, tt.since, got, tt.want)
		}
	}
}

func testDocuments(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	s := open(t, clock.Now)
	if err := s.SeeDocuments(ctx, []string{"b", "a"}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	if err := s.SeeDocuments(ctx, []string{"a", "b", "c"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SeeDocuments(ctx, nil); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		after, until time.Time
		want         []string
	}{
		{time.Time{}, Epoch.Add(time.Hour), []string{"a", "b", "c"}},
		{time.Time{}, Epoch, []string{"a", "b"}},
		{Epoch, Epoch.Add(time.Hour), []string{"c"}},
		{Epoch.Add(time.Hour), Epoch.Add(2 * time.Hour), nil},
	} {
		got, err := s.DocumentsSeen(ctx, tt.after, tt.until)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("DocumentsSeen(%v, %v) = %q; want %q", tt.after, tt.until, got, tt.want)
		}
	}
}

// testEvents: an event is taken once within its time; after it, a new delivery is first
// again; old events are forgotten.
func testEvents(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	s := open(t, clock.Now)
	take := func(id string, want bool) {
		t.Helper()
		first, err := s.TakeEvent(ctx, id, 10*time.Minute)
		if err != nil || first != want {
			t.Fatalf("TakeEvent(%s) at %v = %v, %v; want %v", id, clock.Now(), first, err, want)
		}
	}
	take("Ev1", true)
	take("Ev1", false)
	take("Ev2", true)
	clock.Advance(9 * time.Minute)
	take("Ev1", false)
	clock.Advance(time.Minute)
	take("Ev1", true) // its time has passed: a delivery this late is a new one
	take("Ev1", false)
	for i := range 40 { // many events, then long past them: the old ones are deleted as new ones come
		take(fmt.Sprintf("Old%d", i), true)
	}
	clock.Advance(time.Hour)
	for i := range 40 {
		take(fmt.Sprintf("New%d", i), true)
	}
	for i := range 40 {
		take(fmt.Sprintf("Old%d", i), true)
	}
}

// testRacingEvents: several handles, as several replicas, take the same events at once;
// each event is taken exactly once.
func testRacingEvents(t *testing.T, open Opener) {
	ctx := context.Background()
	clock := NewClock(Epoch)
	var handles []store.Store
	for range 3 {
		handles = append(handles, open(t, clock.Now))
	}
	const events = 50
	var taken [events]atomic.Int32
	var wg sync.WaitGroup
	for _, h := range handles {
		for range 2 {
			wg.Go(func() {
				for e := range events {
					first, err := h.TakeEvent(ctx, fmt.Sprintf("Ev%d", e), 10*time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					if first {
						taken[e].Add(1)
					}
				}
			})
		}
	}
	wg.Wait()
	for e := range taken {
		if n := taken[e].Load(); n != 1 {
			t.Errorf("event %d taken %d times; want once", e, n)
		}
	}
}
