package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loWorkbook is a workbook saved by LibreOffice Calc, checked in with the
// sheet package's tests.
var loWorkbook = filepath.Join(repo, "topology", "sheet", "testdata", "libreoffice", "riverbend.xlsx")

func TestTemplateCmd(t *testing.T) {
	out := filepath.Join(t.TempDir(), "proposal.xlsx")
	if code, _, stderr := runCLI(t, "template", "-o", out); code != 0 {
		t.Fatalf("template: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "convert", out, "-o", filepath.Join(t.TempDir(), "csv")); code != 0 {
		t.Fatalf("the template does not load: exit %d: %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "template"); code != 2 {
		t.Errorf("template without -o: exit %d, want 2", code)
	}
}

func TestConvertCmd(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "csv")
	wb := filepath.Join(dir, "again.xlsx")
	tests := []struct {
		name string
		args []string
		want int
		out  string // a file the command writes
	}{
		{"workbook to CSV", []string{"convert", loWorkbook, "-o", csv}, 0, filepath.Join(csv, "links.csv")},
		{"CSV to workbook", []string{"convert", csv, "-o", wb}, 0, wb},
		{"unknown output format", []string{"convert", loWorkbook, "-o", filepath.Join(dir, "p.ods")}, 2, ""},
		{"no output", []string{"convert", loWorkbook}, 2, ""},
		{"bad input", []string{"convert", filepath.Join(dir, "missing.xlsx"), "-o", wb}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.want {
				t.Fatalf("exit %d, want %d: %s", code, tt.want, stderr)
			}
			if tt.out != "" {
				if _, err := os.Stat(tt.out); err != nil {
					t.Error(err)
				}
			}
		})
	}
	data, err := os.ReadFile(filepath.Join(csv, "links.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "hq-wan,hq-rtr,hub,mpls,,,ipsec,4021,140-3,256,,,") {
		t.Errorf("links.csv:\n%s", data)
	}
}
