package bot

import (
	"context"
	"sync"
	"time"
)

// pacer spaces out posts so that no channel gets more than one message per interval,
// Slack's limit for chat.postMessage being about one a second per channel. Each call to
// wait reserves the next free slot of its channel, so concurrent posters queue in order.
type pacer struct {
	interval time.Duration
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error

	mu   sync.Mutex
	next map[string]time.Time // channel → earliest time of its next post
}

func newPacer(interval time.Duration, now func() time.Time) *pacer {
	return &pacer{interval: interval, now: now, sleep: sleepContext, next: make(map[string]time.Time)}
}

// reserve books the channel's next slot and returns how long to wait for it.
func (p *pacer) reserve(channel string) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	slot := p.next[channel]
	if slot.Before(now) {
		slot = now
	}
	p.next[channel] = slot.Add(p.interval)
	if len(p.next) > 4096 {
		for ch, t := range p.next {
			if t.Before(now) {
				delete(p.next, ch)
			}
		}
	}
	return slot.Sub(now)
}

// wait blocks until the channel may be posted to, or ctx ends.
func (p *pacer) wait(ctx context.Context, channel string) error {
	return p.sleep(ctx, p.reserve(channel))
}

// sleepContext sleeps for d or until ctx ends, whichever is first.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
