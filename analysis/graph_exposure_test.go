package analysis

import (
	"slices"
	"testing"

	"github.com/netreview/netreview/topology/generate"
)

// TestExposureNearAgreesWithFlow checks that the shortcut exposurePath takes,
// and the searches' lookahead, give exactly the path the two plain augmenting
// searches give, on every exposed link and tunnel of generated statewide
// models (flawed ones included).
func TestExposureNearAgreesWithFlow(t *testing.T) {
	for seed := range int64(4) {
		m := generate.Statewide(generate.Options{Agencies: 150, Seed: seed})
		m.Reindex()
		g := NewGraphs(m)
		f := newFlow(g.cjiG)
		near := 0
		for _, id := range g.ExposedEdges() {
			e := g.cjiEdgeOf(id)
			u, v := g.cjiG.eu[e], g.cjiG.ev[e]
			nv, ne, ok := g.exposureNear(e, u, v)
			if !ok {
				continue
			}
			near++
			fv, fe := g.exposureFlow(f, e, false)
			if !slices.Equal(nv, fv) || !slices.Equal(ne, fe) {
				t.Errorf("seed %d, %s: shortcut gives %v %v, the searches %v %v", seed, id, g.cjiPath(nv, ne), ne, g.cjiPath(fv, fe), fe)
			}
		}
		for _, id := range g.ExposedEdges() {
			e := g.cjiEdgeOf(id)
			lv, le := g.exposureFlow(f, e, true)
			fv, fe := g.exposureFlow(f, e, false)
			if !slices.Equal(lv, fv) || !slices.Equal(le, fe) {
				t.Errorf("seed %d, %s: with lookahead %v, without %v", seed, id, g.cjiPath(lv, le), g.cjiPath(fv, fe))
			}
		}
		if near == 0 {
			t.Errorf("seed %d: the shortcut never applied", seed)
		}
	}
}

// TestExposedByIDAgrees checks ExposedEdges, which merges the CJI graph's
// runs of link and tunnel edges, against its definition: every edge's id
// for which Exposed holds, sorted. Some models give tunnels the ids of
// links (which validation allows: ids are unique per kind).
func TestExposedByIDAgrees(t *testing.T) {
	for seed := range int64(4) {
		m := generate.Statewide(generate.Options{Agencies: 150, Seed: seed})
		if seed >= 2 {
			for i, tn := range m.Tunnels {
				if i%3 == 0 {
					tn.ID = m.Links[(i*7+int(seed))%len(m.Links)].ID
				}
			}
		}
		m.Reindex()
		g := NewGraphs(m)
		var want []string
		for e := range g.cjiRefs {
			if id := g.edgeID(int32(e)); g.Exposed(id) {
				want = append(want, id)
			}
		}
		slices.Sort(want)
		got := g.ExposedEdges()
		if !slices.Equal(got, want) {
			t.Errorf("seed %d: ExposedEdges has %d ids, want %d", seed, len(got), len(want))
		}
		for _, x := range g.exposedByID() {
			if e := g.cjiEdgeOf(x.id); e != x.e {
				t.Errorf("seed %d: %s has edge %d, cjiEdgeOf gives %d", seed, x.id, x.e, e)
			}
		}
	}
}
