package analysis

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// sortFindings is the order of Result.Findings by its definition: by
// severity (most severe first), then rule, then subject, and otherwise as
// reported.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Subject < b.Subject
	})
}

// TestFindingListSorted checks findingList.sorted against sortFindings on
// random runs of findings: rules of repeated and shared severities, their
// findings in subject order or not, with repeated subjects (whose report
// order must be kept), across chunk boundaries, and none at all.
func TestFindingListSorted(t *testing.T) {
	seeds := uint64(200)
	if testing.Short() {
		seeds = 40
	}
	for seed := range seeds {
		r := rand.New(rand.NewPCG(seed, 16))
		var l findingList
		var want []Finding
		var lists []*findingList                        // each rule's own, as when rules run at once
		for k, letter := range r.Perm(26)[:r.IntN(6)] { // rule ids are unique
			id := fmt.Sprintf("rule-%c", 'a'+letter)
			sev := Severity(r.IntN(5))
			l.beginRule(id, sev)
			own := &findingList{}
			own.beginRule(id, sev)
			lists = append(lists, own)
			n := r.IntN(3 * chunkLen)
			ordered := r.IntN(2) == 0
			for i := range n {
				subj := fmt.Sprintf("s%05d", r.IntN(n/2+1))
				if ordered {
					subj = fmt.Sprintf("s%05d", i/2)
				}
				f := Finding{Rule: id, Severity: sev, Subject: subj, Message: fmt.Sprint(k, "/", i)}
				l.add(f)
				own.add(f)
				want = append(want, f)
			}
			l.endRule()
			own.endRule()
		}
		sortFindings(want)
		if got := l.sorted(); !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: %d findings in the order of sorted differ from sortFindings'", seed, len(want))
		}
		if got := sortedFindings(lists...); !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: %d findings of %d lists in the order of sortedFindings differ from sortFindings'", seed, len(want), len(lists))
		}
	}
}
