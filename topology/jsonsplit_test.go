package topology

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// splitSame fails t unless decoding src in pieces (of at least least
// bytes, up to pieces of them) gives exactly the model and the errors
// that one parser gives. It reports whether the lists were cut.
func splitSame(t *testing.T, src string, least, pieces int) {
	t.Helper()
	m1, err1 := decode("s.json", []byte(src), true, 0, 1)
	m2, err2 := decode("s.json", []byte(src), true, least, pieces)
	if !reflect.DeepEqual(err1, err2) {
		t.Fatalf("%.300q\nin %d pieces: errors\n%v\none parser:\n%v", src, pieces, err2, err1)
	}
	if !reflect.DeepEqual(m1, m2) {
		t.Fatalf("%.300q\nin %d pieces: a different model (%d devices, %d links; one parser %d, %d)", src, pieces, len(m2.Devices), len(m2.Links), len(m1.Devices), len(m1.Links))
	}
}

// TestDecodeInPieces holds decoding lists in pieces side by side to one
// parser: the same model, places included, and the same errors, for
// indented and compact JSON, multi-byte text before and in the pieces,
// cuts that fall in strings looking like boundaries, and syntax and
// field errors in every piece.
func TestDecodeInPieces(t *testing.T) {
	big := string(bigModel(400, true))
	compact := strings.NewReplacer("\n", "", "  ", "").Replace(big)
	tests := map[string]string{
		"indented":                         big,
		"compact":                          compact,
		"bom":                              "\uFEFF" + compact,
		"multibyte":                        strings.ReplaceAll(big, "Device number", "Gerät № ¹²"),
		"compact multibyte":                strings.ReplaceAll(compact, "Device number", "Gerät № ¹²"),
		"look-alike boundaries in strings": strings.ReplaceAll(compact, `"name":"Device number`, `"name":"}, {\"x\"}, {\"id\": \"y\"} },{ number`),
		"field errors":                     strings.ReplaceAll(big, `"type": "router"`, `"tpye": "router"`),
		"bad value late":                   strings.Replace(compact, `"d390"`, `["d390"]`, 1),
		"syntax error late":                strings.Replace(compact, `"l390"`, `"l390`, 1),
		"syntax error early":               strings.Replace(compact, `"d3"`, `"d3"]`, 1),
		"raw newline in a string":          strings.Replace(compact, `Device number 200`, "Device\nnumber 200", 1),
		"not objects":                      `{"netreview": 1, "devices": [` + strings.Repeat(`"a", `, 300) + `"b"]}`,
		"unclosed list":                    compact[:len(compact)*3/4],
		"trailing comma":                   strings.Replace(compact, `}],"links"`, `},],"links"`, 1),
	}
	pieceCounts, leasts := []int{2, 3, 7}, []int{64, 1000, 20000}
	if testing.Short() {
		pieceCounts, leasts = []int{2, 7}, []int{64, 20000}
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			for _, pieces := range pieceCounts {
				for _, least := range leasts {
					splitSame(t, src, least, pieces)
				}
			}
		})
	}
}

// TestDecodeInPiecesCuts checks that the pieces are cut, and where.
func TestDecodeInPiecesCuts(t *testing.T) {
	src := []byte(string(bigModel(400, true)))
	var cuts int
	d := &decoder{file: "s.json"}
	doc, m := &Document{}, &Model{}
	fork := d.fork(doc, m)
	sp := &jsonSplit{least: 1000, pieces: 3, fork: func() streamPart { cuts++; return fork() }}
	serial := func(key string, n *yaml.Node) {
		if key != "sites" { // one site: too short to cut
			t.Fatalf("an element of %s went to the one parser", key)
		}
		d.element(key, n, doc, m)
	}
	if _, _, err := parseJSONStream("s.json", src, serial, sp); err != nil {
		t.Fatal(err)
	}
	if cuts != 6 { // devices and links, three pieces each
		t.Errorf("%d pieces, want 3 for each of 2 lists", cuts)
	}
	if len(m.Devices) != 400 || len(m.Links) != 399 {
		t.Errorf("%d devices and %d links, want 400 and 399", len(m.Devices), len(m.Links))
	}
	for i, dev := range m.Devices {
		if want := fmt.Sprintf("d%d", i); dev.ID != want {
			t.Fatalf("device %d is %s, want %s: pieces joined out of order", i, dev.ID, want)
		}
	}
}

func FuzzDecodeInPieces(f *testing.F) {
	f.Add(`{"netreview": 1, "devices": [{"id": "a"}, {"id": "b", "name": "}, {"}, {"id": "c"}], "links": [{"id": "l"}, {"id": "m"}]}`, 8)
	f.Add(`{"devices": [{"id": "a"},{"id": "b"} ,	{"id": "\"}, {"}, {"x": [1, {"y": "}"}]}]}`, 4)
	f.Add(string(bigModel(20, true)), 100)
	f.Fuzz(func(t *testing.T, src string, least int) {
		if least < 1 || least > 1<<16 {
			return
		}
		for _, pieces := range []int{2, 5} {
			splitSame(t, src, least, pieces)
		}
	})
}

func TestContinuationBytes(t *testing.T) {
	for _, s := range []string{"", "a", "é", "abcdefghé", "Gerät № ¹² and more text after it, Gerät", "\xff\x80\xbf\xc0\x7f", strings.Repeat("€x", 37), strings.Repeat("a", 40) + "é" + strings.Repeat("b", 100) + "¹"} {
		want := 0
		for i := 0; i < len(s); i++ {
			if s[i]&0xC0 == 0x80 {
				want++
			}
		}
		if got := continuationBytes([]byte(s)); got != want {
			t.Errorf("continuationBytes(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestLastNewline(t *testing.T) {
	for _, s := range []string{"", "a", "\n", "a\nb", strings.Repeat("x", 10000), "\n" + strings.Repeat("x", 10000), strings.Repeat("x", 5000) + "\n" + strings.Repeat("x", 4096), strings.Repeat("x\n", 3000)} {
		if got, want := lastNewline([]byte(s)), strings.LastIndexByte(s, '\n'); got != want {
			t.Errorf("lastNewline of %d bytes = %d, want %d", len(s), got, want)
		}
	}
}

// TestScanLists checks the ends found ahead of the parser against the
// lists' ends, and that an odd document only stops the scan.
func TestScanLists(t *testing.T) {
	src := strings.Replace(string(bigModel(50, true)), `"netreview": 1,`, `"netreview": 1, "x": -1.5e3, "y": true, "z": {"a": ["]"]}, "w": "[\"]",`, 1)
	l := scanLists([]byte(src), 0)
	for _, key := range []string{"sites", "devices", "links"} {
		open := strings.Index(src, `"`+key+`": [`) + len(`"`+key+`": [`)
		first := skipBlanks([]byte(src), open, len(src))
		want, _ := skipList([]byte(src), first)
		if got, ok := l.end(first); !ok || got != want {
			t.Errorf("%s: end %d, %v; want %d", key, got, ok, want)
		}
	}
	if _, ok := l.end(len(src) - 1); ok {
		t.Error("an end found where no list starts")
	}
	for _, odd := range []string{`{`, `{"a"`, `{"a": [1, 2`, `{"a": {"b": ]}`, `{"a" 1}`, `{"a": 1 "b": [2]}`, `{"a": "x`} {
		l := scanLists([]byte(odd), 0)
		if _, ok := l.end(len(odd)); ok { // waits for the scan to end
			t.Errorf("%q: an end found", odd)
		}
	}
}
