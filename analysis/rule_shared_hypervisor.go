package analysis

import "sort"

// sharedHypervisor is the shared-hypervisor rule.
var sharedHypervisor = &Rule{
	ID:       "shared-hypervisor",
	Severity: Medium,
	Summary:  "A hypervisor runs virtual machines of a criminal-justice zone and of a non-criminal-justice, internet or public zone.",
	Doc:      `Fires for a device that hosts virtual machines (named as their host) when, among those machines, some are in a criminal-justice zone and some (or the same) in a non-criminal-justice, internet or public zone. A hypervisor shared across trust levels is one compromise away from exposing CJI: the virtual machines need the same separation as physical hosts. Fix it by running the CJI machines on hypervisors of their own, or by documenting the hypervisor's isolation controls and obtaining a waiver.`,
	Fix:      `Run the criminal-justice virtual machines on a hypervisor of their own, or document the hypervisor's isolation controls and obtain a waiver.`,
	Example: `devices:
  - {id: esx1, type: hypervisor, site: hq, zone: cji}
  - {id: rms-vm, type: virtual-machine, site: hq, host: esx1, zone: cji}
  - {id: web-vm, type: virtual-machine, site: hq, host: esx1, zone: city}
`,
	Policy: []string{"CJIS Security Policy 5.10.3.2", "NIST SP 800-53 SC-39", "NIST SP 800-53 SC-7"},
	run:    runSharedHypervisor,
}

func runSharedHypervisor(pass *rulePass) error {
	m := pass.Model
	guests := map[string][]string{}
	for _, d := range m.Devices {
		if d.Host != "" {
			guests[d.Host] = append(guests[d.Host], d.ID)
		}
	}
	hosts := make([]string, 0, len(guests))
	for h := range guests {
		if m.Device(h) != nil {
			hosts = append(hosts, h)
		}
	}
	sort.Strings(hosts)
	for _, h := range hosts {
		var cjVMs, otherVMs []string
		sort.Strings(guests[h])
		for _, vm := range guests[h] {
			cj, other := zonesSplit(m, m.Device(vm).Zones)
			if len(cj) > 0 {
				cjVMs = append(cjVMs, vm)
			}
			if len(other) > 0 {
				otherVMs = append(otherVMs, vm)
			}
		}
		if len(cjVMs) == 0 || len(otherVMs) == 0 {
			continue
		}
		d := m.Device(h)
		pass.Report(Finding{
			Subject: h,
			Kind:    KindDevice,
			Message: "Hypervisor " + h + " runs criminal-justice virtual machines (" + andList(cjVMs) + ") beside machines of an untrusted zone (" + andList(otherVMs) + ").",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}
