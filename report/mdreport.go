package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/words"
)

// MarkdownReport writes res as a review report in Markdown, for pasting into
// documents: a header, the summary counts, the findings table, the detail of
// each finding with its policy requirement and fix, the questions to the
// agency and the redundancy table.
func MarkdownReport(w io.Writer, res *analysis.Result) error {
	v := newReview(res)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	title := "Network design review"
	if n := v.AgencyNames(); n != "" {
		title += ": " + n
	}
	p("**%s**\n\n# %s\n\n", fouo, mdEscape(title))
	for _, a := range v.ListedAgencies() {
		p("- Agency: %s%s%s\n", mdEscape(a.Name), optional(" (ORI %s)", mdEscape(a.ORI)), optional(", %s", mdEscape(countyName(a.County))))
	}
	if more := v.MoreAgencies(); more != "" {
		p("- And %s\n", more)
	}
	if t := v.ProposalTitles(); t != "" {
		p("- Proposal: %s\n", mdEscape(t))
	}
	if len(v.Context) > 0 {
		p("- Reviewed with: %s (the state's network, as context)\n", mdEscape(strings.Join(v.Context, ", ")))
	}
	policy := v.Pack
	if v.Policy != "" {
		policy += " (CJIS Security Policy " + v.Policy + ")"
	}
	p("- Policy: %s\n", mdEscape(policy))
	p("- Review date: %s\n", v.Date)
	p("- Inputs: %s\n", mdEscape(words.List(v.Inputs, ", ", "file", "files")))

	p("\n## Summary\n\n")
	p("| Severity | Findings |\n| --- | ---: |\n")
	for _, sev := range analysis.Severities() {
		p("| %s | %d |\n", sev, countOf(v.Summary.Findings, sev))
	}
	p("| waived | %d |\n", v.Summary.Waived)
	if len(v.ByRule) > 0 {
		p("\n| Rule | critical | high | medium | low | info | waived |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
		for _, rc := range v.ByRule {
			c := rc.Counts
			p("| `%s` | %d | %d | %d | %d | %d | %d |\n", rc.Rule, c.Critical, c.High, c.Medium, c.Low, c.Info, rc.Waived)
		}
	}

	if len(v.RootCauses) > 0 {
		p("\n## Root causes\n\nThese findings share one cause each: one change fixes every finding under it.\n")
		for _, c := range v.RootCauses {
			p("\n### %s\n\n%s\n\n", mdEscape(c.Title), mdEscape(c.Text))
			for _, f := range c.Findings {
				p("- %s %s %s %s\n", f.ID, f.Severity, mdCode(f.Rule), mdCode(f.Subject))
			}
		}
	}

	p("\n## Findings\n\n")
	if len(v.Findings) == 0 {
		p("No findings.\n")
	} else {
		p("| # | Severity | Rule | Subject | Message | Waived |\n| --- | --- | --- | --- | --- | --- |\n")
		for _, f := range v.Findings {
			p("| %s | %s | `%s` | %s | %s | %s |\n", f.ID, f.Severity, f.Rule, mdEscape(f.Subject), mdCell(f.Message), yesNo(f.Waived))
		}
		p("\n## Details\n")
		for _, f := range v.Findings {
			p("\n### %s %s `%s` %s\n\n", f.ID, f.Severity, f.Rule, mdEscape(f.Subject))
			p("%s\n\n", mdEscape(f.Message))
			p("- At: %s\n", mdEscape(f.At))
			if len(f.Sites) > 0 {
				p("- Sites: %s\n", mdEscape(strings.Join(f.Sites, ", ")))
			}
			if len(f.Path) > 0 {
				p("- Path: %s\n", mdEscape(strings.Join(f.Path, " → ")))
			}
			for _, c := range f.Requirements {
				p("- Policy: %s\n", mdEscape(citationText(c)))
			}
			if f.Fix != "" {
				p("- Remedy: %s\n", mdEscape(f.Fix))
			}
			if f.Waived {
				p("- Waived: %s\n", mdEscape(f.WaiverText))
			}
		}
	}

	p("\n## Questions to the agency\n\n")
	writeMDQuestions(bw, v)

	p("\n## Redundancy to the state hubs\n\n")
	if len(v.Sites) == 0 {
		p("Not assessed: the model has no state hub.\n")
	} else {
		p("| Site | Name | Ways to a state hub | Redundancy |\n| --- | --- | ---: | --- |\n")
		for _, s := range v.Sites {
			p("| `%s` | %s | %d | %s |\n", s.Site, mdCell(s.Name), s.Paths, s.Status)
		}
	}
	p("\n**%s**\n", fouo)
	return bw.Flush()
}

// writeMDQuestions writes the questions to the agency as a numbered list, or
// "None.".
func writeMDQuestions(w io.Writer, v *review) {
	n := 0
	for _, q := range v.Questions {
		for _, text := range q.Questions {
			n++
			fmt.Fprintf(w, "%d. %s `%s`: %s\n", n, q.ID, q.Subject, mdEscape(text))
		}
	}
	if n == 0 {
		fmt.Fprintf(w, "None.\n")
	}
}

// citationText is a citation as one line: its reference, title and summary,
// where they are known.
func citationText(c analysis.Citation) string {
	s := c.Ref
	if c.Title != "" {
		s += ", " + c.Title
	}
	if c.Summary != "" {
		s += ": " + c.Summary
	}
	return s
}

// countyName is a county as an address prints it: "Riverbend County", and
// "Tri-County" or "Marin County" as written.
func countyName(c string) string {
	if c == "" || strings.HasSuffix(strings.ToLower(c), "county") {
		return c
	}
	return c + " County"
}

func optional(format, v string) string {
	if v == "" {
		return ""
	}
	return fmt.Sprintf(format, v)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
