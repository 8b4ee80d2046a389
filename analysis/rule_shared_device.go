package analysis

import (
	"github.com/netreview/netreview/topology"
)

// sharedDevice is the shared-device rule.
var sharedDevice = &Rule{
	ID:       "shared-device",
	Severity: Medium,
	Summary:  "A device that enforces no boundary sits in a criminal-justice zone and in a non-criminal-justice, internet or public zone.",
	Doc:      `Fires for a device that is not a boundary (not a firewall, and no boundary: firewall or acl) and sits both in a criminal-justice zone and in a non-criminal-justice, internet or public zone: a switch or server shared between the CJI network and another network joins them with nothing to enforce what crosses. Fix it by giving each zone its own device, or by making the shared device enforce the boundary (an ACL that is documented and monitored) and recording boundary: acl.`,
	Fix:      `Give the criminal-justice zone a device of its own, or make the shared device enforce the boundary with a documented, monitored ACL and record boundary: acl.`,
	Example: `devices:
  - id: core-sw
    type: switch
    site: city-hall
    zones: [cji, city]
    boundary: none
`,
	Policy: []string{"CJIS Security Policy 5.10.1.1", "NIST SP 800-53 SC-7"},
	run:    runSharedDevice,
}

func runSharedDevice(pass *rulePass) error {
	m := pass.Model
	for _, d := range m.Devices {
		if d.IsBoundary() || len(d.Zones) < 2 {
			continue // a device in one zone at most is in no two
		}
		cj, other := zonesSplit(m, d.Zones)
		if len(cj) == 0 || len(other) == 0 {
			continue
		}
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: "Device " + d.ID + " sits in criminal-justice zone " + andList(cj) + " and in zone " + andList(other) + " but enforces no boundary between them.",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}

// zonesSplit returns, in the order given and each once, the zone ids that
// are criminal-justice and those that are untrusted.
func zonesSplit(m *topology.Model, ids []string) (cj, untrusted []string) {
	for _, id := range ids {
		z := m.Zone(id)
		switch {
		case z == nil:
		case z.Kind == topology.CriminalJustice:
			cj = appendOnce(cj, id)
		case z.Kind.Untrusted():
			untrusted = appendOnce(untrusted, id)
		}
	}
	return cj, untrusted
}
