package draw

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"math"
	"path/filepath"
	"testing"
	"time"

	gv "github.com/goccy/go-graphviz"
	"github.com/tdewolff/canvas"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/topology/load"
)

// The tests lay out with go-graphviz directly: package internal/layout, which
// does so for the helper, imports this package.

// layout lays out DOT with engine, as JSON or SVG.
func layout(t *testing.T, g *gv.Graphviz, dot, engine, format string) []byte {
	t.Helper()
	graph, err := gv.ParseBytes([]byte(dot))
	if err != nil {
		t.Fatal(err)
	}
	defer graph.Close()
	g.SetLayout(gv.Layout(engine))
	var out bytes.Buffer
	if err := g.Render(context.Background(), graph, gv.Format(format), &out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// graphviz starts Graphviz for a test that lays out the samples, skipped
// in short mode; the test's end closes it.
func graphviz(t *testing.T) *gv.Graphviz {
	t.Helper()
	if testing.Short() {
		t.Skip("lays out the samples")
	}
	g, err := gv.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g
}

// sample reviews sample files together as of the samples' date.
func sample(t *testing.T, names ...string) *analysis.Result {
	t.Helper()
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join("..", "..", "samples", n))
	}
	m, _, err := load.Files(paths)
	if err != nil {
		t.Fatal(err)
	}
	pack, err := analysis.BuiltinPack("cjis-6.0")
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{Pack: pack, Date: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestTextFitsItsBox measures every text of the samples' diagrams, in
// every view, with the embedded font, against the width Graphviz gave it
// when it sized the node, cluster, edge label or table cell around it:
// no text may be wider than its box, and nearly all are exactly as wide.
// (The Go fonts that netreview drew with before are up to 8% wider.)
func TestTextFitsItsBox(t *testing.T) {
	g := graphviz(t)
	fonts, err := loadFamily()
	if err != nil {
		t.Fatal(err)
	}
	res := sample(t, "backbone.yaml", "riverbend-pd.yaml", "cedar-county-so.yaml", "bayview-pd-fleet.yaml", "tri-county-dispatch.yaml")
	checked, same := 0, 0
	for _, view := range render.Views() {
		job := jobFor(t, res, view)
		for _, gr := range []render.Graph{job.Heading, job.Diagram} {
			lg, err := parseLayout(layout(t, g, gr.DOT, gr.Engine, "json"))
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range append(append([]xdotObj{lg.xdotObj}, lg.Objects...), lg.Edges...) {
				for _, ops := range [][]xdotOp{o.Draw, o.LDraw, o.HLDraw, o.TLDraw} {
					size, char := 14.0, 0
					for _, op := range ops {
						switch op.Op {
						case "F":
							size = op.Size
						case "t":
							char = op.FontChar
						case "T":
							style := canvas.FontRegular
							if char&1 != 0 {
								style = canvas.FontBold
							}
							if char&2 != 0 {
								style |= canvas.FontItalic
							}
							got := fonts.Face(size, canvas.Black, style).TextWidth(op.Text) / ptToMM
							if got > op.Width*1.002+0.01 {
								t.Errorf("%s view: %q in %g pt is %.2f pt wide in %s; Graphviz made room for %.2f", view, op.Text, size, got, FontName, op.Width)
							}
							// Narrower only by kerning (Graphviz does not
							// kern) or a symbol in the key.
							if math.Abs(got-op.Width) <= 0.002*op.Width+0.01 {
								same++
							}
							checked++
						}
					}
				}
			}
		}
	}
	if checked < 500 || same < checked*90/100 {
		t.Errorf("%d texts measured, %d as wide as Graphviz measured them", checked, same)
	}
}

// TestLongDashedEdge draws the edge that crashed a statewide sites view
// (`generate --agencies 200 --split`, then `render --view sites ... -o
// s.png`): a dashed radio link 11 meters long on a 69,170-point poster,
// which canvas's own dashing turned into NaN coordinates and a panic
// ("path has NaN or Inf").
func TestLongDashedEdge(t *testing.T) {
	if testing.Short() {
		t.Skip("draws a 69,170 pt poster; TestDashLongCurve checks the cause")
	}
	diagram := `{"bb":"0,0,69170,42577","_subgraph_cnt":0,"objects":[],"edges":[{"_draw_":[` +
		`{"op":"S","style":"dashed"},{"op":"c","grad":"none","color":"#343a40"},{"op":"b","points":[[107.92,14373.02],[1508.99,14746.77],[29650.21,22253.7],[30934.24,22596.22]]}]}]}`
	heading := `{"bb":"0,0,200,40","objects":[{"_ldraw_":[{"op":"F","size":14,"face":"Liberation Sans"},` +
		`{"op":"T","pt":[100,20],"align":"c","width":165,"text":"FOR OFFICIAL USE ONLY"}]}]}`
	for _, page := range []render.Page{render.PagePoster, render.PageSlide} {
		var out bytes.Buffer
		if err := Draw(&out, render.PNG, page, false, "2026-11-22", Layouts{Heading: []byte(heading), Diagram: []byte(diagram)}); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		if _, err := png.Decode(&out); err != nil {
			t.Errorf("%s: %v", page, err)
		}
	}
}

// TestDashLongCurve strokes the dashes of that edge as the old PNG drawing
// did, at the resolution of that poster (8.4 dpi): canvas's Dash of the
// curve itself gives NaN there, dash's does not.
func TestDashLongCurve(t *testing.T) {
	pts := [][2]float64{{107.92, 14373.02}, {1508.99, 14746.77}, {29650.21, 22253.7}, {30934.24, 22596.22}}
	p := &canvas.Path{}
	p.MoveTo(pts[0][0]*ptToMM, pts[0][1]*ptToMM)
	p.CubeTo(pts[1][0]*ptToMM, pts[1][1]*ptToMM, pts[2][0]*ptToMM, pts[2][1]*ptToMM, pts[3][0]*ptToMM, pts[3][1]*ptToMM)
	tolerance := canvas.PixelTolerance / canvas.DPI(8.391).DPMM()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("stroking the dashes: %v", r)
		}
	}()
	// The dashes the old drawing asked canvas for: 5 and 2 points, which
	// canvas scales by the stroke width (1 pt).
	_, dashes := canvas.ScaleDash(ptToMM, 0, []float64{5 * ptToMM, 2 * ptToMM})
	s := dash(p, dashes).Stroke(ptToMM, canvas.ButtCap, canvas.MiterJoin, tolerance)
	if s.Empty() {
		t.Error("no dashes")
	}
}

// TestOddGeometry: NaN and infinite numbers, empty ellipses and a
// zero-size font are skipped, never drawn; a bounding box that is not a
// number is an error.
func TestOddGeometry(t *testing.T) {
	heading := `{"bb":"0,0,10,10"}`
	diagram := `{"bb":"0,0,100,100","objects":[{"_draw_":[` +
		`{"op":"e","rect":[50,50,0,0]},{"op":"b","points":[[0,0],[1e308,1e308],[1e308,-1e308],[5,5]]},` +
		`{"op":"F","size":0,"face":"x"},{"op":"T","pt":[1,1],"width":0,"text":"x"},` +
		`{"op":"S","style":"setlinewidth(1e300)"},{"op":"L","points":[[0,0],[100,100]]}]}]}`
	for _, f := range []render.Format{render.PNG, render.PDF} {
		if err := Draw(&bytes.Buffer{}, f, render.PageLetter, false, "2026-11-22", Layouts{Heading: []byte(heading), Diagram: []byte(diagram)}); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	bad := `{"bb":"0,0,NaN,100"}`
	if err := Draw(&bytes.Buffer{}, render.PNG, render.PagePoster, false, "2026-11-22", Layouts{Heading: []byte(heading), Diagram: []byte(bad)}); err == nil {
		t.Error("a NaN bounding box drew")
	}
}

func TestPlace(t *testing.T) {
	tests := []struct {
		page           render.Page
		hw, hh, dw, dh float64
		want           placement
	}{
		// A poster is as large as its parts.
		{render.PagePoster, 300, 100, 500, 400, placement{536, 546, box{18, 18, 1}, box{18, 128, 1}}},
		// A slide: the heading fits, the diagram shrinks to the height left.
		{render.PageSlide, 400, 100, 2000, 1000, placement{960, 540, box{18, 18, 1}, box{86, 128, 0.394}}},
		// A small diagram is enlarged twice at most, and centered.
		{render.PageLetter, 200, 50, 100, 100, placement{612, 792, box{36, 36, 1}, box{206, 96, 2}}},
		// A heading too tall for a third of the page shrinks.
		{render.PageLetterLandscape, 600, 400, 100, 100, placement{792, 612, box{36, 36, 0.45}, box{296, 226, 2}}},
	}
	// Beside: the heading at the left, within 0.4 of the width; the
	// diagram centered in the rest.
	if got, want := place(render.PageSlide, true, 300, 400, 500, 1000), (placement{960, 540, box{18, 18, 1}, box{328 + (614-252)/2, 18, 0.504}}); !near(got, want) {
		t.Errorf("beside: %+v, want %+v", got, want)
	}
	for _, tt := range tests {
		got := place(tt.page, false, tt.hw, tt.hh, tt.dw, tt.dh)
		if !near(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.page, got, tt.want)
		}
	}
}

// TestChoose picks the forms that draw the diagram largest: a tall
// diagram on a slide gets the heading beside it, a wide one on a Letter
// page stays below its heading, and a near tie keeps the usual forms.
func TestChoose(t *testing.T) {
	heads := []size{{600, 100}, {250, 300}}
	tests := []struct {
		name     string
		page     render.Page
		diagrams []size
		hi, di   int
	}{
		{"tall on a slide", render.PageSlide, []size{{500, 1000}}, 1, 0},
		{"wide on a slide", render.PageSlide, []size{{2000, 600}}, 0, 0},
		{"wide, turned tall, on a Letter page", render.PageLetter, []size{{2000, 300}, {400, 900}}, 1, 1},
		{"a near tie", render.PageLetter, []size{{1000, 500}, {1020, 510}}, 0, 0},
		{"a poster", render.PagePoster, []size{{500, 1000}, {1000, 500}}, 0, 0},
		{"no other forms", render.PageSlide, []size{{500, 1000}, {}}, 1, 0},
	}
	for _, tt := range tests {
		hs := heads
		if tt.name == "no other forms" {
			hs = []size{heads[0], {}}
			tt.hi = 0
		}
		hi, di, pl := choose(tt.page, hs, tt.diagrams)
		if hi != tt.hi || di != tt.di {
			t.Errorf("%s: heading %d, diagram %d, want %d, %d", tt.name, hi, di, tt.hi, tt.di)
		}
		if want := place(tt.page, hi == 1, hs[hi].w, hs[hi].h, tt.diagrams[di].w, tt.diagrams[di].h); !near(pl, want) {
			t.Errorf("%s: placed %+v, want %+v", tt.name, pl, want)
		}
	}
}

func near(a, b placement) bool {
	x := []float64{a.width, a.height, a.heading.left, a.heading.top, a.heading.scale, a.diagram.left, a.diagram.top, a.diagram.scale}
	y := []float64{b.width, b.height, b.heading.left, b.heading.top, b.heading.scale, b.diagram.left, b.diagram.top, b.diagram.scale}
	for i := range x {
		if math.Abs(x[i]-y[i]) > 0.01 {
			return false
		}
	}
	return true
}

// recorder is a Drawer that keeps the job render hands it and draws nothing.
type recorder struct{ job *render.Job }

func (r *recorder) Draw(_ context.Context, job *render.Job) ([]byte, error) {
	r.job = job
	return nil, nil
}

// jobFor returns the job render hands its Drawer to draw res in view.
func jobFor(t *testing.T, res *analysis.Result, view render.View) *render.Job {
	t.Helper()
	var rec recorder
	if err := render.New(&rec).Render(context.Background(), io.Discard, res, render.PNG, render.Options{View: view}); err != nil {
		t.Fatal(err)
	}
	return rec.job
}

// TestPhysicalViewFillsThePage lays out the physical view of each agency
// sample (with the backbone), as the deck's slides and the letters draw
// it, in every form a slide and a Letter page are offered, and fails when
// the forms chosen leave more than a third of the area the heading leaves
// the diagram empty (Tri-County's slide, turned, wide and short under its
// heading, left the lower third of the slide empty: it filled 55%),
// unless the diagram is already drawn as large as it may be (twice its
// size).
func TestPhysicalViewFillsThePage(t *testing.T) {
	g := graphviz(t)
	for _, agency := range []string{"riverbend-pd.yaml", "cedar-county-so.yaml", "bayview-pd-fleet.yaml", "tri-county-dispatch.yaml"} {
		res := sample(t, "backbone.yaml", agency)
		for _, page := range []render.Page{render.PageSlide, render.PageLetter} {
			var rec recorder
			opts := render.Options{Page: page, NoTable: page == render.PageSlide}
			if err := render.New(&rec).Render(context.Background(), io.Discard, res, render.PNG, opts); err != nil {
				t.Fatal(err)
			}
			var sizes [4]size
			for i, gr := range []render.Graph{rec.job.Heading, rec.job.Side, rec.job.Diagram, rec.job.Turned} {
				if gr.DOT == "" {
					continue
				}
				lg, err := parseLayout(layout(t, g, gr.DOT, gr.Engine, "json"))
				if err != nil {
					t.Fatal(err)
				}
				sizes[i] = size{lg.width(), lg.height()}
			}
			hi, di, pl := choose(page, sizes[:2], sizes[2:])
			w, h, m := page.Size()
			// The area the heading leaves, above or beside it.
			free := (w - 2*m) * (h - 2*m - sizes[0].h*pl.heading.scale - gap)
			if hi == 1 {
				free = (w - 2*m - sizes[1].w*pl.heading.scale - gap) * (h - 2*m)
			}
			d := sizes[2+di]
			if fill := d.w * d.h * pl.diagram.scale * pl.diagram.scale / free; fill < 2.0/3 && pl.diagram.scale < maxUpscale {
				t.Errorf("%s on a %s: the diagram (heading beside %v, turned %v) fills %.0f%% of the page's free area", agency, page, hi == 1, di == 1, fill*100)
			}
		}
	}
}
