package analysis

// singleLink is the single-link rule.
var singleLink = &Rule{
	ID:       "single-link",
	Severity: Medium,
	Summary:  "With this one link down, some site loses every path to a state hub.",
	Doc:      `Fires for a link whose failure alone cuts a site off from every state hub in the CJI graph, when the site reaches one with every element up. A link that goes down takes with it every tunnel that rides it. A link that touches one of the site's own CJI devices (an access cable) is not counted as a single point of failure of that site. The finding lists every site the link cuts off. Two circuits between the same pair of routers are redundancy; one circuit, or two tunnels over the same circuit, are not. Fix it by adding a diverse second circuit, or accept the risk with a waiver.`,
	Fix:      `Add a diverse second circuit to the state hub, or accept the risk with a waiver.`,
	Example: `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji}
  - {id: hq-rtr, type: router, site: hq, zone: cji}
links:
  - {id: hq-lan, a: hq-ws, b: hq-rtr, medium: ethernet}
  - {id: hq-uplink, a: hq-rtr, b: hub, medium: mpls, carrier: att}
`,
	Policy: []string{"NIST SP 800-53 CP-8(2)", "NIST SP 800-53 CP-7(1)"},
	run:    runSingleLink,

	requires: []passDef{siteCutsPass},
}

func runSingleLink(pass *rulePass) error {
	sc := resultOf(pass, siteCutsPass)
	if sc == nil {
		return nil
	}
	for _, x := range sc.links() {
		l, sites := x.elem, x.sites
		pass.Report(Finding{
			Subject: l.ID,
			Kind:    KindLink,
			Message: "With link " + l.ID + " down, " + cutPhrase(sites),
			Sites:   sites,
			Pos:     l.Pos,
		})
	}
	return nil
}
