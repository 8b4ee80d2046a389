package deck

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/report/internal/rootcause"
	"github.com/netreview/netreview/report/pptx"
)

// keyThreshold is the least severity of a key finding; the findings below
// it (the questions to the agency) are counted, not listed.
const keyThreshold = analysis.Low

// cause is a root cause of key findings: the findings that one change
// resolves.
type cause struct {
	rule     string // the rule, or the kind of a shared root cause
	summary  string
	severity analysis.Severity // the most severe of its findings
	findings []int             // indices into the result's findings
}

// rootCauses groups the application's unwaived key findings by cause:
// first the root causes that the reports share (package
// report/internal/rootcause: single points of failure that cut off the
// same sites, unprotected links along one path), each as one item; then the
// rest by the rule that found them, since the findings of one rule in one
// agency's design share its cause and its fix. The worst causes come first,
// then the larger.
func rootCauses(res *analysis.Result, idx []int) []cause {
	key := map[int]bool{}
	for _, i := range idx {
		if f := &res.Findings[i]; !f.Waived && f.Severity >= keyThreshold {
			key[i] = true
		}
	}
	var out []*cause
	grouped := map[int]bool{}
	for _, g := range rootcause.Find(res.Model, res.Findings) {
		c := &cause{rule: string(g.Kind)}
		for _, i := range g.Members {
			if key[i] {
				c.findings = append(c.findings, i)
				c.severity = max(c.severity, res.Findings[i].Severity)
				grouped[i] = true
			}
		}
		if len(c.findings) == 0 {
			continue
		}
		switch g.Kind {
		case rootcause.Chain:
			hang := "Site " + g.Sites[0] + " hangs"
			if len(g.Sites) > 1 {
				hang = "Sites " + strings.Join(g.Sites, ", ") + " hang"
			}
			c.summary = hang + " on one path: a second path to a state hub that avoids these single points of failure resolves them."
		default:
			c.summary = fmt.Sprintf("Unprotected links on one path from %s to %s: one tunnel with FIPS-validated encryption of at least 128 bits over them resolves them.", g.From, g.To)
		}
		out = append(out, c)
	}
	byRule := map[string]*cause{}
	for _, i := range idx {
		f := &res.Findings[i]
		if !key[i] || grouped[i] {
			continue
		}
		c := byRule[f.Rule]
		if c == nil {
			c = &cause{rule: f.Rule, summary: f.Rule, severity: f.Severity}
			if r, err := analysis.FindRule(f.Rule); err == nil {
				c.summary = r.Summary
			}
			byRule[f.Rule] = c
			out = append(out, c)
		}
		c.severity = max(c.severity, f.Severity)
		c.findings = append(c.findings, i)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].severity != out[j].severity {
			return out[i].severity > out[j].severity
		}
		return len(out[i].findings) > len(out[j].findings)
	})
	cs := make([]cause, len(out))
	for i, c := range out {
		cs[i] = *c
	}
	return cs
}

// The findings panel beside the diagram, and the two columns of a
// continuation slide.
var (
	findingsPanel = pptx.Rect{X: 628, Y: 98, W: 316, H: 400}
	continuedCols = []pptx.Rect{{X: 24, Y: 98, W: 446, H: 400}, {X: 490, Y: 98, W: 446, H: 400}}
)

const panelInset = 12

// applicationSlides are the application's slide, its diagram beside its
// key findings, and as many continuation slides as the findings need.
func (b *builder) applicationSlides(app Application) error {
	a := app.doc.Agency
	title := a.Name
	if p := app.doc.Proposal; p != nil && p.Title != "" {
		title += ": " + p.Title
	}
	sub := agencyDetail(a)
	if p := app.doc.Proposal; p != nil {
		if d := proposalDetail(p); d != "" {
			sub += " · " + d
		}
	}
	items := header(title, sub)
	fp := findingsPanel
	if b.opt.Diagram != nil {
		var png bytes.Buffer
		if err := b.opt.Diagram(&png, app); err != nil {
			return fmt.Errorf("deck: diagram of %s: %w", a.Name, err)
		}
		pic := &pptx.Picture{Box: diagramBox, PNG: png.Bytes(), Descr: "Network diagram of " + a.Name}
		w, h, err := pic.Size()
		if err != nil {
			return fmt.Errorf("deck: diagram of %s: %w", a.Name, err)
		}
		// A diagram narrower than its box keeps to the left, and the
		// findings take the room it leaves.
		if fit := pptx.Fit(diagramBox, w, h); fit.W < diagramBox.W {
			pic.Box.W = fit.W
			fp.X = diagramBox.X + fit.W + (findingsPanel.X - diagramBox.X - diagramBox.W)
			fp.W = findingsPanel.X + findingsPanel.W - fp.X
		}
		items = append(items, pptx.Item{Picture: pic})
	} else {
		items = append(items, text(diagramBox, para(14, "(no diagram: see the HTML report)", false, gray)))
	}
	groups := b.findingGroups(app, fp.W-2*panelInset, 1)
	first, rest := pack(groups, fp.W-2*panelInset, fp.H-2*panelInset)
	items = append(items, panel(fp, pale, first))
	b.add(items...)
	if len(rest) > 0 {
		// The slides that continue have the room for larger text.
		all := b.findingGroups(app, continuedCols[0].W-2*panelInset, continuedScale)
		rest = all[len(all)-len(rest):]
	}
	b.columnSlides(clip(a.Name, 60)+": key findings (continued)", sub, rest)
	return nil
}

// columnSlides adds slides of two columns with the title until the groups
// of paragraphs are all placed, each group whole in one column.
func (b *builder) columnSlides(title, sub string, groups [][]pptx.Para) {
	for len(groups) > 0 {
		items := header(title, sub)
		for _, col := range continuedCols {
			var ps []pptx.Para
			ps, groups = pack(groups, col.W-2*panelInset, col.H-2*panelInset)
			items = append(items, panel(col, "", ps))
			if len(groups) == 0 {
				break
			}
		}
		b.add(items...)
	}
}

func panel(box pptx.Rect, fill string, ps []pptx.Para) pptx.Item {
	return pptx.Item{Text: &pptx.Text{Box: box, Fill: fill, Inset: panelInset, Paras: ps}}
}

// continuedScale enlarges the text of the slides that continue an
// application's findings, which have the whole slide for them.
const continuedScale = 7.0 / 6

// findingGroups are the paragraphs of the application's key findings, a
// group of paragraphs per root cause, that pack keeps together, their
// sizes times scale; a cause's list of findings is cut to three lines of
// width.
func (b *builder) findingGroups(app Application, width, scale float64) [][]pptx.Para {
	res := b.res
	groups := [][]pptx.Para{{para(16, "Key findings, by root cause", true, navy)}}

	causes := rootCauses(res, app.findings)
	if len(causes) == 0 {
		groups = append(groups, []pptx.Para{para(13, "No unwaived finding of severity low or above.", false, "")})
	}
	for _, c := range causes {
		head := pptx.Para{Size: 12, SpaceBefore: 8, Runs: []pptx.Run{
			{Text: strings.ToUpper(c.severity.String()) + "  ", Bold: true, Color: severityColor[c.severity]},
			{Text: c.summary},
		}}
		var subjects []string
		for _, i := range c.findings {
			subjects = append(subjects, fmt.Sprintf("F%d %s", i+1, res.Findings[i].Subject))
		}
		line := fmt.Sprintf("%s: %s", plural(len(c.findings), "finding"), strings.Join(subjects, ", "))
		groups = append(groups, []pptx.Para{head, {Size: 11, Runs: []pptx.Run{{Text: clip(line, 3*charsPerLine(11*scale, width)), Color: gray}}}})
	}
	var questions, waived int
	for _, i := range app.findings {
		switch f := &res.Findings[i]; {
		case f.Waived:
			waived++
		case f.Severity < keyThreshold:
			questions++
		}
	}
	var tail []string
	if questions > 0 {
		tail = append(tail, fmt.Sprintf("%s to the agency", plural(questions, "question")))
	}
	if waived > 0 {
		tail = append(tail, fmt.Sprintf("%d waived", waived))
	}
	if len(tail) > 0 {
		groups = append(groups, []pptx.Para{{Size: 12, SpaceBefore: 8, Runs: []pptx.Run{{Text: strings.Join(tail, "; ") + ": see the report", Color: gray}}}})
	}
	for _, g := range groups {
		for i := range g {
			g[i].Size *= scale
			g[i].SpaceBefore *= scale
		}
	}
	return groups
}

// charsPerLine estimates how many characters of a size fit a width: the
// deck's sans-serif face averages about half an em a character.
func charsPerLine(size, width float64) int {
	return max(1, int(width/(size*0.52)))
}

// height estimates the height of a paragraph wrapped to width.
func height(p pptx.Para, width float64) float64 {
	var lines float64
	size := p.Size
	for _, seg := range strings.Split(runsText(p), "\n") {
		n := utf8.RuneCountInString(seg)
		lines += math.Max(1, math.Ceil(float64(n)/float64(charsPerLine(size, width))))
	}
	for _, r := range p.Runs {
		size = math.Max(size, r.Size)
	}
	return p.SpaceBefore + lines*size*1.2
}

func runsText(p pptx.Para) string {
	var sb strings.Builder
	for _, r := range p.Runs {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// pack takes the groups that fit a box of the width and height, whole, in
// order, and returns their paragraphs and the groups left over. A group
// taller than the box is taken alone.
func pack(groups [][]pptx.Para, width, h float64) ([]pptx.Para, [][]pptx.Para) {
	var out []pptx.Para
	used := 0.0
	for i, g := range groups {
		gh := 0.0
		for _, p := range g {
			gh += height(p, width)
		}
		if used+gh > h && i > 0 {
			return out, groups[i:]
		}
		used += gh
		out = append(out, g...)
	}
	return out, nil
}
