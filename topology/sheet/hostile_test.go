package sheet

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/internal/modeltest"
)

// rezip copies the workbook at src to dst, passing each part through edit
// (which returns the new content, or nil to leave the part out), and
// appending the parts of extra.
func rezip(t *testing.T, src, dst string, edit func(name string, data []byte) []byte, extra ...*zip.FileHeader) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if data = edit(f.Name, data); data == nil {
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	for _, h := range extra {
		if _, err := zw.CreateRaw(h); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHostileWorkbooks reads damaged and hostile workbooks: each is an
// error that says what is wrong, never a partial read.
func TestHostileWorkbooks(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.xlsx")
	if err := WriteWorkbook(fixture(), good); err != nil {
		t.Fatal(err)
	}
	waivers := "" // the part of the Waivers sheet
	if zr, err := zip.OpenReader(good); err == nil {
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "xl/worksheets/") {
				rc, _ := f.Open()
				data, _ := io.ReadAll(rc)
				rc.Close()
				if bytes.Contains(data, []byte("Approved")) || strings.HasSuffix(f.Name, "sheet7.xml") {
					waivers = f.Name
				}
			}
		}
		zr.Close()
	}
	tests := []struct {
		name string
		make func(path string)
		want string
	}{
		{"truncated sheet", func(p string) {
			rezip(t, good, p, func(name string, data []byte) []byte {
				if name == waivers {
					return data[:len(data)*2/3]
				}
				return data
			})
		}, "#Waivers: the sheet is damaged (part " + waivers + "): not well-formed XML"},
		{"truncated after a row", func(p string) {
			rezip(t, good, p, func(name string, data []byte) []byte {
				if name == waivers {
					return data[:bytes.Index(data, []byte("</row>"))+len("</row>")]
				}
				return data
			})
		}, "elements open (truncated?)"},
		{"malformed sheet", func(p string) {
			rezip(t, good, p, func(name string, data []byte) []byte {
				if name == waivers {
					return bytes.Replace(data, []byte("<row "), []byte("<row <"), 1)
				}
				return data
			})
		}, "not well-formed XML"},
		{"declared bomb", func(p string) {
			rezip(t, good, p, func(_ string, d []byte) []byte { return d },
				&zip.FileHeader{Name: "xl/media/big.bin", Method: zip.Store, UncompressedSize64: 4 << 30})
		}, "declares 4096 MB uncompressed"},
		{"a part that holds more than it declares", func(p string) {
			var z bytes.Buffer
			zw := zip.NewWriter(&z)
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: "x.xml", Method: zip.Deflate})
			w.Write([]byte("<a>" + strings.Repeat("b", 1<<20) + "</a>"))
			zw.Close()
			// Declare 100 bytes for the megabyte: the zip checks the size it reads.
			zr, _ := zip.NewReader(bytes.NewReader(z.Bytes()), int64(z.Len()))
			raw, _ := zr.File[0].OpenRaw()
			data, _ := io.ReadAll(raw)
			h := &zip.FileHeader{Name: "xl/bomb.xml", Method: zip.Deflate, CompressedSize64: uint64(len(data)), UncompressedSize64: 100, CRC32: zr.File[0].CRC32}
			var out bytes.Buffer
			zw = zip.NewWriter(&out)
			cw, _ := zw.CreateRaw(h)
			cw.Write(data)
			zw.Close()
			os.WriteFile(p, out.Bytes(), 0o644)
		}, "does not hold what it declares"},
		{"too many parts", func(p string) {
			var extra []*zip.FileHeader
			for i := range maxWorkbookParts {
				extra = append(extra, &zip.FileHeader{Name: "xl/media/p" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + ".bin", Method: zip.Store, CRC32: crc32.ChecksumIEEE(nil)})
			}
			rezip(t, good, p, func(_ string, d []byte) []byte { return d }, extra...)
		}, "parts, more than the 1000"},
		{"password-protected", func(p string) {
			os.WriteFile(p, append(append([]byte(nil), oleSignature...), make([]byte, 512)...), 0o644)
		}, "encrypted (password-protected)"},
		{"not a zip", func(p string) { os.WriteFile(p, []byte("hello"), 0o644) }, "not a readable .xlsx workbook"},
		{"empty part", func(p string) {
			rezip(t, good, p, func(name string, data []byte) []byte {
				if name == waivers {
					return []byte{}
				}
				return data
			})
		}, "holds no element"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".xlsx")
			tt.make(p)
			m, _, err := ReadWorkbook(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadWorkbook = %v, %v; want an error %q", m != nil, err, tt.want)
			}
		})
	}
}

// TestWorkbookValues reads cells that are not what they seem: spreadsheet
// errors, dates in the 1904 date system, NaN in a date.
func TestWorkbookValues(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, date1904 bool, reason, expires any) string {
		f := excelize.NewFile()
		defer f.Close()
		f.SetSheetName("Sheet1", WaiversSheet)
		if date1904 {
			yes := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
				t.Fatal(err)
			}
		}
		for i, v := range []any{"Rule", "Subject", "Reason", "Expires", "single-device", "r1", reason, expires} {
			cell, _ := excelize.CoordinatesToCellName(i%4+1, i/4+1)
			f.SetCellValue(WaiversSheet, cell, v)
		}
		p := filepath.Join(dir, name)
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, e := range []string{"#REF!", "#NAME?", "#N/A", "#DIV/0!", "#VALUE!"} {
		p := write("err.xlsx", false, e, 46000)
		if _, _, err := ReadWorkbook(p); err == nil || !strings.Contains(err.Error(), "#Waivers!C2: reason: the cell holds the spreadsheet error "+e) {
			t.Errorf("%s: %v", e, err)
		}
	}
	m, _, err := ReadWorkbook(write("1904.xlsx", true, "ok", 45000))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Waivers[0].Expires, time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 45000); !got.Equal(want) {
		t.Errorf("1904 date = %v, want %v", got, want)
	}
	m, _, err = ReadWorkbook(write("1900.xlsx", false, "ok", 45000))
	if err != nil || !m.Waivers[0].Expires.Equal(time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("1900 date: %v %v", err, m)
	}
	if _, _, err := ReadWorkbook(write("nan.xlsx", false, "ok", "NaN")); err == nil || !strings.Contains(err.Error(), `want a date YYYY-MM-DD, got "NaN"`) {
		t.Errorf("NaN date: %v", err)
	}
}

// hostileModel is the fixture with what must survive a workbook and a CSV
// folder loss-free: empty encryption, cloud and proposal, risk tags with
// commas, quotes, surrounding spaces, control characters and U+FFFE, text
// that looks like a workbook escape, and cells a spreadsheet would run.
func hostileModel() *topology.Model {
	m := fixture()
	m.Docs[0].Proposal = &topology.Proposal{}
	m.Links[2].Encryption = &topology.Encryption{}
	m.Devices[1].Type = topology.CloudService
	m.Devices[1].Cloud = &topology.Cloud{}
	m.Sites[0].Risks = []string{"rack 4, row 2", " padded ", `say "hi"`, "bell\x07", "nonchar\uFFFE", "", "'quoted'"}
	m.Sites[0].Name = "_x0041_ and _x005F_x0042_"
	m.Sites[0].Address = "=HYPERLINK(\"http://evil.example\",\"x\")"
	m.Devices[0].Name = "+1+1"
	m.Devices[2].Name = "@SUM(A1)"
	m.Devices[3].Name = "-2+3"
	m.Devices[4].Name = "'=already quoted"
	m.Waivers[0].Reason = "=cmd|' /C calc'!A0"
	return m
}

func TestLossFreeWorkbookAndCSV(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name  string
		write func(*topology.Model, string) error
		read  func(string) (*topology.Model, []*topology.Warning, error)
		path  string
	}{
		{"workbook", WriteWorkbook, ReadWorkbook, filepath.Join(dir, "h.xlsx")},
		{"csv", WriteCSV, ReadCSV, filepath.Join(dir, "h")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.write(hostileModel(), tt.path); err != nil {
				t.Fatal(err)
			}
			m, _, err := tt.read(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if d := modeltest.Diff(m, hostileModel()); d != "" {
				t.Error(d)
			}
		})
	}
	// No cell of the CSV files starts with what a spreadsheet runs.
	for _, name := range []string{"sites.csv", "devices.csv", "waivers.csv"} {
		data, err := os.ReadFile(filepath.Join(dir, "h", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{",=", ",+", ",@", ",-2", "\n=", "\"=", ",\"=", "\n\"="} {
			if strings.Contains(string(data), bad) {
				t.Errorf("%s holds a cell starting %q:\n%s", name, bad[1:], data)
			}
		}
	}
}

func TestLongCell(t *testing.T) {
	m := fixture()
	m.Devices[0].Name = strings.Repeat("x", 40000)
	err := WriteWorkbook(m, filepath.Join(t.TempDir(), "long.xlsx"))
	if err == nil || !strings.Contains(err.Error(), "Devices!B2: the value is 40000 characters long, more than the 32767 a workbook cell holds") {
		t.Errorf("WriteWorkbook = %v", err)
	}
}

func TestCSVFolders(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no CSV files", map[string]string{"notes.txt": "x"}, "csv: the folder holds none of the format's CSV files (agency.csv, sites.csv"},
		{"two spellings", map[string]string{"sites.csv": "id\n", "Sites.csv": "id\n"}, "csv/sites.csv: Sites.csv and sites.csv are the same file to netreview"},
		{"error cell", map[string]string{"waivers.csv": "rule,reason\nx,#REF!\n"}, "csv/waivers.csv:2:2: reason: the cell holds the spreadsheet error #REF!"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readCSV(csvFS(tt.files), "csv")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("readCSV = %v, want %q", err, tt.want)
			}
		})
	}
}
