package records

import (
	"fmt"
	"time"

	"github.com/netreview/netreview/analysis"
)

// Step is one review in an agency's history, with what changed since the
// review before it (for the first review, every finding is introduced).
type Step struct {
	Review *Review
	// Open counts the review's unwaived findings by severity.
	Open Counts
	// Introduced are findings the previous review did not have; Resolved
	// those it had and this one does not (as they were before); Waived
	// those unwaived before and waived now; Reopened those waived before
	// and unwaived now (a waiver that lapsed or was withdrawn).
	Introduced, Resolved, Waived, Reopened []Finding
}

// History is one agency's record over time.
type History struct {
	ORI, Name, County string // as the latest review gave them
	Steps             []Step
	Notices           []Notice
	Plans             []Plan
}

// History returns the agency's reviews in date order, each with what it
// changed, and its notices and plans. An ORI the record has no review of
// is an error.
func (rec *Record) History(ori string) (*History, error) {
	a := rec.byAgency(time.Time{})[ori]
	if a == nil || len(a.reviews) == 0 {
		return nil, fmt.Errorf("%w %s: no review of it is recorded", errUnknownAgency, ori)
	}
	last := a.reviews[len(a.reviews)-1]
	h := &History{ORI: ori, Name: last.Name, County: last.County, Notices: a.notices, Plans: a.plans}
	var prev *Review
	for _, r := range a.reviews {
		h.Steps = append(h.Steps, compare(prev, r))
		prev = r
	}
	return h, nil
}

// compare returns the step from prev (nil for none) to r.
func compare(prev, r *Review) Step {
	st := Step{Review: r, Open: r.open()}
	before := map[analysis.Key]*Finding{}
	if prev != nil {
		for i := range prev.Findings {
			before[prev.Findings[i].key()] = &prev.Findings[i]
		}
	}
	now := map[analysis.Key]bool{}
	for _, f := range r.Findings {
		now[f.key()] = true
		b, ok := before[f.key()]
		switch {
		case !ok:
			st.Introduced = append(st.Introduced, f)
		case !b.Waived && f.Waived:
			st.Waived = append(st.Waived, f)
		case b.Waived && !f.Waived:
			st.Reopened = append(st.Reopened, f)
		}
	}
	if prev != nil {
		for _, f := range prev.Findings {
			if !now[f.key()] {
				st.Resolved = append(st.Resolved, f)
			}
		}
	}
	return st
}
