package analysis

import "github.com/netreview/netreview/topology"

// unpatched is the unpatched rule: a CJI device or a boundary device that is
// not patched under management.
var unpatched = &Rule{
	ID:       "unpatched",
	Severity: Medium,
	Summary:  "A CJI device or a boundary device is not patched under management.",
	Doc:      `Fires for a device that processes CJI, or that is a boundary (a firewall, or a device with boundary: firewall or acl), whose patching is unmanaged. Flaws in the software of the devices that hold CJI or guard it must be found, patched in a set time and the patching tracked; a device that nobody patches on a schedule is the usual way in. A patching that is unknown or not given is a question (unanswered).`,
	Fix:      `Put the device under a managed patching process (vendor updates applied on a schedule, tracked and verified) and record patching: managed.`,
	Example: `devices:
  - id: dispatch-ws
    type: workstation
    site: hq
    zone: cji
    patching: unmanaged
`,
	Policy: []string{"CJIS Security Policy 5.10.4.1", "NIST SP 800-53 SI-2"},
	run:    runUnpatched,
}

func runUnpatched(pass *rulePass) error {
	m := pass.Model
	for _, d := range m.Devices {
		if d.Patching != topology.PatchingUnmanaged || !patchingInScope(m, d) {
			continue
		}
		role := "processes criminal justice information"
		switch {
		case m.IsCJI(d) && d.IsBoundary():
			role = "processes criminal justice information and enforces a boundary"
		case d.IsBoundary():
			role = "enforces a boundary of the network"
		}
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: capitalize(deviceWhere(m, d)) + " " + role + ", but nobody manages its patching.",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}

// patchingInScope reports whether unpatched reads the device's patching: a
// CJI device or a boundary device.
func patchingInScope(m *topology.Model, d *topology.Device) bool {
	return m.IsCJI(d) || d.IsBoundary()
}
