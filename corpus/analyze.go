package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// stopwords are left out of the index and of queries: function words, and the question
// words people type ("who", "what did … say").
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a about above after again against all am an and any are aren't as at be because
	been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
	down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's
	hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
	mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she
	she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
	there's these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd
	we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with
	won't would wouldn't you you'd you'll you're you've your yours yourself yourselves s t also just will would
	whose whoever anyone anybody someone somebody regarding re
	cant dont wont isnt arent wasnt werent doesnt didnt hasnt havent hadnt couldnt shouldnt wouldnt mustnt shant
	im ive youre youve youll youd theyre theyve theyll theyd weve hes shes thats whats whos`) {
		stopwords[w] = true
	}
}

// irregular maps word forms the stemmer leaves apart to one stem.
var irregular = map[string]string{
	"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "written": "write", "writes": "write",
	"penalties": "penalti", "penalty": "penalti", "spoke": "speak", "spoken": "speak", "began": "begin", "begun": "begin",
	"sought": "seek", "thought": "think", "brought": "bring", "fought": "fight", "held": "hold", "led": "lead", "met": "meet",
	"knew": "know", "known": "know", "gave": "give", "given": "give", "took": "take", "taken": "take", "ran": "run",
	"won": "win", "lost": "lose", "chose": "choose", "chosen": "choose", "hacked": "hack", "hackers": "hack", "hacker": "hack",
	"russian": "russia", "russians": "russia", "american": "america", "americans": "america", "chinese": "china",
	"iranian": "iran", "elections": "elect", "election": "elect", "electoral": "elect",
}

// synonyms tie words that ask for the same thing; a synonym counts for less than the word typed.
var synonyms = map[string][]string{}

func init() {
	groups := [][]string{
		{"sanction", "penalti", "punish"},
		{"hack", "breach", "infiltr", "intrus", "attack", "cyberattack"},
		{"urg", "call", "implor", "press", "push", "demand", "ask"},
		{"warn", "caution", "alarm"},
		{"fund", "grant", "money", "financ", "resourc"},
		{"interfer", "meddl"},
		{"critic", "blast", "slam", "attack"},
		{"say", "tell", "state", "comment", "remark"},
		{"write", "letter"},
	}
	for _, g := range groups {
		for _, a := range g {
			for _, b := range g {
				if a != b {
					synonyms[a] = append(synonyms[a], b)
				}
			}
		}
	}
}

// stemWord returns the index term for a lower-cased word, or "" for a stopword.
func stemWord(w string) string {
	if stopwords[w] {
		return ""
	}
	if t, ok := irregular[w]; ok {
		return t
	}
	if len(w) <= 2 && !isDigitStart(w) {
		return ""
	}
	return english.Stem(w, true)
}

// words splits text into lower-case words for the index: letters and digits, with a
// possessive "'s" dropped and inner apostrophes kept out.
func words(text string, fn func(w []byte)) {
	var buf wordBuf
	buf.words(text, fn)
}

// wordBuf holds the word words is reading. Given a word of it, fn may keep it on the
// heap, so a caller that splits many texts keeps one wordBuf for all of them.
type wordBuf [64]byte

// words is words, the word read into b.
func (b *wordBuf) words(text string, fn func(w []byte)) {
	buf := b[:]
	n := 0
	flush := func() {
		if n > 0 {
			w := buf[:n]
			if n >= 2 && w[n-1] == 's' && w[n-2] == '\'' {
				w = w[:n-2]
			}
			w = bytesTrimQuote(w)
			if len(w) > 0 {
				fn(w)
			}
			n = 0
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				if n < len(buf) {
					buf[n] = c
					n++
				}
			case c >= 'A' && c <= 'Z':
				if n < len(buf) {
					buf[n] = c + 'a' - 'A'
					n++
				}
			case c == '\'' && n > 0:
				if n < len(buf) {
					buf[n] = '\''
					n++
				}
			default:
				flush()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '’' && n > 0:
			if n < len(buf) {
				buf[n] = '\''
				n++
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			var enc [4]byte
			l := utf8.EncodeRune(enc[:], unicode.ToLower(r))
			if n+l <= len(buf) {
				copy(buf[n:], enc[:l])
				n += l
			}
		default:
			flush()
		}
		i += size
	}
	flush()
}

func bytesTrimQuote(w []byte) []byte {
	for len(w) > 0 && w[len(w)-1] == '\'' {
		w = w[:len(w)-1]
	}
	return w
}
