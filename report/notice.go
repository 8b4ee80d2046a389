package report

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
)

// NoticeOptions controls the notice of non-compliance.
type NoticeOptions struct {
	// Due is the date by which the agency must send its implementation
	// plan. Required, and after the review date.
	Due time.Time
}

// noticeItem is one non-compliant item of the notice: a rule, with the
// findings of it that must be corrected.
type noticeItem struct {
	N            int
	Rule         string
	Summary      string
	Section      string // the first citation's reference
	Requirements []analysis.Citation
	Fix          string
	Findings     []findingView
}

// notice is what the notice renders.
type notice struct {
	*review
	LetterDate string
	Due        string
	Subject    string
	Items      []noticeItem
}

// NoticeThreshold is the least severity of a finding the notice lists as
// non-compliant.
const NoticeThreshold = analysis.Low

func newNotice(res *analysis.Result, opt NoticeOptions) (*notice, error) {
	if opt.Due.IsZero() {
		return nil, fmt.Errorf("notice: no due date for the implementation plan")
	}
	if !opt.Due.After(res.Date) {
		return nil, fmt.Errorf("notice: the plan's due date %s is not after the review date %s",
			opt.Due.Format("2006-01-02"), res.Date.Format("2006-01-02"))
	}
	v := newReview(res)
	n := &notice{review: v, LetterDate: longDate(res.Date), Due: longDate(opt.Due)}
	byRule := map[string]int{}
	for _, f := range v.Findings {
		if f.Waived || f.Severity < NoticeThreshold || f.Rule == unansweredRule {
			continue
		}
		i, ok := byRule[f.Rule]
		if !ok {
			it := noticeItem{Rule: f.Rule, Requirements: f.Requirements, Fix: f.Fix}
			if r := analysis.Lookup(f.Rule); r != nil {
				it.Summary = r.Summary
			}
			if len(f.Requirements) > 0 {
				it.Section = f.Requirements[0].Ref
			}
			i = len(n.Items)
			byRule[f.Rule] = i
			n.Items = append(n.Items, it)
		}
		n.Items[i].Findings = append(n.Items[i].Findings, f)
	}
	for i := range n.Items {
		n.Items[i].N = i + 1
	}
	n.addressees(res)
	n.Subject = "Notice of non-compliance with the CJIS Security Policy"
	if t := n.ProposalTitles(); t != "" {
		n.Subject += ": " + t
	}
	return n, nil
}

// addressees narrows the notice's agencies and proposals to the documents
// that what the notice lists (a non-compliant item or a question) concerns,
// so
// that a backbone loaded beside an agency's proposal does not make the
// state an addressee. When no listed finding can be placed in a document,
// every document's agency stays.
func (n *notice) addressees(res *analysis.Result) {
	docs := map[*topology.Document]bool{}
	for _, it := range n.Items {
		for _, f := range it.Findings {
			// A finding concerns the agencies of its sites (those a state
			// backbone device cuts off, say), else the one it is written in.
			placed := false
			for _, id := range f.Sites {
				if s := res.Model.Site(id); s != nil && s.Doc != nil {
					docs[s.Doc], placed = true, true
				}
			}
			if d := documentOf(res.Model, f.At); !placed && d != nil {
				docs[d] = true
			}
		}
	}
	for _, q := range n.Questions {
		if d := documentOf(res.Model, q.At); d != nil {
			docs[d] = true
		}
	}
	if len(docs) == 0 {
		return
	}
	n.Agencies, n.Proposals = nil, nil
	for _, d := range res.Model.Docs {
		if docs[d] {
			n.addDocument(d)
		}
	}
}

// documentOf returns the document a place (file:line:column or
// file#Sheet!Cell) is in, or nil.
func documentOf(m *topology.Model, at string) *topology.Document {
	var best *topology.Document
	for _, d := range m.Docs {
		if d.Path == "" || !strings.HasPrefix(at, d.Path) {
			continue
		}
		if rest := at[len(d.Path):]; rest != "" && rest[0] != ':' && rest[0] != '#' {
			continue
		}
		if best == nil || len(d.Path) > len(best.Path) {
			best = d
		}
	}
	return best
}

func longDate(t time.Time) string { return t.Format("January 2, 2006") }

// NoticeMarkdown writes a draft notice of non-compliance to the agency, in
// Markdown: the review date, the agency's address block, a subject line, each
// non-compliant item (unwaived findings at or above NoticeThreshold, grouped
// by rule) with its policy section, what was found and what must change, the
// unanswered questions, the request for an implementation plan by opt.Due,
// and a signature block for the reviewer to complete.
func NoticeMarkdown(w io.Writer, res *analysis.Result, opt NoticeOptions) error {
	n, err := newNotice(res, opt)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("**DRAFT**\n\n%s\n\n", n.LetterDate)
	for _, line := range n.AddressLines() {
		p("%s  \n", mdEscape(line))
	}
	p("\n**Subject: %s**\n\n", mdEscape(n.Subject))
	p("To the agency's head and Local Agency Security Officer:\n\n")
	p("%s\n\n", mdEscape(n.Opening()))
	if len(n.Items) == 0 {
		p("The review found no non-compliant item.\n")
	}
	for _, it := range n.Items {
		p("## %d. %s\n\n", it.N, mdEscape(it.Heading()))
		for _, c := range it.Requirements {
			p("- Requirement: %s\n", mdEscape(citationText(c)))
		}
		p("- Found:\n")
		for _, f := range it.Findings {
			p("  - %s (%s) `%s`: %s (%s)\n", f.ID, f.Severity, mdEscape(f.Subject), mdEscape(f.Message), mdEscape(f.At))
		}
		if it.Fix != "" {
			p("- Remedy: %s\n", mdEscape(it.Fix))
		}
		p("\n")
	}
	p("## Questions\n\n")
	if len(n.Questions) == 0 {
		p("The review has no open questions.\n")
	} else {
		p("The review could not assess the following, because the proposal does not say. Please answer each:\n\n")
		writeMDQuestions(bw, n.review)
	}
	p("\n## Implementation plan\n\n%s\n\n", mdEscape(n.Request()))
	p("Sincerely,\n\n\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  \n[Reviewer name]  \n[Title], CJIS Systems Agency  \n[Telephone] · [E-mail]\n")
	return bw.Flush()
}

// NoticeHTML writes the notice of NoticeMarkdown as a self-contained HTML
// page that prints as a letter.
func NoticeHTML(w io.Writer, res *analysis.Result, opt NoticeOptions) error {
	n, err := newNotice(res, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := noticeTemplate.Execute(&buf, n); err != nil {
		return fmt.Errorf("notice: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// AddressLines is the agency's address block: what the proposal format
// records of each agency (name, ORI, county).
func (n *notice) AddressLines() []string {
	var lines []string
	for i, a := range n.Agencies {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, a.Name)
		if a.ORI != "" {
			lines = append(lines, "ORI "+a.ORI)
		}
		if a.County != "" {
			lines = append(lines, countyName(a.County))
		}
	}
	if len(lines) == 0 {
		lines = []string{"[Agency]"}
	}
	return lines
}

// Opening is the notice's first paragraph.
func (n *notice) Opening() string {
	what := "the network design"
	if t := n.ProposalTitles(); t != "" {
		what = "the network design proposal “" + t + "”"
	}
	policy := "the CJIS Security Policy"
	if n.Policy != "" {
		policy += " version " + n.Policy
	}
	return fmt.Sprintf("As of %s, the state's review of %s against %s (rule pack %s) found the items below not compliant. Each lists the policy section it falls under, what the review found (numbered as in the review report), and the remedy.",
		n.LetterDate, what, policy, n.Pack)
}

// Request asks for the implementation plan by the due date.
func (n *notice) Request() string {
	answers := ""
	if len(n.Questions) > 0 {
		answers = " Please include your answers to the questions above."
	}
	return fmt.Sprintf("Please send an implementation plan by %s that addresses each item above: the change to be made, who will make it, and the date it will be complete; or, for an item the agency cannot correct, a request for a waiver with its compensating controls.%s Connections to the state network that remain non-compliant after that date may be restricted under the CJIS Security Policy.", n.Due, answers)
}

// Heading is the item's heading: the rule's summary and policy section.
func (it noticeItem) Heading() string {
	h := strings.TrimSuffix(it.Summary, ".")
	if h == "" {
		h = it.Rule
	}
	if it.Section != "" {
		h += " (" + it.Section + ")"
	}
	return h
}

var noticeTemplate = template.Must(template.New("notice").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Subject}}</title>
<style>
body { font: 12pt/1.5 Georgia, "DejaVu Serif", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1.5rem; color: #111; }
.draft { color: #a00; font-weight: bold; letter-spacing: .2em; }
.address { white-space: pre-line; margin: 1.5rem 0; }
h2 { font-size: 1.05em; margin: 1.5rem 0 .4rem; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
.signature { margin-top: 3rem; white-space: pre-line; }
@media print { body { margin: 0; max-width: none; } .draft { color: #000; } h2, li { break-inside: avoid; } }
</style>
</head>
<body>
<p class="draft">DRAFT</p>
<p>{{.LetterDate}}</p>
<p class="address">{{range $i, $l := .AddressLines}}{{if $i}}
{{end}}{{$l}}{{end}}</p>
<p><strong>Subject: {{.Subject}}</strong></p>
<p>To the agency's head and Local Agency Security Officer:</p>
<p>{{.Opening}}</p>
{{range .Items}}<h2>{{.N}}. {{.Heading}}</h2>
<ul>
{{range .Requirements}}<li>Requirement: <strong>{{.Ref}}</strong>{{with .Title}}, {{.}}{{end}}{{with .Summary}}: {{.}}{{end}}</li>
{{end}}<li>Found:<ul>
{{range .Findings}}<li>{{.ID}} ({{.Severity}}) <code>{{.Subject}}</code>: {{.Message}} (<code>{{.At}}</code>)</li>
{{end}}</ul></li>
{{with .Fix}}<li>Remedy: {{.}}</li>{{end}}
</ul>
{{else}}<p>The review found no non-compliant item.</p>
{{end}}<h2>Questions</h2>
{{if .Questions}}<p>The review could not assess the following, because the proposal does not say. Please answer each:</p>
<ol>
{{range .Questions}}{{$q := .}}{{range .Questions}}<li>{{$q.ID}} <code>{{$q.Subject}}</code>: {{.}}</li>
{{end}}{{end}}</ol>{{else}}<p>The review has no open questions.</p>{{end}}
<h2>Implementation plan</h2>
<p>{{.Request}}</p>
<p>Sincerely,</p>
<p class="signature">________________________
[Reviewer name]
[Title], CJIS Systems Agency
[Telephone] · [E-mail]</p>
</body>
</html>
`))
