package analysis

// PasswordPolicy is the password-policy rule.
var PasswordPolicy = &Rule{
	ID:       "password-policy",
	Severity: Medium,
	Subject:  KindDevice,
	Summary:  "A CJI device's passwords do not follow the policy.",
	Policy:   []string{"CJIS Security Policy 5.6.2.1", "NIST SP 800-53 IA-5(1)"},
	Run:      todo,
}
