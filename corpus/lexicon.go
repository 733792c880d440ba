package corpus

import (
	"embed"
	"strings"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// wordSet is a set of exact tokens, in a table made for many lookups of short words.
type wordSet struct{ t *wordTable }

// has reports whether the set holds w.
func (s wordSet) has(w string) bool {
	_, ok := s.t.getString(w)
	return ok
}

// hasLower reports whether the set holds w lower-cased, without allocating.
func (s wordSet) hasLower(w string) bool {
	var buf [inlineWord]byte
	if len(w) > len(buf) {
		return s.has(strings.ToLower(w))
	}
	for i := 0; i < len(w); i++ {
		buf[i] = lowerByte(w[i])
	}
	_, ok := s.t.get(buf[:len(w)])
	return ok
}

// newWordSet returns the set of the given words.
func newWordSet(words []string) wordSet {
	n := 16
	for n < 4*len(words) {
		n *= 2
	}
	s := wordSet{newWordTableSize(n)}
	for _, w := range words {
		if !s.has(w) {
			s.t.put([]byte(w), 0)
		}
	}
	return s
}

// lexicon holds the word lists the extractor consults, read once at init.
var lexicon = struct {
	titles, roleNouns, firstNames, orgHeads, places, common, nouns wordSet
	groups                                                         map[string]bool // lower-cased multi-word group heads
	verbs                                                          lemmaTable
	nicknames                                                      map[string][]string
	canonicalGiven                                                 map[string]string // a short form of a given name → its full form
}{
	titles:     loadSet("titles"),
	roleNouns:  loadSet("rolenouns"),
	firstNames: loadSet("firstnames"),
	orgHeads:   loadSet("orgheads"),
	places:     loadSet("places"),
	common:     loadSet("common"),
	nouns:      loadSet("nouns"),
	groups:     lowerSet(loadLines("groups")),
	verbs:      newLemmaTable(loadPairs("verbs")),
	nicknames:  loadMulti("nicknames"),
	canonicalGiven: func() map[string]string {
		m := map[string]string{}
		for _, line := range loadLines("nicknames") {
			short, long, _ := strings.Cut(line, " ")
			if _, ok := m[short]; !ok {
				m[short] = strings.TrimSpace(long)
			}
		}
		return m
	}(),
}

func loadLines(name string) []string {
	data, err := lexiconFS.ReadFile("lexicon/" + name + ".txt")
	if err != nil {
		panic("corpus: missing word list " + name) // embedded at build time: cannot happen
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// lemmaTable maps the forms of words to their lemmas ("urged" → "urge").
type lemmaTable struct {
	forms  wordSet
	lemmas []string // by the number forms gives a form
	all    map[string]string
}

func newLemmaTable(m map[string]string) lemmaTable {
	t := lemmaTable{forms: newWordSet(nil), all: m}
	for form, lemma := range m {
		t.forms.t.put([]byte(form), int32(len(t.lemmas)))
		t.lemmas = append(t.lemmas, lemma)
	}
	return t
}

// lemma returns the lemma of a form, or "".
func (t lemmaTable) lemma(w string) string {
	if i, ok := t.forms.t.getString(w); ok {
		return t.lemmas[i]
	}
	return ""
}

func loadSet(name string) wordSet { return newWordSet(loadLines(name)) }

func lowerSet(lines []string) map[string]bool {
	s := map[string]bool{}
	for _, w := range lines {
		s[strings.ToLower(w)] = true
	}
	return s
}

func loadPairs(name string) map[string]string {
	m := map[string]string{}
	for _, line := range loadLines(name) {
		k, v, _ := strings.Cut(line, " ")
		m[k] = strings.TrimSpace(v)
	}
	return m
}

func loadMulti(name string) map[string][]string {
	m := map[string][]string{}
	for _, line := range loadLines(name) {
		k, v, _ := strings.Cut(line, " ")
		v = strings.TrimSpace(v)
		m[k] = append(m[k], v)
		m[v] = append(m[v], k)
	}
	return m
}

// sameGivenName reports whether two given names can be the same person's: equal, one a short
// form of the other, or one an initial of the other.
func sameGivenName(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	if isInitial(a) || isInitial(b) {
		return a[0] == b[0]
	}
	for _, n := range lexicon.nicknames[a] {
		if n == b {
			return true
		}
	}
	// Two short forms of one name ("Rick" and "Dick" are both Richard).
	for _, n := range lexicon.nicknames[a] {
		for _, m := range lexicon.nicknames[b] {
			if n == m {
				return true
			}
		}
	}
	return false
}

// canonicalGiven returns the full form of a given name: "Chuck" → "Charles".
func canonicalGiven(g string) string {
	if c, ok := lexicon.canonicalGiven[g]; ok {
		return c
	}
	return g
}

// isInitial reports whether w is an initial such as "E.".
func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}
