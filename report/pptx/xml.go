package pptx

import (
	"bytes"
	"encoding/xml"
	"strconv"
)

// xmlDecl starts every XML part.
const xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Namespaces of the parts.
const (
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsP   = "http://schemas.openxmlformats.org/presentationml/2006/main"
	nsC   = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT  = "http://schemas.openxmlformats.org/package/2006/content-types"
)

// xmlWriter builds an XML part. Element names carry their prefix
// ("p:sld"); attributes come as name, value pairs; text and attribute
// values are escaped by encoding/xml, which also replaces characters that
// XML cannot hold.
type xmlWriter struct {
	b bytes.Buffer
}

func newXML() *xmlWriter {
	w := &xmlWriter{}
	w.b.WriteString(xmlDecl)
	return w
}

func (w *xmlWriter) start(name string, attrs []string, empty bool) {
	w.b.WriteByte('<')
	w.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.b.WriteByte(' ')
		w.b.WriteString(attrs[i])
		w.b.WriteString(`="`)
		xml.EscapeText(&w.b, []byte(attrs[i+1])) //nolint:errcheck // a bytes.Buffer does not fail
		w.b.WriteByte('"')
	}
	if empty {
		w.b.WriteByte('/')
	}
	w.b.WriteByte('>')
}

// open writes a start tag.
func (w *xmlWriter) open(name string, attrs ...string) { w.start(name, attrs, false) }

// empty writes an element with no content.
func (w *xmlWriter) empty(name string, attrs ...string) { w.start(name, attrs, true) }

// close writes an end tag.
func (w *xmlWriter) close(name string) {
	w.b.WriteString("</")
	w.b.WriteString(name)
	w.b.WriteByte('>')
}

// elem writes an element holding text.
func (w *xmlWriter) elem(name, text string, attrs ...string) {
	w.open(name, attrs...)
	xml.EscapeText(&w.b, []byte(text)) //nolint:errcheck // a bytes.Buffer does not fail
	w.close(name)
}

// raw writes markup as it is.
func (w *xmlWriter) raw(s string) { w.b.WriteString(s) }

func (w *xmlWriter) bytes() []byte { return w.b.Bytes() }

// emu converts points to English Metric Units (12,700 to the point), as a
// decimal string.
func emu(pt float64) string {
	return strconv.FormatInt(int64(pt*12700+0.5), 10)
}

// hundredths writes a font size in points as OOXML's hundredths of a point.
func hundredths(pt float64) string {
	return strconv.Itoa(int(pt*100 + 0.5))
}

// num writes a chart value in the shortest form that reads back exactly.
func num(v float64) string {
	return strconv.FormatFloat(v, 'g', -1, 64)
}
