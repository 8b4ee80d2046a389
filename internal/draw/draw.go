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

// place lays out a page: the heading (hw × hh points) above the diagram
// (dw × dh). On a poster both are drawn at natural size; on a slide or a
// Letter page the heading is shrunk, if need be, to the page's width and
// at most a third of its height, and the diagram scaled to fill what is left
// (enlarged 2 times at most), centered across, below the heading.
func place(page render.Page, hw, hh, dw, dh float64) placement {
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

// Layouts are what Graphviz gave for the heading and the diagram: SVG for
// an SVG drawing, JSON (xdot) for PNG and PDF.
type Layouts struct {
	Heading, Diagram []byte
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
	heading, err := parseLayout(l.Heading)
	if err != nil {
		return fmt.Errorf("%w (the heading)", err)
	}
	diagram, err := parseLayout(l.Diagram)
	if err != nil {
		return err
	}
	fonts, err := loadFamily()
	if err != nil {
		return err
	}
	pl := place(page, heading.width(), heading.height(), diagram.width(), diagram.height())
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
