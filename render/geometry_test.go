package render_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/netreview/netreview/internal/layout"
	"github.com/netreview/netreview/render"
)

// xdot is the part of Graphviz's JSON output that the geometry tests read.
type xdot struct {
	Objects []struct {
		ID    int    `json:"_gvid"`
		Name  string `json:"name"`
		BB    string `json:"bb"`
		Nodes []int  `json:"nodes"`
	} `json:"objects"`
	Edges []struct {
		Tail    int    `json:"tail"`
		Head    int    `json:"head"`
		Tooltip string `json:"tooltip"`
		Draw    []struct {
			Op     string       `json:"op"`
			Points [][2]float64 `json:"points"`
		} `json:"_draw_"`
	} `json:"edges"`
}

// crossing is an edge drawn through a cluster that holds neither of its
// ends.
type crossing struct {
	edge, cluster string
}

// clusterCrossings lays out the diagram's DOT and returns the edges whose
// splines pass through the bounding box of a cluster that contains neither
// end.
func clusterCrossings(t *testing.T, l *layout.Layouter, dot string) []crossing {
	t.Helper()
	out, err := l.Layout(context.Background(), []byte(dot), "dot", "json")
	if err != nil {
		t.Fatal(err)
	}
	var g xdot
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatal(err)
	}
	type box struct {
		name           string
		x0, y0, x1, y1 float64
		nodes          map[int]bool
	}
	var boxes []box
	names := map[int]string{}
	for _, o := range g.Objects {
		names[o.ID] = o.Name
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
		b := box{name: strings.TrimPrefix(o.Name, "cluster_"), x0: v[0], y0: v[1], x1: v[2], y1: v[3], nodes: map[int]bool{}}
		for _, n := range o.Nodes {
			b.nodes[n] = true
		}
		boxes = append(boxes, b)
	}
	// A spline may graze a border: only a point a little inside counts.
	const inset = 2
	var found []crossing
	for _, e := range g.Edges {
		var pts [][2]float64
		for _, op := range e.Draw {
			if op.Op == "b" || op.Op == "B" {
				pts = append(pts, bezierPoints(op.Points)...)
			}
		}
		for _, b := range boxes {
			if b.nodes[e.Tail] || b.nodes[e.Head] {
				continue
			}
			for _, p := range pts {
				if p[0] > b.x0+inset && p[0] < b.x1-inset && p[1] > b.y0+inset && p[1] < b.y1-inset {
					found = append(found, crossing{fmt.Sprintf("%s -- %s (%s)", names[e.Tail], names[e.Head], e.Tooltip), b.name})
					break
				}
			}
		}
	}
	return found
}

// bezierPoints samples a piecewise cubic Bézier curve (Graphviz's
// splines: a start point, then three points per piece).
func bezierPoints(ctrl [][2]float64) [][2]float64 {
	var out [][2]float64
	for i := 0; i+3 < len(ctrl); i += 3 {
		p0, p1, p2, p3 := ctrl[i], ctrl[i+1], ctrl[i+2], ctrl[i+3]
		for k := 0; k <= 16; k++ {
			s := float64(k) / 16
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

// TestNoEdgeCrossesAnUnrelatedSite lays out every view of every sample
// (the backbone, each agency with the backbone, and all of them together)
// and fails when a link or a tunnel is drawn through a site that holds
// neither of its ends.
func TestNoEdgeCrossesAnUnrelatedSite(t *testing.T) {
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
	l := layout.New()
	defer l.Close()
	r := render.New(nil)
	for _, in := range inputs {
		res := review(t, in...)
		for _, v := range render.Views() {
			job, err := render.JobForTest(r, res, render.SVG, render.Options{View: v})
			if err != nil {
				t.Fatal(err)
			}
			if job.Diagram.Engine != "dot" {
				continue
			}
			for _, c := range clusterCrossings(t, l, job.Diagram.DOT) {
				t.Errorf("%s, %s view: %s crosses %s", strings.Join(in, " "), v, c.edge, c.cluster)
			}
		}
	}
}
