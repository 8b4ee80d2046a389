package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/internal/buildinfo"
)

// version, when set at link time (-ldflags "-X main.version=v1.2.3", as
// 'make dist' does from git describe), wins over the version the Go
// toolchain records in the binary.
var version string

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print netreview's version",
		Long: `version prints the version of this build of netreview and the proposal
format and findings contract it implements; a second line names the commit
it was built from, its date and the Go toolchain, as far as the build
recorded them. Quote both lines when you report a problem.`,
		Example: "  netreview version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			in := buildinfo.Read(version)
			w := cmd.OutOrStdout()
			if _, err := fmt.Fprintf(w, "netreview %s (proposal format 1, findings contract 1)\n", in.Version); err != nil {
				return err
			}
			if d := in.Details(); d != "" {
				_, err := fmt.Fprintln(w, d)
				return err
			}
			return nil
		},
	}
}
