// Package pptx writes a PowerPoint deck (PresentationML, ECMA-376) from a
// small description of its slides: text boxes, pictures and bar charts
// placed in points on a 16:9 slide.
//
// The package is deliberately small. It writes the minimal package that
// PowerPoint and LibreOffice open: [Content_Types].xml, the package and
// document properties, the presentation, one slide master with one blank
// layout, one theme, the slides, their PNG pictures, and each chart as a
// native chart part whose data is also kept in an embedded workbook, so that
// the reader can restyle a chart or edit its data in PowerPoint. No
// placeholder, animation or note is written.
//
// A Deck is plain data (it encodes as JSON), so that other programs can draw
// the same deck in another form (see package internal/deckpdf). Write gives
// the same bytes for the same Deck.
package pptx

import (
	"bytes"
	"fmt"
	"image/png"
)

// The slide is 16:9, 960 × 540 points (13.333 × 7.5 inches), PowerPoint's
// default widescreen size.
const (
	SlideWidth  = 960.0
	SlideHeight = 540.0
)

// Deck is a presentation.
type Deck struct {
	// Title, Subject and Author are the document properties.
	Title   string `json:"title,omitempty"`
	Subject string `json:"subject,omitempty"`
	Author  string `json:"author,omitempty"`
	// Created is the creation date written in the properties, "YYYY-MM-DD";
	// "" writes none. It is data, not the clock, so that the same deck gives
	// the same bytes.
	Created string `json:"created,omitempty"`
	// Font is the typeface of all text; "" is Arial (Liberation Sans, its
	// metric twin, where Arial is missing).
	Font   string  `json:"font,omitempty"`
	Slides []Slide `json:"slides"`
}

// Slide is one slide: its items drawn in order, the later on top.
type Slide struct {
	Items []Item `json:"items"`
}

// Item is one thing on a slide: exactly one of its fields is set.
type Item struct {
	Text    *Text    `json:"text,omitempty"`
	Picture *Picture `json:"picture,omitempty"`
	Chart   *Chart   `json:"chart,omitempty"`
}

// Rect is a box in points from the slide's top left corner.
type Rect struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// Text is a text box: paragraphs wrapped to the box's width.
type Text struct {
	Box Rect `json:"box"`
	// Fill is the background color, "RRGGBB"; "" is none.
	Fill string `json:"fill,omitempty"`
	// Anchor is where the text sits in the box: "top" (""), "middle" or
	// "bottom".
	Anchor string `json:"anchor,omitempty"`
	// Inset is the margin inside the box, in points, on every side.
	Inset float64 `json:"inset,omitempty"`
	Paras []Para  `json:"paras"`
}

// Para is a paragraph of runs.
type Para struct {
	Runs []Run `json:"runs"`
	// Size is the font size in points of every run that sets none.
	Size float64 `json:"size"`
	// Align is "left" (""), "center" or "right".
	Align string `json:"align,omitempty"`
	// Bullet starts the paragraph with a bullet, hanging Indent points.
	Bullet bool `json:"bullet,omitempty"`
	// Indent is the paragraph's left margin in points.
	Indent float64 `json:"indent,omitempty"`
	// SpaceBefore is the space above the paragraph, in points.
	SpaceBefore float64 `json:"spaceBefore,omitempty"`
}

// Run is text in one style.
type Run struct {
	Text string `json:"text"`
	Bold bool   `json:"bold,omitempty"`
	// Color is "RRGGBB"; "" is the paragraph's default, near black.
	Color string `json:"color,omitempty"`
	// Size overrides the paragraph's size when not 0.
	Size float64 `json:"size,omitempty"`
}

// Picture is a PNG image, scaled to fit its box with its proportions kept
// and centered in it.
type Picture struct {
	Box Rect `json:"box"`
	// PNG is the image.
	PNG []byte `json:"png"`
	// Descr is the alternative text.
	Descr string `json:"descr,omitempty"`
}

// Chart is a bar chart: one bar per category, stacked by series.
type Chart struct {
	Box   Rect   `json:"box"`
	Title string `json:"title,omitempty"`
	// Horizontal draws the bars across, categories down the left side,
	// the first on top; otherwise columns, the first on the left.
	Horizontal bool     `json:"horizontal,omitempty"`
	Categories []string `json:"categories"`
	Series     []Series `json:"series"`
}

// Series is one stacked part of every bar.
type Series struct {
	Name string `json:"name"`
	// Color is "RRGGBB".
	Color string `json:"color"`
	// Values has one value per category.
	Values []float64 `json:"values"`
}

// defaultFont is the typeface of a Deck with no Font.
const defaultFont = "Arial"

// Fit returns the box in which a picture of w × h pixels is drawn in box:
// as large as fits with its proportions kept, centered.
func Fit(box Rect, w, h int) Rect {
	if w <= 0 || h <= 0 || box.W <= 0 || box.H <= 0 {
		return box
	}
	s := box.W / float64(w)
	if t := box.H / float64(h); t < s {
		s = t
	}
	fw, fh := float64(w)*s, float64(h)*s
	return Rect{X: box.X + (box.W-fw)/2, Y: box.Y + (box.H-fh)/2, W: fw, H: fh}
}

// Size returns the picture's size in pixels.
func (p *Picture) Size() (w, h int, err error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(p.PNG))
	if err != nil {
		return 0, 0, fmt.Errorf("picture %q: %w", p.Descr, err)
	}
	return cfg.Width, cfg.Height, nil
}

// Validate reports the first item that cannot be written: an item with not
// exactly one field set, a picture that is not a PNG, a chart whose series
// do not have one value per category.
func (d *Deck) Validate() error {
	for i, s := range d.Slides {
		for j, it := range s.Items {
			n := 0
			for _, set := range []bool{it.Text != nil, it.Picture != nil, it.Chart != nil} {
				if set {
					n++
				}
			}
			if n != 1 {
				return fmt.Errorf("slide %d, item %d: want exactly one of text, picture or chart, have %d", i+1, j+1, n)
			}
			if it.Picture != nil {
				if _, _, err := it.Picture.Size(); err != nil {
					return fmt.Errorf("slide %d, item %d: %w", i+1, j+1, err)
				}
			}
			if c := it.Chart; c != nil {
				for _, sr := range c.Series {
					if len(sr.Values) != len(c.Categories) {
						return fmt.Errorf("slide %d, item %d: chart %q: series %q has %d values for %d categories",
							i+1, j+1, c.Title, sr.Name, len(sr.Values), len(c.Categories))
					}
				}
			}
		}
	}
	return nil
}

// PDFHelperArg is the argument that makes the netreview-graphviz helper
// draw a deck as PDF (package internal/deckpdf): the Deck as JSON on its
// standard input, the PDF on its standard output. netreview draws no PDF
// itself, so that it links no drawing code.
const PDFHelperArg = "-deck-pdf"
