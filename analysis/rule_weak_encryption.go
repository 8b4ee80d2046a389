package analysis

// WeakEncryption is the weak-encryption rule.
var WeakEncryption = &Rule{
	ID:       "weak-encryption",
	Severity: High,
	Subject:  KindLink,
	Summary:  "CJI leaves a physically secure location over this link or tunnel with encryption that is not FIPS-validated or is under 128 bits.",
	Policy:   []string{"CJIS Security Policy 5.10.1.2.1", "NIST SP 800-53 SC-8", "NIST SP 800-53 SC-13"},
	Run:      todo,
}
