package draw

import (
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/tdewolff/canvas"
)

// This file draws Graphviz's JSON output (the xdot drawing operations of
// every object) with tdewolff/canvas, for PNG and PDF. Graphviz's own PNG
// renderer in go-graphviz v0.2.10 loses node outlines and fills curved
// edges (go-graphviz issue #106), so only the layout is taken from it.

// xdotOp is one xdot drawing operation in Graphviz's JSON.
type xdotOp struct {
	Op       string       `json:"op"`
	Color    string       `json:"color"`
	Grad     string       `json:"grad"`
	Style    string       `json:"style"`
	Points   [][2]float64 `json:"points"`
	Rect     []float64    `json:"rect"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	Pt       []float64    `json:"pt"`
	Align    string       `json:"align"`
	Width    float64      `json:"width"`
	Text     string       `json:"text"`
	FontChar int          `json:"fontchar"`
	Stops    []struct {
		Color string `json:"color"`
	} `json:"stops"`
}

// xdotObj is a graph, subgraph, node or edge with its drawing operations.
type xdotObj struct {
	Draw   []xdotOp `json:"_draw_"`
	LDraw  []xdotOp `json:"_ldraw_"`
	HDraw  []xdotOp `json:"_hdraw_"`
	TDraw  []xdotOp `json:"_tdraw_"`
	HLDraw []xdotOp `json:"_hldraw_"`
	TLDraw []xdotOp `json:"_tldraw_"`
}

// xdotGraph is a laid-out graph; bb is its bounding box in points, x0, y0,
// x1, y1 with y up.
type xdotGraph struct {
	xdotObj
	BB          string    `json:"bb"`
	SubgraphCnt int       `json:"_subgraph_cnt"`
	Objects     []xdotObj `json:"objects"`
	Edges       []xdotObj `json:"edges"`

	bb [4]float64
}

// parseLayout reads Graphviz's JSON output.
func parseLayout(js []byte) (*xdotGraph, error) {
	var g xdotGraph
	if err := json.Unmarshal(js, &g); err != nil {
		return nil, fmt.Errorf("draw: reading the graphviz layout: %w", err)
	}
	f := strings.Split(g.BB, ",")
	if len(f) != 4 {
		return nil, fmt.Errorf("draw: graphviz gave the bounding box %q", g.BB)
	}
	for i := range f {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("draw: graphviz gave the bounding box %q", g.BB)
		}
		g.bb[i] = v
	}
	if g.width() <= 0 || g.height() <= 0 {
		return nil, fmt.Errorf("draw: graphviz produced an empty drawing")
	}
	return &g, nil
}

func (g *xdotGraph) width() float64  { return g.bb[2] - g.bb[0] }
func (g *xdotGraph) height() float64 { return g.bb[3] - g.bb[1] }

// ptToMM converts points to canvas millimeters.
const ptToMM = 25.4 / 72

// flatTolerance is how far, in millimeters, a dashed curve may stray from
// the Bézier it follows: a fifth of a pixel at 144 dpi.
const flatTolerance = 0.035

// drawer draws one laid-out graph placed on the page: its bounding box's
// top-left corner at (left, top) in points from the page's top-left
// corner, scaled by scale.
type drawer struct {
	ctx    *canvas.Context
	fonts  *canvas.FontFamily
	g      *xdotGraph
	pageH  float64 // the page's height in points
	left   float64
	top    float64
	scale  float64
	pen    color.RGBA
	fill   color.RGBA
	style  string
	lineW  float64
	fontSz float64
	fontCh int
}

// draw draws the graph: clusters, then edges, then nodes, then the graph's
// own label.
func (d *drawer) draw() {
	g := d.g
	d.ops(g.Draw)
	for i, o := range g.Objects {
		if i < g.SubgraphCnt {
			d.obj(o)
		}
	}
	for _, e := range g.Edges {
		d.obj(e)
	}
	for i, o := range g.Objects {
		if i >= g.SubgraphCnt {
			d.obj(o)
		}
	}
	d.ops(g.LDraw)
}

func (d *drawer) obj(o xdotObj) {
	for _, ops := range [][]xdotOp{o.Draw, o.HDraw, o.TDraw, o.LDraw, o.HLDraw, o.TLDraw} {
		d.ops(ops)
	}
}

func (d *drawer) reset() {
	d.pen = color.RGBA{A: 255}
	d.fill = color.RGBA{A: 255}
	d.style = ""
	d.lineW = 1
	d.fontSz = 14
	d.fontCh = 0
}

func (d *drawer) ops(ops []xdotOp) {
	d.reset()
	for _, op := range ops {
		if !op.finite() {
			continue
		}
		switch op.Op {
		case "c":
			d.pen = parseColor(op)
		case "C":
			d.fill = parseColor(op)
		case "S":
			switch {
			case strings.HasPrefix(op.Style, "setlinewidth("):
				v := strings.TrimSuffix(strings.TrimPrefix(op.Style, "setlinewidth("), ")")
				if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f < 100 {
					d.lineW = f
				}
			case op.Style == "bold":
				d.lineW = 2
			default:
				d.style = op.Style
			}
		case "F":
			d.fontSz = op.Size
		case "t":
			d.fontCh = op.FontChar
		case "p", "P", "L":
			if len(op.Points) == 0 {
				continue
			}
			p := &canvas.Path{}
			p.MoveTo(d.x(op.Points[0][0]), d.y(op.Points[0][1]))
			for _, pt := range op.Points[1:] {
				p.LineTo(d.x(pt[0]), d.y(pt[1]))
			}
			if op.Op != "L" {
				p.Close()
			}
			d.path(p, op.Op == "P")
		case "b", "B":
			if len(op.Points) < 4 {
				continue
			}
			p := &canvas.Path{}
			p.MoveTo(d.x(op.Points[0][0]), d.y(op.Points[0][1]))
			for i := 1; i+2 < len(op.Points); i += 3 {
				a, b, c := op.Points[i], op.Points[i+1], op.Points[i+2]
				p.CubeTo(d.x(a[0]), d.y(a[1]), d.x(b[0]), d.y(b[1]), d.x(c[0]), d.y(c[1]))
			}
			if op.Op == "B" {
				p.Close()
			}
			d.path(p, op.Op == "B")
		case "e", "E":
			if len(op.Rect) < 4 || op.Rect[2] <= 0 || op.Rect[3] <= 0 {
				continue
			}
			p := canvas.Ellipse(op.Rect[2]*d.scale*ptToMM, op.Rect[3]*d.scale*ptToMM).Translate(d.x(op.Rect[0]), d.y(op.Rect[1]))
			d.path(p, op.Op == "E")
		case "T":
			d.text(op)
		}
	}
}

// finite reports whether every number of the operation is finite and in
// range: Graphviz may give NaN for degenerate geometry, and the drawing
// library must not see it.
func (op *xdotOp) finite() bool {
	// No layout reaches a million points (a statewide one is 70,000).
	ok := func(v float64) bool { return !math.IsNaN(v) && math.Abs(v) < 1e6 }
	for _, p := range op.Points {
		if !ok(p[0]) || !ok(p[1]) {
			return false
		}
	}
	for _, v := range op.Rect {
		if !ok(v) {
			return false
		}
	}
	for _, v := range op.Pt {
		if !ok(v) {
			return false
		}
	}
	return ok(op.Size) && ok(op.Width)
}

// x and y map a Graphviz point to canvas millimeters (y up, from the
// page's bottom-left corner).
func (d *drawer) x(v float64) float64 { return (d.left + (v-d.g.bb[0])*d.scale) * ptToMM }
func (d *drawer) y(v float64) float64 {
	return (d.pageH - d.top - (d.g.bb[3]-v)*d.scale) * ptToMM
}

// path strokes p with the pen, filling it first when filled. Dashed and
// dotted lines are cut into dashes here, on the curve flattened to line
// segments: canvas's own dashing of a long Bézier (an edge across a
// statewide layout, meters long) yields NaN coordinates and then panics.
func (d *drawer) path(p *canvas.Path, filled bool) {
	if d.style == "invis" {
		return
	}
	width := d.lineW * d.scale * ptToMM
	if filled {
		d.ctx.SetFillColor(d.fill)
		d.ctx.SetStrokeColor(canvas.Transparent)
		d.ctx.DrawPath(0, 0, p)
	}
	var dashes []float64
	switch d.style {
	case "dashed":
		dashes = []float64{5, 2}
	case "dotted":
		dashes = []float64{1, 5}
	}
	if len(dashes) > 0 {
		for i := range dashes {
			dashes[i] *= d.scale * ptToMM
		}
		p = dash(p, dashes)
	}
	d.ctx.SetFillColor(canvas.Transparent)
	d.ctx.SetStrokeColor(d.pen)
	d.ctx.SetStrokeWidth(width)
	d.ctx.SetDashes(0)
	d.ctx.DrawPath(0, 0, p)
}

// dash cuts p into dashes on the curve flattened to line segments.
func dash(p *canvas.Path, dashes []float64) *canvas.Path {
	return p.Flatten(flatTolerance).Dash(0, dashes...)
}

// text draws a text operation, narrowed should the font be wider than the
// width Graphviz laid out for it (it is not, for Liberation Sans: see
// TestTextFitsItsBox).
func (d *drawer) text(op xdotOp) {
	if len(op.Pt) < 2 || op.Text == "" || d.fontSz <= 0 {
		return
	}
	style := canvas.FontRegular
	if d.fontCh&1 != 0 {
		style = canvas.FontBold
	}
	if d.fontCh&2 != 0 {
		style |= canvas.FontItalic
	}
	size := d.fontSz * d.scale
	face := d.fonts.Face(size, d.pen, style)
	if want := op.Width * d.scale * ptToMM; want > 0 {
		if got := face.TextWidth(op.Text); got > want*1.01 {
			size *= want / got
			face = d.fonts.Face(size, d.pen, style)
		}
	}
	align := canvas.Center
	switch op.Align {
	case "l":
		align = canvas.Left
	case "r":
		align = canvas.Right
	}
	d.ctx.DrawText(d.x(op.Pt[0]), d.y(op.Pt[1]), canvas.NewTextLine(face, op.Text, align))
}

// parseColor parses an xdot color: #rrggbb, #rrggbbaa, or a gradient, of
// which the first stop is used.
func parseColor(op xdotOp) color.RGBA {
	s := op.Color
	if op.Grad != "" && op.Grad != "none" && len(op.Stops) > 0 {
		s = op.Stops[0].Color
	}
	switch s {
	case "transparent", "none", "invis":
		return color.RGBA{}
	case "white":
		return color.RGBA{255, 255, 255, 255}
	case "black", "":
		return color.RGBA{A: 255}
	}
	if !strings.HasPrefix(s, "#") || (len(s) != 7 && len(s) != 9) {
		return color.RGBA{A: 255}
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.RGBA{A: 255}
	}
	if len(s) == 7 {
		return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
	}
	// canvas wants premultiplied alpha.
	r, g, b, a := uint32(v>>24)&0xff, uint32(v>>16)&0xff, uint32(v>>8)&0xff, uint32(v)&0xff
	return color.RGBA{uint8(r * a / 255), uint8(g * a / 255), uint8(b * a / 255), uint8(a)}
}
