package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/report"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/load"
)

// reviewFlags are the flags of every command that loads and analyses a
// proposal: the rule pack and the review date.
type reviewFlags struct {
	policy string
	rules  string
	date   string
}

func (f *reviewFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.policy, "policy", analysis.DefaultPackName, "built-in rule pack: cjis-6.0 or cjis-5.9")
	fl.StringVar(&f.rules, "rules", "", "load the rule pack from this YAML `FILE` instead of a built-in one")
	fl.StringVar(&f.date, "date", "", "review as of this day, `YYYY-MM-DD` (default today)")
	completeValues(cmd, "policy", analysis.BuiltinPackNames()...)
	completeFiles(cmd, "rules", "yaml", "yml")
	completeNothing(cmd, "date")
}

// config turns the flags into an analysis configuration.
func (f *reviewFlags) config() (analysis.Config, error) {
	var cfg analysis.Config
	var err error
	if f.rules != "" {
		cfg.Pack, err = analysis.ReadPackFile(f.rules)
	} else {
		cfg.Pack, err = analysis.BuiltinPack(f.policy)
	}
	if err != nil {
		return cfg, &exitError{code: exitInput, err: err}
	}
	if f.date != "" {
		cfg.Date, err = time.Parse("2006-01-02", f.date)
		if err != nil {
			return cfg, &exitError{code: exitInput, err: fmt.Errorf("--date %q: want YYYY-MM-DD", f.date)}
		}
	}
	return cfg, nil
}

// review loads the inputs as one model and analyses it. Input that cannot be
// read or is invalid ends the command with status 2, every error printed
// with its place; warnings go to stderr.
func (f *reviewFlags) review(cmd *cobra.Command, paths []string) (*analysis.Result, error) {
	cfg, err := f.config()
	if err != nil {
		return nil, err
	}
	prog := newProgress(cmd.ErrOrStderr(), paths)
	defer prog.clear()
	prog.show("reading %s...", strings.Join(paths, ", "))
	m, err := loadModel(cmd, paths, prog)
	if err != nil {
		return nil, err
	}
	cfg.Progress = func(step string, done, total int) {
		prog.show("analyzing %d devices and %d links: %s (step %d of %d)...", len(m.Devices), len(m.Links), step, done+1, total)
	}
	res, err := analysis.Run(m, cfg)
	prog.clear()
	if err != nil {
		return nil, &exitError{code: exitInput, err: err}
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning:", report.TerminalSafe(w))
	}
	return res, nil
}

// loadModel loads the inputs, printing warnings, and turns load errors into
// exit status 2 with every error on its own line. The progress line, if
// any, is cleared before anything is printed.
func loadModel(cmd *cobra.Command, paths []string, prog *progress) (*topology.Model, error) {
	m, warnings, err := load.Files(paths)
	if len(warnings) > 0 || err != nil {
		prog.clear()
	}
	for _, w := range warnings {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning:", report.TerminalSafe(w.Error()))
	}
	if err != nil {
		// One error a line, each line's text made safe for a terminal.
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintln(cmd.ErrOrStderr(), report.TerminalSafe(line))
		}
		if refersToState(err.Error()) {
			fmt.Fprintln(cmd.ErrOrStderr(), backboneHint(cmd.Name(), paths))
		}
		return nil, &exitError{code: exitInput}
	}
	return m, nil
}

// backboneHint tells the user who loaded an agency's file alone to load
// the state backbone with it, in the form the command takes.
func backboneHint(command string, paths []string) string {
	const why = "hint: an agency's proposal refers to the state's side of the network (its hubs, carriers and links): load the state backbone with it"
	if command == "diff" {
		return fmt.Sprintf("%s, joined by a comma: netreview diff backbone.yaml,before.yaml backbone.yaml,after.yaml (the samples' is samples/backbone.yaml)", why)
	}
	return fmt.Sprintf("%s: netreview %s backbone.yaml %s (the samples' is samples/backbone.yaml)", why, command, strings.Join(paths, " "))
}

// refersToState reports whether the errors include a reference to an
// undefined device, link or zone: what an agency file loaded without the
// state backbone has (its uplinks name the state's hubs, carriers and
// links). A missing site or host is the file's own mistake, and gets no
// hint.
func refersToState(errs string) bool {
	for _, line := range strings.Split(errs, "\n") {
		if !strings.Contains(line, undefinedRef) {
			continue
		}
		for _, kind := range []string{": device \"", ": link \"", ": zone \""} {
			if strings.Contains(line, kind) {
				return true
			}
		}
	}
	return false
}

// undefinedRef is how topology.Validate words a reference to an id that no
// loaded file defines: the mark of an agency file loaded without the state
// backbone.
const undefinedRef = "is not defined in any loaded file"
