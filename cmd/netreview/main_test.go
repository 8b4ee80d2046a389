package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line in-process and returns its exit status,
// stdout and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// assertHolds fails the test when out (named what: "stdout", "stderr")
// lacks one of want or holds one of without.
func assertHolds(t *testing.T, what, out string, want, without []string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(out, s) {
			t.Errorf("%s lacks %q:\n%s", what, s, out)
		}
	}
	for _, s := range without {
		if strings.Contains(out, s) {
			t.Errorf("%s holds %q:\n%s", what, s, out)
		}
	}
}

// repo is the path from this package to the repository root.
const repo = "../.."

func sample(name string) string { return filepath.Join(repo, "samples", name) }

func TestCheckExitStatus(t *testing.T) {
	backbone := sample("backbone.yaml")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"backbone alone is clean", []string{"check", "--date", "2026-11-15", backbone}, 0},
		{"findings at high fail by default", []string{"check", "--date", "2026-11-15", backbone, sample("riverbend-pd.yaml")}, 1},
		{"fail-on none never fails", []string{"check", "--date", "2026-11-15", "--fail-on", "none", backbone, sample("riverbend-pd.yaml")}, 0},
		{"fail-on critical passes high findings", []string{"check", "--date", "2026-11-15", "--fail-on", "critical", backbone, sample("riverbend-pd.yaml")}, 0},
		{"unknown format", []string{"check", "--format", "pdf", backbone}, 2},
		{"bad fail-on", []string{"check", "--fail-on", "severe", backbone}, 2},
		{"bad date", []string{"check", "--date", "14/09/2026", backbone}, 2},
		{"unknown policy", []string{"check", "--policy", "cjis-4.0", backbone}, 2},
		{"missing file", []string{"check", "no-such-file.yaml"}, 2},
		{"no arguments", []string{"check"}, 2},
		{"agency without the backbone it refers to", []string{"check", sample("riverbend-pd.yaml")}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.want {
				t.Fatalf("exit status %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic:") {
				t.Fatalf("stderr holds a stack trace:\n%s", stderr)
			}
		})
	}
}

func TestCheckInvalidInputPrintsPlacesOnly(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("netreview: 1\nagency: {name: X}\nsites:\n  - id: a\n    securty: physically-secure\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "check", "--format", "json", bad)
	if code != 2 {
		t.Fatalf("exit status %d, want 2", code)
	}
	if stdout != "" {
		t.Errorf("stdout should be empty on invalid input, got:\n%s", stdout)
	}
	if !strings.Contains(stderr, bad+":5:5") {
		t.Errorf("stderr does not name the place %s:5:5:\n%s", bad, stderr)
	}
}

func TestCheckJSONContract(t *testing.T) {
	code, stdout, stderr := runCLI(t, "check", "--format", "json", "--date", "2026-11-15",
		sample("backbone.yaml"), sample("riverbend-pd.yaml"))
	if code != 1 {
		t.Fatalf("exit status %d, want 1; stderr:\n%s", code, stderr)
	}
	var out struct {
		Netreview int      `json:"netreview"`
		Inputs    []string `json:"inputs"`
		Summary   struct {
			Sites, Devices, Links, Tunnels int
			Findings                       map[string]int
			Waived                         int
		} `json:"summary"`
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if out.Netreview != 1 || len(out.Inputs) != 2 {
		t.Errorf("netreview = %d, inputs = %v", out.Netreview, out.Inputs)
	}
	for _, sev := range []string{"critical", "high", "medium", "low", "info"} {
		if _, ok := out.Summary.Findings[sev]; !ok {
			t.Errorf("summary.findings lacks %q", sev)
		}
	}
	if out.Summary.Waived != 1 {
		t.Errorf("summary.waived = %d, want 1 (single-device rpd-rtr)", out.Summary.Waived)
	}
	if len(out.Findings) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range out.Findings {
		for _, key := range []string{"rule", "severity", "subject", "kind", "message", "policy", "sites", "at", "waived"} {
			if _, ok := f[key]; !ok {
				t.Errorf("finding %v lacks %q", f["rule"], key)
			}
		}
	}
}

func TestCheckTextHasNoColourWithoutTerminal(t *testing.T) {
	_, stdout, _ := runCLI(t, "check", "--date", "2026-11-15", sample("backbone.yaml"), sample("riverbend-pd.yaml"))
	if strings.Contains(stdout, "\x1b[") {
		t.Error("text output to a non-terminal holds ANSI escapes")
	}
	if !strings.Contains(stdout, "annex-fiber") {
		t.Errorf("text output does not mention annex-fiber:\n%s", stdout)
	}
}

func TestHelpTeaches(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"check", "--help"}, {"version"}} {
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 || stdout == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
	_, stdout, _ := runCLI(t, "check", "--help")
	for _, want := range []string{"Examples:", "--fail-on", "--format", "Exit status"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check --help lacks %q", want)
		}
	}
}
