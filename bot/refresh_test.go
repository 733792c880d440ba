package bot_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/elecsec/elecsec/bot"
	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
	"github.com/elecsec/elecsec/store/storetest"
)

// refreshArticle is a small article whose quote carries word, a word found nowhere else,
// so a search for word finds this article and only it.
func refreshArticle(word, speaker string) string {
	return fmt.Sprintf("County officials in %[1]s met on Monday to prepare for the primary.\n\n"+
		"“We will audit every ballot cast in %[1]s before the count is certified,” said %[2]s, the county clerk.\n",
		word, speaker)
}

// refreshDir is a corpus directory whose files get distinct modification times, so a
// change is seen however coarse the file system's clock.
type refreshDir struct {
	path  string
	mtime time.Time
}

func newRefreshDir(tb testing.TB, files map[string]string) *refreshDir {
	tb.Helper()
	d := &refreshDir{path: tb.TempDir(), mtime: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	for name, text := range files {
		d.write(tb, name, text)
	}
	return d
}

func (d *refreshDir) write(tb testing.TB, name, text string) {
	tb.Helper()
	p := filepath.Join(d.path, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
	d.mtime = d.mtime.Add(time.Second)
	if err := os.Chtimes(p, d.mtime, d.mtime); err != nil {
		tb.Fatal(err)
	}
}

func (d *refreshDir) remove(tb testing.TB, name string) {
	tb.Helper()
	if err := os.Remove(filepath.Join(d.path, name)); err != nil {
		tb.Fatal(err)
	}
}

// refreshLog collects what a LiveIndex logs, from any goroutine.
type refreshLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *refreshLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *refreshLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// count returns how many lines logged contain s.
func (l *refreshLog) count(s string) int { return strings.Count(l.String(), s) }

// liveRig is a LiveIndex over a temporary directory, with a settable clock and its log.
type liveRig struct {
	dir   *refreshDir
	clock *storetest.Clock
	log   *refreshLog
	live  *bot.LiveIndex
	swaps atomic.Int32
}

func newLiveRig(tb testing.TB, files map[string]string) *liveRig {
	tb.Helper()
	r := &liveRig{dir: newRefreshDir(tb, files), clock: storetest.NewClock(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)), log: &refreshLog{}}
	var err error
	r.live, err = bot.OpenLiveIndex(r.dir.path, bot.LiveIndexOptions{
		Logger: slog.New(slog.NewTextHandler(r.log, nil)),
		Now:    r.clock.Now,
		OnSwap: func(ix *corpus.Index, at time.Time) {
			if ix == nil || !at.Equal(r.clock.Now()) {
				tb.Errorf("OnSwap(%p, %v); want the new index and the clock's time %v", ix, at, r.clock.Now())
			}
			r.swaps.Add(1)
		},
	})
	if err != nil {
		tb.Fatalf("OpenLiveIndex(%s) = %v", r.dir.path, err)
	}
	return r
}

// refresh advances the clock a poll's worth, refreshes and checks whether it swapped.
func (r *liveRig) refresh(tb testing.TB, wantSwap bool) {
	tb.Helper()
	r.clock.Advance(bot.DefaultRefreshInterval)
	swapsBefore, loadedBefore := r.swaps.Load(), r.live.LoadedAt()
	swapped, err := r.live.Refresh()
	if err != nil || swapped != wantSwap {
		tb.Fatalf("Refresh() = %v, %v; want %v, nil\nlog:\n%s", swapped, err, wantSwap, r.log)
	}
	wantSwaps, wantLoaded := swapsBefore, loadedBefore
	if wantSwap {
		wantSwaps, wantLoaded = swapsBefore+1, r.clock.Now()
	}
	if got := r.swaps.Load(); got != wantSwaps {
		tb.Errorf("OnSwap called %d times; want %d", got, wantSwaps)
	}
	if got := r.live.LoadedAt(); !got.Equal(wantLoaded) {
		tb.Errorf("LoadedAt() = %v; want %v", got, wantLoaded)
	}
}

// found returns the ids of the documents a search for q turns up, sorted.
func found(s handlers.Searcher, q string) []string {
	var ids []string
	for _, res := range s.Search(q).Results {
		for _, id := range append([]string{res.DocID}, res.DocIDs...) {
			if id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// checkFound checks what each query in want finds; a nil slice means nothing.
func checkFound(tb testing.TB, s handlers.Searcher, want map[string][]string) {
	tb.Helper()
	for q, ids := range want {
		if got := found(s, q); !slices.Equal(got, ids) {
			tb.Errorf("Search(%q) found documents %q; want %q", q, got, ids)
		}
	}
}

var refreshSeed = map[string]string{
	"a.txt": refreshArticle("Zephyrton", "Maria Quillfeather"),
	"b.md":  "---\ntitle: Paper trails\n---\n" + refreshArticle("Marimbaville", "John Oakhurst"),
}

func TestRefreshPicksUpChanges(t *testing.T) {
	tests := []struct {
		name     string
		change   func(tb testing.TB, d *refreshDir)
		want     map[string][]string // query → documents found after the refresh
		wantDocs int
	}{
		{
			name: "added",
			change: func(tb testing.TB, d *refreshDir) {
				d.write(tb, "c.txt", refreshArticle("Thistlewood", "Ada Birchall"))
			},
			want: map[string][]string{
				"Thistlewood": {"c"}, "Birchall": {"c"}, "Zephyrton": {"a"}, "Marimbaville": {"b"},
			},
			wantDocs: 3,
		},
		{
			name: "changed",
			change: func(tb testing.TB, d *refreshDir) {
				d.write(tb, "a.txt", refreshArticle("Glenmorrow", "Maria Quillfeather"))
			},
			want:     map[string][]string{"Glenmorrow": {"a"}, "Zephyrton": nil, "Marimbaville": {"b"}},
			wantDocs: 2,
		},
		{
			// Same size, so only the modification time tells.
			name: "changed in place, same size",
			change: func(tb testing.TB, d *refreshDir) {
				d.write(tb, "a.txt", refreshArticle("Kestrelby", "Maria Quillfeather"))
			},
			want:     map[string][]string{"Kestrelby": {"a"}, "Zephyrton": nil},
			wantDocs: 2,
		},
		{
			name:     "removed",
			change:   func(tb testing.TB, d *refreshDir) { d.remove(tb, "b.md") },
			want:     map[string][]string{"Marimbaville": nil, "Oakhurst": nil, "Zephyrton": {"a"}},
			wantDocs: 1,
		},
		{
			name: "renamed",
			change: func(tb testing.TB, d *refreshDir) {
				if err := os.Rename(filepath.Join(d.path, "b.md"), filepath.Join(d.path, "c.md")); err != nil {
					tb.Fatal(err)
				}
			},
			want:     map[string][]string{"Marimbaville": {"c"}},
			wantDocs: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := newLiveRig(t, refreshSeed)
			checkFound(t, r.live, map[string][]string{"Zephyrton": {"a"}, "Marimbaville": {"b"}})
			r.refresh(t, false) // nothing changed yet: nothing reloads

			old := r.live.Current()
			tt.change(t, r.dir)
			r.refresh(t, true)
			checkFound(t, r.live, tt.want)
			if got := r.live.Documents(); got != tt.wantDocs {
				t.Errorf("Documents() = %d; want %d", got, tt.wantDocs)
			}
			// The index a query already holds is untouched by the swap.
			checkFound(t, old, map[string][]string{"Zephyrton": {"a"}, "Marimbaville": {"b"}})

			r.refresh(t, false)
			if n := r.log.count("corpus reloaded"); n != 1 {
				t.Errorf("logged %d reloads; want 1\n%s", n, r.log)
			}
		})
	}
}

func TestRefreshSkipsBrokenFiles(t *testing.T) {
	tests := []struct {
		name, file, text, reason string
	}{
		{"invalid UTF-8", "bad.txt", "Secretword \xff\xfe\xfd officials said the audit failed.", "not UTF-8"},
		{"empty", "bad.md", "", "empty"},
		{"blank", "bad.txt", " \n\t\n", "empty"},
		{"NUL bytes", "bad.txt", "Secretword\x00\x00\x00 officials said", "binary"},
		{"good file broken in place", "a.txt", "Secretword \xc3\x28 broken", "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := newLiveRig(t, refreshSeed)
			r.dir.write(t, tt.file, tt.text)
			r.dir.write(t, "c.txt", refreshArticle("Thistlewood", "Ada Birchall"))
			r.refresh(t, true)

			want := map[string][]string{"Thistlewood": {"c"}, "Marimbaville": {"b"}, "Zephyrton": {"a"}, "Secretword": nil}
			if tt.file == "a.txt" {
				want["Zephyrton"] = nil
			}
			checkFound(t, r.live, want)
			ws := r.live.Corpus().Warnings
			if len(ws) != 1 || ws[0].File != tt.file || !strings.Contains(ws[0].Reason, tt.reason) {
				t.Errorf("Corpus().Warnings = %v; want one for %s saying %q", ws, tt.file, tt.reason)
			}
			logged := r.log.String()
			if !strings.Contains(logged, "level=WARN msg=\"skipped an article\"") || !strings.Contains(logged, "file="+tt.file) ||
				!strings.Contains(logged, tt.reason) {
				t.Errorf("log lacks a warning naming %s and why:\n%s", tt.file, logged)
			}
			if strings.Contains(logged, "Secretword") {
				t.Errorf("log quotes the broken file's text:\n%s", logged)
			}
		})
	}
}

func TestRefreshKeepsOldIndexWhenDirectoryUnusable(t *testing.T) {
	tests := []struct {
		name    string
		spoil   func(tb testing.TB, d *refreshDir)
		restore func(tb testing.TB, d *refreshDir)
		wantErr string
	}{
		{
			name: "directory removed",
			spoil: func(tb testing.TB, d *refreshDir) {
				if err := os.Rename(d.path, d.path+".away"); err != nil {
					tb.Fatal(err)
				}
			},
			restore: func(tb testing.TB, d *refreshDir) {
				if err := os.Rename(d.path+".away", d.path); err != nil {
					tb.Fatal(err)
				}
			},
			wantErr: "no such file or directory",
		},
		{
			name: "directory replaced by a file",
			spoil: func(tb testing.TB, d *refreshDir) {
				if err := os.Rename(d.path, d.path+".away"); err != nil {
					tb.Fatal(err)
				}
				if err := os.WriteFile(d.path, []byte("not a directory"), 0o644); err != nil {
					tb.Fatal(err)
				}
			},
			restore: func(tb testing.TB, d *refreshDir) {
				if err := os.Remove(d.path); err != nil {
					tb.Fatal(err)
				}
				if err := os.Rename(d.path+".away", d.path); err != nil {
					tb.Fatal(err)
				}
			},
			wantErr: "not a directory",
		},
		{
			name: "directory unreadable",
			spoil: func(tb testing.TB, d *refreshDir) {
				if err := os.Chmod(d.path, 0); err != nil {
					tb.Fatal(err)
				}
				if _, err := os.ReadDir(d.path); err == nil {
					os.Chmod(d.path, 0o755)
					tb.Skip("permissions are not enforced for this user (root?)")
				}
				tb.Cleanup(func() { os.Chmod(d.path, 0o755) })
			},
			restore: func(tb testing.TB, d *refreshDir) {
				if err := os.Chmod(d.path, 0o755); err != nil {
					tb.Fatal(err)
				}
			},
			wantErr: "permission denied",
		},
		{
			name: "every article removed",
			spoil: func(tb testing.TB, d *refreshDir) {
				d.remove(tb, "a.txt")
				d.remove(tb, "b.md")
			},
			restore: func(tb testing.TB, d *refreshDir) {
				for name, text := range refreshSeed {
					d.write(tb, name, text)
				}
			},
			wantErr: "no readable articles",
		},
		{
			name: "every article broken",
			spoil: func(tb testing.TB, d *refreshDir) {
				d.write(tb, "a.txt", "")
				d.write(tb, "b.md", "\x00\x01\x02")
			},
			restore: func(tb testing.TB, d *refreshDir) {
				for name, text := range refreshSeed {
					d.write(tb, name, text)
				}
			},
			wantErr: "no readable articles",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := newLiveRig(t, refreshSeed)
			loadedAt := r.live.LoadedAt()
			tt.spoil(t, r.dir)
			for range 3 { // a lasting fault is logged once, not at every poll
				r.clock.Advance(bot.DefaultRefreshInterval)
				swapped, err := r.live.Refresh()
				if swapped || err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Refresh() = %v, %v; want false and an error saying %q", swapped, err, tt.wantErr)
				}
				checkFound(t, r.live, map[string][]string{"Zephyrton": {"a"}, "Marimbaville": {"b"}})
				if got := r.live.Documents(); got != 2 {
					t.Errorf("Documents() = %d; want the old index's 2", got)
				}
				if got := r.live.LoadedAt(); !got.Equal(loadedAt) {
					t.Errorf("LoadedAt() = %v; want the old index's %v", got, loadedAt)
				}
			}
			if n := r.log.count("level=ERROR"); n != 1 || !strings.Contains(r.log.String(), tt.wantErr) {
				t.Errorf("logged %d errors; want 1 saying %q:\n%s", n, tt.wantErr, r.log)
			}

			tt.restore(t, r.dir)
			r.dir.write(t, "c.txt", refreshArticle("Thistlewood", "Ada Birchall"))
			r.refresh(t, true)
			checkFound(t, r.live, map[string][]string{"Thistlewood": {"c"}, "Zephyrton": {"a"}})
			if r.log.count("corpus directory usable again") != 1 {
				t.Errorf("log does not say the directory recovered:\n%s", r.log)
			}
		})
	}
}

// TestRefreshConcurrentSearch runs queries while the index is swapped under them (run it
// with -race): no query fails, and every result comes from one whole index.
func TestRefreshConcurrentSearch(t *testing.T) {
	r := newLiveRig(t, refreshSeed)
	var stop atomic.Bool
	var queries atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for !stop.Load() {
				ix := r.live.Current()
				for _, res := range ix.Search("audit ballot").Results {
					if res.DocID != "" && ix.Corpus().Document(res.DocID) == nil {
						t.Errorf("a result from document %s, which its own index lacks", res.DocID)
					}
				}
				if len(r.live.Search("county clerk").Results) == 0 {
					t.Error(`Search("county clerk") found nothing; every version of the corpus has it`)
				}
				if r.live.Documents() == 0 || r.live.Corpus() == nil || r.live.LoadedAt().IsZero() {
					t.Error("the live index was seen empty")
				}
				queries.Add(1)
			}
		})
	}
	for i := range 12 {
		name := fmt.Sprintf("n%d.txt", i%4)
		if i%3 == 2 {
			os.Remove(filepath.Join(r.dir.path, name))
		} else {
			r.dir.write(t, name, refreshArticle(fmt.Sprintf("Place%d", i), "Ada Birchall"))
		}
		r.clock.Advance(time.Second)
		if _, err := r.live.Refresh(); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	if queries.Load() == 0 {
		t.Fatal("no query ran during the swaps")
	}
}

// TestRefreshWatch drives Watch with a hand-held ticker: a file added before a tick is
// found after it.
func TestRefreshWatch(t *testing.T) {
	dir := newRefreshDir(t, refreshSeed)
	ticks := make(chan time.Time)
	var every atomic.Int64
	swapped := make(chan int, 1)
	live, err := bot.OpenLiveIndex(dir.path, bot.LiveIndexOptions{
		NewTicker: func(d time.Duration) (<-chan time.Time, func()) {
			every.Store(int64(d))
			return ticks, func() {}
		},
		OnSwap: func(ix *corpus.Index, _ time.Time) { swapped <- len(ix.Corpus().Documents) },
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- live.Watch(ctx, 0) }()

	ticks <- time.Time{} // unchanged: nothing happens
	dir.write(t, "c.txt", refreshArticle("Thistlewood", "Ada Birchall"))
	ticks <- time.Time{}
	select {
	case n := <-swapped:
		if n != 3 {
			t.Errorf("swapped in %d documents; want 3", n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no swap after the tick that followed a new file")
	}
	checkFound(t, live, map[string][]string{"Thistlewood": {"c"}})
	if got := time.Duration(every.Load()); got != bot.DefaultRefreshInterval {
		t.Errorf("Watch(ctx, 0) ticks every %v; want DefaultRefreshInterval, %v", got, bot.DefaultRefreshInterval)
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("Watch after cancel = %v; want nil", err)
	}
}

func TestRefreshOpenFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join(t.TempDir(), "missing"), file} {
		if _, err := bot.OpenLiveIndex(dir, bot.LiveIndexOptions{}); err == nil {
			t.Errorf("OpenLiveIndex(%s) = nil error; want one", dir)
		}
	}
}

// TestRefreshDigesterSeesNewDocument: a digester reading a LiveIndex counts a document
// added to the directory as new in the next digest.
func TestRefreshDigesterSeesNewDocument(t *testing.T) {
	r := newLiveRig(t, refreshSeed)
	st := storetest.SQLite(t)(t, r.clock.Now)
	d := handlers.NewDigester(st, r.live, r.clock.Now, nil)
	ctx := context.Background()
	d.DigestCommand(ctx, handlers.Request{ChannelID: "C1", UserID: "U1", UserTZ: "UTC"}, "on 09:00")
	subs, err := st.ListSubscriptions(ctx)
	if err != nil || len(subs) != 1 {
		t.Fatalf("ListSubscriptions() = %v, %v; want one subscription", subs, err)
	}

	r.dir.write(t, "c.txt", refreshArticle("Thistlewood", "Ada Birchall"))
	r.refresh(t, true)
	r.clock.Advance(time.Hour)
	post, err := d.ComposeDigest(ctx, subs[0], r.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(post.DocIDs, []string{"c"}) {
		t.Errorf("digest after the refresh lists %q; want the new document c", post.DocIDs)
	}
}
