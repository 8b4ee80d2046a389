package analysis

// Unpatched is the unpatched rule.
var Unpatched = &Rule{
	ID:       "unpatched",
	Severity: Medium,
	Subject:  KindDevice,
	Summary:  "A CJI device or a boundary device is not patched under management.",
	Policy:   []string{"CJIS Security Policy 5.10.4.1", "NIST SP 800-53 SI-2"},
	Run:      todo,
}
