package main

import "testing"

var testUnits = []unit{
	{"a#p1", "The county commission urged new audits before the election."},
	{"a#q1", "Maren Tolliver: We will fund paper ballots in every county."},
	{"b#p1", "Officials debated encryption standards for voting machines."},
	{"b#q1", "Desmond Akerly: Nobody should doubt the integrity of the count."},
}

func TestBleveEngine(t *testing.T) {
	e, err := newBleve(testUnits, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer e.close()
	tests := []struct {
		query string
		want  int
	}{
		{"audits", 1},
		{"audit", 1},                // stemmed
		{"Maren Tolliver", 1},       // a speaker
		{"Maren Toliver", 1},        // a typo
		{"encryption standards", 1}, // two words, one paragraph
		{"county", 3},               // two units, and "count" within two edits
		{"zzzqqq", 0},               // nothing
		{"who urged audits", 1},     // stop word and verb
	}
	for _, tt := range tests {
		got, err := e.search(tt.query)
		if err != nil {
			t.Fatalf("search(%q): %v", tt.query, err)
		}
		if got != tt.want {
			t.Errorf("bleve search(%q) = %d hits; want %d", tt.query, got, tt.want)
		}
	}
}

func TestFuzzyEngine(t *testing.T) {
	e := &fuzzyEngine{quotes: []string{testUnits[1].text, testUnits[3].text}}
	tests := []struct {
		query string
		want  int
	}{
		{"Maren Tolliver", 1},
		{"paper ballots", 1},
		{"integrity", 1},
		{"zzzqqq", 0},
	}
	for _, tt := range tests {
		got, err := e.search(tt.query)
		if err != nil {
			t.Fatalf("search(%q): %v", tt.query, err)
		}
		if got != tt.want {
			t.Errorf("fuzzy search(%q) = %d hits; want %d", tt.query, got, tt.want)
		}
	}
}
