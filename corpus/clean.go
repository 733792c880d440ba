package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanInto removes page chrome from an article's body, keeps every word of the article,
// splits it into paragraphs and fills in from the text whatever metadata the front matter
// did not give (date, title, byline).
func cleanInto(doc *Document, body string, markdown bool) {
	text := normalizeSpace(body)
	text = removeHoverCards(text)
	if strings.IndexByte(text, '{') >= 0 {
		text = adPlaceholder.ReplaceAllString(text, "")
	}
	text = restoreMissingSpaces(text)

	lines := strings.Split(text, "\n")
	if date, rest, ok := leadingDate(lines); ok {
		if doc.Date == "" {
			doc.Date = date
		}
		lines = rest
	}
	// Runs of non-blank lines, each a range of kept: one array for the whole document.
	kept := make([]string, 0, len(lines))
	var blocks [][2]int
	start := 0
	flush := func() {
		if len(kept) > start {
			blocks = append(blocks, [2]int{start, len(kept)})
		}
		start = len(kept)
	}
	var headings []string
	for _, line := range lines {
		line = collapseSpaces(line)
		if markdown {
			var heading bool
			line, heading = cleanMarkdownLine(line)
			if heading {
				flush()
				headings = append(headings, line)
				kept = append(kept, headingMark+line)
				flush()
				continue
			}
		}
		switch {
		case line == "":
			flush()
		case isChromeLine(line):
			flush()
		case strings.IndexByte("PpUuLl", line[0]) >= 0 && publishedLine.MatchString(line) && parseDateline(line) != "":
			if doc.Date == "" {
				doc.Date = parseDateline(line)
			}
			flush()
		case isByline(line):
			if doc.Author == "" {
				doc.Author = strings.TrimSpace(byline.FindStringSubmatch(bylineName(line))[1])
			}
			if doc.Date == "" {
				doc.Date = parseDateline(line)
			}
			flush()
		default:
			kept = append(kept, line)
		}
	}
	flush()

	paras := make([]string, 0, len(kept))
	for _, b := range blocks {
		for _, p := range blockParagraphs(kept[b[0]:b[1]]) {
			if len(p) > maxParagraph {
				paras = append(paras, splitLong(p, maxParagraph)...)
			} else {
				paras = append(paras, p)
			}
		}
	}
	// A first paragraph shaped like a headline is the title, not body text; so is a
	// paragraph that repeats the title given in front matter.
	for len(paras) > 1 {
		first := strings.TrimPrefix(paras[0], headingMark)
		if doc.Title != "" && sameText(first, doc.Title) {
			paras = paras[1:]
			continue
		}
		if doc.Title == "" && (strings.HasPrefix(paras[0], headingMark) || looksLikeHeadline(first)) {
			doc.Title = first
			paras = paras[1:]
		}
		break
	}
	doc.body = make([]string, 0, len(paras))
	for _, p := range paras {
		if strings.HasPrefix(p, headingMark) {
			continue // a markdown heading inside the body: a label, not the article's words
		}
		doc.body = append(doc.body, p)
	}
	for i := 0; doc.Date == "" && i < min(3, len(doc.body)); i++ {
		doc.Date = parseDateline(prefix(doc.body[i], 160)) // a dateline opens one of the first paragraphs
	}
	if doc.Title == "" && len(headings) > 0 {
		doc.Title = headings[0]
	}
}

// maxParagraph is the longest paragraph kept whole; a longer one (no article has one) is
// split at sentence ends, which bounds the work extraction does on any one paragraph.
const maxParagraph = 4000

// splitLong splits p into pieces of at most n bytes, at a sentence end where there is one,
// else at a space, else anywhere on a character boundary.
func splitLong(p string, n int) []string {
	var out []string
	for len(p) > n {
		cut := strings.LastIndex(p[:n], ". ")
		if cut > n/2 {
			cut++
		} else if cut = strings.LastIndexByte(p[:n], ' '); cut <= 0 {
			cut = n
			for cut > 0 && !utf8.RuneStart(p[cut]) {
				cut--
			}
			if cut == 0 {
				cut = n
			}
		}
		out = append(out, strings.TrimSpace(p[:cut]))
		p = strings.TrimSpace(p[cut:])
	}
	return append(out, p)
}

// headingMark prefixes a paragraph that is a heading while paragraphs are assembled.
const headingMark = "\x00#"

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// normalizeSpace folds line endings, turns non-breaking and other odd spaces into plain
// ones and drops zero-width and control characters.
func normalizeSpace(s string) string {
	var b strings.Builder
	last := 0 // s[last:i] is still to be copied
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf || c == '\n' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var repl string
		switch {
		case c == '\r':
			repl = "\n"
			if i+1 < len(s) && s[i+1] == '\n' {
				repl = ""
			}
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			repl = "" // zero-width and soft hyphen: invisible
		case r == '\t' || r == '\f' || r == '\v' || unicode.IsSpace(r):
			repl = " "
		case unicode.IsControl(r) || r == utf8.RuneError && size == 1:
			repl = ""
		default:
			i += size
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		i += size
		last = i
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// adPlaceholder matches template tags left in a page, such as "{adslot}".
var adPlaceholder = regexp.MustCompile(`\{/?[A-Za-z_][A-Za-z0-9_-]{0,30}\}`)

// removeHoverCards drops the captions some sites glue after a person's name: the name again
// in full, a few headlines, and a closing "MORE", as in
// "Jane RoeJane Q. RoeSome headline Another headline MORE (D-Ore.)". The caption is known by
// its shape: it starts right after the name with no space (a lower-case letter followed by a
// capital), repeats the name's last word near its start, and ends at the word MORE.
func removeHoverCards(s string) string {
	if !strings.Contains(s, "MORE") {
		return s
	}
	var b strings.Builder
	last := 0
	more := -1 // offset of the next "MORE" word at or after i, found once and reused
	for i := 1; i < len(s); i++ {
		if !isUpperASCII(s[i]) || !isLowerASCII(s[i-1]) {
			continue
		}
		if more < i {
			if j := wordIndex(s[i:], "MORE"); j >= 0 {
				more = i + j
			} else {
				break // no caption can end after here
			}
		}
		if more-i > hoverCardMax {
			continue
		}
		start := i - 1
		for start > 0 && i-start < 40 && isLetterASCII(s[start-1]) {
			start--
		}
		word := s[start:i]
		if len(word) < 3 || !isUpperASCII(word[0]) {
			continue
		}
		caption := s[i:more]
		if strings.IndexByte(caption, '\n') >= 0 || !containsWord(prefix(caption, len(word)+60), word) {
			continue
		}
		b.WriteString(s[last:i])
		last = more + len("MORE")
		i = last
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// hoverCardMax is the longest caption removeHoverCards removes.
const hoverCardMax = 900

func isUpperASCII(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLowerASCII(c byte) bool  { return c >= 'a' && c <= 'z' }
func isLetterASCII(c byte) bool { return isUpperASCII(c) || isLowerASCII(c) }

// wordIndex finds w in s standing as a word of its own (not inside a longer word).
func wordIndex(s, w string) int {
	from := 0
	for {
		j := strings.Index(s[from:], w)
		if j < 0 {
			return -1
		}
		j += from
		before := j == 0 || !isLetterASCII(s[j-1])
		after := j+len(w) == len(s) || !isLetterASCII(s[j+len(w)])
		if before && after {
			return j
		}
		from = j + len(w)
	}
}

// containsWord reports whether w occurs in s at the start of a word and not followed by a
// lower-case letter (so "Roe" matches "RoeSome" but not "Roemer").
func containsWord(s, w string) bool {
	from := 0
	for {
		j := strings.Index(s[from:], w)
		if j < 0 {
			return false
		}
		j += from
		before := j == 0 || !isLetterASCII(s[j-1])
		after := j+len(w) == len(s) || !isLowerASCII(s[j+len(w)])
		if before && after {
			return true
		}
		from = j + len(w)
	}
}

// restoreMissingSpaces puts back the space a careless page drops after a comma, after a
// closing quotation mark, after a sentence's full stop, and between a number and a word
// ("2016,Russian", "stake.”The", "21Attorneys").
func restoreMissingSpaces(s string) string {
	for i := 0; i+1 < len(s); i++ {
		if spaceCandidates[s[i]] && needsSpaceAfter(s, i) {
			return insertSpaces(s)
		}
	}
	return s
}

// spaceCandidates are the bytes after which needsSpaceAfter may find a space missing.
var spaceCandidates = func() (t [256]bool) {
	for _, c := range []byte(",.!?0123456789\xE2") {
		t[c] = true
	}
	return t
}()

// insertSpaces rebuilds s with a space wherever needsSpaceAfter says one is missing.
func insertSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	last := 0
	for i := 0; i+1 < len(s); i++ {
		if needsSpaceAfter(s, i) {
			end := i + 1
			if s[i] >= utf8.RuneSelf { // a closing curly quote is three bytes long
				_, size := utf8.DecodeRuneInString(s[i:])
				end = i + size
			}
			b.WriteString(s[last:end])
			b.WriteByte(' ')
			last = end
			i = end - 1
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// needsSpaceAfter reports whether a space is missing after the character starting at s[i].
func needsSpaceAfter(s string, i int) bool {
	c := s[i]
	switch {
	case c == ',':
		// "2016,Russian" but not "1,000" or "a,b" inside a URL-ish token.
		return i > 0 && isLetterOrDigitASCII(s[i-1]) && i+1 < len(s) && isLetterASCII(s[i+1]) &&
			!(i+2 < len(s) && s[i+1] == 'a' && s[i+2] == '=')
	case c >= '0' && c <= '9':
		// "21Attorneys": a number glued to a capitalised word.
		return i+2 < len(s) && isUpperASCII(s[i+1]) && isLowerASCII(s[i+2]) && !(i > 0 && isLetterASCII(s[i-1]))
	case c == '.' || c == '!' || c == '?':
		// "done.The": a sentence end glued to the next; not "U.S." nor "e.g.".
		return i >= 2 && isLowerASCII(s[i-1]) && isLowerASCII(s[i-2]) && i+2 < len(s) && isUpperASCII(s[i+1]) && isLowerASCII(s[i+2])
	case c == 0xE2 && strings.HasPrefix(s[i:], "”"):
		j := i + len("”")
		if j >= len(s) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(s[j:])
		return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '“'
	}
	return false
}

func isLetterOrDigitASCII(c byte) bool { return isLetterASCII(c) || (c >= '0' && c <= '9') }

var (
	leadingDateRe = regexp.MustCompile(`^\s*(?i:date)\s*:?\s*(\d{4}-\d{2}-\d{2})\b\s*`)
	byline        = regexp.MustCompile(`^(?i:by)\s*:?\s+([A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|and|de|van|von|del|la|le))*)\s*$`)
	counterLine   = regexp.MustCompile(`^\d[\d,.]*\s*[KkMm]?\s+(?i:members|followers|subscribers|readers|views|comments|shares|likes|reactions)$`)
	creditLine    = regexp.MustCompile(`^(?:©|\(c\)\s|(?i:copyright)\s|(?i:photo|image|picture)(?:\s+(?i:credit|by))?\s*:|(?i:credits?)\s*:|(?i:getty images)|(?i:ap photo))`)
	publishedLine = regexp.MustCompile(`^(?i:published|updated|posted|last updated)\b[^.]{0,60}\d{4}`)
	contactLine   = regexp.MustCompile(`^(?i:media contact|press contact|contact)\s*:`)
	creditBare    = regexp.MustCompile(`^(?i:credits?|photo by|photograph by)\s+[\p{Lu}]`)
)

// chromeWords are whole lines that are a site's buttons, not the article's words.
var chromeWords = map[string]bool{
	"login": true, "log in": true, "logout": true, "sign in": true, "sign up": true, "register": true,
	"subscribe": true, "menu": true, "search": true, "share": true, "share this": true, "share this article": true,
	"tweet": true, "email": true, "print": true, "advertisement": true, "sponsored": true, "sponsored content": true,
	"skip to content": true, "skip to main content": true, "close": true, "home": true, "read more": true,
	"related": true, "related articles": true, "comments": true, "comment": true, "follow": true, "follow us": true,
	"story continues below advertisement": true, "continue reading": true, "advertisement:": true,
	"for immediate release": true, "press release": true, "news release": true, "###": true, "-30-": true,
}

// isByline reports whether a line is "By Jane Roe", perhaps with a date after a bar or dash.
func isByline(line string) bool {
	if len(line) > 120 || len(line) < 4 || !strings.EqualFold(line[:2], "by") || isLetterASCII(line[2]) {
		return false
	}
	name := bylineName(line)
	fields := strings.Fields(name)
	if len(fields) < 2 || len(fields) > 7 || len(line)-len(name) > 40 || lexicon.common.has(strings.Trim(fields[1], ":")) {
		return false // "By Tuesday, the county had counted …" is the article's text
	}
	return byline.MatchString(name)
}

// bylineName is a byline without what follows a separator: "By Jane Roe | May 3, 2023".
func bylineName(line string) string {
	cut := len(line)
	for _, sep := range []string{" | ", " — ", " – ", " - ", ", "} {
		if i := strings.Index(line, sep); i > 0 && i < cut {
			cut = i // "By Jane Roe, Staff Writer", "By Jane Roe | May 3, 2023"
		}
	}
	return strings.TrimSpace(line[:cut])
}

// scriptLiterals are what a page's script leaves behind as a line of its own.
var scriptLiterals = map[string]bool{"false": true, "true": true, "null": true, "undefined": true, "nan": true}

// isChromeLine reports whether a whole line is page furniture: a member count, a button, an
// edit marker, a photo credit, or a script's stray literal at the end of the page.
func isChromeLine(line string) bool {
	if len(line) >= 100 {
		return false // every kind of chrome is short
	}
	switch {
	case len(line) <= 40 && hasLower(chromeWords, line):
		return true
	case line[0] >= '0' && line[0] <= '9' && counterLine.MatchString(line):
		return true
	case len(line) < 80 && contactLine.MatchString(line):
		return true // a press release's "Contact: Press Office, 555-0100"
	case len(line) < 30 && line[0] == '-' && len(strings.Fields(line)) == 1 && isLetterASCII(line[len(line)-1]):
		return true // "-edited"
	case len(line) <= 9 && hasLower(scriptLiterals, line):
		return true
	case strings.IndexByte("©(CcPpIiGgAa", line[0]) >= 0 && creditLine.MatchString(line) && !strings.ContainsAny(line, "“”\""):
		return true
	case len(strings.Fields(line)) <= 8 && !strings.HasSuffix(line, ".") && creditBare.MatchString(line):
		return true // "Credit Jo Lensman/Agency"
	case strings.IndexFunc(line, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0:
		return true // punctuation only
	}
	return false
}

// leadingDate finds a "date YYYY-MM-DD" marker at the very start of the text.
func leadingDate(lines []string) (string, []string, bool) {
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		m := leadingDateRe.FindStringSubmatchIndex(l)
		if m == nil {
			return "", lines, false
		}
		out := append([]string{}, lines...)
		out[i] = l[m[1]:]
		return l[m[2]:m[3]], out, true
	}
	return "", lines, false
}

var (
	monthNames = map[string]string{
		"january": "01", "february": "02", "march": "03", "april": "04", "may": "05", "june": "06",
		"july": "07", "august": "08", "september": "09", "october": "10", "november": "11", "december": "12",
		"jan": "01", "feb": "02", "mar": "03", "apr": "04", "jun": "06", "jul": "07", "aug": "08",
		"sep": "09", "sept": "09", "oct": "10", "nov": "11", "dec": "12",
	}
)

// parseDateline finds a date written like "July 23, 2018" and returns it as YYYY-MM-DD.
// It looks at the first three dates so written, as the regular expression
// \b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b would find them, and takes the first whose
// month and day are real.
func parseDateline(s string) string {
	found := 0
	for i := 0; i < len(s) && found < 3; i++ {
		month, day, year, end := datelineAt(s, i)
		if end < 0 {
			continue
		}
		found++
		mm, ok := monthNames[strings.ToLower(month)]
		if len(day) == 1 {
			day = "0" + day
		}
		if ok && day <= "31" && day != "00" {
			return year + "-" + mm + "-" + day
		}
		i = end - 1
	}
	return ""
}

// datelineAt reads a date like "July 23, 2018" or "Aug. 3 2020" starting at s[i], and
// returns its parts and where it ends, or end -1.
func datelineAt(s string, i int) (month, day, year string, end int) {
	if !isUpperASCII(s[i]) || i > 0 && isWordByte(s[i-1]) {
		return "", "", "", -1
	}
	j := i + 1
	for j < len(s) && isLowerASCII(s[j]) {
		j++
	}
	if n := j - i - 1; n < 2 || n > 8 {
		return "", "", "", -1
	}
	month = s[i:j]
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j >= len(s) || s[j] != ' ' {
		return "", "", "", -1
	}
	j++
	k := digitsAt(s, j, 2)
	if k == j {
		return "", "", "", -1
	}
	day = s[j:k]
	if k < len(s) && s[k] == ',' {
		k++
	}
	if k >= len(s) || s[k] != ' ' {
		return "", "", "", -1
	}
	y := k + 1
	k = digitsAt(s, y, 4)
	if k-y != 4 || k < len(s) && isWordByte(s[k]) {
		return "", "", "", -1
	}
	return month, day, s[y:k], k
}

func isWordByte(c byte) bool {
	return c < utf8.RuneSelf && asciiWord[c] || c == '_'
}

func isDigitASCII(c byte) bool { return c >= '0' && c <= '9' }

// digitsAt returns where the run of at most n ASCII digits starting at s[k] ends.
func digitsAt(s string, k, n int) int {
	e := k
	for e < len(s) && e-k < n && isDigitASCII(s[e]) {
		e++
	}
	return e
}

// blockParagraphs splits a run of non-blank lines into paragraphs. Most pages put one
// paragraph on a line; a hard-wrapped text file (every line but the last of similar,
// moderate length) is one paragraph per block.
func blockParagraphs(block []string) []string {
	if len(block) == 1 {
		return block
	}
	wrapped := true
	for _, l := range block[:len(block)-1] {
		if n := utf8.RuneCountInString(l); n < 35 || n > 110 || strings.HasPrefix(l, headingMark) {
			wrapped = false
			break
		}
	}
	if wrapped {
		return []string{strings.Join(block, " ")}
	}
	return block
}

// looksLikeHeadline reports whether a paragraph reads as a headline: short, and not ending
// like a sentence.
func looksLikeHeadline(p string) bool {
	n := len(strings.Fields(p))
	if n == 0 || n > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if strings.ContainsRune(".!?\"”’)]:;,", last) {
		return false
	}
	// A headline is one sentence: "…box,” said Jane Doe. “We…" is body text.
	for i := 1; i+2 < len(p); i++ {
		if (p[i] == '.' || p[i] == '?' || p[i] == '!') && p[i+1] == ' ' && isLowerASCII(p[i-1]) && !isLowerASCII(p[i+2]) {
			return false
		}
	}
	return true
}

func sameText(a, b string) bool {
	next := func(s string, i int) (rune, int) {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r), i
			}
		}
		return -1, i
	}
	i, j := 0, 0
	for {
		var ra, rb rune
		ra, i = next(a, i)
		rb, j = next(b, j)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
	}
}

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|_)([^*_\s][^*_]*?)(\*\*|__|\*|_)`)
)

// cleanMarkdownLine strips Markdown mark-up from a line and says whether it was a heading.
func cleanMarkdownLine(line string) (string, bool) {
	heading := false
	if strings.HasPrefix(line, "#") {
		t := strings.TrimLeft(line, "#")
		if t == "" || t[0] == ' ' {
			line, heading = strings.TrimSpace(t), true
		}
	}
	for _, p := range []string{"> ", "- ", "* ", "+ "} {
		line = strings.TrimPrefix(line, p)
	}
	line = mdLink.ReplaceAllString(line, "$1")
	line = mdEmphasis.ReplaceAllString(line, "$2")
	return strings.TrimSpace(line), heading && line != ""
}
