package synth

import (
	"errors"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// FS returns a read-only file system whose root directory holds the n articles of the
// corpus for seed, as files FileName(0) … FileName(n-1). An article is generated when its
// file is opened (or its size is first asked for), so the corpus is never held in memory
// as a whole. It is safe for concurrent use.
func FS(seed int64, n int) fs.FS {
	return &synthFS{seed: seed, n: n, sizes: make([]atomic.Int32, n)}
}

// synthFS is the fs.FS of FS. sizes caches each file's length (plus one, so that zero
// means unknown) so that listing the directory does not generate every article twice.
type synthFS struct {
	seed  int64
	n     int
	sizes []atomic.Int32
}

var (
	_ fs.ReadFileFS = (*synthFS)(nil)
	_ fs.ReadDirFS  = (*synthFS)(nil)
	_ fs.StatFS     = (*synthFS)(nil)
)

// index returns the article number of name, or -1.
func (f *synthFS) index(name string) int {
	s, ok := strings.CutPrefix(name, "synth_")
	if !ok {
		return -1
	}
	s, ok = strings.CutSuffix(s, ".txt")
	if !ok || len(s) < 6 {
		return -1
	}
	i, err := strconv.Atoi(s)
	if err != nil || i < 0 || i >= f.n || FileName(i) != name {
		return -1
	}
	return i
}

func (f *synthFS) article(i int) []byte {
	b := Article(f.seed, i)
	f.sizes[i].Store(int32(len(b)) + 1)
	return b
}

func (f *synthFS) size(i int) int64 {
	if s := f.sizes[i].Load(); s > 0 {
		return int64(s - 1)
	}
	return int64(len(f.article(i)))
}

// Open opens the root directory "." or an article.
func (f *synthFS) Open(name string) (fs.File, error) {
	if name == "." {
		return &dir{fsys: f}, nil
	}
	i := f.index(name)
	if i < 0 {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	b := f.article(i)
	return &file{info: fileInfo{name: name, size: int64(len(b))}, data: b}, nil
}

// ReadFile returns the bytes of an article.
func (f *synthFS) ReadFile(name string) ([]byte, error) {
	i := f.index(name)
	if i < 0 {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
	}
	return f.article(i), nil
}

// ReadDir lists the root directory, in order.
func (f *synthFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		if f.index(name) >= 0 {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
		}
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries := make([]fs.DirEntry, f.n)
	for i := range entries {
		entries[i] = entry{fsys: f, i: i}
	}
	return entries, nil
}

// Stat describes the root directory or an article.
func (f *synthFS) Stat(name string) (fs.FileInfo, error) {
	if name == "." {
		return fileInfo{name: ".", dir: true}, nil
	}
	i := f.index(name)
	if i < 0 {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fileInfo{name: name, size: f.size(i)}, nil
}

// fileInfo describes a file or the root; every file is read-only and dated at the zero time.
type fileInfo struct {
	name string
	size int64
	dir  bool
}

func (fi fileInfo) Name() string { return fi.name }
func (fi fileInfo) Size() int64  { return fi.size }
func (fi fileInfo) Mode() fs.FileMode {
	if fi.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (fi fileInfo) ModTime() time.Time { return time.Time{} }
func (fi fileInfo) IsDir() bool        { return fi.dir }
func (fi fileInfo) Sys() any           { return nil }

// entry is a directory entry whose Info generates the article only when asked.
type entry struct {
	fsys *synthFS
	i    int
}

func (e entry) Name() string      { return FileName(e.i) }
func (e entry) IsDir() bool       { return false }
func (e entry) Type() fs.FileMode { return 0 }
func (e entry) Info() (fs.FileInfo, error) {
	return fileInfo{name: e.Name(), size: e.fsys.size(e.i)}, nil
}

// file is an open article.
type file struct {
	info   fileInfo
	data   []byte
	offset int64
}

var (
	_ io.ReaderAt = (*file)(nil)
	_ io.Seeker   = (*file)(nil)
)

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Close() error               { return nil }

func (f *file) Read(p []byte) (int, error) {
	if f.offset >= int64(len(f.data)) {
		return 0, io.EOF
	}
	n := copy(p, f.data[f.offset:])
	f.offset += int64(n)
	return n, nil
}

func (f *file) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, &fs.PathError{Op: "read", Path: f.info.name, Err: fs.ErrInvalid}
	}
	if off >= int64(len(f.data)) {
		return 0, io.EOF
	}
	n := copy(p, f.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (f *file) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += f.offset
	case io.SeekEnd:
		offset += int64(len(f.data))
	default:
		return 0, &fs.PathError{Op: "seek", Path: f.info.name, Err: fs.ErrInvalid}
	}
	if offset < 0 {
		return 0, &fs.PathError{Op: "seek", Path: f.info.name, Err: fs.ErrInvalid}
	}
	f.offset = offset
	return offset, nil
}

// dir is the open root directory.
type dir struct {
	fsys *synthFS
	next int
}

func (d *dir) Stat() (fs.FileInfo, error) { return fileInfo{name: ".", dir: true}, nil }
func (d *dir) Close() error               { return nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: ".", Err: errors.New("is a directory")}
}

// ReadDir returns the next n entries, or all remaining ones when n ≤ 0.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.fsys.n - d.next
	if n > 0 && rest == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < rest {
		rest = n
	}
	out := make([]fs.DirEntry, rest)
	for k := range out {
		out[k] = entry{fsys: d.fsys, i: d.next + k}
	}
	d.next += rest
	return out, nil
}
