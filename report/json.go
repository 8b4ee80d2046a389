// Package report presents findings: as text for a terminal, JSON for other
// tools, Markdown for documents, and the review reports (HTML, workbook,
// the notice to the agency).
package report

import (
	"github.com/netreview/netreview/analysis"
)

// fouo is the marking every document netreview writes carries on every
// page (CJIS Security Policy 5.7.1.2 asks it of the network diagram; a
// review of the diagram is as sensitive): the Markdown forms at their top
// and bottom, the HTML forms in their print header and footer, the
// workbook in every sheet's page header and footer.
const fouo = "FOR OFFICIAL USE ONLY"

// contractVersion is the version of the findings contract the JSON follows.
const contractVersion = 1

// Summary counts the model's elements and its findings. Findings counts only
// unwaived findings, by severity; Waived counts the waived ones.
type Summary struct {
	Sites    int            `json:"sites"`
	Devices  int            `json:"devices"`
	Links    int            `json:"links"`
	Tunnels  int            `json:"tunnels"`
	Findings SeverityCounts `json:"findings"`
	Waived   int            `json:"waived"`
}

// SeverityCounts counts findings by severity, in the contract's key order.
type SeverityCounts struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
	Info     int `json:"info"`
}

// add counts one finding of severity s.
func (c *SeverityCounts) add(s analysis.Severity) {
	switch s {
	case analysis.Critical:
		c.Critical++
	case analysis.High:
		c.High++
	case analysis.Medium:
		c.Medium++
	case analysis.Low:
		c.Low++
	default:
		c.Info++
	}
}

// Summarize counts res's elements and findings.
func Summarize(res *analysis.Result) Summary {
	m := res.Model
	s := Summary{Sites: len(m.Sites), Devices: len(m.Devices), Links: len(m.Links), Tunnels: len(m.Tunnels)}
	for i := range res.Findings {
		if f := &res.Findings[i]; f.Waived {
			s.Waived++
		} else {
			s.Findings.add(f.Severity)
		}
	}
	return s
}

// checkOutput is the JSON object `netreview check --format json` prints.
type checkOutput struct {
	Netreview int                `json:"netreview"`
	Inputs    []string           `json:"inputs"`
	Summary   Summary            `json:"summary"`
	Findings  []analysis.Finding `json:"findings"`
}

// newCheckOutput builds the JSON form of res.
func newCheckOutput(res *analysis.Result) checkOutput {
	fs := res.Findings
	if fs == nil {
		fs = []analysis.Finding{}
	}
	return checkOutput{Netreview: contractVersion, Inputs: res.Model.Inputs(), Summary: Summarize(res), Findings: fs}
}

// Fails reports whether an unwaived finding is at or above threshold.
func Fails(fs []analysis.Finding, threshold analysis.Severity) bool {
	for i := range fs {
		if f := &fs[i]; !f.Waived && f.Severity >= threshold {
			return true
		}
	}
	return false
}
