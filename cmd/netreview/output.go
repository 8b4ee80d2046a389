package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/internal/outfile"
)

// checkOutput refuses an output path that is one of the run's inputs,
// before any work is done; dir is true for a folder output (CSV files).
func checkOutput(out string, inputs []string, dir bool) error {
	in := outfile.NewInputs(inputs)
	check := in.Check
	if dir {
		check = in.CheckDir
	}
	if err := check(out); err != nil {
		return &exitError{code: exitInput, err: err}
	}
	return nil
}

// writeOutput writes path with write: to stdout when path is "-", else
// through outfile (a temporary file renamed into place, mode 0644, never
// through a link). A failure ends the command with status 2.
func writeOutput(cmd *cobra.Command, path string, write func(io.Writer) error) error {
	if path == "-" {
		return write(cmd.OutOrStdout())
	}
	if err := outfile.Write(path, write); err != nil {
		return &exitError{code: exitInput, err: err}
	}
	return nil
}

// writeFileAtomic writes path through outfile, as writeOutput does, for
// commands that write several files or handle the error themselves.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	return outfile.Write(path, write)
}
