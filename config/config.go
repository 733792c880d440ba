// Package config reads elecsec's configuration from the environment, once, at the edge of
// the program. Everything is in one struct, Config, whose envconfig tags name each variable,
// its default and its meaning; Usage prints them for `elecsec -usage`.
//
// No package calls os.Getenv: the command line hands Load a lookup function (os.LookupEnv),
// and tests hand it a map.
package config

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// Config is every setting elecsec reads from the environment.
type Config struct {
	BotToken      string `envconfig:"SLACK_BOT_TOKEN" desc:"bot token (xoxb-…); with SLACK_APP_TOKEN runs socket mode, with SLACK_SIGNING_SECRET HTTP mode; unset runs the local shell"`
	AppToken      string `envconfig:"SLACK_APP_TOKEN" desc:"app-level token (xapp-…) with connections:write, for socket mode"`
	SigningSecret string `envconfig:"SLACK_SIGNING_SECRET" desc:"signing secret that verifies HTTP requests from Slack, for HTTP mode"`
	APIURL        string `envconfig:"SLACK_API_URL" default:"https://slack.com/api/" desc:"Slack Web API base URL; tests point it at a fake"`
	Addr          string `envconfig:"ELECSEC_ADDR" default:":3000" desc:"HTTP listen address: Slack endpoints in HTTP mode; /healthz, /readyz and /metrics in every server mode"`
	CorpusDir     string `envconfig:"ELECSEC_CORPUS_DIR" desc:"directory of articles to use instead of the embedded seeds"`
	DatabaseURL   string `envconfig:"ELECSEC_DATABASE_URL" default:"sqlite:elecsec.db" desc:"digest store: sqlite:PATH, or postgres://… for several replicas"`
	RateLimit     int    `envconfig:"ELECSEC_RATE_LIMIT" default:"20" desc:"slash commands and mentions each user may make per minute; 0 turns the limit off"`
	LogFormat     string `envconfig:"ELECSEC_LOG_FORMAT" desc:"log format, json or text; unset means json in servers, text in the shell"`
	LogLevel      string `envconfig:"ELECSEC_LOG_LEVEL" default:"info" desc:"least severe log level written: debug, info, warn or error"`
}

// Mode is how elecsec meets its users, decided by which Slack settings are present.
type Mode string

// The modes Config.Mode can return.
const (
	Shell  Mode = "shell"  // no Slack token: read commands from stdin, print replies
	Socket Mode = "socket" // SLACK_BOT_TOKEN and SLACK_APP_TOKEN: a socket-mode connection to Slack
	HTTP   Mode = "http"   // SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET: Slack calls our HTTP endpoints
)

// Mode returns the transport the configuration asks for. The app token wins when both it
// and the signing secret are set, since socket mode needs no public URL.
func (c Config) Mode() Mode {
	switch {
	case c.BotToken == "":
		return Shell
	case c.AppToken != "":
		return Socket
	default:
		return HTTP
	}
}

// Load reads the configuration through lookup (os.LookupEnv in main, a map in tests),
// fills defaults, and validates it. The error is one line naming the variable at fault; it
// never contains a token or secret.
func Load(lookup func(key string) (string, bool)) (Config, error) {
	var c Config
	if err := fill(&c, lookup); err != nil {
		return Config{}, err
	}
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	c.APIURL = strings.TrimSuffix(c.APIURL, "/") + "/"
	return c, nil
}

// LookupFunc adapts an environment list in os.Environ's KEY=value form to Load's lookup.
func LookupFunc(environ []string) func(string) (string, bool) {
	env := make(map[string]string, len(environ))
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return func(key string) (string, bool) {
		v, ok := env[key]
		return v, ok
	}
}

// fill sets each field of c from its envconfig tag, the way envconfig.Process does, but
// through lookup rather than the process environment.
func fill(c *Config, lookup func(string) (string, bool)) error {
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		key := f.Tag.Get("envconfig")
		raw, ok := lookup(key)
		if !ok {
			raw, ok = f.Tag.Get("default"), f.Tag.Get("default") != ""
		}
		if !ok {
			if f.Tag.Get("required") == "true" {
				return fmt.Errorf("config: %s is required", key)
			}
			continue
		}
		if err := setField(v.Field(i), raw); err != nil {
			return fmt.Errorf("config: %s: %w", key, err)
		}
	}
	return nil
}

func setField(field reflect.Value, raw string) error {
	switch field.Interface().(type) {
	case string:
		field.SetString(raw)
	case int:
		n, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil {
			return fmt.Errorf("want a whole number, got %q", raw)
		}
		field.SetInt(int64(n))
	case bool:
		b, err := strconv.ParseBool(strings.TrimSpace(raw))
		if err != nil {
			return fmt.Errorf("want true or false, got %q", raw)
		}
		field.SetBool(b)
	case time.Duration:
		d, err := time.ParseDuration(strings.TrimSpace(raw))
		if err != nil {
			return fmt.Errorf("want a duration such as 10s, got %q", raw)
		}
		field.SetInt(int64(d))
	default:
		return fmt.Errorf("unsupported field type %s", field.Type())
	}
	return nil
}

// Validate reports the first misconfiguration, in one line that names the variable and never
// its value when the value is a secret.
func (c Config) Validate() error {
	if err := c.validateSlack(); err != nil {
		return err
	}
	u, err := url.Parse(c.APIURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("config: SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, got %q", c.APIURL)
	}
	if c.Mode() != Shell && c.Addr == "" {
		return errors.New("config: ELECSEC_ADDR is empty; set a listen address such as :3000")
	}
	switch {
	case strings.HasPrefix(c.DatabaseURL, "sqlite:") && len(c.DatabaseURL) > len("sqlite:"):
	case strings.HasPrefix(c.DatabaseURL, "postgres://"), strings.HasPrefix(c.DatabaseURL, "postgresql://"):
	default:
		return errors.New("config: ELECSEC_DATABASE_URL must be sqlite:PATH or postgres://…")
	}
	if c.RateLimit < 0 {
		return fmt.Errorf("config: ELECSEC_RATE_LIMIT must be 0 (off) or more, got %d", c.RateLimit)
	}
	switch c.LogFormat {
	case "", "json", "text":
	default:
		return fmt.Errorf("config: ELECSEC_LOG_FORMAT must be json or text, got %q", c.LogFormat)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return fmt.Errorf("config: ELECSEC_LOG_LEVEL must be debug, info, warn or error, got %q", c.LogLevel)
	}
	return nil
}

func (c Config) validateSlack() error {
	switch {
	case c.BotToken == "" && c.AppToken != "":
		return errors.New("config: SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not; socket mode needs both")
	case c.BotToken == "" && c.SigningSecret != "":
		return errors.New("config: SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not; HTTP mode needs both")
	case c.BotToken == "":
		return nil
	case strings.HasPrefix(c.BotToken, "xapp-"):
		return errors.New("config: SLACK_BOT_TOKEN holds an app-level token (xapp-…); put it in SLACK_APP_TOKEN and the bot token (xoxb-…) in SLACK_BOT_TOKEN")
	case !wellFormed(c.BotToken, "xoxb-"):
		return errors.New("config: SLACK_BOT_TOKEN is not a bot token; it must start with xoxb- (OAuth & Permissions → Bot User OAuth Token)")
	case c.AppToken == "" && c.SigningSecret == "":
		return errors.New("config: SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (socket mode) or SLACK_SIGNING_SECRET (HTTP mode); set one of them")
	case c.AppToken != "" && strings.HasPrefix(c.AppToken, "xoxb-"):
		return errors.New("config: SLACK_APP_TOKEN holds a bot token (xoxb-…); it must be the app-level token (xapp-…) from Basic Information → App-Level Tokens")
	case c.AppToken != "" && !wellFormed(c.AppToken, "xapp-"):
		return errors.New("config: SLACK_APP_TOKEN is not an app-level token; it must start with xapp- (Basic Information → App-Level Tokens)")
	case c.SigningSecret != "" && strings.TrimSpace(c.SigningSecret) != c.SigningSecret:
		return errors.New("config: SLACK_SIGNING_SECRET has leading or trailing spaces")
	}
	return nil
}

// wellFormed reports whether token has the prefix, something after it, and no spaces
// (a token pasted with a stray newline fails every call with invalid_auth).
func wellFormed(token, prefix string) bool {
	return strings.HasPrefix(token, prefix) && len(token) > len(prefix) &&
		!strings.ContainsAny(token, " \t\r\n")
}

// LogValue describes the configuration for a log line: which secrets are set, never what
// they are, and the database URL without its password.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("mode", string(c.Mode())),
		slog.Bool("bot_token", c.BotToken != ""),
		slog.Bool("app_token", c.AppToken != ""),
		slog.Bool("signing_secret", c.SigningSecret != ""),
		slog.String("api_url", c.APIURL),
		slog.String("addr", c.Addr),
		slog.String("corpus_dir", c.CorpusDir),
		slog.String("database", redactURL(c.DatabaseURL)),
		slog.Int("rate_limit", c.RateLimit),
	)
}

func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		if err != nil {
			return "(unparsable)"
		}
		return s
	}
	return u.Redacted()
}

const usageFormat = `elecsec is configured through the environment:

VARIABLE	DEFAULT	MEANING
{{range .}}{{usage_key .}}	{{usage_default .}}	{{usage_description .}}
{{end}}`

// Usage writes every variable with its default and meaning, as `elecsec -usage` prints it.
func Usage(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if err := envconfig.Usagef("", &Config{}, tw, usageFormat); err != nil {
		return err
	}
	return tw.Flush()
}

const markdownFormat = `| variable | default | meaning |
|---|---|---|
{{range .}}| ` + "`{{usage_key .}}`" + ` | {{with usage_default .}}` + "`{{.}}`" + `{{end}} | {{usage_description .}} |
{{end}}`

// UsageMarkdown writes the same table as Usage in Markdown, for the README.
func UsageMarkdown(w io.Writer) error {
	return envconfig.Usagef("", &Config{}, w, markdownFormat)
}
