package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/topology/sheet"
)

func newTemplateCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "template -o FILE.xlsx",
		Short: "Write the blank proposal workbook an agency fills in",
		Long: `template writes a blank .xlsx workbook for a proposal: an Instructions
sheet that explains every column with an example, the two-column Agency
sheet, and one empty sheet per list (Sites, Zones, Devices, Links, Tunnels,
Waivers) with its headers, the header row frozen and a drop-down on every
enumerated column. Filled in with Excel or LibreOffice Calc, it loads with
'netreview check'. The columns are described in docs/workbook.md.`,
		Example: `  netreview template -o proposal.xlsx
  netreview check proposal.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return &exitError{code: exitInput, err: fmt.Errorf("template: -o FILE.xlsx is required")}
			}
			if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
				return &exitError{code: exitInput, err: fmt.Errorf("template -o %s: the template is an Excel workbook: give a name that ends in .xlsx (a proposal in YAML, JSON or CSV is written by 'netreview convert')", out)}
			}
			if err := sheet.WriteTemplate(out); err != nil {
				return &exitError{code: exitInput, err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the workbook to this `FILE.xlsx`")
	completeFiles(cmd, "output", "xlsx")
	return cmd
}
