package records

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/netreview/netreview/internal/locktest"
	"github.com/netreview/netreview/internal/pgtest"
)

// The PostgreSQL server the package's tests share, started by the first
// test that needs it and stopped by TestMain.
var (
	pgOnce   sync.Once
	pgServer *pgtest.Server
	pgErr    error
)

func TestMain(m *testing.M) {
	locktest.Init()
	code := m.Run()
	if pgServer != nil {
		if err := pgServer.Stop(); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			code = 1
		}
	}
	os.Exit(code)
}

// backend is a kind of record a test runs against: each call of newDSN
// names a new, empty record.
type backend struct {
	name   string
	newDSN func(t *testing.T) string
}

// backends are SQLite, in a file in the test's temporary folder, and
// PostgreSQL, in a private server (skipped where PostgreSQL is absent).
var backends = []backend{
	{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "netreview.db") }},
	{"postgres", func(t *testing.T) string {
		pgtest.SkipShort(t)
		pgOnce.Do(func() { pgServer, pgErr = pgtest.New() })
		if errors.Is(pgErr, pgtest.ErrAbsent) {
			t.Skip(pgErr)
		}
		if pgErr != nil {
			t.Fatal(pgErr)
		}
		return pgServer.Database(t)
	}},
}

// forEachBackend runs test as a subtest on each backend.
func forEachBackend(t *testing.T, test func(t *testing.T, dsn string)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { test(t, b.newDSN(t)) })
	}
}

// open opens a record for the test, closed when it ends.
func open(t *testing.T, dsn string) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
