package draw

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tdewolff/font"

	"github.com/netreview/netreview/render"
)

// svgDoc is one SVG document from Graphviz: the inside of its root element
// and its viewBox.
type svgDoc struct {
	body    []byte
	viewBox string
	w, h    float64
}

var viewBoxAttr = regexp.MustCompile(`\sviewBox="([^"]*)"`)

// parseSVG takes Graphviz's SVG document apart.
func parseSVG(b []byte, what string) (*svgDoc, error) {
	i := bytes.Index(b, []byte("<svg"))
	if i < 0 {
		return nil, fmt.Errorf("draw: graphviz gave no SVG for the %s", what)
	}
	b = b[i:]
	end := bytes.IndexByte(b, '>')
	last := bytes.LastIndex(b, []byte("</svg>"))
	if end < 0 || last < end {
		return nil, fmt.Errorf("draw: graphviz gave an SVG without its end for the %s", what)
	}
	m := viewBoxAttr.FindSubmatch(b[:end])
	if m == nil {
		return nil, fmt.Errorf("draw: graphviz gave an SVG without a viewBox for the %s", what)
	}
	f := strings.Fields(string(m[1]))
	if len(f) != 4 {
		return nil, fmt.Errorf("draw: graphviz gave the viewBox %q for the %s", m[1], what)
	}
	w, err1 := strconv.ParseFloat(f[2], 64)
	h, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || w <= 0 || h <= 0 {
		return nil, fmt.Errorf("draw: graphviz gave the viewBox %q for the %s", m[1], what)
	}
	return &svgDoc{body: b[end+1 : last], viewBox: string(m[1]), w: w, h: h}, nil
}

var svgID = regexp.MustCompile(`\sid="`)

// composeSVG writes one SVG document with Graphviz's two inside it, placed
// as on a PNG or PDF page, and the font's faces that they use embedded,
// subset to the characters they hold.
func composeSVG(w io.Writer, page render.Page, inline bool, l Layouts) error {
	var docs [4]*svgDoc
	var sizes [4]size
	for i, f := range []struct {
		b    []byte
		what string
	}{{l.Heading, "heading"}, {l.Side, "heading"}, {l.Diagram, "diagram"}, {l.Turned, "diagram"}} {
		if i%2 == 1 && len(f.b) == 0 {
			continue
		}
		d, err := parseSVG(f.b, f.what)
		if err != nil {
			return err
		}
		docs[i], sizes[i] = d, size{d.w, d.h}
	}
	hi, di, pl := choose(page, sizes[:2], sizes[2:])
	heading, diagram := docs[hi], docs[2+di]
	// Graphviz numbers its elements node1, edge1, … in each document; the
	// heading's are renamed so that ids stay unique.
	heading.body = svgID.ReplaceAll(heading.body, []byte(` id="heading_`))
	style, err := fontFaces(heading.body, diagram.body)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	size := fmt.Sprintf(`width="%gpt" height="%gpt"`, round(pl.width), round(pl.height))
	if inline {
		size = `width="100%"`
	} else {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>` + "\n")
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" %s viewBox="0 0 %g %g">`+"\n",
		size, round(pl.width), round(pl.height))
	b.WriteString(style)
	fmt.Fprintf(&b, `<rect width="%g" height="%g" fill="white"/>`+"\n", round(pl.width), round(pl.height))
	for _, it := range []struct {
		d  *svgDoc
		bx box
	}{{heading, pl.heading}, {diagram, pl.diagram}} {
		fmt.Fprintf(&b, `<svg x="%g" y="%g" width="%g" height="%g" viewBox="%s">`,
			round(it.bx.left), round(it.bx.top), round(it.d.w*it.bx.scale), round(it.d.h*it.bx.scale), it.d.viewBox)
		b.Write(it.d.body)
		b.WriteString("</svg>\n")
	}
	b.WriteString("</svg>\n")
	_, err = w.Write(b.Bytes())
	return err
}

// round rounds to hundredths of a point, so that the numbers written are
// short and the same on every machine.
func round(v float64) float64 {
	return float64(int64(v*100+0.5)) / 100
}

// fontFaces returns a <style> element with an @font-face for each style
// of the font that the documents use, subset to the characters in them.
func fontFaces(docs ...[]byte) (string, error) {
	var all []byte
	for _, d := range docs {
		all = append(all, d...)
	}
	runes := map[rune]bool{}
	for _, r := range string(all) {
		runes[r] = true
	}
	bold := bytes.Contains(all, []byte(`font-weight="bold"`))
	italic := bytes.Contains(all, []byte(`font-style="italic"`))
	var b strings.Builder
	b.WriteString("<style>")
	for _, f := range faces {
		if (f.weight == "bold" && !bold) || (f.italic && !italic) {
			continue
		}
		sfnt, err := font.ParseSFNT(f.ttf, 0)
		if err != nil {
			return "", fmt.Errorf("draw: reading %s: %w", FontName, err)
		}
		ids := []uint16{0}
		for r := range runes {
			if id := sfnt.GlyphIndex(r); id != 0 {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		sub, err := sfnt.Subset(ids, font.SubsetOptions{Tables: font.KeepMinTables})
		if err != nil {
			return "", fmt.Errorf("draw: subsetting %s: %w", FontName, err)
		}
		style := "normal"
		if f.italic {
			style = "italic"
		}
		fmt.Fprintf(&b, "\n@font-face{font-family:'%s';font-weight:%s;font-style:%s;src:url(data:font/ttf;base64,%s) format('truetype');}",
			FontName, f.weight, style, base64.StdEncoding.EncodeToString(stableFont(sub.Write(), sfnt.Tables["head"])))
	}
	b.WriteString("\n</style>\n")
	return b.String(), nil
}

// stableFont gives a TrueType program written by tdewolff/font the
// modification time of the original font's head table (Write stamps the
// time of writing), so that the same diagram gives the same bytes, and
// recomputes the checksums that cover it.
func stableFont(ttf, origHead []byte) []byte {
	if len(ttf) < 12 || len(origHead) < 36 {
		return ttf
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) || string(ttf[rec:rec+4]) != "head" {
			continue
		}
		off, length := int(binary.BigEndian.Uint32(ttf[rec+8:])), int(binary.BigEndian.Uint32(ttf[rec+12:]))
		if off+length > len(ttf) || length < 36 {
			return ttf
		}
		copy(ttf[off+28:off+36], origHead[28:36])
		binary.BigEndian.PutUint32(ttf[off+8:], 0)
		binary.BigEndian.PutUint32(ttf[rec+4:], checksum(ttf[off:off+(length+3)&^3]))
		binary.BigEndian.PutUint32(ttf[off+8:], 0xB1B0AFBA-checksum(ttf))
		return ttf
	}
	return ttf
}

// checksum is the TrueType checksum: the sum of the big-endian 32-bit
// words, the last padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
