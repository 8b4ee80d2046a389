package pdfrepeat

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
	"golang.org/x/image/font/gofont/goregular"
)

var day = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)

// drawn is a one-page PDF with text, as canvas writes it.
func drawn(t *testing.T) []byte {
	t.Helper()
	fam := canvas.NewFontFamily("Go")
	if err := fam.LoadFont(goregular.TTF, 0, canvas.FontRegular); err != nil {
		t.Fatal(err)
	}
	c := canvas.New(100, 50)
	ctx := canvas.NewContext(c)
	ctx.DrawText(10, 30, canvas.NewTextLine(fam.Face(12, canvas.Black), "Repeatable", canvas.Left))
	var b bytes.Buffer
	p := pdf.New(&b, 100, 50, nil)
	p.SetInfo("title", "", "", "", "test")
	c.RenderTo(p)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fontPrograms returns the font programs the PDF embeds.
func fontPrograms(t *testing.T, b []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for _, m := range regexp.MustCompile(`(?s)<<([^>]*?)/Length (\d+)([^>]*?)>>stream\n`).FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[m[4]:m[5]]))
		zr, err := zlib.NewReader(bytes.NewReader(b[m[1] : m[1]+n]))
		if err != nil {
			continue
		}
		raw, err := io.ReadAll(zr)
		if err == nil && len(raw) > 4 && binary.BigEndian.Uint32(raw) == 0x00010000 {
			out = append(out, raw)
		}
	}
	return out
}

func TestFix(t *testing.T) {
	before := drawn(t)
	got, err := Fix(before, day)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte("/CreationDate (D:20261001000000Z)")) {
		t.Error("creation date not set")
	}
	fonts := fontPrograms(t, got)
	if len(fonts) != 1 {
		t.Fatalf("%d font programs, want 1", len(fonts))
	}
	f := fonts[0]
	if sum := checksum(f); sum != 0xB1B0AFBA {
		t.Errorf("font checksum %#x, want 0xB1B0AFBA", sum)
	}
	for i := 0; i < int(binary.BigEndian.Uint16(f[4:])); i++ {
		rec := f[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if string(rec[:4]) == "head" {
			secs := binary.BigEndian.Uint64(f[off+28:])
			if m := time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(secs) * time.Second); !m.Equal(day) {
				t.Errorf("head modified %v, want %v", m, day)
			}
			head := append([]byte(nil), f[off:off+(length+3)&^3]...)
			binary.BigEndian.PutUint32(head[8:], 0)
			if sum := checksum(head); sum != binary.BigEndian.Uint32(rec[4:]) {
				t.Errorf("head table checksum %#x, recorded %#x", sum, binary.BigEndian.Uint32(rec[4:]))
			}
		}
	}
	// Every xref entry points at its object.
	x := bytes.LastIndex(got, []byte("\nxref\n")) + 1
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(got)
	if m == nil || string(m[1]) != strconv.Itoa(x) {
		t.Fatalf("startxref %q, xref at %d", m, x)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(got[x:], -1)
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := strconv.Itoa(i+1) + " 0 obj\n"; !bytes.HasPrefix(got[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %.12q", i+1, got[off:])
		}
	}
	again, err := Fix(got, day)
	if err != nil || !bytes.Equal(again, got) {
		t.Errorf("Fix is not idempotent (%v)", err)
	}
}

// TestRepeatable: two drawings a second apart, once fixed, are the same.
func TestRepeatable(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: waits a second for the clock")
	}
	a := drawn(t)
	time.Sleep(1100 * time.Millisecond)
	b := drawn(t)
	if bytes.Equal(a, b) {
		t.Log("the writer's output did not change with the clock")
	}
	fa, err := Fix(a, day)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := Fix(b, day)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fa, fb) {
		t.Error("fixed PDFs differ")
	}
}

func TestFixErrors(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"not a PDF", "hello"},
		{"no objects", "%PDF-1.7\nxref\n0 1\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n"},
		{"no endobj", "%PDF-1.7\n1 0 obj\n<<>>\nxref\n0 1\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n"},
	} {
		if _, err := Fix([]byte(tc.in), day); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// FuzzFix: Fix never panics, and what it returns it returns again.
func FuzzFix(f *testing.F) {
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2>>\nstartxref\n30\n%%EOF\n"))
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<</Length 3/Filter/FlateDecode>>stream\nabc\nendstream\nendobj\nxref\ntrailer\n<<>>\nstartxref\n0\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := Fix(in, day)
		if err != nil {
			return
		}
		again, err := Fix(out, day)
		if err != nil {
			t.Fatalf("Fix of its own output: %v", err)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("Fix is not idempotent on %q", in)
		}
	})
}
