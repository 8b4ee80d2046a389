package sheet

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeBigLinks writes a workbook whose Links sheet has n rows, streaming.
func writeBigLinks(tb testing.TB, path string, n int) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", LinksSheet); err != nil {
		tb.Fatal(err)
	}
	sw, err := f.NewStreamWriter(LinksSheet)
	if err != nil {
		tb.Fatal(err)
	}
	header := []any{"ID", "A", "B", "Medium", "Carrier", "Encryption", "FIPS", "FIPS Standard", "Key Bits", "Risks"}
	if err := sw.SetRow("A1", header); err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{fmt.Sprintf("l%d", i), fmt.Sprintf("d%d", i), fmt.Sprintf("d%d", i+1), "mpls", "att",
			"ipsec", 4021, "140-3", 256, "conduit:main-st, power:feeder-1"}
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkReadWorkbook100k reads a Links sheet of 100,000 rows.
func BenchmarkReadWorkbook100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	writeBigLinks(b, path, 100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m, _, err := ReadWorkbook(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(m.Links) != 100_000 {
			b.Fatalf("read %d links", len(m.Links))
		}
	}
}

// TestReadWorkbookLarge reads a streamed Links sheet of 5,000 rows (500
// with -short), as a
// quick check of the path the benchmark measures. excelize's stream writer
// stores text as inline strings, so this also covers those.
func TestReadWorkbookLarge(t *testing.T) {
	n := 5000
	if testing.Short() {
		n = 500
	}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	writeBigLinks(t, path, n)
	m, _, err := ReadWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	if last := m.Links[len(m.Links)-1]; len(m.Links) != n || last.ID != fmt.Sprintf("l%d", n-1) || last.Encryption.Bits != 256 {
		t.Errorf("read %d links, last %+v", len(m.Links), m.Links[len(m.Links)-1])
	}
}
