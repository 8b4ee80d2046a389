package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProgressSilentOffTerminal(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("#\n"), progressMinBytes), 0o644); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if p := newProgress(&buf, []string{big}); p != nil {
		t.Fatal("progress on a buffer, want none")
	}
	var p *progress
	p.show("reading %s", big) // a nil progress is silent
	p.clear()
}

func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf}
	p.clear() // nothing shown, nothing cleared
	p.show("step %d", 1)
	p.show("step %d", 2)
	p.clear()
	p.clear()
	want := "\r\033[Kstep 1\r\033[Kstep 2\r\033[K"
	if got := buf.String(); got != want {
		t.Errorf("progress wrote %q, want %q", got, want)
	}
}

func TestInputSize(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Repeat("x", n)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.yaml", 10)
	csv := filepath.Join(dir, "csv")
	if err := os.Mkdir(csv, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(csv, "sites.csv"), []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := inputSize([]string{a, csv, filepath.Join(dir, "missing.yaml")}); got != 15 {
		t.Errorf("inputSize = %d, want 15", got)
	}
}

// TestCheckPrintsNoProgressToAPipe runs check on the samples with standard
// error a buffer: nothing but findings may appear.
func TestCheckPrintsNoProgressToAPipe(t *testing.T) {
	code, _, stderr := runCLI(t, "check", "--fail-on", "none", "--date", "2026-11-15",
		filepath.Join("..", "..", "samples", "backbone.yaml"))
	if code != 0 || strings.Contains(stderr, "\r") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
