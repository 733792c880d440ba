package config

import (
	"bytes"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kelseyhightower/envconfig"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

const (
	bot = "xoxb-1-2-abc"
	app = "xapp-1-A1-2-def"
)

func env(kv ...string) func(string) (string, bool) {
	var list []string
	for i := 0; i+1 < len(kv); i += 2 {
		list = append(list, kv[i]+"="+kv[i+1])
	}
	return LookupFunc(list)
}

func TestLoadDefaults(t *testing.T) {
	got, err := Load(env())
	if err != nil {
		t.Fatalf("Load(empty) error: %v", err)
	}
	want := Config{
		APIURL:      "https://slack.com/api/",
		Addr:        ":3000",
		DatabaseURL: "sqlite:elecsec.db",
		RateLimit:   20,
		LogLevel:    "info",
	}
	if got != want {
		t.Errorf("Load(empty) = %+v; want %+v", got, want)
	}
	if got.Mode() != Shell {
		t.Errorf("Load(empty).Mode() = %s; want shell", got.Mode())
	}
}

func TestLoadModes(t *testing.T) {
	tests := []struct {
		name string
		env  []string
		want Mode
	}{
		{"no tokens", nil, Shell},
		{"socket", []string{"SLACK_BOT_TOKEN", bot, "SLACK_APP_TOKEN", app}, Socket},
		{"http", []string{"SLACK_BOT_TOKEN", bot, "SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5"}, HTTP},
		{"both prefers socket", []string{"SLACK_BOT_TOKEN", bot, "SLACK_APP_TOKEN", app, "SLACK_SIGNING_SECRET", "s3cr3t"}, Socket},
	}
	for _, tt := range tests {
		c, err := Load(env(tt.env...))
		if err != nil {
			t.Errorf("%s: Load error: %v", tt.name, err)
			continue
		}
		if got := c.Mode(); got != tt.want {
			t.Errorf("%s: Mode() = %s; want %s", tt.name, got, tt.want)
		}
	}
}

func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name    string
		env     []string
		mention string // the error must name this
	}{
		{"bot token alone", []string{"SLACK_BOT_TOKEN", bot}, "SLACK_APP_TOKEN"},
		{"app token alone", []string{"SLACK_APP_TOKEN", app}, "SLACK_BOT_TOKEN"},
		{"secret alone", []string{"SLACK_SIGNING_SECRET", "s3cr3t"}, "SLACK_BOT_TOKEN"},
		{"malformed bot token", []string{"SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_APP_TOKEN", app}, "xoxb-"},
		{"bot token with newline", []string{"SLACK_BOT_TOKEN", bot + "\n", "SLACK_APP_TOKEN", app}, "xoxb-"},
		{"swapped tokens", []string{"SLACK_BOT_TOKEN", app, "SLACK_APP_TOKEN", bot}, "SLACK_APP_TOKEN"},
		{"bot token as app token", []string{"SLACK_BOT_TOKEN", bot, "SLACK_APP_TOKEN", bot}, "xapp-"},
		{"malformed app token", []string{"SLACK_BOT_TOKEN", bot, "SLACK_APP_TOKEN", "xapp-"}, "xapp-"},
		{"secret with spaces", []string{"SLACK_BOT_TOKEN", bot, "SLACK_SIGNING_SECRET", " s3cr3t "}, "SLACK_SIGNING_SECRET"},
		{"bad api url", []string{"SLACK_API_URL", "slack.com"}, "SLACK_API_URL"},
		{"bad database", []string{"ELECSEC_DATABASE_URL", "mysql://x"}, "ELECSEC_DATABASE_URL"},
		{"bad rate", []string{"ELECSEC_RATE_LIMIT", "many"}, "ELECSEC_RATE_LIMIT"},
		{"negative rate", []string{"ELECSEC_RATE_LIMIT", "-1"}, "ELECSEC_RATE_LIMIT"},
		{"bad log format", []string{"ELECSEC_LOG_FORMAT", "xml"}, "ELECSEC_LOG_FORMAT"},
		{"bad log level", []string{"ELECSEC_LOG_LEVEL", "loud"}, "ELECSEC_LOG_LEVEL"},
	}
	for _, tt := range tests {
		_, err := Load(env(tt.env...))
		if err == nil {
			t.Errorf("%s: Load = nil error; want one naming %s", tt.name, tt.mention)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.mention) {
			t.Errorf("%s: Load error = %q; want it to name %s", tt.name, msg, tt.mention)
		}
		if strings.Contains(msg, "\n") {
			t.Errorf("%s: Load error = %q; want one line", tt.name, msg)
		}
		for i := 1; i < len(tt.env); i += 2 {
			if secret := strings.TrimSpace(tt.env[i]); tt.env[i-1] != "SLACK_API_URL" && strings.HasPrefix(tt.env[i-1], "SLACK_") && len(secret) > 5 && strings.Contains(msg, secret) {
				t.Errorf("%s: Load error = %q; it prints the value of %s", tt.name, msg, tt.env[i-1])
			}
		}
	}
}

func TestLoadNormalizesAPIURL(t *testing.T) {
	c, err := Load(env("SLACK_API_URL", "http://127.0.0.1:8080/api"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "http://127.0.0.1:8080/api/"; c.APIURL != want {
		t.Errorf("APIURL = %q; want %q", c.APIURL, want)
	}
}

// TestLoadMatchesEnvconfig pins fill to envconfig.Process: the same environment must give
// the same struct, so the tags mean what envconfig's usage text says they mean.
func TestLoadMatchesEnvconfig(t *testing.T) {
	vars := map[string]string{
		"SLACK_BOT_TOKEN":      bot,
		"SLACK_APP_TOKEN":      app,
		"SLACK_SIGNING_SECRET": "s3cr3t",
		"ELECSEC_ADDR":         "127.0.0.1:0",
		"ELECSEC_CORPUS_DIR":   "/srv/articles",
		"ELECSEC_RATE_LIMIT":   "7",
		"ELECSEC_LOG_FORMAT":   "json",
	}
	var list []string
	for k, v := range vars {
		t.Setenv(k, v)
		list = append(list, k+"="+v)
	}
	var want Config
	if err := envconfig.Process("", &want); err != nil {
		t.Fatal(err)
	}
	got, err := Load(LookupFunc(list))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Load = %+v; envconfig.Process = %+v", got, want)
	}
}

func TestLogValueHidesSecrets(t *testing.T) {
	c, err := Load(env("SLACK_BOT_TOKEN", bot, "SLACK_APP_TOKEN", app, "SLACK_SIGNING_SECRET", "s3cr3tvalue",
		"ELECSEC_DATABASE_URL", "postgres://elecsec:hunter2@db/elecsec"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("config", "config", c)
	for _, secret := range []string{bot, app, "s3cr3tvalue", "hunter2"} {
		if strings.Contains(buf.String(), secret) {
			t.Errorf("log line %q contains a secret", buf.String())
		}
	}
	if !strings.Contains(buf.String(), "mode=socket") {
		t.Errorf("log line %q does not give the mode", buf.String())
	}
}

func TestUsage(t *testing.T) {
	for _, g := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"usage.golden", func(b *bytes.Buffer) error { return Usage(b) }},
		{"usage.md.golden", func(b *bytes.Buffer) error { return UsageMarkdown(b) }},
	} {
		var buf bytes.Buffer
		if err := g.write(&buf); err != nil {
			t.Fatal(err)
		}
		golden(t, g.file, buf.Bytes())
	}
}

func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from the output; run go test -update and review the diff\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
