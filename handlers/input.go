package handlers

import (
	"regexp"
	"strings"
	"unicode"
)

// MaxQueryChars is the longest query elecsec reads; a longer one gets a reply asking for
// the few words that matter.
const MaxQueryChars = 500

// cleanInput returns text as a one-line query: control and invisible formatting characters
// (zero-width spaces, bidirectional overrides) removed, line breaks and tabs turned into
// spaces, runs of spaces collapsed, and a leading "/elecsec" that a user typed out of habit
// dropped.
func cleanInput(text string) string {
	text = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == unicode.ReplacementChar:
			return -1
		}
		return r
	}, text)
	text = strings.Join(strings.Fields(text), " ")
	if rest, ok := cutWordFold(text, "/elecsec"); ok {
		text = rest
	}
	return text
}

// cutWordFold reports whether text starts with the word w, ignoring case, and returns the
// rest of text after it.
func cutWordFold(text, w string) (string, bool) {
	if len(text) < len(w) || !strings.EqualFold(text[:len(w)], w) {
		return text, false
	}
	rest := text[len(w):]
	if rest != "" && rest[0] != ' ' {
		return text, false
	}
	return strings.TrimSpace(rest), true
}

// splitCommand splits a cleaned request into its first word, lowercased, and the rest.
func splitCommand(text string) (cmd, args string) {
	first, rest, _ := strings.Cut(text, " ")
	return strings.ToLower(first), strings.TrimSpace(rest)
}

// hasWord reports whether s holds at least one letter or digit: something to search for.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// slackMarkup matches Slack's own markup in a message: <@U123>, <#C123|name>, <!here>,
// <https://…|label>.
var slackMarkup = regexp.MustCompile(`<([^<>]*)>`)

var bareURL = regexp.MustCompile(`\bhttps?://\S+`)

// parentQuery turns the text of a thread's parent message into a query: mentions, channel
// links and broadcasts dropped, links replaced by their labels, bare addresses dropped. A
// message longer than a question is reduced to its salient words, in order.
func parentQuery(text string) string {
	text = slackMarkup.ReplaceAllStringFunc(text, func(m string) string {
		inner := m[1 : len(m)-1]
		if strings.HasPrefix(inner, "@") || strings.HasPrefix(inner, "!") || strings.HasPrefix(inner, "#") {
			return " "
		}
		if _, label, ok := strings.Cut(inner, "|"); ok {
			return " " + label + " "
		}
		return " "
	})
	text = decodeEntities(text)
	text = bareURL.ReplaceAllString(text, " ")
	text = cleanInput(text)
	if len([]rune(text)) <= maxParentQuestion {
		return text
	}
	return salientWords(text, maxSalientWords)
}

const (
	maxParentQuestion = 200 // a parent this short is searched as it is, so "who …" keeps its intent
	maxSalientWords   = 24
)

// salientWords returns up to n distinct words of text that are not function words, in order.
func salientWords(text string, n int) string {
	seen := map[string]bool{}
	var out []string
	for _, w := range words(text) {
		word := text[w[0]:w[1]]
		key := foldWord(word)
		if stopWords[key] || seen[key] || len([]rune(key)) < 2 {
			continue
		}
		seen[key] = true
		out = append(out, word)
		if len(out) == n {
			break
		}
	}
	return strings.Join(out, " ")
}

// stopWords are English function words, which say nothing about what a message is about.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are
		aren't as at be because been before being below between both but by can can't could
		couldn't did didn't do does doesn't doing don't down during each few for from further
		had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
		herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its
		itself just let's me more most mustn't my myself no nor not now of off on once only or
		other ought our ours ourselves out over own same shan't she she'd she'll she's should
		shouldn't so some such than that that's the their theirs them themselves then there
		there's these they they'd they'll they're they've this those through to too under until
		up very was wasn't we we'd we'll we're we've were weren't what what's when when's where
		where's which while who who's whom why why's will with won't would wouldn't you you'd
		you'll you're you've your yours yourself yourselves anyone anybody someone something
		said says say think know like get got really please thanks thank hey hi hello folks
		team everyone guys just also would could any`) {
		m[w] = true
	}
	return m
}()
