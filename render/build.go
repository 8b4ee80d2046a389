package render

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/words"
	"github.com/netreview/netreview/topology"
)

// Colors. Severity colors are strong and distinct from the pale zone fills
// so that a highlighted outline stands out on any fill.
var severityColor = map[analysis.Severity]string{
	analysis.Critical: "#a61e4d",
	analysis.High:     "#e03131",
	analysis.Medium:   "#e8590c",
	analysis.Low:      "#1c7ed6",
	analysis.Info:     "#868e96",
}

const (
	waivedColor    = "#adb5bd"
	encryptedColor = "#2b8a3e"
	tunnelColor    = "#7048e8"
	plainColor     = "#343a40"
	// fontName is the one font of every diagram. Graphviz measures it
	// with its built-in Arial metrics, which Liberation Sans shares glyph
	// for glyph, and the helper draws it with the Liberation Sans it
	// embeds (package internal/draw), so text fits its box.
	fontName = "Liberation Sans"
)

var zoneFill = map[topology.ZoneKind]string{
	topology.CriminalJustice:    "#d0ebff",
	topology.NonCriminalJustice: "#fff3bf",
	topology.Internet:           "#ffe3e3",
	topology.Public:             "#ffd8a8",
	topology.Transport:          "#e9ecef",
}

const noZoneFill = "#ffffff"

var deviceShape = map[topology.DeviceType]string{
	topology.StateHub:       "doubleoctagon",
	topology.Router:         "ellipse",
	topology.Switch:         "box",
	topology.Firewall:       "octagon",
	topology.VPNGateway:     "hexagon",
	topology.WirelessAP:     "invtriangle",
	topology.Server:         "box3d",
	topology.Workstation:    "box",
	topology.MobileDevice:   "parallelogram",
	topology.Printer:        "tab",
	topology.Hypervisor:     "component",
	topology.VirtualMachine: "note",
	topology.CloudService:   "egg",
	topology.CarrierNetwork: "ellipse",
	topology.Modem:          "trapezium",
}

// deviceStyle is the node style of a device type, besides "filled".
func deviceStyle(t topology.DeviceType) (style string, peripheries int) {
	switch t {
	case topology.Workstation:
		return "filled,rounded", 1
	case topology.CarrierNetwork:
		return "filled", 2
	}
	return "filled", 1
}

// securityStyle is the border style of a site cluster.
func securityStyle(s topology.Security) string {
	switch s {
	case topology.PhysicallySecure:
		return "solid"
	case topology.ControlledArea:
		return "dashed"
	}
	return "dotted"
}

// clientTypes are the device types counted as clients.
var clientTypes = []topology.DeviceType{topology.Workstation, topology.MobileDevice}

// marks are the findings drawn on one element, as 0-based indices.
type marks []int

// builder turns a result into a DOT graph.
type builder struct {
	res  *analysis.Result
	m    *topology.Model
	opts Options

	dev, link, tunnel, site, zone map[string]marks           // findings about the element
	path                          map[string]marks           // link and tunnel ids on a finding's path
	spof                          map[string]bool            // device and link ids with a single-point-of-failure finding
	shown                         []int                      // the findings drawn, in order
	keep                          map[string]bool            // devices drawn; nil means all
	legendCluster                 *dotCluster                // the device types drawn, set by legend
	keyRows                       []keyRow                   // rows of the legend's key, set by legend
	rows                          bool                       // the counties or agencies are laid out in rows under the hubs, set by buildGrouped
	rowsShown, rowsOf             int                        // the agencies drawn in rows, of how many, set by planRows
	docIndex                      map[*topology.Document]int // input order of documents, set by groupOf
}

func newBuilder(res *analysis.Result, opts Options) (*builder, error) {
	b := &builder{
		res: res, m: res.Model, opts: opts,
		dev: map[string]marks{}, link: map[string]marks{}, tunnel: map[string]marks{},
		site: map[string]marks{}, zone: map[string]marks{}, path: map[string]marks{},
		spof: map[string]bool{},
	}
	if opts.Finding < 0 || opts.Finding > len(res.Findings) {
		return nil, fmt.Errorf("finding F%d: the review has %d findings", opts.Finding, len(res.Findings))
	}
	if opts.Finding > 0 {
		b.shown = []int{opts.Finding - 1}
	} else if !opts.NoFindings {
		for i := range res.Findings {
			if len(opts.Agencies) == 0 || overlaps(res.Findings[i].Agencies, opts.Agencies) {
				b.shown = append(b.shown, i)
			}
		}
	}
	for _, i := range b.shown {
		b.markFinding(i)
	}
	switch {
	case opts.Finding > 0:
		b.keep = b.neighborhood(opts.Finding - 1)
	case len(opts.Agencies) > 0:
		b.keep = b.agencyPart(opts.Agencies)
	}
	return b, nil
}

// agencyPart returns the devices of the agencies and those they link to.
func (b *builder) agencyPart(oris []string) map[string]bool {
	own := map[string]bool{}
	for _, d := range b.m.Devices {
		if d.Doc != nil && contains(oris, d.Doc.Agency.ORI) {
			own[d.ID] = true
		}
	}
	return b.withNeighbours(own)
}

// overlaps reports whether the lists share an element.
func overlaps(a, b []string) bool {
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}

func (b *builder) markFinding(i int) {
	f := &b.res.Findings[i]
	switch f.Kind {
	case analysis.KindDevice:
		b.dev[f.Subject] = append(b.dev[f.Subject], i)
		if f.Rule == "single-device" {
			b.spof[f.Subject] = true
		}
	case analysis.KindLink:
		b.link[f.Subject] = append(b.link[f.Subject], i)
		if f.Rule == "single-link" {
			b.spof[f.Subject] = true
		}
	case analysis.KindTunnel:
		b.tunnel[f.Subject] = append(b.tunnel[f.Subject], i)
	case analysis.KindSite:
		b.site[f.Subject] = append(b.site[f.Subject], i)
	case analysis.KindZone:
		b.zone[f.Subject] = append(b.zone[f.Subject], i)
		// The zone's devices on the path are where the zone reaches CJI.
		for j := 0; j < len(f.Path); j += 2 {
			if d := b.m.Device(f.Path[j]); d != nil && contains(d.Zones, f.Subject) {
				b.dev[d.ID] = append(b.dev[d.ID], i)
			}
		}
	case analysis.KindRisk:
		for _, d := range b.m.Devices {
			if contains(b.m.DeviceRisks(d), f.Subject) {
				b.dev[d.ID] = append(b.dev[d.ID], i)
			}
		}
		for _, l := range b.m.Links {
			if contains(b.m.LinkRisks(l), f.Subject) {
				b.link[l.ID] = append(b.link[l.ID], i)
			}
		}
	}
	for j := 1; j < len(f.Path); j += 2 {
		b.path[f.Path[j]] = append(b.path[f.Path[j]], i)
	}
}

// neighborhood returns the devices of finding i's subject and path and
// every device one link away from them.
func (b *builder) neighborhood(i int) map[string]bool {
	f := &b.res.Findings[i]
	core := map[string]bool{}
	for j := 0; j < len(f.Path); j += 2 {
		core[f.Path[j]] = true
	}
	for id, ms := range b.dev {
		if contains(ms, i) {
			core[id] = true
		}
	}
	for _, l := range b.m.Links {
		if contains(b.link[l.ID], i) || contains(b.path[l.ID], i) {
			core[l.A], core[l.B] = true, true
		}
	}
	for _, t := range b.m.Tunnels {
		if contains(b.tunnel[t.ID], i) || contains(b.path[t.ID], i) {
			core[t.A], core[t.B] = true, true
		}
	}
	for _, d := range b.m.Devices {
		if contains(b.site[d.Site], i) || anyZone(b, d, i) {
			core[d.ID] = true
		}
	}
	return b.withNeighbours(core)
}

// withNeighbours returns the devices in core and the devices linked to
// them.
func (b *builder) withNeighbours(core map[string]bool) map[string]bool {
	keep := map[string]bool{}
	for id := range core {
		keep[id] = true
	}
	for _, l := range b.m.Links {
		if core[l.A] || core[l.B] {
			keep[l.A], keep[l.B] = true, true
		}
	}
	return keep
}

func anyZone(b *builder, d *topology.Device, i int) bool {
	for _, z := range d.Zones {
		if contains(b.zone[z], i) {
			return true
		}
	}
	return false
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func (b *builder) drawn(id string) bool { return b.keep == nil || b.keep[id] }

// worst returns the color of the most severe of the marks (unwaived first)
// and whether there are any.
func (b *builder) worst(ms marks) (string, bool) {
	if len(ms) == 0 {
		return "", false
	}
	best := -1
	for _, i := range ms {
		f := &b.res.Findings[i]
		if best < 0 || rank(f) > rank(&b.res.Findings[best]) {
			best = i
		}
	}
	f := &b.res.Findings[best]
	if f.Waived {
		return waivedColor, true
	}
	return severityColor[f.Severity], true
}

func rank(f *analysis.Finding) int {
	r := int(f.Severity) * 2
	if !f.Waived {
		r++
	}
	return r
}

// numbers formats marks as "F1 F3", each once, at most max of them.
func numbers(ms marks, max int) string {
	seen := map[int]bool{}
	var uniq []int
	for _, i := range ms {
		if !seen[i] {
			seen[i] = true
			uniq = append(uniq, i)
		}
	}
	sort.Ints(uniq)
	var parts []string
	for k, i := range uniq {
		if k == max {
			parts = append(parts, fmt.Sprintf("+%d", len(uniq)-max))
			break
		}
		parts = append(parts, "F"+strconv.Itoa(i+1))
	}
	return strings.Join(parts, " ")
}

func join(ms ...marks) marks {
	var out marks
	for _, m := range ms {
		out = append(out, m...)
	}
	return out
}

// build makes the DOT graph of the view.
func (b *builder) build() *dotGraph {
	g := &dotGraph{name: "netreview"}
	g.attrs.set("fontname", fontName)
	g.attrs.set("bgcolor", "white")
	g.attrs.set("pad", "0") // the page has margins
	g.attrs.set("nodesep", "0.35")
	g.attrs.set("ranksep", "0.6")
	g.nodeAttrs.set("fontname", fontName)
	g.nodeAttrs.set("fontsize", "10")
	g.nodeAttrs.set("margin", "0.08,0.04")
	g.edgeAttrs.set("fontname", fontName)
	g.edgeAttrs.set("fontsize", "8")
	g.edgeAttrs.set("color", plainColor)
	hub := 0 // the most neighbors of a node, where it matters
	switch b.opts.View {
	case ViewSites, ViewAgencies, ViewCounties:
		b.buildGrouped(g)
		hub = maxNeighbours(g.edges)
	default:
		engine := b.opts.Engine
		if engine == "" {
			engine = engineFor(b.countNodes(), 0)
		}
		b.buildPhysical(g, engine == "dot")
	}
	b.legend(g)
	nodes := len(g.nodes) + countClusterNodes(g.clusters)
	engine := b.opts.Engine
	switch {
	case engine == "" && b.rows:
		// Up to maxRowNodes boxes, and a point of the buses for each.
		engine = "dot"
	case engine == "":
		engine = engineFor(nodes, hub)
	}
	g.attrs.set("layout", engine)
	if engine != "dot" {
		// prism removes node overlaps best but grows fast with size (58 s
		// for 12,000 nodes with native Graphviz), and far faster still in
		// WebAssembly (over 60 s of CPU for 1,640 nodes, against 4.4 s
		// native); scale stays in seconds.
		overlap := "prism"
		if nodes > 500 {
			overlap = "scale"
		}
		g.attrs.set("overlap", overlap)
		g.attrs.set("outputorder", "edgesfirst")
	}
	return g
}

// countNodes returns how many nodes the view draws, without the legend.
func (b *builder) countNodes() int {
	if b.opts.View == ViewPhysical || b.opts.View == "" {
		n := 0
		for _, d := range b.m.Devices {
			if b.m.Device(d.ID) == d && b.drawn(d.ID) {
				n++
			}
		}
		return n
	}
	keys := map[string]bool{}
	for _, d := range b.m.Devices {
		if b.m.Device(d.ID) == d && b.drawn(d.ID) {
			key, _ := b.groupOf(d)
			keys[key] = true
		}
	}
	return len(keys)
}

// countGroups returns how many nodes of a collapsed view stand for a
// group (a site, agency or county) rather than a device of none.
func (b *builder) countGroups() int {
	keys := map[string]bool{}
	for _, d := range b.m.Devices {
		if b.m.Device(d.ID) == d && b.drawn(d.ID) {
			if key, gr := b.groupOf(d); gr.device == nil {
				keys[key] = true
			}
		}
	}
	return len(keys)
}

// checkSize returns a *TooLargeError when the view has more nodes than it
// can draw legibly. A single finding's neighborhood is always small
// enough.
func (b *builder) checkSize() error {
	view := b.opts.View
	if view == "" {
		view = ViewPhysical
	}
	n := b.countNodes()
	if n <= maxNodes(view) {
		return nil
	}
	e := &TooLargeError{view: view, nodes: n, oneFile: len(b.m.Docs) == 1}
	for _, v := range Views() {
		if v == view {
			continue
		}
		o := *b
		o.opts.View = v
		// A view that puts every device in one group says nothing.
		if k := o.countNodes(); k <= maxNodes(v) && o.countGroups() >= 2 {
			e.fits = append(e.fits, viewSize{v, k})
		}
	}
	return e
}

// countClusterNodes counts the nodes of the clusters that stand for
// elements of the model.
func countClusterNodes(cs []*dotCluster) int {
	n := 0
	for _, c := range cs {
		for _, d := range c.nodes {
			if !d.decor {
				n++
			}
		}
		n += countClusterNodes(c.clusters)
	}
	return n
}

// engineFor returns the Graphviz layout engine suited to a graph of n
// nodes, of which the best connected has maxNeighbours neighbors: dot,
// which draws clusters and ranks, up to 400 nodes; sfdp, which stays fast
// on thousands, above. A hub of more than 20 neighbors (the state in the
// agencies view of a statewide model, say) also calls for sfdp: dot would
// put its neighbors in one rank, a row too wide to read. The physical view
// passes 0 for maxNeighbours: its sites are clusters, which sfdp does not
// draw, and a switch with 30 workstations is a row worth having.
func engineFor(n, maxNeighbours int) string {
	if n <= 400 && maxNeighbours <= 20 {
		return "dot"
	}
	return "sfdp"
}

// maxNeighbours is the largest number of distinct neighbors of a node.
func maxNeighbours(edges []*dotEdge) int {
	nb := map[string]map[string]bool{}
	add := func(a, b string) {
		if nb[a] == nil {
			nb[a] = map[string]bool{}
		}
		nb[a][b] = true
	}
	most := 0
	for _, e := range edges {
		add(e.a, e.b)
		add(e.b, e.a)
		most = max(most, len(nb[e.a]), len(nb[e.b]))
	}
	return most
}

// buildPhysical builds the physical view: sites as clusters, labeled by
// nodes of their own when dot lays it out (labelNodes; see siteLabel).
func (b *builder) buildPhysical(g *dotGraph, labelNodes bool) {
	clusters := map[string]*dotCluster{}
	for _, s := range b.m.Sites {
		if b.m.Site(s.ID) != s {
			continue
		}
		c := &dotCluster{id: "site/" + s.ID}
		clusters[s.ID] = c
	}
	clients := map[string]int{}
	for _, d := range b.m.Devices {
		if contains(clientTypes, d.Type) {
			clients[d.Site] += d.Units()
		}
	}
	for _, d := range b.m.Devices {
		if b.m.Device(d.ID) != d || !b.drawn(d.ID) {
			continue
		}
		n := b.deviceNode(d)
		if c := clusters[d.Site]; c != nil {
			c.nodes = append(c.nodes, n)
		} else {
			g.nodes = append(g.nodes, n)
		}
	}
	level, reached := b.levels()
	var labels []*dotEdge // holding the sites' labels, written last
	for _, s := range b.m.Sites {
		c := clusters[s.ID]
		if c == nil || len(c.nodes) == 0 {
			continue
		}
		c.attrs.set("style", securityStyle(s.Security))
		c.attrs.set("color", plainColor)
		col, marked := b.worst(b.site[s.ID])
		if marked {
			c.attrs.set("color", col)
			c.attrs.set("penwidth", "3")
		}
		text, upper := b.siteLabel(s, clients[s.ID]), s.Doc != nil && s.Doc.Agency.IsCSA()
		if labelNodes {
			labels = append(labels, siteLabel(c, text, col, level, upper)...)
		} else {
			c.attrs.set("label", text)
			if !upper {
				c.attrs.set("labelloc", "b")
			}
			c.attrs.set("fontname", fontName)
			c.attrs.set("fontsize", "11")
			if marked {
				c.attrs.set("fontcolor", col)
			}
		}
		g.clusters = append(g.clusters, c)
	}
	for _, l := range b.m.Links {
		if b.m.Link(l.ID) != l || !b.drawn(l.A) || !b.drawn(l.B) {
			continue
		}
		e := b.linkEdge(l)
		if level[e.a] > level[e.b] {
			e.a, e.b = e.b, e.a
		}
		if b.m.Device(l.A).Site == b.m.Device(l.B).Site && reached[l.A] && reached[l.B] {
			sameRank(e, level)
		}
		g.edges = append(g.edges, e)
	}
	if len(g.clusters) > 0 && len(g.nodes) > 1 {
		var ids []string
		for _, n := range g.nodes {
			ids = append(ids, n.id)
		}
		g.same = append(g.same, ids)
	}
	for _, t := range b.m.Tunnels {
		if b.m.Tunnel(t.ID) != t || !b.drawn(t.A) || !b.drawn(t.B) {
			continue
		}
		e := b.tunnelEdge(t)
		if level[e.a] > level[e.b] {
			e.a, e.b = e.b, e.a
		}
		g.edges = append(g.edges, e)
	}
	g.edges = append(g.edges, labels...)
}

// sameRank leaves out of the ranking a link within a site whose ends are
// as far from the networks as each other, both reached from them (two devices that both link to
// a network), so that dot may put them in one rank: written one way, the
// link held one end a rank farther from the networks than its own links
// to them need, and those then ran past the neighboring site (the
// Sacramento VPN concentrator's link to the internet across the Fresno
// data center, once that site's label took a rank of its own). A link
// between sites keeps its rank: two labeled edges laid flat between the
// same devices get labels on top of each other.
func sameRank(e *dotEdge, level map[string]int) {
	if level[e.a] == level[e.b] {
		e.attrs.set("constraint", "false")
	}
}

// siteLabel returns the text of a site's label: its name and id, its
// physical security and clients, and the findings about it.
func (b *builder) siteLabel(s *topology.Site, clients int) string {
	label := s.ID
	if s.Name != "" && s.Name != s.ID {
		label = s.Name + " (" + s.ID + ")"
	}
	label += "\n" + string(s.Security)
	if clients > 0 {
		label += ", " + plural(clients, "client")
	}
	if ms := b.site[s.ID]; len(ms) > 0 {
		label += "\n" + numbers(ms, 8)
	}
	return label
}

// siteLabel adds to a site's cluster c its label as a node of its own,
// in color (plain when ""), and returns the invisible edges that hold it
// at the far end of the site from the networks: below an agency's site,
// above one of the state's (upper, see band). Dot lays a cluster's own
// label in the cluster's first or last rank without regard to the edges
// and edge labels that pass there, and they were drawn over it; a node is
// a box dot routes every edge, and places every edge label, around.
func siteLabel(c *dotCluster, text, color string, level map[string]int, upper bool) []*dotEdge {
	far := func(l int) int { // larger is farther from the networks
		if upper {
			return -l
		}
		return l
	}
	n := &dotNode{id: "label/" + c.id, decor: true}
	n.attrs.set("shape", "plaintext")
	n.attrs.set("margin", "0.02,0")
	n.attrs.set("fontsize", "11")
	n.attrs.set("label", text)
	n.attrs.set("tooltip", strings.TrimPrefix(c.id, "site/"))
	if color != "" {
		n.attrs.set("fontcolor", color)
	}
	deepest := far(level[c.nodes[0].id])
	for _, d := range c.nodes {
		deepest = max(deepest, far(level[d.id]))
	}
	var edges []*dotEdge
	for _, d := range c.nodes {
		if far(level[d.id]) != deepest {
			continue
		}
		e := &dotEdge{a: d.id, b: n.id}
		if upper {
			e.a, e.b = n.id, d.id
		}
		e.attrs.set("style", "invis")
		edges = append(edges, e)
	}
	c.nodes = append(c.nodes, n)
	return edges
}

// band returns the band of the physical view that device id is drawn in,
// from the top: 0 the state's sites (those of the CSA's documents), 1 the
// devices outside every site (carrier networks, the internet, cloud
// services), in one rank, 2 the agencies' sites. Each link is written
// from the upper band to the lower, so that dot ranks it downwards: the
// sites hang above and below the networks that join them, and a link
// leaves its site towards that middle rank instead of running across
// another site to a network placed beside it.
func (b *builder) band(id string) int {
	d := b.m.Device(id)
	switch {
	case d == nil || b.m.Site(d.Site) == nil:
		return 1
	case d.Doc != nil && d.Doc.Agency.IsCSA():
		return 0
	}
	return 2
}

// levels returns the height of each drawn device in the physical view,
// from the top: the devices outside every site at 0, then, within the
// bands (see band), each device as many links away from them as it is,
// upwards (negative) in the state's sites and downwards in the agencies'.
// A link or tunnel is written from the higher end to the lower, so that
// dot ranks each site's links to the networks in the site's first rank
// (its last in the upper band): such a link then spans one rank and does
// not pass beside a neighboring site to reach a device deeper in its own.
// A device with no path to the networks is one level into its band, and
// not in reached.
func (b *builder) levels() (level map[string]int, reached map[string]bool) {
	adj := map[string][]string{}
	for _, l := range b.m.Links {
		if b.m.Link(l.ID) != l || !b.drawn(l.A) || !b.drawn(l.B) {
			continue
		}
		adj[l.A] = append(adj[l.A], l.B)
		adj[l.B] = append(adj[l.B], l.A)
	}
	depth := map[string]int{}
	var queue []string
	for _, d := range b.m.Devices {
		if b.m.Device(d.ID) == d && b.drawn(d.ID) && b.band(d.ID) == 1 {
			depth[d.ID] = 0
			queue = append(queue, d.ID)
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, n := range adj[id] {
			if _, seen := depth[n]; !seen && b.band(n) != 1 {
				depth[n] = depth[id] + 1
				queue = append(queue, n)
			}
		}
	}
	level, reached = map[string]int{}, map[string]bool{}
	for _, d := range b.m.Devices {
		if b.m.Device(d.ID) != d || !b.drawn(d.ID) {
			continue
		}
		k, ok := depth[d.ID]
		reached[d.ID] = ok
		if !ok {
			k = 1
		}
		switch b.band(d.ID) {
		case 0:
			level[d.ID] = -k
		case 2:
			level[d.ID] = k
		}
	}
	return level, reached
}

// fill returns the fill color of a device: that of its least trusted zone.
func (b *builder) fill(d *topology.Device) string {
	order := []topology.ZoneKind{topology.Internet, topology.Public, topology.NonCriminalJustice, topology.CriminalJustice, topology.Transport}
	kinds := b.m.ZoneKinds(d)
	for _, k := range order {
		if contains(kinds, k) {
			return zoneFill[k]
		}
	}
	return noZoneFill
}

func (b *builder) deviceNode(d *topology.Device) *dotNode {
	n := &dotNode{id: d.ID}
	shape := deviceShape[d.Type]
	if shape == "" {
		shape = "box"
	}
	style, per := deviceStyle(d.Type)
	n.attrs.set("shape", shape)
	n.attrs.set("style", style)
	if per > 1 {
		n.attrs.set("peripheries", strconv.Itoa(per))
	}
	n.attrs.set("fillcolor", b.fill(d))
	n.attrs.set("color", plainColor)
	var lines []string
	lines = append(lines, "<B>"+htmlText(d.ID)+"</B>")
	if d.Name != "" && d.Name != d.ID {
		for _, w := range wrap(d.Name, 26) {
			lines = append(lines, `<FONT POINT-SIZE="8">`+htmlText(w)+"</FONT>")
		}
	}
	if len(d.Zones) > 1 {
		lines = append(lines, `<FONT POINT-SIZE="8"><I>zones: `+htmlText(strings.Join(d.Zones, ", "))+"</I></FONT>")
	}
	if d.Count > 1 {
		// ASCII only in labels that Graphviz sizes: it measures other
		// characters at an average width, narrower than some are drawn.
		lines = append(lines, plural(d.Count, "unit"))
	}
	if col, ok := b.worst(b.dev[d.ID]); ok {
		n.attrs.set("color", col)
		n.attrs.set("penwidth", "3")
		text := numbers(b.dev[d.ID], 6)
		if b.spof[d.ID] {
			text += " SPOF"
		}
		lines = append(lines, `<FONT COLOR="`+col+`"><B>`+htmlText(text)+"</B></FONT>")
	}
	n.attrs.setHTML("label", strings.Join(lines, "<BR/>"))
	n.attrs.set("tooltip", string(d.Type)+" "+d.ID)
	return n
}

func (b *builder) linkEdge(l *topology.Link) *dotEdge {
	e := &dotEdge{a: l.A, b: l.B}
	var styles []string
	if l.Medium.Radio() {
		styles = append(styles, "dashed")
	}
	col := plainColor
	enc := l.Encryption != nil && l.Encryption.Protocol != topology.ProtoNone && l.Encryption.Protocol != ""
	if enc {
		col = encryptedColor
	}
	label := string(l.Medium)
	if l.Carrier != "" {
		label += " (" + l.Carrier + ")"
	}
	if enc {
		label += "\n" + string(l.Encryption.Protocol)
	}
	ms := join(b.link[l.ID], b.path[l.ID])
	width := "1"
	if c, ok := b.worst(ms); ok {
		col = c
		width = "2.5"
		text := l.ID + " " + numbers(ms, 4)
		if b.spof[l.ID] {
			text += " SPOF"
		}
		label += "\n" + text
		e.attrs.set("fontcolor", c)
	}
	if enc {
		e.attrs.set("color", col+":invis:"+col)
	} else {
		e.attrs.set("color", col)
	}
	if len(styles) > 0 {
		e.attrs.set("style", strings.Join(styles, ","))
	}
	e.attrs.set("penwidth", width)
	e.attrs.setHTML("label", edgeText(label))
	e.attrs.set("tooltip", "link "+l.ID)
	return e
}

func (b *builder) tunnelEdge(t *topology.Tunnel) *dotEdge {
	e := &dotEdge{a: t.A, b: t.B}
	col := tunnelColor
	label := "tunnel " + t.ID
	if t.Encryption != nil && t.Encryption.Protocol != "" {
		label += "\n" + string(t.Encryption.Protocol)
	}
	ms := join(b.tunnel[t.ID], b.path[t.ID])
	if c, ok := b.worst(ms); ok {
		col = c
		label += " " + numbers(ms, 4)
	}
	e.attrs.set("color", col)
	e.attrs.set("fontcolor", col)
	e.attrs.set("style", "bold")
	e.attrs.set("penwidth", "2")
	e.attrs.set("weight", "0")
	e.attrs.setHTML("label", edgeText(label))
	e.attrs.set("tooltip", "tunnel "+t.ID)
	return e
}

// labelMargin is the space, in points, around the text of an edge's
// label.
const labelMargin = 4

// edgeText returns the lines of an edge's text (separated by newlines)
// as an HTML-like label: centered in a cell with a margin of labelMargin
// points around them. Dot lays the label beside its edge, touching it,
// and an edge that bends there ran over the first letters (up to 4
// points in); the margin keeps the edge off the text.
func edgeText(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = htmlText(l)
	}
	return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="` + strconv.Itoa(labelMargin) + `"><TR><TD>` + strings.Join(lines, "<BR/>") + `</TD></TR></TABLE>`
}

// wrap breaks s into lines of at most width runes, at spaces where it can.
func wrap(s string, width int) []string {
	var lines []string
	var cur string
	for _, w := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = w
		case len([]rune(cur))+1+len([]rune(w)) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// plural counts n of word, its thousands grouped: "1 link", "3,446
// clients", "61 agencies".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "cy") {
		return words.Grouped(n) + " " + strings.TrimSuffix(word, "y") + "ies"
	}
	return words.Grouped(n) + " " + word + "s"
}
