package handlers

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

// oversized is a message that breaks every limit EnforceLimits enforces.
func oversized() Message {
	var blocks []slack.Block
	for range 70 {
		blocks = append(blocks,
			mrkdwnSection("", "*"+strings.Repeat("word &amp; <https://example.com|link> ", 120)+"*"),
			mrkdwnContext(strings.Repeat("context ", 500)))
	}
	long := slack.NewButtonBlockElement(ActionMore, strings.Repeat("v", MaxButtonValue+1),
		slack.NewTextBlockObject(slack.PlainTextType, "A button whose label goes on and on and on well past what Slack will show", false, false))
	badID := slack.NewButtonBlockElement(strings.Repeat("a", MaxActionID+1), "v",
		slack.NewTextBlockObject(slack.PlainTextType, "Bad id", false, false))
	ok := slack.NewButtonBlockElement(ActionShare, "{}",
		slack.NewTextBlockObject(slack.PlainTextType, strings.Repeat("Share ", 20), false, false))
	blocks = append(blocks, slack.NewActionBlock("", long, badID, ok))
	return Message{Blocks: blocks}
}

func TestEnforceLimits(t *testing.T) {
	in := oversized()
	if err := CheckLimits(in); err == nil {
		t.Fatal("CheckLimits(oversized message) = nil; want errors")
	}
	got := EnforceLimits(in)
	if err := CheckLimits(got); err != nil {
		t.Fatalf("CheckLimits(EnforceLimits(oversized message)):\n%v", err)
	}
	if n := len(in.Blocks); n != 141 {
		t.Errorf("EnforceLimits modified its input: %d blocks; want 141", n)
	}
	last, ok := got.Blocks[len(got.Blocks)-1].(*slack.ActionBlock)
	if !ok {
		t.Fatalf("last block = %T; want the actions block kept", got.Blocks[len(got.Blocks)-1])
	}
	if n := len(last.Elements.ElementSet); n != 1 {
		t.Errorf("actions block keeps %d buttons; want 1 (the two over the limits dropped)", n)
	}
	note, ok := got.Blocks[len(got.Blocks)-2].(*slack.ContextBlock)
	if !ok || !strings.Contains(note.ContextElements.Elements[0].(*slack.TextBlockObject).Text, "left out") {
		t.Errorf("no note saying blocks were left out before the actions block")
	}
	if got.Text == "" {
		t.Error("EnforceLimits left the fallback text empty")
	}
	// The result is still valid Block Kit JSON.
	data, err := json.Marshal(slack.Blocks{BlockSet: got.Blocks})
	if err != nil {
		t.Fatal(err)
	}
	var back slack.Blocks
	if err := json.Unmarshal(data, &back); err != nil || len(back.BlockSet) != len(got.Blocks) {
		t.Errorf("round trip: %d blocks, %v; want %d", len(back.BlockSet), err, len(got.Blocks))
	}
}

func TestTruncateMrkdwn(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 12, "one two…"},
		{"see <https://example.com/long|the link> now", 20, "see…"},
		{"fish &amp; chips", 9, "fish…"},
		{"*bold words here* and more", 14, "bold words…"},
	}
	for _, tt := range tests {
		got := truncateMrkdwn(tt.in, tt.max)
		if got != tt.want {
			t.Errorf("truncateMrkdwn(%q, %d) = %q; want %q", tt.in, tt.max, got, tt.want)
		}
		if runeLen(got) > tt.max {
			t.Errorf("truncateMrkdwn(%q, %d) is %d characters long", tt.in, tt.max, runeLen(got))
		}
		if err := checkMrkdwn(got); err != nil {
			t.Errorf("truncateMrkdwn(%q, %d) = %q: %v", tt.in, tt.max, got, err)
		}
	}
}

func TestCheckLimitsCatchesUnsafeText(t *testing.T) {
	for _, text := range []string{"<!channel> hi", "a & b", "1 > 0", "<@bob>", "<javascript:x|y>", "open <https://x.example"} {
		m := Message{Text: "t", Blocks: []slack.Block{mrkdwnSection("", text)}}
		if CheckLimits(m) == nil {
			t.Errorf("CheckLimits(section %q) = nil; want an error", text)
		}
	}
}

// TestRepliesWithinLimits runs every scripted request, and every request with a huge
// corpus answer, and checks each message against the limits.
func TestRepliesWithinLimits(t *testing.T) {
	_, replies := runScript(t, New(nil, newFakeIndex(), nil), script)
	for i, r := range replies {
		for _, m := range r.Messages {
			if err := CheckLimits(m); err != nil {
				t.Errorf("%s: %v", script[i].name, err)
			}
		}
	}
}
