package analysis

import (
	"fmt"
	"github.com/netreview/netreview/analysis/internal/graph"
	"slices"
	"strings"
	"testing"

	"github.com/netreview/netreview/topology"

	"github.com/netreview/netreview/internal/generate"
)

// TestExposureNearAgreesWithFlow checks that the shortcut exposurePath takes,
// and the searches' lookahead, give exactly the path the two plain augmenting
// searches give, on every exposed link and tunnel of generated statewide
// models (flawed ones included).
func TestExposureNearAgreesWithFlow(t *testing.T) {
	for seed := range int64(4) {
		m := generate.Statewide(generate.Options{Agencies: 150, Seed: seed})
		m.Reindex()
		g := newGraphs(m)
		paths := newCJIPaths(g)
		pf := graph.NewPathFinder(g.cjiG, g.cji)
		near := 0
		for _, id := range paths.ExposedEdges() {
			e := g.cjiEdgeOf(id)
			nv, ne, ok := pf.Near(e)
			if !ok {
				continue
			}
			near++
			fv, fe := pf.Search(e, false)
			if !slices.Equal(nv, fv) || !slices.Equal(ne, fe) {
				t.Errorf("seed %d, %s: shortcut gives %v %v, the searches %v %v", seed, id, g.cjiPath(nv, ne), ne, g.cjiPath(fv, fe), fe)
			}
		}
		for _, id := range paths.ExposedEdges() {
			e := g.cjiEdgeOf(id)
			lv, le := pf.Search(e, true)
			fv, fe := pf.Search(e, false)
			if !slices.Equal(lv, fv) || !slices.Equal(le, fe) {
				t.Errorf("seed %d, %s: with lookahead %v, without %v", seed, id, g.cjiPath(lv, le), g.cjiPath(fv, fe))
			}
		}
		if near == 0 {
			t.Errorf("seed %d: the shortcut never applied", seed)
		}
	}
}

// TestExposedByIDAgrees checks ExposedEdges, which merges the CJI graph's
// runs of link and tunnel edges, against its definition: every edge's id
// for which Exposed holds, sorted. Some models give tunnels the ids of
// links (which validation allows: ids are unique per kind).
func TestExposedByIDAgrees(t *testing.T) {
	for seed := range int64(4) {
		m := generate.Statewide(generate.Options{Agencies: 150, Seed: seed})
		if seed >= 2 {
			for i, tn := range m.Tunnels {
				if i%3 == 0 {
					tn.ID = m.Links[(i*7+int(seed))%len(m.Links)].ID
				}
			}
		}
		m.Reindex()
		g := newGraphs(m)
		paths := newCJIPaths(g)
		var want []string
		for e := range g.cjiRefs {
			if id := g.edgeID(int32(e)); paths.Exposed(id) {
				want = append(want, id)
			}
		}
		slices.Sort(want)
		got := paths.ExposedEdges()
		if !slices.Equal(got, want) {
			t.Errorf("seed %d: ExposedEdges has %d ids, want %d", seed, len(got), len(want))
		}
		for _, x := range paths.exposedByID() {
			if e := g.cjiEdgeOf(x.id); e != x.e {
				t.Errorf("seed %d: %s has edge %d, cjiEdgeOf gives %d", seed, x.id, x.e, e)
			}
		}
	}
}

// TestExposureFlowLazyAgrees checks that the lookahead searches, which
// generate an out-state's children lazily, find exactly the paths of the
// plain searches on every edge of random models, small and larger (parallel
// links, tunnels, devices joined to many others).
func TestExposureFlowLazyAgrees(t *testing.T) {
	found := 0
	dense, sparse := uint64(400), uint64(1500)
	if testing.Short() {
		dense, sparse = 80, 300
	}
	for seed := range dense {
		size := 9 + int(seed%4)*10
		found += lazyAgrees(t, fmt.Sprint("seed ", seed), randomModelSized(randChooser(seed), size, 2*size, size/3))
	}
	for seed := range sparse {
		found += lazyAgrees(t, fmt.Sprint("sparse seed ", seed), sparseCJIModel(randChooser(seed)))
	}
	if found == 0 {
		t.Error("no search found a path")
	}
}

// lazyAgrees compares the lazy and the plain searches on every edge of m
// and returns how many found a path.
func lazyAgrees(t *testing.T, name string, m *topology.Model) int {
	t.Helper()
	m.Reindex()
	g := newGraphs(m)
	pf := graph.NewPathFinder(g.cjiG, g.cji)
	found := 0
	for e := range g.cjiRefs {
		lv, le := pf.Search(int32(e), true)
		fv, fe := pf.Search(int32(e), false)
		if !slices.Equal(lv, fv) || !slices.Equal(le, fe) {
			t.Fatalf("%s, %s: lazy %v %v, plain %v %v\n%s", name, g.edgeID(int32(e)), g.cjiPath(lv, le), le, g.cjiPath(fv, fe), fe, dumpModel(m))
		}
		if lv != nil {
			found++
		}
	}
	return found
}

// sparseCJIModel is a random graph with few CJI devices among many, so that
// the searches go far and meet the first path (arcs to undo).
func sparseCJIModel(c chooser) *topology.Model {
	m := &topology.Model{Zones: []*topology.Zone{{ID: "cj", Kind: topology.CriminalJustice}}}
	n := 6 + c(30)
	for i := range n {
		cji := c(5) == 0
		m.Devices = append(m.Devices, &topology.Device{ID: fmt.Sprintf("d%02d", i), Type: topology.Router, Zones: []string{"cj"}, CJI: &cji})
	}
	for i := range n + c(2*n) {
		a, b := c(n), c(n-1)
		if b >= a {
			b++
		}
		if i < n-1 { // a spanning tree first, then chords
			a, b = i+1, c(i+1)
		}
		m.Links = append(m.Links, &topology.Link{ID: fmt.Sprintf("l%03d", i), A: m.Devices[a].ID, B: m.Devices[b].ID, Medium: topology.Fiber})
	}
	return m
}

// TestGraphFactsAgree checks what newGraphs resolves once, by vertex and
// link index, against the model's look-ups by id: the devices and links it
// keeps (the first of repeated ids, links and tunnels with known ends), each
// vertex's site and security, and whether each link and tunnel leaves the
// physically secure location. Some models repeat device, link and tunnel
// ids, and name links that do not exist in tunnels' over.
func TestGraphFactsAgree(t *testing.T) {
	for seed := range uint64(600) {
		m := randomModelSized(randChooser(seed), 12, 20, 6)
		if seed%3 == 1 && len(m.Links) > 0 {
			// Repeated ids: a device at another site, a link with its ends
			// swapped; a link with an unknown end; a tunnel over these and
			// a link that does not exist.
			d := *m.Devices[int(seed)%len(m.Devices)]
			d.Site = m.Sites[0].ID
			l := *m.Links[int(seed)%len(m.Links)]
			l.A, l.B = l.B, l.A
			m.Devices = append(m.Devices, &d)
			ghost := &topology.Link{ID: "l-ghost", A: "ghost", B: d.ID}
			m.Links = append(m.Links, &l, ghost)
			over := []string{l.ID, ghost.ID, "nowhere"}[:1+seed%9/3]
			m.Tunnels = append(m.Tunnels, &topology.Tunnel{ID: "t0", A: l.A, B: l.B, Over: over})
			m.Reindex()
		}
		factsAgree(t, fmt.Sprint("seed ", seed), m)
	}
}

// TestGraphFactsAgreeInPieces is TestGraphFactsAgree on models large
// enough that newGraphs builds the links in pieces side by side (over
// 2*minPiece links), a fifth of them with an end that names no device:
// the pieces leave gaps that are closed up after, keys and all.
func TestGraphFactsAgreeInPieces(t *testing.T) {
	seeds := uint64(4)
	if testing.Short() {
		seeds = 1
	}
	for seed, done := uint64(0), uint64(0); done < seeds; seed++ {
		c := randChooser(seed)
		m := randomModelSized(c, 600, 5*minPiece, 300)
		if len(m.Links) <= 2*minPiece {
			continue // too few links to be cut in pieces
		}
		done++
		for i, l := range m.Links {
			switch c(10) {
			case 0:
				l.A = fmt.Sprint("ghost-", i)
			case 1:
				l.B = fmt.Sprint("ghost-", i)
			}
		}
		m.Reindex()
		factsAgree(t, fmt.Sprint("pieces, seed ", seed), m)
	}
}

func factsAgree(t *testing.T, name string, m *topology.Model) {
	t.Helper()
	g := newGraphs(m)
	var ids []string
	for _, d := range m.Devices {
		if m.Device(d.ID) == d && !slices.Contains(ids, d.ID) {
			ids = append(ids, d.ID)
		}
	}
	slices.Sort(ids)
	if !slices.Equal(g.ids, ids) {
		t.Fatalf("%s: vertices %v, want %v", name, g.ids, ids)
	}
	for v, d := range g.devs {
		if got, ok := g.vertex(d.ID); d != m.Device(g.ids[v]) || !ok || got != int32(v) {
			t.Errorf("%s: vertex %d is not device %s", name, v, g.ids[v])
		}
		if g.site[v] != m.Site(d.Site) || g.secure[v] != m.InSecureLocation(d) {
			t.Errorf("%s: device %s: site %v secure %v", name, d.ID, g.site[v], g.secure[v])
		}
	}
	var links []*topology.Link
	for _, l := range m.Links {
		if m.Link(l.ID) == l && m.Device(l.A) != nil && m.Device(l.B) != nil {
			links = append(links, l)
		}
	}
	slices.SortFunc(links, func(a, b *topology.Link) int { return strings.Compare(a.ID, b.ID) })
	if !slices.Equal(g.links, links) {
		t.Fatalf("%s: %d links, want %d", name, len(g.links), len(links))
	}
	for li, l := range g.links {
		if g.linkKeys[li] != keyOf(l.ID) {
			t.Errorf("%s: link %s: its key is not its id's", name, l.ID)
		}
		u, v := g.phys.Ends(int32(li))
		if g.linkIDs[li] != l.ID || g.ids[u] != l.A || g.ids[v] != l.B {
			t.Errorf("%s: link %s: ends or id differ", name, l.ID)
		}
		if got, want := g.linkLeaves(int32(li)), m.LeavesSecureLocation(l); got != want {
			t.Errorf("%s: link %s leaves %v, want %v", name, l.ID, got, want)
		}
		if got, want := g.linkCJI[li] < 0, tunneled(m, l.ID); got != want {
			t.Errorf("%s: link %s is tunneled %v, want %v", name, l.ID, got, want)
		}
	}
	for ti, tn := range g.tunnels {
		for i, id := range tn.Over {
			want := int32(slices.Index(g.linkIDs, id))
			if got := g.over[ti][i]; got != want {
				t.Errorf("%s: tunnel %s: over %s is link %d, want %d", name, tn.ID, id, got, want)
			}
		}
		want := false
		for _, id := range tn.Over {
			if l := m.Link(id); l == nil || m.LeavesSecureLocation(l) {
				want = true
			}
		}
		if got := g.tunnelLeaves(ti); got != want {
			t.Errorf("%s: tunnel %s leaves %v, want %v", name, tn.ID, got, want)
		}
	}
}

// TestCompareIDs holds compareIDs, which compares ids by their first 16
// bytes first, to strings.Compare, on ids short and long, with zero bytes
// and shared prefixes.
func TestCompareIDs(t *testing.T) {
	c := randChooser(7)
	alphabet := "\x00\x01a-z\xff"
	id := func() string {
		b := make([]byte, c(24))
		for i := range b {
			b[i] = alphabet[c(len(alphabet))]
		}
		return string(b)
	}
	for range 20000 {
		a, b := id(), id()
		if c(3) == 0 {
			b = a[:c(len(a)+1)] + b[:c(len(b)+1)]
		}
		if got, want := compareIDs(keyOf(a), a, keyOf(b), b), strings.Compare(a, b); got != want {
			t.Fatalf("compareIDs(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}
