package analysis_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/report"
	"github.com/netreview/netreview/topology"
)

// waiverModel is a server with a non-compliant password policy and the
// waivers given, as one validated model.
func waiverModel(t *testing.T, waivers string) *topology.Model {
	t.Helper()
	src := `netreview: 1
agency: {name: Test PD}
sites:
  - {id: hq, security: physically-secure}
devices:
  - {id: rms, type: server, site: hq, password-policy: non-compliant, patching: managed}
waivers:
` + waivers
	frag, err := topology.Decode("pd.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := topology.Merge(frag)
	if err := topology.Validate(m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWaivers(t *testing.T) {
	date := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	const inForce = `  - rule: password-policy
    subject: rms
    reason: Vendor release due in Q1 2027.
    approved-by: CJIS Systems Agency
    expires: 2027-03-31
`
	tests := []struct {
		name         string
		waivers      string
		wantWaived   *analysis.WaiverDetail // the password-policy finding's waiver, nil when it is not waived
		wantExpired  []string               // subjects of expired-waiver findings
		wantWarnings []string               // substrings, one per warning
		wantFails    bool                   // report.Fails at medium
	}{
		{"in force", inForce, &analysis.WaiverDetail{
			Reason: "Vendor release due in Q1 2027.", ApprovedBy: "CJIS Systems Agency", Expires: "2027-03-31", At: "pd.yaml:8:5",
		}, nil, nil, false},
		{"expires today is still in force", `  - {rule: password-policy, subject: rms, reason: r, expires: 2026-11-01}
`, &analysis.WaiverDetail{Reason: "r", Expires: "2026-11-01", At: "pd.yaml:8:6"}, nil, nil, false},
		{"no expiry never expires", `  - {rule: password-policy, subject: rms, reason: r}
`, &analysis.WaiverDetail{Reason: "r", At: "pd.yaml:8:6"}, nil, nil, false},
		{"expired", `  - rule: password-policy
    subject: rms
    reason: Vendor release was due in Q1 2026.
    expires: 2026-03-31
`, nil, []string{"password-policy/rms"}, nil, true},
		{"matches nothing", inForce + `  - {rule: single-link, subject: nowhere, reason: r, expires: 2027-01-01}
`, &analysis.WaiverDetail{
			Reason: "Vendor release due in Q1 2027.", ApprovedBy: "CJIS Systems Agency", Expires: "2027-03-31", At: "pd.yaml:8:5",
		}, nil, []string{"pd.yaml:13:6: waiver for single-link/nowhere matches no finding"}, false},
		{"repeated", inForce + `  - {rule: password-policy, subject: rms, reason: again}
`, &analysis.WaiverDetail{
			Reason: "Vendor release due in Q1 2027.", ApprovedBy: "CJIS Systems Agency", Expires: "2027-03-31", At: "pd.yaml:8:5",
		}, nil, []string{"pd.yaml:13:6: waiver for password-policy/rms repeats the one at pd.yaml:8:5"}, false},
		{"expired and matching nothing is only expired", `  - {rule: single-link, subject: nowhere, reason: r, expires: 2026-01-01}
`, nil, []string{"single-link/nowhere"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := waiverModel(t, tt.waivers)
			res, err := analysis.Run(m, analysis.Config{Date: date})
			if err != nil {
				t.Fatal(err)
			}
			var expired []string
			var pp *analysis.Finding
			for i, f := range res.Findings {
				switch f.Rule {
				case "expired-waiver":
					expired = append(expired, f.Subject)
					if f.Kind != analysis.KindWaiver || !strings.HasPrefix(f.At, "pd.yaml:8:") || !strings.Contains(f.Message, "expired on") || f.Severity != analysis.Medium {
						t.Errorf("expired-waiver finding %+v", f)
					}
				case "password-policy":
					pp = &res.Findings[i]
				}
			}
			if pp == nil {
				t.Fatal("no password-policy finding")
			}
			if pp.Waived != (tt.wantWaived != nil) || !reflect.DeepEqual(pp.Waiver, tt.wantWaived) {
				t.Errorf("waived %v, waiver %+v; want %+v", pp.Waived, pp.Waiver, tt.wantWaived)
			}
			if !reflect.DeepEqual(expired, tt.wantExpired) {
				t.Errorf("expired-waiver subjects %q, want %q", expired, tt.wantExpired)
			}
			if len(res.Warnings) != len(tt.wantWarnings) {
				t.Fatalf("warnings %q, want %q", res.Warnings, tt.wantWarnings)
			}
			for i, w := range tt.wantWarnings {
				if !strings.Contains(res.Warnings[i], w) {
					t.Errorf("warning %q, want %q", res.Warnings[i], w)
				}
			}
			if got := report.Fails(res.Findings, analysis.Medium); got != tt.wantFails {
				t.Errorf("report.Fails = %v, want %v", got, tt.wantFails)
			}
		})
	}
}
