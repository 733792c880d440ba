package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/elecsec/elecsec/store"
	"github.com/elecsec/elecsec/store/sqlite"
	"github.com/elecsec/elecsec/store/storetest"
)

func TestConformance(t *testing.T) { storetest.Run(t, storetest.SQLite) }

func TestOpenURL(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "elecsec.db")
	s, err := store.Open(ctx, "sqlite:"+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*sqlite.DB); !ok {
		t.Errorf("store.Open(sqlite:…) = %T; want *sqlite.DB", s)
	}
	for _, url := range []string{"elecsec.db", "mysql://x", "sqlite:", "sqlite:/tmp/a?b"} {
		if s, err := store.Open(ctx, url, nil); err == nil {
			s.Close()
			t.Errorf("store.Open(%q) = nil error; want one", url)
		}
	}
}
