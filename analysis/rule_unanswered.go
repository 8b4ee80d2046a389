package analysis

// Unanswered is the unanswered rule.
var Unanswered = &Rule{
	ID:       "unanswered",
	Severity: Info,
	Subject:  KindDevice,
	Summary:  "An attribute a rule needs for this device or link is unknown or missing: a question for the agency.",
	Policy:   nil,
	Run:      todo,
}
