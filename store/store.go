// Package store holds elecsec's state: which channels subscribe to the daily digest, and a
// ledger of the digests posted, so that a digest goes out exactly once per channel and day
// even when several replicas sweep the same database.
//
// The package declares the domain types and the Store interface and imports no database.
// Implementations live in subpackages, one per database: store/sqlite (the default, a file)
// and store/postgres (for several replicas). Each registers itself with Register when
// imported, and Open picks one by the URL's scheme, as database/sql picks a driver. The
// conformance suite in store/storetest runs against both.
//
// # The ledger
//
// A digest is identified by its channel and the local date in the subscription's time zone.
// A sweeper claims that key before posting: the claim is a unique row with a lease. Exactly
// one sweeper wins a claim; the others get ErrTaken. The winner posts and records the outcome
// (RecordPosted, RecordSkipped or RecordFailure). A failure releases the lease so a later
// sweep retries under the same row, until the row's attempt limit is used up and it is marked
// failed. A claim whose holder crashed is taken over once its lease expires.
package store

import (
	"context"
	"errors"
	"time"
)

// Errors returned by every implementation. Callers test them with errors.Is.
var (
	// ErrNotFound means there is no such subscription or digest.
	ErrNotFound = errors.New("store: not found")
	// ErrTaken means a digest cannot be claimed: it is already posted, skipped or failed,
	// or another sweeper holds a live lease on it.
	ErrTaken = errors.New("store: digest already claimed or finished")
	// ErrGaveUp means Claim found a claim whose holder stopped without recording a result
	// on its last allowed attempt, and marked the digest failed instead of claiming it.
	ErrGaveUp = errors.New("store: digest attempts used up")
	// ErrLostClaim means a result was recorded under a claim that is no longer held: another
	// sweeper took it over after its lease expired, or a result was already recorded.
	ErrLostClaim = errors.New("store: claim no longer held")
)

// Subscription is a channel's request for a daily digest.
type Subscription struct {
	ChannelID string
	TeamID    string
	// At is the local time of day to post, "HH:MM" on a 24-hour clock.
	At string
	// Zone is the IANA time zone At is read in, such as "America/New_York".
	Zone string
	// SkipEmpty posts nothing on a day with no new documents, instead of a quote from the archive.
	SkipEmpty bool
	CreatedBy string // the Slack user id of whoever subscribed
	CreatedAt time.Time
}

// DigestKey identifies one digest: a channel and a local date.
type DigestKey struct {
	ChannelID string
	Date      string // YYYY-MM-DD in the subscription's time zone
}

// DigestState is where a digest is in its life.
type DigestState string

// The states of a digest. Only StateClaimed ever changes again.
const (
	StateClaimed DigestState = "claimed" // being posted, or waiting to be retried
	StatePosted  DigestState = "posted"  // Slack accepted it
	StateSkipped DigestState = "skipped" // nothing was new and the subscription skips empty days
	StateFailed  DigestState = "failed"  // every allowed attempt failed
)

// Digest is one row of the ledger.
type Digest struct {
	DigestKey
	State       DigestState
	Attempts    int       // claims taken so far, each one an attempt to post
	MaxAttempts int       // attempts allowed before the digest is marked failed
	LeaseUntil  time.Time // when a claimed digest may be taken over by another sweeper
	LastError   string    // why the last attempt failed, if it did
	MessageTS   string    // the posted message's ts, once posted
	AsOf        time.Time // the time the posted content describes, once posted or skipped
	FinishedAt  time.Time // when it was posted, skipped or marked failed
	DocIDs      []string  // the documents the digest featured
	QuoteIDs    []string  // the quotes the digest featured
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// ClaimPolicy bounds a claim: how long its holder may take before another sweeper may take
// it over, and how many attempts a digest gets in all.
type ClaimPolicy struct {
	Lease       time.Duration
	MaxAttempts int
}

// Claim is the right to post one digest, held until its lease expires or a result is recorded.
type Claim struct {
	DigestKey
	Token      string    // tells this holder from a later one
	Attempt    int       // 1 for the first attempt at this digest
	LeaseUntil time.Time // post and record before this
}

// Post is what a posted digest carried.
type Post struct {
	MessageTS string    // the ts Slack returned
	AsOf      time.Time // the time the content was composed for; the next digest starts here
	DocIDs    []string
	QuoteIDs  []string
}

// Store is elecsec's persistent state. Implementations are safe for concurrent use, and
// several Stores, in one process or many, may share one database.
type Store interface {
	Subscriptions
	Ledger
	Documents
	Events
	// Close releases the database.
	Close() error
}

// Subscriptions keeps each channel's digest subscription.
type Subscriptions interface {
	// PutSubscription creates or replaces the subscription of s.ChannelID.
	PutSubscription(ctx context.Context, s Subscription) error
	// DeleteSubscription removes a channel's subscription; ErrNotFound if it had none.
	DeleteSubscription(ctx context.Context, channelID string) error
	// Subscription returns a channel's subscription; ErrNotFound if it has none.
	Subscription(ctx context.Context, channelID string) (Subscription, error)
	// ListSubscriptions returns every subscription, ordered by channel id.
	ListSubscriptions(ctx context.Context) ([]Subscription, error)
}

// Ledger records each digest, so that it is posted at most once and retried when it fails.
type Ledger interface {
	// Claim claims the digest for key, creating its row, or taking over a claim whose
	// lease has expired. It returns ErrTaken when the digest is finished or another
	// sweeper's lease is live, and ErrGaveUp when it marked a crashed last attempt failed.
	Claim(ctx context.Context, key DigestKey, p ClaimPolicy) (Claim, error)
	// RecordPosted marks a claimed digest posted.
	RecordPosted(ctx context.Context, c Claim, p Post) error
	// RecordSkipped marks a claimed digest skipped: there was nothing to post.
	RecordSkipped(ctx context.Context, c Claim, asOf time.Time) error
	// RecordFailure records a failed attempt and releases the claim until retryAt, when a
	// later sweep may claim it again. When the attempts are used up, or retryAt is zero (a
	// failure that another attempt would only repeat), the digest is marked failed instead,
	// and failed is true.
	RecordFailure(ctx context.Context, c Claim, reason string, retryAt time.Time) (failed bool, err error)
	// Digest returns the ledger row for key; ErrNotFound if there is none.
	Digest(ctx context.Context, key DigestKey) (Digest, error)
	// LastPosted returns the channel's most recently posted digest; ErrNotFound if none.
	LastPosted(ctx context.Context, channelID string) (Digest, error)
	// FeaturedQuotes returns the ids of the quotes featured in the channel's digests
	// posted at or after since.
	FeaturedQuotes(ctx context.Context, channelID string, since time.Time) ([]string, error)
}

// Documents remembers when each corpus document was first seen, which is how a digest knows
// what is new.
// Events remembers the Slack events taken, across every replica sharing the database.
type Events interface {
	// TakeEvent records that the event with the given id is being answered, and reports
	// whether it is the first to take it within ttl: false means another delivery of the
	// same event (Slack's retry, perhaps to another replica) took it already.
	TakeEvent(ctx context.Context, id string, ttl time.Duration) (first bool, err error)
}

type Documents interface {
	// SeeDocuments records the ids as seen now, keeping the first-seen time of ids seen before.
	SeeDocuments(ctx context.Context, ids []string) error
	// DocumentsSeen returns the ids first seen after after and at or before until, oldest first.
	DocumentsSeen(ctx context.Context, after, until time.Time) ([]string, error)
}
