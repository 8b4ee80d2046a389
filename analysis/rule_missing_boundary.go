package analysis

// MissingBoundary is the missing-boundary rule.
var MissingBoundary = &Rule{
	ID:       "missing-boundary",
	Severity: High,
	Subject:  KindZone,
	Summary:  "A device of a non-criminal-justice, internet or public zone reaches a CJI device without crossing a firewall or ACL.",
	Policy:   []string{"CJIS Security Policy 5.10.1.1", "NIST SP 800-53 SC-7", "NIST SP 800-53 AC-4"},
	Run:      todo,
}
