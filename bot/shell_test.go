package bot

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/elecsec/elecsec/handlers"
)

func TestShellTranscript(t *testing.T) {
	script := strings.Join([]string{
		"/elecsec who urged sanctions",
		"@elecsec quotes from sessions",
		"   ",
		"help",
		"/giphy cats",
		"/ELECSEC   actors\tsen",
		"quit",
		"/elecsec never reached",
	}, "\n")
	h := &recordingHandler{}
	var out bytes.Buffer
	if err := RunShell(context.Background(), h, strings.NewReader(script), &out); err != nil {
		t.Fatalf("RunShell = %v", err)
	}
	golden(t, "shell.golden", out.Bytes())

	want := []handlers.Request{
		{Surface: handlers.Shell, Text: "who urged sanctions"},
		{Surface: handlers.Mention, Text: "quotes from sessions"},
		{Surface: handlers.Shell, Text: "help"},
		{Surface: handlers.Shell, Text: "actors sen"},
	}
	got := h.requests()
	if len(got) != len(want) {
		t.Fatalf("handler got %d requests; want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Surface != want[i].Surface || got[i].Text != want[i].Text {
			t.Errorf("request %d = %s %q; want %s %q", i, got[i].Surface, got[i].Text, want[i].Surface, want[i].Text)
		}
	}
}

func TestShellEndsAtEOF(t *testing.T) {
	var out bytes.Buffer
	if err := RunShell(context.Background(), &recordingHandler{}, strings.NewReader("actors"), &out); err != nil {
		t.Fatalf("RunShell = %v", err)
	}
	if !strings.Contains(out.String(), "You asked: actors") {
		t.Errorf("output %q; want the answer to the last line without a newline", out.String())
	}
	if strings.Contains(out.String(), "elecsec>") {
		t.Errorf("output %q shows a prompt; want none when stdin is not a terminal", out.String())
	}
}

func TestShellRequest(t *testing.T) {
	tests := []struct {
		line    string
		surface handlers.Surface
		text    string
		reply   string
		quit    bool
	}{
		{line: "/elecsec who urged sanctions", surface: handlers.Shell, text: "who urged sanctions"},
		{line: "/elecsec", surface: handlers.Shell, text: ""},
		{line: "@elecsec", surface: handlers.Mention, text: ""},
		{line: "@Elecsec  sources ", surface: handlers.Mention, text: "sources"},
		{line: "/elecsecx", reply: "Only /elecsec works here, not /elecsecx. Try /elecsec help."},
		{line: "who said <!channel> & co", surface: handlers.Shell, text: "who said <!channel> & co"},
		{line: "EXIT", quit: true},
		{line: "\x1b[Aactors", surface: handlers.Shell, text: "[Aactors"},
		{line: ""},
	}
	for _, tt := range tests {
		req, reply, quit := shellRequest(tt.line)
		if quit != tt.quit || reply != tt.reply {
			t.Errorf("shellRequest(%q) reply, quit = %q, %v; want %q, %v", tt.line, reply, quit, tt.reply, tt.quit)
			continue
		}
		if tt.surface == "" {
			if req != nil {
				t.Errorf("shellRequest(%q) = %+v; want no request", tt.line, req)
			}
			continue
		}
		if req == nil || req.Surface != tt.surface || req.Text != tt.text {
			t.Errorf("shellRequest(%q) = %+v; want %s %q", tt.line, req, tt.surface, tt.text)
		}
	}
}

func TestRunPicksShellWithoutTokens(t *testing.T) {
	var out bytes.Buffer
	cfg := httpConfig(newFakeSlack(t))
	cfg.BotToken, cfg.SigningSecret = "", ""
	err := Run(context.Background(), cfg, &recordingHandler{}, Options{Stdin: strings.NewReader("/elecsec sources\n"), Stdout: &out})
	if err != nil || !strings.Contains(out.String(), "You asked: sources") {
		t.Errorf("Run in shell mode = %v, output %q; want the answer", err, out.String())
	}
}
