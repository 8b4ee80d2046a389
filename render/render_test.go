package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/golden"
	"github.com/netreview/netreview/internal/gvtest"
	"github.com/netreview/netreview/render/layout"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/generate"
	"github.com/netreview/netreview/topology/load"
)

// TestMain runs the tests with this test binary standing in for the
// netreview-graphviz helper, for the tests of Helper.
func TestMain(m *testing.M) { gvtest.Main(m) }

// noLayout is a Layouter that fails the test if it is called.
type noLayout struct{ t *testing.T }

func (n noLayout) Layout(context.Context, []byte, string, string) ([]byte, error) {
	n.t.Error("writing DOT laid out the graph")
	return nil, nil
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// review loads and analyses the test model as of a fixed date.
func review(t *testing.T, paths ...string) *analysis.Result {
	t.Helper()
	m, _, err := load.Files(paths)
	if err != nil {
		t.Fatal(err)
	}
	pack, err := analysis.BuiltinPack("cjis-6.0")
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{Pack: pack, Date: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestDOTGolden(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	tests := []struct {
		name string
		opts Options
	}{
		{"physical", Options{}},
		{"plain", Options{NoFindings: true}},
		{"sites", Options{View: ViewSites}},
		{"agencies", Options{View: ViewAgencies}},
		{"finding2", Options{Finding: 2}},
		{"sfdp", Options{Engine: "sfdp"}},
	}
	r := New(noLayout{t})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := r.DOT(&a, res, tt.opts); err != nil {
				t.Fatal(err)
			}
			if err := r.DOT(&b, res, tt.opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two runs gave different DOT")
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".dot"), a.Bytes(), *update)
		})
	}
}

func TestDOTContent(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	var buf bytes.Buffer
	if err := New(nil).DOT(&buf, res, Options{}); err != nil {
		t.Fatal(err)
	}
	dot := buf.String()
	for _, want := range []string{
		`"cluster_site/sub"`, `style="dashed"`, // controlled area
		`style="dotted"`, // mobile site
		"FOR OFFICIAL USE ONLY", "Review date: 2026-11-22", "Clients: 72",
		"×24", "▲SPOF", `"lte" [shape="ellipse"`, "tunnel t-state",
		`color="#2b8a3e:invis:#2b8a3e"`, // encrypted link
		`Test &quot;County&quot; Sheriff &amp; &lt;Office&gt;`,
		`Sheriff HQ \\N back\\slash`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %q", want)
		}
	}
	// Carrier networks and cloud services stand outside every cluster.
	if i, j := strings.Index(dot, `"saas" [`), strings.LastIndex(dot, "\t}\n"); i < j {
		t.Error("saas is drawn inside a cluster")
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `"plain"`},
		{`a"b`, `"a\"b"`},
		{`back\slash`, `"back\\slash"`},
		{`\N`, `"\\N"`},
		{"two\nlines\r", `"two\nlines"`},
		{"", `""`},
	}
	for _, tt := range tests {
		if got := quote(tt.in); got != tt.want {
			t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got, want := htmlText(`<b>&"x"`+"\n"), "&lt;b&gt;&amp;&quot;x&quot; "; got != want {
		t.Errorf("htmlText = %q, want %q", got, want)
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		path string
		want Format
		ok   bool
	}{
		{"a.svg", SVG, true}, {"a.PNG", PNG, true}, {"x/a.pdf", PDF, true},
		{"a.dot", DOT, true}, {"a.gv", DOT, true}, {"a.jpg", "", false}, {"a", "", false},
	}
	for _, tt := range tests {
		got, err := FormatOf(tt.path)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("FormatOf(%q) = %q, %v", tt.path, got, err)
		}
	}
	for _, s := range []string{"", "physical", "sites", "agencies"} {
		if _, err := ParseView(s); err != nil {
			t.Errorf("ParseView(%q): %v", s, err)
		}
	}
	if _, err := ParseView("logical"); err == nil {
		t.Error("ParseView(logical) gave no error")
	}
}

func TestFindingOutOfRange(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	for _, n := range []int{-1, len(res.Findings) + 1} {
		if err := New(nil).DOT(&bytes.Buffer{}, res, Options{Finding: n}); err == nil {
			t.Errorf("finding %d: no error", n)
		}
	}
}

func TestSVG(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	r := New(layout.New())
	defer r.Close()
	for _, opts := range []Options{{}, {View: ViewSites}, {Inline: true}} {
		var buf bytes.Buffer
		if err := r.Render(context.Background(), &buf, res, SVG, opts); err != nil {
			t.Fatal(err)
		}
		checkXML(t, buf.Bytes())
		svg := buf.String()
		if opts.View == "" {
			for _, d := range res.Model.Devices {
				if !strings.Contains(svg, strings.ReplaceAll(d.ID, "-", "&#45;")) {
					t.Errorf("SVG lacks device %s", d.ID)
				}
			}
		}
		if opts.Inline {
			if !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, `width="100%"`) || !strings.Contains(svg, "viewBox=") {
				t.Errorf("inline SVG starts %.120q", svg)
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
			t.Fatalf("SVG is not well-formed: %v", err)
		}
	}
}

func TestPNGAndPDF(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	r := New(layout.New())
	defer r.Close()
	var buf bytes.Buffer
	if err := r.Render(context.Background(), &buf, res, PNG, Options{Finding: 1}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() < 200 || b.Dy() < 200 {
		t.Fatalf("PNG is %v", b)
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
		t.Error("PNG has no pixel in the color of the high finding drawn")
	}
	buf.Reset()
	if err := r.Render(context.Background(), &buf, res, PDF, Options{View: ViewSites}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Errorf("PDF starts %.10q", buf.Bytes())
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
			var l Layouter = layout.New()
			if i%2 == 1 {
				l = NewHelper()
			}
			r := New(l)
			defer r.Close()
			errs[i] = r.Render(context.Background(), &bytes.Buffer{}, res, SVG, Options{View: ViewSites})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// TestHelperDrawsAsInProcess: the helper program gives the same SVG and
// layout as go-graphviz in this process.
func TestHelperDrawsAsInProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out twice, in process and in the helper")
	}
	res := review(t, "testdata/small.yaml")
	in, helper := New(layout.New()), New(NewHelper())
	defer in.Close()
	for _, f := range []Format{SVG, PDF} {
		var a, b bytes.Buffer
		if err := in.Render(context.Background(), &a, res, f, Options{}); err != nil {
			t.Fatal(err)
		}
		if err := helper.Render(context.Background(), &b, res, f, Options{}); err != nil {
			t.Fatal(err)
		}
		if f == SVG && !bytes.Equal(a.Bytes(), b.Bytes()) {
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
	r := New(&Helper{Path: writeScript(t, "echo 'netreview-graphviz: out of memory' >&2; exit 1")})
	err := r.Render(context.Background(), &bytes.Buffer{}, res, SVG, Options{})
	if err == nil || !strings.Contains(err.Error(), "out of memory") {
		t.Errorf("failing helper: %v", err)
	}
	// A helper that crashes: the first line only, no stack trace.
	r = New(&Helper{Path: writeScript(t, "printf 'panic: wasm out of memory\\n\\ngoroutine 1 [running]:\\nmain.main()\\n' >&2; exit 2")})
	err = r.Render(context.Background(), &bytes.Buffer{}, res, SVG, Options{})
	if err == nil || !strings.HasSuffix(err.Error(), "panic: wasm out of memory") {
		t.Errorf("crashing helper: %v", err)
	}
	// A canceled context stops the layout.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r = New(&Helper{Path: writeScript(t, "sleep 5")})
	if err := r.Render(ctx, &bytes.Buffer{}, res, SVG, Options{}); err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("canceled: %v", err)
	}
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

func TestFindHelper(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "netreview")
	sibling := filepath.Join(dir, HelperName)
	notExec := filepath.Join(t.TempDir(), HelperName)
	if err := os.WriteFile(notExec, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	onPath := func(string) (string, error) { return "/usr/local/bin/" + HelperName, nil }
	noPath := func(string) (string, error) { return "", os.ErrNotExist }

	if p, err := findHelper("", exe, onPath); err != nil || p != "/usr/local/bin/"+HelperName {
		t.Errorf("on PATH: %q, %v", p, err)
	}
	_, err := findHelper("", exe, noPath)
	if err == nil || !strings.Contains(err.Error(), "make build") || !strings.Contains(err.Error(), dir) {
		t.Errorf("missing: %v", err)
	}
	if _, err := findHelper(notExec, exe, onPath); err == nil || !strings.Contains(err.Error(), "not executable") {
		t.Errorf("$%s not executable: %v", HelperEnv, err)
	}
	if _, err := findHelper(dir, exe, onPath); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("$%s a directory: %v", HelperEnv, err)
	}
	if err := os.WriteFile(sibling, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := findHelper("", exe, onPath); err != nil || p != sibling {
		t.Errorf("beside netreview: %q, %v (want it before PATH)", p, err)
	}
	if p, err := findHelper(sibling, "", noPath); err != nil || p != sibling {
		t.Errorf("$%s: %q, %v", HelperEnv, p, err)
	}
}

func TestNoLayouter(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	err := New(nil).Render(context.Background(), &bytes.Buffer{}, res, SVG, Options{})
	if err == nil || !strings.Contains(err.Error(), "only DOT") {
		t.Errorf("SVG without a layouter: %v", err)
	}
}

func TestProgress(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	r := New(layout.New())
	defer r.Close()
	var steps []string
	opts := Options{Progress: func(s string) { steps = append(steps, s) }}
	if err := r.Render(context.Background(), &bytes.Buffer{}, res, PDF, opts); err != nil {
		t.Fatal(err)
	}
	if len(steps) != 2 || !strings.HasPrefix(steps[0], "laying out ") || !strings.HasSuffix(steps[0], " with dot") || steps[1] != "drawing the PDF" {
		t.Errorf("steps %q", steps)
	}
	steps = nil
	if err := r.DOT(&bytes.Buffer{}, res, opts); err != nil || len(steps) != 0 {
		t.Errorf("DOT: %v, steps %q", err, steps)
	}
}

func TestEngineFor(t *testing.T) {
	star := func(n int) []*dotEdge {
		var es []*dotEdge
		for i := range n {
			es = append(es, &dotEdge{a: "hub", b: fmt.Sprint("leaf", i)}, &dotEdge{a: fmt.Sprint("leaf", i), b: "hub"})
		}
		return es
	}
	tests := []struct {
		nodes int
		edges []*dotEdge
		want  string
	}{
		{10, star(9), "dot"},
		{21, star(20), "dot"},  // 20 neighbors, each linked twice
		{22, star(21), "sfdp"}, // a hub of 21: one rank would be too wide
		{400, star(3), "dot"},  // the size limit
		{401, star(3), "sfdp"}, // above it
		{3000, nil, "sfdp"},    // no edges, but many nodes
	}
	for _, tt := range tests {
		if got := EngineFor(tt.nodes, maxNeighbours(tt.edges)); got != tt.want {
			t.Errorf("%d nodes, %d neighbors at most: %s, want %s", tt.nodes, maxNeighbours(tt.edges), got, tt.want)
		}
	}
}

func TestViewFor(t *testing.T) {
	model := func(devices, sites int) *topology.Model {
		return &topology.Model{Devices: make([]*topology.Device, devices), Sites: make([]*topology.Site, sites)}
	}
	tests := []struct {
		m    *topology.Model
		want View
	}{
		{model(300, 20), ViewPhysical},
		{model(MaxPhysicalDevices, 900), ViewPhysical},
		{model(MaxPhysicalDevices+1, 900), ViewSites},
		{model(30000, MaxSites), ViewSites},
		{model(300000, MaxSites+1), ViewAgencies},
	}
	for _, tt := range tests {
		if got := ViewFor(tt.m); got != tt.want {
			t.Errorf("%d devices, %d sites: %s, want %s", len(tt.m.Devices), len(tt.m.Sites), got, tt.want)
		}
	}
}

// failLayout is a Layouter that fails as Graphviz does when it runs out of
// memory.
type failLayout struct{}

func (failLayout) Layout(context.Context, []byte, string, string) ([]byte, error) {
	return nil, errors.New("graphviz sfdp layout: module closed with exit_code(1)")
}

// TestLargeLayoutFailureSuggestsAView: when Graphviz fails on a large
// physical view, the error says which view draws it.
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
	if len(res.Model.Devices) <= MaxPhysicalDevices {
		t.Fatalf("%d devices: too few for the test", len(res.Model.Devices))
	}
	err = New(failLayout{}).Render(context.Background(), &bytes.Buffer{}, res, SVG, Options{})
	if err == nil || !strings.Contains(err.Error(), "exit_code(1)") || !strings.Contains(err.Error(), "--view sites") {
		t.Errorf("error: %v", err)
	}
	small := review(t, "testdata/small.yaml")
	err = New(failLayout{}).Render(context.Background(), &bytes.Buffer{}, small, SVG, Options{})
	if err == nil || strings.Contains(err.Error(), "--view") {
		t.Errorf("small model: %v", err)
	}
}

// TestEngineByView: a switch with 25 neighbors, each in a site of its own,
// keeps dot in the physical view (its sites are clusters, which only dot
// draws) and makes the sites view, a star, use sfdp.
func TestEngineByView(t *testing.T) {
	var b strings.Builder
	b.WriteString("netreview: 1\nagency: {name: Star test}\nsites:\n  - {id: s0, security: physically-secure}\n")
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&b, "  - {id: s%d, security: physically-secure}\n", i)
	}
	b.WriteString("zones:\n  - {id: cj, kind: criminal-justice}\ndevices:\n  - {id: hub, type: state-hub, site: s0, zone: cj}\n  - {id: sw, type: switch, site: s0, zone: cj}\n")
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&b, "  - {id: ws%d, type: workstation, site: s%d, zone: cj}\n", i, i)
	}
	b.WriteString("links:\n  - {id: l0, a: hub, b: sw, medium: ethernet}\n")
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&b, "  - {id: l%d, a: sw, b: ws%d, medium: fiber}\n", i, i)
	}
	path := filepath.Join(t.TempDir(), "star.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	res := review(t, path)
	for view, want := range map[View]string{ViewPhysical: `layout="dot"`, ViewSites: `layout="sfdp"`} {
		var dot bytes.Buffer
		if err := New(nil).DOT(&dot, res, Options{View: view}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(dot.String(), want) {
			t.Errorf("%s view: no %s", view, want)
		}
	}
}
