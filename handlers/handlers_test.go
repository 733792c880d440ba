package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/elecsec/elecsec/corpus"
	"github.com/slack-go/slack"
)

func TestRoutes(t *testing.T) {
	tests := []struct {
		text      string
		wantAsked string // the query the index gets; "" when it gets none
		wantSays  string // in the reply, as PlainText renders it
	}{
		{"", "", "finds who said what"},
		{"help", "", "quotes from NAME"},
		{"HELP me", "", "quotes from NAME"},
		{"?", "", "finds who said what"},
		{"who pressed for audits", "who pressed for audits", "Results for “who pressed for audits”"},
		{"Who pressed for audits", "Who pressed for audits", "1–3 of 6"},
		{"who", "", "Who did what?"},
		{"quotes quill", "quotes from quill", "Paper ballots"},
		{"quotes by quill", "quotes from quill", "Paper ballots"},
		{"quotes from quill", "quotes from quill", "Paper ballots"},
		{"quotes about audits", "quotes about audits", "Nothing in the corpus answers"},
		{"quotes", "", "Most quoted: Ada Quill (2)"},
		{"/elecsec hacking", "hacking", "AT&T & friends"},
		{"who\x00 pressed\u200b for\tAudits\u202e", "who pressed for Audits", "Results for"},
		{"actors", "", "The corpus names 7 actors"},
		{"actors org", "", "State Election Board"},
		{"sources", "", "Governors press for paper ballots"},
		{"sources herald", "", "1 article matches “herald”"},
		{"digest subscribe", "", "not configured"},
		{"banana bread recipe", "banana bread recipe", "Perhaps try “quotes from Ada Quill” or “paper ballots”."},
		{"!!!", "", "at least one word"},
		{strings.Repeat("x", MaxQueryChars+1), "", "I read questions of up to 500"},
		{strings.Repeat("x", MaxQueryChars), strings.Repeat("x", MaxQueryChars), "Nothing in the corpus answers"},
	}
	for _, tt := range tests {
		idx := newFakeIndex()
		reply := New(nil, idx, nil).Handle(context.Background(), slash(tt.text))
		if got := idx.lastAsked(); got != tt.wantAsked {
			t.Errorf("Handle(%q): index asked %q; want %q", tt.text, got, tt.wantAsked)
		}
		if got := PlainText(reply); !strings.Contains(got, tt.wantSays) {
			t.Errorf("Handle(%q) says:\n%s\nwant it to say %q", tt.text, got, tt.wantSays)
		}
	}
}

func TestSurfaces(t *testing.T) {
	h := New(nil, newFakeIndex(), nil)
	ctx := context.Background()
	for _, text := range []string{"who pressed for audits", "help", "banana", "actors", "!!!"} {
		s := h.Handle(ctx, slash(text))
		if len(s.Messages) != 1 || s.Messages[0].InChannel {
			t.Errorf("slash %q: want one ephemeral message; got %+v", text, s.Messages)
		}
		m := h.Handle(ctx, mention(text))
		if len(m.Messages) != 1 || !m.Messages[0].InChannel {
			t.Errorf("mention %q: want one in-channel message; got %+v", text, m.Messages)
		}
		sh := h.Handle(ctx, Request{Surface: Shell, Text: text, UserID: "U0ASKER", UserName: "asker", ChannelID: "C0NEWS", TeamID: "T0TEAM"})
		if !reflect.DeepEqual(sh, s) {
			t.Errorf("shell %q: reply differs from the slash command's", text)
		}
	}
	// A mention's answer offers More results but not Share: it is in the channel already.
	m := h.Handle(ctx, mention("who pressed for audits"))
	if _, ok := buttonValue(m, ActionShare); ok {
		t.Error("mention answer has a Share button")
	}
	if _, ok := buttonValue(m, ActionMore); !ok {
		t.Error("mention answer has no More results button")
	}
}

func TestButtons(t *testing.T) {
	h := New(nil, newFakeIndex(), nil)
	ctx := context.Background()
	press := func(r Reply, id string) Reply {
		t.Helper()
		v, ok := buttonValue(r, id)
		if !ok {
			t.Fatalf("no %s button in %s", id, PlainText(r))
		}
		if n := len(v); n > MaxButtonValue {
			t.Fatalf("%s value is %d long", id, n)
		}
		return h.Handle(ctx, Request{Surface: Interaction, UserID: "U0PRESSER", Action: &Action{ID: id, Value: v}})
	}
	first := h.Handle(ctx, slash("who pressed for audits"))

	more := press(first, ActionMore)
	if len(more.Messages) != 1 || !more.Messages[0].ReplaceOriginal || more.Messages[0].InChannel {
		t.Fatalf("More results: want one ephemeral replacement; got %+v", more.Messages)
	}
	if got := PlainText(more); !strings.Contains(got, "4–6 of 6") {
		t.Errorf("More results shows:\n%s\nwant results 4–6", got)
	}
	if _, ok := buttonValue(more, ActionMore); ok {
		t.Error("last page still offers More results")
	}

	share := press(first, ActionShare)
	if len(share.Messages) != 2 {
		t.Fatalf("Share: %d messages; want 2", len(share.Messages))
	}
	if m := share.Messages[0]; !m.InChannel || m.ReplaceOriginal || m.DeleteOriginal {
		t.Errorf("Share: first message %+v; want a new in-channel post", m)
	}
	if m := share.Messages[1]; !m.DeleteOriginal {
		t.Errorf("Share: second message %+v; want the ephemeral deleted", m)
	}
	if got := PlainText(share); !strings.Contains(got, "Shared by @U0PRESSER") || !strings.Contains(got, "1–3 of 6") {
		t.Errorf("Share posts:\n%s\nwant page 1 credited to the presser", got)
	}
	if _, ok := buttonValue(share, ActionMore); ok {
		t.Error("shared post has buttons")
	}

	mentionMore := press(h.Handle(ctx, mention("who pressed for audits")), ActionMore)
	if m := mentionMore.Messages[0]; !m.ReplaceOriginal || !m.InChannel {
		t.Errorf("More on a mention answer: %+v; want an in-channel replacement", m)
	}

	// A button whose page no longer exists (the corpus changed) leaves the original alone.
	stale := h.Handle(ctx, Request{Surface: Interaction, Action: &Action{ID: ActionMore, Value: `{"q":"who pressed for audits","p":9}`}})
	if m := stale.Messages[0]; m.ReplaceOriginal || m.InChannel || !strings.Contains(m.Text, "no more results") {
		t.Errorf("stale More: %+v; want an ephemeral notice", m)
	}
	staleShare := h.Handle(ctx, Request{Surface: Interaction, Action: &Action{ID: ActionShare, Value: `{"q":"zzz"}`}})
	if len(staleShare.Messages) != 1 || staleShare.Messages[0].InChannel || staleShare.Messages[0].DeleteOriginal {
		t.Errorf("Share of an answer that is gone: %+v; want one ephemeral notice", staleShare.Messages)
	}

	for _, v := range []string{"", "not json", `{"q":"x","p":100000}`, `{"q":"\u0000"}`, `[1,2]`, `{"q":"` + strings.Repeat("x", MaxQueryChars+1) + `"}`} {
		r := h.Handle(ctx, Request{Surface: Interaction, Action: &Action{ID: ActionMore, Value: v}})
		if got := PlainText(r); !strings.Contains(got, "expired") {
			t.Errorf("More with value %q says %q; want it to say the button expired", v, got)
		}
	}
	if got := PlainText(h.Handle(ctx, Request{Surface: Interaction})); !strings.Contains(got, "no longer does anything") {
		t.Errorf("interaction without an action says %q", got)
	}
}

func TestButtonValueFitsWorstQuery(t *testing.T) {
	for _, q := range []string{strings.Repeat(`"`, MaxQueryChars), strings.Repeat(`\`, MaxQueryChars), strings.Repeat("<&>", MaxQueryChars/3), strings.Repeat("é", MaxQueryChars)} {
		v := pageRef{Text: q, Page: maxPage, InChannel: true, Search: true}.encode()
		if n := runeLen(v); n > MaxButtonValue {
			t.Errorf("value for a %d-character query is %d long; at most %d", runeLen(q), n, MaxButtonValue)
		}
		back, err := decodePageRef(v)
		if err != nil || back.Text != q {
			t.Errorf("decodePageRef(encode(%.20q…)) = %.20q, %v", q, back.Text, err)
		}
	}
}

func TestThreadParent(t *testing.T) {
	tests := []struct{ parent, wantAsked string }{
		{"<@U0BOSS> who pressed for audits?", "who pressed for audits?"},
		{"<!here> read <https://example.com/a|this piece on audits> &amp; tell me", "read this piece on audits & tell me"},
		{"see https://example.com/x for hacking", "see for hacking"},
		{strings.Repeat("The county said the audit would be done before the primary, and critics said that was late. ", 5),
			"county audit done primary critics late"},
	}
	for _, tt := range tests {
		idx := newFakeIndex()
		req := Request{Surface: Mention, UserID: "U0ASKER", ThreadTS: "1.2", ParentText: tt.parent}
		New(nil, idx, nil).Handle(context.Background(), req)
		if got := idx.lastAsked(); got != tt.wantAsked {
			t.Errorf("parent %q: index asked %q; want %q", tt.parent, got, tt.wantAsked)
		}
	}
	idx := newFakeIndex()
	r := New(nil, idx, nil).Handle(context.Background(), Request{Surface: Mention, ParentText: "<@U0BOSS> <!here>"})
	if idx.lastAsked() != "" || !strings.Contains(PlainText(r), "no words") {
		t.Errorf("a parent with no words: asked %q, said %q", idx.lastAsked(), PlainText(r))
	}
}

// TestNeverPings checks every scripted reply: no broadcast, and no mention but the credit
// of whoever shared.
func TestNeverPings(t *testing.T) {
	_, replies := runScript(t, New(nil, newFakeIndex(), nil), script)
	for i, r := range replies {
		for _, m := range r.Messages {
			data, err := json.Marshal(struct {
				Text   string
				Blocks slack.Blocks
			}{m.Text, slack.Blocks{BlockSet: m.Blocks}})
			if err != nil {
				t.Fatal(err)
			}
			s := htmlUnescaper.Replace(string(data))
			s = strings.ReplaceAll(s, "<@U0PRESSER>", "")
			for _, bad := range []string{"<!", "<@", "@here", "@channel", "@everyone"} {
				if strings.Contains(s, bad) {
					t.Errorf("%s: reply contains %q: %s", script[i].name, bad, s)
				}
			}
		}
	}
}

func TestEscapedOnce(t *testing.T) {
	r := New(nil, newFakeIndex(), nil).Handle(context.Background(), slash("hacking"))
	text := r.Messages[0].Blocks[1].(*slack.SectionBlock).Text.Text
	if !strings.Contains(text, "AT&amp;T &amp; friends") || strings.Contains(text, "&amp;amp;") {
		t.Errorf("quote rendered as %q; want AT&amp;T &amp; friends, never &amp;amp;", text)
	}
	if !strings.Contains(text, "&lt;!channel&gt;") {
		t.Errorf("quote rendered as %q; want &lt;!channel&gt;", text)
	}
}

type panicky struct{}

func (panicky) Search(string) corpus.Answer { panic("index exploded") }
func (panicky) Corpus() *corpus.Corpus      { return nil }

func TestFailuresAreFriendly(t *testing.T) {
	ctx := context.Background()
	r := New(nil, panicky{}, nil).Handle(ctx, slash("anything"))
	got := PlainText(r)
	if !strings.Contains(got, "something went wrong") || strings.Contains(got, "exploded") || strings.Contains(got, "goroutine") {
		t.Errorf("a panic replies %q; want a friendly line and no details", got)
	}
	if r.Messages[0].InChannel {
		t.Error("a failed slash command replies in the channel")
	}
	for _, text := range []string{"who pressed", "actors", "sources", "help", "quotes"} {
		r := New(nil, nil, nil).Handle(ctx, slash(text))
		if len(r.Messages) != 1 || CheckLimits(r.Messages[0]) != nil {
			t.Errorf("no searcher, %q: %+v", text, r)
		}
	}
}

type fakeDigests struct{ got string }

func (d *fakeDigests) DigestCommand(_ context.Context, req Request, args string) Reply {
	d.got = args
	return Reply{Messages: []Message{{Blocks: []slack.Block{mrkdwnSection("", "Subscribed <#"+req.ChannelID+">.")}}}}
}

func TestDigests(t *testing.T) {
	d := &fakeDigests{}
	r := New(nil, newFakeIndex(), d).Handle(context.Background(), slash("digest  at 09:00 Europe/Paris"))
	if d.got != "at 09:00 Europe/Paris" {
		t.Errorf("DigestCommand got args %q; want %q", d.got, "at 09:00 Europe/Paris")
	}
	if r.Messages[0].Text == "" {
		t.Error("a digest reply without fallback text was not given one")
	}
}

// TestLargeCorpus lists a corpus far bigger than one message holds.
func TestLargeCorpus(t *testing.T) {
	big := &corpus.Corpus{}
	for i := range 300 {
		big.Documents = append(big.Documents, &corpus.Document{
			ID: fmt.Sprintf("doc-%03d", i), Title: strings.Repeat("A very long headline about audits ", 8),
			Date: fmt.Sprintf("2020-01-%02d", i%28+1), Publisher: "Publisher & Sons", URL: fmt.Sprintf("https://example.com/%d?a=1&b=2", i),
		})
		big.Actors = append(big.Actors, &corpus.Actor{
			ID: fmt.Sprintf("actor-%03d", i), Name: fmt.Sprintf("Actor <%d> Name", i), Kind: corpus.Person,
			Roles: []string{strings.Repeat("Deputy Assistant ", 10), "D-N.Y."}, DocIDs: []string{"doc-001"},
		})
	}
	h := New(nil, bigIndex{big}, nil)
	for _, text := range []string{"actors", "actors actor", "sources", "help"} {
		r := h.Handle(context.Background(), slash(text))
		for _, m := range r.Messages {
			if err := CheckLimits(m); err != nil {
				t.Errorf("%q: %v", text, err)
			}
		}
		if text != "help" {
			if _, ok := buttonValue(r, ActionMore); !ok {
				t.Errorf("%q over 300 items has no More results button", text)
			}
		}
	}
}

type bigIndex struct{ c *corpus.Corpus }

func (b bigIndex) Search(q string) corpus.Answer { return corpus.Answer{Query: q} }
func (b bigIndex) Corpus() *corpus.Corpus        { return b.c }
