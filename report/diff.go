package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
)

// FindingChanges sorts the findings of two reviews into introduced (only
// after), resolved (only before, as they were before) and unchanged (in
// both, as they are after), matched by (rule, subject). Each list keeps its
// review's order.
type FindingChanges struct {
	Introduced []analysis.Finding `json:"introduced"`
	Resolved   []analysis.Finding `json:"resolved"`
	Unchanged  []analysis.Finding `json:"unchanged"`
}

// DiffOutput is the JSON object `netreview diff --format json` prints.
type DiffOutput struct {
	Netreview int              `json:"netreview"`
	Before    []string         `json:"before"`
	After     []string         `json:"after"`
	Changes   topology.Changes `json:"changes"`
	Findings  FindingChanges   `json:"findings"`
}

type findingKey struct{ rule, subject string }

// CompareFindings matches before's and after's findings by (rule, subject).
func CompareFindings(before, after []analysis.Finding) FindingChanges {
	inBefore := map[findingKey]bool{}
	for _, f := range before {
		inBefore[findingKey{f.Rule, f.Subject}] = true
	}
	inAfter := map[findingKey]bool{}
	c := FindingChanges{Introduced: []analysis.Finding{}, Resolved: []analysis.Finding{}, Unchanged: []analysis.Finding{}}
	for _, f := range after {
		k := findingKey{f.Rule, f.Subject}
		inAfter[k] = true
		if inBefore[k] {
			c.Unchanged = append(c.Unchanged, f)
		} else {
			c.Introduced = append(c.Introduced, f)
		}
	}
	for _, f := range before {
		if !inAfter[findingKey{f.Rule, f.Subject}] {
			c.Resolved = append(c.Resolved, f)
		}
	}
	return c
}

// NewDiffOutput compares two reviews of a proposal.
func NewDiffOutput(before, after *analysis.Result) DiffOutput {
	return DiffOutput{
		Netreview: ContractVersion,
		Before:    before.Model.Inputs(),
		After:     after.Model.Inputs(),
		Changes:   topology.Diff(before.Model, after.Model),
		Findings:  CompareFindings(before.Findings, after.Findings),
	}
}

// DiffJSON writes d indented, with a final newline.
func DiffJSON(w io.Writer, d DiffOutput) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// DiffText writes d for a terminal: the element changes, then each list of
// findings.
func DiffText(w io.Writer, d DiffOutput) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Before: %s\nAfter:  %s\n", strings.Join(d.Before, ", "), strings.Join(d.After, ", "))
	ids := func(verb string, e topology.ElementIDs) {
		for _, g := range []struct {
			kind string
			ids  []string
		}{{"site", e.Sites}, {"device", e.Devices}, {"link", e.Links}, {"tunnel", e.Tunnels}} {
			for _, id := range g.ids {
				fmt.Fprintf(bw, "  %s %s %s\n", verb, g.kind, id)
			}
		}
	}
	fmt.Fprintf(bw, "\nChanges:\n")
	if d.Changes.Empty() {
		fmt.Fprintf(bw, "  none\n")
	}
	ids("+", d.Changes.Added)
	ids("-", d.Changes.Removed)
	for _, c := range d.Changes.Changed {
		fmt.Fprintf(bw, "  ~ %s %s %s: %q -> %q\n", c.Kind, c.ID, c.Field, c.Before, c.After)
	}
	for _, l := range []struct {
		title string
		fs    []analysis.Finding
	}{{"Introduced", d.Findings.Introduced}, {"Resolved", d.Findings.Resolved}, {"Unchanged", d.Findings.Unchanged}} {
		fmt.Fprintf(bw, "\n%s findings: %d\n", l.title, len(l.fs))
		for _, f := range l.fs {
			fmt.Fprintf(bw, "  %-8s %s  %s: %s\n", f.Severity, f.Rule, f.Subject, f.Message)
			fmt.Fprintf(bw, "           at: %s\n", f.At)
			if f.Waived {
				fmt.Fprintf(bw, "           waived: %s\n", waiverReason(f))
			}
		}
	}
	return bw.Flush()
}
