package analysis

import "github.com/netreview/netreview/topology"

// Graphs holds the three graphs of the findings contract, built once from a
// model and shared by every rule. (Placeholder until the graph work lands.)
type Graphs struct {
	Model *topology.Model
}

// NewGraphs builds the graphs of m.
func NewGraphs(m *topology.Model) *Graphs { return &Graphs{Model: m} }

// SiteRedundancy is how well one site reaches the state hubs: the number of
// device-disjoint ways its CJI devices have to a state hub in the CJI graph,
// counted up to 2.
type SiteRedundancy struct {
	Site  string `json:"site"`
	Paths int    `json:"paths"` // 0 (cut off), 1 (a single point of failure), 2 (redundant)
}
