package corpus

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// The text a corpus quotes from is the largest thing it holds, and little of it is ever
// shown: each document's paragraphs are kept compressed (zstd, one frame a document, about
// half their size), and quotations and reported speech are places in that text, read back
// when shown. Unpacking a document takes microseconds.

// packedText is a document's paragraphs, one after another, compressed.
type packedText struct {
	data []byte
	ends []uint32 // by paragraph: where it ends in the unpacked text
	raw  bool     // data is the text itself: too short to gain from compression
}

// packMin is the shortest text packed: a frame's header and tables cost more than a
// short text saves.
const packMin = 1024

// textRef is a piece of a document's unpacked text.
type textRef struct {
	src     *packedText
	at, end uint32
}

var (
	encoder = sync.OnceValue(func() *zstd.Encoder {
		e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithLowerEncoderMem(true))
		if err != nil {
			panic(err) // only options can fail, and these are fixed
		}
		return e
	})
	decoder = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderLowmem(true))
		if err != nil {
			panic(err)
		}
		return d
	})
)

// packer packs documents' paragraphs, one after another, reusing its memory.
type packer struct{ text, packed []byte }

// pack compresses paragraphs.
func (k *packer) pack(paras []string) packedText {
	p := packedText{ends: make([]uint32, len(paras))}
	k.text = k.text[:0]
	for i, s := range paras {
		k.text = append(k.text, s...)
		p.ends[i] = uint32(len(k.text))
	}
	if len(k.text) < packMin {
		p.data, p.raw = append([]byte(nil), k.text...), true
		return p
	}
	k.packed = encoder().EncodeAll(k.text, k.packed[:0])
	p.data = append([]byte(nil), k.packed...) // exactly its size: a corpus keeps it
	return p
}

// unpack returns the paragraphs' text, one after another. The last documents unpacked
// are kept, so that reading a document's quotations one after another, or the results of
// one search, unpacks each document once.
func (p *packedText) unpack() string {
	recent.Lock()
	for i, k := range recent.texts {
		if k == p {
			s := recent.unpacked[i]
			recent.Unlock()
			return s
		}
	}
	recent.Unlock()
	s := p.decode()
	recent.Lock()
	recent.texts[recent.next], recent.unpacked[recent.next] = p, s
	recent.next = (recent.next + 1) % len(recent.texts)
	recent.Unlock()
	return s
}

// recent holds the texts unpacked last, the oldest replaced first.
var recent struct {
	sync.Mutex
	texts    [64]*packedText
	unpacked [64]string
	next     int
}

// decode unpacks the text.
func (p *packedText) decode() string {
	if len(p.ends) == 0 {
		return ""
	}
	if p.raw {
		return unsafe.String(unsafe.SliceData(p.data), len(p.data)) // never written after pack
	}
	out, err := decoder().DecodeAll(p.data, make([]byte, 0, p.ends[len(p.ends)-1]))
	if err != nil {
		panic("corpus: a document's packed text does not unpack: " + err.Error()) // it was packed here
	}
	if len(out) == 0 {
		return ""
	}
	return unsafe.String(&out[0], len(out)) // out is new, and nothing else holds it
}

// paragraphs cuts unpacked text into its paragraphs.
func (p *packedText) paragraphs(text string) []string {
	out := make([]string, len(p.ends))
	start := uint32(0)
	for i, end := range p.ends {
		out[i] = text[start:end]
		start = end
	}
	return out
}

// ref returns the reference of s, text that paragraph i holds (most often a slice of it);
// ok is false when the paragraph does not hold it.
func (p *packedText) ref(paras []string, i int, s string) (textRef, bool) {
	at := strings.Index(paras[i], s)
	if at < 0 {
		return textRef{}, false
	}
	para := p.paragraphRef(i)
	return textRef{src: p, at: para.at + uint32(at), end: para.at + uint32(at+len(s))}, true
}

// paragraphRef returns the reference of paragraph i.
func (p *packedText) paragraphRef(i int) textRef {
	start := uint32(0)
	if i > 0 {
		start = p.ends[i-1]
	}
	return textRef{src: p, at: start, end: p.ends[i]}
}

// text returns the referenced text, unpacking its document.
func (r textRef) text() string {
	if r.src == nil {
		return ""
	}
	return r.src.unpack()[r.at:r.end]
}

// in returns the referenced text from its document's text, already unpacked.
func (r textRef) in(unpacked string) string { return unpacked[r.at:r.end] }

// loose returns a reference to s alone, for records built by hand.
func loose(s string) textRef {
	var k packer
	p := k.pack([]string{s})
	return textRef{src: &p, at: 0, end: uint32(len(s))}
}
