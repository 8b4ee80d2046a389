package analysis

import (
	"slices"

	"github.com/netreview/netreview/topology"
)

// setAgencies fills in each finding's Agencies: the ORIs of the agencies,
// not the CSA, whose documents define the finding's subject or one of its
// sites. An agency with no ORI is not listed.
func setAgencies(m *topology.Model, fs []Finding) {
	var waivers map[string]*topology.Document // "rule/subject" -> its waiver's document
	for i := range fs {
		f := &fs[i]
		var out []string
		var last *topology.Document // skips the common run of one document's sites
		add := func(d *topology.Document) {
			if d != nil && d != last && !d.Agency.IsCSA() && d.Agency.ORI != "" {
				out = append(out, d.Agency.ORI)
				last = d
			}
		}
		switch f.Kind {
		case KindSite:
			if s := m.Site(f.Subject); s != nil {
				add(s.Doc)
			}
		case KindZone:
			if z := m.Zone(f.Subject); z != nil && !z.Implicit {
				add(z.Doc)
			}
		case KindDevice:
			if d := m.Device(f.Subject); d != nil {
				add(d.Doc)
			}
		case KindLink:
			if l := m.Link(f.Subject); l != nil {
				add(l.Doc)
			}
		case KindTunnel:
			if t := m.Tunnel(f.Subject); t != nil {
				add(t.Doc)
			}
		case KindWaiver:
			if waivers == nil {
				waivers = make(map[string]*topology.Document, len(m.Waivers))
				for _, w := range m.Waivers {
					k := w.Rule + "/" + w.Subject
					if _, ok := waivers[k]; !ok {
						waivers[k] = w.Doc
					}
				}
			}
			add(waivers[f.Subject])
		}
		for _, id := range f.Sites {
			if s := m.Site(id); s != nil {
				add(s.Doc)
			}
		}
		// A redundancy finding may cut thousands of sites: sort, then drop
		// repeats, rather than search the list for each site.
		slices.Sort(out)
		f.Agencies = slices.Compact(out)
	}
}
