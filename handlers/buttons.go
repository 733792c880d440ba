package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"

	"github.com/slack-go/slack"
)

// The action_ids of elecsec's buttons. A transport passes a press to Handle as a Request
// with Surface Interaction and Action set; Handle routes it by these ids.
const (
	ActionShare = "share" // Share in channel: post the page for everyone, delete the ephemeral
	ActionMore  = "more"  // More results: replace the message with the next page
)

// maxPage bounds the page a button value may ask for: values come back from Slack and may
// have been tampered with.
const maxPage = 200

// pageRef is what a button carries, so that handlers stay stateless: the command as typed,
// the page to show, and whether the message is in the channel. Pressing the button runs the
// command again.
type pageRef struct {
	Text      string `json:"q"`
	Page      int    `json:"p,omitempty"`
	InChannel bool   `json:"c,omitempty"` // the message is posted for everyone
	Search    bool   `json:"s,omitempty"` // Text is a query, never a command (from a thread's parent)
}

// encode returns the button value: compact JSON, without HTML escapes that would spend the
// MaxButtonValue budget on < > &.
func (p pageRef) encode() string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(p) // a struct of strings, ints and bools always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

var errBadValue = errors.New("malformed button value")

func decodePageRef(value string) (pageRef, error) {
	var p pageRef
	if len(value) > 4*MaxButtonValue || json.Unmarshal([]byte(value), &p) != nil {
		return pageRef{}, errBadValue
	}
	p.Text = cleanInput(p.Text)
	if p.Text == "" || runeLen(p.Text) > MaxQueryChars || p.Page < 0 || p.Page > maxPage {
		return pageRef{}, errBadValue
	}
	return p, nil
}

// buttons returns the actions block under a page: Share in channel on an ephemeral message,
// More results when another page follows; nil when there is neither.
func buttons(ref pageRef, hasMore bool) slack.Block {
	var elems []slack.BlockElement
	if !ref.InChannel {
		b := slack.NewButtonBlockElement(ActionShare, ref.encode(),
			slack.NewTextBlockObject(slack.PlainTextType, "Share in channel", false, false))
		b.Style = slack.StylePrimary
		elems = append(elems, b)
	}
	if hasMore {
		next := ref
		next.Page++
		elems = append(elems, slack.NewButtonBlockElement(ActionMore, next.encode(),
			slack.NewTextBlockObject(slack.PlainTextType, "More results", false, false)))
	}
	if len(elems) == 0 {
		return nil
	}
	return slack.NewActionBlock("elecsec_actions", elems...)
}

var userIDPattern = regexp.MustCompile(`^[UW][A-Z0-9]{2,40}$`)

// isUserID reports whether s looks like a Slack user id, so that <@s> mentions that user
// and nothing else.
func isUserID(s string) bool { return userIDPattern.MatchString(s) }

// userRef is how a message credits a user: a mention when the id is well formed, else
// the escaped name.
func userRef(req Request) string {
	if isUserID(req.UserID) {
		return "<@" + req.UserID + ">"
	}
	if name := strings.TrimSpace(req.UserName); name != "" {
		return Escape(name)
	}
	return "someone"
}
