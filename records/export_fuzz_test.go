package records

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
)

// FuzzReadExport feeds ReadExport arbitrary bytes: it never panics, and
// what it accepts writes back out and reads in again unchanged.
func FuzzReadExport(f *testing.F) {
	fd, err := newFinding(analysis.Finding{Rule: "unpatched", Subject: "srv", Severity: analysis.Medium, Message: "m", At: "a.yaml:1:1"})
	if err != nil {
		f.Fatal(err)
	}
	rec := &Record{
		Reviews: []Review{{ORI: "CA0000001", Name: "A", County: "C", Date: day("2026-10-01"), Pack: "cjis-6.0", Recorded: day("2026-10-01").Add(time.Hour),
			Inputs: []Input{{Path: "a.yaml", SHA256: "00", Size: 1}}, Findings: []Finding{fd}}},
		Notices: []Notice{{ORI: "CA0000001", Sent: day("2026-10-02"), Due: day("2026-11-02"), Recorded: day("2026-10-02")}},
		Plans:   []Plan{{ORI: "CA0000001", Received: day("2026-10-20"), File: "p.pdf", SHA256: "11", Content: []byte("x"), Recorded: day("2026-10-20")}},
	}
	var seed bytes.Buffer
	if err := Export(&seed, rec); err != nil {
		f.Fatal(err)
	}
	f.Add(seed.Bytes())
	f.Add([]byte(`{"netreview-records": 1}`))
	f.Add([]byte(`{"netreview-records": 1, "runs": [{"recorded": "2026-01-01T00:00:00Z", "inputs": [{"path": "a", "sha256": "0", "size": 1}], "findings": [{"rule": "r", "subject": "", "severity": "info"}]}], "reviews": [{"ori": "x", "date": "2026-01-01", "recorded": "2026-01-01T00:00:00Z", "findings": [0, 0]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadExport(bytes.NewReader(data), "fuzz.json")
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := Export(&out, got); err != nil {
			t.Fatalf("an accepted export does not write back: %v", err)
		}
		again, err := ReadExport(bytes.NewReader(out.Bytes()), "again.json")
		if err != nil {
			t.Fatalf("what Export wrote does not read back: %v\n%s", err, out.Bytes())
		}
		if !reflect.DeepEqual(normal(got), normal(again)) {
			t.Fatalf("round trip changed the record:\n%+v\n%+v", got, again)
		}
	})
}

// normal puts times in UTC, as the export writes them.
func normal(r *Record) *Record {
	c := *r
	c.Reviews = append([]Review(nil), r.Reviews...)
	for i := range c.Reviews {
		c.Reviews[i].Recorded = c.Reviews[i].Recorded.UTC()
	}
	c.Notices = append([]Notice(nil), r.Notices...)
	for i := range c.Notices {
		c.Notices[i].Recorded = c.Notices[i].Recorded.UTC()
	}
	c.Plans = append([]Plan(nil), r.Plans...)
	for i := range c.Plans {
		c.Plans[i].Recorded = c.Plans[i].Recorded.UTC()
	}
	return &c
}
