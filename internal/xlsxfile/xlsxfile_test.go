package xlsxfile

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRepeatable writes a workbook with a chart (which makes excelize add
// the image types in map order) several times: the bytes never change.
func TestRepeatable(t *testing.T) {
	var first []byte
	for i := range 8 {
		f := excelize.NewFile()
		for r, v := range []any{"a", 1, "b", 2} {
			if err := f.SetCellValue("Sheet1", []string{"A1", "B1", "A2", "B2"}[r], v); err != nil {
				t.Fatal(err)
			}
		}
		err := f.AddChart("Sheet1", "D2", &excelize.Chart{Type: excelize.Bar, Series: []excelize.ChartSeries{{Name: "Sheet1!$A$1", Categories: "Sheet1!$A$1:$A$2", Values: "Sheet1!$B$1:$B$2"}}})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteTo(&b, f); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.Bytes()
		} else if !bytes.Equal(first, b.Bytes()) {
			t.Fatalf("run %d wrote other bytes than run 0", i)
		}
	}
}
