// Package load reads proposals in every format netreview supports (YAML,
// JSON, an .xlsx workbook, a folder of CSV files, a draw.io or Visio
// drawing) into one validated model, and writes a model back out in any of
// them but drawings (render writes those).
package load

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/netreview/netreview/internal/parallel"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/drawing"
	"github.com/netreview/netreview/topology/sheet"
)

// Files loads the inputs as one model. Each path is a .yaml, .yml or .json
// document, an .xlsx workbook, a folder of CSV files, or a drawing (.drawio,
// .drawio.svg, .drawio.png, an .xml draw.io file, a Visio .vsdx). Every input is read
// into a fragment; the fragments are merged and validated together, so
// inputs in different formats form one model. Problems that stop the load
// come back as a topology.ErrorList holding every one found; warnings (such
// as a workbook column the format does not define) do not stop it.
func Files(paths []string) (*topology.Model, []*topology.Warning, error) {
	m, warns, err := Read(paths)
	if err != nil {
		return nil, warns, err
	}
	if err := topology.Validate(m); err != nil {
		return nil, warns, err
	}
	return m, warns, nil
}

// Read reads and merges the inputs like Files, but does not validate the
// merged model: errors are those of the inputs' syntax and cells. It is for
// converting a proposal as written, such as an agency file that names ids
// only the statewide backbone defines.
func Read(paths []string) (*topology.Model, []*topology.Warning, error) {
	var frags []*topology.Model
	var errs topology.ErrorList
	var warns []*topology.Warning
	for _, p := range paths {
		f, w, err := file(p)
		warns = append(warns, w...)
		if err != nil {
			var el topology.ErrorList
			if errors.As(err, &el) {
				errs = append(errs, el...)
				if f != nil {
					frags = append(frags, f) // read in part, for its values
				}
				continue
			}
			errs.Add(topology.Pos{File: p}, "%v", err)
			continue
		}
		frags = append(frags, f)
	}
	if len(errs) > 0 {
		// Bad enumerated values are reported with the errors of the first
		// pass, in the same run; references wait for a model that reads.
		errs = withValues(errs, topology.ValidateValues(topology.Merge(frags...)))
		return nil, warns, errs
	}
	return topology.Merge(frags...), warns, nil
}

// withValues adds the errors of enumerated values to the errors of the
// inputs, each among its own file's errors, in place order, the files in
// the order they were given.
func withValues(errs, values topology.ErrorList) topology.ErrorList {
	if len(values) == 0 {
		return errs
	}
	rank := map[string]int{}
	for _, e := range append(errs, values...) {
		if _, ok := rank[e.Pos.File]; !ok {
			rank[e.Pos.File] = len(rank)
		}
	}
	out := append(errs, values...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if rank[a.File] != rank[b.File] {
			return rank[a.File] < rank[b.File]
		}
		return a.Less(b)
	})
	return out
}

// file reads one input into a fragment.
func file(path string) (*topology.Model, []*topology.Warning, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, topology.ErrorList{topology.Errorf(topology.Pos{File: path}, "%v", unwrapPath(err))}
	}
	if st.IsDir() {
		return sheet.ReadCSV(path)
	}
	if drawing.IsDrawing(path) {
		return drawing.Read(path)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return sheet.ReadWorkbook(path)
	case ".yaml", ".yml", ".json":
		if err := topology.CheckSize(path, st.Size()); err != nil {
			return nil, nil, err
		}
		data, err := readFile(path, st)
		if err != nil {
			return nil, nil, topology.ErrorList{topology.Errorf(topology.Pos{File: path}, "%v", unwrapPath(err))}
		}
		m, err := topology.DecodeKeep(path, data) // data is not used again
		return m, nil, err
	}
	return nil, nil, topology.ErrorList{topology.Errorf(topology.Pos{File: path},
		"unknown input format %q: want .yaml, .yml, .json, .xlsx, a folder of CSV files, or a drawing (.drawio, .vsdx)", filepath.Ext(path))}
}

// readFile reads the file at path, whose Stat is st. A large regular file
// is read in up to GOMAXPROCS pieces side by side: at statewide size, copying its bytes and
// touching their memory for the first time takes a tenth of a second on
// one core. A file that is not the size Stat said when read is read again
// whole.
func readFile(path string, st os.FileInfo) ([]byte, error) {
	n := st.Size()
	if !st.Mode().IsRegular() || n < 2*readPiece || int64(int(n)) != n {
		return os.ReadFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, n)
	var tasks []func()
	var errs []error
	parallel.Split(int(n), runtime.GOMAXPROCS(0), readPiece, func(lo, hi int) {
		k := len(errs)
		errs = append(errs, nil)
		tasks = append(tasks, func() { _, errs[k] = f.ReadAt(data[lo:hi], int64(lo)) })
	})
	parallel.Run(tasks...)
	var one [1]byte
	if _, err := f.ReadAt(one[:], n); err != io.EOF || errors.Join(errs...) != nil {
		return os.ReadFile(path) // it changed, or failed in part: as one read says
	}
	return data, nil
}

// readPiece is the fewest bytes of a file worth a goroutine of their own.
const readPiece = 8 << 20

// unwrapPath drops the path from a *PathError, which the place already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Format is an output format.
type Format string

// Output formats.
const (
	YAML     Format = "yaml"
	JSON     Format = "json"
	Workbook Format = "xlsx"
	CSV      Format = "csv"
)

// FormatOf chooses the format of an output path: by its extension (.yaml,
// .yml, .json, .xlsx), and a CSV folder for an existing folder, a path ending
// in a separator, or a path without extension.
func FormatOf(path string) (Format, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return CSV, nil
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(os.PathSeparator)) {
		return CSV, nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return YAML, nil
	case ".json":
		return JSON, nil
	case ".xlsx":
		return Workbook, nil
	case "":
		return CSV, nil
	}
	return "", fmt.Errorf("%s: unknown output format %q: want .yaml, .yml, .json, .xlsx or a folder", path, filepath.Ext(path))
}

// formatName names each format for a message.
var formatName = map[Format]string{YAML: "YAML file", JSON: "JSON file", Workbook: "workbook", CSV: "CSV folder"}

// Write writes the model to path in the format FormatOf chooses. A model of
// several documents is written to YAML as a document each (see
// topology.EncodeYAMLDocuments); JSON, a workbook and a CSV folder hold one
// header, so a model whose documents have different headers (agencies,
// proposals) is an error there rather than a loss, and one whose documents
// share their header is written as one document.
func Write(m *topology.Model, path string) error {
	f, err := FormatOf(path)
	if err != nil {
		return err
	}
	if hs := topology.Headers(m); f != YAML && len(hs) > 1 {
		var names []string
		for _, d := range hs {
			names = append(names, fmt.Sprintf("%q (%s)", d.Agency.Name, d.Path))
		}
		return fmt.Errorf("write %s: the inputs have %d different agency or proposal headers (%s), and a %s holds one: write them to one .yaml file (a document each), or convert each input alone",
			path, len(hs), strings.Join(names, ", "), formatName[f])
	}
	switch f {
	case Workbook:
		return sheet.WriteWorkbook(m, path)
	case CSV:
		return sheet.WriteCSV(m, path)
	}
	return writeDocument(m, path, f)
}
