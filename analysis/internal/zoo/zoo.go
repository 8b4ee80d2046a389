// Package zoo reads the GraphML files of the Internet Topology Zoo: real
// carrier networks whose points of presence and links make test and
// benchmark graphs. Parallel edges are kept, as they are in the files.
package zoo

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
)

// Graph is one network: its nodes, by their GraphML ids, and its edges as
// pairs of indexes into Nodes, in file order.
type Graph struct {
	Name  string
	Nodes []string
	Edges [][2]int
}

type graphml struct {
	Graphs []struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
		} `xml:"edge"`
	} `xml:"graph"`
}

// Read decodes a GraphML document holding one graph.
func Read(r io.Reader, name string) (*Graph, error) {
	var doc graphml
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(doc.Graphs) != 1 {
		return nil, fmt.Errorf("%s: %d graphs, want 1", name, len(doc.Graphs))
	}
	gx := doc.Graphs[0]
	g := &Graph{Name: name}
	index := make(map[string]int, len(gx.Nodes))
	for _, n := range gx.Nodes {
		if _, dup := index[n.ID]; dup {
			return nil, fmt.Errorf("%s: node %q appears twice", name, n.ID)
		}
		index[n.ID] = len(g.Nodes)
		g.Nodes = append(g.Nodes, n.ID)
	}
	for i, e := range gx.Edges {
		a, okA := index[e.Source]
		b, okB := index[e.Target]
		if !okA || !okB {
			return nil, fmt.Errorf("%s: edge %d joins unknown node %q or %q", name, i, e.Source, e.Target)
		}
		g.Edges = append(g.Edges, [2]int{a, b})
	}
	return g, nil
}

// ReadFile reads the GraphML file at path.
func ReadFile(path string) (*Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}
