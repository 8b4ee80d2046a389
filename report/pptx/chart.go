package pptx

import (
	"bytes"
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// chartSheet is the embedded workbook's sheet that holds a chart's data:
// the categories in column A from row 2, each series in a column of its own
// from B, its name in row 1.
const chartSheet = "Sheet1"

// maxValue returns the tallest bar: the largest sum of a category's values.
func (c *Chart) maxValue() float64 {
	top := 0.0
	for i := range c.Categories {
		sum := 0.0
		for _, s := range c.Series {
			sum += s.Values[i]
		}
		top = math.Max(top, sum)
	}
	return top
}

// Step returns the distance between the value axis's gridlines: 1, 2 or 5
// times a power of ten, giving at most about six of them and never less
// than 1, because the values are counts.
func (c *Chart) Step() float64 {
	top := c.maxValue()
	step := 1.0
	for top/step > 6 {
		switch m := step / math.Pow(10, math.Floor(math.Log10(step))); {
		case m < 2:
			step *= 2
		case m < 5:
			step = step / 2 * 5
		default:
			step *= 2
		}
	}
	return step
}

// Top returns the end of the value axis: the tallest bar rounded up to a
// gridline, at least one gridline.
func (c *Chart) Top() float64 {
	step := c.Step()
	return math.Max(step, math.Ceil(c.maxValue()/step)*step)
}

// cellRef is an absolute reference to a cell of the chart's sheet.
func cellRef(col, row int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("$%s$%d", name, row)
}

func rangeRef(col, from, to int) string {
	return chartSheet + "!" + cellRef(col, from) + ":" + cellRef(col, to)
}

// chartWorkbook is the embedded workbook with the chart's data.
func chartWorkbook(c *Chart) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	set := func(col, row int, v any) error {
		name, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		return f.SetCellValue(chartSheet, name, v)
	}
	for i, cat := range c.Categories {
		if err := set(1, i+2, cat); err != nil {
			return nil, err
		}
	}
	for j, s := range c.Series {
		if err := set(j+2, 1, s.Name); err != nil {
			return nil, err
		}
		for i, v := range s.Values {
			if err := set(j+2, i+2, v); err != nil {
				return nil, err
			}
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// chartXML is the chart part: a clustered or stacked bar chart whose
// caches hold the data, so that a reader draws it without the workbook.
func chartXML(c *Chart, bookID string) []byte {
	x := newXML()
	x.open("c:chartSpace", "xmlns:c", nsC, "xmlns:a", nsA, "xmlns:r", nsR)
	x.empty("c:date1904", "val", "0")
	x.empty("c:lang", "val", "en-US")
	x.empty("c:roundedCorners", "val", "0")
	x.open("c:chart")
	if c.Title != "" {
		x.open("c:title")
		x.open("c:tx")
		x.open("c:rich")
		x.raw(`<a:bodyPr/><a:lstStyle/>`)
		x.open("a:p")
		x.raw(`<a:pPr><a:defRPr sz="1600" b="1"/></a:pPr>`)
		x.open("a:r")
		x.empty("a:rPr", "lang", "en-US", "sz", "1600", "b", "1")
		x.elem("a:t", c.Title)
		x.close("a:r")
		x.close("a:p")
		x.close("c:rich")
		x.close("c:tx")
		x.empty("c:overlay", "val", "0")
		x.close("c:title")
	}
	x.empty("c:autoTitleDeleted", "val", boolVal(c.Title == ""))
	x.open("c:plotArea")
	x.empty("c:layout")
	x.open("c:barChart")
	dir := "col"
	if c.Horizontal {
		dir = "bar"
	}
	x.empty("c:barDir", "val", dir)
	x.empty("c:grouping", "val", "stacked")
	x.empty("c:varyColors", "val", "0")
	last := len(c.Categories) + 1
	for j, s := range c.Series {
		x.open("c:ser")
		x.empty("c:idx", "val", fmt.Sprint(j))
		x.empty("c:order", "val", fmt.Sprint(j))
		x.open("c:tx")
		x.open("c:strRef")
		x.elem("c:f", chartSheet+"!"+cellRef(j+2, 1))
		x.open("c:strCache")
		x.empty("c:ptCount", "val", "1")
		x.open("c:pt", "idx", "0")
		x.elem("c:v", s.Name)
		x.close("c:pt")
		x.close("c:strCache")
		x.close("c:strRef")
		x.close("c:tx")
		x.open("c:spPr")
		solidFill(x, s.Color)
		x.close("c:spPr")
		x.empty("c:invertIfNegative", "val", "0")
		x.open("c:cat")
		x.open("c:strRef")
		x.elem("c:f", rangeRef(1, 2, last))
		x.open("c:strCache")
		x.empty("c:ptCount", "val", fmt.Sprint(len(c.Categories)))
		for i, cat := range c.Categories {
			x.open("c:pt", "idx", fmt.Sprint(i))
			x.elem("c:v", cat)
			x.close("c:pt")
		}
		x.close("c:strCache")
		x.close("c:strRef")
		x.close("c:cat")
		x.open("c:val")
		x.open("c:numRef")
		x.elem("c:f", rangeRef(j+2, 2, last))
		x.open("c:numCache")
		x.elem("c:formatCode", "General")
		x.empty("c:ptCount", "val", fmt.Sprint(len(s.Values)))
		for i, v := range s.Values {
			x.open("c:pt", "idx", fmt.Sprint(i))
			x.elem("c:v", num(v))
			x.close("c:pt")
		}
		x.close("c:numCache")
		x.close("c:numRef")
		x.close("c:val")
		x.close("c:ser")
	}
	x.empty("c:gapWidth", "val", "60")
	x.empty("c:overlap", "val", "100")
	x.empty("c:axId", "val", "1001")
	x.empty("c:axId", "val", "1002")
	x.close("c:barChart")

	// The category axis. Horizontal bars list the first category on top:
	// the axis runs from its maximum.
	orient, catPos, valPos := "minMax", "b", "l"
	if c.Horizontal {
		orient, catPos, valPos = "maxMin", "l", "b"
	}
	x.open("c:catAx")
	x.empty("c:axId", "val", "1001")
	x.raw(`<c:scaling><c:orientation val="` + orient + `"/></c:scaling>`)
	x.empty("c:delete", "val", "0")
	x.empty("c:axPos", "val", catPos)
	x.empty("c:numFmt", "formatCode", "General", "sourceLinked", "0")
	x.empty("c:majorTickMark", "val", "none")
	x.empty("c:minorTickMark", "val", "none")
	x.empty("c:tickLblPos", "val", "nextTo")
	x.empty("c:crossAx", "val", "1002")
	x.empty("c:crosses", "val", "autoZero")
	x.empty("c:auto", "val", "1")
	x.empty("c:lblAlgn", "val", "ctr")
	x.empty("c:lblOffset", "val", "100")
	x.empty("c:noMultiLvlLbl", "val", "0")
	x.close("c:catAx")

	x.open("c:valAx")
	x.empty("c:axId", "val", "1002")
	x.open("c:scaling")
	x.empty("c:orientation", "val", "minMax")
	x.empty("c:max", "val", num(c.Top()))
	x.empty("c:min", "val", "0")
	x.close("c:scaling")
	x.empty("c:delete", "val", "0")
	x.empty("c:axPos", "val", valPos)
	x.open("c:majorGridlines")
	x.raw(`<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>`)
	x.close("c:majorGridlines")
	x.empty("c:numFmt", "formatCode", "0", "sourceLinked", "0")
	x.empty("c:majorTickMark", "val", "none")
	x.empty("c:minorTickMark", "val", "none")
	x.empty("c:tickLblPos", "val", "nextTo")
	x.empty("c:crossAx", "val", "1001")
	// Horizontal bars put the value axis at the bottom: with the category
	// axis reversed, it crosses at the last category.
	crosses := "autoZero"
	if c.Horizontal {
		crosses = "max"
	}
	x.empty("c:crosses", "val", crosses)
	x.empty("c:crossBetween", "val", "between")
	x.empty("c:majorUnit", "val", num(c.Step()))
	x.close("c:valAx")
	x.close("c:plotArea")

	x.open("c:legend")
	x.empty("c:legendPos", "val", "b")
	x.empty("c:overlay", "val", "0")
	x.close("c:legend")
	x.empty("c:plotVisOnly", "val", "1")
	x.empty("c:dispBlanksAs", "val", "gap")
	x.close("c:chart")
	x.raw(`<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`)
	x.open("c:externalData", "r:id", bookID)
	x.empty("c:autoUpdate", "val", "0")
	x.close("c:externalData")
	x.close("c:chartSpace")
	return x.bytes()
}

func boolVal(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
