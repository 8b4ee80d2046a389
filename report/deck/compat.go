package deck

import (
	"sort"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
)

// isCSA reports whether the document is the state's own side, which is
// context for the review and not under review.
func isCSA(d *topology.Document) bool {
	return d.Agency.ORI == "" || d.Proposal != nil && d.Proposal.Kind == topology.ProposalKind("existing")
}

// findingAgencies are the ORIs of the agencies that own the finding's
// subject or one of its sites.
func findingAgencies(res *analysis.Result, f *analysis.Finding) []string {
	m := res.Model
	seen := map[string]bool{}
	add := func(d *topology.Document) {
		if d != nil && !isCSA(d) && d.Agency.ORI != "" {
			seen[d.Agency.ORI] = true
		}
	}
	switch f.Kind {
	case analysis.KindDevice:
		if d := m.Device(f.Subject); d != nil {
			add(d.Doc)
		}
	case analysis.KindLink:
		if l := m.Link(f.Subject); l != nil {
			add(l.Doc)
		}
	case analysis.KindTunnel:
		if t := m.Tunnel(f.Subject); t != nil {
			add(t.Doc)
		}
	}
	for _, s := range f.Sites {
		if site := m.Site(s); site != nil {
			add(site.Doc)
		}
	}
	out := make([]string, 0, len(seen))
	for o := range seen {
		out = append(out, o)
	}
	sort.Strings(out)
	return out
}
