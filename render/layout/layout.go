// Package layout lays out Graphviz DOT in this process, with Graphviz
// compiled to WebAssembly (github.com/goccy/go-graphviz), and holds the
// netreview-graphviz helper program that netreview runs to lay out its
// diagrams.
//
// Linking this package has a price that every command of the binary pays:
// go-graphviz compiles and instantiates its WebAssembly module in a package
// init function, about 0.7 s when its compilation cache under the temporary
// directory is empty and 0.1 s when it is warm. So netreview itself does not
// import it; only the helper (cmd/netreview-graphviz) and tests do, and
// render.Helper runs the helper as a child process when a diagram needs a
// layout. See docs/performance.md.
package layout

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sync"

	gv "github.com/goccy/go-graphviz"
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
	mu sync.Mutex
	gv *gv.Graphviz
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
	l.mu.Lock()
	defer l.mu.Unlock()
	wasmMu.Lock()
	defer wasmMu.Unlock()
	if l.gv == nil {
		g, err := gv.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("layout: starting graphviz: %w", err)
		}
		l.gv = g
	}
	g, err := gv.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("layout: graphviz cannot parse the DOT: %w", err)
	}
	defer g.Close()
	l.gv.SetLayout(gv.Layout(engine))
	var out bytes.Buffer
	if err := l.gv.Render(ctx, g, gv.Format(format), &out); err != nil {
		return nil, fmt.Errorf("layout: graphviz %s layout: %w", engine, err)
	}
	return out.Bytes(), nil
}

// Close releases Graphviz, if it was started.
func (l *Layouter) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.gv == nil {
		return nil
	}
	wasmMu.Lock()
	defer wasmMu.Unlock()
	err := l.gv.Close()
	l.gv = nil
	return err
}

// Main runs the netreview-graphviz helper program with its arguments
// (without the program name) and returns its exit status: it reads DOT from
// stdin, lays it out, and writes the result to stdout.
//
//	netreview-graphviz -engine dot -format svg < diagram.dot > diagram.svg
//
// Errors go to stderr, one line each, and give status 1; wrong arguments
// give status 2.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("netreview-graphviz", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: netreview-graphviz [-engine dot|sfdp|neato|fdp] [-format svg|json] < in.dot > out

netreview-graphviz lays out Graphviz DOT read from standard input and writes
the SVG drawing, or the xdot layout as JSON, to standard output. netreview
render and netreview report run it to draw diagrams; it is a separate
program so that the commands that draw nothing do not pay for starting
Graphviz.

`)
		fs.PrintDefaults()
	}
	engine := fs.String("engine", "dot", "Graphviz layout `engine`: dot, sfdp, neato or fdp")
	format := fs.String("format", "svg", "output `format`: svg, or json (the xdot layout)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "netreview-graphviz: unexpected argument %q: the DOT is read from standard input\n", fs.Arg(0))
		return 2
	}
	dot, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintln(stderr, "netreview-graphviz: reading standard input:", err)
		return 1
	}
	out, err := layoutOnce(dot, *engine, *format)
	if err != nil {
		fmt.Fprintln(stderr, "netreview-graphviz:", err)
		return 1
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintln(stderr, "netreview-graphviz: writing standard output:", err)
		return 1
	}
	return 0
}

// layoutOnce lays out dot with a Layouter of its own, turning a panic in
// go-graphviz (out of WebAssembly memory on a huge graph, say) into an error.
func layoutOnce(dot []byte, engine, format string) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("layout: graphviz failed: %v", r)
		}
	}()
	l := New()
	defer l.Close()
	return l.Layout(context.Background(), dot, engine, format)
}
