package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/netreview/netreview/internal/generate"
	"github.com/netreview/netreview/internal/gvtest"
	"github.com/netreview/netreview/internal/layout"
	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/topology"
)

// TestMain runs the tests with this test binary standing in for the
// netreview-graphviz helper, for the tests of Helper.
func TestMain(m *testing.M) { gvtest.Main(m) }

// review loads and analyses the test model as of a fixed date.
var review = render.ReviewForTest

func TestSVG(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	r := render.New(layout.New())
	defer r.Close()
	for _, opts := range []render.Options{{}, {View: render.ViewSites}, {Inline: true}} {
		var buf bytes.Buffer
		if err := r.Render(context.Background(), &buf, res, render.SVG, opts); err != nil {
			t.Fatal(err)
		}
		checkXML(t, buf.Bytes())
		svg := buf.String()
		if opts.View == "" {
			for _, d := range res.Model.Devices {
				if !strings.Contains(svg, strings.ReplaceAll(d.ID, "-", "&#45;")) {
					t.Errorf("render.SVG lacks device %s", d.ID)
				}
			}
		}
		if opts.Inline {
			if !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, `width="100%"`) || !strings.Contains(svg, "viewBox=") {
				t.Errorf("inline render.SVG starts %.120q", svg)
			}
		}
	}
}

func checkXML(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return
			}
			t.Fatalf("render.SVG is not well-formed: %v", err)
		}
	}
}

func TestPNGAndPDF(t *testing.T) {
	t.Parallel()
	res := review(t, "testdata/small.yaml")
	r := render.New(layout.New())
	defer r.Close()
	var buf bytes.Buffer
	if err := r.Render(context.Background(), &buf, res, render.PNG, render.Options{Finding: 1}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() < 200 || b.Dy() < 200 {
		t.Fatalf("render.PNG is %v", b)
	}
	// Some pixel is drawn in the high-severity color (#e03131).
	found := false
	for y := b.Min.Y; y < b.Max.Y && !found; y += 2 {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 == 0xe0 && g>>8 == 0x31 && bl>>8 == 0x31 {
				found = true
				break
			}
		}
	}
	if !found {
		t.Error("render.PNG has no pixel in the color of the high finding drawn")
	}
	buf.Reset()
	if err := r.Render(context.Background(), &buf, res, render.PDF, render.Options{View: render.ViewSites}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Errorf("render.PDF starts %.10q", buf.Bytes())
	}
}

// TestConcurrent renders from several Renderers at once, in this process
// and through the helper: the calls into go-graphviz's one WebAssembly
// instance must be serialized (run with -race).
func TestConcurrent(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var l render.Drawer = layout.New()
			if i%2 == 1 {
				l = render.NewHelper()
			}
			r := render.New(l)
			defer r.Close()
			errs[i] = r.Render(context.Background(), &bytes.Buffer{}, res, render.SVG, render.Options{View: render.ViewSites})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// TestHelperDrawsAsInProcess: the helper program gives the same render.SVG and
// layout as go-graphviz in this process.
func TestHelperDrawsAsInProcess(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	in, helper := render.New(layout.New()), render.New(render.NewHelper())
	defer in.Close()
	formats := []render.Format{render.SVG, render.PDF}
	if testing.Short() {
		formats = formats[:1] // PDF: text as glyph outlines, a second or two
	}
	for _, f := range formats {
		var a, b bytes.Buffer
		if err := in.Render(context.Background(), &a, res, f, render.Options{}); err != nil {
			t.Fatal(err)
		}
		if err := helper.Render(context.Background(), &b, res, f, render.Options{}); err != nil {
			t.Fatal(err)
		}
		if f == render.SVG && !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: the helper's drawing differs from the in-process one", f)
		}
		if b.Len() < 1000 {
			t.Errorf("%s: the helper drew %d bytes", f, b.Len())
		}
	}
}

func TestHelperErrors(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	// A helper that fails: its message reaches the error.
	r := render.New(helperAt(t, writeScript(t, "echo 'netreview-graphviz: out of memory' >&2; exit 1")))
	err := r.Render(context.Background(), &bytes.Buffer{}, res, render.SVG, render.Options{})
	if err == nil || !strings.Contains(err.Error(), "out of memory") {
		t.Errorf("failing helper: %v", err)
	}
	// A helper that crashes: the first line only, no stack trace.
	r = render.New(helperAt(t, writeScript(t, "printf 'panic: wasm out of memory\\n\\ngoroutine 1 [running]:\\nmain.main()\\n' >&2; exit 2")))
	err = r.Render(context.Background(), &bytes.Buffer{}, res, render.SVG, render.Options{})
	if err == nil || !strings.HasSuffix(err.Error(), "panic: wasm out of memory") {
		t.Errorf("crashing helper: %v", err)
	}
	// A canceled context stops the layout.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r = render.New(helperAt(t, writeScript(t, "sleep 5")))
	if err := r.Render(ctx, &bytes.Buffer{}, res, render.SVG, render.Options{}); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("canceled: %v", err)
	}
}

// helperAt returns a Helper that runs the program at path, as
// $NETREVIEW_GRAPHVIZ names it.
func helperAt(t *testing.T, path string) *render.Helper {
	t.Helper()
	t.Setenv("NETREVIEW_GRAPHVIZ", path)
	return render.NewHelper()
}

// writeScript writes an executable shell script and returns its path.
func writeScript(t *testing.T, body string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("shell scripts")
	}
	p := filepath.Join(t.TempDir(), "helper")
	if err := os.WriteFile(p, []byte("#!/bin/sh\ncat >/dev/null\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProgress(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	r := render.New(layout.New())
	defer r.Close()
	var steps []string
	opts := render.Options{Progress: func(s string) { steps = append(steps, s) }}
	if err := r.Render(context.Background(), &bytes.Buffer{}, res, render.SVG, opts); err != nil {
		t.Fatal(err)
	}
	if len(steps) != 1 || !strings.HasPrefix(steps[0], "laying out ") || !strings.HasSuffix(steps[0], " with dot") {
		t.Errorf("steps %q", steps)
	}
	steps = nil
	if err := r.DOT(&bytes.Buffer{}, res, opts); err != nil || len(steps) != 0 {
		t.Errorf("render.DOT: %v, steps %q", err, steps)
	}
}

// TestLargeLayoutFailureSuggestsAView: when Graphviz fails on a large
// view, the error says which views draw less.
func TestLargeLayoutFailureSuggestsAView(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := topology.EncodeJSONCompact(f, generate.Statewide(generate.Options{Agencies: 400, Seed: 1})); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	res := review(t, path)
	err = render.New(failLayout{}).Render(context.Background(), &bytes.Buffer{}, res, render.SVG, render.Options{View: render.ViewSites})
	if err == nil || !strings.Contains(err.Error(), "exit_code(1)") || !strings.Contains(err.Error(), "counties") {
		t.Errorf("error: %v", err)
	}
	small := review(t, "testdata/small.yaml")
	err = render.New(failLayout{}).Render(context.Background(), &bytes.Buffer{}, small, render.SVG, render.Options{})
	if err == nil || strings.Contains(err.Error(), "--view") {
		t.Errorf("small model: %v", err)
	}
}

// failLayout is a render.Drawer that fails as Graphviz does when it runs out of
// memory.
type failLayout struct{}

func (failLayout) Draw(context.Context, *render.Job) ([]byte, error) {
	return nil, errors.New("graphviz sfdp layout: module closed with exit_code(1)")
}
