package generate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology/generate"
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
