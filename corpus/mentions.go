package corpus

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mention is a name in a paragraph: a person, organisation or group as the text writes it.
type mention struct {
	para       int
	first, end int // token range of the whole mention, titles and tag included
	kind       Kind
	tokens     []string // the name's words, titles and possessive stripped
	titles     []string // the title words before the name ("Senate", "Minority", "Leader")
	roles      []string // roles from the title, the party-state tag, a role phrase or an apposition
	strong     bool     // a person known by its shape: a title, a tag or a given name
	anaphor    bool     // "the senators": a group that refers back to people named before
	groupKey   string   // for a group: its normalized name
	inQuote    bool
	actor      *localActor
}

// text is the mention's name as written.
func (m *mention) text() string { return strings.Join(m.tokens, " ") }

// findMentions finds the people, organisations and groups named in one paragraph.
func findMentions(para int, p string, toks []token, s *scratch) []*mention {
	var out []*mention
	covered := s.covered(len(toks))
	for _, m := range append(findOffices(para, toks, s), findGroups(para, toks, s)...) {
		for k := m.first; k < m.end; k++ {
			covered[k] = true
		}
		out = append(out, m)
	}
	for i := 0; i < len(toks); {
		if covered[i] || toks[i].kind != tokWord || !isCapitalized(toks[i].text) || lowerAfterHyphen(toks[i].text) {
			i++
			continue
		}
		j := runEnd(toks, covered, i)
		if m := classifyRun(para, p, toks, i, j, s); m != nil {
			particlesBefore(toks, covered, m)
			out = append(out, m)
			if m.end < j && toks[m.end].text == "of" && slices.ContainsFunc(toks[m.end+1:j], func(t token) bool { return lexicon.orgHeads.has(t.text) }) {
				j = m.end + 1 // "Jane Roe of the Brennan Center": the rest names an institution; "of Racine" a place
			}
			j = max(j, m.end) // past a party-state tag
		}
		i = j
	}
	sortMentions(out)
	sharePluralTitles(toks, out)
	return out
}

// nicknameAt reports whether toks[j] opens a nickname in quotation marks inside a name:
// one capitalised word quoted between a given name and a surname.
func nicknameAt(toks []token, covered []bool, j int) bool {
	return j+3 < len(toks) && toks[j].kind == tokOpenQ && toks[j+1].kind == tokWord && isCapitalized(toks[j+1].text) &&
		toks[j+2].kind == tokCloseQ && toks[j+3].kind == tokWord && isCapitalized(toks[j+3].text) && !covered[j+3] && j > 0 && !toks[j-1].inQuote
}

// lowerAfterHyphen reports whether w ends in a lower-case word after a hyphen, as a word
// that says where something is from does: "Wichita-area", "Kansas-based", "Ohio-born".
func lowerAfterHyphen(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && i+1 < len(w) && isLowerASCII(w[i+1])
}

// pluralTitles are titles that stand before several names at once.
var pluralTitles = map[string]bool{"Sens.": true, "Reps.": true, "Senators": true, "Representatives": true, "Govs.": true}

// sharePluralTitles gives the role of a plural title to every name of the list it heads:
// in "Sens. Anne Roe, D-Minn., and Mark Doe, D-Va.", Doe is a senator too.
func sharePluralTitles(toks []token, ms []*mention) {
	for i, m := range ms {
		if m.kind != Person || !slices.ContainsFunc(m.titles, func(t string) bool { return pluralTitles[t] }) {
			continue
		}
		role := titleRole(m.titles)
		end := m.end
		for _, n := range ms[i+1:] {
			if n.kind != Person || len(n.titles) > 0 || !onlyListJoiners(toks[end:n.first]) {
				break
			}
			if !slices.Contains(n.roles, role) {
				n.roles = append([]string{role}, n.roles...)
			}
			n.strong = true
			end = n.end
		}
	}
}

// onlyListJoiners reports whether ts holds nothing but the commas and "and" of a list.
func onlyListJoiners(ts []token) bool {
	for _, t := range ts {
		if t.text != "," && t.text != "and" {
			return false
		}
	}
	return len(ts) > 0
}

func sortMentions(ms []*mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].first < ms[j-1].first; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// nameParticles may stand lower-case inside a name ("Ludwig van Beethoven").
var nameParticles = map[string]bool{"van": true, "von": true, "de": true, "da": true, "del": true, "der": true, "di": true, "la": true, "le": true, "bin": true, "al": true, "du": true, "dos": true,
	"los": true, "las": true, "den": true, "ter": true, "des": true, "ibn": true, "zu": true, "do": true, "das": true, "y": true}

// romanceLinks join the words of an institution's name in Spanish, Portuguese, Italian or
// French; romanceArticles may follow them.
var (
	romanceLinks    = map[string]bool{"por": true, "para": true, "pela": true, "pelo": true, "per": true, "pour": true, "en": true, "em": true, "contra": true, "sobre": true, "sur": true}
	romanceArticles = map[string]bool{"el": true, "la": true, "los": true, "las": true, "o": true, "a": true, "os": true, "as": true, "le": true, "les": true, "il": true, "lo": true}
)

// runEnd returns the end of the run of capitalised words starting at i. A run may hold
// "of", "for" and "the" and name particles between capitalised words, and ends after a
// possessive.
func runEnd(toks []token, covered []bool, i int) int {
	j := i
	for j < len(toks) && !covered[j] && (toks[j].kind == tokWord || ampersandJoins(toks, i, j)) && toks[j].inQuote == toks[i].inQuote {
		w := toks[j].text
		if w == "&" {
			j++ // "Center for Election Innovation & Research", "Johnson & Johnson"
			continue
		}
		if isCapitalized(w) {
			j++
			if j+1 < len(toks) && toks[j].text == "'" && strings.HasSuffix(w, "s") && toks[j+1].kind == tokWord && isCapitalized(toks[j+1].text) && !covered[j+1] {
				// "Citizens' Front Party", "the Farmers' Union": the plural's apostrophe
				// inside an organisation's name.
				if e := runEnd(toks, covered, j+1); lexicon.orgHeads.has(toks[e-1].text) {
					j = e
					break
				}
			}
			if collectivePossessive[stripPossessive(w)] && j < len(toks) && toks[j].kind == tokWord && isCapitalized(toks[j].text) && !covered[j] {
				// "the People's Renewal Alliance", "the Women's Voting League"
				if e := runEnd(toks, covered, j); lexicon.orgHeads.has(toks[e-1].text) {
					j = e
					break
				}
			}
			if isPossessive(w) || (j < len(toks) && toks[j].text == "'" && strings.HasSuffix(w, "s")) {
				break
			}
			if j > i && strings.HasSuffix(w, ".") && !keepsStopAsName(w) {
				break
			}
			if nicknameAt(toks, covered, j) {
				j += 3 // "Rutherford “Rudd” Callowhill": the nickname is skipped, the name goes on
			}
			continue
		}
		if w == "and" && j+1 < len(toks) && toks[j+1].kind == tokWord && isCapitalized(toks[j+1].text) && !covered[j+1] &&
			toks[j+1].inQuote == toks[i].inQuote && andMayJoinName(toks, i, j) {
			// "the Cybersecurity and Infrastructure Security Agency", "Department of Health and
			// Human Services": one institution's name, when the whole reads as one.
			if e := runEnd(toks, covered, j+1); joinsOrgName(toks, i, j, e) {
				j = e
			}
			break
		}
		if (w == "on" || isDigitStart(w) && len(w) <= 3) && j > i && j+1 < len(toks) && toks[j+1].kind == tokWord && isCapitalized(toks[j+1].text) && !covered[j+1] &&
			(w == "on" && lexicon.orgHeads.has(toks[j-1].text) && !lexicon.common.has(toks[j+1].text) || w != "on" && lexicon.orgHeads.has(toks[j+1].text)) {
			j++ // "Senate Subcommittee on Elections", "KRDN 9 News"
			continue
		}
		if w == "and" && j > i && j+1 < len(toks) && personTitleWords[toks[j-1].text] && personTitleWords[toks[j+1].text] && !covered[j+1] {
			j++ // "Pueblo County Clerk and Recorder Marisela Archuleta": one post
			continue
		}
		if w == "in" && j > i && j+1 < len(toks) && toks[j+1].text == "Charge" && !covered[j+1] {
			j++ // "Special Agent in Charge Raymond Wrenfield"
			continue
		}
		if w == "of" && j+2 < len(toks) && toks[j+1].text == "the" && toks[j+2].kind == tokWord && isCapitalized(toks[j+2].text) && !covered[j+2] {
			j += 2 // "Secretary of the Commonwealth", "Department of the Treasury"
			continue
		}
		if j > i && romanceLinks[w] && lexicon.orgLeads.has(toks[i].text) {
			// "Alianza por el Desarrollo Nacional", "Observatorio Ciudadano por el Voto
			// Limpio": an institution named in Spanish or Portuguese goes on after "por el".
			k := j + 1
			if k < len(toks) && romanceArticles[toks[k].text] {
				k++
			}
			if k < len(toks) && toks[k].kind == tokWord && isCapitalized(toks[k].text) && !covered[k] && toks[k].inQuote == toks[i].inQuote {
				j = k
				continue
			}
		}
		if nameParticles[w] && j+2 < len(toks) && nameParticles[toks[j+1].text] && toks[j+2].kind == tokWord && isCapitalized(toks[j+2].text) && !covered[j+2] {
			j += 2 // "Jan de la Cruz", "Hans van der Berg"
			continue
		}
		if (w == "of" || w == "for" || w == "the" || nameParticles[w]) && j+1 < len(toks) && toks[j+1].kind == tokWord && isCapitalized(toks[j+1].text) && !covered[j+1] {
			if w == "the" && (j == i || toks[j-1].text != "of") {
				break
			}
			j++
			continue
		}
		break
	}
	if j == i {
		j = i + 1
	}
	return j
}

// ampersandJoins reports whether toks[j] is an "&" between two capitalised words of a run
// that starts at i: a name holds it whole.
func ampersandJoins(toks []token, i, j int) bool {
	return toks[j].text == "&" && j > i && j+1 < len(toks) && toks[j+1].kind == tokWord && isCapitalized(toks[j+1].text)
}

// andMayJoinName reports whether the run toks[i:j], followed by "and", may go on into one
// institution's name: it follows "the" ("the Securities and Exchange Commission"), or it
// is an institution "of" or "for" something ("Office of Management and Budget"). People
// take no article, so "Roe and Homeland Security Committee members" stays two names.
func andMayJoinName(toks []token, i, j int) bool {
	if j == i {
		return false
	}
	if strings.EqualFold(toks[i].text, "the") || i > 0 && strings.EqualFold(toks[i-1].text, "the") {
		return true
	}
	return institutionOf(toks, i, j)
}

// institutionOf reports whether toks[i:j] is an institution of or for something:
// "Department of Health", "Centers for Disease Control".
func institutionOf(toks []token, i, j int) bool {
	if strings.EqualFold(toks[i].text, "the") {
		i++
	}
	for k := i + 1; k+1 < j; k++ {
		if w := toks[k].text; (w == "of" || w == "for" || w == "on") && lexicon.orgHeads.has(toks[k-1].text) {
			return true // "Department of Health", "Senate Subcommittee on Elections"
		}
	}
	return false
}

// joinsOrgName reports whether toks[i:e], with "and" at j, names one organisation. The
// part before "and" must not be an institution already ("the Justice Department and
// Homeland Security Department" are two), and the whole must end as an institution's name
// does: in a word such as "Agency" after two words or more ("the Securities and Exchange
// Commission"), or, after an institution of something, in a word or two ("Office of
// Management and Budget", "Department of Housing and Urban Development"; not "the State
// and Treasury departments").
func joinsOrgName(toks []token, i, j, e int) bool {
	if e <= j+1 || lexicon.orgHeads.has(stripPossessive(toks[j-1].text)) && !institutionOf(toks, i, j) {
		return false // "the Board and Election Security": two; not "Ministry of Communications and Digital Security"
	}
	if e-j-1 >= 2 && lexicon.orgHeads.has(stripPossessive(toks[e-1].text)) && !personTitleWords[toks[e-2].text] {
		return true
	}
	return e-j-1 <= 2 && institutionOf(toks, i, j)
}

// collectivePossessive are the plurals that name an organisation's members in its name:
// "the People's Renewal Alliance".
var collectivePossessive = map[string]bool{"People": true, "Women": true, "Children": true, "Men": true}

// keepsStopAsName reports whether a word ending in "." can sit inside a name: an initial,
// a title, or an abbreviation such as "U.S.".
func keepsStopAsName(w string) bool {
	return isInitial(w) || lexicon.titles.has(w) || strings.Count(w, ".") > 1 || lexicon.places.has(w)
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")
}

func stripPossessive(w string) string {
	for _, s := range []string{"’s", "'s"} {
		if strings.HasSuffix(w, s) {
			return strings.TrimSuffix(w, s)
		}
	}
	return w
}

// classifyRun decides what the capitalised run toks[i:j] names, if anything.
func classifyRun(para int, p string, toks []token, i, j int, s *scratch) *mention {
	words := s.words[:0] // the worker's memory: what a kept mention holds is copied out
	for k := i; k < j; k++ {
		if toks[k].kind == tokOpenQ {
			k += 2 // a nickname inside the name
			continue
		}
		if toks[k].text == "'" && len(words) > 0 {
			words[len(words)-1] += "'" // "Citizens' Front Party"
			continue
		}
		if w := toks[k].text; k == j-1 || !isPossessive(w) {
			words = append(words, stripPossessive(w))
		} else {
			words = append(words, w) // "the People's Renewal Alliance": part of the name
		}
	}
	s.words = words
	// Words that start sentences or list items are not names ("Meanwhile", "The").
	lead := 0
	orgName := len(words) >= 2 && lexicon.orgHeads.has(words[len(words)-1]) // "Voting Systems Manufacturers Roundtable", "Tallyspring Systems"
	for lead < len(words) && (lexicon.common.has(words[lead]) || (atSentenceStart(toks, i+lead) && !orgName && isSentenceStarter(words[lead]))) && !isTitleWord(words, lead) &&
		!(lexicon.firstNames.has(words[lead]) && len(words)-lead >= 2 && isCapitalized(words[lead+1]) && !lexicon.common.has(words[lead+1])) { // "Bill Gates", "May Chen"
		lead++
	}
	words, i = words[lead:], i+lead
	if len(words) == 0 {
		return nil
	}
	if i == 0 && j < len(toks) && (isAllCaps(strings.Join(words, "")) && strings.Contains(",—–(", toks[j].text) ||
		toks[j].text == "," && j+1 < len(toks) && isStateCode(toks[j+1].text) && (j+2 >= len(toks) || toks[j+2].kind != tokWord || !isLowerASCII(toks[j+2].text[0]))) {
		return nil // a dateline: "AUSTIN, Texas —", "Springfield, IL March 2"; not "Cosima Everdell-Kaupang, Oregon secretary of state:"
	}
	// "Jane Roe of the Brennan Center": a person, then the institution they are from, which
	// findMentions reads on its own.
	if k := slices.Index(words, "of"); personOf(words, k) && slices.ContainsFunc(words[k+1:], func(w string) bool { return w == "the" || lexicon.orgHeads.has(w) }) {
		words, j = words[:k], i+k
	}
	if i >= 2 && toks[i-1].text == "from" && (toks[i-2].text == "Republican" || toks[i-2].text == "Democrat" || toks[i-2].text == "Independent") {
		return nil // "a Republican from Montrose": where the member is from
	}
	if i >= 1 && j == i+1 && strings.EqualFold(toks[i-1].text, "in") && !isPossessive(toks[i].text) && !lexicon.orgHeads.has(toks[i].text) && s.acronyms[toks[i].text] == nil {
		return nil // "In Sublette, where 5,400 people voted": a place; no one is "in" a person
	}
	m := &mention{para: para, first: i, end: j, inQuote: toks[i].inQuote} // kept in s only if it names someone
	if name := s.acronyms[words[0]]; len(words) == 1 && name != nil {
		m.kind, m.tokens = Organization, name // "EIRO said": the office the text gave those initials
		return s.keepRun(m)
	}
	// "the Biden administration", "the Roe campaign": a government or a campaign known by
	// the name of whoever leads it.
	if j < len(toks) && ledBodies[toks[j].text] && i > 0 && strings.EqualFold(toks[i-1].text, "the") && len(words) <= 3 &&
		!isPossessive(toks[j-1].text) && !slices.ContainsFunc(words, func(w string) bool { return lexicon.orgHeads.has(w) || lexicon.titles.has(w) }) {
		m.kind = Organization
		m.tokens = append(words, toks[j].text)
		m.end = j + 1
		return s.keepRun(m)
	}

	// "Harbor Print & Mail of Columbus, Ohio": a name, then the town and the state it is in.
	if k := indexOf(words, "of"); k > 1 && len(words)-k-1 <= 2 && j+1 < len(toks) && toks[j].text == "," && lexicon.places.has(toks[j+1].text) &&
		!lexicon.orgHeads.has(words[k-1]) && !lexicon.titles.has(words[k-1]) && !slices.ContainsFunc(words[k+1:], func(w string) bool { return lexicon.orgHeads.has(w) }) {
		words = words[:k]
		j = i + k
	}
	// "Tallowmere Voting Systems of Tampa": a business, then where it is.
	if k := indexOf(words, "of"); k > 1 && companyWords[words[k-1]] && len(words)-k-1 <= 2 &&
		!slices.ContainsFunc(words[k+1:], func(w string) bool { return lexicon.orgHeads.has(w) }) {
		words = words[:k]
		j = i + k
	}
	// "X of Minnesota", "Sen. Marcus Oduya of Racine": the place qualifies the person.
	if k := indexOf(words, "of"); k > 0 && (allPlaces(words[k+1:]) || isPlaceName(words[k+1:]) || personOf(words, k) && len(words)-k <= 3) &&
		!lexicon.orgHeads.has(words[k-1]) && !lexicon.titles.has(words[k-1]) {
		m.roles = append(m.roles, strings.Join(words[k+1:], " "))
		words = words[:k]
		m.end = i + k
	}
	last := words[len(words)-1]
	switch {
	case len(words) <= 2 && isCallSign(words[0]) && (len(words) == 1 || lexicon.orgHeads.has(words[1])):
		m.kind = Organization // "WKVN-TV", "KRDN News": a broadcaster's call sign
		m.tokens = words
		return s.keepRun(m)
	case len(words) == 1 && isAgencyInitials(words[0]) && i > 0 && strings.EqualFold(toks[i-1].text, "the"):
		m.kind = Organization // "the FBI", "the EAC": initials after "the" name an institution
		m.tokens = words
		return s.keepRun(m)
	case isOrganization(words):
		if len(words) == 1 && !standaloneOrgs[words[0]] {
			return nil // "Board chairman …": a bare "Board" names no one in particular
		}
		m.kind = Organization
		m.tokens = trimArticles(words)
		return s.keepRun(m)
	case (allPlaces(words) || isPlaceName(words)) && localBodyAfter(toks, j) > j:
		// "The Luzerne County board of elections said": a place's body, named in lower case.
		m.end = localBodyAfter(toks, j)
		m.kind = Organization
		m.tokens = append(trimArticles(words), headWords(toks, j, m.end-j)...)
		return s.keepRun(m)
	case allPlaces(words) || allCommon(words) || isPlaceName(words):
		return nil // "Brazos County" is a place
	}
	// Nouns such as "Election" may start an organisation's name but not a person's.
	for len(words) > 1 && lexicon.nouns.has(words[0]) && !isTitleWord(words, 0) && !lexicon.firstNames.has(words[0]) {
		words, i = words[1:], i+1
		m.first = i
	}
	switch {
	case allPlaces(words) || allCommon(words):
		return nil
	}

	// Peel a title off the front: "Senate Minority Leader", "Sen.", "Attorney General".
	t := 0
	for t < len(words)-1 && isTitleWord(words, t) {
		t++
	}
	// A title ending in "of the" takes the word after it: "Secretary of the Commonwealth".
	if t > 0 && (words[t-1] == "of" || words[t-1] == "the" || words[t-1] == "for") && len(words)-t > 2 {
		t++
	}
	// A title ending in "of" or "for" must keep its object ("Secretary of State").
	for t > 0 && (words[t-1] == "of" || words[t-1] == "for" || words[t-1] == "the") {
		t--
	}
	// A known given name inside the run starts the name; what comes before is a role:
	// "County Recorder Jane Roe", "Alder County Recorder Ingrid Solberg" (a title word
	// first, then more of the role).
	if t == 0 || t < len(words)-2 {
		for k := t + 1; k < len(words)-1; k++ {
			if rest := words[k:]; isGivenName(words[k]) && len(rest)-particleCount(rest) <= 3 && !allCommon(rest) && !lexicon.places.has(rest[len(rest)-1]) &&
				!slices.ContainsFunc(words[:k], func(w string) bool { return isInitial(w) || lexicon.firstNames.has(w) }) && (k > 1 || roleWordBefore(words[0])) {
				t = k
				break
			}
		}
	}
	// An agency's initials or a place before a title belong to it: "FBI Director", "Ohio Gov.",
	// "Madison Mayor".
	if t == 0 {
		k := 0
		for k < len(words)-2 && !personTitleWords[words[k]] && !lexicon.firstNames.has(words[k]) && !isInitial(words[k]) {
			k++
		}
		if k > 0 && k < len(words)-1 && personTitleWords[words[k]] {
			t = k
			for t < len(words)-1 && isTitleWord(words, t) {
				t++
			}
		}
	}
	// A title word, then two words no list knows: "County Executive Rosalind Achterberg".
	if n := len(words); t == 0 && n >= 3 && lexicon.titles.has(words[n-3]) && isCapitalized(words[n-3]) && plainName(words[n-2:]) &&
		!slices.ContainsFunc(words, func(w string) bool { return lexicon.orgHeads.has(w) }) {
		t = n - 2
	}
	// An institution's name before the title belongs to the title too: "Senate
	// Intelligence Committee Chairman Mark Wexler".
	// So is what a portfolio is called: "Democratic Institutions Minister Callum Drysdale".
	if k := lastPersonTitle(words); k >= t && k < len(words)-1 && (slices.ContainsFunc(words[t:k], func(w string) bool { return lexicon.orgHeads.has(w) }) ||
		k > t && plainName(words[k+1:])) {
		t = k + 1
	}
	name := words[t:]
	if len(name) == 0 || lexicon.common.has(name[0]) && len(name) == 1 || len(name) == 1 && t > 0 && calendarWords[name[0]] {
		return nil // (not "Election Day", "Election Night": a title word, then a time)
	}
	if t == 0 && !m.strong && j+1 < len(toks) && toks[j].text == "," && toks[j+1].text == "which" && !allPlaces(name) {
		// "Prairieline Tabulation, which makes the scanners,": a thing or a body, no one.
		m.kind, m.tokens = Organization, trimArticles(words)
		return s.keepRun(m)
	}
	if t == 0 && len(name) == 1 && i == 0 && j < len(toks) && toks[j].text == ":" && isAllCaps(name[0]) {
		return nil // "CLAIM:", "RATING:": a label; a speaker's label is read as one (labelledSpeakers)
	}
	if len(name) >= 2 && !isGivenName(name[0]) && lexicon.roleNouns.hasLower(name[len(name)-1]) {
		return nil // "the Chief Electoral Officer": a post, no one's name
	}
	if t == 0 && len(name) == 1 && atSentenceStart(toks, i) && strings.HasSuffix(name[0], "s") && lexicon.roleNouns.hasLower(strings.TrimSuffix(name[0], "s")) {
		return nil // "Prosecutors say", "Voters were told": people by what they are
	}
	if (t == 0 || !hasPersonTitle(words[:t])) && !m.strong && institutionContext(toks, m.first, m.end) {
		m.kind, m.tokens = Organization, trimArticles(words)
		return s.keepRun(m)
	}
	for _, w := range name {
		if lexicon.orgHeads.has(w) && len(name) > 1 || w == "of" || w == "for" || w == "the" || w == "&" || isContraction(w) {
			return nil // a name does not hold these: something this reader does not know
		}
	}
	if t == 0 && len(name) == 1 && j+1 < len(toks) && toks[j].text == "," && lexicon.places.has(toks[j+1].text) && !lexicon.firstNames.has(name[0]) {
		return nil // "the city clerk of Fairhaven, Minnesota": a town
	}
	if t == 0 && len(words) == 1 && !m.strong && i > 0 && toks[i-1].text == "the" && !isGivenName(name[0]) && !lexicon.places.has(name[0]) && !isAllCaps(name[0]) && !isOutletSlot(toks, i) {
		// "reviewed by the Sentinel", "the Pennock findings": no one is "the" and one word.
		// (An outlet is read where it is one: "an interview with the Courier".)
		return nil
	}
	if t == 0 && len(name) <= 2 && !m.strong && j+1 < len(toks) && toks[j].text == "," && toks[j+1].text == "where" && !isGivenName(name[0]) {
		return nil // "headed for Eastport, where the clerk had called": a place
	}
	if t == 0 && len(name) == 1 && !m.strong && j < len(toks) && isDigitStart(toks[j].text) {
		return nil // "Ward 14", "Wards 14, 15 and 22", "Precinct 12": a numbered place
	}
	m.titles = words[:t]
	m.tokens = name
	m.kind = Person
	if tag, end := partyTag(toks, j); tag != "" || apTag(toks, j) != "" {
		if tag == "" {
			tag, end = apTag(toks, j), j+2 // "Roe, D-Minn., said": keep the comma after the tag outside
		}
		m.roles = append(m.roles, tag)
		m.end = end
		m.strong = true
	}
	if t > 0 && hasPersonTitle(m.titles) {
		m.strong = true
		m.roles = append([]string{titleRole(m.titles)}, m.roles...)
	} else if t > 0 && (lexicon.firstNames.has(name[0]) || plainName(name) && !honorifics[m.titles[len(m.titles)-1]]) {
		m.roles = append([]string{titleRole(m.titles)}, m.roles...)
	}
	switch {
	case len(name) >= 2 && (last == "Democrat" || last == "Republican") && (allPlaces(name[:len(name)-1]) || slices.Contains(m.titles, "St.")):
		return nil // "New York Democrat", "St. Louis Democrat" describe a person; they are not one
	case len(name) >= 2 && (isGivenName(name[0]) || isInitial(name[0]) && len(name) >= 2):
		m.strong = true
	}
	if role := rolePhraseBefore(toks, m.first); role != "" {
		m.roles = append(m.roles, role)
		// "the engineer Joaquín Echeverría Saavedra", "spokeswoman Bettina Lorimer": a
		// post right before an unfamiliar full name makes it a person.
		m.strong = m.strong || plainName(name)
	} else if role := appositionBefore(p, toks, m.first, m.end); role != "" {
		m.roles = append(m.roles, role)
		// "Meridian’s chief executive, Alistair Penhallow": a role set before a name makes
		// an unfamiliar two- or three-word name a person, as one set after it does.
		m.strong = m.strong || plainName(name)
	}
	if role := appositionAfter(p, toks, m.end); role != "" {
		// "Jena Griswold, Colorado's secretary of state,": a role in apposition makes an
		// unfamiliar two- or three-word name a person.
		if !m.strong && namesRole(role) && plainName(name) {
			m.strong = true
		}
		if m.strong || len(name) == 1 && namesRole(role) {
			// A bare surname's post goes with it to the person it turns out to be.
			m.roles = append(m.roles, role)
		}
	}
	if role := roleClauseAfter(p, toks, m.end); role != "" && (m.strong || plainName(name) || len(name) == 1) {
		// "Ruthanne Sobczak served as Merrow County clerk", "Camila Ostrander, who leads
		// the sheriff's cyber crimes unit,": a post held, said with a verb; it makes an
		// unfamiliar full name a person ("Kinsella has been …" is whoever Kinsella is).
		m.strong = m.strong || len(name) > 1
		m.roles = append(m.roles, role)
	}
	if !m.strong && plainName(name) && (ageAfter(toks, m.end) || m.first == 1 && isDash(toks[0].text) ||
		m.first >= 2 && toks[m.first-1].text == "named" && lexicon.roleNouns.hasLower(toks[m.first-2].text) || // "a voter named Evadne Szabo-Rinehart"
		m.first >= 2 && toks[m.first-1].text == ":" && strings.EqualFold(toks[m.first-2].text, "contact")) {
		// "Eufemia Ccori Huamán, 58, who sells potatoes": an age is a person's. So is a
		// name that signs a letter on a line of its own, "— Juniper Oakhurst, Carden", or
		// that a press release gives to call: "Media contact: Soren Ashdown".
		m.strong = true
	}
	if !m.strong {
		for _, w := range name {
			if lexicon.places.has(w) || lexicon.common.has(w) || lexicon.nouns.has(w) || lexicon.titles.has(w) || isAllCaps(w) && len(w) <= 4 || isPartyTag(w) {
				if t == 0 && len(name) >= 2 && !isGivenName(name[0]) && !allPlaces(name) && !isPlaceName(name) && !partyPrefixed(name[0]) && (speechNext(toks, m.end-1) || speechNext(toks, m.first) || m.end < len(toks) && toks[m.end].text == "," && speechNext(toks, m.end)) {
					// "Ohio Verified Vote said": no one's name, and it speaks; a body.
					m.kind, m.tokens = Organization, name
					return s.keepRun(m)
				}
				return nil
			}
		}
	}
	return s.keepRun(m)
}

// ageAfter reports whether an age set off by commas follows toks[end-1]: "Roe, 58,".
func ageAfter(toks []token, end int) bool {
	if end+2 >= len(toks) || toks[end].text != "," || toks[end+2].text != "," {
		return false
	}
	n, err := strconv.Atoi(toks[end+1].text)
	return err == nil && n >= 16 && n <= 110
}

func isDash(w string) bool { return w == "—" || w == "–" }

// roleClauseAfter reads a post a verb gives the person named before it: "served as
// Merrow County clerk", ", who leads the sheriff's cyber crimes unit,". The post must
// hold a role noun, or be what someone leads.
func roleClauseAfter(p string, toks []token, end int) string {
	k := end
	if k+3 < len(toks) && toks[k].text == "," && isDigitStart(toks[k+1].text) && len(toks[k+1].text) <= 3 && toks[k+2].text == "," {
		k += 3 // "Kinsella, 63, has been …"
	}
	leads := false
	switch {
	case k+2 < len(toks) && (toks[k].text == "served" || toks[k].text == "serves") && toks[k+1].text == "as":
		k += 2
	case k+2 < len(toks) && (toks[k].text == "has" || toks[k].text == "had") && toks[k+1].text == "been":
		k += 2 // "Kinsella has been Harrow County's elections director since 1995"
	case k+2 < len(toks) && (toks[k].text == "is" || toks[k].text == "was" || toks[k].text == "became" || toks[k].text == "becomes") && (articles[toks[k+1].text] || isPossessive(toks[k+1].text) || isCapitalized(toks[k+1].text)):
		k++ // "Roe is the county's elections director", "When Roe became Iowa's state elections director"; not "Roe was asked what advice …"
	case k+3 < len(toks) && (toks[k].text == "was" || toks[k].text == "is") && (toks[k+1].text == "named" || toks[k+1].text == "appointed" || toks[k+1].text == "elected"):
		k += 2 // "Roe was named interim director in May"
	case k+3 < len(toks) && toks[k].text == "," && toks[k+1].text == "who" && leadVerbs[toks[k+2].text]:
		k, leads = k+2, true
	case k+4 < len(toks) && toks[k].text == "spent" && isDigitStart(toks[k+1].text) && toks[k+2].text == "years" && toks[k+3].text == "as":
		k += 4 // "Everard Vandermeer spent 24 years as sheriff of Ashkettle County"
	default:
		return ""
	}
	if k < len(toks) && (toks[k].text == "the" || toks[k].text == "a" || toks[k].text == "an") {
		k++
	}
	start := k
	role := false
	last := -1 // the last role noun
	for ; k < len(toks) && k-start < 10; k++ {
		t := toks[k]
		if t.kind != tokWord || t.sentEnd || t.inQuote || k > start && (t.text == "for" || t.text == "until" || t.text == "since" || t.text == "when" || t.text == "and" || !leads && (t.text == "in" || t.text == "after" || t.text == "before")) {
			break
		}
		if lexicon.roleNouns.hasLower(t.text) {
			role, last = true, k
		}
	}
	if k == start || !role && !leads || leads && (k >= len(toks) || toks[k].text != ",") {
		return ""
	}
	if !leads && last+1 < k && toks[last+1].text != "of" {
		k = last + 1 // "Iowa's state elections director", not "… director last spring"
	}
	return p[toks[start].start:toks[k-1].end]
}

// leadVerbs say what someone leads: "who leads the unit".
var leadVerbs = map[string]bool{"leads": true, "heads": true, "runs": true, "chairs": true, "directs": true, "oversees": true, "manages": true}

// plainName reports whether name, of two or three words, holds none the word lists know
// as something else than a name.
func plainName(name []string) bool {
	return len(name) >= 2 && len(name) <= 3 && !slices.ContainsFunc(name, func(w string) bool {
		return lexicon.common.has(w) || lexicon.places.has(w) || lexicon.nouns.has(w) || lexicon.titles.has(w) || lexicon.orgHeads.has(w)
	})
}

// institutionContext reports whether the words around a name that is no person's by shape
// say it names an institution: "researchers at Brightwater Security", "campaigners from
// Open Ballot Britain", "a group calling itself BlackQuarry", "Granitefall, a forensic
// firm,".
func institutionContext(toks []token, first, end int) bool {
	// "researchers at Brightwater Security"; not "a retired postal worker from Decatur,", a town.
	hometown := first >= 1 && toks[first-1].text == "from" && end == first+1 && (end == len(toks) || toks[end].text == "," || toks[end].sentEnd)
	if first >= 2 && (toks[first-1].text == "at" || toks[first-1].text == "from") && toks[first-2].kind == tokWord && !hometown {
		if w := strings.ToLower(stripPossessive(toks[first-2].text)); lexicon.groups[w] || lexicon.roleNouns.has(strings.TrimSuffix(w, "s")) {
			return true
		}
	}
	if first >= 2 && toks[first-1].text == "itself" && (toks[first-2].text == "calling" || toks[first-2].text == "calls") {
		return true
	}
	if first >= 2 && toks[first-1].text == "of" && headsOf[toks[first-2].text] && !isGivenName(toks[first].text) {
		return true // "Nora Pope, president of Verified Voting"
	}
	if first >= 1 && (institutionNouns[toks[first-1].text] || first >= 2 && toks[first-1].text == "," && (institutionNouns[toks[first-2].text] || institutionNouns[strings.TrimSuffix(toks[first-2].text, "s")] && end < len(toks) && toks[end].text == ",")) {
		return true // "the activist group Citizens for Clean Counts", "a forensic firm, Granitefall Incident Response,", "the largest of those vendors, Tally Harbor,"
	}
	// "Brightwater, a forensic firm,", "Loopline, the video-sharing app where …"; not "Dwight
	// Lamoreaux, the county party chairman".
	if end+2 < len(toks) && toks[end].text == "," && (toks[end+1].text == "a" || toks[end+1].text == "an" || toks[end+1].text == "the" && !isGivenName(toks[first].text)) {
		for k := end + 2; k < len(toks) && k <= end+6 && toks[k].kind == tokWord; k++ {
			if institutionNouns[toks[k].text] {
				return k+1 >= len(toks) || !lexicon.roleNouns.has(toks[k+1].text)
			}
			if lexicon.roleNouns.has(toks[k].text) && !(k+1 < len(toks) && institutionNouns[toks[k+1].text]) || prepositions[toks[k].text] {
				break // "Zebulon Yarrow, a spokesman for the Callowhill campaign": a person's post; not "a volunteer group"
			}
		}
	}
	return false
}

// headsOf are the posts at the head of an institution, named after "of": "president of
// Verified Voting", "founder of Ballot Watch".
var headsOf = map[string]bool{"president": true, "founder": true, "co-founder": true, "cofounder": true, "chairman": true,
	"chairwoman": true, "spokesman": true, "spokeswoman": true, "spokesperson": true}

// localBodies are the bodies a place's name may open in lower case: "the Luzerne County
// board of elections", "the Dane County elections office".
var localBodies = map[string]bool{"board": true, "office": true, "commission": true, "council": true, "department": true, "committee": true}

// localBodyAfter returns the end of a lower-case body's name after a place's at toks[j]:
// up to "board", "office" … and an "of …" after it ("board of elections", "board of
// supervisors"); or j when none follows.
func localBodyAfter(toks []token, j int) int {
	for k := j; k < len(toks) && k < j+3 && toks[k].kind == tokWord && !toks[k].inQuote; k++ {
		w := toks[k].text
		if !isLowerASCII(w[0]) {
			return j
		}
		if localBodies[w] {
			if k+2 < len(toks) && toks[k+1].text == "of" && toks[k+2].kind == tokWord && isLowerASCII(toks[k+2].text[0]) {
				return k + 3
			}
			return k + 1
		}
		if w != "elections" && w != "election" && w != "county" && w != "city" && w != "state" && w != "sheriff's" {
			return j
		}
	}
	return j
}

// institutionNouns say what an institution is, in apposition to its name.
var institutionNouns = map[string]bool{"firm": true, "company": true, "nonprofit": true, "organization": true, "organisation": true,
	"group": true, "coalition": true, "watchdog": true, "charity": true, "startup": true, "vendor": true, "contractor": true,
	"agency": true, "campaign": true, "network": true, "lab": true, "laboratory": true, "institute": true, "consultancy": true,
	"union": true, "association": true, "alliance": true, "party": true, "app": true, "platform": true, "website": true,
	"manufacturer": true, "maker": true, "provider": true}

func indexOf(ws []string, w string) int {
	for i, x := range ws {
		if x == w {
			return i
		}
	}
	return -1
}

// isPlaceName reports whether words name a county, city or the like: "Cook County".
func isPlaceName(ws []string) bool {
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	switch ws[len(ws)-1] {
	case "County", "City", "Parish", "Township", "Borough", "Village", "Town":
		return true
	}
	return false
}

func allPlaces(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !lexicon.places.has(w) && w != "of" && w != "the" {
			return false
		}
	}
	return true
}

func allCommon(ws []string) bool {
	for _, w := range ws {
		if !lexicon.common.has(w) && !lexicon.titles.has(w) && !lexicon.nouns.has(w) {
			return false
		}
	}
	return true
}

func isAllCaps(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func trimArticles(ws []string) []string {
	for len(ws) > 1 && (ws[0] == "The" || ws[0] == "the") {
		ws = ws[1:]
	}
	return ws
}

// isOrganization reports whether a run names an institution: it ends in a word such as
// "Committee" or "Department", or it is "Department of …".
func isOrganization(ws []string) bool {
	last := ws[len(ws)-1]
	if lexicon.orgHeads.has(last) && !(len(ws) > 1 && lexicon.titles.has(ws[len(ws)-2]) && personTitleWords[ws[len(ws)-2]]) {
		return true
	}
	for _, joiner := range []string{"of", "for", "on"} {
		if k := indexOf(ws, joiner); k > 0 && lexicon.orgHeads.has(ws[k-1]) && k+1 < len(ws) {
			return true // "Department of Justice", "Center for Fair Counts", "Committee on Rules"
		}
	}
	return len(ws) >= 2 && lexicon.orgLeads.has(ws[0]) // "Frente Regional Independiente"
}

// standaloneOrgs are organisation words that name one institution on their own.
var standaloneOrgs = map[string]bool{"Congress": true, "Senate": true, "House": true, "Treasury": true, "Pentagon": true,
	"Kremlin": true, "Parliament": true, "Legislature": true, "Reuters": true}

// personTitleWords are title words that only ever stand before a person.
var personTitleWords = map[string]bool{
	"Sen.": true, "Sens.": true, "Senator": true, "Senators": true, "Rep.": true, "Reps.": true, "Representative": true,
	"Representatives": true, "Gov.": true, "Governor": true, "Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Prof.": true, "Professor": true,
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Premier": true, "Hon.": true,
	"President": true, "Secretary": true, "Leader": true, "Speaker": true, "Chairman": true, "Chairwoman": true,
	"Director": true, "Mayor": true, "Judge": true, "Ambassador": true, "AG": true, "General": true, "Counsel": true,
	"Commissioner": true, "Minister": true, "Congressman": true, "Congresswoman": true, "Spokesman": true,
	"Spokeswoman": true, "Spokesperson": true, "Rev.": true, "Gen.": true, "Lt.": true, "Col.": true, "Capt.": true,
	"Sgt.": true, "Adm.": true, "Del.": true, "Whip": true, "Chair": true, "Chancellor": true, "Sheriff": true,
	"Attorney": true, "Justice": false, "Miss": true, "Mx.": true, "Sir": true, "Dame": true, "Chief": true,
	"Ald.": true, "Alderman": true, "Alderwoman": true, "Alder": true, "Supervisor": true, "Councilor": true,
	"Councilman": true, "Councilwoman": true, "Assemblyman": true, "Assemblywoman": true, "Clerk": true, "Recorder": true,
	"Member": true, "Councillor": true, "Cllr": true, "Cllr.": true, "Barr.": true, "Engr.": true, "Alhaji": true, "Alhaja": true,
	"Adv.": true, "Shri": true, "Smt.": true, "Herr": true, "Frau": true, "Mme": true, "Mme.": true, "Consejera": true,
	"Consejero": true, "Ing.": true, "Lic.": true, "Dra.": true, "Sra.": true, "Taoiseach": true, "Tánaiste": true, "Tanaiste": true, "Attorney-General": true, "Solicitor-General": true,
}

// ledBodies are the lower-case nouns that, after a leader's name, name an institution.
var ledBodies = map[string]bool{"administration": true, "campaign": true, "government": true}

// isAgencyInitials reports whether w is written as an institution's initials: two to six
// capital letters, not a state, a place or a party tag ("FBI", "CISA"; not "US", "NY").
func isAgencyInitials(w string) bool {
	if len(w) < 2 || len(w) > 6 || lexicon.places.has(w) || isStateCode(w) && len(w) == 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isUpperASCII(w[i]) {
			return false
		}
	}
	return true
}

// lastPersonTitle returns the index of the last word of words that titles a person
// ("Chairman", "Sen."), or -1.
func lastPersonTitle(words []string) int {
	for k := len(words) - 1; k >= 0; k-- {
		if personTitleWords[words[k]] {
			return k
		}
	}
	return -1
}

// isTitleWord reports whether words[k] continues a title at the front of a run.
func isTitleWord(words []string, k int) bool {
	w := words[k]
	if !lexicon.titles.has(w) {
		// A demonym or party before a title belongs to it ("Russian President").
		// So does a body's name: "Council Member", "Board President".
		if (lexicon.places.has(w) || w == "Democratic" || w == "Republican" || lexicon.orgHeads.has(w)) && k+1 < len(words) && lexicon.titles.has(words[k+1]) && personTitleWords[words[k+1]] {
			return true
		}
		return false
	}
	return true
}

// calendarWords end the names of days and seasons that open with a word of a title.
var calendarWords = map[string]bool{"Day": true, "Night": true, "Week": true, "Eve": true, "Season": true}

// roleWordBefore reports whether w, the one word before a given name, may be a role: a
// word the lists know ("Commissioners", "Minister"), not one they do not, which is more
// likely a given name of its own ("Luiz Antônio do Amaral Vilela").
func roleWordBefore(w string) bool {
	return lexicon.titles.has(w) || lexicon.roleNouns.hasLower(strings.TrimSuffix(w, "s")) || lexicon.common.has(w) || lexicon.nouns.has(w) ||
		lexicon.orgHeads.has(w) || lexicon.places.has(w) || !isCapitalized(w) || isAllCaps(w)
}

func hasPersonTitle(titles []string) bool {
	for _, t := range titles {
		if personTitleWords[t] {
			return true
		}
	}
	return false
}

// titleAbbreviations spell out the abbreviated titles newspapers use.
var titleAbbreviations = map[string]string{
	"Sen.": "Senator", "Sens.": "Senator", "Senators": "Senator", "Rep.": "Representative", "Reps.": "Representative",
	"Gov.": "Governor", "Lt.": "Lieutenant", "AG": "Attorney General", "Atty.": "Attorney", "Gen.": "General",
	"Prof.": "Professor", "Rev.": "Reverend", "Col.": "Colonel", "Capt.": "Captain", "Sgt.": "Sergeant",
	"Adm.": "Admiral", "Del.": "Delegate", "Sec.": "Secretary", "Supt.": "Superintendent", "Attorneys": "Attorney",
	"Generals": "General", "Cllr": "Councillor", "Cllr.": "Councillor",
}

// honorifics are courtesy titles, not roles.
var honorifics = map[string]bool{"Mr.": true, "Mrs.": true, "Ms.": true, "Miss": true, "Mx.": true, "Dr.": true, "Sir": true, "Dame": true,
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Hon.": true, // British style writes them with no full stop
	"Herr": true, "Frau": true, "Mme": true, "Mme.": true, "Sra.": true, "Dra.": true} // and other languages

// titleRole turns the title words before a name into a role: "Sens." → "Senator".
func titleRole(titles []string) string {
	var out []string
	for _, t := range titles {
		if honorifics[t] {
			continue
		}
		if full, ok := titleAbbreviations[t]; ok {
			t = full
		} else if one := strings.TrimSuffix(t, "s"); one != t && personTitleWords[one] {
			t = one // "Commissioners Horace Quillfeather and …": each a commissioner
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

// partyTag reads a party-state tag such as "(D-N.Y.)" or a bare state "(Ill.)" at toks[j].
func partyTag(toks []token, j int) (string, int) {
	if j+2 >= len(toks) || toks[j].text != "(" || toks[j+2].text != ")" {
		// "(D-Va.)" may tokenise as one word between brackets; anything longer is not a tag.
		return "", j
	}
	w := toks[j+1].text
	if isPartyTag(w) {
		return w, j + 3
	}
	if lexicon.places.has(w) && (strings.HasSuffix(w, ".") || len(w) > 3) {
		return w, j + 3
	}
	return "", j
}

// apTag reads a party-state tag set off by commas, as some styles write it: ", D-Minn.,".
func apTag(toks []token, j int) string {
	if j+2 < len(toks) && toks[j].text == "," && isPartyTag(toks[j+1].text) && (toks[j+2].text == "," || toks[j+2].sentEnd) {
		return toks[j+1].text
	}
	return ""
}

// isStateCode reports whether w names a state as datelines write it: "Texas", "N.M.", "NM".
func isStateCode(w string) bool {
	return lexicon.places.has(w) || len(w) == 2 && isUpperASCII(w[0]) && isUpperASCII(w[1]) // "IL", not an age: "Roe, 54,"
}

// isPartyTag reports whether w reads like "D-N.Y." or "R-Fla.".
func isPartyTag(w string) bool {
	return len(w) >= 3 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-' && isUpperASCII(w[2])
}

// atSentenceStart reports whether toks[i] starts a sentence or a quotation.
func atSentenceStart(toks []token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch {
		case toks[k].kind == tokOpenQ || toks[k].text == "(" || toks[k].text == "—" || toks[k].text == ":":
			return true
		case toks[k].sentEnd:
			return true
		case toks[k].kind == tokCloseQ:
			continue
		}
		return false
	}
	return true
}

// isCallSign reports whether w is an American broadcaster's call sign: K or W and three
// more capitals, maybe with its band ("WKVN-TV", "KQED-FM").
func isCallSign(w string) bool {
	base, band, _ := strings.Cut(w, "-")
	if band != "" && band != "TV" && band != "FM" && band != "AM" && band != "DT" {
		return false
	}
	return len(base) == 4 && (base[0] == 'K' || base[0] == 'W') && allUpperASCII(base)
}

// personOf reports whether words[:k], before an "of" at k, read as a person's name: a
// given name and a surname, or a title and a name ("Sen. Marcus Oduya of …").
func personOf(words []string, k int) bool {
	if k < 2 || k >= len(words)-1 || !isCapitalized(words[k-1]) || lexicon.orgHeads.has(words[k-1]) || lexicon.titles.has(words[k-1]) {
		return false
	}
	return lexicon.firstNames.has(words[k-2]) || personTitleWords[words[0]] && !lexicon.orgHeads.has(words[k-2])
}

// particlesBefore takes into a person's name the lower-case particles that open it where
// the given name is left out: "von der Mühlen said", "de los Santos said".
func particlesBefore(toks []token, covered []bool, m *mention) {
	if m.kind != Person || len(m.tokens) != 1 || len(m.titles) > 0 {
		return
	}
	k := m.first
	for k > 0 && !covered[k-1] && toks[k-1].kind == tokWord && nameParticles[toks[k-1].text] {
		k--
	}
	if k == m.first || k > 0 && toks[k-1].kind == tokWord && isCapitalized(toks[k-1].text) {
		return // "Karl von Mühlen" is read as a whole elsewhere
	}
	words := make([]string, 0, m.first-k+1)
	for _, t := range toks[k:m.first] {
		words = append(words, t.text)
	}
	m.tokens, m.first = append(words, m.tokens...), k
}

// particleCount is how many of ws are lower-case name particles ("de", "los").
func particleCount(ws []string) int {
	n := 0
	for _, w := range ws {
		if nameParticles[w] {
			n++
		}
	}
	return n
}

// isGivenName reports whether w is a given name the word lists know, or two joined by a
// hyphen whose first is ("Karl-Heinz", "Jean-Luc", "Mary-Kate").
func isGivenName(w string) bool {
	if lexicon.firstNames.has(w) {
		return true
	}
	first, _, ok := strings.Cut(w, "-")
	return ok && len(first) >= 2 && lexicon.firstNames.has(first)
}

// isContraction reports whether w is a word run into the next ("You've", "I'm",
// "Don't"), which no name is; "O'Neil" and "D'Amato" are names.
func isContraction(w string) bool {
	if strings.IndexByte(w, '\'') < 0 && strings.IndexByte(w, 0xE2) < 0 { // no ' and no ’ (E2 80 99)
		return false
	}
	i := strings.LastIndexAny(w, "'’")
	if i < 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(w[i:])
	switch w[i+size:] {
	case "ve", "re", "ll", "m", "d", "t":
		return true
	}
	return false
}

// isSentenceStarter reports whether a capitalised word at a sentence's start is an ordinary
// word rather than a name: an adverb, a gerund or a participle ("Unfortunately", "Prioritizing", "Led").
func isSentenceStarter(w string) bool {
	if lexicon.firstNames.has(w) {
		return false
	}
	var buf [inlineWord]byte
	l := lowerInto(buf[:], w) // in buf for the usual short ASCII word, with no new string
	if l == nil || !isASCII(w) {
		l = []byte(strings.ToLower(w))
	}
	return bytes.HasSuffix(l, []byte("ly")) || bytes.HasSuffix(l, []byte("ing")) || bytes.HasSuffix(l, []byte("ed")) && len(l) <= 6 || lexicon.verbs.isForm(l)
}

// roleStops end a role phrase read backwards from a name.
var roleStops = map[string]bool{
	"after": true, "before": true, "came": true, "about": true, "over": true, "under": true, "against": true,
	"than": true, "when": true, "while": true, "since": true, "if": true, "because": true, "were": true, "are": true,
	"the": true, "a": true, "an": true, "by": true, "to": true, "of": true, "and": true, "or": true, "with": true,
	"that": true, "said": true, "says": true, "from": true, "for": true, "in": true, "on": true, "at": true, "as": true,
	"who": true, "whose": true, "whom": true, "which": true,
	"including": true, "like": true, "told": true, "is": true, "was": true, "but": true, "his": true, "her": true, "their": true,
}

// namesRole reports whether a phrase holds a noun for what a person does ("secretary",
// "professor"), not for a thing ("a progressive magazine").
func namesRole(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		if lexicon.roleNouns.hasLower(strings.Trim(w, ",.’'")) {
			return true
		}
	}
	return false
}

// rolePhraseBefore reads a lower-case role phrase ending just before a name:
// "national security adviser", "former special counsel", "Democratic candidate".
func rolePhraseBefore(toks []token, first int) string {
	k := first - 1
	if k < 0 || toks[k].kind != tokWord || !lexicon.roleNouns.hasLower(toks[k].text) {
		return ""
	}
	start := k
	lower := false // the first word is capitalised only because it opens the sentence
	for start > 0 && first-start < 5 {
		w := toks[start-1]
		if w.kind != tokWord || roleStops[strings.ToLower(w.text)] {
			break
		}
		if isCapitalized(w.text) && !(w.text == "Democratic" || w.text == "Republican" || lexicon.places.has(w.text)) {
			if b := bodyBefore(toks, start); b < start {
				start = b // "FBI spokesperson Ignatz Quintero": the body the post serves
				break
			}
			// "Defense attorney Maria Lopez", "Election official Jane Roe"
			if opens := start-1 == 0 || toks[start-2].sentEnd || toks[start-2].kind == tokOpenQ; opens && (lexicon.titles.has(w.text) || lexicon.nouns.has(w.text)) {
				start--
				lower = true
			}
			break
		}
		start--
	}
	var parts []string
	for _, t := range toks[start:first] {
		parts = append(parts, t.text)
	}
	if lower {
		parts[0] = strings.ToLower(parts[0])
	}
	return strings.Join(parts, " ")
}

// partyPrefixed reports whether w opens a party-and-home tag: "R-Fergus" in "Sen. Dwight
// Kessel, R-Fergus Falls, said".
func partyPrefixed(w string) bool {
	return len(w) > 2 && w[1] == '-' && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I')
}

// partyPost reports whether toks[k] is a party's member named as a post: "the committee's
// ranking Republican", "the panel's top Democrat".
func partyPost(toks []token, k int) bool {
	w := toks[k].text
	return (w == "Republican" || w == "Democrat") && k > 0 && (toks[k-1].text == "ranking" || toks[k-1].text == "top" || toks[k-1].text == "senior")
}

// bodyBefore returns where the name of an institution ending just before toks[at] starts,
// or at when none does: a post's words may begin with the body it serves ("FBI
// spokesperson", "Virginia State Police spokeswoman", "Tallowmere Systems spokesman").
// The name is an agency's initials, one word that names one institution ("Senate"), or
// more words that end in an institution's word; the words before it are no part of it.
// ("Board chairman Thaddeus Kilgore" opens a sentence: its board is no name.)
func bodyBefore(toks []token, at int) int {
	k := at
	for k > 0 && at-k < 5 && toks[k-1].kind == tokWord && !toks[k-1].inQuote && (isCapitalized(toks[k-1].text) || toks[k-1].text == "of") && !articles[strings.ToLower(toks[k-1].text)] {
		k--
	}
	for k < at && toks[k].text == "of" {
		k++
	}
	if k == at || isPossessive(toks[at-1].text) || k > 0 && toks[k-1].kind == tokWord && !toks[k-1].sentEnd && isCapitalized(toks[k-1].text) && !articles[strings.ToLower(toks[k-1].text)] {
		return at
	}
	words := make([]string, 0, at-k)
	for _, t := range toks[k:at] {
		words = append(words, t.text)
	}
	if len(words) == 1 && (isAgencyInitials(words[0]) || standaloneOrgs[words[0]]) || len(words) > 1 && isOrganization(words) && !personTitleWords[words[len(words)-1]] {
		return k
	}
	return at
}

// appositionBefore reads a role that opens a sentence, a clause or an attribution after a
// quotation, and that a name set off by commas follows: "The governor's spokesman, Tom
// Reyes, said"; "“…,” the group's founder, Jane Roe, said"; "In an interview, the
// secretary of state, Jocelyn Benson, said".
func appositionBefore(p string, toks []token, first, end int) string {
	if end < len(toks) && toks[end].text == "(" {
		// "Nevada's secretary of state, Thaddeus Whitlock-Ramos (@NVSOSWhitlock), weighed in":
		// a handle or an initialism in brackets after the name.
		for k := end + 1; k < len(toks) && k <= end+4; k++ {
			if toks[k].text == ")" {
				end = k + 1
				break
			}
		}
	}
	comma := first - 1
	if comma >= 2 && toks[comma].text == "the" && toks[comma-1].text == "," {
		comma-- // "The Premier, the Hon. Honora Ashcombe MLA,"
	}
	if comma < 1 || toks[comma].text != "," || end >= len(toks) || toks[end].text != "," && !toks[end].sentEnd {
		return ""
	}
	noun := comma - 1
	head := noun // the role noun: the last word, or the one before "of …" ("secretary of state")
	if noun >= 2 && toks[noun-1].text == "of" {
		head = noun - 2
	}
	if toks[noun].kind != tokWord {
		return ""
	}
	if !lexicon.roleNouns.hasLower(toks[head].text) && !partyPost(toks, head) {
		// "A spokeswoman for the elections board, Lena Ortiz, said": the role noun before
		// the place it serves; "The minister responsible for electoral matters, Mr Fergus
		// Attwater-Lim, said".
		head = -1
		for k := noun - 2; k >= 0 && noun-k <= 7 && toks[k+1].kind == tokWord; k-- {
			if w := toks[k+1].text; (w == "for" || w == "at" || w == "with" || w == "of" || w == "responsible") && lexicon.roleNouns.hasLower(toks[k].text) {
				head = k
				break
			}
		}
		if head < 0 {
			return ""
		}
	}
	start := head
	for start > 0 && comma-start < 6 {
		w := toks[start-1]
		if w.kind != tokWord || isCapitalized(w.text) && !isPossessive(w.text) && (!lexicon.titles.has(w.text) || w.text == "The") || roleStops[w.text] || determiners[w.text] {
			break // a title word may open it: "The Opposition leader, Angus Treloar,"
		}
		start--
	}
	if k := start; k > 0 {
		// "A Loopline spokeswoman, Renee Castillo,": a body's name inside the role, after "a".
		for k > 0 && start-k < 3 && toks[k-1].kind == tokWord && isCapitalized(toks[k-1].text) && !articles[strings.ToLower(toks[k-1].text)] && !lexicon.titles.has(toks[k-1].text) {
			k--
		}
		if k < start && k > 0 && articles[strings.ToLower(toks[k-1].text)] {
			start = k
		} else {
			start = bodyBefore(toks, start) // "A Virginia State Police spokeswoman, Sgt. …,"
		}
	}
	opens := start
	if w := strings.ToLower(toks[opens-min(opens, 1)].text); opens > 0 && (w == "the" || w == "a" || w == "an" || determiners[w]) {
		opens-- // "The governor's spokesman", "Our elections manager"
	}
	if isPossessive(toks[opens].text) && isCapitalized(toks[opens].text) {
		// "Brandt Ashdale's lawyer, Fergus Lindqvist,": the whole owner's name opens it.
		for opens > 0 && toks[opens-1].kind == tokWord && isCapitalized(toks[opens-1].text) && opens > start-4 {
			opens--
		}
	}
	// A name that ends the sentence is the role's wherever the role stands: "… wrote to
	// Meridian’s chief executive, Alistair Penhallow."
	// So is a name a relative clause goes on about: "… came from the county's IT
	// director, Obadiah Lisle, who was called by the plaintiffs."
	relative := end+1 < len(toks) && (toks[end+1].text == "who" || toks[end+1].text == "whose" || toks[end+1].text == "that") // "… wrote to the state's elections commissioner, Dorothea Ransome, that …"
	// And one an institution's "whose" gives the post: "the tribunal, whose president,
	// Teodoro Yupanqui Arce, is expected to rule".
	relative = relative || opens > 0 && toks[opens-1].text == "whose"
	// A role that opens with "my" or "our" names whoever it stands beside: "When I ran this
	// idea past my deputy, Ignacio Letourneau-Sauer, …". Nor is a role joined to another
	// subject cut off: "Secretary of State Marit Hovland-Ezeji and the state's chief
	// information security officer, Cyprian Lennox-Halloran, spent …".
	owned := determiners[strings.ToLower(toks[opens].text)] && toks[opens].text != "that" && toks[opens].text != "this"
	if before := opens - 1; before >= 0 && !owned && !toks[end].sentEnd && !relative && !toks[before].sentEnd && toks[before].kind != tokOpenQ && toks[before].kind != tokCloseQ && toks[before].text != "," && toks[before].text != ":" && toks[before].text != "and" {
		return "" // "After meeting the spokesman, Tom Reyes, said": not where a sentence, a clause or an attribution starts
	}
	if w := strings.ToLower(toks[opens].text); w == "his" || w == "her" || w == "their" {
		// "Her spokesman, Tobias Reyna,": whose spokesman the paragraph says (ownRoles).
		return p[toks[opens].start:toks[noun].end]
	}
	return p[toks[start].start:toks[noun].end]
}

// determiners are the possessive words that may open a role: "our elections manager".
var determiners = map[string]bool{"our": true, "their": true, "his": true, "her": true, "its": true, "my": true, "your": true,
	"that": true, "this": true} // "That member, Alaric Dempster,"

// appositionAfter reads ", an election security expert," after a name: a phrase set off by
// commas that describes the person.
func appositionAfter(p string, toks []token, end int) string {
	if end >= len(toks) || toks[end].text != "," {
		return ""
	}
	k := end + 1
	if k+2 < len(toks) && len(toks[k].text) <= 3 && isDigitStart(toks[k].text) && toks[k+1].text == "," {
		k += 2 // "Roe, 54, a former Army officer,": the age comes first
	}
	if k >= len(toks) || toks[k].kind != tokWord {
		return ""
	}
	first := toks[k].text
	startsRole := first == "a" || first == "an" || first == "the" || !isCapitalized(first) && lexicon.roleNouns.has(first)
	for j := k + 1; !startsRole && !isCapitalized(first) && j < len(toks) && j-k < 4 && toks[j].kind == tokWord && !isCapitalized(toks[j].text) && !articles[toks[j].text]; j++ {
		// "general counsel for the board", "chief information officer"; not "walked a
		// reporter through the log", a verb and its object.
		startsRole = lexicon.roleNouns.has(toks[j].text)
	}
	if poss := possessiveName(toks, k); !startsRole && poss >= 0 {
		// "Roe, Colorado's elections director, said", "Roe, Harrowgate County's clerk for
		// 11 years, said": a place's possessive opening a role.
		for j := poss + 1; j < len(toks) && j-k < 8 && toks[j].text != "," && !toks[j].sentEnd; j++ {
			startsRole = startsRole || lexicon.roleNouns.hasLower(toks[j].text)
		}
	}
	if !startsRole {
		// "New York Democrat"; "Oregon secretary of state", "Idaho chief deputy secretary of
		// state": a place, then a post in lower case.
		j := k
		for j < len(toks) && toks[j].kind == tokWord && lexicon.places.has(toks[j].text) {
			j++
		}
		post := false
		for l := j; j > k && l < len(toks) && l < j+4 && toks[l].kind == tokWord && isLowerASCII(toks[l].text[0]); l++ {
			post = post || lexicon.roleNouns.has(toks[l].text)
		}
		if !post && (j == k || j >= len(toks) || (toks[j].text != "Democrat" && toks[j].text != "Republican" && toks[j].text != "Independent")) {
			return ""
		}
	}
	for j := k; j < len(toks) && j-k < 25; j++ {
		if toks[j].kind == tokOpenQ || toks[j].kind == tokCloseQ {
			return ""
		}
		if toks[j].text == "," || toks[j].text == ":" || toks[j].sentEnd || relativePronouns[toks[j].text] && j > k+1 {
			// ", a state lawmaker who has pushed to ban them": the role ends where the
			// clause about it begins; "**Jane Roe, Oregon secretary of state:** “…”" where
			// the words begin.
			if j == k {
				return ""
			}
			first := k
			if w := toks[k].text; w == "a" || w == "an" || w == "the" {
				first = k + 1
			}
			if first > j-1 {
				return "" // ", the," describes no one
			}
			return p[toks[first].start:toks[j-1].end]
		}
		if lexicon.verbs.lemma(toks[j].text) != "" || finiteVerbs[toks[j].text] {
			return "" // a clause, not a noun phrase: "Mr. Roe, the modem was switched on, wasn't it?"
		}
		if j > k && toks[j].kind == tokWord && isCapitalized(toks[j].text) && !lexicon.roleNouns.hasLower(toks[j].text) && toks[j-1].kind == tokWord && lexicon.roleNouns.has(toks[j-1].text) {
			return "" // "The Ballot Line, host Wendeline Achterhof …": the post of the name after it
		}
	}
	return ""
}

// possessiveName returns the index of the possessive word that ends a capitalised name of
// up to three words starting at toks[k] ("Colorado's", "Harrowgate County's"), or -1.
func possessiveName(toks []token, k int) int {
	for j := k; j < len(toks) && j-k < 3 && toks[j].kind == tokWord && isCapitalized(toks[j].text); j++ {
		if isPossessive(toks[j].text) {
			return j
		}
	}
	return -1
}

// articles are the articles.
var articles = map[string]bool{"a": true, "an": true, "the": true}

// finiteVerbs are forms of "be", "have" and the modals, which no apposition holds.
var finiteVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "can": true, "could": true, "should": true, "may": true, "might": true, "must": true}

// findGroups finds collectives: "Senate Democrats", "Democratic senators", "the senators",
// "attorneys general for 22 states", "lawmakers".
func findGroups(para int, toks []token, s *scratch) []*mention {
	var out []*mention
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tokWord {
			continue
		}
		head, n := groupHeadAt(toks, i)
		if n == 0 {
			continue
		}
		if j := i + n; j < len(toks) && toks[j].kind == tokWord && lexicon.firstNames.has(toks[j].text) {
			continue // "Senators Ann Roe and Tim Poe": a title before names
		}
		if j := i + n; partOfName(toks, i) || isCapitalized(toks[i].text) && j < len(toks) && toks[j].kind == tokWord && isCapitalized(toks[j].text) &&
			!lexicon.common.has(toks[j].text) && !lexicon.firstNames.has(toks[j].text) {
			// "Association of Secretaries of State", "Association of State Clerks", "Election
			// Technology Vendors Council"
			continue
		}
		m := s.newMention()
		if name := s.acronyms[toks[max(i-1, 0)].text]; i > 0 && name != nil {
			// "EIRO officials said": the office's people speak for it.
			*m = mention{para: para, first: i - 1, end: i + n, kind: Organization, tokens: name, inQuote: toks[i].inQuote}
			out = append(out, m)
			i += n - 1
			continue
		}
		*m = mention{para: para, first: i, end: i + n, kind: Group, inQuote: toks[i].inQuote}
		// Modifiers before the head: "Senate", "Democratic", "House", "state", a number.
		var mods []string
		k := i
		for k > 0 && toks[k-1].kind == tokWord && i-k < 3 {
			w := toks[k-1].text
			if groupModifier(w) {
				mods = append([]string{w}, mods...)
				k--
				continue
			}
			break
		}
		article := k > 0 && strings.EqualFold(toks[k-1].text, "the")
		m.first = k
		// "for 22 states", "from 21 states", "of the three states"
		if j := i + n; j+2 < len(toks) && (toks[j].text == "for" || toks[j].text == "from" || toks[j].text == "of") {
			k := j + 1
			if toks[k].text == "the" {
				k++
			}
			if k+1 < len(toks) && (isDigitStart(toks[k].text) || numberWords[toks[k].text]) && (toks[k+1].text == "states" || toks[k+1].text == "counties") {
				m.end = k + 2
			}
		}
		var named []string
		for _, w := range mods {
			if isCapitalized(w) {
				named = append(named, w)
			}
		}
		isParty := head == "democrats" || head == "republicans" || head == "independents"
		if j := i + n; (head == "lawyers" || head == "attorneys") && j+2 < len(toks) && toks[j].text == "for" && toks[j+1].text == "the" && counselFor[toks[j+2].text] {
			// "lawyers for the state wrote": the state's lawyers, a group of their own.
			m.end, m.groupKey = j+3, head+" for the "+toks[j+2].text
			m.tokens = append(headWords(toks, i, n), "for", "the", toks[j+2].text)
			out = append(out, m)
			i = j + 2
			continue
		}
		switch {
		case len(named) > 0 && isCapitalized(named[0]) || isParty || head == "attorneys general" || head == "secretaries of state":
			m.groupKey = strings.ToLower(strings.Join(append(named, head), " "))
			m.anaphor = article && !isParty // "the Democratic senators" also refers back
		case article:
			m.anaphor = true
			m.groupKey = head
		default:
			m.groupKey = head // a bare plural: a group only if it speaks
		}
		words := append(append([]string{}, named...), headWords(toks, i, n)...)
		m.tokens = words
		out = append(out, m)
		i += n - 1
	}
	return out
}

// counselFor are those whose lawyers a text names as a group: "lawyers for the state".
var counselFor = map[string]bool{"state": true, "county": true, "city": true, "plaintiffs": true, "defendants": true,
	"government": true, "campaign": true, "committee": true, "company": true, "secretary": true}

// findOffices finds the offices that speak for the holder of a post: "the secretary of
// state's office", "the county clerk's office", "the Maricopa County Recorder's Office".
// An office is an organisation named by its post ("Secretary of State's Office"), with
// the place before it when the text gives one. A named person's office ("Roe's office")
// is no office here: the words before "office" must name a post.
func findOffices(para int, toks []token, s *scratch) []*mention {
	var out []*mention
	for i := 1; i < len(toks); i++ {
		if w := toks[i].text; len(w) != 6 || w[0] != 'o' && w[0] != 'O' || !strings.EqualFold(w, "office") || toks[i-1].kind != tokWord {
			continue
		}
		// "the county elections office": the office of elections, held by no one post.
		elections := strings.EqualFold(toks[i-1].text, "elections") || strings.EqualFold(toks[i-1].text, "election")
		if !elections && !isPossessive(toks[i-1].text) {
			continue
		}
		first, post := i-1, false
		for k := i - 1; k >= 0 && toks[k].kind == tokWord && toks[k].inQuote == toks[i].inQuote; k-- {
			w := stripPossessive(toks[k].text)
			switch {
			case strings.EqualFold(w, "the") || w == "for":
				k = -1 // stop
				continue
			case lexicon.roleNouns.hasLower(w):
				post = true
			case w == "of" && k > 0 && k < i-1, postModifier(w):
				// "secretary of state's", "attorney general's", "county clerk's"
			case k < i-1 && isCapitalized(w) && !lexicon.common.has(w):
				// A place or an agency before the post: "Maricopa County", "Georgia".
			default:
				k = -1
				continue
			}
			first = k
		}
		if last := stripPossessive(toks[i-1].text); !elections && (!post || !lexicon.roleNouns.hasLower(last) && !postModifier(last)) {
			continue // "Roe's office", "the county's office"
		}
		m := s.newMention()
		words := s.words[:0]
		for k := first; k <= i; k++ {
			w := toks[k].text
			if k == i-1 && !elections {
				w = stripPossessive(w) + "'s"
			}
			if w != "of" {
				w = capitalize(w)
			}
			words = append(words, w)
		}
		s.words = words
		*m = mention{para: para, first: first, end: i + 1, kind: Organization, tokens: s.keepWords(words), inQuote: toks[i].inQuote}
		out = append(out, m)
	}
	return out
}

// postModifier reports whether w, in any case, may stand in a post's name beside its role
// noun: a title word ("Deputy", "General", "State", "Recorder") or "county", "city".
func postModifier(w string) bool {
	return lexicon.titles.has(capitalize(w)) || strings.EqualFold(w, "county") || strings.EqualFold(w, "city")
}

// capitalize returns w with its first letter upper-cased.
func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || r == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(r)) + w[size:]
}

// partOfName reports whether the capitalised group head at toks[i] ends an organisation's
// name: "… of [State] Clerks" after a capitalised word.
func partOfName(toks []token, i int) bool {
	if !isCapitalized(toks[i].text) {
		return false
	}
	k := i - 1
	for k >= 0 && i-k <= 3 && toks[k].kind == tokWord && isCapitalized(toks[k].text) {
		k--
	}
	return k >= 1 && toks[k].text == "of" && isCapitalized(toks[k-1].text)
}

// groupHeadAt matches a group head (from the word list) at toks[i], case-insensitively,
// and returns it lower-cased with its length in tokens.
func groupHeadAt(toks []token, i int) (string, int) {
	if w := toks[i].text; len(w) < groupFirstMin || !groupFirstLetters[lowerByte(w[0])] || !groupFirstShaped(w) || !groupFirstWords.hasLower(stripPossessive(w)) {
		return "", 0
	}
	// The lower-cased words from i on, up to three, one buffer for every length tried.
	var room [64]byte
	buf := room[:0]
	var ends [3]int
	n := 0
	for k := i; k < len(toks) && n < 3 && toks[k].kind == tokWord; k++ {
		w := stripPossessive(toks[k].text)
		if !isASCII(w) || len(buf)+1+len(w) > len(room) {
			break // every group head is short and plain
		}
		if n > 0 {
			buf = append(buf, ' ')
		}
		buf = appendLower(buf, w)
		ends[n] = len(buf)
		n++
	}
	for ; n >= 1; n-- {
		if lexicon.groups[string(buf[:ends[n-1]])] {
			return string(buf[:ends[n-1]]), n
		}
	}
	return "", 0
}

// groupFirstWords holds the first word of every group head, and groupFirstMin the length
// of the shortest, to rule most words out at once.
var groupFirstWords, groupFirstMin = func() (wordSet, int) {
	var firsts []string
	shortest := 1 << 10
	for h := range lexicon.groups {
		first, _, _ := strings.Cut(h, " ")
		firsts = append(firsts, first)
		shortest = min(shortest, len(first))
	}
	return newWordSet(firsts), shortest
}()

// groupFirstShapes marks, by first and last letter, the lengths of the first words of the
// group heads, possessive or not, so that most words are ruled out without a lookup.
var groupFirstShapes = func() (s [26][26]uint32) {
	for h := range lexicon.groups {
		first, _, _ := strings.Cut(h, " ")
		if n := len(first); n < 32 && isLowerASCII(first[0]) && isLowerASCII(first[n-1]) {
			s[first[0]-'a'][first[n-1]-'a'] |= 1 << n
		}
	}
	return s
}()

// groupFirstShaped reports whether w, less any "'s", has the shape of a group head's first
// word; a word the shapes cannot tell (not plain ASCII letters at its ends) passes.
func groupFirstShaped(w string) bool {
	w = stripPossessive(w)
	n := len(w)
	if n == 0 || n >= 32 {
		return n > 0
	}
	first, last := lowerByte(w[0]), lowerByte(w[n-1])
	if !isLowerASCII(first) || !isLowerASCII(last) {
		return true
	}
	return groupFirstShapes[first-'a'][last-'a']&(1<<n) != 0
}

// groupFirstLetters marks the letters group heads start with.
var groupFirstLetters = func() (s [256]bool) {
	for h := range lexicon.groups {
		s[h[0]] = true
	}
	return s
}()

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasLower reports whether set holds s lower-cased, without allocating for short words.
func hasLower(set map[string]bool, s string) bool {
	var buf [40]byte
	if l := lowerInto(buf[:], s); l != nil {
		return set[string(l)]
	}
	return set[strings.ToLower(s)]
}

// lowerInto lower-cases the ASCII letters of s into buf and returns them, or nil when s
// is longer than buf.
func lowerInto(buf []byte, s string) []byte {
	if len(s) > len(buf) {
		return nil
	}
	for i := 0; i < len(s); i++ {
		buf[i] = lowerByte(s[i])
	}
	return buf[:len(s)]
}

func headWords(toks []token, i, n int) []string {
	var out []string
	for k := i; k < i+n; k++ {
		out = append(out, stripPossessive(toks[k].text))
	}
	return out
}

// numberWords are counts written out.
var numberWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "several": true, "many": true, "all": true, "both": true}

// groupModifier reports whether w can qualify a group head: a chamber, a party, a state, a
// number ("the three senators").
func groupModifier(w string) bool {
	switch w {
	case "Senate", "House", "Democratic", "Republican", "GOP", "Congressional", "congressional", "state", "State",
		"federal", "Federal", "local", "county", "election", "other", "senior", "top", "Independent", "bipartisan":
		return true
	}
	return isDigitStart(w) || numberWords[w] || lexicon.places.has(w) && isCapitalized(w)
}
