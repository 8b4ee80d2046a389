package analysis

// SingleLink is the single-link rule.
var SingleLink = &Rule{
	ID:       "single-link",
	Severity: Medium,
	Subject:  KindLink,
	Summary:  "With this one link down, a site is cut off from every state hub.",
	Policy:   []string{"NIST SP 800-53 CP-8(2)", "NIST SP 800-53 CP-7(1)"},
	Run:      todo,
}
