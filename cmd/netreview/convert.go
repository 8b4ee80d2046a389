package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/report"
	"github.com/netreview/netreview/topology/load"
)

func newConvertCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "convert IN... -o OUT",
		Short: "Convert a proposal between YAML, JSON, a workbook and a CSV folder",
		Long: `convert loads the inputs as one model (each a .yaml, .yml or .json file,
an .xlsx workbook, a folder of CSV files, or a draw.io or Visio drawing)
and writes it to OUT in the
format its name chooses: .yaml or .yml, .json, .xlsx, or a folder of CSV
files for a name without an extension, one ending in /, or an existing
folder. Nothing is lost: loading OUT gives the same model.

Several inputs (or a YAML file of several documents) keep their documents:
a .yaml output holds a document each (separated by ---), with its agency
header and its elements. JSON, a workbook and a CSV folder hold one header:
inputs with different agency or proposal headers are an error there (status
2), and inputs that share one are written as one document. convert checks the
syntax and the cells of its inputs (an unreadable file or a key length
that is not a number ends with status 2 and every error with its place)
but not the references between them, so one agency's file converts alone;
'netreview check' validates the whole model.`,
		Example: `  netreview convert samples/riverbend-pd.yaml -o riverbend.xlsx
  netreview convert riverbend.xlsx -o riverbend.yaml
  netreview convert riverbend.xlsx -o riverbend-csv/
  netreview convert backbone.yaml agency-*.yaml -o statewide.yaml

  # An agency's drawing as the workbook, for the agency to complete
  netreview convert network.drawio -o network.xlsx`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return &exitError{code: exitInput, err: fmt.Errorf("convert: -o OUT is required")}
			}
			form, err := load.FormatOf(out)
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			if err := checkOutput(out, args, form == load.CSV); err != nil {
				return err
			}
			m, warnings, err := load.Read(args)
			for _, w := range warnings {
				fmt.Fprintln(cmd.ErrOrStderr(), "warning:", report.TerminalSafe(w.Error()))
			}
			if err != nil {
				return &exitError{code: exitInput, err: err}
			}
			if err := load.Write(m, out); err != nil {
				return &exitError{code: exitInput, err: err}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the model to `OUT` (.yaml, .yml, .json, .xlsx or a folder)")
	completeInputs(cmd)
	completeFiles(cmd, "output", inputExts...)
	return cmd
}
