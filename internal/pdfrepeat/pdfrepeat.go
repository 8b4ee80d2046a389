// Package pdfrepeat makes a PDF written by tdewolff/canvas repeatable: the
// same drawing gives the same bytes. The writer takes two things from the
// clock: the document's creation date, and the modification time in the
// `head` table of every font program it embeds. Fix sets both to a given
// day, recompresses the font programs and rewrites the cross-reference
// table.
//
// It reads the layout canvas writes (numbered objects one after another,
// streams with a direct /Length, one classic xref table and trailer), not
// PDF in general: for anything else it returns an error and the caller
// keeps the PDF as it is.
package pdfrepeat

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"time"
)

var (
	objStart     = regexp.MustCompile(`(?m)^(\d+) 0 obj\n`)
	streamLength = regexp.MustCompile(`/Length (\d+)`)
	creationDate = regexp.MustCompile(`/CreationDate ?\(D:[^)]*\)`)
)

// Fix returns pdf with its creation date and its fonts' modification times
// set to day (midnight UTC).
func Fix(pdf []byte, day time.Time) ([]byte, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	trailer := bytes.LastIndex(pdf, []byte("trailer\n"))
	startxref := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if xref < 0 || trailer < xref || startxref < trailer {
		return nil, errors.New("pdfrepeat: no xref table and trailer")
	}
	first := objStart.FindIndex(pdf[:xref+1])
	if first == nil {
		return nil, errors.New("pdfrepeat: no objects")
	}
	var out bytes.Buffer
	out.Write(pdf[:first[0]])
	offsets := map[int]int{}
	maxObj := 0
	for pos := first[0]; pos <= xref; {
		m := objStart.FindSubmatchIndex(pdf[pos : xref+1])
		if m == nil || m[0] != 0 {
			return nil, fmt.Errorf("pdfrepeat: no object at offset %d", pos)
		}
		n, _ := strconv.Atoi(string(pdf[pos+m[2] : pos+m[3]]))
		end, err := objectEnd(pdf[:xref+1], pos)
		if err != nil {
			return nil, fmt.Errorf("pdfrepeat: object %d: %w", n, err)
		}
		obj, err := fixObject(pdf[pos:end], day)
		if err != nil {
			return nil, fmt.Errorf("pdfrepeat: object %d: %w", n, err)
		}
		offsets[n] = out.Len()
		maxObj = max(maxObj, n)
		out.Write(obj)
		pos = end
	}
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", maxObj+1)
	for n := 1; n <= maxObj; n++ {
		off, ok := offsets[n]
		if !ok {
			return nil, fmt.Errorf("pdfrepeat: object %d missing", n)
		}
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	out.Write(pdf[trailer:startxref])
	fmt.Fprintf(&out, "\nstartxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

// objectEnd returns the offset just after the object that starts at pos
// ("endobj" and its line end), skipping its stream's data by its length.
func objectEnd(pdf []byte, pos int) (int, error) {
	from := pos
	if s := bytes.Index(pdf[pos:], []byte(">>stream\n")); s >= 0 {
		e := bytes.Index(pdf[pos:], []byte("endobj"))
		if e < 0 || s < e { // the stream is this object's
			m := streamLength.FindSubmatch(pdf[pos : pos+s+2])
			if m == nil {
				return 0, errors.New("stream without a direct /Length")
			}
			n, err := strconv.Atoi(string(m[1]))
			from = pos + s + len(">>stream\n") + n
			if err != nil || from > len(pdf) {
				return 0, errors.New("stream longer than the file")
			}
		}
	}
	e := bytes.Index(pdf[from:], []byte("endobj\n"))
	if e < 0 {
		return 0, errors.New("no endobj")
	}
	return from + e + len("endobj\n"), nil
}

// fixObject returns one object, its text up to the next object, with the
// creation date set, or its stream fixed when it is a font program.
func fixObject(obj []byte, day time.Time) ([]byte, error) {
	obj = creationDate.ReplaceAll(obj, []byte("/CreationDate (D:"+day.UTC().Format("20060102")+"000000Z)"))
	s := bytes.Index(obj, []byte(">>stream\n"))
	if s < 0 {
		return obj, nil
	}
	dict := obj[:s+2]
	m := streamLength.FindSubmatchIndex(dict)
	if m == nil || !bytes.Contains(dict, []byte("/FlateDecode")) {
		return obj, nil
	}
	n, err := strconv.Atoi(string(dict[m[2]:m[3]]))
	data := s + len(">>stream\n")
	if err != nil || data+n > len(obj) {
		return nil, errors.New("stream longer than the object")
	}
	zr, err := zlib.NewReader(bytes.NewReader(obj[data : data+n]))
	if err != nil {
		return obj, nil // not zlib data: leave it
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return obj, nil
	}
	if !fixFont(raw, day) {
		return obj, nil
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw) //nolint:errcheck // a bytes.Buffer does not fail
	zw.Close()
	var b bytes.Buffer
	b.Write(dict[:m[2]])
	b.WriteString(strconv.Itoa(z.Len()))
	b.Write(dict[m[3]:])
	b.WriteString("stream\n")
	b.Write(z.Bytes())
	b.Write(obj[data+n:])
	return b.Bytes(), nil
}

// fixFont sets the modification time in the head table of a TrueType or
// OpenType font program, and the checksums that cover it; it reports
// whether font was one.
func fixFont(font []byte, day time.Time) bool {
	if len(font) < 12 {
		return false
	}
	switch v := binary.BigEndian.Uint32(font); v {
	case 0x00010000, 0x4F54544F, 0x74727565: // 1.0, "OTTO", "true"
	default:
		return false
	}
	tables := int(binary.BigEndian.Uint16(font[4:]))
	if 12+16*tables > len(font) {
		return false
	}
	for i := 0; i < tables; i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) != "head" {
			continue
		}
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if length < 54 || off+length > len(font) {
			return false
		}
		head := font[off : off+length]
		secs := day.UTC().Sub(time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)) / time.Second
		binary.BigEndian.PutUint64(head[28:], uint64(secs))
		binary.BigEndian.PutUint32(head[8:], 0) // checksumAdjustment, recomputed below
		binary.BigEndian.PutUint32(rec[4:], checksum(font[off:min(len(font), off+(length+3)&^3)]))
		binary.BigEndian.PutUint32(head[8:], 0xB1B0AFBA-checksum(font))
		return true
	}
	return false
}

// checksum is the sfnt checksum: the sum of the big-endian 32-bit words,
// the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
