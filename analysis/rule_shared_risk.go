package analysis

// SharedRisk is the shared-risk rule.
var SharedRisk = &Rule{
	ID:       "shared-risk",
	Severity: Medium,
	Subject:  KindRisk,
	Summary:  "With every element that shares this risk down, a site is cut off from every state hub.",
	Policy:   []string{"NIST SP 800-53 CP-8(2)"},
	Run:      todo,
}
