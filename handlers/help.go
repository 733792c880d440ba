package handlers

import (
	"context"
	"fmt"
	"strings"

	"github.com/slack-go/slack"
)

// help explains every command, with examples spelled for the surface the user is on, and
// what the corpus holds right now.
func (h *Handler) help(_ context.Context, c call) Reply {
	ex := func(args, what string) string { return "• " + example(c, args) + " — " + what }
	intro := "*elecsec* finds who said what about election security: the exact words, who said them, " +
		"when, and a link to the source."
	ask := strings.Join([]string{
		"*Ask*",
		ex("who called for more funding", "who said something"),
		ex("quotes from NAME", "what a person, organisation or group said"),
		ex("what did NAME say about TOPIC", "their words on one subject"),
		ex("foreign interference", "quotes and passages on a topic"),
		ex("NAME", "who someone is, and how often they are quoted"),
	}, "\n")
	browse := strings.Join([]string{
		"*Browse*",
		ex("actors", "everyone the corpus names, most quoted first; add a word to filter: "+
			example(c, "actors senator")+", "+example(c, "actors groups")),
		ex("sources", "the articles: titles, publishers, dates and links"),
		ex("digest help", "a daily digest of what is new, for a channel"),
	}, "\n")
	where := "*In Slack*\n" +
		"• `/elecsec …` answers only you; *Share in channel* posts the answer for everyone, *More results* shows the next page.\n" +
		"• `@elecsec …` in a channel or thread answers in the thread. A bare `@elecsec` in a thread answers about the thread's first message."

	blocks := []slack.Block{
		mrkdwnSection("help", intro),
		mrkdwnSection("", ask),
		mrkdwnSection("", browse),
		mrkdwnSection("", where),
	}
	if line := h.corpusSummary(c); line != "" {
		blocks = append(blocks, mrkdwnContext(line))
	}
	return Reply{Messages: []Message{{
		Text:      "elecsec finds who said what about election security. Try " + example(c, "who called for more funding") + ".",
		Blocks:    blocks,
		InChannel: c.inChannel,
	}}}
}

// corpusSummary says what the corpus holds and names its most quoted actor as an example.
func (h *Handler) corpusSummary(c call) string {
	corp := h.corpus()
	if corp == nil {
		return "The corpus is still loading."
	}
	line := fmt.Sprintf("The corpus holds %s naming %s, with %s.",
		plural(len(corp.Documents), "article", "articles"),
		plural(len(corp.Actors), "actor", "actors"),
		plural(len(corp.Quotes), "quote", "quotes"))
	counts := quoteCounts(corp)
	best, n := "", 0
	for _, a := range corp.Actors {
		if a != nil && counts[a.ID] > n && a.Name != "" && !strings.ContainsAny(a.Name, "`") {
			best, n = a.Name, counts[a.ID]
		}
	}
	if best != "" {
		line += " Try " + example(c, "quotes from "+Escape(best)) + "."
	}
	return line
}
