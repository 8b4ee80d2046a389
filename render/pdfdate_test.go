package render

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/netreview/netreview/render/layout"
)

func TestPDFCreationDate(t *testing.T) {
	date := time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct{ in, want string }{
		{"1 0 obj <</CreationDate(D:20261201150501Z)/Producer(x)>>", "1 0 obj <</CreationDate(D:20261115000000Z)/Producer(x)>>"},
		{"<</CreationDate(D:20261201160501+0100)>>", "<</CreationDate(D:20261115000000+0000)>>"},
		{"no date here", "no date here"},
	}
	for _, tt := range tests {
		got := string(pdfCreationDate([]byte(tt.in), date))
		if got != tt.want {
			t.Errorf("pdfCreationDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("the length changed: the PDF's offsets would break")
		}
	}
}

// TestPDFRepeatable: the PDF carries the review date, not the time of the
// run, so the same input and --date give the same bytes.
func TestPDFRepeatable(t *testing.T) {
	res := review(t, "testdata/small.yaml")
	res.Date = time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)
	r := New(layout.New())
	defer r.Close()
	var a, b bytes.Buffer
	if err := r.Render(context.Background(), &a, res, PDF, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(a.Bytes(), []byte("/CreationDate(D:20261115000000")) {
		t.Errorf("the PDF does not carry the review date as its creation date")
	}
	time.Sleep(1100 * time.Millisecond) // the fonts' modified time is in seconds
	if err := r.Render(context.Background(), &b, res, PDF, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two renders a second apart differ")
	}
	// Every cross-reference entry points at its object.
	pdf := a.Bytes()
	x := bytes.LastIndex(pdf, []byte("\nxref\n"))
	lines := strings.Split(string(pdf[x+1:]), "\n")
	for i, l := range lines[3:] {
		if strings.HasPrefix(l, "trailer") {
			break
		}
		off, _ := strconv.Atoi(strings.Fields(l)[0])
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %.10q, want %q", i+1, pdf[off:], want)
		}
	}
	if !bytes.HasSuffix(pdf, []byte(fmt.Sprintf("startxref\n%d\n%%%%EOF\n", x+1))) {
		t.Errorf("startxref does not point at the table: %q", pdf[len(pdf)-30:])
	}
}
