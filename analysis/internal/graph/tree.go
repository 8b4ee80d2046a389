package graph

// TargetTree is the block-cut tree of a graph with every target vertex
// joined to a new vertex T by two parallel edges (so that the joins are
// never bridges), rooted at T. A vertex whose removal separates a set of
// vertices from every target is a cut vertex that is an ancestor of all of
// them, that is of their lowest common ancestor; an edge that does so is a
// bridge above it. The tree answers both questions for every set in time
// linear in the graph plus the answers.
//
// Its nodes are int32: block nodes, cut-vertex nodes and T.
type TargetTree struct {
	target []bool
	m      int32 // edges of the graph; the joins to T come after
	n      int32 // vertices of the graph; T is vertex n
	nb     int32 // blocks; tree node nb+v is the cut-vertex node of v
	b      *Blocks
	bridge []int32 // per block: its one edge when it is a bridge, else -1

	blockOf []int32 // per vertex: the block in which it is not the top
	parent  []int32 // per node: parent node; -1 for the root and nodes not under T
	depth   []int32
	bad     []int32 // separators (non-target cut vertices, bridges) from the root to the node
	// jump is, per node, an ancestor (itself at a root) chosen from its
	// depth alone, so that from any node a path of jumps and parents
	// reaches any depth above it in O(log depth) steps: the skew-binary
	// jump pointers of Myers ("An applicative random-access stack", 1983).
	// One int32 per node, where a table of 2^k-th ancestors takes one per
	// node and level: 50 MB of the 37,000-agency check.
	jump []int32
}

// NewTargetTree builds the tree of g and its targets.
func NewTargetTree(g *Graph, target []bool) *TargetTree {
	n := int32(g.n)
	joins := 0
	for _, tg := range target[:n] {
		if tg {
			joins += 2
		}
	}
	eu := append(make([]int32, 0, len(g.eu)+joins), g.eu...)
	ev := append(make([]int32, 0, len(g.ev)+joins), g.ev...)
	tv := n
	for v := int32(0); v < n; v++ {
		if target[v] {
			eu, ev = append(eu, v, v), append(ev, tv, tv)
		}
	}
	h := New(int(n)+1, eu, ev)
	b := biconnectedFrom(h, tv)
	nb := int32(b.Count())
	t := &TargetTree{target: target, m: int32(len(g.eu)), n: n, nb: nb, b: b, bridge: make([]int32, nb)}
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
	for id := range b.Count() {
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
	t.jump = make([]int32, size)
	for i := range t.parent {
		t.parent[i] = unset
	}
	root := nb + tv
	t.parent[root], t.jump[root] = -1, root
	setCut := func(v int32) bool { // reports whether v's node is under T
		c := nb + v
		if t.parent[c] != unset {
			return t.parent[c] >= 0 || c == root
		}
		p := t.blockOf[v]
		if p < 0 || t.parent[p] < 0 {
			t.parent[c], t.jump[c] = -1, c
			return false
		}
		t.attach(c, p)
		if !target[v] {
			t.bad[c]++
		}
		return true
	}
	// Blocks close in post-order, so in reverse every block comes after
	// its ancestors: each node is attached after its parent.
	for id := nb - 1; id >= 0; id-- {
		top := b.top[id]
		if !setCut(top) {
			t.parent[id], t.jump[id] = -1, id
			continue
		}
		t.attach(id, nb+top)
		if t.bridge[id] >= 0 {
			t.bad[id]++
		}
		for _, v := range b.verts(int(id)) {
			if v != top && t.isCut(v) {
				setCut(v)
			}
		}
	}
	return t
}

func (t *TargetTree) isCut(v int32) bool { return v == t.n || t.b.nblocks[v] >= 2 }

// node returns the tree node of vertex v.
func (t *TargetTree) node(v int32) int32 {
	if t.isCut(v) {
		return t.nb + v
	}
	return t.blockOf[v]
}

// Reaches reports whether vertex v reaches a target.
func (t *TargetTree) Reaches(v int32) bool { return t.under(t.node(v)) }

// under reports whether node x is in T's component.
func (t *TargetTree) under(x int32) bool {
	return x >= 0 && (x == t.nb+t.n || t.parent[x] >= 0)
}

// attach makes node p the parent of node x, whose jump is then the jump of
// p's jump when p's jump and that one span the same depth, else p.
func (t *TargetTree) attach(x, p int32) {
	t.parent[x], t.depth[x], t.bad[x] = p, t.depth[p]+1, t.bad[p]
	j := t.jump[p]
	if t.depth[p]-t.depth[j] == t.depth[j]-t.depth[t.jump[j]] {
		t.jump[x] = t.jump[j]
	} else {
		t.jump[x] = p
	}
}

// lca returns the lowest common ancestor of nodes a and c of one tree.
// Nodes at the same depth have jumps at the same depth, so both climb
// together once at one depth.
func (t *TargetTree) lca(a, c int32) int32 {
	if t.depth[a] < t.depth[c] {
		a, c = c, a
	}
	for t.depth[a] > t.depth[c] {
		if j := t.jump[a]; t.depth[j] >= t.depth[c] {
			a = j
		} else {
			a = t.parent[a]
		}
	}
	for a != c {
		if t.jump[a] != t.jump[c] {
			a, c = t.jump[a], t.jump[c]
		} else {
			a, c = t.parent[a], t.parent[c]
		}
	}
	return a
}

// Ancestor returns the lowest common ancestor of the nodes of the vertices
// that reach a target, or -1 when none does.
func (t *TargetTree) Ancestor(vs []int32) int32 {
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

// CutVertex returns the vertex of a cut-vertex node, or -1 for a block
// node and for T.
func (t *TargetTree) CutVertex(x int32) int32 {
	if x < t.nb || x-t.nb >= t.n {
		return -1
	}
	return x - t.nb
}

// Bridge returns the edge of a block node that is a bridge of the graph, or
// -1 for any other node.
func (t *TargetTree) Bridge(x int32) int32 {
	if x < 0 || x >= t.nb {
		return -1
	}
	if e := t.bridge[x]; e < t.m {
		return e
	}
	return -1
}

// Parent returns the parent node of x, or -1 at the root.
func (t *TargetTree) Parent(x int32) int32 { return t.parent[x] }

// Separators returns how many separators, cut vertices that are not targets
// and bridges, lie on the path from the root to node x, x included.
func (t *TargetTree) Separators(x int32) int32 { return t.bad[x] }
