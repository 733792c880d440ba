// Package synth generates a deterministic synthetic news corpus for benchmarks.
//
// The articles look like the election-security coverage elecsec is built for, without
// copying any of it: some carry YAML front matter, others open with a dateline, a
// " date YYYY-MM-DD " lead or a byline; paragraphs are separated by blank lines; the prose
// mixes English function words with a Zipf-distributed vocabulary of 60,000 generated,
// pronounceable pseudo-words; thousands of generated people appear with titles ("Sen.",
// "Attorney General") and party tags ("(D-N.Y.)"), beside organisations, universities and
// publishers; and they are quoted in the styles reporters use, with curly or straight
// quotation marks, or reported without quotation marks.
//
// Everything is a pure function of a seed: Article(seed, i) returns the same bytes on every
// call, in every process and on every Go release, so two programs can benchmark the same
// corpus without storing it. An article is about 4.5 KB; generating 100,000 of them takes
// a few seconds. Queries gives a fixed mix of searches that the corpus answers.
//
// The package imports only the standard library.
package synth

import "fmt"

// Article returns article i (i ≥ 0) of the corpus for seed, about 4.5 KB of UTF-8 text.
// The caller owns the returned slice.
func Article(seed int64, i int) []byte {
	return generate(worldFor(seed), seed, i, nil)
}

// FileName returns the name of article i in the file system FS returns:
// "synth_000042.txt" for i = 42.
func FileName(i int) string { return fmt.Sprintf("synth_%06d.txt", i) }
