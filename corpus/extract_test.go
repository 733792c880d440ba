package corpus

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// loadText loads one article whose body is the given paragraphs.
func loadText(tb testing.TB, paras ...string) *Corpus {
	tb.Helper()
	return loadFiles(tb, fstest.MapFS{"doc.txt": {Data: []byte(strings.Join(paras, "\n\n"))}})
}

// loadFiles loads the files, failing the test if the corpus cannot be read.
func loadFiles(tb testing.TB, fsys fstest.MapFS) *Corpus {
	tb.Helper()
	c, err := Load(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// attributionLines describes each reported speech of c in a line: its first speaker's
// name, the verb, sep and the clause.
func attributionLines(c *Corpus, sep string) []string {
	var out []string
	for _, a := range c.Attributions {
		out = append(out, c.Actor(a.Speakers[0]).Name+" "+a.Verb+sep+a.Clause())
	}
	return out
}

// actorLines describes each actor of c in a line.
func actorLines(c *Corpus, line func(a *Actor) string) []string {
	var out []string
	for _, a := range c.Actors {
		out = append(out, line(a))
	}
	return out
}

// sameLines reports got unless it is want, line for line.
// sameQuotes reports when c's quotations, each as quoteSummary gives it, are not want.
func sameQuotes(t *testing.T, c *Corpus, want ...string) {
	t.Helper()
	sameLines(t, "quotes", quoteSummary(c), want)
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s\n%q\nwant\n%q", what, got, want)
	}
}

// loadMany loads one article for each list of paragraphs.
func loadMany(tb testing.TB, docs ...[]string) *Corpus {
	tb.Helper()
	fsys := fstest.MapFS{}
	for i, paras := range docs {
		fsys[fmt.Sprintf("doc%d.txt", i)] = &fstest.MapFile{Data: []byte(strings.Join(paras, "\n\n"))}
	}
	c, err := Load(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// quoteSummary is "text prefix => speaker names" for each quotation.
func quoteSummary(c *Corpus) []string {
	var out []string
	for _, q := range c.Quotes {
		var names []string
		for _, id := range q.Speakers {
			names = append(names, c.Actor(id).Name)
		}
		words := strings.Fields(q.Text())
		out = append(out, fmt.Sprintf("%s => %s", strings.Join(words[:min(4, len(words))], " "), strings.Join(names, ", ")))
	}
	return out
}

func TestQuoteAttribution(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []string
	}{
		{
			name: "a quotation with no verb of its own, right after a sentence of reported speech, is its speaker's; one an unnamed official said is nobody's",
			paras: []string{
				"Tom Pike, a voter in Fulton County, said he was worried. “How do I know my vote counted?”",
				"The administration said it would review the request. “We take election security very seriously,” a senior official said.",
			},
			want: []string{"How do I know => Tom Pike", "We take election security => "},
		},
		{
			name: "British quotation marks typed plainly: a ' before a word opens, after one closes; apostrophes and plural possessives stay words",
			paras: []string{
				"'We are seeing more attempts than ever before,' said Vijay Rangarajan, the commission's chief executive. 'Voters' details are safe, but don't share them.'",
				"The Home Office said it was 'working closely' with the security services.",
			},
			want: []string{"We are seeing more => Vijay Rangarajan", "Voters' details are safe, => Vijay Rangarajan", "working closely => Home Office"},
		},
		{
			name: "a transcript's labels in capitals give the speaker of the words after them; labels that name no one give nobody",
			paras: []string{
				"The exchange took place at Tuesday's hearing.",
				"REP. BENNIE THOMPSON: Are our election systems safe from foreign hackers?",
				"CHRIS KREBS: We have made significant progress, but the threat remains.",
				"THOMPSON: What do states need most?",
				"KREBS: Resources. Many counties have one IT person, if that.",
				"UPDATE: The hearing ended at noon. Q: Was anyone else there? BREAKING NEWS: none.",
				"Q: Who else testified?",
			},
			want: []string{"Are our election systems => Bennie Thompson", "We have made significant => Chris Krebs",
				"What do states need => Bennie Thompson", "Resources. Many counties have => Chris Krebs"},
		},
		{
			name:  "a verb-shaped noun between the verb and a fragment: the verb before it speaks",
			paras: []string{"Sen. Mark Warner said states “need to be told” whether they were targeted."},
			want:  []string{"need to be told => Mark Warner"},
		},
		{
			name:  "said after the name, title peeled",
			paras: []string{"“We will count every ballot,” said Gov. Maria Lopez."},
			want:  []string{"We will count every => Maria Lopez"},
		},
		{
			name:  "name then verb, continuation after the attribution",
			paras: []string{"“The machines are old,” Sen. Tom Hale (R-Utah) said. “We need money to replace them.”"},
			want:  []string{"The machines are old => Tom Hale", "We need money to => Tom Hale"},
		},
		{
			name: "she is the woman, not the man named last",
			paras: []string{
				"Secretary of State Maria Lopez disputed the figures that Sen. Tom Hale released on Monday.",
				"“The numbers are simply wrong,” she said.",
			},
			want: []string{"The numbers are simply => Maria Lopez"},
		},
		{
			name: "he is the man, not the woman who spoke last",
			paras: []string{
				"“We audited every county,” said Ms. Dana Cole, the elections director.",
				"Rep. Ian Weiss (D-Ore.) was not persuaded by the county reports.",
				"“An audit of paper is not an audit of the code,” he said.",
			},
			want: []string{"We audited every county => Dana Cole", "An audit of paper => Ian Weiss"},
		},
		{
			name: "a title or role says which",
			paras: []string{
				"Jordan Pike, a spokeswoman for the board, answered questions from Casey Vance, a spokesman for the mayor.",
				"“The board has nothing to hide,” she said.",
			},
			want: []string{"The board has nothing => Jordan Pike"},
		},
		{
			name: "no one of the pronoun's gender: no speaker rather than the wrong one",
			paras: []string{
				"Sen. Tom Hale released the figures on Monday.",
				"“The numbers are simply wrong,” she said.",
			},
			want: []string{"The numbers are simply => "},
		},
		{
			name: "an unfamiliar given name joins the surname that speaks",
			paras: []string{
				"When Tessa Moreno talks about drop boxes, she talks about trust.",
				"“A drop box is a promise,” says Moreno, a senior adviser at the Civic Trust Fund.",
			},
			want: []string{"A drop box is => Tessa Moreno"},
		},
		{
			name: "the association said: the organisation named before",
			paras: []string{
				"The National Association of Counties opposed the bill.",
				"“Counties cannot absorb another unfunded mandate,” the association said in a statement.",
			},
			want: []string{"Counties cannot absorb another => National Association of Counties"},
		},
		{
			name: "a plural title heads every name of its list",
			paras: []string{
				"Sens. Anne Kessler, D-Minn., and Mark Delaney, D-Va., sent a letter to the vendors.",
				"“Americans deserve to know whether their votes are secure,” the senators wrote.",
			},
			want: []string{"Americans deserve to know => Anne Kessler, Mark Delaney"},
		},
		{
			name: "a county is a place, and a name keeps its particles",
			paras: []string{
				"Jan de la Cruz, who runs elections in Brazos County, Texas, said the letter missed the point.",
				"“The machines are not the problem,” de la Cruz said.",
			},
			want: []string{"The machines are not => Jan de la Cruz"},
		},
		{
			name: "said, then a role set before the name by a comma",
			paras: []string{
				"Activists rallied outside the Capitol. “We want a forensic audit,” said the group’s founder, Diane Holbrook.",
				"“Nothing was hidden,” said Roe’s spokesman, Carl Wiggins.",
			},
			want: []string{"We want a forensic => Diane Holbrook", "Nothing was hidden => Carl Wiggins"},
		},
		{
			name: "a verb that reports only after a quotation; a pull quote signed with a dash",
			paras: []string{
				"“Our equipment is 15 years old,” noted Sylvia Trent, the elections director in Pima County.",
				"“Funding is security.” — Sylvia Trent, Pima County elections director",
			},
			want: []string{"Our equipment is 15 => Sylvia Trent", "Funding is security. => Sylvia Trent"},
		},
		{
			name:  "an institution's name before a person's title belongs to the title",
			paras: []string{"Senate Intelligence Committee Chairman Mark Wexler (D-Va.) called the findings “deeply concerning” and said he would ask for a briefing."},
			want:  []string{"deeply concerning => Mark Wexler"},
		},
		{
			name: "they: the people of the list that made the statement, not a group named before",
			paras: []string{
				"Senate Republicans on Wednesday blocked the amendment.",
				"Democratic Sens. Amy Kloster (Minn.), Mark Werner (Va.) and Ron Wyland (Ore.) released a joint statement condemning the vote. “Today’s vote sends a dangerous message,” they said.",
			},
			want: []string{"Today’s vote sends a => Amy Kloster, Mark Werner, Ron Wyland"},
		},
		{
			name:  "a spokeswoman named between commas, an adverb before the verb",
			paras: []string{"A company spokeswoman, Katina Grange, later said in an email that the company “stands by” the testimony of its president."},
			want:  []string{"stands by => Katina Grange"},
		},
		{
			name: "British single quotation marks",
			paras: []string{
				"‘We will not let anyone interfere with the count,’ said Maria Lopez, the electoral commissioner.",
				"Ian Weiss, a councillor, said the voters’ rolls were out of date. ‘It’s a question of money,’ he added.",
			},
			want: []string{"We will not let => Maria Lopez", "It’s a question of => Ian Weiss"},
		},
		{
			name: "an apostrophe is no quotation mark where double marks are the quotation marks",
			paras: []string{
				"“The count’s done,” said Maria Lopez, whose office checked the voters’ rolls and the ‘special’ ballots.",
			},
			want: []string{"The count’s done => Maria Lopez"},
		},
		{
			name:  "colon introduction in the same paragraph",
			paras: []string{"Rep. Ann Oduya said: “Counting must happen in public view.”"},
			want:  []string{"Counting must happen in => Ann Oduya"},
		},
		{
			name:  "apposition and an outlet",
			paras: []string{"“The count was fair and complete,” Dana Cole, the county’s chief election officer, told Newsline."},
			want:  []string{"The count was fair => Dana Cole"},
		},
		{
			name:  "pronoun goes to the last person who spoke",
			paras: []string{"“The audit is done,” said Dana Cole.", "Cole met with Rep. Ann Oduya later. “Nothing changed in the totals,” she added."},
			want:  []string{"The audit is done => Dana Cole", "Nothing changed in the => Dana Cole"},
		},
		{
			name:  "responded: with the quotation in the next paragraph",
			paras: []string{"Asked by Rep. Ann Oduya whether the audit was complete, Dana Cole responded:", "“The audit is complete. We found nothing.”"},
			want:  []string{"The audit is complete. => Dana Cole"},
		},
		{
			name:  "a quotation running on into the next paragraph",
			paras: []string{"“We opened every box,” said Jane Doe. “We counted every ballot twice", "“And we found the same total both times.”"},
			want:  []string{"We opened every box => Jane Doe", "We counted every ballot => Jane Doe", "And we found the => Jane Doe"},
		},
		{
			name:  "fragment in reported speech, and a group",
			paras: []string{"Senate Republicans warned that “nothing short of a rewrite” would satisfy them."},
			want:  []string{"nothing short of a => Senate Republicans"},
		},
		{
			name:  "they wrote, then the letter said",
			paras: []string{"Secretaries of state from nine states urged Congress on Monday to act.", "“We need help before November,” they wrote in a letter. “Time is short.”", "“Every county is exposed,” the letter said."},
			want:  []string{"We need help before => Secretaries of state", "Time is short. => Secretaries of state", "Every county is exposed => Secretaries of state"},
		},
		{
			name:  "several speakers joined by and",
			paras: []string{"“We object to the delay,” Sen. Ann Lee (D-Ore.) and Sen. Bo Park (D-Wash.) wrote."},
			want:  []string{"We object to the => Ann Lee, Bo Park"},
		},
		{
			name:  "inverted list with commas and a final and",
			paras: []string{"“Act now,” said Sen. Ann Lee (D-Ore.), Sen. Bo Park (D-Wash.) and Rep. Carl Diaz (D-N.M.)."},
			want:  []string{"Act now => Ann Lee, Bo Park, Carl Diaz"},
		},
		{
			name:  "a nested quotation belongs to the outer one",
			paras: []string{"“He told me ‘stop the count’ on the phone,” said Dana Cole."},
			want:  []string{"He told me ‘stop => Dana Cole"},
		},
		{
			name:  "a name inside the quotation is not its speaker",
			paras: []string{"“Hale is wrong about the machines,” said Maria Lopez."},
			want:  []string{"Hale is wrong about => Maria Lopez"},
		},
		{
			name:  "a title in quotation marks is nobody's words",
			paras: []string{"The bill, known as the “Secure Ballots Act,” passed the House on Friday."},
			want:  nil,
		},
		{
			name:  "participle: saying",
			paras: []string{"Gov. Maria Lopez later clarified her remarks, saying, “I trust the auditors completely.”"},
			want:  []string{"I trust the auditors => Maria Lopez"},
		},
		{
			name:  "a new speaker between quotations breaks the continuation; a short sentence about them introduces their words",
			paras: []string{"“The count is final,” said Maria Lopez. Tom Hale disagreed. “It is not final at all.”"},
			want:  []string{"The count is final => Maria Lopez", "It is not final => Tom Hale"},
		},
		{
			name:  "straight quotation marks",
			paras: []string{`"We are ready for the audit," said Gov. Maria Lopez.`},
			want:  []string{"We are ready for => Maria Lopez"},
		},
		{
			name:  "a spokeswoman's name set off by commas is the speaker, not her principal",
			paras: []string{"A spokeswoman for Gov. Maria Lopez (D-N.M.), Jo Park, said the governor “has always backed the audit.”"},
			want:  []string{"has always backed the => Jo Park"},
		},
		{
			name:  "an unnamed spokesman speaks for no one the article names",
			paras: []string{"“The governor has always backed the audit,” a spokesman for Gov. Maria Lopez said."},
			want:  []string{"The governor has always => "},
		},
		{
			name:  "a name this reader does not know by shape, and its bare surname later",
			paras: []string{"“We need more money,” said José Álvarez, the county’s elections director.", "Álvarez added that the county had replaced its scanners."},
			want:  []string{"We need more money => José Álvarez"},
		},
		{
			name:  "a lower-case modifier before the title",
			paras: []string{`"We simply want transparency," said state Rep. Barry Flint, a Republican from Dayton.`},
			want:  []string{"We simply want transparency => Barry Flint"},
		},
		{
			name:  "attribution in the middle of a quotation",
			paras: []string{"“The results are certified,” he said, “and they will stand.”"},
			want:  []string{"The results are certified => "}, // a quotation, though "he" has no antecedent: nobody is guessed
		},
		{
			name:  "an agency's initials before a title; party tags set off by commas; the senators named before",
			paras: []string{"Sen. Amy Whitby, D-Minn., and Sen. Tom Reyes, R-Texas, sent a letter to FBI Director Carl Wren.", "“The public deserves to know who is behind this,” the senators wrote.", "“We will not tolerate interference,” Wren told the committee."},
			want:  []string{"The public deserves to => Amy Whitby, Tom Reyes", "We will not tolerate => Carl Wren"},
		},
		{
			name:  "a company speaks, then the company; a colon introduces the next quotation",
			paras: []string{"Valley Ballot Systems said in a statement that its machines “were not compromised.”", "“These claims have been disproven,” the company said.", "Dana Cole said the audits “found nothing.” She added: “The paper trail speaks for itself.”"},
			want:  []string{"were not compromised. => Valley Ballot Systems", "These claims have been => Valley Ballot Systems", "found nothing. => Dana Cole", "The paper trail speaks => Dana Cole"},
		},
		{
			name:  "a colon after any clause; a role before a known given name; 'the group' is the group that spoke",
			paras: []string{"County Recorder Stephen Rich put it bluntly: “We will be lied about.”", "The National Association of State Clerks urged Congress to act. In a letter, the group warned that “voters must know where to look.”"},
			want:  []string{"We will be lied => Stephen Rich", "voters must know where => National Association of State Clerks"},
		},
		{
			name:  "'according to' a person named before; a report's author speaks",
			paras: []string{"Tina Barr and Mark Shaw run elections in small counties.", "“The problem is money,” Shaw said.", "According to Barr, the biggest change has been the threats. “People show up at my house,” she said.", "“Clerks are leaving in record numbers,” said a report from the Center for Fair Counts."},
			want:  []string{"The problem is money => Mark Shaw", "People show up at => Tina Barr", "Clerks are leaving in => Center for Fair Counts"},
		},
		{
			name:  "a person of a county",
			paras: []string{"County Clerk Karen Yarrow of Cook County praised the grants. “Our voters deserve better,” Yarrow said."},
			want:  []string{"Our voters deserve better => Karen Yarrow"},
		},
		{
			name:  "'the senator said' goes to the senator named before, not to another person",
			paras: []string{"Sen. Ann Lee (D-Ore.) met Gov. Maria Lopez on Monday.", "“We agreed on nothing,” the senator said. “Not one thing,” the governor added."},
			want:  []string{"We agreed on nothing => Ann Lee", "Not one thing => Maria Lopez"},
		},
		{
			name:  "according to, after and before the quotation",
			paras: []string{"“The error rate was tiny,” according to Linda Parks, who led the review.", "According to Robert Dias, “every envelope was checked.”"},
			want:  []string{"The error rate was => Linda Parks", "every envelope was checked. => Robert Dias"},
		},
		{
			name:  "a possessive after the verb is not the speaker",
			paras: []string{"“The governor stands by the audit,” said Gov. Maria Lopez’s spokesman."},
			want:  []string{"The governor stands by => "},
		},
		{
			name:  "a bare surname two people share goes to the one it named first, unless the other was just named",
			paras: []string{"Candidate Mark Harrow called for a new vote.", "“A new election is warranted,” Harrow said.", "His son, John Harrow, testified too. “I did not trust him,” the younger Harrow said.", "Nothing else was said.", "Nothing at all.", "“We move on,” Harrow said."},
			want:  []string{"A new election is => Mark Harrow", "I did not trust => John Harrow", "We move on => Mark Harrow"},
		},
		{
			name:  "a given name that is also a common word",
			paras: []string{"Bill Gates, the chairman of the county board, apologized. “This is not acceptable,” Gates said."},
			want:  []string{"This is not acceptable => Bill Gates"},
		},
		{
			name:  "called something in one's own words",
			paras: []string{"Gov. Maria Lopez called the delays “a disgrace to the state” on Monday."},
			want:  []string{"a disgrace to the => Maria Lopez"},
		},
		{
			name:  "a party tag set off by commas before an auxiliary",
			paras: []string{"Sen. Mitch Conley, R-Ky., has said he opposes federal mandates."},
			want:  nil,
		},
		{
			name:  "a capitalised word opening a sentence is no antecedent",
			paras: []string{"Civil rights groups cheered. “This is a victory,” said Beth Stone. She said the state “should have known better.”"},
			want:  []string{"This is a victory => Beth Stone", "should have known better. => Beth Stone"},
		},
		{
			name:  "a reduced clause between speaker and verb; a participle after 'said'",
			paras: []string{"“We did what we train for,” said Judd Chase, noting that results were posted by morning.", "Chase, asked whether the county would seek help, said only that “every option is on the table.”"},
			want:  []string{"We did what we => Judd Chase", "every option is on => Judd Chase"},
		},
		{
			name:  "'the secretaries said' after secretaries of state spoke",
			paras: []string{"Secretaries of state from three states issued a warning on Monday.", "“Voters should hang up and verify,” the secretaries said in their statement."},
			want:  []string{"Voters should hang up => Secretaries of state"},
		},
		{
			name:  "a name known only by its surname is the antecedent when it is the subject",
			paras: []string{"“We are taking every step,” said press secretary Sarah Sands.", "Volkov has repeatedly denied the claims. “We never did that,” he told reporters in June."},
			want:  []string{"We are taking every => Sarah Sands", "We never did that => Volkov"},
		},
		{
			name:  "labels and nicknames in quotation marks are nobody's words; an organisation named between commas speaks",
			paras: []string{"Gov. Doug Dwyer said the so-called “forensic audit” was the Senate's business. The Senate's contractor, Ninja Labs, has said its work will be “thorough and transparent.”", "Michael “Mike” Lodge, a poll watcher, said he saw no problems.", "The report, titled “Audit of the Count,” is due next month."},
			want:  []string{"thorough and transparent. => Ninja Labs"}, // the contractor named between commas, not the governor, said it
		},
		{
			name:  "a sentence after a quotation that ends in a full stop is not its attribution",
			paras: []string{"Democrats called the rule “cruel.” Gov. Brian Kemp said it was meant to stop electioneering."},
			want:  []string{"cruel. => Democrats"},
		},
		{
			name:  "a short attribution after a full stop",
			paras: []string{"“We are ready.” Dana Cole said in an interview.", "“The count is done.” Cole told reporters Monday."},
			want:  []string{"We are ready. => Dana Cole", "The count is done. => Dana Cole"},
		},
		{
			name:  "a title ending 'of the' takes its object",
			paras: []string{"“We are asking for patience,” Acting Secretary of the Commonwealth Leigh Chapin told reporters."},
			want:  []string{"We are asking for => Leigh Chapin"},
		},
		{
			name:  "a city before a title; an alderman",
			paras: []string{"Madison Mayor Satya Rhodes-Conway said in a statement that the clerk had “lost the confidence” of the city.", "“We owe voters an apology,” said Ald. Yannette Cole."},
			want:  []string{"lost the confidence => Satya Rhodes-Conway", "We owe voters an => Yannette Cole"},
		},
		{
			name:  "a descriptive noun between an inverted verb and the name",
			paras: []string{"“I have no confidence in these numbers,” said resident Karen Miles."},
			want:  []string{"I have no confidence => Karen Miles"},
		},
		{
			name:  "an unfamiliar name with a role in apposition is a person",
			paras: []string{"Jena Grisham, Colorado's secretary of state, met the sheriff on Monday.", "“It is not acceptable,” Grisham said."},
			want:  []string{"It is not acceptable => Jena Grisham"},
		},
		{
			name:  "a magazine in apposition is not a person",
			paras: []string{"Mother Jane, a progressive magazine, reported the story. “It is true,” said Ann Lee."},
			want:  []string{"It is true => Ann Lee"},
		},
		{
			name: "an office named by its post speaks; a person's office is not that person",
			paras: []string{"“We stand by every ballot counted,” the county clerk's office said in a statement.",
				"The Harlan County Recorder’s Office said the count “will be finished by Friday.”",
				"“No ballots were lost,” the Dorset County elections office said.",
				"Sen. Ann Roe toured the site. “She was never briefed on the breach,” Roe's office said."},
			want: []string{"We stand by every => County Clerk's Office", "will be finished by => Harlan County Recorder's Office",
				"No ballots were lost => Dorset County Elections Office", "She was never briefed => "},
		},
		{
			name:  "a short quotation a reporting verb follows is someone's words, a short one in a sentence is not",
			paras: []string{"“Absolutely not,” the county said.", "He called the audit “a sham,” and left."},
			want:  []string{"Absolutely not => "},
		},
		{
			name: "the statement an office released speaks for it; a post on a platform named X is its author's",
			paras: []string{"The error changed no outcome, the county clerk's office said in a statement released late Wednesday.",
				"“The duplicate ballots were found by the audit,” the statement said.",
				"Sen. Tom Pike toured the site. “I'm proud of our staff,” Ann Roe wrote on X. Pike posted on Threads: “Not over yet.”",
				"“Every voter deserves answers tonight,” Pike posted on Facebook."},
			want: []string{"The duplicate ballots were => County Clerk's Office", "I'm proud of our => Ann Roe", "Not over yet. => Tom Pike",
				"Every voter deserves answers => Tom Pike"},
		},
		{
			name: "the company, the Alliance: the organisation named before that the noun names, however far back",
			paras: []string{"Castellan Voting Systems released a patch on Tuesday.", "The Heartland Election Officials Alliance welcomed it.",
				"Researchers said the flaw was serious.", "“We moved quickly,” the company said.", "“Congress must do its part,” the Alliance said."},
			want: []string{"We moved quickly => Castellan Voting Systems", "Congress must do its => Heartland Election Officials Alliance"},
		},
		{
			name: "an institution's spokesperson speaks for it; a role names its holder however far back",
			paras: []string{"Kingsmere Borough Council said it had blocked an attack.", "“No data was accessed,” a council spokesperson said.",
				"Ann Roe, a law professor, studies audits.", "Turnout rose.", "Counties spent more.", "“Audits work,” the professor said."},
			want: []string{"No data was accessed => Kingsmere Borough Council", "Audits work => Ann Roe"},
		},
		{
			name: "a quotation left open runs on to the paragraph that names its speaker",
			paras: []string{"Four lawmakers wrote to the company.", "“We ask that you provide a complete timeline of the exposure.",
				"“Voters did not agree to have that information posted,” the lawmakers wrote."},
			want: []string{"We ask that you => Lawmakers", "Voters did not agree => Lawmakers"},
		},
		{
			name: "a group placed on an institution speaks, not the institution",
			paras: []string{"“Protecting voter data is a bipartisan obligation,” Republicans on the committee said in a joint statement.",
				"The U.S. Election Agency “has no information of an attack,” a spokeswoman for the agency said."},
			want: []string{"Protecting voter data is => Republicans", "has no information of => U.S. Election Agency"},
		},
		{
			name: "according to a statement from someone, or from their office",
			paras: []string{"Dunmore Paper Co. collects the bins. “We regret the confusion,” according to a statement from the company.",
				"Secretary of State Imogen Fairweather weighed in. “The video is false,” according to a statement from Fairweather’s office."},
			want: []string{"We regret the confusion => Dunmore Paper Co.", "The video is false => Imogen Fairweather"},
		},
		{
			name:  "a group the text names with no one before it is a group of its own",
			paras: []string{"The county's audit office reviewed 150 ballots.", "“Documentation was missing for most calls,” the auditors wrote."},
			want:  []string{"Documentation was missing for => Auditors"},
		},
		{
			name: "a paragraph of someone's words alone after a short sentence about them; not after a longer one",
			paras: []string{"Caroline Ferreira, the plaintiffs' lawyer, read the audit.", "Ferreira was blunt.", "“This is not a story about fraud.”",
				"Ferreira and the county met on Tuesday to discuss the audit's findings at length.", "“The county must call voters.”"},
			want: []string{"This is not a => Caroline Ferreira", "The county must call => "},
		},
		{
			name: "a subject set off after its role; a relative clause and \"used to\" between a speaker and a verb",
			paras: []string{"The committee’s ranking Democrat, Sen. Marcus Oduya of Racine, voted against the bill and called it “a solution in search of a problem.”",
				"My first boss, Harriet Lindgren, who ran elections in Pell County for 30 years, used to say, “If you can't audit it, you can't trust it.”"},
			want: []string{"a solution in search => Marcus Oduya", "If you can't audit => Harriet Lindgren"},
		},
		{
			name: "\"she\" is the woman the text calls so, not the man who asked",
			paras: []string{"Host Dominic Szabo interviewed Rosalind Achterberg.", "Szabo asked Achterberg whether voters should trust the county. “That's fair,” she replied.",
				"Casey Vane, a Democrat in her second term, spoke next. Jordan Moro asked Vane about costs. “We will pay,” she said."},
			want: []string{"That's fair => Rosalind Achterberg", "We will pay => Casey Vane"},
		},
		{
			name: "a sentence after the quotation names its speaker; a role before the name the title opens",
			paras: []string{"“We made mistakes. We are fixing them.” That was the assessment of Alder County Recorder Ingrid Solberg, who spoke Tuesday.",
				"> “Most election offices in this country are small.”", "That was Agency Director Ruth Amsel, in a statement."},
			want: []string{"We made mistakes. We => Ingrid Solberg", "Most election offices in => Ruth Amsel"},
		},
		{
			name:  "\"the committee chair\" is no committee",
			paras: []string{"The committee chair, Sen. Lorraine Pietrowski, did not speak during the vote but released a statement saying the bill would receive “a full and fair debate” on the floor."},
			want:  []string{"a full and fair => Lorraine Pietrowski"},
		},
		{
			name: "a role before the name: after \"of\", after \"our\"",
			paras: []string{"Our elections manager, Otis Brennaman, put it bluntly. “I could not promise you what was on it,” he said.",
				"The chairwoman of the Calloway County Democratic Party, Imani Castleberry, said in an interview that passwords were reset. “An attack on one party is an attack on all of us,” she said."},
			want: []string{"I could not promise => Otis Brennaman", "An attack on one => Imani Castleberry"},
		},
		{
			name: "a role named before the person who holds it",
			paras: []string{"“We have clerks who check under their cars,” the state's top election official told reporters.",
				"Secretary of State Cordelia Vanterpool said the task force would meet monthly.",
				"“Most of these people have never been in trouble,” the commissioner said.", "Commissioner Dorian Kessling said the hotline would open in May."},
			want: []string{"We have clerks who => Cordelia Vanterpool", "Most of these people => Dorian Kessling"},
		},
		{
			name: "\"the group\" is the institution this paragraph opens with, before the one that spoke last; an interjection",
			paras: []string{"The attorney general's office said it would appeal.",
				"The League of Rural Voters said in a statement that it would send volunteers. “Nine thousand people are back on the rolls,” the group said.",
				"“We did not pay,” Dwight Lamoreaux said. “We'd ask everyone not to speculate,” Lt. Camila Ostrander interjected."},
			want: []string{"Nine thousand people are => League of Rural Voters", "We did not pay => Dwight Lamoreaux", "We'd ask everyone not => Camila Ostrander"},
		},
		{
			name: "\"the former official\" is the person just named with a post; \"a federal judge\" the one named next",
			paras: []string{"Ruthanne Sobczak served as Merrow County clerk for nine years.", "“A hotline is nice,” the former official said.",
				"A federal judge on Friday halted the purge, ruling that it relied on “stale, mismatched and unverified data.”",
				"U.S. District Judge Cornelius Ravenscroft wrote that the state had moved too fast."},
			want: []string{"A hotline is nice => Ruthanne Sobczak", "stale, mismatched and unverified => Cornelius Ravenscroft"},
		},
		{
			name: "a spokeswoman the office's name opens; a relative clause holding a reporting verb",
			paras: []string{"Foreign Office spokeswoman Henrike Maaß declined to name the country but said the ministry had “summoned a senior diplomat” for talks.",
				"Solicitor General Boyd Kettering, who argued for the state, told the judge in May that “no system is perfect.”"},
			want: []string{"summoned a senior diplomat => Henrike Maaß", "no system is perfect. => Boyd Kettering"},
		},
		{
			name:  "a dateline opens the sentence whose subject a participle shares",
			paras: []string{"PORT HALLORAN, June 5, 2026 — A federal judge on Friday halted the purge, ruling that it relied on “stale, mismatched and unverified data.”", "U.S. District Judge Cornelius Ravenscroft granted an injunction."},
			want:  []string{"stale, mismatched and unverified => Cornelius Ravenscroft"},
		},
		{
			name: "a roundup of reactions: a name, a colon, the words",
			paras: []string{"Here is what officials said:", "**Gov. Corwin Haldane (R-Mont.):** “Our voter rolls were never breached.”",
				"**Intermountain Clerks Council:** “The preparation works.”"},
			want: []string{"Our voter rolls were => Corwin Haldane", "The preparation works. => Intermountain Clerks Council"},
		},
		{
			name: "a post held, an auditor's office, a company filing, what an apposition calls an organisation",
			paras: []string{"Agatha Kinsella met voters. Kinsella, 63, has been Harrow County's elections director since 1995.", "“It's about paper,” the director said.",
				"The office of State Auditor Cosima Thorne, in a report released June 2, wrote: “The division could not produce access logs.”",
				"Halcyon Ballot Technologies recalled the devices. The problem “was identified through customer reports,” per a company filing.",
				"Election Workers United, a union that represents county workers, said members saw it.", "“Nobody asked them,” the union said in a statement."},
			want: []string{"It's about paper => Agatha Kinsella", "The division could not => Cosima Thorne", "was identified through customer => Halcyon Ballot Technologies",
				"Nobody asked them => Election Workers United"},
		},
		{
			name: "a document that reads, and who signed it",
			paras: []string{"Commissioner Lyle Oakes spoke on Monday.", "An order issued by Oakes's office and signed by Oakes reads: “No county shall deploy the device after August 1.”",
				"An internal email reads: “We need to get our story straight before the counties hear about this.”"},
			want: []string{"No county shall deploy => Lyle Oakes", "We need to get => "},
		},
		{
			name:  "the lawyers for a party to a case are a group of their own",
			paras: []string{"In a brief filed last month, lawyers for the state wrote that the program had “removed tens of thousands of duplicate records.”"},
			want:  []string{"removed tens of thousands => Lawyers for the state"},
		},
		{
			name: "\"he\" or \"she\" is a full name no list knows that opens the sentence or the paragraph before; a role of title words",
			paras: []string{"Officials met on Monday.", "Manjunath Gowda, a booth officer, said he had visited the houses. “Every person I have met is alive,” he said.",
				"Zubeda Begum, 62, learnt from a neighbour that a request had been filed in her name.", "“I have voted in every election since my marriage,” she said.",
				"The Opposition leader, Angus Treloar, moved a motion.", "“The Premier knew about this in January,” the Opposition leader said."},
			want: []string{"Every person I have => Manjunath Gowda", "I have voted in => Zubeda Begum", "The Premier knew about => Angus Treloar"},
		},
		{
			name: "a convener named after the verb; a sentence cut off; a paragraph naming no one before the words",
			paras: []string{"“Today it is 6,000 forms,” said the Manch's convener, Dr. Lalitha Ramaswamy.",
				"“Name one who voted,” Sen. Ada Sorensby interrupted. “I'm not saying they voted—” Rep. Bo Strandquist began.",
				"Erik Ostergaard, 58, runs the lab.", "His father repaired lever voting machines in the 1970s.", "“We once spent three days looking for 212 votes,” he said."},
			want: []string{"Today it is 6,000 => Lalitha Ramaswamy", "Name one who voted => Ada Sorensby", "I'm not saying they => Bo Strandquist",
				"We once spent three => Erik Ostergaard"},
		},
		{
			name: "past a paragraph that names no one, \"he\" is nobody when the last named is a name this reader only guessed at",
			paras: []string{"“I'm not saying they voted—” Rep. Bo Strandquist began.", "Nils Ostergaard runs the lab.",
				"His father repaired lever voting machines in the 1970s.", "“We once spent three days looking for 212 votes,” he said."},
			want: []string{"I'm not saying they => Bo Strandquist", "We once spent three => "},
		},
		{
			name: "a short quotation with its own verb; a retort",
			paras: []string{"Sen. Clay Brantley asked about the grant, and Sen. Ana Villalobos about the modems.", "“Three weeks,” Brantley repeated.", "“Never that you know of,” Sen. Ana Villalobos shot back.",
				"She describes the paper ballot as “the one technology nobody has hacked.”"},
			want: []string{"Three weeks => Clay Brantley", "Never that you know => Ana Villalobos", "the one technology nobody => Ana Villalobos"},
		},
		{
			name: "a paragraph that is one quotation, after a sentence about one person; 'answered'",
			paras: []string{"The sharpest words came from the public seats. Hyacinth Voorhees, a retired accountant from Owlhead County who sits on the board of Count Idaho Right, waited two hours for her turn at the lectern.",
				"“Four of you think a missing signature is a paperwork problem. I spent forty years in audit.”",
				"Mayor Dale Hume met Rita Oakes, the clerk, on Monday. Oakes praised the count.", "“It was clean.”",
				"“Was the modem on?” Marwick asked.", "“It was on for eleven minutes,” Nwankwo-Lisle answered."},
			want: []string{"Four of you think => Hyacinth Voorhees", "It was clean. => Rita Oakes", "Was the modem on? => Marwick", "It was on for => Nwankwo-Lisle"},
		},
		{
			name: "'the lawsuit says': those who brought it",
			paras: []string{"The suit was filed in May by Citizens for Honest Tallies, a group of county residents. It names the county board as the defendant.",
				"“The county has refused every request,” the lawsuit says.",
				"Judge Ada Quill granted an injunction sought by the League of Rural Voters and three voters, who sued the state in March.", "“The program is a lottery,” the complaint says."},
			want: []string{"The county has refused => Citizens for Honest Tallies", "The program is a => League of Rural Voters"},
		},
		{
			name: "'the county' is a body whose name says it is a county's, or no one",
			paras: []string{"The suit names the Corrowan County Board of Election Commissioners as the defendant.",
				"In its response, the county called the suit “a fishing expedition dressed up as an audit.”",
				"Brightline Systems, the vendor, declined to comment. “We will appeal,” the city said."},
			want: []string{"a fishing expedition dressed => Corrowan County Board of Election Commissioners", "We will appeal => "},
		},
		{
			name:  "guillemets quote, and a translation after a dash is the same speaker's",
			paras: []string{"Judge Marisol Arce then repeated her point in English: «Aquí manda el papel» — “Here, paper is in charge.”"},
			want:  []string{"Aquí manda el papel => Marisol Arce", "Here, paper is in => Marisol Arce"},
		},
		{
			name: "'the Manch': an organisation by its head word; 'In a statement, X said … the statement said'",
			paras: []string{"The Matdata Jagruti Manch, a voters' group, filed objections.",
				"In a statement, the Manch said it had set up a helpline. “No citizen should have to prove they are alive,” the statement said.",
				"“We will keep the helpline open,” the statement said."},
			want: []string{"No citizen should have => Matdata Jagruti Manch", "We will keep the => Matdata Jagruti Manch"},
		},
		{
			name: "'the group': an organisation described before its name is its sentence's subject; 'X said in a statement … the statement said'",
			paras: []string{"“It was a denial-of-service attack on people,” Dr Maud Pemberthy said.",
				"The campaign group Fair Count Trust called for the service to be suspended. In a statement, the group said the episode showed that “convenience has been allowed to run ahead of security.”",
				"The Harrowgate County Board of Elections said in a statement Friday that it would raise pay. “Poll workers are the backbone of every election,” the statement said."},
			want: []string{"It was a denial-of-service => Maud Pemberthy", "convenience has been allowed => Fair Count Trust", "Poll workers are the => Harrowgate County Board of Elections"},
		},
		{
			name: "'he' after a paragraph whose subject is a role the text gave someone",
			paras: []string{"Everard Vandermeer spent 24 years as sheriff of Ashkettle County.", "Elmo Strathmore, who was his chief deputy, remembers the first training.",
				"“Maybe three hands went up,” Strathmore said.", "The former sheriff now makes every judge practice the call. He also gives each polling place a card.",
				"“People freeze on the phone,” he said.", "Hortensia Bascombe, Harrowgate County's clerk for 11 years, said the threats had changed the job.",
				"“It is a long day,” Mehitabel Sunderland said.", "Asked what she would tell a recruit, the clerk paused for a long moment.", "“I'd tell them it matters,” she said."},
			want: []string{"Maybe three hands went => Elmo Strathmore", "People freeze on the => Everard Vandermeer", "It is a long => Mehitabel Sunderland", "I'd tell them it => Hortensia Bascombe"},
		},
		{
			name: "'according to' a surname the text gave a person in full is that person, not an outlet",
			paras: []string{"We spoke with Thelonius Drummond, who ran elections in Yavapai County, and Verity Osei, a senior fellow.",
				"“Those are the ones that stop people from voting,” Osei said.", "Not really, according to Drummond. He said the questions were the same as in 2006.",
				"“The only thing that's changed is how fast a rumor travels,” he said."},
			want: []string{"Those are the ones => Verity Osei", "The only thing that's => Thelonius Drummond"},
		},
		{
			name:  "a subject after phrases of when, and after its role: 'In 2024, after a long night, my fellow judge, Dagny Vorhaus, turned to me and said'",
			paras: []string{"In 2024, after a long night, my fellow judge of elections, Dagny Vorhaus, turned to me and said, “If they ever make us count these by hand, I am done.”"},
			want:  []string{"If they ever make => Dagny Vorhaus"},
		},
		{
			name: "'one board member called' someone the next paragraph names: 'That member, Alaric Dempster,'",
			paras: []string{"The board voted 4-1 after an argument over forms that one board member called “the kind of sloppiness that ends up in a lawsuit.”",
				"That member, Alaric Dempster, a former prosecutor, said the forms mattered."},
			want: []string{"the kind of sloppiness => Alaric Dempster"},
		},
		{
			name:  "'the two parties said': the organisations the sentence before joined",
			paras: []string{"The Verde Mesa County Republican Party and the county Democratic Party issued a joint statement. “Nobody gets to burn ballots,” the two parties said."},
			want:  []string{"Nobody gets to burn => Verde Mesa County Republican Party, Democratic Party"},
		},
		{
			name: "a man's gender from the sentence after him; a place after 'a Republican from'; a role before 'said she' then 'she said'",
			paras: []string{"Annika Brenneman-Ruiz, the state's chief information security officer, runs the assessments.",
				"State Rep. Merritt Tregoning, a Republican from Montrose, said the counties should pay. He has also asked for an accounting, which Brenneman-Ruiz has declined to provide.",
				"“I am not going to publish a list of weak passwords,” she said.",
				"Secretary of State Ines Carrothers spoke first. “The secretary owes us a briefing,” Rep. Eusebio Tarango-Luna said.",
				"Asked about that criticism, the secretary said she had briefed both parties. “He got the same phone call everybody else did,” she said."},
			want: []string{"I am not going => Annika Brenneman-Ruiz", "The secretary owes us => Eusebio Tarango-Luna", "He got the same => Ines Carrothers"},
		},
		{
			name: "in a page of letters, 'I' is the writer who signs the letter below",
			paras: []string{"Letters to the editor", "From the elections office",
				"When I told your reporter in September that “a hand count will take at least nine days,” I was not exaggerating.",
				"— Prudence Hartigan, Director of Elections, Greyhaven County", "A poll worker's warning",
				"My fellow judge, Dagny Vorhaus, turned to me and said, “I'm done.”", "— Eamon Thackeray, Lower Tessford"},
			want: []string{"a hand count will => Prudence Hartigan", "I'm done. => Dagny Vorhaus"},
		},
		{
			name: "an organisation named by the last words of its full name is that organisation",
			paras: []string{"He was booked, according to the Benton County Sheriff's Office.",
				"“Our deputies responded within minutes,” the Sheriff's Office said in a statement Monday."},
			want: []string{"Our deputies responded within => Benton County Sheriff's Office"},
		},
		{
			name: "a live page's reporter signs the entry, not the words quoted in it",
			paras: []string{"“Some voters left and said they'd come back,” Director Thurgood Delacourt said. “The judge wanted them to get their chance.” — Maud Brennecke",
				"Chairwoman Shonda Prendergast made a similar appeal on social media, writing that “the count is the count.” — Hamid Pennington",
				"“Paper is the record of every vote.” — Osric Brede, computer scientist"},
			want: []string{"Some voters left and => Thurgood Delacourt", "The judge wanted them => Thurgood Delacourt", "the count is the => Shonda Prendergast", "Paper is the record => Osric Brede"},
		},
		{
			name: "'the statement said' in the paragraph after 'X said in a statement that …'",
			paras: []string{"The Coalition of County Election Administrators said in a statement that the cut “would leave small counties choosing.”",
				"“Election officials cannot plan around a number that changes every June,” the statement said. “We urge the committee to restore the funding.”",
				"Northlake Systems said in its release that it expects the first deliveries in May.", "“We look forward to supporting Indiana's election officials,” the release said."},
			want: []string{"would leave small counties => Coalition of County Election Administrators", "Election officials cannot plan => Coalition of County Election Administrators",
				"We urge the committee => Coalition of County Election Administrators", "We look forward to => Northlake Systems"},
		},
		{
			name:  "a quotation signed on a line of its own, after a dash",
			paras: []string{"The agency's director gave us this comment:", "“Coordinated disclosure worked here the way it is supposed to work.”", "— Ambrosine Teller, Director, National Ballot Systems Security Agency"},
			want:  []string{"Coordinated disclosure worked here => Ambrosine Teller"},
		},
		{
			name:  "'as he puts it'",
			paras: []string{"Sheriff Everard Quist lost the race in 2018 and spent six years, as he puts it, “fixing fences and being bored.”"},
			want:  []string{"fixing fences and being => Everard Quist"},
		},
		{
			name:  "a pronoun before a verb that reports only after a quotation",
			paras: []string{"“The audit found nothing,” Director Caspar Wendling told the board.", "“I know that sounds dull,” he continued."},
			want:  []string{"The audit found nothing => Caspar Wendling", "I know that sounds => Caspar Wendling"},
		},
		{
			name: "the one asked answers: a quotation after 'Roe asked the director whether …' is the director's, or the person's asked by name",
			paras: []string{"The morning's testimony came from the county's information technology director, Obadiah Lisle.",
				"On redirect, Mercedes Aguirre asked the IT director whether the upload could have changed any result.",
				"“No. The totals were printed first,” he said.",
				"Then Aguirre asked Lisle about the modem.", "“It was off,” he said.",
				"Aguirre paused.", "“Thank you,” she said."},
			want: []string{"No. The totals were => Obadiah Lisle", "It was off => Obadiah Lisle", "Thank you => Mercedes Aguirre"},
		},
		{
			name: "a finding speaks for whoever made it: 'a review by X found “…”', 'the institute's survey … warned that “…”', 'X's advisory told …'; not 'Police found the box'",
			paras: []string{"A 2025 review by the nonpartisan Lakeland Ballot Research Institute found “no county in which the hand count and the machine count differed.”",
				"The Ballot Security Institute surveyed states. The institute's survey found that 31 states require audits, but warned that “an audit after certification cannot change anything.”",
				"The NBSSA's advisory told election offices that there was “no evidence that this vulnerability has been exploited.”",
				"Police found the ballots in a “secure but unmarked county storage room” on Monday."},
			want: []string{"no county in which => Lakeland Ballot Research Institute", "an audit after certification => Ballot Security Institute",
				"no evidence that this => NBSSA", "secure but unmarked county => "},
		},
		{
			name: "a group named by what it calls itself speaks as 'the group'; a party tag and a role may both stand between a name and its verb; a short sentence about someone's advice introduces their words",
			paras: []string{"A ransomware group calling itself GlassHydra listed Wabasso County on its leak site. “Wabasso County has seven days to contact us,” the group wrote.",
				"Rep. Giselle Panagakos, D-Milwaukee, the bill's lead sponsor, called it “overdue” and said current law was “written for a world without burner accounts.”",
				"Sheriff Alma Drummond spoke to the class.", "Drummond's advice was simple.", "“Check your registration before Election Day.”"},
			want: []string{"Wabasso County has seven => GlassHydra", "overdue => Giselle Panagakos", "written for a world => Giselle Panagakos",
				"Check your registration before => Alma Drummond"},
		},
		{
			name: "a statement read on someone's behalf is theirs, not the reader's",
			paras: []string{"Tamsen County's clerk, Leocadia Vlahos, did not attend. Her chief deputy, Oswin Brannigan, read a short statement on her behalf.",
				"“Our office takes full responsibility for the five containers,” the statement said. “We have changed our procedure.”",
				"A lawyer, Ines Carrow, read a letter on behalf of Mayor Tobias Fenwright. “I will not resign,” the letter said."},
			want: []string{"Our office takes full => Leocadia Vlahos", "We have changed our => Leocadia Vlahos", "I will not resign => Tobias Fenwright"},
		},
		{
			name: "a participle's subject stands before it, past a relative clause; a memo named in a long phrase; a relative clause in an apposition; a fact-check's CLAIM is a label, its dash the claimant's signature",
			paras: []string{"Q: Is the air gap real?", "A: Sometimes. I remember a state IT director, Gerald Fitch, who ran Nebraska's election network for years, telling me, “The air gap is a promise, not a property.” He was right.",
				"Yavapai County Elections Director Tamsin Harrowgate raised concerns. In a March 2027 memo to the county's board of supervisors, Harrowgate warned that the county could not produce a list.",
				"“We are relying on a vendor's word,” the memo said.",
				"The Liberty Ballot Institute, a conservative group that has opposed federal election mandates, said the bill “nationalizes decisions that belong to the states.”",
				"CLAIM: “Luzerne County's scanners were online all night.” — state Rep. Corliss Hatchard, in a video posted Nov. 9"},
			want: []string{"The air gap is => Gerald Fitch", "We are relying on => Tamsin Harrowgate", "nationalizes decisions that belong => Liberty Ballot Institute",
				"Luzerne County's scanners were => Corliss Hatchard"},
		},
		{
			name: "names: a family name behind d'; 'and' inside a ministry's name; a plural's apostrophe inside a party's",
			paras: []string{"The authority's director of information technology, Caetano Ribeiro d'Ávila, said the volume had peaked.", "“They tried the same few thousand passwords,” d'Ávila said.",
				"The Ministry of Communications and Digital Security said in a note that it was “working in permanent coordination with the authority.”",
				"The opposition Citizens' Front Party (PFC) accused the authority of waiting too long.", "The party said in a separate statement that it “will not accept silence from the authority.”"},
			want: []string{"They tried the same => Caetano Ribeiro d'Ávila", "working in permanent coordination => Ministry of Communications and Digital Security",
				"will not accept silence => Citizens' Front Party"},
		},
		{
			name: "a group a 'volunteer group' apposition names speaks as the group; a place's body named in lower case speaks",
			paras: []string{"Gretchen Haldorsen, who spoke on behalf of Clear Count Eau Claire, a volunteer group that trains election observers, read a statement from the group's board.",
				"“We asked for cameras two years ago,” the group said in the statement.",
				"The Luzerne County board of elections said in a statement that the scanners “have never been connected to the internet.”"},
			want: []string{"We asked for cameras => Clear Count Eau Claire", "have never been connected => Luzerne County board of elections"},
		},
		{
			name: "the one pressed answers in the next sentence; a business named with its town; 'the supervisor', 'the general'; '…, she said.' is not the sentence's subject's",
			paras: []string{"The machines, made by Tallowmere Voting Systems of Tampa, will replace the scanners.",
				"Tallowmere's regional manager, Felix Okonjo-Bright, spoke. Commissioner Delphine Marchetti later pressed Okonjo-Bright on price, asking why the bid was higher. He said the difference reflected a maintenance contract.",
				"“Apples to apples, we're at or below what Citrus County paid,” he said.",
				"In an email after the meeting, the company said it was “grateful for the commission's confidence” and would deliver in June.",
				"Supervisor of Elections Theodora Vantongeren said her office would hold a demonstration.", "“Anybody who wants to come kick the tires is welcome,” the supervisor said.",
				"Maj. Gen. Corwin Aldermast, the state's adjutant general, said soldiers would not handle ballots.", "“Our people will not be anywhere near a ballot,” the general said.",
				"Secretary of State Marguerite Dunworth called the concerns fair. Copies would go only to the county auditor and her office, she said.", "“Senator Feldspar and I don't agree on much,” she said.",
				"Sawtooth Ballot Printing said it had not been hacked.", "“We have found no evidence that our systems were accessed,” the company said in an email."},
			want: []string{"Apples to apples, we're => Felix Okonjo-Bright", "grateful for the commission's => Tallowmere Voting Systems",
				"Anybody who wants to => Theodora Vantongeren", "Our people will not => Corwin Aldermast", "Senator Feldspar and I => Marguerite Dunworth",
				"We have found no => Sawtooth Ballot Printing"},
		},
		{
			name: "a paragraph that is one quotation goes on from one that is a quotation and who said it, unless that asked a question; 'the solicitor general', 'the chief justice' are whose posts say so",
			paras: []string{"The count resumed on Friday.", "“The seal on box 14 was not intact,” said Mrs Fiona Castleton.", "“Nobody at this count is going to be asked to take anything on trust.”",
				"Chief Justice Hedda Aldenhoven opened the argument. Solicitor General Mathias Kroll spoke for the state. Justice Philippa Haddleston questioned him.",
				"“Doesn't supervision mean anything the board wants?” Haddleston asked.", "“It has to mean more than a memo.”",
				"“No, your honor,” the solicitor general said.", "“We'll take the matter under advisement,” the chief justice said."},
			want: []string{"The seal on box => Fiona Castleton", "Nobody at this count => Fiona Castleton", "Doesn't supervision mean anything => Philippa Haddleston",
				"It has to mean => ", "No, your honor => Mathias Kroll", "We'll take the matter => Hedda Aldenhoven"},
		},
		{
			name: "posts: a councillor by 'Cllr'; 'Clerk and Recorder' is one title; a couple named once share the surname, then go by given names",
			paras: []string{"The council met on Monday.", "The leader of the Heartlands group, Cllr Dominic Frayne, said he would table a question.", "“Residents need to know this won't happen again,” he said.",
				"“Every ballot in that box is accounted for,” said Pueblo County Clerk and Recorder Marisela Archuleta.",
				"Every election night, Cyril and Agnes Brackenbury watch the count.", "“We bring two folding chairs,” Agnes said.", "“She's exaggerating,” Cyril said."},
			want: []string{"Residents need to know => Dominic Frayne", "Every ballot in that => Marisela Archuleta", "We bring two folding => Agnes Brackenbury",
				"She's exaggerating => Cyril Brackenbury"},
		},
		{
			name: "an answer is the one the question named; a short sentence about someone introduces their question; 'he' after a woman's words is the one man they named",
			paras: []string{"The justices heard the case. Chief Justice Hedda Aldenhoven presided, and Peder Lindgaard argued for the counties.",
				"“Mr. Lindgaard, your clients say this costs them money. How much money?” the chief justice asked.",
				"“About forty thousand dollars per election,” he said.",
				"Justice Samuel Okafor-Reyes followed up. “And can every county actually do this by November?”",
				"Every election night, Cyril and Agnes Brackenbury watch the count.", "“Cyril brings the clipboard. I bring everything else,” Agnes said.",
				"“She's exaggerating,” he said."},
			want: []string{"Mr. Lindgaard, your clients => Hedda Aldenhoven", "About forty thousand dollars => Peder Lindgaard", "And can every county => Samuel Okafor-Reyes",
				"Cyril brings the clipboard. => Agnes Brackenbury", "She's exaggerating => Cyril Brackenbury"},
		},
		{
			name: "'Barr.' titles a name inside a sentence; 'the report found' is whoever published it; a body 'blamed “…”'",
			paras: []string{"The results were delayed.",
				"In a statement on Sunday, the Director of Media of the Campaign Organisation, Barr. Kehinde Olowookere, said: “The excuse of network failure is as old as the commission.”",
				"“Chief Adeyemi has instructed his lawyers to study every result sheet,” the statement said.",
				"The numbers come from the Keelson Institute for Public Systems, a small research group, which on Tuesday published a survey of 212 county election offices.",
				"“Most county election offices are defended by a budget smaller than what they spend on envelopes,” the report found.",
				"The National Electoral Integrity Commission on Sunday blamed “poor network coverage in the riverine areas” for the delay."},
			want: []string{"The excuse of network => Kehinde Olowookere", "Chief Adeyemi has instructed => Kehinde Olowookere",
				"Most county election offices => Keelson Institute for Public Systems", "poor network coverage in => National Electoral Integrity Commission"},
		},
		{
			name: "past paragraphs of 'she', a place after 'outside' is no one to stop at",
			paras: []string{"GRAFTON, N.D. — The tags are signed and dated. Rhoda Kettunen signed every one.",
				"Kettunen, 61, has been the county auditor for nine years. She grew up on a sugar beet farm outside Park River.",
				"She did not set out to become, in the words of one state legislator, “the most stubborn election official in the valley.”",
				"On the night of the 2024 general election, she said, she was in her office.",
				"“It was about eleven o'clock, and we were waiting on the last two precincts,” she said."},
			want: []string{"the most stubborn election => ", "It was about eleven => Rhoda Kettunen"},
		},
		{
			name: "'X, who said in a statement that “…”' is X's; 'which it called “…”' is the organisation named last",
			paras: []string{"Carrothers faced questions from the minority leader, Rep. Eusebio Tarango-Luna, who said in a statement that the office had “kept county clerks in the dark.”",
				"Testing was conducted by Quarrystone Test Laboratories, a federally accredited lab. The lab found that the software accepted short passwords, which it called “a deviation from the applicable standard.”"},
			want: []string{"kept county clerks in => Eusebio Tarango-Luna", "a deviation from the => Quarrystone Test Laboratories"},
		},
		{
			name: "'the Indiana Republican said' is the member named last; 'the witness said' the one who answered last; 'wrote the company's vice president' whose post it is",
			paras: []string{"WASHINGTON — Rep. Philippa Stanwick-Orr brought the gavel down three times on Tuesday.",
				"“This subcommittee has one question today,” the Indiana Republican said.",
				"Crispin Vantreese, the chief executive of Ledgerpoint Voting Systems, one of three companies that sell tabulators, said his company had waited 31 months.",
				"“We are not asking for a shortcut,” the witness said.",
				"The email was written by Gideon Sallinger, the company's vice president for engineering.",
				"“We fix it in the spring update,” wrote the company's vice president."},
			want: []string{"This subcommittee has one => Philippa Stanwick-Orr", "We are not asking => Crispin Vantreese", "We fix it in => Gideon Sallinger"},
		},
		{
			name: "institutions named abroad: 'Ing.' keeps its stop; 'the institute said' after an Instituto; a statement any verb tells of; 'the chairperson' whoever chairs; 'it said' the organisation",
			paras: []string{"Rodrigo Baeza Luján, the engineer who coordinates the count, told reporters the system had been flooded.",
				"“The flood was the noise,” Ing. Baeza said.",
				"The Instituto Zacatecano de Procesos Electorales said the tally sheets were safe. In a statement released late Monday, the institute said: “No tally sheet was altered.”",
				"The Federal Office for Digital Resilience made the same point in a written statement on Thursday. “The preliminary results are a service to the public,” the statement said.",
				"Adv. Lerato Motaung, the chair of the commission, said access would be restored. “Access to the roll is a privilege,” the chairperson said.",
				"The Ballot Integrity Alliance said it had passed its findings to prosecutors. “We do not judge what is true,” it said in a statement."},
			want: []string{"The flood was the => Rodrigo Baeza Luján", "No tally sheet was => Instituto Zacatecano de Procesos Electorales",
				"The preliminary results are => Federal Office for Digital Resilience", "Access to the roll => Lerato Motaung", "We do not judge => Ballot Integrity Alliance"},
		},
		{
			name: "in a speaker's turn, 'I talked with X …, and she said to me, “…”' is X's words, not the turn's speaker's: the turn is the pieces around them",
			paras: []string{"Secretary of State Ingeborg Halvorsen held a news conference on Thursday.",
				"SECRETARY HALVORSEN: Good morning. I talked with Auditor Solveig Pedersen at six o'clock this morning, and she said to me, “We are counting on paper.” That is the plan."},
			want: []string{"Good morning. I talked => Ingeborg Halvorsen", "That is the plan. => Ingeborg Halvorsen", "We are counting on => Solveig Pedersen"},
		},
		{
			name: "'a nonprofit group' makes 'the group' its name's; a handle in brackets after a name; 'the letter begins' after the clerks of several counties asked in it",
			paras: []string{"The case was brought by the Great Lakes Ballot Transparency Project, a nonprofit group that has requested records from 30 counties.",
				"The group said in a statement that the ruling “puts Michigan in the company of states that let voters check the count.”",
				"Nevada's secretary of state, Thaddeus Whitlock-Ramos (@NVSOSWhitlock), weighed in on Bluesky. “Clark County's upload check worked exactly as designed,” he wrote.",
				"In a letter sent Monday to Tallis Ridge Voting Systems, the clerks of Mesa, Pueblo and Weld counties asked the company to keep issuing updates.",
				"“We write as the officials responsible for running elections in three counties,” the letter begins.",
				"The Saguaro Civic Volunteers League, a nonprofit that recruits poll workers across Arizona, said in a statement that “no one should serve afraid.”"},
			want: []string{"puts Michigan in the => Great Lakes Ballot Transparency Project", "Clark County's upload check => Thaddeus Whitlock-Ramos",
				"We write as the => Clerks", "no one should serve => Saguaro Civic Volunteers League"},
		},
		{
			name: "'the director said' with no director named is the one who spoke just before, if no post of theirs says otherwise",
			paras: []string{"A video showed someone who looked like the county's director, Evangeline Ashby-Rourke, telling voters to stay home.",
				"Ashby-Rourke said her staff had taken more than 200 calls about the video by Monday afternoon.",
				"“Every one of those calls was somebody doing the right thing,” the director said."},
			want: []string{"Every one of those => Evangeline Ashby-Rourke"},
		},
		{
			name: "'she replied' after someone else's words is not theirs; 'a voter named X' is a person; 'its report called' is the organisation's",
			paras: []string{"Imogen Fitzwilliam-Baptiste argued for the county. Justice Adaeze Montclair questioned her.",
				"“We cannot promise to find every stray mark,” Fitzwilliam-Baptiste said.",
				"“So the problem is the stray marks, not the images,” Justice Montclair said.",
				"“The problem is that we can't promise to find every one of them,” she replied.",
				"In June a voter named Evadne Szabo-Rinehart stopped me at the market. She had read online that our machines could be changed.",
				"“I'm not saying I believe it,” she told me.",
				"The Great Lakes Audit Collaborative looked at our procedures last year, and its report called our audits “among the most transparent in the state.”"},
			want: []string{"We cannot promise to => Imogen Fitzwilliam-Baptiste", "So the problem is => Adaeze Montclair", "The problem is that => Imogen Fitzwilliam-Baptiste",
				"I'm not saying I => Evadne Szabo-Rinehart", "among the most transparent => Great Lakes Audit Collaborative"},
		},
		{
			name: "in a cross-examination, a bare quotation after an answer goes on from no one, and 'the witness' is not the one who just asked",
			paras: []string{"Lysander Marwick questioned the county's IT director, Obadiah Lisle.",
				"“The modem was switched on during the canvass, wasn't it?” Marwick asked.",
				"“It was on for eleven minutes,” Lisle answered.",
				"“So the answer is yes.”",
				"“And could anyone have connected to that laptop from outside?” Marwick asked.",
				"“Not that I'm aware of,” the witness said."},
			want: []string{"The modem was switched => Lysander Marwick", "It was on for => Obadiah Lisle", "So the answer is => ",
				"And could anyone have => Lysander Marwick", "Not that I'm aware => Obadiah Lisle"},
		},
		{
			name:  "adverbial phrase between speaker and verb",
			paras: []string{"Tom Hale, in a separate statement, said the state was confirming “what the auditors found last spring.”"},
			want:  []string{"what the auditors found => Tom Hale"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := loadText(t, tt.paras...)
			got := quoteSummary(c)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("quotes =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestActorsMergeAcrossDocuments(t *testing.T) {
	c := loadFiles(t, fstest.MapFS{
		"a.txt": {Data: []byte("Sen. Chuck Ramirez (D-Nev.) spoke on Monday.\n\nRamirez said the machines were old.")},
		"b.txt": {Data: []byte("Charles Ramirez, a former county clerk, wrote the bill.")},
		"c.txt": {Data: []byte("Meanwhile, Mr. Ramirez said nothing.\n\nUnfortunately, the vote was delayed.")},
	})
	var people []*Actor
	for _, a := range c.Actors {
		if a.Kind == Person {
			people = append(people, a)
		}
	}
	if len(people) != 1 {
		t.Fatalf("people = %v; want one Ramirez", names(people))
	}
	a := people[0]
	if got, want := strings.Join(a.DocIDs, ","), "a,b,c"; got != want {
		t.Errorf("DocIDs = %s; want %s", got, want)
	}
	for _, role := range []string{"Senator", "D-Nev."} {
		if !containsFold(a.Roles, role) {
			t.Errorf("roles %q lack %q", a.Roles, role)
		}
	}
	for _, alias := range []string{"Ramirez", "Mr. Ramirez"} {
		if a.Name != alias && !containsFold(a.Aliases, alias) {
			t.Errorf("aliases %q lack %q", a.Aliases, alias)
		}
	}
	for _, x := range c.Actors {
		for _, bad := range []string{"Meanwhile", "Unfortunately", "Sen.", "D-Nev"} {
			if strings.Contains(x.Name, bad) {
				t.Errorf("actor %q holds %q", x.Name, bad)
			}
		}
	}
}

func TestActorKinds(t *testing.T) {
	c := loadText(t,
		"The FBI declined to comment, and so did the US embassy. The Trump administration said it would review the request.",
		"The Election Assistance Board and the Department of Commerce met with Senate Democrats and attorneys general for 12 states.",
		"Secretary of State Dana Cole said the Commerce Department would help. Led by Ann Oduya, the group left.",
		"“It is done,” Prof. Ian Weiss told the Valley Courier.",
	)
	kinds := map[string]Kind{}
	for _, a := range c.Actors {
		kinds[a.Name] = a.Kind
	}
	want := map[string]Kind{
		"Election Assistance Board": Organization,
		"FBI":                       Organization, // initials after "the"; "US" is a country
		"Trump administration":      Organization, // a government known by its leader's name
		"Senate Democrats":          Group,
		"Attorneys general":         Group,
		"Dana Cole":                 Person,
		"Ann Oduya":                 Person,
		"Ian Weiss":                 Person,
	}
	for name, kind := range want {
		if kinds[name] != kind {
			t.Errorf("kind of %q = %q; want %q (actors: %v)", name, kinds[name], kind, sortedKeys(kinds))
		}
	}
	// "Department of Commerce" and "Commerce Department" are one organisation.
	n := 0
	for name := range kinds {
		if strings.Contains(name, "Commerce") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Commerce department appears %d times in %v; want once", n, sortedKeys(kinds))
	}
	cole := c.Actor("dana-cole")
	if cole == nil || !containsFold(cole.Roles, "Secretary of State") {
		t.Errorf("Dana Cole = %+v; want the role Secretary of State", cole)
	}
}

func names(as []*Actor) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestReportedSpeechAfterATag(t *testing.T) {
	c := loadText(t, "Sen. Mitch Conley, R-Ky., has said he opposes federal mandates.",
		"Rep. Zoe Lane, D-Calif., who chairs the House Administration Committee, told reporters that the House would keep pushing.")
	var got []string
	for _, a := range c.Attributions {
		got = append(got, c.Actor(a.Speakers[0]).Name)
	}
	if strings.Join(got, ", ") != "Mitch Conley, Zoe Lane" {
		t.Errorf("attributions by %v; want one by Mitch Conley and one by Zoe Lane (after a tag and a clause on what she chairs)", got)
	}
}

func TestReportedSpeech(t *testing.T) {
	c := loadText(t, "Gov. Maria Lopez and other state officials on Tuesday called on the legislature to fund new scanners.")
	if len(c.Attributions) != 1 {
		t.Fatalf("attributions = %+v; want 1", c.Attributions)
	}
	a := c.Attributions[0]
	if a.Verb != "called" || !strings.HasPrefix(a.Clause(), "on the legislature to fund") {
		t.Errorf("attribution = %q %q; want called on the legislature…", a.Verb, a.Clause())
	}
	if len(a.Speakers) == 0 || c.Actor(a.Speakers[0]).Name != "Maria Lopez" {
		t.Errorf("speakers = %v; want Maria Lopez first", a.Speakers)
	}
}

// TestOrganizationsByShortName: an organisation named in full and then by its first word
// is one organisation; a word with a capital inside it names an organisation when it
// speaks, and nothing when it does not.
func TestOrganizationsByShortName(t *testing.T) {
	c := loadText(t,
		"Castellan Voting Systems released a patch for its ClearMark 5 scanners.",
		"“We moved quickly,” Castellan said. A group calling itself BlackQuarry claimed the attack, saying it took “every file.”",
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return string(a.Kind) + " " + a.Name }), []string{"organization BlackQuarry", "organization Castellan Voting Systems"})
	if got := quoteSummary(c); strings.Join(got, "|") != "We moved quickly => Castellan Voting Systems|every file. => BlackQuarry" {
		t.Errorf("quotes %q", got)
	}
}

// TestNotNames: contractions, a town before its state, a plural noun opening a sentence
// and a group head inside an institution's name are nobody's names.
func TestNotNames(t *testing.T) {
	c := loadText(t,
		"“You've got to be kidding,” said Ann Roe, the city clerk of Fairhaven, Minnesota.",
		"Supporters say the devices help voters. Campaigners said the rules were weak.",
		"The Election Technology Vendors Council said members “welcome the guidance.”",
		"Eufemia Ccori Huamán, 58, spoke in Quechua through an interpreter. “We walked two hours to vote,” she said.", // a language is no one
		"A Wichita-area group and a Kansas-based firm said so too.",                                                   // where they are from
		"In Sublette, where 5,400 people voted, the count took a day.",                                                // no one is \"in\" a person
		"Rep. Ada Quill, a St. Louis Democrat, said the bill was late. Several clerks agreed.",                        // a party member from a place; a word that opens sentences
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return string(a.Kind) + " " + a.Name }), []string{"person Ada Quill", "person Ann Roe", "group Campaigners", "organization Election Technology Vendors Council",
		"person Eufemia Ccori Huamán", "group Supporters"})
}

// TestInstitutionsByContext: a name no word list knows is an institution when the words
// around it say so.
func TestInstitutionsByContext(t *testing.T) {
	c := loadText(t,
		"Researchers at Brightwater Security flagged the emails. Campaigners from Open Ballot Britain said the code was weak.",
		"The county hired an outside forensic firm, Granitefall Incident Response, to investigate.",
		"Lena Voss, a lawyer, filed the suit. Ridgeline, a nonprofit watchdog, joined it.",
		"The lawmakers wrote to Meridian’s chief executive, Alistair Penhallow.",
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return string(a.Kind) + " " + a.Name + " " + strings.Join(a.Roles, ";") }), []string{"person Alistair Penhallow Meridian’s chief executive", "organization Brightwater Security ",
		"organization Granitefall Incident Response ", "group Lawmakers ", "person Lena Voss lawyer", "organization Open Ballot Britain ",
		"organization Ridgeline nonprofit"})
}

// TestTitlesBeforeUnfamiliarNames: a title before two words no list knows makes them a
// person's name; a knight goes by the given name.
func TestTitlesBeforeUnfamiliarNames(t *testing.T) {
	c := loadText(t,
		"County Executive Rosalind Achterberg said the county would not pay.",
		"Sir Alastair Pendlebury chairs the committee. “It has moved quickly,” Sir Alastair said.",
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return a.Name + " " + strings.Join(a.Roles, ";") }), []string{"Alastair Pendlebury ", "Rosalind Achterberg County Executive"})
	if got := quoteSummary(c); strings.Join(got, "|") != "It has moved quickly => Alastair Pendlebury" {
		t.Errorf("quotes %q", got)
	}
}

// TestInstitutionNames: committees "on" a subject, a broadcaster's call sign, a station
// with its channel, a group named after "the group".
func TestInstitutionNames(t *testing.T) {
	c := loadText(t,
		"The Senate Subcommittee on Elections and Civic Infrastructure met as the Committee on Rules and Administration did.",
		"A memo obtained by KRDN 9 News and aired on WKVN-TV shows it.",
		"An account linked to the activist group Citizens for Clean Counts posted the video.",
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return string(a.Kind) + " " + a.Name }), []string{"organization Citizens for Clean Counts", "organization Committee on Rules and Administration", "organization KRDN 9 News",
		"organization Senate Subcommittee on Elections and Civic Infrastructure", "organization WKVN-TV"})
}

// TestFirstPersonIsTheAuthor: in a first-person piece, "I" is the byline's author; the
// people someone told something to never said it.
func TestFirstPersonIsTheAuthor(t *testing.T) {
	c := loadFiles(t, fstest.MapFS{"op.txt": {Data: []byte("---\ntitle: Why we buy\nauthor: Lucinda Haverford\n---\n" +
		"Commissioner Ann Tillinghast worried about hackers.\n\n" +
		"As I told the commissioners that night, “we are not buying convenience, we are buying a system we can defend.”\n")}})
	sameQuotes(t, c, "we are not buying => Lucinda Haverford")
	c = loadText(t, "Commissioner Ann Tillinghast worried about hackers.", "As I told the commissioners that night, “we are not buying convenience.”")
	if got := strings.Join(quoteSummary(c), "|"); got != "we are not buying => " {
		t.Errorf("with no byline: quotes %q", got)
	}
}

// TestNamesFromOtherLanguages: hyphenated given names, surnames with particles written
// without the given name (lower-case, or capitalised opening a sentence), a family name
// written first.
func TestNamesFromOtherLanguages(t *testing.T) {
	c := loadText(t,
		"Karl-Heinz von der Mühlen, the state’s returning officer, spoke first. “No computer could change a vote,” von der Mühlen said.",
		"Von der Mühlen said the footage was old.",
		"In Brussels, the Spanish MEP Ana Lucía de los Santos said rules were needed. De los Santos said she would act.",
		"Tran Van Long, the ministry's spokesman, said the vote was fair. “We saw no interference,” Tran said.",
		"Election officials in the eastern German state of Saxony-Anhalt said on Thursday that the count was clean.",
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return string(a.Kind) + " " + a.Name }), []string{"person Ana Lucía de los Santos", "group Election officials", "person Karl-Heinz von der Mühlen", "person Tran Van Long"})
	sameQuotes(t, c, "No computer could change => Karl-Heinz von der Mühlen", "We saw no interference => Tran Van Long")
}

// TestParliamentaryStyle: "the Hon." and the letters after a member's name, British
// honorifics with no full stop, numbered wards, days in the plural.
func TestParliamentaryStyle(t *testing.T) {
	c := loadText(t,
		"The Premier, the Hon. Honora Ashcombe MLA, spoke in Question Time. “There is no evidence a vote was changed,” Ms Ashcombe said.",
		"Manjunath Gowda, a booth officer in Ward 14, said he had visited the houses. Back in the office, the son spent Saturdays in a garage.",
	)
	for _, a := range c.Actors {
		if a.Name == "Honora Ashcombe MLA" && strings.Join(a.Roles, ";") != "Premier" {
			t.Errorf("%s: roles %q, want Premier (the Hon. is no role)", a.Name, a.Roles)
		}
	}
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return a.Name }), []string{"Honora Ashcombe MLA", "Manjunath Gowda"})
	sameQuotes(t, c, "There is no evidence => Honora Ashcombe MLA")
}

// TestInitialsGivenInParentheses: initials a document gives an institution speak for it;
// a bill's number in parentheses is no one's initials.
func TestInitialsGivenInParentheses(t *testing.T) {
	c := loadText(t,
		"The Election Infrastructure Resilience Office (EIRO) issued guidance, and the Secure Ballots Act (S.2261) is pending.",
		"“Cyber threats did not get the memo,” EIRO said in a statement. EIRO officials warned that services would end “within weeks.”",
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return string(a.Kind) + " " + a.Name }), []string{"organization Election Infrastructure Resilience Office"})
	sameQuotes(t, c, "Cyber threats did not => Election Infrastructure Resilience Office", "within weeks. => Election Infrastructure Resilience Office")
}

// TestNameThenWhereFrom: "of" after a person's name says where they are from: a place is
// one of their roles, an institution an actor of its own.
func TestNameThenWhereFrom(t *testing.T) {
	c := loadText(t,
		"Sen. Marcus Oduya of Racine voted against the bill. “It is a solution in search of a problem,” Oduya said.",
		"Jane Roe of the Brennan Center for Justice said the bill was “a start.”",
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return string(a.Kind) + " " + a.Name + " " + strings.Join(a.Roles, ";") }), []string{"organization Brennan Center for Justice ", "person Jane Roe ", "person Marcus Oduya Senator;Racine"})
	if q := c.Quotes[0]; len(q.Speakers) != 1 || q.Speakers[0] != "marcus-oduya" {
		t.Errorf("%q: speakers %v, want marcus-oduya", q.Text(), q.Speakers)
	}
}

// TestReportedSpeechBeforeItsVerb: what was said comes first when the words after the
// verb only say when or how; a "that" after them says what.
func TestReportedSpeechBeforeItsVerb(t *testing.T) {
	c := loadText(t,
		"The error changed no outcome in any contest, the county clerk's office said in a statement released late Wednesday.",
		"Ann Roe, the clerk, said on Tuesday that the count would finish Friday.",
	)
	got := attributionLines(c, ": ")
	want := []string{"County Clerk's Office said: The error changed no outcome in any contest", "Ann Roe said: on Tuesday that the count would finish Friday."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reported speech\n%q\nwant\n%q", got, want)
	}
}

// TestStancesAsReportedSpeech: a stance taken is reported speech, unless it is what
// someone said, or passive.
func TestStancesAsReportedSpeech(t *testing.T) {
	c := loadText(t,
		"The National Association of Counties opposed the bill. Sen. Ann Roe pushed for an audit.",
		"Sen. Tom Pike has said he supports paper ballots. The bill, backed by Rep. Dan Holt, passed.",
	)
	got := attributionLines(c, ": ")
	want := []string{"National Association of Counties opposed: the bill.", "Ann Roe pushed: for an audit.", "Tom Pike said: he supports paper ballots."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reported speech\n%q\nwant\n%q", got, want)
	}
}

// TestRolesBesideAName: a role standing before a name, set off by commas or opening the
// sentence, is the person's role as written (a sentence's capital left out); so is one set
// off after it that opens with lower-case words before its role noun.
func TestRolesBesideAName(t *testing.T) {
	c := loadText(t,
		"“We will not back down,” the governor's spokesman, Tom Reyes, said in a statement.",
		"Defense attorney Maria Lopez said her client “never touched a voting machine.”",
		"Assembly Speaker Robert Rivas said lawmakers would “act quickly.”",
		"After meeting the spokesman, Ann Cole said she was satisfied.",
		"Ken Menzel, general counsel for the state board, said the breach was found in July.",
		"Lee Park, now retired, said the machines were old.",
		"In an interview, the secretary of state, Jocelyn Benson, said the threats were real.",
		"After the vote, Barton's successor, Kim Lee, said the office had hired guards.",
		"U.S. Senators Amy Klobuchar (D-MN) and James Lankford (R-OK) introduced the bill.",
		"It has the backing of the clerks' association, whose president, Jim Condos, called it “a step in the right direction.”",
		"A spokeswoman for the elections board, Lena Ortiz, said the machines “were tested twice.”",
		"Sam Okafor, 54, a former Army officer, said he slept well.",
		"Ruthanne Sobczak served as Merrow County clerk for nine years. Camila Ostrander, who leads the cyber crimes unit, said it was traced.",
		"The deputy, Bram Oyekunle, walked a reporter through the log.",                              // a verb and its object: no role
		"Koenraad Aldine, a researcher at the security firm Sablewing Labs, said the group was new.", // people, though their posts name institutions
		"Zebulon Yarrow, a spokesman for the Callowhill campaign, said in an email that the campaign stood by it.",
		"The testimony came from the county's information technology director, Obadiah Lisle, who was called by the plaintiffs.",
		"Special Agent in Charge Raymond Wrenfield said agents traced the payments.",
		"Castellane wrote to the state's elections commissioner, Dorothea Ransome, that training should change.",
		"Dana, a 41-year-old school librarian who asked that her last name not be used, said she almost did not come back.",
		"At her retirement party, Marjorie Tenbrink was asked what advice she would give her successor.",
		"The Kentucky Open Polls Project asked a judge to keep vote centers open. The group's director, Yasmin Farquhar, said it had warned the county.",
		"Commissioners Horace Quillfeather and Odalys Ferreira-Nunn joined him in voting yes.",
	)
	want := map[string]string{"Tom Reyes": "governor's spokesman", "Maria Lopez": "defense attorney", "Robert Rivas": "Assembly Speaker", "Ann Cole": "",
		"Ken Menzel": "general counsel for the state board", "Lee Park": "", "Jocelyn Benson": "secretary of state", "Kim Lee": "Barton's successor",
		"Amy Klobuchar": "U.S. Senator; D-MN", "James Lankford": "U.S. Senator; R-OK", "Jim Condos": "president",
		"Lena Ortiz": "spokeswoman for the elections board", "Sam Okafor": "former Army officer",
		"Ruthanne Sobczak": "Merrow County clerk", "Camila Ostrander": "leads the cyber crimes unit", "Bram Oyekunle": "deputy",
		"Koenraad Aldine": "researcher at the security firm Sablewing Labs", "Zebulon Yarrow": "spokesman for the Callowhill campaign",
		"Obadiah Lisle": "county's information technology director", "Raymond Wrenfield": "Special Agent in Charge",
		"Dorothea Ransome": "state's elections commissioner", "Dana": "41-year-old school librarian", "Marjorie Tenbrink": "",
		"Yasmin Farquhar": "Kentucky Open Polls Project's director", "Horace Quillfeather": "Commissioner", "Odalys Ferreira-Nunn": ""} // "the group's": the group named before // a given name the word lists lack: a person once she speaks
	for _, a := range c.Actors {
		w, ok := want[a.Name]
		if !ok {
			continue
		}
		delete(want, a.Name)
		if got := strings.Join(a.Roles, "; "); got != w {
			t.Errorf("%s: roles %q, want %q", a.Name, got, w)
		}
	}
	if len(want) > 0 {
		t.Errorf("not found: %v", want)
	}
}

// TestReportedSpeechOfAPlace: a collective or an institution may be placed before its
// verb; a person so placed is not read as the speaker, nor is a phrase that is no place.
func TestReportedSpeechOfAPlace(t *testing.T) {
	c := loadText(t,
		"Election officials in Maricopa County said the count would finish Friday.",
		"Officials from the State of Georgia urged voters to be patient.",
		"Election officials in charge of the count said nothing.",
	)
	got := attributionLines(c, " ")
	want := []string{"Election officials said the count would finish Friday.", "Officials urged voters to be patient."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reported speech\n%q\nwant\n%q", got, want)
	}
}

// TestOrganizationNamesWithAnd: "and" inside an institution's name keeps it whole; "and"
// between two names keeps them apart.
func TestOrganizationNamesWithAnd(t *testing.T) {
	c := loadText(t,
		"The Cybersecurity and Infrastructure Security Agency said it saw no attack on voting systems.",
		"The Department of Health and Human Services and the Office of Management and Budget did not comment.",
		"Roe and Homeland Security Committee members met on Tuesday. The State and Treasury departments declined to comment, as did the Justice Department and Homeland Security Department.",
		"The Center for Election Innovation & Research and Smith & Wesson were not asked.",
		"The Department of Housing and Urban Development said it would help. The Securities and Exchange Commission did not.",
	)
	var names []string
	for _, a := range c.Actors {
		if a.Kind == Organization {
			names = append(names, a.Name)
		}
	}
	sort.Strings(names)
	want := []string{
		"Center for Election Innovation & Research", // an "&" inside a name; "Smith & Wesson" is nobody this reader knows
		"Cybersecurity and Infrastructure Security Agency", "Department of Health and Human Services",
		"Department of Housing and Urban Development", "Securities and Exchange Commission",
		"Homeland Security Committee", "Homeland Security Department", "Justice Department", "Office of Management and Budget",
		"Treasury", // a standalone institution; the State Department is not named, only "State"
	}
	sort.Strings(want)
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("organisations\n%q\nwant\n%q", names, want)
	}
}

func TestNameCase(t *testing.T) {
	for in, want := range map[string]string{"THOMPSON": "Thompson", "O'ROURKE": "O'Rourke", "SMITH-JONES": "Smith-Jones", "REP.": "Rep.", "ÉLISE": "Élise"} {
		if got := nameCase(in); got != want {
			t.Errorf("nameCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLexiconListsHoldEachLineOnce: a word list names each word once, so that an edit to
// a word is made in one place.
func TestLexiconListsHoldEachLineOnce(t *testing.T) {
	files, err := fs.Glob(lexiconFS, "lexicon/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("word lists: %v, %v", files, err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".txt")
		seen := map[string]bool{}
		for _, line := range loadLines(name) {
			if seen[line] {
				t.Errorf("%s.txt: %q twice", name, line)
			}
			seen[line] = true
		}
	}
}

// TestRelativesSharingASurname: a bare surname stays with the person it named before a
// relative of the same surname was introduced, even when neither given name is on a list.
func TestRelativesSharingASurname(t *testing.T) {
	c := loadText(t,
		"ORLEY, Minn. — Thorvald Quenby spent 20 years as sheriff.",
		"Since January, Quenby has been the county's election security coordinator.",
		"“I used to guard people,” Quenby said. “Now I guard paper.”",
		"The county's auditor is Ysolde Quenby, the former sheriff's daughter.",
		"“I knew how it would look,” Ysolde Quenby said.",
		"Quenby does not argue with her. “It was a fair question,” he said.", // "her" is not Quenby
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return a.Name }), []string{"Thorvald Quenby", "Ysolde Quenby"})
	sameQuotes(t, c, "I used to guard => Thorvald Quenby", "Now I guard paper. => Thorvald Quenby", "I knew how it => Ysolde Quenby", "It was a fair => Thorvald Quenby")
	// A title picks the one of two who holds it; the same given name picks its owner.
	c = loadText(t,
		"Rep. Odessa Marchbanks, a Greenville Democrat, sponsored the bill.",
		"Sen. Thaddeus Marchbanks, who chairs the subcommittee, said he was worried.",
		"“I want the hole fixed that afternoon,” Sen. Marchbanks told reporters.",
		"“The senator should read section four,” Rep. Marchbanks said.",
		"The indictment charges Corwin Ashdale, 34, and his cousin Brandt Ashdale, 29.",
		"Brandt Ashdale's lawyer, Fergus Lindqvist, declined to comment.")
	sameQuotes(t, c, "I want the hole => Thaddeus Marchbanks", "The senator should read => Odessa Marchbanks")
	for _, a := range c.Actors {
		if a.Name == "Corwin Ashdale" && slices.Contains(a.Aliases, "Brandt Ashdale") {
			t.Errorf("Corwin Ashdale has his cousin's name: %q", a.Aliases)
		}
	}
	// "Her brother" is the one man who shares her surname.
	c = loadText(t, "The vote split two siblings. Theo Marchbanks, who represents the 3rd District, voted against it. His younger sister, Delphine Marchbanks, an at-large member, voted for it.",
		"“A rumor you don't answer becomes a fact,” Delphine Marchbanks said.",
		"Her brother was unmoved. “If we put cameras on the drop boxes, the next rumor will be about the cameras,” he said.")
	sameQuotes(t, c, "A rumor you don't => Delphine Marchbanks", "If we put cameras => Theo Marchbanks")
	// The person a headline names keeps the bare surname relatives named in full share.
	c = loadFiles(t, fstest.MapFS{"obit.txt": {Data: []byte("---\ntitle: Marjorie Tenbrink, who ran the county's elections, dies at 81\n---\n\n" +
		"Marjorie Tenbrink, who oversaw 140 elections, died Sunday.\n\nHer son, Paul Tenbrink, said the cause was pneumonia.\n\n" +
		"Tenbrink was first elected in 1982. “Elections are the reason I come in early,” Tenbrink said in 2016.")}})
	sameQuotes(t, c, "Elections are the reason => Marjorie Tenbrink")
	// In a first-person piece, the one "I" asked answers, and "she" is never the writer.
	c = loadFiles(t, fstest.MapFS{"col.txt": {Data: []byte("---\ntitle: The line item\nauthor: Miriam Falkenrath\n---\n\n" +
		"The report's lead author, Lucan Rennick, studies local budgets. I asked him what surprised him most.\n\n“Honestly, that anyone answered,” he told me.\n\n" +
		"Odalys Venturini, who ran elections in New Mexico, wrote to me after I asked readers for their views.\n\n“Counties aren't underfunding security because they don't care,” she wrote.")}})
	sameQuotes(t, c, "Honestly, that anyone answered => Lucan Rennick", "Counties aren't underfunding security => Odalys Venturini")
	// A double surname written without the given names is not a relative.
	c = loadText(t, "“No vote was lost,” the commission's president, Dr. Ximena Oyarce Ibáñez de la Fuente, said. Ibáñez de la Fuente then repeated her point.")
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return a.Name }), []string{"Ximena Oyarce Ibáñez de la Fuente"})
}

// TestInstitutionsOpenedOrEndedByWhatTheyAre: institutions named in the Spanish or French
// order, a head word first, and businesses named for their trade; "the company" is the
// business, not a lab named before it.
func TestInstitutionsOpenedOrEndedByWhatTheyAre(t *testing.T) {
	c := loadText(t,
		"Observers from the Misión Andina de Observación Electoral watched as the Jurado Electoral Regional de Quillacollo annulled the tallies. The Alianza Nueva Sierra objected.",
		"Researchers at the Ridgeline Security Lab found the flaw. Corvane Wireless, the carrier whose network carried the messages, said it had blocked them. “We are cooperating fully,” the company said in a press release.",
		"Cumulonet Hosting, the company that runs the site, said the attack was over.",
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return string(a.Kind) + " " + a.Name }), []string{"organization Alianza Nueva Sierra", "organization Corvane Wireless", "organization Cumulonet Hosting",
		"organization Jurado Electoral Regional de Quillacollo", "organization Misión Andina de Observación Electoral", "organization Ridgeline Security Lab"})
	sameQuotes(t, c, "We are cooperating fully => Corvane Wireless")
}

// TestSurnamesJoinedByY: a Spanish family name of two joined by "y" is one surname.
func TestSurnamesJoinedByY(t *testing.T) {
	c := loadText(t, "The runner-up, Rodrigo Peña y Lillo, demanded a recount. “It is a method,” Peña y Lillo said.")
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return a.Name }), []string{"Rodrigo Peña y Lillo"})
	sameQuotes(t, c, "It is a method => Rodrigo Peña y Lillo")
}

// TestAppositionIsANounPhrase: what follows a name after a comma is a role only when it
// reads as a noun phrase, not a clause.
func TestAppositionIsANounPhrase(t *testing.T) {
	for text, want := range map[string]string{
		"Roe, the county clerk, said":                    "county clerk",
		"Roe, the modem was switched on, wasn't it?":     "",
		"Roe, chief information officer, said":           "chief information officer",
		"Roe, walked a reporter through the log.":        "",
		"Roe, general counsel for the state board, said": "general counsel for the state board",
	} {
		toks := tokenizeMarks(text, nil, false)
		markQuotesAndSentences(toks)
		if got := appositionAfter(text, toks, 1); got != want {
			t.Errorf("appositionAfter(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestNicknameInsideAName: a nickname quoted between a given name and a surname is part of
// the name, not a quotation, and the nickname with the surname is the same person.
func TestNicknameInsideAName(t *testing.T) {
	c := loadText(t,
		"Former state Sen. Rutherford “Rudd” Callowhill, the Republican nominee, said the machines “can't be trusted by half the people who use them.”",
		"“Rudd Callowhill has been told the truth a dozen times,” said Zebulon Yarrow, his opponent.",
	)
	sameLines(t, "actors", actorLines(c, func(a *Actor) string { return a.Name }), []string{"Rutherford Callowhill", "Zebulon Yarrow"})
	sameQuotes(t, c, "can't be trusted by => Rutherford Callowhill", "Rudd Callowhill has been => Zebulon Yarrow")
}

// TestUnfamiliarNamesByTheirShape: a full name no list knows is a person's when the text
// gives it an age, a post right before it or after an institution's "whose", or signs a
// letter with it; a bare father's family name is the person's whose name holds it.
func TestUnfamiliarNamesByTheirShape(t *testing.T) {
	c := loadText(t,
		"Eufemia Ccori Huamán, 58, spoke to the radio through an interpreter, the schoolteacher Wálter Huillca Condori.",
		"“We walked two hours to vote,” she said.",
		"Corvane Wireless spokeswoman Bettina Lorimer declined to comment.",
		"Appeals go to the Tribunal Nacional del Sufragio, whose president, Teodoro Yupanqui Arce, is expected to rule.",
		"The head of the unit, the engineer Joaquín Echeverría Saavedra, said the fault lay in a routine.",
		"“It is a programming error,” Echeverría said.",
		"I served as a judge of elections for eleven years.",
		"— Juniper Oakhurst, Carden",
		"Democratic Institutions Minister Callum Drysdale said the government would act.",
		"“She just took her shoes off,” said Carolina Espinal, her chief deputy.",
		"The office of the Chief Electoral Officer said voting by text is not allowed. Prosecutors say the texts were fake.",
	)
	var people []string
	for _, a := range c.Actors {
		if a.Kind == Person {
			people = append(people, a.Name)
		}
	}
	want := []string{"Bettina Lorimer", "Callum Drysdale", "Carolina Espinal", "Eufemia Ccori Huamán", "Joaquín Echeverría Saavedra", "Juniper Oakhurst", "Teodoro Yupanqui Arce", "Wálter Huillca Condori"}
	slices.Sort(people)
	if !slices.Equal(people, want) {
		t.Errorf("people %q, want %q", people, want)
	}
	sameQuotes(t, c, "We walked two hours => Eufemia Ccori Huamán", "It is a programming => Joaquín Echeverría Saavedra", "She just took her => Carolina Espinal")
}

// TestPostsBodiesAndWordsThatNameNoOne: a body's name before a post is part of the title;
// a name that "which" goes on about is a body; a press release's contact is a person; an
// organisation's name may open with a gerund; numbers and indefinite pronouns that open a
// sentence name no one.
func TestPostsBodiesAndWordsThatNameNoOne(t *testing.T) {
	c := loadText(t,
		"The council met Tuesday. Council Member Bartholomew Ngata said he had come in undecided.",
		"Prairieline Tabulation, which makes the scanners, said the modems were never activated.",
		"Voting Systems Manufacturers Roundtable, in a statement: “Our members are ready to meet the bill's requirements.”",
		"Two officials who requested anonymity said the company had been told. None had an active plan, the officials said. Somebody called the clerk.",
		"Founded in 2011, the company is based in Spokane.",
		"Bluecrest Poll Systems media contact: Soren Ashdown, (509) 555-0193",
		"In a 2009 interview with the Courier, Ngata described his first election night as “the longest night of my life.”",
		"Tallyspring Systems said an intruder had access for nine days.", // "-ing" opening a business's name is no gerund
		"Marius van der Westhuizen, spokesperson for the People's Renewal Alliance, said the login was safe. The Electoral Resilience Mission said nothing.",
	)
	got := actorLines(c, func(a *Actor) string { return a.Name + " (" + string(a.Kind) + ")" })
	sameLines(t, "actors", got, []string{"Bartholomew Ngata (person)", "Bluecrest Poll Systems (organization)", "Courier (organization)", "Electoral Resilience Mission (organization)",
		"Marius van der Westhuizen (person)", "Officials (group)", "People's Renewal Alliance (organization)", "Prairieline Tabulation (organization)", "Soren Ashdown (person)",
		"Tallyspring Systems (organization)", "Voting Systems Manufacturers Roundtable (organization)"})
}

// TestNamesWrittenOtherWays: honorifics of other languages before a particle's surname,
// a title before a family name written first, a family name before a given name of two
// syllables joined by a hyphen, and a father's family name after given names written with
// accents each find the person named in full; a word no list knows before a given name is
// part of the name, not a post.
func TestNamesWrittenOtherWays(t *testing.T) {
	c := loadText(t,
		"“The count is behind the window,” said Ana Lucía Quispe Mamani, the tribunal's president.", "“No vote was added,” Quispe said.",
		"Rosalía Huarachi Ccama, who studies election technology, said the pattern was common.", "“You ring the front doorbell,” Huarachi told the radio.",
		"Ozires Antônio Brandão, who led the observers, said the error was handled well.",
		"The agency's vice-president, Benedikt zu Sayenheim, said the attack was organised. Cordula von Hasselbach, the state's chief returning officer, said the count was safe.",
		"“This is not a teenager in a basement,” Herr zu Sayenheim said. Frau von Hasselbach told a news conference the results stood.",
		"Tsukioka Rie, a professor of informatics at the university, studied the attack.", "“They probably did not care,” Professor Tsukioka said.",
		"The calls sounded like the council's chairwoman, Chou Ya-wen, telling listeners to stay home.", "“I have never recorded a message like that,” Chou said.",
	)
	got := actorLines(c, func(a *Actor) string { return a.Name })
	sameLines(t, "actors", got, []string{"Ana Lucía Quispe Mamani", "Benedikt zu Sayenheim", "Chou Ya-wen", "Cordula von Hasselbach", "Ozires Antônio Brandão", "Rosalía Huarachi Ccama", "Tsukioka Rie"})
	sameQuotes(t, c, "The count is behind => Ana Lucía Quispe Mamani", "No vote was added => Ana Lucía Quispe Mamani", "You ring the front => Rosalía Huarachi Ccama",
		"This is not a => Benedikt zu Sayenheim", "They probably did not => Tsukioka Rie", "I have never recorded => Chou Ya-wen")
}

// TestApposedInstitutions: a name that "the … app" or "a … firm" follows is an
// organisation's, which "the company" then names; a person's post that holds an
// institution's noun ("the county party chairman") leaves the person a person.
func TestApposedInstitutions(t *testing.T) {
	c := loadText(t,
		"Streamloft, the video-sharing app where several of the accounts were active, said in a statement that it had removed them.",
		"“We remove fake accounts when we find them,” the company wrote.",
		"“We did not pay, and we will not pay,” said Dwight Harrower, the county party chairman.",
	)
	got := actorLines(c, func(a *Actor) string { return a.Name + " (" + string(a.Kind) + ")" })
	sameLines(t, "actors", got, []string{"Dwight Harrower (person)", "Streamloft (organization)"})
	sameQuotes(t, c, "We remove fake accounts => Streamloft", "We did not pay, => Dwight Harrower")
}

// TestTranscriptWithTimes: a transcript's labels may follow the time ("[00:03:12]") and
// carry a note ("(recording)"); a host the introduction names by post speaks in the host's
// turns; in a turn, the words the speaker introduces as "we" or "I" say are the speaker's
// own, while what the turn says of the speaker is no one's report, and words it quotes of
// no one named are not the speaker's; a town that ", where" follows is no one to say "she
// said" of.
func TestTranscriptWithTimes(t *testing.T) {
	c := loadText(t,
		"This week, host Ingrith Vasbender talks with Sarah Quellmark, who ran the state's phishing drills, and plays a message from Tove Arnkelsdottir, a county clerk.",
		"[00:00:41] INGRITH VASBENDER: Welcome. How many clerks clicked at first?",
		"[00:00:52] SARAH QUELLMARK: About one in three on the first round.",
		"[00:04:20] TOVE ARNKELSDOTTIR (recording): I'll say this for Sarah, she listened to us.",
		"[00:05:15] QUELLMARK: You pick up the phone. We answered every call. We tell clerks, \"If it's urgent, it can wait five minutes for a phone call.\"",
		"[00:06:02] QUELLMARK: My old boss had a line he used in every training: \"Clicking is not the crime. Staying quiet is.\" We printed that on a poster for every county.",
	)
	sameQuotes(t, c, "Welcome. How many clerks => Ingrith Vasbender", "About one in three => Sarah Quellmark", "I'll say this for => Tove Arnkelsdottir",
		"You pick up the => Sarah Quellmark", "If it's urgent, it => Sarah Quellmark",
		"My old boss had => Sarah Quellmark", "We printed that on => Sarah Quellmark", "Clicking is not the => ")
	if len(c.Attributions) != 0 {
		t.Errorf("reported speech %q, want none", attributionLines(c, ": "))
	}
	c = loadText(t,
		"Sarah Quellmark rides the back roads of Somerset County.",
		"Back in the car, Quellmark was headed for Skowhegan, where the clerk had called about an email.",
		"\"Most of this job is trust,\" she said.",
	)
	sameQuotes(t, c, "Most of this job => Sarah Quellmark")
}

// TestWordsReadAloud: words read aloud from someone's letter are the writer's; an Irish
// head of government is named by the post alone after being named in full.
func TestWordsReadAloud(t *testing.T) {
	c := loadText(t,
		"Sen. Imani Brathwaite read aloud from a letter she said she had received from Odessa Pennyworth, the elections director of Clayton County. Brathwaite read: \"We are a county of 300,000 people running an election on equipment we cannot get parts for.\"",
		"\"We will find the money,\" Brathwaite said.",
		"The Taoiseach, Ciarán Mulvaney, said the count was safe.",
		"Asked whether warnings were ignored, the Taoiseach said it was \"not a day for point-scoring\".",
	)
	sameQuotes(t, c, "We are a county => Odessa Pennyworth", "We will find the => Imani Brathwaite", "not a day for => Ciarán Mulvaney")
}

// TestCertifiedInWriting: what a company certified or attested is its words, "in writing"
// being no verb of its own; what a bill would require someone to certify, and results
// certified, are no one's words.
func TestCertifiedInWriting(t *testing.T) {
	c := loadText(t,
		"The company, Kestrel Tally Systems of Reno, certified to the secretary of state's office in writing in 2026 that \"all staff with access are employees of Kestrel.\"",
		"Sen. Ramona Ezquibel said she would introduce a bill requiring vendors to certify annually every person with access to election systems.",
		"Secretary of State Gideon Marlowe certified the results on Monday.",
	)
	sameQuotes(t, c, "all staff with access => Kestrel Tally Systems")
	sameLines(t, "reported speech", attributionLines(c, ": "), []string{"Ramona Ezquibel said: she would introduce a bill requiring vendors to certify annually every person with access to election systems."})
}

// TestOutletsAndJoinedSubjects: one capitalised word after "the" is no person ("emails
// reviewed by the Sentinel"), but an outlet where it is one ("obtained by the Sentinel");
// a post set off before a name joined to another subject by "and" is that name's; a
// business may be called "… Works".
func TestOutletsAndJoinedSubjects(t *testing.T) {
	c := loadText(t,
		"The contractor relied on engineers abroad, according to emails reviewed by the Sentinel. A copy obtained by the Sentinel shows it.",
		"On Wednesday, Secretary of State Marit Hovlund and the state's chief information security officer, Cyprian Lennard-Hale, spent an hour explaining what went wrong.",
		"The vendor that runs the registration system, Coteau Data Works, says it now tests its own staff.",
	)
	got := actorLines(c, func(a *Actor) string { return a.Name + " (" + string(a.Kind) + ") " + strings.Join(a.Roles, "; ") })
	sameLines(t, "actors", got, []string{"Coteau Data Works (organization) ", "Cyprian Lennard-Hale (person) state's chief information security officer", "Marit Hovlund (person) Secretary of State",
		"Sentinel (organization) "})
}

// TestPostsNamingABody: a post may hold its body's name after "a" ("A Streamloft
// spokeswoman, Renee Castellan,"); a one-word town after "from" is no institution.
func TestPostsNamingABody(t *testing.T) {
	c := loadText(t,
		"A Streamloft spokeswoman, Renee Castellan, declined to say how many accounts had been flagged.",
		"Gloria Hendrick, a retired postal worker from Decatur, said she received a letter in April.",
	)
	got := actorLines(c, func(a *Actor) string { return a.Name + " (" + string(a.Kind) + ") " + strings.Join(a.Roles, "; ") })
	sameLines(t, "actors", got, []string{"Gloria Hendrick (person) retired postal worker from Decatur", "Renee Castellan (person) Streamloft spokeswoman"})
}

// TestPostsOpenedByTheirBody: a post before a name keeps the body it serves, named by its
// initials or in words that end in an institution's noun, and so does a post set off by
// commas before a titled name; a board a sentence opens with is no name.
func TestPostsOpenedByTheirBody(t *testing.T) {
	c := loadText(t,
		"NSA spokesperson Orrin Vashti said the agency was aware of the reports.",
		"A Kestrel County Sheriff's Office spokeswoman, Sgt. Delphine Arkwright, said deputies had traced the calls.",
		"Quillfeather Systems spokesman Doran Phelps said the company would comment later.",
		"Board chairman Ansel Whitcombe said the audit had never found a discrepancy.",
	)
	got := actorLines(c, func(a *Actor) string { return a.Name + ": " + strings.Join(a.Roles, "; ") })
	sameLines(t, "actors", got, []string{"Ansel Whitcombe: chairman", "Delphine Arkwright: Sergeant; Kestrel County Sheriff's Office spokeswoman",
		"Doran Phelps: Quillfeather Systems spokesman", "Kestrel County Sheriff's Office: ", "Orrin Vashti: NSA spokesperson",
		"Quillfeather Systems: "})
}

// TestQuotationAfterPartialWords: a paragraph that is one quotation goes on from a
// paragraph that ends on the same speaker's words inside reported speech; not from one
// that ends on a question.
func TestQuotationAfterPartialWords(t *testing.T) {
	c := loadText(t,
		"Ahmad Karimov, president of the Logan Multicultural Council, said members had been calling for days.",
		"Mr Karimov said the council was running sessions this week. He urged the commission to print its material in more languages and \"not just put it on a website\".",
		"\"A lot of our elders don't use websites. They use their grandchildren.\"",
		"Karimov asked whether the commission would \"ever print anything in Dari?\"",
		"\"We print in eleven languages.\"",
	)
	sameQuotes(t, c, "not just put it => Ahmad Karimov", "A lot of our => Ahmad Karimov", "ever print anything in => Ahmad Karimov", "We print in eleven => ")
}

// TestAffiliationsAndPostsInOtherForms: a person "of" a party named in Spanish speaks, not
// the party; a judge who "had written that" wrote the words; a magistrate is a post; a
// bullet gives a name, a place's post and the words; a passive "was written" reports
// nothing.
func TestAffiliationsAndPostsInOtherForms(t *testing.T) {
	c := loadText(t,
		"Deputy Héctor Samayoa Ixcot of the governing Alianza por el Desarrollo Nacional said the opposition was \"manufacturing a scandal out of a fixed bug.\"",
		"That judge, Harlow Bexley-Iqbal, had written that releasing the logs would give \"a road map to anyone who wishes to attack the equipment.\"",
		"The presiding magistrate, Lic. María Fernanda Quiñónez Barrios, said the audit would be public.",
		"\"We are asking them to come and check,\" the magistrate said.",
		"- **Cosima Everdale-Kaupang, Oregon secretary of state:** \"Our portal was one of the eleven. No data was taken.\"",
		"JERICHO TAMSIN: Honestly? Sticky notes. And half the time the answer was written on a sticky note on the lid of the laptop.",
	)
	sameQuotes(t, c, "manufacturing a scandal out => Héctor Samayoa Ixcot", "a road map to => Harlow Bexley-Iqbal", "We are asking them => María Fernanda Quiñónez Barrios",
		"Our portal was one => Cosima Everdale-Kaupang")
	got := actorLines(c, func(a *Actor) string { return a.Name + " (" + string(a.Kind) + ")" })
	sameLines(t, "actors", got, []string{"Alianza por el Desarrollo Nacional (organization)", "Cosima Everdale-Kaupang (person)", "Harlow Bexley-Iqbal (person)",
		"Héctor Samayoa Ixcot (person)", "María Fernanda Quiñónez Barrios (person)"})
}

// TestOrganisationsByTheirNouns: a directorate and a group that posted a letter speak by
// their nouns, and so does an institute through its "2028 report"; a bare surname two
// people share is the one who opened the paragraph before, not the one it named first.
func TestOrganisationsByTheirNouns(t *testing.T) {
	c := loadText(t,
		"The Government Cyber Resilience Directorate, the agency that helps parties defend themselves, said it was supporting the party.",
		"\"Political parties hold exactly the kind of information hostile states find useful,\" the directorate said in a statement.",
		"Free Polls Watch, a nonpartisan group, urged the board to wait. The group later posted a letter on its website asking members to write to the board. \"Ten years is a long time to live with a bad contract,\" the letter said.",
		"Judge Marvin Plunkell oversaw the recount. \"Every ballot gets held up,\" Plunkell said.",
		"Sylvia Plunkell, a volunteer observer, said the process had been orderly. She is not related to the judge.",
		"\"This one is being run by the book,\" said Plunkell, who has observed recounts since 2000.",
		"The Gulf Coast Institute for Civic Technology tracks the navigators. The institute's 2028 report called the program \"the best return on a federal dollar in Maine elections\" but warned that its grant runs out.",
	)
	sameQuotes(t, c, "Political parties hold exactly => Government Cyber Resilience Directorate", "Ten years is a => Free Polls Watch",
		"Every ballot gets held => Marvin Plunkell", "This one is being => Sylvia Plunkell", "the best return on => Gulf Coast Institute for Civic Technology")
}

// TestFirstPersonAndPostsAfterLabels: in a piece told as "I", "he asked me" is the one
// the sentence names, and the sentence after his question is not its attribution; a post
// may follow a label's name after a comma, and a role may be "responsible for" something;
// in a turn, what "the lady at the table said" is not the speaker's.
func TestFirstPersonAndPostsAfterLabels(t *testing.T) {
	c := loadFiles(t, fstest.MapFS{"doc.txt": {Data: []byte("---\ntitle: Open the warehouse\nauthor: Henrike Oostvogel\n---\n\n" +
		"When I ran this idea past my deputy, Ignacio Letourneau-Sauer, before we started, he asked me, \"What if they find something?\" I told him what I believe: \"Then we'll fix it.\"\n\n" +
		"The minister responsible for electoral matters, Mr Fergus Attwater-Lim, said contractors would face the same penalties.\n\n" +
		"HARLAN GRZYBOWICZ, PRECINCT INSPECTOR: First it was every third one, then it was every one.\n\n" +
		"DOROTHEA KAWALEC, VOTER: I asked what was going on and the lady at the table said, \"Honey, the machine's just thinking.\" It thought for an hour and ten minutes.\n")}})
	sameQuotes(t, c, "What if they find => Ignacio Letourneau-Sauer", "Then we'll fix it. => Henrike Oostvogel", "First it was every => Harlan Grzybowicz",
		"I asked what was => Dorothea Kawalec", "It thought for an => Dorothea Kawalec", "Honey, the machine's just => ")
	got := actorLines(c, func(a *Actor) string { return a.Name + ": " + strings.Join(a.Roles, "; ") })
	sameLines(t, "actors", got, []string{"Dorothea Kawalec: voter", "Fergus Attwater-Lim: minister responsible for electoral matters", "Harlan Grzybowicz: precinct inspector",
		"Henrike Oostvogel: ", "Ignacio Letourneau-Sauer: deputy"})
}

// TestFatherAndSonOfOneName: "Jr." and "Sr." keep a father and a son of one name apart,
// and so do "the younger" and "the elder"; "Ms." is neither; the son's "his father" is
// "Sr.".
func TestFatherAndSonOfOneName(t *testing.T) {
	c := loadText(t,
		"The county's election chief, Clement Yarrow Sr., 71, and his son, Clement Yarrow Jr., a county commissioner, disagree about hand counts.",
		"\"I love my dad,\" Yarrow Jr. said.",
		"\"He's been saying that since he was 14,\" the elder Yarrow said.",
		"Agathe Yarrow, a retired nurse, is no relation. \"I get their mail once a month,\" Ms. Yarrow said.",
		"\"We're fine,\" the younger Yarrow said.",
		"\"He's wrong about the hand count,\" his father said.",
	)
	sameQuotes(t, c, "I love my dad => Clement Yarrow Jr.", "He's been saying that => Clement Yarrow Sr.", "I get their mail => Agathe Yarrow", "We're fine => Clement Yarrow Jr.",
		"He's wrong about the => Clement Yarrow Sr.")
	got := actorLines(c, func(a *Actor) string { return a.Name })
	sameLines(t, "actors", got, []string{"Agathe Yarrow", "Clement Yarrow Sr.", "Clement Yarrow Jr."})
}

// TestDismissedAsAndAffiliatedNames: "dismissed the demand as “…”" reports words; a name
// set off by commas may carry where its holder is from or whom they belong to.
func TestDismissedAsAndAffiliatedNames(t *testing.T) {
	c := loadText(t,
		"The winning candidate, Shri Rajendra Khandalkar of the Jan Vikas Aghadi, dismissed the demand as \"the usual excuse of a losing side.\"",
		"Dabney's lawyer, Cornelius Spurling of Cody, said his client would plead not guilty and described the voicemails as the frustration of a man who \"got swept up in things he read online.\"",
		"The judge dismissed the case on Friday.",
	)
	sameQuotes(t, c, "the usual excuse of => Rajendra Khandalkar", "got swept up in => Cornelius Spurling")
}

// TestStudiesAndTheirAuthors: "the authors wrote" after "The Northgate report" is the
// organisation that put it out; "the study said" is its lead author's.
func TestStudiesAndTheirAuthors(t *testing.T) {
	c := loadText(t,
		"Researchers at the Northfield Integrity Lab, a Chicago nonprofit, published a 48-page report on the network on Wednesday.",
		"The Northfield report ended with a warning. \"Removing accounts is necessary, but it is not sufficient,\" the authors wrote.",
		"\"That sounds small until you count the close races,\" said Oriana Malvinder, a political scientist and the study's lead author.",
		"The study recommends design standards. \"Usability testing with a dozen voters found the worst problems,\" the study said.",
	)
	sameQuotes(t, c, "Removing accounts is necessary, => Northfield Integrity Lab", "That sounds small until => Oriana Malvinder", "Usability testing with a => Oriana Malvinder")
}

// TestWordsIntroducedBeforeThem: words introduced by "told the audience that" are the
// teller's, though a clause after them names someone else who repeats them.
func TestWordsIntroducedBeforeThem(t *testing.T) {
	c := loadText(t,
		"Isadora Iwuchukwu now runs a four-person department. At a statewide gathering of clerks last spring, she told the audience that \"the boring stuff is the security,\" a line Cornell Elphinstone says he has since borrowed.",
	)
	sameQuotes(t, c, "the boring stuff is => Isadora Iwuchukwu")
}

// TestLetterSeenByAnOutlet: an outlet that saw a letter did not write it.
func TestLetterSeenByAnOutlet(t *testing.T) {
	c := loadText(t,
		"- **Mireille Adekunle-Strand, Cobalt Ridge's chief executive**, in a letter to customers seen by Votecast Daily: \"You are right, and I take responsibility for that.\"",
	)
	sameQuotes(t, c, "You are right, and => Mireille Adekunle-Strand")
}

// TestUnnamedSpeakersAndRunningVoices: "she said" after "a poll manager there told the
// Bell" is no one named; "Election Day" is no one; a paragraph that is one quotation goes
// on from a paragraph of one voice, though it held two quotations.
func TestUnnamedSpeakersAndRunningVoices(t *testing.T) {
	c := loadText(t,
		"\"Tonight belongs to every poll worker,\" Kalliope Oxenfeld told supporters.",
		"At a precinct in Pooler, one scanner jammed, a poll manager there told the Bell. She asked not to be named. \"We didn't lose a single ballot,\" she said.",
		"Their son, Pete Tollefsen, said he grew up thinking Election Day was a holiday. \"Other kids had Thanksgiving,\" he said.",
		"\"I am not accusing anyone yet,\" Rosalinda Macarena said. \"But the people have a right to see the ballots.\"",
		"\"We will accept the result of a real count.\"",
	)
	sameQuotes(t, c, "Tonight belongs to every => Kalliope Oxenfeld", "We didn't lose a => ", "Other kids had Thanksgiving => Pete Tollefsen",
		"I am not accusing => Rosalinda Macarena", "But the people have => Rosalinda Macarena", "We will accept the => Rosalinda Macarena")
	for _, a := range c.Actors {
		if a.Name == "Day" {
			t.Errorf("actor %q", a.Name)
		}
	}
}

// TestHisOfficeSaid: "his office said" before the words is the office-holder's statement.
func TestHisOfficeSaid(t *testing.T) {
	c := loadText(t,
		"Secretary of State Zebedee Tallant has not taken a position. In a statement, his office said the secretary \"shares the goal of removing any doubt\" and would work with both parties.",
	)
	sameQuotes(t, c, "shares the goal of => Zebedee Tallant")
}

// TestRulingsJointStatementsAndPapers: a judge who "ruled on Sunday that" reports the
// words, and "the county" after them is not a court that names the county; subjects
// joined by "and" issue a statement together; "The messaging app Corvel" is the company
// its bare name says later; a paragraph introduced by "described … at length:" opens
// words that run on over paragraphs; "the paper" is the study's, by the body it is by.
func TestRulingsJointStatementsAndPapers(t *testing.T) {
	c := loadText(t,
		"The suit was filed in Dunmore County Circuit Court.",
		"Circuit Judge Anselm Pryce ruled on Friday that the party had shown \"no evidence that any ballot was counted twice.\" In a short order, he wrote that the county had found its own error and fixed it \"the way the statutes expect.\"",
		"Odile Marsh, who chairs the county Green Party, and Ravi Dunstan, the county Labor chair, issued a joint statement backing the change.",
		"\"Nobody cares whose software it is,\" the statement said.",
		"The messaging app Corvel said Tuesday it had removed 80 channels. Corvel said in its report that labels would follow. The company said they would arrive \"before the general election, starting with the busiest channels.\"",
		"The first witness, Greta Holm, the clerk in Ravel County, said the threats had changed her office. She described the changes at length:",
		"\"We put a lock on the back door. We stopped printing our names.",
		"\"I lost three of my five staff last year.\"",
		"Voters rarely check the printout, according to a study released Monday by researchers at Lindqvist Polytechnic Institute.",
		"The paper, which has not yet been reviewed, concludes that \"a printout nobody reads cannot catch a changed vote.\"",
	)
	sameQuotes(t, c, "no evidence that any => Anselm Pryce", "the way the statutes => Anselm Pryce", "Nobody cares whose software => Odile Marsh, Ravi Dunstan",
		"before the general election, => Corvel", "We put a lock => Greta Holm", "I lost three of => Greta Holm", "a printout nobody reads => Lindqvist Polytechnic Institute")
}

// TestUnnamedSpeakerInTheParagraphBefore: words whose paragraph opens with them, said by
// "she" after a paragraph about an unnamed poll worker, are no one's; not the person who
// spoke before her.
func TestUnnamedSpeakerInTheParagraphBefore(t *testing.T) {
	c := loadText(t,
		"\"The box has worked for twenty years,\" said council member Oriel Vantreese.",
		"A poll worker who has staffed the central count for a decade, and who asked not to be named, said the box had never caused a problem.",
		"\"We open it with two people and we sign for it,\" she said.",
	)
	sameQuotes(t, c, "The box has worked => Oriel Vantreese", "We open it with => ")
}

// TestBeatsBeforeWords: a short sentence about someone, with no verb of speech, then their
// words: "The witness paused." for whoever the post names; "Asked …, Aasland thought for
// a moment." after a clause that opens with a participle.
func TestBeatsBeforeWords(t *testing.T) {
	c := loadText(t,
		"Ulla Brandvik, the state's witness, took the stand on Monday.",
		"\"How many times did you read the logs yourself?\" the lawyer asked. The witness paused. \"I don't think I ever read them myself.\"",
		"Signe Aasland has worked the polls for forty years.",
		"Asked what advice she would give whoever takes over her table, Aasland thought for a moment. \"Count twice. Be kind. Bring snacks.\"",
	)
	sameQuotes(t, c, "How many times did => ", "I don't think I => Ulla Brandvik", "Count twice. Be kind. => Signe Aasland")
}

// TestAsideBeforeWords: a paragraph that opens on a few words naming no one and a colon
// ("Then, more seriously:") goes on with the words that ended the paragraph before, in one
// voice; not after a paragraph of two voices.
func TestAsideBeforeWords(t *testing.T) {
	c := loadText(t,
		"Asked about that, Anselm Brekke laughed. \"He's been saying that since he was 14,\" he said. \"Usually about my curfew.\"",
		"Then, more seriously: \"People make more mistakes counting than machines do. We've tested it.\"",
		"\"We will see,\" said Ingrid Foss. \"I have doubts,\" said Brekke.",
		"Then, later: \"Nobody here has ever asked for a recount of this precinct.\"",
	)
	sameQuotes(t, c, "He's been saying that => Anselm Brekke", "Usually about my curfew. => Anselm Brekke", "People make more mistakes => Anselm Brekke",
		"We will see => Ingrid Foss", "I have doubts => Anselm Brekke", "Nobody here has ever => ")
}

// TestSurnamesThatAreTitles: a family name that is a title word ("Mayor", "Judge"),
// said alone, is the person the text named by it in full; not where it titles the name
// after it, nor after an article.
func TestSurnamesThatAreTitles(t *testing.T) {
	c := loadText(t,
		"Secretary of State Tom Mayor issued a directive on Tuesday. Senate Majority Leader Ruth Judge (R-Tenn.) has declined to take up the bills.",
		"“These are not suggestions,” Mayor said in a statement. In a floor speech, Judge called the proposals “a partisan wish list dressed up as security.”",
		"Mayor Ann Rossiter of Dayton disagreed. “We were never asked,” the Mayor said.",
	)
	sameQuotes(t, c, "These are not suggestions => Tom Mayor", "a partisan wish list => Ruth Judge", "We were never asked => Ann Rossiter")
}

// TestNamesThatArePlacesAndNestedQuotes: a family name that is a place ("Hill") said alone,
// and one that is a title word after a title ("Secretary King"), is the person named in
// full; a nested quotation's comma before the closing mark leaves the words open to "said
// Sen. …"; "She described the process at length." introduces the words of the paragraphs
// after it; an embassy is an institution.
func TestNamesThatArePlacesAndNestedQuotes(t *testing.T) {
	c := loadText(t,
		"Sen. Molly Hill (D-Ore.) leads the talks. Secretary of State Rhoda King announced the audit on Capitol Hill.",
		"“I’m an optimist by trade,” Hill said. “This audit is how we show our work,” said Secretary King.",
		"“Every receipt says ‘miscellaneous,’” said Sen. Lyle Whitcomb (R-Kan.), who chairs the panel.",
		"County Clerk Dora Finch oversaw the recount.",
		"She described the process at length after the vote.",
		"\"Every ballot came out of a sealed container.",
		"\"We found two ballots in the wrong container.\"",
		"The Ruritanian Embassy in Washington called the sanctions “another attempt to blame us for your divisions” in a post.",
	)
	sameQuotes(t, c, "I’m an optimist by => Molly Hill", "This audit is how => Rhoda King", "Every receipt says ‘miscellaneous,’ => Lyle Whitcomb",
		"Every ballot came out => Dora Finch", "We found two ballots => Dora Finch", "another attempt to blame => Ruritanian Embassy")
}

// TestAnonymousOfficials: "the official said" after "A senior official, who spoke on
// condition of anonymity, said …" is no one: not the official named before, nor the one
// named after; "the former clerk said" after "A former county clerk …" is the clerk the
// next paragraph names.
func TestAnonymousOfficials(t *testing.T) {
	c := loadText(t,
		"Treasury Secretary Carl Weeks announced the sanctions. “We will keep going,” Weeks said.",
		"A senior Treasury official, briefing reporters on condition of anonymity, said the department had worked with the FBI. “This is not the last round of these,” the official said.",
		"Dale Pruitt, a Treasury official who oversees the sanctions office, said more names would follow.",
		"A former county clerk who resigned last year said she had reported a dozen threats.",
		"\"I stopped sleeping through the night,\" the former clerk said in an interview.",
		"The clerk, Ruthanne Sobel, left office in March.",
	)
	sameQuotes(t, c, "We will keep going => Carl Weeks", "This is not the => ", "I stopped sleeping through => Ruthanne Sobel")
}

// TestPostsSaidWithAVerb: "became" or "was named" gives a post, which ends on its noun
// ("… director last spring" is the director).
func TestPostsSaidWithAVerb(t *testing.T) {
	c := loadText(t,
		"When Zorana Gulbrandsen became Iowa's state elections director last spring, she inherited a backlog.",
		"Petra Voskuijlen was named interim director in May after the clerk resigned.",
	)
	got := actorLines(c, func(a *Actor) string { return a.Name + ": " + strings.Join(a.Roles, "; ") })
	sameLines(t, "actors", got, []string{"Petra Voskuijlen: interim director", "Zorana Gulbrandsen: Iowa's state elections director"})
}

// TestNameThenTownAndState: "Harbor Print & Mail of Columbus, Ohio" is the company, and
// "Loretta Haney of Atlantic, Iowa" the person; the town and state only say where.
func TestNameThenTownAndState(t *testing.T) {
	c := loadText(t,
		"The impersonated company, Quayside Print & Mail of Columbus, Ohio, prints ballots for 200 jurisdictions. \"Nobody at Quayside will ever ask a county to log in,\" said Megan Pryce, a spokeswoman for Quayside.",
		"Survivors include a sister, Loretta Kessing Haney of Atlantic, Iowa.",
	)
	got := actorLines(c, func(a *Actor) string { return a.Name + " (" + string(a.Kind) + ")" })
	sameLines(t, "actors", got, []string{"Loretta Kessing Haney (person)", "Megan Pryce (person)", "Quayside Print & Mail (organization)"})
}

// TestIntroductionPastTheSentence: a name the sentence before the words does not reach is
// no introduction, and reading it does not fail ("“I trust paper,” she said. “Paper …”").
func TestIntroductionPastTheSentence(t *testing.T) {
	c := loadText(t, "\"I trust paper,\" she said. \"Paper gets a note.\"", "0 0!“Aa")
	sameQuotes(t, c, "I trust paper => ") // (the second, of four words and no one's, is no quotation)
}

// TestEverydayWordSurnamesAndCompanySpokesmen: a family name that is a word of every day
// ("Read") is the person named in full where it speaks ("Read said"), not in "I read it"
// or "in May"; "A Quarrystone spokesman said" is the company the text named by that word.
func TestEverydayWordSurnamesAndCompanySpokesmen(t *testing.T) {
	c := loadText(t,
		"The bill has a co-author, Rep. Thomas Read of Alexandria, who signed on in May.",
		"“Nobody in that township did anything stupid,” Read said. “I read it twice,” said Ellen Brixley.",
		"Quarrystone Ballot Systems makes the machines. A Quarrystone spokesman said in an email that the company “has never had a security breach in its history.”",
	)
	sameQuotes(t, c, "Nobody in that township => Thomas Read", "I read it twice => Ellen Brixley", "has never had a => Quarrystone Ballot Systems")
}

// TestOrganisationsByCompany: a word joined by "and" to an organisation's name is one
// ("executives from Facebook and Twitter"), and so is its name alone after; what someone
// is "president of" is an institution, and so is that name elsewhere in the text, even
// in a list that sets another institution beside it.
func TestOrganisationsByCompany(t *testing.T) {
	c := loadText(t,
		"Top executives from Quillbook and Chirpwire told the committee they had been too slow. Dan Sweet, Chirpwire's head of site integrity, said the company had acted. Sweet said Chirpwire supported the bill.",
		"The bill is endorsed by Honest Tally, the Brennan Center for Justice and Common Cause. “Paper is how you prove the count,” said Nora Pope, president of Honest Tally.",
	)
	got := actorLines(c, func(a *Actor) string { return a.Name + " (" + string(a.Kind) + ")" })
	for _, want := range []string{"Chirpwire (organization)", "Honest Tally (organization)", "Quillbook (organization)"} {
		if !slices.Contains(got, want) {
			t.Errorf("actors %q; want %s among them", got, want)
		}
	}
	if slices.Contains(got, "Chirpwire (person)") || slices.Contains(got, "Honest Tally (person)") {
		t.Errorf("actors %q; want no person of an organisation's name", got)
	}
}

// TestBodiesThatSpeakByName: a name that is no one's, holding a place or a word of every
// day, is a body where it speaks ("Ohio Fair Count said", "…, Ohio Fair Count, said"); a
// party-and-home tag is not ("Sen. Dwight Kessel, R-Fergus Falls, said").
func TestBodiesThatSpeakByName(t *testing.T) {
	c := loadText(t,
		"A group that has pushed for wider audits, Ohio Fair Count, said in a statement that the state should publish “the full tally sheets from every county, not just the summary.”",
		"Sen. Dwight Kessler, R-Fergus Falls, said the state should find out how the money was spent.",
	)
	sameQuotes(t, c, "the full tally sheets => Ohio Fair Count")
	got := actorLines(c, func(a *Actor) string { return a.Name + " (" + string(a.Kind) + ")" })
	sameLines(t, "actors", got, []string{"Dwight Kessler (person)", "Ohio Fair Count (organization)"})
}

// TestTheGroupIsTheOrganisation: "the group said" is the body the text called "a
// nonpartisan observer organization", though only as an object before.
func TestTheGroupIsTheOrganisation(t *testing.T) {
	c := loadText(t,
		"The audit was observed by both parties and by Granite State Ballot Watch, a nonpartisan observer organization. In a statement, the group said its volunteers had “full access at every step” of the process.",
	)
	sameQuotes(t, c, "full access at every => Granite State Ballot Watch")
}

// TestCountedGroups: "the three senators" are the three senators the text named, however
// far back, before a group of senators that spoke.
func TestCountedGroups(t *testing.T) {
	c := loadText(t,
		"WASHINGTON – Today, U.S. Senator Dick Walford (D-Ill.) joined U.S. Senators Ann Busch (R-Okla.) and Joe Storey (D-Vt.) to introduce the Secure Ballots Act.",
		"“Paper is how you prove the count,” said Senator Busch.",
		"The senators said the bill had support in both parties.",
		"Election officials in several states have asked for the money.",
		"In a joint letter to Senate leaders, the three senators wrote that “the next attack on our elections will not wait for Congress.”",
	)
	sameQuotes(t, c, "Paper is how you => Ann Busch", "the next attack on => Dick Walford, Ann Busch, Joe Storey")
}

// TestAgencyWritings: "the advisory said" is whoever the text says put the advisory out.
func TestAgencyWritings(t *testing.T) {
	c := loadText(t,
		"The Cybersecurity and Infrastructure Security Agency issued an advisory on Tuesday warning counties about the flaw. “Offices should install the update before early voting begins,” the advisory said.",
	)
	sameQuotes(t, c, "Offices should install the => Cybersecurity and Infrastructure Security Agency")
}

// TestSingleQuotesAroundDoubleQuotes: in a story set in single quotation marks, words
// that end on a nested double quotation close before the attribution ("'… was, "How
// many?"' Mr Teale said").
func TestSingleQuotesAroundDoubleQuotes(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte("Roll\n\n" +
		"'We are writing to every voter,' the commissioner, Ms Ingrid Rask, said.\n\n" +
		"'My first thought was, \"How many other letters like this am I going to get?\"' Mr Noel Teale said. 'I've been on the roll since 1973.'\n")}}
	c := loadFiles(t, fsys)
	sameQuotes(t, c, "We are writing to => Ingrid Rask", "My first thought was, => Noel Teale", "I've been on the => Noel Teale")
}

// TestJointStatementsAndReports: two senators each set off with a post, joined by "and",
// speak together; "the report said" is who the text said released it, further back;
// "Her message to Congress was simple: “…”" is hers, not Congress's.
func TestJointStatementsAndReports(t *testing.T) {
	c := loadText(t,
		"The Senate Intelligence Committee on Thursday released the first volume of its bipartisan investigation into Russian interference.",
		"The heavily redacted report found no evidence that any votes were changed.",
		"“Russia's attack was a warning,” Sen. Clay Hillman (R-N.C.), the committee's chairman, and Sen. Warren Hallett (D-Va.), its vice chairman, said in a joint statement.",
		"“States should, at a minimum, have a voter-verified paper trail,” the report said.",
		"Colorado Secretary of State Rita Bloomfield told the committee that audits took years to build. Her message to Congress was simple: “Give us money we can plan around.”",
	)
	sameQuotes(t, c, "Russia's attack was a => Clay Hillman, Warren Hallett", "States should, at a => Senate Intelligence Committee", "Give us money we => Rita Bloomfield")
}

// TestCompaniesByWhatTheyAre: "The largest of those vendors, Tally Harbour, hosts …" names
// a company that "the company said" means; "the Denver company said" is the company too;
// "Asked whether her office suspected any of the campaigns, Albers said" names a person.
func TestCompaniesByWhatTheyAre(t *testing.T) {
	c := loadText(t,
		"The largest of those vendors, Tally Harbour, hosts results for 400 counties. In a statement, the company said its systems were “tested against traffic far beyond anything we have seen.”",
		"Clearwell Voting Systems pushed back. In a statement released Sunday, the Denver company said the machine was “a decommissioned unit running old software.”",
		"Attorney General Simone Albers said her office had traced the calls. Asked whether her office suspected any of the campaigns, Albers said: “We're not ruling anyone in or out at this point.”",
	)
	sameQuotes(t, c, "tested against traffic far => Tally Harbour", "a decommissioned unit running => Clearwell Voting Systems", "We're not ruling anyone => Simone Albers")
}

// TestFeatureSubjectByGivenName: a feature that names its subject in full once, by a given
// name no list knows, and then by that name alone ("Maren, 54, …", "Maren said") is about
// one person; "Listen to this story" makes no one of "Listen Live".
func TestFeatureSubjectByGivenName(t *testing.T) {
	c := loadText(t,
		"Listen Live | News | Podcasts",
		"Listen to this story.",
		"Maren Skogvold walks to the front with a legal pad under one arm.",
		"Maren, 54, spent 22 years in the Navy before retiring to her hometown.",
		"“Everybody has a plan in a binder,” Maren said later.",
	)
	sameQuotes(t, c, "Everybody has a plan => Maren Skogvold")
	got := actorLines(c, func(a *Actor) string { return a.Name })
	sameLines(t, "actors", got, []string{"Maren Skogvold"})
}

// TestPlatformsAndThinkTankReports: "put it more bluntly on Chirper. “…,” he tweeted" is
// the congressman's, not the platform's; "the report says" is the body the text said the
// report was released by.
func TestPlatformsAndThinkTankReports(t *testing.T) {
	c := loadText(t,
		"Rep. Arlen Gillett (D-Ore.) put it more bluntly on Chirper.",
		"\"For years these companies have treated their machines like a black box,\" he tweeted.",
		"One in three counties has no way to detect an intrusion, according to a report released Tuesday by the Carrow Institute, a nonpartisan research group.",
		"\"Most local election offices are small, underfunded and overmatched,\" the report says.",
	)
	sameQuotes(t, c, "For years these companies => Arlen Gillett", "Most local election offices => Carrow Institute")
}

// TestAnonymousOfficialOfABody: "A European Union official, speaking on condition of
// anonymity, said …" is no one either, though the body's name stands between "A" and the
// post; not the minister named before.
func TestAnonymousOfficialOfABody(t *testing.T) {
	c := loadText(t,
		"Foreign Minister Arunas Zukas said the attack was part of a pattern. \"Naming them is a message,\" he said.",
		"A European Union official, speaking on condition of anonymity because the bloc had not yet agreed a response, said member states were discussing a declaration. \"Lithuania will not be left alone on this,\" the official said.",
	)
	sameQuotes(t, c, "Naming them is a => Arunas Zukas", "Lithuania will not be => ")
}
