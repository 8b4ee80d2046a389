// Package render draws annotated network diagrams of a reviewed proposal:
// the physical view (sites as clusters, devices by type and zone, links by
// medium and protection), or the model collapsed into sites or agencies,
// with each finding's subject highlighted and numbered as the reports
// number it (F1 is analysis.Result.Findings[0]).
//
// The DOT is built as a data structure by this package and laid out by a
// Layouter: Graphviz compiled to WebAssembly (github.com/goccy/go-graphviz),
// so no dot binary is needed. That library starts its WebAssembly module
// when a program that links it starts, so this package does not link it:
// Helper runs the netreview-graphviz program (package render/layout) for
// each layout. SVG and DOT come from Graphviz itself; PNG and PDF are drawn
// by this package from Graphviz's JSON (xdot) layout with
// github.com/tdewolff/canvas and the Go fonts.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
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
	ViewAgencies View = "agencies"
)

// ParseView parses a view name; "" is the physical view.
func ParseView(s string) (View, error) {
	switch View(s) {
	case "", ViewPhysical:
		return ViewPhysical, nil
	case ViewSites, ViewAgencies:
		return View(s), nil
	}
	return "", fmt.Errorf("unknown view %q (want physical, sites or agencies)", s)
}

// The largest models that ViewFor draws in the physical and the sites
// view. A physical view of 2,000 devices lays out in about 3 s and one of
// 5,000 in about 16 s; one of 30,000 runs Graphviz's WebAssembly out of
// memory. A sites view of 12,400 sites takes 25-40 s.
const (
	MaxPhysicalDevices = 3000
	MaxSites           = 15000
)

// ViewFor returns the most detailed view that draws the model in reasonable
// time and memory: the physical view up to MaxPhysicalDevices devices, the
// sites view up to MaxSites sites, the agencies view above. The HTML report
// draws its diagram in this view.
func ViewFor(m *topology.Model) View {
	switch {
	case len(m.Devices) <= MaxPhysicalDevices:
		return ViewPhysical
	case len(m.Sites) <= MaxSites:
		return ViewSites
	}
	return ViewAgencies
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
	// Engine is the Graphviz layout engine; "" chooses by size (EngineFor).
	Engine string
	// Inline makes SVG output fit for embedding in HTML: no XML declaration,
	// DOCTYPE or comments before the <svg> element, and width="100%" so that
	// it scales with its container through its viewBox.
	Inline bool
	// Progress, when not nil, is told what Render is doing before each long
	// step ("laying out N nodes and M edges with sfdp"); a layout
	// of a statewide view takes tens of seconds.
	Progress func(step string)
}

// A Layouter lays out DOT source with a Graphviz engine (dot, sfdp, neato
// or fdp) and returns Graphviz's output in the format: "svg", or "json"
// (the xdot drawing operations as JSON). Helper and layout.Layouter are
// Layouters.
type Layouter interface {
	Layout(ctx context.Context, dot []byte, engine, format string) ([]byte, error)
}

// Renderer draws diagrams, with its Layouter for everything but DOT. A
// Renderer is safe for concurrent use when its Layouter is.
type Renderer struct {
	l Layouter
}

// New returns a Renderer that lays out with l. With a nil Layouter it
// writes DOT only.
func New(l Layouter) *Renderer { return &Renderer{l: l} }

// Close closes the Layouter when it has a Close method.
func (r *Renderer) Close() error {
	if c, ok := r.l.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// DOT writes the diagram's DOT source to w. The same result and options
// give the same bytes.
func (r *Renderer) DOT(w io.Writer, res *analysis.Result, opts Options) error {
	g, err := buildGraph(res, opts)
	if err != nil {
		return err
	}
	return g.write(w)
}

func buildGraph(res *analysis.Result, opts Options) (*dotGraph, error) {
	if res == nil || res.Model == nil {
		return nil, fmt.Errorf("render: no model")
	}
	b, err := newBuilder(res, opts)
	if err != nil {
		return nil, err
	}
	return b.build(), nil
}

// Render draws the diagram in format to w.
func (r *Renderer) Render(ctx context.Context, w io.Writer, res *analysis.Result, format Format, opts Options) error {
	g, err := buildGraph(res, opts)
	if err != nil {
		return err
	}
	var src bytes.Buffer
	if err := g.write(&src); err != nil {
		return err
	}
	if format == DOT {
		_, err := w.Write(src.Bytes())
		return err
	}
	engine := g.attrs.get("layout")
	nodes := len(g.nodes) + countClusterNodes(g.clusters)
	if opts.Progress != nil {
		opts.Progress(fmt.Sprintf("laying out %s and %s with %s", plural(nodes, "node"), plural(len(g.edges), "edge"), engine))
	}
	layout := func(f string) ([]byte, error) {
		out, err := r.layout(ctx, src.Bytes(), engine, f)
		if err != nil && nodes > MaxPhysicalDevices && ctx.Err() == nil {
			err = fmt.Errorf("%w (the diagram has %d nodes: --view sites or --view agencies draws a model this large)", err, nodes)
		}
		return out, err
	}
	switch format {
	case SVG:
		out, err := layout("svg")
		if err != nil {
			return err
		}
		if opts.Inline {
			out = inlineSVG(out)
		}
		_, err = w.Write(out)
		return err
	case PNG, PDF:
		js, err := layout("json")
		if err != nil {
			return err
		}
		if opts.Progress != nil {
			opts.Progress("drawing the " + strings.ToUpper(string(format)))
		}
		if format == PDF {
			var pdf bytes.Buffer
			if err := drawJSON(&pdf, js, format); err != nil {
				return err
			}
			_, err = w.Write(repeatablePDF(pdf.Bytes(), res.Date))
			return err
		}
		return drawJSON(w, js, format)
	}
	return fmt.Errorf("render: unknown format %q", format)
}

// layout lays out DOT source with the Renderer's Layouter.
func (r *Renderer) layout(ctx context.Context, src []byte, engine, format string) ([]byte, error) {
	if r.l == nil {
		return nil, fmt.Errorf("render: no Graphviz layouter to draw %s (only DOT can be written)", format)
	}
	return r.l.Layout(ctx, src, engine, format)
}

// inlineSVG strips what precedes the <svg> element and makes its width
// follow the container; the viewBox keeps the proportions.
func inlineSVG(b []byte) []byte {
	i := bytes.Index(b, []byte("<svg"))
	if i < 0 {
		return b
	}
	b = b[i:]
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return b
	}
	head := string(b[:end])
	head = replaceAttr(head, "width", "100%")
	head = replaceAttr(head, "height", "")
	out := append([]byte(head), b[end:]...)
	return out
}

// replaceAttr sets attribute name in an element's start tag to val, or
// removes it when val is empty.
func replaceAttr(tag, name, val string) string {
	key := " " + name + "=\""
	i := strings.Index(tag, key)
	if i < 0 {
		return tag
	}
	j := strings.IndexByte(tag[i+len(key):], '"')
	if j < 0 {
		return tag
	}
	rest := tag[i+len(key)+j+1:]
	if val == "" {
		return tag[:i] + rest
	}
	return tag[:i] + key + val + "\"" + rest
}
