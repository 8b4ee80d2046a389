// Package load reads proposals in every format netreview supports (YAML,
// JSON, an .xlsx workbook, a folder of CSV files) into one validated model,
// and writes a model back out in any of them.
package load

import (
	"github.com/netreview/netreview/topology"
)

// Files loads the inputs as one model. Each path is a .yaml, .yml or .json
// document, an .xlsx workbook, or a folder of CSV files. Problems that stop
// the load come back as a topology.ErrorList holding every one found;
// warnings (such as a workbook column the format does not define) do not stop
// it.
func Files(paths []string) (*topology.Model, []*topology.Warning, error) {
	m, err := topology.LoadFiles(paths...)
	return m, nil, err
}
