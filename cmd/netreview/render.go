package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/render/drawio"
)

func newRenderCmd() *cobra.Command {
	var rf reviewFlags
	var out, view, format, engine, page string
	var noFindings, noTable bool
	var findingFlag string
	cmd := &cobra.Command{
		Use:   "render [flags] FILE... -o OUT",
		Short: "Draw the network diagram, annotated with the findings",
		Long: `render loads the proposal (every FILE together, as one model), reviews it
as check does, and draws its network diagram to OUT.

The format follows OUT's extension: .svg, .png, .pdf or .dot (Graphviz
source); --format, when given, must agree with it (a PNG named .svg opens
nowhere), and is needed when OUT is "-" (stdout).
OUT ending in .drawio writes the reviewed diagram as an editable draw.io
file instead: sites as containers, devices with their stencils, links and
tunnels, every field as a property, the findings on a layer of their own.
The agency can fix the design in draw.io and send the file back: netreview
reads it like any proposal (see docs/drawings.md).
No Graphviz installation is needed: the layout is done by netreview-graphviz
(Graphviz compiled to WebAssembly), a helper program that 'make build' and
'go install github.com/netreview/netreview/cmd/...' put beside netreview.
netreview looks for it in $NETREVIEW_GRAPHVIZ, then beside itself, then on
$PATH. Writing .dot needs no helper. The helper's first run compiles
Graphviz's WebAssembly (about 1 s) and keeps the result for later runs in
netreview/graphviz under your cache directory (~/.cache on Linux);
$NETREVIEW_GRAPHVIZ_CACHE names another directory, or "off" for none.

Pages (--page):
  poster    (default) natural size, one point per Graphviz point: as
            large as the diagram needs
  slide     a 16:9 slide, 13.333 x 7.5 in (PNG 1920 x 1080 pixels), for
            the advisory committee
  letter    a US Letter page, portrait (8.5 x 11 in), for a letter or a
            report; letter-landscape turns it
On every page the heading (the title block, the key with the device
types, and the findings table) is drawn above the diagram; on a slide or
a Letter page both are scaled to fit, the heading within a third of the
page, the table cut to the findings that fit in it. Where it draws the
network larger, the heading stands beside the diagram instead (when it
holds no table), and the diagram is ranked left to right. --no-table leaves the table out: each
subject keeps its finding number and the key its severity colors.

Views (--view):
  physical  every device; sites as clusters with a border by security
            (solid: physically secure, dashed: controlled area, dotted:
            unsecured or mobile); carrier networks and cloud services
            outside them; a device's shape is its type, its fill its zone.
            Radio links are dashed, links with their own encryption are
            double lines, tunnels are bold edges of their own.
  sites     each site collapsed into one node; links between sites counted
            and marked with the worst finding among them.
  agencies  each agency (input file) collapsed into one node. On a slide
            or a Letter page, a statewide model's agencies view draws
            the agencies with the most serious findings, as many as the
            page holds legibly (about 30), and its title says how many
            of how many; the poster draws them all.
  counties  the agencies of each county (their county field) as one node,
            filled in the color of its worst finding and labeled with
            its agencies and its findings by severity, joined to the
            state hubs; the statewide picture.
In a statewide model (the state joined to more than 20 counties or
agencies) both are drawn in rows under the state's hubs, each row hanging
from a line to the hubs, a county or agency colored by its worst finding
and counting its findings by severity, without the findings table.
A view that would draw more nodes than can be read (physical 3,000,
sites 4,000, agencies and counties 5,000) is refused, with the views
that fit.
Each finding's subject is drawn in its severity's color and labeled F<n>,
n being its number in check's output; its path is traced, and single points
of failure carry a SPOF badge. --no-findings draws the plain diagram;
--finding N draws finding N (F4 or 4) alone with its neighborhood.

Every diagram carries a title block: the "FOR OFFICIAL USE ONLY" marking,
the agencies, the review date (--date, default today) and the client counts
(CJIS Security Policy 5.7.1.2, CM-2).

Layout uses dot up to 400 nodes and sfdp above; in the sites view, and
the agencies view of more than 400 agencies on a poster, also when a node
has more than 20 neighbors (a star that dot would draw as one long row);
--engine overrides.
Exit status: 0 when the diagram was written (findings do not fail render),
2 when the input cannot be read, the flags are wrong, the view is too
large or the helper is missing; 3 when Graphviz or the drawing failed (an
internal error, reported on one line). No output file is left behind on
failure.`,
		Example: `  # The agency with the state backbone, as SVG
  netreview render samples/backbone.yaml samples/riverbend-pd.yaml -o riverbend.svg

  # The reviewed diagram for the agency to edit in draw.io, and read back
  netreview render samples/backbone.yaml samples/riverbend-pd.yaml -o riverbend.drawio
  netreview check riverbend.drawio

  # One picture per finding, for the letter to the agency
  netreview render backbone.yaml agency.yaml --finding F3 -o finding-3.png

  # A slide for the advisory committee, without the findings table
  netreview render --page slide --no-table backbone.yaml agency.yaml -o agency.png

  # The statewide picture by county on a Letter page, landscape
  netreview render --view counties --page letter-landscape state/*.yaml -o counties.pdf

  # The agencies with the most serious findings, on a slide
  netreview render --view agencies --page slide --no-table state/*.yaml -o agencies.png

  # A statewide model, each site one node, as a poster PDF
  netreview render --view sites state/*.yaml -o state.pdf

  # The DOT source, to stdout
  netreview render proposal.yaml --format dot -o -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return &exitError{code: exitInput, err: fmt.Errorf("-o OUT is required")}
			}
			if out != "-" {
				if err := checkOutput(out, args, false); err != nil {
					return err
				}
			}
			if drawio.IsPath(out) {
				if view != "physical" || findingFlag != "" || format != "" || engine != "" || page != "poster" || noTable {
					return &exitError{code: exitInput, err: fmt.Errorf("-o %s: a draw.io file is the physical view with every finding; --view, --finding, --format, --engine, --page and --no-table do not apply", out)}
				}
				res, err := rf.review(cmd, args)
				if err != nil {
					return err
				}
				return writeOutput(cmd, out, func(w io.Writer) error {
					return drawio.Write(w, res, drawio.Options{NoFindings: noFindings})
				})
			}
			v, err := render.ParseView(view)
			if err != nil {
				return &exitError{code: exitInput, err: fmt.Errorf("--view: %w", err)}
			}
			f, err := renderFormat(format, out)
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			pg, err := render.ParsePage(page)
			if err != nil {
				return &exitError{code: exitInput, err: fmt.Errorf("--page: %w", err)}
			}
			finding, err := parseFinding(findingFlag, noFindings)
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			switch engine {
			case "", "dot", "sfdp", "neato", "fdp":
			default:
				return &exitError{code: exitInput, err: fmt.Errorf("--engine %q: want dot, sfdp, neato or fdp", engine)}
			}
			res, err := rf.review(cmd, args)
			if err != nil {
				return err
			}
			if finding > len(res.Findings) {
				return &exitError{code: exitInput, err: fmt.Errorf("--finding %s: the review has %s (F1 to F%d)", findingFlag, plural(len(res.Findings), "finding"), len(res.Findings))}
			}
			opts := render.Options{View: v, NoFindings: noFindings, Finding: finding, Engine: engine, Page: pg, NoTable: noTable}
			prog := newProgress(cmd.ErrOrStderr(), args)
			defer prog.clear()
			opts.Progress = prog.step
			r := render.New(render.NewHelper())
			defer r.Close()
			return drawError(writeOutput(cmd, out, func(w io.Writer) error {
				return r.Render(cmd.Context(), w, res, f, opts)
			}))
		},
	}
	rf.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "write the diagram to `OUT` (- for stdout)")
	fl.StringVar(&view, "view", "physical", "`view`: physical, sites, agencies or counties")
	fl.StringVar(&page, "page", "poster", "`page` to draw for: slide, letter, letter-landscape or poster")
	fl.BoolVar(&noTable, "no-table", false, "leave the findings table out (the numbers and the key stay)")
	fl.StringVar(&format, "format", "", "output `format`: svg, png, pdf or dot (default from OUT's extension)")
	fl.StringVar(&engine, "engine", "", "Graphviz layout `engine`: dot, sfdp, neato or fdp (default by size)")
	fl.BoolVar(&noFindings, "no-findings", false, "draw the plain diagram, without findings")
	fl.StringVar(&findingFlag, "finding", "", "draw finding `N` (4 or F4, as check numbers it) alone, with its neighborhood")
	completeInputs(cmd)
	completeFiles(cmd, "output", "svg", "png", "pdf", "dot")
	completeValues(cmd, "view", viewValues()...)
	completeValues(cmd, "page", "poster", "slide", "letter", "letter-landscape")
	completeValues(cmd, "format", "svg", "png", "pdf", "dot")
	completeValues(cmd, "engine", "dot", "sfdp", "neato", "fdp")
	completeNothing(cmd, "finding")
	return cmd
}

// drawError gives a drawing's error its exit status: exitInternal when
// Graphviz or the drawing failed, exitInput for a view too large to read.
func drawError(err error) error {
	var ie *render.InternalError
	var tl *render.TooLargeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ie):
		return &exitError{code: exitInternal, err: err}
	case errors.As(err, &tl):
		return &exitError{code: exitInput, err: err}
	}
	return err
}

// renderFormat is the diagram's format: --format when given, which must fit
// OUT's extension (a PNG in a file named .svg opens nowhere), else OUT's
// extension.
func renderFormat(format, out string) (render.Format, error) {
	if format == "" {
		if out == "-" {
			return "", fmt.Errorf("--format is needed when writing to stdout")
		}
		return render.FormatOf(out)
	}
	f, err := render.FormatOf("x." + format)
	if err != nil {
		return "", fmt.Errorf("--format %q: want svg, png, pdf or dot", format)
	}
	if out == "-" {
		return f, nil
	}
	if of, err := render.FormatOf(out); err != nil || of != f {
		return "", fmt.Errorf("--format %s does not fit -o %s: name the file %s, or leave --format out", format, out, strings.TrimSuffix(out, filepath.Ext(out))+"."+string(f))
	}
	return f, nil
}

// parseFinding parses --finding: a finding's number as check prints it,
// "F4", or as a bare number, "4"; "" is none. It cannot be combined with
// --no-findings.
func parseFinding(s string, noFindings bool) (int, error) {
	if s == "" {
		return 0, nil
	}
	if noFindings {
		return 0, fmt.Errorf("--finding %s draws a finding; --no-findings draws none: give one or the other", s)
	}
	n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimPrefix(s, "F"), "f"))
	if err != nil || n < 1 {
		return 0, fmt.Errorf("--finding %q: want a finding's number as check prints it, F1 or 1 and up", s)
	}
	return n, nil
}

// plural is "1 finding", "2 findings".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
