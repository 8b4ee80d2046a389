package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/netreview/netreview/render"
)

func TestRenderCommand(t *testing.T) {
	t.Parallel()
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
		{"slide without the table", []string{"--page", "slide", "--no-table", backbone, agency, "-o", "{dir}/s.png"}, 0, "s.png", "\x89PNG"},
		{"letter landscape", []string{"--page", "letter-landscape", backbone, agency, "-o", "{dir}/l.pdf"}, 0, "l.pdf", "%PDF-"},
		{"counties", []string{"--view", "counties", backbone, agency, "-o", "{dir}/c.svg"}, 0, "c.svg", "<?xml"},
		{"bad page", []string{"--page", "a4", backbone, "-o", "{dir}/b.svg"}, 2, "", ""},
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

// TestRenderInternalError: when the helper crashes, render prints one line,
// exits 3 (not 2, the status of bad input) and leaves no output file.
func TestRenderInternalError(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell script")
	}
	dir := t.TempDir()
	crash := filepath.Join(dir, "crash")
	script := "#!/bin/sh\ncat >/dev/null\nprintf 'netreview-graphviz: internal error: path has NaN or Inf\\n\\ngoroutine 1 [running]:\\n' >&2\nexit 3\n"
	if err := os.WriteFile(crash, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("NETREVIEW_GRAPHVIZ", crash)
	out := filepath.Join(dir, "s.png")
	code, _, stderr := runCLI(t, "render", sample("backbone.yaml"), "-o", out)
	if code != 3 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "path has NaN or Inf") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the failed drawing left s.png")
	}
}

// TestRenderTooLarge: a view with more nodes than can be read is refused,
// naming the views that fit (generate's YAML holds a document per agency,
// so the agencies and counties views fit too).
func TestRenderTooLarge(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	model := filepath.Join(dir, "state.yaml")
	if code, _, stderr := runCLI(t, "generate", "--agencies", "400", "-o", model); code != 0 {
		t.Fatalf("generate: %s", stderr)
	}
	code, _, stderr := runCLI(t, "render", model, "-o", filepath.Join(dir, "p.svg"))
	if code != 2 || !regexp.MustCompile(`the physical view would draw [\d,]+ nodes, more than the 3,000 that can be read; views that fit: --view sites \([\d,]+ nodes\), --view agencies \([\d,]+ nodes\), --view counties \([\d,]+ nodes\)\n`).MatchString(stderr) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestEveryViewOnSlideAndLetter draws every view of the statewide sample
// and of each agency with the backbone as a slide PNG and a Letter PDF:
// each page the size it should be.
func TestEveryViewOnSlideAndLetter(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out 40 diagrams")
	}
	all, err := filepath.Glob(filepath.Join(repo, "samples", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]string{"statewide": all}
	for _, a := range []string{"riverbend-pd", "cedar-county-so", "bayview-pd-fleet", "tri-county-dispatch"} {
		inputs[a] = []string{sample("backbone.yaml"), sample(a + ".yaml")}
	}
	dir := t.TempDir()
	mediaBox := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`)
	for name, files := range inputs {
		for _, view := range render.Views() {
			t.Run(name+"/"+string(view), func(t *testing.T) {
				png1 := filepath.Join(dir, name+"-"+string(view)+".png")
				pdf1 := filepath.Join(dir, name+"-"+string(view)+".pdf")
				for _, args := range [][]string{{"--page", "slide", "--no-table", "-o", png1}, {"--page", "letter", "-o", pdf1}} {
					args = append(append([]string{"render", "--date", "2026-11-22", "--view", string(view)}, args...), files...)
					if code, _, stderr := runCLI(t, args...); code != 0 {
						t.Fatalf("%v: exit %d: %s", args, code, stderr)
					}
				}
				b, err := os.ReadFile(png1)
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil || img.Bounds().Dx() != 1920 || img.Bounds().Dy() != 1080 {
					t.Errorf("slide: %v, %v", err, img.Bounds())
				}
				b, err = os.ReadFile(pdf1)
				if err != nil {
					t.Fatal(err)
				}
				m := mediaBox.FindSubmatch(b)
				if m == nil || string(m[1]) != "612" || string(m[2]) != "792" {
					t.Errorf("letter: MediaBox %q", m)
				}
			})
		}
	}
}
