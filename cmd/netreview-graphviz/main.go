// Command netreview-graphviz lays out Graphviz DOT for netreview: it reads
// DOT on standard input and writes the SVG drawing, or the xdot layout as
// JSON, on standard output.
//
//	netreview-graphviz -engine dot -format svg < diagram.dot > diagram.svg
//
// netreview render and netreview report run it when they draw a diagram.
// It is a program of its own because the Graphviz library it links
// (github.com/goccy/go-graphviz) starts its WebAssembly module when the
// program starts, a cost that the commands that draw nothing should not
// pay. Install it beside netreview:
//
//	go install github.com/netreview/netreview/cmd/...
//
// The work is done by package internal/layout; with -deck-pdf, it draws the
// committee's deck as PDF instead (package internal/deckpdf), so that
// netreview itself links no drawing code.
package main

import (
	"os"

	"github.com/netreview/netreview/internal/deckpdf"
	"github.com/netreview/netreview/internal/layout"
)

func main() {
	if served, status := deckpdf.Serve(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); served {
		os.Exit(status)
	}
	os.Exit(layout.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
