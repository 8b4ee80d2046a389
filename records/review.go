package records

import (
	"fmt"
	"strings"
	"time"

	"github.com/netreview/netreview/analysis"
)

// FromResult makes one review for each agency under review in res's
// model: each document's agency that has an ORI and is not the CSA (whose
// file is context). An agency written in several documents is one review.
// Each review holds the findings that list the agency's ORI, the review's
// date and pack, and inputs, the content of every file the review read.
// The record keeps agencies by ORI: a document whose agency has none (a
// state's backbone written without role: csa) is not recorded, with a
// warning; a model with no agency to record is an error.
func FromResult(res *analysis.Result, inputs []Input, recorded time.Time) (reviews []Review, warnings []string, err error) {
	var out []Review
	index := map[string]int{}
	for _, doc := range res.Model.Docs {
		a := doc.Agency
		if a.IsCSA() {
			continue
		}
		if a.ORI == "" {
			warnings = append(warnings, fmt.Sprintf("%s: the agency %q has no ori, so it is not recorded (the record keeps agencies by ORI; mark the state's own file role: csa)", doc.Path, a.Name))
			continue
		}
		if _, ok := index[a.ORI]; ok {
			continue
		}
		index[a.ORI] = len(out)
		out = append(out, Review{ORI: a.ORI, Name: a.Name, County: a.County, Date: res.Date, Pack: res.Pack.Name,
			Recorded: recorded, Inputs: inputs})
	}
	if len(out) == 0 {
		return nil, warnings, fmt.Errorf("%s: no agency to record: every file is the CSA's (role: csa) or has no ori; add an agency's proposal", strings.Join(res.Model.Inputs(), ", "))
	}
	for _, f := range res.Findings {
		if len(f.Agencies) == 0 {
			continue
		}
		// One value for every agency it concerns: the record keeps it once.
		rf, err := newFinding(f)
		if err != nil {
			return nil, warnings, err
		}
		for _, ori := range f.Agencies {
			if i, ok := index[ori]; ok {
				out[i].Findings = append(out[i].Findings, rf)
			}
		}
	}
	return out, warnings, nil
}

// Summary says in a line what the review found: "3 open findings (1 high,
// 2 medium), 1 waived".
func (r *Review) Summary() string {
	open := r.open()
	waived := len(r.Findings) - open.total()
	s := fmt.Sprintf("%s (%s)", plural(open.total(), "open finding"), countsText(open))
	if open.total() == 0 {
		s = "no open finding"
	}
	if waived > 0 {
		s += fmt.Sprintf(", %d waived", waived)
	}
	return s
}
