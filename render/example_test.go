package render_test

import (
	"bufio"
	"bytes"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/topology/load"
)

// Write the DOT source of a reviewed proposal's diagram, with the findings
// on it. DOT needs no layout, so the Renderer needs no Layouter; SVG, PNG
// and PDF need one, such as render.NewHelper().
func ExampleRenderer_DOT() {
	m, _, err := load.Files([]string{"testdata/small.yaml"})
	if err != nil {
		log.Fatal(err)
	}
	pack, err := analysis.BuiltinPack("cjis-6.0")
	if err != nil {
		log.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{Pack: pack, Date: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	var dot bytes.Buffer
	if err := render.New(nil).DOT(&dot, res, render.Options{View: render.ViewSites}); err != nil {
		log.Fatal(err)
	}
	// The edges between sites, each with its link count and worst finding.
	sc := bufio.NewScanner(&dot)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.Contains(line, " -- ") {
			continue
		}
		// The label is HTML-like: its lines in a table cell.
		ends, attrs, _ := strings.Cut(strings.TrimSpace(line), " [")
		_, label, _ := strings.Cut(attrs, "<TD>")
		label, _, _ = strings.Cut(label, "</TD>")
		fmt.Printf("%s: %s\n", ends, strings.ReplaceAll(label, "<BR/>", ", "))
	}
	// Output:
	// "#site/cars" -- "#site/hq": 1 tunnel
	// "#site/cars" -- "lte": 1 link
	// "#site/hq" -- "#site/hub": 1 tunnel
	// "#site/hq" -- "#site/sub": 1 link, F4 F5 F15
	// "#site/hq" -- "lte": 1 link, F18
	// "#site/hq" -- "mpls": 1 link, F2 F13
	// "#site/hq" -- "saas": 1 link
	// "#site/hub" -- "mpls": 1 link, F2 F17
}
