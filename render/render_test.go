package render

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/generate"
	"github.com/netreview/netreview/internal/golden"
	"github.com/netreview/netreview/internal/words"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/load"
)

// noLayout is a Drawer that fails the test if it is called.
type noLayout struct{ t *testing.T }

func (n noLayout) Draw(context.Context, *Job) ([]byte, error) {
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
		"24 units", " SPOF", `"lte" [shape="ellipse"`, "tunnel t-state",
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

func TestFindHelper(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "netreview")
	sibling := filepath.Join(dir, helperName)
	notExec := filepath.Join(t.TempDir(), helperName)
	if err := os.WriteFile(notExec, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	onPath := func(string) (string, error) { return "/usr/local/bin/" + helperName, nil }
	noPath := func(string) (string, error) { return "", os.ErrNotExist }

	if p, err := findHelper("", exe, onPath); err != nil || p != "/usr/local/bin/"+helperName {
		t.Errorf("on PATH: %q, %v", p, err)
	}
	_, err := findHelper("", exe, noPath)
	if err == nil || !strings.Contains(err.Error(), "make build") || !strings.Contains(err.Error(), dir) {
		t.Errorf("missing: %v", err)
	}
	if _, err := findHelper(notExec, exe, onPath); err == nil || !strings.Contains(err.Error(), "not executable") {
		t.Errorf("$%s not executable: %v", helperPathEnv, err)
	}
	if _, err := findHelper(dir, exe, onPath); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("$%s a directory: %v", helperPathEnv, err)
	}
	if err := os.WriteFile(sibling, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := findHelper("", exe, onPath); err != nil || p != sibling {
		t.Errorf("beside netreview: %q, %v (want it before PATH)", p, err)
	}
	if p, err := findHelper(sibling, "", noPath); err != nil || p != sibling {
		t.Errorf("$%s: %q, %v", helperPathEnv, p, err)
	}
}

func TestNoLayouter(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	err := New(nil).Render(context.Background(), &bytes.Buffer{}, res, SVG, Options{})
	if err == nil || !strings.Contains(err.Error(), "only DOT") {
		t.Errorf("SVG without a layouter: %v", err)
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
		if got := engineFor(tt.nodes, maxNeighbours(tt.edges)); got != tt.want {
			t.Errorf("%d nodes, %d neighbors at most: %s, want %s", tt.nodes, maxNeighbours(tt.edges), got, tt.want)
		}
	}
}

func TestViewFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		agencies int
		split    bool // each agency a document of its own, with its county
		want     View
	}{
		{5, false, ViewPhysical},
		{400, false, ViewSites},   // 3,236 devices; 1,342 sites, within the limit
		{400, true, ViewCounties}, // 401 agencies are dots on a page; their counties read
		{3700, true, ViewCounties},
		{3700, false, ""}, // one document: no view both fits and says something
	}
	for _, tt := range tests {
		m := generate.Statewide(generate.Options{Agencies: tt.agencies, Seed: 1})
		if !tt.split {
			m = oneDocument(m)
		}
		res := &analysis.Result{Model: m}
		got, err := ViewFor(res)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("%d agencies, split %v: %q, %v; want %q", tt.agencies, tt.split, got, err, tt.want)
		}
		if tt.want == "" && (err == nil || !regexp.MustCompile(`^no view of the diagram fits: the physical view would draw [\d,]+ nodes \(at most 3,000\), the sites view would draw [\d,]+ nodes \(at most 4,000\); `).MatchString(err.Error()) || !strings.Contains(err.Error(), "with --split")) {
			t.Errorf("%d agencies, one document: the error does not say why: %v", tt.agencies, err)
		}
	}
}

// TestSitesViewTooLarge: the sites view of 3,700 agencies (12,365 sites)
// is refused, naming the views that fit; in one file, where no collapsed
// view says anything, saying how to load the model so that they do.
func TestSitesViewTooLarge(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		split bool
		want  string
	}{
		{true, "the sites view would draw 12,365 nodes, more than the 4,000 that can be read; views that fit: --view agencies (3,701 nodes), --view counties (64 nodes)"},
		{false, "the sites view would draw 12,365 nodes, more than the 4,000 that can be read; no view fits: the agencies and counties views draw each agency's document as one node, and the model is one document: load a file, or a YAML document, per agency (netreview generate writes a generated model so in YAML, or with --split)"},
	} {
		m := generate.Statewide(generate.Options{Agencies: 3700, Seed: 1})
		if !tt.split {
			m = oneDocument(m)
		}
		err := New(nil).DOT(io.Discard, &analysis.Result{Model: m}, Options{View: ViewSites})
		var tl *TooLargeError
		if !errors.As(err, &tl) || err.Error() != tt.want {
			t.Errorf("split %v: %v, want %q", tt.split, err, tt.want)
		}
	}
}

// TestOneFileSaysSo: the agencies and counties views of a statewide model
// in one file (the state's) draw it as one node, and their title says why;
// the split model's do not.
func TestOneFileSaysSo(t *testing.T) {
	const note = "The model is one document, drawn as one node"
	for _, split := range []bool{true, false} {
		m := generate.Statewide(generate.Options{Agencies: 60, Seed: 1})
		if !split {
			m = oneDocument(m)
		}
		for _, v := range []View{ViewAgencies, ViewCounties} {
			var dot bytes.Buffer
			if err := New(nil).DOT(&dot, &analysis.Result{Model: m}, Options{View: v}); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(dot.String(), note); got == split {
				t.Errorf("%s view, split %v: note %v", v, split, got)
			}
		}
	}
}

// oneDocument puts every device of m in its first document, as loading a
// single generated file does.
func oneDocument(m *topology.Model) *topology.Model {
	for _, d := range m.Devices {
		d.Doc = m.Docs[0]
	}
	m.Docs = m.Docs[:1]
	return m
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

// TestAgencies draws one agency's part of a model of several: its devices
// and their neighbors, its findings with the numbers they have in every
// report, and the agency alone in the title block.
func TestAgencies(t *testing.T) {
	res := review(t, "../samples/backbone.yaml", "../samples/riverbend-pd.yaml", "../samples/cedar-county-so.yaml")
	const riverbend = "CA0420100"
	var buf bytes.Buffer
	if err := New(nil).DOT(&buf, res, Options{Agencies: []string{riverbend}}); err != nil {
		t.Fatal(err)
	}
	dot := buf.String()
	for _, want := range []string{`"rpd-fw" [`, `"calnet-mpls" [`, "Riverbend Police Department"} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %q", want)
		}
	}
	for _, absent := range []string{`"ccso-core2" [`, "Cedar County Sheriff"} {
		if strings.Contains(dot, absent) {
			t.Errorf("DOT of Riverbend's part holds %q", absent)
		}
	}
	ours, theirs := 0, 0
	for i, f := range res.Findings {
		label := regexp.MustCompile(fmt.Sprintf(`\bF%d\b`, i+1))
		switch mine := contains(f.Agencies, riverbend); {
		case mine && !label.MatchString(dot):
			t.Errorf("F%d (%s %s) is Riverbend's and not drawn", i+1, f.Rule, f.Subject)
		case mine:
			ours++
		case !label.MatchString(dot):
			theirs++
		}
	}
	if ours == 0 || theirs == 0 {
		t.Errorf("%d of Riverbend's findings drawn, %d of others' left out: the test shows nothing", ours, theirs)
	}
}

// reviewGenerated analyses a generated statewide model of n agencies
// (realistic profile), as of the samples' fixed date.
func reviewGenerated(t *testing.T, n int) *analysis.Result {
	t.Helper()
	pack, err := analysis.BuiltinPack("cjis-6.0")
	if err != nil {
		t.Fatal(err)
	}
	m := generate.Statewide(generate.Options{Agencies: n, Seed: 1, Profile: generate.Realistic()})
	res, err := analysis.Run(m, analysis.Config{Pack: pack, Date: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestRows: the counties and agencies views of a statewide model, one
// node joined to dozens of others, are laid out by dot in rows under the
// hubs, each row hanging from a bus, more to a row on a slide than on a
// portrait Letter page, without the findings table; on a page, the
// agencies view keeps the agencies with the most serious findings that
// fit, and says so. A counties view
// of a few counties, and the agencies view of 1,500 agencies on a poster,
// are not drawn in rows; a poster of 300 draws them all in rows, by dot
// (with the buses' points, more nodes than dot is chosen for by size).
func TestRows(t *testing.T) {
	t.Parallel()
	res := reviewGenerated(t, 1500)
	res300 := reviewGenerated(t, 300)
	small := &analysis.Result{Model: generate.Statewide(generate.Options{Agencies: 20, Seed: 1})}
	tests := []struct {
		res  *analysis.Result
		view View
		page Page
		rows bool
		most int // the most boxes in rows; 0 for all
	}{
		{res, ViewCounties, PageSlide, true, 0},
		{res, ViewCounties, PageLetter, true, 0},
		{small, ViewCounties, PageSlide, false, 0},
		{res, ViewAgencies, PageSlide, true, 40},
		{res, ViewAgencies, PageLetter, true, 40},
		{res, ViewAgencies, PagePoster, false, 0},
		{res300, ViewAgencies, PagePoster, true, 0},
	}
	per := map[Page]int{}
	drop := regexp.MustCompile(`(?m)^\t"#bus/(\d+)/\d+" -- "#(county|agency)/`)
	for _, tt := range tests {
		name := fmt.Sprintf("%s view of %d agencies on %s", tt.view, len(tt.res.Model.Docs)-1, tt.page)
		var dot bytes.Buffer
		if err := New(nil).DOT(&dot, tt.res, Options{View: tt.view, Page: tt.page, NoTable: true}); err != nil {
			t.Fatal(err)
		}
		src := dot.String()
		drops := drop.FindAllStringSubmatch(src, -1)
		if got := len(drops) > 0; got != tt.rows {
			t.Errorf("%s: rows %v, want %v", name, got, tt.rows)
			continue
		}
		// Drawn with the findings table asked for, the rows leave it out.
		var tabled bytes.Buffer
		if err := New(nil).DOT(&tabled, tt.res, Options{View: tt.view, Page: tt.page}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(tabled.String(), "<B>rule</B>"); got != (!tt.rows && len(tt.res.Findings) > 0) {
			t.Errorf("%s: findings table %v, want %v", name, got, !got)
		}
		if !tt.rows {
			continue
		}
		if !strings.Contains(src, `layout="dot"`) || strings.Contains(src, "concentrate") {
			t.Errorf("%s: not laid out by dot in rows:\n%s", name, src)
		}
		first := 0
		for _, d := range drops {
			if d[1] == "0" {
				first++
			}
		}
		if tt.view == ViewCounties {
			per[tt.page] = first
			if len(drops) != 25 {
				t.Errorf("%s: %d counties in rows, want 25", name, len(drops))
			}
		}
		if tt.page == PagePoster && len(drops) != len(tt.res.Model.Docs)-1 {
			t.Errorf("%s: %d agencies in rows, want all %d", name, len(drops), len(tt.res.Model.Docs)-1)
		}
		if tt.most > 0 {
			if len(drops) > tt.most || len(drops) < 12 {
				t.Errorf("%s: %d agencies in rows, want 12 to %d", name, len(drops), tt.most)
			}
			if want := fmt.Sprintf("The %d agencies with the most serious findings, of 1,500", len(drops)); !strings.Contains(strings.ReplaceAll(src, `<BR ALIGN="LEFT"/>`, " "), want) {
				t.Errorf("%s: the heading does not say %q", name, want)
			}
		}
	}
	if per[PageLetter] < 2 || per[PageSlide] <= per[PageLetter] {
		t.Errorf("counties to a row: slide %d, letter %d; want more on the slide, at least 2 on the page", per[PageSlide], per[PageLetter])
	}
}

// TestMostSerious: the agencies that a page's agencies view keeps are
// those with the most serious findings: counted from the findings'
// agencies (their letters' findings), none left out is more serious than
// one kept, by its critical, then high, then medium findings.
func TestMostSerious(t *testing.T) {
	t.Parallel()
	res := reviewGenerated(t, 1500)
	var dot bytes.Buffer
	if err := New(nil).DOT(&dot, res, Options{View: ViewAgencies, Page: PageSlide, NoTable: true}); err != nil {
		t.Fatal(err)
	}
	counts := map[string][3]int{} // ORI: critical, high, medium
	for _, f := range res.Findings {
		if f.Waived || f.Severity < analysis.Medium {
			continue
		}
		for _, ori := range f.Agencies {
			c := counts[ori]
			c[analysis.Critical-f.Severity]++
			counts[ori] = c
		}
	}
	kept := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\t"#agency/\d+" \[.*<BR/><FONT POINT-SIZE="9">(EX\d{7}),`).FindAllStringSubmatch(dot.String(), -1) {
		kept[m[1]] = true
	}
	if len(kept) < 12 {
		t.Fatalf("%d agencies kept", len(kept))
	}
	less := func(a, b [3]int) bool {
		for i := range a {
			if a[i] != b[i] {
				return a[i] < b[i]
			}
		}
		return false
	}
	leastKept := [3]int{1 << 30, 0, 0}
	for ori := range kept {
		if less(counts[ori], leastKept) {
			leastKept = counts[ori]
		}
	}
	for _, d := range res.Model.Docs {
		if ori := d.Agency.ORI; ori != "" && !kept[ori] && less(leastKept, counts[ori]) {
			t.Errorf("%s (%v) left out, more serious than a kept one (%v)", ori, counts[ori], leastKept)
		}
	}
}

func TestGrouped(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 3697: "3,697", 219151: "219,151", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := words.Grouped(n); got != want {
			t.Errorf("words.Grouped(%d) = %q, want %q", n, got, want)
		}
	}
}
