package topology_test

import (
	"slices"
	"testing"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
)

// TestRuleIDsMatch checks that the rule ids the loader accepts in waivers are
// exactly the rules that analysis runs.
func TestRuleIDsMatch(t *testing.T) {
	var ids []string
	for _, r := range analysis.Rules() {
		ids = append(ids, r.ID)
	}
	slices.Sort(ids)
	if got := slices.Sorted(slices.Values(topology.RuleIDsForTest)); !slices.Equal(ids, got) {
		t.Errorf("topology's rule ids = %v\nanalysis.Rules() = %v", got, ids)
	}
}
