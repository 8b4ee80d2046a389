package topology

import (
	"fmt"
	"sort"
	"strings"
)

// Changes is what a proposal changes between two models: elements added and
// removed by id, and changed elements field by field.
type Changes struct {
	Added   ElementIDs `json:"added"`
	Removed ElementIDs `json:"removed"`
	Changed []Change   `json:"changed"`
}

// ElementIDs lists element ids by kind, each list sorted.
type ElementIDs struct {
	Sites   []string `json:"sites"`
	Devices []string `json:"devices"`
	Links   []string `json:"links"`
	Tunnels []string `json:"tunnels"`
}

// Change is one field of one element that differs. Field is named as the
// format spells it, dotted for nested fields ("encryption.protocol"); lists
// are compared as a whole and written comma-joined; a field not given is "".
type Change struct {
	Kind   string `json:"kind"`
	ID     string `json:"id"`
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Empty reports whether c records no change.
func (c Changes) Empty() bool {
	return len(c.Changed) == 0 && c.Added.empty() && c.Removed.empty()
}

func (e ElementIDs) empty() bool {
	return len(e.Sites)+len(e.Devices)+len(e.Links)+len(e.Tunnels) == 0
}

// diffKinds pairs each compared section of the format with its kind name.
var diffKinds = []struct{ section, kind string }{
	{"sites", "site"}, {"devices", "device"}, {"links", "link"}, {"tunnels", "tunnel"},
}

// Diff compares two models element by element, matching elements by id.
// Added and removed ids are sorted; changes are ordered by kind (sites,
// devices, links, tunnels), then id, then field.
func Diff(before, after *Model) Changes {
	bt, at := tree(before), tree(after)
	c := Changes{}
	for _, k := range diffKinds {
		bm, am := flatItems(bt, k.section), flatItems(at, k.section)
		var added, removed []string
		for id := range am {
			if _, ok := bm[id]; !ok {
				added = append(added, id)
			}
		}
		var common []string
		for id := range bm {
			if _, ok := am[id]; ok {
				common = append(common, id)
			} else {
				removed = append(removed, id)
			}
		}
		sort.Strings(added)
		sort.Strings(removed)
		sort.Strings(common)
		for _, id := range common {
			b, a := bm[id], am[id]
			fields := map[string]bool{}
			for f := range b {
				fields[f] = true
			}
			for f := range a {
				fields[f] = true
			}
			names := make([]string, 0, len(fields))
			for f := range fields {
				names = append(names, f)
			}
			sort.Strings(names)
			for _, f := range names {
				if b[f] != a[f] {
					c.Changed = append(c.Changed, Change{Kind: k.kind, ID: id, Field: f, Before: b[f], After: a[f]})
				}
			}
		}
		ids := nonNil(added)
		rids := nonNil(removed)
		switch k.section {
		case "sites":
			c.Added.Sites, c.Removed.Sites = ids, rids
		case "devices":
			c.Added.Devices, c.Removed.Devices = ids, rids
		case "links":
			c.Added.Links, c.Removed.Links = ids, rids
		case "tunnels":
			c.Added.Tunnels, c.Removed.Tunnels = ids, rids
		}
	}
	if c.Changed == nil {
		c.Changed = []Change{}
	}
	return c
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// flatItems returns the elements of one section of t by id, each as its
// fields flattened to dotted names and string values. The id itself is not
// a field.
func flatItems(t *object, section string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for i, k := range t.keys {
		if k != section {
			continue
		}
		items, _ := t.vals[i].([]value)
		for _, it := range items {
			o, ok := it.(*object)
			if !ok {
				continue
			}
			fields := map[string]string{}
			flatten(o, "", fields)
			id := fields["id"]
			delete(fields, "id")
			if _, dup := out[id]; !dup {
				out[id] = fields
			}
		}
	}
	return out
}

func flatten(o *object, prefix string, into map[string]string) {
	for i, k := range o.keys {
		name := prefix + k
		switch v := o.vals[i].(type) {
		case *object:
			flatten(v, name+".", into)
		case []string:
			into[name] = strings.Join(v, ", ")
		case []value:
			parts := make([]string, len(v))
			for j, x := range v {
				parts[j] = fmt.Sprint(x)
			}
			into[name] = strings.Join(parts, ", ")
		default:
			into[name] = fmt.Sprint(v)
		}
	}
}
