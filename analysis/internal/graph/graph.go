// Package graph holds the graph algorithms the rules share: an undirected
// multigraph in compressed adjacency form, its blocks (biconnected
// components), the edges on a simple path between two marked vertices and
// such a path, the block-cut tree rooted at a set of targets, the local
// search for what a failure cuts off, and breadth-first searches.
//
// Vertices are 0..n-1 and edges 0..m-1, as int32; every search follows the
// sorted adjacency lists, so its answers are deterministic.
package graph

import "sort"

// Graph is an undirected multigraph over vertices 0..n-1 in compressed
// adjacency form. Parallel edges are kept (two circuits between the same
// routers are redundancy); self-loops are kept in the edge list but lie on no
// simple path. Each vertex's adjacency is sorted by neighbor, then edge.
type Graph struct {
	n        int
	eu, ev   []int32 // edge endpoints
	adjStart []int32 // adjacency of v is adjV/adjE[adjStart[v]:adjStart[v+1]]
	adjV     []int32
	adjE     []int32
}

// New returns the graph over vertices 0..n-1 whose edge e joins eu[e] and
// ev[e]; it keeps the slices.
func New(n int, eu, ev []int32) *Graph {
	g := &Graph{n: n, eu: eu, ev: ev, adjStart: make([]int32, n+1)}
	for e := range eu {
		g.adjStart[eu[e]+1]++
		if eu[e] != ev[e] {
			g.adjStart[ev[e]+1]++
		}
	}
	for v := 0; v < n; v++ {
		g.adjStart[v+1] += g.adjStart[v]
	}
	m := g.adjStart[n]
	g.adjV, g.adjE = make([]int32, m), make([]int32, m)
	fill := append([]int32(nil), g.adjStart[:n]...)
	add := func(v, w int32, e int) {
		g.adjV[fill[v]], g.adjE[fill[v]] = w, int32(e)
		fill[v]++
	}
	for e := range eu {
		add(eu[e], ev[e], e)
		if eu[e] != ev[e] {
			add(ev[e], eu[e], e)
		}
	}
	for v := 0; v < n; v++ {
		lo, hi := g.adjStart[v], g.adjStart[v+1]
		if hi-lo <= 12 {
			insertionSortAdj(g.adjV[lo:hi], g.adjE[lo:hi])
		} else {
			sort.Sort(adjSorter{g.adjV[lo:hi], g.adjE[lo:hi]})
		}
	}
	return g
}

// insertionSortAdj sorts a short adjacency list as adjSorter does, by
// neighbor then edge, without the allocation of sort.Sort's interface:
// most vertices have a few neighbors. The order is total (an edge is
// listed once per end), so both sorts give the same list.
func insertionSortAdj(v, e []int32) {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && (v[j] < v[j-1] || v[j] == v[j-1] && e[j] < e[j-1]); j-- {
			v[j], v[j-1] = v[j-1], v[j]
			e[j], e[j-1] = e[j-1], e[j]
		}
	}
}

type adjSorter struct{ v, e []int32 }

func (s adjSorter) Len() int { return len(s.v) }
func (s adjSorter) Less(i, j int) bool {
	if s.v[i] != s.v[j] {
		return s.v[i] < s.v[j]
	}
	return s.e[i] < s.e[j]
}
func (s adjSorter) Swap(i, j int) {
	s.v[i], s.v[j] = s.v[j], s.v[i]
	s.e[i], s.e[j] = s.e[j], s.e[i]
}

// Len returns the number of vertices.
func (g *Graph) Len() int { return g.n }

// Edges returns the number of edges.
func (g *Graph) Edges() int { return len(g.eu) }

// Ends returns the two ends of edge e.
func (g *Graph) Ends(e int32) (u, v int32) { return g.eu[e], g.ev[e] }

// Adj returns the neighbors of v and the edges to them, sorted by
// neighbor then edge; the slices are the graph's own.
func (g *Graph) Adj(v int32) (vs, es []int32) {
	lo, hi := g.adjStart[v], g.adjStart[v+1]
	return g.adjV[lo:hi], g.adjE[lo:hi]
}
