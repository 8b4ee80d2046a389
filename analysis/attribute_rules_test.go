package analysis

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/internal/golden"
	"github.com/netreview/netreview/topology"
	yaml "go.yaml.in/yaml/v3"
)

// attributeBase is the statewide part of every attribute-rule test model:
// sites of each security level, zones of each kind, and a state hub.
const attributeBase = `netreview: 1
agency: {name: Test State CSA, ori: XX0000000}
sites:
  - {id: state, security: physically-secure}
  - {id: hq, security: physically-secure}
  - {id: annex, security: controlled-area}
  - {id: city-hall, security: unsecured}
  - {id: patrol, security: mobile}
zones:
  - {id: cji, kind: criminal-justice}
  - {id: city, kind: non-criminal-justice}
  - {id: guest, kind: public}
  - {id: inet, kind: internet}
  - {id: carrier, kind: transport}
devices:
  - {id: hub, type: state-hub, site: state, zone: cji, password-policy: compliant, patching: managed}
`

// attributeModel decodes an agency fragment (sites, devices, links, tunnels,
// waivers in the proposal format, without the header) with attributeBase
// and validates the result.
func attributeModel(t *testing.T, fragment string) *topology.Model {
	t.Helper()
	base, err := topology.Decode("base.yaml", []byte(attributeBase))
	if err != nil {
		t.Fatalf("base: %v", err)
	}
	frag, err := topology.Decode("agency.yaml", []byte("netreview: 1\nagency: {name: Test PD}\n"+fragment))
	if err != nil {
		t.Fatalf("fragment: %v", err)
	}
	m := topology.Merge(base, frag)
	if err := topology.Validate(m); err != nil {
		t.Fatalf("validate: %v", err)
	}
	return m
}

// packFor returns a pack that runs the rules with their defaults under the
// policy version.
func packFor(policy string, rules ...*Rule) *Pack {
	p := defaultPack(rules)
	p.Policy = policy
	return p
}

// findingKeys returns "rule subject" for each finding, sorted.
func findingKeys(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.Subject)
	}
	sort.Strings(out)
	return out
}

var attributeRules = []*Rule{advancedAuthentication, weakWireless, passwordPolicy, noMonitoring, unpatched, splitTunnel, mobileManagement, cloudAgreement}

// TestAttributeRules runs the checklist rules (all but unanswered) on small
// models, where each fires and where it does not.
func TestAttributeRules(t *testing.T) {
	tests := []struct {
		name     string
		policy   string // "" means 6.0
		fragment string
		want     []string
	}{
		// advanced-authentication
		{"password workstation in secure site, 6.0", "", `devices:
  - {id: ws, type: workstation, site: hq, zone: cji, authentication: password}
`, []string{"advanced-authentication ws"}},
		{"password workstation in secure site, 5.9", "5.9", `devices:
  - {id: ws, type: workstation, site: hq, zone: cji, authentication: password}
`, nil},
		{"password workstation in controlled area, 5.9", "5.9", `devices:
  - {id: ws, type: workstation, site: annex, zone: cji, authentication: password}
`, []string{"advanced-authentication ws"}},
		{"no authentication on mobile, 5.9", "5.9", `devices:
  - {id: mdc, type: mobile, site: patrol, zone: cji, authentication: none}
`, []string{"advanced-authentication mdc"}},
		{"vpn gateway in secure site, 5.9", "5.9", `devices:
  - {id: vpn, type: vpn-gateway, site: hq, zone: cji, authentication: password}
`, []string{"advanced-authentication vpn"}},
		{"vpn gateway outside any cji zone", "", `devices:
  - {id: vpn, type: vpn-gateway, site: hq, zone: city, authentication: none}
`, []string{"advanced-authentication vpn"}},
		{"advanced authentication passes", "", `devices:
  - {id: ws, type: workstation, site: annex, zone: cji, authentication: advanced}
  - {id: vpn, type: vpn-gateway, site: hq, zone: cji, authentication: advanced}
`, nil},
		{"non-CJI workstation is out of scope", "", `devices:
  - {id: ws, type: workstation, site: city-hall, zone: city, authentication: password}
  - {id: ws2, type: workstation, site: annex, zone: cji, cji: false, authentication: none}
`, nil},
		{"server is out of scope", "", `devices:
  - {id: srv, type: server, site: annex, zone: cji, authentication: password}
`, nil},
		{"unknown authentication is no finding", "", `devices:
  - {id: ws, type: workstation, site: annex, zone: cji, authentication: unknown}
`, nil},
		// weak-wireless
		{"wep access point", "", `devices:
  - {id: ap, type: wireless-ap, site: hq, zone: cji, wireless: wep}
`, []string{"weak-wireless ap"}},
		{"open and wpa access points", "", `devices:
  - {id: ap1, type: wireless-ap, site: hq, zone: cji, wireless: open}
  - {id: ap2, type: wireless-ap, site: hq, zones: [cji, guest], wireless: wpa}
`, []string{"weak-wireless ap1", "weak-wireless ap2"}},
		{"wpa2 and wpa3 pass", "", `devices:
  - {id: ap1, type: wireless-ap, site: hq, zone: cji, wireless: wpa2-personal}
  - {id: ap2, type: wireless-ap, site: hq, zone: cji, wireless: wpa3-enterprise}
`, nil},
		{"guest access point is out of scope", "", `devices:
  - {id: ap, type: wireless-ap, site: hq, zone: guest, wireless: open}
`, nil},
		// password-policy
		{"non-compliant CJI server", "", `devices:
  - {id: rms, type: server, site: hq, zone: cji, password-policy: non-compliant}
`, []string{"password-policy rms"}},
		{"router marked cji", "", `devices:
  - {id: rtr, type: router, site: hq, zone: cji, cji: true, password-policy: non-compliant}
`, []string{"password-policy rtr"}},
		{"non-CJI devices are out of scope", "", `devices:
  - {id: rtr, type: router, site: hq, zone: cji, password-policy: non-compliant}
  - {id: srv, type: server, site: city-hall, zone: city, password-policy: non-compliant}
`, nil},
		{"compliant passes", "", `devices:
  - {id: rms, type: server, site: hq, zone: cji, password-policy: compliant}
`, nil},
		// no-monitoring
		{"unmonitored firewall to the city", "", `devices:
  - {id: fw, type: firewall, site: hq, zones: [cji, city], monitoring: none}
`, []string{"no-monitoring fw"}},
		{"unmonitored acl router to the carrier", "", `devices:
  - {id: rtr, type: router, site: hq, zones: [cji, carrier], boundary: acl, monitoring: none}
`, []string{"no-monitoring rtr"}},
		{"monitored firewall passes", "", `devices:
  - {id: fw, type: firewall, site: hq, zones: [cji, inet], monitoring: siem}
`, nil},
		{"firewall inside one zone is out of scope", "", `devices:
  - {id: fw, type: firewall, site: hq, zone: cji, monitoring: none}
  - {id: fw2, type: firewall, site: city-hall, zones: [city, inet], monitoring: none}
`, nil},
		{"switch that is no boundary is out of scope", "", `devices:
  - {id: sw, type: switch, site: hq, zones: [cji, city], monitoring: none}
`, nil},
		// unpatched
		{"unmanaged CJI workstation and boundary", "", `devices:
  - {id: ws, type: workstation, site: hq, zone: cji, authentication: advanced, patching: unmanaged}
  - {id: fw, type: firewall, site: city-hall, zones: [city, inet], patching: unmanaged}
`, []string{"unpatched fw", "unpatched ws"}},
		{"managed passes, plain router out of scope", "", `devices:
  - {id: ws, type: workstation, site: hq, zone: cji, authentication: advanced, patching: managed}
  - {id: rtr, type: router, site: hq, zone: cji, patching: unmanaged}
`, nil},
		// cloud-agreement
		{"cloud without agreement", "", `devices:
  - id: cloud
    type: cloud-service
    zone: cji
    cloud: {provider: Example, cjis-agreement: false}
`, []string{"cloud-agreement cloud"}},
		{"cloud with agreement passes, city cloud out of scope", "", `devices:
  - {id: c1, type: cloud-service, zone: cji, cloud: {provider: Example, cjis-agreement: true}}
  - {id: c2, type: cloud-service, zone: city, cloud: {provider: Example, cjis-agreement: false}}
`, nil},
		{"cloud with agreement not given is no finding", "", `devices:
  - {id: c1, type: cloud-service, zone: cji, cloud: {provider: Example}}
`, nil},
		// split-tunnel
		{"vpn gateway allows split tunneling, even in a secure site", "", `devices:
  - {id: vpn, type: vpn-gateway, site: hq, zone: cji, split-tunnel: allowed}
`, []string{"split-tunnel vpn"}},
		{"remote CJI laptop and mobile allow split tunneling", "5.9", `devices:
  - {id: laptop, type: workstation, site: annex, zone: cji, split-tunnel: allowed}
  - {id: mdc, type: mobile, site: patrol, zone: cji, split-tunnel: allowed}
`, []string{"split-tunnel laptop", "split-tunnel mdc"}},
		{"split tunneling inside a secure site, or off CJI, is out of scope", "", `devices:
  - {id: ws, type: workstation, site: hq, zone: cji, split-tunnel: allowed}
  - {id: city-ws, type: workstation, site: city-hall, zone: city, split-tunnel: allowed}
  - {id: ws2, type: workstation, site: annex, zone: cji, cji: false, split-tunnel: allowed}
`, nil},
		{"prohibited and unknown split tunneling are no finding", "", `devices:
  - {id: vpn, type: vpn-gateway, site: hq, zone: cji, split-tunnel: prohibited}
  - {id: mdc, type: mobile, site: patrol, zone: cji, split-tunnel: unknown}
`, nil},
		// mobile-management
		{"unmanaged CJI mobiles", "", `devices:
  - {id: mdc, type: mobile, site: patrol, zone: cji, count: 40, mdm: none}
`, []string{"mobile-management mdc"}},
		{"managed, unknown, or off-CJI mobiles are no finding", "", `devices:
  - {id: m1, type: mobile, site: patrol, zone: cji, mdm: managed}
  - {id: m2, type: mobile, site: patrol, zone: cji, mdm: unknown}
  - {id: m3, type: mobile, site: patrol, zone: guest, mdm: none}
  - {id: m4, type: mobile, site: patrol, zone: cji, cji: false, mdm: none}
`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := attributeModel(t, tt.fragment)
			policy := tt.policy
			if policy == "" {
				policy = "6.0"
			}
			res, err := Run(m, Config{Pack: packFor(policy, attributeRules...), Date: lateDate})
			if err != nil {
				t.Fatal(err)
			}
			if got := findingKeys(res.Findings); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, f := range res.Findings {
				if f.Kind != KindDevice || f.At == "" || !strings.HasPrefix(f.At, "agency.yaml:") || f.Message == "" {
					t.Errorf("finding %s %s: kind %q, at %q, message %q", f.Rule, f.Subject, f.Kind, f.At, f.Message)
				}
				if d := m.Device(f.Subject); d != nil && !reflect.DeepEqual(f.Sites, deviceSites(d)) {
					t.Errorf("finding %s %s: sites %q, want %q", f.Rule, f.Subject, f.Sites, deviceSites(d))
				}
				if !strings.Contains(f.Message, f.Subject) {
					t.Errorf("message %q does not name %s", f.Message, f.Subject)
				}
			}
		})
	}
}

// TestAdvancedAuthenticationPolicies checks, on one model, that the v5.9
// pack requires advanced authentication only outside physically secure
// locations (and at VPN gateways), and v6.0 everywhere.
func TestAdvancedAuthenticationPolicies(t *testing.T) {
	m := attributeModel(t, `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji, authentication: password}
  - {id: annex-ws, type: workstation, site: annex, zone: cji, authentication: password}
  - {id: mdc, type: mobile, site: patrol, zone: cji, authentication: password}
  - {id: hq-vpn, type: vpn-gateway, site: hq, zone: cji, authentication: password}
  - {id: hq-ws-unknown, type: workstation, site: hq, zone: cji}
`)
	tests := []struct {
		policy string
		want   []string
	}{
		{"5.9", []string{"advanced-authentication annex-ws", "advanced-authentication hq-vpn", "advanced-authentication mdc"}},
		{"5.9.5", []string{"advanced-authentication annex-ws", "advanced-authentication hq-vpn", "advanced-authentication mdc"}},
		{"6.0", []string{"advanced-authentication annex-ws", "advanced-authentication hq-vpn", "advanced-authentication hq-ws", "advanced-authentication mdc", "unanswered hq-ws-unknown"}},
	}
	for _, tt := range tests {
		t.Run(tt.policy, func(t *testing.T) {
			res, err := Run(m, Config{Pack: packFor(tt.policy, advancedAuthentication, unanswered), Date: lateDate})
			if err != nil {
				t.Fatal(err)
			}
			if got := findingKeys(res.Findings); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, f := range res.Findings {
				switch {
				case f.Rule == "unanswered":
				case tt.policy == "6.0" && f.Subject != "hq-vpn" && !strings.Contains(f.Message, "v6.0"):
					t.Errorf("%s: message %q does not cite v6.0", f.Subject, f.Message)
				case tt.policy != "6.0" && f.Subject != "hq-vpn" && !strings.Contains(f.Message, "outside a physically secure location"):
					t.Errorf("%s: message %q does not say why under 5.9", f.Subject, f.Message)
				}
			}
		})
	}
}

// TestUnanswered checks which questions are asked for which element, and
// that a rule the pack disables asks nothing.
func TestUnanswered(t *testing.T) {
	const devices = `devices:
  - {id: ws, type: workstation, site: annex, zone: cji}
  - {id: hq-ws, type: workstation, site: hq, zone: cji, authentication: unknown, password-policy: unknown, patching: unknown}
  - {id: vpn, type: vpn-gateway, site: hq, zone: cji}
  - {id: fw, type: firewall, site: hq, zones: [cji, inet], monitoring: unknown, patching: managed}
  - {id: inner-fw, type: firewall, site: hq, zone: cji, patching: managed}
  - {id: rtr, type: router, site: hq, zone: cji}
  - {id: ap, type: wireless-ap, site: hq, zone: cji}
  - {id: guest-ap, type: wireless-ap, site: hq, zone: guest}
  - {id: cloud, type: cloud-service, zone: cji, cloud: {provider: Example}, password-policy: compliant, patching: managed}
  - {id: city-cloud, type: cloud-service, zone: city}
  - {id: done, type: workstation, site: hq, zone: cji, authentication: advanced, password-policy: compliant, patching: managed}
  - {id: mdc, type: mobile, site: patrol, zone: cji, authentication: advanced, password-policy: compliant, patching: managed}
`
	all := map[string][]string{
		"ws":    {"authentication", "password", "patched", "bypass the VPN tunnel"},
		"hq-ws": {"authentication", "password", "patched"},
		"vpn":   {"connect through", "bypass the VPN tunnel"},
		"mdc":   {"bypass the VPN tunnel", "mobile device management"},
		"fw":    {"monitors"},
		"ap":    {"wireless security"},
		"cloud": {"CJIS Security Addendum"},
	}
	tests := []struct {
		name   string
		policy string
		rules  []*Rule
		want   map[string][]string // subject -> words of each question, in order
	}{
		{"every rule, 6.0", "6.0", append(append([]*Rule(nil), attributeRules...), unanswered), all},
		{"every rule, 5.9", "5.9", append(append([]*Rule(nil), attributeRules...), unanswered), map[string][]string{
			"ws":    {"authentication", "password", "patched", "bypass the VPN tunnel"},
			"hq-ws": {"password", "patched"},
			"vpn":   {"connect through", "bypass the VPN tunnel"},
			"mdc":   {"bypass the VPN tunnel", "mobile device management"},
			"fw":    {"monitors"},
			"ap":    {"wireless security"},
			"cloud": {"CJIS Security Addendum"},
		}},
		{"only password-policy", "6.0", []*Rule{passwordPolicy, unanswered}, map[string][]string{
			"ws":    {"password"},
			"hq-ws": {"password"},
		}},
		{"unanswered alone asks nothing", "6.0", []*Rule{unanswered}, map[string][]string{}},
	}
	m := attributeModel(t, devices)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(m, Config{Pack: packFor(tt.policy, tt.rules...), Date: lateDate})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, f := range res.Findings {
				if f.Rule != "unanswered" {
					continue
				}
				if f.Severity != Info || f.Kind != KindDevice || f.Message != strings.Join(f.Questions, " ") {
					t.Errorf("%s: severity %v, kind %q, message %q, questions %q", f.Subject, f.Severity, f.Kind, f.Message, f.Questions)
				}
				got[f.Subject] = f.Questions
			}
			if len(got) != len(tt.want) {
				t.Errorf("questions for %v, want for %v", keysOf(got), keysOf(tt.want))
			}
			for subj, words := range tt.want {
				qs := got[subj]
				if len(qs) != len(words) {
					t.Errorf("%s: questions %q, want %d about %q", subj, qs, len(words), words)
					continue
				}
				for i, w := range words {
					if !strings.Contains(qs[i], w) || !strings.Contains(qs[i], subj) || !strings.HasSuffix(qs[i], "?") {
						t.Errorf("%s: question %d %q does not ask about %q", subj, i, qs[i], w)
					}
				}
			}
		})
	}
}

func keysOf(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestEncryptionWithoutProtocol checks the contract's reading of an
// encryption with no protocol: it does not show that the link is encrypted,
// so it counts as protocol none, and encryption: {} is no encryption at all.
func TestEncryptionWithoutProtocol(t *testing.T) {
	for _, enc := range []string{"{}", `{fips: "4460", standard: 140-3, bits: 256}`, "{protocol: none}", ""} {
		t.Run(enc, func(t *testing.T) {
			if enc != "" {
				enc = ", encryption: " + enc
			}
			m := attributeModel(t, `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji}
  - {id: annex-ws, type: workstation, site: annex, zone: cji}
links:
  - {id: inside, a: hq-ws, b: hub, medium: fiber, protected-medium: true}
  - {id: hq-annex, a: hq-ws, b: annex-ws, medium: fiber`+enc+`}
`)
			res, err := Run(m, Config{Pack: defaultPack([]*Rule{unencryptedExit, weakEncryption}), Date: lateDate})
			if err != nil {
				t.Fatal(err)
			}
			if got := findingKeys(res.Findings); !reflect.DeepEqual(got, []string{"unencrypted-exit hq-annex"}) {
				t.Errorf("findings %q, want unencrypted-exit hq-annex alone", got)
			}
		})
	}
}

// TestUnansweredEncryption checks the questions about the encryption of
// links and tunnels that carry CJI out of the physically secure location.
func TestUnansweredEncryption(t *testing.T) {
	tests := []struct {
		name       string
		encryption string // the flow mapping of the link's encryption, or ""
		date       time.Time
		want       []string // words of each question, in order
	}{
		{"no encryption is a finding", "", lateDate, nil},
		{"protocol none is a finding", "{protocol: none}", lateDate, nil},
		{"protocol not given", `{fips: "4460", bits: 256}`, lateDate, []string{"encryption protocol"}},
		{"empty encryption is no encryption", "{}", lateDate, nil},
		{"no fips is a finding", "{protocol: ipsec}", lateDate, nil},
		{"fips unknown, bits missing", "{protocol: ipsec, fips: unknown}", lateDate, []string{"certificate number", "in bits"}},
		{"bits missing", `{protocol: ipsec, fips: "4460", standard: 140-3}`, lateDate, []string{"in bits"}},
		{"short key is a finding", `{protocol: ipsec, fips: "4460", standard: 140-3, bits: 56}`, lateDate, nil},
		{"standard missing after the sunset", `{protocol: ipsec, fips: "4460", bits: 256}`, lateDate, []string{"FIPS 140-2 or FIPS 140-3"}},
		{"standard missing before the sunset", `{protocol: ipsec, fips: "4460", bits: 256}`, fips1402SunsetDate, nil},
		{"complete", `{protocol: ipsec, fips: "4460", standard: 140-3, bits: 256}`, lateDate, nil},
	}
	rules := append(append([]*Rule(nil), structuralRules...), unanswered)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc := ""
			if tt.encryption != "" {
				enc = ", encryption: " + tt.encryption
			}
			m := attributeModel(t, `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji, authentication: advanced, password-policy: compliant, patching: managed}
  - {id: annex-ws, type: workstation, site: annex, zone: cji, authentication: advanced, password-policy: compliant, patching: managed}
links:
  - {id: inside, a: hq-ws, b: hub, medium: fiber, protected-medium: true}
  - {id: hq-annex, a: hq-ws, b: annex-ws, medium: fiber`+enc+`}
`)
			res, err := Run(m, Config{Pack: defaultPack(rules), Date: tt.date})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				if f.Rule != "unanswered" {
					continue
				}
				if f.Subject != "hq-annex" || f.Kind != KindLink || len(f.Path) == 0 || !reflect.DeepEqual(f.Sites, []string{"annex", "hq"}) && !reflect.DeepEqual(f.Sites, []string{"hq", "annex"}) {
					t.Errorf("finding %+v", f)
				}
				got = f.Questions
			}
			if len(got) != len(tt.want) {
				t.Fatalf("questions %q, want %d about %q", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) || !strings.Contains(got[i], "hq-annex") {
					t.Errorf("question %d %q does not ask about %q", i, got[i], w)
				}
			}
		})
	}
}

// ruleReads are the fields of the proposal format each rule reads; its
// Example must mention every one.
var ruleReads = map[string][]string{
	"unencrypted-exit":        {"medium", "encryption", "protocol"},
	"weak-encryption":         {"encryption", "fips", "bits"},
	"fips-140-2-sunset":       {"encryption", "fips", "standard"},
	"missing-boundary":        {"zone", "boundary"},
	"shared-device":           {"zones", "boundary"},
	"shared-hypervisor":       {"host", "zone"},
	"no-path-to-hub":          {"site", "a", "b"},
	"single-device":           {"site", "a", "b"},
	"single-link":             {"site", "a", "b"},
	"shared-risk":             {"carrier", "a", "b"},
	"advanced-authentication": {"type", "site", "authentication"},
	"weak-wireless":           {"type", "zone", "wireless"},
	"password-policy":         {"zone", "password-policy"},
	"no-monitoring":           {"zones", "monitoring"},
	"unpatched":               {"zone", "patching"},
	"split-tunnel":            {"type", "site", "split-tunnel"},
	"mobile-management":       {"type", "zone", "mdm"},
	"cloud-agreement":         {"type", "zone", "cloud", "cjis-agreement"},
	"unanswered":              {"authentication"},
	"expired-waiver":          {"waivers", "rule", "subject", "expires"},
}

// TestRuleExamples checks every rule's documentation: Doc and Fix are
// written, the Example parses as YAML, mentions the fields the rule reads,
// and, loaded with attributeBase, fires the rule.
func TestRuleExamples(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if len(r.Doc) < 100 || r.Fix == "" || !strings.HasSuffix(r.Fix, ".") {
				t.Errorf("Doc or Fix missing or too short: Doc %q, Fix %q", r.Doc, r.Fix)
			}
			var root yaml.Node
			if err := yaml.Unmarshal([]byte(r.Example), &root); err != nil {
				t.Fatalf("Example does not parse: %v\n%s", err, r.Example)
			}
			keys := map[string]bool{}
			collectKeys(&root, keys)
			reads, ok := ruleReads[r.ID]
			if !ok {
				t.Fatalf("ruleReads has no entry for %s", r.ID)
			}
			for _, k := range reads {
				if !keys[k] {
					t.Errorf("Example does not mention %s:\n%s", k, r.Example)
				}
			}
			m := attributeModel(t, r.Example)
			res, err := Run(m, Config{Pack: defaultPack(Rules()), Date: lateDate})
			if err != nil {
				t.Fatal(err)
			}
			fired := false
			for _, f := range res.Findings {
				fired = fired || f.Rule == r.ID
			}
			if !fired {
				t.Errorf("Example does not fire %s; findings %q", r.ID, findingKeys(res.Findings))
			}
		})
	}
}

// collectKeys adds every mapping key under n to keys.
func collectKeys(n *yaml.Node, keys map[string]bool) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			keys[n.Content[i].Value] = true
		}
	}
	for _, c := range n.Content {
		collectKeys(c, keys)
	}
}

// TestAttributeGolden renders the findings of every checklist rule, with
// their messages and questions, on one small agency.
func TestAttributeGolden(t *testing.T) {
	m := attributeModel(t, `devices:
  - {id: hq-ws, type: workstation, site: hq, zone: cji, count: 12, authentication: password, password-policy: non-compliant, patching: unmanaged}
  - {id: mdc, type: mobile, site: patrol, zone: cji, count: 40, authentication: none}
  - {id: vpn, type: vpn-gateway, site: hq, zones: [cji, inet], boundary: firewall, monitoring: unknown, patching: managed}
  - {id: fw, type: firewall, site: hq, zones: [cji, city], monitoring: none, patching: unknown}
  - {id: ap, type: wireless-ap, site: annex, zone: cji, wireless: open}
  - {id: evidence, type: cloud-service, zone: cji, cloud: {provider: Example Storage, cjis-agreement: false}, password-policy: compliant, patching: managed}
  - {id: annex-ws, type: workstation, site: annex, zone: cji, authentication: advanced, password-policy: compliant, patching: managed}
links:
  - {id: hq-lan, a: hq-ws, b: fw, medium: ethernet}
  - {id: hq-uplink, a: fw, b: hub, medium: mpls, carrier: att, encryption: {protocol: ipsec, fips: "4460", standard: 140-3, bits: 256}}
  - {id: annex-radio, a: annex-ws, b: fw, medium: microwave, encryption: {protocol: ipsec, fips: unknown}}
waivers:
  - rule: unpatched
    subject: hq-ws
    reason: Moving to the county's patch service in January.
    approved-by: CJIS Systems Agency
    expires: 2027-01-31
  - rule: cloud-agreement
    subject: evidence
    reason: Addendum under negotiation.
    approved-by: CJIS Systems Agency
    expires: 2026-06-30
`)
	for _, policy := range []string{"5.9", "6.0"} {
		t.Run(policy, func(t *testing.T) {
			rules := append(append([]*Rule(nil), attributeRules...), unanswered, expiredWaiver, unencryptedExit, weakEncryption)
			res, err := Run(m, Config{Pack: packFor(policy, rules...), Date: lateDate})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(struct {
				Findings []Finding `json:"findings"`
				Warnings []string  `json:"warnings"`
			}{res.Findings, res.Warnings}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, filepath.Join("testdata", "attribute-rules-"+policy+".golden.json"), got, *update)
		})
	}
}
