package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDrawings runs the commands on drawings: render -o x.drawio writes the
// reviewed diagram, check, diff and convert read it like any proposal, and
// hostile or broken drawings end with status 2 and a message at the file.
func TestDrawings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	drawn := filepath.Join(dir, "riverbend.drawio")
	if code, _, stderr := runCLI(t, "render", "--date", "2026-11-15", sample("backbone.yaml"), sample("drawio/riverbend-pd.drawio"), "-o", drawn); code != 0 {
		t.Fatalf("render -o x.drawio: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "check", "--date", "2026-11-15", drawn)
	if code != 1 || !strings.Contains(stdout, drawn+"#Riverbend Police Department!device:rpd-ws") {
		t.Errorf("check x.drawio: exit %d, want 1 and places in the drawing:\n%s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := runCLI(t, "diff", sample("backbone.yaml")+","+sample("riverbend-pd.yaml"), drawn); code != 0 || !strings.Contains(stdout, "Changes:\n  none") {
		t.Errorf("diff YAML drawing: exit %d:\n%s%s", code, stdout, stderr)
	}
	xlsx := filepath.Join(dir, "lan.xlsx")
	if code, _, stderr := runCLI(t, "convert", sample("drawio/riverbend-pd.drawio"), "-o", xlsx); code != 0 {
		t.Errorf("convert x.drawio -o x.xlsx: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "render", "--view", "sites", sample("backbone.yaml"), "-o", filepath.Join(dir, "x.drawio")); code != 2 || !strings.Contains(stderr, "--view") {
		t.Errorf("render --view sites -o x.drawio: exit %d: %s", code, stderr)
	}

	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("visio/pages/pages.xml")
	w.Write(make([]byte, 70<<20))
	zw.Close()
	bad := map[string]string{
		"laughs.drawio": `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0" value="&b;"/></root></mxGraphModel></diagram></mxfile>`,
		"cut.drawio":    `<mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="2" val`,
		"bomb.vsdx":     zb.String(),
		"old.vsd":       "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
	}
	for name, data := range bad {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runCLI(t, "check", path)
		if code != 2 || !strings.HasPrefix(stderr, path+": ") || stdout != "" || strings.Contains(stderr, "goroutine") {
			t.Errorf("check %s: exit %d, want 2 and one message at the file:\n%s%s", name, code, stdout, stderr)
		}
	}
}
