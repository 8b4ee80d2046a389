// Package layout lays out Graphviz DOT in this process, with Graphviz
// compiled to WebAssembly (github.com/goccy/go-graphviz), draws the result
// with package internal/draw, and holds the netreview-graphviz helper program
// that netreview runs to draw its diagrams.
//
// Linking this package has a price that every command of the binary pays:
// go-graphviz compiles and instantiates its WebAssembly module in a package
// init function, about 1 s of CPU when its compilation cache (go-graphviz/
// under the temporary directory) is empty and 0.05 s when it is warm. So
// netreview itself does not import it; only the helper
// (cmd/netreview-graphviz) and tests do, and render.Helper runs the helper
// as a child process when a diagram needs a layout, with the cache in the
// user's cache directory ($NETREVIEW_GRAPHVIZ_CACHE). The helper's -trace flag times
// each phase of a run. See docs/performance.md.
package layout

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz/cgraph"
	"github.com/goccy/go-graphviz/gvc"

	"github.com/netreview/netreview/internal/draw"
	"github.com/netreview/netreview/render"
)

// wasmMu serializes every call into go-graphviz. The library keeps one
// WebAssembly instance in a package-level global (go-graphviz issue #117),
// so calls from two Layouters would race; this mutex is the one piece of
// package-level mutable state here, and exists only to guard that global.
var wasmMu sync.Mutex

// Layouter lays out DOT with go-graphviz. It starts Graphviz on the first
// layout. It is safe for concurrent use; its calls are serialized. Close it
// when done.
type Layouter struct {
	mu    sync.Mutex
	gvc   *gvc.Context
	watch *stopwatch // times the phases for -trace; nil times nothing
}

// New returns a Layouter. It does not start Graphviz.
func New() *Layouter { return &Layouter{} }

// Layout lays out the DOT source with the engine (dot, sfdp, neato, fdp) and
// returns Graphviz's output in the format: "svg", or "json" (the xdot
// drawing operations as JSON).
func (l *Layouter) Layout(ctx context.Context, dot []byte, engine, format string) ([]byte, error) {
	switch format {
	case "svg", "json":
	default:
		return nil, fmt.Errorf("layout: unknown output format %q (want svg or json)", format)
	}
	switch engine {
	case "dot", "sfdp", "neato", "fdp":
	default:
		return nil, fmt.Errorf("layout: unknown engine %q (want dot, sfdp, neato or fdp)", engine)
	}
	return l.layout(ctx, dot, engine, format)
}

// layout lays out one graph, its arguments checked: it parses the DOT,
// lays it out and writes the layout, each a phase for -trace.
func (l *Layouter) layout(ctx context.Context, dot []byte, engine, format string) (_ []byte, err error) {
	if len(bytes.TrimSpace(dot)) == 0 {
		return nil, errors.New("layout: the DOT is empty: nothing to lay out")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	wasmMu.Lock()
	defer wasmMu.Unlock()
	if l.gvc == nil {
		c, err := gvc.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("layout: starting graphviz: %w", err)
		}
		l.gvc = c
		l.watch.lap("graphviz context")
	}
	g, err := cgraph.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("layout: graphviz cannot parse the DOT: %s", oneLine(err.Error()))
	}
	defer g.Close()
	l.watch.lap("parse")
	defer func() { // as go-graphviz's Render does, also after a failed layout
		if ferr := l.gvc.FreeLayout(ctx, g); ferr != nil && err == nil {
			err = fmt.Errorf("layout: graphviz %s layout: %s", engine, oneLine(ferr.Error()))
		}
	}()
	if err := l.gvc.Layout(ctx, g, engine); err != nil {
		return nil, fmt.Errorf("layout: graphviz %s layout: %s", engine, oneLine(err.Error()))
	}
	l.watch.lap("layout (" + engine + ")")
	var out bytes.Buffer
	if err := l.gvc.RenderData(ctx, g, format, &out); err != nil {
		return nil, fmt.Errorf("layout: graphviz %s output: %s", format, oneLine(err.Error()))
	}
	l.watch.lap("output (" + format + ")")
	return out.Bytes(), nil
}

// Draw lays out the job's heading and diagram and draws them: a
// render.Drawer in this process, as the helper program draws.
func (l *Layouter) Draw(ctx context.Context, job *render.Job) ([]byte, error) {
	format := "json"
	if job.Format == render.SVG {
		format = "svg"
	}
	var ls draw.Layouts
	for _, it := range []struct {
		g    render.Graph
		out  *[]byte
		what string
	}{{job.Heading, &ls.Heading, "heading"}, {job.Diagram, &ls.Diagram, "diagram"},
		{job.Side, &ls.Side, "heading"}, {job.Turned, &ls.Turned, "diagram"}} {
		if it.g == (render.Graph{}) {
			continue // a form not asked for
		}
		out, err := l.Layout(ctx, []byte(it.g.DOT), it.g.Engine, format)
		if err != nil {
			return nil, fmt.Errorf("%w (the %s)", err, it.what)
		}
		*it.out = out
	}
	var buf bytes.Buffer
	if err := draw.Draw(&buf, job.Format, job.Page, job.Inline, job.Date, ls); err != nil {
		return nil, err
	}
	l.watch.lap("draw (" + string(job.Format) + ")")
	return buf.Bytes(), nil
}

// oneLine joins Graphviz's message, which may end in a newline or run over
// several, into one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Close releases Graphviz, if it was started.
func (l *Layouter) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.gvc == nil {
		return nil
	}
	wasmMu.Lock()
	defer wasmMu.Unlock()
	err := l.gvc.Close()
	l.gvc = nil
	return err
}

// Exit statuses of the helper program.
const (
	exitOK       = 0
	exitFailed   = 1 // Graphviz or the drawing failed, with a message
	exitUsage    = 2 // wrong arguments or a malformed job
	exitInternal = 3 // a crash, turned into one line
)

// Main runs the netreview-graphviz helper program with its arguments
// (without the program name) and returns its exit status. With -job it
// reads a render.Job as JSON from stdin, lays out its graphs, and writes
// the drawing (SVG, PNG or PDF) to stdout; without, it reads DOT and
// writes Graphviz's SVG, or its layout as JSON:
//
//	netreview-graphviz -engine dot -format svg < diagram.dot > diagram.svg
//
// Errors go to stderr, one line each, and give status 1; wrong arguments
// or a malformed job give 2; a crash of Graphviz or of the drawing (a Go
// panic) gives 3, with the panic's message on one line and no stack trace.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	watch := newStopwatch()
	fs := flag.NewFlagSet("netreview-graphviz", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: netreview-graphviz [-trace] -job < job.json > drawing
       netreview-graphviz [-trace] [-engine dot|sfdp|neato|fdp] [-format svg|json] < in.dot > out

netreview-graphviz draws netreview's diagrams: with -job it reads the job
that netreview render and netreview report send (JSON: the heading and the
diagram as DOT, the format and the page), lays both out with Graphviz and
writes the drawing (SVG, PNG or PDF). Without -job it lays out Graphviz
DOT read from standard input and writes the SVG drawing, or the xdot
layout as JSON, as Graphviz's own programs do. It is a separate program
so that the commands that draw nothing do not pay for starting Graphviz.

With -trace it also writes to standard error how long each phase took,
in wall-clock and CPU time: the start (the Go runtime and go-graphviz
loading its WebAssembly module), parsing, the layout, Graphviz's output,
the drawing; and where go-graphviz keeps the module it compiled:

  netreview-graphviz -trace -engine sfdp < counties.dot > /dev/null

The go-graphviz library compiles Graphviz's WebAssembly to machine code
(about 1 s of CPU) and keeps the result in go-graphviz/ under the
temporary directory ($TMPDIR), where later runs load it. netreview runs
this program with $TMPDIR set to its own cache directory (see
$NETREVIEW_GRAPHVIZ_CACHE in netreview render --help).

Exit status: 0 done; 1 Graphviz or the drawing failed; 2 wrong arguments
or a malformed job; 3 a crash (reported on one line).

`)
		fs.PrintDefaults()
	}
	engine := fs.String("engine", "dot", "Graphviz layout `engine`: dot, sfdp, neato or fdp")
	format := fs.String("format", "svg", "output `format`: svg, or json (the xdot layout)")
	job := fs.Bool("job", false, "read a drawing job (JSON) instead of DOT")
	trace := fs.Bool("trace", false, "write the time of each phase to standard error")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "netreview-graphviz: unexpected argument %q: the input is read from standard input\n", fs.Arg(0))
		return exitUsage
	}
	if !*trace {
		watch = nil
	}
	defer watch.write(stderr)
	in, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintln(stderr, "netreview-graphviz: reading standard input:", err)
		return exitFailed
	}
	watch.lap("read input")
	var run func(*Layouter) ([]byte, error)
	if *job {
		j, err := render.ReadJob(bytes.NewReader(in))
		if err != nil {
			fmt.Fprintln(stderr, "netreview-graphviz:", err)
			return exitUsage
		}
		watch.lap("read job")
		run = func(l *Layouter) ([]byte, error) { return l.Draw(context.Background(), j) }
	} else {
		run = func(l *Layouter) ([]byte, error) { return l.Layout(context.Background(), in, *engine, *format) }
	}
	out, code, err := once(watch, run)
	if err != nil {
		fmt.Fprintln(stderr, "netreview-graphviz:", err)
		return code
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintln(stderr, "netreview-graphviz: writing standard output:", err)
		return exitFailed
	}
	watch.lap("write output")
	return exitOK
}

// once runs f with a Layouter of its own, timed by watch, turning a panic in go-graphviz
// (out of WebAssembly memory on a huge graph, say) or in the drawing into
// an error and exitInternal.
func once(watch *stopwatch, f func(*Layouter) ([]byte, error)) (out []byte, code int, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, code, err = nil, exitInternal, fmt.Errorf("internal error: %v", r)
		}
	}()
	l := &Layouter{watch: watch}
	defer l.Close()
	out, err = f(l)
	if err != nil {
		return nil, exitFailed, err
	}
	return out, exitOK, nil
}
