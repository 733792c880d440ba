package synth

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/elecsec/elecsec/seeds"
)

func TestArticleDeterministic(t *testing.T) {
	tests := []struct {
		name         string
		seedA, seedB int64
		iA, iB       int
		wantSame     bool
	}{
		{"same seed and index", 1, 1, 7, 7, true},
		{"next index", 1, 1, 7, 8, false},
		{"other seed", 1, 2, 7, 7, false},
		{"negative seed", -3, -3, 0, 0, true},
	}
	for _, tt := range tests {
		a := Article(tt.seedA, tt.iA)
		b := Article(tt.seedB, tt.iB)
		if got := bytes.Equal(a, b); got != tt.wantSame {
			t.Errorf("%s: Article(%d, %d) == Article(%d, %d) = %v; want %v", tt.name, tt.seedA, tt.iA, tt.seedB, tt.iB, got, tt.wantSame)
		}
	}
}

// TestArticleStable pins the corpus, so that benchmark numbers from different commits
// measure the same text. Change the digest only when the generator is changed on purpose.
func TestArticleStable(t *testing.T) {
	h := sha256.New()
	for i := range 200 {
		h.Write(Article(1, i))
	}
	got := fmt.Sprintf("%x", h.Sum(nil))[:16]
	const want = "a9762e55cbd8c7b7"
	if got != want {
		t.Errorf("sha256 of Article(1, 0…199) = %s; want %s", got, want)
	}
}

func TestArticleSize(t *testing.T) {
	const n = 3000
	total, lo, hi := 0, 1<<30, 0
	for i := range n {
		s := len(Article(1, i))
		total += s
		lo, hi = min(lo, s), max(hi, s)
	}
	if mean := total / n; mean < 4000 || mean > 5000 {
		t.Errorf("mean article size = %d bytes; want 4000…5000", mean)
	}
	if lo < 2000 || hi > 9000 {
		t.Errorf("article sizes range over %d…%d bytes; want within 2000…9000", lo, hi)
	}
}

func TestArticleText(t *testing.T) {
	for i := range 500 {
		a := Article(1, i)
		if !utf8.Valid(a) {
			t.Fatalf("Article(1, %d) is not valid UTF-8", i)
		}
		if bytes.Contains(a, []byte("\n\n\n")) || bytes.Contains(a, []byte("  ")) {
			t.Errorf("Article(1, %d) has a run of blank lines or spaces", i)
		}
		if !bytes.HasSuffix(a, []byte("\n")) {
			t.Errorf("Article(1, %d) does not end in a newline", i)
		}
	}
}

func TestVocabulary(t *testing.T) {
	w := worldFor(1)
	distinct := map[string]bool{}
	for _, v := range w.vocab {
		distinct[v] = true
	}
	if got, want := len(distinct), 50000; got < want {
		t.Errorf("distinct pseudo-words = %d; want ≥ %d", got, want)
	}

	seen := map[string]bool{}
	for i := range 3000 {
		for _, f := range strings.FieldsFunc(string(Article(1, i)), func(r rune) bool { return !unicode.IsLetter(r) }) {
			seen[strings.ToLower(f)] = true
		}
	}
	if got, want := len(seen), 30000; got < want {
		t.Errorf("distinct words in 3000 articles = %d; want ≥ %d", got, want)
	}

	people := map[string]bool{}
	for _, p := range w.persons {
		people[p.short()] = true
	}
	if got, want := len(people), 5000; got < want {
		t.Errorf("distinct person names = %d; want ≥ %d", got, want)
	}
}

// TestArticleShape checks that each feature of real articles appears in a fair share of
// the corpus.
func TestArticleShape(t *testing.T) {
	tests := []struct {
		feature string
		re      *regexp.Regexp
		want    float64 // the least fraction of articles that have it
	}{
		{"front matter", regexp.MustCompile(`\A---\ntitle: .+\ndate: "?\d{4}-\d\d-\d\d"?\npublisher: `), 0.2},
		{"dateline", regexp.MustCompile(`(?m)^[A-Z][a-z]+( City| Springs)?, [A-Z]{2} [A-Z][a-z]+ \d{1,2}, \d{4} – `), 0.2},
		{"date lead", regexp.MustCompile(`\A date \d{4}-\d\d-\d\d [A-Z]`), 0.1},
		{"byline", regexp.MustCompile(`(?m)^By:? [A-Z][a-z]+ [A-Z][a-z]+`), 0.2},
		{"curly quotation", regexp.MustCompile(`“[^”]+,” `), 0.6},
		{"straight quotation", regexp.MustCompile(`"[^"\n]+," `), 0.08},
		{"party tag", regexp.MustCompile(`\((D|R|I)-[A-Z][A-Za-z.]+\)`), 0.5},
		{"title before name", regexp.MustCompile(`(Sen\.|Rep\.|Gov\.|Attorney General|Secretary of State) [A-Z][a-z]+ `), 0.6},
		{"said after quotation", regexp.MustCompile(`[,.]["”] (said|[A-Z][a-z]+ said|[A-Z][a-z]+ [A-Z][a-z]+ said)`), 0.5},
		{"said, then quotation", regexp.MustCompile(` said: ["“]`), 0.1},
		{"pronoun continues", regexp.MustCompile(`,["”] (he|she) added\.`), 0.2},
		{"expert told publisher", regexp.MustCompile(`, told [A-Z]`), 0.1},
		{"organisation", regexp.MustCompile(`the [A-Z][a-z]+ [A-Z][a-z]+ (Commission|Department|Committee|Council|Agency|Board)`), 0.3},
		{"reported speech", regexp.MustCompile(` (called on the|urged) `), 0.5},
	}
	const n = 1000
	articles := make([][]byte, n)
	for i := range articles {
		articles[i] = Article(1, i)
	}
	for _, tt := range tests {
		have := 0
		for _, a := range articles {
			if tt.re.Match(a) {
				have++
			}
		}
		if got := float64(have) / n; got < tt.want {
			t.Errorf("share of articles with %s = %.2f; want ≥ %.2f", tt.feature, got, tt.want)
		}
	}
}

// TestNoSeedNames keeps the generator generic: no generated name is a capitalised word
// of the seed articles.
func TestNoSeedNames(t *testing.T) {
	seedWords := map[string]bool{}
	err := fs.WalkDir(seeds.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(seeds.FS, path)
		for _, f := range strings.FieldsFunc(string(b), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if unicode.IsUpper([]rune(f)[0]) {
				seedWords[f] = true
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range worldFor(1).persons {
		for _, name := range []string{p.first, p.last} {
			if seedWords[name] {
				t.Errorf("generated name %q (in %q) occurs in the seeds", name, p.full())
			}
		}
	}
}

func TestFS(t *testing.T) {
	const n = 40
	fsys := FS(3, n)
	names := make([]string, n)
	for i := range names {
		names[i] = FileName(i)
	}
	if err := fstest.TestFS(fsys, names...); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 17, n - 1} {
		got, err := fs.ReadFile(fsys, FileName(i))
		if err != nil {
			t.Fatal(err)
		}
		if want := Article(3, i); !bytes.Equal(got, want) {
			t.Errorf("ReadFile(%s) differs from Article(3, %d)", FileName(i), i)
		}
	}
	for _, name := range []string{FileName(n), "synth_00001.txt", "synth_0000001.txt", "synth_-00001.txt", "x.txt"} {
		if _, err := fsys.Open(name); err == nil {
			t.Errorf("Open(%q) = nil error; want fs.ErrNotExist", name)
		}
	}
}

func TestQueries(t *testing.T) {
	const n, docs = 400, 300
	qs := Queries(1, n, docs)
	if got := len(qs); got != n {
		t.Fatalf("len(Queries(1, %d, %d)) = %d; want %d", n, docs, got, n)
	}
	if again := Queries(1, n, docs); fmt.Sprint(again) != fmt.Sprint(qs) {
		t.Errorf("Queries(1, %d, %d) differs between calls", n, docs)
	}
	count := map[QueryKind]int{}
	for _, q := range qs {
		count[q.Kind]++
		if q.Doc < 0 || q.Doc >= docs {
			t.Fatalf("query %q is about article %d; want < %d", q.Text, q.Doc, docs)
		}
		a := string(Article(1, q.Doc))
		switch q.Kind {
		case ActorQuery, WhoQuery:
			last := q.Speaker[strings.LastIndexByte(q.Speaker, ' ')+1:]
			if !strings.Contains(a, last) {
				t.Errorf("%s query %q: article %d does not name %q", q.Kind, q.Text, q.Doc, q.Speaker)
			}
		case TypoQuery:
			if q.Text == q.Speaker {
				t.Errorf("typo query %q equals the name it misspells", q.Text)
			}
			if d := editDistance(q.Text, q.Speaker); d < 1 || d > 2 {
				t.Errorf("editDistance(%q, %q) = %d; want 1 or 2", q.Text, q.Speaker, d)
			}
		case KeywordQuery:
			if first := strings.Fields(q.Text)[0]; !strings.Contains(a, first) {
				t.Errorf("keyword query %q: article %d lacks %q", q.Text, q.Doc, first)
			}
		}
	}
	want := map[QueryKind]int{ActorQuery: n * 6 / 20, TypoQuery: n * 4 / 20, WhoQuery: n * 5 / 20, KeywordQuery: n * 5 / 20}
	for k, w := range want {
		if count[k] != w {
			t.Errorf("queries of kind %s = %d; want %d", k, count[k], w)
		}
	}
}

// editDistance is the optimal-string-alignment distance: a transposition counts as one.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func BenchmarkArticle(b *testing.B) {
	worldFor(1)
	n := 0
	for i := 0; b.Loop(); i++ {
		n += len(Article(1, i))
	}
	b.SetBytes(int64(n / b.N))
}
