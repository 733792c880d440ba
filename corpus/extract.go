package corpus

import (
	"slices"
	"strings"
	"unicode"
)

// docExtract is what one document yields before actors are merged across the corpus.
type docExtract struct {
	doc    *Document
	groups map[string]*localActor // group actors by key
	paras  []*paraInfo
	actors []*localActor
	quotes []*rawQuote
	attrs  []*rawAttribution
	labels map[int]labelled // by paragraph: a transcript's speaker label opening it
}

// paraInfo is a paragraph's tokens, quotations and mentions.
type paraInfo struct {
	index    int
	text     string
	toks     []token
	spans    [][2]int
	mentions []*mention
}

// localActor is an actor as one document knows it.
type localActor struct {
	kind     Kind
	tokens   []string // the fullest form of the name in this document
	given    string
	surname  string
	forms    []string // every way the document writes the name (titles stripped)
	roles    []string
	mentions int
	members  []*localActor
	key      string   // groups and organisations: the normalized name
	strong   bool     // a person known by shape, not only as a bare surname
	spoke    bool     // a speaker of a quotation or of reported speech
	gender   gender   // what the text says of it: an honorific, a title, a given name
	seen     [][2]int // where the document names this person in full: paragraph, token
	global   *Actor
}

// gender is what a document says of a person's gender, for "he" and "she".
type gender uint8

const (
	genderUnknown gender = iota
	female
	male
	genderMixed // the text says both: taken as unknown
)

// note adds what one mention says of the actor's gender.
func (a *localActor) note(g gender) { a.gender = a.gender.and(g) }

// and is what g and h say together: the one that is known, or mixed when they differ.
func (g gender) and(h gender) gender {
	switch {
	case h == genderUnknown || h == g:
		return g
	case g == genderUnknown:
		return h
	}
	return genderMixed
}

// fits reports whether the actor may be the person a pronoun of gender g stands for.
func (a *localActor) fits(g gender) bool {
	return g == genderUnknown || a.gender == genderUnknown || a.gender == genderMixed || a.gender == g
}

// genderOf reads a person mention's gender from its honorific, its title ("Congresswoman"),
// its roles ("a spokeswoman for …"), its given name, or a son's or father's "Jr." or "Sr.".
func genderOf(m *mention) gender {
	var g gender
	see := func(h gender) { g = g.and(h) }
	if s := suffixOf(m.tokens); s == "jr" || s == "sr" {
		see(male)
	}
	for _, t := range m.titles {
		switch t {
		case "Mr.", "Mr":
			see(male)
		case "Mrs.", "Ms.", "Miss", "Mrs", "Ms":
			see(female)
		}
		see(genderOfWord(t))
	}
	for _, r := range m.roles {
		for w := range strings.FieldsSeq(r) {
			see(genderOfWord(w))
		}
	}
	if len(m.tokens) >= 2 {
		// The given name opens the name, after any initials ("J. Roberta Doe").
		given := m.tokens[0]
		for k := 1; isInitial(given) && k < len(m.tokens)-1; k++ {
			given = m.tokens[k]
		}
		switch {
		case lexicon.femaleNames.has(given):
			see(female)
		case lexicon.maleNames.has(given):
			see(male)
		}
	}
	if g == genderMixed {
		return genderUnknown
	}
	return g
}

// genderOfWord reads the gender of a title or role word such as "Congresswoman" or
// "spokesman".
func genderOfWord(w string) gender {
	w = strings.Trim(w, ",.")
	if !strings.HasSuffix(w, "man") && !strings.HasSuffix(w, "men") {
		return genderUnknown // most words: no need to lower-case them
	}
	switch strings.ToLower(w) {
	case "congresswoman", "spokeswoman", "councilwoman", "assemblywoman", "alderwoman", "chairwoman",
		"businesswoman", "congresswomen", "stateswoman":
		return female
	case "congressman", "spokesman", "councilman", "assemblyman", "alderman", "businessman":
		return male
	}
	return genderUnknown
}

// Caps on what one actor collects, so that no input makes merging quadratic.
const (
	maxForms   = 16
	maxRoles   = 12
	maxMembers = 64
)

// addName adds a mention's name as a form, joining its words only if it is new.
func (a *localActor) addName(ts []string) {
	if len(a.forms) >= maxForms {
		return
	}
	for _, x := range a.forms {
		if joinedEquals(x, ts) {
			return
		}
	}
	a.forms = append(a.forms, strings.Join(ts, " "))
}

// joinedEquals reports whether s is the words ts joined by spaces.
func joinedEquals(s string, ts []string) bool {
	for i, t := range ts {
		if i > 0 {
			if s == "" || s[0] != ' ' {
				return false
			}
			s = s[1:]
		}
		if !strings.HasPrefix(s, t) {
			return false
		}
		s = s[len(t):]
	}
	return s == ""
}

func (a *localActor) addForm(f string) {
	if len(a.forms) >= maxForms {
		return
	}
	for _, x := range a.forms {
		if x == f {
			return
		}
	}
	a.forms = append(a.forms, f)
}

func (a *localActor) addRole(r string) {
	r = strings.TrimSpace(r)
	if r == "" || len(a.roles) >= maxRoles {
		return
	}
	for _, x := range a.roles {
		if strings.EqualFold(x, r) {
			return
		}
	}
	a.roles = append(a.roles, r)
}

func (a *localActor) addMember(m *localActor) {
	if m == a || len(a.members) >= maxMembers {
		return
	}
	for _, x := range a.members {
		if x == m {
			return
		}
	}
	a.members = append(a.members, m)
}

// rawQuote is a quotation with the local actors it is attributed to.
type rawQuote struct {
	para     int
	text     string
	speakers []*localActor
	partial  bool
	cue      string
	open     bool // the quotation runs on past the end of its paragraph
	close    int  // token index of the closing mark
	attrEnd  int  // token index after the attribution, for continuations
}

// rawAttribution is reported speech with the local actors who spoke.
type rawAttribution struct {
	para     int
	speakers []*localActor
	verb     string
	clause   string
}

// scratch is memory one extraction worker reuses from document to document: nothing in
// it outlives the document being extracted.
type scratch struct {
	toks     []token
	paras    []paraInfo  // the current document's paragraphs
	paraPtrs []*paraInfo // pointers to them
	mentions []mention   // the current block of mentions; a full block is left to its users
	cover    []bool
	people   map[string][]*localActor
	keyed    map[string]*localActor
	known    map[string]bool     // surnames of the people a document names by shape
	lastBare map[string][2]int   // a bare surname → where the document last writes it
	fullOrgs []*mention          // the document's organisations of three words or more
	orgFirst map[string][]string // the first word of an organisation's name → the name
	acronyms map[string][]string // the initials a document gives an institution → its name
	words    []string            // the words of the capitalised run at hand
	kept     []string            // the current block of mentions' words; a full block is left to its users
	key      []byte              // an actor's key, being built
}

// newMention returns a zeroed mention that lives until the next document.
func (s *scratch) newMention() *mention {
	if len(s.mentions) == cap(s.mentions) {
		s.mentions = make([]mention, 0, max(256, 2*cap(s.mentions)))
	}
	s.mentions = s.mentions[:len(s.mentions)+1]
	m := &s.mentions[len(s.mentions)-1]
	*m = mention{}
	return m
}

// keep copies a mention built on the stack into the scratch memory.
func (s *scratch) keep(m *mention) *mention {
	k := s.newMention()
	*k = *m
	return k
}

// keepRun keeps a mention read from a run of words, copying its words out of the
// worker's memory: a mention's words outlive the run, and its document.
func (s *scratch) keepRun(m *mention) *mention {
	m.tokens = s.keepWords(m.tokens)
	if len(m.titles) > 0 {
		m.titles = s.keepWords(m.titles)
	}
	return s.keep(m)
}

// keepWords copies words into blocks of memory that are never reused, one allocation for
// many mentions.
func (s *scratch) keepWords(ws []string) []string {
	if cap(s.kept)-len(s.kept) < len(ws) {
		s.kept = make([]string, 0, max(512, len(ws)))
	}
	start := len(s.kept)
	s.kept = append(s.kept, ws...)
	return s.kept[start:len(s.kept):len(s.kept)]
}

// covered returns n cleared flags.
func (s *scratch) covered(n int) []bool {
	if cap(s.cover) < n {
		s.cover = make([]bool, n)
	}
	s.cover = s.cover[:n]
	clear(s.cover)
	return s.cover
}

// extractDocument finds the actors, quotations and reported speech of one document.
func extractDocument(doc *Document, s *scratch) *docExtract {
	x := &docExtract{doc: doc, groups: map[string]*localActor{}}
	s.mentions = s.mentions[:0]
	buf := s.toks[:0]
	if cap(s.paras) < len(doc.body) {
		s.paras = make([]paraInfo, len(doc.body))
		s.paraPtrs = make([]*paraInfo, len(doc.body))
	}
	x.paras = s.paraPtrs[:len(doc.body)]
	single := singleQuoted(doc.body)
	for i, p := range doc.body {
		start := len(buf)
		buf = tokenizeMarks(p, buf, single)
		toks := buf[start:len(buf):len(buf)]
		s.paras[i] = paraInfo{index: i, text: p, toks: toks, spans: markQuotesAndSentences(toks)}
		x.paras[i] = &s.paras[i]
	}
	s.toks = buf[:0]
	s.findAcronyms(x.paras)
	for i, p := range x.paras {
		p.mentions = findMentions(i, p.text, p.toks, s)
	}
	x.titleSurnames(s)
	x.buildActors(s)
	x.noteGenders()
	x.labelledSpeakers()
	a := attributor{x: x}
	for i := range x.paras {
		a.paragraph(i)
	}
	x.paras = nil // the tokens belong to the worker's scratch memory from here on
	return x
}

// titleSurnames adds the mentions of people whose family name is a title word, a place or
// a word of every day, said alone or after a title: such a word alone names no one ("the
// mayor said", "on the Hill", "I read it"), unless the text named someone by it in full
// ("Secretary of State Jim Mayor … Mayor said", "Secretary of State Linda King … said
// Secretary King", "Sen. Patty Hill … Hill said"). Not where it titles a name after it
// ("Mayor Ann Roe") or follows an article or a possessive ("the Mayor", "Ohio's Mayor").
func (x *docExtract) titleSurnames(s *scratch) {
	var surnames []string
	for _, p := range x.paras {
		for _, m := range p.mentions {
			if m.kind == Person && len(m.tokens) >= 2 && (m.strong || isGivenName(m.tokens[0])) {
				if w := m.tokens[len(m.tokens)-1]; (lexicon.titles.has(w) || lexicon.places.has(w) || lexicon.common.has(w)) && !slices.Contains(surnames, w) {
					surnames = append(surnames, w)
				}
			}
		}
	}
	if len(surnames) == 0 {
		return
	}
	for pi, p := range x.paras {
		added := false
		for k, t := range p.toks {
			if t.kind != tokWord || !slices.Contains(surnames, stripPossessive(t.text)) ||
				slices.ContainsFunc(p.mentions, func(m *mention) bool { return m.first <= k && k < m.end }) {
				continue
			}
			if next := k + 1; next < len(p.toks) && p.toks[next].kind == tokWord && isCapitalized(p.toks[next].text) {
				continue // "Mayor Ann Roe"
			}
			if w := stripPossessive(t.text); lexicon.common.has(w) && !lexicon.titles.has(w) && !lexicon.places.has(w) && !speechNext(p.toks, k) {
				continue // a word of every day ("Read", "May") is a name only as a speaker: "Read said", "said Read"
			}
			first := k
			if prev := k - 1; prev > 0 && personTitleWords[p.toks[prev].text] && lexicon.titles.has(p.toks[prev].text) {
				first = prev // "said Secretary King": a title, then the name
			}
			if prev := first - 1; prev >= 0 && p.toks[prev].kind == tokWord && (articles[strings.ToLower(p.toks[prev].text)] || determiners[strings.ToLower(p.toks[prev].text)] || isPossessive(p.toks[prev].text) || isCapitalized(p.toks[prev].text) && !p.toks[prev].sentEnd) {
				continue // "the Mayor", "Ohio's Mayor", "Deputy Mayor"
			}
			m := s.newMention()
			*m = mention{para: pi, first: first, end: k + 1, kind: Person, tokens: s.keepWords([]string{stripPossessive(t.text)}), inQuote: t.inQuote}
			if first < k {
				m.titles = s.keepWords([]string{p.toks[first].text})
			}
			p.mentions = append(p.mentions, m)
			added = true
		}
		if added {
			sortMentions(p.mentions)
		}
	}
}

// speechNext reports whether the word at toks[k] stands right before or after a verb of
// speech: "Read said", "said Read".
func speechNext(toks []token, k int) bool {
	said := func(i int) bool {
		if i < 0 || i >= len(toks) || toks[i].kind != tokWord {
			return false
		}
		switch toks[i].text {
		case "said", "says", "told", "asked", "added", "wrote", "replied", "noted", "argued", "warned":
			return true
		}
		return false
	}
	return said(k+1) || said(k-1)
}

// buildActors turns mentions into this document's actors: people merged by surname,
// organisations and named groups by their normalized names.
func (x *docExtract) buildActors(s *scratch) {
	if s.keyed == nil {
		s.keyed, s.people = map[string]*localActor{}, map[string][]*localActor{}
	}
	clear(s.keyed)
	clear(s.people)
	keyed, people := s.keyed, s.people // people by surname
	// A name the text cites as a source of news ("told Newsline", "according to the Courier")
	// is an outlet, unless it is a person known by shape.
	if s.known == nil {
		s.known = map[string]bool{}
	}
	clear(s.known)
	known := s.known // surnames of the people the document names by shape, or in full
	for _, p := range x.paras {
		for _, m := range p.mentions {
			if m.kind == Person && (m.strong || len(m.tokens) >= 2 && !m.inQuote && plainName(m.tokens)) {
				surname, _ := splitName(m.tokens)
				known[surname] = true
			}
		}
	}
	// An organisation named in full is later named by its first word alone ("Castellan
	// Voting Systems" … "Castellan said"), and one its context showed to be one ("The
	// messaging app Palaver said") by its word alone again; a word with a capital inside
	// it ("BlackQuarry") names a company or a gang, not a person.
	// "executives from Facebook and Twitter": a word joined by "and" to an organisation's
	// name names one too.
	for _, p := range x.paras {
		for i := 1; i < len(p.mentions); i++ {
			m, prev := p.mentions[i], p.mentions[i-1]
			if m.kind == Person && !m.strong && len(m.tokens) == 1 && prev.kind == Organization && prev.end+1 == m.first && p.toks[prev.end].text == "and" &&
				distinctiveName(m.tokens[0]) && !isGivenName(m.tokens[0]) && !known[m.tokens[0]] {
				m.kind, m.tokens = Organization, s.keepWords(m.tokens)
			}
		}
	}
	if s.orgFirst == nil {
		s.orgFirst = map[string][]string{}
	}
	clear(s.orgFirst)
	orgFirst := s.orgFirst
	for _, p := range x.paras {
		for _, m := range p.mentions {
			if m.kind == Organization && len(m.tokens) >= 1 && !m.inQuote {
				if w := m.tokens[0]; distinctiveName(w) {
					if _, ok := orgFirst[w]; !ok {
						orgFirst[w] = m.tokens
					}
				}
			}
		}
	}
	s.fullOrgs = shortenedOrganizations(x.paras, s.fullOrgs[:0])
	for _, p := range x.paras {
		for _, m := range p.mentions {
			if m.kind == Person && len(m.tokens) >= 2 && len(m.titles) == 0 && !isGivenName(m.tokens[0]) && slices.Equal(orgFirst[m.tokens[0]], m.tokens) {
				m.kind = Organization // "endorsed by Verified Voting, the Brennan Center …", where "president of Verified Voting" named it
				continue
			}
			if m.kind != Person || m.strong {
				continue
			}
			if len(m.tokens) == 1 && !known[m.tokens[0]] {
				if full, ok := orgFirst[m.tokens[0]]; ok {
					m.kind, m.tokens = Organization, full
					continue
				}
			}
			if isOutletSlot(p.toks, m.first) && !known[strings.Join(m.tokens, " ")] {
				m.kind = Organization
			}
		}
	}
	// Strong people first, so a bare surname finds the full name wherever it stands. Weak
	// names of two words or more that match no one are tried again once every bare surname
	// is placed: "When Tessa Moreno talks … says Moreno" is one person, the unfamiliar
	// given name known from the surname that speaks.
	if s.lastBare == nil {
		s.lastBare = map[string][2]int{}
	}
	clear(s.lastBare)
	confirmSurnames(x.paras, s.lastBare)
	shareSurnames(x.paras)
	var late map[*mention]bool
	var owner map[string]*localActor // a surname two people share → the one it names alone
	for _, step := range []struct{ strong, late bool }{{true, false}, {false, false}, {false, true}} {
		pass := step.strong
		for _, p := range x.paras {
			for _, m := range p.mentions {
				if m.kind != Person || m.strong != pass || step.late != late[m] || !pass && len(m.tokens) == 1 && innerCapital(m.tokens[0]) {
					continue // "BlackQuarry" is no one's name: an organisation if it speaks
				}
				surname, given := splitName(m.tokens)
				var match *localActor
				cands := ofGeneration(people[surname], generation(p.toks, m))
				if step.late && len(cands) == 0 && len(m.tokens) == 2 && lowerAfterHyphen(m.tokens[1]) {
					// "Chou Ya-wen", where "Chou said" made Chou someone: the family name
					// written first, before a given name of two syllables joined.
					if fam := people[m.tokens[0]]; len(fam) == 1 && fam[0].given == "" {
						cands, surname, given = fam, m.tokens[0], m.tokens[1]
					}
				}
				if step.late && len(cands) == 0 && len(m.tokens) >= 3 && !lexicon.titles.has(m.tokens[0]) && !lexicon.roleNouns.hasLower(m.tokens[0]) {
					// "Rosalía Inés Quispe Mamani", given names no list knows, where "Quispe
					// said" made Quispe someone: the father's family name, said alone, after
					// a given name.
					for _, w := range m.tokens[1 : len(m.tokens)-1] {
						if fam := people[w]; len(fam) == 1 && fam[0].given == "" && !isGivenName(w) {
							cands, surname, given = fam, w, m.tokens[0]
							break
						}
					}
				}
				if len(cands) == 0 && len(m.tokens) == 1 {
					cands = familyFirst(x.actors, m.tokens[0]) // "Professor Tsukioka" is Tsukioka Rie
				}
				if !pass && len(cands) == 0 && len(m.tokens) == 1 {
					if isGivenName(m.tokens[0]) {
						// "Agnes said", in a story that calls the couple by their given names.
						cands = byGivenName(x.actors, m.tokens[0])
					} else if a := onlyOne(x.actors, func(a *localActor) bool { return a.kind == Person && len(a.tokens) >= 2 && a.given == m.tokens[0] }); a != nil {
						// "Maren said" in a feature about Maren Skogstad: a given name no list
						// knows, that the text gave one person in full.
						cands = []*localActor{a}
					}
				}
				if len(m.tokens) == 1 && (slices.Contains(m.titles, "Sir") || slices.Contains(m.titles, "Dame")) {
					// "Sir Alastair" is Sir Alastair Pendlebury: a knight goes by the given name.
					for _, a := range x.actors {
						if a.kind == Person && a.given == m.tokens[0] {
							cands = []*localActor{a}
							break
						}
					}
				}
				if given == "" && len(cands) > 1 {
					// "Sen. Marchbanks" where the text names Rep. Odessa Marchbanks and Sen.
					// Thaddeus Marchbanks: the one who holds the title.
					if a := oneTitled(cands, m.titles); a != nil {
						cands = []*localActor{a}
					} else if a := oneOfGender(cands, genderOf(m)); a != nil {
						// "Mr. Ogasawara", where the text names Ms. Ogasawara Mitsuko too.
						cands = []*localActor{a}
					} else if a := headlined(cands, x.doc.Title); a != nil && !pass && owner[surname] == nil {
						// An obituary's or a profile's subject, whom the headline names, keeps
						// the bare surname that relatives named in full share.
						if owner == nil {
							owner = map[string]*localActor{}
						}
						owner[surname] = a
					}
				}
				if !pass && given == "" && len(cands) > 1 {
					// "Harris" when the article names two Harrises: the one the bare surname
					// named before the other was introduced, who keeps it ("Everard Vandermeer
					// … Vandermeer has been … Gunhild Vandermeer, his daughter … Vandermeer
					// said") unless the other was just named in this paragraph; else the one
					// named last, in this paragraph or the one before; nobody if neither was
					// named that recently.
					if a := owner[surname]; a != nil && !namedHere(cands, a, p.index, m.first, !relativeAge(p.toks, m.first)) {
						cands = []*localActor{a}
					} else if a := onlyIntroduced(cands, p.index, m.first); a != nil {
						cands = []*localActor{a}
						if owner == nil {
							owner = map[string]*localActor{}
						}
						owner[surname] = a
					} else {
						cands = nil
						if a := mostRecent(people[surname], p.index, m.first); a != nil {
							cands = []*localActor{a}
						}
					}
				}
				// "Everard Vandermeer", a given name no list knows, where the text also names
				// Gunhild Vandermeer: a relative, a person of their own, as sure as she is. Not
				// "Ibáñez de la Fuente" after "María José Ibáñez de la Fuente": a name of hers.
				relative := !pass && given != "" && len(cands) > 0 && !m.inQuote && !slices.ContainsFunc(cands, func(a *localActor) bool {
					return a.given == "" || sameGivenName(a.given, given) || slices.Contains(a.tokens, given)
				})
				// The one with the same given name first: "Brandt Ashdale's lawyer" is not his
				// cousin Corwin Ashdale's.
				if i := slices.IndexFunc(cands, func(a *localActor) bool { return given != "" && a.given != "" && sameGivenName(a.given, given) }); i >= 0 {
					match = cands[i]
				}
				mg := genderOf(m)
				for _, a := range cands {
					if match == nil && (sameGivenName(a.given, given) || !pass && !relative) && a.fits(mg) { // not "Ms. Yardley" for Clement Yardley Sr.
						match = a
						break
					}
				}
				if match == nil && !pass && !relative {
					// A bare word that is no one's surname here: maybe a surname known elsewhere in
					// the corpus, or someone who speaks. Keep it weak until assemble decides.
					if len(m.tokens) > 1 && !lexicon.firstNames.has(m.tokens[0]) {
						if !step.late && plausibleName(m.tokens) {
							if late == nil {
								late = map[*mention]bool{}
							}
							late[m] = true
						}
						continue
					}
				}
				if step.late && !relative && (match == nil || len(people[surname]) != 1 || match.given != "") {
					continue // only the one person known by this surname alone takes the name
				}
				if match == nil && pass && m.inQuote {
					continue // a full name only inside someone's words ("… is Jim Crow in a suit")
				}
				if match == nil && !pass && len(m.tokens) == 1 && !lexicon.firstNames.has(m.tokens[0]) && (speechNext(p.toks, m.first) || ageAfter(p.toks, m.end)) {
					if full := onlyFullName(late, m.tokens[0]); full != nil && plainName(full) {
						// "Maren said" in a feature about Maren Skogstad, whose name no list
						// knows: the full name was waiting for someone to say it.
						fs, fg := splitName(full)
						match = &localActor{kind: Person, surname: fs, given: fg, tokens: full}
						people[fs] = append(people[fs], match)
						x.actors = append(x.actors, match)
					}
				}
				if match == nil {
					match = &localActor{kind: Person, surname: surname, given: given, tokens: m.tokens, strong: pass || relative}
					people[surname] = append(people[surname], match)
					if i := strings.LastIndexByte(surname, ' '); i >= 0 {
						// "de la Cruz" is also written "Cruz", as the particle in "… de la Cruz
						// said" starts no capitalised run.
						people[surname[i+1:]] = append(people[surname[i+1:]], match)
					}
					x.actors = append(x.actors, match)
				}
				if len(m.tokens) > len(match.tokens) || (len(m.tokens) == len(match.tokens) && m.strong && !match.strong) {
					match.tokens = m.tokens
				}
				if match.given == "" || isInitial(match.given) && given != "" && !isInitial(given) {
					match.given = given
				}
				match.strong = match.strong || m.strong
				match.note(mg)
				if m.strong || relative {
					match.seen = append(match.seen, [2]int{p.index, m.first})
				}
				match.addName(m.tokens)
				for _, t := range m.titles {
					if honorifics[t] && len(m.tokens) == 1 {
						match.addForm(t + " " + m.text())
					}
				}
				for _, r := range m.roles {
					match.addRole(r)
				}
				match.mentions++
				m.actor = match
			}
		}
	}
	for _, p := range x.paras {
		for _, m := range p.mentions {
			key := s.key[:0] // the lookup reads the bytes; only a new actor makes a string of them
			switch {
			case m.kind == Organization:
				key = appendOrgKey(append(key, "org:"...), m.tokens)
			case m.kind == Group && namedGroup(m):
				key = append(append(key, "group:"...), m.groupKey...)
			default:
				continue
			}
			s.key = key
			a := keyed[string(key)]
			if a == nil {
				k := string(key)
				a = &localActor{kind: m.kind, tokens: m.tokens, key: k[strings.IndexByte(k, ':')+1:]}
				keyed[k] = a
				if m.kind == Group {
					x.groups[a.key] = a
				}
				x.actors = append(x.actors, a)
			}
			a.addName(m.tokens)
			a.mentions++
			m.actor = a
			if phrase := calledAfter(p.text, p.toks, m.end); phrase != "" {
				a.addRole(phrase) // "nonpartisan voting rights group": what it is, for cards, queries and "the group said"
			}
		}
	}
}

// distinctiveName reports whether no word list knows w: as the first word of an
// organisation's name, it names the organisation alone ("Castellan").
func distinctiveName(w string) bool {
	return !lexicon.common.has(w) && !lexicon.places.has(w) && !lexicon.titles.has(w) && !lexicon.firstNames.has(w) && !lexicon.orgHeads.has(w) && !lexicon.nouns.has(w)
}

// calledAfter returns what an apposition after an organisation's name calls it, up to the
// noun that says what it is: "Election Workers United, a union that represents …" is a
// union.
func calledAfter(p string, toks []token, end int) string {
	if end+2 >= len(toks) || toks[end].text != "," || toks[end+1].text != "a" && toks[end+1].text != "an" && toks[end+1].text != "the" {
		return ""
	}
	for k := end + 2; k < len(toks) && k <= end+5 && toks[k].kind == tokWord; k++ {
		if orgNouns[toks[k].text] {
			if k+1 < len(toks) && orgNouns[toks[k+1].text] {
				k++ // "a nonprofit group": the noun the first qualifies
			}
			return p[toks[end+2].start:toks[k].end]
		}
	}
	return ""
}

// findAcronyms records the initials a document gives institutions in parentheses, "the
// Election Infrastructure Resilience Office (EIRO)", so that "EIRO said" is that office.
func (s *scratch) findAcronyms(paras []*paraInfo) {
	if s.acronyms == nil {
		s.acronyms = map[string][]string{}
	}
	clear(s.acronyms)
	for _, p := range paras {
		toks := p.toks
		for j := 1; j+2 < len(toks); j++ {
			acr := toks[j+1].text
			if toks[j].text != "(" || toks[j+2].text != ")" || len(acr) < 2 || len(acr) > 6 || !allUpperASCII(acr) {
				continue // "(EIRO)", not "(S.2261)"
			}
			first := j
			for k := j - 1; k >= 0 && j-k <= 10 && toks[k].kind == tokWord; k-- {
				w := toks[k].text
				if isCapitalized(w) {
					first = k
				} else if w != "of" && w != "for" && w != "and" && w != "on" && w != "the" && w != "&" {
					break
				}
			}
			if strings.EqualFold(toks[first].text, "the") {
				first++
			}
			if j-first >= 2 && lowerByte(toks[first].text[0]) == lowerByte(acr[0]) {
				words := make([]string, 0, j-first)
				for _, t := range toks[first:j] {
					words = append(words, t.text)
				}
				s.acronyms[acr] = words
			}
		}
	}
}

// allUpperASCII reports whether w is all capital ASCII letters.
func allUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isUpperASCII(w[i]) {
			return false
		}
	}
	return true
}

// shareSurnames gives a given name alone the surname of the full name "and" joins it to:
// "Cyril and Agnes Brackenbury" are Cyril Brackenbury and Agnes Brackenbury.
func shareSurnames(paras []*paraInfo) {
	for _, p := range paras {
		for i, m := range p.mentions {
			if i+1 >= len(p.mentions) || m.kind != Person || len(m.tokens) != 1 || len(m.titles) > 0 || !isGivenName(m.tokens[0]) ||
				m.end >= len(p.toks) || p.toks[m.end].text != "and" {
				continue
			}
			if n := p.mentions[i+1]; n.first == m.end+1 && n.kind == Person && len(n.tokens) == 2 && isGivenName(n.tokens[0]) {
				m.tokens = []string{m.tokens[0], n.tokens[1]}
				m.strong = true
			}
		}
	}
}

// byGivenName returns the one strong person whose given name is w, or nil when none or
// several are.
func byGivenName(actors []*localActor, w string) []*localActor {
	if a := onlyOne(actors, func(a *localActor) bool { return a.kind == Person && a.strong && a.given == w }); a != nil {
		return []*localActor{a}
	}
	return nil
}

// onlyFullName returns the one full name, of those waiting in late, that opens with w, or
// nil when none or several do.
func onlyFullName(late map[*mention]bool, w string) []string {
	var full []string
	for m := range late {
		if len(m.tokens) < 2 || m.tokens[0] != w {
			continue
		}
		if full != nil && !slices.Equal(full, m.tokens) {
			return nil
		}
		full = m.tokens
	}
	return full
}

// familyFirst returns the person whose full name holds w before its last word, when w is
// no given name the word lists know: a name written family name first ("Nguyễn Thị Lan
// Anh" … "Nguyễn said"), or with the father's family name before the mother's ("Joaquín
// Echeverría Saavedra" … "Echeverría said"). The person is known by shape, or by a name
// of three words or more that opens with a given name ("María Guadalupe Ochoterena
// Villaseñor" … "Ochoterena said").
func familyFirst(actors []*localActor, w string) []*localActor {
	if isGivenName(w) {
		return nil
	}
	if a := onlyOne(actors, func(a *localActor) bool {
		return a.kind == Person && (a.strong || len(a.tokens) >= 3 && isGivenName(a.tokens[0])) &&
			len(a.tokens) >= 2 && slices.Contains(a.tokens[:len(a.tokens)-1], w)
	}); a != nil {
		return []*localActor{a}
	}
	return nil
}

// noteGenders learns people's genders from the text where their names do not say it: a
// person who opens a sentence is the one its next "his" or "her" means, unless another
// person is named first ("Achterberg, a Democrat in her second term, said").
func (x *docExtract) noteGenders() {
	for _, p := range x.paras {
		for i, m := range p.mentions {
			if m.kind != Person || m.actor == nil || m.inQuote || !isSubjectPosition(p.toks, m.first) {
				continue
			}
			next := len(p.toks) // where the next person is named
			for _, n := range p.mentions[i+1:] {
				if n.kind == Person {
					next = n.first
					break
				}
			}
			k := m.end
			for ; k < next && !p.toks[k].sentEnd && p.toks[k].kind != tokOpenQ; k++ {
				if w := p.toks[k].text; w[0] != 'h' && w[0] != 's' {
					continue // no third-person pronoun: most words are passed over here
				}
				if objectPronoun(p.toks, k) {
					break // "Roe does not argue with her": someone else
				}
				if g := pronounGender(p.toks[k].text); g != genderUnknown {
					m.actor.note(g)
					break
				}
			}
			// "Roe said the counties should pay. He has also asked …": the next sentence
			// goes on about its subject.
			if k+1 < next && p.toks[k].sentEnd && (p.toks[k+1].text == "He" || p.toks[k+1].text == "She") {
				m.actor.note(pronounGender(strings.ToLower(p.toks[k+1].text)))
			}
		}
	}
}

// objectPronoun reports whether toks[k] is "him", or "her" not before the noun it owns
// ("with her.", "told her that"): a pronoun that most often means someone other than the
// sentence's subject.
func objectPronoun(toks []token, k int) bool {
	switch toks[k].text {
	case "him":
		return true
	case "her":
		return k+1 == len(toks) || toks[k+1].kind != tokWord || isCapitalized(toks[k+1].text) || functionWords[toks[k+1].text]
	}
	return false
}

// functionWords are words that follow an object pronoun, never a possessive one's noun.
var functionWords = map[string]bool{
	"to": true, "that": true, "the": true, "a": true, "an": true, "and": true, "about": true, "in": true, "on": true,
	"at": true, "for": true, "with": true, "from": true, "of": true, "as": true, "when": true, "if": true,
	"because": true, "but": true, "or": true, "into": true, "out": true, "up": true, "down": true, "again": true,
	"back": true, "by": true, "over": true, "after": true, "before": true, "so": true, "than": true, "too": true,
}

// pronounGender is the gender a third-person pronoun says.
func pronounGender(w string) gender {
	switch w {
	case "his", "he", "him", "himself":
		return male
	case "her", "she", "hers", "herself":
		return female
	}
	return genderUnknown
}

// innerCapital reports whether w has a capital letter well inside it after a small one,
// as a company's name may ("BlackQuarry", "ClearCount"); a surname's comes early
// ("McAllister", "DeSantis", "MacArthur").
func innerCapital(w string) bool {
	lower := false
	for i, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case i >= 4 && lower && unicode.IsUpper(r):
			return !strings.ContainsAny(w[:i], "-'’.")
		}
	}
	return false
}

// plausibleName reports whether words could be a person's name: none is a word the
// lexicon knows as something else (a place, a title, a common word, an institution).
func plausibleName(words []string) bool {
	for _, w := range words {
		if lexicon.places.has(w) || lexicon.titles.has(w) || lexicon.common.has(w) || lexicon.nouns.has(w) || lexicon.orgHeads.has(w) || isAllCaps(w) {
			return false
		}
	}
	return len(words) <= 3
}

// mostRecent returns, of people sharing a surname, the one named in full last before token
// tok of paragraph para, if that was in this paragraph or the one before.
// shortenedOrganizations gives an organisation named by the last words of a longer name
// the document has given it the full name: "the Benton County Sheriff's Office" … "the
// Sheriff's Office said" is one office. The longer name named last before it wins, else
// the first after it. full is memory to note the longer names in; it is returned.
func shortenedOrganizations(paras []*paraInfo, full []*mention) []*mention {
	for _, p := range paras {
		for _, m := range p.mentions {
			if m.kind == Organization && len(m.tokens) >= 3 && !m.inQuote {
				full = append(full, m)
			}
		}
	}
	if len(full) == 0 {
		return full
	}
	for _, p := range paras {
		for _, m := range p.mentions {
			if m.kind != Organization || len(m.tokens) < 2 || !lexicon.orgHeads.has(stripPossessive(m.tokens[len(m.tokens)-1])) {
				continue
			}
			var best []string
			for _, n := range full {
				if len(n.tokens) > len(m.tokens) && slices.Equal(n.tokens[len(n.tokens)-len(m.tokens):], m.tokens) {
					if best == nil || n.para < p.index || n.para == p.index && n.first < m.first {
						best = n.tokens
					}
				}
			}
			if best != nil {
				m.tokens = best
			}
		}
	}
	return full
}

// confirmSurnames makes sure of a full name no list knows ("Everard Vandermeer") that the
// text goes on to call by its last word alone ("Vandermeer said"): it is a person's, as
// sure as a name known by its shape, and the bare surname is theirs until the text names
// another person of that surname. last is an empty map to note where bare surnames stand.
func confirmSurnames(paras []*paraInfo, last map[string][2]int) {
	for _, p := range paras {
		for _, m := range p.mentions {
			if m.kind == Person && len(m.tokens) == 1 {
				last[m.tokens[0]] = [2]int{p.index, m.first}
			}
		}
	}
	for _, p := range paras {
		for _, m := range p.mentions {
			if m.kind != Person || m.strong || len(m.tokens) != 2 || m.inQuote || !plausibleName(m.tokens) {
				continue
			}
			if at, ok := last[m.tokens[1]]; ok && earlier([2]int{p.index, m.first}, at) {
				m.strong = true
			}
		}
	}
}

// namedHere reports whether one of people other than a was named in full in paragraph
// para before token tok, or, when before is set, at the opening of the paragraph before:
// "His son, John Harrow, testified too. “…,” the younger Harrow said." is the son.
func namedHere(people []*localActor, a *localActor, para, tok int, before bool) bool {
	for _, o := range people {
		if o == a {
			continue
		}
		for _, pos := range o.seen {
			if pos[0] == para && pos[1] < tok || before && pos[0] == para-1 && pos[1] == 0 {
				return true // named in this paragraph, or opening the one before ("Sylvia Plunkett, a volunteer observer, said …" / "“…,” said Plunkett")
			}
		}
	}
	return false
}

// relativeAge reports whether the name at toks[k] is told apart by age: "the elder
// Dreesen", "the younger Roe", who is not simply the one named last.
func relativeAge(toks []token, k int) bool {
	return k > 0 && (toks[k-1].text == "elder" || toks[k-1].text == "younger")
}

// earlier reports whether place a (paragraph, token) comes before place b.
func earlier(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

// oneTitled returns the one of people whose roles hold the post that titles give
// ("Sen." is Senator), or nil when no titles give a post or not one person holds it.
func oneTitled(people []*localActor, titles []string) *localActor {
	post := titleRole(titles)
	if post == "" {
		return nil
	}
	return onlyOne(people, func(a *localActor) bool { return slices.Contains(a.roles, post) })
}

// onlyOne returns the one of people keep accepts, or nil when none or several do.
func onlyOne(people []*localActor, keep func(a *localActor) bool) *localActor {
	var found *localActor
	for _, a := range people {
		if keep(a) {
			if found != nil {
				return nil
			}
			found = a
		}
	}
	return found
}

// oneOfGender returns the one of people known to be of gender g, or nil.
func oneOfGender(people []*localActor, g gender) *localActor {
	if g == genderUnknown {
		return nil
	}
	return onlyOne(people, func(a *localActor) bool { return a.gender == g })
}

// headlined returns the one of people whose full name the headline holds, or nil.
func headlined(people []*localActor, title string) *localActor {
	return onlyOne(people, func(a *localActor) bool {
		return len(a.tokens) >= 2 && strings.Contains(title, strings.Join(a.tokens, " "))
	})
}

// onlyIntroduced returns the one of people named in full before token tok of paragraph
// para, or nil when none or several were.
func onlyIntroduced(people []*localActor, para, tok int) *localActor {
	return onlyOne(people, func(a *localActor) bool { return len(a.seen) > 0 && earlier(a.seen[0], [2]int{para, tok}) })
}

func mostRecent(people []*localActor, para, tok int) *localActor {
	var best *localActor
	bestPos := [2]int{-1, -1}
	for _, a := range people {
		for _, pos := range a.seen {
			before := earlier(pos, [2]int{para, tok})
			if before && pos[0] >= para-1 && (pos[0] > bestPos[0] || pos[0] == bestPos[0] && pos[1] > bestPos[1]) {
				best, bestPos = a, pos
			}
		}
	}
	return best
}

// isOutletSlot reports whether the words before toks[i] cite a source of news: "told X",
// "according to X", "a statement to X", "an interview with X", "first reported by X".
func isOutletSlot(toks []token, i int) bool {
	word := func(k int) string {
		if k < 0 || toks[k].kind != tokWord {
			return ""
		}
		return strings.ToLower(toks[k].text)
	}
	if word(i-1) == "the" {
		i-- // "an interview with the Courier", "she told the Courier"
	}
	switch word(i - 1) {
	case "told":
		return true
	case "to":
		w := word(i - 2)
		return w == "according" || w == "statement" || w == "told" || w == "interview" || w == "comment" || w == "comments" || w == "email"
	case "with":
		return word(i-2) == "interview" || word(i-2) == "interviews"
	case "by":
		w := word(i - 2)
		return w == "reported" || w == "obtained" || w == "published" || w == "first" || w == "seen" || w == "reviewed"
	}
	return false
}

// namedGroup reports whether a group mention names a group that exists apart from its
// speaking ("Senate Democrats", "attorneys general"), rather than a plural that becomes an
// actor only when it speaks ("lawmakers said").
func namedGroup(m *mention) bool {
	head, mods := m.groupKey, ""
	if i := strings.LastIndexByte(m.groupKey, ' '); i >= 0 && !strings.HasSuffix(m.groupKey, "attorneys general") && !strings.HasSuffix(m.groupKey, "secretaries of state") {
		head, mods = m.groupKey[i+1:], m.groupKey[:i]
	}
	switch head {
	case "democrats", "republicans", "independents":
		return true
	case "senators", "lawmakers", "legislators", "representatives", "governors":
		return strings.Contains(mods, "democratic") || strings.Contains(mods, "republican") || strings.Contains(mods, "gop")
	}
	return strings.HasSuffix(m.groupKey, "attorneys general") || strings.HasSuffix(m.groupKey, "secretaries of state")
}

// splitName returns a person's surname (with a particle: "van Beek") and given name.
func splitName(ts []string) (surname, given string) {
	n := len(ts)
	for n > 1 && isNameSuffix(ts[n-1]) {
		n--
	}
	ts = ts[:n]
	last := n - 1
	for last >= 1 && nameParticles[strings.ToLower(ts[last-1])] && (last > 1 || !lexicon.firstNames.has(ts[0])) {
		if ts[last-1] == "y" && last >= 2 {
			last -= 2 // "Peña y Lillo": two family names joined
			continue
		}
		last-- // "van Beek", "de la Cruz"
	}
	if last < n-1 && isCapitalized(ts[last]) && nameParticles[strings.ToLower(ts[last])] {
		// "Von der Mühlen said", opening a sentence, is von der Mühlen.
		surname = strings.ToLower(ts[last][:1]) + strings.Join(ts[last:], " ")[1:]
	} else {
		surname = strings.Join(ts[last:], " ")
	}
	for _, t := range ts[:last] {
		if !isInitial(t) {
			return surname, t
		}
	}
	if last > 0 {
		given = ts[0]
	}
	return surname, given
}

// generation is the suffix that tells a father from a son of one name ("jr", "sr", "ii",
// "iii", "iv"), from the mention's own words ("Clement Yardley Jr.", "Yardley Sr.") or
// the words before it ("the younger Yardley" is "jr", "the elder Yardley" "sr"); "" when
// neither says.
func generation(toks []token, m *mention) string {
	if s := suffixOf(m.tokens); s != "" {
		return s
	}
	if m.first > 0 {
		switch toks[m.first-1].text {
		case "younger":
			return "jr"
		case "elder":
			return "sr"
		}
	}
	return ""
}

// suffixOf is the generation a name's last word gives, lower-cased, or "".
func suffixOf(ts []string) string {
	if n := len(ts); n > 1 {
		switch w := strings.TrimSuffix(ts[n-1], "."); w {
		case "Jr", "Sr", "II", "III", "IV":
			return strings.ToLower(w)
		}
	}
	return ""
}

// ofGeneration keeps, of people sharing a surname, those a mention of generation g may
// name: all of them when g is "", else those of that generation, or those whose name says
// none when no one's says g. "Clement Yardley Jr." is not his father.
func ofGeneration(people []*localActor, g string) []*localActor {
	if g == "" || len(people) == 0 {
		return people
	}
	var same, unknown []*localActor
	for _, a := range people {
		switch suffixOf(a.tokens) {
		case g:
			same = append(same, a)
		case "":
			unknown = append(unknown, a)
		}
	}
	if len(same) > 0 {
		return same
	}
	return unknown
}

func isNameSuffix(w string) bool {
	switch w {
	case "Jr.", "Sr.", "II", "III", "IV", "Jr", "Sr", "MLA", "MP", "MPP", "MHA", "MSP", "AM", "TD", "QC", "KC":
		return true // and the letters a member of a parliament puts after the name
	}
	return false
}

// appendOrgKey appends the key of an organisation's name to buf, a name normalized so
// that "Department of Justice" and "Justice Department" are one.
func appendOrgKey(buf []byte, ts []string) []byte {
	ts = trimArticles(ts)
	head := ""
	if len(ts) >= 3 && ts[1] == "of" && lexicon.orgHeads.has(ts[0]) && (len(ts) < 5 || !slices.Contains(ts[3:len(ts)-1], "of")) {
		head, ts = ts[0], ts[2:]
		if ts[0] == "the" {
			ts = ts[1:]
		}
	}
	for i, w := range ts {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = appendLower(buf, w)
	}
	if head != "" {
		buf = appendLower(append(buf, ' '), head)
	}
	return buf
}

// appendLower appends w, lower-cased, to buf.
func appendLower(buf []byte, w string) []byte {
	if !isASCII(w) {
		return append(buf, strings.ToLower(w)...)
	}
	for i := 0; i < len(w); i++ {
		buf = append(buf, lowerByte(w[i]))
	}
	return buf
}
