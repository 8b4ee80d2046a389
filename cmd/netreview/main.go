// Command netreview reviews law-enforcement network design proposals against
// the FBI CJIS Security Policy and state policy.
//
// This package holds flags and wiring only; the work is done by the
// topology, analysis, render and report packages.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/netreview/netreview/report"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// A review is short-lived and its heap is mostly the model, live to
		// the end: collecting at three times the live heap rather than twice
		// takes a tenth off a statewide check for a few percent more peak
		// memory (docs/performance.md). GOGC still overrides it.
		debug.SetGCPercent(200)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses, as the findings contract defines them.
const (
	exitOK       = 0
	exitFindings = 1
	exitInput    = 2
	// exitInternal is netreview's own failure, not the input's: Graphviz
	// or the drawing library failed (see render.InternalError).
	exitInternal = 3
)

// exitError ends a command with a given status. When err is nil, nothing more
// is printed: the command already said what it had to.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// run executes the command line and returns the process's exit status.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			printError(stderr, ee.err)
		}
		return ee.code
	}
	// Usage errors (unknown flags, wrong arguments) and unreadable input.
	printError(stderr, err)
	return exitInput
}

// printError prints err after "netreview:", each of its lines made safe
// for a terminal: an error may quote a proposal's text.
func printError(w io.Writer, err error) {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		lines[i] = report.TerminalSafe(l)
	}
	fmt.Fprintln(w, "netreview:", strings.Join(lines, "\n"))
}
