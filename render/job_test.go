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

// TestJobForms: a page's job carries the heading as a column (unless it
// holds the findings table) and, for a dot layout, the diagram ranked
// across; a poster's carries neither; the legend's device types stand in
// the heading, in a grid.
func TestJobForms(t *testing.T) {
	res := review(t, "../samples/backbone.yaml", "../samples/riverbend-pd.yaml")
	r := New(nil)
	for _, page := range []Page{PagePoster, PageSlide, PageLetter} {
		job, err := r.job(res, PNG, Options{Page: page, NoTable: true})
		if err != nil {
			t.Fatal(err)
		}
		if page == PagePoster {
			if job.Side != (Graph{}) || job.Turned != (Graph{}) {
				t.Errorf("%s: other forms %+v %+v", page, job.Side, job.Turned)
			}
			continue
		}
		if job.Side.Engine != "dot" || job.Side.DOT == job.Heading.DOT || !strings.Contains(job.Side.DOT, "Riverbend Police Department") {
			t.Errorf("%s: side heading %.200q", page, job.Side.DOT)
		}
		if !strings.Contains(job.Turned.DOT, `rankdir="LR"`) || strings.Contains(job.Diagram.DOT, `rankdir`) {
			t.Errorf("%s: the turned diagram is not ranked across, or the diagram is", page)
		}
		for _, h := range []Graph{job.Heading, job.Side} {
			if !strings.Contains(h.DOT, `"#legend/router"`) || !strings.Contains(h.DOT, `style="invis"`) {
				t.Errorf("%s: the heading lacks the legend's device types in a grid", page)
			}
		}
		if strings.Contains(job.Diagram.DOT, `"#legend/router"`) {
			t.Errorf("%s: the diagram draws the legend", page)
		}
		tabled, err := r.job(res, PNG, Options{Page: page})
		if err != nil {
			t.Fatal(err)
		}
		if tabled.Side != (Graph{}) {
			t.Errorf("%s: a heading with the findings table stands beside the diagram", page)
		}
	}
}
