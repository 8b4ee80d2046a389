package analysis

// singleDevice is the single-device rule.
var singleDevice = &Rule{
	ID:       "single-device",
	Severity: Medium,
	Summary:  "With this one device down, some site loses every path to a state hub.",
	Doc:      `Fires for a device whose failure alone cuts a site off from every state hub in the CJI graph, when the site reaches one with every element up. A device that goes down takes with it its links and every tunnel that rides a link touching it. A state hub and the site's own CJI devices are not counted as single points of failure of that site. The finding lists every site the device cuts off. CJIS systems must stay reachable: a single router or firewall between a site and the state is a single point of failure. Fix it by adding a second device or a second path (a backup circuit through other equipment), or accept the risk with a waiver.`,
	Fix:      `Add a second device, or a second path to the state hub that does not pass through this one, or accept the risk with a waiver.`,
	Example: `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji}
  - {id: hq-rtr, type: router, site: hq, zone: cji}
links:
  - {id: hq-lan, a: hq-ws, b: hq-rtr, medium: ethernet}
  - {id: primary, a: hq-rtr, b: hub, medium: mpls, carrier: att}
  - {id: backup, a: hq-rtr, b: hub, medium: leased-line, carrier: frontier}
`,
	Policy: []string{"NIST SP 800-53 CP-8(2)", "NIST SP 800-53 CP-7(1)"},
	run:    runSingleDevice,

	requires: []passDef{siteCutsPass},
}

func runSingleDevice(pass *rulePass) error {
	sc := resultOf(pass, siteCutsPass)
	if sc == nil {
		return nil
	}
	for _, x := range sc.devices() {
		d, sites := x.elem, x.sites
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: "With device " + d.ID + " down, " + cutPhrase(sites),
			Sites:   sites,
			Pos:     d.Pos,
		})
	}
	return nil
}

// cutPhrase ends a redundancy message: which sites lose the state hubs.
func cutPhrase(sites []string) string {
	if len(sites) == 1 {
		return "site " + sites[0] + " loses every path to a state hub."
	}
	return "sites " + andList(sites) + " lose every path to a state hub."
}
