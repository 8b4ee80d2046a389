package analysis

// noPathToHub is the no-path-to-hub rule.
var noPathToHub = &Rule{
	ID:       "no-path-to-hub",
	Severity: High,
	Summary:  "With every element up, none of the site's CJI devices reaches a state hub.",
	Doc:      `Fires for a site that holds a CJI device and no state hub when, with every device, link and tunnel up, none of its CJI devices reaches a state hub in the CJI graph (the links named in no tunnel's over, plus the tunnels). Such a site cannot reach the state's CJIS systems over the network as designed, or can only over links that the design says carry CJI inside tunnels. It does not run when the model has no state hub. Fix it by adding the missing link or tunnel to the state hub, or by correcting the tunnels' over lists.`,
	Fix:      `Add the missing link or tunnel between the site and the state hub, or correct the tunnels' over lists so that the site's CJI reaches the state.`,
	Example: `devices:
  - {id: annex-ws, type: workstation, site: annex, zone: cji}
  - {id: annex-rtr, type: router, site: annex, zone: cji}
links:
  - {id: annex-lan, a: annex-ws, b: annex-rtr, medium: ethernet}
  # nothing joins annex-rtr to a state-hub
`,
	Policy: []string{"NIST SP 800-53 CP-8"},
	run:    runNoPathToHub,

	requires: []passDef{sitesPass},
}

func runNoPathToHub(pass *rulePass) error {
	st := resultOf(pass, sitesPass)
	if st == nil {
		return nil
	}
	for _, s := range st.cutOffSites() {
		pos := pass.Model.Site(s).Pos
		pass.Report(Finding{
			Subject: s,
			Kind:    KindSite,
			Message: "Site " + s + " has no path to a state hub: none of its CJI devices reaches one, even with every element up.",
			Sites:   []string{s},
			Pos:     pos,
		})
	}
	return nil
}
