package analysis

// SingleDevice is the single-device rule.
var SingleDevice = &Rule{
	ID:       "single-device",
	Severity: Medium,
	Subject:  KindDevice,
	Summary:  "With this one device down, a site is cut off from every state hub.",
	Policy:   []string{"NIST SP 800-53 CP-8(2)", "NIST SP 800-53 CP-7(1)"},
	Run:      todo,
}
