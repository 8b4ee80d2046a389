package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRenderCommand(t *testing.T) {
	dir := t.TempDir()
	backbone, agency := sample("backbone.yaml"), sample("riverbend-pd.yaml")
	tests := []struct {
		name   string
		args   []string
		want   int
		out    string // file written, in dir
		prefix string // what the file starts with
	}{
		{"svg with findings", []string{backbone, agency, "-o", "{dir}/a.svg"}, 0, "a.svg", "<?xml"},
		{"dot, sites view", []string{"--view", "sites", backbone, agency, "-o", "{dir}/a.dot"}, 0, "a.dot", "graph "},
		{"one finding as png", []string{"--finding", "1", backbone, agency, "-o", "{dir}/f1.png"}, 0, "f1.png", "\x89PNG"},
		{"plain pdf", []string{"--no-findings", backbone, "-o", "{dir}/a.pdf"}, 0, "a.pdf", "%PDF-"},
		{"no output", []string{backbone}, 2, "", ""},
		{"unknown extension", []string{backbone, "-o", "{dir}/a.jpg"}, 2, "", ""},
		{"stdout needs a format", []string{backbone, "-o", "-"}, 2, "", ""},
		{"bad view", []string{"--view", "logical", backbone, "-o", "{dir}/b.svg"}, 2, "", ""},
		{"bad engine", []string{"--engine", "circo", backbone, "-o", "{dir}/b.svg"}, 2, "", ""},
		{"finding out of range", []string{"--finding", "999", backbone, agency, "-o", "{dir}/b.svg"}, 2, "", ""},
		{"missing input", []string{"nonexistent.yaml", "-o", "{dir}/b.svg"}, 2, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"render", "--date", "2026-11-15"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "{dir}", dir))
			}
			code, _, stderr := runCLI(t, args...)
			if code != tt.want {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.want, stderr)
			}
			if tt.out == "" {
				return
			}
			b, err := os.ReadFile(filepath.Join(dir, tt.out))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(b), tt.prefix) {
				t.Errorf("%s starts %.20q, want %q", tt.out, b, tt.prefix)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "b.svg")); err == nil {
		t.Error("a failed render left its output file")
	}
}

func TestRenderStdout(t *testing.T) {
	code, out, stderr := runCLI(t, "render", "--date", "2026-11-15", "--format", "dot", sample("backbone.yaml"), "-o", "-")
	if code != 0 || !strings.Contains(out, "FOR OFFICIAL USE ONLY") {
		t.Fatalf("exit %d, stderr %s, stdout %.200s", code, stderr, out)
	}
}

// TestEverySampleEveryFormat draws each agency sample, with the backbone, in
// every format.
func TestEverySampleEveryFormat(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out and rasterizes every sample")
	}
	dir := t.TempDir()
	prefixes := map[string]string{".svg": "<?xml", ".png": "\x89PNG", ".pdf": "%PDF-", ".dot": "graph "}
	for _, agency := range []string{"riverbend-pd", "cedar-county-so", "bayview-pd-fleet", "tri-county-dispatch"} {
		for _, ext := range []string{".svg", ".png", ".pdf", ".dot"} {
			t.Run(agency+ext, func(t *testing.T) {
				out := filepath.Join(dir, agency+ext)
				code, _, stderr := runCLI(t, "render", "--date", "2026-11-15", sample("backbone.yaml"), sample(agency+".yaml"), "-o", out)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				b, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(string(b), prefixes[ext]) || len(b) < 10000 {
					t.Errorf("%s: %d bytes starting %.20q", out, len(b), b)
				}
			})
		}
	}
}
