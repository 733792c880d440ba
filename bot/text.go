package bot

import (
	"strings"
	"unicode"
)

// slackEntities decodes the three escapes Slack applies to every &, < and > a user types.
// A strings.Replacer makes one pass, so "&amp;lt;" becomes "&lt;", decoded exactly once.
var slackEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// incomingText turns the text of a slash command, mention or message, as Slack sends it,
// into the plain text a handler expects: Slack's markup (<@U123|name>, <#C1|general>,
// <https://x|label>, <!here>) becomes readable words, mentions of the bot (botUserID) are
// removed, &amp; &lt; &gt; are decoded once, control characters are dropped and runs of
// space are collapsed. When botUserID is unknown, a mention that opens the text is taken to
// be the bot's.
func incomingText(raw, botUserID string) string {
	var b strings.Builder
	rest := raw
	first := true
	for {
		open := strings.IndexByte(rest, '<')
		if open < 0 {
			b.WriteString(slackEntities.Replace(rest))
			break
		}
		end := strings.IndexByte(rest[open:], '>')
		if end < 0 {
			b.WriteString(slackEntities.Replace(rest))
			break
		}
		before := rest[:open]
		b.WriteString(slackEntities.Replace(before))
		leading := first && strings.TrimSpace(before) == ""
		b.WriteString(readableMarkup(rest[open+1:open+end], botUserID, leading))
		rest = rest[open+end+1:]
		first = false
	}
	return cleanLine(b.String())
}

// readableMarkup renders the inside of one <…> span of Slack markup as plain text.
func readableMarkup(inner, botUserID string, leading bool) string {
	target, label, hasLabel := strings.Cut(inner, "|")
	label = slackEntities.Replace(label)
	switch {
	case strings.HasPrefix(target, "@"):
		id := target[1:]
		if id == botUserID || (botUserID == "" && leading) {
			return " "
		}
		if hasLabel {
			return "@" + strings.TrimPrefix(label, "@")
		}
		return "@" + id
	case strings.HasPrefix(target, "#"):
		if hasLabel && label != "" {
			return "#" + label
		}
		return target
	case strings.HasPrefix(target, "!"):
		if hasLabel && label != "" {
			return label
		}
		name, _, _ := strings.Cut(target[1:], "^")
		return "@" + name
	case hasLabel && label != "":
		return label
	default:
		return strings.TrimPrefix(slackEntities.Replace(target), "mailto:")
	}
}

// cleanLine drops control characters and collapses every run of white space to one
// space, so a query is one tidy line whatever was pasted.
func cleanLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), unicode.In(r, unicode.Cf) && r != '\u200D':
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// firstWord returns the first word of text in lower case, the subcommand of a query.
func firstWord(text string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	return strings.ToLower(w)
}
