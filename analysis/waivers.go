package analysis

import (
	"fmt"
	"time"

	"github.com/netreview/netreview/topology"
)

// applyWaivers marks the findings that a waiver in force accepts, and returns
// a warning for each waiver that matches no finding. A waiver accepts the
// finding with its rule and subject until the end of its expiry day; an
// expired waiver accepts nothing (the expired-waiver rule reports it).
func applyWaivers(m *topology.Model, fs []Finding, date time.Time) []string {
	byKey := make(map[Key]*topology.Waiver, len(m.Waivers))
	for _, w := range m.Waivers {
		if !w.Expires.IsZero() && w.Expires.Before(date) {
			continue
		}
		if _, dup := byKey[Key{w.Rule, w.Subject}]; !dup {
			byKey[Key{w.Rule, w.Subject}] = w
		}
	}
	used := make(map[*topology.Waiver]bool)
	for i := range fs {
		w := byKey[fs[i].Key()]
		if w == nil {
			continue
		}
		used[w] = true
		fs[i].Waived = true
		fs[i].Waiver = &WaiverDetail{Reason: w.Reason, ApprovedBy: w.ApprovedBy, At: w.Pos.String()}
		if !w.Expires.IsZero() {
			fs[i].Waiver.Expires = w.Expires.Format("2006-01-02")
		}
	}
	var warnings []string
	for _, w := range m.Waivers {
		if _, inForce := byKey[Key{w.Rule, w.Subject}]; inForce && !used[w] {
			warnings = append(warnings, fmt.Sprintf("%s: waiver for %s/%s matches no finding", w.Pos, w.Rule, w.Subject))
		}
	}
	return warnings
}
