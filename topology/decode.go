package topology

import (
	"errors"
	"os"
)

// Decode parses one YAML or JSON document (chosen by the path's extension)
// into a model fragment with one Document. Problems come back as an ErrorList.
// (Placeholder until the loader lands.)
func Decode(path string, data []byte) (*Model, error) {
	return nil, errors.New("topology.Decode: not implemented yet")
}

// Merge joins fragments into one model: it adds the default zone when no
// fragment declares zones, and reindexes. (Placeholder.)
func Merge(frags ...*Model) *Model {
	m := &Model{}
	for _, f := range frags {
		m.Docs = append(m.Docs, f.Docs...)
		m.Sites = append(m.Sites, f.Sites...)
		m.Zones = append(m.Zones, f.Zones...)
		m.Devices = append(m.Devices, f.Devices...)
		m.Links = append(m.Links, f.Links...)
		m.Tunnels = append(m.Tunnels, f.Tunnels...)
		m.Waivers = append(m.Waivers, f.Waivers...)
	}
	m.Reindex()
	return m
}

// Validate checks a merged model and returns every problem as an ErrorList.
// (Placeholder.)
func Validate(m *Model) error { return nil }

// LoadFiles reads, decodes, merges and validates YAML or JSON files.
func LoadFiles(paths ...string) (*Model, error) {
	var frags []*Model
	var errs ErrorList
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			errs.Add(Pos{File: p}, "%v", err)
			continue
		}
		f, err := Decode(p, data)
		if err != nil {
			var el ErrorList
			if errors.As(err, &el) {
				errs = append(errs, el...)
				continue
			}
			return nil, err
		}
		frags = append(frags, f)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	m := Merge(frags...)
	if err := Validate(m); err != nil {
		return nil, err
	}
	return m, nil
}
