package postgres

import (
	"context"
	"errors"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/elecsec/elecsec/store/internal/sqlstore"
)

// pool is a small pool of pgx connections. The store's traffic is a few statements a
// minute, so it needs no more than this; pgxpool would add a dependency for nothing.
type pool struct {
	cfg   *pgx.ConnConfig
	slots chan struct{} // one token per open or opening connection

	mu     sync.Mutex
	idle   []*pgx.Conn
	closed bool
}

var _ sqlstore.Pool = (*pool)(nil)

func newPool(cfg *pgx.ConnConfig, size int) *pool {
	return &pool{cfg: cfg, slots: make(chan struct{}, size)}
}

var errClosed = errors.New("postgres: store closed")

// acquire returns an idle connection or opens one, waiting while all are in use.
func (p *pool) acquire(ctx context.Context) (*pgx.Conn, error) {
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		<-p.slots
		return nil, errClosed
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	c, err := pgx.ConnectConfig(ctx, p.cfg)
	if err != nil {
		<-p.slots
		return nil, err
	}
	return c, nil
}

// release returns c to the pool, or closes it when it is broken or the pool is closed.
func (p *pool) release(c *pgx.Conn) {
	defer func() { <-p.slots }()
	p.mu.Lock()
	if p.closed || c.IsClosed() || c.PgConn().TxStatus() != 'I' {
		p.mu.Unlock()
		c.Close(context.Background())
		return
	}
	p.idle = append(p.idle, c)
	p.mu.Unlock()
}

func (p *pool) ping(ctx context.Context) error {
	c, err := p.acquire(ctx)
	if err != nil {
		return err
	}
	defer p.release(c)
	return c.Ping(ctx)
}

// Close closes the idle connections; connections in use close when released.
func (p *pool) Close() error {
	p.mu.Lock()
	idle := p.idle
	p.idle, p.closed = nil, true
	p.mu.Unlock()
	for _, c := range idle {
		c.Close(context.Background())
	}
	return nil
}

func (p *pool) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer p.release(c)
	return execOn(ctx, c, query, args)
}

func (p *pool) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := c.Query(ctx, query, args...)
	if err != nil {
		p.release(c)
		return nil, err
	}
	return &pooledRows{Rows: rows, done: func() { p.release(c) }}, nil
}

func (p *pool) QueryRow(ctx context.Context, query string, args ...any) sqlstore.Row {
	rows, err := p.Query(ctx, query, args...)
	return scanOne{rows, err}
}

func (p *pool) Begin(ctx context.Context) (sqlstore.Tx, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := c.Begin(ctx)
	if err != nil {
		p.release(c)
		return nil, err
	}
	return &pooledTx{tx: tx, done: func() { p.release(c) }}, nil
}

func execOn(ctx context.Context, q interface {
	Exec(context.Context, string, ...any) (pgconn.CommandTag, error)
}, query string, args []any) (int64, error) {
	tag, err := q.Exec(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

// pooledRows releases its connection when closed.
type pooledRows struct {
	pgx.Rows
	done func()
	once sync.Once
}

func (r *pooledRows) Next() bool {
	if r.Rows.Next() {
		return true
	}
	r.Close()
	return false
}

func (r *pooledRows) Close() {
	r.Rows.Close()
	r.once.Do(func() {
		if r.done != nil {
			r.done()
		}
	})
}

// scanOne scans the first row of a result and closes it.
type scanOne struct {
	rows sqlstore.Rows
	err  error
}

func (s scanOne) Scan(dest ...any) error {
	if s.err != nil {
		return s.err
	}
	defer s.rows.Close()
	if !s.rows.Next() {
		if err := s.rows.Err(); err != nil {
			return err
		}
		return sqlstore.ErrNoRows
	}
	if err := s.rows.Scan(dest...); err != nil {
		return err
	}
	s.rows.Close()
	return s.rows.Err()
}

// pooledTx releases its connection when committed or rolled back.
type pooledTx struct {
	tx   pgx.Tx
	done func()
	once sync.Once
}

func (t *pooledTx) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	return execOn(ctx, t.tx, query, args)
}

func (t *pooledTx) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	rows, err := t.tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return &pooledRows{Rows: rows}, nil
}

func (t *pooledTx) QueryRow(ctx context.Context, query string, args ...any) sqlstore.Row {
	rows, err := t.Query(ctx, query, args...)
	return scanOne{rows, err}
}

func (t *pooledTx) Commit(ctx context.Context) error {
	defer t.release()
	return t.tx.Commit(ctx)
}

func (t *pooledTx) Rollback(ctx context.Context) error {
	defer t.release()
	err := t.tx.Rollback(ctx)
	if errors.Is(err, pgx.ErrTxClosed) {
		return nil
	}
	return err
}

func (t *pooledTx) release() { t.once.Do(t.done) }
