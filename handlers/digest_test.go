package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
	"github.com/elecsec/elecsec/store"
	"github.com/elecsec/elecsec/store/storetest"
)

// digestStart is a Monday, 14:00 UTC.
var digestStart = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)

type fixedCorpus struct{ c *corpus.Corpus }

func (f fixedCorpus) Corpus() *corpus.Corpus { return f.c }

// hostileCorpus has text that must be escaped: &, <, >, a broadcast and a fake link.
func hostileCorpus() *corpus.Corpus {
	return &corpus.Corpus{
		Documents: []*corpus.Document{
			{ID: "d1", Title: "States ask for election security money", Date: "2019-06-18", Publisher: "The Ledger", URL: "https://example.com/d1?a=1&b=2"},
			{ID: "d2", Title: "Senate & the <voting> machines <!channel>", Date: "2019-07-01", Publisher: "Gazette <b>", URL: "javascript:alert(1)"},
		},
		Actors: []*corpus.Actor{
			{ID: "ellison", Name: "Keith Ellison", Kind: corpus.Person, Roles: []string{"attorney general"}},
			{ID: "schumer", Name: "Charles E. Schumer", Kind: corpus.Person, Roles: []string{"Senate Minority Leader"}},
			{ID: "senate", Name: "Senate Democrats", Kind: corpus.Group},
		},
		Quotes: []*corpus.Quote{
			corpus.QuoteOf(corpus.Quote{DocID: "d1", Paragraph: 1, Speakers: []string{"ellison"}, Partial: true}, 1, "help"),
			corpus.QuoteOf(corpus.Quote{DocID: "d1", Paragraph: 2, Speakers: []string{"ellison"}, Cue: "said"}, 2, "Our election officials are on the front lines, but they lack the resources to defend them."),
			corpus.QuoteOf(corpus.Quote{DocID: "d2", Paragraph: 1, Speakers: []string{"schumer", "senate"}, Cue: "said"}, 1, "We cannot let a foreign adversary <decide> our elections & our future, @here or anywhere."),
			corpus.QuoteOf(corpus.Quote{DocID: "d2", Paragraph: 3, Speakers: []string{"senate"}, Cue: "said"}, 2, "The states need money now, and they need it before the next primary season begins."),
		},
	}
}

type digestFixture struct {
	clock *storetest.Clock
	store store.Store
	src   *fixedCorpus
	d     *handlers.Digester
}

func newDigestFixture(t *testing.T, c *corpus.Corpus) *digestFixture {
	t.Helper()
	f := &digestFixture{clock: storetest.NewClock(digestStart), src: &fixedCorpus{c}}
	f.store = storetest.SQLite(t)(t, f.clock.Now)
	f.d = handlers.NewDigester(f.store, f.src, f.clock.Now, nil)
	return f
}

func (f *digestFixture) run(t *testing.T, args, userTZ string) (string, handlers.Message) {
	t.Helper()
	req := handlers.Request{Surface: handlers.SlashCommand, ChannelID: "C1", TeamID: "T1", UserID: "U0ADA", UserTZ: userTZ}
	reply := f.d.DigestCommand(context.Background(), req, args)
	if len(reply.Messages) != 1 {
		t.Fatalf("digest %s: %d messages; want 1", args, len(reply.Messages))
	}
	m := reply.Messages[0]
	if err := handlers.CheckLimits(m); err != nil {
		t.Errorf("digest %s: %v", args, err)
	}
	if m.InChannel {
		t.Errorf("digest %s: reply is for the channel; want it ephemeral", args)
	}
	return rawText(m), m
}

// rawText is a message's fallback text and the mrkdwn of its blocks, unwrapped.
func rawText(m handlers.Message) string {
	var b strings.Builder
	b.WriteString(m.Text)
	for _, blk := range m.Blocks {
		j, _ := json.Marshal(blk)
		var v struct {
			Text     struct{ Text string }
			Elements []struct{ Text string }
		}
		json.Unmarshal(j, &v)
		b.WriteString("\n" + v.Text.Text)
		for _, e := range v.Elements {
			b.WriteString("\n" + e.Text)
		}
	}
	return b.String()
}

func TestDigestOn(t *testing.T) {
	for _, tt := range []struct {
		args, userTZ string
		want         store.Subscription // zero: refused
		reply        []string
	}{
		{"on", "America/Denver", store.Subscription{At: "09:00", Zone: "America/Denver"}, []string{"*09:00 America/Denver*", "a quote from the archive", "today at 09:00 MST"}},
		{"on", "", store.Subscription{At: "09:00", Zone: "UTC"}, []string{"*09:00 UTC*", "tomorrow at 09:00 UTC"}},
		{"on", "Not/AZone", store.Subscription{At: "09:00", Zone: "UTC"}, []string{"09:00 UTC"}},
		{"on 7:30 europe/berlin skip-empty", "UTC", store.Subscription{At: "07:30", Zone: "Europe/Berlin", SkipEmpty: true}, []string{"*07:30 Europe/Berlin*", "nothing on days with nothing new", "tomorrow at 07:30 CET"}},
		{"ON Asia/Tokyo 23:05", "", store.Subscription{At: "23:05", Zone: "Asia/Tokyo"}, []string{"*23:05 Asia/Tokyo*", "today at 23:05 JST"}},
		{"on 18:00 utc", "", store.Subscription{At: "18:00", Zone: "UTC"}, []string{"today at 18:00 UTC"}},
		{"at 09:00 Europe/Paris", "", store.Subscription{At: "09:00", Zone: "Europe/Paris"}, []string{"*09:00 Europe/Paris*"}},
		{"08:30 america/new_york", "", store.Subscription{At: "08:30", Zone: "America/New_York"}, []string{"*08:30 America/New_York*"}},
		{"on 25:00", "", store.Subscription{}, []string{"25:00", "not a time of day", "HH:MM"}},
		{"on 9am", "", store.Subscription{}, []string{"9am", "not a time of day"}},
		{"on 09:00 Mars/Olympus_Mons", "", store.Subscription{}, []string{"Mars/Olympus_Mons", "not a time zone", "America/New_York"}},
		{"on 09:00 10:00", "", store.Subscription{}, []string{"one time"}},
		{"on <!channel>", "", store.Subscription{}, []string{"not a time zone"}},
	} {
		t.Run(tt.args, func(t *testing.T) {
			f := newDigestFixture(t, hostileCorpus())
			text, _ := f.run(t, tt.args, tt.userTZ)
			for _, want := range tt.reply {
				if !strings.Contains(text, want) {
					t.Errorf("digest %s replied %q; want it to say %q", tt.args, text, want)
				}
			}
			got, err := f.store.Subscription(context.Background(), "C1")
			if tt.want == (store.Subscription{}) {
				if !errors.Is(err, store.ErrNotFound) {
					t.Errorf("digest %s stored %+v, %v; want nothing", tt.args, got, err)
				}
				return
			}
			if err != nil || got.At != tt.want.At || got.Zone != tt.want.Zone || got.SkipEmpty != tt.want.SkipEmpty ||
				got.CreatedBy != "U0ADA" || got.TeamID != "T1" || !got.CreatedAt.Equal(digestStart) {
				t.Errorf("digest %s stored %+v, %v; want %+v", tt.args, got, err, tt.want)
			}
		})
	}
}

func TestDigestStatusOff(t *testing.T) {
	f := newDigestFixture(t, hostileCorpus())
	steps := []struct{ args, want string }{
		{"status", "no daily digest"},
		{"off", "no daily digest to turn off"},
		{"on 15:00 skip-empty", "today at 15:00 UTC"},
		{"status", "every day at *15:00 UTC*, skipping days with nothing new, set up by <@U0ADA> on Mar 2, 2026."},
		{"status", "Next: today at 15:00 UTC."},
		{"off", "Daily digest off"},
		{"status", "no daily digest"},
		{"", "digest on [HH:MM] [zone] [skip-empty]"},
		{"help", "digest preview"},
		{"sideways", "I don't know `digest sideways`"},
	}
	for _, s := range steps {
		if text, _ := f.run(t, s.args, ""); !strings.Contains(text, s.want) {
			t.Errorf("digest %s replied %q; want it to say %q", s.args, text, s.want)
		}
	}
}

func TestDigestStatusAfterPosting(t *testing.T) {
	f := newDigestFixture(t, hostileCorpus())
	ctx := context.Background()
	f.run(t, "on 09:00", "")
	c, err := f.store.Claim(ctx, store.DigestKey{ChannelID: "C1", Date: "2026-03-03"}, store.ClaimPolicy{Lease: time.Minute, MaxAttempts: 2})
	if err != nil {
		t.Fatal(err)
	}
	f.clock.Set(time.Date(2026, 3, 3, 9, 1, 0, 0, time.UTC))
	if err := f.store.RecordPosted(ctx, c, store.Post{MessageTS: "1", AsOf: f.clock.Now(), DocIDs: []string{"d1", "d2"}}); err != nil {
		t.Fatal(err)
	}
	text, _ := f.run(t, "status", "")
	for _, want := range []string{"Last posted: Tuesday, March 3, with 2 new documents.", "Next: tomorrow at 09:00 UTC."} {
		if !strings.Contains(text, want) {
			t.Errorf("status = %q; want it to say %q", text, want)
		}
	}
}

func TestDigestPreview(t *testing.T) {
	f := newDigestFixture(t, hostileCorpus())
	text, m := f.run(t, "preview", "")
	if !strings.Contains(text, "Preview") || !strings.Contains(text, "from the archive") {
		t.Errorf("preview = %q; want a preview of a quote from the archive", text)
	}
	if len(m.Blocks) < 2 {
		t.Errorf("preview has %d blocks", len(m.Blocks))
	}
	f.run(t, "on 09:00 skip-empty", "")
	if text, _ := f.run(t, "preview", ""); !strings.Contains(text, "nothing would be posted") {
		t.Errorf("preview with skip-empty and nothing new = %q", text)
	}
	// A preview writes nothing to the ledger.
	if _, err := f.store.LastPosted(context.Background(), "C1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("LastPosted after previews = %v; want ErrNotFound", err)
	}
}

func TestComposeDigest(t *testing.T) {
	ctx := context.Background()
	f := newDigestFixture(t, hostileCorpus())
	sub := store.Subscription{ChannelID: "C1", At: "09:00", Zone: "UTC", CreatedAt: digestStart.Add(-time.Hour)}
	// The documents are first seen now, after the subscription: both are new.
	post, err := f.d.ComposeDigest(ctx, sub, digestStart)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(post.DocIDs, post.QuoteIDs), "[d1 d2] [d1#q2 d2#q1]"; got != want {
		t.Errorf("featured %s; want %s: each document with its strongest quote", got, want)
	}
	if err := handlers.CheckLimits(post.Message); err != nil {
		t.Error(err)
	}
	checkGolden(t, "digest_new_documents", post.Message)

	// Once posted, nothing is new: a quote from the archive not featured in 30 days.
	c, _ := f.store.Claim(ctx, store.DigestKey{ChannelID: "C1", Date: "2026-03-02"}, store.ClaimPolicy{Lease: time.Minute, MaxAttempts: 1})
	if err := f.store.RecordPosted(ctx, c, store.Post{MessageTS: "1", AsOf: post.AsOf, DocIDs: post.DocIDs, QuoteIDs: post.QuoteIDs}); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(24 * time.Hour)
	archive, err := f.d.ComposeDigest(ctx, sub, f.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(archive.DocIDs) != 0 || fmt.Sprint(archive.QuoteIDs) != "[d2#q2]" {
		t.Errorf("archive digest featured %v %v; want the one strong quote not yet featured, d2#q2", archive.DocIDs, archive.QuoteIDs)
	}
	checkGolden(t, "digest_archive", archive.Message)

	skip := sub
	skip.SkipEmpty = true
	if post, err := f.d.ComposeDigest(ctx, skip, f.clock.Now()); err != nil || !post.Skip {
		t.Errorf("ComposeDigest with skip-empty and nothing new = %+v, %v; want Skip", post, err)
	}
}

func TestComposeDigestArchiveExhausted(t *testing.T) {
	ctx := context.Background()
	f := newDigestFixture(t, hostileCorpus())
	sub := store.Subscription{ChannelID: "C1", At: "09:00", Zone: "UTC", CreatedAt: digestStart.Add(time.Hour)} // subscribed after the documents were seen
	f.d.ComposeDigest(ctx, sub, digestStart)                                                                    // sees the documents
	c, _ := f.store.Claim(ctx, store.DigestKey{ChannelID: "C1", Date: "2026-03-02"}, store.ClaimPolicy{Lease: time.Minute, MaxAttempts: 1})
	f.store.RecordPosted(ctx, c, store.Post{MessageTS: "1", AsOf: digestStart, QuoteIDs: []string{"d1#q2", "d2#q1", "d2#q2"}})
	post, err := f.d.ComposeDigest(ctx, sub, digestStart.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if text := handlers.MessagePlainText(post.Message); len(post.QuoteIDs) != 0 || !strings.Contains(text, "Nothing new") {
		t.Errorf("digest with every quote featured = %v %q; want a plain note", post.QuoteIDs, text)
	}
	// After 30 days the quotes may come back.
	post, _ = f.d.ComposeDigest(ctx, sub, digestStart.Add(31*24*time.Hour))
	if len(post.QuoteIDs) != 1 {
		t.Errorf("digest 31 days later featured %v; want one quote again", post.QuoteIDs)
	}
}

// TestComposeDigestLimits: a day with many new, long, hostile documents still fits one message.
func TestComposeDigestLimits(t *testing.T) {
	c := &corpus.Corpus{Actors: []*corpus.Actor{{ID: "a", Name: "A <b> & c", Kind: corpus.Person}}}
	long := strings.Repeat("Secure <the> vote & count it, @channel. ", 60)
	for i := range 60 {
		id := fmt.Sprintf("doc%02d", i)
		c.Documents = append(c.Documents, &corpus.Document{ID: id, Title: long, Publisher: long, Date: "2019-01-01", URL: "https://example.com/" + id})
		c.Quotes = append(c.Quotes, corpus.QuoteOf(corpus.Quote{DocID: id, Speakers: []string{"a"}}, 1, long))
	}
	f := newDigestFixture(t, c)
	post, err := f.d.ComposeDigest(context.Background(), store.Subscription{ChannelID: "C1", At: "09:00", Zone: "UTC"}, digestStart)
	if err != nil {
		t.Fatal(err)
	}
	if err := handlers.CheckLimits(post.Message); err != nil {
		t.Error(err)
	}
	text := handlers.MessagePlainText(post.Message)
	if !strings.Contains(text, "60 documents new") || !strings.Contains(text, "more") {
		t.Errorf("digest of 60 documents does not say how many it left out:\n%s", text)
	}
	if len(post.DocIDs) == 0 || len(post.DocIDs) > 10 {
		t.Errorf("digest lists %d documents; want 1 to 10", len(post.DocIDs))
	}
}

// checkGolden compares m as Block Kit JSON with testdata/blockkit/NAME.json, rewriting it
// under -update (the flag the package's golden tests define).
func checkGolden(t *testing.T, name string, m handlers.Message) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"text": m.Text, "blocks": m.Blocks}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "blockkit", name+".json")
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("%s differs from %s (run go test -update to accept):\n%s", name, path, buf.String())
	}
}
