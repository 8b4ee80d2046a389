package report

import (
	"io"

	"github.com/netreview/netreview/analysis"
)

// noticeMarkdown, noticeHTML and letterAgencies are one letter's or one
// list's worth of Letters, as the tests ask for them.
func noticeMarkdown(w io.Writer, res *analysis.Result, opt NoticeOptions) error {
	return NewLetters(res).Markdown(w, opt)
}

func noticeHTML(w io.Writer, res *analysis.Result, opt NoticeOptions) error {
	return NewLetters(res).HTML(w, opt)
}

func letterAgencies(res *analysis.Result) []LetterAgency { return NewLetters(res).Agencies() }
