package synth

import (
	"strconv"
	"strings"
)

// functionTable maps 10 random bits to a function word, in proportion to its weight, so
// drawing one costs a mask and an index.
var functionTable = func() [1024]string {
	var t [1024]string
	total := 0
	for _, f := range functionWords {
		total += f.weight
	}
	k := 0
	for _, f := range functionWords {
		n := f.weight * len(t) / total
		for j := 0; j < n && k < len(t); j++ {
			t[k] = f.word
			k++
		}
	}
	for ; k < len(t); k++ {
		t[k] = "the"
	}
	return t
}()

var (
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	openers  = []string{"We", "We", "This", "I", "Our", "It is", "There is", "The", "Nobody", "Every", "What we", "If we", "They", "You"}
	chrome   = []string{"Advertisement", "Share this article", "Sign up for our newsletter", "Related Coverage", "Login", "Subscribe", "Continue reading below"}
	targets  = []string{"lawmakers", "Congress", "state officials", "the administration", "county clerks", "election officials", "the White House", "federal agencies", "colleagues"}
	actions  = []string{"fund", "expand", "require", "adopt", "approve", "impose", "prioritize", "restore", "strengthen", "reconsider"}
	tails    = []string{"before the next election", "ahead of the midterms", "in every county", "without further delay", "by the end of the year", "as soon as possible", "across the state", "in the coming weeks"}
	cues     = []string{"said", "said", "said", "said", "added", "wrote", "warned", "noted", "argued", "told reporters", "said in a statement", "wrote in a letter"}
	groups   = []string{"attorneys general", "secretaries of state", "county clerks", "election administrators", "governors", "state legislators"}
	chambers = []string{"Senate", "House"}
	parties  = []string{"Democrats", "Republicans"}
)

// claimVerbs are the verbs of reported speech: how the article says it and how a
// "who … " query asks for it.
var claimVerbs = []struct{ text, query string }{
	{"urged", "urged"}, {"called for", "called for"}, {"warned about", "warned about"},
	{"demanded", "demanded"}, {"proposed", "proposed"}, {"criticized", "criticized"},
	{"opposed", "opposed"}, {"backed", "backed"}, {"praised", "praised"}, {"pushed for", "pushed for"},
}

// record notes what an article says, so that Queries can ask about it.
type record struct {
	speakers []int // persons quoted or reported, by index into world.persons
	claims   []claim
	words    []string // mid-frequency content words of the article
	topics   []string
}

type claim struct {
	speaker int
	verb    string
	topic   string
}

// gen writes one article.
type gen struct {
	b   []byte
	r   *rng
	w   *world
	rec *record

	cast       []int // persons of this article
	introduced []bool
	orgs       []string
	topics     []string
	pub        publisher
	open, end  string // quotation marks: curly or straight
	last       int    // the most recent speaker, or -1
	group      string // the collective of this article, when it has one
}

// generate returns article i of the world's corpus. When rec is not nil it is filled with
// what the article says.
func generate(w *world, seed int64, i int, rec *record) []byte {
	r := newRNG(seed, streamArticle, i)
	g := &gen{b: make([]byte, 0, 6144), r: r, w: w, rec: rec, last: -1, open: "“", end: "”"}
	if r.chance(0.15) {
		g.open, g.end = `"`, `"`
	}
	for range r.between(2, 5) {
		g.cast = append(g.cast, r.zipf(len(w.persons)))
	}
	g.introduced = make([]bool, len(g.cast))
	for range r.between(1, 3) {
		g.orgs = append(g.orgs, w.orgs[r.zipf(len(w.orgs))])
	}
	for range r.between(1, 3) {
		g.topics = append(g.topics, w.topics[r.zipf(len(w.topics))])
	}
	if rec != nil {
		rec.topics = g.topics
	}
	if r.chance(0.3) {
		g.group = strconv.Itoa(r.between(3, 40)) + " " + pick(r, groups)
	}
	g.pub = w.publishers[r.zipf(len(w.publishers))]
	year, month, day := r.between(2016, 2024), r.between(1, 12), r.between(1, 28)
	author := pick(r, w.authors)
	title := g.title()
	place := pick(r, w.cities)
	dateline := place.name + ", " + place.postal + " " + months[month-1] + " " + strconv.Itoa(day) + ", " + strconv.Itoa(year) + " – "

	lede := ""
	switch style := r.intn(100); {
	case style < 30: // YAML front matter, then the article as received
		g.frontMatter(title, year, month, day, author)
		if r.chance(0.4) {
			lede = dateline
		} else if r.chance(0.5) {
			g.str(title)
			g.str("\n\n")
		}
	case style < 50: // a dateline opens the first paragraph
		if r.chance(0.5) {
			g.str(title)
			g.str("\n\n")
		}
		lede = dateline
	case style < 65: // " date YYYY-MM-DD Title"
		g.str(" date ")
		g.date(year, month, day)
		g.str(" ")
		g.str(title)
		g.str("\n\n")
		if r.chance(0.5) {
			g.str("By: ")
			g.str(author)
			g.str("\n\n")
		}
	case style < 85: // title and byline
		g.str(title)
		g.str("\n\n")
		switch r.intn(3) {
		case 0:
			g.str("By: " + author)
		case 1:
			g.str("By " + author)
		default:
			g.str("By " + author + ", " + g.pub.name)
		}
		g.str("\n\n")
	default: // page chrome before the title
		if r.chance(0.5) {
			g.str(strconv.Itoa(r.between(100, 99999)) + " members\n")
		}
		g.str(pick(r, chrome))
		g.str("\n\n")
		g.str(title)
		g.str("\n© ")
		g.str(pick(r, w.authors))
		g.str("\n\n")
	}

	g.str(lede)
	g.leadParagraph()
	target := r.between(3600, 5200)
	for len(g.b) < target {
		g.str("\n\n")
		switch k := r.intn(100); {
		case k < 27:
			g.narrative()
		case k < 65:
			g.quoteParagraph()
		case k < 82:
			g.reportedParagraph()
		case k < 97:
			g.background()
		default:
			g.str(pick(r, chrome))
		}
	}
	g.str("\n")
	return g.b
}

func (g *gen) str(s string) { g.b = append(g.b, s...) }

func (g *gen) date(year, month, day int) {
	g.b = strconv.AppendInt(g.b, int64(year), 10)
	g.b = append(g.b, '-', byte('0'+month/10), byte('0'+month%10), '-', byte('0'+day/10), byte('0'+day%10))
}

func (g *gen) frontMatter(title string, year, month, day int, author string) {
	quote := g.r.chance(0.5)
	field := func(k, v string) {
		g.str(k)
		g.str(": ")
		if quote {
			g.str(strconv.Quote(v))
		} else {
			g.str(v)
		}
		g.str("\n")
	}
	g.str("---\n")
	field("title", title)
	g.str("date: ")
	if quote {
		g.str(`"`)
	}
	g.date(year, month, day)
	if quote {
		g.str(`"`)
	}
	g.str("\n")
	field("publisher", g.pub.name)
	if g.r.chance(0.7) {
		field("author", author)
	} else if quote {
		field("author", "")
	}
	slug := strings.ToLower(strings.NewReplacer(" ", "-", ",", "", ":", "", "’", "", ".", "").Replace(title))
	field("url", "https://www."+g.pub.domain+"/"+strconv.Itoa(year)+"/"+strconv.Itoa(month)+"/"+slug+"-"+strconv.FormatUint(g.r.next()&0xffffffff, 16))
	g.str("---\n")
}

// title returns a headline about the article's first speaker and topic.
func (g *gen) title() string {
	p := &g.w.persons[g.cast[0]]
	v := pick(g.r, claimVerbs)
	words := []string{p.last, v.text, g.topics[0]}
	if g.r.chance(0.5) {
		words = append(words, "as", pick(g.r, g.w.orgs), "weighs", g.w.vocab[g.r.zipf(2000)])
	}
	for k, w := range words {
		words[k] = titleCase(w)
	}
	return strings.Join(words, " ")
}

func titleCase(s string) string {
	f := strings.Fields(s)
	for k := range f {
		f[k] = capitalize(f[k])
	}
	return strings.Join(f, " ")
}

// word appends one token of running text.
func (g *gen) word(capital bool) {
	x := g.r.next()
	var w string
	if x&0xff < 115 { // 45%: a function word
		w = functionTable[(x>>8)&1023]
	} else {
		k := g.w.vocabZipf.draw(g.r)
		w = g.w.vocab[k]
		if g.rec != nil && k >= 200 && len(g.rec.words) < 12 {
			g.rec.words = append(g.rec.words, w)
		}
	}
	if capital {
		g.b = append(g.b, w[0]-'a'+'A')
		g.b = append(g.b, w[1:]...)
		return
	}
	g.b = append(g.b, w...)
}

// words appends n tokens, with an occasional comma, number, organisation or topic.
func (g *gen) words(n int) {
	for k := range n {
		if k > 0 {
			if g.r.intn(100) < 6 && k < n-1 {
				g.b = append(g.b, ',')
			}
			g.b = append(g.b, ' ')
		}
		switch x := g.r.intn(1000); {
		case x < 8:
			g.number()
		case x < 16:
			g.str("the ")
			g.str(pick(g.r, g.orgs))
		case x < 30:
			g.str(pick(g.r, g.topics))
		default:
			g.word(false)
		}
	}
}

func (g *gen) number() {
	switch g.r.intn(4) {
	case 0:
		g.str("$")
		g.b = strconv.AppendInt(g.b, int64(g.r.between(1, 900)), 10)
		g.str(pick(g.r, []string{" million", " billion", ",000"}))
	case 1:
		g.b = strconv.AppendInt(g.b, int64(g.r.between(2, 99)), 10)
		g.str(" percent")
	default:
		g.b = strconv.AppendInt(g.b, int64(g.r.between(2, 500000)), 10)
	}
}

// sentence appends a capitalised sentence and its full stop.
func (g *gen) sentence() {
	g.word(true)
	g.str(" ")
	g.words(g.r.between(7, 24))
	g.str(".")
}

// mention appends how the article names person k of its cast: in full with title and tag
// the first time, by surname or title and surname after.
func (g *gen) mention(k int) {
	p := &g.w.persons[g.cast[k]]
	if !g.introduced[k] {
		g.introduced[k] = true
		if p.title != "" {
			g.str(p.title + " " + p.full())
			if t := p.tag(); t != "" {
				g.str(" " + t)
			}
			return
		}
		g.str(p.full() + ", " + p.role + ",")
		return
	}
	switch g.r.intn(6) {
	case 0:
		if p.title != "" && !strings.Contains(p.title, " ") {
			g.str(p.title + " " + p.last)
			return
		}
		g.str(p.full())
	case 1:
		g.str(p.honorific() + p.last)
	default:
		g.str(p.last)
	}
}

// fullMention appends "Title First Last (P-S.)" or "First Last, role," regardless of
// earlier mentions: the form used after "said".
func (g *gen) fullMention(k int) {
	g.introduced[k] = true
	p := &g.w.persons[g.cast[k]]
	if p.title != "" {
		g.str(p.title + " " + p.full())
		if t := p.tag(); t != "" {
			g.str(" " + t)
		}
		return
	}
	g.str(p.full() + ", " + p.role)
}

func (g *gen) spoke(k int) {
	g.last = k
	if g.rec != nil {
		g.rec.speakers = append(g.rec.speakers, g.cast[k])
	}
}

// speech appends the words of a quotation without its closing punctuation: one to three
// sentences that sound spoken.
func (g *gen) speech() {
	n := g.r.between(1, 3)
	for s := range n {
		if s > 0 {
			g.str(". ")
		}
		g.str(pick(g.r, openers))
		g.str(" ")
		g.words(g.r.between(4, 10))
		g.str(" ")
		g.str(pick(g.r, g.topics))
		if g.r.chance(0.5) {
			g.str(" ")
			g.words(g.r.between(2, 8))
		}
	}
}

func (g *gen) leadParagraph() {
	k := 0
	if g.group != "" && g.r.chance(0.5) {
		g.str(capitalize(g.group) + " led by ")
		g.mention(k)
	} else {
		g.mention(k)
	}
	v := pick(g.r, claimVerbs)
	topic := g.topics[0]
	g.str(" on " + pick(g.r, weekdays) + " " + v.text + " " + topic + " " + pick(g.r, tails) + ", ")
	g.words(g.r.between(8, 20))
	g.str(". ")
	g.sentence()
	g.spoke(k)
	g.claim(k, v.query, topic)
}

func (g *gen) claim(k int, verb, topic string) {
	if g.rec != nil {
		g.rec.claims = append(g.rec.claims, claim{speaker: g.cast[k], verb: verb, topic: topic})
	}
}

func (g *gen) narrative() {
	for range g.r.between(2, 4) {
		g.sentence()
		g.str(" ")
	}
	g.b = g.b[:len(g.b)-1]
}

func (g *gen) background() {
	k := g.r.intn(len(g.cast))
	g.mention(k)
	g.str(pick(g.r, []string{", who chairs the ", ", a member of the ", ", who has long criticized the ", ", who testified before the "}))
	g.str(pick(g.r, g.orgs))
	g.str(", ")
	g.words(g.r.between(8, 22))
	g.str(". ")
	g.sentence()
}

// reportedParagraph appends reported speech without quotation marks.
func (g *gen) reportedParagraph() {
	k := g.r.intn(len(g.cast))
	topic := pick(g.r, g.topics)
	if g.r.chance(0.25) {
		g.mention(k)
		g.str(" called on the " + pick(g.r, g.orgs) + " to impose " + topic + " on ")
		g.words(g.r.between(2, 6))
		g.str(" " + pick(g.r, tails) + ". ")
		g.sentence()
		g.spoke(k)
		g.claim(k, "called for", topic) // how a reader would ask for it
		return
	}
	v := pick(g.r, claimVerbs)
	g.mention(k)
	g.str(" " + v.text + " ")
	switch v.text {
	case "urged":
		g.str(pick(g.r, targets) + " to " + pick(g.r, actions) + " " + topic + " " + pick(g.r, tails))
	case "criticized":
		g.str("the " + pick(g.r, g.orgs) + " over " + topic)
	default:
		g.str(topic + " " + pick(g.r, tails))
	}
	g.str(", ")
	g.str(pick(g.r, []string{"saying ", "arguing that ", "noting that ", "adding that "}))
	g.words(g.r.between(6, 18))
	g.str(".")
	g.spoke(k)
	g.claim(k, v.query, topic)
}

// quoteParagraph appends a quotation with its attribution in one of the styles news
// writing uses.
func (g *gen) quoteParagraph() {
	r := g.r
	k := r.intn(len(g.cast))
	cue := pick(r, cues)
	switch style := r.intn(100); {
	case style < 30: // “…,” Name said.
		g.str(g.open)
		g.speech()
		g.str("," + g.end + " ")
		g.mention(k)
		g.str(" " + cue + ".")
	case style < 45: // “…,” said Title First Last.
		g.str(g.open)
		g.speech()
		g.str("," + g.end + " said ")
		g.fullMention(k)
		g.str(".")
	case style < 55: // Name said: “…”
		g.mention(k)
		g.str(pick(r, []string{" said: ", " said, ", " told reporters: ", " wrote: "}))
		g.str(g.open)
		g.speech()
		g.str("." + g.end)
	case style < 65: // “…,” he added. — continuing the last speaker
		if g.last >= 0 {
			k = g.last
		} else {
			g.str(g.open)
			g.speech()
			g.str("," + g.end + " ")
			g.mention(k)
			g.str(" said. ")
		}
		g.str(g.open)
		g.speech()
		g.str("," + g.end + " " + g.w.persons[g.cast[k]].pronoun() + " added.")
	case style < 73: // “…,” Name said. “…”
		g.str(g.open)
		g.speech()
		g.str("," + g.end + " ")
		g.mention(k)
		g.str(" said. " + g.open)
		g.speech()
		g.str("." + g.end)
	case style < 80: // “…,” First Last, a professor at X University, told The Paper.
		p := &g.w.persons[g.cast[k]]
		g.str(g.open)
		g.speech()
		g.str("," + g.end + " " + p.full() + ", ")
		if p.role != "" {
			g.str(p.role)
		} else {
			g.str(titleNoun(p))
		}
		g.str(", told " + g.pub.name + ".")
		g.introduced[k] = true
	case style < 88: // a fragment in the reporter's sentence
		g.mention(k)
		g.str(" said the " + g.w.vocab[r.zipf(3000)] + " was " + g.open)
		g.words(r.between(3, 7))
		g.str(g.end + " and ")
		g.words(r.between(5, 12))
		g.str(".")
	case style < 94 && len(g.cast) > 1: // several speakers
		j := (k + 1) % len(g.cast)
		g.str(g.open)
		g.speech()
		g.str("," + g.end + " ")
		g.mention(k)
		g.str(" and ")
		g.mention(j)
		g.str(" wrote in a letter to the " + pick(r, g.orgs) + ".")
		g.spoke(j)
	default: // a group speaks
		g.str(g.open)
		g.speech()
		g.str("," + g.end + " ")
		if g.group != "" {
			g.str("the " + g.group + " wrote.")
		} else {
			g.str(pick(r, chambers) + " " + pick(r, parties) + " said in a joint statement.")
		}
		return
	}
	g.spoke(k)
}

// titleNoun returns how a reporter describes a person by office: "the senator".
func titleNoun(p *person) string {
	switch p.title {
	case "Sen.", "Senator":
		return "the senator"
	case "Rep.", "Representative":
		if p.she {
			return "the congresswoman"
		}
		return "the congressman"
	case "Gov.":
		return "the governor"
	case "Lt. Gov.":
		return "the lieutenant governor"
	}
	return "the " + strings.ToLower(p.title)
}
