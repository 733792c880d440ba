package corpus

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// assemble merges the documents' actors across the corpus by alias and fills c with the
// documents, actors, quotations and reported speech.
func assemble(c *Corpus, docs []*docExtract) {
	c.docByID = make(map[string]*Document, len(docs))
	c.Documents = make([]*Document, 0, len(docs))
	c.actorByID = map[string]*Actor{}
	// Pack the documents' paragraphs while the actors are merged, which takes one core.
	packed := make(chan struct{})
	go func() {
		spread(len(docs), 64, func(_, lo, hi int) {
			var k packer
			for _, x := range docs[lo:hi] {
				x.doc.text = k.pack(x.doc.body)
			}
		})
		close(packed)
	}()
	m := merger{byKey: map[string]*Actor{}, bySurname: map[string][]*Actor{}}
	// People known by their full name first, so that bare surnames find them.
	for _, pass := range []int{0, 1, 2} {
		for _, x := range docs {
			for _, a := range x.actors {
				if a.kind != Person {
					m.nonPerson(a, pass)
					continue
				}
				switch {
				case pass == 0 && a.given != "":
					m.person(a)
				case pass == 1 && a.given == "" && (a.strong || a.spoke):
					m.person(a)
				case pass == 2 && a.given == "" && !a.strong && !a.spoke:
					m.weak(a)
				}
			}
		}
	}
	for _, x := range docs {
		for _, a := range x.actors {
			if a.global == nil || a.mentions == 0 && !a.spoke {
				continue
			}
			g := a.global
			g.Mentions += a.mentions
			if len(g.DocIDs) == 0 || g.DocIDs[len(g.DocIDs)-1] != x.doc.ID {
				g.DocIDs = append(g.DocIDs, x.doc.ID)
			}
		}
	}
	var kept []*Actor
	for _, a := range m.all {
		if len(a.DocIDs) > 0 {
			kept = append(kept, a)
		}
	}
	assignIDs(kept)
	for _, x := range docs {
		d := x.doc
		c.Documents = append(c.Documents, d)
		c.docByID[d.ID] = d
		for _, a := range x.actors {
			if a.global == nil || a.global.ID == "" {
				continue
			}
			for _, mem := range a.members {
				if mem.global != nil && mem.global.ID != "" && mem.global != a.global && !contains(a.global.Members, mem.global.ID) {
					a.global.Members = append(a.global.Members, mem.global.ID)
				}
			}
		}
	}
	// Each document's quotations and reported speech only read the settled actors: build
	// them on every core, then lay them out in document order.
	<-packed
	quotes := make([][]*Quote, len(docs))
	attrs := make([][]*Attribution, len(docs))
	spread(len(docs), 64, func(_, lo, hi int) {
		var r recorder
		for i := lo; i < hi; i++ {
			quotes[i], attrs[i] = r.records(docs[i])
		}
	})
	c.Quotes = slices.Concat(quotes...)
	c.Attributions = slices.Concat(attrs...)
	for _, a := range kept {
		finishActor(a)
		c.Actors = append(c.Actors, a)
		c.actorByID[a.ID] = a
	}
	sort.SliceStable(c.Actors, func(i, j int) bool { return c.Actors[i].ID < c.Actors[j].ID })
}

// recorder builds documents' records, one after another.
type recorder struct {
	words map[string]string // each reporting verb as written, kept once
}

// records builds a document's quotations and reported speech, each kind in one block of
// memory (a corpus holds hundreds of thousands of them), as places in its packed
// paragraphs. After it, nothing the corpus keeps holds memory the files were read into.
func (r *recorder) records(x *docExtract) ([]*Quote, []*Attribution) {
	d := x.doc
	d.Title, d.Date, d.Publisher = strings.Clone(d.Title), strings.Clone(d.Date), strings.Clone(d.Publisher)
	d.Author, d.URL = strings.Clone(d.Author), strings.Clone(d.URL)
	var ids []string // every record's speakers, one after another
	speakers := func(as []*localActor) []string {
		start := len(ids)
		for _, a := range as {
			if a.global != nil && a.global.ID != "" && !contains(ids[start:], a.global.ID) {
				ids = append(ids, a.global.ID)
			}
		}
		return ids[start:len(ids):len(ids)]
	}
	ids = make([]string, 0, 2*(len(x.quotes)+len(x.attrs)))
	qs := make([]Quote, 0, len(x.quotes))
	for _, q := range x.quotes {
		text, ok := d.text.ref(d.body, q.para, q.text)
		if !ok {
			continue // every quotation is a piece of its paragraph; this is not
		}
		qs = append(qs, Quote{
			num: uint32(len(qs) + 1), DocID: d.ID, Paragraph: q.para + 1,
			text: text, chars: uint32(utf8.RuneCountInString(q.text)),
			Speakers: speakers(q.speakers), Partial: q.partial, Cue: r.word(q.cue),
		})
	}
	as := make([]Attribution, 0, len(x.attrs))
	for _, a := range x.attrs {
		sp := speakers(a.speakers)
		clause, ok := d.text.ref(d.body, a.para, a.clause)
		if len(sp) == 0 || !ok {
			continue
		}
		as = append(as, Attribution{
			num: uint32(len(as) + 1), DocID: d.ID, Paragraph: a.para + 1,
			Speakers: sp, Verb: r.word(a.verb), clause: clause,
		})
	}
	d.body = nil
	qps := make([]*Quote, len(qs))
	for i := range qs {
		qps[i] = &qs[i]
	}
	aps := make([]*Attribution, len(as))
	for i := range as {
		aps[i] = &as[i]
	}
	return qps, aps
}

// word returns w in memory of its own, the same for every record that has it.
func (r *recorder) word(w string) string {
	if r.words == nil {
		r.words = map[string]string{}
	}
	if k, ok := r.words[w]; ok {
		return k
	}
	k := strings.Clone(w)
	r.words[k] = k
	return k
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// merger joins document actors into corpus actors.
type merger struct {
	all        []*Actor
	byKey      map[string]*Actor
	bySurname  map[string][]*Actor
	given      map[*Actor]string
	generation map[*Actor]string   // "jr", "sr" …: what tells a father from a son of one name
	byName     map[string]*Actor   // surname and full given name → person
	loose      map[string][]*Actor // surname → people first known without a full given name
	buf        []byte              // a key being looked up
}

// person merges a document's person with the corpus person of the same surname and a
// compatible given name, or makes a new one.
func (m *merger) person(a *localActor) {
	if m.given == nil {
		m.given = map[*Actor]string{}
		m.generation = map[*Actor]string{}
		m.byName = map[string]*Actor{}
		m.loose = map[string][]*Actor{}
	}
	key := strings.ToLower(a.surname)
	full := a.given != "" && !isInitial(a.given)
	gen := suffixOf(a.tokens) // "Clement Yardley Jr." is not Clement Yardley Sr.
	var match *Actor
	switch {
	case full:
		// The common case, kept fast for corpora with thousands of people sharing surnames:
		// the same full given name, else someone known only by an initial or a title.
		m.buf = append(append(append(append(append(m.buf[:0], key...), 0), canonicalGiven(a.given)...), 0), gen...)
		match = m.byName[string(m.buf)]
		for _, g := range m.loose[key] {
			if match == nil && sameGivenName(m.given[g], a.given) && m.generation[g] == gen {
				match = g
			}
		}
	default:
		for _, g := range m.bySurname[key] {
			if sameGivenName(m.given[g], a.given) && (gen == "" || m.generation[g] == gen) {
				if a.given == "" && len(m.bySurname[key]) > 1 {
					break // a bare surname shared by several people: keep it apart
				}
				match = g
				break
			}
		}
	}
	if match == nil {
		match = &Actor{Kind: Person}
		m.all = append(m.all, match)
		m.bySurname[key] = append(m.bySurname[key], match)
		if !full {
			m.loose[key] = append(m.loose[key], match)
		}
		if gen != "" {
			m.generation[match] = gen
		}
	}
	if name := strings.Join(a.tokens, " "); len(name) > len(match.Name) {
		match.Name = name
	}
	if m.given[match] == "" || isInitial(m.given[match]) {
		m.given[match] = a.given
	}
	if g := m.given[match]; g != "" && !isInitial(g) {
		if k := key + "\x00" + canonicalGiven(g) + "\x00" + m.generation[match]; m.byName[k] == nil {
			m.byName[k] = match
		}
	}
	m.absorb(match, a)
	addAlias(match, a.surname)
}

// weak links a bare surname to the one corpus person who has it; otherwise it is dropped.
func (m *merger) weak(a *localActor) {
	m.buf = appendLower(m.buf[:0], a.surname)
	cands := m.bySurname[string(m.buf)]
	if len(cands) != 1 {
		return
	}
	m.absorb(cands[0], a)
}

// nonPerson merges organisations and groups by their normalized names.
func (m *merger) nonPerson(a *localActor, pass int) {
	if pass != 0 {
		return
	}
	key := string(a.kind) + ":" + a.key
	g := m.byKey[key]
	if g == nil {
		g = &Actor{Kind: a.kind, Name: displayName(a)}
		m.byKey[key] = g
		m.all = append(m.all, g)
	}
	m.absorb(g, a)
}

func (m *merger) absorb(g *Actor, a *localActor) {
	a.global = g
	for _, f := range a.forms {
		addAlias(g, f)
	}
	for _, r := range a.roles {
		if len(g.Roles) < maxRoles && !containsFold(g.Roles, r) {
			g.Roles = append(g.Roles, r)
		}
	}
}

func containsFold(xs []string, s string) bool {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func addAlias(g *Actor, f string) {
	if f == "" || len(g.Aliases) >= 2*maxForms || containsFold(g.Aliases, f) {
		return
	}
	g.Aliases = append(g.Aliases, f)
}

// displayName is how an organisation or group is named: as the text first wrote it, with
// a group's plural head in lower case after a capitalised modifier ("Democratic senators").
func displayName(a *localActor) string {
	name := strings.Join(a.tokens, " ")
	if a.kind == Group {
		name = strings.TrimSpace(name)
		r := []rune(name)
		if len(r) > 0 {
			r[0] = unicode.ToUpper(r[0])
		}
		return string(r)
	}
	return name
}

// finishActor settles an actor's id and aliases once every document has been merged.
func finishActor(a *Actor) {
	// Names and roles are read from the text: they get memory of their own, so that the
	// memory the files were read into can go.
	a.Name = strings.Clone(a.Name)
	var aliases []string
	for _, al := range a.Aliases {
		if al != a.Name {
			aliases = append(aliases, strings.Clone(al))
		}
	}
	for i, r := range a.Roles {
		a.Roles[i] = strings.Clone(r)
	}
	if cap(a.DocIDs) > len(a.DocIDs) {
		a.DocIDs = slices.Clone(a.DocIDs) // exactly its size: the lists grew by doubling
	}
	if aliases == nil {
		aliases = []string{}
	}
	a.Aliases = aliases
	if a.Roles == nil {
		a.Roles = []string{}
	}
}

// assignIDs gives every actor a readable id, unique in the corpus: "jane-q-roe" → "jane-roe".
func assignIDs(actors []*Actor) {
	seen := map[string]int{}
	for _, a := range actors {
		base := slug(idName(a))
		if base == "" {
			base = "actor"
		}
		seen[base]++
		a.ID = base
		if n := seen[base]; n > 1 {
			a.ID = base + "-" + strconv.Itoa(n)
		}
	}
}

// idName is the part of an actor's name its id is made from: a person's given name and
// surname without initials.
func idName(a *Actor) string {
	if a.Kind != Person {
		return a.Name
	}
	var parts []string
	for _, w := range strings.Fields(a.Name) {
		if !isInitial(w) && !isNameSuffix(w) {
			parts = append(parts, w)
		}
	}
	if len(parts) > 2 {
		surname, given := splitName(parts)
		if given != "" {
			return given + " " + surname
		}
	}
	return strings.Join(parts, " ")
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case unicode.IsLetter(r):
			b.WriteRune(foldAccent(r))
			dash = false
		case r == '\'' || r == '’' || r == '.':
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// foldAccent maps a letter with marks to its base letter ("é" → "e", "ễ" → "e", "ü" →
// "u"), for ids and for matching names typed without them; a letter with no base in
// Unicode's decomposition ("ß", "đ", "ø") stays as it is.
func foldAccent(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		return r
	case r < rune(len(latinFolds)):
		return latinFolds[r] // the letters most names hold, without decomposing them again
	}
	return decomposedBase(r)
}

// latinFolds is foldAccent for the Latin letters up to U+024F.
var latinFolds = func() (t [0x250]rune) {
	for r := range t {
		t[r] = decomposedBase(rune(r))
	}
	return t
}()

// decomposedBase is r's base letter by Unicode's decomposition, if it is ASCII, else r.
func decomposedBase(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	var in, out [16]byte
	d := norm.NFD.Append(out[:0], utf8.AppendRune(in[:0], r)...)
	if base, _ := utf8.DecodeRune(d); base < utf8.RuneSelf {
		return base
	}
	return r
}
