package main

import (
	"fmt"
	"io"
	"os"
)

// progressMinBytes is the input size from which a command shows its
// progress: below it, the work takes well under a second.
const progressMinBytes = 1 << 20

// progress shows what a long command is doing on one line of standard
// error, rewritten in place and cleared before anything else is printed.
// It is silent unless standard error is a terminal. The zero value and nil
// are silent.
type progress struct {
	w     io.Writer
	shown bool
}

// newProgress returns a progress line on w for work on the inputs: silent
// unless w is a terminal and the inputs hold progressMinBytes or more.
func newProgress(w io.Writer, paths []string) *progress {
	if !isTerminal(w) || inputSize(paths) < progressMinBytes {
		return nil
	}
	return &progress{w: w}
}

// show replaces the progress line.
func (p *progress) show(format string, a ...any) {
	if p == nil {
		return
	}
	p.shown = true
	fmt.Fprintf(p.w, "\r\033[K"+format, a...)
}

// step shows a step of long work, such as render.Options.Progress reports.
func (p *progress) step(s string) { p.show("%s...", s) }

// clear removes the progress line.
func (p *progress) clear() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// inputSize is the size in bytes of the files, and of the files directly in
// the folders, among paths. Paths that cannot be read count nothing: the
// loader reports them.
func inputSize(paths []string) int64 {
	var n int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			n += st.Size()
			continue
		}
		entries, _ := os.ReadDir(p)
		for _, e := range entries {
			if info, err := e.Info(); err == nil && !e.IsDir() {
				n += info.Size()
			}
		}
	}
	return n
}
