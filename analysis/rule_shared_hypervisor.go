package analysis

// SharedHypervisor is the shared-hypervisor rule.
var SharedHypervisor = &Rule{
	ID:       "shared-hypervisor",
	Severity: Medium,
	Subject:  KindDevice,
	Summary:  "A hypervisor runs virtual machines of a criminal-justice zone and of a zone of lesser trust.",
	Policy:   []string{"CJIS Security Policy 5.10.3.2", "NIST SP 800-53 SC-39", "NIST SP 800-53 SC-7"},
	Run:      todo,
}
