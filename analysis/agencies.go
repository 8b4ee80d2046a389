package analysis

import (
	"slices"

	"github.com/netreview/netreview/topology"
)

// setAgencies fills in each finding's Agencies: the ORIs of the agencies,
// not the CSA, whose documents define the finding's subject or one of its
// sites. An agency with no ORI is not listed.
//
// Most findings concern one agency: they share one list per document
// (read-only, as every finding's lists are), rather than allocate their own.
func setAgencies(m *topology.Model, fs []Finding) {
	var waivers map[string]*topology.Document // "rule/subject" -> its waiver's document
	one := map[*topology.Document][]string{}  // a document's ORI alone
	var out []string                          // the finding's ORIs, reused
	for i := range fs {
		f := &fs[i]
		out = out[:0]
		var last, only *topology.Document // last skips the common run of one document's sites
		add := func(d *topology.Document) {
			if d != nil && d != last && !d.Agency.IsCSA() && d.Agency.ORI != "" {
				out = append(out, d.Agency.ORI)
				last, only = d, d
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
		out = slices.Compact(out)
		switch {
		case len(out) == 0:
			f.Agencies = nil
		case len(out) == 1:
			l, ok := one[only]
			if !ok {
				l = []string{out[0]}
				one[only] = l
			}
			f.Agencies = l
		default:
			f.Agencies = slices.Clone(out)
		}
	}
}
