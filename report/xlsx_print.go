package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The workbook report prints: every sheet on US Letter in landscape, one
// page wide, its header row repeated on every page, "FOR OFFICIAL USE
// ONLY" in the page header and footer with the page number, and rows tall
// enough to show their wrapped text.

// pageSetup sets every sheet's page layout, header and footer, and print
// titles.
func pageSetup(f *excelize.File, v *review, _ xlsxStyles) error {
	letter, landscape, one, any := 1, "landscape", 1, 0
	fit := true
	header := "&C&\"-,Bold\"" + fouo
	for i, s := range f.GetSheetList() {
		if err := f.SetPageLayout(s, &excelize.PageLayoutOptions{Size: &letter, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
			return err
		}
		if err := f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return err
		}
		footer := "&L&\"-,Bold\"" + fouo + "&C" + xlsxHeaderText(s) + "&RPage &P of &N"
		if err := f.SetHeaderFooter(s, &excelize.HeaderFooterOptions{OddHeader: header, OddFooter: footer}); err != nil {
			return err
		}
		if i == 0 {
			continue // the Summary has no header row to repeat
		}
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + s + "'!$1:$1", Scope: s}); err != nil {
			return err
		}
	}
	return nil
}

// xlsxHeaderText escapes text for a page header or footer, where "&"
// starts a code.
func xlsxHeaderText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// fitRowHeights sets each data row's height to show the wrapped text of
// the given columns (1-based), widths in characters as set on the sheet.
// Excel and LibreOffice do not grow a row for wrapped text they did not
// lay out themselves, so a message would show one line.
func fitRowHeights(f *excelize.File, s string, rows [][]any, widths []float64, wrapped []int) error {
	for r, row := range rows {
		lines := 1
		for _, c := range wrapped {
			if c-1 >= len(row) || c-1 >= len(widths) {
				continue
			}
			text, _ := row[c-1].(string)
			lines = max(lines, wrappedLines(text, widths[c-1]))
		}
		if lines > 1 {
			if err := f.SetRowHeight(s, r+2, math.Min(409, 15*float64(lines)+2)); err != nil {
				return err
			}
		}
	}
	return nil
}

// wrappedLines estimates how many lines text takes in a column width
// characters wide, breaking at spaces as a spreadsheet does. A column's
// width counts the default font's digits; prose, in the same font, fits
// about a sixth more letters.
func wrappedLines(text string, width float64) int {
	w := max(int(width*1.15)-1, 4)
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		col := 0
		for _, word := range strings.Fields(para) {
			l := utf8.RuneCountInString(word)
			switch {
			case col == 0:
				col = l
			case col+1+l <= w:
				col += 1 + l
			default:
				n++
				col = l
			}
			for col > w { // a word longer than the column breaks anywhere
				n++
				col -= w
			}
		}
	}
	return n
}

// cellValues returns the values of the cells a chart reference names
// ("Summary!$B$18:$B$22", "Summary!$B$17"), read from f.
func cellValues(f *excelize.File, ref string) ([]string, bool) {
	sheetName, rng, ok := strings.Cut(ref, "!")
	if !ok {
		return nil, false
	}
	sheetName = strings.Trim(sheetName, "'")
	from, to, isRange := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
	if !isRange {
		to = from
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil || (c1 != c2 && r1 != r2) {
		return nil, false
	}
	var vals []string
	for c := c1; c <= c2; c++ {
		for r := r1; r <= r2; r++ {
			v, err := f.GetCellValue(sheetName, cell(c, r))
			if err != nil {
				return nil, false
			}
			vals = append(vals, v)
		}
	}
	return vals, true
}

// chartRef is a cell reference in a chart part, as excelize writes it:
// <strRef><f>...</f></strRef> or <numRef><f>...</f><numCache>(empty)
// </numCache></numRef>.
var chartRef = regexp.MustCompile(`<(strRef|numRef)><f>([^<]*)</f>(?:<(?:strCache|numCache)>.*?</(?:strCache|numCache)>)?</(?:strRef|numRef)>`)

// cacheChartValues rewrites the chart parts of the workbook in data, adding
// to each reference the values it holds (strCache, numCache), as values
// reads them, so that a
// viewer that does not recompute shows them. Other parts are copied as
// they are, in their order.
func cacheChartValues(data []byte, values func(ref string) ([]string, bool)) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(zf.Name, "xl/charts/chart") && strings.HasSuffix(zf.Name, ".xml") {
			part = chartRef.ReplaceAllFunc(part, func(m []byte) []byte {
				sub := chartRef.FindSubmatch(m)
				vals, ok := values(html.UnescapeString(string(sub[2])))
				if !ok {
					return m
				}
				return []byte(withCache(string(sub[1]), string(sub[2]), vals))
			})
		}
		hdr := zf.FileHeader
		w, err := zw.CreateHeader(&hdr)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(part); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// withCache writes a chart reference with its cached values.
func withCache(kind, ref string, vals []string) string {
	var b strings.Builder
	cache := "strCache"
	if kind == "numRef" {
		cache = "numCache"
	}
	fmt.Fprintf(&b, "<%s><f>%s</f><%s>", kind, ref, cache)
	if kind == "numRef" {
		b.WriteString("<formatCode>General</formatCode>")
	}
	fmt.Fprintf(&b, `<ptCount val="%d"/>`, len(vals))
	for i, v := range vals {
		fmt.Fprintf(&b, `<pt idx="%d"><v>%s</v></pt>`, i, html.EscapeString(v))
	}
	fmt.Fprintf(&b, "</%s></%s>", cache, kind)
	return b.String()
}
