package deck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strings"

	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/report/pptx"
)

// WritePDF writes the deck as PDF to w: it runs program (the
// netreview-graphviz helper, which draws it with package internal/deckpdf)
// with the deck as JSON on its standard input.
func WritePDF(ctx context.Context, w io.Writer, d *pptx.Deck, program string) error {
	in, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("deck pdf: %w", err)
	}
	cmd := exec.CommandContext(ctx, program, pptx.PDFHelperArg)
	cmd.Env = render.HelperEnviron() // go-graphviz's compilation cache
	cmd.Stdin = bytes.NewReader(in)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("deck pdf: %w", ctx.Err())
		}
		// One line: the helper's message, or the first line of a crash.
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("deck pdf: drawing with %s: %s", program, msg)
	}
	_, err = w.Write(out.Bytes())
	return err
}
