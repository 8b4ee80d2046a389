package graph

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// walkAdj is walk as it was first written, by a scan of each vertex's whole
// adjacency: the definition walk's search of the touched edges must agree
// with.
func walkAdj(f *flow, v int32) (verts, edges []int32) {
	g := f.g
	verts = []int32{v}
	for !f.sinkUsed[2*v+1] && !f.sinkUsed[2*v] {
		next := int32(-1)
		for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
			w, e := g.adjV[p], g.adjE[p]
			if e != f.skipEdge && w != v && *f.arc(e, v) && !*f.arc(e, w) {
				f.setArc(e, v, false)
				next = w
				edges = append(edges, e)
				break
			}
		}
		if next < 0 || len(verts) > g.n {
			return nil, nil
		}
		v = next
		verts = append(verts, v)
	}
	return verts, edges
}

// randomMultigraph is a connected random graph with parallel edges,
// self-loops and a few vertices joined to many (carrier networks), and
// marks about one vertex in mark.
func randomMultigraph(r *rand.Rand, mark int) (*Graph, []bool) {
	n := 4 + r.IntN(40)
	var eu, ev []int32
	for v := 1; v < n; v++ { // a spanning tree
		eu, ev = append(eu, int32(v)), append(ev, int32(r.IntN(v)))
	}
	for range r.IntN(2 * n) { // chords, parallel edges and self-loops among them
		eu, ev = append(eu, int32(r.IntN(n))), append(ev, int32(r.IntN(n)))
	}
	for range r.IntN(3) { // a hub joined to many
		h := int32(r.IntN(n))
		for w := range int32(n) {
			if r.IntN(3) > 0 {
				eu, ev = append(eu, h), append(ev, w)
			}
		}
	}
	marked := make([]bool, n)
	for v := range marked {
		marked[v] = r.IntN(mark) == 0
	}
	return New(n, eu, ev), marked
}

// TestWalkAgrees checks that walk, which looks for a vertex's next arc
// among the touched edges, follows the paths of the two augmenting searches
// exactly as the scan of the whole adjacency does, and that Near, which
// reads the marked adjacency, gives Search's answer wherever it applies, on
// every edge of random multigraphs (but self-loops, which Through answers
// itself).
func TestWalkAgrees(t *testing.T) {
	found, near := 0, 0
	graphs := 3000
	if testing.Short() {
		graphs = 500
	}
	for i := range graphs {
		r := rand.New(rand.NewPCG(uint64(i), 16))
		g, marked := randomMultigraph(r, 2+i%6)
		p := NewPathFinder(g, marked)
		for e := range int32(g.Edges()) {
			for _, lookahead := range []bool{true, false} {
				f := p.augmented(e, lookahead)
				if f == nil {
					continue
				}
				fwd, bwd, into := slices.Clone(f.fwd), slices.Clone(f.bwd), slices.Clone(f.into)
				u, v := g.Ends(e)
				wu, weu := walkAdj(f, u)
				wv, wev := walkAdj(f, v)
				copy(f.fwd, fwd)
				copy(f.bwd, bwd)
				copy(f.into, into)
				gu, geu := f.walk(u)
				gv, gev := f.walk(v)
				if !slices.Equal(gu, wu) || !slices.Equal(geu, weu) || !slices.Equal(gv, wv) || !slices.Equal(gev, wev) {
					t.Fatalf("graph %d %v-%v, edge %d: walk gives %v %v and %v %v, the adjacency scan %v %v and %v %v",
						i, g.eu, g.ev, e, gu, geu, gv, gev, wu, weu, wv, wev)
				}
				if wu != nil && wv != nil {
					found++
				}
			}
			if u, v := g.Ends(e); u == v {
				continue // Through answers self-loops before Near
			}
			nv, ne, ok := p.Near(e)
			if !ok {
				continue
			}
			near++
			sv, se := p.Search(e, false)
			if !slices.Equal(nv, sv) || !slices.Equal(ne, se) {
				t.Fatalf("graph %d %v-%v, marked %v, edge %d: Near gives %v %v, Search %v %v", i, g.eu, g.ev, marked, e, nv, ne, sv, se)
			}
		}
	}
	if found == 0 || near == 0 {
		t.Errorf("%d walks found a path, Near applied %d times: the test tests nothing", found, near)
	}
}
