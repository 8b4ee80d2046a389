package topology

import (
	"fmt"
	"math"
	"testing"
)

// TestPosWindowsPaths: a place keeps the path as the user gave it, drive
// letter and backslashes included; the line and column, or the sheet and
// cell, follow the last separator, so a reader (or an editor's "go to")
// splits a place from the right.
func TestPosWindowsPaths(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{File: `C:\proposals\pd.yaml`, Line: 12, Col: 5}, `C:\proposals\pd.yaml:12:5`},
		{Pos{File: `C:\proposals\pd.xlsx`, Sheet: "Links", Cell: "F12"}, `C:\proposals\pd.xlsx#Links!F12`},
		{Pos{File: `\\server\share\csv\links.csv`, Line: 3, Col: 2}, `\\server\share\csv\links.csv:3:2`},
		{Pos{File: `C:\proposals\pd.json`}, `C:\proposals\pd.json`},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v: %q, want %q", tt.pos, got, tt.want)
		}
	}
	a, b := Pos{File: `C:\p\a.yaml`, Line: 9}, Pos{File: `C:\p\a.yaml`, Line: 10}
	if !a.Less(b) || b.Less(a) {
		t.Error("places in one Windows file are not ordered by line")
	}
}

// TestPosStringLines holds the place of a line and column to fmt's
// formatting, up to the largest numbers.
func TestPosStringLines(t *testing.T) {
	for _, p := range []Pos{
		{File: "a.json", Line: 7},
		{File: "a.json", Line: 1, Col: 1},
		{Line: 3, Col: 4},
		{File: "é/ü.yaml", Line: 1 << 30, Col: -2},
		{File: "big.json", Line: math.MaxInt, Col: math.MaxInt},
	} {
		want := fmt.Sprintf("%s:%d", p.File, p.Line)
		if p.Col > 0 {
			want += fmt.Sprintf(":%d", p.Col)
		}
		if got := p.String(); got != want {
			t.Errorf("%#v: %q, want %q", p, got, want)
		}
	}
}
