package drawing

import (
	"html"
	"strconv"
	"strings"

	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/sheet"
)

// Roles a writer marks on a cell with the style key "netreview", so that
// reading its own drawing back needs no guess. Drawings made by people have
// none; their cells' roles follow from stencils, containers and properties.
const (
	RoleKey      = "netreview"
	RoleSite     = "site"
	RoleZone     = "zone"
	RoleDevice   = "device"
	RoleLink     = "link"
	RoleTunnel   = "tunnel"
	RoleWaiver   = "waiver"
	RoleFindings = "findings" // a layer of highlights and notes, not read
	RoleNote     = "note"     // a title, legend or finding note, not read
)

// role is what a cell stands for in the model.
type role int

const (
	roleNone role = iota
	roleText      // a label or decoration: not an element, not reported
	roleSite
	roleZone
	roleDevice
	roleWaiver
	roleUnknown // a shape that is none of the above: reported
)

// element is one element of the model as the drawing gives it: its fields
// by the names of the workbook's columns, and the place of its cell.
type element struct {
	sheet  string
	pos    topology.Pos
	id     string
	fields []field
}

type field struct{ header, value string }

// set adds a field unless the element has it already (the first value
// written wins: an explicit property over what the drawing implies).
func (e *element) set(header, value string) {
	if value == "" {
		return
	}
	for _, f := range e.fields {
		if f.header == header {
			return
		}
	}
	e.fields = append(e.fields, field{header, value})
}

func (e *element) get(header string) string {
	for _, f := range e.fields {
		if f.header == header {
			return f.value
		}
	}
	return ""
}

// builder turns the pages of one drawing into elements.
type builder struct {
	path  string
	docs  []*document
	cur   *document // the document of the page being read
	ids   map[string]map[string]bool
	next  map[string]int // the next number to try after an id made from a base
	warns []*topology.Warning
	errs  topology.ErrorList
}

// document is the elements of one document of the drawing: the pages from
// one whose root cell carries the agency up to the next such page.
type document struct {
	start  topology.Pos
	agency *element
	elems  map[string][]*element // by sheet
}

func newBuilder(path string) *builder {
	return &builder{path: path, ids: map[string]map[string]bool{}, next: map[string]int{}}
}

// ignoredProps are properties draw.io itself keeps on a UserObject.
var ignoredProps = map[string]bool{"placeholders": true, "tooltip": true, "link": true, "label": true, "tags": true}

// pageCells is one page being read, its cells by id and their roles.
type pageCells struct {
	p     *page
	byID  map[string]*cell
	roles map[*cell]role
	elem  map[*cell]*element
	skip  map[*cell]bool // in a findings layer, or a note
	areas []*cell        // labeled boxes drawn around devices: sites
}

// abs returns the cell's rectangle on the page: its geometry plus its
// parents' offsets.
func (pc *pageCells) abs(c *cell) rect {
	r := c.geo
	for i, x := 0, pc.byID[c.parent]; x != nil && i < 64; i, x = i+1, pc.byID[x.parent] {
		if x.vertex {
			r.x += x.geo.x
			r.y += x.geo.y
		}
	}
	return r
}

func (r rect) contains(q rect) bool {
	return r.w > 0 && r.h > 0 && q.x >= r.x && q.y >= r.y && q.x+q.w <= r.x+r.w && q.y+q.h <= r.y+r.h
}

// findAreas makes a site of each labeled plain box that is drawn around
// devices without being their container, as people draw a building or a
// campus wing behind its equipment; sites are areas too, for the devices
// drawn on them that are not their children.
func (pc *pageCells) findAreas() {
	var devices []rect
	boxes := 0
	for _, c := range pc.p.cells {
		switch pc.roles[c] {
		case roleDevice:
			devices = append(devices, pc.abs(c))
		case roleSite, roleUnknown:
			boxes++
		}
	}
	if boxes*len(devices) > maxAreaPairs {
		return // a drawing this large says its sites with containers
	}
	for _, c := range pc.p.cells {
		if pc.roles[c] == roleSite {
			// A container holds its devices as children in draw.io; a
			// Visio container holds them by lying around them.
			pc.areas = append(pc.areas, c)
			continue
		}
		if pc.roles[c] != roleUnknown || c.label == "" || !plainBox(c.style) {
			continue
		}
		box := pc.abs(c)
		for _, d := range devices {
			if box.contains(d) {
				pc.roles[c] = roleSite
				pc.areas = append(pc.areas, c)
				break
			}
		}
	}
}

// maxAreaPairs bounds the (box, device) pairs findAreas compares, so that a
// page of many thousands of boxes and devices loads in bounded time; above
// it, a device's site is its container only.
const maxAreaPairs = 4 << 20

// areaOf returns the smallest area drawn around the device, or nil.
func (pc *pageCells) areaOf(c *cell) *cell {
	d := pc.abs(c)
	var best *cell
	for _, a := range pc.areas {
		r := pc.abs(a)
		if r.contains(d) && (best == nil || r.w*r.h < best.geo.w*best.geo.h) && a != c {
			best = a
		}
	}
	return best
}

// plainBox reports whether a style draws a basic shape (a box, an
// ellipse), not a picture.
func plainBox(st style) bool {
	name := stencilName(st)
	return !st.has("image") && (name == "" || plainShapes[name])
}

func (b *builder) pos(p *page, c *cell) topology.Pos {
	return topology.Pos{File: b.path, Sheet: p.name, Cell: c.id}
}

// kindOf maps a sheet to the id namespace it shares: links and tunnels
// share one.
func kindOf(sheetName string) string {
	if sheetName == sheet.TunnelsSheet {
		return sheet.LinksSheet
	}
	return sheetName
}

// reserve records an explicit id.
func (b *builder) reserve(sheetName, id string) {
	k := kindOf(sheetName)
	if b.ids[k] == nil {
		b.ids[k] = map[string]bool{}
	}
	b.ids[k][id] = true
}

// fresh returns base, or base-2, base-3, ... whichever is not taken yet,
// and takes it.
func (b *builder) fresh(sheetName, base string) string {
	k := kindOf(sheetName)
	if b.ids[k] == nil {
		b.ids[k] = map[string]bool{}
	}
	id, key := base, k+"\x00"+base
	n := max(b.next[key], 2)
	for ; b.ids[k][id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	b.next[key] = n
	b.ids[k][id] = true
	return id
}

// addPage reads the elements of one page.
func (b *builder) addPage(p *page) {
	pc := &pageCells{p: p, byID: map[string]*cell{}, roles: map[*cell]role{}, elem: map[*cell]*element{}, skip: map[*cell]bool{}}
	children := map[string]int{}
	for _, c := range p.cells {
		c.label = plainLabel(c.label, c.style["html"] == "1")
		if _, dup := pc.byID[c.id]; !dup {
			pc.byID[c.id] = c
		}
		if c.vertex {
			children[c.parent]++
		}
	}
	for _, c := range p.cells {
		if pc.skipped(c) {
			pc.skip[c] = true
		}
	}
	var root *cell
	for _, c := range p.cells {
		if c.parent == "" && len(c.props) > 0 && root == nil {
			root = c
		}
	}
	if b.cur == nil || root != nil && b.cur.agency != nil {
		b.cur = &document{start: topology.Pos{File: b.path, Sheet: p.name}, elems: map[string][]*element{}}
		b.docs = append(b.docs, b.cur)
	}
	if root != nil {
		b.readAgency(p, root)
	}
	for _, c := range p.cells {
		if !c.vertex || pc.skip[c] {
			continue
		}
		pc.roles[c] = b.roleOf(pc, c, children[c.id] > 0)
	}
	pc.findAreas()
	// Explicit ids first, so that ids made from labels never take them.
	for _, c := range p.cells {
		if pc.skip[c] {
			continue
		}
		if id := propValue(c, "id"); id != "" {
			if sh := pc.sheetOf(c); sh != "" {
				b.reserve(sh, id)
			}
		}
	}
	for _, c := range p.cells {
		if !c.vertex || pc.skip[c] {
			continue
		}
		switch pc.roles[c] {
		case roleSite:
			pc.elem[c] = b.newElement(pc, c, sheet.SitesSheet, "site")
		case roleZone:
			pc.elem[c] = b.newElement(pc, c, sheet.ZonesSheet, "zone")
		case roleWaiver:
			pc.elem[c] = b.newElement(pc, c, sheet.WaiversSheet, "")
		case roleDevice:
			pc.elem[c] = b.newDevice(pc, c)
		case roleUnknown:
			b.warns = append(b.warns, topology.Errorf(b.pos(p, c), "%s is not a device, site or zone that netreview recognizes; ignored (give it a property type, such as type=router)", describe(c)))
		}
	}
	for _, c := range p.cells {
		if pc.roles[c] == roleDevice {
			b.placeDevice(pc, c)
		}
	}
	for _, c := range p.cells {
		if c.edge && !pc.skip[c] {
			b.addEdge(pc, c)
		}
	}
}

// skipped reports whether the cell is a writer's note or highlight, or
// stands in a findings layer.
func (pc *pageCells) skipped(c *cell) bool {
	for i, x := 0, c; x != nil && i < 64; i, x = i+1, pc.byID[x.parent] {
		if r := x.style[RoleKey]; r == RoleFindings || r == RoleNote {
			return true
		}
		if x.parent == "" {
			break
		}
	}
	return false
}

// sheetOf is the sheet of a cell whose role is known.
func (pc *pageCells) sheetOf(c *cell) string {
	if c.edge {
		if isTunnel(c) {
			return sheet.TunnelsSheet
		}
		return sheet.LinksSheet
	}
	switch pc.roles[c] {
	case roleSite:
		return sheet.SitesSheet
	case roleZone:
		return sheet.ZonesSheet
	case roleDevice:
		return sheet.DevicesSheet
	case roleWaiver:
		return sheet.WaiversSheet
	}
	return ""
}

func isTunnel(c *cell) bool {
	return c.style[RoleKey] == RoleTunnel || propValue(c, "over") != ""
}

func propValue(c *cell, name string) string {
	for _, p := range c.props {
		if strings.EqualFold(p.name, name) {
			return strings.TrimSpace(p.value)
		}
	}
	return ""
}

// roleOf decides what a vertex stands for.
func (b *builder) roleOf(pc *pageCells, c *cell, hasChildren bool) role {
	switch c.style[RoleKey] {
	case RoleSite:
		return roleSite
	case RoleZone:
		return roleZone
	case RoleDevice:
		return roleDevice
	case RoleWaiver:
		return roleWaiver
	}
	if p := pc.byID[c.parent]; p != nil && p.edge {
		return roleText // an edge's label
	}
	if propValue(c, "rule") != "" && propValue(c, "subject") != "" {
		return roleWaiver
	}
	if propValue(c, "type") != "" {
		return roleDevice
	}
	if k := propValue(c, "kind"); k != "" {
		return roleZone
	}
	if propValue(c, "security") != "" {
		return roleSite
	}
	st := c.style
	name := stencilName(st)
	if typeOfStencil(name) != "" {
		return roleDevice
	}
	if st["container"] == "1" || st.has("swimlane") || st["shape"] == "swimlane" || st.has("group") || hasChildren {
		return roleSite
	}
	if st.has("text") || st["shape"] == "text" || st.has("line") || st["shape"] == "line" {
		return roleText
	}
	if typeOfLabel(c.label) != "" {
		return roleDevice
	}
	if network(name) || st.has("image") || st["shape"] == "image" || name != "" && !plainShapes[name] {
		return roleUnknown
	}
	if c.label == "" {
		return roleText // an unlabelled box or ellipse: a background
	}
	return roleUnknown
}

// plainShapes are draw.io's basic shapes, which name no device.
var plainShapes = map[string]bool{"rect": true, "rectangle": true, "ellipse": true, "rhombus": true,
	"hexagon": true, "process": true, "label": true}

// describe names a cell for a message: its label and its stencil.
func describe(c *cell) string {
	s := "shape"
	if c.label != "" {
		s += " " + strconv.Quote(c.label)
	}
	if n := stencilName(c.style); n != "" && !strings.HasPrefix(n, "data:") {
		s += " (" + n + ")"
	}
	return s
}

// newElement makes the element of a site, zone or waiver cell: its id,
// name and properties.
func (b *builder) newElement(pc *pageCells, c *cell, sheetName, idBase string) *element {
	e := &element{sheet: sheetName, pos: b.pos(pc.p, c)}
	b.props(pc, c, e)
	if idBase != "" {
		e.id = e.get(header(sheetName, "id"))
		if e.id == "" {
			e.id = b.fresh(sheetName, slugOr(c.label, idBase))
			e.set(header(sheetName, "id"), e.id)
		}
		if nameLabel(c, e.id) {
			e.set(header(sheetName, "name"), c.label)
		}
	}
	b.cur.elems[sheetName] = append(b.cur.elems[sheetName], e)
	return e
}

// newDevice makes the element of a device cell; its site and zones are set
// by placeDevice once every container is known.
func (b *builder) newDevice(pc *pageCells, c *cell) *element {
	e := &element{sheet: sheet.DevicesSheet, pos: b.pos(pc.p, c)}
	b.props(pc, c, e)
	typ := topology.DeviceType(e.get(header(sheet.DevicesSheet, "type")))
	if typ == "" {
		typ = typeOfStencil(stencilName(c.style))
		if typ == "" {
			typ = typeOfLabel(c.label)
		}
		e.set(header(sheet.DevicesSheet, "type"), string(typ))
	}
	e.id = e.get(header(sheet.DevicesSheet, "id"))
	if e.id == "" {
		e.id = b.fresh(sheet.DevicesSheet, slugOr(c.label, string(typ)))
		e.set(header(sheet.DevicesSheet, "id"), e.id)
	}
	if nameLabel(c, e.id) {
		e.set(header(sheet.DevicesSheet, "name"), c.label)
	}
	b.cur.elems[sheet.DevicesSheet] = append(b.cur.elems[sheet.DevicesSheet], e)
	return e
}

// nameLabel reports whether the cell's label gives the element's name: not
// when it repeats the id, and not in a drawing netreview wrote, whose labels
// only show the name property (and a count) and whose names are properties.
func nameLabel(c *cell, id string) bool {
	return c.label != id && !c.style.has(RoleKey)
}

// placeDevice sets a device's site from the nearest site container around
// it, and adds the zones of the zone containers around it.
func (b *builder) placeDevice(pc *pageCells, c *cell) {
	e := pc.elem[c]
	siteH, zonesH := header(sheet.DevicesSheet, "site"), header(sheet.DevicesSheet, "zones")
	var zones []string
	sited := false
	for i, x := 0, pc.byID[c.parent]; x != nil && i < 64; i, x = i+1, pc.byID[x.parent] {
		switch pc.roles[x] {
		case roleSite:
			if !sited {
				sited = true
				if e.get(siteH) == "" {
					e.set(siteH, pc.elem[x].id)
				}
			}
		case roleZone:
			zones = append(zones, pc.elem[x].id)
		}
	}
	if !sited && e.get(siteH) == "" {
		if a := pc.areaOf(c); a != nil {
			e.set(siteH, pc.elem[a].id)
		}
	}
	if len(zones) > 0 {
		if have := e.get(zonesH); have != "" {
			zones = append([]string{have}, zones...)
			e.fields = removeField(e.fields, zonesH)
		}
		e.set(zonesH, strings.Join(zones, ", "))
	}
}

func removeField(fs []field, header string) []field {
	out := fs[:0]
	for _, f := range fs {
		if f.header != header {
			out = append(out, f)
		}
	}
	return out
}

// endpoint returns the device a connector's end is attached to: the cell
// itself, or the device it is part of.
func (pc *pageCells) endpoint(id string) (*element, *cell) {
	c := pc.byID[id]
	for i := 0; c != nil && i < 64; i, c = i+1, pc.byID[c.parent] {
		if pc.roles[c] == roleDevice {
			return pc.elem[c], c
		}
		if pc.roles[c] == roleSite || pc.roles[c] == roleZone {
			return nil, c
		}
	}
	return nil, pc.byID[id]
}

// addEdge makes the link or tunnel of a connector between two devices.
func (b *builder) addEdge(pc *pageCells, c *cell) {
	sh := sheet.LinksSheet
	if isTunnel(c) {
		sh = sheet.TunnelsSheet
	}
	e := &element{sheet: sh, pos: b.pos(pc.p, c)}
	b.props(pc, c, e)
	ends := [2]string{}
	for i, end := range []string{c.source, c.target} {
		name := header(sh, string(rune('a'+i)))
		if have := e.get(name); have != "" {
			ends[i] = have
			continue
		}
		if end == "" {
			continue
		}
		dev, at := pc.endpoint(end)
		if dev == nil {
			what := "a shape netreview does not read"
			if at != nil {
				if r := pc.roles[at]; r == roleSite || r == roleZone {
					what = "a site or zone, not a device"
				} else {
					what = describe(at) + ", which is not a device"
				}
			}
			b.warns = append(b.warns, topology.Errorf(e.pos, "connector %s ends at %s; ignored (connect it to a device)", labelOr(c), what))
			return
		}
		ends[i] = dev.id
		e.set(name, dev.id)
	}
	if ends[0] == "" || ends[1] == "" {
		b.warns = append(b.warns, topology.Errorf(e.pos, "connector %s is not attached to a device at both ends; ignored", labelOr(c)))
		return
	}
	if sh == sheet.LinksSheet && e.get(header(sh, "medium")) == "" {
		if m := mediumOf(c.label); m != "" {
			e.set(header(sh, "medium"), string(m))
		}
	}
	idH := header(sh, "id")
	if e.id = e.get(idH); e.id == "" {
		e.id = b.fresh(sh, slugOr(ends[0]+"-"+ends[1], "link"))
		e.set(idH, e.id)
	}
	b.cur.elems[sh] = append(b.cur.elems[sh], e)
}

func labelOr(c *cell) string {
	if c.label != "" {
		return strconv.Quote(c.label)
	}
	return c.id
}

// mediumWords are the words of a connector's label that name its medium.
var mediumWords = map[string]topology.Medium{
	"ethernet": topology.Ethernet, "fiber": topology.Fiber, "fibre": topology.Fiber,
	"mpls": topology.MPLS, "t1": topology.LeasedLine, "leased": topology.LeasedLine,
	"internet": topology.InternetM, "wifi": topology.WiFi, "wi-fi": topology.WiFi,
	"wireless": topology.WiFi, "cellular": topology.Cellular, "lte": topology.Cellular,
	"4g": topology.Cellular, "5g": topology.Cellular, "microwave": topology.Microwave,
	"satellite": topology.Satellite,
}

func mediumOf(label string) topology.Medium {
	for _, w := range strings.Fields(strings.ToLower(label)) {
		if m, ok := mediumWords[strings.Trim(w, ".,;:()")]; ok {
			return m
		}
	}
	return ""
}

// props adds a cell's custom properties to its element by the column
// they name; a property that names no column is warned about.
func (b *builder) props(pc *pageCells, c *cell, e *element) {
	for _, p := range c.props {
		if ignoredProps[strings.ToLower(p.name)] {
			continue
		}
		name := schema.field(e.sheet, p.name)
		if name == "" {
			b.warns = append(b.warns, topology.Errorf(e.pos, "property %q is not a field of %s in the proposal format; ignored", p.name, what(e.sheet)))
			continue
		}
		if e.get(name) != "" {
			b.errs.Add(e.pos, "property %q repeats the %s already given", p.name, strings.ToLower(name))
			continue
		}
		e.set(name, strings.TrimSpace(p.value))
	}
}

func what(sheetName string) string {
	return map[string]string{
		sheet.SitesSheet: "a site", sheet.ZonesSheet: "a zone", sheet.DevicesSheet: "a device",
		sheet.LinksSheet: "a link", sheet.TunnelsSheet: "a tunnel", sheet.WaiversSheet: "a waiver",
		sheet.AgencySheet: "the agency",
	}[sheetName]
}

// header is the header of the column with key in the sheet.
func header(sheetName, key string) string {
	if h := schema.field(sheetName, key); h != "" {
		return h
	}
	return key
}

// readAgency reads the agency and proposal from the properties of the
// drawing's root cell (File > Properties > Edit Data in draw.io).
func (b *builder) readAgency(p *page, c *cell) {
	e := &element{sheet: sheet.AgencySheet, pos: b.pos(p, c)}
	b.props(&pageCells{p: p}, c, e)
	b.cur.agency = e
}

// fragment turns the elements into a model fragment, through the
// workbook's sheets: one document per document of the drawing.
func (b *builder) fragment() (*topology.Model, []*topology.Warning, error) {
	errs := append(topology.ErrorList{}, b.errs...)
	warns := b.warns
	var frags []*topology.Model
	for _, d := range b.docs {
		m, w, err := schema.build(b.path, d)
		warns = append(warns, w...)
		if err != nil {
			if l, ok := err.(topology.ErrorList); ok {
				errs = append(errs, l...)
			} else {
				errs.Add(d.start, "%v", err)
			}
			continue
		}
		frags = append(frags, m)
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, warns, errs
	}
	if len(frags) == 0 {
		return nil, warns, topology.ErrorList{topology.Errorf(topology.Pos{File: b.path}, "the drawing has no pages")}
	}
	return topology.Merge(frags...), warns, nil
}

// fields is what the readers need of the format's schema: the field a
// property names, and a fragment built from elements' fields given as text.
// The schema is written once, in the topology and sheet packages; this is
// the one place the readers reach it.
type fields interface {
	// field returns the canonical name of the field that name stands for
	// in the list (a sheet name: SitesSheet, ..., AgencySheet), matched as
	// workbook headers are, or "" when the list has no such field.
	field(list, name string) string
	// build makes the fragment of one document from its elements.
	build(path string, d *document) (*topology.Model, []*topology.Warning, error)
}

// schema reads fields through the workbook's columns: a drawing is read as
// the workbook it stands for, cell errors and all.
var schema fields = sheetFields{}

type sheetFields struct{}

func (sheetFields) field(list, name string) string {
	if c := sheet.Field(list, name); c != nil {
		return c.Header
	}
	return ""
}

func (sheetFields) build(path string, d *document) (*topology.Model, []*topology.Warning, error) {
	return sheet.ReadRows(path, d.start, d.sheets())
}

// sheets lays the document's elements out as the workbook's sheets: for
// each list, a header row of every field given, and a row per element.
func (d *document) sheets() []sheet.Rows {
	var sheets []sheet.Rows
	if a := d.agency; a != nil {
		var rows []sheet.Row
		for i, f := range a.fields {
			rows = append(rows, sheet.Row{Num: i + 1, Cells: []string{f.header, f.value}})
		}
		pos := a.pos
		sheets = append(sheets, sheet.Rows{Sheet: sheet.AgencySheet, Rows: rows, Pos: func(int, int) topology.Pos { return pos }})
	}
	for _, name := range sheet.SheetNames() {
		elems := d.elems[name]
		if len(elems) == 0 {
			continue
		}
		var headers []string
		col := map[string]int{}
		for _, e := range elems {
			for _, f := range e.fields {
				if _, ok := col[f.header]; !ok {
					col[f.header] = len(headers)
					headers = append(headers, f.header)
				}
			}
		}
		rows := []sheet.Row{{Num: 1, Cells: headers}}
		for i, e := range elems {
			cells := make([]string, len(headers))
			for _, f := range e.fields {
				cells[col[f.header]] = f.value
			}
			rows = append(rows, sheet.Row{Num: i + 2, Cells: cells})
		}
		sheets = append(sheets, sheet.Rows{Sheet: name, Rows: rows, Pos: func(row, _ int) topology.Pos {
			if row < 2 || row-2 >= len(elems) {
				return elems[0].pos
			}
			return elems[row-2].pos
		}})
	}
	return sheets
}

// plainLabel turns a draw.io label, which may hold HTML, into plain text.
// Without html=1 in its style the label is plain text already.
func plainLabel(s string, isHTML bool) string {
	if isHTML && strings.ContainsAny(s, "<&") {
		var out strings.Builder
		in := false
		for i := 0; i < len(s); i++ {
			switch {
			case s[i] == '<':
				in = true
				out.WriteByte(' ')
			case s[i] == '>' && in:
				in = false
			case !in:
				out.WriteByte(s[i])
			}
		}
		s = html.UnescapeString(out.String())
	}
	return strings.Join(strings.Fields(s), " ")
}

// slugOr makes an id from a label: lower case letters, digits and hyphens;
// def when the label has none.
func slugOr(label, def string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(label) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == ':':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return def
	}
	return b.String()
}
