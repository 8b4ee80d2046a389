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

// compareFindings matches before's and after's findings by (rule, subject).
func compareFindings(before, after []analysis.Finding) FindingChanges {
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
		Netreview: contractVersion,
		Before:    before.Model.Inputs(),
		After:     after.Model.Inputs(),
		Changes:   topology.Diff(before.Model, after.Model),
		Findings:  compareFindings(before.Findings, after.Findings),
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
		eachID(e, func(kind, id string) { fmt.Fprintf(bw, "  %s %s %s\n", verb, kind, id) })
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

// DiffMarkdown writes d as Markdown, for a review memo: the inputs of each
// side, a table of the element changes, and a table per group of findings
// (introduced, resolved, unchanged).
func DiffMarkdown(w io.Writer, d DiffOutput) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("# What the proposal changes\n\n")
	p("- **Before:** %s\n- **After:** %s\n\n", mdCell(strings.Join(d.Before, ", ")), mdCell(strings.Join(d.After, ", ")))
	p("## Changes\n\n")
	if d.Changes.Empty() {
		p("None.\n")
	} else {
		p("| change | kind | id | field | before | after |\n| --- | --- | --- | --- | --- | --- |\n")
		ids := func(verb string, e topology.ElementIDs) {
			eachID(e, func(kind, id string) { p("| %s | %s | %s | | | |\n", verb, kind, mdCell(id)) })
		}
		ids("added", d.Changes.Added)
		ids("removed", d.Changes.Removed)
		for _, c := range d.Changes.Changed {
			p("| changed | %s | %s | %s | %s | %s |\n", c.Kind, mdCell(c.ID), mdCell(c.Field), mdCell(c.Before), mdCell(c.After))
		}
	}
	for _, l := range []struct {
		title string
		fs    []analysis.Finding
	}{{"Introduced", d.Findings.Introduced}, {"Resolved", d.Findings.Resolved}, {"Unchanged", d.Findings.Unchanged}} {
		p("\n## %s findings: %d\n\n", l.title, len(l.fs))
		if len(l.fs) == 0 {
			p("None.\n")
			continue
		}
		p("| severity | rule | subject | message | at | waived |\n| --- | --- | --- | --- | --- | --- |\n")
		for _, f := range l.fs {
			waived := "no"
			if f.Waived {
				waived = mdCell(waiverReason(f))
			}
			p("| %s | `%s` | %s | %s | %s | %s |\n", f.Severity, f.Rule, mdCell(f.Subject), mdCell(f.Message), mdCell(f.At), waived)
		}
	}
	return bw.Flush()
}

// eachID calls f with the kind and id of every element in e: sites,
// devices, links, then tunnels.
func eachID(e topology.ElementIDs, f func(kind, id string)) {
	for _, g := range []struct {
		kind string
		ids  []string
	}{{"site", e.Sites}, {"device", e.Devices}, {"link", e.Links}, {"tunnel", e.Tunnels}} {
		for _, id := range g.ids {
			f(g.kind, id)
		}
	}
}
