package topology

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Pos is a place in an input: a line and column in a YAML, JSON or CSV file
// (for CSV, the row and the column), or a cell of a workbook sheet.
type Pos struct {
	File  string // the path as given on the command line
	Line  int    // 1-based; 0 when unknown
	Col   int    // 1-based; 0 when unknown
	Sheet string // workbook sheet, when the input is a workbook
	Cell  string // workbook cell such as "F12"
}

// isZero reports whether p names no place at all.
func (p Pos) isZero() bool { return p == Pos{} }

// String formats p as file:line:column, file:line, file#Sheet!Cell or file.
func (p Pos) String() string {
	switch {
	case p.Sheet != "":
		s := p.Sheet
		if p.Cell != "" {
			s += "!" + p.Cell
		}
		if p.File == "" {
			return s
		}
		return p.File + "#" + s
	case p.Line > 0:
		// Every finding's place is written: built without fmt, the
		// numbers on the stack, in one allocation (the concatenation's).
		var buf [48]byte
		b := strconv.AppendInt(buf[:0], int64(p.Line), 10)
		if p.Col > 0 {
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(p.Col), 10)
		}
		return p.File + ":" + string(b)
	}
	return p.File
}

// Less orders positions by file, sheet, line, column and cell.
func (p Pos) Less(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Sheet != q.Sheet {
		return p.Sheet < q.Sheet
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	if p.Col != q.Col {
		return p.Col < q.Col
	}
	return cellLess(p.Cell, q.Cell)
}

// cellLess orders cell references row first (A2 < B2 < A10).
func cellLess(a, b string) bool {
	ra, ca := splitCell(a)
	rb, cb := splitCell(b)
	if ra != rb {
		return ra < rb
	}
	if len(ca) != len(cb) {
		return len(ca) < len(cb)
	}
	return ca < cb
}

func splitCell(c string) (row int, col string) {
	i := strings.IndexAny(c, "0123456789")
	if i < 0 {
		return 0, c
	}
	fmt.Sscanf(c[i:], "%d", &row)
	return row, c[:i]
}

// Error is one problem with an input, at a place.
type Error struct {
	Pos Pos
	Msg string
}

// Error formats the error as "place: message".
func (e *Error) Error() string {
	if e.Pos.isZero() {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// Errorf returns an *Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// ErrorList is every problem found in the inputs. Loaders and Validate return
// an ErrorList rather than stopping at the first problem.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, Errorf(pos, format, args...))
}

// Sort orders the list by place, keeping errors at one place in the order
// they were found.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Pos.Less(l[j].Pos) })
}

// err returns nil for an empty list and the list otherwise.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the errors one per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Warning is a problem that does not stop the load, such as a workbook
// column that the format does not define.
type Warning = Error

// SyntaxError turns the error yaml/v3 returned for data, read from path,
// into an Error at the exact place of the syntax error. Other readers of
// YAML files, such as rule packs, use it to report places as Decode does.
func SyntaxError(path string, data []byte, err error) *Error {
	return syntaxError(path, data, err)
}
