package load

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/internal/modeltest"
	"github.com/netreview/netreview/topology/sheet"
)

var update = flag.Bool("update", false, "rewrite samples/xlsx/*.xlsx from samples/*.yaml")

const samplesDir = "../../samples"

func TestFormatOf(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		path string
		want Format
		err  bool
	}{
		{"p.yaml", YAML, false},
		{"p.YML", YAML, false},
		{"p.json", JSON, false},
		{"p.xlsx", Workbook, false},
		{"out/", CSV, false},
		{"out", CSV, false},
		{dir, CSV, false},
		{"p.ods", "", true},
	}
	for _, tt := range tests {
		got, err := FormatOf(tt.path)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("FormatOf(%q) = %q, %v; want %q, error %v", tt.path, got, err, tt.want, tt.err)
		}
	}
}

func TestFilesErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xlsx")
	if err := os.WriteFile(bad, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := filepath.Join(dir, "csv")
	if err := os.MkdirAll(links, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(links, "links.csv"), []byte("id,key bits,extra\nl1,many,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, warns, err := Files([]string{filepath.Join(dir, "p.ods"), filepath.Join(dir, "missing.yaml"), bad, links})
	var el topology.ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("error %v is not an ErrorList", err)
	}
	want := []string{
		dir + `/p.ods: no such file or directory`,
		dir + `/missing.yaml: no such file or directory`,
		bad + `: not a readable .xlsx workbook`,
		links + `/links.csv:2:2: key bits: want a whole number, got "many"`,
	}
	if len(el) != len(want) {
		t.Fatalf("errors:\n%v\nwant %d", err, len(want))
	}
	for i, e := range el {
		if !strings.HasPrefix(e.Error(), want[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, e.Error(), want[i])
		}
	}
	if len(warns) != 1 || warns[0].Pos.String() != links+"/links.csv:1:3" {
		t.Errorf("warnings = %v", warns)
	}
}

// sampleFiles returns samples/*.yaml and samples/**/*.yaml: the proposals,
// not the rule packs or the letterhead.
func sampleFiles(t *testing.T) []string {
	var paths []string
	err := filepath.WalkDir(samplesDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "xlsx" || d.Name() == "packs" || d.Name() == "letterhead") {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no samples")
	}
	return paths
}

// decode reads one YAML sample as a fragment, without validation (an agency
// file names the backbone's ids).
func decode(t *testing.T, path string) *topology.Model {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := topology.Decode(path, data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

// TestSamplesRoundTrip writes every sample as a workbook and a CSV folder
// and reads it back: the content is unchanged.
func TestSamplesRoundTrip(t *testing.T) {
	for _, p := range sampleFiles(t) {
		t.Run(p, func(t *testing.T) {
			want := decode(t, p)
			dir := t.TempDir()
			for _, out := range []string{filepath.Join(dir, "p.xlsx"), filepath.Join(dir, "csv"), filepath.Join(dir, "p.yaml"), filepath.Join(dir, "p.json")} {
				if err := Write(want, out); err != nil {
					t.Fatal(err)
				}
				got, warns, err := file(out)
				if err != nil || len(warns) > 0 {
					t.Fatalf("%s: %v %v", out, err, warns)
				}
				if d := modeltest.Diff(got, want); d != "" {
					t.Errorf("%s: %s", filepath.Base(out), d)
				}
			}
		})
	}
}

// sampleWorkbook is where the workbook form of a sample is checked in.
func sampleWorkbook(yamlPath string) string {
	name := strings.TrimSuffix(filepath.Base(yamlPath), filepath.Ext(yamlPath))
	return filepath.Join(samplesDir, "xlsx", name+".xlsx")
}

// TestSampleWorkbooks checks that samples/xlsx holds every sample as a
// workbook with the same content; -update rewrites them (the same as
// netreview convert samples/NAME.yaml -o samples/xlsx/NAME.xlsx).
func TestSampleWorkbooks(t *testing.T) {
	for _, p := range sampleFiles(t) {
		want := decode(t, p)
		wb := sampleWorkbook(p)
		if *update {
			if err := os.MkdirAll(filepath.Dir(wb), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := sheet.WriteWorkbook(want, wb); err != nil {
				t.Fatal(err)
			}
		}
		got, _, err := sheet.ReadWorkbook(wb)
		if err != nil {
			t.Errorf("%v (run go test ./topology/load -run TestSampleWorkbooks -update)", err)
			continue
		}
		if d := modeltest.Diff(got, want); d != "" {
			t.Errorf("%s is stale: %s", wb, d)
		}
	}
}

// finding is a finding without its place, which differs between forms.
type finding struct {
	Rule, Subject, Message string
	Severity               analysis.Severity
	Kind                   analysis.Kind
	Path, Sites            []string
	Waived                 bool
}

func review(t *testing.T, paths []string) []finding {
	t.Helper()
	m, _, err := Files(paths)
	if err != nil {
		t.Fatalf("%v: %v", paths, err)
	}
	res, err := analysis.Run(m, analysis.Config{Date: time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var out []finding
	for _, f := range res.Findings {
		out = append(out, finding{f.Rule, f.Subject, f.Message, f.Severity, f.Kind, f.Path, f.Sites, f.Waived})
	}
	return out
}

// TestCheckSameFindings reviews each agency sample with the backbone, once
// from YAML and once from the checked-in workbooks: the findings agree.
func TestCheckSameFindings(t *testing.T) {
	backbone := filepath.Join(samplesDir, "backbone.yaml")
	for _, p := range sampleFiles(t) {
		if filepath.Dir(p) != filepath.Clean(samplesDir) || p == backbone {
			continue
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			fromYAML := review(t, []string{backbone, p})
			fromXLSX := review(t, []string{sampleWorkbook(backbone), sampleWorkbook(p)})
			if !reflect.DeepEqual(fromYAML, fromXLSX) {
				t.Errorf("findings differ:\nYAML %+v\nXLSX %+v", fromYAML, fromXLSX)
			}
		})
	}
}

// TestFilesMixed loads a workbook and a CSV folder together: their elements
// form one model with a document each.
func TestFilesMixed(t *testing.T) {
	wb := filepath.Join("..", "sheet", "testdata", "libreoffice", "riverbend.xlsx")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "devices.csv"), []byte("id,type,site\nhq-rtr,router,hq\nhq-sw,switch,hq\nhub,state-hub,hq\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "agency.csv"), []byte("Field,Value\nnetreview,1\nname,Riverbend PD\nori,CA0420100\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, warns, err := Files([]string{wb, dir})
	if err != nil || len(warns) > 0 {
		t.Fatalf("%v %v", err, warns)
	}
	if got := m.Inputs(); !reflect.DeepEqual(got, []string{wb, dir}) {
		t.Errorf("inputs = %v", got)
	}
	if m.Link("hq-wan") == nil || m.Device("hq-rtr") == nil || m.Site("hq") == nil {
		t.Errorf("model lacks elements: %d links, %d devices, %d sites", len(m.Links), len(m.Devices), len(m.Sites))
	}
	if d := m.Device("hq-sw"); d != nil && d.Pos.String() != filepath.Join(dir, "devices.csv")+":3:1" {
		t.Errorf("hq-sw at %s", d.Pos)
	}
}

// TestSeveralHeaders converts several agencies' files: to YAML a document
// each, read back into the same documents and elements; to a form that holds
// one header, an error rather than a model that keeps only the first.
func TestSeveralHeaders(t *testing.T) {
	inputs := []string{filepath.Join(samplesDir, "backbone.yaml"), filepath.Join(samplesDir, "riverbend-pd.yaml"), filepath.Join(samplesDir, "cedar-county-so.yaml")}
	m, _, err := Read(inputs)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "all.yaml")
	if err := Write(m, out); err != nil {
		t.Fatal(err)
	}
	back, _, err := Read([]string{out})
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Docs) != 3 {
		t.Fatalf("%d documents, want 3", len(back.Docs))
	}
	for i, p := range topology.SplitByDocument(back) {
		if d := modeltest.Diff(p, topology.SplitByDocument(m)[i]); d != "" {
			t.Errorf("document %d: %s", i, d)
		}
	}
	for _, name := range []string{"all.json", "all.xlsx", "all-csv/"} {
		err := Write(m, filepath.Join(dir, name))
		if err == nil || !strings.Contains(err.Error(), "the inputs have 3 different agency or proposal headers") {
			t.Errorf("%s: %v", name, err)
		}
	}
	// One agency in two files: one header, written as one document.
	one, _, err := Read([]string{inputs[1], inputs[1]})
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(one, filepath.Join(dir, "one.json")); err != nil {
		t.Errorf("one header: %v", err)
	}
}

// TestFieldsAndValuesInOneRun: an unknown field and a bad enumerated value
// are reported in the same run (the values of a file that read in part),
// each file's errors together, the files in the order given; references
// wait for a model that reads.
func TestFieldsAndValuesInOneRun(t *testing.T) {
	dir := t.TempDir()
	b := filepath.Join(dir, "b.yaml")
	a := filepath.Join(dir, "a.yaml")
	files := map[string]string{
		b: "netreview: 1\nagency: {name: B}\nsites:\n  - {id: s, securty: physically-secure}\n  - {id: t, security: secure}\ndevices:\n  - {id: r, type: rooter, site: nowhere}\n",
		a: "netreview: 1\nagency: {name: A}\nlinks:\n  - {id: l, a: x, b: y, medium: fibr}\n",
	}
	for p, s := range files {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err := Files([]string{b, a})
	if err == nil {
		t.Fatal("no error")
	}
	var got []string
	for _, e := range err.(topology.ErrorList) {
		got = append(got, e.Error())
	}
	want := []string{
		b + `:4:13: unknown field "securty" in a site (did you mean "security"?)`,
		b + `:5:13: security "secure" is not one of:`,
		b + `:7:13: type "rooter" is not one of:`,
		a + `:4:25: medium "fibr" is not one of:`,
	}
	if len(got) != len(want) {
		t.Fatalf("errors:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}

// TestReadFileInPieces reads a file large enough to be read in pieces, and
// one just too small, and gets each byte where os.ReadFile puts it.
func TestReadFileInPieces(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // pieces even on one processor
	for _, n := range []int{2*readPiece - 1, 2*readPiece + 12345} {
		want := make([]byte, n)
		for i := range want {
			want[i] = byte(i*7 + i/readPiece) // differs from piece to piece
		}
		path := filepath.Join(t.TempDir(), "big.json")
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readFile(path, st)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%d bytes: readFile's bytes differ from the file's", n)
		}
	}
}

// TestReadFileChanged reads a large file that grew or shrank after its
// Stat: the bytes are those of the file as it is when read.
func TestReadFileChanged(t *testing.T) {
	for _, change := range []int{+100, -100} {
		path := filepath.Join(t.TempDir(), "big.json")
		before := bytes.Repeat([]byte("netreview "), (2*readPiece+10)/10)
		if err := os.WriteFile(path, before, 0o644); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		after := before[:len(before)+min(change, 0)]
		if change > 0 {
			after = append(bytes.Clone(before), bytes.Repeat([]byte("x"), change)...)
		}
		if err := os.WriteFile(path, after, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readFile(path, st)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, after) {
			t.Errorf("a file %+d bytes after its Stat: read %d bytes, want %d", change, len(got), len(after))
		}
	}
}
