package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzCSV feeds arbitrary bytes to the CSV reader as each of the sheet files:
// it must return a model or errors, never panic.
func FuzzCSV(f *testing.F) {
	f.Add("devices.csv", []byte("id,type,zones,count,cji\nd1,router,\"a, b\",2,yes\n"))
	f.Add("links.csv", []byte("id,a,b,key bits,encryption,over\nl1,x,y,256,ipsec,\n"))
	f.Add("agency.csv", []byte("Field,Value\nnetreview,1\nsubmitted,45000\n"))
	f.Add("waivers.csv", []byte("rule,expires\nr,2027-01-02\n\"x\"y\n"))
	f.Add("tunnels.csv", []byte("\ufeffover,zone,zones\n,,,,,\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" || len(name) > 20 {
			name = "links.csv"
		}
		fsys := fstest.MapFS{name: &fstest.MapFile{Data: data}}
		m, _, err := readCSV(fsys, "dir")
		if err == nil && (m == nil || len(m.Docs) != 1) {
			t.Fatalf("no error and no fragment: %v", m)
		}
	})
}

// maxFuzzPart is the size budget of FuzzWorkbook's parts: large enough for
// every shape of sheet, small enough that each run stays fast.
const maxFuzzPart = 32 << 10

// FuzzWorkbook replaces one part of testdata/fixture.xlsx (a sheet, the
// shared strings, the workbook, its relationships) with arbitrary bytes,
// zipped again: ReadWorkbook must return a model or errors, never panic or
// hang, and never a model without its document.
func FuzzWorkbook(f *testing.F) {
	parts, err := fixtureParts()
	if err != nil {
		f.Fatal(err)
	}
	for i, p := range parts {
		f.Add(uint8(i), p.data)
		f.Add(uint8(i), p.data[:len(p.data)/2])
	}
	f.Add(uint8(0), []byte(`<?xml version="1.0"?><worksheet><sheetData><row r="1048577"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		if len(data) > maxFuzzPart {
			return
		}
		path := filepath.Join(t.TempDir(), "f.xlsx")
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i, p := range parts {
			w, err := zw.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			if i == int(which)%len(parts) {
				w.Write(data)
			} else {
				w.Write(p.data)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		m, _, err := ReadWorkbook(path)
		if err == nil && (m == nil || len(m.Docs) != 1) {
			t.Fatalf("no error and no fragment: %v", m)
		}
	})
}

type zipPart struct {
	name string
	data []byte
}

// fixtureParts returns the parts of testdata/fixture.xlsx.
func fixtureParts() ([]zipPart, error) {
	zr, err := zip.OpenReader(filepath.Join("testdata", "fixture.xlsx"))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var out []zipPart
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, zipPart{f.Name, data})
	}
	return out, nil
}
