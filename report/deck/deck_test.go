package deck

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/deckpdf"
	"github.com/netreview/netreview/internal/generate"
	"github.com/netreview/netreview/internal/golden"
	"github.com/netreview/netreview/internal/officetest"
	"github.com/netreview/netreview/report/pptx"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/load"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// asHelper, set in the environment, makes the test binary the helper
// that WritePDF runs: it draws the deck as netreview-graphviz does.
const asHelper = "NETREVIEW_TEST_AS_DECK_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(asHelper) == "1" {
		if served, status := deckpdf.Serve(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); served {
			os.Exit(status)
		}
		fmt.Fprintln(os.Stderr, "not a deck")
		os.Exit(2)
	}
	os.Exit(m.Run())
}

// helper returns this test binary, to be run as the deck helper.
func helper(t *testing.T) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	t.Setenv(asHelper, "1")
	return exe
}

var reviewDate = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)

func run(t testing.TB, m *topology.Model) *analysis.Result {
	t.Helper()
	pack, err := analysis.BuiltinPack(analysis.DefaultPackName)
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{Pack: pack, Date: reviewDate})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func sampleResult(t testing.TB, files ...string) *analysis.Result {
	t.Helper()
	var paths []string
	for _, f := range files {
		paths = append(paths, filepath.Join("..", "..", "samples", f))
	}
	m, _, err := load.Files(paths)
	if err != nil {
		t.Fatal(err)
	}
	return run(t, m)
}

// fakeDiagram stands in for the renderer: a 3:2 picture that names the
// application in its color, so that the test needs no Graphviz.
func fakeDiagram(w io.Writer, app Application) error {
	img := image.NewRGBA(image.Rect(0, 0, 300, 200))
	c := color.RGBA{uint8(len(app.ORI()) * 20), 120, 200, 255}
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			img.Set(x, y, c)
		}
	}
	return png.Encode(w, img)
}

// outline is the deck as text, slide by slide: what a golden file holds.
func outline(d *pptx.Deck) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\ncreated: %s\n", d.Title, d.Created)
	for i, s := range d.Slides {
		fmt.Fprintf(&b, "\n== slide %d\n", i+1)
		for _, it := range s.Items {
			switch {
			case it.Text != nil:
				for _, p := range it.Text.Paras {
					if t := paraText(p); t != "" {
						fmt.Fprintf(&b, "%s\n", t)
					}
				}
			case it.Picture != nil:
				fmt.Fprintf(&b, "[picture: %s]\n", it.Picture.Descr)
			case it.Chart != nil:
				c := it.Chart
				fmt.Fprintf(&b, "[chart: %s]\n", c.Title)
				for j, cat := range c.Categories {
					var vals []string
					for _, sr := range c.Series {
						if v := sr.Values[j]; v != 0 {
							vals = append(vals, fmt.Sprintf("%s %g", sr.Name, v))
						}
					}
					fmt.Fprintf(&b, "  %s: %s\n", cat, strings.Join(vals, ", "))
				}
			}
		}
	}
	return b.String()
}

func paraText(p pptx.Para) string {
	var sb strings.Builder
	for _, r := range p.Runs {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// statewide is a generated statewide model of n agencies.
func statewide(t testing.TB, n int) *analysis.Result {
	t.Helper()
	m := generate.Statewide(generate.Options{Agencies: n, Seed: 7})
	return run(t, m)
}

type deckCase struct {
	name string
	res  func(testing.TB) *analysis.Result
}

var deckCases = []deckCase{
	{"riverbend", func(t testing.TB) *analysis.Result { return sampleResult(t, "backbone.yaml", "riverbend-pd.yaml") }},
	{"samples", func(t testing.TB) *analysis.Result {
		return sampleResult(t, "backbone.yaml", "bayview-pd-fleet.yaml", "cedar-county-so.yaml", "riverbend-pd.yaml", "tri-county-dispatch.yaml")
	}},
	{"backbone-only", func(t testing.TB) *analysis.Result { return sampleResult(t, "backbone.yaml") }},
	{"statewide", func(t testing.TB) *analysis.Result { return statewide(t, 40) }},
}

func TestBuildGolden(t *testing.T) {
	for _, tc := range deckCases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Build(tc.res(t), Options{Diagram: fakeDiagram})
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range d.Slides {
				if got := paraText(s.Items[len(s.Items)-2].Text.Paras[0]); got != fouo {
					t.Errorf("slide %d: marked %q, want %q", i+1, got, fouo)
				}
			}
			golden.Check(t, filepath.Join("testdata", tc.name+".golden"), []byte(outline(d)), *update)
		})
	}
}

// TestBuildShape checks what the golden files show, so that an update
// that breaks it fails: the slides each review gets.
func TestBuildShape(t *testing.T) {
	for _, tc := range []struct {
		deck           deckCase
		apps, diagrams int
		ranking        bool
	}{
		{deckCases[0], 1, 1, false},
		{deckCases[1], 4, 4, false},
		{deckCases[2], 0, 0, false},
		{deckCases[3], 40, 0, true},
	} {
		t.Run(tc.deck.name, func(t *testing.T) {
			res := tc.deck.res(t)
			if got := len(applications(res)); got != tc.apps {
				t.Errorf("%d applications, want %d", got, tc.apps)
			}
			d, err := Build(res, Options{Diagram: fakeDiagram})
			if err != nil {
				t.Fatal(err)
			}
			text := outline(d)
			if got := strings.Count(text, "[picture: "); got != tc.diagrams {
				t.Errorf("%d diagrams, want %d", got, tc.diagrams)
			}
			if got := strings.Contains(text, "Counties with the most serious findings"); got != tc.ranking {
				t.Errorf("county ranking shown: %v, want %v", got, tc.ranking)
			}
			// The reports' root causes: Riverbend's annex hangs on one path,
			// and its cleartext links lie along one.
			if tc.deck.name == "riverbend" && (!strings.Contains(text, "Site rpd-annex hangs on one path") || !strings.Contains(text, "Unprotected links on one path from")) {
				t.Error("the shared root causes are not on Riverbend's slides")
			}
			if !strings.Contains(text, "[chart: Unwaived findings by rule and severity]") && len(res.Findings) > 0 {
				t.Error("no chart of the findings by rule")
			}
		})
	}
}

// TestDiagramError reports the application whose diagram failed.
func TestDiagramError(t *testing.T) {
	res := deckCases[0].res(t)
	_, err := Build(res, Options{Diagram: func(io.Writer, Application) error { return fmt.Errorf("no helper") }})
	if err == nil || !strings.Contains(err.Error(), "diagram of Riverbend Police Department: no helper") {
		t.Fatalf("error %v", err)
	}
}

// TestWritePDFErrors: a helper that fails is reported in one line.
func TestWritePDFErrors(t *testing.T) {
	program := helper(t)
	ctx := context.Background()
	bad := &pptx.Deck{Slides: []pptx.Slide{{Items: []pptx.Item{{}}}}}
	err := WritePDF(ctx, io.Discard, bad, program)
	if err == nil || !strings.Contains(err.Error(), "want exactly one of text, picture or chart") || strings.Contains(err.Error(), "\n") {
		t.Errorf("bad deck: error %v", err)
	}
	err = WritePDF(ctx, io.Discard, &pptx.Deck{}, filepath.Join(t.TempDir(), "no-such-helper"))
	if err == nil || !strings.Contains(err.Error(), "deck pdf: drawing with") {
		t.Errorf("missing helper: error %v", err)
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"a longer title, with a comma", 17, "a longer title…"},
		{"ünïcödé wörds here", 9, "ünïcödé…"},
	} {
		if got := clip(tc.in, tc.n); got != tc.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// buildCase builds a case's deck; a case with no result is the status
// deck.
func buildCase(t *testing.T, tc deckCase) (*pptx.Deck, error) {
	if tc.res == nil {
		return BuildStatus(statusCommittee(t)), nil
	}
	return Build(tc.res(t), Options{Diagram: fakeDiagram})
}

// slideTexts are the texts of each slide that must be found on its page:
// every paragraph, and every chart's title and categories.
func slideTexts(d *pptx.Deck) [][]string {
	out := make([][]string, len(d.Slides))
	for i, s := range d.Slides {
		for _, it := range s.Items {
			switch {
			case it.Text != nil:
				for _, p := range it.Text.Paras {
					if t := officetest.Squash(paraText(p)); t != "" {
						out[i] = append(out[i], t)
					}
				}
			case it.Chart != nil:
				out[i] = append(out[i], it.Chart.Title)
				out[i] = append(out[i], it.Chart.Categories...)
			}
		}
	}
	return out
}

// checkPages checks a page per slide, with the slide's text on it.
func checkPages(t *testing.T, d *pptx.Deck, pages []string) {
	t.Helper()
	want := slideTexts(d)
	if len(pages) != len(want) {
		t.Fatalf("%d pages for %d slides", len(pages), len(want))
	}
	for i, texts := range want {
		got := officetest.Letters(pages[i])
		for _, s := range texts {
			if s != "" && !strings.Contains(got, officetest.Letters(s)) {
				t.Errorf("page %d: no %q in\n%s", i+1, s, got)
			}
		}
	}
}

func writeFile(t *testing.T, name string, write func(io.Writer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDeckInLibreOffice opens every deck in LibreOffice: a page per slide,
// each with its text.
func TestDeckInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice takes about ten seconds a deck")
	}
	officetest.Soffice(t)
	for _, tc := range append(deckCases, deckCase{name: "status"}) {
		t.Run(tc.name, func(t *testing.T) {
			d, err := buildCase(t, tc)
			if err != nil {
				t.Fatal(err)
			}
			path := writeFile(t, tc.name+".pptx", func(w io.Writer) error { return pptx.Write(w, d) })
			data, _ := os.ReadFile(path)
			for _, err := range officetest.CheckPackage(data) {
				t.Error(err)
			}
			checkPages(t, d, officetest.Pages(t, officetest.ToPDF(t, path)))
		})
	}
}

// TestDeckPDF reads back the deck drawn as PDF by the helper: a page per
// slide, each with its text, and the same bytes from the same deck.
func TestDeckPDF(t *testing.T) {
	program := helper(t)
	ctx := context.Background()
	for _, tc := range append(deckCases, deckCase{name: "status"}) {
		t.Run(tc.name, func(t *testing.T) {
			d, err := buildCase(t, tc)
			if err != nil {
				t.Fatal(err)
			}
			path := writeFile(t, tc.name+".pdf", func(w io.Writer) error { return WritePDF(ctx, w, d, program) })
			again := writeFile(t, tc.name+".pdf", func(w io.Writer) error { return deckpdf.Draw(w, d) })
			a, _ := os.ReadFile(path)
			b, _ := os.ReadFile(again)
			if !bytes.Equal(a, b) {
				t.Error("the same deck drew different PDF bytes through the helper and in this process")
			}
			checkPages(t, d, officetest.Pages(t, path))
		})
	}
}

// TestApplicationWithoutORI: an agency without an ORI, which no finding
// can list, has the findings that list no agency.
func TestApplicationWithoutORI(t *testing.T) {
	m, _, err := load.Files([]string{"../../samples/backbone.yaml", "../../samples/riverbend-pd.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	m.Docs[1].Agency.ORI = ""
	res := run(t, m)
	apps := applications(res)
	if len(apps) != 1 || apps[0].doc != m.Docs[1] {
		t.Fatalf("applications %v, want Riverbend's document", apps)
	}
	if len(apps[0].findings) == 0 {
		t.Fatal("no findings for the agency without an ORI")
	}
	for _, i := range apps[0].findings {
		if f := res.Findings[i]; len(f.Agencies) != 0 {
			t.Errorf("F%d lists %v", i+1, f.Agencies)
		}
	}
}

// TestTallDiagram: a diagram narrower than its box keeps to the left, and
// the findings panel takes the room it leaves.
func TestTallDiagram(t *testing.T) {
	tall := func(w io.Writer, _ Application) error {
		return png.Encode(w, image.NewRGBA(image.Rect(0, 0, 100, 200)))
	}
	d, err := Build(deckCases[0].res(t), Options{Diagram: tall})
	if err != nil {
		t.Fatal(err)
	}
	var pic *pptx.Picture
	var panel *pptx.Text
	for _, it := range d.Slides[2].Items {
		if it.Picture != nil {
			pic = it.Picture
		}
		if it.Text != nil && it.Text.Fill == pale {
			panel = it.Text
		}
	}
	if pic == nil || panel == nil {
		t.Fatal("no diagram or findings panel on the application's slide")
	}
	if pic.Box.W != 200 || panel.Box.X != diagramBox.X+200+12 || panel.Box.X+panel.Box.W != findingsPanel.X+findingsPanel.W {
		t.Errorf("diagram %v, panel %v", pic.Box, panel.Box)
	}
}
