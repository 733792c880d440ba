package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
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
// A file whose front matter is not YAML loads too, its header read line by line, and is
// named there as well. Load fails only when the directory itself cannot be read.
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
			var files slab
			for i := range next {
				doc, warn := readDocument(fsys, names[i], &files)
				warns[i] = warn
				if doc == nil {
					continue
				}
				var err error
				if docs[i], err = extractSafely(doc, &s); err != nil {
					reason := "read as text only, with no quotations or actors: extraction failed (" + err.Error() + ")"
					if warn != nil {
						reason = warn.Reason + "; " + reason
					}
					warns[i] = &Warning{File: names[i], Reason: reason}
				}
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

// extract reads a document's actors, quotations and reported speech; a variable, so that a
// test can make it fail.
var extract = extractDocument

// extractSafely extracts a document. Should the extraction fail on a text no test
// foresaw, the document is kept, its paragraphs searchable with nothing read from them,
// and the error says why: one odd article does not stop a corpus from loading.
func extractSafely(doc *Document, s *scratch) (x *docExtract, err error) {
	defer func() {
		if r := recover(); r != nil {
			*s = scratch{} // it may be half written
			x, err = &docExtract{doc: doc, groups: map[string]*localActor{}}, fmt.Errorf("%v", r)
		}
	}()
	return extract(doc, s), nil
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

// readDocument reads and cleans one file, or says why it was skipped; or it reads what it
// can of the file, and says what it could not read.
func readDocument(fsys fs.FS, name string, s *slab) (*Document, *Warning) {
	data, err := s.readFile(fsys, name)
	skip := func(format string, args ...any) (*Document, *Warning) {
		s.giveBack(data) // nothing keeps a skipped file's bytes
		return nil, &Warning{File: name, Reason: fmt.Sprintf(format, args...), Skipped: true}
	}
	switch {
	case errors.As(err, new(errTooLarge)):
		return skip("%v", err)
	case err != nil:
		return skip("unreadable: %v", unwrapPathError(err))
	case len(bytes.TrimSpace(data)) == 0:
		return skip("empty")
	case isBinary(data):
		return skip("binary, not text")
	case !utf8.Valid(data):
		return skip("not UTF-8 text")
	}
	doc := &Document{ID: strings.TrimSuffix(name, path.Ext(name)), Size: len(data)}
	// data is this loader's own copy of the file and is never written again, so the text
	// can share its memory instead of copying half a gigabyte for a large corpus.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	text = strings.TrimPrefix(text, "\uFEFF")
	fm, body, err := splitFrontMatter(text)
	var warn *Warning
	if err != nil {
		// "title: Q&A: a clerk speaks" is no YAML, yet plain enough: read it line by line
		// rather than lose the article.
		warn = &Warning{File: name, Reason: fmt.Sprintf("front matter: %v; read line by line", err)}
	}
	doc.Title, doc.Date, doc.Publisher, doc.Author, doc.URL = fm.Title, normalizeDate(fm.Date), fm.Publisher, fm.Author, fm.URL
	cleanInto(doc, body, strings.EqualFold(path.Ext(name), ".md"))
	return doc, warn
}

// slab is memory one loading worker reads files into, one after another: a corpus of
// many small files then costs a few large allocations, without the slack of rounding each
// file up to an allocation size.
type slab struct{ buf []byte }

const slabSize = 1 << 20

// readFile reads a whole file into the slab and returns its bytes, which stay valid and
// unchanged for good, unless given back. A file larger than MaxFileSize fails with
// errTooLarge; a failed read keeps nothing.
func (s *slab) readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	if size > MaxFileSize {
		return nil, fileTooLarge(size)
	}
	if size < 0 {
		size = 0 // unknown: read to the end
	}
	// Room for the file as its size says, and one byte more to see that it has ended.
	if need := int(size) + 1; cap(s.buf)-len(s.buf) < need {
		// Slabs grow from small to slabSize, so that a few small files cost little.
		s.buf = make([]byte, 0, max(min(slabSize, 2*cap(s.buf)), need, 16<<10))
	}
	start := len(s.buf)
	fail := func(err error) ([]byte, error) {
		s.buf = s.buf[:start]
		return nil, err
	}
	for {
		if len(s.buf) == cap(s.buf) {
			if len(s.buf)-start > MaxFileSize {
				return fail(fileTooLarge(int64(len(s.buf) - start)))
			}
			// The file is longer than it said: move what was read to a larger slab.
			grown := make([]byte, len(s.buf)-start, max(slabSize, 2*(len(s.buf)-start)))
			copy(grown, s.buf[start:])
			s.buf, start = grown, 0
		}
		n, err := f.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
	}
	if len(s.buf)-start > MaxFileSize {
		return fail(fileTooLarge(int64(len(s.buf) - start)))
	}
	return s.buf[start:len(s.buf):len(s.buf)], nil
}

// giveBack returns to the slab the bytes of the file read last, which nothing keeps.
func (s *slab) giveBack(data []byte) {
	if n := len(s.buf) - len(data); len(data) > 0 && n >= 0 && &s.buf[n] == &data[0] {
		s.buf = s.buf[:n]
	}
}

// errTooLarge is the error of a file over MaxFileSize.
type errTooLarge struct{ size int64 }

func fileTooLarge(size int64) error { return errTooLarge{size} }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("%d bytes is over the %d-byte limit", e.size, MaxFileSize)
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
	if fm, ok := plainFrontMatter(header); ok {
		return fm, body, nil
	}
	fm, err := yamlFrontMatter(header)
	if err != nil {
		return looseFrontMatter(header), body, err
	}
	return fm, body, nil
}

// looseFrontMatter reads a header that is not YAML line by line, each "key: value" cut at
// its first colon.
func looseFrontMatter(header string) frontMatter {
	var fm frontMatter
	for line := range strings.SplitSeq(header, "\n") {
		key, value, _ := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		if v, quoted := quotedValue(value); quoted {
			value = v
		}
		if field := fm.field(strings.TrimSpace(key)); field != nil {
			*field = value
		}
	}
	return fm
}

// yamlFrontMatter parses a front matter header with the YAML parser.
func yamlFrontMatter(header string) (frontMatter, error) {
	var raw map[string]any
	if err := yaml.Unmarshal([]byte(header), &raw); err != nil {
		return frontMatter{}, fmt.Errorf("not valid YAML: %v", firstLine(err.Error()))
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
	return frontMatter{Title: get("title"), Date: get("date"), Publisher: get("publisher"), Author: get("author"), URL: get("url")}, nil
}

// plainFrontMatter reads the common front matter whose every line is "key: value" with a
// plain value that YAML reads as the same string, a good deal faster than the YAML parser.
// Anything else (quoting, nesting, comments, numbers, booleans, a repeated key) is left to
// the parser: ok is false.
func plainFrontMatter(header string) (fm frontMatter, ok bool) {
	var keys []string
	for line := range strings.SplitSeq(header, "\n") {
		key, value, found := strings.Cut(line, ":")
		if !found || !plainKey(key) || slices.Contains(keys, key) {
			return fm, false // a repeated key is an error for YAML
		}
		keys = append(keys, key)
		value = strings.TrimLeft(value, " ")
		if value != "" && len(value) == len(line)-len(key)-1 {
			return fm, false // "key:value" is no mapping in YAML
		}
		if v, quoted := quotedValue(value); quoted {
			value = v
		} else if value != "" && !plainValue(value) {
			return fm, false // the value needs the parser
		}
		if field := fm.field(key); field != nil { // else a key elecsec does not read
			*field = strings.TrimSpace(value)
		}
	}
	return fm, true
}

// field returns the field a front matter key fills, or nil for a key elecsec does not read.
func (fm *frontMatter) field(key string) *string {
	switch key {
	case "title":
		return &fm.Title
	case "date":
		return &fm.Date
	case "publisher":
		return &fm.Publisher
	case "author":
		return &fm.Author
	case "url":
		return &fm.URL
	}
	return nil
}

// quotedValue reads a value in double or single quotation marks that holds no escape and
// no mark of its kind: YAML reads it as the text between the marks.
func quotedValue(v string) (string, bool) {
	v = strings.TrimRight(v, " ")
	if len(v) < 2 || v[0] != v[len(v)-1] || v[0] != '"' && v[0] != '\'' {
		return "", false
	}
	inner := v[1 : len(v)-1]
	if strings.IndexByte(inner, v[0]) >= 0 || strings.IndexByte(inner, '\\') >= 0 || !printable(inner) {
		return "", false
	}
	return inner, true
}

// plainKey reports whether k is a bare YAML key made of letters, digits, "_" and "-".
func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '-')) {
			return false
		}
	}
	return true
}

// plainValue reports whether YAML reads v as the string v itself (trailing spaces aside):
// it starts with a letter, holds no character that could start a comment, a mapping or
// an escape, and is no boolean or null. A date is kept as written; YAML's timestamp for
// it formats to the same "YYYY-MM-DD", so a leading digit is allowed when v is a date.
func plainValue(v string) bool {
	c := v[0]
	isDate := isoDate.MatchString(v) && (len(v) == 10 || v[10] == ' ' || v[10] == 'T')
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && !isDate {
		return false
	}
	if isDate && len(v) > 10 {
		return false // a time of day: YAML may shift the date to UTC
	}
	if strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.ContainsAny(v, "\t\r\"'`{}[]\\") || strings.HasSuffix(v, ":") {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n", "nan", "inf":
		return false
	}
	return printable(v)
}

// printable reports whether s holds only characters YAML may print; any other makes the
// parser fail.
func printable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r >= 0x7F && r < 0xA0 || r >= 0xD800 && r < 0xE000 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError {
			return false
		}
	}
	return true
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
