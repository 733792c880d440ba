package synth

import (
	"strings"
	"sync"
)

// Sizes of the generated world. Every article of a seed draws from the same world.
const (
	vocabularySize = 60000 // distinct content pseudo-words, ranked by frequency
	firstNames     = 700
	lastNames      = 4000
	personCount    = 9000
	orgCount       = 1500
	cityCount      = 600
	publisherCount = 120
	topicCount     = 400
)

// world is everything the articles of one seed have in common: the vocabulary, the people,
// organisations, places and publishers, and the topics people speak about.
type world struct {
	vocab      []string // content words, most frequent first
	vocabZipf  *zipfTable
	persons    []person
	orgs       []string // without the leading article: "Ballot Integrity Commission"
	univs      []string
	cities     []city
	publishers []publisher
	authors    []string
	topics     []string // what people urge, warn about, oppose: one or two words
}

type city struct{ name, postal string }

type publisher struct{ name, domain string }

// person is one speaker. Title is what precedes the name ("Sen.", "Attorney General");
// party and state give the tag "(D-N.Y.)" when party is set.
type person struct {
	first, middle, last string
	title               string
	party               string // "D", "R", "I" or ""
	state               int    // index into states
	role                string // for someone without a title: "a professor of law at X University"
	she                 bool
}

// full returns "First M. Last".
func (p *person) full() string {
	if p.middle != "" {
		return p.first + " " + p.middle + " " + p.last
	}
	return p.first + " " + p.last
}

// short returns "First Last", the form a query is most likely to use.
func (p *person) short() string { return p.first + " " + p.last }

// tag returns "(D-N.Y.)" or "".
func (p *person) tag() string {
	if p.party == "" {
		return ""
	}
	return "(" + p.party + "-" + states[p.state].ap + ")"
}

func (p *person) pronoun() string {
	if p.she {
		return "she"
	}
	return "he"
}

func (p *person) honorific() string {
	if p.she {
		return "Ms. "
	}
	return "Mr. "
}

var worlds sync.Map // int64 → func() *world

// worldFor returns the world of a seed, building it the first time.
func worldFor(seed int64) *world {
	if f, ok := worlds.Load(seed); ok {
		return f.(func() *world)()
	}
	f, _ := worlds.LoadOrStore(seed, sync.OnceValue(func() *world { return buildWorld(seed) }))
	return f.(func() *world)()
}

// Streams of random numbers; each part of the world has its own so that changing one
// does not reshuffle the others.
const (
	streamVocab uint64 = iota + 1
	streamNames
	streamPersons
	streamOrgs
	streamPlaces
	streamTopics
	streamArticle
	streamQueries
)

func buildWorld(seed int64) *world {
	w := &world{}
	taken := make(map[string]bool, vocabularySize+lastNames+firstNames)
	for _, s := range functionWords {
		taken[s.word] = true
	}
	for _, s := range reservedWords {
		taken[s] = true
	}

	r := newRNG(seed, streamVocab, 0)
	w.vocab = make([]string, 0, vocabularySize)
	for len(w.vocab) < vocabularySize {
		// Frequent words are short, as in any language.
		syl := 2 + r.intn(2)
		if len(w.vocab) < 300 {
			syl = 1
		} else if len(w.vocab) < 5000 && r.chance(0.3) {
			syl = 1
		}
		word := pseudoWord(r, syl)
		if !taken[word] {
			taken[word] = true
			w.vocab = append(w.vocab, word)
		}
	}

	w.vocabZipf = newZipfTable(len(w.vocab))

	r = newRNG(seed, streamNames, 0)
	firsts := uniqueNames(r, firstNames, taken, firstName)
	lasts := uniqueNames(r, lastNames, taken, lastName)

	r = newRNG(seed, streamPlaces, 0)
	for range cityCount {
		w.cities = append(w.cities, city{name: capitalize(pseudoWord(r, 2)) + pick(r, citySuffixes), postal: states[r.intn(len(states))].postal})
	}
	seenPub := map[string]bool{}
	for len(w.publishers) < publisherCount {
		base := capitalize(pseudoWord(r, 2))
		name := strings.Replace(pick(r, publisherForms), "X", base, 1)
		if seenPub[name] {
			continue
		}
		seenPub[name] = true
		w.publishers = append(w.publishers, publisher{name: name, domain: strings.ToLower(base) + pick(r, domainSuffixes)})
	}
	for range 400 {
		w.authors = append(w.authors, pick(r, firsts)+" "+pick(r, lasts))
	}
	for range 200 {
		w.univs = append(w.univs, strings.Replace(pick(r, universityForms), "X", capitalize(pseudoWord(r, 2)), 1))
	}

	r = newRNG(seed, streamOrgs, 0)
	seenOrg := map[string]bool{}
	for len(w.orgs) < orgCount {
		var name string
		switch r.intn(4) {
		case 0:
			name = "Department of " + pick(r, departments)
		case 1:
			name = capitalize(pseudoWord(r, 2)) + " " + pick(r, orgWords) + " " + pick(r, orgSuffixes)
		default:
			name = pick(r, orgWords) + " " + pick(r, orgWords2) + " " + pick(r, orgSuffixes)
		}
		if !seenOrg[name] {
			seenOrg[name] = true
			w.orgs = append(w.orgs, name)
		}
	}

	r = newRNG(seed, streamPersons, 0)
	seenPerson := map[string]bool{}
	for len(w.persons) < personCount {
		p := person{first: pick(r, firsts), last: pick(r, lasts), she: r.chance(0.5), state: r.intn(len(states))}
		if seenPerson[p.short()] {
			continue
		}
		seenPerson[p.short()] = true
		if r.chance(0.15) {
			p.middle = string(rune('A'+r.intn(26))) + "."
		}
		switch k := r.intn(100); {
		case k < 55: // a member of Congress or a governor, with a party tag
			p.title = pick(r, politicianTitles)
			p.party = pick(r, []string{"D", "D", "R", "R", "I"})
		case k < 70: // a state or federal official without a tag
			p.title = pick(r, officialTitles)
		case k < 85: // an expert
			p.role = strings.Replace(pick(r, expertRoles), "U", pick(r, w.univs), 1)
		default: // a spokesperson or director of an organisation
			p.role = strings.Replace(pick(r, staffRoles), "O", "the "+pick(r, w.orgs), 1)
		}
		w.persons = append(w.persons, p)
	}

	r = newRNG(seed, streamTopics, 0)
	seenTopic := map[string]bool{}
	for len(w.topics) < topicCount {
		var t string
		switch r.intn(3) {
		case 0:
			t = pick(r, topicNouns)
		case 1:
			t = w.vocab[r.between(100, 3000)] + " " + pick(r, topicNouns)
		default:
			t = w.vocab[r.between(50, 5000)]
		}
		if !seenTopic[t] {
			seenTopic[t] = true
			w.topics = append(w.topics, t)
		}
	}
	return w
}

func uniqueNames(r *rng, n int, taken map[string]bool, gen func(*rng) string) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		s := gen(r)
		if !taken[strings.ToLower(s)] {
			taken[strings.ToLower(s)] = true
			out = append(out, s)
		}
	}
	return out
}

// Syllable parts of the pseudo-language. Chosen to read as pronounceable English-like
// words while almost never producing an English word.
var (
	onsets = []string{"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
		"br", "cr", "dr", "fr", "gr", "pr", "tr", "st", "sl", "pl", "bl", "cl", "gl", "sh", "ch", "th", "sk", "sn", "qu", ""}
	nuclei = []string{"a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "io", "ee", "oo", "y"}
	codas  = []string{"", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "rt", "nt", "ck", "ph", "rn", "lk", "sp"}

	nameEndsFirst = []string{"a", "o", "en", "an", "el", "ie", "on", "ia", "ine", "er", "is", "ey", "ette", "ric", "old", "ara", "iel"}
	nameEndsLast  = []string{"son", "ton", "man", "ez", "ski", "ley", "ford", "berg", "ner", "ard", "ell", "ins", "ick", "ham", "wood", "stein", "oni", "ada", "quist", "vik"}
)

// pseudoWord returns a lower-case word of the given number of syllables.
func pseudoWord(r *rng, syllables int) string {
	var b strings.Builder
	for i := range syllables {
		o := pick(r, onsets)
		if i > 0 && o == "" {
			o = "l"
		}
		b.WriteString(o)
		b.WriteString(pick(r, nuclei))
		if i == syllables-1 || r.chance(0.3) {
			b.WriteString(pick(r, codas))
		}
	}
	return b.String()
}

func firstName(r *rng) string {
	return capitalize(pick(r, onsets[:37]) + pick(r, nuclei[:9]) + pick(r, onsets[:18]) + pick(r, nameEndsFirst))
}

func lastName(r *rng) string {
	s := pick(r, onsets[:37]) + pick(r, nuclei) + pick(r, codas)
	if r.chance(0.4) {
		s += pick(r, onsets[:18]) + pick(r, nuclei[:9])
	}
	return capitalize(s + pick(r, nameEndsLast))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// weighted is a word with a relative frequency.
type weighted struct {
	word   string
	weight int
}

// functionWords are the English glue between content words, weighted roughly by their
// frequency in news text.
var functionWords = []weighted{
	{"the", 60}, {"of", 30}, {"to", 28}, {"and", 27}, {"a", 22}, {"in", 20}, {"that", 12},
	{"for", 10}, {"is", 9}, {"on", 8}, {"with", 7}, {"said", 6}, {"was", 6}, {"as", 6},
	{"by", 5}, {"it", 5}, {"at", 5}, {"from", 5}, {"be", 4}, {"have", 4}, {"has", 4},
	{"are", 4}, {"an", 4}, {"not", 3}, {"this", 3}, {"but", 3}, {"they", 3}, {"their", 3},
	{"were", 3}, {"which", 3}, {"would", 3}, {"will", 3}, {"been", 2}, {"more", 2},
	{"after", 2}, {"about", 2}, {"its", 2}, {"who", 2}, {"had", 2}, {"than", 2}, {"other", 2},
	{"into", 2}, {"over", 2}, {"also", 2}, {"new", 2}, {"could", 1}, {"some", 1}, {"when", 1},
	{"state", 1}, {"federal", 1}, {"election", 2}, {"elections", 1}, {"security", 1},
	{"officials", 1}, {"voting", 1}, {"year", 1}, {"before", 1}, {"under", 1}, {"there", 1},
	{"all", 1}, {"because", 1}, {"while", 1}, {"against", 1}, {"during", 1},
}

// reservedWords are English words the templates use; no pseudo-word may spell one.
var reservedWords = []string{
	"sen", "rep", "gov", "mr", "ms", "by", "date", "said", "told", "added", "wrote", "urged",
	"warned", "he", "she", "we", "i", "our", "us", "no", "so", "do", "go", "me", "my", "up",
	"one", "two", "ten", "may", "can", "way", "day", "say", "see", "set", "get", "let", "law",
	"vote", "fund", "bill", "act", "plan", "time", "news", "post", "star", "sun", "son", "man",
	"men", "war", "arm", "art", "car", "cat", "dog", "fish", "ship", "shop", "stop", "top", "pot",
	"hot", "not", "net", "pet", "bet", "sit", "hit", "bit", "fit", "kit", "lit", "pit", "wit",
	"tin", "pin", "sin", "win", "fin", "bin", "din", "kin", "ban", "fan", "pan", "ran", "tan",
	"van", "den", "hen", "pen", "zen", "bat", "fat", "hat", "mat", "pat", "rat", "sat", "vat",
	"mad", "bad", "dad", "had", "lad", "pad", "sad", "red", "bed", "fed", "led", "wed", "bid",
	"did", "hid", "kid", "lid", "rid", "god", "nod", "rod", "bud", "mud", "fun", "gun", "run",
	"nun", "bun", "cup", "pup", "sup", "bus", "gas", "yes", "less", "mess", "miss", "kiss",
	"boss", "loss", "moss", "toss", "fuss", "muss",
}

// states gives each state's AP abbreviation, as in a party tag, and its postal code, as
// in a dateline.
var states = []struct{ ap, postal string }{
	{"Ala.", "AL"}, {"Alaska", "AK"}, {"Ariz.", "AZ"}, {"Ark.", "AR"}, {"Calif.", "CA"},
	{"Colo.", "CO"}, {"Conn.", "CT"}, {"Del.", "DE"}, {"Fla.", "FL"}, {"Ga.", "GA"},
	{"Hawaii", "HI"}, {"Idaho", "ID"}, {"Ill.", "IL"}, {"Ind.", "IN"}, {"Iowa", "IA"},
	{"Kan.", "KS"}, {"Ky.", "KY"}, {"La.", "LA"}, {"Maine", "ME"}, {"Md.", "MD"},
	{"Mass.", "MA"}, {"Mich.", "MI"}, {"Minn.", "MN"}, {"Miss.", "MS"}, {"Mo.", "MO"},
	{"Mont.", "MT"}, {"Neb.", "NE"}, {"Nev.", "NV"}, {"N.H.", "NH"}, {"N.J.", "NJ"},
	{"N.M.", "NM"}, {"N.Y.", "NY"}, {"N.C.", "NC"}, {"N.D.", "ND"}, {"Ohio", "OH"},
	{"Okla.", "OK"}, {"Ore.", "OR"}, {"Pa.", "PA"}, {"R.I.", "RI"}, {"S.C.", "SC"},
	{"S.D.", "SD"}, {"Tenn.", "TN"}, {"Texas", "TX"}, {"Utah", "UT"}, {"Vt.", "VT"},
	{"Va.", "VA"}, {"Wash.", "WA"}, {"W.Va.", "WV"}, {"Wis.", "WI"}, {"Wyo.", "WY"},
}

var (
	politicianTitles = []string{"Sen.", "Sen.", "Sen.", "Rep.", "Rep.", "Rep.", "Rep.", "Gov.",
		"Senate Minority Leader", "Senate Majority Leader", "House Minority Leader", "Senator", "Representative"}
	officialTitles = []string{"Attorney General", "Secretary of State", "State Election Director",
		"Homeland Security Secretary", "Treasury Secretary", "Deputy Attorney General", "Commissioner",
		"County Clerk", "Mayor", "Lt. Gov."}
	expertRoles = []string{"a professor of political science at U", "a professor of law at U",
		"a computer scientist at U", "an election security researcher at U", "a senior fellow at U",
		"director of the voting technology project at U"}
	staffRoles = []string{"a spokesperson for O", "a spokeswoman for O", "a spokesman for O",
		"the executive director of O", "the chair of O", "a senior adviser to O"}
	orgWords = []string{"Election", "Elections", "Voting", "Ballot", "Cyber", "Infrastructure",
		"Homeland", "Integrity", "Technology", "Standards", "Oversight", "Civil", "Defense",
		"Intelligence", "Commerce", "Justice", "Treasury", "Appropriations", "Rules", "Ethics",
		"Voter", "Registration", "Audit", "Information", "Data", "Privacy", "Public", "National"}
	departments = []string{"Homeland Security", "Justice", "Commerce", "Defense", "State", "Elections",
		"Public Safety", "Information Technology", "Administrative Services", "Motor Vehicles"}
	orgWords2 = []string{"Assistance", "Protection", "Security", "Administration", "Resilience",
		"Access", "Accountability", "Reform", "Modernization", "Preparedness", "Services", "Policy"}
	orgSuffixes = []string{"Commission", "Department", "Committee", "Council", "Agency", "Board",
		"Bureau", "Office", "Institute", "Center", "Task Force", "Coalition", "Subcommittee"}
	citySuffixes    = []string{"", "", "", "ville", "ton", "burg", "field", "port", " City", "dale", " Springs", "wood"}
	publisherForms  = []string{"The X Herald", "The X Ledger", "The X Tribune", "The X Gazette", "The X Dispatch", "The X Sentinel", "The X Courier", "The X Post", "X Times", "X Public Radio", "X News Service", "The X Observer", "X Daily", "Office of the X Attorney General"}
	domainSuffixes  = []string{".com", ".com", ".org", "news.com", "daily.com", ".gov"}
	universityForms = []string{"X University", "the University of X", "X State University", "X College", "the X Institute of Technology"}
	topicNouns      = []string{"sanctions", "penalties", "audits", "grants", "recounts", "encryption",
		"oversight", "hearings", "disclosure", "training", "standards", "inspections", "funding",
		"paper ballots", "risk-limiting audits", "voter rolls", "cyber defenses", "intelligence sharing",
		"vendor certification", "mail ballots", "poll workers", "tabulators", "software patches",
		"background checks", "transparency", "subpoenas", "indictments", "briefings", "reforms",
		"safeguards", "backups", "investigations", "tariffs", "regulations", "testing"}
)
