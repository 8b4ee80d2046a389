package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/netreview/netreview/analysis"
)

// packInfo names a rule pack in the output of `netreview rules`.
type packInfo struct {
	Name    string `json:"name"`
	Title   string `json:"title,omitempty"`
	Policy  string `json:"policy"`
	Extends string `json:"extends,omitempty"`
}

// citationInfo is one policy reference of a rule, as a pack gives it.
type citationInfo struct {
	Ref     string `json:"ref"`
	Title   string `json:"title,omitempty"`
	Summary string `json:"summary,omitempty"`
}

// ruleInfo is one rule as the pack in force sets it up.
type ruleInfo struct {
	ID       string            `json:"id"`
	Severity analysis.Severity `json:"severity"`
	// Enabled is false for a rule the pack disables or does not list.
	Enabled   bool           `json:"enabled"`
	Summary   string         `json:"summary"`
	Doc       string         `json:"doc,omitempty"`
	Fix       string         `json:"fix,omitempty"`
	Example   string         `json:"example,omitempty"`
	Citations []citationInfo `json:"citations"`
}

// rulesOutput is the JSON object `netreview rules --format json` prints.
type rulesOutput struct {
	Netreview int        `json:"netreview"`
	Pack      packInfo   `json:"pack"`
	Rules     []ruleInfo `json:"rules"`
}

// ruleOutput is the JSON object `netreview rules RULE --format json` prints.
type ruleOutput struct {
	Netreview int      `json:"netreview"`
	Pack      packInfo `json:"pack"`
	Rule      ruleInfo `json:"rule"`
}

// newPackInfo names p.
func newPackInfo(p *analysis.Pack) packInfo {
	return packInfo{Name: p.Name, Title: p.Title, Policy: p.Policy, Extends: p.Extends}
}

// newRuleInfo describes rule r as pack p sets it up. A rule p does not list
// is disabled, with its default severity and no citations.
func newRuleInfo(p *analysis.Pack, r *analysis.Rule) ruleInfo {
	info := ruleInfo{ID: r.ID, Severity: r.Severity, Summary: r.Summary, Doc: r.Doc, Fix: r.Fix, Example: r.Example, Citations: []citationInfo{}}
	if rc, ok := p.Rules[r.ID]; ok {
		info.Enabled = rc.Enabled
		info.Severity = rc.Severity
		for _, c := range rc.Citations {
			info.Citations = append(info.Citations, citationInfo(c))
		}
	}
	return info
}

// newRulesOutput describes every rule netreview knows, in the contract's
// order, as pack p sets it up.
func newRulesOutput(p *analysis.Pack) rulesOutput {
	out := rulesOutput{Netreview: contractVersion, Pack: newPackInfo(p)}
	for _, r := range analysis.Rules() {
		out.Rules = append(out.Rules, newRuleInfo(p, r))
	}
	return out
}

// RulesJSON writes the rules of pack p as one JSON object.
func RulesJSON(w io.Writer, p *analysis.Pack) error {
	return writeRulesJSON(w, newRulesOutput(p))
}

// RuleJSON writes rule r, as pack p sets it up, as one JSON object.
func RuleJSON(w io.Writer, p *analysis.Pack, r *analysis.Rule) error {
	return writeRulesJSON(w, ruleOutput{Netreview: contractVersion, Pack: newPackInfo(p), Rule: newRuleInfo(p, r)})
}

func writeRulesJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// rulesPackLine describes a pack in a line.
func rulesPackLine(p packInfo) string {
	s := p.Name
	if p.Title != "" {
		s += ": " + p.Title
	}
	s += "; policy v" + p.Policy
	if p.Extends != "" {
		s += ", extends " + p.Extends
	}
	return s
}

func rulesOnOff(enabled bool) string {
	if enabled {
		return "on"
	}
	return "off"
}

// RulesText writes the rules of pack p for a terminal: one block per rule
// with its id, severity, whether it runs, its summary and its citations.
func RulesText(w io.Writer, p *analysis.Pack) error {
	out := newRulesOutput(p)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Rule pack %s\n", rulesPackLine(out.Pack))
	width, on := 0, 0
	for _, r := range out.Rules {
		width = max(width, len(r.ID))
		if r.Enabled {
			on++
		}
	}
	fmt.Fprintf(bw, "%d rules, %d on. 'netreview rules RULE' explains one.\n", len(out.Rules), on)
	for _, r := range out.Rules {
		fmt.Fprintf(bw, "\n  %-*s  %-8s  %s\n", width, r.ID, r.Severity, rulesOnOff(r.Enabled))
		fmt.Fprintf(bw, "    %s\n", r.Summary)
		if len(r.Citations) > 0 {
			fmt.Fprintf(bw, "    cites: %s\n", strings.Join(rulesCitationRefs(r.Citations), "; "))
		}
	}
	return bw.Flush()
}

func rulesCitationRefs(cs []citationInfo) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Ref
	}
	return out
}

// RuleText explains rule r, as pack p sets it up, for a terminal: what it
// checks and why, the policy it cites, how to fix a finding, and an example.
func RuleText(w io.Writer, p *analysis.Pack, r *analysis.Rule) error {
	info := newRuleInfo(p, r)
	pack := newPackInfo(p)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s  %s  %s\n", info.ID, info.Severity, rulesOnOff(info.Enabled))
	fmt.Fprintf(bw, "Pack %s\n", rulesPackLine(pack))
	if !info.Enabled {
		fmt.Fprintf(bw, "\nThis rule is disabled in pack %s: it does not run.\n", pack.Name)
	}
	fmt.Fprintf(bw, "\n%s\n", rulesWrap(info.Summary, "", 78))
	section := func(title, body string) {
		if body == "" {
			return
		}
		fmt.Fprintf(bw, "\n%s\n%s\n", title, rulesWrap(body, "  ", 78))
	}
	section("What it checks, and why", info.Doc)
	if len(info.Citations) > 0 {
		fmt.Fprintf(bw, "\nPolicy\n")
		for _, c := range info.Citations {
			line := c.Ref
			if c.Title != "" {
				line += ": " + c.Title
			}
			fmt.Fprintf(bw, "%s\n", rulesWrap(line, "  ", 78))
			if c.Summary != "" {
				fmt.Fprintf(bw, "%s\n", rulesWrap(c.Summary, "    ", 78))
			}
		}
	} else {
		fmt.Fprintf(bw, "\nPolicy\n  The pack cites no policy for this rule.\n")
	}
	section("How to fix it", info.Fix)
	if info.Example != "" {
		fmt.Fprintf(bw, "\nExample\n")
		for _, line := range strings.Split(strings.TrimRight(info.Example, "\n"), "\n") {
			fmt.Fprintf(bw, "%s\n", strings.TrimRight("  "+line, " "))
		}
	}
	return bw.Flush()
}

// rulesWrap fills each paragraph of s (paragraphs are separated by blank
// lines) to width columns, each line starting with indent.
func rulesWrap(s, indent string, width int) string {
	var b strings.Builder
	for i, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if i > 0 {
			b.WriteString("\n\n")
		}
		col := 0
		for j, word := range strings.Fields(para) {
			switch {
			case j == 0:
				b.WriteString(indent)
				col = len(indent)
			case col+1+len(word) > width:
				b.WriteString("\n" + indent)
				col = len(indent)
			default:
				b.WriteByte(' ')
				col++
			}
			b.WriteString(word)
			col += len(word)
		}
	}
	return b.String()
}

// RulesMarkdown writes the rules of pack p as a Markdown table.
func RulesMarkdown(w io.Writer, p *analysis.Pack) error {
	out := newRulesOutput(p)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Rules of pack %s\n\n", mdEscape(out.Pack.Name))
	fmt.Fprintf(bw, "%s\n\n", mdEscape(rulesPackLine(out.Pack)))
	fmt.Fprintf(bw, "| Rule | Severity | Runs | What fires it | Cites |\n")
	fmt.Fprintf(bw, "| --- | --- | --- | --- | --- |\n")
	for _, r := range out.Rules {
		fmt.Fprintf(bw, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.Severity, rulesYesNo(r.Enabled),
			mdEscape(r.Summary), mdEscape(strings.Join(rulesCitationRefs(r.Citations), "; ")))
	}
	return bw.Flush()
}

func rulesYesNo(enabled bool) string {
	if enabled {
		return "yes"
	}
	return "no"
}

// RuleMarkdown explains rule r, as pack p sets it up, in Markdown.
func RuleMarkdown(w io.Writer, p *analysis.Pack, r *analysis.Rule) error {
	info := newRuleInfo(p, r)
	pack := newPackInfo(p)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# `%s`\n\n", info.ID)
	fmt.Fprintf(bw, "- Severity: %s\n- Runs: %s\n- Pack: %s\n", info.Severity, rulesYesNo(info.Enabled), mdEscape(rulesPackLine(pack)))
	if !info.Enabled {
		fmt.Fprintf(bw, "\n**This rule is disabled in pack %s: it does not run.**\n", mdEscape(pack.Name))
	}
	fmt.Fprintf(bw, "\n%s\n", mdEscape(info.Summary))
	if info.Doc != "" {
		fmt.Fprintf(bw, "\n## What it checks, and why\n\n%s\n", mdParagraphs(info.Doc))
	}
	fmt.Fprintf(bw, "\n## Policy\n\n")
	if len(info.Citations) == 0 {
		fmt.Fprintf(bw, "The pack cites no policy for this rule.\n")
	}
	for _, c := range info.Citations {
		line := "- **" + mdEscape(c.Ref) + "**"
		if c.Title != "" {
			line += ", " + mdEscape(c.Title)
		}
		if c.Summary != "" {
			line += ": " + mdEscape(c.Summary)
		}
		fmt.Fprintf(bw, "%s\n", line)
	}
	if info.Fix != "" {
		fmt.Fprintf(bw, "\n## How to fix it\n\n%s\n", mdEscape(info.Fix))
	}
	if info.Example != "" {
		fmt.Fprintf(bw, "\n## Example\n\n```yaml\n%s\n```\n", strings.TrimRight(info.Example, "\n"))
	}
	return bw.Flush()
}
