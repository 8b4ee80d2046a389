package graph

// Cutter finds which vertices of a graph lose every way to a target (a
// state hub) when some vertices and edges go down. It starts one search
// from each live neighbor of what went down and runs them in turns; the
// searches that meet merge, a search that reaches a target stops, and a
// search that runs out of vertices has found a piece that is cut off. The
// piece holding the targets always holds a starting point, so once every
// other piece is known the search can stop: the work is bounded by the
// number of starting points times the size of the pieces cut off, not by
// the size of the graph.
type Cutter struct {
	g      *Graph
	target []bool
	live   []bool // reaches a target with everything up
	// toward[v], towardE[v]: the next vertex and edge on a shortest way from
	// live vertex v to a target (-1 at a target). A search whose way there
	// avoids everything down has reached a target without searching: this
	// keeps a search that starts next to a carrier network from enqueuing
	// its thousands of neighbors on every cut.
	toward, towardE []int32

	epoch uint32
	deadV []uint32 // == epoch: vertex is down
	deadE []uint32 // == epoch: edge is down
	seen  []uint32 // == epoch: owner is valid
	owner []int32  // search that reached the vertex first

	// Kept between calls so that their memory is reused: a carrier
	// network going down starts thousands of searches.
	ss           []cutSearch
	active, open []int32
}

// cutSearch is one of Cut's searches.
type cutSearch struct {
	queue  []int32
	head   int
	parent int32 // union-find
	hit    bool  // (root only) reached a target
}

// NewCutter prepares the searches for the targets of g.
func NewCutter(g *Graph, target []bool) *Cutter {
	c := &Cutter{
		g: g, target: target, live: make([]bool, g.n),
		deadV: make([]uint32, g.n), deadE: make([]uint32, len(g.eu)),
		seen: make([]uint32, g.n), owner: make([]int32, g.n),
		toward: make([]int32, g.n), towardE: make([]int32, g.n),
	}
	var queue []int32
	for v := int32(0); v < int32(g.n); v++ {
		c.toward[v], c.towardE[v] = -1, -1
		if target[v] {
			c.live[v] = true
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
			if w := g.adjV[p]; !c.live[w] {
				c.live[w] = true
				c.toward[w], c.towardE[w] = v, g.adjE[p]
				queue = append(queue, w)
			}
		}
	}
	return c
}

// Live reports whether v reaches a target with everything up.
func (c *Cutter) Live(v int32) bool { return c.live[v] }

// clear reports whether v's way to a target avoids everything down in the
// current cut.
func (c *Cutter) clear(v int32) bool {
	for !c.target[v] {
		e, w := c.towardE[v], c.toward[v]
		if w < 0 || c.deadE[e] == c.epoch || c.deadV[w] == c.epoch {
			return false
		}
		v = w
	}
	return true
}

// Cut returns the live vertices that no longer reach a target with the
// vertices downV and the edges downE down (the downed vertices themselves
// excluded). Targets must not be in downV.
func (c *Cutter) Cut(downV, downE []int32) []int32 {
	g := c.g
	c.epoch++
	ep := c.epoch
	for _, v := range downV {
		c.deadV[v] = ep
	}
	for _, e := range downE {
		c.deadE[e] = ep
	}
	ss := c.ss[:0]
	defer func() { c.ss = ss[:0] }()
	start := func(v int32) {
		if !c.live[v] || c.deadV[v] == ep || c.seen[v] == ep {
			return
		}
		c.seen[v] = ep
		c.owner[v] = int32(len(ss))
		var q []int32
		if len(ss) < cap(ss) {
			q = ss[:len(ss)+1][len(ss)].queue[:0]
		}
		ss = append(ss, cutSearch{queue: append(q, v), parent: int32(len(ss)), hit: c.target[v] || c.clear(v)})
	}
	for _, v := range downV {
		for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
			start(g.adjV[p])
		}
	}
	for _, e := range downE {
		start(g.eu[e])
		start(g.ev[e])
	}
	if len(ss) == 0 {
		return nil
	}
	find := func(i int32) int32 {
		for ss[i].parent != i {
			ss[i].parent = ss[ss[i].parent].parent
			i = ss[i].parent
		}
		return i
	}
	active := c.active[:0]
	for i := range ss {
		active = append(active, int32(i))
	}
	open := append(c.open[:0], make([]int32, len(ss))...) // per root: member searches with work left
	defer func() { c.active, c.open = active[:0], open[:0] }()
	for {
		// Count the roots still open and not at a target.
		for i := range open {
			open[i] = 0
		}
		k := 0
		for _, i := range active {
			r := find(i)
			if ss[r].hit || ss[i].head >= len(ss[i].queue) {
				continue
			}
			open[r]++
			active[k] = i
			k++
		}
		active = active[:k]
		if k == 0 {
			break
		}
		roots, anyHit := 0, false
		for i := range ss {
			if find(int32(i)) == int32(i) {
				if open[i] > 0 {
					roots++
				}
				anyHit = anyHit || ss[i].hit
			}
		}
		if roots == 1 && !anyHit {
			// The one piece still growing must hold the targets.
			ss[find(active[0])].hit = true
			break
		}
		for _, i := range active {
			s := &ss[i]
			if s.head >= len(s.queue) || ss[find(i)].hit {
				continue
			}
			v := s.queue[s.head]
			s.head++
			for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
				w, e := g.adjV[p], g.adjE[p]
				if c.deadE[e] == ep || c.deadV[w] == ep {
					continue
				}
				if c.seen[w] != ep {
					c.seen[w] = ep
					c.owner[w] = i
					s.queue = append(s.queue, w)
					if c.target[w] || c.clear(w) {
						ss[find(i)].hit = true
					}
					continue
				}
				a, b := find(i), find(c.owner[w])
				if a != b {
					ss[b].parent = a
					ss[a].hit = ss[a].hit || ss[b].hit
				}
			}
		}
	}
	var out []int32
	for i := range ss {
		if ss[find(int32(i))].hit {
			continue
		}
		out = append(out, ss[i].queue...)
	}
	return out
}
