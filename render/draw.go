package render

import (
	"encoding/json"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
	"github.com/tdewolff/canvas/renderers/rasterizer"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
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

type xdotGraph struct {
	xdotObj
	BB          string    `json:"bb"`
	SubgraphCnt int       `json:"_subgraph_cnt"`
	Objects     []xdotObj `json:"objects"`
	Edges       []xdotObj `json:"edges"`
}

// ptToMM converts Graphviz points to canvas millimeters.
const ptToMM = 25.4 / 72

// pngDPI is the PNG resolution: two pixels per point.
const pngDPI = 144

// maxPixels and maxSide cap a PNG's size; larger drawings get a lower
// resolution.
const (
	maxPixels = 40e6
	maxSide   = 16000
)

// drawJSON draws a Graphviz JSON layout as PNG or PDF to w.
func drawJSON(w io.Writer, js []byte, format Format) error {
	var g xdotGraph
	if err := json.Unmarshal(js, &g); err != nil {
		return fmt.Errorf("render: reading the graphviz layout: %w", err)
	}
	var bb [4]float64
	for i, f := range strings.Split(g.BB, ",") {
		if i < 4 {
			bb[i], _ = strconv.ParseFloat(f, 64)
		}
	}
	width, height := (bb[2]-bb[0])*ptToMM, (bb[3]-bb[1])*ptToMM
	if width <= 0 || height <= 0 {
		return fmt.Errorf("render: graphviz produced an empty drawing")
	}
	fonts, err := loadFonts()
	if err != nil {
		return err
	}
	c := canvas.New(width, height)
	ctx := canvas.NewContext(c)
	d := &drawer{ctx: ctx, fonts: fonts, ox: bb[0], oy: bb[1]}
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

	switch format {
	case PDF:
		p := pdf.New(w, width, height, nil)
		c.RenderTo(p)
		if err := p.Close(); err != nil {
			return fmt.Errorf("render: writing PDF: %w", err)
		}
		return nil
	default:
		dpi := float64(pngDPI)
		px := (width / 25.4 * dpi) * (height / 25.4 * dpi)
		if px > maxPixels {
			dpi *= math.Sqrt(maxPixels / px)
		}
		if side := math.Max(width, height) / 25.4 * dpi; side > maxSide {
			dpi *= maxSide / side
		}
		img := rasterizer.Draw(c, canvas.DPI(dpi), canvas.DefaultColorSpace)
		if err := png.Encode(w, img); err != nil {
			return fmt.Errorf("render: writing PNG: %w", err)
		}
		return nil
	}
}

// loadFonts loads the Go fonts, which come with golang.org/x/image.
func loadFonts() (*canvas.FontFamily, error) {
	fam := canvas.NewFontFamily("Go")
	for _, f := range []struct {
		ttf   []byte
		style canvas.FontStyle
	}{
		{goregular.TTF, canvas.FontRegular},
		{gobold.TTF, canvas.FontBold},
		{goitalic.TTF, canvas.FontItalic},
		{gobolditalic.TTF, canvas.FontBold | canvas.FontItalic},
	} {
		if err := fam.LoadFont(f.ttf, 0, f.style); err != nil {
			return nil, fmt.Errorf("render: loading the Go fonts: %w", err)
		}
	}
	return fam, nil
}

// drawer holds the xdot drawing state.
type drawer struct {
	ctx    *canvas.Context
	fonts  *canvas.FontFamily
	ox, oy float64

	pen, fill color.RGBA
	style     string
	lineWidth float64
	fontSize  float64
	fontChar  int
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
	d.lineWidth = 1
	d.fontSize = 14
	d.fontChar = 0
}

func (d *drawer) ops(ops []xdotOp) {
	d.reset()
	for _, op := range ops {
		switch op.Op {
		case "c":
			d.pen = parseColor(op)
		case "C":
			d.fill = parseColor(op)
		case "S":
			switch {
			case strings.HasPrefix(op.Style, "setlinewidth("):
				v := strings.TrimSuffix(strings.TrimPrefix(op.Style, "setlinewidth("), ")")
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					d.lineWidth = f
				}
			case op.Style == "bold":
				d.lineWidth = 2
			default:
				d.style = op.Style
			}
		case "F":
			d.fontSize = op.Size
		case "t":
			d.fontChar = op.FontChar
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
			if len(op.Rect) < 4 {
				continue
			}
			p := canvas.Ellipse(op.Rect[2]*ptToMM, op.Rect[3]*ptToMM).Translate(d.x(op.Rect[0]), d.y(op.Rect[1]))
			d.path(p, op.Op == "E")
		case "T":
			d.text(op)
		}
	}
}

func (d *drawer) x(v float64) float64 { return (v - d.ox) * ptToMM }
func (d *drawer) y(v float64) float64 { return (v - d.oy) * ptToMM }

// path strokes p with the pen, filling it first when filled.
func (d *drawer) path(p *canvas.Path, filled bool) {
	if d.style == "invis" {
		return
	}
	if filled {
		d.ctx.SetFillColor(d.fill)
	} else {
		d.ctx.SetFillColor(canvas.Transparent)
	}
	d.ctx.SetStrokeColor(d.pen)
	d.ctx.SetStrokeWidth(d.lineWidth * ptToMM)
	switch d.style {
	case "dashed":
		d.ctx.SetDashes(0, 5*ptToMM, 2*ptToMM)
	case "dotted":
		d.ctx.SetDashes(0, 1*ptToMM, 5*ptToMM)
	default:
		d.ctx.SetDashes(0)
	}
	d.ctx.DrawPath(0, 0, p)
}

// text draws a text operation in the Go font, narrowed where it would be
// wider than the width Graphviz laid out for it.
func (d *drawer) text(op xdotOp) {
	if len(op.Pt) < 2 || op.Text == "" {
		return
	}
	style := canvas.FontRegular
	if d.fontChar&1 != 0 {
		style = canvas.FontBold
	}
	if d.fontChar&2 != 0 {
		style |= canvas.FontItalic
	}
	size := d.fontSize
	face := d.fonts.Face(size, d.pen, style)
	if want := op.Width * ptToMM; want > 0 {
		if got := face.TextWidth(op.Text); got > want*1.02 {
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
