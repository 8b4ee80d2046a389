package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/netreview/netreview/topology/load"
)

func TestGenerateCmd(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		file string // the output, or "" for stdout
	}{
		{"YAML on stdout", []string{"generate", "--agencies", "12", "--seed", "4"}, ""},
		{"YAML file", []string{"generate", "--agencies", "12", "--seed", "4", "-o", filepath.Join(dir, "s.yaml")}, filepath.Join(dir, "s.yaml")},
		{"compact JSON", []string{"generate", "--agencies", "12", "--seed", "4", "-o", filepath.Join(dir, "s.json")}, filepath.Join(dir, "s.json")},
		{"indented JSON", []string{"generate", "--agencies", "12", "--seed", "4", "--indent", "-o", filepath.Join(dir, "i.json")}, filepath.Join(dir, "i.json")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read := func() []byte {
				code, stdout, stderr := runCLI(t, tt.args...)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				if stderr != "" {
					t.Errorf("stderr is not a terminal, yet holds %q", stderr)
				}
				if tt.file == "" {
					return []byte(stdout)
				}
				data, err := os.ReadFile(tt.file)
				if err != nil {
					t.Fatal(err)
				}
				return data
			}
			first := read()
			if again := read(); !bytes.Equal(first, again) {
				t.Errorf("two runs with one seed differ")
			}
			path := tt.file
			if path == "" {
				path = filepath.Join(t.TempDir(), "stdout.yaml")
				if err := os.WriteFile(path, first, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if filepath.Ext(path) == ".json" {
				lines := bytes.Count(first, []byte("\n"))
				if indented := tt.name == "indented JSON"; indented != (lines > 1) {
					t.Errorf("%d lines of JSON; want indented=%v", lines, indented)
				}
				if !json.Valid(first) {
					t.Errorf("invalid JSON")
				}
			}
			m, _, err := load.Files([]string{path})
			if err != nil {
				t.Fatalf("the output does not load: %v", err)
			}
			if len(m.Devices) < 12*5 {
				t.Errorf("%d devices for 12 agencies", len(m.Devices))
			}
			if code, _, stderr := runCLI(t, "check", "--fail-on", "none", "--date", "2026-11-15", path); code != 0 {
				t.Errorf("check: exit %d: %s", code, stderr)
			}
		})
	}
}

func TestGenerateCmdErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no agencies", []string{"generate", "--agencies", "0"}},
		{"unwritable output", []string{"generate", "--agencies", "1", "-o", filepath.Join(t.TempDir(), "no", "such", "dir.json")}},
		{"argument", []string{"generate", "extra"}},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != exitInput {
			t.Errorf("%s: exit %d, want %d; stderr: %s", tt.name, code, exitInput, stderr)
		}
	}
}
