package drawing

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// LibreOffice, the one free tool at hand that knows Visio, imports .vsdx
// but cannot export it (its Visio filter is flagged IMPORT only), so the
// .vsdx fixtures are written by this generator after the published
// [MS-VSDX] format, and testdata/visio/make.sh checks that LibreOffice's
// Visio import (libvisio) reads every shape and connector of them. Run
// testdata/visio/make.sh after changing them.

// vsdxShape is a shape of a fixture: a master instance, a container or a
// connector.
type vsdxShape struct {
	id, master, text string
	x, y, w, h       float64 // inches, y up
	props            [][2]string
	container        bool
	begin, end       string // a connector's ends (shape ids)
	children         []vsdxShape
}

type vsdxPage struct {
	name   string
	shapes []vsdxShape
}

// writeVSDX builds a .vsdx package of the pages, with one master per
// master name used.
func writeVSDX(pages []vsdxPage) []byte {
	var masters []string
	mid := map[string]int{}
	var collect func([]vsdxShape)
	collect = func(list []vsdxShape) {
		for _, s := range list {
			if s.master != "" && mid[s.master] == 0 {
				masters = append(masters, s.master)
				mid[s.master] = len(masters)
			}
			collect(s.children)
		}
	}
	for _, p := range pages {
		collect(p.shapes)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, _ := zw.Create(name)
		w.Write([]byte(`<?xml version="1.0" encoding="utf-8" standalone="yes"?>` + "\r\n" + body))
	}
	const relNS = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	const visNS = `xmlns="http://schemas.microsoft.com/office/visio/2012/main" ` + relNS + ` xml:space="preserve"`
	ct := `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/visio/document.xml" ContentType="application/vnd.ms-visio.drawing.main+xml"/>` +
		`<Override PartName="/visio/pages/pages.xml" ContentType="application/vnd.ms-visio.pages+xml"/>` +
		`<Override PartName="/visio/masters/masters.xml" ContentType="application/vnd.ms-visio.masters+xml"/>`
	for i := range pages {
		ct += fmt.Sprintf(`<Override PartName="/visio/pages/page%d.xml" ContentType="application/vnd.ms-visio.page+xml"/>`, i+1)
	}
	for i := range masters {
		ct += fmt.Sprintf(`<Override PartName="/visio/masters/master%d.xml" ContentType="application/vnd.ms-visio.master+xml"/>`, i+1)
	}
	put("[Content_Types].xml", ct+`</Types>`)
	put("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.microsoft.com/visio/2010/relationships/document" Target="visio/document.xml"/></Relationships>`)
	put("visio/document.xml", `<VisioDocument `+visNS+`><DocumentSettings/><Colors/><FaceNames/><StyleSheets>`+
		`<StyleSheet ID="0" NameU="No Style" Name="No Style"><Cell N="LineWeight" V="0.01"/><Cell N="LineColor" V="0"/><Cell N="FillForegnd" V="#ffffff"/><Cell N="CharSize" V="0.1111"/></StyleSheet>`+
		`</StyleSheets></VisioDocument>`)
	put("visio/_rels/document.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.microsoft.com/visio/2010/relationships/pages" Target="pages/pages.xml"/>`+
		`<Relationship Id="rId2" Type="http://schemas.microsoft.com/visio/2010/relationships/masters" Target="masters/masters.xml"/></Relationships>`)
	var pl, prel strings.Builder
	for i, p := range pages {
		fmt.Fprintf(&pl, `<Page ID="%d" NameU="%s" Name="%s"><PageSheet><Cell N="PageWidth" V="11"/><Cell N="PageHeight" V="8.5"/></PageSheet><Rel r:id="rId%d"/></Page>`, i, p.name, p.name, i+1)
		fmt.Fprintf(&prel, `<Relationship Id="rId%d" Type="http://schemas.microsoft.com/visio/2010/relationships/page" Target="page%d.xml"/>`, i+1, i+1)
	}
	put("visio/pages/pages.xml", `<Pages `+visNS+`>`+pl.String()+`</Pages>`)
	put("visio/pages/_rels/pages.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+prel.String()+`</Relationships>`)
	var ml, mrel strings.Builder
	for i, m := range masters {
		fmt.Fprintf(&ml, `<Master ID="%d" NameU="%s" Name="%s"><Rel r:id="rId%d"/></Master>`, i+1, m, m, i+1)
		fmt.Fprintf(&mrel, `<Relationship Id="rId%d" Type="http://schemas.microsoft.com/visio/2010/relationships/master" Target="master%d.xml"/>`, i+1, i+1)
		put(fmt.Sprintf("visio/masters/master%d.xml", i+1), `<MasterContents `+visNS+`><Shapes><Shape ID="1" Type="Shape" LineStyle="0" FillStyle="0" TextStyle="0">`+
			`<Cell N="Width" V="0.75"/><Cell N="Height" V="0.5"/><Cell N="LocPinX" V="0.375"/><Cell N="LocPinY" V="0.25"/>`+
			`<Section N="Geometry" IX="0"><Row T="MoveTo" IX="1"><Cell N="X" V="0"/><Cell N="Y" V="0"/></Row><Row T="LineTo" IX="2"><Cell N="X" V="0.75"/><Cell N="Y" V="0"/></Row>`+
			`<Row T="LineTo" IX="3"><Cell N="X" V="0.75"/><Cell N="Y" V="0.5"/></Row><Row T="LineTo" IX="4"><Cell N="X" V="0"/><Cell N="Y" V="0.5"/></Row><Row T="LineTo" IX="5"><Cell N="X" V="0"/><Cell N="Y" V="0"/></Row></Section>`+
			`</Shape></Shapes></MasterContents>`)
	}
	put("visio/masters/masters.xml", `<Masters `+visNS+`>`+ml.String()+`</Masters>`)
	put("visio/masters/_rels/masters.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+mrel.String()+`</Relationships>`)
	for i, p := range pages {
		var sb, cb strings.Builder
		var write func([]vsdxShape)
		write = func(list []vsdxShape) {
			for _, s := range list {
				writeShape(&sb, &cb, s, mid, write)
			}
		}
		write(p.shapes)
		body := `<PageContents ` + visNS + `><Shapes>` + sb.String() + `</Shapes>`
		if cb.Len() > 0 {
			body += `<Connects>` + cb.String() + `</Connects>`
		}
		put(fmt.Sprintf("visio/pages/page%d.xml", i+1), body+`</PageContents>`)
	}
	zw.Close()
	return buf.Bytes()
}

func writeShape(sb, cb *strings.Builder, s vsdxShape, mid map[string]int, write func([]vsdxShape)) {
	typ := "Shape"
	if len(s.children) > 0 {
		typ = "Group"
	}
	fmt.Fprintf(sb, `<Shape ID="%s" NameU="%s" Name="%s" Type="%s" LineStyle="0" FillStyle="0" TextStyle="0"`, s.id, nameU(s), nameU(s), typ)
	if m := mid[s.master]; m > 0 {
		fmt.Fprintf(sb, ` Master="%d"`, m)
	}
	sb.WriteString(">")
	if s.begin != "" {
		fmt.Fprintf(sb, `<Cell N="BeginX" V="%g"/><Cell N="BeginY" V="%g"/><Cell N="EndX" V="%g"/><Cell N="EndY" V="%g"/>`, s.x, s.y, s.x+s.w, s.y+s.h)
		fmt.Fprintf(sb, `<Cell N="PinX" V="%g"/><Cell N="PinY" V="%g"/><Cell N="Width" V="%g"/><Cell N="Height" V="0"/>`, s.x+s.w/2, s.y+s.h/2, s.w)
		sb.WriteString(`<Section N="Geometry" IX="0"><Row T="MoveTo" IX="1"><Cell N="X" V="0"/><Cell N="Y" V="0"/></Row><Row T="LineTo" IX="2"><Cell N="X" V="` + fmt.Sprint(s.w) + `"/><Cell N="Y" V="0"/></Row></Section>`)
		fmt.Fprintf(cb, `<Connect FromSheet="%s" FromCell="BeginX" FromPart="9" ToSheet="%s" ToCell="PinX" ToPart="3"/>`, s.id, s.begin)
		fmt.Fprintf(cb, `<Connect FromSheet="%s" FromCell="EndX" FromPart="12" ToSheet="%s" ToCell="PinX" ToPart="3"/>`, s.id, s.end)
	} else {
		fmt.Fprintf(sb, `<Cell N="PinX" V="%g"/><Cell N="PinY" V="%g"/><Cell N="Width" V="%g"/><Cell N="Height" V="%g"/><Cell N="LocPinX" V="%g"/><Cell N="LocPinY" V="%g"/>`,
			s.x+s.w/2, s.y+s.h/2, s.w, s.h, s.w/2, s.h/2)
		if s.master == "" {
			fmt.Fprintf(sb, `<Section N="Geometry" IX="0"><Row T="MoveTo" IX="1"><Cell N="X" V="0"/><Cell N="Y" V="0"/></Row><Row T="LineTo" IX="2"><Cell N="X" V="%g"/><Cell N="Y" V="0"/></Row>`+
				`<Row T="LineTo" IX="3"><Cell N="X" V="%g"/><Cell N="Y" V="%g"/></Row><Row T="LineTo" IX="4"><Cell N="X" V="0"/><Cell N="Y" V="%g"/></Row><Row T="LineTo" IX="5"><Cell N="X" V="0"/><Cell N="Y" V="0"/></Row></Section>`, s.w, s.w, s.h, s.h)
		}
	}
	if s.container {
		sb.WriteString(`<Section N="User"><Row N="msvStructureType"><Cell N="Value" V="&quot;Container&quot;" U="STR"/></Row></Section>`)
	}
	if len(s.props) > 0 {
		sb.WriteString(`<Section N="Property">`)
		for _, p := range s.props {
			fmt.Fprintf(sb, `<Row N="%s"><Cell N="Value" V="%s" U="STR"/><Cell N="Label" V="%s"/></Row>`, p[0], p[1], p[0])
		}
		sb.WriteString(`</Section>`)
	}
	if s.text != "" {
		sb.WriteString(`<Text>` + s.text + `</Text>`)
	}
	if len(s.children) > 0 {
		sb.WriteString("<Shapes>")
		// Children are placed relative to the group's bottom left.
		kids := make([]vsdxShape, len(s.children))
		for i, c := range s.children {
			c.x -= s.x
			c.y -= s.y
			kids[i] = c
		}
		write(kids)
		sb.WriteString("</Shapes>")
	}
	sb.WriteString("</Shape>")
}

func nameU(s vsdxShape) string {
	switch {
	case s.begin != "":
		return "Dynamic connector." + s.id
	case s.master != "":
		return s.master + "." + s.id
	case s.container:
		return "Container." + s.id
	}
	return "Sheet." + s.id
}

// visioFixtures are the .vsdx test drawings: a two-site police department
// drawn with Visio's network masters (a site as a container, a site as a
// group), Shape Data giving the format's fields, and a second page.
var visioFixtures = map[string][]vsdxPage{
	"two-sites.vsdx": {{name: "Page-1", shapes: []vsdxShape{
		// A Visio container does not hold its members as children: they
		// lie on it. A group (the annex below) does hold its shapes.
		{id: "1", text: "Headquarters", x: 0.5, y: 3, w: 5, h: 4, container: true, props: [][2]string{{"ID", "hq"}, {"security", "physically-secure"}}},
		{id: "2", master: "Router", text: "hq-rtr", x: 1, y: 6, w: 0.75, h: 0.5},
		{id: "3", master: "Switch", text: "hq-sw", x: 3, y: 6, w: 0.75, h: 0.5},
		{id: "4", master: "PC", text: "Dispatch", x: 1, y: 4, w: 0.75, h: 0.5, props: [][2]string{{"count", "6"}, {"authentication", "advanced"}}},
		{id: "5", master: "Server", text: "Records server", x: 3, y: 4, w: 0.75, h: 0.5},
		{id: "6", text: "Annex", x: 6.5, y: 3, w: 3.5, h: 4, props: [][2]string{{"security", "controlled-area"}}, children: []vsdxShape{
			{id: "7", master: "Firewall", text: "annex-fw", x: 7, y: 6, w: 0.75, h: 0.5},
			{id: "8", master: "Laptop computer", text: "Detective laptops", x: 7, y: 4, w: 0.75, h: 0.5, props: [][2]string{{"count", "3"}}},
		}},
		{id: "9", master: "Cloud", text: "CALNET MPLS", x: 4, y: 0.5, w: 1.5, h: 1},
		{id: "10", master: "Plant", text: "Lobby plant", x: 9, y: 1, w: 0.5, h: 0.5},
		{id: "20", begin: "2", end: "3", x: 1.75, y: 6.25, w: 1.25},
		{id: "21", begin: "4", end: "3", x: 1.75, y: 4.25, w: 1.25},
		{id: "22", begin: "5", end: "3", x: 3.4, y: 4.5, w: 0.1},
		{id: "23", begin: "2", end: "9", x: 1.4, y: 1.5, w: 3, props: [][2]string{{"medium", "mpls"}, {"carrier", "att"}}},
		{id: "24", begin: "7", end: "9", x: 7.4, y: 1.5, w: 2, props: [][2]string{{"medium", "internet"}}},
		{id: "25", begin: "8", end: "7", x: 7.4, y: 4.5, w: 0.1, props: [][2]string{{"medium", "wifi"}}},
	}}, {name: "Page-2", shapes: []vsdxShape{
		{id: "1", master: "Printer", text: "Annex printer", x: 1, y: 1, w: 0.75, h: 0.5},
	}}},
}

// TestVisioFixtures writes the fixtures with -update, and otherwise checks
// that the committed ones are what the generator writes.
func TestVisioFixtures(t *testing.T) {
	for name, pages := range visioFixtures {
		path := filepath.Join("testdata", "visio", name)
		got := writeVSDX(pages)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./topology/drawing -run TestVisioFixtures -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator writes: run testdata/visio/make.sh", path)
		}
	}
}
