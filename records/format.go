package records

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/netreview/netreview/analysis"
)

// statusJSON is one agency in `records status --format json`.
type statusJSON struct {
	ORI          string  `json:"ori"`
	Name         string  `json:"name"`
	County       string  `json:"county"`
	State        State   `json:"state"`
	LastReview   string  `json:"last_review"`
	Open         Counts  `json:"open"`
	NoticeDue    *string `json:"notice_due"`
	PlanReceived *string `json:"plan_received"`
}

// dateOrNil is t as YYYY-MM-DD, or nil for the zero time.
func dateOrNil(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(DateLayout)
	return &s
}

// dateOrDash is t as YYYY-MM-DD, or "-" for the zero time.
func dateOrDash(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(DateLayout)
}

// StatusJSON writes the agencies' status as
// {"agencies": [{"ori", "name", "county", "state", "last_review", "open":
// {"critical", "high", "medium", "low", "info"}, "notice_due",
// "plan_received"}]}; a date that does not apply is null.
func StatusJSON(w io.Writer, agencies []AgencyStatus) error {
	out := struct {
		Agencies []statusJSON `json:"agencies"`
	}{Agencies: []statusJSON{}}
	for _, a := range agencies {
		out.Agencies = append(out.Agencies, statusJSON{ORI: a.ORI, Name: a.Name, County: a.County, State: a.State,
			LastReview: a.LastReview.Format(DateLayout), Open: a.Open, NoticeDue: dateOrNil(a.NoticeDue), PlanReceived: dateOrNil(a.PlanReceived)})
	}
	return encodeJSON(w, out)
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Why says in a few words what makes the agency's state, with its dates.
func (a *AgencyStatus) Why() string {
	d := func(t time.Time) string { return t.Format(DateLayout) }
	switch a.State {
	case Compliant:
		return "meets policy since the review of " + d(a.LastReview)
	case UnderReview:
		return "findings since the review of " + d(a.Since) + "; no notice sent"
	case NoticeSent:
		return "notice sent " + d(a.NoticeSent) + ", plan due " + d(a.NoticeDue)
	case PlanReceived:
		if a.NoticeDue.IsZero() {
			return "plan received " + d(a.PlanReceived) + " (no notice sent)"
		}
		return "plan received " + d(a.PlanReceived) + " (notice sent " + d(a.NoticeSent) + ")"
	case Overdue:
		return "plan due " + d(a.NoticeDue) + ", none received (notice sent " + d(a.NoticeSent) + ")"
	}
	return ""
}

// statusSummary counts agencies by state in a sentence: "5 agencies: 1
// overdue, 2 under-review, 2 compliant".
func statusSummary(agencies []AgencyStatus) string {
	n := map[State]int{}
	for _, a := range agencies {
		n[a.State]++
	}
	var parts []string
	for _, s := range allStates {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
		}
	}
	word := "agencies"
	if len(agencies) == 1 {
		word = "agency"
	}
	if len(parts) == 0 {
		return "no agency is recorded"
	}
	return fmt.Sprintf("%d %s: %s", len(agencies), word, strings.Join(parts, ", "))
}

// StatusText writes one line per agency, aligned in columns, then a count
// by state.
func StatusText(w io.Writer, agencies []AgencyStatus, opt StatusOptions) error {
	fmt.Fprintf(w, "Status as of %s (compliant: no unwaived finding at or above %s)\n\n", opt.asOf().Format(DateLayout), opt.Threshold)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ORI\tAGENCY\tCOUNTY\tSTATE\tSINCE\tLAST REVIEW\tCRIT\tHIGH\tMED\tLOW\tINFO\tNOTICE DUE\tPLAN")
	for _, a := range agencies {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n", a.ORI, a.Name, a.County, a.State,
			a.Since.Format(DateLayout), a.LastReview.Format(DateLayout), a.Open.Critical, a.Open.High, a.Open.Medium, a.Open.Low, a.Open.Info,
			dateOrDash(a.NoticeDue), dateOrDash(a.PlanReceived))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", statusSummary(agencies))
	return err
}

// markdownEscaper backslash-escapes what Markdown would read as markup in
// text from a proposal (CommonMark lets any ASCII punctuation be escaped),
// and puts a table cell on one line.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "<", `\<`, ">", `\>`, "*", `\*`, "_", `\_`, "`", "\\`",
	"[", `\[`, "]", `\]`, "#", `\#`, "\n", " ", "\r", " ")

// MarkdownCell escapes s, text from a proposal, for a Markdown table cell.
func MarkdownCell(s string) string { return markdownEscaper.Replace(s) }

// StatusMarkdown writes the agencies' status as a Markdown table.
func StatusMarkdown(w io.Writer, agencies []AgencyStatus, opt StatusOptions) error {
	fmt.Fprintf(w, "# Review status as of %s\n\n", opt.asOf().Format(DateLayout))
	fmt.Fprintf(w, "Compliant: no unwaived finding at or above %s. %s.\n\n", opt.Threshold, statusSummary(agencies))
	fmt.Fprintln(w, "| ORI | Agency | County | State | Why | Last review | Critical | High | Medium | Low | Info |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
	for _, a := range agencies {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %d | %d | %d | %d | %d |\n", a.ORI, MarkdownCell(a.Name), MarkdownCell(a.County), a.State,
			MarkdownCell(a.Why()), a.LastReview.Format(DateLayout), a.Open.Critical, a.Open.High, a.Open.Medium, a.Open.Low, a.Open.Info)
	}
	return nil
}

// event is one dated entry of an agency's history.
type event struct {
	date  time.Time
	order int // reviews, then notices, then plans on one day
	step  *Step
	n     *Notice
	p     *Plan
}

func (h *History) events() []event {
	var es []event
	for i := range h.Steps {
		es = append(es, event{date: h.Steps[i].Review.Date, order: 0, step: &h.Steps[i]})
	}
	for i := range h.Notices {
		es = append(es, event{date: h.Notices[i].Sent, order: 1, n: &h.Notices[i]})
	}
	for i := range h.Plans {
		es = append(es, event{date: h.Plans[i].Received, order: 2, p: &h.Plans[i]})
	}
	sort.SliceStable(es, func(i, j int) bool {
		if !es[i].date.Equal(es[j].date) {
			return es[i].date.Before(es[j].date)
		}
		return es[i].order < es[j].order
	})
	return es
}

// countsText is "2 high, 1 medium" for the non-zero counts, or "none".
func countsText(c Counts) string {
	var parts []string
	for _, s := range analysis.Severities() {
		if n := *c.of(s); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// HistoryText writes the agency's history in date order: each review with
// the findings it introduced, resolved, waived and reopened, and the
// notices and plans between them.
func HistoryText(w io.Writer, h *History) error {
	fmt.Fprintf(w, "%s %s", h.ORI, h.Name)
	if h.County != "" {
		fmt.Fprintf(w, " (%s County)", h.County)
	}
	fmt.Fprintln(w)
	for _, e := range h.events() {
		d := e.date.Format(DateLayout)
		switch {
		case e.step != nil:
			r := e.step.Review
			fmt.Fprintf(w, "\n%s  review under %s, %s: open findings %s\n", d, r.Pack, plural(len(r.Inputs), "input"), countsText(e.step.Open))
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			for _, g := range []struct {
				what string
				fs   []Finding
			}{{"introduced", e.step.Introduced}, {"resolved", e.step.Resolved}, {"waived", e.step.Waived}, {"reopened", e.step.Reopened}} {
				for _, f := range g.fs {
					fmt.Fprintf(tw, "            %s\t%s\t%s\t%s\n", g.what, f.Severity, f.Rule, f.Subject)
				}
			}
			if err := tw.Flush(); err != nil {
				return err
			}
		case e.n != nil:
			fmt.Fprintf(w, "\n%s  notice of non-compliance sent; implementation plan due %s\n", d, e.n.Due.Format(DateLayout))
		case e.p != nil:
			file := ""
			if e.p.File != "" {
				file = fmt.Sprintf(": %s (sha256 %s)", e.p.File, e.p.SHA256)
			}
			fmt.Fprintf(w, "\n%s  implementation plan received%s\n", d, file)
		}
	}
	return nil
}

// HistoryJSON writes the agency's history as JSON: each review with its
// inputs, open counts and the findings it introduced, resolved, waived and
// reopened, as `check --format json` printed them (load the record in full
// for them), and the notices and plans.
func HistoryJSON(w io.Writer, h *History) error {
	type reviewJSON struct {
		Date       string            `json:"date"`
		Pack       string            `json:"pack"`
		Inputs     []Input           `json:"inputs"`
		Open       Counts            `json:"open"`
		Introduced []json.RawMessage `json:"introduced"`
		Resolved   []json.RawMessage `json:"resolved"`
		Waived     []json.RawMessage `json:"waived"`
		Reopened   []json.RawMessage `json:"reopened"`
	}
	type noticeJSON struct {
		Sent string `json:"sent"`
		Due  string `json:"due"`
	}
	type planJSON struct {
		Received string `json:"received"`
		File     string `json:"file"`
		SHA256   string `json:"sha256"`
	}
	out := struct {
		ORI     string       `json:"ori"`
		Name    string       `json:"name"`
		County  string       `json:"county"`
		Reviews []reviewJSON `json:"reviews"`
		Notices []noticeJSON `json:"notices"`
		Plans   []planJSON   `json:"plans"`
	}{ORI: h.ORI, Name: h.Name, County: h.County, Reviews: []reviewJSON{}, Notices: []noticeJSON{}, Plans: []planJSON{}}
	raw := func(fs []Finding) []json.RawMessage {
		out := make([]json.RawMessage, 0, len(fs))
		for _, f := range fs {
			out = append(out, f.JSON)
		}
		return out
	}
	for _, s := range h.Steps {
		inputs := s.Review.Inputs
		if inputs == nil {
			inputs = []Input{}
		}
		out.Reviews = append(out.Reviews, reviewJSON{Date: s.Review.Date.Format(DateLayout), Pack: s.Review.Pack, Inputs: inputs, Open: s.Open,
			Introduced: raw(s.Introduced), Resolved: raw(s.Resolved), Waived: raw(s.Waived), Reopened: raw(s.Reopened)})
	}
	for _, n := range h.Notices {
		out.Notices = append(out.Notices, noticeJSON{Sent: n.Sent.Format(DateLayout), Due: n.Due.Format(DateLayout)})
	}
	for _, p := range h.Plans {
		out.Plans = append(out.Plans, planJSON{Received: p.Received.Format(DateLayout), File: p.File, SHA256: p.SHA256})
	}
	return encodeJSON(w, out)
}

// plural is "1 input", "2 inputs".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
