package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/elecsec/elecsec/config"
)

func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := runWith(t.Context(), config.Config{DatabaseURL: "sqlite:" + filepath.Join(t.TempDir(), "x.db")}, args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestAskJSONFollowsTheContract(t *testing.T) {
	out, _, err := runCLI(t, "ask", "--json", "who", "urged", "sanctions")
	if err != nil {
		t.Fatal(err)
	}
	var ans struct {
		Query   string           `json:"query"`
		Results []map[string]any `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatalf("ask --json printed %q: %v", out, err)
	}
	if ans.Query != "who urged sanctions" || len(ans.Results) == 0 {
		t.Fatalf("ask --json = %+v; want the query and results", ans)
	}
	first := ans.Results[0]
	for _, field := range []string{"kind", "doc_id", "text", "speakers", "url", "date", "score"} {
		if _, ok := first[field]; !ok {
			t.Errorf("first result lacks %q: %v", field, first)
		}
	}
}

func TestAskNothingIsStillSuccess(t *testing.T) {
	out, _, err := runCLI(t, "ask", "--json", "banana bread recipe")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"results":[]`) {
		t.Errorf("ask banana bread = %s; want empty results", out)
	}
}

func TestAskTextIsTheShellReply(t *testing.T) {
	out, _, err := runCLI(t, "ask", "quotes", "from", "balderas")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Balderas") || !strings.Contains(out, "The intelligence could not be more clear") {
		t.Errorf("ask quotes from balderas =\n%s", out)
	}
}

func TestCommandErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ask"}, "no query"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"corpus", "--corpus", "/nonexistent/dir"}, "/nonexistent/dir"},
		{[]string{"ask", "--corpus", "/nonexistent/dir", "x"}, "/nonexistent/dir"},
		{[]string{"eval"}, "usage"},
		{[]string{"digest"}, "digest sweep"},
	}
	for _, tt := range tests {
		_, _, err := runCLI(t, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("elecsec %s: error %v; want one containing %q", strings.Join(tt.args, " "), err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("elecsec %s: error %q spans lines; want one line", strings.Join(tt.args, " "), err)
		}
	}
}

func TestCorpusDirectoryWithABrokenFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("“We are ready,” said Gov. Maria Lopez."), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("\xff\xfe\x00"), 0o644)
	out, errOut, err := runCLI(t, "corpus", "--corpus", dir, "--json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "bad.txt") {
		t.Errorf("stderr = %q; want a warning naming bad.txt", errOut)
	}
	if !strings.Contains(out, `"id":"good"`) || !strings.Contains(out, "maria-lopez") {
		t.Errorf("corpus --json = %s; want the good document and its speaker", out)
	}
}

func TestHelp(t *testing.T) {
	out, _, err := runCLI(t, "help")
	if err != nil || !strings.Contains(out, "elecsec ask") {
		t.Errorf("help = %q, %v", out, err)
	}
}

// The README's configuration table is the -usage text: keep them the same.
func TestReadmeConfigurationTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	table, err := os.ReadFile("../../config/testdata/usage.md.golden")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), string(table)) {
		t.Errorf("README.md lacks the configuration table of config/testdata/usage.md.golden; paste it in")
	}
}
