package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffSamplePair compares the sample pair: the proposal resolves the
// current network's cleartext circuit and introduces no finding at or above
// high, so diff exits 0; compared the other way round it exits 1.
func TestDiffSamplePair(t *testing.T) {
	current := sample("diff/pine-hollow-current.yaml")
	proposed := sample("diff/pine-hollow-proposed.yaml")

	code, out, stderr := runCLI(t, "diff", "--format", "json", "--date", "2026-11-15", current, proposed)
	if code != 0 {
		t.Fatalf("exit status %d, want 0; stderr:\n%s", code, stderr)
	}
	var got struct {
		Netreview int      `json:"netreview"`
		Before    []string `json:"before"`
		After     []string `json:"after"`
		Changes   struct {
			Added   map[string][]string `json:"added"`
			Removed map[string][]string `json:"removed"`
			Changed []struct {
				Kind, ID, Field, Before, After string
			} `json:"changed"`
		} `json:"changes"`
		Findings struct {
			Introduced []map[string]any `json:"introduced"`
			Resolved   []map[string]any `json:"resolved"`
			Unchanged  []map[string]any `json:"unchanged"`
		} `json:"findings"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("diff JSON does not match the contract: %v\n%s", err, out)
	}
	if got.Netreview != 1 || len(got.Before) != 1 || len(got.After) != 1 {
		t.Errorf("header: %+v", got)
	}
	for _, k := range []string{"sites", "devices", "links", "tunnels"} {
		if got.Changes.Added[k] == nil || got.Changes.Removed[k] == nil {
			t.Errorf("changes.added/removed.%s missing (want [] when empty)", k)
		}
	}
	if len(got.Changes.Added["devices"]) == 0 || len(got.Changes.Added["tunnels"]) == 0 {
		t.Errorf("the proposal adds a firewall and tunnels; added = %v", got.Changes.Added)
	}
	resolved := false
	for _, f := range got.Findings.Resolved {
		if f["rule"] == "unencrypted-exit" {
			resolved = true
		}
	}
	if !resolved {
		t.Errorf("the proposal should resolve the cleartext circuit; resolved = %v", got.Findings.Resolved)
	}

	code, _, stderr = runCLI(t, "diff", "--date", "2026-11-15", proposed, current)
	if code != 1 {
		t.Errorf("going back to the current network introduces a high finding: exit %d, want 1; stderr:\n%s", code, stderr)
	}
	code, _, _ = runCLI(t, "diff", "--fail-on", "none", "--date", "2026-11-15", proposed, current)
	if code != 0 {
		t.Errorf("--fail-on none: exit %d, want 0", code)
	}
}

// TestDiffEdgeCases covers a renamed device (one removed, one added), a
// changed attribute, no change, and unreadable input.
func TestDiffEdgeCases(t *testing.T) {
	base := `netreview: 1
agency: {name: Test PD, ori: CA0000001}
sites:
  - {id: hq, security: physically-secure}
  - {id: annex, security: controlled-area}
devices:
  - {id: hub, type: state-hub, site: hq}
  - {id: hq-sw, type: switch, site: hq}
  - {id: annex-ws, type: workstation, site: annex, authentication: advanced, password-policy: compliant, patching: managed}
links:
  - {id: hub-sw, a: hub, b: hq-sw, medium: ethernet}
  - {id: hq-annex, a: hq-sw, b: annex-ws, medium: fiber, encryption: {protocol: macsec, fips: "4021", standard: 140-3, bits: 256}}
`
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	before := write("before.yaml", base)
	renamed := write("renamed.yaml", strings.ReplaceAll(base, "hq-sw", "hq-core"))
	changed := write("changed.yaml", strings.Replace(base, "protocol: macsec", "protocol: none", 1))

	tests := []struct {
		name     string
		after    string
		code     int
		contains []string
	}{
		{"no change", before, 0, []string{"changes:\n  none", "introduced findings: 0"}},
		{"renamed device", renamed, 0, []string{"hq-core", "hq-sw"}},
		{"changed attribute", changed, 1, []string{"encryption.protocol", "macsec", "none", "unencrypted-exit"}},
		{"unreadable", filepath.Join(dir, "missing.yaml"), 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, "diff", "--date", "2026-11-15", before, tt.after)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, stderr)
			}
			for _, s := range tt.contains {
				if !strings.Contains(strings.ToLower(out), s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
		})
	}
}
