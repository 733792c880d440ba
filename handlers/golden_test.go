package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// step is one request in a scripted conversation. A press takes the value of the named
// button from the reply to an earlier step.
type step struct {
	name  string
	req   Request
	press string // action id to press
	from  string // the step whose reply holds the button
}

func slash(text string) Request {
	return Request{Surface: SlashCommand, Text: text, UserID: "U0ASKER", UserName: "asker", ChannelID: "C0NEWS", TeamID: "T0TEAM"}
}

func mention(text string) Request {
	return Request{Surface: Mention, Text: text, UserID: "U0ASKER", UserName: "asker", ChannelID: "C0NEWS", TeamID: "T0TEAM", ThreadTS: "1700000000.000100"}
}

// script is the conversation the golden files record, over the fake corpus.
var script = []step{
	{name: "help", req: slash("help")},
	{name: "empty", req: slash("")},
	{name: "help_mention", req: mention("")},
	{name: "who", req: slash("who pressed for audits")},
	{name: "who_more", press: ActionMore, from: "who"},
	{name: "who_more_share", press: ActionShare, from: "who_more"},
	{name: "who_mention", req: mention("who pressed for audits")},
	{name: "who_mention_more", press: ActionMore, from: "who_mention"},
	{name: "who_bare", req: slash("who")},
	{name: "quotes", req: slash("quotes quill")},
	{name: "quotes_bare", req: slash("quotes")},
	{name: "typo_actor", req: slash("qill")},
	{name: "hostile", req: slash("hacking")},
	{name: "hostile_actor", req: slash("mallory")},
	{name: "hostile_query", req: slash("<!channel> banana & <@U123> bread")},
	{name: "no_answer", req: slash("banana bread recipe")},
	{name: "no_answer_mention", req: mention("banana bread recipe")},
	{name: "absurd", req: slash("?!?! ... ***")},
	{name: "too_long", req: slash(strings.Repeat("election security ", 40))},
	{name: "actors", req: slash("actors")},
	{name: "actors_filter", req: slash("actors governor")},
	{name: "actors_kind", req: slash("actors groups")},
	{name: "actors_none", req: slash("actors astronaut")},
	{name: "sources", req: slash("sources")},
	{name: "digest_off", req: slash("digest daily 9:00")},
	{name: "thread_parent", req: Request{Surface: Mention, UserID: "U0ASKER", ChannelID: "C0NEWS", ThreadTS: "1700000000.000100",
		ParentText: "<@U0BOSS> who pressed for audits"}},
	{name: "button_tampered", req: Request{Surface: Interaction, UserID: "U0ASKER", Action: &Action{ID: ActionMore, Value: `{"q":"","p":-4}`}}},
	{name: "button_unknown", req: Request{Surface: Interaction, UserID: "U0ASKER", Action: &Action{ID: "frobnicate", Value: "x"}}},
	{name: "shell", req: Request{Surface: Shell, Text: "quotes from quill"}},
}

// runScript plays script against h and returns each step's request and reply, in order.
func runScript(tb testing.TB, h *Handler, script []step) (reqs []Request, replies []Reply) {
	tb.Helper()
	byName := map[string]Reply{}
	for _, s := range script {
		req := s.req
		if s.press != "" {
			value, ok := buttonValue(byName[s.from], s.press)
			if !ok {
				tb.Fatalf("%s: the reply to %s has no %q button", s.name, s.from, s.press)
			}
			req = Request{Surface: Interaction, UserID: "U0PRESSER", UserName: "presser", ChannelID: "C0NEWS",
				Action: &Action{ID: s.press, Value: value}}
		}
		reply := h.Handle(context.Background(), req)
		byName[s.name] = reply
		reqs = append(reqs, req)
		replies = append(replies, reply)
	}
	return reqs, replies
}

// buttonValue finds the value of the button with action id in the reply's first message.
func buttonValue(r Reply, id string) (string, bool) {
	for _, m := range r.Messages {
		for _, b := range m.Blocks {
			a, ok := b.(*slack.ActionBlock)
			if !ok || a.Elements == nil {
				continue
			}
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == id {
					return btn.Value, true
				}
			}
		}
	}
	return "", false
}

// requestView is a Request with its empty fields left out, for goldens.
func requestView(r Request) map[string]any {
	v := map[string]any{"surface": r.Surface}
	for k, s := range map[string]string{"text": r.Text, "user_id": r.UserID, "thread_ts": r.ThreadTS, "parent_text": r.ParentText} {
		if s != "" {
			v[k] = s
		}
	}
	if r.Action != nil {
		v["action"] = map[string]string{"action_id": r.Action.ID, "value": r.Action.Value}
	}
	return v
}

// wireMessage is a Message as the transport would send it to response_url.
type wireMessage struct {
	ResponseType    string        `json:"response_type"`
	ReplaceOriginal bool          `json:"replace_original,omitempty"`
	DeleteOriginal  bool          `json:"delete_original,omitempty"`
	Text            string        `json:"text,omitempty"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
}

func wire(r Reply) []wireMessage {
	var out []wireMessage
	for _, m := range r.Messages {
		w := wireMessage{ResponseType: "ephemeral", ReplaceOriginal: m.ReplaceOriginal, DeleteOriginal: m.DeleteOriginal}
		if m.InChannel {
			w.ResponseType = "in_channel"
		}
		if !m.DeleteOriginal {
			w.Text, w.Blocks = m.Text, m.Blocks
		}
		out = append(out, w)
	}
	return out
}

// marshalGolden writes v as indented JSON without HTML escapes, so goldens read as Slack
// will show them.
func marshalGolden(tb testing.TB, v any) []byte {
	tb.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		tb.Fatal(err)
	}
	// slack's ContextElements marshals itself with json.Marshal, which escapes HTML.
	return []byte(htmlUnescaper.Replace(b.String()))
}

var htmlUnescaper = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&")

// golden compares got with the file testdata/name, or rewrites it under -update.
func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test ./handlers -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from the golden file; run go test ./handlers -update and review the diff\ngot:\n%s", path, got)
	}
}

func TestGoldenBlockKit(t *testing.T) {
	reqs, replies := runScript(t, New(nil, newFakeIndex(), nil), script)
	for i, s := range script {
		t.Run(s.name, func(t *testing.T) {
			golden(t, filepath.Join("blockkit", s.name+".json"), marshalGolden(t, map[string]any{
				"request":  requestView(reqs[i]),
				"messages": wire(replies[i]),
			}))
		})
	}
}

func TestGoldenTranscript(t *testing.T) {
	reqs, replies := runScript(t, New(nil, newFakeIndex(), nil), script)
	golden(t, "transcript.txt", []byte(transcript(reqs, replies)))
}

// transcript shows each request as a user types it and the reply as PlainText renders it.
func transcript(reqs []Request, replies []Reply) string {
	var b strings.Builder
	for i, req := range reqs {
		switch {
		case req.Surface == Interaction && req.Action != nil:
			fmt.Fprintf(&b, "[press %s]\n", req.Action.ID)
		case req.Surface == Mention && req.Text == "" && req.ParentText != "":
			fmt.Fprintf(&b, "(in a thread under %q) @elecsec\n", req.ParentText)
		case req.Surface == Mention:
			fmt.Fprintf(&b, "@elecsec %s\n", req.Text)
		default:
			fmt.Fprintf(&b, "/elecsec %s\n", req.Text)
		}
		b.WriteString("\n")
		b.WriteString(PlainText(replies[i]))
		b.WriteString("\n--------\n")
	}
	return b.String()
}
