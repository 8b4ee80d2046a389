package draw

import (
	"bytes"
	"testing"

	"github.com/netreview/netreview/render"
)

// FuzzDraw draws arbitrary layouts: Draw returns an error or a drawing,
// never panics, whatever the JSON or SVG holds.
func FuzzDraw(f *testing.F) {
	f.Add([]byte(`{"bb":"0,0,10,10"}`), []byte(`{"bb":"0,0,100,100","objects":[{"_draw_":[{"op":"S","style":"dashed"},{"op":"b","points":[[0,0],[10,10],[20,20],[30,5]]},{"op":"F","size":10,"face":"x"},{"op":"t","fontchar":3},{"op":"T","pt":[5,5],"align":"l","width":20,"text":"F1"}]}]}`), false)
	f.Add([]byte(`<svg viewBox="0 0 10 10"><text>x</text></svg>`), []byte(`<svg width="1pt" viewBox="0 0 100 50"><g font-weight="bold"/></svg>`), true)
	f.Fuzz(func(t *testing.T, heading, diagram []byte, svg bool) {
		format := render.PDF
		if svg {
			format = render.SVG
		}
		_ = Draw(&bytes.Buffer{}, format, render.PageSlide, false, "2026-11-22", Layouts{Heading: heading, Diagram: diagram})
	})
}
