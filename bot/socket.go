package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// ackTimeout bounds the wait to queue an envelope's ack on the connection.
const ackTimeout = 3 * time.Second

// runSocket holds a socket-mode connection to Slack until ctx ends, acking each envelope
// before working on it. slack-go reconnects on its own (on Slack's disconnect requests,
// missed pings and dropped connections, with backoff); runSocket returns an error only
// when reconnecting cannot help: a refused app token. connected tracks whether the
// connection is up, for /readyz.
func runSocket(ctx context.Context, sl *Slack, d *dispatcher, connected *atomic.Bool) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sm := socketmode.New(sl.api)
	runErr := make(chan error, 1)
	go func() { runErr <- sm.RunContext(ctx) }()
	defer connected.Store(false)
	for {
		select {
		case err := <-runErr:
			if ctx.Err() != nil {
				return nil
			}
			return socketError(err)
		case evt := <-sm.Events:
			if err := d.socketEvent(ctx, sm, evt, connected); err != nil {
				cancel()
				<-runErr
				return err
			}
		}
	}
}

// socketEvent handles one event of the socket-mode client: connection changes, and
// envelopes from Slack, which are acked first and answered in the background.
func (d *dispatcher) socketEvent(ctx context.Context, sm *socketmode.Client, evt socketmode.Event, connected *atomic.Bool) error {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		connected.Store(false)
		d.log.Info("connecting to Slack")
	case socketmode.EventTypeConnected:
		connected.Store(true)
		d.log.Info("connected to Slack")
	case socketmode.EventTypeConnectionError:
		connected.Store(false)
		if ce, ok := evt.Data.(*slack.ConnectionErrorEvent); ok {
			if IsAuthError(ce.ErrorObj) {
				return socketError(ce.ErrorObj)
			}
			d.log.Warn("cannot connect to Slack; retrying", "err", ce.ErrorObj, "attempt", ce.Attempt, "backoff", ce.Backoff)
		}
	case socketmode.EventTypeInvalidAuth:
		return socketError(errors.New("invalid_auth"))
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
		d.log.Warn("socket mode error", "type", evt.Type)
	case socketmode.EventTypeEventsAPI:
		d.ack(ctx, sm, evt)
		if err := d.acceptEvent(evt.Request.Payload); err != nil {
			d.log.Warn("malformed event", "err", err)
		}
	case socketmode.EventTypeSlashCommand:
		d.ack(ctx, sm, evt)
		if cmd, ok := evt.Data.(slack.SlashCommand); ok {
			d.work.Go(func(ctx context.Context) { d.slashCommand(ctx, cmd) })
		}
	case socketmode.EventTypeInteractive:
		d.ack(ctx, sm, evt)
		if cb, ok := evt.Data.(slack.InteractionCallback); ok {
			d.work.Go(func(ctx context.Context) { d.interaction(ctx, cb) })
		}
	}
	return nil
}

// ack acknowledges an envelope with an empty payload.
func (d *dispatcher) ack(ctx context.Context, sm *socketmode.Client, evt socketmode.Event) {
	if evt.Request == nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	if err := sm.AckCtx(ctx, evt.Request.EnvelopeID, nil); err != nil {
		d.log.Warn("cannot ack envelope", "type", evt.Type, "err", err)
	}
}

// socketError explains why socket mode had to stop, in one line.
func socketError(err error) error {
	var code slack.StatusCodeError
	switch {
	case IsAuthError(err):
		return fmt.Errorf("slack refused SLACK_APP_TOKEN (%w); create an app-level token with the connections:write scope under Basic Information → App-Level Tokens", err)
	case errors.As(err, &code) && code.Code == http.StatusNotFound:
		return fmt.Errorf("socket mode: apps.connections.open not found (%w); check SLACK_API_URL", err)
	default:
		return fmt.Errorf("socket mode: %w", err)
	}
}
