package deckpdf

import (
	"image/color"
	"math"
	"strconv"

	"github.com/tdewolff/canvas"

	"github.com/netreview/netreview/report/pptx"
)

// Chart text sizes, in points, as the .pptx sets them.
const (
	chartTitleSize = 16
	chartTextSize  = 12
)

var gridColor = rgb("D9D9D9")

// textWidth is the width of a line of text, in points.
func (d *drawer) textWidth(face *canvas.FontFace, s string) float64 {
	return canvas.NewTextLine(face, s, canvas.Left).Bounds().W() * 72 / 25.4
}

// label draws one line of text with its baseline at (x, y) in points.
func (d *drawer) label(face *canvas.FontFace, s string, x, y float64, align canvas.TextAlign) {
	d.ctx.DrawText(d.x(x), d.y(y), canvas.NewTextLine(face, s, align))
}

// line draws a straight line between two points of the slide.
func (d *drawer) line(x0, y0, x1, y1 float64, col color.Color, width float64) {
	p := &canvas.Path{}
	p.MoveTo(d.x(x0), d.y(y0))
	p.LineTo(d.x(x1), d.y(y1))
	d.ctx.SetFillColor(canvas.Transparent)
	d.ctx.SetStrokeColor(col)
	d.ctx.SetStrokeWidth(mm(width))
	d.ctx.DrawPath(0, 0, p)
}

// chart draws a stacked bar chart as PowerPoint lays out the .pptx's:
// title on top, legend at the bottom, categories on one axis and the
// values, with gridlines, on the other.
func (d *drawer) chart(c *pptx.Chart) {
	box := c.Box
	font := d.face(chartTextSize, false, "")
	top, bottom := box.Y+8, box.Y+box.H-8
	if c.Title != "" {
		d.label(d.face(chartTitleSize, true, ""), c.Title, box.X+box.W/2, top+chartTitleSize, canvas.Center)
		top += chartTitleSize * 2
	}
	if len(c.Series) > 0 {
		bottom -= chartTextSize * 2
		d.legend(c, font, box.X+box.W/2, bottom+chartTextSize*1.6)
	}
	n := len(c.Categories)
	if n == 0 {
		return
	}
	maxV, step := c.Top(), c.Step()
	ticks := int(math.Round(maxV / step))
	// The category labels' side, and the value labels' side.
	catW := 0.0
	for _, cat := range c.Categories {
		catW = math.Max(catW, d.textWidth(font, cat))
	}
	if c.Horizontal {
		catW = math.Min(catW, box.W*0.45)
		plot := pptx.Rect{X: box.X + catW + 12, Y: top, W: box.W - catW - 24, H: bottom - top - chartTextSize*1.6}
		for i := 0; i <= ticks; i++ {
			x := plot.X + plot.W*float64(i)/float64(ticks)
			d.line(x, plot.Y, x, plot.Y+plot.H, gridColor, 0.75)
			d.label(font, num(step*float64(i)), x, plot.Y+plot.H+chartTextSize*1.3, canvas.Center)
		}
		band := plot.H / float64(n)
		for i, cat := range c.Categories {
			y := plot.Y + band*float64(i)
			d.label(font, cat, plot.X-6, y+band/2+chartTextSize*0.35, canvas.Right)
			x := plot.X
			for _, s := range c.Series {
				w := plot.W * s.Values[i] / maxV
				if w > 0 {
					d.rect(pptx.Rect{X: x, Y: y + band*0.19, W: w, H: band * 0.62}, rgb(s.Color), canvas.Transparent, 0)
				}
				x += w
			}
		}
		d.line(plot.X, plot.Y, plot.X, plot.Y+plot.H, rgb("868E96"), 0.75)
		return
	}
	valW := d.textWidth(font, num(maxV))
	plot := pptx.Rect{X: box.X + valW + 16, Y: top, W: box.W - valW - 28, H: bottom - top - chartTextSize*1.8}
	for i := 0; i <= ticks; i++ {
		y := plot.Y + plot.H - plot.H*float64(i)/float64(ticks)
		d.line(plot.X, y, plot.X+plot.W, y, gridColor, 0.75)
		d.label(font, num(step*float64(i)), plot.X-6, y+chartTextSize*0.35, canvas.Right)
	}
	band := plot.W / float64(n)
	for i, cat := range c.Categories {
		x := plot.X + band*float64(i)
		d.label(font, cat, x+band/2, plot.Y+plot.H+chartTextSize*1.3, canvas.Center)
		y := plot.Y + plot.H
		for _, s := range c.Series {
			h := plot.H * s.Values[i] / maxV
			if h > 0 {
				d.rect(pptx.Rect{X: x + band*0.19, Y: y - h, W: band * 0.62, H: h}, rgb(s.Color), canvas.Transparent, 0)
			}
			y -= h
		}
	}
	d.line(plot.X, plot.Y+plot.H, plot.X+plot.W, plot.Y+plot.H, rgb("868E96"), 0.75)
}

// legend draws a swatch and the name of each series, centered on x, on the
// baseline y.
func (d *drawer) legend(c *pptx.Chart, font *canvas.FontFace, x, y float64) {
	const swatch, gap = 8.0, 14.0
	total := 0.0
	for i, s := range c.Series {
		if i > 0 {
			total += gap
		}
		total += swatch + 4 + d.textWidth(font, s.Name)
	}
	x -= total / 2
	for _, s := range c.Series {
		d.rect(pptx.Rect{X: x, Y: y - swatch, W: swatch, H: swatch}, rgb(s.Color), canvas.Transparent, 0)
		x += swatch + 4
		d.label(font, s.Name, x, y, canvas.Left)
		x += d.textWidth(font, s.Name) + gap
	}
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
