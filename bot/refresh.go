package bot

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/elecsec/elecsec/corpus"
	"github.com/elecsec/elecsec/handlers"
)

// DefaultRefreshInterval is how often Watch looks at the corpus directory when it is given
// no interval: often enough that a change is answered from within a minute, rarely enough
// that the stat calls cost nothing.
const DefaultRefreshInterval = 20 * time.Second

// errNoDocuments means a reload found no article worth keeping where the index in use has
// some; the index in use stays.
var errNoDocuments = errors.New("no readable articles; keeping the corpus in use")

// LiveIndex is a search index that follows a corpus directory (ELECSEC_CORPUS_DIR). It
// answers every query from the index current when the query began: a refresh builds a new
// index beside the old one and swaps it in whole, so a query in flight finishes on the
// index it started with and never sees half an update, and the old index is freed once no
// query holds it.
//
// Pass a LiveIndex to handlers.New and handlers.NewDigester in place of a *corpus.Index,
// and run Watch for as long as the server runs:
//
//	live, err := bot.OpenLiveIndex(cfg.CorpusDir, bot.LiveIndexOptions{Logger: log})
//	if err != nil {
//		return err
//	}
//	go live.Watch(ctx, 0)
//	h := handlers.New(log, live, digester)
//
// It is safe for concurrent use.
type LiveIndex struct {
	dir  string
	fsys fs.FS
	opts LiveIndexOptions

	cur atomic.Pointer[loaded]

	// mu serialises refreshes and guards what they remember between polls.
	mu       sync.Mutex
	files    fileSet // the directory as last loaded
	filesErr error   // why the index of files was refused, or nil when it is in use
	lastErr  string  // the last error logged, so a lasting fault is logged once
}

// LiveIndexOptions are LiveIndex's collaborators; every field may be left zero.
type LiveIndexOptions struct {
	Logger *slog.Logger // receives skipped files, reloads and errors; discarded when nil

	// Now stamps each load (LoadedAt); time.Now when nil.
	Now func() time.Time

	// NewTicker returns the channel Watch polls on and a function that stops it; tests pass
	// one they drive by hand. time.NewTicker when nil.
	NewTicker func(every time.Duration) (ticks <-chan time.Time, stop func())

	// OnSwap, when set, is called after each refresh that replaced the index (not for the
	// first load), with the new index and its load time: for metrics such as the document
	// count and the time of the last reload. It runs on the refreshing goroutine and must
	// not call Refresh.
	OnSwap func(ix *corpus.Index, at time.Time)
}

// loaded is one index and when it was built: swapped together, read together.
type loaded struct {
	ix *corpus.Index
	at time.Time
}

var _ handlers.Searcher = (*LiveIndex)(nil)

// OpenLiveIndex loads and indexes the articles in dir and returns a LiveIndex serving
// them. It fails when dir cannot be read; files it skips are logged as warnings. A
// directory with no articles yet gives an empty index, which the first refresh that finds
// articles replaces.
func OpenLiveIndex(dir string, opts LiveIndexOptions) (*LiveIndex, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.NewTicker == nil {
		opts.NewTicker = func(every time.Duration) (<-chan time.Time, func()) {
			t := time.NewTicker(every)
			return t.C, t.Stop
		}
	}
	if st, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("corpus directory: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("corpus directory %s is not a directory", dir)
	}
	l := &LiveIndex{dir: dir, fsys: os.DirFS(dir), opts: opts}
	// Stat before reading: a file that changes while it loads then differs from what was
	// recorded, and the next refresh loads it again.
	files, err := scanArticles(l.fsys)
	if err != nil {
		return nil, fmt.Errorf("corpus directory %s: %w", dir, err)
	}
	c, err := l.load()
	if err != nil {
		return nil, err
	}
	l.files = files
	l.cur.Store(&loaded{ix: corpus.NewIndex(c), at: opts.Now()})
	l.opts.Logger.Info("corpus loaded", "source", dir, "documents", len(c.Documents), "actors", len(c.Actors), "quotes", len(c.Quotes))
	return l, nil
}

// Search answers q from the current index.
func (l *LiveIndex) Search(q string) corpus.Answer { return l.Current().Search(q) }

// Corpus returns the current index's corpus. A refresh replaces it with another value, so
// handlers.NewDigester sees new documents as new.
func (l *LiveIndex) Corpus() *corpus.Corpus { return l.Current().Corpus() }

// Current returns the index in use now. A caller that needs both Search and Corpus to
// agree, across a refresh that may come between them, calls both on one Current.
func (l *LiveIndex) Current() *corpus.Index { return l.cur.Load().ix }

// Documents returns the number of documents in the current index.
func (l *LiveIndex) Documents() int { return len(l.Corpus().Documents) }

// LoadedAt returns when the current index was loaded.
func (l *LiveIndex) LoadedAt() time.Time { return l.cur.Load().at }

// Watch refreshes the index every interval (DefaultRefreshInterval when every is zero or
// less) until ctx is done, then returns nil. Errors are logged, not returned: the index in
// use keeps serving until a refresh succeeds.
func (l *LiveIndex) Watch(ctx context.Context, every time.Duration) error {
	if every <= 0 {
		every = DefaultRefreshInterval
	}
	ticks, stop := l.opts.NewTicker(every)
	defer stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-ticks:
			_, _ = l.Refresh()
		}
	}
}

// Refresh looks at the directory and, when a *.txt or *.md file was added, removed, or
// changed in size or modification time, loads and indexes the whole directory and swaps
// the new index in. An unchanged directory costs one stat per file and nothing is read.
//
// Files that cannot be loaded (empty, binary, not UTF-8, too large) are skipped and logged
// with their names and the reason; the rest are indexed. When the directory cannot be read,
// or holds no loadable article while the index in use has some, the index in use stays and
// the error is logged, once for as long as it lasts. Refresh reports whether it swapped.
func (l *LiveIndex) Refresh() (swapped bool, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	defer func() { l.logOutcome(err) }()

	files, err := scanArticles(l.fsys)
	if err != nil {
		return false, fmt.Errorf("corpus directory %s: %w", l.dir, err)
	}
	if maps.Equal(files, l.files) {
		return false, l.filesErr
	}
	start := time.Now()
	c, err := l.load()
	if err != nil {
		return false, err // the files stay unrecorded, so the next poll tries again
	}
	// Remember this state even when it is refused below, so a directory left empty is
	// not loaded again until it changes.
	l.files, l.filesErr = files, nil
	if len(c.Documents) == 0 && l.Documents() > 0 {
		l.filesErr = fmt.Errorf("corpus directory %s: %w", l.dir, errNoDocuments)
		return false, l.filesErr
	}
	now := l.opts.Now()
	ix := corpus.NewIndex(c)
	l.cur.Store(&loaded{ix: ix, at: now})
	l.opts.Logger.Info("corpus reloaded", "source", l.dir, "documents", len(c.Documents),
		"actors", len(c.Actors), "quotes", len(c.Quotes), "warnings", len(c.Warnings),
		"took", time.Since(start).Round(time.Millisecond))
	if l.opts.OnSwap != nil {
		l.opts.OnSwap(ix, now)
	}
	return true, nil
}

// load reads the corpus and logs each file it skipped or read in part, by name and reason,
// never its text.
func (l *LiveIndex) load() (*corpus.Corpus, error) {
	c, err := corpus.Load(l.fsys)
	if err != nil {
		return nil, fmt.Errorf("loading the corpus from %s: %w", l.dir, err)
	}
	for _, w := range c.Warnings {
		l.opts.Logger.Warn(w.Summary(), "source", l.dir, "file", w.File, "reason", w.Reason)
	}
	return c, nil
}

// logOutcome logs err unless it is the one logged last time, and notes when errors stop.
func (l *LiveIndex) logOutcome(err error) {
	switch {
	case err == nil && l.lastErr != "":
		l.opts.Logger.Info("corpus directory usable again", "source", l.dir)
		l.lastErr = ""
	case err != nil && err.Error() != l.lastErr:
		l.opts.Logger.Error("corpus refresh failed; still serving the previous corpus",
			"source", l.dir, "err", err, "documents", l.Documents(), "loaded_at", l.LoadedAt())
		l.lastErr = err.Error()
	}
}

// fileSet is what a refresh compares: the size and modification time of every article.
type fileSet map[string]fileStamp

type fileStamp struct {
	size    int64
	modTime int64 // Unix nanoseconds: comparable with ==, unlike time.Time
}

// scanArticles stats the files corpus.Load would read: *.txt and *.md at the top of fsys,
// not hidden. It reads no file.
func scanArticles(fsys fs.FS) (fileSet, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	files := fileSet{}
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(path.Ext(name))
		if e.IsDir() || (ext != ".txt" && ext != ".md") || strings.HasPrefix(name, ".") {
			continue
		}
		// fs.Stat follows a symbolic link, as Load's read does, so a changed target counts.
		info, err := fs.Stat(fsys, name)
		if err != nil {
			// Gone since the listing, or a dangling link: Load will skip it or warn; a
			// zero stamp still tells this state from the one before.
			files[name] = fileStamp{size: -1}
			continue
		}
		files[name] = fileStamp{size: info.Size(), modTime: info.ModTime().UnixNano()}
	}
	return files, nil
}
