package topology

// SplitByDocument returns one model per document of m, in the order of
// m.Docs: each holds its document and the sites, zones, devices, links,
// tunnels and waivers that the document defines (elements of no document go
// with the first). Written to a file each, the models load back together
// into m's elements; a model alone may refer to ids that another defines.
// The models share their elements with m.
func SplitByDocument(m *Model) []*Model {
	if len(m.Docs) == 0 {
		return []*Model{m}
	}
	out := make([]*Model, len(m.Docs))
	index := make(map[*Document]int, len(m.Docs))
	for i, d := range m.Docs {
		out[i] = &Model{Docs: []*Document{d}}
		index[d] = i
	}
	part := func(d *Document) *Model { return out[index[d]] } // nil or unknown: the first
	spread(m.Sites, part, func(e *Site) *Document { return e.Doc }, func(p *Model) *[]*Site { return &p.Sites })
	spread(m.Zones, part, func(e *Zone) *Document { return e.Doc }, func(p *Model) *[]*Zone { return &p.Zones })
	spread(m.Devices, part, func(e *Device) *Document { return e.Doc }, func(p *Model) *[]*Device { return &p.Devices })
	spread(m.Links, part, func(e *Link) *Document { return e.Doc }, func(p *Model) *[]*Link { return &p.Links })
	spread(m.Tunnels, part, func(e *Tunnel) *Document { return e.Doc }, func(p *Model) *[]*Tunnel { return &p.Tunnels })
	spread(m.Waivers, part, func(e *Waiver) *Document { return e.Doc }, func(p *Model) *[]*Waiver { return &p.Waivers })
	return out
}

// spread appends each of elems to the list (slot) of the part of its
// document.
func spread[E any](elems []E, part func(*Document) *Model, doc func(E) *Document, slot func(*Model) *[]E) {
	for _, e := range elems {
		list := slot(part(doc(e)))
		*list = append(*list, e)
	}
}
