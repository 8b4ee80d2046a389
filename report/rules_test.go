package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/netreview/netreview/analysis"
)

// testRule is a hand-made rule with text that needs wrapping and escaping.
func testRule() *analysis.Rule {
	return &analysis.Rule{
		ID:       "unencrypted-exit",
		Severity: analysis.High,
		Summary:  "CJI can leave a physically secure location in cleartext over this link or tunnel.",
		Doc: "Fires for a link that leaves the physically secure location with no encryption of its own, " +
			"on some path between two CJI devices; *cleartext* CJI on a leased circuit is still cleartext.\n\n" +
			"A second paragraph | with a pipe.",
		Fix:     "Encrypt the link with a FIPS 140-3 validated module, or tunnel over it.",
		Example: "links:\n  - id: hq-annex\n    a: hq-sw\n    b: annex-sw\n",
	}
}

// testPack is a hand-made state pack that disables the test rule in one
// variant and cites a state policy.
func testPack(enabled bool) *analysis.Pack {
	return &analysis.Pack{
		Name: "state-x", Title: "State X review pack", Policy: "6.0", Extends: "cjis-6.0",
		Rules: map[string]analysis.RuleConfig{
			"unencrypted-exit": {Enabled: enabled, Severity: analysis.Critical, Citations: []analysis.Citation{
				{Ref: "CJIS Security Policy 5.10.1.2.1", Title: "Encryption of CJI in transit", Summary: "CJI that leaves a physically secure location is encrypted at once."},
				{Ref: "State X NET-1"},
			}},
		},
	}
}

func builtin(t *testing.T, name string) *analysis.Pack {
	t.Helper()
	p, err := analysis.BuiltinPack(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRulesGolden(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"rules-cjis-6.0.txt", func(b *bytes.Buffer) error { return RulesText(b, builtin(t, "cjis-6.0")) }},
		{"rules-cjis-5.9.md", func(b *bytes.Buffer) error { return RulesMarkdown(b, builtin(t, "cjis-5.9")) }},
		{"rule.txt", func(b *bytes.Buffer) error { return RuleText(b, testPack(true), testRule()) }},
		{"rule-disabled.txt", func(b *bytes.Buffer) error { return RuleText(b, testPack(false), testRule()) }},
		{"rule.md", func(b *bytes.Buffer) error { return RuleMarkdown(b, testPack(false), testRule()) }},
		{"rule.json", func(b *bytes.Buffer) error { return RuleJSON(b, testPack(true), testRule()) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := tt.write(&got); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", tt.name), got.Bytes())
		})
	}
}

// TestRulesJSON checks the list against the pack it comes from: every rule,
// in the contract's order, with the pack's settings.
func TestRulesJSON(t *testing.T) {
	for _, name := range analysis.BuiltinPackNames() {
		t.Run(name, func(t *testing.T) {
			p := builtin(t, name)
			var b bytes.Buffer
			if err := RulesJSON(&b, p); err != nil {
				t.Fatal(err)
			}
			var got struct {
				Netreview int
				Pack      packInfo
				Rules     []struct {
					ID, Severity string
					Enabled      bool
					Citations    []citationInfo
				}
			}
			if err := json.Unmarshal(b.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.Netreview != contractVersion || got.Pack.Name != name || got.Pack.Policy != p.Policy {
				t.Errorf("header: %d %+v", got.Netreview, got.Pack)
			}
			rules := analysis.Rules()
			if len(got.Rules) != len(rules) {
				t.Fatalf("%d rules, want %d", len(got.Rules), len(rules))
			}
			for i, r := range rules {
				g, rc := got.Rules[i], p.Rules[r.ID]
				if g.ID != r.ID || g.Severity != rc.Severity.String() || g.Enabled != rc.Enabled || len(g.Citations) != len(rc.Citations) {
					t.Errorf("rule %d = %+v, want %s %v enabled=%v with %d citations", i, g, r.ID, rc.Severity, rc.Enabled, len(rc.Citations))
				}
			}
		})
	}
}

// TestRuleNotInPack checks that a rule a pack does not list shows as
// disabled with its default severity.
func TestRuleNotInPack(t *testing.T) {
	p := &analysis.Pack{Name: "empty", Policy: "5.9", Rules: map[string]analysis.RuleConfig{}}
	info := newRuleInfo(p, testRule())
	if info.Enabled || info.Severity != analysis.High || info.Citations == nil || len(info.Citations) != 0 {
		t.Errorf("NewRuleInfo = %+v", info)
	}
	var b bytes.Buffer
	if err := RuleText(&b, p, testRule()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"disabled in pack empty", "cites no policy"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("RuleText lacks %q:\n%s", want, b.String())
		}
	}
}

func TestRulesWrap(t *testing.T) {
	tests := []struct {
		in, indent string
		width      int
		want       string
	}{
		{"", "  ", 10, ""},
		{"one two three four", "", 9, "one two\nthree\nfour"},
		{"one two\n\nthree", "> ", 20, "> one two\n\n> three"},
		{"averyveryverylongword x", "  ", 8, "  averyveryverylongword\n  x"},
	}
	for _, tt := range tests {
		if got := rulesWrap(tt.in, tt.indent, tt.width); got != tt.want {
			t.Errorf("rulesWrap(%q, %q, %d) = %q, want %q", tt.in, tt.indent, tt.width, got, tt.want)
		}
	}
}
