// Package rootcause groups findings that share one cause, so that a report
// or a letter presents one item to fix where the rules, each answering its
// own question, give several findings:
//
//   - A chain: single-device and single-link findings that cut off the
//     same set of sites. Each element of the chain is a single point of
//     failure of the same sites: together they are the one path those sites
//     hang on, and one second path fixes them all.
//   - A path: unencrypted-exit and weak-encryption findings whose links or
//     tunnels lie on one path between CJI devices. Protecting the traffic
//     end to end (one tunnel over the path) fixes them together.
//
// Waived findings are left out: they are no item to fix. A group has at
// least two findings; a finding that shares its cause with no other is no
// group. The findings themselves are not changed.
package rootcause

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
)

// Kind is the kind of a root cause.
type Kind string

// The kinds of root cause.
const (
	// Chain is a set of single points of failure that cut off the same
	// sites.
	Chain Kind = "chain"
	// Path is a set of unprotected links or tunnels along one path.
	Path Kind = "path"
)

// Group is one root cause and the findings it explains.
type Group struct {
	Kind Kind
	// Sites are the sites concerned: those the chain cuts off, or those
	// the path's links run between, sorted.
	Sites []string
	// Elements are the findings' subjects in order: along the chain from
	// the sites toward the state hubs, or along the path.
	Elements []string
	// From and To are, for a path, the CJI devices at the ends of the
	// longest of its findings' paths.
	From, To string
	// Members are the indices of the group's findings in the list given
	// to Find, in that list's order.
	Members []int
}

// Find returns the root causes that group two or more of fs's unwaived
// findings, in the order of their first finding. m is the model the
// findings are of; it orders a chain's elements by their distance from the
// sites it cuts off.
func Find(m *topology.Model, fs []analysis.Finding) []Group { return NewFinder(m).Find(fs) }

// Finder finds the root causes of findings of one model, as Find does,
// building the physical graph that orders chains once for all its calls:
// a state's letters ask once for each of thousands of agencies. It may be
// used from several goroutines at once.
type Finder struct {
	graph func() *graph
}

// NewFinder returns a Finder of the findings of m.
func NewFinder(m *topology.Model) *Finder {
	return &Finder{graph: sync.OnceValue(func() *graph { return newGraph(m) })}
}

// Find is Find of the Finder's model.
func (f *Finder) Find(fs []analysis.Finding) []Group {
	groups := append(chains(f.graph, fs), paths(fs)...)
	slices.SortFunc(groups, func(a, b Group) int { return cmp.Compare(a.Members[0], b.Members[0]) })
	return groups
}

// Of returns, for each finding index, the index in groups of the group it
// belongs to, or -1.
func Of(groups []Group, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for g, gr := range groups {
		for _, i := range gr.Members {
			out[i] = g
		}
	}
	return out
}

func chains(physical func() *graph, fs []analysis.Finding) []Group {
	bySites := map[string]*Group{}
	var order []string
	for i, f := range fs {
		if f.Waived || (f.Rule != "single-device" && f.Rule != "single-link") || len(f.Sites) == 0 {
			continue
		}
		sites := slices.Sorted(slices.Values(f.Sites))
		key := strings.Join(sites, "\x00")
		g := bySites[key]
		if g == nil {
			g = &Group{Kind: Chain, Sites: sites}
			bySites[key] = g
			order = append(order, key)
		}
		g.Members = append(g.Members, i)
	}
	var out []Group
	var g2 *graph
	for _, key := range order {
		g := bySites[key]
		if len(g.Members) < 2 {
			continue
		}
		if g2 == nil {
			g2 = physical()
		}
		targets := map[string]bool{}
		for _, i := range g.Members {
			targets[fs[i].Subject] = true
		}
		dist := g2.distances(g.Sites, targets)
		rank := func(i int) int {
			if d, ok := dist[fs[i].Subject]; ok {
				return d
			}
			return 1 << 30
		}
		members := slices.Clone(g.Members)
		slices.SortStableFunc(members, func(a, b int) int {
			return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(fs[a].Subject, fs[b].Subject))
		})
		for _, i := range members {
			g.Elements = append(g.Elements, fs[i].Subject)
		}
		out = append(out, *g)
	}
	return out
}

// graph is the physical graph, built once for every chain a Finder orders:
// the links at each device, and the devices standing in each site.
type graph struct {
	adj    map[string][]*topology.Link
	bySite map[string][]string
}

func newGraph(m *topology.Model) *graph {
	g := &graph{adj: map[string][]*topology.Link{}, bySite: map[string][]string{}}
	for _, l := range m.Links {
		g.adj[l.A] = append(g.adj[l.A], l)
		g.adj[l.B] = append(g.adj[l.B], l)
	}
	for _, d := range m.Devices {
		if d.Site != "" {
			g.bySite[d.Site] = append(g.bySite[d.Site], d.ID)
		}
	}
	return g
}

// distances measures, in the physical graph, how far each device and link
// of targets is from the devices standing in sites: a device at
// breadth-first distance d counts 2d, a link 2·min(d(a), d(b))+1, so that
// a chain reads device, link, device, ... from the sites outwards. The
// search stops once every target has its distance (a breadth-first search
// gives each its final distance when it first reaches it), so that a
// statewide review's thousands of chains each search only near their
// sites.
func (g *graph) distances(sites []string, targets map[string]bool) map[string]int {
	dist := map[string]int{}
	left := len(targets)
	reached := func(id string, d int) {
		dist[id] = d
		if targets[id] {
			left--
		}
	}
	var queue []string
	for _, site := range sites {
		for _, id := range g.bySite[site] {
			if _, ok := dist[id]; !ok {
				reached(id, 0)
				queue = append(queue, id)
			}
		}
	}
	for len(queue) > 0 && left > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, l := range g.adj[v] {
			w := l.A
			if w == v {
				w = l.B
			}
			if _, ok := dist[l.ID]; !ok {
				reached(l.ID, dist[v]+1)
			}
			if _, ok := dist[w]; !ok {
				reached(w, dist[v]+2)
				queue = append(queue, w)
			}
		}
	}
	return dist
}

func paths(fs []analysis.Finding) []Group {
	cand := pathCandidates(fs)
	return pathGroups(fs, cand, sharedCauses(fs, cand))
}

// pathCandidates are the findings a path cause may group: unwaived
// findings of unencrypted-exit and weak-encryption with a path.
func pathCandidates(fs []analysis.Finding) []int {
	var cand []int
	for i, f := range fs {
		if !f.Waived && (f.Rule == "unencrypted-exit" || f.Rule == "weak-encryption") && len(f.Path) > 0 {
			cand = append(cand, i)
		}
	}
	return cand
}

// sets is a partition of the candidates, by union and find.
type sets []int

func newSets(n int) sets {
	s := make(sets, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func (s sets) find(i int) int {
	for s[i] != i {
		s[i] = s[s[i]]
		i = s[i]
	}
	return i
}

func (s sets) union(a, b int) { s[s.find(a)] = s.find(b) }

// sharedCauses partitions the candidates into the connected sets of the
// relation "one's subject lies on the other's path": two findings then
// share a cause. Each path is read once, its elements looked up among the
// subjects, where asking every pair would take as many steps as the
// square of the candidates (tens of millions at statewide size).
func sharedCauses(fs []analysis.Finding, cand []int) sets {
	s := newSets(len(cand))
	bySubject := map[string][]int{}
	for a, i := range cand {
		bySubject[fs[i].Subject] = append(bySubject[fs[i].Subject], a)
	}
	for b, i := range cand {
		for _, x := range fs[i].Path {
			for _, a := range bySubject[x] {
				if a != b {
					s.union(a, b)
				}
			}
		}
	}
	return s
}

// pathGroups is the groups of two or more candidates that the partition
// puts together, in the order of their first members.
func pathGroups(fs []analysis.Finding, cand []int, s sets) []Group {
	byRoot := map[int]*Group{}
	var order []int
	for k, i := range cand {
		r := s.find(k)
		g := byRoot[r]
		if g == nil {
			g = &Group{Kind: Path}
			byRoot[r] = g
			order = append(order, r)
		}
		g.Members = append(g.Members, i)
	}
	var out []Group
	for _, r := range order {
		g := byRoot[r]
		if len(g.Members) < 2 {
			continue
		}
		// The elements in the order of the longest path among them.
		longest := fs[g.Members[0]].Path
		for _, i := range g.Members {
			if len(fs[i].Path) > len(longest) {
				longest = fs[i].Path
			}
		}
		g.From, g.To = longest[0], longest[len(longest)-1]
		pos := func(i int) int {
			if p := slices.Index(longest, fs[i].Subject); p >= 0 {
				return p
			}
			return len(longest)
		}
		members := slices.Clone(g.Members)
		slices.SortStableFunc(members, func(a, b int) int {
			return cmp.Or(cmp.Compare(pos(a), pos(b)), cmp.Compare(fs[a].Subject, fs[b].Subject))
		})
		var sites []string
		for _, i := range members {
			g.Elements = append(g.Elements, fs[i].Subject)
			sites = append(sites, fs[i].Sites...)
		}
		slices.Sort(sites)
		g.Sites = slices.Compact(sites)
		out = append(out, *g)
	}
	return out
}
