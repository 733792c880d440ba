package handlers

import (
	"strings"
	"sync"

	"github.com/elecsec/elecsec/corpus"
)

// The fake corpus: invented articles and actors, with the hostile text real articles may
// carry (broadcast markup, pre-escaped entities, an address that cannot be linked).
var (
	docLedger = &corpus.Document{
		ID: "ledger-1", Title: "Governors press for paper ballots & audits", Date: "2021-03-04",
		Publisher: "The Ledger", Author: "Pat Reporter", URL: "https://example.com/news/ballots?id=1&ref=feed",
	}
	docHostile = &corpus.Document{
		ID: "hostile-2", Title: "<!channel> Officials warn of <b>hacking</b> &amp; leaks",
	}
	docPipe = &corpus.Document{
		ID: "pipe-3", Title: "Board answers critics", Date: "2019-11-30", Publisher: "County Herald",
		URL: "https://example.org/a|b",
	}

	actorQuill = &corpus.Actor{
		ID: "ada-quill", Name: "Ada Quill", Kind: corpus.Person, Aliases: []string{"Quill", "Gov. Quill"},
		Roles: []string{"Governor", "D-Vt."}, DocIDs: []string{"ledger-1", "pipe-3"}, Mentions: 6,
	}
	actorBoard = &corpus.Actor{
		ID: "state-election-board", Name: "State Election Board", Kind: corpus.Organization,
		Aliases: []string{"the board"}, DocIDs: []string{"pipe-3"}, Mentions: 3,
	}
	actorGovernors = &corpus.Actor{
		ID: "governors-12", Name: "Governors of 12 states", Kind: corpus.Group,
		DocIDs: []string{"ledger-1"}, Mentions: 1, Members: []string{"ada-quill"},
	}
	actorMallory = &corpus.Actor{
		ID: "mallory", Name: "Mallory <@U999> Jones", Kind: corpus.Person,
		Roles: []string{"<!here> commentator"}, DocIDs: []string{"hostile-2"}, Mentions: 2,
	}
	actorBen = &corpus.Actor{ID: "ben-ode", Name: "Ben Ode", Kind: corpus.Person, Roles: []string{"Secretary of State"}}
	actorCy  = &corpus.Actor{ID: "cy-vale", Name: "Cy Vale", Kind: corpus.Person, Roles: []string{"Senator", "R-Ind."}}
	actorDee = &corpus.Actor{ID: "dee-fox", Name: "Dee Fox", Kind: corpus.Person}

	fakeCorpus = &corpus.Corpus{
		Documents: []*corpus.Document{docLedger, docHostile, docPipe},
		Actors:    []*corpus.Actor{actorQuill, actorBoard, actorGovernors, actorMallory, actorBen, actorCy, actorDee},
		Quotes: []*corpus.Quote{
			corpus.QuoteOf(corpus.Quote{DocID: "ledger-1", Paragraph: 2, Speakers: []string{"ada-quill"}, Cue: "said"}, 1, longQuote),
			corpus.QuoteOf(corpus.Quote{DocID: "ledger-1", Paragraph: 4, Speakers: []string{"ada-quill", "governors-12"}, Cue: "wrote"}, 2, "Audits work."),
			corpus.QuoteOf(corpus.Quote{DocID: "hostile-2", Paragraph: 1, Speakers: []string{"mallory"}, Cue: "said"}, 1, hostileQuote),
			corpus.QuoteOf(corpus.Quote{DocID: "pipe-3", Paragraph: 3, Speakers: []string{"state-election-board"}, Cue: "said"}, 1, "We audit every machine."),
		},
	}
)

const longQuote = "Paper ballots are not a luxury. They are the floor. Every state that still votes on machines " +
	"without a paper trail is asking its voters to trust what they cannot see, and trust is the one thing an " +
	"election cannot borrow. We have asked Congress three times for the money to replace those machines, and " +
	"three times we have been told to wait for the next budget. Meanwhile the machines get older, the vendors " +
	"stop shipping parts, and county clerks keep spare keyboards in their desk drawers. Sen. Vale told us in " +
	"March that the money would come with the spring bill. It did not. So we are asking again, louder: fund " +
	"the audits, fund the ballots, and fund them before the primaries, because an audit that comes after the " +
	"results are certified is a history lesson, not a safeguard. The states are ready to do the work."

const hostileQuote = "Tell <!channel> and <!here> and <@U123> that AT&amp;T & friends said 2 < 3 > 1 about hacking."

// fakeIndex answers a fixed set of queries from fakeCorpus and records what it was asked.
type fakeIndex struct {
	mu      sync.Mutex
	asked   []string
	answers map[string]corpus.Answer
}

var _ Searcher = (*fakeIndex)(nil)

func newFakeIndex() *fakeIndex {
	quote := func(q *corpus.Quote, score float64, terms ...string) corpus.Result {
		var speakers []*corpus.Actor
		for _, id := range q.Speakers {
			for _, a := range fakeCorpus.Actors {
				if a.ID == id {
					speakers = append(speakers, a)
				}
			}
		}
		return corpus.Result{Kind: corpus.QuoteResult, DocID: q.DocID, Paragraph: q.Paragraph, Text: q.Text(),
			Speakers: speakers, Cue: q.Cue, Score: score, Terms: terms}
	}
	q := fakeCorpus.Quotes
	audits := []corpus.Result{
		quote(q[0], 9.5, "audits", "fund"),
		quote(q[1], 8.1, "audits"),
		{Kind: corpus.ActorResult, Actor: actorBoard, DocIDs: actorBoard.DocIDs, Text: "1 quote in 1 document", Score: 6},
		{Kind: corpus.PassageResult, DocID: "pipe-3", Paragraph: 2, Score: 4, Terms: []string{"audit"},
			Text: "The board said Tuesday it would audit every machine in the county before the primary, a promise critics called overdue."},
		quote(q[3], 3.9, "audit"),
		{Kind: corpus.QuoteResult, DocID: "ledger-1", Text: "Five of us signed it.", Score: 2,
			Speakers: []*corpus.Actor{actorQuill, actorBen, actorCy, actorDee, actorMallory}, Terms: []string{"signed"}},
	}
	return &fakeIndex{answers: map[string]corpus.Answer{
		"who pressed for audits": {Query: "who pressed for audits", Intent: corpus.WhoIntent, Results: audits},
		"quotes from quill": {Query: "quotes from quill", Intent: corpus.ActorIntent, Actor: actorQuill,
			Results: []corpus.Result{quote(q[0], 9, "ballots"), quote(q[1], 8)}},
		"hacking": {Query: "hacking", Intent: corpus.TopicIntent, Results: []corpus.Result{quote(q[2], 5, "hacking")}},
		"qill": {Query: "qill", Intent: corpus.ActorIntent, Actor: actorQuill, Results: []corpus.Result{
			{Kind: corpus.ActorResult, Actor: actorQuill, DocIDs: actorQuill.DocIDs, Score: 7}}},
		"mallory": {Query: "mallory", Intent: corpus.ActorIntent, Actor: actorMallory, Results: []corpus.Result{
			{Kind: corpus.ActorResult, Actor: actorMallory, DocIDs: actorMallory.DocIDs, Score: 7}}},
	}}
}

func (f *fakeIndex) Search(query string) corpus.Answer {
	f.mu.Lock()
	f.asked = append(f.asked, query)
	f.mu.Unlock()
	if a, ok := f.answers[strings.ToLower(query)]; ok {
		return a
	}
	return corpus.Answer{Query: query, Intent: corpus.TopicIntent, Suggestions: []string{"quotes from Ada Quill", "paper ballots"}}
}

func (f *fakeIndex) Corpus() *corpus.Corpus { return fakeCorpus }

// lastAsked is the last query the index was asked, or "".
func (f *fakeIndex) lastAsked() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.asked) == 0 {
		return ""
	}
	return f.asked[len(f.asked)-1]
}
