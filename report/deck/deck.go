// Package deck assembles the advisory committee's slides from a review: a
// title slide, the review at a glance (findings by rule and severity, and
// the network's statistics), a slide per application under review with its
// diagram and its key findings grouped by root cause, and for a statewide
// model the counties and agencies with the most serious findings. Every
// slide is marked FOR OFFICIAL USE ONLY.
//
// Build returns the deck as a pptx.Deck, which package report/pptx writes
// as PowerPoint and package internal/deckpdf draws as PDF, so that both forms
// hold the same slides.
package deck

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/words"
	"github.com/netreview/netreview/report"
	"github.com/netreview/netreview/report/pptx"
	"github.com/netreview/netreview/topology"
)

// maxTitleAgencies is the most agencies the title slide lists by name.
const maxTitleAgencies = 6

// maxApplicationSlides is the most applications that get a slide each. A
// review of more agencies is statewide: it shows the counties and agencies
// with the most serious findings instead.
const maxApplicationSlides = 12

// diagramBox is where an application's diagram goes on its slide, in
// points; a diagram of its proportions (about 3:2) fills it.
var diagramBox = pptx.Rect{X: 16, Y: 98, W: 600, H: 400}

// fouo is the marking on every slide.
const fouo = "FOR OFFICIAL USE ONLY"

// Options control the deck.
type Options struct {
	// Diagram writes the annotated diagram of an application as a PNG,
	// scaled to fit a 600 by 400 point box on its slide. Nil leaves the
	// diagrams out, with a note on the slide.
	Diagram func(w io.Writer, app Application) error
}

// Application is one agency's document under review.
type Application struct {
	doc *topology.Document
	// findings are the indices in the result's findings of those that
	// concern the agency.
	findings []int
}

// ORI is the application's agency's ORI.
func (a Application) ORI() string { return a.doc.Agency.ORI }

// applications returns the documents under review, in load order: every
// document whose agency is not the CSA, one per ORI, with the findings
// that list its ORI (for an agency without one, the findings that list no
// agency).
func applications(res *analysis.Result) []Application {
	var apps []Application
	index := map[string]int{}
	for _, d := range res.Model.Docs {
		if d.Agency.IsCSA() {
			continue
		}
		if _, dup := index[d.Agency.ORI]; dup && d.Agency.ORI != "" {
			continue
		}
		index[d.Agency.ORI] = len(apps)
		apps = append(apps, Application{doc: d})
	}
	for i, f := range res.Findings {
		for _, ori := range f.Agencies {
			if j, ok := index[ori]; ok {
				apps[j].findings = append(apps[j].findings, i)
			}
		}
		// An agency without an ORI cannot be listed on a finding: it has
		// the findings that list no agency.
		if j, ok := index[""]; ok && len(f.Agencies) == 0 {
			apps[j].findings = append(apps[j].findings, i)
		}
	}
	return apps
}

// builder holds what every slide needs.
type builder struct {
	res  *analysis.Result
	opt  Options
	apps []Application
	deck *pptx.Deck
	date string
}

// Build assembles the deck of the review.
func Build(res *analysis.Result, opt Options) (*pptx.Deck, error) {
	b := &builder{res: res, opt: opt, apps: applications(res), date: res.Date.Format("2006-01-02")}
	b.deck = &pptx.Deck{
		Title:   "Network design review: " + b.agencyLine(),
		Subject: "CJIS network design review for the advisory committee",
		Author:  "netreview",
		Created: b.date,
	}
	b.titleSlide()
	b.glanceSlide()
	if len(b.apps) > maxApplicationSlides {
		b.rankingSlide("Counties with the most serious findings", countyRanking(res, b.apps))
		b.rankingSlide("Agencies with the most serious findings", agencyRanking(res, b.apps))
	} else {
		for _, app := range b.apps {
			if err := b.applicationSlides(app); err != nil {
				return nil, err
			}
		}
	}
	b.footers()
	return b.deck, nil
}

// agencyLine names the agencies under review, or counts them when they are
// many.
func (b *builder) agencyLine() string {
	switch n := len(b.apps); {
	case n == 0:
		return "no agency under review"
	case n > 3:
		return words.Grouped(n) + " agencies in " + plural(len(counties(b.apps)), "county")
	default:
		names := make([]string, n)
		for i, a := range b.apps {
			names[i] = a.doc.Agency.Name
		}
		return strings.Join(names, ", ")
	}
}

func counties(apps []Application) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range apps {
		if c := a.doc.Agency.County; c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

func (b *builder) add(items ...pptx.Item) {
	b.deck.Slides = append(b.deck.Slides, pptx.Slide{Items: items})
}

// Colors.
const (
	navy   = "1C3A5E"
	gray   = "5C636A"
	white  = "FFFFFF"
	pale   = "E9ECEF"
	marked = "A61E4D" // the FOUO marking
)

// severityColor is the color of each severity, as the diagrams draw it.
var severityColor = map[analysis.Severity]string{
	analysis.Critical: "A61E4D",
	analysis.High:     "E03131",
	analysis.Medium:   "E8590C",
	analysis.Low:      "1C7ED6",
	analysis.Info:     "868E96",
}

// text is a text box of paragraphs.
func text(box pptx.Rect, paras ...pptx.Para) pptx.Item {
	return pptx.Item{Text: &pptx.Text{Box: box, Paras: paras}}
}

// para is a paragraph of one run.
func para(size float64, s string, bold bool, color string) pptx.Para {
	return pptx.Para{Size: size, Runs: []pptx.Run{{Text: s, Bold: bold, Color: color}}}
}

// header is the title bar of a content slide, with a line under it.
func header(title, sub string) []pptx.Item {
	items := []pptx.Item{{Text: &pptx.Text{Box: pptx.Rect{X: 0, Y: 0, W: pptx.SlideWidth, H: 60}, Fill: navy, Anchor: "middle", Inset: 24,
		Paras: []pptx.Para{para(titleSize(title), clip(title, 80), true, white)}}}}
	if sub != "" {
		items = append(items, text(pptx.Rect{X: 24, Y: 66, W: pptx.SlideWidth - 48, H: 26}, para(13, clip(sub, 130), false, gray)))
	}
	return items
}

// titleSize is the size of a slide title: smaller for a long one, so that
// it keeps to one line of the bar.
func titleSize(s string) float64 {
	switch n := utf8.RuneCountInString(s); {
	case n > 62:
		return 18
	case n > 50:
		return 22
	}
	return 26
}

// clip shortens s to at most n characters, ending it with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := strings.TrimRight(string(r[:n-1]), " ,;:·-")
	return cut + "…"
}

// footers marks every slide: FOUO in the middle, the review on the left,
// the page on the right.
func (b *builder) footers() {
	n := len(b.deck.Slides)
	label := "Network design review, " + b.date
	if b.res == nil {
		label = "Compliance status, " + b.date
	} else if b.res.Pack != nil {
		label += " under " + b.res.Pack.Name
	}
	y, h := pptx.SlideHeight-28, 22.0
	for i := range b.deck.Slides {
		s := &b.deck.Slides[i]
		s.Items = append(s.Items,
			text(pptx.Rect{X: 24, Y: y, W: 300, H: h}, para(10, label, false, gray)),
			text(pptx.Rect{X: 330, Y: y, W: 300, H: h}, pptx.Para{Size: 12, Align: "center", Runs: []pptx.Run{{Text: fouo, Bold: true, Color: marked}}}),
			text(pptx.Rect{X: pptx.SlideWidth - 124, Y: y, W: 100, H: h}, pptx.Para{Size: 10, Align: "right", Runs: []pptx.Run{{Text: fmt.Sprintf("%d / %d", i+1, n), Color: gray}}}),
		)
	}
}

func (b *builder) titleSlide() {
	items := []pptx.Item{
		{Text: &pptx.Text{Box: pptx.Rect{X: 0, Y: 0, W: pptx.SlideWidth, H: 30}, Fill: marked, Anchor: "middle",
			Paras: []pptx.Para{{Size: 13, Align: "center", Runs: []pptx.Run{{Text: fouo, Bold: true, Color: white}}}}}},
		{Text: &pptx.Text{Box: pptx.Rect{X: 0, Y: 70, W: pptx.SlideWidth, H: 110}, Fill: navy, Anchor: "middle", Inset: 40, Paras: []pptx.Para{
			para(36, "Network design review", true, white),
			para(18, "CJIS Security Policy review for the advisory committee", false, white),
		}}},
	}
	var paras []pptx.Para
	switch n := len(b.apps); {
	case n == 0 || n > maxTitleAgencies:
		paras = append(paras, para(24, b.agencyLine(), true, navy))
		if cs := counties(b.apps); len(cs) > 0 {
			paras = append(paras, para(14, clip("Counties: "+strings.Join(cs, ", "), 3*charsPerLine(14, 880)), false, gray))
		}
	case n <= 3:
		// Each agency with its proposal in full.
		for _, a := range b.apps {
			paras = append(paras, para(22, clip(a.doc.Agency.Name, 60), true, navy))
			if s := agencyDetail(a.doc.Agency); s != "" {
				paras = append(paras, para(14, s, false, gray))
			}
			if p := a.doc.Proposal; p != nil {
				paras = append(paras, para(16, clip(p.Title, 100), false, "212529"))
				if s := proposalDetail(p); s != "" {
					paras = append(paras, para(13, s, false, gray))
				}
			}
			paras = append(paras, pptx.Para{Size: 8})
		}
	default:
		// A line for each agency, one for its proposal; smaller for six.
		big, small, space := 18.0, 14.0, 8.0
		if n > 4 {
			big, small, space = 16, 12, 4
		}
		for _, a := range b.apps {
			name := pptx.Para{Size: big, SpaceBefore: space, Runs: []pptx.Run{{Text: clip(a.doc.Agency.Name, 60), Bold: true, Color: navy}}}
			if s := agencyDetail(a.doc.Agency); s != "" {
				name.Runs = append(name.Runs, pptx.Run{Text: "   " + s, Color: gray, Size: small})
			}
			paras = append(paras, name)
			if p := a.doc.Proposal; p != nil && p.Title != "" {
				paras = append(paras, para(small, clip(p.Title, 110), false, "212529"))
			}
		}
	}
	items = append(items, text(pptx.Rect{X: 40, Y: 200, W: pptx.SlideWidth - 80, H: 240}, paras...))
	when := "Reviewed as of " + b.date
	if b.res.Pack != nil {
		when += " under the " + b.res.Pack.Name + " rule pack"
		if b.res.Pack.Policy != "" {
			when += " (CJIS Security Policy " + b.res.Pack.Policy + ")"
		}
	}
	items = append(items, text(pptx.Rect{X: 40, Y: 450, W: pptx.SlideWidth - 80, H: 50}, para(16, when, false, "212529")))
	b.add(items...)
}

func agencyDetail(a topology.Agency) string {
	var parts []string
	if a.ORI != "" {
		parts = append(parts, "ORI "+a.ORI)
	}
	if c := a.County; c != "" {
		if !strings.HasSuffix(strings.ToLower(c), "county") {
			c += " County"
		}
		parts = append(parts, c)
	}
	return strings.Join(parts, " · ")
}

func proposalDetail(p *topology.Proposal) string {
	var parts []string
	if p.Kind != "" {
		parts = append(parts, strings.ReplaceAll(string(p.Kind), "-", " "))
	}
	if !p.Submitted.IsZero() {
		parts = append(parts, "submitted "+p.Submitted.Format("2006-01-02"))
	}
	if p.Vendor != "" {
		parts = append(parts, "vendor "+p.Vendor)
	}
	return strings.Join(parts, " · ")
}

// glanceSlide is the review at a glance: a chart of the unwaived findings
// by rule, stacked by severity, beside the network's statistics.
func (b *builder) glanceSlide() {
	res := b.res
	items := header("The review at a glance", b.agencyLine())
	chart := byRuleChart(res)
	if chart != nil {
		chart.Box = pptx.Rect{X: 16, Y: 96, W: 590, H: 410}
		items = append(items, pptx.Item{Chart: chart})
	} else {
		items = append(items, text(pptx.Rect{X: 40, Y: 200, W: 540, H: 60}, para(24, "No unwaived findings.", true, navy)))
	}
	items = append(items, pptx.Item{Text: &pptx.Text{Box: pptx.Rect{X: 626, Y: 100, W: 318, H: 400}, Fill: pale, Inset: 14, Paras: b.statistics()}})
	b.add(items...)
}

// statistics are the network's numbers and the findings' counts.
func (b *builder) statistics() []pptx.Para {
	res, m := b.res, b.res.Model
	sum := report.Summarize(res)
	var ps []pptx.Para
	ps = append(ps, para(16, "The network", true, navy))
	ps = append(ps, para(14, fmt.Sprintf("%s, %s", plural(len(m.Sites), "site"), plural(len(m.Devices), "device")), false, ""))
	ps = append(ps, para(14, fmt.Sprintf("%s, %s", plural(len(m.Links), "link"), plural(len(m.Tunnels), "tunnel")), false, ""))
	if c := clients(m); c > 0 {
		ps = append(ps, para(14, plural(c, "client")+" (workstations and mobile devices)", false, ""))
	}
	if r := redundancyLine(res); r != "" {
		ps = append(ps, para(14, r, false, ""))
	}
	ps = append(ps, pptx.Para{Size: 14, SpaceBefore: 10, Runs: []pptx.Run{{Text: "Findings", Bold: true, Color: navy, Size: 16}}})
	counts := []struct {
		sev analysis.Severity
		n   int
	}{{analysis.Critical, sum.Findings.Critical}, {analysis.High, sum.Findings.High}, {analysis.Medium, sum.Findings.Medium}, {analysis.Low, sum.Findings.Low}, {analysis.Info, sum.Findings.Info}}
	for _, c := range counts {
		if c.n == 0 {
			continue
		}
		label := c.sev.String()
		if c.sev == analysis.Info {
			label = "info (questions to the agency)"
		}
		ps = append(ps, pptx.Para{Size: 14, Runs: []pptx.Run{{Text: fmt.Sprintf("%d ", c.n), Bold: true, Color: severityColor[c.sev]}, {Text: label}}})
	}
	if sum.Waived > 0 {
		ps = append(ps, para(14, fmt.Sprintf("%d waived", sum.Waived), false, gray))
	}
	if len(ps) > 0 && sum.Findings == (report.SeverityCounts{}) && sum.Waived == 0 {
		ps = append(ps, para(14, "none", false, ""))
	}
	return ps
}

// clients counts the workstations and mobile devices, as the diagrams'
// title blocks do (CJIS 5.7.1.2).
func clients(m *topology.Model) int {
	n := 0
	for _, d := range m.Devices {
		if d.Type == topology.Workstation || d.Type == topology.MobileDevice {
			n += d.Units()
		}
	}
	return n
}

// redundancyLine counts the sites by their ways to the state hubs.
func redundancyLine(res *analysis.Result) string {
	if len(res.Redundancy) == 0 {
		return ""
	}
	var cut, single, redundant int
	for _, s := range res.Redundancy {
		switch {
		case s.Paths <= 0:
			cut++
		case s.Paths == 1:
			single++
		default:
			redundant++
		}
	}
	var parts []string
	if redundant > 0 {
		parts = append(parts, fmt.Sprintf("%d redundant", redundant))
	}
	if single > 0 {
		parts = append(parts, fmt.Sprintf("%d on a single path", single))
	}
	if cut > 0 {
		parts = append(parts, fmt.Sprintf("%d cut off", cut))
	}
	return "Sites to the state hubs: " + strings.Join(parts, ", ")
}

// plural counts n of a word: "1 site", "2 sites", "3 counties".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}
