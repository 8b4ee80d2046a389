package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCRLFInput: files saved on Windows, with CRLF line ends, load as
// their LF originals do, in every text form (YAML, JSON, a CSV folder, a
// rule pack), with the same findings and the same places.
func TestCRLFInput(t *testing.T) {
	dir := t.TempDir()
	backbone, agency := sample("backbone.yaml"), sample("riverbend-pd.yaml")
	crlf := func(path string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pack := filepath.Join(dir, "pack.yaml")
	b, err := os.ReadFile(filepath.Join(repo, "samples", "packs", "state-example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pack, b, 0o644); err != nil {
		t.Fatal(err)
	}
	crlf(pack)
	for _, form := range []string{"p.yaml", "p.json", "csv"} {
		t.Run(form, func(t *testing.T) {
			lf := filepath.Join(dir, "lf-"+form)
			if code, _, stderr := runCLI(t, "convert", agency, "-o", lf); code != 0 {
				t.Fatalf("convert: %s", stderr)
			}
			cr := filepath.Join(dir, "crlf-"+form)
			if code, _, stderr := runCLI(t, "convert", agency, "-o", cr); code != 0 {
				t.Fatalf("convert: %s", stderr)
			}
			if form == "csv" {
				entries, _ := os.ReadDir(cr)
				for _, e := range entries {
					crlf(filepath.Join(cr, e.Name()))
				}
			} else {
				crlf(cr)
			}
			_, want, _ := runCLI(t, "check", "--format", "json", "--date", "2026-11-15", "--rules", pack, backbone, lf)
			code, got, stderr := runCLI(t, "check", "--format", "json", "--date", "2026-11-15", "--rules", pack, backbone, cr)
			if code == exitInput {
				t.Fatalf("CRLF %s does not load:\n%s", form, stderr)
			}
			if got != strings.ReplaceAll(want, "lf-"+form, "crlf-"+form) {
				t.Errorf("CRLF %s gives other findings than LF:\n%s\nwant\n%s", form, got, want)
			}
		})
	}
}
