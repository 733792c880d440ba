package handlers

import (
	"strings"
	"testing"
)

func TestMrkdwnToPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"*bold* and _italic_ and `code`", "bold and italic and code"},
		{"<https://example.com/a?b=1&amp;c=2|The Ledger, Mar 4, 2021>", "The Ledger, Mar 4, 2021 (https://example.com/a?b=1&c=2)"},
		{"<https://example.com>", "https://example.com"},
		{"Shared by <@U0PRESSER>", "Shared by @U0PRESSER"},
		{"&lt;!channel&gt; AT&amp;T", "<!channel> AT&T"},
		{"&amp;lt;", "&lt;"},
		{"ping @\u2060here", "ping @here"},
		{"snake_case_name stays", "snake_case_name stays"},
	}
	for _, tt := range tests {
		if got := mrkdwnToPlain(tt.in); got != tt.want {
			t.Errorf("mrkdwnToPlain(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("x", 100)
	tests := []struct {
		line, indent, hanging string
		width                 int
		want                  string
	}{
		{"one two three", "", "", 80, "one two three"},
		{"one two three", "", "  ", 7, "one two\n  three"},
		{"see " + long + " now", "    ", "    ", 20, "    see\n    " + long + "\n    now"},
		{"   ", "", "", 10, ""},
	}
	for _, tt := range tests {
		if got := wrap(tt.line, tt.indent, tt.hanging, tt.width); got != tt.want {
			t.Errorf("wrap(%q, %d) = %q; want %q", tt.line, tt.width, got, tt.want)
		}
	}
}

func TestPlainTextSkipsDeletes(t *testing.T) {
	r := Reply{Messages: []Message{{Text: "*hello* &amp; bye"}, {DeleteOriginal: true, Text: "gone"}}}
	if got, want := PlainText(r), "hello & bye\n"; got != want {
		t.Errorf("PlainText = %q; want %q", got, want)
	}
}
