package analysis

import (
	"fmt"
	"testing"

	"github.com/netreview/netreview/topology"
)

// statewideModel builds a statewide-sized model: sites with a router and a
// CJI workstation (half of them behind a switch), a core ring of routers,
// two state hubs, backup uplinks on a third of the sites through another
// carrier, tunnels to the hub from a third of the sites, and flood-zone
// risks shared by regions.
func statewideModel(sites int) *topology.Model {
	m := &topology.Model{
		Zones: []*topology.Zone{{ID: "cj", Kind: topology.CriminalJustice}},
	}
	cj := []string{"cj"}
	dev := func(id string, t topology.DeviceType, site string) {
		m.Devices = append(m.Devices, &topology.Device{ID: id, Type: t, Site: site, Zones: cj})
	}
	link := func(id, a, b, carrier string) {
		m.Links = append(m.Links, &topology.Link{ID: id, A: a, B: b, Medium: topology.Fiber, Carrier: carrier})
	}
	m.Sites = append(m.Sites, &topology.Site{ID: "state", Security: topology.PhysicallySecure})
	const core = 200
	dev("hub0", topology.StateHub, "state")
	dev("hub1", topology.StateHub, "state")
	for i := 0; i < core; i++ {
		dev(fmt.Sprintf("core%d", i), topology.Router, "")
		link(fmt.Sprintf("ring%d", i), fmt.Sprintf("core%d", i), fmt.Sprintf("core%d", (i+1)%core), "fiberco")
		if i%10 == 0 {
			link(fmt.Sprintf("chord%d", i), fmt.Sprintf("core%d", i), fmt.Sprintf("core%d", (i+core/2)%core), "")
		}
	}
	link("hub0-a", "hub0", "core0", "")
	link("hub0-b", "hub0", "core50", "")
	link("hub1-a", "hub1", "core100", "")
	link("hub1-b", "hub1", "core150", "")
	for i := 0; i < sites; i++ {
		s := &topology.Site{ID: fmt.Sprintf("site%05d", i), Security: topology.PhysicallySecure}
		if i%4 == 0 {
			s.Risks = []string{fmt.Sprintf("flood:%d", i%50)}
		}
		m.Sites = append(m.Sites, s)
		r, w := "r"+s.ID, "ws"+s.ID
		dev(r, topology.Router, s.ID)
		dev(w, topology.Workstation, s.ID)
		if i%2 == 0 {
			sw := "sw" + s.ID
			dev(sw, topology.Switch, s.ID)
			link("a1"+s.ID, w, sw, "")
			link("a2"+s.ID, sw, r, "")
		} else {
			link("a"+s.ID, w, r, "")
		}
		up := "up" + s.ID
		link(up, r, fmt.Sprintf("core%d", i%core), "att")
		if i%3 == 0 {
			link("bk"+s.ID, r, fmt.Sprintf("core%d", (i*7+3)%core), "vz")
		}
		if i%3 == 1 {
			m.Tunnels = append(m.Tunnels, &topology.Tunnel{
				ID: "t" + s.ID, A: r, B: "hub0", Over: []string{up, "ring0", "hub0-a"},
				Encryption: &topology.Encryption{Protocol: topology.ProtoIPsec, FIPS: "4500", Standard: topology.FIPS1403, Bits: 256},
			})
		}
	}
	m.Reindex()
	return m
}

// BenchmarkAnalyze runs the structural rules, from building the graphs to
// the findings and site redundancy, on a statewide model of about 30,000
// devices.
func BenchmarkAnalyze(b *testing.B) {
	m := statewideModel(12000)
	pack := defaultPack(structuralRules)
	var findings int
	for b.Loop() {
		res, err := Run(m, Config{Pack: pack, Date: lateDate})
		if err != nil {
			b.Fatal(err)
		}
		findings = len(res.Findings)
	}
	b.ReportMetric(float64(len(m.Devices)), "devices")
	b.ReportMetric(float64(len(m.Links)), "links")
	b.ReportMetric(float64(findings), "findings")
}
