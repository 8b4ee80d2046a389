package sheet

import (
	"testing"

	"github.com/netreview/netreview/topology"
)

func TestTable(t *testing.T) {
	m := &topology.Model{
		Sites: []*topology.Site{{ID: "hq", Name: "HQ", Security: topology.PhysicallySecure, Risks: []string{"power:a", "flood:b"}}},
		Links: []*topology.Link{{ID: "l1", A: "x", B: "y", Encryption: &topology.Encryption{Protocol: "macsec", Bits: 256}}},
	}
	m.Reindex()
	tests := []struct {
		sheet string
		rows  int
		cell  [3]any // row, column header, want
	}{
		{"Sites", 2, [3]any{1, "Risks", "power:a, flood:b"}},
		{"sites", 2, [3]any{1, "Security", "physically-secure"}},
		{"Links", 2, [3]any{1, "Key Bits", "256"}},
		{"Tunnels", 1, [3]any{0, "ID", "ID"}},
	}
	for _, tt := range tests {
		got := Table(m, tt.sheet)
		if len(got) != tt.rows {
			t.Fatalf("Table(%s) has %d rows, want %d", tt.sheet, len(got), tt.rows)
		}
		col := -1
		for i, h := range got[0] {
			if h == tt.cell[1] {
				col = i
			}
		}
		if col < 0 {
			t.Fatalf("Table(%s) lacks column %v", tt.sheet, tt.cell[1])
		}
		if v := got[tt.cell[0].(int)][col]; v != tt.cell[2] {
			t.Errorf("Table(%s)[%v][%v] = %q, want %q", tt.sheet, tt.cell[0], tt.cell[1], v, tt.cell[2])
		}
	}
	if got := Table(m, "Nonesuch"); got != nil {
		t.Errorf("Table(Nonesuch) = %v, want nil", got)
	}
}

// TestFieldIsACopy: a caller that writes to the column Field returns
// changes neither the sheet nor the next caller's answer.
func TestFieldIsACopy(t *testing.T) {
	c := Field(DevicesSheet, "Type")
	header, key := c.Header, c.Key
	c.Header, c.Key = "x", "x"
	if c := Field(DevicesSheet, "Type"); c.Header != header || c.Key != key {
		t.Errorf("Field after a caller wrote to it: %+v", c)
	}
}
