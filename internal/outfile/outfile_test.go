package outfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string) string // returns the path to write
		write   func(io.Writer) error
		wantErr string // "" for success
		want    string // the content of the path afterwards ("" when absent)
	}{
		{
			name:  "new file",
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "a.yaml") },
			write: writeString("new"),
			want:  "new",
		},
		{
			name:  "replaces a file",
			setup: existing("a.yaml", "old"),
			write: writeString("new"),
			want:  "new",
		},
		{
			name:  "a failed write leaves the old file",
			setup: existing("a.yaml", "old"),
			write: func(w io.Writer) error {
				io.WriteString(w, "half")
				return errors.New("layout failed")
			},
			wantErr: "layout failed",
			want:    "old",
		},
		{
			name:    "missing folder",
			setup:   func(t *testing.T, dir string) string { return filepath.Join(dir, "nowhere", "r.html") },
			write:   writeString("x"),
			wantErr: "the folder " + filepath.Join("DIR", "nowhere") + " does not exist",
		},
		{
			name: "a folder in the way",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "out.svg")
				if err := os.Mkdir(p, 0o755); err != nil {
					t.Fatal(err)
				}
				return p
			},
			write:   writeString("x"),
			wantErr: "it is a folder",
		},
		{
			name: "a file where the folder should be",
			setup: func(t *testing.T, dir string) string {
				mustWrite(t, filepath.Join(dir, "f"), "")
				return filepath.Join(dir, "f", "r.html")
			},
			write:   writeString("x"),
			wantErr: "is a file, not a folder",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.setup(t, dir)
			err := Write(path, tt.write)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("Write: %v", err)
			}
			if tt.wantErr != "" {
				want := strings.ReplaceAll(tt.wantErr, "DIR", dir)
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("Write: %v, want an error containing %q", err, want)
				}
				if strings.Contains(err.Error(), ".tmp") {
					t.Errorf("the error names the temporary file: %v", err)
				}
			}
			if tt.want != "" {
				if got, _ := os.ReadFile(path); string(got) != tt.want {
					t.Errorf("%s holds %q, want %q", path, got, tt.want)
				}
			}
			assertNoTemp(t, dir)
		})
	}
}

func TestWriteMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits")
	}
	p := filepath.Join(t.TempDir(), "r.xlsx")
	if err := Write(p, writeString("x")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != Mode {
		t.Errorf("mode %v, want %v", st.Mode().Perm(), Mode)
	}
}

func TestWriteRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "bashrc")
	mustWrite(t, target, "precious")
	link := filepath.Join(dir, "out.yaml")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	err := Write(link, writeString("overwritten"))
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("Write through a link: %v, want a refusal", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "precious" {
		t.Errorf("the link's target now holds %q", got)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if err := MkdirAll(link); err == nil {
		t.Error("MkdirAll accepted a link")
	}
	assertNoTemp(t, dir)
}

// TestWriteConcurrent is issue 15's case: eight runs writing one file at
// once leave one whole file, never a mixture.
func TestWriteConcurrent(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.yaml")
	contents := make([]string, 8)
	for i := range contents {
		contents[i] = strings.Repeat(fmt.Sprintf("writer %d\n", i), 20000)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(contents))
	for i, c := range contents {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = Write(p, writeString(c))
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil && runtime.GOOS != "windows" {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	got, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	whole := false
	for _, c := range contents {
		whole = whole || string(got) == c
	}
	if !whole {
		t.Errorf("the file is not one writer's whole output (%d bytes, starts %.20q)", len(got), got)
	}
	assertNoTemp(t, dir)
}

func TestMkdirAll(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	if err := MkdirAll(sub); err != nil {
		t.Fatal(err)
	}
	if err := MkdirAll(sub); err != nil {
		t.Errorf("an existing folder: %v", err)
	}
	f := filepath.Join(dir, "f")
	mustWrite(t, f, "")
	if err := MkdirAll(f); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("a file: %v", err)
	}
}

func TestInputsCheck(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	mustWrite(t, in, "workbook")
	csvDir := filepath.Join(dir, "csv")
	if err := os.Mkdir(csvDir, 0o755); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(csvDir, "sites.csv"), "id")
	loose := filepath.Join(dir, "loose")
	if err := os.Mkdir(loose, 0o755); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(loose, "devices.csv"), "id")
	hard := filepath.Join(dir, "hard.xlsx")
	hardOK := os.Link(in, hard) == nil

	inputs := NewInputs([]string{in, csvDir, filepath.Join(loose, "devices.csv"), filepath.Join(dir, "absent.yaml")})
	tests := []struct {
		name string
		out  string
		dir  bool
		want bool // refused
	}{
		{"the input itself", in, false, true},
		{"another spelling", filepath.Join(dir, ".", "csv", "..", "in.xlsx"), false, true},
		{"a file of an input folder", filepath.Join(csvDir, "sites.csv"), false, true},
		{"a new file", filepath.Join(dir, "report.xlsx"), false, false},
		{"an input folder as a CSV folder", csvDir, true, true},
		{"a folder holding an input CSV file", loose, true, true},
		{"the folder of an input workbook", dir, true, false},
		{"a new folder", filepath.Join(dir, "new"), true, false},
	}
	if hardOK {
		tests = append(tests, struct {
			name string
			out  string
			dir  bool
			want bool
		}{"a hard link to the input", hard, false, true})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := inputs.Check
			if tt.dir {
				check = inputs.CheckDir
			}
			err := check(tt.out)
			if (err != nil) != tt.want {
				t.Fatalf("check(%s) = %v, want refused %v", tt.out, err, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), "never writes over its input") {
				t.Errorf("message %q does not say why", err)
			}
		})
	}
	var none *Inputs
	if err := none.Check(in); err != nil {
		t.Errorf("nil Inputs: %v", err)
	}
}

// existing is a setup that writes name with content s and returns its path.
func existing(name, s string) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		mustWrite(t, p, s)
		return p
	}
}

func mustWrite(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// assertNoTemp fails when a temporary file is left in dir or below it.
func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".tmp") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
}
