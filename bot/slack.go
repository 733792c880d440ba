package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/handlers"
)

// Slack is elecsec's client of the Slack Web API and of response_url. Every call has a
// deadline and goes through a client that retries only what Slack did not accept, and
// posts to a channel are paced to one a second. It is safe for concurrent use.
type Slack struct {
	api     *slack.Client
	http    *retryClient
	pace    *pacer
	log     *slog.Logger
	apiURL  string
	timeout time.Duration // the deadline of one call, retries included
}

// callTimeout bounds one Slack call, its retries and waits included.
const callTimeout = 30 * time.Second

// idempotentMethods are the Web API methods that only read, so any failure may be retried.
var idempotentMethods = map[string]bool{
	"auth.test":             true,
	"users.info":            true,
	"conversations.replies": true,
	"apps.connections.open": true,
}

// NewSlack returns a client for cfg's bot token, app token and SLACK_API_URL. obs, which
// may be nil, is told the outcome of every HTTP call; logger may be nil.
func NewSlack(cfg config.Config, logger *slog.Logger, obs Observer) *Slack {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	apiURL := cfg.APIURL
	if apiURL == "" {
		apiURL = slack.APIURL
	}
	apiURL = strings.TrimSuffix(apiURL, "/") + "/"
	s := &Slack{
		pace:    newPacer(time.Second, time.Now),
		log:     logger,
		apiURL:  apiURL,
		timeout: callTimeout,
	}
	s.http = newRetryClient(
		func(req *http.Request) bool { return idempotentMethods[s.method(req)] },
		func(req *http.Request, status int, err error) {
			if obs == nil {
				return
			}
			outcome := strconv.Itoa(status)
			if err != nil {
				outcome = "error"
			}
			obs.APICall(s.method(req), outcome)
		},
	)
	opts := []slack.Option{slack.OptionAPIURL(apiURL), slack.OptionHTTPClient(s.http)}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	s.api = slack.New(cfg.BotToken, opts...)
	return s
}

// method names an outbound call for logs and metrics: the Web API method, or
// "response_url" for a reply to a slash command or button.
func (s *Slack) method(req *http.Request) string {
	if u := req.URL.String(); strings.HasPrefix(u, s.apiURL) {
		m, _, _ := strings.Cut(strings.TrimPrefix(u, s.apiURL), "?")
		return m
	}
	return "response_url"
}

// Identity is who the bot is in its workspace, from auth.test.
type Identity struct {
	UserID string // the bot's user id, as in <@U…> mentions
	BotID  string // the bot id its own messages carry
	TeamID string
}

// Identity calls auth.test. An error for which IsAuthError is true means the bot token
// was refused.
func (s *Slack) Identity(ctx context.Context) (Identity, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	r, err := s.api.AuthTestContext(ctx)
	if err != nil {
		return Identity{}, fmt.Errorf("auth.test: %w", err)
	}
	return Identity{UserID: r.UserID, BotID: r.BotID, TeamID: r.TeamID}, nil
}

// PostMessage posts m to channel, in the thread threadTS when it is not empty, and returns
// the new message's ts. It waits its turn so the channel gets at most one post a second.
func (s *Slack) PostMessage(ctx context.Context, channel, threadTS string, m handlers.Message) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := s.pace.wait(ctx, channel); err != nil {
		return "", err
	}
	_, ts, err := s.api.PostMessageContext(ctx, channel, messageOptions(threadTS, m)...)
	if err != nil {
		return "", fmt.Errorf("chat.postMessage: %w", err)
	}
	return ts, nil
}

// PostEphemeral shows m to user alone in channel, in the thread threadTS when it is not empty.
func (s *Slack) PostEphemeral(ctx context.Context, channel, user, threadTS string, m handlers.Message) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := s.pace.wait(ctx, channel); err != nil {
		return err
	}
	if _, err := s.api.PostEphemeralContext(ctx, channel, user, messageOptions(threadTS, m)...); err != nil {
		return fmt.Errorf("chat.postEphemeral: %w", err)
	}
	return nil
}

func messageOptions(threadTS string, m handlers.Message) []slack.MsgOption {
	opts := []slack.MsgOption{
		slack.MsgOptionText(m.Text, false),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	if len(m.Blocks) > 0 {
		opts = append(opts, slack.MsgOptionBlocks(m.Blocks...))
	}
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	return opts
}

// responsePayload is a message sent to a response_url.
type responsePayload struct {
	Text            string        `json:"text,omitempty"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
	ResponseType    string        `json:"response_type,omitempty"`
	ReplaceOriginal bool          `json:"replace_original"`
	DeleteOriginal  bool          `json:"delete_original,omitempty"`
	UnfurlLinks     bool          `json:"unfurl_links"`
	UnfurlMedia     bool          `json:"unfurl_media"`
}

// Respond delivers m through the response_url of a slash command or button press: ephemeral
// unless m.InChannel, replacing or deleting the pressed message when m asks to.
func (s *Slack) Respond(ctx context.Context, responseURL string, m handlers.Message) error {
	u, err := url.Parse(responseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("response_url is not an http(s) URL")
	}
	p := responsePayload{ResponseType: "ephemeral", ReplaceOriginal: m.ReplaceOriginal}
	if m.InChannel {
		p.ResponseType = "in_channel"
	}
	if m.DeleteOriginal {
		p = responsePayload{DeleteOriginal: true}
	} else {
		p.Text, p.Blocks = m.Text, m.Blocks
	}
	body, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("response_url: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, responseURL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("response_url: %w", err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := s.http.Do(req)
	if err != nil {
		return fmt.Errorf("response_url: %w", err)
	}
	defer resp.Body.Close()
	reason, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("response_url: %s: %s", resp.Status, strings.TrimSpace(string(reason)))
	}
	return nil
}

// UserTZ returns the IANA time zone of user from users.info, or "" when it is not known.
func (s *Slack) UserTZ(ctx context.Context, user string) string {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	u, err := s.api.GetUserInfoContext(ctx, user)
	if err != nil {
		s.log.Warn("users.info failed; answering without the user's time zone", "err", err)
		return ""
	}
	return u.TZ
}

// ThreadParent returns the raw text of the message that opened the thread threadTS in
// channel, read with conversations.replies.
func (s *Slack) ThreadParent(ctx context.Context, channel, threadTS string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	msgs, _, _, err := s.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
		ChannelID: channel, Timestamp: threadTS, Limit: 1, Inclusive: true,
	})
	if err != nil {
		return "", fmt.Errorf("conversations.replies: %w", err)
	}
	for _, m := range msgs {
		if m.Timestamp == threadTS {
			return m.Text, nil
		}
	}
	return "", errors.New("conversations.replies: thread parent not found")
}

// authErrors are the Slack error codes that mean a token is wrong, not that Slack is down.
var authErrors = map[string]bool{
	"invalid_auth":           true,
	"not_authed":             true,
	"account_inactive":       true,
	"token_revoked":          true,
	"token_expired":          true,
	"not_allowed_token_type": true,
}

// IsAuthError reports whether err is Slack refusing a token (invalid_auth, token_revoked
// and the like): retrying cannot help, and the program should stop and say so.
func IsAuthError(err error) bool {
	if err == nil {
		return false
	}
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		return authErrors[se.Err]
	}
	var code slack.StatusCodeError
	return errors.As(err, &code) && (code.Code == http.StatusUnauthorized || code.Code == http.StatusForbidden)
}

// refusals are Slack's answers to chat.postMessage that another attempt would only
// repeat: the channel is gone or closed to the bot, or the message itself is refused.
var refusals = map[string]bool{
	"channel_not_found":                        true,
	"not_in_channel":                           true,
	"is_archived":                              true,
	"missing_scope":                            true,
	"no_permission":                            true,
	"team_access_not_granted":                  true,
	"ekm_access_denied":                        true,
	"restricted_action":                        true,
	"restricted_action_read_only_channel":      true,
	"restricted_action_thread_only_channel":    true,
	"restricted_action_non_threadable_channel": true,
	"messages_tab_disabled":                    true,
	"msg_too_long":                             true,
	"no_text":                                  true,
	"invalid_blocks":                           true,
	"invalid_blocks_format":                    true,
	"too_many_attachments":                     true,
}

// IsRefusal reports whether err is Slack refusing a call in a way that retrying cannot
// mend: the token refused (see IsAuthError), the channel gone or closed to the bot, the
// message refused.
func IsRefusal(err error) bool {
	if IsAuthError(err) {
		return true
	}
	var se slack.SlackErrorResponse
	return errors.As(err, &se) && refusals[se.Err]
}
