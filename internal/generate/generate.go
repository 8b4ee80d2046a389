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
	// Profile sets how far agencies fall short of best practice; the zero
	// value is Clean. A Clean model is the same for a seed whatever the
	// profile's code draws: the profile has random numbers of its own.
	Profile Profile
	// Progress, when not nil, is called now and then with the number of
	// agencies built so far and the total, and once at the end.
	Progress func(done, total int)
}

type builder struct {
	m   *topology.Model
	doc *topology.Document
	r   *rand.Rand
	// p and pr are the profile and its own random numbers, so that the
	// clean model does not change with the profile's draws.
	p  Profile
	pr *rand.Rand
}

// chance reports, from the profile's random numbers, whether an event of
// probability rate happens; a rate of 0 draws nothing.
func (b *builder) chance(rate float64) bool {
	return rate > 0 && b.pr.Float64() < rate
}

// unanswered leaves one of an endpoint's, router's or switch's questions
// open, at the profile's rate.
func (b *builder) unanswered(d *topology.Device) *topology.Device {
	if !b.chance(b.p.Unanswered) {
		return d
	}
	if d.PasswordPolicy != "" && b.pr.IntN(2) == 0 {
		d.PasswordPolicy = ""
	} else {
		d.Patching = ""
	}
	return d
}

func (b *builder) site(id, name string, sec topology.Security, risks ...string) {
	b.m.Sites = append(b.m.Sites, &topology.Site{ID: id, Name: name, Security: sec, Risks: risks, Doc: b.doc})
}

func (b *builder) zone(id string, k topology.ZoneKind) {
	b.m.Zones = append(b.m.Zones, &topology.Zone{ID: id, Name: id, Kind: k, Doc: b.doc})
}

func (b *builder) dev(id string, t topology.DeviceType, site, zone string) *topology.Device {
	d := &topology.Device{ID: id, Type: t, Site: site, Zones: []string{zone}, Doc: b.doc}
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
// a typical flaw. The result is deterministic for a given Options, and
// indexed (Reindex), ready to be validated and analyzed.
func Statewide(opts Options) *topology.Model {
	doc := &topology.Document{Version: 1, Agency: topology.Agency{Name: "State of Example (generated)", Role: topology.RoleCSA}}
	b := &builder{m: &topology.Model{Docs: []*topology.Document{doc}}, doc: doc,
		r:  rand.New(rand.NewPCG(uint64(opts.Seed), 0x6e6574726576)),
		p:  opts.Profile,
		pr: rand.New(rand.NewPCG(uint64(opts.Seed), 0x70726f66696c65))}
	// Backbone.
	b.zone("state-cji", topology.CriminalJustice)
	b.zone("internet", topology.Internet)
	b.zone("transport", topology.Transport)
	b.site("state-dc1", "State primary data center", topology.PhysicallySecure, "building:state-dc1")
	b.site("state-dc2", "State disaster-recovery data center", topology.PhysicallySecure, "building:state-dc2")
	for i, s := range []string{"state-dc1", "state-dc2"} {
		n := i + 1
		secure(b.dev(fmt.Sprintf("state-hub%d", n), topology.StateHub, s, "state-cji"))
		b.dev(fmt.Sprintf("state-core%d", n), topology.Router, s, "state-cji")
		vpn := secure(b.dev(fmt.Sprintf("state-vpn%d", n), topology.VPNGateway, s, "state-cji"))
		vpn.PasswordPolicy = ""
		vpn.Boundary = topology.BoundaryFirewall // it filters what leaves the tunnels
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
		// Each agency is a document of its own, as a real statewide model is
		// one file per agency; a single-file encoding writes the state's
		// document and every element, and topology.SplitByDocument gives
		// the files.
		b.doc = agencyDoc(a, a%counties)
		b.m.Docs = append(b.m.Docs, b.doc)
		b.agency(a, a%counties)
		b.doc = doc
		if opts.Progress != nil && (a+1)%progressStep == 0 {
			opts.Progress(a+1, opts.Agencies)
		}
	}
	if opts.Progress != nil {
		opts.Progress(opts.Agencies, opts.Agencies)
	}
	b.m.Reindex()
	return b.m
}

// lan wires an endpoint to the places endpoints plug in: two links, to a
// and b, or one when b is "".
func (b *builder) lan(id, dev, a, bb string) {
	if bb == "" {
		b.link(id, dev, a, topology.Ethernet, "")
		return
	}
	b.link(id+"1", dev, a, topology.Ethernet, "")
	b.link(id+"2", dev, bb, topology.Ethernet, "")
}

// or is a, or def when a is "".
func (b *builder) or(a, def string) string {
	if a == "" {
		return def
	}
	return a
}

// progressStep is how many agencies are built between Progress calls.
const progressStep = 100

// secure gives a device the answers a compliant agency gives for it.
func secure(d *topology.Device) *topology.Device {
	d.Patching = topology.PatchingManaged
	switch d.Type {
	case topology.Workstation, topology.MobileDevice, topology.VPNGateway:
		d.Authentication = topology.AuthAdvanced
		if d.Type != topology.Workstation { // workstations stand in secure sites
			d.SplitTunnel = topology.SplitTunnelProhibited
		}
		if d.Type == topology.MobileDevice {
			d.MDM = topology.MDMManaged
		}
	case topology.Firewall:
		d.Monitoring = topology.MonitoringSIEM
	}
	if d.Type != topology.Firewall && d.Type != topology.VPNGateway {
		d.PasswordPolicy = topology.PasswordCompliant
	}
	return d
}

func (b *builder) county(c int) {
	id := fmt.Sprintf("cty%03d", c)
	b.site(id, "County "+id+" data center", topology.PhysicallySecure, "building:"+id+"-dc")
	b.zone(id+"-gov", topology.NonCriminalJustice)
	fw := secure(b.dev(id+"-fw", topology.Firewall, id, id+"-gov"))
	fw.Zones = []string{id + "-gov", "transport"}
	fw.PasswordPolicy = ""
	b.link(id+"-l-a", id+"-fw", "mpls-a", topology.MPLS, "mpls-a").Encryption = ipsec()
	if b.r.IntN(20) != 0 { // all but a few are dual-homed
		b.link(id+"-l-b", id+"-fw", "mpls-b", topology.MPLS, "mpls-b").Encryption = ipsec()
	}
}

var kinds = []string{"Police Department", "Sheriff's Office", "Superior Court", "District Attorney"}

// The flaws an agency may carry, one at most, in about 8% of agencies.
const (
	flawNone         = iota - 1
	flawCleartextSub // a substation's leased line without encryption
	flawWeakCipher   // the MPLS circuit encrypted with a 56-bit cipher
	flawCityHall     // a city-hall workstation wired into the agency's CJI LAN
	flawSingleHomed  // no backup path from headquarters
	flawOpenWireless // an open wireless access point in the CJI zone
	flawPasswordVPN  // the VPN gateway with password-only authentication
	flawNoMonitoring // the firewall between CJI and the county unmonitored
	flawUnpatched    // workstations whose patching is unmanaged
	flawUnknown      // an answer the agency has not given
	flawKinds
)

// agencyDoc is the document of agency a of county c: its name, an ORI (the
// state code "EX", then the agency's number) and its county.
func agencyDoc(a, c int) *topology.Document {
	return &topology.Document{Version: 1, Agency: topology.Agency{
		Name:   fmt.Sprintf("%s a%05d", kinds[a%len(kinds)], a),
		ORI:    fmt.Sprintf("EX%07d", a),
		County: fmt.Sprintf("cty%03d", c),
	}}
}

// agency adds agency a of county c. Headquarters is physically secure, with
// a router and a firewall and its CJI endpoints wired to both; it reaches
// the state over MPLS and, as backup, over county fiber or an internet VPN.
// Substations have an MPLS circuit of their own; mobile fleets reach the
// state over cellular in a tunnel.
func (b *builder) agency(a, c int) {
	p := fmt.Sprintf("a%05d", a)
	cty := fmt.Sprintf("cty%03d", c)
	flaw := flawNone
	if b.r.IntN(100) < 8 {
		flaw = b.r.IntN(flawKinds)
	}
	z := p + "-cji"
	b.zone(z, topology.CriminalJustice)
	hq := p + "-hq"
	b.site(hq, kinds[a%len(kinds)]+" "+p+" headquarters", topology.PhysicallySecure)
	rtr := secure(b.dev(hq+"-rtr", topology.Router, hq, z))
	rtr.PasswordPolicy = ""
	// The router filters what the MPLS cloud may send in: with it, an
	// untrusted zone one agency lets in reaches only that agency.
	rtr.Boundary = topology.BoundaryACL
	fw := secure(b.dev(hq+"-fw", topology.Firewall, hq, z))
	fw.Zones = []string{z, cty + "-gov"}
	if flaw == flawNoMonitoring {
		fw.Monitoring = topology.MonitoringNone
	}
	b.link(hq+"-rf", rtr.ID, fw.ID, topology.Ethernet, "")
	// lan1 and lan2 are where the endpoints plug in: the router and the
	// firewall, or one LAN switch.
	lan1, lan2 := rtr.ID, fw.ID
	if b.chance(b.p.SingleSwitch) {
		sw := b.unanswered(secure(b.dev(hq+"-sw", topology.Switch, hq, z)))
		b.link(hq+"-sw-r", sw.ID, rtr.ID, topology.Ethernet, "")
		b.link(hq+"-sw-f", sw.ID, fw.ID, topology.Ethernet, "")
		lan1, lan2 = sw.ID, ""
	}
	ws := secure(b.dev(hq+"-ws", topology.Workstation, hq, z))
	ws.Count = 5 + b.r.IntN(40)
	switch flaw {
	case flawUnpatched:
		ws.Patching = topology.PatchingUnmanaged
	case flawUnknown:
		ws.PasswordPolicy = topology.PasswordUnknown
	}
	b.unanswered(ws)
	b.lan(hq+"-ws", ws.ID, lan1, lan2)
	pr := b.unanswered(secure(b.dev(hq+"-prn", topology.Printer, hq, z)))
	b.link(hq+"-prn", pr.ID, b.or(lan2, lan1), topology.Ethernet, "")
	if b.r.IntN(4) == 0 {
		sv := b.unanswered(secure(b.dev(hq+"-srv", topology.Server, hq, z)))
		b.lan(hq+"-sv", sv.ID, lan1, lan2)
	}
	if b.r.IntN(4) == 0 || flaw == flawOpenWireless {
		ap := secure(b.dev(hq+"-ap", topology.WirelessAP, hq, z))
		ap.PasswordPolicy = ""
		ap.Wireless = topology.WPA2Enterprise
		if flaw == flawOpenWireless {
			ap.Wireless = topology.Open
		}
		b.link(hq+"-ap", ap.ID, b.or(lan2, lan1), topology.Ethernet, "")
	}
	if flaw == flawCityHall {
		ch := b.dev(hq+"-cityhall", topology.Workstation, hq, cty+"-gov")
		b.link(hq+"-ch", ch.ID, ws.ID, topology.Ethernet, "")
	}
	enc := ipsec()
	if flaw == flawWeakCipher {
		enc = &topology.Encryption{Protocol: topology.ProtoIPsec, Bits: 56}
	} else if b.chance(b.p.Cleartext) {
		enc = &topology.Encryption{Protocol: topology.ProtoNone}
	}
	b.link(hq+"-wan1", rtr.ID, "mpls-a", topology.MPLS, "mpls-a").Encryption = enc
	// Backup: county fiber (six in ten) or an internet VPN.
	vpnBackup := b.r.IntN(10) >= 6 || flaw == flawPasswordVPN
	switch {
	case flaw == flawSingleHomed, flaw != flawPasswordVPN && b.chance(b.p.SingleHomed):
	case !vpnBackup:
		l := b.link(hq+"-wan2", fw.ID, cty+"-fw", topology.Fiber, "county")
		l.Encryption = ipsec()
		l.Risks = []string{"conduit:" + cty + "-main"}
	default:
		vpn := secure(b.dev(hq+"-vpn", topology.VPNGateway, hq, z))
		vpn.PasswordPolicy = ""
		if flaw == flawPasswordVPN {
			vpn.Authentication = topology.AuthPassword
		}
		b.link(hq+"-vf", vpn.ID, fw.ID, topology.Ethernet, "")
		inet := b.link(hq+"-inet", vpn.ID, "internet", topology.InternetM, "isp")
		b.m.Tunnels = append(b.m.Tunnels, &topology.Tunnel{ID: hq + "-t", A: vpn.ID, B: "state-vpn1",
			Encryption: ipsec(), Over: []string{inet.ID, "state-l-inet1"}, Doc: b.doc})
	}
	// Substations: 0 to 3, 1.6 on average, each an office whose
	// workstations reach the state on one MPLS circuit (the carrier is then
	// a single point of failure for every such office, one finding).
	subs := b.r.IntN(3)
	if b.r.IntN(100) < 60 {
		subs++
	}
	for s := range subs {
		sid := fmt.Sprintf("%s-s%d", p, s+1)
		b.site(sid, "", topology.PhysicallySecure)
		w := b.unanswered(secure(b.dev(sid+"-ws", topology.Workstation, sid, z)))
		w.Count = 2 + b.r.IntN(10)
		edge := w.ID
		if b.chance(b.p.SubstationRouter) {
			sr := b.unanswered(secure(b.dev(sid+"-rtr", topology.Router, sid, z)))
			sr.PasswordPolicy = ""
			b.link(sid+"-lan", w.ID, sr.ID, topology.Ethernet, "")
			edge = sr.ID
		}
		l := b.link(sid+"-wan", edge, "mpls-a", topology.MPLS, "mpls-a")
		switch {
		case flaw == flawCleartextSub && s == 0:
		case b.chance(b.p.Cleartext):
			l.Encryption = &topology.Encryption{Protocol: topology.ProtoNone}
		default:
			l.Encryption = ipsec()
		}
		if b.r.IntN(2) == 0 {
			pr := secure(b.dev(sid+"-prn", topology.Printer, sid, z))
			b.link(sid+"-prn", pr.ID, w.ID, topology.Ethernet, "")
		}
	}
	if flaw == flawCleartextSub && subs == 0 { // the flaw needs a substation
		sid := p + "-s1"
		b.site(sid, "", topology.PhysicallySecure)
		w := secure(b.dev(sid+"-ws", topology.Workstation, sid, z))
		b.link(sid+"-wan", w.ID, "mpls-a", topology.MPLS, "mpls-a")
	}
	// Mobile fleets (each a "site" of vehicles): patrol, and some others.
	fleets := 0
	if b.r.IntN(10) < 6 {
		fleets++
	}
	if b.r.IntN(10) < 1 {
		fleets++
	}
	for f := range fleets {
		mid := fmt.Sprintf("%s-m%d", p, f+1)
		b.site(mid, "", topology.Mobile)
		md := secure(b.dev(mid+"-mdc", topology.MobileDevice, mid, z))
		md.Count = 5 + b.r.IntN(60)
		md.Boundary = topology.BoundaryFirewall // a host firewall
		cl := b.link(mid+"-cell", md.ID, "cell", topology.Cellular, "cellco")
		b.m.Tunnels = append(b.m.Tunnels, &topology.Tunnel{ID: mid + "-t", A: md.ID, B: "state-vpn1",
			Encryption: ipsec(), Over: []string{cl.ID, "state-l-cell"}, Doc: b.doc})
	}
}
