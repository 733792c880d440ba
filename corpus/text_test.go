package corpus

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPackRoundTrip(t *testing.T) {
	var k packer
	for _, paras := range [][]string{
		nil,
		{""},
		{"One paragraph."},
		{"“We count every ballot,” said Jane Roe.", "", "Ünïcödé — and <!channel> & more.", strings.Repeat("word ", 5000)},
	} {
		p := k.pack(paras)
		text := p.decode()
		if got := p.paragraphs(text); strings.Join(got, "|") != strings.Join(paras, "|") || len(got) != len(paras) {
			t.Errorf("%d paragraphs unpack to %q", len(paras), got)
		}
		first := p.unpack()
		if again := p.unpack(); first != text || again != text { // the second from the recent texts
			t.Errorf("unpack differs from decode")
		}
	}
}

func TestTextRef(t *testing.T) {
	paras := []string{"First paragraph.", "Roe said “we count every ballot” on Monday."}
	var k packer
	p := k.pack(paras)
	r, ok := p.ref(paras, 1, paras[1][strings.Index(paras[1], "we"):strings.Index(paras[1], "”")])
	if !ok || r.text() != "we count every ballot" {
		t.Fatalf("ref = %q, %v", r.text(), ok)
	}
	if _, ok := p.ref(paras, 0, "we count"); ok {
		t.Error("a paragraph that does not hold the text gave a reference to it")
	}
	if r, ok := p.ref(paras, 1, strings.Clone("on Monday.")); !ok || r.in(p.decode()) != "on Monday." {
		t.Errorf("text equal to a piece of the paragraph, not a slice of it: %q, %v", r.text(), ok)
	}
}

func TestQuoteJSON(t *testing.T) {
	q := QuoteOf(Quote{DocID: "d", Paragraph: 2, Speakers: []string{"jane-roe"}, Cue: "said"}, 1, "Ünïcödé & <b>")
	if q.Text() != "Ünïcödé & <b>" || q.Chars() != 13 {
		t.Errorf("text %q, %d characters", q.Text(), q.Chars())
	}
	for _, v := range []any{q, *q} { // a pointer or a value
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back map[string]any
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back["text"] != q.Text() || back["id"] != "d#q1" || back["paragraph"] != 2.0 || back["cue"] != "said" {
			t.Errorf("JSON %s", b)
		}
	}
}
