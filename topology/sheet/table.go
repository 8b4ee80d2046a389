package sheet

import "github.com/netreview/netreview/topology"

// Table returns one data sheet of the model (SitesSheet, DevicesSheet, ...)
// as text: the header row, then one row per element in the model's order,
// laid out exactly as WriteWorkbook writes it. It returns nil for a sheet
// name that Sheets does not hold.
func Table(m *topology.Model, sheetName string) [][]string {
	sh := sheetByName(sheetName)
	if sh == nil {
		return nil
	}
	rows := [][]string{headerRow(*sh)}
	for _, c := range records(m, sh.Name) {
		rows = append(rows, rowText(*sh, c))
	}
	return rows
}
