package sheet

import (
	"slices"

	"github.com/netreview/netreview/topology"
)

// Rows is one sheet of a model given as text rather than read from a file,
// for readers of other forms (such as drawings) that gather each element's
// fields by name. For a data sheet the first row holds the headers; for the
// Agency sheet each row is a (field, value) pair.
type Rows struct {
	Sheet string                          // one of SheetNames, or AgencySheet
	Rows  []Row                           // the rows, numbered from 1
	Pos   func(row, col int) topology.Pos // the place each cell came from
}

// ReadRows builds a model fragment from sheets given as text, exactly as
// ReadWorkbook builds one from a workbook's sheets: headers matched loosely,
// enumerated values normalized, cell errors at the place Pos gives. path is
// the fragment's document path, start where it begins.
func ReadRows(path string, start topology.Pos, sheets []Rows) (*topology.Model, []*topology.Warning, error) {
	b := newBuilder(path, start)
	for _, s := range sheets {
		rows := slices.Values(s.Rows)
		if topology.NormHeader(s.Sheet) == topology.NormHeader(AgencySheet) {
			b.readAgency(rows, s.Pos)
			continue
		}
		if sh := sheetByName(s.Sheet); sh != nil {
			b.readSheet(sh, rows, s.Pos)
		}
	}
	return b.result()
}

// Field returns a copy of the column of the sheet (one of SheetNames, or
// AgencySheet) that name stands for: matched as a header is (its Header or
// an Alias, without regard to case, spaces, hyphens and underscores) or by
// its Key ("encryption.bits"). It returns nil when the sheet has no such
// column.
func Field(sheetName, name string) *Column {
	var sh *sheetSpec
	if topology.NormHeader(sheetName) == topology.NormHeader(AgencySheet) {
		sh = &sheetSpec{Name: AgencySheet, Columns: agencyFields}
	} else if sh = sheetByName(sheetName); sh == nil {
		return nil
	}
	c := sh.lookup(name)
	if c < 0 {
		n := topology.NormHeader(name)
		c = slices.IndexFunc(sh.Columns, func(col Column) bool { return topology.NormHeader(col.Key) == n })
	}
	if c < 0 {
		return nil
	}
	col := sh.Columns[c]
	return &col
}
