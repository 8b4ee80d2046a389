package topology

import "testing"

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
