package analysis

// FIPS1402Sunset is the fips-140-2-sunset rule.
var FIPS1402Sunset = &Rule{
	ID:       "fips-140-2-sunset",
	Severity: Medium,
	Subject:  KindLink,
	Summary:  "Encryption that protects CJI rests on a module validated under FIPS 140-2 only, which is not accepted after 21 September 2026.",
	Policy:   []string{"CJIS Security Policy 5.10.1.2.1", "NIST SP 800-53 SC-13"},
	Run:      todo,
}
