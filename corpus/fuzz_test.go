package corpus

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/elecsec/elecsec/seeds"
)

func seedTexts(f *testing.F) []string {
	f.Helper()
	return seedTextsPlain()
}

func seedTextsPlain() []string {
	var out []string
	names, _ := fs.Glob(seeds.FS, "*.txt")
	for _, n := range names {
		data, _ := fs.ReadFile(seeds.FS, n)
		out = append(out, string(data))
	}
	return append(out,
		"“It works,” said Jane Doe. “Still”",
		"---\ntitle: x\n---\n“a” b “c",
		"Sen. Jane RoeJane Quinn RoeSome headline MORE (D-Ore.) said: “x”",
		"\"\"\"“”“”‘’ said he added they wrote the letter said",
		" date 2020-01-01 ",
	)
}

// FuzzLoad feeds arbitrary bytes to the loader as one file: it must never panic or hang,
// and whatever it loads must hold together.
func FuzzLoad(f *testing.F) {
	for _, s := range seedTexts(f) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Load(fstest.MapFS{"in.txt": {Data: data}, "ok.txt": {Data: []byte("“Fine,” said Jane Doe.")}})
		if err != nil {
			t.Fatal(err)
		}
		if c.Document("ok") == nil {
			t.Fatal("a bad neighbour took the good file down")
		}
		checkCorpus(t, c)
	})
}

// FuzzExtract feeds arbitrary text to the quotation extractor as paragraphs of one article.
func FuzzExtract(f *testing.F) {
	for _, s := range seedTexts(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 1<<16 {
			return // the loader rejects invalid text; long inputs only slow minimization down
		}
		d := &Document{ID: "x"}
		cleanInto(d, text, false)
		var s scratch
		x := extractDocument(d, &s)
		c := &Corpus{}
		assemble(c, []*docExtract{x})
		checkCorpus(t, c)
		if len(c.Quotes) != len(x.quotes) {
			t.Fatalf("%d quotations found, %d kept: each is a piece of its paragraph", len(x.quotes), len(c.Quotes))
		}
		for _, a := range x.attrs {
			if !strings.Contains(d.Paragraphs()[a.para], a.clause) {
				t.Fatalf("reported speech %q is not in its paragraph", a.clause)
			}
		}
	})
}

// checkCorpus checks what any input must give: quotations that stand in their paragraph,
// speakers that exist, and ids that are unique.
func checkCorpus(t *testing.T, c *Corpus) {
	t.Helper()
	ids := map[string]bool{}
	for _, a := range c.Actors {
		if a.ID == "" || ids[a.ID] {
			t.Fatalf("actor id %q empty or repeated", a.ID)
		}
		ids[a.ID] = true
	}
	for _, q := range c.Quotes {
		d := c.Document(q.DocID)
		if d == nil || q.Paragraph < 1 || q.Paragraph > len(d.Paragraphs()) {
			t.Fatalf("quote %s points nowhere", q.ID())
		}
		if !strings.Contains(d.Paragraphs()[q.Paragraph-1], q.Text()) {
			t.Fatalf("quote %q is not in its paragraph %q", q.Text(), d.Paragraphs()[q.Paragraph-1])
		}
		for _, s := range q.Speakers {
			if !ids[s] {
				t.Fatalf("quote %s has unknown speaker %q", q.ID(), s)
			}
		}
	}
	for _, a := range c.Attributions {
		for _, s := range a.Speakers {
			if !ids[s] {
				t.Fatalf("attribution %s has unknown speaker %q", a.ID(), s)
			}
		}
	}
}
