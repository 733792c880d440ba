package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/elecsec/elecsec/handlers"
)

// dispatcher is what socket mode and HTTP mode share once a payload is acknowledged: it
// turns a slash command, an event or a button press into a handlers.Request, asks the
// Handler, and delivers the reply where Slack expects it.
type dispatcher struct {
	h     Handler
	slack *Slack
	log   *slog.Logger
	obs   Observer
	limit *userLimiter // nil when ELECSEC_RATE_LIMIT is 0
	seen  *eventDedupe
	taken EventLedger // shared with other replicas; nil when there are none to share with
	self  Identity    // the bot itself, from auth.test; fields are empty when it failed
	work  *workGroup
}

// slashCommand answers a /elecsec command through its response_url.
func (d *dispatcher) slashCommand(ctx context.Context, cmd slack.SlashCommand) {
	req := handlers.Request{
		Surface:   handlers.SlashCommand,
		Text:      incomingText(cmd.Text, d.self.UserID),
		UserID:    cmd.UserID,
		UserName:  cmd.UserName,
		ChannelID: cmd.ChannelID,
		TeamID:    cmd.TeamID,
	}
	if firstWord(req.Text) == "digest" {
		req.UserTZ = d.slack.UserTZ(ctx, cmd.UserID)
	}
	d.deliverByURL(ctx, req, cmd.ResponseURL)
}

// interaction answers a button press (block_actions) through its response_url.
func (d *dispatcher) interaction(ctx context.Context, cb slack.InteractionCallback) {
	if cb.Type != slack.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 {
		d.log.Debug("ignoring interaction", "type", cb.Type)
		return
	}
	action := cb.ActionCallback.BlockActions[0]
	channel := cb.Channel.ID
	if channel == "" {
		channel = cb.Container.ChannelID
	}
	req := handlers.Request{
		Surface:   handlers.Interaction,
		UserID:    cb.User.ID,
		UserName:  cb.User.Name,
		ChannelID: channel,
		TeamID:    cb.Team.ID,
		ThreadTS:  cb.Container.ThreadTs,
		Action:    &handlers.Action{ID: action.ActionID, Value: action.Value},
	}
	if req.UserName == "" {
		req.UserName = cb.User.Username
	}
	d.deliverByURL(ctx, req, cb.ResponseURL)
}

// eventEnvelope is the part of an Events API callback elecsec reads. It is decoded by
// hand rather than with slackevents so that subtype and bot_id, which tell bot messages
// apart, are never lost.
type eventEnvelope struct {
	Type    string `json:"type"`
	TeamID  string `json:"team_id"`
	EventID string `json:"event_id"`
	Event   struct {
		Type     string `json:"type"`
		Subtype  string `json:"subtype"`
		User     string `json:"user"`
		BotID    string `json:"bot_id"`
		Text     string `json:"text"`
		TS       string `json:"ts"`
		ThreadTS string `json:"thread_ts"`
		Channel  string `json:"channel"`
	} `json:"event"`
}

// acceptEvent takes an Events API callback, already acknowledged or about to be: a
// delivery of an event_id seen before is dropped, anything else is answered in the
// background. It returns an error only when raw is not an event callback at all.
func (d *dispatcher) acceptEvent(raw []byte) error {
	var env eventEnvelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return fmt.Errorf("event callback: %w", err)
	}
	if env.Type != "event_callback" {
		return nil
	}
	if !d.seen.first(env.EventID) {
		d.log.Info("dropping a retried event already taken", "event_id", env.EventID)
		return nil
	}
	if env.Event.Type != "app_mention" {
		d.log.Debug("ignoring event", "type", env.Event.Type)
		return nil
	}
	d.work.Go(func(ctx context.Context) {
		if d.takenElsewhere(ctx, env.EventID) {
			d.log.Info("dropping a retried event another replica took", "event_id", env.EventID)
			return
		}
		d.mention(ctx, env)
	})
	return nil
}

// takenElsewhere reports whether the shared ledger says another delivery of the event was
// taken already. When the ledger cannot be asked the event is answered: a rare double
// answer is better than a lost one.
func (d *dispatcher) takenElsewhere(ctx context.Context, id string) bool {
	if d.taken == nil || id == "" {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, ledgerTimeout)
	defer cancel()
	first, err := d.taken.TakeEvent(ctx, id, eventTTL)
	if err != nil {
		d.log.Warn("event ledger unavailable; answering the event", "event_id", id, "err", err)
		return false
	}
	return !first
}

// ledgerTimeout bounds the wait for the shared event ledger.
const ledgerTimeout = 2 * time.Second

// mention answers an app_mention with a reply in its thread.
func (d *dispatcher) mention(ctx context.Context, env eventEnvelope) {
	ev := env.Event
	if ev.BotID != "" || ev.Subtype == "bot_message" || (d.self.UserID != "" && ev.User == d.self.UserID) {
		d.log.Debug("ignoring a mention by a bot", "event_id", env.EventID)
		return
	}
	thread := ev.ThreadTS
	if thread == "" {
		thread = ev.TS
	}
	if thread == "" {
		// Slack always sends a ts; without one the reply could only go to the channel
		// itself, where nobody asked for it.
		d.log.Warn("ignoring a mention without a ts", "event_id", env.EventID)
		return
	}
	req := handlers.Request{
		Surface:   handlers.Mention,
		Text:      incomingText(ev.Text, d.self.UserID),
		UserID:    ev.User,
		ChannelID: ev.Channel,
		TeamID:    env.TeamID,
		ThreadTS:  thread,
	}
	if req.Text == "" && ev.ThreadTS != "" && ev.ThreadTS != ev.TS {
		parent, err := d.slack.ThreadParent(ctx, ev.Channel, ev.ThreadTS)
		if err != nil {
			d.log.Warn("cannot read the thread's parent message", "err", err, "channel", ev.Channel)
		}
		req.ParentText = incomingText(parent, d.self.UserID)
	}
	if firstWord(req.Text) == "digest" {
		req.UserTZ = d.slack.UserTZ(ctx, ev.User)
	}
	reply, done := d.answer(ctx, req)
	for _, m := range reply.Messages {
		var err error
		switch {
		case m.DeleteOriginal:
			continue // a mention has no message of elecsec's to delete
		case m.InChannel:
			_, err = d.slack.PostMessage(ctx, ev.Channel, thread, m)
		default:
			err = d.slack.PostEphemeral(ctx, ev.Channel, ev.User, thread, m)
		}
		if err != nil {
			d.log.Error("reply not delivered", "surface", req.Surface, "channel", req.ChannelID, "err", err)
			done(false)
			return
		}
	}
	done(true)
}

// answer asks the handler, after the per-user rate limit, and never lets a panic through:
// a user sees a friendly line instead, and the log has the stack. The caller delivers the
// reply and then calls done with whether it could.
func (d *dispatcher) answer(ctx context.Context, req handlers.Request) (reply handlers.Reply, done func(delivered bool)) {
	start := time.Now()
	outcome := "ok"
	var latency time.Duration
	done = func(delivered bool) {
		if !delivered {
			outcome = "undelivered"
		}
		d.log.Info("answered", "surface", req.Surface, "outcome", outcome, "user", req.UserID,
			"channel", req.ChannelID, "query_len", len(req.Text), "messages", len(reply.Messages),
			"latency_ms", latency.Milliseconds())
		if d.obs != nil {
			d.obs.Request(req.Surface, outcome, latency)
		}
	}
	defer func() {
		if p := recover(); p != nil {
			d.log.Error("handler panicked", "surface", req.Surface, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			reply, outcome = notice(msgFailed), "failed"
		}
		latency = time.Since(start)
	}()
	if d.limit != nil && (req.Surface == handlers.SlashCommand || req.Surface == handlers.Mention) && !d.limit.allow(req.UserID) {
		outcome = "limited"
		return notice(fmt.Sprintf(msgLimited, d.limit.perMinute)), done
	}
	return d.h.Handle(ctx, req), done
}

// deliverByURL answers req and sends every message of the reply to responseURL, in order.
func (d *dispatcher) deliverByURL(ctx context.Context, req handlers.Request, responseURL string) {
	reply, done := d.answer(ctx, req)
	for _, m := range reply.Messages {
		if err := d.slack.Respond(ctx, responseURL, m); err != nil {
			d.log.Error("reply not delivered", "surface", req.Surface, "channel", req.ChannelID, "err", err)
			done(false)
			return
		}
	}
	done(true)
}

// The lines a user sees when elecsec cannot answer.
const (
	msgFailed  = "Sorry, something went wrong while answering that. Please try again in a moment."
	msgLimited = "You have asked a lot in the last minute (the limit is %d a minute). Please try again shortly."
)

// notice is a one-line ephemeral reply.
func notice(text string) handlers.Reply {
	return handlers.Reply{Messages: []handlers.Message{{
		Text:   text,
		Blocks: []slack.Block{slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, false), nil, nil)},
	}}}
}

// workGroup runs the work that follows an ack, and lets shutdown wait for it.
type workGroup struct {
	ctx     context.Context // outlives the request; cancelled when draining gives up
	cancel  context.CancelFunc
	timeout time.Duration

	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

// jobTimeout bounds one answer, its Slack calls and their retries.
const jobTimeout = 2 * time.Minute

func newWorkGroup(parent context.Context) *workGroup {
	ctx, cancel := context.WithCancel(context.WithoutCancel(parent))
	return &workGroup{ctx: ctx, cancel: cancel, timeout: jobTimeout}
}

// Go runs f in the background with a context of its own, unless the group is draining.
func (w *workGroup) Go(f func(ctx context.Context)) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return false
	}
	w.wg.Go(func() {
		ctx, cancel := context.WithTimeout(w.ctx, w.timeout)
		defer cancel()
		f(ctx)
	})
	return true
}

// drain refuses new work and waits up to timeout for the work in flight, then cancels what
// is left. It reports whether everything finished in time.
func (w *workGroup) drain(timeout time.Duration) bool {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	done := make(chan struct{})
	go func() { w.wg.Wait(); close(done) }()
	defer w.cancel()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}
