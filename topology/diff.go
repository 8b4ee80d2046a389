package topology

import "sort"

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

// Diff compares two models element by element, matching elements by id,
// field by field as their schemas list them. Added and removed ids are
// sorted; changes are ordered by kind (sites, devices, links, tunnels), then
// id, then field.
func Diff(before, after *Model) Changes {
	c := Changes{Changed: []Change{}}
	c.Added.Sites, c.Removed.Sites = diffList(&c, siteSchema, before.Sites, after.Sites)
	c.Added.Devices, c.Removed.Devices = diffList(&c, deviceSchema, before.Devices, after.Devices)
	c.Added.Links, c.Removed.Links = diffList(&c, linkSchema, before.Links, after.Links)
	c.Added.Tunnels, c.Removed.Tunnels = diffList(&c, tunnelSchema, before.Tunnels, after.Tunnels)
	return c
}

// diffList adds to c the changes of the elements of one kind that both lists
// hold, and returns the ids only after holds and those only before holds.
func diffList[T any](c *Changes, s *Schema[T], before, after []*T) (added, removed []string) {
	id := s.field("id")
	byID := func(list []*T) map[string]*T {
		out := make(map[string]*T, len(list))
		for _, x := range list {
			if k := id.text(x); out[k] == nil {
				out[k] = x
			}
		}
		return out
	}
	bm, am := byID(before), byID(after)
	added, removed = []string{}, []string{}
	var common []string
	for k := range am {
		if bm[k] == nil {
			added = append(added, k)
		}
	}
	for k := range bm {
		if am[k] != nil {
			common = append(common, k)
		} else {
			removed = append(removed, k)
		}
	}
	sort.Strings(added)
	sort.Strings(removed)
	sort.Strings(common)
	fields := s.Fields()
	sort.Slice(fields, func(i, j int) bool { return fields[i].Name < fields[j].Name })
	for _, k := range common {
		b, a := bm[k], am[k]
		for i := range fields {
			f := &fields[i]
			if f.Name == "id" {
				continue
			}
			if bt, at := f.text(b), f.text(a); bt != at {
				c.Changed = append(c.Changed, Change{Kind: s.element, ID: k, Field: f.Name, Before: bt, After: at})
			}
		}
	}
	return added, removed
}
