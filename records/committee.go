package records

import (
	"fmt"
	"sort"
	"time"

	"github.com/netreview/netreview/analysis"
)

// Committee is what the advisory committee's status report shows, as of a
// date: every agency's standing (most urgent first), how many stand in each
// state, the open findings by rule across the state, the work done each
// quarter, and the standing by county.
type Committee struct {
	AsOf      time.Time
	Threshold analysis.Severity
	Agencies  []AgencyStatus // most urgent first, as Status orders them
	States    []StateCount   // every state, most urgent first
	Rules     []RuleCount    // most severe first, then by open findings, most first
	Quarters  []Quarter      // from the first quarter with a review to AsOf's
	Counties  []CountyCount  // by county name
}

// StateCount is how many agencies stand in a state.
type StateCount struct {
	State    State
	Agencies int
}

// RuleCount is one rule's open findings in the agencies' latest reviews.
type RuleCount struct {
	Rule     string
	Severity analysis.Severity // the most severe of its findings
	Open     int               // unwaived findings
	Agencies int               // agencies with at least one
}

// Quarter is the work of one calendar quarter.
type Quarter struct {
	Label      string // "2026-Q4"
	Start      time.Time
	Reviews    int // reviews dated in the quarter
	Introduced int // findings new in a review of the quarter, against the agency's review before
	Resolved   int // findings of the review before that a review of the quarter no longer has
	Notices    int // notices sent
	Plans      int // plans received
}

// CountyCount is the standing of one county's agencies.
type CountyCount struct {
	County     string // "" for agencies whose file names no county
	Agencies   int
	Compliant  int
	NotMeeting int // every state but compliant
	Overdue    int
}

// Committee gathers the status report's figures as of opt.AsOf.
func (rec *Record) Committee(opt StatusOptions) *Committee {
	asOf := opt.asOf()
	c := &Committee{AsOf: asOf, Threshold: opt.Threshold, Agencies: rec.Status(opt)}
	byState := map[State]int{}
	counties := map[string]*CountyCount{}
	for _, a := range c.Agencies {
		byState[a.State]++
		cc := counties[a.County]
		if cc == nil {
			cc = &CountyCount{County: a.County}
			counties[a.County] = cc
		}
		cc.Agencies++
		switch a.State {
		case Compliant:
			cc.Compliant++
		case Overdue:
			cc.Overdue++
			cc.NotMeeting++
		default:
			cc.NotMeeting++
		}
	}
	for _, s := range allStates {
		c.States = append(c.States, StateCount{State: s, Agencies: byState[s]})
	}
	for _, cc := range counties {
		c.Counties = append(c.Counties, *cc)
	}
	sort.Slice(c.Counties, func(i, j int) bool { return c.Counties[i].County < c.Counties[j].County })

	agencies := rec.byAgency(asOf)
	rules := map[string]*RuleCount{}
	for _, a := range agencies {
		if len(a.reviews) == 0 {
			continue
		}
		seen := map[string]bool{}
		for _, f := range a.reviews[len(a.reviews)-1].Findings {
			if f.Waived {
				continue
			}
			rc := rules[f.Rule]
			if rc == nil {
				rc = &RuleCount{Rule: f.Rule, Severity: f.Severity}
				rules[f.Rule] = rc
			}
			rc.Severity = max(rc.Severity, f.Severity)
			rc.Open++
			if !seen[f.Rule] {
				seen[f.Rule] = true
				rc.Agencies++
			}
		}
	}
	for _, rc := range rules {
		c.Rules = append(c.Rules, *rc)
	}
	sort.Slice(c.Rules, func(i, j int) bool {
		a, b := &c.Rules[i], &c.Rules[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Open != b.Open {
			return a.Open > b.Open
		}
		return a.Rule < b.Rule
	})
	c.Quarters = quarters(agencies, asOf)
	return c
}

// quarterStart is the first day of t's calendar quarter.
func quarterStart(t time.Time) time.Time {
	return time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
}

// quarters counts each quarter's work, from the first quarter with a
// review to asOf's, with empty quarters between.
func quarters(agencies map[string]*agencyRecord, asOf time.Time) []Quarter {
	var first time.Time
	for _, a := range agencies {
		if len(a.reviews) > 0 && (first.IsZero() || a.reviews[0].Date.Before(first)) {
			first = a.reviews[0].Date
		}
	}
	if first.IsZero() {
		return nil
	}
	var qs []Quarter
	index := map[time.Time]int{}
	for q := quarterStart(first); !q.After(asOf); q = q.AddDate(0, 3, 0) {
		index[q] = len(qs)
		qs = append(qs, Quarter{Label: fmt.Sprintf("%d-Q%d", q.Year(), (int(q.Month())-1)/3+1), Start: q})
	}
	at := func(t time.Time) *Quarter {
		if i, ok := index[quarterStart(t)]; ok {
			return &qs[i]
		}
		return nil // before the first review: a notice cannot precede one, but an import may say so
	}
	for _, a := range agencies {
		var prev *Review
		for _, r := range a.reviews {
			st := compare(prev, r)
			if q := at(r.Date); q != nil {
				q.Reviews++
				q.Introduced += len(st.Introduced)
				q.Resolved += len(st.Resolved)
			}
			prev = r
		}
		for _, n := range a.notices {
			if q := at(n.Sent); q != nil {
				q.Notices++
			}
		}
		for _, p := range a.plans {
			if q := at(p.Received); q != nil {
				q.Plans++
			}
		}
	}
	return qs
}
