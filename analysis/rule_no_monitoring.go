package analysis

import "github.com/netreview/netreview/topology"

// noMonitoring is the no-monitoring rule: a boundary device between a
// criminal-justice zone and a zone of another kind that nothing monitors.
var noMonitoring = &Rule{
	ID:       "no-monitoring",
	Severity: Medium,
	Summary:  "A boundary device between a criminal-justice zone and another zone has no intrusion monitoring.",
	Doc:      `Fires for a boundary device (a firewall, or a device with boundary: firewall or acl) that sits in a criminal-justice zone and in a zone of any other kind (non-criminal-justice, internet, public or transport) and has monitoring: none. The CJIS Security Policy requires that traffic crossing into the CJI network at its boundary be watched for intrusions and the alerts reviewed. A monitoring that is unknown or not given is a question (unanswered).`,
	Fix:      `Monitor the boundary with an intrusion detection or prevention system, or send its logs to a SIEM that is reviewed, and record monitoring: ids, ips or siem.`,
	Example: `devices:
  - id: fw
    type: firewall
    site: hq
    zones: [cji, city]
    monitoring: none
`,
	Policy: []string{"CJIS Security Policy 5.10.1.3", "NIST SP 800-53 SI-4"},
	run:    runNoMonitoring,
}

func runNoMonitoring(pass *rulePass) error {
	m := pass.Model
	for _, d := range m.Devices {
		if d.Monitoring != topology.MonitoringNone || !monitoringInScope(m, d) {
			continue
		}
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: capitalize(deviceWhere(m, d)) + " is the boundary between criminal-justice zone " + andList(cjZones(m, d)) + " and zone " + andList(otherZones(m, d)) + ", and nothing monitors it for intrusions.",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}

// monitoringInScope reports whether no-monitoring reads the device's
// monitoring: a boundary device in a criminal-justice zone and in a zone of
// another kind (so in two zones at least).
func monitoringInScope(m *topology.Model, d *topology.Device) bool {
	return d.IsBoundary() && len(d.Zones) >= 2 && len(cjZones(m, d)) > 0 && len(otherZones(m, d)) > 0
}
