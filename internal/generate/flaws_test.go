package generate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/generate"
)

// TestFlawRate checks that the generated flaws show as findings in a
// realistic share of agencies (5 to 10%), that every rule a flaw is meant to
// trigger fires, and that the backbone and counties add no agency-level
// noise.
func TestFlawRate(t *testing.T) {
	const agencies = 1000
	m := generate.Statewide(generate.Options{Agencies: agencies, Seed: 7})
	m.Reindex()
	res, err := analysis.Run(m, analysis.Config{Date: time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	flawed := map[string]bool{}
	rules := map[string]int{}
	for _, f := range res.Findings {
		rules[f.Rule]++
		if a, _, ok := strings.Cut(f.Subject, "-"); ok && strings.HasPrefix(a, "a") {
			flawed[a] = true
		}
	}
	if n := len(flawed); n < agencies*5/100 || n > agencies*10/100 {
		t.Errorf("%d of %d agencies have findings, want 5-10%%; by rule: %v", n, agencies, rules)
	}
	for _, r := range []string{"unencrypted-exit", "weak-encryption", "missing-boundary", "single-device",
		"weak-wireless", "advanced-authentication", "no-monitoring", "unpatched", "unanswered"} {
		if rules[r] == 0 {
			t.Errorf("no %s finding; by rule: %v", r, rules)
		}
	}
}

// TestRealisticProfile checks that the realistic and heavy profiles give
// what a real state looks like: most agencies with single points of failure
// and open questions, several findings an agency (about eight for
// realistic, eleven for heavy, with its cleartext circuits), while the
// clean model of the same seed is unchanged by the profile's code.
func TestRealisticProfile(t *testing.T) {
	const agencies = 300
	tests := []struct {
		name     string
		profile  generate.Profile
		min, max float64 // findings an agency
		exits    int     // at least, unencrypted-exit findings
	}{
		{"realistic", generate.Realistic(), 5, 10, 0},
		{"heavy", generate.Heavy(), 10, 13, agencies},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := generate.Statewide(generate.Options{Agencies: agencies, Seed: 7, Profile: tt.profile})
			res, err := analysis.Run(m, analysis.Config{Date: time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			spof, asked := map[string]bool{}, map[string]bool{}
			exits := 0
			for _, f := range res.Findings {
				a, _, _ := strings.Cut(f.Subject, "-")
				switch f.Rule {
				case "single-device", "single-link":
					spof[a] = true
				case "unanswered":
					asked[a] = true
				case "unencrypted-exit":
					exits++
				}
			}
			if len(spof) < agencies*7/10 || len(asked) < agencies*7/10 {
				t.Errorf("%d agencies with a single point of failure, %d with questions, of %d: want most", len(spof), len(asked), agencies)
			}
			if per := float64(len(res.Findings)) / agencies; per < tt.min || per > tt.max {
				t.Errorf("%.1f findings an agency, want %g-%g", per, tt.min, tt.max)
			}
			if exits < tt.exits {
				t.Errorf("%d unencrypted-exit findings, want at least %d", exits, tt.exits)
			}
		})
	}
}

func TestParseProfile(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"realistic", generate.Realistic().String(), ""},
		{"clean", generate.Clean().String(), ""},
		{"heavy", generate.Heavy().String(), ""},
		{"heavy,cleartext=0.1", "single-homed=0.95,single-switch=0.7,substation-router=1,unanswered=1,cleartext=0.1", ""},
		{"clean,single-homed=0.3", "single-homed=0.3,single-switch=0,substation-router=0,unanswered=0,cleartext=0", ""},
		{"unanswered=0", "single-homed=0.75,single-switch=0.6,substation-router=0.95,unanswered=0,cleartext=0", ""},
		{"messy", "", `unknown profile "messy"`},
		{"clean,realistic", "", "may only come first"},
		{"clean,single-homed=2", "", "from 0 to 1"},
		{"clean,singlehomed=0.5", "", `unknown rate "singlehomed"`},
	}
	for _, tt := range tests {
		p, err := generate.ParseProfile(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseProfile(%q) error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || p.String() != tt.want {
			t.Errorf("ParseProfile(%q) = %s, %v; want %s", tt.in, p, err, tt.want)
		}
	}
}
