package analysis

import "github.com/netreview/netreview/topology"

// splitTunnel is the split-tunnel rule: a VPN gateway, or a remote CJI
// workstation or mobile device, that lets traffic bypass the tunnel while it
// is up.
var splitTunnel = &Rule{
	ID:       "split-tunnel",
	Severity: High,
	Summary:  "A VPN gateway, or a remote CJI workstation or mobile device, allows split tunneling.",
	Doc:      `Fires for every vpn-gateway, and for a workstation or mobile device that processes CJI and stands outside a physically secure location (a controlled area, an unsecured site, a vehicle, or no site), whose split-tunnel is allowed. With split tunneling a remote device talks to the internet directly while its tunnel to the agency is up, so the device becomes a bridge between the internet and the CJI network that no boundary of the agency's sees. Remote access to CJI must send all of the device's traffic through the tunnel (the CJIS Security Policy's boundary protection, NIST SP 800-53 SC-7(7)). A split-tunnel that is unknown or not given is a question (unanswered).`,
	Fix:      `Configure the VPN (the gateway's policy and the client profile) to send all traffic through the tunnel while it is connected (full tunnel, no local LAN or internet breakout), and record split-tunnel: prohibited.`,
	Example: `devices:
  - id: mdc
    type: mobile
    site: patrol
    zone: cji
    split-tunnel: allowed
`,
	Policy: []string{"CJIS Security Policy 5.10.1.1", "NIST SP 800-53 SC-7(7)", "NIST SP 800-53 AC-17(3)"},
	run:    runSplitTunnel,
}

func runSplitTunnel(pass *rulePass) error {
	m := pass.Model
	for _, d := range m.Devices {
		if d.SplitTunnel != topology.SplitTunnelAllowed || !splitTunnelInScope(m, d) {
			continue
		}
		verb := "allows split tunneling: while its tunnel is up, a remote device may send traffic around it"
		if d.Type != topology.VPNGateway {
			verb = "stands outside a physically secure location and allows split tunneling: while its tunnel is up, it may send traffic around it, straight to the internet"
		}
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: capitalize(deviceWhere(m, d)) + " " + verb + ".",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}

// splitTunnelInScope reports whether split-tunnel reads the device's
// split-tunnel: any VPN gateway, and a CJI workstation or mobile device
// outside a physically secure location.
func splitTunnelInScope(m *topology.Model, d *topology.Device) bool {
	switch d.Type {
	case topology.VPNGateway:
		return true
	case topology.Workstation, topology.MobileDevice:
		return m.IsCJI(d) && !m.InSecureLocation(d)
	}
	return false
}
