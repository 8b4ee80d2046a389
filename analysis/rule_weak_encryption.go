package analysis

// weakEncryption is the weak-encryption rule.
var weakEncryption = &Rule{
	ID:       "weak-encryption",
	Severity: High,
	Summary:  "CJI leaves a physically secure location over this link or tunnel under encryption that is not FIPS-validated or uses keys under 128 bits.",
	Doc:      `Fires where unencrypted-exit would, but the link or tunnel has encryption that is not adequate: it names no FIPS 140 certificate, or its key is shorter than 128 bits. CJI in transit outside a physically secure location must be protected by a FIPS-validated cryptographic module with a symmetric key of at least 128 bits; anything less is treated as cleartext. A key length that is not given is not a finding here but a question (unanswered). Fix it by using a FIPS 140-3 validated module (record its certificate number in fips) with AES-128 or stronger.`,
	Fix:      `Replace the encryption with a FIPS 140-3 validated module using AES-128 or stronger, and record its certificate number in fips and its key length in bits.`,
	Example: `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji}
  - {id: annex-ws, type: workstation, site: annex, zone: cji}
links:
  - id: hq-annex
    a: hq-ws
    b: annex-ws
    medium: microwave
    encryption: {protocol: ipsec, fips: "3651", bits: 56}
`,
	Policy: []string{"CJIS Security Policy 5.10.1.2.1", "NIST SP 800-53 SC-8", "NIST SP 800-53 SC-13"},
	run:    runWeakEncryption,

	requires: []passDef{exposurePass},
}

func runWeakEncryption(pass *rulePass) error {
	for _, x := range resultOf(pass, exposurePass) {
		if classifyEncryption(x.enc) != encWeak {
			continue
		}
		why := "its module has no FIPS 140 certificate"
		if x.enc.FIPS != "" {
			why = "its key is shorter than 128 bits"
		} else if x.enc.Bits > 0 && x.enc.Bits < 128 {
			why = "its module has no FIPS 140 certificate and its key is shorter than 128 bits"
		}
		pass.Report(Finding{
			Subject: x.id,
			Kind:    x.kind,
			Message: "Criminal justice information crosses " + kindWord(x.kind) + " " + x.id + " under inadequate encryption: " + why + "; " + x.where() + ".",
			Path:    x.path(),
			Sites:   x.sites,
			Pos:     x.pos,
		})
	}
	return nil
}
