package analysis

import (
	"time"

	"github.com/netreview/netreview/topology"
)

// fips1402SunsetDate is the last day encryption validated under FIPS 140-2
// only is accepted; the fips-140-2-sunset rule fires after it.
var fips1402SunsetDate = time.Date(2026, time.September, 21, 0, 0, 0, 0, time.UTC)

// fips1402Sunset is the fips-140-2-sunset rule.
var fips1402Sunset = &Rule{
	ID:       "fips-140-2-sunset",
	Severity: Medium,
	Summary:  "Encryption that protects CJI rests on a module validated under FIPS 140-2 only, which is not accepted after 21 September 2026.",
	Doc:      `Under the cjis-6.0 pack, and for a review dated after 21 September 2026, fires for a link or tunnel that carries CJI out of the physically secure location (as for unencrypted-exit) under encryption the other encryption rules accept, when its module was validated under FIPS 140-2 only (standard: 140-2). FIPS 140-2 certificates move to the historical list on that date and new acquisitions must rest on FIPS 140-3 validated modules. A missing standard is a question (unanswered), not a finding. Fix it by moving to a FIPS 140-3 validated module and recording standard: 140-3 with its certificate number.`,
	Fix:      `Move the encryption to a module validated under FIPS 140-3 and record its certificate number with standard: 140-3.`,
	Example: `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji}
  - {id: annex-ws, type: workstation, site: annex, zone: cji}
links:
  - id: hq-annex
    a: hq-ws
    b: annex-ws
    medium: fiber
    encryption: {protocol: macsec, fips: "3651", standard: 140-2, bits: 256}
`,
	Policy: []string{"CJIS Security Policy 5.10.1.2.1", "NIST SP 800-53 SC-13"},
	run:    runFIPS1402Sunset,

	requires: []passDef{exposurePass},
}

func runFIPS1402Sunset(pass *rulePass) error {
	if !pass.Date.After(fips1402SunsetDate) {
		return nil
	}
	for _, x := range resultOf(pass, exposurePass) {
		if classifyEncryption(x.enc) != encAccepted || x.enc.Standard != topology.FIPS1402 {
			continue
		}
		pass.Report(Finding{
			Subject: x.id,
			Kind:    x.kind,
			Message: "The encryption on " + kindWord(x.kind) + " " + x.id + " rests on FIPS 140 certificate " + x.enc.FIPS + ", validated under FIPS 140-2 only, which is not accepted after 21 September 2026; " + x.where() + ".",
			Path:    x.path(),
			Sites:   x.sites,
			Pos:     x.pos,
		})
	}
	return nil
}
