package main

import (
	"io"

	"github.com/spf13/cobra"
)

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "netreview",
		Short: "Review law-enforcement network designs against the CJIS Security Policy",
		Long: `netreview reviews a law-enforcement agency's network design proposal
against the FBI CJIS Security Policy and state policy.

It reads the proposal (YAML, JSON, an .xlsx workbook, a folder of CSV
files, or a draw.io or Visio drawing), builds a graph of its sites, devices, links and tunnels, and checks:

  - that criminal justice information (CJI) never leaves a physically secure
    location without FIPS-validated encryption of at least 128 bits;
  - that no non-criminal-justice network reaches CJI without crossing a
    firewall or ACL;
  - that no single device, link or shared risk cuts a site off the state hub;
  - the audit checklist: advanced authentication, wireless, passwords,
    monitoring, patching and cloud agreements.

Start with 'netreview check samples/*.yaml'.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(
		newCheckCmd(),
		newVersionCmd(),
		newTemplateCmd(),
		newConvertCmd(),
		newDiffCmd(),
		newGenerateCmd(),
		newRenderCmd(),
		newReportCmd(),
		newRulesCmd(),
		newRecordsCmd(),
	)
	return root
}
