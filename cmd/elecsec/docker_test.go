package main

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// moduleRoot is the repository's root, relative to this package's directory.
const moduleRoot = "../.."

// buildLine is a `go build` command: the environment assignments before it and its words.
type buildLine struct {
	env  []string // KEY=VALUE
	args []string // "go", "build", flags…, package
}

// parseBuildLine reads a shell command such as `CGO_ENABLED=0 go build -trimpath -o /x ./cmd/x`.
func parseBuildLine(s string) buildLine {
	var b buildLine
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, `"'`)
		if len(b.args) == 0 && strings.Contains(w, "=") {
			b.env = append(b.env, w)
			continue
		}
		b.args = append(b.args, w)
	}
	return b
}

// words is the command as one sequence, with the -o value (which differs between the
// image and CI) replaced by OUT.
func (b buildLine) words() []string {
	ws := slices.Concat(b.env, b.args)
	for i := range ws {
		if i > 0 && ws[i-1] == "-o" {
			ws[i] = "OUT"
		}
	}
	return ws
}

// dockerBuildLine returns the build stage's `RUN … go build …` command.
func dockerBuildLine(tb testing.TB) buildLine {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join(moduleRoot, "Dockerfile"))
	if err != nil {
		tb.Fatal(err)
	}
	var found []string
	for _, line := range strings.Split(strings.ReplaceAll(string(src), "\\\n", " "), "\n") {
		if cmd, ok := strings.CutPrefix(strings.TrimSpace(line), "RUN "); ok && strings.Contains(cmd, "go build") {
			found = append(found, cmd)
		}
	}
	if len(found) != 1 {
		tb.Fatalf("Dockerfile has %d RUN lines with go build; want 1: %q", len(found), found)
	}
	return parseBuildLine(found[0])
}

func TestDockerfileBuildLine(t *testing.T) {
	b := dockerBuildLine(t)
	got := strings.Join(b.words(), " ")
	want := "CGO_ENABLED=0 go build -trimpath -o OUT ./cmd/elecsec"
	if got != want {
		t.Errorf("Dockerfile builds with %q; want %q", got, want)
	}
}

// TestCIBuildsAsDockerfile checks that .ci/run builds the binary with the very command of
// the Dockerfile, since CI has no Docker engine to build the image itself.
func TestCIBuildsAsDockerfile(t *testing.T) {
	script, err := os.ReadFile(filepath.Join(moduleRoot, ".ci", "run"))
	if os.IsNotExist(err) {
		t.Skip(".ci/run does not exist yet; it must run the Dockerfile's build line")
	}
	if err != nil {
		t.Fatal(err)
	}
	want := dockerBuildLine(t).words()
	for _, line := range strings.Split(string(script), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") || !strings.Contains(line, "go build") {
			continue
		}
		ws := parseBuildLine(line).words()
		// The line may be prefixed (env, time, a helper): look for the command within it.
		for i := range ws {
			if hasPrefixWords(ws[i:], want) {
				return
			}
		}
	}
	t.Errorf(".ci/run has no line running %q (the Dockerfile's build line; the -o path may differ)", strings.Join(want, " "))
}

func hasPrefixWords(ws, prefix []string) bool {
	return len(ws) >= len(prefix) && slices.Equal(ws[:len(prefix)], prefix)
}

// buildElecsec builds the binary with the Dockerfile's build line into a temporary
// directory and returns its path.
func buildElecsec(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds the binary; skipped with -short")
	}
	b := dockerBuildLine(tb)
	out := filepath.Join(tb.TempDir(), "elecsec")
	args := slices.Clone(b.args)
	for i := range args {
		if i > 0 && args[i-1] == "-o" {
			args[i] = out
		}
	}
	if len(args) < 2 || args[0] != "go" {
		tb.Fatalf("Dockerfile build line %q does not run go", args)
	}
	cmd := exec.Command("go", args[1:]...)
	cmd.Dir = moduleRoot
	cmd.Env = append(os.Environ(), b.env...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, msg)
	}
	return out
}

// TestBinaryIsStatic checks that the Dockerfile's build gives a binary the distroless
// static image can run: no dynamic loader, no shared libraries.
func TestBinaryIsStatic(t *testing.T) {
	f, err := elf.Open(buildElecsec(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("binary has a %v program header; want a static binary", p.Type)
		}
	}
	if libs, err := f.ImportedLibraries(); err == nil && len(libs) > 0 {
		t.Errorf("binary needs shared libraries %q; want none", libs)
	}
}
