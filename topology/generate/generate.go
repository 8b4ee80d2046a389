// Package generate builds large, realistic statewide models for scale tests
// and benchmarks.
package generate

import (
	"fmt"
	"math/rand/v2"

	"github.com/netreview/netreview/topology"
)

// Options controls the generated model.
type Options struct {
	Agencies int   // number of agencies; counties are derived from it
	Seed     int64 // the same seed gives the same model
}

type builder struct {
	m   *topology.Model
	doc *topology.Document
	r   *rand.Rand
}

func (b *builder) site(id, name string, sec topology.Security, risks ...string) {
	b.m.Sites = append(b.m.Sites, &topology.Site{ID: id, Name: name, Security: sec, Risks: risks, Doc: b.doc})
}

func (b *builder) zone(id string, k topology.ZoneKind) {
	b.m.Zones = append(b.m.Zones, &topology.Zone{ID: id, Name: id, Kind: k, Doc: b.doc})
}

func (b *builder) dev(id string, t topology.DeviceType, site, zone string) *topology.Device {
	d := &topology.Device{ID: id, Name: id, Type: t, Site: site, Zones: []string{zone}, Doc: b.doc}
	b.m.Devices = append(b.m.Devices, d)
	return d
}

func (b *builder) link(id, a, bb string, med topology.Medium, carrier string) *topology.Link {
	l := &topology.Link{ID: id, A: a, B: bb, Medium: med, Carrier: carrier, Doc: b.doc}
	b.m.Links = append(b.m.Links, l)
	return l
}

func ipsec() *topology.Encryption {
	return &topology.Encryption{Protocol: topology.ProtoIPsec, FIPS: "4536", Standard: "140-3", Bits: 256}
}

// Statewide returns a statewide model with opts.Agencies agencies: a
// redundant state backbone, county aggregation routers and agencies with
// headquarters, substations and mobile fleets. About 5-10% of agencies carry
// a typical flaw. The result is deterministic for a given Options.
func Statewide(opts Options) *topology.Model {
	doc := &topology.Document{Version: 1, Agency: topology.Agency{Name: "State of Example (generated)"}}
	b := &builder{m: &topology.Model{Docs: []*topology.Document{doc}}, doc: doc,
		r: rand.New(rand.NewPCG(uint64(opts.Seed), 0x6e6574726576))}
	// Backbone.
	b.zone("state-cji", topology.CriminalJustice)
	b.zone("internet", topology.Internet)
	b.zone("transport", topology.Transport)
	b.site("state-dc1", "State primary data centre", topology.PhysicallySecure, "building:state-dc1")
	b.site("state-dc2", "State disaster-recovery data centre", topology.PhysicallySecure, "building:state-dc2")
	for i, s := range []string{"state-dc1", "state-dc2"} {
		n := i + 1
		b.dev(fmt.Sprintf("state-hub%d", n), topology.StateHub, s, "state-cji")
		b.dev(fmt.Sprintf("state-core%d", n), topology.Router, s, "state-cji")
		b.dev(fmt.Sprintf("state-vpn%d", n), topology.VPNGateway, s, "state-cji").Authentication = topology.AuthAdvanced
		b.link(fmt.Sprintf("state-l-hub%d", n), fmt.Sprintf("state-hub%d", n), fmt.Sprintf("state-core%d", n), topology.Fiber, "")
		b.link(fmt.Sprintf("state-l-vpn%d", n), fmt.Sprintf("state-vpn%d", n), fmt.Sprintf("state-core%d", n), topology.Fiber, "")
	}
	b.link("state-l-dci", "state-core1", "state-core2", topology.Fiber, "statenet").Encryption = ipsec()
	mpls := []string{"mpls-a", "mpls-b"}
	for _, c := range mpls {
		b.dev(c, topology.CarrierNetwork, "", "transport").Risks = []string{"carrier:" + c}
		for n := 1; n <= 2; n++ {
			b.link(fmt.Sprintf("state-l-%s-%d", c, n), fmt.Sprintf("state-core%d", n), c, topology.MPLS, c).Encryption = ipsec()
		}
	}
	b.dev("internet", topology.CarrierNetwork, "", "internet")
	b.dev("cell", topology.CarrierNetwork, "", "transport")
	b.link("state-l-inet1", "state-vpn1", "internet", topology.InternetM, "isp")
	b.link("state-l-inet2", "state-vpn2", "internet", topology.InternetM, "isp")
	b.link("state-l-cell", "cell", "state-vpn1", topology.Cellular, "cellco")

	counties := max(1, opts.Agencies/60)
	for c := range counties {
		b.county(c)
	}
	for a := range opts.Agencies {
		b.agency(a, a%counties)
	}
	return b.m
}

func (b *builder) county(c int) {
	id := fmt.Sprintf("cty%03d", c)
	b.site(id, "County "+id+" data centre", topology.PhysicallySecure, "building:"+id+"-dc")
	b.zone(id+"-gov", topology.NonCriminalJustice)
	b.dev(id+"-fw", topology.Firewall, id, id+"-gov").Zones = []string{id + "-gov", "transport"}
	b.link(id+"-l-a", id+"-fw", "mpls-a", topology.MPLS, "mpls-a").Encryption = ipsec()
	if b.r.IntN(10) != 0 { // most are dual-homed
		b.link(id+"-l-b", id+"-fw", "mpls-b", topology.MPLS, "mpls-b").Encryption = ipsec()
	}
}

var kinds = []string{"Police Department", "Sheriff's Office", "Superior Court", "District Attorney"}

func (b *builder) agency(a, c int) {
	p := fmt.Sprintf("ex%07d", a) // ORI-like prefix
	cty := fmt.Sprintf("cty%03d", c)
	flaw := -1
	if b.r.IntN(100) < 8 {
		flaw = b.r.IntN(7)
	}
	z := p + "-cji"
	b.zone(z, topology.CriminalJustice)
	hq := p + "-hq"
	b.site(hq, kinds[a%len(kinds)]+" "+p+" headquarters", topology.PhysicallySecure, "building:"+hq)
	rtr := b.dev(hq+"-rtr", topology.Router, hq, z)
	fw := b.dev(hq+"-fw", topology.Firewall, hq, z)
	fw.Zones = []string{z, cty + "-gov"}
	sw := b.dev(hq+"-sw", topology.Switch, hq, z)
	vpn := b.dev(hq+"-vpn", topology.VPNGateway, hq, z)
	vpn.Authentication = topology.AuthAdvanced
	if flaw == 5 {
		vpn.Authentication = topology.AuthPassword
	}
	if flaw == 6 {
		vpn.Monitoring = topology.MonitoringUnknown
	}
	b.link(hq+"-l1", rtr.ID, fw.ID, topology.Ethernet, "")
	b.link(hq+"-l2", fw.ID, sw.ID, topology.Ethernet, "")
	b.link(hq+"-l3", vpn.ID, fw.ID, topology.Ethernet, "")
	for _, t := range []topology.DeviceType{topology.Server, topology.Workstation, topology.Printer} {
		d := b.dev(hq+"-"+string(t), t, hq, z)
		if t == topology.Workstation {
			d.Count = 5 + b.r.IntN(40)
		}
		b.link(hq+"-l-"+string(t), d.ID, sw.ID, topology.Ethernet, "")
	}
	if b.r.IntN(3) == 0 || flaw == 4 {
		ap := b.dev(hq+"-ap", topology.WirelessAP, hq, z)
		ap.Wireless = topology.WPA2Enterprise
		if flaw == 4 {
			ap.Wireless = topology.Open
		}
		b.link(hq+"-l-ap", ap.ID, sw.ID, topology.Ethernet, "")
	}
	if flaw == 2 { // city hall on the agency switch without a firewall
		ch := b.dev(hq+"-cityhall", topology.Workstation, hq, cty+"-gov")
		b.link(hq+"-l-ch", ch.ID, sw.ID, topology.Ethernet, "")
	}
	// Primary MPLS and county uplink.
	enc := ipsec()
	if flaw == 1 {
		enc = &topology.Encryption{Protocol: topology.ProtoIPsec, Bits: 56}
	}
	b.link(hq+"-wan1", rtr.ID, "mpls-a", topology.MPLS, "mpls-a").Encryption = enc
	if flaw != 3 {
		b.link(hq+"-wan2", fw.ID, cty+"-fw", topology.Fiber, "county").Risks = []string{"conduit:" + cty + "-main"}
	}
	// Internet VPN backup with a tunnel to the state.
	if b.r.IntN(10) < 7 {
		inet := b.link(hq+"-inet", vpn.ID, "internet", topology.InternetM, "isp")
		b.m.Tunnels = append(b.m.Tunnels, &topology.Tunnel{ID: hq + "-t1", A: vpn.ID, B: "state-vpn1",
			Encryption: ipsec(), Over: []string{inet.ID, "state-l-inet1"}, Doc: b.doc})
	}
	// Substations.
	subs := b.r.IntN(3)
	for s := range subs {
		sid := fmt.Sprintf("%s-sub%d", p, s+1)
		b.site(sid, "Substation "+sid, topology.ControlledArea)
		r := b.dev(sid+"-rtr", topology.Router, sid, z)
		w := b.dev(sid+"-ws", topology.Workstation, sid, z)
		w.Count = 2 + b.r.IntN(10)
		b.link(sid+"-l1", w.ID, r.ID, topology.Ethernet, "")
		l := b.link(sid+"-wan", r.ID, rtr.ID, topology.LeasedLine, "telco")
		if !(flaw == 0 && s == 0) {
			l.Encryption = ipsec()
		}
	}
	// Mobile fleet.
	if b.r.IntN(10) < 4 {
		mid := p + "-fleet"
		b.site(mid, "Vehicles "+p, topology.Mobile)
		md := b.dev(mid+"-mdc", topology.MobileDevice, mid, z)
		md.Count = 5 + b.r.IntN(60)
		cl := b.link(mid+"-l1", md.ID, "cell", topology.Cellular, "cellco")
		b.m.Tunnels = append(b.m.Tunnels, &topology.Tunnel{ID: mid + "-t1", A: md.ID, B: "state-vpn1",
			Encryption: ipsec(), Over: []string{cl.ID, "state-l-cell"}, Doc: b.doc})
	}
}
