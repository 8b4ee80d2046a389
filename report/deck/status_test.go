package deck

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/golden"
	"github.com/netreview/netreview/records"
)

// statusCommittee is the committee's view of a small record: an agency
// overdue, one with a plan, one under review, one that resolved its
// findings, over two quarters.
func statusCommittee(t *testing.T) *records.Committee {
	t.Helper()
	day := func(s string) records.Review {
		d, err := records.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return records.Review{Date: d, Recorded: d, Pack: "cjis-6.0"}
	}
	review := func(ori, name, county, date string, rules ...string) records.Review {
		r := day(date)
		r.ORI, r.Name, r.County = ori, name, county
		for _, rule := range rules {
			r.Findings = append(r.Findings, records.Finding{Rule: rule, Subject: "s-" + rule, Severity: analysis.High})
		}
		return r
	}
	notice := func(ori, sent, due string) records.Notice {
		return records.Notice{ORI: ori, Sent: day(sent).Date, Due: day(due).Date}
	}
	rec := &records.Record{
		Reviews: []records.Review{
			review("CA0100000", "Cedar County Sheriff's Office", "Cedar", "2026-08-20", "unencrypted-exit"),
			review("CA0420100", "Riverbend Police Department", "Riverbend", "2026-09-01", "weak-wireless", "unpatched"),
			review("CA0420100", "Riverbend Police Department", "Riverbend", "2026-11-15"),
			review("CA0450600", "Pine Hollow Police Department", "Shasta", "2026-10-01", "unencrypted-exit", "advanced-authentication"),
			review("CA0450700", "Shasta Lake Police Department", "Shasta", "2026-12-05", "cloud-agreement"),
		},
		Notices: []records.Notice{notice("CA0100000", "2026-08-25", "2026-09-25"), notice("CA0450600", "2026-10-05", "2026-11-05")},
		Plans:   []records.Plan{{ORI: "CA0450600", Received: day("2026-11-01").Date}},
	}
	return rec.Committee(records.StatusOptions{AsOf: day("2026-12-31").Date, Threshold: analysis.High})
}

func TestBuildStatusGolden(t *testing.T) {
	d := BuildStatus(statusCommittee(t))
	out := outline(d)
	for _, want := range []string{"3 agencies of 4 do not meet policy", "1 agency overdue", "OVERDUE  Cedar County Sheriff's Office", "[chart: Findings resolved]"} {
		if !strings.Contains(out, want) {
			t.Errorf("status deck lacks %q", want)
		}
	}
	for i, s := range d.Slides {
		if got := paraText(s.Items[len(s.Items)-2].Text.Paras[0]); got != fouo {
			t.Errorf("slide %d: marked %q", i+1, got)
		}
	}
	golden.Check(t, filepath.Join("testdata", "status.golden"), []byte(out), *update)
}
