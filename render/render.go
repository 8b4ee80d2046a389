// Package render draws annotated network diagrams of a reviewed proposal:
// the physical view (sites as clusters, devices by type and zone, links by
// medium and protection), or the model collapsed into sites, agencies or
// counties, with each finding's subject highlighted and numbered as the
// reports number it (F1 is analysis.Result.Findings[0]), under a heading
// with the FOUO marking, the agencies, the date and the client counts.
//
// This package builds the DOT and nothing more: the layout and the drawing
// (Graphviz compiled to WebAssembly, tdewolff/canvas, the embedded font)
// happen in the netreview-graphviz helper program (packages internal/layout
// and internal/draw), which Helper runs once per diagram, so that a program
// that links this package links no drawing code and does not pay for
// starting Graphviz. A diagram is drawn for a Page: a slide, a Letter page
// or a poster.
//
// To draw a slide-sized PNG for a deck, or a Letter-sized SVG for an HTML
// report:
//
//	r := render.New(render.NewHelper())
//	defer r.Close()
//	err := r.Render(ctx, w, res, render.PNG, render.Options{View: render.ViewAgencies, Page: render.PageSlide, NoTable: true})
//	err = r.Render(ctx, w, res, render.SVG, render.Options{Page: render.PageLetter, Inline: true})
//
// An error of the helper is an *InternalError; a view too large to read is
// a *TooLargeError.
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/words"
)

// View is what a diagram draws.
type View string

// Views.
const (
	// ViewPhysical draws every device, sites as clusters.
	ViewPhysical View = "physical"
	// ViewSites collapses each site into one node.
	ViewSites View = "sites"
	// ViewAgencies collapses each agency (input document) into one node.
	// On a slide or a Letter page, a statewide model's agencies view
	// draws the agencies with the most serious findings that the page
	// holds legibly, and its title says so.
	ViewAgencies View = "agencies"
	// ViewCounties collapses the agencies of each county (the agency's
	// county field) into one node, joined to the state hubs; the rest of
	// the CSA's document, and of each without a county, is one node.
	ViewCounties View = "counties"
)

// Views returns the views, most detailed first.
func Views() []View { return []View{ViewPhysical, ViewSites, ViewAgencies, ViewCounties} }

// ParseView parses a view name; "" is the physical view.
func ParseView(s string) (View, error) {
	switch View(s) {
	case "", ViewPhysical:
		return ViewPhysical, nil
	case ViewSites, ViewAgencies, ViewCounties:
		return View(s), nil
	}
	return "", fmt.Errorf("unknown view %q (want physical, sites, agencies or counties)", s)
}

// maxNodes returns the most nodes view v draws: above it a diagram is too dense
// to read and too slow to lay out, and Render refuses it with an error that
// names the views that fit (a *TooLargeError). A physical view of 3,000
// devices lays out in about 10 s and reads as a poster; a sites view of a
// few thousand sites is a hairball on any page; the agencies view of a
// statewide model of 3,700 agencies still shows the state's shape.
func maxNodes(v View) int {
	switch v {
	case ViewSites:
		return 4000
	case ViewAgencies, ViewCounties:
		return 5000
	}
	return 3000
}

// largeLayout is the size, in nodes, above which a failed layout is
// blamed on the size and a coarser view suggested.
const largeLayout = 1000

// TooLargeError is the error of a view that has more nodes than it can
// draw legibly. Its message names the views that fit, with their node
// counts.
type TooLargeError struct {
	view    View
	nodes   int
	fits    []viewSize
	oneFile bool // the model is one input file
}

// oneFileHint says why the agencies and counties views of a model of one
// file draw nothing worth reading, and what to do.
const oneFileHint = "the agencies and counties views draw each agency's document as one node, and the model is one document: load a file, or a YAML document, per agency (netreview generate writes a generated model so in YAML, or with --split)"

// viewSize is a view and how many nodes it draws.
type viewSize struct {
	view  View
	nodes int
}

// Error names the view, its size and the views that fit.
func (e *TooLargeError) Error() string {
	msg := fmt.Sprintf("the %s view would draw %s, more than the %s that can be read", e.view, plural(e.nodes, "node"), words.Grouped(maxNodes(e.view)))
	if len(e.fits) == 0 && e.oneFile {
		return msg + "; no view fits: " + oneFileHint
	}
	if len(e.fits) == 0 {
		return msg + "; no view fits: review the agencies in smaller groups"
	}
	var fits []string
	for _, f := range e.fits {
		fits = append(fits, fmt.Sprintf("--view %s (%s)", f.view, plural(f.nodes, "node")))
	}
	return msg + "; views that fit: " + strings.Join(fits, ", ")
}

// pageNodes is the most nodes that ViewFor wants in a diagram that is to
// be read on a printed page: about what a Letter page shows with labels
// that can be read (the samples' physical view together is 80; 300
// agencies drawn one node each are a cloud of dots).
const pageNodes = 100

// ViewFor returns the view that the HTML report draws the model in: the
// most detailed view of at most 100 nodes (what a page holds), or else
// the most detailed view within its limit. A collapsed view whose devices
// all fall into one group (the agencies view of a single file) says
// nothing and is passed over. When no view will do, the error says why of
// each.
func ViewFor(res *analysis.Result) (View, error) {
	var fits []View
	var why []string
	for _, v := range Views() {
		b, err := newBuilder(res, Options{View: v, NoFindings: true})
		if err != nil {
			return "", err
		}
		n, groups := b.countNodes(), b.countGroups()
		switch {
		case n > maxNodes(v):
			why = append(why, fmt.Sprintf("the %s view would draw %s (at most %s)", v, plural(n, "node"), words.Grouped(maxNodes(v))))
			continue
		case v != ViewPhysical && groups < 2:
			if len(res.Model.Docs) > 1 {
				why = append(why, fmt.Sprintf("the %s view would draw every device in one node", v))
			}
			continue
		case n <= pageNodes:
			return v, nil
		}
		fits = append(fits, v)
	}
	if len(fits) == 0 {
		msg := "no view of the diagram fits: " + strings.Join(why, ", ")
		if len(res.Model.Docs) == 1 {
			msg += "; " + oneFileHint
		}
		return "", errors.New(msg)
	}
	return fits[0], nil
}

// Page is the form a diagram is drawn for.
type Page string

// Pages. The heading (marking, agencies, date, client counts, key and,
// unless Options.NoTable, the findings table) is drawn above the diagram;
// on a page both are scaled to fit it.
const (
	// PagePoster draws at natural size, 1 pt per Graphviz point: the page
	// is as large as the diagram.
	PagePoster Page = "poster"
	// PageSlide is a 16:9 slide, 13.333 × 7.5 in (PNG 1920 × 1080 pixels).
	PageSlide Page = "slide"
	// PageLetter is a US Letter page, portrait, 8.5 × 11 in.
	PageLetter Page = "letter"
	// PageLetterLandscape is a US Letter page, landscape, 11 × 8.5 in.
	PageLetterLandscape Page = "letter-landscape"
)

// ParsePage parses a page name; "" is the poster.
func ParsePage(s string) (Page, error) {
	switch Page(s) {
	case "", PagePoster:
		return PagePoster, nil
	case PageSlide, PageLetter, PageLetterLandscape:
		return Page(s), nil
	}
	return "", fmt.Errorf("unknown page %q (want slide, letter, letter-landscape or poster)", s)
}

// Size returns the page's width, height and margin in points; 0, 0, 0 for
// the poster, whose size is the drawing's.
func (p Page) Size() (width, height, margin float64) {
	switch p {
	case PageSlide:
		return 960, 540, 18
	case PageLetter:
		return 612, 792, 36
	case PageLetterLandscape:
		return 792, 612, 36
	}
	return 0, 0, 0
}

// Format is an output format.
type Format string

// Formats.
const (
	DOT Format = "dot"
	SVG Format = "svg"
	PNG Format = "png"
	PDF Format = "pdf"
)

// FormatOf returns the format named by a file name's extension.
func FormatOf(path string) (Format, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	switch f := Format(ext); f {
	case DOT, SVG, PNG, PDF:
		return f, nil
	case "gv":
		return DOT, nil
	}
	return "", fmt.Errorf("%s: cannot tell the format from the extension (want .svg, .png, .pdf or .dot)", path)
}

// Options say what to draw.
type Options struct {
	// View is the view; "" is the physical view.
	View View
	// NoFindings draws the plain diagram, without findings.
	NoFindings bool
	// Finding, when not 0, draws finding number Finding (1-based) alone:
	// its subject, its path and their neighborhood.
	Finding int
	// Agencies, when not empty, draws one part of the model: the devices
	// of these agencies (by ORI: the documents whose agency has it) and
	// the devices they link to (the state's hub, a carrier network), with
	// the findings whose agencies include one of them. Findings keep their
	// numbers. The committee's deck draws each application this way.
	Agencies []string
	// Engine is the Graphviz layout engine; "" chooses by size: dot up to 400
	// nodes and a best-connected node of at most 20 neighbors, sfdp above;
	// the counties and agencies views of a statewide model, drawn in rows
	// under the hubs, by dot up to 400 counties or agencies.
	Engine string
	// Page is the form drawn for; "" is PagePoster.
	Page Page
	// NoTable leaves the findings table out of the heading; the subjects
	// keep their finding numbers and the key its severity colors.
	NoTable bool
	// Inline makes SVG output fit for embedding in HTML: no XML declaration,
	// DOCTYPE or comments before the <svg> element, and width="100%" so that
	// it scales with its container through its viewBox.
	Inline bool
	// Progress, when not nil, is told what Render is doing before each long
	// step ("laying out N nodes and M edges with sfdp"); a layout
	// of a statewide view takes tens of seconds.
	Progress func(step string)
}

// A Drawer lays out and draws a Job: Graphviz lays out its graphs and the
// drawing is written in the job's format. Helper (the netreview-graphviz
// program) and layout.Drawer (the same code in this process) are Drawers.
type Drawer interface {
	Draw(ctx context.Context, job *Job) ([]byte, error)
}

// Renderer draws diagrams with its Drawer for everything but DOT. A
// Renderer is safe for concurrent use when its Drawer is.
type Renderer struct {
	d Drawer
}

// New returns a Renderer that draws with d. With a nil Drawer it writes DOT
// only.
func New(d Drawer) *Renderer { return &Renderer{d: d} }

// Close closes the Drawer when it has a Close method.
func (r *Renderer) Close() error {
	if c, ok := r.d.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// DOT writes the diagram's DOT source to w: one graph, with the heading
// (title block, key and findings table) as its label, as the poster form
// draws it; native Graphviz lays it out as it is. The same result and
// options give the same bytes.
func (r *Renderer) DOT(w io.Writer, res *analysis.Result, opts Options) error {
	d, err := buildDiagram(res, opts)
	if err != nil {
		return err
	}
	if d.legend != nil {
		// The graph's label cannot hold the legend's sample nodes: they
		// stand in the diagram, as a cluster of their own.
		d.graph.clusters = append(d.graph.clusters, d.legend)
	}
	d.graph.attrs.set("pad", "0.3")
	d.graph.attrs.setHTML("label", d.heading)
	d.graph.attrs.set("labelloc", "t")
	d.graph.attrs.set("labeljust", "l")
	return d.graph.write(w)
}

// diagram is a view built for drawing: the graph, and the heading drawn
// above it as an HTML-like label; side is the heading as a column, to
// stand beside the graph, or "" when the heading holds the findings
// table; legend, the cluster of the device types drawn,
// or nil.
type diagram struct {
	graph         *dotGraph
	heading, side string
	legend        *dotCluster
	portrait      bool // drawn for a page taller than wide
}

func buildDiagram(res *analysis.Result, opts Options) (*diagram, error) {
	if res == nil || res.Model == nil {
		return nil, fmt.Errorf("render: no model")
	}
	if opts.Page == "" {
		opts.Page = PagePoster
	}
	if _, err := ParsePage(string(opts.Page)); err != nil {
		return nil, err
	}
	b, err := newBuilder(res, opts)
	if err != nil {
		return nil, err
	}
	if err := b.checkSize(); err != nil {
		return nil, err
	}
	g := b.build()
	d := &diagram{graph: g, heading: b.heading(false), legend: b.legendCluster, portrait: b.portrait()}
	if !b.tabled() {
		d.side = b.heading(true)
	}
	return d, nil
}

// job builds the job that a Drawer draws for the diagram in format: the
// diagram's graph and its heading, each as DOT with its layout engine.
func (r *Renderer) job(res *analysis.Result, format Format, opts Options) (*Job, error) {
	d, err := buildDiagram(res, opts)
	if err != nil {
		return nil, err
	}
	var src bytes.Buffer
	if err := d.graph.write(&src); err != nil {
		return nil, err
	}
	page := opts.Page
	if page == "" {
		page = PagePoster
	}
	job := &Job{
		Format:  format,
		Page:    page,
		Inline:  opts.Inline,
		Date:    res.Date.Format("2006-01-02"),
		Heading: Graph{Engine: "dot", DOT: headingGraph(d.heading, d.legend, false, d.portrait)},
		Diagram: Graph{Engine: d.graph.attrs.get("layout"), DOT: src.String()},
		nodes:   len(d.graph.nodes) + countClusterNodes(d.graph.clusters),
		edges:   len(d.graph.edges),
	}
	if page != PagePoster {
		// The other forms, for the drawer to fill the page with. A
		// findings table is too wide to stand beside a diagram.
		if d.side != "" {
			job.Side = Graph{Engine: "dot", DOT: headingGraph(d.side, d.legend, true, d.portrait)}
		}
		if job.Diagram.Engine == "dot" {
			var turned bytes.Buffer
			if err := d.graph.turned().write(&turned); err != nil {
				return nil, err
			}
			job.Turned = Graph{Engine: "dot", DOT: turned.String()}
		}
	}
	return job, nil
}

// Render draws the diagram in format to w.
func (r *Renderer) Render(ctx context.Context, w io.Writer, res *analysis.Result, format Format, opts Options) error {
	if format == DOT {
		return r.DOT(w, res, opts)
	}
	switch format {
	case SVG, PNG, PDF:
	default:
		return fmt.Errorf("render: unknown format %q", format)
	}
	job, err := r.job(res, format, opts)
	if err != nil {
		return err
	}
	if r.d == nil {
		return fmt.Errorf("render: no Graphviz helper to draw %s (only DOT can be written)", format)
	}
	if opts.Progress != nil {
		opts.Progress(fmt.Sprintf("laying out %s and %s with %s", plural(job.nodes, "node"), plural(job.edges, "edge"), job.Diagram.Engine))
	}
	out, err := r.d.Draw(ctx, job)
	if err != nil {
		if job.nodes > largeLayout && ctx.Err() == nil {
			err = fmt.Errorf("%w (the diagram has %d nodes: a coarser --view, agencies or counties, draws fewer)", err, job.nodes)
		}
		return err
	}
	_, err = w.Write(out)
	return err
}
