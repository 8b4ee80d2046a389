// Package sheet reads and writes proposals as spreadsheets: an .xlsx
// workbook with one sheet per list, or a folder of CSV files named after
// those sheets. It also writes the blank template workbook an agency fills
// in, and documents the columns (see docs/workbook.md).
//
// Readers return a model fragment (a *topology.Model with one Document) whose
// elements carry the place of every cell: a workbook cell prints as
// file#Links!F12, a CSV cell as file:row:column. Enumerated values are
// normalized to the format's spelling ("Physically Secure" becomes
// "physically-secure") and left for topology.Validate to check; cell-level
// type errors (a key length that is not a whole number) are reported here.
package sheet

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/netreview/netreview/topology"
)

// Column is one column of a sheet: a field of the format's schema.
type Column struct {
	Header  string   // the header the template writes
	Key     string   // the field's name in the format, as in topology.FieldPos
	aliases []string // other headers that name the column
	kind    topology.Kind
	values  []string // allowed values of an Enum or Bool column
	doc     string   // what the column holds, for the Instructions sheet and docs
	example string   // a filled-in value, for the Instructions sheet and docs
}

// sheetSpec is one list of the model as a sheet (or CSV file).
type sheetSpec struct {
	Name    string // sheet name; the CSV file is its lower case + ".csv"
	Doc     string
	Columns []Column
	t       table
}

// CSVName returns the name of the sheet's CSV file, such as "links.csv".
func (s sheetSpec) CSVName() string { return strings.ToLower(s.Name) + ".csv" }

// sheetSpec names.
const (
	AgencySheet  = "Agency"
	SitesSheet   = "Sites"
	ZonesSheet   = "Zones"
	DevicesSheet = "Devices"
	LinksSheet   = "Links"
	TunnelsSheet = "Tunnels"
	WaiversSheet = "Waivers"
)

var boolValues = []string{"true", "false"}

// spreadsheetErrors are the values Excel and LibreOffice show in a cell
// whose formula failed; as data they would be taken for a value.
var spreadsheetErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true, "#NUM!": true,
	"#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true, "#FIELD!": true,
	"#BLOCKED!": true, "#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true, "#PYTHON!": true,
	"Err:502": true, "Err:504": true, "Err:508": true, "Err:509": true, "Err:510": true, "Err:511": true,
	"Err:512": true, "Err:513": true, "Err:514": true, "Err:520": true, "Err:522": true, "Err:523": true,
}

// epoch1904 is day 0 of date serial numbers in the 1904 date system (Excel
// for the Mac before 2011, and workbooks made from them).
var epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)

// serial1904 turns a date serial number of the 1904 date system into the
// date it names, YYYY-MM-DD; other text is returned as it is.
func serial1904(v string) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !(f >= 0 && f <= 2957003) { // NaN fails both; 9999-12-31
		return v
	}
	return epoch1904.AddDate(0, 0, int(math.Floor(f))).Format("2006-01-02")
}

// table is a sheet's schema, to read rows into elements and to write
// elements as rows.
type table interface {
	columns() []Column
	// read adds the element of one data row to b's model.
	read(b *builder, r *record)
	// rows returns the text of the model's elements, a row each, in the
	// sheet's column order.
	rows(m *topology.Model) [][]string
}

// schemaTable is the table of the element type T.
type schemaTable[T any] struct {
	schema *topology.Schema[T]
	fields []topology.Field[T]
	key    string // the field whose cell places the element: id, or rule
}

func newTable[T any](s *topology.Schema[T], key string) *schemaTable[T] {
	return &schemaTable[T]{schema: s, fields: s.Fields(), key: key}
}

func (t *schemaTable[T]) columns() []Column { return columnsOf(t.fields) }

// columnsOf makes the columns of fields.
func columnsOf[T any](fields []topology.Field[T]) []Column {
	cols := make([]Column, len(fields))
	for i, f := range fields {
		vals := f.Values
		if f.Kind == topology.Bool {
			vals = boolValues
		}
		cols[i] = Column{Header: f.Column, Key: f.Name, aliases: f.Aliases, kind: f.Kind, values: vals, doc: f.Doc, example: f.Example}
	}
	return cols
}

func (t *schemaTable[T]) read(b *builder, r *record) {
	x := t.schema.New(b.doc, r.start(t.key), r.fp)
	t.schema.Add(b.m, x)
	for i, c := range r.cols {
		if c >= 0 && i < len(r.row.Cells) {
			setCell(r, &t.fields[c], x, i)
		}
	}
}

// setCell sets the field f of x from the row's cell i, when it is not
// blank; an error names the cell and the column.
func setCell[T any](r *record, f *topology.Field[T], x *T, i int) {
	v := strings.TrimSpace(r.row.Cells[i])
	if v == "" {
		return
	}
	p := r.pos(r.row.Num, i+1)
	if spreadsheetErrors[v] {
		r.b.errs.Add(p, "%s: the cell holds the spreadsheet error %s (a formula that failed): type the value instead", strings.ToLower(f.Column), v)
		return
	}
	if f.Kind == topology.Date && r.b.date1904 {
		v = serial1904(v)
	}
	if err := f.Set(x, v, p, r.fp); err != nil {
		r.b.errs.Add(p, "%s: %v", strings.ToLower(f.Column), err)
	}
}

func (t *schemaTable[T]) rows(m *topology.Model) [][]string {
	var out [][]string
	for _, x := range t.schema.Written(m) {
		out = append(out, t.schema.Cells(x))
	}
	return out
}

// agencyTable is the Agency sheet's table: the document header.
var agencyTable = newTable(topology.DocumentSchema(), "")

// agencyFields are the rows of the two-column Agency sheet (Field, Value):
// the Column's Header is written in the Field column.
var agencyFields = agencyTable.columns()

// dataSheets lists the data sheets in the order the template writes them.
var dataSheets = []sheetSpec{
	sheetOf(SitesSheet, "One row per site (a place).", newTable(topology.SiteSchema(), "id")),
	sheetOf(ZonesSheet, "One row per zone (a network by trust). Leave empty for one criminal-justice zone `cji`.", newTable(topology.ZoneSchema(), "id")),
	sheetOf(DevicesSheet, "One row per device, or per group of like endpoints.", newTable(topology.DeviceSchema(), "id")),
	sheetOf(LinksSheet, "One row per physical or carrier connection between two devices.", newTable(topology.LinkSchema(), "id")),
	sheetOf(TunnelsSheet, "One row per encrypted tunnel riding over links.", newTable(topology.TunnelSchema(), "id")),
	sheetOf(WaiversSheet, "One row per waiver accepting one finding for a time.", newTable(topology.WaiverSchema(), "rule")),
}

// SheetNames returns the names of the data sheets (all but the Agency
// sheet), in the order the template writes them.
func SheetNames() []string {
	out := make([]string, len(dataSheets))
	for i, sh := range dataSheets {
		out[i] = sh.Name
	}
	return out
}

func sheetOf(name, doc string, t table) sheetSpec {
	return sheetSpec{Name: name, Doc: doc, Columns: t.columns(), t: t}
}

// lookup finds the column a header names, and its index, or -1.
func (s sheetSpec) lookup(header string) int {
	h := topology.NormHeader(header)
	for i, c := range s.Columns {
		if topology.NormHeader(c.Header) == h {
			return i
		}
	}
	for i, c := range s.Columns {
		for _, a := range c.aliases {
			if topology.NormHeader(a) == h {
				return i
			}
		}
	}
	return -1
}

func sheetByName(name string) *sheetSpec {
	n := topology.NormHeader(name)
	for i := range dataSheets {
		if topology.NormHeader(dataSheets[i].Name) == n {
			return &dataSheets[i]
		}
	}
	return nil
}
