package analysis

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/internal/golden"
	"github.com/netreview/netreview/topology"
)

// riverbend is a small agency: a headquarters and an annex joined by an
// unencrypted fiber, a guest wireless network with no firewall, a radio
// link to a substation under weak encryption, and one router and one
// carrier between headquarters and the state hub.
func riverbend() *topology.Model {
	pos := func(line int) topology.Pos { return topology.Pos{File: "riverbend.yaml", Line: line, Col: 5} }
	secure := topology.PhysicallySecure
	yes := true
	m := &topology.Model{
		Sites: []*topology.Site{
			{ID: "state", Security: secure, Pos: pos(1)},
			{ID: "hq", Security: secure, Pos: pos(2), Risks: []string{"river-flood"}},
			{ID: "annex", Security: secure, Pos: pos(3), Risks: []string{"river-flood"}},
			{ID: "sub", Security: topology.ControlledArea, Pos: pos(4)},
		},
		Zones: []*topology.Zone{
			{ID: "cjis", Kind: topology.CriminalJustice, Pos: pos(5)},
			{ID: "guest", Kind: topology.Public, Pos: pos(6)},
		},
		Devices: []*topology.Device{
			{ID: "hub", Type: topology.StateHub, Site: "state", Zones: []string{"cjis"}, Pos: pos(10)},
			{ID: "hq-rtr", Type: topology.Router, Site: "hq", Zones: []string{"cjis"}, Pos: pos(11)},
			{ID: "hq-sw", Type: topology.Switch, Site: "hq", Zones: []string{"cjis", "guest"}, Pos: pos(12)},
			{ID: "hq-ws", Type: topology.Workstation, Site: "hq", Zones: []string{"cjis"}, Pos: pos(13)},
			{ID: "guest-ap", Type: topology.WirelessAP, Site: "hq", Zones: []string{"guest"}, Pos: pos(14)},
			{ID: "annex-sw", Type: topology.Switch, Site: "annex", Zones: []string{"cjis"}, Pos: pos(15)},
			{ID: "annex-ws", Type: topology.Workstation, Site: "annex", Zones: []string{"cjis"}, Pos: pos(16)},
			{ID: "sub-ws", Type: topology.Workstation, Site: "sub", Zones: []string{"cjis"}, Pos: pos(17)},
			{ID: "hv", Type: topology.Hypervisor, Site: "hq", Zones: []string{"cjis"}, Pos: pos(18)},
			{ID: "vm-rms", Type: topology.VirtualMachine, Site: "hq", Host: "hv", Zones: []string{"cjis"}, Pos: pos(19)},
			{ID: "vm-web", Type: topology.VirtualMachine, Site: "hq", Host: "hv", Zones: []string{"guest"}, CJI: &yes, Boundary: topology.BoundaryFirewall, Pos: pos(20)},
		},
		Links: []*topology.Link{
			{ID: "hq-uplink", A: "hq-rtr", B: "hub", Medium: topology.MPLS, Carrier: "att", Pos: pos(30),
				Encryption: &topology.Encryption{Protocol: topology.ProtoIPsec, FIPS: "4500", Standard: topology.FIPS1402, Bits: 256}},
			{ID: "hq-core", A: "hq-rtr", B: "hq-sw", Medium: topology.Ethernet, Pos: pos(31)},
			{ID: "hq-ws-link", A: "hq-ws", B: "hq-sw", Medium: topology.Ethernet, Pos: pos(32)},
			{ID: "guest-link", A: "guest-ap", B: "hq-sw", Medium: topology.Ethernet, Pos: pos(33)},
			{ID: "hq-annex-fiber", A: "hq-sw", B: "annex-sw", Medium: topology.Fiber, Pos: pos(34)},
			{ID: "annex-ws-link", A: "annex-ws", B: "annex-sw", Medium: topology.Ethernet, Pos: pos(35)},
			{ID: "sub-radio", A: "sub-ws", B: "annex-sw", Medium: topology.Microwave, Pos: pos(36),
				Encryption: &topology.Encryption{Protocol: topology.ProtoWPA2, Bits: 128}},
			{ID: "hv-link", A: "hv", B: "hq-sw", Medium: topology.Ethernet, Pos: pos(37)},
			{ID: "vm-rms-link", A: "vm-rms", B: "hv", Medium: topology.Ethernet, Pos: pos(38)},
		},
	}
	m.Reindex()
	return m
}

func TestStructuralGolden(t *testing.T) {
	tests := []struct {
		name string
		date time.Time
	}{
		{"riverbend-before-sunset", time.Date(2026, 9, 21, 0, 0, 0, 0, time.UTC)},
		{"riverbend-after-sunset", time.Date(2026, 9, 22, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := append(append([]*Rule(nil), structuralRules...), sharedDevice, sharedHypervisor)
			res, err := Run(riverbend(), Config{Pack: defaultPack(rules), Date: tt.date})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(struct {
				Findings   []Finding        `json:"findings"`
				Redundancy []SiteRedundancy `json:"redundancy"`
			}{res.Findings, res.Redundancy}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, filepath.Join("testdata", tt.name+".golden.json"), got, *update)
		})
	}
}

// TestZoneRules checks shared-device and shared-hypervisor, which read
// zones only.
func TestZoneRules(t *testing.T) {
	zones := []*topology.Zone{
		{ID: "cj", Kind: topology.CriminalJustice},
		{ID: "pub", Kind: topology.Public},
		{ID: "tr", Kind: topology.Transport},
	}
	tests := []struct {
		name    string
		devices []*topology.Device
		want    []string
	}{
		{"switch in both zones", []*topology.Device{
			{ID: "sw", Type: topology.Switch, Zones: []string{"cj", "pub"}},
		}, []string{"shared-device sw"}},
		{"firewall in both zones", []*topology.Device{
			{ID: "fw", Type: topology.Firewall, Zones: []string{"cj", "pub"}},
		}, nil},
		{"acl switch in both zones", []*topology.Device{
			{ID: "sw", Type: topology.Switch, Boundary: topology.BoundaryACL, Zones: []string{"cj", "pub"}},
		}, nil},
		{"transport is not untrusted", []*topology.Device{
			{ID: "sw", Type: topology.Switch, Zones: []string{"cj", "tr"}},
		}, nil},
		{"hypervisor across zones", []*topology.Device{
			{ID: "hv", Type: topology.Hypervisor, Zones: []string{"cj"}},
			{ID: "vm1", Type: topology.VirtualMachine, Host: "hv", Zones: []string{"cj"}},
			{ID: "vm2", Type: topology.VirtualMachine, Host: "hv", Zones: []string{"pub"}},
		}, []string{"shared-hypervisor hv"}},
		{"hypervisor with one zone", []*topology.Device{
			{ID: "hv", Type: topology.Hypervisor, Zones: []string{"cj"}},
			{ID: "vm1", Type: topology.VirtualMachine, Host: "hv", Zones: []string{"cj"}},
			{ID: "vm2", Type: topology.VirtualMachine, Host: "hv", Zones: []string{"cj", "tr"}},
		}, nil},
		{"vm in both zones", []*topology.Device{
			{ID: "hv", Type: topology.Hypervisor},
			{ID: "vm1", Type: topology.VirtualMachine, Host: "hv", Zones: []string{"cj", "pub"}},
		}, []string{"shared-device vm1", "shared-hypervisor hv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &topology.Model{Zones: zones, Devices: tt.devices}
			m.Reindex()
			res, err := Run(m, Config{Pack: defaultPack([]*Rule{sharedDevice, sharedHypervisor})})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Rule+" "+f.Subject)
			}
			sort.Strings(got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExposedEdges checks the helper the unanswered rule uses against the
// brute-force definition.
func TestExposedEdges(t *testing.T) {
	for seed := uint64(0); seed < 300; seed++ {
		m := randomModel(randChooser(seed))
		b := newBrute(m)
		on := b.onPath()
		var want []string
		for _, l := range m.Links {
			if on[l.ID] && m.LeavesSecureLocation(l) {
				want = append(want, l.ID)
			}
		}
		for _, tu := range m.Tunnels {
			leaves := false
			for _, id := range tu.Over {
				leaves = leaves || m.LeavesSecureLocation(m.Link(id))
			}
			if on[tu.ID] && leaves {
				want = append(want, tu.ID)
			}
		}
		sort.Strings(want)
		g := newGraphs(m)
		paths := newCJIPaths(g)
		if got := paths.ExposedEdges(); !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: ExposedEdges = %v, want %v", seed, got, want)
		}
		for _, l := range m.Links {
			if paths.OnCJIPath(l.ID) != on[l.ID] {
				t.Fatalf("seed %d: OnCJIPath(%s) = %v, want %v", seed, l.ID, !on[l.ID], on[l.ID])
			}
		}
	}
}

// TestStructuralDeep runs the redundancy rules on a chain of 100,000
// routers between the state hub and one site, all in one secure building:
// every router and every chain link is a single point of failure. Nothing in the analysis may recurse
// along the chain or take quadratic time.
func TestStructuralDeep(t *testing.T) {
	if testing.Short() {
		t.Skip("a model of 100,000 devices in a row")
	}
	const k = 100000
	cj := []string{"cj"}
	m := &topology.Model{
		Zones: []*topology.Zone{{ID: "cj", Kind: topology.CriminalJustice}},
		Sites: []*topology.Site{{ID: "far", Security: topology.PhysicallySecure}, {ID: "state", Security: topology.PhysicallySecure}},
		Devices: []*topology.Device{
			{ID: "hub", Type: topology.StateHub, Site: "state", Zones: cj},
			{ID: "ws", Type: topology.Workstation, Site: "far", Zones: cj},
		},
	}
	prev := "hub"
	for i := 0; i < k; i++ {
		r := "r" + strconv.Itoa(i)
		m.Devices = append(m.Devices, &topology.Device{ID: r, Type: topology.Router, Site: "far", Zones: cj})
		m.Links = append(m.Links, &topology.Link{ID: "l" + strconv.Itoa(i), A: prev, B: r, Medium: topology.Ethernet})
		prev = r
	}
	m.Links = append(m.Links, &topology.Link{ID: "access", A: prev, B: "ws", Medium: topology.Ethernet})
	m.Links[0].Encryption = &topology.Encryption{Protocol: topology.ProtoIPsec, FIPS: "4500", Standard: topology.FIPS1403, Bits: 256}
	m.Reindex()
	res, err := Run(m, Config{Pack: defaultPack(structuralRules), Date: lateDate})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, f := range res.Findings {
		count[f.Rule]++
	}
	want := map[string]int{"single-device": k, "single-link": k}
	if !reflect.DeepEqual(count, want) {
		t.Errorf("findings by rule = %v, want %v", count, want)
	}
	if wantR := []SiteRedundancy{{Site: "far", Paths: 1}}; !reflect.DeepEqual(res.Redundancy, wantR) {
		t.Errorf("redundancy = %v, want %v", res.Redundancy, wantR)
	}
}

// TestMissingBoundaryPerSite checks the contract's missing-boundary: one
// finding per site, so that two agencies exposed to one shared internet
// zone get a finding each, each listing its own agency, and the state's
// zone definition is the subject of none.
func TestMissingBoundaryPerSite(t *testing.T) {
	const state = `netreview: 1
agency: {name: State CSA, ori: CA0349400, role: csa}
sites: [{id: dc, security: physically-secure}]
zones:
  - {id: state-cji, kind: criminal-justice}
  - {id: inet, kind: internet}
  - {id: mpls, kind: transport}
devices:
  - {id: internet, type: carrier-network, zone: inet}
  - {id: cloud, type: carrier-network, zone: mpls}
  - {id: hub, type: state-hub, site: dc, zone: state-cji}
  - {id: hub-fw, type: firewall, site: dc, zones: [state-cji, mpls]}
links:
  - {id: hub-fw-link, a: hub, b: hub-fw, medium: ethernet}
  - {id: hub-fw-cloud, a: hub-fw, b: cloud, medium: mpls}
`
	// agency is one agency whose router reaches the state's internet zone
	// directly, or through a firewall.
	agency := func(ori, p string, firewall bool) string {
		edge := `  - {id: ` + p + `-rtr, type: router, site: ` + p + `-hq, zones: [` + p + `-cji, inet]}
links:
  - {id: ` + p + `-inet, a: ` + p + `-rtr, b: internet, medium: internet}
`
		if firewall {
			edge = `  - {id: ` + p + `-rtr, type: router, site: ` + p + `-hq, zone: ` + p + `-cji}
  - {id: ` + p + `-fw, type: firewall, site: ` + p + `-hq, zones: [` + p + `-cji, inet]}
links:
  - {id: ` + p + `-fw-rtr, a: ` + p + `-fw, b: ` + p + `-rtr, medium: ethernet}
  - {id: ` + p + `-inet, a: ` + p + `-fw, b: internet, medium: internet}
`
		}
		return `netreview: 1
agency: {name: ` + p + ` PD, ori: ` + ori + `}
sites: [{id: ` + p + `-hq, security: physically-secure}]
zones: [{id: ` + p + `-cji, kind: criminal-justice}]
devices:
  - {id: ` + p + `-ws, type: workstation, site: ` + p + `-hq, zone: ` + p + `-cji}
` + edge + `  - {id: ` + p + `-ws-link, a: ` + p + `-ws, b: ` + p + `-rtr, medium: ethernet}
`
	}
	tests := []struct {
		name string
		docs []string
		want []string // subject [agencies]
	}{
		{"two agencies on one internet zone", []string{agency("CA0000001", "a", false), agency("CA0000002", "b", false)},
			[]string{"a-hq [CA0000001]", "b-hq [CA0000002]"}},
		{"one agency behind a firewall", []string{agency("CA0000001", "a", false), agency("CA0000002", "b", true)},
			[]string{"a-hq [CA0000001]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frags := []*topology.Model{}
			for i, d := range append([]string{state}, tt.docs...) {
				f, err := topology.Decode(fmt.Sprintf("doc%d.yaml", i), []byte(d))
				if err != nil {
					t.Fatalf("doc %d: %v", i, err)
				}
				frags = append(frags, f)
			}
			m := topology.Merge(frags...)
			if err := topology.Validate(m); err != nil {
				t.Fatal(err)
			}
			res, err := Run(m, Config{Pack: defaultPack([]*Rule{missingBoundary}), Date: lateDate})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				if f.Kind != KindSite || !reflect.DeepEqual(f.Sites, []string{f.Subject}) {
					t.Errorf("%s: kind %s, sites %v", f.Subject, f.Kind, f.Sites)
				}
				got = append(got, f.Subject+" ["+strings.Join(f.Agencies, ",")+"]")
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
		})
	}
}
