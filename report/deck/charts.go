package deck

import (
	"sort"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/report/pptx"
)

// maxRanked is the most counties or agencies a ranking chart shows.
const maxRanked = 10

// chartSeverities are the chart's series, most severe first.
var chartSeverities = analysis.Severities()

// byRuleChart charts the unwaived findings by rule, in the contract's rule
// order, stacked by severity; nil when there are none.
func byRuleChart(res *analysis.Result) *pptx.Chart {
	counts := map[string]map[analysis.Severity]int{}
	for _, f := range res.Findings {
		if f.Waived {
			continue
		}
		if counts[f.Rule] == nil {
			counts[f.Rule] = map[analysis.Severity]int{}
		}
		counts[f.Rule][f.Severity]++
	}
	if len(counts) == 0 {
		return nil
	}
	var rules, rest []string
	known := map[string]bool{}
	for _, r := range analysis.Rules() {
		known[r.ID] = true
		if counts[r.ID] != nil {
			rules = append(rules, r.ID)
		}
	}
	// Rules the built-in list does not know come last, by name.
	for id := range counts {
		if !known[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	rules = append(rules, rest...)
	return severityChart("Unwaived findings by rule and severity", rules, func(cat string, s analysis.Severity) int { return counts[cat][s] })
}

// severityChart is a horizontal bar per category, stacked by severity: a
// series for each severity that some category has.
func severityChart(title string, cats []string, count func(cat string, s analysis.Severity) int) *pptx.Chart {
	c := &pptx.Chart{Title: title, Horizontal: true, Categories: cats}
	for _, s := range chartSeverities {
		sr := pptx.Series{Name: s.String(), Color: severityColor[s], Values: make([]float64, len(cats))}
		any := false
		for i, cat := range cats {
			n := count(cat, s)
			sr.Values[i] = float64(n)
			any = any || n > 0
		}
		if any {
			c.Series = append(c.Series, sr)
		}
	}
	return c
}

// ranked is one county or agency with its unwaived findings by severity.
type ranked struct {
	name   string
	counts map[analysis.Severity]int
}

// worse orders by the most critical findings, then high, and so on, then
// by name.
func worse(a, b ranked) bool {
	for _, s := range analysis.Severities() {
		if a.counts[s] != b.counts[s] {
			return a.counts[s] > b.counts[s]
		}
	}
	return a.name < b.name
}

// rank sorts the entries and keeps the maxRanked worst that have a finding
// of severity low or above.
func rank(rs []ranked) []ranked {
	sort.Slice(rs, func(i, j int) bool { return worse(rs[i], rs[j]) })
	var out []ranked
	for _, r := range rs {
		serious := 0
		for _, s := range analysis.Severities() {
			if s >= analysis.Low {
				serious += r.counts[s]
			}
		}
		if serious == 0 || len(out) == maxRanked {
			break
		}
		out = append(out, r)
	}
	return out
}

// agencyRanking ranks the agencies under review by their unwaived
// findings.
func agencyRanking(res *analysis.Result, apps []Application) []ranked {
	var rs []ranked
	for _, a := range apps {
		name := clip(a.doc.Agency.Name, 40)
		if c := a.doc.Agency.County; c != "" {
			name += " (" + clip(c, 20) + ")"
		}
		r := ranked{name: name, counts: map[analysis.Severity]int{}}
		for _, i := range a.findings {
			if f := &res.Findings[i]; !f.Waived {
				r.counts[f.Severity]++
			}
		}
		rs = append(rs, r)
	}
	return rank(rs)
}

// countyRanking ranks the counties of the agencies under review by their
// agencies' unwaived findings, each finding counted once in a county.
func countyRanking(res *analysis.Result, apps []Application) []ranked {
	byCounty := map[string]map[int]bool{}
	for _, a := range apps {
		c := a.doc.Agency.County
		if c == "" {
			c = "(no county)"
		}
		if byCounty[c] == nil {
			byCounty[c] = map[int]bool{}
		}
		for _, i := range a.findings {
			byCounty[c][i] = true
		}
	}
	var rs []ranked
	for c, fs := range byCounty {
		r := ranked{name: c, counts: map[analysis.Severity]int{}}
		for i := range fs {
			if f := &res.Findings[i]; !f.Waived {
				r.counts[f.Severity]++
			}
		}
		rs = append(rs, r)
	}
	return rank(rs)
}

// rankingSlide charts the ranked counties or agencies, the worst on top.
func (b *builder) rankingSlide(title string, rs []ranked) {
	items := header(title, "Unwaived findings of severity low or above, by severity; the worst first")
	if len(rs) == 0 {
		items = append(items, text(pptx.Rect{X: 40, Y: 200, W: 880, H: 60}, para(24, "No unwaived finding of severity low or above.", true, navy)))
		b.add(items...)
		return
	}
	cats := make([]string, len(rs))
	byName := map[string]ranked{}
	for i, r := range rs {
		cats[i] = r.name
		byName[r.name] = r
	}
	c := severityChart(title, cats, func(cat string, s analysis.Severity) int {
		if s < analysis.Low {
			return 0
		}
		return byName[cat].counts[s]
	})
	c.Title = ""
	c.Box = pptx.Rect{X: 24, Y: 96, W: pptx.SlideWidth - 48, H: 410}
	b.add(append(items, pptx.Item{Chart: c})...)
}
