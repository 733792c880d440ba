package sqlstore

import (
	"context"
	"database/sql"
	"errors"
)

// ErrNoRows is what Row.Scan returns when the query returned no row.
var ErrNoRows = errors.New("sqlstore: no rows")

// Querier runs statements: a pool, or a transaction.
type Querier interface {
	Exec(ctx context.Context, query string, args ...any) (rowsAffected int64, err error)
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) Row
}

// Rows iterates over a query's result.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Row is a single-row result; its Scan returns ErrNoRows when there was none.
type Row interface {
	Scan(dest ...any) error
}

// Tx is a transaction.
type Tx interface {
	Querier
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

// Pool is a database: the SQLite file through database/sql, or a pool of pgx connections.
type Pool interface {
	Querier
	Begin(ctx context.Context) (Tx, error)
	Close() error
}

// FromSQL adapts a database/sql handle.
func FromSQL(db *sql.DB) Pool { return sqlPool{db} }

type sqlPool struct{ db *sql.DB }

type sqlQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func exec(ctx context.Context, q sqlQuerier, query string, args []any) (int64, error) {
	res, err := q.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func query(ctx context.Context, q sqlQuerier, query string, args []any) (Rows, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

type sqlRow struct{ *sql.Row }

func (r sqlRow) Scan(dest ...any) error {
	if err := r.Row.Scan(dest...); errors.Is(err, sql.ErrNoRows) {
		return ErrNoRows
	} else {
		return err
	}
}

func (p sqlPool) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	return exec(ctx, p.db, q, args)
}

func (p sqlPool) Query(ctx context.Context, q string, args ...any) (Rows, error) {
	return query(ctx, p.db, q, args)
}

func (p sqlPool) QueryRow(ctx context.Context, q string, args ...any) Row {
	return sqlRow{p.db.QueryRowContext(ctx, q, args...)}
}

func (p sqlPool) Begin(ctx context.Context) (Tx, error) {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return sqlTx{tx}, nil
}

func (p sqlPool) Close() error { return p.db.Close() }

type sqlTx struct{ tx *sql.Tx }

func (t sqlTx) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	return exec(ctx, t.tx, q, args)
}

func (t sqlTx) Query(ctx context.Context, q string, args ...any) (Rows, error) {
	return query(ctx, t.tx, q, args)
}

func (t sqlTx) QueryRow(ctx context.Context, q string, args ...any) Row {
	return sqlRow{t.tx.QueryRowContext(ctx, q, args...)}
}

func (t sqlTx) Commit(context.Context) error   { return t.tx.Commit() }
func (t sqlTx) Rollback(context.Context) error { return t.tx.Rollback() }
