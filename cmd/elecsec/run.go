package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strings"

	"github.com/elecsec/elecsec/config"
	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
	"github.com/elecsec/elecsec/seeds"
)

// usage is the command line's help.
const usage = `elecsec answers, in Slack, who said what about election security.

Usage:
  elecsec                      run where the environment says: the local shell with no Slack
                               tokens, socket mode or HTTP mode with them (see -usage)
  elecsec serve                the same
  elecsec ask [--corpus DIR] [--json] [--limit N] QUERY...
                               answer one query exactly as /elecsec QUERY would
  elecsec corpus [--corpus DIR] [--json]
                               load the corpus as the bot does and print what it extracted
  elecsec eval GOLD.json [--corpus DIR]
                               score answers against a gold file of queries
  elecsec digest sweep [--now RFC3339]
                               post the daily digests that are due, once, and exit
  elecsec healthcheck [--ready]
                               probe the server on ELECSEC_ADDR: /healthz, or /readyz with
                               --ready; exits non-zero unless it answers 200 (for containers)
  elecsec -usage               list every environment variable, its default and meaning
  elecsec help                 this text
`

// run is the whole program: main only supplies the process's context, arguments and
// streams. It reads the configuration from the environment, once, and hands it on.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 && (args[0] == "-usage" || args[0] == "--usage") {
		return config.Usage(stdout)
	}
	cfg, err := config.Load(os.LookupEnv)
	if err != nil {
		return err
	}
	return runWith(ctx, cfg, args, stdin, stdout, stderr)
}

// runWith runs one subcommand with the given configuration; end-to-end tests call it with a
// Config literal. This is the whole command surface.
func runWith(ctx context.Context, cfg config.Config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd, rest := "serve", args
	if len(args) > 0 {
		cmd, rest = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(ctx, cfg, stdin, stdout, stderr)
	case "ask":
		return askCmd(ctx, rest, cfg, stdout, stderr)
	case "corpus":
		return corpusCmd(rest, cfg, stdout, stderr)
	case "eval":
		return evalCmd(rest, cfg, stdout, stderr)
	case "digest":
		if len(rest) == 0 || rest[0] != "sweep" {
			return usageError{errors.New("digest: the only subcommand is `digest sweep [--now RFC3339]`")}
		}
		return digestSweep(ctx, rest[1:], cfg, stdout, stderr)
	case "healthcheck":
		return healthcheck(ctx, rest, cfg, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Errorf("unknown command %q", cmd)}
}

// usageError is a mistake in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// loadCorpus loads the articles in dir, or the embedded seeds when dir is empty, and hands
// every file it skipped to warn.
func loadCorpus(dir string, warn func(corpus.Warning)) (*corpus.Corpus, error) {
	var fsys fs.FS = seeds.FS
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("corpus directory %s: %w", dir, unwrapPath(err))
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("corpus directory %s: not a directory", dir)
		}
		fsys = os.DirFS(dir)
	}
	c, err := corpus.Load(fsys)
	if err != nil {
		return nil, err
	}
	for _, w := range c.Warnings {
		warn(w)
	}
	return c, nil
}

// warnTo writes skipped files, and files read in part, to a command's standard error.
func warnTo(stderr io.Writer) func(corpus.Warning) {
	return func(w corpus.Warning) { fmt.Fprintf(stderr, "elecsec: warning: %s\n", w) }
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func loadIndex(dir string, stderr io.Writer) (*corpus.Index, error) {
	c, err := loadCorpus(dir, warnTo(stderr))
	if err != nil {
		return nil, err
	}
	return corpus.NewIndex(c), nil
}

// interleaved moves flags written after the query words in front of them, so that
// "ask who urged sanctions --json" works like "ask --json who urged sanctions".
func interleaved(args []string) []string {
	var flags, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			words = append(words, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if (name == "corpus" || name == "limit") && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			words = append(words, a)
		}
	}
	return append(flags, words...)
}

// corpusCmd prints what the corpus yields: JSON as CONTRACT.md specifies, or a summary.
func corpusCmd(args []string, cfg config.Config, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("corpus", cfg.CorpusDir, "directory of articles to use instead of the embedded seeds")
	asJSON := fl.Bool("json", false, "print documents, actors, quotes and reported speech as JSON")
	if err := fl.Parse(args); err != nil {
		return usageError{err}
	}
	if fl.NArg() > 0 {
		return usageError{fmt.Errorf("corpus: unexpected argument %q", fl.Arg(0))}
	}
	c, err := loadCorpus(*dir, warnTo(stderr))
	if err != nil {
		return err
	}
	if !*asJSON {
		return printCorpusSummary(stdout, c)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(corpusJSON(c))
}

// documentJSON is a document as CONTRACT.md gives it.
type documentJSON struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Date       string `json:"date"`
	Publisher  string `json:"publisher"`
	Author     string `json:"author"`
	URL        string `json:"url"`
	Paragraphs int    `json:"paragraphs"`
}

func corpusJSON(c *corpus.Corpus) any {
	docs := make([]documentJSON, 0, len(c.Documents))
	for _, d := range c.Documents {
		docs = append(docs, documentJSON{d.ID, d.Title, d.Date, d.Publisher, d.Author, d.URL, d.ParagraphCount()})
	}
	return struct {
		Documents    []documentJSON        `json:"documents"`
		Actors       []*corpus.Actor       `json:"actors"`
		Quotes       []*corpus.Quote       `json:"quotes"`
		Attributions []*corpus.Attribution `json:"attributions"`
		Warnings     []corpus.Warning      `json:"warnings,omitempty"`
	}{docs, nonNil(c.Actors), nonNil(c.Quotes), nonNil(c.Attributions), c.Warnings}
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func printCorpusSummary(w io.Writer, c *corpus.Corpus) error {
	people := 0
	for _, a := range c.Actors {
		if a.Kind == corpus.Person {
			people++
		}
	}
	fmt.Fprintf(w, "%d documents, %d actors (%d people), %d quotes, %d pieces of reported speech\n\n",
		len(c.Documents), len(c.Actors), people, len(c.Quotes), len(c.Attributions))
	for _, d := range c.Documents {
		fmt.Fprintf(w, "%s  %s\n    %s\n", d.ID, orDash(d.Date), d.Title)
		if d.Publisher != "" || d.URL != "" {
			fmt.Fprintf(w, "    %s %s\n", d.Publisher, d.URL)
		}
	}
	fmt.Fprintln(w, "\nUse --json for everything extracted.")
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "----------"
	}
	return s
}

// printAnswer prints an answer as the local shell shows it: the same handler, rendered as text.
func printAnswer(ctx context.Context, w io.Writer, ix *corpus.Index, query string) error {
	h := handlers.New(slog.New(slog.DiscardHandler), ix, nil)
	reply := h.Handle(ctx, handlers.Request{Surface: handlers.Shell, Text: query})
	_, err := io.WriteString(w, handlers.PlainText(reply))
	return err
}
