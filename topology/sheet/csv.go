package sheet

import (
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/netreview/netreview/internal/outfile"
	"github.com/netreview/netreview/topology"
)

// agencyCSV is the name of the Agency sheet's CSV file.
const agencyCSV = "agency.csv"

// ReadCSV reads a folder of CSV files named after the sheets (sites.csv,
// zones.csv, devices.csv, links.csv, tunnels.csv, waivers.csv, agency.csv;
// any may be missing) into a model fragment. Errors name file:row:column.
func ReadCSV(dir string) (*topology.Model, []*topology.Warning, error) {
	return readCSV(os.DirFS(dir), dir)
}

// readCSV reads the CSV files of fsys; dir prefixes the places it reports.
func readCSV(fsys fs.FS, dir string) (*topology.Model, []*topology.Warning, error) {
	b := newBuilder(dir, topology.Pos{File: dir})
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, topology.ErrorList{topology.Errorf(topology.Pos{File: dir}, "%v", err)}
	}
	known := 0
	seen := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.EqualFold(filepath.Ext(name), ".csv") {
			continue
		}
		base := strings.TrimSuffix(name, filepath.Ext(name))
		if !strings.EqualFold(base, "agency") && sheetByName(base) == nil {
			b.warns = append(b.warns, topology.Errorf(topology.Pos{File: filepath.Join(dir, name)}, "file %q is not one of the format's CSV files; ignored", name))
			continue
		}
		known++
		if first, dup := seen[strings.ToLower(name)]; dup {
			b.errs.Add(topology.Pos{File: filepath.Join(dir, name)}, "%s and %s are the same file to netreview (names match ignoring case): keep one", first, name)
		}
		seen[strings.ToLower(name)] = name
	}
	if known == 0 {
		names := []string{agencyCSV}
		for _, sh := range dataSheets {
			names = append(names, sh.CSVName())
		}
		return nil, b.warns, topology.ErrorList{topology.Errorf(topology.Pos{File: dir}, "the folder holds none of the format's CSV files (%s)", strings.Join(names, ", "))}
	}
	if len(b.errs) > 0 {
		return nil, b.warns, b.errs
	}
	read := func(name string, fn func(iter.Seq[Row], posFunc)) {
		f, actual, err := openFold(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		file := filepath.Join(dir, actual)
		if err != nil {
			b.errs.Add(topology.Pos{File: file}, "%v", err)
			return
		}
		defer f.Close()
		pos := func(row, col int) topology.Pos { return topology.Pos{File: file, Line: row, Col: col} }
		fn(csvRows(f, file, &b.errs), pos)
	}
	read(agencyCSV, b.readAgency)
	for i := range dataSheets {
		sh := &dataSheets[i]
		read(sh.CSVName(), func(rows iter.Seq[Row], pos posFunc) { b.readSheet(sh, rows, pos) })
	}
	return b.result()
}

// openFold opens name in fsys, matching its case loosely (Links.csv is
// links.csv), and returns the name it opened.
func openFold(fsys fs.FS, name string) (fs.File, string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, name, err
	}
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(e.Name(), name) {
			f, err := fsys.Open(e.Name())
			return f, e.Name(), err
		}
	}
	return nil, name, fs.ErrNotExist
}

// csvRows yields the records of a CSV file, numbered from 1. A byte-order
// mark is dropped; rows may have any number of fields. A syntax error is
// added to errs and ends the file.
func csvRows(r io.Reader, file string, errs *topology.ErrorList) iter.Seq[Row] {
	return func(yield func(Row) bool) {
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		for n := 1; ; n++ {
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					errs.Add(topology.Pos{File: file, Line: pe.Line, Col: pe.Column}, "CSV: %v", pe.Err)
				} else {
					errs.Add(topology.Pos{File: file}, "%v", err)
				}
				return
			}
			line, _ := cr.FieldPos(0)
			if n == 1 && len(rec) > 0 {
				rec[0] = strings.TrimPrefix(rec[0], "\ufeff")
			}
			for i, c := range rec {
				rec[i] = unguard(c)
			}
			if !yield(Row{Num: line, Cells: rec}) {
				return
			}
		}
	}
}

// formulaStart are the first characters that make a spreadsheet take a
// cell of a CSV file for a formula (or, for tab and CR, shift it).
const formulaStart = "=+-@\t\r"

// runs reports whether a spreadsheet opening a CSV file would run the cell
// c as a formula once one leading apostrophe is taken off: c starts, after
// any apostrophes, with one of formulaStart.
func runs(c string) bool {
	t := strings.TrimLeft(c, "'")
	return t != "" && strings.IndexByte(formulaStart, t[0]) >= 0
}

// guard neutralizes a CSV cell that a spreadsheet would run (=HYPERLINK(...),
// +1+1, @SUM(...), -2+3): it starts it with an apostrophe, which
// spreadsheets show as text and unguard takes off again. A cell that
// already starts with apostrophes before such a character gets one more,
// so that every cell reads back as written.
func guard(c string) string {
	if runs(c) {
		return "'" + c
	}
	return c
}

// unguard reads a cell that guard wrote.
func unguard(c string) string {
	if strings.HasPrefix(c, "'") && runs(c[1:]) {
		return c[1:]
	}
	return c
}

// WriteCSV writes the model as a folder of CSV files, creating dir when
// needed. Every sheet's file is written, with its header row, even when it
// has no rows.
func WriteCSV(m *topology.Model, dir string) error {
	if err := outfile.MkdirAll(dir); err != nil {
		return err
	}
	agency := [][]string{{"Field", "Value"}}
	for i, v := range agencyValues(m) {
		agency = append(agency, []string{agencyFields[i].Header, v})
	}
	if err := writeCSVFile(filepath.Join(dir, agencyCSV), agency); err != nil {
		return err
	}
	for _, sh := range dataSheets {
		rows := sheetRows(sh, m)
		if err := writeCSVFile(filepath.Join(dir, sh.CSVName()), rows); err != nil {
			return err
		}
	}
	return nil
}

func writeCSVFile(path string, rows [][]string) error {
	return outfile.Write(path, func(out io.Writer) error {
		w := csv.NewWriter(out)
		guarded := make([]string, 0, 32)
		for _, row := range rows {
			guarded = guarded[:0]
			for _, c := range row {
				guarded = append(guarded, guard(c))
			}
			if err := w.Write(guarded); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	})
}
