package corpus

import (
	"strings"
	"testing"
)

func TestMentionsInOneParagraph(t *testing.T) {
	tests := []struct {
		para string
		want string // "kind:name" of each mention, in order
	}{
		{"AUSTIN, Texas — A judge ruled on Friday.", ""},
		{"Civil rights groups cheered.", "person:Civil"}, // a guess the actor builder drops unless it speaks
		{"Sen. Ann Lee (D-Ore.) spoke.", "person:Ann Lee"},
		{"The Justice Department and the Election Integrity Board met.", "organization:Justice Department organization:Election Integrity Board"},
		{"Senate Democrats and attorneys general for 12 states wrote.", "group:Senate Democrats group:attorneys general"},
		{"Meanwhile, the board met. Prioritizing safety, it voted. Unfortunately, it rained.", ""},
	}
	for _, tt := range tests {
		toks := tokenize(tt.para, nil)
		markQuotesAndSentences(toks)
		var got []string
		for _, m := range findMentions(0, tt.para, toks, &scratch{}) {
			got = append(got, string(m.kind)+":"+m.text())
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("findMentions(%q) = %q; want %q", tt.para, g, tt.want)
		}
	}
}

func TestJoinedEquals(t *testing.T) {
	for _, tc := range []struct {
		s    string
		ts   []string
		want bool
	}{
		{"Jane Roe", []string{"Jane", "Roe"}, true},
		{"Jane Roe", []string{"Jane", "Ro"}, false},
		{"Jane  Roe", []string{"Jane", "Roe"}, false},
		{"JaneRoe", []string{"Jane", "Roe"}, false},
		{"Roe", []string{"Roe"}, true},
		{"", nil, true},
		{"Jane Roe Jr.", []string{"Jane", "Roe"}, false},
	} {
		if got := joinedEquals(tc.s, tc.ts); got != tc.want {
			t.Errorf("joinedEquals(%q, %q) = %v; want %v", tc.s, tc.ts, got, tc.want)
		}
	}
}
