package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestEveryFlagCompletes: every flag that takes a value has a completion,
// so that the shell never offers file names for a view, a severity or a
// format.
func TestEveryFlagCompletes(t *testing.T) {
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Value.Type() == "bool" || f.Name == "help" {
				return
			}
			if _, ok := cmd.GetFlagCompletionFunc(f.Name); !ok {
				t.Errorf("%s --%s has no completion", cmd.CommandPath(), f.Name)
			}
		})
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	for _, cmd := range newRootCmd(nil, nil).Commands() {
		walk(cmd)
	}
}

func TestCompletion(t *testing.T) {
	tests := []struct {
		args      []string
		want      []string
		directive string // cobra's ":N" line
	}{
		{[]string{"render", "--view", ""}, []string{"physical", "sites", "agencies"}, ":4"},
		{[]string{"check", "--fail-on", ""}, []string{"critical", "high", "medium", "low", "info", "none"}, ":4"},
		{[]string{"check", "--policy", ""}, []string{"cjis-5.9", "cjis-6.0"}, ":4"},
		{[]string{"check", "--format", ""}, []string{"text", "json", "markdown"}, ":4"},
		{[]string{"diff", "--format", ""}, []string{"text", "json", "markdown"}, ":4"},
		{[]string{"render", "--format", ""}, []string{"svg", "png", "pdf", "dot"}, ":4"},
		{[]string{"render", "--engine", ""}, []string{"dot", "sfdp", "neato", "fdp"}, ":4"},
		{[]string{"generate", "--format", ""}, []string{"yaml", "json"}, ":4"},
		{[]string{"check", "--date", ""}, nil, ":4"},
		{[]string{"rules", ""}, []string{"unencrypted-exit\t", "single-device\t", "expired-waiver\t"}, ":4"},
		{[]string{"check", ""}, []string{"yaml", "xlsx"}, ":8"}, // files by extension
		{[]string{"report", "-o", ""}, []string{"xlsx", "html", "md"}, ":8"},
		{[]string{"check", "--rules", ""}, []string{"yaml"}, ":8"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stdout, stderr := runCLI(t, append([]string{cobra.ShellCompRequestCmd}, tt.args...)...)
			lines := strings.Split(strings.TrimSpace(stdout), "\n")
			if last := lines[len(lines)-1]; last != tt.directive {
				t.Errorf("directive %q, want %q\n%s%s", last, tt.directive, stdout, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("completions lack %q:\n%s", w, stdout)
				}
			}
		})
	}
}
