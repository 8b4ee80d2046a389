package graph

// Blocks is the block decomposition of a graph: its biconnected components.
type Blocks struct {
	edgeBlock []int32 // block of each edge; -1 for self-loops
	vertStart []int32 // block id's vertices are vertList[vertStart[id]:vertStart[id+1]]
	vertList  []int32 // the vertices of each block in turn, in the order blocks closed
	edges     []int32 // number of edges in each block
	top       []int32 // each block's topmost vertex in the DFS tree
	root      []int32 // the DFS root of each vertex's component
	nblocks   []int32 // number of blocks each vertex is in
}

// Count returns the number of blocks.
func (b *Blocks) Count() int { return len(b.edges) }

// verts returns the vertices of block id.
func (b *Blocks) verts(id int) []int32 { return b.vertList[b.vertStart[id]:b.vertStart[id+1]] }

// Articulation reports whether v is an articulation point: a vertex whose
// removal disconnects its component.
func (b *Blocks) Articulation(v int32) bool { return b.nblocks[v] >= 2 }

// Bridge reports whether edge e is a bridge: an edge whose removal
// disconnects its component. A parallel edge never is.
func (b *Blocks) Bridge(e int32) bool {
	return b.edgeBlock[e] >= 0 && b.edges[b.edgeBlock[e]] == 1
}

// Biconnected computes the blocks of g with Tarjan's algorithm, iteratively
// (no recursion), in time linear in vertices plus edges. Blocks are listed in
// the order they close, which is a post-order of the block-cut tree rooted
// at each component's first vertex.
func Biconnected(g *Graph) *Blocks { return biconnectedFrom(g, 0) }

// biconnectedFrom is Biconnected with the first search rooted at vertex
// first, so that first is the root of its component's block-cut tree.
func biconnectedFrom(g *Graph, first int32) *Blocks {
	n := g.n
	// A block has at least one edge and at most one vertex more than its
	// edges, so m edges make at most m blocks of 2m vertices in all: both
	// reached by a forest, as most networks nearly are. Room for them
	// saves the copies of growing by append (five times the final size).
	m := len(g.eu)
	b := &Blocks{
		edgeBlock: make([]int32, m),
		vertStart: append(make([]int32, 0, m+1), 0),
		vertList:  make([]int32, 0, 2*m),
		edges:     make([]int32, 0, m),
		top:       make([]int32, 0, m),
		root:      make([]int32, n),
		nblocks:   make([]int32, n),
	}
	for i := range b.edgeBlock {
		b.edgeBlock[i] = -1
	}
	disc := make([]int32, n)
	low := make([]int32, n)
	for i := range disc {
		disc[i] = -1
	}
	type frame struct{ v, pe, pos int32 }
	var stack []frame
	var estack []int32
	mark := make([]int32, n)
	for i := range mark {
		mark[i] = -1
	}
	var t int32
	for i := int32(-1); i < int32(n); i++ {
		r := i
		if i < 0 {
			r = first
		}
		if n == 0 || disc[r] >= 0 {
			continue
		}
		disc[r], low[r] = t, t
		t++
		b.root[r] = r
		stack = append(stack[:0], frame{v: r, pe: -1, pos: g.adjStart[r]})
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			v := f.v
			if f.pos < g.adjStart[v+1] {
				w, e := g.adjV[f.pos], g.adjE[f.pos]
				f.pos++
				if e == f.pe || w == v {
					continue
				}
				if disc[w] < 0 {
					estack = append(estack, e)
					disc[w], low[w] = t, t
					t++
					b.root[w] = r
					stack = append(stack, frame{v: w, pe: e, pos: g.adjStart[w]})
				} else if disc[w] < disc[v] {
					estack = append(estack, e)
					low[v] = min(low[v], disc[w])
				}
				continue
			}
			pe := f.pe
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				break
			}
			u := stack[len(stack)-1].v
			low[u] = min(low[u], low[v])
			if low[v] < disc[u] {
				continue
			}
			id := int32(b.Count())
			var ne int32
			for {
				e := estack[len(estack)-1]
				estack = estack[:len(estack)-1]
				b.edgeBlock[e] = id
				ne++
				for _, x := range [2]int32{g.eu[e], g.ev[e]} {
					if mark[x] != id {
						mark[x] = id
						b.vertList = append(b.vertList, x)
						b.nblocks[x]++
					}
				}
				if e == pe {
					break
				}
			}
			b.vertStart = append(b.vertStart, int32(len(b.vertList)))
			b.edges = append(b.edges, ne)
			b.top = append(b.top, u)
		}
	}
	return b
}

// OnMarkedPaths reports, for each edge of g, whether it lies on some simple
// path between two distinct marked vertices, in linear time.
//
// A simple path through edge e crosses e's block B in one contiguous stretch
// from a vertex p to a vertex q ≠ p of B, and in a block any two distinct
// vertices are joined by a simple path through any given edge. So e lies on
// such a path iff B has two distinct vertices that can each end the path:
// a vertex that is marked itself, or a cut vertex with a marked vertex beyond
// it, away from B. The stretches beyond distinct vertices are disjoint, so
// the two ends are distinct marked vertices.
func OnMarkedPaths(g *Graph, marked []bool) []bool {
	b := Biconnected(g)
	n := g.n
	val := func(v int32) int32 {
		if marked[v] {
			return 1
		}
		return 0
	}
	// below[v]: marked vertices in the blocks hanging below v in the
	// block-cut tree, v itself excluded. sub[B]: marked vertices in B and
	// below it, B's top excluded.
	below := make([]int32, n)
	sub := make([]int32, b.Count())
	for id := range b.Count() {
		top := b.top[id]
		vs := b.verts(id)
		for _, v := range vs {
			if v != top {
				sub[id] += val(v) + below[v]
			}
		}
		below[top] += sub[id]
	}
	ends := make([]int32, b.Count())
	for id := range b.Count() {
		top := b.top[id]
		vs := b.verts(id)
		for _, v := range vs {
			var beyond int32
			if v == top {
				r := b.root[v]
				beyond = val(r) + below[r] - sub[id] - val(v)
			} else {
				beyond = below[v]
			}
			if marked[v] || beyond > 0 {
				ends[id]++
			}
		}
	}
	out := make([]bool, len(g.eu))
	for e, id := range b.edgeBlock {
		out[e] = id >= 0 && ends[id] >= 2
	}
	return out
}
