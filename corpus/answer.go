package corpus

// ResultKind says what a search result is.
type ResultKind string

// The kinds of result.
const (
	QuoteResult   ResultKind = "quote"   // a quotation, with its speakers
	ActorResult   ResultKind = "actor"   // an actor, with the documents that name it
	PassageResult ResultKind = "passage" // a paragraph of a document; carries no speakers
)

// Intent is what a query asks for.
type Intent string

// The intents a query can have.
const (
	TopicIntent Intent = "topic" // anything else: quotes and passages about the words
	WhoIntent   Intent = "who"   // "who urged sanctions": the speakers whose words match
	ActorIntent Intent = "actor" // "quotes from X", "what did X say [about Y]", a bare name
)

// Result is one ranked answer to a query.
type Result struct {
	Kind      ResultKind `json:"kind"`
	DocID     string     `json:"doc_id,omitempty"`
	Paragraph int        `json:"paragraph,omitempty"`
	Text      string     `json:"text"`
	Speakers  []*Actor   `json:"-"` // for a quote or reported speech: who said it
	// Actor is, for an actor result, the actor. An actor result with DocID and Cue set is
	// reported speech: Actor (and the rest of Speakers) said what Text says, in other words.
	Actor  *Actor   `json:"-"`
	DocIDs []string `json:"doc_ids,omitempty"`
	Cue    string   `json:"cue,omitempty"`
	Score  float64  `json:"score"`
	Terms  []string `json:"-"` // words of the text that matched the query, for highlighting

	quote int32 // for a quotation: its index in the corpus
	// Until the result is shown, its text may be only where it is: Text is then lead and
	// the text of src.
	src  textRef
	lead string
}

// fill sets the result's text from where it is, unpacking its document, if it is not set.
func (r *Result) fill() {
	if r.Text == "" && r.src.src != nil {
		r.Text, r.src = r.lead+r.src.text(), textRef{}
	}
}

// Answer is the ranked results for one query, best first. Results is empty when nothing in
// the corpus answers the query; Suggestions then offers actors or topics to try instead.
type Answer struct {
	Query       string   `json:"query"`
	Intent      Intent   `json:"intent"`
	Actor       *Actor   `json:"-"` // the actor the query names, when it names one
	Topic       string   `json:"topic,omitempty"`
	Results     []Result `json:"results"`
	Suggestions []string `json:"suggestions,omitempty"`
	// Corpus is the corpus that answered, for looking up the results' documents and actors.
	Corpus *Corpus `json:"-"`
}
