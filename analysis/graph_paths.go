package analysis

import (
	"strings"

	"github.com/netreview/netreview/topology"
)

// boundaryPath returns a shortest path in the boundary-free graph from one
// of the vertices srcs to a CJI device, as ids alternating devices and
// links, or nil when there is none. Boundary devices are not in the graph:
// a zone device that is a boundary starts no path, and a CJI device that is
// a boundary is protected by it and ends none. Ties go to the source, then
// the neighbour, then the link, first in id order.
func (g *Graphs) boundaryPath(srcs []int32) []string {
	pg := g.phys
	in := func(v int32) bool { return !g.devs[v].IsBoundary() }
	parent := make(map[int32]int32)
	via := make(map[int32]int32)
	var queue []int32
	for _, v := range srcs {
		if !in(v) {
			continue
		}
		if _, ok := parent[v]; !ok {
			parent[v], via[v] = -1, -1
			queue = append(queue, v)
		}
	}
	for h := 0; h < len(queue); h++ {
		v := queue[h]
		if g.cji[v] {
			var rev []string
			for x := v; x >= 0; x = parent[x] {
				rev = append(rev, g.ids[x])
				if e := via[x]; e >= 0 {
					rev = append(rev, g.links[e].ID)
				}
			}
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			return rev
		}
		for p := pg.adjStart[v]; p < pg.adjStart[v+1]; p++ {
			w := pg.adjV[p]
			if _, ok := parent[w]; ok || !in(w) {
				continue
			}
			parent[w], via[w] = v, pg.adjE[p]
			queue = append(queue, w)
		}
	}
	return nil
}

// cjiPath renders a path of CJI-graph vertices and edges as ids.
func (g *Graphs) cjiPath(verts, edges []int32) []string {
	out := make([]string, 0, len(verts)+len(edges))
	for i, v := range verts {
		out = append(out, g.ids[v])
		if i < len(edges) {
			out = append(out, g.edgeID(edges[i]))
		}
	}
	return out
}

// endSites returns the sites of the devices with the ids, each once, in the
// order given, leaving out devices that stand in no site.
func (g *Graphs) endSites(ids ...string) []string {
	vs := make([]int32, 0, len(ids))
	for _, id := range ids {
		if v, ok := g.index[id]; ok {
			vs = append(vs, v)
		}
	}
	return g.vertexSites(vs...)
}

// vertexSites is endSites for the devices of the vertices.
func (g *Graphs) vertexSites(vs ...int32) []string {
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

// sitesPhrase says where a link or tunnel runs, for a message.
func sitesPhrase(sites []string) string {
	switch len(sites) {
	case 0:
		return "its ends stand in no site"
	case 1:
		return "it runs within site " + sites[0]
	}
	return "it runs between sites " + andList(sites)
}

// exposedFinding is one link or tunnel that carries CJI out of the secure
// location, with a path through it and the encryption it has.
type exposedFinding struct {
	id     string
	kind   Kind
	enc    *topology.Encryption
	pos    topology.Pos
	path   []string
	sites  []string
	fields topology.FieldPos
}

// exposedFindings lists every exposed link and tunnel in id order, with a
// path between two CJI devices through it.
func (g *Graphs) exposedFindings() []exposedFinding {
	list := g.exposedByID()
	out := make([]exposedFinding, 0, len(list))
	var f *flow
	for _, x := range list {
		id, e := x.id, x.e
		if f == nil {
			f = newFlow(g.cjiG)
		}
		verts, edges := g.exposurePath(f, e)
		x := exposedFinding{id: id, path: g.cjiPath(verts, edges)}
		r := g.cjiRefs[e]
		if r.tunnel {
			t := g.tunnels[r.i]
			x.kind, x.enc, x.pos, x.fields = KindTunnel, t.Encryption, t.Pos, t.FieldPos
			x.sites = g.vertexSites(g.cjiG.eu[e], g.cjiG.ev[e])
		} else {
			l := g.links[r.i]
			x.kind, x.enc, x.pos, x.fields = KindLink, l.Encryption, l.Pos, l.FieldPos
			x.sites = g.vertexSites(g.phys.eu[r.i], g.phys.ev[r.i])
		}
		out = append(out, x)
	}
	return out
}
