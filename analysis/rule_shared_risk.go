package analysis

// sharedRisk is the shared-risk rule.
var sharedRisk = &Rule{
	ID:       "shared-risk",
	Severity: Medium,
	Summary:  "With every element that shares this risk down, a site is cut off from every state hub.",
	Doc:      `Fires for a shared-risk tag (a device's or its site's risks, a link's risks, and carrier:NAME for a link's carrier) when taking down every element that carries the tag at once cuts a site off from every state hub, and no single element carrying the tag does so alone (that is single-device or single-link). As for those rules, state hubs, the site's own CJI devices and links touching them are not counted against the site. Two "diverse" circuits from one carrier, or through one conduit or flood plain, fail together. Fix it by taking the backup path through a different carrier or route, or accept the risk with a waiver.`,
	Fix:      `Take the backup path through a different carrier, conduit or building, so that no one shared risk carries every path, or accept the risk with a waiver.`,
	Example: `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji}
  - {id: hq-rtr, type: router, site: hq, zone: cji}
links:
  - {id: hq-lan, a: hq-ws, b: hq-rtr, medium: ethernet}
  - {id: primary, a: hq-rtr, b: hub, medium: mpls, carrier: att}
  - {id: backup, a: hq-rtr, b: hub, medium: leased-line, carrier: att}
`,
	Policy: []string{"NIST SP 800-53 CP-8(2)"},
	run:    runSharedRisk,

	requires: []passDef{riskCutsPass},
}

func runSharedRisk(pass *rulePass) error {
	for _, r := range resultOf(pass, riskCutsPass) {
		sites := r.sites
		pass.Report(Finding{
			Subject: r.tag,
			Kind:    KindRisk,
			Message: "With every element tagged " + r.tag + " down, " + cutPhrase(sites),
			Sites:   sites,
			Pos:     r.pos,
		})
	}
	return nil
}
