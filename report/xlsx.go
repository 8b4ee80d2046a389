package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/words"
	"github.com/netreview/netreview/internal/xlsxfile"
	"github.com/netreview/netreview/topology/sheet"
)

// Sheet names of the workbook report. They are fixed, whatever the agency's
// name, so they always fit Excel's 31-character limit.
const (
	summarySheet   = "Summary"
	findingsSheet  = "Findings"
	questionsSheet = "Questions"
)

// inventorySheets are the inventory sheets of the workbook report, in order:
// the model's sites, devices, links and tunnels as loaded, in the columns of
// the proposal workbook.
var inventorySheets = []string{sheet.SitesSheet, sheet.DevicesSheet, sheet.LinksSheet, sheet.TunnelsSheet}

// findingsHeader is the header row of the Findings sheet.
// The path comes last: it is left out of the printed page (the HTML report
// draws it), so that the rest prints at a readable size.
var findingsHeader = []string{"#", "Rule", "Severity", "Subject", "Kind", "Message", "Policy", "At", "Waived", "Waiver reason", "Root cause", "Path"}

// severityColumns are the severities as the Summary sheet's count columns
// and the chart's series, most severe first.
var severityColumns = analysis.Severities()

// Workbook writes res as an .xlsx review workbook: a Summary sheet (the
// agency, proposal and policy, counts by severity and by rule with a stacked
// chart, and the per-site redundancy table), a Findings sheet with one row
// per finding numbered as in every other report, a Questions sheet with the
// questions to the agency, and the inventory sheets.
func Workbook(w io.Writer, res *analysis.Result) error {
	f, err := newReportWorkbook(newReview(res))
	if err != nil {
		return fmt.Errorf("workbook report: %w", err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := xlsxfile.WriteTo(&buf, f); err != nil {
		return fmt.Errorf("workbook report: %w", err)
	}
	// excelize writes a chart's references without the values they hold;
	// a viewer that does not recompute (Excel's protected view, previews)
	// shows an empty chart. Write the values in.
	out, err := cacheChartValues(buf.Bytes(), func(ref string) ([]string, bool) { return cellValues(f, ref) })
	if err != nil {
		return fmt.Errorf("workbook report: %w", err)
	}
	_, err = w.Write(out)
	return err
}

type xlsxStyles struct {
	header, title, label, wrap, top, date, marking int
}

func newReportWorkbook(v *review) (*excelize.File, error) {
	f := excelize.NewFile()
	st, err := newXLSXStyles(f)
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", summarySheet); err != nil {
		return nil, err
	}
	for _, name := range append([]string{findingsSheet, questionsSheet}, inventorySheets...) {
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	steps := []func(*excelize.File, *review, xlsxStyles) error{
		writeSummarySheet, writeFindingsSheet, writeQuestionsSheet, writeInventorySheets, pageSetup,
	}
	for _, step := range steps {
		if err := step(f, v, st); err != nil {
			return nil, err
		}
	}
	f.SetActiveSheet(0)
	return f, nil
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	var err error
	if st.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}); err != nil {
		return st, err
	}
	if st.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}); err != nil {
		return st, err
	}
	if st.label, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return st, err
	}
	if st.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return st, err
	}
	if st.top, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return st, err
	}
	dateFormat := "yyyy-mm-dd"
	if st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFormat, Alignment: &excelize.Alignment{Horizontal: "left"}}); err != nil {
		return st, err
	}
	st.marking, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "A00000"}})
	return st, err
}

// cell names the cell at 1-based column col and row.
func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// setRow writes values from column 1 of row.
func setRow(f *excelize.File, sheetName string, row int, vals ...any) error {
	return f.SetSheetRow(sheetName, cell(1, row), &vals)
}

func writeSummarySheet(f *excelize.File, v *review, st xlsxStyles) error {
	s := summarySheet
	row := 1
	if err := setRow(f, s, row, "Network design review"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", st.title); err != nil {
		return err
	}
	if err := setRow(f, s, 2, fouo); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A2", "A2", st.marking); err != nil {
		return err
	}
	row += 2
	policy := v.Pack
	if v.Policy != "" {
		policy += " (CJIS Security Policy " + v.Policy + ")"
	}
	info := [][2]any{
		{"Agency", v.AgencyNames()},
		{"Proposal", v.ProposalTitles()},
		{"Policy", policy},
		{"Review date", v.res.Date},
		{"Inputs", words.List(v.Inputs, ", ", "file", "files")},
	}
	for _, kv := range info {
		if err := setRow(f, s, row, kv[0], kv[1]); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, cell(1, row), cell(1, row), st.label); err != nil {
			return err
		}
		if _, ok := kv[1].(time.Time); ok {
			if err := f.SetCellStyle(s, cell(2, row), cell(2, row), st.date); err != nil {
				return err
			}
		} else if err := wideCell(f, s, row, st, kv[1].(string)); err != nil {
			return err
		}
		row++
	}
	// Counts by severity.
	row++
	if err := headerRow(f, s, row, st, "Severity", "Findings"); err != nil {
		return err
	}
	counts := v.Summary.Findings
	for _, sev := range severityColumns {
		row++
		if err := setRow(f, s, row, sev.String(), countOf(counts, sev)); err != nil {
			return err
		}
	}
	row++
	if err := setRow(f, s, row, "waived", v.Summary.Waived); err != nil {
		return err
	}
	// Counts by rule, one column per severity: the chart's data.
	row += 2
	ruleHead := []any{"Rule"}
	for _, sev := range severityColumns {
		ruleHead = append(ruleHead, sev.String())
	}
	ruleHead = append(ruleHead, "waived", "total")
	if err := headerRowAny(f, s, row, st, ruleHead...); err != nil {
		return err
	}
	firstRule := row + 1
	for _, rc := range v.ByRule {
		row++
		vals := []any{rc.Rule}
		for _, sev := range severityColumns {
			vals = append(vals, countOf(rc.Counts, sev))
		}
		vals = append(vals, rc.Waived, rc.Total())
		if err := setRow(f, s, row, vals...); err != nil {
			return err
		}
	}
	lastRule := row
	// Redundancy.
	row += 2
	if err := headerRow(f, s, row, st, "Site", "Name", "Ways to a state hub", "Redundancy"); err != nil {
		return err
	}
	for _, rv := range v.Sites {
		row++
		if err := setRow(f, s, row, rv.Site, rv.Name, rv.Paths, rv.Status); err != nil {
			return err
		}
	}
	if len(v.Sites) == 0 {
		row++
		if err := setRow(f, s, row, "(no state hub: redundancy not assessed)"); err != nil {
			return err
		}
	}
	for col, width := range map[string]float64{"A": 26, "B": 40, "C": 20, "D": 24, "E": 10, "F": 10, "G": 10, "H": 10, "I": 10} {
		if err := f.SetColWidth(s, col, col, width); err != nil {
			return err
		}
	}
	if len(v.ByRule) > 0 {
		// Below the tables, so that the sheet prints one page wide.
		return addRuleChart(f, s, firstRule, lastRule, row+2)
	}
	return nil
}

// summaryTextWidth is the width, in characters, of the Summary's columns B
// to I, over which a long text (the inputs, the proposals' titles) wraps.
const summaryTextWidth = 40 + 20 + 24 + 5*10

// wideCell lets the text in column B of row wrap over columns B to I, and
// makes the row tall enough for it: left as it is, a long text would run
// far past the printed page.
func wideCell(f *excelize.File, s string, row int, st xlsxStyles, text string) error {
	if err := f.MergeCell(s, cell(2, row), cell(9, row)); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, cell(2, row), cell(9, row), st.wrap); err != nil {
		return err
	}
	if n := wrappedLines(text, summaryTextWidth); n > 1 {
		return f.SetRowHeight(s, row, 15*float64(n)+2)
	}
	return nil
}

// addRuleChart adds a stacked bar chart of findings by rule, one series
// per severity, below the Summary's tables at row at. The bars are
// horizontal so that each rule's id reads on one line beside its bar.
func addRuleChart(f *excelize.File, s string, first, last, at int) error {
	colors := map[analysis.Severity]string{
		analysis.Critical: "7B1F1F", analysis.High: "C0392B", analysis.Medium: "E67E22",
		analysis.Low: "2E86C1", analysis.Info: "95A5A6",
	}
	cats := fmt.Sprintf("%s!$A$%d:$A$%d", s, first, last)
	var series []excelize.ChartSeries
	for i, sev := range severityColumns {
		col, _ := excelize.ColumnNumberToName(i + 2)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", s, col, first-1),
			Categories: cats,
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", s, col, first, col, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colors[sev]}},
		})
	}
	label := excelize.Font{Color: "000000", Size: 10}
	return f.AddChart(s, cell(1, at), &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Unwaived findings by rule and severity", Font: &excelize.Font{Color: "000000", Size: 12, Bold: true}}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{Font: label, ReverseOrder: true},
		YAxis:     excelize.ChartAxis{Font: label, MajorGridLines: true, MajorUnit: 1},
		Dimension: excelize.ChartDimension{Width: 860, Height: uint(120 + 26*(last-first+1))},
	})
}

func headerRow(f *excelize.File, s string, row int, st xlsxStyles, vals ...string) error {
	anys := make([]any, len(vals))
	for i, v := range vals {
		anys[i] = v
	}
	return headerRowAny(f, s, row, st, anys...)
}

func headerRowAny(f *excelize.File, s string, row int, st xlsxStyles, vals ...any) error {
	if err := setRow(f, s, row, vals...); err != nil {
		return err
	}
	return f.SetCellStyle(s, cell(1, row), cell(len(vals), row), st.header)
}

func countOf(c SeverityCounts, s analysis.Severity) int {
	switch s {
	case analysis.Critical:
		return c.Critical
	case analysis.High:
		return c.High
	case analysis.Medium:
		return c.Medium
	case analysis.Low:
		return c.Low
	default:
		return c.Info
	}
}

// tableSheet writes a header and rows, with a frozen header, an autofilter
// and the given column widths.
func tableSheet(f *excelize.File, s string, st xlsxStyles, header []string, rows [][]any, widths []float64) error {
	if err := headerRow(f, s, 1, st, header...); err != nil {
		return err
	}
	for i, r := range rows {
		if err := setRow(f, s, i+2, r...); err != nil {
			return err
		}
	}
	last := cell(len(header), len(rows)+1)
	if err := f.AutoFilter(s, "A1:"+last, nil); err != nil {
		return err
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	return f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func writeFindingsSheet(f *excelize.File, v *review, st xlsxStyles) error {
	cause := map[int]string{}
	for _, c := range v.RootCauses {
		for _, f := range c.Findings {
			cause[f.N] = c.Title
		}
	}
	rows := make([][]any, 0, len(v.Findings))
	for _, fv := range v.Findings {
		waived := "no"
		if fv.Waived {
			waived = "yes"
		}
		rows = append(rows, []any{fv.N, fv.Rule, fv.Severity.String(), fv.Subject, string(fv.Kind), fv.Message,
			strings.Join(fv.Policy, "; "), fv.At, waived, fv.WaiverText, cause[fv.N], strings.Join(fv.Path, " → ")})
	}
	widths := []float64{5, 22, 9, 20, 7, 50, 26, 28, 7, 24, 26, 50}
	if err := tableSheet(f, findingsSheet, st, findingsHeader, rows, widths); err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	if err := f.SetCellStyle(findingsSheet, "A2", cell(len(findingsHeader), len(rows)+1), st.top); err != nil {
		return err
	}
	if err := f.SetCellStyle(findingsSheet, "F2", cell(len(findingsHeader)-1, len(rows)+1), st.wrap); err != nil {
		return err
	}
	if err := fitRowHeights(f, findingsSheet, rows, widths, []int{6, 7, 8, 10, 11}); err != nil {
		return err
	}
	// Print every column but the path.
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$K$%d", findingsSheet, len(rows)+1), Scope: findingsSheet})
}

func writeQuestionsSheet(f *excelize.File, v *review, st xlsxStyles) error {
	var rows [][]any
	for _, q := range v.Questions {
		for _, text := range q.Questions {
			rows = append(rows, []any{q.ID, q.Subject, q.Kind, text, q.At, ""})
		}
	}
	header := []string{"Finding", "Subject", "Kind", "Question to the agency", "At", "Agency's answer"}
	widths := []float64{8, 24, 8, 80, 36, 50}
	if err := tableSheet(f, questionsSheet, st, header, rows, widths); err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	if err := f.SetCellStyle(questionsSheet, "A2", cell(len(header), len(rows)+1), st.top); err != nil {
		return err
	}
	if err := f.SetCellStyle(questionsSheet, "D2", cell(4, len(rows)+1), st.wrap); err != nil {
		return err
	}
	return fitRowHeights(f, questionsSheet, rows, widths, []int{4})
}

func writeInventorySheets(f *excelize.File, v *review, st xlsxStyles) error {
	for _, name := range inventorySheets {
		table := sheet.Table(v.res.Model, name)
		if len(table) == 0 {
			return fmt.Errorf("inventory sheet %s: unknown", name)
		}
		rows := make([][]any, 0, len(table)-1)
		for _, r := range table[1:] {
			row := make([]any, len(r))
			for i, c := range r {
				row[i] = c
			}
			rows = append(rows, row)
		}
		widths := make([]float64, len(table[0]))
		for i, h := range table[0] {
			widths[i] = float64(max(len(h)+4, 12))
			for _, r := range table[1:] {
				widths[i] = max(widths[i], min(float64(len(r[i])+2), 50))
			}
		}
		if err := tableSheet(f, name, st, table[0], rows, widths); err != nil {
			return err
		}
	}
	return nil
}
