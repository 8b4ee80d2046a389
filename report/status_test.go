package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/records"
)

func statusDay(s string) time.Time {
	t, err := records.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// statusRecord is a small state: one agency overdue, one with a plan, one
// under review, one compliant after resolving its findings, over three
// quarters. Names carry markup, to see it escaped.
func statusRecord(t *testing.T) *records.Record {
	t.Helper()
	f := func(rule, subject string, sev analysis.Severity) records.Finding {
		return records.Finding{Rule: rule, Subject: subject, Severity: sev}
	}
	rv := func(ori, name, county, date string, fs ...records.Finding) records.Review {
		return records.Review{ORI: ori, Name: name, County: county, Date: statusDay(date), Pack: "cjis-6.0", Recorded: statusDay(date), Findings: fs}
	}
	return &records.Record{
		Reviews: []records.Review{
			rv("CA0100000", "Cedar County Sheriff's Office", "Cedar", "2026-08-20", f("unencrypted-exit", "wan", analysis.High), f("unpatched", "srv", analysis.Medium)),
			rv("CA0420100", "Riverbend <Police> | Department", "Riverbend", "2026-09-01", f("weak-wireless", "ap", analysis.High), f("unpatched", "srv", analysis.Medium)),
			rv("CA0420100", "Riverbend <Police> | Department", "Riverbend", "2026-11-15", f("unpatched", "srv", analysis.Medium)),
			rv("CA0450600", "Pine Hollow Police Department", "Shasta", "2026-10-01", f("unencrypted-exit", "fr", analysis.High), f("advanced-authentication", "ws", analysis.High)),
			rv("CA0450700", "Shasta Lake Police Department", "Shasta", "2027-01-05", f("cloud-agreement", "cad", analysis.High)),
		},
		Notices: []records.Notice{
			{ORI: "CA0100000", Sent: statusDay("2026-08-25"), Due: statusDay("2026-09-25")},
			{ORI: "CA0450600", Sent: statusDay("2026-10-05"), Due: statusDay("2026-11-05")},
		},
		Plans: []records.Plan{{ORI: "CA0450600", Received: statusDay("2026-11-01")}},
	}
}

func TestStatusReportGolden(t *testing.T) {
	c := statusRecord(t).Committee(records.StatusOptions{AsOf: statusDay("2027-01-15"), Threshold: analysis.High})
	for _, tt := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"status.md.golden", func(b *bytes.Buffer) error { return StatusMarkdown(b, c) }},
		{"status.html.golden", func(b *bytes.Buffer) error { return StatusHTML(b, c) }},
	} {
		var b bytes.Buffer
		if err := tt.write(&b); err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join("testdata", tt.file), b.Bytes())
		out := b.String()
		if n := strings.Count(out, statusMarking); n < 2 {
			t.Errorf("%s: the marking appears %d times, want at the top and the bottom", tt.file, n)
		}
		// Overdue first, then plan received, then under review; the
		// agencies not meeting policy before those that do.
		order := []string{"CA0100000", "CA0450600", "CA0450700", "CA0420100"}
		last := -1
		for _, ori := range order {
			i := strings.Index(out, ori)
			if i < last {
				t.Errorf("%s: %s is out of order", tt.file, ori)
			}
			last = i
		}
	}
}

func TestStatusHTMLEscapesAndMarksEveryPage(t *testing.T) {
	c := statusRecord(t).Committee(records.StatusOptions{AsOf: statusDay("2027-01-15"), Threshold: analysis.High})
	var b bytes.Buffer
	if err := StatusHTML(&b, c); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<Police>") || !strings.Contains(out, "&lt;Police&gt;") {
		t.Error("an agency's name is not escaped")
	}
	for _, want := range []string{`@top-center { content: "FOR OFFICIAL USE ONLY"`, `@bottom-center { content: "FOR OFFICIAL USE ONLY`, "<svg", "2026-Q3", "2027-Q1"} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func TestStatusWorkbook(t *testing.T) {
	c := statusRecord(t).Committee(records.StatusOptions{AsOf: statusDay("2027-01-15"), Threshold: analysis.High})
	var b bytes.Buffer
	if err := StatusWorkbook(&b, c); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{statusSummarySheet, statusAgenciesSheet, statusRulesSheet, statusQuartersSheet, statusCountiesSheet}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	for _, s := range want {
		hf, err := f.GetHeaderFooter(s)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(hf.OddHeader, statusMarking) || !strings.Contains(hf.OddFooter, statusMarking) {
			t.Errorf("%s: header %q, footer %q: not marked", s, hf.OddHeader, hf.OddFooter)
		}
	}
	rows, err := f.GetRows(statusAgenciesSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || rows[1][0] != "CA0100000" || rows[1][3] != "overdue" || rows[4][3] != "compliant" {
		t.Errorf("Agencies sheet:\n%q", rows)
	}
	q, err := f.GetRows(statusQuartersSheet)
	if err != nil {
		t.Fatal(err)
	}
	// 2026-Q3: two reviews, four findings; 2026-Q4: Pine Hollow's two, and
	// Riverbend's second review resolving weak-wireless; 2027-Q1: one.
	wantQ := [][]string{
		{"Quarter", "Reviews", "Findings introduced", "Findings resolved", "Notices sent", "Plans received"},
		{"2026-Q3", "2", "4", "0", "1", "0"},
		{"2026-Q4", "2", "2", "1", "1", "1"},
		{"2027-Q1", "1", "1", "0", "0", "0"},
	}
	if strings.Join(flatten(q), ",") != strings.Join(flatten(wantQ), ",") {
		t.Errorf("Quarters sheet %q, want %q", q, wantQ)
	}
	if _, ok := f.Pkg.Load("xl/charts/chart1.xml"); !ok {
		t.Error("the workbook has no chart of the quarters")
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "|"))
	}
	return out
}
