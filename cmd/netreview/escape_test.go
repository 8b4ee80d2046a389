package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTerminalOutputIsInert checks that proposal text reaches the terminal
// without its escape sequences: in check's text output, and in an error
// that quotes it.
func TestTerminalOutputIsInert(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "evil.yaml")
	if err := os.WriteFile(good, []byte(`netreview: 1
agency: {name: "Evil PD\e[2J\e[H\n0 critical, 0 high", ori: CA0000001}
sites: [{id: hq, security: physically-secure}]
devices: [{id: ws, type: workstation, site: hq, authentication: password}]
`), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("netreview: 1\nagency: {name: X}\ndevices: [{id: ws, type: \"work\\e[31mstation\"}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "check", "--fail-on", "none", good)
	if code != 0 {
		t.Fatalf("check: exit %d\n%s", code, stderr)
	}
	if strings.ContainsRune(stdout, '\x1b') || !strings.Contains(stdout, `Evil PD\x1b[2J`) {
		t.Errorf("check's text output passes the escape sequence on:\n%q", stdout)
	}
	code, _, stderr = runCLI(t, "check", bad)
	if code != 2 || strings.ContainsRune(stderr, '\x1b') || !strings.Contains(stderr, `\x1b[31m`) {
		t.Errorf("check of a bad type: exit %d, stderr %q", code, stderr)
	}
}
