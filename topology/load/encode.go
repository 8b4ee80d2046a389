package load

import (
	"fmt"
	"os"

	"github.com/netreview/netreview/topology"
)

// writeDocument writes the model as one YAML or JSON document.
func writeDocument(m *topology.Model, path string, f Format) error {
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	switch {
	case f == JSON:
		err = topology.EncodeJSON(out, m)
	case len(m.Docs) > 1:
		err = topology.EncodeYAMLDocuments(out, m)
	default:
		err = topology.EncodeYAML(out, m)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
