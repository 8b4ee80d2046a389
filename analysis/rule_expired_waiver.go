package analysis

// expiredWaiver is the expired-waiver rule: a waiver whose expiry date has
// passed as of the review date.
var expiredWaiver = &Rule{
	ID:       "expired-waiver",
	Severity: Medium,
	Summary:  "A waiver's expiry date has passed.",
	Doc:      `Fires for each waiver whose expires date is before the review date (today, or --date): a waiver accepts its finding up to and including its expiry day and not after. The finding's subject is RULE/SUBJECT, the rule and subject the waiver names, and it points at the waiver. An expired waiver accepts nothing, so the finding it covered counts again. A waiver without an expiry date never expires. Waivers are temporary by design: the risk was accepted for a time, on a plan to fix it, and that time is up.`,
	Fix:      `Fix what the waiver accepted, or ask the CJIS Systems Agency to renew the waiver and record its new expires date and approver.`,
	Example: `waivers:
  - rule: single-device
    subject: hq-rtr
    reason: Second router funded in the FY26 budget.
    approved-by: CJIS Systems Agency
    expires: 2025-06-30
`,
	Policy: nil,
	run:    runExpiredWaiver,
}

func runExpiredWaiver(pass *rulePass) error {
	m := pass.Model
	seen := map[string]bool{}
	for _, w := range m.Waivers {
		if !waiverExpired(w.Expires, pass.Date) {
			continue
		}
		subject := w.Rule + "/" + w.Subject
		if seen[subject] {
			continue
		}
		seen[subject] = true
		msg := "The waiver for " + w.Rule + " on " + w.Subject
		if w.ApprovedBy != "" {
			msg += ", approved by " + w.ApprovedBy + ","
		}
		msg += " expired on " + w.Expires.Format("2006-01-02") + "; it no longer accepts that finding."
		pass.Report(Finding{
			Subject: subject,
			Kind:    KindWaiver,
			Message: msg,
			Sites:   subjectSites(m, w.Subject),
			Pos:     w.Pos,
		})
	}
	return nil
}
