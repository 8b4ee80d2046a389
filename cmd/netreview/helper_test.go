package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netreview/netreview/internal/gvtest"
)

// TestMain runs the tests with this test binary standing in for the
// netreview-graphviz helper.
func TestMain(m *testing.M) { gvtest.Main(m) }

// TestNetreviewDoesNotLinkGraphviz guards the start-up time of every
// command: go-graphviz starts its WebAssembly module when a program that
// links it starts (0.1 s with a warm cache, 0.7 s cold), so only the
// netreview-graphviz helper may link it; and with it everything that draws
// (tdewolff/canvas, the embedded font, package internal/draw).
func TestNetreviewDoesNotLinkGraphviz(t *testing.T) {
	gobin := goTool(t)
	out, err := exec.Command(gobin, "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		// internal/deckpdf draws the committee's deck, in the helper too.
		if strings.HasPrefix(dep, "github.com/goccy/go-graphviz") || strings.HasPrefix(dep, "github.com/tdewolff/") ||
			strings.HasPrefix(dep, "github.com/go-fonts/") || strings.HasPrefix(dep, "golang.org/x/image/font") ||
			strings.HasSuffix(dep, "/internal/layout") || strings.HasSuffix(dep, "/internal/draw") || strings.HasSuffix(dep, "/internal/deckpdf") {
			t.Errorf("netreview links %s; only cmd/netreview-graphviz may", dep)
		}
	}
}

// TestBuiltBinariesRender builds netreview and netreview-graphviz into one
// directory, as `make build` does, and renders with the helper found beside
// netreview.
func TestBuiltBinariesRender(t *testing.T) {
	if testing.Short() {
		t.Skip("builds both programs")
	}
	gobin := goTool(t)
	bin := t.TempDir()
	for _, pkg := range []string{".", "../netreview-graphviz"} {
		cmd := exec.Command(gobin, "build", "-o", bin+string(filepath.Separator), pkg)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	svg := filepath.Join(bin, "a.svg")
	cmd := exec.Command(filepath.Join(bin, "netreview"), "render", "--date", "2026-11-15",
		sample("backbone.yaml"), sample("riverbend-pd.yaml"), "-o", svg)
	cmd.Env = append(withoutHelperEnv(os.Environ()), "PATH=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("netreview render: %v\n%s", err, out)
	}
	b, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<svg") || !strings.Contains(string(b), "FOR OFFICIAL USE ONLY") {
		t.Errorf("a.svg starts %.200q", b)
	}

	// Without the helper, render says how to get it; DOT still works.
	if err := os.Remove(filepath.Join(bin, "netreview-graphviz")); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command(filepath.Join(bin, "netreview"), "render", sample("backbone.yaml"), "-o", svg)
	cmd.Env = append(withoutHelperEnv(os.Environ()), "PATH=")
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
		t.Fatalf("render without the helper: %v, want exit status 2\n%s", err, out)
	}
	if !strings.Contains(string(out), "make build") || strings.Contains(string(out), "goroutine") {
		t.Errorf("render without the helper said:\n%s", out)
	}
	cmd = exec.Command(filepath.Join(bin, "netreview"), "render", sample("backbone.yaml"), "-o", filepath.Join(bin, "a.dot"))
	cmd.Env = append(withoutHelperEnv(os.Environ()), "PATH=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("render .dot without the helper: %v\n%s", err, out)
	}
}

func goTool(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	return gobin
}

func withoutHelperEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "NETREVIEW_") {
			out = append(out, kv)
		}
	}
	return out
}
