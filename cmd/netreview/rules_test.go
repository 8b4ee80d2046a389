package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestRulesCommand(t *testing.T) {
	statePack := filepath.Join(repo, "samples", "packs", "state-example.yaml")
	badPack := filepath.Join(repo, "analysis", "testdata", "packs", "unknown-rule.yaml")
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     []string // substrings of stdout
		stderr     []string // substrings of stderr
		noneStdout []string // strings stdout must not hold
	}{
		{name: "list, default pack", args: []string{"rules"},
			stdout: []string{"Rule pack cjis-6.0", "fips-140-2-sunset", "NIST SP 800-53 SC-13", "20 rules, 20 on"}},
		{name: "list, v5.9", args: []string{"rules", "--policy", "cjis-5.9"},
			stdout: []string{"Rule pack cjis-5.9", "20 rules, 19 on"}, noneStdout: []string{"NIST SP 800-53 SC-8"}},
		{name: "list, markdown", args: []string{"rules", "-f", "markdown"},
			stdout: []string{"| `unencrypted-exit` | high | yes |"}},
		{name: "one rule", args: []string{"rules", "advanced-authentication"},
			stdout: []string{"advanced-authentication  high  on", "What it checks, and why", "CJIS Security Policy 5.6.2.2: Advanced authentication", "How to fix it", "Example"}},
		{name: "one rule disabled in the pack", args: []string{"rules", "--policy", "cjis-5.9", "fips-140-2-sunset"},
			stdout: []string{"This rule is disabled in pack cjis-5.9"}},
		{name: "state pack", args: []string{"rules", "--rules", statePack, "single-link"},
			stdout: []string{"single-link  high  on", "State CJIS Policy NET-2 (example)"}},
		{name: "unknown rule", args: []string{"rules", "single-lnk"}, code: 2,
			stderr: []string{`unknown rule "single-lnk" (did you mean "single-link"?)`}},
		{name: "unknown pack", args: []string{"rules", "--policy", "cjis-5"}, code: 2,
			stderr: []string{`did you mean "cjis-5.9"?`}},
		{name: "bad pack file", args: []string{"rules", "--rules", badPack}, code: 2,
			stderr: []string{badPack + `:4:3: unknown rule "single-lnk" (did you mean "single-link"?)`}},
		{name: "missing pack file", args: []string{"rules", "--rules", "no-such-pack.yaml"}, code: 2,
			stderr: []string{"no-such-pack.yaml"}},
		{name: "bad format", args: []string{"rules", "-f", "pdf"}, code: 2,
			stderr: []string{`--format "pdf"`}},
		{name: "two rules", args: []string{"rules", "single-link", "single-device"}, code: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit status %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			assertHolds(t, "stdout", stdout, tt.stdout, tt.noneStdout)
			assertHolds(t, "stderr", stderr, tt.stderr, nil)
			if code != 0 && stdout != "" {
				t.Errorf("stdout should be empty on error, got:\n%s", stdout)
			}
		})
	}
}

func TestRulesJSONOutput(t *testing.T) {
	code, stdout, stderr := runCLI(t, "rules", "--format", "json", "--policy", "cjis-5.9")
	if code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr)
	}
	var out struct {
		Pack  struct{ Name, Policy string }
		Rules []struct {
			ID       string
			Severity string
			Enabled  bool
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if out.Pack.Name != "cjis-5.9" || out.Pack.Policy != "5.9" || len(out.Rules) != 20 {
		t.Fatalf("pack %+v with %d rules", out.Pack, len(out.Rules))
	}
	for _, r := range out.Rules {
		if want := r.ID != "fips-140-2-sunset"; r.Enabled != want {
			t.Errorf("%s enabled = %v, want %v", r.ID, r.Enabled, want)
		}
	}
}

// TestCheckWithStatePack checks that --rules reaches the review: the state
// pack raises single-link to high, and adds its own citation.
func TestCheckWithStatePack(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "pack.yaml")
	src := "name: t\nextends: cjis-6.0\nrules:\n  single-link:\n    severity: critical\n    add-citations: [{ref: State NET-9}]\n"
	if err := os.WriteFile(pack, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "check", "--format", "json", "--fail-on", "none", "--date", "2026-11-15", "--rules", pack,
		sample("backbone.yaml"), sample("riverbend-pd.yaml"))
	if code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr)
	}
	var out struct {
		Findings []struct {
			Rule, Severity string
			Policy         []string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range out.Findings {
		if f.Rule != "single-link" {
			continue
		}
		n++
		if f.Severity != "critical" || len(f.Policy) == 0 || f.Policy[len(f.Policy)-1] != "State NET-9" {
			t.Errorf("single-link finding: severity %s, policy %q", f.Severity, f.Policy)
		}
	}
	if n == 0 {
		t.Error("riverbend-pd draws no single-link finding; pick a sample that does")
	}
}
