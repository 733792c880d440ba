package corpus_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/corpus/synth"
	"github.com/elecsec/elecsec/seeds"
)

// loadBenchDocs articles of about 4.5 KB make a corpus of a little over 50 MB.
const loadBenchDocs = 12000

// synthCorpus generates the benchmark corpus into memory, outside the timer, and returns
// it with its size in bytes.
func synthCorpus(tb testing.TB, n int) (fstest.MapFS, int64) {
	tb.Helper()
	fsys := fstest.MapFS{}
	var size int64
	for i := range n {
		a := synth.Article(1, i)
		fsys[synth.FileName(i)] = &fstest.MapFile{Data: a, Mode: 0o444}
		size += int64(len(a))
	}
	return fsys, size
}

// BenchmarkLoad loads a synthetic corpus of about 54 MB; MB/s is corpus bytes per second.
func BenchmarkLoad(b *testing.B) {
	fsys, size := synthCorpus(b, loadBenchDocs)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := corpus.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndIndex is BenchmarkLoad followed by building the search index.
func BenchmarkLoadAndIndex(b *testing.B) {
	fsys, size := synthCorpus(b, loadBenchDocs)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		c, err := corpus.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		corpus.NewIndex(c)
	}
}

// BenchmarkLoadSeeds loads the embedded seed articles.
func BenchmarkLoadSeeds(b *testing.B) {
	b.SetBytes(seedBytes(b))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := corpus.Load(seeds.FS); err != nil {
			b.Fatal(err)
		}
	}
}

func seedBytes(tb testing.TB) int64 {
	tb.Helper()
	var n int64
	err := fs.WalkDir(seeds.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// BenchmarkSearchSeeds answers queries of each kind over the seed articles.
func BenchmarkSearchSeeds(b *testing.B) {
	c, err := corpus.Load(seeds.FS)
	if err != nil {
		b.Fatal(err)
	}
	idx := corpus.NewIndex(c)
	for _, bm := range []struct{ name, query string }{
		{"who", "who urged sanctions"},
		{"actor", "Schumer"},
		{"actor-typo", "Shumer"},
		{"what-did", "what did Sessions say"},
		{"keyword", "election security funding"},
		{"no-match", "zzyzx"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				idx.Search(bm.query)
			}
		})
	}
}

// BenchmarkSearchSynth answers synth's query mix over the synthetic corpus, one query per
// iteration, cycling through the mix.
func BenchmarkSearchSynth(b *testing.B) {
	fsys, _ := synthCorpus(b, loadBenchDocs)
	c, err := corpus.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	idx := corpus.NewIndex(c)
	queries := synth.Queries(1, 1000, loadBenchDocs)
	i := 0
	for b.Loop() {
		idx.Search(queries[i%len(queries)].Text)
		i++
	}
}

// BenchmarkIndex builds the search index of the synthetic corpus; MB/s is corpus bytes
// per second.
func BenchmarkIndex(b *testing.B) {
	fsys, size := synthCorpus(b, loadBenchDocs)
	c, err := corpus.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		corpus.NewIndex(c)
	}
}
