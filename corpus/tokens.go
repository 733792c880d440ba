package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is what a token is.
type tokKind uint8

const (
	tokWord   tokKind = iota // letters and digits, with inner . ' ’ - (U.S., D-N.Y., O'Neil)
	tokPunct                 // one punctuation character
	tokOpenQ                 // an opening double quotation mark
	tokCloseQ                // a closing double quotation mark
)

// token is a word or punctuation mark of a paragraph, with its byte span.
type token struct {
	text       string
	start, end int32 // byte offsets in the paragraph: paragraphs are far shorter than 2 GB
	kind       tokKind
	inQuote    bool // inside a quotation
	sentEnd    bool // a full stop, question or exclamation mark that ends a sentence
	used       bool // a reporting verb already spent attributing a quotation
}

// tokenize splits a paragraph into tokens, appending them to buf. A word keeps a trailing full stop when it is an
// abbreviation or an initial ("Sen.", "E.", "Calif.", "U.S."); otherwise the stop is a token
// of its own that ends the sentence.
func tokenize(p string, buf []token) []token { return tokenizeMarks(p, buf, false) }

// tokenizeMarks is tokenize for a text whose quotation marks may be single ones, as
// British style writes them (‘…’, or '…' typed plainly): with single set, ‘ opens a
// quotation and a ’ that ends no word inside it ("don’t") closes one, unless it reads as a
// plural's possessive ("the voters’ rolls"); a plain ' opens before a word and closes after
// one.
func tokenizeMarks(p string, buf []token, single bool) []token {
	toks := buf
	for i := 0; i < len(p); {
		r, size := rune(p[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(p[i:])
		}
		switch {
		case r == ' ':
			i += size
		case isWordRune(r):
			j := i + size
			for j < len(p) {
				if c := p[j]; c < utf8.RuneSelf && asciiWord[c] {
					j++
					continue
				}
				r2, s2 := rune(p[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, s2 = utf8.DecodeRuneInString(p[j:])
				}
				if isWordRune(r2) {
					j += s2
					continue
				}
				// Inner joiners: a letter must follow ("D-N.Y", "O'Neil", "don’t").
				if (r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '&') && wordRuneAt(p, j+s2) {
					j += s2
					continue
				}
				break
			}
			w := p[i:j]
			// A trailing full stop belongs to an abbreviation, or to an initial unless the
			// letter is the platform: "wrote on X. Roe said".
			if j < len(p) && p[j] == '.' && keepsStop(w) && !(w == "X" && platformBefore(toks)) {
				j++
				w = p[i:j]
			}
			toks = append(toks, token{text: w, start: int32(i), end: int32(j), kind: tokWord})
			i = j
		case single && r == '‘':
			toks = append(toks, token{text: p[i : i+size], start: int32(i), end: int32(i + size), kind: tokOpenQ})
			i += size
		case single && r == '’' && !pluralPossessive(p, i, size), single && r == '\'' && straightCloses(p, i):
			toks = append(toks, token{text: p[i : i+size], start: int32(i), end: int32(i + size), kind: tokCloseQ})
			i += size
		case single && r == '\'' && straightOpens(p, i):
			toks = append(toks, token{text: p[i : i+1], start: int32(i), end: int32(i + 1), kind: tokOpenQ})
			i++
		case r == '“' || r == '„' || r == '«':
			toks = append(toks, token{text: p[i : i+size], start: int32(i), end: int32(i + size), kind: tokOpenQ})
			i += size
		case r == '”' || r == '»':
			toks = append(toks, token{text: p[i : i+size], start: int32(i), end: int32(i + size), kind: tokCloseQ})
			i += size
		case r == '"':
			// A straight mark opens when it follows a space or an opening bracket, else closes.
			open := i == 0 || strings.ContainsRune(" ([{—–-/", lastRune(p[:i]))
			if i+1 < len(p) && p[i+1] == ' ' && i > 0 {
				open = false
			}
			k := tokCloseQ
			if open {
				k = tokOpenQ
			}
			toks = append(toks, token{text: p[i : i+1], start: int32(i), end: int32(i + 1), kind: k})
			i++
		default:
			t := token{text: p[i : i+size], start: int32(i), end: int32(i + size), kind: tokPunct}
			if r == '.' || r == '!' || r == '?' || r == '…' {
				t.sentEnd = true
			}
			toks = append(toks, t)
			i += size
		}
	}
	return toks
}

// platformBefore reports whether the last token is a word that puts a social platform
// after it: "posted on X", "via X".
func platformBefore(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	w := toks[len(toks)-1].text
	return w == "on" || w == "via" || w == "to"
}

// pluralPossessive reports whether the ’ at p[i:i+size] follows a plural's s and comes
// before a lower-case word: "the voters’ rolls".
func pluralPossessive(p string, i, size int) bool {
	if i == 0 || p[i-1] != 's' || i+size+1 >= len(p) || p[i+size] != ' ' {
		return false
	}
	return isLowerASCII(p[i+size+1])
}

// singleQuoted reports whether a document's quotation marks are single ones (‘…’, or
// '…' typed plainly): it opens with them at least twice, and more than twice as often as
// with “.
func singleQuoted(paras []string) bool {
	singles, doubles := 0, 0
	for _, p := range paras {
		singles += strings.Count(p, "‘")
		for i := strings.IndexByte(p, '\''); i >= 0; {
			if straightOpens(p, i) {
				singles++
			}
			next := strings.IndexByte(p[i+1:], '\'')
			if next < 0 {
				break
			}
			i += 1 + next
		}
		doubles += strings.Count(p, "“") + strings.Count(p, "\"")/2
	}
	return singles >= 2 && singles > 2*doubles
}

// straightOpens reports whether the ' at p[i] opens a quotation: it starts the text or
// follows a space, a bracket or a dash, and a letter follows it ('We will …'; not '90s).
func straightOpens(p string, i int) bool {
	if i > 0 && !strings.ContainsRune(" ([{—–-", lastRune(p[:i])) || i+1 >= len(p) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p[i+1:])
	return unicode.IsLetter(r)
}

// straightCloses reports whether the ' at p[i] closes a quotation: it follows a word or a
// stop, ends the text or comes before a space or a stop, and is not a plural's possessive
// ("the voters' rolls").
func straightCloses(p string, i int) bool {
	if i == 0 || pluralPossessive(p, i, 1) {
		return false
	}
	if prev := lastRune(p[:i]); !isWordRune(prev) && !strings.ContainsRune(".,!?…;:\"”", prev) {
		return false // (after a closing double mark: 'My first thought was, "How many?"' Mr Teale said)
	}
	if i+1 == len(p) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(p[i+1:])
	return strings.ContainsRune(" .,;:!?)—–-", next)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordRuneAt reports whether a word character starts at p[k].
func wordRuneAt(p string, k int) bool {
	if k >= len(p) {
		return false
	}
	if c := p[k]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(p[k:])
	return isWordRune(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// keepsStop reports whether a word followed by "." is an abbreviation that owns the stop.
func keepsStop(w string) bool {
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial
	}
	if strings.Contains(w, ".") || isPartyTag(w) {
		return true // U.S, D-N.Y, R-Fla
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt", "Col", "Ald", "Hon",
		"Capt", "Sgt", "Maj", "Adm", "Cmdr", "Prof", "Rev", "Del", "Atty", "Sec", "Supt", "Mx", "No", "Inc", "Corp",
		"Co", "Ltd", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "etc", "approx",
		"Barr", "Engr", "Adv", "Smt", "Cllr", "Ing", "Lic", "Dra", "Sra", "Mme":
		return true
	}
	return lexicon.places.hasWithStop(w)
}

// isCapitalized reports whether a word starts with an upper-case letter.
func isCapitalized(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if r == 'd' && len(w) > n+1 {
		// "d'Ávila", "d’Estaing": a family name behind its particle.
		rest := w[n:]
		switch {
		case rest[0] == '\'':
			rest = rest[1:]
		case strings.HasPrefix(rest, "’"):
			rest = rest[len("’"):]
		default:
			return false
		}
		r, _ = utf8.DecodeRuneInString(rest)
	}
	return unicode.IsUpper(r)
}

// markQuotesAndSentences sets inQuote on tokens inside quotation marks and sentEnd on the
// stops that end a sentence, and returns the quotation spans as token index pairs
// [open, close]; close is len(toks) for a quotation left open at the end of the paragraph.
func markQuotesAndSentences(toks []token) [][2]int {
	var spans [][2]int
	open := -1
	depth := 0
	for i := range toks {
		switch toks[i].kind {
		case tokOpenQ:
			if open < 0 {
				open = i
			} else {
				depth++ // a quotation inside a quotation belongs to the outer one
			}
		case tokCloseQ:
			if open < 0 {
				continue // a stray closing mark
			}
			if depth > 0 {
				depth--
				continue
			}
			spans = append(spans, [2]int{open, i})
			open = -1
		default:
			if open >= 0 {
				toks[i].inQuote = true
			}
		}
	}
	if open >= 0 {
		spans = append(spans, [2]int{open, len(toks)})
	}
	// A stop ends a sentence only when what follows could start one.
	for i := range toks {
		if !toks[i].sentEnd {
			continue
		}
		j := i + 1
		for j < len(toks) && (toks[j].kind == tokCloseQ || toks[j].text == ")") {
			j++
		}
		if j < len(toks) && toks[j].kind == tokWord && !isCapitalized(toks[j].text) && !isDigitStart(toks[j].text) {
			toks[i].sentEnd = false
		}
	}
	return spans
}

func isDigitStart(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }
