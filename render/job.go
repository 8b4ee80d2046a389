package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// job is what netreview asks of the Graphviz helper: two graphs to lay out,
// the heading and the diagram, drawn one above the other on a page in a
// format. It travels to the helper as JSON on its standard input.
type Job struct {
	// Format is svg, png or pdf.
	Format Format `json:"format"`
	// Page is the form drawn for.
	Page Page `json:"page"`
	// Inline asks for SVG fit for embedding in HTML (see Options.Inline).
	Inline bool `json:"inline,omitempty"`
	// Date is the review date, YYYY-MM-DD: a PDF's creation date.
	Date string `json:"date,omitempty"`
	// Heading is the title block, key and findings table, one node with an
	// HTML-like label.
	Heading Graph `json:"heading"`
	// Diagram is the network diagram.
	Diagram Graph `json:"diagram"`
	// Side, when given, is the heading as a column, to stand beside the
	// diagram instead of above it; Turned, the diagram ranked left to
	// right instead of top to bottom. On a slide or a Letter page the
	// drawer draws the forms that draw the diagram largest (a wide diagram
	// turned on a portrait page, the heading beside a tall one on a
	// slide).
	Side   Graph `json:"side,omitzero"`
	Turned Graph `json:"turned,omitzero"`

	nodes, edges int // the diagram's size, for progress and errors
}

// Graph is one graph of a Job: DOT source and the Graphviz engine that lays
// it out (dot, sfdp, neato or fdp).
type Graph struct {
	Engine string `json:"engine"`
	DOT    string `json:"dot"`
}

// writeJob writes job as the helper reads it.
func writeJob(w io.Writer, job *Job) error {
	return json.NewEncoder(w).Encode(job)
}

// ReadJob reads a job as a Drawer hands it to the helper (JSON) and checks its fields.
func ReadJob(r io.Reader) (*Job, error) {
	var job Job
	d := json.NewDecoder(r)
	d.DisallowUnknownFields()
	if err := d.Decode(&job); err != nil {
		return nil, fmt.Errorf("reading the job: %w", err)
	}
	switch job.Format {
	case SVG, PNG, PDF:
	default:
		return nil, fmt.Errorf("job: unknown format %q (want svg, png or pdf)", job.Format)
	}
	if _, err := ParsePage(string(job.Page)); err != nil {
		return nil, fmt.Errorf("job: %w", err)
	}
	for i, g := range []Graph{job.Heading, job.Diagram, job.Side, job.Turned} {
		if i > 1 && g == (Graph{}) {
			continue
		}
		if err := checkEngine(g.Engine); err != nil {
			return nil, fmt.Errorf("job: %w", err)
		}
	}
	if job.Diagram.DOT == "" {
		return nil, fmt.Errorf("job: no diagram")
	}
	return &job, nil
}

// checkEngine returns an error unless engine is a Graphviz layout engine
// that netreview uses.
func checkEngine(engine string) error {
	switch engine {
	case "dot", "sfdp", "neato", "fdp":
		return nil
	}
	return fmt.Errorf("unknown engine %q (want dot, sfdp, neato or fdp)", engine)
}

// legendColumns is how many of the legend's device types stand in a row:
// beside the title block, five (two rows, lower than the title block),
// or three on a portrait page, whose width is short; below it, in a
// heading beside the diagram, three.
const (
	legendColumns       = 5
	legendColumnsNarrow = 3
)

// headingGraph is the DOT of the heading: one node, the HTML-like label,
// and the legend's device types in a grid (held there by invisible
// edges), to the right of the label, or below it when the heading stands
// beside the diagram.
func headingGraph(label string, legend *dotCluster, beside, portrait bool) string {
	g := &dotGraph{name: "heading"}
	g.attrs.set("pad", "0")
	g.attrs.set("bgcolor", "white")
	g.attrs.set("nodesep", "0.12")
	g.attrs.set("ranksep", "0.12")
	if !beside {
		// Ranks run across: the label, then the legend's columns.
		g.attrs.set("rankdir", "LR")
	}
	g.nodeAttrs.set("fontname", fontName)
	g.nodeAttrs.set("fontsize", "10")
	n := &dotNode{id: "heading"}
	n.attrs.set("shape", "plain")
	n.attrs.setHTML("label", label)
	g.nodes = append(g.nodes, n)
	if legend != nil {
		g.clusters = append(g.clusters, legend)
		invisible := func(a, b string) {
			e := &dotEdge{a: a, b: b}
			e.attrs.set("style", "invis")
			g.edges = append(g.edges, e)
		}
		cols := legendColumns
		if beside || portrait {
			cols = legendColumnsNarrow
		}
		for i, ln := range legend.nodes {
			// Across, a row is a chain from the label; beside, a column
			// is.
			first, prev := i%cols == 0, i-1
			if beside {
				first, prev = i < cols, i-cols
			}
			if first {
				invisible(n.id, ln.id)
			} else {
				invisible(legend.nodes[prev].id, ln.id)
			}
		}
	}
	var b strings.Builder
	_ = g.write(&b) // a strings.Builder does not fail
	return b.String()
}
