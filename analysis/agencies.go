package analysis

import (
	"slices"
	"sync"

	"github.com/netreview/netreview/topology"
)

// agencySetter fills in findings' Agencies: the ORIs of the agencies, not
// the CSA, whose documents define the finding's subject or one of its
// sites. An agency with no ORI is not listed.
//
// Each rule's task has its own setter, so that the rules' findings are
// given their agencies side by side, as each rule ends (see Run). Most
// findings concern one agency: a rule's findings share one list per
// document (read-only, as every finding's lists are), rather than allocate
// their own.
type agencySetter struct {
	m       *topology.Model
	waivers func() map[string]*topology.Document // "rule/subject" -> its waiver's document
	one     map[*topology.Document][]string      // a document's ORI alone
	out     []string                             // the finding's ORIs, reused
	looked  bool                                 // whether a site was looked up
	siteID  string                               // the site last looked up
	siteDoc *topology.Document                   // its document, or nil
}

// waiverDocs returns a function that maps "rule/subject" to the document
// of the first waiver of that rule and subject, made on its first call and
// safe to call from several goroutines.
func waiverDocs(m *topology.Model) func() map[string]*topology.Document {
	return sync.OnceValue(func() map[string]*topology.Document {
		waivers := make(map[string]*topology.Document, len(m.Waivers))
		for _, w := range m.Waivers {
			k := w.Rule + "/" + w.Subject
			if _, ok := waivers[k]; !ok {
				waivers[k] = w.Doc
			}
		}
		return waivers
	})
}

// namesAgencies reports whether some element of m, or waiver, belongs to a
// document that names an agency other than the CSA, with an ORI: the only
// elements that put an agency in a finding's Agencies. A model whose
// documents name one answers at its first (most statewide loads: a
// document per agency); the elements' own documents are read only to
// answer no, which a model of the state's one document does (0.5 s of
// look-ups saved at 37,000 agencies, for a few milliseconds of reading).
func namesAgencies(m *topology.Model) bool {
	if slices.ContainsFunc(m.Docs, named) {
		return true
	}
	return anyNamed(m.Sites, func(s *topology.Site) *topology.Document { return s.Doc }) ||
		anyNamed(m.Zones, func(z *topology.Zone) *topology.Document { return z.Doc }) ||
		anyNamed(m.Devices, func(d *topology.Device) *topology.Document { return d.Doc }) ||
		anyNamed(m.Links, func(l *topology.Link) *topology.Document { return l.Doc }) ||
		anyNamed(m.Tunnels, func(t *topology.Tunnel) *topology.Document { return t.Doc }) ||
		anyNamed(m.Waivers, func(w *topology.Waiver) *topology.Document { return w.Doc })
}

// anyNamed reports whether the document of some element of list is named,
// asking once for each run of elements of one document.
func anyNamed[T any](list []T, doc func(T) *topology.Document) bool {
	var last *topology.Document
	for i, x := range list {
		if d := doc(x); i == 0 || d != last {
			if named(d) {
				return true
			}
			last = d
		}
	}
	return false
}

// named reports whether the elements of document d name its agency in a
// finding: d is an agency's, with an ORI, and not the CSA's.
func named(d *topology.Document) bool { return d != nil && !d.Agency.IsCSA() && d.Agency.ORI != "" }

// set fills in the Agencies of each of fs.
func (a *agencySetter) set(fs []Finding) {
	m := a.m
	if a.one == nil {
		a.one = map[*topology.Document][]string{}
	}
	out := a.out
	defer func() { a.out = out }()
	for i := range fs {
		f := &fs[i]
		out = out[:0]
		var last, only *topology.Document // last skips the common run of one document's sites
		add := func(d *topology.Document) {
			if d != last && named(d) {
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
			add(a.waivers()[f.Subject])
		}
		for _, id := range f.Sites {
			// Findings in order of subject come a site at a time: the
			// last site is not looked up again.
			if !a.looked || id != a.siteID {
				a.looked, a.siteID, a.siteDoc = true, id, nil
				if s := m.Site(id); s != nil {
					a.siteDoc = s.Doc
				}
			}
			add(a.siteDoc)
		}
		// A redundancy finding may cut thousands of sites: sort, then drop
		// repeats, rather than search the list for each site.
		slices.Sort(out)
		out = slices.Compact(out)
		switch {
		case len(out) == 0:
			f.Agencies = nil
		case len(out) == 1:
			l, ok := a.one[only]
			if !ok {
				l = []string{out[0]}
				a.one[only] = l
			}
			f.Agencies = l
		default:
			f.Agencies = slices.Clone(out)
		}
	}
}
