package pptx

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Content types of the parts.
const (
	ctRels         = "application/vnd.openxmlformats-package.relationships+xml"
	ctXML          = "application/xml"
	ctPNG          = "image/png"
	ctXLSX         = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	ctPresentation = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
	ctSlide        = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
	ctMaster       = "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"
	ctLayout       = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"
	ctTheme        = "application/vnd.openxmlformats-officedocument.theme+xml"
	ctChart        = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
	ctPresProps    = "application/vnd.openxmlformats-officedocument.presentationml.presProps+xml"
	ctViewProps    = "application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml"
	ctTableStyles  = "application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml"
	ctCore         = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp          = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
)

// Relationship types.
const (
	relOffice      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relDocument    = relOffice + "officeDocument"
	relSlide       = relOffice + "slide"
	relMaster      = relOffice + "slideMaster"
	relLayout      = relOffice + "slideLayout"
	relTheme       = relOffice + "theme"
	relImage       = relOffice + "image"
	relChart       = relOffice + "chart"
	relPackage     = relOffice + "package"
	relPresProps   = relOffice + "presProps"
	relViewProps   = relOffice + "viewProps"
	relTableStyles = relOffice + "tableStyles"
	relApp         = relOffice + "extended-properties"
	relCore        = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)

// zipTime is the modification time of every entry, so that the same deck
// gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// rel is one relationship of a part.
type rel struct {
	id, typ, target string
}

// pkg is the package being written: its parts by name, their content types
// and relationships.
type pkg struct {
	parts     map[string][]byte
	overrides map[string]string   // part name -> content type, for XML parts
	rels      map[string][]rel    // source part name ("" for the package) -> relationships
	media     map[[32]byte]string // picture's SHA-256 -> its part
}

func (p *pkg) add(name, contentType string, data []byte) {
	p.parts[name] = data
	if contentType != "" {
		p.overrides[name] = contentType
	}
}

// relate adds a relationship from part from to part to (both package
// names) and returns its id.
func (p *pkg) relate(from, typ, to string) string {
	id := "rId" + strconv.Itoa(len(p.rels[from])+1)
	target := to
	if from != "" {
		target = relPath(path.Dir(from), to)
	}
	p.rels[from] = append(p.rels[from], rel{id, typ, target})
	return id
}

// relPath is target relative to folder dir, as relationships write it.
func relPath(dir, target string) string {
	if strings.HasPrefix(target, dir+"/") {
		return strings.TrimPrefix(target, dir+"/")
	}
	return "../" + relPath(path.Dir(dir), target)
}

// relsName is the name of the relationships part of part name.
func relsName(name string) string {
	if name == "" {
		return "_rels/.rels"
	}
	return path.Dir(name) + "/_rels/" + path.Base(name) + ".rels"
}

// Write writes the deck as a .pptx package to w. The same Deck gives the
// same bytes: the parts are written in a fixed order with a fixed time.
func Write(w io.Writer, d *Deck) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("pptx: %w", err)
	}
	p := &pkg{parts: map[string][]byte{}, overrides: map[string]string{}, rels: map[string][]rel{}, media: map[[32]byte]string{}}
	const pres = "ppt/presentation.xml"
	p.relate("", relDocument, pres)
	p.relate("", relCore, "docProps/core.xml")
	p.relate("", relApp, "docProps/app.xml")
	p.add("docProps/core.xml", ctCore, coreXML(d))
	p.add("docProps/app.xml", ctApp, appXML(d))

	const master, layout, theme = "ppt/slideMasters/slideMaster1.xml", "ppt/slideLayouts/slideLayout1.xml", "ppt/theme/theme1.xml"
	masterID := p.relate(pres, relMaster, master)
	p.relate(master, relLayout, layout)
	p.relate(master, relTheme, theme)
	p.relate(layout, relMaster, master)
	p.add(master, ctMaster, masterXML())
	p.add(layout, ctLayout, layoutXML())
	p.add(theme, ctTheme, themeXML(d.font()))

	var slideIDs []string
	var media, charts int
	for i := range d.Slides {
		name := fmt.Sprintf("ppt/slides/slide%d.xml", i+1)
		slideIDs = append(slideIDs, p.relate(pres, relSlide, name))
		p.relate(name, relLayout, layout)
		sw := slideWriter{p: p, name: name, media: &media, charts: &charts}
		data, err := sw.slide(&d.Slides[i])
		if err != nil {
			return fmt.Errorf("pptx: slide %d: %w", i+1, err)
		}
		p.add(name, ctSlide, data)
	}
	p.relate(pres, relTheme, theme)
	for _, part := range []struct{ name, typ, ct, xml string }{
		{"ppt/presProps.xml", relPresProps, ctPresProps, `<p:presentationPr xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"/>`},
		{"ppt/viewProps.xml", relViewProps, ctViewProps, `<p:viewPr xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"/>`},
		{"ppt/tableStyles.xml", relTableStyles, ctTableStyles, `<a:tblStyleLst xmlns:a="` + nsA + `" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`},
	} {
		p.relate(pres, part.typ, part.name)
		p.add(part.name, part.ct, []byte(xmlDecl+part.xml))
	}
	p.add(pres, ctPresentation, presentationXML(masterID, slideIDs))
	return p.write(w)
}

func (d *Deck) font() string {
	if d.Font == "" {
		return defaultFont
	}
	return d.Font
}

// write writes the package: [Content_Types].xml first, then every part
// and relationships part sorted by name.
func (p *pkg) write(w io.Writer) error {
	for from, rs := range p.rels {
		x := newXML()
		x.open("Relationships", "xmlns", nsRel)
		for _, r := range rs {
			x.empty("Relationship", "Id", r.id, "Type", r.typ, "Target", r.target)
		}
		x.close("Relationships")
		p.parts[relsName(from)] = x.bytes()
	}
	names := make([]string, 0, len(p.parts))
	for n := range p.parts {
		names = append(names, n)
	}
	sort.Strings(names)
	zw := zip.NewWriter(w)
	put := func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := put("[Content_Types].xml", p.contentTypes()); err != nil {
		return fmt.Errorf("pptx: %w", err)
	}
	for _, n := range names {
		if err := put(n, p.parts[n]); err != nil {
			return fmt.Errorf("pptx: %s: %w", n, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("pptx: %w", err)
	}
	return nil
}

// contentTypes is [Content_Types].xml: defaults by extension for the
// relationships, pictures and workbooks, an override for every XML part.
func (p *pkg) contentTypes() []byte {
	x := newXML()
	x.open("Types", "xmlns", nsCT)
	for _, d := range [][2]string{{"png", ctPNG}, {"rels", ctRels}, {"xlsx", ctXLSX}, {"xml", ctXML}} {
		x.empty("Default", "Extension", d[0], "ContentType", d[1])
	}
	names := make([]string, 0, len(p.overrides))
	for n := range p.overrides {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		x.empty("Override", "PartName", "/"+n, "ContentType", p.overrides[n])
	}
	x.close("Types")
	return x.bytes()
}

func coreXML(d *Deck) []byte {
	x := newXML()
	x.open("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	x.elem("dc:title", d.Title)
	if d.Subject != "" {
		x.elem("dc:subject", d.Subject)
	}
	if d.Author != "" {
		x.elem("dc:creator", d.Author)
	}
	if d.Created != "" {
		x.elem("dcterms:created", d.Created+"T00:00:00Z", "xsi:type", "dcterms:W3CDTF")
	}
	x.close("cp:coreProperties")
	return x.bytes()
}

func appXML(d *Deck) []byte {
	x := newXML()
	x.open("Properties", "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
	x.elem("Application", "netreview")
	x.elem("Slides", strconv.Itoa(len(d.Slides)))
	x.close("Properties")
	return x.bytes()
}

func presentationXML(masterID string, slideIDs []string) []byte {
	x := newXML()
	x.open("p:presentation", "xmlns:a", nsA, "xmlns:r", nsR, "xmlns:p", nsP)
	x.open("p:sldMasterIdLst")
	x.empty("p:sldMasterId", "id", "2147483648", "r:id", masterID)
	x.close("p:sldMasterIdLst")
	if len(slideIDs) > 0 {
		x.open("p:sldIdLst")
		for i, id := range slideIDs {
			x.empty("p:sldId", "id", strconv.Itoa(256+i), "r:id", id)
		}
		x.close("p:sldIdLst")
	}
	x.empty("p:sldSz", "cx", emu(SlideWidth), "cy", emu(SlideHeight))
	x.empty("p:notesSz", "cx", "6858000", "cy", "9144000")
	x.close("p:presentation")
	return x.bytes()
}

// emptyTree is the group shape properties every shape tree starts with.
const emptyTree = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

func masterXML() []byte {
	x := newXML()
	x.open("p:sldMaster", "xmlns:a", nsA, "xmlns:r", nsR, "xmlns:p", nsP)
	x.raw(`<p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>` + emptyTree + `</p:spTree></p:cSld>`)
	x.empty("p:clrMap", "bg1", "lt1", "tx1", "dk1", "bg2", "lt2", "tx2", "dk2",
		"accent1", "accent1", "accent2", "accent2", "accent3", "accent3", "accent4", "accent4",
		"accent5", "accent5", "accent6", "accent6", "hlink", "hlink", "folHlink", "folHlink")
	x.raw(`<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>`)
	x.close("p:sldMaster")
	return x.bytes()
}

func layoutXML() []byte {
	x := newXML()
	x.open("p:sldLayout", "xmlns:a", nsA, "xmlns:r", nsR, "xmlns:p", nsP, "type", "blank", "preserve", "1")
	x.raw(`<p:cSld name="Blank"><p:spTree>` + emptyTree + `</p:spTree></p:cSld>`)
	x.raw(`<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>`)
	x.close("p:sldLayout")
	return x.bytes()
}

// themeXML is the one theme: a plain color scheme, font as both the
// heading and the body face, and the three styles of each kind that the
// schema asks for, all plain.
func themeXML(font string) []byte {
	x := newXML()
	x.open("a:theme", "xmlns:a", nsA, "name", "netreview")
	x.open("a:themeElements")
	x.open("a:clrScheme", "name", "netreview")
	for _, c := range [][2]string{
		{"dk1", "212529"}, {"lt1", "FFFFFF"}, {"dk2", "1C3A5E"}, {"lt2", "E9ECEF"},
		{"accent1", "1C7ED6"}, {"accent2", "E8590C"}, {"accent3", "2B8A3E"}, {"accent4", "7048E8"},
		{"accent5", "E03131"}, {"accent6", "868E96"}, {"hlink", "1C7ED6"}, {"folHlink", "7048E8"},
	} {
		x.open("a:" + c[0])
		x.empty("a:srgbClr", "val", c[1])
		x.close("a:" + c[0])
	}
	x.close("a:clrScheme")
	x.open("a:fontScheme", "name", "netreview")
	for _, f := range []string{"a:majorFont", "a:minorFont"} {
		x.open(f)
		x.empty("a:latin", "typeface", font)
		x.empty("a:ea", "typeface", "")
		x.empty("a:cs", "typeface", "")
		x.close(f)
	}
	x.close("a:fontScheme")
	fill := `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`
	line := `<a:ln w="9525">` + fill + `</a:ln>`
	effect := `<a:effectStyle><a:effectLst/></a:effectStyle>`
	x.raw(`<a:fmtScheme name="netreview">` +
		`<a:fillStyleLst>` + strings.Repeat(fill, 3) + `</a:fillStyleLst>` +
		`<a:lnStyleLst>` + strings.Repeat(line, 3) + `</a:lnStyleLst>` +
		`<a:effectStyleLst>` + strings.Repeat(effect, 3) + `</a:effectStyleLst>` +
		`<a:bgFillStyleLst>` + strings.Repeat(fill, 3) + `</a:bgFillStyleLst>` +
		`</a:fmtScheme>`)
	x.close("a:themeElements")
	x.raw(`<a:objectDefaults/><a:extraClrSchemeLst/>`)
	x.close("a:theme")
	return x.bytes()
}
