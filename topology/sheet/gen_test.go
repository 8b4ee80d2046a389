package sheet

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated files under testdata and docs/workbook.md")

// TestWriteFixtureWorkbook writes testdata/fixture.xlsx, the fixture model as
// the workbook the template's layout gives. testdata/libreoffice/fixture.xlsx
// is that file opened and saved again by LibreOffice Calc (soffice --headless
// --convert-to xlsx --outdir testdata/libreoffice testdata/fixture.xlsx).
func TestWriteFixtureWorkbook(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/fixture.xlsx")
	}
	if err := WriteWorkbook(fixture(), filepath.Join("testdata", "fixture.xlsx")); err != nil {
		t.Fatal(err)
	}
}

// TestDocs checks that docs/workbook.md is what WriteDocs generates from the
// column tables; -update rewrites it.
func TestDocs(t *testing.T) {
	var b strings.Builder
	if err := writeDocs(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "docs", "workbook.md")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != b.String() {
		t.Errorf("%s is out of date: run go test ./topology/sheet -run TestDocs -update", path)
	}
}
