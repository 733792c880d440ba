package handlers

import (
	"errors"
	"fmt"
	"strings"

	"github.com/slack-go/slack"
)

// Block Kit limits, from Slack's reference. Slack rejects a message that breaks one, so
// every reply passes through EnforceLimits before it leaves Handle.
const (
	MaxBlocks          = 50    // blocks in one message
	MaxSectionText     = 3000  // characters of a section's text (and of a context element)
	MaxSectionFields   = 10    // fields in a section
	MaxFieldText       = 2000  // characters of a section field
	MaxContextElements = 10    // elements in a context block
	MaxHeaderText      = 150   // characters of a header block
	MaxActionElements  = 25    // elements in an actions block
	MaxButtonText      = 75    // characters of a button's label
	MaxButtonValue     = 2000  // characters of a button's value
	MaxActionID        = 255   // characters of an action_id
	MaxBlockID         = 255   // characters of a block_id
	MaxMessageChars    = 12000 // characters of text in one message, blocks and fallback together
	MaxFallbackText    = 3000  // characters of the fallback text elecsec sends
)

// EnforceLimits returns m cut to fit Block Kit's limits: over-long texts are shortened at a
// word boundary with an ellipsis (never inside a link, an entity or a bold run), buttons
// whose value or action_id is too long are dropped, and blocks beyond MaxBlocks or
// MaxMessageChars are replaced by a note saying how many were left out, keeping a final
// actions block. The fallback Text is filled from the blocks when empty. Blocks are copied,
// never modified in place.
func EnforceLimits(m Message) Message {
	if m.DeleteOriginal {
		return m
	}
	var blocks []slack.Block
	for _, b := range m.Blocks {
		if b = fitBlock(b); b != nil {
			blocks = append(blocks, b)
		}
	}
	if strings.TrimSpace(m.Text) == "" {
		m.Text = fallbackFromBlocks(blocks)
	}
	m.Text = truncateMrkdwn(m.Text, MaxFallbackText)
	m.Blocks = fitMessage(blocks, runeLen(m.Text))
	return m
}

// fitBlock returns a copy of b within the per-block limits, or nil when nothing of it is left.
func fitBlock(b slack.Block) slack.Block {
	switch b := b.(type) {
	case *slack.SectionBlock:
		s := *b
		s.Text = fitText(s.Text, MaxSectionText)
		s.Fields = nil
		for i, f := range b.Fields {
			if i == MaxSectionFields {
				break
			}
			s.Fields = append(s.Fields, fitText(f, MaxFieldText))
		}
		if s.Text == nil && len(s.Fields) == 0 {
			return nil
		}
		s.BlockID = cutPlain(s.BlockID, MaxBlockID)
		return &s
	case *slack.ContextBlock:
		c := *b
		c.ContextElements.Elements = nil
		for _, e := range b.ContextElements.Elements {
			if len(c.ContextElements.Elements) == MaxContextElements {
				break
			}
			if t, ok := e.(*slack.TextBlockObject); ok {
				if t = fitText(t, MaxSectionText); t == nil {
					continue
				}
				e = t
			}
			c.ContextElements.Elements = append(c.ContextElements.Elements, e)
		}
		if len(c.ContextElements.Elements) == 0 {
			return nil
		}
		c.BlockID = cutPlain(c.BlockID, MaxBlockID)
		return &c
	case *slack.HeaderBlock:
		h := *b
		if h.Text = fitText(h.Text, MaxHeaderText); h.Text == nil {
			return nil
		}
		return &h
	case *slack.ActionBlock:
		a := *b
		var kept []slack.BlockElement
		if b.Elements != nil {
			for _, e := range b.Elements.ElementSet {
				if len(kept) == MaxActionElements {
					break
				}
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					if runeLen(btn.Value) > MaxButtonValue || runeLen(btn.ActionID) > MaxActionID {
						continue // a cut value would do the wrong thing when pressed
					}
					c := *btn
					c.Text = fitText(c.Text, MaxButtonText)
					e = &c
				}
				kept = append(kept, e)
			}
		}
		if len(kept) == 0 {
			return nil
		}
		a.Elements = &slack.BlockElements{ElementSet: kept}
		a.BlockID = cutPlain(a.BlockID, MaxBlockID)
		return &a
	}
	return b
}

// fitText returns a copy of t no longer than max characters, or nil when t is empty.
func fitText(t *slack.TextBlockObject, max int) *slack.TextBlockObject {
	if t == nil || strings.TrimSpace(t.Text) == "" {
		return nil
	}
	c := *t
	if c.Type == slack.MarkdownType {
		c.Text = truncateMrkdwn(c.Text, max)
	} else {
		c.Text = cutPlain(c.Text, max)
	}
	return &c
}

// fitMessage drops blocks from the end (keeping a final actions block) until the message
// has at most MaxBlocks blocks and MaxMessageChars characters, and says what it left out.
func fitMessage(blocks []slack.Block, fallbackChars int) []slack.Block {
	var actions slack.Block
	if n := len(blocks); n > 0 {
		if _, ok := blocks[n-1].(*slack.ActionBlock); ok {
			actions, blocks = blocks[n-1], blocks[:n-1]
		}
	}
	reserved := 0 // the trailing actions block and the note
	if actions != nil {
		reserved++
	}
	const noteChars = 80 // the note saying what was left out
	dropped := 0
	for len(blocks) > 0 && (len(blocks)+reserved+btoi(dropped > 0) > MaxBlocks ||
		blocksChars(blocks)+blocksChars([]slack.Block{actions})+fallbackChars+noteChars*btoi(dropped > 0) > MaxMessageChars) {
		blocks = blocks[:len(blocks)-1]
		dropped++
	}
	if dropped > 0 {
		note := fmt.Sprintf("_%s left out to fit one Slack message._", plural(dropped, "more block was", "more blocks were"))
		blocks = append(blocks, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, note, false, false)))
	}
	if actions != nil {
		blocks = append(blocks, actions)
	}
	return blocks
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// blocksChars counts the characters of text a reader or Slack sees in blocks.
func blocksChars(blocks []slack.Block) int {
	n := 0
	for _, t := range blockTexts(blocks) {
		n += runeLen(t)
	}
	return n
}

// blockTexts lists every text in blocks, including button labels and values.
func blockTexts(blocks []slack.Block) []string {
	var out []string
	add := func(t *slack.TextBlockObject) {
		if t != nil {
			out = append(out, t.Text)
		}
	}
	for _, b := range blocks {
		switch b := b.(type) {
		case *slack.SectionBlock:
			add(b.Text)
			for _, f := range b.Fields {
				add(f)
			}
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if t, ok := e.(*slack.TextBlockObject); ok {
					add(t)
				}
			}
		case *slack.HeaderBlock:
			add(b.Text)
		case *slack.ActionBlock:
			if b.Elements == nil {
				continue
			}
			for _, e := range b.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					add(btn.Text)
					out = append(out, btn.Value)
				}
			}
		}
	}
	return out
}

// fallbackFromBlocks is the first text of blocks, for a message built without fallback text.
func fallbackFromBlocks(blocks []slack.Block) string {
	for _, t := range blockTexts(blocks) {
		if strings.TrimSpace(t) != "" {
			return t
		}
	}
	return "elecsec"
}

// truncateMrkdwn cuts mrkdwn to at most max characters, ending with an ellipsis, without
// breaking a <link>, an &entity; or a *bold* run.
func truncateMrkdwn(s string, max int) string {
	if runeLen(s) <= max {
		return s
	}
	rs := []rune(s)
	head := string(rs[:max-1])
	// Never end inside <…> or &…;.
	if i := strings.LastIndex(head, "<"); i >= 0 && !strings.Contains(head[i:], ">") {
		head = head[:i]
	}
	if i := strings.LastIndex(head, "&"); i >= 0 && !strings.Contains(head[i:], ";") {
		head = head[:i]
	}
	// Prefer a word boundary.
	if i := strings.LastIndexAny(head, " \n"); i > len(head)/2 {
		head = head[:i]
	}
	// An odd number of * after the last newline means a bold run was cut open; drop its opener.
	line := head[strings.LastIndex(head, "\n")+1:]
	if strings.Count(line, "*")%2 == 1 {
		i := strings.LastIndex(head, "*")
		head = head[:i] + head[i+1:]
	}
	return strings.TrimRight(head, " \n") + "…"
}

// cutPlain cuts plain text to at most max characters with an ellipsis.
func cutPlain(s string, max int) string {
	if runeLen(s) <= max {
		return s
	}
	return string([]rune(s)[:max-1]) + "…"
}

// CheckLimits reports every way m breaks Block Kit's limits or elecsec's rendering rules
// (no fallback text, an unescaped < or & in text), or nil when it breaks none. Tests of
// anything that builds a Message call it.
func CheckLimits(m Message) error {
	if m.DeleteOriginal {
		return nil
	}
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if strings.TrimSpace(m.Text) == "" {
		bad("no fallback text")
	}
	if n := len(m.Blocks); n > MaxBlocks {
		bad("%d blocks; at most %d", n, MaxBlocks)
	}
	if n := blocksChars(m.Blocks) + runeLen(m.Text); n > MaxMessageChars {
		bad("%d characters; at most %d", n, MaxMessageChars)
	}
	checkText := func(where string, t *slack.TextBlockObject, max int) {
		if t == nil {
			return
		}
		if n := runeLen(t.Text); n > max {
			bad("%s: %d characters; at most %d", where, n, max)
		}
		if t.Type == slack.MarkdownType {
			if err := checkMrkdwn(t.Text); err != nil {
				bad("%s: %v", where, err)
			}
		}
	}
	for i, b := range m.Blocks {
		where := fmt.Sprintf("block %d (%s)", i, b.BlockType())
		switch b := b.(type) {
		case *slack.SectionBlock:
			checkText(where, b.Text, MaxSectionText)
			if len(b.Fields) > MaxSectionFields {
				bad("%s: %d fields; at most %d", where, len(b.Fields), MaxSectionFields)
			}
			for _, f := range b.Fields {
				checkText(where+" field", f, MaxFieldText)
			}
		case *slack.ContextBlock:
			if n := len(b.ContextElements.Elements); n > MaxContextElements || n == 0 {
				bad("%s: %d elements; want 1 to %d", where, n, MaxContextElements)
			}
			for _, e := range b.ContextElements.Elements {
				if t, ok := e.(*slack.TextBlockObject); ok {
					checkText(where, t, MaxSectionText)
				}
			}
		case *slack.HeaderBlock:
			checkText(where, b.Text, MaxHeaderText)
		case *slack.ActionBlock:
			if b.Elements == nil || len(b.Elements.ElementSet) == 0 || len(b.Elements.ElementSet) > MaxActionElements {
				bad("%s: want 1 to %d elements", where, MaxActionElements)
				continue
			}
			for _, e := range b.Elements.ElementSet {
				btn, ok := e.(*slack.ButtonBlockElement)
				if !ok {
					continue
				}
				checkText(where+" button", btn.Text, MaxButtonText)
				if n := runeLen(btn.Value); n > MaxButtonValue {
					bad("%s: button value of %d characters; at most %d", where, n, MaxButtonValue)
				}
				if n := runeLen(btn.ActionID); n > MaxActionID || n == 0 {
					bad("%s: action_id of %d characters; want 1 to %d", where, n, MaxActionID)
				}
			}
		}
	}
	return errors.Join(errs...)
}

// checkMrkdwn reports an & that starts no entity, or a < that starts no link elecsec made.
func checkMrkdwn(s string) error {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			rest := s[i:]
			if !strings.HasPrefix(rest, "&amp;") && !strings.HasPrefix(rest, "&lt;") && !strings.HasPrefix(rest, "&gt;") {
				return fmt.Errorf("unescaped & at %d in %q", i, excerptAround(s, i))
			}
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return fmt.Errorf("unclosed < at %d in %q", i, excerptAround(s, i))
			}
			inner := s[i+1 : i+end]
			if strings.HasPrefix(inner, "!") || strings.ContainsRune(inner, '<') {
				return fmt.Errorf("broadcast or nested markup %q", s[i:i+end+1])
			}
			if strings.HasPrefix(inner, "@") && !isUserID(inner[1:]) {
				return fmt.Errorf("malformed mention %q", s[i:i+end+1])
			}
			if !strings.HasPrefix(inner, "@") {
				target, _, _ := strings.Cut(inner, "|")
				if !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
					return fmt.Errorf("link to %q is not a web address", target)
				}
			}
			i += end
		case '>':
			return fmt.Errorf("unescaped > at %d in %q", i, excerptAround(s, i))
		}
	}
	return nil
}

func excerptAround(s string, i int) string {
	lo, hi := max(0, i-30), min(len(s), i+30)
	return s[lo:hi]
}
