package corpus

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// attributor walks a document's paragraphs in order, attributing each quotation and each
// piece of reported speech, and remembering who spoke last for pronouns and continuations.
type attributor struct {
	x           *docExtract
	lastSpeaker []*localActor // speakers of the latest quotation or reported speech
	lastPara    int           // the paragraph they spoke in
	priorOne    *localActor   // the one person who spoke before the latest speakers, for replies
	lastPlural  []*localActor // the latest set of speakers that is a group or several people
	pluralPara  int
	lastWriters []*localActor // who wrote the latest letter or statement
	lastOrg     *localActor   // the latest organisation that spoke
	lastOrgPara int
}

// subject is who a reporting verb belongs to.
type subject struct {
	speakers []*localActor
	group    *localActor // a group the speakers were named as, if any
	first    int         // token index where the subject starts, or -1
}

func (s subject) empty() bool { return len(s.speakers) == 0 && s.group == nil }

func (s subject) all() []*localActor {
	if s.group == nil {
		return s.speakers
	}
	out := []*localActor{s.group}
	for _, m := range s.speakers {
		if m != s.group {
			out = append(out, m)
		}
	}
	return out
}

// paragraph attributes the quotations of paragraph pi, then its reported speech.
func (a *attributor) paragraph(pi int) {
	p := a.x.paras[pi]
	a.ownRoles(pi)
	var prev *rawQuote
	turn := a.x.labelledQuote(pi)
	if turn != nil {
		a.x.quotes = append(a.x.quotes, turn)
		defer a.cutNested(turn, len(a.x.quotes)-1)
	}
	for _, sp := range p.spans {
		q := a.quote(pi, sp, prev)
		if q == nil {
			continue
		}
		if sp[0] == 0 && len(q.speakers) > 0 {
			// A quotation running on from paragraphs left open is the speaker's this one
			// names: "“We ask that you … [no closing mark] / “Voters did not agree,” the
			// lawmakers wrote."
			for i := pi - 1; i >= 0; i-- {
				last := a.lastQuoteOf(i)
				if last == nil || !last.open || len(last.speakers) > 0 {
					break
				}
				last.speakers, last.cue = q.speakers, q.cue
				if para := a.x.paras[i]; len(para.spans) != 1 || para.spans[0][0] != 0 {
					break // it opened in this paragraph
				}
			}
		}
		a.x.quotes = append(a.x.quotes, q)
		prev = q
	}
	a.reportedSpeech(pi)
}

// cutNested leaves out of a transcript turn, the quotation at a.x.quotes[at], the words it
// quotes of someone else, named as saying them or not ("SECRETARY HALVORSEN: … and she
// said to me, “Not one ballot …” I believe her."; "My old boss had a line: “Clicking is
// not the crime.”"): the turn becomes the pieces around them, so that no one reads the
// quoted words as the turn's speaker's. The words the turn's speaker says they said
// ("We tell clerks, “…”") stay.
func (a *attributor) cutNested(turn *rawQuote, at int) {
	var cuts [][2]int // byte ranges of the turn's text, quotation marks included
	for _, q := range a.x.quotes[at+1:] {
		if q.para != turn.para || slices.Contains(q.speakers, turn.speakers[0]) {
			continue
		}
		if i := strings.Index(turn.text, q.text); i > 0 {
			lo, hi := i, i+len(q.text)
			lo = strings.LastIndexAny(turn.text[:lo], "“\"'‘") // the opening mark
			if lo < 0 {
				continue
			}
			if j := strings.IndexAny(turn.text[hi:], "”\"'’"); j >= 0 && j <= 3 {
				_, size := utf8.DecodeRuneInString(turn.text[hi+j:])
				hi += j + size
			}
			cuts = append(cuts, [2]int{lo, min(hi, len(turn.text))})
		}
	}
	if len(cuts) == 0 {
		return
	}
	var pieces []*rawQuote
	from := 0
	for _, c := range append(cuts, [2]int{len(turn.text), len(turn.text)}) {
		if c[0] < from {
			continue
		}
		if text := strings.TrimSpace(turn.text[from:c[0]]); len(strings.Fields(text)) >= 3 {
			piece := *turn
			piece.text = text
			pieces = append(pieces, &piece)
		}
		from = c[1]
	}
	a.x.quotes = slices.Replace(a.x.quotes, at, at+1, pieces...)
}

// ownRoles names the organisation a post of someone named in paragraph pi gives only by
// its noun: "The group's director, Yasmin Farquhar," after the Kentucky Open Polls Project
// is the Kentucky Open Polls Project's director.
func (a *attributor) ownRoles(pi int) {
	p := a.x.paras[pi]
	for _, m := range p.mentions {
		if m.kind != Person || m.actor == nil || m.inQuote {
			continue
		}
		for i, r := range m.actor.roles {
			head, rest, ok := strings.Cut(r, " ")
			if ok && (strings.EqualFold(head, "her") || strings.EqualFold(head, "his") || strings.EqualFold(head, "their")) {
				// "Gov. Elaine Marchetti … Her spokesman, Tobias Reyna,": the governor's
				// spokesman; whose, when the text says no more, is left out.
				m.actor.roles[i] = rest
				if owner := a.ownerOf(pi, m, strings.ToLower(head)); owner != "" {
					m.actor.roles[i] = owner + "'s " + rest
				}
				continue
			}
			if !ok || !isPossessive(head) {
				continue
			}
			noun := stripPossessive(head)
			if isCapitalized(noun) {
				noun = strings.ToLower(noun) // "Group's director" opening a sentence
			}
			if !orgNouns[noun] || noun == "county" || noun == "city" {
				continue
			}
			if org := a.organizationNamed(pi, int(p.toks[m.first].start), noun); org != nil && org.kind != Person {
				m.actor.roles[i] = strings.Join(org.tokens, " ") + "'s " + rest
			}
		}
	}
}

// roleHolds reports whether role r holds the word w, but not as whose it is: "the
// governor" is not the "Governor's spokesman".
func roleHolds(r, w string) bool {
	r = strings.ToLower(r)
	for from := 0; ; {
		i := strings.Index(r[from:], w)
		if i < 0 {
			return false
		}
		rest := r[from+i+len(w):]
		if !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s") {
			return true
		}
		from += i + len(w)
	}
}

// ownerBefore returns the index of the possessive that owns the noun at toks[k]
// ("institute's report"), past a year or a word in lower case between them ("institute's
// 2028 report", "institute's latest report"), or -1.
func ownerBefore(toks []token, k int) int {
	o := k - 1
	if o > 0 && !isPossessive(toks[o].text) && toks[o].kind == tokWord && (isDigitStart(toks[o].text) || isLowerASCII(toks[o].text[0])) {
		o--
	}
	if o >= 0 && toks[o].kind == tokWord && isPossessive(toks[o].text) {
		return o
	}
	return -1
}

// authorOf returns who wrote the study or report paragraph pi or the one before speaks
// of: the organisation whose name stands before the noun ("The Northgate report"), else
// the one person the text calls its lead author ("Oriana Mallinder, … the study's lead
// author").
func (a *attributor) authorOf(pi int) *localActor {
	for i := pi; i >= 0 && i >= pi-1; i-- {
		p := a.x.paras[i]
		for _, m := range p.mentions {
			if m.kind == Organization && m.actor != nil && !m.inQuote && m.end < len(p.toks) && reportNouns[strings.TrimSuffix(p.toks[m.end].text, "'s")] {
				return m.actor
			}
		}
	}
	if lead := onlyOne(a.x.actors, func(r *localActor) bool {
		return r.kind == Person && slices.ContainsFunc(r.roles, func(role string) bool { return strings.Contains(role, "lead author") })
	}); lead != nil {
		return lead
	}
	// "a study released Monday by researchers at Marchmont State University", "a report by
	// the Harwick Center": the body the text first says it is by.
	for i := 0; i <= pi; i++ {
		p := a.x.paras[i]
		for k, t := range p.toks {
			if t.inQuote || !reportNouns[t.text] {
				continue
			}
			for j := k + 1; j < len(p.toks) && j <= k+6 && !p.toks[j].sentEnd; j++ {
				if p.toks[j].text != "by" {
					continue
				}
				for _, m := range p.mentions {
					if m.kind == Organization && m.actor != nil && !m.inQuote && m.first > j && m.first <= j+4 {
						return m.actor
					}
				}
				break
			}
		}
	}
	return nil
}

// ownerOf names, by post or else by name, the person "his" or "her" before mention m of
// paragraph pi stands for: the last person named before it there, of that gender if the
// text says; "their" names no one.
func (a *attributor) ownerOf(pi int, m *mention, pronoun string) string {
	g := pronounGender(pronoun)
	if g == genderUnknown {
		return ""
	}
	p := a.x.paras[pi]
	var owner *localActor
	for _, o := range p.mentions {
		if o.first >= m.first {
			break
		}
		if o.kind == Person && o.actor != nil && o.actor != m.actor && !o.inQuote && o.actor.fits(g) {
			owner = o.actor
		}
	}
	if owner == nil {
		return ""
	}
	if len(owner.roles) > 0 {
		return owner.roles[0]
	}
	return strings.Join(owner.tokens, " ")
}

// quote builds and attributes the quotation at span sp of paragraph pi.
func (a *attributor) quote(pi int, sp [2]int, prev *rawQuote) *rawQuote {
	p := a.x.paras[pi]
	toks := p.toks
	o, c := sp[0], sp[1]
	if c-o <= 1 {
		return nil
	}
	startByte := toks[o].end
	endByte := len(p.text)
	if c < len(toks) {
		endByte = int(toks[c].start)
	}
	text := strings.TrimSpace(p.text[startByte:endByte])
	text = strings.TrimSpace(strings.TrimSuffix(text, ","))
	if o > 0 && namingWords[strings.ToLower(toks[o-1].text)] || o > 1 && namingPairs[strings.ToLower(toks[o-2].text+" "+toks[o-1].text)] {
		return nil // the so-called “forensic audit”, a report titled “…”: a name, not anyone's words
	}
	if c-o <= 3 && o > 0 && c+1 < len(toks) && toks[o-1].kind == tokWord && isCapitalized(toks[o-1].text) &&
		toks[c+1].kind == tokWord && isCapitalized(toks[c+1].text) {
		return nil // a nickname: Michael “Mike” Roe
	}
	q := &rawQuote{para: pi, text: text, open: c >= len(toks), close: c, attrEnd: c + 1}
	lastInner := toks[c-1].text
	if (lastInner == "’" || lastInner == "'" || lastInner == "”" || lastInner == "\"") && c-2 > o {
		// "… a receipt that says ‘miscellaneous,’” said Roe", "'My first thought was, "How
		// many?"' Mr Teale said": the mark inside the nested quotation's.
		lastInner = toks[c-2].text
	}
	endsOpen := lastInner == "," || lastInner == "?" || lastInner == "!" || lastInner == "—" || lastInner == "–" || lastInner == "-" || lastInner == "…"
	if (lastInner == "?" || lastInner == "!" || lastInner == "," && o > 0 && toks[o-1].text == "that") && introducedBefore(toks, o) {
		// "he asked me, “What if they find something?” I told him …": the question was
		// introduced before it; what follows is a sentence of its own. So was "she told the
		// audience that “the boring stuff is the security,” a line Elphick says he has
		// since borrowed".
		endsOpen = false
	}
	q.partial = o > 0 && toks[o-1].kind == tokWord && !toks[o-1].sentEnd

	var subj subject
	var cue string
	reported := false // a reporting verb right after the quotation, whoever its subject
	// 1. After the quotation: “…,” Jane Roe said / said Jane Roe / he added.
	if c < len(toks) {
		end := sentenceEndAfter(toks, c+1)
		// After a full stop, only a short "Roe said." attributes the quotation; "Roe added:"
		// introduces the next one.
		closesSentence := end < len(toks) && toks[end].sentEnd && toks[end-1].text != ":"
		if v := firstVerb(p, c+1, end); v >= 0 && (endsOpen || closesSentence && v-c <= 8 && onlyAdverbs(toks[v+1:end])) {
			reported = endsOpen && !q.partial && v-c <= 8
			subj = a.speakerBefore(pi, v, c+1)
			if subj.empty() && v == c+1 || subj.empty() && onlyAdverbs(toks[c+1:v]) {
				subj = a.speakerAfter(pi, v, end)
			}
			if !subj.empty() {
				cue = toks[v].text
				p.toks[v].used = true
				q.attrEnd = end
			}
			// "“…,” Justice Montclair said." / "“…,” she replied.": a reply is not the
			// words of the one replied to.
			if r := a.replier(subj, toks, v); r != nil {
				subj = subject{speakers: []*localActor{r}}
			}
		}
	}
	// 1a. A pull quote signed with a dash: “…” — Jane Roe, county clerk; or signed on a
	// line of its own, when the quotation is its paragraph: “…” / — Jane Roe, Director.
	if subj.empty() && c+2 < len(toks) && (toks[c+1].text == "—" || toks[c+1].text == "–") && !verbBefore(toks, o) && (prev == nil || len(prev.speakers) == 0) {
		// (Not "…, writing that “…” — Hamid Pennington", nor "“…,” he said. “…” — Maud
		// Brennecke": a live page's reporter signs the entry; the words are the speaker's.)
		subj, q.attrEnd = a.signedBy(p, c+2)
	} else if next := pi + 1; subj.empty() && o == 0 && c+1 == len(toks) && next < len(a.x.paras) && len(a.x.paras[next].toks) > 1 {
		if t := a.x.paras[next].toks[0].text; t == "—" || t == "–" {
			subj, _ = a.signedBy(a.x.paras[next], 1)
		}
	}
	// 1b. “…,” according to Jane Roe / to a statement from the company / from Roe's office.
	if subj.empty() && c+2 < len(toks) && toks[c+1].text == "according" && toks[c+2].text == "to" {
		from := documentFrom(toks, c+2)
		if s := a.speakerAfter(pi, from, sentenceEndAfter(toks, c+1)); !s.empty() {
			subj, cue = s, "according to"
		} else if from > c+2 {
			// "according to a statement from the company"; "… from Roe's office": Roe's words.
			if from+2 < len(toks) && toks[from+1].text == "the" {
				if org := a.organizationNamed(pi, int(toks[from+2].start), strings.ToLower(toks[from+2].text)); org != nil {
					subj, cue = subject{speakers: []*localActor{org}}, "according to"
				}
			}
			for _, m := range p.mentions {
				if m.first == from+1 && m.kind == Person && m.end < len(toks) && isPossessive(toks[m.end-1].text) && strings.EqualFold(toks[m.end].text, "office") {
					subj, cue = a.subjectOf(m), "according to"
				}
			}
		}
	}
	// 1b'. “…,” per a company filing / per Jane Roe.
	if subj.empty() && c+2 < len(toks) && toks[c+1].text == "per" {
		k := c + 2
		if toks[k].text == "a" || toks[k].text == "an" || toks[k].text == "the" {
			k++
		}
		if k+1 < len(toks) && orgNouns[toks[k].text] && documentNouns[toks[k+1].text] {
			if org := a.organizationNamed(pi, int(toks[k].start), toks[k].text); org != nil {
				subj, cue = subject{speakers: []*localActor{org}}, "per"
			}
		} else if s := a.speakerAfter(pi, c+1, sentenceEndAfter(toks, c+1)); !s.empty() {
			subj, cue = s, "per"
		}
	}
	// 1c. “…” That was the assessment of Jane Roe. / That was Roe, in a statement.
	if subj.empty() && !q.partial {
		if s := a.namedAfter(pi, c); !s.empty() {
			subj = s
		}
	}
	// 2. Before it, in the same sentence: Jane Roe said, “…” / warned that “…”.
	if subj.empty() {
		lo := sentenceStartBefore(toks, o)
		// The last verb with a subject: in "Roe said states “need help”", "states" has none.
		for v := lastVerb(p, lo, o); v >= 0 && subj.empty(); v = lastVerb(p, lo, v) {
			if isParticiple(toks[v].text) {
				subj = a.clauseSubject(pi, lo, v)
			}
			if subj.empty() {
				subj = a.speakerBefore(pi, v, lo)
			}
			if subj.empty() && v+1 < o && !addressed[lexicon.verbs.lemma(toks[v].text)] {
				subj = a.speakerAfter(pi, v, o) // "said Roe", not "told the commissioners"
			}
			if !subj.empty() {
				cue = toks[v].text
				p.toks[v].used = true
			}
		}
	}
	// 2a. According to Jane Roe, “…”.
	if lo := sentenceStartBefore(toks, o); subj.empty() && o-lo >= 3 && strings.EqualFold(toks[lo].text, "according") && toks[lo+1].text == "to" {
		if s := a.speakerAfter(pi, lo+1, o); !s.empty() {
			subj, cue = s, "according to"
		}
	}
	// 2b. Introduced by a colon after any clause: "Roe put it more bluntly: “…”", or after
	// a name alone, as a roundup of reactions writes it: "**Gov. Ann Roe (R-Mont.):** “…”".
	colon := o - 1
	for colon > 0 && (toks[colon].text == "*" || toks[colon].text == "_") {
		colon--
	}
	if subj.empty() && colon >= 0 && colon < o && toks[colon].text == ":" {
		lo := sentenceStartBefore(toks, o)
		if w := toks[lo].text; (w == "His" || w == "Her") && lo+1 < colon && speechNouns[toks[lo+1].text] {
			// "Her message to Congress was simple: “…”": hers, not Congress's.
			g := male
			if w == "Her" {
				g = female
			}
			if who := a.person(pi, int(toks[lo].start), g); who != nil {
				subj, cue = subject{speakers: []*localActor{who}}, ":"
			}
		}
		if s := a.clauseSubject(pi, lo, colon); subj.empty() && !s.empty() {
			subj, cue = s, ":"
		}
	}
	// 2c. Read aloud from someone's letter: "… a letter she had received from Odessa
	// Farnsworth, the elections director. Valcourt read: “…”": the writer's words.
	if !subj.empty() && o > 0 {
		if lo := sentenceStartBefore(toks, o); slices.ContainsFunc(toks[lo:o], func(t token) bool { return readVerbs[t.text] }) {
			if w := a.writerOfDocument(pi, o); w != nil {
				subj = subject{speakers: []*localActor{w}}
			}
		}
	}
	// 3. Introduced at the end of the paragraph before: Jane Roe responded:
	if subj.empty() && o == 0 && pi > 0 {
		pp := a.x.paras[pi-1]
		if n := len(pp.toks); n > 0 && pp.toks[n-1].text == ":" {
			lo := sentenceStartBefore(pp.toks, n-1)
			if v := lastVerb(pp, lo, n-1); v >= 0 {
				subj = a.speakerBefore(pi-1, v, lo)
				if !subj.empty() {
					cue = pp.toks[v].text
					pp.toks[v].used = true
				}
			}
		}
	}
	// 4. A continuation: the same speaker's next words, in this paragraph or running on
	// from the last.
	if subj.empty() {
		switch {
		case prev != nil && len(prev.speakers) > 0 && !otherActorBetween(p, prev.attrEnd, o, prev.speakers):
			q.speakers, cue = prev.speakers, prev.cue
		case o == 0 && pi > 0:
			if last := a.lastQuoteOf(pi - 1); last != nil && last.open && len(last.speakers) > 0 {
				q.speakers, cue = last.speakers, last.cue
			} else if c >= len(toks) || firstVerb(p, c+1, sentenceEndAfter(toks, c+1)) < 0 {
				// 6. A paragraph of someone's words alone, after a short sentence about them:
				// "Ferreira was blunt." / "“This is not a story about fraud.”"
				if who := a.introduced(pi - 1); who != nil {
					q.speakers = []*localActor{who}
				} else if who := a.lastSentenceSubject(pi - 1); who != nil && c+1 >= len(toks) {
					// 7. A paragraph that is one quotation, after a paragraph whose last
					// sentence is about one person: "Hyacinth Voorhees, a retired accountant …,
					// waited two hours for her three minutes at the lectern." / "“…”"
					q.speakers = []*localActor{who}
				} else if last := a.lastQuoteOf(pi - 1); last != nil && c+1 >= len(toks) && toks[c-1].text != "?" && a.saidAlone(pi-1, last) {
					// 8. A paragraph that is one quotation, after a paragraph that is one
					// quotation and who said it: "“…,” said Mrs Castleton." / "“Nobody at this
					// count is going to be asked to take anything on trust.”" Not an answer to
					// a question, which is someone else's.
					q.speakers, cue = last.speakers, last.cue
				} else if last != nil && c+1 >= len(toks) && toks[c-1].text != "?" && a.endsOnWordsOf(pi-1, last) {
					// 9. A paragraph that is one quotation, after a paragraph that ends on the
					// speaker's words in a sentence of reported speech: "He urged the
					// commission to print more and “not just put it on a website”." / "“A lot
					// of our elders don't use websites.”"
					q.speakers, cue = last.speakers, last.cue
				}
			}
		case prev == nil && pi > 0 && colon > 0 && toks[colon].text == ":" && sentenceStartBefore(toks, colon) == 0 && aside(p, colon) &&
			(c >= len(toks) || firstVerb(p, c+1, sentenceEndAfter(toks, c+1)) < 0):
			// 4a. Words a paragraph opens on after an aside and a colon go on from the words
			// that ended the paragraph before: "“…,” he said. “Usually about my curfew.”" /
			// "Then, more seriously: “…”"
			if last := a.lastQuoteOf(pi - 1); last != nil && len(last.speakers) > 0 && last.close >= len(a.x.paras[pi-1].toks)-2 && a.oneVoice(pi-1, last) {
				q.speakers, cue = last.speakers, last.cue
			}
		case c >= len(toks) || firstVerb(p, c+1, sentenceEndAfter(toks, c+1)) < 0:
			// 5. No verb of its own (an unnamed "official said" is one), right after a
			// sentence of reported speech: "Roe said she was worried. “How do I know my
			// vote counted?”"; or a short one about the speaker: "Okafor-Reyes followed up.
			// “And if we uphold it …?”"
			q.speakers, cue = a.speakerOfSentenceBefore(pi, o)
			if len(q.speakers) == 0 && o > 0 && sentenceStartBefore(toks, o) == o {
				if who := a.introducedIn(pi, sentenceStartBefore(toks, o-1), o); who != nil {
					q.speakers = []*localActor{who}
				}
			}
		}
	} else {
		q.speakers = subj.all()
	}
	if cue == ":" {
		cue = ""
	}
	q.cue = strings.ToLower(cue)
	if len(q.speakers) == 0 && !reported && (len(strings.Fields(text)) <= 4 || looksLikeTitle(text)) {
		return nil // a scare quote or a title in quotation marks: nobody's words
	}
	a.spoke(pi, q.speakers, q.cue, toks, c)
	return q
}

// issuer returns who spoke in a statement the paragraph told of before token k, the
// latest: "In a statement, the Manch said it had set up a helpline. “…,” the statement
// said."; "The Board of Elections said in a statement Friday that … “…,” the statement
// said."
// A sentence of speech counts only where it names the writing ("said in a joint statement"
// is no one's "report").
func (a *attributor) issuer(pi, k int, noun string) []*localActor {
	if who := a.issuerIn(pi, k, noun); len(who) > 0 || pi == 0 {
		return who
	}
	return a.issuerIn(pi-1, len(a.x.paras[pi-1].toks), noun) // "… said in a statement that “…”" / "“…,” the statement said."
}

// issuerIn is issuer within one paragraph.
func (a *attributor) issuerIn(pi, k int, noun string) []*localActor {
	toks := a.x.paras[pi].toks
	var who []*localActor
	for lo := 0; lo < k; {
		end := sentenceEndAfter(toks, lo)
		if end >= k && k < len(toks) {
			break
		}
		if b := a.onBehalf(pi, lo, end); b != nil {
			who = []*localActor{b}
		}
		if b := a.publisher(pi, lo, end); b != nil {
			who = b
		}
		names := slices.ContainsFunc(toks[lo:min(end, len(toks))], func(t token) bool { return strings.EqualFold(t.text, noun) })
		for v := lo; v < end && v < len(toks) && names; v++ {
			if toks[v].inQuote || !isReportingVerb(toks, v) || !mentionsDocument(toks, v) {
				continue
			}
			if subj := a.speakerBefore(pi, v, lo); !subj.empty() {
				who = subj.all()
				break
			}
		}
		lo = end + 1
	}
	return who
}

// publishingVerbs put a writing out: "which on Tuesday published a survey".
var publishingVerbs = map[string]bool{"published": true, "released": true, "issued": true, "publishes": true, "releases": true, "issues": true,
	"posted": true, "posts": true, "sent": true, "sends": true, "circulated": true}

// publisher returns who a sentence, toks[lo:end] of paragraph pi, says put out a report:
// "the Keelson Institute for Public Systems, …, which on Tuesday published a survey of 212
// county election offices" is the one "the report found" means; or nil. Subjects joined
// by "and" put it out together: "Lucian Thornbury, who chairs …, and Ngozi Abernathy-Webb,
// the county Democratic chair, issued a joint statement".
func (a *attributor) publisher(pi, lo, end int) []*localActor {
	p := a.x.paras[pi]
	toks := p.toks
	end = min(end, len(toks))
	// "The BDR made the same point in a written statement on Thursday."
	for k := lo; k+2 < end; k++ {
		if toks[k].text == "in" && (toks[k+1].text == "a" || toks[k+1].text == "its" || toks[k+1].text == "their") &&
			slices.ContainsFunc(toks[k+2:min(k+4, end)], func(t token) bool { return documentNouns[t.text] }) {
			for _, m := range p.mentions {
				if m.first >= lo && m.first < k && !m.inQuote && m.actor != nil && (m.kind == Organization || m.kind == Person) && isSubjectPosition(toks, m.first) {
					return []*localActor{m.actor}
				}
			}
		}
	}
	for v := lo; v < end; v++ {
		if toks[v].inQuote || !publishingVerbs[toks[v].text] {
			continue
		}
		if !slices.ContainsFunc(toks[v+1:min(v+5, end)], func(t token) bool { return reportNouns[t.text] }) {
			continue
		}
		var who, joint []*localActor
		for _, m := range p.mentions {
			if m.first >= lo && m.end <= v && !m.inQuote && m.actor != nil && (m.kind == Organization || m.kind == Person) {
				who = []*localActor{m.actor}
				if len(joint) > 0 && m.first > 0 && toks[m.first-1].text == "and" && !slices.Contains(joint, m.actor) {
					joint = append(joint, m.actor)
				} else if len(joint) == 0 && (m.first == lo || m.first == lo+1 && strings.EqualFold(toks[lo].text, "the")) {
					joint = who
				}
			}
		}
		if len(joint) > 1 && joint[len(joint)-1] == who[0] {
			return joint
		}
		if who == nil && lo+1 < v && strings.EqualFold(toks[lo].text, "the") && orgNouns[toks[lo+1].text] {
			// "The group later posted a letter on its website": the group the text named.
			if org := a.organizationNamed(pi, int(toks[lo+1].start), toks[lo+1].text); org != nil && org.kind != Person {
				who = []*localActor{org}
			}
		}
		return who
	}
	return nil
}

// publisherOf returns who put out the writing "the report" at paragraph pi means, when
// the text said so further back: the subject of the last sentence, before the paragraph
// before, that says someone released or published a writing ("The Senate Intelligence
// Committee on Thursday released the first volume of its investigation").
func (a *attributor) publisherOf(pi int) []*localActor {
	for i := pi - 2; i >= 0; i-- {
		p := a.x.paras[i]
		toks := p.toks
		for v := len(toks) - 1; v >= 0; v-- {
			if toks[v].inQuote || !publishingVerbs[toks[v].text] || !slices.ContainsFunc(toks[v+1:min(v+9, len(toks))], func(t token) bool { return reportNouns[t.text] }) {
				continue
			}
			lo := sentenceStartBefore(toks, v)
			for _, m := range p.mentions {
				if m.first >= lo && m.end <= v && !m.inQuote && m.actor != nil && (m.kind == Organization || m.kind == Person) && isSubjectPosition(toks, m.first) {
					return []*localActor{m.actor}
				}
			}
		}
	}
	return nil
}

// onBehalf returns whose statement a sentence, toks[lo:end] of paragraph pi, says someone
// read or gave for them: "Her chief deputy read a short statement on her behalf", "… on
// behalf of Roe"; or nil.
func (a *attributor) onBehalf(pi, lo, end int) *localActor {
	toks := a.x.paras[pi].toks
	end = min(end, len(toks))
	if !slices.ContainsFunc(toks[lo:end], func(t token) bool { return !t.inQuote && documentNouns[t.text] }) {
		return nil
	}
	for k := lo; k+2 < end; k++ {
		if toks[k].text != "on" || toks[k].inQuote {
			continue
		}
		switch w := toks[k+1].text; {
		case toks[k+2].text == "behalf" && (w == "his" || w == "her"):
			g := male
			if w == "her" {
				g = female
			}
			// The person meant is named before this sentence: its subject is the reader.
			return a.person(pi, int(toks[lo].start), g)
		case w == "behalf" && toks[k+2].text == "of":
			for _, m := range a.x.paras[pi].mentions {
				if m.first == k+3 && m.actor != nil {
					return m.actor
				}
			}
		}
	}
	return nil
}

// pluralOrgNouns are the plurals of nouns that stand for organisations.
var pluralOrgNouns = map[string]bool{"parties": true, "groups": true, "organizations": true, "organisations": true,
	"companies": true, "unions": true, "campaigns": true, "agencies": true, "offices": true, "firms": true}

// jointOrganizations returns the two organisations last named together, joined by "and"
// in one sentence, before token k of paragraph pi or in the paragraph before.
func (a *attributor) jointOrganizations(pi, k int) []*localActor {
	for i := pi; i >= 0 && i >= pi-1; i-- {
		p := a.x.paras[i]
		var prev *mention
		for j := len(p.mentions) - 1; j >= 0; j-- {
			m := p.mentions[j]
			if m.inQuote || m.kind != Organization || m.actor == nil || i == pi && m.first >= k {
				continue
			}
			if prev != nil && prev.first > m.end && prev.first-m.end <= 4 && slices.ContainsFunc(p.toks[m.end:prev.first], func(t token) bool { return t.text == "and" }) &&
				sentenceStartBefore(p.toks, prev.first) <= m.first && m.actor != prev.actor {
				return []*localActor{m.actor, prev.actor}
			}
			prev = m
		}
	}
	return nil
}

// plaintiffs returns who brought the lawsuit a text calls "the lawsuit" or "the
// complaint" in paragraph pi: the last named as bringing one, there or in the paragraphs
// before: "The suit was filed in May by Citizens for Transparent Tallies", "X sued the
// county", "… sought by the League of Rural Voters and three voters, who sued".
func (a *attributor) plaintiffs(pi int) []*localActor {
	party := func(m *mention) bool {
		return !m.inQuote && (m.kind == Organization || m.kind == Group || m.kind == Person)
	}
	for i := pi; i >= 0 && i >= pi-8; i-- {
		p := a.x.paras[i]
		toks := p.toks
		for v := len(toks) - 1; v >= 0; v-- {
			switch toks[v].text {
			case "sued":
				// "X sued", "X and three voters, who sued": the first party named in the
				// few words before.
				end := v
				if v >= 2 && toks[v-1].text == "who" && toks[v-2].text == "," {
					end = v - 2
				}
				for _, m := range p.mentions {
					if party(m) && m.end <= end && m.end >= end-6 && sentenceStartBefore(toks, v) <= m.first {
						return a.subjectOf(m).all()
					}
				}
			case "filed", "brought":
				for k := v + 1; k < len(toks) && k <= v+6 && !toks[k].sentEnd; k++ {
					if toks[k].text != "by" {
						continue
					}
					for _, m := range p.mentions {
						if party(m) && (m.first == k+1 || m.first == k+2 && strings.EqualFold(toks[k+1].text, "the")) {
							return a.subjectOf(m).all()
						}
					}
					break
				}
			}
		}
	}
	return nil
}

// verbBefore reports whether a reporting verb comes before toks[o] in its sentence.
func verbBefore(toks []token, o int) bool {
	for v := sentenceStartBefore(toks, o); v < o; v++ {
		if !toks[v].inQuote && isReportingVerb(toks, v) {
			return true
		}
	}
	return false
}

// signer returns the person who signs the letter paragraph pi belongs to: the first
// paragraph from pi on, within a few, that opens with a dash and a person's name
// ("— Prudence Hartigan, Director of Elections").
func (a *attributor) signer(pi int) *localActor {
	for i := pi; i < len(a.x.paras) && i <= pi+6; i++ {
		p := a.x.paras[i]
		if i > pi && len(p.toks) > 1 && (p.toks[0].text == "—" || p.toks[0].text == "–") {
			if s, _ := a.signedBy(p, 1); len(s.speakers) == 1 && s.speakers[0].kind == Person {
				return s.speakers[0]
			}
			return nil
		}
	}
	return nil
}

// signedBy returns the person whose name starts at token k of paragraph p, after a dash
// that signs a quotation, and the end of the name.
func (a *attributor) signedBy(p *paraInfo, k int) (subject, int) {
	for _, m := range p.mentions {
		// "— state Rep. Corliss Hatchard": a lower-case word or two of the post may come first.
		if m.first >= k && m.first <= k+2 && m.kind == Person && !m.inQuote &&
			!slices.ContainsFunc(p.toks[k:m.first], func(t token) bool { return t.kind != tokWord || !isLowerASCII(t.text[0]) }) {
			return a.subjectOf(m), m.end
		}
	}
	return subject{}, 0
}

// namedAfter reads a sentence that names the speaker of a quotation closing at toks[c]
// of paragraph pi right after it, in this paragraph or opening the next: "That was the
// assessment of Jane Roe", "That was Roe, in a statement", "So said Roe".
func (a *attributor) namedAfter(pi, c int) subject {
	p := a.x.paras[pi]
	k := c + 1
	if k < len(p.toks) && p.toks[k].sentEnd {
		k++
	}
	if k >= len(p.toks) && pi+1 < len(a.x.paras) {
		p, k = a.x.paras[pi+1], 0
	}
	toks := p.toks
	if k+2 >= len(toks) || !(toks[k].text == "That" && toks[k+1].text == "was" || toks[k].text == "So" && toks[k+1].text == "said") {
		return subject{}
	}
	end := sentenceEndAfter(toks, k)
	for _, m := range p.mentions {
		if m.first < k+2 || m.first >= end || m.first > k+8 || m.inQuote {
			continue
		}
		if m.kind == Group || isPossessive(toks[m.end-1].text) {
			return subject{}
		}
		return a.subjectOf(m)
	}
	return subject{}
}

// introduced returns the person a paragraph of one short sentence is about, when the
// sentence opens with their name and holds no quotation: "Ferreira was blunt.", "Lee put
// it this way:", "Drummond's advice was simple.".
func (a *attributor) introduced(pi int) *localActor {
	p := a.x.paras[pi]
	if len(p.spans) > 0 {
		return nil
	}
	return a.introducedIn(pi, 0, len(p.toks))
}

// introducedIn is introduced for the sentence toks[lo:hi] of paragraph pi: "Okafor-Reyes
// followed up. “And if we uphold it …?”"
func (a *attributor) introducedIn(pi, lo, hi int) *localActor {
	p := a.x.paras[pi]
	toks := p.toks[:hi]
	if hi-lo < 3 || !toks[hi-1].sentEnd && toks[hi-1].text != ":" {
		return nil
	}
	if w := toks[lo].text; (w == "The" || w == "the") && lo+2 < hi-1 && lexicon.roleNouns.has(toks[lo+1].text) && allLowerWords(toks[lo+2:hi-1]) {
		// "The witness paused. “…”": whoever holds the post the text named.
		return a.roleHolder(pi, int(toks[lo+1].start), toks[lo+1].text)
	}
	if w := toks[lo].text; (w == "He" || w == "She") && hi-lo <= 12 && lo+1 < hi-1 && allLowerWords(toks[lo+1:hi-1]) {
		// "She described the process at length after the board's vote." / "“…”"
		g := male
		if w == "She" {
			g = female
		}
		return a.person(pi, int(toks[lo].start), g)
	}
	i := slices.IndexFunc(p.mentions, func(m *mention) bool { return m.first >= lo })
	if i < 0 {
		return nil
	}
	m := p.mentions[i]
	if m.end >= hi || m.first != lo && !participleClause(toks, lo, m.first) || m.kind != Person || m.actor == nil || !m.actor.strong && !m.actor.spoke || hi-m.first > 10 {
		return nil
	}
	rest := toks[m.end : hi-1]
	if isPossessive(toks[m.end-1].text) && (len(rest) == 0 || !speechNouns[rest[0].text]) {
		return nil // "Roe's office was closed": not about what Roe says
	}
	if !allLowerWords(rest) {
		return nil // one sentence, of lower-case words, about the person
	}
	return m.actor
}

// aside reports whether toks[:end] of paragraph p are a few words that name no one and
// say nothing: "Then, more seriously", "And later, quietly".
func aside(p *paraInfo, end int) bool {
	if end > 5 || firstVerb(p, 0, end) >= 0 || slices.ContainsFunc(p.mentions, func(m *mention) bool { return m.first < end }) {
		return false
	}
	for _, t := range p.toks[:end] {
		if t.text != "," && (t.kind != tokWord || lexicon.verbs.lemma(t.text) != "") {
			return false
		}
	}
	return true
}

// participleClause reports whether toks[lo:first] is a clause that opens a sentence with a
// participle and ends in a comma before its subject: "Asked what advice she would give,
// Signy thought for a moment."
func participleClause(toks []token, lo, first int) bool {
	w := toks[lo].text
	return first-lo >= 3 && first-lo <= 16 && toks[first-1].text == "," && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && isCapitalized(w)
}

// allLowerWords reports whether ts are words in lower case, or commas between them.
func allLowerWords(ts []token) bool {
	for _, t := range ts {
		if t.sentEnd || t.text != "," && (t.kind != tokWord || !isLowerASCII(t.text[0])) {
			return false
		}
	}
	return true
}

// reportNouns are writings that speak for their authors: "the institute's survey found".
var reportNouns = map[string]bool{"letter": true, "statement": true, "report": true, "memo": true, "filing": true,
	"petition": true, "release": true, "survey": true, "study": true, "review": true, "analysis": true, "audit": true,
	"advisory": true, "declaration": true, "testimony": true, "guidance": true, "assessment": true, "findings": true,
	"investigation": true, "bulletin": true, "notice": true, "complaint": true, "lawsuit": true}

// speechNouns are what someone says, as a short sentence may introduce it: "Drummond's
// advice was simple."
var speechNouns = map[string]bool{"advice": true, "message": true, "answer": true, "response": true, "reply": true,
	"view": true, "verdict": true, "warning": true, "explanation": true, "assessment": true, "argument": true,
	"reasoning": true, "pitch": true, "point": true, "conclusion": true, "prediction": true, "plea": true}

// lastSentenceSubject returns the person whose name opens the last sentence of paragraph
// pi, alone ("Roe and the county met" has two subjects), when that paragraph quotes no one
// and the sentence names no other person.
func (a *attributor) lastSentenceSubject(pi int) *localActor {
	p := a.x.paras[pi]
	toks := p.toks
	if len(toks) == 0 || len(p.spans) > 0 {
		return nil
	}
	lo := sentenceStartBefore(toks, len(toks)-1)
	var who *localActor
	for _, m := range p.mentions {
		switch {
		case m.first < lo || m.kind != Person:
		case who == nil && isSubjectPosition(toks, m.first) && !isPossessive(toks[m.end-1].text) && (m.end >= len(toks) || toks[m.end].text != "and") &&
			(m.actor != nil && (m.actor.strong || m.actor.spoke) || m.actor == nil && len(m.tokens) >= 2 && plainName(m.tokens)):
			if m.actor == nil {
				a.subjectOf(m) // a full name no list knows: the sentence's subject is someone
			}
			who = m.actor
		case m.actor != who:
			return nil // someone else in the sentence, or a subject that is no one's name
		}
	}
	return who
}

// speakerOfSentenceBefore returns who speaks in the sentence before the one that
// toks[o] opens, and the verb, if a reporting verb there has a subject.
func (a *attributor) speakerOfSentenceBefore(pi, o int) ([]*localActor, string) {
	p := a.x.paras[pi]
	toks := p.toks
	if o == 0 || sentenceStartBefore(toks, o) != o {
		return nil, "" // the quotation does not open its sentence
	}
	lo := sentenceStartBefore(toks, o-1)
	for v := lastVerb(p, lo, o); v >= 0; v = lastVerb(p, lo, v) {
		if subj := a.speakerBefore(pi, v, lo); !subj.empty() {
			return subj.all(), toks[v].text
		}
	}
	return nil, ""
}

// namingWords and namingPairs introduce a name or a label in quotation marks rather than
// someone's words.
var (
	namingWords = map[string]bool{"so-called": true, "dubbed": true, "titled": true, "entitled": true,
		"nicknamed": true, "named": true, "branded": true, "hashtag": true, "slogan": true}
	namingPairs = map[string]bool{"known as": true, "billed as": true, "referred to": true}
)

// replyVerbs answer what someone else said.
var replyVerbs = map[string]bool{"reply": true, "answer": true, "respond": true, "retort": true, "counter": true}

// replier returns who "he replied" or "she replied" means when subj, the pronoun's reading,
// is the one who spoke last and so the one replied to: the person who spoke before them,
// if of the pronoun's gender. Otherwise nil.
func (a *attributor) replier(subj subject, toks []token, v int) *localActor {
	if !replyVerbs[lexicon.verbs.lemma(toks[v].text)] || len(subj.speakers) != 1 || !slices.Equal(subj.speakers, a.lastSpeaker) || a.priorOne == nil {
		return nil
	}
	var w string
	switch {
	case v > 0 && (toks[v-1].text == "he" || toks[v-1].text == "she"):
		w = toks[v-1].text
	case v+1 < len(toks) && (toks[v+1].text == "he" || toks[v+1].text == "she"):
		w = toks[v+1].text
	default:
		return nil
	}
	if !a.priorOne.fits(pronounGender(w)) {
		return nil
	}
	return a.priorOne
}

// saidAlone reports whether paragraph pi is quotation q, no question nor an answer to one,
// and the words that say who said it: "“…,” said Deputy Colton Abeyta of the sheriff's
// office."
func (a *attributor) saidAlone(pi int, q *rawQuote) bool {
	p := a.x.paras[pi]
	return len(q.speakers) > 0 && len(p.spans) >= 1 && p.spans[0][0] == 0 && q.close > 1 && q.close < len(p.toks) &&
		!a.asked(q) && !replyVerbs[lexicon.verbs.lemma(q.cue)] && q.attrEnd >= len(p.toks)-1 && a.oneVoice(pi, q)
}

// oneVoice reports whether every quotation of paragraph pi is q's speakers': "“…,”
// Macaraeg said. “But …”" is one voice, running on.
func (a *attributor) oneVoice(pi int, q *rawQuote) bool {
	for i := len(a.x.quotes) - 1; i >= 0 && a.x.quotes[i].para >= pi; i-- {
		if o := a.x.quotes[i]; o.para == pi && !slices.Equal(o.speakers, q.speakers) {
			return false
		}
	}
	return true
}

// endsOnWordsOf reports whether paragraph pi ends on quotation q, a piece of a sentence
// that names who said it, and no question.
func (a *attributor) endsOnWordsOf(pi int, q *rawQuote) bool {
	p := a.x.paras[pi]
	return q.partial && len(q.speakers) > 0 && q.close < len(p.toks) && q.close >= len(p.toks)-2 && !a.asked(q) && !replyVerbs[lexicon.verbs.lemma(q.cue)]
}

// introducedBefore reports whether the quotation opening at toks[o] follows a reporting
// verb and a comma, a colon or "that": "he asked me, “…”", "she told the audience that
// “…”".
func introducedBefore(toks []token, o int) bool {
	if o < 2 || toks[o-1].text != "," && toks[o-1].text != ":" && toks[o-1].text != "that" {
		return false
	}
	for v := o - 2; v >= 0 && v >= o-4 && toks[v].kind == tokWord; v-- {
		if isReportingVerb(toks, v) {
			return true
		}
	}
	return false
}

// asked reports whether quotation q asks a question.
func (a *attributor) asked(q *rawQuote) bool {
	toks := a.x.paras[q.para].toks
	return q.close > 0 && q.close <= len(toks) && toks[q.close-1].text == "?"
}

// lastQuoteOf returns the last quotation found in paragraph pi.
func (a *attributor) lastQuoteOf(pi int) *rawQuote {
	for i := len(a.x.quotes) - 1; i >= 0; i-- {
		if q := a.x.quotes[i]; q.para == pi {
			return q
		} else if q.para < pi {
			break
		}
	}
	return nil
}

// spoke remembers who spoke last, for pronouns and "the letter said".
func (a *attributor) spoke(pi int, speakers []*localActor, cue string, toks []token, at int) {
	if len(speakers) == 0 {
		return
	}
	for _, s := range speakers {
		s.spoke = true
	}
	if len(a.lastSpeaker) == 1 && !slices.Equal(a.lastSpeaker, speakers) {
		a.priorOne = a.lastSpeaker[0]
	}
	a.lastSpeaker, a.lastPara = speakers, pi
	for _, s := range speakers {
		if s.kind != Person {
			a.lastOrg, a.lastOrgPara = s, pi
		}
	}
	if len(speakers) > 1 || speakers[0].kind == Group {
		a.lastPlural, a.pluralPara = speakers, pi
	}
	if cue == "wrote" || cue == "writes" || cue == "write" || mentionsDocument(toks, at) {
		a.lastWriters = speakers
	}
}

// mentionsDocument reports whether the sentence of position at speaks of a letter or
// statement: in the words after the verb ("said in a statement"), or opening the sentence
// ("In a statement, the Manch said …").
func mentionsDocument(toks []token, at int) bool {
	for k := at; k < len(toks) && k < at+12; k++ {
		if toks[k].sentEnd {
			break
		}
		if hasLower(documentNouns, toks[k].text) {
			return true
		}
	}
	if lo := sentenceStartBefore(toks, at); strings.EqualFold(toks[lo].text, "in") {
		for k := lo + 2; k <= lo+5 && k < at; k++ { // "In a statement", "In a written statement", "In a March 2027 memo"
			if hasLower(documentNouns, toks[k].text) {
				return true
			}
		}
	}
	return false
}

// readVerbs say that someone read words aloud, which may be another's.
var readVerbs = map[string]bool{"read": true, "reads": true, "reading": true}

// writerOfDocument returns who wrote the letter, email or memo paragraph pi names before
// token o as theirs ("a letter … from Odessa Farnsworth", "Farnsworth's letter"), or nil.
func (a *attributor) writerOfDocument(pi, o int) *localActor {
	p := a.x.paras[pi]
	toks := p.toks
	for k := 0; k < o; k++ {
		if !documentNouns[toks[k].text] || toks[k].text == "report" || toks[k].text == "complaint" {
			continue
		}
		for _, m := range p.mentions {
			if m.inQuote || m.kind == Group || m.first >= o {
				continue
			}
			from := m.first - 1
			if from >= 0 && toks[from].text == "the" {
				from--
			}
			switch {
			case m.end == k && isPossessive(toks[m.end-1].text): // "Farnsworth's letter"
			case from > k && from-k <= 12 && toks[from].text == "from": // "a letter … from Farnsworth"
			default:
				continue
			}
			if s := a.subjectOf(m); len(s.speakers) == 1 {
				return s.speakers[0]
			}
		}
	}
	return nil
}

var documentNouns = map[string]bool{"letter": true, "statement": true, "report": true, "memo": true, "filing": true, "complaint": true, "petition": true, "release": true,
	"transcript": true, "post": true, "email": true}

// reportedSpeech records, for every reporting verb not spent on a quotation, who said what:
// "Jane Roe called on the department to act".
func (a *attributor) reportedSpeech(pi int) {
	p := a.x.paras[pi]
	toks := p.toks
	inClause := -1 // the end of the sentence a reporting verb found so far governs
	for v := range toks {
		t := toks[v]
		if t.inQuote || p.toks[v].used || !isReportingVerb(toks, v) || lexicon.verbs.lemma(t.text) == "put" {
			continue // "Roe put it bluntly." says how, not what
		}
		if v < inClause && stanceVerbs[lexicon.verbs.lemma(t.text)] {
			continue // "Roe has said he opposes mandates": the stance is what was said
		}
		lo := sentenceStartBefore(toks, v)
		var subj subject
		if isParticiple(t.text) {
			subj = a.clauseSubject(pi, lo, v)
		} else {
			subj = a.speakerBefore(pi, v, lo)
		}
		if subj.empty() {
			continue
		}
		end := sentenceEndAfter(toks, v+1)
		clauseEnd := len(p.text)
		if end < len(toks) {
			clauseEnd = int(toks[end].end)
			if toks[end].kind == tokOpenQ {
				clauseEnd = int(toks[end].start)
			}
		}
		clause := strings.TrimSpace(strings.Trim(strings.TrimSpace(p.text[t.end:clauseEnd]), ",:;—–-"))
		// "The audit found no tampering, the board said on Wednesday.": what was said comes first.
		if before := subj.first - 1; before > lo+4 && (onlyAdverbs(toks[v+1:end]) || v+1 < end && toks[v+1].text == "," || circumstance(toks[v+1:end])) {
			if w := strings.ToLower(toks[before].text); w == "the" || w == "a" || w == "an" {
				before--
			}
			if toks[before].text == "," {
				clause = strings.TrimSpace(p.text[toks[lo].start:toks[before].start])
			}
		}
		if !strings.ContainsFunc(clause, isWordRune) {
			continue
		}
		speakers := subj.all()
		inClause = end
		a.x.attrs = append(a.x.attrs, &rawAttribution{para: pi, speakers: speakers, verb: strings.ToLower(t.text), clause: clause})
		a.spoke(pi, speakers, strings.ToLower(t.text), toks, v)
	}
}

// stanceVerbs report a position taken rather than words said: reported on their own, but
// not inside what someone said.
var stanceVerbs = map[string]bool{"back": true, "support": true, "oppose": true, "endorse": true, "propose": true}

// circumstance reports whether ts, the rest of a sentence after its reporting verb, says
// only when or how something was said, so that what was said came before the verb: "…,
// the office said in a statement released late Wednesday." A "that", a colon or a
// quotation says what was said.
func circumstance(ts []token) bool {
	if len(ts) == 0 || ts[0].kind != tokWord || !circumstanceWords[ts[0].text] {
		return false
	}
	for _, t := range ts {
		if t.text == "that" || t.text == ":" || t.kind == tokOpenQ {
			return false
		}
	}
	return true
}

var circumstanceWords = map[string]bool{"in": true, "on": true, "at": true, "during": true, "late": true, "early": true,
	"earlier": true, "after": true, "before": true, "last": true, "this": true, "when": true, "while": true, "through": true, "via": true}

// isReportingVerb reports whether toks[v] is a verb that reports speech in this sentence.
func isReportingVerb(toks []token, v int) bool {
	t := toks[v]
	if t.kind != tokWord || t.inQuote || len(t.text) < 3 || len(t.text) > 12 || !isLowerASCII(t.text[0]) {
		return false
	}
	w := t.text
	if !verbShaped(w) {
		return false // most words: no reporting verb starts and ends so at this length
	}
	lemma := lexicon.verbs.lemma(w)
	if lemma == "" {
		return false
	}
	if w == "writing" && v > 0 && (toks[v-1].text == "in" || toks[v-1].text == "In") {
		return false // "certified to the state in writing that “…”": a noun, not the verb
	}
	if lemma == "certify" || lemma == "attest" || lemma == "assure" {
		// "certified to the state in writing that “…”"; not "certified the results", an act,
		// nor "a bill requiring vendors to certify …", what someone must do.
		if v > 0 && toks[v-1].text == "to" {
			return false
		}
		for k := v + 1; k < len(toks) && k <= v+12 && !toks[k-1].sentEnd; k++ {
			if toks[k].text == "that" || toks[k].kind == tokOpenQ {
				return true
			}
		}
		return false
	}
	next := ""
	if v+1 < len(toks) {
		next = toks[v+1].text
	}
	if lemma == "dismiss" {
		// "dismissed the demand as “the usual excuse of a losing side”"; not "dismissed the case".
		for k := v + 1; k < len(toks) && k <= v+6 && !toks[k-1].sentEnd; k++ {
			if toks[k].text == "as" {
				return true
			}
		}
		return false
	}
	if w == "written" {
		// "had written that releasing the logs would give “…”"; not "the answer was written on
		// a sticky note", nor "had written the guidance", a deed.
		if v > 0 && (toks[v-1].text == "was" || toks[v-1].text == "were" || toks[v-1].text == "been" || toks[v-1].text == "is" || toks[v-1].text == "be") {
			return false
		}
		return next == "that" || next == ":" || v+1 < len(toks) && toks[v+1].kind == tokOpenQ
	}
	switch lemma {
	case "blame":
		// "The commission on Sunday blamed “…”": what it blamed, in its words.
		for k := v + 1; k < len(toks) && k <= v+8 && !toks[k].sentEnd; k++ {
			if toks[k].kind == tokOpenQ {
				return true
			}
		}
		return false
	case "find":
		// A finding in its author's words: "the review found “no county in which …”",
		// "found that 31 states …", "“…,” the report found."; not "found the box".
		if next == "that" || slices.ContainsFunc(toks[max(0, v-4):v], func(t token) bool { return t.kind == tokCloseQ }) {
			return true
		}
		for k := v + 1; k < len(toks) && k <= v+8 && !toks[k].sentEnd; k++ {
			if toks[k].kind == tokOpenQ {
				return true
			}
		}
		return false
	case "call", "describe":
		// "called on", "called for", or naming something in someone's words:
		// "called the delays “a disgrace”", "described the ballot as “…”".
		if lemma == "call" && (next == "on" || next == "for") {
			return true
		}
		for k := v + 1; k < len(toks) && k <= v+8 && !toks[k].sentEnd; k++ {
			if toks[k].kind == tokOpenQ || toks[k].text == ":" && (k+1 == len(toks) || toks[k+1].kind == tokOpenQ) {
				return true // (or introducing them: "She described the changes at length:")
			}
		}
		return false
	case "state":
		return v > 0 && toks[v-1].kind == tokWord && !isCapitalized(toks[v-1].text) && next != "and"
	case "push":
		return next == "for" // "pushed for an audit", not "pushed the cart"
	case "put":
		return next == "it" // "as Roe puts it, “…”", not "put the ballots away"
	case "back", "support", "oppose", "endorse", "propose": // stanceVerbs
		// A stance taken: "Roe opposed the bill", not "backed by Roe", "backed away".
		return next != "by" && next != "away" && next != "off" && next != "down" && next != "up" && !(v > 0 && (toks[v-1].text == "was" || toks[v-1].text == "were" || toks[v-1].text == "is" || toks[v-1].text == "are" || toks[v-1].text == "be" || toks[v-1].text == "been"))
	case "post", "shoot", "maintain", "charge", "continue", "note", "observe", "repeat", "interject", "interrupt", "rule", "read", "begin":
		// Right after a quotation ("“…,” noted Roe", "“…,” Roe repeated") the verb can
		// only report it.
		k := v - 1
		for k > 0 && v-k <= 4 && toks[k].kind == tokWord && isCapitalized(toks[k].text) {
			k-- // the speaker's name
		}
		if k == v-1 && k > 0 && (toks[k].text == "he" || toks[k].text == "she" || toks[k].text == "they") {
			k-- // "“…,” he continued."
		}
		if k > 1 && strings.EqualFold(toks[k-1].text, "the") && toks[k].kind == tokWord {
			k -= 2 // "“…,” the letter begins."
		}
		afterQuote := k >= 0 && toks[k].kind == tokCloseQ || k > 0 && toks[k].text == "," && toks[k-1].kind == tokCloseQ
		// "Roe posted on Threads", "Roe shot back"; "the judge ruled on Sunday that …"
		return next == "that" || next == ":" || next == "," || afterQuote || lemma == "post" && next == "on" || lemma == "shoot" && next == "back" || thatAfterWhen(toks, v+1)
	}
	return true
}

// thatAfterWhen reports whether toks from i are a short phrase of when or where, then
// "that": "on Sunday that", "last week that", "in a filing that".
func thatAfterWhen(toks []token, i int) bool {
	for k := i; k < len(toks) && k <= i+4; k++ {
		switch w := toks[k].text; {
		case w == "that":
			return k > i
		case toks[k].kind != tokWord || w == "and" || w == "who" || w == "which" || w == "the" && k == i:
			return false
		}
	}
	return false
}

// verbShapes marks the shapes of the reporting verbs: by first and last letter, a bit for
// each length.
var verbShapes = func() (s [26][26]uint16) {
	for v := range lexicon.verbs.all {
		if first, last := v[0], v[len(v)-1]; isLowerASCII(first) && isLowerASCII(last) && len(v) <= 12 {
			s[first-'a'][last-'a'] |= 1 << len(v)
		}
	}
	return s
}()

// verbShaped reports whether a lower-case word has the shape of a reporting verb.
func verbShaped(w string) bool {
	last := w[len(w)-1]
	return isLowerASCII(last) && verbShapes[w[0]-'a'][last-'a']&(1<<len(w)) != 0
}

// isParticiple reports whether a reporting verb is an -ing form ("saying", "adding"),
// whose subject is the subject of the clause it hangs from.
func isParticiple(w string) bool { return strings.HasSuffix(w, "ing") }

func firstVerb(p *paraInfo, from, to int) int {
	for k := from; k < to && k < len(p.toks); k++ {
		if p.toks[k].kind == tokOpenQ {
			return -1
		}
		if isReportingVerb(p.toks, k) {
			return k
		}
	}
	return -1
}

func lastVerb(p *paraInfo, from, to int) int {
	for k := to - 1; k >= from; k-- {
		if isReportingVerb(p.toks, k) && !p.toks[k].used {
			return k
		}
	}
	return -1
}

// sentenceStartBefore returns the index of the first token of the sentence holding toks[i],
// ignoring stops inside quotations.
func sentenceStartBefore(toks []token, i int) int {
	for k := i - 1; k >= 0; k-- {
		if toks[k].sentEnd && !toks[k].inQuote {
			return k + 1
		}
		if toks[k].kind == tokCloseQ && k > 0 && toks[k-1].sentEnd {
			return k + 1 // “… at stake.” The next sentence
		}
	}
	return 0
}

// sentenceEndAfter returns the index of the stop that ends the sentence begun at or before
// toks[i], or of the next opening quotation mark, or len(toks).
func sentenceEndAfter(toks []token, i int) int {
	for k := i; k < len(toks); k++ {
		if toks[k].kind == tokOpenQ || (toks[k].sentEnd && !toks[k].inQuote) {
			return k
		}
	}
	return len(toks)
}

// adverbs may stand between a speaker and the verb: "Roe later said", "Roe on Monday wrote".
var adverbs = map[string]bool{
	"also": true, "later": true, "then": true, "previously": true, "earlier": true, "again": true, "once": true,
	"further": true, "had": true, "has": true, "have": true, "did": true, "does": true, "on": true, "last": true,
	"week": true, "this": true, "today": true, "yesterday": true, "too": true, "both": true, "all": true,
	"each": true, "in": true, "a": true, "an": true, "separate": true, "joint": true, "statement": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true,
	"Sunday": true, "would": true, "will": true, "could": true, "simply": true,
	// "said in an interview", "wrote in an email", "said at a news conference"
	"at": true, "interview": true, "email": true, "tweet": true, "post": true, "news": true, "conference": true,
	"briefing": true, "hearing": true, "speech": true, "phone": true, "call": true, "video": true, "the": true,
	"his": true, "her": true, "their": true, "its": true, "to": true, "reporters": true, "morning": true,
	"afternoon": true, "evening": true, "night": true, "month": true, "year": true,
}

func onlyAdverbs(ts []token) bool {
	if len(ts) > 5 {
		return false
	}
	for _, t := range ts {
		if t.kind != tokWord || !(adverbs[t.text] || strings.HasSuffix(t.text, "ly") && !isCapitalized(t.text)) {
			return false
		}
	}
	return true
}

// gapOK reports whether the tokens between a subject and its verb keep them together:
// nothing, adverbs, a party tag, or an apposition set off by commas.
func gapOK(ts []token) bool {
	ts = trimAuxiliary(ts)
	if len(ts) > 0 && ts[0].text == "(" {
		k := 0
		for k < len(ts) && ts[k].text != ")" {
			k++
		}
		if k == len(ts) || k > 6 {
			return false
		}
		ts = ts[k+1:]
	}
	if len(ts) >= 2 && ts[0].text == "," && ts[len(ts)-1].text == "," {
		if first := ts[1].text; len(ts) > 2 && (strings.HasSuffix(first, "ed") || strings.HasSuffix(first, "ing")) && !isCapitalized(first) {
			return len(ts) <= 30 // a reduced clause: "Roe, asked whether …, said"
		}
		// "Roe, who argued for the state, told the judge"; "The Liberty Ballot Institute, a
		// conservative group that has opposed federal mandates, said"
		relative := relativePronouns[ts[1].text] || slices.ContainsFunc(ts[min(2, len(ts)-1):len(ts)-1], func(t token) bool { return relativePronouns[t.text] || t.text == "that" })
		for _, t := range ts[1 : len(ts)-1] {
			if t.kind == tokOpenQ || t.kind == tokCloseQ || t.sentEnd || !relative && lexicon.verbs.lemma(t.text) != "" {
				return false
			}
		}
		return len(ts) <= 30
	}
	return onlyAdverbs(ts)
}

// trimAuxiliary drops the words that may stand right before a reporting verb without
// changing who speaks: "Roe, who ran elections for 30 years, used to say".
func trimAuxiliary(ts []token) []token {
	for _, aux := range auxiliaries {
		if n := len(ts) - len(aux); n >= 0 {
			match := true
			for i, w := range aux {
				match = match && ts[n+i].text == w
			}
			if match {
				return ts[:n]
			}
		}
	}
	return ts
}

var auxiliaries = [][]string{{"used", "to"}, {"went", "on", "to"}, {"continued", "to"}, {"went", "on"}, {"had"}, {"has"}, {"have"}, {"would"}, {"will"}}

// relativePronouns open a clause set off by commas after a name: "Roe, who chairs the
// committee, said".
var relativePronouns = map[string]bool{"who": true, "whose": true, "which": true}

// placePhrase reports whether ts is where a collective or an institution is: "in Maricopa
// County", "from the State of Georgia" ("Election officials in Maricopa County said").
// affiliation reports whether ts, between a person's name and a verb, says whom they
// belong to: "Deputy Héctor Samayoa Ixcot of the governing Alianza por el Desarrollo
// Nacional said", "Sen. Ada Pike of Ohio said".
func affiliation(ts []token) bool {
	if len(ts) < 2 || len(ts) > 10 || ts[0].text != "of" || ts[len(ts)-1].kind != tokWord || !isCapitalized(ts[len(ts)-1].text) {
		return false
	}
	k := 1
	if ts[k].text == "the" {
		k++
	}
	for n := 0; n < 2 && k < len(ts)-1 && ts[k].kind == tokWord && isLowerASCII(ts[k].text[0]); n++ {
		k++ // "the governing"
	}
	for _, t := range ts[k:] {
		if t.kind != tokWord || t.inQuote || !isCapitalized(t.text) && !romanceLinks[t.text] && !romanceArticles[t.text] && !nameParticles[t.text] && t.text != "of" && t.text != "for" {
			return false
		}
	}
	return isCapitalized(ts[k].text)
}

func placePhrase(ts []token) bool {
	if len(ts) == 3 && (ts[0].text == "on" || ts[0].text == "at") && ts[1].text == "the" && lexicon.orgHeads.has(capitalize(ts[2].text)) {
		return true // "Republicans on the committee", "officials at the agency"
	}
	if len(ts) < 2 || len(ts) > 10 || ts[0].text != "in" && ts[0].text != "from" && ts[0].text != "across" && ts[0].text != "of" || ts[len(ts)-1].kind != tokWord {
		return false // (not a phrase that closes an apposition: "a nonprofit that recruits poll workers across Arizona, said")
	}
	named := false
	for _, t := range ts[1:] {
		switch {
		case t.text == "," || t.text == "and":
			// "the clerks of Mesa, Pueblo and Weld counties"
		case t.kind != tokWord || t.inQuote:
			return false
		case isCapitalized(t.text):
			named = true
		case t.text != "the" && t.text != "of" && !placeNouns[t.text]:
			return false
		}
	}
	return named
}

// placeNouns may stand in a phrase that places a group: "in the eastern German state of
// Saxony-Anhalt".
var placeNouns = map[string]bool{"state": true, "county": true, "city": true, "town": true, "province": true, "region": true,
	"district": true, "country": true, "eastern": true, "western": true, "northern": true, "southern": true, "central": true,
	"rural": true, "neighboring": true, "neighbouring": true, "counties": true, "states": true, "cities": true, "towns": true}

// speakerBefore finds the subject of the reporting verb toks[v] among the mentions and
// pronouns between lo and v, and the people coordinated with it ("Roe and Sen. Doe wrote").
func (a *attributor) speakerBefore(pi, v, lo int) subject {
	p := a.x.paras[pi]
	toks := p.toks
	// A pronoun or "the letter" right before the verb, or before a relative clause set off
	// by commas: "The paper, which has not yet been peer reviewed, concludes that …".
	k := v - 1
	if k > lo+2 && toks[k].text == "," {
		for j := k - 1; j > lo && k-j <= 14 && !toks[j].inQuote; j-- {
			if toks[j].text == "," {
				if w := toks[j+1].text; w == "which" || w == "who" {
					k = j - 1
				}
				break
			}
		}
	}
	// "the statement said": a word that may stand between a speaker and a verb ("Roe, in a
	// statement, said") names the speaker when "the" opens it.
	theNoun := k > lo && strings.EqualFold(toks[k-1].text, "the")
	for k >= lo && toks[k].kind == tokWord && (adverbs[toks[k].text] || strings.HasSuffix(toks[k].text, "ly") && !isCapitalized(toks[k].text)) && v-k <= 4 && !(k == v-1 && theNoun) {
		k--
	}
	if k >= lo {
		if s, ok := a.pronoun(pi, toks, k); ok {
			s.first = k
			return s
		}
		// "Rep. Eusebio Tarango-Luna, who said in a statement …": the one "who" follows.
		if toks[k].text == "who" && k > lo && toks[k-1].text == "," {
			for _, m := range p.mentions {
				if m.end == k-1 && !m.inQuote && m.kind != Group {
					s := a.subjectOf(m)
					s.first = m.first
					return s
				}
			}
		}
		// "Roe said … but warned that": the verb shares the subject of the one before it.
		if w := toks[k].text; w == "and" || w == "but" {
			for v2 := k - 1; v2 >= lo; v2-- {
				if isReportingVerb(toks, v2) {
					return a.speakerBefore(pi, v2, lo)
				}
			}
			return a.clauseSubject(pi, lo, v)
		}
	}
	for i := len(p.mentions) - 1; i >= 0; i-- {
		m := p.mentions[i]
		if m.end > v || m.first < lo || m.inQuote {
			continue
		}
		if isPossessive(toks[m.end-1].text) {
			continue // "Roe's earlier claims": Roe is not the subject
		}
		if j := m.first - 1; j > lo && m.kind != Group {
			for k := 0; k < 2 && j > lo && toks[j].kind == tokWord && isLowerASCII(toks[j].text[0]) && toks[j].text != "the" && toks[j].text != "of"; k++ {
				j-- // "of the governing Alianza …": an adjective before the name
			}
			if toks[j].text == "the" {
				j--
			}
			if toks[j].text == "of" && j > 0 && lexicon.roleNouns.hasLower(toks[j-1].text) {
				continue // "Roe, the chief executive of Ledgerpoint Voting Systems, …, said": not the company; but "the state chapter of the PPC said"
			}
			if toks[j].text == "of" && m.kind == Organization && slices.ContainsFunc(p.mentions, func(n *mention) bool { return n.kind == Person && n.end == j }) {
				continue // "Deputy Héctor Samayoa Ixcot of the governing Alianza … said": the deputy, not the party
			}
		}
		if m.kind == Person && !m.strong && (m.actor == nil || !m.actor.strong) && m.first > 0 && (prepositions[toks[m.first-1].text] || toks[m.first-1].text == "of") {
			continue // "officials in the state of Saxony-Anhalt said": a word no list knows, after "of", names a place
		}
		// "A spokeswoman for the senator, Jane Roe, said", "the vendor, VoteSecure Inc.,
		// said": a name set off by commas right before the verb is the subject itself.
		named := m.kind != Group && m.end < v && toks[m.end].text == "," && (m.end+1 == v || onlyAdverbs(trimAuxiliary(toks[m.end+1:v]))) &&
			(m.first > lo && toks[m.first-1].text == "," || // "…, Jane Roe, later said"
				m.first > lo+1 && toks[m.first-1].text == "the" && toks[m.first-2].text == ",") // "the Speaker, the Hon. Jane Roe MLA, said"
		gapStart := m.end
		if gapStart < v && toks[gapStart].text == "," && isPartyTag(toks[gapStart-1].text) && !(gapStart+1 < v && relativePronouns[toks[gapStart+1].text]) &&
			!(v-1 > gapStart && toks[v-1].text == ",") {
			// The comma closing "Roe, D-Ore., has said", unless it opens "who chairs …," or
			// another phrase set off ("Roe, D-Ore., the bill's sponsor, said").
			gapStart++
		}
		gap := toks[gapStart:v]
		if n := len(gap); n > 1 && gap[n-1].text == "," && m.first > lo && toks[m.first-1].text == "," {
			gap = gap[:n-1] // "Dabney's lawyer, Cornelius Spurlock of Cody, said"
		}
		if !named && !gapOK(toks[gapStart:v]) && (m.kind == Person && !affiliation(gap) || m.kind != Person && !placePhrase(toks[gapStart:v])) {
			continue
		}
		if speaksFor(toks, m.first, lo) {
			return subject{} // "a spokesman for Roe said": not Roe's own words, and no name to credit
		}
		s := a.subjectOf(m)
		if s.empty() {
			return subject{}
		}
		// Coordinated subjects: "Roe, Doe and Sen. Poe". Reading backwards, the first link
		// must be "and"; commas may follow it.
		sawAnd := false
		for j := i - 1; j >= 0; j-- {
			pm := p.mentions[j]
			if pm.first < lo || pm.inQuote || pm.end > m.first {
				break
			}
			l := link(toks[pm.end:m.first])
			if l == noLink && appositionThenAnd(toks[pm.end:m.first]) {
				l = andLink // "Sen. Roe (R-N.C.), the committee's chairman, and Sen. Doe (D-Va.), its vice chairman, said"
			}
			if l == noLink || l == commaLink && !sawAnd {
				break
			}
			sawAnd = sawAnd || l == andLink
			ps := a.subjectOf(pm)
			s.speakers = append(ps.all(), s.speakers...)
			m = pm
		}
		s.first = m.first
		return s
	}
	return subject{}
}

// appositionThenAnd reports whether ts, between two names, is a post set off by commas and
// then "and": ", the committee's chairman, and".
func appositionThenAnd(ts []token) bool {
	n := len(ts)
	if n < 4 || n > 10 || ts[0].text != "," || ts[n-1].text != "and" || ts[n-2].text != "," {
		return false
	}
	role := false
	for _, t := range ts[1 : n-2] {
		if t.kind != tokWord || isCapitalized(t.text) && !isPossessive(t.text) {
			return false
		}
		role = role || lexicon.roleNouns.hasLower(t.text)
	}
	return role
}

// speakerAfter finds an inverted subject: “…,” said Sen. Jane Roe and Rep. John Doe.
func (a *attributor) speakerAfter(pi, v, hi int) subject {
	p := a.x.paras[pi]
	toks := p.toks
	if v+1 < len(toks) {
		if s, ok := a.pronoun(pi, toks, v+1); ok {
			return s
		}
	}
	if v+2 < len(toks) && strings.EqualFold(toks[v+1].text, "the") {
		// "“…,” wrote the company's vice president.": a role that ends the clause.
		for k := v + 2; k < min(hi, v+6, len(toks)-1); k++ {
			if toks[k].kind == tokWord && lexicon.roleNouns.has(toks[k].text) && (toks[k+1].sentEnd || toks[k+1].text == ",") {
				if s, ok := a.pronoun(pi, toks, k); ok && !s.empty() {
					return s
				}
				break
			}
		}
	}
	for i, m := range p.mentions {
		if m.first <= v || m.first >= hi || m.inQuote {
			continue
		}
		if isPossessive(toks[m.end-1].text) && i+1 < len(p.mentions) && p.mentions[i+1].first < hi && appositiveRole(toks[v+1:p.mentions[i+1].first]) {
			continue // "said Roe's spokesman, Carl Doe": Doe
		}
		if !rolePhraseOnly(toks[v+1:m.first]) && !appositiveRole(toks[v+1:m.first]) || isPossessive(toks[m.end-1].text) {
			return subject{} // "said Roe's spokesman": not Roe
		}
		s := a.subjectOf(m)
		// Reading forwards, a list of names joined by commas must end with "and".
		var pending []*localActor
		for j := i + 1; j < len(p.mentions); j++ {
			nm := p.mentions[j]
			if nm.first >= hi || nm.first < m.end {
				break
			}
			l := link(toks[m.end:nm.first])
			if l == noLink {
				break
			}
			pending = append(pending, a.subjectOf(nm).all()...)
			if l == andLink {
				s.speakers = append(s.speakers, pending...)
				pending = nil
			}
			m = nm
		}
		return s
	}
	return subject{}
}

// clauseSubject finds the subject of the clause a participle hangs from: the first actor
// named in the sentence ("Roe later sought to clarify, saying …").
func (a *attributor) clauseSubject(pi, lo, v int) subject {
	p := a.x.paras[pi]
	lo = afterDateline(p.toks, lo, v)
	// "Roe said, noting that …": the participle shares the subject of the verb before it.
	for k := v - 1; k >= lo; k-- {
		if isReportingVerb(p.toks, k) {
			if s := a.speakerBefore(pi, k, lo); !s.empty() {
				return s
			}
			break
		}
	}
	// "I remember a state IT director, Gerald Fitch, who ran the network, telling me, “…”":
	// a person right before the participle, or before a relative clause about them.
	for i := len(p.mentions) - 1; i >= 0; i-- {
		m := p.mentions[i]
		if m.inQuote || m.first < lo || m.end > v {
			continue
		}
		gap := p.toks[m.end:v]
		if m.kind == Person && (len(gap) == 0 || len(gap) >= 3 && gap[0].text == "," && relativePronouns[gap[1].text] && gap[len(gap)-1].text == "," &&
			!slices.ContainsFunc(gap, func(t token) bool { return t.sentEnd || t.inQuote })) {
			return a.subjectOf(m)
		}
		break
	}
	for k := lo; k < v && k < lo+3; k++ {
		if p.toks[k].inQuote || p.toks[k].kind != tokWord {
			continue
		}
		if s, ok := a.pronoun(pi, p.toks, k); ok {
			return s
		}
	}
	for _, m := range p.mentions {
		if m.first < lo || m.inQuote || m.first >= v {
			continue
		}
		if m.first-lo > 3 && !rolePhraseOpens(p.toks[lo:m.first]) && !isSubjectPosition(p.toks, m.first) {
			break
		}
		if next := a.personAfter(p, m); next != nil {
			m = next // "Foreign Office spokeswoman Henrike Maaß": the spokeswoman, not the office
		}
		return a.subjectOf(m)
	}
	return subject{}
}

// afterDateline returns where a sentence's own words start after a dateline that opens it,
// "PORT HALLORAN, June 5, 2026 — A federal judge …", or lo.
func afterDateline(toks []token, lo, v int) int {
	for k := lo; k < v && k-lo <= 10; k++ {
		switch t := toks[k]; {
		case t.text == "—" || t.text == "–" || t.text == "--":
			if k > lo {
				return k + 1
			}
			return lo
		case t.kind == tokWord && (isCapitalized(t.text) || isDigitStart(t.text)), t.text == ",", t.text == "(", t.text == ")":
		default:
			return lo
		}
	}
	return lo
}

// personAfter returns the person named right after an organisation, whose title the
// organisation's name opens ("Foreign Office spokeswoman Henrike Maaß"), or nil.
func (a *attributor) personAfter(p *paraInfo, m *mention) *mention {
	if m.kind != Organization {
		return nil
	}
	for _, n := range p.mentions {
		if n.kind == Person && !n.inQuote && (n.first == m.end || n.first == m.end+1 && p.toks[m.end].kind == tokWord && lexicon.roleNouns.hasLower(p.toks[m.end].text)) {
			return n
		}
	}
	return nil
}

// rolePhraseOpens reports whether ts, the words of a sentence before a name, are a role
// set off by a comma: "The committee’s ranking Democrat, Sen. Marcus Oduya, voted …".
func rolePhraseOpens(ts []token) bool {
	if len(ts) < 2 || len(ts) > 8 || ts[len(ts)-1].text != "," {
		return false
	}
	for _, t := range ts[:len(ts)-1] {
		if t.kind != tokWord || t.inQuote || lexicon.verbs.lemma(t.text) != "" {
			return false
		}
	}
	return true
}

// speaksFor reports whether the mention at toks[first] is whom someone else speaks for:
// "a spokeswoman for Roe", "an aide to Roe", "lawyers for Roe".
func speaksFor(toks []token, first, lo int) bool {
	k := first - 1
	for k >= lo && toks[k].kind == tokWord && isCapitalized(toks[k].text) && (lexicon.titles.has(toks[k].text) || lexicon.common.has(toks[k].text)) {
		k-- // "for Senate Majority Leader Roe"
	}
	if k-1 < lo || toks[k].kind != tokWord {
		return false
	}
	switch toks[k].text {
	case "for", "to", "of":
		return proxies[strings.ToLower(toks[k-1].text)]
	}
	return false
}

// proxies are people who speak on someone else's behalf.
var proxies = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true, "spokespeople": true,
	"spokesmen": true, "spokeswomen": true, "aide": true, "aides": true, "adviser": true, "advisers": true, "advisor": true,
	"advisors": true, "lawyer": true, "lawyers": true, "attorney": true, "attorneys": true, "representative": true,
	"representatives": true, "staffer": true, "staffers": true, "official": true, "officials": true, "assistant": true}

// rolePhraseOnly reports whether the tokens between an inverted verb and its subject are
// at most a lower-case role ("said national security adviser").
// appositiveRole reports whether ts is a role set before a name by a comma: "the group's
// founder,", "Roe's spokesman,", "a longtime county clerk," — the name that follows is
// the one who holds it, and speaks.
func appositiveRole(ts []token) bool {
	n := len(ts)
	if n < 2 || n > 7 || ts[n-1].text != "," || !lexicon.roleNouns.hasLower(ts[n-2].text) {
		return false
	}
	for k, t := range ts[:n-1] {
		w := strings.ToLower(t.text)
		if t.kind != tokWord || roleStops[w] && !(k == 0 && (w == "the" || w == "a" || w == "an")) {
			return false
		}
		if isCapitalized(t.text) && !isPossessive(t.text) && k > 0 {
			return false // a name inside: not a role alone
		}
	}
	return true
}

func rolePhraseOnly(ts []token) bool {
	if len(ts) == 0 {
		return true
	}
	if len(ts) <= 2 {
		modifiers := true
		for _, t := range ts {
			modifiers = modifiers && titleModifiers[strings.ToLower(t.text)]
		}
		if modifiers {
			return true // "said state Rep. Roe", "said former Sen. Roe"
		}
	}
	if isSourceDocument(ts) {
		return true // "said a report from the Center for …"
	}
	if len(ts) > 5 || !lexicon.roleNouns.hasLower(ts[len(ts)-1].text) {
		return false
	}
	for _, t := range ts {
		if t.kind != tokWord || roleStops[t.text] {
			return false
		}
	}
	return true
}

// isSourceDocument reports whether tokens read "a report from the", "a statement by":
// the words that follow are the document's author.
func isSourceDocument(ts []token) bool {
	k := 0
	if k < len(ts) && (ts[k].text == "a" || ts[k].text == "an" || ts[k].text == "the") {
		k++
	}
	for k < len(ts)-1 && ts[k].kind == tokWord && !isCapitalized(ts[k].text) && !documentNouns[ts[k].text] && k < 3 {
		k++ // "a new report from", "a joint statement by"
	}
	if k >= len(ts) || !documentNouns[strings.ToLower(ts[k].text)] {
		return false
	}
	k++
	if k >= len(ts) || ts[k].text != "from" && ts[k].text != "by" {
		return false
	}
	k++
	if k < len(ts) && ts[k].text == "the" {
		k++
	}
	return k == len(ts)
}

// titleModifiers may stand in lower case before a title: "state Sen.", "former Gov.".
var titleModifiers = map[string]bool{"state": true, "former": true, "then": true, "retiring": true, "outgoing": true,
	"incoming": true, "acting": true, "veteran": true, "longtime": true, "freshman": true, "senior": true,
	"junior": true, "u.s.": true, "federal": true, "county": true, "city": true, "deputy": true, "the": true}

type linkKind int

const (
	noLink    linkKind = iota
	commaLink          // "Roe, Doe": only inside a list that ends with "and"
	andLink
)

// link says how the tokens between two names join them.
func link(ts []token) linkKind {
	if len(ts) == 0 {
		return noLink
	}
	if len(ts) == 1 && ts[0].text == "," {
		return commaLink
	}
	if !linkTokens(ts) {
		return noLink
	}
	return andLink
}

func linkTokens(ts []token) bool {
	k := 0
	if ts[k].text == "," {
		k++
	}
	if k < len(ts) && (ts[k].text == "and" || ts[k].text == "&") {
		k++
		if k < len(ts) && (ts[k].text == "Democratic" || ts[k].text == "Republican" || ts[k].text == "GOP") {
			k++
		}
		for k < len(ts) && ts[k].kind == tokWord && !isCapitalized(ts[k].text) && len(ts)-k <= 3 && !roleStops[ts[k].text] {
			k++
		}
	}
	return k == len(ts) && k > 0
}

// subjectOf turns a mention into the speakers it stands for. A group that refers back
// ("the senators") stands for the people who last spoke together.
func (a *attributor) subjectOf(m *mention) subject {
	switch {
	case m.kind == Group && m.anaphor:
		members := a.plural(m.para)
		if len(members) == 0 || a.count(m) > 0 {
			// "the three senators": the three the text named, before any group that spoke.
			if held := a.holders(m); len(held) > 0 || len(members) == 0 {
				members = held
			}
		}
		var group *localActor
		if m.actor != nil {
			group = m.actor
		}
		var people []*localActor
		for _, s := range members {
			if s.kind == Person {
				people = append(people, s)
			} else if group == nil {
				group = s
			}
		}
		if group != nil {
			for _, s := range people {
				group.addMember(s)
			}
		}
		if len(people) == 0 && group == nil {
			// "the auditors wrote" with no one before them: the group the text names.
			return subject{speakers: []*localActor{a.x.groupFor(m)}}
		}
		return subject{speakers: people, group: group}
	case m.kind == Group && m.actor == nil:
		// A bare plural that speaks ("lawmakers said") becomes a group of its own.
		g := a.x.groupFor(m)
		return subject{speakers: []*localActor{g}}
	case m.actor == nil && m.kind == Person && len(m.tokens) == 1 && innerCapital(m.tokens[0]):
		// "BlackQuarry said": a company or a gang, not a person.
		key := string(appendOrgKey(nil, m.tokens))
		for _, o := range a.x.actors {
			if o.kind == Organization && o.key == key {
				m.actor = o
				return subject{speakers: []*localActor{o}}
			}
		}
		o := &localActor{kind: Organization, tokens: slices.Clone(m.tokens), key: key, mentions: 1}
		o.addName(m.tokens)
		m.actor = o
		a.x.actors = append(a.x.actors, o)
		return subject{speakers: []*localActor{o}}
	case m.actor == nil && m.kind == Person:
		// A name this reader did not know by shape is a person once it speaks.
		surname, given := splitName(m.tokens)
		p := &localActor{kind: Person, tokens: slices.Clone(m.tokens), surname: surname, given: given, strong: given != "", mentions: 1}
		p.addName(m.tokens)
		for _, r := range m.roles {
			p.addRole(r)
		}
		m.actor = p
		a.x.actors = append(a.x.actors, p)
		return subject{speakers: []*localActor{p}}
	case m.actor == nil:
		return subject{}
	}
	return subject{speakers: []*localActor{m.actor}}
}

// holders resolves "the senators" when no group has spoken yet: the people named in the
// last paragraphs whose role the group's noun names ("Sen. Roe" is one of "the senators").
func (a *attributor) holders(m *mention) []*localActor {
	role := singularRoles[m.groupKey[strings.LastIndexByte(m.groupKey, ' ')+1:]]
	if role == "" {
		return nil
	}
	var out []*localActor
	from := max(0, m.para-2)
	n := a.count(m)
	if n > 0 {
		from = 0 // "the three senators": however far back they were named
	}
	for pi := from; pi <= m.para; pi++ {
		for _, pm := range a.x.paras[pi].mentions {
			if pm.kind != Person || pm.actor == nil || pm.inQuote || pi == m.para && pm.first >= m.first {
				continue
			}
			for _, r := range pm.actor.roles {
				if strings.Contains(r, role) && !slices.Contains(out, pm.actor) {
					out = append(out, pm.actor)
				}
			}
		}
	}
	if len(out) < 2 || n > 0 && len(out) != n {
		return nil // one person is not "the senators"; two are not "the three senators"
	}
	return out
}

// count returns how many a group mention counts its members ("the three senators"), or 0.
func (a *attributor) count(m *mention) int {
	for _, t := range a.x.paras[m.para].toks[m.first:m.end] {
		if c := counts[strings.ToLower(t.text)]; c > 0 {
			return c
		}
	}
	return 0
}

// agencyWritings are what an agency puts out and the text may quote: "the advisory said".
var agencyWritings = map[string]bool{"advisory": true, "bulletin": true, "guidance": true, "alert": true, "notice": true, "assessment": true}

// counts are the numbers a group's members are counted by: "the three senators".
var counts = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "both": 2}

// singularRoles maps a group's noun to the role each of its members holds.
var singularRoles = map[string]string{"senators": "Senator", "representatives": "Representative", "governors": "Governor",
	"lawmakers": "", "general": "Attorney General", "mayors": "Mayor", "secretaries": "Secretary"}

// groupFor returns the document's group actor for a group mention, creating it.
func (x *docExtract) groupFor(m *mention) *localActor {
	if g := x.groups[m.groupKey]; g != nil {
		m.actor = g
		return g
	}
	g := &localActor{kind: Group, tokens: m.tokens, key: m.groupKey, mentions: 1}
	g.addName(m.tokens)
	x.actors = append(x.actors, g)
	x.groups[m.groupKey] = g
	m.actor = g
	return g
}

// quotesNext reports whether a quotation opens after toks[k] in its sentence, with one
// reporting verb between them at most: "We tell clerks, “…”", not "I asked what was going
// on and the lady at the table said, “…”".
func quotesNext(toks []token, k int) bool {
	verbs := 0
	for j := k + 1; j < len(toks) && !toks[j-1].sentEnd; j++ {
		if toks[j].kind == tokOpenQ {
			return true
		}
		if isReportingVerb(toks, j) {
			if verbs++; verbs > 1 {
				return false
			}
		}
	}
	return false
}

// pronoun resolves a pronoun or "the letter" at toks[k].
func (a *attributor) pronoun(pi int, toks []token, k int) (subject, bool) {
	w := toks[k].text
	if l, ok := a.x.labels[pi]; ok && (w == "I" || w == "We" || w == "we") && int(toks[k].start) >= l.rest {
		// "KETTRIDGE: … We tell clerks, “If it's urgent, …”": the turn's speaker's words. Not
		// what the turn says of them ("We answered 2,300 calls"), which is no one's report,
		// and never the byline's.
		if quotesNext(toks, k) {
			return subject{speakers: []*localActor{l.speaker}}, true
		}
		return subject{}, true
	}
	if isCapitalized(w) {
		// Most capitalised words here end a name; lower-case only what may be read below.
		if w == "I" {
			// "As I told the commissioners, “…”": a first-person piece's author, or in a
			// page of letters, the writer who signs this one below it.
			if signer := a.signer(pi); signer != nil {
				return subject{speakers: []*localActor{signer}}, true
			}
			if au := a.x.author(); au != nil {
				return subject{speakers: []*localActor{au}}, true
			}
			return subject{}, true
		}
		if w == "Republican" || w == "Democrat" {
			// "“…,” the Indiana Republican said": the member named last.
			if j := k - 1; j >= 0 && (strings.EqualFold(toks[j].text, "the") || j > 0 && lexicon.places.has(toks[j].text) && strings.EqualFold(toks[j-1].text, "the")) {
				if m := a.lastMentionBefore(pi, int(toks[k].start), func(i int, m *mention) bool {
					return i >= pi-1 && m.kind == Person && (hasPersonTitle(m.titles) || slices.ContainsFunc(m.actor.roles, func(r string) bool { return strings.Contains(r, w) }))
				}); m != nil {
					return subject{speakers: []*localActor{m.actor}}, true
				}
				return subject{}, true
			}
		}
		if w != "He" && w != "She" && w != "They" && (k == 0 || !strings.EqualFold(toks[k-1].text, "the")) {
			return subject{}, false
		}
		w = strings.ToLower(w)
	}
	switch {
	case w == "he" || w == "she":
		g := male
		if w == "she" {
			g = female
		}
		if p := a.person(pi, int(toks[k].start), g); p != nil {
			return subject{speakers: []*localActor{p}}, true
		}
		return subject{}, true
	case w == "it" && k+1 < len(toks) && isReportingVerb(toks, k+1) && (k == 0 || toks[k-1].text != "which" && toks[k-1].text != "that"):
		// "“…,” it said in a statement.": the organisation the paragraph is about.
		if org := a.organization(pi, int(toks[k].start)); org != nil && org.kind == Organization {
			return subject{speakers: []*localActor{org}}, true
		}
		return subject{}, false
	case w == "it" && !isCapitalized(toks[k].text) && k > 0 && (toks[k-1].text == "which" || toks[k-1].text == "that"):
		// "…, which it called “a deviation from the standard”": the organisation named last.
		if m := a.lastMentionBefore(pi, int(toks[k].start), func(i int, m *mention) bool { return i >= pi-1 && m.kind == Organization }); m != nil {
			return subject{speakers: []*localActor{m.actor}}, true
		}
		return subject{}, false
	case k > 0 && (strings.EqualFold(toks[k-1].text, "his") || strings.EqualFold(toks[k-1].text, "her")) && kin[w] != genderUnknown:
		// "“…,” his father said.": the relative of the one "his" means.
		owner := a.person(pi, int(toks[k-1].start), pronounGender(strings.ToLower(toks[k-1].text)))
		if r := a.relativeOf(owner, w, kin[w]); r != nil {
			return subject{speakers: []*localActor{r}}, true
		}
		return subject{}, true
	case w == "they":
		if people := a.listSubject(pi, k); len(people) >= 2 {
			return subject{speakers: people}, true // "Roe, Doe and Poe released a statement. “…,” they said."
		}
		return subject{speakers: a.plural(pi)}, true
	case !orgNouns[w] && k > 0 && strings.EqualFold(toks[k-1].text, "the") && isCapitalized(toks[k].text) && lexicon.orgHeads.has(toks[k].text):
		// "the Manch said", "the Sangh said": the organisation named before whose name
		// ends in or holds the word.
		if org := a.organizationCalled(pi, int(toks[k].start), w); org != nil {
			return subject{speakers: []*localActor{org}}, true
		}
		return subject{}, false
	case w == "office" && k > 0 && (strings.EqualFold(toks[k-1].text, "his") || strings.EqualFold(toks[k-1].text, "her")) && quotesNext(toks, k):
		// "In a statement, his office said the secretary “…”": the secretary's words.
		if who := a.person(pi, int(toks[k-1].start), pronounGender(strings.ToLower(toks[k-1].text))); who != nil {
			return subject{speakers: []*localActor{who}}, true
		}
		return subject{}, true
	case orgNouns[w]:
		if k > 1 && prepositions[toks[k-2].text] {
			return subject{}, false // "Republicans on the committee said": not the committee
		}
		if k+1 < len(toks) && toks[k+1].text == "of" {
			// "The office of State Auditor Cosima Thorne … wrote": hers.
			for _, m := range a.x.paras[pi].mentions {
				if m.first > k+1 && m.first <= k+5 && m.kind == Person && !m.inQuote {
					return a.subjectOf(m), true
				}
			}
		}
		if k+1 < len(toks) && toks[k+1].kind == tokWord && lexicon.roleNouns.hasLower(toks[k+1].text) {
			return subject{}, false // "the committee chair, Sen. Roe,": the chair
		}
		if k > 0 && strings.EqualFold(toks[k-1].text, "the") || k > 1 && strings.EqualFold(toks[k-2].text, "the") && lexicon.places.has(toks[k-1].text) && companyNouns[w] {
			// ("the Denver company said": the company, wherever it is.)
			if org := a.organizationNamed(pi, int(toks[k].start), w); org != nil {
				return subject{speakers: []*localActor{org}}, true
			}
			return subject{}, true
		}
	case pluralOrgNouns[w] && k > 0 && (toks[k-1].text == "two" || strings.EqualFold(toks[k-1].text, "both")):
		// "… Republican Party and the county Democratic Party issued a joint statement.
		// “…,” the two parties said.": the organisations the sentence before joined.
		if orgs := a.jointOrganizations(pi, k); len(orgs) == 2 {
			return subject{speakers: orgs}, true
		}
	case w == "lawsuit" || w == "suit" || w == "complaint":
		// "the lawsuit says": the words of those who brought it.
		if k > 0 && strings.EqualFold(toks[k-1].text, "the") {
			if ps := a.plaintiffs(pi); len(ps) > 0 {
				return subject{speakers: ps}, true
			}
			return subject{}, true
		}
	case reportNouns[w] && k > 0 && (toks[k-1].text == "its" || toks[k-1].text == "their"):
		// "The Great Lakes Audit Collaborative looked at our procedures, and its report
		// called our audits “…”": the organisation named before it.
		if m := a.lastMentionBefore(pi, int(toks[k].start), func(i int, m *mention) bool { return i == pi && m.kind == Organization }); m != nil {
			return subject{speakers: []*localActor{m.actor}}, true
		}
		return subject{}, true
	case reportNouns[w] && ownerBefore(toks, k) >= 0:
		// "Brede's declaration says", "the institute's survey warned", "The institute's 2028
		// report called …": its author's words.
		o := ownerBefore(toks, k)
		for _, m := range a.x.paras[pi].mentions {
			if m.end == o+1 && m.actor != nil && !m.inQuote {
				return a.subjectOf(m), true
			}
		}
		if noun := strings.ToLower(stripPossessive(toks[o].text)); orgNouns[noun] && o > 0 && (strings.EqualFold(toks[o-1].text, "the") || determiners[strings.ToLower(toks[o-1].text)]) {
			if org := a.organizationNamed(pi, int(toks[o].start), noun); org != nil {
				return subject{speakers: []*localActor{org}}, true
			}
		}
		return subject{}, true
	case (w == "authors" || w == "study" || w == "paper") && k > 0 && strings.EqualFold(toks[k-1].text, "the"):
		// "The Northgate report ended with a warning. “…,” the authors wrote."; "“…,” the
		// study said.", where the text names its lead author; "The paper … concludes that
		// “…”" after "a study … by researchers at Marchmont State University".
		if who := a.authorOf(pi); who != nil {
			return subject{speakers: []*localActor{who}}, true
		}
		return subject{}, true
	case w == "letter" || w == "statement" || w == "memo" || w == "report" || w == "filing" || w == "petition" || w == "release":
		if k > 0 && strings.EqualFold(toks[k-1].text, "the") {
			if who := a.issuer(pi, k, w); len(who) > 0 {
				return subject{speakers: who}, true
			}
			if w == "report" {
				if who := a.publisherOf(pi); len(who) > 0 {
					return subject{speakers: who}, true // a report the text said someone released further back
				}
				if who := a.authorOf(pi); who != nil {
					return subject{speakers: []*localActor{who}}, true // "a report released Tuesday by the Carrington Institute"
				}
			}
			if len(a.lastWriters) > 0 {
				return subject{speakers: a.lastWriters}, true
			}
			return subject{speakers: a.plural(pi)}, true
		}
	case agencyWritings[w] && k > 0 && strings.EqualFold(toks[k-1].text, "the"):
		// "The agency issued an advisory … “…,” the advisory said.": whoever put it out.
		if who := a.issuer(pi, k, w); len(who) > 0 {
			return subject{speakers: who}, true
		}
		return subject{}, true
	default:
		// "a council spokesperson said": the council named before speaks through them.
		if proxies[w] && k > 1 && (strings.EqualFold(toks[k-2].text, "a") || strings.EqualFold(toks[k-2].text, "the")) && lexicon.orgHeads.has(capitalize(toks[k-1].text)) {
			if org := a.organizationCalled(pi, int(toks[k].start), toks[k-1].text); org != nil {
				return subject{speakers: []*localActor{org}}, true
			}
			return subject{}, true
		}
		// "A Keystone spokesman said": the company the text named by that word.
		if proxies[w] && k > 1 && (strings.EqualFold(toks[k-2].text, "a") || strings.EqualFold(toks[k-2].text, "an")) && toks[k-1].kind == tokWord && isCapitalized(toks[k-1].text) {
			if m := a.lastMentionBefore(pi, int(toks[k].start), func(_ int, m *mention) bool {
				return m.kind == Organization && m.actor != nil && m.actor.tokens[0] == stripPossessive(toks[k-1].text)
			}); m != nil {
				return subject{speakers: []*localActor{m.actor}}, true
			}
		}
		// "the senator said", "the former clerk said", "the state's top election official
		// said": the person named just before who holds that role, else the one the next
		// paragraphs name as holding it.
		if article := roleArticle(toks, k); lexicon.roleNouns.has(w) && article != "" && !(w == "general" && strings.HasSuffix(toks[k-1].text, "s")) {
			// ("the general said", "the solicitor general said", not "the attorneys general
			// said": a group.)
			// "A federal judge ruled": someone new, whom the text may name later, never the
			// last judge named. "The chief justice said": the one whose post says so, before
			// the last justice named.
			if unnamed, anonymous := a.unnamedHolder(pi, int(toks[k].start), w); article == "the" && unnamed {
				// "A senior official, who spoke on condition of anonymity, said …" / "“…,” the
				// official said.": the one the text left unnamed, not the last official named;
				// nor, when the text says it will not name them, the next.
				if p := a.roleAhead(pi, int(toks[k].start), w); p != nil && !anonymous {
					return subject{speakers: []*localActor{p}}, true
				}
				return subject{}, true
			}
			if mod := strings.ToLower(toks[k-1].text); article == "the" && toks[k-1].kind == tokWord && !strings.EqualFold(mod, "the") && isLowerASCII(mod[0]) {
				if p := a.roleHolder(pi, int(toks[k].start), mod+" "+w); p != nil {
					return subject{speakers: []*localActor{p}}, true
				}
			}
			if p := a.roleHolder(pi, int(toks[k].start), w); p != nil && article == "the" {
				return subject{speakers: []*localActor{p}}, true
			}
			if w == "witness" && article == "the" && a.lastPara >= pi-1 {
				// "the witness said": at a hearing, the one who answered last, not the one who
				// just asked ("“…?” Marwick asked." / "“…,” the witness said.").
				if q := a.lastQuoteOf(pi - 1); q != nil && a.asked(q) {
					if a.priorOne != nil && a.priorOne.kind == Person && !slices.Contains(q.speakers, a.priorOne) {
						return subject{speakers: []*localActor{a.priorOne}}, true
					}
					return subject{}, true
				}
				for i := len(a.lastSpeaker) - 1; i >= 0; i-- {
					if s := a.lastSpeaker[i]; s.kind == Person {
						return subject{speakers: []*localActor{s}}, true
					}
				}
			}
			if p := a.roleAhead(pi, int(toks[k].start), w); p != nil {
				return subject{speakers: []*localActor{p}}, true
			}
			if article == "the" && a.lastPara == pi-1 && len(a.lastSpeaker) == 1 && a.lastSpeaker[0].kind == Person && len(a.lastSpeaker[0].roles) == 0 &&
				!slices.ContainsFunc(a.x.paras[pi].mentions, func(m *mention) bool { return m.kind == Person && !m.inQuote && m.first < k }) {
				// "Ashby-Rourke said she was grateful … / “…,” the director said.": the one
				// who spoke just before, a post the text gave no one else.
				return subject{speakers: a.lastSpeaker[:1:1]}, true
			}
			return subject{}, true
		}
	}
	return subject{}, false
}

// roleSubject returns the person a role names as the subject of the last sentence before
// byte offset at of paragraph pi, or of the paragraph before when none does there: "the
// clerk paused", "the former state official was packing his suitcase". Only a role said
// with "the" and a verb after it counts, and only one the text has given someone.
func (a *attributor) roleSubject(pi, at int) *localActor {
	for i := pi; i >= 0 && i >= pi-1; i-- {
		toks := a.x.paras[i].toks
		end := len(toks)
		if i == pi {
			for end > 0 && int(toks[end-1].start) >= at {
				end--
			}
		}
		// The last sentence, or the one before a run of sentences that go on about the same
		// subject ("The former sheriff now makes … He also gives …").
		for end > 0 {
			lo := sentenceStartBefore(toks, end-1)
			for k := end - 1; k >= lo; k-- {
				w := toks[k].text
				if toks[k].inQuote || toks[k].kind != tokWord || !lexicon.roleNouns.has(w) || roleArticle(toks, k) != "the" || k+1 >= end {
					continue
				}
				if next := toks[k+1]; next.kind != tokWord || isCapitalized(next.text) || next.text == "of" || next.text == "for" || next.text == "and" {
					continue // "the clerk, Ann Roe," or "the clerk of the court": not the subject alone
				}
				return a.roleHolder(i, int(toks[k].start), w)
			}
			if w := toks[lo].text; w != "He" && w != "She" && toks[lo].kind != tokOpenQ {
				break // a sentence with a subject of its own; one that goes on, or the words, are passed over
			}
			end = lo
		}
		if i == pi && slices.ContainsFunc(a.x.paras[i].mentions, func(m *mention) bool { return !m.inQuote && int(toks[m.first].start) < at }) {
			return nil // someone named here, before the words: not a role from the paragraph before
		}
	}
	return nil
}

// unnamedSubject reports whether "he" or "she" at byte offset at of paragraph pi goes on
// about someone the text leaves unnamed: "… a poll manager there told the Bell. She asked
// not to be named … “…,” she said." No one is credited then, not whoever spoke last.
func (a *attributor) unnamedSubject(pi, at int) bool {
	p := a.x.paras[pi]
	toks := p.toks
	end := len(toks)
	for end > 0 && int(toks[end-1].start) >= at {
		end--
	}
	for end > 0 {
		lo := sentenceStartBefore(toks, end-1)
		named := slices.ContainsFunc(p.mentions, func(m *mention) bool { return m.kind == Person && !m.inQuote && m.first >= lo && m.first < end })
		for k := end - 1; k >= lo && !named; k-- {
			if toks[k].inQuote || toks[k].kind != tokWord || !lexicon.roleNouns.has(toks[k].text) || roleArticle(toks, k) != "a" || k+1 >= end {
				continue
			}
			j := k - 1 // the article, which opens the sentence or a clause: the role is its subject
			for j > lo && !strings.EqualFold(toks[j].text, "a") && !strings.EqualFold(toks[j].text, "an") && !strings.EqualFold(toks[j].text, "one") {
				j--
			}
			if j > lo && toks[j-1].text != "," {
				continue // "appoint an interim clerk in August": not the subject
			}
			if next := toks[k+1]; next.kind == tokWord && isLowerASCII(next.text[0]) && next.text != "of" && next.text != "for" && next.text != "and" {
				return true // "a poll manager there told …", "A clerk in a neighboring county, who …, said"
			}
		}
		if w := toks[lo].text; named || w != "He" && w != "She" && toks[lo].kind != tokOpenQ {
			return false // a sentence with a subject of its own; one that goes on, or the words, are passed over
		}
		end = lo
	}
	return false
}

// onPlatform reports whether a one-word name this reader only guessed to be a person
// follows "on" or "via": "put it more bluntly on Twitter. “…,” he tweeted" is a platform,
// no one "he" may be.
func onPlatform(p *paraInfo, m *mention) bool {
	return len(m.tokens) == 1 && m.first > 0 && (p.toks[m.first-1].text == "on" || p.toks[m.first-1].text == "via") && m.actor != nil && !m.actor.strong
}

// unnamedHolder reports whether "the official" at byte offset at of paragraph pi goes back
// to someone the text brought in as "a senior official" without a name, here or in the
// paragraph before: the last time it wrote the noun with an article, the article was "a"
// and the sentence named no one. It reports too whether that sentence says the text will
// not name them ("who spoke on condition of anonymity", "asked not to be named").
func (a *attributor) unnamedHolder(pi, at int, noun string) (unnamed, anonymous bool) {
	for i := pi; i >= 0 && i >= pi-1; i-- {
		p := a.x.paras[i]
		toks := p.toks
		for k := len(toks) - 1; k >= 0; k-- {
			if i == pi && int(toks[k].start) >= at || toks[k].inQuote || toks[k].text != noun {
				continue
			}
			art := roleArticle(toks, k)
			if b := bodyBefore(toks, k); art == "" && b > 0 && b < k {
				if w := strings.ToLower(toks[b-1].text); w == "a" || w == "an" {
					art = "a" // "A European Union official, speaking on condition of anonymity, …"
				}
			}
			switch art {
			case "the":
				continue // "the official said" before: the same one, brought in earlier
			case "a":
				lo, end := sentenceStartBefore(toks, k), min(sentenceEndAfter(toks, k), len(toks))
				if slices.ContainsFunc(p.mentions, func(m *mention) bool { return m.kind == Person && m.first >= lo && m.first < end }) {
					return false, false
				}
				return true, slices.ContainsFunc(toks[lo:end], func(t token) bool { return anonymityWords[t.text] })
			}
			return false, false
		}
	}
	return false, false
}

// anonymityWords say that a source goes unnamed: "on condition of anonymity", "asked not
// to be named", "not authorized to speak publicly".
var anonymityWords = map[string]bool{"anonymity": true, "anonymously": true, "named": true, "identified": true, "authorized": true, "authorised": true}

// roleHolder resolves "the senator" at byte offset at of paragraph pi: the last person named
// before it whose roles include the noun, nearest first.
func (a *attributor) roleHolder(pi, at int, noun string) *localActor {
	base := noun // "the chairperson": whoever chairs, the chairwoman, the chair
	for _, suffix := range []string{"person", "woman", "man"} {
		if b, ok := strings.CutSuffix(noun, suffix); ok && b == "chair" {
			base = b
		}
	}
	m := a.lastMentionBefore(pi, at, func(i int, m *mention) bool {
		return m.kind == Person && slices.ContainsFunc(m.actor.roles, func(r string) bool {
			return roleHolds(r, base) || genericRoles[noun] && i >= pi-1 // "the former official": anyone just named with a post
		})
	})
	if m == nil {
		return nil
	}
	return m.actor
}

// lastMentionBefore returns the last mention of an actor, outside quotations, before byte
// offset at of paragraph pi, here or in any paragraph before, that keep accepts; keep
// is given the mention's paragraph.
func (a *attributor) lastMentionBefore(pi, at int, keep func(i int, m *mention) bool) *mention {
	for i := pi; i >= 0; i-- {
		p := a.x.paras[i]
		for j := len(p.mentions) - 1; j >= 0; j-- {
			m := p.mentions[j]
			if m.actor != nil && !m.inQuote && (i < pi || int(p.toks[m.first].start) < at) && keep(i, m) {
				return m
			}
		}
	}
	return nil
}

// documentFrom passes over "a statement from" (or "released by") after toks[at], returning
// the token before whoever the document is from; with no such words, at.
func documentFrom(toks []token, at int) int {
	k := at + 1
	if k < len(toks) && (toks[k].text == "a" || toks[k].text == "an" || toks[k].text == "the") {
		k++
	}
	for k < len(toks) && toks[k].kind == tokWord && !documentNouns[toks[k].text] && k-at <= 4 && !isCapitalized(toks[k].text) {
		k++ // "a written statement", "an emailed statement"
	}
	if k >= len(toks) || !documentNouns[toks[k].text] {
		return at
	}
	k++
	if k < len(toks) && (toks[k].text == "released" || toks[k].text == "issued") {
		k++
	}
	if k < len(toks) && (toks[k].text == "from" || toks[k].text == "by") {
		return k
	}
	return at
}

// isAuthor reports whether a is the person the byline names.
func (x *docExtract) isAuthor(a *localActor) bool {
	by := x.doc.Author
	return by != "" && a.surname != "" && a.given != "" && strings.HasPrefix(by, a.given) && strings.HasSuffix(by, a.surname)
}

// author returns the person who wrote the document, when its byline names one: the person
// the text names so, else one made from the byline.
func (x *docExtract) author() *localActor {
	name := strings.Fields(x.doc.Author)
	if len(name) < 2 || len(name) > 3 || !slices.ContainsFunc(name, lexicon.firstNames.has) && !plainName(name) {
		return nil
	}
	for _, w := range name {
		if !isCapitalized(w) {
			return nil // "Staff and wire reports"
		}
	}
	surname, given := splitName(name)
	for _, a := range x.actors {
		if a.kind == Person && a.surname == surname && sameGivenName(a.given, given) {
			return a
		}
	}
	p := &localActor{kind: Person, tokens: slices.Clone(name), surname: surname, given: given, strong: true}
	p.addName(name)
	x.actors = append(x.actors, p)
	return p
}

// addressed are the reporting verbs whose object is who was spoken to: the name after
// "told" is never the speaker.
var addressed = map[string]bool{"tell": true, "inform": true, "remind": true, "assure": true, "urge": true, "implore": true,
	"brief": true, "notify": true, "thank": true}

// prepositions put the noun after them out of a sentence's subject ("for" does not: "a
// spokeswoman for the agency said" gives the agency's words).
var prepositions = map[string]bool{"on": true, "at": true, "in": true, "of": true, "from": true, "with": true, "to": true, "by": true}

// companyNouns name a business, which a group of people is not.
var companyNouns = map[string]bool{"company": true, "firm": true, "vendor": true, "manufacturer": true, "carrier": true,
	"contractor": true, "provider": true, "startup": true, "maker": true}

// companyWords end a business's name.
var companyWords = map[string]bool{"Inc.": true, "Inc": true, "Corp.": true, "Corporation": true, "Company": true, "LLC": true,
	"Ltd.": true, "Co.": true, "Systems": true, "Technologies": true, "Solutions": true, "Software": true, "Labs": true,
	"Holdings": true, "Industries": true, "Electronics": true, "Networks": true, "Group": true, "Wireless": true, "Telecom": true,
	"Telecommunications": true, "Communications": true, "Security": true, "Analytics": true, "Consulting": true, "Hosting": true,
	"Cloud": true, "Printing": true, "Publishing": true, "Manufacturing": true, "Engineering": true, "Logistics": true}

// roleArticle returns the article that opens the role phrase ending at the role noun
// toks[k], "the" or "a" ("an" read as "a"), with at most three words between, or "": "the
// senator", "the former clerk", "the state's top election official", "A federal judge".
func roleArticle(toks []token, k int) string {
	for j := k - 1; j >= 0 && k-j <= 4; j-- {
		t := toks[j]
		switch {
		case strings.EqualFold(t.text, "the"):
			return "the"
		case strings.EqualFold(t.text, "a") || strings.EqualFold(t.text, "an") || strings.EqualFold(t.text, "one"):
			return "a" // "one board member called it …": someone the text may name later
		case t.kind != tokWord || t.inQuote || isCapitalized(t.text) && !isPossessive(t.text) && !lexicon.titles.has(t.text) || lexicon.verbs.lemma(t.text) != "" || roleStops[t.text]:
			return "" // "the Opposition leader" is a role; "the Senate" is none
		}
	}
	return ""
}

// genericRoles name a post without saying which: any titled person may hold them.
var genericRoles = map[string]bool{"official": true, "officer": true, "leader": true}

// roleAhead resolves a role named before the person who holds it ("The commissioner said
// … / Commissioner Dorian Kessling, a former police major, said"): the first person named
// after it, in this paragraph or the next two, whose roles hold the noun; for "official"
// and the like, the first person named with a title.
func (a *attributor) roleAhead(pi, at int, noun string) *localActor {
	for i := pi; i < len(a.x.paras) && i <= pi+2; i++ {
		p := a.x.paras[i]
		for _, m := range p.mentions {
			if m.kind != Person || m.actor == nil || m.inQuote || i == pi && int(p.toks[m.first].start) <= at {
				continue
			}
			for _, r := range m.actor.roles {
				if strings.Contains(strings.ToLower(r), noun) || genericRoles[noun] && len(m.titles) > 0 {
					return m.actor
				}
			}
		}
	}
	return nil
}

// organizationNamed resolves "the company", "the Alliance" or "the group" at byte offset
// at of paragraph pi: by what the noun says, else the last organisation there was (a
// business is never a group of people).
func (a *attributor) organizationNamed(pi, at int, noun string) *localActor {
	if !orgNouns[noun] {
		return nil
	}
	if org := a.organizationCalled(pi, at, noun); org != nil || noun == "county" || noun == "city" {
		return org // "the county said": a body whose name says it is the county's, or no one
	}
	if org := a.organization(pi, at); org != nil && (org.kind == Organization || !companyNouns[noun]) {
		return org
	}
	return nil
}

// orgNouns are the nouns that, after "the", stand for an organisation named before.
var orgNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`company agency department campaign organization organisation firm office committee party
	board commission group coalition ministry bureau administration association council union institute center centre
	foundation alliance league society authority network panel caucus nonprofit vendor manufacturer carrier contractor
	provider startup maker county city directorate secretariat tribunal lab laboratory`) {
		m[w] = true
	}
	return m
}()

// organizationCalled resolves "the Alliance" or "the company" at byte offset at of
// paragraph pi by what the noun says: the last organisation named before whose name holds
// the noun ("Heartland Election Officials Alliance"), or, for a business, the last one whose
// name is a business's ("Castellan Voting Systems"), however far back.
func (a *attributor) organizationCalled(pi, at int, noun string) *localActor {
	m := a.lastMentionBefore(pi, at, func(i int, m *mention) bool {
		if m.kind != Organization || len(m.actor.tokens) < 2 {
			return false
		}
		if toks := a.x.paras[i].toks; companyNouns[noun] && m.first >= 2 && toks[m.first-1].text == "," && companyNouns[strings.TrimSuffix(toks[m.first-2].text, "s")] {
			return true // "The largest of those vendors, Tally Harbor, …" … "the company said"
		}
		return slices.ContainsFunc(m.actor.roles, func(r string) bool {
			last := r[strings.LastIndexByte(r, ' ')+1:]
			return last == noun || anyGroupNoun[last] && anyGroupNoun[noun] // "Election Workers United, a union …" … "the union said"; "a nonpartisan observer organization" … "the group said"
		}) ||
			companyNouns[noun] && companyWords[m.actor.tokens[len(m.actor.tokens)-1]] || // a business's name ends in what it is: not "Ridgeline Security Lab"
			slices.ContainsFunc(m.actor.tokens, func(t string) bool { return strings.EqualFold(t, noun) || foreignHeads[t] == noun }) &&
				!((noun == "county" || noun == "city") && slices.ContainsFunc(m.actor.tokens, func(t string) bool { return notTheCounty[stripPossessive(t)] }))
	})
	if m == nil {
		return nil
	}
	return m.actor
}

// anyGroupNoun are the nouns that call any body of people one: "the group said" after "…,
// a nonpartisan observer organization".
var anyGroupNoun = map[string]bool{"group": true, "organization": true, "organisation": true, "nonprofit": true}

// notTheCounty are bodies a county's or a city's name may open that do not speak for it:
// "the county said" is not the Wake County Superior Court nor the Harnett County
// Republican Party.
var notTheCounty = map[string]bool{"Court": true, "Party": true, "Sheriff": true, "Police": true, "School": true, "Schools": true,
	"University": true, "College": true, "Hospital": true, "Library": true, "Airport": true, "Chamber": true, "Bar": true}

// foreignHeads are the heads of institutions named in other languages, with the English
// noun that stands for them: "the institute said" after the Instituto Zacatecano de
// Procesos Electorales.
var foreignHeads = map[string]string{"Instituto": "institute", "Institut": "institute", "Comisión": "commission", "Comissão": "commission",
	"Consejo": "council", "Conseil": "council", "Agencia": "agency", "Agence": "agency", "Agência": "agency", "Ministerio": "ministry",
	"Ministère": "ministry", "Ministério": "ministry", "Partido": "party", "Parti": "party", "Oficina": "office", "Bundesamt": "office",
	"Centro": "center", "Tribunal": "court", "Fundación": "foundation", "Fondation": "foundation", "Asociación": "association"}

// organization resolves "the company" or "the group": the last organisation or group that
// spoke in this paragraph or the two before, else the last organisation that was the subject
// of a sentence there (never one that was only its object).
func (a *attributor) organization(pi, at int) *localActor {
	subjectOrg := func(i int) *localActor {
		p := a.x.paras[i]
		for j := len(p.mentions) - 1; j >= 0; j-- {
			if m := p.mentions[j]; m.kind == Organization && m.actor != nil && !m.inQuote && (i < pi || int(p.toks[m.first].start) < at) &&
				(isSubjectPosition(p.toks, m.first) || isSubjectPosition(p.toks, describedFrom(p.toks, m.first))) {
				return m.actor
			}
		}
		return nil
	}
	// "The League said in a statement … “…,” the group said.": the subject of this
	// paragraph comes before whoever spoke in the last.
	if org := subjectOrg(pi); org != nil && (a.lastOrg == nil || a.lastOrgPara < pi) {
		return org
	}
	if a.lastOrg != nil && pi-a.lastOrgPara <= 2 {
		return a.lastOrg
	}
	for i := pi; i >= 0 && i >= pi-2; i-- {
		if org := subjectOrg(i); org != nil {
			return org
		}
	}
	return nil
}

// describedFrom returns where the words that say what an organisation is start, before
// its name at toks[first]: "The campaign group Fair Count Trust", "the nonprofit …"; or
// first, when there are none.
func describedFrom(toks []token, first int) int {
	k := first - 1
	// "A ransomware group calling itself GlassHydra", "a group called …", "known as …"
	switch {
	case k >= 2 && toks[k].text == "itself" && toks[k-1].text == "calling":
		k -= 2
	case k >= 2 && toks[k].text == "as" && toks[k-1].text == "known":
		k -= 2
	case k >= 1 && (toks[k].text == "called" || toks[k].text == "named"):
		k--
	}
	if k < 0 || toks[k].kind != tokWord || !orgNouns[toks[k].text] {
		return first
	}
	for j := k; j >= 0 && k-j <= 3; j-- {
		if w := toks[j].text; w == "the" || w == "The" || w == "a" || w == "A" {
			return j
		}
		if toks[j].kind != tokWord || isCapitalized(toks[j].text) {
			break
		}
	}
	return first
}

// person resolves "he" or "she" at byte offset at of paragraph pi: the last person who
// is the subject of a sentence before it in this paragraph, else the last person who
// spoke (here or in the paragraph before), else the last person named.
func (a *attributor) person(pi int, at int, g gender) *localActor {
	p := a.x.paras[pi]
	var named, subject, known *localActor
	// "I talked with Auditor Solveig Pedersen-Bloom this morning, and she said to me …": in
	// a sentence the writer or speaker tells as "I", the other person named.
	if k := tokenAt(p.toks, at); k > 0 {
		// (Or told as "I" anywhere before the pronoun: "When I ran this idea past my deputy,
		// Ignacio Letourneau-Sauer, before we started, he asked me, “…”".)
		if ss := sentenceStartBefore(p.toks, k); slices.ContainsFunc(p.toks[ss:k], func(t token) bool { return t.text == "I" }) {
			for i := len(p.mentions) - 1; i >= 0; i-- {
				m := p.mentions[i]
				if m.first <= ss || m.first >= k || m.kind != Person || m.inQuote {
					continue
				}
				if m.actor == nil && plainName(m.tokens) {
					a.subjectOf(m) // a full name no list knows, after a post: someone
				}
				if m.actor != nil && m.actor.fits(g) && m.actor.strong {
					return m.actor
				}
			}
		}
	}
	// In a sentence that ends "…, she said.", the people before the pronoun are in what she
	// said.
	tail := len(p.toks)
	if k := tokenAt(p.toks, at); k > 1 && k+1 < len(p.toks) && p.toks[k-1].text == "," && isReportingVerb(p.toks, k+1) {
		tail = sentenceStartBefore(p.toks, k)
	}
	for i := len(p.mentions) - 1; i >= 0 && subject == nil; i-- {
		m := p.mentions[i]
		if m.kind == Person && m.actor == nil && !m.inQuote && int(p.toks[m.first].start) < at && plainName(m.tokens) && isSubjectPosition(p.toks, m.first) {
			// "Manjunath Gowda, a booth officer, said …": a full name no list knows, the
			// sentence's subject, is the person "he" means.
			a.subjectOf(m)
		}
		if m.kind != Person || m.actor == nil || m.inQuote || int(p.toks[m.first].start) >= at || !m.actor.fits(g) {
			continue
		}
		if onPlatform(p, m) {
			continue
		}
		if !m.actor.strong && !m.actor.spoke && !(m.end < len(p.toks) && actsAsSubject(p.toks[m.end])) && !plainName(m.tokens) {
			continue // a capitalised word this reader only guessed at ("Civil rights groups …")
		}
		if m.first >= tail {
			continue // "Copies would go only to the auditor, she said.": the words' subject is not who says them
		}
		if _, labelled := a.x.labels[pi]; labelled && m.first == 0 {
			continue // "SECRETARY HALVORSEN: … she said to me, “…”": not the label's speaker
		}
		if known == nil && g != genderUnknown && m.actor.gender == g {
			known = m.actor
		}
		if isSubjectPosition(p.toks, m.first) {
			subject = m.actor
		}
		if named == nil {
			named = m.actor
		}
	}
	if k := tokenAt(p.toks, at); k > 0 && sentenceStartBefore(p.toks, k) == k {
		// "Marchetti pressed Okonjo-Bright on price, asking why … He said …": the one
		// asked answers, in the sentence after the question.
		if asked := a.askedIn(pi, k); asked != nil && asked.fits(g) {
			return asked
		}
	}
	switch {
	case subject != nil && subject.gender != g && !subject.spoke && known != nil:
		// "Moro asked Vane … “…,” she said.": the one the text calls a woman, over a
		// subject it says nothing of and who has not spoken.
		return known
	case subject != nil:
		return subject
	}
	if named == nil && pi > 0 && len(p.toks) > 0 && p.toks[0].kind == tokOpenQ {
		// "Roe asked the IT director whether the upload could have changed any result." /
		// "“No …,” he said.": the one asked answers.
		if asked := a.askedOne(pi - 1); asked != nil && asked.fits(g) {
			return asked
		}
		// "“Mr. Lindgaard, … How much money?” the chief justice asked." / "“…,” he said.":
		// the answer is the one the question was put to.
		if who := a.addressee(pi - 1); who != nil && who.fits(g) {
			return who
		}
	}
	if named == nil {
		// "Her brother was unmoved. “…,” he said.": the relative named in full.
		if r := a.relativeSubject(pi, at); r != nil && r.fits(g) {
			return r
		}
	}
	if named == nil {
		// "… the clerk paused for a long moment. / “…,” she said.": the person the role
		// that is the last subject stands for.
		if r := a.roleSubject(pi, at); r != nil && r.fits(g) {
			return r
		}
	}
	if named == nil && (a.unnamedSubject(pi, at) || pi > 0 && len(p.toks) > 0 && p.toks[0].kind == tokOpenQ && a.unnamedSubject(pi-1, math.MaxInt32)) {
		// (Also in the paragraph before, when these words open theirs: "A poll worker who
		// asked not to be named said …" / "“…,” she said.")
		return nil
	}
	lastPerson := func() *localActor {
		for i := len(a.lastSpeaker) - 1; i >= 0; i-- {
			if s := a.lastSpeaker[i]; s.kind == Person && s.fits(g) && !a.x.isAuthor(s) { // "I" is never "he" or "she"
				return s
			}
		}
		return nil
	}
	if a.lastPara == pi {
		if s := lastPerson(); s != nil {
			return s
		}
	}
	if named != nil {
		return named // "According to Roe, … “…,” she said."
	}
	if a.lastPara == pi-1 {
		if s := lastPerson(); s != nil {
			return s
		}
	}
	if pi > 0 {
		pp := a.x.paras[pi-1]
		for i := len(pp.mentions) - 1; i >= 0; i-- {
			m := pp.mentions[i]
			if m.kind == Person && m.actor == nil && !m.inQuote && plainName(m.tokens) && isSubjectPosition(pp.toks, m.first) {
				a.subjectOf(m) // "Zubeda Begum, 62, … learnt that …" / "“…,” she said."
			}
			if m.kind == Person && m.actor != nil && !m.inQuote && m.actor.fits(g) && !onPlatform(pp, m) {
				return m.actor
			}
		}
	}
	if pi > 0 && g != genderUnknown && a.lastPara == pi-1 {
		// "“Cyril brings the clipboard,” Agnes said." / "“She's exaggerating,” he said.": the
		// one person of that gender the last words named, when their speaker is not of it.
		var found *localActor
		for _, m := range a.x.paras[pi-1].mentions {
			if m.inQuote && m.kind == Person && m.actor != nil && m.actor.strong && m.actor.gender == g && !slices.Contains(a.lastSpeaker, m.actor) {
				if found != nil && found != m.actor {
					found = nil
					break
				}
				found = m.actor
			}
		}
		if found != nil {
			return found
		}
	}
	// A paragraph about someone that names no one ("His father repaired lever machines …")
	// between them and the words: the person named last, two or three paragraphs up, if
	// known by shape and not of the other gender.
	for i := pi - 2; i >= 0 && i >= pi-3; i-- {
		ms := a.x.paras[i].mentions
		for j := len(ms) - 1; j >= 0; j-- {
			if m := ms[j]; m.kind == Person && !m.inQuote {
				if m.actor != nil && g != genderUnknown && m.actor.fits(g) && m.actor.strong {
					return m.actor
				}
				if !m.strong && m.actor == nil && m.first > 0 && placeWords[a.x.paras[i].toks[m.first-1].text] {
					continue // "a sugar beet farm outside Park River": a place, though read as a name
				}
				return nil // the last named is not one "he" or "she" can mean: nobody
			}
		}
	}
	return nil
}

// addressee returns the person a question that ends paragraph pi is put to, named at its
// start ("“Mr. Lindgaard, your clients say … How much money?” the chief justice asked."),
// or nil.
func (a *attributor) addressee(pi int) *localActor {
	q := a.lastQuoteOf(pi)
	p := a.x.paras[pi]
	if q == nil || !a.asked(q) || len(q.speakers) == 0 {
		return nil
	}
	for _, m := range p.mentions {
		if m.inQuote && m.kind == Person && m.actor != nil && m.end < len(p.toks) && p.toks[m.end].text == "," &&
			m.first > 0 && p.toks[m.first-1].kind == tokOpenQ && !slices.Contains(q.speakers, m.actor) {
			return m.actor
		}
	}
	return nil
}

// tokenAt returns the index of the token that starts at byte offset at, or of the first
// after it.
func tokenAt(toks []token, at int) int {
	k := 0
	for k < len(toks) && int(toks[k].start) < at {
		k++
	}
	return k
}

// placeWords are the prepositions a place follows: "outside Park River".
var placeWords = map[string]bool{"in": true, "near": true, "outside": true, "from": true, "at": true, "to": true, "into": true}

// kin are the relatives a possessive may name, with what they say of gender.
var kin = map[string]gender{"brother": male, "son": male, "father": male, "husband": male, "nephew": male, "uncle": male,
	"sister": female, "daughter": female, "mother": female, "wife": female, "niece": female, "aunt": female,
	"cousin": genderUnknown, "sibling": genderUnknown}

// relativeSubject returns the person a relative opening a sentence before byte offset at
// of paragraph pi stands for: in "Her brother was unmoved. “…,” he said.", whoever "her"
// is has one relative of that gender who shares their surname, named in full in the text.
func (a *attributor) relativeSubject(pi, at int) *localActor {
	toks := a.x.paras[pi].toks
	lo := -1
	for k := 0; k+1 < len(toks) && int(toks[k].start) < at; k++ {
		if (k == 0 || toks[k-1].sentEnd && !toks[k-1].inQuote) && (toks[k].text == "Her" || toks[k].text == "His") {
			lo = k
		}
	}
	if lo < 0 {
		return nil
	}
	g, ok := kin[toks[lo+1].text]
	if !ok {
		return nil
	}
	owner := a.person(pi, int(toks[lo].start), pronounGender(strings.ToLower(toks[lo].text)))
	return a.relativeOf(owner, toks[lo+1].text, g)
}

// relativeOf returns the one person named in full who shares owner's surname and may be
// the relative the noun says, of gender g; of a father and a son of one name, "his
// father" is "Sr." and "his son" "Jr.".
func (a *attributor) relativeOf(owner *localActor, noun string, g gender) *localActor {
	if owner == nil || owner.surname == "" {
		return nil
	}
	var found []*localActor
	for _, r := range a.x.actors {
		if r != owner && r.kind == Person && r.strong && r.surname == owner.surname && r.given != "" && r.fits(g) {
			found = append(found, r)
		}
	}
	if len(found) > 1 {
		want := ""
		switch {
		case (noun == "father" || noun == "mother") && suffixOf(owner.tokens) == "jr":
			want = "sr"
		case (noun == "son" || noun == "daughter") && suffixOf(owner.tokens) == "sr":
			want = "jr"
		}
		found = slices.DeleteFunc(found, func(r *localActor) bool { return want == "" || suffixOf(r.tokens) != want })
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// askingVerbs put a question to someone: "Roe asked the clerk whether …".
var askingVerbs = map[string]bool{"asked": true, "pressed": true, "questioned": true}

// questionWords follow the one asked: "asked Roe whether", "asked the clerk about".
var questionWords = map[string]bool{"whether": true, "if": true, "about": true, "why": true, "how": true,
	"what": true, "when": true, "where": true, "who": true, "to": true, "for": true, "on": true}

// askedOne returns the person the last sentence of paragraph pi puts a question to, by
// name or by role ("Roe asked Lisle whether …", "asked the IT director about …"), or nil.
func (a *attributor) askedOne(pi int) *localActor { return a.askedIn(pi, len(a.x.paras[pi].toks)) }

// askedIn is askedOne for the sentence of paragraph pi that ends before token end.
func (a *attributor) askedIn(pi, end int) *localActor {
	p := a.x.paras[pi]
	toks := p.toks[:end]
	n := len(toks)
	if n < 3 {
		return nil
	}
	for v := sentenceStartBefore(toks, n-1); v+1 < n; v++ {
		if toks[v].inQuote || !askingVerbs[toks[v].text] {
			continue
		}
		asks := func(after int) bool {
			return after < n && (questionWords[toks[after].text] || toks[after].sentEnd)
		}
		for _, m := range p.mentions {
			if m.first == v+1 && m.kind == Person && m.actor != nil && asks(m.end) {
				return m.actor
			}
		}
		if w := toks[v+1].text; (w == "him" || w == "her") && asks(v+2) {
			// "The report's lead author, Lucan Rennick, … I asked him what surprised him."
			return a.person(pi, int(toks[v+1].start), pronounGender(w))
		}
		if toks[v+1].text != "the" {
			return nil
		}
		for k := v + 2; k < min(n, v+6); k++ {
			if w := strings.ToLower(toks[k].text); toks[k].kind == tokWord && lexicon.roleNouns.has(w) && asks(k+1) {
				return a.roleHolder(pi, int(toks[k].start), w)
			}
		}
		return nil
	}
	return nil
}

// actsAsSubject reports whether the word after a name makes the name a clause's subject:
// "Roe has denied", "Roe said", "Roe refused" — not "Civil rights".
func actsAsSubject(t token) bool {
	if t.kind != tokWord {
		return false
	}
	w := t.text
	return adverbs[w] || lexicon.verbs.lemma(w) != "" || strings.HasSuffix(w, "ed") && !isCapitalized(w) ||
		w == "is" || w == "was" || w == "will" || w == "would" || w == "can" || w == "could" || w == "must"
}

// isSubjectPosition reports whether a mention starting at toks[i] opens its sentence or
// clause, perhaps after an adverbial ("Later, Roe …", "But Roe …").
func isSubjectPosition(toks []token, i int) bool {
	if d := roleBefore(toks, i); d >= 0 {
		return isSubjectPosition(toks, d) // "My colleague, Dagny Vorhaus, turned to me"
	}
	k := i - 1
	for k >= 0 && i-k <= 3 && toks[k].kind == tokWord && (lexicon.common.has(toks[k].text) || adverbs[toks[k].text]) {
		k--
	}
	// "In 2024, after a long night, Roe": short phrases of when or where, each closed by a
	// comma.
	for k >= 0 && toks[k].text == "," {
		j := k - 1
		for j >= 0 && k-j <= 6 && toks[j].kind == tokWord {
			j--
		}
		if j+1 >= k || !introWords[strings.ToLower(toks[j+1].text)] || j >= 0 && toks[j].text != "," && !toks[j].sentEnd {
			break
		}
		k = j
	}
	if k >= 0 && toks[k].text == "," {
		k-- // "Later, Roe": skip the comma and the adverb before it
		for k >= 0 && toks[k].kind == tokWord && i-k <= 5 && (lexicon.common.has(toks[k].text) || adverbs[toks[k].text] || strings.HasSuffix(toks[k].text, "ly")) {
			k--
		}
	}
	return k < 0 || toks[k].sentEnd || toks[k].kind == tokCloseQ && k > 0 && toks[k-1].sentEnd
}

// introWords open a short phrase of when or where before a sentence's subject.
var introWords = map[string]bool{"in": true, "after": true, "before": true, "during": true, "on": true, "at": true,
	"since": true, "last": true, "this": true, "earlier": true, "later": true, "by": true, "until": true}

// roleBefore returns where a role set before a name at toks[i] begins, "my fellow judge
// of elections, Dagny Vorhaus", "the county's clerk, Ann Roe": a determiner, lower-case
// words holding a role noun, and a comma; or -1.
func roleBefore(toks []token, i int) int {
	if i < 3 || toks[i-1].text != "," {
		return -1
	}
	role, owner := false, false
	for k := i - 2; k >= 0 && i-k <= 8 && toks[k].kind == tokWord; k-- {
		switch w := strings.ToLower(toks[k].text); {
		case w == "the" || w == "my" || w == "our" || w == "his" || w == "her" || w == "their":
			if role {
				return k
			}
			return -1
		case lexicon.roleNouns.has(w):
			role = true
		case isCapitalized(toks[k].text) && isPossessive(toks[k].text):
			owner = role
		case isCapitalized(toks[k].text):
			if !owner {
				return -1
			}
			// "Tamsen County's clerk, Leocadia Vlahos, did not attend": a place's post.
			if k == 0 || toks[k-1].sentEnd || toks[k-1].text == "," {
				return k
			}
		}
	}
	return -1
}

// plural resolves "they" or "the senators": the last group or set of people who spoke
// within the last few paragraphs, else the last named group.
// listSubject returns the people of a list that is the subject of a sentence before token
// k of paragraph pi ("Sens. Roe, Doe and Poe released …"), the latest such list.
func (a *attributor) listSubject(pi, k int) []*localActor {
	p := a.x.paras[pi]
	var best []*localActor
	for i := 0; i < len(p.mentions); i++ {
		m := p.mentions[i]
		if m.first >= k || m.kind != Person || m.actor == nil || m.inQuote || !isSubjectPosition(p.toks, m.first) {
			continue
		}
		list := []*localActor{m.actor}
		end := m.end
		for j := i + 1; j < len(p.mentions); j++ {
			n := p.mentions[j]
			if n.first >= k || n.kind != Person || n.actor == nil || !onlyListJoiners(p.toks[end:n.first]) {
				break
			}
			if !slices.Contains(list, n.actor) {
				list = append(list, n.actor)
			}
			end = n.end
		}
		if len(list) >= 2 {
			best = list
		}
	}
	return best
}

func (a *attributor) plural(pi int) []*localActor {
	if len(a.lastPlural) > 0 && pi-a.pluralPara <= 3 {
		return a.lastPlural
	}
	for i := pi; i >= 0 && i >= pi-3; i-- {
		ms := a.x.paras[i].mentions
		for j := len(ms) - 1; j >= 0; j-- {
			if m := ms[j]; m.kind == Group && !m.anaphor && m.actor != nil && !m.inQuote {
				return []*localActor{m.actor}
			}
		}
	}
	return nil
}

// otherActorBetween reports whether someone other than the given speakers is named between
// two token positions, so that a following quotation cannot be assumed to continue.
func otherActorBetween(p *paraInfo, from, to int, speakers []*localActor) bool {
	// A reporting verb in between starts someone else's words, even when this reader could
	// not tell whose: "The contractor, Ninja Labs, has said its work will be “…”".
	for k := max(from, 0); k < to && k < len(p.toks); k++ {
		if isReportingVerb(p.toks, k) && !p.toks[k].used {
			return true
		}
	}
	for _, m := range p.mentions {
		if m.first < from || m.first >= to || m.inQuote || m.actor == nil {
			continue
		}
		same := false
		for _, s := range speakers {
			if s == m.actor {
				same = true
			}
		}
		if !same && (m.kind == Person || m.kind == Group) {
			return true
		}
	}
	return false
}

// looksLikeTitle reports whether quoted text reads as the title of a work: short, with
// every longer word capitalised.
func looksLikeTitle(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 10 {
		return false
	}
	for _, w := range ws {
		if len(w) > 3 && !isCapitalized(w) {
			return false
		}
	}
	return true
}
