package deckpdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/netreview/netreview/report/pptx"
)

func TestServe(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		in     string
		served bool
		status int
		stdout string // a prefix of standard output
		stderr string // a string standard error holds
	}{
		{"layout args", []string{"-engine", "dot"}, "", false, 0, "", ""},
		{"no args", nil, "", false, 0, "", ""},
		{"deck", []string{pptx.PDFHelperArg}, `{"title":"t","slides":[{"items":[{"text":{"box":{"x":10,"y":10,"w":200,"h":50},"paras":[{"size":12,"runs":[{"text":"hello"}]}]}}]}]}`, true, 0, "%PDF-", ""},
		{"unknown field", []string{pptx.PDFHelperArg}, `{"slidez":[]}`, true, 1, "", `reading the deck: json: unknown field "slidez"`},
		{"bad deck", []string{pptx.PDFHelperArg}, `{"slides":[{"items":[{}]}]}`, true, 1, "", "want exactly one of text, picture or chart"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			served, status := Serve(tc.args, strings.NewReader(tc.in), &out, &errs)
			if served != tc.served || status != tc.status {
				t.Fatalf("served %v status %d, want %v %d; stderr %s", served, status, tc.served, tc.status, errs.String())
			}
			if !strings.HasPrefix(out.String(), tc.stdout) {
				t.Errorf("stdout starts %.20q, want %q", out.String(), tc.stdout)
			}
			if !strings.Contains(errs.String(), tc.stderr) || strings.Count(errs.String(), "\n") > 1 {
				t.Errorf("stderr %q, want one line holding %q", errs.String(), tc.stderr)
			}
		})
	}
}
