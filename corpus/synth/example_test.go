package synth_test

import (
	"fmt"
	"io/fs"

	"github.com/elecsec/elecsec/corpus/synth"
)

func ExampleFS() {
	fsys := synth.FS(1, 12000)
	names, _ := fs.Glob(fsys, "synth_00000[0-2].txt")
	fmt.Println(names)
	// Output: [synth_000000.txt synth_000001.txt synth_000002.txt]
}

func ExampleQueries() {
	count := map[synth.QueryKind]int{}
	for _, q := range synth.Queries(1, 100, 1000) {
		count[q.Kind]++
	}
	fmt.Println(count[synth.ActorQuery], count[synth.TypoQuery], count[synth.WhoQuery], count[synth.KeywordQuery])
	// Output: 30 20 25 25
}
