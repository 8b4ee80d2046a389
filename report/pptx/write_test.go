package pptx

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/netreview/netreview/internal/officetest"
)

// testPNG is a w × h picture.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 200, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// testDeck has a slide of each kind of item, and text that XML must
// escape.
func testDeck(t testing.TB) *Deck {
	return &Deck{
		Title: "Review <of> \"Riverbend\" & co", Author: "netreview", Created: "2026-10-01",
		Slides: []Slide{
			{Items: []Item{
				{Text: &Text{Box: Rect{40, 40, 880, 80}, Fill: "1C3A5E", Anchor: "middle", Inset: 10, Paras: []Para{
					{Size: 32, Runs: []Run{{Text: "Riverbend & Bayview <review>", Bold: true, Color: "FFFFFF"}}},
				}}},
				{Text: &Text{Box: Rect{40, 140, 880, 300}, Paras: []Para{
					{Size: 18, Bullet: true, Indent: 18, Runs: []Run{{Text: "First line\nsecond line"}}},
					{Size: 18, SpaceBefore: 6, Align: "right", Runs: []Run{{Text: "high", Bold: true, Color: "e03131"}, {Text: " control\x01char", Size: 14}}},
					{Size: 12},
				}}},
			}},
			{Items: []Item{
				{Picture: &Picture{Box: Rect{40, 40, 600, 400}, PNG: testPNG(t, 300, 100), Descr: "diagram"}},
				{Text: &Text{Box: Rect{660, 40, 260, 400}, Paras: []Para{{Size: 14, Runs: []Run{{Text: "Beside the picture"}}}}}},
				{Picture: &Picture{Box: Rect{660, 300, 150, 50}, PNG: testPNG(t, 300, 100), Descr: "the same picture again"}},
			}},
			{Items: []Item{
				{Chart: &Chart{Box: Rect{40, 40, 430, 440}, Title: "Findings by rule", Horizontal: true,
					Categories: []string{"unencrypted-exit", "single-link", "unanswered"},
					Series:     []Series{{Name: "high", Color: "E03131", Values: []float64{3, 0, 0}}, {Name: "medium", Color: "E8590C", Values: []float64{0, 2, 0}}, {Name: "info", Color: "868E96", Values: []float64{0, 0, 5}}}}},
				{Chart: &Chart{Box: Rect{490, 40, 430, 440}, Title: "Findings by severity",
					Categories: []string{"critical", "high", "medium"},
					Series:     []Series{{Name: "findings", Color: "1C7ED6", Values: []float64{0, 14, 9}}}}},
			}},
		},
	}
}

func write(t testing.TB, d *Deck) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readPart(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

func TestWritePackage(t *testing.T) {
	data := write(t, testDeck(t))
	for _, err := range officetest.CheckPackage(data) {
		t.Error(err)
	}
	if !bytes.Equal(data, write(t, testDeck(t))) {
		t.Error("the same deck gave different bytes")
	}
	for _, tc := range []struct{ part, want string }{
		{"ppt/presentation.xml", `<p:sldSz cx="12192000" cy="6858000"/>`},
		{"ppt/presentation.xml", `<p:sldId id="258" r:id="rId4"/>`},
		{"docProps/core.xml", `<dc:title>Review &lt;of&gt; &#34;Riverbend&#34; &amp; co</dc:title>`},
		{"docProps/core.xml", `2026-10-01T00:00:00Z`},
		{"docProps/app.xml", `<Slides>3</Slides>`},
		{"ppt/slides/slide1.xml", `<a:t>Riverbend &amp; Bayview &lt;review&gt;</a:t>`},
		{"ppt/slides/slide1.xml", `<a:t>First line</a:t></a:r><a:br/><a:r>`},
		{"ppt/slides/slide1.xml", `<a:t> control` + "\uFFFD" + `char</a:t>`},
		{"ppt/slides/slide1.xml", `anchor="ctr"`},
		{"ppt/slides/slide1.xml", `<a:srgbClr val="E03131"/>`},
		// A 300 × 100 picture in a 600 × 400 box: 600 × 200, centered.
		{"ppt/slides/slide2.xml", `<a:off x="508000" y="1778000"/><a:ext cx="7620000" cy="2540000"/>`},
		{"ppt/slides/slide3.xml", `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId3"/>`},
		// The picture used twice is stored once.
		{"ppt/slides/_rels/slide2.xml.rels", `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/>`},
		{"ppt/charts/chart1.xml", `<c:barDir val="bar"/>`},
		{"ppt/charts/chart1.xml", `<c:f>Sheet1!$A$2:$A$4</c:f>`},
		{"ppt/charts/chart1.xml", `<c:f>Sheet1!$D$2:$D$4</c:f>`},
		{"ppt/charts/chart2.xml", `<c:barDir val="col"/>`},
		{"ppt/charts/chart2.xml", `<c:majorUnit val="5"/>`},
		{"ppt/charts/chart2.xml", `<c:max val="15"/>`},
	} {
		if got := string(readPart(t, data, tc.part)); !strings.Contains(got, tc.want) {
			t.Errorf("%s: no %s in\n%.3000s", tc.part, tc.want, got)
		}
	}
}

// TestChartWorkbook reads the chart's data back from its embedded workbook.
func TestChartWorkbook(t *testing.T) {
	data := write(t, testDeck(t))
	book := readPart(t, data, "ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(chartSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"", "high", "medium", "info"}, {"unencrypted-exit", "3", "0", "0"}, {"single-link", "0", "2", "0"}, {"unanswered", "0", "0", "5"}}
	if len(rows) != len(want) {
		t.Fatalf("rows %q, want %q", rows, want)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i+1, rows[i], want[i])
		}
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		item Item
		want string
	}{
		{"empty item", Item{}, "slide 1, item 1: want exactly one of text, picture or chart, have 0"},
		{"two fields", Item{Text: &Text{}, Picture: &Picture{}}, "have 2"},
		{"not a PNG", Item{Picture: &Picture{PNG: []byte("GIF89a, not a PNG at all"), Descr: "logo"}}, `picture "logo": png: invalid format`},
		{"short series", Item{Chart: &Chart{Title: "c", Categories: []string{"a", "b"}, Series: []Series{{Name: "s", Values: []float64{1}}}}},
			`chart "c": series "s" has 1 values for 2 categories`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(io.Discard, &Deck{Slides: []Slide{{Items: []Item{tc.item}}}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestStep(t *testing.T) {
	for _, tc := range []struct {
		max, step, top float64
	}{
		{0, 1, 1}, {1, 1, 1}, {6, 1, 6}, {7, 2, 8}, {12, 2, 12}, {13, 5, 15}, {30, 5, 30}, {31, 10, 40}, {61, 20, 80}, {250, 50, 250}, {1234, 500, 1500},
	} {
		c := &Chart{Categories: []string{"a"}, Series: []Series{{Values: []float64{tc.max}}}}
		if s, top := c.Step(), c.Top(); s != tc.step || top != tc.top {
			t.Errorf("max %v: step %v top %v, want %v %v", tc.max, s, top, tc.step, tc.top)
		}
	}
}

func TestFit(t *testing.T) {
	box := Rect{10, 20, 400, 200}
	for _, tc := range []struct {
		w, h int
		want Rect
	}{
		{200, 100, Rect{10, 20, 400, 200}},
		{100, 100, Rect{110, 20, 200, 200}},
		{800, 100, Rect{10, 95, 400, 50}},
		{0, 100, box},
	} {
		if got := Fit(box, tc.w, tc.h); got != tc.want {
			t.Errorf("Fit %dx%d = %v, want %v", tc.w, tc.h, got, tc.want)
		}
	}
}

// TestLibreOffice opens the deck in LibreOffice: a page per slide, and each
// slide's text on its page.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice takes seconds to start")
	}
	officetest.Soffice(t)
	path := filepath.Join(t.TempDir(), "deck.pptx")
	if err := os.WriteFile(path, write(t, testDeck(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	pages := officetest.Pages(t, officetest.ToPDF(t, path))
	want := [][]string{
		{"Riverbend & Bayview <review>", "First line", "second line", "high control"},
		{"Beside the picture"},
		{"Findings by rule", "unencrypted-exit", "single-link", "Findings by severity", "critical"},
	}
	if len(pages) != len(want) {
		t.Fatalf("%d pages, want %d:\n%q", len(pages), len(want), pages)
	}
	for i, texts := range want {
		got := officetest.Squash(pages[i])
		for _, s := range texts {
			if !strings.Contains(got, s) {
				t.Errorf("page %d: no %q in %q", i+1, s, got)
			}
		}
	}
}
