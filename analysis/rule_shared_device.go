package analysis

// SharedDevice is the shared-device rule.
var SharedDevice = &Rule{
	ID:       "shared-device",
	Severity: Medium,
	Subject:  KindDevice,
	Summary:  "A device that enforces no boundary sits in a criminal-justice zone and in a zone of lesser trust.",
	Policy:   []string{"CJIS Security Policy 5.10.1.1", "NIST SP 800-53 SC-7"},
	Run:      todo,
}
