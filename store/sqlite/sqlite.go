// Package sqlite is the store on a SQLite file, elecsec's default, through the pure-Go
// modernc.org/sqlite driver so the binary stays static.
//
// The file runs in WAL mode, so reads go on while one connection writes; every write goes
// through that single connection and begins its transaction IMMEDIATE, so writers in other
// processes wait (up to the busy timeout) instead of failing half-way.
//
// Importing the package registers the "sqlite" scheme with store.Open.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"github.com/elecsec/elecsec/store"
	"github.com/elecsec/elecsec/store/internal/sqlstore"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// BusyTimeout is how long a write waits for another process's write to finish.
const BusyTimeout = 10 * time.Second

func init() {
	store.Register("sqlite", func(ctx context.Context, url string, now func() time.Time) (store.Store, error) {
		return Open(ctx, strings.TrimPrefix(strings.TrimPrefix(url, "sqlite:"), "//"), now)
	})
}

// DB is a store on a SQLite file.
type DB struct {
	*sqlstore.DB
}

var _ store.Store = (*DB)(nil)

// Open opens, creating it if need be, the SQLite database at path and applies pending
// migrations. A nil now means time.Now.
func Open(ctx context.Context, path string, now func() time.Time) (*DB, error) {
	if path == "" || strings.ContainsRune(path, '?') || path == ":memory:" {
		return nil, fmt.Errorf("sqlite: %q is not a database file path", path)
	}
	if now == nil {
		now = time.Now
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	w, err := sql.Open("sqlite", path+"?"+q.Encode()+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	w.SetMaxOpenConns(1) // one writer: SQLite allows no more, and queueing here is cheaper than SQLITE_BUSY
	w.SetConnMaxIdleTime(0)
	q.Add("_pragma", "query_only(1)")
	r, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	r.SetMaxOpenConns(4)
	db := &DB{sqlstore.New(sqlstore.FromSQL(w), sqlstore.FromSQL(r), now, func(t time.Time) any { return t.UnixMicro() })}
	sub, _ := fs.Sub(migrations, "migrations")
	if err := sqlstore.Migrate(ctx, sqlstore.FromSQL(w), sub, "", now()); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return db, nil
}
