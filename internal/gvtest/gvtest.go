// Package gvtest lets a test binary stand in for the netreview-graphviz
// helper program, so that tests of code that runs the helper need no build
// step: the test binary runs itself as the helper.
package gvtest

import (
	"os"
	"testing"

	"github.com/netreview/netreview/internal/deckpdf"
	"github.com/netreview/netreview/internal/layout"
)

// asHelper is set in the environment of the test binary's children: a child
// that sees it is the helper.
const asHelper = "NETREVIEW_TEST_AS_GRAPHVIZ"

// Main is a TestMain: run as the helper's child, it lays out DOT (or draws
// a deck) as netreview-graphviz does; otherwise it points $NETREVIEW_GRAPHVIZ (the
// variable render.FindHelper reads first) at this test binary and runs the
// tests.
func Main(m *testing.M) {
	if os.Getenv(asHelper) == "1" {
		if served, status := deckpdf.Serve(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); served {
			os.Exit(status)
		}
		os.Exit(layout.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	exe, err := os.Executable()
	if err == nil {
		os.Setenv("NETREVIEW_GRAPHVIZ", exe)
		os.Setenv(asHelper, "1")
	}
	os.Exit(m.Run())
}
