package sheet

import (
	"fmt"
	"io"
	"strings"
)

// writeDocs writes the Markdown page that describes the workbook and the CSV
// folder, generated from the column tables the readers and writers use
// (docs/workbook.md).
func writeDocs(w io.Writer) error {
	var b strings.Builder
	b.WriteString(`# The workbook and the CSV folder

<!-- Generated from topology/fields.go by
     go test ./topology/sheet -run TestDocs -update ; do not edit. -->

A proposal can be written as an .xlsx workbook or as a folder of CSV files
instead of YAML; ` + "`netreview template -o proposal.xlsx`" + ` writes a blank
workbook to fill in, and ` + "`netreview convert`" + ` converts between every form
without loss.

## Rules

- One sheet per list: Sites, Zones, Devices, Links, Tunnels, Waivers, and the
  two-column sheet Agency (Field, Value). Every sheet is optional; sheets may
  be in any order and may be hidden. Other sheets are ignored with a warning
  (the template's Instructions sheet silently).
- Row 1 (the first non-blank row) holds the headers. Headers match ignoring
  case, spaces, hyphens and underscores (` + "`Key Bits`, `key-bits`, `KEYBITS`" + `).
  A column the sheet does not define, or a value in a column without a
  header, is ignored with a warning naming its cell; a column given twice is
  an error.
- Blank rows are skipped. Cells are trimmed.
- Enumerated values match ignoring case, with spaces or underscores for
  hyphens: ` + "`Physically Secure`" + ` is ` + "`physically-secure`" + `, ` + "`IPSec`" + ` is ` + "`ipsec`" + `.
- Whole numbers (Count, Key Bits, netreview) may be stored as numbers or as
  text; ` + "`256.0`" + ` is 256. FIPS certificate numbers are kept as written.
- True/false columns take TRUE/FALSE, yes/no, y/n or 1/0, in any case. A
  blank CJI or CJIS Agreement cell means "not given"; a blank Protected
  Medium cell means false.
- Dates are YYYY-MM-DD (also YYYY/MM/DD and M/D/YYYY) or spreadsheet date
  serial numbers.
- Lists (Zones, Risks, Over) separate items with commas. An item that
  holds a comma or a double quote, or starts or ends with a space, is
  written in double quotes, a quote in it doubled: ` + "`\"rack 4, row 2\", power:a`" + `
  is two tags.
- Encryption of a link or tunnel is its Encryption, FIPS, FIPS Standard and
  Key Bits columns; when all four are blank it has no encryption.
- A device's Cloud is its Cloud Provider and CJIS Agreement columns; when
  both are blank it has none.
- The Agency sheet's ` + "`netreview`" + ` row is the format version, 1 when blank or
  absent. The proposal header exists when any of title, kind, submitted or
  vendor is given.
- A workbook or CSV folder is one document. A model of several documents
  is written as one when they share their Agency and proposal header, and
  is an error when they do not (write YAML, which holds a document each).
- A cell holding ` + "`{}`" + ` in the Encryption column (or Cloud Provider, or the
  Agency sheet's title) gives an encryption (a cloud, a proposal) with
  nothing in it, as ` + "`encryption: {}`" + ` does in YAML; writing one puts ` + "`{}`" + `
  there.
- A cell holding a spreadsheet error (` + "`#REF!`, `#NAME?`, `#N/A`" + `, ...) is an
  error: the formula behind it failed. Dates of a workbook in the 1904
  date system are read in it.
- Errors and warnings name the cell: ` + "`proposal.xlsx#Links!F12`" + ` for a
  workbook, ` + "`proposal/links.csv:12:6`" + ` (file:row:column) for CSV.

## The CSV folder

The folder holds one file per sheet, named after it in lower case:
`)
	fmt.Fprintf(&b, "`%s`", agencyCSV)
	for _, sh := range dataSheets {
		fmt.Fprintf(&b, ", `%s`", sh.CSVName())
	}
	b.WriteString(`. Any may be missing; file names match
ignoring case. Files are UTF-8 (a byte-order mark is dropped), comma
separated, quoted as RFC 4180, with the same headers and values as the
sheets. Other .csv files are ignored with a warning; a folder with none
of these files, or with two whose names differ only in case, is an error.
A cell that a spreadsheet would run as a formula (starting with =, +, -, @,
a tab or a carriage return) is written with an apostrophe before it, which
spreadsheets show as text and netreview takes off again when it reads the
file; so is one that starts with apostrophes before such a character.
`)
	all := append([]sheetSpec{{Name: AgencySheet, Doc: "Two columns, `Field` and `Value`, one row per field below (the Field column names the field).", Columns: agencyFields}}, dataSheets...)
	for _, sh := range all {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n| column | field | holds | allowed values | example |\n| --- | --- | --- | --- | --- |\n", sh.Name, sh.Doc)
		for _, c := range sh.Columns {
			name := c.Header
			for _, a := range c.aliases {
				name += " (or " + a + ")"
			}
			vals := ""
			if len(c.values) > 0 {
				vals = "`" + strings.Join(c.values, "`, `") + "`"
			}
			ex := c.example
			if ex != "" {
				ex = "`" + ex + "`"
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", name, c.Key, c.doc, vals, ex)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
