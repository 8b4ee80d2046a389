package render

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/words"
	"github.com/netreview/netreview/topology"
)

// group is one node of a collapsed view: a site, an agency, or a device that
// belongs to neither.
type group struct {
	key     string
	label   string
	sub     string // second line: what the group is
	style   string
	devices int
	clients int
	ms      marks
	device  *topology.Device // set when the group is one device

	county   bool                        // a county of the counties view
	agency   *topology.Agency            // an agency under review, in the agencies view
	hubLinks groupEdge                   // a county's or agency's links to the hubs, when drawn in rows
	agencies []string                    // a county's agencies, in input order
	docs     map[*topology.Document]bool // a county's documents
}

// groupEdge aggregates the links and tunnels between two groups.
type groupEdge struct {
	a, b           string
	links, tunnels int
	radio          int
	ms             marks
}

// groupOf returns the key of the node that device d is drawn in by the
// sites, agencies or counties view, and a new group for that node (used
// when it is the first of its devices).
func (b *builder) groupOf(d *topology.Device) (string, *group) {
	if b.docIndex == nil {
		b.docIndex = map[*topology.Document]int{}
		for i, doc := range b.m.Docs {
			b.docIndex[doc] = i
		}
	}
	agency := func() (string, *group) {
		gr := &group{label: d.Doc.Agency.Name, sub: d.Doc.Agency.ORI, style: "solid"}
		if gr.label == "" {
			gr.label = d.Doc.Path
		}
		if b.opts.View == ViewAgencies && !d.Doc.Agency.IsCSA() {
			gr.agency = &d.Doc.Agency
		}
		return "#agency/" + strconv.Itoa(b.docIndex[d.Doc]), gr
	}
	switch {
	case b.opts.View == ViewAgencies && d.Doc != nil:
		return agency()
	case b.opts.View == ViewCounties && d.Type == topology.StateHub:
		// The state hubs stand apart, every county joined to them.
	case b.opts.View == ViewCounties && d.Doc != nil && d.Doc.Agency.County != "" && !d.Doc.Agency.IsCSA():
		c := d.Doc.Agency.County
		return "#county/" + c, &group{label: countyLabel(c), sub: "county", style: "solid", county: true}
	case b.opts.View == ViewCounties && d.Doc != nil:
		return agency()
	case b.opts.View == ViewSites && b.m.Site(d.Site) != nil:
		s := b.m.Site(d.Site)
		gr := &group{label: s.ID, sub: string(s.Security), style: securityStyle(s.Security), ms: b.site[s.ID]}
		if s.Name != "" && s.Name != s.ID {
			gr.label = s.Name + " (" + s.ID + ")"
		}
		return "#site/" + s.ID, gr
	}
	return d.ID, &group{device: d}
}

// countyLabel names a county: "Cedar County" for "Cedar", as written when
// it already says county.
func countyLabel(c string) string {
	if strings.Contains(strings.ToLower(c), "county") || strings.Contains(strings.ToLower(c), "parish") {
		return c
	}
	return c + " County"
}

// buildGrouped draws the sites, agencies or counties view: each group one
// node, the links between groups aggregated into one edge per pair.
func (b *builder) buildGrouped(g *dotGraph) {
	groups := map[string]*group{}
	var order []string
	keyOf := map[string]string{}
	for _, d := range b.m.Devices {
		if b.m.Device(d.ID) != d || !b.drawn(d.ID) {
			continue
		}
		key, gr := b.groupOf(d)
		keyOf[d.ID] = key
		if have := groups[key]; have != nil {
			gr = have
		} else {
			gr.key = key
			groups[key] = gr
			order = append(order, key)
		}
		gr.devices++
		if contains(clientTypes, d.Type) {
			gr.clients += d.Units()
		}
		if gr.county && d.Doc != nil && !gr.docs[d.Doc] {
			if gr.docs == nil {
				gr.docs = map[*topology.Document]bool{}
			}
			gr.docs[d.Doc] = true
			gr.agencies = append(gr.agencies, d.Doc.Agency.Name)
		}
		gr.ms = append(gr.ms, b.dev[d.ID]...)
	}
	edges := map[[2]string]*groupEdge{}
	var edgeOrder [][2]string
	add := func(a, c string, ms marks, tunnel, radio bool) {
		ka, kb := keyOf[a], keyOf[c]
		if ka == "" || kb == "" {
			return
		}
		if ka == kb {
			groups[ka].ms = append(groups[ka].ms, ms...)
			return
		}
		if kb < ka {
			ka, kb = kb, ka
		}
		k := [2]string{ka, kb}
		e := edges[k]
		if e == nil {
			e = &groupEdge{a: ka, b: kb}
			edges[k] = e
			edgeOrder = append(edgeOrder, k)
		}
		if tunnel {
			e.tunnels++
		} else {
			e.links++
		}
		if radio {
			e.radio++
		}
		e.ms = append(e.ms, ms...)
	}
	for _, l := range b.m.Links {
		if b.m.Link(l.ID) == l {
			add(l.A, l.B, join(b.link[l.ID], b.path[l.ID]), false, l.Medium.Radio())
		}
	}
	for _, t := range b.m.Tunnels {
		if b.m.Tunnel(t.ID) == t {
			add(t.A, t.B, join(b.tunnel[t.ID], b.path[t.ID]), true, false)
		}
	}
	var rows *rowLayout
	if (b.opts.View == ViewCounties || b.opts.View == ViewAgencies) && groupNeighbours(edgeOrder) > maxRankNeighbours {
		// Set first: the rows are planned for a heading without the
		// findings table (see tabled).
		b.rows = true
		rows = b.planRows(groups, order, edges, edgeOrder)
	}
	b.rows = rows != nil
	for _, key := range order {
		gr := groups[key]
		if rows != nil && rows.dropped[key] {
			continue
		}
		if gr.device != nil {
			g.nodes = append(g.nodes, b.deviceNode(gr.device))
			continue
		}
		g.nodes = append(g.nodes, b.groupNode(gr))
	}
	sort.Slice(edgeOrder, func(i, j int) bool {
		if edgeOrder[i][0] != edgeOrder[j][0] {
			return edgeOrder[i][0] < edgeOrder[j][0]
		}
		return edgeOrder[i][1] < edgeOrder[j][1]
	})
	for _, k := range edgeOrder {
		if rows != nil && (rows.dropped[k[0]] || rows.dropped[k[1]] || groups[k[0]].inRow() != groups[k[1]].inRow()) {
			// An edge to a group left out, or to the hubs: the rows'
			// lines to the hubs draw those.
			continue
		}
		g.edges = append(g.edges, b.groupEdge(edges[k]))
	}
	if rows != nil {
		b.drawRows(g, groups, rows)
	}
}

func (b *builder) groupNode(gr *group) *dotNode {
	if b.rows && gr.inRow() {
		return b.rowNode(gr)
	}
	n := &dotNode{id: gr.key}
	n.attrs.set("shape", "box")
	n.attrs.set("style", gr.style)
	n.attrs.set("color", plainColor)
	lines := []string{}
	for _, w := range wrap(gr.label, 30) {
		lines = append(lines, "<B>"+htmlText(w)+"</B>")
	}
	info := plural(gr.devices, "device")
	if gr.clients > 0 {
		info += ", " + plural(gr.clients, "client")
	}
	if gr.sub != "" {
		info = gr.sub + "; " + info
	}
	if gr.county {
		info = plural(len(gr.agencies), "agency") + "; " + info
		names := gr.agencies
		if len(names) > 3 {
			names = append(names[:2:2], fmt.Sprintf("and %d more", len(gr.agencies)-2))
		}
		for _, name := range names {
			for _, w := range wrap(name, 34) {
				lines = append(lines, `<FONT POINT-SIZE="8">`+htmlText(w)+"</FONT>")
			}
		}
	}
	lines = append(lines, `<FONT POINT-SIZE="8">`+htmlText(info)+"</FONT>")
	if col, ok := b.worst(gr.ms); ok {
		n.attrs.set("color", col)
		n.attrs.set("penwidth", "3")
		text := numbers(gr.ms, 6)
		if gr.county {
			// A county gathers many findings: counted by severity, colored
			// by the worst.
			text = b.severityCounts(gr.ms)
			n.attrs.set("style", "filled")
			n.attrs.set("fillcolor", tint(col))
		}
		lines = append(lines, `<FONT COLOR="`+col+`"><B>`+htmlText(text)+"</B></FONT>")
	}
	n.attrs.setHTML("label", strings.Join(lines, "<BR/>"))
	return n
}

// severityCounts says how many distinct unwaived findings the marks hold,
// by severity: "12 findings: 2 critical, 10 high".
func (b *builder) severityCounts(ms marks) string {
	seen := map[int]bool{}
	counts := map[analysis.Severity]int{}
	total, waived := 0, 0
	for _, i := range ms {
		if seen[i] {
			continue
		}
		seen[i] = true
		f := &b.res.Findings[i]
		if f.Waived {
			waived++
			continue
		}
		counts[f.Severity]++
		total++
	}
	var parts []string
	for _, s := range analysis.Severities() {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	text := plural(total, "finding")
	if len(parts) > 0 {
		text += ": " + strings.Join(parts, ", ")
	}
	if waived > 0 {
		text += fmt.Sprintf(" (%d waived)", waived)
	}
	return text
}

// tint returns a pale version of a #rrggbb color, for a fill that text
// stays readable on.
func tint(col string) string {
	v, err := strconv.ParseUint(strings.TrimPrefix(col, "#"), 16, 32)
	if err != nil || len(col) != 7 {
		return noZoneFill
	}
	mix := func(c uint64) uint64 { return c + (255-c)*4/5 }
	return fmt.Sprintf("#%02x%02x%02x", mix(v>>16&0xff), mix(v>>8&0xff), mix(v&0xff))
}

func (b *builder) groupEdge(e *groupEdge) *dotEdge {
	d := &dotEdge{a: e.a, b: e.b}
	var parts []string
	if e.links > 0 {
		parts = append(parts, plural(e.links, "link"))
	}
	if e.tunnels > 0 {
		parts = append(parts, plural(e.tunnels, "tunnel"))
	}
	label := strings.Join(parts, ", ")
	col := plainColor
	if c, ok := b.worst(e.ms); ok {
		col = c
		label += "\n" + numbers(e.ms, 4)
		d.attrs.set("fontcolor", c)
		d.attrs.set("penwidth", "2.5")
	}
	d.attrs.set("color", col)
	if e.links > 0 && e.radio == e.links {
		d.attrs.set("style", "dashed")
	} else if e.links == 0 {
		d.attrs.set("style", "bold")
		if _, ok := b.worst(e.ms); !ok {
			d.attrs.set("color", tunnelColor)
		}
	}
	d.attrs.setHTML("label", edgeText(label))
	return d
}

// titleBlock is the heading's first cell: the marking, the agencies, the view, the
// review date and the client counts that CJIS 5.7.1.2 (CM-2) asks of every
// network diagram.
//
// The agencies are those under review: the CSA's documents (role: csa) are
// context and not named, unless only they are drawn.
func (b *builder) titleBlock() string {
	var names []string
	seen := map[string]bool{}
	for _, csa := range []bool{false, true} {
		for _, d := range b.m.Docs {
			n := d.Agency.Name
			if d.Agency.IsCSA() != csa || n == "" || seen[n] || len(b.opts.Agencies) > 0 && !contains(b.opts.Agencies, d.Agency.ORI) {
				continue
			}
			seen[n] = true
			names = append(names, n)
		}
		if len(names) > 0 {
			break
		}
	}
	agencies := strings.Join(names, "; ")
	if len(names) > 4 {
		agencies = strings.Join(names[:3], "; ") + "; and " + words.Grouped(len(names)-3) + " more agencies"
	}
	if agencies == "" {
		agencies = "(agency not named)"
	}
	view, note := "physical view", ""
	switch b.opts.View {
	case ViewSites:
		view = "sites view"
	case ViewAgencies:
		view = "agencies view"
		if b.rowsShown < b.rowsOf {
			note = fmt.Sprintf("The %d agencies with the most serious findings, of %s; all of them by county: --view counties", b.rowsShown, words.Grouped(b.rowsOf))
		}
	case ViewCounties:
		view = "counties view"
	}
	if (b.opts.View == ViewAgencies || b.opts.View == ViewCounties) && len(b.m.Docs) == 1 && b.m.Docs[0].Agency.IsCSA() && b.opts.Finding == 0 {
		// The state's one file holding every agency's elements, as
		// generate writes a statewide model to one file.
		note = "The model is one document, drawn as one node: this view needs a file or a YAML document per agency (generate writes a generated model so in YAML, or with --split)"
	}
	if b.opts.Finding > 0 {
		f := &b.res.Findings[b.opts.Finding-1]
		view = fmt.Sprintf("finding F%d: %s %s (%s)", b.opts.Finding, f.Rule, f.Subject, f.Severity)
	}
	counts := map[topology.DeviceType]int{}
	total := 0
	for _, d := range b.m.Devices {
		if contains(clientTypes, d.Type) && b.drawn(d.ID) {
			counts[d.Type] += d.Units()
			total += d.Units()
		}
	}
	clients := "Clients: " + words.Grouped(total) + " (workstations " + words.Grouped(counts[topology.Workstation]) + ", mobile " + words.Grouped(counts[topology.MobileDevice]) + ")"
	br := `<BR ALIGN="LEFT"/>`
	// Several agencies take several lines, so that the heading stays
	// narrow enough to stand beside the diagram.
	var lines []string
	for _, l := range wrap(agencies, titleWidth) {
		lines = append(lines, htmlText(l))
	}
	// What was left out of the view, in lines as short as the agencies'.
	viewLines := []string{htmlText("Network diagram, " + view)}
	for _, l := range wrap(note, titleWidth) {
		viewLines = append(viewLines, htmlText(l))
	}
	text := `<FONT POINT-SIZE="14"><B>FOR OFFICIAL USE ONLY</B></FONT>` + br +
		`<FONT POINT-SIZE="13"><B>` + strings.Join(lines, br) + `</B></FONT>` + br +
		strings.Join(viewLines, br) + br +
		`Review date: ` + b.res.Date.Format("2006-01-02") + br +
		htmlText(clients) + br
	return text
}

// titleWidth is the longest line, in characters, of the agencies in the
// title block.
const titleWidth = 48

// maxLegendFindings caps the findings listed in the legend; the rest are
// counted.
const maxLegendFindings = 40

// legendID is the id of the legend's cluster.
const legendID = "#legend"

// legend makes the key: the legend cluster, a sample of each device type
// drawn (drawn in the heading, beside the title block), and the rows of
// the zone fills, the line styles and the findings shown.
func (b *builder) legend(g *dotGraph) {
	c := &dotCluster{id: legendID}
	c.attrs.set("label", "Device types")
	c.attrs.set("fontname", fontName)
	c.attrs.set("fontsize", "9")
	c.attrs.set("style", "rounded")
	c.attrs.set("color", "#868e96")
	types := map[topology.DeviceType]bool{}
	kinds := map[topology.ZoneKind]bool{}
	all := append(append([]*dotNode{}, g.nodes...), flatten(g.clusters)...)
	ids := map[string]bool{}
	for _, n := range all {
		ids[n.id] = true
	}
	for _, d := range b.m.Devices {
		if ids[d.ID] {
			types[d.Type] = true
			for _, k := range b.m.ZoneKinds(d) {
				kinds[k] = true
			}
		}
	}
	var rows []keyRow
	for _, t := range topology.DeviceTypes() {
		if !types[t] {
			continue
		}
		n := &dotNode{id: "#legend/" + string(t)}
		style, per := deviceStyle(t)
		n.attrs.set("shape", deviceShape[t])
		n.attrs.set("style", style)
		if per > 1 {
			n.attrs.set("peripheries", strconv.Itoa(per))
		}
		n.attrs.set("fillcolor", "white")
		// Samples, smaller than the devices they stand for.
		n.attrs.set("fontsize", "7")
		n.attrs.set("width", "0.4")
		n.attrs.set("height", "0.25")
		n.attrs.set("margin", "0.03,0.01")
		n.attrs.set("label", string(t))
		c.nodes = append(c.nodes, n)
	}
	for _, k := range topology.ZoneKinds() {
		if kinds[k] {
			rows = append(rows, keyRow{`<TD BGCOLOR="` + zoneFill[k] + `" BORDER="1" WIDTH="24" HEIGHT="14" FIXEDSIZE="TRUE"> </TD>`, "zone: " + string(k), ""})
		}
	}
	if b.opts.View == ViewCounties {
		rows = append(rows, keyRow{`<TD>box</TD>`, "a county: its agencies, their findings by severity, filled in the worst one's color", ""})
	}
	if b.opts.View == ViewAgencies && b.rows {
		rows = append(rows, keyRow{`<TD>box</TD>`, "an agency: its ORI and county, its findings by severity, filled in the worst one's color", ""})
	}
	if b.rows {
		rows = append(rows, keyRow{`<TD>line</TD>`, "links to the hubs: a line above each row, a drop to each box colored by the worst finding on its links", ""})
	} else if b.opts.View == ViewSites || b.opts.View == ViewAgencies || b.opts.View == ViewCounties {
		rows = append(rows, keyRow{`<TD>line</TD>`, "links between groups, with their count and worst finding", ""})
	} else {
		rows = append(rows,
			keyRow{`<TD>solid</TD>`, "wired link; dashed: radio (wifi, cellular, microwave, satellite)", ""},
			keyRow{`<TD><FONT COLOR="` + encryptedColor + `">double</FONT></TD>`, "link with its own encryption (protocol named)", ""},
			keyRow{`<TD><FONT COLOR="` + tunnelColor + `"><B>bold</B></FONT></TD>`, "tunnel, drawn apart from the links it rides", ""},
			keyRow{`<TD>border</TD>`, "site: solid physically secure, dashed controlled area, dotted unsecured or mobile", ""},
		)
	}
	if len(b.shown) > 0 {
		rows = append(rows, keyRow{`<TD>F<I>n</I></TD>`, "finding n (colored by severity; its path traced; SPOF: single point of failure)", ""})
		sev := ""
		for _, s := range analysis.Severities() {
			sev += `<FONT COLOR="` + severityColor[s] + `"><B>■ ` + s.String() + `</B></FONT>  `
		}
		sev += `<FONT COLOR="` + waivedColor + `"><B>■ waived</B></FONT>`
		rows = append(rows, keyRow{`<TD></TD>`, "", sev})
	}
	b.keyRows = rows
	if len(c.nodes) > 0 {
		b.legendCluster = c
	}
}

// tableBudget returns the height in points that the findings table may
// take: on a slide or Letter page as much as keeps the heading within a
// third of the page; on a poster, no limit (the table stops at
// maxLegendFindings rows).
func (b *builder) tableBudget() float64 {
	_, h, m := b.opts.Page.Size()
	if h == 0 {
		return math.Inf(1)
	}
	// The heading takes at most a third of the page (see package
	// internal/draw); the title block and the key about 110 pt of it.
	return max((h-2*m)/3-110, 40)
}

func (b *builder) findingsTable() string {
	rows := []string{`<TR><TD ALIGN="LEFT"><B>#</B></TD><TD ALIGN="LEFT"><B>severity</B></TD><TD ALIGN="LEFT"><B>rule</B></TD><TD ALIGN="LEFT"><B>subject</B></TD><TD ALIGN="LEFT"><B>finding</B></TD></TR>`}
	budget := b.tableBudget()
	for k, i := range b.shown {
		width, most := b.messageWidth()
		lines := wrapMessage(b.res.Findings[i].Message, width, most, b.opts.Finding > 0)
		// A row is about 12 pt high, and 11 more for each further line.
		budget -= float64(1 + 11*len(lines))
		if k == maxLegendFindings || budget < 0 {
			word := "findings"
			if len(b.shown)-k == 1 {
				word = "finding"
			}
			rows = append(rows, fmt.Sprintf(`<TR><TD COLSPAN="5" ALIGN="LEFT"><I>and %s more %s: see the report</I></TD></TR>`, words.Grouped(len(b.shown)-k), word))
			break
		}
		f := &b.res.Findings[i]
		col := severityColor[f.Severity]
		sev := f.Severity.String()
		if f.Waived {
			col = waivedColor
			sev += " (waived)"
		}
		var msg []string
		for _, l := range lines {
			msg = append(msg, htmlText(l))
		}
		rows = append(rows, `<TR><TD ALIGN="LEFT" VALIGN="TOP"><FONT COLOR="`+col+`"><B>F`+strconv.Itoa(i+1)+`</B></FONT></TD>`+
			`<TD ALIGN="LEFT" VALIGN="TOP"><FONT COLOR="`+col+`">`+htmlText(sev)+`</FONT></TD>`+
			`<TD ALIGN="LEFT" VALIGN="TOP">`+htmlText(f.Rule)+`</TD><TD ALIGN="LEFT" VALIGN="TOP">`+htmlText(f.Subject)+`</TD>`+
			`<TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT"><FONT POINT-SIZE="9">`+strings.Join(msg, "<BR/>")+`</FONT></TD></TR>`)
	}
	return `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">` + strings.Join(rows, "") + `</TABLE>`
}

// messageWidth is the longest line, in characters, of a finding's message
// in the table, and how many lines it may take: 100 and 2, or 60 and 3 on
// a portrait page, whose narrow width the heading must fit at a legible
// size.
func (b *builder) messageWidth() (width, lines int) {
	if b.portrait() {
		return 60, 3
	}
	return 100, 2
}

// portrait reports whether the page is taller than wide.
func (b *builder) portrait() bool {
	w, h, _ := b.opts.Page.Size()
	return w > 0 && w < h
}

// wrapMessage breaks a finding's message into lines of whole words, each
// of at most width characters: most lines at most, the last ended by an
// ellipsis when the message goes on, or all of it for a diagram of one
// finding.
func wrapMessage(msg string, width, most int, whole bool) []string {
	lines := wrap(msg, width)
	if !whole && len(lines) > most {
		lines = append(lines[:most-1:most-1], lines[most-1]+" ...")
	}
	return lines
}

func flatten(cs []*dotCluster) []*dotNode {
	var out []*dotNode
	for _, c := range cs {
		out = append(out, c.nodes...)
		out = append(out, flatten(c.clusters)...)
	}
	return out
}

// keyRow is one row of the key: the cell that shows the symbol, and what
// it means, as plain text (text) or as HTML (html).
type keyRow struct {
	sym, text, html string
}

// keyWidth is the longest line, in characters, of the key beside the
// diagram or on a portrait page; above the diagram on a landscape page or
// a poster, a line is as long as its text.
const keyWidth = 44

// key is the key's table; beside the diagram, or on a portrait page, its
// lines are wrapped. On a slide or a Letter page, where the diagram must
// be the largest thing, it is set smaller than the title block: 8 pt.
func (b *builder) key(beside bool) string {
	open, end := "", ""
	if w, _, _ := b.opts.Page.Size(); w > 0 {
		open, end = `<FONT POINT-SIZE="8">`, `</FONT>`
	}
	var rows []string
	for _, r := range b.keyRows {
		text := r.html
		if r.html == "" {
			lines := []string{r.text}
			if beside || b.portrait() {
				lines = wrap(r.text, keyWidth)
			}
			for i, l := range lines {
				lines[i] = htmlText(l)
			}
			text = strings.Join(lines, "<BR/>")
		}
		sym := r.sym
		if open != "" {
			sym = strings.Replace(strings.Replace(sym, `WIDTH="24" HEIGHT="14"`, `WIDTH="16" HEIGHT="10"`, 1), "<TD>", "<TD>"+open, 1)
			if sym == "<TD>"+open+"</TD>" {
				sym = "<TD></TD>"
			} else if strings.HasPrefix(sym, "<TD>"+open) {
				sym = strings.TrimSuffix(sym, "</TD>") + end + "</TD>"
			}
		}
		rows = append(rows, sym+`<TD ALIGN="LEFT" BALIGN="LEFT">`+open+text+end+`</TD>`)
	}
	if open != "" && !beside && !b.portrait() && len(rows) > 1 {
		// On a landscape page, above the diagram, in two columns: half
		// the height.
		half := (len(rows) + 1) / 2
		var two []string
		for i := 0; i < half; i++ {
			right := `<TD></TD><TD></TD>`
			if half+i < len(rows) {
				right = rows[half+i]
			}
			two = append(two, `<TR>`+rows[i]+right+`</TR>`)
		}
		rows = two
	} else {
		for i := range rows {
			rows[i] = `<TR>` + rows[i] + `</TR>`
		}
	}
	return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">` + strings.Join(rows, "") + `</TABLE>`
}

// heading is the graph's label, drawn above the diagram: the title block and
// the key side by side, and the findings below them. Beside the diagram
// (a column at its left) the key stands below the title block, its lines
// wrapped.
func (b *builder) heading(beside bool) string {
	// The title block and the key share one bordered box.
	sep := `</TD><TD VALIGN="TOP" ALIGN="LEFT">`
	if beside {
		sep = `</TD></TR><TR><TD VALIGN="TOP" ALIGN="LEFT">`
	}
	h := `<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="0"><TR><TD ALIGN="LEFT">` +
		`<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4"><TR><TD VALIGN="TOP" ALIGN="LEFT" BALIGN="LEFT">` + b.titleBlock() +
		sep + b.key(beside) + `</TD></TR></TABLE></TD></TR>`
	if b.tabled() {
		h += `<TR><TD ALIGN="LEFT">` + b.findingsTable() + `</TD></TR>`
	}
	return h + `</TABLE>`
}

// tabled reports whether the heading holds the findings table.
// The statewide rows leave the table out: its first findings name
// elements that the boxes of counties and agencies do not show, and the
// boxes count every finding by severity.
func (b *builder) tabled() bool { return len(b.shown) > 0 && !b.opts.NoTable && !b.rows }
