package corpus

import (
	"embed"
	"strings"
	"unicode/utf8"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// wordSet is a set of exact tokens: the words of a table whose number has the set's bit.
// The extractor's word lists share one table, so that asking whether a word is a place,
// a title or a common word reads the one slot of memory that answers all three.
type wordSet struct {
	t   *wordTable
	bit int32
	// foldAccents makes has find a word written with marks the list writes without them:
	// the lists of given names hold "Maria" and "Jose", and a text writes "María José".
	foldAccents bool
}

// has reports whether the set holds w.
func (s wordSet) has(w string) bool {
	bits, ok := s.t.getString(w)
	if !ok && s.foldAccents && !isASCII(w) {
		var buf [2 * inlineWord]byte
		bits, ok = s.t.get(appendFolded(buf[:0], w))
	}
	return ok && bits&s.bit != 0
}

// appendFolded appends w to b with each letter's marks taken off ("María" → "Maria").
func appendFolded(b []byte, w string) []byte {
	for _, r := range w {
		b = utf8.AppendRune(b, foldAccent(r))
	}
	return b
}

// hasLower reports whether the set holds w lower-cased, without allocating.
func (s wordSet) hasLower(w string) bool {
	var buf [inlineWord]byte
	l := lowerInto(buf[:], w)
	if l == nil {
		return s.has(strings.ToLower(w))
	}
	bits, ok := s.t.get(l)
	return ok && bits&s.bit != 0
}

// hasWithStop reports whether the set holds w followed by a full stop ("Calif."), without
// allocating.
func (s wordSet) hasWithStop(w string) bool {
	var buf [inlineWord]byte
	if len(w) >= len(buf) {
		return s.has(w + ".")
	}
	copy(buf[:], w)
	buf[len(w)] = '.'
	bits, ok := s.t.get(buf[:len(w)+1])
	return ok && bits&s.bit != 0
}

// wordSets builds sets over one shared table, one set for each list of words.
type wordSets struct {
	t     *wordTable
	lists [][]string
}

// add registers a list and returns its set, which holds the words once build has run.
func (b *wordSets) add(words []string) wordSet {
	b.lists = append(b.lists, words)
	return wordSet{bit: 1 << (len(b.lists) - 1)}
}

// build fills the table and returns it, for the sets add returned to use.
func (b *wordSets) build() *wordTable {
	n := 0
	for _, l := range b.lists {
		n += len(l)
	}
	size := 16
	for size < 2*n {
		size *= 2
	}
	b.t = newWordTableSize(size)
	b.t.filter = new([filterWords]uint64)
	bits := map[string]int32{}
	var order []string
	for i, l := range b.lists {
		for _, w := range l {
			if _, ok := bits[w]; !ok {
				order = append(order, w)
			}
			bits[w] |= 1 << i
		}
	}
	for _, w := range order {
		b.t.put([]byte(w), bits[w])
	}
	return b.t
}

// newWordSet returns the set of the given words, in a table of its own.
func newWordSet(words []string) wordSet {
	var b wordSets
	s := b.add(words)
	s.t = b.build()
	return s
}

// lexicon holds the word lists the extractor consults, read once at init.
var lexicon = loadLexicon()

type lexiconLists struct {
	titles, roleNouns, firstNames, orgHeads, places, common, nouns wordSet
	orgLeads                                                       wordSet         // words that open an institution's name: "Frente Amplio"
	femaleNames, maleNames                                         wordSet         // given names almost always a woman's, a man's
	groups                                                         map[string]bool // lower-cased multi-word group heads
	verbs                                                          lemmaTable
	nicknames                                                      map[string][]string
	canonicalGiven                                                 map[string]string // a short form of a given name → its full form
}

func loadLexicon() lexiconLists {
	var l lexiconLists
	var sets wordSets
	named := []struct {
		set  *wordSet
		name string
	}{
		{&l.titles, "titles"}, {&l.roleNouns, "rolenouns"}, {&l.firstNames, "firstnames"}, {&l.orgHeads, "orgheads"},
		{&l.places, "places"}, {&l.common, "common"}, {&l.nouns, "nouns"},
		{&l.femaleNames, "femalenames"}, {&l.maleNames, "malenames"}, {&l.orgLeads, "orgleads"},
	}
	for _, n := range named {
		*n.set = sets.add(loadLines(n.name))
	}
	t := sets.build()
	for _, n := range named {
		n.set.t = t
	}
	l.firstNames.foldAccents, l.femaleNames.foldAccents, l.maleNames.foldAccents = true, true, true
	l.groups = lowerSet(loadLines("groups"))
	l.verbs = newLemmaTable(loadPairs("verbs"))
	l.nicknames = loadMulti("nicknames")
	l.canonicalGiven = map[string]string{}
	for _, line := range loadLines("nicknames") {
		short, long, _ := strings.Cut(line, " ")
		if _, ok := l.canonicalGiven[short]; !ok {
			l.canonicalGiven[short] = strings.TrimSpace(long)
		}
	}
	return l
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
	forms  *wordTable // a form → its lemma's number in lemmas
	lemmas []string
	all    map[string]string
}

func newLemmaTable(m map[string]string) lemmaTable {
	t := lemmaTable{forms: newWordTable(), all: m}
	for form, lemma := range m {
		t.forms.put([]byte(form), int32(len(t.lemmas)))
		t.lemmas = append(t.lemmas, lemma)
	}
	return t
}

// lemma returns the lemma of a form, or "".
func (t lemmaTable) lemma(w string) string {
	if i, ok := t.forms.getString(w); ok {
		return t.lemmas[i]
	}
	return ""
}

// isForm reports whether w, as bytes, is a form the table knows.
func (t lemmaTable) isForm(w []byte) bool {
	_, ok := t.forms.get(w)
	return ok
}

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
