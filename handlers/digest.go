package handlers

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/slack-go/slack"

	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/store"
)

// DefaultDigestAt is when a digest is posted if "digest on" names no time.
const DefaultDigestAt = "09:00"

// ArchiveWindow is how long a quote featured in a channel is not featured there again.
const ArchiveWindow = 30 * 24 * time.Hour

// Bounds on one digest message, well inside Block Kit's limits.
const (
	maxDigestDocs        = 10  // documents listed in one digest; the rest are counted
	maxDigestActors      = 5   // actors in the "most quoted" line
	digestQuoteChars     = 300 // characters of a featured quote
	digestTitleChars     = 200
	digestBlockIDPrefix  = "digest"
	digestArchiveMinRune = 40 // an archive quote shorter than this says too little alone
)

// CorpusSource returns the corpus in use now; a refresh may replace it between calls.
// Searcher implements it.
type CorpusSource interface {
	Corpus() *corpus.Corpus
}

// Digester is the daily digest: it answers "/elecsec digest …" (it implements Digests) and
// composes the message a sweep posts (ComposeDigest).
type Digester struct {
	store  store.Store
	corpus CorpusSource
	now    func() time.Time
	log    *slog.Logger

	mu   sync.Mutex
	seen *corpus.Corpus // the corpus whose documents were last recorded as seen
}

var _ Digests = (*Digester)(nil)

// NewDigester returns a Digester keeping subscriptions in st and reading documents from
// src. A nil now means time.Now; a nil log discards.
func NewDigester(st store.Store, src CorpusSource, now func() time.Time, log *slog.Logger) *Digester {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Digester{store: st, corpus: src, now: now, log: log}
}

// DigestPost is a composed digest: the message to post and what it features.
type DigestPost struct {
	Message  Message   // for the channel; empty when Skip
	Skip     bool      // nothing is new and the subscription skips empty days: post nothing
	DocIDs   []string  // the new documents it lists
	QuoteIDs []string  // the quotes it shows
	AsOf     time.Time // documents first seen up to this time are covered
}

// errNoCorpus means there is no corpus to compose from yet.
var errNoCorpus = errors.New("digest: the corpus is not loaded")

// ComposeDigest composes the digest of sub's channel at now: the documents first seen
// since the channel's last posted digest (or since it subscribed), each with its strongest
// quote, and the actors most quoted in them. When nothing is new it is one quote from the
// archive not featured in the channel in the last 30 days, or, with SkipEmpty, nothing.
// It reads the store but records nothing in the ledger; the sweeper does.
func (d *Digester) ComposeDigest(ctx context.Context, sub store.Subscription, now time.Time) (DigestPost, error) {
	c := d.corpus.Corpus()
	if c == nil {
		return DigestPost{}, errNoCorpus
	}
	if err := d.see(ctx, c); err != nil {
		return DigestPost{}, err
	}
	since, last := sub.CreatedAt, []string(nil)
	prev, err := d.store.LastPosted(ctx, sub.ChannelID)
	switch {
	case err == nil:
		since, last = prev.AsOf, prev.DocIDs
	case !errors.Is(err, store.ErrNotFound):
		return DigestPost{}, err
	}
	ids, err := d.store.DocumentsSeen(ctx, since, now)
	if err != nil {
		return DigestPost{}, err
	}
	lk := newDigestLookup(c)
	var docs []*corpus.Document
	for _, id := range ids {
		if doc := lk.docs[id]; doc != nil && !slices.Contains(last, id) {
			docs = append(docs, doc)
		}
	}
	date := now.Format(time.DateOnly)
	if loc, err := store.LoadZone(sub.Zone); err == nil {
		date = now.In(loc).Format(time.DateOnly)
	}
	post := DigestPost{AsOf: now}
	if len(docs) > 0 {
		post.Message, post.DocIDs, post.QuoteIDs = newDocumentsMessage(lk, docs, date)
		return post, nil
	}
	if sub.SkipEmpty {
		post.Skip = true
		return post, nil
	}
	featured, err := d.store.FeaturedQuotes(ctx, sub.ChannelID, now.Add(-ArchiveWindow))
	if err != nil {
		return DigestPost{}, err
	}
	q := archiveQuote(lk, featured, sub.ChannelID+"|"+date)
	post.Message = archiveMessage(lk, q, date)
	if q != nil {
		post.QuoteIDs = []string{q.ID()}
	}
	return post, nil
}

// see records the documents of c as seen, once per corpus: a document's first sighting is
// when it counts as new.
func (d *Digester) see(ctx context.Context, c *corpus.Corpus) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.seen == c {
		return nil
	}
	ids := make([]string, 0, len(c.Documents))
	for _, doc := range c.Documents {
		if doc != nil {
			ids = append(ids, doc.ID)
		}
	}
	if err := d.store.SeeDocuments(ctx, ids); err != nil {
		return err
	}
	d.seen = c
	return nil
}

// digestLookup indexes a corpus without relying on its private maps, so corpora built as
// literals work too.
type digestLookup struct {
	c      *corpus.Corpus
	docs   map[string]*corpus.Document
	actors map[string]*corpus.Actor
	quotes map[string][]*corpus.Quote // by document id, in order
}

func newDigestLookup(c *corpus.Corpus) digestLookup {
	lk := digestLookup{c: c, docs: map[string]*corpus.Document{}, actors: map[string]*corpus.Actor{}, quotes: map[string][]*corpus.Quote{}}
	for _, doc := range c.Documents {
		if doc != nil {
			lk.docs[doc.ID] = doc
		}
	}
	for _, a := range c.Actors {
		if a != nil {
			lk.actors[a.ID] = a
		}
	}
	for _, q := range c.Quotes {
		if q != nil {
			lk.quotes[q.DocID] = append(lk.quotes[q.DocID], q)
		}
	}
	return lk
}

func (lk digestLookup) speakers(q *corpus.Quote) []*corpus.Actor {
	var as []*corpus.Actor
	for _, id := range q.Speakers {
		if a := lk.actors[id]; a != nil {
			as = append(as, a)
		}
	}
	return as
}

// quoteStrength ranks quotes for featuring: a whole quotation over a fragment, a known
// speaker over none, a person over an institution, and a length that reads well alone.
func (lk digestLookup) quoteStrength(q *corpus.Quote) int {
	speakers := lk.speakers(q)
	if len(speakers) == 0 {
		return -1
	}
	score := 0
	if !q.Partial {
		score += 4
	}
	for _, a := range speakers {
		if a.Kind == corpus.Person {
			score += 2
			break
		}
	}
	switch n := q.Chars(); {
	case n >= 60 && n <= digestQuoteChars:
		score += 3
	case n >= digestArchiveMinRune:
		score++
	}
	return score
}

// strongestQuote is the document's quote to show: the strongest, the earliest among equals.
func (lk digestLookup) strongestQuote(docID string) *corpus.Quote {
	var best *corpus.Quote
	bestScore := -1
	for _, q := range lk.quotes[docID] {
		if s := lk.quoteStrength(q); s > bestScore {
			best, bestScore = q, s
		}
	}
	return best
}

func newDocumentsMessage(lk digestLookup, docs []*corpus.Document, date string) (Message, []string, []string) {
	heading := "Election security digest"
	intro := fmt.Sprintf("%s new since the last digest · %s", plural(len(docs), "document", "documents"), digestDay(date))
	blocks := []slack.Block{
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, heading, false, false)),
		digestContext(intro),
	}
	var docIDs, quoteIDs []string
	spoke := map[string]int{}
	for _, doc := range docs {
		for _, q := range lk.quotes[doc.ID] {
			for _, id := range q.Speakers {
				spoke[id]++
			}
		}
	}
	for i, doc := range docs {
		if i == maxDigestDocs {
			break
		}
		text := "*" + Link(doc.URL, cutWords(firstNonEmpty(doc.Title, doc.ID), digestTitleChars)) + "*"
		if src := joinNonEmpty(" · ", Escape(doc.Publisher), Escape(FormatDate(doc.Date))); src != "" {
			text += "\n" + src
		}
		if q := lk.strongestQuote(doc.ID); q != nil {
			text += "\n" + quoted(Excerpt(q.Text(), nil, digestQuoteChars))
			if who := SpeakerLine(lk.speakers(q)); who != "" {
				text += " — " + who
			}
			quoteIDs = append(quoteIDs, q.ID())
		}
		blocks = append(blocks, digestSection(fmt.Sprintf("%s-doc-%d", digestBlockIDPrefix, i), text))
		docIDs = append(docIDs, doc.ID)
	}
	if more := len(docs) - len(docIDs); more > 0 {
		blocks = append(blocks, digestContext(fmt.Sprintf("…and %s more: `/elecsec sources` lists them all.",
			plural(more, "document", "documents"))))
	}
	if line := mostQuotedLine(lk, spoke); line != "" {
		blocks = append(blocks, digestSection(digestBlockIDPrefix+"-actors", "*Most quoted:* "+line))
	}
	m := Message{
		Text:      fmt.Sprintf("%s: %s", heading, plural(len(docs), "new document", "new documents")),
		Blocks:    blocks,
		InChannel: true,
	}
	return EnforceLimits(m), docIDs, quoteIDs
}

// mostQuotedLine is "Name (3) · Name (2)" for the actors quoted most, ties by name.
func mostQuotedLine(lk digestLookup, counts map[string]int) string {
	type tally struct {
		a *corpus.Actor
		n int
	}
	var ts []tally
	for id, n := range counts {
		if a := lk.actors[id]; a != nil {
			ts = append(ts, tally{a, n})
		}
	}
	slices.SortFunc(ts, func(x, y tally) int {
		return cmp.Or(y.n-x.n, strings.Compare(x.a.Name, y.a.Name), strings.Compare(x.a.ID, y.a.ID))
	})
	var parts []string
	for i, t := range ts {
		if i == maxDigestActors {
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", Escape(firstNonEmpty(t.a.Name, t.a.ID)), t.n))
	}
	return strings.Join(parts, " · ")
}

// archiveQuote picks a strong quote not featured recently. The pick depends on seed (the
// channel and date), so a retry posts the same quote and channels differ on the same day.
func archiveQuote(lk digestLookup, featured []string, seed string) *corpus.Quote {
	var candidates []*corpus.Quote
	best := 0
	for _, q := range lk.c.Quotes {
		if q == nil || slices.Contains(featured, q.ID()) || lk.docs[q.DocID] == nil {
			continue
		}
		switch s := lk.quoteStrength(q); {
		case s < 0 || q.Chars() < digestArchiveMinRune:
		case s > best:
			best, candidates = s, []*corpus.Quote{q}
		case s == best:
			candidates = append(candidates, q)
		}
	}
	if len(candidates) == 0 {
		return nil
	}
	h := fnv.New32a()
	h.Write([]byte(seed))
	return candidates[h.Sum32()%uint32(len(candidates))]
}

func archiveMessage(lk digestLookup, q *corpus.Quote, date string) Message {
	heading := "Election security digest"
	if q == nil {
		text := "Nothing new since the last digest, and every quote in the archive has been featured here in the last 30 days."
		return EnforceLimits(Message{
			Text:      heading + ": nothing new",
			Blocks:    []slack.Block{digestSection(digestBlockIDPrefix+"-empty", text)},
			InChannel: true,
		})
	}
	doc := lk.docs[q.DocID]
	blocks := []slack.Block{
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, heading, false, false)),
		digestContext("Nothing new since the last digest · " + digestDay(date) + " · from the archive:"),
		digestSection(digestBlockIDPrefix+"-archive", quoted(Excerpt(q.Text(), nil, digestQuoteChars))),
		digestContext(ContextLine(lk.speakers(q), doc)),
	}
	return EnforceLimits(Message{Text: heading + ": a quote from the archive", Blocks: blocks, InChannel: true})
}

// digestDay is "Monday, March 2" for a YYYY-MM-DD date.
func digestDay(date string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return Escape(date)
	}
	return t.Format("Monday, January 2")
}

func digestSection(blockID, text string) *slack.SectionBlock {
	return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, false), nil, nil,
		slack.SectionBlockOptionBlockID(blockID))
}

func digestContext(text string) *slack.ContextBlock {
	return slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, text, false, false))
}

// digestNotice is a one-line reply, already mrkdwn: ephemeral, or in the thread for a mention.
func digestNotice(req Request, text string) Reply {
	return Reply{Messages: []Message{{
		Text:      text,
		Blocks:    []slack.Block{digestSection(digestBlockIDPrefix+"-notice", text)},
		InChannel: req.Surface == Mention,
	}}}
}

const digestUsage = "Daily digest of what is new, posted in this channel:\n" +
	"• `digest on [HH:MM] [zone] [skip-empty]`: every day at HH:MM (default 09:00) in an IANA zone " +
	"(default yours), like `digest on 08:30 Europe/Berlin`; `skip-empty` posts nothing on days with nothing new\n" +
	"• `digest off`: stop\n• `digest status`: the schedule and the last digest\n" +
	"• `digest preview`: see, privately, what would be posted now"

// DigestCommand answers "digest …"; args is what follows the word digest.
func (d *Digester) DigestCommand(ctx context.Context, req Request, args string) Reply {
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return digestNotice(req, digestUsage)
	}
	if req.ChannelID == "" {
		return digestNotice(req, "Digests are posted in a channel: run this in the channel that should get them.")
	}
	switch verb := strings.ToLower(fields[0]); {
	case verb == "on" || verb == "at" || verb == "daily" || verb == "start" || verb == "subscribe":
		return d.on(ctx, req, fields[1:])
	case strings.Contains(verb, ":"): // "digest 08:30 Europe/Berlin" means on
		return d.on(ctx, req, fields)
	case verb == "off" || verb == "stop" || verb == "unsubscribe":
		return d.off(ctx, req)
	case verb == "status":
		return d.status(ctx, req)
	case verb == "preview":
		return d.preview(ctx, req)
	case verb == "help":
		return digestNotice(req, digestUsage)
	default:
		return digestNotice(req, fmt.Sprintf("I don't know `digest %s`.\n%s", Escape(cutPlain(fields[0], 40)), digestUsage))
	}
}

func (d *Digester) storeTrouble(req Request, what string, err error) Reply {
	d.log.Error("digest store", "op", what, "channel", req.ChannelID, "err", err)
	return digestNotice(req, "Sorry, I could not reach the digest store just now. Please try again in a moment.")
}

// parseDigestOn reads "[HH:MM] [zone] [skip-empty]" in any order.
func parseDigestOn(fields []string, defaultZone string) (store.Subscription, error) {
	var sub store.Subscription
	for _, f := range fields {
		switch {
		case strings.EqualFold(strings.NewReplacer("_", "-").Replace(f), "skip-empty") || strings.EqualFold(f, "skipempty"):
			sub.SkipEmpty = true
		case strings.Contains(f, ":") || (f != "" && unicode.IsDigit(rune(f[0]))):
			if sub.At != "" {
				return sub, fmt.Errorf("give one time, not %s and %s", Escape(sub.At), Escape(f))
			}
			at, err := store.ParseAt(f)
			if err != nil {
				return sub, fmt.Errorf("`%s` is not a time of day: use 24-hour HH:MM, like `09:00` or `17:30`", Escape(cutPlain(f, 40)))
			}
			sub.At = at
		default:
			if sub.Zone != "" {
				return sub, fmt.Errorf("give one time zone, not %s and %s", Escape(sub.Zone), Escape(cutPlain(f, 40)))
			}
			zone, ok := canonicalZone(f)
			if !ok {
				return sub, fmt.Errorf("`%s` is not a time zone I know: use an IANA name, like `America/New_York`, `Europe/Berlin` or `UTC`",
					Escape(cutPlain(f, 60)))
			}
			sub.Zone = zone
		}
	}
	if sub.At == "" {
		sub.At = DefaultDigestAt
	}
	if sub.Zone == "" {
		sub.Zone = "UTC"
		if zone, ok := canonicalZone(defaultZone); ok {
			sub.Zone = zone
		}
	}
	return sub, nil
}

// canonicalZone returns the IANA name of a zone, forgiving case: "america/new_york" is
// America/New_York.
func canonicalZone(name string) (string, bool) {
	if name == "" {
		return "", false
	}
	if _, err := store.LoadZone(name); err == nil {
		return name, true
	}
	if up := strings.ToUpper(name); up == "UTC" || up == "GMT" {
		return up, true
	}
	var b strings.Builder
	upper := true
	for _, r := range strings.ToLower(name) {
		if upper {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(r)
		}
		upper = r == '/' || r == '_' || r == '-'
	}
	if _, err := store.LoadZone(b.String()); err == nil {
		return b.String(), true
	}
	return "", false
}

func (d *Digester) on(ctx context.Context, req Request, fields []string) Reply {
	sub, err := parseDigestOn(fields, req.UserTZ)
	if err != nil {
		return digestNotice(req, "Sorry, "+err.Error()+".")
	}
	now := d.now()
	sub.ChannelID, sub.TeamID, sub.CreatedBy, sub.CreatedAt = req.ChannelID, req.TeamID, req.UserID, now
	// What the corpus holds now is not news to this channel: record it as seen first.
	if c := d.corpus.Corpus(); c != nil {
		if err := d.see(ctx, c); err != nil {
			return d.storeTrouble(req, "see documents", err)
		}
	}
	if err := d.store.PutSubscription(ctx, sub); err != nil {
		return d.storeTrouble(req, "put subscription", err)
	}
	text := fmt.Sprintf("Daily digest on: this channel gets what is new on election security every day at *%s %s*",
		sub.At, Escape(sub.Zone))
	if sub.SkipEmpty {
		text += ", and nothing on days with nothing new"
	} else {
		text += "; on days with nothing new, a quote from the archive"
	}
	text += "."
	if next, err := sub.Next(now); err == nil {
		text += " The first one comes " + digestWhen(next, now, sub.Zone) + "."
	}
	return digestNotice(req, text)
}

// digestWhen is "today at 09:00 EST" or "Tue, Mar 3 at 09:00 EST", in zone.
func digestWhen(t, now time.Time, zone string) string {
	loc, err := store.LoadZone(zone)
	if err != nil {
		loc = time.UTC
	}
	t, now = t.In(loc), now.In(loc)
	day := t.Format("Mon, Jan 2")
	switch {
	case t.Format(time.DateOnly) == now.Format(time.DateOnly):
		day = "today"
	case t.Format(time.DateOnly) == now.AddDate(0, 0, 1).Format(time.DateOnly):
		day = "tomorrow"
	}
	return day + " at " + t.Format("15:04 MST")
}

func (d *Digester) off(ctx context.Context, req Request) Reply {
	switch err := d.store.DeleteSubscription(ctx, req.ChannelID); {
	case errors.Is(err, store.ErrNotFound):
		return digestNotice(req, "This channel has no daily digest to turn off.")
	case err != nil:
		return d.storeTrouble(req, "delete subscription", err)
	}
	return digestNotice(req, "Daily digest off: this channel gets no more digests. `digest on` starts them again.")
}

func (d *Digester) status(ctx context.Context, req Request) Reply {
	sub, err := d.store.Subscription(ctx, req.ChannelID)
	if errors.Is(err, store.ErrNotFound) {
		return digestNotice(req, "This channel has no daily digest. `/elecsec digest on [HH:MM] [zone]` starts one.")
	} else if err != nil {
		return d.storeTrouble(req, "subscription", err)
	}
	now := d.now()
	skipping := ""
	if sub.SkipEmpty {
		skipping = ", skipping days with nothing new"
	}
	lines := []string{fmt.Sprintf("Daily digest every day at *%s %s*%s, set up by %s on %s.",
		sub.At, Escape(sub.Zone), skipping, digestUser(sub.CreatedBy), sub.CreatedAt.In(time.UTC).Format("Jan 2, 2006"))}
	if date, _, err := sub.Due(now); err == nil {
		today, err := d.store.Digest(ctx, store.DigestKey{ChannelID: sub.ChannelID, Date: date})
		switch {
		case err == nil && today.State == store.StateFailed:
			lines = append(lines, fmt.Sprintf("Today's digest failed after %s; the log has why.", plural(today.Attempts, "attempt", "attempts")))
		case err == nil && today.State == store.StateClaimed:
			lines = append(lines, fmt.Sprintf("Today's digest is being posted (%s so far).", plural(today.Attempts, "attempt", "attempts")))
		case err == nil && today.State == store.StateSkipped:
			lines = append(lines, "Today had nothing new, so nothing was posted.")
		case err != nil && !errors.Is(err, store.ErrNotFound):
			return d.storeTrouble(req, "digest", err)
		}
	}
	if last, err := d.store.LastPosted(ctx, sub.ChannelID); err == nil {
		with := "a quote from the archive"
		if len(last.DocIDs) > 0 {
			with = plural(len(last.DocIDs), "new document", "new documents")
		}
		lines = append(lines, fmt.Sprintf("Last posted: %s, with %s.", digestDay(last.Date), with))
	} else if !errors.Is(err, store.ErrNotFound) {
		return d.storeTrouble(req, "last posted", err)
	}
	if next, err := sub.Next(now); err == nil {
		lines = append(lines, "Next: "+digestWhen(next, now, sub.Zone)+".")
	}
	return digestNotice(req, strings.Join(lines, "\n"))
}

// digestUser mentions a Slack user, or names whoever it was when the id is no user id.
func digestUser(id string) string {
	if isUserID(id) {
		return "<@" + id + ">"
	}
	if id == "" {
		return "someone"
	}
	return Escape(id)
}

func (d *Digester) preview(ctx context.Context, req Request) Reply {
	now := d.now()
	sub, err := d.store.Subscription(ctx, req.ChannelID)
	subscribed := err == nil
	switch {
	case errors.Is(err, store.ErrNotFound):
		// As "digest on" would subscribe now: its first digest has nothing new yet.
		sub, _ = parseDigestOn(nil, req.UserTZ)
		sub.ChannelID, sub.CreatedAt = req.ChannelID, now
	case err != nil:
		return d.storeTrouble(req, "subscription", err)
	}
	post, err := d.ComposeDigest(ctx, sub, now)
	if errors.Is(err, errNoCorpus) {
		return digestNotice(req, "The corpus is not loaded yet. Please try again in a moment.")
	} else if err != nil {
		return d.storeTrouble(req, "compose", err)
	}
	if post.Skip {
		return digestNotice(req, "Nothing is new since the last digest, and this channel skips such days: nothing would be posted now.")
	}
	note := "_Preview: this is what the digest would post in this channel now._"
	if !subscribed {
		note = "_Preview: this channel has no digest yet; `digest on` would post this._"
	}
	m := post.Message
	m.InChannel = false
	m.Blocks = append([]slack.Block{digestContext(note)}, m.Blocks...)
	return Reply{Messages: []Message{EnforceLimits(m)}}
}
