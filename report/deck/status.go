package deck

import (
	"fmt"
	"strings"

	"github.com/netreview/netreview/records"
	"github.com/netreview/netreview/report/pptx"
)

// stateColor is the color of each state on the status slides: the more
// urgent, the warmer.
var stateColor = map[records.State]string{
	records.Overdue:      "A61E4D",
	records.NoticeSent:   "E03131",
	records.PlanReceived: "E8590C",
	records.UnderReview:  "1C7ED6",
	records.Compliant:    "2B8A3E",
}

// BuildStatus assembles the committee's status deck from the review
// record: a title slide; the agencies by state beside the numbers that
// matter (agencies not meeting policy, overdue implementation plans); the
// agencies not meeting policy, the most urgent first; the findings
// resolved and introduced each quarter; and the counties with agencies not
// meeting policy. Every slide is marked FOR OFFICIAL USE ONLY.
func BuildStatus(c *records.Committee) *pptx.Deck {
	date := c.AsOf.Format("2006-01-02")
	b := &builder{date: date, deck: &pptx.Deck{
		Title:   "Status of the agencies under review, " + date,
		Subject: "CJIS compliance status for the advisory committee",
		Author:  "netreview",
		Created: date,
	}}
	var notMeeting []records.AgencyStatus
	overdue := 0
	for _, a := range c.Agencies {
		if !a.State.MeetsPolicy() {
			notMeeting = append(notMeeting, a)
		}
		if a.State == records.Overdue {
			overdue++
		}
	}
	b.add(
		pptx.Item{Text: &pptx.Text{Box: pptx.Rect{X: 0, Y: 0, W: pptx.SlideWidth, H: 30}, Fill: marked, Anchor: "middle",
			Paras: []pptx.Para{{Size: 13, Align: "center", Runs: []pptx.Run{{Text: fouo, Bold: true, Color: white}}}}}},
		pptx.Item{Text: &pptx.Text{Box: pptx.Rect{X: 0, Y: 70, W: pptx.SlideWidth, H: 110}, Fill: navy, Anchor: "middle", Inset: 40, Paras: []pptx.Para{
			para(36, "Compliance status", true, white),
			para(18, "Agencies connected to the state's CJIS network, for the advisory committee", false, white),
		}}},
		text(pptx.Rect{X: 40, Y: 200, W: pptx.SlideWidth - 80, H: 200},
			para(24, fmt.Sprintf("%s of %d do not meet policy", plural(len(notMeeting), "agency"), len(c.Agencies)), true, navy),
			para(18, fmt.Sprintf("%s overdue with an implementation plan", plural(overdue, "agency")), false, "212529"),
		),
		text(pptx.Rect{X: 40, Y: 450, W: pptx.SlideWidth - 80, H: 50},
			para(16, fmt.Sprintf("Status as of %s; an agency meets policy when its latest review has no unwaived finding of severity %s or above", date, c.Threshold), false, "212529")),
	)

	// The agencies by state, and the numbers beside.
	items := header("Agencies by state", fmt.Sprintf("%d agencies in the review record", len(c.Agencies)))
	if len(c.States) > 0 {
		ch := &pptx.Chart{Title: "Agencies by state", Horizontal: true, Box: pptx.Rect{X: 16, Y: 96, W: 590, H: 410}}
		for _, s := range c.States {
			ch.Categories = append(ch.Categories, strings.ReplaceAll(string(s.State), "-", " "))
		}
		for i, s := range c.States {
			sr := pptx.Series{Name: strings.ReplaceAll(string(s.State), "-", " "), Color: stateColor[s.State], Values: make([]float64, len(c.States))}
			sr.Values[i] = float64(s.Agencies)
			ch.Series = append(ch.Series, sr)
		}
		items = append(items, pptx.Item{Chart: ch})
	}
	var ps []pptx.Para
	ps = append(ps, para(16, "Not meeting policy", true, navy), para(28, fmt.Sprint(len(notMeeting)), true, stateColor[records.NoticeSent]),
		pptx.Para{Size: 16, SpaceBefore: 12, Runs: []pptx.Run{{Text: "Implementation plans overdue", Bold: true, Color: navy}}},
		para(28, fmt.Sprint(overdue), true, stateColor[records.Overdue]))
	items = append(items, pptx.Item{Text: &pptx.Text{Box: pptx.Rect{X: 626, Y: 100, W: 318, H: 400}, Fill: pale, Inset: 14, Paras: ps}})
	b.add(items...)

	b.notMeetingSlides(notMeeting)
	b.quartersSlide(c.Quarters)
	b.countiesSlide(c.Counties)
	b.footers()
	return b.deck
}

// notMeetingSlides list the agencies not meeting policy, the most urgent
// first, as many slides as they need.
func (b *builder) notMeetingSlides(as []records.AgencyStatus) {
	var groups [][]pptx.Para
	for _, a := range as {
		name := a.Name
		if name == "" {
			name = a.ORI
		}
		head := pptx.Para{Size: 14, SpaceBefore: 6, Runs: []pptx.Run{
			{Text: strings.ToUpper(strings.ReplaceAll(string(a.State), "-", " ")) + "  ", Bold: true, Color: stateColor[a.State]},
			{Text: clip(name, 50), Bold: true},
		}}
		var detail []string
		if a.County != "" {
			detail = append(detail, a.County)
		}
		detail = append(detail, "ORI "+a.ORI, "since "+a.Since.Format("2006-01-02"))
		if !a.NoticeDue.IsZero() {
			detail = append(detail, "plan due "+a.NoticeDue.Format("2006-01-02"))
		}
		o := a.Open
		detail = append(detail, fmt.Sprintf("open: %d critical, %d high, %d medium", o.Critical, o.High, o.Medium))
		groups = append(groups, []pptx.Para{head, para(12, clip(strings.Join(detail, " · "), 2*charsPerLine(12, 420)), false, gray)})
	}
	if len(groups) == 0 {
		groups = append(groups, []pptx.Para{para(18, "Every agency in the record meets policy.", true, navy)})
	}
	b.columnSlides("Agencies not meeting policy", "The most urgent first: overdue, notice sent, plan received, under review", groups)
}

// quartersSlide charts the findings resolved and introduced each quarter.
func (b *builder) quartersSlide(qs []records.Quarter) {
	items := header("Resolutions over time", "Findings resolved and introduced by the reviews of each quarter")
	if len(qs) == 0 {
		b.add(append(items, text(pptx.Rect{X: 40, Y: 200, W: 880, H: 60}, para(24, "No review in the record yet.", true, navy)))...)
		return
	}
	resolved := &pptx.Chart{Title: "Findings resolved", Box: pptx.Rect{X: 16, Y: 96, W: 456, H: 410}}
	introduced := &pptx.Chart{Title: "Findings introduced", Box: pptx.Rect{X: 488, Y: 96, W: 456, H: 410}}
	r := pptx.Series{Name: "resolved", Color: stateColor[records.Compliant]}
	n := pptx.Series{Name: "introduced", Color: stateColor[records.NoticeSent]}
	for _, q := range qs {
		resolved.Categories = append(resolved.Categories, q.Label)
		introduced.Categories = append(introduced.Categories, q.Label)
		r.Values = append(r.Values, float64(q.Resolved))
		n.Values = append(n.Values, float64(q.Introduced))
	}
	resolved.Series, introduced.Series = []pptx.Series{r}, []pptx.Series{n}
	b.add(append(items, pptx.Item{Chart: resolved}, pptx.Item{Chart: introduced})...)
}

// countiesSlide charts the counties with the most agencies not meeting
// policy.
func (b *builder) countiesSlide(cs []records.CountyCount) {
	items := header("Counties", "Agencies not meeting policy and meeting it, by county; the most not meeting first")
	var top []records.CountyCount
	for _, c := range cs {
		if c.NotMeeting > 0 {
			top = append(top, c)
		}
	}
	if len(top) == 0 {
		b.add(append(items, text(pptx.Rect{X: 40, Y: 200, W: 880, H: 60}, para(24, "Every county's agencies meet policy.", true, navy)))...)
		return
	}
	// Most not meeting first, then by name (cs comes by name).
	for i := 1; i < len(top); i++ {
		for j := i; j > 0 && top[j].NotMeeting > top[j-1].NotMeeting; j-- {
			top[j], top[j-1] = top[j-1], top[j]
		}
	}
	if len(top) > maxRanked {
		top = top[:maxRanked]
	}
	ch := &pptx.Chart{Horizontal: true, Box: pptx.Rect{X: 24, Y: 96, W: pptx.SlideWidth - 48, H: 410}}
	not := pptx.Series{Name: "not meeting policy", Color: stateColor[records.NoticeSent]}
	ok := pptx.Series{Name: "meeting policy", Color: stateColor[records.Compliant]}
	for _, c := range top {
		name := c.County
		if name == "" {
			name = "(no county)"
		}
		ch.Categories = append(ch.Categories, clip(name, 30))
		not.Values = append(not.Values, float64(c.NotMeeting))
		ok.Values = append(ok.Values, float64(c.Compliant))
	}
	ch.Series = []pptx.Series{not, ok}
	b.add(append(items, pptx.Item{Chart: ch})...)
}
