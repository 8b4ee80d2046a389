package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal. A character device that is
// not one, such as /dev/null, is not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// colorWanted reports whether to color the output to w: only on a
// terminal, and not when NO_COLOR is set to a value that is not empty
// (no-color.org: "when present and not an empty string").
func colorWanted(w io.Writer) bool { return colorFor(os.Getenv("NO_COLOR"), isTerminal(w)) }

// colorFor is colorWanted's rule, for the value of NO_COLOR ("" when unset).
func colorFor(noColor string, terminal bool) bool { return terminal && noColor == "" }

// termWidth is the width in columns of the terminal w, for wrapping; 0,
// which wraps nothing, when w is not a terminal.
func termWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width < 20 {
		return 0
	}
	return width
}
