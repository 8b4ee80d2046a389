package analysis

import (
	"cmp"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/netreview/netreview/analysis/internal/graph"
	"github.com/netreview/netreview/internal/parallel"
	"github.com/netreview/netreview/topology"
)

// graphs holds the three graphs of the findings contract, built once from a
// model and shared by every rule:
//
//   - the physical graph: every link;
//   - the CJI graph: the links named in no tunnel's over, plus every tunnel
//     as an edge between its ends;
//   - the boundary-free graph: the physical graph less boundary devices.
//
// Devices are numbered in id order and adjacency lists are sorted, so every
// search over them is deterministic. The structural facts the rules share
// (exposed edges, cut sites) are the results of the passes that require
// graphsPass.
type graphs struct {
	Model *topology.Model

	ids      []string // device ids, sorted: vertex v is ids[v]
	keys     []idKey  // keyOf(ids[v]), for the searches of ids (devSorted)
	devs     []*topology.Device
	cji      []bool             // vertex is a CJI device
	site     []*topology.Site   // vertex's site, as Model.Site gives it, or nil
	secure   []bool             // vertex stands in a physically secure site
	hub      []bool             // vertex is a state hub
	inside   []bool             // vertex enforces no boundary (the boundary-free graph's vertices)
	links    []*topology.Link   // links with known ends, sorted by id
	linkIDs  []string           // their ids
	linkKeys []idKey            // keyOf(linkIDs[i]) (linkSorted)
	tunnels  []*topology.Tunnel // tunnels with known ends, sorted by id
	over     [][]int32          // per tunnel: the index in links of each link of its over, or -1

	phys    *graph.Graph // edge i is links[i]
	cjiG    *graph.Graph // edge i is cjiRefs[i]
	cjiRefs []edgeRef    // what each CJI-graph edge stands for
	linkCJI []int32      // links[i] -> its CJI-graph edge, or -1 when tunneled
}

// graphsPass builds the graphs every structural rule searches.
var graphsPass = &computation[*graphs]{
	name: "cji-graph",
	doc:  "the physical graph and the CJI graph of the model, devices numbered in id order",
	run:  func(in *inputs) *graphs { return newGraphs(in.Model) },
}

// blocksPass finds the CJI-graph edges that can carry CJI.
var blocksPass = &computation[*cjiPaths]{
	name:     "cji-blocks",
	doc:      "the blocks (biconnected components) of the CJI graph, and which of its edges lie on a simple path between two CJI devices",
	requires: []passDef{graphsPass},
	run:      func(in *inputs) *cjiPaths { return newCJIPaths(resultOf(in, graphsPass)) },
}

// exposurePass finds the links and tunnels that carry CJI out of the
// physically secure location, each with a path that shows it.
var exposurePass = &computation[[]exposedFinding]{
	name:     "exposure",
	doc:      "every link and tunnel that carries CJI out of the physically secure location, in id order, each with a path between two CJI devices through it",
	requires: []passDef{blocksPass},
	run: func(in *inputs) []exposedFinding {
		return resultOf(in, blocksPass).exposedFindings()
	},
}

// cjiPaths is which CJI-graph edges lie on some simple path between two
// distinct CJI devices.
type cjiPaths struct {
	g  *graphs
	on []bool // per CJI-graph edge
}

func newCJIPaths(g *graphs) *cjiPaths { return &cjiPaths{g: g, on: graph.OnMarkedPaths(g.cjiG, g.cji)} }

// edgeRef names the link or tunnel a CJI-graph edge stands for.
type edgeRef struct {
	tunnel bool
	i      int32 // index into graphs.links or graphs.tunnels
}

// newGraphs builds the graphs of m. Links and tunnels whose ends name no
// device are left out (validation reports them). At statewide size it is
// the first thing every structural rule waits for, so its steps run side
// by side: the three sorts, then the index of the devices beside their
// facts, then the links in pieces, then the two graphs.
func newGraphs(m *topology.Model) *graphs {
	g := &graphs{Model: m}
	var devs, links, tunnels []int32
	parallel.Run(
		func() { devs, g.keys = firstByID(m.Devices, func(d *topology.Device) string { return d.ID }) },
		func() { links, g.linkKeys = firstByID(m.Links, func(l *topology.Link) string { return l.ID }) },
		func() { tunnels, _ = firstByID(m.Tunnels, func(t *topology.Tunnel) string { return t.ID }) },
	)
	n := len(devs)
	g.ids = make([]string, n)
	g.devs = make([]*topology.Device, n)
	g.cji = make([]bool, n)
	g.hub = make([]bool, n)
	g.inside = make([]bool, n)
	g.secure = make([]bool, n)
	g.site = make([]*topology.Site, n)
	var tasks []func()
	parallel.Split(n, runtime.GOMAXPROCS(0), minPiece, func(lo, hi int) {
		tasks = append(tasks, func() { g.vertices(devs, lo, hi) })
	})
	parallel.Run(tasks...)

	// The links with known ends, in pieces side by side, each written in
	// its own stretch of the lists. Links whose ends are not known leave
	// gaps, closed up after in order (a validated model has none).
	nl := len(links)
	g.links, g.linkIDs = make([]*topology.Link, nl), make([]string, nl)
	pu, pv := make([]int32, nl), make([]int32, nl)
	type piece struct{ lo, n int }
	var pieces []*piece
	tasks = tasks[:0]
	parallel.Split(nl, runtime.GOMAXPROCS(0), minPiece, func(lo, hi int) {
		pc := &piece{lo: lo}
		pieces = append(pieces, pc)
		tasks = append(tasks, func() {
			k := lo
			endsA, endsB := newFinder(g.devSorted()), newFinder(g.devSorted())
			for i, pos := range links[lo:hi] {
				l := m.Links[pos]
				u, okU := endsA.find(l.A, -1)
				v, okV := endsB.find(l.B, u)
				if okU && okV {
					g.links[k], g.linkIDs[k], g.linkKeys[k] = l, l.ID, g.linkKeys[lo+i]
					pu[k], pv[k] = u, v
					k++
				}
			}
			pc.n = k - lo
		})
	})
	parallel.Run(tasks...)
	at := 0
	for _, pc := range pieces {
		if pc.lo != at {
			copy(g.links[at:], g.links[pc.lo:pc.lo+pc.n])
			copy(g.linkIDs[at:], g.linkIDs[pc.lo:pc.lo+pc.n])
			copy(g.linkKeys[at:], g.linkKeys[pc.lo:pc.lo+pc.n])
			copy(pu[at:], pu[pc.lo:pc.lo+pc.n])
			copy(pv[at:], pv[pc.lo:pc.lo+pc.n])
		}
		at += pc.n
	}
	g.links, g.linkIDs, g.linkKeys = g.links[:at:at], g.linkIDs[:at:at], g.linkKeys[:at:at]
	pu, pv = pu[:at], pv[:at]
	// The links some tunnel runs over, which carry CJI only inside
	// tunnels: marked from the tunnels' over lists, a few links each, and
	// kept for the tunnels with known ends. Tunnels one after another
	// name links near each other, mostly: the finders look near the last.
	tunneled := make([]bool, at)
	overs := newFinder(g.linkSorted())
	for _, t := range m.Tunnels {
		for _, id := range t.Over {
			if i, ok := overs.find(id, -1); ok {
				tunneled[i] = true
			}
		}
	}
	var tu, tv []int32
	endsA, endsB := newFinder(g.devSorted()), newFinder(g.devSorted())
	for _, pos := range tunnels {
		t := m.Tunnels[pos]
		u, okU := endsA.find(t.A, -1)
		v, okV := endsB.find(t.B, u)
		if !okU || !okV {
			continue
		}
		g.tunnels, tu, tv = append(g.tunnels, t), append(tu, u), append(tv, v)
		over := make([]int32, len(t.Over))
		for i, id := range t.Over {
			over[i], _ = overs.find(id, -1)
		}
		g.over = append(g.over, over)
	}

	ne := len(g.links) + len(g.tunnels) // at most, CJI-graph edges
	cu, cv := make([]int32, 0, ne), make([]int32, 0, ne)
	g.cjiRefs = make([]edgeRef, 0, ne)
	g.linkCJI = make([]int32, len(g.links))
	for i := range g.links {
		g.linkCJI[i] = -1
		if !tunneled[i] {
			g.linkCJI[i] = int32(len(cu))
			cu, cv = append(cu, pu[i]), append(cv, pv[i])
			g.cjiRefs = append(g.cjiRefs, edgeRef{i: int32(i)})
		}
	}
	for i := range g.tunnels {
		cu, cv = append(cu, tu[i]), append(cv, tv[i])
		g.cjiRefs = append(g.cjiRefs, edgeRef{tunnel: true, i: int32(i)})
	}
	parallel.Run(
		func() { g.phys = graph.New(n, pu, pv) },
		func() { g.cjiG = graph.New(n, cu, cv) },
	)
	return g
}

// minPiece is the fewest devices or links worth a goroutine of their own
// when the graphs are built.
const minPiece = 2048

// vertices fills in the facts of vertices lo to hi-1, the devices at
// positions devs[lo:hi] of the model's list.
func (g *graphs) vertices(devs []int32, lo, hi int) {
	m := g.Model
	// Devices in id order mostly come a site at a time ("a00001-hq-fw",
	// "a00001-hq-rtr"): the site is looked up once for each run.
	var site *topology.Site
	siteID, looked := "", false
	for i := lo; i < hi; i++ {
		d := m.Devices[devs[i]]
		g.ids[i], g.devs[i] = d.ID, d
		g.cji[i] = m.IsCJI(d)
		g.hub[i] = d.Type == topology.StateHub
		g.inside[i] = !d.IsBoundary()
		if !looked || d.Site != siteID {
			site, siteID, looked = m.Site(d.Site), d.Site, true
		}
		if s := site; s != nil {
			g.site[i] = s
			g.secure[i] = s.Security == topology.PhysicallySecure
		}
	}
}

// vertex returns the vertex of the device with the id, and whether there
// is one.
func (g *graphs) vertex(id string) (int32, bool) { return g.devSorted().index(id) }

// devSorted is the device ids, vertex v's at v, for searches.
func (g *graphs) devSorted() sortedIDs { return sortedIDs{g.ids, g.keys} }

// linkSorted is the ids of links, links[i]'s at i, for searches.
func (g *graphs) linkSorted() sortedIDs { return sortedIDs{g.linkIDs, g.linkKeys} }

// firstByID returns the places in list of its elements in id order, each
// id once (the first element of the list that has it, the one the model's
// index keeps, Model.Reindex, so that the model's look-up by that id gives
// it), and the keys of their ids. What is sorted is the ids' keys and
// places, which hold no pointers: the sort reads an id itself only where
// two keys are equal.
func firstByID[T any](list []T, id func(T) string) ([]int32, []idKey) {
	type keyed struct {
		key idKey
		pos int32
	}
	keys := make([]keyed, len(list))
	for i, x := range list {
		keys[i] = keyed{keyOf(id(x)), int32(i)}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if a.key != b.key {
			return compareIDs(a.key, "", b.key, "")
		}
		if c := strings.Compare(id(list[a.pos]), id(list[b.pos])); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	out, outKeys := make([]int32, 0, len(keys)), make([]idKey, 0, len(keys))
	for i, k := range keys {
		if i > 0 && k.key == keys[i-1].key && id(list[k.pos]) == id(list[keys[i-1].pos]) {
			continue
		}
		out, outKeys = append(out, k.pos), append(outKeys, k.key)
	}
	return out, outKeys
}

// edgeID returns the id of the link or tunnel a CJI-graph edge stands for.
func (g *graphs) edgeID(e int32) string {
	r := g.cjiRefs[e]
	if r.tunnel {
		return g.tunnels[r.i].ID
	}
	return g.links[r.i].ID
}

// linkIndex returns the index in g.links of the link with the id, or -1.
func (g *graphs) linkIndex(id string) int32 {
	i, _ := g.linkSorted().index(id)
	return i
}

// tunnelEdge returns the CJI-graph edge of the tunnel with index i.
func (g *graphs) tunnelEdge(i int) int32 { return int32(len(g.cjiRefs) - len(g.tunnels) + i) }

// OnCJIPath reports whether the link or tunnel with the id is an edge of the
// CJI graph that lies on some simple path between two distinct CJI devices.
// A tunneled link is not an edge of the CJI graph.
func (p *cjiPaths) OnCJIPath(id string) bool {
	if e := p.g.cjiEdgeOf(id); e >= 0 {
		return p.on[e]
	}
	return false
}

// Exposed reports whether the link or tunnel with the id carries CJI out of
// the physically secure location, so that it needs encryption: a link that
// leaves the secure location, is named in no tunnel's over and lies on a
// simple path between two CJI devices in the CJI graph; or a tunnel on such a
// path one of whose over links leaves the secure location. The encryption
// rules (and the questions of the unanswered rule) apply to these.
func (p *cjiPaths) Exposed(id string) bool {
	e := p.g.cjiEdgeOf(id)
	return e >= 0 && p.on[e] && p.g.leaves(e)
}

// leaves reports whether the link or tunnel of CJI-graph edge e leaves the
// physically secure location, as Exposed says.
func (g *graphs) leaves(e int32) bool {
	r := g.cjiRefs[e]
	if !r.tunnel {
		return g.linkLeaves(r.i)
	}
	return g.tunnelLeaves(int(r.i))
}

// linkLeaves is Model.LeavesSecureLocation of links[li], from the facts of
// its ends' vertices rather than look-ups by id.
func (g *graphs) linkLeaves(li int32) bool {
	u, v := g.phys.Ends(li)
	return g.links[li].Leaves(g.devs[u].Site == g.devs[v].Site, g.secure[u] && g.secure[v])
}

// ExposedEdges returns the ids of every link and tunnel for which Exposed
// holds, sorted.
func (p *cjiPaths) ExposedEdges() []string {
	var out []string // nil when there is none
	for _, x := range p.exposedByID() {
		out = append(out, x.id)
	}
	return out
}

// idEdge is the id of a link or tunnel and its CJI-graph edge as cjiEdgeOf
// gives it.
type idEdge struct {
	id string
	e  int32
}

// exposedByID lists what ExposedEdges does, with each id's edge. The CJI
// graph's link edges come in id order, then its tunnel edges in id order,
// so the two runs are merged rather than sorted, and an edge's id leads
// back to the edge itself, except for a tunnel that has a link's id.
func (p *cjiPaths) exposedByID() []idEdge {
	g, exposed := p.g, p.on
	nl := len(g.cjiRefs) - len(g.tunnels)
	var links, tunnels []idEdge
	for e := range g.cjiRefs {
		if !exposed[e] {
			continue
		}
		id, ce := g.edgeID(int32(e)), int32(e)
		if e >= nl {
			if ce = g.cjiEdgeOf(id); ce < 0 || !exposed[ce] {
				continue
			}
		}
		if !g.leaves(ce) {
			continue
		}
		if e < nl {
			links = append(links, idEdge{id, ce})
		} else {
			tunnels = append(tunnels, idEdge{id, ce})
		}
	}
	out := make([]idEdge, 0, len(links)+len(tunnels))
	for len(links) > 0 && len(tunnels) > 0 {
		if tunnels[0].id < links[0].id {
			out, tunnels = append(out, tunnels[0]), tunnels[1:]
		} else {
			out, links = append(out, links[0]), links[1:]
		}
	}
	return append(append(out, links...), tunnels...)
}

// tunnelLeaves reports whether one of the over links of tunnels[ti] leaves
// the physically secure location. An over entry naming no link counts as
// leaving: the tunnel's route is then unknown.
func (g *graphs) tunnelLeaves(ti int) bool {
	for i, id := range g.tunnels[ti].Over {
		if li := g.over[ti][i]; li >= 0 {
			if g.linkLeaves(li) {
				return true
			}
			continue
		}
		l := g.Model.Link(id)
		if l == nil || g.Model.LeavesSecureLocation(l) {
			return true
		}
	}
	return false
}

// cjiEdgeOf returns the CJI-graph edge of the link or tunnel id, or -1.
func (g *graphs) cjiEdgeOf(id string) int32 {
	if i := g.linkIndex(id); i >= 0 {
		return g.linkCJI[i]
	}
	i := sort.Search(len(g.tunnels), func(i int) bool { return g.tunnels[i].ID >= id })
	if i < len(g.tunnels) && g.tunnels[i].ID == id {
		return g.tunnelEdge(i)
	}
	return -1
}

// SiteRedundancy is how well one site reaches the state hubs: the number of
// device-disjoint ways its CJI devices have to a state hub in the CJI graph,
// counted up to 2.
//
// Ways are counted from the site's CJI devices together to the hubs
// together: two ways share no device other than the site's own CJI devices
// and the hubs, and no link or tunnel (a tunnel counts as one edge).
type SiteRedundancy struct {
	Site  string `json:"site"`
	Paths int    `json:"paths"` // 0 (cut off), 1 (a single point of failure), 2 (redundant)
}
