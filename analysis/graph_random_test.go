package analysis

import (
	"fmt"
	"github.com/netreview/netreview/analysis/internal/graph"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/topology"
)

// structuralRules are the rules this file checks against brute force.
var structuralRules = []*Rule{
	unencryptedExit, weakEncryption, fips1402Sunset, missingBoundary,
	noPathToHub, singleDevice, singleLink, sharedRisk,
}

// chooser draws small numbers: from fuzz bytes, or from a seeded generator.
type chooser func(n int) int

func byteChooser(b []byte) chooser {
	i := 0
	return func(n int) int {
		if n <= 1 {
			return 0
		}
		if i >= len(b) {
			return 0
		}
		v := int(b[i]) % n
		i++
		return v
	}
}

func randChooser(seed uint64) chooser {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	return func(n int) int {
		if n <= 1 {
			return 0
		}
		return r.IntN(n)
	}
}

// randomModel builds a small model that exercises every structural case:
// parallel links, tunnels sharing over links, CJI boundaries, devices with
// no site, several hubs, risks and carriers.
func randomModel(c chooser) *topology.Model { return randomModelSized(c, 9, 12, 4) }

// randomModelSized is randomModel with up to 1+maxDev devices, maxLinks
// links and maxTunnels-1 tunnels.
func randomModelSized(c chooser, maxDev, maxLinks, maxTunnels int) *topology.Model {
	m := &topology.Model{}
	m.Zones = []*topology.Zone{
		{ID: "cj", Kind: topology.CriminalJustice},
		{ID: "pub", Kind: topology.Public},
		{ID: "ncj", Kind: topology.NonCriminalJustice},
	}
	nSites := 1 + c(4)
	secs := []topology.Security{topology.PhysicallySecure, topology.PhysicallySecure, topology.ControlledArea}
	for i := 0; i < nSites; i++ {
		s := &topology.Site{ID: fmt.Sprintf("s%d", i), Security: secs[c(len(secs))]}
		if c(4) == 0 {
			s.Risks = []string{"flood"}
		}
		m.Sites = append(m.Sites, s)
	}
	types := []topology.DeviceType{topology.StateHub, topology.Router, topology.Router, topology.Switch,
		topology.Firewall, topology.Server, topology.Workstation, topology.MobileDevice}
	nDev := 2 + c(maxDev)
	for i := 0; i < nDev; i++ {
		d := &topology.Device{ID: fmt.Sprintf("d%d", i), Type: types[c(len(types))]}
		if k := c(nSites + 1); k < nSites {
			d.Site = m.Sites[k].ID
		}
		switch c(6) {
		case 0:
			d.Zones = []string{"pub"}
		case 1:
			d.Zones = []string{"cj", "ncj"}
		case 2:
			d.Zones = nil
		default:
			d.Zones = []string{"cj"}
		}
		switch c(6) {
		case 0:
			t := true
			d.CJI = &t
		case 1:
			f := false
			d.CJI = &f
		}
		switch c(6) {
		case 0:
			d.Boundary = topology.BoundaryACL
		case 1:
			d.Boundary = topology.BoundaryNone
		}
		if c(5) == 0 {
			d.Risks = []string{"rack"}
		}
		m.Devices = append(m.Devices, d)
	}
	media := []topology.Medium{topology.Fiber, topology.Ethernet, topology.MPLS, topology.Cellular}
	nLinks := c(maxLinks)
	for i := 0; i < nLinks; i++ {
		a := c(nDev)
		b := c(nDev - 1)
		if b >= a {
			b++
		}
		l := &topology.Link{ID: fmt.Sprintf("l%d", i), A: m.Devices[a].ID, B: m.Devices[b].ID,
			Medium: media[c(len(media))], ProtectedMedium: c(3) == 0}
		if i > 0 && c(5) == 0 { // a parallel circuit
			prev := m.Links[c(i)]
			l.A, l.B = prev.A, prev.B
		}
		switch c(6) {
		case 0:
			l.Encryption = &topology.Encryption{Protocol: topology.ProtoNone}
		case 1:
			l.Encryption = &topology.Encryption{Protocol: topology.ProtoMACsec, FIPS: "4316", Standard: topology.FIPS1402, Bits: 256}
		case 2:
			l.Encryption = &topology.Encryption{Protocol: topology.ProtoIPsec, Bits: 128}
		}
		switch c(4) {
		case 0:
			l.Carrier = "att"
		case 1:
			l.Carrier = "vz"
		}
		if c(5) == 0 {
			l.Risks = []string{"rack"}
		}
		m.Links = append(m.Links, l)
	}
	if nLinks > 0 {
		for i, n := 0, c(maxTunnels); i < n; i++ {
			a := c(nDev)
			b := c(nDev - 1)
			if b >= a {
				b++
			}
			t := &topology.Tunnel{ID: fmt.Sprintf("t%d", i), A: m.Devices[a].ID, B: m.Devices[b].ID}
			for j, k := 0, 1+c(3); j < k; j++ {
				t.Over = append(t.Over, m.Links[c(nLinks)].ID)
			}
			switch c(4) {
			case 0:
				t.Encryption = &topology.Encryption{Protocol: topology.ProtoNone}
			case 1:
				t.Encryption = &topology.Encryption{Protocol: topology.ProtoIPsec, FIPS: "4500", Standard: topology.FIPS1403, Bits: 256}
			case 2:
				t.Encryption = &topology.Encryption{Protocol: topology.ProtoIPsec, FIPS: "4500", Bits: 64}
			}
			m.Tunnels = append(m.Tunnels, t)
		}
	}
	m.Reindex()
	return m
}

// brute holds the definitions of the findings contract, computed the slow
// way: enumerating simple paths, and removing elements and searching again.
type brute struct {
	m     *topology.Model
	hubs  map[string]bool
	sites []string            // redundancy sites
	cji   map[string][]string // redundancy site -> its CJI devices
}

func newBrute(m *topology.Model) *brute {
	b := &brute{m: m, hubs: map[string]bool{}, cji: map[string][]string{}}
	hubSites := map[string]bool{}
	for _, d := range m.Devices {
		if d.Type == topology.StateHub {
			b.hubs[d.ID] = true
			hubSites[d.Site] = true
		}
	}
	for _, d := range m.Devices {
		if m.IsCJI(d) && d.Site != "" && m.Site(d.Site) != nil && !hubSites[d.Site] {
			b.cji[d.Site] = append(b.cji[d.Site], d.ID)
		}
	}
	for s := range b.cji {
		b.sites = append(b.sites, s)
	}
	sort.Strings(b.sites)
	return b
}

type bedge struct{ id, a, b string }

// cjiEdges returns the CJI graph's edges that are up with the devices and
// links in down down.
func (b *brute) cjiEdges(down map[string]bool) []bedge {
	m := b.m
	var out []bedge
	for _, l := range m.Links {
		if !tunneled(m, l.ID) && !down[l.ID] && !down[l.A] && !down[l.B] {
			out = append(out, bedge{l.ID, l.A, l.B})
		}
	}
	for _, t := range m.Tunnels {
		up := !down[t.A] && !down[t.B]
		for _, id := range t.Over {
			l := m.Link(id)
			up = up && !down[id] && !down[l.A] && !down[l.B]
		}
		if up {
			out = append(out, bedge{t.ID, t.A, t.B})
		}
	}
	return out
}

// reach returns the devices that reach a hub over edges.
func (b *brute) reach(edges []bedge, down map[string]bool) map[string]bool {
	seen := map[string]bool{}
	var queue []string
	for h := range b.hubs {
		seen[h] = true
		queue = append(queue, h)
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range edges {
			for _, p := range [][2]string{{e.a, e.b}, {e.b, e.a}} {
				if p[0] == v && !seen[p[1]] && !down[p[1]] {
					seen[p[1]] = true
					queue = append(queue, p[1])
				}
			}
		}
	}
	return seen
}

// cutOff returns the redundancy sites cut off with down down.
func (b *brute) cutOff(down map[string]bool) map[string]bool {
	r := b.reach(b.cjiEdges(down), down)
	out := map[string]bool{}
	for _, s := range b.sites {
		any := false
		for _, d := range b.cji[s] {
			any = any || (r[d] && !down[d])
		}
		if !any {
			out[s] = true
		}
	}
	return out
}

// ownCJI reports whether device id is one of site s's CJI devices.
func (b *brute) ownCJI(s, id string) bool {
	for _, d := range b.cji[s] {
		if d == id {
			return true
		}
	}
	return false
}

// onPath returns the CJI-graph edges on some simple path between two
// distinct CJI devices, by enumerating simple paths.
func (b *brute) onPath() map[string]bool {
	m := b.m
	if len(m.Devices) > 10 {
		return flowOnPath(m)
	}
	edges := b.cjiEdges(nil)
	out := map[string]bool{}
	var walk func(v, start string, visited map[string]bool, used []string)
	walk = func(v, start string, visited map[string]bool, used []string) {
		if v != start && m.IsCJI(m.Device(v)) {
			for _, e := range used {
				out[e] = true
			}
		}
		for _, e := range edges {
			w := ""
			switch {
			case e.a == v && e.b != v:
				w = e.b
			case e.b == v && e.a != v:
				w = e.a
			default:
				continue
			}
			if visited[w] {
				continue
			}
			visited[w] = true
			walk(w, start, visited, append(used, e.id))
			visited[w] = false
		}
	}
	for _, d := range m.Devices {
		if m.IsCJI(d) {
			walk(d.ID, d.ID, map[string]bool{d.ID: true}, nil)
		}
	}
	return out
}

// flowOnPath is onPath for models too big to enumerate: an edge u-v is on
// such a path iff two disjoint paths lead from u and from v to two distinct
// CJI devices without it, which the two-path flow decides.
func flowOnPath(m *topology.Model) map[string]bool {
	g := newGraphs(m)
	pf := graph.NewPathFinder(g.cjiG, g.cji)
	out := map[string]bool{}
	for e := range g.cjiRefs {
		if verts, _ := pf.Through(int32(e)); verts != nil {
			out[g.edgeID(int32(e))] = true
		}
	}
	return out
}

// key is what brute force and the rules must agree on.
func key(rule, subject string, sites []string) string {
	return rule + " " + subject + " [" + strings.Join(sites, ",") + "]"
}

// expected returns the structural findings of the definitions, as keys.
func (b *brute) expected(date time.Time) []string {
	m := b.m
	var out []string
	on := b.onPath()
	sitesOf := func(ids ...string) []string {
		var s []string
		for _, id := range ids {
			if d := m.Device(id); d.Site != "" {
				s = appendOnce(s, d.Site)
			}
		}
		return s
	}
	encRule := func(id string, enc *topology.Encryption, sites []string) {
		switch classifyEncryption(enc) {
		case encCleartext:
			out = append(out, key("unencrypted-exit", id, sites))
		case encWeak:
			out = append(out, key("weak-encryption", id, sites))
		case encAccepted:
			if enc.Standard == topology.FIPS1402 && date.After(fips1402SunsetDate) {
				out = append(out, key("fips-140-2-sunset", id, sites))
			}
		}
	}
	for _, l := range m.Links {
		if on[l.ID] && m.LeavesSecureLocation(l) {
			encRule(l.ID, l.Encryption, sitesOf(l.A, l.B))
		}
	}
	for _, t := range m.Tunnels {
		leaves := false
		for _, id := range t.Over {
			leaves = leaves || m.LeavesSecureLocation(m.Link(id))
		}
		if on[t.ID] && leaves {
			encRule(t.ID, t.Encryption, sitesOf(t.A, t.B))
		}
	}
	// missing-boundary: one finding per site (or site-less CJI device)
	// whose CJI devices an untrusted zone reaches.
	for subject, e := range b.boundaryExposure() {
		out = append(out, key("missing-boundary", subject, e.sites))
	}
	if len(b.hubs) == 0 {
		sort.Strings(out)
		return out
	}
	before := b.cutOff(nil)
	for _, s := range b.sites {
		if before[s] {
			out = append(out, key("no-path-to-hub", s, []string{s}))
		}
	}
	single := map[string]map[string]bool{} // element -> sites it cuts alone
	for _, d := range m.Devices {
		if b.hubs[d.ID] {
			continue
		}
		after := b.cutOff(map[string]bool{d.ID: true})
		var cut []string
		for _, s := range b.sites {
			if after[s] && !before[s] && !b.ownCJI(s, d.ID) {
				cut = append(cut, s)
			}
		}
		single[d.ID] = setOf(cut)
		if len(cut) > 0 {
			out = append(out, key("single-device", d.ID, cut))
		}
	}
	for _, l := range m.Links {
		after := b.cutOff(map[string]bool{l.ID: true})
		var cut []string
		for _, s := range b.sites {
			if after[s] && !before[s] && !b.ownCJI(s, l.A) && !b.ownCJI(s, l.B) {
				cut = append(cut, s)
			}
		}
		single[l.ID] = setOf(cut)
		if len(cut) > 0 {
			out = append(out, key("single-link", l.ID, cut))
		}
	}
	tags := map[string][]string{} // tag -> element ids
	for _, d := range m.Devices {
		for _, t := range m.DeviceRisks(d) {
			tags[t] = append(tags[t], d.ID)
		}
	}
	for _, l := range m.Links {
		for _, t := range m.LinkRisks(l) {
			tags[t] = append(tags[t], l.ID)
		}
	}
	for t, elems := range tags {
		var cut []string
		for _, s := range b.sites {
			if before[s] {
				continue
			}
			down := map[string]bool{}
			alone := false
			for _, id := range elems {
				if b.hubs[id] || b.ownCJI(s, id) {
					continue
				}
				if l := m.Link(id); l != nil && (b.ownCJI(s, l.A) || b.ownCJI(s, l.B)) {
					continue
				}
				down[id] = true
				alone = alone || single[id][s]
			}
			if !alone && len(down) > 0 && b.cutOff(down)[s] {
				cut = append(cut, s)
			}
		}
		if len(cut) > 0 {
			out = append(out, key("shared-risk", t, cut))
		}
	}
	sort.Strings(out)
	return out
}

func setOf(xs []string) map[string]bool {
	out := map[string]bool{}
	for _, x := range xs {
		out[x] = true
	}
	return out
}

// exposure is what the definition of missing-boundary says of one subject:
// its sites, the untrusted zones that reach its CJI devices, and the length
// in links of a shortest path from a device of one of them to one of those
// devices.
type exposure struct {
	sites []string
	zones map[string]bool
	dist  int
}

// boundaryExposure applies the definition of missing-boundary by a search
// from each CJI device: the boundary-free graph is the physical graph less
// boundary devices, and an untrusted device reaches a CJI device when a
// path joins them there. The result is keyed by subject: the site, or the
// id of a CJI device that stands in no site.
func (b *brute) boundaryExposure() map[string]*exposure {
	m := b.m
	out := map[string]*exposure{}
	for _, c := range m.Devices {
		if !m.IsCJI(c) || c.IsBoundary() {
			continue
		}
		dist := map[string]int{c.ID: 0}
		queue := []string{c.ID}
		zones := map[string]bool{}
		nearest := -1
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, z := range m.Device(v).Zones {
				if zz := m.Zone(z); zz != nil && zz.Kind.Untrusted() {
					zones[z] = true
					if nearest < 0 {
						nearest = dist[v]
					}
				}
			}
			for _, l := range m.Links {
				for _, p := range [][2]string{{l.A, l.B}, {l.B, l.A}} {
					if p[0] != v || m.Device(p[1]).IsBoundary() {
						continue
					}
					if _, ok := dist[p[1]]; !ok {
						dist[p[1]] = dist[v] + 1
						queue = append(queue, p[1])
					}
				}
			}
		}
		if len(zones) == 0 {
			continue
		}
		subject, sites := c.ID, []string(nil)
		if c.Site != "" {
			subject, sites = c.Site, []string{c.Site}
		}
		e := out[subject]
		if e == nil {
			e = &exposure{sites: sites, zones: map[string]bool{}, dist: nearest}
			out[subject] = e
		}
		for z := range zones {
			e.zones[z] = true
		}
		e.dist = min(e.dist, nearest)
	}
	return out
}

// redundancy is each redundancy site's count of ways, by Menger's theorem:
// 0 when cut off, 2 when no single device (other than hubs and the site's
// own CJI devices) or CJI-graph edge cuts it off, else 1.
func (b *brute) redundancy() []SiteRedundancy {
	if len(b.hubs) == 0 {
		return nil
	}
	m := b.m
	plain := b.cjiEdges(nil)
	cut := func(s string, downDev string, downEdge int) bool {
		var edges []bedge
		for i, e := range plain {
			if i != downEdge && e.a != downDev && e.b != downDev {
				edges = append(edges, e)
			}
		}
		r := b.reach(edges, map[string]bool{downDev: downDev != ""})
		for _, d := range b.cji[s] {
			if r[d] {
				return false
			}
		}
		return true
	}
	out := []SiteRedundancy{}
	for _, s := range b.sites {
		paths := 2
		switch {
		case cut(s, "", -1):
			paths = 0
		default:
			for _, d := range m.Devices {
				if !b.hubs[d.ID] && !b.ownCJI(s, d.ID) && cut(s, d.ID, -1) {
					paths = 1
				}
			}
			for i := range plain {
				if cut(s, "", i) {
					paths = 1
				}
			}
		}
		out = append(out, SiteRedundancy{Site: s, Paths: paths})
	}
	return out
}

// structuralKeys runs the structural rules and returns their findings as
// keys, checking each path on the way.
func structuralKeys(t testing.TB, m *topology.Model, date time.Time) ([]string, *Result) {
	t.Helper()
	pack := defaultPack(structuralRules)
	res, err := Run(m, Config{Pack: pack, Date: date})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var out []string
	for _, f := range res.Findings {
		checkPath(t, m, f)
		out = append(out, key(f.Rule, f.Subject, f.Sites))
	}
	sort.Strings(out)
	return out, res
}

// checkPath checks that a finding's path is a simple path of the right
// graph with the right ends.
func checkPath(t testing.TB, m *topology.Model, f Finding) {
	t.Helper()
	switch f.Rule {
	case "unencrypted-exit", "weak-encryption", "fips-140-2-sunset", "missing-boundary":
	default:
		if f.Path != nil {
			t.Errorf("%s %s: unexpected path %v", f.Rule, f.Subject, f.Path)
		}
		return
	}
	p := f.Path
	if len(p)%2 == 0 {
		t.Fatalf("%s %s: path %v does not run device to device", f.Rule, f.Subject, p)
	}
	seen := map[string]bool{}
	through := false
	for i := 0; i < len(p); i += 2 {
		if m.Device(p[i]) == nil || seen[p[i]] {
			t.Fatalf("%s %s: path %v: bad or repeated device %q", f.Rule, f.Subject, p, p[i])
		}
		seen[p[i]] = true
		if i+2 >= len(p) {
			break
		}
		a, b, id := p[i], p[i+2], p[i+1]
		through = through || id == f.Subject
		var ea, eb string
		if l := m.Link(id); l != nil {
			ea, eb = l.A, l.B
			if f.Rule != "missing-boundary" && tunneled(m, id) {
				t.Fatalf("%s %s: path %v uses tunneled link %s", f.Rule, f.Subject, p, id)
			}
		} else if tu := m.Tunnel(id); tu != nil && f.Rule != "missing-boundary" {
			ea, eb = tu.A, tu.B
		}
		if !(ea == a && eb == b) && !(ea == b && eb == a) {
			t.Fatalf("%s %s: path %v: %s does not join %s and %s", f.Rule, f.Subject, p, id, a, b)
		}
	}
	first, last := m.Device(p[0]), m.Device(p[len(p)-1])
	if f.Rule == "missing-boundary" {
		e := newBrute(m).boundaryExposure()[f.Subject]
		if e == nil {
			t.Fatalf("missing-boundary %s: the definition finds no exposure", f.Subject)
		}
		if e.dist != len(p)/2 {
			t.Fatalf("missing-boundary %s: path %v has %d links, shortest has %d", f.Subject, p, len(p)/2, e.dist)
		}
		inSubject := last.Site == f.Subject || (last.Site == "" && last.ID == f.Subject)
		fromZone := false
		for _, z := range first.Zones {
			fromZone = fromZone || e.zones[z]
		}
		if !m.IsCJI(last) || last.IsBoundary() || !inSubject || !fromZone {
			t.Fatalf("missing-boundary %s: path %v has the wrong ends", f.Subject, p)
		}
		for z := range e.zones {
			if !strings.Contains(f.Message, " "+z+" ") && !strings.Contains(f.Message, " "+z+",") {
				t.Fatalf("missing-boundary %s: message %q does not name zone %s", f.Subject, f.Message, z)
			}
		}
		for i := 0; i < len(p); i += 2 {
			if m.Device(p[i]).IsBoundary() {
				t.Fatalf("missing-boundary %s: path %v crosses boundary %s", f.Subject, p, p[i])
			}
		}
		return
	}
	if !through || !m.IsCJI(first) || !m.IsCJI(last) || first == last {
		t.Fatalf("%s %s: path %v is not between two CJI devices through the subject", f.Rule, f.Subject, p)
	}
}

var lateDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// agree checks the rules against brute force on one model.
func agree(t testing.TB, m *topology.Model) {
	t.Helper()
	b := newBrute(m)
	got, res := structuralKeys(t, m, lateDate)
	want := b.expected(lateDate)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("findings differ\n got: %q\nwant: %q\nmodel: %s", got, want, dumpModel(m))
	}
	if wantR := b.redundancy(); !reflect.DeepEqual(res.Redundancy, wantR) && !(len(wantR) == 0 && len(res.Redundancy) == 0) {
		t.Fatalf("redundancy differs\n got: %v\nwant: %v\nmodel: %s", res.Redundancy, wantR, dumpModel(m))
	}
}

func dumpModel(m *topology.Model) string {
	var sb strings.Builder
	for _, s := range m.Sites {
		fmt.Fprintf(&sb, "\nsite %s %s risks=%v", s.ID, s.Security, s.Risks)
	}
	for _, d := range m.Devices {
		fmt.Fprintf(&sb, "\ndevice %s %s site=%q zones=%v cji=%v boundary=%v risks=%v", d.ID, d.Type, d.Site, d.Zones, m.IsCJI(d), d.IsBoundary(), d.Risks)
	}
	for _, l := range m.Links {
		fmt.Fprintf(&sb, "\nlink %s %s-%s %s prot=%v enc=%v carrier=%q risks=%v", l.ID, l.A, l.B, l.Medium, l.ProtectedMedium, l.Encryption, l.Carrier, l.Risks)
	}
	for _, tu := range m.Tunnels {
		fmt.Fprintf(&sb, "\ntunnel %s %s-%s over=%v enc=%v", tu.ID, tu.A, tu.B, tu.Over, tu.Encryption)
	}
	return sb.String()
}

func TestStructuralAgreement(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	for seed := uint64(0); seed < uint64(n); seed++ {
		m := randomModel(randChooser(seed))
		t.Run("", func(t *testing.T) {
			defer func() {
				if t.Failed() {
					t.Logf("seed %d", seed)
				}
			}()
			agree(t, m)
		})
		if t.Failed() {
			return
		}
	}
}

// TestStructuralAgreementMedium compares the removal rules with brute force
// on models of up to 30 devices, where the local cut searches interleave.
func TestStructuralAgreementMedium(t *testing.T) {
	n := 600
	if testing.Short() {
		n = 40
	}
	for seed := uint64(0); seed < uint64(n); seed++ {
		m := randomModelSized(randChooser(1e6+seed), 28, 45, 8)
		agree(t, m)
		if t.Failed() {
			t.Fatalf("seed %d", seed)
		}
	}
}

func FuzzStructuralAgreement(f *testing.F) {
	f.Add([]byte{3, 5, 1, 2, 0, 0, 4, 4, 9, 9, 1, 2, 3})
	f.Add([]byte("parallel links and tunnels over shared circuits"))
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, randomModel(byteChooser(data)))
	})
}

// TestFinder checks the searches of the sorted ids (vertex, and finder's
// near ones) against a map, from every starting vertex, on random ids:
// short and long ones (longer than a key's 16 bytes, sharing its prefix),
// ids that begin others, and ids no device has.
func TestFinder(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	parts := []string{"a", "hq", "riverbend-pd-headquarters", "fw", "rtr-1", "rtr-10", "ws", "-", "é"}
	word := func() string {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		return b.String()
	}
	for round := range 200 {
		m := &topology.Model{}
		for range r.IntN(60) {
			m.Devices = append(m.Devices, &topology.Device{ID: word(), Type: topology.Router})
		}
		m.Reindex()
		g := newGraphs(m)
		index := map[string]int32{}
		for v, id := range g.ids {
			index[id] = int32(v)
		}
		queries := slices.Clone(g.ids)
		for range 20 {
			queries = append(queries, word()) // mostly no device's
		}
		for _, id := range queries {
			want, wantOK := index[id]
			if v, ok := g.vertex(id); ok != wantOK || ok && v != want {
				t.Fatalf("round %d: vertex(%q) = %d, %v; want %d, %v (ids %q)", round, id, v, ok, want, wantOK, g.ids)
			}
		}
		// From every start, with no hint and a few random ones, and no
		// vertex to find again and a random one. Models of over
		// 2*nearSpan devices have ids beyond a near search's reach.
		n := len(g.ids)
		hints := []int{-1, r.IntN(n+2) - 1, r.IntN(n+2) - 1, r.IntN(n+2) - 1}
		agains := []int{-1, r.IntN(n+1) - 1}
		for start := -1; start <= n; start++ {
			for _, hint := range hints {
				for _, again := range agains {
					for _, id := range queries {
						f := finder{s: g.devSorted(), last: start, again: again}
						v, ok := f.find(id, int32(hint))
						want, wantOK := index[id]
						if ok != wantOK || ok && v != want {
							t.Fatalf("round %d: find(%q, %d) from %d, again %d = %d, %v; want %d, %v (ids %q)", round, id, hint, start, again, v, ok, want, wantOK, g.ids)
						}
						if ok && f.last != int(v) {
							t.Fatalf("round %d: find(%q) left last at %d, want %d", round, id, f.last, v)
						}
					}
				}
			}
		}
	}
}

// TestFinderRuns asks one finder for a run of ids, as newGraphs does, so
// that what it keeps from one search to the next (the last place found,
// the id found again) is read: ids near each other, far apart, asked
// again, and missing, with hints near and far, against a map.
func TestFinderRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 2))
	for round := range 200 {
		var ids []string
		for i := range r.IntN(200) {
			ids = append(ids, fmt.Sprintf("d%05d", 3*i))
		}
		s := sortedIDs{ids: ids}
		index := map[string]int32{}
		for i, id := range ids {
			s.keys = append(s.keys, keyOf(id))
			index[id] = int32(i)
		}
		f := newFinder(s)
		far := fmt.Sprintf("d%05d", 3*r.IntN(len(ids)+1)) // the carrier cloud
		at := 0
		for range 1000 {
			var id string
			switch r.IntN(4) {
			case 0:
				id = far
			case 1:
				id = fmt.Sprintf("d%05d", r.IntN(3*len(ids)+3)) // anywhere, mostly missing
			default:
				at = max(0, at+r.IntN(7)-2)
				id = fmt.Sprintf("d%05d", 3*at) // near the last
			}
			hint := int32(r.IntN(len(ids)+3) - 1)
			v, ok := f.find(id, hint)
			want, wantOK := index[id]
			if ok != wantOK || ok && v != want {
				t.Fatalf("round %d: find(%q, %d) = %d, %v; want %d, %v", round, id, hint, v, ok, want, wantOK)
			}
		}
	}
}

// tunneled reports whether some tunnel of m runs over the link with the
// id, by reading every tunnel's over.
func tunneled(m *topology.Model, linkID string) bool {
	for _, t := range m.Tunnels {
		if slices.Contains(t.Over, linkID) {
			return true
		}
	}
	return false
}
