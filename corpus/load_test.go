package corpus

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/elecsec/elecsec/seeds"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestLoadSkipsBadFilesAndKeepsTheRest(t *testing.T) {
	fsys := fstest.MapFS{
		"good.txt":           {Data: []byte("“It works,” said Jane Doe.")},
		"notes.md":           {Data: []byte("# Title\n\nA paragraph.")},
		"empty.txt":          {Data: []byte("  \n\n")},
		"binary.txt":         {Data: []byte("abc\x00def")},
		"latin1.txt":         {Data: []byte("caf\xe9 au lait")},
		"huge.txt":           {Data: bytes.Repeat([]byte("a"), MaxFileSize+1)},
		"badfront.txt":       {Data: []byte("---\ntitle: Q&A: a clerk on [threats\ndate: 2020-01-03\n---\nBody.")},
		"image.png":          {Data: []byte("\x89PNG")},
		"sub/inner.txt":      {Data: []byte("not at the root")},
		".hidden.txt":        {Data: []byte("dotfile")},
		"UPPER.TXT":          {Data: []byte("An upper-case extension still counts.")},
		"frontmatter.txt":    {Data: []byte("---\ntitle: Given\ndate: 2020-01-02\n---\nBody text here.")},
		"crlf.txt":           {Data: []byte("First paragraph.\r\n\r\nSecond paragraph.\r\n")},
		"onlyfrontmatter.md": {Data: []byte("---\ntitle: Nothing else\n---\n")},
	}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range c.Documents {
		ids = append(ids, d.ID)
	}
	if got, want := strings.Join(ids, " "), "UPPER badfront crlf frontmatter good notes onlyfrontmatter"; got != want {
		t.Errorf("documents = %s; want %s", got, want)
	}
	skipped := map[string]bool{}
	for _, w := range c.Warnings {
		skipped[w.File] = w.Skipped
	}
	for _, name := range []string{"empty.txt", "binary.txt", "latin1.txt", "huge.txt"} {
		if !skipped[name] {
			t.Errorf("%s was not skipped with a warning (warnings: %v)", name, c.Warnings)
		}
	}
	if read, warned := skipped["badfront.txt"]; !warned || read {
		t.Errorf("badfront.txt: front matter that is not YAML gives no warning that it was read line by line (warnings: %v)", c.Warnings)
	}
	if len(skipped) != 5 {
		t.Errorf("warnings = %v; want 5", c.Warnings)
	}
	// A title with a colon is no YAML, yet what it says is plain.
	if d := c.Document("badfront"); d == nil || d.Title != "Q&A: a clerk on [threats" || d.Date != "2020-01-03" {
		t.Errorf("badfront = %+v; want its title and date read line by line", d)
	}
	fm := c.Document("frontmatter")
	if fm.Title != "Given" || fm.Date != "2020-01-02" {
		t.Errorf("front matter = %q %q; want Given 2020-01-02", fm.Title, fm.Date)
	}
	if got := len(c.Document("crlf").Paragraphs()); got != 2 {
		t.Errorf("crlf paragraphs = %d; want 2", got)
	}
}

func TestLoadMissingDirectory(t *testing.T) {
	if _, err := Load(os.DirFS(filepath.Join(t.TempDir(), "missing"))); err == nil {
		t.Error("Load(missing dir) succeeded; want an error")
	}
}

func TestSeedsLoadWithTheirFrontMatter(t *testing.T) {
	c, err := Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Documents) != 5 || len(c.Warnings) != 0 {
		t.Fatalf("seeds: %d documents, warnings %v; want 5 and none", len(c.Documents), c.Warnings)
	}
	for _, d := range c.Documents {
		if d.Title == "" || d.Date == "" || d.Publisher == "" {
			t.Errorf("%s: title %q date %q publisher %q; want all set", d.ID, d.Title, d.Date, d.Publisher)
		}
		for _, p := range d.Paragraphs() {
			if counterLine.MatchString(p) || isChromeLine(p) {
				t.Errorf("%s keeps a chrome line %q", d.ID, p)
			}
			for _, chrome := range []string{"MORE (", "ADVERTISEMENT", "Login", "\u00a0", "©", "{"} {
				if strings.Contains(p, chrome) {
					t.Errorf("%s keeps chrome %q in %q", d.ID, chrome, p)
				}
			}
		}
	}
}

// TestExtractionGolden holds the whole extraction of two sets of articles of our own:
// testdata/articles (chrome, broken files, every attribution pattern) and testdata/probes
// (articles written in the styles of wires, local papers, magazines and British papers).
// A change to the extraction shows as a diff to review.
func TestExtractionGolden(t *testing.T) {
	for _, set := range []struct{ dir, golden string }{
		{"articles", "extraction.golden.json"},
		{"probes", "probes.golden.json"},
	} {
		t.Run(set.dir, func(t *testing.T) { testExtractionGolden(t, set.dir, set.golden) })
	}
}

func testExtractionGolden(t *testing.T, dir, goldenName string) {
	c, err := Load(os.DirFS(filepath.Join("testdata", dir)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	type docWithBody struct {
		*Document
		Body []string `json:"body"`
	}
	var docs []docWithBody
	for _, d := range c.Documents {
		docs = append(docs, docWithBody{d, d.Paragraphs()})
	}
	if err := enc.Encode(struct {
		Documents    []docWithBody  `json:"documents"`
		Actors       []*Actor       `json:"actors"`
		Quotes       []*Quote       `json:"quotes"`
		Attributions []*Attribution `json:"attributions"`
		Warnings     []Warning      `json:"warnings"`
	}{docs, c.Actors, c.Quotes, c.Attributions, c.Warnings}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", goldenName)
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("extraction differs from %s; if the change is right, run go test ./corpus -update\n%s", golden, buf.String())
	}
}

// lyingFS reports every file as 5 bytes long, whatever it holds.
type lyingFS struct{ fstest.MapFS }

type lyingFile struct{ fs.File }
type lyingInfo struct{ fs.FileInfo }

func (f lyingFS) Open(name string) (fs.File, error) {
	file, err := f.MapFS.Open(name)
	if err != nil || name == "." {
		return file, err
	}
	return lyingFile{file}, nil
}

func (f lyingFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	return lyingInfo{info}, err
}

func (lyingInfo) Size() int64 { return 5 }

// TestLoadFileLongerThanItsSize checks that a file is read to its end whatever size it
// claims, and that the size limit holds on what is read.
func TestLoadFileLongerThanItsSize(t *testing.T) {
	para := "“We count every ballot,” said Jane Roe, the county clerk.\n\n"
	long := strings.Repeat(para, (3<<20)/len(para)) // three slabs' worth
	fsys := lyingFS{fstest.MapFS{
		"a.txt":    {Data: []byte("Short\n\n" + para)},
		"b.txt":    {Data: []byte("Long\n\n" + long)},
		"bin.txt":  {Data: append([]byte("Binary\n\n"+long), 0)}, // skipped after a slab grew for it
		"huge.txt": {Data: []byte(strings.Repeat(para, (MaxFileSize+100)/len(para)+1))},
		"c.txt":    {Data: []byte("After\n\n" + para)},
	}}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Documents) != 3 {
		t.Fatalf("%d documents, want 3; warnings %v", len(c.Documents), c.Warnings)
	}
	if got := c.Document("b").Size; got != len("Long\n\n"+long) {
		t.Errorf("b read %d bytes, want %d", got, len("Long\n\n"+long))
	}
	if len(c.Warnings) != 2 || c.Warnings[0].File != "bin.txt" || c.Warnings[1].File != "huge.txt" || !strings.Contains(c.Warnings[1].Reason, "limit") {
		t.Errorf("warnings %v, want bin.txt binary and huge.txt over the limit", c.Warnings)
	}
	for _, id := range []string{"a", "c"} {
		if d := c.Document(id); d == nil || len(d.Paragraphs()) != 1 || !strings.Contains(d.Paragraphs()[0], "We count every ballot") {
			t.Errorf("document %s = %+v", id, d)
		}
	}
}

// TestSlabGivesBackAfterGrowing checks that the bytes of files read earlier stay intact
// when a later file outgrows the slab and is given back.
func TestSlabGivesBackAfterGrowing(t *testing.T) {
	big := bytes.Repeat([]byte("a"), 3<<20)
	fsys := lyingFS{fstest.MapFS{
		"big.txt":   {Data: big},
		"small.txt": {Data: []byte("small")},
		"liar.txt":  {Data: bytes.Repeat([]byte("b"), 2<<20)},
		"next.txt":  {Data: []byte("next")},
	}}
	var s slab
	var kept [][]byte
	for _, name := range []string{"big.txt", "small.txt", "liar.txt", "next.txt"} {
		data, err := s.readFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "liar.txt" {
			s.giveBack(data)
			continue
		}
		kept = append(kept, data)
	}
	if !bytes.Equal(kept[0], big) || string(kept[1]) != "small" || string(kept[2]) != "next" {
		t.Errorf("kept files changed: %d bytes, %q, %q", len(kept[0]), kept[1], kept[2])
	}
}

// TestLoadKeepsADocumentItsExtractionFailsOn: should extraction fail on a document, the
// corpus still loads, that document's paragraphs stay searchable with nothing read from
// them, a warning names it, and the other documents are read as ever.
func TestLoadKeepsADocumentItsExtractionFailsOn(t *testing.T) {
	defer func(f func(*Document, *scratch) *docExtract) { extract = f }(extract)
	extract = func(doc *Document, s *scratch) *docExtract {
		if doc.ID == "odd" {
			panic("index out of range")
		}
		return extractDocument(doc, s)
	}
	c, err := Load(fstest.MapFS{
		"odd.txt":  {Data: []byte("Odd\n\n“Tabulators were tested twice,” said Clerk Ann Rowe.\n")},
		"good.txt": {Data: []byte("Good\n\n“Every ballot was counted,” said Clerk Bea Lund.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Documents) != 2 || len(c.Quotes) != 1 || c.Quotes[0].DocID != "good" {
		t.Fatalf("documents %d, quotes %v; want both documents and the good one's quotation", len(c.Documents), c.Quotes)
	}
	if len(c.Warnings) != 1 || c.Warnings[0].File != "odd.txt" || c.Warnings[0].Skipped || !strings.Contains(c.Warnings[0].Reason, "index out of range") {
		t.Errorf("warnings %v; want one naming odd.txt, not skipped, saying why", c.Warnings)
	}
	if rs := NewIndex(c).Search("tabulators tested").Results; len(rs) == 0 || rs[0].DocID != "odd" {
		t.Errorf("tabulators tested: %v; want the odd document's paragraph", rs)
	}
}
