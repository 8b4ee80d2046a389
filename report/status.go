package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netreview/netreview/records"
)

// statusMarking is the handling marking of the status report, on every
// page of every form: it names agencies and their open weaknesses.
const statusMarking = "FOR OFFICIAL USE ONLY"

//go:embed assets/status.html.tmpl assets/status.css
var statusAssets embed.FS

var statusTemplate = template.Must(template.New("status.html.tmpl").Funcs(template.FuncMap{
	"date": func(t time.Time) string { return t.Format(records.DateLayout) },
}).ParseFS(statusAssets, "assets/status.html.tmpl"))

// statusView is what the status report's forms show.
type statusView struct {
	*records.Committee
	AsOf       string
	Marking    string
	NotMeeting []records.AgencyStatus // most urgent first
	Meeting    []records.AgencyStatus
	CSS        template.CSS
	Chart      template.HTML
}

func newStatusView(c *records.Committee) *statusView {
	v := &statusView{Committee: c, AsOf: c.AsOf.Format(records.DateLayout), Marking: statusMarking}
	for _, a := range c.Agencies {
		if a.State.MeetsPolicy() {
			v.Meeting = append(v.Meeting, a)
		} else {
			v.NotMeeting = append(v.NotMeeting, a)
		}
	}
	return v
}

// StatusHTML writes the committee's status report as one self-contained
// page that prints to PDF with the marking at the top and bottom of every
// page: agencies not meeting policy (overdue first), open findings by rule
// across the state, reviews and resolutions by quarter with a chart, the
// counties, and the agencies that meet policy.
func StatusHTML(w io.Writer, c *records.Committee) error {
	css, err := statusAssets.ReadFile("assets/status.css")
	if err != nil {
		return err
	}
	v := newStatusView(c)
	v.CSS = template.CSS(css)
	v.Chart = template.HTML(quarterChartSVG(c.Quarters))
	var buf bytes.Buffer
	if err := statusTemplate.Execute(&buf, v); err != nil {
		return fmt.Errorf("status report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// chartSeries are the quarter chart's bars: name, color, value.
var chartSeries = []struct {
	name, color string
	value       func(q records.Quarter) int
}{
	{"Reviews", "#2e86c1", func(q records.Quarter) int { return q.Reviews }},
	{"Findings introduced", "#c0392b", func(q records.Quarter) int { return q.Introduced }},
	{"Findings resolved", "#1e7b45", func(q records.Quarter) int { return q.Resolved }},
}

// quarterChartSVG draws a grouped bar chart of reviews, findings introduced
// and findings resolved per quarter, as inline SVG. Every text in it is
// netreview's own (labels and numbers).
func quarterChartSVG(qs []records.Quarter) string {
	if len(qs) == 0 {
		return `<p>No review is recorded yet.</p>`
	}
	top := 1
	for _, q := range qs {
		for _, s := range chartSeries {
			top = max(top, s.value(q))
		}
	}
	top = niceCeil(top)
	const left, right, plotTop, plotH, bar, gap = 48, 16, 28, 200, 16, 20
	group := bar*len(chartSeries) + gap
	legend := 0
	for _, s := range chartSeries {
		legend += legendEntry(s.name)
	}
	width := max(left+right+group*len(qs), left+legend)
	group = (width - left - right) / len(qs) // spread a few quarters across the legend's width
	height := plotTop + plotH + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="Reviews and resolutions by quarter" font-family="DejaVu Sans, sans-serif" font-size="11">`, width, height, width, height)
	// Legend.
	x := left
	for _, s := range chartSeries {
		fmt.Fprintf(&b, `<rect x="%d" y="6" width="10" height="10" fill="%s"/><text x="%d" y="15">%s</text>`, x, s.color, x+14, s.name)
		x += legendEntry(s.name)
	}
	// Axis and grid: four steps.
	for i := 0; i <= 4; i++ {
		v := top * i / 4
		y := plotTop + plotH - plotH*i/4
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#d0d7de"/><text x="%d" y="%d" text-anchor="end">%d</text>`, left, width-right, y, y, left-6, y+4, v)
	}
	for i, q := range qs {
		gx := left + i*group + (group-bar*len(chartSeries))/2
		for j, s := range chartSeries {
			v := s.value(q)
			h := plotH * v / top
			bx := gx + j*bar
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"><title>%s %s: %d</title></rect>`, bx, plotTop+plotH-h, bar-2, h, s.color, q.Label, s.name, v)
			if v > 0 {
				fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="9">%d</text>`, bx+bar/2-1, plotTop+plotH-h-3, v)
			}
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text>`, gx+bar*len(chartSeries)/2, plotTop+plotH+16, q.Label)
	}
	fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#1b1f23"/>`, left, width-right, plotTop+plotH, plotTop+plotH)
	b.WriteString(`</svg><figcaption>Reviews recorded in each quarter, and the findings those reviews introduced and resolved against each agency's review before.</figcaption></figure>`)
	return b.String()
}

// legendEntry is the width of a legend entry: the swatch, the name at
// about 7 pixels a character, and a space.
func legendEntry(name string) int { return 14 + 7*len(name) + 18 }

// niceCeil rounds n up to four equal steps of 1, 2 or 5 times a power of
// ten, so that the chart's grid lines fall on round numbers.
func niceCeil(n int) int {
	step := (n + 3) / 4
	for mag := 1; ; mag *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*mag >= step {
				return m * mag * 4
			}
		}
	}
}

// StatusMarkdown writes the committee's status report as Markdown, marked
// at the top and the bottom.
func StatusMarkdown(w io.Writer, c *records.Committee) error {
	v := newStatusView(c)
	var b strings.Builder
	cell := records.MarkdownCell
	fmt.Fprintf(&b, "**%s**\n\n# CJIS network review status\n\n", v.Marking)
	fmt.Fprintf(&b, "Report to the advisory committee, as of %s. An agency meets policy when its latest review has no unwaived finding of severity %s or above.\n\n", v.AsOf, c.Threshold)
	var states []string
	for _, s := range c.States {
		states = append(states, fmt.Sprintf("%d %s", s.Agencies, s.State))
	}
	fmt.Fprintf(&b, "Agencies: %s.\n\n", strings.Join(states, ", "))

	fmt.Fprintf(&b, "## Agencies not meeting policy (%d)\n\n", len(v.NotMeeting))
	if len(v.NotMeeting) == 0 {
		b.WriteString("Every agency in the record meets policy.\n\n")
	} else {
		b.WriteString("| ORI | Agency | County | State | Since | Why | Last review | Critical | High | Medium | Low |\n")
		b.WriteString("| --- | --- | --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: |\n")
		for _, a := range v.NotMeeting {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %d | %d | %d | %d |\n", a.ORI, cell(a.Name), cell(a.County), a.State,
				a.Since.Format(records.DateLayout), cell(a.Why()), a.LastReview.Format(records.DateLayout), a.Open.Critical, a.Open.High, a.Open.Medium, a.Open.Low)
		}
		b.WriteString("\n")
	}

	b.WriteString("## Open findings by rule across the state\n\n")
	if len(c.Rules) == 0 {
		b.WriteString("No open finding in any agency's latest review.\n\n")
	} else {
		b.WriteString("| Rule | Severity | Open findings | Agencies |\n| --- | --- | ---: | ---: |\n")
		for _, r := range c.Rules {
			fmt.Fprintf(&b, "| `%s` | %s | %d | %d |\n", r.Rule, r.Severity, r.Open, r.Agencies)
		}
		b.WriteString("\n")
	}

	b.WriteString("## Reviews and resolutions by quarter\n\n")
	b.WriteString("| Quarter | Reviews | Findings introduced | Findings resolved | Notices sent | Plans received |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, q := range c.Quarters {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", q.Label, q.Reviews, q.Introduced, q.Resolved, q.Notices, q.Plans)
	}
	b.WriteString("\n## Counties\n\n")
	b.WriteString("| County | Agencies | Meeting policy | Not meeting policy | Overdue |\n| --- | ---: | ---: | ---: | ---: |\n")
	for _, cc := range c.Counties {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d |\n", cell(countyOrNone(cc.County)), cc.Agencies, cc.Compliant, cc.NotMeeting, cc.Overdue)
	}
	fmt.Fprintf(&b, "\n## Agencies meeting policy (%d)\n\n", len(v.Meeting))
	if len(v.Meeting) > 0 {
		b.WriteString("| ORI | Agency | County | Last review | Medium | Low | Info |\n| --- | --- | --- | --- | ---: | ---: | ---: |\n")
		for _, a := range v.Meeting {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %d | %d | %d |\n", a.ORI, cell(a.Name), cell(a.County), a.LastReview.Format(records.DateLayout), a.Open.Medium, a.Open.Low, a.Open.Info)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "**%s**\n", v.Marking)
	_, err := io.WriteString(w, b.String())
	return err
}

func countyOrNone(c string) string {
	if c == "" {
		return "(not stated)"
	}
	return c
}

// Sheets of the status workbook.
const (
	statusSummarySheet  = "Status"
	statusAgenciesSheet = "Agencies"
	statusRulesSheet    = "Rules"
	statusQuartersSheet = "Quarters"
	statusCountiesSheet = "Counties"
)

// StatusWorkbook writes the committee's status report as an .xlsx
// workbook: a Status sheet (the date, the count by state, the agencies not
// meeting policy, overdue first), every agency, the findings by rule, the
// quarters with a chart, and the counties. Every sheet prints landscape,
// one page wide, with the marking in its header and footer.
func StatusWorkbook(w io.Writer, c *records.Committee) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := writeStatusWorkbook(f, newStatusView(c)); err != nil {
		return fmt.Errorf("status workbook: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("status workbook: %w", err)
	}
	return nil
}

func writeStatusWorkbook(f *excelize.File, v *statusView) error {
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", statusSummarySheet); err != nil {
		return err
	}
	for _, s := range []string{statusAgenciesSheet, statusRulesSheet, statusQuartersSheet, statusCountiesSheet} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	agencyRow := func(a records.AgencyStatus) []any {
		return []any{a.ORI, a.Name, a.County, string(a.State), a.Since.Format(records.DateLayout), a.Why(), a.LastReview.Format(records.DateLayout),
			a.Open.Critical, a.Open.High, a.Open.Medium, a.Open.Low, a.Open.Info}
	}
	agencyHeader := []string{"ORI", "Agency", "County", "State", "Since", "Why", "Last review", "Critical", "High", "Medium", "Low", "Info"}
	agencyWidths := []float64{12, 30, 14, 14, 11, 44, 11, 8, 8, 8, 8, 8}

	// Status: title, counts by state, then the agencies not meeting policy.
	s := statusSummarySheet
	rows := [][]any{
		{statusMarking},
		{"CJIS network review status"},
		{fmt.Sprintf("Report to the advisory committee, as of %s. An agency meets policy when its latest review has no unwaived finding of severity %s or above.", v.AsOf, v.Threshold)},
		{},
		{"State", "Agencies"},
	}
	for _, sc := range v.States {
		rows = append(rows, []any{string(sc.State), sc.Agencies})
	}
	rows = append(rows, []any{}, []any{fmt.Sprintf("Agencies not meeting policy (%d), overdue first", len(v.NotMeeting))})
	for i, r := range rows {
		if err := setRow(f, s, i+1, r...); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A1", "A1", st.title); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A2", "A2", st.title); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A5", "B5", st.header); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, cell(1, len(rows)), cell(1, len(rows)), st.label); err != nil {
		return err
	}
	first := len(rows) + 1
	if err := headerRow(f, s, first, st, agencyHeader...); err != nil {
		return err
	}
	for i, a := range v.NotMeeting {
		if err := setRow(f, s, first+1+i, agencyRow(a)...); err != nil {
			return err
		}
	}
	if err := wrapAgencyRows(f, s, st, first+1, v.NotMeeting, agencyWidths); err != nil {
		return err
	}
	if err := setWidths(f, s, agencyWidths); err != nil {
		return err
	}

	var all [][]any
	for _, a := range v.Agencies {
		all = append(all, agencyRow(a))
	}
	if err := tableSheet(f, statusAgenciesSheet, st, agencyHeader, all, agencyWidths); err != nil {
		return err
	}
	if err := wrapAgencyRows(f, statusAgenciesSheet, st, 2, v.Agencies, agencyWidths); err != nil {
		return err
	}
	var rules [][]any
	for _, r := range v.Rules {
		rules = append(rules, []any{r.Rule, r.Severity.String(), r.Open, r.Agencies})
	}
	if err := tableSheet(f, statusRulesSheet, st, []string{"Rule", "Severity", "Open findings", "Agencies"}, rules, []float64{28, 10, 14, 10}); err != nil {
		return err
	}
	var qs [][]any
	for _, q := range v.Quarters {
		qs = append(qs, []any{q.Label, q.Reviews, q.Introduced, q.Resolved, q.Notices, q.Plans})
	}
	if err := tableSheet(f, statusQuartersSheet, st, []string{"Quarter", "Reviews", "Findings introduced", "Findings resolved", "Notices sent", "Plans received"}, qs, []float64{10, 10, 21, 20, 15, 16}); err != nil {
		return err
	}
	if len(qs) > 0 {
		if err := addQuarterChart(f, statusQuartersSheet, len(qs)); err != nil {
			return err
		}
	}
	var counties [][]any
	for _, cc := range v.Counties {
		counties = append(counties, []any{countyOrNone(cc.County), cc.Agencies, cc.Compliant, cc.NotMeeting, cc.Overdue})
	}
	if err := tableSheet(f, statusCountiesSheet, st, []string{"County", "Agencies", "Meeting policy", "Not meeting policy", "Overdue"}, counties, []float64{24, 10, 15, 18, 10}); err != nil {
		return err
	}
	for _, name := range f.GetSheetList() {
		if err := markSheet(f, name); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return nil
}

// wrappedAgencyColumns are the columns of an agency row that wrap: the
// agency's name and why it stands where it does.
var wrappedAgencyColumns = []int{2, 6}

// wrapAgencyRows wraps the long columns of the agency rows from row first
// on, and makes each row tall enough for its lines: a spreadsheet does not
// grow a row for wrapped text it did not lay out itself.
func wrapAgencyRows(f *excelize.File, s string, st xlsxStyles, first int, as []records.AgencyStatus, widths []float64) error {
	if len(as) == 0 {
		return nil
	}
	top, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(s, cell(1, first), cell(len(widths), first+len(as)-1), top); err != nil {
		return err
	}
	for _, col := range wrappedAgencyColumns {
		if err := f.SetCellStyle(s, cell(col, first), cell(col, first+len(as)-1), st.wrap); err != nil {
			return err
		}
	}
	for i, a := range as {
		texts := []string{a.Name, a.Why()}
		lines := 1
		for j, col := range wrappedAgencyColumns {
			per := max(int(widths[col-1])-2, 1) // characters a line holds, about
			lines = max(lines, (len(texts[j])+per-1)/per)
		}
		if lines > 1 {
			if err := f.SetRowHeight(s, first+i, 15*float64(lines)); err != nil {
				return err
			}
		}
	}
	return nil
}

func setWidths(f *excelize.File, s string, widths []float64) error {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// addQuarterChart adds a clustered column chart of reviews, findings
// introduced and findings resolved per quarter beside the table.
func addQuarterChart(f *excelize.File, s string, n int) error {
	cats := fmt.Sprintf("%s!$A$2:$A$%d", s, n+1)
	var series []excelize.ChartSeries
	for i, cs := range chartSeries {
		col, _ := excelize.ColumnNumberToName(i + 2)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$1", s, col),
			Categories: cats,
			Values:     fmt.Sprintf("%s!$%s$2:$%s$%d", s, col, col, n+1),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{strings.TrimPrefix(cs.color, "#")}},
		})
	}
	return f.AddChart(s, "H2", &excelize.Chart{
		Type:      excelize.Col,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Reviews and resolutions by quarter"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 640, Height: 360},
	})
}

// markSheet prints the sheet landscape, one page wide, with the marking in
// the header and footer of every page.
func markSheet(f *excelize.File, s string) error {
	landscape, fit, tall := "landscape", 1, 0
	if err := f.SetPageLayout(s, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &fit, FitToHeight: &tall}); err != nil {
		return err
	}
	fitToPage := true
	if err := f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
		return err
	}
	return f.SetHeaderFooter(s, &excelize.HeaderFooterOptions{
		OddHeader: "&C&B" + statusMarking,
		OddFooter: "&L&A&C&B" + statusMarking + "&RPage &P of &N",
	})
}
