// Package sqlstore is the SQL both store implementations share. The statements are written
// in the common subset of SQLite and Postgres ($N parameters, INSERT … ON CONFLICT,
// RETURNING); what differs, the connection, the schema and how a time is stored, comes from
// the implementation.
package sqlstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/elecsec/elecsec/store"
)

// maxErrorLen bounds the failure reason kept in the ledger.
const maxErrorLen = 500

// DB is a store.Store over database/sql.
type DB struct {
	w    Pool // for writes; for SQLite, a single connection
	r    Pool // for reads; may be w
	now  func() time.Time
	time func(time.Time) any // how the database stores a time
}

var _ store.Store = (*DB)(nil)

// New returns a store that writes through w, reads through r, reads the time from now and
// stores a time as encodeTime returns it. Close closes w and r.
func New(w, r Pool, now func() time.Time, encodeTime func(time.Time) any) *DB {
	return &DB{w: w, r: r, now: now, time: encodeTime}
}

// Close closes the database.
func (db *DB) Close() error {
	err := db.w.Close()
	if db.r != db.w {
		err = errors.Join(err, db.r.Close())
	}
	return err
}

// clock returns the current time at the precision both databases keep.
func (db *DB) clock() time.Time { return db.now().UTC().Truncate(time.Microsecond) }

// nullTime stores the zero time as NULL.
func (db *DB) nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return db.time(t.UTC().Truncate(time.Microsecond))
}

// timeOf scans a stored time: microseconds since the epoch (SQLite), a time (Postgres) or NULL.
type timeOf struct{ t *time.Time }

func (s timeOf) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*s.t = time.Time{}
	case int64:
		*s.t = time.UnixMicro(v).UTC()
	case time.Time:
		*s.t = v.UTC()
	default:
		return fmt.Errorf("sqlstore: cannot scan %T as a time", v)
	}
	return nil
}

// PutSubscription creates or replaces the subscription of s.ChannelID. A zero CreatedAt
// means now.
func (db *DB) PutSubscription(ctx context.Context, s store.Subscription) error {
	if err := s.Validate(); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if s.CreatedAt.IsZero() {
		s.CreatedAt = db.clock()
	}
	_, err := db.w.Exec(ctx, `
		INSERT INTO subscriptions (channel_id, team_id, local_time, zone, skip_empty, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (channel_id) DO UPDATE SET
			team_id = excluded.team_id, local_time = excluded.local_time, zone = excluded.zone,
			skip_empty = excluded.skip_empty, created_by = excluded.created_by, created_at = excluded.created_at`,
		s.ChannelID, s.TeamID, s.At, s.Zone, s.SkipEmpty, s.CreatedBy, db.time(s.CreatedAt.UTC().Truncate(time.Microsecond)))
	if err != nil {
		return fmt.Errorf("store: put subscription: %w", err)
	}
	return nil
}

// DeleteSubscription removes a channel's subscription.
func (db *DB) DeleteSubscription(ctx context.Context, channelID string) error {
	n, err := db.w.Exec(ctx, `DELETE FROM subscriptions WHERE channel_id = $1`, channelID)
	if err != nil {
		return fmt.Errorf("store: delete subscription: %w", err)
	}
	if n == 0 {
		return store.ErrNotFound
	}
	return nil
}

const subscriptionColumns = `channel_id, team_id, local_time, zone, skip_empty, created_by, created_at`

func scanSubscription(row interface{ Scan(...any) error }) (store.Subscription, error) {
	var s store.Subscription
	err := row.Scan(&s.ChannelID, &s.TeamID, &s.At, &s.Zone, &s.SkipEmpty, &s.CreatedBy, timeOf{&s.CreatedAt})
	return s, err
}

// Subscription returns a channel's subscription.
func (db *DB) Subscription(ctx context.Context, channelID string) (store.Subscription, error) {
	s, err := scanSubscription(db.r.QueryRow(ctx,
		`SELECT `+subscriptionColumns+` FROM subscriptions WHERE channel_id = $1`, channelID))
	if errors.Is(err, ErrNoRows) {
		return store.Subscription{}, store.ErrNotFound
	} else if err != nil {
		return store.Subscription{}, fmt.Errorf("store: subscription: %w", err)
	}
	return s, nil
}

// ListSubscriptions returns every subscription, ordered by channel id.
func (db *DB) ListSubscriptions(ctx context.Context) ([]store.Subscription, error) {
	rows, err := db.r.Query(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions ORDER BY channel_id`)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	defer rows.Close()
	var subs []store.Subscription
	for rows.Next() {
		s, err := scanSubscription(rows)
		if err != nil {
			return nil, fmt.Errorf("store: subscriptions: %w", err)
		}
		subs = append(subs, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	return subs, nil
}

func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}

// Claim claims the digest for key. One statement does it, so the database decides the
// race: the INSERT wins for the first sweeper; for the others the row exists and the
// update's WHERE admits only a claimed row whose lease has expired. Postgres re-checks that
// WHERE against the committed row after waiting on its lock; SQLite has one writer at a time.
func (db *DB) Claim(ctx context.Context, key store.DigestKey, p store.ClaimPolicy) (store.Claim, error) {
	if key.ChannelID == "" || key.Date == "" {
		return store.Claim{}, fmt.Errorf("store: claim: empty channel or date")
	}
	if p.Lease <= 0 || p.MaxAttempts < 1 {
		return store.Claim{}, fmt.Errorf("store: claim: lease %v and max attempts %d must be positive", p.Lease, p.MaxAttempts)
	}
	now := db.clock()
	c := store.Claim{DigestKey: key, Token: newToken(), LeaseUntil: now.Add(p.Lease)}
	var state store.DigestState
	err := db.w.QueryRow(ctx, `
		INSERT INTO digests (channel_id, local_date, state, token, attempts, max_attempts, lease_until, created_at, updated_at)
		VALUES ($1, $2, 'claimed', $3, 1, $4, $5, $6, $6)
		ON CONFLICT (channel_id, local_date) DO UPDATE SET
			state = CASE WHEN digests.attempts >= digests.max_attempts THEN 'failed' ELSE 'claimed' END,
			token = CASE WHEN digests.attempts >= digests.max_attempts THEN '' ELSE excluded.token END,
			attempts = CASE WHEN digests.attempts >= digests.max_attempts THEN digests.attempts ELSE digests.attempts + 1 END,
			last_error = CASE WHEN digests.attempts >= digests.max_attempts
				THEN 'the last attempt stopped before recording a result' ELSE digests.last_error END,
			finished_at = CASE WHEN digests.attempts >= digests.max_attempts THEN excluded.updated_at ELSE digests.finished_at END,
			lease_until = excluded.lease_until,
			updated_at = excluded.updated_at
		WHERE digests.state = 'claimed' AND digests.lease_until <= excluded.updated_at
		RETURNING state, attempts`,
		key.ChannelID, key.Date, c.Token, p.MaxAttempts, db.time(c.LeaseUntil), db.time(now),
	).Scan(&state, &c.Attempt)
	switch {
	case errors.Is(err, ErrNoRows):
		return store.Claim{}, store.ErrTaken
	case err != nil:
		return store.Claim{}, fmt.Errorf("store: claim: %w", err)
	case state == store.StateFailed:
		return store.Claim{}, store.ErrGaveUp
	}
	return c, nil
}

// finish moves a claimed digest to state, in tx, if c still holds it.
func (db *DB) finish(ctx context.Context, tx Tx, c store.Claim, state store.DigestState, ts string, asOf, now time.Time) error {
	n, err := tx.Exec(ctx, `
		UPDATE digests SET state = $4, token = '', message_ts = $5, as_of = $6, finished_at = $7, updated_at = $7
		WHERE channel_id = $1 AND local_date = $2 AND token = $3 AND state = 'claimed'`,
		c.ChannelID, c.Date, c.Token, string(state), ts, db.nullTime(asOf), db.time(now))
	if err != nil {
		return err
	}
	if n == 0 {
		return store.ErrLostClaim
	}
	return nil
}

// RecordPosted marks a claimed digest posted, with what it featured.
func (db *DB) RecordPosted(ctx context.Context, c store.Claim, p store.Post) error {
	return db.inTx(ctx, "record posted", func(tx Tx) error {
		if err := db.finish(ctx, tx, c, store.StatePosted, p.MessageTS, p.AsOf, db.clock()); err != nil {
			return err
		}
		for kind, ids := range map[string][]string{"document": p.DocIDs, "quote": p.QuoteIDs} {
			seen := map[string]bool{}
			for i, id := range ids {
				if seen[id] {
					continue
				}
				seen[id] = true
				if _, err := tx.Exec(ctx, `
					INSERT INTO digest_items (channel_id, local_date, kind, position, item_id)
					VALUES ($1, $2, $3, $4, $5)`, c.ChannelID, c.Date, kind, i, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// RecordSkipped marks a claimed digest skipped.
func (db *DB) RecordSkipped(ctx context.Context, c store.Claim, asOf time.Time) error {
	return db.inTx(ctx, "record skipped", func(tx Tx) error {
		return db.finish(ctx, tx, c, store.StateSkipped, "", asOf, db.clock())
	})
}

// RecordFailure records a failed attempt and releases the claim until retryAt, or marks the
// digest failed when its attempts are used up or retryAt is zero.
func (db *DB) RecordFailure(ctx context.Context, c store.Claim, reason string, retryAt time.Time) (bool, error) {
	now := db.clock()
	final := retryAt.IsZero()
	if retryAt.Before(now) {
		retryAt = now
	}
	var state store.DigestState
	err := db.w.QueryRow(ctx, `
		UPDATE digests SET
			state = CASE WHEN attempts >= max_attempts OR $7 THEN 'failed' ELSE 'claimed' END,
			finished_at = CASE WHEN attempts >= max_attempts OR $7 THEN $5 ELSE finished_at END,
			token = '', last_error = $4, lease_until = $6, updated_at = $5
		WHERE channel_id = $1 AND local_date = $2 AND token = $3 AND state = 'claimed'
		RETURNING state`,
		c.ChannelID, c.Date, c.Token, truncate(reason, maxErrorLen), db.time(now), db.time(retryAt), final,
	).Scan(&state)
	if errors.Is(err, ErrNoRows) {
		return false, store.ErrLostClaim
	} else if err != nil {
		return false, fmt.Errorf("store: record failure: %w", err)
	}
	return state == store.StateFailed, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func (db *DB) inTx(ctx context.Context, what string, f func(Tx) error) error {
	tx, err := db.w.Begin(ctx)
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := f(tx); errors.Is(err, store.ErrLostClaim) {
		return err
	} else if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	return nil
}

const digestColumns = `channel_id, local_date, state, attempts, max_attempts, lease_until, last_error,
	message_ts, as_of, finished_at, created_at, updated_at`

// digest reads one ledger row and its items.
func (db *DB) digest(ctx context.Context, where string, args ...any) (store.Digest, error) {
	var d store.Digest
	err := db.r.QueryRow(ctx, `SELECT `+digestColumns+` FROM digests `+where, args...).Scan(
		&d.ChannelID, &d.Date, &d.State, &d.Attempts, &d.MaxAttempts, timeOf{&d.LeaseUntil}, &d.LastError,
		&d.MessageTS, timeOf{&d.AsOf}, timeOf{&d.FinishedAt}, timeOf{&d.CreatedAt}, timeOf{&d.UpdatedAt})
	if errors.Is(err, ErrNoRows) {
		return store.Digest{}, store.ErrNotFound
	} else if err != nil {
		return store.Digest{}, fmt.Errorf("store: digest: %w", err)
	}
	rows, err := db.r.Query(ctx, `
		SELECT kind, item_id FROM digest_items WHERE channel_id = $1 AND local_date = $2
		ORDER BY kind, position`, d.ChannelID, d.Date)
	if err != nil {
		return store.Digest{}, fmt.Errorf("store: digest items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, id string
		if err := rows.Scan(&kind, &id); err != nil {
			return store.Digest{}, fmt.Errorf("store: digest items: %w", err)
		}
		if kind == "document" {
			d.DocIDs = append(d.DocIDs, id)
		} else {
			d.QuoteIDs = append(d.QuoteIDs, id)
		}
	}
	if err := rows.Err(); err != nil {
		return store.Digest{}, fmt.Errorf("store: digest items: %w", err)
	}
	return d, nil
}

// Digest returns the ledger row for key.
func (db *DB) Digest(ctx context.Context, key store.DigestKey) (store.Digest, error) {
	return db.digest(ctx, `WHERE channel_id = $1 AND local_date = $2`, key.ChannelID, key.Date)
}

// LastPosted returns the channel's most recently posted digest.
func (db *DB) LastPosted(ctx context.Context, channelID string) (store.Digest, error) {
	return db.digest(ctx, `WHERE channel_id = $1 AND state = 'posted' ORDER BY finished_at DESC, local_date DESC LIMIT 1`, channelID)
}

// FeaturedQuotes returns the quotes featured in the channel's digests posted since since.
func (db *DB) FeaturedQuotes(ctx context.Context, channelID string, since time.Time) ([]string, error) {
	return db.strings(ctx, "featured quotes", `
		SELECT DISTINCT i.item_id FROM digest_items i
		JOIN digests d ON d.channel_id = i.channel_id AND d.local_date = i.local_date
		WHERE d.channel_id = $1 AND d.state = 'posted' AND d.finished_at >= $2 AND i.kind = 'quote'
		ORDER BY i.item_id`, channelID, db.time(since.UTC().Truncate(time.Microsecond)))
}

// SeeDocuments records the ids as seen now, keeping earlier first-seen times.
func (db *DB) SeeDocuments(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	now := db.time(db.clock())
	return db.inTx(ctx, "see documents", func(tx Tx) error {
		for _, id := range ids {
			if _, err := tx.Exec(ctx, `INSERT INTO documents (doc_id, first_seen) VALUES ($1, $2) ON CONFLICT (doc_id) DO NOTHING`, id, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// DocumentsSeen returns the ids first seen in (after, until], oldest first.
func (db *DB) DocumentsSeen(ctx context.Context, after, until time.Time) ([]string, error) {
	return db.strings(ctx, "documents seen", `
		SELECT doc_id FROM documents WHERE first_seen > $1 AND first_seen <= $2 ORDER BY first_seen, doc_id`,
		db.time(after.UTC().Truncate(time.Microsecond)), db.time(until.UTC().Truncate(time.Microsecond)))
}

// TakeEvent inserts the event id, or renews a row whose time has passed; either way it
// was the first to take the event. A row still live means another delivery took it. Rows
// long expired are deleted along the way, a few at a time.
func (db *DB) TakeEvent(ctx context.Context, id string, ttl time.Duration) (bool, error) {
	now := db.clock()
	var taken string
	err := db.w.QueryRow(ctx, `
		INSERT INTO events (event_id, expires_at) VALUES ($1, $2)
		ON CONFLICT (event_id) DO UPDATE SET expires_at = excluded.expires_at
		WHERE events.expires_at <= $3
		RETURNING event_id`,
		id, db.time(now.Add(ttl)), db.time(now)).Scan(&taken)
	first := err == nil
	if err != nil && !errors.Is(err, ErrNoRows) {
		return false, fmt.Errorf("store: take event: %w", err)
	}
	// Forget events that expired a while ago. Bounded, so no call pays for a backlog.
	if _, err := db.w.Exec(ctx, `
		DELETE FROM events WHERE event_id IN (
			SELECT event_id FROM events WHERE expires_at < $1 ORDER BY expires_at LIMIT 16)`,
		db.time(now.Add(-ttl))); err != nil {
		return first, fmt.Errorf("store: forget events: %w", err)
	}
	return first, nil
}

func (db *DB) strings(ctx context.Context, what, query string, args ...any) ([]string, error) {
	rows, err := db.r.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("store: %s: %w", what, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	return out, nil
}
