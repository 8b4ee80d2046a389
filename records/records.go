// Package records keeps the state's review record: for each agency (by
// ORI), its reviews with their inputs' content hashes and every finding, the
// notices of non-compliance sent to it and the implementation plans it sent
// back. An agency's state (compliant, under review, notice sent, plan
// received, overdue) is derived from that record, never typed in.
//
// The record lives in an SQLite file (modernc.org/sqlite, pure Go) or, for a
// team that shares one record, a PostgreSQL database (pgx). Both hold the
// same schema, migrated on Open from the migrations embedded in the binary;
// a record written by a newer netreview is refused, never altered.
package records

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	// The SQL drivers: pgx for PostgreSQL, modernc's pure-Go SQLite.
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// DefaultPath is the record's file when neither --db nor $NETREVIEW_DB
// names one: netreview.db in the current folder.
const DefaultPath = "netreview.db"

// defaultBusyTimeout is how long a write waits for another writer of the
// same SQLite file to finish before giving up.
const defaultBusyTimeout = 30 * time.Second

// Options controls Open.
type Options struct {
	// Create makes a new SQLite file when there is none at the path;
	// without it, a missing file is an error (a command that only reads the
	// record must not leave an empty one behind).
	Create bool
	// busyTimeout is how long to wait for a lock another process holds on
	// an SQLite file; zero means 30 seconds.
	busyTimeout time.Duration
}

// DB is an open record.
type DB struct {
	db      *sql.DB
	dialect dialect
	name    string // the record's name in messages: the file, or the DSN without its password

	busyTimeout time.Duration // how long SQLite waits for another writer
}

// isPostgres reports whether dsn names a PostgreSQL database rather than an
// SQLite file.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the record at dsn (a file path, or a postgres:// URL), creating
// its tables or migrating them to this netreview's schema. A file that is
// not an SQLite database, a database that holds other tables and no
// netreview record, and a record from a newer netreview are refused with an
// error that says so; nothing is written to them.
func Open(ctx context.Context, dsn string, opt Options) (*DB, error) {
	if dsn == "" {
		dsn = DefaultPath
	}
	d := &DB{}
	var err error
	if isPostgres(dsn) {
		d.dialect = postgres
		d.name = redact(dsn)
		d.db, err = sql.Open("pgx", dsn)
	} else {
		d.dialect = sqlite
		d.name = dsn
		if err := checkFile(dsn, opt.Create); err != nil {
			return nil, err
		}
		d.busyTimeout = opt.busyTimeout
		if d.busyTimeout == 0 {
			d.busyTimeout = defaultBusyTimeout
		}
		d.db, err = sql.Open("sqlite", sqliteDSN(dsn, d.busyTimeout))
		// One connection: a command is one sequence of statements, and
		// SQLite's locks then stay between processes, never inside one.
		d.db.SetMaxOpenConns(1)
	}
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", d.name, err)
	}
	if err := d.migrate(ctx); err != nil {
		d.db.Close()
		return nil, fmt.Errorf("record %s: %w", d.name, describe(err))
	}
	return d, nil
}

// Name is the record's name for messages: the SQLite file, or the
// PostgreSQL URL without its password.
func (d *DB) Name() string { return d.name }

// Close closes the record.
func (d *DB) Close() error { return d.db.Close() }

// checkFile refuses a missing SQLite file unless create is set, and a path
// that is a folder.
func checkFile(path string, create bool) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if !create {
			return fmt.Errorf("record %s: no such file: 'netreview records add' starts a record (or name one with --db or $NETREVIEW_DB)", path)
		}
		return nil
	case err != nil:
		return fmt.Errorf("record %s: %w", path, err)
	case fi.IsDir():
		return fmt.Errorf("record %s: is a folder, not a record file", path)
	}
	return nil
}

// sqliteDSN is modernc's data source name for path: a busy timeout so that
// writers wait for each other, foreign keys on, and write transactions that
// take the write lock when they begin (so two writers never deadlock
// halfway). Write-ahead logging, which lets readers go on while one writes,
// is set by migrate once the file is known to be a record: it changes the
// file.
func sqliteDSN(path string, timeout time.Duration) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_txlock=immediate",
		esc, timeout.Milliseconds())
}

// redact drops the password from a PostgreSQL URL.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	cred := dsn[scheme+3 : at]
	if user, _, ok := strings.Cut(cred, ":"); ok {
		return dsn[:scheme+3] + user + ":***" + dsn[at:]
	}
	return dsn
}

// describe turns the drivers' messages for a file that is not a database,
// or is locked by another process, into ones a reviewer can act on.
func describe(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "file is not a database") || strings.Contains(msg, "SQLITE_NOTADB") ||
		strings.Contains(msg, "database disk image is malformed") || strings.Contains(msg, "SQLITE_CORRUPT"):
		return fmt.Errorf("not a netreview record, or damaged: %w", err)
	case isBusy(err):
		return fmt.Errorf("locked by another process that is still writing to it; try again when it has finished: %w", err)
	}
	return err
}

// tx runs fn in a transaction, committed when fn returns nil and rolled back
// otherwise.
func (d *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record %s: %w", d.name, describe(err))
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record %s: %w", d.name, describe(err))
	}
	return nil
}
