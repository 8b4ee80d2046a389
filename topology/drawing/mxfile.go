package drawing

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// Limits on what one drawing may hold, so that a hostile file (a
// decompression bomb, a page of a million shapes) ends with an error rather
// than exhausting memory.
const (
	// maxFileBytes is the largest drawing file read.
	maxFileBytes = 64 << 20
	// maxPageBytes is the largest page, once decompressed.
	maxPageBytes = 64 << 20
	// maxCells is the most cells (shapes and connectors) of all pages.
	maxCells = 200000
)

// page is one page (a draw.io diagram, a Visio page) as generic cells.
type page struct {
	name  string
	cells []*cell
}

// cell is one draw.io mxCell (or a Visio shape read into the same form).
type cell struct {
	id, parent     string
	label          string // the label as plain text
	style          style
	vertex, edge   bool
	source, target string
	props          []prop // custom properties, in the order written
	geo            rect   // relative to the parent
}

// prop is one custom property of a shape.
type prop struct{ name, value string }

type rect struct{ x, y, w, h float64 }

// style is a draw.io style string ("shape=mxgraph.cisco.routers.router;html=1")
// as its key=value pairs; a bare name ("swimlane", "text") has the value "".
type style map[string]string

func parseStyle(s string) style {
	st := style{}
	for _, it := range strings.Split(s, ";") {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		k, v, _ := strings.Cut(it, "=")
		// A bare name ("image") gives way to a value for it ("image=x.png").
		if have, dup := st[k]; !dup || have == "" {
			st[k] = v
		}
	}
	return st
}

// has reports whether the style names key, bare or with a value.
func (s style) has(key string) bool { _, ok := s[key]; return ok }

// readMxfile reads the pages of a draw.io document: an <mxfile> of
// <diagram> elements, each holding an <mxGraphModel> or its compressed form,
// or a bare <mxGraphModel>.
func readMxfile(data []byte) ([]*page, error) {
	dec := newDecoder(bytes.NewReader(data))
	var pages []*page
	ncells := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errorAt(data, dec, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "mxfile":
			continue
		case "mxGraphModel":
			p := &page{name: "Page-1"}
			if err := readModel(dec, p, &ncells); err != nil {
				return nil, errorAt(data, dec, err)
			}
			pages = append(pages, p)
		case "diagram":
			p := &page{name: attr(se, "name")}
			if p.name == "" {
				p.name = "Page-" + strconv.Itoa(len(pages)+1)
			}
			if err := readDiagram(dec, p, &ncells); err != nil {
				return nil, fmt.Errorf("page %q: %w", p.name, errorAt(data, dec, err))
			}
			pages = append(pages, p)
		default:
			if len(pages) == 0 {
				return nil, fmt.Errorf("not a draw.io file: the document is <%s>, not <mxfile>", se.Name.Local)
			}
			if err := dec.Skip(); err != nil {
				return nil, errorAt(data, dec, err)
			}
		}
	}
	if len(pages) == 0 {
		return nil, errors.New("not a draw.io file: no <mxfile> with a <diagram>")
	}
	return pages, nil
}

// newDecoder returns a strict XML decoder that knows no entities beyond
// XML's own: a document type's entity definitions (billion laughs) are not
// expanded, and a reference to one is an error.
func newDecoder(r io.Reader) *xml.Decoder {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	dec.CharsetReader = func(charset string, in io.Reader) (io.Reader, error) {
		if strings.EqualFold(charset, "us-ascii") || strings.EqualFold(charset, "iso-8859-1") {
			return in, nil
		}
		return nil, fmt.Errorf("unsupported character set %q", charset)
	}
	return dec
}

// errorAt adds the line of the decoder's position to err.
func errorAt(data []byte, dec *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if se.Msg == "unexpected EOF" {
			return fmt.Errorf("line %d: the file ends early (truncated?)", se.Line)
		}
		return fmt.Errorf("line %d: %s", se.Line, se.Msg)
	}
	if err == io.ErrUnexpectedEOF {
		err = errors.New("the file ends early (truncated?)")
	}
	off := dec.InputOffset()
	if off > int64(len(data)) {
		return err
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return fmt.Errorf("line %d: %w", line, err)
}

// readDiagram reads one <diagram>: an <mxGraphModel> child, or text that is
// the compressed model.
func readDiagram(dec *xml.Decoder, p *page, ncells *int) error {
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			return eofErr(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "mxGraphModel" {
				if err := readModel(dec, p, ncells); err != nil {
					return err
				}
				continue
			}
			if err := dec.Skip(); err != nil {
				return err
			}
		case xml.CharData:
			if text.Len()+len(t) > maxPageBytes {
				return fmt.Errorf("the page is larger than %d MB", maxPageBytes>>20)
			}
			text.Write(t)
		case xml.EndElement:
			s := strings.TrimSpace(text.String())
			if s == "" {
				return nil
			}
			model, err := inflatePage(s)
			if err != nil {
				return err
			}
			inner := newDecoder(bytes.NewReader(model))
			for {
				tok, err := inner.Token()
				if err != nil {
					if err == io.EOF {
						return errors.New("the compressed page holds no <mxGraphModel>")
					}
					return fmt.Errorf("compressed page: %w", errorAt(model, inner, err))
				}
				if se, ok := tok.(xml.StartElement); ok {
					if se.Name.Local != "mxGraphModel" {
						return fmt.Errorf("compressed page: want <mxGraphModel>, found <%s>", se.Name.Local)
					}
					if err := readModel(inner, p, ncells); err != nil {
						return fmt.Errorf("compressed page: %w", errorAt(model, inner, err))
					}
					return nil
				}
			}
		}
	}
}

func eofErr(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// inflatePage decodes a compressed draw.io page: base64 of raw DEFLATE of
// the URL-encoded model XML. Older files store the XML without URL
// encoding; both are read.
func inflatePage(s string) ([]byte, error) {
	raw, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		return nil, fmt.Errorf("compressed page: not base64: %v", err)
	}
	zr := flate.NewReader(bytes.NewReader(raw))
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, maxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("compressed page: not DEFLATE data: %v", err)
	}
	if len(out) > maxPageBytes {
		return nil, fmt.Errorf("compressed page: larger than %d MB once decompressed", maxPageBytes>>20)
	}
	if bytes.HasPrefix(out, []byte("%3C")) || bytes.HasPrefix(out, []byte("%3c")) {
		dec, err := url.PathUnescape(string(out))
		if err != nil {
			return nil, fmt.Errorf("compressed page: bad URL encoding: %v", err)
		}
		return []byte(dec), nil
	}
	return out, nil
}

// readModel reads the cells of an <mxGraphModel> up to its end.
func readModel(dec *xml.Decoder, p *page, ncells *int) error {
	depth := 1
	var wrapper *cell // the UserObject or object being read
	var cur *cell     // the mxCell being read
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return eofErr(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "UserObject", "object":
				wrapper = &cell{}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "id":
						wrapper.id = a.Value
					case "label":
						wrapper.label = a.Value
					default:
						wrapper.props = append(wrapper.props, prop{a.Name.Local, a.Value})
					}
				}
			case "mxCell":
				if *ncells++; *ncells > maxCells {
					return fmt.Errorf("more than %d cells", maxCells)
				}
				c := &cell{}
				if wrapper != nil {
					c.id, c.label, c.props = wrapper.id, wrapper.label, wrapper.props
				}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "id":
						if c.id == "" {
							c.id = a.Value
						}
					case "value":
						if wrapper == nil {
							c.label = a.Value
						}
					case "style":
						c.style = parseStyle(a.Value)
					case "parent":
						c.parent = a.Value
					case "vertex":
						c.vertex = a.Value == "1"
					case "edge":
						c.edge = a.Value == "1"
					case "source":
						c.source = a.Value
					case "target":
						c.target = a.Value
					}
				}
				if c.style == nil {
					c.style = style{}
				}
				p.cells = append(p.cells, c)
				cur = c
			case "mxGeometry":
				if cur != nil && attr(t, "as") == "geometry" {
					cur.geo = rect{num(attr(t, "x")), num(attr(t, "y")), num(attr(t, "width")), num(attr(t, "height"))}
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "UserObject", "object":
				wrapper = nil
			case "mxCell":
				cur = nil
			}
		}
	}
	return nil
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func num(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f {
		return 0
	}
	return f
}
