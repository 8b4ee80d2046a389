package report

import (
	"bufio"
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/netreview/netreview/analysis"
	goldenfile "github.com/netreview/netreview/internal/golden"
	"github.com/netreview/netreview/topology"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testResult is a hand-made result with findings of several severities, a
// path, a waived finding and user text that needs escaping.
func testResult() *analysis.Result {
	m := &topology.Model{
		Docs: []*topology.Document{{Path: "riverbend.yaml", Version: 1, Agency: topology.Agency{Name: "Riverbend *Police* Dept", ORI: "CA0000000"}}},
	}
	m.Reindex()
	return &analysis.Result{
		Model: m,
		Pack:  &analysis.Pack{Name: "cjis-6.0", Policy: "6.0"},
		Date:  time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		Findings: []analysis.Finding{
			{Rule: "unencrypted-exit", Severity: analysis.Critical, Subject: "hq-annex", Kind: analysis.KindLink,
				Message: "CJI leaves the physically secure location unencrypted", Policy: []string{"5.10.1.2.1"},
				Path: []string{"hq-core", "hq-annex", "annex-sw"}, At: "riverbend.yaml:12:5"},
			{Rule: "single-link", Severity: analysis.Medium, Subject: "annex", Kind: analysis.KindSite,
				Message: "site annex reaches the hub over one link", At: "riverbend.yaml:4:5",
				Waived: true, Waiver: &analysis.WaiverDetail{Reason: "second circuit ordered", ApprovedBy: "CSO", Expires: "2026-12-31"}},
			{Rule: "advanced-authentication", Severity: analysis.Info, Subject: "mdt_1", Kind: analysis.KindDevice,
				Message: "does mdt_1 use advanced authentication?", Policy: []string{"5.6.2.2"}, At: "riverbend.yaml:30:5"},
		},
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"text.golden", func(b *bytes.Buffer) error { return Text(b, testResult(), TextOptions{}) }},
		{"text-color.golden", func(b *bytes.Buffer) error { return Text(b, testResult(), TextOptions{Color: true}) }},
		{"markdown.golden", func(b *bytes.Buffer) error { return Markdown(b, testResult()) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := tt.write(&got); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", tt.name), got.Bytes())
		})
	}
}

func TestTextOrderAndNumbering(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, testResult(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{"F1  unencrypted-exit", "F2  single-link", "F3  advanced-authentication",
		"path: hq-core -> hq-annex -> annex-sw", "waived (medium): second circuit ordered (approved by CSO), expires 2026-12-31",
		"1 critical, 0 high, 0 medium, 0 low, 1 info; 1 waived"} {
		if !bytes.Contains(b.Bytes(), []byte(want)) {
			t.Errorf("text lacks %q:\n%s", want, s)
		}
	}
	if bytes.Contains(b.Bytes(), []byte("\x1b[")) {
		t.Error("text without Color has ANSI escapes")
	}
	c, i, w := bytes.Index(b.Bytes(), []byte("CRITICAL")), bytes.Index(b.Bytes(), []byte("INFO")), bytes.Index(b.Bytes(), []byte("WAIVED"))
	if c < 0 || i < 0 || w < 0 || c > i || i > w {
		t.Errorf("want CRITICAL, then INFO, then WAIVED:\n%s", s)
	}
	if bytes.Contains(b.Bytes(), []byte("MEDIUM")) {
		t.Errorf("the only medium finding is waived, yet a MEDIUM group is shown:\n%s", s)
	}
}

// TestTextWraps: at a terminal's width, lines break between words and a
// continuation keeps its line's indentation; without a width nothing wraps.
func TestTextWraps(t *testing.T) {
	var plain bytes.Buffer
	if err := Text(&plain, testResult(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{30, 40, 80} {
		var b bytes.Buffer
		if err := Text(&b, testResult(), TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		inFinding := false
		for _, l := range lines {
			if n := utf8.RuneCountInString(l); n > width && strings.Contains(strings.TrimSpace(l), " ") {
				t.Errorf("width %d: line of %d columns: %q", width, n, l)
			}
			if strings.HasPrefix(l, "  F") {
				inFinding = true
			} else if l == "" {
				inFinding = false
			} else if inFinding && !strings.HasPrefix(l, "      ") {
				t.Errorf("width %d: a finding's line lost its indentation: %q", width, l)
			}
		}
		if got, want := strings.Join(strings.Fields(b.String()), " "), strings.Join(strings.Fields(plain.String()), " "); got != want {
			t.Errorf("width %d: the words changed:\n%s", width, b.String())
		}
	}
	if bytes.Count(plain.Bytes(), []byte("\n")) >= bytes.Count(func() []byte {
		var b bytes.Buffer
		Text(&b, testResult(), TextOptions{Width: 30})
		return b.Bytes()
	}(), []byte("\n")) {
		t.Error("width 30 wraps nothing")
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got, *update)
}

// TestTextListLine holds the list line (path, policy) written item by item
// to the line of the joined items made safe, on items that split a rune
// between them, hold control characters, or are plain.
func TestTextListLine(t *testing.T) {
	items := [][]string{
		{"a", "b", "c"},
		{"caf\xc3", "\xa9 bar"},
		{"tab\there", "bell\a", "é"},
		{"\xff", "ok"},
		{},
	}
	for _, width := range []int{0, 12} {
		for _, it := range items {
			var got, want bytes.Buffer
			gw, ww := bufio.NewWriter(&got), bufio.NewWriter(&want)
			(&textWriter{w: gw, width: width}).list("path: ", it, " -> ")
			(&textWriter{w: ww, width: width}).line("      ", "path: "+TerminalSafe(strings.Join(it, " -> ")))
			gw.Flush()
			ww.Flush()
			if got.String() != want.String() {
				t.Errorf("width %d, %q: %q, want %q", width, it, got.String(), want.String())
			}
		}
	}
}
