package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netreview/netreview/internal/golden"
)

var update = flag.Bool("update", false, "rewrite docs/diagrams from the samples")

// TestDiagramsAreCurrent renders the samples' diagrams that docs/diagrams
// holds for people to look at, and compares them byte for byte: when the
// drawing changes, run with -update and review the pictures.
func TestDiagramsAreCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out twelve diagrams")
	}
	all, err := filepath.Glob(filepath.Join(repo, "samples", "*.yaml"))
	if err != nil || len(all) < 5 {
		t.Fatalf("samples: %v %v", all, err)
	}
	backbone := sample("backbone.yaml")
	tests := []struct {
		name string
		args []string
	}{
		{"backbone", []string{backbone}},
		{"riverbend-pd", []string{backbone, sample("riverbend-pd.yaml")}},
		{"cedar-county-so", []string{backbone, sample("cedar-county-so.yaml")}},
		{"bayview-pd-fleet", []string{backbone, sample("bayview-pd-fleet.yaml")}},
		{"tri-county-dispatch", []string{backbone, sample("tri-county-dispatch.yaml")}},
		{"riverbend-pd-F3", []string{"--finding", "3", backbone, sample("riverbend-pd.yaml")}},
		{"statewide", all},
		{"statewide-sites", append([]string{"--view", "sites"}, all...)},
		{"statewide-agencies", append([]string{"--view", "agencies"}, all...)},
		{"statewide-counties", append([]string{"--view", "counties"}, all...)},
		{"riverbend-pd-slide", []string{"--page", "slide", "--no-table", backbone, sample("riverbend-pd.yaml")}},
		{"riverbend-pd-letter", []string{"--page", "letter", backbone, sample("riverbend-pd.yaml")}},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, tt.name+".svg")
			args := append([]string{"render", "--date", "2026-11-22", "-o", out}, tt.args...)
			if code, _, stderr := runCLI(t, args...); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), "FOR OFFICIAL USE ONLY") {
				t.Errorf("%s has no marking", tt.name)
			}
			// When this fails, run with -update and look at the pictures.
			golden.Check(t, filepath.Join(repo, "docs", "diagrams", tt.name+".svg"), got, *update)
		})
	}
}
