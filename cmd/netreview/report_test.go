package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestReportWritesEveryForm(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	inputs := []string{sample("backbone.yaml"), sample("riverbend-pd.yaml")}
	tests := []struct {
		out   string
		flags []string
		want  string // a string the output holds
	}{
		{"review.xlsx", nil, "PK"},
		{"review.html", nil, "<figure class=\"diagram\" id=\"nr-diagram\"><svg"},
		{"review.md", nil, "# Network design review"},
		{"notice.md", []string{"--notice", "--due", "2027-01-15"}, "January 15, 2027"},
		{"notice.html", []string{"--notice", "--due", "2027-01-15"}, "January 15, 2027"},
		{"deck.pptx", nil, "ppt/slides/slide4.xml"},
		{"deck.pdf", nil, "%PDF-"},
	}
	for _, tt := range tests {
		t.Run(tt.out, func(t *testing.T) {
			out := filepath.Join(dir, tt.out)
			args := append([]string{"report", "--date", "2026-11-15", "-o", out}, tt.flags...)
			code, stdout, stderr := runCLI(t, append(args, inputs...)...)
			if code != 0 {
				t.Fatalf("exit status %d, want 0; stderr:\n%s", code, stderr)
			}
			if stdout != "" {
				t.Errorf("report printed to stdout: %q", stdout)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tt.want) {
				t.Errorf("%s lacks %q", tt.out, tt.want)
			}
		})
	}
	t.Run("workbook opens", func(t *testing.T) {
		f, err := excelize.OpenFile(filepath.Join(dir, "review.xlsx"))
		if err != nil {
			t.Skipf("no workbook written: %v", err)
		}
		defer f.Close()
		if v, _ := f.GetCellValue("Findings", "A2"); v != "1" {
			t.Errorf("Findings!A2 = %q, want 1", v)
		}
	})
}

func TestReportExitStatus(t *testing.T) {
	dir := t.TempDir()
	backbone, riverbend := sample("backbone.yaml"), sample("riverbend-pd.yaml")
	out := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name    string
		args    []string
		want    int
		stderr  string // a string stderr holds
		written string // a file that must exist afterwards, if any
	}{
		{"no output", []string{"report", backbone}, 2, "-o OUT is required", ""},
		{"unknown extension", []string{"report", "-o", out("r.ppt"), backbone}, 2, `unknown report form ".ppt": want .xlsx, .html, .md, .pptx or .pdf`, ""},
		{"notice as slides", []string{"report", "--notice", "--due", "2027-01-15", "-o", out("n.pdf"), backbone}, 2, `unknown letter form ".pdf"`, ""},
		{"notice without due", []string{"report", "--notice", "-o", out("n.md"), backbone}, 2, "--notice needs --due", ""},
		{"due without notice", []string{"report", "--due", "2027-01-15", "-o", out("n.md"), backbone}, 2, "--due is for --notice only", ""},
		{"bad due", []string{"report", "--notice", "--due", "15/01/2027", "-o", out("n.md"), backbone}, 2, "want YYYY-MM-DD", ""},
		{"due before the review", []string{"report", "--date", "2026-11-15", "--notice", "--due", "2026-11-01", "-o", out("n.md"), backbone, riverbend}, 2, "not after the review date", ""},
		{"notice as workbook", []string{"report", "--notice", "--due", "2027-01-15", "-o", out("n.xlsx"), backbone}, 2, "a letter is .md or .html, not .xlsx", ""},
		{"bad input", []string{"report", "-o", out("bad.md"), riverbend}, 2, "", ""},
		{"bad fail-on", []string{"report", "--fail-on", "severe", "-o", out("f.md"), backbone}, 2, "--fail-on", ""},
		{"missing folder", []string{"report", "-o", filepath.Join(dir, "no", "such", "r.md"), backbone}, 2, "write", ""},
		{"findings do not fail by default", []string{"report", "--date", "2026-11-15", "-o", out("ok.md"), backbone, riverbend}, 0, "", "ok.md"},
		{"fail-on high fails, and writes", []string{"report", "--date", "2026-11-15", "--fail-on", "high", "-o", out("fail.md"), backbone, riverbend}, 1, "", "fail.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.want {
				t.Fatalf("exit status %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic:") {
				t.Fatalf("stderr holds a stack trace:\n%s", stderr)
			}
			if tt.written != "" {
				if _, err := os.Stat(out(tt.written)); err != nil {
					t.Errorf("report not written: %v", err)
				}
			}
		})
	}
	// A failed report leaves nothing behind, not even a temporary file.
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || e.Name() == "bad.md" || e.Name() == "n.md" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestReportLetters writes the letters of the statewide sample: one per
// agency under review, named by ORI, in a folder; --agency picks one;
// --format html; mistakes exit 2 before anything is written.
func TestReportLetters(t *testing.T) {
	samples, err := filepath.Glob(sample("*.yaml"))
	if err != nil || len(samples) < 5 {
		t.Fatalf("samples: %v %v", samples, err)
	}
	dir := t.TempDir()
	base := []string{"report", "--date", "2026-11-15", "--notice", "--due", "2027-01-15", "--letterhead", sample("letterhead/office.yaml")}
	run := func(t *testing.T, want int, args ...string) (string, string) {
		t.Helper()
		code, stdout, stderr := runCLI(t, append(append(slices.Clone(base), args...), samples...)...)
		if code != want {
			t.Fatalf("exit status %d, want %d; stderr:\n%s", code, want, stderr)
		}
		return stdout, stderr
	}
	letters := filepath.Join(dir, "letters") + string(os.PathSeparator)
	stdout, _ := run(t, 0, "-o", letters)
	oris := []string{"CA0100000", "CA027021C", "CA0380300", "CA0420100"}
	entries, err := os.ReadDir(letters)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	var want []string
	for _, o := range oris {
		want = append(want, o+".md")
	}
	if !slices.Equal(names, want) {
		t.Errorf("letters/ holds %v, want %v", names, want)
	}
	for _, o := range oris {
		if !strings.Contains(stdout, filepath.Join(letters, o+".md")) {
			t.Errorf("stdout does not tell of %s:\n%s", o, stdout)
		}
	}
	b, err := os.ReadFile(filepath.Join(letters, "CA0420100.md"))
	if err != nil || !strings.Contains(string(b), "Dear Dana Ortiz:") || strings.Contains(string(b), "Bayview") {
		t.Errorf("Riverbend's letter: %v\n%s", err, b)
	}
	html := filepath.Join(dir, "html") + string(os.PathSeparator)
	run(t, 0, "--format", "html", "--agency", "CA0100000", "-o", html)
	if entries, _ := os.ReadDir(html); len(entries) != 1 || entries[0].Name() != "CA0100000.html" {
		t.Errorf("--agency CA0100000 --format html wrote %v", entries)
	}
	one := filepath.Join(dir, "cedar.md")
	if stdout, _ := run(t, 0, "--agency", "ca0100000", "-o", one); stdout != "" {
		t.Errorf("one letter printed %q", stdout)
	}
	if b, err := os.ReadFile(one); err != nil || !strings.Contains(string(b), "Cedar County Sheriff") {
		t.Errorf("cedar.md: %v", err)
	}
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"-o", filepath.Join(dir, "all.md")}, "4 agencies under review"},
		{[]string{"--agency", "CA9999999", "-o", filepath.Join(dir, "x.md")}, "agency CA9999999 is not under review"},
		{[]string{"--format", "pdf", "-o", filepath.Join(dir, "f") + "/"}, `--format "pdf": want md or html`},
		{[]string{"--format", "html", "-o", filepath.Join(dir, "y.md")}, "--format html does not fit -o"},
		{[]string{"--letterhead", sample("backbone.yaml"), "-o", filepath.Join(dir, "z") + "/"}, `backbone.yaml:7:1: unknown field "netreview" in the letterhead`},
	} {
		_, stderr := run(t, 2, tt.args...)
		if !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: stderr lacks %q:\n%s", tt.args, tt.stderr, stderr)
		}
	}
	for _, name := range []string{"all.md", "x.md", "f", "y.md", "z"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("a failed run wrote %s", name)
		}
	}
	if code, _, stderr := runCLI(t, "report", "--agency", "CA0100000", "-o", filepath.Join(dir, "r.md"), sample("backbone.yaml")); code != 2 || !strings.Contains(stderr, "for --notice only") {
		t.Errorf("--agency without --notice: %d %s", code, stderr)
	}
}

func TestReportHelp(t *testing.T) {
	code, stdout, _ := runCLI(t, "report", "--help")
	if code != 0 {
		t.Fatalf("exit status %d", code)
	}
	for _, want := range []string{"--notice", "--due", ".xlsx", "Examples:", "Exit status"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report --help lacks %q", want)
		}
	}
}

// TestReportWithoutHelper: without the Graphviz helper the HTML report is
// written all the same, with a note in place of the diagram that says what
// to do, and a warning.
func TestReportWithoutHelper(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.html")
	t.Setenv("NETREVIEW_GRAPHVIZ", filepath.Join(t.TempDir(), "netreview-graphviz"))
	code, _, stderr := runCLI(t, "report", "--date", "2026-11-22", sample("backbone.yaml"), sample("riverbend-pd.yaml"), "-o", out)
	if code != 0 || !strings.Contains(stderr, "warning: the report has no diagram") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "Diagram unavailable. No diagram: render: $NETREVIEW_GRAPHVIZ") || strings.Contains(string(b), "<svg") {
		t.Errorf("the report says nothing of the missing diagram")
	}
}

// TestReportDeckRepeatable: the same input and --date write the same deck,
// byte for byte, as .pptx and as .pdf.
func TestReportDeckRepeatable(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: four decks with their diagrams take half a minute")
	}
	dir := t.TempDir()
	inputs := []string{sample("backbone.yaml"), sample("riverbend-pd.yaml")}
	for _, name := range []string{"deck.pptx", "deck.pdf"} {
		var outs [2][]byte
		for i := range outs {
			out := filepath.Join(dir, fmt.Sprint(i)+name)
			if code, _, stderr := runCLI(t, append([]string{"report", "--date", "2026-10-01", "-o", out}, inputs...)...); code != 0 {
				t.Fatalf("%s: exit status %d; stderr:\n%s", name, code, stderr)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = b
		}
		if !bytes.Equal(outs[0], outs[1]) {
			t.Errorf("%s: two runs wrote different bytes", name)
		}
	}
}
