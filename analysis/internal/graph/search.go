package graph

// Components labels the connected components of the subgraph of g induced
// by the vertices for which in holds: comp[v] is v's component, numbered
// from 0 in the order of each component's least vertex, or -1 when in(v)
// does not hold; count is the number of components.
func Components(g *Graph, in func(v int32) bool) (comp []int32, count int) {
	comp = make([]int32, g.n)
	for v := range comp {
		comp[v] = -1
	}
	var stack []int32
	for s := range int32(g.n) {
		if comp[s] >= 0 || !in(s) {
			continue
		}
		c := int32(count)
		count++
		comp[s] = c
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
				if w := g.adjV[p]; comp[w] < 0 && in(w) {
					comp[w] = c
					stack = append(stack, w)
				}
			}
		}
	}
	return comp, count
}

// Tree is a breadth-first search tree: for each vertex, its distance in
// edges from the nearest source, the previous vertex on a shortest path and
// the edge from it; -1 where the search did not reach (and at a source, for
// Parent and Via).
type Tree struct {
	Dist, Parent, Via []int32
}

// BFS searches g from every source at once, in the order given, through
// the vertices for which in holds (the sources must be among them). The
// adjacency lists are sorted, so the tree is deterministic.
func BFS(g *Graph, sources []int32, in func(v int32) bool) Tree {
	t := Tree{Dist: make([]int32, g.n), Parent: make([]int32, g.n), Via: make([]int32, g.n)}
	for v := range g.n {
		t.Dist[v], t.Parent[v], t.Via[v] = -1, -1, -1
	}
	queue := make([]int32, 0, len(sources))
	for _, s := range sources {
		if t.Dist[s] < 0 {
			t.Dist[s] = 0
			queue = append(queue, s)
		}
	}
	for h := 0; h < len(queue); h++ {
		v := queue[h]
		for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
			if w := g.adjV[p]; t.Dist[w] < 0 && in(w) {
				t.Dist[w], t.Parent[w], t.Via[w] = t.Dist[v]+1, v, g.adjE[p]
				queue = append(queue, w)
			}
		}
	}
	return t
}
