package topology

import (
	"strings"
	"testing"
	"time"
)

// TestHostileInput feeds Decode broken and hostile files: each is an error
// at its place, quickly, never a partial read.
func TestHostileInput(t *testing.T) {
	nested := func(open, close string, n int) string {
		return header + "sites: " + strings.Repeat(open, n) + strings.Repeat(close, n-1) + "\n"
	}
	tests := []struct {
		name, file, src, want, at string
	}{
		{"UTF-16 JSON", "u.json", "\xff\xfe{\x00\"\x00n\x00", "UTF-16", "u.json:1:1"},
		{"UTF-16 JSON without BOM", "u.json", "{\x00\"\x00n\x00", "UTF-16", "u.json:1:1"},
		{"NUL in YAML", "n.yaml", header + "sites:\n  - id: a\x00b\n", "NUL byte", "n.yaml:6:10"},
		{"Latin-1 in YAML", "l.yaml", header + "sites:\n  - id: s\n    name: Caf\xe9 annex\n", "byte 0xE9 is not UTF-8", "l.yaml:7:14"},
		{"Latin-1 after UTF-8 on the line", "l.yaml", header + "sites:\n  - {id: é, name: \xe9}\n", "byte 0xE9 is not UTF-8", "l.yaml:6:19"},
		{"control character", "c.yaml", header + "sites:\n  - id: a\x1bb\n", "control character U+001B", "c.yaml:6:10"},
		{"count overflow", "o.yaml", header + "devices:\n  - id: r\n    count: 9223372036854775807\n", "count 9223372036854775807 is too large: at most 1000000", "o.yaml:7:12"},
		{"count beyond int64", "o.yaml", header + "devices:\n  - id: r\n    count: 99999999999999999999\n", "too large", "o.yaml:7:12"},
		{"count overflow in JSON", "o.json", `{"netreview": 1, "devices": [{"id": "r", "count": 1000001}]}`, "too large", "o.json:1:51"},
		{"deep JSON", "d.json", `{"netreview": 1, "sites": ` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "}", "nesting deeper than 64", "d.json:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.file, []byte(tt.src))
			assertError(t, err, tt.want, tt.at)
		})
	}
	// Deep flow nesting with a syntax error: yaml/v3's place, at once,
	// without parsing it again with goccy/go-yaml.
	for _, src := range []string{nested("[", "]", 100000), nested("{a: ", "}", 50000)} {
		start := time.Now()
		_, err := Decode("deep.yaml", []byte(src))
		assertError(t, err, "", "deep.yaml:")
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("deeply nested YAML took %v", d)
		}
	}
}

// TestDecodeSeveralDocuments reads a YAML file of several documents as
// several files: a document each, with its own header and elements.
func TestDecodeSeveralDocuments(t *testing.T) {
	src := backbone + "---\n" + agency + "---\n"
	m, err := Decode("both.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Docs) != 2 || m.Docs[0].Agency.Name != "State DOJ" || m.Docs[1].Agency.Name != "Riverbend PD" {
		t.Fatalf("documents: %+v", m.Docs)
	}
	merged := Merge(m)
	if err := Validate(merged); err != nil {
		t.Fatal(err)
	}
	if d := merged.Device("rtr"); d == nil || d.Doc != m.Docs[1] || d.Pos.String() != "both.yaml:33:5" {
		t.Errorf("rtr = %+v", d)
	}
	if _, err := Decode("bad.yaml", []byte(backbone+"---\nnetreview: 1\nsites: 3\n")); err == nil || !strings.Contains(err.Error(), "bad.yaml:26:8: sites is \"3\", want a list") {
		t.Errorf("error in the second document: %v", err)
	}
	if _, err := Decode("e.yaml", []byte("---\n---\n")); err == nil || !strings.Contains(err.Error(), "empty document") {
		t.Errorf("empty documents: %v", err)
	}
}

func TestLowercaseORI(t *testing.T) {
	m, err := Decode("o.yaml", []byte(strings.Replace(header, "CA0420100", "ca0420100", 1)))
	if err != nil {
		t.Fatal(err)
	}
	assertError(t, Validate(Merge(m)), `ORI "ca0420100" must be 9 characters`, "o.yaml:4:3")
}
