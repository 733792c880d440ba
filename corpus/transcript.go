package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A transcript gives each speaker's words after a label in capitals: "REP. BENNIE
// THOMPSON: Are our systems safe?", "KREBS: Resources." The words after the label are the
// speaker's own, quoted without marks.

// speakerLabel reads a label opening a paragraph: its title words and name words, each
// capitalised as a name is, and where the words spoken start. ok is false when the
// paragraph opens with no label: every word of a label is in capitals.
//
// A time before the label ("[00:03:12] KETTRIDGE:") and a note after the name ("OPAL
// REINHOLT (recording):") are left out of it; a post after a comma ("HARLAN GRZYBOWSKI,
// PRECINCT INSPECTOR:") is returned in lower case.
func speakerLabel(p string) (title, name []string, post string, rest int, ok bool) {
	from := timestampLength(p)
	colon := strings.IndexByte(p[from:], ':')
	if colon < 1 || colon > 48 {
		return nil, nil, "", 0, false
	}
	colon += from
	if colon+2 >= len(p) || p[colon+1] != ' ' {
		return nil, nil, "", 0, false
	}
	label := p[from:colon]
	if open := strings.LastIndex(label, " ("); open > 0 && strings.HasSuffix(label, ")") {
		label = label[:open]
	}
	label, post, _ = strings.Cut(label, ", ") // "HARLAN GRZYBOWSKI, PRECINCT INSPECTOR:"
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > 5 {
		return nil, nil, "", 0, false
	}
	for _, w := range words {
		letters := 0
		for _, r := range w {
			switch {
			case unicode.IsUpper(r):
				letters++
			case r == '.' || r == '\'' || r == '’' || r == '-':
			default:
				return nil, nil, "", 0, false
			}
		}
		if letters == 0 {
			return nil, nil, "", 0, false
		}
	}
	t := 0
	for t < len(words) && lexicon.titles.has(nameCase(words[t])) {
		t++
	}
	for _, w := range words {
		if len(title) < t {
			title = append(title, nameCase(w))
		} else {
			name = append(name, nameCase(w))
		}
	}
	if len(name) == 0 {
		return nil, nil, "", 0, false
	}
	rest = colon + 1
	for rest < len(p) && p[rest] == ' ' {
		rest++
	}
	for _, w := range strings.Fields(post) {
		if w != strings.ToUpper(w) {
			return nil, nil, "", 0, false // "Roe, who spoke first:" is no label
		}
	}
	return title, name, strings.ToLower(post), rest, true
}

// timestampLength is the length of a time that opens a paragraph of a transcript, with
// the spaces after it: "[00:03:12] ", "(1:04:55) ", "[12:31] "; 0 when there is none.
func timestampLength(p string) int {
	if len(p) < 2 || p[0] != '[' && p[0] != '(' {
		return 0
	}
	end := strings.IndexAny(p, "])")
	if end < 4 || end > 12 {
		return 0
	}
	digits := 0
	for _, c := range []byte(p[1:end]) {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c != ':' && c != '.':
			return 0
		}
	}
	if digits < 3 || !strings.Contains(p[1:end], ":") {
		return 0
	}
	n := end + 1
	for n < len(p) && p[n] == ' ' {
		n++
	}
	return n
}

// nameCase writes a word in capitals as a name is written: "THOMPSON" → "Thompson",
// "O'ROURKE" → "O'Rourke", "SMITH-JONES" → "Smith-Jones", "REP." → "Rep.".
func nameCase(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	upper := true
	for _, r := range w {
		if upper {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		upper = r == '\'' || r == '’' || r == '-'
	}
	return b.String()
}

// labelledSpeakers finds the paragraphs that open with a speaker's label and who speaks in
// each: a person the document already names with that surname, or one the label names
// (a given name, or a title, makes a label a person's). A label that names no one ("UPDATE:",
// "Q:") is not a speaker's.
func (x *docExtract) labelledSpeakers() {
	for i, p := range x.paras {
		title, name, post, rest, ok := speakerLabel(p.text)
		if !ok {
			continue
		}
		surname, given := splitName(name)
		var who *localActor
		for _, a := range x.actors {
			if a.kind == Person && strings.EqualFold(a.surname, surname) && (given == "" || a.given == "" || strings.EqualFold(a.given, given)) &&
				slices.ContainsFunc(a.forms, func(f string) bool { return !isAllCaps(f) }) { // named in the text, not only in capitals
				who = a
				break
			}
		}
		if who == nil {
			if post == "" && (given != "" && len(title) == 0 && !lexicon.firstNames.has(name[0]) || given == "" && len(title) == 0) {
				continue // (a post after the name makes it someone's: "HARLAN GRZYBOWSKI, PRECINCT INSPECTOR:")
			}
			who = &localActor{kind: Person, tokens: name, surname: surname, given: given, strong: true}
			x.actors = append(x.actors, who)
		}
		if who.given == "" && given != "" { // the label names in full someone the text names by surname
			who.given, who.tokens, who.strong = given, name, true
		}
		// A label's capitals are no way to write the name: "THOMPSON" read as a mention.
		who.forms = slices.DeleteFunc(who.forms, isAllCaps)
		if isAllCaps(strings.Join(who.tokens, "")) {
			who.tokens = name
		}
		who.addName(name)
		if len(title) > 0 && hasPersonTitle(title) {
			who.addRole(titleRole(title))
		}
		if post != "" {
			who.addRole(post)
		}
		who.mentions++
		who.spoke = true
		if x.labels == nil {
			x.labels = map[int]labelled{}
		}
		x.labels[i] = labelled{who, rest}
	}
}

// labelled is a paragraph that opens with a speaker's label: who speaks, and where the
// words spoken start.
type labelled struct {
	speaker *localActor
	rest    int
}

// labelledQuote is the quotation of a labelled paragraph, or nil.
func (x *docExtract) labelledQuote(pi int) *rawQuote {
	l, ok := x.labels[pi]
	if !ok {
		return nil
	}
	text := strings.TrimSpace(x.paras[pi].text[l.rest:])
	if !utf8.ValidString(text) || text == "" {
		return nil
	}
	return &rawQuote{para: pi, text: text, speakers: []*localActor{l.speaker}}
}
