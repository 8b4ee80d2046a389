package render_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/netreview/netreview/internal/layout"
	"github.com/netreview/netreview/render"
)

// xdot is the part of Graphviz's JSON output that the geometry tests read.
type xdot struct {
	Objects []struct {
		ID    int      `json:"_gvid"`
		Name  string   `json:"name"`
		BB    string   `json:"bb"`
		Nodes []int    `json:"nodes"`
		LDraw []xdotOp `json:"_ldraw_"`
		// A node's center in points, and its size in inches.
		Pos           string `json:"pos"`
		Width, Height string
	} `json:"objects"`
	Edges []struct {
		Tail    int      `json:"tail"`
		Head    int      `json:"head"`
		Tooltip string   `json:"tooltip"`
		Style   string   `json:"style"`
		Draw    []xdotOp `json:"_draw_"`
		LDraw   []xdotOp `json:"_ldraw_"`
		XLDraw  []xdotOp `json:"_xldraw_"`
	} `json:"edges"`
}

// xdotOp is one drawing operation: a spline's points ("b", "B"), a font
// ("F") or a line of text ("T").
type xdotOp struct {
	Op     string       `json:"op"`
	Points [][2]float64 `json:"points"`
	Size   float64      `json:"size"`
	Pt     [2]float64   `json:"pt"`
	Align  string       `json:"align"`
	Width  float64      `json:"width"`
	Text   string       `json:"text"`
}

// crossing is an edge drawn through a cluster that holds neither of its
// ends.
type crossing struct {
	edge, cluster string
}

// layoutJSON lays out dot with the dot engine and decodes Graphviz's JSON.
func layoutJSON(t *testing.T, l *layout.Layouter, dot string) xdot {
	t.Helper()
	layouts.Lock()
	out, ok := layouts.of[dot]
	layouts.Unlock()
	if !ok {
		var err error
		out, err = l.Layout(context.Background(), []byte(dot), "dot", "json")
		if err != nil {
			t.Fatal(err)
		}
		layouts.Lock()
		layouts.of[dot] = out
		layouts.Unlock()
	}
	var g xdot
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// layouts keeps the layouts of the package's tests by their DOT: dot lays
// the same text out the same way, and the geometry tests lay out the same
// views of the samples, each checking something else.
var layouts = struct {
	sync.Mutex
	of map[string][]byte
}{of: map[string][]byte{}}

// clusterCrossings lays out the diagram's DOT and returns the edges whose
// splines pass through the bounding box of a cluster that contains neither
// end.
func clusterCrossings(t *testing.T, l *layout.Layouter, dot string) []crossing {
	t.Helper()
	g := layoutJSON(t, l, dot)
	var err error
	var boxes []area
	for _, o := range g.Objects {
		if !strings.HasPrefix(o.Name, "cluster_") || o.BB == "" {
			continue
		}
		var v [4]float64
		for i, f := range strings.Split(o.BB, ",") {
			v[i], err = strconv.ParseFloat(f, 64)
			if err != nil || i > 3 {
				t.Fatalf("cluster %s: bb %q", o.Name, o.BB)
			}
		}
		b := area{name: strings.TrimPrefix(o.Name, "cluster_"), x0: v[0], y0: v[1], x1: v[2], y1: v[3], holds: map[int]bool{}}
		for _, n := range o.Nodes {
			b.holds[n] = true
		}
		boxes = append(boxes, b)
	}
	// A spline may graze a border: only a point a little inside counts.
	return edgesThrough(g, boxes, 2)
}

// area is a box of a layout that an edge should not pass through (a
// cluster, a node, a line of text), in points, and the nodes it holds,
// whose edges may.
type area struct {
	name           string
	x0, y0, x1, y1 float64
	holds          map[int]bool
}

// inside reports whether the point p lies inside a by more than inset
// points.
func (a area) inside(p [2]float64, inset float64) bool {
	return p[0] > a.x0+inset && p[0] < a.x1-inset && p[1] > a.y0+inset && p[1] < a.y1-inset
}

// overlaps reports whether a and o overlap by more than slack points
// (lines that merely touch do not count).
func (a area) overlaps(o area, slack float64) bool {
	return a.x0+slack < o.x1 && o.x0+slack < a.x1 && a.y0+slack < o.y1 && o.y0+slack < a.y1
}

// textBoxes returns the box of each line of text that the drawing
// operations write, named by the text: from its baseline, a quarter of
// the font size below to three quarters above.
func textBoxes(ops []xdotOp) []area {
	var out []area
	size := 0.0
	for _, op := range ops {
		switch op.Op {
		case "F":
			size = op.Size
		case "T":
			x0 := op.Pt[0] - op.Width/2
			switch op.Align {
			case "l":
				x0 = op.Pt[0]
			case "r":
				x0 = op.Pt[0] - op.Width
			}
			out = append(out, area{name: op.Text, x0: x0, y0: op.Pt[1] - size/4, x1: x0 + op.Width, y1: op.Pt[1] + size*3/4})
		}
	}
	return out
}

// edgesThrough returns the drawn edges of g whose splines pass through an
// area that holds neither of their ends, inset points inside its border
// (a negative inset reaches outside it).
func edgesThrough(g xdot, areas []area, inset float64) []crossing {
	names := map[int]string{}
	for _, o := range g.Objects {
		names[o.ID] = o.Name
	}
	var found []crossing
	for _, e := range g.Edges {
		if e.Style == "invis" {
			continue
		}
		pts := splinePoints(e.Draw)
		for _, b := range areas {
			if b.holds[e.Tail] || b.holds[e.Head] {
				continue
			}
			for _, p := range pts {
				if b.inside(p, inset) {
					found = append(found, crossing{fmt.Sprintf("%s -- %s (%s)", names[e.Tail], names[e.Head], e.Tooltip), b.name})
					break
				}
			}
		}
	}
	return found
}

// bezierPoints samples a piecewise cubic Bézier curve (Graphviz's
// splines: a start point, then three points per piece) at most a point
// apart, so that no line of text it passes is missed.
func bezierPoints(ctrl [][2]float64) [][2]float64 {
	var out [][2]float64
	for i := 0; i+3 < len(ctrl); i += 3 {
		p0, p1, p2, p3 := ctrl[i], ctrl[i+1], ctrl[i+2], ctrl[i+3]
		// The control polygon is at least as long as the curve.
		long := math.Hypot(p1[0]-p0[0], p1[1]-p0[1]) + math.Hypot(p2[0]-p1[0], p2[1]-p1[1]) + math.Hypot(p3[0]-p2[0], p3[1]-p2[1])
		steps := max(16, int(math.Ceil(long)))
		for k := 0; k <= steps; k++ {
			s := float64(k) / float64(steps)
			u := 1 - s
			var p [2]float64
			for d := range 2 {
				p[d] = u*u*u*p0[d] + 3*u*u*s*p1[d] + 3*u*s*s*p2[d] + s*s*s*p3[d]
			}
			out = append(out, p)
		}
	}
	return out
}

// splinePoints returns the points of an edge's drawn splines.
func splinePoints(ops []xdotOp) [][2]float64 {
	var pts [][2]float64
	for _, op := range ops {
		if op.Op == "b" || op.Op == "B" {
			pts = append(pts, bezierPoints(op.Points)...)
		}
	}
	return pts
}

// forEachDotView calls f with the DOT of every view that dot lays out of
// every sample (the backbone, each agency with the backbone, and all of
// them together), as drawn on a page and turned (under -short, turned for
// all of them together only).
func forEachDotView(t *testing.T, f func(name, dot string)) {
	t.Helper()
	backbone := "../samples/backbone.yaml"
	agencies, err := filepath.Glob("../samples/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	inputs := [][]string{{backbone}}
	for _, a := range agencies {
		if a != backbone {
			inputs = append(inputs, []string{backbone, a})
		}
	}
	inputs = append(inputs, agencies)
	r := render.New(nil)
	for _, in := range inputs {
		res := review(t, in...)
		for _, v := range render.Views() {
			// On a page the drawer may choose the diagram turned.
			job, err := render.JobForTest(r, res, render.SVG, render.Options{View: v, Page: render.PageSlide})
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s, %s view", strings.Join(in, " "), v)
			if job.Diagram.Engine == "dot" {
				f(name, job.Diagram.DOT)
			}
			// The quick tests check the turned form of all the samples
			// together only, which holds every site of the others.
			if job.Turned.DOT != "" && (!testing.Short() || len(in) == len(agencies)) {
				f(name+" turned", job.Turned.DOT)
			}
		}
	}
}

// TestNoEdgeCrossesAnUnrelatedSite lays out every view of every sample
// and fails when a link or a tunnel is drawn through a site that holds
// neither of its ends.
func TestNoEdgeCrossesAnUnrelatedSite(t *testing.T) {
	t.Parallel()
	l := layout.New()
	defer l.Close()
	forEachDotView(t, func(name, dot string) {
		for _, c := range clusterCrossings(t, l, dot) {
			t.Errorf("%s: %s crosses %s", name, c.edge, c.cluster)
		}
	})
}

// TestEdgeLabelsDoNotOverlap lays out every view of every sample and fails
// when the labels of two edges overlap (as xlabels did where several
// links fan out of one network).
func TestEdgeLabelsDoNotOverlap(t *testing.T) {
	t.Parallel()
	l := layout.New()
	defer l.Close()
	forEachDotView(t, func(name, dot string) {
		g := layoutJSON(t, l, dot)
		type label struct {
			edge string
			area
		}
		var labels []label
		for _, e := range g.Edges {
			for _, a := range textBoxes(append(e.LDraw, e.XLDraw...)) {
				labels = append(labels, label{e.Tooltip, a})
			}
		}
		for i, a := range labels {
			for _, b := range labels[i+1:] {
				if a.edge != b.edge && a.overlaps(b.area, 0.5) {
					t.Errorf("%s: label %q of %s overlaps %q of %s", name, a.name, a.edge, b.name, b.edge)
				}
			}
		}
	})
}

// TestSiteLabelsAreClear lays out every view of every sample and fails
// when an edge, or an edge's label, is drawn over the label of a site
// (dot places a cluster's label without regard to the edges that pass
// it: the Zayo leased line's label lay on the Fresno data center's).
func TestSiteLabelsAreClear(t *testing.T) {
	t.Parallel()
	l := layout.New()
	defer l.Close()
	forEachDotView(t, func(name, dot string) {
		g := layoutJSON(t, l, dot)
		var sites []area
		for _, o := range g.Objects {
			if strings.HasPrefix(o.Name, "cluster_site/") || strings.HasPrefix(o.Name, "label/site/") {
				sites = append(sites, textBoxes(o.LDraw)...)
			}
		}
		for _, e := range g.Edges {
			pts := splinePoints(e.Draw)
			labels := textBoxes(append(e.LDraw, e.XLDraw...))
			for _, s := range sites {
				for _, p := range pts {
					if s.inside(p, 0.5) {
						t.Errorf("%s: %s is drawn across the site label %q", name, e.Tooltip, s.name)
						break
					}
				}
				for _, lb := range labels {
					if lb.overlaps(s, 0.5) {
						t.Errorf("%s: the label %q of %s lies on the site label %q", name, lb.name, e.Tooltip, s.name)
					}
				}
			}
		}
	})
}

// nodeCrossings lays out the diagram's DOT and returns the drawn edges
// whose splines pass through, or within 2 pt of, a node that is neither
// of their ends.
func nodeCrossings(t *testing.T, l *layout.Layouter, dot string) []crossing {
	t.Helper()
	g := layoutJSON(t, l, dot)
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return v
	}
	var boxes []area
	for _, o := range g.Objects {
		if o.Pos == "" || o.Width == "" {
			continue
		}
		x, y, ok := strings.Cut(o.Pos, ",")
		if !ok {
			t.Fatalf("node %s: pos %q", o.Name, o.Pos)
		}
		cx, cy, w, h := num(x), num(y), num(o.Width)*72, num(o.Height)*72
		boxes = append(boxes, area{o.Name, cx - w/2, cy - h/2, cx + w/2, cy + h/2, map[int]bool{o.ID: true}})
	}
	// A spline ends on its nodes' borders; one that comes within 2 pt of
	// another node brushes it.
	return edgesThrough(g, boxes, -2)
}

// TestStatewideRowsCrossNothing lays out the counties and agencies views
// of a generated statewide model, drawn in rows under the hubs, for a
// slide and a Letter page, and fails when an edge passes through or
// brushes a node that is neither of its ends (the bundled edges to the
// hubs ran along the county boxes' tops). The quick tests draw 1,500 agencies (25 counties), the
// full suite 3,700 (61) as well.
func TestStatewideRowsCrossNothing(t *testing.T) {
	t.Parallel()
	sizes := []int{1500}
	if !testing.Short() {
		sizes = append(sizes, 3700)
	}
	l := layout.New()
	defer l.Close()
	r := render.New(nil)
	for _, n := range sizes {
		res := render.ReviewGeneratedForTest(t, n)
		for _, v := range []render.View{render.ViewCounties, render.ViewAgencies} {
			for _, p := range []render.Page{render.PageSlide, render.PageLetter} {
				job, err := render.JobForTest(r, res, render.PDF, render.Options{View: v, Page: p, NoTable: true})
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%d agencies, %s view, %s", n, v, p)
				if job.Diagram.Engine != "dot" || !strings.Contains(job.Diagram.DOT, `"#bus/0/0"`) {
					t.Fatalf("%s: not drawn in rows by dot", name)
				}
				for form, dot := range map[string]string{"": job.Diagram.DOT, " turned": job.Turned.DOT} {
					for _, c := range nodeCrossings(t, l, dot) {
						t.Errorf("%s%s: %s crosses %s", name, form, c.edge, c.cluster)
					}
				}
			}
		}
	}
}
