package analysis

// CloudAgreement is the cloud-agreement rule.
var CloudAgreement = &Rule{
	ID:       "cloud-agreement",
	Severity: High,
	Subject:  KindDevice,
	Summary:  "A cloud service in a criminal-justice zone has no CJIS agreement.",
	Policy:   []string{"CJIS Security Policy 5.10.1.5", "NIST SP 800-53 SC-28"},
	Run:      todo,
}
