package report

import (
	"fmt"
	"io"

	"github.com/netreview/netreview/analysis"
)

// TextOptions controls the text form.
type TextOptions struct {
	// Color turns on ANSI colours; callers set it only for a terminal when
	// NO_COLOR is not set.
	Color bool
}

// Text writes res for a terminal. (Placeholder until the text form lands.)
func Text(w io.Writer, res *analysis.Result, opt TextOptions) error {
	for i, f := range res.Findings {
		if _, err := fmt.Fprintf(w, "F%d %s %s %s: %s\n", i+1, f.Severity, f.Rule, f.At, f.Message); err != nil {
			return err
		}
	}
	return nil
}

// Markdown writes res as Markdown. (Placeholder.)
func Markdown(w io.Writer, res *analysis.Result) error { return Text(w, res, TextOptions{}) }
