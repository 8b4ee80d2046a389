// Package deckpdf draws a pptx.Deck as PDF, a page per slide, with
// tdewolff/canvas: the same slides as the PowerPoint file, for readers who
// do not run PowerPoint, with no office suite needed.
//
// Text is set in Liberation Sans, which has Arial's metrics, and wraps to
// its box as PowerPoint wraps the deck's Arial. Charts are drawn as the PowerPoint chart is: stacked bars, the
// value axis with its gridlines, and a legend of the series.
package deckpdf

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"strconv"
	"time"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"

	"github.com/netreview/netreview/internal/pdfrepeat"
	"github.com/netreview/netreview/report/pptx"
)

// mm converts points to canvas millimeters.
func mm(pt float64) float64 { return pt * 25.4 / 72 }

// textColor is the color of text that sets none.
var textColor = color.RGBA{0x21, 0x25, 0x29, 0xff}

// Draw writes the deck as PDF to w. The same deck gives the same bytes:
// the dates the PDF writer takes from the clock are set to the deck's
// Created date (see internal/pdfrepeat).
func Draw(w io.Writer, d *pptx.Deck) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("deck pdf: %w", err)
	}
	fonts, err := loadFonts()
	if err != nil {
		return fmt.Errorf("deck pdf: fonts: %w", err)
	}
	var buf bytes.Buffer
	width, height := mm(pptx.SlideWidth), mm(pptx.SlideHeight)
	out := pdf.New(&buf, width, height, nil)
	out.SetInfo(d.Title, d.Subject, "", d.Author, "netreview")
	out.SetLang("en-US")
	for i := range d.Slides {
		if i > 0 {
			out.NewPage(width, height)
		}
		c := canvas.New(width, height)
		dr := &drawer{ctx: canvas.NewContext(c), fonts: fonts}
		if err := dr.slide(&d.Slides[i]); err != nil {
			return fmt.Errorf("deck pdf: slide %d: %w", i+1, err)
		}
		c.RenderTo(out)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("deck pdf: %w", err)
	}
	day, err := time.Parse("2006-01-02", d.Created)
	if err != nil {
		day = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	out2, err := pdfrepeat.Fix(buf.Bytes(), day)
	if err != nil {
		return fmt.Errorf("deck pdf: %w", err)
	}
	_, err = w.Write(out2)
	return err
}

// loadFonts loads Liberation Sans (SIL Open Font License 1.1), whose
// glyphs have Arial's widths: the PDF's lines break where the .pptx's do in
// PowerPoint, which sets the deck in Arial.
func loadFonts() (*canvas.FontFamily, error) {
	fam := canvas.NewFontFamily("Liberation Sans")
	if err := fam.LoadFont(liberationsansregular.TTF, 0, canvas.FontRegular); err != nil {
		return nil, err
	}
	if err := fam.LoadFont(liberationsansbold.TTF, 0, canvas.FontBold); err != nil {
		return nil, err
	}
	return fam, nil
}

// drawer draws one slide. Boxes are in points from the top left corner, as
// the deck places them; the canvas is in millimeters from the bottom left.
type drawer struct {
	ctx   *canvas.Context
	fonts *canvas.FontFamily
}

// x and y convert a point of the slide to the canvas.
func (d *drawer) x(pt float64) float64 { return mm(pt) }
func (d *drawer) y(pt float64) float64 { return mm(pptx.SlideHeight - pt) }

func (d *drawer) slide(s *pptx.Slide) error {
	for _, it := range s.Items {
		switch {
		case it.Text != nil:
			d.text(it.Text)
		case it.Picture != nil:
			if err := d.picture(it.Picture); err != nil {
				return err
			}
		case it.Chart != nil:
			d.chart(it.Chart)
		}
	}
	return nil
}

// rgb parses "RRGGBB"; anything else is the default text color.
func rgb(s string) color.RGBA {
	v, err := strconv.ParseUint(s, 16, 32)
	if len(s) != 6 || err != nil {
		return textColor
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// rect fills (and with a stroke width, outlines) a box given in points.
func (d *drawer) rect(r pptx.Rect, fill color.Color, stroke color.Color, strokeWidth float64) {
	d.ctx.SetFillColor(fill)
	d.ctx.SetStrokeColor(stroke)
	d.ctx.SetStrokeWidth(strokeWidth)
	d.ctx.DrawPath(d.x(r.X), d.y(r.Y+r.H), canvas.Rectangle(mm(r.W), mm(r.H)))
}

func (d *drawer) face(size float64, bold bool, col string) *canvas.FontFace {
	style := canvas.FontRegular
	if bold {
		style = canvas.FontBold
	}
	c := textColor
	if col != "" {
		c = rgb(col)
	}
	return d.fonts.Face(size, c, style, canvas.FontNormal)
}

var halign = map[string]canvas.TextAlign{"": canvas.Left, "left": canvas.Left, "center": canvas.Center, "right": canvas.Right}

// paragraph lays out one paragraph to a width in points.
func (d *drawer) paragraph(p *pptx.Para, width float64) *canvas.Text {
	rt := canvas.NewRichText(d.face(p.Size, false, ""))
	for _, r := range p.Runs {
		size := p.Size
		if r.Size > 0 {
			size = r.Size
		}
		rt.WriteFace(d.face(size, r.Bold, r.Color), r.Text)
	}
	return rt.ToText(mm(width), 0, halign[p.Align], canvas.Top, nil)
}

// lineHeight is the height of an empty paragraph of a size, in points.
func lineHeight(size float64) float64 { return size * 1.2 }

func (d *drawer) text(t *pptx.Text) {
	if t.Fill != "" {
		d.rect(t.Box, rgb(t.Fill), canvas.Transparent, 0)
	}
	inner := t.Box.W - 2*t.Inset
	type laid struct {
		text   *canvas.Text
		p      *pptx.Para
		top, h float64 // in points, from the top of the text
	}
	var ls []laid
	y := 0.0
	for i := range t.Paras {
		p := &t.Paras[i]
		y += p.SpaceBefore
		ct := d.paragraph(p, inner-p.Indent)
		h := lineHeight(p.Size)
		if !ct.Empty() {
			h = ct.Height * 72 / 25.4
		}
		ls = append(ls, laid{ct, p, y, h})
		y += h
	}
	top := t.Box.Y + t.Inset
	switch t.Anchor {
	case "middle":
		top = t.Box.Y + (t.Box.H-y)/2
	case "bottom":
		top = t.Box.Y + t.Box.H - t.Inset - y
	}
	left := t.Box.X + t.Inset
	for _, l := range ls {
		if l.text.Empty() {
			continue
		}
		if l.p.Bullet {
			b := canvas.NewTextLine(d.face(l.p.Size, false, ""), "•", canvas.Left)
			d.ctx.DrawText(d.x(left), d.y(top+l.top+l.p.Size*0.95), b)
		}
		d.ctx.DrawText(d.x(left+l.p.Indent), d.y(top+l.top), l.text)
	}
}

func (d *drawer) picture(p *pptx.Picture) error {
	img, err := png.Decode(bytes.NewReader(p.PNG))
	if err != nil {
		return fmt.Errorf("picture %q: %w", p.Descr, err)
	}
	b := img.Bounds()
	r := pptx.Fit(p.Box, b.Dx(), b.Dy())
	d.ctx.DrawImage(d.x(r.X), d.y(r.Y+r.H), img, canvas.DPMM(float64(b.Dx())/mm(r.W)))
	return nil
}
