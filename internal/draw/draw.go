// Package draw draws laid-out diagrams for the netreview-graphviz helper:
// it places the heading and the diagram that Graphviz laid out on a page
// (a slide, a Letter page, or a poster as large as the drawing) and writes
// them as PNG, PDF or SVG, set in the one font it embeds (FontName).
//
// Only the helper links this package, and with it tdewolff/canvas: the
// netreview program draws nothing itself (see package render).
package draw

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"math"
	"regexp"
	"strings"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
	"github.com/tdewolff/canvas/renderers/rasterizer"

	"github.com/netreview/netreview/render"
)

// pngDPI is the PNG resolution: two pixels per point, so that a slide is
// 1920 × 1080 pixels.
const pngDPI = 144

// maxPixels and maxSide cap a poster PNG's size; larger drawings get a
// lower resolution.
const (
	maxPixels = 40e6
	maxSide   = 16000
)

// gap is the space between the heading and the diagram, in points.
const gap = 10

// posterMargin is the poster's margin, in points.
const posterMargin = 18

// maxHeading is the part of a page's height that the heading may take.
const maxHeading = 1.0 / 3

// maxUpscale is how much a small diagram may be enlarged to fill a page.
const maxUpscale = 2.0

// box is where a laid-out graph goes on the page: its top-left corner, in
// points from the page's top-left corner, and its scale.
type box struct {
	left, top, scale float64
}

// placement is the page's size and where the heading and the diagram go.
type placement struct {
	width, height    float64
	heading, diagram box
}

// maxBeside is the part of a page's width that a heading drawn beside the
// diagram may take.
const maxBeside = 0.4

// better is how much larger an alternative form must draw the diagram to
// be chosen over the first: a near tie keeps the usual form.
const better = 1.05

// place lays out a page: the heading (hw × hh points) above the diagram
// (dw × dh), or beside it, at its left. On a poster both are drawn at
// natural size, the heading above; on a slide or a Letter page the
// heading is shrunk, if need be, to the page's width and at most a third
// of its height (above), or to the page's height and at most maxBeside of
// its width (beside), and the diagram scaled to fill what is left
// (enlarged 2 times at most), centered across below the heading, or
// centered in the space beside it.
func place(page render.Page, beside bool, hw, hh, dw, dh float64) placement {
	w, h, m := page.Size()
	if w == 0 {
		m = posterMargin
		return placement{
			width:   math.Max(hw, dw) + 2*m,
			height:  hh + gap + dh + 2*m,
			heading: box{m, m, 1},
			diagram: box{m, m + hh + gap, 1},
		}
	}
	aw, ah := w-2*m, h-2*m
	if beside {
		hs := math.Min(1, math.Min(aw*maxBeside/hw, ah/hh))
		rest := aw - hw*hs - gap
		ds := math.Min(maxUpscale, math.Min(rest/dw, ah/dh))
		return placement{
			width:   w,
			height:  h,
			heading: box{m, m, hs},
			diagram: box{m + hw*hs + gap + (rest-dw*ds)/2, m + (ah-dh*ds)/2, ds},
		}
	}
	hs := math.Min(1, math.Min(aw/hw, ah*maxHeading/hh))
	rest := ah - hh*hs - gap
	ds := math.Min(maxUpscale, math.Min(aw/dw, rest/dh))
	return placement{
		width:   w,
		height:  h,
		heading: box{m, m, hs},
		diagram: box{m + (aw-dw*ds)/2, m + hh*hs + gap, ds},
	}
}

// size is a laid-out graph's width and height in points, or zero for a
// form not given.
type size struct{ w, h float64 }

// choose picks the forms to draw on the page and places them: the heading
// above the diagram (heads[0]) or, as a column, beside it (heads[1]); the
// diagram as laid out (diagrams[0]) or turned (diagrams[1], ranked left to
// right). It returns the indices of the forms that draw the diagram
// largest, the first of each unless another does better by a clear margin.
// A poster draws the first forms.
func choose(page render.Page, heads, diagrams []size) (hi, di int, pl placement) {
	pl = place(page, false, heads[0].w, heads[0].h, diagrams[0].w, diagrams[0].h)
	if w, _, _ := page.Size(); w == 0 {
		return 0, 0, pl
	}
	best := pl.diagram.scale
	for h, hd := range heads {
		for d, dg := range diagrams {
			if hd.w <= 0 || hd.h <= 0 || dg.w <= 0 || dg.h <= 0 || h == 0 && d == 0 {
				continue
			}
			if p := place(page, h == 1, hd.w, hd.h, dg.w, dg.h); p.diagram.scale > best*better {
				hi, di, pl, best = h, d, p, p.diagram.scale
			}
		}
	}
	return hi, di, pl
}

// Layouts are what Graphviz gave for the heading and the diagram: SVG for
// an SVG drawing, JSON (xdot) for PNG and PDF. Side and Turned, when not
// empty, are other forms of them (see render.Job): the heading as a
// column, to stand beside the diagram, and the diagram ranked across;
// Draw draws the forms that fill the page best.
type Layouts struct {
	Heading, Diagram []byte
	Side, Turned     []byte
}

// Draw writes the page in format: the heading above the diagram, placed
// by page. inline makes SVG fit for HTML (see render.Options.Inline); date
// (YYYY-MM-DD, the review date) is a PDF's creation date, so that the same
// review gives the same bytes. Odd
// geometry from Graphviz is skipped, never drawn; should the drawing
// library fail all the same, Draw returns its error rather than panic.
func Draw(w io.Writer, format render.Format, page render.Page, inline bool, date string, l Layouts) (err error) {
	if format == render.SVG {
		return composeSVG(w, page, inline, l)
	}
	heads, err := parseLayouts([][]byte{l.Heading, l.Side}, "heading")
	if err != nil {
		return err
	}
	diagrams, err := parseLayouts([][]byte{l.Diagram, l.Turned}, "diagram")
	if err != nil {
		return err
	}
	fonts, err := loadFamily()
	if err != nil {
		return err
	}
	hi, di, pl := choose(page, xdotSizes(heads), xdotSizes(diagrams))
	heading, diagram := heads[hi], diagrams[di]
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("draw: drawing the %s failed: %v", format, r)
		}
	}()
	c := canvas.New(pl.width*ptToMM, pl.height*ptToMM)
	ctx := canvas.NewContext(c)
	ctx.SetFillColor(canvas.White)
	ctx.DrawPath(0, 0, canvas.Rectangle(pl.width*ptToMM, pl.height*ptToMM))
	for _, it := range []struct {
		g *xdotGraph
		b box
	}{{heading, pl.heading}, {diagram, pl.diagram}} {
		d := &drawer{ctx: ctx, fonts: fonts, g: it.g, pageH: pl.height, left: it.b.left, top: it.b.top, scale: it.b.scale}
		d.draw()
	}
	var buf bytes.Buffer
	switch format {
	case render.PDF:
		p := outlinePDF{pdf.New(&buf, pl.width*ptToMM, pl.height*ptToMM, nil)}
		c.RenderTo(p)
		if err := p.Close(); err != nil {
			return fmt.Errorf("draw: writing PDF: %w", err)
		}
		stablePDF(buf.Bytes(), date)
	case render.PNG:
		img := rasterizer.Draw(c, canvas.DPI(pngResolution(pl.width, pl.height)), canvas.DefaultColorSpace)
		if err := png.Encode(&buf, img); err != nil {
			return fmt.Errorf("draw: writing PNG: %w", err)
		}
	default:
		return fmt.Errorf("draw: unknown format %q", format)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// parseLayouts parses the forms of a graph, the first required: a form
// not given is nil.
func parseLayouts(forms [][]byte, what string) ([]*xdotGraph, error) {
	out := make([]*xdotGraph, len(forms))
	for i, f := range forms {
		if i > 0 && len(f) == 0 {
			continue
		}
		g, err := parseLayout(f)
		if err != nil {
			if what == "heading" {
				return nil, fmt.Errorf("%w (the heading)", err)
			}
			return nil, err
		}
		out[i] = g
	}
	return out, nil
}

// xdotSizes returns the sizes of the graphs, zero for nil.
func xdotSizes(gs []*xdotGraph) []size {
	out := make([]size, len(gs))
	for i, g := range gs {
		if g != nil {
			out[i] = size{g.width(), g.height()}
		}
	}
	return out
}

// pngResolution returns the dots per inch for a PNG of a page of w × h
// points: pngDPI, lowered for a poster that would exceed maxPixels or
// maxSide.
func pngResolution(w, h float64) float64 {
	dpi := float64(pngDPI)
	if px := (w / 72 * dpi) * (h / 72 * dpi); px > maxPixels {
		dpi *= math.Sqrt(maxPixels / px)
	}
	if side := math.Max(w, h) / 72 * dpi; side > maxSide {
		dpi *= maxSide / side
	}
	return dpi
}

// outlinePDF draws text as outlines of the embedded font's glyphs: canvas
// would embed the font itself, stamped with the time of writing, and the
// same diagram would never give the same PDF twice.
type outlinePDF struct{ *pdf.PDF }

// RenderText draws text as paths.
func (r outlinePDF) RenderText(text *canvas.Text, m canvas.Matrix) {
	text.RenderAsPath(r.PDF, m, canvas.DefaultResolution)
}

var creationDate = regexp.MustCompile(`/CreationDate\s*\(D:[0-9]{14}[^)]*\)`)

// stablePDF sets the PDF's creation date to date (YYYY-MM-DD), or removes
// its time when date is malformed, in place: the replacement is padded
// with spaces to the same length, so that the cross-reference offsets hold.
func stablePDF(b []byte, date string) {
	d := strings.ReplaceAll(date, "-", "")
	if len(d) != 8 {
		d = "19700101"
	}
	loc := creationDate.FindIndex(b)
	if loc == nil {
		return
	}
	repl := "/CreationDate(D:" + d + "000000Z)"
	if len(repl) > loc[1]-loc[0] {
		return
	}
	copy(b[loc[0]:], repl+strings.Repeat(" ", loc[1]-loc[0]-len(repl)))
}
