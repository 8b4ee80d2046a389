package topology

import (
	"bytes"
	"strings"
	"testing"
)

func TestFieldPos(t *testing.T) {
	at := func(line, col int) Pos { return Pos{File: "a.yaml", Line: line, Col: col} }
	cell := Pos{File: "w.xlsx", Sheet: "Devices", Cell: "C7"}
	other := Pos{File: "b.yaml", Line: 3, Col: 4}
	tests := []struct {
		name string
		set  []struct {
			field string
			at    Pos
		}
		want map[string]Pos // and every other field absent
	}{
		{"empty", nil, map[string]Pos{}},
		{"fields, list items, nested", []struct {
			field string
			at    Pos
		}{{"id", at(2, 5)}, {"risks[1]", at(4, 9)}, {"encryption.bits", at(7, 11)}},
			map[string]Pos{"id": at(2, 5), "risks[1]": at(4, 9), "encryption.bits": at(7, 11)}},
		{"set again replaces", []struct {
			field string
			at    Pos
		}{{"id", at(2, 5)}, {"type", at(3, 5)}, {"id", at(9, 1)}},
			map[string]Pos{"id": at(9, 1), "type": at(3, 5)}},
		{"a cell, another file, names without a number", []struct {
			field string
			at    Pos
		}{{"id", at(2, 5)}, {"type", cell}, {"site", other}, {"risks[40]", at(5, 6)}, {"not-a-field", at(6, 7)}},
			map[string]Pos{"id": at(2, 5), "type": cell, "site": other, "risks[40]": at(5, 6), "not-a-field": at(6, 7)}},
		{"a cell replaced by a line", []struct {
			field string
			at    Pos
		}{{"type", cell}, {"type", at(8, 2)}},
			map[string]Pos{"type": at(8, 2)}},
		{"a line replaced by a cell", []struct {
			field string
			at    Pos
		}{{"type", at(8, 2)}, {"type", cell}},
			map[string]Pos{"type": cell}},
		{"the file of the first place", []struct {
			field string
			at    Pos
		}{{"id", other}, {"type", at(1, 1)}},
			map[string]Pos{"id": other, "type": at(1, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fp := NewFieldPos(1)
			for _, s := range tt.set {
				fp.Set(s.field, s.at)
			}
			if fp.count() != len(tt.want) {
				t.Errorf("count() = %d, want %d", fp.count(), len(tt.want))
			}
			def := Pos{File: "default"}
			for field, want := range tt.want {
				if got, ok := fp.lookup(field); !ok || got != want {
					t.Errorf("lookup(%q) = %v, %v; want %v", field, got, ok, want)
				}
				if got := fp.Of(field, def); got != want {
					t.Errorf("Of(%q) = %v, want %v", field, got, want)
				}
			}
			for _, field := range []string{"id", "type", "site", "name", "risks[0]", "encryption"} {
				if _, given := tt.want[field]; given {
					continue
				}
				if fp.has(field) || fp.Of(field, def) != def {
					t.Errorf("%q is recorded, want it absent", field)
				}
			}
		})
	}
}

func TestFieldPosZero(t *testing.T) {
	var fp FieldPos
	def := Pos{File: "x", Line: 1}
	if fp.has("id") || fp.Of("id", def) != def || fp.count() != 0 {
		t.Error("the zero FieldPos holds a place")
	}
	defer func() {
		if recover() == nil {
			t.Error("Set on the zero FieldPos did not panic")
		}
	}()
	fp.Set("id", def)
}

// TestFieldPosShared checks that copies of a FieldPos share its places, as
// copies of a map do (an element and its loader hold the same one).
func TestFieldPosShared(t *testing.T) {
	fp := NewFieldPos(0)
	c := fp
	c.Set("id", Pos{File: "f", Line: 2, Col: 3})
	if got := fp.Of("id", Pos{}); got != (Pos{File: "f", Line: 2, Col: 3}) {
		t.Errorf("the copy's place is not the original's: %v", got)
	}
}

// TestDecodedLists checks that the lists of strings carved from one block
// for a file are apart: appending to one leaves the next as it was.
func TestDecodedLists(t *testing.T) {
	for _, path := range []string{"l.yaml", "l.json"} {
		src := header + "devices:\n  - {id: a, type: server, site: s, zones: [z1, z2], risks: [r1]}\n  - {id: b, type: server, site: s, zone: z3, risks: []}\n  - {id: c, type: server, site: s, zone: z4}\n"
		if strings.HasSuffix(path, ".json") {
			src = `{"netreview": 1, "agency": {"name": "A"}, "devices": [` +
				`{"id": "a", "type": "server", "site": "s", "zones": ["z1", "z2"], "risks": ["r1"]},` +
				`{"id": "b", "type": "server", "site": "s", "zone": "z3", "risks": []},` +
				`{"id": "c", "type": "server", "site": "s", "zone": "z4"}]}`
		}
		m, err := Decode(path, []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		a, b, c := m.Devices[0], m.Devices[1], m.Devices[2]
		_ = append(a.Zones, "x")
		_ = append(a.Risks, "x")
		_ = append(b.Zones, "x")
		if strings.Join(a.Risks, ",") != "r1" || strings.Join(b.Zones, ",") != "z3" || strings.Join(c.Zones, ",") != "z4" {
			t.Errorf("%s: appending to one list changed another: %q %q %q", path, a.Risks, b.Zones, c.Zones)
		}
		if b.Risks == nil || len(b.Risks) != 0 {
			t.Errorf("%s: risks: [] is %#v, want an empty list", path, b.Risks)
		}
		if got := b.FieldPos.Of("zones[0]", Pos{}); got.Line == 0 {
			t.Errorf("%s: no place for zones[0] of zone", path)
		}
	}
}

// TestDecodeOwnsText checks that a decoded model keeps nothing of the
// caller's bytes: changing them after Decode changes no value.
func TestDecodeOwnsText(t *testing.T) {
	src := []byte(`{"netreview": 1, "agency": {"name": "A"}, "sites": [{"id": "hq", "security": "physically-secure"}]}`)
	m, err := Decode("o.json", src)
	if err != nil {
		t.Fatal(err)
	}
	copy(src, bytes.Repeat([]byte("x"), len(src)))
	if got := m.Sites[0].ID + " " + string(m.Sites[0].Security) + " " + m.Docs[0].Agency.Name; got != "hq physically-secure A" {
		t.Errorf("after the input changed, the model holds %q", got)
	}
}

// TestValidateIndexes checks that Validate sees elements added to the
// lists after Merge, and what Reindex was told of after a change in place.
func TestValidateIndexes(t *testing.T) {
	src := header + "sites:\n  - {id: hq, security: physically-secure}\ndevices:\n  - {id: r1, type: router, site: hq}\n  - {id: r2, type: router, site: hq}\n"
	load := func() *Model {
		f, err := Decode("v.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		m := Merge(f)
		if err := Validate(m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	m := load()
	m.Devices = append(m.Devices, &Device{ID: "r1", Type: Router, Site: "hq", Zones: []string{defaultZoneID}, Pos: Pos{File: "v.yaml", Line: 20}})
	assertError(t, Validate(m), `duplicate device id "r1"`, "v.yaml:20")
	if m.Device("r1") != m.Devices[0] {
		t.Error("the index does not hold the first r1")
	}

	m = load()
	m.Devices = m.Devices[:1]
	if err := Validate(m); err != nil {
		t.Fatal(err)
	}
	if m.Device("r2") != nil {
		t.Error("the index still holds r2, which the list no longer does")
	}

	m = load()
	m.Devices[1].ID = "r1"
	m.Reindex()
	assertError(t, Validate(m), `duplicate device id "r1"`, "v.yaml:9:6")
}

// FuzzPlainText checks the fast encoding check against the one that counts
// lines: both accept the same texts.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"netreview: 1\n", "a\tb\r\n", "caf\xc3\xa9 12345678", "\x7f", "bad \xe9 byte", "12345678\x01", "\xef\xbb\xbfx: 1", "€€€€€€€€"} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		if len(data) < 2 || data[0] == 0 || data[1] == 0 {
			return // checkEncoding takes those the slow way
		}
		slow := encodingError("f", data, isJSON) == nil
		if fast := plainText(data, isJSON); fast != slow {
			t.Errorf("plainText = %v, encodingError says %v", fast, slow)
		}
		// In pieces, cut anywhere, a character of several bytes too.
		for pieces := 2; pieces <= 5; pieces++ {
			if fast := plainTextSideBySide(data, isJSON, pieces, 1); fast != slow {
				t.Errorf("plainTextSideBySide in %d pieces = %v, encodingError says %v", pieces, fast, slow)
			}
		}
	})
}

// TestPlainTextSideBySide cuts texts with characters of two, three and
// four bytes at every place, and a bad byte or a control character in
// every piece: the pieces agree with the check in one piece.
func TestPlainTextSideBySide(t *testing.T) {
	good := "netreview: 1 # café, 東京, 🚓 €\n"
	for _, text := range []string{good, strings.Repeat(good, 7), strings.Repeat("é", 40), strings.Repeat("🚓", 25)} {
		for least := 1; least <= len(text); least++ {
			for pieces := 2; pieces <= 6; pieces++ {
				if !plainTextSideBySide([]byte(text), false, pieces, least) {
					t.Fatalf("%q in %d pieces of %d bytes or more: not plain text", text, pieces, least)
				}
			}
		}
		for i := range len(text) {
			for _, bad := range []byte{0x01, 0xFF, 0x80} {
				data := []byte(text)
				data[i] = bad
				want := encodingError("f", data, false) == nil
				for pieces := 2; pieces <= 6; pieces++ {
					if got := plainTextSideBySide(data, false, pieces, 1); got != want {
						t.Fatalf("%q in %d pieces: plain text %v, want %v", data, pieces, got, want)
					}
				}
			}
		}
	}
}

// TestFieldPosPacking records places at the edges of what a packed place
// holds, and past them, in the file and in another: each comes back as it
// was set, and the ones past the edges are kept in full.
func TestFieldPosPacking(t *testing.T) {
	places := []Pos{
		{File: "a.json", Line: 1, Col: 1},
		{File: "a.json", Line: 1<<atLineBits - 1, Col: 1<<atColBits - 1},
		{File: "a.json", Line: 1 << atLineBits, Col: 7},
		{File: "a.json", Line: 3, Col: 1 << atColBits},
		{File: "a.json", Line: 1, Col: 57601560}, // a compact statewide file
		{File: "b.yaml", Line: 9, Col: 3},
		{File: "a.json", Sheet: "Devices", Cell: "F12"},
		{File: "a.json", Line: 0, Col: 0},
	}
	fields := []string{"id", "type", "site", "zones", "encryption.bits", "over[2]", "risks[0]", "over[40]"}
	fp := NewFieldPos(0)
	for i, field := range fields {
		fp.Set(field, places[i])
	}
	for i, field := range fields {
		if got, ok := fp.lookup(field); !ok || got != places[i] {
			t.Errorf("%s: got %v, %v; want %v", field, got, ok, places[i])
		}
	}
	packed := 0
	for _, p := range places {
		if _, ok := packAt(p.Line, p.Col, 0); ok && p.File == "a.json" && p.Sheet == "" {
			packed++
		}
	}
	if got := len(fp.p.at); got != packed-1 { // over[40] has no number
		t.Errorf("%d places packed, want %d", got, packed-1)
	}
	if fp.count() != len(fields) {
		t.Errorf("count = %d, want %d", fp.count(), len(fields))
	}
	fp.Set("over[40]", places[0])
	fp.Set("id", places[3])
	if got, _ := fp.lookup("over[40]"); got != places[0] {
		t.Errorf("over[40] set again: %v, want %v", got, places[0])
	}
	if got, _ := fp.lookup("id"); got != places[3] || fp.count() != len(fields) {
		t.Errorf("id set again: %v (count %d), want %v (%d)", got, fp.count(), places[3], len(fields))
	}
}
