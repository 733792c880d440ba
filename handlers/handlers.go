// Package handlers is elecsec's command surface: it turns a request (a slash command, a
// mention, a button press, a line typed in the local shell) into a reply (Block Kit blocks
// and fallback text). Handlers are pure: they hold no Slack client and do no I/O of their
// own, so transports in package bot deliver what they return and tests need no network.
package handlers

import "github.com/slack-go/slack"

// Surface is where a request came from.
type Surface string

// The surfaces a request can come from.
const (
	SlashCommand Surface = "slash"       // /elecsec QUERY
	Mention      Surface = "mention"     // @elecsec QUERY in a channel or thread
	Interaction  Surface = "interaction" // a button in one of elecsec's messages
	Shell        Surface = "shell"       // the local shell, with no Slack at all
)

// Request is one thing a user asked. Text is plain text: the transport has already removed
// the mention and decoded Slack's &amp; &lt; &gt;, so a handler escapes it exactly once.
type Request struct {
	Surface   Surface
	Text      string
	UserID    string
	UserName  string
	ChannelID string
	TeamID    string
	// ThreadTS is the thread a mention is answered in: the event's thread_ts when set, else its ts.
	ThreadTS string
	// ParentText is, for a bare mention inside a thread, the text of the thread's parent
	// message, read by the transport with conversations.replies.
	ParentText string
	// Action is the button pressed, for an interaction.
	Action *Action
	// UserTZ is the requesting user's IANA time zone when the transport knows it.
	UserTZ string
}

// Action is a pressed button: its action_id and value.
type Action struct {
	ID    string
	Value string
}

// Message is one message to deliver.
type Message struct {
	Text   string        // fallback text for notifications and screen readers; always set
	Blocks []slack.Block // the message itself
	// InChannel posts the message for everyone; otherwise it is ephemeral, seen by the requester only.
	InChannel bool
	// ReplaceOriginal replaces the message whose button was pressed.
	ReplaceOriginal bool
	// DeleteOriginal deletes the message whose button was pressed; Text and Blocks are ignored.
	DeleteOriginal bool
}

// Reply is what a handler returns: the messages to deliver, in order.
type Reply struct {
	Messages []Message
	// NoResults is set when a search found nothing in the corpus, so the reply says so and
	// suggests other queries; transports count these for metrics.
	NoResults bool
}
