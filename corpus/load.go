package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest article Load reads; a larger file is skipped with a warning.
const MaxFileSize = 5 << 20

// Load reads every *.txt and *.md file at the root of fsys as one document, cleans it,
// and extracts its actors, quotes and reported speech. A file that is empty, binary, not
// UTF-8 or larger than MaxFileSize is skipped and named in Corpus.Warnings; the rest load.
// Load fails only when the directory itself cannot be read.
func Load(fsys fs.FS) (*Corpus, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading corpus: %w", unwrapPathError(err))
	}
	var names []string
	for _, e := range entries {
		ext := strings.ToLower(path.Ext(e.Name()))
		if e.IsDir() || (ext != ".txt" && ext != ".md") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)

	// Reading and per-document extraction are independent: spread them over the cores,
	// keeping each document's slot so the result does not depend on scheduling.
	docs := make([]*docExtract, len(names))
	warns := make([]*Warning, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s scratch
			for i := range next {
				doc, warn := readDocument(fsys, names[i])
				if warn != nil {
					warns[i] = warn
					continue
				}
				docs[i] = extractDocument(doc, &s)
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()

	c := &Corpus{}
	var kept []*docExtract
	for i := range names {
		if warns[i] != nil {
			c.Warnings = append(c.Warnings, *warns[i])
		}
		if docs[i] != nil {
			kept = append(kept, docs[i])
		}
	}
	assemble(c, kept)
	return c, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// frontMatter is the optional YAML header of an article.
type frontMatter struct {
	Title     string `yaml:"title"`
	Date      string `yaml:"date"`
	Publisher string `yaml:"publisher"`
	Author    string `yaml:"author"`
	URL       string `yaml:"url"`
}

// readDocument reads and cleans one file, or says why it was skipped.
func readDocument(fsys fs.FS, name string) (*Document, *Warning) {
	skip := func(format string, args ...any) (*Document, *Warning) {
		return nil, &Warning{File: name, Reason: fmt.Sprintf(format, args...)}
	}
	if info, err := fs.Stat(fsys, name); err == nil && info.Size() > MaxFileSize {
		return skip("%d bytes is over the %d-byte limit", info.Size(), MaxFileSize)
	}
	data, err := fs.ReadFile(fsys, name)
	switch {
	case err != nil:
		return skip("unreadable: %v", unwrapPathError(err))
	case len(data) > MaxFileSize:
		return skip("%d bytes is over the %d-byte limit", len(data), MaxFileSize)
	case len(bytes.TrimSpace(data)) == 0:
		return skip("empty")
	case isBinary(data):
		return skip("binary, not text")
	case !utf8.Valid(data):
		return skip("not UTF-8 text")
	}
	doc := &Document{ID: strings.TrimSuffix(name, path.Ext(name)), Size: len(data)}
	// data is this function's own copy of the file and is never written again, so the text
	// can share its memory instead of copying half a gigabyte for a large corpus.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	text = strings.TrimPrefix(text, "\uFEFF")
	fm, body, err := splitFrontMatter(text)
	if err != nil {
		return skip("front matter: %v", err)
	}
	doc.Title, doc.Date, doc.Publisher, doc.Author, doc.URL = fm.Title, normalizeDate(fm.Date), fm.Publisher, fm.Author, fm.URL
	cleanInto(doc, body, strings.EqualFold(path.Ext(name), ".md"))
	return doc, nil
}

// isBinary reports whether data looks like something other than text: a NUL byte, or many
// control characters.
func isBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	n := min(len(data), 4096)
	ctl := 0
	for _, b := range data[:n] {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	return ctl*20 > n
}

// splitFrontMatter separates a leading YAML block fenced by "---" lines from the body.
func splitFrontMatter(text string) (frontMatter, string, error) {
	var fm frontMatter
	t := strings.ReplaceAll(text, "\r\n", "\n")
	if !strings.HasPrefix(t, "---\n") {
		return fm, text, nil
	}
	rest := t[len("---\n"):]
	end := strings.Index(rest, "\n---\n")
	var header, body string
	switch {
	case end >= 0:
		header, body = rest[:end], rest[end+len("\n---\n"):]
	case strings.HasSuffix(rest, "\n---"):
		header, body = strings.TrimSuffix(rest, "\n---"), ""
	default:
		return fm, text, nil // a lone rule line, not front matter
	}
	var raw map[string]any
	if err := yaml.Unmarshal([]byte(header), &raw); err != nil {
		return fm, "", fmt.Errorf("not valid YAML: %v", firstLine(err.Error()))
	}
	get := func(k string) string {
		v, ok := raw[k]
		if !ok || v == nil {
			return ""
		}
		if s, ok := v.(string); ok {
			return strings.TrimSpace(s)
		}
		if t, ok := v.(interface{ Format(string) string }); ok {
			return t.Format("2006-01-02")
		}
		return strings.TrimSpace(fmt.Sprint(v))
	}
	fm = frontMatter{Title: get("title"), Date: get("date"), Publisher: get("publisher"), Author: get("author"), URL: get("url")}
	return fm, body, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// normalizeDate keeps the YYYY-MM-DD part of a date, or returns "" for anything else.
func normalizeDate(s string) string {
	if m := isoDate.FindString(strings.TrimSpace(s)); m != "" {
		return m
	}
	if d := parseDateline(s); d != "" {
		return d
	}
	return ""
}
