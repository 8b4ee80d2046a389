package analysis

// NoMonitoring is the no-monitoring rule.
var NoMonitoring = &Rule{
	ID:       "no-monitoring",
	Severity: Medium,
	Subject:  KindDevice,
	Summary:  "A boundary device between a criminal-justice zone and another zone has no intrusion monitoring.",
	Policy:   []string{"CJIS Security Policy 5.10.1.3", "NIST SP 800-53 SI-4"},
	Run:      todo,
}
