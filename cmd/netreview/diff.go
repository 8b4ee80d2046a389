package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/report"
)

func newDiffCmd() *cobra.Command {
	var rf reviewFlags
	var format, failOn string
	cmd := &cobra.Command{
		Use:   "diff [flags] BEFORE AFTER",
		Short: "Show what a proposal changes and what that does to the findings",
		Long: `diff loads BEFORE and AFTER (each a file or a folder, as for check), reviews
both with the same pack and date, and prints what changes: sites, devices,
links and tunnels added or removed, changed fields (named as the format spells
them, dotted when nested; lists compared whole and shown comma-joined), and
the findings introduced, resolved and unchanged, matched by rule and subject.

When a side needs several files (a backbone and an agency), join them with
commas: "backbone.yaml,current.yaml".

Exit status: 1 when an introduced, unwaived finding is at or above --fail-on,
else 0; 2 when either side cannot be read.`,
		Example: `  # What does the proposal change?
  netreview diff current.yaml proposed.yaml

  # The same with the backbone loaded on both sides, as JSON
  netreview diff --format json backbone.yaml,current.yaml backbone.yaml,proposed.yaml

  # The sample pair, as Markdown for the review memo
  netreview diff --format markdown samples/diff/pine-hollow-current.yaml samples/diff/pine-hollow-proposed.yaml`,
		Args: diffArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			threshold, never, err := parseFailOn(failOn)
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			before, err := rf.review(cmd, strings.Split(args[0], ","))
			if err != nil {
				return err
			}
			after, err := rf.review(cmd, strings.Split(args[1], ","))
			if err != nil {
				return err
			}
			d := report.NewDiffOutput(before, after)
			out := cmd.OutOrStdout()
			switch format {
			case "text":
				err = report.DiffText(out, d)
			case "json":
				err = report.DiffJSON(out, d)
			case "markdown", "md":
				err = report.DiffMarkdown(out, d)
			default:
				return &exitError{code: exitInput, err: fmt.Errorf("--format %q: want text, json or markdown", format)}
			}
			if err != nil {
				return err
			}
			if !never && report.Fails(d.Findings.Introduced, threshold) {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	rf.register(cmd)
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `format`: text, json or markdown")
	cmd.Flags().StringVar(&failOn, "fail-on", "high", "exit 1 when an introduced, unwaived finding is at or above this `severity` (or none)")
	completeInputs(cmd)
	completeValues(cmd, "format", "text", "json", "markdown")
	completeValues(cmd, "fail-on", severityValues()...)
	return cmd
}

// diffArgs wants exactly BEFORE and AFTER; with more, it explains how a
// side of several files is written.
func diffArgs(_ *cobra.Command, args []string) error {
	switch {
	case len(args) == 2:
		return nil
	case len(args) > 2:
		return fmt.Errorf("diff takes two arguments, BEFORE and AFTER, and got %d: when a side is several files, join them with commas, without spaces: "+
			"netreview diff backbone.yaml,current.yaml backbone.yaml,proposed.yaml", len(args))
	}
	return fmt.Errorf("diff takes two arguments, BEFORE and AFTER (each a file, a folder, or files joined with commas), and got %d", len(args))
}
