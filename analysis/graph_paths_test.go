package analysis

import (
	"testing"

	"github.com/netreview/netreview/topology"
)

// TestEndsPhrase checks how a message says where a link runs: a link from
// a site to a carrier network is not "within" the site.
func TestEndsPhrase(t *testing.T) {
	m := &topology.Model{
		Sites: []*topology.Site{{ID: "hq"}, {ID: "annex"}},
		Devices: []*topology.Device{
			{ID: "hq-rtr", Type: topology.Router, Site: "hq"},
			{ID: "hq-sw", Type: topology.Switch, Site: "hq"},
			{ID: "annex-sw", Type: topology.Switch, Site: "annex"},
			{ID: "vzw", Type: topology.CarrierNetwork},
			{ID: "backup", Type: topology.CloudService},
		},
	}
	m.Reindex()
	g := newGraphs(m)
	tests := []struct{ a, b, want string }{
		{"hq-rtr", "hq-sw", "it runs within site hq"},
		{"hq-rtr", "annex-sw", "it runs between sites hq and annex"},
		{"hq-rtr", "vzw", "it runs from site hq to carrier network vzw"},
		{"vzw", "annex-sw", "it runs from site annex to carrier network vzw"},
		{"vzw", "backup", "it runs between carrier network vzw and cloud service backup, outside every site"},
	}
	for _, tt := range tests {
		a, _ := g.vertex(tt.a)
		b, _ := g.vertex(tt.b)
		if got := g.endsPhrase(a, b); got != tt.want {
			t.Errorf("endsPhrase(%s, %s) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}
