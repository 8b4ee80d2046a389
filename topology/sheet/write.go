package sheet

import (
	"strconv"

	"github.com/netreview/netreview/topology"
)

// agencyValues returns the Value of each Agency field for the model's first
// document, in agencyFields order; the format version is never blank.
func agencyValues(m *topology.Model) []string {
	vals := make([]string, len(agencyTable.fields))
	if len(m.Docs) > 0 {
		vals = agencyTable.schema.Cells(m.Docs[0])
	}
	for i, f := range agencyTable.fields {
		if f.Name == "netreview" && vals[i] == "" {
			vals[i] = strconv.Itoa(topology.FormatVersion)
		}
	}
	return vals
}

// sheetRows returns the sheet's header row and a row per element of m.
func sheetRows(sh sheetSpec, m *topology.Model) [][]string {
	return append([][]string{headerRow(sh)}, sh.t.rows(m)...)
}

func headerRow(sh sheetSpec) []string {
	h := make([]string, len(sh.Columns))
	for i, c := range sh.Columns {
		h[i] = c.Header
	}
	return h
}
