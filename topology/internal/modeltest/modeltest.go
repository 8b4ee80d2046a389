// Package modeltest compares models for tests: two loads of one proposal,
// in whatever format, are equal when their content is, whatever the places
// it was read from.
package modeltest

import (
	"fmt"
	"reflect"

	"github.com/netreview/netreview/topology"
)

// Content is a model's content without places, document paths or document
// pointers. Only the first document's header counts, since a model written
// out becomes one document; a version of 0 counts as the format version.
type Content struct {
	Doc     *topology.Document
	Sites   []topology.Site
	Zones   []topology.Zone
	Devices []topology.Device
	Links   []topology.Link
	Tunnels []topology.Tunnel
	Waivers []topology.Waiver
}

// Of returns the content of m.
func Of(m *topology.Model) Content {
	var c Content
	if len(m.Docs) > 0 {
		d := *m.Docs[0]
		d.Path, d.Pos, d.FieldPos = "", topology.Pos{}, topology.FieldPos{}
		if d.Version == 0 {
			d.Version = topology.FormatVersion
		}
		c.Doc = &d
	}
	for _, s := range m.Sites {
		e := *s
		e.Doc, e.Pos, e.FieldPos = nil, topology.Pos{}, topology.FieldPos{}
		c.Sites = append(c.Sites, e)
	}
	for _, z := range m.Zones {
		if z.Implicit {
			continue
		}
		e := *z
		e.Doc, e.Pos, e.FieldPos = nil, topology.Pos{}, topology.FieldPos{}
		c.Zones = append(c.Zones, e)
	}
	for _, d := range m.Devices {
		e := *d
		e.Doc, e.Pos, e.FieldPos = nil, topology.Pos{}, topology.FieldPos{}
		c.Devices = append(c.Devices, e)
	}
	for _, l := range m.Links {
		e := *l
		e.Doc, e.Pos, e.FieldPos = nil, topology.Pos{}, topology.FieldPos{}
		c.Links = append(c.Links, e)
	}
	for _, t := range m.Tunnels {
		e := *t
		e.Doc, e.Pos, e.FieldPos = nil, topology.Pos{}, topology.FieldPos{}
		c.Tunnels = append(c.Tunnels, e)
	}
	for _, w := range m.Waivers {
		e := *w
		e.Doc, e.Pos, e.FieldPos = nil, topology.Pos{}, topology.FieldPos{}
		c.Waivers = append(c.Waivers, e)
	}
	return c
}

// Diff describes how the content of got differs from want, or returns "".
func Diff(got, want *topology.Model) string {
	g, w := Of(got), Of(want)
	if reflect.DeepEqual(g, w) {
		return ""
	}
	gv, wv := reflect.ValueOf(g), reflect.ValueOf(w)
	for i := range gv.NumField() {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			return fmt.Sprintf("%s differ:\n got %+v\nwant %+v", gv.Type().Field(i).Name, deref(gv.Field(i)), deref(wv.Field(i)))
		}
	}
	return "differ"
}

func deref(v reflect.Value) any {
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		return v.Elem().Interface()
	}
	return v.Interface()
}
