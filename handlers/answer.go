package handlers

import (
	"context"
	"fmt"
	"strings"

	"github.com/elecsec/elecsec/corpus"
	"github.com/slack-go/slack"
)

// PageSize is how many results one answer message shows; More results shows the next ones.
const PageSize = 3

// question answers "who …".
func (h *Handler) question(ctx context.Context, c call) Reply {
	if c.args == "" {
		return notice(c.req, "Who did what? Ask, for example, "+example(c, "who called for more funding")+".")
	}
	return h.query(ctx, c)
}

// quotes answers "quotes X" as the query "quotes from X".
func (h *Handler) quotes(ctx context.Context, c call) Reply {
	if c.args == "" {
		return h.whoseQuotes(c)
	}
	return h.answer(c, quotesQuery(c.args))
}

// quotesQuery spells "quotes X" the way the index reads it, "quotes from X", unless X
// already says how it relates ("quotes about …").
func quotesQuery(args string) string {
	first, rest := splitCommand(args)
	switch first {
	case "from", "about", "on", "regarding", "mentioning":
		return "quotes " + args
	case "by", "of":
		if rest != "" {
			return "quotes from " + rest
		}
	}
	return "quotes from " + args
}

// query answers a plain query.
func (h *Handler) query(_ context.Context, c call) Reply { return h.answer(c, c.text) }

// answer searches for q and renders the page c asks for.
func (h *Handler) answer(c call, q string) Reply {
	if !hasWord(q) {
		return notice(c.req, "I need at least one word to search for. Type "+example(c, "help")+" for examples.")
	}
	if h.search == nil {
		return notLoaded(c.req)
	}
	ans := h.search.Search(q)
	if len(ans.Results) == 0 {
		return noAnswer(c, ans)
	}
	start := c.page * PageSize
	if start >= len(ans.Results) {
		return notice(c.req, "There are no more results for "+quoted(c.text)+".")
	}
	end := min(start+PageSize, len(ans.Results))
	corp := ans.Corpus // the corpus the answer came from, even if a refresh has swapped it since
	if corp == nil {
		corp = h.corpus()
	}

	blocks := []slack.Block{mrkdwnSection("query", answerHeading(c, ans, start, end))}
	for _, r := range ans.Results[start:end] {
		if len(r.Terms) == 0 {
			r.Terms = queryTerms(q)
		}
		blocks = append(blocks, ResultBlocks(corp, r)...)
	}
	return c.finishPage(blocks, end < len(ans.Results), answerFallback(c, corp, ans.Results[start]))
}

// queryTerms are the words of a query worth showing in bold when the index does not say
// which words matched: not function words, not the words of elecsec's commands.
func queryTerms(q string) []string {
	var out []string
	for _, w := range words(q) {
		word := q[w[0]:w[1]]
		if f := foldWord(word); !stopWords[f] && !commandWords[f] && runeLen(f) >= 3 {
			out = append(out, word)
		}
	}
	return out
}

// commandWords shape a query rather than say what it is about.
var commandWords = map[string]bool{"quotes": true, "quote": true, "say": true, "said": true, "says": true, "tell": true, "told": true}

// finishPage finishes one page of a paged answer: the credit when it is being shared, the
// buttons when it is not, and the message's visibility.
func (c call) finishPage(blocks []slack.Block, hasMore bool, fallback string) Reply {
	if c.sharedBy != "" {
		blocks = append(blocks, mrkdwnContext("Shared by "+c.sharedBy))
		fallback = "Shared by " + c.sharedBy + ": " + fallback
	} else if b := buttons(pageRef{Text: c.text, Page: c.page, InChannel: c.inChannel, Search: c.search}, hasMore); b != nil {
		blocks = append(blocks, b)
	}
	return Reply{Messages: []Message{{Text: fallback, Blocks: blocks, InChannel: c.inChannel}}}
}

// answerHeading restates the query: what was asked, which actor it was read as when the
// name was not spelled out, and which results this page shows.
func answerHeading(c call, ans corpus.Answer, start, end int) string {
	var b strings.Builder
	if c.search {
		b.WriteString("About the message this thread starts with: ")
	} else {
		b.WriteString("Results for ")
	}
	b.WriteString("*" + quoted(c.text) + "*")
	if a := ans.Actor; a != nil && a.Name != "" && !namesActor(c.text, a) {
		b.WriteString(", read as " + Escape(a.Name))
	}
	b.WriteString(" · ")
	if start == 0 && end == len(ans.Results) {
		b.WriteString(plural(len(ans.Results), "result", "results"))
	} else {
		fmt.Fprintf(&b, "%d–%d of %d", start+1, end, len(ans.Results))
	}
	return b.String()
}

// namesActor reports whether text spells out the actor's name or one of its aliases, so a
// heading need not say which actor the query was read as.
func namesActor(text string, a *corpus.Actor) bool {
	text = " " + wordsOnly(text) + " "
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if n = wordsOnly(n); n != "" && strings.Contains(text, " "+n+" ") {
			return true
		}
	}
	return false
}

// fallbackExcerptLimit keeps a notification to a line or two.
const fallbackExcerptLimit = 160

// wordsOnly is the words of s, lowercased and separated by single spaces.
func wordsOnly(s string) string {
	var ws []string
	for _, w := range words(s) {
		ws = append(ws, foldWord(s[w[0]:w[1]]))
	}
	return strings.Join(ws, " ")
}

// answerFallback is the notification text of an answer page: the query and its first result.
func answerFallback(c call, corp *corpus.Corpus, r corpus.Result) string {
	s := "Results for " + quoted(c.text) + ": "
	switch r.Kind {
	case corpus.ActorResult:
		if r.Actor != nil && r.DocID != "" && r.Cue != "" && r.Text != "" {
			return s + Escape(reportedSubject(r)+" "+Excerpt(r.Text, r.Terms, fallbackExcerptLimit))
		}
		if r.Actor != nil {
			return s + Escape(actorWithRoles(r.Actor, maxRolesShown))
		}
	case corpus.QuoteResult:
		s += quoted(Excerpt(r.Text, r.Terms, fallbackExcerptLimit))
	default:
		s += Escape(Excerpt(r.Text, r.Terms, fallbackExcerptLimit))
	}
	if names := speakerNames(r.Speakers); names != "" {
		s += " — " + Escape(names)
	}
	if doc := findDocument(corp, r.DocID); doc != nil {
		s += " (" + Escape(SourceLabel(doc)) + ")"
	}
	return s
}

// reportedSubject names who made a reported statement: "Jane Roe and John Doe".
func reportedSubject(r corpus.Result) string {
	var names []string
	for _, a := range r.Speakers {
		if a != nil {
			names = append(names, firstNonEmpty(a.Name, a.ID))
		}
	}
	switch len(names) {
	case 0:
		return firstNonEmpty(r.Actor.Name, r.Actor.ID)
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func speakerNames(as []*corpus.Actor) string {
	var names []string
	for _, a := range as {
		if a != nil {
			names = append(names, firstNonEmpty(a.Name, a.ID))
		}
	}
	return strings.Join(names, ", ")
}

// ResultBlocks renders one search result: for a quote, its excerpt in curly quotes with the
// matched terms bold, then the context line naming speakers and source; for reported speech
// (an actor result with a document and a reporting verb), the speaker and what they did,
// marked as not a direct quote; for a passage, the excerpt and the article it is from; for
// an actor, the name, kind and roles, then how many quotes and documents the corpus holds
// for them. c may be nil; what it would add is then left out.
func ResultBlocks(c *corpus.Corpus, r corpus.Result) []slack.Block {
	switch {
	case r.Kind == corpus.ActorResult && r.Actor != nil && r.DocID != "" && r.Cue != "" && r.Text != "":
		return reportedBlocks(c, r)
	case r.Kind == corpus.ActorResult:
		return actorBlocks(c, r)
	case r.Kind == corpus.QuoteResult:
		return []slack.Block{
			mrkdwnSection("", "“"+EscapeExcerpt(r.Text, r.Terms)+"”"),
			mrkdwnContext(ContextLine(r.Speakers, findDocument(c, r.DocID))),
		}
	default:
		doc := findDocument(c, r.DocID)
		var from string
		if doc != nil && doc.Title != "" {
			from = "From " + quoted(shortTitle(doc.Title))
		}
		return []slack.Block{
			mrkdwnSection("", EscapeExcerpt(r.Text, r.Terms)),
			mrkdwnContext(joinNonEmpty(" · ", SpeakerLine(r.Speakers), from, SourceLink(doc))),
		}
	}
}

// maxTitleShown keeps an article's title in a context line to about a line.
const maxTitleShown = 80

func shortTitle(title string) string {
	if runeLen(title) <= maxTitleShown {
		return title
	}
	return cutWords(title, maxTitleShown-1) + "…"
}

// reportedBlocks renders reported speech: "*Name* urged the Senate to …", then the
// speaker's roles, a note that these are not their exact words, and the source.
func reportedBlocks(c *corpus.Corpus, r corpus.Result) []slack.Block {
	a := r.Actor
	roles := strings.Join(nonEmpty(a.Roles)[:min(len(nonEmpty(a.Roles)), maxRolesShown)], ", ")
	if len(r.Speakers) > 1 {
		roles = "" // one person's roles would misdescribe the others
	}
	return []slack.Block{
		mrkdwnSection("", "*"+Escape(reportedSubject(r))+"* "+EscapeExcerpt(r.Text, r.Terms)),
		mrkdwnContext(joinNonEmpty(" · ", Escape(roles), "reported, not a direct quote", SourceLink(findDocument(c, r.DocID)))),
	}
}

// actorBlocks renders an actor result.
func actorBlocks(c *corpus.Corpus, r corpus.Result) []slack.Block {
	a := r.Actor
	if a == nil {
		return []slack.Block{mrkdwnSection("", Escape(firstNonEmpty(r.Text, "An actor the corpus names")))}
	}
	head := "*" + Escape(firstNonEmpty(a.Name, a.ID)) + "*"
	if a.Kind != "" && a.Kind != corpus.Person {
		head += " (" + Escape(string(a.Kind)) + ")"
	}
	if roles := strings.Join(nonEmpty(a.Roles), ", "); roles != "" {
		head += " — " + Escape(roles)
	}
	docIDs := r.DocIDs
	if len(docIDs) == 0 {
		docIDs = a.DocIDs
	}
	var links []string
	for _, id := range docIDs {
		if len(links) == maxDocLinks {
			links = append(links, "…")
			break
		}
		if doc := findDocument(c, id); doc != nil {
			links = append(links, SourceLink(doc))
		}
	}
	return []slack.Block{
		mrkdwnSection("", head),
		mrkdwnContext(joinNonEmpty(" · ", actorTally(c, a, max(len(a.DocIDs), len(docIDs))), strings.Join(links, ", "))),
	}
}

const maxDocLinks = 3

// actorTally says how much the corpus holds for an actor: "4 quotes in 2 documents",
// "named in 1 document, not quoted", or "" when it knows nothing to count.
func actorTally(c *corpus.Corpus, a *corpus.Actor, docs int) string {
	quotes := quoteCounts(c)[a.ID]
	switch {
	case quotes > 0 && docs > 0:
		return plural(quotes, "quote", "quotes") + " in " + plural(docs, "document", "documents")
	case quotes > 0:
		return plural(quotes, "quote", "quotes")
	case docs > 0 && c != nil:
		return "named in " + plural(docs, "document", "documents") + ", not quoted"
	case docs > 0:
		return "named in " + plural(docs, "document", "documents")
	}
	return ""
}

// noAnswer says that nothing answers the query, and offers the index's suggestions.
func noAnswer(c call, ans corpus.Answer) Reply {
	text := "Nothing in the corpus answers " + quoted(c.text) + "."
	var tries []string
	for _, s := range ans.Suggestions {
		if s = cleanInput(s); s != "" && len(tries) < 5 {
			tries = append(tries, quoted(s))
		}
	}
	if len(tries) > 0 {
		text += "\nPerhaps try " + joinOr(tries) + "."
	} else {
		text += "\nTry " + example(c, "actors") + " to see who is quoted, or " + example(c, "help") + " for examples."
	}
	reply := notice(c.req, text)
	reply.NoResults = true
	return reply
}

// joinOr joins "a", "a or b", "a, b or c".
func joinOr(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// findDocument returns the document with id, or nil. It does not rely on c's lookup maps
// alone, so a Corpus built as a literal (as tests and synthetic corpora do) works too.
func findDocument(c *corpus.Corpus, id string) *corpus.Document {
	if c == nil || id == "" {
		return nil
	}
	if d := c.Document(id); d != nil {
		return d
	}
	for _, d := range c.Documents {
		if d != nil && d.ID == id {
			return d
		}
	}
	return nil
}

// quoteCounts counts the quotes of each actor, by id.
func quoteCounts(c *corpus.Corpus) map[string]int {
	n := map[string]int{}
	if c == nil {
		return n
	}
	for _, q := range c.Quotes {
		if q == nil {
			continue
		}
		for _, id := range q.Speakers {
			n[id]++
		}
	}
	return n
}

// notice is a reply of one short line (mrkdwn, already escaped): in the thread for a
// mention, else seen by the requester only.
func notice(req Request, text string) Reply {
	return Reply{Messages: []Message{{
		Text:      text,
		Blocks:    []slack.Block{mrkdwnSection(noticeBlockID, text)},
		InChannel: req.Surface == Mention,
	}}}
}

const noticeBlockID = "notice"

// isNotice reports whether r is a notice rather than an answer.
func isNotice(r Reply) bool {
	if len(r.Messages) != 1 || len(r.Messages[0].Blocks) == 0 {
		return false
	}
	return r.Messages[0].Blocks[0].ID() == noticeBlockID
}

func notLoaded(req Request) Reply {
	return notice(req, "The corpus is not loaded yet. Please try again in a moment.")
}

// example is a command as the user would type it on this surface: `/elecsec help` or
// `@elecsec help`.
func example(c call, args string) string {
	if c.req.Surface == Mention {
		return "`@elecsec " + args + "`"
	}
	return "`/elecsec " + args + "`"
}

func mrkdwnSection(blockID, text string) *slack.SectionBlock {
	return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, false), nil, nil,
		slack.SectionBlockOptionBlockID(blockID))
}

func mrkdwnContext(text string) *slack.ContextBlock {
	return slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, text, false, false))
}
