package analysis

import (
	"strings"

	"github.com/netreview/netreview/topology"
)

// unanswered is the unanswered rule: the attributes that the enabled rules
// of the pack in force need for a device, link or tunnel and that the
// proposal leaves unknown or does not give, phrased as questions for the
// agency. It reports one finding per element.
var unanswered = &Rule{
	ID:       "unanswered",
	Severity: Info,
	Summary:  "An attribute a rule needs for this device or link is unknown or missing: a question for the agency.",
	Doc:      `Fires once for each device, link or tunnel for which some enabled rule of the pack in force needs an attribute that is unknown or not given, and lists the questions to ask the agency, one for each such attribute. It asks only what a rule reads for that element: authentication for the devices advanced-authentication covers under the pack's policy version; password-policy for CJI devices; monitoring for boundary devices between a criminal-justice zone and another zone; patching for CJI and boundary devices; wireless for access points in a criminal-justice zone; split-tunnel for VPN gateways and for CJI workstations and mobile devices outside a physically secure location; mdm for CJI mobile devices; cloud.cjis-agreement for cloud services in a criminal-justice zone; and, for a link or tunnel that carries CJI out of the physically secure location, the encryption protocol, the key length (bits) and the FIPS certificate and standard where the encryption rules need them to decide. A rule that the pack disables asks nothing. An answer the reviewer does not have is not a pass: the design cannot be approved until it is given.`,
	Fix:      `Answer each question in the proposal: replace unknown with the actual value, or add the missing field, and submit it again.`,
	Example: `devices:
  - id: vpn
    type: vpn-gateway
    site: hq
    zone: cji
    authentication: unknown
`,
	Policy: nil,
	run:    runUnanswered,

	requires: []passDef{exposurePass},
	long:     true,
}

func runUnanswered(pass *rulePass) error {
	for _, d := range pass.Model.Devices {
		qs := deviceQuestions(pass, d)
		if len(qs) == 0 {
			continue
		}
		pass.Report(Finding{
			Subject:   d.ID,
			Kind:      KindDevice,
			Message:   strings.Join(qs, " "),
			Questions: qs,
			Sites:     deviceSites(d),
			Pos:       d.Pos,
		})
	}
	for _, x := range resultOf(pass, exposurePass) {
		qs := encryptionQuestions(pass, x)
		if len(qs) == 0 {
			continue
		}
		pass.Report(Finding{
			Subject:   x.id,
			Kind:      x.kind,
			Message:   strings.Join(qs, " "),
			Questions: qs,
			Path:      x.path(),
			Sites:     x.sites,
			Pos:       x.pos,
		})
	}
	return nil
}

// enabled reports whether the rule runs in the pack in force. The unanswered
// rule asks it of a dozen rules for each of hundreds of thousands of
// devices: each answer is kept, and found again among the few kept.
func (p *rulePass) enabled(r *Rule) bool {
	if p.Pack == nil {
		return true
	}
	for _, a := range p.asked {
		if a.r == r {
			return a.on
		}
	}
	rc, ok := p.Pack.Rules[r.ID]
	p.asked = append(p.asked, ruleOn{r, ok && rc.Enabled})
	return ok && rc.Enabled
}

// deviceQuestions returns the questions about device d that the enabled
// rules need answered, in the order of the rules.
func deviceQuestions(pass *rulePass, d *topology.Device) []string {
	m := pass.Model
	var qs []string
	// The checks read the device's own fields first: most devices answer
	// every question, and the scopes look the device's zones and site up.
	name := ""
	where := func() string {
		if name == "" {
			name = deviceWhere(m, d)
		}
		return name
	}
	if unknown(d.Authentication, topology.AuthUnknown) && pass.enabled(advancedAuthentication) && authInScope(m, pass.Pack, d) {
		how := "of people who log on to it"
		if d.Type == topology.VPNGateway {
			how = "of people who connect through it"
		}
		qs = append(qs, "What authentication does "+where()+" require "+how+" (advanced/multi-factor, password, none)?")
	}
	if d.Wireless == "" && pass.enabled(weakWireless) && wirelessInScope(m, d) {
		qs = append(qs, "What wireless security does "+where()+" use (wpa3-enterprise, wpa3-personal, wpa2-enterprise, wpa2-personal, wpa, wep, open)?")
	}
	if unknown(d.PasswordPolicy, topology.PasswordUnknown) && pass.enabled(passwordPolicy) && m.IsCJI(d) {
		qs = append(qs, "Do the passwords on "+where()+" follow the CJIS password policy (compliant, non-compliant)?")
	}
	if unknown(d.Monitoring, topology.MonitoringUnknown) && pass.enabled(noMonitoring) && monitoringInScope(m, d) {
		qs = append(qs, "What monitors "+where()+", a boundary of the criminal-justice zone, for intrusions (ids, ips, siem, none)?")
	}
	if unknown(d.Patching, topology.PatchingUnknown) && pass.enabled(unpatched) && patchingInScope(m, d) {
		qs = append(qs, "Is "+where()+" patched under a managed process (managed, unmanaged)?")
	}
	if unknown(d.SplitTunnel, topology.SplitTunnelUnknown) && pass.enabled(splitTunnel) && splitTunnelInScope(m, d) {
		qs = append(qs, "May traffic on "+where()+" bypass the VPN tunnel while it is up (split-tunnel: allowed, prohibited)?")
	}
	if unknown(d.MDM, topology.MDMUnknown) && pass.enabled(mobileManagement) && mdmInScope(m, d) {
		qs = append(qs, "Does mobile device management control "+where()+" (mdm: managed, none)?")
	}
	if (d.Cloud == nil || d.Cloud.CJISAgreement == nil) && pass.enabled(cloudAgreement) && cloudInScope(m, d) {
		qs = append(qs, "Has the provider of "+where()+" signed the CJIS Security Addendum (cjis-agreement: true or false)?")
	}
	return qs
}

// encryptionQuestions returns the questions about the encryption of an
// exposed link or tunnel that the enabled encryption rules need answered to
// decide. Cleartext, and encryption already judged weak for want of a FIPS
// certificate, raise findings rather than questions.
func encryptionQuestions(pass *rulePass, x exposedFinding) []string {
	cleartext, weak := pass.enabled(unencryptedExit), pass.enabled(weakEncryption)
	if !cleartext && !weak {
		return nil
	}
	enc := x.enc
	if enc.IsZero() || enc.Protocol == topology.ProtoNone {
		return nil // no encryption: unencrypted-exit reports it
	}
	what := edgeWhere(x)
	if enc.Protocol == "" {
		if !cleartext {
			return nil
		}
		return []string{"What encryption protocol (ipsec, tls, macsec, wpa2, wpa3, ssh, other, none) protects " + what + "?"}
	}
	if !weak {
		return nil
	}
	var qs []string
	fips := strings.TrimSpace(enc.FIPS)
	certUnknown := strings.EqualFold(fips, "unknown")
	switch {
	case fips == "":
		return nil // weak-encryption reports it
	case certUnknown:
		qs = append(qs, "What is the FIPS 140 certificate number of the module that encrypts "+what+"?")
	}
	if enc.Bits == 0 {
		qs = append(qs, "How long, in bits, is the key of the encryption on "+what+"?")
	} else if enc.Bits < 128 {
		return nil // weak-encryption reports it
	}
	if !certUnknown && enc.Standard == "" && pass.enabled(fips1402Sunset) && pass.Date.After(fips1402SunsetDate) {
		qs = append(qs, "Was the module (certificate "+fips+") that encrypts "+what+", validated under FIPS 140-2 or FIPS 140-3?")
	}
	return qs
}

// edgeWhere names an exposed link or tunnel for a question, as in "link
// hq-annex, which runs between sites annex and hq".
func edgeWhere(x exposedFinding) string {
	where := x.where()
	if rest, ok := strings.CutPrefix(where, "its "); ok {
		where = "whose " + rest
	} else {
		where = "which " + strings.TrimPrefix(where, "it ")
	}
	return kindWord(x.kind) + " " + x.id + ", " + where
}

// unknown reports whether an attribute's value is not given or is the
// format's unknown value.
func unknown[T ~string](v, unknownValue T) bool {
	return v == "" || v == unknownValue
}

// deviceWhere names a device for a message: its type, its id and where it
// stands, as in "workstation rpd-ws at site rpd-hq".
func deviceWhere(m *topology.Model, d *topology.Device) string {
	return typeWord(d.Type) + " " + d.ID + deviceAt(d)
}

// deviceAt is " at site ID" for a device that stands in a site, else "".
func deviceAt(d *topology.Device) string {
	if d.Site == "" {
		return ""
	}
	return " at site " + d.Site
}

// typeWord is the device type in prose: "VPN gateway", "workstation". It
// spells out the types whose format spelling reads badly in a sentence.
func typeWord(t topology.DeviceType) string {
	switch t {
	case topology.StateHub:
		return "state hub"
	case topology.VPNGateway:
		return "VPN gateway"
	case topology.WirelessAP:
		return "wireless access point"
	case topology.MobileDevice:
		return "mobile device"
	case topology.VirtualMachine:
		return "virtual machine"
	case topology.CloudService:
		return "cloud service"
	case topology.CarrierNetwork:
		return "carrier network"
	case "":
		return "device"
	}
	return string(t)
}

// capitalize upper-cases the first letter of a sentence.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// deviceSites is the site the device stands in, as a finding's Sites.
func deviceSites(d *topology.Device) []string {
	if d.Site == "" {
		return nil
	}
	return []string{d.Site}
}

// cjZones returns the device's criminal-justice zones, each once.
func cjZones(m *topology.Model, d *topology.Device) []string {
	var out []string
	for _, id := range d.Zones {
		if z := m.Zone(id); z != nil && z.Kind == topology.CriminalJustice {
			out = appendOnce(out, id)
		}
	}
	return out
}

// otherZones returns the device's zones that are not criminal-justice, each
// once.
func otherZones(m *topology.Model, d *topology.Device) []string {
	var out []string
	for _, id := range d.Zones {
		if z := m.Zone(id); z != nil && z.Kind != topology.CriminalJustice {
			out = appendOnce(out, id)
		}
	}
	return out
}

// subjectSites returns the sites of the element a waiver names: a site
// itself, a device's site, or the sites of a link's or tunnel's ends.
func subjectSites(m *topology.Model, id string) []string {
	if s := m.Site(id); s != nil {
		return []string{s.ID}
	}
	if d := m.Device(id); d != nil {
		return deviceSites(d)
	}
	var ends []string
	if l := m.Link(id); l != nil {
		ends = []string{l.A, l.B}
	} else if t := m.Tunnel(id); t != nil {
		ends = []string{t.A, t.B}
	}
	var out []string
	for _, e := range ends {
		if d := m.Device(e); d != nil && d.Site != "" {
			out = appendOnce(out, d.Site)
		}
	}
	return out
}
