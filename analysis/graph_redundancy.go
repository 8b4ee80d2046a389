package analysis

import "github.com/netreview/netreview/analysis/internal/graph"

// redundancy counts, for each site, the ways its CJI devices have to the
// state hubs in the CJI graph, up to 2: ways that share no device other than
// the site's own CJI devices and the hubs, and no link or tunnel. By
// Menger's theorem a site not cut off has two such ways unless one device
// (not a hub, not its own CJI device) or one edge separates all its CJI
// devices from the hubs: a separator on the tree path above their lowest
// common ancestor.
func redundancy(t *graph.TargetTree, st *siteSet) []int {
	out := make([]int, len(st.sites))
	for i, vs := range st.siteCJI {
		if st.cutOff[i] {
			continue
		}
		anc := t.Ancestor(vs)
		if anc < 0 {
			continue
		}
		seps := t.Separators(anc)
		if v := t.CutVertex(anc); v >= 0 && st.siteOf[v] == int32(i) {
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
func singleCuts(t *graph.TargetTree, g *graphs, sc *siteCuts, plainDev func(v int32) bool, plainLink func(li int32) bool) {
	st := sc.st
	for i, vs := range st.siteCJI {
		s := int32(i)
		if st.cutOff[i] {
			continue
		}
		for x := t.Ancestor(vs); x >= 0; x = t.Parent(x) {
			if v := t.CutVertex(x); v >= 0 {
				if !g.hub[v] && st.siteOf[v] != s && plainDev(v) {
					sc.devCuts[v] = append(sc.devCuts[v], s)
				}
				continue
			}
			e := t.Bridge(x)
			if e < 0 || g.cjiRefs[e].tunnel {
				continue
			}
			li := g.cjiRefs[e].i
			if u, w := g.phys.Ends(li); plainLink(li) && st.siteOf[u] != s && st.siteOf[w] != s {
				sc.linkCuts[li] = append(sc.linkCuts[li], s)
			}
		}
	}
}
