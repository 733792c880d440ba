package bot

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// TestManifest validates ../manifest.yml, the app manifest a user pastes into Slack,
// against Slack's published schema (a copy in testdata), and checks it asks for what the
// transports use and no more.
func TestManifest(t *testing.T) {
	raw, err := os.ReadFile("../manifest.yml")
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("manifest.yml is not YAML: %v", err)
	}
	js, err := json.Marshal(doc)
	if err != nil {
		t.Fatalf("manifest.yml does not convert to JSON: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	schemaFile, err := os.Open("testdata/manifest.schema.1.0.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseRegexpEngine(lookaheadRegexp)
	if err := c.AddResource("manifest.schema.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("manifest.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("manifest.yml fails Slack's schema: %v", err)
	}
	// The schema is strict enough to matter: a misspelt setting fails it.
	broken, _ := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.Replace(js, []byte(`"socket_mode_enabled"`), []byte(`"socket_mode"`), 1)))
	if schema.Validate(broken) == nil {
		t.Error("a manifest with a misspelt setting passes the schema; the test checks nothing")
	}

	var m struct {
		Features struct {
			SlashCommands []struct {
				Command     string `json:"command"`
				Description string `json:"description"`
				UsageHint   string `json:"usage_hint"`
			} `json:"slash_commands"`
		} `json:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `json:"bot"`
			} `json:"scopes"`
		} `json:"oauth_config"`
		Settings struct {
			Events struct {
				BotEvents []string `json:"bot_events"`
			} `json:"event_subscriptions"`
			Interactivity struct {
				Enabled bool `json:"is_enabled"`
			} `json:"interactivity"`
			SocketMode bool `json:"socket_mode_enabled"`
		} `json:"settings"`
	}
	if err := json.Unmarshal(js, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/elecsec" ||
		m.Features.SlashCommands[0].Description == "" || m.Features.SlashCommands[0].UsageHint == "" {
		t.Errorf("slash commands %+v; want /elecsec alone, with description and usage hint", m.Features.SlashCommands)
	}
	if !m.Settings.SocketMode || !m.Settings.Interactivity.Enabled {
		t.Errorf("socket mode %v, interactivity %v; want both on", m.Settings.SocketMode, m.Settings.Interactivity.Enabled)
	}
	if !slices.Equal(m.Settings.Events.BotEvents, []string{"app_mention"}) {
		t.Errorf("bot events %v; want [app_mention]", m.Settings.Events.BotEvents)
	}
	scopes := slices.Sorted(slices.Values(m.OAuth.Scopes.Bot))
	want := []string{"app_mentions:read", "channels:history", "chat:write", "commands", "groups:history", "users:read"}
	if !slices.Equal(scopes, want) {
		t.Errorf("bot scopes %v; want exactly %v (what the transports call)", scopes, want)
	}
}

// lookaheadRegexp compiles the schema's patterns with Go's regexp, which has no lookahead.
// Slack's schema uses one form of it, a leading negative lookahead "^(?!A)B", which is the
// same as matching ^B and not ^A.
func lookaheadRegexp(pattern string) (jsonschema.Regexp, error) {
	if rest, ok := strings.CutPrefix(pattern, "^(?!"); ok {
		if end := strings.Index(rest, ")"); end > 0 {
			not, err := regexp.Compile("^(?:" + rest[:end] + ")")
			if err != nil {
				return nil, err
			}
			must, err := regexp.Compile("^" + rest[end+1:])
			if err != nil {
				return nil, err
			}
			return negativeLookahead{pattern, not, must}, nil
		}
	}
	return regexp.Compile(pattern)
}

type negativeLookahead struct {
	pattern   string
	not, must *regexp.Regexp
}

func (n negativeLookahead) MatchString(s string) bool {
	return !n.not.MatchString(s) && n.must.MatchString(s)
}

func (n negativeLookahead) String() string { return n.pattern }
