package records

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/netreview/netreview/analysis"
)

// FromResult makes one review for each agency under review in res's
// model: each document's agency that has an ORI and is not the CSA (whose
// file is context). An agency written in several documents is one review.
// Each review holds the findings that list the agency's ORI, the review's
// date and pack, and inputs, the content of every file the review read.
// A model with no agency under review, or one without an ORI, is an error:
// the record keeps agencies by ORI.
func FromResult(res *analysis.Result, inputs []Input, recorded time.Time) ([]Review, error) {
	var out []Review
	index := map[string]int{}
	for _, doc := range res.Model.Docs {
		a := doc.Agency
		if a.IsCSA() {
			continue
		}
		if a.ORI == "" {
			return nil, fmt.Errorf("%s: the agency %q has no ori: the record keeps agencies by ORI (a file of the state's own side is marked role: csa)", doc.Path, a.Name)
		}
		if _, ok := index[a.ORI]; ok {
			continue
		}
		index[a.ORI] = len(out)
		out = append(out, Review{ORI: a.ORI, Name: a.Name, County: a.County, Date: res.Date, Pack: res.Pack.Name,
			Recorded: recorded, Inputs: inputs})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no agency under review: every file is the CSA's (role: csa); add an agency's proposal", strings.Join(res.Model.Inputs(), ", "))
	}
	for _, f := range res.Findings {
		for i := range out {
			if !slices.Contains(f.Agencies, out[i].ORI) {
				continue
			}
			rf, err := NewFinding(f)
			if err != nil {
				return nil, err
			}
			out[i].Findings = append(out[i].Findings, rf)
		}
	}
	return out, nil
}

// Summary says in a line what the review found: "3 open findings (1 high,
// 2 medium), 1 waived".
func (r *Review) Summary() string {
	open := r.open()
	waived := len(r.Findings) - open.Total()
	s := fmt.Sprintf("%s (%s)", plural(open.Total(), "open finding"), countsText(open))
	if open.Total() == 0 {
		s = "no open finding"
	}
	if waived > 0 {
		s += fmt.Sprintf(", %d waived", waived)
	}
	return s
}
