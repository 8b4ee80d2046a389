package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/netreview/netreview/internal/locktest"
	"github.com/netreview/netreview/internal/pgtest"
)

// The test binary, run by locktest.Lock, holds a record's lock instead of
// running tests.
func init() { locktest.Init() }

var (
	pineCurrent  = sample("diff/pine-hollow-current.yaml")
	pineProposed = sample("diff/pine-hollow-proposed.yaml")
)

const pineORI = "CA0450600"

// mustRun runs the command line and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("netreview %s: exit status %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return out
}

// keys returns the findings' "rule/subject", sorted.
func keys(fs []struct{ Rule, Subject string }) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Rule+"/"+f.Subject)
	}
	sort.Strings(out)
	return out
}

// TestRecordsHistoryOfTheDiffPair records the sample pair as two reviews of
// Pine Hollow: the history's introduced and resolved findings are those
// diff reports between the two files.
func TestRecordsHistoryOfTheDiffPair(t *testing.T) {
	db := filepath.Join(t.TempDir(), "netreview.db")
	mustRun(t, "records", "add", "--db", db, "--date", "2026-10-01", pineCurrent)
	mustRun(t, "records", "add", "--db", db, "--date", "2026-12-01", pineProposed)

	var h struct {
		ORI     string `json:"ori"`
		Reviews []struct {
			Date       string
			Introduced []struct{ Rule, Subject string }
			Resolved   []struct{ Rule, Subject string }
			Inputs     []struct {
				Path, SHA256 string
			}
		}
	}
	if err := json.Unmarshal([]byte(mustRun(t, "records", "history", "--db", db, "--format", "json", pineORI)), &h); err != nil {
		t.Fatal(err)
	}
	if h.ORI != pineORI || len(h.Reviews) != 2 {
		t.Fatalf("history of %s: %d reviews, want 2", h.ORI, len(h.Reviews))
	}
	code, out, stderr := runCLI(t, "diff", "--format", "json", "--date", "2026-12-01", pineCurrent, pineProposed)
	if code > 1 {
		t.Fatalf("diff: %s", stderr)
	}
	var d struct {
		Findings struct {
			Introduced, Resolved []struct{ Rule, Subject string }
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	second := h.Reviews[1]
	if len(d.Findings.Introduced)+len(d.Findings.Resolved) == 0 {
		t.Fatal("the sample pair changes no finding: the test would prove nothing")
	}
	if got, want := keys(second.Introduced), keys(d.Findings.Introduced); !reflect.DeepEqual(got, want) {
		t.Errorf("introduced by the second review %q, diff says %q", got, want)
	}
	if got, want := keys(second.Resolved), keys(d.Findings.Resolved); !reflect.DeepEqual(got, want) {
		t.Errorf("resolved by the second review %q, diff says %q", got, want)
	}
	b, err := os.ReadFile(pineProposed)
	if err != nil {
		t.Fatal(err)
	}
	if in := second.Inputs; len(in) != 1 || in[0].SHA256 != fmt.Sprintf("%x", sha256.Sum256(b)) {
		t.Errorf("the second review's inputs %+v, want the proposal's content hash", in)
	}
	text := mustRun(t, "records", "history", "--db", db, pineORI)
	for _, want := range []string{"2026-10-01  review under cjis-6.0", "2026-12-01  review under cjis-6.0", "resolved", "introduced"} {
		if !strings.Contains(text, want) {
			t.Errorf("history text lacks %q:\n%s", want, text)
		}
	}
}

// statusOf runs records status --format json and returns the agency ori's
// row as a generic map, after checking the keys are exactly the documented
// ones.
func statusOf(t *testing.T, db, date, ori string) map[string]any {
	t.Helper()
	var st struct {
		Agencies []map[string]any `json:"agencies"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "records", "status", "--db", db, "--date", date, "--format", "json")), &st); err != nil {
		t.Fatal(err)
	}
	for _, a := range st.Agencies {
		var got []string
		for k := range a {
			got = append(got, k)
		}
		sort.Strings(got)
		want := []string{"county", "last_review", "name", "notice_due", "open", "ori", "plan_received", "state"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("status keys %q, want %q", got, want)
		}
		if a["ori"] == ori {
			return a
		}
	}
	t.Fatalf("no %s in the status", ori)
	return nil
}

func TestRecordsNoticeGoesOverdue(t *testing.T) {
	db := filepath.Join(t.TempDir(), "netreview.db")
	mustRun(t, "records", "add", "--db", db, "--date", "2026-10-01", pineCurrent)
	a := statusOf(t, db, "2026-10-02", pineORI)
	if a["state"] != "under-review" || a["notice_due"] != nil || a["last_review"] != "2026-10-01" {
		t.Fatalf("after the review: %v", a)
	}
	if open := a["open"].(map[string]any); open["high"].(float64) == 0 {
		t.Fatalf("open %v: the current Pine Hollow network has high findings", open)
	}
	mustRun(t, "records", "notice", "--db", db, pineORI, "--sent", "2026-10-05", "--due", "2026-11-05")
	tests := []struct{ date, state string }{
		{"2026-10-04", "under-review"}, // the notice is not sent yet on that day
		{"2026-10-05", "notice-sent"},
		{"2026-11-05", "notice-sent"}, // due today: not yet overdue
		{"2026-11-06", "overdue"},
	}
	for _, tt := range tests {
		a := statusOf(t, db, tt.date, pineORI)
		if a["state"] != tt.state {
			t.Errorf("as of %s: %v, want %s", tt.date, a["state"], tt.state)
		}
	}
	if a := statusOf(t, db, "2026-11-06", pineORI); a["notice_due"] != "2026-11-05" {
		t.Errorf("notice_due %v", a["notice_due"])
	}
	text := mustRun(t, "records", "status", "--db", db, "--date", "2026-11-20")
	if !strings.Contains(text, "overdue") || !strings.Contains(text, "1 agency: 1 overdue") {
		t.Errorf("status text:\n%s", text)
	}
	plan := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(plan, []byte("%PDF-1.4 plan"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "records", "plan", "--db", db, pineORI, "--received", "2026-11-20", "--file", plan)
	if a := statusOf(t, db, "2026-11-21", pineORI); a["state"] != "plan-received" || a["plan_received"] != "2026-11-20" {
		t.Errorf("after the plan: %v", a)
	}
	mustRun(t, "records", "add", "--db", db, "--date", "2026-12-01", pineProposed)
	if a := statusOf(t, db, "2026-12-02", pineORI); a["state"] != "compliant" || a["notice_due"] != nil {
		t.Errorf("after the revised proposal: %v", a)
	}
}

// fileState identifies a record's content on disk (the file and its
// write-ahead log).
func fileState(t *testing.T, path string) string {
	t.Helper()
	h := sha256.New()
	for _, p := range []string{path, path + "-wal"} {
		b, _ := os.ReadFile(p)
		h.Write(b)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestRecordsBadInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "netreview.db")
	mustRun(t, "records", "add", "--db", db, "--date", "2026-10-01", pineCurrent)
	corrupt := filepath.Join(dir, "corrupt.db")
	if err := os.WriteFile(corrupt, bytes.Repeat([]byte("this is a spreadsheet, not a record\n"), 300), 0o644); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked.db")
	mustRun(t, "records", "add", "--db", locked, "--date", "2026-10-01", pineCurrent)
	tests := []struct {
		name string
		db   string
		args []string
		want string
	}{
		{"unknown ORI, notice", db, []string{"records", "notice", "CA9999999", "--sent", "2026-10-05", "--due", "2026-11-05"}, "unknown agency CA9999999"},
		{"unknown ORI, plan", db, []string{"records", "plan", "CA9999999", "--received", "2026-10-05"}, "unknown agency CA9999999"},
		{"unknown ORI, history", db, []string{"records", "history", "CA9999999"}, "unknown agency CA9999999"},
		{"date in the wrong form, due", db, []string{"records", "notice", pineORI, "--sent", "2026-10-05", "--due", "11/05/2026"}, `--due: "11/05/2026" is not a date: want YYYY-MM-DD`},
		{"date in the wrong form, sent", db, []string{"records", "notice", pineORI, "--sent", "5 Oct 2026", "--due", "2026-11-05"}, "--sent"},
		{"date in the wrong form, received", db, []string{"records", "plan", pineORI, "--received", "2026-13-01"}, "--received"},
		{"date in the wrong form, add", db, []string{"records", "add", "--date", "2026/12/01", pineProposed}, "want YYYY-MM-DD"},
		{"date in the wrong form, status", db, []string{"records", "status", "--date", "yesterday"}, "--date"},
		{"due before sent", db, []string{"records", "notice", pineORI, "--sent", "2026-10-05", "--due", "2026-10-01"}, "must be after --sent"},
		{"corrupt database, add", corrupt, []string{"records", "add", "--date", "2026-10-01", pineCurrent}, "not a netreview record, or damaged"},
		{"corrupt database, status", corrupt, []string{"records", "status"}, "not a netreview record, or damaged"},
		{"locked by another process", locked, []string{"records", "add", "--date", "2026-12-01", pineProposed}, "locked by another process"},
		{"invalid proposal", db, []string{"records", "add", sample("riverbend-pd.yaml")}, "riverbend-pd.yaml:"},
		{"unknown status format", db, []string{"records", "status", "--format", "csv"}, "want text, json or markdown"},
		{"status report from FILEs", db, []string{"report", "--status", "-o", filepath.Join(dir, "s.md"), pineCurrent}, "not from FILEs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.db == locked {
				if testing.Short() {
					t.Skip("-short: waits out the 30 s busy timeout (records' own test locks with a short one)")
				}
				locktest.Lock(t, locked)
			}
			before := fileState(t, tt.db)
			code, out, stderr := runCLI(t, append(append([]string{}, tt.args...), "--db", tt.db)...)
			if code != exitInput {
				t.Fatalf("exit status %d, want 2; stdout %q; stderr:\n%s", code, out, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Fatalf("stderr lacks %q:\n%s", tt.want, stderr)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic:") {
				t.Fatalf("stderr holds a stack trace:\n%s", stderr)
			}
			if after := fileState(t, tt.db); after != before {
				t.Fatal("the record was changed")
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "s.md")); err == nil {
		t.Error("a status report was written from a command line that was refused")
	}
	// A command that reads the record does not make one.
	missing := filepath.Join(dir, "none.db")
	if code, _, stderr := runCLI(t, "records", "status", "--db", missing); code != exitInput || !strings.Contains(stderr, "no such file") {
		t.Errorf("status of a missing record: %d %s", code, stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("records status created a record")
	}
}

func TestRecordsDBFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "team.db")
	t.Setenv("NETREVIEW_DB", db)
	mustRun(t, "records", "add", "--date", "2026-10-01", pineCurrent)
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("$NETREVIEW_DB not used: %v", err)
	}
	if out := mustRun(t, "records", "status", "--date", "2026-10-02"); !strings.Contains(out, pineORI) {
		t.Fatalf("status:\n%s", out)
	}
}

// TestRecordsConcurrentAdd runs records add several times at once on one
// record, as reviewers working at the same time do: no review is lost.
func TestRecordsConcurrentAdd(t *testing.T) {
	t.Parallel()
	const n = 6
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "netreview.db")
			if backend == "postgres" {
				db = pgtest.Start(t).Database(t)
			}
			var wg sync.WaitGroup
			codes := make([]int, n)
			stderrs := make([]string, n)
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					date := fmt.Sprintf("2026-10-%02d", i+1)
					codes[i], _, stderrs[i] = runCLI(t, "records", "add", "--db", db, "--date", date, pineCurrent)
				}()
			}
			wg.Wait()
			for i := range n {
				if codes[i] != 0 {
					t.Errorf("add %d: exit status %d\n%s", i, codes[i], stderrs[i])
				}
			}
			var h struct{ Reviews []struct{ Date string } }
			if err := json.Unmarshal([]byte(mustRun(t, "records", "history", "--db", db, "--format", "json", pineORI)), &h); err != nil {
				t.Fatal(err)
			}
			if len(h.Reviews) != n {
				t.Fatalf("%d reviews recorded by %d adds at once", len(h.Reviews), n)
			}
		})
	}
}

func TestRecordsExportImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustRun(t, "records", "add", "--db", db, "--date", "2026-10-01", pineCurrent)
	mustRun(t, "records", "notice", "--db", db, pineORI, "--sent", "2026-10-05", "--due", "2026-11-05")
	mustRun(t, "records", "add", "--db", db, "--date", "2026-12-01", pineProposed)
	first := filepath.Join(dir, "first.json")
	mustRun(t, "records", "export", "--db", db, first)
	other := filepath.Join(dir, "b.db")
	if out := mustRun(t, "records", "import", "--db", other, first); !strings.Contains(out, "imported 2 reviews, 1 notices and 0 plans") {
		t.Errorf("import said %q", out)
	}
	second := mustRun(t, "records", "export", "--db", other, "-")
	b, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != second {
		t.Fatal("the export of the imported record differs from the export it was imported from")
	}
	// The exported findings are check's, byte for byte.
	_, check, _ := runCLI(t, "check", "--format", "json", "--date", "2026-12-01", pineProposed)
	var c struct{ Findings []json.RawMessage }
	var e struct {
		Runs    []struct{ Findings []json.RawMessage }
		Reviews []struct {
			Run      int
			Findings []int
		}
	}
	if err := json.Unmarshal([]byte(check), &c); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	compact := func(fs []json.RawMessage) []string {
		var out []string
		for _, f := range fs {
			var buf bytes.Buffer
			json.Compact(&buf, f)
			out = append(out, buf.String())
		}
		return out
	}
	var recorded []json.RawMessage
	for _, i := range e.Reviews[1].Findings {
		recorded = append(recorded, e.Runs[e.Reviews[1].Run].Findings[i])
	}
	if got, want := compact(recorded), compact(c.Findings); !reflect.DeepEqual(got, want) {
		t.Errorf("recorded findings differ from check's:\n got %s\nwant %s", got, want)
	}
	if code, _, stderr := runCLI(t, "records", "import", "--db", other, first); code != exitInput || !strings.Contains(stderr, "already holds") {
		t.Errorf("second import: %d %s", code, stderr)
	}
}

func TestReportStatus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "netreview.db")
	mustRun(t, "records", "add", "--db", db, "--date", "2026-10-01", pineCurrent)
	mustRun(t, "records", "notice", "--db", db, pineORI, "--sent", "2026-10-05", "--due", "2026-11-05")
	for _, ext := range []string{"md", "html", "xlsx"} {
		out := filepath.Join(dir, "status."+ext)
		mustRun(t, "report", "--status", "--db", db, "--date", "2026-11-20", "-o", out)
		if ext == "xlsx" {
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range f.GetSheetList() {
				hf, err := f.GetHeaderFooter(s)
				if err != nil || !strings.Contains(hf.OddHeader, "FOR OFFICIAL USE ONLY") || !strings.Contains(hf.OddFooter, "FOR OFFICIAL USE ONLY") {
					t.Errorf("sheet %s is not marked on every page: %+v %v", s, hf, err)
				}
			}
			v, _ := f.GetCellValue("Status", "A1")
			f.Close()
			if v != "FOR OFFICIAL USE ONLY" {
				t.Errorf("Status!A1 = %q", v)
			}
			continue
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"FOR OFFICIAL USE ONLY", pineORI, "overdue", "2026-Q4"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("status.%s lacks %q", ext, want)
			}
		}
	}
	// The committee's slides: a .pptx package and a PDF.
	for name, magic := range map[string]string{"status.pptx": "PK", "status.pdf": "%PDF-"} {
		out := filepath.Join(dir, name)
		mustRun(t, "report", "--status", "--db", db, "--date", "2026-11-20", "-o", out)
		if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), magic) {
			t.Errorf("%s: %.8q, %v", name, b, err)
		}
	}
	if code, _, stderr := runCLI(t, "report", "--status", "--db", db, "-o", filepath.Join(dir, "status.ppt")); code != exitInput || !strings.Contains(stderr, "want .xlsx, .html, .md, .pptx or .pdf") {
		t.Errorf("status report as ppt: %d %s", code, stderr)
	}
}

// TestRecordsAddSkipsTheCSA records the backbone with two agencies: the
// CSA's file is context, and each agency's review holds exactly the
// findings of check that list its ORI.
func TestRecordsAddSkipsTheCSA(t *testing.T) {
	db := filepath.Join(t.TempDir(), "netreview.db")
	files := []string{sample("backbone.yaml"), sample("riverbend-pd.yaml"), sample("cedar-county-so.yaml")}
	out := mustRun(t, append([]string{"records", "add", "--db", db, "--date", "2026-11-15"}, files...)...)
	if strings.Contains(out, "CA0349400") || !strings.Contains(out, "CA0420100") || !strings.Contains(out, "CA0100000") {
		t.Fatalf("records add:\n%s", out)
	}
	_, check, _ := runCLI(t, append([]string{"check", "--format", "json", "--date", "2026-11-15"}, files...)...)
	var c struct {
		Findings []struct {
			Rule, Subject string
			Agencies      []string
		}
	}
	if err := json.Unmarshal([]byte(check), &c); err != nil {
		t.Fatal(err)
	}
	for _, ori := range []string{"CA0420100", "CA0100000"} {
		var want []struct{ Rule, Subject string }
		for _, f := range c.Findings {
			for _, a := range f.Agencies {
				if a == ori {
					want = append(want, struct{ Rule, Subject string }{f.Rule, f.Subject})
				}
			}
		}
		var h struct {
			Reviews []struct {
				Introduced []struct{ Rule, Subject string }
			}
		}
		if err := json.Unmarshal([]byte(mustRun(t, "records", "history", "--db", db, "--format", "json", ori)), &h); err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || len(h.Reviews) != 1 || !reflect.DeepEqual(keys(h.Reviews[0].Introduced), keys(want)) {
			t.Errorf("%s: recorded %v, check lists %v", ori, h.Reviews, keys(want))
		}
	}
	if code, _, stderr := runCLI(t, "records", "history", "--db", db, "CA0349400"); code != exitInput || !strings.Contains(stderr, "unknown agency") {
		t.Errorf("the CSA has a history: %d %s", code, stderr)
	}
}
