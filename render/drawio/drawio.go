// Package drawio writes a reviewed proposal as an editable draw.io
// (diagrams.net) drawing: sites as containers, devices with network
// stencils, links and tunnels as connectors, zones and waivers as labeled
// boxes, and every field of the model as a custom property (Edit Data in
// draw.io), so that the agency can fix the design in draw.io and send it
// back. The findings are drawn on a layer of their own ("Findings"):
// a highlight in the severity's color around each subject, numbered as the
// reports number them (F1 is the first finding), and a list of them.
//
// Reading the drawing back (package topology/drawing) gives the same model:
// the findings layer, the title and the list are notes that the reader
// skips.
package drawio

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/words"
	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/drawing"
	"github.com/netreview/netreview/topology/sheet"
)

// Options say what to write.
type Options struct {
	// NoFindings leaves out the findings layer: the plain diagram.
	NoFindings bool
}

// stencils are the draw.io shapes devices are drawn with, by type.
var stencils = map[topology.DeviceType]string{
	topology.StateHub:       "shape=mxgraph.cisco.servers.communications_server",
	topology.Router:         "shape=mxgraph.cisco.routers.router",
	topology.Switch:         "shape=mxgraph.cisco.switches.workgroup_switch",
	topology.Firewall:       "shape=mxgraph.cisco.security.firewall",
	topology.VPNGateway:     "shape=mxgraph.cisco.misc.vpn_concentrator",
	topology.WirelessAP:     "shape=mxgraph.cisco.misc.access_point",
	topology.Server:         "shape=mxgraph.cisco.servers.fileserver",
	topology.Workstation:    "shape=mxgraph.cisco.computers_and_peripherals.workstation",
	topology.MobileDevice:   "shape=mxgraph.networks.mobile",
	topology.Printer:        "shape=mxgraph.cisco.computers_and_peripherals.printer",
	topology.Hypervisor:     "shape=mxgraph.networks.server",
	topology.VirtualMachine: "rounded=1;dashed=1",
	topology.CloudService:   "ellipse;shape=cloud",
	topology.CarrierNetwork: "shape=mxgraph.networks.cloud",
	topology.Modem:          "shape=mxgraph.networks.modem",
}

// Sizes of the layout, in draw.io's pixels.
const (
	margin     = 40
	devW, devH = 60, 50
	cellW      = 150 // a device's column, label included
	cellH      = 140
	siteTop    = 50 // a container's header
	zoneW      = 180
	zoneH      = 40
	maxRowW    = 1800
	noteW      = 420
)

// writer holds the drawing being written.
type writer struct {
	res   *analysis.Result
	m     *topology.Model
	b     strings.Builder
	doc   *topology.Document  // the document of the page being written
	geo   map[string]box      // absolute boxes of the page's elements, by cell id
	edges map[string]edgeGlue // the page's connectors, by cell id
}

// edgeGlue is how a connector is attached: its source and target
// attributes and its geometry, for a highlight that follows it.
type edgeGlue struct {
	extra []string
	geo   string
}

type box struct{ x, y, w, h float64 }

// place is where a device is drawn: its parent cell, its position in it,
// and the parent's position on the page.
type place struct {
	parent       string
	x, y, ox, oy float64
}

// Write writes the review as a draw.io file to w.
func Write(w io.Writer, res *analysis.Result, opts Options) error {
	wr := &writer{res: res, m: res.Model}
	wr.write(opts)
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(wr.b.String()); err != nil {
		return err
	}
	return bw.Flush()
}

// Cell ids: the element's kind and id, so that places in findings read
// x.drawio#Page-1!device:rpd-rtr.
func siteCell(id string) string   { return "site:" + id }
func zoneCell(id string) string   { return "zone:" + id }
func deviceCell(id string) string { return "device:" + id }
func linkCell(id string) string   { return "link:" + id }
func tunnelCell(id string) string { return "tunnel:" + id }

// write writes one page per input document (the state's backbone, each
// agency), each with the document's agency and proposal on its root cell,
// so that reading the drawing gives the documents back.
func (wr *writer) write(opts Options) {
	wr.b.WriteString(`<mxfile host="netreview" type="device">` + "\n")
	docs := wr.m.Docs
	if len(docs) == 0 {
		docs = []*topology.Document{nil}
	}
	names := map[string]bool{}
	for i, d := range docs {
		name := pageName(d, i)
		for n := 2; names[name]; n++ {
			name = pageName(d, i) + " " + strconv.Itoa(n)
		}
		names[name] = true
		wr.doc, wr.geo, wr.edges = d, map[string]box{}, map[string]edgeGlue{}
		wr.b.WriteString(`  <diagram id="page-` + strconv.Itoa(i+1) + `" name="` + esc(name) + `">` + "\n")
		wr.page(opts, i == 0)
		wr.b.WriteString("  </diagram>\n")
	}
	wr.b.WriteString("</mxfile>\n")
}

// pageName names a document's page: its agency, or its file's name.
func pageName(d *topology.Document, i int) string {
	switch {
	case d == nil:
		return "Page-1"
	case d.Agency.Name != "":
		return d.Agency.Name
	case d.Path != "":
		return filepath.Base(d.Path)
	}
	return "Page-" + strconv.Itoa(i+1)
}

// mine reports whether an element of document d is drawn on this page;
// an element of no known document is drawn on the first.
func (wr *writer) mine(d *topology.Document) bool {
	if d == wr.doc {
		return true
	}
	if len(wr.m.Docs) == 0 || wr.doc != wr.m.Docs[0] {
		return false
	}
	for _, x := range wr.m.Docs {
		if x == d {
			return false
		}
	}
	return true
}

// drawnSite reports whether the site is drawn on this page.
func (wr *writer) drawnSite(id string) bool {
	s := wr.m.Site(id)
	return s != nil && wr.mine(s.Doc)
}

// drawnDevice reports whether the device is drawn on this page.
func (wr *writer) drawnDevice(id string) bool {
	d := wr.m.Device(id)
	return d != nil && wr.mine(d.Doc)
}

func (wr *writer) page(opts Options, first bool) {
	wr.b.WriteString(`    <mxGraphModel grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" math="0" shadow="0">` + "\n")
	wr.b.WriteString("      <root>\n")
	wr.root()
	wr.cell(nil, "1", "", "", "parent=0", "", nil)
	y := wr.title(margin, margin)
	y = wr.zones(y)
	places := map[*topology.Device]place{}
	y = wr.unsited(y, places)
	y = wr.sites(y, places)
	wr.devices(places)
	wr.links()
	wr.tunnels()
	y = wr.waivers(y)
	if !opts.NoFindings {
		wr.findings(y, first)
	}
	wr.b.WriteString("      </root>\n    </mxGraphModel>\n")
}

// props turns one row of a sheet into properties: the column keys as
// names, empty cells left out, and skip's keys left to the drawing.
func props(sheetName string, header, row []string, skip ...string) [][2]string {
	var out [][2]string
next:
	for i, v := range row {
		if v == "" {
			continue
		}
		c := sheet.Field(sheetName, header[i])
		key := c.Key
		for _, s := range skip {
			if key == s {
				continue next
			}
		}
		if key == "id" {
			key = "ID" // "id" is the cell's own id in draw.io
		}
		out = append(out, [2]string{key, v})
	}
	return out
}

// cell writes one cell: wrapped in an <object> carrying props when there
// are any. attrs are the mxCell's attributes besides id and value
// ("parent=1", "vertex=1", ...); geo is its geometry, or "".
func (wr *writer) cell(props [][2]string, id, label, style, attrs, geo string, extra []string) {
	b := &wr.b
	indent := "        "
	mx := indent + "<mxCell"
	if props != nil {
		b.WriteString(indent + `<object id="` + esc(id) + `" label="` + esc(label) + `"`)
		for _, p := range props {
			b.WriteString(" " + p[0] + `="` + esc(p[1]) + `"`)
		}
		b.WriteString(">\n")
		mx = indent + "  <mxCell"
	} else {
		mx += ` id="` + esc(id) + `"`
		if label != "" {
			mx += ` value="` + esc(label) + `"`
		}
	}
	if style != "" {
		mx += ` style="` + esc(style) + `"`
	}
	for _, a := range strings.Fields(attrs) {
		k, v, _ := strings.Cut(a, "=")
		mx += " " + k + `="` + esc(v) + `"`
	}
	for _, a := range extra {
		k, v, _ := strings.Cut(a, "=")
		mx += " " + k + `="` + esc(v) + `"`
	}
	if geo == "" {
		b.WriteString(mx + "/>\n")
	} else {
		b.WriteString(mx + ">" + geo + "</mxCell>\n")
	}
	if props != nil {
		b.WriteString(indent + "</object>\n")
	}
}

func geometry(x, y, w, h float64) string {
	return `<mxGeometry x="` + num(x) + `" y="` + num(y) + `" width="` + num(w) + `" height="` + num(h) + `" as="geometry"/>`
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\n':
			b.WriteString("&#xa;")
		case '\r':
			b.WriteString("&#xd;")
		case '\t':
			b.WriteString("&#x9;")
		default:
			if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
				continue // not allowed in XML 1.0
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// root writes the root cell, which carries the agency and proposal (the
// diagram's own properties in draw.io: File > Properties > Edit Data).
func (wr *writer) root() {
	var ps [][2]string
	for _, r := range sheet.AgencyTable(&topology.Model{Docs: []*topology.Document{wr.doc}}) {
		if r[1] != "" {
			// "head name" reads back as head-name: hyphens do not count
			// in a field's name, and an XML name has no spaces.
			ps = append(ps, [2]string{strings.ReplaceAll(r[0], " ", "-"), r[1]})
		}
	}
	if ps == nil {
		ps = [][2]string{}
	}
	wr.cell(ps, "0", "", "", "", "", nil)
}

// label is what an element's cell shows: its name, or its id when it has
// none. The name itself is a property: the reader does not take a label
// of a drawing netreview wrote for a name.
func label(id, name string) string {
	if name != "" {
		return name
	}
	return id
}

// title writes the note at the top: FOUO, the agencies, the date, the
// client count (CJIS 5.7.1.2 asks for it on a network diagram).
func (wr *writer) title(x, y float64) float64 {
	var names []string
	if wr.doc != nil && wr.doc.Agency.Name != "" {
		names = append(names, wr.doc.Agency.Name)
	}
	clients, ws, mob := 0, 0, 0
	for _, d := range wr.m.Devices {
		if !wr.mine(d.Doc) {
			continue
		}
		switch d.Type {
		case topology.Workstation:
			ws += d.Units()
		case topology.MobileDevice:
			mob += d.Units()
		default:
			continue
		}
		clients += d.Units()
	}
	agencies := words.List(names, "; ", "agency", "agencies") // a statewide file has thousands
	if agencies == "" {
		agencies = "(agency not named)"
	}
	text := "<b>FOR OFFICIAL USE ONLY</b><br><b>" + htmlEsc(agencies) + "</b><br>Network diagram, reviewed by netreview<br>Review date: " +
		wr.res.Date.Format("2006-01-02") + fmt.Sprintf("<br>Clients: %d (workstations %d, mobile %d)", clients, ws, mob)
	wr.cell(nil, "note:title", text, "text;html=1;align=left;verticalAlign=top;whiteSpace=wrap;fillColor=#ffffff;strokeColor=#343a40;spacing=6;"+drawing.RoleKey+"="+drawing.RoleNote,
		"vertex=1 parent=1", geometry(x, y, noteW, 90), nil)
	return y + 90 + 30
}

func htmlEsc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// zones writes the zones as a row of labeled boxes in their kind's fill.
func (wr *writer) zones(y float64) float64 {
	t := sheet.Table(wr.m, sheet.ZonesSheet)
	x := float64(margin)
	n := 0
	for i, z := range wr.m.Zones {
		if z.Implicit || !wr.mine(z.Doc) {
			continue
		}
		ps := props(sheet.ZonesSheet, t[0], t[i+1])
		style := "rounded=1;whiteSpace=wrap;fillColor=" + render.ZoneFill(z.Kind) + ";strokeColor=#868e96;" + drawing.RoleKey + "=" + drawing.RoleZone
		wr.cell(ps, zoneCell(z.ID), label(z.ID, z.Name)+" ("+string(z.Kind)+")", style, "vertex=1 parent=1", geometry(x, y, zoneW, zoneH), nil)
		wr.geo[zoneCell(z.ID)] = box{x, y, zoneW, zoneH}
		x += zoneW + 20
		if x+zoneW > maxRowW {
			x = margin
			y += zoneH + 20
		}
		n++
	}
	if n == 0 {
		return y
	}
	return y + zoneH + 40
}

// devices returns the model's devices with their rows of the Devices sheet.
func (wr *writer) deviceRows() (header []string, rows map[*topology.Device][]string) {
	t := sheet.Table(wr.m, sheet.DevicesSheet)
	rows = map[*topology.Device][]string{}
	for i, d := range wr.m.Devices {
		rows[d] = t[i+1]
	}
	return t[0], rows
}

// devices writes the page's devices in the model's order, each at its
// place (so that reading the drawing gives them in that order).
func (wr *writer) devices(places map[*topology.Device]place) {
	header, rows := wr.deviceRows()
	for _, d := range wr.m.Devices {
		if p, ok := places[d]; ok {
			wr.device(d, header, rows[d], p)
		}
	}
}

// device writes one device at its place.
func (wr *writer) device(d *topology.Device, header, row []string, p place) {
	var skip []string
	if wr.drawnSite(d.Site) {
		skip = append(skip, "site") // the container says it
	}
	ps := props(sheet.DevicesSheet, header, row, skip...)
	st := stencils[d.Type]
	if st == "" {
		st = "rounded=1"
	}
	style := st + ";whiteSpace=wrap;labelWidth=" + strconv.Itoa(cellW-10) + ";verticalLabelPosition=bottom;verticalAlign=top;align=center;fillColor=#036897;strokeColor=#ffffff;strokeWidth=2;fontSize=11;" + drawing.RoleKey + "=" + drawing.RoleDevice
	lbl := label(d.ID, d.Name)
	if d.Count > 1 {
		lbl += " (×" + strconv.Itoa(d.Count) + ")"
	}
	wr.cell(ps, deviceCell(d.ID), lbl, style, "vertex=1 parent="+p.parent, geometry(p.x, p.y, devW, devH), nil)
	wr.geo[deviceCell(d.ID)] = box{p.ox + p.x, p.oy + p.y, devW, devH}
}

// unsited writes the devices that stand in no drawn site (carrier networks,
// cloud services) in a row above the sites.
func (wr *writer) unsited(y float64, places map[*topology.Device]place) float64 {
	x := float64(margin)
	n := 0
	for _, d := range wr.m.Devices {
		if !wr.mine(d.Doc) || wr.drawnSite(d.Site) {
			continue
		}
		places[d] = place{"1", x + (cellW-devW)/2, y, 0, 0}
		x += cellW
		if x+cellW > maxRowW {
			x = margin
			y += cellH
		}
		n++
	}
	if n == 0 {
		return y
	}
	return y + cellH
}

// sites writes each site as a container holding its devices in a grid,
// the containers side by side in rows.
func (wr *writer) sites(y float64, places map[*topology.Device]place) float64 {
	t := sheet.Table(wr.m, sheet.SitesSheet)
	members := map[string][]*topology.Device{}
	for _, d := range wr.m.Devices {
		if wr.mine(d.Doc) && wr.drawnSite(d.Site) {
			members[d.Site] = append(members[d.Site], d)
		}
	}
	x, rowH := float64(margin), 0.0
	for i, s := range wr.m.Sites {
		if !wr.mine(s.Doc) {
			continue
		}
		devs := members[s.ID]
		cols := int(math.Ceil(math.Sqrt(float64(len(devs)))))
		if cols < 2 {
			cols = 2
		}
		nrows := (len(devs) + cols - 1) / cols
		if nrows < 1 {
			nrows = 1
		}
		w, h := float64(cols*cellW+20), float64(siteTop+nrows*cellH)
		if x > margin && x+w > maxRowW {
			x, y, rowH = margin, y+rowH+40, 0
		}
		ps := props(sheet.SitesSheet, t[0], t[i+1])
		fill := "#ffffff"
		if s.Security == topology.PhysicallySecure {
			fill = "#ebfbee"
		}
		style := "swimlane;shape=swimlane;container=1;collapsible=0;startSize=30;whiteSpace=wrap;rounded=1;fontStyle=1;fillColor=" + fill + ";swimlaneFillColor=" + fill + ";strokeColor=#495057;" + drawing.RoleKey + "=" + drawing.RoleSite
		lbl := label(s.ID, s.Name)
		wr.cell(ps, siteCell(s.ID), lbl, style, "vertex=1 parent=1", geometry(x, y, w, h), nil)
		wr.geo[siteCell(s.ID)] = box{x, y, w, h}
		for j, d := range devs {
			dx := float64(10 + (j%cols)*cellW + (cellW-devW)/2)
			dy := float64(siteTop + (j/cols)*cellH)
			places[d] = place{siteCell(s.ID), dx, dy, x, y}
		}
		x += w + 40
		rowH = math.Max(rowH, h)
	}
	return y + rowH + 40
}

// links writes each link as a connector between its devices.
func (wr *writer) links() {
	t := sheet.Table(wr.m, sheet.LinksSheet)
	for i, l := range wr.m.Links {
		if !wr.mine(l.Doc) {
			continue
		}
		color := render.PlainColor
		if l.Encryption != nil && l.Encryption.Protocol != "" && l.Encryption.Protocol != topology.ProtoNone {
			color = render.EncryptedColor
		}
		style := "endArrow=none;html=0;strokeWidth=2;fontSize=10;labelBackgroundColor=#ffffff;strokeColor=" + color
		if l.Medium.Radio() {
			style += ";dashed=1"
		}
		style += ";" + drawing.RoleKey + "=" + drawing.RoleLink
		lbl := string(l.Medium)
		if l.Medium == topology.Ethernet {
			lbl = "" // the common case: a label on every cable is noise
		}
		wr.edge(sheet.LinksSheet, t[0], t[i+1], linkCell(l.ID), l.A, l.B, lbl, style)
	}
}

// tunnels writes each tunnel as a bold connector of its own color between
// its ends, the links it rides in its over property.
func (wr *writer) tunnels() {
	t := sheet.Table(wr.m, sheet.TunnelsSheet)
	for i, tu := range wr.m.Tunnels {
		if !wr.mine(tu.Doc) {
			continue
		}
		style := "endArrow=none;html=0;strokeWidth=4;dashed=1;dashPattern=8 4;fontSize=10;labelBackgroundColor=#ffffff;curved=1;strokeColor=" + render.TunnelColor + ";fontColor=" + render.TunnelColor + ";" + drawing.RoleKey + "=" + drawing.RoleTunnel
		lbl := "tunnel " + tu.ID
		if tu.Encryption != nil && tu.Encryption.Protocol != "" {
			lbl += " (" + string(tu.Encryption.Protocol) + ")"
		}
		wr.edge(sheet.TunnelsSheet, t[0], t[i+1], tunnelCell(tu.ID), tu.A, tu.B, lbl, style)
	}
}

// edge writes a connector; an end whose device is not drawn stays a
// property (a or b) and the connector ends in the open.
func (wr *writer) edge(sheetName string, header, row []string, id, a, b, lbl, style string) {
	var skip []string
	var extra []string
	if wr.drawnDevice(a) {
		skip = append(skip, "a")
		extra = append(extra, "source="+deviceCell(a))
	}
	if wr.drawnDevice(b) {
		skip = append(skip, "b")
		extra = append(extra, "target="+deviceCell(b))
	}
	ps := props(sheetName, header, row, skip...)
	geo := `<mxGeometry relative="1" as="geometry">`
	pa, pb := wr.geo[deviceCell(a)], wr.geo[deviceCell(b)]
	if !wr.drawnDevice(a) {
		geo += `<mxPoint x="` + num(pb.x-80) + `" y="` + num(pb.y-40) + `" as="sourcePoint"/>`
	}
	if !wr.drawnDevice(b) {
		geo += `<mxPoint x="` + num(pa.x+devW+80) + `" y="` + num(pa.y-40) + `" as="targetPoint"/>`
	}
	geo += `</mxGeometry>`
	wr.cell(ps, id, lbl, style, "edge=1 parent=1", geo, extra)
	wr.geo[id] = box{}
	wr.edges[id] = edgeGlue{extra, geo}
}

// waivers writes each waiver as a note below the sites.
func (wr *writer) waivers(y float64) float64 {
	t := sheet.Table(wr.m, sheet.WaiversSheet)
	x := float64(margin)
	n := 0
	for i, w := range wr.m.Waivers {
		if !wr.mine(w.Doc) {
			continue
		}
		n++
		ps := props(sheet.WaiversSheet, t[0], t[i+1])
		lbl := "Waiver: " + w.Rule + " on " + w.Subject
		if !w.Expires.IsZero() {
			lbl += ", until " + w.Expires.Format("2006-01-02")
		}
		style := "shape=note;whiteSpace=wrap;size=14;align=left;spacingLeft=6;fillColor=#f8f9fa;strokeColor=#868e96;fontSize=11;" + drawing.RoleKey + "=" + drawing.RoleWaiver
		wr.cell(ps, "waiver:"+strconv.Itoa(i+1), lbl, style, "vertex=1 parent=1", geometry(x, y, 260, 50), nil)
		x += 280
		if x+260 > maxRowW {
			x, y = margin, y+70
		}
	}
	if n > 0 {
		y += 90
	}
	return y
}

// cellOf is the cell a finding's subject is drawn as, or "".
func (wr *writer) cellOf(f *analysis.Finding) string {
	var id string
	switch f.Kind {
	case analysis.KindDevice:
		id = deviceCell(f.Subject)
	case analysis.KindSite:
		id = siteCell(f.Subject)
	case analysis.KindZone:
		id = zoneCell(f.Subject)
	case analysis.KindLink:
		id = linkCell(f.Subject)
	case analysis.KindTunnel:
		id = tunnelCell(f.Subject)
	}
	if _, ok := wr.geo[id]; ok {
		return id
	}
	return ""
}

// findings writes the findings layer: a highlight around each drawn
// subject, numbered F1, F2, ... in the reports' order, and the list of
// every finding below the drawing.
func (wr *writer) findings(y float64, first bool) {
	style := "locked=0;" + drawing.RoleKey + "=" + drawing.RoleFindings
	wr.cell(nil, "findings", "Findings", style, "parent=0", "", nil)
	numbers := map[string][]string{}
	var order []string
	for i := range wr.res.Findings {
		f := &wr.res.Findings[i]
		id := wr.cellOf(f)
		if id == "" {
			continue
		}
		if numbers[id] == nil {
			order = append(order, id)
		}
		numbers[id] = append(numbers[id], "F"+strconv.Itoa(i+1))
	}
	worst := map[string]*analysis.Finding{}
	for i := range wr.res.Findings {
		f := &wr.res.Findings[i]
		id := wr.cellOf(f)
		if id == "" {
			continue
		}
		if w := worst[id]; w == nil || (w.Waived && !f.Waived) || (w.Waived == f.Waived && f.Severity > w.Severity) {
			worst[id] = f
		}
	}
	for _, id := range order {
		f := worst[id]
		color := render.SeverityColor(f.Severity)
		if f.Waived {
			color = render.WaivedColor
		}
		lbl := strings.Join(numbers[id], " ")
		if e, ok := wr.edges[id]; ok {
			// A wide translucent connector over the link or tunnel,
			// glued to the same devices, so that it follows the link
			// wherever the agency moves them.
			st := "endArrow=none;html=0;strokeWidth=10;opacity=35;fontStyle=1;fontSize=11;labelBackgroundColor=#ffffff;textOpacity=100;strokeColor=" + color + ";fontColor=" + color + ";" + drawing.RoleKey + "=" + drawing.RoleNote
			wr.cell(nil, "finding:"+id, lbl, st, "edge=1 parent=findings", e.geo, e.extra)
			continue
		}
		g := wr.geo[id]
		const pad = 10.0
		st := "rounded=1;fillColor=none;strokeWidth=3;verticalLabelPosition=top;verticalAlign=bottom;align=left;spacingLeft=2;fontStyle=1;fontSize=11;strokeColor=" + color + ";fontColor=" + color + ";" + drawing.RoleKey + "=" + drawing.RoleNote
		wr.cell(nil, "finding:"+id, lbl, st, "vertex=1 parent=findings", geometry(g.x-pad, g.y-pad, g.w+2*pad, g.h+2*pad), nil)
	}
	var text strings.Builder
	text.WriteString("<b>Findings</b> on this page (numbered as in the review report)<br>")
	n := 0
	for i := range wr.res.Findings {
		f := &wr.res.Findings[i]
		if !wr.listed(f, first) {
			continue
		}
		n++
		color := render.SeverityColor(f.Severity)
		state := f.Severity.String()
		if f.Waived {
			color, state = render.WaivedColor, "waived"
		}
		fmt.Fprintf(&text, `<font color="%s"><b>F%d</b> %s</font> %s %s: %s<br>`, color, i+1, state, htmlEsc(f.Rule), htmlEsc(f.Subject), htmlEsc(f.Message))
	}
	if n == 0 {
		text.WriteString("None.")
	}
	h := float64(30 + 24*n)
	wr.cell(nil, "note:findings", text.String(), "text;html=1;align=left;verticalAlign=top;whiteSpace=wrap;spacing=6;fillColor=#ffffff;strokeColor=#343a40;fontSize=11;"+drawing.RoleKey+"="+drawing.RoleNote,
		"vertex=1 parent=findings", geometry(margin, y, 1000, h), nil)
}

// listed reports whether the finding is listed on this page: the page of
// its subject's document, or the first page for a subject that is not
// an element (a shared risk) or whose document is not known.
func (wr *writer) listed(f *analysis.Finding, first bool) bool {
	var doc *topology.Document
	switch f.Kind {
	case analysis.KindDevice:
		if d := wr.m.Device(f.Subject); d != nil {
			doc = d.Doc
		}
	case analysis.KindSite:
		if s := wr.m.Site(f.Subject); s != nil {
			doc = s.Doc
		}
	case analysis.KindZone:
		if z := wr.m.Zone(f.Subject); z != nil {
			doc = z.Doc
		}
	case analysis.KindLink:
		if l := wr.m.Link(f.Subject); l != nil {
			doc = l.Doc
		}
	case analysis.KindTunnel:
		if t := wr.m.Tunnel(f.Subject); t != nil {
			doc = t.Doc
		}
	case analysis.KindWaiver:
		for _, w := range wr.m.Waivers {
			if w.Rule+"/"+w.Subject == f.Subject {
				doc = w.Doc
			}
		}
	}
	if doc == nil {
		return first
	}
	return wr.mine(doc)
}

// IsPath reports whether path names a draw.io file by its extension
// (.drawio), the form Write writes.
func IsPath(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), ".drawio")
}
