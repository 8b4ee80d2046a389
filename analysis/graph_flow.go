package analysis

// flow finds up to a few disjoint paths in a graph by unit-capacity
// augmenting path search: each edge carries at most one path each way, and
// each capped vertex at most one path. Vertices are split into an in side
// and an out side; a search is a breadth-first search over those states in
// sorted adjacency order, so the paths it finds are deterministic.
type flow struct {
	g        *graph
	capped   func(v int32) bool
	srcCap1  bool               // each source arc carries at most one path
	sinkIn   func(v int32) bool // state (v,in) is joined to the super-sink
	sinkOut  func(v int32) bool // state (v,out) is joined to the super-sink
	skipEdge int32

	fwd, bwd []bool // per edge: arc eu→ev, ev→eu carries a path
	vf       []bool // per vertex: the vertex carries a path
	srcUsed  []bool
	sinkUsed []bool // per state: its sink arc carries a path

	touchedE, touchedV []int32
	epoch              uint32
	seen               []uint32 // per state
	parent             []int32  // per state: previous state, -1 for the source
	parentEdge         []int32
}

func newFlow(g *graph) *flow {
	return &flow{
		g: g, skipEdge: -1,
		fwd: make([]bool, len(g.eu)), bwd: make([]bool, len(g.eu)),
		vf: make([]bool, g.n), srcUsed: make([]bool, g.n), sinkUsed: make([]bool, 2*g.n),
		seen: make([]uint32, 2*g.n), parent: make([]int32, 2*g.n), parentEdge: make([]int32, 2*g.n),
	}
}

// reset clears the paths found so far.
func (f *flow) reset() {
	for _, e := range f.touchedE {
		f.fwd[e], f.bwd[e] = false, false
	}
	for _, v := range f.touchedV {
		f.vf[v], f.srcUsed[v] = false, false
		f.sinkUsed[2*v], f.sinkUsed[2*v+1] = false, false
	}
	f.touchedE, f.touchedV = f.touchedE[:0], f.touchedV[:0]
}

// arc reports whether edge e carries a path from v to the other end, and
// sets it.
func (f *flow) arc(e, v int32) *bool {
	if f.g.eu[e] == v {
		return &f.fwd[e]
	}
	return &f.bwd[e]
}

// augment finds one more path from the sources to the sink, starting the
// search at the given sources in order, and reports whether it did.
func (f *flow) augment(sources []int32) bool {
	g := f.g
	f.epoch++
	ep := f.epoch
	var queue []int32
	visit := func(s, from, e int32) {
		if f.seen[s] != ep {
			f.seen[s], f.parent[s], f.parentEdge[s] = ep, from, e
			queue = append(queue, s)
		}
	}
	for _, v := range sources {
		if !f.srcCap1 || !f.srcUsed[v] {
			visit(2*v, -1, -1)
		}
	}
	end := int32(-1)
	for h := 0; h < len(queue) && end < 0; h++ {
		s := queue[h]
		v, out := s/2, s%2 == 1
		if (!out && f.sinkIn(v) && !f.sinkUsed[s]) || (out && f.sinkOut(v) && !f.sinkUsed[s]) {
			end = s
			break
		}
		if !out {
			if !f.capped(v) || !f.vf[v] {
				visit(2*v+1, s, -1)
			}
			// Undo an arc that brought a path into v.
			for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
				w, e := g.adjV[p], g.adjE[p]
				if e != f.skipEdge && w != v && *f.arc(e, w) {
					visit(2*w+1, s, e)
				}
			}
			continue
		}
		if !f.capped(v) || f.vf[v] {
			visit(2*v, s, -1)
		}
		for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
			w, e := g.adjV[p], g.adjE[p]
			if e != f.skipEdge && w != v && !*f.arc(e, v) {
				visit(2*w, s, e)
			}
		}
	}
	if end < 0 {
		return false
	}
	f.sinkUsed[end] = true
	f.touchedV = append(f.touchedV, end/2)
	for s := end; ; {
		p := f.parent[s]
		if p < 0 {
			f.srcUsed[s/2] = true
			break
		}
		v, w := p/2, s/2
		switch e := f.parentEdge[s]; {
		case e >= 0 && p%2 == 1: // forward along v→w
			*f.arc(e, v) = true
			f.touchedE = append(f.touchedE, e)
		case e >= 0: // undo w→v
			*f.arc(e, w) = false
		case p%2 == 0: // v in → v out
			f.vf[v] = true
			f.touchedV = append(f.touchedV, v)
		default: // v out → v in: undo
			f.vf[v] = false
		}
		s = p
	}
	return true
}

// walk follows the path that leaves source v and returns it as vertices
// and the edges between them.
func (f *flow) walk(v int32) (verts, edges []int32) {
	g := f.g
	verts = []int32{v}
	for !f.sinkUsed[2*v+1] && !f.sinkUsed[2*v] {
		next := int32(-1)
		for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
			w, e := g.adjV[p], g.adjE[p]
			if e != f.skipEdge && w != v && *f.arc(e, v) && !*f.arc(e, w) {
				*f.arc(e, v) = false // consume
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

// exposurePath returns a simple path between two distinct CJI devices
// through CJI-graph edge e, as vertices and edges from one end to the other,
// or nil when there is none.
func (g *Graphs) exposurePath(f *flow, e int32) (verts, edges []int32) {
	cg := g.cjiG
	u, v := cg.eu[e], cg.ev[e]
	if u == v {
		return nil, nil
	}
	f.reset()
	f.skipEdge = e
	f.capped = func(int32) bool { return true }
	f.srcCap1 = true
	f.sinkIn = func(int32) bool { return false }
	f.sinkOut = func(x int32) bool { return g.cji[x] }
	ends := []int32{u, v}
	if !f.augment(ends) || !f.augment(ends) {
		return nil, nil
	}
	pu, eu := f.walk(u)
	pv, ev := f.walk(v)
	if pu == nil || pv == nil {
		return nil, nil
	}
	for i, j := 0, len(pu)-1; i < j; i, j = i+1, j-1 {
		pu[i], pu[j] = pu[j], pu[i]
	}
	for i, j := 0, len(eu)-1; i < j; i, j = i+1, j-1 {
		eu[i], eu[j] = eu[j], eu[i]
	}
	verts = append(pu, pv...)
	edges = append(append(eu, e), ev...)
	return verts, edges
}
