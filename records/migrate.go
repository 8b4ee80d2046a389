package records

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The schema's migrations, applied in order of their number on Open. A
// migration is never edited once released: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationTable records which migrations a record has had: one row per
// migration, with its number, its file's name and when it was applied.
const migrationTable = "netreview_schema"

// migration is one embedded schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order.
func migrations() ([]migration, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: the name must start with its number", e.Name())
		}
		b, err := migrationFiles.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// schemaVersion is the schema version this netreview writes: the number of
// its last migration.
func schemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate brings the record to this netreview's schema, in one transaction
// that holds the write lock, so that two processes opening a new record at
// once apply each migration once.
func (d *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	latest := ms[len(ms)-1].version
	// Look before writing anything: a record from a newer netreview, or a
	// database that is not a record, must be left exactly as it is.
	version, others, err := d.schemaState(ctx, d.db)
	if err != nil {
		return err
	}
	if err := refuse(version, others, latest); err != nil {
		return err
	}
	if d.dialect == sqlite {
		// A property of the file, kept once set.
		if err := d.setWAL(ctx); err != nil {
			return err
		}
	}
	if version == latest {
		return nil
	}
	return d.tx(ctx, func(tx *sql.Tx) error {
		if d.dialect == postgres {
			// Migrations of one database run one at a time.
			if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(4711018)"); err != nil {
				return err
			}
		}
		// Another process may have migrated since the look above.
		version, others, err := d.schemaState(ctx, tx)
		if err != nil {
			return err
		}
		if err := refuse(version, others, latest); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS "+migrationTable+
			" (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"); err != nil {
			return err
		}
		now := time.Now().UTC().Format(time.RFC3339)
		for _, m := range ms {
			if m.version <= version {
				continue
			}
			for _, stmt := range statements(d.dialect.expand(m.sql)) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("migration %s: %w", m.name, err)
				}
			}
			if _, err := tx.ExecContext(ctx, d.dialect.bind("INSERT INTO "+migrationTable+" (version, name, applied) VALUES (?, ?, ?)"),
				m.version, m.name, now); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
		return nil
	})
}

// refuse returns the error for a database netreview must not touch.
func refuse(version int, others bool, latest int) error {
	switch {
	case version > latest:
		return fmt.Errorf("written by a newer netreview (record schema %d; this netreview knows schema %d at most): use that netreview or a newer one; the record was not changed", version, latest)
	case version == 0 && others:
		return fmt.Errorf("the database holds tables but no netreview record (no %s table); name another with --db; nothing was changed", migrationTable)
	}
	return nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// schemaState returns the highest migration applied (0 for none) and
// whether the database holds tables other than netreview's.
func (d *DB) schemaState(ctx context.Context, q querier) (version int, others bool, err error) {
	rows, err := q.QueryContext(ctx, d.dialect.tablesQuery)
	if err != nil {
		return 0, false, err
	}
	hasTable := false
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return 0, false, err
		}
		if name == migrationTable {
			hasTable = true
		} else {
			others = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, false, err
	}
	if !hasTable {
		return 0, others, nil
	}
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, "SELECT MAX(version) FROM "+migrationTable).Scan(&v); err != nil {
		return 0, false, err
	}
	return int(v.Int64), false, nil
}

// statements splits a migration into its statements, at semicolons that end
// a line; comment lines are dropped.
func statements(script string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(script, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(trimmed, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// setWAL turns on write-ahead logging. The switch takes the file's
// exclusive lock, and SQLite does not wait for it as the busy timeout
// waits for a write lock: when several processes start a new record at
// once, all but one are told SQLITE_BUSY at once. So the switch is tried
// again, every 20 ms, for as long as the busy timeout would have waited.
func (d *DB) setWAL(ctx context.Context) error {
	deadline := time.Now().Add(d.busyTimeout)
	for {
		_, err := d.db.ExecContext(ctx, "PRAGMA journal_mode=WAL")
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// isBusy reports whether err is SQLite's "the file is locked".
func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "SQLITE_BUSY")
}
