package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"regexp"

	"github.com/netreview/netreview/analysis"
)

//go:embed assets/report.html.tmpl assets/report.css assets/report.js
var assets embed.FS

// HTMLOptions controls the HTML report.
type HTMLOptions struct {
	// Diagram writes the annotated diagram as SVG; the report inlines it.
	// Nil leaves the diagram out with a note that it is unavailable.
	Diagram func(w io.Writer) error
	// DiagramNote, when there is no Diagram, says why, in the note that
	// stands in its place.
	DiagramNote string
}

var htmlTemplate = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
	"sevRank": func(s analysis.Severity) int { return int(analysis.Critical - s) },
}).ParseFS(assets, "assets/report.html.tmpl"))

// htmlView is what the HTML template renders.
type htmlView struct {
	*review
	CSS         template.CSS
	JS          template.JS
	Diagram     template.HTML
	DiagramNote string
}

// HTML writes res as one self-contained HTML page: no network access and no
// external assets. It holds the diagram inline as SVG, the findings table
// (sortable and filterable with a little plain JavaScript), the detail of
// each finding with its path and the policy requirement, the questions to the
// agency and the redundancy table, with print styles for PDF.
func HTML(w io.Writer, res *analysis.Result, opt HTMLOptions) error {
	css, err := assets.ReadFile("assets/report.css")
	if err != nil {
		return err
	}
	js, err := assets.ReadFile("assets/report.js")
	if err != nil {
		return err
	}
	v := htmlView{review: newReview(res), CSS: template.CSS(css), JS: template.JS(js), DiagramNote: opt.DiagramNote}
	if opt.Diagram != nil {
		var svg bytes.Buffer
		if err := opt.Diagram(&svg); err != nil {
			return fmt.Errorf("html report: diagram: %w", err)
		}
		// The SVG comes from netreview's own renderer, which escapes the
		// model's text; it is inlined as markup.
		v.Diagram = template.HTML(inlineSVG(svg.Bytes()))
	}
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, v); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

var svgPrologue = regexp.MustCompile(`(?s)^\s*(<\?xml.*?\?>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*)*`)

// inlineSVG returns an SVG document ready to inline in HTML: without its XML
// declaration, DOCTYPE or leading comments.
func inlineSVG(svg []byte) []byte {
	return svgPrologue.ReplaceAll(svg, nil)
}
