// Package corpus turns news articles into what elecsec answers from: documents cleaned of
// page chrome, the actors they name (people, organisations, groups), the quotations and
// reported speech attributed to those actors, and an immutable search index over them.
//
// It knows nothing of Slack or SQL. Articles are read through fs.FS, so the embedded seeds,
// a user's directory and a test's fstest.MapFS load the same way.
package corpus

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// Kind is what an actor is.
type Kind string

// The kinds of actor.
const (
	Person       Kind = "person"
	Organization Kind = "organization"
	Group        Kind = "group" // a collective that speaks: "Senate Democrats", "attorneys general for 22 states"
)

// Document is one article, cleaned.
type Document struct {
	ID        string `json:"id"` // the file name without its extension
	Title     string `json:"title"`
	Date      string `json:"date"` // YYYY-MM-DD, or empty when unknown
	Publisher string `json:"publisher"`
	Author    string `json:"author"`
	URL       string `json:"url"`
	Size      int    `json:"-"` // bytes read from the file

	body []string   // the cleaned paragraphs while the document is read and extracted
	text packedText // then: the paragraphs, packed
}

// Paragraphs returns the document's cleaned paragraphs, in order.
func (d *Document) Paragraphs() []string {
	if d.body != nil {
		return d.body
	}
	return d.text.paragraphs(d.text.unpack())
}

// ParagraphCount returns how many paragraphs the document has.
func (d *Document) ParagraphCount() int {
	if d.body != nil {
		return len(d.body)
	}
	return len(d.text.ends)
}

// Actor is a person, organisation or group, merged across the corpus by alias.
type Actor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     Kind     `json:"kind"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles"`
	DocIDs   []string `json:"doc_ids"`
	Mentions int      `json:"mentions"`
	Members  []string `json:"members,omitempty"` // for a group: the ids of the people the text names as its members
}

// Quote is a quotation in a document and every speaker the article gives for it.
type Quote struct {
	DocID     string
	Paragraph int      // 1-based index into the document's paragraphs
	Speakers  []string // actor ids
	Partial   bool     // a fragment worked into the reporter's sentence
	chars     uint32   // the text's length in characters
	num       uint32   // its number in its document, from 1
	Cue       string   // the reporting verb, such as "said" or "wrote"

	text textRef // the words inside the quotation marks
}

// ID returns the quotation's id, DOCID#qN. A corpus keeps hundreds of thousands of them,
// so each is made when asked for.
func (q *Quote) ID() string { return q.DocID + "#q" + strconv.Itoa(int(q.num)) }

// Text returns the words inside the quotation marks. It unpacks the document's text.
func (q *Quote) Text() string { return q.text.text() }

// Chars returns the length of the quotation's text in characters, without unpacking it.
func (q *Quote) Chars() int { return int(q.chars) }

// QuoteOf returns q with the given text and number in its document, for a corpus built by
// hand.
func QuoteOf(q Quote, num int, text string) *Quote {
	q.text, q.chars, q.num = loose(text), uint32(utf8.RuneCountInString(text)), uint32(num)
	return &q
}

// MarshalJSON writes the quotation with its text.
func (q Quote) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID        string   `json:"id"`
		DocID     string   `json:"doc_id"`
		Paragraph int      `json:"paragraph"`
		Text      string   `json:"text"`
		Speakers  []string `json:"speakers"`
		Partial   bool     `json:"partial"`
		Cue       string   `json:"cue"`
	}{q.ID(), q.DocID, q.Paragraph, q.Text(), q.Speakers, q.Partial, q.Cue})
}

// Attribution is reported speech without quotation marks: an actor, a reporting verb and
// the clause it governs ("Roe called on the department to act").
type Attribution struct {
	DocID     string
	Paragraph int
	Speakers  []string
	Verb      string // the reporting verb as written: "urged", "called"
	num       uint32 // its number in its document, from 1

	clause textRef
}

// ID returns the reported speech's id, DOCID#aN, made when asked for.
func (a *Attribution) ID() string { return a.DocID + "#a" + strconv.Itoa(int(a.num)) }

// Clause returns the words the reporting verb governs.
func (a *Attribution) Clause() string { return a.clause.text() }

// MarshalJSON writes the reported speech with its clause.
func (a Attribution) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID        string   `json:"id"`
		DocID     string   `json:"doc_id"`
		Paragraph int      `json:"paragraph"`
		Speakers  []string `json:"speakers"`
		Verb      string   `json:"verb"`
		Clause    string   `json:"clause"`
	}{a.ID(), a.DocID, a.Paragraph, a.Speakers, a.Verb, a.Clause()})
}

// Warning names a file that was skipped, or loaded though part of it could not be read,
// and why.
type Warning struct {
	File    string `json:"file"`
	Reason  string `json:"reason"`
	Skipped bool   `json:"skipped"`
}

// Summary says what became of the file: "skipped an article" or "read an article in part".
func (w Warning) Summary() string {
	if w.Skipped {
		return "skipped an article"
	}
	return "read an article in part"
}

func (w Warning) String() string {
	if w.Skipped {
		return "skipped " + w.File + ": " + w.Reason
	}
	return w.File + ": " + w.Reason
}

// Corpus is everything extracted from a set of documents. It is not modified after Load
// returns, so it may be shared between goroutines.
type Corpus struct {
	Documents    []*Document    `json:"documents"`
	Actors       []*Actor       `json:"actors"`
	Quotes       []*Quote       `json:"quotes"`
	Attributions []*Attribution `json:"attributions"`
	Warnings     []Warning      `json:"warnings,omitempty"`

	docByID   map[string]*Document
	actorByID map[string]*Actor
}

// Document returns the document with the given id, or nil.
func (c *Corpus) Document(id string) *Document { return c.docByID[id] }

// Actor returns the actor with the given id, or nil.
func (c *Corpus) Actor(id string) *Actor { return c.actorByID[id] }
