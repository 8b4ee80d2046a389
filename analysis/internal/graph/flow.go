package graph

import "slices"

// flow finds up to a few disjoint paths in a graph by unit-capacity
// augmenting path search: each edge carries at most one path each way, and
// each capped vertex at most one path. Vertices are split into an in side
// and an out side; a search is a breadth-first search over those states in
// sorted adjacency order, so the paths it finds are deterministic.
type flow struct {
	g        *Graph
	capped   func(v int32) bool
	srcCap1  bool               // each source arc carries at most one path
	sinkIn   func(v int32) bool // state (v,in) is joined to the super-sink
	sinkOut  func(v int32) bool // state (v,out) is joined to the super-sink
	skipEdge int32
	// outSinksOnly promises that sinkIn is false everywhere. A search may
	// then stop when it generates the first in-state with a sink among its
	// children, rather than when it dequeues that sink a level later: the
	// same answer (the first sink in breadth-first order), without
	// generating the rest of the level, which near a carrier network is
	// thousands of states.
	outSinksOnly bool
	allCapped    bool // capped holds for every vertex

	fwd, bwd []bool  // per edge: arc eu→ev, ev→eu carries a path
	into     []int32 // per vertex: arcs into it that carry a path
	vf       []bool  // per vertex: the vertex carries a path
	srcUsed  []bool
	sinkUsed []bool // per state: its sink arc carries a path

	touchedE, touchedV []int32
	intoVerts          []int32 // vertices that have had an arc carrying a path into them
	// The sink adjacency, for augment's lazy generation: the positions in
	// the adjacency of v whose neighbor has sinkOut are
	// sinkPos[sinkStart[v]:sinkStart[v+1]].
	sinkStart, sinkPos []int32
	scratch            []int32
	epoch              uint32
	seen               []uint32 // per state
	queue              []int32  // the search's queue, kept between searches
	parent             []int32  // per state: previous state, -1 for the source
	parentEdge         []int32
}

func newFlow(g *Graph) *flow {
	return &flow{
		g: g, skipEdge: -1,
		fwd: make([]bool, len(g.eu)), bwd: make([]bool, len(g.eu)), into: make([]int32, g.n),
		vf: make([]bool, g.n), srcUsed: make([]bool, g.n), sinkUsed: make([]bool, 2*g.n),
		seen: make([]uint32, 2*g.n), parent: make([]int32, 2*g.n), parentEdge: make([]int32, 2*g.n),
	}
}

// reset clears the paths found so far.
func (f *flow) reset() {
	for _, e := range f.touchedE {
		f.fwd[e], f.bwd[e] = false, false
		f.into[f.g.eu[e]], f.into[f.g.ev[e]] = 0, 0
	}
	for _, v := range f.touchedV {
		f.vf[v], f.srcUsed[v] = false, false
		f.sinkUsed[2*v], f.sinkUsed[2*v+1] = false, false
	}
	f.touchedE, f.touchedV = f.touchedE[:0], f.touchedV[:0]
	f.intoVerts = f.intoVerts[:0]
}

// arc reports whether edge e carries a path from v to the other end, and
// sets it.
func (f *flow) arc(e, v int32) *bool {
	if f.g.eu[e] == v {
		return &f.fwd[e]
	}
	return &f.bwd[e]
}

// setArc sets whether edge e carries a path from v to its other end,
// keeping the count of arcs into that end.
func (f *flow) setArc(e, v int32, on bool) {
	p := f.arc(e, v)
	if *p == on {
		return
	}
	*p = on
	w := f.g.eu[e]
	if w == v {
		w = f.g.ev[e]
	}
	if on {
		if f.into[w] == 0 {
			f.intoVerts = append(f.intoVerts, w)
		}
		f.into[w]++
	} else {
		f.into[w]--
	}
}

// augment finds one more path from the sources to the sink, starting the
// search at the given sources in order, and reports whether it did.
//
// With outSinksOnly and the sink adjacency (sinkStart, sinkPos), and every vertex
// capped (as PathFinder.Search has it), an out-state's in-state children are put
// on the queue as one entry, -(v+1) for out(v), and generated and expanded
// when that entry comes off it, in the same order (openBlock runs their
// lookahead at once, through the sink adjacency, and marks the children on
// a path, which out-states reach too). Between the two, nothing reads the
// marks of other in-states: in-states generate out-states, and the
// lookahead reads out-states. And a child with a sink child ends the search
// when it is generated, so no other block takes it first. The search
// therefore visits the same states in the same order and finds the same
// path, without generating the thousands of children of a carrier
// network's neighbors on the level where it ends.
func (f *flow) augment(sources []int32) bool {
	g := f.g
	f.epoch++
	ep := f.epoch
	queue := f.queue[:0]
	defer func() { f.queue = queue[:0] }()
	end := int32(-1)
	lazy := f.outSinksOnly && f.allCapped && f.sinkStart != nil
	visit := func(s, from, e int32) {
		if f.seen[s] != ep {
			f.seen[s], f.parent[s], f.parentEdge[s] = ep, from, e
			queue = append(queue, s)
			if f.outSinksOnly && s%2 == 0 && end < 0 {
				end = f.sinkChild(s)
			}
		}
	}
	// expandIn generates the children of in-state s: out-states.
	expandIn := func(s int32) {
		v := s / 2
		if !f.capped(v) || !f.vf[v] {
			visit(2*v+1, s, -1)
		}
		// Undo an arc that brought a path into v.
		for p := g.adjStart[v]; f.into[v] > 0 && p < g.adjStart[v+1] && end < 0; p++ {
			w, e := g.adjV[p], g.adjE[p]
			if e != f.skipEdge && w != v && *f.arc(e, w) {
				visit(2*w+1, s, e)
			}
		}
	}
	for _, v := range sources {
		if end < 0 && (!f.srcCap1 || !f.srcUsed[v]) {
			visit(2*v, -1, -1)
		}
	}
	for h := 0; h < len(queue) && end < 0; h++ {
		s := queue[h]
		if s < 0 { // the in-state children of out(v), generated and expanded now
			v := -s - 1
			for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
				w, e := g.adjV[p], g.adjE[p]
				if e == f.skipEdge || w == v || *f.arc(e, v) {
					continue
				}
				if f.seen[2*w] != ep {
					f.seen[2*w], f.parent[2*w], f.parentEdge[2*w] = ep, 2*v+1, e
					expandIn(2 * w)
				} else if f.parent[2*w] == 2*v+1 && f.parentEdge[2*w] == e {
					expandIn(2 * w) // marked when the block was opened
				}
			}
			continue
		}
		v, out := s/2, s%2 == 1
		if (!out && f.sinkIn(v) && !f.sinkUsed[s]) || (out && f.sinkOut(v) && !f.sinkUsed[s]) {
			end = s
			break
		}
		if !out {
			expandIn(s)
			continue
		}
		if !f.capped(v) || f.vf[v] {
			visit(2*v, s, -1)
		}
		if lazy {
			if end < 0 {
				end = f.openBlock(s)
			}
			queue = append(queue, -v-1)
			continue
		}
		for p := g.adjStart[v]; p < g.adjStart[v+1] && end < 0; p++ {
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
			f.setArc(e, v, true)
			f.touchedE = append(f.touchedE, e)
		case e >= 0: // undo w→v
			f.setArc(e, w, false)
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

// adjWhere returns, for each vertex v, the positions in its adjacency of
// the neighbors for which keep holds, in adjacency order: they are
// pos[start[v]:start[v+1]].
func adjWhere(g *Graph, keep func(v int32) bool) (start, pos []int32) {
	start = make([]int32, g.n+1)
	for v := range g.n {
		for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
			if keep(g.adjV[p]) {
				pos = append(pos, p)
			}
		}
		start[v+1] = int32(len(pos))
	}
	return start, pos
}

// openBlock stands for generating the in-state children of out-state s
// (the block that the queue entry for s will generate): it runs the
// lookahead over them in order and returns the sink child of the first one
// not yet reached that has one, marking both reached, or -1. Only a child
// whose vertex has sinkOut or a path arc into it can have a sink child.
// The children on a path are marked reached now, as the block would have:
// out-states reach them too (out(x) to in(x) for x on a path), and must
// find them taken when the block comes first.
func (f *flow) openBlock(s int32) int32 {
	g, v, ep := f.g, s/2, f.epoch
	adj := g.adjV[g.adjStart[v]:g.adjStart[v+1]]
	dyn := f.scratch[:0] // positions of neighbors on a path or with a path arc into them
	add := func(x int32) {
		i, _ := slices.BinarySearch(adj, x)
		for ; i < len(adj) && adj[i] == x; i++ {
			dyn = append(dyn, g.adjStart[v]+int32(i))
		}
	}
	for _, x := range f.intoVerts {
		if f.into[x] > 0 {
			add(x)
		}
	}
	for _, x := range f.touchedV {
		if f.vf[x] {
			add(x)
		}
	}
	slices.Sort(dyn)
	f.scratch = dyn
	// The positions of the sink neighbors and of dyn, merged in order.
	static := f.sinkPos[f.sinkStart[v]:f.sinkStart[v+1]]
	for len(static) > 0 || len(dyn) > 0 {
		var p int32
		if len(dyn) == 0 || len(static) > 0 && static[0] < dyn[0] {
			p, static = static[0], static[1:]
		} else {
			p, dyn = dyn[0], dyn[1:]
		}
		w, e := g.adjV[p], g.adjE[p]
		if e == f.skipEdge || w == v || *f.arc(e, v) || f.seen[2*w] == ep {
			continue
		}
		if end := f.sinkChild(2 * w); end >= 0 || f.vf[w] {
			f.seen[2*w], f.parent[2*w], f.parentEdge[2*w] = ep, s, e
			if end >= 0 {
				return end
			}
		}
	}
	return -1
}

// sinkChild returns the first child of in-state s, in the order augment
// generates them, that is an unseen sink (marking it reached from s), or -1.
func (f *flow) sinkChild(s int32) int32 {
	g, v, ep := f.g, s/2, f.epoch
	if (!f.capped(v) || !f.vf[v]) && f.seen[2*v+1] != ep {
		if f.sinkOut(v) && !f.sinkUsed[2*v+1] {
			f.seen[2*v+1], f.parent[2*v+1], f.parentEdge[2*v+1] = ep, s, -1
			return 2*v + 1
		}
	}
	for p := g.adjStart[v]; f.into[v] > 0 && p < g.adjStart[v+1]; p++ {
		w, e := g.adjV[p], g.adjE[p]
		if e != f.skipEdge && w != v && *f.arc(e, w) && f.seen[2*w+1] != ep {
			if f.sinkOut(w) && !f.sinkUsed[2*w+1] {
				f.seen[2*w+1], f.parent[2*w+1], f.parentEdge[2*w+1] = ep, s, e
				return 2*w + 1
			}
		}
	}
	return -1
}

// walk follows the path that leaves source v and returns it as vertices
// and the edges between them. At each vertex it takes the first arc in
// adjacency order (by neighbor, then edge) that carries a path out of it
// and is not canceled by one back; such an arc was set by augment, so it
// is among touchedE, which a search keeps short, where a carrier network's
// adjacency is thousands long.
func (f *flow) walk(v int32) (verts, edges []int32) {
	g := f.g
	verts = []int32{v}
	for !f.sinkUsed[2*v+1] && !f.sinkUsed[2*v] {
		next, ne := int32(-1), int32(-1)
		for _, e := range f.touchedE {
			w := g.eu[e]
			if w == v {
				w = g.ev[e]
			} else if g.ev[e] != v {
				continue
			}
			if e != f.skipEdge && w != v && *f.arc(e, v) && !*f.arc(e, w) &&
				(next < 0 || w < next || w == next && e < ne) {
				next, ne = w, e
			}
		}
		if next < 0 || len(verts) > g.n {
			return nil, nil
		}
		f.setArc(ne, v, false) // consume
		edges = append(edges, ne)
		v = next
		verts = append(verts, v)
	}
	return verts, edges
}

// PathFinder finds, for an edge, a simple path between two distinct marked
// vertices through it.
type PathFinder struct {
	g      *Graph
	marked []bool
	f      *flow // made on first use
	// The marked adjacency, for Near: the positions in the adjacency of v
	// whose neighbor is marked are markPos[markStart[v]:markStart[v+1]].
	markStart, markPos []int32
}

// NewPathFinder returns a PathFinder for the marked vertices of g.
func NewPathFinder(g *Graph, marked []bool) *PathFinder {
	p := &PathFinder{g: g, marked: marked}
	p.markStart, p.markPos = adjWhere(g, func(v int32) bool { return marked[v] })
	return p
}

// Through returns a simple path between two distinct marked vertices
// through edge e, as vertices and edges from one end to the other, or nil
// when there is none. It takes what Near gives when that applies, and
// otherwise what Search gives with the lookahead.
func (p *PathFinder) Through(e int32) (verts, edges []int32) {
	if u, v := p.g.Ends(e); u == v {
		return nil, nil
	}
	if verts, edges, ok := p.Near(e); ok {
		return verts, edges
	}
	return p.Search(e, true)
}

// Search is Through by two augmenting searches; lookahead sets the flow's
// outSinksOnly, which changes the work and not the answer.
func (p *PathFinder) Search(e int32, lookahead bool) (verts, edges []int32) {
	f := p.augmented(e, lookahead)
	if f == nil {
		return nil, nil
	}
	u, v := p.g.eu[e], p.g.ev[e]
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

// augmented runs Search's two augmenting searches for edge e and returns
// the flow that holds their paths, or nil when there are not two.
func (p *PathFinder) augmented(e int32, lookahead bool) *flow {
	g := p.g
	u, v := g.eu[e], g.ev[e]
	if u == v {
		return nil
	}
	if p.f == nil {
		p.f = newFlow(g)
	}
	f := p.f
	f.reset()
	f.skipEdge = e
	f.capped, f.allCapped = func(int32) bool { return true }, true
	f.srcCap1 = true
	f.sinkIn = func(int32) bool { return false }
	f.sinkOut = func(x int32) bool { return p.marked[x] }
	f.outSinksOnly = lookahead
	defer func() { f.outSinksOnly = false }()
	if f.sinkStart == nil { // the sink adjacency is the marked adjacency
		f.sinkStart, f.sinkPos = p.markStart, p.markPos
	}
	ends := []int32{u, v}
	if !f.augment(ends) || !f.augment(ends) {
		return nil
	}
	return f
}

// Near is Search's answer for the common cases, found without a search
// over the graph, and false when they do not apply: each end of e is marked
// or has a marked neighbor. It returns what the two
// augmenting searches would: the first search from both ends takes the
// first end (in the order u, v) that is marked, or else u's first marked
// neighbor in adjacency order, or else v's; the second, from the other end,
// takes it or its first marked neighbor not yet on a path. (When only v has a
// marked neighbor, the second search from u must go further: not this case.)
// Without it, a search from an end joined to thousands of devices (a
// carrier network) costs as many steps, for every one of its links.
func (p *PathFinder) Near(e int32) (verts, edges []int32, ok bool) {
	cg, cji := p.g, p.marked
	u, v := cg.eu[e], cg.ev[e]
	// near returns x's first marked neighbor other than skip, over an edge
	// other than e: the first of its marked adjacency, not the whole of a
	// carrier network's thousands of neighbors.
	near := func(x, skip int32) (w, xe int32) {
		for _, p := range p.markPos[p.markStart[x]:p.markStart[x+1]] {
			y, ye := cg.adjV[p], cg.adjE[p]
			if ye != e && y != x && y != skip && y != u && y != v {
				return y, ye
			}
		}
		return -1, -1
	}
	// First path: from a, of one vertex (a is CJI) or two (a, x).
	a, b := u, v
	var x, ex int32 = -1, -1
	switch {
	case cji[u]:
	case cji[v]:
		a, b = v, u
	default:
		if x, ex = near(u, -1); x < 0 {
			return nil, nil, false
		}
	}
	// Second path: from b, of one vertex or two (b, w).
	var w, ew int32 = -1, -1
	if !cji[b] {
		if w, ew = near(b, x); w < 0 {
			return nil, nil, false
		}
	}
	// Lay the two out from u's side to v's.
	var left, right []int32 // vertices from the end outwards
	var leftE, rightE []int32
	left, right = []int32{a}, []int32{b}
	if x >= 0 {
		left, leftE = append(left, x), append(leftE, ex)
	}
	if w >= 0 {
		right, rightE = append(right, w), append(rightE, ew)
	}
	if a != u {
		left, right, leftE, rightE = right, left, rightE, leftE
	}
	slices.Reverse(left)
	slices.Reverse(leftE)
	verts = append(left, right...)
	edges = append(append(leftE, e), rightE...)
	return verts, edges, true
}
