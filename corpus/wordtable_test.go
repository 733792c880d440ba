package corpus

import (
	"strconv"
	"strings"
	"testing"
)

func TestWordTable(t *testing.T) {
	t.Run("plain", func(t *testing.T) { testWordTable(t, newWordTable()) })
	filtered := newWordTable()
	filtered.filter = new([filterWords]uint64)
	t.Run("filtered", func(t *testing.T) { testWordTable(t, filtered) })
}

func testWordTable(t *testing.T, tab *wordTable) {
	want := map[string]int32{}
	for i := range 20000 {
		w := "w" + strconv.Itoa(i*7919)
		switch i % 5 {
		case 1:
			w = strings.Repeat("x", i%40+1) + w // long and short words alike
		case 2:
			w = w[:min(len(w), 16)]
		}
		if _, ok := want[w]; ok {
			continue
		}
		if _, ok := tab.get([]byte(w)); ok {
			t.Fatalf("%q found before it was put", w)
		}
		tab.put([]byte(w), int32(i))
		want[w] = int32(i)
	}
	for w, id := range want {
		if got, ok := tab.get([]byte(w)); !ok || got != id {
			t.Fatalf("get(%q) = %d, %v; want %d", w, got, ok, id)
		}
	}
	for _, w := range []string{"", "absent", "w0x", strings.Repeat("y", 17)} {
		if _, ok := tab.get([]byte(w)); ok {
			t.Errorf("get(%q) found a word never put", w)
		}
	}
	seen := 0
	tab.each(func(w string, id int32) {
		seen++
		if want[w] != id {
			t.Errorf("each gave %q → %d, want %d", w, id, want[w])
		}
	})
	if seen != len(want) {
		t.Errorf("each gave %d words, want %d", seen, len(want))
	}
}
