package analysis

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/netreview/netreview/topology"
)

// structure is what the redundancy rules share: the sites, which of them
// are cut off, and which elements and shared-risk tags cut which sites off.
// Site lists are indexes into sites, ascending, so sorted by site id.
type structure struct {
	sites    []string  // sites holding a CJI device and no state hub, sorted
	siteCJI  [][]int32 // each site's CJI devices
	siteOf   []int32   // per vertex: the site it is a CJI device of, or -1
	cutOff   []bool    // per site: cut off with every element up
	devCuts  map[int32][]int32
	linkCuts map[int32][]int32
	risks    []riskCut
	paths    []int // per site: redundancy, up to 2
}

// riskCut is one shared-risk tag and the sites it cuts off.
type riskCut struct {
	tag   string
	sites []int32
}

// sitesFor returns the structure, computing it on first use. It is nil when
// the model has no state hub: then no redundancy rule runs.
func (g *Graphs) sitesFor() *structure {
	g.structOnce.Do(func() { g.structure = g.buildStructure() })
	return g.structure
}

// Redundancy returns each site's redundancy to the state hubs, sorted by
// site id, for the sites that hold a CJI device and no state hub; nil when
// the model has no state hub.
func (g *Graphs) Redundancy() []SiteRedundancy {
	st := g.sitesFor()
	if st == nil {
		return nil
	}
	out := make([]SiteRedundancy, len(st.sites))
	for i, s := range st.sites {
		out[i] = SiteRedundancy{Site: s, Paths: st.paths[i]}
	}
	return out
}

func (g *Graphs) buildStructure() *structure {
	m := g.Model
	n := len(g.ids)
	anyHub := false
	hubSites := map[string]bool{}
	for v, d := range g.devs {
		if g.hub[v] {
			anyHub = true
			hubSites[d.Site] = true
		}
	}
	if !anyHub {
		return nil
	}
	st := &structure{siteOf: make([]int32, n), devCuts: map[int32][]int32{}, linkCuts: map[int32][]int32{}}
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
	liveCJI := make([]int32, len(st.sites))
	c := newCutter(g.cjiG, g.hub)
	for i := range st.sites {
		st.siteCJI[i] = flat[starts[i]:starts[i+1]:starts[i+1]]
		for _, v := range st.siteCJI[i] {
			st.siteOf[v] = int32(i)
			if c.live[v] {
				liveCJI[i]++
			}
		}
		st.cutOff[i] = liveCJI[i] == 0
	}

	// Which tunnels fall with each link, and with each device.
	over := make([][]int32, len(g.links))
	for ti, t := range g.tunnels {
		for _, id := range t.Over {
			if li := g.linkIndex(id); li >= 0 {
				over[li] = append(over[li], g.tunnelEdge(ti))
			}
		}
	}
	stamp := make([]uint32, len(g.cjiRefs))
	var ep uint32
	var down []int32
	addLink := func(li int32) {
		if e := g.linkCJI[li]; e >= 0 && stamp[e] != ep {
			stamp[e] = ep
			down = append(down, e)
		}
		for _, e := range over[li] {
			if stamp[e] != ep {
				stamp[e] = ep
				down = append(down, e)
			}
		}
	}
	addDevice := func(v int32) {
		for p := g.phys.adjStart[v]; p < g.phys.adjStart[v+1]; p++ {
			for _, e := range over[g.phys.adjE[p]] {
				if stamp[e] != ep {
					stamp[e] = ep
					down = append(down, e)
				}
			}
		}
	}

	count := make([]int32, len(st.sites))
	cstamp := make([]uint32, len(st.sites))
	var cep uint32
	// cutSites returns the sites not already cut off that are cut off with
	// downV and downE down, and for which keep holds.
	cutSites := func(downV, downE []int32, keep func(s int32) bool) []int32 {
		cep++
		var out []int32
		for _, v := range c.cut(downV, downE) {
			s := st.siteOf[v]
			if s < 0 || st.cutOff[s] || !keep(s) {
				continue
			}
			if cstamp[s] != cep {
				cstamp[s], count[s] = cep, 0
			}
			count[s]++
			if count[s] == liveCJI[s] {
				out = append(out, s)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
		return out
	}

	touches := func(li int32, s int32) bool {
		return st.siteOf[g.phys.eu[li]] == s || st.siteOf[g.phys.ev[li]] == s
	}
	// A device or link whose failure takes down no tunnel cuts off what the
	// block-cut tree says; the others take a cut search each.
	killsTunnel := make([]bool, n)
	for li := range g.links {
		if len(over[li]) > 0 {
			killsTunnel[g.phys.eu[li]], killsTunnel[g.phys.ev[li]] = true, true
		}
	}
	tree := newHubTree(g)
	tree.singleCuts(st, func(v int32) bool { return !killsTunnel[v] }, func(li int32) bool { return len(over[li]) == 0 })
	for v := int32(0); v < int32(n); v++ {
		if g.hub[v] || !killsTunnel[v] {
			continue
		}
		ep++
		down = down[:0]
		addDevice(v)
		own := st.siteOf[v]
		if cut := cutSites([]int32{v}, down, func(s int32) bool { return s != own }); len(cut) > 0 {
			st.devCuts[v] = cut
		}
	}
	for li := range g.links {
		if len(over[li]) == 0 {
			continue
		}
		ep++
		down = down[:0]
		addLink(int32(li))
		if cut := cutSites(nil, down, func(s int32) bool { return !touches(int32(li), s) }); len(cut) > 0 {
			st.linkCuts[int32(li)] = cut
		}
	}

	// Shared-risk tags: one removal per tag, and one more for each site
	// whose own CJI devices or access links carry the tag.
	tagDevs, tagLinks := map[string][]int32{}, map[string][]int32{}
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
	for _, t := range tags {
		devs, links := tagDevs[t], tagLinks[t]
		affected := map[int32]bool{}
		for _, v := range devs {
			if s := st.siteOf[v]; s >= 0 {
				affected[s] = true
			}
		}
		for _, li := range links {
			for _, x := range [2]int32{g.phys.eu[li], g.phys.ev[li]} {
				if s := st.siteOf[x]; s >= 0 {
					affected[s] = true
				}
			}
		}
		// A site cut off by one candidate carrying the tag alone is
		// reported by single-device or single-link instead.
		single := map[int32]bool{}
		for _, v := range devs {
			for _, s := range st.devCuts[v] {
				single[s] = true
			}
		}
		for _, li := range links {
			for _, s := range st.linkCuts[li] {
				single[s] = true
			}
		}
		run := func(skip int32, keep func(s int32) bool) []int32 {
			ep++
			down = down[:0]
			var dv []int32
			for _, v := range devs {
				if skip >= 0 && st.siteOf[v] == skip {
					continue
				}
				dv = append(dv, v)
				addDevice(v)
			}
			for _, li := range links {
				if skip >= 0 && touches(li, skip) {
					continue
				}
				addLink(li)
			}
			if len(dv) == 0 && len(down) == 0 {
				return nil
			}
			return cutSites(dv, down, keep)
		}
		var sites []int32
		for _, s := range run(-1, func(s int32) bool { return !affected[s] && !single[s] }) {
			sites = append(sites, s)
		}
		aff := make([]int32, 0, len(affected))
		for s := range affected {
			if !st.cutOff[s] && !single[s] {
				aff = append(aff, s)
			}
		}
		sort.Slice(aff, func(i, j int) bool { return aff[i] < aff[j] })
		for _, s := range aff {
			if len(run(s, func(x int32) bool { return x == s })) > 0 {
				sites = append(sites, s)
			}
		}
		if len(sites) > 0 {
			sort.Slice(sites, func(i, j int) bool { return sites[i] < sites[j] })
			st.risks = append(st.risks, riskCut{tag: t, sites: sites})
		}
	}
	st.paths = tree.redundancy(st)
	return st
}

// siteNames returns the ids of the sites with the indexes.
func (st *structure) siteNames(idx []int32) []string {
	out := make([]string, len(idx))
	for i, s := range idx {
		out[i] = st.sites[s]
	}
	return out
}

// riskPos returns where the tag is first written: on a device, its site or
// a link (the carrier field for carrier:NAME), in id order.
func (g *Graphs) riskPos(tag string) topology.Pos {
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
