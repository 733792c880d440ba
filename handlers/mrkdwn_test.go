package handlers

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/elecsec/elecsec/corpus"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"<!channel>", "&lt;!channel&gt;"},
		{"<!here> and <@U123>", "&lt;!here&gt; and &lt;@U123&gt;"},
		{"<https://evil.example|click>", "&lt;https://evil.example|click&gt;"},
		{"AT&T", "AT&amp;T"},
		{"AT&amp;T", "AT&amp;T"},     // already escaped: escaped once, not twice
		{"AT&amp;amp;T", "AT&amp;T"}, // escaped twice upstream: still shown as written
		{"&lt;!channel&gt;", "&lt;!channel&gt;"},
		{"say &quot;no&quot;", `say "no"`},
		{"ping @here and @Channel", "ping @\u2060here and @\u2060Channel"},
		{"email me@heresy.org or here@here.org", "email me@heresy.org or here@here.org"},
		{"(@everyone)!", "(@\u2060everyone)!"},
		{"2 < 3 > 1", "2 &lt; 3 &gt; 1"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if got := Escape(Escape(tt.in)); got != Escape(tt.in) {
			t.Errorf("Escape(Escape(%q)) = %q; want %q (idempotent)", tt.in, got, Escape(tt.in))
		}
	}
}

func TestLink(t *testing.T) {
	tests := []struct{ url, label, want string }{
		{"https://example.com/a?b=1&c=2", "The Ledger, Mar 4, 2021", "<https://example.com/a?b=1&amp;c=2|The Ledger, Mar 4, 2021>"},
		{"https://example.com", "<!channel> & co", "<https://example.com|&lt;!channel&gt; &amp; co>"},
		{"", "No address", "No address"},
		{"https://example.com/a|b", "Pipe", "Pipe"},
		{"https://example.com/<b>", "Angle", "Angle"},
		{"https://example.com/a b", "Space", "Space"},
		{"javascript:alert(1)", "Script", "Script"},
		{"ftp://example.com/x", "FTP", "FTP"},
		{"//example.com/x", "No scheme", "No scheme"},
		{"https://example.com", "", "<https://example.com>"},
	}
	for _, tt := range tests {
		if got := Link(tt.url, tt.label); got != tt.want {
			t.Errorf("Link(%q, %q) = %q; want %q", tt.url, tt.label, got, tt.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		terms []string
		limit int
		want  string
	}{
		{"short kept whole", "One. Two.", nil, 100, "One. Two."},
		{"whitespace collapsed", "One.\n\n  Two.", nil, 100, "One. Two."},
		{"cut after a sentence", "First sentence here. Second sentence here. Third sentence here.", nil, 45,
			"First sentence here. Second sentence here. …"},
		{"starts at the matched sentence", "Alpha beta gamma. Delta epsilon zeta. Eta theta sanctions iota.", []string{"sanctions"}, 35,
			"… Eta theta sanctions iota."},
		{"keeps the opening when the match fits", "Alpha beta. Gamma sanctions. Delta epsilon zeta eta theta.", []string{"sanctions"}, 35,
			"Alpha beta. Gamma sanctions. …"},
		{"abbreviations do not end sentences", "Sen. Vale and Charles E. Smith spoke in the U.S. capital. Then they left the building.", nil, 70,
			"Sen. Vale and Charles E. Smith spoke in the U.S. capital. …"},
		{"closing quotes stay with their sentence", `He said "stop." Then he left the room quietly.`, nil, 30,
			`He said "stop." …`},
		{"one long sentence cut between words", "word " + strings.Repeat("longer ", 30) + "end", nil, 40,
			"word longer longer longer longer longer…"},
		{"prefers a clause boundary", "We will fund the audits, and we will fund them before the primaries come", nil, 60,
			"We will fund the audits, and we will fund them before the…"},
	}
	for _, tt := range tests {
		got := Excerpt(tt.text, tt.terms, tt.limit)
		if got != tt.want {
			t.Errorf("%s: Excerpt(%q, %q, %d) = %q; want %q", tt.name, tt.text, tt.terms, tt.limit, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.limit {
			t.Errorf("%s: Excerpt is %d characters; limit %d", tt.name, n, tt.limit)
		}
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		text  string
		terms []string
		want  string
	}{
		{"impose sanctions on Russia", []string{"sanctions"}, "impose *sanctions* on Russia"},
		{"impose sanctions on Russia", []string{"impose", "sanctions"}, "*impose sanctions* on Russia"},
		{"Sanctions, now.", []string{"sanction"}, "*Sanctions*, now."},
		{"Russia’s hackers", []string{"russia"}, "*Russia’s* hackers"},
		{"an election, elections", []string{"elect"}, "an *election*, *elections*"},
		{"elect electioneering", []string{"elect"}, "*elect* electioneering"},
		{"no match here", []string{"sanctions"}, "no match here"},
		{"<!channel> sanctions & more", []string{"sanctions", "channel"}, "&lt;!*channel*&gt; *sanctions* &amp; more"},
		{"AT&amp;T amp", []string{"amp"}, "AT&amp;T *amp*"},
		{"two words", []string{"Two Words"}, "*two words*"},
	}
	for _, tt := range tests {
		if got := Highlight(tt.text, tt.terms); got != tt.want {
			t.Errorf("Highlight(%q, %q) = %q; want %q", tt.text, tt.terms, got, tt.want)
		}
	}
}

func TestContextLine(t *testing.T) {
	doc := &corpus.Document{ID: "d", Publisher: "The Ledger", Date: "2021-03-04", URL: "https://example.com/x"}
	tests := []struct {
		name     string
		speakers []*corpus.Actor
		doc      *corpus.Document
		want     string
	}{
		{"speaker and linked source", []*corpus.Actor{actorQuill}, doc,
			"Ada Quill, Governor, D-Vt. · <https://example.com/x|The Ledger, Mar 4, 2021>"},
		{"no address, no link", []*corpus.Actor{actorBoard}, &corpus.Document{Publisher: "County Herald"},
			"State Election Board · County Herald"},
		{"no publisher: the title", nil, &corpus.Document{Title: "A & B", Date: "bad date"}, "A &amp; B, bad date"},
		{"hostile names escaped", []*corpus.Actor{actorMallory}, nil, "Mallory &lt;@U999&gt; Jones, &lt;!here&gt; commentator"},
		{"two speakers, one role each", []*corpus.Actor{actorQuill, actorCy}, nil, "Ada Quill, Governor; Cy Vale, Senator"},
		{"many speakers by name", []*corpus.Actor{actorQuill, nil, actorBen, actorCy, actorDee}, nil,
			"Ada Quill, Ben Ode, Cy Vale, Dee Fox"},
		{"too many speakers", []*corpus.Actor{actorQuill, actorBen, actorCy, actorDee, actorBoard, actorGovernors, actorMallory, actorQuill}, nil,
			"Ada Quill, Ben Ode, Cy Vale, Dee Fox, State Election Board, Governors of 12 states and 2 others"},
		{"nothing known", nil, nil, ""},
	}
	for _, tt := range tests {
		if got := ContextLine(tt.speakers, tt.doc); got != tt.want {
			t.Errorf("%s: ContextLine = %q; want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzEscapeExcerpt checks that nothing from a document reaches Slack as markup: every &
// in the output starts an entity, no < or > is left, and the excerpt stays within its limit.
func FuzzEscapeExcerpt(f *testing.F) {
	f.Add("Tell <!channel> and <@U123> that AT&amp;T said 2 < 3.", "channel")
	f.Add("&amp;amp;lt; &lt &gt;&", "amp")
	f.Add(longQuote, "audits")
	f.Add("<<<>>>&&&", "")
	f.Fuzz(func(t *testing.T, text, term string) {
		got := EscapeExcerpt(text, []string{term})
		if err := checkMrkdwn(got); err != nil {
			t.Fatalf("EscapeExcerpt(%q, %q) = %q: %v", text, term, got, err)
		}
		if strings.ContainsAny(got, "<>") {
			t.Fatalf("EscapeExcerpt(%q, %q) = %q: holds < or >", text, term, got)
		}
		if n := utf8.RuneCountInString(mrkdwnToPlain(got)); n > ExcerptLimit+2 && utf8.ValidString(text) {
			t.Fatalf("EscapeExcerpt(%q, %q) reads as %d characters; limit %d", text, term, n, ExcerptLimit)
		}
	})
}
