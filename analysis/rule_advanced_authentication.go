package analysis

import (
	"strings"

	"github.com/netreview/netreview/topology"
)

// advancedAuthentication is the advanced-authentication rule: a workstation
// or mobile CJI device, or a VPN gateway, that lets a person log on with a
// password alone or with nothing. Under a v5.9 pack it applies only outside
// a physically secure location (to a VPN gateway always); under v6.0
// everywhere.
var advancedAuthentication = &Rule{
	ID:       "advanced-authentication",
	Severity: High,
	Summary:  "A workstation, mobile CJI device or VPN gateway lets a person log on with a password alone, or with nothing.",
	Doc:      `Fires for a workstation or mobile device that processes CJI, and for every vpn-gateway, whose authentication is password or none. Under the cjis-6.0 pack (CJIS Security Policy v6.0) multi-factor authentication is required of every person who reaches CJI, inside a physically secure location as well as outside it. Under the cjis-5.9 pack (v5.9.x) advanced authentication is required only where the device stands outside a physically secure location (a controlled area, an unsecured site, a vehicle, or no site); a VPN gateway is remote access by nature and is always in scope. An authentication that is unknown or not given is a question (unanswered), not a finding.`,
	Fix:      `Require multi-factor (advanced) authentication of every person who logs on to the device or through the gateway, for example a smart card, a hardware token or an authenticator app with the password, and record authentication: advanced.`,
	Example: `devices:
  - id: mdc
    type: mobile
    site: patrol
    zone: cji
    authentication: password
`,
	Policy: []string{"CJIS Security Policy 5.6.2.2", "NIST SP 800-53 IA-2(1)", "NIST SP 800-53 IA-2(2)"},
	run:    runAdvancedAuthentication,
}

func runAdvancedAuthentication(pass *rulePass) error {
	m := pass.Model
	for _, d := range m.Devices {
		var how string
		switch d.Authentication {
		case topology.AuthPassword:
			how = "with a password alone"
		case topology.AuthNone:
			how = "with no authentication at all"
		default:
			continue
		}
		if !authInScope(m, pass.Pack, d) {
			continue
		}
		verb := "lets a person log on " + how
		if d.Type == topology.VPNGateway {
			verb = "lets a person connect through it " + how
		}
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: capitalize(deviceWhere(m, d)) + " " + verb + "; " + authRequirement(pass.Pack, d) + ".",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}

// policyV5 reports whether the pack applies a v5 CJIS Security Policy
// ("5.9", "5.9.5"): then advanced authentication is required only outside
// physically secure locations. Any other version, or none, reads as v6.0.
func policyV5(p *Pack) bool { return p != nil && strings.HasPrefix(p.Policy, "5.") }

// authInScope reports whether advanced-authentication reads the device's
// authentication under the pack: a CJI workstation or mobile device (under
// v5 only outside a physically secure location), or any VPN gateway.
func authInScope(m *topology.Model, p *Pack, d *topology.Device) bool {
	switch d.Type {
	case topology.VPNGateway:
		return true
	case topology.Workstation, topology.MobileDevice:
		if !m.IsCJI(d) {
			return false
		}
		return !policyV5(p) || !m.InSecureLocation(d)
	}
	return false
}

// authRequirement says why the device needs advanced authentication.
func authRequirement(p *Pack, d *topology.Device) string {
	switch {
	case d.Type == topology.VPNGateway:
		return "remote access to criminal justice information requires advanced (multi-factor) authentication"
	case policyV5(p):
		return "outside a physically secure location, access to criminal justice information requires advanced (multi-factor) authentication"
	}
	return "the CJIS Security Policy v6.0 requires multi-factor authentication for every access to criminal justice information"
}
