package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/netreview/netreview/report"
)

// letterFlags are the flags of report --notice.
type letterFlags struct {
	agency, letterhead, format string
}

func (lf letterFlags) set() bool { return lf.agency != "" || lf.letterhead != "" || lf.format != "" }

// letterPlan is where the letters go and in what form, checked before the
// input is read.
type letterPlan struct {
	dir     string // the folder for one letter per agency, or ""
	file    string // the one letter's file, or ""
	html    bool
	options report.NoticeOptions
}

// planLetters checks the notice's flags: -o DIR/ or FILE.md|.html,
// --format, --due, --letterhead.
func planLetters(out, due string, lf letterFlags) (letterPlan, error) {
	var p letterPlan
	if due == "" {
		return p, fmt.Errorf("--notice needs --due YYYY-MM-DD: the date the implementation plan is due")
	}
	d, err := time.Parse("2006-01-02", due)
	if err != nil {
		return p, fmt.Errorf("--due %q: want YYYY-MM-DD", due)
	}
	p.options = report.NoticeOptions{Due: d, Agency: strings.ToUpper(lf.agency)}
	if fi, err := os.Stat(out); strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(os.PathSeparator)) || (err == nil && fi.IsDir()) {
		p.dir = out
		switch strings.ToLower(lf.format) {
		case "", "md", "markdown":
		case "html":
			p.html = true
		default:
			return p, fmt.Errorf("--format %q: want md or html", lf.format)
		}
	} else {
		p.file = out
		switch ext := strings.ToLower(filepath.Ext(out)); ext {
		case ".md", ".markdown":
		case ".html", ".htm":
			p.html = true
		case ".xlsx":
			return p, fmt.Errorf("-o %s: a letter is .md or .html, not .xlsx", out)
		default:
			return p, fmt.Errorf("-o %s: unknown letter form %q: want .md or .html, or a folder DIR/ for one letter per agency", out, ext)
		}
		if lf.format != "" && (strings.ToLower(lf.format) == "html") != p.html {
			return p, fmt.Errorf("--format %s does not fit -o %s: the extension picks the form of one letter", lf.format, out)
		}
	}
	if lf.letterhead != "" {
		lh, err := report.ReadLetterhead(lf.letterhead)
		if err != nil {
			return p, err
		}
		p.options.Letterhead = lh
	}
	return p, nil
}

// writeLetters writes the letters of report --notice and tells, one line
// each, which letter went where.
func writeLetters(cmd *cobra.Command, rf *reviewFlags, args []string, out, due, failOn string, lf letterFlags) error {
	threshold, never, err := parseFailOn(failOn)
	if err != nil {
		return &exitError{code: exitInput, err: err}
	}
	plan, err := planLetters(out, due, lf)
	if err != nil {
		return &exitError{code: exitInput, err: err}
	}
	res, err := rf.review(cmd, args)
	if err != nil {
		return err
	}
	// The letters share what each reads of the review: a state's review
	// writes thousands.
	letters := report.NewLetters(res)
	write, ext := letters.Markdown, ".md"
	if plan.html {
		write, ext = letters.HTML, ".html"
	}
	var agencies []report.LetterAgency
	for _, a := range letters.Agencies() {
		if plan.options.Agency == "" || a.ORI == plan.options.Agency {
			agencies = append(agencies, a)
		}
	}
	if plan.file != "" {
		// One letter: the writer picks the agency and says when it
		// cannot.
		if err := checkNotice(plan.options, write); err != nil {
			return &exitError{code: exitInput, err: err}
		}
		if err := writeFileAtomic(plan.file, func(w io.Writer) error { return write(w, plan.options) }); err != nil {
			return err
		}
	} else {
		if err := checkNotice(report.NoticeOptions{Due: plan.options.Due, Agency: firstORI(agencies, plan.options.Agency)}, write); err != nil {
			return &exitError{code: exitInput, err: err}
		}
		if err := os.MkdirAll(plan.dir, 0o755); err != nil {
			return fmt.Errorf("write %s: %w", plan.dir, err)
		}
		for _, a := range agencies {
			opt := plan.options
			opt.Agency = a.ORI
			path := filepath.Join(plan.dir, a.ORI+ext)
			if err := writeFileAtomic(path, func(w io.Writer) error { return write(w, opt) }); err != nil {
				return err
			}
			kind := "notice of non-compliance"
			if a.Compliant {
				kind = "letter of compliance"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\t%s\t%s\n", path, report.TerminalSafe(a.Name), kind)
		}
	}
	if !never && report.Fails(res.Findings, threshold) {
		return &exitError{code: exitFindings}
	}
	return nil
}

// firstORI is the agency to check a folder of letters with: the one
// asked for, else the first under review (so that "no agency under
// review" is reported), else none.
func firstORI(agencies []report.LetterAgency, asked string) string {
	if asked != "" || len(agencies) == 0 {
		return asked
	}
	return agencies[0].ORI
}

// checkNotice writes the letter to nowhere, so that a mistake (no such
// agency, several agencies and no --agency) is reported before any file is
// written.
func checkNotice(opt report.NoticeOptions, write func(io.Writer, report.NoticeOptions) error) error {
	return write(io.Discard, opt)
}
