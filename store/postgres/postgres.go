// Package postgres is the store on Postgres, for several replicas sharing one state, through
// github.com/jackc/pgx/v5.
//
// Importing the package registers the "postgres" and "postgresql" schemes with store.Open.
package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/elecsec/elecsec/store"
	"github.com/elecsec/elecsec/store/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the advisory lock key replicas take while migrating, so that replicas
// starting together apply each migration once.
const migrationLock = `SELECT pg_advisory_xact_lock(7151207061850426951)`

// MaxConns bounds the connections one DB opens.
const MaxConns = 8

func init() {
	open := func(ctx context.Context, url string, now func() time.Time) (store.Store, error) {
		return Open(ctx, url, now)
	}
	store.Register("postgres", open)
	store.Register("postgresql", open)
}

// DB is a store on Postgres.
type DB struct {
	*sqlstore.DB
}

var _ store.Store = (*DB)(nil)

// Open connects to the Postgres database at url (postgres://user:pass@host/db?…) and
// applies pending migrations. A nil now means time.Now.
func Open(ctx context.Context, url string, now func() time.Time) (*DB, error) {
	if now == nil {
		now = time.Now
	}
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err) // pgx redacts the password
	}
	p := newPool(cfg, MaxConns)
	if err := p.ping(ctx); err != nil {
		p.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db := &DB{sqlstore.New(p, p, now, func(t time.Time) any { return t.UTC() })}
	sub, _ := fs.Sub(migrations, "migrations")
	if err := sqlstore.Migrate(ctx, p, sub, migrationLock, now()); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return db, nil
}
