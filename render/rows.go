package render

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/netreview/netreview/analysis"
)

// This file draws the statewide views in rows: the counties view, or the
// agencies view, of a model in which one node (the state's side) joins
// more neighbors than a rank can hold. The hubs (every node that is not a
// county, or not an agency under review) stand in the top rank; the
// counties, or agencies, below them in rows. Their links to the hubs are
// drawn as a bus: one line above each row, a short drop from it to each
// box, and a trunk down the left side that joins the rows to the hubs, so
// that no line runs along a row or across a box.

// maxRankNeighbours is the most neighbors a node of a dot layout may have
// in one rank: more make a row too wide to read.
const maxRankNeighbours = 20

// maxRowNodes is the most nodes drawn in rows; above it (the agencies
// view of a statewide model on a poster) the view is drawn by sfdp.
const maxRowNodes = 400

// Boxes drawn in rows, in points, with the space between them: what a
// county's and an agency's label take (measured on the 3,700-agency
// model), and the height of the bus above a row.
const (
	countyBoxWidth, countyBoxHeight = 134, 46
	agencyBoxWidth, agencyBoxHeight = 142, 62
	rowBusHeight                    = 25
	// rowsRanksep and rowsNodesep are the graph's ranksep and nodesep,
	// in inches, when drawn in rows.
	rowsRanksep = "0.15"
	rowsNodesep = "0.2"
)

// minRowScale is the smallest scale at which a page may draw the boxes of
// the rows: their 9 pt text is then about 7 pt, as small as a slide or a
// printed page can be read. The agencies view draws on a page no more
// agencies than fit at this scale (rowCapacity).
const minRowScale = 0.75

// busColor is the color of the bus and trunk of the rows.
const busColor = "#868e96"

// rowLayout is what planRows decided: the groups drawn in rows, in order,
// the groups left out, and the hubs that the rows' links join.
type rowLayout struct {
	items   []string
	dropped map[string]bool
	hubs    []string // the hubs joined to the rows, in order
}

// groupNeighbours returns the most distinct neighbors of a group, from the
// pairs of groups joined.
func groupNeighbours(pairs [][2]string) int {
	n := map[string]int{}
	most := 0
	for _, p := range pairs {
		n[p[0]]++
		n[p[1]]++
		most = max(most, n[p[0]], n[p[1]])
	}
	return most
}

// inRow reports whether the group is drawn in a row when the view is drawn
// in rows: a county, or an agency under review.
func (gr *group) inRow() bool { return gr.county || gr.agency != nil }

// planRows decides the rows of a view whose best-connected group has more
// neighbors than a rank holds. It adds each row group's links to the hubs
// to its hubLinks, and sets its marks to the findings that concern it
// (concerns). On a slide or a Letter page, the agencies view keeps
// the agencies with the most serious findings, as many as the page holds
// legibly (rowCapacity), most serious first, and leaves the rest out; the
// counties view keeps every county, in alphabetical order, and a poster
// every agency, in input order. It returns nil, and changes nothing, when
// there are more than maxRowNodes to draw.
func (b *builder) planRows(groups map[string]*group, order []string, edges map[[2]string]*groupEdge, pairs [][2]string) *rowLayout {
	var items []string
	for _, key := range order {
		if groups[key].inRow() {
			items = append(items, key)
		}
	}
	keep := len(items)
	if b.opts.View == ViewAgencies {
		keep = min(keep, b.rowCapacity())
	}
	if keep > maxRowNodes {
		// Left as they are, for sfdp.
		return nil
	}
	for _, k := range pairs {
		e := edges[k]
		ga, gb := groups[e.a], groups[e.b]
		if ga.inRow() == gb.inRow() {
			continue
		}
		if ga.inRow() {
			ga, gb = gb, ga
		}
		gb.hubLinks.links += e.links
		gb.hubLinks.tunnels += e.tunnels
		gb.hubLinks.radio += e.radio
		gb.hubLinks.ms = append(gb.hubLinks.ms, e.ms...)
	}
	b.concerns(groups, items)
	b.rowsOf = len(items)
	rl := &rowLayout{dropped: map[string]bool{}}
	switch {
	case keep < len(items):
		b.bySeriousness(groups, items)
		for _, key := range items[keep:] {
			rl.dropped[key] = true
		}
		items = items[:keep]
	case b.opts.View == ViewCounties:
		sort.SliceStable(items, func(i, j int) bool { return groups[items[i]].label < groups[items[j]].label })
	}
	rl.items = items
	joined := map[string]bool{}
	for _, k := range pairs {
		ga, gb := groups[k[0]], groups[k[1]]
		if ga.inRow() == gb.inRow() || rl.dropped[k[0]] || rl.dropped[k[1]] {
			continue
		}
		if ga.inRow() {
			joined[k[1]] = true
		} else {
			joined[k[0]] = true
		}
	}
	for _, key := range order {
		if joined[key] {
			rl.hubs = append(rl.hubs, key)
		}
	}
	b.rowsShown = len(items)
	return rl
}

// concerns sets the marks of each county or agency to be drawn in rows to
// the findings shown that concern it (whose agencies include its ORI, or
// one of its agencies'), as its letter counts them: its own, and those of
// its links to the hubs. A group whose agencies have no ORI keeps the
// findings on its devices.
func (b *builder) concerns(groups map[string]*group, items []string) {
	byORI := map[string][]*group{}
	for _, key := range items {
		gr := groups[key]
		if gr.agency != nil && gr.agency.ORI != "" {
			byORI[gr.agency.ORI] = append(byORI[gr.agency.ORI], gr)
		}
		for doc := range gr.docs {
			if doc.Agency.ORI != "" {
				byORI[doc.Agency.ORI] = append(byORI[doc.Agency.ORI], gr)
			}
		}
	}
	if len(byORI) == 0 {
		return
	}
	ms := map[*group]marks{}
	for _, i := range b.shown {
		for _, ori := range b.res.Findings[i].Agencies {
			for _, gr := range byORI[ori] {
				ms[gr] = append(ms[gr], i)
			}
		}
	}
	for _, grs := range byORI {
		for _, gr := range grs {
			gr.ms = ms[gr]
		}
	}
}

// bySeriousness sorts the groups' keys most serious first: by their
// unwaived findings counted by severity, critical first, as their boxes
// count them, then by label.
func (b *builder) bySeriousness(groups map[string]*group, keys []string) {
	counts := map[string][]int{}
	for _, key := range keys {
		counts[key] = b.countBySeverity(groups[key].ms)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		ci, cj := counts[keys[i]], counts[keys[j]]
		for s := range ci {
			if ci[s] != cj[s] {
				return ci[s] > cj[s]
			}
		}
		return groups[keys[i]].label < groups[keys[j]].label
	})
}

// countBySeverity counts the distinct unwaived findings of the marks by
// severity, in the order of analysis.Severities (critical first).
func (b *builder) countBySeverity(ms marks) []int {
	sevs := analysis.Severities()
	counts := make([]int, len(sevs))
	seen := map[int]bool{}
	for _, i := range ms {
		f := &b.res.Findings[i]
		if seen[i] || f.Waived {
			continue
		}
		seen[i] = true
		for s, sev := range sevs {
			if f.Severity == sev {
				counts[s]++
			}
		}
	}
	return counts
}

// rowArea returns the width and height in points that the rows may take
// on the page: below the heading, which takes about a quarter of the
// page's height (a third with the findings table); on a poster, a 16:10
// block.
func (b *builder) rowArea() (w, h float64) {
	pw, ph, m := b.opts.Page.Size()
	if pw == 0 {
		return 1600, 1000
	}
	if b.tabled() {
		return pw - 2*m, (ph - 2*m) * 0.65
	}
	return pw - 2*m, (ph - 2*m) * 0.75
}

// rowBox returns the width and height in points that a box of the rows
// takes, with the space beside it and the bus above it.
func (b *builder) rowBox() (w, h float64) {
	if b.opts.View == ViewAgencies {
		return agencyBoxWidth, agencyBoxHeight + rowBusHeight
	}
	return countyBoxWidth, countyBoxHeight + rowBusHeight
}

// rowCapacity returns how many boxes the page holds in rows, under the
// hubs' rank, at minRowScale; on a poster, no limit.
func (b *builder) rowCapacity() int {
	if w, _, _ := b.opts.Page.Size(); w == 0 {
		return math.MaxInt
	}
	aw, ah := b.rowArea()
	bw, bh := b.rowBox()
	per := int(aw / (bw * minRowScale))
	rows := int(ah/(bh*minRowScale)) - 1
	return max(per*rows, 1)
}

// rowLength returns how many of n boxes go in a row: as many as make the
// rows, with the hubs' rank above them, fill the page's drawing area at
// the largest scale.
func (b *builder) rowLength(n int) int {
	aw, ah := b.rowArea()
	bw, bh := b.rowBox()
	best, scale := 1, 0.0
	for per := 1; per <= n; per++ {
		rows := (n+per-1)/per + 1
		s := min(aw/(float64(per)*bw), ah/(float64(rows)*bh))
		if s > scale {
			best, scale = per, s
		}
	}
	return best
}

// drawRows adds the rows to g: the hubs in one rank on top; below them,
// for each row, its bus (a rank of small points joined left to right, one
// above each box and one at the left end) and its boxes, each hanging from
// its point by a drop colored by the worst finding on its links to the
// hubs; the trunk (the left ends of the buses, joined top to bottom); and
// a line from each hub that the rows link to, to the middle of the first
// bus. Invisible edges hold each box above the next row's point, so that
// the rows stand in columns.
func (b *builder) drawRows(g *dotGraph, groups map[string]*group, rl *rowLayout) {
	var hubs []string
	for _, n := range g.nodes {
		if gr := groups[n.id]; gr == nil || !gr.inRow() {
			hubs = append(hubs, n.id)
		}
	}
	if len(hubs) > 1 {
		g.same = append(g.same, hubs)
	}
	point := func(id string) {
		n := &dotNode{id: id}
		n.attrs.set("shape", "point")
		n.attrs.set("width", "0.05")
		n.attrs.set("color", busColor)
		n.attrs.set("label", "")
		g.nodes = append(g.nodes, n)
	}
	line := func(a, c, tooltip string) *dotEdge {
		e := &dotEdge{a: a, b: c}
		e.attrs.set("color", busColor)
		e.attrs.set("penwidth", "1.2")
		e.attrs.set("tooltip", tooltip)
		g.edges = append(g.edges, e)
		return e
	}
	busID := func(r, k int) string { return "#bus/" + strconv.Itoa(r) + "/" + strconv.Itoa(k) }
	trunkID := func(r int) string { return "#trunk/" + strconv.Itoa(r) }
	const toHubs = "links to the hubs"
	per := b.rowLength(len(rl.items))
	nrows := (len(rl.items) + per - 1) / per
	for r := range nrows {
		row := rl.items[r*per : min((r+1)*per, len(rl.items))]
		bus := []string{busID(r, 0)}
		for k := range row {
			bus = append(bus, busID(r, k+1))
		}
		for _, id := range bus {
			point(id)
		}
		g.same = append(g.same, bus)
		for k := 0; k+1 < len(bus); k++ {
			line(bus[k], bus[k+1], toHubs)
		}
		for k, key := range row {
			e := b.groupEdge(&groups[key].hubLinks)
			e.a, e.b = bus[k+1], key
			e.attrs.set("tooltip", groups[key].label+": "+e.attrs.get("label"))
			e.attrs.set("label", "")
			e.attrs.set("penwidth", "1.5")
			e.attrs.set("weight", "100")
			g.edges = append(g.edges, e)
			if next := (r+1)*per + k; next < len(rl.items) {
				inv := &dotEdge{a: key, b: busID(r+1, k+1)}
				inv.attrs.set("style", "invis")
				inv.attrs.set("weight", "100")
				g.edges = append(g.edges, inv)
			}
		}
		if r > 0 {
			line(trunkID(r-1), bus[0], toHubs).attrs.set("weight", "100")
		}
		if r+1 < nrows {
			point(trunkID(r))
			line(bus[0], trunkID(r), toHubs).attrs.set("weight", "100")
			g.same = append(g.same, append([]string{trunkID(r)}, row...))
		}
	}
	entry := busID(0, (min(per, len(rl.items))+1)/2)
	for _, h := range rl.hubs {
		line(h, entry, toHubs)
	}
	g.attrs.set("ranksep", rowsRanksep)
	g.attrs.set("nodesep", rowsNodesep)
}

// rowNode is the node of a county or an agency drawn in a row: its name,
// then in short lines what it is (a county's agencies, named when at most
// three; an agency's ORI and county), its clients, an agency's links to
// the hubs, and its findings by severity, filled in the worst one's tint.
func (b *builder) rowNode(gr *group) *dotNode {
	n := &dotNode{id: gr.key}
	n.attrs.set("shape", "box")
	n.attrs.set("style", gr.style)
	n.attrs.set("color", plainColor)
	small := func(s string) string { return `<FONT POINT-SIZE="9">` + htmlText(s) + "</FONT>" }
	var lines []string
	for _, w := range wrap(gr.label, 24) {
		lines = append(lines, "<B>"+htmlText(w)+"</B>")
	}
	var info string
	if gr.agency != nil {
		var what []string
		if gr.agency.ORI != "" {
			what = append(what, gr.agency.ORI)
		}
		if gr.agency.County != "" {
			what = append(what, countyLabel(gr.agency.County))
		}
		if len(what) > 0 {
			lines = append(lines, small(strings.Join(what, ", ")))
		}
		info = plural(gr.devices, "device")
	} else {
		if len(gr.agencies) <= 3 {
			for _, name := range gr.agencies {
				for _, w := range wrap(name, 24) {
					lines = append(lines, small(w))
				}
			}
		}
		info = plural(len(gr.agencies), "agency")
	}
	if gr.clients > 0 {
		info += ", " + plural(gr.clients, "client")
	}
	lines = append(lines, small(info))
	var links []string
	if gr.hubLinks.links > 0 {
		links = append(links, plural(gr.hubLinks.links, "link"))
	}
	if gr.hubLinks.tunnels > 0 {
		links = append(links, plural(gr.hubLinks.tunnels, "tunnel"))
	}
	if len(links) > 0 && gr.agency != nil {
		// A county's hundreds of links are in its drop's tooltip: its
		// box stays short, so that 61 counties fit a Letter page.
		lines = append(lines, small(strings.Join(links, ", ")+" to the hubs"))
	}
	if col, ok := b.worst(gr.ms); ok {
		n.attrs.set("color", col)
		n.attrs.set("penwidth", "3")
		n.attrs.set("style", "filled")
		n.attrs.set("fillcolor", tint(col))
		// Narrow, so that many fit in a row.
		var ws []string
		for _, w := range wrap(b.severityCounts(gr.ms), 24) {
			ws = append(ws, htmlText(w))
		}
		lines = append(lines, `<FONT COLOR="`+col+`"><B>`+strings.Join(ws, "<BR/>")+"</B></FONT>")
	}
	n.attrs.setHTML("label", strings.Join(lines, "<BR/>"))
	return n
}
