package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/generate"
)

// progressMin is the number of agencies from which generate reports its
// progress on a terminal.
const progressMin = 1000

func newGenerateCmd() *cobra.Command {
	var opts generate.Options
	var out string
	var indent bool
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Generate a synthetic statewide model for scale tests",
		Long: `Generate writes a synthetic statewide network model: a redundant state
backbone, county aggregation and the given number of agencies, each with a
headquarters, substations and mobile fleets, about 8% of them with a typical
flaw (a cleartext circuit, a weak cipher, an open access point, a missing
firewall, ...). The same seed always gives the same bytes.

The output is YAML, or JSON when the -o file name ends in .json; without -o,
YAML goes to standard output. JSON is written compact, on one line, unless
--indent is given. With 1,000 agencies or more, progress is shown on
standard error when it is a terminal.

3,700 agencies give about 30,000 devices, 38,000 links, 4,100 tunnels and
12,400 sites, 10 MB of compact JSON: the size docs/performance.md measures.`,
		Example: `  netreview generate --agencies 3700 --seed 1 -o state.json
  netreview generate --agencies 37000 --seed 1 -o state10x.json
  netreview generate --agencies 10 > small.yaml
  netreview generate --agencies 10 --indent -o small.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Agencies < 1 {
				return &exitError{code: exitInput, err: fmt.Errorf("--agencies must be at least 1, got %d", opts.Agencies)}
			}
			stderr := cmd.ErrOrStderr()
			if opts.Agencies >= progressMin && isTerminal(stderr) {
				opts.Progress = func(done, total int) {
					fmt.Fprintf(stderr, "\rgenerating %d agencies... %d%%", total, done*100/total)
					if done == total {
						fmt.Fprintln(stderr)
					}
				}
			}
			m := generate.Statewide(opts)
			enc := topology.EncodeYAML
			if out == "" {
				return enc(cmd.OutOrStdout(), m)
			}
			if strings.EqualFold(filepath.Ext(out), ".json") {
				enc = topology.EncodeJSONCompact
				if indent {
					enc = topology.EncodeJSON
				}
			}
			return writeFile(out, func(w io.Writer) error { return enc(w, m) })
		},
	}
	cmd.Flags().IntVar(&opts.Agencies, "agencies", 100, "number of agencies")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 1, "random seed")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (.json for JSON, otherwise YAML)")
	cmd.Flags().BoolVar(&indent, "indent", false, "indent JSON output (two spaces) instead of writing it compact")
	return cmd
}

// writeFile creates path and writes it through a buffer with write.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return &exitError{code: exitInput, err: err}
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
