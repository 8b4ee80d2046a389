package analysis

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/netreview/netreview/analysis/internal/graph"
	"github.com/netreview/netreview/topology"
)

// sitesPass finds the sites the redundancy rules judge.
var sitesPass = &computation[*siteSet]{
	name:     "redundancy-sites",
	doc:      "the sites that hold a CJI device and no state hub, their CJI devices, and which of them reach no hub with every element up; nil when the model has no state hub",
	requires: []passDef{graphsPass, hubTreePass},
	run: func(in *inputs) *siteSet {
		return newSiteSet(resultOf(in, graphsPass), resultOf(in, hubTreePass))
	},
}

// hubTreePass builds the block-cut tree of the CJI graph rooted at the
// state hubs.
var hubTreePass = &computation[*graph.TargetTree]{
	name:     "hub-tree",
	doc:      "the block-cut tree of the CJI graph with the state hubs joined to a root; nil when the model has no state hub",
	requires: []passDef{graphsPass},
	run: func(in *inputs) *graph.TargetTree {
		g := resultOf(in, graphsPass)
		if !slices.Contains(g.hub, true) {
			return nil
		}
		return graph.NewTargetTree(g.cjiG, g.hub)
	},
}

// redundancyPass counts each site's ways to the state hubs, for
// Result.Redundancy.
var redundancyPass = &computation[[]SiteRedundancy]{
	name:     "redundancy",
	doc:      "each redundancy site's device-disjoint ways to the state hubs, up to 2",
	requires: []passDef{sitesPass, hubTreePass},
	run: func(in *inputs) []SiteRedundancy {
		st := resultOf(in, sitesPass)
		if st == nil {
			return nil
		}
		paths := redundancy(resultOf(in, hubTreePass), st)
		out := make([]SiteRedundancy, len(st.sites))
		for i, s := range st.sites {
			out[i] = SiteRedundancy{Site: s, Paths: paths[i]}
		}
		return out
	},
}

// siteCutsPass finds the devices and links whose failure alone cuts a site
// off.
var siteCutsPass = &computation[*siteCuts]{
	name:     "site-cuts",
	doc:      "the devices and the links whose failure alone cuts a redundancy site off from every state hub; nil when the model has no state hub",
	requires: []passDef{graphsPass, sitesPass, hubTreePass},
	run: func(in *inputs) *siteCuts {
		st := resultOf(in, sitesPass)
		if st == nil {
			return nil
		}
		return newSiteCuts(resultOf(in, graphsPass), st, resultOf(in, hubTreePass))
	},
}

// riskCutsPass finds the shared-risk tags that cut a site off.
var riskCutsPass = &computation[[]riskCut]{
	name:     "risk-cuts",
	doc:      "the shared-risk tags whose elements, all down, cut a redundancy site off that no single element does",
	requires: []passDef{graphsPass, siteCutsPass},
	run: func(in *inputs) []riskCut {
		sc := resultOf(in, siteCutsPass)
		if sc == nil {
			return nil
		}
		return sc.riskCuts(resultOf(in, graphsPass))
	},
}

// siteSet is the sites the redundancy rules judge: those holding a CJI
// device and no state hub, sorted by id. Site lists elsewhere are indexes
// into sites, ascending, so sorted by site id.
type siteSet struct {
	sites   []string  // site ids, sorted
	siteCJI [][]int32 // each site's CJI devices
	siteOf  []int32   // per vertex: the site it is a CJI device of, or -1
	cutOff  []bool    // per site: cut off with every element up
	liveCJI []int32   // per site: its CJI devices that reach a hub
}

// newSiteSet gathers the redundancy sites; it returns nil when the model
// has no state hub (tree is nil): then no redundancy rule has anything to
// judge.
func newSiteSet(g *graphs, tree *graph.TargetTree) *siteSet {
	if tree == nil {
		return nil
	}
	hubSites := map[string]bool{}
	for v, d := range g.devs {
		if g.hub[v] {
			hubSites[d.Site] = true
		}
	}
	st := &siteSet{siteOf: make([]int32, len(g.ids))}
	// The sites' CJI devices, sorted by site id, then vertex: sorting the
	// sites' keys and the vertices, which hold no pointers, rather than
	// gathering them in a map by site id.
	type member struct {
		key idKey // of the device's site id
		v   int32
	}
	ncji := 0
	for _, c := range g.cji {
		if c {
			ncji++
		}
	}
	ms := make([]member, 0, ncji)
	for v, d := range g.devs {
		st.siteOf[v] = -1
		if g.cji[v] && d.Site != "" && g.site[v] != nil && !hubSites[d.Site] {
			ms = append(ms, member{keyOf(d.Site), int32(v)})
		}
	}
	slices.SortFunc(ms, func(a, b member) int {
		if a.key != b.key {
			return compareIDs(a.key, "", b.key, "")
		}
		if c := strings.Compare(g.devs[a.v].Site, g.devs[b.v].Site); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})
	flat := make([]int32, len(ms))
	var starts []int
	for i, x := range ms {
		flat[i] = x.v
		if i == 0 || x.key != ms[i-1].key || g.devs[x.v].Site != g.devs[ms[i-1].v].Site {
			st.sites = append(st.sites, g.devs[x.v].Site)
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(ms))
	st.siteCJI = make([][]int32, len(st.sites))
	st.cutOff = make([]bool, len(st.sites))
	st.liveCJI = make([]int32, len(st.sites))
	for i := range st.sites {
		st.siteCJI[i] = flat[starts[i]:starts[i+1]:starts[i+1]]
		for _, v := range st.siteCJI[i] {
			st.siteOf[v] = int32(i)
			if tree.Reaches(v) {
				st.liveCJI[i]++
			}
		}
		st.cutOff[i] = st.liveCJI[i] == 0
	}
	return st
}

// siteNames returns the ids of the sites with the indexes.
func (st *siteSet) siteNames(idx []int32) []string {
	out := make([]string, len(idx))
	for i, s := range idx {
		out[i] = st.sites[s]
	}
	return out
}

// siteCuts is what single-device and single-link report: the sites each
// device and each link (by index into graphs.links) cuts off alone.
type siteCuts struct {
	g        *graphs
	st       *siteSet
	devCuts  map[int32][]int32
	linkCuts map[int32][]int32
	search   *failureSearch // kept for the shared-risk searches
}

// elementCut is a device or link that alone cuts off the sites.
type elementCut[T any] struct {
	elem  T
	sites []string
}

// devices returns the devices that cut a site off alone, in id order.
func (sc *siteCuts) devices() []elementCut[*topology.Device] {
	return cutsOf(sc.st, sc.devCuts, func(v int32) *topology.Device { return sc.g.devs[v] })
}

// links returns the links that cut a site off alone, in id order.
func (sc *siteCuts) links() []elementCut[*topology.Link] {
	return cutsOf(sc.st, sc.linkCuts, func(li int32) *topology.Link { return sc.g.links[li] })
}

// cutsOf lists cuts (by vertex or link index, so in id order) with their
// elements and site names.
func cutsOf[T any](st *siteSet, cuts map[int32][]int32, elem func(int32) T) []elementCut[T] {
	keys := slices.Sorted(maps.Keys(cuts))
	out := make([]elementCut[T], len(keys))
	for i, k := range keys {
		out[i] = elementCut[T]{elem(k), st.siteNames(cuts[k])}
	}
	return out
}

// cutOffSites returns the sites that reach no state hub with every element
// up, in id order.
func (st *siteSet) cutOffSites() []string {
	var out []string
	for i, s := range st.sites {
		if st.cutOff[i] {
			out = append(out, s)
		}
	}
	return out
}

// newSiteCuts finds the single points of failure: a device or link whose
// failure takes down no tunnel cuts off what the block-cut tree says; each
// of the others takes a cut search.
func newSiteCuts(g *graphs, st *siteSet, tree *graph.TargetTree) *siteCuts {
	sc := &siteCuts{g: g, st: st, devCuts: map[int32][]int32{}, linkCuts: map[int32][]int32{}, search: newFailureSearch(g, st)}
	cs := sc.search
	killsTunnel := make([]bool, len(g.ids))
	for li := range g.links {
		if len(cs.over[li]) > 0 {
			u, v := g.phys.Ends(int32(li))
			killsTunnel[u], killsTunnel[v] = true, true
		}
	}
	singleCuts(tree, g, sc, func(v int32) bool { return !killsTunnel[v] }, func(li int32) bool { return len(cs.over[li]) == 0 })
	sc.tunnelDeviceCuts(g, killsTunnel)
	sc.tunnelLinkCuts(g)
	return sc
}

// tunnelDeviceCuts adds the sites cut off by each device (not a hub) whose
// failure takes down a tunnel, by a cut search each.
func (sc *siteCuts) tunnelDeviceCuts(g *graphs, killsTunnel []bool) {
	cs := sc.search
	for v := int32(0); v < int32(len(g.ids)); v++ {
		if g.hub[v] || !killsTunnel[v] {
			continue
		}
		cs.begin()
		cs.addDevice(v)
		own := sc.st.siteOf[v]
		if cut := cs.cutSites([]int32{v}, func(s int32) bool { return s != own }); len(cut) > 0 {
			sc.devCuts[v] = cut
		}
	}
}

// tunnelLinkCuts adds the sites cut off by each link that a tunnel rides,
// by a cut search each.
func (sc *siteCuts) tunnelLinkCuts(g *graphs) {
	cs := sc.search
	for li := range g.links {
		if len(cs.over[li]) == 0 {
			continue
		}
		cs.begin()
		cs.addLink(int32(li))
		if cut := cs.cutSites(nil, func(s int32) bool { return !cs.touches(int32(li), s) }); len(cut) > 0 {
			sc.linkCuts[int32(li)] = cut
		}
	}
}

// failureSearch asks which redundancy sites a set of failures cuts off: the
// failed devices, their links and the CJI-graph edges (links and tunnels)
// that fall with them, gathered with begin, addDevice and addLink, then
// searched with cutSites.
type failureSearch struct {
	g    *graphs
	st   *siteSet
	c    *graph.Cutter
	over [][]int32 // per link: the CJI-graph edges of the tunnels riding it

	stamp []uint32 // per CJI-graph edge: == ep when in down
	ep    uint32
	down  []int32 // the CJI-graph edges down

	count  []int32  // per site: its CJI devices cut off in this search
	cstamp []uint32 // per site: == cep when count is valid
	cep    uint32
	// Per vertex, == cep: down (downAt) or cut off (cutAt) in the search
	// of cutSites that has epoch cep.
	downAt, cutAt []uint32
}

func newFailureSearch(g *graphs, st *siteSet) *failureSearch {
	cs := &failureSearch{
		g: g, st: st, c: graph.NewCutter(g.cjiG, g.hub),
		over:  make([][]int32, len(g.links)),
		stamp: make([]uint32, len(g.cjiRefs)),
		count: make([]int32, len(st.sites)), cstamp: make([]uint32, len(st.sites)),
		downAt: make([]uint32, len(g.ids)), cutAt: make([]uint32, len(g.ids)),
	}
	for ti, over := range g.over {
		for _, li := range over {
			if li >= 0 {
				cs.over[li] = append(cs.over[li], g.tunnelEdge(ti))
			}
		}
	}
	return cs
}

// begin starts a new set of failures.
func (cs *failureSearch) begin() {
	cs.ep++
	cs.down = cs.down[:0]
}

func (cs *failureSearch) addEdge(e int32) {
	if cs.stamp[e] != cs.ep {
		cs.stamp[e] = cs.ep
		cs.down = append(cs.down, e)
	}
}

// addLink fails link li: its CJI-graph edge and the tunnels riding it.
func (cs *failureSearch) addLink(li int32) {
	if e := cs.g.linkCJI[li]; e >= 0 {
		cs.addEdge(e)
	}
	for _, e := range cs.over[li] {
		cs.addEdge(e)
	}
}

// addDevice fails the tunnels riding the links of device v (the device
// itself is passed to cutSites).
func (cs *failureSearch) addDevice(v int32) {
	_, links := cs.g.phys.Adj(v)
	for _, li := range links {
		for _, e := range cs.over[li] {
			cs.addEdge(e)
		}
	}
}

// touches reports whether link li touches a CJI device of site s.
func (cs *failureSearch) touches(li int32, s int32) bool {
	u, v := cs.g.phys.Ends(li)
	return cs.st.siteOf[u] == s || cs.st.siteOf[v] == s
}

// cutSites returns the sites not already cut off that are cut off with the
// devices downV and the edges gathered since begin down, and for which keep
// holds, in ascending order.
func (cs *failureSearch) cutSites(downV []int32, keep func(s int32) bool) []int32 {
	st := cs.st
	cs.cep++
	var out []int32
	for _, v := range downV {
		cs.downAt[v] = cs.cep
	}
	for _, v := range cs.c.Cut(downV, cs.down) {
		cs.cutAt[v] = cs.cep
		s := st.siteOf[v]
		if s < 0 || st.cutOff[s] || !keep(s) {
			continue
		}
		if cs.cstamp[s] != cs.cep {
			cs.cstamp[s], cs.count[s] = cs.cep, 0
		}
		cs.count[s]++
		if cs.count[s] == st.liveCJI[s] {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// stillReaches reports whether, in the search of cutSites that has epoch
// ep, a CJI device of site s that reaches a hub with everything up was
// neither down nor cut off: then s keeps its way to a hub with any part of
// what was down in that search down.
func (cs *failureSearch) stillReaches(s int32, ep uint32) bool {
	for _, v := range cs.st.siteCJI[s] {
		if cs.c.Live(v) && cs.downAt[v] != ep && cs.cutAt[v] != ep {
			return true
		}
	}
	return false
}

// riskCut is one shared-risk tag, the sites it cuts off, and where the tag
// is first written.
type riskCut struct {
	tag   string
	sites []string
	pos   topology.Pos
}

// riskCuts searches every shared-risk tag in turn, in tag order.
func (sc *siteCuts) riskCuts(g *graphs) []riskCut {
	tagDevs, tagLinks := riskTags(g)
	tags := make([]string, 0, len(tagDevs)+len(tagLinks))
	for t := range tagDevs {
		tags = append(tags, t)
	}
	for t := range tagLinks {
		if _, ok := tagDevs[t]; !ok {
			tags = append(tags, t)
		}
	}
	sort.Strings(tags)
	var out []riskCut
	for _, t := range tags {
		if sites := sc.riskSites(tagDevs[t], tagLinks[t]); len(sites) > 0 {
			out = append(out, riskCut{tag: t, sites: sc.st.siteNames(sites), pos: g.riskPos(t)})
		}
	}
	return out
}

// riskTags returns the devices (not hubs) and the links that carry each
// shared-risk tag.
func riskTags(g *graphs) (tagDevs, tagLinks map[string][]int32) {
	m := g.Model
	tagDevs, tagLinks = map[string][]int32{}, map[string][]int32{}
	for v, d := range g.devs {
		if g.hub[v] {
			continue
		}
		if len(d.Risks) == 0 && (g.site[v] == nil || len(g.site[v].Risks) == 0) {
			continue // m.DeviceRisks(d) is empty
		}
		for _, t := range m.DeviceRisks(d) {
			tagDevs[t] = append(tagDevs[t], int32(v))
		}
	}
	carrierTags := map[string]string{}
	for li, l := range g.links {
		if len(l.Risks) == 0 {
			// m.LinkRisks(l) is the carrier's tag alone, or nothing; the tag
			// is built once per carrier.
			if l.Carrier == "" {
				continue
			}
			t, ok := carrierTags[l.Carrier]
			if !ok {
				t = m.LinkRisks(l)[0]
				carrierTags[l.Carrier] = t
			}
			tagLinks[t] = append(tagLinks[t], int32(li))
			continue
		}
		for _, t := range m.LinkRisks(l) {
			tagLinks[t] = append(tagLinks[t], int32(li))
		}
	}
	return tagDevs, tagLinks
}

// riskSites returns the sites that one tag's devices and links, all down,
// cut off: one removal for the tag, and one more for each site whose own
// CJI devices or access links carry the tag (without them, since a site's
// own devices are no failure of its way out). A site that one element
// carrying the tag cuts off alone is left to single-device or single-link.
func (sc *siteCuts) riskSites(devs, links []int32) []int32 {
	cs, st, phys := sc.search, sc.st, sc.search.g.phys
	affected := map[int32]bool{}
	for _, v := range devs {
		if s := st.siteOf[v]; s >= 0 {
			affected[s] = true
		}
	}
	for _, li := range links {
		u, v := phys.Ends(li)
		for _, x := range [2]int32{u, v} {
			if s := st.siteOf[x]; s >= 0 {
				affected[s] = true
			}
		}
	}
	single := map[int32]bool{}
	for _, v := range devs {
		for _, s := range sc.devCuts[v] {
			single[s] = true
		}
	}
	for _, li := range links {
		for _, s := range sc.linkCuts[li] {
			single[s] = true
		}
	}
	searched := false // run has searched, in epoch cs.cep
	run := func(skip int32, keep func(s int32) bool) []int32 {
		cs.begin()
		var dv []int32
		for _, v := range devs {
			if skip >= 0 && st.siteOf[v] == skip {
				continue
			}
			dv = append(dv, v)
			cs.addDevice(v)
		}
		for _, li := range links {
			if skip >= 0 && cs.touches(li, skip) {
				continue
			}
			cs.addLink(li)
		}
		if len(dv) == 0 && len(cs.down) == 0 {
			return nil
		}
		searched = true
		return cs.cutSites(dv, keep)
	}
	sites := run(-1, func(s int32) bool { return !affected[s] && !single[s] })
	if !searched {
		return sites // nothing carries the tag: no site's own search has anything down
	}
	all := cs.cep // the search with every element of the tag down
	// A site's own search has less down than the search of every element:
	// a CJI device that reached a hub there still does. Only the sites that
	// search cut off need one of their own (a carrier tag touches thousands
	// of sites, and each search walks the tag's thousands of links). They
	// are chosen before any runs: a search overwrites the marks of the last.
	aff := make([]int32, 0, len(affected))
	for s := range affected {
		if !st.cutOff[s] && !single[s] && !cs.stillReaches(s, all) {
			aff = append(aff, s)
		}
	}
	slices.Sort(aff)
	for _, s := range aff {
		if len(run(s, func(x int32) bool { return x == s })) > 0 {
			sites = append(sites, s)
		}
	}
	slices.Sort(sites)
	return sites
}

// riskPos returns where the tag is first written: on a device, its site or
// a link (the carrier field for carrier:NAME), in id order.
func (g *graphs) riskPos(tag string) topology.Pos {
	find := func(list []string, fp topology.FieldPos, def topology.Pos) (topology.Pos, bool) {
		for i, t := range list {
			if t == tag {
				return fp.Of("risks["+strconv.Itoa(i)+"]", def), true
			}
		}
		return topology.Pos{}, false
	}
	for v, d := range g.devs {
		if p, ok := find(d.Risks, d.FieldPos, d.Pos); ok {
			return p
		}
		if s := g.site[v]; s != nil {
			if p, ok := find(s.Risks, s.FieldPos, s.Pos); ok {
				return p
			}
		}
	}
	for _, l := range g.links {
		if p, ok := find(l.Risks, l.FieldPos, l.Pos); ok {
			return p
		}
		if l.Carrier != "" && "carrier:"+l.Carrier == tag {
			return l.FieldPos.Of("carrier", l.Pos)
		}
	}
	return topology.Pos{}
}
