package handlers

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/elecsec/elecsec/corpus"
)

// Searcher answers queries over one corpus. *corpus.Index is the real one; a caller that
// swaps indexes on refresh passes something that forwards to the current one.
type Searcher interface {
	Search(query string) corpus.Answer
	Corpus() *corpus.Corpus
}

var _ Searcher = (*corpus.Index)(nil)

// Digests handles "/elecsec digest …": subscribing a channel to the daily digest and the
// like. args is what follows the word digest. Its reply passes through EnforceLimits.
type Digests interface {
	DigestCommand(ctx context.Context, req Request, args string) Reply
}

// DigestActions is implemented by a Digests whose messages carry buttons: a press of a
// button whose action_id starts with DigestActionPrefix goes to DigestAction.
type DigestActions interface {
	DigestAction(ctx context.Context, req Request) Reply
}

// DigestActionPrefix starts the action_id of every button that Digests handles.
const DigestActionPrefix = "digest"

// Handler turns requests into replies. It holds no state of its own between requests, so
// one Handler serves every transport and goroutine at once.
type Handler struct {
	log      *slog.Logger
	search   Searcher
	digests  Digests
	commands map[string]command
	actions  map[string]action
}

// New returns a Handler answering from search. digests may be nil: "digest …" then says
// digests are not configured. log may be nil to discard the one thing Handler logs, a
// recovered panic.
func New(log *slog.Logger, search Searcher, digests Digests) *Handler {
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	h := &Handler{log: log, search: search, digests: digests}
	h.routes()
	return h
}

// command answers one subcommand; anything not a subcommand is a query.
type command func(ctx context.Context, c call) Reply

// action answers a press of one of elecsec's buttons.
type action func(ctx context.Context, req Request) Reply

// routes is the whole command surface. The first word of a request picks a command; any
// other request is a query ("who …", "what did … say", a name, a topic). Buttons are
// routed by action_id.
func (h *Handler) routes() {
	h.commands = map[string]command{
		"":        h.help,     // a bare /elecsec or @elecsec
		"help":    h.help,     // what elecsec does, with examples
		"?":       h.help,     //
		"who":     h.question, // who …: a query the index reads as "whose words match"
		"quotes":  h.quotes,   // quotes X: what X said
		"actors":  h.actors,   // actors [filter]: who the corpus names
		"sources": h.sources,  // sources [filter]: the articles
		"digest":  h.digest,   // digest …: daily digests, handled by Digests
		"digests": h.digest,   //
	}
	h.actions = map[string]action{
		ActionShare: h.share, // post the page in the channel, delete the ephemeral
		ActionMore:  h.more,  // replace the message with the next page
	}
}

// call is one command to answer: the request, the command text as typed (cleaned), what
// follows the command word, and the page of the answer to render.
type call struct {
	req       Request
	text      string
	args      string
	page      int
	inChannel bool   // reply for everyone: a mention, or a page of one
	sharedBy  string // set when the page is being shared in the channel: who shared it
	search    bool   // text is a query, even if it starts like a command
}

// Handle answers req. It never fails: a request it cannot answer, and even a bug, gets a
// friendly line in the reply. Every message it returns fits Block Kit's limits and has
// fallback text.
func (h *Handler) Handle(ctx context.Context, req Request) (reply Reply) {
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("handler panic", "surface", req.Surface, "query_len", len(req.Text), "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			reply = notice(req, "Sorry, something went wrong while answering that. Please try again in a moment.")
		}
		for i, m := range reply.Messages {
			reply.Messages[i] = EnforceLimits(m)
		}
	}()
	if req.Surface == Interaction {
		return h.press(ctx, req)
	}
	c := call{req: req, inChannel: req.Surface == Mention, text: cleanInput(req.Text)}
	if c.text == "" && req.ParentText != "" {
		c.text, c.search = parentQuery(req.ParentText), true
		if c.text == "" {
			return notice(req, "The message this thread starts with has no words I can search for. Ask me directly, for example `@elecsec who called for more funding`.")
		}
	}
	if n := runeLen(c.text); n > MaxQueryChars {
		return notice(req, fmt.Sprintf("That is %d characters; I read questions of up to %d. Ask with the few words that matter, for example %s.",
			n, MaxQueryChars, example(c, "who called for more funding")))
	}
	return h.dispatch(ctx, c)
}

// dispatch runs the command c.text names, or searches for c.text.
func (h *Handler) dispatch(ctx context.Context, c call) Reply {
	if c.search {
		return h.query(ctx, c)
	}
	cmd, args := splitCommand(c.text)
	c.args = args
	if run, ok := h.commands[cmd]; ok {
		return run(ctx, c)
	}
	return h.query(ctx, c)
}

// press answers a button.
func (h *Handler) press(ctx context.Context, req Request) Reply {
	if req.Action != nil {
		if run, ok := h.actions[req.Action.ID]; ok {
			return run(ctx, req)
		}
		if d, ok := h.digests.(DigestActions); ok && strings.HasPrefix(req.Action.ID, DigestActionPrefix) {
			return d.DigestAction(ctx, req)
		}
	}
	return notice(req, "That button no longer does anything here. Type `/elecsec help` to see what I can do.")
}

// rerun answers a button press by running again the command its value carries.
func (h *Handler) rerun(ctx context.Context, req Request, modify func(*call)) (Reply, bool) {
	ref, err := decodePageRef(req.Action.Value)
	if err != nil {
		return Reply{}, false
	}
	c := call{req: req, text: ref.Text, page: ref.Page, inChannel: ref.InChannel, search: ref.Search}
	modify(&c)
	return h.dispatch(ctx, c), true
}

// more replaces the message with the page the button names.
func (h *Handler) more(ctx context.Context, req Request) Reply {
	reply, ok := h.rerun(ctx, req, func(*call) {})
	if !ok {
		return expired(req)
	}
	if isNotice(reply) {
		return reply // keep the page the user was reading; say why there is no next one
	}
	for i := range reply.Messages {
		reply.Messages[i].ReplaceOriginal = true
	}
	return reply
}

// share posts the page for everyone, credited to whoever pressed the button, and deletes
// the ephemeral original.
func (h *Handler) share(ctx context.Context, req Request) Reply {
	reply, ok := h.rerun(ctx, req, func(c *call) {
		c.inChannel = true
		c.sharedBy = userRef(req)
	})
	if !ok {
		return expired(req)
	}
	if isNotice(reply) {
		return reply // the answer changed into a notice: show it to the presser only
	}
	reply.Messages = append(reply.Messages, Message{DeleteOriginal: true})
	return reply
}

func expired(req Request) Reply {
	return notice(req, "That button has expired. Ask again with `/elecsec` and a question.")
}

// digest hands "digest …" to Digests.
func (h *Handler) digest(ctx context.Context, c call) Reply {
	if h.digests == nil {
		return notice(c.req, "Daily digests are not configured on this server.")
	}
	return h.digests.DigestCommand(ctx, c.req, c.args)
}

// corpus returns the corpus behind the searcher, or nil when there is none yet.
func (h *Handler) corpus() *corpus.Corpus {
	if h.search == nil {
		return nil
	}
	return h.search.Corpus()
}
