package main

import (
	"github.com/spf13/cobra"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/render"
)

// Shell completion: every flag value netreview knows is offered by name,
// files only where a file is wanted, nothing for dates and numbers.

// inputExts are the extensions of proposal files, offered for FILE
// arguments (folders of CSV files are offered as folders).
var inputExts = []string{"yaml", "yml", "json", "xlsx"}

// completeValues offers values for flag, and no file names.
func completeValues(cmd *cobra.Command, flag string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// completeNothing offers nothing (no file names) for flags whose value is a
// date, a number or free text.
func completeNothing(cmd *cobra.Command, flags ...string) {
	for _, f := range flags {
		_ = cmd.RegisterFlagCompletionFunc(f, cobra.NoFileCompletions)
	}
}

// completeFiles offers the files with one of exts (and folders) for flag.
func completeFiles(cmd *cobra.Command, flag string, exts ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return exts, cobra.ShellCompDirectiveFilterFileExt
	})
}

// completeInputs offers proposal files and folders for the arguments.
func completeInputs(cmd *cobra.Command) {
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return inputExts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// severityValues are the values of --fail-on.
func severityValues() []string {
	var out []string
	for _, s := range analysis.Severities() {
		out = append(out, s.String())
	}
	return append(out, "none")
}

// viewValues are the values of --view.
func viewValues() []string {
	var out []string
	for _, v := range render.Views() {
		out = append(out, string(v))
	}
	return out
}

// ruleIDs are the rules, each with its summary for the shells that show
// one, for `netreview rules RULE`.
func ruleIDs(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, r := range analysis.Rules() {
		out = append(out, r.ID+"\t"+r.Summary)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
