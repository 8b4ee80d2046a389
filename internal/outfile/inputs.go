package outfile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Inputs are the files a run reads, so that none of them is written over:
// `report in.xlsx -o in.xlsx` would replace the agency's workbook with the
// report.
type Inputs struct {
	files []input // every input file, and every file directly in an input folder
	dirs  []input // every input folder
}

type input struct {
	path string
	info fs.FileInfo
}

// NewInputs records the inputs at paths: files, and folders of CSV files.
// Paths that cannot be read are skipped: the loader reports them.
func NewInputs(paths []string) *Inputs {
	in := &Inputs{}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			in.files = append(in.files, input{p, st})
			continue
		}
		in.dirs = append(in.dirs, input{p, st})
		entries, _ := os.ReadDir(p)
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			if st, err := os.Stat(filepath.Join(p, e.Name())); err == nil {
				in.files = append(in.files, input{filepath.Join(p, e.Name()), st})
			}
		}
	}
	return in
}

// Check refuses out when it is one of the inputs (by identity, so another
// spelling of the path or a hard link is caught too).
func (in *Inputs) Check(out string) error {
	if in == nil {
		return nil
	}
	st, err := os.Stat(out)
	if err != nil {
		return nil
	}
	for _, f := range in.files {
		if os.SameFile(st, f.info) {
			return fmt.Errorf("-o %s: that is the input %s; netreview never writes over its input: choose another name", out, f.path)
		}
	}
	return nil
}

// CheckDir refuses out as the folder of a folder output (CSV files) when
// it is an input folder, or holds an input CSV file that the output would
// replace.
func (in *Inputs) CheckDir(out string) error {
	if in == nil {
		return nil
	}
	st, err := os.Stat(out)
	if err != nil || !st.IsDir() {
		return nil
	}
	for _, d := range in.dirs {
		if os.SameFile(st, d.info) {
			return fmt.Errorf("-o %s: that is the input folder %s; netreview never writes over its input: choose another folder", out, d.path)
		}
	}
	for _, f := range in.files {
		if !strings.EqualFold(filepath.Ext(f.path), ".csv") {
			continue
		}
		if dst, err := os.Stat(filepath.Dir(f.path)); err == nil && os.SameFile(st, dst) {
			return fmt.Errorf("-o %s: the folder holds the input %s; netreview never writes over its input: choose another folder", out, f.path)
		}
	}
	return nil
}
