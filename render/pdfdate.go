package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"time"
)

// tdewolff/canvas stamps two times of the run into a PDF: the creation
// date of its document information, and the "modified" time in the head
// table of each embedded font subset (tdewolff/font). repeatablePDF puts
// the review date in both, so that the same input and --date give the same
// bytes.

var (
	// pdfDate is the creation date canvas writes, in the local zone.
	pdfDate = regexp.MustCompile(`/CreationDate\(D:\d{14}(?:Z|[+-]\d{4})\)`)
	// pdfStream is a compressed stream as canvas writes it.
	pdfStream = regexp.MustCompile(`(?m)^(\d+) 0 obj\n<</Filter/FlateDecode/Length (\d+)>>stream\n`)
	// pdfObj is the start of an object.
	pdfObj = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)
)

// repeatablePDF returns pdf with the review date (midnight UTC) as its
// creation date and as the modified time of its embedded fonts, the
// streams and the cross-reference table rewritten to match. A PDF laid out
// otherwise than canvas writes it is returned with the creation date
// replaced only.
func repeatablePDF(pdf []byte, date time.Time) []byte {
	pdf = pdfCreationDate(pdf, date)
	out, err := fixFontTimes(pdf, date)
	if err != nil {
		return pdf
	}
	return out
}

// pdfCreationDate replaces the creation date with one as long (a zone
// offset such as "+0100" becomes "+0000"), so no offset moves.
func pdfCreationDate(pdf []byte, date time.Time) []byte {
	return pdfDate.ReplaceAllFunc(pdf, func(m []byte) []byte {
		d := "/CreationDate(D:" + date.UTC().Format("20060102") + "000000"
		if len(m) == len(d)+len("Z)") {
			return []byte(d + "Z)")
		}
		return []byte(d + "+0000)")
	})
}

// fixFontTimes sets the modified time of every embedded TrueType font to
// date and rewrites the cross-reference table.
func fixFontTimes(pdf []byte, date time.Time) ([]byte, error) {
	var out bytes.Buffer
	last := 0
	for _, m := range pdfStream.FindAllSubmatchIndex(pdf, -1) {
		n, err := strconv.Atoi(string(pdf[m[4]:m[5]]))
		if err != nil || m[1]+n > len(pdf) {
			return nil, fmt.Errorf("bad stream length")
		}
		data := pdf[m[1] : m[1]+n]
		font, ok := inflateFont(data)
		if !ok || !setFontModified(font, date) {
			continue
		}
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(font)
		zw.Close()
		out.Write(pdf[last:m[0]])
		fmt.Fprintf(&out, "%s 0 obj\n<</Filter/FlateDecode/Length %d>>stream\n", pdf[m[2]:m[3]], z.Len())
		out.Write(z.Bytes())
		last = m[1] + n
	}
	out.Write(pdf[last:])
	return rewriteXref(out.Bytes())
}

// inflateFont decompresses a stream and reports whether it is a TrueType
// font program.
func inflateFont(data []byte) ([]byte, bool) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, false
	}
	b, err := io.ReadAll(zr)
	if err != nil || len(b) < 12 || binary.BigEndian.Uint32(b) != 0x00010000 {
		return nil, false
	}
	return b, true
}

// setFontModified sets the head table's modified time of the font to date
// and mends the table's checksum and the font's checksum adjustment.
func setFontModified(font []byte, date time.Time) bool {
	tables := int(binary.BigEndian.Uint16(font[4:]))
	if len(font) < 12+16*tables {
		return false
	}
	for i := range tables {
		rec := font[12+16*i:]
		if string(rec[:4]) != "head" {
			continue
		}
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off+length > len(font) || length < 54 {
			return false
		}
		head := font[off : off+length]
		secs := date.UTC().Sub(time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)) / time.Second
		binary.BigEndian.PutUint64(head[28:], uint64(secs))
		binary.BigEndian.PutUint32(head[8:], 0)
		binary.BigEndian.PutUint32(rec[4:], fontChecksum(font[off:min(len(font), off+(length+3)&^3)]))
		binary.BigEndian.PutUint32(head[8:], 0xB1B0AFBA-fontChecksum(font))
		return true
	}
	return false
}

// fontChecksum is the TrueType checksum: the sum of big-endian 32-bit
// words, the last one padded with zeros.
func fontChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// rewriteXref rewrites the cross-reference table and startxref of a PDF
// with one section for objects 0..n-1, from where each object now starts.
func rewriteXref(pdf []byte) ([]byte, error) {
	x := bytes.LastIndex(pdf, []byte("\nxref\n"))
	t := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	s := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if x < 0 || t < x || s < t {
		return nil, fmt.Errorf("no cross-reference table")
	}
	var size int
	if _, err := fmt.Sscanf(string(pdf[x+len("\nxref\n"):]), "0 %d", &size); err != nil || size < 1 {
		return nil, fmt.Errorf("cross-reference table: %v", err)
	}
	offsets := make([]int, size)
	for _, m := range pdfObj.FindAllSubmatchIndex(pdf[:x], -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		if n <= 0 || n >= size {
			return nil, fmt.Errorf("object %d outside the table", n)
		}
		offsets[n] = m[0]
	}
	var out bytes.Buffer
	out.Write(pdf[:x+1])
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for _, off := range offsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	out.Write(pdf[t+1 : s+1])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", x+1)
	return out.Bytes(), nil
}
