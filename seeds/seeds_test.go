package seeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"testing"
)

// The SHA-256 of each article exactly as received, before front matter was added.
var originals = map[string]string{
	"000_befcf0feb71d0e1b.txt": "0ef685868a622f20cf7159ed0e2f296593bb65bd400339f9720fe0a980799ad0",
	"001_268f8968f7fa771a.txt": "512293a7e94d571a48c79e54dae0e12e8054c44ca8e6973cea37558f18bee53c",
	"002_937114fbc32cb6bf.txt": "1ac3d1b6318da1e76d50429a956efc28f951ed15e639a21519aa712b419f7bf2",
	"003_b28d05ecb86412fb.txt": "696a7c42a61adfc21a02aae050d0ff0ee79f65f648e9b723bf18ac622f4d2362",
	"004_28f1c759ffc4555f.txt": "384592f72e7e677a7911c14f4ee08ab31742b1ffa69147cda22279451ada02c7",
}

func TestBodiesAreTheOriginals(t *testing.T) {
	names, err := fs.Glob(FS, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(originals) {
		t.Fatalf("seeds hold %d articles; want %d", len(names), len(originals))
	}
	for _, name := range names {
		data, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		body, ok := afterFrontMatter(data)
		if !ok {
			t.Errorf("%s: no front matter", name)
			continue
		}
		sum := sha256.Sum256(body)
		if got, want := hex.EncodeToString(sum[:]), originals[name]; got != want {
			t.Errorf("sha256(body of %s) = %s; want %s", name, got, want)
		}
	}
}

func afterFrontMatter(data []byte) ([]byte, bool) {
	const fence = "---\n"
	if !bytes.HasPrefix(data, []byte(fence)) {
		return nil, false
	}
	end := bytes.Index(data[len(fence):], []byte("\n"+fence))
	if end < 0 {
		return nil, false
	}
	return data[len(fence)+end+len("\n"+fence):], true
}
