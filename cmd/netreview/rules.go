package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/report"
)

// rulesWriters returns the writers of `netreview rules` for a --format: the
// list of rules, and one rule explained.
func rulesWriters(format string) (list func(io.Writer, *analysis.Pack) error, one func(io.Writer, *analysis.Pack, *analysis.Rule) error, ok bool) {
	switch format {
	case "text":
		return report.RulesText, report.RuleText, true
	case "json":
		return report.RulesJSON, report.RuleJSON, true
	case "markdown", "md":
		return report.RulesMarkdown, report.RuleMarkdown, true
	}
	return nil, nil, false
}

func newRulesCmd() *cobra.Command {
	var rf reviewFlags
	var format string
	cmd := &cobra.Command{
		Use:   "rules [flags] [RULE]",
		Short: "List the rules of the pack in force, or explain one",
		Long: `rules lists every rule netreview knows as the rule pack in force sets it
up: its id, severity, whether it runs, what fires it, and the policy it
cites. With a RULE, it explains that rule: what it checks and why, the policy
it cites with a summary of each requirement, how to fix a finding, and an
example.

The pack in force is cjis-6.0 unless --policy names another built-in pack
(cjis-5.9) or --rules loads a state's own pack from a YAML file; see
docs/rules.md and samples/packs/state-example.yaml.

Exit status: 0, or 2 for an unknown rule, an unknown pack or a pack file
that is not valid.`,
		Example: `  # The rules of the default pack (cjis-6.0)
  netreview rules

  # Explain one rule, as the v5.9 pack sets it up
  netreview rules --policy cjis-5.9 advanced-authentication

  # A state's own pack, as a Markdown table for a document
  netreview rules --rules samples/packs/state-example.yaml --format markdown`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			list, one, ok := rulesWriters(format)
			if !ok {
				return &exitError{code: exitInput, err: fmt.Errorf("--format %q: want text, json or markdown", format)}
			}
			cfg, err := rf.config()
			if err != nil {
				return err
			}
			if len(args) == 0 {
				return list(cmd.OutOrStdout(), cfg.Pack)
			}
			r, err := analysis.FindRule(args[0])
			if err != nil {
				return &exitError{code: exitInput, err: fmt.Errorf("%w; 'netreview rules' lists them", err)}
			}
			return one(cmd.OutOrStdout(), cfg.Pack, r)
		},
	}
	rf.register(cmd)
	// The review date means nothing to a list of rules.
	_ = cmd.Flags().MarkHidden("date")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `format`: text, json or markdown")
	cmd.ValidArgsFunction = ruleIDs
	completeValues(cmd, "format", "text", "json", "markdown")
	return cmd
}
