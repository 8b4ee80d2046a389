package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/generate"
)

func newGenerateCmd() *cobra.Command {
	var opts generate.Options
	var out string
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Generate a synthetic statewide model for scale tests",
		Long: `Generate writes a synthetic statewide network model: a redundant state
backbone, county aggregation and the given number of agencies, with a few
realistic flaws. The same seed always gives the same model. The output is
YAML, or JSON when the -o file name ends in .json; without -o, YAML goes to
standard output.`,
		Example: `  netreview generate --agencies 3700 --seed 1 -o state.json
  netreview generate --agencies 10 > small.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Agencies < 1 {
				return &exitError{code: 2, err: fmt.Errorf("--agencies must be at least 1, got %d", opts.Agencies)}
			}
			m := generate.Statewide(opts)
			enc := topology.EncodeYAML
			w := cmd.OutOrStdout()
			if out != "" {
				if strings.EqualFold(filepath.Ext(out), ".json") {
					enc = topology.EncodeJSON
				}
				f, err := os.Create(out)
				if err != nil {
					return &exitError{code: 2, err: err}
				}
				bw := bufio.NewWriter(f)
				if err := enc(bw, m); err != nil {
					f.Close()
					return fmt.Errorf("writing %s: %w", out, err)
				}
				if err := bw.Flush(); err != nil {
					f.Close()
					return fmt.Errorf("writing %s: %w", out, err)
				}
				return f.Close()
			}
			return enc(w, m)
		},
	}
	cmd.Flags().IntVar(&opts.Agencies, "agencies", 100, "number of agencies")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 1, "random seed")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (.json for JSON, otherwise YAML)")
	return cmd
}
