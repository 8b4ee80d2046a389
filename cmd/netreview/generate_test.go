package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/netreview/netreview/topology/load"
)

func TestGenerateCmd(t *testing.T) {
	t.Parallel()
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
		{"split without a folder", []string{"generate", "--agencies", "1", "--split"}},
		{"bad format", []string{"generate", "--agencies", "1", "--format", "xml"}},
		{"unknown profile", []string{"generate", "--agencies", "1", "--profile", "messy"}},
		{"rate out of range", []string{"generate", "--agencies", "1", "--profile", "clean,unanswered=1.5"}},
		{"format against extension", []string{"generate", "--agencies", "1", "--format", "yaml", "-o", filepath.Join(t.TempDir(), "s.json")}},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != exitInput {
			t.Errorf("%s: exit %d, want %d; stderr: %s", tt.name, code, exitInput, stderr)
		}
	}
}

// TestGenerateSplit: --split writes the state and one file per agency, which
// load together into the same review as the single file.
func TestGenerateSplit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	if code, _, stderr := runCLI(t, "generate", "--agencies", "12", "--seed", "4", "--split", "--format", "json", "-o", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) != 13 {
		t.Fatalf("%d files (want the state and 12 agencies): %v %v", len(files), files, err)
	}
	if filepath.Base(files[0]) != "EX0000000.json" || filepath.Base(files[12]) != "state.json" {
		t.Errorf("files %v", files)
	}
	single := filepath.Join(t.TempDir(), "single.json")
	if code, _, stderr := runCLI(t, "generate", "--agencies", "12", "--seed", "4", "-o", single); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	findings := func(paths ...string) []string {
		args := append([]string{"check", "--format", "json", "--fail-on", "none", "--date", "2026-11-15"}, paths...)
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("check %v: exit %d: %s", paths, code, stderr)
		}
		var out struct {
			Findings []struct {
				Rule, Subject string
				Sites         []string
			}
		}
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatal(err)
		}
		var fs []string
		for _, f := range out.Findings {
			fs = append(fs, fmt.Sprint(f.Rule, " ", f.Subject, " ", f.Sites))
		}
		return fs
	}
	split, one := findings(files...), findings(single)
	if len(one) == 0 || !slices.Equal(split, one) {
		t.Errorf("split files give findings\n%v\nthe single file\n%v", split, one)
	}
	m, _, err := load.Files(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Docs) != 13 || m.Docs[0].Agency.ORI != "EX0000000" || m.Docs[0].Agency.Name == "" {
		t.Errorf("%d documents; the first is %+v", len(m.Docs), m.Docs[0].Agency)
	}
}
