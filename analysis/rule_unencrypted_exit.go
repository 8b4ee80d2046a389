package analysis

// unencryptedExit is the unencrypted-exit rule.
var unencryptedExit = &Rule{
	ID:       "unencrypted-exit",
	Severity: High,
	Summary:  "CJI can leave a physically secure location in cleartext over this link or tunnel.",
	Doc:      `Fires for a link that leaves the physically secure location (its ends stand in different sites, or in a site that is not physically secure, or it is radio), has no encryption of its own and is named in no tunnel's over, when it lies on some simple path between two CJI devices in the CJI graph; and for a tunnel on such a path that rides a link leaving the secure location with encryption protocol none (or no encryption field at all). Any such path may carry CJI, a backup circuit as much as the primary, so CJI can leave the building in cleartext. The finding's path shows one way it does. Fix it by encrypting the link (MACsec, IPsec, TLS) with a FIPS 140-3 validated module of at least 128 bits, by carrying the traffic in such a tunnel and naming the link in the tunnel's over, or by a protected-medium run between physically secure sites.`,
	Fix:      `Encrypt the link with a FIPS 140-3 validated module and a key of at least 128 bits (MACsec, IPsec or TLS), or carry the traffic in such a tunnel and name the link in the tunnel's over.`,
	Example: `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji}
  - {id: annex-ws, type: workstation, site: annex, zone: cji}
links:
  - id: hq-annex
    a: hq-ws
    b: annex-ws
    medium: fiber
    encryption: {protocol: none}
`,
	Policy: []string{"CJIS Security Policy 5.10.1.2.1", "NIST SP 800-53 SC-8", "NIST SP 800-53 SC-13"},
	run:    runUnencryptedExit,

	requires: []passDef{exposurePass},
}

func runUnencryptedExit(pass *rulePass) error {
	for _, x := range resultOf(pass, exposurePass) {
		if classifyEncryption(x.enc) != encCleartext {
			continue
		}
		pass.Report(Finding{
			Subject: x.id,
			Kind:    x.kind,
			Message: "Criminal justice information can cross " + kindWord(x.kind) + " " + x.id + " in cleartext; " + x.where() + ".",
			Path:    x.path(),
			Sites:   x.sites,
			Pos:     x.pos,
		})
	}
	return nil
}
