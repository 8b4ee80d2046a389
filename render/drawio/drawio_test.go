package drawio_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/golden"
	"github.com/netreview/netreview/render/drawio"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/drawing"
	"github.com/netreview/netreview/topology/load"
	"github.com/netreview/netreview/topology/sheet"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const samples = "../../samples"

var reviewDate = time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)

func review(t *testing.T, inputs ...string) *analysis.Result {
	t.Helper()
	m, _, err := load.Files(inputs)
	if err != nil {
		t.Fatalf("load %v: %v", inputs, err)
	}
	pack, err := analysis.BuiltinPack("cjis-6.0")
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{Pack: pack, Date: reviewDate})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// content is a model as the workbook's sheets lay it out, with each
// element's document: everything the model says, without places.
func content(m *topology.Model) map[string][][]string {
	out := map[string][][]string{}
	for _, name := range sheet.SheetNames() {
		out[name] = sheet.Table(m, name)
	}
	for i, d := range m.Docs {
		one := &topology.Model{Docs: []*topology.Document{d}}
		out["doc"+string(rune('0'+i))] = sheet.AgencyTable(one)
	}
	owner := func(d *topology.Document) string { return d.Agency.Name + "/" + d.Agency.ORI }
	var own [][]string
	for _, s := range m.Sites {
		own = append(own, []string{"site", s.ID, owner(s.Doc)})
	}
	for _, z := range m.Zones {
		if !z.Implicit {
			own = append(own, []string{"zone", z.ID, owner(z.Doc)})
		}
	}
	for _, d := range m.Devices {
		own = append(own, []string{"device", d.ID, owner(d.Doc)})
	}
	for _, l := range m.Links {
		own = append(own, []string{"link", l.ID, owner(l.Doc)})
	}
	for _, x := range m.Tunnels {
		own = append(own, []string{"tunnel", x.ID, owner(x.Doc)})
	}
	for _, w := range m.Waivers {
		own = append(own, []string{"waiver", w.Rule + "/" + w.Subject, owner(w.Doc)})
	}
	out["owners"] = own
	return out
}

// TestRoundTrip writes every sample review as a draw.io file and reads it
// back: the model is the same, field by field and document by document,
// and so are the findings but for their places.
func TestRoundTrip(t *testing.T) {
	sets := [][]string{
		{"backbone.yaml", "riverbend-pd.yaml"},
		{"backbone.yaml", "cedar-county-so.yaml"},
		{"backbone.yaml", "bayview-pd-fleet.yaml"},
		{"backbone.yaml", "tri-county-dispatch.yaml"},
		{"backbone.yaml", "bayview-pd-fleet.yaml", "cedar-county-so.yaml", "riverbend-pd.yaml", "tri-county-dispatch.yaml"},
		{"diff/pine-hollow-current.yaml"},
		{"diff/pine-hollow-proposed.yaml"},
		{"backbone.yaml", "drawio/riverbend-pd.drawio"}, // drawn in draw.io
	}
	for _, set := range sets {
		name := filepath.Base(set[len(set)-1])
		if len(set) > 2 {
			name = "statewide"
		}
		t.Run(name, func(t *testing.T) {
			var inputs []string
			for _, f := range set {
				inputs = append(inputs, filepath.Join(samples, f))
			}
			res := review(t, inputs...)
			path := filepath.Join(t.TempDir(), name+".drawio")
			var buf bytes.Buffer
			if err := drawio.Write(&buf, res, drawio.Options{}); err != nil {
				t.Fatal(err)
			}
			checkXML(t, buf.Bytes())
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			back, warns, err := drawing.Read(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings reading the written drawing: %v", warns)
			}
			got, want := content(back), content(res.Model)
			for k := range want {
				if !reflect.DeepEqual(got[k], want[k]) {
					t.Errorf("%s differ:\n got %q\nwant %q", k, got[k], want[k])
				}
			}
			res2 := review(t, path)
			if a, b := findings(res2), findings(res); !reflect.DeepEqual(a, b) {
				t.Errorf("findings differ:\n got %v\nwant %v", a, b)
			}
			for _, f := range res2.Findings {
				if !strings.HasPrefix(f.At, path+"#") {
					t.Errorf("finding %s %s at %q, not a cell of the drawing", f.Rule, f.Subject, f.At)
				}
			}
		})
	}
}

// findings returns the findings without their places.
func findings(res *analysis.Result) []analysis.Finding {
	out := make([]analysis.Finding, len(res.Findings))
	for i, f := range res.Findings {
		f.At, f.Pos = "", topology.Pos{}
		if f.Waiver != nil {
			w := *f.Waiver
			w.At = ""
			f.Waiver = &w
		}
		out[i] = f
	}
	return out
}

// checkXML fails unless b is well-formed XML.
func checkXML(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
}

// TestGolden pins the drawing of the Riverbend review: review changes to
// it as a diff (go test ./render/drawio -update).
func TestGolden(t *testing.T) {
	res := review(t, filepath.Join(samples, "backbone.yaml"), filepath.Join(samples, "riverbend-pd.yaml"))
	var buf bytes.Buffer
	if err := drawio.Write(&buf, res, drawio.Options{}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "riverbend-pd.drawio"), buf.Bytes(), *update)
	var plain bytes.Buffer
	if err := drawio.Write(&plain, res, drawio.Options{NoFindings: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`name="Findings"`, `value="F`, "FOR OFFICIAL USE ONLY"} {
		if !strings.Contains(buf.String(), want) && !strings.Contains(buf.String(), strings.ReplaceAll(want, `name=`, `value=`)) {
			t.Errorf("the drawing lacks %s", want)
		}
	}
	if strings.Contains(plain.String(), `parent="findings"`) {
		t.Error("NoFindings drew the findings layer")
	}
}

func TestIsPath(t *testing.T) {
	for p, want := range map[string]bool{"x.drawio": true, "X.DRAWIO": true, "x.drawio.svg": false, "x.svg": false} {
		if drawio.IsPath(p) != want {
			t.Errorf("IsPath(%q) = %v", p, !want)
		}
	}
}
