package analysis

import "github.com/netreview/netreview/topology"

// mobileManagement is the mobile-management rule: a mobile CJI device that
// no mobile device management controls.
var mobileManagement = &Rule{
	ID:       "mobile-management",
	Severity: Medium,
	Summary:  "A mobile CJI device has no mobile device management.",
	Doc:      `Fires for a mobile device that processes CJI whose mdm is none. A phone, tablet or laptop in a vehicle is lost or stolen far more often than a desktop, and it leaves the agency's control every shift: the CJIS Security Policy requires mobile device management for devices that access CJI, so that the agency can lock and wipe a lost device, enforce its encryption and passcode, and keep its software and configuration current. An mdm that is unknown or not given is a question (unanswered).`,
	Fix:      `Enroll the devices in a mobile device management (MDM or EMM) service that enforces encryption, a passcode and patching, and can lock and wipe a lost device, and record mdm: managed.`,
	Example: `devices:
  - id: patrol-phones
    type: mobile
    site: patrol
    zone: cji
    count: 40
    mdm: none
`,
	Policy: []string{"CJIS Security Policy 5.13.2", "NIST SP 800-53 AC-19", "NIST SP 800-53 AC-19(5)"},
	run:    runMobileManagement,
}

func runMobileManagement(pass *rulePass) error {
	m := pass.Model
	for _, d := range m.Devices {
		if d.MDM != topology.MDMNone || !mdmInScope(m, d) {
			continue
		}
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: capitalize(deviceWhere(m, d)) + " processes criminal justice information, but no mobile device management controls it: a lost or stolen device cannot be locked or wiped.",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}

// mdmInScope reports whether mobile-management reads the device's mdm: a
// mobile device that processes CJI.
func mdmInScope(m *topology.Model, d *topology.Device) bool {
	return d.Type == topology.MobileDevice && m.IsCJI(d)
}
