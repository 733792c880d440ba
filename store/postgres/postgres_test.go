package postgres_test

import (
	"testing"

	"github.com/elecsec/elecsec/store/storetest"
)

// TestConformance runs against the Postgres ELECSEC_TEST_POSTGRES_URL names, and skips
// without it.
func TestConformance(t *testing.T) { storetest.Run(t, storetest.Postgres) }
