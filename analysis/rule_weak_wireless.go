package analysis

import "github.com/netreview/netreview/topology"

// weakWireless is the weak-wireless rule: a wireless access point in a
// criminal-justice zone that uses open, WEP or WPA security.
var weakWireless = &Rule{
	ID:       "weak-wireless",
	Severity: High,
	Summary:  "A wireless access point in a criminal-justice zone uses open, WEP or WPA security.",
	Doc:      `Fires for a wireless-ap in a criminal-justice zone whose wireless security is open, wep or wpa. An open network has no encryption, WEP is broken in minutes, and WPA (TKIP) is deprecated: none of them protects CJI or keeps unauthorized devices off the network. WPA2 and WPA3 are accepted (the encryption rules judge the radio link itself). An access point whose wireless field is not given is a question (unanswered).`,
	Fix:      `Reconfigure the access point for WPA3-Enterprise or WPA2-Enterprise (802.1X with a FIPS-validated module), or move it out of the criminal-justice zone, and record the new wireless setting.`,
	Example: `devices:
  - id: squad-ap
    type: wireless-ap
    site: hq
    zone: cji
    wireless: wep
`,
	Policy: []string{"CJIS Security Policy 5.13.1.1", "NIST SP 800-53 AC-18"},
	run:    runWeakWireless,
}

func runWeakWireless(pass *rulePass) error {
	m := pass.Model
	for _, d := range m.Devices {
		var what string
		switch d.Wireless {
		case topology.Open:
			what = "is open, with no wireless encryption or authentication"
		case topology.WEP:
			what = "uses WEP, which is broken"
		case topology.WPA:
			what = "uses WPA (TKIP), which is deprecated"
		default:
			continue
		}
		if !wirelessInScope(m, d) {
			continue
		}
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: capitalize(deviceWhere(m, d)) + " is in criminal-justice zone " + andList(cjZones(m, d)) + " and " + what + "; it needs WPA2 or WPA3, preferably Enterprise.",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}

// wirelessInScope reports whether weak-wireless reads the device's wireless
// setting: a wireless access point in a criminal-justice zone.
func wirelessInScope(m *topology.Model, d *topology.Device) bool {
	return d.Type == topology.WirelessAP && m.InZoneKind(d, topology.CriminalJustice)
}
