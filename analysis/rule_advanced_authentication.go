package analysis

// AdvancedAuthentication is the advanced-authentication rule.
var AdvancedAuthentication = &Rule{
	ID:       "advanced-authentication",
	Severity: High,
	Subject:  KindDevice,
	Summary:  "A workstation, mobile CJI device or VPN gateway lets a person on with a password alone, or with nothing.",
	Policy:   []string{"CJIS Security Policy 5.6.2.2", "NIST SP 800-53 IA-2(1)", "NIST SP 800-53 IA-2(2)"},
	Run:      todo,
}
