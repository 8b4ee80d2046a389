package main

import (
	"context"
	"io"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/records"
	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/report/deck"
	"github.com/netreview/netreview/report/pptx"
)

// deckReport writes the committee's deck as PowerPoint, or with asPDF as
// PDF, drawn by netreview-graphviz. Each application's diagram is its
// agency's part of the model, laid out by netreview-graphviz as for the
// HTML report, with the findings numbered as in every report.
func deckReport(ctx context.Context, progress func(string), asPDF bool) func(io.Writer, *analysis.Result) error {
	return func(w io.Writer, res *analysis.Result) (err error) {
		r := render.New(render.NewHelper())
		defer func() {
			if cerr := r.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}()
		d, err := deck.Build(res, deck.Options{Diagram: func(dw io.Writer, app deck.Application) error {
			// A slide's diagram: slide-sized, with the title block and the
			// finding numbers but no findings table (the slide lists them).
			opts := render.Options{View: render.ViewPhysical, Page: render.PageSlide, NoTable: true, Progress: progress}
			if app.ORI() != "" {
				opts.Agencies = []string{app.ORI()}
			} else if v, err := render.ViewFor(res); err == nil {
				opts.View = v
			} else {
				return err
			}
			return r.Render(ctx, dw, res, render.PNG, opts)
		}})
		if err != nil {
			return err
		}
		return writeDeck(ctx, w, d, asPDF)
	}
}

// statusDeck writes the committee's status deck from the review record as
// PowerPoint, or with asPDF as PDF.
func statusDeck(ctx context.Context, asPDF bool) func(io.Writer, *records.Committee) error {
	return func(w io.Writer, c *records.Committee) error {
		return writeDeck(ctx, w, deck.BuildStatus(c), asPDF)
	}
}

// writeDeck writes a deck as .pptx, or as PDF drawn by netreview-graphviz.
func writeDeck(ctx context.Context, w io.Writer, d *pptx.Deck, asPDF bool) error {
	if !asPDF {
		return pptx.Write(w, d)
	}
	program, err := render.FindHelper()
	if err != nil {
		return err
	}
	return deck.WritePDF(ctx, w, d, program)
}
