package handlers

import (
	"regexp"
	"strings"

	"github.com/slack-go/slack"
)

// PlainText renders a reply as text for a terminal, as the local shell and `elecsec ask`
// show it: bold, italics and code marks dropped, links written "Label (url)", mentions as
// @U123, entities decoded, the line under a result indented, long lines wrapped between
// words. Buttons and deleted originals are left out; each message ends with a newline and
// messages are separated by a blank line.
func PlainText(r Reply) string {
	var msgs []string
	for _, m := range r.Messages {
		if m.DeleteOriginal {
			continue
		}
		if s := MessagePlainText(m); s != "" {
			msgs = append(msgs, s)
		}
	}
	return strings.Join(msgs, "\n")
}

// MessagePlainText renders one message as PlainText does; a message without blocks is
// rendered from its fallback text.
func MessagePlainText(m Message) string {
	var b strings.Builder
	para := func(s string, indent string) {
		for _, line := range strings.Split(s, "\n") {
			hanging := indent
			if strings.HasPrefix(line, "• ") {
				hanging += "  "
			}
			b.WriteString(wrap(line, indent, hanging, plainWidth))
			b.WriteString("\n")
		}
	}
	if len(m.Blocks) == 0 {
		para(mrkdwnToPlain(m.Text), "")
		return b.String()
	}
	for i, blk := range m.Blocks {
		switch blk := blk.(type) {
		case *slack.SectionBlock:
			if i > 0 {
				b.WriteString("\n")
			}
			if blk.Text != nil {
				para(textObjectPlain(blk.Text), "")
			}
			for _, f := range blk.Fields {
				para(textObjectPlain(f), "")
			}
		case *slack.HeaderBlock:
			if i > 0 {
				b.WriteString("\n")
			}
			para(textObjectPlain(blk.Text), "")
		case *slack.ContextBlock:
			var parts []string
			for _, e := range blk.ContextElements.Elements {
				if t, ok := e.(*slack.TextBlockObject); ok {
					parts = append(parts, textObjectPlain(t))
				}
			}
			para(strings.Join(parts, " "), contextIndent)
		case *slack.DividerBlock:
			b.WriteString("\n")
		}
	}
	return b.String()
}

const (
	plainWidth    = 88
	contextIndent = "    "
)

func textObjectPlain(t *slack.TextBlockObject) string {
	if t == nil {
		return ""
	}
	if t.Type == slack.PlainTextType {
		return t.Text
	}
	return mrkdwnToPlain(t.Text)
}

var (
	mrkdwnLink   = regexp.MustCompile(`<([^<>|]*)(?:\|([^<>]*))?>`)
	mrkdwnBold   = regexp.MustCompile(`\*([^*\n]+)\*`)
	mrkdwnItalic = regexp.MustCompile(`(^|[\s(“"])_([^_\n]+)_`)
	mrkdwnCode   = regexp.MustCompile("`([^`\n]+)`")
	plainEntity  = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "\u2060", "")
)

// mrkdwnToPlain turns Slack mrkdwn into what a reader sees.
func mrkdwnToPlain(s string) string {
	s = mrkdwnLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := mrkdwnLink.FindStringSubmatch(m)
		target, label := sub[1], sub[2]
		switch {
		case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "#"):
			return firstNonEmpty(label, target)
		case strings.HasPrefix(target, "!"):
			return "@" + strings.TrimPrefix(target, "!")
		case label == "":
			return target
		}
		return label + " (" + target + ")"
	})
	s = mrkdwnCode.ReplaceAllString(s, "$1")
	s = mrkdwnBold.ReplaceAllString(s, "$1")
	s = mrkdwnItalic.ReplaceAllString(s, "$1$2")
	return plainEntity.Replace(s)
}

// wrap breaks line into lines of at most width characters between words, the first
// starting with indent and the others with hanging. A word longer than the width (an
// address) gets a line of its own.
func wrap(line, indent, hanging string, width int) string {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return ""
	}
	var b strings.Builder
	n := 0
	for i, f := range fields {
		switch {
		case i == 0:
			b.WriteString(indent)
			n = runeLen(indent)
		case n+1+runeLen(f) > width:
			b.WriteString("\n" + hanging)
			n = runeLen(hanging)
		default:
			b.WriteString(" ")
			n++
		}
		b.WriteString(f)
		n += runeLen(f)
	}
	return b.String()
}
