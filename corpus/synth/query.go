package synth

import "strings"

// QueryKind is the sort of search a query is.
type QueryKind string

// The kinds of query, in the proportions Queries mixes them.
const (
	ActorQuery   QueryKind = "actor"   // 30%: a person's name, "First Last", "Last" or "Sen. Last"
	TypoQuery    QueryKind = "typo"    // 20%: a person's "First Last" with one or two typing errors
	WhoQuery     QueryKind = "who"     // 25%: "who urged <topic>", from the article's reported speech
	KeywordQuery QueryKind = "keyword" // 25%: a topic, alone or with a word of the article
)

// Query is one search of the mix and what it is about.
type Query struct {
	Kind    QueryKind
	Text    string
	Doc     int    // the article the query was drawn from: it answers the query
	Speaker string // for actor, typo and who queries: the "First Last" of the person meant
}

// Queries returns n queries about the first docs articles of the corpus for seed (docs ≥ 1).
// Each is drawn from one article, so every query has an answer in that article; the same
// arguments always give the same queries.
func Queries(seed int64, n, docs int) []Query {
	w := worldFor(seed)
	r := newRNG(seed, streamQueries, docs)
	out := make([]Query, 0, n)
	for len(out) < n {
		doc := r.intn(docs)
		var rec record
		generate(w, seed, doc, &rec)
		q := Query{Doc: doc}
		switch k := len(out) % 20; {
		case k < 6:
			p := &w.persons[pick(r, rec.speakers)]
			q.Kind, q.Speaker = ActorQuery, p.short()
			switch r.intn(5) {
			case 0:
				q.Text = p.last
			case 1:
				if p.title != "" && !strings.Contains(p.title, " ") {
					q.Text = p.title + " " + p.last
					break
				}
				fallthrough
			default:
				q.Text = p.short()
			}
		case k < 10:
			p := &w.persons[pick(r, rec.speakers)]
			q.Kind, q.Speaker = TypoQuery, p.short()
			q.Text = typo(r, p.short(), r.between(1, 2))
		case k < 15:
			c := pick(r, rec.claims)
			q.Kind, q.Speaker = WhoQuery, w.persons[c.speaker].short()
			q.Text = "who " + c.verb + " " + c.topic
		default:
			q.Kind = KeywordQuery
			q.Text = pick(r, rec.topics)
			if len(rec.words) > 0 && r.chance(0.5) {
				q.Text += " " + pick(r, rec.words)
			}
		}
		out = append(out, q)
	}
	return out
}

// typo returns s with edits typing errors (deletion, insertion, substitution or
// transposition of letters), never touching the first letter of a word and always
// returning something other than s.
func typo(r *rng, s string, edits int) string {
	b := []byte(s)
	for e := 0; e < edits; {
		// Only letters after the first of a word may change.
		var pos []int
		for k := 1; k < len(b); k++ {
			if isLetter(b[k]) && isLetter(b[k-1]) {
				pos = append(pos, k)
			}
		}
		if len(pos) == 0 {
			break
		}
		k := pick(r, pos)
		letter := byte('a' + r.intn(26))
		before := string(b)
		switch r.intn(4) {
		case 0:
			b = append(b[:k], b[k+1:]...)
		case 1:
			b = append(b[:k], append([]byte{letter}, b[k:]...)...)
		case 2:
			b[k] = letter
		default:
			if k+1 < len(b) && isLetter(b[k+1]) {
				b[k], b[k+1] = b[k+1], b[k]
			}
		}
		if string(b) != before {
			e++
		}
	}
	if string(b) == s {
		return typo(r, s, edits)
	}
	return string(b)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
