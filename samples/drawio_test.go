package samples_test

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/netreview/netreview/report"
)

// TestDrawnSample reviews drawio/riverbend-pd.drawio, the Riverbend sample
// drawn in draw.io (stencils, containers, properties in Edit Data), with
// the backbone: the findings are those of riverbend-pd.yaml, but for the
// places, which name the drawing's cells.
func TestDrawnSample(t *testing.T) {
	places := regexp.MustCompile(`(?m)^\s*"(at|riverbend-pd\.yaml|drawio/riverbend-pd\.drawio)".*$|"at": "[^"]*"`)
	var want, got bytes.Buffer
	if err := report.JSON(&want, review(t, []string{"backbone.yaml", "riverbend-pd.yaml"}, "cjis-6.0")); err != nil {
		t.Fatal(err)
	}
	drawn := review(t, []string{"backbone.yaml", "drawio/riverbend-pd.drawio"}, "cjis-6.0")
	if err := report.JSON(&got, drawn); err != nil {
		t.Fatal(err)
	}
	if len(drawn.Findings) == 0 {
		t.Fatal("no findings")
	}
	g, w := places.ReplaceAll(got.Bytes(), nil), places.ReplaceAll(want.Bytes(), nil)
	if !bytes.Equal(g, w) {
		t.Errorf("the drawing's findings differ from the YAML's:\n got %s\nwant %s", g, w)
	}
	for _, f := range drawn.Findings {
		if f.Pos.File == "drawio/riverbend-pd.drawio" && (f.Pos.Sheet != "Riverbend PD" || f.Pos.Cell == "") {
			t.Errorf("%s %s at %s: want a place on page Riverbend PD", f.Rule, f.Subject, f.At)
		}
	}
}

// TestDrawnSampleAgency checks that the drawing's root cell gives the
// agency as the YAML does: letters are addressed from it.
func TestDrawnSampleAgency(t *testing.T) {
	yaml := review(t, []string{"backbone.yaml", "riverbend-pd.yaml"}, "cjis-6.0").Model.Docs[1]
	drawn := review(t, []string{"backbone.yaml", "drawio/riverbend-pd.drawio"}, "cjis-6.0").Model.Docs[1]
	if yaml.Agency != drawn.Agency || *yaml.Proposal != *drawn.Proposal {
		t.Errorf("agency %+v %+v, want %+v %+v", drawn.Agency, drawn.Proposal, yaml.Agency, yaml.Proposal)
	}
}
