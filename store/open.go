package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// OpenFunc opens a Store for a URL of the scheme it was registered for, reading the time
// from now.
type OpenFunc func(ctx context.Context, url string, now func() time.Time) (Store, error)

var (
	mu      sync.RWMutex
	openers = map[string]OpenFunc{}
)

// Register makes an implementation available to Open for URLs of the given scheme
// ("sqlite", "postgres"). Implementations call it from init; registering a scheme twice panics.
func Register(scheme string, open OpenFunc) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := openers[scheme]; dup {
		panic("store: Register called twice for scheme " + scheme)
	}
	openers[scheme] = open
}

// Open opens the store a URL names: "sqlite:PATH" for a SQLite file, "postgres://…" for
// Postgres. The implementation must have been imported, as with database/sql drivers:
//
//	import _ "github.com/elecsec/elecsec/store/sqlite"
//
// It applies any pending migrations before returning. A nil now means time.Now.
func Open(ctx context.Context, url string, now func() time.Time) (Store, error) {
	if now == nil {
		now = time.Now
	}
	scheme, _, ok := strings.Cut(url, ":")
	if !ok || scheme == "" {
		return nil, fmt.Errorf("store: database URL %q has no scheme: use sqlite:PATH or postgres://…", url)
	}
	mu.RLock()
	open := openers[strings.ToLower(scheme)]
	known := make([]string, 0, len(openers))
	for s := range openers {
		known = append(known, s)
	}
	mu.RUnlock()
	if open == nil {
		sort.Strings(known)
		return nil, fmt.Errorf("store: unknown database scheme %q (known: %s)", scheme, strings.Join(known, ", "))
	}
	return open(ctx, url, now)
}
