// Package officetest opens documents in LibreOffice for tests: it converts
// a deck (or any document LibreOffice reads) to PDF headless and returns the
// text of each page, read with pdftotext (poppler-utils). A test that needs
// a tool that is missing skips and says how to install it.
package officetest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

// Soffice returns the path of LibreOffice's soffice, or skips the test
// saying why.
func Soffice(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("LibreOffice not found: install it (apt-get install -y libreoffice-impress) to open the decks in a real office suite")
	return ""
}

// tool returns the path of a poppler-utils program, or skips the test.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not found: install poppler-utils (apt-get install -y poppler-utils) to read the PDF", name)
	}
	return p
}

// ToPDF converts the document at path to PDF with LibreOffice, headless and
// with a profile of its own, and returns the PDF's path (in a temporary
// folder of the test). The test fails when LibreOffice cannot open it.
func ToPDF(t testing.TB, path string) string {
	t.Helper()
	soffice := Soffice(t)
	out := t.TempDir()
	profile := "file://" + filepath.ToSlash(t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", out, path)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		t.Fatalf("LibreOffice cannot convert %s: %v\n%s", path, err, log.Bytes())
	}
	pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("LibreOffice wrote no PDF for %s (it could not open it):\n%s", path, log.Bytes())
	}
	return pdf
}

// Pages returns the text of each page of a PDF, as pdftotext reads it.
func Pages(t testing.TB, pdf string) []string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	pages := strings.Split(string(out), "\f")
	// pdftotext ends every page with a form feed, the last one too.
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// PNGs renders each page of a PDF as a PNG at dpi into dir, for a person
// to look at, and returns their paths.
func PNGs(t testing.TB, pdf, dir string, dpi int) []string {
	t.Helper()
	prefix := filepath.Join(dir, strings.TrimSuffix(filepath.Base(pdf), ".pdf"))
	if out, err := exec.Command(tool(t, "pdftoppm"), "-png", "-r", strconv.Itoa(dpi), pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm %s: %v\n%s", pdf, err, out)
	}
	paths, _ := filepath.Glob(prefix + "-*.png")
	return paths
}

// Squash folds runs of white space to one space, so that text broken over
// lines by the layout compares with the text written.
func Squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// Letters drops white space and hyphens, so that text read back from a
// PDF compares with the text written: pdftotext joins a word hyphenated at
// the end of a line, and reads spaces only where it sees gaps.
func Letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return r
	}, s)
}
