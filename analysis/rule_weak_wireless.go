package analysis

// WeakWireless is the weak-wireless rule.
var WeakWireless = &Rule{
	ID:       "weak-wireless",
	Severity: High,
	Subject:  KindDevice,
	Summary:  "A wireless access point in a criminal-justice zone uses open, WEP or WPA security.",
	Policy:   []string{"CJIS Security Policy 5.13.1.1", "NIST SP 800-53 AC-18"},
	Run:      todo,
}
