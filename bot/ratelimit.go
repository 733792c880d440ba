package bot

import (
	"sync"
	"time"
)

// userLimiter allows each user perMinute requests a minute: a token bucket per user,
// refilled continuously, so a burst of perMinute is allowed and then one every
// 60s/perMinute.
type userLimiter struct {
	perMinute int
	now       func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newUserLimiter(perMinute int, now func() time.Time) *userLimiter {
	return &userLimiter{perMinute: perMinute, now: now, buckets: make(map[string]*bucket)}
}

// allow reports whether user may make one more request now, and counts it if so.
func (l *userLimiter) allow(user string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	limit := float64(l.perMinute)
	b, ok := l.buckets[user]
	if !ok {
		b = &bucket{tokens: limit, at: now}
		l.buckets[user] = b
	}
	b.tokens = min(limit, b.tokens+now.Sub(b.at).Minutes()*limit)
	b.at = now
	if len(l.buckets) > 10000 {
		l.forgetIdle(now)
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// forgetIdle drops users idle for a minute or more: their buckets are full again anyway.
func (l *userLimiter) forgetIdle(now time.Time) {
	for u, b := range l.buckets {
		if now.Sub(b.at) >= time.Minute {
			delete(l.buckets, u)
		}
	}
}
