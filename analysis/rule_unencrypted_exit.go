package analysis

// UnencryptedExit is the unencrypted-exit rule.
var UnencryptedExit = &Rule{
	ID:       "unencrypted-exit",
	Severity: High,
	Subject:  KindLink,
	Summary:  "CJI can leave a physically secure location in cleartext over this link or tunnel.",
	Policy:   []string{"CJIS Security Policy 5.10.1.2.1", "NIST SP 800-53 SC-8", "NIST SP 800-53 SC-13"},
	Run:      todo,
}
