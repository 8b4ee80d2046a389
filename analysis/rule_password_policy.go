package analysis

import "github.com/netreview/netreview/topology"

// passwordPolicy is the password-policy rule: a CJI device whose passwords
// do not follow the policy.
var passwordPolicy = &Rule{
	ID:       "password-policy",
	Severity: Medium,
	Summary:  "A CJI device's passwords do not follow the policy.",
	Doc:      `Fires for a device that processes CJI (see cji in the proposal format) whose password-policy is non-compliant. Where passwords are used, as the only factor or as one of several, the CJIS Security Policy sets their rules: length, no reuse, no common or compromised passwords, protection in storage and transit. A password-policy that is unknown or not given is a question (unanswered).`,
	Fix:      `Configure the device (or the directory it authenticates against) to enforce the CJIS password rules and record password-policy: compliant.`,
	Example: `devices:
  - id: rms
    type: server
    site: hq
    zone: cji
    password-policy: non-compliant
`,
	Policy: []string{"CJIS Security Policy 5.6.2.1", "NIST SP 800-53 IA-5(1)"},
	run:    runPasswordPolicy,
}

func runPasswordPolicy(pass *rulePass) error {
	m := pass.Model
	for _, d := range m.Devices {
		if d.PasswordPolicy != topology.PasswordNonCompliant || !m.IsCJI(d) {
			continue
		}
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: capitalize(deviceWhere(m, d)) + " processes criminal justice information, but its passwords do not follow the CJIS password policy.",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}
