package sheet

import (
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/netreview/netreview/internal/outfile"
	"github.com/netreview/netreview/internal/xlsxfile"
	"github.com/netreview/netreview/topology"
)

// instructionsSheet is the sheet of the template that explains the format.
const instructionsSheet = "Instructions"

// ReadWorkbook reads an .xlsx workbook into a model fragment. Sheets are
// found by name, whatever their order and whether or not they are hidden;
// cells are read streaming, so a large sheet loads in bounded memory. Errors
// name the sheet and cell (file#Links!F12).
//
// A workbook is checked before it is read (see docs/limits.md): an
// encrypted (password-protected) or legacy .xls file, more than
// 1000 parts, more than 256 MB uncompressed (as the
// parts declare it, and as they hold it), or a part that is not
// well-formed XML (damaged or truncated) is an error, never a partial read.
// Dates in a workbook of the 1904 date system are read in it.
func ReadWorkbook(path string) (*topology.Model, []*topology.Warning, error) {
	if err := checkWorkbook(path); err != nil {
		return nil, nil, topology.ErrorList{err}
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: maxWorkbookBytes})
	if err != nil {
		return nil, nil, topology.ErrorList{topology.Errorf(topology.Pos{File: path}, "not a readable .xlsx workbook: %v", err)}
	}
	defer f.Close()
	b := newBuilder(path, topology.Pos{File: path})
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	for _, name := range f.GetSheetList() {
		pos := func(row, col int) topology.Pos {
			cell, _ := excelize.CoordinatesToCellName(col, row)
			return topology.Pos{File: path, Sheet: name, Cell: cell}
		}
		if topology.NormHeader(name) == topology.NormHeader(AgencySheet) {
			b.readAgency(xlsxRows(f, name, path, &b.errs), pos)
			continue
		}
		sh := sheetByName(name)
		if sh == nil {
			if topology.NormHeader(name) != topology.NormHeader(instructionsSheet) {
				b.warns = append(b.warns, topology.Errorf(topology.Pos{File: path, Sheet: name}, "sheet %q is not one of the format's sheets; ignored", name))
			}
			continue
		}
		b.readSheet(sh, xlsxRows(f, name, path, &b.errs), pos)
	}
	return b.result()
}

// xlsxRows streams the rows of a sheet with their raw values: numbers and
// date serials as stored, shared and inline strings as text.
func xlsxRows(f *excelize.File, sheet, path string, errs *topology.ErrorList) iter.Seq[Row] {
	return func(yield func(Row) bool) {
		rows, err := f.Rows(sheet)
		if err != nil {
			errs.Add(topology.Pos{File: path, Sheet: sheet}, "cannot read sheet: %v", err)
			return
		}
		defer rows.Close()
		for n := 1; rows.Next(); n++ {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				errs.Add(topology.Pos{File: path, Sheet: sheet}, "row %d: %v", n, err)
				return
			}
			if !yield(Row{Num: n, Cells: cells}) {
				return
			}
		}
		if err := rows.Error(); err != nil {
			errs.Add(topology.Pos{File: path, Sheet: sheet}, "cannot read sheet: %v", err)
		}
	}
}

// WriteWorkbook writes the model as an .xlsx workbook: the Agency sheet
// (from the model's first document) and one sheet per list, with frozen,
// readable headers and drop-downs on the enumerated columns.
func WriteWorkbook(m *topology.Model, path string) error {
	f, err := newWorkbook(m, false)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer f.Close()
	return saveWorkbook(f, path)
}

// WriteTemplate writes the blank workbook an agency fills in: the data
// sheets with their headers and drop-downs and no rows, the Agency sheet
// with its fields and no values, and an Instructions sheet that explains
// every column with an example.
func WriteTemplate(path string) error {
	f, err := newWorkbook(&topology.Model{}, true)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer f.Close()
	return saveWorkbook(f, path)
}

// saveWorkbook writes the workbook to path through outfile (atomic, mode
// 0644, never through a link), whatever path's extension: the caller has
// chosen the form.
func saveWorkbook(f *excelize.File, path string) error {
	return outfile.Write(path, func(w io.Writer) error { return xlsxfile.WriteTo(w, f) })
}

// maxValidationRows is how far down the template's drop-downs reach.
const maxValidationRows = 5000

func newWorkbook(m *topology.Model, template bool) (*excelize.File, error) {
	f := excelize.NewFile()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	if err != nil {
		return nil, err
	}
	first := AgencySheet
	if template {
		first = instructionsSheet
	}
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return nil, err
	}
	if template {
		if err := writeInstructions(f, bold); err != nil {
			return nil, err
		}
		if _, err := f.NewSheet(AgencySheet); err != nil {
			return nil, err
		}
	}
	// Agency.
	vals := agencyValues(m)
	rows := [][]string{{"Field", "Value"}}
	for i, c := range agencyFields {
		v := vals[i]
		if template && i > 0 {
			v = ""
		}
		rows = append(rows, []string{c.Header, v})
	}
	if err := fillSheet(f, AgencySheet, rows, nil, bold); err != nil {
		return nil, err
	}
	if err := f.SetColWidth(AgencySheet, "A", "A", 16); err != nil {
		return nil, err
	}
	if err := f.SetColWidth(AgencySheet, "B", "B", 60); err != nil {
		return nil, err
	}
	for i, c := range agencyFields {
		if c.kind == topology.Enum {
			cell := fmt.Sprintf("B%d", i+2)
			if err := dropDown(f, AgencySheet, cell+":"+cell, c.values); err != nil {
				return nil, err
			}
		}
	}
	for _, sh := range dataSheets {
		if _, err := f.NewSheet(sh.Name); err != nil {
			return nil, err
		}
		rows := sheetRows(sh, m)
		if err := fillSheet(f, sh.Name, rows, sh.Columns, bold); err != nil {
			return nil, err
		}
		last := maxValidationRows
		if len(rows) > last {
			last = len(rows)
		}
		for i, c := range sh.Columns {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetColWidth(sh.Name, col, col, colWidth(c)); err != nil {
				return nil, err
			}
			if c.kind == topology.Enum || c.kind == topology.Bool {
				if err := dropDown(f, sh.Name, fmt.Sprintf("%s2:%s%d", col, col, last), c.values); err != nil {
					return nil, err
				}
			}
		}
	}
	f.SetActiveSheet(0)
	return f, nil
}

// xlsxText escapes text for a workbook cell as Excel does, so that it reads
// back as written: characters that XML cannot hold (control characters,
// U+FFFE, U+FFFF) as _xHHHH_, and each underscore that starts text looking
// like such an escape (_x0041_) as _x005F_.
func xlsxText(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '_' && escapeLike(s[i:]):
			b.WriteString("_x005F_")
		case badXMLChar(r):
			fmt.Fprintf(&b, "_x%04X_", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i, r := range s {
		if badXMLChar(r) || r == '_' && escapeLike(s[i:]) {
			return true
		}
	}
	return false
}

// badXMLChar reports whether XML 1.0 cannot hold r.
func badXMLChar(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
}

// escapeLike reports whether s starts with _xHHHH_.
func escapeLike(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range s[2:6] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func colWidth(c Column) float64 {
	w := len(c.Header) + 4
	for _, v := range c.values {
		if len(v)+4 > w {
			w = len(v) + 4
		}
	}
	switch c.kind {
	case topology.List, topology.Text, topology.Code:
		if w < 18 {
			w = 18
		}
	}
	if c.Key == "reason" || c.Key == "address" {
		w = 40
	}
	return float64(w)
}

func dropDown(f *excelize.File, sheet, sqref string, values []string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if err := dv.SetDropList(values); err != nil {
		return err
	}
	return f.AddDataValidation(sheet, dv)
}

// maxCellChars is the most characters a workbook cell holds (Excel's limit).
const maxCellChars = 32767

// fillSheet writes rows with a bold, frozen header row. Int columns are
// written as numbers; text is escaped for the workbook (xlsxText). A value
// longer than a cell holds is an error naming its cell.
func fillSheet(f *excelize.File, sheet string, rows [][]string, cols []Column, style int) error {
	for r, row := range rows {
		vals := make([]any, len(row))
		for i, v := range row {
			if len(v) > maxCellChars && len(utf16.Encode([]rune(v))) > maxCellChars {
				cell, _ := excelize.CoordinatesToCellName(i+1, r+1)
				return fmt.Errorf("%s!%s: the value is %d characters long, more than the %d a workbook cell holds: write YAML, JSON or CSV instead",
					sheet, cell, utf8.RuneCountInString(v), maxCellChars)
			}
			vals[i] = xlsxText(v)
			if r > 0 && i < len(cols) && cols[i].kind == topology.Int && v != "" {
				if n, err := strconv.Atoi(v); err == nil {
					vals[i] = n
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
	}
	end, _ := excelize.CoordinatesToCellName(len(rows[0]), 1)
	if err := f.SetCellStyle(sheet, "A1", end, style); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// writeInstructions fills the Instructions sheet: the rules of the format
// and, for every sheet, its columns with what they hold and allowed values.
func writeInstructions(f *excelize.File, bold int) error {
	s := instructionsSheet
	lines := [][]string{
		{"netreview proposal workbook, format version " + strconv.Itoa(topology.FormatVersion)},
		{"Fill in the Agency sheet and one row per element on the Sites, Zones, Devices, Links, Tunnels and Waivers sheets."},
		{"Row 1 of each sheet holds the headers; do not change them. Headers match ignoring case, spaces, hyphens and underscores."},
		{"Blank rows are skipped. Lists (Zones, Risks, Over) separate items with commas. Dates are YYYY-MM-DD or spreadsheet dates."},
		{"Numbers may be typed as numbers or as text. True/false columns take TRUE/FALSE or yes/no."},
		{"Enumerated values (drop-downs) also match ignoring case, and spaces for hyphens: Physically Secure is physically-secure."},
		{"Every id is letters, digits, - _ . and :, unique within its sheet; references (Site, Zones, A, B, Host, Over) name ids."},
		{},
	}
	all := append([]sheetSpec{{Name: AgencySheet, Doc: "Two columns, Field and Value: one row per field below.", Columns: agencyFields}}, dataSheets...)
	var headRows []int
	for _, sh := range all {
		lines = append(lines, []string{sh.Name, sh.Doc})
		headRows = append(headRows, len(lines))
		lines = append(lines, []string{"Column", "Holds", "Allowed values", "Example"})
		headRows = append(headRows, len(lines))
		for _, c := range sh.Columns {
			lines = append(lines, []string{c.Header, c.doc, strings.Join(c.values, ", "), c.example})
		}
		lines = append(lines, []string{})
	}
	for i, l := range lines {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(l))
		for j, v := range l {
			vals[j] = v
		}
		if err := f.SetSheetRow(s, cell, &vals); err != nil {
			return err
		}
	}
	for _, r := range append([]int{1}, headRows...) {
		if err := f.SetCellStyle(s, fmt.Sprintf("A%d", r), fmt.Sprintf("D%d", r), bold); err != nil {
			return err
		}
	}
	for col, w := range map[string]float64{"A": 18, "B": 70, "C": 60, "D": 30} {
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	return nil
}
