package graph

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/netreview/netreview/analysis/internal/zoo"
)

// zooDir is the Topology Zoo, outside the repository.
const zooDir = "../../../../shared/data/topology-zoo"

func graphOf(n int, edges [][2]int) *Graph {
	eu, ev := make([]int32, len(edges)), make([]int32, len(edges))
	for i, e := range edges {
		eu[i], ev[i] = int32(e[0]), int32(e[1])
	}
	return New(n, eu, ev)
}

// connected reports whether a reaches b with vertex dv and edge de removed
// (-1 for none).
func connected(g *Graph, a, b, dv, de int32) bool {
	seen := make([]bool, g.n)
	seen[a] = true
	queue := []int32{a}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if v == b {
			return true
		}
		for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
			w, e := g.adjV[p], g.adjE[p]
			if e == de || w == dv || seen[w] {
				continue
			}
			seen[w] = true
			queue = append(queue, w)
		}
	}
	return false
}

// bruteCuts returns the articulation points and bridges of g by removing
// each element and searching again.
func bruteCuts(g *Graph) (aps, bridges []int32) {
	for v := int32(0); v < int32(g.n); v++ {
		var nb []int32
		for p := g.adjStart[v]; p < g.adjStart[v+1]; p++ {
			if w := g.adjV[p]; w != v {
				nb = append(nb, w)
			}
		}
		for _, w := range nb[min(1, len(nb)):] {
			if !connected(g, nb[0], w, v, -1) {
				aps = append(aps, v)
				break
			}
		}
	}
	for e := int32(0); e < int32(len(g.eu)); e++ {
		if g.eu[e] != g.ev[e] && !connected(g, g.eu[e], g.ev[e], -1, e) {
			bridges = append(bridges, e)
		}
	}
	return aps, bridges
}

func fastCuts(g *Graph) (aps, bridges []int32) {
	b := Biconnected(g)
	for v := int32(0); v < int32(g.n); v++ {
		if b.Articulation(v) {
			aps = append(aps, v)
		}
	}
	for e := int32(0); e < int32(len(g.eu)); e++ {
		if b.Bridge(e) {
			bridges = append(bridges, e)
		}
	}
	return aps, bridges
}

func TestBiconnected(t *testing.T) {
	tests := []struct {
		name        string
		n           int
		edges       [][2]int
		aps, bridge []int32
	}{
		{"path", 3, [][2]int{{0, 1}, {1, 2}}, []int32{1}, []int32{0, 1}},
		{"parallel circuits are no bridge", 3, [][2]int{{0, 1}, {0, 1}, {1, 2}}, []int32{1}, []int32{2}},
		{"triangle", 3, [][2]int{{0, 1}, {1, 2}, {2, 0}}, nil, nil},
		{"bowtie", 5, [][2]int{{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 2}}, []int32{2}, nil},
		{"self-loop and isolated vertex", 3, [][2]int{{0, 0}, {0, 1}}, nil, []int32{1}},
		{"two components", 4, [][2]int{{0, 1}, {2, 3}, {3, 2}}, nil, []int32{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			aps, bridges := fastCuts(graphOf(tt.n, tt.edges))
			if !reflect.DeepEqual(aps, tt.aps) || !reflect.DeepEqual(bridges, tt.bridge) {
				t.Errorf("got aps %v bridges %v, want %v %v", aps, bridges, tt.aps, tt.bridge)
			}
		})
	}
}

// TestBiconnectedDeep checks that the search is iterative: a path of
// 300,000 vertices would overflow a recursive one's budget.
func TestBiconnectedDeep(t *testing.T) {
	const n = 300000
	edges := make([][2]int, n-1)
	for i := range edges {
		edges[i] = [2]int{i, i + 1}
	}
	aps, bridges := fastCuts(graphOf(n, edges))
	if len(aps) != n-2 || len(bridges) != n-1 {
		t.Errorf("got %d articulation points and %d bridges, want %d and %d", len(aps), len(bridges), n-2, n-1)
	}
}

func zooGraphs(t *testing.T) []*zoo.Graph {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(zooDir, "*.graphml"))
	if len(files) == 0 {
		if _, err := os.Stat(zooDir); err != nil {
			t.Skipf("Topology Zoo not found at %s: %v", zooDir, err)
		}
		t.Skipf("no GraphML files in %s", zooDir)
	}
	sort.Strings(files)
	var out []*zoo.Graph
	for _, f := range files {
		g, err := zoo.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
	return out
}

func zooGraph(z *zoo.Graph) *Graph { return graphOf(len(z.Nodes), z.Edges) }

// zooShortEdges is the largest Topology Zoo network the -short tests use
// (the brute force is quadratic in the edges); the full suite uses all.
const zooShortEdges = 60

// TestZooCuts checks articulation points and bridges against brute force
// on every network of the Topology Zoo, parallel edges kept.

func TestZooCuts(t *testing.T) {
	for _, z := range zooGraphs(t) {
		if testing.Short() && len(z.Edges) > zooShortEdges {
			continue
		}
		g := zooGraph(z)
		fa, fb := fastCuts(g)
		ba, bb := bruteCuts(g)
		if !reflect.DeepEqual(fa, ba) || !reflect.DeepEqual(fb, bb) {
			t.Errorf("%s: fast aps %v bridges %v, brute %v %v", filepath.Base(z.Name), fa, fb, ba, bb)
		}
	}
}

// TestZooExposed checks the block-cut tree's answer to "lies on a simple
// path between two marked vertices" against the two-path flow that
// constructs such a path, on every zoo network with a few marked vertices.
func TestZooExposed(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for _, z := range zooGraphs(t) {
		if testing.Short() && len(z.Edges) > zooShortEdges {
			continue
		}
		g := zooGraph(z)
		marked := make([]bool, g.n)
		for i := 0; i < 1+g.n/8; i++ {
			marked[r.IntN(g.n)] = true
		}
		fast := OnMarkedPaths(g, marked)
		pf := NewPathFinder(g, marked)
		for e := range g.eu {
			verts, _ := pf.Through(int32(e))
			if (verts != nil) != fast[e] {
				t.Errorf("%s: edge %d (%d-%d): block-cut tree says %v, flow found %v", filepath.Base(z.Name), e, g.eu[e], g.ev[e], fast[e], verts)
			}
		}
	}
}

// TestZooCutter checks the local cut search against removal and search on
// every zoo network, with a few vertices as targets.
func TestZooCutter(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for _, z := range zooGraphs(t) {
		if testing.Short() && len(z.Edges) > zooShortEdges {
			continue
		}
		g := zooGraph(z)
		target := make([]bool, g.n)
		for i := 0; i < 1+g.n/50; i++ {
			target[r.IntN(g.n)] = true
		}
		c := NewCutter(g, target)
		check := func(what string, dv, de int32, got []int32) {
			after := reachesTargets(g, target, dv, de)
			var want []int32
			for v := int32(0); v < int32(g.n); v++ {
				if c.live[v] && !after[v] && v != dv {
					want = append(want, v)
				}
			}
			sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
			if len(got) != len(want) || (len(want) > 0 && !reflect.DeepEqual(got, want)) {
				t.Fatalf("%s: %s: cut %v, want %v", filepath.Base(z.Name), what, got, want)
			}
		}
		for v := int32(0); v < int32(g.n); v++ {
			if !target[v] {
				check("vertex", v, -1, c.Cut([]int32{v}, nil))
			}
		}
		for e := int32(0); e < int32(len(g.eu)); e++ {
			check("edge", -1, e, c.Cut(nil, []int32{e}))
		}
	}
}

// randomGraph is a small random multigraph, self-loops and parallel edges
// included.
func randomGraph(r *rand.Rand) *Graph {
	n := 1 + r.IntN(12)
	var edges [][2]int
	for range r.IntN(2 * n) {
		edges = append(edges, [2]int{r.IntN(n), r.IntN(n)})
	}
	return graphOf(n, edges)
}

// reachesTargets reports, for each vertex, whether it reaches a target
// with vertex dv and edge de removed (-1 for none), by search.
func reachesTargets(g *Graph, target []bool, dv, de int32) []bool {
	seen := make([]bool, g.n)
	var queue []int32
	for v := int32(0); v < int32(g.n); v++ {
		if target[v] && v != dv {
			seen[v] = true
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		vs, es := g.Adj(v)
		for i, w := range vs {
			if es[i] != de && w != dv && !seen[w] {
				seen[w] = true
				queue = append(queue, w)
			}
		}
	}
	return seen
}

// TestTargetTree checks the tree's answers against removal and search on
// random graphs: which vertices reach a target, and whether one vertex (not
// a target, not in the set) or one edge separates a set of vertices from
// every target, which is what the separators above their ancestor count.
func TestTargetTree(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for i := range 3000 {
		g := randomGraph(r)
		target := make([]bool, g.n)
		target[r.IntN(g.n)] = true
		if r.IntN(2) == 0 {
			target[r.IntN(g.n)] = true
		}
		tree := NewTargetTree(g, target)
		live := reachesTargets(g, target, -1, -1)
		for v := int32(0); v < int32(g.n); v++ {
			if tree.Reaches(v) != live[v] {
				t.Fatalf("graph %d: Reaches(%d) = %v, search says %v", i, v, !live[v], live[v])
			}
		}
		var set []int32
		inSet := make([]bool, g.n)
		for v := int32(0); v < int32(g.n); v++ {
			if live[v] && !target[v] && r.IntN(3) == 0 {
				set, inSet[v] = append(set, v), true
			}
		}
		if len(set) == 0 {
			continue
		}
		cuts := func(dv, de int32) bool {
			after := reachesTargets(g, target, dv, de)
			for _, v := range set {
				if after[v] {
					return false
				}
			}
			return true
		}
		want := false
		for v := int32(0); v < int32(g.n) && !want; v++ {
			want = !target[v] && !inSet[v] && cuts(v, -1)
		}
		for e := int32(0); e < int32(g.Edges()) && !want; e++ {
			want = cuts(-1, e)
		}
		anc := tree.Ancestor(set)
		seps := tree.Separators(anc)
		if v := tree.CutVertex(anc); v >= 0 && inSet[v] {
			seps--
		}
		if got := seps > 0; got != want {
			t.Fatalf("graph %d %v-%v, targets %v, set %v: tree says a single separator %v, search %v", i, g.eu, g.ev, target, set, got, want)
		}
	}
}

// TestTargetTreeLCA checks the jump-pointer climb against a climb by
// parents, for every pair of a sample of nodes, on random trees deep
// enough that jumps of every length are taken: long paths with random
// branches and random chords (which make blocks of several vertices).
func TestTargetTreeLCA(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	slowLCA := func(tree *TargetTree, a, c int32) int32 {
		for tree.depth[a] > tree.depth[c] {
			a = tree.parent[a]
		}
		for tree.depth[c] > tree.depth[a] {
			c = tree.parent[c]
		}
		for a != c {
			a, c = tree.parent[a], tree.parent[c]
		}
		return a
	}
	for i := range 60 {
		n := 2 + r.IntN(1500)
		var edges [][2]int
		for v := 1; v < n; v++ {
			p := v - 1 // mostly a path: a deep tree
			if r.IntN(8) == 0 {
				p = r.IntN(v)
			}
			edges = append(edges, [2]int{p, v})
		}
		for range r.IntN(n/10 + 1) {
			edges = append(edges, [2]int{r.IntN(n), r.IntN(n)})
		}
		g := graphOf(n, edges)
		target := make([]bool, n)
		target[r.IntN(n)] = true
		tree := NewTargetTree(g, target)
		var nodes []int32
		for v := int32(0); v < int32(n); v++ {
			if x := tree.node(v); tree.under(x) && r.IntN(20) == 0 {
				nodes = append(nodes, x)
			}
		}
		for _, a := range nodes {
			for _, c := range nodes {
				if got, want := tree.lca(a, c), slowLCA(tree, a, c); got != want {
					t.Fatalf("tree %d (%d vertices): lca(%d, %d) = %d, climbing by parents gives %d", i, n, a, c, got, want)
				}
			}
		}
	}
}

// TestSearches checks Components and BFS on a small graph.
func TestSearches(t *testing.T) {
	// 0-1-2-0 and 3-4, 5 alone; vertex 2 is left out.
	g := graphOf(6, [][2]int{{0, 1}, {1, 2}, {3, 4}, {2, 0}})
	in := func(v int32) bool { return v != 2 }
	comp, count := Components(g, in)
	if want := []int32{0, 0, -1, 1, 1, 2}; !reflect.DeepEqual(comp, want) || count != 3 {
		t.Errorf("Components = %v, %d; want %v, 3", comp, count, want)
	}
	tr := BFS(g, []int32{1, 4}, in)
	want := Tree{
		Dist:   []int32{1, 0, -1, 1, 0, -1},
		Parent: []int32{1, -1, -1, 4, -1, -1},
		Via:    []int32{0, -1, -1, 2, -1, -1},
	}
	if !reflect.DeepEqual(tr, want) {
		t.Errorf("BFS = %+v, want %+v", tr, want)
	}
}
