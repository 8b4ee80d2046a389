package sheet

import "github.com/netreview/netreview/topology"

// Table returns one data sheet of the model (SitesSheet, DevicesSheet, ...)
// as text: the header row, then one row per element in the model's order,
// laid out exactly as WriteWorkbook writes it. It returns nil for a sheet
// name that SheetNames does not hold.
func Table(m *topology.Model, sheetName string) [][]string {
	sh := sheetByName(sheetName)
	if sh == nil {
		return nil
	}
	return sheetRows(*sh, m)
}

// AgencyTable returns the Agency sheet of the model as text: one (field,
// value) row per field of the Agency sheet, for the model's first document, as
// WriteWorkbook writes it.
func AgencyTable(m *topology.Model) [][]string {
	vals := agencyValues(m)
	rows := make([][]string, len(agencyFields))
	for i, f := range agencyFields {
		rows[i] = []string{f.Header, vals[i]}
	}
	return rows
}
