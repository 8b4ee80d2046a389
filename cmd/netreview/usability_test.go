package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestUsability holds issue 17's list: each case failed before its fix.
func TestUsability(t *testing.T) {
	dir := t.TempDir()
	backbone, agency := sample("backbone.yaml"), sample("riverbend-pd.yaml")
	workbook := filepath.Join(dir, "in.xlsx")
	if code, _, stderr := runCLI(t, "convert", agency, "-o", workbook); code != 0 {
		t.Fatalf("convert: %d %s", code, stderr)
	}
	ownSite := filepath.Join(dir, "own-site.yaml")
	if err := os.WriteFile(ownSite, []byte("netreview: 1\nagency: {name: X}\ndevices:\n  - {id: r, type: router, site: s}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		want    int
		stderr  []string // each must appear
		without []string // none may appear
		out     string   // a file that must exist afterwards, in dir
	}{
		{"an agency alone hints at the backbone", []string{"check", agency}, 2,
			[]string{"is not defined in any loaded file", "hint:", "load the state backbone with it: netreview check backbone.yaml " + agency}, nil, ""},
		{"a file's own missing site gets no backbone hint", []string{"check", ownSite}, 2,
			[]string{`site "s" is not defined in any loaded file`}, []string{"hint:"}, ""},
		{"diff of an agency alone hints at commas", []string{"diff", agency, agency}, 2,
			[]string{"hint:", "backbone.yaml,before.yaml"}, nil, ""},
		{"--finding F4 as check labels it", []string{"render", "--date", "2026-11-15", "--finding", "F4", backbone, agency, "-o", "{dir}/f4.dot"}, 0, nil, nil, "f4.dot"},
		{"--finding 4", []string{"render", "--date", "2026-11-15", "--finding", "4", backbone, agency, "-o", "{dir}/4.dot"}, 0, nil, nil, "4.dot"},
		{"--finding 0 is an error", []string{"render", "--finding", "0", backbone, agency, "-o", "{dir}/f0.dot"}, 2, []string{"--finding \"0\": want a finding's number"}, []string{"strconv"}, ""},
		{"--finding junk", []string{"render", "--finding", "Fx", backbone, agency, "-o", "{dir}/fx.dot"}, 2, []string{"want a finding's number"}, []string{"strconv"}, ""},
		{"--finding beyond the last", []string{"render", "--date", "2026-11-15", "--finding", "F999", backbone, agency, "-o", "{dir}/f999.dot"}, 2, []string{"the review has", "findings (F1 to F"}, nil, ""},
		{"--finding with --no-findings", []string{"render", "--finding", "4", "--no-findings", backbone, agency, "-o", "{dir}/nf.dot"}, 2, []string{"give one or the other"}, nil, ""},
		{"--format png into .svg", []string{"render", "--format", "png", backbone, "-o", "{dir}/x.svg"}, 2, []string{"--format png does not fit -o", "x.png"}, nil, ""},
		{"--format that fits", []string{"render", "--format", "dot", backbone, "-o", "{dir}/fits.dot"}, 0, nil, nil, "fits.dot"},
		{"render into a missing folder", []string{"render", backbone, "-o", "{dir}/nowhere/r.dot"}, 2, []string{"the folder", "does not exist"}, []string{".tmp", ".r.dot"}, ""},
		{"report into a missing folder", []string{"report", backbone, "-o", "{dir}/nowhere/r.md"}, 2, []string{"does not exist"}, []string{".tmp", ".r.md"}, ""},
		{"convert into a missing folder", []string{"convert", agency, "-o", "{dir}/nowhere/r.yaml"}, 2, []string{"does not exist"}, []string{".tmp"}, ""},
		{"generate into a missing folder", []string{"generate", "--agencies", "1", "-o", "{dir}/nowhere/g.yaml"}, 2, []string{"does not exist"}, []string{".tmp"}, ""},
		{"template into a missing folder", []string{"template", "-o", "{dir}/nowhere/t.xlsx"}, 2, []string{"does not exist"}, []string{".tmp"}, ""},
		{"template -o x.yaml", []string{"template", "-o", "{dir}/x.yaml"}, 2, []string{"give a name that ends in .xlsx", "netreview convert"}, []string{"unsupported workbook"}, ""},
		{"template -o X.XLSX", []string{"template", "-o", "{dir}/T.XLSX"}, 0, nil, nil, "T.XLSX"},
		{"diff with three arguments", []string{"diff", agency, agency, agency}, 2, []string{"join them with commas"}, []string{"accepts 2 arg(s)"}, ""},
		{"diff as Markdown", []string{"diff", "--format", "markdown", sample("diff/pine-hollow-current.yaml"), sample("diff/pine-hollow-proposed.yaml")}, 0, nil, nil, ""},
		{"report over its input workbook", []string{"report", workbook, "-o", workbook}, 2, []string{"never writes over its input"}, nil, ""},
		{"convert over its input", []string{"convert", workbook, "-o", workbook}, 2, []string{"never writes over its input"}, nil, ""},
		{"render over its input", []string{"render", workbook, "--format", "dot", "-o", "{dir}/in.xlsx"}, 2, []string{"never writes over its input"}, nil, ""},
		{"a value misspelled", []string{"check", "{dir}/rooter.yaml"}, 2, []string{`(did you mean "router"?)`}, nil, ""},
		{"an unknown field and a bad value in one run", []string{"check", "{dir}/two.yaml"}, 2, []string{`unknown field "securty"`, `type "rooter" is not one of`}, nil, ""},
	}
	if err := os.WriteFile(filepath.Join(dir, "rooter.yaml"), []byte("netreview: 1\nagency: {name: X}\nsites:\n  - {id: a, security: physically-secure}\ndevices:\n  - {id: r, type: rooter, site: a}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "two.yaml"), []byte("netreview: 1\nagency: {name: X}\nsites:\n  - {id: a, securty: physically-secure}\ndevices:\n  - {id: r, type: rooter, site: a}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(workbook)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var args []string
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "{dir}", dir))
			}
			code, _, stderr := runCLI(t, args...)
			if code != tt.want {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
			assertHolds(t, "stderr", stderr, tt.stderr, tt.without)
			if tt.out != "" {
				if _, err := os.Stat(filepath.Join(dir, tt.out)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	if after, _ := os.ReadFile(workbook); string(after) != string(before) {
		t.Error("the input workbook was written over")
	}
}

// TestCheckHelpFirstExampleWorks runs the first example of check --help
// from the repository root, as a new user would.
func TestCheckHelpFirstExampleWorks(t *testing.T) {
	_, help, _ := runCLI(t, "check", "--help")
	var example []string
	_, examples, _ := strings.Cut(help, "Examples:")
	for _, l := range strings.Split(examples, "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == "netreview" {
			example = f[1:]
			break
		}
	}
	if example == nil {
		t.Fatalf("check --help has no example:\n%s", help)
	}
	t.Chdir(repo)
	code, stdout, stderr := runCLI(t, example...)
	if code == exitInput || !strings.Contains(stdout, "critical") {
		t.Errorf("netreview %s: exit %d\n%s%s", strings.Join(example, " "), code, stdout, stderr)
	}
}

// TestOutputsRepeatable: the same input and --date give the same bytes,
// for the workbook report, a converted workbook and a PDF diagram.
func TestOutputsRepeatable(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: writes each output twice, a second apart")
	}
	dir := t.TempDir()
	backbone, agency := sample("backbone.yaml"), sample("riverbend-pd.yaml")
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"report.xlsx", []string{"report", "--date", "2026-11-15", backbone, agency, "-o"}},
		{"convert.xlsx", []string{"convert", agency, "-o"}},
		{"render.pdf", []string{"render", "--date", "2026-11-15", backbone, agency, "-o"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]byte
			for i := range 2 {
				out := filepath.Join(dir, strings.Repeat("x", i+1)+tt.name)
				if code, _, stderr := runCLI(t, append(tt.args, out)...); code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				b, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, b)
				if i == 0 {
					time.Sleep(1100 * time.Millisecond) // a date in seconds would change
				}
			}
			if !bytes.Equal(got[0], got[1]) {
				t.Errorf("two runs wrote different bytes")
			}
		})
	}
}

// TestConcurrentConverts is issue 15's case: eight converts to one file at
// once leave a whole file that loads.
func TestConcurrentConverts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.yaml")
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runCLI(t, "convert", sample("riverbend-pd.yaml"), "-o", out)
		}()
	}
	wg.Wait()
	if code, _, stderr := runCLI(t, "convert", out, "-o", filepath.Join(filepath.Dir(out), "again.json")); code != 0 {
		t.Errorf("the file left by eight concurrent converts does not load: %s", stderr)
	}
}
