package analysis

import "sort"

// MissingBoundary is the missing-boundary rule.
var MissingBoundary = &Rule{
	ID:       "missing-boundary",
	Severity: High,
	Subject:  KindZone,
	Summary:  "A device of a non-criminal-justice, internet or public zone reaches a CJI device without crossing a firewall or ACL.",
	Doc:      `Fires once for each zone of kind non-criminal-justice, internet or public one of whose devices reaches a CJI device in the boundary-free graph: the physical graph with every boundary device (a firewall, or a device with boundary: firewall or acl) taken out. A device that is in such a zone and is itself a CJI device counts. A CJI device that is itself a boundary (a laptop with a host firewall) is protected by it and is not reached. The finding's path is a shortest such path. Networks of different trust must meet only at a boundary that enforces what may cross. Fix it by putting a firewall or ACL-enforcing device between the zone and the CJI network, or by moving the device out of the untrusted zone.`,
	Fix:      `Put a firewall, or a device enforcing a documented ACL (boundary: acl), between the untrusted zone and the CJI network, or move the device out of the untrusted zone.`,
	Example: `devices:
  - {id: kiosk, type: workstation, site: hq, zone: guest}
  - {id: hq-sw, type: switch, site: hq, zones: [cji, guest], boundary: none}
  - {id: hq-ws, type: workstation, site: hq, zone: cji}
links:
  - {id: kiosk-link, a: kiosk, b: hq-sw, medium: ethernet}
  - {id: ws-link, a: hq-ws, b: hq-sw, medium: ethernet}
`,
	Policy: []string{"CJIS Security Policy 5.10.1.1", "NIST SP 800-53 SC-7", "NIST SP 800-53 AC-4"},
	Run:    runMissingBoundary,
}

func runMissingBoundary(pass *Pass) error {
	m, g := pass.Model, pass.Graphs
	members := map[string][]int32{} // zone id -> its devices' vertices, ascending
	for v, d := range g.devs {
		for _, z := range d.Zones {
			members[z] = append(members[z], int32(v))
		}
	}
	zones := append(m.Zones[:0:0], m.Zones...)
	sort.SliceStable(zones, func(i, j int) bool { return zones[i].ID < zones[j].ID })
	for i, z := range zones {
		if !z.Kind.Untrusted() || (i > 0 && zones[i-1].ID == z.ID) {
			continue
		}
		path := g.boundaryPath(members[z.ID])
		if path == nil {
			continue
		}
		from, to := path[0], path[len(path)-1]
		msg := "Device " + from + " of " + string(z.Kind) + " zone " + z.ID + " reaches CJI device " + to + " without crossing a firewall or ACL."
		if from == to {
			msg = "Device " + from + " is in " + string(z.Kind) + " zone " + z.ID + " and is itself a CJI device with no boundary of its own."
		}
		pass.Report(Finding{
			Subject: z.ID,
			Kind:    KindZone,
			Message: msg,
			Path:    path,
			Sites:   g.endSites(from, to),
			Pos:     z.Pos,
		})
	}
	return nil
}
