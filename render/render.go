// Package render draws annotated network diagrams of a reviewed proposal:
// the physical view (sites as clusters, devices by type and zone, links by
// medium and protection), or the model collapsed into sites or agencies,
// with each finding's subject highlighted and numbered as the reports
// number it (F1 is analysis.Result.Findings[0]).
//
// The DOT is built as a data structure by this package and laid out by
// Graphviz compiled to WebAssembly (github.com/goccy/go-graphviz), so no
// dot binary is needed. SVG and DOT come from Graphviz itself; PNG and PDF
// are drawn by this package from Graphviz's JSON (xdot) layout with
// github.com/tdewolff/canvas and the Go fonts.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	graphviz "github.com/goccy/go-graphviz"

	"github.com/netreview/netreview/analysis"
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
	// its subject, its path and their neighbourhood.
	Finding int
	// Engine is the Graphviz layout engine; "" chooses by size (EngineFor).
	Engine string
	// Inline makes SVG output fit for embedding in HTML: no XML declaration,
	// DOCTYPE or comments before the <svg> element, and width="100%" so that
	// it scales with its container through its viewBox.
	Inline bool
}

// wasmMu serialises every call into go-graphviz. The library keeps one
// WebAssembly instance in a package-level global (go-graphviz issue #117),
// so calls from two Renderers would race; this mutex is the one piece of
// package-level mutable state here, and exists only to guard that global.
var wasmMu sync.Mutex

// Renderer draws diagrams. Graphviz is compiled and started on the first
// call that needs a layout (about 0.6 s), not before: building a Renderer
// and writing DOT cost nothing. A Renderer is safe for concurrent use; its
// calls are serialised. Close it when done.
type Renderer struct {
	mu sync.Mutex
	gv *graphviz.Graphviz
}

// New returns a Renderer. It does not start Graphviz.
func New() *Renderer { return &Renderer{} }

// Close releases Graphviz, if it was started.
func (r *Renderer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.gv == nil {
		return nil
	}
	wasmMu.Lock()
	defer wasmMu.Unlock()
	err := r.gv.Close()
	r.gv = nil
	return err
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
	switch format {
	case SVG:
		out, err := r.layout(ctx, src.Bytes(), engine, "svg")
		if err != nil {
			return err
		}
		if opts.Inline {
			out = inlineSVG(out)
		}
		_, err = w.Write(out)
		return err
	case PNG, PDF:
		js, err := r.layout(ctx, src.Bytes(), engine, "json")
		if err != nil {
			return err
		}
		return drawJSON(w, js, format)
	}
	return fmt.Errorf("render: unknown format %q", format)
}

// layout lays out DOT source with the engine and returns Graphviz's output in
// the format ("svg" or "json").
func (r *Renderer) layout(ctx context.Context, src []byte, engine, format string) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	wasmMu.Lock()
	defer wasmMu.Unlock()
	if r.gv == nil {
		gv, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("render: starting graphviz: %w", err)
		}
		r.gv = gv
	}
	g, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("render: graphviz cannot parse the DOT: %w", err)
	}
	defer g.Close()
	r.gv.SetLayout(graphviz.Layout(engine))
	var out bytes.Buffer
	if err := r.gv.Render(ctx, g, graphviz.Format(format), &out); err != nil {
		return nil, fmt.Errorf("render: graphviz %s layout: %w", engine, err)
	}
	return out.Bytes(), nil
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
