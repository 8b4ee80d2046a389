package sheet

import (
	"iter"
	"strings"

	"github.com/netreview/netreview/topology"
)

// Row is one row of a sheet as read: its 1-based row number and its cells,
// as text (numbers and dates as their raw value).
type Row struct {
	Num   int
	Cells []string
}

// posFunc returns the place of a cell given its 1-based row and column.
type posFunc func(row, col int) topology.Pos

// builder turns sheets into one model fragment.
type builder struct {
	m        *topology.Model
	doc      *topology.Document
	errs     topology.ErrorList
	warns    []*topology.Warning
	date1904 bool // date serial numbers count from 1904-01-01
}

func newBuilder(path string, start topology.Pos) *builder {
	doc := &topology.Document{Path: path, Version: topology.FormatVersion, Pos: start, FieldPos: topology.NewFieldPos(0)}
	return &builder{m: &topology.Model{Docs: []*topology.Document{doc}}, doc: doc}
}

// result returns the fragment, the warnings, and the errors as an ErrorList.
func (b *builder) result() (*topology.Model, []*topology.Warning, error) {
	if len(b.errs) > 0 {
		b.errs.Sort()
		return nil, b.warns, b.errs
	}
	b.m.Reindex()
	return b.m, b.warns, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readSheet reads the rows of one data sheet: the first non-blank row holds
// the headers, blank rows are skipped.
func (b *builder) readSheet(sh *sheetSpec, rows iter.Seq[Row], pos posFunc) {
	var cols []int
	var headerCells []string
	var header bool
	warned := map[int]bool{}
	for r := range rows {
		if blank(r.Cells) {
			continue
		}
		if !header {
			header = true
			cols = b.headers(sh, r, pos)
			headerCells = r.Cells
			continue
		}
		for i, c := range r.Cells {
			if (i >= len(headerCells) || strings.TrimSpace(headerCells[i]) == "") && strings.TrimSpace(c) != "" && !warned[i] {
				warned[i] = true
				b.warns = append(b.warns, topology.Errorf(pos(r.Num, i+1), "value in a column without a header; ignored"))
			}
		}
		rec := &record{b: b, row: r, sheet: sh, cols: cols, pos: pos, fp: topology.NewFieldPos(len(cols))}
		sh.t.read(b, rec)
	}
}

// headers maps each column of the header row to the index of its Column
// (-1 for a column the sheet does not define, which is warned about and
// ignored).
func (b *builder) headers(sh *sheetSpec, r Row, pos posFunc) []int {
	cols := make([]int, len(r.Cells))
	seen := map[int]int{}
	for i, h := range r.Cells {
		cols[i] = -1
		if strings.TrimSpace(h) == "" {
			continue
		}
		c := sh.lookup(h)
		if c < 0 {
			b.warns = append(b.warns, topology.Errorf(pos(r.Num, i+1), "column %q is not part of the %s sheet; ignored", strings.TrimSpace(h), sh.Name))
			continue
		}
		if j, dup := seen[c]; dup {
			b.errs.Add(pos(r.Num, i+1), "column %q repeats column %d (%s)", strings.TrimSpace(h), j+1, sh.Columns[c].Header)
			continue
		}
		seen[c] = i
		cols[i] = c
	}
	return cols
}

// record is one data row being read.
type record struct {
	b     *builder
	row   Row
	sheet *sheetSpec
	cols  []int // the sheet column of each cell, or -1
	pos   posFunc
	fp    topology.FieldPos
}

// start is the place of the element: the cell of the column with the key,
// or the first non-blank cell of the row.
func (r *record) start(key string) topology.Pos {
	for i, c := range r.cols {
		if c >= 0 && r.sheet.Columns[c].Key == key && i < len(r.row.Cells) && strings.TrimSpace(r.row.Cells[i]) != "" {
			return r.pos(r.row.Num, i+1)
		}
	}
	for i, c := range r.row.Cells {
		if strings.TrimSpace(c) != "" {
			return r.pos(r.row.Num, i+1)
		}
	}
	return r.pos(r.row.Num, 1)
}

// readAgency reads the two-column Agency sheet (Field, Value). A header row
// whose first cell is "Field" is skipped; unknown fields are warned about.
func (b *builder) readAgency(rows iter.Seq[Row], pos posFunc) {
	sh := sheetSpec{Name: AgencySheet, Columns: agencyFields}
	for r := range rows {
		if blank(r.Cells) {
			continue
		}
		name := strings.TrimSpace(r.Cells[0])
		if topology.NormHeader(name) == "field" {
			continue
		}
		c := sh.lookup(name)
		if c < 0 {
			if name == "" {
				name = "(blank)"
			}
			b.warns = append(b.warns, topology.Errorf(pos(r.Num, 1), "field %q is not part of the Agency sheet; ignored", name))
			continue
		}
		if len(r.Cells) > 1 {
			rec := &record{b: b, row: r, sheet: &sh, pos: pos, fp: b.doc.FieldPos}
			setCell(rec, &agencyTable.fields[c], b.doc, 1)
		}
	}
}
