// Package xlsxfile writes excelize workbooks byte for byte the same for the
// same content, so that a report or a converted proposal can be compared
// with its previous run.
package xlsxfile

import (
	"io"
	"sort"

	"github.com/xuri/excelize/v2"
)

// WriteTo writes f to w. excelize adds the image types to
// [Content_Types].xml from a Go map (when a chart is added), in a
// different order on each run; they are sorted by extension first. The
// zip entries carry no timestamps and the document properties no dates,
// so nothing else varies.
func WriteTo(w io.Writer, f *excelize.File) error {
	if ct := f.ContentTypes; ct != nil {
		sort.SliceStable(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	_, err := f.WriteTo(w)
	return err
}
