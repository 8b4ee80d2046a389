package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/render"
	"github.com/netreview/netreview/report"
)

// htmlReport writes the HTML report with the annotated diagram, drawn as
// inline SVG in the most detailed view that fits (render.ViewFor) by a
// renderer that lives as long as the call; progress is told when the
// layout starts. When no view fits, the helper is missing or the drawing
// fails, the report is written without its diagram, with a note in it
// that says why, and a warning goes to stderr.
func htmlReport(ctx context.Context, progress func(string), stderr io.Writer) func(io.Writer, *analysis.Result) error {
	return func(w io.Writer, res *analysis.Result) error {
		opt := report.HTMLOptions{}
		svg, err := htmlDiagram(ctx, res, progress)
		if err != nil {
			fmt.Fprintln(stderr, "warning: the report has no diagram:", err)
			opt.DiagramNote = "No diagram: " + err.Error()
		} else {
			opt.Diagram = func(dw io.Writer) error {
				_, err := dw.Write(svg)
				return err
			}
		}
		return report.HTML(w, res, opt)
	}
}

// htmlDiagram draws the HTML report's diagram, without the findings
// table: the report lists the findings itself, just below it.
func htmlDiagram(ctx context.Context, res *analysis.Result, progress func(string)) (svg []byte, err error) {
	view, err := render.ViewFor(res)
	if err != nil {
		return nil, err
	}
	r := render.New(render.NewHelper())
	defer func() {
		if cerr := r.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	var buf bytes.Buffer
	if err := r.Render(ctx, &buf, res, render.SVG, render.Options{View: view, Inline: true, NoTable: true, Progress: progress}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func newReportCmd() *cobra.Command {
	var rf reviewFlags
	var out, due, failOn string
	var notice, status bool
	var recf recordFlags
	var sf statusFlags
	var lf letterFlags
	cmd := &cobra.Command{
		Use:   "report [flags] FILE... -o OUT",
		Short: "Write the review report: a workbook, an HTML page, Markdown, or the notice to the agency",
		Long: `report loads the proposal (every FILE together, as one model, as for check),
runs the rules of the pack in force and writes the review as a document. The
form follows the extension of OUT:

  .xlsx       a workbook: Summary (agency, proposal, policy, counts by
              severity and by rule with a chart, redundancy per site),
              Findings (autofilter, frozen header), Questions to the agency,
              and the Sites, Devices, Links and Tunnels as loaded; every
              sheet prints landscape on Letter, one page wide
  .html       one self-contained page (no network access needed): the
              root causes, the diagram (zoom, pan, open full size), the
              findings table (sortable, filterable), the detail of each
              finding with its path and policy requirement, the questions;
              prints on Letter paper, the diagram on a landscape page. The
              diagram is the most detailed view of at most 100 nodes,
              what a printed page shows (an agency's physical view, a
              statewide model's counties view), else the most detailed
              within its limit; it is drawn by netreview-graphviz, as for
              render. Without the helper, or when no view fits, the report
              is written without it, with a note that says why
  .md         Markdown, for pasting into documents
  .pptx       the advisory committee's slides (PowerPoint): a title slide, the
              review at a glance (a chart of the findings by rule and
              severity, the network's numbers), a slide per application with
              its diagram and key findings by root cause, and for a review of
              more than 12 agencies the counties and agencies with the most
              serious findings; FOUO on every slide (see docs/slides.md)
  .pdf        the same slides as PDF, for members without PowerPoint

Findings are numbered F1..Fn in the same order in every form; findings that
share one cause (single points of failure of the same sites, cleartext
links on one path) are grouped as one item to fix. Every page of every form
is marked FOR OFFICIAL USE ONLY. See docs/reports.md.

With --notice, report writes instead the letters to the agencies under
review (every file's agency but the state's own, role: csa): to each, a
notice of non-compliance (each unwaived finding of severity low or above
that concerns it, findings that share one cause as one item, with what was
found, where, the policy section and what must change, the questions the
proposal leaves open, and a request for an implementation plan by --due),
or a letter of compliance when nothing is the agency's to correct. With -o
DIR/ (a folder, written with a trailing slash or already there) it writes
DIR/<ORI>.md or .html for each agency (--format picks, md by default);
with -o FILE.md or FILE.html, one letter, to the one agency under review or
to --agency ORI. --letterhead FILE gives the sender: office, address,
signatory (see samples/letterhead/office.yaml); without it the letter is a
DRAFT with placeholders.

With --status and no FILE, report writes instead the committee's status
report from the review record (--db, as for 'netreview records'), as of
--date: the agencies not meeting policy (overdue first), open findings by
rule across the state, reviews and resolutions by quarter with a chart, and
the counties; .xlsx, .html or .md, marked FOR OFFICIAL USE ONLY on every
page, or as the committee's slides (.pptx, or the same slides as .pdf).

Exit status: 0 when the report is written, whatever it finds (use check, or
--fail-on, to gate on findings); 1 when --fail-on is given and an unwaived
finding is at or above it (the report is written all the same); 2 when the
input cannot be read or is invalid, or OUT's extension is not one of the
above.`,
		Example: `  # The workbook for the review committee
  netreview report samples/backbone.yaml samples/riverbend-pd.yaml -o riverbend-review.xlsx

  # One HTML page to send or print to PDF, reviewed as of a fixed date
  netreview report --date 2026-10-01 backbone.yaml riverbend.xlsx -o riverbend-review.html

  # Slides for the advisory committee, and the same deck as PDF
  netreview report --date 2026-10-01 samples/*.yaml -o committee.pptx
  netreview report --date 2026-10-01 samples/*.yaml -o committee.pdf

  # Markdown for the review memo
  netreview report proposal.yaml -o review.md

  # The letter to Riverbend, plan due on 15 January 2027
  netreview report --notice --due 2027-01-15 --letterhead office.yaml backbone.yaml riverbend.yaml -o riverbend.md

  # One letter per agency of the statewide set, as HTML to print
  netreview report --notice --due 2027-01-15 --letterhead office.yaml --format html samples/*.yaml -o letters/

  # Only Cedar County's letter out of the statewide set
  netreview report --notice --due 2027-01-15 --agency CA0100000 samples/*.yaml -o cedar.html

  # The advisory committee's status report from the review record
  netreview report --status --date 2027-01-31 -o status.xlsx

  # The same as slides for the committee's meeting
  netreview report --status --date 2027-01-31 -o status.pptx`,
		Args: func(cmd *cobra.Command, args []string) error {
			if status && len(args) > 0 {
				return fmt.Errorf("--status writes the status report from the review record, not from FILEs (%s): record them first with 'netreview records add'", strings.Join(args, " "))
			}
			if status {
				return nil
			}
			return cobra.MinimumNArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return &exitError{code: exitInput, err: fmt.Errorf("-o OUT is required: the report's file (.xlsx, .html, .md, .pptx or .pdf)")}
			}
			if status {
				sf.date = rf.date
				return writeStatusReport(cmd, &recf, &sf, out, notice)
			}
			threshold, never, err := parseFailOn(failOn)
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			if !notice && lf.set() {
				return &exitError{code: exitInput, err: fmt.Errorf("--agency, --letterhead and --format are for --notice only")}
			}
			if notice {
				return writeLetters(cmd, &rf, args, out, due, failOn, lf)
			}
			prog := newProgress(cmd.ErrOrStderr(), args)
			defer prog.clear()
			write, err := reportWriter(cmd.Context(), out, due, prog.step, cmd.ErrOrStderr())
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			if err := checkOutput(out, args, false); err != nil {
				return err
			}
			res, err := rf.review(cmd, args)
			if err != nil {
				return err
			}
			if err := writeOutput(cmd, out, func(w io.Writer) error { return write(w, res) }); err != nil {
				return err
			}
			if !never && report.Fails(res.Findings, threshold) {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	rf.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "write the report to `OUT`; its extension picks the form: .xlsx, .html, .md, .pptx or .pdf")
	fl.BoolVar(&notice, "notice", false, "write the letters to the agencies under review (.md or .html, or a folder DIR/) instead of the report")
	fl.StringVar(&lf.agency, "agency", "", "with --notice: the `ORI` of the one agency to write to")
	fl.StringVar(&lf.letterhead, "letterhead", "", "with --notice: the sender's letterhead, a YAML `FILE` (office, address, signatory; see samples/letterhead/office.yaml)")
	fl.StringVar(&lf.format, "format", "", "with --notice -o DIR/: the letters' `form`, md (default) or html")
	fl.StringVar(&due, "due", "", "with --notice: the date the implementation plan is due, `YYYY-MM-DD`")
	fl.BoolVar(&status, "status", false, "write the committee's status report from the review record (no FILE; see 'netreview records')")
	fl.StringVar(&sf.threshold, "threshold", "high", "with --status: an agency meets policy when its latest review has no unwaived finding at or above this `severity`")
	recf.register(cmd, false)
	fl.StringVar(&failOn, "fail-on", "none", "exit 1 when an unwaived finding is at or above this `severity` (critical, high, medium, low, info, or none)")
	completeInputs(cmd)
	completeFiles(cmd, "output", "xlsx", "html", "md")
	completeValues(cmd, "fail-on", severityValues()...)
	completeNothing(cmd, "due", "agency")
	completeFiles(cmd, "letterhead", "yaml", "yml")
	completeFiles(cmd, "db", "db", "sqlite")
	completeValues(cmd, "format", "md", "html")
	completeValues(cmd, "threshold", severityValues()[:len(analysis.Severities())]...)
	return cmd
}

// reportWriter picks the writer for OUT's extension, checking the flags
// first so that a mistake is reported before the input is read.
func reportWriter(ctx context.Context, out string, due string, progress func(string), stderr io.Writer) (func(io.Writer, *analysis.Result) error, error) {
	if due != "" {
		return nil, fmt.Errorf("--due is for --notice only")
	}
	ext := strings.ToLower(filepath.Ext(out))
	switch ext {
	case ".xlsx":
		return report.Workbook, nil
	case ".html", ".htm":
		return htmlReport(ctx, progress, stderr), nil
	case ".md", ".markdown":
		return report.MarkdownReport, nil
	case ".pptx", ".pdf":
		return deckReport(ctx, progress, ext == ".pdf"), nil
	}
	return nil, fmt.Errorf("-o %s: unknown report form %q: want .xlsx, .html, .md, .pptx or .pdf", out, ext)
}
