package corpus

import "testing"

// TestPlainFrontMatterAgreesWithYAML checks that the fast reader of plain front matter
// gives what the YAML parser gives, and leaves to the parser what it cannot read alone.
func TestPlainFrontMatterAgreesWithYAML(t *testing.T) {
	for _, tc := range []struct {
		header string
		plain  bool // the fast reader takes it
	}{
		{"title: Counties Test Their Voting Machines\ndate: 2021-03-04\npublisher: The Daily Ledger\nauthor: Jane Roe\nurl: https://example.com/a/b?c=d", true},
		{"title: Roe’s plan, explained\ndate: 2021-03-04", true},
		{"title: A title with trailing spaces   \ntags: voting", true},
		{"date: 2021-03-04T10:00:00Z", false},          // a time of day
		{"date: 2021-03-04 23:30:00 -05:00", false},    // a zone
		{"title: 1984", false},                         // a number
		{"title: true", false},                         // a boolean
		{"title: null", false},                         // null
		{"title: \"Quoted: title # here\"", true},      // quoting
		{"title: 'single: quoted'  ", true},            // quoting
		{"date: \"2021-03-04\"", true},                 // a quoted date is a string
		{"title: \"esc\\\"aped\"", false},              // an escape
		{"title: 'it''s'", false},                      // an escape
		{"title: \"a\" b", false},                      // text after the mark
		{"title: \"open", false},                       // no closing mark
		{"title: a # comment", false},                  // a comment
		{"title: key: value", false},                   // a mapping in a value
		{"title: A\ntitle: B", false},                  // a repeated key
		{"tags: a\ntags: b", false},                    // a repeated key elecsec does not read
		{"title:value", false},                         // no mapping
		{"title:", true},                               // empty
		{"title: [a, b]", false},                       // a sequence
		{"authors:\n  - Jane Roe", false},              // nesting
		{"", false},                                    // nothing
		{"title: Tab\tinside", false},                  // a tab
		{"title: bom\uFEFFinside", false},              // a character YAML does not print
		{"title: Straße und Café", true},               // other scripts
		{"title: a, b and c; d – e (f) g/h & i", true}, // punctuation
	} {
		fast, ok := plainFrontMatter(tc.header)
		if ok != tc.plain {
			t.Errorf("plainFrontMatter(%q) ok = %v, want %v", tc.header, ok, tc.plain)
		}
		if !ok {
			continue
		}
		slow, err := yamlFrontMatter(tc.header)
		if err != nil {
			t.Errorf("%q: the fast reader took what YAML rejects: %v", tc.header, err)
			continue
		}
		if fast != slow {
			t.Errorf("%q: fast %+v, YAML %+v", tc.header, fast, slow)
		}
	}
}

// FuzzPlainFrontMatter checks on arbitrary headers that whatever the fast reader takes,
// YAML reads the same way.
func FuzzPlainFrontMatter(f *testing.F) {
	f.Add("title: A\ndate: 2020-01-02\nurl: https://x.y/z")
	f.Add("title: x: y")
	f.Add("title: no\nauthor: Roe")
	f.Add("title: \"A: b # c\"\ndate: '2020-01-02'")
	f.Fuzz(func(t *testing.T, header string) {
		fast, ok := plainFrontMatter(header)
		if !ok {
			return
		}
		slow, err := yamlFrontMatter(header)
		if err != nil {
			t.Fatalf("%q: the fast reader took what YAML rejects: %v", header, err)
		}
		if fast != slow {
			t.Fatalf("%q: fast %+v, YAML %+v", header, fast, slow)
		}
	})
}
