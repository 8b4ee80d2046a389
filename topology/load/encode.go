package load

import (
	"io"

	"github.com/netreview/netreview/internal/outfile"
	"github.com/netreview/netreview/topology"
)

// writeDocument writes the model as one YAML or JSON document.
func writeDocument(m *topology.Model, path string, f Format) error {
	return outfile.Write(path, func(w io.Writer) error {
		switch {
		case f == JSON:
			return topology.EncodeJSON(w, m)
		case len(m.Docs) > 1:
			return topology.EncodeYAMLDocuments(w, m)
		}
		return topology.EncodeYAML(w, m)
	})
}
