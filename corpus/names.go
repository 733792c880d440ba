package corpus

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// nameIndex finds actors by the names people type: an alias exactly, a name with a typo or
// two, or the start of a name or its initials.
type nameIndex struct {
	exact    map[string][]int32 // normalized alias → actors
	aliases  []nameAlias
	strs     []string           // normalized aliases, for the fuzzy matcher
	letters  []uint32           // by alias: the ASCII letters it holds (see letterMask)
	tokens   map[string][]int32 // a word of a name → the aliases that hold it
	byLen    map[int][]string   // the words of names by length, for typo search
	shapes   map[int][]uint32   // by length as byLen: each word's letterMask, or nonASCII
	acronyms map[string][]int32 // an organisation's initials ("eac") → organisations
}

type nameAlias struct {
	tokens []string
	actor  int32
}

// normalizeName lower-cases a name and keeps only its letters, digits and spaces.
func normalizeName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if r == 'ß' {
				b.WriteString("ss") // "Maaß" is typed "maass"
				continue
			}
			b.WriteRune(unicode.ToLower(foldAccent(r)))
		case r == '\'' || r == '’' || r == '.':
			// "O'Neil" and "U.S." stay one word
		default:
			space = true
		}
	}
	return b.String()
}

// indexActors records each actor's quotations and reported speech and the names it goes by.
func (ix *Index) indexActors() {
	c := ix.c
	ix.actorQuotes = make([][]int32, len(c.Actors))
	ix.actorAttrs = make([][]int32, len(c.Actors))
	ix.names.exact = map[string][]int32{}
	ix.names.tokens = map[string][]int32{}
	ix.names.byLen = map[int][]string{}
	ix.names.shapes = map[int][]uint32{}
	ix.names.acronyms = map[string][]int32{}
	for i, a := range c.Actors {
		ix.actorIdx[a.ID] = int32(i)
	}
	for qi, q := range c.Quotes {
		for _, s := range q.Speakers {
			if i, ok := ix.actorIdx[s]; ok {
				ix.actorQuotes[i] = append(ix.actorQuotes[i], int32(qi))
			}
		}
	}
	for ai, at := range c.Attributions {
		for _, s := range at.Speakers {
			if i, ok := ix.actorIdx[s]; ok {
				ix.actorAttrs[i] = append(ix.actorAttrs[i], int32(ai))
			}
		}
	}
	ix.indexVoices()
	for i, a := range c.Actors {
		seen := map[string]bool{}
		add := func(name string) {
			n := normalizeName(name)
			if n == "" || seen[n] {
				return
			}
			seen[n] = true
			ix.names.exact[n] = append(ix.names.exact[n], int32(i))
			al := int32(len(ix.names.aliases))
			ix.names.aliases = append(ix.names.aliases, nameAlias{tokens: strings.Fields(n), actor: int32(i)})
			ix.names.strs = append(ix.names.strs, n)
			ix.names.letters = append(ix.names.letters, letterMask(n))
			for _, t := range strings.Fields(n) {
				if len(ix.names.tokens[t]) == 0 {
					ix.names.byLen[len(t)] = append(ix.names.byLen[len(t)], t)
					shape := uint32(nonASCII)
					if isASCII(t) {
						shape = letterMask(t)
					}
					ix.names.shapes[len(t)] = append(ix.names.shapes[len(t)], shape)
				}
				if l := ix.names.tokens[t]; len(l) == 0 || l[len(l)-1] != al {
					ix.names.tokens[t] = append(l, al)
				}
			}
		}
		add(a.Name)
		for _, al := range a.Aliases {
			add(al)
		}
		if a.Kind == Organization {
			if ac := acronym(a.Name); ac != "" {
				ix.names.acronyms[ac] = append(ix.names.acronyms[ac], int32(i))
			}
			// "the Vendors Council" for the Election Technology Vendors Council: a body's
			// name without its first words.
			if ws := strings.Fields(a.Name); len(ws) >= 3 && bodyHeads[ws[len(ws)-1]] {
				for k := 1; k <= len(ws)-2; k++ {
					if w := ws[k]; w != "of" && w != "for" && w != "and" && w != "on" && w != "the" {
						add(strings.Join(ws[k:], " "))
					}
				}
			}
		}
		if a.Kind == Person {
			// "Jane Q. Roe" is also typed "Jane Roe".
			var parts []string
			for _, w := range strings.Fields(a.Name) {
				if !isInitial(w) {
					parts = append(parts, w)
				}
			}
			add(strings.Join(parts, " "))
			// "de la Cruz" is also typed "cruz".
			if n := len(parts); n >= 3 && nameParticles[strings.ToLower(parts[n-2])] {
				add(parts[n-1])
			}
		}
	}
}

// indexVoices finds the people each organisation speaks through: those whose post, in a
// document that names both, names the body ("FBI spokesperson", "spokeswoman for
// Sentrafield" for Sentrafield Election Services, "Ardent's chief executive").
func (ix *Index) indexVoices() {
	c := ix.c
	ix.voices = make([][]int32, len(c.Actors))
	orgsIn := map[string][]int32{} // a document → the organisations it names
	for i, a := range c.Actors {
		if a.Kind == Organization {
			for _, d := range a.DocIDs {
				orgsIn[d] = append(orgsIn[d], int32(i))
			}
		}
	}
	for i, a := range c.Actors {
		if a.Kind != Person || len(a.Roles) == 0 {
			continue
		}
		for _, d := range a.DocIDs {
			for _, o := range orgsIn[d] {
				if !slices.Contains(ix.voices[o], int32(i)) && servesBody(a.Roles, c.Actors[o]) {
					ix.voices[o] = append(ix.voices[o], int32(i))
				}
			}
		}
	}
}

// servesBody reports whether a post names the organisation: its name or an alias, or the
// first word of a longer name when no list knows that word, standing whole in the post
// and not going on into another name ("Boone County Clerk" is no post at "Boone County
// Commission"). A former post serves no one now.
func servesBody(roles []string, org *Actor) bool {
	keys := append([]string{org.Name}, org.Aliases...)
	if ws := strings.Fields(org.Name); len(ws) >= 2 && distinctiveName(ws[0]) {
		keys = append(keys, ws[0])
	}
	for _, r := range roles {
		if strings.Contains(r, "former") {
			continue
		}
		for _, k := range keys {
			for at := 0; ; {
				i := strings.Index(r[at:], k)
				if i < 0 {
					break
				}
				i += at
				at = i + len(k)
				if i > 0 && r[i-1] != ' ' {
					continue
				}
				rest := r[at:]
				if rest == "" || rest[0] == ',' || strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") ||
					rest[0] == ' ' && len(rest) > 1 && !isUpperASCII(rest[1]) {
					return true
				}
			}
		}
	}
	return false
}

// bodyHeads end the names of bodies people also call by the last words of the name.
var bodyHeads = map[string]bool{"Council": true, "Commission": true, "Committee": true, "Alliance": true, "Association": true,
	"Coalition": true, "Board": true, "Bureau": true, "Project": true, "Institute": true, "Foundation": true, "Caucus": true,
	"Network": true, "League": true, "Society": true, "Federation": true, "Subcommittee": true}

// match quality, best last.
const (
	noMatch = iota
	fuzzyMatch
	typoMatch
	exactMatch
)

// nameMatch is an actor found in a query, and where.
type nameMatch struct {
	actor      int32
	start, end int // token span of the query
	quality    int
	among      []int32 // every actor the span names exactly, when it names more than one
}

// findActor finds the longest span of query tokens that names an actor: exactly, else with
// typos within the budget, else (for a single word) by prefix or initials.
func (ix *Index) findActor(tokens []string) nameMatch {
	best := nameMatch{actor: -1}
	near := map[string]map[string]int{}
	// The longest span that names someone wins, exactly or within the typo budget: "Jnae Roe"
	// is Jane Roe, not any Roe.
	for n := len(tokens); n >= 1; n-- {
		for s := 0; s+n <= len(tokens); s++ {
			span := tokens[s : s+n]
			if n == 1 && stopwords[span[0]] {
				continue
			}
			if ids := ix.names.exact[strings.Join(span, " ")]; len(ids) > 0 {
				m := nameMatch{actor: ix.mostMentioned(ids), start: s, end: s + n, quality: exactMatch}
				if len(ids) > 1 {
					m.among = ids
				}
				return m
			}
		}
		for s := 0; s+n <= len(tokens); s++ {
			if a := ix.typoActor(tokens[s:s+n], near); a >= 0 {
				return nameMatch{actor: a, start: s, end: s + n, quality: typoMatch}
			}
		}
	}
	// "cisa", "eac": an organisation by its initials, alone or beside words the corpus has.
	for s, t := range tokens {
		if ids := ix.names.acronyms[t]; len(ids) > 0 && (len(tokens) == 1 || !ix.isCorpusWord(t)) {
			return nameMatch{actor: ix.mostMentioned(ids), start: s, end: s + 1, quality: typoMatch}
		}
	}
	if len(tokens) == 1 && !ix.isCorpusWord(tokens[0]) {
		if a := ix.fuzzyActor(tokens[0]); a >= 0 {
			return nameMatch{actor: a, start: 0, end: 1, quality: fuzzyMatch}
		}
	}
	return best
}

// choose picks, among the actors a name fits, the one the rest of the query is about:
// the one whose roles hold its words ("clerk abernathy"), else whose own words match them
// best ("whitlock … the castellan patch"); the most mentioned when nothing tells them apart.
func (ix *Index) choose(m nameMatch, words []string) nameMatch {
	if len(m.among) < 2 || len(words) == 0 {
		return m
	}
	// A word of a post counts once, as the post's: "the attorney-general … penalties" is not
	// whoever's article says "general" most.
	var rest []string
	for _, w := range words {
		if !slices.ContainsFunc(m.among, func(id int32) bool {
			return slices.ContainsFunc(ix.c.Actors[id].Roles, func(r string) bool { return slices.Contains(strings.Fields(normalizeName(r)), w) })
		}) {
			rest = append(rest, w)
		}
	}
	ts := topicTerms(rest)
	best, bestScore := m.actor, 0.0
	for _, id := range m.among {
		a := ix.c.Actors[id]
		score := 0.0
		for _, r := range a.Roles {
			for _, w := range strings.Fields(normalizeName(r)) {
				if slices.Contains(words, w) && !stopwords[w] {
					score += 10 // a role outweighs any topic
				}
			}
		}
		if slices.ContainsFunc(ts, ix.known) {
			// Their own words, and less the articles that name them: "whitlock … the
			// castellan patch" is the Whitlock of the article about the patch.
			var units []int32
			for _, qi := range ix.actorQuotes[id] {
				units = append(units, qi, ix.passageUnitOf(ix.unit(qi)))
			}
			for _, d := range a.DocIDs[:min(len(a.DocIDs), chooseDocs)] {
				if di, ok := ix.docIdx[d]; ok {
					for u := ix.passageBase[di]; u < ix.passageBase[di+1]; u++ {
						units = append(units, u)
					}
				}
			}
			slices.Sort(units)
			units = slices.Compact(units)
			for _, t := range ts { // each word alone: any of them tells the actors apart
				for _, s := range ix.rank([]weightedTerm{t}, kinds(quoteUnit, passageUnit), limits{units: units}) {
					if ix.unit(s.unit).kind == passageUnit {
						s.score *= contextWeight
					}
					score += s.score
				}
			}
		}
		if score > bestScore {
			best, bestScore = id, score
		}
	}
	m.actor = best
	return m
}

// roleActor finds the people a query names by their role, "the former clerk", "the
// public safety commissioner", or the organisations by what the text called them, "the
// union": those whose roles hold its last role noun before any "of" or "for" ("chairman of
// the … committee"), to be chosen among by the rest of the query.
func (ix *Index) roleActor(words []string) nameMatch {
	noun, person := "", false
	for i, w := range words {
		if (w == "of" || w == "for") && noun != "" {
			break // "chairman of the house administration committee": the post is before "of"
		}
		if post := postNoun(words, i); post || orgNouns[w] {
			noun, person = w, post
		}
	}
	if noun == "" {
		return nameMatch{actor: -1}
	}
	// "senator amos threlkeld" names someone the corpus does not know, not any senator:
	// two words no article holds are a name, not part of a post ("the phone company" may
	// be any business).
	unknown := 0
	for _, w := range words {
		if w != noun && !stopwords[w] && !ix.hasTerm(ix.stem([]byte(w))) {
			unknown++
		}
	}
	if unknown >= 2 {
		return nameMatch{actor: -1}
	}
	// The actors whose roles hold the noun; of them, those whose roles hold the most of
	// the query's other words ("the interior minister", not the foreign minister).
	var among []int32
	best := 0
	for i, a := range ix.c.Actors {
		if (a.Kind == Person) != person {
			continue // "the clerk" is a person; "the union" an organisation the text called so
		}
		held := -1
		for _, r := range a.Roles {
			if !containsFoldASCII(r, noun) {
				continue // most roles: the word is not in them at all, which is quick to see
			}
			if rw := strings.Fields(normalizeName(r)); slices.ContainsFunc(rw, func(w string) bool { return namesPost(w, noun) }) {
				n := 0
				for _, w := range words {
					if w != noun && !stopwords[w] && slices.Contains(rw, w) {
						n++
					}
				}
				// The post itself before a deputy's ("secretary of state" is not the
				// "deputy secretary of state"), unless the query asks for the deputy.
				n *= 2
				if k := slices.IndexFunc(rw, func(w string) bool { return namesPost(w, noun) }); k == 0 || !secondPosts[rw[k-1]] || slices.Contains(words, rw[k-1]) {
					n++
				}
				held = max(held, n)
			}
		}
		if f := strings.Fields(a.Name); (noun == "company" || noun == "firm") && noun == words[len(words)-1] && len(f) > 1 && companyWords[f[len(f)-1]] {
			held = max(held, 0) // "the phone company": any business, chosen among by the topic
		}
		switch {
		case held < 0 || held < best:
		case held > best:
			among, best = append(among[:0], int32(i)), held
		default:
			among = append(among, int32(i))
		}
	}
	if len(among) == 0 {
		return nameMatch{actor: -1}
	}
	m := nameMatch{actor: most(among, func(id int32) int { return len(ix.actorQuotes[id]) }), start: 0, end: len(words), quality: fuzzyMatch}
	if len(among) > 1 {
		m.among = among
	}
	return m
}

// secondPosts, before a post's noun, make it another post: the deputy's, the former
// holder's.
var secondPosts = map[string]bool{"deputy": true, "assistant": true, "vice": true, "acting": true, "former": true, "associate": true, "under": true, "interim": true}

// postActor reads a query that names someone by a post alone, every word of it the
// post's: "the sheriff", "secretary of state", "the county's it director". Of the actors
// roleActor finds, it keeps those whose roles hold every word; it returns no match when
// none do, or when the query is longer than a post ("voting machine vendor contracts" is
// a topic).
func (ix *Index) postActor(words []string) nameMatch {
	for len(words) > 0 && (articles[words[0]] || words[0] == "our" || words[0] == "your") {
		words = words[1:]
	}
	none := nameMatch{actor: -1}
	if len(words) == 0 || len(words) > 6 {
		return none
	}
	// A post ends on its noun, or goes on with what it is of or for ("secretary of state");
	// "voter rolls" is a topic.
	k := len(words) - 1
	for k >= 0 && !postNoun(words, k) && !orgNouns[words[k]] {
		k--
	}
	if k < 0 || k < len(words)-1 && words[k+1] != "of" && words[k+1] != "for" {
		return none
	}
	m := ix.roleActor(words)
	if m.quality == noMatch {
		return none
	}
	// Every word is the post's ("the county's administrator of elections" holds "county"),
	// or names where the holder's article is set, as its headline does ("maury county
	// administrator of elections", "civitas chief executive").
	holdsAll := func(id int32) bool {
		var held []string
		for _, r := range ix.c.Actors[id].Roles {
			held = append(held, strings.Fields(normalizeName(r))...)
		}
		return !slices.ContainsFunc(words, func(w string) bool {
			return !stopwords[w] && !slices.ContainsFunc(held, func(h string) bool { return namesPost(h, w) || h == w+"s" }) && !ix.inHeadlineOf(id, w)
		})
	}
	ids := m.among
	if len(ids) == 0 {
		ids = []int32{m.actor}
	}
	ids = slices.DeleteFunc(slices.Clone(ids), func(id int32) bool { return !holdsAll(id) })
	if len(ids) == 0 {
		return none
	}
	m.actor, m.among = most(ids, func(id int32) int { return len(ix.actorQuotes[id]) }), nil
	if len(ids) > 1 {
		m.among = ids
	}
	return m
}

// containsFoldASCII reports whether s holds sub, ignoring the case of ASCII letters; when
// either has other letters ("Tánaiste" for "tanaiste"), sub is taken to be there, for the
// caller to look closer.
func containsFoldASCII(s, sub string) bool {
	if !isASCII(sub) || !isASCII(s) {
		return true
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// postIn reads a post, then where to look for its holder: "the judge in the voter roll
// case", "defense attorney in the penketh trial". The words after the preposition choose
// among those who hold the post; ok is false when the words before it are no post
// anyone holds.
func (ix *Index) postIn(words []string) (m nameMatch, topic []string, ok bool) {
	i := slices.IndexFunc(words, func(w string) bool { return w == "in" || w == "on" || w == "at" || w == "during" || w == "over" })
	if i <= 0 || i+1 >= len(words) {
		return nameMatch{actor: -1}, nil, false
	}
	if m = ix.postActor(words[:i]); m.quality == noMatch {
		return m, nil, false
	}
	topic = words[i+1:]
	return ix.choose(m, topic), topic, true
}

// inHeadlineOf reports whether the headline of one of actor id's articles holds the word.
func (ix *Index) inHeadlineOf(id int32, w string) bool {
	docs := ix.titles[ix.stem([]byte(w))]
	for _, d := range ix.c.Actors[id].DocIDs {
		if di, ok := ix.docIdx[d]; ok && slices.Contains(docs, di) {
			return true
		}
	}
	return false
}

// postNoun reports whether words[i] of a query is a post's noun: a role ("clerk"), or a
// party's member named as a post ("ranking republican").
func postNoun(words []string, i int) bool {
	w := words[i]
	return lexicon.roleNouns.has(w) || (w == "republican" || w == "democrat") && i > 0 && (words[i-1] == "ranking" || words[i-1] == "top" || words[i-1] == "senior")
}

// namesPost reports whether a word of a role names the post a query's noun asks for: the
// noun itself, or what someone who holds it does or is called ("chairs the board",
// "chairwoman" for chair).
func namesPost(w, noun string) bool {
	if w == noun {
		return true
	}
	rest, ok := strings.CutPrefix(w, noun)
	return ok && (rest == "s" || rest == "man" || rest == "woman" || rest == "person")
}

// chooseDocs is how many of an actor's articles choose reads for the words of a query.
const chooseDocs = 50

func (ix *Index) mostMentioned(ids []int32) int32 {
	return most(ids, func(id int32) int { return ix.c.Actors[id].Mentions })
}

// most returns the first of ids with the highest count.
func most(ids []int32, count func(id int32) int) int32 {
	best := ids[0]
	for _, id := range ids[1:] {
		if count(id) > count(best) {
			best = id
		}
	}
	return best
}

// typoBudget is how many edits a word of n letters may carry and still match a name.
func typoBudget(n int) int {
	switch {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// typoActor matches a span of query words against aliases of as many words, each word
// within its typo budget and at least one not exact. A word the corpus uses as an ordinary
// word is taken as meant, not as a misspelt name, unless every other word of the span is
// a name's (see oneWordAstray).
// The cache holds the near names of each word already looked at.
func (ix *Index) typoActor(span []string, cache map[string]map[string]int) int32 {
	for i, w := range span {
		if t := ix.stem([]byte(w)); t != "" {
			if _, known := ix.dict[t]; known && ix.names.exact[w] == nil && !ix.stemsLikeName(w, t, cache) {
				if !ix.isNameToken(w) {
					// An ordinary word, unless the rest is a name typed right: "kaczmarek
					// hall" for Kaczmarek-Hill.
					return ix.oneWordAstray(span, i)
				}
			}
		}
		if stopwords[w] {
			return -1
		}
	}
	// The words of names each query word may be, within its budget.
	near := make([]map[string]int, len(span))
	for i, w := range span {
		near[i] = ix.nearNames(w, cache)
		if len(near[i]) == 0 {
			if len(span) == 1 {
				return ix.longWordAstray(w)
			}
			return ix.oneWordAstray(span, i)
		}
	}
	best, bestDist := int32(-1), 1<<30
	for t := range near[0] {
		for _, ai := range ix.names.tokens[t] {
			al := ix.names.aliases[ai]
			if len(al.tokens) != len(span) {
				continue
			}
			total := 0
			for i := range span {
				d, ok := near[i][al.tokens[i]]
				if !ok {
					total = -1
					break
				}
				total += d
			}
			if total <= 0 {
				continue
			}
			if total < bestDist || total == bestDist && (ix.c.Actors[al.actor].Mentions > ix.c.Actors[best].Mentions ||
				ix.c.Actors[al.actor].Mentions == ix.c.Actors[best].Mentions && al.actor < best) {
				best, bestDist = al.actor, total
			}
		}
	}
	return best
}

// stemsLikeName reports whether w, whose term is t, is a name's word misspelt into that
// name's term: "zielinsky" is stemmed as "zielinski" is, so the corpus knows its term only
// from the name.
func (ix *Index) stemsLikeName(w, t string, cache map[string]map[string]int) bool {
	for n := range ix.nearNames(w, cache) {
		if n != w && ix.stem([]byte(n)) == t {
			return true
		}
	}
	return false
}

// longWordAstray matches a long word typed alone that no name's word is within its
// budget of: the one name's word three edits from it with the same first letter, as a
// name spelt the way it sounds may be ("kettleborow" for Kettleborough); -1 when there
// is none, or more than one. Ten letters or more leave seven that must agree.
func (ix *Index) longWordAstray(w string) int32 {
	if len(w) < 10 {
		return -1
	}
	found, ambiguous := "", false
	ix.names.within(w, 3, func(t string, d int) {
		if d != 3 || t[0] != w[0] || len(ix.names.tokens[t]) == 0 {
			return
		}
		if found != "" && found != t {
			ambiguous = true
		}
		found = t
	})
	if found == "" || ambiguous {
		return -1
	}
	var ids []int32
	for _, ai := range ix.names.tokens[found] {
		ids = append(ids, ix.names.aliases[ai].actor)
	}
	return ix.mostMentioned(ids)
}

// oneWordAstray matches a span whose word i is further from any name's word than its
// budget allows, when every other word is exactly a word of an alias of as many words and
// word i is near that alias's word (two edits, the same first letter): "nwankwo lyle" is
// Obadiah Nwankwo-Lisle's "nwankwo lisle". The words typed right narrow the aliases to a
// few, so a looser match of the last word cannot wander far.
func (ix *Index) oneWordAstray(span []string, i int) int32 {
	if len(span) < 2 || len(span[i]) < 3 {
		return -1
	}
	anchor := (i + 1) % len(span)
	var ids []int32
	for _, ai := range ix.names.tokens[span[anchor]] {
		al := ix.names.aliases[ai]
		if len(al.tokens) != len(span) || al.tokens[i][0] != span[i][0] || damerauLevenshtein(span[i], al.tokens[i], 3) > 2 {
			continue
		}
		exact := true
		for j, w := range span {
			exact = exact && (j == i || al.tokens[j] == w)
		}
		if exact {
			ids = append(ids, al.actor)
		}
	}
	if len(ids) == 0 {
		return -1
	}
	return ix.mostMentioned(ids)
}

// isCorpusWord reports whether w is an ordinary word of the corpus's text (not a name's),
// so that a search for it means the word, not a name it happens to begin.
func (ix *Index) isCorpusWord(w string) bool {
	t := ix.stem([]byte(w))
	if t == "" {
		return true
	}
	_, ok := ix.dict[t]
	return ok && (!ix.isNameToken(w) || commonNameWord(w))
}

// commonNameWord reports whether w is a word that names no one alone, though names hold
// it: an institution's head ("department", "committee") or a common noun that begins
// them ("election", "intelligence").
func commonNameWord(w string) bool {
	c := nameCase(w)
	return lexicon.orgHeads.has(c) || lexicon.nouns.has(c)
}

// isNameToken reports whether w is a word of some actor's name.
func (ix *Index) isNameToken(w string) bool { return len(ix.names.tokens[w]) > 0 }

// fuzzyActor matches one short word against the aliases as a prefix of a name's word or as
// its initials ("klob", "eac"), with sahilm/fuzzy, which is made for short strings like these.
func (ix *Index) fuzzyActor(w string) int32 {
	if len(w) < 2 {
		return -1
	}
	// The matcher finds the query's characters in order in an alias, so an alias must hold
	// all its letters: the others are passed over without running it.
	want := letterMask(w)
	cands := aliasSubset{strs: ix.names.strs}
	for i, have := range ix.names.letters {
		if have&want == want {
			cands.index = append(cands.index, int32(i))
		}
	}
	matches := fuzzy.FindFrom(w, cands)
	sort.SliceStable(matches, func(i, j int) bool { return matches[i].Score > matches[j].Score })
	for _, m := range matches {
		al := ix.names.aliases[cands.index[m.Index]]
		if isPrefixMatch(m, len(w)) && len(w) >= 3 || isInitialsMatch(m, al.tokens) && len(w) == len(al.tokens) && len(w) >= 2 {
			return al.actor
		}
	}
	return -1
}

// acronym returns the initials an organisation is known by, lower-cased, from the words
// of its name that are not "and", "of", "the", "for" or "on": "eac" for the Election
// Assistance Commission (U.S. or not), "cisa" for the Cybersecurity and Infrastructure
// Security Agency.
// A name of fewer than three such words has none.
func acronym(name string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(name) {
		switch strings.ToLower(w) {
		case "and", "of", "the", "for", "on", "&":
			continue
		}
		if strings.Contains(w, ".") {
			continue // "U.S.", "N.Y.": the country or state, left out of the initials
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			return ""
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if utf8.RuneCountInString(b.String()) < 3 {
		return ""
	}
	return b.String()
}

// aliasSubset is some of the aliases, as the fuzzy matcher reads them.
type aliasSubset struct {
	strs  []string
	index []int32 // the aliases, by number
}

func (a aliasSubset) String(i int) string { return a.strs[a.index[i]] }
func (a aliasSubset) Len() int            { return len(a.index) }

// nonASCII is the shape of a word with other than ASCII characters; no letterMask is.
const nonASCII = 1 << 31

// letterMask is the set of ASCII letters in s, either case, as bits.
func letterMask(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		if c := lowerByte(s[i]); c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		}
	}
	return m
}

// isPrefixMatch reports whether the matched characters are one run from a word's start.
func isPrefixMatch(m fuzzy.Match, n int) bool {
	idx := m.MatchedIndexes
	if len(idx) != n || len(idx) == 0 {
		return false
	}
	if idx[0] != 0 && m.Str[idx[0]-1] != ' ' {
		return false
	}
	for i := 1; i < len(idx); i++ {
		if idx[i] != idx[i-1]+1 {
			return false
		}
	}
	return true
}

// isInitialsMatch reports whether the matched characters are the first letters of the words.
func isInitialsMatch(m fuzzy.Match, tokens []string) bool {
	starts := map[int]bool{}
	pos := 0
	for _, t := range tokens {
		starts[pos] = true
		pos += len(t) + 1
	}
	for _, i := range m.MatchedIndexes {
		if !starts[i] {
			return false
		}
	}
	return true
}

// nearNames returns the words of names within w's typo budget, with their distances,
// remembering them in cache.
func (ix *Index) nearNames(w string, cache map[string]map[string]int) map[string]int {
	if near, ok := cache[w]; ok {
		return near
	}
	b := typoBudget(len(w))
	near := map[string]int{}
	if len(ix.names.tokens[w]) > 0 {
		near[w] = 0
	}
	ix.names.within(w, b, func(t string, d int) { near[t] = d })
	cache[w] = near
	return near
}

// within calls f with every name token at most edits away from w, and its distance.
func (n *nameIndex) within(w string, edits int, f func(t string, d int)) {
	hw, ascii, wm := letterCounts(w), isASCII(w), letterMask(w)
	for size := len(w) - edits; size <= len(w)+edits; size++ {
		shapes := n.shapes[size]
		for j, t := range n.byLen[size] {
			// An edit of ASCII words changes their sets of letters, and their byte counts,
			// by at most two: most names are ruled out without working out the distance.
			if tm := shapes[j]; ascii && tm != nonASCII && (bits.OnesCount32(tm^wm) > 2*edits || countsDiffer(&hw, t, 2*edits)) {
				continue
			}
			if d := damerauLevenshtein(w, t, edits+1); d <= edits {
				f(t, d)
			}
		}
	}
}

// letterCounts counts the bytes of w by their low five bits: a cheap fingerprint in
// which an edit of one ASCII character moves at most two counts by one each.
func letterCounts(w string) (h [32]int16) {
	for i := 0; i < len(w); i++ {
		h[w[i]&31]++
	}
	return h
}

// countsDiffer reports whether t's counts differ from h by more than limit in all.
func countsDiffer(h *[32]int16, t string, limit int) bool {
	ht := letterCounts(t)
	diff := 0
	for i := range ht {
		d := int(h[i]) - int(ht[i])
		diff += max(d, -d)
	}
	return diff > limit
}

// damerauLevenshtein is the optimal-string-alignment distance between a and b (insertions,
// deletions, substitutions and transpositions of neighbours), giving up at limit.
func damerauLevenshtein(a, b string, limit int) int {
	if isASCII(a) && isASCII(b) && len(a) <= 64 && len(b) <= 64 {
		// Names are short and ASCII: no conversion, and rows on the stack.
		var ab, bb [64]byte
		var rows [3][65]int
		return editDistance(append(ab[:0], a...), append(bb[:0], b...), limit, rows[0][:], rows[1][:], rows[2][:])
	}
	ra, rb := []rune(a), []rune(b)
	return editDistance(ra, rb, limit, make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// editDistance is damerauLevenshtein over bytes or runes, in the three rows given (each
// at least len(b)+1 long).
func editDistance[T byte | rune](a, b []T, limit int, prev2, prev, cur []int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit
	}
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit)
}
