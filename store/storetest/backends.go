// Package storetest is the conformance suite every store implementation passes, in the
// manner of testing/fstest, and the test helpers that open the real databases: a SQLite file
// in a temporary directory, and a fresh schema in the Postgres that ELECSEC_TEST_POSTGRES_URL
// names.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/elecsec/elecsec/store"
	"github.com/elecsec/elecsec/store/postgres"
	"github.com/elecsec/elecsec/store/sqlite"
)

// PostgresURLVar is the environment variable that enables the Postgres tests.
const PostgresURLVar = "ELECSEC_TEST_POSTGRES_URL"

// Opener opens a handle on one database. Every call opens another handle, as another
// replica would; handles are closed when the test ends.
type Opener func(tb testing.TB, now func() time.Time) store.Store

// NewDB creates a fresh, empty database for one test and returns its Opener.
type NewDB func(tb testing.TB) Opener

// Backends lists every implementation by name, for tests that run against each.
var Backends = []struct {
	Name  string
	NewDB NewDB
}{
	{"sqlite", SQLite},
	{"postgres", Postgres},
}

// SQLite creates a database file in tb's temporary directory.
func SQLite(tb testing.TB) Opener {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "elecsec.db")
	return func(tb testing.TB, now func() time.Time) store.Store {
		tb.Helper()
		db, err := sqlite.Open(context.Background(), path, now)
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { db.Close() })
		return db
	}
}

// Postgres creates a schema of its own in the database ELECSEC_TEST_POSTGRES_URL names,
// dropped when the test ends, and skips the test when the variable is not set.
func Postgres(tb testing.TB) Opener {
	tb.Helper()
	base := os.Getenv(PostgresURLVar)
	if base == "" {
		tb.Skipf("%s is not set; .ci/postgres.sh starts a Postgres and prints it", PostgresURLVar)
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresURLVar, err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "elecsec_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close(ctx)
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if _, err := admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Error(err)
		}
		admin.Close(ctx)
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s must be a postgres:// URL: %v", PostgresURLVar, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	dbURL := u.String()
	return func(tb testing.TB, now func() time.Time) store.Store {
		tb.Helper()
		db, err := postgres.Open(ctx, dbURL, now)
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { db.Close() })
		return db
	}
}

// Clock is a settable clock for tests, safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock that reads t until it is moved.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
