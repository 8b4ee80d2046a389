package main

import (
	"context"
	"io"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/report/deck"
	"github.com/netreview/netreview/report/pptx"
	"github.com/netreview/netreview/report/pptx/pdf"
)

// deckReport writes the committee's deck as PowerPoint, each
// application's diagram laid out by netreview-graphviz as for the HTML
// report.
func deckReport(ctx context.Context, progress func(string), asPDF bool) func(io.Writer, *analysis.Result) error {
	return func(w io.Writer, res *analysis.Result) (err error) {
		r := render.New(render.NewHelper())
		defer func() {
			if cerr := r.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}()
		d, err := deck.Build(res, deck.Options{Diagram: func(dw io.Writer, app deck.Application) error {
			return r.Render(ctx, dw, res, render.PNG, render.Options{View: render.ViewFor(res.Model), Progress: progress})
		}})
		if err != nil {
			return err
		}
		if asPDF {
			return pdf.Draw(w, d)
		}
		return pptx.Write(w, d)
	}
}
