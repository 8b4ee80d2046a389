package main

import (
	"bytes"
	"context"
	"io"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/report/deck"
	"github.com/netreview/netreview/report/pptx"
)

// deckReport writes the committee's deck as PowerPoint, or with asPDF as
// PDF, drawn by netreview-graphviz. The diagram is laid out by netreview-graphviz as for the HTML
// report, once: every application's slide shows the model in the view
// that fits it, with the findings numbered as in every report.
func deckReport(ctx context.Context, progress func(string), asPDF bool) func(io.Writer, *analysis.Result) error {
	return func(w io.Writer, res *analysis.Result) (err error) {
		r := render.New(render.NewHelper())
		defer func() {
			if cerr := r.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}()
		var diagram []byte
		d, err := deck.Build(res, deck.Options{Diagram: func(dw io.Writer, _ deck.Application) error {
			if diagram == nil {
				var b bytes.Buffer
				if err := r.Render(ctx, &b, res, render.PNG, render.Options{View: render.ViewFor(res.Model), Progress: progress}); err != nil {
					return err
				}
				diagram = b.Bytes()
			}
			_, err := dw.Write(diagram)
			return err
		}})
		if err != nil {
			return err
		}
		if asPDF {
			program, err := render.FindHelper()
			if err != nil {
				return err
			}
			return deck.WritePDF(ctx, w, d, program)
		}
		return pptx.Write(w, d)
	}
}
