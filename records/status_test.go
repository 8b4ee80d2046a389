package records

import (
	"reflect"
	"testing"

	"github.com/netreview/netreview/analysis"
)

func TestStatus(t *testing.T) {
	const ori = "CA0000001"
	high := finding(t, "unencrypted-exit", "hq-wan", analysis.High, false)
	waivedHigh := finding(t, "unencrypted-exit", "hq-wan", analysis.High, true)
	medium := finding(t, "unpatched", "hq-srv", analysis.Medium, false)
	bad := review(ori, "2026-10-01", high, medium)
	notice := Notice{ORI: ori, Sent: day("2026-10-05"), Due: day("2026-11-05")}
	plan := Plan{ORI: ori, Received: day("2026-11-01")}
	tests := []struct {
		name      string
		rec       Record
		asOf      string
		threshold analysis.Severity
		want      AgencyStatus // ORI, Name and County are filled in
	}{
		{"a high finding: under review", Record{Reviews: []Review{bad}}, "2026-10-02", analysis.High,
			AgencyStatus{State: UnderReview, Since: day("2026-10-01"), LastReview: day("2026-10-01"), Open: Counts{High: 1, Medium: 1}}},
		{"medium only, threshold high: compliant", Record{Reviews: []Review{review(ori, "2026-10-01", medium)}}, "2026-10-02", analysis.High,
			AgencyStatus{State: Compliant, Since: day("2026-10-01"), LastReview: day("2026-10-01"), Open: Counts{Medium: 1}}},
		{"medium only, threshold medium: under review", Record{Reviews: []Review{review(ori, "2026-10-01", medium)}}, "2026-10-02", analysis.Medium,
			AgencyStatus{State: UnderReview, Since: day("2026-10-01"), LastReview: day("2026-10-01"), Open: Counts{Medium: 1}}},
		{"a waived high finding does not count", Record{Reviews: []Review{review(ori, "2026-10-01", waivedHigh)}}, "2026-10-02", analysis.High,
			AgencyStatus{State: Compliant, Since: day("2026-10-01"), LastReview: day("2026-10-01")}},
		{"notice sent, not yet due", Record{Reviews: []Review{bad}, Notices: []Notice{notice}}, "2026-11-05", analysis.High,
			AgencyStatus{State: NoticeSent, Since: day("2026-10-05"), LastReview: day("2026-10-01"), Open: Counts{High: 1, Medium: 1}, NoticeSent: day("2026-10-05"), NoticeDue: day("2026-11-05")}},
		{"notice due yesterday, no plan: overdue", Record{Reviews: []Review{bad}, Notices: []Notice{notice}}, "2026-11-06", analysis.High,
			AgencyStatus{State: Overdue, Since: day("2026-11-06"), LastReview: day("2026-10-01"), Open: Counts{High: 1, Medium: 1}, NoticeSent: day("2026-10-05"), NoticeDue: day("2026-11-05")}},
		{"plan received: not overdue", Record{Reviews: []Review{bad}, Notices: []Notice{notice}, Plans: []Plan{plan}}, "2026-12-01", analysis.High,
			AgencyStatus{State: PlanReceived, Since: day("2026-11-01"), LastReview: day("2026-10-01"), Open: Counts{High: 1, Medium: 1}, NoticeSent: day("2026-10-05"), NoticeDue: day("2026-11-05"), PlanReceived: day("2026-11-01")}},
		{"a plan dated after the as-of day is not yet in", Record{Reviews: []Review{bad}, Notices: []Notice{notice}, Plans: []Plan{{ORI: ori, Received: day("2026-12-01")}}}, "2026-11-20", analysis.High,
			AgencyStatus{State: Overdue, Since: day("2026-11-06"), LastReview: day("2026-10-01"), Open: Counts{High: 1, Medium: 1}, NoticeSent: day("2026-10-05"), NoticeDue: day("2026-11-05")}},
		{"a plan before the notice does not answer it", Record{Reviews: []Review{bad}, Notices: []Notice{notice}, Plans: []Plan{{ORI: ori, Received: day("2026-10-03")}}}, "2026-10-20", analysis.High,
			AgencyStatus{State: NoticeSent, Since: day("2026-10-05"), LastReview: day("2026-10-01"), Open: Counts{High: 1, Medium: 1}, NoticeSent: day("2026-10-05"), NoticeDue: day("2026-11-05")}},
		{"a compliant review closes the notice", Record{Reviews: []Review{bad, review(ori, "2026-12-01", medium)}, Notices: []Notice{notice}}, "2027-01-01", analysis.High,
			AgencyStatus{State: Compliant, Since: day("2026-12-01"), LastReview: day("2026-12-01"), Open: Counts{Medium: 1}}},
		{"non-compliant again after a compliant review: the old notice stays closed",
			Record{Reviews: []Review{bad, review(ori, "2026-12-01"), review(ori, "2027-02-01", high)}, Notices: []Notice{notice}, Plans: []Plan{plan}}, "2027-03-01", analysis.High,
			AgencyStatus{State: UnderReview, Since: day("2027-02-01"), LastReview: day("2027-02-01"), Open: Counts{High: 1}}},
		{"a revised proposal still failing keeps the plan", Record{Reviews: []Review{bad, review(ori, "2026-12-01", high)}, Notices: []Notice{notice}, Plans: []Plan{plan}}, "2026-12-02", analysis.High,
			AgencyStatus{State: PlanReceived, Since: day("2026-11-01"), LastReview: day("2026-12-01"), Open: Counts{High: 1}, NoticeSent: day("2026-10-05"), NoticeDue: day("2026-11-05"), PlanReceived: day("2026-11-01")}},
		{"a plan sent with no notice", Record{Reviews: []Review{bad}, Plans: []Plan{plan}}, "2026-11-02", analysis.High,
			AgencyStatus{State: PlanReceived, Since: day("2026-11-01"), LastReview: day("2026-10-01"), Open: Counts{High: 1, Medium: 1}, PlanReceived: day("2026-11-01")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.rec.Status(StatusOptions{AsOf: day(tt.asOf), Threshold: tt.threshold})
			if len(got) != 1 {
				t.Fatalf("%d agencies, want 1", len(got))
			}
			last := tt.rec.Reviews[len(tt.rec.Reviews)-1]
			tt.want.ORI, tt.want.Name, tt.want.County = ori, last.Name, last.County
			if !reflect.DeepEqual(got[0], tt.want) {
				t.Fatalf("status\n got %+v\nwant %+v", got[0], tt.want)
			}
		})
	}
}

func TestStatusOrderAndAsOf(t *testing.T) {
	high := finding(t, "unencrypted-exit", "hq-wan", analysis.High, false)
	rec := Record{
		Reviews: []Review{
			review("CA0000001", "2026-10-01"),
			review("CA0000002", "2026-10-01", high),
			review("CA0000003", "2026-09-01", high),
			review("CA0000004", "2026-09-01", high),
			review("CA0000005", "2027-01-01", high), // after the as-of day
		},
		Notices: []Notice{
			{ORI: "CA0000003", Sent: day("2026-09-05"), Due: day("2026-10-15")},
			{ORI: "CA0000004", Sent: day("2026-09-05"), Due: day("2026-10-01")},
		},
	}
	got := rec.Status(StatusOptions{AsOf: day("2026-11-01"), Threshold: analysis.High})
	var order []string
	for _, a := range got {
		order = append(order, a.ORI+" "+string(a.State))
	}
	// Overdue first, the longest overdue first; then the rest by urgency.
	want := []string{"CA0000004 overdue", "CA0000003 overdue", "CA0000002 under-review", "CA0000001 compliant"}
	if !reflect.DeepEqual(order, want) {
		t.Fatalf("order %q, want %q", order, want)
	}
}

func TestHistory(t *testing.T) {
	const ori = "CA0000001"
	wan := finding(t, "unencrypted-exit", "hq-wan", analysis.High, false)
	wanWaived := finding(t, "unencrypted-exit", "hq-wan", analysis.High, true)
	srv := finding(t, "unpatched", "hq-srv", analysis.Medium, false)
	ws := finding(t, "advanced-authentication", "hq-ws", analysis.High, false)
	rec := Record{Reviews: []Review{
		review(ori, "2026-10-01", wan, srv),
		review(ori, "2026-12-01", wanWaived, ws),
		review(ori, "2027-02-01", wan, ws),
		review("CA0000002", "2026-10-01", srv),
	}}
	h, err := rec.History(ori)
	if err != nil {
		t.Fatal(err)
	}
	keys := func(fs []Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Rule+"/"+f.Subject)
		}
		return out
	}
	type step struct{ introduced, resolved, waived, reopened []string }
	want := []step{
		{introduced: []string{"unencrypted-exit/hq-wan", "unpatched/hq-srv"}},
		{introduced: []string{"advanced-authentication/hq-ws"}, resolved: []string{"unpatched/hq-srv"}, waived: []string{"unencrypted-exit/hq-wan"}},
		{reopened: []string{"unencrypted-exit/hq-wan"}},
	}
	if len(h.Steps) != len(want) {
		t.Fatalf("%d steps, want %d", len(h.Steps), len(want))
	}
	for i, s := range h.Steps {
		got := step{keys(s.Introduced), keys(s.Resolved), keys(s.Waived), keys(s.Reopened)}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("step %d (%s):\n got %+v\nwant %+v", i, s.Review.Date.Format(DateLayout), got, want[i])
		}
	}
	if _, err := rec.History("CA9999999"); err == nil {
		t.Fatal("history of an unknown agency: no error")
	}
}

func TestCommittee(t *testing.T) {
	wan := finding(t, "unencrypted-exit", "hq-wan", analysis.High, false)
	wan2 := finding(t, "unencrypted-exit", "annex-wan", analysis.High, false)
	srv := finding(t, "unpatched", "hq-srv", analysis.Medium, false)
	rec := Record{
		Reviews: []Review{
			review("CA0000001", "2026-08-10", wan, wan2, srv),
			review("CA0000001", "2026-12-01", srv), // resolves both high findings
			review("CA0000002", "2026-10-01", wan),
		},
		Notices: []Notice{{ORI: "CA0000002", Sent: day("2026-10-05"), Due: day("2026-11-05")}},
		Plans:   []Plan{{ORI: "CA0000002", Received: day("2027-01-10")}},
	}
	c := rec.Committee(StatusOptions{AsOf: day("2027-01-15"), Threshold: analysis.High})
	wantQuarters := []Quarter{
		{Label: "2026-Q3", Start: day("2026-07-01"), Reviews: 1, Introduced: 3},
		{Label: "2026-Q4", Start: day("2026-10-01"), Reviews: 2, Introduced: 1, Resolved: 2, Notices: 1},
		{Label: "2027-Q1", Start: day("2027-01-01"), Plans: 1},
	}
	if !reflect.DeepEqual(c.Quarters, wantQuarters) {
		t.Errorf("quarters\n got %+v\nwant %+v", c.Quarters, wantQuarters)
	}
	wantRules := []RuleCount{
		{Rule: "unencrypted-exit", Severity: analysis.High, Open: 1, Agencies: 1},
		{Rule: "unpatched", Severity: analysis.Medium, Open: 1, Agencies: 1},
	}
	if !reflect.DeepEqual(c.Rules, wantRules) {
		t.Errorf("rules\n got %+v\nwant %+v", c.Rules, wantRules)
	}
	wantCounties := []CountyCount{
		{County: "County 1", Agencies: 1, Compliant: 1},
		{County: "County 2", Agencies: 1, NotMeeting: 1},
	}
	if !reflect.DeepEqual(c.Counties, wantCounties) {
		t.Errorf("counties\n got %+v\nwant %+v", c.Counties, wantCounties)
	}
	if c.States[2] != (StateCount{PlanReceived, 1}) || c.States[4] != (StateCount{Compliant, 1}) {
		t.Errorf("states %+v", c.States)
	}
}
