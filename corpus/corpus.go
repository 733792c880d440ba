// Package corpus turns news articles into what elecsec answers from: documents cleaned of
// page chrome, the actors they name (people, organisations, groups), the quotations and
// reported speech attributed to those actors, and an immutable search index over them.
//
// It knows nothing of Slack or SQL. Articles are read through fs.FS, so the embedded seeds,
// a user's directory and a test's fstest.MapFS load the same way.
package corpus

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
	ID        string   `json:"id"` // the file name without its extension
	Title     string   `json:"title"`
	Date      string   `json:"date"` // YYYY-MM-DD, or empty when unknown
	Publisher string   `json:"publisher"`
	Author    string   `json:"author"`
	URL       string   `json:"url"`
	Body      []string `json:"-"` // the cleaned paragraphs, in order
	Size      int      `json:"-"` // bytes read from the file
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
	ID        string   `json:"id"` // DOCID#qN
	DocID     string   `json:"doc_id"`
	Paragraph int      `json:"paragraph"` // 1-based index into the document's Body
	Text      string   `json:"text"`      // the words inside the quotation marks
	Speakers  []string `json:"speakers"`  // actor ids
	Partial   bool     `json:"partial"`   // a fragment worked into the reporter's sentence
	Cue       string   `json:"cue"`       // the reporting verb, such as "said" or "wrote"
}

// Attribution is reported speech without quotation marks: an actor, a reporting verb and
// the clause it governs ("Roe called on the department to act").
type Attribution struct {
	ID        string   `json:"id"` // DOCID#aN
	DocID     string   `json:"doc_id"`
	Paragraph int      `json:"paragraph"`
	Speakers  []string `json:"speakers"`
	Verb      string   `json:"verb"` // the reporting verb as written: "urged", "called"
	Clause    string   `json:"clause"`
}

// Warning names a file that was skipped and why.
type Warning struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

func (w Warning) String() string { return w.File + ": " + w.Reason }

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
