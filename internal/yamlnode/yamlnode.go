// Package yamlnode holds the helpers that the proposal decoder and the rule
// pack decoder share for reading yaml/v3 nodes.
package yamlnode

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Describe names a node for an error message: "a mapping", "a list", "an
// alias", "empty", or a scalar's value in quotes.
func Describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "not a value"
}
