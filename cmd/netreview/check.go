package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/report"
)

func newCheckCmd() *cobra.Command {
	var rf reviewFlags
	var format, failOn string
	cmd := &cobra.Command{
		Use:   "check [flags] FILE...",
		Short: "Check a proposal against the rules and print the findings",
		Long: `check loads the proposal (every FILE together, as one model), runs the rules
of the pack in force, and prints the findings.

FILE is a .yaml, .yml or .json proposal, an .xlsx workbook, a folder of
CSV files, or a drawing: draw.io (.drawio, .drawio.svg, .drawio.png, .xml)
or Visio (.vsdx); docs/drawings.md says how a drawing is read. Several files
load as one model: this is how a statewide model is built from a backbone
and its agencies. An agency's proposal names the state hubs and circuits it
connects to, so it is checked with the state backbone.

Exit status: 0 when no unwaived finding is at or above --fail-on, 1 when one
is, 2 when the input cannot be read or is invalid (then every error found is
printed with its place, and nothing else).`,
		Example: `  # Check an agency's proposal, with the state backbone it connects to
  netreview check samples/backbone.yaml samples/riverbend-pd.yaml

  # A statewide model: the backbone and every agency together, as JSON
  netreview check --format json backbone.yaml agency-*.yaml

  # An agency's draw.io drawing, with the state backbone
  netreview check samples/backbone.yaml samples/drawio/riverbend-pd.drawio

  # Fail only on critical findings, review under the v5.9 policy as of a date
  netreview check --fail-on critical --policy cjis-5.9 --date 2026-09-14 proposal.xlsx`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			threshold, never, err := parseFailOn(failOn)
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			res, err := rf.review(cmd, args)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			switch format {
			case "text":
				err = report.Text(out, res, report.TextOptions{Color: colorWanted(out), Width: termWidth(out)})
			case "json":
				err = report.JSON(out, res)
			case "markdown", "md":
				err = report.Markdown(out, res)
			default:
				return &exitError{code: exitInput, err: fmt.Errorf("--format %q: want text, json or markdown", format)}
			}
			if err != nil {
				return err
			}
			if !never && report.Fails(res.Findings, threshold) {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	rf.register(cmd)
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `format`: text, json or markdown")
	cmd.Flags().StringVar(&failOn, "fail-on", "high", "exit 1 when an unwaived finding is at or above this `severity` (critical, high, medium, low, info, or none)")
	completeInputs(cmd)
	completeValues(cmd, "format", "text", "json", "markdown")
	completeValues(cmd, "fail-on", severityValues()...)
	return cmd
}

// parseFailOn parses --fail-on; never is true for "none".
func parseFailOn(s string) (threshold analysis.Severity, never bool, err error) {
	if s == "none" {
		return 0, true, nil
	}
	threshold, err = analysis.ParseSeverity(s)
	if err != nil {
		return 0, false, fmt.Errorf("--fail-on: %w, or none", err)
	}
	return threshold, false, nil
}
