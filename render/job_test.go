package render

import (
	"bytes"
	"strings"
	"testing"
)

func TestJobRoundTrip(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	job, err := New(nil).job(res, PNG, Options{View: ViewCounties, Page: PageSlide, NoTable: true})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := writeJob(&b, job); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJob(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Format != PNG || got.Page != PageSlide || got.Date != "2026-11-22" || got.Diagram != job.Diagram || got.Heading != job.Heading {
		t.Errorf("read back %+v", got)
	}
	if strings.Contains(got.Heading.DOT, "<B>#</B>") {
		t.Error("NoTable kept the findings table")
	}
	for _, bad := range []string{`{}`, `{"format":"png","page":"slide","heading":{"engine":"dot","dot":"x"},"diagram":{"engine":"circo","dot":"x"}}`, `{"format":"png","extra":1}`, `[`} {
		if _, err := ReadJob(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadJob(%s) took it", bad)
		}
	}
}
