package analysis

import "github.com/netreview/netreview/topology"

// cloudAgreement is the cloud-agreement rule: a cloud service in a
// criminal-justice zone whose provider has not signed the CJIS agreement.
var cloudAgreement = &Rule{
	ID:       "cloud-agreement",
	Severity: High,
	Summary:  "A cloud service in a criminal-justice zone has no CJIS agreement.",
	Doc:      `Fires for a cloud-service in a criminal-justice zone whose cloud.cjis-agreement is false. A provider that stores or processes CJI must sign the CJIS Security Addendum (its staff with access screened, the data encrypted at rest under keys the agency controls, the service auditable) before any CJI goes to it. An agreement that is not given is a question (unanswered).`,
	Fix:      `Obtain the provider's signed CJIS Security Addendum (or move the data to a provider that has signed one) and record cjis-agreement: true, or take the service out of the criminal-justice zone.`,
	Example: `devices:
  - id: evidence-cloud
    type: cloud-service
    zone: cji
    cloud:
      provider: Example Storage Inc.
      cjis-agreement: false
`,
	Policy: []string{"CJIS Security Policy 5.10.1.5", "NIST SP 800-53 SC-28"},
	run:    runCloudAgreement,
}

func runCloudAgreement(pass *rulePass) error {
	m := pass.Model
	for _, d := range m.Devices {
		if d.Cloud == nil || d.Cloud.CJISAgreement == nil || *d.Cloud.CJISAgreement || !cloudInScope(m, d) {
			continue
		}
		provider := "its provider"
		if d.Cloud.Provider != "" {
			provider = "its provider, " + d.Cloud.Provider + ","
		}
		pass.Report(Finding{
			Subject: d.ID,
			Kind:    KindDevice,
			Message: capitalize(deviceWhere(m, d)) + " is in criminal-justice zone " + andList(cjZones(m, d)) + ", but " + provider + " has not signed the CJIS Security Addendum.",
			Sites:   deviceSites(d),
			Pos:     d.Pos,
		})
	}
	return nil
}

// cloudInScope reports whether cloud-agreement reads the device's agreement:
// a cloud service in a criminal-justice zone.
func cloudInScope(m *topology.Model, d *topology.Device) bool {
	return d.Type == topology.CloudService && m.InZoneKind(d, topology.CriminalJustice)
}
