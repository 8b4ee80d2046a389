package report

import (
	"bytes"

	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestWorkbookInLibreOffice converts the workbook report to PDF with
// LibreOffice, headless, as a reviewer's office suite would open it, and
// checks that the chart shows its values: the Summary's printed page holds
// the bars in the critical series' color. It skips, saying why, where
// LibreOffice (apt-get install libreoffice-calc) or pdftoppm (poppler-utils)
// is missing.
func TestWorkbookInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice takes seconds to start")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not found: install LibreOffice (apt-get install -y libreoffice-calc) to run the workbook's LibreOffice test")
	}
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm not found: install poppler-utils to run the workbook's LibreOffice test")
	}
	dir := t.TempDir()
	var b bytes.Buffer
	if err := Workbook(&b, reviewResult()); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(dir, "review.xlsx")
	if err := os.WriteFile(xlsx, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// A profile of its own, so that a LibreOffice already running for the
	// user does not take the conversion over.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "review.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	if out, err := exec.Command(pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pages) != 1 {
		t.Fatalf("pdftoppm wrote %v", pages)
	}
	n := colouredPixels(t, pages[0], 0x7B, 0x1F, 0x1F)
	if n < 20 {
		t.Errorf("the Summary page has %d pixels of the critical bars' color: the chart shows no values", n)
	}
}

// colouredPixels counts the pixels of the PNG file within a small distance
// of the color r, g, b.
func colouredPixels(t *testing.T, path string, r, g, b int) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	near := func(a uint32, want int) bool { d := int(a>>8) - want; return d > -12 && d < 12 }
	n := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			if near(pr, r) && near(pg, g) && near(pb, b) {
				n++
			}
		}
	}
	return n
}
