package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/seeds"
)

// run is the whole program: main only supplies the process's context, arguments and streams.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "corpus" {
		return corpusCmd(args[1:], stdout, stderr)
	}
	return errors.New("not wired yet")
}

func corpusCmd(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("corpus", "", "directory of articles")
	asJSON := fl.Bool("json", false, "print JSON")
	if err := fl.Parse(args); err != nil {
		return err
	}
	var fsys fs.FS = seeds.FS
	if *dir != "" {
		fsys = os.DirFS(*dir)
	}
	c, err := corpus.Load(fsys)
	if err != nil {
		return err
	}
	for _, w := range c.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	_ = asJSON
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	type docJSON struct {
		*corpus.Document
		Paragraphs int `json:"paragraphs"`
	}
	var docs []docJSON
	for _, d := range c.Documents {
		docs = append(docs, docJSON{d, len(d.Body)})
	}
	return enc.Encode(map[string]any{"documents": docs, "actors": c.Actors, "quotes": c.Quotes, "attributions": c.Attributions})
}
