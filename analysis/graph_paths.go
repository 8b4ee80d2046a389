package analysis

import (
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/netreview/netreview/analysis/internal/graph"

	"github.com/netreview/netreview/topology"
)

// reachPass searches the boundary-free graph from the untrusted zones.
var reachPass = &computation[*reach]{
	name:     "boundary-reach",
	doc:      "which devices the devices of untrusted zones reach without crossing a boundary, by a breadth-first search of the boundary-free graph, with the untrusted zones of each component",
	requires: []passDef{graphsPass},
	run:      func(in *inputs) *reach { return resultOf(in, graphsPass).boundaryReach() },
}

// reach is what the boundary-free graph says about untrusted zones: a
// breadth-first search from every device of a non-criminal-justice, internet
// or public zone at once, and the connected components of the graph.
type reach struct {
	g     *graphs
	tree  graph.Tree // from the untrusted devices; Via is a link (physical edge)
	comp  []int32    // per vertex: its component, or -1 for a boundary device
	zones [][]string // per component: the untrusted zones of its devices, sorted
}

// boundaryReach searches the boundary-free graph. Boundary devices are not
// in it: an untrusted device that is a boundary starts no path, and a CJI
// device that is a boundary is protected by it. Sources are taken in id
// order and adjacency lists are sorted, so every path is deterministic.
func (g *graphs) boundaryReach() *reach {
	in := func(v int32) bool { return g.inside[v] }
	r := &reach{g: g}
	var count int
	r.comp, count = graph.Components(g.phys, in)
	r.zones = make([][]string, count)
	var sources []int32
	// Devices in id order come a site at a time, mostly in the same
	// zones: those of the device before are not looked up again.
	var lastZones, lastUntrusted []string
	for v := range int32(len(g.devs)) {
		if !in(v) {
			continue
		}
		if zones := g.devs[v].Zones; !slices.Equal(zones, lastZones) || lastZones == nil {
			lastZones, lastUntrusted = zones, g.untrustedZones(v)
		}
		if zs := lastUntrusted; len(zs) > 0 {
			r.zones[r.comp[v]] = append(r.zones[r.comp[v]], zs...)
			sources = append(sources, v)
		}
	}
	for c, zs := range r.zones {
		slices.Sort(zs)
		r.zones[c] = sortedUnique(zs)
	}
	r.tree = graph.BFS(g.phys, sources, in)
	return r
}

// untrustedZones returns the ids of the device's zones that are
// non-criminal-justice, internet or public.
func (g *graphs) untrustedZones(v int32) []string {
	var out []string
	for _, id := range g.devs[v].Zones {
		if z := g.Model.Zone(id); z != nil && z.Kind.Untrusted() {
			out = append(out, id)
		}
	}
	return out
}

// reachedDevice is a CJI device that an untrusted zone reaches without
// crossing a boundary.
type reachedDevice struct {
	dev   *topology.Device
	dist  int32    // links from the nearest untrusted device
	zones []string // the untrusted zones of its component, sorted
	v     int32
}

// reachedCJI yields the CJI devices the untrusted zones reach, in id order.
func (r *reach) reachedCJI() iter.Seq[reachedDevice] {
	return func(yield func(reachedDevice) bool) {
		for v, d := range r.g.devs {
			if r.g.cji[v] && r.tree.Dist[v] >= 0 {
				if !yield(reachedDevice{dev: d, dist: r.tree.Dist[v], zones: r.zones[r.comp[v]], v: int32(v)}) {
					return
				}
			}
		}
	}
}

// pathTo is the search's path from the nearest untrusted device to the
// reached device, as ids alternating devices and links.
func (r *reach) pathTo(d reachedDevice) []string {
	g, v := r.g, d.v
	var rev []string
	for x := v; x >= 0; x = r.tree.Parent[x] {
		rev = append(rev, g.ids[x])
		if e := r.tree.Via[x]; e >= 0 {
			rev = append(rev, g.links[e].ID)
		}
	}
	slices.Reverse(rev)
	return rev
}

// cjiPath renders a path of CJI-graph vertices and edges as ids.
func (g *graphs) cjiPath(verts, edges []int32) []string {
	out := make([]string, 0, len(verts)+len(edges))
	for i, v := range verts {
		out = append(out, g.ids[v])
		if i < len(edges) {
			out = append(out, g.edgeID(edges[i]))
		}
	}
	return out
}

// vertexSites returns the sites of the devices of the vertices, each once,
// in the order given, leaving out devices that stand in no site.
func (g *graphs) vertexSites(vs ...int32) []string {
	var out []string
	for _, v := range vs {
		if s := g.devs[v].Site; s != "" {
			out = appendOnce(out, s)
		}
	}
	return out
}

func appendOnce(dst []string, s string) []string {
	for _, have := range dst {
		if have == s {
			return dst
		}
	}
	return append(dst, s)
}

// andList joins words as "a", "a and b", "a, b and c".
func andList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// endsPhrase says where a link or tunnel between the vertices runs, for a
// message: within a site, between sites, or from a site to an end that
// stands in none ("it runs from site bvpd-hq to carrier network vzw-cell"),
// which is not "within" the site.
func (g *graphs) endsPhrase(u, v int32) string {
	a, b := g.devs[u], g.devs[v]
	switch {
	case a.Site != "" && b.Site != "":
		if a.Site == b.Site {
			return "it runs within site " + a.Site
		}
		return "it runs between sites " + a.Site + " and " + b.Site
	case a.Site == "" && b.Site == "":
		return "it runs between " + typeWord(a.Type) + " " + a.ID + " and " + typeWord(b.Type) + " " + b.ID + ", outside every site"
	case a.Site == "":
		a, b = b, a
	}
	return "it runs from site " + a.Site + " to " + typeWord(b.Type) + " " + b.ID
}

// exposedFinding is one link or tunnel that carries CJI out of the secure
// location, with the encryption it has; path gives a path through it.
type exposedFinding struct {
	id     string
	kind   Kind
	enc    *topology.Encryption
	pos    topology.Pos
	sites  []string
	fields topology.FieldPos
	e      int32 // its CJI-graph edge
	i      int   // its place in the list
	paths  *exposurePaths
}

// path is a path between two CJI devices through the link or tunnel, as
// ids alternating devices and links or tunnels: searched for when a rule
// first reports the link or tunnel, since most of them are encrypted and
// none of the encryption rules needs a path for them.
func (x exposedFinding) path() []string { return x.paths.of(x.i, x.e) }

// where is the endsPhrase of its ends.
func (x exposedFinding) where() string { return x.paths.g.endsPhrase(x.paths.g.cjiG.Ends(x.e)) }

// exposurePaths searches and keeps the paths of the exposed links and
// tunnels, by their place in the list.
type exposurePaths struct {
	mu   sync.Mutex // the rules that report exposed links run at the same time
	g    *graphs
	pf   *graph.PathFinder
	done []bool
	path [][]string
}

func (ps *exposurePaths) of(i int, e int32) []string {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if !ps.done[i] {
		verts, edges := ps.pf.Through(e)
		ps.path[i], ps.done[i] = ps.g.cjiPath(verts, edges), true
	}
	return ps.path[i]
}

// exposedFindings lists every exposed link and tunnel in id order.
func (p *cjiPaths) exposedFindings() []exposedFinding {
	g, list := p.g, p.exposedByID()
	out := make([]exposedFinding, 0, len(list))
	ps := &exposurePaths{g: g, pf: graph.NewPathFinder(g.cjiG, g.cji), done: make([]bool, len(list)), path: make([][]string, len(list))}
	for i, x := range list {
		id, e := x.id, x.e
		x := exposedFinding{id: id, e: e, i: i, paths: ps}
		r := g.cjiRefs[e]
		if r.tunnel {
			t := g.tunnels[r.i]
			x.kind, x.enc, x.pos, x.fields = KindTunnel, t.Encryption, t.Pos, t.FieldPos
		} else {
			l := g.links[r.i]
			x.kind, x.enc, x.pos, x.fields = KindLink, l.Encryption, l.Pos, l.FieldPos
		}
		x.sites = g.vertexSites(g.cjiG.Ends(e))
		out = append(out, x)
	}
	return out
}
