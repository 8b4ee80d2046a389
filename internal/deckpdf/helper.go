package deckpdf

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/netreview/netreview/report/pptx"
)

// Serve is the netreview-graphviz helper's deck mode: when args are
// exactly pptx.PDFHelperArg it reads a pptx.Deck as JSON from stdin, draws
// it as PDF to stdout, and returns true with the exit status (0, or 1 with
// one line on stderr); for any other args it returns false and does
// nothing, and the helper lays out DOT as usual.
func Serve(args []string, stdin io.Reader, stdout, stderr io.Writer) (served bool, status int) {
	if len(args) != 1 || args[0] != pptx.PDFHelperArg {
		return false, 0
	}
	var d pptx.Deck
	dec := json.NewDecoder(stdin)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		fmt.Fprintln(stderr, "netreview-graphviz: reading the deck:", err)
		return true, 1
	}
	if err := Draw(stdout, &d); err != nil {
		fmt.Fprintln(stderr, "netreview-graphviz:", err)
		return true, 1
	}
	return true, 0
}
