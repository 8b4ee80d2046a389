package records

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/locktest"
)

func day(s string) time.Time {
	t, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// finding makes a recorded finding as check would print it.
func finding(t testing.TB, rule, subject string, sev analysis.Severity, waived bool) Finding {
	t.Helper()
	f, err := newFinding(analysis.Finding{Rule: rule, Subject: subject, Severity: sev, Kind: analysis.KindDevice,
		Message: "Device " + subject + " <fails> " + rule + ".", Policy: []string{"CJIS Security Policy 5.10.1.2.1"},
		Sites: []string{"hq"}, At: "agency.yaml:10:5", Waived: waived})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// review makes a review of ori on date with findings.
func review(ori, date string, fs ...Finding) Review {
	return Review{ORI: ori, Name: "Agency " + ori, County: "County " + ori[len(ori)-1:], Date: day(date), Pack: "cjis-6.0",
		Recorded: day(date).Add(9 * time.Hour),
		Inputs:   []Input{{Path: "samples/backbone.yaml", SHA256: strings.Repeat("ab", 32), Size: 100}, {Path: ori + ".yaml", SHA256: strings.Repeat("cd", 32), Size: 2000}},
		Findings: fs}
}

func TestStoreRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := open(t, dsn)
		high := finding(t, "unencrypted-exit", "hq-wan", analysis.High, false)
		want := &Record{
			Reviews: []Review{
				review("CA0000001", "2026-10-01", high, finding(t, "unanswered", "hq-fw", analysis.Info, false)),
				review("CA0000001", "2026-12-01", finding(t, "unpatched", "hq-srv", analysis.Medium, true)),
				review("CA0000002", "2026-11-01"),
			},
			Notices: []Notice{{ORI: "CA0000001", Sent: day("2026-10-05"), Due: day("2026-11-05"), Recorded: day("2026-10-05").Add(time.Hour)}},
			Plans: []Plan{{ORI: "CA0000001", Received: day("2026-11-01"), File: "plan.pdf", SHA256: HashBytes([]byte("%PDF plan")),
				Content: []byte("%PDF plan"), Recorded: day("2026-11-01").Add(time.Hour)}},
		}
		// Recorded out of order: the record sorts by agency and date.
		if err := db.AddReviews(ctx, []Review{want.Reviews[2], want.Reviews[0]}); err != nil {
			t.Fatal(err)
		}
		if err := db.AddReviews(ctx, want.Reviews[1:2]); err != nil {
			t.Fatal(err)
		}
		if err := db.AddNotice(ctx, want.Notices[0]); err != nil {
			t.Fatal(err)
		}
		if err := db.AddPlan(ctx, want.Plans[0]); err != nil {
			t.Fatal(err)
		}
		got, err := db.Load(ctx, LoadOptions{Full: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("loaded record differs:\n got %+v\nwant %+v", got, want)
		}
		if string(got.Reviews[0].Findings[0].JSON) != string(high.JSON) {
			t.Errorf("finding JSON changed in the record:\n got %s\nwant %s", got.Reviews[0].Findings[0].JSON, high.JSON)
		}

		// Export, import into a new record of the same kind, export again:
		// the same bytes.
		var first bytes.Buffer
		if err := Export(&first, got); err != nil {
			t.Fatal(err)
		}
		rec, err := ReadExport(bytes.NewReader(first.Bytes()), "export.json")
		if err != nil {
			t.Fatal(err)
		}
		other := open(t, backendLike(t, dsn))
		if err := other.Import(ctx, rec); err != nil {
			t.Fatal(err)
		}
		again, err := other.Load(ctx, LoadOptions{Full: true})
		if err != nil {
			t.Fatal(err)
		}
		var second bytes.Buffer
		if err := Export(&second, again); err != nil {
			t.Fatal(err)
		}
		if first.String() != second.String() {
			t.Fatalf("export after import differs:\n%s\n----\n%s", first.String(), second.String())
		}
		// A second import would double the record: refused, nothing added.
		if err := other.Import(ctx, rec); err == nil || !strings.Contains(err.Error(), "already holds 2 agencies") {
			t.Fatalf("second import: %v, want a refusal", err)
		}
		if n := countRows(t, other, "reviews"); n != 3 {
			t.Fatalf("%d reviews after the refused import, want 3", n)
		}
	})
}

// backendLike returns a new empty record of dsn's kind.
func backendLike(t *testing.T, dsn string) string {
	for _, b := range backends {
		if (b.name == "postgres") == isPostgres(dsn) {
			return b.newDSN(t)
		}
	}
	t.Fatal("no backend")
	return ""
}

func countRows(t *testing.T, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRunInputsKeptOnce: the reviews of one statewide add share its inputs,
// which the record keeps once, and gives back to each review.
func TestRunInputsKeptOnce(t *testing.T) {
	forEachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := open(t, dsn)
		a, b := review("CA0000001", "2026-10-01"), review("CA0000002", "2026-10-01")
		b.Inputs, b.Recorded = a.Inputs, a.Recorded
		if err := db.AddReviews(ctx, []Review{a, b}); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, db, "run_inputs"); n != len(a.Inputs) {
			t.Fatalf("%d input rows for two reviews of one run of %d inputs", n, len(a.Inputs))
		}
		rec, err := db.Load(ctx, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rec.Reviews {
			if !reflect.DeepEqual(r.Inputs, a.Inputs) {
				t.Errorf("%s: inputs %v, want %v", r.ORI, r.Inputs, a.Inputs)
			}
		}
		one, err := db.Load(ctx, LoadOptions{ORI: "CA0000002"})
		if err != nil {
			t.Fatal(err)
		}
		if len(one.Reviews) != 1 || !reflect.DeepEqual(one.Reviews[0].Inputs, a.Inputs) {
			t.Errorf("one agency's record: %+v", one.Reviews)
		}
	})
}

func TestUnknownAgency(t *testing.T) {
	forEachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := open(t, dsn)
		if err := db.AddReviews(ctx, []Review{review("CA0000001", "2026-10-01")}); err != nil {
			t.Fatal(err)
		}
		err := db.AddNotice(ctx, Notice{ORI: "CA9999999", Sent: day("2026-10-01"), Due: day("2026-11-01"), Recorded: time.Now()})
		if !errors.Is(err, errUnknownAgency) || !strings.Contains(err.Error(), "CA9999999") {
			t.Fatalf("notice to an unknown agency: %v", err)
		}
		err = db.AddPlan(ctx, Plan{ORI: "CA9999999", Received: day("2026-10-01"), Recorded: time.Now()})
		if !errors.Is(err, errUnknownAgency) {
			t.Fatalf("plan from an unknown agency: %v", err)
		}
		if countRows(t, db, "notices")+countRows(t, db, "plans") != 0 {
			t.Fatal("a notice or plan for an unknown agency was written")
		}
	})
}

// TestConcurrentAdd has writers add reviews to one record at once, each with
// its own connection as two reviewers' netreview processes would: every
// review is there afterwards.
func TestConcurrentAdd(t *testing.T) {
	const writers, each = 6, 8
	forEachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db, err := Open(ctx, dsn, Options{Create: true})
				if err != nil {
					errs <- err
					return
				}
				defer db.Close()
				for i := range each {
					ori := fmt.Sprintf("CA%07d", w*100+i)
					if err := db.AddReviews(ctx, []Review{review(ori, "2026-10-01", finding(t, "unpatched", "srv", analysis.Medium, false))}); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		db := open(t, dsn)
		if n := countRows(t, db, "reviews"); n != writers*each {
			t.Fatalf("%d reviews recorded, want %d", n, writers*each)
		}
		if n := countRows(t, db, "findings"); n != writers*each {
			t.Fatalf("%d findings recorded, want %d", n, writers*each)
		}
		if n := countRows(t, db, migrationTable); n != schemaVersion() {
			t.Fatalf("%d migrations recorded, want each of %d once", n, schemaVersion())
		}
	})
}

// TestRefusesNewerRecord: a record from a newer netreview is refused and not
// changed.
func TestRefusesNewerRecord(t *testing.T) {
	forEachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := open(t, dsn)
		if _, err := db.db.Exec(db.dialect.bind("INSERT INTO "+migrationTable+" (version, name, applied) VALUES (?, ?, ?)"), 99, "0099_future.sql", "2030-01-01T00:00:00Z"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		before := fingerprint(t, dsn)
		_, err := Open(ctx, dsn, Options{Create: true})
		if err == nil || !strings.Contains(err.Error(), "newer netreview") || !strings.Contains(err.Error(), "schema 99") {
			t.Fatalf("Open of a newer record: %v", err)
		}
		if after := fingerprint(t, dsn); after != before {
			t.Fatal("the newer record was changed")
		}
	})
}

// fingerprint identifies a record's content: an SQLite file's bytes (with
// its write-ahead log), or a PostgreSQL database's migration rows.
func fingerprint(t *testing.T, dsn string) string {
	t.Helper()
	if !isPostgres(dsn) {
		h := sha256.New()
		for _, p := range []string{dsn, dsn + "-wal"} {
			b, _ := os.ReadFile(p)
			h.Write(b)
		}
		return fmt.Sprintf("%x", h.Sum(nil))
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var s string
	if err := db.QueryRow("SELECT string_agg(version || name || applied, ',' ORDER BY version) FROM " + migrationTable).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOpenRefusesWhatIsNotARecord(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	corrupt := write("corrupt.db", bytes.Repeat([]byte("not a database, a spreadsheet saved over it\n"), 200))
	// A real SQLite database of some other program.
	foreign := filepath.Join(dir, "other.db")
	if odb, err := sql.Open("sqlite", foreign); err != nil {
		t.Fatal(err)
	} else {
		if _, err := odb.Exec("CREATE TABLE contacts (name TEXT)"); err != nil {
			t.Fatal(err)
		}
		odb.Close()
	}
	tests := []struct {
		name, path string
		opt        Options
		want       string
	}{
		{"corrupt file", corrupt, Options{Create: true}, "not a netreview record, or damaged"},
		{"another program's database", foreign, Options{Create: true}, "no netreview record"},
		{"missing file, reading", filepath.Join(dir, "none.db"), Options{}, "no such file"},
		{"a folder", dir, Options{Create: true}, "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fingerprint(t, tt.path)
			_, err := Open(ctx, tt.path, tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Fatalf("Open: %v, want an error naming %s and saying %q", err, tt.path, tt.want)
			}
			if fingerprint(t, tt.path) != before {
				t.Fatal("the file was changed")
			}
			if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
				t.Fatal("a record was created by a command that only reads")
			}
		})
	}
}

func TestLockedByAnotherProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "netreview.db")
	db := open(t, path)
	db.Close()
	locktest.Lock(t, path)
	db, err := Open(ctx, path, Options{busyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("a locked record cannot even be read: %v", err)
	}
	defer db.Close()
	err = db.AddReviews(ctx, []Review{review("CA0000001", "2026-10-01")})
	if err == nil || !strings.Contains(err.Error(), "locked by another process") {
		t.Fatalf("AddReviews on a locked record: %v", err)
	}
	if n := countRows(t, db, "reviews"); n != 0 {
		t.Fatalf("%d reviews written to the locked record", n)
	}
}

func TestReadExportErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"syntax", "{\n  \"netreview-records\": 1,\n  \"reviews\": [,]\n}", "export.json: 3:15: invalid character ','"},
		{"unknown field", `{"netreview-records": 1, "agencies": []}`, `unknown field "agencies"`},
		{"version", `{"netreview-records": 2}`, "reads version 1 exports"},
		{"bad date", `{"netreview-records": 1, "runs": [{"recorded": "2026-10-01T09:00:00Z", "inputs": []}], "reviews": [{"ori": "CA0000001", "date": "10/01/2026", "recorded": "2026-10-01T09:00:00Z"}]}`, `reviews[0].date: "10/01/2026" is not a date: want YYYY-MM-DD`},
		{"finding without severity", `{"netreview-records": 1, "runs": [{"recorded": "2026-10-01T09:00:00Z", "inputs": [], "findings": [{"rule": "unpatched", "subject": "x"}]}]}`, "runs[0].findings[0]: finding unpatched/x needs a severity"},
		{"review of a finding the run lacks", `{"netreview-records": 1, "runs": [{"recorded": "2026-10-01T09:00:00Z", "inputs": [], "findings": []}], "reviews": [{"ori": "CA0000001", "date": "2026-10-01", "recorded": "2026-10-01T09:00:00Z", "findings": [3]}]}`, "reviews[0].findings[0]: 3 is not one of the run's 0 findings"},
		{"review of no run", `{"netreview-records": 1, "reviews": [{"run": 0, "ori": "CA0000001", "date": "2026-10-01", "recorded": "2026-10-01T09:00:00Z"}]}`, "reviews[0].run: 0 is not one of the 0 runs"},
		{"plan of an agency never reviewed", `{"netreview-records": 1, "plans": [{"ori": "CA0000002", "received": "2026-10-01", "recorded": "2026-10-01T09:00:00Z"}]}`, "plans[0]: unknown agency CA0000002"},
		{"notice without ori", `{"netreview-records": 1, "notices": [{"sent": "2026-10-01", "due": "2026-11-01", "recorded": "2026-10-01T09:00:00Z"}]}`, "notices[0]: no ori"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadExport(strings.NewReader(tt.in), "export.json")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadExport: %v, want %q", err, tt.want)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	tests := map[string]string{
		"postgres://rev:s3cret@db.state.example/records": "postgres://rev:***@db.state.example/records",
		"postgres://rev@db/records":                      "postgres://rev@db/records",
		"postgres:///records?host=/run/postgresql":       "postgres:///records?host=/run/postgresql",
	}
	for in, want := range tests {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}
