package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/words"
)

// TextOptions controls the text form.
type TextOptions struct {
	// Color turns on ANSI colors; callers set it only for a terminal when
	// NO_COLOR is not set.
	Color bool
	// Width, when positive, wraps lines at this many columns (the
	// terminal's width), between words, each continuation line indented
	// as its line is. 0 does not wrap (a pipe or a file).
	Width int
}

// ANSI color codes by severity.
var sevColor = map[analysis.Severity]string{
	analysis.Critical: "\x1b[1;31m",
	analysis.High:     "\x1b[31m",
	analysis.Medium:   "\x1b[33m",
	analysis.Low:      "\x1b[36m",
	analysis.Info:     "\x1b[2m",
}

const ansiReset = "\x1b[0m"

// Text writes res for a terminal: a header, the unwaived findings grouped
// by severity (most severe first), the waived findings apart under WAIVED,
// all numbered F1..Fn by their index in res.Findings, and a summary line.
func Text(w io.Writer, res *analysis.Result, opt TextOptions) error {
	bw := bufio.NewWriter(w)
	tw := &textWriter{w: bw, width: opt.Width}
	writeHeader(tw, res, "", TerminalSafe)
	safe := TerminalSafe
	var items []sectionItem
	for _, sev := range analysis.Severities() {
		name := strings.ToUpper(sev.String())
		if opt.Color && sevColor[sev] != "" {
			name = sevColor[sev] + name + ansiReset
		}
		items = sectionItems(items, res.Findings, "\n"+name+"\n", func(f *analysis.Finding) bool { return !f.Waived && f.Severity == sev })
	}
	waived := "WAIVED"
	if opt.Color && sevColor[analysis.Info] != "" {
		waived = sevColor[analysis.Info] + waived + ansiReset
	}
	items = sectionItems(items, res.Findings, "\n"+waived+"\n", func(f *analysis.Finding) bool { return f.Waived })
	writeInOrder(bw, len(items), func(b textSink) func(k int) {
		tw := &textWriter{w: b, width: opt.Width}
		return func(k int) {
			it := items[k]
			b.WriteString(it.heading)
			i := int(it.i)
			f := &res.Findings[i]
			tw.parts("  ", "      ", "F", strconv.Itoa(i+1), "  ", safe(f.Rule), "  ", safe(f.Subject))
			tw.line("      ", safe(f.Message))
			tw.parts("      ", "        ", "at: ", safe(f.At))
			if len(f.Path) > 0 {
				tw.list("path: ", f.Path, " -> ")
			}
			if len(f.Policy) > 0 {
				tw.list("policy: ", f.Policy, "; ")
			}
			if f.Waived {
				tw.line("      ", "waived ("+f.Severity.String()+"): "+safe(waiverReason(*f)))
			}
		}
	})
	bw.WriteString("\n")
	tw.line("", summaryLine(Summarize(res)))
	return bw.Flush()
}

// textWriter writes lines wrapped at width (when positive) between words,
// each continuation line indented further than its line.
type textWriter struct {
	w     textSink
	width int
}

// Write lets writeHeader print through the textWriter, each line wrapped.
func (t *textWriter) Write(p []byte) (int, error) {
	for _, l := range strings.SplitAfter(string(p), "\n") {
		if l == "" {
			continue
		}
		t.line("", strings.TrimSuffix(l, "\n"))
	}
	return len(p), nil
}

// parts writes indent and the parts one after another as one line,
// wrapped as wrap does; unwrapped, without joining them first (a review
// writes hundreds of thousands of such lines).
func (t *textWriter) parts(indent, cont string, parts ...string) {
	if t.width > 0 {
		t.wrap(indent, cont, strings.Join(parts, ""))
		return
	}
	t.w.WriteString(indent)
	for _, p := range parts {
		t.w.WriteString(p)
	}
	t.w.WriteByte('\n')
}

// list writes a finding's line of a list (its path, its policy): the
// label, then the items joined by sep and made safe for a terminal, as
// line(TerminalSafe(label+strings.Join(items, sep))) would. Unwrapped, and
// when every item is valid UTF-8 (so that no two join into another rune),
// each item is made safe and written on its own.
func (t *textWriter) list(label string, items []string, sep string) {
	const indent = "      "
	valid := t.width <= 0
	for _, it := range items {
		valid = valid && utf8.ValidString(it)
	}
	if !valid {
		t.line(indent, TerminalSafe(label+strings.Join(items, sep)))
		return
	}
	t.w.WriteString(indent)
	t.w.WriteString(label)
	for k, it := range items {
		if k > 0 {
			t.w.WriteString(sep)
		}
		t.w.WriteString(TerminalSafe(it))
	}
	t.w.WriteByte('\n')
}

// line writes indent and s, wrapped, continuation lines two columns
// further in.
func (t *textWriter) line(indent, s string) { t.wrap(indent, indent+"  ", s) }

// wrap writes indent and s, wrapped, continuation lines indented by cont.
func (t *textWriter) wrap(indent, cont, s string) {
	if t.width <= 0 || len(indent)+utf8.RuneCountInString(s) <= t.width {
		t.w.WriteString(indent)
		t.w.WriteString(s)
		t.w.WriteByte('\n')
		return
	}
	t.w.WriteString(indent)
	col, start := len(indent), true
	for _, word := range strings.Fields(s) {
		n := utf8.RuneCountInString(word)
		if !start && col+1+n > t.width {
			t.w.WriteByte('\n')
			t.w.WriteString(cont)
			col = len(cont)
			start = true
		}
		if !start {
			t.w.WriteByte(' ')
			col++
		}
		t.w.WriteString(word)
		col += n
		start = false
	}
	t.w.WriteByte('\n')
}

// Markdown writes res as Markdown for pasting into documents.
func Markdown(w io.Writer, res *analysis.Result) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "**%s**\n\n# Network design review\n\n", fouo)
	writeHeader(bw, res, "- ", mdEscape)
	fmt.Fprintf(bw, "\n**%s**\n", summaryLine(Summarize(res)))
	var items []sectionItem
	for _, sev := range analysis.Severities() {
		heading := "\n## " + strings.ToUpper(sev.String()[:1]) + sev.String()[1:] + "\n"
		items = sectionItems(items, res.Findings, heading, func(f *analysis.Finding) bool { return f.Severity == sev })
	}
	writeInOrder(bw, len(items), func(b textSink) func(k int) {
		// A rule's findings share one list of citations: its line is
		// escaped once for each run of them.
		var policy []string
		policyLine := ""
		return func(k int) {
			it := items[k]
			b.WriteString(it.heading)
			i := int(it.i)
			f := &res.Findings[i]
			mdLines(b, "\n### F", strconv.Itoa(i+1), " ", mdCode(f.Rule), " ", mdEscape(f.Subject), "\n\n")
			mdLines(b, mdEscape(f.Message), "\n\n")
			mdLines(b, "- At: ", mdEscape(f.At), "\n")
			if len(f.Path) > 0 {
				mdLines(b, "- Path: ", mdEscape(strings.Join(f.Path, " → ")), "\n")
			}
			if len(f.Policy) > 0 {
				if len(f.Policy) != len(policy) || &f.Policy[0] != &policy[0] {
					policy, policyLine = f.Policy, mdEscape(strings.Join(f.Policy, "; "))
				}
				mdLines(b, "- Policy: ", policyLine, "\n")
			}
			if f.Waived {
				mdLines(b, "- Waived: ", mdEscape(waiverReason(*f)), "\n")
			}
		}
	})
	fmt.Fprintf(bw, "\n**%s**\n", fouo)
	return bw.Flush()
}

// sectionItem is a finding of a section of the text or Markdown form, by
// its index in the findings, with the section's heading when it is the
// section's first.
type sectionItem struct {
	i       int32
	heading string
}

// sectionItems appends the findings that keep selects, in order, the first
// with the heading.
func sectionItems(items []sectionItem, fs []analysis.Finding, heading string, keep func(*analysis.Finding) bool) []sectionItem {
	for i := range fs {
		if keep(&fs[i]) {
			items = append(items, sectionItem{i: int32(i), heading: heading})
			heading = ""
		}
	}
	return items
}

// mdLines writes the pieces one after another: what fmt.Fprintf would of
// their concatenation, without parsing a format for every finding.
func mdLines(w textSink, pieces ...string) {
	for _, p := range pieces {
		w.WriteString(p)
	}
}

func writeHeader(w io.Writer, res *analysis.Result, prefix string, esc func(string) string) {
	m := res.Model
	fmt.Fprintf(w, "%sInputs: %s\n", prefix, esc(words.List(m.Inputs(), ", ", "file", "files")))
	var agencies []string
	for _, d := range underReview(m) {
		if d.Agency.Name != "" && !contains(agencies, d.Agency.Name) {
			agencies = append(agencies, d.Agency.Name)
		}
	}
	fmt.Fprintf(w, "%sAgency: %s\n", prefix, esc(words.List(agencies, ", ", "agency", "agencies")))
	if res.Pack != nil {
		fmt.Fprintf(w, "%sPack: %s (CJIS Security Policy %s)\n", prefix, esc(res.Pack.Name), esc(res.Pack.Policy))
	}
	fmt.Fprintf(w, "%sDate: %s\n", prefix, res.Date.Format("2006-01-02"))
}

func waiverReason(f analysis.Finding) string {
	if f.Waiver == nil {
		return "yes"
	}
	s := f.Waiver.Reason
	if f.Waiver.ApprovedBy != "" {
		s += " (approved by " + f.Waiver.ApprovedBy + ")"
	}
	if f.Waiver.Expires != "" {
		s += ", expires " + f.Waiver.Expires
	}
	return s
}

func summaryLine(s Summary) string {
	c := s.Findings
	return fmt.Sprintf("%d critical, %d high, %d medium, %d low, %d info; %d waived",
		c.Critical, c.High, c.Medium, c.Low, c.Info, s.Waived)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
