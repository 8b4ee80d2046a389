package drawing

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Limits on a .vsdx package, against zip bombs.
const (
	// maxPartBytes is the largest part (page, masters) read, uncompressed.
	maxPartBytes = 64 << 20
	// maxPackageBytes is the most read from all parts together.
	maxPackageBytes = 256 << 20
)

// vsdx is an open .vsdx package (an OPC zip).
type vsdx struct {
	files map[string]*zip.File
	read  int64 // bytes read so far, uncompressed
}

// readVisio reads the pages of a Visio .vsdx drawing: visio/pages/pages.xml
// names the pages and their parts, each page's <Shapes> are the shapes
// (groups and containers holding theirs), <Connects> attaches connectors
// to shapes, masters give the shapes' stencil names and inherited text and
// Shape Data.
func readVisio(data []byte) ([]*page, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a Visio .vsdx file (not a readable zip: %v)", err)
	}
	v := &vsdx{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		v.files[strings.TrimPrefix(path.Clean("/"+f.Name), "/")] = f
	}
	if v.files["visio/pages/pages.xml"] == nil {
		return nil, errors.New("not a Visio .vsdx file: it has no visio/pages/pages.xml")
	}
	masters, err := v.masters()
	if err != nil {
		return nil, err
	}
	list, err := v.pageList()
	if err != nil {
		return nil, err
	}
	var pages []*page
	ncells := 0
	for i, pl := range list {
		p := &page{name: pl.name}
		if p.name == "" {
			p.name = "Page-" + strconv.Itoa(i+1)
		}
		if pl.part == "" {
			continue // a page whose part is missing holds nothing to read
		}
		b, err := v.part(pl.part)
		if err != nil {
			return nil, err
		}
		if err := readVisioPage(b, p, masters, &ncells); err != nil {
			return nil, fmt.Errorf("%s (page %q): %w", pl.part, p.name, err)
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		return nil, errors.New("the Visio file has no pages")
	}
	return pages, nil
}

// part returns one part of the package, uncompressed, within the limits.
func (v *vsdx) part(name string) ([]byte, error) {
	f := v.files[name]
	if f == nil {
		return nil, fmt.Errorf("the Visio file has no part %s", name)
	}
	if f.UncompressedSize64 > maxPartBytes {
		return nil, fmt.Errorf("%s: %d MB uncompressed, more than the %d MB netreview reads (a zip bomb?)", name, f.UncompressedSize64>>20, maxPartBytes>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPartBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v (truncated?)", name, err)
	}
	if len(b) > maxPartBytes {
		return nil, fmt.Errorf("%s: more than %d MB uncompressed (a zip bomb?)", name, maxPartBytes>>20)
	}
	if v.read += int64(len(b)); v.read > maxPackageBytes {
		return nil, fmt.Errorf("the Visio file holds more than %d MB uncompressed (a zip bomb?)", maxPackageBytes>>20)
	}
	return b, nil
}

// rels reads the relationships of a part: id -> target part name.
func (v *vsdx) rels(partName string) (map[string]string, error) {
	dir, file := path.Split(partName)
	relName := dir + "_rels/" + file + ".rels"
	out := map[string]string{}
	if v.files[relName] == nil {
		return out, nil
	}
	b, err := v.part(relName)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodeXML(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", relName, err)
	}
	for _, r := range doc.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		out[r.ID] = t
	}
	return out, nil
}

func decodeXML(b []byte, v any) error {
	dec := newDecoder(bytes.NewReader(b))
	if err := dec.Decode(v); err != nil {
		return errorAt(b, dec, err)
	}
	return nil
}

type pageRef struct{ name, part string }

// pageList reads visio/pages/pages.xml: the pages in order, each with the
// part that holds its shapes.
func (v *vsdx) pageList() ([]pageRef, error) {
	var doc struct {
		Pages []struct {
			NameU      string `xml:"NameU,attr"`
			Name       string `xml:"Name,attr"`
			Background string `xml:"Background,attr"`
			Rel        struct {
				ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			} `xml:"Rel"`
		} `xml:"Page"`
	}
	rels, err := v.decodeWithRels("visio/pages/pages.xml", &doc)
	if err != nil {
		return nil, err
	}
	var out []pageRef
	for _, p := range doc.Pages {
		if p.Background == "1" {
			continue // a background page: title blocks, borders
		}
		n := p.Name
		if n == "" {
			n = p.NameU
		}
		out = append(out, pageRef{name: n, part: rels[p.Rel.ID]})
	}
	return out, nil
}

// decodeWithRels decodes the part name into doc and returns the part's
// relationships, by id.
func (v *vsdx) decodeWithRels(name string, doc any) (map[string]string, error) {
	b, err := v.part(name)
	if err != nil {
		return nil, err
	}
	rels, err := v.rels(name)
	if err != nil {
		return nil, err
	}
	if err := decodeXML(b, doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rels, nil
}

// master is what a shape inherits from its master: its stencil name, text
// and Shape Data, and those of the master's own shapes by id.
type master struct {
	name   string
	shapes map[string]*vShape
}

// masters reads visio/masters/masters.xml and each master's shapes.
func (v *vsdx) masters() (map[string]*master, error) {
	const name = "visio/masters/masters.xml"
	out := map[string]*master{}
	if v.files[name] == nil {
		return out, nil
	}
	var doc struct {
		Masters []struct {
			ID    string `xml:"ID,attr"`
			NameU string `xml:"NameU,attr"`
			Name  string `xml:"Name,attr"`
			Rel   struct {
				ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			} `xml:"Rel"`
		} `xml:"Master"`
	}
	rels, err := v.decodeWithRels(name, &doc)
	if err != nil {
		return nil, err
	}
	for _, m := range doc.Masters {
		ms := &master{name: m.NameU, shapes: map[string]*vShape{}}
		if ms.name == "" {
			ms.name = m.Name
		}
		out[m.ID] = ms
		part := rels[m.Rel.ID]
		if part == "" || v.files[part] == nil {
			continue
		}
		mb, err := v.part(part)
		if err != nil {
			return nil, err
		}
		var mc vContents
		if err := decodeXML(mb, &mc); err != nil {
			return nil, fmt.Errorf("%s: %w", part, err)
		}
		var index func([]*vShape)
		index = func(list []*vShape) {
			for _, s := range list {
				ms.shapes[s.ID] = s
				index(s.Shapes)
			}
		}
		index(mc.Shapes)
	}
	return out, nil
}

// vContents is a page's or master's contents.
type vContents struct {
	Shapes   []*vShape `xml:"Shapes>Shape"`
	Connects []struct {
		FromSheet string `xml:"FromSheet,attr"`
		FromCell  string `xml:"FromCell,attr"`
		ToSheet   string `xml:"ToSheet,attr"`
	} `xml:"Connects>Connect"`
}

// vShape is one Visio shape.
type vShape struct {
	ID          string    `xml:"ID,attr"`
	NameU       string    `xml:"NameU,attr"`
	Name        string    `xml:"Name,attr"`
	Type        string    `xml:"Type,attr"`
	Master      string    `xml:"Master,attr"`
	MasterShape string    `xml:"MasterShape,attr"`
	Cells       []vCell   `xml:"Cell"`
	Sections    []vSect   `xml:"Section"`
	Text        *vText    `xml:"Text"`
	Shapes      []*vShape `xml:"Shapes>Shape"`
}

type vCell struct {
	N string `xml:"N,attr"`
	V string `xml:"V,attr"`
}

type vSect struct {
	N    string `xml:"N,attr"`
	Rows []struct {
		N     string  `xml:"N,attr"`
		Cells []vCell `xml:"Cell"`
	} `xml:"Row"`
}

type vText struct {
	Inner []byte `xml:",innerxml"`
}

func (s *vShape) cell(n string) (string, bool) {
	for _, c := range s.Cells {
		if c.N == n {
			return c.V, true
		}
	}
	return "", false
}

// rows returns the rows of a section (Property, User) by row name: the
// Value cell, and for Shape Data the Label cell.
func (s *vShape) rows(section string) [][3]string {
	var out [][3]string
	for _, sec := range s.Sections {
		if sec.N != section {
			continue
		}
		for _, r := range sec.Rows {
			var val, lbl string
			for _, c := range r.Cells {
				switch c.N {
				case "Value":
					val = c.V
				case "Label":
					lbl = c.V
				}
			}
			out = append(out, [3]string{r.N, lbl, val})
		}
	}
	return out
}

// text returns the shape's text: the character data of <Text>, without
// its formatting marks.
func (t *vText) text() string {
	if t == nil {
		return ""
	}
	dec := newDecoder(bytes.NewReader(append(append([]byte("<t>"), t.Inner...), "</t>"...)))
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// readVisioPage turns a page's shapes into cells: groups and containers
// are parents of their shapes, connectors (1-D shapes) are edges attached
// through Connects.
func readVisioPage(b []byte, p *page, masters map[string]*master, ncells *int) error {
	var pc vContents
	if err := decodeXML(b, &pc); err != nil {
		return err
	}
	byID := map[string]*cell{}
	var walk func(list []*vShape, parent string, parentH float64, inherited *master) error
	walk = func(list []*vShape, parent string, parentH float64, inherited *master) error {
		for _, s := range list {
			if *ncells++; *ncells > maxCells {
				return fmt.Errorf("more than %d shapes", maxCells)
			}
			m := masters[s.Master]
			if m == nil {
				m = inherited
			}
			var ms *vShape // the master's shape this one inherits from
			if m != nil {
				if s.MasterShape != "" {
					ms = m.shapes[s.MasterShape]
				} else if len(m.shapes) > 0 {
					ms = topShape(m.shapes)
				}
			}
			c := &cell{id: s.ID, parent: parent, style: style{}}
			get := func(n string) float64 {
				if v, ok := s.cell(n); ok {
					return num(v)
				}
				if ms != nil {
					if v, ok := ms.cell(n); ok {
						return num(v)
					}
				}
				return 0
			}
			// Visio measures in inches, y up, from the parent's bottom
			// left; cells are in pixels, y down, from the parent's top left.
			w, h := get("Width"), get("Height")
			px, py := get("PinX"), get("PinY")
			lx, ly := get("LocPinX"), get("LocPinY")
			c.geo = rect{x: (px - lx) * 96, y: (parentH - (py - ly) - h) * 96, w: w * 96, h: h * 96}
			_, beginX := s.cell("BeginX")
			if !beginX && ms != nil {
				_, beginX = ms.cell("BeginX")
			}
			c.edge = beginX
			c.vertex = !beginX
			name := s.NameU
			if m != nil && m.name != "" {
				name = m.name
			}
			if name == "" {
				name = s.Name
			}
			if i := strings.LastIndex(name, "."); i > 0 {
				if _, err := strconv.Atoi(name[i+1:]); err == nil {
					name = name[:i] // "Router.12": the 12th copy of Router
				}
			}
			if name != "" && !visioBasic[strings.ToLower(name)] {
				c.style["shape"] = "visio." + name
			}
			c.label = s.Text.text()
			if c.label == "" && ms != nil {
				c.label = ms.Text.text()
			}
			props := map[string]bool{}
			for _, r := range s.rows("Property") {
				if v := strings.Trim(r[2], `"`); v != "" {
					c.props = append(c.props, prop{propName(r), v})
				}
				props[r[0]] = true
			}
			if ms != nil {
				for _, r := range ms.rows("Property") {
					if v := strings.Trim(r[2], `"`); v != "" && !props[r[0]] {
						c.props = append(c.props, prop{propName(r), v})
					}
				}
			}
			for _, r := range append(s.rows("User"), rowsOf(ms, "User")...) {
				if r[0] == "msvStructureType" && strings.Contains(r[2], "Container") {
					c.style["container"] = "1"
				}
			}
			if s.Type == "Group" && len(s.Shapes) > 0 {
				c.style["group"] = ""
			}
			p.cells = append(p.cells, c)
			byID[s.ID] = c
			// The shapes of a master instance are the master's drawing,
			// not shapes of the network: read them only for a group the
			// user made.
			if s.Type == "Group" && s.Master == "" {
				if err := walk(s.Shapes, s.ID, h, m); err != nil {
					return err
				}
			}
		}
		return nil
	}
	// A root cell, as a draw.io page has, holding the page's shapes; it
	// carries no agency (a Visio drawing's agency is not read).
	p.cells = append(p.cells, &cell{id: visioRoot, style: style{}})
	if err := walk(pc.Shapes, visioRoot, 0, nil); err != nil {
		return err
	}
	for _, cn := range pc.Connects {
		c := byID[cn.FromSheet]
		if c == nil || !c.edge {
			continue
		}
		switch cn.FromCell {
		case "BeginX":
			c.source = cn.ToSheet
		case "EndX":
			c.target = cn.ToSheet
		}
	}
	return nil
}

// visioRoot is the id of the root cell of a Visio page: no shape has it
// (Visio numbers shapes from 1).
const visioRoot = "0"

// visioBasic are Visio's basic shapes and unnamed sheets, which name no
// device: read like draw.io's plain boxes.
var visioBasic = map[string]bool{"sheet": true, "rectangle": true, "square": true, "ellipse": true,
	"circle": true, "rounded rectangle": true, "text": true}

func rowsOf(s *vShape, section string) [][3]string {
	if s == nil {
		return nil
	}
	return s.rows(section)
}

// propName is a Shape Data row's name: the row's name (Prop.zone is the
// row "zone"), or its label when the name is Visio's generated Row_1.
func propName(r [3]string) string {
	if strings.HasPrefix(r[0], "Row_") && r[1] != "" {
		return r[1]
	}
	return r[0]
}

// topShape is the first shape of a master by id, the one an instance
// without MasterShape inherits from.
func topShape(shapes map[string]*vShape) *vShape {
	ids := make([]string, 0, len(shapes))
	for id := range shapes {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, _ := strconv.Atoi(ids[i])
		b, _ := strconv.Atoi(ids[j])
		return a < b
	})
	return shapes[ids[0]]
}
