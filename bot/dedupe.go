package bot

import (
	"sync"
	"time"
)

// eventDedupe remembers the event_id of every Events API delivery for ttl, so a retry of
// an event already taken is dropped while a first delivery always goes through, whatever
// its X-Slack-Retry-Num says (the first attempt may have been lost on the way).
type eventDedupe struct {
	ttl time.Duration
	now func() time.Time

	mu        sync.Mutex
	seen      map[string]time.Time // event_id → when it stops being remembered
	lastSweep time.Time
}

// eventTTL is how long an event_id is remembered. Slack retries three times over about
// five minutes; twice that leaves room for slow retries.
const eventTTL = 10 * time.Minute

func newEventDedupe(ttl time.Duration, now func() time.Time) *eventDedupe {
	return &eventDedupe{ttl: ttl, now: now, seen: make(map[string]time.Time)}
}

// first reports whether id is new, and remembers it. An empty id is always new: with
// nothing to match on, dropping it could lose a real event.
func (d *eventDedupe) first(id string) bool {
	if id == "" {
		return true
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	now := d.now()
	if now.Sub(d.lastSweep) > d.ttl/2 {
		for k, until := range d.seen {
			if !now.Before(until) {
				delete(d.seen, k)
			}
		}
		d.lastSweep = now
	}
	if until, ok := d.seen[id]; ok && now.Before(until) {
		return false
	}
	d.seen[id] = now.Add(d.ttl)
	return true
}
