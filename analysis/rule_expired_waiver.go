package analysis

// ExpiredWaiver is the expired-waiver rule.
var ExpiredWaiver = &Rule{
	ID:       "expired-waiver",
	Severity: Medium,
	Subject:  KindWaiver,
	Summary:  "A waiver's expiry date has passed.",
	Policy:   nil,
	Run:      todo,
}
