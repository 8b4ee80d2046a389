package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
)

func TestCompareFindings(t *testing.T) {
	f := func(rule, subject, msg string) analysis.Finding {
		return analysis.Finding{Rule: rule, Subject: subject, Message: msg}
	}
	before := []analysis.Finding{f("single-link", "annex", "old"), f("unencrypted-exit", "hq-annex", "was")}
	after := []analysis.Finding{f("single-link", "annex", "new"), f("shared-device", "hq-fw", "now")}
	got := compareFindings(before, after)
	check := func(name string, fs []analysis.Finding, want ...string) {
		t.Helper()
		if len(fs) != len(want) {
			t.Fatalf("%s: got %d findings, want %d", name, len(fs), len(want))
		}
		for i := range fs {
			if fs[i].Message != want[i] {
				t.Errorf("%s[%d] = %q, want %q", name, i, fs[i].Message, want[i])
			}
		}
	}
	check("introduced", got.Introduced, "now")
	check("resolved", got.Resolved, "was")   // as it was before
	check("unchanged", got.Unchanged, "new") // as it is after
	none := compareFindings(before, before)
	check("no change: introduced", none.Introduced)
	check("no change: resolved", none.Resolved)
}

func TestDiffGolden(t *testing.T) {
	before := testResult()
	after := testResult()
	after.Findings = after.Findings[1:]
	after.Model = &topology.Model{Docs: before.Model.Docs, Links: []*topology.Link{{ID: "hq-annex2", A: "hq-core", B: "annex-sw"}}}
	after.Model.Reindex()
	d := NewDiffOutput(before, after)
	var txt, js, md bytes.Buffer
	if err := DiffText(&txt, d); err != nil {
		t.Fatal(err)
	}
	if err := DiffMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	if err := DiffJSON(&js, d); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "diff-text.golden"), txt.Bytes())
	golden(t, filepath.Join("testdata", "diff-json.golden"), js.Bytes())
	golden(t, filepath.Join("testdata", "diff-markdown.golden"), md.Bytes())
}
