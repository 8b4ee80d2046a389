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
  netreview diff --format json backbone.yaml,current.yaml backbone.yaml,proposed.yaml`,
		Args: cobra.ExactArgs(2),
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
			default:
				return &exitError{code: exitInput, err: fmt.Errorf("--format %q: want text or json", format)}
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
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `format`: text or json")
	cmd.Flags().StringVar(&failOn, "fail-on", "high", "exit 1 when an introduced, unwaived finding is at or above this `severity` (or none)")
	return cmd
}
