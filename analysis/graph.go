package analysis

import "github.com/netreview/netreview/topology"

// Graphs holds the three graphs of the findings contract, built once from a
// model and shared by every rule. (Placeholder until the graph work lands.)
type Graphs struct {
	Model *topology.Model
}

// NewGraphs builds the graphs of m.
func NewGraphs(m *topology.Model) *Graphs { return &Graphs{Model: m} }
