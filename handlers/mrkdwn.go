package handlers

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/elecsec/elecsec/corpus"
	"github.com/kljensen/snowball/english"
)

// ExcerptLimit is the most characters of a quote or passage an answer shows.
const ExcerptLimit = 600

// entityDecoder undoes the escapes Slack uses (and the HTML ones that survive in scraped
// articles), so that text escaped once already is not escaped twice.
var entityDecoder = strings.NewReplacer(
	"&amp;", "&", "&lt;", "<", "&gt;", ">",
	"&quot;", `"`, "&#34;", `"`, "&#39;", "'", "&apos;", "'",
)

var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// broadcastBreaker puts a word joiner after the @ of a bare broadcast word, so that no
// client which links names ever turns quoted text into a ping.
var broadcastWord = regexp.MustCompile(`(?i)(^|[^\w.@])@(channel|here|everyone)\b`)

// Escape makes document or user text safe to put in Slack mrkdwn: it turns &, < and > into
// &amp;, &lt; and &gt;, so that <!channel>, <!here> or <@U123> in the text are shown, never
// acted on. Entities the text already carries are decoded first, so escaping is idempotent
// and nobody ever sees &amp;amp;.
func Escape(s string) string {
	s = decodeEntities(s)
	if strings.Contains(s, "@") {
		s = broadcastWord.ReplaceAllString(s, "$1@\u2060$2")
	}
	return mrkdwnEscaper.Replace(s)
}

// decodeEntities decodes until nothing is left to decode, so text that was escaped twice
// upstream still reads as it was written.
func decodeEntities(s string) string {
	for range 8 {
		if !strings.Contains(s, "&") {
			return s
		}
		d := entityDecoder.Replace(s)
		if d == s {
			return s
		}
		s = d
	}
	return s
}

// Link returns a mrkdwn link <url|label> with the label escaped. When rawURL is not a plain
// http or https address that can sit in a link (no spaces, |, < or >), it returns the
// escaped label alone: a source without a usable address is named, not linked.
func Link(rawURL, label string) string {
	l := Escape(label)
	u, ok := linkURL(rawURL)
	if !ok {
		return l
	}
	if l == "" {
		return "<" + u + ">"
	}
	return "<" + u + "|" + l + ">"
}

// linkURL reports whether s can be the address of a mrkdwn link, and returns it with & escaped.
func linkURL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 1500 || strings.ContainsAny(s, "|<> \t\r\n\"") {
		return "", false
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			return "", false
		}
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return strings.ReplaceAll(s, "&", "&amp;"), true
}

// EscapeExcerpt is the excerpt of text that an answer shows, as mrkdwn: cut to at most
// ExcerptLimit characters at a sentence boundary around the first matched term, escaped,
// with terms in bold.
func EscapeExcerpt(text string, terms []string) string {
	return Highlight(Excerpt(text, terms, ExcerptLimit), terms)
}

// Excerpt returns at most about limit characters of text, whitespace collapsed. A text that
// is too long is cut at sentence boundaries, keeping the first sentence that holds one of
// terms; what is left out is marked with an ellipsis. A single sentence longer than limit is
// cut at a word boundary. The result is plain text, not yet escaped.
func Excerpt(text string, terms []string, limit int) string {
	text = strings.Join(strings.Fields(decodeEntities(text)), " ")
	if limit <= 0 || utf8.RuneCountInString(text) <= limit {
		return text
	}
	sentences := splitSentences(text)
	focus := 0
	for i, s := range sentences {
		if len(matchedSpans(s, terms)) > 0 {
			focus = i
			break
		}
	}
	// Start at the beginning when the focus sentence is reached within the limit: the
	// opening gives the quote its context.
	start := focus
	if runeLen(strings.Join(sentences[:focus+1], " ")) <= limit {
		start = 0
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("… ")
	}
	end := start
	for end < len(sentences) {
		next := sentences[end]
		if end > start {
			next = " " + next
		}
		if runeLen(b.String())+runeLen(next)+2 > limit {
			break
		}
		b.WriteString(next)
		end++
	}
	if end == start {
		// One sentence longer than the limit: cut it between words.
		b.WriteString(cutWords(sentences[start], limit-runeLen(b.String())-1))
		b.WriteString("…")
		return b.String()
	}
	if end < len(sentences) {
		b.WriteString(" …")
	}
	return b.String()
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// cutWords returns the longest prefix of s of at most max characters that ends at a word
// boundary, preferring one at a clause boundary (a comma, semicolon, colon or dash) when
// that keeps most of it, without trailing punctuation.
func cutWords(s string, max int) string {
	if max <= 0 {
		return ""
	}
	if runeLen(s) <= max {
		return s
	}
	rs := []rune(s)
	cut := -1
	for i := max; i > 0; i-- {
		if unicode.IsSpace(rs[i]) {
			cut = i
			break
		}
	}
	if cut < 0 {
		cut = max // one enormous word: cut it, nothing better exists
	}
	head := string(rs[:cut])
	if i := strings.LastIndexAny(head, ",;:—–"); i > 0 && runeLen(head[:i]) > max*2/3 {
		head = head[:i]
	}
	return strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '”' && r != '’'
	})
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "sens": true, "rep": true,
	"reps": true, "gov": true, "lt": true, "gen": true, "col": true, "st": true, "jr": true,
	"sr": true, "inc": true, "co": true, "corp": true, "no": true, "vs": true, "prof": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true, "sep": true,
	"oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true, "d.c": true, "e.g": true,
	"i.e": true, "etc": true, "approx": true, "dept": true,
}

// splitSentences splits text (whitespace already collapsed) after ., ! or ? and any closing
// quotes or brackets, when a space and a capital, digit or opening quote follow and the
// period does not end an abbreviation or an initial.
func splitSentences(text string) []string {
	var out []string
	rs := []rune(text)
	start := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] != '.' && rs[i] != '!' && rs[i] != '?' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune("\"'”’)]", rs[j]) {
			j++
		}
		if j >= len(rs) || rs[j] != ' ' || j+1 >= len(rs) {
			continue
		}
		next := rs[j+1]
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"“‘(", next) {
			continue
		}
		if rs[i] == '.' && j == i+1 && endsAbbreviation(rs[start:i]) {
			continue
		}
		out = append(out, string(rs[start:j]))
		start = j + 1
		i = j
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

// endsAbbreviation reports whether the word before a period is an abbreviation or a
// single-letter initial.
func endsAbbreviation(before []rune) bool {
	k := len(before)
	for k > 0 && !unicode.IsSpace(before[k-1]) && before[k-1] != '(' {
		k--
	}
	word := strings.ToLower(strings.TrimLeft(string(before[k:]), "\"“‘'("))
	if runeLen(word) == 1 {
		return true
	}
	return abbreviations[word]
}

// Highlight escapes text for mrkdwn and puts the words that match terms in bold. A word
// matches a term when they are equal ignoring case, when they have the same English stem,
// or when the term is a stem of at least four letters that the word extends by at most
// four. Neighbouring bold words are joined into one bold run.
func Highlight(text string, terms []string) string {
	text = decodeEntities(text)
	spans := matchedSpans(text, terms)
	if len(spans) == 0 {
		return Escape(text)
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(Escape(text[last:sp[0]]))
		b.WriteString("*")
		b.WriteString(Escape(text[sp[0]:sp[1]]))
		b.WriteString("*")
		last = sp[1]
	}
	b.WriteString(Escape(text[last:]))
	return b.String()
}

// matchedSpans returns the byte ranges of the words of text that match terms, with runs of
// matches separated only by spaces merged into one range.
func matchedSpans(text string, terms []string) [][2]int {
	want := termSet(terms)
	if len(want) == 0 {
		return nil
	}
	var spans [][2]int
	for _, w := range words(text) {
		if !termMatches(foldWord(text[w[0]:w[1]]), want) {
			continue
		}
		if n := len(spans); n > 0 && strings.TrimLeft(text[spans[n-1][1]:w[0]], " ") == "" {
			spans[n-1][1] = w[1]
			continue
		}
		spans = append(spans, w)
	}
	return spans
}

// termSet folds terms into single lowercase words, mapped to their stems.
func termSet(terms []string) map[string]string {
	set := map[string]string{}
	for _, t := range terms {
		for _, w := range words(t) {
			if f := foldWord(t[w[0]:w[1]]); f != "" {
				set[f] = english.Stem(f, true)
			}
		}
	}
	return set
}

// termMatches reports whether word (folded) matches one of terms: the same word, the same
// English stem ("urged", "urge"), or a stem of at least four letters that the word extends
// by at most four.
func termMatches(word string, terms map[string]string) bool {
	if _, ok := terms[word]; ok {
		return true
	}
	// Words that share no first letter with a term cannot share its stem: skip the stemmer,
	// the costliest step of rendering an answer.
	related := false
	for t := range terms {
		if t != "" && word != "" && t[0] == word[0] {
			related = true
			break
		}
	}
	if !related {
		return false
	}
	stem := english.Stem(word, true)
	for t, tstem := range terms {
		if tstem == stem && len(stem) >= 3 {
			return true
		}
		if runeLen(t) >= 4 && strings.HasPrefix(word, t) && runeLen(word)-runeLen(t) <= 4 {
			return true
		}
	}
	return false
}

func foldWord(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
}

// words returns the byte ranges of the words of s: letters and digits, with apostrophes
// and hyphens inside a word kept in it ("Russia’s", "cyber-attack").
func words(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if !inWord && start >= 0 && (r == '\'' || r == '’' || r == '-') {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			inWord = unicode.IsLetter(next) || unicode.IsDigit(next)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// FormatDate turns YYYY-MM-DD into "Jan 2, 2006"; anything else is returned as it is.
func FormatDate(date string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.Format("Jan 2, 2006")
}

// SourceLabel names a document the way a reader cites it: "Publisher, Jan 2, 2006", falling
// back to its title, then its id, when the publisher is unknown. It is plain text.
func SourceLabel(doc *corpus.Document) string {
	if doc == nil {
		return ""
	}
	name := firstNonEmpty(doc.Publisher, doc.Title, doc.ID)
	if doc.Date == "" {
		return name
	}
	return name + ", " + FormatDate(doc.Date)
}

// SourceLink is the mrkdwn citation of a document: SourceLabel linked to its URL, or not
// linked when it has none.
func SourceLink(doc *corpus.Document) string {
	if doc == nil {
		return ""
	}
	return Link(doc.URL, SourceLabel(doc))
}

// maxSpeakersShown and maxRolesShown keep a context line short: a quote's speakers are all
// named up to maxSpeakersShown, and the more there are, the fewer roles each gets.
const (
	maxSpeakersShown = 6
	maxRolesShown    = 2
)

// SpeakerLine names speakers, escaped for mrkdwn: one with up to two roles ("Name, role,
// role"), two with one role each ("Name, role; Name, role"), more by name alone ("Name,
// Name, Name and 2 others").
func SpeakerLine(speakers []*corpus.Actor) string {
	var known []*corpus.Actor
	for _, a := range speakers {
		if a != nil {
			known = append(known, a)
		}
	}
	roles, sep := maxRolesShown, "; "
	switch {
	case len(known) == 2:
		roles = 1
	case len(known) > 2:
		roles, sep = 0, ", "
	}
	var parts []string
	for _, a := range known[:min(len(known), maxSpeakersShown)] {
		parts = append(parts, Escape(actorWithRoles(a, roles)))
	}
	if rest := len(known) - len(parts); rest > 0 {
		return strings.Join(parts, sep) + " and " + plural(rest, "other", "others")
	}
	return strings.Join(parts, sep)
}

func actorWithRoles(a *corpus.Actor, roles int) string {
	parts := []string{firstNonEmpty(a.Name, a.ID)}
	for _, r := range nonEmpty(a.Roles) {
		if len(parts) > roles {
			break
		}
		parts = append(parts, r)
	}
	return strings.Join(parts, ", ")
}

// ContextLine is the line under a quote or passage, as mrkdwn: who said it and where,
// "Speaker, role · <url|Publisher, date>". Either half is left out when unknown.
func ContextLine(speakers []*corpus.Actor, doc *corpus.Document) string {
	return joinNonEmpty(" · ", SpeakerLine(speakers), SourceLink(doc))
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// plural is "1 quote" or "3 quotes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// quoted puts plain text between curly quotes and escapes it: “text”.
func quoted(s string) string { return "“" + Escape(s) + "”" }
