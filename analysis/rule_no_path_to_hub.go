package analysis

// NoPathToHub is the no-path-to-hub rule.
var NoPathToHub = &Rule{
	ID:       "no-path-to-hub",
	Severity: High,
	Subject:  KindSite,
	Summary:  "The site's CJI devices reach no state hub, even with every element up.",
	Policy:   []string{"NIST SP 800-53 CP-8"},
	Run:      todo,
}
