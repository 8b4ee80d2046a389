package analysis

import (
	"fmt"
	"time"

	"github.com/netreview/netreview/topology"
)

// applyWaivers marks the findings that a waiver in force accepts, and returns
// a warning for each waiver in force that matches no finding or repeats an
// earlier waiver's rule and subject (the first one wins). A waiver accepts the
// finding with its rule and subject until the end of its expiry day; an
// expired waiver accepts nothing (the expired-waiver rule reports it).
func applyWaivers(m *topology.Model, fs []Finding, date time.Time) []string {
	byKey := make(map[Key]*topology.Waiver, len(m.Waivers))
	for _, w := range m.Waivers {
		if waiverExpired(w.Expires, date) {
			continue
		}
		if _, dup := byKey[Key{w.Rule, w.Subject}]; !dup {
			byKey[Key{w.Rule, w.Subject}] = w
		}
	}
	used := make(map[*topology.Waiver]bool)
	for i := range fs {
		w := byKey[fs[i].key()]
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
		first, inForce := byKey[Key{w.Rule, w.Subject}]
		switch {
		case !inForce || used[w]:
		case first != w:
			warnings = append(warnings, fmt.Sprintf("%s: waiver for %s/%s repeats the one at %s and is ignored", w.Pos, w.Rule, w.Subject, first.Pos))
		default:
			warnings = append(warnings, fmt.Sprintf("%s: waiver for %s/%s matches no finding", w.Pos, w.Rule, w.Subject))
		}
	}
	return warnings
}

// waiverExpired reports whether a waiver with the expiry date has expired as
// of date: its expiry day is before date. A zero expiry never expires.
func waiverExpired(expires, date time.Time) bool {
	return !expires.IsZero() && expires.Before(date)
}
