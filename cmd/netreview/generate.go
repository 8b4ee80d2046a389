package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/internal/generate"
	"github.com/netreview/netreview/internal/outfile"
	"github.com/netreview/netreview/topology"
)

// progressMin is the number of agencies from which generate reports its
// progress on a terminal.
const progressMin = 1000

func newGenerateCmd() *cobra.Command {
	var opts generate.Options
	var out, format, profile string
	var indent, split bool
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Generate a synthetic statewide model for scale tests",
		Long: `Generate writes a synthetic statewide network model: a redundant state
backbone, county aggregation and the given number of agencies, each with a
headquarters, substations and mobile fleets, about 8% of them with a typical
flaw (a cleartext circuit, a weak cipher, an open access point, a missing
firewall, ...). The same seed always gives the same bytes.

--profile says how far the other agencies fall short of best practice. The
default, realistic, is a real state: most small agencies have one router
and one circuit, so most headquarters are single-homed, most substations
hang on one router, endpoints on one switch, and many questions are left
open (about eight findings an agency). clean builds every agency to best
practice but for the 8%. heavy is a state fuller of findings, the one the
benchmarks measure (about eleven an agency: 42,000 for 3,700 agencies),
with three in five MPLS circuits in cleartext. A profile name may be
followed by rates from 0 to 1 that override it: single-homed,
single-switch, substation-router, unanswered, cleartext (for example
'clean,single-homed=0.3').

The output is YAML, or JSON when the -o file name ends in .json or --format
is json; without -o it goes to standard output. YAML holds a document per
agency (separated by ---), after the state's, so that the statewide views
and the findings' agencies know each agency; JSON holds one document, the
whole state under the state's header (for the agencies and counties views,
write YAML or use --split). JSON is written compact, on one line, unless
--indent is given. With 1,000 agencies or more, progress is
shown on standard error when it is a terminal.

With --split, -o names a folder, and the model is written as a state would
hold it: the backbone and the counties in state.yaml, and each agency in a
file of its own named after its ORI (EX0000000.yaml, ...), each with its own
agency header. Review them together ('netreview check state/*.yaml'); the
agencies view of render then draws one node per agency.

3,700 agencies give 12,400 sites and 10-11 MB of compact JSON: with the
clean profile 30,000 devices, 38,000 links and 4,100 tunnels, with
realistic or heavy 37,000 devices, 41,500 links and 2,700-3,000 tunnels:
the sizes docs/performance.md measures.`,
		Example: `  netreview generate --agencies 3700 --seed 1 -o state.json
  netreview generate --agencies 37000 --seed 1 -o state10x.json
  netreview generate --agencies 10 > small.yaml
  netreview generate --agencies 10 --indent -o small.json
  netreview generate --agencies 3700 --split --format json -o state/
  netreview generate --agencies 3700 --profile clean -o clean.json
  netreview generate --agencies 3700 --profile heavy -o heavy.json
  netreview generate --agencies 500 --profile realistic,unanswered=0 -o state.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Agencies < 1 {
				return &exitError{code: exitInput, err: fmt.Errorf("--agencies must be at least 1, got %d", opts.Agencies)}
			}
			p, err := generate.ParseProfile(profile)
			if err != nil {
				return &exitError{code: exitInput, err: fmt.Errorf("--profile: %w", err)}
			}
			opts.Profile = p
			stderr := cmd.ErrOrStderr()
			if opts.Agencies >= progressMin && isTerminal(stderr) {
				opts.Progress = func(done, total int) {
					fmt.Fprintf(stderr, "\rgenerating %d agencies... %d%%", total, done*100/total)
					if done == total {
						fmt.Fprintln(stderr)
					}
				}
			}
			switch format {
			case "", "yaml", "json":
			default:
				return &exitError{code: exitInput, err: fmt.Errorf("--format %q: want yaml or json", format)}
			}
			if !split {
				switch ext := strings.ToLower(filepath.Ext(out)); {
				case format == "" && ext == ".json":
					format = "json"
				case format == "json" && (ext == ".yaml" || ext == ".yml"), format == "yaml" && ext == ".json":
					return &exitError{code: exitInput, err: fmt.Errorf("--format %s does not fit -o %s", format, out)}
				}
			}
			if split && out == "" {
				return &exitError{code: exitInput, err: fmt.Errorf("--split needs -o FOLDER")}
			}
			enc, ext := topology.EncodeYAML, ".yaml"
			if format == "json" {
				enc, ext = topology.EncodeJSONCompact, ".json"
				if indent {
					enc = topology.EncodeJSON
				}
			}
			m := generate.Statewide(opts)
			if format != "json" && !split {
				// One file, a document per agency, as a state would hold
				// it: the statewide views group the agencies by document.
				enc = topology.EncodeYAMLDocuments
			}
			if out == "" {
				return enc(cmd.OutOrStdout(), m)
			}
			if !split {
				return writeOutput(cmd, out, func(w io.Writer) error { return enc(w, m) })
			}
			if err := outfile.MkdirAll(out); err != nil {
				return &exitError{code: exitInput, err: err}
			}
			for i, part := range topology.SplitByDocument(m) {
				name := "state"
				if i > 0 {
					name = part.Docs[0].Agency.ORI
				}
				if err := writeOutput(cmd, filepath.Join(out, name+ext), func(w io.Writer) error { return enc(w, part) }); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&opts.Agencies, "agencies", 100, "number of agencies")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 1, "random seed")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (.json for JSON, otherwise YAML), or with --split a folder")
	cmd.Flags().StringVar(&format, "format", "", "output `format`, yaml or json (default from -o's extension, else yaml)")
	cmd.Flags().BoolVar(&split, "split", false, "write one file per agency, and state.yaml for the backbone, into the folder -o")
	cmd.Flags().BoolVar(&indent, "indent", false, "indent JSON output (two spaces) instead of writing it compact")
	cmd.Flags().StringVar(&profile, "profile", "realistic", "how far agencies fall short of best practice: `realistic`, clean or heavy, then rates to override (single-homed=0.5,...)")
	completeValues(cmd, "profile", generate.ProfileNames()...)
	completeFiles(cmd, "output", "yaml", "json")
	completeValues(cmd, "format", "yaml", "json")
	completeNothing(cmd, "agencies", "seed")
	return cmd
}
