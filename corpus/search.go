package corpus

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// MaxResults is the most results Search returns for one query.
const MaxResults = 30

// Weights of the ranking.
const (
	synonymWeight   = 0.4  // a synonym counts for this much of the word typed
	contextWeight   = 0.5  // words around a quotation count for this much of its own words
	minCoverage     = 0.5  // share of the query's weight (by IDF) the corpus must hold at all
	minUnitCoverage = 0.5  // share of it one result must hold
	relativeFloor   = 0.25 // results scoring under this share of the best are dropped
	duplicateShare  = 0.8  // results sharing this share of their terms are one
	quoteBoost      = 1.3  // someone's own words outrank a reporter's account of them
	minSkippedDF    = 2000 // a term in fewer units than this is always scored
	fragmentWeight  = 0.8  // a fragment worked into a reporter's sentence counts for less
	verbatimBoost   = 2    // a quotation holding the words as typed, in order, outranks one holding them apart
	verbatimWindow  = 20   // of this many best quotations
)

// query is a parsed query.
type query struct {
	raw      string
	tokens   []string // normalized words
	intent   Intent
	actor    nameMatch
	explicit bool     // the query asks for someone's words: "quotes from X", "what did X say"
	topic    []string // the words of the topic, normalized
}

// intentWords are words that shape a query without being its subject.
var (
	quoteWords = map[string]bool{"quotes": true, "quote": true, "quoted": true, "quotations": true, "quotation": true, "statements": true, "statement": true, "said": true, "say": true, "says": true, "saying": true, "sayings": true, "words": true, "remarks": true}
	fillers    = map[string]bool{"sen": true, "sens": true, "rep": true, "reps": true, "gov": true, "mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "from": true, "by": true, "of": true, "what": true, "did": true, "does": true, "has": true, "have": true, "had": true, "do": true, "all": true, "any": true, "the": true, "about": true, "on": true, "regarding": true, "re": true, "tell": true, "me": true, "show": true, "find": true, "give": true, "list": true, "is": true, "was": true, "were": true, "are": true, "else": true, "ever": true}
)

// headsVerbs ask who is at an organisation's head.
var headsVerbs = map[string]bool{"runs": true, "leads": true, "heads": true, "directs": true, "chairs": true, "founded": true,
	"manages": true, "oversees": true, "run": true, "lead": true, "head": true, "direct": true, "chair": true}

// headOf returns the person whose post names the organisation, the most quoted first; -1
// when none does.
func (ix *Index) headOf(org *Actor) int32 {
	name := normalizeName(org.Name)
	var among []int32
	for i, a := range ix.c.Actors {
		if a.Kind == Person && slices.ContainsFunc(a.Roles, func(r string) bool { return strings.Contains(normalizeName(r), name) }) {
			among = append(among, int32(i))
		}
	}
	if len(among) == 0 {
		return -1
	}
	return most(among, func(id int32) int { return len(ix.actorQuotes[id]) })
}

// parseQuery reads what a query asks for.
func (ix *Index) parseQuery(raw string) query {
	q := query{raw: raw, tokens: strings.Fields(normalizeName(raw)), intent: TopicIntent}
	// "the it director" is the information technology director, not a pronoun; "the ceo"
	// the chief executive.
	for i := 0; i < len(q.tokens); i++ {
		switch t := q.tokens[i]; {
		case t == "it" && i+1 < len(q.tokens) && (lexicon.roleNouns.has(q.tokens[i+1]) || q.tokens[i+1] == "department" || q.tokens[i+1] == "staff"):
			q.tokens = slices.Replace(q.tokens, i, i+1, "information", "technology")
		case t == "ceo" || t == "ceos":
			q.tokens = slices.Replace(q.tokens, i, i+1, "chief", "executive")
		}
	}
	toks := q.tokens
	// "who is Roe": the actor, not who said something.
	if len(toks) > 2 && toks[0] == "who" && (toks[1] == "is" || toks[1] == "was" || toks[1] == "are") || len(toks) > 1 && toks[0] == "whos" {
		rest := toks[1:]
		if toks[0] == "who" {
			rest = toks[2:]
		}
		if m := ix.findActor(rest); m.quality != noMatch && m.start == 0 && m.end == len(rest) {
			q.intent, q.actor = ActorIntent, m
			return q
		}
		// "who is the judge in the voter roll case", "who is the sheriff": someone by their
		// post.
		if m, topic, ok := ix.postIn(rest); ok {
			q.intent, q.actor, q.topic = ActorIntent, m, topic
			return q
		}
		if m := ix.postActor(rest); m.quality != noMatch {
			q.intent, q.actor = ActorIntent, m
			return q
		}
	}
	// "who runs the kentucky open polls project": the person whose post is at its head.
	if len(toks) > 2 && toks[0] == "who" && headsVerbs[toks[1]] {
		rest := toks[2:]
		if rest[0] == "the" {
			rest = rest[1:]
		}
		if m := ix.findActor(rest); m.quality != noMatch && m.start == 0 && m.end == len(rest) && ix.c.Actors[m.actor].Kind != Person {
			if head := ix.headOf(ix.c.Actors[m.actor]); head >= 0 {
				q.intent, q.actor = ActorIntent, nameMatch{actor: head, start: 0, end: len(rest), quality: m.quality}
				return q
			}
		}
	}
	if len(toks) > 0 && (toks[0] == "who" || toks[0] == "whom") {
		q.intent = WhoIntent
		rest := toks[1:]
		for len(rest) > 0 && fillers[rest[0]] {
			rest = rest[1:]
		}
		q.topic = rest
		return q
	}
	if m, topic, ok := ix.postIn(toks); ok {
		q.intent, q.actor, q.explicit, q.topic = ActorIntent, m, true, topic
		return q
	}
	if x, topic, ok := explicitActor(toks); ok {
		if m := ix.findActor(x); m.quality != noMatch && m.end-m.start == len(x) {
			q.intent, q.actor, q.explicit, q.topic = ActorIntent, ix.choose(m, topic), true, topic
			return q
		}
		if m, ok := ix.bodyNamed(x); ok {
			q.intent, q.actor, q.explicit, q.topic = ActorIntent, m, true, topic
			return q
		}
		// "what did the former clerk say": someone by their role.
		if m := ix.roleActor(x); m.quality != noMatch {
			q.intent, q.actor, q.explicit, q.topic = ActorIntent, ix.choose(m, append(x[:len(x):len(x)], topic...)), true, topic
			return q
		}
	}
	if m, ok := ix.bodyNamed(toks); ok {
		q.intent, q.actor = ActorIntent, m
		return q
	}
	// Strip the words that ask for quotations, remembering that they did.
	var rest []string
	for _, t := range toks {
		switch {
		case quoteWords[t]:
			q.explicit = true
		case fillers[t] && t != "on" && t != "about":
			// dropped
		default:
			rest = append(rest, t)
		}
	}
	bare := withoutTopicMarkers(rest)
	m := ix.findActor(bare)
	if m.quality == noMatch || (m.start > 0 || m.end < len(bare)) && ix.c.Actors[m.actor].Kind != Person {
		// "the sheriff", "secretary of state": someone by their post alone; also when a
		// body is named in it ("senate majority leader" is not the Senate).
		if m := ix.postActor(toks); m.quality != noMatch {
			q.intent, q.actor, q.explicit = ActorIntent, m, true
			return q
		}
	}
	if m.quality != noMatch {
		m = remapSpan(rest, m)
		a := ix.c.Actors[m.actor]
		whole := m.start == 0 && m.end == len(rest)
		if a.Kind == Person || q.explicit || whole {
			q.intent = ActorIntent
			q.actor = m
			topic := append(append([]string{}, rest[:m.start]...), rest[m.end:]...)
			for len(topic) > 0 && (topic[0] == "on" || topic[0] == "about") {
				topic = topic[1:]
			}
			q.topic = topic
			q.actor = ix.choose(m, topic)
			return q
		}
		q.actor = m // named, but the query is about a topic: the actor only boosts
		// The name's words stay in the topic where the text has them ("election assistance
		// commission funding"); initials the text never uses ("cisa") would only dilute it.
		var topic []string
		for k, t := range rest {
			if k < m.start || k >= m.end || ix.hasTerm(ix.stem([]byte(t))) {
				topic = append(topic, t)
			}
		}
		rest = topic
	}
	q.topic = rest
	return q
}

// known reports whether the corpus holds a term.
func (ix *Index) known(t weightedTerm) bool { return ix.hasTerm(t.term) }

func (ix *Index) hasTerm(term string) bool {
	_, ok := ix.dict[term]
	return ok
}

// bodyNamed finds an organisation named in full, the small words of its name and all,
// perhaps after "the" ("the association of minnesota counties"), where no post reads the
// words ("the secretary of state's office" is the secretary's).
func (ix *Index) bodyNamed(words []string) (nameMatch, bool) {
	for len(words) > 1 && articles[words[0]] {
		words = words[1:]
	}
	if !slices.ContainsFunc(words, func(w string) bool { return fillers[w] }) {
		return nameMatch{}, false // a name without small words is found the usual way
	}
	m := ix.findActor(words)
	if m.quality != exactMatch || m.start != 0 || m.end != len(words) || ix.c.Actors[m.actor].Kind != Organization || ix.roleActor(words).quality != noMatch {
		return nameMatch{}, false
	}
	return m, true
}

// explicitActor reads the shapes of a query that asks for someone's words: "quotes from X
// [about Y]", "what did X say [about Y]", "X quotes", and returns X and Y.
func explicitActor(toks []string) (actor, topic []string, ok bool) {
	split := func(ts []string) ([]string, []string) {
		for i, t := range ts {
			if t == "about" || t == "on" || t == "regarding" {
				return ts[:i], ts[i+1:]
			}
		}
		return ts, nil
	}
	switch {
	case len(toks) >= 3 && (toks[0] == "quotes" || toks[0] == "quote" || toks[0] == "statements" || toks[0] == "words") &&
		(toks[1] == "from" || toks[1] == "by" || toks[1] == "of"):
		actor, topic = split(toks[2:])
	case len(toks) >= 2 && (toks[0] == "quotes" || toks[0] == "quote"):
		actor, topic = split(toks[1:])
	case len(toks) >= 4 && toks[0] == "what" && (toks[1] == "did" || toks[1] == "does" || toks[1] == "has" || toks[1] == "have" || toks[1] == "do"):
		for i := 3; i < len(toks); i++ {
			if reportingQueryVerbs[toks[i]] {
				actor = toks[2:i]
				_, topic = split(toks[i:])
				if len(topic) == 0 && i+1 < len(toks) {
					topic = toks[i+1:]
				}
				break
			}
		}
	}
	return actor, topic, len(actor) > 0
}

// reportingQueryVerbs end the name in "what did X say".
var reportingQueryVerbs = map[string]bool{"say": true, "said": true, "tell": true, "told": true, "write": true, "wrote": true, "think": true, "claim": true, "argue": true, "warn": true, "testify": true,
	"ask": true, "asked": true, "answer": true, "reply": true, "post": true, "announce": true}

// withoutTopicMarkers drops "on" and "about", which join an actor to a topic.
func withoutTopicMarkers(ts []string) []string {
	var out []string
	for _, t := range ts {
		if t != "on" && t != "about" {
			out = append(out, t)
		}
	}
	return out
}

// remapSpan maps a match found in the query words without "on"/"about" back onto them.
func remapSpan(rest []string, m nameMatch) nameMatch {
	idx := []int{}
	for i, t := range rest {
		if t != "on" && t != "about" {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return m
	}
	m.start = idx[m.start]
	m.end = idx[m.end-1] + 1
	return m
}

// weightedTerm is a query term and how much it counts.
type weightedTerm struct {
	term   string
	weight float64
	// how says only how something was said (the verb of "who urged sanctions"): the term
	// adds to a unit's score, but covers none of what the query asks about.
	how bool
}

// asks reports whether the term is part of what the query asks about: typed, not a
// synonym, and not only how something was said.
func (t weightedTerm) asks() bool { return t.weight >= 1 && !t.how }

// whoTerms are the terms of a who query's words, "urged sanctions": the first word is the
// verb, how it was said, and the rest what it was about. A verb alone is what it asks.
func whoTerms(words []string) []weightedTerm {
	ts := topicTerms(words)
	if len(words) < 2 {
		return ts
	}
	verb := topicTerms(words[:1])
	about := false
	for i, t := range ts {
		if slices.ContainsFunc(verb, func(v weightedTerm) bool { return v.term == t.term }) {
			ts[i].how = true
		} else if t.weight >= 1 {
			about = true
		}
	}
	if !about { // "who said so": nothing but the verb to go on
		for i := range ts {
			ts[i].how = false
		}
	}
	return ts
}

// topicTerms stems the topic words and adds their synonyms at reduced weight.
func topicTerms(words []string) []weightedTerm {
	var out []weightedTerm
	seen := map[string]bool{}
	for _, w := range words {
		t := stemWord(w)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, weightedTerm{term: t, weight: 1})
	}
	for _, wt := range append([]weightedTerm{}, out...) {
		for _, s := range synonyms[wt.term] {
			if !seen[s] {
				seen[s] = true
				out = append(out, weightedTerm{term: s, weight: synonymWeight})
			}
		}
	}
	return out
}

// coverage is the share of the query's own terms, weighted by IDF, that the corpus holds.
func (ix *Index) coverage(ts []weightedTerm) float64 {
	var have, want float64
	maxIDF := ix.idf(0)
	for _, t := range ts {
		if !t.asks() {
			continue
		}
		id, ok := ix.dict[t.term]
		if !ok {
			want += maxIDF
			continue
		}
		w := ix.idf(int(ix.post.df[id]))
		want += w
		have += w
	}
	if want == 0 {
		return 0
	}
	return have / want
}

// Search answers a query: who said something, what someone said, or what the corpus says
// about a topic. Results are best first; none when nothing answers the query.
func (ix *Index) Search(raw string) Answer {
	q := ix.parseQuery(raw)
	ans := Answer{Query: raw, Intent: q.intent, Topic: strings.Join(q.topic, " "), Corpus: ix.c}
	if q.intent == ActorIntent {
		ans.Actor = ix.c.Actors[q.actor.actor]
	}
	var results []Result
	switch q.intent {
	case WhoIntent:
		results = ix.who(q)
	case ActorIntent:
		results = ix.byActor(q)
	default:
		results = ix.topic(q)
	}
	if len(results) == 0 {
		results = ix.byHeadline(q)
	}
	if len(results) > 2*MaxResults {
		results = results[:2*MaxResults] // dedupe compares pairs: keep its input short
	}
	results = ix.dedupe(results)
	if len(results) > MaxResults {
		results = results[:MaxResults]
	}
	for i := range results {
		results[i].fill()
	}
	ix.highlight(results, q)
	ans.Results = results
	if len(results) == 0 {
		ans.Suggestions = ix.suggest(q)
	}
	return ans
}

// selective drops from a query over a large corpus the terms too common to tell units
// apart: a synonym in more than a twentieth of the units, a word typed in more than a
// quarter when the query has rarer words. Their BM25 weight is near nothing, and their
// postings are the longest.
func (ix *Index) selective(ts []weightedTerm) []weightedTerm {
	n := len(ix.lengths)
	df := func(t weightedTerm) int {
		if id, ok := ix.dict[t.term]; ok {
			return int(ix.post.df[id])
		}
		return 0
	}
	rare := false
	for _, t := range ts {
		if t.weight >= 1 && df(t) > 0 && df(t) <= n/4 {
			rare = true
		}
	}
	out := ts[:0:0]
	for _, t := range ts {
		d := df(t)
		if d > minSkippedDF && (t.weight < 1 && d > n/20 || t.weight >= 1 && rare && d > n/4) {
			continue
		}
		out = append(out, t)
	}
	return out
}

type scored struct {
	unit  int32
	score float64
}

// floor drops the scored units far below the best.
func floor(ss []scored) []scored {
	if len(ss) == 0 {
		return ss
	}
	min := ss[0].score * relativeFloor
	for i, s := range ss {
		if s.score < min {
			return ss[:i]
		}
	}
	return ss
}

// who ranks the speakers whose quotations or reported speech match the topic.
func (ix *Index) who(q query) []Result {
	// "who resigned after threats", "who sued over the purge": a deed, not a way of
	// saying something, is what the query asks, and the narrative tells it.
	deed := len(q.topic) > 1 && lexicon.verbs.lemma(q.topic[0]) == "" && !stopwords[q.topic[0]]
	ts := whoTerms(q.topic)
	if len(ts) == 0 || ix.coverage(ts) < minCoverage {
		return nil
	}
	var ranked []scored
	if verb := topicTerms(q.topic[:1]); deed && len(verb) > 0 && ix.known(verb[0]) {
		// The deed is asked, not only how it was said; the passages that tell it hold its
		// verb.
		ts = topicTerms(q.topic)
		ranked = append(ix.rank(ts, kinds(quoteUnit, attrUnit), limits{}), ix.rank(ts, kinds(passageUnit), limits{holding: verb[:1]})...)
		slices.SortStableFunc(ranked, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	} else {
		ranked = ix.rank(ts, kinds(quoteUnit, attrUnit), limits{})
	}
	ranked = floor(ranked)
	// "who said he's right and we're doing it": words of a quotation, typed in order, mostly
	// words the index leaves out; the quotation that holds them so is the answer.
	var phrase string
	if len(q.topic) >= 4 {
		phrase = " " + strings.Join(q.topic[1:], " ") + " "
	}
	for i, s := range ranked {
		switch u := ix.unit(s.unit); u.kind {
		case quoteUnit:
			ranked[i].score *= quoteBoost
			if phrase != "" && i < verbatimWindow && strings.Contains(" "+normalizeName(ix.c.Quotes[u.ref].Text())+" ", phrase) {
				ranked[i].score *= verbatimBoost
			}
			if ix.c.Quotes[u.ref].Partial {
				ranked[i].score *= fragmentWeight
			}
		case passageUnit:
			ranked[i].score *= contextWeight
		}
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].score > ranked[j].score })
	var out []Result
	shown := map[string]bool{}
	for _, s := range ranked {
		u := ix.unit(s.unit)
		if u.kind == quoteUnit {
			r := ix.quoteResult(u.ref, s.score)
			for _, sp := range r.Speakers {
				shown[sp.ID] = true
			}
			out = append(out, r)
			continue
		}
		if u.kind == passageUnit {
			out = append(out, ix.unitResult(s.unit, s.score))
			continue
		}
		// Reported speech: one result for the statement, credited to all who made it,
		// unless everyone in it has already been shown saying something that matches.
		at := ix.c.Attributions[u.ref]
		var speakers []*Actor
		fresh := false
		for _, id := range at.Speakers {
			if a := ix.c.Actor(id); a != nil {
				speakers = append(speakers, a)
				fresh = fresh || !shown[id]
				shown[id] = true
			}
		}
		if !fresh || len(speakers) == 0 {
			continue
		}
		out = append(out, Result{Kind: ActorResult, Actor: speakers[0], Speakers: speakers, DocID: at.DocID, Paragraph: at.Paragraph,
			DocIDs: []string{at.DocID}, src: at.clause, lead: at.Verb + " ", Cue: at.Verb, Score: s.score})
	}
	if len(out) == 0 {
		return ix.topic(q)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// topic ranks quotations and passages about the query's words, a named actor's own words first.
func (ix *Index) topic(q query) []Result {
	ts := topicTerms(q.topic)
	if len(ts) == 0 || ix.coverage(ts) < minCoverage {
		return nil
	}
	var boost string
	if q.actor.quality != noMatch {
		boost = ix.c.Actors[q.actor.actor].ID
	}
	ranked := floor(ix.rank(ts, kinds(quoteUnit, passageUnit), limits{}))
	if len(ranked) == 0 && ix.coverage(ts) == 1 {
		// Every word is in the corpus, though no one passage holds enough of them
		// ("deepfake takedown powers"): the passages that hold the rarest answer.
		ranked = floor(ix.rank(ts, kinds(quoteUnit, passageUnit), limits{lenient: true}))
	}
	out := make([]Result, 0, len(ranked))
	for _, s := range ranked {
		r := ix.unitResult(s.unit, s.score)
		if boost != "" && r.spokenBy(boost) {
			r.Score *= 1.5
		}
		if r.Kind == QuoteResult && ix.c.Quotes[r.quote].Partial {
			r.Score *= fragmentWeight
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// byActor answers a query that names an actor: the actor, their quotations (on the topic
// first, if there is one), then what others said and wrote about them.
func (ix *Index) byActor(q query) []Result {
	ai := q.actor.actor
	a := ix.c.Actors[ai]
	ts := topicTerms(q.topic)
	card := ix.actorResult(ai, 0)

	// The actor's own quotations; a group's members' and an organisation's spokespeople's
	// quotations follow its own.
	own := append([]int32{}, ix.actorQuotes[ai]...)
	if len(a.Members) > 0 || len(ix.voices[ai]) > 0 {
		seen := map[int32]bool{}
		for _, qi := range own {
			seen[qi] = true
		}
		people := slices.Clone(ix.voices[ai])
		for _, m := range a.Members {
			if mi, ok := ix.actorIdx[m]; ok && !slices.Contains(people, mi) {
				people = append(people, mi)
			}
		}
		for _, mi := range people {
			for _, qi := range ix.actorQuotes[mi] {
				if !seen[qi] {
					seen[qi] = true
					own = append(own, qi)
				}
			}
		}
	}
	topicScore := map[int32]float64{}
	if slices.ContainsFunc(ts, ix.known) { // no quotation can match words the corpus lacks
		units := map[int32]int32{} // unit → quotation
		for _, qi := range own {
			units[qi] = qi // a quotation's unit is its index
			units[ix.passageUnitOf(ix.unit(qi))] = qi
		}
		among := slices.Sorted(maps.Keys(units))
		for _, s := range ix.rank(ts, kinds(quoteUnit, passageUnit), limits{units: among}) {
			w := s.score
			if ix.unit(s.unit).kind == passageUnit {
				w *= contextWeight
			}
			qi := units[s.unit]
			topicScore[qi] += w
		}
	}
	// Score every quotation, but keep and build results only for those that can be shown.
	top := make(scoredHeap, 0, MaxResults)
	for i, qi := range own {
		if len(topicScore) == 0 && len(top) == MaxResults && 1-float64(i)*1e-4 < top[0].score {
			break // off the topic, a quotation scores less than those before it
		}
		score := 1 + topicScore[qi] - float64(i)*1e-4
		if i >= len(ix.actorQuotes[ai]) {
			score -= 0.5 // a member's words, not the group's own
		}
		if ix.c.Quotes[qi].Partial {
			score -= 0.2
		}
		top.keep(scored{qi, score}, MaxResults)
	}
	ranked := top.sorted()
	quotes := make([]Result, 0, len(ranked))
	for _, s := range ranked {
		r := ix.quoteResult(s.unit, 0)
		r.Score = s.score
		quotes = append(quotes, r)
	}
	onTopic := len(quotes) > 0 && topicScore[quotes[0].quote] > 0
	// Their reported speech on the topic ("Roe said the exit-plan section mattered most"):
	// the paragraph that holds it, among their quotations by score.
	if slices.ContainsFunc(ts, ix.known) {
		attrBase := int32(len(ix.c.Quotes))
		units := make([]int32, 0, len(ix.actorAttrs[ai]))
		for _, at := range ix.actorAttrs[ai] {
			units = append(units, attrBase+at)
		}
		seen := map[int32]bool{}
		for _, s := range ix.rank(ts, kinds(attrUnit), limits{units: units}) {
			if pu := ix.passageUnitOf(ix.unit(s.unit)); !seen[pu] {
				seen[pu] = true
				quotes = append(quotes, ix.unitResult(pu, 1+s.score*contextWeight))
				onTopic = true
			}
		}
		slices.SortStableFunc(quotes, func(a, b Result) int { return cmp.Compare(b.Score, a.Score) })
		// Their own words on the topic lead, if any are: what they said comes before the
		// text's account of it.
		if k := slices.IndexFunc(quotes, func(r Result) bool { return r.Kind == QuoteResult && topicScore[r.quote] > 0 }); k > 0 {
			best := quotes[k]
			copy(quotes[1:k+1], quotes[:k])
			quotes[0] = best
		}
	}
	if len(ts) > 0 && !onTopic {
		// Nothing they said is on the topic: say so by leading with who they are.
		q.explicit = false
	}

	// What others said or wrote that names the actor (and the topic, if any).
	nameTerms := ix.nameTerms(a)
	about := append(append([]weightedTerm{}, nameTerms...), ts...)
	var mentions []Result
	if len(nameTerms) > 0 {
		for _, s := range floor(ix.rank(about, kinds(quoteUnit, passageUnit), limits{holding: nameTerms})) {
			if u := ix.unit(s.unit); u.kind == quoteUnit && slices.Contains(own, u.ref) {
				continue // their own words are listed already
			}
			r := ix.unitResult(s.unit, s.score)
			mentions = append(mentions, r)
		}
	}

	var out []Result
	if q.explicit || len(ts) > 0 && len(quotes) > 0 {
		out = append(out, quotes...)
		out = append(out, card)
	} else {
		out = append(out, card)
		out = append(out, quotes...)
	}
	out = append(out, mentions...)
	// Scores fall with rank, so that any consumer sorting by score keeps this order.
	for i := range out {
		out[i].Score = math.Round(float64(len(out)-i)*100) / 100
	}
	return out
}

// nameTerms are the index terms of an actor's distinctive name: a person's surname, an
// organisation's or group's words.
func (ix *Index) nameTerms(a *Actor) []weightedTerm {
	name := a.Name
	if a.Kind == Person {
		surname, _ := splitName(strings.Fields(a.Name))
		name = surname
	}
	var out []weightedTerm
	words(name, func(w []byte) {
		if t := ix.stem(w); t != "" {
			out = append(out, weightedTerm{term: t, weight: 1})
		}
	})
	return out
}

func (ix *Index) passageUnitOf(u unit) int32 { return ix.passageBase[u.doc] + u.para }

// spokenBy reports whether the result is a quotation by the actor with the given id.
func (r Result) spokenBy(id string) bool {
	for _, s := range r.Speakers {
		if s.ID == id {
			return true
		}
	}
	return false
}

// unitResult turns a quotation or passage unit into a result.
// byHeadline answers a query nothing else answers with the stories whose headlines hold
// every word of its topic ("fake texts", "ballot drop box glued shut"): each story's first
// paragraph, in the corpus's order.
func (ix *Index) byHeadline(q query) []Result {
	var docs []int32
	n := 0
	for _, t := range topicTerms(q.topic) {
		if t.weight < 1 {
			continue // a synonym
		}
		ds := ix.titles[t.term]
		if len(ds) == 0 {
			return nil
		}
		if n++; n == 1 {
			docs = slices.Clone(ds)
			continue
		}
		docs = slices.DeleteFunc(docs, func(d int32) bool { _, ok := slices.BinarySearch(ds, d); return !ok })
	}
	if n < 2 {
		return nil // one word: the paragraphs answer it, or nothing does
	}
	var out []Result
	for _, d := range docs[:min(len(docs), MaxResults)] {
		if ix.c.Documents[d].ParagraphCount() > 0 {
			out = append(out, ix.unitResult(ix.passageBase[d], headlineScore))
		}
	}
	return out
}

// headlineScore is what a story found by its headline scores: the least a result may.
const headlineScore = 0.1

func (ix *Index) unitResult(uid int32, score float64) Result {
	u := ix.unit(uid)
	if u.kind == quoteUnit {
		return ix.quoteResult(u.ref, score)
	}
	d := ix.c.Documents[u.doc]
	return Result{Kind: PassageResult, DocID: d.ID, Paragraph: int(u.para) + 1, src: d.text.paragraphRef(int(u.para)), Score: score}
}

func (ix *Index) quoteResult(qi int32, score float64) Result {
	q := ix.c.Quotes[qi]
	r := Result{Kind: QuoteResult, DocID: q.DocID, Paragraph: q.Paragraph, src: q.text, Cue: q.Cue, Score: score, quote: qi}
	for _, s := range q.Speakers {
		if a := ix.c.Actor(s); a != nil {
			r.Speakers = append(r.Speakers, a)
		}
	}
	return r
}

// actorResult presents an actor: roles, and how much the corpus has of them.
func (ix *Index) actorResult(ai int32, score float64) Result {
	a := ix.c.Actors[ai]
	return Result{Kind: ActorResult, Actor: a, DocIDs: a.DocIDs, Text: ix.ActorSummary(a), Score: score}
}

// ActorSummary describes an actor in a line: "Senator, D-Ohio; 1 quote in 1 document".
func (ix *Index) ActorSummary(a *Actor) string {
	var parts []string
	if len(a.Roles) > 0 {
		parts = append(parts, strings.Join(a.Roles, ", "))
	} else if a.Kind != Person {
		parts = append(parts, string(a.Kind))
	}
	nq := 0
	if i, ok := ix.actorIdx[a.ID]; ok {
		nq = len(ix.actorQuotes[i])
	}
	parts = append(parts, plural(nq, "quote")+" in "+plural(len(a.DocIDs), "document"))
	return strings.Join(parts, "; ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// dedupe drops results whose text nearly repeats a better one's (the same story syndicated,
// a paragraph repeated as a subheading).
func (ix *Index) dedupe(rs []Result) []Result {
	out := rs[:0]
	var kept [][]uint64
	for _, r := range rs {
		if len(out) == MaxResults {
			break // the rest would be cut anyway
		}
		r.fill()
		ts := wordSet64(prefix(r.Text, 400)) // copies agree from their first sentences on
		dup := false
		for i, k := range kept {
			if out[i].Kind == r.Kind && (r.Kind != ActorResult || out[i].Actor == r.Actor) && jaccard(ts, k) >= duplicateShare {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
			kept = append(kept, ts)
		}
	}
	return out
}

// wordSet64 is the sorted set of hashes of the lower-cased words of text, stopwords left
// out: two copies of a passage have the same words, so near-duplicates are found without
// stemming or looking up the index's terms.
func wordSet64(text string) []uint64 {
	var set []uint64
	words(text, func(w []byte) {
		if !stopwords[string(w)] {
			set = append(set, fnv64(w))
		}
	})
	slices.Sort(set)
	return slices.Compact(set)
}

// fnv64 is the 64-bit FNV-1a hash of b.
func fnv64(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// jaccard is the overlap of two sorted sets.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// highlight fills each result's Terms with the words of its text that match the query.
func (ix *Index) highlight(rs []Result, q query) {
	want := map[string]bool{}
	for _, t := range topicTerms(q.topic) {
		want[t.term] = true
	}
	if len(want) == 0 {
		return
	}
	for i := range rs {
		seen := map[string]bool{}
		words(rs[i].Text, func(w []byte) {
			if t := ix.stem(w); want[t] && !seen[string(w)] {
				seen[string(w)] = true
				rs[i].Terms = append(rs[i].Terms, string(w))
			}
		})
	}
}

// suggest offers, for a query nothing answers, the actors whose names come closest to its
// words, else the most quoted actors.
func (ix *Index) suggest(q query) []string {
	type cand struct {
		actor int32
		dist  int
	}
	best := map[int32]int{}
	for _, w := range q.tokens {
		if len(w) < 4 || stopwords[w] {
			continue
		}
		ix.names.within(w, 2, func(t string, d int) {
			for _, ai := range ix.names.tokens[t] {
				a := ix.names.aliases[ai].actor
				if old, ok := best[a]; !ok || d < old {
					best[a] = d
				}
			}
		})
	}
	var cands []cand
	for a, d := range best {
		cands = append(cands, cand{a, d})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		return cands[i].actor < cands[j].actor
	})
	var out []string
	for _, c := range cands {
		out = append(out, ix.c.Actors[c.actor].Name)
		if len(out) == 3 {
			return out
		}
	}
	if len(out) > 0 {
		return out
	}
	// The most quoted actors.
	order := make([]int32, len(ix.c.Actors))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(i, j int) bool { return len(ix.actorQuotes[order[i]]) > len(ix.actorQuotes[order[j]]) })
	for _, i := range order {
		if len(ix.actorQuotes[i]) == 0 || len(out) == 3 {
			break
		}
		out = append(out, ix.c.Actors[i].Name)
	}
	return out
}
