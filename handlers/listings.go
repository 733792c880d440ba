package handlers

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/elecsec/elecsec/corpus"
	"github.com/slack-go/slack"
)

// Listing page sizes: how many actors or sources one message shows.
const (
	actorsPerPage   = 20
	actorsPerBlock  = 10
	sourcesPerPage  = 10
	mostQuotedShown = 5
)

// actors lists the actors the corpus names, most quoted first, filtered by c.args: a kind
// ("people", "organizations", "groups") or words of a name, alias or role.
func (h *Handler) actors(_ context.Context, c call) Reply {
	corp := h.corpus()
	if corp == nil {
		return notLoaded(c.req)
	}
	counts := quoteCounts(corp)
	var list []*corpus.Actor
	for _, a := range corp.Actors {
		if a != nil && actorMatches(a, c.args) {
			list = append(list, a)
		}
	}
	if len(list) == 0 {
		if c.args == "" {
			return notice(c.req, "The corpus names no actors yet.")
		}
		return notice(c.req, "No actor in the corpus matches "+quoted(c.args)+". Type "+example(c, "actors")+" for the full list.")
	}
	slices.SortStableFunc(list, func(a, b *corpus.Actor) int {
		return cmp.Or(
			cmp.Compare(counts[b.ID], counts[a.ID]),
			cmp.Compare(len(b.DocIDs), len(a.DocIDs)),
			cmp.Compare(b.Mentions, a.Mentions),
			strings.Compare(a.Name, b.Name),
		)
	})
	start := c.page * actorsPerPage
	if start >= len(list) {
		return notice(c.req, "There are no more actors to list.")
	}
	end := min(start+actorsPerPage, len(list))

	heading := "The corpus names " + plural(len(list), "actor", "actors")
	if c.args != "" {
		heading = plural(len(list), "actor matches", "actors match") + " " + quoted(c.args)
	}
	if end-start < len(list) {
		heading += fmt.Sprintf(" · %d–%d, most quoted first", start+1, end)
	} else if len(list) > 1 {
		heading += ", most quoted first"
	}
	blocks := []slack.Block{mrkdwnSection("actors", "*"+heading+"*")}
	var lines []string
	for i, a := range list[start:end] {
		lines = append(lines, "• "+actorLine(corp, a))
		if len(lines) == actorsPerBlock || i == end-start-1 {
			blocks = append(blocks, mrkdwnSection("", strings.Join(lines, "\n")))
			lines = nil
		}
	}
	blocks = append(blocks, mrkdwnContext("Ask "+example(c, "quotes from NAME")+" for what someone said."))
	return c.finishPage(blocks, end < len(list), heading+".")
}

// actorLine is one actor in a listing: "*Name* (kind) — roles · 4 quotes in 2 documents".
func actorLine(c *corpus.Corpus, a *corpus.Actor) string {
	line := "*" + Escape(firstNonEmpty(a.Name, a.ID)) + "*"
	if a.Kind != "" && a.Kind != corpus.Person {
		line += " (" + Escape(string(a.Kind)) + ")"
	}
	if roles := nonEmpty(a.Roles); len(roles) > 0 {
		line += " — " + Escape(strings.Join(roles[:min(len(roles), maxRolesShown)], ", "))
	}
	return joinNonEmpty(" · ", line, actorTally(c, a, len(a.DocIDs)))
}

// actorKinds are the words "actors KIND" accepts for each kind.
var actorKinds = map[string]corpus.Kind{
	"people": corpus.Person, "person": corpus.Person, "persons": corpus.Person,
	"organizations": corpus.Organization, "organization": corpus.Organization,
	"organisations": corpus.Organization, "organisation": corpus.Organization,
	"orgs": corpus.Organization, "org": corpus.Organization,
	"groups": corpus.Group, "group": corpus.Group,
}

// actorMatches reports whether a fits the filter: a kind word, or a substring (ignoring
// case) of its name, an alias, a role or its id.
func actorMatches(a *corpus.Actor, filter string) bool {
	filter = strings.ToLower(strings.TrimSpace(filter))
	if filter == "" {
		return true
	}
	if k, ok := actorKinds[filter]; ok {
		return a.Kind == k
	}
	fields := append([]string{a.Name, a.ID}, a.Aliases...)
	fields = append(fields, a.Roles...)
	for _, f := range fields {
		if strings.Contains(strings.ToLower(f), filter) {
			return true
		}
	}
	return false
}

// whoseQuotes answers a bare "quotes": how to ask, and who is quoted most.
func (h *Handler) whoseQuotes(c call) Reply {
	text := "Whose quotes? Ask " + example(c, "quotes from NAME") + "."
	if corp := h.corpus(); corp != nil {
		if top := mostQuoted(corp, mostQuotedShown); len(top) > 0 {
			text += "\nMost quoted: " + strings.Join(top, ", ") + "."
		}
	}
	return notice(c.req, text)
}

// mostQuoted lists up to n actors with the most quotes, as "Name (4)", escaped.
func mostQuoted(c *corpus.Corpus, n int) []string {
	counts := quoteCounts(c)
	var quoted []*corpus.Actor
	for _, a := range c.Actors {
		if a != nil && counts[a.ID] > 0 {
			quoted = append(quoted, a)
		}
	}
	slices.SortStableFunc(quoted, func(a, b *corpus.Actor) int {
		return cmp.Or(cmp.Compare(counts[b.ID], counts[a.ID]), strings.Compare(a.Name, b.Name))
	})
	var out []string
	for _, a := range quoted[:min(n, len(quoted))] {
		out = append(out, fmt.Sprintf("%s (%d)", Escape(firstNonEmpty(a.Name, a.ID)), counts[a.ID]))
	}
	return out
}

// sources lists the articles of the corpus, newest first, filtered by c.args (words of a
// title, publisher, author, date or id): title linked to the article, then publisher,
// date, author and how many quotes elecsec found in it.
func (h *Handler) sources(_ context.Context, c call) Reply {
	corp := h.corpus()
	if corp == nil {
		return notLoaded(c.req)
	}
	var docs []*corpus.Document
	for _, d := range corp.Documents {
		if d != nil && documentMatches(d, c.args) {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		if c.args == "" {
			return notice(c.req, "The corpus holds no articles yet.")
		}
		return notice(c.req, "No article in the corpus matches "+quoted(c.args)+". Type "+example(c, "sources")+" for them all.")
	}
	slices.SortStableFunc(docs, func(a, b *corpus.Document) int {
		return cmp.Or(strings.Compare(b.Date, a.Date), strings.Compare(a.Title, b.Title))
	})
	start := c.page * sourcesPerPage
	if start >= len(docs) {
		return notice(c.req, "There are no more articles to list.")
	}
	end := min(start+sourcesPerPage, len(docs))

	heading := fmt.Sprintf("The corpus: %s, %s, %s", plural(len(corp.Documents), "article", "articles"),
		plural(len(corp.Actors), "actor", "actors"), plural(len(corp.Quotes), "quote", "quotes"))
	if c.args != "" {
		heading = plural(len(docs), "article matches", "articles match") + " " + quoted(c.args)
	}
	if end-start < len(docs) {
		heading += fmt.Sprintf(" · %d–%d, newest first", start+1, end)
	} else if len(docs) > 1 {
		heading += ", newest first"
	}
	quotesIn := map[string]int{}
	for _, q := range corp.Quotes {
		if q != nil {
			quotesIn[q.DocID]++
		}
	}
	blocks := []slack.Block{mrkdwnSection("sources", "*"+heading+"*")}
	for _, d := range docs[start:end] {
		blocks = append(blocks,
			mrkdwnSection("", "*"+Link(d.URL, firstNonEmpty(d.Title, d.ID))+"*"),
			mrkdwnContext(sourceDetails(d, quotesIn[d.ID])))
	}
	return c.finishPage(blocks, end < len(docs), heading+".")
}

// sourceDetails is the line under an article in a listing:
// "Publisher · Jan 2, 2006 · by Author · 3 quotes".
func sourceDetails(d *corpus.Document, quotes int) string {
	var by, date, link string
	if d.Author != "" {
		by = "by " + Escape(d.Author)
	}
	if d.Date != "" {
		date = Escape(FormatDate(d.Date))
	}
	if _, ok := linkURL(d.URL); !ok {
		link = "no link"
	}
	return joinNonEmpty(" · ", Escape(d.Publisher), date, by, plural(quotes, "quote", "quotes"), link)
}

// documentMatches reports whether d fits the filter: a substring, ignoring case, of its
// title, publisher, author, date or id.
func documentMatches(d *corpus.Document, filter string) bool {
	filter = strings.ToLower(strings.TrimSpace(filter))
	if filter == "" {
		return true
	}
	for _, f := range []string{d.Title, d.Publisher, d.Author, d.Date, d.ID} {
		if strings.Contains(strings.ToLower(f), filter) {
			return true
		}
	}
	return false
}
