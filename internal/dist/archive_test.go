package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestArchives(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "netreview")
	readme := filepath.Join(dir, "README.md")
	for p, s := range map[string]string{prog: "\x7fELF program", readme: "# netreview\n"} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := []archiveFile{{name: "netreview", src: prog, exec: true}, {name: "samples/README.md", src: readme}}
	tests := []struct {
		name  string
		write func(dst, top string, files []archiveFile) error
		ext   string
	}{
		{"tar.gz", writeTarGz, ".tar.gz"},
		{"zip", writeZip, ".zip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := filepath.Join(dir, "a"+tt.ext), filepath.Join(dir, "b"+tt.ext)
			for _, dst := range []string{a, b} {
				if err := tt.write(dst, "netreview-v1-os-arch", files); err != nil {
					t.Fatal(err)
				}
			}
			da, _ := os.ReadFile(a)
			db, _ := os.ReadFile(b)
			if !bytes.Equal(da, db) {
				t.Error("the same files gave different archive bytes")
			}
			got := map[string]os.FileMode{}
			if tt.ext == ".zip" {
				zr, err := zip.NewReader(bytes.NewReader(da), int64(len(da)))
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range zr.File {
					got[f.Name] = f.Mode().Perm()
				}
			} else {
				out := t.TempDir()
				top, err := untarGz(a, out)
				if err != nil {
					t.Fatal(err)
				}
				if top != "netreview-v1-os-arch" {
					t.Errorf("top folder %q", top)
				}
				for _, name := range []string{"netreview", "samples/README.md"} {
					st, err := os.Stat(filepath.Join(out, top, filepath.FromSlash(name)))
					if err != nil {
						t.Fatal(err)
					}
					got["netreview-v1-os-arch/"+name] = st.Mode().Perm()
				}
			}
			want := map[string]os.FileMode{"netreview-v1-os-arch/netreview": 0o755, "netreview-v1-os-arch/samples/README.md": 0o644}
			for name, m := range want {
				if got[name] != m {
					t.Errorf("%s: mode %v, want %v (entries %v)", name, got[name], m, got)
				}
			}
		})
	}
}
