package topology

import (
	"fmt"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// sameTree reports the first difference between two node trees in what the
// decoder reads: kind, tag, value, line, column and children.
func sameTree(a, b *yaml.Node, path string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column {
		return fmt.Errorf("%s: got kind %d tag %s value %q at %d:%d, yaml/v3 has kind %d tag %s value %q at %d:%d",
			path, a.Kind, a.Tag, a.Value, a.Line, a.Column, b.Kind, b.Tag, b.Value, b.Line, b.Column)
	}
	if len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: got %d children, yaml/v3 has %d", path, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if err := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// TestParseJSONAgreesWithYAML checks that the JSON parser builds the tree
// yaml/v3 builds for the same text, places included.
func TestParseJSONAgreesWithYAML(t *testing.T) {
	tests := []string{
		`{}`,
		`[]`,
		`{"a": 1, "b": [true, false, null], "c": {"d": "e"}}`,
		"{\n  \"netreview\": 1,\n  \"devices\": [\n    {\"id\": \"r1\", \"count\": 12, \"cji\": true},\n    {\"id\": \"sw\"}\n  ]\n}\n",
		`{"n": -3, "f": 1.5, "e": 2e10, "z": 0, "big": 123456789012}`,
		`{"s": "tab\tnew\nline \"q\" back\\slash \u00e9"}`,
		`{"name": "Bücherei — café", "after": "x"}`,
		"\r\n{\"a\":\r\n \"b\"}",
		`{"empty": "", "nested": [[], [{}], [[1]]]}`,
		`{"dup": 1, "dup": 2}`,
		`"just a string"`,
		`42`,
	}
	// Long strings, read eight bytes at a time until something needs a
	// look: an escape or a character of several bytes at every place,
	// and a key after them, whose column counts characters.
	for _, special := range []string{`\"`, `\\`, `\n`, `\u00e9`, "é", "—", "🚓"} {
		plain := "a00001-hq-router-wan-link-1"
		for i := range len(plain) + 1 {
			tests = append(tests, fmt.Sprintf(`{"s": "%s%s%s", "k": "v"}`, plain[:i], special, plain[i:]))
		}
	}
	for _, src := range tests {
		got, perr := parseJSON("t.json", []byte(src))
		if perr != nil {
			t.Errorf("%s: %v", src, perr)
			continue
		}
		var want yaml.Node
		if err := yaml.Unmarshal([]byte(src), &want); err != nil {
			t.Fatalf("%s: yaml/v3: %v", src, err)
		}
		if err := sameTree(got, &want, ""); err != nil {
			t.Errorf("%s\n%v", src, err)
		}
	}
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		src, want, at string
	}{
		{`{"a": 1,}`, "want a quoted key", "e.json:1:9"},
		{`{"a" 1}`, "want ':'", "e.json:1:6"},
		{"{\"a\": 1\n \"b\": 2}", "want ',' or '}'", "e.json:2:2"},
		{`[1, 2`, "want ',' or ']'", "e.json:1:6"},
		{`[1 2]`, "want ',' or ']'", "e.json:1:4"},
		{`{"a": tru}`, "want a value", "e.json:1:7"},
		{`{"a": 01}`, "malformed number", "e.json:1:7"},
		{`{"a": -}`, "malformed number", "e.json:1:8"},
		{`{"a": 1.}`, "malformed number", "e.json:1:9"},
		{`{"a": "x`, "unterminated string", "e.json:1:9"},
		{"{\"a\": \"x\ny\"}", "control character", "e.json:1:9"},
		{`{"a": "\q"}`, "unknown escape", "e.json:1:10"},
		{`{"a": "\u12"}`, "malformed \\u escape", "e.json:1:12"},
		{`{"é": 1} x`, "after the top-level value", "e.json:1:10"},
		{`{"a": 1} // note`, "after the top-level value", "e.json:1:10"},
		{"{\"a\": \"\xff\"}", "invalid UTF-8", "e.json:1:8"},
		{strings.Repeat("[", maxJSONDepth+2), "nesting deeper", "e.json:1:"},
		{`{`, "want a quoted key", "e.json:1:2"},
		{"{\"a\": \"abcdefghijklmnopq\ty\"}", "control character", "e.json:1:25"},
		{"{\"a\": \"abcdefghijklmnopq\xffy\"}", "invalid UTF-8", "e.json:1:25"},
		{`{"a": "abcdefghijklmnopqrstuvwxyz`, "unterminated string", "e.json:1:34"},
	}
	for _, tt := range tests {
		_, err := parseJSON("e.json", []byte(tt.src))
		if err == nil {
			t.Errorf("%q: no error, want %q", tt.src, tt.want)
			continue
		}
		if !strings.Contains(err.Msg, tt.want) || !strings.HasPrefix(err.Pos.String(), tt.at) {
			t.Errorf("%q: got %v, want %q at %s", tt.src, err, tt.want, tt.at)
		}
	}
}

// TestParseJSONSurrogates checks UTF-16 surrogate pairs, which yaml/v3
// rejects but JSON allows.
func TestParseJSONSurrogates(t *testing.T) {
	n, err := parseJSON("s.json", []byte(`{"s": "\ud83d\ude00 \ud800"}`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := n.Content[0].Content[1].Value, "\U0001F600 \uFFFD"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseJSONEmpty(t *testing.T) {
	for _, src := range []string{"", "  \n\t", "\xEF\xBB\xBF"} {
		n, err := parseJSON("e.json", []byte(src))
		if err != nil || n.Kind != 0 {
			t.Errorf("%q: got kind %d, %v; want an empty tree", src, n.Kind, err)
		}
	}
}

// FuzzParseJSON checks that the parser never panics, on any input.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a": [1, "b", null]}`, `[{"x": "\u00e9"}]`, `{"a":1,}`, `"\ud800"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, _ = parseJSON("f.json", []byte(src))
	})
}
