package main

import (
	"bytes"
	"os"
	"testing"
)

func TestColorFor(t *testing.T) {
	tests := []struct {
		noColor  string
		terminal bool
		want     bool
	}{
		{"", true, true}, // unset, or set to "": no-color.org says color stays on
		{"1", true, false},
		{"0", true, false}, // any value that is not empty turns it off
		{"", false, false},
		{"1", false, false},
	}
	for _, tt := range tests {
		if got := colorFor(tt.noColor, tt.terminal); got != tt.want {
			t.Errorf("colorFor(NO_COLOR=%q, terminal %v) = %v, want %v", tt.noColor, tt.terminal, got, tt.want)
		}
	}
}

// TestDevNullIsNotATerminal: /dev/null is a character device but no
// terminal; output to it has no color, no wrapping and no progress line.
func TestDevNullIsNotATerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no %s: %v", os.DevNull, err)
	}
	defer f.Close()
	if isTerminal(f) || colorWanted(f) || termWidth(f) != 0 {
		t.Errorf("%s taken for a terminal: isTerminal %v, colorWanted %v, termWidth %d", os.DevNull, isTerminal(f), colorWanted(f), termWidth(f))
	}
	if isTerminal(&bytes.Buffer{}) || termWidth(&bytes.Buffer{}) != 0 {
		t.Error("a buffer taken for a terminal")
	}
}
