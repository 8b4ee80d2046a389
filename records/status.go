package records

import (
	"sort"
	"time"

	"github.com/netreview/netreview/analysis"
)

// State is an agency's standing, derived from its record as of a date.
type State string

// The states, in the order the committee reads them: the most urgent first.
const (
	// Overdue: a notice's due date has passed and no plan has come in.
	Overdue State = "overdue"
	// NoticeSent: a notice went out and its plan is not yet due.
	NoticeSent State = "notice-sent"
	// PlanReceived: the agency answered the notice with a plan.
	PlanReceived State = "plan-received"
	// UnderReview: the latest review has findings at or above the
	// threshold, and no notice has gone out since the last compliant one.
	UnderReview State = "under-review"
	// Compliant: the latest review has no unwaived finding at or above the
	// threshold.
	Compliant State = "compliant"
)

// allStates lists the states, most urgent first.
var allStates = []State{Overdue, NoticeSent, PlanReceived, UnderReview, Compliant}

// rank orders states for sorting, most urgent first.
func (s State) rank() int {
	for i, t := range allStates {
		if t == s {
			return i
		}
	}
	return len(allStates)
}

// MeetsPolicy reports whether the state is compliant.
func (s State) MeetsPolicy() bool { return s == Compliant }

// Counts counts unwaived findings by severity, in the contract's key order.
type Counts struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
	Info     int `json:"info"`
}

// of returns the count for severity s.
func (c *Counts) of(s analysis.Severity) *int {
	switch s {
	case analysis.Critical:
		return &c.Critical
	case analysis.High:
		return &c.High
	case analysis.Medium:
		return &c.Medium
	case analysis.Low:
		return &c.Low
	}
	return &c.Info
}

// total is the number of findings counted.
func (c Counts) total() int { return c.Critical + c.High + c.Medium + c.Low + c.Info }

// AgencyStatus is one agency's standing as of a date, with the dates that
// make it so.
type AgencyStatus struct {
	ORI, Name, County string
	State             State
	// Since is the day the state began: the latest review's date
	// (compliant, under review), the notice's sent date, the plan's received
	// date, or the day after the notice was due (overdue).
	Since      time.Time
	LastReview time.Time
	// Open counts the latest review's unwaived findings by severity.
	Open Counts
	// NoticeSent and NoticeDue are the open notice's dates; zero when no
	// notice is open (none sent, or a compliant review came after it).
	NoticeSent, NoticeDue time.Time
	// PlanReceived is the date the plan answering the open notice (or, with
	// no notice, following the latest non-compliant review) came in; zero
	// when none has.
	PlanReceived time.Time
}

// StatusOptions says how states are derived.
type StatusOptions struct {
	// AsOf is the day the status is taken: reviews, notices and plans dated
	// after it are not yet in the record. Zero means today.
	AsOf time.Time
	// Threshold is the lowest severity that keeps an agency from meeting
	// policy; a review with no unwaived finding at or above it is
	// compliant.
	Threshold analysis.Severity
}

func (o StatusOptions) asOf() time.Time {
	t := o.AsOf
	if t.IsZero() {
		t = time.Now()
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// compliant reports whether r has no unwaived finding at or above threshold.
func (r *Review) compliant(threshold analysis.Severity) bool {
	for _, f := range r.Findings {
		if !f.Waived && f.Severity >= threshold {
			return false
		}
	}
	return true
}

// open counts r's unwaived findings by severity.
func (r *Review) open() Counts {
	var c Counts
	for _, f := range r.Findings {
		if !f.Waived {
			*c.of(f.Severity)++
		}
	}
	return c
}

// agencyRecord is one agency's part of the record up to a date.
type agencyRecord struct {
	reviews []*Review
	notices []Notice
	plans   []Plan
}

// byAgency splits the record by ORI, keeping what is dated on or before
// asOf (everything when asOf is zero), in the record's order.
func (rec *Record) byAgency(asOf time.Time) map[string]*agencyRecord {
	after := func(t time.Time) bool { return !asOf.IsZero() && t.After(asOf) }
	m := map[string]*agencyRecord{}
	get := func(ori string) *agencyRecord {
		a := m[ori]
		if a == nil {
			a = &agencyRecord{}
			m[ori] = a
		}
		return a
	}
	for i := range rec.Reviews {
		if r := &rec.Reviews[i]; !after(r.Date) {
			get(r.ORI).reviews = append(get(r.ORI).reviews, r)
		}
	}
	for _, n := range rec.Notices {
		if !after(n.Sent) {
			get(n.ORI).notices = append(get(n.ORI).notices, n)
		}
	}
	for _, p := range rec.Plans {
		if !after(p.Received) {
			get(p.ORI).plans = append(get(p.ORI).plans, p)
		}
	}
	return m
}

// Status derives every reviewed agency's state, most urgent first (overdue
// agencies by how long overdue), then by ORI.
func (rec *Record) Status(opt StatusOptions) []AgencyStatus {
	asOf := opt.asOf()
	var out []AgencyStatus
	for ori, a := range rec.byAgency(asOf) {
		if len(a.reviews) == 0 {
			continue // everything about it is dated after asOf
		}
		out = append(out, a.status(ori, asOf, opt.Threshold))
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.State != b.State {
			return a.State.rank() < b.State.rank()
		}
		if a.State == Overdue && !a.Since.Equal(b.Since) {
			return a.Since.Before(b.Since)
		}
		return a.ORI < b.ORI
	})
	return out
}

// status derives one agency's state. A compliant latest review closes every
// notice before it; the open notice is the latest sent after the last
// compliant review, and the plan that answers it is the latest received on
// or after the day it was sent.
func (a *agencyRecord) status(ori string, asOf time.Time, threshold analysis.Severity) AgencyStatus {
	last := a.reviews[len(a.reviews)-1]
	st := AgencyStatus{ORI: ori, Name: last.Name, County: last.County, LastReview: last.Date, Open: last.open(), Since: last.Date}
	if last.compliant(threshold) {
		st.State = Compliant
		return st
	}
	// The last compliant review, if any, closes what came before it.
	var closed time.Time
	for _, r := range a.reviews {
		if r.compliant(threshold) {
			closed = r.Date
		}
	}
	// Everything since the first review after the last compliant one.
	var opened time.Time
	for _, r := range a.reviews {
		if r.Date.After(closed) || closed.IsZero() {
			opened = r.Date
			break
		}
	}
	var notice *Notice
	for i := range a.notices {
		if n := &a.notices[i]; closed.IsZero() || n.Sent.After(closed) {
			notice = n
		}
	}
	from := opened
	if notice != nil {
		from = notice.Sent
		st.NoticeSent, st.NoticeDue = notice.Sent, notice.Due
	}
	for _, p := range a.plans {
		if !p.Received.Before(from) {
			st.PlanReceived = p.Received
		}
	}
	switch {
	case !st.PlanReceived.IsZero():
		st.State, st.Since = PlanReceived, st.PlanReceived
	case notice != nil && asOf.After(notice.Due):
		st.State, st.Since = Overdue, notice.Due.AddDate(0, 0, 1)
	case notice != nil:
		st.State, st.Since = NoticeSent, notice.Sent
	default:
		st.State = UnderReview
		st.Since = opened
	}
	return st
}
