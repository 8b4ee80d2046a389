package analysis

import (
	"slices"
	"testing"

	"github.com/netreview/netreview/topology"
)

// TestRuleIDsMatch checks that the rule ids the loader accepts in waivers are
// exactly the rules that analysis runs.
func TestRuleIDsMatch(t *testing.T) {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, slices.Sorted(slices.Values(topology.RuleIDs))) {
		t.Errorf("topology.RuleIDs = %v\nanalysis.Rules() = %v", topology.RuleIDs, ids)
	}
}
