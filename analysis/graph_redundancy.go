package analysis

// hubTree is the block-cut tree of the CJI graph with every state hub
// joined to a new vertex T by two parallel edges (so that the joins are
// never bridges), rooted at T. A device whose removal separates a set of
// vertices from every hub is a cut vertex that is an ancestor of all of
// them, that is of their lowest common ancestor; an edge that does so is a
// bridge above it. The tree answers both questions for every site in time
// linear in the graph plus the answers.
type hubTree struct {
	g      *Graphs
	n      int32 // vertices of the CJI graph; T is vertex n
	nb     int32 // blocks; tree node nb+v is the cut-vertex node of v
	b      *blocks
	bridge []int32 // per block: its one edge when it is a bridge, else -1

	blockOf []int32 // per vertex: the block in which it is not the top
	parent  []int32 // per node: parent node; -1 for the root and nodes not under T
	depth   []int32
	bad     []int32 // separators (non-hub cut vertices, bridges) from the root to the node
	up      [][]int32
}

func newHubTree(g *Graphs) *hubTree {
	n := int32(len(g.ids))
	cg := g.cjiG
	eu := append([]int32(nil), cg.eu...)
	ev := append([]int32(nil), cg.ev...)
	tv := n
	for v := int32(0); v < n; v++ {
		if g.hub[v] {
			eu, ev = append(eu, v, v), append(ev, tv, tv)
		}
	}
	h := newGraph(int(n)+1, eu, ev)
	b := biconnectedFrom(h, tv)
	nb := int32(b.count())
	t := &hubTree{g: g, n: n, nb: nb, b: b, bridge: make([]int32, nb)}
	for i := range t.bridge {
		t.bridge[i] = -1
	}
	for e, id := range b.edgeBlock {
		if id >= 0 && b.edges[id] == 1 {
			t.bridge[id] = int32(e)
		}
	}
	size := nb + n + 1
	t.blockOf = make([]int32, n+1)
	for i := range t.blockOf {
		t.blockOf[i] = -1
	}
	for id := range b.count() {
		for _, v := range b.verts(id) {
			if v != b.top[id] {
				t.blockOf[v] = int32(id)
			}
		}
	}
	const unset = -2
	t.parent = make([]int32, size)
	t.depth = make([]int32, size)
	t.bad = make([]int32, size)
	for i := range t.parent {
		t.parent[i] = unset
	}
	root := nb + tv
	t.parent[root] = -1
	setCut := func(v int32) bool { // reports whether v's node is under T
		c := nb + v
		if t.parent[c] != unset {
			return t.parent[c] >= 0 || c == root
		}
		p := t.blockOf[v]
		if p < 0 || t.parent[p] < 0 {
			t.parent[c] = -1
			return false
		}
		t.parent[c], t.depth[c], t.bad[c] = p, t.depth[p]+1, t.bad[p]
		if !g.hub[v] {
			t.bad[c]++
		}
		return true
	}
	// Blocks close in post-order, so in reverse every block comes after
	// its ancestors.
	for id := nb - 1; id >= 0; id-- {
		top := b.top[id]
		if !setCut(top) {
			t.parent[id] = -1
			continue
		}
		t.parent[id], t.depth[id], t.bad[id] = nb+top, t.depth[nb+top]+1, t.bad[nb+top]
		if t.bridge[id] >= 0 {
			t.bad[id]++
		}
		for _, v := range b.verts(int(id)) {
			if v != top && t.isCut(v) {
				setCut(v)
			}
		}
	}
	levels := 1
	for 1<<levels < int(size) {
		levels++
	}
	t.up = make([][]int32, levels)
	t.up[0] = make([]int32, size)
	for x := int32(0); x < size; x++ {
		t.up[0][x] = x
		if t.parent[x] >= 0 {
			t.up[0][x] = t.parent[x]
		}
	}
	for k := 1; k < levels; k++ {
		t.up[k] = make([]int32, size)
		for x := range t.up[k] {
			t.up[k][x] = t.up[k-1][t.up[k-1][x]]
		}
	}
	return t
}

func (t *hubTree) isCut(v int32) bool { return v == t.n || t.b.nblocks[v] >= 2 }

// node returns the tree node of vertex v.
func (t *hubTree) node(v int32) int32 {
	if t.isCut(v) {
		return t.nb + v
	}
	return t.blockOf[v]
}

// reaches reports whether vertex v reaches a state hub in the CJI graph.
func (t *hubTree) reaches(v int32) bool { return t.under(t.node(v)) }

// under reports whether node x is in T's component.
func (t *hubTree) under(x int32) bool {
	return x >= 0 && (x == t.nb+t.n || t.parent[x] >= 0)
}

func (t *hubTree) lca(a, c int32) int32 {
	if t.depth[a] < t.depth[c] {
		a, c = c, a
	}
	for k := len(t.up) - 1; k >= 0; k-- {
		if t.depth[a]-int32(1<<k) >= t.depth[c] {
			a = t.up[k][a]
		}
	}
	if a == c {
		return a
	}
	for k := len(t.up) - 1; k >= 0; k-- {
		if t.up[k][a] != t.up[k][c] {
			a, c = t.up[k][a], t.up[k][c]
		}
	}
	return t.up[0][a]
}

// siteNode returns the lowest common ancestor of the site's CJI devices
// that reach a hub, or -1 when none does.
func (t *hubTree) siteNode(vs []int32) int32 {
	anc := int32(-1)
	for _, v := range vs {
		x := t.node(v)
		if !t.under(x) {
			continue
		}
		if anc < 0 {
			anc = x
		} else {
			anc = t.lca(anc, x)
		}
	}
	return anc
}

// cutVertex returns the vertex of a cut-vertex node, or -1 for a block
// node and for T.
func (t *hubTree) cutVertex(x int32) int32 {
	if x < t.nb || x-t.nb >= t.n {
		return -1
	}
	return x - t.nb
}

// redundancy counts, for each site, the ways its CJI devices have to the
// state hubs in the CJI graph, up to 2: ways that share no device other than
// the site's own CJI devices and the hubs, and no link or tunnel. By
// Menger's theorem a site not cut off has two such ways unless one device
// (not a hub, not its own CJI device) or one edge separates all its CJI
// devices from the hubs: a separator on the tree path above their lowest
// common ancestor.
func (t *hubTree) redundancy(st *siteSet) []int {
	out := make([]int, len(st.sites))
	for i, vs := range st.siteCJI {
		if st.cutOff[i] {
			continue
		}
		anc := t.siteNode(vs)
		if anc < 0 {
			continue
		}
		seps := t.bad[anc]
		if v := t.cutVertex(anc); v >= 0 && st.siteOf[v] == int32(i) {
			seps-- // the site's own CJI device is no separator
		}
		out[i] = 2
		if seps > 0 {
			out[i] = 1
		}
	}
	return out
}

// singleCuts adds to sc.devCuts and sc.linkCuts the sites cut off by one
// device or one link whose failure takes down no tunnel: devices for which
// plainDev holds and links for which plainLink holds. It walks from each
// site's lowest common ancestor to the root, so its time is the length of
// those paths: linear in the answers, since every other node on them is a
// separator.
func (t *hubTree) singleCuts(sc *siteCuts, plainDev func(v int32) bool, plainLink func(li int32) bool) {
	g, st := t.g, sc.st
	for i, vs := range st.siteCJI {
		s := int32(i)
		if st.cutOff[i] {
			continue
		}
		for x := t.siteNode(vs); x >= 0; x = t.parent[x] {
			if v := t.cutVertex(x); v >= 0 {
				if !g.hub[v] && st.siteOf[v] != s && plainDev(v) {
					sc.devCuts[v] = append(sc.devCuts[v], s)
				}
				continue
			}
			if x >= t.nb {
				continue // T
			}
			e := t.bridge[x]
			if e < 0 || e >= int32(len(g.cjiRefs)) || g.cjiRefs[e].tunnel {
				continue
			}
			li := g.cjiRefs[e].i
			if plainLink(li) && st.siteOf[g.phys.eu[li]] != s && st.siteOf[g.phys.ev[li]] != s {
				sc.linkCuts[li] = append(sc.linkCuts[li], s)
			}
		}
	}
}
