package corpus

import (
	"math/bits"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// indexFiles loads the files and indexes them.
func indexFiles(tb testing.TB, fsys fstest.MapFS) *Index {
	tb.Helper()
	return NewIndex(loadFiles(tb, fsys))
}

func testIndex(tb testing.TB) *Index {
	tb.Helper()
	c, err := Load(os.DirFS("testdata/articles"))
	if err != nil {
		tb.Fatal(err)
	}
	return NewIndex(c)
}

// describe is a result in a line: kind, who, document, the start of the text.
func describe(r Result) string {
	var who []string
	for _, s := range r.Speakers {
		who = append(who, s.Name)
	}
	if r.Actor != nil && len(who) == 0 {
		who = append(who, r.Actor.Name)
	}
	words := strings.Fields(r.Text)
	return string(r.Kind) + " [" + strings.Join(who, ", ") + "] " + r.DocID + ": " + strings.Join(words[:min(5, len(words))], " ")
}

func TestSearchTopResult(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		query  string
		intent Intent
		want   string // a prefix of describe(first result)
	}{
		{"who called on the legislature", WhoIntent, "actor [Ann Oduya] 01_scanners: called on the legislature"},
		{"who warned about money", WhoIntent, "quote [Tom Hale] 01_scanners: the money will not appear"},
		{"who urged penalties", WhoIntent, "actor [Attorneys general] 03_hackers: urged Congress to impose"},
		{"who asked for sanctions", WhoIntent, "quote [Attorneys general] 03_hackers: Nobody who attacks our"}, // ask ↔ urge, sanctions ↔ penalties
		{"quotes from lopez", ActorIntent, "quote [Maria Lopez]"},
		{"what did weiss say", ActorIntent, "quote [Ian Weiss] 02_audit: We opened every box"},
		{"what did lopez say about the auditors", ActorIntent, "quote [Maria Lopez] 02_audit: I trust the auditors"},
		{"oduya", ActorIntent, "actor [Ann Oduya]"},
		{"odoya", ActorIntent, "actor [Ann Oduya]"},         // one edit
		{"maria lopes", ActorIntent, "actor [Maria Lopez]"}, // one edit in the surname
		{"weis", ActorIntent, "actor [Ian Weiss]"},          // a prefix
		{"ballot scanners", TopicIntent, "passage [] 01_scanners: The state board of elections"},
		{"knocked on the door", TopicIntent, "quote [Maria Lopez] 03_hackers: They knocked on the door"},
		{"election integrity commission", ActorIntent, "actor [Election Integrity Commission]"},
		{"who is dana cole", ActorIntent, "actor [Dana Cole]"},
		{"sen. hale", ActorIntent, "actor [Tom Hale]"},
		{"scanner", TopicIntent, "passage [] 01_scanners"}, // a word of the text, not a prefix of a name
	}
	for _, tt := range tests {
		ans := ix.Search(tt.query)
		if ans.Intent != tt.intent {
			t.Errorf("Search(%q).Intent = %s; want %s", tt.query, ans.Intent, tt.intent)
		}
		if len(ans.Results) == 0 {
			t.Errorf("Search(%q) = no results; want %q", tt.query, tt.want)
			continue
		}
		if got := describe(ans.Results[0]); !strings.HasPrefix(got, tt.want) {
			t.Errorf("Search(%q)[0] = %q; want %q…", tt.query, got, tt.want)
		}
	}
}

func TestSearchNothingAnswers(t *testing.T) {
	ix := testIndex(t)
	for _, q := range []string{"banana bread recipe", "zxqv", "the of and", "", "!!!", "who", "quantum chromodynamics lattice"} {
		ans := ix.Search(q)
		if len(ans.Results) != 0 {
			t.Errorf("Search(%q) = %d results, first %q; want none", q, len(ans.Results), describe(ans.Results[0]))
		}
	}
	if ans := ix.Search("lopezz scanners budget overrun"); len(ans.Results) == 0 && len(ans.Suggestions) == 0 {
		t.Errorf("Search with a near-miss name: no results and no suggestions")
	}
}

// A quotation is credited only to its speakers, never to someone it names.
func TestSearchNeverCreditsTheNamed(t *testing.T) {
	ix := testIndex(t)
	ans := ix.Search("hale")
	for _, r := range ans.Results {
		if r.Kind == QuoteResult && r.spokenBy("tom-hale") && !strings.Contains(r.Text, "narrow") && !strings.Contains(r.Text, "overnight") {
			t.Errorf("Search(hale) credits Tom Hale with %q", r.Text)
		}
	}
	for _, r := range ix.Search("quotes from lopez").Results {
		if r.Kind == QuoteResult && !r.spokenBy("maria-lopez") {
			t.Errorf("quotes from lopez returned %q by %v", r.Text, r.Speakers)
		}
	}
}

func TestDamerauLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"schumer", "shumer", 1},
		{"feinstein", "feinstien", 1}, // a transposition is one edit
		{"menendez", "menendes", 1},
		{"schneider", "schnieder", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"same", "same", 0},
	}
	for _, tt := range tests {
		if got := damerauLevenshtein(tt.a, tt.b, 10); got != tt.want {
			t.Errorf("damerauLevenshtein(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestTypoBudget(t *testing.T) {
	for n, want := range map[int]int{3: 0, 4: 0, 5: 1, 8: 1, 9: 2, 14: 2} {
		if got := typoBudget(n); got != want {
			t.Errorf("typoBudget(%d) = %d; want %d", n, got, want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		q, intent, actor, topic string
	}{
		{"who urged penalties", "who", "", "urged penalties"},
		{"quotes from dana cole about scanners", "actor", "dana-cole", "scanners"},
		{"what did tom hale say about the audit", "actor", "tom-hale", "the audit"},
		{"quotes oduya", "actor", "ann-oduya", ""},
		{"hale audit", "actor", "tom-hale", "audit"},
		{"voter rolls", "topic", "", "voter rolls"},
	}
	for _, tt := range tests {
		q := ix.parseQuery(tt.q)
		actor := ""
		if q.actor.quality != noMatch && q.intent == ActorIntent {
			actor = ix.c.Actors[q.actor.actor].ID
		}
		if string(q.intent) != tt.intent || actor != tt.actor || strings.Join(q.topic, " ") != tt.topic {
			t.Errorf("parseQuery(%q) = %s %q %q; want %s %q %q", tt.q, q.intent, actor, strings.Join(q.topic, " "), tt.intent, tt.actor, tt.topic)
		}
	}
}

// TestTypoInGivenName checks that a misspelt given name still picks the person, not
// whoever else has the surname.
func TestTypoInGivenName(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("Counties test machines\n\n“We count every ballot twice,” said Marcus Whitfield, the county clerk.\n\n“The audit is done,” Whitfield said.\n\n“Paper is the record,” Whitfield added.\n")},
		"b.txt": {Data: []byte("Funding fight\n\n“The money is late,” said state Sen. Jennifer Whitfield.\n")},
	}
	ix := indexFiles(t, fsys)
	for _, q := range []string{"Jenifer Whitfield", "Jennifer Whitfeld", "quotes from jenifer whitfield"} {
		ans := ix.Search(q)
		if ans.Intent != ActorIntent || ans.Actor == nil || ans.Actor.Name != "Jennifer Whitfield" {
			t.Errorf("Search(%q) = %s about %v; want Jennifer Whitfield", q, ans.Intent, ans.Actor)
		}
		if ans.Topic != "" {
			t.Errorf("Search(%q) kept %q as a topic", q, ans.Topic)
		}
	}
}

// TestOneNameWordAstray: a short word of a name typed two edits wrong still finds the
// person when the rest of the name is typed right, and only then.
func TestOneNameWordAstray(t *testing.T) {
	c := loadFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Hearing\n\n“It was on for eleven minutes,” said Obadiah Nwankwo-Lisle, the county's IT director, in the town hall.\n")}})
	ix := NewIndex(c)
	if a := ix.Search("kaczmarek hall").Actor; a != nil {
		t.Errorf("Search(kaczmarek hall) = %s; no one is named so", a.Name)
	}
	c2, err := Load(fstest.MapFS{"b.txt": {Data: []byte("Clerks\n\n“We count twice,” said Ines Kaczmarek-Hill, the clerk, at city hall.\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if a := NewIndex(c2).Search("kaczmarek hall").Actor; a == nil || a.Name != "Ines Kaczmarek-Hill" {
		t.Errorf("Search(kaczmarek hall) = %v; want Ines Kaczmarek-Hill, though the text has the word hall", a)
	}
	for q, want := range map[string]bool{"nwankwo lyle": true, "obadiah nwankwo lyle": true, "nwankwo lisle": true, "nwankwo hall": false, "nwankwa lyle": false, "nwankwo pyle": false, "obadiah nwankwo lile": true} {
		ans := ix.Search(q)
		if got := ans.Actor != nil && ans.Actor.Name == "Obadiah Nwankwo-Lisle"; got != want {
			t.Errorf("Search(%q) found the IT director: %v, want %v", q, got, want)
		}
	}
}

// TestTypoStemmedAsTheName: a misspelt name whose stem is the name's ("zielinsky" and
// "zielinski" both stem to "zielinski") is still a misspelt name, not a word of the corpus.
func TestTypoStemmedAsTheName(t *testing.T) {
	c := loadFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Certification\n\n“You have a ballot that can be traced,” said Agnieszka Zielinski, a board member.\n")}})
	if a := NewIndex(c).Search("zielinsky").Actor; a == nil || a.Name != "Agnieszka Zielinski" {
		t.Errorf("Search(zielinsky) = %v; want Agnieszka Zielinski", a)
	}
}

// TestHeadlineAnswersWhatNothingElseDoes: words only the headline holds find the story,
// all of them; a query they do not all answer stays unanswered.
func TestHeadlineAnswersWhatNothingElseDoes(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("---\ntitle: Fake texts tell voters their polling places moved\n---\n\nVoters in four states received text messages on Tuesday.\n\n“Do not trust them,” said Ann Roe, the county clerk.\n")}})
	if ans := ix.Search("fake texts"); len(ans.Results) != 1 || ans.Results[0].Kind != PassageResult || ans.Results[0].DocID != "a" {
		t.Errorf("Search(fake texts) = %+v; want the story's first paragraph", ans.Results)
	}
	for _, q := range []string{"fake recipe", "banana bread recipe"} {
		if ans := ix.Search(q); len(ans.Results) != 0 {
			t.Errorf("Search(%q) = %d results; want none", q, len(ans.Results))
		}
	}
}

// TestRoleWordsChooseTheHolder: of the people whose roles hold the query's role noun, the
// one whose role holds its other words too.
func TestRoleWordsChooseTheHolder(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Interference\n\n“The campaign was traced to servers abroad,” Interior Minister Matevž Ločniškar said.\n\n“The foreign network must face sanctions,” Foreign Minister Domen Ščurek said.\n\n" +
		"“We sized it for a normal primary,” said Garrick Thornquist, the county's director of information technology.\n\n" +
		"“People who do this think they are invisible,” said Special Agent in Charge Raymond Wrenfield of the FBI.\n\n" +
		"“We have blocked 41,000 fake messages,” Corvane Wireless said in a statement.\n\n“The flaw in the results software was real,” Lanternfish Security said.\n\n" +
		"The Kentucky Open Polls Project asked a judge to keep vote centers open. The group's director, Yasmin Farquhar, said it had warned the county.\n\n" +
		"“We got this wrong,” said Corbin Thale, Tallyspring's chief executive.\n\nCounty Judge Harriet Oyelaran-Baxter, who chairs the three-member board, said the batch was rescanned.\n\n" +
		"“How much money does the audit cost?” Chief Justice Hedda Aldenhoven asked.\n\n“I voted against a blank check,” said Sen. Diane Kearney.\n")}})
	for q, want := range map[string]string{
		"what did the interior minister say about the foreign network": "Matevž Ločniškar",
		"what did the foreign minister say":                            "Domen Ščurek",
		"what did the it director say about the primary":               "Garrick Thornquist", // information technology
		"what did the fbi special agent say":                           "Raymond Wrenfield",
		"what did the phone company say about the fake messages":       "Corvane Wireless",        // any business, chosen by the topic
		"who runs the kentucky open polls project":                     "Yasmin Farquhar",         // whose post names it
		"what did the tallyspring ceo say":                             "Corbin Thale",            // chief executive
		"what did the board chair say about the batch":                 "Harriet Oyelaran-Baxter", // who chairs it
		"what did the chief justice ask about the audit":               "Hedda Aldenhoven",
		"the interior minister":                                        "Matevž Ločniškar", // a post alone
		"foreign minister":                                             "Domen Ščurek",
		"the county judge":                                             "Harriet Oyelaran-Baxter",
		"who is the chief justice in the audit case":                   "Hedda Aldenhoven",
	} {
		if a := ix.Search(q).Actor; a == nil || a.Name != want {
			t.Errorf("Search(%q) = %v; want %s", q, a, want)
		}
	}
	// A senator the corpus does not know is no senator it knows; a post with words no one's
	// post holds is a topic.
	for _, q := range []string{"what did senator amos threlkeld say about voting", "the finance minister", "county judge election results"} {
		if a := ix.Search(q).Actor; a != nil {
			t.Errorf("Search(%q) = %v; want no one", q, a.Name)
		}
	}
}

// TestLongNameSpeltAsItSounds: a long name typed alone, three edits off and with its first
// letter right, finds its one holder; a short word so far off finds no one.
func TestLongNameSpeltAsItSounds(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Grants\n\n“The states will get their money,” said Rep. Barnett Kettleborough, the subcommittee's chairman.\n")}})
	if a := ix.Search("kettleborow").Actor; a == nil || a.Name != "Barnett Kettleborough" {
		t.Errorf("Search(kettleborow) = %v; want Barnett Kettleborough", a)
	}
	if a := ix.Search("kettlebo").Actor; a != nil && a.Name != "Barnett Kettleborough" {
		t.Errorf("Search(kettlebo) = %v", a)
	}
	if a := ix.Search("barnet").Actor; a == nil {
		t.Errorf("Search(barnet) found no one; a typo within its budget should")
	}
	if a := ix.Search("kittleburrow").Actor; a != nil {
		t.Errorf("Search(kittleburrow) = %v; four edits find no one", a.Name)
	}
}

// TestNearNamesPrefilter checks that the letter-count filter never rules out a name within
// the typo budget.
func TestNearNamesPrefilter(t *testing.T) {
	words := []string{"schnieder", "schneider", "menendes", "menendez", "feinstien", "feinstein", "roe", "ore",
		"abcdefghi", "badcfehgi", "müller", "muller", "mueller", "zzzzzzzzzz", "zzzzzzzzza", "garcía", "garcia"}
	for _, a := range words {
		ha := letterCounts(a)
		for _, b := range words {
			limit := typoBudget(len(a))
			if !isASCII(a) || !isASCII(b) || damerauLevenshtein(a, b, limit+1) > limit {
				continue
			}
			if countsDiffer(&ha, b, 2*limit) {
				t.Errorf("%q and %q are within %d edits, but the letter counts rule %q out", a, b, limit, b)
			}
			if bits.OnesCount32(letterMask(a)^letterMask(b)) > 2*limit {
				t.Errorf("%q and %q are within %d edits, but the letter sets rule %q out", a, b, limit, b)
			}
		}
	}
}

// TestOrganizationByInitials: an organisation is found by its initials, alone, in "what
// did … say", or beside a topic.
func TestOrganizationByInitials(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("Officials warn of threats\n\nThe Cybersecurity and Infrastructure Security Agency said it had seen no attack on voting systems.\n\n“We are watching closely,” the agency said.\n\nThe Election Assistance Commission approved new grants for counties.\n")},
	}
	ix := indexFiles(t, fsys)
	for _, tc := range []struct{ query, want string }{
		{"cisa", "Cybersecurity and Infrastructure Security Agency"},
		{"EAC", "Election Assistance Commission"},
		{"what did cisa say", "Cybersecurity and Infrastructure Security Agency"},
	} {
		ans := ix.Search(tc.query)
		if ans.Intent != ActorIntent || ans.Actor == nil || ans.Actor.Name != tc.want {
			t.Errorf("Search(%q) = %s about %v; want %s", tc.query, ans.Intent, ans.Actor, tc.want)
		}
	}
	if ans := ix.Search("cisa attack"); len(ans.Results) == 0 || !strings.Contains(ans.Results[0].Text, "no attack") {
		t.Errorf("Search(cisa attack) = %+v; want the agency's statement first", ans.Results)
	}
	// A word that names no one alone, though names begin with it, means the word.
	for _, q := range []string{"election", "agency", "commission"} {
		if ans := ix.Search(q); ans.Intent != TopicIntent {
			t.Errorf("Search(%q) = %s about %v; want a search of the word", q, ans.Intent, ans.Actor)
		}
	}
	for name, want := range map[string]string{
		"Election Assistance Commission":                   "eac",
		"Cybersecurity and Infrastructure Security Agency": "cisa",
		"Office of Management and Budget":                  "omb",
		"Justice Department":                               "", // two words: no initials
		"U.S. Election Assistance Commission":              "eac",
	} {
		if got := acronym(name); got != want {
			t.Errorf("acronym(%q) = %q; want %q", name, got, want)
		}
	}
}

// TestWhoVerbIsHowNotWhat: the verb of a who query says how something was said, not what
// about: a quotation that only holds the verb's word answers nothing, and a verb with an
// unknown topic answers nothing at all.
func TestWhoVerbIsHowNotWhat(t *testing.T) {
	ix := NewIndex(loadText(t,
		"“Nobody called us about it,” said Ann Cole, a county clerk.",
		"“We want a forensic audit of every county,” said Dan Holt, the group's founder.",
		"Sen. Mia Park called for a hand count.",
		// The audit is the story's subject: its word is commoner than the verb's.
		"The audit began on Monday.", "The audit will take weeks.", "The audit covers 12 counties.",
		"The audit costs $2 million.", "The audit team is small.",
	))
	ans := ix.Search("who called for an audit")
	if len(ans.Results) == 0 || !strings.Contains(describe(ans.Results[0]), "[Dan Holt]") {
		t.Fatalf("who called for an audit: %v", ans.Results)
	}
	for _, r := range ans.Results {
		if strings.Contains(describe(r), "Ann Cole") {
			t.Errorf("a quotation holding only the verb's word answers: %s", describe(r))
		}
	}
	if ans := ix.Search("who called for banana bread"); len(ans.Results) != 0 {
		t.Errorf("who called for banana bread: %v", ans.Results)
	}
	if ans := ix.Search("who called"); len(ans.Results) == 0 {
		t.Error("who called: a verb alone answers nothing")
	}
}

// TestSameNameChosenByTheQuery: a name two people share goes to the one the rest of the
// query is about: a role it names, or the words of their articles.
func TestSameNameChosenByTheQuery(t *testing.T) {
	ix := NewIndex(loadMany(t,
		[]string{"Sen. Corinne Abernathy sponsored the hand count bill. “Machines are tools,” Abernathy said.",
			"Dale Abernathy, the Grantham County clerk, opposed it. “A hand count is a second election,” Dale Abernathy said."},
		[]string{"Castellan Voting Systems released a patch for its scanners.", "“We'll get it done,” said Jerome Whitlock, an elections director."},
		[]string{"The party asked for a recount.", "“We want answers,” said Dolores Whitlock, the party chair. Whitlock spoke twice. Whitlock left."},
	))
	for query, want := range map[string]string{
		"what did clerk abernathy say":                    "Dale Abernathy",
		"what did sen abernathy say":                      "Corinne Abernathy",
		"what did whitlock say about the castellan patch": "Jerome Whitlock",
		"what did whitlock say about the recount":         "Dolores Whitlock",
	} {
		ans := ix.Search(query)
		if ans.Actor == nil || ans.Actor.Name != want {
			t.Errorf("%s: actor %v, want %s", query, ans.Actor, want)
		}
	}
}

// TestQueryWordsAsTheIndexReadsThem: a contraction typed without its apostrophe is a
// stopword, as the index's is; a topic whose words no one passage holds enough of is
// answered by the passages holding the rarest.
func TestQueryWordsAsTheIndexReadsThem(t *testing.T) {
	ix := NewIndex(loadText(t,
		"“If you can't audit it, you can't trust it,” said Harriet Lindgren.",
		"Regulators want deepfakes labelled.", "A takedown request can take days.", "The commission has few powers.",
	))
	if ans := ix.Search("who said if you can't audit it you can't trust it"); len(ans.Results) == 0 || !strings.Contains(describe(ans.Results[0]), "Harriet Lindgren") {
		t.Errorf("who said … can't trust it: %v", ans.Results)
	}
	if ans := ix.Search("deepfake takedown powers"); len(ans.Results) == 0 {
		t.Error("deepfake takedown powers: no answer")
	}
	if ans := ix.Search("deepfake banana bread"); len(ans.Results) != 0 {
		t.Errorf("deepfake banana bread: %v", ans.Results)
	}
}

// TestBodyByItsLastWords: a body is found by the last words of its name.
func TestBodyByItsLastWords(t *testing.T) {
	ix := NewIndex(loadText(t,
		"“Vendors welcome the guidance,” the Election Technology Vendors Council said.",
		"Vendors say the rules are costly.",
	))
	ans := ix.Search("vendors council statement")
	if ans.Actor == nil || ans.Actor.Name != "Election Technology Vendors Council" {
		t.Errorf("vendors council statement: actor %v", ans.Actor)
	}
}

// TestActorTopicInReportedSpeech: what someone said on a topic may be reported, not quoted;
// its paragraph answers before their quotations on other subjects.
func TestActorTopicInReportedSpeech(t *testing.T) {
	ix := NewIndex(loadText(t,
		"“Physical access is the big caveat,” said Gideon Farrow, a former agency official.",
		"Farrow said the exit-plan section of the guidance was the most important.",
		"“Nobody thinks about what happens if your vendor disappears,” he said.",
	))
	ans := ix.Search("what did farrow say about exit plans")
	if len(ans.Results) == 0 || ans.Results[0].Kind != PassageResult || !strings.Contains(ans.Results[0].Text, "exit-plan") {
		t.Fatalf("what did farrow say about exit plans: %v", ans.Results)
	}
}

// TestActorWordsOnTheTopicLead: when someone's own words are on the topic too, if only
// through the paragraph around them, they answer before the paragraph's report of what
// they said.
func TestActorWordsOnTheTopicLead(t *testing.T) {
	ix := NewIndex(loadText(t,
		"“Counties deserve better,” said Gideon Farrow, a former agency official.",
		"Farrow said every county should review its exit plan before signing. “We paid for machines, not for a way out,” Farrow said. “Somebody will have to explain that.”",
	))
	ans := ix.Search("what did farrow say about the exit plan")
	if len(ans.Results) < 2 || ans.Results[0].Kind != QuoteResult || ans.Results[0].Paragraph != 2 {
		t.Fatalf("what did farrow say about the exit plan: %v", ans.Results)
	}
}

// TestNamesTypedWithoutMarks: a name is found typed without its letters' marks.
func TestNamesTypedWithoutMarks(t *testing.T) {
	ix := NewIndex(loadText(t,
		"“They were very good at sounding local,” said Lan Nguyễn, an analyst.",
		"“We will publish the report,” said Henrike Maaß, a spokeswoman.",
	))
	for query, want := range map[string]string{"nguyen": "Lan Nguyễn", "quotes from maass": "Henrike Maaß"} {
		if ans := ix.Search(query); ans.Actor == nil || ans.Actor.Name != want {
			t.Errorf("%s: actor %v, want %s", query, ans.Actor, want)
		}
	}
}

// TestActorByRole: "what did the commissioner say" finds the person holding the role, the
// rest of the query choosing among several.
func TestActorByRole(t *testing.T) {
	ix := NewIndex(loadMany(t,
		[]string{"“Threats against poll workers are crimes,” said Commissioner Dorian Kessling, the state's public safety commissioner."},
		[]string{"“The pollbooks are too old,” said Commissioner Ann Tillinghast, a county commissioner."},
	))
	for query, want := range map[string]string{
		"what did the public safety commissioner say about threats": "Dorian Kessling",
		"what did the commissioner say about pollbooks":             "Ann Tillinghast",
	} {
		if ans := ix.Search(query); ans.Actor == nil || ans.Actor.Name != want {
			t.Errorf("%s: actor %v, want %s", query, ans.Actor, want)
		}
	}
}

// TestWhoDidSomething: "who resigned after threats" asks for a deed, which the narrative
// tells: passages answer beside quotations.
func TestWhoDidSomething(t *testing.T) {
	ix := NewIndex(loadText(t,
		"A former county clerk who resigned last year after threats said she had reported a dozen of them.",
		"“Threats are up,” said Dana Vale, the state's election director.",
	))
	ans := ix.Search("who resigned after threats")
	if len(ans.Results) == 0 || !strings.Contains(ans.Results[0].Text, "resigned") {
		t.Errorf("who resigned after threats: %v", ans.Results)
	}
}

// TestOrganizationByWhatItIs: "what did the union say" finds the organisation the text
// called a union.
func TestOrganizationByWhatItIs(t *testing.T) {
	ix := NewIndex(loadText(t,
		"Election Workers United, a union that represents county workers, said members saw the faults.",
		"“Nobody asked them what they saw,” the union said. Halcyon Ballot Technologies recalled the devices.",
	))
	if ans := ix.Search("what did the union say about the recall"); ans.Actor == nil || ans.Actor.Name != "Election Workers United" {
		t.Errorf("what did the union say: actor %v", ans.Actor)
	}
}

// TestQuotesFromABodyBySpokespeople: "quotes from" an organisation that spoke only through
// people whose posts name it lists their words before who it is; a former post and
// another body's post are not its voice.
func TestQuotesFromABodyBySpokespeople(t *testing.T) {
	ix := NewIndex(loadText(t,
		"Quillfeather Election Services ran the results website. A spokeswoman for Quillfeather, Hazel Montrose, said in an email that the company \"takes its obligations seriously.\"",
		"\"We have cooperated fully with the review,\" Montrose wrote.",
		"Orrin Vashti, a former Quillfeather engineer, said the logs were \"never checked by anyone.\"",
	))
	rs := ix.Search("quotes from quillfeather election services").Results
	var got []string
	for _, r := range rs {
		if r.Kind == QuoteResult {
			got = append(got, r.Speakers[0].Name+": "+r.Text)
		}
	}
	want := []string{"Hazel Montrose: We have cooperated fully with the review", "Hazel Montrose: takes its obligations seriously."} // whole words before partial ones
	if !slices.Equal(got, want) || len(rs) == 0 || rs[0].Kind != QuoteResult {
		t.Errorf("quotes from quillfeather: %q (first %v); want %q first", got, rs, want)
	}
}

// TestWhoSaidTheWordsInOrder: the quotation that holds a who-query's words as typed, in
// order, comes before one that holds its few indexed words more often.
func TestWhoSaidTheWordsInOrder(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Translations\n\n" +
		"“They told us the machines were right, and doing it right matters, right?” said Brent Calloway.\n\n" +
		"Asked about the call for more translations, Graham Whitfield said: “He's right, and we're doing it. We would rather over-communicate.”\n")}})
	rs := ix.Search("who said he's right and we're doing it").Results
	if len(rs) == 0 || len(rs[0].Speakers) == 0 || rs[0].Speakers[0].Name != "Graham Whitfield" {
		t.Errorf("first result %+v; want Graham Whitfield's words", rs)
	}
}

// TestPostWordsCountOnce: between two holders of a post, the words of the post do not
// choose (one's article says "general" more); the rest of the query does.
func TestPostWordsCountOnce(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{
		"a.txt": {Data: []byte("Rolls\n\n“A letter is not a removal,” said Assistant Attorney General Rachel Dunmore, the state's lawyer. “Voters have until the second general election to respond, and every general notice says so.”\n")},
		"b.txt": {Data: []byte("Postal votes\n\nThe Attorney-General, Rachel Kerrigan, said the government would consider new penalties for misleading voters. “This is someone trying to trick people out of their vote,” Ms Kerrigan said.\n")},
	})
	if a := ix.Search("what did the attorney-general say about penalties for misleading voters").Actor; a == nil || a.Name != "Rachel Kerrigan" {
		t.Errorf("actor %v; want Rachel Kerrigan", a)
	}
}

// TestPostQueriesEndOnTheirNoun: a query is read as a post only when it ends on the post's
// noun or goes on with what it is of; "voter rolls" is a topic, though "voter" may be a
// post somewhere.
func TestPostQueriesEndOnTheirNoun(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Rolls\n\n“We purge nobody,” said Reuben Alcott, a voter registration clerk.\n\n“The voter rolls are clean,” said Secretary of State Ines Marwood.\n")}})
	if a := ix.Search("secretary of state").Actor; a == nil || a.Name != "Ines Marwood" {
		t.Errorf("secretary of state: %v; want Ines Marwood", a)
	}
	if ans := ix.Search("voter rolls"); ans.Intent != TopicIntent {
		t.Errorf("voter rolls: intent %v; want a topic", ans.Intent)
	}
}

// TestPostThatNamesABody: a post that names a body the corpus knows ("senate majority
// leader") is the post's holder, not the body; a topic that names one is still a topic.
func TestPostThatNamesABody(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Grants\n\n" +
		"Senate Majority Leader Wendell Ashby (R-Tenn.) has declined to bring the bills to the floor. The Senate approved $380 million in grants in 2018.\n\n" +
		"“States have money they have not spent,” Ashby said.\n")}})
	if a := ix.Search("senate majority leader").Actor; a == nil || a.Name != "Wendell Ashby" {
		t.Errorf("senate majority leader: %v; want Wendell Ashby", a)
	}
	if ans := ix.Search("senate grants"); ans.Actor != nil && ans.Actor.Name == "Wendell Ashby" {
		t.Errorf("senate grants: actor %v; want no post's holder", ans.Actor)
	}
}

// TestPostBeforeItsDeputy: "secretary of state" is the secretary, not the deputy
// secretary of state who speaks more on the topic; "deputy secretary of state" is the
// deputy.
func TestPostBeforeItsDeputy(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Audit\n\n" +
		"Secretary of State Linnea Korte announced the audit. “This audit is how we show our work,” Korte said.\n\n" +
		"Deputy Secretary of State for Elections Anita Flaherty directed the audit. “The audit found two differences, and the audit explained both,” Flaherty said. “Every audit should.”\n")}})
	for q, want := range map[string]string{"what did the secretary of state say about the audit": "Linnea Korte", "what did the deputy secretary of state say about the audit": "Anita Flaherty"} {
		if a := ix.Search(q).Actor; a == nil || a.Name != want {
			t.Errorf("%s: %v; want %s", q, a, want)
		}
	}
}

// TestPostOfABody: "chairman of the house administration committee" is the chairman, the
// post before "of", not a committee.
func TestPostOfABody(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Hearing\n\n" +
		"Members of the House Administration Committee pressed officials on Tuesday. “Deepfakes are not a future problem,” said Rep. Ronald Meers (R-Ind.), the committee's chairman.\n")}})
	if a := ix.Search("chairman of the house administration committee").Actor; a == nil || a.Name != "Ronald Meers" {
		t.Errorf("chairman of the house administration committee: %v; want Ronald Meers", a)
	}
}

// TestRankingMemberAsAPost: "the committee's ranking Republican, Rep. …," is a post, and
// "ranking republican on the rules committee" finds who holds it.
func TestRankingMemberAsAPost(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Hearing\n\n" +
		"The committee's ranking Republican, Rep. Rodney Nashe (R-Ill.), said he was worried. “I don't want anybody leaving this room thinking it's fixed,” Nashe said.\n\n" +
		"“It is fixed,” said Rep. Alma Quist (D-Ill.), the chairwoman.\n")}})
	for _, q := range []string{"the committee's ranking republican", "ranking republican on the rules committee"} {
		if a := ix.Search(q).Actor; a == nil || a.Name != "Rodney Nashe" {
			t.Errorf("%s: %v; want Rodney Nashe", q, a)
		}
	}
}

// TestBodyNamedInFull: an organisation typed in full with the small words of its name,
// perhaps after "the", is that organisation, and "quotes from" it lists its people's words.
func TestBodyNamedInFull(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Fund\n\n" +
		"The Association of Dakota Townships, which represents township governments, supports the bill. “A 10% match would keep some townships from applying,” said Erik Dahlberg, the association's policy director.\n")}})
	for _, q := range []string{"association of dakota townships", "the association of dakota townships", "quotes from the association of dakota townships"} {
		if a := ix.Search(q).Actor; a == nil || a.Name != "Association of Dakota Townships" {
			t.Errorf("%s: %v; want the Association of Dakota Townships", q, a)
		}
	}
	if rs := ix.Search("quotes from the association of dakota townships").Results; len(rs) == 0 || len(rs[0].Speakers) == 0 || rs[0].Speakers[0].Name != "Erik Dahlberg" {
		t.Errorf("quotes from the association of dakota townships: %v; want its policy director's words first", rs)
	}
}

// TestWhoseSpokesman: "Her spokesman, Tobias Reyna," after the governor is named is the
// governor's spokesman, found by that post; "the governor" is still the governor.
func TestWhoseSpokesman(t *testing.T) {
	c := loadFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Budget\n\n" +
		"Gov. Elaine Marchbank, a Democrat, included a smaller amount in her budget. Her spokesman, Tobias Reynaud, said the governor \"supports the goal of the bill\" and would work with lawmakers.\n\n" +
		"\"She ran on this,\" said Sen. Kwabena Baird-Okafor, who expected the governor to sign it.\n")}})
	var roles []string
	for _, a := range c.Actors {
		roles = append(roles, a.Name+": "+strings.Join(a.Roles, "; "))
	}
	sameLines(t, "roles", roles, []string{"Elaine Marchbank: Governor; Democrat", "Kwabena Baird-Okafor: Senator", "Tobias Reynaud: Governor's spokesman"})
	ix := NewIndex(c)
	if a := ix.Search("the governor's spokesman").Actor; a == nil || a.Name != "Tobias Reynaud" {
		t.Errorf("the governor's spokesman: %v; want Tobias Reynaud", a)
	}
}

// TestPostWithWhereItIs: a post asked with the place or body the holder's article is
// about ("maury county administrator of elections") finds the holder whose post says
// only "the county's administrator of elections".
func TestPostWithWhereItIs(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{
		"a.txt": {Data: []byte("---\ntitle: Maury County weighs a hand count\n---\n\nThe second count found the first had made 13 errors, according to Thorvald Jessup, the county's administrator of elections.\n\n\"The machines were right,\" Jessup said.\n")},
		"b.txt": {Data: []byte("---\ntitle: Harney County buys scanners\n---\n\n\"We tested every one,\" said Odile Brant, the county's administrator of elections.\n")},
	})
	for q, want := range map[string]string{"maury county administrator of elections": "Thorvald Jessup", "harney county administrator of elections": "Odile Brant"} {
		if a := ix.Search(q).Actor; a == nil || a.Name != want {
			t.Errorf("%s: %v; want %s", q, a, want)
		}
	}
}

// TestPostInACase: "defense attorney in the penkett trial" is the defense attorney, not
// the man on trial whom the words after the post name.
func TestPostInACase(t *testing.T) {
	ix := indexFiles(t, fstest.MapFS{"a.txt": {Data: []byte("Trial\n\nWulfric Penkett, a former vendor technician, is charged with tampering. \"I never touched it,\" Penkett told reporters.\n\n\"You can't tell them whether that's true, can you?\" asked defense attorney Perdita Ibbs.\n")}})
	if a := ix.Search("defense attorney in the penkett trial").Actor; a == nil || a.Name != "Perdita Ibbs" {
		t.Errorf("actor %v; want Perdita Ibbs", a)
	}
}
